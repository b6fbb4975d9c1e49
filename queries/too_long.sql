select id, train_tokens, instruction, input, output, category
from alpaca_data
where train_tokens > cast(coalesce(nullif(:max_tokens, ''), 512) as integer)
order by train_tokens desc
