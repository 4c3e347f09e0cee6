"""Full calendar dates and the publication date in an article's header.

Shared by the reader (an Article's `published`) and the extractor (dates in the
text resolve against it). Pure functions over strings.
"""
from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i for i, names in enumerate([
    (), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")]) for m in names}

_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# Full dates as they appear in headers and datelines, tried in this order.
_FULL_DATES = [
    re.compile(r"(?P<y>(?:19|20)\d\d)\s*[-./]\s*(?P<m>\d{1,2})\s*[-./]\s*(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<d>\d{1,2})\s+" + _MONTH + r",?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
]
# A label that says "this is when the article was published".
_LABEL = re.compile(r"(post\s*time|posted|published|release[d]?|updated?|time|date|发布日期|发布时间|日期|时间)\s*[:：]?\s*$", re.I)
HEADER_CHARS = 600


def _to_date(m: re.Match) -> date | None:
    g = m.groupdict()
    month = int(g["m"]) if g.get("m") else MONTHS.get(g["mon"].lower().rstrip("."))
    try:
        return date(int(g["y"]), month, int(g["d"]))
    except (TypeError, ValueError):
        return None


def full_dates(text: str) -> list[tuple[int, int, date]]:
    """Every complete calendar date in the text, with its span, in text order.

    >>> [str(d) for _, _, d in full_dates("Updated: Apr 8, 2020 and 2021.07.07 and 2018年3月13日")]
    ['2020-04-08', '2021-07-07', '2018-03-13']
    """
    found: list[tuple[int, int, date]] = []
    for pattern in _FULL_DATES:
        for m in pattern.finditer(text):
            d = _to_date(m)
            if d and not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), d))
    return sorted(found)


def header_date(text: str) -> date | None:
    """The article's publication date, from its header or dateline.

    A date after a label ("Post Time:", "发布日期:", "Updated:") wins; otherwise the
    first full date in the header.

    >>> header_date("Title\\nPost Time:2020-06-30来源:TusHoldings\\nOn June 29 ...")
    datetime.date(2020, 6, 30)
    >>> header_date("新安晚报  2020-02-26 10:08   【大字 小字】")
    datetime.date(2020, 2, 26)
    >>> header_date("A story with no date at all") is None
    True
    """
    head = text[:HEADER_CHARS]
    dates = full_dates(head)
    for start, _, d in dates:
        if _LABEL.search(head[max(0, start - 20):start]):
            return d
    return dates[0][2] if dates else None
