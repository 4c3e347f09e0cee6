"""Split an article's text into paragraphs, sections and sentences, keeping character offsets.

Offsets point into the article's clean text, so the article page can highlight
a record's evidence exactly where it stands.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    para: int        # index of the paragraph (a line of the article)
    section: int     # index of the section: a heading starts a new one
    heading: bool    # a heading line ("Aug 20 | Tencent to build ...", "30 projects signed in Xi'an")
    list_item: bool  # a numbered or bulleted line ("1. RMB 10 billion investment to ...")


# Words after which a full stop does not end an English sentence.
ABBREVIATIONS = {"co", "ltd", "inc", "corp", "no", "mr", "mrs", "ms", "dr", "st", "approx", "vs", "etc",
                 "e.g", "i.e", "u.s", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                 "oct", "nov", "dec", "gov", "dept", "govt", "bn", "mn", "est", "fig", "vol"}

# Company suffixes whose stop may also end a sentence, when a sentence's first word follows it.
COMPANY_SUFFIXES = {"co", "ltd", "inc", "corp"}
# Words a sentence begins with (a company suffix's stop before one ends the sentence, and a list: lists.LIST_END_EN).
SENTENCE_OPENERS = r"""The|This|These|Those|It|Its|They|Their|He|She|In|On|At|Also|Meanwhile|Besides|Other|All|Both
    |According|Among|Of|With|By|But|And|Then|There|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d+"""
_OPENER = re.compile(r"(?:" + SENTENCE_OPENERS + r")\b", re.X)
_END = re.compile(r"""
    [.!?]["'”’)]*\s+(?=["'“‘(]?[A-Z0-9\u4e00-\u9fff])   # English: punctuation, space, capital
  | (?<=[a-z]{2})[.!?;](?=[A-Z][a-z])                  # "a new journey.In the morning": a lost space
  | [。！？][”’」)]*                                    # Chinese: no space needed
""", re.X)
_LIST = re.compile(r"^\s*(?:\d{1,2}[.、)]|[(（]\d{1,2}[)）]|[•·\-*])\s*")
_DATED_HEADING = re.compile(r"^\s*[A-Za-z]{3,9}\.?\s+\d{1,2}\s*\|")
_CAPTION = re.compile(r"^\s*[(（][^()（）]{4,200}[)）]\s*$")
_FINAL = re.compile(r"[.!?。！？;；:：”\"]\s*$")


def _is_heading(line: str, next_line: str | None) -> bool:
    if _DATED_HEADING.match(line):
        return True
    if _CAPTION.match(line):
        return False  # "(Project signing site. Photo by …)": a photo's caption inside the story, no new section
    if _FINAL.search(line) or next_line is None:
        return False
    words = len(line.split())
    cjk = len(re.findall(r"[\u4e00-\u9fff]", line))
    return (words <= 20 and cjk == 0) or (0 < cjk <= 40 and words <= 6)


def _split(line: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _END.finditer(line):
        cut = m.end() if line[m.start()] in "。！？" else m.start() + 1
        if line[m.start()] == ".":
            word = re.search(r"([\w.]+)$", line[start:m.start()])
            if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS and not (
                    word.group(1).lower() in COMPANY_SUFFIXES and _OPENER.match(line, m.end())):
                continue  # (but "… Materials Co., LTD. Six cultural projects …": a company's name ends a sentence)
            if word and re.fullmatch(r"[A-Z]", word.group(1)):  # an initial: "J. Smith"
                continue
        while cut < len(line) and line[cut] in "\"'”’)」":
            cut += 1
        if line[start:cut].strip():
            spans.append((start, cut))
        start = cut
    if line[start:].strip():
        spans.append((start, len(line)))
    return spans


def sentences(text: str) -> list[Sentence]:
    """Every sentence of the text, in order, with paragraph and section indexes.

    >>> [s.text for s in sentences("Aug 6 | A heading\\nOn Aug. 6, Foo Co. signed. It costs RMB 1 bn.")]
    ['Aug 6 | A heading', 'On Aug. 6, Foo Co. signed.', 'It costs RMB 1 bn.']
    """
    out: list[Sentence] = []
    lines = []
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append((pos, raw))
        pos += len(raw) + 1
    section = 0
    for i, (offset, line) in enumerate(lines):
        nxt = lines[i + 1][1] if i + 1 < len(lines) else None
        heading = _is_heading(line.strip(), nxt)
        if heading and i:
            section += 1
        item = bool(_LIST.match(line))
        for s, e in _split(line):
            chunk = line[s:e]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            out.append(Sentence(offset + s + lead, offset + s + trail, chunk.strip(), i, section, heading, item))
    return out
