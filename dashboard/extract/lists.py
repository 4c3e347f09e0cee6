"""Projects a text names without a figure: "其中有A、B和C等", "including A, B and C", a numbered line.

A list item is a project when it is named like one: it ends in (Chinese) or
contains (English) a noun for a thing that is built or run — a project, park,
base, centre, plant, line, headquarters, road. Industries ("科技产业、商业服务")
and companies alone are not projects. A count before the list ("6 road
construction projects, such as A and B") makes the list a group of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .fastscan import fold
from .guard import guarded
from .places import lookup
from .needs import needs
from .record_words import COUNT_WORD, NUMBER_WORDS
from .segments import SENTENCE_OPENERS

# "several from Shenzhen", "some of them", "两个": a quantity, no name.
QUANTITY_START = re.compile(r"(?i:several|some|many|a\s+few|few|most|all|both|each|others?|another|"
                            + COUNT_WORD + r")\b|\d|[一二三四五六七八九十两几多]+[个家项]")

# A name in title case ending in a project noun: "Huashi Semiconductor Project", "Tenda Global Intelligent Manufacturing Base".
_TITLED_PROJECT = r"(?-i:[A-Z])[\w'’&-]*\s+(?:[\w'’&-]+\s+){0,7}(?:project|base|park|plant|cent(?:er|re)|headquarters)\b"

# The words that open a list of named things.
LEAD_IN = re.compile(r"""
    (?:其中有|其中包括|其中|包括|包含|涉及|既有|也有|还有|主要有|例如|比如|诸如|如|分别是|分别为)\s*
  | \b(?:including|includes?|included\s+are|such\s+as|like|one\s+of\s+them\s+is|among\s+(?:them|which|these|others)(?:\s+(?:are|were|is|was))?
       |namely|for\s+example|for\s+instance)\b[:,]?\s*
  | \b(?:signed|inked)\s+(?:on\s+behalf\s+of\s+(?:[\w'-]+\s+){1,4}?)?(?=the\s+[A-Z][^.;]{0,150}?,\s+the\s+[A-Z])  # "signed the A Project, the B Project and …"
  | \b(?:another|one|the\s+(?:first|second|third|largest|biggest))\s+(?:[\w-]+\s+){0,2}?project\s+(?:is|was)\s+(?=[A-Z])  # "Another key project is Baidu …" (one item)
  | \bamong\s+(?:the|these|its)\s+(?:[\w-]+\s+){0,3}?projects\b(?:[^.;:,]|,(?=[^,]{0,30}\b(?:are|were)\b)){0,50}?\b(?:are|were)\s+  # "Among the biggest projects starting this year are A, B and C"
  | \bwork\s+(?:also\s+)?(?:began|started|commenced)\s+(?:[\w-]+\s+){0,3}?on\s+(?=(?:a|an|the)\s[^.;]{3,120}?,\s+(?:and\s+)?on\s)  # "Work also began that day on a plant, on the …, and on …"
  | ^\W*among\s+(?:the|these|its)\s+(?:[\w-]+\s+){0,3}?projects\s*,\s*(?=the\s|(?-i:[A-Z]))   # "Among the major infrastructure projects, the A, the B and the C are …"
  | ^(?=(?:the\s+)?""" + _TITLED_PROJECT + r"""(?:\s*,\s*(?:the\s+)?""" + _TITLED_PROJECT + r""")*\s*,?\s+and\s+(?:the\s+)?""" + _TITLED_PROJECT + r"""\s+
       (?:will|are|were|have|has|put|stress|focus|help|form|make|start|started|began|broke|went)\b)     # "San'an Semiconductor Project and Huashi Semiconductor Project will help …"
  | \b(?:they|these|the\s+(?:\w+\s+)?projects)\s+(?:are|were|include)\s+(?=.{0,300}?;)   # "They are A; B; C and D."
  | \b(?:these|those|the)\s+(?:\d{1,4}|""" + COUNT_WORD + r""")\s+(?:[\w-]+\s+){0,3}?(?:projects?\s+)?
      (?:(?:to\s+be|that\s+will\s+be|being)\s+\w+\s+)?(?:are|were|include)\s*:?\s+   # "These five are A, B …", "The five projects to be started are …"
  | \bthe\s+(?:[\w-]+\s+){0,2}?projects\s+(?:are|were|include)\s*:\s*                # "The projects are: A; B; C"
  | :\s*(?=(?:a|an|the)\s)                                                        # "four more projects: a plant, a park and ..."
  | (?<=projects):\s*(?=[A-Z])                                                   # "7 are industrial projects: Phase III of …, …"
  | ,\s*which\s+(?:are|is)\s+(?=(?:the\s+)?[A-Z])                                # "… projects are 2, which are the A and the B"
""", re.X | re.I)

# Nouns of things built or run: a list item naming one is a project.
PROJECT_NOUN_ZH = re.compile(r"""(?:项目|基地|产业园|园区|科技园|工业园|园|中心|实验室|研究院|研究所|工厂|生产线|产线|总部|
    平台|大厦|小镇|工程|厂|城|港|站|馆|枢纽|集群|示范区|综合体|医院|学校|酒店|公园|大道|道路|大桥|线|段|航道|船闸|码头|
    高速|公路|铁路|水库|电站|管网|隧道|机场|阶段|期)$""", re.X)
PROJECT_NOUN_EN = re.compile(r"""\b(?:projects?|parks?|cent(?:er|re)s?|bases?|plants?|factor(?:y|ies)|(?:production\s+)?lines?|
    headquarters|HQ|campus|hub|lab(?:oratory)?|institute|building|tower|road|avenue|highway|expressway|bridge|port|terminal|
    extension|phase|facility|mill|zone|complex|town|cluster|platform|fab|plaza|hospital|school|hotel|corridor|embankment|
    railway|metro|station|warehouse|data\s+cent(?:er|re))\b""", re.X | re.I)

# "6 road construction projects, such as": a counted group whose members follow.
GROUP = re.compile(r"""
    (?P<n>\d{1,4}|""" + COUNT_WORD + r""")(?!\s+(?:billion|million|thousand|trillion|hundred|bn|mln|yuan|CNY|RMB|US|dollars?|euros?)\b)
    \s+(?P<what>(?:[\w'’-]+\s+){0,6}?)projects?\b                             # "five people's livelihood projects"
    (?=(?:\s+(?:are|were)\s+included\s*,?)?[^.;]{0,12}?(?:\b(?:such\s+as|including|like|namely)\b|:\s*[A-Z])
      |\s+in\s+(?:this|that|the)\s+(?:field|sector|industry|area|category|group|batch)\s*,\s*(?:such\s+as|including)\b)  # "14 projects in this field, including"
""", re.X | re.I)

_NAME_END_ZH = re.compile(PROJECT_NOUN_ZH.pattern.rstrip("$"), re.X)


def trim_name(item: str) -> str:
    """A Chinese project name without the words after its last project noun ("…基地项目备受关注" -> "…基地项目").

    >>> trim_name("浑南区石墨烯生产基地项目备受关注"), trim_name("Lingang computing platform")
    ('浑南区石墨烯生产基地项目', 'Lingang computing platform')
    """
    ends = [m.end() for m in _NAME_END_ZH.finditer(item)] if re.search(r"[\u4e00-\u9fff]", item) else []
    return item[:ends[-1]] if ends and ends[-1] >= 4 else item


_LIST_MARK = re.compile(r"^\s*(?:\d{1,3}[.、)]|[(（]\d{1,3}[)）]|[•·\-*]|[一二三四五六七八九十]+[、.])\s*")


@dataclass(frozen=True)
class Named:
    """A project named in a text, at `start` (offset in that text); `group` is the counted group it belongs to."""
    name: str
    start: int
    group: "Group | None" = None
    clause: int | None = None  # where the clause that names it alone begins (not a list's)


@dataclass(frozen=True)
class Group:
    """"6 road construction projects": a count of projects whose members the text names next."""
    n: int
    what: str
    start: int


def is_project_name(item: str) -> bool:
    """Whether a list item names a project (not an industry, a company alone, or a phrase).

    >>> [is_project_name(x) for x in ("白特荣新能源汽车零部件成型项目", "商业服务", "the Second phase of Dongbao Park",
    ...                               "smart logistics", "Vivo")]
    [True, False, True, False, False]
    """
    item = item.strip()
    if re.search(r"[\u4e00-\u9fff]", item):  # ("一个项目", "一家总部": a count of something, naming nothing)
        return 4 <= len(item) <= 40 and bool(PROJECT_NOUN_ZH.search(item)) \
            and not re.match(r"(?:\d{1,4}|[一两二三四五六七八九十百]+)\s*[个项家条笔名座批]", item)
    words = item.split()
    return 2 <= len(words) <= 16 and bool(PROJECT_NOUN_EN.search(item))


# "签约项目包括", "the signed projects include": the lead-in's subject is projects, so its items are projects.
PROJECTS_BEFORE_LEAD = re.compile(r"项目(?:主要)?$|\bprojects\s+$", re.I)

# A list named before the words that make it projects: "A, B and the C were among the projects on the signing
# list", "…; the West Shandong Big Data Center and the Digital Economy Industrial Park are among them".
AMONG_AFTER = re.compile(r"(?:^|(?<=[;:]\s))(?P<items>[^;:.]{3,300}?(?:,|\band\b)[^;:.]{3,300}?)\s+(?:are|were)\s+(?:also\s+)?"
                         r"among\s+(?:them|these|the\s+(?:[\w-]+\s+){0,3}?projects)\b", re.I)

# How far after its lead-in a list is read: the longest lists of the labelled sets run about 1,500 characters.
LIST_REACH = 3000

# "32 projects with a total investment of 18.66 billion yuan were signed, including": the list is of those projects.
COUNT_BEFORE_LEAD = re.compile(r"(?<![\d.,])\b(?:\d{1,5}|" + COUNT_WORD + r")\s+(?:[\w-]+\s+){0,3}?projects\b(?:[^.;:]|\.\d){0,140}$", re.I)

# "…等21个项目", "…等项目": the list before is of projects.
COUNTED_AFTER = re.compile(r"[^。；;,，]*?等\s*(?:(?:\d{1,4}|[一二三四五六七八九十两]+)\s*[个项]\s*)?[\u4e00-\u9fff]{0,6}?项目")


LIST_MARK = _LIST_MARK  # for the records step, which reads a list line by line

# A line that opens a list of projects on the lines below ("The ten projects are:", "十大项目为：").
LIST_LEAD_LINE = re.compile(r"(?:\bprojects?\b[^.;:]{0,40}?\b(?:are|include|includes|were)|项目[^。；：:]{0,20}?(?:为|是|包括|有))\s*[:：]\s*$", re.I)


def _plain_name(item: str) -> bool:
    """A short name with no figure and no clause in it: what a list of projects may name a project by
    ("宝盖有机茶场", "boron nitride"); not a place alone ("Guangzhou") or a quantity ("several from Shenzhen")."""
    item = item.strip()
    if not item or re.search(r"\d[\d.,]*\s*(?:亿|万|billion|million)|[,，。；;:：]", item):
        return False
    if QUANTITY_START.match(item) or lookup(item) is not None or re.search(r"\s\d{1,4}$", item):
        return False  # (nor a kind with its count: "agriculture 4")
    if re.search(r"[\u4e00-\u9fff]", item):
        return 2 <= len(item) <= 30
    return 1 <= len(item.split()) <= 12


def _items(rest: str, semicolons: bool = False) -> list[tuple[str, int]]:
    """The items of a list that starts at the beginning of `rest`, with their offsets in it; with `semicolons`,
    an English list whose items are split by ";" ("They are A; B; and C.")."""
    if re.search(r"[\u4e00-\u9fff]", rest[:12]):
        end = re.search(r"[。；;]|[,，](?=[^、]*$)|等(?=[项个家,，。；;\s\d一二三四五六七八九十两]|$)", rest)
        body = rest[:end.start()] if end else rest
        splitter = r"、|[,，](?:也有|还有)?|(?<=[目园心地线厂台院城站馆楼链群部」”\"])(?:以及|和|与)"
    else:
        if semicolons:
            end = re.search(r"(?<!Ltd)(?<!Co)(?<!Inc)\.(?:\s|$)", rest)
            body = rest[:end.start()] if end else rest
            splitter = r";\s*(?:and\s+)?"
        else:
            end = re.search(LIST_END_EN, rest)
            body = rest[:end.start()] if end else rest
            splitter = (r";\s*|,(?!\s*(?i:Ltd|Limited|Inc|LLC|PLC)\b)\s*(?:and\s+|as\s+well\s+as\s+)?"
                        r"|\s+(?:and|as\s+well\s+as)\s+(?=(?:the|a|an)\s|[A-Z])")
    pieces, pos = [], 0  # (raw text of an item, its offset in rest)
    for part in re.split(f"({splitter})", body):
        if part and not re.fullmatch(splitter, part) and part.strip().lower() not in ("and", "as well as"):
            if pieces and _unfinished(pieces[-1][0], part, body):
                pieces[-1] = (rest[pieces[-1][1]:pos + len(part)], pieces[-1][1])
            else:
                pieces.append((part, pos + part.find(part.strip()[:1]) if part.strip() else pos))
        pos += len(part)
    return [(VERB_TAIL.sub("", re.sub(r"^(?:on\s+)?(?:the|a|an)\s+|^on\s+|等$", "", part.strip(" \"“”「」'"), flags=re.I)).strip(), at)
            for part, at in pieces]


# The verb a list's last item runs into: "… such as the Yiyin Cultural Industrial Park are launched".
VERB_TAIL = re.compile(r"\s+(?:are|is|were|was|will|have|has)\s+(?:be\s+|been\s+|being\s+|to\s+be\s+)?[a-z]+(?:ed|en|un)\b.*$"
                       r"|\s+will\s+[a-z]+\b.*$"                              # "… Park will form a cluster"
                       r"|(?:(?<=Project)|(?<=Base)|(?<=Park)|(?<=Plant))\s+(?:put|puts|help|helps|form|forms|make|makes|stress|"
                       r"stresses|focus|focuses|lead|leads|drive|drives)\b.*$")  # "… Project put the stress on" (not "… Park expansion project")


# Where an English list ends: a full stop or semicolon — not the stop of "No. 3", and the stop of "Co."/"Inc."/"Ltd."
# only when a sentence's first word follows — or "etc", or a clause about the items.
LIST_END_EN = re.compile(r"""
    (?<!\bNo)(?<!\bSt)(?<!\bMt)(?<!\bCo)(?<!\bInc)(?<!\bLtd)(?<!\bCO)(?<!\bINC)(?<!\bLTD)[.;](?:\s|$)   # ("Co., LTD." too)
  | (?:(?<=\bCo)|(?<=\bInc)|(?<=\bLtd)|(?<=\bCO)|(?<=\bINC)|(?<=\bLTD))\.(?=\s+(?:""" + SENTENCE_OPENERS + r""")\b|\s*$)  # "… and Bar Inc. The rest …" (not
        #                                                                            "Bar Co., Ltd. Base Construction Project")
  | (?<=\bNo)\.(?=\s+[^\d\s])
  | \s+(?:etc|and\s+so\s+on|and\s+others)\b|,\s+(?:which|with|where|all|each)\b""", re.X)


def _unfinished(item: str, following: str, body: str) -> bool:
    """"the A project, the B park and the C food and health care R&D, production and sales project": in a list
    whose items each open with "the"/"a", an item without its project noun goes on in the piece after the comma
    when that piece opens with no article."""
    if not ARTICLE_START.match(body) or ARTICLE_START.match(following):
        return False
    return bool(ARTICLE_START.match(item)) and not PROJECT_NOUN_EN.search(item) and bool(PROJECT_NOUN_EN.search(following))


ARTICLE_START = re.compile(r"\s*(?:the|a|an)\s", re.I)


def named_projects(text: str, under_lead: bool = False, has_figure: bool = False) -> list[Named]:
    """Projects the sentence names in lists after a lead-in, or the whole line of a numbered list.

    >>> [n.name for n in named_projects("6日开工的重大项目一共11个,既有A科技园项目、B汽车零部件项目,也有C实验室等,领域涉及商业服务、民生。")]
    ['A科技园项目', 'B汽车零部件项目', 'C实验室']
    >>> [(n.name, n.group.n) for n in named_projects("Included are 6 road projects, such as the renovation of "
    ...     "Inner Ring Road and the southern extension of Humen Avenue; and 8 water projects, such as the Second phase of Dongbao Park.")]
    [('renovation of Inner Ring Road', 6), ('southern extension of Humen Avenue', 6), ('Second phase of Dongbao Park', 8)]
    >>> [n.name for n in named_projects("2. 华东智能装备产业园")]
    ['华东智能装备产业园']
    """
    found: dict[str, Named] = {}
    mark = _LIST_MARK.match(text)
    if mark:  # (under a line that says "The ten projects are:", any plain name: "- Volkswagen electric vehicle;")
        line = re.sub(r"[;；,，]?\s*(?:and|以及|和)?\s*[,，]?$", "", text[mark.end():].strip(" 。.;；"))
        if (is_project_name(line) or (under_lead and _plain_name(line))) \
                and not re.search(r"\d[\d.,]*\s*(?:亿|万|billion|million)", line):
            return [Named(line, mark.end())]
    folded = fold(text)
    groups = [Group(int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS[g["n"].lower()], g["what"].strip(), g.start())
              for g in (GROUP.finditer(text) if _GROUP_NEEDS.may_match(folded) else ())]
    leads = list(LEAD_IN.finditer(text))  # (read twice below: the lists, then the lists of clauses)
    for lead in leads:
        group = next((g for g in reversed(groups) if g.start < lead.start() and lead.start() - g.start < 90), None)
        rest = text[lead.end():lead.end() + LIST_REACH]  # (a list ends long before; a run-on text is not read again per lead-in)
        if clause_items(text, lead.end()):
            continue  # a list of clauses: its projects are read clause by clause below
        counted = group is not None or bool(COUNTED_AFTER.match(rest.lstrip("，,:： "))) \
            or bool(re.search(r"(?i)\bprojects?\b", lead.group())) \
            or bool(COUNT_BEFORE_LEAD.search(text, max(0, lead.start() - 160), lead.start())) \
            or bool(PROJECTS_BEFORE_LEAD.search(text, 0, lead.start()))  # a list of projects: any name ("签约项目包括A、B")
        items = _items(rest, semicolons=bool(re.match(r"(?i)they|these|the\s", lead.group()))
                       and ";" in re.split(r"\.(?:\s|$)", rest, maxsplit=1)[0])  # (a list of clauses split by ";")
        if re.search(r"(?i)\bproject\s+(?:is|was)\s+$", lead.group()):
            items = items[:1]  # "Another key project is X, a subsidiary …": one project, then words about it
        for name, at in items:
            if (is_project_name(name) or (counted and _plain_name(name))) and not GROUP.match(name) \
                    and not re.match(r"\d", name) and not LEAD_IN.search(name) and (name not in found or group):
                found[name] = Named(name, lead.end() + at, group)  # the nearest lead-in says which group
    for trail in AMONG_AFTER.finditer(text) if _AMONG_NEEDS.may_match(folded) else ():
        # "A, B and the C were among the projects on the signing list"
        for name, at in _items(trail["items"] + "."):
            if (is_project_name(name) or _plain_name(name)) and name not in found and not LEAD_IN.search(name):
                found[name] = Named(name, trail.start("items") + at, None)
    for lead in leads:  # "包括：A公司的X项目将落户…；B公司在南山设立Y基地；…": one project a clause
        for name, at in clause_items(text, lead.end()):
            if name not in found and not any(name in f or f in name for f in found):
                found[name] = Named(name, at, None)
    for pattern, need in () if has_figure else _NAMING_PATTERNS:
        # (in a sentence with a figure, a project named with it is the figure's record)
        # "其中,X项目建成后…", "A公司拟在空港区建设B项目", "AstraZeneca will set up a manufacturing and supply base in Qingdao"
        if not need.may_match(folded):
            continue  # none of the words the pattern needs (needs.py): no match
        for m in pattern.finditer(text):
            name = m.group("name")
            if name not in found and not any(name in f or f in name for f in found) and is_project_name(name) \
                    and not _NOT_A_NAME.search(name) and not _place_aims(text, m.start()):
                found[name] = Named(name, m.start("name"), None, clause=m.start())
    for name, at in _bare_enumerations(text):  # "该县还洽谈达成了A项目、B项目和C项目": no lead-in word
        if name not in found and not any(name in f or f in name for f in found):
            found[name] = Named(name, at, None)
    # "其中工业项目12个、服务业项目8个": a kind with its count is a group, not a project's name
    return sorted((n for n in found.values() if not COUNT_RIGHT_AFTER.match(text, n.start + len(n.name))),
                  key=lambda n: n.start)


COUNT_RIGHT_AFTER = re.compile(r"\s*(?:共有|共|有)?\s*(?:\d{1,5}|[一二三四五六七八九十两]+)\s*[个项](?![\u4e00-\u9fff]{0,6}项目)")


# In one clause of a colon list: the thing set up ("在南山设立新的集成电路生产、研发基地") or the project that is
# the clause's subject ("香港城市大学生物和动物医学中心项目将在光明新区启动").
_SET_UP_OBJECT = re.compile(r"(?:设立|建设|打造|新建|兴建|投资建设|建立)(?:新的|一个|一座|其)?"
                            r"(?P<name>[\u4e00-\u9fff、·A-Za-z0-9]{2,30}?(?:项目|基地|中心|产业园|园区|工厂|总部|生产线))(?=[,，。；;]|$)")
_SUBJECT_PROJECT = re.compile(r"(?:[^,，。；;]*的)?(?P<name>[\u4e00-\u9fff·A-Za-z0-9]{2,30}?(?:项目|中心))(?:将|拟|已)")


# A named project that a sentence is about: "其中,蜀玉二期生产线技改项目建成后,将年产…", "此外,X项目拟联动福特集团",
# "滨江新城城市综合体项目是此次签约规模最大的项目".
_TOPIC_PROJECT = re.compile(r"^\s*(?:(?:其中|此外|另外|同时|据悉|据了解)[,，]\s*)?"
                            r"(?P<name>[\u4e00-\u9fff·A-Za-z0-9]{4,30}?项目)(?:[（(][^)）]{1,6}[)）])?"
                            r"(?:(?:建成|投产|达产)后|将|拟|是|计划|已|主要)")
# Words of a phrase that only points at projects ("这10个项目", "此次开工项目", "与X公司签订的项目", "其中产业项目").
_NOT_A_NAME = re.compile(r"这|此|本次|其中|现场|签约|签订|签署|开工|的项目|\d+个")
# A firm's plan to build a facility: "TCL Group will build in Rong (Chengdu) a smart manufacturing base for the West",
# "AstraZeneca will set up a manufacturing and supply base in Qingdao", "are to set up an industrial centre for …".
_FACILITY = r"(?:base|cent(?:er|re)|plant|factory|park|headquarters|hub|campus|institute|laborator(?:y|ies)|station|facility|complex)"
_WILL_BUILD = re.compile(r"(?<!drive\s)(?<!effort\s)(?<!efforts\s)(?<!used\s)(?<!bid\s)(?<!aim\s)(?<!aims\s)(?<!push\s)"  # aims
                         r"\b(?:will|to|plans?\s+to|intends?\s+to)\s+(?:jointly\s+)?(?:build|set\s+up|establish|construct)\s+"
                         r"(?:in\s+[A-Z][\w'’-]*(?:\s+\([^)]{1,20}\))?\s+)?(?:a|an|its|their)\s+"
                         r"(?P<name>(?:(?!and\s+(?:a|an|its|the)\b|in\b|with\b|to\b)[\w'’&-]+\s+){0,6}?" + _FACILITY
                         + r"(?:\s+for\s+the\s+[A-Z][\w-]*)?)\b", re.I)  # "… base for the West"
# A company's plan to build a named project somewhere: "宝能物流集团有限公司拟在空港经济开发区建设智慧供应链产业园项目".
# "中国电子集团还将在德阳落地西南工业互联网研究院", "华为公司将与德阳共同建设“德阳—华为工业互联网创新中心”": a firm's plan
# to build a named facility somewhere (not "打造成为…基地", what a place wants to become).
_PLANNED_BUILD = re.compile(r"(?:拟|将|计划)(?:与[^，。；,;]{1,12}?)?(?:(?:在|于)[^，。；,;]{1,15}?)?(?:共同)?(?:投资)?"
                            r"(?:建设|打造|兴建|新建|落地|设立|共建)(?!成)(?:集[^，。；,;]{1,20}?于一体的)?[“\"]?"
                            r"(?P<name>[\u4e00-\u9fff·A-Za-z0-9—-]{2,30}?(?:项目|研究院|研发中心|创新中心|数据中心|计算中心|中心|基地"
                            r"|平台|学院|产业园|工厂|总部))(?![\u4e00-\u9fff])")


# Who "will build": a place or its government aiming at something ("我市将打造…基地", "The city hopes to build …",
# "Ningbo is working to build a world-class hub"), not a firm planning a facility.
_AIM_BEFORE = re.compile(r"\b(?:hopes?|hoping|working|works?|needed|needs?|wants?|seeks?|strives?|striving|aims?|aiming"
                         r"|efforts?|drive|bid|push|ambition|vows?|pledges?)\s+(?:\w+\s+){0,2}$"
                         r"|\b(?:the\s+)?(?:city|county|district|province|region|zone|area|government|authorities)\s+"
                         r"(?:(?:is|are|will|plans?\s+to|also)\s+)*$"
                         r"|(?:我|该|本|全)(?:市|区|县|省|镇)(?:还|也)?$|(?:市|区|县|省)(?:委|政府)(?:还|也)?$", re.I)


def _place_aims(text: str, at: int) -> bool:
    """Whether the words before a "will build" are a place's aim rather than a firm's plan."""
    before = text[max(0, at - 40):at]
    if _AIM_BEFORE.search(before):
        return True
    from .places import find_places  # (imported on use: lists stays cheap to import)
    subject = re.split(r"[,，;；。:：]", before)[-1].strip()
    rest = re.compile(r"市|区|县|省|还|也|\s|\bis\b|\bwill\b|\balso\b", re.I)
    return any(not rest.sub("", subject[:m.start]) and not rest.sub("", subject[m.end:])
               for m in find_places(subject)) if subject else False  # the subject is the place alone


def clause_items(text: str, start: int) -> list[tuple[str, int]]:
    """The projects of a Chinese list after a colon whose items are clauses split by "；"."""
    colon = re.match(r"\s*[:：]", text[start:])
    if not colon:
        return []
    body_end = text.find("。", start)
    body = text[start + colon.end():body_end if body_end >= 0 else len(text)]
    if "；" not in body and ";" not in body:
        return []
    out, pos = [], start + colon.end()
    for clause in re.split(r"([；;])", body):
        if clause in ("；", ";"):
            pos += 1
            continue
        m = _SET_UP_OBJECT.search(clause) or _SUBJECT_PROJECT.match(clause)
        if m and is_project_name(m.group("name")):
            out.append((m.group("name"), pos + m.start("name")))
        pos += len(clause)
    return out


_CLAUSE = re.compile(r"[^,，。；;:：]+")
_BEFORE_NAME = re.compile(r".*(?:有|是|为|了|包括|涉及|签约|签下|开工|建设|启动|引进|落户|对接|推进|实施)")


def _bare_enumerations(text: str) -> list[tuple[str, int]]:
    """Chinese clauses that list two or more project names with 、 and no lead-in word; the first name
    starts after the clause's last verb ("签约了A、B等9个项目" -> A, B).

    >>> [n for n, _ in _bare_enumerations("该县还洽谈达成了5万吨玻纤池窑拉丝项目、森林小火车特色旅游项目和义乌小商品产业创业园项目。")]
    ['5万吨玻纤池窑拉丝项目', '森林小火车特色旅游项目', '义乌小商品产业创业园项目']
    >>> [n for n, _ in _bare_enumerations("先后引进碳材料产业园、水发全竹产业园、禾川科技产业园等10亿元以上重大产业项目8个。")]
    ['碳材料产业园', '水发全竹产业园', '禾川科技产业园']
    """
    out = []
    if "、" not in text:
        return out  # (no clause of it holds one)
    for clause in _CLAUSE.finditer(text):
        if "、" not in clause.group():
            continue
        # (the list ends at 等 before a count, a stop, or words that class its projects: "等10亿元以上重大产业项目8个")
        body = re.split(r"等(?=\s*(?:\d+|[一二三四五六七八九十两]+)\s*[个项家]|[^、，,。；;]{0,24}项目|[,，。；;]|$)",
                        clause.group())[0]
        parts = re.split(r"、|(?<=[目园心地线厂台院城站馆楼链群段道闸头速路库程期])(?:以及|和|及)", body)
        if len(parts) < 2:
            continue
        if re.search(r"(?:作为|成为|打造成?|建成|建设成)[\u4e00-\u9fff]{2,14}$", parts[0]):
            continue  # "发挥进博会作为投资促进平台、开放合作平台的作用": what something serves as, not projects
        lead = _BEFORE_NAME.match(parts[0])
        if lead and len(parts[0]) - lead.end() >= 4:
            parts[0] = parts[0][lead.end():]
        names = [trim_name(p.strip()) for p in parts]
        counted = bool(COUNTED_AFTER.match(clause.group()[len(body):]))  # "A、B、C等21个项目": each is a project
        ok = [is_project_name(n) or (counted and _plain_name(n)) for n in names]
        if sum(ok) >= 2:
            pos = clause.start()
            for n, good in zip(names, ok):
                at = text.find(n, pos)
                if good and at >= 0:
                    out.append((n, at))
                    pos = at + len(n)
    return out


# Speed (guard.py): these skip at C speed the characters no match of theirs begins with; the same matches.
GROUP, LEAD_IN, PROJECT_NOUN_EN = guarded(GROUP), guarded(LEAD_IN), guarded(PROJECT_NOUN_EN)
LIST_END_EN = guarded(LIST_END_EN)  # (its six look-backs were tried at every character before its "." or ";")
_AIM_BEFORE, _CLAUSE = guarded(_AIM_BEFORE), guarded(_CLAUSE)
# Speed (needs.py): the words these cannot match without ("project"; 建设/build ...): a sentence without them is not scanned.
_GROUP_NEEDS = needs(GROUP)
_AMONG_NEEDS = needs(AMONG_AFTER)  # ("among": a sentence without it is not tried at every "; " for 300 characters)
_NAMING_PATTERNS = [(p, needs(p)) for p in (_TOPIC_PROJECT, _PLANNED_BUILD, _WILL_BUILD)]
