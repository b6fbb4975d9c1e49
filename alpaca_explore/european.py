"""The category of an instruction in Spanish, Portuguese, French, Italian, German, Dutch or Russian.

In these languages, as Alpaca's translations phrase them, what a task works on is
named by word stems, anywhere (code, a summary, a translation, a calculation): those
decide first. Then the English rules decide, on a word-by-word English gloss of the
instruction (:mod:`european_gloss`); where none of theirs decides, the verb that
leads the instruction does ("Recommandez ... améliorer": a recommendation, not a
rewrite), else any other keyword, in the order of :data:`_TASKS`. Their verbs and
nouns come from :mod:`european_verbs`.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def alternatives(*stems: str) -> str:
    r"""A regex alternation of the stems, given a language or a few a line, space-separated (``\w*`` where a stem takes
    endings, ``\s`` inside a phrase)."""
    return "|".join(stem for line in stems for stem in line.split())


def _words(*stems: str) -> re.Pattern:
    """Whole words that match one of the stems (see :func:`alternatives`)."""
    return re.compile(rf"(?<!\w)(?:{alternatives(*stems)})(?!\w)")


# Code named, as a function may be in mathematics: coding before a calculation ("Crea un código en Python para sumar").
_PROGRAMMING = _words(r"c[óo]digos? code codes codice scripts? python javascript java sql html css query abfragen? requêtes?")
# What the task works on, wherever it is named: "Rédigez un synopsis" is summarization, "¿Puedes traducir ...?" a rewrite
# (a function to write is the English rules', through the gloss: "Écrivez une fonction" is coding, "la fonction du foie" not).
_SUBJECTS = (
    (
        "summarization",
        _words(
            r"resum[eiaáo]\w* r[ée]sum[ée]\w* riassum\w* sintetiz\w* synopsis sinopsis sinossi",
            r"(?:ideas|puntos)\sprincipales id[ée]es\sprincipales idee\sprincipali ideias\sprincipais",
            r"zusammenfass\w* fass(?:e|en)(?=.*\bzusammen\b) hauptpunkte hauptideen samenvat\w* vat(?=.*\bsamen\b)",
            # "Кратко изложите", "краткое содержание"; not "Кратко объясните" (briefly explain) nor "краткосрочный" (short-term)
            r"резюм\w* кратко\s(?:изложи\w*|перескаж\w*|опиши\w*) кратк\w+\s(?:содержани\w*|изложени\w*|пересказ\w*|резюме)",
        ),
    ),
    # Brainstorming named: "Haz una lluvia de ideas con ...", "Faites un brainstorming sur ...".
    ("brainstorming", _words(r"lluvia\sde\sideas brainstorming")),
    # Translating is a rewrite, asked for or not: "¿Puedes traducir ...?".
    ("rewrite", _words(r"tradu[czsi]\w* traduir\w* übersetz\w* vertaal\w* перевед\w* перевод\w*")),
)
# Tasks, by the verb that leads the instruction or, failing that, anywhere.
_TASKS = (
    (
        "classification",
        _words(
            r"clasific\w* classifi\w* classe[rz] categori[zs]\w* cat[ée]goris\w* agrupa\w* agrupe\w* regroup\w* raggruppa\w*",
            r"klassifizier\w* kategorisier\w* gruppier\w* groepeer\w* классифиц\w* сгруппир\w* отнес\w* отнеси\w*",
            r"sentiment\w* sentimiento stimmung тональност\w*",
        ),
    ),
    (
        "rewrite",
        _words(
            r"reescrib\w* corrig\w* edita\w* mejor[ae]\w* añad\w* agrega\w* inserta\w* convierte\w* cambia\w* simplific\w*",  # es
            r"reescrev\w* corrij\w* edite\w* adicion\w* insira transforma\w*",  # pt
            r"r[ée][ée]cri\w* [ée]ditez am[ée]lior\w* ajout\w* ins[èeé]re\w* changez simplifi\w* paraphras\w*",  # fr
            r"riscriv\w* corregg\w* migliora\w* aggiung\w* inserisci trasforma\w* semplific\w* converti\w* parafras\w*",  # it
            r"umschreib\w* umformulier\w* formulier\w*(?=.*\bum\b) korrigier\w* bearbeit\w* verbesser\w* füge ergänze\w*",  # de
            r"setze(?=.*\bein\b) umwandl\w* wandle ändere\w* konvertier\w* vereinfach\w* transform\w*",  # de
            r"reformul\w* parafrase\w*",  # es, pt, fr
            r"elimin\w* remov\w* rimuov\w* supprim\w* entfern\w* verwijder\w* удал\w*",  # taking words out of a text
            r"modific\w* modifie[rz] reemplaz\w* remplac\w* sostitu\w* substitu\w* ersetz\w* vervang\w* замени\w*",  # and changing them
            r"перепиш\w* исправ\w* добав\w* преобраз\w* измени\w* перефраз\w* отредактир\w* редактир\w* поменя\w*",  # ru
            r"переставь\w* переставьте",  # ru
            r"herschrijf\w* herformuleer\w* corrigeer\w* bewerk\w* verbeter\w* vereenvoudig\w* parafraseer\w* wijzig\w*",  # nl
            r"verander\w* zet(?=.*\bom\b) voeg(?=.*\btoe\b)",  # nl
        ),
    ),
    ("extraction", _words(r"extra[ei]\w* extrahier\w* estra[ei]\w* извлек\w*")),
    # Sorting and ranking, as the English labels have them.
    ("other", _words(r"ordena\w* ordene\w* ordina(?!teur)\w* sortier\w* ordne triez trie sorteer\w* rangschik\w* herschik\w* ранжир\w*",
                     r"отсортир\w* расстав\w* упорядоч\w*")),
    (
        "brainstorming",
        _words(
            r"lista\w* liste listez enumer\w* elenc\w* aufz[äa]hl\w* som(?=.*\bop\b) перечисл\w*",
            r"ideas id[ée]es ideen idee ideias ideeën brainstorm\w* иде[июяй]\w*",
            r"recomend\w* recommand\w* empfiehl\w* empfehl\w* raccomand\w* рекоменд\w*",
            r"suggeriment[oi] sugerencias? suggestions? vorschl[äa]ge? sugest[õo]es suggesties consigli consejos conseils tipps tips",
            r"dicas советы",
        ),
    ),
    (
        "generation",
        _words(
            r"escrib\w* redact\w* comp[óo]n componga componer crea cree crear genera genere generar dise[ñn]\w*",  # es
            r"escrev\w* redig\w* componha crie gere",  # pt
            r"[ée]cri[sv]\w* r[ée]dig\w* compose[rz]? cr[ée]ez? g[ée]n[èée]r\w* con[çc]oi\w* concev\w*",  # fr
            r"scriv\w* componi composta progett\w* costru\w*",  # it
            r"schreib\w* verfass\w* erstell\w* generier\w* erzeug\w* erfind\w* entw[iei]rf\w* konstruier\w*",  # de
            r"schrijf maak ontwerp\w* bedenk\w* creëer\w* genereer\w* verzin\w* componeer\w* stel(?=.*\bop\b)",  # nl
            r"haz haga faites fais fai fate mache mach desarroll\w* desenvolv\w* développ\w* svilupp\w* entwickl\w* ontwikkel\w*",  # making
            r"invent\w* constru\w* formul[ae]\w* hypoth\w* hip[óo]tesis ipotesi imagin\w*",  # several
            r"complet[ae]\w* compl[èé]te[rz]? vervollständig\w* дополни\w* заверши\w*",  # completing a text writes its end
            r"напиш\w* сочин\w* созда\w* придума\w* гипотез\w* сгенерир\w* генерир\w* состав\w* разработ\w* сформулир\w*",  # ru
        ),
    ),
)
_GENERATION = dict(_TASKS)["generation"]
_WRITTEN = _words(
    r"slogan eslogan lema t[íi]tulos? titres? titel titolo tweets? tuits? haikus? nombres? noms? namen?",
    r"poemas? po[èe]mes? gedichte? poesi[ae] poesía frases? phrases? oraci[óo]n s[äa]tze?",
    r"histori[ae]s? historias? hist[óo]rias? geschichten? stori[ae] cuentos? chistes? blagues? witze? barzellett[ae] piadas?",
    r"verha(?:al|len) zin(?:nen)? grap(?:pen)?",
    r"истори\w* рассказ\w* стих\w* предложени\w* фраз\w* слоган\w* заголов\w* шутк\w* анекдот\w* стать[яюие]",
)
# Words about words: listing synonyms asks about a word, as in English ("Перечислите 10 синонимов к слову «грустный»").
_SYNONYMS = _words(r"sin[óôo]nimos synonymes? sinonimi синоним\w* ant[óôo]nimos antonymes? antonimi антоним\w*")
# Naming the kind of a thing classifies it: "determine o tipo de equação", "Bestimme die Art ...".
_KIND_OF = re.compile(
    r"(?<!\w)(?:determin\w*|identifi\w*|bestimm\w*|bepaal|определи\w*)\s+(?:(?!qu[eé]\s|quel\w*\s|welch\w*\s|welk\w*\s|как\w*\s)\w+\s+)?"
    r"(?:tipo|type|typ|art|soort|g[ée]nero|genre|categor\w*|kategorie|classe|clase|klasse|тип\w*|вид)(?!\w)"
)
_A_TEXT = _words(
    r"textos? texte text testo tekst текст\w* pasajes? passages? p[áa]rrafos? paragraphes? abs[äa]tze?",
    r"art[íi]culos? articles? artikel articolo alinea",
)
# Not asked for in a question: "¿Cómo se crea ...?", "Wie können ... verbessert werden?" ask how, and make nothing.
_NOT_IN_QUESTIONS = frozenset({"rewrite", "generation"})
# What the task is given before it is named: "À partir d'une liste de mots, créez un poème", "Dado el siguiente texto, ...".
_INTRODUCTION = re.compile(
    r"^\s*(?:à partir d|a partir d|dad[oa]s?\b|gegeben|étant donné|basad[oa] en|bas[ée]e? sur|según|usando|utilizando"
    r"|en utilisant|anhand|ausgehend von|dat[oaie]\b|sulla base|com base|con base|gegeven|op basis van|aan de hand van)[^,:]*[,:]\s*"
)
# Solving or calculating, with a number to do it on.
_MATH = _words(
    r"calcul\w* calcol\w* berechn\w* bereken\w* resuelv\w* r[ée]sou\w* resolv\w* risolv\w* l[öo]se oplossen вычисли\w* реши\w*",
    r"ecuaci[óo]n [ée]quation equa[çc][ãa]o equazione gleichung vergelijking\w* делит\w* делим\w*",
    r"multipli\w* divi[sd]\w* suma sumar addition\w* additionn\w* soustra\w* subtra\w* restar",
)
# Mathematics named, with a number or without: "Esercizio di aritmetica", "¿La sucesión es aritmética o geométrica?".
_MATH_WORDS = _words(r"aritm[ée]tic\w* arithm[ée]ti\w* arithmetik\w* арифмет\w*")
_NUMBER = re.compile(r"\d")
_ARITHMETIC = re.compile(r"\d\s*[+*/^×÷x]\s*\d|\d\s+-\s+\d|=\s*\d")
# A question word: a question that starts with none asks yes or no ("Behandelt der Text ...?", "¿Es correcta ...?").
_QUESTION_WORD = re.compile(
    r"^\s*(?:¿\s*)?(?:qu[ée]|cu[áa]l\w*|c[óo]mo|d[óo]nde|cu[áa]nd\w*|por qu[ée]|qui[ée]n\w*|quel\w*|comment|pourquoi|o[ùu]|qui"
    r"|que|combien|cosa|cos['’]è|come|perch[ée]|chi|qual\w*|quant\w*|onde|quem|wer|was|wie|wo|wann|warum|welche\w*|wieso|weshalb|wat"
    r"|hoe|waar|waarom|welk\w*|что|как\w*|где|почему|кто|сколько|зачем)(?!\w)"
)
# A question between two answers: "¿Esta oración es una pregunta o una orden?"; a Spanish or Italian "o" before an article
# (a Portuguese "o" is an article: "o que você pediria").
_EITHER_OR = re.compile(r"\s(?:oder|ou|of|или)\s|\so\s+(?:un|una|uno|el|la|los|las|il|lo|le|gli|i)\s")
# An opening mark without its closing one ends the search at the next opening mark, so that a text full of them is read
# in linear time.
_QUOTATION = re.compile(r"\"[^\"]*\"|“[^”“]*”|«[^»«]*»|„[^“”„]*[“”]")
_FIRST_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def category(instruction: str, input_: str, english: Callable[[], str]) -> str:
    """The task's category (a quotation is data, not the task): naming the kind of a thing is classification, a
    calculation math (unless the English rules find code in it); then what it works on; then ``english()``, the English
    rules' category of the instruction's gloss (:mod:`european_gloss`), if a rule of theirs decides; then the verb that
    leads it, any other keyword; a yes-or-no question about the input or a question between two answers is
    classification, any other task open_qa."""
    text = _QUOTATION.sub(" ", instruction.lower())
    asks = text.rstrip().endswith("?")
    if _KIND_OF.search(text) and input_.strip():
        return "classification"  # "Para a equação dada, determine o tipo de equação."
    if _PROGRAMMING.search(text) and not asks:
        return "coding"
    numbered = _NUMBER.search(text) is not None  # arithmetic needs a number, as a calculation does in its text or input
    if ((numbered or _NUMBER.search(input_)) and _MATH.search(text)) or (numbered and _ARITHMETIC.search(text)) or _MATH_WORDS.search(text):
        return "coding" if english() == "coding" else "math"  # as in English, a program that calculates is code
    task = _INTRODUCTION.sub("", text, count=1)
    lead = _FIRST_WORD.search(task)
    for name, keywords in _SUBJECTS:
        if keywords.search(text) and not (asks and name in _NOT_IN_QUESTIONS) and not (name == "summarization" and _writes_a_piece(task, lead)):
            return name
    found = english()
    if found:
        return found
    for name, keywords in _TASKS:
        if lead is not None and _leads(keywords, task, lead) and not (asks and name in _NOT_IN_QUESTIONS):
            if name in ("brainstorming", "generation") and _SYNONYMS.search(task):
                return "open_qa"
            return name
    for name, keywords in _TASKS:
        if keywords.search(task) and not (asks and name in _NOT_IN_QUESTIONS):
            return name
    # As in English: a question about the input that is yes-or-no ("¿Es correcta ...?") or between two answers, or one of
    # those without an input ("La fraise est-elle un fruit ou un légume ?"); read past what the question is given.
    if asks:
        has_input, either_or, yes_or_no = bool(input_.strip()), _EITHER_OR.search(text) is not None, not _QUESTION_WORD.search(task)
        if (has_input and (either_or or yes_or_no)) or (either_or and yes_or_no):
            return "classification"
    return "open_qa"


def _writes_a_piece(task: str, lead: re.Match | None) -> bool:
    """"Scrivi un tweet che riassuma i vantaggi ..." writes a tweet; "... que resuma el artículo" summarizes a text."""
    return lead is not None and _leads(_GENERATION, task, lead) and _WRITTEN.search(task) is not None and not _A_TEXT.search(task)


def _leads(keywords: re.Pattern, task: str, lead: re.Match) -> bool:
    """Whether the leading word is one of the keywords, read in its sentence ("Stel een snack voor": suggest)."""
    found = keywords.match(task, lead.start())
    return found is not None and found.end() == lead.end()
