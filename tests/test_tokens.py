"""Token counts equal the reference libraries' exactly; bad tokenizer specs fail early."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sentencepiece
from hypothesis import given, settings
from hypothesis import strategies as st
import sqlite_utils
import tiktoken
from conftest import GSM8K, LLAMA_MODEL, SAMPLE, assert_clean_error, file_size_limit, training_text

from alpaca_explore import load, tokens
from alpaca_explore.errors import AlpacaExploreError
from alpaca_explore.parse import Record
from alpaca_explore.tokens import load_tokenizer

def reference_counts(encode, record: dict) -> tuple[int, ...]:
    """Counts computed here, independently of alpaca_explore, from the DESIGN.md definitions."""
    fields = [len(encode(record[name])) for name in ("instruction", "input", "output")]
    return (*fields, sum(fields), len(encode(training_text(record))) + 1)


def loaded_counts(db_path, ids) -> dict[int, tuple[int, ...]]:
    db = sqlite_utils.Database(db_path)
    sql = "select id, instruction_tokens, input_tokens, output_tokens, total_tokens, train_tokens from alpaca_data"
    return {row[0]: tuple(row[1:]) for row in db.execute(sql) if row[0] in ids}


@pytest.mark.parametrize("path", [SAMPLE, GSM8K])
def test_cl100k_counts_are_exact(shared, tmp_path, path):
    records = json.loads(path.read_text())
    load(str(path), tmp_path / "a.db")
    ids = set(range(len(records)))  # every record: the word-by-word counting must never drift
    encode = tiktoken.get_encoding("cl100k_base").encode_ordinary
    assert loaded_counts(tmp_path / "a.db", ids) == {i: reference_counts(encode, records[i]) for i in ids}


@pytest.mark.parametrize("path", [SAMPLE, GSM8K])
def test_llama_sentencepiece_counts_are_exact(shared, tmp_path, path):
    records = json.loads(path.read_text())
    load(str(path), tmp_path / "a.db", tokenizer=str(LLAMA_MODEL))
    processor = sentencepiece.SentencePieceProcessor(model_file=str(LLAMA_MODEL))
    ids = set(range(len(records)))
    assert loaded_counts(tmp_path / "a.db", ids) == {i: reference_counts(processor.encode, records[i]) for i in ids}
    (row,) = sqlite_utils.Database(tmp_path / "a.db")["alpaca_explore_loads"].rows
    assert row["tokenizer"] == str(LLAMA_MODEL.resolve())


def test_huggingface_tokenizer_json(tmp_path):
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE(unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.train_from_iterator(["a small corpus of words", "words words and more words"], trainers.BpeTrainer(vocab_size=60, special_tokens=["[UNK]"]))
    path = tmp_path / "tokenizer.json"
    tokenizer.save(str(path))
    record = {"instruction": "more words", "input": "", "output": "a corpus"}
    source = tmp_path / "d.json"
    source.write_text(json.dumps([record]))
    load(str(source), tmp_path / "a.db", tokenizer=str(path))
    expected = reference_counts(lambda text: Tokenizer.from_file(str(path)).encode(text, add_special_tokens=False).ids, record)
    assert loaded_counts(tmp_path / "a.db", {0}) == {0: expected}


LLAMA3_SPLIT = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
@pytest.fixture(scope="session")
def byte_level_tokenizers(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("hf")
    return {style: train_byte_level_tokenizer(style, folder) for style in ("gpt2", "llama3")}


def train_byte_level_tokenizer(style: str, folder: Path) -> tuple[Path, Path]:
    """A BPE tokenizer.json trained here on the real sample, GPT-2 style or Llama 3 / Qwen style (split
    pattern, NFC, special tokens): (the plain file, a copy that also sets truncation and padding)."""
    from tokenizers import AddedToken, Regex, Tokenizer, models, normalizers, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE())
    if style == "gpt2":
        tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        special = ["<|endoftext|>"]
    else:
        tokenizer.normalizer = normalizers.NFC()
        tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
            [pre_tokenizers.Split(Regex(LLAMA3_SPLIT), "isolated"), pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)]
        )
        # A token that swallows the whitespace after it joins words across a space: such texts are encoded whole.
        special = ["<|begin_of_text|>", AddedToken("<|eot_id|>", rstrip=True, special=True)]
    texts = [record[field] for record in json.loads(SAMPLE.read_text())[:1500] for field in ("instruction", "input", "output")]
    trainer = trainers.BpeTrainer(vocab_size=1500, special_tokens=special, initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tokenizer.train_from_iterator(texts, trainer)
    plain, limited = folder / f"{style}.json", folder / f"{style}-limited.json"
    tokenizer.save(str(plain))
    tokenizer.enable_truncation(max_length=8)
    tokenizer.enable_padding(length=64)
    tokenizer.save(str(limited))
    return plain, limited


def hf_encode(path: Path):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    return lambda text: tokenizer.encode(text, add_special_tokens=False).ids


def assert_loads_exact_counts(tmp_path: Path, records: list[dict], tokenizer: Path, encode) -> None:
    """Load ``records`` with ``tokenizer``: every row's counts must equal full encodes with ``encode``."""
    source = tmp_path / "d.json"
    source.write_text(json.dumps(records))
    load(str(source), tmp_path / "a.db", tokenizer=str(tokenizer))
    ids = set(range(len(records)))
    assert loaded_counts(tmp_path / "a.db", ids) == {i: reference_counts(encode, records[i]) for i in ids}


_HF_EDGE_CASES = [
    {"instruction": "Say <|eot_id|> 123 then stop.", "input": "<|endoftext|> x", "output": "Done <|begin_of_text|>"},
    {"instruction": "Cafe\u0301 or caf\u00e9?", "input": "", "output": "Both  spell\n the same  word. "},
    {"instruction": " Leading space", "input": "tab\t here", "output": "x\n y"},
]


@pytest.mark.parametrize("style", ["gpt2", "llama3"])
def test_huggingface_byte_level_counts_are_exact(shared, tmp_path, byte_level_tokenizers, style):
    """Byte-level BPE tokenizer.json files are counted word by word; every count equals a full encode,
    whatever truncation or padding the file sets."""
    plain, limited = byte_level_tokenizers[style]
    assert tokens._splits_at_spaces_byte_level(json.loads(limited.read_text())), "not counted word by word"
    encode = hf_encode(plain)
    assert_loads_exact_counts(tmp_path, [*json.loads(SAMPLE.read_text()), *_HF_EDGE_CASES], limited, encode)
    counter = load_tokenizer(str(limited)).count
    assert counter("Cafe\u0301 <|eot_id|> 42") == len(encode("Cafe\u0301 <|eot_id|> 42"))


@pytest.fixture(scope="session")
def metaspace_tokenizers(tmp_path_factory) -> dict[str, Path]:
    """SentencePiece-style BPE tokenizer.json files trained here: "metaspace" (a Metaspace pre-tokenizer that
    splits), "llama2" (the same vocabulary behind Llama 2's Prepend + Replace normalizer) and "joined"
    (trained without a pre-tokenizer, so its tokens span spaces)."""
    from tokenizers import AddedToken, Tokenizer, models, normalizers, pre_tokenizers, trainers

    texts = [record[field] for record in json.loads(SAMPLE.read_text())[:1500] for field in ("instruction", "input", "output")]
    llama2_normalizer = normalizers.Sequence([normalizers.Prepend("\u2581"), normalizers.Replace(" ", "\u2581")])
    folder, paths = tmp_path_factory.mktemp("hf"), {}
    for style in ("metaspace", "joined"):
        tokenizer = Tokenizer(models.BPE(byte_fallback=True, fuse_unk=True))
        if style == "metaspace":
            tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="first", split=True)
        else:
            tokenizer.normalizer = llama2_normalizer
        special = ["<unk>", "<s>", "</s>", AddedToken("<|eot_id|>", rstrip=True, special=True)]
        tokenizer.train_from_iterator(texts, trainers.BpeTrainer(vocab_size=1500, special_tokens=special))
        paths[style] = folder / f"{style}.json"
        tokenizer.save(str(paths[style]))
        if style == "metaspace":
            tokenizer.pre_tokenizer = None
            tokenizer.normalizer = llama2_normalizer
            paths["llama2"] = folder / "llama2.json"
            tokenizer.save(str(paths["llama2"]))
    return paths


@pytest.mark.parametrize("style, by_words", [("metaspace", True), ("llama2", True), ("joined", False)])
def test_huggingface_sentencepiece_style_counts_are_exact(shared, tmp_path, metaspace_tokenizers, style, by_words):
    path = metaspace_tokenizers[style]
    assert tokens._splits_at_spaces_metaspace(json.loads(path.read_text())) == by_words
    records = [*json.loads(SAMPLE.read_text()), *_HF_EDGE_CASES, {"instruction": "Use </s> and \u2581 here", "input": "", "output": "<s>x"}]
    assert_loads_exact_counts(tmp_path, records, path, hf_encode(path))


# Texts whose tokens split characters: emoji and CJK are several tokens (byte pieces in LLaMA's model) each.
_SPLIT_CHARACTERS = [
    {"instruction": "Übersetze: 写一首诗", "input": "🦙🤖 emoji", "output": "Ça va? Straße, 東京 🦙🦙 done."},
    {"instruction": "Repeat", "input": "", "output": "word " * 40 + "🦙" * 30},
]


def cut_points(count: int) -> list[int]:
    return [0, 1, 2, 7, 40, count - 1, count, count + 3]


def test_the_characters_a_token_limit_keeps_are_where_tiktoken_puts_the_first_token_cut(shared):
    """What a row page keeps of its training text under a limit: for a cut inside a character, the text before it."""
    encoding, tokenizer = tiktoken.get_encoding("cl100k_base"), load_tokenizer("cl100k_base")
    for text in map(training_text, json.loads(SAMPLE.read_text())[:200] + _SPLIT_CHARACTERS):
        ids = encoding.encode_ordinary(text)
        starts = encoding.decode_with_offsets(ids)[1]  # the character each token starts in
        for limit in cut_points(len(ids)):
            assert tokenizer.kept_characters(text, limit) == (starts[limit] if limit < len(ids) else len(text)), (text, limit)


def test_the_characters_a_token_limit_keeps_are_the_first_pieces_of_llamas_model(shared):
    processor = sentencepiece.SentencePieceProcessor(model_file=str(LLAMA_MODEL))
    tokenizer = load_tokenizer(str(LLAMA_MODEL))
    for text in map(training_text, json.loads(SAMPLE.read_text())[:100] + _SPLIT_CHARACTERS):
        pieces = processor.encode(text, out_type=str)
        for limit in cut_points(len(pieces)):
            # The pieces' bytes (byte-fallback pieces are written "<0xE5>"), less the space SentencePiece puts first.
            kept = b"".join(bytes([int(piece[3:5], 16)]) if piece.startswith("<0x") else piece.replace("\u2581", " ").encode() for piece in pieces[:limit])
            expected = max(len(kept.decode("utf-8", "ignore")) - 1, 0) if limit < len(pieces) else len(text)
            assert tokenizer.kept_characters(text, limit) == expected, (text, limit)


@pytest.mark.parametrize("style", ["gpt2", "llama3"])
def test_the_characters_a_token_limit_keeps_in_a_tokenizer_json_are_its_first_tokens_decoded(shared, byte_level_tokenizers, style):
    from tokenizers import Tokenizer, decoders

    plain, limited = byte_level_tokenizers[style]
    reference, tokenizer = Tokenizer.from_file(str(plain)), load_tokenizer(str(limited))
    reference.decoder = decoders.ByteLevel()  # as GPT-2's and Llama 3's files set it
    for text in map(training_text, json.loads(SAMPLE.read_text())[:100] + _SPLIT_CHARACTERS):
        ids = reference.encode(text, add_special_tokens=False).ids
        for limit in cut_points(len(ids)):
            decoded = reference.decode(ids[:limit])  # a character cut in two ends it as U+FFFD
            expected = len(os.path.commonprefix([text, decoded])) if limit < len(ids) else len(text)
            assert tokenizer.kept_characters(text, limit) == expected, (text, limit)


def test_empty_and_non_ascii_text(tmp_path):
    records = [
        {"instruction": "Übersetze ins Englische.", "input": "Straße, 東京, emoji 🦙🦙", "output": ""},
        {"instruction": "x", "input": " ", "output": "Ça va? <|endoftext|>"},
    ]
    source = tmp_path / "d.json"
    source.write_text(json.dumps(records, ensure_ascii=False))
    load(str(source), tmp_path / "a.db")
    encode = tiktoken.get_encoding("cl100k_base").encode_ordinary
    assert loaded_counts(tmp_path / "a.db", {0, 1}) == {i: reference_counts(encode, r) for i, r in enumerate(records)}
    assert loaded_counts(tmp_path / "a.db", {0})[0][2] == 0


def test_tiktoken_names_load_and_an_uncached_one_explains_the_cache():
    assert load_tokenizer("cl100k_base").count("hello world") == 2
    with pytest.raises(AlpacaExploreError, match="TIKTOKEN_CACHE_DIR"):
        load_tokenizer("o200k_base")  # not in the offline cache here


def test_memoised_counts_stay_bounded(monkeypatch):
    """Counts are kept for short keys, and the memo starts afresh when full; long keys only while recent."""
    monkeypatch.setattr(tokens, "_MEMO_ENTRIES", 3)
    monkeypatch.setattr(tokens, "_LONG_KEY_CHARS", 200)
    calls = []
    memo = tokens._Memo(lambda key: calls.append(key) or len(key))
    assert [memo[key] for key in ("a", "bb", "a", "x" * 65, "x" * 65)] == [1, 2, 1, 65, 65]
    assert set(memo) == {"a", "bb"} and calls == ["a", "bb", "x" * 65]
    assert [memo[key] for key in ("ccc", "dddd")] == [3, 4] and set(memo) == {"dddd"}
    calls.clear()
    assert [memo[key] for key in ("y" * 100, "x" * 65, "z" * 100, "x" * 65)] == [100, 65, 100, 65]
    assert calls == ["y" * 100, "z" * 100, "x" * 65]  # 65 + 100 + 100 characters are more than 200: "x" * 65 went


def test_texts_without_spaces_are_encoded_at_most_twice():
    """A paragraph without spaces (Chinese, say) is encoded alone and once more where it meets the template.

    It was encoded four times, once more than counting every text and the training text whole."""
    encoding = tiktoken.get_encoding("cl100k_base")
    encoded = []

    def count(text: str) -> int:
        encoded.append(text)
        return len(encoding.encode_ordinary(text))

    counter = tokens._WordCounter(count)
    paragraph = "请用三句话解释光合作用，并说明它为什么对地球上的生命如此重要，以及植物如何利用阳光、水和二氧化碳。"
    records = [Record(paragraph + str(n), paragraph * 2 if n % 2 else "", f"{paragraph * 3}{n} {paragraph}") for n in range(4)]
    for record in records:
        encoded.clear()
        assert counter.count_record(record) == reference_counts(encoding.encode_ordinary, record._asdict())
        words = [word for text in record for word in text.split(" ")]
        assert sum(paragraph in text for text in encoded) <= 2 * sum(paragraph in word for word in words)


def test_tiktoken_encoding_is_kept_in_our_cache(tmp_path, monkeypatch):
    """The marshal copy rebuilds the same encoding; a damaged copy is replaced, never trusted."""
    monkeypatch.setenv("ALPACA_EXPLORE_CACHE_DIR", str(tmp_path))
    texts = [record[field] for record in json.loads(SAMPLE.read_text())[:300] for field in ("instruction", "output")]
    reference = tiktoken.get_encoding("cl100k_base")
    first = tokens._tiktoken_encoding("cl100k_base")
    [cached] = (tmp_path / "tiktoken").iterdir()
    rebuilt = tokens._tiktoken_encoding("cl100k_base")
    assert first is not rebuilt and [rebuilt.encode_ordinary(t) for t in texts] == [reference.encode_ordinary(t) for t in texts]
    cached.write_bytes(b"not marshal")
    assert tokens._tiktoken_encoding("cl100k_base").encode_ordinary("hello world") == reference.encode_ordinary("hello world")
    assert cached.read_bytes() != b"not marshal"


def test_a_cached_encoding_that_cannot_be_written_leaves_no_partial_file(tmp_path):
    """Under a file-size limit (a full disk) the copy fails, the encoding still loads and no half file stays."""
    script = "from alpaca_explore import tokens; print(tokens._tiktoken_encoding('cl100k_base').encode_ordinary('hello world'))"

    env = {**os.environ, "ALPACA_EXPLORE_CACHE_DIR": str(tmp_path)}
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, preexec_fn=file_size_limit(1 << 16), timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == str(tiktoken.get_encoding("cl100k_base").encode_ordinary("hello world"))
    assert list((tmp_path / "tiktoken").iterdir()) == []


@pytest.mark.parametrize(
    "spec, message",
    [
        ("gpt-17-tokens", "unknown tokenizer 'gpt-17-tokens': give a tiktoken encoding (cl100k_base, "),
        ("gpt-4", "unknown tokenizer 'gpt-4': gpt-4 counts in tiktoken's cl100k_base: --tokenizer cl100k_base"),  # a model's name
        ("gpt-4o-mini", "unknown tokenizer 'gpt-4o-mini': gpt-4o-mini counts in tiktoken's o200k_base: --tokenizer o200k_base"),
        ("cl100k", "unknown tokenizer 'cl100k': did you mean cl100k_base?"),
        ("o200k-base", "unknown tokenizer 'o200k-base': did you mean o200k_base?"),
        (
            "Qwen/Qwen2.5-7B-Instruct",  # a model's id on the Hub
            "tokenizer file not found: Qwen/Qwen2.5-7B-Instruct; for a model on the Hugging Face Hub, download its tokenizer: "
            "hf download Qwen/Qwen2.5-7B-Instruct tokenizer.json --local-dir Qwen2.5-7B-Instruct, then --tokenizer Qwen2.5-7B-Instruct/tokenizer.json",
        ),
        ("/nowhere/tokenizer.model", "tokenizer file not found"),
        ("missing.json", "tokenizer file not found"),
    ],
)
def test_bad_tokenizer_fails_before_any_download(run_cli, http_server, tmp_path, spec, message):
    result = run_cli("load", http_server.url("/data.json"), "--db", tmp_path / "a.db", "--tokenizer", spec)
    assert_clean_error(result, message)
    assert http_server.log == []
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize("spec", ["sub/tokenizer.json", "models/llama.model", "./llama/tokenizer", "../llama"])
def test_a_missing_path_is_not_taken_for_a_hub_id(spec):
    with pytest.raises(AlpacaExploreError) as caught:
        load_tokenizer(spec)
    assert str(caught.value) == f"tokenizer file not found: {spec}"


def test_unreadable_tokenizer_files(run_cli, tmp_path):
    (tmp_path / "tokenizer.model").write_text("not a model")
    (tmp_path / "tokenizer.json").write_text("{}")
    for name, message in [("tokenizer.model", "not a SentencePiece model"), ("tokenizer.json", "not a Hugging Face tokenizer.json")]:
        assert_clean_error(run_cli("load", "x.json", "--tokenizer", tmp_path / name), message)


_FRAGMENTS = [*" \t\n\r\u00a0\u3000\u2028ab Zé9'’.,:;!?-#/()<>|_東京🦙\x1c\u0301", "'s", "'ll", "<|endoftext|>", "<|eot_id|>", "###", "\n\n", " 123", "  ", "word"]
_TRICKY = st.lists(st.sampled_from(_FRAGMENTS), max_size=24).map("".join)


@settings(max_examples=400, deadline=None)
@given(instruction=_TRICKY | st.just("\u2581x"), input_=_TRICKY, output=_TRICKY)
def test_llama_word_by_word_counts_equal_full_encodes(shared, instruction, input_, output):
    """LLaMA's model splits at spaces too: counted word by word, it must equal full encodes."""
    record = Record(instruction, input_, output)
    fast = load_tokenizer(str(LLAMA_MODEL))
    encode = sentencepiece.SentencePieceProcessor(model_file=str(LLAMA_MODEL)).encode
    assert isinstance(fast.count, tokens._SentencePieceWords)
    assert fast.count_record(record) == reference_counts(encode, record._asdict())


@pytest.mark.parametrize(
    "options, by_words",
    [
        ({"model_type": "bpe", "normalization_rule_name": "identity", "remove_extra_whitespaces": False}, True),
        ({"model_type": "bpe"}, False),  # NFKC normalisation and collapsed spaces: encoded whole
        (  # pieces may span spaces
            {"model_type": "unigram", "normalization_rule_name": "identity", "remove_extra_whitespaces": False, "split_by_whitespace": False},
            False,
        ),
    ],
    ids=["identity-bpe", "nfkc-bpe", "unigram-across-spaces"],
)
def test_other_sentencepiece_models_count_exactly(shared, tmp_path, options, by_words):
    texts = [record[field] for record in json.loads(SAMPLE.read_text())[:400] for field in ("instruction", "input", "output")]
    (tmp_path / "corpus.txt").write_text("\n".join(texts))
    sentencepiece.SentencePieceTrainer.train(
        input=str(tmp_path / "corpus.txt"), model_prefix=str(tmp_path / "m"), vocab_size=400, minloglevel=2, **options
    )
    tokenizer = load_tokenizer(str(tmp_path / "m.model"))
    encode = sentencepiece.SentencePieceProcessor(model_file=str(tmp_path / "m.model")).encode
    assert isinstance(tokenizer.count, tokens._SentencePieceWords) == by_words
    probes = [*texts, "  two  spaces ", " leading", "trailing ", "a\u00a0b\u3000c", "Ａﬁ①", "\u2581x y"]
    assert [tokenizer.count(text) for text in probes] == [len(encode(text)) if text else 0 for text in probes]


@settings(max_examples=400, deadline=None)
@given(instruction=_TRICKY, input_=_TRICKY, output=_TRICKY)
def test_word_by_word_counts_equal_full_encodes(instruction, input_, output):
    """cl100k counts words once each and the training text from its seams; all must equal full encodes."""
    record = Record(instruction, input_, output)
    fast = load_tokenizer("cl100k_base")
    encode = tiktoken.get_encoding("cl100k_base").encode_ordinary
    assert isinstance(fast.count, tokens._WordCounter)
    assert fast.count_record(record) == reference_counts(encode, record._asdict())


@settings(max_examples=300, deadline=None)
@given(text=_TRICKY, limit=st.integers(min_value=0, max_value=40))
def test_the_characters_a_limit_keeps_of_any_text_end_where_tiktoken_starts_the_first_token_cut(text, limit):
    encoding = tiktoken.get_encoding("cl100k_base")
    ids = encoding.encode_ordinary(text)
    expected = encoding.decode_with_offsets(ids)[1][limit] if limit < len(ids) else len(text)
    assert load_tokenizer("cl100k_base").kept_characters(text, limit) == expected


@settings(max_examples=300, deadline=None)
@given(instruction=_TRICKY, input_=_TRICKY, output=_TRICKY)
def test_huggingface_word_by_word_counts_equal_full_encodes(shared, byte_level_tokenizers, instruction, input_, output):
    record = Record(instruction, input_, output)
    plain, _ = byte_level_tokenizers["llama3"]
    assert load_tokenizer(str(plain)).count_record(record) == reference_counts(hf_encode(plain), record._asdict())


@settings(max_examples=300, deadline=None)
@given(instruction=_TRICKY | st.just("\u2581x"), input_=_TRICKY, output=_TRICKY)
def test_huggingface_llama2_style_counts_equal_full_encodes(shared, metaspace_tokenizers, instruction, input_, output):
    record = Record(instruction, input_, output)
    path = metaspace_tokenizers["llama2"]
    assert load_tokenizer(str(path)).count_record(record) == reference_counts(hf_encode(path), record._asdict())
