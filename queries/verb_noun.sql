with top_verbs as (
  select verb, count(*) as verb_total, row_number() over (order by count(*) desc, verb) as verb_rank
  from alpaca_data
  where verb is not null
  group by verb
  order by verb_total desc, verb
  limit 20
),
pairs as (
  select
    verb,
    noun,
    count(*) as n,
    row_number() over (partition by verb order by count(*) desc, noun) as noun_rank
  from alpaca_data
  where verb in (select verb from top_verbs) and noun is not null
  group by verb, noun
)
select
  pairs.verb,
  top_verbs.verb_total,
  pairs.noun,
  pairs.n,
  -- datasette-vega orders a chart's bars by their labels, and these sort in the order of the rows
  printf('%02d %s', top_verbs.verb_rank, pairs.verb) as ranked_verb
from pairs
join top_verbs on top_verbs.verb = pairs.verb
where noun_rank <= 4
order by top_verbs.verb_rank, pairs.n desc, pairs.noun
