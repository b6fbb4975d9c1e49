with settings as (
  select case when cast(:width as integer) > 0 then cast(:width as integer) else 32 end as width
),
lengths as (
  select train_tokens, count(*) as n
  from alpaca_data
  group by train_tokens
)
select
  train_tokens / width * width as bucket,
  sum(n) as n
from lengths, settings
group by bucket
order by bucket
