"""Reliability and security: reloads under use, fuzzed input, injection, no write path."""

from __future__ import annotations

import csv
import functools
import io
import json
import threading
import time

import httpx
import pyarrow
import pyarrow.parquet
import pytest
import sqlite_utils
from conftest import SAMPLE, start_datasette
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alpaca_explore import enrich, load
from alpaca_explore.classify import CATEGORIES
from alpaca_explore.errors import AlpacaExploreError
from alpaca_explore.parse import Record, read_records

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=12,
)
# Surrogates too, which json.dumps writes as escapes: alone, they are valid JSON but no text.
FIELD_TEXTS = st.text(max_size=30) | st.text(st.sampled_from("\ud83d\ude00\\ud8a"), max_size=12)
FIELD_VALUES = st.none() | st.integers() | FIELD_TEXTS | st.lists(st.text(max_size=5), max_size=2)
RECORDS = st.fixed_dictionaries(
    {},
    optional={"instruction": FIELD_VALUES, "input": FIELD_VALUES, "output": FIELD_VALUES, "context": FIELD_VALUES, "response": FIELD_VALUES, "extra": JSON_VALUES},
)


def expected_record(value) -> Record | None:
    """The record a valid object stands for, computed independently; None when it is invalid."""
    if not isinstance(value, dict):
        return None
    instruction = value.get("instruction")
    output = value["output"] if "output" in value else value.get("response")
    input_ = value["input"] if "input" in value else value.get("context", "")
    if input_ is None:
        input_ = ""
    if not all(isinstance(v, str) for v in (instruction, input_, output)):
        return None
    return Record(*map(as_read, (instruction, input_, output)))


def as_read(text: str) -> str:
    """The text JSON's escapes of ``text`` stand for: surrogate pairs joined, each lone surrogate U+FFFD."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def check_parse(path, values) -> None:
    expected = [expected_record(value) for value in values]
    try:
        records = list(read_records(path))
    except AlpacaExploreError as error:
        message = str(error)
        assert "\n" not in message and message
        assert None in expected or not values or isinstance(values, dict), message
        if None in expected and expected.index(None) < len(values):
            assert message.startswith(f"record {expected.index(None)}"), message
        return
    assert None not in expected and records == expected


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(RECORDS | JSON_VALUES, max_size=6), as_lines=st.booleans())
def test_fuzzed_records_load_or_fail_cleanly(tmp_path, values, as_lines):
    path = tmp_path / "data"
    if as_lines and all(isinstance(v, dict) for v in values) and values:
        path.write_text("".join(json.dumps(v) + "\n" for v in values))
    else:
        path.write_text(json.dumps(values))
    check_parse(path, values)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_fuzzed_bytes_never_raise_anything_else(tmp_path, data):
    path = tmp_path / "data"
    path.write_bytes(data)
    try:
        list(read_records(path))
    except AlpacaExploreError as error:
        assert str(error) and "\n" not in str(error)


CSV_TEXTS = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.builds(Record, CSV_TEXTS, CSV_TEXTS, CSV_TEXTS), max_size=6), delimiter=st.sampled_from([",", "\t"]))
def test_any_text_round_trips_through_csv(tmp_path, records, delimiter):
    """Whatever the texts hold (quotes, delimiters, line breaks of every kind), a CSV written by Python's csv module
    reads back as the same records, but for rows with no text at all, which spreadsheets leave and the load skips."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(Record._fields)
    writer.writerows(records)
    path = tmp_path / "data.csv"
    path.write_bytes(out.getvalue().encode())
    assert list(read_records(path)) == [record for record in records if any(field and not field.isspace() for field in record)]


@functools.cache
def sample_parquet() -> bytes:
    """30 real records in row groups of 10, compressed as Parquet files usually are (snappy)."""
    out = io.BytesIO()
    pyarrow.parquet.write_table(pyarrow.Table.from_pylist(json.loads(SAMPLE.read_text())[:30]), out, row_group_size=10)
    return out.getvalue()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=8), cut=st.none() | st.integers(min_value=4))
def test_damaged_parquet_never_raises_anything_else(shared, tmp_path, edits, cut):
    data = bytearray(sample_parquet())
    for position, value in edits:
        data[4 + position % (len(data) - 4)] = value  # the magic bytes kept: the file is still taken for Parquet
    path = tmp_path / "data.parquet"
    path.write_bytes(bytes(data[: cut or len(data)]))
    try:
        records = list(read_records(path))
    except AlpacaExploreError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert all(isinstance(field, str) for record in records for field in record)


# Words the verb tables and the English gloss of other languages read, in any order: "Leg uit tussen", "¿Cuáles dos".
EUROPEAN_WORDS = "Explica dos formas ¿Cuáles son Fasse zusammen Придумайте идей Leg uit tussen Remettez l' identifiez Dê-me 4-5 « » : ,"
TEXTS = (
    st.text(max_size=40)
    | st.sampled_from(["", " ", "?", "...", "(", ")", "\n", "Is it?", "Given the input,", "Can you"])
    | st.lists(st.sampled_from(EUROPEAN_WORDS.split()), max_size=10).map(" ".join)
)


@settings(max_examples=500, deadline=None)
@given(records=st.lists(st.builds(Record, TEXTS, TEXTS, TEXTS), min_size=1, max_size=8))
def test_enrichment_accepts_any_text(records):
    """Tokens, category, verb/noun and flags for any strings at all: values, never an exception."""
    enrich.set_tokenizer("cl100k_base")
    counts, analyses = enrich.count_batch(records), enrich.analyse_batch(records)
    assert len(counts) == len(analyses) == len(records)
    assert all(min(count) >= 0 and count[4] >= 1 for count in counts)
    assert all(analysis[1] in CATEGORIES for analysis in analyses)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(RECORDS, min_size=1, max_size=4))
def test_fuzzed_loads_never_leave_a_partial_database(tmp_path, values):
    db = tmp_path / "a.db"
    db.unlink(missing_ok=True)
    (tmp_path / "data.json").write_text(json.dumps(values))
    try:
        summary = load(str(tmp_path / "data.json"), db)
    except AlpacaExploreError:
        assert not db.exists()
    else:
        assert sqlite_utils.Database(db)["alpaca_data"].count == summary.rows == len(values)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    load(str(SAMPLE), folder / "alpaca.db")
    process, base = start_datasette("alpaca.db", cwd=folder)
    yield folder, base
    process.terminate()
    process.wait()


def test_reloads_under_continuous_requests_fail_no_request_and_are_served_at_once(served):
    folder, base = served
    paths = ["/alpaca/alpaca_data.json?_size=5", "/alpaca/search.json?search=tree", "/alpaca/alpaca_data.json?_search=water", "/alpaca/by_category.json", "/alpaca/alpaca_data"]
    stop = threading.Event()
    failures: list[str] = []
    counts = [0]

    def client() -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            while not stop.is_set():
                for path in paths:
                    response = http.get(path)
                    counts[0] += 1
                    if response.status_code != 200:
                        failures.append(f"{path}: {response.status_code} {response.text[:200]}")

    def served_rows() -> int:
        return httpx.get(base + "/alpaca.json?sql=select+count(*)+as+n+from+alpaca_data&_shape=array").json()[0]["n"]

    threads = [threading.Thread(target=client) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        records = json.loads(SAMPLE.read_text())
        for reload in range(3):
            rows = 4000 - 500 * (reload + 1)
            source = folder / f"reload{reload}.json"
            source.write_text(json.dumps(records[:rows]))
            load(str(source), folder / "alpaca.db")
            # The next request after the rename is answered from the new file.
            assert served_rows() == rows
            time.sleep(0.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert failures == [] and counts[0] > 50
    assert httpx.get(base + "/alpaca/alpaca_data.json?_size=1").json()["filtered_table_rows_count"] == 2500


def test_a_reload_is_served_without_sql_threads_too(tmp_path):
    records = json.loads(SAMPLE.read_text())
    (tmp_path / "a.json").write_text(json.dumps(records[:30]))
    (tmp_path / "b.json").write_text(json.dumps(records[:20]))
    load(str(tmp_path / "a.json"), tmp_path / "alpaca.db")
    process, base = start_datasette("alpaca.db", "--setting", "num_sql_threads", "0", cwd=tmp_path)
    try:
        rows = base + "/alpaca/alpaca_data.json?_size=1"
        assert httpx.get(rows).json()["filtered_table_rows_count"] == 30
        load(str(tmp_path / "b.json"), tmp_path / "alpaca.db")
        assert httpx.get(rows).json()["filtered_table_rows_count"] == 20
    finally:
        process.terminate()
        process.wait()


@pytest.mark.parametrize(
    "path, params",
    [
        ("/alpaca/search.json", {"search": "%' OR 1=1 --"}),
        ("/alpaca/search.json", {"search": "x'; DROP TABLE alpaca_data; --"}),
        ("/alpaca/flagged.json", {"issue": "x' OR '1'='1"}),
        ("/alpaca/too_long.json", {"max_tokens": "0 OR 1=1"}),
        ("/alpaca/fts_search.json", {"q": '"x" OR 1=1'}),
    ],
)
def test_canned_query_parameters_are_only_bound_values(served, path, params):
    folder, base = served
    rows_before = sqlite_utils.Database(folder / "alpaca.db")["alpaca_data"].count
    response = httpx.get(base + path, params={**params, "_shape": "array"})
    if response.status_code == 200:
        rows = response.json()
        literal = next(iter(params.values())).lower()
        assert all(literal in json.dumps(row).lower() for row in rows) or rows == [] or path.endswith("too_long.json")
        if path.endswith("too_long.json"):
            assert all(row["train_tokens"] > 0 for row in rows)
    assert sqlite_utils.Database(folder / "alpaca.db")["alpaca_data"].count == rows_before


def test_no_write_path(served):
    folder, base = served
    for sql in ["delete from alpaca_data", "update alpaca_data set output = 'x'", "drop table alpaca_data"]:
        response = httpx.get(base + "/alpaca.json", params={"sql": sql})
        assert response.status_code == 400
    # Datasette 0.65.5 answers a POST to a read-only canned query with a 500 of its own; no write happens.
    response = httpx.post(base + "/alpaca/search", data={"search": "x"})
    assert response.status_code >= 400
    assert sqlite_utils.Database(folder / "alpaca.db")["alpaca_data"].count > 0


@pytest.mark.parametrize("extension, content_type", [("alpaca", "application/json"), ("jsonl", "application/x-ndjson"), ("json", "application/json")])
def test_renderers_never_serve_data_as_html(served, extension, content_type):
    _, base = served
    response = httpx.get(base + f"/alpaca/alpaca_data.{extension}", params={"_search": "html"})
    assert response.headers["content-type"].startswith(content_type)
