with settings as (
  select case when cast(:width as integer) > 0 then cast(:width as integer) else 32 end as width
)
select
  train_tokens / width * width as bucket,
  count(*) as n
from alpaca_data, settings
group by bucket
order by bucket
