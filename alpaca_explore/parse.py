"""Parse stage: stream Alpaca records out of a JSON array, JSON Lines, CSV, Parquet or Arrow file.

The format is told apart by content (Parquet's and Arrow's magic bytes, else the first
non-blank byte, else a CSV header naming the fields), never by file name; gzip
is recognised by its magic bytes.
Parsing streams, so memory stays flat however large the file is. Every record
is validated and a bad one stops the parse with a message naming its index.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import functools
import gzip
import hashlib
import io
import json
import re
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, NamedTuple

import ijson
import orjson

from .errors import AlpacaExploreError

FIELD_ALIASES = {"instruction": ("instruction",), "input": ("input", "context"), "output": ("output", "response")}
_KNOWN_KEYS = frozenset(key for aliases in FIELD_ALIASES.values() for key in aliases)
_ALPACA_KEYS = frozenset(FIELD_ALIASES)
_GZIP_MAGIC = b"\x1f\x8b"
_PARQUET_MAGIC = b"PAR1"
# Arrow IPC, as the Hugging Face datasets library caches and saves datasets (data-00000-of-00001.arrow): its file
# format, and its stream format (which the library writes) from the continuation marker that starts each message.
_ARROW_FILE_MAGIC = b"ARROW1"
_ARROW_STREAM_MAGIC = b"\xff\xff\xff\xff"
_OTHER_FORMATS = (
    (b"PK\x03\x04", "a zip archive"), (b"\x28\xb5\x2f\xfd", "zstd-compressed data"), (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
_BOM = b"\xef\xbb\xbf"
# UTF-32's marks first: UTF-32-LE's starts with UTF-16-LE's.
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_KEY_OF_AN_ARRAY = re.compile(rb'^\s*"((?:[^"\\]|\\.)*)"\s*:\s*\[')  # '  "data": [' opening an indented object
MAX_DEPTH = 1024  # levels of nesting in a record, as orjson allows in JSON Lines (Alpaca records have one to three)
# Escaped UTF-16 surrogates, in pairs or alone, and escaped backslashes, whose second backslash starts no escape
# ("\\ud800" in JSON is a backslash and "ud800").
_SURROGATE_ESCAPES = re.compile(rb"\\\\|\\u[dD][89abAB][0-9a-fA-F]{2}(?:\\u[dD][c-fC-F][0-9a-fA-F]{2})?|\\u[dD][c-fC-F][0-9a-fA-F]{2}")
_SURROGATE_ESCAPE_START = re.compile(rb"\\u[dD][89a-fA-F]")
_REPLACEMENT_ESCAPE = rb"\ufffd"
_CHUNK_BYTES = 1 << 20  # what the parse reads at a time


class Record(NamedTuple):
    instruction: str
    input: str
    output: str


@dataclass
class ParseStats:
    """What the parse saw besides the records: format, digest and ignored keys."""

    format: str = ""
    compressed: bool = False
    records: int = 0
    sha256: str = ""
    ignored_keys: Counter = field(default_factory=Counter)
    replaced_surrogates: int = 0  # escaped halves of a surrogate pair without the other half, read as U+FFFD


class _HashingReader(io.RawIOBase):
    """A read-through wrapper that hashes the bytes as they are read."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw, self.digest = raw, hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self._raw.readinto(buffer)
        self.digest.update(memoryview(buffer)[:count])
        return count


def read_records(path: Path, stats: ParseStats | None = None) -> Iterator[Record]:
    """Yield the validated records of the file at ``path``, filling ``stats`` as it goes."""
    try:
        yield from _read_records(path, stats if stats is not None else ParseStats())
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        raise AlpacaExploreError(f"the gzip data is corrupt or cut short ({error})") from None


def _read_records(path: Path, stats: ParseStats) -> Iterator[Record]:
    with contextlib.ExitStack() as stack:
        hashing = _HashingReader(stack.enter_context(path.open("rb")))
        stream: BinaryIO = io.BufferedReader(hashing, _CHUNK_BYTES)
        if stream.peek(2)[:2] == _GZIP_MAGIC:
            stats.compressed = True
            stream = io.BufferedReader(gzip.GzipFile(fileobj=stream), _CHUNK_BYTES)  # type: ignore[arg-type]
        head = stream.peek(6)[:6]
        if kind := _columnar_kind(head):
            if stats.compressed:
                raise AlpacaExploreError(f"got a gzip-compressed {kind} file: decompress it (gunzip FILE), {kind} loads as it is")
            stats.format = kind.lower()
            yield from _validated(_columnar_rows(path, kind, stats.ignored_keys), stats)
        else:
            yield from _validated(_text_values(stack, stream, path, stats), stats)
        while stream.read(_CHUNK_BYTES):  # hash the bytes the parser did not read (all of them, for Parquet and Arrow)
            pass
        stats.sha256 = hashing.digest.hexdigest()


def _text_values(stack: contextlib.ExitStack, stream: BinaryIO, path: Path, stats: ParseStats) -> Iterator[tuple[int, object]]:
    """The (index, value) of each record of a JSON array, JSON Lines or CSV file, told apart by the first character
    and, for CSV, by a header row that names the Alpaca fields."""
    recoded = None
    if encoding := _wide_encoding(stream.peek(4)[:4]):
        recoded = stream = stack.enter_context(_recoded_as_utf8(stream, encoding))

    def whole_document() -> bytes:
        if recoded is not None:
            recoded.seek(0)
            return recoded.read()
        return gzip.decompress(path.read_bytes()) if stats.compressed else path.read_bytes()

    first = _first_significant_byte(stream)
    if first == b"[":
        stats.format = "json"

        def whole_json_document() -> bytes:
            document, stats.replaced_surrogates = _lone_surrogates_replaced(whole_document())  # all of them, anew
            return document

        return _json_array(_lone_surrogates_replaced_in(stream, stats), whole_json_document)
    if first == b"{":
        stats.format = "jsonl"
        return _json_lines(_lone_surrogates_replaced_in(stream, stats))
    if delimiter := _csv_delimiter(stream.peek(1 << 16)):
        stats.format = "tsv" if delimiter == "\t" else "csv"
        return _csv_rows(stream, delimiter)
    raise AlpacaExploreError(_not_json_message(first, stream))


def _lone_surrogates_replaced_in(stream: BinaryIO, stats: ParseStats) -> BinaryIO:
    """JSON text with every escaped lone surrogate read as U+FFFD (see :func:`_lone_surrogates_replaced`)."""
    return io.BufferedReader(_ChunkReader(_chunks_with_lone_surrogates_replaced(stream, stats)), _CHUNK_BYTES)


def _chunks_with_lone_surrogates_replaced(stream: BinaryIO, stats: ParseStats) -> Iterator[bytes]:
    """The stream's bytes, cut where the next chunk cannot complete an escape or a surrogate pair."""
    carried = b""
    while True:
        chunk = stream.read(_CHUNK_BYTES)
        data = carried + chunk if carried else chunk
        cut = _escape_boundary(data) if chunk else len(data)
        text, replaced = _lone_surrogates_replaced(data[:cut])
        stats.replaced_surrogates += replaced
        yield text
        if not chunk:
            return
        carried = data[cut:]


def _escape_boundary(data: bytes) -> int:
    """A position near the end of ``data`` inside no escaped surrogate or backslash and between no surrogate pair."""
    cut = max(0, len(data) - 12)  # a pair's two escapes take 12 bytes
    if data.find(b"\\", cut) < 0:
        return len(data)  # no escape near the end: the chunk is passed on whole, uncopied
    start = max(0, cut - 12)
    while start and data[start - 1] == ord("\\"):  # escapes begin where a run of backslashes does
        start -= 1
    for match in _SURROGATE_ESCAPES.finditer(data, start):
        if match.start() < cut < match.end():
            return match.start()
    return cut


def _lone_surrogates_replaced(data: bytes) -> tuple[bytes, int]:
    """``data`` with each escaped surrogate that lacks its other half ("\\ud83d" of an emoji cut in two, as JavaScript
    and Python write it) as "\\ufffd", and how many there were. Such an escape is valid JSON but no text: yajl read it
    as "?" or failed, orjson and SQLite failed. The length stays, and with it every line and column."""
    if not _SURROGATE_ESCAPE_START.search(data):
        return data, 0
    lone = 0

    def replaced(match: re.Match) -> bytes:
        nonlocal lone
        if len(match[0]) != 6:  # a pair or an escaped backslash
            return match[0]
        lone += 1
        return _REPLACEMENT_ESCAPE

    return _SURROGATE_ESCAPES.sub(replaced, data), lone


class _ChunkReader(io.RawIOBase):
    """A readable stream of the chunks of an iterator."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks, self._chunk = chunks, memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._chunk:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._chunk = memoryview(chunk)
        count = min(len(buffer), len(self._chunk))
        buffer[:count] = self._chunk[:count]
        self._chunk = self._chunk[count:]
        return count


def _csv_delimiter(head: bytes) -> str | None:
    """Tab, comma or semicolon (Excel's CSV where a comma is the decimal mark), when the first line is a header row
    that names an instruction and an output column."""
    header = next(iter(head.lstrip().decode("utf-8", "replace").splitlines()), "")
    if "\x00" in header:  # binary data, which Python 3.10's csv module would refuse to split
        return None
    for delimiter in ("\t", ",", ";"):
        columns = set(map(_column_name, next(csv.reader([header], delimiter=delimiter))))
        if FIELD_ALIASES["instruction"][0] in columns and not columns.isdisjoint(FIELD_ALIASES["output"]):
            return delimiter
    return None


def _column_name(name: str) -> str:
    """A header's name for a field as a record's key: spreadsheets write " Instruction" for "instruction"."""
    key = name.strip().lower()
    return key if key in _KNOWN_KEYS else name


def _csv_rows(stream: BinaryIO, delimiter: str) -> Iterator[tuple[int, object]]:
    """The (index, row as a dict of the header's names) of each row of a CSV or tab-separated file, as spreadsheets
    export them: quoted fields may hold the delimiter and line breaks; blank lines and rows of empty cells are
    skipped."""
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))  # the default, 128 KB, is shorter than some outputs
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    rows = csv.reader(text, delimiter=delimiter, strict=True)  # a stray quote is an error, not records run together
    index = 0
    try:
        header = [_column_name(name) for name in next(row for row in rows if _has_text(row))]
        named = [position for position, name in enumerate(header) if name.strip()]  # not a spreadsheet's empty columns
        for row in rows:
            if not _has_text(row):  # a blank line, or a spreadsheet's empty row (",,")
                continue
            if any(row[len(header) :]):
                raise AlpacaExploreError(f"record {index} (line {rows.line_num}): {len(row)} fields, but the header names {len(header)}")
            # A short row lacks the last fields: no input is ''.
            yield index, {header[position]: row[position] for position in named if position < len(row)}
            index += 1
    except UnicodeDecodeError:
        raise AlpacaExploreError(f"invalid UTF-8 in the CSV after {index} records: save it as UTF-8 (in Excel, CSV UTF-8)") from None
    except csv.Error as error:
        raise AlpacaExploreError(f"invalid CSV at line {rows.line_num}: {error}") from None
    finally:
        if not stream.closed:  # closed already when a record failed validation and the file was given up
            text.detach()  # the stream stays open, for the rest of the file to be hashed


def _has_text(row: list[str]) -> bool:
    """Whether any cell of the row holds more than whitespace."""
    return bool("".join(row).strip())


def _columnar_kind(head: bytes) -> str | None:
    """"Parquet" or "Arrow" for a file starting with their magic bytes, else None."""
    if head.startswith(_PARQUET_MAGIC):
        return "Parquet"
    if head.startswith((_ARROW_FILE_MAGIC, _ARROW_STREAM_MAGIC)):
        return "Arrow"
    return None


def _columnar_rows(path: Path, kind: str, ignored_keys: Counter) -> Iterator[tuple[int, object]]:
    """The (index, row as a dict) of each row of a Parquet or Arrow IPC file, a batch at a time, through pyarrow (the
    ``parquet`` extra). Only the columns a record is made of are read; the others are counted as ignored keys of every
    row."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise AlpacaExploreError(f"reading {kind} needs pyarrow (alpaca-explore's parquet extra): pip install pyarrow") from None
    index = 0
    try:
        with contextlib.ExitStack() as stack:
            if kind == "Parquet":
                file = pyarrow.parquet.ParquetFile(path)
                names = file.schema_arrow.names
                batches = functools.partial(file.iter_batches, batch_size=4096)
            else:
                names, batches = _arrow_reader(stack.enter_context(pyarrow.memory_map(str(path))))
            # Without an instruction column every column is read, for the error to name what the rows hold.
            read = [name for name in names if name in _KNOWN_KEYS or name == "instances"] if "instruction" in names else names
            unread = [name for name in names if name not in read]
            for batch in batches(columns=read):
                for name in unread:
                    ignored_keys[name] += batch.num_rows
                for row in batch.to_pylist():
                    yield index, row
                    index += 1
    # A damaged file fails in Arrow's own errors, OSError ("Corrupt snappy compressed data") or, for text that is not
    # UTF-8, UnicodeDecodeError.
    except (pyarrow.ArrowException, OSError, UnicodeDecodeError) as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        raise AlpacaExploreError(f"invalid {kind} file after {index} rows: {reason}") from None


def _arrow_reader(source) -> tuple[list[str], Callable[..., Iterator]]:
    """The column names of an Arrow IPC file or stream, and a function of ``columns=`` that yields its record batches
    with only those columns."""
    import pyarrow.ipc

    if source.read(len(_ARROW_FILE_MAGIC)) == _ARROW_FILE_MAGIC:
        file = pyarrow.ipc.open_file(source)
        return file.schema.names, lambda columns: (file.get_batch(number).select(columns) for number in range(file.num_record_batches))
    source.seek(0)
    stream = pyarrow.ipc.open_stream(source)
    return stream.schema.names, lambda columns: (batch.select(columns) for batch in stream)


def _wide_encoding(head: bytes) -> str | None:
    """UTF-16 or UTF-32, as Windows tools write text (PowerShell's ``>``), by its byte order mark or, for
    UTF-16, by the zero byte beside an ASCII first character; None for UTF-8."""
    for bom, encoding in _WIDE_BOMS:
        if head.startswith(bom):
            return encoding
    if len(head) >= 2 and bool(head[0]) != bool(head[1]):
        return "utf-16-le" if head[0] else "utf-16-be"
    return None


@contextlib.contextmanager
def _recoded_as_utf8(stream: BinaryIO, encoding: str) -> Iterator[BinaryIO]:
    """The text re-encoded as UTF-8 into a temporary file, chunk by chunk: the parsers read UTF-8 only."""
    decoder = codecs.getincrementaldecoder(encoding)()
    with tempfile.TemporaryFile() as recoded:
        try:
            while chunk := stream.read(_CHUNK_BYTES):
                recoded.write(decoder.decode(chunk).encode())
            recoded.write(decoder.decode(b"", final=True).encode())
        except UnicodeDecodeError as error:
            raise AlpacaExploreError(f"invalid {encoding.upper()} text: {error.reason}") from None
        recoded.seek(0)
        yield recoded


def _first_significant_byte(stream: BinaryIO) -> bytes:
    head = stream.peek(4096)
    if head.startswith(_BOM):
        stream.read(len(_BOM))
    while True:
        head = stream.peek(4096)
        if not head:
            return b""
        stripped = head.lstrip()
        if stripped:
            return stripped[:1]
        stream.read(len(head))


def _not_json_message(first: bytes, stream: BinaryIO) -> str:
    if not first:
        return "the file is empty: expected a JSON array or JSON Lines of Alpaca records"
    if first == b"<":
        return "got an HTML page, not JSON (is the URL right? for GitHub use the raw file or a blob/ page URL)"
    head = stream.peek(16)
    if head.startswith(b"SQLite format 3\x00"):  # "alpaca-explore load alpaca.db"
        return "got a SQLite database, not JSON: serve it as it is (datasette FILE), or write its records out (alpaca-explore export --db FILE)"
    if head.startswith(b"PK\x03\x04") and b"[Content_Types].xml" in stream.peek(256)[:256]:  # Office Open XML's first entry
        return "got an Excel workbook (or another Office file), not JSON: save the sheet as CSV UTF-8, which loads as it is"
    for magic, kind in _OTHER_FORMATS:
        if head.startswith(magic):
            return f"got {kind}, not JSON: extract or convert the records to a JSON array or JSON Lines (gzip-compressed is fine)"
    snippet = " ".join(stream.peek(40)[:40].decode("utf-8", "replace").split())
    return (
        "not JSON: expected a JSON array or JSON Lines of Alpaca records, or CSV with a header row naming instruction, "
        f"input and output; file starts with {snippet!r}"
    )


def _json_array(stream: BinaryIO, whole_document: Callable[[], bytes]) -> Iterator[tuple[int, object]]:
    parsed = 0
    try:
        for item in _array_items(ijson.basic_parse(stream, use_float=True)):
            yield parsed, item
            parsed += 1
    except _TooDeep:
        raise AlpacaExploreError(f"record {parsed}: nested more than {MAX_DEPTH} levels deep") from None
    except (ijson.JSONError, UnicodeDecodeError) as error:
        # ijson's C parser also rejects some valid JSON (integers beyond 64 bits), and passes UTF-8 for surrogates on
        # to fail in decoding: the standard library then either reads the document or names the line and column of
        # the real error.
        document = _parse_with_stdlib(whole_document(), error)
        yield from enumerate(document[parsed:], start=parsed)


class _TooDeep(Exception):
    pass


def _array_items(events: Iterator[tuple[str, object]]) -> Iterator[object]:
    """The items of the top-level JSON array, built from ijson's basic events.

    ``ijson.items`` would build them in C, but it keeps a path string per level of nesting: memory
    grows with the square of the depth, and a 200 KB file of nested brackets took 24 GB.
    """
    next(events)  # the array's start
    enclosing: list[tuple[dict | list | None, object]] = []  # (container, key being filled) of each open level
    container: dict | list | None = None  # None at the top level, whose values are the items
    key: object = None
    for event, value in events:
        if event == "map_key":
            key = value
            continue
        if event == "start_map" or event == "start_array":
            if len(enclosing) == MAX_DEPTH:
                raise _TooDeep
            enclosing.append((container, key))
            container = {} if event == "start_map" else []
            continue
        if event == "end_map" or event == "end_array":
            if not enclosing:
                continue  # the array's end; ijson still reports anything after it
            value = container
            container, key = enclosing.pop()
        if container is None:
            yield value
        elif type(container) is dict:
            container[key] = value
        else:
            container.append(value)


def _parse_with_stdlib(data: bytes, error: Exception) -> list:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        line = data.count(b"\n", 0, bad.start) + 1
        column = bad.start - (data.rfind(b"\n", 0, bad.start) + 1) + 1
        raise AlpacaExploreError(f"invalid UTF-8 at line {line} column {column} (byte {bad.start}){_encoding_hint(data, bad)}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as bad:
        raise AlpacaExploreError(f"invalid JSON at line {bad.lineno} column {bad.colno}: {bad.msg}{_syntax_hint(text, bad.pos)}") from None
    except RecursionError:
        raise AlpacaExploreError("the JSON is nested too deeply to read (more than about 1,000 levels)") from None
    if not isinstance(document, list):
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise AlpacaExploreError(f"invalid JSON: {first_line}")
    return document


def _json_lines(stream: BinaryIO) -> Iterator[tuple[int, object]]:
    index = 0
    for line_number, line in enumerate(stream, start=1):
        if line.startswith(_BOM):  # files joined together, each with its byte order mark (Notepad's, PowerShell's)
            line = line[len(_BOM) :]
        if not line.strip():
            continue
        if index == 0 and line.strip() == b"{":  # an indented JSON object, which JSON Lines never holds
            raise AlpacaExploreError(_one_object_message(stream.readline()))
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as bad:
            value = _json_line_with_stdlib(line, line_number, bad)
        yield index, value
        index += 1


def _one_object_message(second_line: bytes) -> str:
    message = "the file is one JSON object over several lines; Alpaca records come as a JSON array or as JSON Lines (one object per line)"
    if match := _KEY_OF_AN_ARRAY.match(second_line):
        message += _extraction_hint(json.dumps(match.group(1).decode("utf-8", "replace")))
    return message


def _extraction_hint(quoted_key: str) -> str:
    return f"; if the records are the array under {quoted_key}, extract it: jq '.[{quoted_key}]' FILE > records.json"


def _json_line_with_stdlib(line: bytes, line_number: int, error: orjson.JSONDecodeError) -> object:
    """A line orjson refused, read by the standard library, which takes the NaN and Infinity that Python's
    ``json.dumps`` writes (as the array reader does); else orjson's error as a one-line message."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as bad:
        raise AlpacaExploreError(f"invalid UTF-8 at line {line_number} column {bad.start + 1}{_encoding_hint(line, bad)}") from None
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise AlpacaExploreError(
            f"invalid JSON at line {line_number} column {error.colno}: {error.msg}{_syntax_hint(error.doc, error.pos)}"
        ) from None


def _encoding_hint(data: bytes, error: UnicodeDecodeError) -> str:
    """For bytes that read as text in Windows-1252 (a superset of Latin-1 in its printable range), as Windows tools
    write it, the encoding to save the file in; none for bytes that no such text holds (corruption)."""
    try:
        character = data[error.start : error.end].decode("cp1252")
    except UnicodeDecodeError:
        return ""
    return f" ({character!r} in Windows-1252 or Latin-1? save the file as UTF-8)" if character.isprintable() else ""


def _syntax_hint(text: str, position: int) -> str:
    """What hand-edited JSON most often gets wrong, where the parser stopped."""
    if text.startswith(("//", "/*", "#"), position):
        return " (JSON has no comments)"
    if text.startswith("'", position):
        return " (JSON strings take double quotes)"
    before = position - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    if text.startswith(("]", "}"), position) and before >= 0 and text[before] == ",":
        return " (a comma before the closing bracket: JSON allows none)"
    return ""


def _validated(values: Iterator[tuple[int, object]], stats: ParseStats) -> Iterator[Record]:
    for index, value in values:
        if isinstance(value, dict) and isinstance(value.get("instances"), list):
            yield from _seed_task_records(index, value, stats)
        else:
            yield record_from_object(value, f"record {index}", stats.ignored_keys)
            stats.records += 1


def _seed_task_records(index: int, task: dict, stats: ParseStats) -> Iterator[Record]:
    """A Self-Instruct seed task holds one instruction and several input/output instances."""
    for key in task.keys() - {"instruction", "instances"}:
        stats.ignored_keys[key] += 1
    for number, instance in enumerate(task["instances"]):
        where = f"record {index}, instance {number}"
        if not isinstance(instance, dict):
            raise AlpacaExploreError(f"{where}: expected a JSON object, got {_json_type(instance)}")
        yield record_from_object({"instruction": task.get("instruction"), **instance}, where, stats.ignored_keys)
        stats.records += 1


def record_from_object(value: object, where: str, ignored_keys: Counter) -> Record:
    """Validate one decoded JSON value as an Alpaca record."""
    if type(value) is dict and value.keys() == _ALPACA_KEYS:  # the common case, checked cheaply
        record = Record(value["instruction"], value["input"], value["output"])
        if type(record.instruction) is str and type(record.input) is str and type(record.output) is str:
            return record
    if not isinstance(value, dict):
        raise AlpacaExploreError(f"{where}: expected a JSON object, got {_json_type(value)}")
    fields = [_field(value, name, aliases, where) for name, aliases in FIELD_ALIASES.items()]
    for key in value.keys() - _KNOWN_KEYS:
        ignored_keys[key] += 1
    return Record(*fields)


def _field(value: dict, name: str, aliases: tuple[str, ...], where: str) -> str:
    for key in aliases:
        if key in value:
            text = value[key]
            if isinstance(text, str):
                return text
            if text is None and name == "input":
                return ""
            raise AlpacaExploreError(f'{where}: "{key}" is {_json_type(text)}, expected a string')
    if name == "input":
        return ""
    names = " or ".join(f'"{key}"' for key in aliases)
    # json.dumps escapes line breaks and control characters: the message stays on one line.
    found = ", ".join(json.dumps(key[:40]) for key in list(value)[:5]) or "no keys"
    # {"data": [{"instruction": ...}, ...]}: the records wrapped in an object.
    inside = next(iter(value.values())) if len(value) == 1 else None
    wrapped = isinstance(inside, list) and bool(inside) and isinstance(inside[0], dict) and "instruction" in inside[0]
    hint = _extraction_hint(found) if wrapped else _conversion_hint(value)
    raise AlpacaExploreError(
        f'{where}: missing {names} (it has {found}; Alpaca records have "instruction", "input" and "output"){hint}'
    )


# Records of other instruction datasets, by a key that tells them apart and the type of its value (of a list, its
# first item), and a jq filter that makes Alpaca records of them (of a chat, its first question and answer).
_OTHER_SHAPES = (
    ("messages", dict, "chat records", '{instruction: first(.messages[] | select(.role == "user") | .content), '
     'output: first(.messages[] | select(.role == "assistant") | .content)}'),
    ("conversations", dict, "ShareGPT records", '{instruction: first(.conversations[] | select(.from == "human") | .value), '
     'output: first(.conversations[] | select(.from == "gpt") | .value)}'),
    ("conversations", str, "LIMA records", "{instruction: .conversations[0], output: .conversations[1]}"),
)
# Keys of a request and of its answer in other datasets' records: prompt/completion (OpenAI), question/response
# (OpenOrca), query/response (MetaMathQA), problem/solution (MATH), inputs/targets (FLAN), prompt/chosen (DPO).
_REQUEST_KEYS = ("instruction", "prompt", "question", "query", "problem", "inputs")
_ANSWER_KEYS = ("completion", "answer", "response", "chosen", "solution", "targets")
_CONTEXT_KEYS = ("input", "context")


def _conversion_hint(value: dict) -> str:
    """For a record of another common shape, the jq command that converts the file."""
    for key, kind, name, to_alpaca in _OTHER_SHAPES:
        found = value.get(key)
        if isinstance(found[0] if isinstance(found, list) and found else found, kind):
            return _jq_hint(name, to_alpaca)
    request, context, answer = (_first_text_key(value, keys) for keys in (_REQUEST_KEYS, _CONTEXT_KEYS, _ANSWER_KEYS))
    if request is None or answer is None:
        return ""
    fields = [f"instruction: .{request}", *([f"input: .{context}"] if context else []), f"output: .{answer}"]
    return _jq_hint(f"{request}/{answer} records", "{" + ", ".join(fields) + "}")


def _first_text_key(value: dict, keys: tuple[str, ...]) -> str | None:
    return next((key for key in keys if isinstance(value.get(key), str)), None)


def _jq_hint(name: str, to_alpaca: str) -> str:
    return f"; to load {name}, convert them: jq -c 'if type == \"array\" then .[] else . end | {to_alpaca}' FILE > records.jsonl"


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bytes):  # a Parquet column of binary data
        return "binary data"
    if isinstance(value, list):
        return "an array"
    return "an object"
