"""The explorer: a real ``datasette alpaca.db`` process, started with no flags."""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import math
import os
import re
import shutil
import sqlite3
import time
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
import sentencepiece
import sqlite_utils
import tiktoken
from datasette.app import Datasette
from datasette.utils import tilde_encode
from conftest import GSM8K, KOREAN, LLAMA_MODEL, OTHER_LANGUAGES, SAMPLE, UNREAD_LANGUAGES, Route, datasette_client, start_datasette, training_text

from alpaca_explore import load, sql_functions, tokens
from alpaca_explore.plugins import counts as counts_plugin
from alpaca_explore.classify import category
from alpaca_explore.database import COLUMNS
from alpaca_explore.parse import Record, read_records

QUOTED_TABLE = "gpt-4 réponses"  # SQL must quote it, URLs tilde-encode it, HTTP headers encode it
READINGS = [-5, -0.5, None, 0, 7.9, 8, 100]
XSS = {"instruction": "Explain <script>alert('x')</script> tags.", "input": "<b>bold</b> & <i>", "output": "Line one\n<img src=x onerror=alert(1)>\nLine three"}


@pytest.fixture(scope="module")
def explorer(tmp_path_factory):
    """``datasette alpaca.db other.db`` over the real sample plus a record full of HTML."""
    folder = tmp_path_factory.mktemp("explorer")
    records = json.loads(SAMPLE.read_text()) + [XSS]
    records.append({**records[5], "output": "A second answer to the same instruction."})
    # The same instruction again, spaced differently: a duplicate too.
    records.append({**records[9], "instruction": records[9]["instruction"].replace(" ", "  ", 1) + "\n", "output": "Another answer."})
    records.append({**XSS, "output": "Its copy."})  # so that the duplicates table and query show its instruction
    (folder / "alpaca_data.json").write_text(json.dumps(records))  # Stanford Alpaca's file name: its metadata applies
    load(str(folder / "alpaca_data.json"), folder / "alpaca.db")
    sqlite_utils.Database(folder / "other.db")["notes"].insert({"text": "hello"})
    sqlite_utils.Database(folder / "other.db")["readings"].insert_all({"value": value} for value in READINGS)
    with datasette_client("alpaca.db", "other.db", cwd=folder) as (client, _):
        yield client, folder, records


def get_json(client, path: str, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()


def test_a_table_loaded_from_several_files_names_the_first(tmp_path):
    for name, records in (("a.json", [{"instruction": "a", "output": "b"}]), ("b.json", [{"instruction": "c", "output": "d"}])):
        (tmp_path / name).write_text(json.dumps(records))
    load([str(tmp_path / "a.json"), str(tmp_path / "b.json")], tmp_path / "alpaca.db")
    with datasette_client("alpaca.db", cwd=tmp_path) as (client, _):
        assert f"Loaded from {tmp_path / 'a.json'} and 1 more." in client.get("/alpaca/alpaca_data").text


def test_metadata_and_hidden_provenance(explorer):
    client, folder, _ = explorer
    index = client.get("/").text
    table_page = client.get("/alpaca/alpaca_data").text
    assert "Stanford Alpaca explorer" in index and 'href="https://creativecommons.org/licenses/by-nc/4.0/"' in table_page
    assert "compare them" not in index  # one dataset: nothing to compare
    assert "Token counts: tiktoken cl100k_base" in table_page
    assert f"Loaded from {folder / 'alpaca_data.json'}." in table_page  # the source of the table's load
    assert "Tokens of the full training text" in table_page  # column descriptions
    tables = {t["name"]: t for t in get_json(client, "/alpaca.json")["tables"]}
    assert tables["alpaca_explore_loads"]["hidden"] and not tables["alpaca_data"]["hidden"]
    assert tables["alpaca_data_duplicates"]["hidden"]  # a helper of the table, reached from its rows and the duplicates query
    assert [table["name"] for table in get_json(client, "/.json")["alpaca"]["tables_and_views_truncated"]] == ["alpaca_data"]
    other = client.get("/other/notes").text
    assert "Token counts" not in other and "CC BY-NC" not in other  # another database's table has its own license, or none


def test_another_dataset_is_not_described_as_stanford_alpaca(http_server, tmp_path):
    """GSM8K in Alpaca's format, from a URL: no 52,002 examples from text-davinci-003 under CC BY-NC; its source is the URL."""
    http_server.routes["/gsm8k_train_alpaca.json"] = Route(GSM8K.read_bytes())
    url = http_server.url("/gsm8k_train_alpaca.json")
    load(url, tmp_path / "alpaca.db")
    with datasette_client("alpaca.db", cwd=tmp_path) as (client, _):
        pages = {path: client.get(path).text for path in ("/", "/alpaca", "/alpaca/alpaca_data", "/alpaca/alpaca_data_duplicates")}
    assert "Instruction-tuning dataset explorer" in pages["/"] and 'href="/alpaca/search?search=pandas"' in pages["/"]
    assert not [path for path, page in pages.items() if re.search("Stanford|52,002|text-davinci|CC BY-NC", page)]
    assert f'<a href="{url}">' in pages["/alpaca/alpaca_data"] and "The response the example trains a model to give." in pages["/alpaca/alpaca_data"]


def test_a_dataset_without_spaces_is_searched_inside_its_runs_and_says_how(tmp_path):
    records = [
        {"instruction": "用三句话解释光合作用。", "input": "", "output": "光合作用是植物制造葡萄糖的过程。"},
        {"instruction": "写一首关于大海的诗。", "input": "", "output": "大海啊，你是那样宽广。"},
        {"instruction": "写一首关于月亮的诗。", "input": "", "output": "月亮_圆了。"},
    ]
    (tmp_path / "zh.json").write_text(json.dumps(records, ensure_ascii=False))
    load(str(tmp_path / "zh.json"), tmp_path / "alpaca.db")
    searches = ["光合作用", "大海", "诗", "写一首 诗", "植物 光合作用", "诗 大海", "亮_", "亮%", "光合作用 大海"]
    with datasette_client("alpaca.db", cwd=tmp_path) as (client, _):
        found = {search: [row["id"] for row in get_json(client, "/alpaca/alpaca_data.json", _search=search, _shape="array")] for search in searches}
        exported = client.get("/alpaca/alpaca_data.alpaca", params={"_search": "大海"}).json()
        ranked = get_json(client, "/alpaca/fts_search.json", q="关于大海", _shape="array")
        page = client.get("/alpaca/alpaca_data").text
        ranked_page = client.get("/alpaca/fts_search").text
    assert "so a search here matches 3 or more characters in a row; <a href=\"/alpaca/alpaca_data\">the table's search box</a>" in ranked_page
    assert found == {"光合作用": [0], "大海": [1], "诗": [1, 2], "写一首 诗": [1, 2], "植物 光合作用": [0], "诗 大海": [1], "亮_": [2], "亮%": [], "光合作用 大海": []}
    assert exported == [records[1]] and [row["id"] for row in ranked] == [1]
    assert "the search box matches characters in a row, not words (a search of 1 or 2 characters reads every row)" in page


def test_a_table_in_a_language_the_classifier_does_not_read_says_so(tmp_path, explorer):
    """Thai, Vietnamese, Arabic: no verbs, and the description says why; Spanish, German, French, Russian: verbs."""
    (tmp_path / "unread.json").write_text(json.dumps(UNREAD_LANGUAGES, ensure_ascii=False))
    (tmp_path / "european.json").write_text(json.dumps(OTHER_LANGUAGES, ensure_ascii=False))
    load(str(tmp_path / "unread.json"), tmp_path / "alpaca.db")
    load(str(tmp_path / "european.json"), tmp_path / "european.db")
    with datasette_client("alpaca.db", "european.db", cwd=tmp_path) as (client, _):
        page = client.get("/alpaca/alpaca_data").text
        european = client.get("/european/alpaca_data").text
        verbs = [row["verb"] for row in get_json(client, "/european/alpaca_data.json", _shape="array", _col="verb")]
    note = "not the language of much of its text, whose rows have none, and open_qa for a category"
    assert note in page and note not in european and note not in explorer[0].get("/alpaca/alpaca_data").text
    assert verbs == ["escribir", "traducir", "schreiben", "décrire", "написать"]


def test_searches_find_korean_words_with_their_particles(tmp_path):
    """The word index keeps particles on Korean words: the search box and fts_search find 문장 in 문장을 and 문장이."""
    (tmp_path / "ko.json").write_text(json.dumps(KOREAN, ensure_ascii=False))
    load(str(tmp_path / "ko.json"), tmp_path / "alpaca.db")
    with datasette_client("alpaca.db", cwd=tmp_path) as (client, _):
        searches = ("문장", "문장 번역", "C++ 문장", '"문장을"')
        ranked = {q: sorted(row["id"] for row in get_json(client, "/alpaca/fts_search.json", q=q, _shape="array")) for q in searches}
        found = {q: sorted(row["id"] for row in get_json(client, "/alpaca/alpaca_data.json", _search=q, _shape="array")) for q in searches}
    assert ranked == found == {"문장": [0, 1], "문장 번역": [0], "C++ 문장": [], '"문장을"': [0]}


def test_a_table_loaded_from_a_hub_path_links_to_its_file(tmp_path):
    (tmp_path / "train.jsonl").write_text('{"instruction": "a", "output": "b"}\n')
    load(str(tmp_path / "train.jsonl"), tmp_path / "alpaca.db")
    with sqlite3.connect(tmp_path / "alpaca.db") as conn:  # as a load from the Hub, out of reach here, records it
        conn.execute("UPDATE alpaca_explore_loads SET source = 'hf://datasets/o/d/train.jsonl'")
    with datasette_client("alpaca.db", cwd=tmp_path) as (client, _):
        page = client.get("/alpaca/alpaca_data").text
    assert re.search(r'<a href="https://huggingface.co/datasets/o/d/resolve/main/train.jsonl">\s*hf://datasets/o/d/train.jsonl</a>', page)


def test_column_glossary_in_schema_order_and_compact(explorer):
    client, _, _ = explorer
    table_page = client.get("/alpaca/alpaca_data").text
    glossary = table_page.split('<dl class="column-descriptions">', 1)[1].split("</dl>", 1)[0]
    assert re.findall(r"<dt>(\w+)</dt>", glossary) == list(COLUMNS)
    # The stylesheet that lays the glossary out in a compact grid is linked on our tables only, and served.
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]*alpaca-explore\.css)"', table_page)
    assert stylesheet is not None
    served = client.get(stylesheet.group(1))
    assert served.status_code == 200 and "dl.column-descriptions" in served.text
    assert "alpaca-explore.css" not in client.get("/other/notes").text


def facets_of(data: dict) -> dict[str, dict]:
    """A table page's facet results by name (Datasette 0.65 nests them under "results" with ``_extra``)."""
    return data["facet_results"].get("results", data["facet_results"])


def test_default_facets(explorer):
    client, _, records = explorer
    data = get_json(client, "/alpaca/alpaca_data.json", _extra="facet_results,count")
    facets = facets_of(data)
    assert {"category", "verb", "has_input", "issues", "train_tokens"} <= set(facets)
    assert sum(item["count"] for item in facets["category"]["results"]) == len(records)
    assert facets["issues"]["type"] == "array"


def range_buckets(data: dict, column: str = "total_tokens") -> list[dict]:
    return facets_of(data)[column]["results"]


def test_range_facet_buckets_and_filters(explorer):
    client, folder, _ = explorer
    data = get_json(client, "/alpaca/alpaca_data.json", _facet_range="total_tokens", _extra="facet_results")
    buckets = range_buckets(data)
    db = sqlite_utils.Database(folder / "alpaca.db")
    assert sum(b["count"] for b in buckets) == db["alpaca_data"].count
    bucket = max(buckets, key=lambda b: b["count"])
    start, end = map(int, bucket["label"].split("-"))
    toggle = httpx.URL(bucket["toggle_url"])
    filtered = get_json(client, toggle.path, **{**dict(toggle.params), "_extra": ["count", "facet_results"]})  # toggle links keep .json
    assert filtered["filtered_table_rows_count"] == bucket["count"] == db.execute(
        "select count(*) from alpaca_data where total_tokens >= ? and total_tokens <= ?", [start, end]).fetchone()[0]
    # The filtered view zooms in: finer buckets, all inside the range, that count the same rows.
    finer = range_buckets(filtered)
    assert len(finer) > 1 and sum(b["count"] for b in finer) == bucket["count"]
    assert all(start <= int(b["label"].split("-")[0]) and int(b["label"].split("-")[1]) <= end for b in finer)


def test_search_canned_query_is_the_seed_query(explorer):
    client, _, records = explorer
    queries = get_json(client, "/alpaca.json")["queries"]
    names = {q["name"] for q in queries}
    assert names >= {"search", "fts_search", "by_category", "by_verb", "too_long", "token_histogram", "flagged", "duplicates", "verb_noun"}
    search = next(q for q in queries if q["name"] == "search")
    assert " ".join(search["sql"].split()) == (
        "select instruction, input, output from alpaca_data where instruction || ' ' || input || ' ' || output "
        "like '%' || :search || '%' order by random()"
    )
    rows = get_json(client, "/alpaca/search.json", search="pandas", _shape="array")
    expected = [r for r in records if "pandas" in f"{r['instruction']} {r['input']} {r['output']}".lower()]
    assert rows and sorted(r["instruction"] for r in rows) == sorted(r["instruction"] for r in expected)


QUERY_PARAMS = [
    ("fts_search", {"q": "python"}),
    ("by_category", {}),
    ("by_verb", {}),
    ("too_long", {"max_tokens": "512"}),
    ("too_long", {}),
    ("token_histogram", {"width": "64"}),
    ("flagged", {"issue": "duplicate_instruction"}),
    ("flagged", {}),
    ("duplicates", {}),
    ("verb_noun", {}),
]


@pytest.mark.parametrize("query, params", QUERY_PARAMS)
def test_every_canned_query_runs(explorer, query, params):
    client, folder, _ = explorer
    rows = get_json(client, f"/alpaca/{query}.json", _shape="array", **params)
    assert rows, query
    if query == "too_long":
        assert all(row["train_tokens"] > 512 for row in rows)
    if query == "verb_noun":
        assert len({row["verb"] for row in rows}) == 20 and max(Counter(row["verb"] for row in rows).values()) <= 4
    if query == "flagged":  # with an issue code, the examples flagged with it; without one, every flagged example
        code = params.get("issue", "")
        db = sqlite_utils.Database(folder / "alpaca.db")
        assert len(rows) == db.execute("select count(*) from alpaca_data where issues != '[]' and issues like ?", [f'%"{code}%']).fetchone()[0]


def test_by_category_sums_up_each_categorys_examples_and_tokens(explorer):
    client, folder, _ = explorer
    rows = list(sqlite_utils.Database(folder / "alpaca.db")["alpaca_data"].rows)
    by_category = {row["category"]: row for row in get_json(client, "/alpaca/by_category.json", _shape="array")}
    assert by_category.keys() == {r["category"] for r in rows}
    counts = Counter(r["category"] for r in rows)
    for place, (name, summary) in enumerate(sorted(by_category.items(), key=lambda item: (-counts[item[0]], item[0])), start=1):
        examples = [r for r in rows if r["category"] == name]
        assert summary == {
            "category": name,
            "n": len(examples),
            "percent": round(100 * len(examples) / len(rows), 1),
            "with_input": sum(r["has_input"] for r in examples),
            "mean_train_tokens": round(sum(r["train_tokens"] for r in examples) / len(examples), 1),
            "max_train_tokens": max(r["train_tokens"] for r in examples),
            "total_train_tokens": sum(r["train_tokens"] for r in examples),
            "ranked_category": f"{place:02d} {name}",
        }


def test_the_database_page_lists_the_searches_then_the_summaries_then_examples_to_look_into(explorer):
    client, _, _ = explorer
    names = [query["name"] for query in get_json(client, "/alpaca.json")["queries"]]
    folder = Path(__file__).parents[1] / "queries"
    per_table = {path.stem for path in folder.glob("*.sql") if "across_tables: true" not in (folder / f"{path.stem}.yml").read_text()}
    assert sorted(names) == sorted(per_table)  # and with one table, no comparison of tables
    assert names == ["search", "fts_search", "by_category", "by_verb", "verb_noun", "token_histogram", "too_long", "flagged", "duplicates"]


def test_canned_query_pages_are_titled_by_their_title_not_their_sql(explorer):
    client, _, _ = explorer
    title = re.search(r"<title>(.*?)</title>", client.get("/alpaca/fts_search", params={"q": "python"}).text, re.S)
    assert title is not None and title.group(1) == "alpaca: Full-text search, ranked"
    other = re.search(r"<title>(.*?)</title>", client.get("/other", params={"sql": "select 1"}).text, re.S)
    assert other is not None and other.group(1) == "other: select 1"  # other databases keep Datasette's title


@pytest.mark.parametrize("query", ["by_category", "fts_search", "verb_noun"])
def test_long_canned_queries_show_results_first_and_sql_on_request(explorer, query):
    client, _, _ = explorer
    page = client.get(f"/alpaca/{query}").text
    assert '<pre id="sql-query">' not in page and f"/alpaca/{query}?_show_sql=1" in page
    assert '<pre id="sql-query">' in client.get(f"/alpaca/{query}", params={"_show_sql": 1}).text


@pytest.mark.parametrize("codes", [["duplicate_instruction"], ["placeholder_input", "missing_media"], ['no "such" code']])
def test_an_issue_filter_reads_only_the_rows_with_that_issue_through_an_index(explorer, codes):
    client, folder, _ = explorer
    data = get_json(client, "/alpaca/alpaca_data.json", issues__arraycontains=codes, _extra=["count", "query"])
    db = sqlite3.connect(folder / "alpaca.db")
    having_all = " and ".join("? in (select value from json_each(issues))" for _ in codes)
    expected = db.execute(f"select count(*) from alpaca_data where {having_all}", codes).fetchone()[0]
    assert data["filtered_table_rows_count"] == expected
    sql, params = data["query"]["sql"], data["query"]["params"]
    plan = " ".join(row[3] for row in db.execute(f"explain query plan {sql}", params))
    assert "USING COVERING INDEX idx_alpaca_data_issues" in plan and "SCAN alpaca_data" not in plan, plan
    # The rowids come from the index already narrowed to the rows holding the codes, not every flagged row.
    rowids = re.search(r"rowid in \((select rowid from \S+ where issues < '\[\]'[^()]*(?:\([^()]*\)[^()]*)*)\)", sql).group(1)
    assert db.execute(f"select count(*) from ({rowids})", params).fetchone()[0] == expected


@pytest.fixture(scope="module")
def traced(explorer):
    """A second Datasette over the explorer's database that reports the SQL each page ran (``?_trace=1``)."""
    _, folder, records = explorer
    with datasette_client("alpaca.db", "--setting", "trace_debug", "1", cwd=folder) as (client, _):
        yield client, folder, records


def test_the_range_facet_keeps_to_the_facet_time_limit(explorer):
    """Its minimum and maximum too, not only its buckets: at a million rows a search for "the" spent 0.9 s on them,
    where every other facet gives up after facet_time_limit_ms (200 ms)."""
    _, folder, _ = explorer
    settings = ("--setting", "trace_debug", "1", "--setting", "facet_time_limit_ms", "1")
    with datasette_client("alpaca.db", *settings, cwd=folder) as (client, _):
        data = get_json(client, "/alpaca/alpaca_data.json", _trace="1", _extra="facet_results", _where="token_count(output) > 100000")
    range_queries = [trace for trace in data["_trace"]["traces"] if "(train_tokens)" in trace["sql"] and "explain" not in trace["sql"]]
    assert "train_tokens" not in facets_of(data), "timed out"
    assert all(trace["duration_ms"] < 50 for trace in range_queries), [(trace["sql"][:40], trace["duration_ms"]) for trace in range_queries]


def facets_and_plans(client, folder, path: str, **params) -> tuple[dict, dict[str, str]]:
    """A table page's facet results, and the query plan of each SQL statement it ran, by statement."""
    data = get_json(client, path, _trace="1", _extra="facet_results", **params)
    facets = facets_of(data)
    db = sqlite3.connect(folder / "alpaca.db")
    plans = {
        trace["sql"]: " | ".join(row[3] for row in db.execute(f"explain query plan {trace['sql']}", trace["params"] or []))
        for trace in data["_trace"]["traces"]
        if trace.get("database") == "alpaca" and trace["sql"].lstrip().lower().startswith(("select", "with"))
    }
    return facets, plans


def table_reads(plan: str) -> list[str]:
    """The steps of a plan that read alpaca_data, its rows or one of its indexes."""
    return re.findall(r"(?:SCAN|SEARCH) alpaca_data\b[^|]*", plan)


def issue_counts(db: sqlite3.Connection, where: str = "1") -> dict[str, int]:
    return dict(db.execute(f"select value, count(*) from alpaca_data, json_each(issues) where {where} group by value"))


@pytest.mark.parametrize(
    "filters, where",
    [
        ({}, "1"),
        ({"category": "generation"}, "category = 'generation'"),
        ({"issues__arraycontains": "placeholder_input"}, "exists (select 1 from json_each(issues) where value = 'placeholder_input')"),
    ],
)
def test_issues_facet_counts_every_flag_from_the_flagged_rows_alone(traced, filters, where):
    client, folder, _ = traced
    facets, plans = facets_and_plans(client, folder, "/alpaca/alpaca_data.json", **filters)
    db = sqlite3.connect(folder / "alpaca.db")
    expected = issue_counts(db, where)
    assert {item["value"]: item["count"] for item in facets["issues"]["results"]} == expected and len(expected) > 1
    assert facets["issues"]["type"] == "array"
    selected = [item["value"] for item in facets["issues"]["results"] if item["selected"]]
    assert selected == ([filters["issues__arraycontains"]] if "issues__arraycontains" in filters else [])
    # Datasette's own array facet reads (and de-duplicates) every row; this one reads the flagged rows through the index.
    [plan] = [plan for sql, plan in plans.items() if "deduped_array_items" in sql]  # the array facet's SQL
    assert "idx_alpaca_data_issues" in plan and not re.search(r"SCAN alpaca_data(?! USING COVERING INDEX)", plan), plan


def test_issues_facet_by_request_hides_by_its_own_link_and_skips_other_tables(explorer):
    client, _, _ = explorer
    data = get_json(client, "/alpaca/alpaca_data.json", _facet_flagged="issues", _extra="facet_results")
    facets = facets_of(data)
    assert "_facet_flagged" not in facets["issues"]["toggle_url"]
    other = get_json(client, "/other/notes.json", _facet_flagged="text", _extra="facet_results")
    assert not facets_of(other)


@pytest.mark.parametrize(
    "filters, where",
    [
        ({}, "1"),
        ({"category": "generation"}, "category = 'generation'"),
        ({"instruction__contains": "poem"}, "instruction like '%poem%'"),
        ({"verb": "write"}, "verb = 'write'"),
        ({"has_input": "1"}, "has_input = 1"),
    ],
)
def test_range_facet_counts_in_index_order_only_where_the_index_holds_all_it_needs(traced, filters, where):
    client, folder, _ = traced
    facets, plans = facets_and_plans(client, folder, "/alpaca/alpaca_data.json", **filters)
    buckets = facets["train_tokens"]["results"]
    width = int(buckets[0]["label"].split("-")[1]) + 1 - buckets[0]["value"]
    db = sqlite3.connect(folder / "alpaca.db")
    expected = dict(db.execute(f"select train_tokens / {width} * {width}, count(*) from alpaca_data where {where} group by 1"))
    assert {bucket["value"]: bucket["count"] for bucket in buckets} == expected and len(expected) > 1
    [bounds] = [plan for sql, plan in plans.items() if "min(train_tokens)" in sql]
    [counts] = [plan for sql, plan in plans.items() if " as start, " in sql]
    # Never a walk through the train_tokens index that looks up every row (as SQLite may plan it under a filter).
    assert "USING INDEX idx_alpaca_data_train_tokens" not in counts, counts
    if "verb" in filters:
        # No walk in from the ends of the train_tokens index: one pass over the verb's rows finds both bounds.
        assert len(table_reads(bounds)) == 1, bounds
    if not filters:
        assert "SCAN alpaca_data" not in bounds, bounds  # min() and max() read the two ends of the index
    if not filters or "verb" in filters or "has_input" in filters:
        # Values counted in index order in a subquery; only the distinct values are sorted into buckets.
        reads = table_reads(counts)
        assert "CO-ROUTINE" in counts and reads and all("COVERING INDEX" in read for read in reads), counts


@pytest.mark.parametrize(
    "filters",
    [{"category": "generation"}, {"has_input": "1"}, {"verb": "write"}, {"category": "generation", "has_input": "1"}, {"verb": "write", "category": "generation"}],
)
def test_the_column_facets_of_a_filtered_page_read_only_indexes(traced, filters):
    """Facets stay inside their time limit at a million rows only if they never look up rows (up to 2.4 s each)."""
    client, folder, _ = traced
    facets, plans = facets_and_plans(client, folder, "/alpaca/alpaca_data.json", **filters)
    assert {"category", "verb", "has_input"} <= set(facets)
    column_facets = [plan for sql, plan in plans.items() if re.match(r"\s*select (category|verb|has_input) as value", sql)]
    assert len(column_facets) == 3
    for plan in column_facets:
        reads = table_reads(plan)
        assert reads and all("COVERING INDEX" in read for read in reads), plan


# Rows per distinct value of each index's leading column, as ANALYZE found them for the growth benchmark's million
# rows (2026-11-25): there a verb selects a few rows (90 on average), an issues value many (66,667).
MILLION_ROW_AVERAGES = {"category": 90910, "verb": 90, "has_input": 500000, "train_tokens": 2393, "total_tokens": 2434, "issues": 66667}


def with_million_row_statistics(folder, copy_folder):
    """A copy of the explorer's database whose planner statistics (sqlite_stat1) are those of a million rows, so that
    its query plans are the ones SQLite makes at that size; the rows stay the sample's."""
    shutil.copy(folder / "alpaca.db", copy_folder / "alpaca.db")
    with sqlite3.connect(copy_folder / "alpaca.db") as db:
        for index, stat in db.execute("select idx, stat from sqlite_stat1 where tbl = 'alpaca_data'").fetchall():
            leading = db.execute(f"pragma index_info([{index}])").fetchone()[2]
            _, _, *rest = stat.split()
            db.execute("update sqlite_stat1 set stat = ? where idx = ?", [" ".join(["1000000", str(MILLION_ROW_AVERAGES[leading]), *rest]), index])
    return copy_folder


def test_the_issues_facet_of_a_verbs_page_reads_only_an_index_at_a_million_rows(traced, tmp_path):
    """At a million rows SQLite reads a verb's rows through the verb index; looking each up for its issues took 0.29 s,
    past the facet's 200 ms, where the index alone takes 0.02 s."""
    client, folder, _ = traced
    facets, plans = facets_and_plans(client, with_million_row_statistics(folder, tmp_path), "/alpaca/alpaca_data.json", verb="write")
    assert "issues" in facets
    [plan] = [plan for sql, plan in plans.items() if sql.startswith("with inner as")]
    reads = table_reads(plan)
    assert reads and all("COVERING INDEX" in read for read in reads), plan
    assert "(verb=?)" in plan  # as at a million rows


def test_range_facet_rounds_negative_values_down(explorer):
    client, _, _ = explorer
    buckets = range_buckets(get_json(client, "/other/readings.json", _facet_range="value", _extra="facet_results"), "value")
    width = int(httpx.URL(buckets[0]["toggle_url"]).params["value__lt"]) - buckets[0]["value"]
    expected = Counter(math.floor(value / width) * width for value in READINGS if value is not None)
    assert {bucket["value"]: bucket["count"] for bucket in buckets} == expected and min(expected) < 0


@pytest.mark.parametrize("column", ["instruction", "verb"])
def test_range_facet_on_text_is_a_clear_error(explorer, column):
    client, _, _ = explorer
    response = client.get("/alpaca/alpaca_data.json", params={"_facet_range": column})
    assert response.status_code == 400
    assert response.json()["error"] == f"_facet_range={column}: the column holds values that are not numbers"


@pytest.mark.parametrize(
    "typed, meant",
    [
        # FTS5 syntax keeps its meaning ...
        ("prog*", "prog*"),
        ("instruction: poem", "instruction: poem"),
        ("python OR java", "python OR java"),
        ("haiku NOT autumn", "haiku NOT autumn"),
        # ... and what FTS5 would reject is searched for as words.
        ("don't", '"don\'t"'),
        ("C++ code", '"C" "code"'),
    ],
)
def test_fts_search_keeps_fts5_syntax_and_searches_anything_else_as_words(explorer, typed, meant):
    client, folder, _ = explorer
    with sqlite3.connect(folder / "alpaca.db") as db:
        expected = {rowid for (rowid,) in db.execute("select rowid from alpaca_data_fts where alpaca_data_fts match ?", [meant])}
    rows = get_json(client, "/alpaca/fts_search.json", q=typed, _shape="array")
    assert 0 < len(expected) < 200 and {row["id"] for row in rows} == expected


def test_the_search_box_reads_a_search_as_export_does(explorer, run_cli):
    """Each word or quoted phrase required, as export --search reads it, on every page of the search and in its exports."""
    client, folder, _ = explorer
    for search in ("water", "C++ code", '"the following sentence" tense', "don't"):
        exported = json.loads(run_cli("export", "--db", str(folder / "alpaca.db"), "--search", search).stdout)
        first = get_json(client, "/alpaca/alpaca_data.json", _search=search, _size=2, _shape="objects")
        rows, next_url = first["rows"], first["next_url"]
        while next_url:
            more = client.get(next_url.removeprefix("http://localhost")).json()
            rows, next_url = rows + more["rows"], more["next_url"]
        from_page = client.get("/alpaca/alpaca_data.alpaca", params={"_search": search}).json()
        assert len(exported) > 2 and [{key: row[key] for key in ("instruction", "input", "output")} for row in rows] == exported == from_page, search


def test_an_empty_search_box_shows_every_row_and_one_without_words_none(explorer):
    """Datasette's own search answered both with "Invalid SQL: fts5: syntax error"."""
    client, _, records = explorer
    assert get_json(client, "/alpaca/alpaca_data.json", _search="", _size=1)["filtered_table_rows_count"] == len(records)
    assert get_json(client, "/alpaca/alpaca_data.json", _search="  ", _size=1)["filtered_table_rows_count"] == len(records)
    assert get_json(client, "/alpaca/alpaca_data.json", _search='"', _shape="array") == []


def test_a_search_pages_links_keep_the_search_as_typed(explorer):
    """Its facets, next page and exports link with ``_search`` (they carried it as ``_alpaca_search`` when the plugin
    renamed it), and following them keeps the search; the page's form holds no second copy of it."""
    client, _, _ = explorer
    page = client.get("/alpaca/alpaca_data", params={"_search": "water", "_size": 5}).text
    links = [html.unescape(href) for href in re.findall(r'href="([^"]*\?[^"]*)"', page)]
    searched = [link for link in links if "_search=water" in link]
    assert "_alpaca_search" not in page and len(searched) > 10, searched
    form = re.search(r'<form class="filters".*?</form>', page, re.S).group()
    assert [name for name in re.findall(r'<input type="hidden" name="([^"]+)"', form) if "search" in name] == []
    facet_link = urlsplit(next(link for link in searched if "category=" in link))
    arguments = parse_qs(facet_link.query)
    rows = client.get(facet_link.path + ".json", params={**arguments, "_shape": "array", "_size": "max"}).json()
    assert rows and all(row["category"] == arguments["category"][0] and "water" in " ".join((row["instruction"], row["input"], row["output"])).lower() for row in rows)


def test_a_search_forms_redirect_shows_the_search_as_typed(explorer):
    """The form's empty filter row makes Datasette redirect to the arguments it read: the address bar says _search."""
    client, _, _ = explorer
    form = {"_search": "water", "_filter_column": "", "_filter_op": "exact", "_filter_value": "", "_sort": "id"}
    response = client.get("/alpaca/alpaca_data", params=form)
    assert response.status_code == 302 and parse_qs(urlsplit(response.headers["location"]).query) == {"_search": ["water"], "_sort": ["id"]}


def test_other_tables_keep_datasettes_search(explorer):
    """The plugin's search replaces Datasette's on alpaca-explore tables only."""
    client, folder, _ = explorer
    notes = sqlite_utils.Database(folder / "other.db")["searchable_notes"]
    notes.insert_all([{"text": "haiku about autumn"}, {"text": "haiku about spring"}, {"text": "a sonnet"}], replace=True)
    notes.enable_fts(["text"], replace=True)
    rows = get_json(client, "/other/searchable_notes.json", _search="haiku spring", _shape="array")
    assert [row["text"] for row in rows] == ["haiku about spring"]


def test_a_raw_search_keeps_datasettes_fts5_syntax(explorer):
    client, folder, _ = explorer
    with sqlite3.connect(folder / "alpaca.db") as db:
        expected = sorted(rowid for (rowid,) in db.execute("select rowid from alpaca_data_fts where alpaca_data_fts match 'haik*'"))
    rows = get_json(client, "/alpaca/alpaca_data.json", _search="haik*", _searchmode="raw", _shape="array", _size="max")
    assert expected and [row["id"] for row in rows] == expected


@pytest.mark.parametrize("typed", ["  ", '"', '"" "'])
def test_fts_search_without_words_is_empty_not_an_error(explorer, typed):
    client, _, _ = explorer
    assert get_json(client, "/alpaca/fts_search.json", q=typed, _shape="array") == []


def test_fts_search_ranks_at_most_the_first_100000_matches(tmp_path):
    """Ranking every match of a word most rows hold took 1.5-2.5 s at a million rows, so Datasette stopped the query;
    past 100,000 matches the first 100,000 are ranked. The best match of all, a row holding the word alone, comes
    after them here."""
    cap, common, rare = 100_000, "filler text common", "rare"
    db = sqlite_utils.Database(tmp_path / "many.db")
    rows = ({"id": i, "instruction": common, "input": "", "output": "", "category": "other", "train_tokens": 9} for i in range(cap + 10))
    db["alpaca_data"].insert_all(rows, pk="id")
    db["alpaca_data"].insert_all([{"id": cap + 10, "instruction": "common", "input": "", "output": rare, "category": "other", "train_tokens": 2}])
    db["alpaca_data"].enable_fts(["instruction", "input", "output"])
    db.conn.create_function("fts_query", 1, lambda value: value)
    sql = (Path(__file__).parents[1] / "queries" / "fts_search.sql").read_text()
    ranked = [row[0] for row in db.execute(sql, {"q": "common"}).fetchall()]
    assert len(ranked) == 200 and max(ranked) < cap, max(ranked)
    assert [row[0] for row in db.execute(sql, {"q": rare}).fetchall()] == [cap + 10]


def test_sql_functions(explorer):
    client, _, _ = explorer
    text = "Alpaca is a strong, replicable instruction-following model."
    rows = get_json(client, "/alpaca.json", sql="select token_count(:t) as n, alpaca_category(:i, '') as c", t=text, i="Write a haiku about autumn.")["rows"]
    assert rows == [[len(tiktoken.get_encoding("cl100k_base").encode_ordinary(text)), category("Write a haiku about autumn.")]]
    assert get_json(client, "/alpaca.json", sql="select token_count('hello world', 'cl100k_base')")["rows"] == [[2]]
    assert get_json(client, "/alpaca.json", sql="select alpaca_normalised_instruction(:i)", i=" Write  a\tHaiku?\n")["rows"] == [["write a haiku"]]


def test_sql_functions_take_any_value_as_sqlite_functions_do(explorer):
    """Numbers and blobs count as their text, NULL as the empty text, as in length() or lower()."""
    client, _, _ = explorer
    sql = (
        "select token_count(12345) = token_count('12345'), token_count(x'68656c6c6f', 'cl100k_base') = token_count('hello'),"
        " token_count(null), alpaca_category(2024, null) = alpaca_category('2024', ''), fts_query(42),"
        " alpaca_normalised_instruction(null), alpaca_normalised_instruction(x'4869')"
    )
    assert get_json(client, "/alpaca.json", sql=sql)["rows"] == [[1, 1, 0, 1, "42", "", "hi"]]


def test_token_count_opens_only_the_tokenizers_the_database_was_loaded_with(shared, tmp_path):
    """SQL can name a tiktoken encoding or a recorded tokenizer, never another file on the server."""
    source = tmp_path / "d.json"
    source.write_text(json.dumps(json.loads(SAMPLE.read_text())[:5]))
    load(str(source), tmp_path / "alpaca.db", tokenizer=str(LLAMA_MODEL))
    elsewhere = shutil.copy(LLAMA_MODEL, tmp_path / "other.model")  # a valid tokenizer, but not this database's
    with datasette_client("alpaca.db", cwd=tmp_path) as (client, process):
        sql = "select token_count('hello world', :spec)"
        expected = len(sentencepiece.SentencePieceProcessor(model_file=str(LLAMA_MODEL)).encode("hello world"))
        assert get_json(client, "/alpaca.json", sql=sql, spec=str(LLAMA_MODEL.resolve()))["rows"] == [[expected]]
        assert get_json(client, "/alpaca.json", sql=sql, spec="cl100k_base")["rows"] == [[2]]
        refused = client.get("/alpaca.json", params={"sql": sql, "spec": str(elsewhere)})
        assert refused.status_code == 400 and refused.json()["error"] == "user-defined function raised exception"
    assert "alpaca-explore:" not in process.stderr.read().decode()  # its tokenizer is here: nothing to warn of


@pytest.mark.parametrize("extension, parse", [("alpaca", json.loads), ("jsonl", lambda text: [json.loads(line) for line in text.splitlines()])])
def test_exports_every_matching_row_and_round_trips(explorer, tmp_path, extension, parse):
    client, _, records = explorer
    response = client.get(f"/alpaca/alpaca_data.{extension}", params={"category": "brainstorming"})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    exported = parse(response.text)
    expected = [r for r in records if category(r["instruction"], r["input"]) == "brainstorming"]
    assert len(exported) == len(expected) > 100  # more than one page
    assert all(set(r) == {"instruction", "input", "output"} for r in exported)
    path = tmp_path / f"export.{extension}"
    path.write_bytes(response.content)
    assert list(read_records(path)) == [Record(r["instruction"], r.get("input", ""), r["output"]) for r in exported]


@pytest.mark.parametrize("extension, fmt", [("alpaca", "json"), ("jsonl", "jsonl")])
def test_an_export_is_byte_for_byte_what_the_command_line_writes(explorer, run_cli, extension, fmt):
    client, folder, _ = explorer
    response = client.get(f"/alpaca/alpaca_data.{extension}", params={"category": "math"})
    result = run_cli("export", "--db", str(folder / "alpaca.db"), "--category", "math", "--format", fmt)
    assert result.returncode == 0 and response.content == result.stdout.encode() and response.content.count(b"instruction") > 100


def test_the_export_link_of_a_later_page_holds_every_matching_row(explorer):
    client, _, _ = explorer
    first = get_json(client, "/alpaca/alpaca_data.json", category="brainstorming", _size="20")
    second = client.get("/alpaca/alpaca_data", params={"category": "brainstorming", "_size": "20", "_next": first["next"]}).text
    link = html.unescape(re.search(r'href="([^"]*\.jsonl[^"]*)"', second).group(1))
    assert "_next=" in link
    everything = client.get("/alpaca/alpaca_data.jsonl", params={"category": "brainstorming"}).text
    assert client.get(link).text == everything and everything.count("\n") > 20


def test_whole_table_export_is_fast_and_complete(explorer):
    client, _, records = explorer
    started = time.monotonic()
    response = client.get("/alpaca/alpaca_data.alpaca")
    assert len(response.json()) == len(records)
    assert time.monotonic() - started < 3


@pytest.fixture(scope="module")
def strict_explorer(explorer):
    """The explorer's database served with a 100 ms SQL time limit and 100 rows to a page."""
    _, folder, records = explorer
    with datasette_client("alpaca.db", "--setting", "sql_time_limit_ms", str(STRICT_LIMIT_MS), "--setting", "max_returned_rows", "100", cwd=folder, timeout=60) as (client, process):
        yield client, folder, records, process


STRICT_LIMIT_MS = 100
# Each record five times, each copy classified on the way: many times the time limit in all, a few ms a page.
SLOW_EXPORT = """
select a.instruction, a.input, a.output from alpaca_data a, (select 1 as n union all select 2 union all select 3 union all select 4 union all select 5) copies
where alpaca_category(a.instruction || copies.n, a.input) <> '' order by a.id
"""
# Tens of milliseconds a row.
SLOW_ROW = "(with recursive c(n) as (select 1 union all select n + 1 from c where n < 100000 + 0 * alpaca_data.id) select count(*) from c) > 0"


def test_an_export_longer_than_the_sql_time_limit_streams_every_row(strict_explorer):
    client, folder, records, _ = strict_explorer
    with sqlite3.connect(folder / "alpaca.db") as db:
        db.create_function("alpaca_category", 2, category)
        started = time.monotonic()
        db.execute(SLOW_EXPORT).fetchall()
        assert time.monotonic() - started > 2 * STRICT_LIMIT_MS / 1000  # the whole query could never run within the limit
    response = client.get("/alpaca.alpaca", params={"sql": SLOW_EXPORT})
    assert response.status_code == 200, response.text[:300]
    assert response.json() == [{key: r.get(key, "") for key in ("instruction", "input", "output")} for r in records for _ in range(5)]


def test_an_export_cut_short_by_the_time_limit_never_looks_complete(strict_explorer):
    client, _, _, process = strict_explorer
    # The first 250 rows come at once; every later row takes tens of milliseconds.
    sql = f"select instruction, input, output from alpaca_data where id < 250 or {SLOW_ROW} order by id"
    with client.stream("GET", "/alpaca.jsonl", params={"sql": sql}) as response:
        assert response.status_code == 200
        with pytest.raises(httpx.RemoteProtocolError):
            response.read()
    assert response.headers.get("content-length") is None  # chunked: a body cut short is an error to every client
    # The first page of the same query is no error, since it runs under the limit.
    assert client.get("/alpaca.json", params={"sql": sql.replace("order by id", "order by id limit 50")}).status_code == 200


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_an_export_stops_reading_when_the_client_leaves(strict_explorer):
    client, _, _, process = strict_explorer
    # Many seconds of classifying in all, a few milliseconds a block.
    sql = SLOW_EXPORT.replace("select 1 as n union all select 2 union all select 3 union all select 4 union all select 5", "with recursive c(n) as (select 1 union all select n + 1 from c where n < 50) select n from c")
    with client.stream("GET", "/alpaca.jsonl", params={"sql": sql}) as response:
        assert response.status_code == 200
        next(response.iter_bytes())
    time.sleep(0.5)
    before = cpu_seconds(process.pid)
    time.sleep(1)
    assert cpu_seconds(process.pid) - before < 0.2


def test_exports_their_clients_leave_log_no_error(explorer):
    _, folder, _ = explorer
    process, base = start_datasette("alpaca.db", "--setting", "max_returned_rows", "100", cwd=folder)
    try:
        for _ in range(3):
            with httpx.stream("GET", base + "/alpaca/alpaca_data.alpaca") as response:
                next(response.iter_bytes())
        time.sleep(1)
    finally:
        process.terminate()
        _, log = process.communicate(timeout=30)
    assert "Traceback" not in log.decode() and "Exception" not in log.decode(), log.decode()


def test_an_export_whose_first_rows_take_too_long_is_a_clear_error(strict_explorer):
    client, _, _, _ = strict_explorer
    # A page of 10 rows comes at once, the first 100 rows to export do not; nor do the page's count and facets,
    # which an export skips.
    params = {"_where": f"id < 20 or {SLOW_ROW}", "_size": "10"}
    assert client.get("/alpaca/alpaca_data.json", params=params).status_code == 200
    response = client.get("/alpaca/alpaca_data.alpaca", params=params)
    assert response.status_code == 400
    assert f"reading 100 rows took longer than the SQL time limit ({STRICT_LIMIT_MS} ms)" in response.text


def test_with_streaming_turned_off_an_export_holds_at_most_a_page_and_says_so_beyond(explorer):
    """``allow_csv_stream off`` limits exports as it limits Datasette's CSV, with a 400 rather than a file cut short."""
    client, folder, _ = explorer
    with datasette_client("alpaca.db", "--setting", "allow_csv_stream", "off", "--setting", "max_returned_rows", "100", cwd=folder) as (limited, _):
        for extension in ("alpaca", "jsonl"):
            page = limited.get(f"/alpaca/alpaca_data.{extension}", params={"_where": "id < 100"})
            assert page.status_code == 200 and page.content == client.get(f"/alpaca/alpaca_data.{extension}", params={"_where": "id < 100"}).content
            assert page.content.count(b'"instruction"') == 100
            for path, params in [(f"/alpaca/alpaca_data.{extension}", {"_where": "id < 101"}), (f"/alpaca.{extension}", {"sql": "select * from alpaca_data"})]:
                refused = limited.get(path, params=params)
                assert refused.status_code == 400, (path, refused.text[:300])
                assert "more than 100 rows match, and this server exports no more than a page (allow_csv_stream is off)" in refused.text
        assert limited.get("/alpaca/alpaca_data/7.jsonl").status_code == 200


@pytest.mark.parametrize("ending", [";", " ; ", "\n-- every record", ";\n-- every record"])
def test_an_arbitrary_query_exports_whatever_its_ending(explorer, ending):
    client, _, records = explorer
    response = client.get("/alpaca.jsonl", params={"sql": f"select output, input, instruction, id from alpaca_data where id < 5 order by id{ending}"})
    assert [json.loads(line) for line in response.text.splitlines()] == [
        {"instruction": r["instruction"], "input": r.get("input", ""), "output": r["output"]} for r in records[:5]
    ]


def test_a_query_on_the_in_memory_database_exports(tmp_path):
    process, base = start_datasette("--memory", cwd=tmp_path)
    try:
        response = httpx.get(base + "/_memory.jsonl", params={"sql": "select 'Say hi' as instruction, '' as input, 'Hi' as output"})
    finally:
        process.terminate()
        process.wait()
    assert response.status_code == 200, response.text[-500:]
    assert json.loads(response.text) == {"instruction": "Say hi", "input": "", "output": "Hi"}


def test_query_pages_export_too(explorer):
    client, _, _ = explorer
    rows = json.loads(client.get("/alpaca/too_long.alpaca", params={"max_tokens": "400"}).text)
    assert rows and all(set(r) == {"instruction", "input", "output"} for r in rows)


def test_duplicates_groups_exactly_the_records_flagged_as_duplicates(explorer):
    client, _, _ = explorer
    groups = get_json(client, "/alpaca/duplicates.json", _shape="array")
    later_copies = {copy for group in groups for copy in sorted(int(id_) for id_ in group["ids"].split(", "))[1:]}
    flagged = get_json(client, "/alpaca/alpaca_data.json", _shape="array", _col="id", _size="max", issues__arraycontains="duplicate_instruction")
    assert later_copies == {row["id"] for row in flagged} and len(later_copies) >= 2


def test_duplicates_reads_the_groups_the_load_listed_not_every_instruction(explorer):
    """Grouping every normalised instruction took 3.1-3.5 s for a million rows, past Datasette's 1 s limit; the load
    lists the groups beside the table, and the query reads those rows alone (a few SQLite steps per row, not per row
    of the table)."""
    _, folder, _ = explorer
    sql = (Path(__file__).parents[1] / "queries" / "duplicates.sql").read_text()
    with contextlib.closing(sqlite3.connect(folder / "alpaca.db")) as conn:
        sql_functions.register(conn, tokens.DEFAULT_TOKENIZER, [])
        rows = conn.execute("select count(*) from alpaca_data").fetchone()[0]
        steps = []
        conn.set_progress_handler(lambda: steps.append(None), 1)
        groups = conn.execute(sql).fetchall()
    assert len(groups) >= 2 and len(steps) < rows, (len(steps), rows)


def test_a_row_page_links_the_copies_of_its_instruction(explorer):
    client, _, records = explorer
    first, *copies = [index for index, record in enumerate(records) if record["instruction"] == records[5]["instruction"]]
    page = client.get(f"/alpaca/alpaca_data/{first}").text
    assert copies and f'href="/alpaca/alpaca_data_duplicates?first_id={first}"' in page
    unique = next(index for index, record in enumerate(records) if [r["instruction"] for r in records].count(record["instruction"]) == 1)
    assert "Links from other tables" not in client.get(f"/alpaca/alpaca_data/{unique}").text  # not "0 rows" twice
    listed = get_json(client, "/alpaca/alpaca_data_duplicates.json", _shape="array", first_id=str(first), _labels="on")
    assert [row["id"] for row in listed] == [{"value": id_, "label": records[id_]["instruction"]} for id_ in (first, *copies)]


def test_the_duplicates_table_shows_each_group_together(explorer):
    client, _, _ = explorer
    first_ids = [row["first_id"] for row in get_json(client, "/alpaca/alpaca_data_duplicates.json", _shape="array")]
    assert len(set(first_ids)) >= 2 and first_ids == sorted(first_ids)


@pytest.mark.parametrize("query, parameter", [("token_histogram", "width"), ("too_long", "max_tokens")])
def test_a_parameter_that_is_no_positive_number_means_its_default(explorer, query, parameter):
    client, _, _ = explorer
    default = get_json(client, f"/alpaca/{query}.json", _shape="array")
    assert default and all(get_json(client, f"/alpaca/{query}.json", _shape="array", **{parameter: value}) == default for value in ("0", "-5", "abc"))


def training_section(page: str) -> tuple[str, str, str]:
    """(note, text kept, text cut) of a row page's training text, as the browser reads them."""
    section = page[page.index('id="training-text"') :]
    note = re.search(r"<p>(.*?)</p>", section, re.S).group(1)
    kept, _, cut = re.search(r'<div class="alpaca-training-text">(.*?)</div>', section, re.S).group(1).partition("<del>")
    return html.unescape(re.sub(r"<[^>]+>", "", note)), html.unescape(kept), html.unescape(cut.removesuffix("</del>"))


def test_a_row_page_shows_its_training_text_and_strikes_through_what_a_token_limit_cuts(explorer):
    client, _, records = explorer
    index = next(i for i, record in enumerate(records) if record["input"] and not record["output"].isascii() and len(record["output"]) > 800)
    text = training_text(records[index])
    encoding = tiktoken.get_encoding("cl100k_base")
    ids = encoding.encode_ordinary(text)
    starts = encoding.decode_with_offsets(ids)[1]
    assert len(ids) + 1 < 512, "the example fits Alpaca's limit"
    note, kept, cut = training_section(client.get(f"/alpaca/alpaca_data/{index}").text)
    assert (kept, cut) == (text, "") and f"{len(ids) + 1} tokens (tiktoken cl100k_base), within a 512-token limit" in note
    note, kept, cut = training_section(client.get(f"/alpaca/alpaca_data/{index}", params={"max_tokens": "48"}).text)
    assert (kept, cut) == (text[: starts[48]], text[starts[48] :]) and f"the last {len(ids) + 1 - 48} (struck through" in note
    note, kept, cut = training_section(client.get(f"/alpaca/alpaca_data/{index}", params={"max_tokens": str(len(ids))}).text)
    assert (kept, cut) == (text, "") and "cuts the end-of-sequence token" in note
    for not_a_limit in ("0", "-5", "abc", "²"):
        assert training_section(client.get(f"/alpaca/alpaca_data/{index}", params={"max_tokens": not_a_limit}).text)[1:] == (text, "")


def test_the_ids_of_a_canned_query_link_to_their_rows_training_text(explorer):
    client, _, _ = explorer
    too_long = get_json(client, "/alpaca/too_long.json", _shape="array", max_tokens="300")
    page = client.get("/alpaca/too_long", params={"max_tokens": "300"}).text
    linked = re.findall(r'<a href="/alpaca/alpaca_data/(\d+)\?max_tokens=300#training-text">(\d+)</a>', page)
    assert too_long and [(str(row["id"]),) * 2 for row in too_long] == linked
    found = get_json(client, "/alpaca/fts_search.json", _shape="array", q="python")
    assert found and all(f'<a href="/alpaca/alpaca_data/{row["id"]}">' in client.get("/alpaca/fts_search", params={"q": "python"}).text for row in found[:3])
    assert "/alpaca/alpaca_data/1" not in client.get("/alpaca", params={"sql": "select 1 as id"}).text  # not a canned query: no table to link
    group = get_json(client, "/alpaca/duplicates.json", _shape="array")[0]["ids"]
    links = ", ".join(f'<a href="/alpaca/alpaca_data/{id_}">{id_}</a>' for id_ in group.split(", "))
    assert "," in group and links in client.get("/alpaca/duplicates").text


def test_a_summarys_categories_verbs_and_nouns_open_the_examples_they_count(explorer):
    client, _, _ = explorer

    def examples(**filters) -> int:
        return get_json(client, "/alpaca/alpaca_data.json", _size="0", **filters)["filtered_table_rows_count"]

    for query, column, total in (("by_category", "category", "n"), ("by_verb", "verb", "n"), ("verb_noun", "verb", "verb_total")):
        page = client.get(f"/alpaca/{query}").text
        for row in get_json(client, f"/alpaca/{query}.json", _shape="array")[:3]:
            assert f'<a href="{html.escape("/alpaca/alpaca_data?" + urlencode({column: row[column]}))}">{row[column]}</a>' in page
            assert examples(**{column: row[column]}) == row[total]
    page = client.get("/alpaca/verb_noun").text
    for pair in get_json(client, "/alpaca/verb_noun.json", _shape="array")[:5]:
        href = "/alpaca/alpaca_data?" + urlencode({"verb": pair["verb"], "noun": pair["noun"]})
        assert f'<a href="{html.escape(href)}">{pair["noun"]}</a>' in page
        assert examples(verb=pair["verb"], noun=pair["noun"]) == pair["n"]
    assert "?category=" not in client.get("/alpaca/too_long", params={"max_tokens": "300"}).text  # a list of examples, not a summary


def test_chart_links_draw_their_bars_in_the_order_of_the_rows(explorer):
    """datasette-vega sorts an ordinal axis by its labels (simonw/datasette-vega#19): the verb/noun figure came out
    alphabetical, not most common first."""
    client, _, _ = explorer
    pages = [client.get("/").text] + [client.get(f"/alpaca/{query}").text for query, _ in QUERY_PARAMS]
    charts = {html.unescape(link) for page in pages for link in re.findall(r'href="(/alpaca/\w+[^"#]*#g\.[^"]+)"', page)}
    assert {urlsplit(link).path for link in charts} >= {"/alpaca/by_category", "/alpaca/by_verb", "/alpaca/verb_noun", "/alpaca/token_histogram"}
    for link in charts:
        parts = urlsplit(link)
        x_column = parse_qs(parts.fragment)["g.x_column"][0]
        rows = get_json(client, f"{parts.path}.json", _shape="array", **{k: v[0] for k, v in parse_qs(parts.query).items()})
        labels = list(dict.fromkeys(row[x_column] for row in rows))
        assert len(labels) > 1 and labels == sorted(labels), link


def test_a_row_page_whose_tokenizer_is_not_on_the_server_shows_its_training_text_uncut(tmp_path):
    """A database loaded with a tokenizer file, then published without it."""
    model = tmp_path / "tokenizer.model"
    shutil.copy(LLAMA_MODEL, model)
    record = {"instruction": "Repeat the word.", "input": "", "output": "word " * 600}
    (tmp_path / "data.json").write_text(json.dumps([record]))
    load(str(tmp_path / "data.json"), tmp_path / "alpaca.db", tokenizer=str(model))
    model.unlink()
    with datasette_client("alpaca.db", cwd=tmp_path) as (client, process):
        response = client.get("/alpaca/alpaca_data/0")
        failed = client.get("/alpaca.json", params={"sql": "select token_count('hello')"})
    note, kept, cut = training_section(response.text)
    assert response.status_code == 200 and (kept, cut) == (training_text(record), "")
    assert f"The tokenizer it was loaded with (SentencePiece {model}) is not on this server." in note
    # SQLite can only say "user-defined function raised exception": the server said why when it started.
    assert failed.status_code == 400 and "user-defined function raised exception" in failed.text
    assert (
        f"alpaca-explore: alpaca/alpaca_data was loaded with the tokenizer {model}, which is not on this server: "
        "token_count(text) fails on it" in process.stderr.read().decode()
    )


def test_a_row_page_exports_its_row(explorer):
    client, _, records = explorer
    response = client.get("/alpaca/alpaca_data/7.jsonl")
    assert response.status_code == 200
    assert json.loads(response.text) == {"instruction": records[7]["instruction"], "input": records[7]["input"], "output": records[7]["output"]}


def test_a_query_without_the_alpaca_fields_does_not_export(explorer):
    client, _, _ = explorer
    response = client.get("/alpaca/by_category.alpaca")
    assert response.status_code == 400 and "an Alpaca export needs the columns instruction, input, output" in response.text


@pytest.mark.parametrize("extension", ["alpaca", "jsonl"])
def test_a_query_of_other_values_than_text_exports_them_as_text(explorer, extension):
    """NULL as '', a number as its digits and a blob as UTF-8, as the SQL functions take them: a blob was a 500."""
    client, _, _ = explorer
    response = client.get(f"/alpaca.{extension}", params={"sql": "select null as instruction, 2.5 as input, x'4869ff' as output"})
    assert response.status_code == 200, response.text[-300:]
    records = json.loads(response.text) if extension == "alpaca" else [json.loads(line) for line in response.text.splitlines()]
    assert records == [{"instruction": "", "input": "2.5", "output": "Hi\ufffd"}]


@pytest.mark.parametrize("path", ["/alpaca/alpaca_data?id={xss}", "/alpaca/search?search=onerror", "/alpaca/fts_search?q=onerror", "/alpaca/alpaca_data/{xss}"])
def test_html_in_the_data_is_shown_as_text(explorer, path):
    client, _, records = explorer
    html = client.get(path.format(xss=records.index(XSS))).text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("path", ["/alpaca/alpaca_data_duplicates", "/alpaca/duplicates"])
def test_an_instruction_full_of_html_is_shown_as_text_among_the_duplicates(explorer, path):
    client, _, _ = explorer
    html = client.get(path).text
    assert "<script>alert" not in html and "Explain &lt;script&gt;alert(" in html


def test_the_home_page_counts_the_rows_and_lists_the_examples_first(tmp_path):
    """Datasette shows the home page's row counts only when every table counts within 10 ms, and counts a full-text
    index row by row (15 ms for 52,002 examples): ``datasette alpaca.db`` showed no counts and, sorting by name, listed
    alpaca_data_duplicates first. Here the sample's rows, copied 16 times, take longer than that to count through the
    index, and the page is as for a small table."""
    load(str(SAMPLE), tmp_path / "alpaca.db")
    columns = ", ".join(name for name in COLUMNS if name != "id")
    with contextlib.closing(sqlite3.connect(tmp_path / "alpaca.db")) as conn, conn:
        conn.execute(
            "with recursive copy(n) as (select 1 union all select n + 1 from copy where n < 15) "
            f"insert into alpaca_data select id + 4000 * n, {columns} from alpaca_data, copy"
        )
        conn.execute("insert into alpaca_data_fts (rowid, instruction, input, output) select id, instruction, input, output from alpaca_data where id >= 4000")
        started = time.perf_counter()
        assert conn.execute("select count(*) from alpaca_data_fts").fetchone() == (64_000,)
        assert time.perf_counter() - started > 0.010  # the time Datasette gives each count
    with datasette_client("alpaca.db", cwd=tmp_path) as (client, _):
        home = get_json(client, "/.json")["alpaca"]
        assert [(table["name"], table["count"]) for table in home["tables_and_views_truncated"]] == [("alpaca_data", 64_000)]
        assert "64,000 rows in 1 table" in client.get("/").text


@pytest.mark.parametrize("immutable", [False, True])
@pytest.mark.parametrize("over_100_mb", [False, True])
def test_counts_that_run_out_of_time_are_taken_again_for_the_tables_of_a_load(explorer, monkeypatch, immutable, over_100_mb):
    """On the first visit after a start, counts read pages no connection has cached yet and may take over Datasette's
    10 ms; here the first counts run out of time at once (a limit of a microsecond), and the tables of the load are
    counted again, where Datasette shows counts on its home page: a database under 100 MB, or any served immutable
    (Datasette counts it once and keeps the counts). Over 100 MB is emulated by lowering that threshold."""
    _, folder, records = explorer
    if over_100_mb:
        monkeypatch.setattr(counts_plugin, "COUNTED_BYTES", 0)

    async def counts() -> dict:
        path = str(folder / "alpaca.db")
        datasette = Datasette([] if immutable else [path], immutables=[path] if immutable else [])
        await datasette.invoke_startup()
        return {name: await db.table_counts(0.001) for name, db in datasette.databases.items() if db.path}

    counted = asyncio.run(counts())
    db = sqlite_utils.Database(folder / "alpaca.db")
    ours = ["alpaca_data", "alpaca_data_duplicates", "alpaca_data_fts_data", "alpaca_data_fts_idx", "alpaca_data_fts_docsize", "alpaca_data_fts_config"]
    recounted = not over_100_mb or immutable  # else Datasette shows no counts on its home page: none are taken again
    assert {name: counted["alpaca"][name] for name in ours} == {name: db[name].count if recounted else None for name in ours}
    assert counted["alpaca"]["alpaca_data_fts"] == (len(records) if recounted else None)


def test_datasettes_own_pages_work_beside_the_plugin(explorer):
    """/-/versions prepares a connection to an in-memory database that is not among those served."""
    client, _, _ = explorer
    assert "sqlite" in get_json(client, "/-/versions.json")
    assert get_json(client, "/-/plugins.json")


def test_other_databases_are_left_alone(explorer):
    client, _, _ = explorer
    other = get_json(client, "/other.json")
    assert other["queries"] == []
    response = client.get("/other/notes.alpaca")
    assert response.status_code == 400 and "needs the columns instruction, input, output" in response.text


def test_facet_suggestions_are_skipped_only_on_alpaca_tables(explorer):
    client, folder, _ = explorer
    with sqlite3.connect(folder / "alpaca.db") as db:
        rows = [dict(zip(("instruction", "category"), row)) for row in db.execute("select instruction, category from alpaca_data limit 200")]
    sqlite_utils.Database(folder / "other.db")["plain_copy"].insert_all(rows, replace=True)
    assert {"category"} <= {facet["name"] for facet in get_json(client, "/other/plain_copy.json")["suggested_facets"]}
    assert get_json(client, "/alpaca/alpaca_data.json")["suggested_facets"] == []
    # Skipped without an argument in the page's links: a _nosuggest=1 the plugin added showed in every one.
    page = client.get("/alpaca/alpaca_data", params={"category": "math"}).text
    assert "_nosuggest" not in page and "category=math&amp;_sort=" in page


def test_served_immutable_as_publish_serves_it_the_explorer_is_whole(explorer):
    """``datasette -i alpaca.db``, the safe default the README gives and ``datasette publish`` uses."""
    client, folder, _ = explorer
    with datasette_client("-i", "alpaca.db", cwd=folder) as (immutable, _):
        assert [db["is_mutable"] for db in get_json(immutable, "/-/databases.json")] == [False]
        data = get_json(immutable, "/alpaca/alpaca_data.json", _extra="facet_results", _facet_range="total_tokens")
        assert {"category", "verb", "has_input", "issues", "train_tokens", "total_tokens"} <= set(facets_of(data))
        for path in ("/alpaca/alpaca_data.alpaca?category=math", "/alpaca/duplicates.json?_shape=array", "/alpaca/fts_search.json?q=pandas&_shape=array"):
            assert immutable.get(path).content == client.get(path).content, path


def test_behind_a_proxy_with_a_base_url_the_plugins_links_and_shortcuts_hold(explorer):
    """``--setting base_url /explore/``: Datasette served under a path prefix by a reverse proxy.

    Datasette 0.65's own table-page links get the prefix twice (upstream issue simonw/datasette#2759); the
    plugin's links, in the metadata and the canned queries' descriptions, get it once."""
    _, folder, _ = explorer
    with datasette_client("alpaca.db", "--setting", "base_url", "/explore/", cwd=folder) as (client, _):
        links = {html.unescape(link) for link in re.findall(r'href="(/[^"]*)"', client.get("/explore/").text)}
        assert {"/explore/alpaca/search?search=pandas", "/explore/alpaca/too_long?max_tokens=512"} <= links
        assert not [link for link in links if not link.startswith("/explore/") or link.startswith("/explore/explore/")]
        for link in sorted(links):
            assert client.get(link.partition("#")[0]).status_code == 200, link
        assert 'href="/explore/alpaca/duplicates"' in client.get("/explore/alpaca/duplicates").text
        row_link = re.search(r'href="(/explore/alpaca/alpaca_data/\d+\?max_tokens=300)#training-text"', client.get("/explore/alpaca/too_long?max_tokens=300").text)
        assert row_link and "A 300-token limit" in client.get(row_link.group(1)).text
        assert get_json(client, "/explore/alpaca/alpaca_data.json")["suggested_facets"] == []


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """``datasette cleaned.db``: a database not named alpaca, with the default table and a second one."""
    folder = tmp_path_factory.mktemp("renamed")
    records = json.loads(SAMPLE.read_text())
    (folder / "first.json").write_text(json.dumps(records[:200]))
    (folder / "alpaca_data").mkdir()  # a path that names the default table
    (folder / "alpaca_data" / "gpt4.json").write_text(json.dumps(records[200:400]))
    load(str(folder / "first.json"), folder / "cleaned.db")
    load(str(folder / "alpaca_data" / "gpt4.json"), folder / "cleaned.db", table="gpt4")
    (folder / "third.json").write_text(json.dumps(records[400:600]))
    load(str(folder / "third.json"), folder / "cleaned.db", table=QUOTED_TABLE)
    with datasette_client("cleaned.db", cwd=folder) as (client, _):
        yield client, folder


@pytest.mark.parametrize("query, params", [*QUERY_PARAMS, ("search", {"search": "water"})])
def test_canned_queries_quote_a_table_name_that_needs_it(renamed, query, params):
    client, folder = renamed
    get_json(client, f"/cleaned/{query}_{tilde_encode(QUOTED_TABLE)}.json", _shape="array", **params)


def test_the_search_box_searches_a_table_whose_name_needs_quoting(renamed):
    client, folder = renamed
    with sqlite3.connect(folder / "cleaned.db") as db:
        expected = [rowid for (rowid,) in db.execute(f"select rowid from [{QUOTED_TABLE}_fts] where [{QUOTED_TABLE}_fts] match 'water' order by rowid")]
    rows = get_json(client, f"/cleaned/{tilde_encode(QUOTED_TABLE)}.json", _search="water", _shape="array")
    assert expected and [row["id"] for row in rows] == expected


def test_links_of_a_table_lead_to_its_own_page_and_queries(renamed):
    client, _ = renamed
    page = client.get(f"/cleaned/by_category_{tilde_encode(QUOTED_TABLE)}").text
    links = {href for href in re.findall(r'href="(/cleaned/[^"#]+)', page) if "_show_sql" not in href and "." not in href}
    categories = {row["category"] for row in get_json(client, f"/cleaned/by_category_{tilde_encode(QUOTED_TABLE)}.json", _shape="array")}
    opened = {f"/cleaned/{tilde_encode(QUOTED_TABLE)}?category={category}" for category in categories | {"brainstorming"}}
    assert len(categories) > 3 and links == {f"/cleaned/by_category_{tilde_encode(QUOTED_TABLE)}", *opened}
    assert all(client.get(link).status_code == 200 for link in links)


def test_each_tables_duplicates_query_leads_to_its_own_duplicates_table(renamed):
    client, _ = renamed
    page = client.get(f"/cleaned/duplicates_{tilde_encode(QUOTED_TABLE)}").text
    link = f"/cleaned/{tilde_encode(QUOTED_TABLE + '_duplicates')}"
    assert f'href="{link}"' in page
    page = client.get(link).text
    assert "the id of the group's first copy" in page  # its description
    assert f'href="/cleaned/duplicates_{tilde_encode(QUOTED_TABLE)}"' in page


def test_the_tables_of_a_database_are_compared_side_by_side(renamed):
    client, folder = renamed
    tables = ["alpaca_data", "gpt4", QUOTED_TABLE]
    db = sqlite_utils.Database(folder / "cleaned.db")
    compared = get_json(client, "/cleaned/compare.json", _shape="array")
    assert [row["dataset"] for row in compared] == tables
    for row in compared:
        rows = list(db[row["dataset"]].rows)
        flagged = sum(r["issues"] != "[]" for r in rows)
        copies = db.execute(f"select count(*) from [{row['dataset']}_duplicates] where id != first_id").fetchone()[0]
        assert row == {
            "dataset": row["dataset"],
            "examples": len(rows),
            "percent_with_input": round(100 * sum(r["has_input"] for r in rows) / len(rows), 1),
            "mean_train_tokens": round(sum(r["train_tokens"] for r in rows) / len(rows), 1),
            "max_train_tokens": max(r["train_tokens"] for r in rows),
            "total_train_tokens": sum(r["train_tokens"] for r in rows),
            "percent_over_512_tokens": round(100 * sum(r["train_tokens"] > 512 for r in rows) / len(rows), 1),
            "percent_flagged": round(100 * flagged / len(rows), 1),
            "duplicate_instructions": copies,
            "verbs": len({r["verb"] for r in rows} - {None}),
        }
    categories = get_json(client, "/cleaned/compare_categories.json", _shape="array")
    for table in tables:
        counted = Counter(r["category"] for r in db[table].rows)
        expected = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
        assert [(row["category"], row["n"]) for row in categories if row["dataset"] == table] == expected
    page = client.get("/cleaned/compare_categories").text
    for row in categories:
        href = f"/cleaned/{tilde_encode(row['dataset'])}?" + urlencode({"category": row["category"]})
        assert f'<a href="{html.escape(href)}">{row["category"]}</a>' in page
    assert f'<a href="/cleaned/{tilde_encode(QUOTED_TABLE)}">{QUOTED_TABLE}</a>' in client.get("/cleaned/compare").text
    names = [query["name"] for query in get_json(client, "/cleaned.json")["queries"]]
    assert names[-2:] == ["compare", "compare_categories"] and "compare_gpt4" not in names
    assert '3 datasets are loaded here: <a href="/cleaned/compare">compare them</a>.' in client.get("/").text


def test_a_table_name_with_a_quote_is_compared_as_it_is_named(tmp_path):
    (tmp_path / "data.json").write_text(json.dumps([{"instruction": "Write a poem.", "output": "Roses."}]))
    for table in ("it's", "b"):
        load(str(tmp_path / "data.json"), tmp_path / "alpaca.db", table=table)
    with datasette_client("alpaca.db", cwd=tmp_path) as (client, _):
        assert [row["dataset"] for row in get_json(client, "/alpaca/compare.json", _shape="array")] == ["it's", "b"]
        assert '<a href="/alpaca/compare">compare them</a>' in client.get("/").text  # not compare_it's: no alpaca_data here


def test_facet_suggestions_are_skipped_on_a_table_whose_name_is_tilde_encoded(renamed):
    client, _ = renamed
    assert get_json(client, f"/cleaned/{tilde_encode(QUOTED_TABLE)}.json")["suggested_facets"] == []


def test_exports_of_any_table_name_are_named_for_every_client(renamed):
    client, _ = renamed
    response = client.get(f"/cleaned/{tilde_encode(QUOTED_TABLE)}.jsonl")
    assert len(response.text.splitlines()) == 200
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"gpt-4 r_ponses.jsonl\"; filename*=UTF-8''gpt-4%20r%C3%A9ponses.jsonl"
    )


def test_a_database_file_name_with_uri_characters_is_recognised(tmp_path):
    (tmp_path / "data.json").write_text(json.dumps(json.loads(SAMPLE.read_text())[:50]))
    load(str(tmp_path / "data.json"), tmp_path / "my#data.db")
    process, base = start_datasette("my#data.db", cwd=tmp_path)
    try:
        database = httpx.get(f"{base}/{tilde_encode('my#data')}.json", timeout=30).json()
        assert {query["name"] for query in database["queries"]} >= {"search", "fts_search", "verb_noun"}
    finally:
        process.terminate()
        process.wait()


def test_home_page_links_lead_to_the_first_tables_queries_when_none_is_alpaca_data(tmp_path):
    (tmp_path / "data.json").write_text(json.dumps(json.loads(SAMPLE.read_text())[:50]))
    for table in ("gpt4", "dolly"):
        load(str(tmp_path / "data.json"), tmp_path / "mixed.db", table=table)
    process, base = start_datasette("mixed.db", cwd=tmp_path)
    try:
        index = httpx.get(f"{base}/", timeout=30).text
        assert 'href="/mixed/search_gpt4?search=pandas"' in index
        assert httpx.get(f"{base}/mixed/search_gpt4", params={"search": "pandas"}, timeout=30).status_code == 200
    finally:
        process.terminate()
        process.wait()


def test_links_and_queries_follow_the_database_and_table_names(renamed):
    client, folder = renamed
    index = client.get("/").text
    assert 'href="/cleaned/search?search=pandas"' in index and 'href="/alpaca/' not in index
    queries = get_json(client, "/cleaned.json")["queries"]
    assert {"search", "fts_search", "search_gpt4", "fts_search_gpt4"} <= {query["name"] for query in queries}
    titles = [query["title"] for query in queries]
    assert len(set(titles)) == len(titles) and "Full-text search, ranked (gpt4)" in titles, titles  # each names its table
    assert re.search(r'<a href="/cleaned/gpt4/\d+">', client.get("/cleaned/fts_search_gpt4", params={"q": "water"}).text)
    rows = get_json(client, "/cleaned/search_gpt4.json", search="water", _shape="array")
    db = sqlite_utils.Database(folder / "cleaned.db")
    expected = db.execute("select count(*) from gpt4 where instruction || ' ' || input || ' ' || output like '%water%'").fetchone()[0]
    assert expected and len(rows) == expected
    assert f"Loaded from {folder / 'alpaca_data' / 'gpt4.json'}." in client.get("/cleaned/gpt4").text  # not adapted
    facets = facets_of(get_json(client, "/cleaned/gpt4.json", _extra="facet_results"))
    assert {"category", "verb", "has_input", "issues", "train_tokens"} <= set(facets)
