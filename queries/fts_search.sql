-- ranks at most the first 100,000 matches: ranking all of a word most rows hold ("the") takes seconds at a million rows
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
  and alpaca_data_fts.rowid <= (
    select max(rowid) from (select rowid from alpaca_data_fts where alpaca_data_fts match fts_query(:q) limit 100000)
  )
order by rank
limit 200
