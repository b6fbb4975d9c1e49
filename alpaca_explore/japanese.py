"""The verb and object noun of a Japanese instruction, as Japanese Alpacas phrase them: "次の文を英語に翻訳してください".

A request ends in its verb, conjugated ("書いてください", "分類してください"); the first verb of its request
sentence is the instruction's verb, in its dictionary form (書く), or, for a する verb, its noun alone (分類), as the
English rules take the first imperative. Its object is the noun before を.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_SENTENCES = re.compile(r"[^。！？!?\n]+")
_REQUEST = re.compile("ください|下さい|くれ|なさい|ほしい|せよ|しましょう|[てで]$")  # "広告文を書いて", as people type
_QUOTED = re.compile(r"「[^」「]*」|『[^』『]*』|“[^”“]*”|\"[^\"]*\"|（[^）（]*）|\([^)(]*\)|\[[^\]\[]*\]")  # linear: see european._QUOTATION
# Particles made of a verb's te-form, which are no verb of the task: "食性によって" (by diet), "天気について" (about).
_COMPOUND_PARTICLES = re.compile("に(?:よって|ついて|対して|関して|おいて|従って|基づいて|基づき|応じて|向けて|沿って|とって)|として|を通して|を(?:もと|元|基)に")
# The hiragana that write a verb's ending (okurigana), without the particles that end the word before it.
_ENDING_KANA = "".join(chr(code) for code in range(ord("ぁ"), ord("ゖ") + 1) if chr(code) not in "をはがのへともやでにか")
_CONTINUATIVE_KANA = "きぎしちびみりいえけげせてねべめれ"  # a verb's continuative ends in one: 説明し、 書き、 見つけ、
# A verb before the te-form or the continuative and its comma: "作成し", "書い", "作っ", "読ん", "まとめ", "書き換え"; a
# te-form before the next word too ("使って887を"), not で, which is as often a particle ("コンピュータで使われる"). Runs
# of kanji and of kana alternate in one way only, so a long run without a verb is rejected in linear time.
_VERB = re.compile(
    f"((?<![一-龯々ァ-ヶー])[一-龯々ァ-ヶー]+(?:[{_ENDING_KANA}]{{1,3}}[一-龯々ァ-ヶー]+)*[{_ENDING_KANA}]{{0,3}}?|(?<=[をはがのへともやでにか、])[ぁ-ゖ]{{2,4}}?)"
    f"(?=(?:て|で)(?:ください|下さい|くだ|くれ|ほしい|、|み|$)|て[^ぁ-ゖ方]|(?:さ)?せて|(?<=[{_CONTINUATIVE_KANA}])(?:、|なさい))"
)
_SURU_NOUN = re.compile("^([一-龯々ァ-ヶー]{2,})(?:し|させ|さ)$")
# Godan verbs whose te-form ends in って or んで, by the kanji they are written with: 使って is 使う, 待って 待つ, 作って 作る.
_U_VERBS, _TSU_VERBS = frozenset("使言思買歌払洗習扱補従手伝"), frozenset("待持打立保")
_BU_VERBS = frozenset("選呼学遊結喜")
_GODAN_CONTINUATIVE = {"き": "く", "ぎ": "ぐ", "し": "す", "ち": "つ", "び": "ぶ", "み": "む", "り": "る", "い": "う"}
_ICHIDAN_IN_I = frozenset(("用い", "強い", "見", "着", "似", "居", "煮"))
# The noun before を: 違いを, データを, Pythonを; in kana alone only after の ("旅行のおすすめを"), where it is no verb's ending.
_OBJECT = re.compile("([一-龯々]+[ぁ-ゖ]?|[ァ-ヶー]+|[A-Za-z][A-Za-z0-9 ]*|(?<=の)[ぁ-ゖ]{2,})を")
_FORMAL_NOUNS = frozenset("こと もの の ところ それ これ あれ それぞれ".split())
_ENDS_A_CLAUSE = re.compile("(?<!いくつ)(?<!何)(?<!どれ)か$")  # "どのように活用できるか提案して", not "いくつか教えて"
_PURPOSE = re.compile("ように|ために")
_NOT_OF_THE_VERB = re.compile("^(?:[一二三四五六七八九十]つ|[一-龯々]+しく|[一-龯々]+く(?=[一-龯々]))")  # "一つ挙げ", "新しく作っ"
_FIRST_OF_TWO = re.compile("([一-龯々]+|[ァ-ヶー]+)と(?:[一-龯々]+|[ァ-ヶー]+)を$")


def verbs_and_nouns(instruction: str) -> Iterator[tuple[str, str | None]]:
    """Each verb of the first request sentence, in order, and the noun of its object; none for a question
    ("フレンチトーストの材料は何ですか？")."""
    requests = [sentence for sentence in _SENTENCES.findall(instruction) if _REQUEST.search(sentence)]
    if not requests:
        return
    sentence = _COMPOUND_PARTICLES.sub("・", _QUOTED.sub("", requests[0]))  # no verb in them; 猫・俳句を: two words
    for found in _VERB.finditer(sentence):
        stem = _NOT_OF_THE_VERB.sub("", found.group(1)) or found.group(1)
        yield _dictionary_form(stem, sentence[found.end() : found.end() + 2]), _object_noun(sentence[: found.start()])


def _dictionary_form(stem: str, following: str) -> str:
    """The verb whose te-form or continuative is ``stem`` + ``following``: 書い+て -> 書く, 作成し+て -> 作成."""
    if suru := _SURU_NOUN.match(stem):
        return suru.group(1)  # "分類して" -> 分類
    if following.startswith(("させ", "せて")) and re.fullmatch("[一-龯々ァ-ヶー]{2,}", stem):
        return stem  # "完成させて" (have it completed) -> 完成
    if re.fullmatch("[ァ-ヶー]+", stem):
        return stem
    last = stem[-1]
    if following.startswith("て") or following.startswith("で"):
        if last == "っ":
            base = stem[:-1]
            if base.endswith("行"):
                return base + "く"
            return base + ("う" if base[-1:] in _U_VERBS else "つ" if base[-1:] in _TSU_VERBS else "る")
        if last == "ん":
            base = stem[:-1]
            return base + ("ぶ" if base[-1:] in _BU_VERBS else "む")
        if last == "い" and stem not in _ICHIDAN_IN_I and not stem.endswith(tuple(_ICHIDAN_IN_I)):
            return stem[:-1] + ("ぐ" if following.startswith("で") else "く")
        if last == "し" and re.search("[ぁ-ゖ]$", stem[:-1]) and len(stem) > 2:
            return stem[:-1]  # a する verb's noun with its kana: "手助けして" -> 手助け
        if last == "し" and len(stem) > 1:
            return stem[:-1] + "す"  # "直して" -> 直す, "書き出して" -> 書き出す
        return stem + "る"  # ichidan: "教えて" -> 教える, "挙げて" -> 挙げる, "見て" -> 見る
    # The continuative before a comma: "説明し、", "見つけ、", "書き、".
    if last in _GODAN_CONTINUATIVE and stem not in _ICHIDAN_IN_I and re.search("[一-龯々]", stem[:-1]):
        return stem[:-1] + _GODAN_CONTINUATIVE[last]
    return stem + "る"


def _object_noun(before: str) -> str | None:
    """The noun before the last を ahead of the verb; None if there is none, or a clause or a formal noun takes its place
    ("どのように活用できるか提案", "面白いことを")."""
    if _ENDS_A_CLAUSE.search(before.rstrip()):
        return None
    marked = list(_OBJECT.finditer(before))
    if not marked or _PURPOSE.search(before, marked[-1].end()):
        return None  # "株式市場を理解できるように手助けして": the market is what is to be understood
    noun = marked[-1].group(1).strip()
    if first := _FIRST_OF_TWO.search(before, 0, marked[-1].end()):
        noun = first.group(1)  # "主語と目的語を" (the subject and the object)
    if noun in _FORMAL_NOUNS:
        return None
    if re.fullmatch("[一-龯々]{4,}", noun):
        return noun[-2:]  # "保護計画" (protection plan) -> 計画
    return noun
