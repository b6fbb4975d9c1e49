"""The category of an instruction in Spanish, Portuguese, French, Italian, German, Dutch or Russian, from its keywords.

The classifier reads the grammar of English, Chinese, Japanese and Korean only. In
these languages, as Alpaca's translations phrase them, the task is named by word
stems: what the task works on, anywhere (code, a summary, a translation), else the
verb that leads the instruction ("Recommandez ... améliorer": a recommendation,
not a rewrite), else any other keyword, in the order of :data:`_TASKS`. Such
instructions get no verb or noun.
"""

from __future__ import annotations

import re


def _words(stems: str) -> re.Pattern:
    """Whole words that match one of the stems (``\\w*`` where a stem takes endings)."""
    return re.compile(rf"(?<!\w)(?:{stems})(?!\w)")


# What the task works on, wherever it is named: "Écrivez une fonction" is coding, "Rédigez un synopsis" summarization.
_SUBJECTS = (
    (
        "coding",
        _words(
            r"c[óo]digos?|code|codes|codice|funci[óo]n(?:es)?|fonctions?|funktion(?:en)?|funzion[ei]|fun[çc][õoã]\w*"
            r"|scripts?|python"
            r"|javascript|java|sql|html|css|query|abfragen?|requêtes?|код\w*|функци\w*"
        ),
    ),
    (
        "summarization",
        _words(
            r"resum[eiaáo]\w*|r[ée]sum[ée]\w*|riassum\w*|sintetiz\w*|zusammenfass\w*|fass(?:e|en)(?=.*\bzusammen\b)"
            r"|samenvat\w*"
            r"|synopsis|sinopsis|sinossi|резюм\w*|кратко\w*|(?:ideas|puntos) principales|id[ée]es principales"
            r"|idee principali"
            r"|ideias principais|hauptpunkte|hauptideen"
        ),
    ),
    # Translating is a rewrite, asked for or not: "¿Puedes traducir ...?".
    ("rewrite", _words(r"tradu[czsi]\w*|traduir\w*|übersetz\w*|vertaal\w*|перевед\w*|перевод\w*")),
)
# Tasks, by the verb that leads the instruction or, failing that, anywhere.
_TASKS = (
    (
        "classification",
        _words(
            r"clasific\w*|classifi\w*|klassifizier\w*|categori[zs]\w*|cat[ée]goris\w*|kategorisier\w*|классифиц\w*"
            r"|agrupa\w*"
            r"|regroup\w*|gruppier\w*|raggruppa\w*|agrupe\w*|сгруппир\w*|отнес\w*|отнеси\w*"
        ),
    ),
    (
        "rewrite",
        _words(
            r"reescrib\w*|reescrev\w*|r[ée][ée]cri\w*|riscriv\w*|umschreib\w*|reformul\w*|umformulier\w*"
            r"|formulier\w*(?=.*\bum\b)"
            r"|parafrase\w*|paraphras\w*|parafras\w*|corrig\w*|corrij\w*|korrigier\w*|corregg\w*|edita\w*|edite\w*"
            r"|[ée]ditez"
            r"|bearbeit\w*|verbesser\w*|mejor[ae]\w*|am[ée]lior\w*|migliora\w*|simplific\w*|simplifi\w*|semplific\w*"
            r"|vereinfach\w*"
            r"|añad\w*|agrega\w*|ajout\w*|aggiung\w*|adicion\w*|füge|inserta\w*|ins[èeé]re\w*|inserisci|insira"
            r"|setze(?=.*\bein\b)"
            r"|ergänze\w*|trasforma\w*|transforma\w*|transform\w*|umwandl\w*|wandle|cambia\w*|changez|ändere\w*"
            r"|convierte\w*"
            r"|converti\w*|konvertier\w*|перепиш\w*|исправ\w*|добав\w*|преобраз\w*|измени\w*|перефраз\w*|отредактир\w*"
            r"|редактир\w*|поменя\w*|переставь\w*|переставьте"
        ),
    ),
    ("extraction", _words(r"extra[ei]\w*|extrahier\w*|estra[ei]\w*|извлек\w*")),
    # Sorting and ranking, as the English labels have them.
    ("other", _words(r"ordena\w*|ordene\w*|ordina\w*|sortier\w*|ordne|triez|trie|отсортир\w*|расстав\w*|упорядоч\w*")),
    (
        "brainstorming",
        _words(
            r"lista\w*|liste|listez|enumer\w*|elenc\w*|aufz[äa]hl\w*|nombra\w*|nenne\w*|nommez|nomme|nomeie|назов\w*"
            r"|ideas|id[ée]es"
            r"|ideen|idee|ideias|brainstorm\w*|recomend\w*|recommand\w*|empfiehl\w*|empfehl\w*|raccomand\w*|рекоменд\w*"
            r"|suggeriment[oi]|sugerencias?|suggestions?|vorschl[äa]ge?|sugest[õo]es|consigli|consejos|conseils|tipps"
            r"|dicas|советы|перечисл\w*|иде[июяй]\w*"
        ),
    ),
    (
        "generation",
        _words(
            r"escrib\w*|escrev\w*|[ée]cri[sv]\w*|scriv\w*|schreib\w*|schrijf|redact\w*|r[ée]dig\w*|redig\w*|verfass\w*"
            r"|comp[óo]n|componga|componha|componer|componi|compose[rz]?|composta|crea|cree|crear|cr[ée]ez?|crie"
            r"|erstell\w*|genera|genere"
            r"|generar|gere|esbo[çc]\w*|esquiss\w*|skizzier\w*|abbozza\w*|bosquej\w*|сгенерир\w*|генерир\w*|состав\w*"
            r"|разработ\w*"
            r"|g[ée]n[èée]r\w*|generier\w*|invent\w*|erfind\w*|dise[ñn]\w*|con[çc]oi\w*|progett\w*|entw[iei]rf\w*"
            r"|constru\w*"
            r"|costru\w*|konstruier\w*|formul[ae]\w*|hypoth\w*|hip[óo]tesis|ipotesi|напиш\w*|сочин\w*|созда\w*"
            r"|придума\w*|гипотез\w*"
        ),
    ),
)
# Suggesting a written thing is writing it ("Proposez un nouveau slogan"); suggesting anything else, ideas.
_SUGGESTING = _words(r"sugier\w*|sugere\w*|sugira|sugg[èe]re\w*|suggerisci|propon\w*|propos\w*|schlag\w*|предлож\w*")
_WRITTEN = _words(
    r"slogan|eslogan|lema|t[íi]tulos?|titres?|titel|titolo|poemas?|po[èe]mes?|gedichte?|poesi[ae]|poesía"
    r"|histori[ae]s?|historias?"
    r"|geschichten?|stori[ae]|cuentos?|frases?|phrases?|oraci[óo]n|s[äa]tze?|tweets?|tuits?|haikus?|nombres?|noms?"
    r"|namen?"
    r"|hist[óo]rias?|chistes?|blagues?|witze?|barzellett[ae]|piadas?|истори\w*|рассказ\w*|стих\w*|предложени\w*"
    r"|фраз\w*|слоган\w*"
    r"|заголов\w*|шутк\w*|анекдот\w*"
)
# A number of things right after the verb: "Genera 3 funzionalità", "Erstelle fünf Fragen".
_COUNTED = re.compile(r"\s+(?:\d+|dos|tres|cuatro|cinco|diez|zwei|drei|vier|fünf|zehn|deux|trois|quatre|cinq|dix|due|tre|quattro|cinque|dieci|duas|três|twee|drie|vijf)\s")
_A_LIST = _words(r"listes?|listas?|elenco|lijst|conjunto|s[ée]rie|reihe|ensemble|списо?к\w*|набор\w*")
# A program or an algorithm is code to write ("Создайте программу", "Diseña un algoritmo"), not to name or describe.
_PROGRAMS = _words(r"programas?|programmes?|programms?|programm[ai]|programa|программ[уы]|algoritmos?|algorithmes?|algorithmus|алгоритм\w*")
# Words about words: listing synonyms asks about a word, as in English ("Перечислите 10 синонимов к слову «грустный»").
_SYNONYMS = _words(r"sin[óôo]nimos|synonymes?|sinonimi|синоним\w*|ant[óôo]nimos|antonymes?|antonimi|антоним\w*")
# Telling a story writes one: "Расскажи мне страшную историю", "Cuéntame un chiste".
_TELLING = _words(r"cu[ée]ntame|cuenta|raconte[zr]?|erz[äa]hle?|racconta\w*|conte|расскаж\w*")
# Naming the kind of a thing classifies it: "determine o tipo de equação", "Bestimme die Art ...".
_KIND_OF = re.compile(r"(?<!\w)(?:determin\w*|identifi\w*|bestimm\w*|определи\w*)\s+(?:\w+\s+)?(?:tipo|type|typ|art|g[ée]nero|genre|categor\w*|kategorie|classe|clase|klasse|тип\w*|вид)(?!\w)")
_A_TEXT = _words(r"textos?|texte|text|testo|tekst|pasajes?|passages?|p[áa]rrafos?|paragraphes?|abs[äa]tze?|art[íi]culos?|articles?|artikel|articolo|текст\w*")
# Not asked for in a question: "¿Cómo se crea ...?", "Wie können ... verbessert werden?" ask how, and make nothing.
_NOT_IN_QUESTIONS = frozenset({"coding", "rewrite", "generation"})
# What the task is given before it is named: "À partir d'une liste de mots, créez un poème", "Dado el siguiente texto, ...".
_INTRODUCTION = re.compile(
    r"^\s*(?:à partir d|a partir d|dad[oa]s?\b|gegeben|étant donné|basad[oa] en|bas[ée]e? sur|según|usando|utilizando"
    r"|en utilisant"
    r"|anhand|ausgehend von|dat[oa]\b|sulla base|com base|con base)[^,:]*[,:]\s*"
)
# Naming a number of things is a list of them: "Identifica y explica las 6 capas".
_NAMING = _words(r"identifi\w*|menciona\w*|cita|indica")
# Solving or calculating, with a number to do it on.
_MATH = _words(
    r"calcul\w*|calcol\w*|berechn\w*|resuelv\w*|r[ée]sou\w*|resolv\w*|risolv\w*|l[öo]se|ecuaci[óo]n|[ée]quation"
    r"|equa[çc][ãa]o|equazione"
    r"|gleichung|multipli\w*|divi[sd]\w*|suma|sumar|addition\w*|additionn\w*|soustra\w*|subtra\w*|restar|вычисл\w*"
    r"|реши\w*"
)
# Mathematics named, with a number or without: "Esercizio di aritmetica", "¿La sucesión es aritmética o geométrica?".
_MATH_WORDS = _words(r"aritm[ée]tic\w*|arithm[ée]ti\w*|arithmetik\w*|арифмет\w*")
_NUMBER = re.compile(r"\d")
_ARITHMETIC = re.compile(r"\d\s*[+*/^×÷x]\s*\d|\d\s+-\s+\d|=\s*\d")
# Several things: "¿Cuáles son dos formas de ...?", "Welche Regeln gibt es ...?", "Nenne drei ...".
_SEVERAL = re.compile(
    r"(?<!\w)(?:\d+|dos|tres|cuatro|cinco|algun[oa]s|varios|varias|zwei|drei|vier|fünf|einige|mehrere|deux|trois"
    r"|quatre|cinq|quelques|"
    r"plusieurs|due|tre|quattro|cinque|alcun[ie]|diversi|duas|três|quatro|alguns|algumas|twee|drie|enkele|два|две|три"
    r"|несколько)\s+\w+"
    r"|^\s*(?:¿\s*)?(?:welche|quels|quelles|quali|quais|cuáles)(?!\w)"
)
# A question word: a question that starts with none asks yes or no ("Behandelt der Text ...?", "¿Es correcta ...?").
_QUESTION_WORD = re.compile(
    r"^\s*(?:¿\s*)?(?:qu[ée]|cu[áa]l\w*|c[óo]mo|d[óo]nde|cu[áa]nd\w*|por qu[ée]|qui[ée]n\w*|wer|was|wie|wo|wann|warum"
    r"|welche\w*|wieso|weshalb"
    r"|quel\w*|comment|pourquoi|o[ùu]|qui|que|combien|cosa|come|perch[ée]|chi|qual\w*|quant\w*|onde|quem|wat|hoe|waar"
    r"|waarom|welk\w*"
    r"|что|как\w*|где|почему|кто|сколько|зачем)(?!\w)"
)
# A question between two answers: "¿Esta oración es una pregunta o una orden?".
_EITHER_OR = re.compile(r"\s(?:o|oder|ou|of|или)\s")
# An opening mark without its closing one ends the search at the next opening mark, so that a text full of them is read
# in linear time.
_QUOTATION = re.compile(r"\"[^\"]*\"|“[^”“]*”|«[^»«]*»|„[^“”„]*[“”]")
_FIRST_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def category(instruction: str, input_: str) -> str:
    """The task's category (a quotation is data, not the task): naming the kind of a thing is classification, a
    calculation math; then what it works on, the verb that leads it, any other keyword; naming a number of things, or
    asking for several, is brainstorming, a yes-or-no question about the input classification, any other task open_qa."""
    text = _QUOTATION.sub(" ", instruction.lower())
    asks = text.rstrip().endswith("?")
    if _KIND_OF.search(text) and input_.strip():
        return "classification"  # "Para a equação dada, determine o tipo de equação."
    if (_MATH.search(text) and (_NUMBER.search(text) or _NUMBER.search(input_))) or _ARITHMETIC.search(text) or _MATH_WORDS.search(text):
        return "math"
    for name, keywords in _SUBJECTS:
        if keywords.search(text) and not (asks and name in _NOT_IN_QUESTIONS):
            return name
    task = _INTRODUCTION.sub("", text, count=1)
    lead = _FIRST_WORD.search(task)
    if lead is not None and (_SUGGESTING.fullmatch(lead.group()) or _TELLING.fullmatch(lead.group())):
        if _WRITTEN.search(task):
            return "generation"  # "Proposez un nouveau slogan", "Расскажи мне страшную историю"
        return "brainstorming" if _SUGGESTING.fullmatch(lead.group()) else "open_qa"
    for name, keywords in _TASKS:
        if lead is not None and keywords.fullmatch(lead.group()) and not (asks and name in _NOT_IN_QUESTIONS):
            listed = _A_LIST.search(" ".join(task.split()[1:4])) or (_COUNTED.match(task, lead.end()) and not _WRITTEN.search(task))
            if name in ("brainstorming", "generation") and _SYNONYMS.search(task):
                return "open_qa"
            if name == "generation" and _PROGRAMS.search(task):
                return "coding"  # "Создайте программу ...", "Diseña un algoritmo ..."
            if name == "generation" and listed:
                return "brainstorming"  # "Générez une liste de ...", "Genera 3 funzionalità ..." (not "3 poemi")
            if name == "brainstorming" and _A_TEXT.search(text) and (input_.strip() or task != text):
                return "extraction"  # "Dado el siguiente texto, enumera 5 datos ...", "Nenne aus dem gegebenen Text ..."
            return name
    for name, keywords in _TASKS:
        if keywords.search(task) and not (asks and name in _NOT_IN_QUESTIONS):
            return name
    if _SEVERAL.search(text) and (asks or _NAMING.search(text)):
        return "brainstorming"
    if asks and input_.strip() and (_EITHER_OR.search(text) or not _QUESTION_WORD.search(text)):
        return "classification"
    return "open_qa"
