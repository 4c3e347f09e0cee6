"""The dashboard's filters: one pure value shared by the URL, the sidebar and the query layer.

`Filters` turns into SQL (`where()` gives a fragment and its parameters, never
values pasted into SQL), into URL query parameters and back, and into a caption a
person can read ("city is Chengdu or Harbin; sector is Biotechnology").
No database and no Streamlit here, so all of it is tested with plain values.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Iterable, Mapping

# URL parameter name -> Filters field holding a set of values.
LIST_PARAMS = {"province": "provinces", "city": "cities", "sector": "sectors",
               "status": "statuses", "kind": "kinds"}
DATE_PARAMS = {"from": "date_from", "to": "date_to"}
# Filters field -> column of the filtered base query.
COLUMNS = {"provinces": "province", "cities": "city", "sectors": "sector",
           "statuses": "status", "kinds": "kind"}


@dataclass(frozen=True)
class Filters:
    provinces: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None

    def where(self, prefix: str = "") -> tuple[str, list]:
        """SQL condition (`TRUE` when nothing is chosen) and its parameters.

        Dates compare against `date_start`/`date_end`, the first and last day a
        record's date can mean ("2021-07" spans July), so a record is kept when
        its date overlaps the chosen range.

        >>> Filters(cities=("Chengdu", "Harbin"), date_from=date(2020, 1, 1)).where()
        ('city IN (?, ?) AND date_end >= ?', ['Chengdu', 'Harbin', datetime.date(2020, 1, 1)])
        >>> Filters().where()
        ('TRUE', [])
        """
        parts: list[str] = []
        params: list = []
        for name, column in COLUMNS.items():
            values = getattr(self, name)
            if values:
                parts.append(f"{prefix}{column} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        if self.date_from:
            parts.append(f"{prefix}date_end >= ?")
            params.append(self.date_from)
        if self.date_to:
            parts.append(f"{prefix}date_start <= ?")
            params.append(self.date_to)
        return (" AND ".join(parts) or "TRUE"), params

    def is_empty(self) -> bool:
        return self == Filters()

    def caption(self) -> str:
        """What the view shows, in words.

        >>> Filters(cities=("Chengdu",), sectors=("Biotechnology",)).caption()
        'city is Chengdu; sector is Biotechnology'
        >>> Filters(date_from=date(2020, 1, 1)).caption()
        'from 2020-01-01'
        >>> Filters().caption()
        'all records'
        """
        parts = []
        for param, name in LIST_PARAMS.items():
            values = getattr(self, name)
            if values:
                parts.append(f"{param} is {' or '.join(values)}")
        if self.date_from:
            parts.append(f"from {self.date_from.isoformat()}")
        if self.date_to:
            parts.append(f"to {self.date_to.isoformat()}")
        return "; ".join(parts) or "all records"

    def to_params(self) -> dict[str, list[str] | str]:
        """URL query parameters: lists repeat the name (?city=a&city=b), dates are YYYY-MM-DD.

        >>> Filters(cities=("Chengdu", "Harbin"), date_to=date(2022, 12, 31)).to_params()
        {'city': ['Chengdu', 'Harbin'], 'to': '2022-12-31'}
        """
        out: dict[str, list[str] | str] = {}
        for param, name in LIST_PARAMS.items():
            if getattr(self, name):
                out[param] = list(getattr(self, name))
        for param, name in DATE_PARAMS.items():
            if getattr(self, name):
                out[param] = getattr(self, name).isoformat()
        return out

    def without(self, param: str, value: str | None = None) -> "Filters":
        """The same filters less one value (or the whole parameter): the link that removes a filter."""
        name = LIST_PARAMS.get(param) or DATE_PARAMS[param]
        current = getattr(self, name)
        if value is None or not isinstance(current, tuple):
            return replace(self, **{name: () if isinstance(current, tuple) else None})
        return replace(self, **{name: tuple(v for v in current if v != value)})


@dataclass(frozen=True)
class Options:
    """The values that exist in the database, so URL values can be checked against them."""
    provinces: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    first_date: date | None = None
    last_date: date | None = None


@dataclass
class Parsed:
    filters: Filters
    notices: list[str] = field(default_factory=list)


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def from_params(params: Mapping[str, Iterable[str] | str], options: Options) -> Parsed:
    """Read filters from URL query parameters, keeping only values that exist.

    Unknown values and malformed dates are dropped with a notice to show, never an error.

    >>> opts = Options(cities=("Chengdu", "Harbin"))
    >>> p = from_params({"city": ["harbin", "Atlantis"], "from": "2020-13-01", "x": "1"}, opts)
    >>> p.filters.cities, p.filters.date_from
    (('Harbin',), None)
    >>> p.notices
    ["Ignored unknown URL parameter 'x'.", "Ignored city 'Atlantis': no records have it.", "Ignored from '2020-13-01': not a date (use YYYY-MM-DD)."]
    """
    notices: list[str] = []
    values: dict = {}
    known = {**LIST_PARAMS, **DATE_PARAMS}
    for param in params:
        if param not in known:
            notices.append(f"Ignored unknown URL parameter '{param}'.")
    for param, name in LIST_PARAMS.items():
        raw = params.get(param, [])
        raw = [raw] if isinstance(raw, str) else list(raw)
        allowed = {v.casefold(): v for v in getattr(options, name)}  # ?city=chengdu means Chengdu
        kept, unknown = [], []
        for v in raw:
            canonical = allowed.get(v.strip().casefold())
            if canonical is None:
                if v not in unknown:
                    unknown.append(v)
            elif canonical not in kept:
                kept.append(canonical)
        if unknown:  # one notice per parameter, however long a pasted URL is
            shown = ", ".join(f"'{v[:60]}'" for v in unknown[:5])
            more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
            notices.append(f"Ignored {param} {shown}{more}: no records have {'it' if len(unknown) == 1 else 'them'}.")
        values[name] = tuple(kept)
    for param, name in DATE_PARAMS.items():
        raw = params.get(param)
        if raw is None:
            continue
        text = raw if isinstance(raw, str) else (list(raw) or [""])[-1]
        d = _parse_date(text)
        if d is None:
            notices.append(f"Ignored {param} '{text}': not a date (use YYYY-MM-DD).")
        values[name] = d
    filters = Filters(**values)
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        notices.append("Ignored the date range: 'from' is after 'to'.")
        filters = replace(filters, date_from=None, date_to=None)
    return Parsed(filters, notices)


FILTER_FIELDS = tuple(f.name for f in fields(Filters))
