"""needs.py: a text a pattern is skipped on (it holds none of the words the pattern needs) has no match of it."""
import random
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import ARTICLE_DIRS
from dashboard.articles import article_files, read_article
from dashboard.extract import dates, needs, status
from dashboard.extract import lists, names, places, records, sectors  # noqa: F401  (their patterns register)
from dashboard.extract.fastscan import fold
from dashboard.extract.segments import sentences

_DIRS = ARTICLE_DIRS
TRICKY = [
    "2021年3月5日，昨天下午签约，计划2025年投产；On Aug. 6, 2020 and last week, the 28th of May, Q3 2021",
    "上个月 本周三 下周 今年 去年12月 二〇二一年三月 from July 29 to 30, on Wednesday, by the end of 2023",
    "PUT INTO OPERATION, İNKED, ınked, Signed, ſigned, SIGNED, \u212aEY PROJECTS LIST, ground-breaking",
    "Mid-March 2020, EARLY THIS MONTH, Q1 2020, the first half of 2021, two years ago, 3年前, 本周三上午",
    "", "a", "年", "2020",
]


@pytest.fixture(scope="module")
def texts():
    arts = [read_article(f) for f in article_files([str(d) for d in _DIRS if d.exists()]) if f.suffix != ".csv"]
    out = [a.text for a in arts] + [s.text for a in arts for s in sentences(a.text)]
    out += [line for a in arts for line in a.text.split("\n")]
    rng = random.Random(6)
    pieces = [t[i:i + 30] for t in out[:400] for i in range(0, len(t), 71)]
    out += ["".join(rng.choice(pieces) for _ in range(8)) for _ in range(300)]
    assert len(out) > 1000
    return out + TRICKY


def test_skipped_texts_have_no_match(texts):
    assert len(needs.NEEDED) >= 45
    folded = [fold(t) for t in texts]
    for pattern, need in needs.NEEDED:
        for t, f in zip(texts, folded):
            if not need.may_match(f):
                assert pattern.search(t) is None, (pattern.pattern, t)


def test_screen_is_may_match(texts):
    """One Aho-Corasick pass answers as each pattern's substring tests do (and a shared memo as without it)."""
    for group in ([n for _, n in needs.NEEDED], [n for _, n in needs.NEEDED[:11]], []):
        screen = needs.Screen(group)
        for t in texts:
            f = fold(t)
            want = [n.may_match(f) for n in group]
            assert screen.which(f) == want
            memo = {}
            assert [n.may_match(f, memo) for n in group] == want


def test_every_match_holds_its_needs(texts):
    """Stronger: the words are in the text from each match's start on (inside the match but for a lookahead's)."""
    seen = 0
    for pattern, need in needs.NEEDED:
        for t in texts:
            for m in pattern.finditer(t):
                if m.end() > m.start():
                    assert need.may_match(fold(t[m.start():])), (pattern.pattern, m.group())
                    seen += 1
    assert seen > 10000


def test_fold_covers_every_character_ignorecase_matches():
    """Any character `(?i)` matches with a character of a needed word folds to that word's character."""
    chars = sorted({c for _, need in needs.NEEDED for words in need.sets for w in words for c in w if c.isascii()})
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    for c in chars:
        for m in re.finditer("(?i:" + re.escape(c) + ")", every):
            assert fold(m.group()) == c, (c, m.group())


def test_needs_of_patterns():
    def sets(p, flags=0):
        return needs.needs(re.compile(p, flags)).sets

    assert sets(r"\b(?i:Put)\s+(?:in)?to\s+(?:operation|use)") == (("put",), ("operation", "use"), ("to",))
    assert sets(r"a?|b") == () and sets(r".*") == () and sets(r"[^x]y?") == ()
    assert sets(r"(?:x|y?)z") == (("z",),)                      # a branch that needs nothing needs nothing
    assert sets(r"(?:ab)+c*") == (("ab",),) and sets(r"(?:ab){0,3}c") == (("c",),)
    assert sets(r"[日号]") == (("号", "日"),) and sets(r"[\d]") == () and sets(r"[\w]") == ()
    assert sets(r"[a-c]") == (("a", "b", "c"),)
    assert sets(r"É", re.I) == () and sets(r"é") == (("é",),)   # a cased non-ASCII letter under (?i): unknown
    assert sets(r"(?i)ABC") == (("abc",),)
    assert sets(r"\d+ projects(?=.{0,9}(?:such as|:))") == ((" projects",), ("such as", ":"))
    assert sets(r"a(?!bc)(?<=xa)") == (("a",),)   # negative lookaheads and lookbehinds need nothing


def test_find_dates_and_status_as_without_the_needs(texts, monkeypatch):
    texts = texts[::3] + TRICKY  # (every text is checked above for what the skips rest on)
    refs = [date(2021, 3, 2), None]
    fast = [[dates.find_dates(t, ref=r, ref_year=2021) for r in refs] for t in texts]
    cues = [status._cues(t) for t in texts]
    monkeypatch.setattr(dates, "_RULE_NEEDS", [needs.Needs([])] * len(dates._RULES))
    monkeypatch.setattr(dates, "_RULE_SCREEN", needs.Screen([needs.Needs([])] * len(dates._RULES)))
    monkeypatch.setattr(status, "_CUE_SCREEN", needs.Screen([needs.Needs([])] * len(status._CUES)))
    assert [[dates.find_dates(t, ref=r, ref_year=2021) for r in refs] for t in texts] == fast
    assert [status._cues(t) for t in texts] == cues
    assert sum(len(x[0]) for x in fast) > 1000 and sum(map(len, cues)) > 1000


def test_lists_and_names_as_without_the_needs(texts, monkeypatch):
    from dashboard.extract.needs import Needs

    sents = [t for t in texts[::2] if len(t) < 2000]
    projects = [lists.named_projects(t, has_figure=h) for t in sents for h in (False, True)]
    found = [names._companies.__wrapped__(t) for t in sents]
    monkeypatch.setattr(lists, "_GROUP_NEEDS", Needs([]))
    monkeypatch.setattr(lists, "_NAMING_PATTERNS", [(p, Needs([])) for p, _ in lists._NAMING_PATTERNS])
    for attr in ("_COMPANY_ZH_NEEDS", "_SUBJECT_ZH_NEEDS", "_AGENT_NEEDS"):
        monkeypatch.setattr(names, attr, Needs([]))
    assert [lists.named_projects(t, has_figure=h) for t in sents for h in (False, True)] == projects
    assert [names._companies.__wrapped__(t) for t in sents] == found
    assert sum(map(len, projects)) > 100 and sum(map(len, found)) > 1000


def test_company_names_without_gongsi(texts):
    """Without 公司 the sectors' company pattern finds what its English branch alone finds."""
    seen = 0
    for t in texts + [t.replace("公司", "") for t in texts[:3000]]:
        if "公司" not in t:
            got = [m.span() for m in sectors._COMPANY_NAME_EN_RE.finditer(t)]
            assert got == [m.span() for m in sectors._COMPANY_NAME_RE.finditer(t)]
            seen += len(got)
    assert seen > 500


def test_raw_matches_and_grams_are_not_shared_for_writing():
    from dashboard.extract import figure_filter

    g = figure_filter._grams("Signed a deal 签约", "e:")
    g.add("x")
    assert "x" not in figure_filter._grams("Signed a deal 签约", "e:")
    assert isinstance(places._raw_matches("Hefei and Wuhu"), tuple)


def test_simplified_by_character_as_before(texts):
    """simplified's character-by-character conversion (when a phrase would change the length) gives what
    converting every character on its own gave before."""
    from dashboard.extract import script

    convert = script._converter().convert
    traditional = "瀋陽簽約項目26個，總投資497.52億元。22個重大專案集中開工，軟體、網路、資訊"
    candidates = [t for t in texts if not t.isascii()] + ["\n".join(texts[:800]) + traditional, traditional]
    changed = 0
    for t in candidates:
        want = "".join(c if len(s := convert(c)) != 1 else s for c in t)
        if len(convert(t)) != len(t):
            changed += 1
            assert script.simplified(t) == want
        else:
            assert script.simplified(t) == convert(t)
    assert changed >= 1


def test_simplified_leaves_ascii_alone(texts):
    """simplified returns an ASCII text as it is: every key of the tw2sp dictionaries holds a non-ASCII character."""
    import json
    import subprocess

    import opencc

    from dashboard.extract import script

    convert = script._converter().convert
    for t in texts:
        if t.isascii():
            assert convert(t) == t and script.simplified(t) == t
    clib = Path(opencc.__file__).parent / "clib"
    tool, share = clib / "bin" / "opencc_dict", clib / "share" / "opencc"
    if not tool.exists():
        pytest.skip("opencc_dict not shipped")
    config = json.loads((share / "tw2sp.json").read_text())

    def files(node):
        if isinstance(node, dict):
            if node.get("type") == "ocd2":
                yield node["file"]
            for v in node.values():
                yield from files(v)
        elif isinstance(node, list):
            for v in node:
                yield from files(v)

    names = set(files(config))
    assert len(names) >= 5
    for name in names:
        out = subprocess.run([str(tool), "-i", str(share / name), "-o", "/dev/stdout", "-f", "ocd2", "-t", "text"],
                             capture_output=True, check=True).stdout.decode("utf-8")
        keys = [line.split("\t")[0] for line in out.splitlines() if line]
        assert keys and not any(k.isascii() for k in keys), name


def test_latin_characters_are_the_pattern():
    every = [chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000]
    assert [c for c in every if c in places._LATIN_CHARS] == [c for c in every if places._LATIN_WORD.match(c)]
