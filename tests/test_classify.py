"""Categories, verb/noun and quality flags against hand labels of real Alpaca records."""

from __future__ import annotations

import functools
import json
import re
import time
from collections import Counter
from pathlib import Path

import pytest
import sqlite_utils
from conftest import GSM8K, OTHER_LANGUAGES, SAMPLE, UNREAD_LANGUAGES

from alpaca_explore import european_verbs, load
from alpaca_explore.classify import CATEGORIES, analyse, category, much_in_other_language, reads_language_of
from alpaca_explore.european_gloss import gloss
from alpaca_explore.quality import normalise_instruction, record_issues

DATA = Path(__file__).parent / "data"
LABELS = DATA / "labels.tsv"  # the records the rules were developed on


def set_number(path: Path) -> int:
    """labels_heldout.tsv is the first held-out set, labels_heldout2.tsv the second, ..."""
    return int(path.stem.removeprefix("labels_heldout") or 1)


# labels_heldout.tsv was labelled after the rules were written; each later set blind, then used for fixes (see its header).
HELD_OUT_SETS = tuple(sorted(DATA.glob("labels_heldout*.tsv"), key=set_number))
LABEL_SETS = (LABELS, *HELD_OUT_SETS)
# Records of held-out sets with their instructions translated into Japanese (ja), Korean (ko) or Chinese (zh) by hand (see each
# file's header), and into German (de), Spanish (es), French (fr), Italian (it), Dutch (nl), Portuguese (pt) or Russian (ru),
# languages read by keywords, tables of their verbs and an English gloss: a set of 30 records each, then a blind one of 16,
# then sixteen of 10.
TRANSLATED_SETS = tuple(sorted(path for path in DATA.glob("translated_*.tsv") if path.stem.split("_")[1][:2] in ("ja", "ko", "zh")))
OTHER_LANGUAGE_SETS = tuple(sorted(path for path in DATA.glob("translated_*.tsv") if path not in TRANSLATED_SETS))


def test_held_out_sets_are_numbered_without_gaps():
    numbers = [set_number(path) for path in HELD_OUT_SETS]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 30
    assert [path.name for path in TRANSLATED_SETS] == [f"translated_{name}.tsv" for name in ("ja30", "ja31", "ko28", "ko29", "zh32", "zh33", "zh34")]
    european = (
        "de10 de11 de12 de13 de14 de15 de16 de2 de26 de28 de29 de30 de31 de32 de33 de34 de7 de9 es10 es13 es2 es20 es25 es28 es29 es30 "
        "es31 es32 es33 es34 es4 es5 es6 es7 es8 es9 fr10 fr11 fr12 fr13 fr18 fr27 fr28 fr29 fr30 fr31 fr32 fr33 fr34 fr4 fr5 fr7 fr8 "
        "fr9 it10 it11 it12 it13 it14 it17 it24 it28 it29 it3 it30 it31 it32 it33 it34 it6 it8 it9 nl11 nl12 nl13 nl14 nl15 nl16 nl17 "
        "nl18 nl21 nl28 nl29 nl30 nl31 nl32 nl33 nl34 nl8 nl9 pt10 pt11 pt12 pt19 pt23 pt28 pt29 pt3 pt30 pt31 pt32 pt33 pt34 pt5 pt6 "
        "pt7 pt8 pt9 ru10 ru12 ru13 ru14 ru15 ru16 ru17 ru18 ru19 ru22 ru28 ru29 ru30 ru31 ru32 ru33 ru34 ru7"
    )
    assert [path.name for path in OTHER_LANGUAGE_SETS] == [f"translated_{name}.tsv" for name in european.split()]


@functools.cache
def sample_records() -> list[dict]:
    return json.loads(SAMPLE.read_text())


def _or_none(value: str) -> str | None:
    return None if value == "-" else value


def labelled(labels: Path = LABELS) -> list[tuple[dict, dict]]:
    records = sample_records()
    pairs = []
    for line in labels.read_text().splitlines():
        if line.startswith("#"):
            continue
        index, category_, verb, noun, issues = line.split("\t")
        label = {"category": category_, "verb": _or_none(verb), "noun": _or_none(noun), "issues": [] if issues == "-" else issues.split(",")}
        pairs.append((records[int(index)], label))
    return pairs


def agreement(pairs: list[tuple[dict, dict]]) -> list[float]:
    """The shares of the records whose category, verb and noun agree with their labels."""
    results = [analyse(r["instruction"], r["input"]) for r, _ in pairs]
    return [sum(getattr(a, key) == label[key] for a, (_, label) in zip(results, pairs)) / len(pairs) for key in ("category", "verb", "noun")]


def confusion_matrix(pairs) -> str:
    counts = Counter((label["category"], analyse(r["instruction"], r["input"]).category) for r, label in pairs)
    width = max(map(len, CATEGORIES))
    lines = [" " * width + " " + " ".join(c[:5].rjust(5) for c in CATEGORIES)]
    for truth in CATEGORIES:
        lines.append(truth.rjust(width) + " " + " ".join(str(counts[truth, guess] or ".").rjust(5) for guess in CATEGORIES))
    return "\n".join(lines)


@pytest.mark.parametrize(
    "labels, category_bar",
    [(LABELS, 0.85), *((labels, 0.80) for labels in LABEL_SETS[1:])],
    ids=[labels.stem for labels in LABEL_SETS],
)
def test_agreement_with_hand_labels(shared, labels, category_bar):
    pairs = labelled(labels)
    assert len(pairs) >= (200 if labels == LABELS else 100)
    category_agreement, verb_agreement, noun_agreement = agreement(pairs)
    print(f"\n{labels.name}, {len(pairs)} labels: category {category_agreement:.1%}, verb {verb_agreement:.1%}, noun {noun_agreement:.1%}")
    print(confusion_matrix(pairs))
    assert category_agreement >= category_bar
    assert verb_agreement >= 0.90
    assert noun_agreement >= 0.85


def translated(translations: Path) -> list[tuple[dict, dict]]:
    """The records of translated_xxN.tsv, their instructions in the language xx (ja, ko, zh, de, es, fr, it), with the labels
    of labels_heldoutN.tsv but the verb and noun of the translation."""
    labels = {id(record): label for record, label in labelled(DATA / f"labels_heldout{translations.stem.split('_')[1][2:]}.tsv")}
    pairs = []
    for line in translations.read_text().splitlines():
        if not line.startswith("#"):
            index, chinese, verb, noun = line.split("\t")
            record = sample_records()[int(index)]
            pairs.append(({**record, "instruction": chinese}, {**labels[id(record)], "verb": _or_none(verb), "noun": _or_none(noun)}))
    return pairs


@pytest.mark.parametrize("translations", TRANSLATED_SETS, ids=lambda path: path.stem)
def test_agreement_of_translations_with_the_english_labels(shared, translations):
    """Chinese, Japanese and Korean rules, on records whose instructions were translated: the English labels hold for them."""
    pairs = translated(translations)
    categories, verbs, nouns = agreement(pairs)
    print(f"\n{translations.name}, {len(pairs)} labels: category {categories:.1%}, verb {verbs:.1%}, noun {nouns:.1%}")
    print(confusion_matrix(pairs))
    assert len(pairs) >= 60 and categories >= 0.85 and verbs >= 0.95 and nouns >= 0.90


@pytest.mark.parametrize(
    "instruction, input_, expected",
    [
        ("次の文を英語に翻訳してください。", "東京は日本の首都です。", "rewrite"),
        ("Pythonでリストを並べ替える関数を書いてください。", "", "coding"),  # a function, though it sorts and writes
        ("請總結這篇文章的要點。", "很長的文章", "summarization"),  # Traditional Chinese
        ("计算 12 乘以 7 的结果。", "", "math"),
        ("用一句话介绍一下计算机的历史。", "", "open_qa"),  # a computer (计算机) is no calculation
        ("推荐五本适合初学者的编程书籍。", "", "coding"),  # programming (编程) before suggesting
        ("推荐五部经典电影。", "", "brainstorming"),  # several suggestions
        ("想出一个关于月亮的故事。", "", "generation"),  # one
        ("这段话的作者想表达什么？", "人生就像一盒巧克力。", "closed_qa"),
        ("光合作用是什么？", "", "open_qa"),
        ("接続詞を使って2つの文を結合してください。", "", "rewrite"),  # the task is the verb after the means (使って)
        ("일상적인 물건을 사용하여 악기를 디자인하세요.", "", "generation"),
    ],
)
def test_chinese_and_japanese_instructions_are_categorised_by_their_keywords(instruction, input_, expected):
    assert analyse(instruction, input_).category == expected


@pytest.mark.parametrize(
    "instruction, verb",
    [
        ("写一首关于春天的诗。", "写"),
        ("请将以下句子翻译成英文。", "翻译"),  # after the polite 请, in a 将 construction
        ("为幼儿设计一个游戏。", "设计"),  # after a prepositional phrase
        ("对下面评论的情感进行分类。", "分类"),  # not the light verb 进行
        ("根据歌词，写一句话描述这首歌。", "写"),  # in the second clause
        ("用提供的人物创作一个故事。", "创作"),  # 提供的: provided, describing the characters
        ("给“计算语言学”这个术语下定义。", None),  # nothing inside the quotation
        ("什么是光合作用？", None),  # a question, as in English
        ("次の文を英語に翻訳してください。", "翻訳"),  # Japanese: a する verb's noun
        ("この写真を説明してください。", "説明"),  # not 写 of 写真 (photo)
    ],
)
def test_chinese_instructions_get_their_verb(instruction, verb):
    assert analyse(instruction, "").verb == verb


@pytest.mark.parametrize(
    "instruction, noun",
    [
        ("写一首关于春天的诗。", "诗"),  # after the last 的 of the phrase
        ("描述一种学习风格", "风格"),  # the last word of a compound
        ("构建一个2020年总统大选的准确时间线。", "时间线"),  # three characters, ending in a suffix
        ("生成一个体积为8立方米的三维图形。", "图形"),  # 三维 (three-dimensional) is no count of things
        ("请将以下句子翻译成英文。", "句子"),  # brought before the verb by 将
        ("对下面评论的情感进行分类。", "情感"),  # and by 对 ... 进行
        ("对给定的句子进行语法分析。", "句子"),  # 语法 (grammar) is part of the verb phrase
        ("写一条推文来推广给定的产品。", "推文"),  # not the product it promotes
        ("根据歌词，写一句话描述这首歌的主要信息", "话"),  # the sentence written, not the message it describes
        ("描述一种可以用来存储用户病情信息的数据结构。", "结构"),  # 存储 (store) describes the data structure
        ("给出四个组织一场成功聚会的建议。", "建议"),  # 建议 (suggest) may be a noun too
        ("找出这个句子中的错误并改正", "错误"),
        ("描述超参数优化的目的。", "目的"),  # 目的 (purpose) holds a 的 of its own
        ("比较并对比白天和黑夜。", "白天"),  # the first of two
        ("为一个简单的计算器设计一个类。", "类"),  # 计算器 (calculator) holds no verb
        ("解释为什么每个人都应该学习一门新语言。", None),  # a clause, as in English
        ("判断这个句子是主动语态还是被动语态。", None),
        ("什么是光合作用？", None),  # a question
    ],
)
def test_chinese_instructions_get_the_head_noun_of_their_object(instruction, noun):
    assert analyse(instruction, "").noun == noun


@pytest.mark.parametrize(
    "instruction, verb, noun",
    [
        ("猫についての詩を書いてください。", "書く", "詩"),  # the dictionary form of a te-form; について is no verb
        ("次の文を英語に翻訳してください。", "翻訳", "文"),  # a する verb: its noun
        ("国を3つ挙げてください。", "挙げる", "国"),  # an ichidan verb
        ("会話を作ってください。", "作る", "会話"),  # って: る, by the kanji
        ("描写的な言葉を使って、品物をリストアップしてください。", "使う", "言葉"),  # って: う; the first verb, as in English
        ("指示を読んで、自分の言葉で説明してください。", "読む", "指示"),  # んで: む
        ("ヒントをまとめてください。", "まとめる", "ヒント"),  # written in kana alone
        ("この物語を完成させてください：「騎士は城に入り、そこで見つけたのは…」", "完成", "物語"),  # the causative; no verb in the quote
        ("視覚化の種類を3つ説明し、それぞれの例を挙げてください。", "説明", "種類"),  # the continuative before a comma
        ("これらの動物を食性によって2つのグループに分けてください。", "分ける", "動物"),  # によって is no verb
        ("与えられた文から主語と目的語を特定してください。", "特定", "主語"),  # the first of two
        ("「聞く」と「聴く」の違いを説明してください。", "説明", "違い"),  # a noun with its kana
        ("企業がAIをどのように活用できるか提案してください。", "提案", None),  # a clause, as in English
        ("何か面白いことを教えてください。", "教える", None),  # こと, a formal noun
        ("2つのサイコロを振るゲームをしているとします。期待感を表す文を生成してください。", "生成", "文"),  # the request sentence
        ("C level エグゼクティブ向けの面接の質問をブレインストーミングしてください", "ブレインストーミング", "質問"),  # not the English rules
        ("フレンチトーストの材料は何ですか？", None, None),  # a question
    ],
)
def test_japanese_instructions_get_their_verb_and_noun(instruction, verb, noun):
    analysis = analyse(instruction, "")
    assert (analysis.verb, analysis.noun) == (verb, noun)


@pytest.mark.parametrize(
    "instruction, verb, noun",
    [
        ("다음 문장을 영어로 번역하세요.", "번역", "문장"),  # a 하다 verb: its noun
        ("고양이에 대한 시를 써 주세요.", "쓰다", "시"),  # before the helping 주세요, in its dictionary form
        ("농담을 몇 개 만들어 주세요.", "만들다", "농담"),
        ("짧은 시를 지으세요.", "짓다", "시"),  # an irregular verb
        ("의료 분야의 세 가지 과제를 찾아보세요.", "찾다", "과제"),  # without the helping 보다
        ("기후 변화의 원인 세 가지를 말해 주세요.", "말하다", "원인"),  # a one-syllable noun keeps 하다; the noun before its count
        ("인구가 100만 명이 넘는 미국 도시 5곳을 말하세요.", "말하다", "도시"),
        ("다음 두 사실을 비교하고 그 차이를 요약하세요.", "비교", "사실"),  # the first verb, as in English
        ("다음 단어 중 하나를 골라 동의어를 제시하세요.", "고르다", None),  # 하나 (one) is no noun
        ("\"throw away garbage\"라는 표현을 격식 있는 어조로 바꿔 쓰세요.", "바꾸다", "표현"),  # a verb before another
        ("비행 공포증에 대해 설명하세요.", "설명", None),  # 대해 (about) is no verb
        ("코로나19 바이러스가 어떻게 퍼지는지 설명하세요.", "설명", None),  # a clause
        ("다음 단어 중 두 개는 같은 범주에 속하지 않습니다. 그것들을 찾으세요.", "찾다", None),  # the request sentence; a pronoun
        ("단기 소비재 주식의 예는 무엇인가요?", None, None),  # a question
        ("다음 단어들을 문법적 범주에 따라 분류하세요.", "분류", "단어"),  # without the plural's 들
        ("인간의 심장에 관한 사실을 찾아보고 한 문장으로 요약해 주세요.", "찾다", "사실"),  # 보다 (try) before 고
        ("주어진 기사를 더 유익하고 흥미로운 어조로 편집하세요.", "편집", "기사"),  # 유익하고 (useful and) takes no object
        ("주어진 문장을 \"said\"라는 단어를 사용하지 않고 다시 작성하세요.", "작성", "문장"),  # 단어 is 사용하지's object
        ("월마트가 소유한 소매점 하나를 말해 주세요.", "말하다", "소매점"),  # the noun before 하나 (one)
        ("다음 SQL 쿼리를 MongoDB 쿼리로 변환하세요. SELECT * FROM movies WHERE year >= 2000", "변환", "쿼리"),  # the first sentence's language
    ],
)
def test_korean_instructions_get_their_verb_and_noun(instruction, verb, noun):
    analysis = analyse(instruction, "")
    assert (analysis.verb, analysis.noun) == (verb, noun)


def test_quality_flags_precision_on_labels(shared):
    pairs = [pair for labels in LABEL_SETS for pair in labelled(labels)]
    flagged = [(record_issues(r["instruction"], r["input"], r["output"]), label["issues"]) for r, label in pairs]
    raised = sum(len(found) for found, _ in flagged)
    correct = sum(len(set(found) & set(expected)) for found, expected in flagged)
    labelled_issues = sum(len(expected) for _, expected in flagged)
    print(f"\n{len(pairs)} labelled records: flags raised {raised}, correct {correct}, labelled {labelled_issues}")
    assert raised and correct / raised >= 0.8


@pytest.mark.parametrize(
    "instruction, verb, noun",
    [
        ("Generate a list of five fruits", "generate", "list"),
        ("Write a poem about the sea", "write", "poem"),
        ("Describe the following painting", "describe", "painting"),
        ("Can you explain how tides work?", "explain", None),
        ("What is the capital of France?", None, None),
        ("Given the passage, identify the main character.", "identify", "character"),
        ("Please come up with three names for a cat.", "come", "name"),
        ("Generate a product security policy following best practices.", "generate", "policy"),
        ("Write an email responding to this inquiry.", "write", "email"),
        ("Tell me a famous saying related to education.", "tell", "saying"),
        ("Briefly describe the water cycle.", "describe", "cycle"),
        ("Suppose you want to plan a trip. Write a checklist.", "suppose", None),  # a clause, not an object
        ("Describe the measures you can take to save energy.", "describe", "measure"),  # "you can take" is a clause
        ("Delete all of the duplicate lines.", "delete", "line"),
        ("Remind me to call my mother.", "remind", None),  # a pronoun is not a head noun
        ("Compose a thank you letter to a teacher.", "compose", "letter"),
        ("Identify the tone being used and why.", "identify", "tone"),  # "being used" is a clause
        ("Research and summarize the top three competitors.", "research", "competitor"),
        ("Name two U.S. states that border Canada.", "name", "state"),  # "U.S." is one word, not a sentence end
        ("Search for information about George Orwell.", "search", "information"),
        ("Think of a creative title for a story.", "think", "title"),
        ("Out of the provided options, which one is correct?", None, None),
        ("Give two reasons why it is important to drink water.", "give", "reason"),  # "why" starts a clause
        ("Compose an essay arguing why remote work is the future.", "compose", "essay"),
        ('Given a programming language, generate a "Hello World" program.', "generate", "program"),  # a quoted modifier
        ('Rewrite the phrase "throw away garbage" in a formal tone.', "rewrite", "phrase"),  # a quoted apposition
        ("Reverse engineer the following algorithm.", "reverse", "algorithm"),
        ("To what country does diaspora refer?", None, None),
        ("Provided with a statement, edit the statement.", "edit", "statement"),
        ("Categorize the following words under the given categories.", "categorize", "word"),
        ("Name three places near Seattle that are famous for nature.", "name", "place"),
        ("Create a commonly used phrase using the words storm and sea.", "create", "phrase"),  # an adverb and a participle
        ("Name a related topic from the document.", "name", "topic"),  # a participle as an adjective
        ("Select the perfectly punctuated sentence.", "select", "sentence"),
        ("Describe in detail the process of making olive oil.", "describe", "process"),  # an adverbial after the verb
        ("Insert the words 'like' or 'as' to make a comparison.", "insert", "word"),  # a single-quoted apposition
        ("Compose a 'Hello World' program.", "compose", "program"),  # a single-quoted modifier
        ("Write a brief greeting for an email newsletter.", "write", "greeting"),  # a noun in -ing
        ("Disconnect the following internet cable correctly.", "disconnect", "cable"),  # an adverb after the object
        ("Sort the following words alphabetically and output the list.", "sort", "word"),
        ("Describe the family of the main character.", "describe", "family"),  # a noun in -ly
        ("Given a sentence, identify the nouns present in that sentence.", "identify", "noun"),  # a postpositive adjective
        ("Suggest two activities suitable for a 5-year-old.", "suggest", "activity"),
        ("Generate a holiday themed song expressing sadness.", "generate", "song"),  # a compound modifier, then a clause
        ("Compose an email inviting clients to an event.", "compose", "email"),
        ("Create a machine learning model to recommend movies.", "create", "model"),  # a compound in -ing
        ("Fill in the blanks with appropriate words.", "fill", "blank"),
        ("Generate a new ending to the story.", "generate", "ending"),
        ("Generate a creative but feasible idea for a new platform.", "generate", "idea"),  # coordinated adjectives
        ("Compare and contrast physical and digital storage devices.", "compare", "device"),
        ("Compare a mammal and a reptile.", "compare", "mammal"),  # coordinated nouns
        ('Create an "about us" page for a business.', "create", "page"),  # no boundaries inside quotes
        ('Translate "Bonjour" into English.', "translate", "bonjour"),
        ("Referring to the given source link, explain the significance of the story.", "explain", "significance"),
        ("Explain in simple terms the concept of artificial intelligence.", "explain", "concept"),
        ("This is an open-ended task. GPT model should generate an appropriate output.", None, None),  # a subject, not a verb
        ("Imagine you could fly. Describe your first flight.", "imagine", None),
        ("You need to quickly analyze the given text and find all the proper nouns.", "analyze", "text"),  # an adverb after "to"
        ("Given 3 integers a, b, c, compute a+b+c.", "compute", None),  # commas inside the introducer
        ("Step by step, how would you solve this equation?", None, None),
        ("In this task, you are required to add three interesting things.", "add", "thing"),
        ("Arithmetic exercise. What is the number 16 divided by 4?", None, None),  # a heading, then the question
        ("Solve 8 x 8.", "solve", None),  # a single letter is no head
        ("Describe someone you admire", "describe", None),
        ("Generate a correct C++ program to compute the sum of N numbers.", "generate", "program"),
        ("For the following inputs, predict the output - open or close", "predict", "output"),  # a dash ends the object
        ("Define the term electric circuit.", "define", "term"),  # the term, then what it names
        ("Write a 5 to 7 lines story that conveys what happened.", "write", "story"),  # a range of numbers
        ("Do the following equation: 8 + 4 / 2", "do", "equation"),  # an imperative "do"
        ("Do you know the capital of France?", None, None),
        ("Identify the poet behind the following poem.", "identify", "poet"),
        ("You are given a text, edit it to make it more concise.", "edit", None),
        ("Detect any bias in the following statement.", "detect", "bias"),
        ("Convert the word discovery into a noun.", "convert", "word"),
        ("Solve the word problem below.", "solve", "problem"),
        ("Explain in 100 words the concept of deep learning.", "explain", "concept"),  # a length before the object
        ("Produce a vivid and realistic description of the event.", "produce", "description"),
        ("Construct a math equation whose answer is 12", "construct", "equation"),
        ("Generate a couple of jokes.", "generate", "joke"),  # a quantity before the head
        ("Walk through the process of baking bread.", "walk", "process"),  # a particle before the object
        ("Fill the [blank] with a suitable word.", "fill", "blank"),  # a placeholder in brackets
        ("Put together a plan for the weekend.", "put", "plan"),
        ("Explain in a few sentences the theory of relativity.", "explain", "theory"),
        ("Write two or three lines about autumn.", "write", "line"),
        ("List the even numbers greater than 10.", "list", "number"),  # a comparative ends the object
        ("You are given a recipe, and you need to shorten it.", "shorten", None),  # not "and"
        ("Reply to the message politely.", "reply", "message"),  # a verb in -ly, not an adverb
        ("Task: Write a poem about the sea.", "write", "poem"),  # a heading before the task
        ("Please explain quantum computing in simple terms.", "explain", "computing"),  # a noun in -ing
        ("Q: What is the capital of France?", None, None),
        ("At what temperature does water boil?", None, None),  # a question, not the verb "at"
        ("Question: In which year did Yao Ming retire?\nAnswer:", None, None),
        # A sentence that starts with its subject has no imperative verb: the task is the next sentence's.
        ("John buys 3 apples. How many apples does he have?", None, None),
        ("James decided to run 4 miles a day. How far does he run in a week?", None, None),
        ("Taylor Swift released a new album. Write a tweet about it.", "write", "tweet"),
        ("Mary's dog eats 2 cups of food a day. How much does it eat in a week?", None, None),
        ("What's the capital of France?", None, None),
        ("Yesterday, Sam read 12 pages. Today he read 20. Calculate the total number of pages.", "calculate", "number"),
        # ... but an imperative before a plural and a determiner is still a verb.
        ("Show users the steps to reset a password.", "show", "user"),
        ("Assign tags to the following sentence.", "assign", "tag"),
        ("Compare and contrast the two poems.", "compare", "poem"),
        ("Explore ways to reduce plastic waste.", "explore", "way"),  # a plural before "to", unlike "wants to"
        ("Lisa wants to buy 3 books. How much does she spend?", None, None),
        ("Rachel and Sara want to attend a concert. How much will they pay?", None, None),  # names joined by "and"
        ("Ann, Bill, and Cate are friends. Write a story about them.", "write", "story"),
        ("Jim collects model cars. How many does he have?", None, None),
        ("Cut and paste the text into a new document.", "cut", "text"),  # imperatives joined by "and"
        ("Caleb and his dad went fishing at the lake. How many fish did they catch?", None, None),
        ("Nancy, the librarian, is shelving books. How many are left?", None, None),  # an apposition
        ("Bella bought stamps at the post office. How many did she buy?", None, None),  # a past tense, whatever follows
        ("Janine read 5 books last month. How many pages did she read?", None, None),
        ("Watch plays by Shakespeare and summarize one.", "watch", "play"),  # "plays" is a noun here
        ("Calculate expected 10% returns on a $500 investment.", "calculate", "return"),  # a participle, not a past tense
        ("Try coming up with a creative way to stay motivated.", "try", "way"),  # a phrasal verb in -ing
        ("Dependency parsing for the sentence. Output the dependencies in lines.", "output", "dependency"),  # a heading
        ("Practice speaking in public. Write down three tips.", "practice", "speaking"),  # a verb before its gerund
        ("Fact checking - tell me if the statement is true or false.", "tell", None),  # a heading before a dash
        # Other languages are not read as English: Chinese has rules of its own (below), French, German and Russian tables
        # of their verbs, in the infinitive.
        ("写一首关于秋天的诗。", "写", "诗"),
        ("Écrivez un poème sur la mer.", "écrire", "poème"),
        ("Erkläre, wie Gezeiten funktionieren.", "erklären", None),
        ("Напишите стихотворение о море.", "написать", "стихотворение"),
        ("Viết một bài thơ về biển.", None, None),  # Vietnamese: no verb rather than a fragment of one
        ("Describe the café on the corner.", "describe", "café"),  # an English sentence with a word from elsewhere
        ("Rewrite the sentence “I can’t go” in the past tense.", "rewrite", "sentence"),
    ],
)
def test_verb_and_noun_examples(instruction, verb, noun):
    assert (analyse(instruction, "").verb, analyse(instruction, "").noun) == (verb, noun)


@pytest.mark.parametrize(
    "instruction, input_, expected",
    [
        ("Write a Python function that reverses a string.", "", "coding"),
        ("What is 15% of 240?", "", "math"),
        ("Summarize the article in two sentences.", "The city council met on Monday to discuss ...", "summarization"),
        ("Classify the sentiment of this review as positive or negative.", "Great food!", "classification"),
        ("Rewrite this sentence in the passive voice.", "The cat chased the mouse.", "rewrite"),
        ("Translate the sentence into Spanish.", "Good morning", "rewrite"),
        ("Extract all the dates mentioned in the text.", "On 4 July 1776 ... and on 1 May 1886 ...", "extraction"),
        ("Brainstorm five names for a bakery.", "", "brainstorming"),
        ("Write a short story about a lighthouse keeper.", "", "generation"),
        ("Why is the sky blue?", "", "open_qa"),
        ("Is a strawberry a fruit or a vegetable?", "", "classification"),
        ("What are some ways to save energy at home?", "", "brainstorming"),
        ("Return a list of emergency contact numbers.", "", "brainstorming"),
        ("Provide a dialogue between a doctor and a patient.", "", "generation"),
        ("Provide an explanation of photosynthesis.", "", "open_qa"),
        ("Tell me the history of the internet.", "", "open_qa"),
        ("Tell a story about a brave mouse.", "", "generation"),
        ("Edit the given summary for better readability.", "Summary: This essay looks into ...", "rewrite"),
        ("Find examples of the following relationship.", "Mutualism", "brainstorming"),  # one word: nothing to extract from
        ("Create a metric to evaluate a recommender system.", "{\\noinput}", "generation"),  # a placeholder is not code
        ("Recommend a laptop for a student who travels.", "", "brainstorming"),  # an idea, even a single one
        ("Suggest a title for a blog post about tea.", "", "generation"),  # a text to write
        ("Propose a design for a city park.", "", "generation"),
        ("Clarify the following statement.", "Taxes are complicated.", "rewrite"),
        ("Put these words in alphabetical order: pear, apple, fig", "", "other"),
        ("Simplify the expression.", "(2x + 4) / 2", "math"),
        ("Write two sentences about Python programming.", "", "generation"),  # prose about code is not code
        ("Find five words that mean cheerful.", "<ninput>", "open_qa"),  # a misspelt placeholder is not HTML
        ("Parse the sentence into subject, verb and object.", "Maria likes singing.", "extraction"),
        ("Predict what will happen to the stock price.", "The company reported a loss.", "other"),
        ("Predict the category of the given text.", "The government has announced new taxes.", "classification"),
        ("Describe the mood of the sentence in one word.", "It was raining outside.", "classification"),
        ("Which one is the correct verb?", "The children ___ songs.\nA) scared\nB) sang\nC) jumped", "classification"),
        ("Identify the subject of the sentence:\n\nThe book was on the shelf.", "", "extraction"),
        ("Find the address of the restaurant \"The Blue Elephant\".", "", "open_qa"),  # a quoted name is no passage
        ("Generate a Mad Libs game for the following story.", "John was a <noun>. He loved <food>.", "generation"),  # not HTML
        ("Calculate the median of the given set.", "{9, 7, 11, 8, 10}", "math"),  # braces around numbers are a set
        ("Analyze this text and generate a keyword list.", "The American Dream is the idea that anyone can succeed.", "extraction"),
        ("Create a riddle from the given keywords.", "Hoarding, Spend, Bill", "generation"),
        ("Create 6 math equations using the numbers 1, 9, 5 and 8.", "", "math"),
        ("Find the French word for \"cat\".", "", "rewrite"),
        ("Search for information about the author George Orwell.", "", "open_qa"),
        ("Look up an article about the economy.", "", "other"),
        ("Describe a way to make a banana smoothie.", "", "open_qa"),
        ("Give me examples of a consumer product.", "", "brainstorming"),
        ("Provide the steps to check a car engine.", "", "open_qa"),
        ("Group the items in the list into two categories.", 'List = {"dog", "cat", "bird"}', "classification"),  # data, not code
        ("Given a user query, translate it into a boolean expression.", "Books published after 1980", "coding"),
        ("Assign tags to the following sentence.", "Mark's sister is a teacher.", "classification"),
        ("Answer the following multiple choice question.\n\nQ. Who wrote Hamlet?\nA. Dickens\nB. Shakespeare", "", "classification"),
        ("Construct a multiple choice question about fractions.", "", "generation"),
        ("What is an AI algorithm?", "", "open_qa"),  # what a word means, not code
        ("What does this function return?", "def f():\n    return 1", "coding"),
        ("Tell me what an algorithm is.", "", "open_qa"),
        ("Give me the French equivalent for \"good morning\".", "", "rewrite"),
        ("Collect the important points from the following text.", "The Hubble Space Telescope was launched in 1990 ...", "summarization"),
        ("Name the type of noun in the following sentence: He ate some apples.", "", "classification"),
        ("Format this text according to APA style.", "Computer science is the study of computers.", "rewrite"),
        ("Find the indirect object in the sentence\nThe children gave their teacher a gift.", "", "extraction"),
        ("Come up with two ways to solve the following problem.", "A town is short of water.", "brainstorming"),
        ("Solve the equation for x.", "2x + 3 = 7", "math"),
        ("Write a definition of \"photoshop\".", "", "open_qa"),
        ("Explain why zero multiplied by any number is zero.", "", "math"),
        ("From the given text, create a keyword list.", "In the distant future, humans journeyed to distant galaxies.", "extraction"),
        ("What are some potential solutions for reducing air pollution?", "", "brainstorming"),
        ("Convert this text written in Morse code to English.", "-.. --- --.", "rewrite"),
        ("Give a brief definition of OOP (Object Oriented Programming).", "", "open_qa"),
        ("How many paragraphs does the text have?", "This is the first one.\n\nThis is the second one.", "open_qa"),
        ("How many ounces are in two liters?", "", "math"),
        ("Find the sentence that is grammatically incorrect.", "A)His parents forbid him.\nB)Them going was forbid.", "classification"),
        ("Dialogue with a manager who is asking for an update.", 'Manager: "How is the project going?"', "generation"),
        ("Rearrange this sentence so it has subject-verb-object order.", "The proposal was written by the group.", "rewrite"),
        ("Organize the given sentences in a logical order.", "Sentence 1: Then they left. Sentence 2: They ate.", "other"),
        ("Describe a safety measure that can be implemented on public transport.", "", "open_qa"),
        ("Describe in detail an alien planet.", "", "generation"),
        ("Complete the analogy: A knife is to a fork as a spoon is to a ____.", "", "open_qa"),
        ("What is the taxonomy of a human?", "", "open_qa"),
        ("Create a taxonomy of the animals in the given list.", "horses, cows, eagles", "classification"),
        ("Provide an example of a hyperbole to describe a very strong wind.", "", "generation"),
        ("Provide an example of a programming language used for artificial intelligence.", "", "open_qa"),
        ("Explain why the symbol $ is used in most programming languages.", "", "open_qa"),
        ("Rewrite the following code in a different programming language.", "x = [1, 2]\nprint(x)", "coding"),
        ('Write 7 words related to the word "party".', "", "open_qa"),
        ("Find a word in the article that has a similar meaning to 'elicit'.", "The data is collected from many sources.", "extraction"),
        ("Create a modified version of the following recipe that takes 15 minutes:", "Lasagna\n- 9 noodles\n- 2 cups of cheese\n- 2 eggs", "rewrite"),
        ("Develop a new version of the following product.", "Flashlight", "generation"),
        ("Design an online course on HTML.", "", "generation"),
        ("Implement a class in Python", "", "coding"),
        ("Write a sentence that conveys the same meaning as the given sentence.", "The experiment was successful", "rewrite"),
        ("Given the following sentence, find the error and provide the correct version:", "Mike and me went to the store.", "rewrite"),
        ("Find the mode of the following set of numbers: 23, 16, 22, 19, 24, 21", "", "math"),
        ("Express the following as a ratio.", "3 out of 5", "math"),
        ("Write a blog post summarizing why remote work is the future.", "", "generation"),
        ("Generate a short paragraph summarizing the movie Inception.", "", "summarization"),
        ("List the major flaws of this paper design", "The paper begins with the proposed idea, then goes into the background.", "closed_qa"),
        ("Describe three actions you can take to raise awareness about the climate emergency.", "", "brainstorming"),
        ("Think of a creative title for a story about two friends.", "", "generation"),
        ("Think of a solution to reduce water consumption.", "", "brainstorming"),
        ("Edit the following sentence to improve its clarity: “The decision is calculate the amount of supplies”", "", "rewrite"),
        ("What is the pH of a solution with a hydronium ion concentration of 0.000001M?", "", "math"),
        ("Derive a mathematical expression that calculates the area of a triangle.", "", "math"),
        ("Reformulate the sentence to use an adjective in its place.", "The clothing was extremely expensive.", "rewrite"),
        ("Decipher the message using a substitution cipher.", "WKH TXLFN EURZQ IRA", "rewrite"),
        ("Generate two sentences about how modern technology has improved our lives.", "", "generation"),
        ("Rearrange the given word order to form a grammatically correct sentence.", "force have every you plant", "rewrite"),
        ("Describe what you like most about the city you live in", "", "generation"),
        ("Describe the measures you can take to save energy.", "", "open_qa"),
        ("Extend this sentence: “Technology has revolutionized the way we", "", "generation"),
        ("Match the behavior to its corresponding animal.", "A monkey swinging from branch to branch - Monkey", "other"),
        ("Offer a 5 step plan for managing a crisis situation.", "", "generation"),
        ("On a scale of 1 to 5, rate the following employee's performance.", "* Resolved 3 issues\n* Helped 2 customers", "classification"),
        ("Describe a revenue model for a subscription-based service.", "", "open_qa"),
        ("Transform the given code to use a structure data type.", 'name="John"\nage=40', "coding"),
        ("Cite which sources were used in the paper.", "Abstract: Fine-tuning continuous prompts has emerged as a compact alternative.", "closed_qa"),
        ('Describe the color "red" in a metaphorical way.', "", "generation"),
        ("Describe one creative activity.", "", "open_qa"),
        ("Prove the Pythagorean Theorem.", "", "math"),
        ("Provide directions from the National Mall to the National Zoo.", "", "open_qa"),
        ("Outline a plan to build an online store.", "", "generation"),
        ("Generate 2 rhyming lines for the following line.", "She popped the question", "generation"),
        ("Identify the parts of speech for the words in bold.", "The town hosted a popular festival.", "classification"),
        ("Restate this sentence in another way.", "He is annoyed with the noise.", "rewrite"),
        ("Generate a new solution to address the global climate crisis.", "", "brainstorming"),
        ("Generate a movie recommendation for a person who likes thrillers.", "", "brainstorming"),
        ("Please provide an example of a time when you have seen a demonstration of kindness.", "", "generation"),
        ("Describe the most difficult problem you ever solved", "", "generation"),
        ("Find three examples of alliteration in the following sentence:\nThe bubbly baby blindly blundered.", "", "extraction"),
        ("Build a vocabulary list of 10 words related to gardening.", "", "brainstorming"),
        ("What are the possible solutions to the given problem?", "People in America face rising homelessness.", "brainstorming"),
        ("Take this text and convert it into title case.", "the great gatsby is a classic novel", "rewrite"),
        ("Use the given word to fill in the blank in the sentence.", "Word: scintillating\n\nShe gave a ____ speech.", "generation"),
        ("Read the following passage and find the wrong statements.", "Apple Inc. is an American company based in Texas that sells phones and computers.", "closed_qa"),
        ("Evaluate a given paper with a score between 0 and 10.", "The paper “The Impact of AI on Education”.", "classification"),
        ("Construct a truth table for the given expression.", "(~P -> Q) v (R -> S)", "math"),
        ("Identify a common mistake in the sentence and provide a correction.", "I seen that movie.", "rewrite"),
        ("What is the primary function of a router in a computer network?", "", "open_qa"),
        ("Normalize the following UPS tracking numbers.", "X1Y54ZF445", "rewrite"),
        ("Count the number of adjectives in the second paragraph.", "The sky was gloomy, with dark clouds. The wind howled like a wolf.", "closed_qa"),
        ("Find the sentence which does not fit in the context of the other sentences.", "He packed a tent. He packed boots. He ordered a book.", "classification"),
        ("From the following text, circle the nouns.", "Sanchez ran swiftly through the woods.", "extraction"),
        ("Suggest an experiment to help determine the validity of this claim.", "People who eat breakfast do better.", "generation"),
        ("Convert the body mass index into the correct category.", "19.6", "classification"),
        ("Generate a humorous adaptation of the original sentence.", "It was a calm, quiet evening.", "rewrite"),
        ("Generate a prediction for the following time series data.", "15, 18, 21, 12, 19", "other"),
        ("Describe the sound of a thunderstorm using just one sentence.", "", "generation"),
        ("Provide a brief analysis of the given poem.", "You may write me down in history with your bitter, twisted lies.", "closed_qa"),
        ("Given the following sentence, suggest alternative words for the underlined words", "The manager employed the interns.", "rewrite"),
        ("Suggest a healthier alternative for the given item.", "Chocolate", "brainstorming"),
        ("Create three subheadings that could be used to divide the news article.", "Tesla announced a new battery.", "generation"),
        ("Divide 144 by 12.", "", "math"),
        ("Describe a painting technique used by Pablo Picasso.", "", "open_qa"),
        ("Frame a one-sentence hypothesis given the following information.", "The study looks at online learning.", "generation"),
        ("Reverse the order of the words in each sentence.", "He was very upset.", "rewrite"),
        ("Identify the verb tense in the following sentence: She had planted a rosebush.", "", "classification"),
        ("Suggest a solution for this leetcode problem", "Given a string of brackets, check whether it is valid.", "coding"),
        ("Share a funny anecdote about a soccer match.", "", "generation"),
        ("Describe the aesthetics of a landscape", "", "generation"),
        ("Divide this list into two groups to make valid anagrams.", "wrench, nickels, broom, flow", "classification"),
        ("Write a short story about a 13-year-old who discovers the power of technology.", "", "generation"),
        ("List 10 synonyms for 'sad'.", "", "open_qa"),
        ("Swap the words in the sentence to achieve a different meaning.", "The teacher is nice", "rewrite"),
        ("Outline a new piece of technology.", "Smart Telescope", "generation"),
        ("Outline the steps to troubleshoot a software problem.", "", "open_qa"),
        ("Research the given topic and generate a theory.", "Causes of Autism", "generation"),
        ("Designate an emotion for the following phrase.", "She shouted angrily", "classification"),
        ("Identify and list down at least three technical details that differ between a desktop and a laptop", "", "brainstorming"),
        ("Sketch a comic strip of five panels about someone buying a new phone.", "", "generation"),
        ("Construct a sentence by using the given words and grammar rules.", "Words: school, are, student", "generation"),
        ("Edit the sentence for grammar.", "He go to school.", "rewrite"),
        ("Offer an example to illustrate the following proverb.", '"Time is money."', "generation"),
        ("Come up with 5 different movie titles that start with the word \"The\".", "", "brainstorming"),
        ("Generate the top 5 advantages of attending university", "", "brainstorming"),
        ("Given a list of items, reorder them according to some criterion.", "Blueberries, Bananas, Apples", "other"),
        ("Place the given objects in chronological order.", "Newspaper, television, radio", "other"),
        ("Reframe this statement so it is more motivational: “You have not seen much progress.”", "", "rewrite"),
        ("Write an outline of the story below.", "Story: Janet had been stifled by expectation for many years and wanted out.", "summarization"),
        ("Create an outline for a blog post about machine learning.", "", "generation"),
        ("Describe someone you admire", "", "generation"),
        ("Synthesize an article on the potential pitfalls of relying too heavily on AI.", "", "generation"),
        ("Decide which statement is the strongest.", "Statement A: Ours is the best.\nStatement B: Ours is the most reliable.", "classification"),
        ("Find the 34th Fibonacci number. Output the number directly.", "", "math"),
        ("Imagine you have just collected some data. Generate three questions that the data can answer.", "", "brainstorming"),
        ("Imagine you are an alien visiting Earth. Describe what you see.", "", "generation"),
        ("Suppose you are designing an online store. What kind of search bar should it have?", "", "open_qa"),
        ("Generate potential titles for a book on the subject of entrepreneurship.", "", "brainstorming"),
        ("Explain what a computer algorithm is.", "", "open_qa"),
        ("Explain this code.", "for i in range(3):\n    print(i)", "coding"),
        ("Given the following text, list 5 facts about dolphins: Dolphins have fascinated humans since ancient times.", "", "brainstorming"),
        ("Describe an example of a human making an ethical decision.", "", "open_qa"),
        ("Develop a set of rules for the use of proper etiquette while attending a meeting", "", "generation"),
        ("Write five questions about the US Constitution.", "", "brainstorming"),
        ("Reorganise this paragraph so that it reads more clearly.", "Creative writing is a form of art. It uses imagination.", "rewrite"),
        ("Design a data model to store customer information.", "", "coding"),
        ("From the given passage, list the three details given about Alice's town.", "Alice lives in a small town full of quirky characters.", "extraction"),
        ("What are some rules for being a good guest in someone else's home?", "", "brainstorming"),
        ("Describe a possible solution to help improve the air quality in cities.", "", "open_qa"),
        ("Detect any bias in the following statement and explain.", "Women are more suited for a desk job.", "classification"),
        ("Write a synopsis of the given text.", "Shrek is the tale of a large, green ogre who lives alone in a swamp.", "summarization"),
        ("Generate a headline for the film synopsis below.", "Film Synopsis: After a drought, a farmer finds water.", "generation"),
        ("What is the result of multiplying 87 and 183?", "", "math"),
        ("Join the following words to form a compound word.", "Sun and shine", "rewrite"),
        ("Sum up the sentence using one or two words.", "It is never too late to learn something new.", "summarization"),
        ("Given a problem, identify the trigonometric function to be used.", "Find the angle of elevation of an object.", "math"),
        ("How does a decision tree algorithm work?", "", "open_qa"),
        ("What does this code print?", "x = [1, 2]\nprint(len(x))", "coding"),
        ("Greet someone on their birthday.", "", "generation"),
        ("Describe an environmental issue that has been in the news recently.", "", "open_qa"),
        ("Make a prediction about the stock market given the economic data.", "Unemployment has risen from 4.5% to 10.2%.", "other"),
        ("Give feedback for the following essay", "This essay discusses the importance of computer programming for students.", "closed_qa"),
        ("Suggest a way to lose 10 pounds in two weeks.", "", "brainstorming"),
        ("What is 10 km in miles?", "", "math"),
        ("Estimate how long it will take to paint this room", "Size of room | 10 feet by 12 feet", "math"),
        ("In the provided sentence, identify and correct the faulty comparison.", "The house was even more big than we expected.", "rewrite"),
        ("Resolve the conflict in the sentence.", "He wanted to watch a movie but she wanted to go to a party.", "generation"),
        ("Create an antonym for the word \"Early\". Output the antonym.", "", "open_qa"),
        ("Complete the following nursery rhyme.", "Jack and Jill went up the hill", "generation"),
        ("Write a short story based on the article.", "In a recent survey, 90% of participants said that self-care is important.", "generation"),
        ("Two of the following words do not belong in the same category. Identify them.", "Saber, Shotgun, Spear", "classification"),
        ("Enumerate the given set of items.", "Apple, Orange, Mango", "rewrite"),
        ("Divide 887 by 3 using Python.", "", "coding"),
        ("Explain the difference between an array and an object in JavaScript.", "", "coding"),
        ("Toggle the third word in this sentence from singular to plural.", "The cat slept.", "rewrite"),
        ("Describe a hypothetical system for gaining points by doing community service.", "", "generation"),
        ("Design a system to classify objects based on their size.", "", "generation"),
        ("Create a slogan that captures the sentiment of a start-up.", "", "generation"),  # a piece to write, not sentiment to tell
        # After a preamble, the task verb's own words decide: "make a pun" writes one, "come up with 3 facts" lists them.
        ('Take the phrase "through the fire" and make a pun out of it.', "", "generation"),
        ("Research a famous author and come up with 3 interesting facts", "", "brainstorming"),
        ("Given a sentence, identify all parts of speech", "The blue bird was singing sweetly.", "classification"),
        ("Identify the errors in the sentence and suggest a correction.", "I saw a good movie this days.", "rewrite"),
        ("Separate the list of names into two categories", "Anna, Joe, Hector, Beth", "classification"),
        ("Describe any two types of renewable energy.", "", "brainstorming"),
        ("Tell me five reasons to learn French.", "", "brainstorming"),
        ("Compare two types of batteries.", "", "open_qa"),
        ("Finish the poem.", "Roses are red, violets are blue,", "generation"),
        ("Suggest how schools could reduce waste.", "", "brainstorming"),
        ("Explain the paragraph in your own words.", "The mitochondria produce most of the energy a cell uses.", "rewrite"),
        ("Explain in your own words what inflation is.", "", "open_qa"),
        ("Make a list of the nouns from the text.", "The cat sat on the mat near the door.", "extraction"),
        ("Identify the logical fallacy in this argument.", "Everyone believes it, so it must be true.", "classification"),
        ("Name a common logical fallacy.", "", "open_qa"),
        ("Look up facts about the Eiffel Tower.", "", "open_qa"),  # unlike "Look up an article about ..."
        ("Look up an article about the economy.", "", "other"),
        ("Describe the following scene.", "A busy market at noon", "generation"),  # only named: to be made up
        ("Describe the following process.", "Photosynthesis", "open_qa"),
        ("Write a reply to the customer.", "Hi, I want to return my shoes.", "generation"),  # "return" is no code here
        ("Classify the review on a scale of 1 - 5.", "The food was cold.", "classification"),
        ("Find the next number in the sequence.", "2, 4, 8, 16", "math"),
        ("Determine which answer is correct.", "What is the capital of Italy?\nA. Paris\nB. Rome\nC. Madrid", "classification"),
        ("Write a tweet with a positive sentiment about Mondays.", "", "generation"),
        ("Put together a list of packing essentials for a beach trip.", "", "brainstorming"),
        ("What season does the following passage describe?", "The leaves fell from the trees and the air turned cold.", "closed_qa"),
        ("What would be a catchy title for this blog post?", "Ten ways to save money on groceries every single week.", "generation"),
        ("Generate arguments for and against school uniforms.", "", "brainstorming"),
        ('Create a funny version of the sentence "I am late for work again."', "", "rewrite"),
        ("Identify the types of the following animals.", "eagle, salmon, frog", "classification"),
        ("Identify the types of renewable energy.", "", "open_qa"),
        ("How would you improve this paragraph?", "The park is nice. It has trees. The trees are green.", "rewrite"),
        ("Make a birthday card for the following person.", "Grandma, turning 80", "generation"),  # makes a new one
        ("Generate a sentence that keeps the original meaning of the given one.", "The meeting was postponed by the manager.", "rewrite"),
        ("Add a hover effect to a web page.", "", "coding"),
        ("Read the paragraph and output the longest word.", "The quick brown fox jumps over the extraordinarily lazy dog.", "extraction"),
        ("Name one way to save water.", "", "brainstorming"),
        ("Name one city that hosted the Olympics.", "", "open_qa"),
        ("Describe a use case for blockchain.", "", "open_qa"),
        ("Say something nice to a friend who lost a game.", "", "generation"),
        ("Specify three characteristics of a good leader.", "", "brainstorming"),
        ("Output the odd numbers between 1 and 15.", "", "math"),
        ("Suppose you are a tour guide, describe the city of Rome.", "", "generation"),  # the task after the comma
        ("Parse the request into a SQL query.", "Show all users older than 30", "coding"),
        ("Reply to the customer's complaint.", "My order arrived late.", "generation"),
        ("Sam runs 5 miles a day. His sister runs 2 miles more. How far do they run together?", "", "math"),  # a word problem
        ("How old was Mozart when he wrote his first symphony in 1764?", "", "open_qa"),
        ("Reserve a table for two at an Italian restaurant tonight.", "", "other"),  # an action, not text
        ("Buy a pair of running shoes online.", "", "other"),
        ("Describe how to book a flight online.", "", "open_qa"),
        # A story with three or more quantities that ends in a question is a word problem; years are no quantities.
        ("Allie has 2 more grapes than Rob. Allyn has 4 more than Allie. If Rob has 25 grapes, what is the total?", "", "math"),
        ("What happened in 1914, 1939 and 1945?", "", "open_qa"),
        ("Two years ago, Jared was twice as old as Tom. If Tom will be 30 in five years, how old is Jared now?", "", "math"),
        ("What are two benefits and three drawbacks of remote work?", "", "brainstorming"),
        ("Find the four smallest perfect numbers.", "", "math"),
        ("Give me the laws that regulate the minimum wage in California.", "", "open_qa"),  # definite after "me"
        ("Give me a slogan for a bakery.", "", "generation"),
        ("Convert the following measurement.", "3 ft = _____ in.", "math"),  # a quantity to convert in the input
        ("Determine the cost of shipping a package from New York to Chicago.", "Package weight: 10 lbs", "open_qa"),
        # A task that names the classes to choose from sorts into them, numbered or not.
        ("Predict the intent of the user. Intent can be one of the following categories: 1) orders; 2) shipping; "
         "3) returns. Output 1 - 3.", "Where is my parcel?", "classification"),
        ("Choose a topic for the following article. Topic candidates include: politics, sports, health.",
         "Whales are a diverse group of fully aquatic marine mammals found in every ocean.", "classification"),
        # Language names that are also words or people's names are code only in a coding context.
        ("Ruby is taking dance lessons. They cost $75 for 10 classes. She can add 3 more classes. How much does she pay?", "", "math"),
        ("Taylor Swift released a new album. Write a tweet about it.", "", "generation"),
        ("Write a short poem about an old bike covered in rust.", "", "generation"),
        ("Create a Swift app that shows the weather.", "", "coding"),
        ("Create a simple web server using Rust.", "", "coding"),
        ("Write a Ruby script that renames files.", "", "coding"),
        ("Pick the right word to complete the sentence.", "She ___ to school every day.", "generation"),  # a gap to fill
        ("Provide a word to fill in the blank.", "The sky is ____ today.", "generation"),
        ("I want you to act as a travel guide. Suggest places to visit in Rome.", "", "brainstorming"),  # a role, then the task
        ("Tell me whether each of these is a fruit or a vegetable: apple, carrot", "", "classification"),
    ],
)
def test_category_examples(instruction, input_, expected):
    assert category(instruction, input_) == expected


def test_gsm8k_is_mostly_math(shared):
    records = json.loads(GSM8K.read_text())[:1000]
    share = sum(category(r["instruction"], r["input"]) == "math" for r in records) / len(records)
    assert share >= 0.98, share  # 0.992 when last measured


def test_gsm8k_word_problems_miss_no_media(shared):
    """Their photos, songs and tables are things to count: no record of the first 1,000 needs media it lacks."""
    records = json.loads(GSM8K.read_text())[:1000]
    flagged = [r["instruction"] for r in records if "missing_media" in record_issues(r["instruction"], r["input"], r["output"])]
    assert flagged == []  # 4 before word problems were told apart; 3 of all 7,473 now


def test_gsm8k_names_are_not_verbs(shared):
    """Word problems start with their subject ("John buys 3 apples"): its name is no imperative verb."""
    records = json.loads(GSM8K.read_text())[:1000]
    # A word written with a capital after a lower-case word ("... than John") is a name, never an imperative.
    names = {word.lower() for r in records for word in re.findall(r"(?<=[a-z,] )([A-Z][a-z]+)\b", r["instruction"])}
    named = [verb for r in records if (verb := analyse(r["instruction"], r["input"]).verb) in names]
    assert len(named) / len(records) <= 0.07, Counter(named).most_common(10)  # 0.059 when last measured (0.35 before)


@pytest.mark.parametrize(
    "record, expected",
    [
        (("Describe the painting.", "", "   "), ["empty_output"]),
        (("Describe the attached image.", "", "A dog in a park."), ["missing_media"]),
        (("What is the title of this song?", "https://www.youtube.com/watch?v=x", "High Hopes."), ["missing_media"]),
        (("Summarize this article: https://example.com/article", "", "It says ..."), ["missing_media"]),
        (("Extract the domain name from https://example.com/a/b", "", "example.com"), []),  # the link is the data
        (("Describe this image: https://example.com/cat.jpg", "", "A cat."), ["missing_media"]),
        (("Name a fruit.", "<noinput>", "Apple."), ["placeholder_input"]),
        (("Name a fruit.", "N/A", "Apple."), ["placeholder_input"]),
        (("Name a fruit.", "{\\noinput}", "Apple."), ["placeholder_input"]),
        (("Name a fruit.", "<Noinput>.", "Apple."), ["placeholder_input"]),
        (("Name a fruit.", "<noput>", "Apple."), ["placeholder_input"]),
        (("Summarize the article in 50 words.", "[Input: Link to article about data privacy]", "It says ..."), ["missing_media"]),
        (("Evaluate the following website.", "(Website URL)", "It is a good site."), ["missing_media"]),
        (("Read the following article and summarize it.", "(Insert Article)", "It says ..."), ["missing_media"]),
        (("List the objects described in the story.", "(Story)", "A gun, a chair."), ["missing_media"]),
        (("Write a sentence describing the song's message.", "(Lyrics to a song)", "It is about hope."), ["missing_media"]),
        (("Analyze a news article and report if it is biased.", "<NEWS ARTICLE>", "It is not biased."), ["missing_media"]),
        (("Close the tags in the following HTML snippet.", '<b><IMG src="image.png">', '<b><IMG src="image.png" /></b>'), []),
        (("Design a website banner for the given product.", "Heated massage cushion", "<noinput>\n<output image>"), ["missing_media"]),
        (("Fix the following HTML snippet.", '<b><IMG src="image.png">', '<b><IMG src="image.png" /></b>'), []),  # markup out
        (("Construct a Regex statement to extract the links from given text.", "Useful links: www.example.com/links", r"\s(https?://\S+)"), []),
        (("Extract major topics from the provided essay.", "[Essay about history of the civil rights movement]", "Civil rights."), ["missing_media"]),
        (("Write a query to get the average purchase price from the table \"orders\"", "", "SELECT AVG(price) FROM orders;"), []),
        (("Show me a 3D visualization of a car.", "", "Here it is: ![A 3D car](http://example.com/car.jpg)"), ["missing_media"]),
        (("Create a tweet announcing a new product.", "[Image of a new product]", "Meet #ProductX!"), ["missing_media"]),
        (("Sort the list.", "[3, 1, 2]", "[1, 2, 3]"), []),
        (("Design a user interface for a web app.", "", "<No output, cannot design a graphical user interface>"), ["empty_output"]),
        (("Comment on the following art piece.", "", "It is bold."), ["missing_media"]),
        (("Describe the colors used in the logo.", "", "Blue and white."), ["missing_media"]),
        (("Design a logo for a bakery.", "", "A loaf of bread."), []),
        (("Write a headline for the article.", "The article", "Big News"), ["missing_media"]),  # only names the text
        (("Play a short tune.", "", '<audio src="https://example.com/a.mp3">tune</audio>'), ["missing_media"]),
        (("Write the HTML tag that shows an image.", "", '<img src="cat.png">'), []),
        (("Classify the following as literature or not.", "Poem", "Literature."), []),
        (("Compose a piano piece.", "", "<nooutput>"), ["empty_output"]),
        (("Summarize the text.", "Text.", "<noinput>"), ["empty_output"]),
        (("Explain why this is an inappropriate instruction.", "Wake me up at 5pm", "It cannot be completed by a GPT language model."), []),
        (("Name a fruit.", "", "Apple.\n\nInstruction: Name a vegetable.\nOutput: Carrot."), ["merged_instructions"]),
        (("Tell me a secret.", "", "As an AI language model, I do not have secrets."), ["refusal"]),
        (("Explain gravity.", "", "Gravity is the force " + "that pulls objects toward each other and keeps planets in orbit " * 4 + "because of the"), ["truncated_output"]),
        (("Create a chart of sales by month.", "", "Month | Sales\nJan | 10"), []),
        (("Describe the following table.", "a | b\n1 | 2", "It has two columns."), []),
        (("Write a list of fruits.", "", "1. Apple\n2. Banana\n3. Cherry"), []),
        (("Name a fruit.", "None of the above apply here", "Apple."), []),
        # Media a word problem counts are things in its story, not content to look at.
        (("Lilah's family has 400 photos. A trip adds 100 to these photos. How many photos do they have now?", "", "500"), []),
        (("Thomas has 25 drawings to display. 14 of the drawings were made using colored pencils. How many were not?", "", "11"), []),
        (("There are 30 cups on the table and 12 are blue. How many are not blue?", "", "18"), []),
        (("How many people are in the photo?", "", "Three."), ["missing_media"]),  # no story: the photo is missing
        (("What is the compacted area?", "", "Each of the 60 cans takes up 30 square inches of space before it is compacted, "
          "so together they take 60 * 30 = 1800 square inches.\n"
          "Multiply by the share of space left after compacting them all: 1800 sq in * 20% = 360 sq in"), []),  # inches
    ],
)
def test_quality_flags(record, expected):
    assert record_issues(*record) == expected


# 210 characters of Chinese prose, each sentence ended.
PHOTOSYNTHESIS = "光合作用是植物利用阳光、水和二氧化碳制造葡萄糖和氧气的过程。" * 7


@pytest.mark.parametrize(
    "record, expected",
    [
        (("写一首关于秋天的诗。", "", "作为一个AI语言模型，我无法创作诗歌。"), ["refusal"]),
        (("描述你的周末。", "", "抱歉，我无法访问您的个人信息。"), ["refusal"]),
        (("天空为什么是蓝色的？", "", "AI言語モデルとして、私には意見がありません。"), ["refusal"]),
        (("解释为什么人类无法在月球上呼吸。", "", "作为一个人工智能，我可以告诉你：月球上没有空气。"), []),  # asks about inability
        (("他不能来，我很遗憾。请改写这句话。", "", "很遗憾，他不能来。"), []),
        (("描述这幅画。", "", "这幅画描绘了一位微笑的女人。"), ["missing_media"]),
        (("为下面的图片写一个标题。", "", "美丽的日落"), ["missing_media"]),
        (("この画像を説明してください。", "", "これは猫です。"), ["missing_media"]),
        (("为下面的图片写一个标题。", "一张日落的照片，天空是橙色的。", "美丽的日落"), []),  # the input describes it
        (("画一张图片。", "", "好的。"), []),  # drawing one is no reference to one
        (("根据以下画出流程图。", "步骤一：烧水。", "烧水 → 泡茶"), []),
        (("把这句话翻译成英文。", "<无输入>", "Translate this sentence."), ["placeholder_input"]),
        (("说出一种水果。", "无", "苹果。"), ["placeholder_input"]),
        (("果物を一つ挙げてください。", "（なし）", "りんご"), ["placeholder_input"]),
        (("解释光合作用。", "", PHOTOSYNTHESIS + "这个过程对地球上的生命非常重要，因为它"), ["truncated_output"]),  # cut mid-clause
        (("解释光合作用。", "", PHOTOSYNTHESIS + "它的步骤包括："), ["truncated_output"]),  # the list that follows is gone
        (("解释光合作用。", "", PHOTOSYNTHESIS + "这个过程对地球上的生命非常重要。"), []),
        (("解释光合作用。", "", PHOTOSYNTHESIS + "正如老师所说：「这是生命之源」"), []),  # a closing quote ends it
        (("列出三个好习惯。", "", PHOTOSYNTHESIS + "\n1. 多喝水"), []),  # a list item needs no full stop
        (("解释光合作用。", "", PHOTOSYNTHESIS + "\n总之，光合作用"), []),  # a short last line: a heading, perhaps
        (("가을에 대한 시를 써 주세요.", "", "AI 언어 모델로서 저는 시를 쓸 수 없습니다."), ["refusal"]),
        (("주말에 무엇을 했는지 알려 주세요.", "", "죄송하지만, 저는 개인 정보에 접근할 수 없습니다."), ["refusal"]),
        (("사람이 달에서 숨 쉴 수 없는 이유를 설명하세요.", "", "죄송합니다. 달에는 공기가 없어서 숨 쉴 수 없습니다."), []),  # asks about inability
        (("이 사진을 설명하세요.", "", "고양이 사진입니다."), ["missing_media"]),
        (("고양이 사진에 어울리는 제목을 지어 주세요.", "", "낮잠 자는 고양이"), []),  # 고양이 (cat) ends in 이, which is no "this"
        (("다음 이미지에 제목을 붙이세요.", "해변의 일몰 사진", "아름다운 일몰"), []),  # the input describes it
        (("과일 하나를 말해 주세요.", "<입력 없음>", "사과"), ["placeholder_input"]),
        (("광합성을 설명하세요.", "", "광합성은 식물이 햇빛과 물과 이산화탄소로 포도당과 산소를 만드는 과정입니다. " * 4 + "이 과정은 지구의 생명에게 매우 중요한데, 왜냐하면"), ["truncated_output"]),
        (("광합성을 설명하세요.", "", "광합성은 식물이 햇빛과 물과 이산화탄소로 포도당과 산소를 만드는 과정입니다. " * 4 + "이 과정은 지구의 생명에게 매우 중요합니다"), []),  # ends its sentence, without a full stop
        (("과일을 나열하세요.", "", "사과, 바나나, 딸기, 포도, 복숭아, 자두, 체리, 블루베리, 수박, 참외, 멜론, 키위, 망고 " * 4 + "그리고 귤"), []),  # a list, no prose
    ],
)
def test_quality_flags_in_chinese_japanese_and_korean(record, expected):
    """The refusals, placeholders and missing media of Chinese, Japanese and Korean Alpacas, flagged as precisely as English
    ones."""
    assert record_issues(*record) == expected


@pytest.mark.parametrize(
    "record, expected",
    [
        (("Describe esta imagen.", "", "Es un gato."), ["missing_media"]),
        (("Describa la siguiente fotografía.", "", "Una playa al atardecer."), ["missing_media"]),
        (("Descreva esta imagem.", "", "Um gato."), ["missing_media"]),
        (("Décrivez cette image.", "", "Un chat."), ["missing_media"]),
        (("Écrivez une légende pour la photo ci-dessous.", "", "Coucher de soleil"), ["missing_media"]),
        (("Descrivi questa immagine.", "", "Un gatto."), ["missing_media"]),
        (("Beschreiben Sie dieses Bild.", "", "Eine Katze."), ["missing_media"]),
        (("Beschrijf deze afbeelding.", "", "Een kat."), ["missing_media"]),
        (("Опишите это изображение.", "", "Кошка."), ["missing_media"]),
        (("Что изображено на этой картинке?", "", "Кошка."), ["missing_media"]),
        (("Fasse den folgenden Artikel zusammen: https://example.com/fracking", "", "Fracking uses water."), ["missing_media"]),
        (("Resume el siguiente artículo: www.example.com/noticia", "", "El artículo trata de ..."), ["missing_media"]),
        (("Convierte este enlace en un enlace HTML: https://example.com", "", "<a href=...>"), []),  # a link, no article
        (("Gestalte das folgende Logo neu.", "", "Ein neues Logo."), ["missing_media"]),
        (("Describe esta imagen.", "Un gato negro duerme en un sofá rojo.", "Un gato tranquilo."), []),  # the input describes it
        (("Crea una imagen de un gato con palabras.", "", "Un gato de palabras."), []),
        (("Explica qué es una imagen vectorial.", "", "Una imagen hecha de formas."), []),
        (("Écrivez un message pour cette carte d'anniversaire.", "", "Joyeux anniversaire !"), []),  # a card, not a map
        (("Этот картофель вкусный? Ответьте да или нет.", "", "Да."), []),  # картофель (potato) is no картина (picture)
        (("Escribe un poema sobre el mar.", "", "Como modelo de lenguaje de IA, no puedo escribir poemas."), ["refusal"]),
        (("Describe lo que hiciste el fin de semana.", "", "Lo siento, pero no tengo acceso a tu información personal."), ["refusal"]),
        (("Escreva um poema sobre o mar.", "", "Como um modelo de linguagem, não posso sentir emoções."), ["refusal"]),
        (("Écrivez un poème sur la mer.", "", "En tant que modèle de langage, je ne peux pas ressentir d'émotions."), ["refusal"]),
        (("Scrivi una poesia sul mare.", "", "Come modello linguistico, non posso provare emozioni."), ["refusal"]),
        (("Schreiben Sie ein Gedicht über das Meer.", "", "Als KI-Sprachmodell kann ich keine Gefühle haben."), ["refusal"]),
        (("Beschreiben Sie Ihr Wochenende.", "", "Es tut mir leid, aber ich kann auf Ihre Daten nicht zugreifen."), ["refusal"]),
        (("Schrijf een gedicht over de zee.", "", "Als AI-taalmodel kan ik geen gevoelens hebben."), ["refusal"]),
        (("Напишите стихотворение о море.", "", "Как языковая модель ИИ, я не могу испытывать чувства."), ["refusal"]),
        (("Explica cómo la IA cambiará el mundo.", "", "La IA cambiará el trabajo y la educación."), []),
        (("Erkläre, warum Menschen kreativer als KI sind.", "", "Menschen sind kreativer als KI, weil sie fühlen."), []),  # "than AI"
        (("Объясните, как ИИ изменит мир.", "", "Как ИИ изменит мир? Он изменит работу."), []),  # "how AI"
        (("Continue a história da festa.", "", "Ela não sabia como ia terminar a noite."), []),  # "ia": was going
        (("¿Por qué es imposible respirar en la Luna?", "", "Lo siento, pero no puedo respirar allí: no hay aire."), []),  # asks about inability
        (("Nombra una fruta.", "<sin entrada>", "Manzana."), ["placeholder_input"]),
        (("Nenne eine Frucht.", "<keine Eingabe>", "Apfel."), ["placeholder_input"]),
        (("Назовите фрукт.", "<нет ввода>", "Яблоко."), ["placeholder_input"]),
    ],
)
def test_quality_flags_in_other_languages(record, expected):
    """Missing media, refusals and placeholders in Spanish, Portuguese, French, Italian, German, Dutch and Russian, where
    the classifier tells the instruction's language, as a load does."""
    assert record_issues(*record, another_language=analyse(*record[:2]).another_language) == expected


def test_english_records_raise_no_flag_of_another_language(shared):
    """On the real files the flags are those of the English checks alone: the same whether or not every record is
    taken to be in another language."""
    records = json.loads(SAMPLE.read_text()) + json.loads(GSM8K.read_text())
    english = [record_issues(r["instruction"], r["input"], r["output"]) for r in records]
    assert english == [record_issues(r["instruction"], r["input"], r["output"], another_language=True) for r in records]
    assert sum(map(bool, english)) > 100


def test_instructions_are_the_same_whatever_their_case_spacing_and_final_punctuation():
    same = [("Write  a haiku.", "write a Haiku?"), ("写一首诗。", "写一首诗"), ("詩を書いて！", "詩を書いて"), ("什么是AI？", "什么是ai")]
    assert all(normalise_instruction(a) == normalise_instruction(b) for a, b in same)
    assert normalise_instruction("写一首诗") != normalise_instruction("写一首歌")


def test_duplicates_flag_every_copy_after_the_first(tmp_path):
    texts = ["Name a fruit.", "name a  fruit", "Name a vegetable.", "NAME A FRUIT?"]
    outputs = ["Pear.", "", "Leek.", "Plum."]  # the second already has an issue, which the flag follows
    (tmp_path / "d.json").write_text(json.dumps([{"instruction": text, "output": output} for text, output in zip(texts, outputs)]))
    load(str(tmp_path / "d.json"), tmp_path / "a.db")
    db = sqlite_utils.Database(tmp_path / "a.db")
    issues = [row["issues"] for row in db.query("select issues from alpaca_data order by id")]
    assert issues == ["[]", '["empty_output", "duplicate_instruction"]', "[]", '["duplicate_instruction"]']
    assert db.execute("select id, first_id from alpaca_data_duplicates order by id").fetchall() == [(0, 0), (1, 0), (3, 0)]


def test_long_texts_are_read_in_linear_time():
    """A verb stem of alternating kanji and kana runs had many ways to split: a run of 22 kanji without a verb took 0.9 s,
    each further kanji doubling it."""
    started = time.perf_counter()
    european = ("Fasse " + "der die das " * 2000, "Dado el texto " + "y la de " * 2000 + ",", "Setze " + "den die " * 2000 + "„" * 500)
    # Opening quotation marks without their closing ones were read to the end of the text from each of them.
    unclosed = ("Schreibe und das " + "„x " * 5000, "Escribe el la " + "“x " * 5000, "写一首诗" + "《x" * 5000, "次の文を翻訳してください" + "「x" * 5000)
    for text in ("文を" + "漢" * 24 + "ですください", "文を" + "漢か" * 2000 + "ください", "写" + "一" * 5000, "将" + "的" * 5000 + "翻译", *european, *unclosed):
        analyse(text, "")
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("translations", OTHER_LANGUAGE_SETS, ids=lambda path: path.stem)
def test_translations_into_languages_read_by_tables_of_verbs_and_a_gloss(shared, translations):
    """German, Spanish, French, Italian, Dutch, Portuguese and Russian: categories from keywords and the English rules
    on a gloss, verbs from tables of their forms and nouns from the words after them. The blind sets of 16 and 10 were
    written after the rules for the others: their categories are held to a bar over all of them (below)."""
    pairs = translated(translations)
    shares = agreement(pairs)
    print(f"\n{translations.name}, {len(pairs)} labels: category {shares[0]:.1%}, verb {shares[1]:.1%}, noun {shares[2]:.1%}")
    assert len(pairs) in (10, 16, 30) and (len(pairs) < 30 or shares[0] >= 0.85) and min(shares[1:]) >= 0.8


def flag_counts(flagged: list[tuple[list[str], list[str]]]) -> tuple[int, int, int]:
    """(raised, correct, labelled) over (flags raised, flags labelled) pairs."""
    raised = sum(len(found) for found, _ in flagged)
    correct = sum(len(set(found) & set(expected)) for found, expected in flagged)
    return raised, correct, sum(len(expected) for _, expected in flagged)


def translated_flags() -> list[tuple[list[str], list[str]]]:
    """(flags raised, flags labelled) of every translated record: a record's flags hold in any language its instruction
    is written in."""
    pairs = [pair for translations in (*TRANSLATED_SETS, *OTHER_LANGUAGE_SETS) for pair in translated(translations)]
    return [
        (record_issues(r["instruction"], r["input"], r["output"], another_language=analyse(r["instruction"], r["input"]).another_language), label["issues"])
        for r, label in pairs
    ]


def test_flags_of_translated_records_agree_with_the_english_labels(shared):
    """Chinese, Japanese, Korean and the seven European languages: every flag raised is labelled, most labelled ones
    are raised."""
    flagged = translated_flags()
    raised, correct, expected = flag_counts(flagged)
    print(f"\n{len(flagged)} translated records: {raised} flags raised, {correct} correct, {expected} labelled")
    assert len(flagged) == 1876 and raised == correct >= 18 and correct >= 0.8 * expected


def test_the_blind_translations_into_languages_read_by_tables_of_verbs_and_a_gloss(shared):
    """The sets of 16 and 10, together: the English rules on the gloss first agreed on 78.6%, 78.6%, 84.3%, 80.0%, 75.7%,
    80.0%, 77.1%, 77.1%, 82.9%, 82.9%, 78.6%, 84.3%, 82.9% and 80.0% of the categories of the last fourteen sets of 70 (the keywords alone, of the first seven: 71.4%,
    68.6%, 72.9%, 70.0%, 64.3%, 67.1% and 71.4%)."""
    pairs = [pair for translations in OTHER_LANGUAGE_SETS if len(translated(translations)) < 30 for pair in translated(translations)]
    shares = agreement(pairs)
    print(f"\n{len(pairs)} labels: category {shares[0]:.1%}, verb {shares[1]:.1%}, noun {shares[2]:.1%}")
    print(confusion_matrix(pairs))
    assert len(pairs) == 1232 and shares[0] >= 0.85 and min(shares[1:]) >= 0.95


def test_an_english_looking_verb_with_one_word_of_another_language_is_english():
    assert analyse("Compose Les haiku about cats", "") == ("compose", "haiku", "generation", False)
    assert analyse("Complete the sentence with la palabra.", "") == ("complete", "sentence", "generation", False)


def test_the_rules_read_the_language_of_every_english_instruction(shared):
    """No instruction of the real files (Alpaca, GSM8K, the seed tasks) is taken for another language."""
    seeds = [json.loads(line)["instruction"] for line in (SAMPLE.parent / "seed_tasks.jsonl").read_text().splitlines()]
    instructions = [r["instruction"] for r in json.loads(SAMPLE.read_text()) + json.loads(GSM8K.read_text())] + seeds
    assert len(instructions) > 11_000 and [i for i in instructions if not reads_language_of(i)] == []


@pytest.mark.parametrize(
    "instruction",
    [
        *(record["instruction"] for record in OTHER_LANGUAGES),
        "Genera una lista de cinco frutas.",
        "Escreva um poema sobre o mar.",
        "Scrivi una poesia sul mare.",
        "Schrijf een gedicht over de zee.",
        "Viết một bài thơ về biển.",
        "¿Cuál es la capital de Francia?",
        # Four words have room for one word of another language only.
        "Describe esta imagen.",
        "Descrivi questa immagine.",
        "Beschrijf deze afbeelding.",
        "เขียนบทกวีเกี่ยวกับทะเล",
        "اكتب قصيدة عن البحر",
    ],
)
def test_instructions_in_languages_the_rules_do_not_read(instruction):
    assert not reads_language_of(instruction)


@pytest.mark.parametrize(
    "instruction, verb, noun",
    [
        ("Fasse den Text in drei Sätzen zusammen.", "zusammenfassen", "text"),  # the particle ends the clause
        ("Bewerte die Lösung und gib an, ob sie stimmt.", "bewerten", "lösung"),  # "an" is the second verb's
        ("Schreiben Sie eine E-Mail an Ihren Chef.", "schreiben", "e-mail"),  # "Sie", then a compound's head ("HTML-Code": code)
        ("Erstelle einen gültigen HTML-Code.", "erstellen", "code"),
        ("Nenne drei Vorteile von Solarenergie.", "nennen", "vorteil"),
        ("Vat de tekst samen in drie zinnen.", "samenvatten", "tekst"),
        ("Noem vijf grote steden in Nederland.", "noemen", "stad"),
        ("Leg uit hoe een motor werkt.", "uitleggen", None),
        ("Dame tres ejemplos de frutas.", "dar", "ejemplo"),  # a clitic joined to the verb
        ("Escríbeme un poema corto.", "escribir", "poema"),
        ("Por favor, traduce esta frase al inglés.", "traducir", "frase"),
        ("¿Puedes explicar cómo funciona un motor?", "explicar", None),  # "can you", then a clause
        ("Describe lo que significa ser valiente.", "describir", None),
        ("Crea una lista de cinco frutas.", "crear", "lista"),  # "crea" is Spanish and Italian: the short words tell
        ("Crea una lista di cinque frutti.", "creare", "lista"),
        ("Donnez-moi trois idées de cadeaux.", "donner", "idée"),
        ("Décrivez l'impact du changement climatique.", "décrire", "impact"),
        ("Décrivez brièvement le fonctionnement d'un moteur.", "décrire", "fonctionnement"),  # an adverb, then a noun in -ment
        ("Dê-me uma breve explicação.", "dar", "explicação"),
        ("Напиши мне короткую историю.", "написать", "история"),
        ("Сравните естественный и искусственный отбор.", "сравнить", "отбор"),
        ("Составьте сравнение автомобиля и велосипеда.", "составить", "сравнение"),  # a noun made from a verb, not an adjective
        ("Назовите одну пользу зелёного чая.", "назвать", "польза"),  # "one"
        ("Felicita a alguien por su cumpleaños.", "felicitar", None),
        ("Bilde einen Satz mit dem Wort „Haus“.", "bilden", "satz"),
        ("Ajude o assistente a entender o mercado de ações", "ajudar", "assistente"),
        ("Disponi le parole date in modo che formino una frase.", "disporre", "parola"),
        ("Leg het verschil uit tussen een besturingssysteem en een programma.", "uitleggen", "verschil"),  # "uit", then "tussen"
        ("Cambia la tercera palabra de esta oración.", "cambiar", "palabra"),  # an ordinal before the noun
        ("Elenca 3 componenti di un sito web.", "elencare", "componente"),
        ("Schlage eine Idee für ein neues Unternehmen vor.", "vorschlagen", "idee"),  # German "Idee", not Italian "idee"
        ("Hoe zou je dit artikel classificeren?", None, None),  # Dutch, by "zou", "je" and "dit"
        ("Кратко изложите статью.", "изложить", "статья"),  # a Russian imperative after an adverb or a phrase
        ("На основе следующих данных спрогнозируйте цену акции.", "спрогнозировать", "цена"),
        ("Какие данные нужны, чтобы спрогнозируйте цену?", None, None),  # a question still has none
        ("Crea un dialogo divertente tra due personaggi.", "creare", "dialogo"),  # "tra" and "due" are Italian
        ("Geef de belangrijkste punten weer uit het artikel.", "weergeven", "punt"),
        ("Noem vier beroemde auteurs.", "noemen", "auteur"),  # a Dutch plural in "-s" after a number
        ("Ordne die folgenden Gegenstände nach ihrem Preis.", "ordnen", "gegenstand"),  # a German plural's umlaut
        ("Termina esta historia: El caballero entró en el castillo.", "terminar", "historia"),
        ("Komponiere ein Lied in h-Moll.", "komponieren", "lied"),
        ("Erfinde 3 Witze rund um die Medizin.", "erfinden", "witz"),  # "um die" is no particle of "erfinden"
        ("Descrivi le principali caratteristiche di un rottweiler.", "descrivere", "caratteristica"),  # past an adjective
        ("Опишите в двух предложениях внешность персонажа.", "описать", "внешность"),  # the object after a phrase
        ("Associe a palavra dada à sua definição.", "associar", "palavra"),  # Portuguese, not French "associe"
        ("Gestalte das folgende Logo neu.", "gestalten", "logo"),
        ("Nenne drei Arten von Algorithmen.", "nennen", "art"),
        ("Generiere Schlagwörter rund um das Thema Computer.", "generieren", "schlagwort"),  # a compound's irregular plural
        ("Genereer voorbeeldvragen voor een enquête.", "genereren", "voorbeeldvraag"),
        ("Comment corrigeriez-vous ce texte ?", None, None),  # French, though "comment" is an English word
        ("Registre um lembrete na sua agenda.", "registrar", "lembrete"),
        ("Demandez à l'assistant.", "demander", None),  # "-ez" before "à"
        ("Crea un quiz a scelta multipla basato sulle informazioni fornite.", "creare", "quiz"),  # "sulle" is Italian
        ("Bedenk strategieën om de klanttevredenheid te verhogen.", "bedenken", "strategie"),
        ("Проведите грамматический разбор данного предложения.", "провести", "разбор"),
        ("Nomina almeno due stati indiani che confinano con il Bangladesh.", "nominare", "stato"),  # "at least"
        ("Riassumi i nostri obiettivi in non più di 8 parole.", "riassumere", "obiettivo"),  # a possessive
        ("Qual è la capitale della Francia?", None, None),
        ("Comment fonctionne le télescope Hubble ?", None, None),  # French, by the space before its question mark
        ("Viết một bài thơ về biển.", None, None),  # Vietnamese: no table of its verbs
        ("Distinga entre as duas palavras 'affect' e 'effect'.", "distinguir", None),
        ("Diferencie humor e tom.", "diferenciar", "humor"),
        ("Riassumi un importante evento di cronaca recente.", "riassumere", "evento"),  # an adjective before the noun
        ("Spiega cos'è il test di Turing.", "spiegare", None),  # "what is": a clause
        ("Complete la frase con la palabra correcta.", "completar", "frase"),  # an English-looking verb, then short words
        ("Complete a equação com o número que falta.", "completar", "equação"),  # of one language that English lacks
        ("Wähle ein Beispiel für eine Störung aus und beschreibe ihre Symptome.", "auswählen", "beispiel"),  # before "und" and a verb
        ("Sage das Ergebnis der Gleichung voraus.", "voraussagen", "ergebnis"),
        ("Nomina cinque autori americani.", "nominare", "autore"),
        ("Hoe verschilt een laptop van een desktopcomputer?", None, None),  # Dutch, by "een" and "van"
        ("Опишите тему фильма.", "описать", "тема"),  # "тему" is no adjective in "-ему"
        ("Detecte quaisquer erros de gramática.", "detectar", "erro"),  # "any"
        ("Nommez le plus grand lac d'Afrique.", "nommer", "lac"),  # a superlative before the noun
        ("Progetta un semplice programma.", "progettare", "programma"),
        ("Nomina due figure retoriche.", "nominare", "figura"),  # after a number, a plural in "-e" is a feminine's
        ("Erstelle Installationspläne für ein Haus.", "erstellen", "installationsplan"),
        ("Noem enkele aanwijzingen dat iemand liegt.", "noemen", "aanwijzing"),
        ("Stel een creatieve manier voor waarop een personage zich voorstelt.", "voorstellen", "manier"),  # "voor", then a clause
        ("Identifica tre figure retoriche usate nell'esempio qui sotto", "identificare", "figura"),  # Italian, by "tre", "nell'"
        ("Stel enkele gezonde ontbijtproducten voor.", "voorstellen", "ontbijtproduct"),  # a plural after "enkele"
        ("Setze diesen Satz ins Futur: „The baby is sleeping“.", "setzen", "satz"),  # the quotation's English is data
        ("Füge die Wörter „rot“, „grün“ und „blau“ in einen Satz ein.", "einfügen", "wort"),  # the particle after a list
        ("Nenne fünf geometrische Formen.", "nennen", "form"),
        ("Qu'est-ce qu'un algorithme d'IA ?", None, None),  # French, by the space before its question mark
        ("Calculez la plus longue sous-suite d'un tableau.", "calculer", "sous-suite"),
        ("Scegli 3-5 parole per descrivere un cavallo.", "scegliere", "parola"),  # a range of numbers
        ("Deel deze tekst in bij een van de volgende labels.", "indelen", "tekst"),
        ("Назовите три изобретения промышленной революции.", "назвать", "изобретение"),
        ("Кратко перескажите, что произошло в фильме.", "пересказать", None),
        ("Completa l'analogia: il coltello sta alla forchetta come il cucchiaio sta a ____.", "completare", "analogia"),  # Italian
        ("Noem vijf factoren voor een goede presentatie.", "noemen", "factor"),
        ("Deel de tekst in als Technologie, Politiek, Sport of Kunst", "indelen", "tekst"),  # Dutch: "in" and "of" are no English
        ("Classificeer het item als dier of groente.", "classificeren", "item"),  # Dutch, by "het" and "als"
        ("Reúna e organize os pontos importantes do texto a seguir.", "reunir", "ponto"),
        ("Suponha que você está visitando um restaurante, o que você pediria ao garçom?", "supor", None),
    ],
)
def test_verbs_and_nouns_of_instructions_in_seven_european_languages(instruction, verb, noun):
    analysis = analyse(instruction, "")
    assert analysis.another_language and (analysis.verb, analysis.noun) == (verb, noun)


@pytest.mark.parametrize(
    "instruction, verb, noun, words",
    [
        ("Explica dos formas en que la IA ayuda a los médicos.", "explain", "way", "explain two ways in that the ia"),
        ("Придумайте 5 идей для вечеринки.", "come", "idea", "come up with 5 ideas for"),  # the English rules read "up with"
        ("Gib eine Anleitung zum Wechseln eines Fahrradreifens.", "give", "instruction", "give a instruction to wechseln a"),
        ("Fasse den Text zusammen.", "summarize", "text", "summarize the text zusammen ."),
        ("¿Cuáles son las ventajas del trabajo remoto?", None, None, "which are the advantages of trabajo remoto ?"),  # no "¿"
        ("Descreva um personagem original.", "describe", "personagem", "describe a personagem original ."),  # not in the tables
        ("Remettez les lettres dans l'ordre et identifiez le mot.", "rearrange", "letter", "rearrange the letters in the order and identify"),
        ("Reescribe la oración en voz pasiva.", "rewrite", "sentence", "rewrite the sentence in passive voice ."),  # a phrase, reordered
        ("Объясните эту идею своими словами.", "explain", "idea", "explain this idea in your own words ."),
        ("Beschrijf een milieuprobleem dat onlangs in het nieuws was.", "describe", "problem", "describe a problem that"),  # a compound
        ("Formuliere den folgenden Satz knapper.", "formulate", "sentence", "formulate the following sentence more concise ."),
        ("Gib mindestens drei Beispiele dafür an.", "give", "example", "give at least three examples"),  # "Gib ... an": give
        ("Genereer een lijst met trefwoorden.", "generate", "list", "generate a list of keywords"),
        ("Составьте предложение с тем же значением.", "make", "sentence", "make up sentence with the same meaning"),
        ("Lee el texto dado y clasifícalo en una categoría.", "read", "text", "read the text given and classify in"),  # a clitic
    ],
)
def test_instructions_in_seven_european_languages_are_glossed_in_english(instruction, verb, noun, words):
    english = gloss(european_verbs.read(instruction))
    assert (english.verb, english.noun) == (verb, noun) and " ".join(english.words).startswith(words)
    assert english.rest == (english.words[english.words.index(verb) + 1 :] if verb else english.words)


def test_a_range_of_numbers_in_the_gloss_is_no_subtraction():
    assert "4-5" in gloss(european_verbs.read("Erkläre den folgenden Ausdruck in 4-5 Sätzen.")).text
    assert analyse("Erkläre den folgenden Ausdruck in 4-5 Sätzen.", "").category == "open_qa"


@pytest.mark.parametrize(
    "instruction, input_, expected",
    [
        ("Explica dos formas en que este sistema económico es diferente del capitalismo.", "", "brainstorming"),
        ("Gib eine Anleitung zum Wechseln eines Fahrradreifens.", "", "generation"),
        ("Proporciona un argumento persuasivo de por qué debería prohibirse la experimentación con animales.", "", "generation"),
        ("Дайте четыре совета по организации успешной вечеринки.", "", "brainstorming"),
        ("Haal de naam van de stad uit de zin.", "I used to live in Colombo, Sri Lanka.", "extraction"),
        ("Abbina le seguenti parole alle loro definizioni.", "Principle - A basic truth\nAxiom - A self-evident truth", "other"),
        ("Organize uma lista de tarefas em ordem cronológica.", "paint the room, order supplies, buy new furniture", "other"),
        ("Entschlüssle die folgende Vigenère-Chiffre.", "Zi hvwv slnk taglxiv", "rewrite"),
        ("Quais são os benefícios de contratar um assistente virtual?", "", "open_qa"),  # the benefits are facts, as in English
        ("¿Cuáles son dos formas de controlar la humedad en una habitación?", "", "brainstorming"),  # a number of ways: ideas
        ("Describe el ambiente de una barbacoa en una tarde de verano", "", "generation"),
        ("Gere uma recomendação de viagem.", "Paris", "brainstorming"),
        ("Disponi le parole date in modo che formino una frase.", "delighted, was, audience", "rewrite"),
        ("Identifica la parte del discorso di ogni parola nella frase seguente:", "The fluffy cat jumped.", "classification"),
        ("Spiega il testo con parole tue.", "Il gatto è sul tavolo e guarda fuori dalla finestra ogni mattina.", "rewrite"),
        ("Hoe zou je dit artikel classificeren?", "This article discusses the state of the economy and its effect on jobs.", "classification"),
        ("Разрешите конфликт в предложении.", "He wanted to watch a movie but she wanted to go out.", "generation"),
        ("Приведите пример акций компаний, производящих товары краткосрочного пользования.", "", "open_qa"),  # short-term: no summary
        ("Beschrijf een milieuprobleem dat in het nieuws is geweest en leg uit waarom het belangrijk is.", "", "open_qa"),
        ("Formuliere den folgenden Satz knapper: Er fand einen Weg, den Test zu bestehen.", "", "rewrite"),
        ("Придумайте пару шуток.", "", "brainstorming"),
        ("Перечислите 8 характеристик облачных вычислений.", "", "brainstorming"),  # computing, not computing it
        ("Оформите текст в соответствии со стилем APA", "Tesla Inc. has been one of the best performing stocks this year.", "rewrite"),
        ("Décrivez un système grâce auquel des robots peuvent reconnaître les humains.", "", "open_qa"),
        ("Nenne ein Einzelhandelsgeschäft, das Walmart gehört.", "", "open_qa"),  # naming one thing is no list
        ("Dada la siguiente secuencia, encuentra el número que falta", "10, 12, 14, __, 18", "math"),  # "missing number"
        ("Décrivez une application de l'apprentissage profond à la vision par ordinateur.", "", "open_qa"),  # "ordinateur"
        ("Dada la siguiente entrada, ¿cómo automatizarías la tarea?", "Change addresses for all employees", "open_qa"),
        ("Inventa un'idea di prodotto per risolvere un problema.", "", "brainstorming"),  # inventing is coming up with
        ("Construa uma consulta para encontrar todas as casas localizadas na cidade de Nova York", "", "coding"),  # a query
        ("Donnez votre avis sur la dissertation suivante", "This essay discusses the importance of climate action today.", "closed_qa"),
        ("Stelle eine Regel auf, um Dokumente nach ihrem Inhalt zu kategorisieren.", "", "generation"),  # a rule to write
        ("Проверьте, делится ли число на 7.", "50", "math"),
        ('Crea un contrario della parola "Early".', "", "open_qa"),  # an English rule decides: the leading verb's keywords wait
        ("Quale dei seguenti numeri non è un numero primo?", "2, 3, 4, 7", "math"),  # "numero primo", a prime number
        ("Réarrangez les lettres suivantes pour former un mot qui a du sens.", "vhics", "rewrite"),
        ("Descreva a função e o uso de uma função de perda.", "", "open_qa"),  # a function named is no code to write
        ("Schreibe eine Funktion, die zwei Zahlen addiert.", "", "coding"),
        ("Напишите статью, в которой кратко изложены проблемы городского сельского хозяйства.", "", "generation"),  # writes one
        # What the task works on comes first: a sentence that summarizes a passage is a summary.
        ("Genera una sola oración que resuma el siguiente pasaje.", "The Amazon rainforest covers much of the Amazon basin.", "summarization"),
        # A scene set, then the task: "Imagine ... . Suggest two strategies" asks for ideas, as in English.
        ("Imagine que você está criando uma loja online. Sugira duas estratégias de marketing.", "", "brainstorming"),
        ("Esboce as principais regras de etiqueta de e-mail.", "", "open_qa"),  # outlining the rules is knowing them
        ("Analyseer deze tekst en genereer een lijst met trefwoorden", "The American Dream is the idea that anyone can succeed.", "extraction"),
        ("Дано предложение; составьте другое предложение с тем же значением.", "Sentence: They proceeded to their destination.", "rewrite"),
        ("Для двух данных стран спрогнозируйте время перелёта.", "Spain and Germany", "other"),  # predicting, as in English
        ("Crea un programa para calcular el área de un triángulo dados sus tres lados.", "3, 4, 5", "coding"),  # code first
        ("Scrivi lo pseudocodice di un programma che legge due numeri e ne stampa la somma.", "", "coding"),
        ("Determine que tipo de mamífero é descrito na frase a seguir.", "It is a four-legged, hoofed animal with a long neck.", "closed_qa"),
        ("Crie um slogan que capture melhor o sentimento de uma start-up.", "", "generation"),
        ("Dado el siguiente texto, detecta los errores ortográficos y corrígelos.", "I recieved a new phone yesterday.", "rewrite"),
        ("Haz una lluvia de ideas con cinco ejemplos de cómo manejar el estrés.", "", "brainstorming"),  # brainstorming named
        ("Genereer een toegangscode die aan deze eisen voldoet: minstens 8 tekens.", "", "generation"),  # a passcode is no code
        ("Konstruiere einen regulären Ausdruck, der auf jede Zeichenkette passt.", "", "coding"),  # a regular expression
        ("Use linguagem natural para gerar uma expressão booleana.", "", "coding"),
        ("Verfasse eine prägnante Zusammenfassung des Artikels „The Power of Dreams“.", "", "summarization"),
        ("Кратко объясните разницу между виртуальным ассистентом и ИИ.", "", "open_qa"),  # briefly explaining is no summary
        # Reading, then the task, as in English: "Read the sentence below and find the hyperbolic expression".
        ("Leia a frase abaixo e encontre a expressão hiperbólica.", "My professor is so strict that I think he would fail himself.", "extraction"),
        ("Deel deze tekst in bij een van de volgende labels: onderwijs, technologie.", "Facebook is a social networking site.", "classification"),
        ("La fraise est-elle un fruit ou un légume ?", "", "classification"),  # a question between two answers
        ("Converti questo numero binario in un numero decimale.", "1000", "math"),
        ("Bewerte diesen Satz in Bezug auf Grammatik und Rechtschreibung.", "They had some miscommunication, causeing problems.", "rewrite"),
        ("Приведите пример вопроса, с которого можно начать звонок по продажам.", "", "generation"),  # an example of a text: writing
        ("Completa l'analogia: il coltello sta alla forchetta come il cucchiaio sta a ____.", "", "open_qa"),
        ("Reúna e organize os pontos importantes do texto a seguir.", "The Hubble Space Telescope was launched in 1990.", "summarization"),
        # A Portuguese "o" is an article, not "or": no question between two answers.
        ("Suponha que você está visitando um restaurante, o que você pediria ao garçom?", "", "open_qa"),
        ("Classificeer het item als dier of groente.", "Banana", "classification"),
    ],
)
def test_the_english_rules_categorise_the_gloss(instruction, input_, expected):
    reading = european_verbs.read(instruction)
    assert analyse(instruction, input_) == (reading.verb, reading.noun, expected, True)


@pytest.mark.parametrize(
    "record, expected",
    list(zip(
        OTHER_LANGUAGES,
        [
            ("escribir", "poema", "generation"),
            ("traducir", "oración", "rewrite"),
            ("schreiben", "geschichte", "generation"),
            ("décrire", "tableau", "open_qa"),
            ("написать", "стихотворение", "generation"),
        ],
        strict=True,
    )),
)
def test_instructions_in_other_languages_get_their_verb_noun_and_category(record, expected):
    assert analyse(record["instruction"], record["input"]) == (*expected, True)


@pytest.mark.parametrize(
    "instruction",
    [
        "写一首关于大海的诗。",
        "次の文を英語に翻訳してください。",
        "다음 문장을 영어로 번역하세요.",
        "Translate 'El gato está en la casa' into English.",
        "",
        "Comment on this essay ?",  # a space before the question mark, in English
        "Describe the café in Le Havre ?",
    ],
)
def test_instructions_in_languages_the_rules_read(instruction):
    """Chinese, Japanese and Korean have rules of their own; a quotation in another language is the English task's data."""
    assert reads_language_of(instruction)


def test_a_quarter_in_languages_whose_verbs_are_not_read_is_much():
    english = [record["instruction"] for record in json.loads(SAMPLE.read_text())[:15]]
    unread = [record["instruction"] for record in UNREAD_LANGUAGES]
    european = [record["instruction"] for record in OTHER_LANGUAGES]
    assert much_in_other_language(english + unread) and not much_in_other_language(english + unread[:4]) and not much_in_other_language([])
    assert not much_in_other_language(european * 4 + ["¿Cuál es la capital de Francia?", "Wie funktioniert ein Motor?"])

