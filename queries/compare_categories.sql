-- one table's categories: the explorer joins them for each alpaca-explore table of the database
select * from (
  select
    :dataset as dataset,
    category,
    count(*) as n,
    round(100.0 * count(*) / (select count(*) from alpaca_data), 1) as percent
  from alpaca_data
  group by category
  order by n desc, category
)
