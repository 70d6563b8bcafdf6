"""What a plan says that commits to nothing, for the extraction of commitments (``extraction``):
a principle of policy-making, a description of the year or the country (its population, a
cohort the year brings), the basis of what follows, what was done or exists already, what others
should do, a class bound, a source, and a figure's change from last year (``promises_nothing``
gathers the records of a clause)."""

from __future__ import annotations

import re

from ..text import patterns
from .parts import PLAN_WORD, opens_on_a_past_year, past_span, tells_a_past_year

# how policies must be made, a principle (制定政策要遵循规律, 改革开放政策要激活发展动力, 推动高质量发展要靠改革),
# or the line all work keeps to (必须坚持以经济建设为中心, 必须牢牢扭住经济建设这个中心, 坚持以人民为中心),
# or a call to strive for a goal (为…而共同奋斗): nothing to check
_POLICY_MAKING = r"(?:政策|举措)要(?![求点素件])|要靠"
PRINCIPLE = patterns.compile(_POLICY_MAKING + r"|^必须(?:牢牢|毫不动摇地?)?(?:坚持|扭住|有利于)"
                             r"|坚持以[^，。；]{1,12}为(?:中心|主线|根本|导向|核心)$"
                             # an exhortation, the closing call of a report (为胜利完成第七个五年计划而共同奋斗)
                             r"|^为[^，。；]{2,60}而[\u4e00-\u9fff]{0,4}(?:奋斗|努力)$")
# how policies must be made, opening a sentence: its other clauses say how too (出台实施政策要能早则早、
# 宁早勿晚，…，看准了就一次性给足，提高政策实效); not 必须坚持…, which may open a list of tasks
POLICY_MAKING = patterns.compile(_POLICY_MAKING)
# a sentence that judges a plan already made sound (改革方案既注意到…，也充分照顾了…，是切实可行的;
# 实践证明，这个既定的改革方向和总体部署是正确的): its clauses describe the plan, no commitment
# (national 1994 audits of sessions 43 and 49, row 20); a measure judged needed (适当扩大财政赤字和国债
# 规模是必要的) stays a commitment
APPRAISAL = patterns.compile(r"^(?:实践(?:已经)?证明，)?[^，。；]*(?:方案|决策|部署|路线|方针|步骤)[^。；]*"
                             r"是(?:切实|完全|十分|非常)?(?:可行|正确|合理|适当|必要)的[。！]?$")


# a people count in 亿 standing before 的 and its noun: the population of the whole country,
# which describes it (在我们这样一个13亿人口的发展中国家, 把13亿中国人的饭碗牢牢端在自己手中)
POPULATION = patterns.compile(r"多?(?:人口|中国人|人民|人)的")
POPULATION_AFTER_PEOPLE = patterns.compile(r"口?的|口(?=[，。；！？]|$)")  # after a unit 亿人: 13亿人口的, 13亿人的,
# 我国有十亿人口 (the country's population stated)


# a count of what is already done, said before it (重大水利工程已开工的57个项目要加快建设: the 57
# projects under way, not 57 promised; 已建成的, 已经批准的)
ALREADY = patterns.compile(r"已(?:经)?[\u4e00-\u9fff]{1,6}的$")


# the size of a cohort the year brings (今年高校毕业生将达727万人, 9亿多劳动力): a description, not a target
COHORT = patterns.compile(r"(?:(?:高校)?毕业生|(?:新成长)?劳动力)(?:将[高达超]?)?")


# A clause that describes the year rather than promising anything (今年是…规划的第一年, 是…关键一年),
# or says what a measure is (这既是增加社会保障资金的重要途径，又是建立新体系的重要条件) or what it
# means (完成和超额完成今年的计划具有更重要的意义, …意义重大), or what one thing is to another (实行股份制
# 是筹集建设资金…的一种有效方式, 健全金融体系是应对国际金融危机冲击的重要举措: audit of national 1992 →
# 1993, seed 54; its subject before 是 is no verb of the plan's).
DESCRIPTIVE = patterns.compile(r"^(?:今年|明年|\d{4}年|这)?(?:也|又|既|更|都|正)?是|(?:之年|一年|头一年|攻坚年|开局年|收官年|周年)$|"
                               r"(?:具有|有着|具备)[^，；。]*(?:意义|作用)$|意义(?:重大|深远)$|"
                               r"^[^，；。]{2,12}?是[^，；。]*的(?:一种|一项|一个|一条|重要|有效|根本|主要|必要|必然|基本|重大|关键)*"
                               r"(?:方式|举措|途径|手段|办法|保障|保证|条件|基础|关键|前提|动力|环节|措施|要求|选择|任务|内容|方针|政策|工作)$|"
                               # what kind of work it is (建立社会主义市场经济体制是一项开创性事业: national 1993 audit of session 48, row 4)
                               r"^[^，；。]{2,14}?是一(?:项|个|场|种)[^，；。]{0,8}(?:事业|任务|工作|工程|过程)$|"
                               # where a thing's crux lies (扩大内需的难点和重点在消费: national 2013 audit of session 49,
                               # row 9; 新型城镇化的核心在人); not where the work is put (把工作的重点放在…)
                               r"^[^，；。把]{2,14}?的[^，；。]{0,4}(?:难点|重点|关键|核心|出路|根本)(?:[和、]?(?:难点|重点|关键|核心|出路))?"
                               r"(?:仍然|依然|始终|也)?在")


# a count of what exists already (其中已开工建设的投资在五亿元以上的重大建设项目有九十三个) or a level reached
# already (我国60岁以上人口已达2.5亿: national 2019 audit of session 48, row 12): a record; and what
# the country has, said at a clause's start (我国有13亿人口、9亿劳动力资源: national 2015, session 48); what exists
# now or was formed already (目前在全国注册登记的各种经济联合体有32000多个，已形成24个…网络: national 1987, session 49)
EXISTING = patterns.compile(r"已[^，；。]*有[零〇一二三四五六七八九十百千万两\d]|已(?:经)?(?:达到|达|超过|突破|形成)[零〇一二三四五六七八九十百千万两\d]"
                            r"|^目前[^，；。]*有[零〇一二三四五六七八九十百千万两\d]"
                            r"|^(?:我国|全国|全省|全市|全区|我省|我市|我区)(?:共|现|仍|还)?有[零〇一二三四五六七八九十百千万两\d]")


# what is not done yet, said of the present (我们还没有来得及建立…的制度和机制, 全面改革价格体系的条件尚未成熟):
# a problem stated, no task, unless the clause also says what will be done (``parts.PLAN_WORD``)
NOT_YET = patterns.compile(r"(?:还|尚)(?:没有|未)|没有来得及|未能"
                           # a share of things that have not got back to a level (主要工业产品质量指标…分别有百分之四十三
                           # …没有恢复到历史最高水平: national 1979 audit of session 51, seed 230, row 4)
                           r"|没有(?:恢复|达到)到?")
# a thing judged too much or too little (基本建设同时进行的项目过多: the same audit's row 12): a problem stated,
# no task, unless the clause restrains it (不能搞得过多, 防止…过快)
EXCESS = patterns.compile(r"过(?:多|少|大|小|高|低|快|慢|热|猛|重|长|散)$")
RESTRAINT = patterns.compile(r"不能|不要|不宜|不得|不可|防止|避免|切忌|以免|控制|克服|改变|解决|纠正|扭转")


# A clause that only frames the measure after it (在保证完成国家收购计划的前提下, 在建设大型骨干项目的同时: national
# 1984 audit of session 48, rows 6 and 13): no task of its own
FRAME = patterns.compile(r"^(?:要|我们要|必须)?在[^，；。]*(?:的前提下|的基础上|的过程中|的同时|的情况下)$")


# A clause that only names the basis of what follows (根据《中共中央关于制定…的建议》, 按照建立现代企业
# 制度的要求): no commitment, though a verb stands inside the title or the requirement.
BASIS = patterns.compile(r"^(?:根据|依据|依照|按照|遵照|对照)(?:《[^》]*》|.*(?:要求|部署|精神|原则|规定))$")

# A clause that only says what the next one is for (为系统解决…重大项目建设的资金问题，从今年开始拟连续
# 几年发行超长期特别国债): the purpose of the measure that follows, no commitment of its own (the audit
# of national 2024 → 2025, seed 53, row 20); asked of a clause the sentence goes on after.  为 that
# says for whom (为企业减负) or a call to struggle for a goal (为完成…而斗争) ends no clause so.
PURPOSE_OF_NEXT = patterns.compile(r"^为了?(?:[^，；。]{0,4}?)(?:解决|实现|推动|促进|保障|确保|适应|满足|落实|贯彻|应对|防范|缓解)"
                                   r"(?![^，；。]*而(?:斗争|奋斗|努力)$)[^，；。]*$")
# A clause that only says by what means the next one is done (要通过技术改造，促进一批重点企业…减少消耗;
# 通过增加土地供应、安排专项资金、集中建设等办法，…): no commitment of its own either (national 1995 audit of
# session 49, row 18); asked, as the purpose, of a clause the sentence goes on after.
MEANS_OF_NEXT = patterns.compile(r"^要?通过(?:[^，；。]{2,10}|[^，；。]{2,40}等(?:办法|措施|方式|途径|手段))$")


# A clause that says what was done: last year's result (去年全国财政比年度预算超收7239亿元) or a step
# already taken (已经制定一个初步方案); not a thing qualified as done (去年提出的…措施, 已经进行的各项改革)
# nor work begun and going on (已经着手进行…普查, 已经组织力量抓紧制定…方案).
DONE = patterns.compile(r"^(?:去年|上年|前年)(?!.*的)|(?:已经|业已)(?!着手|开始|[^，；。的]{0,4}的|.*(?:抓紧|正在))|"
                        # a change already made, its new level in this clause or the next (我国关税总水平已由15.3%
                        # 降到12%; 固定职工的比例，已由五十年代的50%左右，上升到80%以上)
                        r"已由")
# the new level of a change that a clause before in the sentence opened with 已由 (…已由五十年代的50%左右，上升到80%以上)
DONE_CHANGE_BEFORE = patterns.compile(r"已由[^。；！？]*$")
CHANGE_VERB = r"上升|提高|增加|增长|下降|降低|减少|降|扩大|缩小"  # a change's verb before its new level (到/至)
NEW_LEVEL = patterns.compile(rf"(?:{CHANGE_VERB})?(?:到|至)")


# what another government or party should do, demanded of it (拥有占全世界95%以上核武器的美苏两国应当率先大幅度
# 削减它们的核武器): no commitment of this government
OTHERS_SHOULD = patterns.compile(r"(?:美苏|美国|苏联|超级大国|发达国家|有关国家|各国)[^，；。]{0,8}(?:应当|应该)")


# A figure's change from last year, said after the figure in its sentence (中央财政赤字预算拟安排1800
# 亿元，比去年预算赤字减少650亿元; 赤字率拟按4%左右安排、比上年提高1个百分点): how the target moved, not
# a target of its own.  Not growth (比上年增长8%), which is a target.
CHANGE_FROM_LAST = patterns.compile(r"(?:比|较)(?:上年|去年)(?:预算)?[\u4e00-\u9fff]{0,6}?(?:提高|增加|减少|降低|下降|多|少|高|低)了?$")


# an object naming only work in general, of a time or all of it (做好今年的改革和建设工作, 推进各项改革,
# 完成各项目标任务), or measures named before (实施上述政策: national 2016 audit of session 47, row 12): nothing
# to check
ALL_THE_WORK = patterns.compile(r"(?:今年|明年|全年|这些|这项|各项|各方面)?的?(?:(?:改革|建设|工作|发展|目标|任务)[和与及、]?)+"
                                r"|(?:上述|以上|前述|这些|这项|这一|此类)的?(?:政策|措施|举措|部署|规定)+")


# what follows the condition of a rule, within its sentence: the consequence (…，税利比上年增加，就可以相应
# 增加奖金), or the clause closing the condition with 的 before what must be done (企业没有完成国家计划，
# 税利减少的，要减发…; not 规定哪些是允许做的，哪些…)
_CONSEQUENCE = patterns.compile(r"[，,](?:[^，,。；！？]{0,16}[，,])?(?:就(?:可以|可|能|会|要|应|一定|有|必须)|则|便(?:可|能|会))"
                          r"|[，,][^，,。；！？]{0,12}的[，,](?:要|应|必须|就|则|一律)")


# a condition or a supposition (只要我们能够再连续若干年保持…, 如果能够加速周转): what it gives is no promise
CONDITION = patterns.compile(r"如果|假如|假若|倘若|只要|要是")
# what a condition gives, in a clause after it (一年就可以增加收入二十亿元, 就可以节省出七十亿到一百亿元的资金;
# 全国人民的购买力就增加六亿元, 就需要增加六十亿斤粮食的供应: national 1957 audit of session 50, rows 10 and 20;
# not 就业, 就是, 就地)
_GIVES = patterns.compile(r"就(?:可以|可|能|会|需要|要|得|增加|减少|提高|降低|达到|有|多|少)|便(?:可|能|会)|则可")


# a concession (即使…，仍然…: national 1988, 美苏即使削减了５０％的战略核武器，它们拥有的核武器仍然占全世界核武器的
# ９０％以上): what still holds after it is a state of things
_CONCEDED = patterns.compile(r"即使|即便|哪怕|纵然")
_STILL = patterns.compile(r"仍然|仍|依然|还是|也")


def consequence(clause: str, sentence: str) -> bool:
    """Whether a clause tells what a condition earlier in its sentence would give (national 1981:
    工业企业的生产成本只要降低１％，一年就可以增加收入二十亿元), or what still holds after a concession
    (``_CONCEDED``): its figures are a reckoning or a state of things, not targets."""
    at = sentence.find(clause)
    return at > 0 and (bool(CONDITION.search(sentence, 0, at)) and bool(_GIVES.search(clause))
                       or bool(_CONCEDED.search(sentence, 0, at)) and bool(_STILL.search(clause)))


# what one would rather give up for what must be done (宁可不上新的建设项目，不办或者少办不是急需的事，也要确保
# 工资按时足额发放: national 2002 audits, seeds 102 and 197, row 10): the price, not the task
_RATHER = patterns.compile(r"宁可|宁肯|宁愿")
_STILL_MUST = patterns.compile(r"也(?:要|得|必须|一定要|决不能|不能)")


def conditional(clause: str, sentence: str) -> bool:
    """Whether a task's clause is the condition of a rule its sentence states: it ends in 的, or
    a clause opening with 就/则/便 or one ending in 的 follows it (national 1984's bonus rule, 即企业
    全面完成和超额完成国家计划，税利比上年增加，就可以相应增加奖金; 企业没有完成国家计划，税利减少的，…); or
    what would rather be given up (``_RATHER``) for the must after it (也要…)."""
    at = sentence.find(clause)
    end = at + len(clause)
    return clause.endswith("的") or at >= 0 and (bool(_CONSEQUENCE.match(sentence, end))
                                                 or bool(_RATHER.search(sentence, 0, end)) and bool(_STILL_MUST.search(sentence, end)))


# a figure bounding a class of things by a measure of each (年综合能耗5万吨标准煤以上的企业, 投资在五亿元以上的
# 重大建设项目); not a share or a count of the things themselves (扩大到全国50%以上的城市, 1500万人次以上的
# 职工技能提升: targets)
_THRESHOLD = patterns.compile(r"(?:及?以上|以下|以内)的")
_MEASURE_UNIT = patterns.compile(r"(?:元|吨|瓦|标准煤|米|亩|公顷|桶|千瓦时|度)$")


def bounds_a_class(clause: str, end: int, unit: str) -> bool:
    """Whether the figure ending at ``end`` (以上 may be read as part of it) bounds a class of things
    by a measure of each, in ``unit``: (及)以上/以下/以内 and 的 right after it."""
    return any(_THRESHOLD.match(clause, end - k) for k in (0, 2, 3)) and bool(_MEASURE_UNIT.search(unit))


# a clause giving its source (据对一百七十六个在建的大中型项目的检查, 据统计, 据初步测算): what was found
SOURCE = patterns.compile(r"据(?:对|统计|测算|调查|初步|不完全|抽查)")


def promises_nothing(clause: str, before: str, year: int | None) -> bool:
    """Whether a plan clause (``before`` it: the words of its sentence before it) tells what was
    done (``DONE``; the new level of a change opened with 已由 before it), what others should do
    (``OTHERS_SHOULD``), a past year's figure (``parts.tells_a_past_year``), or a span of past years
    (``parts.past_span``), in it or opening its sentence when it says no plan word (从一九六六年到
    一九七六年的十一年中，…，仍然有三分之一的省), or a past year opening its sentence when the sentence
    says none up to the clause's end (1956年新增加的钢的生产能力，就有一百四十二万吨)."""
    return bool(DONE.search(clause) or OTHERS_SHOULD.search(clause)
                or NEW_LEVEL.match(clause) and DONE_CHANGE_BEFORE.search(before)
                or tells_a_past_year(clause, year) or past_span(clause, year)
                or past_span(before, year) and not PLAN_WORD.search(clause)
                or opens_on_a_past_year(before, year) and not PLAN_WORD.search(before + clause))
