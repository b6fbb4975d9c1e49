with copied as (
  -- the instructions of the copies flagged duplicate_instruction, found through the index on issues
  select distinct alpaca_normalised_instruction(instruction) as normalised
  from alpaca_data
  where rowid in (select rowid from alpaca_data where issues < '[]')
    and instr(issues, '"duplicate_instruction"') > 0
)
select
  min(instruction) as instruction,
  count(*) as n,
  group_concat(id, ', ') as ids
from alpaca_data
where alpaca_normalised_instruction(instruction) in copied
group by alpaca_normalised_instruction(instruction)
order by n desc, min(id)
