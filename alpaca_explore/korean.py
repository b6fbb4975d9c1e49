"""The verb and object noun of a Korean instruction, as Korean Alpacas phrase them: "다음 문장을 영어로 번역하세요".

Korean is written with spaces, but between phrases that carry their particles and endings, and a request ends in its
verb ("설명하세요", "만들어 주세요"). The first verb of the request sentence is the instruction's verb, as the English
rules take the first imperative: a 하다 verb's noun alone (설명), other verbs in their dictionary form (만들다), without
the helping 주다 or 보다. Its object is the noun before 을 or 를.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

HANGUL = re.compile("[\uac00-\ud7a3]")
_SENTENCES = re.compile(r"[^.!?。\n]+[.!?。]?")
_QUESTION = re.compile(r"(?:까요|나요|가요|니까|을까|는가|인가)\s*[?？]?\s*$|[?？]\s*$")
_REQUEST = re.compile("세요|십시오|시오|주세요|줘|하라|해라|바랍니다|합시다")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”“]*”|'[^']*'|‘[^’‘]*’")  # linear: see european._QUOTATION
# A 하다 verb, asking or joining the next clause: "설명하세요", "비교하고", "사용하여", "말해" (before 주세요).
_HADA = re.compile("^(.+?)(?:하세요|하십시오|하시오|하라|해라|해요|해줘|해주세요|해|하고|하여|해서|하며)$")
# Other verbs before 주세요 or 보세요, or asking alone, by the forms they take: 만들어 주세요, 만드세요 -> 만들다.
_FORMS = {
    "만들어": "만들다", "만드": "만들다", "써": "쓰다", "쓰": "쓰다", "찾아": "찾다", "찾으": "찾다", "골라": "고르다", "고르": "고르다",
    "들어": "들다", "드": "들다", "알려": "알리다", "알리": "알리다", "바꿔": "바꾸다", "바꾸": "바꾸다", "지어": "짓다", "지으": "짓다",
    "적어": "적다", "적으": "적다", "읽어": "읽다", "읽으": "읽다", "읽고": "읽다", "나눠": "나누다", "나누": "나누다", "뽑아": "뽑다",
    "뽑으": "뽑다", "채워": "채우다", "채우": "채우다", "고쳐": "고치다", "고치": "고치다", "풀어": "풀다", "푸": "풀다", "보여": "보이다",
    "늘어놓": "늘어놓다", "세어": "세다", "맞혀": "맞히다", "맞히": "맞히다", "골라서": "고르다", "써서": "쓰다", "건네": "건네다",
    "주": "주다", "바꾸어": "바꾸다", "나누어": "나누다", "찾아서": "찾다", "읽어서": "읽다",
}
_JOINING = ("하고", "하여", "해서", "하며")  # a 하다 verb that joins the next clause
_TRYING = re.compile("보(?:세요|십시오|고)$")
_ASKING = re.compile("(?:으)?(?:세요|십시오|시오)$")
_HELPING = frozenset("주세요 주십시오 줘 주시오 보세요 보십시오 봐 주시겠어요 내세요 내십시오".split())
# The noun before 을/를, without a count after it ("원인 세 가지를", "도시 5곳을") or quotation marks.
_COUNT = re.compile(r"^(?:하나|(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|몇|\d+(?:~\d+)?)?(?:가지|개|곳|명|권|편|마리)?)$")
# In an FTS5 query: a quoted Korean word, and a bare one (not a prefix already).
_QUOTED_HANGUL = re.compile('"([\uac00-\ud7a3]+)"(?!\\*)')
_BARE_HANGUL = re.compile('(?<![\\w"*])([\uac00-\ud7a3]+)(?![\\w"*])')
_NOT_NOUNS = frozenset("그것 그것들 이것 이것들 모두 무엇 것 중".split())
_VERBAL = re.compile("(?:하지|않고|하고|하여|해서|하며|하는|한|할|하기)$")


def verbs_and_nouns(instruction: str) -> Iterator[tuple[str, str | None]]:
    """Each verb of the first request sentence, in order, and the noun of its object; none for a question."""
    requests = [sentence for sentence in _SENTENCES.findall(instruction) if _REQUEST.search(sentence) and not _QUESTION.search(sentence)]
    if not requests:
        return
    words = _QUOTED.sub(lambda match: match[0].replace(" ", "_"), requests[0]).split()  # a quotation is one word
    for position, word in enumerate(words):
        bare = word.rstrip(".,:;!–-")
        following = words[position + 1] if position + 1 < len(words) else ""
        # A verb before 주세요 or 보세요 (helping), or before another verb: "바꿔 쓰세요" (rewrite, change-and-write).
        helped = following.rstrip(".,:;!") in _HELPING or (bare in _FORMS and _ASKING.search(following.rstrip(".,:;!")) is not None)
        verb = _dictionary_form(bare, helped)
        joining = bare.endswith(_JOINING)
        if verb is not None and (not joining or _is_object(words[position - 1] if position else "")):
            yield verb, _object_noun(words[:position])  # "구조를 조사하고 설명하세요"; not "더 유익하고" (more useful)


def _dictionary_form(word: str, helped: bool) -> str | None:
    """The verb of ``word`` if it asks for something or joins the next clause; ``helped`` by 주세요 or 보세요 after it."""
    if (trying := _TRYING.search(word)) and trying.start() > 1:
        word, helped = word[: trying.start()], True  # "찾아보세요", "찾아보고" (try to find) -> 찾아
    if hada := _HADA.match(word):
        if not (helped or _ASKING.search(word) or word.endswith(_JOINING)):
            return None  # "해" alone, as in "…에 대해": no verb
        noun = hada.group(1)
        return noun + "하다" if len(noun) == 1 else noun  # "말해 주세요" -> 말하다, "설명하세요" -> 설명
    if helped or word.endswith(("고", "서", "라")):
        return _FORMS.get(word)
    if _ASKING.search(word):
        return _FORMS.get(_ASKING.sub("", word)) or _FORMS.get(word[: -len("세요")])
    return None


def _is_object(word: str) -> bool:
    return len(word) > 1 and word.rstrip("\"'“”‘’").endswith(("을", "를"))


def _object_noun(words: list[str]) -> str | None:
    """The noun before the last 을/를 ahead of the verb; None if there is none."""
    for position in range(len(words) - 1, -1, -1):
        word = words[position].strip("\"'“”‘’")
        if not _is_object(word) or (position + 1 < len(words) and _VERBAL.search(words[position + 1])):
            continue  # "단어를 사용하지 않고" (without using the word): another verb's object
        noun = word[:-1].strip("\"'“”‘’").replace("_", " ")
        if _COUNT.match(noun) and position > 0:
            # "원인 세 가지를" (three causes): the noun before the count
            before = [w for w in words[max(0, position - 2) : position] if not _COUNT.match(w)]
            noun = before[-1] if before else noun
        if noun in _NOT_NOUNS or _COUNT.match(noun):
            return None
        return noun[:-1] if noun.endswith("들") and len(noun) > 2 else noun  # "단어들" (words) -> 단어
    return None


def with_particles(query: str) -> str:
    """An FTS5 query whose Korean words also find them with their particles, which the word index keeps on them:
    "문장" finds 문장을 and 문장이 as ``"문장"*`` (a word that is a prefix already, or inside a phrase, is left)."""
    return _BARE_HANGUL.sub(r"\1*", _QUOTED_HANGUL.sub(r'"\1"*', query))
