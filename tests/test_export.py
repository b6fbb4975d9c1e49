"""``alpaca-explore export``: the same rows as the filters select, in a format that loads back."""

from __future__ import annotations

import io
import json
import os
import random
import signal
import stat
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
import sqlite_utils
import sentencepiece
import tiktoken
from conftest import KOREAN, LLAMA_MODEL, SAMPLE, assert_clean_error
from hypothesis import given, settings
from hypothesis import strategies as st

from alpaca_explore import export, load
from alpaca_explore.classify import category
from alpaca_explore.parse import read_records


def test_export_filters_and_round_trips(shared, run_cli, tmp_path):
    db = tmp_path / "a.db"
    load(str(SAMPLE), db)
    out = tmp_path / "brainstorming.json"
    result = run_cli("export", "--db", db, "--category", "brainstorming", "--where", "train_tokens < 200", "-o", out)
    assert result.returncode == 0, result.stderr
    expected = sqlite_utils.Database(db).execute(
        "select instruction, input, output from alpaca_data where category = 'brainstorming' and train_tokens < 200 order by id"
    ).fetchall()
    assert [tuple(r) for r in read_records(out)] == expected and expected
    assert f"Exported {len(expected):,} records" in result.stderr
    assert json.loads(out.read_text())[0].keys() == {"instruction", "input", "output"}
    reloaded = load(str(out), tmp_path / "b.db")
    assert reloaded.rows == len(expected)


def test_export_of_one_copy_per_instruction_reloads_without_duplicates(run_cli, tmp_path):
    """The README's example: the duplicates table leaves out every copy after the first."""
    records = [{"instruction": f"Name {thing}.", "input": "", "output": thing} for thing in ("a fruit", "a tree", "a bird")]
    records += [{**records[0], "instruction": "NAME A FRUIT", "output": "pear"}, {**records[2], "output": "owl"}]
    (tmp_path / "d.json").write_text(json.dumps(records))
    load(str(tmp_path / "d.json"), tmp_path / "a.db")
    copies_left_out = "id not in (select id from alpaca_data_duplicates where id != first_id)"
    result = run_cli("export", "--db", tmp_path / "a.db", "--where", copies_left_out, "--format", "jsonl", "-o", tmp_path / "unique.jsonl")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in (tmp_path / "unique.jsonl").read_text().splitlines()] == records[:3]
    load(str(tmp_path / "unique.jsonl"), tmp_path / "b.db")
    assert sqlite_utils.Database(tmp_path / "b.db")["alpaca_data_duplicates"].count == 0


def test_export_where_takes_the_explorers_sql_functions(shared, run_cli, tmp_path):
    """A filter written in Datasette with token_count(), alpaca_category() or alpaca_normalised_instruction() exports
    as it is; token_count(text) counts in the tokenizer the exported table was loaded with (here LLaMA's)."""
    db = tmp_path / "a.db"
    load(str(SAMPLE), db, tokenizer=str(LLAMA_MODEL))
    where = (
        "token_count(output) > 200 and token_count(output, 'cl100k_base') > 150 and alpaca_category(instruction, input) = 'generation'"
        " and alpaca_normalised_instruction(instruction) like 'write %'"
    )
    result = run_cli("export", "--db", db, "--where", where, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    llama = sentencepiece.SentencePieceProcessor(model_file=str(LLAMA_MODEL))
    cl100k = tiktoken.get_encoding("cl100k_base")
    expected = [
        {"instruction": r["instruction"], "input": r["input"], "output": r["output"]}
        for r in json.loads(SAMPLE.read_text())
        if len(llama.encode(r["output"])) > 200
        and len(cl100k.encode_ordinary(r["output"])) > 150
        and category(r["instruction"], r["input"]) == "generation"
        and " ".join(r["instruction"].lower().split()).startswith("write ")
    ]
    assert [json.loads(line) for line in result.stdout.splitlines()] == expected and expected


def test_export_search_as_jsonl_to_stdout(shared, run_cli, tmp_path):
    db = tmp_path / "a.db"
    load(str(SAMPLE), db)
    result = run_cli("export", "--db", db, "--search", "photosynthesis", "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines and all("photosynthesis" in (r["instruction"] + r["input"] + r["output"]).lower() for r in lines)


# A trigram index (Chinese, Japanese ...) matched nothing for 1 or 2 characters, and the word index keeps a Korean word's
# particles on it ("문장" found neither 문장을 nor 문장이): the export found no records.
UNSPACED = [
    {"instruction": "解释光合作用。", "input": "", "output": "植物利用阳光制造葡萄糖。"},
    {"instruction": "写一首关于大海的诗。", "input": "", "output": "大海啊，你是那样宽广。"},
    {"instruction": "解释下面的代码。", "input": "x_1 = 100%", "output": "它把一百赋给变量。"},
]


@pytest.mark.parametrize(
    "records, searches",
    [
        (UNSPACED, (("光合", [0]), ("解释", [0, 2]), ("解释 植物", [0]), ("大海 宽广的诗", []), ("大海 关于大海", [1]), ("_", [2]), ("%", [2]))),
        (KOREAN, (("문장", [0, 1]), ("문장 번역", [0]), ('"시를"', [2]), ("바다", [2]))),
    ],
    ids=["unspaced", "korean"],
)
def test_export_search_finds_the_words_the_index_splits_otherwise(run_cli, tmp_path, records, searches):
    (tmp_path / "data.json").write_text(json.dumps(records, ensure_ascii=False))
    load(str(tmp_path / "data.json"), tmp_path / "a.db")
    for search, expected in searches:
        result = run_cli("export", "--db", tmp_path / "a.db", "--search", search, "--format", "jsonl")
        assert result.returncode == 0, result.stderr
        assert [json.loads(line) for line in result.stdout.splitlines()] == [records[i] for i in expected], search


LETTERS = "大海诗月亮光合作用"


@pytest.fixture(scope="module")
def unspaced_db(tmp_path_factory) -> tuple[Path, list[dict]]:
    """A trigram index over 150 records of random runs of a few Chinese characters (so that any search finds some)."""
    rng = random.Random(7)

    def run() -> str:
        return "".join(rng.choices(LETTERS, k=rng.randint(1, 12)))

    records = [{"instruction": run(), "input": run() if rng.random() < 0.5 else "", "output": run()} for _ in range(150)]
    folder = tmp_path_factory.mktemp("unspaced")
    (folder / "data.json").write_text(json.dumps(records, ensure_ascii=False))
    assert load(str(folder / "data.json"), folder / "a.db").fts_tokenizer == "trigram"
    return folder / "a.db", records


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=4), min_size=1, max_size=3))
def test_any_search_of_a_trigram_index_finds_the_records_holding_every_word(unspaced_db, words):
    """Words of 1 or 2 characters (LIKE) and of 3 or more (the index) alike: each in some field of every record found."""
    db, records = unspaced_db
    out = io.BytesIO()
    export(db, "alpaca_data", out, fmt="jsonl", search=" ".join(words))
    expected = [record for record in records if all(any(word in record[field] for field in record) for word in words)]
    assert [json.loads(line) for line in out.getvalue().splitlines()] == expected


@pytest.fixture
def one_record_db(tmp_path) -> Path:
    """a.db holding the one record of d.json beside it."""
    source = tmp_path / "d.json"
    source.write_text(json.dumps([{"instruction": "a", "output": "b"}]))
    load(str(source), tmp_path / "a.db")
    return tmp_path / "a.db"


def test_export_errors(run_cli, tmp_path, one_record_db):
    assert_clean_error(run_cli("export", "--db", tmp_path / "none.db"), "no such database")
    assert_clean_error(run_cli("export", "--db", one_record_db, "--where", "nonsense ="), "bad --where 'nonsense =': incomplete input")
    assert_clean_error(run_cli("export", "--db", one_record_db, "--where", "nonsense("), "bad --where 'nonsense(': incomplete input")
    assert_clean_error(run_cli("export", "--db", one_record_db, "--where", "outptu = 'b'"), "bad --where", "no such column: outptu")
    assert_clean_error(run_cli("export", "--db", one_record_db, "--where", "id > 0 order by id"), "bad --where", 'near "order"')
    assert_clean_error(run_cli("export", "--db", one_record_db, "--where", "1; drop table alpaca_data"), "bad --where")
    assert_clean_error(
        run_cli("export", "--db", one_record_db, "--where", f"token_count(output, '{LLAMA_MODEL}') > 1"),
        f"cannot select rows: token_count: '{LLAMA_MODEL}' is neither a tiktoken encoding nor a tokenizer this database was loaded with",
    )
    assert_clean_error(
        run_cli("export", "--db", one_record_db, "--table", "nope"),
        f"no table 'nope' in {one_record_db}; choose one of its tables of Alpaca records with --table: alpaca_data",
    )
    assert_clean_error(run_cli("export", "--db", one_record_db, "--category", "poetry"), "unknown category 'poetry': choose one of open_qa")
    for slip, meant in (("Math", "math"), ("brainstorm", "brainstorming"), ("code", "coding"), ("summary", "summarization")):
        assert_clean_error(run_cli("export", "--db", one_record_db, "--category", slip), f"unknown category '{slip}': did you mean {meant}? choose one of")
    assert_clean_error(run_cli("export", "--db", one_record_db, "--search", '"'), "--search '\"' has no words to search for")
    not_sqlite = one_record_db.with_name("d.json")
    assert_clean_error(run_cli("export", "--db", not_sqlite), f"{not_sqlite} is not a SQLite database")
    missing = tmp_path / "missing" / "out.json"
    assert_clean_error(run_cli("export", "--db", one_record_db, "-o", missing), f"cannot write {missing}: folder {missing.parent} does not exist")


def test_a_table_without_the_alpaca_fields_is_named_as_such(shared, run_cli, tmp_path):
    load(str(SAMPLE), tmp_path / "a.db")
    assert_clean_error(
        run_cli("export", "--db", tmp_path / "a.db", "--table", "alpaca_data_duplicates"),
        "table 'alpaca_data_duplicates' holds no Alpaca records: it has no instruction, input or output column",
    )


def test_a_table_sqlite_utils_built_from_an_alpaca_file_exports_too(shared, run_cli, tmp_path):
    records = json.loads(SAMPLE.read_text())
    records.append({"instruction": "Name a drink of water and lemon.", "output": "Lemonade"})  # its input is NULL
    sqlite_utils.Database(tmp_path / "plain.db")["records"].insert_all(records)  # no id column
    result = run_cli("export", "--db", tmp_path / "plain.db", "--table", "records", "--where", "output like '%water%' or instruction like '%water%'")
    assert result.returncode == 0, result.stderr
    expected = [{"input": "", **r} for r in records if "water" in r["output"].lower() or "water" in r["instruction"].lower()]
    assert json.loads(result.stdout) == expected and expected[-1]["output"] == "Lemonade"


def test_a_failed_export_leaves_the_output_file_as_it_was(run_cli, tmp_path, one_record_db):
    out = tmp_path / "out.json"
    out.write_text("an earlier export")
    out.chmod(0o640)
    before = sorted(tmp_path.iterdir())
    assert_clean_error(run_cli("export", "--db", one_record_db, "--where", "nonsense =", "-o", out), "bad --where")
    assert out.read_text() == "an earlier export" and sorted(tmp_path.iterdir()) == before
    assert run_cli("export", "--db", one_record_db, "-o", out).returncode == 0
    assert list(read_records(out)) == [("a", "", "b")] and stat.S_IMODE(out.stat().st_mode) == 0o640
    assert sorted(tmp_path.iterdir()) == before


def test_an_export_never_replaces_the_database_it_reads(run_cli, tmp_path, one_record_db):
    """"-o alpaca.db" for "--db alpaca.db" replaced the database with its own export."""
    before = one_record_db.read_bytes()
    link = tmp_path / "link.db"
    link.symlink_to(one_record_db)
    for output in (one_record_db, link):
        result = run_cli("export", "--db", one_record_db, "-o", output)
        assert_clean_error(result, f"cannot write the export to {output}: it is the database {one_record_db} it reads")
    assert one_record_db.read_bytes() == before


def test_export_through_a_symbolic_link_replaces_the_file_it_points_at(run_cli, tmp_path, one_record_db):
    real = tmp_path / "exports" / "latest.json"
    real.parent.mkdir()
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    assert run_cli("export", "--db", one_record_db, "-o", link).returncode == 0
    assert link.is_symlink() and list(read_records(real)) == [("a", "", "b")]
    assert [path.name for path in real.parent.iterdir()] == ["latest.json"]


def test_export_to_a_pipe_writes_into_it(run_cli, tmp_path, one_record_db):
    """A named pipe (like /dev/null or /dev/stdout) is written directly, never replaced by a file."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    result = run_cli("export", "--db", one_record_db, "--format", "jsonl", "-o", pipe)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert received == [b'{"instruction":"a","input":"","output":"b"}\n'] and stat.S_ISFIFO(pipe.stat().st_mode)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_exports_load_unchanged_in_hugging_face_datasets(shared, run_cli, tmp_path, monkeypatch, fmt):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    import datasets

    db = tmp_path / "a.db"
    load(str(SAMPLE), db)
    out = tmp_path / f"export.{fmt}"
    assert run_cli("export", "--db", db, "--category", "rewrite", "--format", fmt, "-o", out).returncode == 0
    dataset = datasets.load_dataset("json", data_files=str(out), split="train", cache_dir=str(tmp_path / "hf"))
    expected = sqlite_utils.Database(db).execute("select instruction, input, output from alpaca_data where category = 'rewrite' order by id").fetchall()
    assert dataset.column_names == ["instruction", "input", "output"]
    assert [(r["instruction"], r["input"], r["output"]) for r in dataset] == [tuple(r) for r in expected]


def test_the_summary_lines_count_one_record_in_the_singular(run_cli, tmp_path):
    (tmp_path / "one.json").write_text(json.dumps([{"instruction": "Name a fruit.", "input": "", "output": "Pear."}]))
    loaded = run_cli("load", tmp_path / "one.json", "--db", tmp_path / "a.db")
    assert loaded.returncode == 0 and "Loaded 1 row into" in loaded.stderr, loaded.stderr
    exported = run_cli("export", "--db", tmp_path / "a.db", "-o", tmp_path / "out.json")
    assert exported.returncode == 0 and exported.stderr.strip() == "Exported 1 record", exported.stderr


def test_the_readmes_balanced_export_takes_up_to_100_random_examples_of_each_category(shared, run_cli, tmp_path):
    db = tmp_path / "a.db"
    load(str(SAMPLE), db)
    where = "id in (select id from (select id, row_number() over (partition by category order by random()) as n from alpaca_data) where n <= 100)"
    result = run_cli("export", "--db", db, "--where", where, "-o", tmp_path / "balanced.json")
    assert result.returncode == 0, result.stderr
    exported = Counter(category(r.instruction, r.input) for r in read_records(tmp_path / "balanced.json"))
    available = Counter(row[0] for row in sqlite_utils.Database(db).execute("select category from alpaca_data").fetchall())
    assert exported == {name: min(count, 100) for name, count in available.items()}


@pytest.mark.parametrize("stop, stopped", [(signal.SIGINT, "interrupted"), (signal.SIGTERM, "terminated")])
def test_ctrl_c_or_sigterm_stops_an_export_with_one_line(shared, tmp_path, stop, stopped):
    """Interrupted (or terminated) while its reader has stopped reading, an export says what it kept: an -o file is only
    renamed into place once complete (the message used to speak of the database)."""
    load(str(SAMPLE), tmp_path / "a.db")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "alpaca-explore"), "export", "--db", str(tmp_path / "a.db")],
        start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    time.sleep(1.5)  # 1.7 MB of records: the export waits for its reader to take more
    assert process.poll() is None, "the export finished before it could be interrupted"
    os.killpg(process.pid, stop)
    _, stderr = process.communicate(timeout=30)
    assert (process.returncode, stderr.decode()) == (1, f"Error: {stopped}; nothing was written to an -o file\n")
