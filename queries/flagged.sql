select id, issues, instruction, input, output
from alpaca_data
where exists (select 1 from json_each(alpaca_data.issues) where value = :issue)
order by id
