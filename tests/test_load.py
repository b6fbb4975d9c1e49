"""Whole loads through the command line: real files, every source kind, atomicity."""

from __future__ import annotations

import contextlib
import csv
import errno
import fcntl
import io
import json
import os
import pty
import select
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections import Counter
from concurrent.futures import Future
from collections.abc import Iterator
from pathlib import Path

import pyarrow
import pyarrow.ipc
import pyarrow.parquet
import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import GSM8K, OTHER_LANGUAGES, SAMPLE, SEED_TASKS, UNREAD_LANGUAGES, CliResult, Route, assert_clean_error, file_size_limit

from alpaca_explore import cpus, database, load, pipeline
from alpaca_explore.cli import cli
from alpaca_explore.database import COLUMNS
from alpaca_explore.errors import AlpacaExploreError
from alpaca_explore.tokens import load_tokenizer
from alpaca_explore.workers import Pending

SMALL = [
    {"instruction": "Give three tips for staying healthy.", "input": "", "output": "1. Eat well.\n2. Sleep.\n3. Move."},
    {"instruction": "Translate to French.", "input": "Good morning", "output": "Bonjour"},
]


def test_sample_over_http_path_jsonl_parquet_and_csv_give_the_same_rows(shared, http_server, run_cli, tmp_path):
    original = json.loads(SAMPLE.read_text())
    http_server.routes["/alpaca_data.json"] = Route(SAMPLE.read_bytes())
    jsonl = tmp_path / "sample.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in original))
    parquet = io.BytesIO()  # as the Hugging Face Hub serves datasets
    pyarrow.parquet.write_table(pyarrow.Table.from_pylist(original), parquet, row_group_size=1000)
    http_server.routes["/train.parquet"] = Route(parquet.getvalue(), headers={"Content-Type": "application/octet-stream"})
    spreadsheet = tmp_path / "sample.csv"
    with spreadsheet.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([("instruction", "input", "output"), *((r["instruction"], r["input"], r["output"]) for r in original)])
    tables = []
    sources = [
        (http_server.url("/alpaca_data.json"), "http.db"), (SAMPLE, "path.db"), (jsonl, "jsonl.db"),
        (http_server.url("/train.parquet"), "parquet.db"), (spreadsheet, "csv.db"),
    ]
    for source, db_name in sources:
        result = run_cli("load", source, "--db", tmp_path / db_name)
        assert result.returncode == 0, result.stderr
        assert "Loaded 4,000 rows" in result.stderr
        db = sqlite_utils.Database(tmp_path / db_name)
        tables.append(list(db.query("select id, instruction, input, output from alpaca_data order by id")))
        assert db["alpaca_data"].columns_dict.keys() == COLUMNS.keys()
    assert tables[0] == tables[1] == tables[2] == tables[3] == tables[4]
    assert [(r["instruction"], r["input"], r["output"]) for r in tables[0]] == [(r["instruction"], r["input"], r["output"]) for r in original]
    assert [r["id"] for r in tables[0]] == list(range(4000))


def test_the_shards_of_a_dataset_load_into_one_table(shared, run_cli, tmp_path):
    """As the Hub shards a dataset (train-00000-of-00003.parquet, ...): one table, the records in order, ids running
    on, and a copy in a later shard flagged against the first."""
    original = json.loads(SAMPLE.read_text())[:300]
    shards = [original[:100], original[100:200], [*original[200:], {**original[0], "output": "A copy, in the last shard."}]]
    for number, shard in enumerate(shards):
        pyarrow.parquet.write_table(pyarrow.Table.from_pylist(shard), tmp_path / f"train-{number:05}-of-00003.parquet")
    result = run_cli("load", *sorted(tmp_path.glob("train-*.parquet")), "--db", tmp_path / "a.db")
    assert result.returncode == 0, result.stderr
    assert "Loaded 301 rows" in result.stderr
    db = sqlite_utils.Database(tmp_path / "a.db")
    rows = list(db.query("select id, instruction, input, output, issues from alpaca_data order by id"))
    assert [(r["instruction"], r["input"], r["output"]) for r in rows] == [(r["instruction"], r["input"], r["output"]) for shard in shards for r in shard]
    assert [r["id"] for r in rows] == list(range(301)) and "duplicate_instruction" in rows[300]["issues"]
    assert {"id": 300, "first_id": 0} in list(db["alpaca_data_duplicates"].rows)
    (load_row,) = db["alpaca_explore_loads"].rows
    assert load_row["source"].splitlines() == [str(path) for path in sorted(tmp_path.glob("train-*.parquet"))]
    assert len(load_row["sha256"].splitlines()) == 3 and load_row["records"] == 301 and load_row["format"] == "parquet"


def test_a_bad_record_in_a_later_shard_names_its_file_and_loads_nothing(run_cli, tmp_path):
    (tmp_path / "first.jsonl").write_text(json.dumps(SMALL[0]) + "\n")
    (tmp_path / "second.jsonl").write_text(json.dumps(SMALL[1]) + "\n" + json.dumps({"instruction": "a", "output": 3}) + "\n")
    result = run_cli("load", tmp_path / "first.jsonl", tmp_path / "second.jsonl", "--db", tmp_path / "a.db")
    assert_clean_error(result, f'{tmp_path / "second.jsonl"}: record 1: "output" is a number, expected a string')
    assert not (tmp_path / "a.db").exists()


def test_full_text_index_answers(shared, tmp_path):
    load(str(SAMPLE), tmp_path / "a.db")
    db = sqlite_utils.Database(tmp_path / "a.db")
    hits = list(db["alpaca_data"].search("photosynthesis", columns=["id", "instruction", "output"]))
    assert hits and all("photosynthesis" in (h["instruction"] + h["output"]).lower() for h in hits)
    expected = db.execute("select count(*) from alpaca_data where instruction || input || output like '%photosynthesis%'").fetchone()[0]
    assert len(hits) == expected
    assert db["alpaca_data"].detect_fts() == "alpaca_data_fts"
    assert database.fts_tokenizer_of(db.conn, "alpaca_data") is None  # words, as sqlite-utils reads them


# Alpaca records as Chinese and Japanese Alpacas hold them: no spaces between words.
UNSPACED = [
    {"instruction": "用三句话解释光合作用。", "input": "", "output": "光合作用是植物利用阳光、水和二氧化碳制造葡萄糖和氧气的过程。"},
    {"instruction": "将下面的句子翻译成英文。", "input": "今天天气很好，我们去公园散步吧。", "output": "The weather is nice today; let's take a walk in the park."},
    {"instruction": "次の文を英語に翻訳してください。", "input": "東京は日本の首都です。", "output": "Tokyo is the capital of Japan."},
]


def test_text_without_spaces_is_searchable_inside_its_runs(tmp_path):
    """FTS5's default tokenizer read each run between punctuation as one word: a search for 光合作用 found nothing."""
    (tmp_path / "zh.json").write_text(json.dumps(UNSPACED, ensure_ascii=False))
    assert load(str(tmp_path / "zh.json"), tmp_path / "a.db").fts_tokenizer == "trigram"
    db = sqlite_utils.Database(tmp_path / "a.db")
    assert database.fts_tokenizer_of(db.conn, "alpaca_data") == "trigram"
    for query, ids in (("光合作用", [0]), ("二氧化碳", [0]), ("翻译成英文", [1]), ("日本の首都", [2]), ("capital", [2]), ("CAPITAL of", [2])):
        assert [row["id"] for row in db["alpaca_data"].search(db.quote_fts(query), order_by="id")] == ids, query


@pytest.mark.parametrize("chinese_records, tokenizer", [(1500, "trigram"), (300, None)])
def test_text_without_spaces_after_the_first_batch_makes_the_index_read_trigrams(tmp_path, chinese_records, tokenizer):
    """An English dataset and then a Chinese one, loaded into one table: the first batch, all English, made the index,
    and the Chinese records, a quarter of the text and more, were unsearchable inside their runs. A few stay so."""
    english = [{"instruction": f"Write poem {number} about the sea.", "input": "", "output": "The sea is wide."} for number in range(pipeline.BATCH_SIZE)]
    english[0]["output"] = "A lighthouse stands by the sea."
    (tmp_path / "en.json").write_text(json.dumps(english))
    (tmp_path / "zh.json").write_text(json.dumps(UNSPACED[:1] * chinese_records, ensure_ascii=False))
    summary = load([str(tmp_path / "en.json"), str(tmp_path / "zh.json")], tmp_path / "a.db")
    assert summary.rows == pipeline.BATCH_SIZE + chinese_records
    db = sqlite_utils.Database(tmp_path / "a.db")
    assert summary.fts_tokenizer == database.fts_tokenizer_of(db.conn, "alpaca_data") == tokenizer
    db.execute("INSERT INTO alpaca_data_fts (alpaca_data_fts) VALUES ('integrity-check')")  # every row indexed, once
    assert [row["id"] for row in db["alpaca_data"].search("lighthouse")] == [0]  # a row of the first index
    assert len(list(db["alpaca_data"].search('"poem"', limit=10_000))) == pipeline.BATCH_SIZE
    assert len(list(db["alpaca_data"].search("光合作用", limit=10_000))) == (chinese_records if tokenizer else 0)


def test_the_summary_says_when_search_matches_characters_rather_than_words(run_cli, tmp_path):
    (tmp_path / "zh.json").write_text(json.dumps(UNSPACED, ensure_ascii=False))
    (tmp_path / "en.json").write_text(json.dumps(SMALL))
    unspaced, spaced = (run_cli("load", tmp_path / name, "--db", tmp_path / f"{name}.db").stderr for name in ("zh.json", "en.json"))
    assert "; search matches characters in a row, not words (much of the text is in a script without spaces)\n" in unspaced
    assert "search matches" not in spaced and "Loaded 2 rows" in spaced


def test_the_summary_says_when_much_of_the_text_is_in_a_language_the_classifier_does_not_read(run_cli, tmp_path):
    """An English dataset, then one in languages whose verbs the rules do not read, in one table: the rows are sampled all
    through it. Spanish, German, French and Russian ones are read."""
    english = json.loads(SAMPLE.read_text())[:600]
    (tmp_path / "en.json").write_text(json.dumps(english))
    (tmp_path / "unread.json").write_text(json.dumps(UNREAD_LANGUAGES * 60, ensure_ascii=False))
    (tmp_path / "european.json").write_text(json.dumps(OTHER_LANGUAGES * 60, ensure_ascii=False))
    mixed = run_cli("load", tmp_path / "en.json", tmp_path / "unread.json", "--db", tmp_path / "mixed.db").stderr
    european = run_cli("load", tmp_path / "en.json", tmp_path / "european.json", "--db", tmp_path / "european.db").stderr
    only_english = run_cli("load", tmp_path / "en.json", "--db", tmp_path / "en.db").stderr
    note = "; verbs and nouns are not read in the language of much of this text\n"
    assert "Loaded 900 rows" in mixed and note in mixed
    assert "Loaded 900 rows" in european and "not read" not in european
    assert "Loaded 600 rows" in only_english and "not read" not in only_english


def test_a_load_flags_missing_media_and_refusals_in_other_languages(tmp_path):
    """The workers tell the flags the instruction's language, as the classifier reads it."""
    records = [
        {"instruction": "Describe esta imagen.", "input": "", "output": "Es un gato."},
        {"instruction": "Écrivez un poème sur la mer.", "input": "", "output": "En tant que modèle de langage, je ne peux pas."},
        {"instruction": "Escribe un poema sobre el mar.", "input": "", "output": "El mar es azul."},
    ]
    (tmp_path / "es.json").write_text(json.dumps(records, ensure_ascii=False))
    load(str(tmp_path / "es.json"), tmp_path / "es.db")
    issues = [json.loads(issues) for (issues,) in sqlite3.connect(tmp_path / "es.db").execute("select issues from alpaca_data order by id")]
    assert issues == [["missing_media"], ["refusal"], []]


def test_an_empty_dataset_still_gets_its_full_text_index(tmp_path):
    """The index is made with the first rows; a load with none makes it at the end, so its searches run, finding nothing."""
    (tmp_path / "empty.json").write_text("[]")
    assert load(str(tmp_path / "empty.json"), tmp_path / "a.db").rows == 0
    db = sqlite_utils.Database(tmp_path / "a.db")
    assert db["alpaca_data"].detect_fts() == "alpaca_data_fts" and list(db["alpaca_data"].search("anything")) == []


@pytest.mark.parametrize(
    "texts, tokenizer",
    [
        (["Write a poem about the sea.", "", "The sea is wide."], None),
        (["Übersetze: café, naïve, Straße", "Привет, как дела?", "안녕하세요 만나서 반갑습니다"], None),  # spaced scripts
        ([UNSPACED[0]["instruction"], UNSPACED[0]["output"]], "trigram"),
        ([UNSPACED[2]["instruction"], UNSPACED[2]["input"]], "trigram"),
        (["สวัสดีครับ ยินดีที่ได้รู้จัก"], "trigram"),  # Thai
        (["Translate into Chinese: the weather is nice today.", "今天天气很好。"], None),  # a sixth unspaced
        (["Translate into English: 今天天气很好，我们去公园散步吧。"], "trigram"),  # over a quarter
        (["", ""], None),
    ],
)
def test_the_full_text_index_reads_trigrams_where_a_quarter_of_the_text_has_no_spaces(texts, tokenizer):
    assert database.fts_tokenizer(*database.script_counts(texts)) == tokenizer


@pytest.mark.parametrize("path, rows", [(GSM8K, 7473), (SEED_TASKS, None)])
def test_real_files_load_with_the_right_row_counts(shared, tmp_path, path, rows):
    if rows is None:  # one row per seed-task instance
        rows = sum(len(json.loads(line)["instances"]) for line in path.read_text().splitlines())
    summary = load(str(path), tmp_path / "a.db")
    assert summary.rows == rows == sqlite_utils.Database(tmp_path / "a.db")["alpaca_data"].count


def test_the_summary_says_what_the_load_found_broken(shared, run_cli, tmp_path):
    """The flagged rows and each issue's rows, the most frequent first, as the issues column holds them."""
    result = run_cli("load", SAMPLE, "--db", tmp_path / "a.db")
    assert result.returncode == 0, result.stderr
    db = sqlite_utils.Database(tmp_path / "a.db")
    issues = Counter(code for row in db["alpaca_data"].rows for code in json.loads(row["issues"]))
    flagged = db.execute("select count(*) from alpaca_data where issues != '[]'").fetchone()[0]
    listed = ", ".join(f"{code} {count:,}" for code, count in sorted(issues.items(), key=lambda item: (-item[1], item[0])))
    assert f"Flagged {flagged:,} rows ({flagged / 4000:.1%}): {listed}\n" in result.stderr
    assert flagged > 50 and len(issues) >= 4
    summary = load(str(SAMPLE), tmp_path / "b.db")
    assert (summary.flagged_rows, summary.issues) == (flagged, dict(sorted(issues.items(), key=lambda item: (-item[1], item[0]))))
    (tmp_path / "clean.json").write_text(json.dumps([{"instruction": "Name a fruit.", "input": "", "output": "Pear."}]))
    assert "Flagged no rows" in run_cli("load", tmp_path / "clean.json", "--db", tmp_path / "c.db").stderr


def test_the_loads_memory_does_not_grow_with_its_records(tmp_path, monkeypatch):
    """Nothing the load keeps in Python grows with the records (a dict of the instruction keys that find duplicates took
    150 bytes a record, 450 MB for three million): once every row is in, a load of 40,000 records holds as much as one
    of 16,000. Measured when the writer finishes, not at the peak, which moves with the batches in flight; SQLite's own
    memory, bounded by its cache, is not traced."""
    held = {}
    finish = database.DatabaseWriter.finish

    def finish_measured(writer: database.DatabaseWriter, provenance: dict, **options) -> None:
        held[provenance["rows"]] = tracemalloc.get_traced_memory()[0]
        finish(writer, provenance, **options)

    monkeypatch.setattr(database.DatabaseWriter, "finish", finish_measured)

    def source(records: int) -> str:
        path = tmp_path / f"{records}.jsonl"
        path.write_text("".join(json.dumps({"instruction": f"Say {number}.", "output": "Ok."}) + "\n" for number in range(records)))
        return str(path)

    load(source(100), tmp_path / "first.db")  # loads the tokenizer and imports what a load needs, once
    for records in (16_000, 40_000):
        tracemalloc.start()
        try:
            load(source(records), tmp_path / f"{records}.db")
        finally:
            tracemalloc.stop()
    assert held[40_000] - held[16_000] < 500_000, held  # the dict: 2.4 MB more


def test_a_load_runs_as_many_workers_as_the_cpus_it_may_use():
    """In a container or under taskset, os.cpu_count() counts the host's CPUs; the load counts those it may run on."""
    code = "import os; from alpaca_explore.cpus import usable_cpus; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); print(usable_cpus(), os.cpu_count())"
    usable, counted = map(int, subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    assert usable == 1 and counted == os.cpu_count() and counted >= 2  # CI's machines have two cores


CPU_CGROUPS = Path("/sys/fs/cgroup/cpu")  # cgroup v1's cpu controller, where this machine and CI mount it


@pytest.mark.parametrize("parent_quota, child_quota", [(100_000, -1), (-1, 50_000)], ids=["the cgroup above", "half a CPU"])
def test_a_load_counts_only_the_cpus_its_cpu_quota_gives_it(tmp_path, parent_quota, child_quota):
    """A container's --cpus or a Kubernetes CPU limit is a CFS quota, on the container's cgroup or one above it: with
    it, the load ran a worker for each of the host's CPUs (a hundred workers for 2 CPUs' time)."""
    if not os.access(CPU_CGROUPS, os.W_OK):
        pytest.skip(f"needs root and a cgroup v1 cpu controller at {CPU_CGROUPS}, as on CI")
    parent = CPU_CGROUPS / f"alpaca-explore-test-{os.getpid()}"
    child = parent / "load"
    child.mkdir(parents=True)
    try:
        for cgroup, quota in ((parent, parent_quota), (child, child_quota)):
            (cgroup / "cpu.cfs_period_us").write_text("100000")
            (cgroup / "cpu.cfs_quota_us").write_text(str(quota))
        code = "import os; from alpaca_explore.cpus import usable_cpus; print(usable_cpus(), len(os.sched_getaffinity(0)))"
        in_child = f"echo $$ > {child}/cgroup.procs && exec {sys.executable} -c '{code}'"
        usable, affinity = map(int, subprocess.run(["sh", "-c", in_child], capture_output=True, text=True, check=True).stdout.split())
    finally:
        child.rmdir()
        parent.rmdir()
    assert (usable, affinity) == (1, os.cpu_count()) and affinity >= 2


def test_cpu_quotas_are_read_from_cgroup_v2_and_from_a_container_s_own_mount(tmp_path):
    """cgroup v2 (Docker and Kubernetes today), where the tightest quota may be a pod's, above the container's; and v1
    mounted at the container's cgroup (no cgroup namespace). cgroup v2's CPU controller cannot be enabled on this
    machine (its CPU controller is v1's), so its files are written here as the kernel lays them out."""
    (tmp_path / "proc").mkdir()
    container = tmp_path / "v2" / "kubepods" / "pod1" / "container1"
    container.mkdir(parents=True)
    (container / "cpu.max").write_text("max 100000\n")
    (container.parent / "cpu.max").write_text("250000 100000\n")
    (tmp_path / "proc" / "cgroup").write_text("0::/kubepods/pod1/container1\n")
    (tmp_path / "proc" / "mountinfo").write_text(
        f"25 1 0:22 / /proc rw - proc proc rw\n31 23 0:28 / {tmp_path / 'v2'} rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n"
    )
    assert cpus.cpu_quota(tmp_path / "proc") == 3
    (container / "cpu.max").write_text("100000 100000\n")
    assert cpus.cpu_quota(tmp_path / "proc") == 1
    assert cpus.usable_cpus(tmp_path / "proc") == 1

    v1 = tmp_path / "v1"
    v1.mkdir()
    (v1 / "cpu.cfs_quota_us").write_text("200000\n")
    (v1 / "cpu.cfs_period_us").write_text("100000\n")
    (tmp_path / "proc" / "cgroup").write_text("12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n")
    (tmp_path / "proc" / "mountinfo").write_text(
        f"40 31 0:35 /docker/abc {tmp_path / 'memory'} rw - cgroup cgroup rw,memory\n"
        f"41 31 0:36 /docker/abc {v1} rw - cgroup cgroup rw,cpu,cpuacct\n"
    )
    assert cpus.cpu_quota(tmp_path / "proc") == 2
    (v1 / "cpu.cfs_quota_us").write_text("-1\n")
    assert cpus.cpu_quota(tmp_path / "proc") is None
    assert cpus.usable_cpus(tmp_path / "proc") == len(os.sched_getaffinity(0))


def test_standard_input(run_cli, tmp_path):
    data = "\n".join(json.dumps(r) for r in SMALL).encode()
    result = run_cli("load", "-", "--db", tmp_path / "a.db", input=data)
    assert result.returncode == 0, result.stderr
    assert sqlite_utils.Database(tmp_path / "a.db")["alpaca_data"].count == 2


def test_summary_names_the_most_frequent_ignored_keys_on_one_line(run_cli, tmp_path):
    extra = {f"meta{number}": number for number in range(12)}
    records = [{"instruction": "a", "output": "b", "id": 7, "multi\nline": 1, **extra} for _ in range(3)]
    records.append({"instruction": "c", "output": "d", "id": 8, "multi\nline": 2})
    source = tmp_path / "keys.json"
    source.write_text(json.dumps(records))
    result = run_cli("load", source, "--db", tmp_path / "a.db")
    loaded, flagged = result.stderr.strip().splitlines()  # the key with a line break in it is quoted
    assert result.returncode == 0 and flagged.startswith("Flagged 2 rows"), result.stderr
    listed = 'id (4), "multi\\nline" (4), meta0 (3), meta1 (3), meta10 (3), meta11 (3), meta2 (3), meta3 (3), meta4 (3), meta5 (3)'
    assert loaded.endswith(f"; ignored keys: {listed} and 4 more")


def test_lone_surrogates_load_as_the_replacement_character_and_the_summary_says_so(run_cli, tmp_path):
    """A string cut inside an emoji, as json.dumps writes it: the whole file failed to load, or "?" took its place."""
    records = [{"instruction": "Describe \ud83e", "output": "Cut \udd99 short"}, {"instruction": "Name 🦙", "output": "A llama"}]
    source = tmp_path / "cut.json"
    source.write_text(json.dumps(records))
    result = run_cli("load", source, "--db", tmp_path / "a.db")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0].endswith("; read 2 lone surrogate escapes (half an emoji?) as U+FFFD")
    rows = sqlite_utils.Database(tmp_path / "a.db").execute("SELECT instruction, output FROM alpaca_data").fetchall()
    assert rows == [("Describe \ufffd", "Cut \ufffd short"), ("Name 🦙", "A llama")]


def test_standard_input_on_a_terminal_is_an_error_not_a_wait(tmp_path):
    primary, secondary = pty.openpty()
    try:
        completed = subprocess.run(
            [str(Path(sys.executable).parent / "alpaca-explore"), "load", "-", "--db", str(tmp_path / "a.db")],
            stdin=secondary, capture_output=True, timeout=60,
        )
    finally:
        os.close(secondary)
        os.close(primary)
    result = CliResult(completed.returncode, completed.stdout.decode(), completed.stderr.decode())
    assert_clean_error(result, "standard input, but it is a terminal")
    assert not (tmp_path / "a.db").exists()


def test_a_database_behind_a_symbolic_link_is_rebuilt_and_the_link_kept(tmp_path):
    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL))
    (tmp_path / "data").mkdir()
    real = tmp_path / "data" / "real.db"
    link = tmp_path / "alpaca.db"
    link.symlink_to(real)
    load(str(source), link)
    load(str(source), link, table="again")
    assert link.is_symlink() and link.resolve() == real
    assert set(sqlite_utils.Database(real).table_names()) >= {"alpaca_data", "again"}
    assert sorted(path.name for path in real.parent.iterdir()) == ["real.db"]


def test_loads_into_one_database_at_the_same_time_keep_both_tables(tmp_path):
    command = [str(Path(sys.executable).parent / "alpaca-explore"), "load", str(SAMPLE), "--db", str(tmp_path / "a.db"), "--quiet"]
    loads = [subprocess.Popen([*command, "--table", table]) for table in ("first", "second")]
    assert [load.wait(timeout=120) for load in loads] == [0, 0]
    db = sqlite_utils.Database(tmp_path / "a.db")
    assert db["first"].count == db["second"].count == 4000
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.db"]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    """The real sample loaded: query plans follow the statistics of real data, not of a two-row table."""
    db = tmp_path_factory.mktemp("plans") / "a.db"
    load(str(SAMPLE), db)
    return db


def query_plan(db: Path, query: str, params: dict) -> list[str]:
    """The steps of a canned query's plan that read the table, its own or through an index."""
    sql = (Path(__file__).parents[1] / "queries" / f"{query}.sql").read_text()
    with sqlite3.connect(db) as conn:
        return [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params) if "alpaca_data" in row[3]]


@pytest.mark.parametrize("query", ["by_category", "by_verb", "verb_noun", "token_histogram"])
def test_aggregate_queries_read_only_indexes(shared, sample_db, query):
    """A million rows stay inside Datasette's 1 s limit only if these never read the table itself."""
    plan = query_plan(sample_db, query, {"width": ""})
    assert plan and all("COVERING INDEX" in step for step in plan), plan


def test_verb_noun_counts_pairs_in_index_order(shared, sample_db):
    """Joined from the top verbs, the pairs were sorted for grouping (0.99 s instead of 0.61 s for a million rows)."""
    sql = (Path(__file__).parents[1] / "queries" / "verb_noun.sql").read_text()
    with sqlite3.connect(sample_db) as conn:
        plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
    assert "USE TEMP B-TREE FOR GROUP BY" not in plan, plan


def test_token_histogram_sorts_distinct_lengths_not_rows(shared, sample_db):
    """Grouping every row into buckets sorted them all (0.32-0.48 s for a million rows); counting each length first
    reads them in index order, and only the distinct lengths are sorted into buckets (0.06-0.11 s)."""
    sql = (Path(__file__).parents[1] / "queries" / "token_histogram.sql").read_text()
    with sqlite3.connect(sample_db) as conn:
        plan = list(conn.execute(f"EXPLAIN QUERY PLAN {sql}", {"width": ""}))
    table_reads = {parent for _, parent, _, detail in plan if detail.startswith("SCAN alpaca_data")}
    sorts = {parent for _, parent, _, detail in plan if detail == "USE TEMP B-TREE FOR GROUP BY"}
    assert table_reads and sorts and not table_reads & sorts, plan


def test_the_flagged_query_reads_only_flagged_rows(shared, sample_db):
    plan = query_plan(sample_db, "flagged", {"issue": "refusal"})
    assert "SEARCH alpaca_data USING COVERING INDEX idx_alpaca_data_issues (issues<?)" in plan
    assert not any(step.startswith("SCAN alpaca_data") for step in plan), plan


def test_a_load_waiting_for_another_in_the_same_folder_says_so(tmp_path):
    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL))
    other_load = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(other_load, fcntl.LOCK_EX)  # as another load building in this folder holds it
    primary, secondary = pty.openpty()  # the progress and this message show on a terminal
    waiting = subprocess.Popen(
        [str(Path(sys.executable).parent / "alpaca-explore"), "load", str(source), "--db", str(tmp_path / "a.db")],
        stderr=secondary, stdout=subprocess.DEVNULL,
    )
    try:
        said = b""
        deadline = time.monotonic() + 60
        while b"to finish" not in said and time.monotonic() < deadline:
            if select.select([primary], [], [], 0.1)[0]:
                said += os.read(primary, 4096)
        assert f"waiting for another load into {tmp_path.resolve()} to finish".encode() in said
        assert waiting.poll() is None and not (tmp_path / "a.db").exists()
        os.close(other_load)  # and with it the lock
        assert waiting.wait(60) == 0 and sqlite_utils.Database(tmp_path / "a.db")["alpaca_data"].count == len(SMALL)
    finally:
        waiting.kill()
        os.close(secondary)
        os.close(primary)


def test_a_file_system_without_locks_still_loads(tmp_path, monkeypatch):
    """Some network and FUSE mounts refuse flock (a real one cannot be had here)."""
    from alpaca_explore import database

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(database.fcntl, "flock", no_locks)
    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL))
    assert load(str(source), tmp_path / "a.db").rows == len(SMALL)


def test_a_database_open_in_wal_mode_elsewhere_is_refused_and_left_alone(tmp_path):
    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL))
    db_path = tmp_path / "a.db"
    load(str(source), db_path)
    other = sqlite3.connect(db_path)  # another program, in WAL mode, with a write not yet checkpointed
    try:
        other.execute("PRAGMA journal_mode = WAL")
        other.execute("PRAGMA wal_autocheckpoint = 0")
        other.execute("CREATE TABLE notes (text)")
        other.execute("INSERT INTO notes VALUES ('precious')")
        other.commit()
        before = db_path.read_bytes()
        with pytest.raises(AlpacaExploreError, match="is in WAL mode and open in another program"):
            load(str(source), db_path, table="second")
        assert db_path.read_bytes() == before
    finally:
        other.close()
    load(str(source), db_path, table="second")  # closed, its WAL is written back: the load keeps all of it
    db = sqlite_utils.Database(db_path)
    assert db.execute("SELECT text FROM notes").fetchall() == [("precious",)] and db["second"].count == len(SMALL)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


@pytest.mark.parametrize("name", ["a#b.db", "c?d.db", "e%41f.db"])
def test_database_names_that_uris_would_misread(tmp_path, name):
    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL))
    load(str(source), tmp_path / name)
    load(str(source), tmp_path / name, table="second")  # copies the first load's database
    assert {"alpaca_data", "second"} <= set(sqlite_utils.Database(tmp_path / name).table_names())
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([name, "small.json"])


def test_provenance_is_recorded(tmp_path):
    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL))
    load(str(source), tmp_path / "a.db")
    (row,) = sqlite_utils.Database(tmp_path / "a.db")["alpaca_explore_loads"].rows
    import hashlib

    assert row["sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert (row["table_name"], row["records"], row["rows"], row["tokenizer"], row["format"]) == ("alpaca_data", 2, 2, "cl100k_base", "json")
    assert row["source"] == str(source) and row["tool_version"] and row["loaded_at"]


def test_several_tables_in_one_database(tmp_path):
    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL))
    load(str(source), tmp_path / "a.db")
    load(str(source), tmp_path / "a.db", table="second")
    load(str(source), tmp_path / "a.db", table="second")  # a reload replaces its table
    db = sqlite_utils.Database(tmp_path / "a.db")
    assert db["alpaca_data"].count == db["second"].count == 2
    assert db["second_fts"].exists()


def test_each_table_lists_its_own_duplicates_and_a_reload_replaces_them(tmp_path):
    copied = [*SMALL, {**SMALL[0], "instruction": SMALL[0]["instruction"].upper(), "output": "Again."}]
    (tmp_path / "copied.json").write_text(json.dumps(copied))
    (tmp_path / "small.json").write_text(json.dumps(SMALL))
    load(str(tmp_path / "copied.json"), tmp_path / "a.db")
    load(str(tmp_path / "copied.json"), tmp_path / "a.db", table="second")
    load(str(tmp_path / "small.json"), tmp_path / "a.db", table="second")
    db = sqlite_utils.Database(tmp_path / "a.db")
    assert list(db["alpaca_data_duplicates"].rows) == [{"id": 0, "first_id": 0}, {"id": 2, "first_id": 0}]
    assert db["second_duplicates"].count == 0
    assert {(fk.column, fk.other_table) for fk in db["second_duplicates"].foreign_keys} == {("id", "second"), ("first_id", "second")}


def test_parquet_without_pyarrow_names_the_extra_to_install(tmp_path):
    pyarrow.parquet.write_table(pyarrow.Table.from_pylist(SMALL), tmp_path / "small.parquet")
    without_pyarrow = "import sys; sys.modules['pyarrow'] = None; from alpaca_explore.cli import cli; cli()"  # import fails
    completed = subprocess.run(
        [sys.executable, "-c", without_pyarrow, "load", str(tmp_path / "small.parquet"), "--db", str(tmp_path / "a.db")],
        capture_output=True, text=True, timeout=120,
    )
    assert_clean_error(CliResult(completed.returncode, completed.stdout, completed.stderr), "needs pyarrow (alpaca-explore's parquet extra): pip install pyarrow")
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize(
    "theirs, table, message",
    [
        ("customers", "customers", "not created by alpaca-explore"),
        # A table of that name is where the load would keep the duplicate groups.
        ("notes_duplicates", "notes", "cannot load 'notes': {db} already has a table 'notes_duplicates', where the load would list its duplicate instructions"),
    ],
)
def test_a_table_it_did_not_create_is_never_replaced(run_cli, tmp_path, theirs, table, message):
    db = sqlite_utils.Database(tmp_path / "a.db")
    db[theirs].insert({"name": "Ada"})
    db.close()
    before = (tmp_path / "a.db").read_bytes()
    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL))
    assert_clean_error(run_cli("load", source, "--db", tmp_path / "a.db", "--table", table), message.format(db=tmp_path / "a.db"))
    assert (tmp_path / "a.db").read_bytes() == before


@pytest.mark.parametrize("table", ["", "  ", "a]b", "sqlite_stat1"])
def test_table_names_sqlite_cannot_take_are_refused_before_any_work(http_server, run_cli, tmp_path, table):
    http_server.routes["/data.json"] = Route(json.dumps(SMALL).encode())
    result = run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db", "--table", table)
    assert_clean_error(result, f"cannot use {table!r} as a table name")
    assert http_server.log == [] and not (tmp_path / "a.db").exists()


@pytest.mark.parametrize(
    "content, message",
    [
        (b'[{"instruction": "a", "output": "b"}, {"instruction": "a", "output": 5}]', 'record 1: "output" is a number'),
        (b"", "empty"),
        (b"<html>", "HTML"),
        (b"[{", "invalid JSON"),
        (b'[{"instruction": "\xff", "output": "b"}]', "invalid UTF-8"),
    ],
)
def test_bad_input_leaves_existing_database_unchanged(run_cli, tmp_path, content, message):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(SMALL))
    assert run_cli("load", good, "--db", tmp_path / "a.db").returncode == 0
    before = (tmp_path / "a.db").read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert_clean_error(run_cli("load", bad, "--db", tmp_path / "a.db"), message)
    assert (tmp_path / "a.db").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db", "bad.json", "good.json"]


def test_missing_path_and_folder(run_cli, tmp_path):
    assert_clean_error(run_cli("load", tmp_path / "nope.json", "--db", tmp_path / "a.db"), "no such file")
    assert_clean_error(run_cli("load", tmp_path, "--db", tmp_path / "a.db"), "is a directory")
    assert not (tmp_path / "a.db").exists()


def test_a_saved_dataset_folder_is_told_which_files_to_load_and_they_load(run_cli, tmp_path):
    """datasets' save_to_disk writes a folder of Arrow stream files per split, beside files that describe them."""
    saved = tmp_path / "saved"
    (saved / "train").mkdir(parents=True)
    (saved / "dataset_dict.json").write_text('{"splits": ["train"]}')
    for name in ("dataset_info.json", "state.json"):
        (saved / "train" / name).write_text("{}")
    table = pyarrow.Table.from_pylist([{**record, "text": "..."} for record in SMALL])
    for shard in range(2):
        with pyarrow.ipc.new_stream(saved / "train" / f"data-0000{shard}-of-00002.arrow", table.schema) as writer:
            writer.write_table(table)
    for folder in (saved, saved / "train"):
        message = f"{folder} is a directory, expected a file (JSON, JSON Lines, CSV, Parquet or Arrow); give its data files: alpaca-explore load {saved / 'train'}/*.arrow"
        assert_clean_error(run_cli("load", folder, "--db", tmp_path / "a.db"), message)
    result = run_cli("load", *sorted((saved / "train").glob("*.arrow")), "--db", tmp_path / "a.db")
    assert result.returncode == 0, result.stderr
    assert "Loaded 4 rows" in result.stderr and "ignored keys: text (4)" in result.stderr


def test_target_that_is_not_sqlite_is_left_alone(run_cli, tmp_path):
    (tmp_path / "notes.db").write_text("my notes")
    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL))
    assert_clean_error(run_cli("load", source, "--db", tmp_path / "notes.db"), "not a SQLite database")
    assert (tmp_path / "notes.db").read_text() == "my notes"


def start_big_load(tmp_path: Path, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, Path, bytes]:
    """A load of 60,000 records over a small database, returned once it is writing its copy:
    (the process, the database, the database's bytes before)."""
    big = tmp_path / "big.jsonl"
    records = json.loads(SAMPLE.read_text())
    with big.open("w") as out:
        for copy in range(15):
            for record in records:
                out.write(json.dumps({**record, "output": f"{record['output']} ({copy})"}) + "\n")
    db = tmp_path / "a.db"
    small = tmp_path / "small.json"
    small.write_text(json.dumps(SMALL))
    load(str(small), db)
    before = db.read_bytes()
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "alpaca-explore"), "load", str(big), "--db", str(db)],
        start_new_session=True,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".a.db.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)
    assert process.poll() is None, "the load finished before it could be killed"
    return process, db, before


def test_load_killed_midway_leaves_target_unchanged_and_the_next_load_removes_its_copy(shared, tmp_path, monkeypatch):
    """The next load also removes the folder in which the killed one's workers left their results, and neither what a
    running load is using nor what another host's left."""
    temp = tmp_path / "temp"
    temp.mkdir()
    process, db, before = start_big_load(tmp_path, env={**os.environ, "TMPDIR": str(temp)})
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert db.read_bytes() == before
    assert list(tmp_path.glob(".a.db.*.tmp")), "the killed load left no copy behind"
    assert list(temp.glob("alpaca-explore-*")), "the killed load left no hand-over folder behind"
    host, pid = socket.gethostname(), os.getpid()
    kept = [tmp_path / f".a.db.{host}.{pid}.x.tmp", temp / f"alpaca-explore-{host}.{pid}.x", temp / f"alpaca-explore-elsewhere.{process.pid}.x"]
    for path in kept:  # a running load's copy and folder, a folder from another host sharing the temporary folder
        path.mkdir() if path.parent == temp else path.write_bytes(b"")
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    load(str(tmp_path / "small.json"), db)
    assert {*tmp_path.glob(".a.db.*.tmp"), *temp.iterdir()} == set(kept)


def worker_pids(process: subprocess.Popen) -> list[int]:
    """The load's worker processes, in the order they started (the counting worker first)."""
    return sorted(int(pid) for task in Path(f"/proc/{process.pid}/task").iterdir() for pid in (task / "children").read_text().split())


def stderr_when_done(process: subprocess.Popen, timeout: float = 60) -> str:
    """The load's standard error once it ends; one that hangs is killed, leaving no load behind, and fails the test."""
    try:
        return process.communicate(timeout=timeout)[1]
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise


@pytest.mark.parametrize("later", [0.4, 0.8])
def test_ctrl_c_stops_the_load_with_one_line_and_the_target_unchanged(shared, tmp_path, later):
    """A terminal's Ctrl-C interrupts the whole process group. The workers leave it to the load, which stops with its
    one line: interrupted too, a worker waiting for its next batch (as the counting one mostly is, its word counts
    learnt) printed its traceback, and its pool could hang."""
    process, db, before = start_big_load(tmp_path)
    workers = worker_pids(process)
    time.sleep(later)
    os.killpg(process.pid, signal.SIGINT)
    stderr = stderr_when_done(process)
    assert (process.returncode, stderr) == (1, "Error: interrupted; the database was left unchanged\n")
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".a.db.*.tmp"))
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "workers outlived their load"


@pytest.mark.parametrize("group", [False, True], ids=["the load", "its process group"])
def test_sigterm_stops_the_load_as_ctrl_c_does(shared, tmp_path, group):
    """A plain ``kill``, a service manager or a container stopping (to the load alone, or to its process group, workers
    too) stops the load as Ctrl-C does: it ended at once, its copy left behind and its workers alive."""
    process, db, before = start_big_load(tmp_path)
    workers = worker_pids(process)
    (os.killpg if group else os.kill)(process.pid, signal.SIGTERM)
    stderr = stderr_when_done(process)
    assert (process.returncode, stderr) == (1, "Error: terminated; the database was left unchanged\n")
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".a.db.*.tmp"))
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "workers outlived their load"


def test_the_command_line_runs_in_a_thread_too(tmp_path):
    """Only the main thread may handle signals: run in another, as by a test runner or a notebook's executor, a command
    must not try to (it failed with 'signal only works in main thread')."""
    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL))
    results = []
    command = ["load", str(source), "--db", str(tmp_path / "a.db")]
    thread = threading.Thread(target=lambda: results.append(CliRunner().invoke(cli, command)))
    thread.start()
    thread.join(timeout=60)
    assert results[0].exit_code == 0, results[0].output
    assert sqlite_utils.Database(tmp_path / "a.db")["alpaca_data"].count == len(SMALL)


FORK_TIME_SIGNAL = """
import os, signal, sys
from alpaca_explore.cli import cli
signals = [getattr(signal, sys.argv[1])]
os.register_at_fork(after_in_parent=lambda: signals and os.kill(os.getpid(), signals.pop()))  # while a worker forks
cli(["load", *sys.argv[2:]])
"""


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_stop_that_arrives_while_a_worker_forks_stops_the_load(shared, tmp_path, name):
    """Ctrl-C or SIGTERM arriving amid a worker's fork was raised in a fork hook, where Python ignores exceptions: the
    load printed 'Exception ignored' and went on to replace the database."""
    db = tmp_path / "a.db"
    result = subprocess.run(
        [sys.executable, "-c", FORK_TIME_SIGNAL, name, str(SAMPLE), "--db", str(db)], capture_output=True, text=True, timeout=60
    )
    stopped = {"SIGINT": "interrupted", "SIGTERM": "terminated"}[name]
    assert (result.returncode, result.stderr) == (1, f"Error: {stopped}; the database was left unchanged\n")
    assert not db.exists()


def test_the_workers_end_with_a_load_killed_outright(shared, tmp_path):
    """A load killed at once (SIGKILL, the out-of-memory killer) leaves no worker behind: they lived on for good, each
    blocked on a pipe the other held open."""
    process, db, before = start_big_load(tmp_path)
    workers = worker_pids(process)
    assert len(workers) == 2, "the load has not one worker of each kind"
    process.kill()
    process.wait(timeout=10)

    def is_running(pid: int) -> bool:
        try:
            return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()  # a zombie has ended
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 10
    running = workers
    while running and time.monotonic() < deadline:
        time.sleep(0.05)
        running = [pid for pid in workers if is_running(pid)]
    for pid in running:
        os.kill(pid, signal.SIGKILL)  # leave no worker behind either way
    assert not running, "workers outlived their load"
    assert db.read_bytes() == before


@pytest.mark.parametrize("worker", ["counting", "classifying"])
def test_a_worker_killed_midway_is_a_one_line_error(shared, tmp_path, worker):
    """A worker process killed (as by the out-of-memory killer) ends the load cleanly, target unchanged. Killing the
    classifying worker hung the load, its pool writing a batch into a pipe the counting worker held open."""
    process, db, before = start_big_load(tmp_path)
    workers = worker_pids(process)
    assert len(workers) == 2, "the load has not one worker of each kind"
    os.kill(workers[["counting", "classifying"].index(worker)], signal.SIGKILL)  # the counting worker starts first
    stderr = stderr_when_done(process)
    assert process.returncode == 1
    assert_clean_error(CliResult(process.returncode, "", stderr), "a worker process died")
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".a.db.*.tmp"))


KILLED_AFTER_A_WRITE = """
import os, signal, sys
from multiprocessing import connection, parent_process
from alpaca_explore.cli import cli
send, writes = connection.Connection._send, []
def send_and_die(self, buf, *args):
    send(self, buf, *args)
    if parent_process() is not None:  # in a worker, forked with the list empty: its first batch's result is its second
        writes.append(buf)
        if len(writes) == 2:
            os.kill(os.getpid(), signal.SIGKILL)
connection.Connection._send = send_and_die
cli(["load", *sys.argv[1:]])
"""


def test_a_worker_killed_between_two_writes_of_a_result_is_a_one_line_error(shared, tmp_path):
    """Each worker is killed right after its first write of a batch's result. A result sent down the pool's pipe went
    in pieces (a header, then the rest): the pool waited for the rest for good, and the load hung."""
    db, temp = tmp_path / "a.db", tmp_path / "temp"
    temp.mkdir()
    command = [sys.executable, "-c", KILLED_AFTER_A_WRITE, str(SAMPLE), "--db", str(db)]
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE, text=True, env={**os.environ, "TMPDIR": str(temp)})
    stderr = stderr_when_done(process, timeout=30)
    assert_clean_error(CliResult(process.returncode, "", stderr), "a worker process died")
    assert sorted(tmp_path.iterdir()) == [temp] and not list(temp.iterdir()), "the load left files behind"


INTERRUPTED_IMPORT = """
import importlib.metadata, sys
class Interrupting:
    def find_spec(self, name, path=None, target=None):
        if name == "click":  # imported by the command line first of all
            raise KeyboardInterrupt
sys.meta_path.insert(0, Interrupting())
sys.argv = ["alpaca-explore", "--version"]
(command,) = importlib.metadata.entry_points(group="console_scripts", name="alpaca-explore")
command.load()()
"""


def test_ctrl_c_while_the_command_line_is_imported_is_one_line():
    """The command's imports take its first 0.15 s or so: a Ctrl-C then printed Python's traceback."""
    result = subprocess.run([sys.executable, "-c", INTERRUPTED_IMPORT], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (1, "Error: interrupted; nothing was changed\n")


def test_version_and_help_with_examples(run_cli):
    from alpaca_explore import __version__

    assert run_cli("--version").stdout.strip() == f"alpaca-explore, version {__version__}"
    for command in ("load", "export"):
        help_text = run_cli(command, "--help").stdout
        assert "Examples:" in help_text and f"alpaca-explore {command}" in help_text


def test_database_permissions_follow_umask_or_the_existing_file(tmp_path):
    import os
    import stat

    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL))
    umask = os.umask(0o022)
    try:
        load(str(source), tmp_path / "a.db")
        assert stat.S_IMODE((tmp_path / "a.db").stat().st_mode) == 0o644
        (tmp_path / "a.db").chmod(0o640)
        load(str(source), tmp_path / "a.db")
        assert stat.S_IMODE((tmp_path / "a.db").stat().st_mode) == 0o640
    finally:
        os.umask(umask)


def test_a_local_load_imports_neither_httpx_nor_pandas(tmp_path):
    """Every load pays for what the command imports: httpx (0.1 s) only when it downloads, pandas never."""
    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL))
    script = (
        "import sys; from alpaca_explore.cli import cli\n"
        f"cli(['load', {str(source)!r}, '--db', {str(tmp_path / 'a.db')!r}, '--quiet'], standalone_mode=False)\n"
        "print(sorted(name for name in ('httpx', 'pandas') if sys.modules.get(name)))"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"
    assert sqlite_utils.Database(tmp_path / "a.db")["alpaca_data"].count == len(SMALL)


def test_the_database_is_on_disk_before_it_replaces_the_target(tmp_path, monkeypatch):
    """A power cut cannot be staged here: record instead that the file, then its folder, are synced around the rename."""
    source = tmp_path / "small.json"
    source.write_text(json.dumps(SMALL))
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(source: str, target: str) -> None:
        events.append(("replace", str(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    load(str(source), tmp_path / "a.db")
    events = [(kind, path) for kind, path in events if Path(path).resolve().is_relative_to(tmp_path.resolve())]
    assert [kind for kind, _ in events] == ["fsync", "replace", "fsync"]
    assert Path(events[0][1]).name.startswith(".a.db.") and events[1][1] == str(tmp_path / "a.db")
    assert events[2][1] == str(tmp_path.resolve())


def test_the_workers_and_their_files_are_gone_before_the_database_replaces_the_target(tmp_path, monkeypatch):
    """Once the database is in place the load has nothing left to do: its workers ended after it (10 ms in which a
    Ctrl-C said the database was left unchanged)."""
    import multiprocessing

    source, temp = tmp_path / "small.json", tmp_path / "temp"
    source.write_text(json.dumps(SMALL))
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    at_replace = []
    real_replace = os.replace

    def replace(source: str, target: str) -> None:
        if Path(target) == tmp_path / "a.db":  # not Python writing a module's bytecode
            at_replace.append((multiprocessing.active_children(), list(temp.iterdir())))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    load(str(source), tmp_path / "a.db")
    assert at_replace == [([], [])]


@contextlib.contextmanager
def small_file_system(folder: Path) -> Iterator[Path]:
    """A 64 KB tmpfs mounted at ``folder`` (as root, as on CI)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small file system, as on CI")
    folder.mkdir(exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_full_temporary_folder_is_named(shared, tmp_path):
    """The sorts of the index builds spill to SQLite's temporary folder, often on another file system (a small root
    disk, a tmpfs): when it fills, the error blamed the database's folder alone, which had room."""
    with small_file_system(tmp_path / "small") as temp:
        process, db, before = start_big_load(tmp_path, env={**os.environ, "SQLITE_TMPDIR": str(temp)})
        stderr = stderr_when_done(process, timeout=120)
    assert_clean_error(CliResult(process.returncode, "", stderr), f"cannot write {db}: database or disk is full (in its folder, or in SQLite's temporary folder {temp}")
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".a.db.*.tmp"))


def test_a_full_temporary_folder_for_the_workers_results_is_named(shared, tmp_path):
    """Workers leave each batch's results (81 KB of analyses for 2,048 records) in the temporary folder."""
    with small_file_system(tmp_path / "small") as temp:
        command = [str(Path(sys.executable).parent / "alpaca-explore"), "load", str(SAMPLE), "--db", str(tmp_path / "a.db")]
        completed = subprocess.run(command, capture_output=True, text=True, timeout=60, env={**os.environ, "TMPDIR": str(temp)})
        assert list(temp.iterdir()) == []
    assert_clean_error(CliResult(completed.returncode, completed.stdout, completed.stderr), f"cannot write to the temporary folder {temp} (TMPDIR names another): No space left on device")
    assert not (tmp_path / "a.db").exists()


def test_a_full_dev_shm_is_a_one_line_error(shared, tmp_path):
    """Worker pools keep their locks in /dev/shm, which other programs' shared memory can fill: the load printed a
    traceback. Here a 16 KB /dev/shm in a mount namespace of the load's own."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small file system, as on CI")
    command = 'mount -t tmpfs -o size=16k tmpfs /dev/shm && exec "$0" load "$1" --db "$2"'
    alpaca_explore = Path(sys.executable).parent / "alpaca-explore"
    result = subprocess.run(["unshare", "--mount", "sh", "-c", command, str(alpaca_explore), str(SAMPLE), str(tmp_path / "a.db")], capture_output=True, text=True, timeout=60)
    assert_clean_error(CliResult(result.returncode, result.stdout, result.stderr), "cannot start worker processes: No space left on device in /dev/shm")
    assert not (tmp_path / "a.db").exists()


def test_a_full_disk_is_a_one_line_error_and_leaves_nothing_behind(shared, tmp_path):
    """A file-size limit stands in for a full disk: writes past it fail, as they would with no space left."""
    load_tokenizer("cl100k_base")  # its cached copy is written here, not under the limit below

    completed = subprocess.run(
        [str(Path(sys.executable).parent / "alpaca-explore"), "load", str(SAMPLE), "--db", str(tmp_path / "a.db")],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=file_size_limit(1 << 20),
    )
    assert_clean_error(CliResult(completed.returncode, completed.stdout, completed.stderr), f"cannot write {tmp_path / 'a.db'}")
    assert list(tmp_path.iterdir()) == []


def test_a_batch_is_classified_by_the_counting_workers_when_they_have_less_left_to_do():
    """Classifying takes longer than counting (three times as long in Spanish or Russian): the counting pool takes the
    next batch to classify when fewer of its batches are unfinished than the classifying pool's."""
    counters, analysers = object(), object()

    def in_flight(counts_done: bool, analyses_done: bool, pool: object) -> pipeline._InFlight:
        counts, analyses = Future(), Future()
        for future, done in ((counts, counts_done), (analyses, analyses_done)):
            if done:
                future.set_result(None)
        return pipeline._InFlight(0, [], Pending(counts, Path("counts")), Pending(analyses, Path("analyses")), pool)

    assert pipeline._classifying_pool([], counters, analysers) is analysers
    # Counts done, two classifications waiting: the counting pool is idle.
    waiting = [in_flight(True, False, analysers), in_flight(True, False, analysers)]
    assert pipeline._classifying_pool(waiting, counters, analysers) is counters
    # A classification already given to the counting pool is its work too.
    given = [in_flight(True, False, counters), in_flight(True, False, counters), in_flight(True, True, analysers)]
    assert pipeline._classifying_pool([*waiting, *given], counters, analysers) is analysers
    # Counting behind: the classifying pool keeps its batches.
    assert pipeline._classifying_pool([in_flight(False, False, analysers), in_flight(False, True, analysers)], counters, analysers) is analysers
