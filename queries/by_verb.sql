select
  verb,
  count(*) as n,
  count(distinct noun) as nouns,
  -- datasette-vega orders a chart's bars by their labels, and these sort in the order of the rows
  printf('%02d %s', row_number() over (order by count(*) desc, verb), verb) as ranked_verb
from alpaca_data
where verb is not null
group by verb
order by n desc, verb
limit 50
