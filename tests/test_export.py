"""``alpaca-explore export``: the same rows as the filters select, in a format that loads back."""

from __future__ import annotations

import json

import pytest
import sqlite_utils
from conftest import SAMPLE, assert_clean_error

from alpaca_explore import load
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


def test_export_search_as_jsonl_to_stdout(shared, run_cli, tmp_path):
    db = tmp_path / "a.db"
    load(str(SAMPLE), db)
    result = run_cli("export", "--db", db, "--search", "photosynthesis", "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines and all("photosynthesis" in (r["instruction"] + r["input"] + r["output"]).lower() for r in lines)


def test_export_errors(run_cli, tmp_path):
    assert_clean_error(run_cli("export", "--db", tmp_path / "none.db"), "no such database")
    load_source = tmp_path / "d.json"
    load_source.write_text(json.dumps([{"instruction": "a", "output": "b"}]))
    load(str(load_source), tmp_path / "a.db")
    assert_clean_error(run_cli("export", "--db", tmp_path / "a.db", "--where", "nonsense ="), "cannot select rows")
    assert_clean_error(run_cli("export", "--db", tmp_path / "a.db", "--table", "nope"), "no table 'nope'")
    assert_clean_error(run_cli("export", "--db", tmp_path / "a.db", "--category", "poetry"), "unknown category 'poetry'", "open_qa")


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
