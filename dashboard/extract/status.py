"""Status of a project from the words that report it: signed, started, completed, ...

`status_of` reads one text (a sentence, a headline) for cue words in English and
Chinese and returns a CONTRACT.md status, or None when there is no cue. Cues
that are plans ("will start construction", "预计明年投产") or negated ("has not
been announced") do not count.
"""
from __future__ import annotations

import re
from functools import lru_cache

from dashboard.extract.fastscan import fold
from dashboard.extract.guard import guarded
from dashboard.extract.needs import Screen, needs

# (status, strong?, pattern). A strong cue reports the event itself; a weak one
# ("agreement", "key projects") only when no strong cue is there.
# guarded: each cue skips at C speed the characters no match of it begins with (guard.py)
_CUES: list[tuple[str, bool, re.Pattern]] = [(s, strong, guarded(re.compile(p, re.X | re.I))) for s, strong, p in [
    ("completed", True, r"""
        \bput\s+(?:in)?to\s+(?:operation|production|use|service)\b
      | \b(?:went|go(?:es)?|came|come)\s+into\s+(?:operation|production|service)\b
      | \b(?:began|begun|started|starts?|commenced)\s+(?:a\s+)?(?:trial|mass|full)[\s-]+(?:production|run|operation)
      | \btrial[\s-]+(?:production|run|operation)\b
      | \b(?:was|were|been|is|are|has\s+been|have\s+been)\s+(?:officially\s+)?(?:completed|finished|commissioned)\b
      | \b(?:became|is\s+now|are\s+now)\s+operational\b | \bcame\s+online\b | \bwent\s+online\b
      | \bcompleted\s+and\s+(?:put|opened)\b | \bcompletion\s+ceremony\b
      | 投产 | 竣工 | 建成 | 完工 | 试生产 | 试运行 | 试投产 | 投入使用 | 投入运营 | 投入运行 | 正式运营 | 量产 | 达产 | 落成"""),
    ("started", True, r"""
        \bbr(?:oke|eak|eaks|eaking)\s+ground\b | \bground[\s-]?breaking\b
      | \bconstruction\s+(?:(?:also|has|had|then)\s+)?(?:began|begins|started|starts|commenced|kicked\s+off|got\s+under\s*way|is\s+under\s*way|was\s+launched)\b
      | \b(?:began|begun|begin|begins|started|start|starts|commenced|launched|kicked\s+off)\s+(?:the\s+)?construction\b
      | \bconstruction\s+of\s+(?:[^.;]|\.\d){0,60}?\b(?:also\s+)?(?:began|started|commenced|kicked\s+off|got\s+under\s*way)\b
      | \bunder\s+construction\b | \b(?:is|are|was|were)\s+being\s+(?:built|constructed)\b
      | \b(?:started|commenced|kicked\s+off)\s+(?:(?:a\s+total\s+of|the\s+construction\s+of|construction\s+of|work\s+on)\s+)?\d[\d,]*\s+
          (?:(?!promotion\b|pilot\b|demonstration\b)[\w-]+\s+){0,4}?projects\b   # "Gejiu started 20 projects"
      | \b(?:work\s+(?:(?:has|had|also|then|officially)\s+){0,2}(?:began|begun|started|commenced|kicked\s+off|got\s+under\s*way)
           \s+(?:(?:in|at)\s+(?:[\w'-]+\s+){1,4}?)?on|(?:began|started|commenced|begin|start)\s+work\s+on)
          \s+(?=(?:[\w'-]+\s+){0,6}?(?:projects?|plants?|factor(?:y|ies)|bases?|parks?|lines?|roads?|bridges?|cent(?:er|re)s?
               |stations?|expressway|railway|port|buildings?|facilit(?:y|ies)|complex|phase|mines?|works|schools?|hospitals?)\b)  # something built
      | \bfoundation\s+stone\b | \blaid\s+the\s+foundation\b | \bprojects?\s+(?:are\s+)?under\s*way\b
      | \bprojects?\b(?:[^.;]|\.\d){0,80}\b(?:got|get|gets|were|was|are|is|have\s+been|has\s+been)\s+(?:officially\s+)?(?:started|launched)\b
      | 开工 | 动工 | 奠基 | 开建 | 破土 | 在建 | 开始建设 | 启动建设"""),
    ("signed", True, r"""
        \bsign(?:s|ed|ing)?\b | \bsignature\b
      | \b(?:deals?|agreements?|contracts?)\s+(?:on|for|with)\b(?:[^.;]|\.\d){0,80}?\b(?:was|were|has\s+been|have\s+been)\s+concluded\b
          (?![^.;]{0,80}\b(?:not|never)\s+(?:been\s+)?signed)
      | \bconcluded\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:deals?|agreements?|contracts?)\b(?=\s+(?:with|on|for|worth|to|at|in)\b|\s*[,.;]|\s*$) | \binked\b | \binks?\b | \bput\s+pen\s+to\s+paper\b
      | \bpen(?:ned)?\s+(?:a|an|the)\s+(?:deal|agreement|contract)\b | \bclinched\b | \bsealed\s+(?:a|the)\s+deal\b
      | 签约 | 签署 | 签订 | 签下 | 签了 | 正式签"""),
    ("approved", True, r"""
        \b(?:was|were|been|got|get|gets|is|are)\s+approved\b | \bapproved\s+(?:the|by)\b
      | \bgreen\s+light\b | \bgot\s+the\s+nod\b | \bgiven\s+the\s+nod\b
      | \b(?:won|received|obtained|gained|got)\s+(?:official\s+)?approval\b
      | \bpassed\s+the\s+(?:establishment|review|approval|examination|evaluation)\b
      | 获批 | 批复 | 批准 | 核准 | 获准"""),
    ("founded", True, r"""
        \b(?:was|were|been|is|are|newly|officially|formally|jointly)\s+(?:founded|established|inaugurated|launched)\b
      | \b(?:founded|established|inaugurated)\s+(?:a|an|the)\b
      | \b(?:set\s+up|launched|formed|unveiled|welcomed)\s+(?:its\s+|their\s+|the\s+|a\s+|an\s+)?(?:first\s+)?
          (?:[\w-]+\s+){0,4}(?:alliance|association|federation|consortium|union)\b
      | \bestablishment\s+of\s+the\s+(?:[\w-]+\s+){0,4}(?:alliance|association|federation)
      | 成立 | 揭牌 | 挂牌 | 组建"""),
    ("listed", True, r"""
        \b(?:key|major|priority)\s+(?:[\w-]+\s+){0,3}projects?\s+list\b | \blist\s+of\s+(?:[\w-]+\s+){0,3}projects?\b
      | \b(?:released|issued|published|unveiled|announced)\s+(?:the\s+)?(?:[\d,]+\s+)?(?:[\w\"“”-]+\s+){0,4}key\s+(?:[\w-]+\s+){0,3}projects?\b
      | \bincluded\s+in\s+the\s+(?:[\w-]+\s+){0,4}list\b | \b(?:listed|included)\s+(?:[\w-]+\s+){0,5}as\s+key\b
      | \bthe\s+list\s+(?:also\s+)?(?:includes|covers|contains)\b | \bon\s+the\s+list\b
      | 重点项目名单 | 重点项目清单 | 重点项目计划 | 列入 | 纳入"""),
    ("announced", True, r"""
        \bannounce[ds]?\b | \bannouncement\b | \bunveil(?:s|ed)?\b | \bwent\s+public\s+with\b
      | \bmade\s+public\b | \bmake\s+public\b | \bdisclosed\b | \brevealed\b
      | 宣布 | 公布 | 公告 | 披露"""),
    # Weak cues.
    ("signed", False, r"""
        \bagreements?\b | \bcontracts?\b | \bcontracted\b | \bmemorandum\b | \bMoU\b | \bMOU\b
      | \bsettled?\s+(?:in|down)\b | \bsettles\s+(?:in|down)\b | \blanded\b | \blanding\s+in\b
      | \bpledged\s+investment\b | \bsecured\s+\d+\s+(?:[\w-]+\s+){0,2}projects\b | 协议投资
      | 协议 | 合同 | 落户 | 入驻 | 落地"""),
    # "launched 236 key projects": mostly a start, but "released the key project list, launching 1431 projects" is
    # a list's (a strong cue of another stage wins)
    ("started", False, r"""
        \blaunch(?:ed|es|ing)?\s+(?:(?:a\s+total\s+of|the\s+construction\s+of|construction\s+of)\s+)?\d[\d,]*\s+
          (?:(?!promotion\b|pilot\b|demonstration\b)[\w-]+\s+){0,4}?projects\b   # not "30 investment promotion projects"
      | \blaunch\s+of\s+\d[\d,]*\s+(?:(?!promotion\b|pilot\b|demonstration\b)[\w-]+\s+){0,4}?projects\b"""),
    ("listed", False, r"""
        \b(?:key|major)\s+(?:[\w-]+\s+){0,2}(?:construction|investment|industrial|industry)\s+projects?\b
      | 重点项目 | 重点建设项目"""),
    ("founded", False, r"""\balliance\b | \bfederation\b | 联盟"""),
    ("announced", False, r"""\breleased\b | 发布"""),
]]

# Precedence among strong cues found together: the latest stage wins
# ("the project signed last year went into production").
_RANK = ["completed", "started", "signed", "approved", "founded", "listed", "announced"]

# Plans and negations in the few words before a cue make it no event.
_PLANNED = re.compile(r"""(?:
        \b(?:will|would|shall|to|plan(?:s|ned|ning)?\s+to|expects?|expected|scheduled|aims?|aiming|
           hopes?|hoped|strive|striving|intends?|set\s+to|about\s+to|is\s+to|are\s+to|
           before|until|once|after|when|if)\b(?:\s+\w+){0,3}\s*$
      | (?:将|将于|将在|计划|预计|拟|力争|争取|有望|即将|准备|待|后|前)\s*[^,，。;；]{0,8}$ )""", re.X | re.I)
_NEGATED = re.compile(r"""(?:\b(?:not|no|never|yet\s+to)\b(?:\s+\w+){0,2}\s*$ | (?:未|尚未|没有|暂未)\s*\S{0,2}$)""",
                      re.X | re.I)
_PLANNED, _NEGATED = guarded(_PLANNED), guarded(_NEGATED)   # searched back from each cue: skip what cannot begin them
_LISTED_COMPANY = re.compile(r"listed\s+(?:company|companies|firm|group|enterprise)|上市公司", re.I)
_CONDITION_AFTER = re.compile(r"(?:达产|投产|运营|运行|使用|达效)?后")
_PLAN_OK = {"listed", "announced"}   # a list or an announcement is itself the event


# The words each cue cannot match without (needs.py): a text holding none of them is not scanned for the cue
# (all cues' words looked for in one pass).
_CUE_SCREEN = Screen([needs(pattern) for _, _, pattern in _CUES])


def _cues(text: str) -> list[tuple[int, int, str, bool]]:
    """Every cue of the text that reports an event: (start, end, status, strong)."""
    found = []
    for (status, strong, pattern), may in zip(_CUES, _CUE_SCREEN.which(fold(text))):
        if not may:
            continue
        for m in pattern.finditer(text):
            if _reports(text, m, status):
                found.append((m.start(), m.end(), status, strong))
    return found


def _reports(text: str, m: re.Match, status: str) -> bool:
    """Whether a cue reports the event: not planned (but for a list or announcement) nor negated."""
    before = text[max(0, m.start() - 40):m.start()]
    if _NEGATED.search(before) or (status not in _PLAN_OK and _PLANNED.search(before)):
        return False
    return not _CONDITION_AFTER.match(text, m.end())  # "达产后", "投产后", "建成达产后": "once it is ...", a condition


@lru_cache(maxsize=4096)
def _strong_and_weak(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The statuses of the text's strong cues and of its weak ones ("listed company" is no listing).

    What `_cues` finds gives them, but each cue's scan stops at its first match that counts: the statuses are sets,
    and a second match of the same cue adds nothing."""
    strong, weak = set(), set()
    for (status, is_strong, pattern), may in zip(_CUES, _CUE_SCREEN.which(fold(text))):
        if not may:
            continue
        for m in pattern.finditer(text):
            if _reports(text, m, status) and not _LISTED_COMPANY.search(text[max(0, m.start() - 5):m.end() + 25]):
                (strong if is_strong else weak).add(status)
                break
    return frozenset(strong), frozenset(weak)


@lru_cache(maxsize=4096)
def status_of(text: str) -> str | None:
    """The status the text reports, or None if it has no cue.

    >>> status_of("On June 9 the firm started a trial run of its wafer line")
    'completed'
    >>> status_of("Suzhou Serangte put pen to paper on June 7")
    'signed'
    >>> status_of("3月13日，15个重大产业化项目集中开工")
    'started'
    >>> status_of("Both are expected to be put into operation in 2024") is None
    True
    """
    strong, weak = _strong_and_weak(text)
    if strong == {"announced"} and "signed" in weak:
        return "signed"          # "made public a framework agreement": the agreement is signed
    for statuses in (strong, weak):
        if statuses:
            return min(statuses, key=_RANK.index)
    return None


@lru_cache(maxsize=4096)
def stages_of(text: str) -> frozenset[str]:
    """Every status the text reports, strong cues first ("签约、开工及竣工": three; "were signed": one).

    >>> sorted(stages_of("集中签约、开工及竣工活动"))
    ['completed', 'signed', 'started']
    """
    strong, weak = _strong_and_weak(text)
    return strong or weak
