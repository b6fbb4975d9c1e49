select
  alpaca_data.id,
  snippet(alpaca_data_fts, -1, char(57344), char(57345), '…', 24) as match,
  alpaca_data.instruction,
  alpaca_data.input,
  alpaca_data.output,
  alpaca_data.category,
  alpaca_data.train_tokens
from alpaca_data_fts
join alpaca_data on alpaca_data.id = alpaca_data_fts.rowid
where alpaca_data_fts match fts_query(:q)
order by rank
limit 200
