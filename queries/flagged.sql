select id, issues, instruction, input, output
from alpaca_data
where rowid in (select rowid from alpaca_data where issues < '[]')
  and (coalesce(:issue, '') = '' or exists (select 1 from json_each(alpaca_data.issues) where value = :issue))
order by id
