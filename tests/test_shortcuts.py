"""The extractor's quick tests (a test made before the work it saves) never change what it finds.

Each shortcut is switched off here (monkeypatched to let everything through) and the results with
and without it are compared: on every sentence and line of the shipped articles, and on tricky
texts (Chinese numerals, full-width digits, number words, figures right after their words).
"""
import re
from datetime import date

import pytest

from conftest import ARTICLE_DIRS
from dashboard.articles import article_files, read_article
from dashboard.extract import amounts, dates
from dashboard.extract.segments import sentences

_DIRS = ARTICLE_DIRS

TRICKY = [
    "总投资三十亿元", "投资三十亿", "过百亿的项目", "上亿元", "数十亿元", "100多亿", "4亿2800万元", "１２３亿元",
    "投资５０００万元", "２０２０年签约", "二〇二〇年三月", "one and a half billion yuan", "half a billion dollars",
    "a billion yuan", "twenty-five million US dollars", "invest 46.5 billion", "an investment of 5 million",
    "RMB 25.4 billion ($3.76 billion)", "more than RMB5bn", "up to ¥3.2bn", "add up to 83.8 billion yuan",
    "between 1 and 2 billion yuan", "10亿至20亿元", "10-20亿元", "超过1.5万亿元", "约  5 亿元", "近50亿元",
    "1亿人", "30万平方米", "In 2020 the 12 projects", "US$ 500 million", "HK$1.2 billion", "€30m",
    "the 28th of May 2019", "on May 5 in 2021年", "投资约RMB\n5亿", "1,500 million yuan", "478 000 000 yuan",
    "RMB", "", "5", "亿",
]


def _texts() -> list[str]:
    arts = [read_article(f) for f in article_files([str(d) for d in _DIRS if d.exists()]) if f.suffix != ".csv"]
    out = [s.text for a in arts for s in sentences(a.text)]
    out += [line for a in arts for line in a.text.split("\n")]
    return out + TRICKY


@pytest.fixture(scope="module")
def texts():
    found = _texts()
    assert len(found) > 1000
    return found


def _found(texts):
    return [[(m.text, m.value, m.currency, m.qualifier, m.start, m.end, m.each, m.currency_implied, m.high, m.alt)
             for m in amounts.find_amounts(t)] for t in texts]


def test_amount_shortcuts_find_the_same(texts, monkeypatch):
    fast = _found(texts)
    every = re.compile(r"[\s\S]")
    monkeypatch.setattr(amounts, "_CUR_BEFORE_LAST", every)
    monkeypatch.setattr(amounts, "_QUAL_BEFORE_LAST", every)
    monkeypatch.setattr(amounts, "_may_be_implied", lambda figure, chinese: True)
    monkeypatch.setattr(amounts, "_plain_number", lambda m: False)
    assert _found(texts) == fast
    assert sum(map(len, fast)) > 1000


def test_word_before_is_the_search(texts):
    """At every place a figure may start, the quick test gives what the look-back regex gives."""
    for t in texts:
        for start in amounts._START.finditer(t):
            i = start.start()
            lo = max(0, i - amounts._LOOK_BACK)
            for pattern, last in ((amounts._CUR_BEFORE_END, amounts._CUR_BEFORE_LAST),
                                  (amounts._QUAL_BEFORE_END, amounts._QUAL_BEFORE_LAST)):
                want = pattern.search(t, lo, i)
                got = amounts._word_before(pattern, last, t, lo, i)
                assert (got and got.span()) == (want and want.span()), (t, i)


@pytest.mark.parametrize("chinese", [True, False])
def test_too_small_to_be_implied(chinese):
    """Below its scale `_implied_yuan` is False whatever the words around, as `_may_be_implied` says."""
    text = "总投资 invest investment worth 5"
    for scale in (1, 10, 100, 1000, 10**4, 10**5, 10**6, 10**8, 10**9):
        figure = amounts._Figure(end=len(text), value=amounts.Decimal(5 * scale), scale=scale)
        if not amounts._may_be_implied(figure, chinese):
            assert not amounts._implied_yuan(text, len(text) - 1, figure, chinese)


def test_dates_without_a_reference_need_a_written_year(texts, monkeypatch):
    fast = [dates.find_dates(t) for t in texts]
    monkeypatch.setattr(dates, "_WRITTEN_YEAR", re.compile(""))
    assert [dates.find_dates(t) for t in texts] == fast
    assert sum(map(len, fast)) > 100
    # with a reference date the shortcut is not taken
    assert dates.find_dates("昨天签约", date(2021, 3, 2))[0].value == "2021-03-01"
