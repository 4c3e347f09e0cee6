"""Find the names of companies and projects in a sentence (English and Chinese).

General patterns (legal-form endings, a short list of well-known brands, the
subject of an investing verb), never names written for one article.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from dashboard.extract.fastscan import fold
from dashboard.extract.guard import guarded
from dashboard.extract.needs import needs
from dashboard.extract.name_words import (BRANDS, BRANDS_ZH, COMPANY_ENDINGS_EN, COMPANY_ENDINGS_ZH, LEADING_WORDS, NOT_NAMES, PLACE_OR_BODY_ENDINGS,
                                          PROJECT_NOUNS)


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str


_CAP = r"(?:[A-Z][\w&.\-]*(?:['’](?!s\b)\w*)?|\([A-Z][\w ]*\)|&|\+)"
_COMPANY_EN = re.compile(
    rf"(?<![\w-])((?:{_CAP}\s+){{0,7}}{_CAP}?\s*(?:{'|'.join(COMPANY_ENDINGS_EN)}))(?![\w])")
_COMPANY_ZH = re.compile(
    rf"([\u4e00-\u9fff（）()A-Za-z]{{2,22}}?(?:{'|'.join(COMPANY_ENDINGS_ZH)}))")
_ZH_BREAK = re.compile(r"^.*(?:有(?!限)|[是和与及的在由将对为、,，]|开工|签约|签署|项目|其中|此外|另外|据悉"
                       r"|(?:县|区|市|州|政府|管委会)(?:同|跟))")  # "镇安县同陕西某某有限公司签下": the county signed with
_BRAND = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, BRANDS), key=len, reverse=True)) + r")(?![a-z])")
_BRAND_ZH = re.compile("|".join(sorted(map(re.escape, BRANDS_ZH), key=len, reverse=True)))
# "据悉，中联重科还将投资3亿美元": the subject of an investing verb, after a clause break.
_SUBJECT_ZH = re.compile(r"(?:^|[，,。；;：:、\s]|据悉|此外|另外|其中)([\u4e00-\u9fff（）()A-Za-z]{2,12}?)"
                         r"(?:还|也|将|拟|计划|已|正式|宣布|再)*(?:投资|投入|追加投资)"
                         r"(?!区|园|额|总|项目|规模|协议|合同|环境|促进|贸易)")  # "泉州台商投资区": a zone, not "X invests"
# Subjects that are governments, zones or pronouns, not companies.
_NOT_COMPANY_ZH = re.compile(r"[市省区县镇总约共]$|政府|管委会|园区|开发区|新区|该|本|我|他|项目|双方|三方|企业$|计划|协议|合同")
_SUBJECT = re.compile(r"""
    (?:^|[,;:]\s+|\band\s+)
    ((?:[A-Z][\w&'’\-]*\s+){0,3}[A-Z][\w&'’\-]*)   # a capitalised name
    (?:\s+of\s+[A-Z][a-z]+)?                     # "Haldor Medtech of Norway"
    \s+(?:,[^,]{0,60},\s+)?                      # an optional apposition: ", the home appliance maker,"
    (?:is\s+investing|invest(?:s|ed)?|will\s+(?:invest|build|set\s+up|establish|construct|spend|put|pour|inject)|
       plans?\s+to|signed|inked|put\s+pen|is\s+also\s+putting|has\s+signed|agreed|spends?|pours?)
""", re.X)
# "... line by Suzhou Tongrun Microelectronics", "invested by Jiangsu Huikang", "with Singapore's Stellar Semiconductor"
_AGENT = re.compile(r"""\b(?:by|with)\s+(?:[A-Z][a-z]+['’]s\s+)?
    ((?:[A-Z][\w&'’\-]*\s+){1,4}?[A-Z][\w&'’\-]*)(?=\s*(?:[,.;:(]|$|\s+(?:to|in|on|for|and|which|that|will|at)\b))""", re.X)
_QUOTED = re.compile(r"[\"“]([^\"”]{4,90})[\"”]")
_PROJECT_EN = re.compile(
    rf"((?:(?:[A-Z0-9][\w&'’+\-]*|of|and|for|the|\+)\s+){{1,10}}(?:{'|'.join(PROJECT_NOUNS)}))\b")


# Speed (guard.py): skip at C speed the characters no match begins with; the same matches.
_COMPANY_EN, _BRAND, _SUBJECT, _AGENT, _PROJECT_EN = map(guarded, (_COMPANY_EN, _BRAND, _SUBJECT, _AGENT, _PROJECT_EN))
# Speed (needs.py): the words these cannot match without (a Chinese company ending, 投资/投入, by/with); a sentence
# holding none of them is not scanned
_COMPANY_ZH_NEEDS, _SUBJECT_ZH_NEEDS, _AGENT_NEEDS = map(needs, (_COMPANY_ZH, _SUBJECT_ZH, _AGENT))


def _clean_en(name: str) -> str:
    name = re.sub(r"^(?:[A-Z][\w'’]*-based|[A-Z][\w'’]*-headquartered)\s+", "", name.strip())  # "Shenzhen-based DJI"
    words = name.split()
    while words and words[0].lower().strip(",") in LEADING_WORDS:
        words.pop(0)
    return " ".join(words).strip(" ,")


def companies(text: str) -> list[Name]:
    return list(_companies(text))


@lru_cache(maxsize=4096)  # sentences are asked about again by several steps
def _companies(text: str) -> tuple[Name, ...]:
    """Company names in text order, longest first where they overlap.

    >>> [n.text for n in companies("It is reported that Interstellar (Beijing) Technology Co., Ltd. will invest.")]
    ['Interstellar (Beijing) Technology Co., Ltd.']
    >>> [n.text for n in companies("此外,北京奕斯伟科技有限公司也在本次开工项目之列")]
    ['北京奕斯伟科技有限公司']
    >>> [n.text for n in companies("Eswin is investing a total of 11 billion RMB in a plant.")]
    ['Eswin']
    """
    found: list[Name] = []

    def add(start: int, end: int, name: str) -> None:
        if len(name) < 2 or name.lower() in NOT_NAMES:
            return
        if any(n.start <= start and end <= n.end for n in found):
            return
        found[:] = [n for n in found if not (start <= n.start and n.end <= end)]
        found.append(Name(start, end, name))

    folded = fold(text)
    for m in _COMPANY_EN.finditer(text):
        name = _clean_en(m.group(1))
        if name and len(name.split()) >= 2 or (name and name.split()[0] not in COMPANY_ENDINGS_EN):
            start = m.start(1) + m.group(1).find(name)
            add(start, start + len(name), name)
    for m in _COMPANY_ZH.finditer(text) if _COMPANY_ZH_NEEDS.may_match(folded) else ():
        name = _ZH_BREAK.sub("", m.group(1))
        if len(name) >= 3:
            start = m.end(1) - len(name)
            add(start, m.end(1), name)
    for m in _BRAND.finditer(text):
        add(m.start(1), m.end(1), m.group(1))
    for m in _BRAND_ZH.finditer(text):
        add(m.start(), m.end(), m.group())
    for m in _SUBJECT_ZH.finditer(text) if _SUBJECT_ZH_NEEDS.may_match(folded) else ():
        name = re.sub(r"(集团|公司)[\u4e00-\u9fff]+$", r"\1", _ZH_BREAK.sub("", m.group(1)))  # "…集团未来几年" -> "…集团"
        if 2 <= len(name) and not _NOT_COMPANY_ZH.search(name):
            add(m.start(1) + m.group(1).find(name), m.start(1) + m.group(1).find(name) + len(name), name)
    for m in _AGENT.finditer(text) if _AGENT_NEEDS.may_match(folded) else ():
        name = _clean_en(m.group(1))
        if len(name.split()) >= 2 and name.split()[-1].lower() not in PLACE_OR_BODY_ENDINGS \
                and not re.search(r"\b(?:Government|University|Laboratory|Institute|Academy|Bureau|Committee)\b", name):
            add(m.start(1) + m.group(1).find(name), m.start(1) + m.group(1).find(name) + len(name), name)
    for m in _SUBJECT.finditer(text):
        name = _clean_en(m.group(1))
        if name.split() and name.split()[-1].lower() in PLACE_OR_BODY_ENDINGS:
            continue  # "Jiangbei New Area signed ...": a zone or government, not a company
        if name and name.lower() not in NOT_NAMES and not name.isupper() or name in BRANDS:
            start = m.start(1) + m.group(1).find(name)
            add(start, start + len(name), name)
    return tuple(sorted(found, key=lambda n: n.start))


def projects(text: str) -> list[Name]:
    """Project names: quoted names, then capitalised phrases ending in a project noun.

    >>> [n.text for n in projects('the "Weifang City-level Smart Digital Parking Project" participated')]
    ['Weifang City-level Smart Digital Parking Project']
    """
    found: list[Name] = []
    for m in _QUOTED.finditer(text):
        named = re.match(r"\s*[A-Z0-9\u4e00-\u9fff]", m.group(1))
        if named or re.search(rf"\b(?:{'|'.join(PROJECT_NOUNS)})\s*$", m.group(1)):  # not a phrase ("panoramic view")
            found.append(Name(m.start(1), m.end(1), m.group(1).strip()))
    for m in _PROJECT_EN.finditer(text):
        name = _clean_en(m.group(1))
        if len(name.split()) >= 2 and not any(n.start <= m.start(1) < n.end for n in found):
            start = m.start(1) + m.group(1).find(name)
            found.append(Name(start, start + len(name), name))
    return sorted(found, key=lambda n: n.start)
