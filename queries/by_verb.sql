select verb, count(*) as n, count(distinct noun) as nouns
from alpaca_data
where verb is not null
group by verb
order by n desc
limit 50
