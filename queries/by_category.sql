select
  category,
  count(*) as n,
  round(100.0 * count(*) / (select count(*) from alpaca_data), 1) as percent,
  sum(has_input) as with_input,
  round(avg(train_tokens), 1) as mean_train_tokens,
  max(train_tokens) as max_train_tokens,
  sum(train_tokens) as total_train_tokens
from alpaca_data
group by category
order by n desc
