select
  min(instruction) as instruction,
  count(*) as n,
  group_concat(id, ', ') as ids
from alpaca_data
group by lower(trim(instruction, ' .?!:'))
having n > 1
order by n desc, min(id)
