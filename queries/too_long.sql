with settings as (
  select case when cast(:max_tokens as integer) > 0 then cast(:max_tokens as integer) else 512 end as max_tokens
)
select id, train_tokens, instruction, input, output, category
from alpaca_data, settings
where train_tokens > settings.max_tokens
order by train_tokens desc
