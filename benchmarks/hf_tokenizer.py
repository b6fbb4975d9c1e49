"""Write a GPT-2-style byte-level BPE tokenizer.json trained on the real sample, for
``load_benchmark.py --tokenizer`` (no Hugging Face download is possible offline).

    python benchmarks/hf_tokenizer.py /tmp/tokenizer.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tokenizers import Tokenizer, models, pre_tokenizers, trainers

sys.path.insert(0, str(Path(__file__).parent))
from corpus import SAMPLE  # noqa: E402


def main() -> None:
    target = Path(sys.argv[1])
    texts = [record[field] for record in json.loads(SAMPLE.read_text()) for field in ("instruction", "input", "output")]
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    trainer = trainers.BpeTrainer(vocab_size=8000, special_tokens=["<|endoftext|>"], initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tokenizer.train_from_iterator(texts, trainer)
    tokenizer.save(str(target))
    print(f"wrote {target} ({tokenizer.get_vocab_size():,} tokens)")


if __name__ == "__main__":
    main()
