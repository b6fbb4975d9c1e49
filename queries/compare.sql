-- one row for a table: the explorer joins one such row for each alpaca-explore table of the database
select
  :dataset as dataset,
  count(*) as examples,
  round(100.0 * sum(has_input) / count(*), 1) as percent_with_input,
  round(avg(train_tokens), 1) as mean_train_tokens,
  max(train_tokens) as max_train_tokens,
  sum(train_tokens) as total_train_tokens,
  round(100.0 * sum(train_tokens > 512) / count(*), 1) as percent_over_512_tokens,
  round(100.0 * sum(issues != '[]') / count(*), 1) as percent_flagged,
  (select count(*) from alpaca_data_duplicates where id != first_id) as duplicate_instructions,
  count(distinct verb) as verbs
from alpaca_data
