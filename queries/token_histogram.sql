select
  cast(train_tokens / cast(coalesce(nullif(:width, ''), 32) as integer) as integer)
    * cast(coalesce(nullif(:width, ''), 32) as integer) as bucket,
  count(*) as n
from alpaca_data
group by bucket
order by bucket
