"""Filters: URL parameters in and out, SQL fragments, captions — plain values, no server, no database."""
from __future__ import annotations

from datetime import date

import pytest

from dashboard.filters import DEFAULT_SCOPE, Filters, Options, View, canonical, from_params, url_params

OPTIONS = Options(provinces=("Sichuan",), cities=("Chengdu", "Harbin"), sectors=("Biotechnology",),
                  statuses=("signed",), kinds=("deal", "bundle"))


@pytest.mark.parametrize("filters", [
    Filters(),
    Filters(cities=("Chengdu", "Harbin"), sectors=("Biotechnology",)),
    Filters(kinds=("deal",), date_from=date(2020, 1, 1), date_to=date(2021, 12, 31)),
])
def test_url_round_trip(filters):
    assert from_params(filters.to_params(), OPTIONS).filters == filters


@pytest.mark.parametrize("params,notice", [
    ({"city": ["Atlantis", "Harbin"]}, "Ignored city 'Atlantis'"),
    ({"from": "2020-99-01"}, "not a date"),
    ({"from": "2022-01-01", "to": "2019-01-01"}, "'from' is after 'to'"),
    ({"nonsense": "1"}, "unknown URL parameter 'nonsense'"),
    ({"scope": "everything"}, "Ignored scope 'everything'"),
    ({"currency": "EUR"}, "Ignored currency 'EUR'"),
    ({"sort": "random()"}, "Ignored sort"),
    ({"p": "²"}, "Ignored p '²'"),
    ({"show": "nowhere"}, "Ignored show 'nowhere'"),
    ({"present": "maybe"}, "Ignored present 'maybe'"),
    ({"compare": ["Atlantis"]}, "Ignored compare 'Atlantis'"),
])
def test_bad_url_values_are_dropped_with_a_notice(params, notice):
    parsed = from_params(params, OPTIONS)
    assert parsed.filters.missing == () and parsed.filters.date_from is None
    assert parsed.filters.scope == DEFAULT_SCOPE and parsed.filters.currency == "CNY"
    assert parsed.view == View()
    assert any(notice in n for n in parsed.notices)


def test_a_link_that_matches_nothing_shows_nothing():
    """?city=Nowhere is not the national total: the values are kept, the view is empty."""
    parsed = from_params({"city": ["Nowhere"], "sector": "Biotechnology"}, OPTIONS)
    f = parsed.filters
    assert f.missing == (("city", "Nowhere"),) and f.cities == () and f.sectors == ("Biotechnology",)
    assert f.where()[0].endswith("FALSE")
    assert "city Nowhere matches no record" in f.caption()
    assert url_params(f)["city"] == ["Nowhere"]  # the URL still says what was asked


def test_a_flood_of_bad_values_is_one_notice():
    parsed = from_params({"city": [f"X{i}" for i in range(800)] + ["Harbin"]}, OPTIONS)
    assert len(parsed.notices) == 1 and "795 more" in parsed.notices[0]


def test_scope_committed_by_default_and_in_sql():
    assert from_params({}, OPTIONS).filters.scope == "committed"
    sql, params = Filters(scope="committed").where()
    assert sql == "status IN (?, ?, ?, ?)" and params == ["signed", "started", "completed", "founded"]
    assert Filters(scope="plans").where()[1] == ["listed", "announced", "approved"]
    assert Filters(scope="all").where() == ("TRUE", [])
    assert from_params({"scope": "ALL"}, OPTIONS).filters.scope == "all"


def test_tech_only_and_currency():
    f = from_params({"tech": "1", "currency": "usd"}, OPTIONS).filters
    assert f.tech and f.currency == "USD"
    assert f.where() == ("status IN (?, ?, ?, ?) AND sector <> ?", ["signed", "started", "completed", "founded",
                                                                    "Other"])
    assert "amounts in USD" in f.caption() and "tech sectors only" in f.caption()


@pytest.mark.parametrize("filters,view", [
    (Filters(scope="committed"), View()),
    (Filters(cities=("Harbin",), scope="plans", tech=True, currency="USD"),
     View(show="city:Harbin", sort="date", page=3, period="month", stack="sector", compare=("Chengdu", "Harbin"),
          article="abc", present=True)),
])
def test_whole_state_round_trip(filters, view):
    parsed = from_params(url_params(filters, view), OPTIONS)
    assert (parsed.filters, parsed.view, parsed.notices) == (filters, view, [])


def test_one_state_is_one_url():
    """The same state is written in the same order, so writing it again changes nothing."""
    a = url_params(Filters(cities=("Harbin", "Chengdu"), currency="USD"), View(show="city:Harbin", present=True))
    assert list(a) == ["city", "scope", "currency", "show", "present"]
    assert canonical(a) == canonical({"present": "1", "show": ["city:Harbin"], "currency": "USD", "scope": "all",
                                      "city": ["Chengdu", "Harbin"]})


def test_values_match_whatever_their_case_and_repeat_once():
    parsed = from_params({"city": ["chengdu", "CHENGDU", "Harbin"], "kind": ["deal", "deal"]}, OPTIONS)
    assert parsed.filters.cities == ("Chengdu", "Harbin") and parsed.filters.kinds == ("deal",)
    assert parsed.notices == []


def test_where_is_parameters_only():
    sql, params = Filters(cities=("x'); DROP TABLE records; --",)).where()
    assert "DROP" not in sql and params == ["x'); DROP TABLE records; --"]


def test_caption_says_what_is_shown():
    f = Filters(cities=("Chengdu", "Harbin"), date_from=date(2020, 1, 1))
    assert f.caption() == "city is Chengdu or Harbin; from 2020-01-01"
