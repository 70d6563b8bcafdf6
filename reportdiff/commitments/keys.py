"""What a Chinese commitment is about (its key), as the follow-up searches read it.

A target's indicator (with the thing counted when it follows the number: 10条断头路; without
example names ending in 等) or a task's object, synonyms of the corpus rewritten to one form
(``SYNONYMS``: 公厕 → 公共厕所, 占比 → 比重, 技改 → 技术改造 …), cut into jieba words, verbs, time
words and quantifiers dropped, the remaining runs cut into overlapping character pairs.  Pair p
weighs w(p) = ln((N + 1) / (df(p) + 1)) over the N clauses of all documents of the ledger (df:
clauses holding p; ``followup``).  The head is the last pair of the last word that is not an
action noun (治理, 修复 … stand on either side of their object).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import patterns
from ..text.tokens import terms
from .extraction import Commitment
from .indicator_names import PURPOSE
from .parts import PLAN_NAME

# Different wordings of one indicator in the corpus (the review says 公厕 where the plan said
# 公共厕所, 占比 for 比重, 技改 for 技术改造 …): both sides are rewritten to the first form.
SYNONYMS = (
    ("公共厕所", "公厕"), ("技术改造", "技改"), ("对外贸易", "外贸"), ("进出口总额", "进出口总值", "进出口额"),
    ("比重", "占比"), ("涨幅", "上涨"), ("停车位", "停车泊位", "泊位"), ("电商", "网络", "网上"), ("销售额", "交易额", "零售额"),
    ("研发", "R&D", "科研"), ("生产总值", "经济总量", "GDP"), ("增长", "增速"),
    # the growth of the economy is the growth of its product (经济增长预期目标7% → 国内生产总值增长7.3%)
    ("生产总值增长", "国民经济增长", "经济增长", "经济增速"),
    ("居民消费价格", "CPI", "物价"), ("城镇调查失业率", "调查失业率", "失业率"), ("一般公共预算收入", "财政收入"),
    ("社会消费品零售总额", "社零总额", "消费品零售总额"), ("棚户区", "棚改"), ("高标准农田", "高标准基本农田"), ("固体废物", "固废"),
    ("充电桩", "充电设施"), ("高速铁路", "高铁"), ("城镇落户", "进城落户"), ("科研院所", "科研机构"), ("支出", "投入"),
    ("先进制造业和现代服务业融合", "“两业”融合", "两业融合"),
    ("双拥", "拥军优属、拥政爱民", "拥政爱民、拥军优属", "拥军优属", "拥政爱民"),
    ("渔业", "水产业"), ("小型微型企业", "小微企业"), ("全民健身", "群众性体育"), ("集中采购", "集采"),
    # the energy used per unit of output, however named (能耗强度下降3.1%以上 → 单位国内生产总值能耗下降5.6%), in
    # words that hold 能源消耗 (a list's bare 能耗) and not 单位生产总值 (单位生产总值二氧化碳排放 is another measure)
    ("能源消耗强度", "能耗强度", "单位国内生产总值能源消耗", "单位国内生产总值能耗", "单位地区生产总值能耗", "单位生产总值能耗",
     "单位GDP能耗", "万元国内生产总值能耗", "万元地区生产总值能耗", "万元GDP能耗"),
    # words shortened to the first character of each part, read whole (要进一步改革财政税收体制 →
    # 制定了财税体制…等改革方案; 国有企业改革深化提升行动 → 国企改革深化提升行动): the whole form keeps
    # the words a key may hold alone (企业改革 in 国有企业的改革)
    ("财政税收", "财税"), ("国有企业", "国企"),
    ("基本医疗保险", "基本医保", "医疗保险", "医保"), ("长期护理保险", "长护险"), ("能源消耗", "能源消费", "能耗"),
    ("科学普及", "科普"),
    # a programme's other name (推动诚信体系建设 → 加快社会信用体系建设; 深化全民阅读活动 → 深入推进“书香辽宁”建设,
    # 推进书香社会建设: national 2013 audit of session 51, seed 247, row 17; Jiangxi and Liaoning audits, seeds 240 and 248)
    ("信用体系", "诚信体系"), ("全民阅读", "书香"),
    # other indicators whose tail is a synonym above: kept as they are (登记 and 调查 失业率 are
    # two measures; 移动网络 is not 电商)
    ("城镇登记失业率", "登记失业率"), ("移动网络",),
)


_SYNONYM_OF = {w: group[0] for group in SYNONYMS for w in group[1:]}
_SYNONYM_OF.update({group[0]: group[0] for group in SYNONYMS})


# where a form above is part of another thing's name: the growth a sector contributes to (对经济增长的
# 贡献率), the growth's quality, drivers, model, poles (经济增长点) are no growth of the product
_NOT_BEFORE = {w: r"(?!的?(?:贡献|质量|方式|动力|潜力|模式|新动能|点|极))" for w in ("国民经济增长", "经济增长", "经济增速")}
_NOT_BEFORE["投入"] = r"(?!使用|运营|运行|生产|营运)"  # 建成投入使用: put into use, no money spent
_SYNONYM_RX = patterns.compile("|".join(re.escape(w) + _NOT_BEFORE.get(w, "")
                                  for w in sorted(_SYNONYM_OF, key=len, reverse=True)))


# Words that carry no indicator: verbs of doing and reaching, time words, quantifiers.
_STOP_TERMS = set(
    "新增 新建 建成 完成 实施 达到 提高 提升 增长 增加 降低 下降 减少 推动 推进 加快 打造 培育 引进 开展 全市 全区 全省 "
    "全国 全年 年内 今年 力争 确保 累计 以上 左右 以内 以下 各类 分别 其中 进一步 持续 继续 积极 大力 全面 深入 努力 "
    "推广 带动 尽快 年底 升级 先 再 地区 国内 新 改造 建设 高标准 高质量 支持 争取 实现 形成 保持 稳定 控制 不低于 不超过 超过 突破 一批 等 和 及 与 的 个 "
    "拟 安排 至少 平均 要 为 退出 化解 淘汰 减轻 削减 压缩 我国 我省 我市 我区 我县 本省 本市 本区 预期 预计".split()
)


# Terms of art that open with a stop word (高标准 is mostly a manner, 高标准建设…, but 高标准农田 is
# the national farmland programme's name): kept whole.
_NAMES = patterns.compile(r"高标准农田")


# verbs jieba cuts into single characters (再压减钢铁产能 → 再 压 减 钢铁 产能), cut out before the
# words are: a lone 减 may be part of a name (“双减”)
_SPLIT_VERBS = patterns.compile(r"压减")


# a five-year plan named in full or by its short name in quotes, read as the short name bare
# (第八个五年计划 and “八五”计划 → 八五计划, “十四五”规划 → 十四五规划)
_PLAN_IN_FULL = patterns.compile(r"第([一二三四五六七八九十]{1,3})个五年(计划|规划)")
_PLAN_QUOTED = patterns.compile(r"[“\"]((?:[一二三四五六七八九]|十[一二三四五六七八九]?)五)[”\"](?=计划|规划)")


def normal(text: str) -> str:
    """``text`` with every synonym rewritten to the first form of its group, and a five-year plan
    named by its short name (``_PLAN_IN_FULL``, ``_PLAN_QUOTED``)."""
    text = _PLAN_QUOTED.sub(r"\1", _PLAN_IN_FULL.sub(r"\1五\2", text))
    return _SYNONYM_RX.sub(lambda m: _SYNONYM_OF[m.group()], text)


def key_terms(text: str) -> tuple[str, ...]:
    """The character pairs that name a commitment's indicator or object, in order: the
    normalised text cut into jieba words, verbs, time words, quantifiers and numbers dropped,
    and each remaining run of words cut into overlapping pairs of characters (a lone character
    stays whole).  Pairs do not depend on how jieba cuts rare compounds (重卡换电站 → 重卡 卡换
    换电 电站), and the inverse clause frequency weighs them (电站 is common, 换电 rare)."""
    return tuple(dict.fromkeys(p for r in key_runs(text) for p in pairs(r)))


def pairs(run: str) -> list[str]:
    """The overlapping character pairs of a run of words (a lone character stays whole)."""
    return [run[i:i + 2] for i in range(max(1, len(run) - 1))]


# a count or an ordinal in Chinese numerals (第二批, 三年, 两个, 第二届): how many or which round,
# not what (国家碳达峰第二批试点 is followed by 推进国家碳达峰试点建设); 千万工程 and “十四五” keep theirs
_COUNT_WORD = patterns.compile(r"第[零一二三四五六七八九十百两几]+[批个项条年次轮届期类种座所件名户套]?"
                         r"|[零一二三四五六七八九十百两几]+[批个项条年次轮届期类种座所件名户套]")


# where a run of words ends: a clause's end, the mark between the items of a list (用水、用气) and brackets,
# which the tokens leave out but every text keeps: a pair across it (水用) is in no clause, not even
# the same list again, and weighs as the rarest pair of all (df 0)
_RUN_BREAK = patterns.compile(r"[，；。、（）()]")


def key_runs(text: str, counts: bool = False) -> list[str]:
    """The runs of content words of ``text`` (normalised), in order (``key_terms``); counts and
    ordinals only when nothing else is left (“三个1亿人”: 三个)."""
    return ["".join(run) for run in _run_words(text, counts)]


def _run_words(text: str, counts: bool = False) -> list[list[str]]:
    """``key_runs``, each run as its jieba words."""
    runs = []
    for piece in _RUN_BREAK.split(_SPLIT_VERBS.sub("，", normal(text))):  # no pair across a clause or a mark
        run: list[str] = []
        for w in _named(terms(piece)):
            if re.fullmatch(r"[\u4e00-\u9fffA-Za-z&]+", w) and w not in _STOP_TERMS and (counts or not _COUNT_WORD.fullmatch(w)):
                run.append(w)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
    return runs or (_run_words(text, True) if not counts else [])


def _named(words: list[str]) -> list[str]:
    """``words`` with the terms of art (``_NAMES``) that jieba cut joined again."""
    out: list[str] = []
    for w in words:
        if out and _NAMES.fullmatch(out[-1] + w):
            out[-1] += w
        else:
            out.append(w)
    return out


def _joins(text: str):
    """(pair, first word, second word) for each pair of ``text``'s key that joins two words, the
    first of two characters or more; a pair inside one word (集采, 国企) is none."""
    runs = _run_words(text)
    inside = {p for run in runs for w in run for p in pairs(w) if len(w) >= 2}
    for run in runs:
        for a, b in zip(run, run[1:]):
            if len(a) >= 2 and a[-1] + b[0] not in inside:
                yield a[-1] + b[0], a, b


def junctions(text: str) -> tuple[tuple[str, str], ...]:
    """The pairs of ``text``'s key that join two words (财政|体制 → 政体), each with the rest of
    the first word before it (财; 自治区|城市 → 区城 with 自治): spread apart in a clause, such a pair
    is a word put between the two (燃气老旧管网 for 燃气管网) only when that clause's first word ends
    the same way (政治体制 is no 财政体制: ``spread_at``), and after a two-character first word it
    names that word only after its first character (出口政策 is no 人口政策: ``followup._held``)."""
    return junction_maps(text)[0]


def junction_ends(text: str) -> tuple[tuple[str, str], ...]:
    """The pairs of ``junctions`` whose second word has two characters, each with that word's second
    character: such a pair names that word only before it (经济|中心 → 济中 with 心: 国民经济中 joins
    经济 to no 中心, national 1981 audit of session 48, row 14; ``followup._held``)."""
    return junction_maps(text)[1]


def junction_maps(text: str) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """``junctions`` and ``junction_ends`` of ``text``, from one walk over its words."""
    joins: dict[str, str] = {}
    ends: dict[str, str] = {}
    for p, a, b in _joins(text):
        joins.setdefault(p, a[:-1])
        if len(b) == 2:
            ends.setdefault(p, b[1])
    return tuple(joins.items()), tuple(ends.items())


EDITION = patterns.compile(r"第([零〇一二三四五六七八九十百\d]{1,4})届")  # which edition of an event (第二届, 第16届)
# the stance of a fiscal or monetary policy (积极的财政政策, 适度宽松的货币政策, 稳健财政政策): 积极 and 稳健 fiscal
# policies are two policies (national 2004 audit of session 49, row 7: 继续实施积极的财政政策 was not followed by
# 2005's 今年要实行稳健的财政政策)
STANCE = patterns.compile(r"(积极|稳健|从紧|宽松|紧缩|扩张性|中性)的?(财政|货币)")


@dataclass(frozen=True)
class Key:
    """What a commitment is about: its words with their weights, and the head word."""

    words: tuple[str, ...]
    weights: tuple[float, ...]
    head: str
    modifiers: tuple[str, ...] = ()  # the pairs of the words before the head word (物流业增加值: 物流 流业)
    head_word: str = ""
    places: bool = False  # a target counting places (县, 城市 …): a follow-up may name them after the head
    runs: tuple[str, ...] = ()  # a task's object: its runs of content words (``key_runs``)
    junctions: tuple[tuple[str, str], ...] = ()  # pairs joining two words, with the first word's rest (``junctions``)
    conjuncts: tuple[str, ...] = ()  # a task's heads of the nouns coordinated before its last (``coordinated``)
    listed: int = 0  # a task's runs that are the examples of a list before its 等 (``listed_runs``)
    qualifier: tuple[str, ...] = ()  # a task's words right before its kind words (科技 of 科技服务体系: ``qualifier``)
    reform: bool = False  # a task's object names a reform (事业单位改革): a follow-up says 改革
    ends: tuple[tuple[str, str], ...] = ()  # junctions whose second word has two characters, with its second (``junction_ends``)
    edition: str = ""  # the edition of an event a task's object names (二 of 第二届中国国际进口博览会: ``EDITION``)
    stance: tuple[str, str] = ()  # the stance and the policy a task's object names (积极, 财政: ``STANCE``)
    purpose: bool = False  # a sum named by what it is for after it (109亿元资金支持再就业): a follow-up names that


PLACE_AFTER = patterns.compile(r"县市|县区|城市|地市|省份|地区|国家|乡镇|县|市|省|区|镇|乡|村")  # places counted


def key_of(c: Commitment, weight) -> Key | None:
    if c.kind == "target":
        # the thing counted after the number names the target better than the words before
        # it (在主城区启动5处片区更新改造, 继续打通鄂日登路等10条断头路)
        t = c.target
        before = "" if t.indicator.endswith("等") else t.indicator  # 鄂日登路等: examples, not the indicator
        # places counted say where a measure reaches, not what it is (试点扩大到1000个县): the
        # words before the number name it, and a follow-up may count its places (试点县市达到1300多个)
        places = bool(PLACE_AFTER.fullmatch(t.counted))
        counted = "" if places else t.counted
        words = key_terms(before + "，" + counted)
        joins, ends = junction_maps(before + "，" + counted)
        head_from = key_terms(counted or t.indicator)
    else:
        places, counted = False, ""
        obj = object_words(c.obj)
        words = head_from = key_terms(obj)
        joins, ends = junction_maps(obj)
        if words and generic(obj):  # 形成激励机制 after 改革和完善优秀人才的收入分配制度: whose incentives?
            sentence = next((x for x in c.paragraph.sentences if c.text in x), c.text)
            words += tuple(w for w in key_terms(sentence.replace(c.text, "，")) if w not in words)
    if not words:
        return None
    named = counted or c.target.indicator if c.target else c.obj
    head = head_pair(named) or (head_from[-1] if head_from else words[-1])
    hw = head_word(named)
    modifiers = tuple(p for p in words if p not in hw and p[-1] != hw[0]) if hw else ()
    runs = () if c.kind == "target" else tuple(key_runs(obj))
    asked = bool(runs) and not _JOINED.search(obj)  # a task of one thing: what it is of, a reform's 改革
    return Key(words, tuple(weight(w) for w in words), head if head in words else words[-1], modifiers, hw, places,
               runs, joins, coordinated(obj, runs) if runs else (), listed_runs(obj) if runs else 0,
               qualifier(obj) if asked else (), asked and obj.endswith("改革"), ends,
               edition.group(1) if c.kind == "task" and (edition := EDITION.search(c.obj)) else "",
               stance.groups() if c.kind == "task" and (stance := STANCE.search(c.obj)) else (),
               c.kind == "target" and bool(PURPOSE.match(counted)))


_JOINED = patterns.compile(r"[和与及、]|等")  # coordinated nouns or a list: each names its own thing
_PLAN_NAME = patterns.compile(PLAN_NAME)


def qualifier(obj: str) -> tuple[str, ...]:
    """The words right before the kind words a task's object ends with (科技 of 科技服务体系, 行政 of
    行政管理体制改革, 医疗 卫生 of 新型城市医疗卫生服务体系; 问题 and single characters skipped, and 发展 before a kind word:
    区域 of 区域发展政策): what says
    which system, plan or reform it is, one of them named by a follow-up; () when the object is
    kind words only or ends in none.  A five-year plan's name is no qualifier (十四 of 军队建设“十四五”
    规划: the army's plan is asked, and every report names the country's “十四五”规划)."""
    words = [w for w in terms(normal(_PLAN_NAME.sub("", obj))) if len(w) >= 2 and w != "问题"]
    k = len(words)
    while k and (_kind(words[k - 1]) or k < len(words) and words[k - 1] == "发展"):
        k -= 1  # 发展 before a kind word says what the policy is for, not of what (区域 of 区域发展政策)
    return tuple(words[max(0, k - 2):k]) if 0 < k < len(words) else ()


def _kind(word: str) -> bool:
    """A kind word of a rule or policy (``_GENERIC``, 改革, 建设, 规划), or two of them (管理制度)."""
    return word in _KINDS or len(word) == 4 and word[:2] in _KINDS and word[2:] in _KINDS


def generic(obj: str) -> bool:
    """Whether a task's object is only words of a kind of rule or policy (激励机制, 相关支持政策,
    监管制度, 政策措施): it names no measure of its own, and its key takes the other words of its
    sentence (as an English key of kind words does)."""
    words = terms(normal(obj))
    return 0 < len(words) <= 3 and all(w in _GENERIC for w in words)


_GENERIC = set("激励 约束 长效 工作 管理 保障 运行 协调 监管 监督 考核 评价 机制 制度 体系 体制 政策 措施 办法 规定 "
               "服务 相关 各项 有关 配套 支持 扶持 优惠 一系列".split())
_KINDS = _GENERIC | {"改革", "建设", "规划"}  # and what a plan or a reform is of


def generic_word(word: str) -> bool:
    """Whether ``word`` is one of the words of a kind of rule or policy (``generic``)."""
    return word in _GENERIC


# a list of examples before 等 (汽车、钢铁……现代物流等重点产业调整和振兴规划)
_EXAMPLES = patterns.compile(r"^[^，；。]*、[^，；。]*?等(?=[\u4e00-\u9fff])")


def listed_runs(obj: str) -> int:
    """How many of the runs of a task's object (``key_runs``) are the examples of a list before
    its 等; 0 when it lists none."""
    m = _EXAMPLES.search(normal(obj))
    return len(key_runs(m.group()[:-1])) if m else 0


def coordinated(obj: str, runs: tuple[str, ...]) -> tuple[str, ...]:
    """The head pairs of the runs of a task's object joined by 和, 与 or 及 to the run after them
    (``高水平大学和重点学科`` → 大学): each names a thing of its own, and a report that takes up one of
    them (``努力建设有特色、高水平大学``) follows the task as one naming the last head does."""
    text = normal(obj)
    return tuple(head for r, nxt in zip(runs, runs[1:])
                 if len(r) >= CONJUNCT_CHARS and re.search(re.escape(r) + r"[和与及]" + re.escape(nxt[:2]), text)
                 and (head := head_pair(r)))


# a coordinated noun this long has a head of its own (高水平大学); a shorter one mostly shares the
# head after the last (国防和军队改革: 国防改革, not 国防 itself; 规划和管理, 法规和标准)
CONJUNCT_CHARS = 4


# The verbs of setting up a rule or system, and conjunctions, left at the head of a task's object
# by the extractor (建立健全 → 健全居民阶梯价格制度, 完善和优化 → 和优化休假制度)
_INSTITUTING = patterns.compile(r"^(?:建立|健全|完善|和|与|并|及)+")
# what a task's object is said to fit, when that is the country, the times or a demand
# (符合中国国情的民主政治, 适应我国现阶段生产力水平的社会保障体系; not 适合农民工特点的: whose), and the
# frame of a reform's aim (方向是实行中央与地方的分税制): no part of the thing
_FITTING = patterns.compile(r"^(?:(?:符合|适应|适合)[^，；。的]{0,14}(?:国情|惯例|要求|需要|需求|水平|规律|体制|环境|实际)的"
                            # what a system is for (有利于结构优化、社会公平的税收制度; not a policy, which its aim names:
                            # 有利于安全生产的经济政策)
                            r"|有利于[^，；。的]{2,16}的(?=[^，；。]*(?:制度|体制|体系)$)"
                            r"|(?:方向|重点|目标|任务)是(?:实行|推行|建立|实现)?)")


def object_words(obj: str) -> str:
    """A task's object without the verbs of setting up a system and the conjunctions that lead
    it (``_INSTITUTING``): they name no part of the thing, and a report says 完善 where the plan
    said 健全.  An object with fewer than four characters left stays whole (完善政策)."""
    rest = _INSTITUTING.sub("", _FITTING.sub("", obj))
    return rest if len(rest) >= 4 else obj


# Action nouns that may stand before or after their object (完成125条背街小巷治理 / 治理背街小巷150条):
# never the head.
_ACTIONS = {"治理", "整治", "修复", "保护", "处理", "利用", "更新", "提升"}


def head_pair(text: str) -> str:
    """The last character pair of the last content word of ``text`` that is not an action noun."""
    word = head_word(text)
    return word[-2:] if len(word) >= 2 else ""


def head_word(text: str) -> str:
    """The last content word of ``text`` that is not an action noun (normalised)."""
    words = [w for w in terms(normal(text)) if re.fullmatch(r"[\u4e00-\u9fffA-Za-z&]+", w) and w not in _STOP_TERMS]
    while len(words) > 1 and words[-1] in _ACTIONS:
        words.pop()
    return words[-1] if words else ""


# A key's character pair XY also found as X…Y with one or two characters between, at this share of
# its weight: an abbreviation takes one character of each word (国企 = 国有企业, 自贸 = 自由贸易,
# 集采 = 集中采购, 外资 = 外商投资), and a pair that joins two words is spread by a word put between
# them (燃气管网 → 燃气老旧管网, 绿化美化村庄 → 绿化美化示范村, 国家科技重大项目 → 国家重大科技项目)
SPREAD = 0.5
_CJK = patterns.compile(r"[\u4e00-\u9fff]+")


def spreadable(word: str) -> bool:
    return len(word) == 2 and _CJK.fullmatch(word) is not None


def spread_at(word: str, text: str, i: int) -> bool:
    """Whether ``text[i]``, the first character of the pair ``word``, starts it spread by one or
    two Chinese characters (国有企 for 国企; not across punctuation)."""
    return any(text[i + g:i + g + 1] == word[1] and (m := _CJK.match(text, i + 1)) and m.end() >= i + g
               for g in (2, 3))


def spread_in(word: str, text: str) -> bool:
    """Whether ``text`` holds the pair ``word`` with one or two Chinese characters between (国有企
    for 国企)."""
    if not spreadable(word):
        return False
    i = text.find(word[0])
    while i >= 0:
        if spread_at(word, text, i):
            return True
        i = text.find(word[0], i + 1)
    return False
