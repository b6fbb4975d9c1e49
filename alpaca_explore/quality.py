"""Quality flags: the classes of broken records the community cleaning of Alpaca found.

Each check favours precision: a false flag hides good data.
"""

from __future__ import annotations

import re

from . import european, korean, unspaced

# Compared after stripping brackets, braces, backslashes and full stops: "<noinput>", "[No Input].", "{\\noinput}".
_PLACEHOLDERS = frozenset(
    {"noinput", "no input", "n/a", "na", "none", "null", "nil", "no input required", "no input needed",
     "not applicable", "empty", "-", "--", "nothing", "input", "no input provided", "no input is required", "blank",
     # as Chinese, Japanese and Korean translations of Alpaca write "<noinput>"
     "无输入", "无", "没有输入", "无需输入", "空", "不适用", "無輸入", "無", "沒有輸入", "無需輸入", "不適用", "なし", "入力なし", "該当なし",
     "입력 없음", "입력없음", "없음", "해당 없음", "해당없음", "입력 불필요",
     # and Spanish, Portuguese, French, Italian, German, Dutch and Russian ones
     "sin entrada", "ninguna entrada", "no hay entrada", "sem entrada", "nenhuma entrada", "aucune entrée", "pas d'entrée",
     "nessun input", "nessun dato in ingresso", "keine eingabe", "kein input", "geen invoer", "geen input", "нет ввода",
     "нет входных данных", "без ввода"}
)
_PLACEHOLDER_WRAPPING = " \t\n.{}[]()<>\\。（）【】《》「」〈〉"
_NO_OUTPUT = frozenset({"nooutput", "no output", "noinput"})  # "<nooutput>" (or "<noinput>") as the output stands for none
_MISSPELT_NOINPUT = re.compile(r"n[a-z]{0,3}put")  # "ninput", "noput", "nonput"
_MEDIA = r"(?:image|picture|photo|photograph|painting|cartoon|comic|logo|poster|meme|chart|graph|diagram|video|clip|audio|recording|sound ?clip|song|link|url|attachment|file|screenshot|drawing|illustration|infographic|map|figure|table|spreadsheet|artwork|art ?piece|sculpture)"
_MEDIA_WORD = re.compile(_MEDIA, re.I)
_MEDIA_REFERENCE = re.compile(
    rf"\b(?:this|these|the following|following|given|attached|above|below|provided|shown|displayed|linked|accompanying|embedded)\s+(?:\w+\s+)?{_MEDIA}s?\b|"
    rf"\b(?:in|from|of|on) the {_MEDIA}s?\b(?! (?:of|that|which|with|for|to|about))"
)
_MEDIA_INPUT = re.compile(
    r"https?://|www\.|\.(?:jpe?g|png|gif|bmp|svg|mp3|mp4|wav|mov|avi|pdf|xlsx?|docx?)\b|<(?:image|img|picture|photo|video|audio)\b|\[(?:image|picture|photo|video|audio|chart|graph)",
    re.I,
)
# An input that only stands for a link or a text left out: "[Input: Link to article]", "<link to flag>", "(Insert Article)".
_LINK_PLACEHOLDER = re.compile(r"[\[<(][^\]>)]{0,40}\b(?:link|url|insert)\b[^\]>)]{0,80}[\]>)]", re.I)
_TEXT_NAMES = "story|article|text|passage|essay|poem|document|paragraph"
# An input that only names the text it leaves out: "(Story)", "<NEWS ARTICLE>", "(Lyrics to a song)".
_TEXT_PLACEHOLDER = re.compile(
    rf"[\[<(]\s*(?:(?:a|an|the|news|short|full|song) )?(?:{_TEXT_NAMES}|"
    r"email|letter|report|song|lyrics|book|speech|transcript|review)(?: (?:to|of|from|about|on) [^\]>)]{1,60})?\s*[\]>)]",
    re.I,
)
# Tasks whose input or output holds markup, links or code as data rather than as media.
_CODE_WORDS = r"html|xml|markup|snippet|code|json|css"
_ABOUT_CODE = re.compile(rf"\b(?:{_CODE_WORDS}|regex|regular expression|sql|query|database)\b", re.I)
_ABOUT_MARKUP = re.compile(rf"\b(?:{_CODE_WORDS}|tags?|urls?|links?)\b", re.I)
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\(https?://")
_TAGS_ONLY = re.compile(r"(?:<[^<>\n]{1,40}>\s*)+")
_MEDIA_ELEMENT = re.compile(r"<(?:img|audio|video)\b[^>]*\bsrc=", re.I)  # '<audio src="https://...">Happy Birthday melody</audio>'
# Media counted in a word problem or story are things in it, not content to look at: "Lilah has 400 photos.
# ... these photos", "Thomas has 25 drawings".
_COUNTED_MEDIA = re.compile(rf"\b(?:\d[\d,]*|many|several|two|three|four|five|six|seven|eight|nine|ten) (?:\w+ )?{_MEDIA}s\b", re.I)
_NUMBER = re.compile(r"\d+")
# An input that only names the text it stands for: "The article" (unlike "Poem" as an item to classify).
_BARE_TEXT_NAME = re.compile(rf"the (?:{_TEXT_NAMES})\.?", re.I)
# A link in the instruction stands for content the record does not hold when it names such content.
_LINKED_CONTENT = re.compile(r"\b(?:article|page|web ?site|site|video|post|blog|paper|story|report|document|news)\b", re.I)
_CREATE_MEDIA = re.compile(r"^\s*(?:create|make|draw|design|generate|produce|build|construct|sketch|plot|render)\b", re.I)
# "描述这幅画" (describe this painting), "为下面的图片写一个标题" (caption the picture below), "この画像を説明して",
# "이 사진을 설명하세요": media the record cannot hold, in Chinese, Japanese and Korean.
_CJK_MEDIA_REFERENCE = re.compile(
    "(?:这|這|此|下面|下列|以下|给定|給定|所给|所給|附上|附带|附帶|上面|提供的|この|次の|以下の)(?:的)?(?:一?[张張幅个個段部份])?"
    "(?:图片|圖片|照片|图像|圖像|图表|圖表|视频|視頻|影片|音频|音頻|录音|錄音|链接|鏈接|連結|网址|網址|附件|截图|截圖|画作|畫作|绘画|繪畫|"
    "画像|写真|動画|リンク)|(?:这|這|下面的|以下的)[张張幅](?:画|畫|图|圖)|"
    "(?<![가-힣])(?:이|다음|아래|위|주어진|첨부된|제공된) ?(?:사진|이미지|그림|동영상|비디오|영상|오디오|녹음|링크|첨부 ?파일|차트|그래프|스크린샷)"
)
# The same in Spanish, Portuguese, French, Italian, German, Dutch and Russian: "Describe esta imagen", "l'image
# suivante", "dieses Bild", "это изображение". A map or a card is no media here: French "carte", German "Karte" and Dutch
# "kaart" name both.
_EUROPEAN_MEDIA_NOUNS = european.alternatives(
    r"im[áa]gen(?:es)? imagem imagens? images? immagin[ei] fotos? fotograf[íi]as? photos? photographies? fotografi[ae]",  # es pt fr it
    r"pinturas? peintures? dipint[oi] gr[áa]fic[oa]s? graphiques? diagramas? diagrammes? diagramm[ai] v[íi]deos? vid[ée]os?",
    r"dibujos? desenhos? dessins? disegn[oi] enlaces? links? liens? tablas? tabelas? tableaux? tabell[ae] mapas? mapp[ae]",
    r"ilustraci[óo]n(?:es)? ilustra[çc](?:ão|ões) illustrations? illustrazion[ei] infograf[íi]as? infographies? infografic(?:a|he)",
    r"grabaci[óo]n(?:es)? grava[çc](?:ão|ões) enregistrements? registrazion[ei] captura\sde\spantalla captures?\sd'[ée]cran screenshots?",
    r"bild(?:er|ern|es)? fotos? fotografien? diagramm(?:e|en|s)? grafik(?:en)? gemälde[ns]? zeichnung(?:en)? abbildung(?:en)? aufnahme[n]?",  # de
    r"afbeelding(?:en)? foto's grafieken grafiek diagrammen diagram video's schilderij(?:en)? tekening(?:en)? illustraties? plaatjes?",  # nl
    r"изображени\w* картин(?:а|у|ы|е|ой|ке|ка|ку|ки) фотографи\w* фото график\w* диаграмм\w* видео рисун\w* ссылк\w* таблиц\w*",  # ru
    r"скриншот\w* аудиозапис\w* logos? logotipos? logotypes? логотип\w*",
)
_EUROPEAN_MEDIA_BEFORE = european.alternatives(
    r"est[ae]s? est[eo]s? es[ae] esse essa (?:el|la|los|las|o|a|os|as)\s(?:siguientes?|seguintes?) (?:dad[oa]s?|adjunt[oa]s?|anex[oa]s?)",  # es pt
    r"cet(?:te)? ces ce (?:le|la|les|l')\s?suivant(?:e|es|s)?",  # fr
    r"quest[oaie] (?:il|la|lo|i|le|gli|l')\s?seguent[ei]",  # it
    r"dies(?:e|es|em|en|er)? (?:das|dem|die|der|den)\s(?:folgenden?|gegebenen?|beigefügten?|obigen?|untenstehenden?)",  # de
    r"deze dit (?:de|het)\s(?:volgende|gegeven|bijgevoegde|onderstaande|bovenstaande)",  # nl
    r"эт(?:о|от|а|у|ой|ом|ого|и|их|ими|им) следующ\w* данн(?:ое|ый|ая|ую|ом|ой|ого|ые|ых) приложенн\w*",  # ru
)
_EUROPEAN_MEDIA_AFTER = european.alternatives(
    r"siguientes? seguintes? adjunt[oa]s? anex[oa]s? (?:de\s)?abajo (?:de\s)?arriba abaixo acima",  # es pt
    r"suivant(?:e|es|s)? ci-dessous ci-dessus ci-joint(?:e|es|s)?",  # fr
    r"seguent[ei] allegat[oaie] (?:qui\s)?sotto (?:qui\s)?sopra",  # it
)
# Content behind a link, named in those languages: "Fasse den folgenden Artikel zusammen: https://...".
_EUROPEAN_LINKED_NOUNS = european.alternatives(
    r"art[íi]culos? artigos? articles? articol[oi] artikel(?:s|en)? стать[яиюей] p[áa]ginas? pages? seiten? pagin[ae] страниц\w*",
    r"v[íi]deos? vid[ée]os? video's видео sitio sites? webseiten? website sito сайт\w* blogs? блог\w* noticias? notícias? nachrichten?",
    r"nieuws новост\w* documentos? documents? dokument(?:e|en)? document(?:en)? documenti? документ\w* informes? relatórios? rapports?",
    r"berichte? rapporti? rapport verslag отч[её]т\w*",
)
_EUROPEAN_LINKED_CONTENT = re.compile(rf"(?<!\w)(?:{_EUROPEAN_LINKED_NOUNS})(?!\w)")
_EUROPEAN_MEDIA_REFERENCE = re.compile(
    rf"(?<!\w)(?:{_EUROPEAN_MEDIA_BEFORE})\s+(?:{_EUROPEAN_MEDIA_NOUNS})(?!\w)|"
    rf"(?<!\w)(?:la|el|las|los|a|o|as|os|le|les|il|lo|i|gli|l')\s?(?:{_EUROPEAN_MEDIA_NOUNS})\s+(?:{_EUROPEAN_MEDIA_AFTER})(?!\w)"
)
_MERGED = re.compile(r"(?:^|\n)\s*(?:#+\s*)?(?:\d+\.\s*)?instruction\s*:|###\s*(?:instruction|response)\b", re.I)
_REFUSAL = re.compile(
    r"\bas an ai(?: language model| assistant| model)?\b|\bi(?:'m| am) (?:just |only )?an ai\b|"
    r"\b(?:i'm|i am) (?:sorry|afraid),? (?:but )?(?:i|as an ai)\b.{0,40}\b(?:can(?:not|'t)|unable|not able|don't have)\b|"
    r"\bi (?:cannot|can't|am unable to|am not able to) (?:fulfill|complete|perform|do|provide|generate|create|answer|access|browse|see|view|display|play|draw)\b|"
    r"\b(?:cannot|can't|unable to) be (?:done|completed|performed|fulfilled|generated|answered|created) by (?:a|an|the) (?:gpt|language|ai|text-based)\b|"
    r"\b(?:gpt|language) model (?:cannot|can't|is (?:not able|unable))\b|"
    r"\bthis (?:task|instruction|request) (?:cannot|can't|requires)\b.{0,60}\b(?:gpt|language model|visual|physical)\b",
    re.I | re.S,
)
# The same in Chinese, Japanese and Korean: "作为一个AI语言模型，我无法…", "抱歉，我不能…", "AI言語モデルとして…", "AI 언어 모델로서…".
_CJK_REFUSAL = re.compile(
    r"作为一[个名](?:ai|人工智能)|作為一[個名](?:ai|人工智慧)|我(?:只)?是一个(?:ai|人工智能)|"
    r"(?:抱歉|对不起|很遗憾|對不起|很遺憾)[，,]?\s*(?:但)?我(?:无法|不能|無法)|"
    r"我(?:无法|不能|無法)(?:访问|訪問|浏览|瀏覽|查看|观看|觀看|看到|播放|显示|顯示|绘制|繪製)|"
    r"ai言語モデルとして|申し訳(?:ありません|ございません)が.{0,30}できません|"
    r"(?:ai|인공지능) ?(?:언어 ?모델|어시스턴트|비서)?(?:로서|으로서)|죄송(?:하지만|합니다)[,.]?.{0,40}수 없(?:습니다|어요)",
    re.I | re.S,
)
# And in Spanish, Portuguese, French, Italian, German, Dutch and Russian, where "as" often means "than" or "how" too
# ("mehr als KI", "как ИИ изменит мир"): as an AI model, I am an AI, sorry but I cannot.
_EUROPEAN_REFUSALS = european.alternatives(
    r"como\s(?:un\s|una\s)?(?:modelo\sde\slenguaje|modelo\sde\sia|asistente\sde\sia|inteligencia\sartificial)\b como\suna\sia\b",  # es
    r"soy\s(?:solo\s|sólo\s)?(?:un\s|una\s)?(?:modelo\sde\slenguaje|ia|inteligencia\sartificial)\b",
    r"lo\ssiento,?\s(?:pero\s)?(?:no\spuedo|no\ssoy\scapaz|no\stengo\s(?:acceso|la\scapacidad)|como\s(?:un|una)\b)",
    r"como\s(?:um\s|uma\s)?(?:modelo\sde\slinguagem|modelo\sde\sia|assistente\sde\sia|inteligência\sartificial)\b como\suma\sia\b",  # pt
    r"sou\s(?:apenas\s)?(?:um\s|uma\s)?(?:modelo\sde\slinguagem|ia|inteligência\sartificial)\b",
    r"(?:sinto\smuito|desculpe),?\s(?:mas\s)?(?:não\sposso|não\sconsigo|não\ssou\scapaz|não\stenho\s(?:acesso|a\scapacidade)|como\s(?:um|uma)\b)",
    r"en\stant\squ(?:e\s|')(?:un\s|une\s)?(?:modèle\sde\slangage|ia|intelligence\sartificielle|assistant)\b",  # fr
    r"je\ssuis\s(?:seulement\s|juste\s)?(?:un\s|une\s)?(?:modèle\sde\slangage|ia|intelligence\sartificielle)\b",
    r"désolée?,?\s(?:mais\s)?(?:je\sne\s(?:peux|suis)\spas|je\sn'ai\spas\s(?:accès|la\scapacité)|en\stant\squ)",
    r"(?:come|in\squanto)\s(?:un\s|una\s|un')?(?:modello\s(?:di\slinguaggio|linguistico)|ia|intelligenza\sartificiale)\b",  # it
    r"sono\s(?:solo\s)?(?:un\s|una\s|un')?(?:modello\s(?:di\slinguaggio|linguistico)|ia|intelligenza\sartificiale)\b",
    r"mi\sdispiace,?\s(?:ma\s)?(?:non\sposso|non\ssono\sin\sgrado|non\sho\s(?:accesso|la\scapacità)|come\s(?:un|una)\b|in\squanto)",
    r"als\s(?:ein\s|eine\s)?(?:ki-|ai-)(?:sprachmodell|modell|assistent)\w* als\s(?:ein\s)?sprachmodell\b als\seine\s(?:ki|künstliche\sintelligenz)\b",  # de
    r"ich\sbin\s(?:nur\s|lediglich\s)?(?:ein\s|eine\s)?(?:ki|ki-\w+|sprachmodell|künstliche\sintelligenz)\b",
    r"tut\smir\sleid,?\s(?:aber\s)?(?:als\b|ich\s(?:kann|bin)\b[^.!?]{0,60}\b(?:nicht|keine?[nm]?)\b|ich\shabe\skeinen\szugriff)",
    r"als\s(?:een\s)?(?:ai-?\s?taalmodel|taalmodel|ai-assistent|ai-model)\b als\seen\s(?:ai|kunstmatige\sintelligentie)\b",  # nl
    r"ik\sben\s(?:maar\s|slechts\s|alleen\s)?(?:een\s)?(?:ai|ai-\w+|taalmodel|kunstmatige\sintelligentie)\b",
    r"het\sspijt\sme,?\s(?:maar\s)?(?:als\b|ik\s(?:kan|ben)\b[^.!?]{0,60}\bniet\b|ik\sheb\sgeen\stoegang)",
    r"как\s(?:языковая\sмодель|модель|ии|ai|искусственный\sинтеллект|ассистент)[^.,!?]{0,20},\s*я\b",  # ru
    r"я\s(?:всего\sлишь\s|лишь\s|только\s|просто\s)?(?:языковая\sмодель|ии|искусственный\sинтеллект)\b",
    r"(?:извините|простите|к\sсожалению|мне\sжаль),?\s(?:но\s)?(?:я\sне\s(?:могу|в\sсостоянии|имею)|как\b)",
)
_EUROPEAN_REFUSAL = re.compile(rf"(?<!\w)(?:{_EUROPEAN_REFUSALS})")
# Every _EUROPEAN_REFUSAL branch contains one of these, so outputs without any skip the regex (a third of its time).
_EUROPEAN_REFUSAL_ANCHORS = (
    "model", "modèle", "модел", " ia", "'ia", " ki", "ki-", " ai", "ai-", " ии", "artifici", "künstlich", "kunstmatig", "искусствен",
    "assistant", "ассистент", "siento", "sinto", "desculpe", "désolé", "dispiace", "leid", "spijt", "извините", "простите",
    "сожалению", "жаль",
)
_ASKS_ABOUT_INABILITY = re.compile(
    r"\b(?:inappropriate|impossible|unable|cannot|can't|imposible|impossível|impossibile|unmöglich|onmogelijk|невозможн\w*|"
    r"no\spuede[ns]?|não\spode[mr]?|ne\speu(?:ven)?t\spas|non\spuò|kann\snicht|kan\sniet|не\sмо(?:жет|гут|гу))\b|无法|無法|不能|不可能|不恰当|不合适|できない|수 없|불가능|부적절", re.I)
# Every _REFUSAL branch contains one of these, so outputs without any skip the regex.
_REFUSAL_ANCHORS = ("an ai", "sorry", "afraid", "cannot", "can't", "unable", "not able", "this task", "this instruction", "this request")
_DANGLING = frozenset("the a an and or of to in with for that is are was by on as at from but which".split())
_KOREAN_SENTENCE_ENDS = "다요죠까니오네음임함"  # "…입니다", "…해요", "…하죠", "…할까", "…합니까", "…하오", "…하네", "…있음"
_KOREAN_SENTENCE_END = re.compile(f"[{_KOREAN_SENTENCE_ENDS}][.!?] ")
_TERMINAL = '.!?"\')]}*`>…。！？”’」』）》】'


def record_issues(instruction: str, input_: str, output: str, another_language: bool = False) -> list[str]:
    """The issue codes of one record, except ``duplicate_instruction`` (that needs the records before it).
    ``another_language``: the instruction is in Spanish, Portuguese, French, Italian, German, Dutch or Russian (as the
    classifier tells it, :attr:`classify.Analysis.another_language`), whose own forms of missing media and refusals
    are then looked for too."""
    issues = []
    stripped_output = output.strip()
    if not stripped_output or (len(stripped_output) <= 12 and _bare(stripped_output) in _NO_OUTPUT) or (
        stripped_output[:1] in "<[(" and _bare(stripped_output).startswith(("no output,", "nooutput,"))  # "<No output, cannot ...>"
    ):
        issues.append("empty_output")
    if (
        _missing_media(instruction, input_)
        or (another_language and _missing_european_media(instruction, input_))
        or (stripped_output[:1] == "<" and _is_media_placeholder(stripped_output, instruction))
        or ("![" in output and _MARKDOWN_IMAGE.search(output))  # "Here is a 3D visualization: ![car](http://...)"
    ):
        issues.append("missing_media")
    if is_placeholder(input_):
        issues.append("placeholder_input")
    lowered = output.lower()
    if ("instruction" in lowered or "###" in output) and _MERGED.search(output):
        issues.append("merged_instructions")
    # "Explain why this is an inappropriate instruction" asks for the reasons a refusal would give.
    refuses = any(anchor in lowered for anchor in _REFUSAL_ANCHORS) and _REFUSAL.search(output) is not None
    if not refuses and unspaced.has_own_rules(output):
        refuses = _CJK_REFUSAL.search(lowered) is not None
    if not refuses and another_language and any(anchor in lowered for anchor in _EUROPEAN_REFUSAL_ANCHORS):
        refuses = _EUROPEAN_REFUSAL.search(lowered) is not None
    if refuses and not _ASKS_ABOUT_INABILITY.search(instruction):
        issues.append("refusal")
    if stripped_output and _truncated(stripped_output):
        issues.append("truncated_output")
    return issues


def is_placeholder(input_: str) -> bool:
    """An input that stands for "no input" ("<noinput>", "N/A", "{\\noinput}", misspelt "<noput>" ...)."""
    if not input_.strip():
        return False
    bare = _bare(input_)
    return bare in _PLACEHOLDERS or bool(_MISSPELT_NOINPUT.fullmatch(bare))


def _bare(text: str) -> str:
    """A placeholder without its wrapping and case: "<NoInput>." -> "noinput"."""
    return text.strip(_PLACEHOLDER_WRAPPING).lower()


def _missing_media(instruction: str, input_: str) -> bool:
    """The task refers to media that a text dataset cannot carry."""
    stripped_input = input_.strip()
    if stripped_input[:1] in ("[", "<", "(") and (_LINK_PLACEHOLDER.fullmatch(stripped_input) or _TEXT_PLACEHOLDER.fullmatch(stripped_input)):
        return True
    if 7 < len(stripped_input) <= 14 and _BARE_TEXT_NAME.fullmatch(stripped_input):
        return True
    if _MEDIA_INPUT.search(input_):
        if _ABOUT_CODE.search(instruction):
            return False  # "Construct a regex to extract the links from the text": links are the data
        if _MEDIA_WORD.search(instruction):
            return True
        # '<img src="cat.png">' in an HTML snippet to fix, a link in JSON: the markup is the data ("[Image of a
        # product]" is no JSON).
        data = stripped_input.startswith(("{", "<html")) or (stripped_input[:1] == "[" and not stripped_input[1:2].isalpha())
        return not (data or _ABOUT_MARKUP.search(instruction))
    if ("://" in instruction or "www." in instruction) and not stripped_input and _LINKED_CONTENT.search(instruction):
        return True
    if not stripped_input and unspaced.has_own_rules(instruction) and _CJK_MEDIA_REFERENCE.search(instruction):
        return True
    if _CREATE_MEDIA.search(instruction):
        return False
    # Any text in the input (lyrics, a table, a description) is taken to be the media itself.
    # "the table" of a query is a database table.
    return (
        not stripped_input
        and bool(_MEDIA_REFERENCE.search(instruction))
        and not _ABOUT_CODE.search(instruction)
        and not _is_a_story_with_numbers(instruction)
    )


def _missing_european_media(instruction: str, input_: str) -> bool:
    """:func:`_missing_media` in Spanish, Portuguese, French, Italian, German, Dutch or Russian: media named with a
    demonstrative or "following", or content behind a link, and no input to stand for them."""
    if input_.strip():
        return False
    lowered = instruction.lower()
    if ("://" in instruction or "www." in instruction) and _EUROPEAN_LINKED_CONTENT.search(lowered):
        return True
    return (
        _EUROPEAN_MEDIA_REFERENCE.search(lowered) is not None
        and not _ABOUT_CODE.search(instruction)
        and not _is_a_story_with_numbers(instruction)
    )


def _is_a_story_with_numbers(instruction: str) -> bool:
    """A word problem: its photos, songs and tables are things it counts ("There are 10 books on the table. ...")."""
    return len(_NUMBER.findall(instruction)) >= 2 or bool(_COUNTED_MEDIA.search(instruction))


def _is_media_placeholder(output: str, instruction: str) -> bool:
    """An output of tags that stand for media ("<output image>", "<noinput>\n<image>") or that embeds it
    ('<audio src="...">'), unless the task is about markup."""
    stands_for_media = bool(_TAGS_ONLY.fullmatch(output)) and bool(_MEDIA_WORD.search(output))
    return (stands_for_media or bool(_MEDIA_ELEMENT.match(output))) and not _ABOUT_MARKUP.search(instruction)


def _truncated(output: str) -> bool:
    """Long prose that stops mid-sentence."""
    if output[-1] in _TERMINAL or len(output) < 200:
        return False
    last_line = output.rsplit("\n", 1)[-1].strip()
    if re.match(r"^(?:[-*•]|\d+[.)]|[A-Za-z][.)])\s", last_line):
        return False
    if unspaced.is_unspaced(last_line):  # Chinese, Japanese: no words to count, but a clause cut off mid-way
        return len(last_line) >= 20 and (unspaced.SCRIPTS.match(output[-1]) is not None or output[-1] in "，、：")
    if korean.HANGUL.match(output[-1]):
        # Korean prose ends its sentences in 다, 요 ...: after one, another syllable is cut off mid-way (not a list's last item).
        return output[-1] not in _KOREAN_SENTENCE_ENDS and _KOREAN_SENTENCE_END.search(last_line) is not None
    if len(last_line.split()) < 8:
        return False
    *_, before, last_word = last_line.lower().rsplit(None, 2)
    inches = last_word == "in" and (before[0].isdigit() or before in {"sq", "cu", "square", "cubic"})  # "= 360 sq in"
    return (last_word in _DANGLING and not inches) or output[-1] in ",;:-" or len(output) >= 1500


def normalise_instruction(instruction: str) -> str:
    """The form under which two instructions count as the same (case, spacing, final punctuation)."""
    return " ".join(instruction.lower().split()).rstrip(".?!: 。？！：")
