"""The object nouns of a Chinese plan task, and how one task's object names several things
(包银、包西高铁 → 包银高铁, 包西高铁)."""

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
