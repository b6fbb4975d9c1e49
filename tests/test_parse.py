"""The parse stage on its own: formats told apart by content, validation, error messages."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import shutil
import subprocess
import tracemalloc
import zipfile
from pathlib import Path

import pyarrow
import pyarrow.ipc
import pyarrow.parquet
import pytest

from alpaca_explore import parse as parse_module
from alpaca_explore.errors import AlpacaExploreError
from alpaca_explore.parse import MAX_DEPTH, ParseStats, Record, read_records

RECORDS = [
    {"instruction": "Give three tips for staying healthy.", "input": "", "output": "Eat well.\nSleep.\nMove."},
    {"instruction": "Translate to French.", "input": "Hello, world", "output": "Bonjour, le monde"},
    {"instruction": "Name a colour.", "output": "Blue"},
]


def parquet(rows: list[dict], **options) -> bytes:
    out = io.BytesIO()
    pyarrow.parquet.write_table(pyarrow.Table.from_pylist(rows), out, **options)
    return out.getvalue()


def arrow(rows: list[dict], *, stream: bool = True, batch_rows: int = 2) -> bytes:
    """Arrow IPC: the stream format, as the datasets library writes its cache and save_to_disk files, or the file format."""
    table = pyarrow.Table.from_pylist(rows)
    out = io.BytesIO()
    with (pyarrow.ipc.new_stream if stream else pyarrow.ipc.new_file)(out, table.schema) as writer:
        for batch in table.to_batches(max_chunksize=batch_rows):
            writer.write_batch(batch)
    return out.getvalue()


def delimited(rows: list[dict], delimiter: str = ",", header: list[str] | None = None) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, header or ["instruction", "input", "output"], delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def parse(path: Path) -> tuple[list[Record], ParseStats]:
    stats = ParseStats()
    return list(read_records(path, stats)), stats


def error_of(tmp_path: Path, data: bytes, name: str = "data.json") -> str:
    with pytest.raises(AlpacaExploreError) as caught:
        parse(write(tmp_path, name, data))
    return str(caught.value)


@pytest.mark.parametrize(
    "name, data",
    [
        ("array.json", json.dumps(RECORDS, indent=4).encode()),
        ("lines.jsonl", "\n".join(map(json.dumps, RECORDS)).encode() + b"\n"),
        ("lines-named.json", "\n".join(map(json.dumps, RECORDS)).encode()),
        ("array-named.jsonl", json.dumps(RECORDS).encode()),
        ("bom.json", b"\xef\xbb\xbf" + json.dumps(RECORDS).encode()),
        ("blank-lines.jsonl", ("\n\n" + "\n\n".join(map(json.dumps, RECORDS)) + "\n\n").encode()),
        ("array.json.gz", gzip.compress(json.dumps(RECORDS).encode())),
        ("records.parquet", parquet(RECORDS)),  # the missing input is a null
        ("records.json", parquet(RECORDS, row_group_size=1)),
        ("data-00000-of-00001.arrow", arrow(RECORDS)),  # as datasets' save_to_disk writes it
        ("records.arrow", arrow(RECORDS, stream=False)),
        ("records.csv", delimited(RECORDS)),  # rows end in CRLF; a quoted output holds line breaks; an empty input
        ("records.tsv", delimited(RECORDS, "\t")),
        ("excel.csv", b"\xef\xbb\xbf" + delimited(RECORDS)),  # Excel's "CSV UTF-8" starts with a byte order mark
    ],
)
def test_formats_are_told_apart_by_content(tmp_path, name, data):
    records, stats = parse(write(tmp_path, name, data))
    assert records == [Record(r["instruction"], r.get("input", ""), r["output"]) for r in RECORDS]
    assert stats.records == 3
    if data.startswith(b"PAR1"):
        assert stats.format == "parquet"
    elif name.endswith(".arrow"):
        assert stats.format == "arrow"
    elif name.endswith((".csv", ".tsv")):
        assert stats.format == name[-3:]
    else:
        assert stats.format == ("json" if data.lstrip(b"\xef\xbb\xbf").lstrip()[:1] == b"[" or name.endswith(".gz") else "jsonl")
    assert stats.sha256 == hashlib.sha256(data).hexdigest()


def test_parquet_takes_the_aliases_ignored_columns_and_seed_task_instances(tmp_path):
    dolly = [{"instruction": "Q?", "context": "ctx", "response": "A", "category": "closed_qa"}]
    records, stats = parse(write(tmp_path, "dolly.parquet", parquet(dolly)))
    assert records == [Record("Q?", "ctx", "A")] and stats.ignored_keys == {"category": 1}
    hub = [{"instruction": "Name a colour.", "input": "", "output": "Blue", "text": "### Instruction: Name a colour. ..."}] * 3
    records, stats = parse(write(tmp_path, "hub.parquet", parquet(hub, row_group_size=2)))
    assert records == [Record("Name a colour.", "", "Blue")] * 3 and stats.ignored_keys == {"text": 3}
    task = {"instruction": "Add.", "instances": [{"input": "1 2", "output": "3"}, {"input": "2 2", "output": "4"}], "id": "t1"}
    records, stats = parse(write(tmp_path, "seed.parquet", parquet([task])))
    assert records == [Record("Add.", "1 2", "3"), Record("Add.", "2 2", "4")] and stats.ignored_keys == {"id": 1}


# A dataset's images or audio beside the text: 3 rows of 16 MB each that no record needs.
IMAGES = [{"instruction": "Describe the image.", "output": "A cat.", "image": bytes(16 << 20)}] * 3


@pytest.mark.parametrize(
    "name, write_images",
    [
        ("images.parquet", lambda: parquet(IMAGES, row_group_size=1, compression="zstd")),
        ("uncompressed.parquet", lambda: parquet(IMAGES, row_group_size=1, compression="none")),  # the digest read 48 MB at once
        ("images.arrow", lambda: arrow(IMAGES, batch_rows=1)),
        ("images-file.arrow", lambda: arrow(IMAGES, stream=False, batch_rows=1)),
    ],
)
def test_columns_that_make_no_record_are_never_read(tmp_path, name, write_images):
    path = write(tmp_path, name, write_images())
    tracemalloc.start()
    try:
        records, stats = parse(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert records == [Record("Describe the image.", "", "A cat.")] * 3 and stats.ignored_keys == {"image": 3}
    assert peak < 4 << 20, peak


def test_csv_as_people_write_it(tmp_path):
    """Headers capitalised or spaced, Dolly's names, other columns, blank lines; Excel's "Unicode text" is UTF-16 TSV."""
    data = b'Instruction, Context ,response,notes\n\nName a fruit.,,Apple,x\n"Say ""hi""",here,hi,y\n\n'
    records, stats = parse(write(tmp_path, "d.csv", data))
    assert records == [Record("Name a fruit.", "", "Apple"), Record('Say "hi"', "here", "hi")] and stats.ignored_keys == {"notes": 2}
    unicode_text = "instruction\tinput\toutput\r\nTraduis « café ».\t\tcoffee\r\n".encode("utf-16")
    records, stats = parse(write(tmp_path, "d.txt", unicode_text))
    assert records == [Record("Traduis « café ».", "", "coffee")] and stats.format == "tsv"
    short = b"instruction,output,input\nName a colour.,Blue\n"  # a last field left out: no input
    assert parse(write(tmp_path, "s.csv", short))[0] == [Record("Name a colour.", "", "Blue")]
    # Columns without a name, empty cells past the last and rows of empty cells, as spreadsheets leave them.
    spreadsheet = b"  \ninstruction,output,,\nName a colour.,Blue,,\n,,,\n , \nName a fruit.,Pear,,,,\n,,\n"
    records, stats = parse(write(tmp_path, "e.csv", spreadsheet))
    assert records == [Record("Name a colour.", "", "Blue"), Record("Name a fruit.", "", "Pear")] and not stats.ignored_keys
    # Excel's "CSV UTF-8" where a comma is the decimal mark (German, French, ...): semicolons, and a byte order mark.
    semicolons = '\ufeffInstruction;Input;Output\r\nRound 2,5.;;3\r\n"Say; ""hi""\r\ntwice";;"hi; hi"\r\n'.encode()
    records, stats = parse(write(tmp_path, "de.csv", semicolons))
    assert records == [Record("Round 2,5.", "", "3"), Record('Say; "hi"\r\ntwice', "", "hi; hi")] and stats.format == "csv"


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"instruction,output\na,b,c\n", "record 0 (line 2): 3 fields, but the header names 2"),
        (b"instruction,output\na,b\nc\n", 'record 1: missing "output"'),
        (b"instruction,input,output\ncaf\xe9,,b\n", "invalid UTF-8 in the CSV after 0 records: save it as UTF-8"),
        (b'instruction,output\na,"b\nc,d\n', "invalid CSV at line 3: unexpected end of data"),  # the rest in one field
        (b'instruction,output\na,"b"c\n', "invalid CSV at line 2: ',' expected after '\"'"),
        (b"prompt,completion\na,b\n", "not JSON: expected a JSON array or JSON Lines of Alpaca records, or CSV with a header row naming"),
        (b"instruction,output,\x00\na,b\n", "not JSON"),  # binary data
    ],
)
def test_bad_csv_files_get_one_clear_message(tmp_path, data, expected):
    message = error_of(tmp_path, data, "data.csv")
    assert message.startswith(expected) and "\n" not in message


@pytest.mark.parametrize(
    "data, expected",
    [
        (parquet(RECORDS)[:300], "invalid Parquet file after 0 rows: "),
        (gzip.compress(parquet(RECORDS)), "got a gzip-compressed Parquet file: decompress it (gunzip FILE), Parquet loads as it is"),
        (parquet([{"instruction": 7, "output": "b"}]), 'record 0: "instruction" is a number, expected a string'),
        (parquet([{"instruction": b"a", "output": "b"}]), 'record 0: "instruction" is binary data, expected a string'),
        (parquet([{"instruction": "a", "output": "b"}, {"instruction": None, "output": "c"}]), 'record 1: "instruction" is null, expected a string'),
        (parquet([{"prompt": "a", "completion": "b"}]), 'record 0: missing "instruction" (it has "prompt", "completion"'),
    ],
)
def test_bad_parquet_files_get_one_clear_message(tmp_path, data, expected):
    message = error_of(tmp_path, data, "data.parquet")
    assert message.startswith(expected) and "\n" not in message


def test_arrow_takes_the_aliases_and_ignores_other_columns_unread(tmp_path):
    dolly = [{"instruction": "Q?", "context": "ctx", "response": "A", "category": "closed_qa"}] * 3
    for stream in (True, False):
        records, stats = parse(write(tmp_path, "dolly.arrow", arrow(dolly, stream=stream)))
        assert records == [Record("Q?", "ctx", "A")] * 3 and stats.ignored_keys == {"category": 3}


@pytest.mark.parametrize(
    "data, expected",
    [
        (arrow(RECORDS)[:200], "invalid Arrow file after 0 rows: "),
        (arrow(RECORDS, stream=False)[:-40], "invalid Arrow file after 0 rows: "),
        (gzip.compress(arrow(RECORDS)), "got a gzip-compressed Arrow file: decompress it (gunzip FILE), Arrow loads as it is"),
        (arrow([{"instruction": "a", "output": 3}]), 'record 0: "output" is a number, expected a string'),
        (arrow([{"messages": [{"role": "user", "content": "Hi?"}]}]), 'record 0: missing "instruction" (it has "messages"'),
    ],
)
def test_bad_arrow_files_get_one_clear_message(tmp_path, data, expected):
    message = error_of(tmp_path, data, "data.arrow")
    assert message.startswith(expected) and "\n" not in message


def test_json_lines_files_joined_with_their_byte_order_marks_are_read(tmp_path):
    """Notepad and PowerShell start each file with a byte order mark: joined (cat a.jsonl b.jsonl), one stands at
    the start of a line (orjson: 'UTF-8 byte order mark (BOM) is not supported')."""
    parts = [b"\xef\xbb\xbf" + json.dumps(record).encode() + b"\r\n" for record in RECORDS]
    records, stats = parse(write(tmp_path, "joined.jsonl", b"".join(parts)))
    assert records == [Record(r["instruction"], r.get("input", ""), r["output"]) for r in RECORDS] and stats.format == "jsonl"


WIDE = [*RECORDS, {"instruction": "Translate « café ☕ » to English.", "input": "", "output": "coffee"}]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("lines", [False, True])
def test_utf16_and_utf32_files_are_read(tmp_path, encoding, lines):
    """As Windows tools write text: PowerShell's ">" writes UTF-16 with a byte order mark."""
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in WIDE) if lines else json.dumps(WIDE, ensure_ascii=False)
    records, stats = parse(write(tmp_path, "wide.json", text.encode(encoding)))
    assert records == [Record(r["instruction"], r.get("input", ""), r["output"]) for r in WIDE]
    assert stats.format == ("jsonl" if lines else "json")


def test_utf16_read_by_the_standard_library_and_cut_short(tmp_path):
    data = b'[{"id": 123456789012345678901234567890, "instruction": "\xc3\xa9t\xc3\xa9", "output": "b"}]'.decode()
    records, _ = parse(write(tmp_path, "big.json", data.encode("utf-16")))
    assert records == [Record("été", "", "b")]
    assert error_of(tmp_path, data.encode("utf-16")[:-1]) == "invalid UTF-16 text: truncated data"


def test_sha256_is_of_the_bytes_as_given(tmp_path):
    import hashlib

    data = gzip.compress(json.dumps(RECORDS).encode())
    _, stats = parse(write(tmp_path, "d.json.gz", data))
    assert stats.sha256 == hashlib.sha256(data).hexdigest()
    assert stats.compressed


def test_dolly_aliases_and_ignored_keys(tmp_path):
    dolly = [{"instruction": "Q?", "context": "ctx", "response": "A", "category": "closed_qa"}]
    records, stats = parse(write(tmp_path, "dolly.jsonl", json.dumps(dolly[0]).encode()))
    assert records == [Record("Q?", "ctx", "A")]
    assert stats.ignored_keys == {"category": 1}


def test_null_input_is_empty(tmp_path):
    records, _ = parse(write(tmp_path, "d.json", b'[{"instruction": "a", "input": null, "output": "b"}]'))
    assert records == [Record("a", "", "b")]


def test_seed_tasks_become_one_row_per_instance(tmp_path):
    task = {
        "id": "seed_task_0",
        "name": "n",
        "instruction": "Answer.",
        "instances": [{"input": "1", "output": "one"}, {"input": "2", "output": "two"}],
        "is_classification": False,
    }
    records, stats = parse(write(tmp_path, "seed.jsonl", json.dumps(task).encode()))
    assert records == [Record("Answer.", "1", "one"), Record("Answer.", "2", "two")]
    assert stats.ignored_keys == {"id": 1, "name": 1, "is_classification": 1}


@pytest.mark.parametrize(
    "data, expected",
    [
        (b'[{"instruction": "a", "output": "b"}, {"instruction": "a", "output": 5}]', 'record 1: "output" is a number, expected a string'),
        (b'[{"instruction": "a", "output": "b"}, [1, 2]]', "record 1: expected a JSON object, got an array"),
        (b'[{"output": "b"}]', 'record 0: missing "instruction" (it has "output"; Alpaca records have "instruction", "input" and "output")'),
        (b'[{"instruction": "a"}]', 'record 0: missing "output" or "response" (it has "instruction"; Alpaca records have "instruction", "input" and "output")'),
        (b'{"text": "### Human: hi"}\n', 'record 0: missing "instruction" (it has "text"; Alpaca records have "instruction", "input" and "output")'),
        (b'[{}]', 'record 0: missing "instruction" (it has no keys; Alpaca records have "instruction", "input" and "output")'),
        (b'[{"instruction": true, "output": "b"}]', 'record 0: "instruction" is a boolean, expected a string'),
        (b'[{"instruction": "a", "input": 3, "output": "b"}]', 'record 0: "input" is a number, expected a string'),
        (b'{"instruction": "a", "output": "b"}\n{"instruction": "a", "output": null}\n', 'record 1: "output" is null, expected a string'),
    ],
)
def test_bad_records_name_their_index(tmp_path, data, expected):
    assert error_of(tmp_path, data) == expected


def test_invalid_json_reports_line_and_column(tmp_path):
    data = b'[\n  {"instruction": "a", "output": "b"},\n  {"instruction": "a" "output": "b"}\n]'
    assert error_of(tmp_path, data).startswith("invalid JSON at line 3 column 23")


def test_invalid_json_lines_reports_line(tmp_path):
    data = b'{"instruction": "a", "output": "b"}\n{"instruction": "a", "output": }\n'
    assert error_of(tmp_path, data, "d.jsonl").startswith("invalid JSON at line 2 column")


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("d.json", b'[\n  {"instruction": "a", "output": "b"},\n]\n', "line 3 column 1: Expecting value (a comma before the closing bracket: JSON allows none)"),
        ("d.json", b'[{"instruction": "a", "output": "b", }]', "line 1 column 38: Expecting property name enclosed in double quotes (a comma before the closing bracket: JSON allows none)"),
        ("d.json", b'[\n  // the first\n  {"instruction": "a", "output": "b"}\n]', "line 2 column 3: Expecting value (JSON has no comments)"),
        ("d.json", b"[{'instruction': 'a', 'output': 'b'}]", "line 1 column 3: Expecting property name enclosed in double quotes (JSON strings take double quotes)"),
        ("d.jsonl", b"{'instruction': 'a', 'output': 'b'}\n", "line 1 column 2: unexpected character, expected a string key (JSON strings take double quotes)"),
        ("d.jsonl", b'{"instruction": "a", "output": "b"} # first\n', "line 1 column 37: unexpected content after document (JSON has no comments)"),
    ],
)
def test_what_hand_edited_json_gets_wrong_is_named(tmp_path, name, data, expected):
    assert error_of(tmp_path, data, name) == f"invalid JSON at {expected}"


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("d.json", '[{"instruction": "Say it’s fine", "output": "ok"}]'.encode("cp1252"),
         "invalid UTF-8 at line 1 column 25 (byte 24) ('’' in Windows-1252 or Latin-1? save the file as UTF-8)"),
        ("d.jsonl", '{"instruction": "Café", "output": "ok"}\n'.encode("latin-1"),
         "invalid UTF-8 at line 1 column 21 ('é' in Windows-1252 or Latin-1? save the file as UTF-8)"),
        ("d.json", b'[{"instruction": "a\x81\x8d", "output": "b"}]', "invalid UTF-8 at line 1 column 20 (byte 19)"),  # no such text
    ],
)
def test_text_in_a_windows_encoding_is_told_to_be_saved_as_utf8(tmp_path, name, data, expected):
    assert error_of(tmp_path, data, name) == expected


def test_json_lines_take_the_nan_that_python_writes_as_json_arrays_do(tmp_path):
    """json.dumps writes NaN and Infinity for floats; orjson refuses them, so a line was an error in JSON Lines alone."""
    records = [{"instruction": "a", "output": "b", "score": float("nan")}, {"instruction": "c", "output": "d", "score": float("-inf")}]
    for name, data in (("d.json", json.dumps(records)), ("d.jsonl", "".join(json.dumps(r) + "\n" for r in records))):
        assert parse(write(tmp_path, name, data.encode()))[0] == [Record("a", "", "b"), Record("c", "", "d")], name


def test_truncated_array_is_an_error(tmp_path):
    assert error_of(tmp_path, b'[{"instruction": "a", "output": "b"}, {"instr').startswith("invalid JSON at line 1")


def test_an_excel_workbook_is_named_with_what_to_do(tmp_path):
    with zipfile.ZipFile(tmp_path / "book.xlsx", "w") as workbook:  # laid out as Excel and openpyxl write one
        workbook.writestr("[Content_Types].xml", "<Types/>")
        workbook.writestr("xl/workbook.xml", "<workbook/>")
    assert error_of(tmp_path, (tmp_path / "book.xlsx").read_bytes()) == (
        "got an Excel workbook (or another Office file), not JSON: save the sheet as CSV UTF-8, which loads as it is"
    )


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "the file is empty"),
        (b"   \n\n  ", "the file is empty"),
        (b"<!DOCTYPE html><html><body>Rate limited</body></html>", "got an HTML page, not JSON"),
        (b"instruction|input|output\na|b|c\n", "not JSON"),
        (b"PK\x03\x04\x14\x00\x00\x00", "got a zip archive, not JSON: extract or convert the records"),
        (b"SQLite format 3\x00\x10\x00\x01\x01", "got a SQLite database, not JSON: serve it as it is (datasette FILE), or write"),
        (b"\x28\xb5\x2f\xfd\x04\x58", "got zstd-compressed data, not JSON"),
        (b'[{"instruction": "caf\xe9", "output": "b"}]', "invalid UTF-8 at line 1 column 22"),
        (b'{"instruction": "a", "output": "b"}\n{"instruction": "\xff", "output": "b"}\n', "invalid UTF-8 at line 2"),
        # A surrogate written in UTF-8 (CESU-8), which yajl passed on and Python's decoder raised a traceback over.
        (b'[{"instruction": "a\xed\xa0\x80b", "output": "b"}]', "invalid UTF-8 at line 1 column 20"),
        (b'[{"instruction": "a\xed\xb0\x80b", "output": "b"}]', "invalid UTF-8 at line 1 column 20"),
    ],
)
def test_bad_files_get_one_clear_message(tmp_path, data, expected):
    assert error_of(tmp_path, data).startswith(expected)


ONE_OBJECT = "the file is one JSON object over several lines; Alpaca records come as a JSON array or as JSON Lines (one object per line)"
UNDER_DATA = """; if the records are the array under "data", extract it: jq '.["data"]' FILE > records.json"""


@pytest.mark.parametrize(
    "data, expected",
    [
        (json.dumps(RECORDS[0], indent=2).encode(), ONE_OBJECT),
        (json.dumps({"data": RECORDS}, indent=2).encode(), ONE_OBJECT + UNDER_DATA),
        (json.dumps({"data": RECORDS}).encode(), 'record 0: missing "instruction" (it has "data"; Alpaca records have "instruction", "input" and "output")' + UNDER_DATA),
    ],
)
def test_one_json_object_says_what_an_alpaca_file_is(tmp_path, data, expected):
    assert error_of(tmp_path, data) == expected


CHAT = {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi?"}, {"role": "assistant", "content": "Hello."}]}
SHAREGPT = {"conversations": [{"from": "human", "value": "Hi?"}, {"from": "gpt", "value": "Hello."}], "id": "x1"}


@pytest.mark.parametrize(
    "name, data",
    [
        ("chat.jsonl", (json.dumps(CHAT) + "\n").encode() * 2),
        ("sharegpt.json", json.dumps([SHAREGPT, SHAREGPT]).encode()),
        ("lima.jsonl", b'{"conversations": ["Hi?", "Hello."], "source": "stackexchange"}\n' * 2),
        ("completions.jsonl", b'{"prompt": "Hi?", "completion": "Hello."}\n' * 2),
        ("gsm8k.json", b'[{"question": "Hi?", "answer": "Hello."}, {"question": "Hi?", "answer": "Hello."}]'),
        ("openorca.jsonl", b'{"id": "niv.1", "system_prompt": "Be brief.", "question": "Hi?", "response": "Hello."}\n' * 2),
        ("metamath.jsonl", b'{"query": "Hi?", "response": "Hello.", "type": "GSM_Rephrased"}\n' * 2),
        ("math.jsonl", b'{"problem": "Hi?", "level": "Level 1", "solution": "Hello."}\n' * 2),
        ("flan.jsonl", b'{"inputs": "Hi?", "targets": "Hello.", "task": "cot"}\n' * 2),
        ("dpo.jsonl", b'{"prompt": "Hi?", "chosen": "Hello.", "rejected": "Go away."}\n' * 2),
        ("wrapped.json", json.dumps({"data": [{"instruction": "Hi?", "output": "Hello."}] * 2}).encode()),
        ("wrapped-indented.json", json.dumps({"data": [{"instruction": "Hi?", "output": "Hello."}] * 2}, indent=2).encode()),
    ],
)
def test_other_shapes_are_told_the_jq_command_that_makes_alpaca_records_of_them(tmp_path, name, data):
    if shutil.which("jq") is None:
        pytest.skip("jq is absent: install it (sudo apt-get install jq; .ci/run does)")
    command = "jq " + error_of(tmp_path, data, name).split(": jq ", 1)[1]
    subprocess.run(command.replace("FILE", name), shell=True, cwd=tmp_path, check=True)
    records, _ = parse(tmp_path / command.split()[-1])
    assert records == [Record("Hi?", "", "Hello.")] * 2


@pytest.mark.parametrize(
    "record, expected",
    [
        ({"instruction": "Hi?", "input": "Hello!", "answer": "Hello."}, Record("Hi?", "Hello!", "Hello.")),
        ({"question": "Hi?", "context": "Hello!", "answer": "Hello."}, Record("Hi?", "Hello!", "Hello.")),
    ],
)
def test_a_request_with_context_and_its_answer_convert_with_the_context_as_input(tmp_path, record, expected):
    if shutil.which("jq") is None:
        pytest.skip("jq is absent: install it (sudo apt-get install jq; .ci/run does)")
    command = "jq " + error_of(tmp_path, json.dumps([record]).encode(), "r.json").split(": jq ", 1)[1]
    subprocess.run(command.replace("FILE", "r.json"), shell=True, cwd=tmp_path, check=True)
    assert parse(tmp_path / "records.jsonl")[0] == [expected]


def test_a_request_without_a_known_answer_gets_no_conversion_it_cannot_complete(tmp_path):
    """A prompt alone used to be told to convert with .completion, which it lacks: every output came out null."""
    message = error_of(tmp_path, b'{"prompt": "Hi?", "text": "Hi? Hello."}\n', "r.jsonl")
    assert message == 'record 0: missing "instruction" (it has "prompt", "text"; Alpaca records have "instruction", "input" and "output")'


def test_real_sample_file(shared):
    records, stats = parse(shared / "data" / "alpaca_sample_4000.json")
    original = json.loads((shared / "data" / "alpaca_sample_4000.json").read_text())
    assert len(records) == len(original) == 4000
    assert records[1234] == Record(**original[1234])
    assert stats.format == "json" and not stats.ignored_keys


def test_integers_beyond_64_bits_are_valid_json(tmp_path):
    data = b'[{"id": 123456789012345678901234567890, "instruction": "a", "output": "b"}, {"instruction": "c", "output": "d"}]'
    records, stats = parse(write(tmp_path, "big.json", data))
    assert records == [Record("a", "", "b"), Record("c", "", "d")]
    assert stats.ignored_keys == {"id": 1}


# JSON as Python and JavaScript write a string cut inside an emoji: its escaped halves, "\ud83d" without "\ude00".
LONE_SURROGATES = {
    "a\\ud83d": "a\ufffd",  # yajl read it as "a?"
    "\\udc00b": "\ufffdb",  # a traceback from ijson
    "\\uD83D\\uDE00 and \\ud83d\\ude00": "\U0001f600 and \U0001f600",  # a pair, in either case, is one character
    "\\ud83d\\ud83d\\ude00": "\ufffd\U0001f600",
    "\\\\ud83d": "\\ud83d",  # an escaped backslash, then "ud83d"
    "\\\\\\ud83d": "\\\ufffd",
}


@pytest.mark.parametrize("as_lines", [False, True], ids=["array", "lines"])
def test_escaped_lone_surrogates_are_read_as_the_replacement_character(tmp_path, as_lines):
    """Valid JSON, but no text: they were read as "?", a traceback or an error that left the whole file unloadable."""
    objects = [f'{{"instruction": "{escaped}", "output": "b"}}' for escaped in LONE_SURROGATES]
    data = "\n".join(objects) if as_lines else "[" + ",\n".join(objects) + "]"
    records, stats = parse(write(tmp_path, "data", data.encode()))
    assert [record.instruction for record in records] == list(LONE_SURROGATES.values())
    assert stats.replaced_surrogates == sum(text.count("\ufffd") for text in LONE_SURROGATES.values())


@pytest.mark.parametrize(
    "escaped, text, replaced",
    [
        ("\\ud83d\\ude00", "\U0001f600", 0),
        ("\\\\ud83d", "\\ud83d", 0),
        ("\\ud83d\\u0041", "\ufffdA", 1),
        ("\\\\\\ud83d", "\\\ufffd", 1),
        ("\\\\" * 16 + "\\ud83d", "\\" * 16 + "\ufffd", 1),
    ],
    ids=["pair", "escaped-backslash", "lone", "escaped-backslash-then-lone", "escaped-backslashes-then-lone"],
)
def test_escapes_read_in_two_chunks_are_read_as_in_one(tmp_path, escaped, text, replaced):
    """Across every offset from a chunk's end: a pair cut in two is still one character, and an escaped backslash
    starts no escape."""
    for offset in range(-len(escaped) - 16, 4):
        padding = "x" * (parse_module._CHUNK_BYTES + offset - len('[{"instruction": "'))
        data = f'[{{"instruction": "{padding}{escaped}", "output": "b"}}]'.encode()
        records, stats = parse(write(tmp_path, "data.json", data))
        assert (records[0].instruction[len(padding) :], stats.replaced_surrogates) == (text, replaced), offset


def test_lone_surrogates_read_by_the_standard_library_are_counted_once(tmp_path):
    """An integer beyond 64 bits hands the document to the standard library, which reads it again from the start."""
    data = b'[{"instruction": "a\\ud83d", "output": "b"}, {"id": 123456789012345678901234567890, "instruction": "c\\udc00", "output": "d"}]'
    records, stats = parse(write(tmp_path, "big.json", data))
    assert records == [Record("a\ufffd", "", "b"), Record("c\ufffd", "", "d")]
    assert stats.replaced_surrogates == 2


@pytest.mark.parametrize("data", [b"\x1f\x8b", gzip.compress(json.dumps(RECORDS).encode())[:-12], b"\x1f\x8b\x08\x00garbage-garbage"])
def test_corrupt_gzip_is_a_clean_error(tmp_path, data):
    assert error_of(tmp_path, data).startswith("the gzip data is corrupt or cut short")


def nested_in_a_record(depth: int, before: bytes = b"") -> bytes:
    """A record with an ignored key holding arrays nested ``depth`` deep (the record itself is one more level)."""
    return b'[{"instruction": "a", "output": "b", ' + before + b'"x": ' + b"[" * depth + b"]" * depth + b"}]"


def test_deep_nesting_is_a_clean_error_in_bounded_memory(tmp_path):
    # ijson.items kept a path per level: these 20 KB took 315 MB, and 200 KB took all 24 GB of the machine.
    tracemalloc.start()
    try:
        message = error_of(tmp_path, nested_in_a_record(10_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message == f"record 0: nested more than {MAX_DEPTH} levels deep"
    assert peak < 20e6


def test_nesting_within_the_limit_loads(tmp_path):
    records, stats = parse(write(tmp_path, "deep.json", nested_in_a_record(MAX_DEPTH - 1)))
    assert records == [Record("a", "", "b")] and stats.ignored_keys == {"x": 1}


def test_deep_nesting_read_by_the_standard_library_is_a_clean_error(tmp_path):
    # A big integer sends the document to the standard library's parser, which recurses once per level.
    data = nested_in_a_record(MAX_DEPTH - 1, before=b'"id": 123456789012345678901234567890, ')
    assert error_of(tmp_path, data) == "the JSON is nested too deeply to read (more than about 1,000 levels)"
