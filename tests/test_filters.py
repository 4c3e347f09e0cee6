"""Filters: URL parameters in and out, SQL fragments, captions — plain values, no server, no database."""
from __future__ import annotations

from datetime import date

import pytest

from dashboard.filters import Filters, Options, from_params

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
    ({"city": ["Atlantis"]}, "Ignored city 'Atlantis'"),
    ({"from": "2020-99-01"}, "not a date"),
    ({"from": "2022-01-01", "to": "2019-01-01"}, "'from' is after 'to'"),
    ({"nonsense": "1"}, "unknown URL parameter 'nonsense'"),
])
def test_bad_url_values_are_dropped_with_a_notice(params, notice):
    parsed = from_params(params, OPTIONS)
    assert parsed.filters == Filters()
    assert any(notice in n for n in parsed.notices)


def test_a_flood_of_bad_values_is_one_notice():
    parsed = from_params({"city": [f"X{i}" for i in range(800)]}, OPTIONS)
    assert len(parsed.notices) == 1 and "795 more" in parsed.notices[0]


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
