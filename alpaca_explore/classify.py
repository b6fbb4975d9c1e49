"""Classify instructions: root verb and object noun, and a task category.

Pure rules over the instruction's structure: deterministic, no model, a few
microseconds a record. Verb/noun follow the Alpaca paper's analysis (the root
verb of the instruction and the head noun of its direct object); categories
follow the InstructGPT use-case taxonomy plus ``coding`` and ``math``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import european, european_gloss, european_verbs, unspaced
from .quality import is_placeholder

CATEGORIES = (
    "open_qa",
    "closed_qa",
    "generation",
    "brainstorming",
    "rewrite",
    "summarization",
    "classification",
    "extraction",
    "coding",
    "math",
    "other",
)

_WORD = re.compile(r"[a-z0-9][a-z0-9'’\-]*|[^\sa-z0-9]")
_WORD_OR_ABBREVIATION = re.compile(r"[a-z](?:(?:\.[a-z])+\.|[a-z0-9'’\-]*)|[0-9][a-z0-9'’\-]*|[^\sa-z0-9]")  # "u.s." is one word
# The same for text beyond ASCII, with words of any script ("café", "erkläre", "写一首诗") so that a verb can be told to
# be English. Slower: ASCII text, most of it, keeps the patterns above.
_ANY_WORD = re.compile(r"[^\W_](?:[^\W_]|['’\-])*|\S")
_ANY_WORD_OR_ABBREVIATION = re.compile(r"[^\W\d_](?:(?:\.[a-z])+\.|(?:[^\W_]|['’\-])*)|\d(?:[^\W_]|['’\-])*|\S")
_PARENTHESES = re.compile(r"\([^()]*\)")
_SENTENCE_END = re.compile(r"(?<!\b[A-Za-z]\.[A-Za-z]\.)(?<=[.?!])\s+|\n+")  # not after "U.S." or "e.g."

_WH_CONTRACTIONS = frozenset(f"{wh}{apostrophe}s" for wh in ("what", "who", "where", "how", "when", "why") for apostrophe in "'’")
QUESTION_WORDS = _WH_CONTRACTIONS | frozenset(
    "what who whom whose which where when why how is are was were do does did can could should would will "
    "shall may might has have had am isn't aren't doesn't don't".split()
)
_POLITE_PREFIXES = (
    ("can", "you"), ("could", "you"), ("would", "you"), ("will", "you"), ("i", "want", "you", "to"),
    ("i", "need", "you", "to"), ("i", "would", "like", "you", "to"), ("i'd", "like", "you", "to"),
    ("help", "me"), ("step", "by", "step"), ("please",), ("kindly",), ("now",), ("also",), ("then",), ("first",), ("next",), ("and",),
)
_PREFIX_STARTS = frozenset(prefix[0] for prefix in _POLITE_PREFIXES)
_INTRODUCERS = frozenset(
    "given using based for in from with after according considering assuming taking as if when by on "
    "following upon without within out to provided while once because".split()
)
_TASK_IS = re.compile(r"\byou (?:need|have|must|should|are asked|are required|will need) to (?:[a-z]+ly )?([a-z\-]+)|\byour task is to (?:[a-z]+ly )?([a-z\-]+)")
DETERMINERS = frozenset(
    "a an the this that these those some any each every all both few several many much more most no another "
    "other following given provided above below same such my your his her its our their one two three four "
    "five six seven eight nine ten eleven twelve fifteen twenty hundred thousand first second third last "
    "next single whole entire new".split()
)
# "Imagine you are ...", "Suppose you want ...": these verbs take a clause, never an object.
_CLAUSE_VERBS = frozenset("imagine suppose pretend assume".split())
# "Search for information": the object follows the preposition.
_PREPOSITIONAL_VERBS = {"search": "for", "look": "for", "ask": "for", "think": "of", "fill": "in", "respond": "to", "reply": "to", "listen": "to"}
_ADVERBIAL_PHRASES = (
    ("in", "detail"), ("in", "brief"), ("in", "depth"), ("in", "short"), ("step", "by"), ("in", "simple", "terms"),
    ("in", "plain", "english"), ("in", "your", "own", "words"),
)
_ADVERBIAL_STARTS = frozenset(phrase[0] for phrase in _ADVERBIAL_PHRASES)
_LENGTH_UNITS = frozenset("words word sentences sentence lines paragraphs characters".split())
_OBJECT_PRONOUNS = frozenset("me us him her them you".split())
_NAMING_NOUNS = frozenset("term word phrase expression idiom proverb saying".split())
_WORD_COMPOUNDS = frozenset("problem problems count order cloud search game puzzle".split())  # "the word problem"
_NOT_HEADS = _OBJECT_PRONOUNS | frozenset("someone somebody something anyone anybody anything everyone everybody everything".split())
_SUBJECT_PRONOUNS = frozenset("i you we they he she".split())
_MODALS = frozenset("will would can could should shall may might must".split())
_AUXILIARIES = _MODALS | frozenset("am are is was were have has had".split())
_QUOTES = frozenset('"“”')
_PARTICLES = frozenset("up out down off over through together".split())
_QUANTIFIERS = frozenset(
    {("at", "least"), ("at", "most"), ("up", "to"), ("no", "more"), ("more", "than"), ("less", "than"),
     *((word, "of") for word in ("all", "some", "each", "any", "both", "most", "many", "none", "several"))}
)
_QUANTITIES = frozenset(("a", amount, "of") for amount in ("couple", "lot", "number", "variety", "bunch"))
_CLAUSE_STARTS = frozenset("what who which where when why how whether if it them something anything".split())
_NP_BOUNDARIES = frozenset(
    "of about for to in on with from into by at as between using that which who whom whose where when while if why how whether under near "
    "and or but so than without within according like regarding based given provided containing "
    "describing explaining including involving showing related listed mentioned written spoken used needed "
    "required necessary below above here there shown known made found taken built held beginning starting "
    "ending is are was were be can could should would will may might must has have had do does did "
    "over across through after before during until via per against toward towards around among behind beyond".split()
)
_COORDINATORS = frozenset("and but or".split())
_ADJECTIVE_SUFFIXES = ("ive", "ous", "ful", "able", "ible", "al", "ic", "ique", "ent", "ant", "less", "ish", "ary", "id")
_INTENSIFIERS = frozenset("very really quite highly extremely truly so too fairly rather".split())
_POSTPOSITIVE = frozenset("present available suitable possible involved responsible eligible visible".split())
_ING_NOUNS = frozenset(
    "greeting painting meeting building wedding setting clothing ending beginning feeling reading writing training "
    "marketing spelling morning evening ceiling offering hearing heading listing rating saying warning opening "
    "recording drawing thing string sibling pudding earring computing learning processing programming engineering networking "
    "banking farming manufacturing mining hosting parenting budgeting cooking gardening shopping accounting advertising".split()
)
_LY_VERBS = frozenset("reply apply supply comply multiply rely imply fly tally rally".split())
_LY_NOUNS = frozenset("family supply assembly anomaly monopoly butterfly ally italy july belly jelly rally bully lily reply fly".split())
# Participles among the boundaries that, before any other word of the object, describe its head.
_ADJECTIVAL_PARTICIPLES = frozenset("related listed mentioned written spoken used needed required shown known made found taken built held".split())
_PRONOUN_OBJECT_ENDS = _NP_BOUNDARIES | {",", "."}
_BOUNDARIES_NOT_DETERMINERS = _NP_BOUNDARIES - DETERMINERS
_ENDS_A_NOUN_PHRASE = _NP_BOUNDARIES | (DETERMINERS - {"following", "given"})
_AFTER_A_PARTICIPLE = DETERMINERS | frozenset("to with about on in for from at into why how whether that what".split())
_PREPOSITIONS = frozenset("in at on for from by with to of about into over under during after before between among through since".split())
_WH_WORDS = frozenset("which what whom whose how when where".split())
_HEADINGS = frozenset("task question q instruction prompt request query problem exercise answer a".split())
_NOT_VERBS = DETERMINERS | QUESTION_WORDS | _INTRODUCERS | _PREPOSITIONS | frozenset(
    "i we you he she it they there here my our let's people person i'm i'd i've i'll we're we'll "
    "but so only however meanwhile today yesterday tomorrow tonight later currently due half twice together mr mrs ms dr".split()
)
# Second words that leave the first a verb even before a modal: "Imagine you could ...", "Explain what would ...".
_NOT_A_SUBJECT = DETERMINERS | QUESTION_WORDS | _CLAUSE_STARTS | _OBJECT_PRONOUNS | _SUBJECT_PRONOUNS
# Past tenses that are nothing else: "Bella bought stamps", whatever follows.
_PLAIN_PASTS = frozenset(
    "bought sold spent got took gave went ran ate drank paid sent brought caught told won wrote grew drove rode flew "
    "swam stood came began".split()
)
# Past tenses that may also be adjectives, nouns or base forms: past only before an object ("Harry put 4 weights").
_AMBIGUOUS_PASTS = frozenset("made kept left lost sat met built had saw found read put cut set hit let".split())
# Verbs that take a to-infinitive: "John wants to buy ...", "Mary decides to save ...".
_INFINITIVE_VERBS = frozenset(
    "want need decide plan hope try like love hate start begin agree choose refuse learn forget promise expect intend "
    "prefer attempt afford manage wish continue".split()
)
# Verbs whose third person after a first word makes that word a subject, whatever follows: "Jim collects ...".
# Not those whose -s form is a common plural noun ("Watch plays by Shakespeare", "works of art").
_STORY_VERBS = frozenset(
    "go walk drive run ride fly travel swim jog move come live collect make sell love like take get buy bake "
    "grow earn own eat drink save spend pay keep find".split()
)
_IRREGULAR_NOUNS = {"children": "child", "people": "people", "data": "data", "media": "media", "criteria": "criterion",
                    "men": "man", "women": "woman", "mice": "mouse", "feet": "foot", "teeth": "tooth",
                    "news": "news", "series": "series", "species": "species", "analyses": "analysis"}


# Singular nouns in -s: "physics", "a bias".
_SINGULAR_IN_S = frozenset(
    "physics economics mathematics statistics politics ethics graphics genetics linguistics athletics "
    "electronics robotics logistics analytics aesthetics dynamics mechanics bias gas canvas atlas alias".split()
)
_IE_NOUNS = frozenset("movie cookie pie tie lie rookie zombie calorie hippie selfie brownie smoothie genie prairie".split())


class Analysis(NamedTuple):
    verb: str | None
    noun: str | None
    category: str
    another_language: bool = False  # Spanish, Portuguese, French, Italian, German, Dutch, Russian ... (see reads_language_of)


def words(text: str) -> list[str]:
    text = text.lower()
    # Most texts hold no full stop but the last: they need not be searched for "u.s." or "e.g.".
    abbreviations = text.find(".", 0, len(text) - 1) >= 0
    if text.isascii():
        return (_WORD_OR_ABBREVIATION if abbreviations else _WORD).findall(text)
    return (_ANY_WORD_OR_ABBREVIATION if abbreviations else _ANY_WORD).findall(text)


# Words that begin or join sentences in languages written with spaces other than English (Spanish, Portuguese, French,
# German, Italian, Dutch, Indonesian, Vietnamese, Turkish), and their numbers. Those that are English words, names or
# abbreviations too are left out ("was", "met", "con", "et al.", "Al", "AI", "DOS", "due", "yang", "OS", "EST"), but for
# "die" and "che": an instruction needs two of them, and more than its English ones.
_OTHER_LANGUAGE_WORDS = frozenset(
    """el lo los las un una unos unas del por para sobre siguiente siguientes qué cómo cuál cuáles es está de que en la su
    sus como más um uma da das não é são seguinte seguintes pelo pela pelos pelas ao aos às seu sua seus suas este esta esse essa
    isso isto você menos três dois duas dado dada dados dadas le les une du dans pour avec sur suivant suivante
    suivants qui ce cette ces au aux vous der das und ein eine einen einem einer mit für über zu ist nicht auf folgenden
    folgende sie wie des von aus zum zur vom beim sich zusammen die diese dieser dieses gegebenen gegebene werden wird
    kann können sind oder auch wenn dass welche welcher welches eines gli di della delle dei sul sulla nel nella alla
    degli dal dalla dello negli nei sui alle agli più che quanto quanti quanta quante qualcuno questo questa questi
    queste sono anche ogni ciascun ciascuna ciascuno senza sotto sopra molto tutti tutte è seguente seguenti het een
    voor zijn dat deze dit volgende zodat om te naar bij uit gegeven hij je wat niet ook worden wordt kunnen kunt zou zouden van tekst als
    welke waarom wanneer hoeveel untuk dengan ini itu
    dari tentang sebuah berikut adalah dalam của và một về các những cho là được này trong với bir ve için ile bu
    aşağıdaki tres cuatro cinco diez três quatro deux trois quatre cinq dix quattro cinque dieci zwei drei fünf zehn
    twee drie vijf tien""".split()
)
_ENGLISH_WORDS = frozenset("the a an of to and in is are for that with on as this these following what how which from by it be your you".split())
_ONLY_ENGLISH_WORDS = _ENGLISH_WORDS - {"a", "as", "in"}  # Portuguese, Italian, German and Dutch have these too
# Letters of scripts written with spaces that are not Latin: Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indian
# scripts, Thai, Georgian.
_OTHER_LETTERS = re.compile("[\u0370-\u058f\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u10a0-\u10ff]")
# French and Italian articles and prepositions joined to their word: "l'essenza", "dell'amicizia", "d'Europa".
_ELIDED_ARTICLES = tuple(f"{article}{apostrophe}" for article in ("l", "d", "dell", "all", "nell", "sull", "dall", "un", "qu") for apostrophe in "'’")
_FRENCH_OBJECT_STARTS = frozenset(
    "un une le la les des du cet cette ces ce deux trois quatre cinq six sept huit neuf dix chaque plusieurs quelques votre vos si "
    "comment pourquoi quel quelle quels quelles en à au aux dans sur par pour".split()
)
# A quotation is data, in any language: "Translate 'El gato está en la casa' into English".
_QUOTATION = re.compile(r"\"[^\"]*\"|“[^”“]*”|‘[^’‘]*’|«[^»«]*»|„[^“”„]*[“”]|(?<!\w)'[^']*'(?!\w)")  # in linear time: see european._QUOTATION


def reads_language_of(instruction: str, sentences: list[str] | None = None) -> bool:
    """Whether the rules read the instruction's language: English, Chinese, Japanese or Korean, not Spanish, Russian or
    Thai, which they would read as English ("Escribe un poema sobre el mar": the verb "escribe", the noun "mar").
    ``sentences``: its :func:`_sentences`, where the caller has them."""
    if unspaced.has_own_rules(instruction):
        return True
    text = _QUOTATION.sub(" ", " ".join(_sentences(instruction) if sentences is None else sentences))
    if not text.isascii() and len(_OTHER_LETTERS.findall(text)) * 4 >= len(text) - text.count(" ") > 0:
        return False
    text_words = words(text)
    if _is_french_imperative(text_words):
        return False
    found = set(text_words)
    other = len(found & _OTHER_LANGUAGE_WORDS)
    if "'" in text or "’" in text:
        other += sum(word.startswith(_ELIDED_ARTICLES) for word in found)
    if found.isdisjoint(_ONLY_ENGLISH_WORDS) and (
        european_verbs.leads_in_another_language(text_words)
        or european_verbs.lookalike_leads_in_another_language(text_words)
        or (other and text.endswith(" ?"))
    ):
        # "Genera cinco consejos", "Resuma o parágrafo a seguir": a verb form English lacks; "Complete la frase con la
        # palabra correcta": one English has, then short words it lacks; "Comment fonctionne le télescope Hubble ?":
        # French puts a space before its question mark. And no English word.
        return False
    if other >= 2:
        return other <= len(found & _ONLY_ENGLISH_WORDS)  # "in", "a", "as" are Dutch, Italian or Portuguese too
    # Four words have room for one such word: "Describe esta imagen", "Beschrijf deze afbeelding".
    return not (other == 1 and found.isdisjoint(_ENGLISH_WORDS) and sum(token[:1].isalpha() for token in text_words) <= 4)


def _is_french_imperative(tokens: list[str]) -> bool:
    """"Nommez trois scientifiques", "Générez une liste": an ending no English verb has, before a word that begins a
    French object ("Terez has 44 cows" is a name)."""
    if len(tokens) < 2 or not tokens[0].endswith("ez"):
        return False
    second = tokens[1]
    return second in _FRENCH_OBJECT_STARTS or second.startswith(("l'", "l’", "d'", "d’"))


def _is_another_language(instruction: str, sentences: list[str], first_words: list[str]) -> bool:
    """:func:`reads_language_of`, told at once for ASCII text without a word of another language (most of it)."""
    if (
        instruction.isascii()
        and _OTHER_LANGUAGE_WORDS.isdisjoint(first_words)
        and not _is_french_imperative(first_words)
        and not european_verbs.leads_in_another_language(first_words)
        and not instruction.endswith(" ?")  # "Qu'est-ce qu'un algorithme d'IA ?": French spacing
    ):
        return False
    return not reads_language_of(instruction, sentences)


def much_in_other_language(instructions: list[str]) -> bool:
    """Whether a quarter or more of ``instructions`` are in a language whose verbs the rules do not read: not one that
    :func:`reads_language_of`, nor one of :mod:`european_verbs`."""
    unread = sum(not reads_language_of(instruction) and not european_verbs.reads(instruction) for instruction in instructions)
    return unread * 4 >= len(instructions) > 0


def verb_and_noun(instruction: str) -> tuple[str | None, str | None, list[str]]:
    """The root verb (lower case) and the head noun of its object, plus the words that follow the verb."""
    return _verb_and_noun([words(sentence) for sentence in _sentences(instruction)])


def _sentences(instruction: str) -> list[str]:
    """The first three sentences, without parenthesised asides."""
    if "(" in instruction:
        instruction = _PARENTHESES.sub(" ", instruction)
    text = instruction.strip()
    last = len(text) - 1
    # Most instructions are one sentence: skip the regex unless a sentence could end before the last character.
    if "\n" in text or text.find(".", 0, last) >= 0 or text.find("?", 0, last) >= 0 or text.find("!", 0, last) >= 0:
        return _SENTENCE_END.split(text)[:3]
    return [text]


def _verb_and_noun(sentences: list[list[str]]) -> tuple[str | None, str | None, list[str]]:
    for index, tokens in enumerate(sentences):
        found = _find_verb(tokens, allow_question=index == 0)
        if found is None:
            continue
        verb, position = found
        if verb is not None and index < len(sentences) - 1 and _is_heading(tokens, verb, position):
            continue
        if verb is None:
            return None, None, tokens
        rest = tokens[position + 1 :]
        if verb in _CLAUSE_VERBS:
            return verb, None, rest
        if verb == "reverse" and rest[:1] == ["engineer"]:
            rest = rest[1:]
        if rest and rest[0] in _ADVERBIAL_STARTS:  # "Describe in detail the process of ...", "Explain in simple terms ..."
            rest = next((rest[len(phrase) :] for phrase in _ADVERBIAL_PHRASES if tuple(rest[: len(phrase)]) == phrase), rest)
            if rest[:3] == ["in", "a", "few"] and rest[3:4] and rest[3] in _LENGTH_UNITS:
                rest = rest[4:]  # "Describe in a few words the main features of ..."
            elif rest[:1] == ["in"] and rest[2:3] and rest[2] in _LENGTH_UNITS and _is_number(rest[1]):
                rest = rest[3:]  # "Explain in 100 words the concept of ..."
        preposition = _PREPOSITIONAL_VERBS.get(verb)
        return verb, _object_noun(rest[1:] if preposition and rest[:1] == [preposition] else rest), rest
    return None, None, []


def _is_heading(tokens: list[str], verb: str, position: int) -> bool:
    """A sentence before the task that only names it: "Arithmetic exercise. What is ...", "Dependency parsing for ..."."""
    if verb in _TASK_VERBS:
        return False
    following = tokens[position + 1 : position + 2]
    return len(tokens) <= 3 or (verb not in _KNOWN_VERBS and bool(following) and following[0].endswith("ing"))


def _find_verb(tokens: list[str], allow_question: bool) -> tuple[str | None, int] | None:
    """(verb, index) of the imperative verb; (None, 0) for a question; None when there is no verb."""
    start = _skip_prefixes(tokens, 0)
    if start >= len(tokens):
        return None
    first = tokens[start]
    # "Given the input, write ...", "Referring to the link, explain ...", "You are given a text, edit it ...": the
    # verb heads the clause after a comma, not a word of a list before it ("Given 3 integers a, b, c, compute ...").
    if first in _PREPOSITIONS and tokens[start + 1 : start + 2] and tokens[start + 1] in _WH_WORDS:
        return (None, 0) if allow_question else None  # "In which year did ...?", "At what temperature ...?"
    introduces = first in _INTRODUCERS or (len(first) > 5 and first.endswith("ing")) or (
        first == "you" and tokens[start + 1 : start + 3] in (["are", "given"], ["are", "provided"])
    )
    if introduces and (first in _INTRODUCERS or "," in tokens):
        for comma, token in enumerate(tokens[start:], start=start):
            if token != ",":
                continue
            found = _find_verb(tokens[comma + 1 :], allow_question)
            if found is not None and (found[0] is None or tokens[comma + 2 + found[1] : comma + 3 + found[1]] != [","]):
                return found[0], found[1] + comma + 1
        return None
    if first == "you":
        match = _TASK_IS.search(" ".join(tokens[start:]))
        if match:
            verb = match.group(1) or match.group(2)
            return verb, tokens.index(verb, start)
    if first == "do" and tokens[start + 1 : start + 2] and tokens[start + 1] in DETERMINERS:
        return first, start  # "Do the following equation", unlike "Do you ..."
    if first in QUESTION_WORDS:
        return (None, 0) if allow_question else None
    # The rules know English: "Écrivez", "Erkläre", "写" are no verbs they can name.
    if first in _NOT_VERBS or not first[0].isalpha() or not first.isascii() or _is_a_subject(tokens, start):
        return None
    return first, start


def _is_a_subject(tokens: list[str], start: int) -> bool:
    """"GPT model should generate ...", "Cats are mammals", "John buys 3 apples", "Mary's dog ...": the sentence
    starts with its subject, not a verb."""
    first = tokens[start]
    second, third = tokens[start + 1 : start + 2], tokens[start + 2 : start + 3]
    if (second and second[0] in _AUXILIARIES) or first.endswith(("'s", "’s")):
        return True
    if third and third[0] in _MODALS and second[0].isalpha() and second[0] not in _NOT_A_SUBJECT:
        return True
    if first in _KNOWN_VERBS:
        return False
    # A name and then a verb in the present or past: "John buys 3 apples", "Taylor Swift released a new album".
    if _is_finite_verb(tokens, start + 1) or (
        bool(second) and second[0].isalpha() and second[0] not in _NOT_A_SUBJECT and _is_finite_verb(tokens, start + 2)
    ):
        return True
    # Names joined by "and" and commas, then their verb: "Rachel and Sara want to ...", "Ann, Bill, and Cate are ...",
    # "Caleb and his dad went ...", "Nancy, the librarian, is ...".
    position = start + 1
    while tokens[position : position + 1] in ([","], ["and"]):
        position += 1
        if tokens[position : position + 1] == ["and"]:
            position += 1
        position += 2 if tokens[position : position + 1] and tokens[position] in DETERMINERS else 1  # the next name
        if tokens[position : position + 2] and tokens[position] == "," and tokens[position + 1] in _AUXILIARIES:
            position += 1  # the comma that closes an apposition
    if position == start + 1 or position + 1 >= len(tokens):
        return False
    verb, following = tokens[position], tokens[position + 1]
    plural_verb = verb in _STORY_VERBS or (verb in _INFINITIVE_VERBS and following == "to")  # "Lisa and Carly go ..."
    return verb in _AUXILIARIES or plural_verb or _is_finite_verb(tokens, position)


def _is_finite_verb(tokens: list[str], position: int) -> bool:
    """"buys", "released" or "bought" at ``position``, before what it takes ("3 apples", "a new album", "to go")."""
    if position + 2 >= len(tokens):
        return False
    word, following, after = tokens[position], tokens[position + 1], tokens[position + 2]
    takes_an_object = following in DETERMINERS or following in _NUMBER_WORDS or following[0].isdigit() or following == "$"
    if word in _PLAIN_PASTS:
        return True
    if word in _AMBIGUOUS_PASTS or _is_participle(word):
        return takes_an_object or following in _PREPOSITIONS or (len(following) > 4 and following.endswith("ing"))
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "'s", "’s")):
        return False
    if singular(word) in _STORY_VERBS:
        return True  # "Jim collects model cars", "Peter goes to the store"
    # "decides to go", unlike a plural before a preposition: "Explore ways to ...", "Incorporate ideas from ...".
    return takes_an_object or (following == "to" and after.isalpha() and singular(word) in _INFINITIVE_VERBS)


def _skip_prefixes(tokens: list[str], start: int) -> int:
    if start + 1 < len(tokens) and tokens[start] in _HEADINGS and tokens[start + 1] == ":":
        start += 2  # "Task: Write a poem ...", "Q: What is ...?"
    elif "-" in tokens[start + 1 : start + 3]:
        dash = tokens.index("-", start + 1)
        if dash + 1 < len(tokens) and tokens[dash + 1] in _KNOWN_VERBS:
            start = dash + 1  # "Fact checking - tell me if ..."
    if start < len(tokens) and tokens[start] not in _PREFIX_STARTS and not tokens[start].endswith("ly") and tokens[start] != ",":
        return start
    changed = True
    while changed and start < len(tokens):
        changed = False
        for prefix in _POLITE_PREFIXES:
            if tuple(tokens[start : start + len(prefix)]) == prefix:
                start += len(prefix)
                changed = True
        if start < len(tokens) and (tokens[start] == "," or _is_leading_adverb(tokens, start)):
            start += 1
            changed = True
    return start


def _is_leading_adverb(tokens: list[str], start: int) -> bool:
    """"Briefly describe ...": an -ly word followed by the verb it modifies (not "Apply the ...", "Reply to ...")."""
    following = tokens[start + 1 : start + 2]
    return (
        tokens[start].endswith("ly")
        and tokens[start] not in _LY_VERBS
        and bool(following)
        and following[0].isalpha()
        and following[0] not in DETERMINERS
    )


def _object_noun(rest: list[str]) -> str | None:
    """Head noun of the noun phrase that follows the verb, or None for a clause or no object."""
    i = 0
    # Coordinated verbs ("compare and contrast X"), a phrasal verb in -ing ("try coming up with X") and phrasal
    # particles ("come up with X").
    if len(rest) > 1 and rest[0] in {"and", "or"}:
        i = 2
    elif len(rest) > 1 and rest[0].endswith("ing") and rest[1] in _PARTICLES:
        i = 1
    while i < len(rest) and rest[i] in _PARTICLES:
        i += 1
        if i < len(rest) and rest[i] == "with":
            i += 1
    if i + 1 < len(rest) and rest[i] in _OBJECT_PRONOUNS:
        if rest[i + 1] in _AUXILIARIES:
            return None  # "Imagine you are ...": a clause, not an object
        if rest[i + 1] not in _PRONOUN_OBJECT_ENDS:
            i += 1
    if tuple(rest[i : i + 2]) in _QUANTIFIERS:
        i += 2
    elif tuple(rest[i : i + 3]) in _QUANTITIES:  # "a couple of jokes"
        i += 3
    if i >= len(rest) or rest[i] in _CLAUSE_STARTS:
        return None
    head = None
    content = 0
    quoted = False
    for position, token in enumerate(rest[i:], start=i):
        if quoted and token[0].isalnum():
            head, content = token, content + 1  # no boundaries inside quotes: 'an "about us" page', 'Translate "Bonjour"'
            continue
        if not token[0].isalnum():
            # "a 'Hello World' program"; after the head a quote or dash starts an apposition: "the words 'like'",
            # "the output - open or close".
            if (
                ((token == "-" or token in {"'", "’"}) and not content)
                or (token in {"+", "#"} and rest[position - 1] in {"c", "+"})
                or (token == "%" and rest[position - 1][0].isdigit())
            ):
                continue  # also "a C++ program", "a C# class", "a 10% discount"
            # 'a "Hello World" program', "Replace the [verb]"; not 'the phrase "..."'.
            if (token in _QUOTES and (quoted or not content)) or (token == "[" and not content) or (token == "]" and quoted):
                quoted = not quoted
                continue
            break
        if content and token in _COORDINATORS and _joins_adjectives(head, rest, position + 1):
            continue  # "a creative but feasible idea", "the political and economic systems"
        if content and (
            token in _ENDS_A_NOUN_PHRASE
            or (token in _SUBJECT_PRONOUNS and rest[position - 1] != "thank")  # "the measures you can take"
            or (_is_participle(token) and not _is_compound_modifier(rest, position + 1))
            or token in {"following", "given", "being"}  # "the tone being used"
            or (position + 1 < len(rest) and rest[position + 1] == "than")  # "the biggest prime number less than 100"
            or token in _POSTPOSITIVE  # "the nouns present in the sentence"
            or (token.endswith("ing") and token not in _ING_NOUNS and _starts_a_participle_clause(rest, position + 1, head))
            or (token.endswith("ly") and token not in _LY_NOUNS and _ends_the_clause(rest, position + 1))  # "the cable correctly"
        ):
            break
        if not content and (
            token in _ADJECTIVAL_PARTICIPLES
            or (token.endswith("ly") and _is_adjectival(rest, position + 1))
            or (_is_participle(token) and position + 1 < len(rest) and rest[position + 1][0].isalnum())
        ):
            continue  # "a related topic", "a commonly used phrase", "the expected 10% return"
        if token in {"to", "or"} and not content and 0 < position < len(rest) - 1 and _is_number(rest[position - 1]) and _is_number(rest[position + 1]):
            continue  # "a 5 to 7 lines story", "two or three sentences"
        if token in _BOUNDARIES_NOT_DETERMINERS and token not in _ING_NOUNS:  # "a new ending to the story"
            break
        if token in DETERMINERS or token in _INTENSIFIERS or token[0].isdigit() or len(token) == 1 or (token == "top" and _NUMBERED.match(" ".join(rest[position + 1 : position + 2]))):
            continue
        head = token
        content += 1
        if (
            token in _NAMING_NOUNS
            and rest[position - 1 : position] == ["the"]
            and rest[position + 1 : position + 2]
            and rest[position + 1].isalpha()
            and rest[position + 1] not in _WORD_COMPOUNDS
        ):
            break  # "define the term gerrymandering", "explain the idiom break a leg"
    return singular(head.removesuffix("'s").removesuffix("’s")) if head and head not in _NOT_HEADS else None


def _joins_adjectives(head: str | None, tokens: list[str], position: int) -> bool:
    """Whether the conjunction before ``position`` joins two adjectives of a noun still to come."""
    return (
        head is not None
        and head.endswith(_ADJECTIVE_SUFFIXES)
        and position + 1 < len(tokens)
        and tokens[position].isalpha()
        and tokens[position] not in DETERMINERS
        and tokens[position + 1].isalpha()
        and tokens[position + 1] not in _ENDS_A_NOUN_PHRASE
    )


def _starts_a_participle_clause(tokens: list[str], position: int, head: str | None) -> bool:
    """Whether the -ing word before ``position`` starts a clause ("a song expressing sadness", "the meaning of"),
    not a compound ("a machine learning model")."""
    if position >= len(tokens):
        return False
    return tokens[position] in _AFTER_A_PARTICIPLE or (head in _WRITTEN_THINGS and tokens[position][0].isalpha())


def _is_compound_modifier(tokens: list[str], position: int) -> bool:
    """The participle before ``position`` ends a modifier of the noun at ``position``: "a holiday themed song"."""
    following = tokens[position] if position < len(tokens) else ""
    return following.isalpha() and following not in _ENDS_A_NOUN_PHRASE and following not in _SUBJECT_PRONOUNS


def _ends_the_clause(tokens: list[str], position: int) -> bool:
    """Nothing of the noun phrase follows ``position``: the end, punctuation or a boundary word."""
    return position >= len(tokens) or not tokens[position][0].isalnum() or tokens[position] in _NP_BOUNDARIES


def _is_adjectival(tokens: list[str], position: int) -> bool:
    """A participle at ``position`` that modifies a noun after it ("used" in "a commonly used phrase")."""
    return position + 1 < len(tokens) and (tokens[position] in _ADJECTIVAL_PARTICIPLES or _is_participle(tokens[position]))


def _is_number(token: str) -> bool:
    return token[0].isdigit() or token in _NUMBER_WORDS


def _is_participle(token: str) -> bool:
    return len(token) > 4 and token.endswith("ed") and not token.endswith("eed")


def singular(noun: str) -> str:
    """A light lemmatiser for the plural head nouns of instructions."""
    noun = noun.strip("'’\"")
    if noun in _IRREGULAR_NOUNS:
        return _IRREGULAR_NOUNS[noun]
    if len(noun) <= 3 or not noun.endswith("s") or noun.endswith(("ss", "us", "is")) or noun in _SINGULAR_IN_S:
        return noun
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-1] if noun[:-1] in _IE_NOUNS else noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return noun[:-2]
    return noun[:-1]


class _Keywords:
    """Words and phrases to find among an instruction's tokens: set lookups instead of regex alternations."""

    def __init__(self, words: str, phrases: tuple[str, ...] = ()) -> None:
        self.words = frozenset(words.split())
        by_start: dict[str, list[str]] = {}
        for phrase in phrases:
            by_start.setdefault(phrase.split()[0], []).append(f" {phrase} ")
        self.phrase_starts = frozenset(by_start)
        self.phrases_by_start = tuple((start, tuple(padded)) for start, padded in by_start.items())

    def found(self, text: _Text) -> bool:
        if not self.words.isdisjoint(text.words):
            return True
        if self.phrase_starts.isdisjoint(text.words):
            return False
        return any(
            phrase in text.padded for start, phrases in self.phrases_by_start if start in text.words for phrase in phrases
        )


class _Text(NamedTuple):
    """An instruction in the forms the keyword checks need."""

    lowered: str
    words: frozenset[str]
    padded: str  # " token token ... " so that phrases match whole words

    @classmethod
    def of(cls, instruction: str, tokens: list[str]) -> _Text:
        return cls(instruction.lower(), frozenset(tokens), f" {' '.join(tokens)} ")


# Languages named like people or things ("Ruby has 5 apples", "Taylor Swift", "covered in rust"): code only
# beside a word of code ("a Swift app", "using Rust").
_LANGUAGES_WITH_COMMON_NAMES = ("ruby", "swift", "rust")
_CODE = _Keywords(
    "code coding program programming function algorithm python java javascript typescript sql html css "
    "regex api json xml pseudocode pseudo-code debug compile recursion recursive loop array query shell leetcode "
    "bash git php kotlin golang matlab webpage if-else for-loop while-loop boolean",
    ("c + +", "c #", "regular expression", "web page", "database query", "linux command", "excel formula",
     "data structure", "data model", "binary search", "sorting algorithm", "script to", "script that", "python script",
     "shell script", "bash script", "class that", "class in", "python class", "java class", "using rust",
     *(f"{language} {thing}" for language in _LANGUAGES_WITH_COMMON_NAMES
       for thing in ("code", "program", "script", "function", "class", "app", "developer", "programming", "language"))),
)
_LANGUAGES = ("python", "javascript", "java", "c + +", "sql", "ruby", "swift", "php", "golang")
_LANGUAGE_WORDS = frozenset(language.split()[0] for language in _LANGUAGES)
_IN_A_LANGUAGE = _Keywords("", tuple(f"{how} {language}" for how in ("using", "in") for language in _LANGUAGES))
_CODE_ACTION = _Keywords(
    "write create develop construct generate design build implement provide give suggest edit rewrite debug fix update transform refactor add parse "
    "convert modify optimize optimise translate"
)
# Every alternative starts with a literal character, so the regex engine skips straight to candidate
# positions (5x faster): "d(?<!\wd)ef " is "\bdef " with the word boundary checked after the "d".
# Braces around numbers are a set ("{2, 4, 6}"), and only HTML's own tags count ("<noun>" is a blank to fill).
_CODE_INPUT = re.compile(
    r"d(?<!\wd)ef |f(?<!\wf)unction\s*\(|[\n;{:][ \t]*return\b|;\s*$|\{(?!\s*-?\d)|\}(?<!\d\})|==|\+=|i(?<!\wi)nt |p(?<!\wp)rint\(|console\.log|"
    r"SELECT .* FROM|</?(?i:html|head|body|div|span|p|a|b|i|em|strong|ul|ol|li|table|tr|td|th|h[1-6]|br|script|style|form|button)>|import ",
    re.M,
)
_MATH = _Keywords(
    "calculate compute equation equations math maths mathematical arithmetic percentage percent perimeter radius "
    "circumference diameter "
    "ph molarity fibonacci divisible factorial probability fahrenheit celsius fraction decimal integer derivative integral logarithm "
    "exponent quadratic polynomial triangle hypotenuse plus minus formula multiply multiplying subtract subtracting dividing "
    "median average radians degrees angle ratio",
    ("sum of", "product of", "average of", "mean of", "median of", "mode of", "area of", "volume of", "square root",
     "cube root", "power of", "divided by", "multiplied by", "prime number", "prime numbers", "greatest common",
     "least common", "interest rate", "compound interest", "simple interest",
     "total cost", "ratio of", "missing number", "next number", "natural numbers", "even numbers", "odd numbers", "whole numbers", "perfect numbers", "perfect number", "composite numbers", "simplify the expression", "evaluate the expression", "algebraic expression"),
)
# Maths words with other meanings ("divide the article"): maths only with digits to work on. "Times" is
# left to the arithmetic pattern: "since ancient times" in a text with a number is no multiplication.
_DIGIT_MATH = _Keywords("divide round rounded")
_HOW_MANY = _Keywords("", ("how many", "how much"))
_HOW_MEASURE = _Keywords("", ("how long", "how far", "how old", "how fast", "how often", "how big", "how tall"))
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)?")
_TWO_TO_TEN = "two|three|four|five|six|seven|eight|nine|ten"
_QUANTITIES_NOT_YEARS = re.compile(r"(?<![\d.,])(?!1[5-9]\d\d\b|20\d\d\b)\d+(?:[.,]\d+)?")
# Quantities in words ("twice as old", "two years ago"); not "one", which is as often a pronoun.
_QUANTITY_WORDS = re.compile(
    rf"\b(?:{_TWO_TO_TEN}|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|"
    r"half|twice|thrice|double|triple|quarter)\b"
)
_MATH_WITHOUT_NUMBERS = _Keywords(
    "equation calculate calculates compute derivative integral probability mathematical formula theorem trigonometric "
    "trigonometry",
    ("truth table",),
)
_ARITHMETIC = re.compile(r"\d\s*[+*/^×÷x]\s*\d|\d\s+-\s+\d|\d\s*%|=\s*\d")
# A quantity with its unit is maths when a result is asked for ("What is 10 km in miles?"), not in "lose 10 pounds".
_QUANTITY = re.compile(r"\d+\s*(?:km|kg|miles?|meters?|cm|feet|ft|inch(?:es)?|yards?|ounces?|liters?|pounds?|degrees)\b")
_CONVERT_NUMBER = re.compile(r"\bconvert \d")
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset("zero one two three four five six seven eight nine ten twenty hundred thousand half twice dozen".split())
_ASKS_FOR_A_RESULT = _Keywords("calculate compute find determine estimate what")
_SUMMARIZE = _Keywords(
    "summarize summarise summarizes summarises summarized summary summarizing summarization text-summarize tldr gist",
    ("tl ; dr",),
)
# Without a text to read, "the main points for a presentation" are to be written, not summarised.
_MAIN_POINTS = _Keywords("", ("main idea", "main ideas", "main point", "main points", "main argument", "main arguments", "key points", "key takeaways", "important points"))
_GRAMMATICAL_THINGS = ("word", "sentence", "speech", "verb", "noun", "adjective", "adverb", "pronoun", "phrase", "clause")
_CLASSIFY = _Keywords(
    "classify categorize categorise classifies sentiment",
    ("true or false", "yes or no", "fact or opinion", "fact or an opinion", "positive or negative",
     "positive , negative", "positive , or negative", "which category", "what category", "correct category",
     "tell me whether", "tell me if", "does not fit", "doesn't fit", "does not belong", "doesn't belong", "do not belong", "don't belong", "parts of speech", "into two categories", "into categories", "odd one out", "into two groups", "into groups", "decide which",
     *(f"what {kind} of {thing}" for kind in ("type", "kind", "part") for thing in _GRAMMATICAL_THINGS),
     *(f"{verb} {conjunction}" for verb in ("determine", "decide", "identify", "tell", "indicate", "check", "detect", "predict") for conjunction in ("whether", "if")),
     *(f"label {word}" for word in ("the", "each", "this")), *(f"assign {word}" for word in ("a", "the", "each")),
     *(f"{verb} the {kind} of" for verb in ("identify", "determine", "predict", "name") for kind in ("type", "kind", "category", "genre", "class")),
     *(f"{verb} the {part} of speech" for verb in ("identify", "determine", "name", "label", "give", "find") for part in ("part", "parts")),
     *(f"which {kind} of {thing}" for kind in ("type", "kind") for thing in _GRAMMATICAL_THINGS)),
)
# The task names the classes to choose from: "Intent can be one of the following categories: 1) ...", "Topic
# candidates include: politics, sports, ...".
_CLASS_NOUNS = ("categories", "labels", "classes", "candidates", "options", "intents", "topics")
_NAMES_THE_CLASSES = _Keywords(
    "",
    (*(f"{noun} include" for noun in _CLASS_NOUNS), *(f"one of the following {noun}" for noun in _CLASS_NOUNS),
     *(f"possible {noun}" for noun in ("categories", "labels", "classes", "intents"))),
)
_QUOTED_PASSAGE = re.compile(r"\b(?:sentence|phrase|text|passage|paragraph|statement|quote)s?(?::\s+|:?\s*[\"“]|\s*\n\s*)\w+ \w+")
_ABOUT_THE_INPUT = re.compile(r"\b(?:following|given|this|above|below) (?:sentence|text|passage|paragraph|article|story|poem|statement|excerpt|quote|description)\b")
_EDITING_WORDS = frozenset("fix improve correct".split())
_TITLE_WORDS = frozenset("title headline slogan caption".split())
_ASKS_FOR_A_TITLE = re.compile(rf"\b(?:a good|an appropriate|a suitable|a catchy|a better|the best) (?:{'|'.join(sorted(_TITLE_WORDS))})\b")
_CHOICE_LINE = re.compile(r"^\s*\(?[a-dA-D](?:\)|[.:] )", re.M)
_SORTING_INTO_CLASSES = frozenset("classify categorize categorise label tag group".split())
_CLASSIFYING_VERBS = _SORTING_INTO_CLASSES | {"rate", "grade"}
_JUDGING_VERBS = frozenset("evaluate assess judge review critique".split())
_SCORES = frozenset("score scale rating grade".split())
_LABELS = frozenset("tag label category class".split())
_KINDS = _LABELS | {"type", "kind"}  # "Identify the types of content in the following list"
_LABELLED_QUALITIES = frozenset("tone mood emotion sentiment tense bias".split())
_NAMING_VERBS = frozenset("identify determine detect describe predict tell find infer name guess designate".split())
_IS_THIS_A = re.compile(r"\bis (?:this|the following|the given|it) (?:a |an )?(?:sentence|statement|text|word|phrase|example|question)\b")
_REWRITE = _Keywords(
    "rewrite rewriting re-write rephrase paraphrase reword re-word translate translation proofread spelling "
    "grammar edit revise tense punctuate punctuation punctuated punctuating correction",
    ("passive voice", "active voice", "correct version", "corrected version", "and correct", "more concise", "more formal", "less formal", "grammatically correct",
     *(f"correct the {thing}" for thing in ("grammar", "spelling", "sentence", "error", "errors", "mistake", "mistakes")),
     "synonym for each", "synonyms for each",
     *(f"into {language}" for language in ("french", "spanish", "german", "italian", "chinese", "japanese", "english")),
     *(f"{language} {word}" for language in ("french", "spanish", "german", "italian", "chinese", "japanese")
       for word in ("word for", "equivalent", "translation"))),
)
_VERSIONS = frozenset("version adaptation variation".split())
_FILLS_A_GAP = _Keywords("", ("complete the sentence", "complete the following sentence", "fill in the blank", "fill in the blanks", "missing word"))
_SAME_MEANING = _Keywords("", ("same meaning", "similar meaning", "original meaning"))
_OWN_WORDS = _Keywords("", ("in your own words",))  # with a text given: "Read the instructions and explain them in your own words"
_MENTIONS_TEXT = _Keywords("sentence word text phrase paragraph passage statement sentences words texts phrases paragraphs passages statements")
_CREATIVE_NOUNS = frozenset("analogy poem story essay metaphor simile song joke slogan tagline tweet haiku title headline limerick".split())
_TOLD_STORIES = _CREATIVE_NOUNS | {"tale", "riddle", "anecdote", "fable"}
_FIGURES_OF_SPEECH = frozenset("hyperbole metaphor simile alliteration idiom pun oxymoron personification onomatopoeia".split())
_PROSE_NOUNS = _CREATIVE_NOUNS | {"sentence", "paragraph"}  # "two sentences about programming" are not code
_DEFINITION_NOUNS = frozenset("definition term meaning overview".split())
_TEACHING = frozenset("course lesson curriculum syllabus workshop".split())
_CODE_WORDS_MEANT_OTHERWISE = (("programming", " programming language"), ("function", " function of "))
_SOFTWARE_OR_NOT = ("program", "programs", "script", "scripts")
_NOT_SOFTWARE = re.compile(
    r"\bscripts? for (?:a|an|the) (?:scene|play|movie|film|video|commercial|podcast|skit|show|episode)\b|"
    r"\b(?:fitness|exercise|training|loyalty|rewards?|workout|educational|mentoring|wellness|marketing|tv|"
    r"television|radio|volunteer|exchange|after-school|study) programs?\b"
)
_DESIGNED_THINGS = frozenset("design plan schedule menu itinerary outline layout agenda recipe routine experiment".split())
_PASSAGE_WORDS = frozenset("text passage article paragraph story input document excerpt poem email report".split())
_WORKS = _PASSAGE_WORDS | frozenset("movie film book novel paper episode play show series speech lecture podcast video".split())
_WRITTEN_PIECES = frozenset("sentence paragraph poem story essay haiku limerick verse line letter email tweet".split())
_WRITTEN_FORMS = frozenset("post blog article essay tweet email letter poem speech story song report paragraph".split())
_TEXT_NOUNS = frozenset(
    "sentence text paragraph passage phrase word statement title headline line quote email letter essay story "
    "poem lyric verse tweet slogan name question answer code".split()
)
_WRITTEN_EXAMPLES = _TEXT_NOUNS | _FIGURES_OF_SPEECH
_WRITTEN_THINGS = _TEXT_NOUNS | _WRITTEN_FORMS | _CREATIVE_NOUNS  # "a tweet expressing amazement"
_WRITTEN_SUGGESTIONS = _TEXT_NOUNS | _CREATIVE_NOUNS | _DESIGNED_THINGS
_EXTRACT_NOUNS = frozenset(
    "word sentence phrase name entity keyword noun verb adjective adverb pronoun subject object date number letter "
    "email address fact detail example error mistake location person place organization city country "
    "character term metaphor simile preposition conjunction clause topic theme url expression".split()
)
_KEYWORD_LIST = _Keywords("", ("keyword list", "list of keywords", "keywords from", "keywords in", "keywords of"))
_EXTRACT_VERBS = frozenset("extract find identify pick select locate highlight underline circle detect spot retrieve list output parse".split())
_FROM_THE_PASSAGE = re.compile(rf"\bfrom (?:the|this) (?:given |following )?(?:{'|'.join(sorted((_PASSAGE_WORDS - {'input'}) | {'sentence'}))})\b")
_PASSAGE_REF = re.compile(rf"\b(?:according to|based on|in|from) (?:the|this) (?:{'|'.join(sorted(_PASSAGE_WORDS))})\b")
_QA_VERBS = frozenset(
    "answer interpret analyze analyse infer explain evaluate describe discuss identify determine find deduce cite "
    "count critique assess review".split()
)
# A number of things: "name five tools", "any 3 examples", "at least 5 ways".
_COUNTED = re.compile(
    rf"\b(?:any )?(?:\d+|{_TWO_TO_TEN}|a few|some|several|multiple|all|many|a couple of|"
    r"a number of|at least \w+)\b"
)
_NUMBERED = re.compile(rf"(?:\d+|{_TWO_TO_TEN}|a few|several)\b")
_IDEA_NOUNS = frozenset(
    "way idea tip suggestion strategy reason method step activity option alternative solution benefit "
    "advantage disadvantage example thing item question factor technique practice habit use application "
    "career name topic resource book movie place destination tool feature goal hobby gift action measure rule type kind characteristic".split()
)
# In the plural, without "the", these are ideas: "Generate ideas for ...", "Generate potential titles for a book".
_PLURAL_IDEAS = (_IDEA_NOUNS - {"step"}) | {"title", "slogan", "headline", "tagline", "argument"}
_IDEAS_ALONE = frozenset("idea solution recommendation".split())  # ideas even one at a time
_ONE_IDEA = _IDEAS_ALONE | frozenset("way tip strategy method".split())  # not "Name one benefit of meditation": a fact
_LIST_QUESTION = re.compile(
    rf" (?:what|which) are (some|several|a few|the possible|the potential|\d+|{_TWO_TO_TEN})(?: good| other| common)? ([a-z]+) (?:([a-z]+) )?"
)
_LISTING_VERBS = frozenset("name list suggest give provide find identify generate come think recommend propose mention".split())
_WORD_RELATIONS = frozenset("related rhyme rhymes rhyming describe describes associated similar".split())
_LEXICAL_NOUNS = frozenset("synonym antonym homophone rhyme word".split())
_BRAINSTORM_VERBS = frozenset(
    "name suggest give provide generate find identify come think recommend propose offer share mention "
    "brainstorm list compile make create construct develop outline build".split()
)
_HANDING_OVER_VERBS = frozenset("return output produce give provide write prepare draft put".split())  # "put together a list"
_GENERATION_VERBS = frozenset(
    "write compose create generate design develop draft make construct come invent produce craft build "
    "imagine pretend continue sing tell formulate structure devise plan prepare draw script narrate "
    "act role-play roleplay dialogue think speak say reply extend recreate frame sketch synthesize greet complete finish fill suggest propose debate argue post".split()
)
_REWRITE_VERBS = frozenset(
    "rewrite re-write rephrase paraphrase reword re-word edit revise correct translate proofread shorten "
    "simplify improve fix modify restructure reformat relabel capitalize punctuate condense expand "
    "combine replace insert delete remove transform convert change turn rearrange re-arrange reorder "
    "arrange make update append adjust alter add break split clarify encode reconstruct transcribe format reformulate restate reframe "
    "decipher decode decrypt encrypt normalize standardize reverse divide swap reorganise reorganize join enumerate toggle".split()
)
_STRONG_REWRITE_VERBS = frozenset(
    "rewrite re-write rephrase paraphrase reword re-word edit revise correct translate proofread relabel "
    "reformat restructure punctuate capitalize reformulate restate reframe".split()
)
_MAKING_VERBS = _GENERATION_VERBS | _REWRITE_VERBS
_PREAMBLE_VERBS = frozenset("take read use look consider study research".split())
# Rewriting verbs that keep a task about text even when the input looks like code ("rewrite" and "edit" may be about code).
_TEXT_REWRITE_VERBS = _STRONG_REWRITE_VERBS - {"rewrite", "edit"}
_RULES = frozenset("rules instructions guidelines directions principles policies".split())
_ITEMS = frozenset("item list number object element".split())
_SORTING_VERBS = frozenset("sort rank order arrange rearrange re-arrange reorder organize organise place".split())
_LOOKUP_VERBS = frozenset("look browse search visit".split())
_ACTIONS_IN_THE_WORLD = frozenset(
    "book reserve remind store authenticate crop colorize colourize disconnect install purchase buy pay download upload click".split()
)
_ORDERING_VERBS = frozenset("sort rank order arrange assemble rearrange re-arrange reorder match pair".split()) | _LOOKUP_VERBS
_YES_NO_QUESTION_WORDS = QUESTION_WORDS - _WH_CONTRACTIONS - {"what", "who", "whom", "whose", "which", "where", "when", "why", "how"}
_KNOWLEDGE_NOUNS = frozenset(
    "example explanation description meaning definition overview advice fact equivalent synonym antonym "
    "advantage disadvantage reason rationale context analysis feedback answer summary insight detail "
    "information opinion estimate recommendation tip evidence justification interpretation direction".split()
) | _LEXICAL_NOUNS
# "Describe the color red in a metaphorical way": writing, however definite the object.
_CREATIVE_MANNER = _Keywords(
    "metaphorically poetically creatively vividly humorously imaginatively hypothetical imaginary fictional fictitious",
    tuple(f"{manner} {way}" for manner in ("metaphorical", "poetic", "creative", "vivid", "humorous", "imaginative") for way in ("way", "manner")),
)
# "Describe what you like most about the city you live in": the writer's own life, to be made up.
_PERSONAL = _Keywords(
    "",
    ("you have had", "you had", "you attended", "you like", "you live", "you love", "you enjoy", "you visited",
     "you remember", "you experienced", "you went", "you have seen", "you ever", "you admire", "your favorite", "your favourite",
     "your childhood", "your life"),
)
_SENSATIONS = frozenset("sound smell taste scent texture atmosphere feeling sensation aesthetics beauty scenery".split())
_FACTUAL_DESCRIBE = frozenset(
    "process concept difference differences history role importance impact effect effects benefit benefits "
    "cause causes function structure feature features characteristic characteristics purpose "
    "meaning significance advantage advantages trend trends challenge challenges performance character "
    "culture economy life properties property theory principle principles method methods "
    "relationship types type system way situation scenario measure application use model technique techniques aspect "
    "example solution issue problem case".split()
)


# Verbs that name a task, for :func:`_task_verb`.
_TASK_VERBS = (
    _MAKING_VERBS | _QA_VERBS | _EXTRACT_VERBS | _BRAINSTORM_VERBS | _CLASSIFYING_VERBS | _ORDERING_VERBS | _NAMING_VERBS
) | {"summarize", "summarise"}
# Verbs that never start a sentence as its subject, even before a plural and a determiner: "Show users the steps".
_KNOWN_VERBS = (
    _TASK_VERBS | _PREAMBLE_VERBS | _JUDGING_VERBS | _ACTIONS_IN_THE_WORLD | _SORTING_VERBS | _LOOKUP_VERBS
    | _HANDING_OVER_VERBS | _CLAUSE_VERBS | frozenset(_PREPOSITIONAL_VERBS)
) | frozenset(
    "compare contrast calculate compute solve estimate multiply define implement choose decide collect resolve state "
    "express apply specify report follow do show teach send offer ask give tell lend pass serve bring get hand assign "
    "award grant pay promise practice practise avoid stop keep start try enjoy quit begin continue".split()
)


def _categorize(text: _Text, input_: str, verb: str | None, noun: str | None, rest: list[str], otherwise: str = "open_qa") -> str:
    """One of :data:`CATEGORIES` for an instruction and its input; ``otherwise`` where no rule decides."""
    has_input = bool(input_.strip())
    if _is_coding(text, input_, verb, noun):
        return "coding"
    writes_or_edits_prose = (verb in _STRONG_REWRITE_VERBS or verb in _GENERATION_VERBS) and noun in _PROSE_NOUNS
    names_the_classes = _NAMES_THE_CLASSES.found(text)  # "... one of the following categories: 1) ...; 2) ..."
    if not writes_or_edits_prose and verb not in _SORTING_INTO_CLASSES and not names_the_classes and _is_math(text, input_):
        return "math"  # not "Edit the sentence: 'The decision is calculate the amount'", "Write a story about a 13-year-old"
    summary_words = _SUMMARIZE.found(text) or (_MAIN_POINTS.found(text) and (has_input or _refers_to_passage(text)))
    # "Write a blog post summarizing why ..." writes a post; "... summarizing the given story / the movie Inception" summarizes.
    writes_a_piece = verb in _GENERATION_VERBS and noun in _WRITTEN_FORMS and not has_input and not _summarizes_a_work(rest)
    outlines_a_passage = noun == "outline" and len(input_.split(None, 8)) > 8  # "Write an outline of the story below"
    sums_up = (verb == "sum" and rest[:1] == ["up"]) or noun == "synopsis"  # "Sum up the sentence", "Write a synopsis of"
    if verb in {"summarize", "summarise"} or sums_up or outlines_a_passage or (summary_words and verb not in _STRONG_REWRITE_VERBS and not writes_a_piece):
        return "summarization"
    # "Design a system to classify ...", "Create a survey question to understand customer sentiment".
    designs_a_classifier = verb in _GENERATION_VERBS and (noun in {"system", "rule", "method", "tool", "question", "survey"} or noun in _WRITTEN_PIECES or noun in _CREATIVE_NOUNS)
    if verb in _CLASSIFYING_VERBS or names_the_classes or (_CLASSIFY.found(text) and not designs_a_classifier) or (" is " in text.padded and _IS_THIS_A.search(text.lowered)):
        return "classification"
    if has_input and "taxonomy" in text.words:  # "Create a taxonomy of the animals in the list", not "What is the taxonomy of ...?"
        return "classification"
    if verb in _JUDGING_VERBS and not _SCORES.isdisjoint(text.words):
        return "classification"  # "Evaluate a given paper with a score between 0 and 10"
    # Not "Name a fallacy", "Identify the types of renewable energy".
    labels_a_text = noun in _LABELLED_QUALITIES or (has_input and (noun == "fallacy" or (noun in _KINDS and rest[:1] == ["the"])))
    if (labels_a_text and verb in _NAMING_VERBS) or (verb == "assign" and noun in _LABELS):
        return "classification"  # "Identify the tone", "Describe the mood in one word", "Identify the fallacy", "Assign tags to ..."
    choices = input_ or text.lowered
    if verb in {None, "choose", "select", "pick", "answer", "find", "identify", "determine"} and "\n" in choices and len(_CHOICE_LINE.findall(choices)) >= 2:
        return "classification"  # a multiple-choice question: "A) ... B) ..."
    first_word = text.padded[1:].partition(" ")[0]  # "" when the instruction has no words
    if verb is None and first_word in _YES_NO_QUESTION_WORDS and (has_input or " or " in text.padded):
        return "classification"
    # "From the given text, create a keyword list", "Create a list of vocabulary words from the sentence".
    if has_input and (_KEYWORD_LIST.found(text) or (noun == "list" and _FROM_THE_PASSAGE.search(text.lowered))):
        return "extraction"
    # "Develop a set of rules for ..." writes them.
    if noun in {"list", "set"} and (verb in _BRAINSTORM_VERBS or verb in _HANDING_OVER_VERBS) and _RULES.isdisjoint(rest[2:5]):
        return "brainstorming"
    alphabetical = "alphabetical" in text.words or "alphabetic" in text.words
    # "Rearrange this sentence so it has subject-verb-object order" and "Rearrange the given word order" rewrite a sentence;
    # sentences, words and items get sorted.
    reorders_a_sentence = (noun in _PROSE_NOUNS and noun in rest[:3] and not alphabetical) or " word order " in text.padded
    sorts_items = verb in _SORTING_VERBS and (noun is None or noun in _ITEMS) and has_input  # "reorder them by some criterion"
    predicts = noun in {"prediction", "forecast"}  # "Make a prediction about the stock market given the data"
    if ("order" in text.words and (verb in _SORTING_VERBS or alphabetical) and not reorders_a_sentence) or sorts_items or predicts:
        return "other"
    # "Make up a sentence" and "Make a resume for the following job" invent one.
    edits = verb in _REWRITE_VERBS and not (verb == "make" and rest[:1] in (["up"], ["a"], ["an"]))
    # "Construct a sentence using the given words and grammar rules" makes a new one.
    makes_a_piece = verb in _GENERATION_VERBS and noun in _WRITTEN_PIECES and rest[:1] in (["a"], ["an"])
    # "How would you fix this text?", "What could you improve in this description?"
    asks_for_edits = verb is None and has_input and not _EDITING_WORDS.isdisjoint(text.words) and _ABOUT_THE_INPUT.search(text.lowered) is not None
    if verb in _STRONG_REWRITE_VERBS or (_REWRITE.found(text) and not makes_a_piece) or (has_input and _OWN_WORDS.found(text)) or asks_for_edits or (
        edits and (noun in _TEXT_NOUNS or has_input or _MENTIONS_TEXT.found(text))
    ):
        return "rewrite"
    if (
        # "Create a modified version of the following recipe", "a modern version of the phrase "a watched pot never boils"".
        (noun in _VERSIONS and (len(input_.split(None, 2)) > 2 or _QUOTED_PASSAGE.search(text.lowered) is not None))
        or (has_input and noun in _PROSE_NOUNS and _SAME_MEANING.found(text))  # "a sentence with the same meaning as the given one"
        or (has_input and verb == "suggest" and noun in {"word", "synonym"})  # "suggest a better word" for a given sentence
    ):
        return "rewrite"
    if _FILLS_A_GAP.found(text):
        return "generation"  # "Choose the correct word ... to complete the sentence", "Give a word to fill in the blank"
    refers_to_passage = _refers_to_passage(text)
    has_passage = len(input_.split(None, 1)) > 1 or refers_to_passage
    if verb in _EXTRACT_VERBS and noun in _EXTRACT_NOUNS:
        # The passage may follow the instruction itself: "Identify the subject of the sentence: The book was ...";
        # then a number counts what it holds ("Find three examples of alliteration in the following sentence: ...").
        quotes_a_passage = _QUOTED_PASSAGE.search(text.lowered) is not None
        # A number after "the" points into the passage too: "From the given passage, list the three details ...".
        counts_ideas = rest[:1] != ["the"] and _COUNTED.search(" ".join(rest[:2]))
        if (has_passage or quotes_a_passage) and (quotes_a_passage or not counts_ideas):
            return "extraction"
    if verb == "extract" or (has_passage and (noun == "keyword" or _KEYWORD_LIST.found(text))):
        return "extraction"
    if (noun == "word" and not _WORD_RELATIONS.isdisjoint(text.words)) or noun in {"synonym", "antonym", "homophone"}:
        return "open_qa"  # "Write 7 words related to the word "party"", "Create an antonym for the word early"
    if verb is None and not _TITLE_WORDS.isdisjoint(text.words) and _ASKS_FOR_A_TITLE.search(text.lowered):
        return "generation"  # "What would be a good title for the following article?"
    input_words = len(input_.split(None, 15)) if has_input else 0  # up to 16: enough for the tests below
    writes_a_work = verb in _GENERATION_VERBS and (noun in _CREATIVE_NOUNS or noun in _WRITTEN_PIECES)
    if input_words >= 8 and not writes_a_work and (
        (verb in _QA_VERBS and noun not in {"way", "example"})
        or (verb == "list" and rest[:1] == ["the"])  # "List the major flaws of this design"
        or noun in {"analysis", "interpretation", "critique", "feedback"}  # "Provide a brief analysis of the given poem"
        or (verb is None and text.lowered.rstrip().endswith("?") and input_words >= 15)
        or (verb is None and _ABOUT_THE_INPUT.search(text.lowered) is not None)  # "What weather does the following sentence describe?"
        or refers_to_passage
    ):
        return "closed_qa"
    if _is_brainstorm(verb, noun, rest) or (verb is None and _asks_for_ideas(text)):
        return "brainstorming"
    # Forecasting fits no other category.
    looks_up_facts = rest[:1] == ["for"] or (verb in _LOOKUP_VERBS and noun in _KNOWLEDGE_NOUNS)  # "Search for ...", "Look up information on ..."
    if (verb in _ORDERING_VERBS and not looks_up_facts) or verb == "predict" or noun in {"prediction", "forecast"}:
        return "other"
    if verb in _ACTIONS_IN_THE_WORLD or (verb == "place" and noun in {"bet", "order", "call"}):
        return "other"  # "Book two tickets for the earliest flight", "Remind me to buy eggs": not text to write
    # "an example of a tweet / a hyperbole", "an example of a time when you have seen kindness", "an example to illustrate"
    writes_an_example = noun == "example" and (
        # rest[1:7]: "an example of a question", and in a gloss without articles "example question"
        not _WRITTEN_EXAMPLES.isdisjoint(rest[1:7]) or rest[2:4] == ["to", "illustrate"] or _PERSONAL.found(text)
    )
    definite = (rest[1:2] if rest[:1] in (["me"], ["us"]) else rest[:1]) == ["the"]  # "Give (me) the laws that ..."
    if verb in {"provide", "give", "offer"} and noun is not None and (noun not in _KNOWLEDGE_NOUNS or writes_an_example) and not definite:
        # "Provide a dialogue", "Give a timeline": something to write, unlike "Provide an explanation"
        # or "Give the title of ...".
        return "generation"
    if verb == "describe":
        # "Describe a sunset", "the sound of a thunderstorm", "your favourite place" ask for writing;
        # "Describe the process of ..." asks for knowledge.
        # "Describe the following person" given only "John" makes the rest up.
        names_only = rest[:2] == ["the", "following"] and 0 < len(input_.split(None, 6)) <= 6
        invented = (rest[:1] in (["a"], ["an"], ["your"]) or names_only) and noun not in _FACTUAL_DESCRIBE or noun in _SENSATIONS
        return "generation" if invented or _PERSONAL.found(text) or _CREATIVE_MANNER.found(text) else "open_qa"
    if verb == "outline" and (noun in _DESIGNED_THINGS or rest[:1] in (["a"], ["an"])):
        return "generation"  # "Outline a plan to build an online store", unlike "Outline the steps to ..."
    if verb == "complete" and noun == "analogy" and rest[:1] in (["the"], ["this"]):
        return "open_qa"  # "Complete the analogy: A is to B as ...", unlike "Create an analogy"
    if (verb == "share" and noun in _TOLD_STORIES) or (verb == "resolve" and noun in {"argument", "conflict", "dispute"}):
        return "generation"  # "Share a funny anecdote", "Resolve the conflict between the two characters"
    if (verb == "tell" and noun not in _TOLD_STORIES) or (verb == "write" and noun in {"definition", "explanation"}):
        return "open_qa"
    if verb in _GENERATION_VERBS:
        return "generation"
    return otherwise


def _summarizes_a_work(rest: list[str]) -> bool:
    """"... summarizing the movie Inception", "... that summarizes the research paper": a work to read, not a topic."""
    for position, token in enumerate(rest):
        if token.startswith(("summar", "tl")):
            return not _WORKS.isdisjoint(rest[position + 1 : position + 5])
    return False


def _refers_to_passage(text: _Text) -> bool:
    return not _PASSAGE_WORDS.isdisjoint(text.words) and bool(_PASSAGE_REF.search(text.lowered))


def _is_coding(text: _Text, input_: str, verb: str | None, noun: str | None) -> bool:
    if noun in _PROSE_NOUNS or noun in _DEFINITION_NOUNS or noun in _TEACHING or "morse" in text.words:
        return False  # "two sentences about Python", "the definition of OOP", "an online course on HTML", "Morse code"
    if not text.words.isdisjoint(_SOFTWARE_OR_NOT) and _NOT_SOFTWARE.search(text.lowered):
        return False
    # "What is an algorithm?" asks what a word means; "What does this code print?" is about code.
    defines = verb is None and not input_ and text.padded.startswith((" what is a", " what is an ", " what are "))
    if not _LANGUAGE_WORDS.isdisjoint(text.words) and _IN_A_LANGUAGE.found(text):
        return True  # "Divide 887 by 3 using Python"
    if _CODE.found(text) and _CODE_ACTION.found(text) and not defines and not _only_names_languages(text):
        return True
    if verb in _TEXT_REWRITE_VERBS or verb in _CLASSIFYING_VERBS:  # the input is text to edit or data to sort
        return False
    return bool(input_) and bool(_CODE_INPUT.search(input_)) and not is_placeholder(input_)


def _only_names_languages(text: _Text) -> bool:
    """"An example of a programming language", "the primary function of a router": no code asked for."""
    meant_otherwise = {word for word, phrase in _CODE_WORDS_MEANT_OTHERWISE if phrase in text.padded}
    return bool(meant_otherwise) and not _CODE.found(text._replace(words=text.words - meant_otherwise))


def _is_math(text: _Text, input_: str) -> bool:
    instruction_has_digit = _DIGIT.search(text.lowered) is not None
    instruction_has_number = instruction_has_digit or not _NUMBER_WORDS.isdisjoint(text.words)
    if not (instruction_has_number or (input_ and _has_number(input_))):
        return _MATH_WITHOUT_NUMBERS.found(text)
    # Every _ARITHMETIC and _CONVERT_NUMBER match holds a digit: a cheap search for one comes first.
    return (
        _MATH.found(text)
        # "Solve" and "how many" are maths with numbers to work on, not in "two ways to solve the problem".
        or (_DIGIT_MATH.found(text) and (instruction_has_digit or _DIGIT.search(input_) is not None))
        or ("solve" in text.words and (instruction_has_digit or _DIGIT.search(input_) is not None))
        or (_HOW_MANY.found(text) and (instruction_has_number or _DIGIT.search(input_) is not None))
        # A word problem: "James spends 40 years teaching. His partner has taught 10 years less. How long ...?"
        or (_HOW_MEASURE.found(text) and len(_NUMBERS.findall(text.lowered)) >= 2)
        or _is_word_problem(text)
        or (instruction_has_digit and bool(_ARITHMETIC.search(text.lowered)))
        or (instruction_has_digit and _ASKS_FOR_A_RESULT.found(text) and bool(_QUANTITY.search(text.lowered)))
        or (instruction_has_digit and "convert" in text.words and bool(_CONVERT_NUMBER.search(text.lowered)))
        or (
            (_ASKS_FOR_A_RESULT.found(text) or "convert" in text.words)  # "Convert the following measurement: 3 ft"
            and _DIGIT.search(input_) is not None
            and bool(_ARITHMETIC.search(input_) or _QUANTITY.search(input_))
        )
    )


def _is_word_problem(text: _Text) -> bool:
    """A story with three or more quantities that ends in a question: "... If Rob's bowl contained 25 grapes, what is
    the total?" (years are dates, not quantities: "What happened in 1914, 1939 and 1945?")."""
    if not text.lowered.rstrip().endswith("?"):
        return False
    return len(_QUANTITIES_NOT_YEARS.findall(text.lowered)) + len(_QUANTITY_WORDS.findall(text.lowered)) >= 3


def _has_number(text: str) -> bool:
    return _DIGIT.search(text) is not None or not _NUMBER_WORDS.isdisjoint(words(text))


def _is_brainstorm(verb: str | None, noun: str | None, rest: list[str]) -> bool:
    if noun in _LEXICAL_NOUNS or noun in _WRITTEN_PIECES:
        return False  # "List 10 synonyms for 'sad'" asks about words; "Generate two sentences about ..." writes them
    if verb in {"brainstorm", "list", "compile"}:
        return True
    if rest[:2] == ["up", "with"]:  # "come up with five ways"
        rest = rest[2:]
    if rest[:1] in (["and"], ["or"]):  # "name and explain three effects", "identify and list down three details"
        rest = rest[3:] if rest[2:3] and rest[2] in _PARTICLES else rest[2:]
    definite = rest[:1] == ["the"]
    if rest[:1] in (["the"], ["me"], ["us"]):  # "name the five stages of", "give me three tips"
        rest = rest[1:]
    if rest[:1] in (["top"], ["any"]):  # "the top 5 advantages", "any three types"
        rest = rest[1:]
    if verb not in _BRAINSTORM_VERBS:
        # "Describe two ways ...", "Add three examples of ...": a number of ideas, whatever the verb.
        # "Write five questions about ..." and "Tell me three features of ..." list them too.
        # "Compare two types of ..." weighs them against each other.
        listed = (verb not in _MAKING_VERBS or noun == "question" or verb == "tell") and verb not in {"compare", "contrast"}
        return noun in _IDEA_NOUNS and listed and bool(_NUMBERED.match(" ".join(rest[:2])))
    if noun in _IDEAS_ALONE or (verb == "think" and noun in _IDEA_NOUNS):
        return True  # "Generate a new solution", "Think of a solution", unlike "Think of a title"
    if verb in {"suggest", "recommend", "propose"}:
        # "Suggest a theme", "Recommend a product", "Suggest how companies can use AI": ideas; "Suggest a title",
        # "Propose a design": things to write.
        return rest[:1] == ["how"] if noun is None else (noun in _IDEA_NOUNS or noun not in _WRITTEN_SUGGESTIONS)
    if not definite and noun in _PLURAL_IDEAS and any(token != noun and singular(token) == noun for token in rest[:2]):
        return True  # "Give me examples of ...", "Generate ideas for ...": ideas in the plural, not "the steps to"
    if rest[:1] == ["one"] and noun in _ONE_IDEA:
        return True  # "Name one way to protect the environment", unlike "Name one movie that won an Oscar"
    # A number at the start of the object asks for a list ("a 3 word slogan" is one slogan).
    if noun is None or not _COUNTED.match(" ".join(rest[:3])):
        return False
    return noun in _IDEA_NOUNS or verb in _LISTING_VERBS


def _asks_for_ideas(text: _Text) -> bool:
    """"What are some ways to ...?", "What are five characteristics of ...?"."""
    match = _LIST_QUESTION.match(text.padded)
    # "some" asks for ideas when the noun is one, adjective or not: "some ways", "some potential solutions".
    return match is not None and (
        match.group(1) not in {"some", "several", "a few", "the possible", "the potential"} or not _IDEA_NOUNS.isdisjoint(map(singular, filter(None, match.group(2, 3))))
    )


def analyse(instruction: str, input_: str) -> Analysis:
    """Verb, noun and category of one record."""
    if unspaced.is_mostly_own(instruction):  # Chinese, Japanese, Korean: their own rules, not English structure
        return _unspaced_analysis(instruction, input_)
    sentences = _sentences(instruction)
    sentence_words = [words(sentence) for sentence in sentences]
    if _is_another_language(instruction, sentences, sentence_words[0]):
        reading = european_verbs.read(instruction)
        category = european.category(instruction, input_, lambda: _english_category(reading, input_))
        return Analysis(reading.verb, reading.noun, category, another_language=True)
    verb, noun, rest = _verb_and_noun(sentence_words)
    # A single sentence without asides has the same words as the whole instruction.
    all_words = sentence_words[0] if len(sentences) == 1 and "(" not in instruction else words(instruction)
    text = _Text.of(instruction, all_words)
    role_task = _role_task_category(text, input_, verb, rest, sentence_words)
    if role_task is not None:
        return Analysis(verb, noun, role_task)
    if verb is None and unspaced.has_own_rules(instruction):  # "将下面的句子翻译成中文：The weather is nice today."
        return _unspaced_analysis(instruction, input_)
    task_verb, task_noun, task_rest = _task(verb, rest) if verb in _PREAMBLE_VERBS else (verb, None, rest)
    return Analysis(verb, noun, _categorize(text, input_, task_verb, task_noun or noun, task_rest))


def _role_task_category(text: _Text, input_: str, verb: str | None, rest: list[str], sentence_words: list[list[str]] | None = None) -> str | None:
    """"Imagine you are a doctor. Create a health plan ...", "Suppose you are interviewing with Amazon, write an
    answer ...", "Act as a travel guide. Suggest ...": the category of the task of the next sentence or clause, where the
    verb sets a scene or a role; a role to play makes an answer writing ("Imagine you are an alien. Describe what you
    see."). None for other verbs, or with no task after them. ``sentence_words``: the words of each sentence, else read
    from ``text``."""
    if verb not in _CLAUSE_VERBS and not (verb == "act" and rest[:1] == ["as"]):
        return None
    if sentence_words is None:
        sentence_words = [words(sentence) for sentence in _sentences(text.lowered)]
    following = sentence_words[1:] or ([rest[rest.index(",") + 1 :]] if "," in rest else [])
    task_verb, task_noun, task_rest = _verb_and_noun(following)
    if task_verb is None:
        return None
    category = _categorize(text, input_, task_verb, task_noun, task_rest)
    return "generation" if category == "open_qa" else category


def _english_category(reading: european_verbs.Reading, input_: str) -> str:
    """The category that the English rules give the English gloss of an instruction in another language; "" where no
    rule of theirs decides."""
    english = european_gloss.gloss(reading)
    text = _Text.of(english.text, english.words)
    role_task = _role_task_category(text, input_, english.verb, english.rest)
    if role_task is not None:
        return role_task  # "Imagine que você está criando uma loja online. Sugira duas estratégias ..."
    # As in English: "Leia a frase abaixo e encontre a expressão ..." is a finding.
    task_verb, task_noun, task_rest = _task(english.verb, english.rest) if english.verb in _PREAMBLE_VERBS else (english.verb, None, english.rest)
    return _categorize(text, input_, task_verb, task_noun or english.noun, task_rest, otherwise="")


def _unspaced_analysis(instruction: str, input_: str) -> Analysis:
    """Chinese, Japanese or Korean, read by :mod:`unspaced` and the modules it calls."""
    reading = unspaced.read(instruction)
    return Analysis(reading.verb, reading.noun, unspaced.category(instruction, input_, reading.task_verb, reading.task_noun))


def _task(verb: str, rest: list[str]) -> tuple[str, str | None, list[str]]:
    """The verb that names the task after a preamble, its object and the words after it: "Take this text and convert it
    ...", "Use the word to fill in ...", "Read the input text and output the single noun"."""
    for position, token in enumerate(rest[:-1]):
        if token == "and" or (token == "to" and verb == "use"):
            position += 2 if rest[position + 1] == "then" and position + 2 < len(rest) else 1
            if rest[position] in _TASK_VERBS:
                return rest[position], _object_noun(rest[position + 1 :]), rest[position + 1 :]
            return verb, None, rest
    return verb, None, rest


def category(instruction: str, input_: str = "") -> str:
    return analyse(instruction, input_).category
