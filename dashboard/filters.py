"""The dashboard's URL state: every parameter a link can carry, parsed and written here.

`Filters` is what the figures count: it turns into SQL (`where()` gives a fragment and
its parameters, never values pasted into SQL), into URL query parameters and back, and
into a caption a person can read ("committed money; city is Chengdu or Harbin").
Its scope (committed money, plans and lists, or all) and its currency are part of it,
since they change every number. `View` is how a page shows them: the bar drilled into,
the table's sort and page, meeting mode. `from_params` reads both from a URL and
`url_params` writes both, in one fixed order, so the same state is always the same URL.
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

# What a record's status says about its money. Committed: a contract is signed, work has
# started or ended, or a company was founded with it. Plans and lists: a government's
# key-project list, an announcement of intent, an approval. A record with no status is
# in neither, and is counted only when the scope is "all".
COMMITTED = ("signed", "started", "completed", "founded")
PLANS = ("listed", "announced", "approved")
SCOPES = {"committed": COMMITTED, "plans": PLANS, "all": ()}
SCOPE_WORDS = {"committed": "committed money (signed, started, completed, founded)",
               "plans": "plans and lists (listed, announced, approved)", "all": "all records"}
DEFAULT_SCOPE = "committed"  # what a URL without `scope` shows: honest totals by default
CURRENCIES = ("CNY", "USD")
TECH_EXCLUDES = "Other"  # the "tech only" preset: every sector but this one


@dataclass(frozen=True)
class Filters:
    provinces: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    # "all" here, so that Filters() in code and tests is every record; a URL without
    # `scope` means DEFAULT_SCOPE (see from_params).
    scope: str = "all"
    tech: bool = False  # sector known and not "Other"
    currency: str = "CNY"  # the unit of every amount; not a condition (see query.base)
    # URL values of a list parameter that matched nothing ("?city=Nowhere"), as (param,
    # value) pairs: the view is then empty and says so, rather than showing everything.
    missing: tuple[tuple[str, str], ...] = ()

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
        statuses = SCOPES.get(self.scope, ())
        if statuses:
            parts.append(f"{prefix}status IN ({', '.join('?' * len(statuses))})")
            params.extend(statuses)
        if self.tech:
            parts.append(f"{prefix}sector <> ?")
            params.append(TECH_EXCLUDES)
        if self.missing:
            parts.append("FALSE")
        return (" AND ".join(parts) or "TRUE"), params

    def is_empty(self) -> bool:
        """No condition at all (the currency is no condition)."""
        return replace(self, currency="CNY") == Filters()

    def narrowed(self) -> bool:
        """Any condition besides the scope: what the sidebar's "Clear all filters" clears."""
        return replace(self, scope="all", currency="CNY") != Filters()

    def other_scopes(self) -> list[str]:
        """The scopes not shown, whose totals a page names beside its own in words.

        >>> Filters(scope="committed").other_scopes(), Filters().other_scopes()
        (['plans'], ['committed', 'plans'])
        """
        return ["plans"] if self.scope == "committed" else ["committed"] if self.scope == "plans" \
            else ["committed", "plans"]

    def caption(self) -> str:
        """What the view shows, in words.

        >>> Filters(cities=("Chengdu",), sectors=("Biotechnology",)).caption()
        'city is Chengdu; sector is Biotechnology'
        >>> Filters(date_from=date(2020, 1, 1)).caption()
        'from 2020-01-01'
        >>> Filters().caption()
        'all records'
        >>> Filters(scope="committed", tech=True, missing=(("city", "Nowhere"),)).caption()
        'committed money (signed, started, completed, founded); tech sectors only (not Other); city Nowhere matches no record'
        """
        parts = [] if self.scope == "all" else [SCOPE_WORDS[self.scope]]
        if self.tech:
            parts.append(f"tech sectors only (not {TECH_EXCLUDES})")
        for param, name in LIST_PARAMS.items():
            values = getattr(self, name)
            if values:
                parts.append(f"{param} is {' or '.join(values)}")
        if self.date_from:
            parts.append(f"from {self.date_from.isoformat()}")
        if self.date_to:
            parts.append(f"to {self.date_to.isoformat()}")
        for param, value in self.missing:
            parts.append(f"{param} {value} matches no record")
        if self.currency != "CNY":
            parts.append(f"amounts in {self.currency}")
        return "; ".join(parts) or "all records"

    def to_params(self) -> dict[str, list[str] | str]:
        """URL query parameters: lists repeat the name (?city=a&city=b), dates are YYYY-MM-DD.

        >>> Filters(cities=("Chengdu", "Harbin"), date_to=date(2022, 12, 31), scope="committed").to_params()
        {'city': ['Chengdu', 'Harbin'], 'to': '2022-12-31'}
        >>> Filters(tech=True, currency="USD").to_params()
        {'scope': 'all', 'tech': '1', 'currency': 'USD'}
        """
        out: dict[str, list[str] | str] = {}
        missing: dict[str, list[str]] = {}
        for param, value in self.missing:
            missing.setdefault(param, []).append(value)
        for param, name in LIST_PARAMS.items():
            if getattr(self, name) or param in missing:
                out[param] = [*getattr(self, name), *missing.get(param, [])]
        for param, name in DATE_PARAMS.items():
            if getattr(self, name):
                out[param] = getattr(self, name).isoformat()
        if self.scope != DEFAULT_SCOPE:
            out["scope"] = self.scope
        if self.tech:
            out["tech"] = "1"
        if self.currency != "CNY":
            out["currency"] = self.currency
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


# The dimensions a page can drill into (?show=city:Harbin): the bar or row clicked.
DRILL_DIMS = ("city", "sector", "subsector", "status", "investor", "month", "quarter", "year")
# The orders of the Deals table (?sort=), the first the default.
SORTS = {"contribution": "what each adds to the total", "amount": "amount", "date": "date, newest first",
         "city": "place, A to Z", "project": "project, A to Z"}
PERIODS = ("quarter", "month", "year")  # the time chart's step (?period=)
STACKS = ("status", "sector")  # what the time chart's bars are split by (?stack=)


@dataclass(frozen=True)
class View:
    """How the pages show the filtered records: nothing here changes a number."""
    show: str | None = None      # "dim:value", the bar or row drilled into
    sort: str = "contribution"   # the Deals table's order
    page: int = 1                # the Deals table's page
    period: str = "quarter"
    stack: str = "status"
    compare: tuple[str, ...] = ()  # cities side by side
    article: str | None = None   # the Article page's article id
    record: str | None = None    # the Review page's record id
    place: str | None = None     # the Map's place whose sources are listed (charts.point_keys)
    present: bool = False        # meeting mode: no sidebar, bigger text

    def drill(self) -> tuple[str, str] | None:
        """The drilled-into dimension and value, or None.

        >>> View(show="city:Xi'an").drill(), View().drill()
        (('city', "Xi'an"), None)
        """
        if not self.show or ":" not in self.show:
            return None
        dim, value = self.show.split(":", 1)
        return dim, value

    def to_params(self) -> dict[str, list[str] | str]:
        """
        >>> View(show="city:Harbin", page=2, present=True).to_params()
        {'show': 'city:Harbin', 'p': '2', 'present': '1'}
        """
        out: dict[str, list[str] | str] = {}
        if self.show:
            out["show"] = self.show
        if self.sort != "contribution":
            out["sort"] = self.sort
        if self.page != 1:
            out["p"] = str(self.page)
        if self.period != "quarter":
            out["period"] = self.period
        if self.stack != "status":
            out["stack"] = self.stack
        if self.compare:
            out["compare"] = list(self.compare)
        if self.article:
            out["article"] = self.article
        if self.record:
            out["record"] = self.record
        if self.place:
            out["place"] = self.place
        if self.present:
            out["present"] = "1"
        return out


# Every parameter a link can carry, in the order a URL is written.
PARAM_ORDER = (*LIST_PARAMS, *DATE_PARAMS, "scope", "tech", "currency", "show", "sort", "p", "period",
               "stack", "compare", "article", "record", "place", "present")


def url_params(f: "Filters", v: View | None = None) -> dict[str, list[str] | str]:
    """The whole state as URL parameters, always in the same order: the same view is the
    same URL, so writing it again changes nothing (and adds no browser history entry).

    >>> url_params(Filters(cities=("Harbin",), scope="committed"), View(show="sector:Biotechnology"))
    {'city': ['Harbin'], 'show': 'sector:Biotechnology'}
    """
    both = {**f.to_params(), **(v or View()).to_params()}
    return {k: both[k] for k in PARAM_ORDER if k in both}


def canonical(params: Mapping[str, Iterable[str] | str]) -> dict[str, tuple[str, ...]]:
    """Parameters in a comparable form: two URLs saying the same thing compare equal.

    >>> canonical({"city": ["b", "a"], "p": "2"}) == canonical({"p": ["2"], "city": ["a", "b"]})
    True
    """
    return {k: tuple(sorted([v] if isinstance(v, str) else list(v))) for k, v in params.items()}


@dataclass
class Parsed:
    filters: Filters
    view: View = field(default_factory=View)
    notices: list[str] = field(default_factory=list)


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _last(raw) -> str:
    return raw if isinstance(raw, str) else (list(raw) or [""])[-1]


def _choice(params, name: str, allowed, default, notices: list[str], what: str):
    """One value of a fixed set (case-insensitive), else the default with a notice."""
    if name not in params:
        return default
    text = _last(params[name]).strip()
    for a in allowed:
        if text.casefold() == str(a).casefold():
            return a
    notices.append(f"Ignored {name} '{text[:60]}': {what} ({', '.join(map(str, allowed))}).")
    return default


def _flag(params, name: str, notices: list[str]) -> bool:
    if name not in params:
        return False
    text = _last(params[name]).strip().casefold()
    if text in ("1", "true", "yes", "on", ""):
        return True
    if text not in ("0", "false", "no", "off"):
        notices.append(f"Ignored {name} '{text[:60]}': use {name}=1 or leave it out.")
    return False


def from_params(params: Mapping[str, Iterable[str] | str], options: Options) -> Parsed:
    """Read filters and view from URL query parameters, keeping only values that exist.

    Unknown values and malformed dates are dropped with a notice to show, never an error.
    A list parameter none of whose values exists keeps them in `missing`: such a link
    shows that nothing matches, not every record.

    >>> opts = Options(cities=("Chengdu", "Harbin"))
    >>> p = from_params({"city": ["harbin", "Atlantis"], "from": "2020-13-01", "x": "1"}, opts)
    >>> p.filters.cities, p.filters.date_from, p.filters.scope
    (('Harbin',), None, 'committed')
    >>> p.notices
    ["Ignored unknown URL parameter 'x'.", "Ignored city 'Atlantis': no records have it.", "Ignored from '2020-13-01': not a date (use YYYY-MM-DD)."]
    >>> from_params({"city": "Nowhere"}, opts).filters.missing
    (('city', 'Nowhere'),)
    """
    notices: list[str] = []
    values: dict = {}
    for param in params:
        if param not in PARAM_ORDER:
            notices.append(f"Ignored unknown URL parameter '{param[:60]}'.")
    missing: list[tuple[str, str]] = []
    for param, name in LIST_PARAMS.items():
        raw = params.get(param, [])
        raw = [raw] if isinstance(raw, str) else list(raw)
        allowed = {v.casefold(): v for v in getattr(options, name)}  # ?city=chengdu means Chengdu
        kept, unknown = [], []
        for v in raw:
            canonical_value = allowed.get(v.strip().casefold())
            if canonical_value is None:
                if v not in unknown:
                    unknown.append(v)
            elif canonical_value not in kept:
                kept.append(canonical_value)
        if unknown and not kept:  # the link asks for something there is none of: an empty view
            missing.extend((param, v[:60]) for v in unknown[:5])
        elif unknown:  # one notice per parameter, however long a pasted URL is
            shown = ", ".join(f"'{v[:60]}'" for v in unknown[:5])
            more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
            notices.append(f"Ignored {param} {shown}{more}: no records have {'it' if len(unknown) == 1 else 'them'}.")
        values[name] = tuple(kept)
    for param, name in DATE_PARAMS.items():
        raw = params.get(param)
        if raw is None:
            continue
        text = _last(raw)
        d = _parse_date(text)
        if d is None:
            notices.append(f"Ignored {param} '{text[:60]}': not a date (use YYYY-MM-DD).")
        values[name] = d
    values["scope"] = _choice(params, "scope", tuple(SCOPES), DEFAULT_SCOPE, notices, "use one of")
    values["tech"] = _flag(params, "tech", notices)
    values["currency"] = _choice(params, "currency", CURRENCIES, "CNY", notices, "use one of")
    filters = Filters(**values, missing=tuple(missing))
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        notices.append("Ignored the date range: 'from' is after 'to'.")
        filters = replace(filters, date_from=None, date_to=None)
    return Parsed(filters, _view(params, options, notices), notices)


def _view(params, options: Options, notices: list[str]) -> View:
    show = None
    if "show" in params:
        text = _last(params["show"]).strip()
        dim = text.split(":", 1)[0]
        if ":" in text and dim in DRILL_DIMS and text.split(":", 1)[1]:
            show = text
        else:
            notices.append(f"Ignored show '{text[:60]}': use show=DIMENSION:VALUE with a dimension among "
                           f"{', '.join(DRILL_DIMS)}.")
    page = 1
    if "p" in params:
        raw = _last(params["p"]).strip()
        # ASCII digits only: "²".isdigit() is True and int("²") raises.
        if raw.isascii() and raw.isdigit() and len(raw) <= 12:
            page = int(raw)  # out of range ("there is no page 0") is the page's to say, knowing how many
        else:
            notices.append(f"Ignored p '{raw[:60]}': not a page number.")
    raw_compare = params.get("compare", [])
    known = {c.casefold(): c for c in options.cities}
    asked = [raw_compare] if isinstance(raw_compare, str) else list(raw_compare)
    compare = tuple(dict.fromkeys(known[v.strip().casefold()] for v in asked if v.strip().casefold() in known))
    unknown = [v for v in asked if v.strip().casefold() not in known]
    if unknown:
        notices.append(f"Ignored compare {', '.join(repr(v[:60]) for v in unknown[:5])}: no records have "
                       f"{'it' if len(unknown) == 1 else 'them'}.")
    article = _last(params["article"]).strip()[:100] if "article" in params else None
    record = _last(params["record"]).strip()[:200] if "record" in params else None
    place = _last(params["place"]).strip()[:200] if "place" in params else None  # the Map checks it
    return View(show=show, sort=_choice(params, "sort", tuple(SORTS), "contribution", notices, "use one of"),
                page=page, period=_choice(params, "period", PERIODS, "quarter", notices, "use one of"),
                stack=_choice(params, "stack", STACKS, "status", notices, "use one of"),
                compare=compare, article=article or None, record=record or None, place=place or None, present=_flag(params, "present", notices))


FILTER_FIELDS = tuple(f.name for f in fields(Filters))
