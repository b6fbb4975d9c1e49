"""Text in scripts written without spaces between words (Chinese, Japanese, Thai ...), and Korean.

Full-text search needs another tokenizer for the first (:func:`database.fts_tokenizer`), and the English rules of
:mod:`classify` find no verb in any of them: :func:`read` reads a Chinese instruction's verb from a list and its
noun from the shape of the phrase after it (a Japanese one's in :mod:`japanese`, a Korean one's in :mod:`korean`), and
:func:`category` the task from keywords, the verb and the noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from . import japanese, korean

# Thai, Lao, Myanmar, Khmer, kana, CJK ideographs (and their compatibility forms).
SCRIPTS = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_FIRST_SENTENCE = re.compile(r"[^。！？!?\n：:]*?[^\W\d_][^。！？!?\n：:]*?(?:[。！？!?\n：:]|\.\s|$)")
_OWN_SCRIPTS = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3]")

# Keywords of each category in Simplified and Traditional Chinese, Japanese and Korean, tried in this order, as the
# English rules try theirs: "写一个函数" (write a function) is coding, "写一篇总结" (write a summary) summarization,
# "找出并改正错误" (find and correct the mistakes) rewrite, "为电影写一段广告脚本" (write an advert's script) generation.
_KEYWORDS = (
    ("coding", "代码 代碼 程式碼 コード 编程 編程 写一个程序 编写程序 编写一个程序 寫一個程式 編寫程式 プログラム 函数 函數 関数 算法 "
     "演算法 アルゴリズム 正则 正規表現 数据结构 數據結構 データ構造 sql python javascript java html css c++ 코드 프로그램 함수 알고리즘 "
     "파이썬 자바스크립트 정규식 쿼리"),
    ("summarization", "总结 總結 概括 摘要 归纳 歸納 要約 要点 要點 まとめ 요약"),
    ("classification", "分类 分類 归类 歸類 归入 歸入 分为 分為 分成 归为 歸為 类别 類別 判断 判斷 判定 属于 屬於 情感 情绪 情緒 词性 詞性 品詞 分ける 分けて 분류 범주 감정 판별"),
    ("rewrite", "翻译 翻譯 翻訳 译成 譯成 訳して 改写 改寫 重写 重寫 書き換え 言い換え 润色 潤色 改正 纠正 糾正 修改 修正 添削 转换 轉換 "
     "変換 改成 改为 改為 简化 簡化 校对 校對 编辑 編輯 編集 重新表述 改述 主动语态 主動語態 被动语态 被動語態 拼写 拼寫 번역 교정 의역"),
    ("extraction", "提取 抽取 抽出 找出 挑出 识别 識別 見つけ 추출"),
    ("other", "匹配 配对 配對 排列 排序 並べ替え 並べ替える 预测 預測 予測 정렬 예측"),  # sorting and matching, as the English labels have them
    ("brainstorming", "列出 列举 列舉 头脑风暴 頭腦風暴 ブレインストーミング 点子 點子 アイデア 브레인스토밍 아이디어 목록 나열 열거"),
    ("generation", "写 寫 書いて 書く 创作 創作 生成 撰写 撰寫 编写 編寫 造句 设计 設計 描写 描寫 创建 創建 作成 编一个 編一個 想一个 想一個 "
     "制作 製作 制定 製定 构建 構建 创造 創造 编造 編造 造 作る 作って 完成 立てる 立てて デザイン 작성 창작 묘사 디자인 작곡 만들다 쓰다 짓다 "
     "想出 提出 举出 舉出 建议 建議 推荐 推薦 提案 回应 回應 回复 回覆"),
)
# Words that hold a keyword without its meaning: "写了" (wrote), "计算机" (computer).
_NOT_KEYWORDS = re.compile("写了|寫了|计算机|計算機|计算器|計算器")
_CATEGORY_OF_KEYWORD = {keyword: category for category, keywords in _KEYWORDS for keyword in keywords.split()}
_ORDER = [category for category, _ in _KEYWORDS]
_KEYWORD = re.compile("|".join(sorted(map(re.escape, _CATEGORY_OF_KEYWORD), key=len, reverse=True)))
# Suggesting several things is brainstorming ("提出一些保护环境的行动", "推荐五本书"); one is writing ("想出一个故事").
_SEVERAL = re.compile(r"一些|几|幾|些|多个|多個|いくつか|[二两兩三四五六七八九十2-9２-９]\s*[个個种種条條点點本首件项項部篇位家款道句张張座只隻名场場つ]")
_SUGGESTING = frozenset("想出 提出 举出 舉出 建议 建議 推荐 推薦 提案 제안 추천".split())
# Japanese and Korean verbs that list things when a number of them is asked for: "国を3つ挙げてください", "원인 세 가지를 말해 주세요".
_LISTING_COUNTED = frozenset("挙げる 教える 説明 リストアップ 列挙 考える 提案 書き出す 見つける 말하다 제시 나열 들다 알리다 찾다 제안 만들다 생성".split())
# Nouns that settle the task beside a verb of suggesting, listing or writing.
_IDEA_NOUNS = frozenset("方法 方式 建议 点子 想法 办法 技巧 策略 途径 措施 主意 创意 提示 窍门 诀窍 贴士 小贴士 活动 行动 戦略 ヒント アイデア コツ 案 おすすめ 방법 해결책 아이디어 팁 전략 방안".split())
_WRITTEN_NOUNS = frozenset(
    "标题 故事 诗 诗歌 歌曲 歌词 类比 比喻 例句 句子 对话 口号 广告 文章 信 邮件 推文 笑话 谜语 剧本 脚本 标语 名字 名称 计划 时间线 档案 "
    "简介 菜单 食谱 段落 短语 博客 报告 演讲 评论 旋律 タイトル 物語 会話 対話 歌 比喩 ルール 年表 応答 フレーズ ストーリー エッセイ メール "
    "スローガン 広告 편지 시 이야기 문장 단락 에세이 말장난 퀴즈 제목 광고 대화 노래 질문 설명 헤드라인 문구 트윗 서론 인사 슬로건 가사".split()
)
# Verbs of a means, after which the next verb names the task: "描写的な言葉を使って、品物をリストアップして", "물건을 사용하여
# 악기를 디자인하세요" (using everyday objects, design an instrument).
_MEANS_VERBS = frozenset("使う 用いる 利用 使用 사용 이용 활용".split())
_EXPLAINING_VERBS = frozenset("解释 解釋 说明 說明 説明 설명 比较 比較 비교 对比 對比".split())
_CODE = re.compile("代码|代碼|程式碼|コード|코드|函数|函數|関数|함수|编程|編程|プログラム|프로그램|写一个程序|编写程序")
_QA_VERBS = frozenset("설명 분석 평가 주다 解释 解釋 分析 评价 評價 説明 評価".split())  # with a passage of 8 words or more
_LISTS = frozenset("목록 列表 清单 清單 リスト 一覧".split())
_SYNONYMS = frozenset("동의어 반의어 同義語 対義語 同义词 反义词 近义词".split())
_LEXICAL = _SYNONYMS | frozenset("단어 単語 单词 词语".split())  # words about words: no list of ideas
_REWRITING = re.compile("다시 ?(?:작성|써|쓰)|바꿔 ?쓰|고쳐 ?쓰")
_CODE_NOUNS = frozenset("类 程序 函数 クエリ 関数 プログラム クラス 코드 함수 프로그램 쿼리".split())
_LISTING = frozenset("说出 列出 列举 给出 提供 举出 举 给".split())
_MAKING = frozenset("写 撰写 创作 写作 编写 编 做 制作 造 生成 设计 构造 构建 创建 想 想出 提出 提供 给出 给 举 举出 起 書く 作る 作成 付ける 考える 完成 創作 立てる デザイン 만들다 쓰다 작성 생성 짓다 창작 작곡 건네다".split())
# Japanese and Korean verbs that edit a text they are given: "単語を複数形に変えて" (change the word to the plural).
_EDITING = frozenset("変える 加える 整形 結合 書き直す 直す 置き換える 並べる 바꾸다 고치다 수정 편집 교정".split())
_TEXT_NOUNS = frozenset("文 文章 単語 テキスト 文字 形容詞 段落 フレーズ 語 名詞 動詞 表現 句子 文本 单词 短语 문장 단어 표현 텍스트 문단 구절".split())
_KIND_NOUNS = frozenset("種類 タイプ カテゴリー ジャンル 品詞 类型 類型 种类 类别 유형 종류 범주 장르".split())
_NAMING_VERBS = frozenset("答える 特定 判断 判定 見つける 教える 识别 確定 确定".split())
_MATH_WORDS = re.compile("方程式|方程|公式|微分|積分|积分|导数|導数|確率|概率|방정식|미분|적분|확률")  # maths, numbers or not
_IMAGINED = re.compile("架空|想像上|虚构|虛構|假想")  # "架空のシステムを説明して" (describe a hypothetical system): made up
_POINTS_AT_A_TEXT = re.compile("下面|下列|以下|给定|給定|这段|這段|这篇|這篇|上述|文中")
_PERSONAL = re.compile("你最近|你曾经|你最喜欢|你经历|你的童年|你参加过|你去过|你自己的")
_EITHER_OR = re.compile("是.+还是")
# Two or more (one names a fact: "映画を1つ挙げて"): "3つ", "いくつか", "세 가지", "5곳", "몇 개".
_COUNT = r"(?:[2-9２-９]|[1-9１-９][0-9０-９]+|[二三四五六七八九十])つ|いくつか|(?:두|세|네|다섯|여섯|일곱|여덟|아홉|열|몇|[2-9]|\d{2,}|\d+~\d+) ?(?:가지|개|곳|명|권|편)"
_OWN_WORDS = re.compile("自分の言葉|自己的话|自己的話")
_ARITHMETIC = re.compile(r"\d\s*[+*/×÷=＝]\s*\d|\d\s+-\s+\d")  # not a range: "1-4", "2-3句话"
# Extracting needs a text to extract from: "找出写了这本书的作者" (find the author who wrote the book) is a question.
_GIVEN_TEXT = re.compile("下面|下列|以下|给定|給定|这段|這段|文中|句子|文章|次の|この文|与えられた")
# Math needs a number beside one of these ("计算 3 + 5", "求半径为 2 的圆的面积").
_MATH = re.compile(
    "计算|計算|求解|等式|算式|运算|運算|等于|等於|平方|立方|面积|面積|体积|體積|機率|百分|质数|質數|素数|平均数|平均數|乘以|除以|"
    "整除|缺失的数|缺少的数|下一个数|掛け|足し|割っ"
)
_NUMBER = re.compile(r"[0-9０-９]")
_EXPLAINING = re.compile("解释|解釋|説明して")  # "写一段话解释供求定律": an explanation, as "Write an explanation of" is
_QUESTION = re.compile("[?？吗嗎呢]|什么|什麼|哪|为什么|為什麼|如何|怎么|怎麼|多少|何|か[。？?]?$")


# Verbs that lead Chinese instructions, two-character ones before the one-character verbs they start with ("写作"
# before "写"). The first of them in the instruction's first two clauses is its verb, as the root verb is in English:
# "为幼儿设计一个游戏" (for children, design a game) -> 设计, "对评论的情感进行分类" (of the review's sentiment, make a
# classification) -> 分类, "将三个项目按顺序排列" (take the three items and arrange them in order) -> 排列.
_VERBS = "|".join(
    sorted(
        """写作 撰写 编写 改写 重写 书写 创作 生成 翻译 总结 概括 归纳 解释 阐述 描述 描写 列出 列举 给出 提供 比较 对比 分析 分类
        归类 归入 计算 求解 编辑 设计 创建 找出 提取 判断 说明 推荐 建议 回答 回应 识别 命名 说出 造句 阐明 讨论 评估 评价 预测
        确定 选择 排序 排列 匹配 转换 修改 纠正 改成 替换 输出 完成 填写 构建 构造 制定 想出 提出 举出 检测 检查 标注 推断 解决
        重新表述 改进 简化 扩展 优化 证明 区分 介绍 猜测 估计 组织 规划 制作 存储 告诉 建立 标出 标记 添加 增加 加上 分为 分成 归为
        查找 搜索 整理 找到 展示 创造 制造 编造 写出 编 写 举 画 做 说 找 想 选 造""".split(),
        key=len,
        reverse=True,
    )
)
# A verb before 的 describes a noun ("用提供的人物创作": with the provided characters, create), and is not the verb, nor
# one that starts a noun: 计算器 (calculator), 设计师 (designer), 计算机 (computer). "给我" (give me), "加一句话" (add a
# sentence) and "起一个标题" (give it a title) are verbs.
_VERB = re.compile(f"(?:{_VERBS}|给(?=我|你)|加(?=一)|起(?=一|个))(?![的器师者家])")
_COMPUTER = re.compile("计算机|計算機")  # no verb 计算 (compute) in it, though 机 may follow a verb: "描述机器学习"
_CLAUSES = re.compile(r"[^，。！？；：,.!?;:\n]+")
# "给“计算语言学”下定义": no verb inside a quotation (read in linear time: see european._QUOTATION).
_QUOTED = re.compile(r"“[^”“]*”|\"[^\"]*\"|《[^》《]*》|「[^」「]*」|『[^』『]*』")
_MEANS = re.compile("通过[^，。：]*?来")  # "通过添加运算符来完成等式" (by adding operators, complete the equation)
_POLITE = re.compile("^(?:请你|请您|请|麻烦你|帮我|你能|你可以|能否|可以)")
_KANA = re.compile("[\u3040-\u30ff]")  # Japanese, whose verbs conjugate: "この写真を説明して" holds no verb 写
# The noun phrase of the object: what "给定的" or "下面的" point at is the noun after them, 将/把 and 对 ... 进行 bring the
# object before the verb, a coverb ends it, and numbers, measure words and demonstratives lead it.
_GIVEN = re.compile("(?:给定|给出|所给|提供|下面|下列|以下|如下|上面|上述)的")
_BROUGHT_FORWARD = re.compile("(?:(?<![即必])将(?![来会要])|把(?!握))(.+)$|对(.+?)进行")
_COVERB = re.compile("按照|按|根据|依据|用|以(?![下上前后])|为|成|到|与|和|跟|同|从|在")
_COMPLEMENT = re.compile(f"^(?:出|并(?:{_VERBS}))")
_CLAUSE_OBJECT = re.compile("为什么|为何|如何|怎么|怎样|是否|什么|哪|谁|多少|还是")
# A verb, or a purpose, after the noun phrase: "写一段话解释定律", "写一条推文来推广产品", "找出错误并改正".
_PHRASE_END = re.compile(f"(?<![用起出下过原未将后本带])来(?![自源])|以便|并|使|{_VERBS}")
_JOINING = frozenset("来 以便 并 使".split())
_CONJUNCTION = re.compile("和|与|及|或")
_CLASSIFIERS = "个|首|篇|段|句|种|条|位|部|份|封|套|组|则|款|本|张|只|件|项|道|对|场|次|类|些|点|步|幅|台|家|名|门|盒|杯|碗"
_COUNTED_BY = re.compile(
    f"^(?:(?:这|那|该|此|每|某|各|其)(?:{_CLASSIFIERS})?|下面|下列|以下|所有|一些|[一二三四五六七八九十两几百千万0-9０-９]+(?:{_CLASSIFIERS}))+"
)
_NOT_A_NOUN = re.compile("[可能会要用来对在把将被让使给有是]")
_ADJECTIVES = frozenset("新旧好短长")
_NOUN_SUFFIXES = frozenset("性线度器者")
_PARTICLE_DE = re.compile("(?<!目)的(?![确士])")  # not in 目的 (purpose)


def is_unspaced(text: str) -> bool:
    """True if the text holds a character of such a script."""
    return not text.isascii() and SCRIPTS.search(text) is not None


def has_own_rules(text: str) -> bool:
    """True if the text holds Chinese, Japanese or Korean, which the rules of this module read (not the English ones)."""
    return not text.isascii() and _OWN_SCRIPTS.search(text) is not None


def is_mostly_own(text: str) -> bool:
    """True if a quarter or more of the characters other than spaces of the text's first sentence are Chinese, Japanese
    or Korean: "C level エグゼクティブ向けの質問を…", "用Python写一个函数" and "다음 SQL 쿼리를 변환하세요. SELECT * FROM ..."
    are, "Translate '你好' into English" is not."""
    if not has_own_rules(text):
        return False  # most text: ASCII, or no such script anywhere
    first = _FIRST_SENTENCE.match(text)
    sentence = first.group() if first else text
    return len(_OWN_SCRIPTS.findall(sentence)) * 4 >= len(sentence) - sentence.count(" ") > 0


def category(instruction: str, input_: str, verb: str | None = None, noun: str | None = None) -> str:
    """The task's category from its keywords, the verb and noun that name the task (:func:`read`); a question (with an
    input to answer it from: closed_qa) otherwise."""
    lowered = _NOT_KEYWORDS.sub(" ", _QUOTED.sub(" ", instruction.lower()))  # a quotation is data, not the task
    keywords = _KEYWORD.findall(lowered)
    found = {_CATEGORY_OF_KEYWORD[keyword] for keyword in keywords}
    asks = lowered.rstrip().endswith(("?", "？")) or _EXPLAINING.search(lowered) is not None
    if "coding" not in found and (noun in _CODE_NOUNS and verb in _CATEGORY_OF_KEYWORD):
        found.add("coding")  # "设计一个类" (design a class)
    if "coding" in found and (asks or verb in _EXPLAINING_VERBS) and not _CODE.search(lowered):
        found.discard("coding")  # "의사결정 트리 알고리즘은 어떻게 작동하나요?" (how does the algorithm work?) writes none
    has_number = _NUMBER.search(lowered) or _NUMBER.search(input_)
    if "coding" not in found and ((_MATH.search(lowered) and has_number) or _ARITHMETIC.search(lowered) or _MATH_WORDS.search(lowered)):
        return "math"
    if verb is not None and _CATEGORY_OF_KEYWORD.get(verb) != "other" or asks:
        found.discard("other")  # "冒泡排序的时间复杂度是多少？" asks about sorting, and sorts nothing
    if verb is not None and _CATEGORY_OF_KEYWORD.get(verb) != "generation" and not _is_written(noun):
        found.discard("generation")  # "确定莎士比亚戏剧的创作时期" (determine when the plays were written)
    if (verb in _SUGGESTING or verb in _LISTING or verb in _LISTING_COUNTED or verb == "まとめる") and noun in _IDEA_NOUNS:
        found.add("brainstorming")  # "说出一种保护环境的方法" (name a way to protect the environment)
        found.discard("summarization")  # "ヒントをまとめてください" (put tips together)
    counted = verb in _LISTING_COUNTED and noun is not None and not _is_written(noun) and noun not in _LEXICAL and _is_counted(noun, lowered)
    if counted or (verb in _SUGGESTING and noun is None and not asks):
        found.add("brainstorming")  # "国を3つ挙げてください" (name three countries), "どのように活用できるか提案して" (suggest how)
        found.discard("coding")  # "알고리즘의 세 가지 유형을 말해 주세요" (name three kinds of algorithm) writes no code
    if verb in _CATEGORY_OF_KEYWORD:
        found.add(_CATEGORY_OF_KEYWORD[verb])  # a Japanese or Korean verb, whose text holds another form: 만들어 주세요 (만들다)
    if noun in _SYNONYMS and (verb in _MAKING or verb in _LISTING or verb in _LISTING_COUNTED):
        found.clear()  # "반의어를 만드세요" (make an antonym) asks about words, as in English
    if _REWRITING.search(lowered):
        found.add("rewrite")  # "다시 작성하세요" (write it again), "바꿔 쓰세요" (change and write)
    if noun in _LISTS and (verb in _MAKING or verb in _LISTING or verb in _LISTING_COUNTED):
        found.add("brainstorming")  # "인기 도서 목록을 작성하세요" (make a list of popular books)
    if verb in {"特定", "抽出"}:
        found.add("extraction")  # "主語と目的語を特定してください" (identify the subject and the object)
    if verb in _EDITING and (noun in _TEXT_NOUNS or input_.strip()):
        found.add("rewrite")  # "単語を複数形に変えて", "テキストを整形して" (format the text)
    if (noun in _KIND_NOUNS and verb in _NAMING_VERBS and input_.strip()) or (verb == "選ぶ" and noun == "選択肢"):
        found.add("classification")  # "音階の種類を答えて" (name the kind of scale), "最も良い選択肢を選んで"
    if verb in _MAKING and _is_written(noun):
        found.discard("classification")  # "文書を分類するためのルールを作って" (make a rule to classify documents)
    imagined = _IMAGINED.search(lowered) is not None and not lowered.rstrip().endswith(("?", "？"))
    if imagined:
        found.add("generation")
    if _OWN_WORDS.search(lowered) and input_.strip():
        found.add("rewrite")  # "自分の言葉で説明してください" (explain it in your own words), given a text
    if (verb in _MAKING or verb in _SUGGESTING) and _is_written(noun):
        found.add("generation")  # "提供一个标题" (give a title), "做一个类比" (make an analogy), "문구를 제안해 주세요"
    if "extraction" in found and not input_.strip() and not _GIVEN_TEXT.search(lowered):
        found.discard("extraction")
    if found & {"generation", "brainstorming"} and not _SUGGESTING.isdisjoint(keywords) and _SEVERAL.search(lowered):
        found.add("brainstorming")
    if "summarization" in found and verb in _MAKING and _is_written(noun) and not input_.strip() and not _POINTS_AT_A_TEXT.search(lowered):
        found.discard("summarization")  # "写一篇文章，总结城市农业的挑战" writes an article
    if _PERSONAL.search(lowered) and not asks:
        found.add("generation")  # "描述你最近进行过的一次对话" (describe a conversation you had): to be made up
    if not found and verb in _QA_VERBS and len(input_.split()) >= 8:
        return "closed_qa"  # "다음 시가 왜 소네트 형식으로 쓰였는지 설명하세요" (explain why the poem below is a sonnet)
    if found and not (asks and found <= {"generation"} and not imagined):  # "创建一个谷歌账户需要做什么？" asks how
        return min(found, key=_ORDER.index)
    if asks and _EITHER_OR.search(lowered):
        return "classification"  # "假设是一个陈述还是一个问题？" (is a hypothesis a statement or a question?)
    return "closed_qa" if input_.strip() and _QUESTION.search(instruction) else "open_qa"


def _is_counted(noun: str, text: str) -> bool:
    """A number of the noun is asked for, in Japanese or Korean: "国を3つ", "5つのステップ", "해결책 세 가지", "세 가지 과제"."""
    noun = re.escape(noun)
    return re.search(f"(?:{_COUNT})(?:の[^をは、]*| ){noun}|{noun}[を을를]? ?(?:{_COUNT})", text) is not None


def _is_written(noun: str | None) -> bool:
    """A piece of writing: "标题" (title), or a word of one's kind, "祝酒词" (toast), "求职信" (cover letter), "短文"."""
    return noun is not None and (noun in _WRITTEN_NOUNS or noun[-1] in "诗詩词詞信文稿语語句")


class Reading(NamedTuple):
    verb: str | None
    noun: str | None
    task_verb: str | None  # the verb that names the task: the first, or the next after a means ("使って", "사용하여")
    task_noun: str | None


def read(instruction: str) -> Reading:
    """The verb of a Chinese, Japanese or Korean instruction and the head noun of its object (None for a question, as
    for English ones: "什么是光合作用？"), and the verb and noun that name its task."""
    readings = _verbs_and_nouns(instruction)
    verb, noun = next(readings, (None, None))
    task_verb, task_noun = next(readings, (verb, noun)) if verb in _MEANS_VERBS else (verb, noun)
    return Reading(verb, noun, task_verb, task_noun)


def _verbs_and_nouns(instruction: str) -> Iterator[tuple[str, str | None]]:
    if _KANA.search(instruction):
        yield from japanese.verbs_and_nouns(instruction)
        return
    if korean.HANGUL.search(instruction):  # Korean, written with spaces, but between phrases that carry their particles
        yield from korean.verbs_and_nouns(instruction)
        return
    text = _POLITE.sub("", instruction.strip())
    if text.endswith(("?", "？")) and _QUESTION.search(text):
        return
    # The first two clauses: "根据歌词，写一句话" (from the lyrics, write a sentence) has its verb in the second.
    for clause in _CLAUSES.findall(_MEANS.sub("", _QUOTED.sub("", text)))[:2]:
        if found := _VERB.search(_COMPUTER.sub("   ", clause)):
            yield found.group(), _object_noun(clause, found)
            return


def _object_noun(clause: str, verb: re.Match) -> str | None:
    """The head noun of the verb's object: the last word of the noun phrase, after its last 的 ("描述一种学习风格" ->
    风格, "写一个带有道德寓意的儿童故事" -> 故事), or, before the verb, the object 将 or 把 brings forward ("将下面的句子分类"
    -> 句子). None for a clause ("解释为什么天空是蓝色的")."""
    before, after = _GIVEN.sub("", clause[: verb.start()]), _GIVEN.sub("", clause[verb.end() :])
    if brought := _BROUGHT_FORWARD.search(before):  # 将/把 X V, 对 X 进行 V
        phrase = _COVERB.split(brought.group(1) or brought.group(2), 1)[0]
    else:
        after = _COMPLEMENT.sub("", after)  # "推断出一个教训", "比较并对比白天和黑夜"
        if _CLAUSE_OBJECT.search(after):
            return None
        phrase = next((after[: end.start()] for end in _PHRASE_END.finditer(after) if _ends_the_phrase(after, end)), after)
    head = _CONJUNCTION.split(_PARTICLE_DE.split(phrase)[-1], 1)[0]
    head = _COUNTED_BY.sub("", head.strip()).strip()
    if len(head) >= 4:
        # Most nouns have two characters ("爱尔兰城市" -> 城市, "学习风格" -> 风格); some three, ending in a suffix ("准确时间线").
        head = head[-3:] if head[-1] in _NOUN_SUFFIXES else head[-2:]
    elif len(head) == 3 and head[0] in _ADJECTIVES:
        head = head[1:]  # "新故事" -> 故事
    return head or None


def _ends_the_phrase(text: str, end: re.Match) -> bool:
    """Whether the verb or joining word ``end`` follows the noun phrase, not a part of a description of a noun still to
    come: "一句话" is a whole phrase before "描述这首歌的信息", "四个" is not before "组织一场聚会的建议", nor "一种可以用来"
    before "存储信息的数据结构"; a joining word with no 的 after it ("错误并改正") ends it too."""
    if end.group() in _JOINING and not _PARTICLE_DE.search(text, end.start()):
        return True
    if len(end.group()) < 2 and end.group() not in _JOINING:
        return False  # a one-character verb is as often part of a word: "有说服力的论点"
    if end.group() not in _JOINING and end.end() == len(text):
        return False  # nothing after it to act on: a noun, "产品描述" (product description)
    lead = text[: end.start()]
    counted = _COUNTED_BY.match(lead)
    noun = lead[counted.end() :] if counted else ""
    return 0 < len(noun) <= 4 and not _NOT_A_NOUN.search(noun) and not _PARTICLE_DE.search(noun)
