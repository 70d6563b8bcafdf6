"""The object nouns of a Chinese plan task, how one task's object names several things
(包银、包西高铁 → 包银高铁, 包西高铁), and the object of a task its verb ends or leads
(加快推进包银、包西高铁建设, 创建全国文明典范城市) or a policy step names (设立国家融资担保基金)."""

from __future__ import annotations

import re

from ..text import patterns

# The nouns that make a task's object a checkable thing (a project, a plan, a programme …).
TASK_OBJECT = patterns.compile(
    r"项目|工程|中心|基地|高铁|铁路|公路|机场|医院|学校|大桥|车站|线路|园区|产业园|平台|场馆|体育馆|图书馆|博物馆|"
    r"示范区|试验区|规划|条例|办法|方案|枢纽|口岸|管网|电站|水库|大学|学院|公园|综合体|工厂|小学|中学|设施|通道|"
    r"行动|活动|制度|试点|法规|清单|谈判|普查|名城|示范市|商会|公司|企业|体系|指引|协定|展会|保险|“|"
    # session 23: programmes, meetings and games, renewal works, subsidies handed out, regional belts
    r"计划(?!生育)|会议|运动会|改造|补贴|经济带"
)


_LISTED_HEAD = patterns.compile(r"(?:一批|若干|一系列)?(?P<items>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})+)等(?P<head>[\u4e00-\u9fff]{2,4})")


_WORK_TAIL = patterns.compile(r"(?:建设|改造)$")
_INSTRUMENT_TAIL = patterns.compile(r"(?:制度|机制|体制|体系|政策|法规|办法)$")


def _two_instruments(first: str, second: str) -> bool:
    """Whether ``first和second`` names two policy instruments (主体功能区制度和生态补偿机制), not one
    whose modifier holds the 和 (一体化国家战略体系和能力建设工作机制: the 机制 of building both), nor
    the end of a list (…全程监管机制、社会共治制度和可追溯体系)."""
    return bool(_INSTRUMENT_TAIL.search(first) and _INSTRUMENT_TAIL.search(second)) \
        and "建设" not in second and "、" not in first + second


_ENDS_IN_OBJECT = patterns.compile(f"(?:{TASK_OBJECT.pattern})$")
_BATCH = patterns.compile(r"^(?:一批|若干|一系列)")


def split_shared_head(obj: str) -> list[str]:
    """包银、包西高铁 → 包银高铁, 包西高铁: items of an enumeration that share the last item's
    head noun (the earlier items are names of 2 or 3 characters, all as long as the last one's
    name; the rest of the last item is one object noun of ``TASK_OBJECT``); a list before 等 and
    an object noun (一批水利、农机、现代种业等工程) gives each item with the noun; two objects joined
    by 和 that end in the same two characters, each of five or more (国家科学中心和技术创新中心), are
    two (not “1+N+X”政策体系和工作体系, whose second lacks the shared name), and so are two works
    (保障性住房建设和城镇棚户区改造, five characters or more each), and two short names (three to
    five characters) before one work (城中村和危旧房改造: 城中村改造, 危旧房改造); a list of two to
    four objects named in full (4-12 characters, each ending in an object noun: 一批零碳园区、零碳工厂)
    gives each, and a list before 等 whose items end as its noun does names instances of it
    (进博会、广交会、服贸会、数贸会、消博会等重大展会)."""
    listed = _LISTED_HEAD.fullmatch(obj)  # 一批水利、农机、现代种业等工程: 水利工程, 农机工程, 现代种业工程
    if listed and TASK_OBJECT.fullmatch(listed.group("head")):
        return [i + listed.group("head") for i in listed.group("items").split("、")]
    if listed and all(i[-1] == listed.group("head")[-1] for i in listed.group("items").split("、")):
        return listed.group("items").split("、")  # 进博会、广交会、服贸会等重大展会: each a 展会 by name
    named = _BATCH.sub("", obj).split("、")  # 一批零碳园区、零碳工厂: two objects, each named in full
    if 2 <= len(named) <= 4 and all(4 <= len(i) <= 12 and _ENDS_IN_OBJECT.search(i) for i in named):
        return named
    pair = obj.split("和")  # 国家科学中心和技术创新中心: two objects with one head noun
    if len(pair) == 2 and min(len(pair[0]), len(pair[1])) >= 5 and (
            pair[0][-2:] == pair[1][-2:] or _WORK_TAIL.search(pair[0]) and _WORK_TAIL.search(pair[1])
            or _two_instruments(*pair)):
        return pair  # also two works (“平急两用”公共基础设施建设和城中村改造), two instruments (…制度和…机制)
    work = _WORK_TAIL.search(pair[1]) if len(pair) == 2 else None
    if work and 3 <= len(pair[0]) <= 5 and 3 <= work.start() <= 5:  # 城中村和危旧房改造: two short names, one work
        return [pair[0] + work.group(), pair[1]]
    items = obj.split("、")
    if len(items) < 2 or len({len(i) for i in items[:-1]}) != 1 or not 2 <= len(items[0]) <= 3:
        return [obj]
    head = items[-1][len(items[0]):]
    return [i + head for i in items[:-1]] + [items[-1]] if TASK_OBJECT.fullmatch(head) else [obj]


# Plan tasks whose verb ends the clause (加快推进包银、包西高铁建设, 推动城区裸露黄土动态清零): the
# object stands between a leading verb of effort and that verb.
_TASK_TAIL = patterns.compile(
    r"^(?:要|更大规模|更大力度|更大范围|加大力度|全力以赴|全力|积极|加快|推动|推进|全面|持续|深入|大力|稳妥|分类|启动|支持|实施|抓好|确保|力争|进一步"
    r"|(?:重点|着力)(?=加快|推进|推动|抓好|支持|实施))+"  # 要重点加快铁路建设: 重点 an adverb there
    r"(?P<obj>.{3,}?)(?:等?项目)?(?:建设|改扩建|(?P<manner>技术|节能|提标|提质|升级|更新|智能化|数字化|绿色化|适老化)?改造|除险加固工程|除险加固|动态清零|清零|上市进程|上市|市场化改革|转型|"
    r"省级统筹|统筹|互认|谈判|备战参赛工作|参赛工作|风险处置)$")


# Plan tasks led by a verb of doing (推动基本医疗保险省级统筹, 加快构建房地产发展新模式, 创建全国文明典范城市)
# whose object is a checkable kind of thing.
_TASK_HEAD_VERB = patterns.compile(
    r"^(?:要|全力以赴|全力|积极|加快|全面|持续|深入|大力|稳妥|分类|进一步|适当|扎实|在全国|(?:重点|着力)(?=加快|推进|推动))*"
    r"(?:推进|推动|构建|形成|落实|扩大|取消|提高|打好|做好|办好|组织|创建|加入|申报|鼓励和推动|升级为|"
    r"实行|推行|发放|清理和规范|清理规范|清理|推出|基本完成)(?P<obj>.{3,})$")


CHECKABLE = patterns.compile(TASK_OBJECT.pattern + r"|体系|机制|模式|范围|种类|收购价|标准|城市|实验室|社区|路网|以旧换新|"
                        r"战役|协定|现场会|改革|《")
DANGLING = patterns.compile(r"[和与及并、的]+$")


def named_object(clause: str) -> str:
    """The object of a plan task whose verb ends the clause (``_TASK_TAIL``) or that is led by a
    verb of doing with a checkable object (``_TASK_HEAD_VERB`` and ``CHECKABLE``); "" when none."""
    m = _TASK_TAIL.match(clause)
    if m and not re.search(r"[，；。]", m.group("obj")):
        if m.group("manner") and len(DANGLING.sub("", m.group("obj"))) < 4:
            return clause[m.start("obj"):]  # 企业的技术改造: too little before the manner to name a thing
        noun = m.group("obj")[2:]  # 要重点加快铁路建设: the object (three characters at least) took the verb
        return noun if m.group("obj")[:2] in ("加快", "推进", "推动") and TASK_OBJECT.fullmatch(noun) else m.group("obj")
    m = _TASK_HEAD_VERB.match(clause)
    if m and CHECKABLE.search(m.group("obj")) and len(m.group("obj")) <= 30:
        return m.group("obj")
    return ""


_EMPHASIS = patterns.compile(r"、?(?:特别是|尤其是)")


def without_emphasis(clause: str) -> str:
    """``clause`` without what a 特别是/尤其是 singles out of the thing before it, when that ends as
    the thing does (加快现有企业特别是重点行业、重点城市的骨干企业的技术改造 → 加快现有企业的技术改造: national
    1983 audit of session 48, row 10; 扩大消费尤其是居民消费 → 扩大消费); else ``clause``."""
    m = _EMPHASIS.search(clause)
    if not m or m.start() < 2:
        return clause
    end = clause.rfind(clause[m.start() - 2:m.start()], m.end())
    return clause[:m.start()] + clause[end + 2:] if end >= 0 else clause


# the preparation of an event (做好1999年将在昆明举办的世界园艺博览会的准备工作): the event is what a later
# report names (办好“中国’99昆明世界园艺博览会”: national 1998 audit of session 49, row 19), where it is held
# kept before it (the country itself said nothing)
_PREPARATION = patterns.compile(r"(?<=[\u4e00-\u9fff”])的(?:前期)?(?:准备|筹备|筹办)工作$")
_HELD_AT = patterns.compile(r"^(?:[0-9０-９〇○零一二三四五六七八九]{4}年)?将?在(?:我国|中国|(?P<place>[^，；。的]{2,6}?))举(?:办|行)的(?=.{3})")


def event_of(obj: str) -> str:
    """``obj`` without the preparation work around an event it names, and with only the place of
    the clause that says where and when it is held (1999年将在昆明举办的世界园艺博览会的准备工作 →
    昆明世界园艺博览会); else ``obj``."""
    if not _PREPARATION.search(obj):
        return obj
    obj = _PREPARATION.sub("", obj)
    held = _HELD_AT.match(obj)
    return (held.group("place") or "") + obj[held.end():] if held else obj


_TITLE = patterns.compile(r"《[^》]*》|^[^《》]*》")  # a title, or the end of one a clause opens inside


def outside_titles(clause: str) -> str:
    """``clause`` with the text of its titles (《…》) blanked, its length kept: a verb inside a title is
    the title's (中共中央关于制定…第十一个五年规划的建议》, a clause cut inside the title: national 2006
    audit of session 49, row 2)."""
    return _TITLE.sub(lambda m: "　" * (len(m.group()) - 1) + "》", clause)


# Policy tasks of national reports (设立国家融资担保基金, 全面整治黑臭水体, 稳妥推进房地产税立法,
# 下调汽车、部分日用消费品等进口关税): a manner adverb or two, one or more verbs of policy action,
# then an object that names a policy instrument (``_POLICY_OBJECT``).
POLICY_ADVERB = (r"(?:要|全力以赴|全力|积极|加快|全面|持续|深入|大力|稳妥|稳步|分类|进一步|适当|扎实|在全国|大幅|继续|"
                 r"抓紧|依法|认真|高标准|高起点|高质量|早日|更大力度|有序|逐步|加力|坚决|切实|着力|尽快|统筹|同步|及时)")
POLICY_VERB = (r"(?:推进|推动|构建|形成|落实|扩大|扩展|取消|提高|打好|做好|办好|组织|创建|加入|申报|实施|实行|推行|推开|"
               r"设立|建立|健全|完善|制定|出台|压减|淘汰关停|淘汰|缩短|改革|严禁|禁止|划定|严守|整治|深化|下调|降低|"
               r"结束|消除|开展|复制推广|探索建设|建设|促进|保障|学习运用|坚持和发展|发放|延长|优化|修订|清理|规范|"
               r"落细|做细|抓细)")  # 落实落细就业优先政策 (national 2023 audit, seed 59, row 15)
_TASK_POLICY = patterns.compile(f"^{POLICY_ADVERB}*(?:{POLICY_VERB}(?:并|和)?)+(?P<obj>.{{3,30}})$")
# 将创业投资、天使投资税收优惠政策试点范围扩大到全国, 将新能源汽车车辆购置税优惠政策再延长三年
_TASK_JIANG = patterns.compile(r"^将(?P<obj>.{3,30}?)(?:再|继续)?(?:延长|扩大到|扩大至|推广到|推广至|纳入|提高到|降至|降低到)")
_POLICY_OBJECT = patterns.compile(CHECKABLE.pattern + r"|体制|政策|基金|立法|红线|许可证|关税|税率|起征点|养老金|覆盖面|"
                                  r"指导意见|纲要|博览会|峰会|论坛|新区|贸易港|专项斗争|主题教育|筹办|费$|周期$|水体$|机组$|经验$")


def more_task_object(clause: str) -> str:
    """The object of a plan task that the main rules of ``extract`` miss: a clause ending in its
    verb or led by a verb of doing with a checkable object (``named_object``), or a
    policy step (``_TASK_POLICY``/``_TASK_JIANG`` with a ``_POLICY_OBJECT``); "" when none."""
    if obj := named_object(clause):
        return obj
    m = _TASK_POLICY.match(clause) or _TASK_JIANG.match(clause)
    if m and _POLICY_OBJECT.search(m.group("obj")) and not re.search(r"[，；。]", m.group("obj")):
        return m.group("obj")
    return ""
