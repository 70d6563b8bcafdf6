"""Read a document's title, delivery date, region, speaker, congress, session and kind from its
first lines (and, failing that, from the file name)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..model import Document, Metadata
from ..text import patterns
from .documents import DATE_LINE, DOC_TITLE
from .headings import CHAIR_ADDRESS

_DATE = patterns.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_CN_DATE = patterns.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_CONGRESS = patterns.compile(
    r"在(?P<region>[\u4e00-\u9fff]{0,20}?)(?P<congress>第[一二三四五六七八九十\d]+届(?:全国)?人民代表大会)"
    r"(?P<session>第[一二三四五六七八九十\d]+次会议)?"
)
_SPEAKER = patterns.compile(
    r"^(?P<org>.{0,20}?)(?P<role>国务院总理|总理|省长|市长|区长|县长|旗长|州长|盟长|主席|主任)\s*(?P<name>[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,10})$"
)
_ORG_SPEAKER = patterns.compile(r"^[\u4e00-\u9fff]{2,20}(?:委员会|人民政府|局|办公室)$")
_REGION = patterns.compile(r"([\u4e00-\u9fff]{2,10}?(?:自治区|特别行政区|省|市|区|县|旗|盟|州))")
_KINDS = (
    ("政府工作报告", patterns.compile(r"政府工作报告|人民政府工作报告")),
    ("计划执行情况报告", patterns.compile(r"计划执行情况|计划草案的报告|国民经济和社会发展计划")),
    ("预算报告", patterns.compile(r"预算执行情况|预算草案")),
    ("大事记", patterns.compile(r"大事记")),
    ("通知", patterns.compile(r"通知$")),
    ("意见", patterns.compile(r"意见(?:[（(].*[）)])?$")),
    ("方案", patterns.compile(r"方案$")),
    ("办法", patterns.compile(r"办法$")),
    ("报告", patterns.compile(r"报告$")),
)


_ADDRESS = patterns.compile(r"^(?:各位|同志们|尊敬的)")
_ENDS_SENTENCE = patterns.compile(r"[。！？.!?；;][”’\"')）]*$")
FRONT_LONGEST = 120  # characters: a title-block line is short


def front_matter(texts: list[str]) -> int:
    """How many of a document's first paragraphs (those before its first heading) form its
    title block: the lines before the address to the assembly (``各位代表：``, ``Mr President,``)
    or the first sentence, each at most ``FRONT_LONGEST`` characters and ending no sentence
    (``政府工作报告``, ``——2024年3月5日在第十四届全国人民代表大会第二次会议上``, ``国务院总理``, ``李强``,
    ``The 2018-19 Budget``).  The metadata table shows them; an entry made of them only is a
    header line, not the report's text."""
    n = 0
    for text in texts:
        t = text.strip().strip("*#").strip()
        if _ADDRESS.match(t) or CHAIR_ADDRESS.match(t) or len(t) > FRONT_LONGEST or _ENDS_SENTENCE.search(t):
            break
        n += 1
    return n if n < len(texts) else 0  # a document of title lines only has no title block


def read_metadata(head: list[str], path: str = "") -> Metadata:
    """``head`` is the first text blocks of the document, in order."""
    title = ""
    for i, text in enumerate(head[:6]):
        plain = text.lstrip("#").strip()
        if DOC_TITLE.match(plain) and not DATE_LINE.match(plain) and "，" not in plain and len(plain) <= 60:
            title = plain
            # a title broken over lines: earlier short blocks of the head belong to it
            j = i - 1
            while j >= 0 and len(head[j]) <= 20 and not head[j].endswith(("。", "：", "！")) \
                    and DOC_TITLE.match(head[j] + title) and not re.search(r"文件之|人大$", head[j]):
                title = head[j] + title
                j -= 1
            break
    if not title and head:
        first = head[0].lstrip("#").strip()
        if len(first) <= 40 and not DATE_LINE.match(first) and not first.startswith("各位代表") \
                and first[-1:] not in "：:！!。，":
            title = first

    date = region = congress = session = speaker = ""
    joined = []  # a role on one line and the name on the next (国务院总理 / 李强)
    for k, text in enumerate(head[:10]):
        nxt = head[k + 1] if k + 1 < len(head) else ""
        if re.search(r"(?:总理|省长|市长|区长|县长|旗长|州长|盟长|主席|主任)$", text) and re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", nxt):
            joined.append(text + nxt)
        else:
            joined.append(text)
    for text in joined:
        if not date and DATE_LINE.match(text):
            date = _iso(text)
            m = _CONGRESS.search(text)
            if m:
                congress = (m.group("region") + m.group("congress")).strip()
                session = m.group("session") or ""
                region = m.group("region") or ("全国" if "全国" in m.group("congress") else "")
        m = _SPEAKER.match(text.replace(" ", ""))
        if not speaker and m and len(text) <= 40:
            speaker = m.group("name")
            org = m.group("org") or ""
            if not region and org:
                rm = _REGION.match(org.replace("人民政府", ""))
                region = rm.group(1) if rm else ""
            if m.group("role") in ("国务院总理", "总理") and not region:
                region = "全国"
        elif not speaker and _ORG_SPEAKER.match(text) and not DOC_TITLE.match(text):
            speaker = text
    if not date:
        for text in head[:4]:
            if len(text) <= 60 and (_DATE.search(text) or _CN_DATE.search(text)):
                date = _iso(text)
                break
    if not region and title:
        rm = _REGION.search(re.sub(r"^\d{4}年", "", title))
        if rm and "人民政府" not in rm.group(1):
            region = rm.group(1)
    if not region and speaker and _ORG_SPEAKER.match(speaker):
        rm = _REGION.match(speaker)
        region = rm.group(1) if rm else ""
    kind = next((k for k, rx in _KINDS if rx.search(title)), "")
    if not kind and any(re.search(r"向(?:大会|你们)(?:作|报告)[^，。]{0,8}工作", t) for t in head[:12]):
        kind = "政府工作报告"
    if not region and any("我代表国务院" in t for t in head[:12]):
        region = "全国"
    return Metadata(title=title, date=date, region=region, speaker=speaker, congress=congress,
                    session=session, kind=kind)


def _iso(text: str) -> str:
    m = _DATE.search(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _CN_DATE.search(text)
    if m:
        y = int("".join(str(_CN_DIGITS.get(c, 0)) for c in m.group(1).replace("零", "〇")))
        return f"{y:04d}-{_cn_small(m.group(2)):02d}-{_cn_small(m.group(3)):02d}"
    return ""


def _cn_small(s: str) -> int:
    """一 … 三十一"""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if s == "十":
        return 10
    if "十" in s:
        a, _, b = s.partition("十")
        return (digits.get(a, 1) if a else 1) * 10 + (digits.get(b, 0) if b else 0)
    return digits.get(s, 0)


def year_of(doc: Document) -> int | None:
    if doc.metadata.date[:4].isdigit():
        return int(doc.metadata.date[:4])
    m = re.search(r"(19|20)\d\d", Path(doc.path).name)
    return int(m.group()) if m else None


# -- region names: one key for the ways reports write one government's name ----------------

_PROVINCES = (
    "北京市 天津市 上海市 重庆市 河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 "
    "山东省 河南省 湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 台湾省 "
    "内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区 香港特别行政区 澳门特别行政区"
).split()
_SHORT = {re.sub(r"(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$", "", p): p for p in _PROVINCES}
_UNIT = patterns.compile(
    r"[\u4e00-\u9fff]+?(?:特别行政区|(?:壮族|回族|维吾尔)?自治区|自治州|自治县|自治旗|新区|地区|省|市|州|盟|县|旗|区)")


@lru_cache(maxsize=65536)
def region_units(name: str) -> tuple[str, ...]:
    """The administrative units of a region's name, outermost first, each with its level
    suffix; a province-level unit written short or with a partial suffix is written in full
    ("内蒙古包头市" -> ("内蒙古自治区", "包头市"); "新疆" -> ("新疆维吾尔自治区",)).  A name with no
    unit ("全国") is its own unit."""
    rest = re.sub(r"\s+", "", name)
    units: list[str] = []
    for short, full in sorted(_SHORT.items(), key=lambda kv: -len(kv[0])):
        if not rest.startswith(short):
            continue
        after = rest[len(short):]
        own = re.match(r"(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)", after)
        if own and full.endswith(own.group()):
            after = after[own.end():]
        elif re.match(r"[市州县区旗盟]|[\u4e00-\u9fff]{1,4}自治", after):
            break  # 吉林市, 海南藏族自治州: a unit of the same name, not the province
        rest = after
        units.append(full)
        break
    pos = 0
    for m in _UNIT.finditer(rest):
        if m.start() != pos:
            break
        units.append(m.group())
        pos = m.end()
    if pos < len(rest):
        units.append(rest[pos:])
    return tuple(units) or ((name,) if name else ())


def region_key(name: str) -> str:
    """The key a region is grouped by: its units in full, outermost first, joined."""
    return "".join(region_units(name))


def same_region(a: str, b: str) -> bool:
    """Whether two region names name one government: the same innermost unit, and the outer
    units one name gives are the last ones the other gives ("包头市东河区" and "东河区" yes;
    "包头市东河区" and "呼和浩特市东河区" no)."""
    ua, ub = region_units(a), region_units(b)
    if not ua or not ub:
        return False
    short, long_ = sorted((ua, ub), key=len)
    return long_[len(long_) - len(short):] == short


def regions_differ(names: list[str]) -> bool:
    """Whether the named regions (empty names left out) are more than one government."""
    named = [n for n in names if n]
    return any(not same_region(a, b) for a in named for b in named)


def canonical_regions(names: list[str]) -> dict[str, str]:
    """Each name's group name in a collection of reports: the key of the fullest name it
    agrees with (``same_region``) when that one is unique, else its own key.  Two names agree
    only when their innermost units are the same, so each distinct name is checked against the
    keys ending in its own innermost unit (checking every key for every report took the client
    of a 20,000-report corpus, 2,000 regions, over ten minutes)."""
    distinct = sorted({n for n in names if n})
    keys = sorted({region_key(n) for n in distinct}, key=lambda k: (-len(region_units(k)), k))
    by_inner: dict[str, list[str]] = {}
    for k in keys:
        by_inner.setdefault(region_units(k)[-1], []).append(k)
    out: dict[str, str] = {}
    for n in distinct:
        units = region_units(n)
        fuller = [k for k in by_inner.get(units[-1], ()) if same_region(n, k) and len(region_units(k)) >= len(units)]
        longest = [k for k in fuller if len(region_units(k)) == len(region_units(fuller[0]))] if fuller else []
        out[n] = longest[0] if len(longest) == 1 else region_key(n)
    return out
