-- the groups the load listed in alpaca_data_duplicates: each copy with the id of its group's first
select
  first.instruction,
  count(*) as n,
  group_concat(copies.id, ', ') as ids
from alpaca_data_duplicates as copies
join alpaca_data as first on first.id = copies.first_id
group by copies.first_id
order by n desc, copies.first_id
