"""Sector and subsector of a project, judged from what it makes or does.

`classify` weighs the keywords of sector_words.py found in a text (English and
Chinese) and returns a (sector, subsector) pair from CONTRACT.md's lists, "Other"
when nothing fits. Callers that weigh several texts (sentence, paragraph,
headline) add up their `sector_scores` and call `choose` on the sum.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter

from dashboard.extract.fastscan import Alternation, key_of
from dashboard.extract.sector_words import (
    COMPANIES, DEFAULT_SUBSECTOR, FUNCTION_SHARE, IN_COMPANY_NAME, KEYWORDS, NEUTRAL_PHRASES, OTHER,
    SECTORS,
)

MIN_SECTOR = 1.0      # below this nothing fits: "Other"
MIN_SUBSECTOR = 1.5   # a subsector needs at least one strong word
SUBSECTOR_LEAD = 1.2  # ... and to lead the runner-up by this factor, else None (a mixed batch)


def _norm(s: str) -> str:
    """Key for a keyword or a matched text: lower case, no spaces or hyphens, singular."""
    return re.sub(r"[\s\-]+", "", s.lower())


# keyword key -> {(sector, subsector, is_company): weight}; spellings of one word ("R&D",
# "R & D") share a key and count once.
_MEANINGS: dict[str, dict[tuple[str, str | None, bool], float]] = {}
_CASED: set[str] = set()   # keywords with capitals match case-sensitively
for _table, _is_company in ((KEYWORDS, False), (COMPANIES, True)):
    for (_sector, _sub), _words in _table.items():
        for _word, _weight in _words.items():
            _MEANINGS.setdefault(_norm(_word), {})[(_sector, _sub, _is_company)] = float(_weight)
            if any(c.isupper() for c in _word):
                _CASED.add(_word)
for _phrase in NEUTRAL_PHRASES:
    _MEANINGS[_norm(_phrase)] = {}

_SUBSECTOR_SECTORS: dict[str, set[str]] = {}
for (_sector, _sub) in list(KEYWORDS) + list(COMPANIES):
    if _sub:
        _SUBSECTOR_SECTORS.setdefault(_sub, set()).add(_sector)


def _alternative(word: str) -> str:
    if re.search(r"[\u4e00-\u9fff]", word):
        return re.escape(word)
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", word)]
    body = r"[\s\-]*".join(parts)
    plural = r"(?:s|es)?" if word[-1].isalpha() and not word.isupper() else ""
    body = body if word in _CASED else f"(?i:{body})"
    return rf"(?<![A-Za-z0-9]){body}{plural}(?![A-Za-z0-9])"


_ALL_WORDS = sorted({w for t in (KEYWORDS, COMPANIES) for ws in t.values() for w in ws} | set(NEUTRAL_PHRASES),
                    key=len, reverse=True)
# One alternation, longest first, so "industrial internet" wins over "internet"; found in one
# Aho-Corasick pass with the alternation's own results (fastscan.py), not tried word by word.
_KEYWORD_SOURCES = [_alternative(w) for w in _ALL_WORDS]
_KEYWORDS = Alternation(_KEYWORD_SOURCES, [key_of(w) for w in _ALL_WORDS])

_COMPANY_NAME_EN = r"""
      (?:[A-Z][\w&'’.]*(?:\s*\([A-Z][a-z]+\))?[\s-]+){1,6}?        # capitalised words, maybe "(Chengdu)"
      (?:Co\.?,?\s*Ltd\.?|Co\.|Co\b|Company|Corporation|Corp\.?|Inc\.?|Limited|Ltd\.?   # legal suffix
        |Publishing\s+House|Office|Bureau|Administration|Commission|Committee|Department|Ministry
        |University|Institute|Academy|Expo|Exposition|Fair|Forum|Group|Media|Press)\b
"""
_COMPANY_NAME_ZH = r"""
      [^\s，。、；：:,.!?的与和及在为是将对从向由把被了并“”"（(]{2,12}?
      (?:\([^)]{2,6}\)|（[^）]{2,6}）)?[^\s，。、；：:,.的与和及]{0,10}?
      (?:股份有限公司|有限责任公司|有限公司|公司)                     # Chinese legal suffix
"""
_COMPANY_NAME_RE = re.compile(f"{_COMPANY_NAME_EN}|{_COMPANY_NAME_ZH}", re.X)
# Speed: in a text without 公司 the Chinese branch matches nowhere, so the pattern finds what its English branch
# alone finds; that one begins with a capital letter, which the regex engine looks for at C speed.
_COMPANY_NAME_EN_RE = re.compile(_COMPANY_NAME_EN, re.X)

# Every company name above ends in one of these words: a text without them has none (a quick test first).
_COMPANY_HINT = re.compile(r"Co|Inc|Limited|Ltd|Publishing|Office|Bureau|Administration|Commission|Committee|Department"
                           r"|Ministry|University|Institute|Academy|Expo|Fair|Forum|Group|Media|Press|公司")


def _lookup(matched: str) -> dict[tuple[str, str | None, bool], float]:
    key = _norm(matched)
    for k in (key, key[:-2] if key.endswith("es") else None, key[:-1] if key.endswith("s") else None):
        if k and k in _MEANINGS:
            return _MEANINGS[k]
    return {}


@lru_cache(maxsize=4096)  # a sentence is weighed for several records
def _hits(text: str) -> tuple[tuple[str, str | None, float], ...]:
    """(sector, subsector, weight) for every keyword found, repeats counting less."""
    names = None  # company names: looked for once a keyword is found
    seen: Counter[str] = Counter()
    out = []
    for m in _KEYWORDS.finditer(text):
        meanings = _lookup(m.group())
        if not meanings:
            continue
        if names is None:
            names = [n.span() for n in (_COMPANY_NAME_RE if "公司" in text else _COMPANY_NAME_EN_RE).finditer(text)] \
                if _COMPANY_HINT.search(text) else []
        key = _norm(m.group())
        seen[key] += 1
        repeat = 1.0 if seen[key] == 1 else 0.5 if seen[key] <= 3 else 0.0
        in_name = any(s <= m.start() and m.end() <= e for s, e in names)
        for (sector, sub, is_company), weight in meanings.items():
            factor = IN_COMPANY_NAME if in_name and not is_company else 1.0
            out.append((sector, sub, weight * factor * repeat))
    return tuple(out)


def sector_scores(text: str) -> dict[str, float]:
    """Evidence for each sector in the text, plus "Sector/Subsector" keys for the
    subsector evidence, so that callers can add up the scores of several texts
    and pass the sum to `choose`. Sectors with no evidence are left out.

    >>> sector_scores("a wafer fab and a vaccine plant")
    {'Next-generation IT': 3.0, 'Next-generation IT/Semiconductors': 3.0, 'Biotechnology': 3.0, 'Biotechnology/Biopharma': 3.0}
    """
    scores: dict[str, float] = {}
    for sector, sub, weight in _hits(text):
        share = FUNCTION_SHARE.get(sub, 1.0) if sub else 1.0
        scores[sector] = scores.get(sector, 0.0) + weight * share
        if sub:
            scores[f"{sector}/{sub}"] = scores.get(f"{sector}/{sub}", 0.0) + weight
    return scores


def subsector_scores(text: str) -> dict[str, float]:
    """Evidence for each subsector in the text.

    >>> subsector_scores("cloud computing and big data center")
    {'Cloud & big data': 6.0}
    """
    scores: dict[str, float] = {}
    for _, sub, weight in _hits(text):
        if sub:
            scores[sub] = scores.get(sub, 0.0) + weight
    return scores


def choose(sectors: dict[str, float], subsectors: dict[str, float] | None = None) -> tuple[str, str | None]:
    """The (sector, subsector) that the scores point to; ties go to the earlier sector in the contract.

    Without `subsectors`, the "Sector/Subsector" keys of `sectors` give them.
    """
    if subsectors is None:
        subsectors = {}
        for key, score in sectors.items():
            if "/" in key:
                sub = key.split("/", 1)[1]
                subsectors[sub] = subsectors.get(sub, 0.0) + score
    best = max(SECTORS, key=lambda s: (sectors.get(s, 0.0), -SECTORS.index(s)))
    if sectors.get(best, 0.0) < MIN_SECTOR:
        best = OTHER
    fitting = [(score, sub) for sub, score in (subsectors or {}).items()
               if score >= MIN_SUBSECTOR and (sub in FUNCTION_SHARE or best in _SUBSECTOR_SECTORS.get(sub, ()))]
    # What the project is (chips, vaccines) says more than what it is for (R&D, a plant).
    if any(sub not in FUNCTION_SHARE for _, sub in fitting):
        fitting = [(score * (0.5 if sub in FUNCTION_SHARE else 1.0), sub) for score, sub in fitting]
    ranked = sorted(fitting, reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] < SUBSECTOR_LEAD * ranked[1][0]):
        return best, DEFAULT_SUBSECTOR.get(best) if not ranked else None
    return best, ranked[0][1]


def classify(text: str) -> tuple[str, str | None]:
    """(sector, subsector) of the project the text describes.

    >>> classify("a 12-inch wafer packaging and testing line")
    ('Next-generation IT', 'Semiconductors')
    >>> classify("蔚来中国总部项目")
    ('New energy vehicles', None)
    >>> classify("a dairy farm and a tea plantation")
    ('Other', None)
    >>> classify("Harbin held a cloud signing ceremony for 117 projects")
    ('Other', None)
    """
    return choose(sector_scores(text))
