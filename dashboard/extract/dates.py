"""Dates in articles: the article's own date from its header, and dates in the text.

`header_date` finds when the article was published; `find_dates` finds every
date expression in the text ("On August 25", "last month", "3月13日", "the 28th")
and resolves it against that date; `infer_year` guesses the year for articles
without one. Pure functions over strings; nothing here reads files or the clock.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from dashboard.extract.fastscan import fold
from dashboard.extract.guard import guarded
from dashboard.extract.needs import Screen, needs
from dashboard.extract.windows import Anchors, Runs, Windows
from dashboard.datelines import HEADER_CHARS, MONTHS, full_dates, header_date  # noqa: F401 (re-exported)


# ---------------------------------------------------------------------------
# Every date expression in running text: find_dates() and infer_year()
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class DateMention:
    """One date expression, its span in the text, and what it resolves to."""
    start: int
    end: int
    text: str
    value: str                # "YYYY-MM-DD" | "YYYY-MM" | "YYYY": only the precision the text supports
    prospective: bool = False  # a plan or target date ("start production in 2019", "到2021年")


@dataclass(frozen=True)
class _Ctx:
    ref: date | None
    year: int | None


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_CN_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "last": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}


def _num(s: str | None) -> int | None:
    """Arabic (also full-width) or Chinese numerals: '13', '１３', '十三', '二〇二〇'."""
    if not s:
        return None
    s = s.strip()
    if s.isdigit():
        return int(s)
    if "十" not in s:                      # digit by digit: 二〇二〇
        return int("".join(str(_CN_DIGITS[c]) for c in s)) if all(c in _CN_DIGITS for c in s) else None
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _names(*words: str) -> str:
    """Alternation of capitalised and upper-case forms, longest first: months are
    capitalised in English, and a lower-case 'may' is a verb."""
    forms = {f for w in words for f in (w.capitalize(), w.upper())}
    return "|".join(sorted(forms, key=len, reverse=True))


_MON_NAMES = _names(*MONTHS)
_WD_NAMES = _names(*_WEEKDAYS)


def _mon(group: str = "mon") -> str:
    return rf"(?P<{group}>{_MON_NAMES})\b\.?"


_YEAR = r"(?:19[89]\d|20[0-5]\d)"                       # 1980-2059: the years news talks about
_ORD = r"(?:st|nd|rd|th)?"                              # 1st, 22nd, 28th
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_CN_Y = rf"(?:{_YEAR}|[一二][〇零一二三四五六七八九]{{3}})"  # 2020 or 二〇二〇
_CN_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_CN_D = r"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_CN_REL_YEAR = r"(?P<rel>今年|去年|明年|前年)"
_WRITTEN_YEAR = re.compile(_CN_Y)                       # every (?P<y>...) group of the rules below matches this
_EN_REL_YEAR = r"(?i:(?P<rel>this|last|next|the\s+current|the\s+previous)\s+year)"
# Part of a month or a year: "mid-February", "late March", "at the end of 2020".
_PART = r"""(?i:(?P<part>early|mid|late|end|
              (?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half|close|turn|first\s+days?|last\s+days?)\s+of))
            [\s-]*"""
_TO = r"\s*(?:-|–|—|~|(?i:to|until|till|through))\s*"


def _date_value(y: int | None, m: int | None, d: int | None = None) -> str | None:
    if y is None or m is None:
        return None
    try:
        return (date(y, m, d) if d else date(y, m, 1)).isoformat()[: 10 if d else 7]
    except ValueError:
        return None


def _month_of(g: dict, key: str = "mon", num: str = "m") -> int | None:
    if g.get(key):
        return MONTHS.get(g[key].lower().rstrip("."))
    return _num(g.get(num))


def _rel_year(rel: str | None, ctx: _Ctx) -> int | None:
    if ctx.year is None:
        return None
    rel = " ".join((rel or "").lower().split())
    offset = {"this": 0, "今年": 0, "the current": 0, "last": -1, "去年": -1, "the previous": -1,
              "next": 1, "明年": 1, "前年": -2}.get(rel)
    return None if offset is None else ctx.year + offset


def _year_for(ctx: _Ctx, month: int, day: int | None = None) -> int | None:
    """The year of a month (and day) written without one: the article's year, or the
    year before when that would put it more than ~2 months after the article."""
    if ctx.ref is None:
        return ctx.year
    y = ctx.ref.year
    if day is not None:
        try:
            later = date(y, month, day) - ctx.ref > timedelta(days=62)
        except ValueError:
            return y
    else:
        later = month - ctx.ref.month > 2
    return y - 1 if later else y


# Resolvers: (groups, ctx) -> (value or None, prospective by its very words).
# A None value still claims the span, so a shorter pattern cannot misread it.

def _r_full(g, ctx):
    y = _num(g.get("y"))
    if y is None and g.get("rel"):
        y = _rel_year(g["rel"], ctx)
    m, d = _month_of(g), _num(g.get("d"))
    if y is None and m:
        y = _year_for(ctx, m, d)
    return _date_value(y, m, d), False


def _r_month(g, ctx):
    m = _month_of(g)
    if g.get("y"):
        y = _num(g["y"])
    elif g.get("rel"):
        y = _rel_year(g["rel"], ctx)
    elif m:
        y = _year_for(ctx, m)
    else:
        y = None
    return _date_value(y, m), False


def _r_range(g, ctx):
    return _r_month(g, ctx)   # "July 29-30": the trip spans days, the record gets the month


def _r_part_of_rel_month(g, ctx):
    return _r_rel_unit({"mod": g["mod"], "unit": "month"}, ctx)


def _r_year(g, ctx):
    if g.get("y"):
        return str(_num(g["y"])), False
    y = _rel_year(g.get("rel"), ctx)
    return (str(y) if y else None), bool(g.get("rel")) and "next" in g["rel"].lower() or g.get("rel") == "明年"


def _r_quarter(g, ctx):
    if g.get("each"):
        return None, False             # "the first quarter of each year" is no date
    if g.get("y"):
        return str(_num(g["y"])), False
    if g.get("rel"):
        return _r_year(g, ctx)
    return (str(ctx.year) if ctx.year else None), False


def _r_the_nth(g, ctx):
    if ctx.ref is None:
        return None, False
    d, y, m = _num(g["d"]), ctx.ref.year, ctx.ref.month
    if d > ctx.ref.day:                 # "the 28th" written on the 3rd: last month's
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return _date_value(y, m, d), False


_DAY_WORDS = {"the day before yesterday": -2, "前天": -2, "前日": -2, "yesterday": -1, "昨天": -1,
              "昨日": -1, "today": 0, "tonight": 0, "this": 0, "今天": 0, "今日": 0, "今晨": 0,
              "tomorrow": 1, "明天": 1, "明日": 1}


def _r_day_word(g, ctx):
    if ctx.ref is None:
        return None, False
    word = " ".join(g["w"].lower().split())
    offset = _DAY_WORDS[word]
    return (ctx.ref + timedelta(days=offset)).isoformat(), offset > 0


def _r_weekday(g, ctx):
    if ctx.ref is None:
        return None, False
    wd = g.get("wd")
    target = _WEEKDAYS.index(wd.lower()) if wd else _CN_WEEKDAYS[g["cwd"]]
    mod = (g.get("mod") or "").lower()
    back = (ctx.ref.weekday() - target) % 7            # most recent such day, on or before ref
    if mod in ("本", "这", "this") and g.get("cwd"):
        day = ctx.ref - timedelta(days=ctx.ref.weekday() - target)   # 本周三: this calendar week's
    elif mod in ("上", "上个"):
        day = ctx.ref - timedelta(days=ctx.ref.weekday() + 7 - target)
    elif mod in ("下", "下个"):
        day = ctx.ref + timedelta(days=7 - ctx.ref.weekday() + target)
    elif mod == "next":
        day = ctx.ref + timedelta(days=(target - ctx.ref.weekday()) % 7 or 7)
    elif mod in ("last", "past"):
        day = ctx.ref - timedelta(days=back or 7)
    else:
        day = ctx.ref - timedelta(days=back)
    return day.isoformat(), day > ctx.ref


_UNIT_WORDS = {"上周": ("week", -1), "上星期": ("week", -1), "本周": ("week", 0), "这周": ("week", 0),
               "下周": ("week", 1), "上月": ("month", -1), "上个月": ("month", -1),
               "本月": ("month", 0), "这个月": ("month", 0), "下月": ("month", 1),
               "下个月": ("month", 1), "今年": ("year", 0), "去年": ("year", -1),
               "明年": ("year", 1), "前年": ("year", -2)}
_MODS = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}


def _r_rel_unit(g, ctx):
    if g.get("cw"):
        unit, offset = _UNIT_WORDS[g["cw"]]
    else:
        unit = g["unit"].lower()
        offset = _MODS[g["mod"].lower().split()[-1]]
    if unit == "year":
        return (str(ctx.year + offset) if ctx.year else None), offset > 0
    if ctx.ref is None:
        return None, False
    if unit == "week":
        return (ctx.ref + timedelta(days=7 * offset)).isoformat()[:7], offset > 0
    y, m = divmod(ctx.ref.year * 12 + ctx.ref.month - 1 + offset, 12)
    return f"{y:04d}-{m + 1:02d}", offset > 0


_FEW = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5}


def _r_years_back(g, ctx):
    word = (g.get("n") or g.get("n2") or g.get("n3") or "").lower()
    n = int(word) if word.isdigit() else _FEW.get(word)
    return (str(ctx.year - n) if ctx.year and n else None), False


def _r_nothing(g, ctx):
    return None, False


_UNITS_AFTER_NUMBER = r"""(?!\s*(?:%|(?i:yuan|rmb|usd|dollars?|euros?|million|billion|mu|acres?|hectares?|
        square|sq|km|kilometers?|meters?|metres?|tons?|tonnes?|people|persons|jobs|employees|workers|units|
        sets|pieces|projects?|companies|enterprises|firms|households|beds|seats|mw|gw|kw|kwh|mwh|gwh|
        vehicles|cars))\b|\s*[万亿元个家人项亩吨台套件名多余平千百米]|s\b)"""

# (pattern, resolver), most specific first; an earlier match claims its span.
# guarded: each rule skips at C speed the characters no match of it begins with (guard.py)
_RULES: list[tuple[re.Pattern, object]] = [(guarded(re.compile(p, re.X)), f) for p, f in [
    # Not dates, claimed so no pattern below misreads them.
    (r"""\b(?i:of\s+(?:each|every)\s+year)""", _r_nothing),
    # Ranges of days -> the month: "From July 29 to 30", "July 29-30, 2021", "29-30 July".
    (rf"""(?i:from\s+)?{_mon()}\s+{_DAY}{_ORD}{_TO}(?:{_mon("mon2")}\s+)?{_DAY}{_ORD}\b
          (?:,?\s+(?P<y>{_YEAR})\b)?""", _r_range),
    (rf"""\b{_DAY}{_ORD}{_TO}{_DAY}{_ORD}\s+(?i:of\s+)?{_mon()}(?:,?\s+(?P<y>{_YEAR})\b)?""", _r_range),
    (rf"""(?:(?P<y>{_CN_Y})\s*年\s*|{_CN_REL_YEAR})?(?<!\d)(?P<m>{_CN_M})\s*月\s*{_CN_D}\s*[日号]?
          \s*(?:至|到|-|—|－|~|～)\s*(?:{_CN_M}\s*月\s*)?{_CN_D}\s*[日号]""", _r_range),
    # Full dates.
    (rf"""(?<![\d.])(?P<y>{_YEAR})\s*[-./]\s*(?P<m>1[0-2]|0?[1-9])\s*[-./]\s*(?P<d>{_DAY})(?!\d)""", _r_full),
    (rf"""(?P<y>{_CN_Y})\s*年\s*(?P<m>{_CN_M})\s*月\s*(?P<d>{_CN_D})\s*[日号]""", _r_full),
    (rf"""(?:\b(?:{_WD_NAMES}),?\s+)?{_mon()}\s+(?P<d>{_DAY}){_ORD}\b,?\s+(?P<y>{_YEAR})\b""", _r_full),
    (rf"""\b(?i:the\s+)?(?P<d>{_DAY}){_ORD}\s+(?i:of\s+)?{_mon()},?\s+(?P<y>{_YEAR})\b""", _r_full),
    # Month and year: "June 2019", "2019年6月", "2021-09"; with a part: "late March 2020".
    (rf"""\b{_PART}{_mon()},?\s+(?i:of\s+)?(?P<y>{_YEAR})\b""", _r_month),
    (rf"""\b{_PART}{_mon()}\s+{_EN_REL_YEAR}\b""", _r_month),
    (rf"""\b{_mon()},?\s+(?i:of\s+)?(?P<y>{_YEAR})\b(?![\d.,]\d)""", _r_month),
    (rf"""(?:(?P<y>{_CN_Y})\s*年\s*|{_CN_REL_YEAR})(?P<m>{_CN_M})\s*月(?!\s*{_CN_D}\s*[日号])""", _r_month),
    (rf"""(?<![\d.])(?P<y>{_YEAR})[-/](?P<m>0[1-9]|1[0-2])(?![-/.]?\d)""", _r_month),
    # Part of a month or year: "mid-February", "early this month", "at the end of 2020".
    (rf"""\b{_PART}{_mon()}""", _r_month),
    (rf"""\b{_PART}(?i:(?P<mod>this|last|next)\s+month)\b""", _r_part_of_rel_month),
    (rf"""\b{_PART}(?:(?P<y>{_YEAR})\b|{_EN_REL_YEAR}\b)""", _r_year),
    # Month and day, the year from the article: "On August 25", "Aug 20 |", "3月13日".
    (rf"""(?:\b(?:{_WD_NAMES}),?\s+)?{_mon()}\s+(?P<d>{_DAY}){_ORD}\b(?:,?\s+{_EN_REL_YEAR}\b)?
          {_UNITS_AFTER_NUMBER}""", _r_full),
    (rf"""\b(?i:the\s+)?(?P<d>{_DAY}){_ORD}\s+(?i:of\s+)?{_mon()}""", _r_full),
    (rf"""(?:(?P<y>{_CN_Y})\s*年\s*|{_CN_REL_YEAR})?(?<![\d.])(?P<m>{_CN_M})\s*月\s*(?P<d>{_CN_D})\s*[日号]
          (?:\s*[（(]?(?:星期|周)[一二三四五六日天][)）]?)?""", _r_full),
    # Quarters and halves -> the year: "in the first quarter of 2020", "Q1 2020", "2020年一季度".
    (rf"""\b(?i:(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|last)\s+quarter|
          (?:the\s+)?(?:first|second)\s+half|(?P<qq>q[1-4]|h[12]))
          (?:,?\s+(?i:of\s+)?(?:(?P<each>(?i:each|every)\s+year)|(?P<y>{_YEAR})\b|{_EN_REL_YEAR}))?""", _r_quarter),
    (rf"""\b(?P<y>{_YEAR})\s*(?i:q[1-4]|h[12])\b""", _r_quarter),
    (rf"""(?:(?P<y>{_CN_Y})\s*年\s*(?:度\s*)?|{_CN_REL_YEAR})?(?:第?[一二三四1-4]季度|前三季度|[上下]半年)""", _r_quarter),
    # Months alone, after a preposition: "in March", "since February", "3月底".
    (rf"""\b(?i:in|since|during|from|until|till|by|before|after|through|throughout)\s+
          (?i:the\s+month\s+of\s+)?{_mon()}(?:\s+{_EN_REL_YEAR}\b)?""", _r_month),
    (rf"""{_CN_REL_YEAR}?(?<![\d.年个])(?P<m>{_CN_M})\s*月(?:份|初|中旬|上旬|下旬|底|末)?(?![\d日号])""", _r_month),
    # Years: "2020年", "in 2016", "2020 Jiangxi Provincial ..."; not amounts or codes.
    (rf"""(?P<y>{_CN_Y})\s*年(?:度|底|初|末|中)?""", _r_year),
    (rf"""(?<![\w/$¥€£.,:])(?<![A-Za-z]-)(?P<y>{_YEAR})(?![\d])(?![.,]\d){_UNITS_AFTER_NUMBER}""", _r_year),
    # Days relative to the article: "yesterday afternoon", "this morning", "昨天下午".
    (r"""\b(?i:(?P<w>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|this)
          (?:\s+(?:morning|afternoon|evening|night))?)\b(?<![Tt]his)""", _r_day_word),
    (r"""(?P<w>前天|前日|昨天|昨日|今天|今日|今晨|明天|明日)(?!头条)(?:上午|下午|晚上|晚间|早上|凌晨|傍晚|中午)?""", _r_day_word),
    # "近日", "日前", "recently": some day shortly before the article, so its month.
    (r"""(?P<w>近日|日前|近期)|\b(?i:recently|lately)\b""", lambda g, ctx: (ctx.ref.isoformat()[:7] if ctx.ref else None, False)),
    # Weekdays: "on Wednesday" (the latest one on or before the article), "本周三", "上周五".
    (rf"""\b(?:(?i:(?P<mod>last|next|this|past)\s+))?(?P<wd>{_WD_NAMES})\b""", _r_weekday),
    (r"""(?P<mod>本|这|上个?|下个?)(?:星期|周|礼拜)(?P<cwd>[一二三四五六日天])""", _r_weekday),
    (r"""(?:星期|礼拜)(?P<cwd>[一二三四五六日天])|(?<![\u4e00-\u9fff])周(?P<cwd2>[一二三四五六日])(?=[上下]午|晚|早|，|,|\s)""",
     lambda g, ctx: _r_weekday({**g, "cwd": g.get("cwd") or g["cwd2"]}, ctx)),
    # Weeks, months and years relative to the article: "last week", "上个月", "this year".
    (r"""\b(?i:(?:(?:earlier|later)\s+)?(?:the\s+)?(?P<mod>last|previous|past|this|current|next|coming)\s+
          (?P<unit>week|month|year))\b""", _r_rel_unit),
    (r"""(?P<cw>上个月|上月|本月|这个月|下个月|下月|上周|上星期|本周|这周|下周|今年|去年|明年|前年)""", _r_rel_unit),
    # "a year ago", "two years earlier", "The move comes one year after the company committed …", "3年前": years back.
    (r"""\b(?i:(?P<n>a|one|two|three|four|five|\d)\s+years?\s+(?:ago\b|(?:earlier|before)(?=\s*[,.;](?!\s*in\s+(?:19|20)\d\d)))
          |(?:comes?|came|coming)\s+(?P<n2>a|one|two|three|four|five|\d)\s+years?\s+after\b)""", _r_years_back),
    (r"""(?<![\d.])(?P<n3>[一二三四五两\d])年前(?!后)""", _r_years_back),
    # "on the 28th": the article's month, or the month before.
    (rf"""\b(?i:on|since|until|by|before)\s+the\s+(?P<d>{_DAY})(?:st|nd|rd|th)\b
          (?!\s*(?:[A-Z]|-|(?i:session|meeting|anniversary|century|floor|round|batch|edition|plenary|congress|
          conference|time|day|year|of)\b))""", _r_the_nth),
    (rf"""(?<![\d月号年个.])(?P<d>{_DAY})日(?!前)""", _r_the_nth),
]]
# The words each rule cannot match without (needs.py): a text holding none of them is not scanned by the rule.
_RULE_NEEDS = [needs(pattern) for pattern, _ in _RULES]
_RULE_SCREEN = Screen(_RULE_NEEDS)
# On a long text (a report of many pages) a rule is run only near its most selective needed words (windows.py).
_RULE_WINDOWS = [Windows(pattern, need.sets[0] if need.sets else ()) for (pattern, _), need in zip(_RULES, _RULE_NEEDS)]
_RULE_ANCHORS = Anchors([w.words for w in _RULE_WINDOWS])
_WINDOWS_FROM = 1_000  # characters: in a shorter text the plain scan is as fast (measured on the shipped articles)
_SCREEN_BELOW = 1000  # characters: below, one Aho-Corasick pass beats the substring tests (measured on the articles' lines)

# Words that make the date a plan or target, read in the clause before it.
_CLAUSE_END = re.compile(r"[.;!?。；！？:：\n]|,\s+(?=and\b|but\b|while\b)")
_JUST_BEFORE = re.compile(r"""(?:
        \b(?i:by|before|until|till|no\s+later\s+than|not\s+later\s+than|within|in\s+time\s+for|due|
             targeted\s+(?:for|at)|scheduled\s+(?:for|in)|
             (?:put|go|come|went)\s+into\s+(?:operation|production|use|service)\s+(?:in|by|at)|
             start(?:s|ing)?\s+(?:production|operation|operations|construction|building)\s+(?:in|by|at)|
             be\s+(?:completed|finished|operational|ready|built|delivered)\s+(?:in|by|at))
        (?:\s+the\s+(?:end|beginning|middle|start)\s+of)?(?:\s+(?:the|early|mid|late|mid-))?\s*$
      | (?:到|(?<!截)至|计划|预计|力争|争取|有望|拟|将于|将在|计划于|预计于|目标)\s*$ )""", re.X)
_WIDER_BEFORE = re.compile(r"""
        \b(?:[Ww]ill|[Ww]ould|[Ss]hall|[Pp]lans?|[Pp]lanned|[Pp]lanning|[Ee]xpects?|[Ee]xpected|[Ss]cheduled|aims?|aimed|
             aiming|[Tt]arget(?:s|ed)?|[Ss]trive|strives|striving|[Gg]oal|[Ii]ntends?|[Pp]rojected|[Ff]orecasts?|
             [Ii]s\s+to|[Aa]re\s+to|[Ss]et\s+to|[Dd]ue\s+to)\b              # (not "Aiming", a reporter's name)
      | 将|计划|预计|力争|争取|有望|拟|目标|规划""", re.X)
_AFTER = re.compile(r"^\s*(?:前|之前|以前|年底前|底前)")
_JUST_BEFORE, _WIDER_BEFORE = guarded(_JUST_BEFORE), guarded(_WIDER_BEFORE)  # searched before each date (guard.py)


def _prospective(text: str, m_start: int, m_end: int, value: str, ctx: _Ctx) -> bool:
    clause_start = max((e.end() for e in _CLAUSE_END.finditer(text, max(0, m_start - 200), m_start)), default=max(0, m_start - 200))
    before = text[clause_start:m_start]
    names_an_event = len(value) == 4 and _NAMED_YEAR.match(text[m_end:m_end + 3])  # "before the 2021 Expo"
    if (_JUST_BEFORE.search(before[-40:]) and not names_an_event) or _AFTER.match(text[m_end:m_end + 4]):
        return True
    if ctx.ref is not None:
        ref = ctx.ref.isoformat()[: len(value)]
        if value > ref:
            return True
        if value == ref:
            return False       # "this year", "in the current year": now, even when "will" is near
    elif ctx.year is not None and int(value[:4]) > ctx.year:
        return True
    return bool(_WIDER_BEFORE.search(before)) and (ctx.year is None or int(value[:4]) >= ctx.year)


def find_dates(text: str, ref: date | None = None, ref_year: int | None = None) -> list[DateMention]:
    """Every date expression in the text, in text order, resolved against the article's date.

    `ref` is the article's date; without it, `ref_year` alone resolves "this year",
    "March 11" and the like. Expressions that need more than is known are left out,
    and vague ones ("recently", "日前") give the article's month.

    >>> [(m.text, m.value) for m in find_dates("On August 25 and Aug 6, 2020 the 2 sides met.", date(2020, 8, 30))]
    [('August 25', '2020-08-25'), ('Aug 6, 2020', '2020-08-06')]
    >>> [(m.value, m.prospective) for m in find_dates("昨天下午签约，计划2025年投产", date(2021, 3, 2))]
    [('2021-03-01', False), ('2025', True)]
    >>> [m.value for m in find_dates("From July 29 to 30, on Wednesday, last month", date(2021, 8, 9))]
    ['2021-07', '2021-08-04', '2021-07']
    """
    ctx = _Ctx(ref, ref_year if ref_year is not None else (ref.year if ref else None))
    if ctx.ref is None and ctx.year is None and not _WRITTEN_YEAR.search(text):
        return []            # with nothing to resolve against, only a date with its year written out has a value
    starts: list[int] = []   # the spans claimed so far: apart, so ordered by start and by end alike
    ends: list[int] = []
    found: list[DateMention] = []
    folded, memo = fold(text), {}
    # (a short text, a line for infer_year, is screened for every rule's words in one pass; a long one holds most
    # of them, each found near its start by a substring test)
    mays = _RULE_SCREEN.which(folded) if len(text) < _SCREEN_BELOW else (n.may_match(folded, memo) for n in _RULE_NEEDS)
    long = len(text) >= _WINDOWS_FROM
    runs, places = (Runs(text), _RULE_ANCHORS.find(folded)) if long else (None, None)
    for k, ((pattern, resolve), may) in enumerate(zip(_RULES, mays)):
        if not may:
            continue  # no match of the rule in the text (needs.py)
        for m in _RULE_WINDOWS[k].finditer(text, runs, places[k]) if long else pattern.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            i = bisect_left(starts, e)  # spans starting before e; the last of them reaches furthest
            if i and ends[i - 1] > s:
                continue
            starts.insert(i, s)
            ends.insert(i, e)
            value, future = resolve(m.groupdict(), ctx)
            if value:
                found.append(DateMention(s, e, text[s:e], value,
                                         bool(future) or _prospective(text, s, e, value, ctx)))
    return sorted(found, key=lambda d: d.start)


_NOT_NEWS = re.compile(r"(?i:copyright|©|all\s+rights\s+reserved|版权所有|https?://|www\.)")
_NAMED_YEAR = re.compile(r"^\s+(?!(?:" + _MON_NAMES + r")\b)[A-Z\u201c\"'“]|^\s*[“\"]")
# "出席2015中国海门经贸投资暨转型发展合作洽谈会": a bare year naming a Chinese event (no 年, so no date of its own).
_YEAR_NAMES_EVENT_ZH = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?!年)(?![亿万千百])(?=[\u4e00-\u9fff][\u4e00-\u9fff·（）()]{1,25}?"
                                  r"(?:洽谈会|博览会|交易会|推介会|招商会|峰会|论坛|大会|文化节|旅游节|艺术节|投资节|嘉年华|"
                                  r"展会|展览会|年会|大赛))")  # (not "2014年春节"; "2017中国侨都（江门）华人嘉年华" too)


# "the World Manufacturing Convention 2019": a year naming an event, after its name.
_EVENT_BEFORE_YEAR = re.compile(r"\b(?:Convention|Expo|Exposition|Conference|Summit|Forum|Fair|Festival|Week)\s+$")


def infer_year(text: str) -> int | None:
    """The year the reported events happen in, from the explicit years in the text.

    Years in plans and targets and in copyright lines are left out. A full date
    weighs most, a month or quarter of a year next, then a year that names an
    event or list ("2020 Jiangxi ... Project"); a lone "in 2017" is not enough.

    >>> infer_year("On August 6, 2020 they signed. In 2015 it came. It will open in 2023.")
    2020
    >>> infer_year("The base was launched in 2017.") is None
    True
    >>> infer_year("On October 9, 34 projects were launched, the second batch of the city's 2024 plan.")
    2024
    """
    scores: dict[int, float] = {}
    lead_years: set[int] = set()
    lead_line: int | None = None
    for line_start, line in _lines(text):
        if _NOT_NEWS.search(line):
            continue
        found = find_dates(line)  # (read once for the two loops below)
        for m in found:
            if m.prospective:
                continue
            year = int(m.value[:4])
            if len(m.value) == 10:
                weight = 3.0
            elif len(m.value) == 7 or re.search(r"(?i:quarter|half|q[1-4]|h[12])|季度|半年", m.text):
                weight = 2.0
            elif _NAMED_YEAR.match(line[m.end:m.end + 3]) or line[max(0, m.start - 1):m.start] in "“\"《" \
                    or _EVENT_BEFORE_YEAR.search(line[max(0, m.start - 20):m.start]):
                weight = 2.0
            else:
                weight = 1.0
            if m.text.endswith("年") and lead_line in (None, line_start):
                lead_line = line_start  # the first paragraph giving a Chinese year: "2019年第二批重点项目"
                lead_years.add(year)
            scores[year] = scores.get(year, 0.0) + weight
        for m in _YEAR_NAMES_EVENT_ZH.finditer(line):
            scores[int(m.group(1))] = scores.get(int(m.group(1)), 0.0) + 2.0
        years_here = {int(m.value[:4]) for m in found if not m.prospective}
        if len(years_here) == 1 and not _NOT_NEWS.search(line):
            year = next(iter(years_here))  # "On October 9, 34 projects … the city's 2024 initiatives": a day said
            if any(len(d.value) == 10 and not re.search(r"(?:19|20)\d\d", d.text)  # without a year, beside one year
                   for d in find_dates(line, ref_year=year) if not d.prospective):
                scores[year] = scores.get(year, 0.0) + 1.0
    best = max(scores.items(), key=lambda kv: (kv[1], kv[0]), default=None)
    if best and best[1] < 2 and len(lead_years) == 1 and not any(v >= 2 for v in scores.values()):
        return next(iter(lead_years))  # one Chinese "YYYY年" in the first paragraph giving one; later ones are background
    return best[0] if best and best[1] >= 2 else None


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1
