"""The speed structures answer as the code they replace: word tries in patterns (fastscan.word_alternation)."""
import gc
import random
import re

import pytest

from conftest import ARTICLE_DIRS
from dashboard.articles import article_files, read_article
from dashboard.extract import lists, record_words, records  # noqa: F401  (their patterns are built)
from dashboard.extract.fastscan import word_alternation
from dashboard.extract.segments import sentences


@pytest.fixture(scope="module")
def texts():
    arts = [read_article(f) for f in article_files([str(d) for d in ARTICLE_DIRS if d.exists()]) if f.suffix != ".csv"]
    out = [a.text for a in arts] + [s.text for a in arts for s in sentences(a.text)]
    rng = random.Random(11)
    words = record_words.COUNT_WORD_PLAIN.split("|")
    for _ in range(300):  # number-word soup: prefixes of one another ("seven", "seventy", "seventy-seven"), case
        parts = []
        for _ in range(rng.randint(1, 12)):
            w = rng.choice(words)
            w = w.upper() if rng.random() < 0.1 else w.title() if rng.random() < 0.2 else w
            parts.append(w + rng.choice([" projects", " of them are", "-", "", " ", ", ", " new projects were", "个"]))
        out.append("Of these, " + "".join(parts) + ".")
    return out


def _found(pattern, text):
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_count_word_patterns_match_as_with_the_plain_alternation(texts):
    """Every compiled rule built with COUNT_WORD finds the same spans and groups as with the plain alternation."""
    built = {p for p in gc.get_objects() if isinstance(p, re.Pattern) and isinstance(p.pattern, str)
             and record_words.COUNT_WORD in p.pattern}
    assert len(built) >= 10
    for pattern in built:
        plain = re.compile(pattern.pattern.replace(record_words.COUNT_WORD, record_words.COUNT_WORD_PLAIN),
                           pattern.flags)
        for t in texts:
            assert _found(pattern, t) == _found(plain, t), (pattern.pattern[:80], t[:200])


def test_word_alternation_is_the_alternation_longest_first():
    """Random words that are prefixes of one another, in patterns that backtrack into the alternation."""
    rng = random.Random(3)
    for _ in range(200):
        words = list({"".join(rng.choice("ab-") for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 12))})
        words = [w for w in words if w.strip("-")] or ["a"]
        plain = "|".join(sorted(words, key=len, reverse=True))
        trie = word_alternation(words)
        for wrap in ("(?:{})", "(?i:{})", "(?:{})b", "(?:{})(?=-)", "x?(?:{})(?!a)", "(?P<w>{})\\b", "(?:{})(?:a|-b)?"):
            p, q = re.compile(wrap.format(plain)), re.compile(wrap.format(trie))
            for _ in range(20):
                text = "".join(rng.choice("abAB- x") for _ in range(rng.randint(0, 30)))
                assert _found(p, text) == _found(q, text), (words, wrap, text)


def test_word_alternation_takes_lower_case_ascii_words():
    with pytest.raises(ValueError):
        word_alternation(["Two"])
    with pytest.raises(ValueError):
        word_alternation(["两"])


@pytest.fixture(scope="module")
def articles():
    return [read_article(f) for f in article_files([str(d) for d in ARTICLE_DIRS if d.exists()]) if f.suffix != ".csv"]


def test_places_in_kept_verdicts_answer_as_judged_afresh(articles):
    """places_in keeps each mention's verdict (records.ArticleContext._verdict): spans asked in any order, with
    and without `context`, give what judging every mention again gives."""
    rng = random.Random(5)
    asked = 0
    for article in articles[::2]:
        ctx = records.ArticleContext(article)
        n = len(ctx.text)
        spans = [(s.start, s.end, c) for s in ctx.sentences for c in (False, True)] + [(0, n, False), (0, n, True)]
        spans += [(a, a + rng.randint(0, 3000), rng.random() < 0.5) for a in (rng.randint(0, n) for _ in range(20))]
        rng.shuffle(spans)
        kept = [ctx.places_in(a, b, context=c) for a, b, c in spans]
        for (a, b, c), got in zip(spans, kept):
            ctx._verdicts.clear()
            assert ctx.places_in(a, b, context=c) == got, (article.file_name, a, b, c)
            asked += 1
    assert asked > 5000


def _same_part_by_scan(opened, d):
    """_OpenBundles.same_part as it was: every earlier top-level bundle gathered and sorted for each ask."""
    here = [b for b in opened if b.sent.section == d.sent.section]
    top = [b for b in opened if b.parent is None]
    if not top or not records._breakdown_cue(d.sent.text):
        return here
    earlier = [b for b in top if b.sent.section < d.sent.section]
    if not earlier:
        return here
    order = {id(b): i for i, b in enumerate(opened)}
    return sorted({id(b): b for b in here + earlier}.values(), key=lambda b: order[id(b)])


def test_open_bundles_same_part_answers_as_the_scan():
    """Bundles in text order (sections rising) and out of it: the same bundles, in the same order."""
    from types import SimpleNamespace as NS

    rng = random.Random(8)
    cue = "按项目类别分,其中工业项目12个"
    assert records._breakdown_cue(cue)
    for trial in range(300):
        opened, index = [], records._OpenBundles()
        section = 0
        for _ in range(rng.randint(1, 40)):
            section = section + rng.choice([0, 0, 1, 2]) if trial % 3 else rng.randint(0, 6)  # a third out of order
            d = NS(sent=NS(section=section, text=rng.choice([cue, "签约项目12个"])),
                   parent=rng.choice([None, None, opened[-1]]) if opened else None)
            assert [id(b) for b in index.same_part(d)] == [id(b) for b in _same_part_by_scan(opened, d)]
            if rng.random() < 0.6:
                index.append(d)
                opened.append(d)


def test_company_spans_of_sentences_with_places_answer_in_company(articles):
    """Company names read only in the sentences where a place mention begins tell, for every mention, what the
    names of every sentence tell: whether a name holds it."""
    from dashboard.extract.names import companies

    checked = 0
    for article in articles:
        ctx = records.ArticleContext(article)
        place_spans = {(m.start, m.end) for m in ctx.places}
        every = [(s.start + n.start, s.start + n.end) for s in ctx.sentences for n in companies(s.text)
                 if (s.start + n.start, s.start + n.end) not in place_spans]
        for m in ctx.places:
            assert ctx._in_company(m) == any(a <= m.start and m.end <= b for a, b in every), (article.file_name, m)
            checked += 1
    assert checked > 3000


def test_status_statuses_from_each_cues_first_match(texts):
    """status._strong_and_weak stops each cue's scan at its first match that counts: the same statuses as
    every cue `_cues` finds."""
    from dashboard.extract import status

    for t in texts:
        found = [c for c in status._cues(t) if not status._LISTED_COMPANY.search(t[max(0, c[0] - 5):c[1] + 25])]
        want = (frozenset(st for _, _, st, s in found if s), frozenset(st for _, _, st, s in found if not s))
        assert status._strong_and_weak.__wrapped__(t) == want, t[:200]


def test_find_dates_screened_in_one_pass_or_word_by_word(texts, monkeypatch):
    """find_dates screens short texts with one Aho-Corasick pass, long ones word by word: the same dates."""
    from datetime import date

    from dashboard.extract import dates

    lines = [line for t in texts[:300] for line in t.split("\n")] + texts[:300]
    got = {limit: None for limit in (0, 10**9)}
    for limit in got:
        monkeypatch.setattr(dates, "_SCREEN_BELOW", limit)
        got[limit] = [dates.find_dates(t, ref=date(2021, 3, 2)) for t in lines]
    assert got[0] == got[10**9] and sum(map(len, got[0])) > 1000


def test_date_rules_in_windows_find_what_the_plain_scan_finds(texts):
    """windows.Windows: each date rule run only around its needed words finds what its finditer finds, on the
    shipped texts (every one, windows forced), one long file, texts with long runs of whitespace and splices."""
    from dashboard.extract import dates
    from dashboard.extract.fastscan import fold
    from dashboard.extract.windows import Runs

    rng = random.Random(12)
    pieces = [t[i:i + 50] for t in texts[:300] for i in range(0, len(t), 83)]
    extra = ["\n\n".join(texts[:400]), "May" + " " * 40 + "5, 2021 and  \t\n 3月 \n\n\n 5日" + "\u3000" * 200 + "2020年",
             "On " + " " * 9 + "June 3" + " " * 30 + "2019, " + "x" * 50 + " early   May",
             "at the end  - -  - of  March 2020, mid- - -February, late\n\n\nMay, the close of " + "-" * 60 + "2021"]
    extra += ["".join(rng.choice(pieces) + rng.choice(["", " ", "\n\n", " " * 12, "\t"]) for _ in range(30))
              for _ in range(100)]
    used = 0
    for t in texts[::2] + extra:
        runs, places = Runs(t), dates._RULE_ANCHORS.find(fold(t))
        for (pattern, _), windows, found in zip(dates._RULES, dates._RULE_WINDOWS, places):
            want = _found(pattern, t)
            for most in (None, 0.25):
                assert [(m.span(), m.groups()) for m in windows.finditer(t, runs, found, most)] == want, \
                    (pattern.pattern[:60], t[:100])
            used += windows.reach(runs) is not None and found is not None
    assert used > 10000


def test_anchors_are_the_words_places():
    """Anchors.find: every place of every word of each set (str.find's), in order."""
    from dashboard.extract.windows import Anchors

    sets = [("may", "march", "mar"), ("年",), ("q", "quarter"), ("the", "them")]
    text = "in march, the market may rise; them 2021年 q1 the quarter 年年"
    got = Anchors(sets).find(text)
    for words, places in zip(sets, got):
        if any(len(w) == 1 and w.isascii() for w in words):
            assert places is None
            continue
        want = sorted((i, i + len(w)) for w in words for i in range(len(text)) if text.startswith(w, i))
        assert places == want and want
