"""Token-count stage: per-field and training-text token counts in the tokenizer you train with.

A tokenizer SPEC is a tiktoken encoding name (default ``cl100k_base``), a
SentencePiece ``tokenizer.model`` path or a Hugging Face ``tokenizer.json`` path.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import AlpacaExploreError
from .parse import Record

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


def _template_parts(template: str) -> list[str]:
    """The constant texts around the fields: PROMPT_WITH_INPUT -> [before, between, after]."""
    return re.split(r"\{instruction\}|\{input\}", template)


_WITH_INPUT_PARTS = _template_parts(PROMPT_WITH_INPUT)
_NO_INPUT_PARTS = _template_parts(PROMPT_NO_INPUT)
# The pre-tokenizers of these encodings never put a non-space character and a following space in
# one piece, so a text's count is the sum of the counts of its parts split at such spaces.
SPACE_SPLITTABLE_ENCODINGS = frozenset({"r50k_base", "p50k_base", "p50k_edit", "cl100k_base", "o200k_base", "o200k_harmony"})
_SPLIT_POINT = re.compile(r"\S ")
_CACHE_LIMIT = 200_000


def _first_split(text: str) -> int | None:
    match = _SPLIT_POINT.search(text)
    return match.start() + 1 if match else None


def _last_split(text: str) -> int:
    position = text.rfind(" ")
    while text[position - 1].isspace():
        position = text.rfind(" ", 0, position)
    return position


@dataclass(frozen=True)
class Tokenizer:
    """A loaded tokenizer: ``spec`` reloads it, ``count`` counts one text."""

    spec: str
    count: Callable[[str], int]
    splits_at_spaces: bool = False
    _glue_counts: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def description(self) -> str:
        return describe(self.spec)

    def count_record(self, record: Record) -> tuple[int, int, int, int, int]:
        """(instruction, input, output, total, train) token counts of one record."""
        count = self.count
        instruction = count(record.instruction)
        input_ = count(record.input) if record.input else 0
        output = count(record.output)
        if self.splits_at_spaces:
            train = self._training_count(record, instruction, input_, output)
        else:
            train = count(training_text(record))
        return instruction, input_, output, instruction + input_ + output, train + 1

    def _training_count(self, record: Record, instruction: int, input_: int, output: int) -> int:
        """The training text's count from the field counts plus short, often repeated glue texts.

        Every part (template text or field) is split at its first and last space
        that follows a non-space: the middle's count is the part's minus its ends',
        and each end is counted together with the neighbouring part's end.
        """
        glue_count = self._glue
        if record.input != "":
            before, between, after = _WITH_INPUT_PARTS
            parts = ((before, None), (record.instruction, instruction), (between, None), (record.input, input_))
        else:
            before, after = _NO_INPUT_PARTS
            parts = ((before, None), (record.instruction, instruction))
        total, glue = 0, ""
        for text, known in (*parts, (after, None), (record.output, output)):
            first = _first_split(text)
            if first is None:
                glue += text
                continue
            last = _last_split(text)
            head, tail = text[:first], text[last:]
            middle = glue_count(text) if known is None else known
            total += glue_count(glue + head) + middle - glue_count(head) - glue_count(tail)
            glue = tail
        return total + glue_count(glue)

    def _glue(self, text: str) -> int:
        counts = self._glue_counts
        if text not in counts:
            if len(counts) >= _CACHE_LIMIT:
                counts.clear()
            counts[text] = self.count(text)
        return counts[text]


def describe(spec: str) -> str:
    """A readable name for a recorded tokenizer spec, without loading it."""
    if spec.endswith(".json"):
        return f"Hugging Face tokenizers {spec}"
    if os.sep in spec or spec.endswith(".model"):
        return f"SentencePiece {spec}"
    return f"tiktoken {spec}"


@functools.lru_cache(maxsize=8)
def load_tokenizer(spec: str = DEFAULT_TOKENIZER) -> Tokenizer:
    """Load the tokenizer named by ``spec``; a bad spec is a one-line :class:`AlpacaExploreError`."""
    import tiktoken

    if spec in tiktoken.list_encoding_names():
        return _tiktoken(spec)
    path = Path(spec).expanduser()
    if path.is_file():
        return _huggingface(path) if path.suffix == ".json" else _sentencepiece(path)
    if path.exists():
        raise AlpacaExploreError(f"tokenizer {spec!r} is not a file")
    if os.sep in spec or path.suffix in {".model", ".json"}:
        raise AlpacaExploreError(f"tokenizer file not found: {spec}")
    names = ", ".join(tiktoken.list_encoding_names())
    raise AlpacaExploreError(
        f"unknown tokenizer {spec!r}: give a tiktoken encoding ({names}), "
        "a SentencePiece tokenizer.model path or a Hugging Face tokenizer.json path"
    )


def _tiktoken(name: str) -> Tokenizer:
    import tiktoken

    try:
        encoding = tiktoken.get_encoding(name)
    except Exception as error:  # tiktoken raises whatever its download client raises
        raise AlpacaExploreError(
            f"cannot load tiktoken encoding {name!r} ({type(error).__name__}): it is not cached and "
            "could not be downloaded; set TIKTOKEN_CACHE_DIR to a folder holding the cached encoding file"
        ) from None
    encode = encoding.encode_ordinary
    return Tokenizer(name, lambda text: len(encode(text)), splits_at_spaces=name in SPACE_SPLITTABLE_ENCODINGS)


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
    return Tokenizer(str(path.resolve()), lambda text: len(encode(text)))


def _huggingface(path: Path) -> Tokenizer:
    import tokenizers

    try:
        tokenizer = tokenizers.Tokenizer.from_file(str(path))
    except Exception as error:  # the Rust side raises a bare Exception for any bad file
        raise AlpacaExploreError(f"cannot read tokenizer {path}: not a Hugging Face tokenizer.json ({error})") from None
    encode = tokenizer.encode
    return Tokenizer(str(path.resolve()), lambda text: len(encode(text, add_special_tokens=False).ids))
