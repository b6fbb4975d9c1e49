"""Token-count stage: per-field and training-text token counts in the tokenizer you train with.

A tokenizer SPEC is a tiktoken encoding name (default ``cl100k_base``), a
SentencePiece ``tokenizer.model`` path or a Hugging Face ``tokenizer.json`` path.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import json
import marshal
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import AlpacaExploreError
from .parse import Record

if TYPE_CHECKING:
    import tiktoken

DEFAULT_TOKENIZER = "cl100k_base"

PROMPT_WITH_INPUT = (
    "Below is an instruction that describes a task, paired with an input that provides further context. "
    "Write a response that appropriately completes the request.\n\n"
    "### Instruction:\n{instruction}\n\n### Input:\n{input}\n\n### Response:"
)
PROMPT_NO_INPUT = (
    "Below is an instruction that describes a task. "
    "Write a response that appropriately completes the request.\n\n"
    "### Instruction:\n{instruction}\n\n### Response:"
)


def training_text(record: Record) -> str:
    """The text Alpaca trains on, without the end-of-sequence token: prompt followed by output."""
    template = PROMPT_WITH_INPUT if record.input != "" else PROMPT_NO_INPUT
    return template.format(instruction=record.instruction, input=record.input) + record.output


# The pre-tokenizers of these encodings never put a non-space character and a following space in
# one piece, so a text's count is the sum of the counts of its parts split at such spaces.
SPACE_SPLITTABLE_ENCODINGS = frozenset({"r50k_base", "p50k_base", "p50k_edit", "cl100k_base", "o200k_base", "o200k_harmony"})
_SPLIT_POINT = re.compile(r"\S ")
# A space after whitespace, written to start with its literal space: the regex engine then jumps
# from space to space instead of testing every character (1.7x faster than r"\s ").
_SPACE_AFTER_SPACE = re.compile(r" (?<=\s )")
# A model's id on the Hugging Face Hub (meta-llama/Llama-2-7b-hf), which people give for its tokenizer.
_HUB_MODEL_ID = re.compile(r"^[a-z0-9][\w.-]*/[a-z0-9][\w.-]*(?<!\.json)(?<!\.model)$", re.I)
_MEMO_ENTRIES = 100_000
_MEMO_KEY_CHARS = 64
_LONG_KEY_CHARS = 1 << 18


class _Memo(dict):
    """``memo[key]`` is ``function(key)``, computed once; cleared when full.

    Short keys (words) repeat across records and are kept up to ``_MEMO_ENTRIES``. Long keys (a
    paragraph without spaces, as in Chinese) rarely do, but the record they come from asks for them
    again at its seams with the template: the latest, up to ``_LONG_KEY_CHARS`` characters, are kept.
    """

    def __init__(self, function: Callable[[str], int]) -> None:
        super().__init__()
        self._function = function
        self._long: dict[str, int] = {}
        self._long_chars = 0

    def __missing__(self, key: str) -> int:
        if len(key) <= _MEMO_KEY_CHARS:
            value = self._function(key)
            if len(self) >= _MEMO_ENTRIES:
                self.clear()
            self[key] = value
            return value
        value = self._long.get(key)
        if value is None:
            value = self._function(key)
            if self._long_chars + len(key) > _LONG_KEY_CHARS:
                self._long.clear()
                self._long_chars = 0
            self._long[key] = value
            self._long_chars += len(key)
        return value


class _WordCounter:
    """Counts a text as the sum of its space-separated words' counts, each word encoded once.

    Words repeat (a Zipfian vocabulary), so most of a text is dictionary
    lookups. A space after another whitespace character is not a split point:
    such texts, rare in practice, are encoded whole.
    """

    def __init__(self, count: Callable[[str], int]) -> None:
        self._count = count
        self._first = _Memo(count)
        self._spaced = _Memo(lambda word: count(" " + word))
        self._with_input = _TemplateCounter(self, PROMPT_WITH_INPUT)
        self._no_input = _TemplateCounter(self, PROMPT_NO_INPUT)

    def __call__(self, text: str) -> int:
        return self.count_words(text)[0]

    def count_words(self, text: str) -> tuple[int, list[str] | None]:
        """The text's count and its words, or None for the words of a text encoded whole."""
        if _SPACE_AFTER_SPACE.search(text):
            return self._count(text), None
        words = text.split(" ")
        return self._first[words[0]] + sum(map(self._spaced.__getitem__, islice(words, 1, None))), words

    def count_record(self, record: Record) -> tuple[int, int, int, int, int]:
        """(instruction, input, output, total, train) counts; the training text is counted at its seams."""
        fields = [(text, *self.count_words(text)) for text in record]
        counts = [count for _, count, _ in fields]
        if record.input != "":
            train = self._with_input.count(fields)
        else:
            train = self._no_input.count((fields[0], fields[2]))
        return (*counts, sum(counts), train + 1)  # type: ignore[return-value]


def _first_split(text: str) -> int | None:
    match = _SPLIT_POINT.search(text)
    return match.start() + 1 if match else None


def _last_split(text: str) -> int:
    position = text.rfind(" ")
    while text[position - 1].isspace():
        position = text.rfind(" ", 0, position)
    return position


class _Seam:
    """Where a field meets the template text on either side: only the words that touch are re-counted."""

    def __init__(self, count: Callable[[str], int], left: str, right: str) -> None:
        self._with_head = _Memo(lambda head: count(left + head) - count(head))
        self._with_tail = _Memo(lambda tail: count(tail + right) - count(tail))
        self._with_last_word = _Memo(lambda word: count(f" {word}{right}") - count(f" {word}"))
        self._whole = _Memo(lambda text: count(left + text + right))

    def count(self, text: str, text_count: int, words: list[str] | None) -> int:
        """Tokens of the field plus those of the template words it touches."""
        if words is not None and len(words) > 1 and words[0]:
            # Every space of such a text follows a non-space: its ends are its first and last words.
            return self._with_head[words[0]] + text_count + self._with_last_word[words[-1]]
        first = _first_split(text)
        if first is None:
            return self._whole[text]
        return self._with_head[text[:first]] + text_count + self._with_tail[text[_last_split(text) :]]


class _TemplateCounter:
    """A filled template's count from its fields' counts; the output follows the template's end.

    The template is cut at the first and last split point of each constant
    part: the insides count alone, the ends belong to the seams with the fields.
    """

    def __init__(self, count: Callable[[str], int], template: str) -> None:
        parts = re.split(r"\{instruction\}|\{input\}", template)
        heads, tails, self._constant = [], [], 0
        for part in parts:
            first = _first_split(part)
            assert first is not None, "every template part has a split point"
            head, tail = part[:first], part[_last_split(part) :]
            heads.append(head)
            tails.append(tail)
            self._constant += count(part) - count(head) - count(tail)
        self._constant += count(heads[0])
        self._seams = [_Seam(count, left, right) for left, right in zip(tails, [*heads[1:], ""])]

    def count(self, fields: Sequence[tuple[str, int, list[str] | None]]) -> int:
        """The count of the filled template, from (text, count, words) of each field."""
        return self._constant + sum(seam.count(*field) for seam, field in zip(self._seams, fields))


@dataclass(frozen=True)
class Tokenizer:
    """A loaded tokenizer: ``spec`` reloads it, ``count`` counts one text, ``count_record`` one record,
    ``kept_characters(text, limit)`` is how many characters of a text its first ``limit`` tokens hold."""

    spec: str
    count: Callable[[str], int]
    count_record: Callable[[Record], tuple[int, int, int, int, int]]
    kept_characters: Callable[[str, int], int]

    @property
    def description(self) -> str:
        return describe(self.spec)


def _counting_each_text(spec: str, count: Callable[[str], int], kept_characters: Callable[[str, int], int]) -> Tokenizer:
    """A tokenizer that counts the training text as one more text (no seams)."""

    def count_record(record: Record) -> tuple[int, int, int, int, int]:
        counts = [count(text) if text else 0 for text in record]
        return (*counts, sum(counts), count(training_text(record)) + 1)  # type: ignore[return-value]

    return Tokenizer(spec, count, count_record, kept_characters)


def _decoded_prefix(encode: Callable[[str], list[int]], decode: Callable[[list[int]], str]) -> Callable[[str, int], int]:
    """``kept_characters`` for a tokenizer that decodes to the text it encoded: the text's common prefix with its first
    tokens decoded (a character they hold only part of decodes as U+FFFD, and is not kept)."""

    def kept_characters(text: str, limit: int) -> int:
        ids = encode(text)
        return len(text) if len(ids) <= limit else len(os.path.commonprefix([text, decode(ids[:limit])]))

    return kept_characters


def describe(spec: str) -> str:
    """A readable name for a recorded tokenizer spec, without loading it."""
    if spec.endswith(".json"):
        return f"Hugging Face tokenizers {spec}"
    if os.sep in spec or spec.endswith(".model"):
        return f"SentencePiece {spec}"
    return f"tiktoken {spec}"


@functools.cache
def encoding_names() -> frozenset[str]:
    """The names of tiktoken's encodings."""
    import tiktoken

    return frozenset(tiktoken.list_encoding_names())


@functools.lru_cache(maxsize=8)
def load_tokenizer(spec: str = DEFAULT_TOKENIZER) -> Tokenizer:
    """Load the tokenizer named by ``spec``; a bad spec is a one-line :class:`AlpacaExploreError`."""
    if spec in encoding_names():
        return _tiktoken(spec)
    path = Path(spec).expanduser()
    if path.is_file():
        return _huggingface(path) if path.suffix == ".json" else _sentencepiece(path)
    if path.exists():
        raise AlpacaExploreError(f"tokenizer {spec!r} is not a file")
    if _HUB_MODEL_ID.match(spec):
        folder = spec.rsplit("/", 1)[1]
        raise AlpacaExploreError(
            f"tokenizer file not found: {spec}; for a model on the Hugging Face Hub, download its tokenizer: "
            f"hf download {spec} tokenizer.json --local-dir {folder}, then --tokenizer {folder}/tokenizer.json"
        )
    if os.sep in spec or path.suffix in {".model", ".json"}:
        raise AlpacaExploreError(f"tokenizer file not found: {spec}")
    if model_encoding := _encoding_of_model(spec):
        raise AlpacaExploreError(f"unknown tokenizer {spec!r}: {spec} counts in tiktoken's {model_encoding}: --tokenizer {model_encoding}")
    names = sorted(encoding_names())
    if close := difflib.get_close_matches(spec, names, n=1):
        raise AlpacaExploreError(f"unknown tokenizer {spec!r}: did you mean {close[0]}?")
    raise AlpacaExploreError(
        f"unknown tokenizer {spec!r}: give a tiktoken encoding ({', '.join(names)}), "
        "a SentencePiece tokenizer.model path or a Hugging Face tokenizer.json path"
    )


def _encoding_of_model(name: str) -> str | None:
    """The tiktoken encoding of an OpenAI model's name ("gpt-4o": "o200k_base"), which people give for a tokenizer."""
    import tiktoken.model

    try:
        return tiktoken.model.encoding_name_for_model(name)
    except KeyError:
        return None


def _tiktoken(name: str) -> Tokenizer:
    try:
        encoding = _tiktoken_encoding(name)
    except Exception as error:  # tiktoken raises whatever its download client raises
        raise AlpacaExploreError(
            f"cannot load tiktoken encoding {name!r} ({type(error).__name__}): it is not cached and "
            "could not be downloaded; set TIKTOKEN_CACHE_DIR to a folder holding the cached encoding file"
        ) from None
    encode = encoding.encode_ordinary

    def count(text: str) -> int:
        return len(encode(text))

    kept_characters = _decoded_prefix(encode, encoding.decode)
    if name in SPACE_SPLITTABLE_ENCODINGS:
        counter = _WordCounter(count)
        return Tokenizer(name, counter, counter.count_record, kept_characters)
    return _counting_each_text(name, count, kept_characters)


def _tiktoken_encoding(name: str) -> tiktoken.Encoding:
    """tiktoken's encoding, kept in our cache as a marshal file: tiktoken rebuilds it from base64
    text on every start (0.28 s of each load); from marshal it takes 0.13 s."""
    import tiktoken

    from .fetch import cache_dir

    python = f"py{sys.version_info[0]}{sys.version_info[1]}"  # marshal's format may change between versions
    cached = cache_dir() / "tiktoken" / f"{name}-{tiktoken.__version__}-{python}.marshal"
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        return tiktoken.Encoding(**marshal.loads(cached.read_bytes()))
    encoding = tiktoken.get_encoding(name)
    # The constructor arguments, as tiktoken's README shows for extending an encoding.
    parts = {
        "name": name,
        "pat_str": encoding._pat_str,
        "mergeable_ranks": encoding._mergeable_ranks,
        "special_tokens": encoding._special_tokens,
    }
    partial = cached.with_name(f".{cached.name}.{os.getpid()}")
    with contextlib.suppress(OSError):
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(marshal.dumps(parts))
            os.replace(partial, cached)
        finally:
            partial.unlink(missing_ok=True)  # what a full disk left half-written
    return encoding


def _sentencepiece(path: Path) -> Tokenizer:
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor()
    try:
        processor.Load(str(path))
    except (OSError, RuntimeError):
        raise AlpacaExploreError(
            f"cannot read tokenizer {path}: not a SentencePiece model (or use a Hugging Face tokenizer.json)"
        ) from None
    encode = processor.EncodeAsIds

    def count(text: str) -> int:
        return len(encode(text))

    counter = _SentencePieceWords(count) if _splits_at_spaces(processor) else count
    return _counting_each_text(str(path.resolve()), counter, _decoded_prefix(encode, processor.DecodeIds))


# Characters that a normalizer other than "identity" would change, and spaces it might collapse or trim.
_NORMALIZER_PROBE = "Ａﬁ\u2460 a\u00a0b\u3000c\td\r\ne  f "


def _splits_at_spaces(processor) -> bool:
    """True for models like LLaMA's: no piece spans a space and the normalizer changes nothing but spaces."""
    if any("\u2581" in processor.IdToPiece(i).lstrip("\u2581") for i in range(processor.GetPieceSize())):
        return False
    return processor.Normalize(_NORMALIZER_PROBE) == "\u2581" + _NORMALIZER_PROBE.replace(" ", "\u2581")


class _SentencePieceWords:
    """Counts a text as the sum of its space-separated words' counts, each word encoded once.

    Exact for the models :func:`_splits_at_spaces` accepts, except where spaces
    run together or lead the text, or where the text holds a literal "\u2581": such texts are encoded whole.
    """

    def __init__(self, count: Callable[[str], int]) -> None:
        self._count = count
        trailing_space = count("a ") - count("a")
        self._words = _Memo(lambda word: count(word) if word else trailing_space)

    def __call__(self, text: str) -> int:
        if not text:
            return 0
        if "  " in text or text[0] == " " or "\u2581" in text:
            return self._count(text)
        return sum(map(self._words.__getitem__, text.split(" ")))


def _huggingface(path: Path) -> Tokenizer:
    import tokenizers

    try:
        tokenizer = tokenizers.Tokenizer.from_file(str(path))
    except Exception as error:  # the Rust side raises a bare Exception for any bad file
        raise AlpacaExploreError(f"cannot read tokenizer {path}: not a Hugging Face tokenizer.json ({error})") from None
    # A file may set truncation or padding for training; these columns count whole texts.
    tokenizer.no_truncation()
    tokenizer.no_padding()
    encode = tokenizer.encode

    def count(text: str) -> int:
        return len(encode(text, add_special_tokens=False).ids)

    def kept_characters(text: str, limit: int) -> int:
        """From the offsets, exact where decoding would not give the text back; a character split between the last
        token kept and the first cut (byte-level BPE) is in both tokens' offsets, and is not kept."""
        offsets = encode(text, add_special_tokens=False).offsets
        if len(offsets) <= limit:
            return len(text)
        return min(offsets[limit - 1][1], offsets[limit][0]) if limit > 0 else 0

    spec = str(path.resolve())
    config = json.loads(tokenizer.to_str())
    if _splits_at_spaces_byte_level(config):
        return _counting_words_unless(spec, count, _needs_whole_encode(config), kept_characters)
    if _splits_at_spaces_metaspace(config):
        words, needs_whole_encode = _SentencePieceWords(count), _needs_whole_encode(config)
        return _counting_each_text(spec, lambda text: count(text) if needs_whole_encode(text) else words(text), kept_characters)
    return _counting_each_text(spec, count, kept_characters)


# Split patterns of Hugging Face pre-tokenizers (Llama 3; Qwen 2; Qwen 3.5) in which, as in tiktoken's,
# every branch holds no space, or an optional leading space before non-whitespace, or whitespace only.
SPACE_SPLITTING_PATTERNS = frozenset(
    {
        r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+",
        r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+",
        r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+|\p{N}| ?[^\s\p{L}\p{M}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+",
    }
)


def _splits_at_spaces_byte_level(config: dict) -> bool:
    """Byte-level BPE files (GPT-2, Llama 3, Qwen) whose pre-tokenizer splits before every space that
    follows a non-space, as tiktoken's do: GPT-2's regex or a known split pattern; no normalizer but NFC."""
    pre_tokenizer = config.get("pre_tokenizer") or {}
    if config.get("normalizer") not in (None, {"type": "NFC"}) or config["model"].get("dropout"):
        return False
    if pre_tokenizer.get("type") == "ByteLevel":
        return pre_tokenizer.get("add_prefix_space") is False and pre_tokenizer.get("use_regex", True)
    if pre_tokenizer.get("type") != "Sequence" or len(pre_tokenizer["pretokenizers"]) != 2:
        return False
    split, byte_level = pre_tokenizer["pretokenizers"]
    return (
        split["type"] == "Split"
        and split.get("pattern", {}).get("Regex") in SPACE_SPLITTING_PATTERNS
        and split.get("behavior") == "Isolated"
        and not split.get("invert")
        and byte_level["type"] == "ByteLevel"
        and byte_level.get("add_prefix_space") is False
    )


_PREPEND_AND_REPLACE = {
    "type": "Sequence",
    "normalizers": [{"type": "Prepend", "prepend": "\u2581"}, {"type": "Replace", "pattern": {"String": " "}, "content": "\u2581"}],
}


def _splits_at_spaces_metaspace(config: dict) -> bool:
    """SentencePiece-style files (Llama 2, Mistral): spaces become "\u2581", one more starts the text,
    and no token spans a "\u2581", as :func:`_splits_at_spaces` checks for SentencePiece models."""
    normalizer, pre_tokenizer, model = config.get("normalizer"), config.get("pre_tokenizer"), config["model"]
    metaspace = (
        normalizer is None
        and pre_tokenizer is not None
        and pre_tokenizer.get("type") == "Metaspace"
        and pre_tokenizer.get("replacement") == "\u2581"
        and pre_tokenizer.get("prepend_scheme") == "first"
    )
    if not (metaspace or (normalizer == _PREPEND_AND_REPLACE and pre_tokenizer is None)) or model.get("dropout"):
        return False
    if metaspace and pre_tokenizer.get("split"):
        return True  # the pre-tokenizer itself cuts the text before every "\u2581"
    vocab = model.get("vocab") or {}
    pieces = vocab if isinstance(vocab, dict) else (piece for piece, _ in vocab)  # BPE: a dict; Unigram: pairs
    return not any("\u2581" in piece[1:] for piece in pieces)


def _needs_whole_encode(config: dict) -> Callable[[str], bool]:
    """Texts a word-by-word count would get wrong: those holding one of the file's added tokens (which
    may swallow the spaces around them), or not in NFC under an NFC normalizer."""
    contents = [token["content"] for token in config.get("added_tokens") or ()]
    added = re.compile("|".join(map(re.escape, contents))) if contents else None
    nfc = config.get("normalizer") == {"type": "NFC"}

    def needs_whole_encode(text: str) -> bool:
        return (added is not None and added.search(text) is not None) or (nfc and not unicodedata.is_normalized("NFC", text))

    return needs_whole_encode


def _counting_words_unless(
    spec: str, count: Callable[[str], int], encoded_whole: Callable[[str], bool], kept_characters: Callable[[str, int], int]
) -> Tokenizer:
    """Word-by-word counts with the training text counted at its seams, except for records with a
    text that ``encoded_whole`` picks out."""
    words = _WordCounter(count)
    whole = _counting_each_text(spec, count, kept_characters)

    def count_text(text: str) -> int:
        return count(text) if encoded_whole(text) else words(text)

    def count_record(record: Record) -> tuple[int, int, int, int, int]:
        return whole.count_record(record) if any(map(encoded_whole, record)) else words.count_record(record)

    return Tokenizer(spec, count_text, count_record, kept_characters)
