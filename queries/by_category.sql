select
  category,
  count(*) as n,
  round(100.0 * count(*) / (select count(*) from alpaca_data), 1) as percent,
  sum(has_input) as with_input,
  round(avg(train_tokens), 1) as mean_train_tokens,
  max(train_tokens) as max_train_tokens,
  sum(train_tokens) as total_train_tokens,
  -- datasette-vega orders a chart's bars by their labels, and these sort in the order of the rows
  printf('%02d %s', row_number() over (order by count(*) desc, category), category) as ranked_category
from alpaca_data
group by category
order by n desc, category
