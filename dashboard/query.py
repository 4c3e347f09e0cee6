"""Every read of the app: parameterised SQL over one filtered base, returned as DataFrames.

Datasette's way: `Filters.where()` gives a condition and its parameters, the
base is `SELECT * FROM ledger WHERE <condition>`, and each figure, count and
list wraps that same base, so they always agree. Values reach DuckDB only as
parameters; the only names put into SQL text are the dimensions of
`DIMENSIONS`, a fixed whitelist. Aggregation happens in DuckDB; a total is
always SUM(contribution) (see the `ledger` view in schema.sql).
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, replace
from datetime import datetime

import duckdb
import pandas as pd

from dashboard.extract import fx
from dashboard.filters import COMMITTED, PLANS, SCOPES, TECH_EXCLUDES, Filters, Options

# The dimensions a figure can be cut by, and the SQL label of each (macros of schema.sql). A
# record with no value still has a label, so the bars of a chart add up to the total; the
# label is also what a click on a bar passes back as `value`.
DIMENSIONS = {
    "city": "label_city(city, province)",
    "province": "label_province(province)",
    "sector": "label_sector(sector)",
    "park": "label_park(park)",
    "status": "label_status(status)",
    "kind": "kind",
    # the time labels are stored on the ledger (schema.sql: the macros label_year,
    # label_quarter and label_month of each record's dates), so a time chart groups by a column
    "year": "year_label",
    "subsector": "label_subsector(subsector)",
    # A record dated only by its year (or quarter) cannot go in one month: it gets its
    # own bar at the start of its year, "2021 (no month)".
    "month": "month_label",
    "quarter": "quarter_label",
}
# Dimensions whose bars are in time order rather than biggest first.
TIME_DIMS = ("year", "month", "quarter")
# A record can name several investors: `investor` narrows to the records that name one.
LIST_DIMENSIONS = {"investor": "investors"}
# The orders of `records` (filters.SORTS names them), each ending in the record id so a
# page of the table is always the same rows.
ORDERS = {
    "contribution": "contribution DESC, amount_cny DESC NULLS LAST, date_start DESC NULLS LAST, record_id",
    "amount": "amount_cny DESC NULLS LAST, contribution DESC, record_id",
    "date": "date_start DESC NULLS LAST, contribution DESC, record_id",
    "city": "city NULLS LAST, province NULLS LAST, contribution DESC, record_id",
    "project": "project NULLS LAST, contribution DESC, record_id",
}
# The dimensions the unfiltered rollup `ledger_by` keeps (schema.sql).
BY_DIMENSIONS = ("city", "province", "sector", "park", "status", "kind", "year")
# The (dimension, split) pairs of stacked bars the pages draw, which the unfiltered rollup
# `ledger_split` keeps (schema.sql; tests/test_rollup.py checks that it holds exactly these).
SPLITS = frozenset({("city", "status"), ("sector", "status"), ("year", "status"), ("quarter", "status"),
                    ("month", "status"), ("year", "sector"), ("quarter", "sector"), ("month", "sector"),
                    ("subsector", "sector"), ("city", "sector")})
# The dimensions the rollup `ledger_cube` keeps: a view filtered and cut only by these (no
# park, no year; dates only in whole years, from `ledger_cube_years`) is answered from the
# cube, any other from the ledger.
CUBE_DIMENSIONS = ("city", "province", "sector", "status", "kind")
# Whether to read the rollups that ingest writes (schema.sql) where they give the ledger's
# numbers; False reads the ledger for everything (tests compare the two).
USE_ROLLUPS = True

RECORD_COLUMNS = (
    "record_id", "article_id", "kind", "project", "investors", "partners", "city", "province",
    "district", "park", "sector", "subsector", "amount", "currency", "amount_cny", "qualifier",
    "date", "status", "part_of", "n_projects", "counts_in_totals", "contribution", "n_sources",
    "flags", "evidence")
ARTICLE_COLUMNS = ("title", "published", "file_name", "url", "publisher")
# Extra columns of records(), after those agreed: why a record adds what it adds.
MORE_RECORD_COLUMNS = ("repeat_of", "corrected", "not_a_deal", "date_start", "date_end")


class UnknownDimension(ValueError):
    """A dimension name that is not in DIMENSIONS."""


def _label(dim: str) -> str:
    try:
        return DIMENSIONS[dim]
    except KeyError:
        raise UnknownDimension(f"unknown dimension {dim!r}; use one of {', '.join(DIMENSIONS)}") from None


def _where(f: Filters, dim: str | None = None, value: str | None = None) -> tuple[str, list]:
    """The condition of `f` on the ledger, narrowed to one bar of a chart when `dim` is given."""
    where, params = f.where()
    if dim in LIST_DIMENSIONS:
        where = f"{where} AND list_contains({LIST_DIMENSIONS[dim]}, ?)"
        params = [*params, value]
    elif dim is not None:
        where = f"{where} AND {_label(dim)} = ?"
        params = [*params, value]
    return where, params


@dataclass(frozen=True)
class Labels:
    """The numbers of a database's labels and places (schema.sql: label_index, place_index),
    read once per snapshot (`store.Snapshot.memo`): a filter on values becomes a list of numbers
    in the SQL (a constant filter on the narrow ledger's scan, where a subquery on the index
    cost a join and its planning, ~0.3 ms a statement), and a chart's numbers are named here
    (a join to label_index per dimension cost ~0.4 ms). Numbers follow label order within a
    dimension, so ordering by number is ordering by label."""
    names: dict[str, dict[int, str]]     # dim -> label_no -> label
    numbers: dict[str, dict[str, int]]   # dim -> label -> label_no, every label
    named: dict[str, dict[str, int]]     # the same, only labels that are values ("(no city)" is not)
    places: dict[str, dict[str, tuple[int, ...]]]  # "province"/"city" -> name -> its place_nos

    @classmethod
    def read(cls, con) -> "Labels":
        """One statement (one round trip to a hosted database): the labels, then the places."""
        names: dict = {}
        numbers: dict = {}
        named: dict = {}
        places: dict = {"province": {}, "city": {}}
        rows = con.execute("""
            SELECT dim, label, named, label_no, NULL AS city FROM label_index
            UNION ALL
            SELECT NULL, province, NULL, place_no, city FROM place_index""").fetchall()
        for dim, label, is_named, no, city in rows:
            if dim is None:  # a place: label is its province
                for column, name in (("province", label), ("city", city)):
                    if name is not None:
                        places[column][name] = (*places[column].get(name, ()), no)
                continue
            names.setdefault(dim, {})[no] = label
            numbers.setdefault(dim, {})[label] = no
            if is_named:
                named.setdefault(dim, {})[label] = no
        return cls(names, numbers, named, places)

    def name(self, dim: str, numbers) -> list:
        """The labels of `dim` numbers (a column of a result)."""
        names = self.names.get(dim, {})
        return [names.get(n) for n in numbers]


def _labels(con) -> Labels:
    """The database's `Labels`: kept by a snapshot, read afresh from any other connection (a
    read-write one, or a hosted database's, which can change under it: one more statement)."""
    memo = getattr(con, "memo", None)
    return memo("labels", Labels.read) if callable(memo) else Labels.read(con)


def _investor_names(con) -> dict[int, str]:
    """investor_no -> name (schema.sql: investor_index, numbered in name order), read once per
    snapshot like `Labels`: the investors chart names its top bars here instead of joining
    every group to the index (~0.6 ms of 2-3 for one to three cities)."""
    def read(c) -> dict[int, str]:
        return dict(c.execute("SELECT investor_no, name FROM investor_index").fetchall())
    memo = getattr(con, "memo", None)
    return memo("investors", read) if callable(memo) else read(con)


def _in(column: str, numbers, scan: bool = True) -> tuple[str, list]:
    """The condition that `column` is one of some numbers, FALSE when there are none. One number
    is an equality, which DuckDB filters the scan by; several are a list joined to the scan (a
    semi join, whose keys DuckDB also pushes into the scan), as `IN (?, ?, …)` of constants
    became an OR evaluated on every row of the row groups read (three cities' map: 3.2 ms
    against 2.3 ms). Not `scan` (a condition of an aggregate's FILTER, evaluated on each row
    anyway), a list of constants.

    >>> _in("place_no", [4, 2, 4]), _in("place_no", [7]), _in("place_no", [])
    (('place_no IN (SELECT unnest(?::INTEGER[]))', [[2, 4]]), ('place_no = ?', [7]), ('FALSE', []))
    """
    numbers = sorted(set(numbers))
    if not scan and numbers:
        return f"{column} IN ({', '.join('?' * len(numbers))})", numbers
    if len(numbers) > 1:
        return f"{column} IN (SELECT unnest(?::INTEGER[]))", [numbers]
    return (f"{column} = ?", numbers) if numbers else ("FALSE", [])


def _place_numbers(labels: Labels, column: str, values) -> list[int]:
    return [n for v in values for n in labels.places[column].get(v, ())]


def _ledger_where(f: Filters, dim: str | None = None, value: str | None = None,
                  labels: Labels | None = None) -> tuple[str, list]:
    """`_where` for the ledger (and `ledger_head`): with cities, also their place numbers, which
    the ledger is sorted by, so the scan skips the row groups of other places (schema.sql's
    place_index; the city names alone skip nothing). The same records either way. With
    `labels`, the numbers are constants of the statement; without, a subquery.

    >>> _ledger_where(Filters(cities=("Chengdu",)))
    ('city IN (?) AND place_no IN (SELECT place_no FROM place_index WHERE city IN (?))', ['Chengdu', 'Chengdu'])
    """
    where, params = _where(f, dim, value)
    if USE_ROLLUPS and f.cities:
        if labels is not None:
            places, numbers = _in("place_no", _place_numbers(labels, "city", f.cities))
            return f"{where} AND {places}", [*params, *numbers]
        where = f"{where} AND place_no IN (SELECT place_no FROM place_index WHERE city IN ({', '.join('?' * len(f.cities))}))"
        params = [*params, *f.cities]
    return where, params


def base(f: Filters, dim: str | None = None, value: str | None = None) -> tuple[str, list]:
    """The filtered base every query wraps: SQL and its parameters.

    `dim`/`value` narrow it to one bar of a chart (value is the bar's label). In a
    currency other than yuan, `contribution` and `amount_cny` come out converted at each
    record's year rate (see `rates`), with the rate and its year as `fx_rate`, `fx_year`,
    so every figure wrapping the base is in that currency.

    >>> base(Filters(provinces=("Sichuan",)), "year", "2020")
    ('SELECT * FROM ledger WHERE province IN (?) AND year_label = ?', ['Sichuan', '2020'])
    >>> base(Filters(), "investor", "Tesla")
    ('SELECT * FROM ledger WHERE TRUE AND list_contains(investors, ?)', ['Tesla'])
    """
    where, params = _ledger_where(f, dim, value)
    if f.currency == "CNY":
        return f"SELECT * FROM ledger WHERE {where}", params
    r = rates(f.currency)
    return (f"""SELECT l.* REPLACE (l.contribution / x.rate AS contribution, l.amount_cny / x.rate AS amount_cny),
               x.rate AS fx_rate, x.yr AS fx_year
        FROM ledger l JOIN (SELECT unnest(?::INTEGER[]) AS yr, unnest(?::DOUBLE[]) AS rate) x
          ON x.yr = least(greatest(coalesce(year(l.date_start), ?), ?), ?)
        WHERE {where}""", [list(r), list(r.values()), fx.latest_full_year(), min(r), max(r), *params])


def rates(currency: str) -> dict[int, float]:
    """Yuan per unit of `currency` by year, over the years of the bundled ECB history: the
    rates the extractor converts with (`fx.yearly_rate`), so converting back is exact. A
    record's year outside them takes the nearest; a record without a date the latest full
    year, as the extractor does."""
    return _rates(currency.upper())


@functools.cache
def _rates(currency: str) -> dict[int, float]:
    first, last = fx._bounds(currency) or fx._bounds("USD")
    return {y: fx.yearly_rate(currency, y) for y in range(first.year, last.year + 1)}


def _whole_years(f: Filters) -> bool:
    """Whether `f`'s dates, if any, run from a 1 January to a 31 December: the dates the
    cube by years (`ledger_cube_years`) answers exactly."""
    return ((f.date_from is None or (f.date_from.month, f.date_from.day) == (1, 1))
            and (f.date_to is None or (f.date_to.month, f.date_to.day) == (12, 31)))


def _on_cube(f: Filters, dim: str | None = None) -> bool:
    """Whether the rollup cube answers `f` (cut by `dim`) with the ledger's numbers: amounts
    in yuan (the cube has no years to convert at), dates none or whole years, and only the
    cube's dimensions (a scope is a condition on status, "tech only" one on sector)."""
    return (USE_ROLLUPS and f.currency == "CNY" and _whole_years(f)
            and (dim is None or dim in CUBE_DIMENSIONS))


def _cube_first(f: Filters, dim: str | None = None) -> bool:
    """Whether to read the cube rather than the narrow ledger: where the cube answers (see
    `_on_cube`) and there are no dates. With dates, even whole years, the cube by years holds
    about a cell per record (an article's records fall in different cells), and unnesting its
    article lists cost more than the narrow ledger's scan of the same records (sector + whole
    years: totals by place 11.3 -> 8.9 ms p50 at 1 M records)."""
    return _on_cube(f, dim) and f.date_from is None and f.date_to is None


def _cube_counts(f: Filters, dim: str | None = None) -> bool:
    """Whether to count a view's articles from the cube (`_cube_first`) rather than the narrow
    ledger: not when it names cities. The cube's article lists hold about an entry per record
    (a synthetic article's eight records fall in eight cells), so counting articles there
    unnests as many numbers as the narrow ledger reads records, after a scan of every cell;
    a city is one place number, a short run of `figures_by_place`, read through its row
    group's zonemaps. (One city at 1 M records, processor time: totals by place 2.6 -> 1.4 ms,
    headline 2.2 -> 1.5, count of articles 1.0 -> 0.6; three cities 1.3-1.5x. Sums alone, the
    record counts and scope totals, stay on the cube: a cell per many records.)"""
    return _cube_first(f, dim) and not f.cities


def _unfiltered(f: Filters, dim: str | None = None, point: tuple | None = None) -> bool:
    """Whether this is the whole, unfiltered view in yuan, which ingest writes rollups for."""
    return USE_ROLLUPS and f.is_empty() and f.currency == "CNY" and dim is None and point is None


def cube(f: Filters, dim: str | None = None, value: str | None = None) -> tuple[str, list]:
    """The cells of the cube that make up `f`'s view (see `_on_cube` for when they do): of
    `ledger_cube`, or of `ledger_cube_years` (more cells) when `f` has dates."""
    if not _on_cube(f, dim):
        raise ValueError(f"the cube has no {dim} and only whole years of dates; read the ledger (base)")
    where, params = _where(f, dim, value)
    table = "ledger_cube" if f.date_from is None and f.date_to is None else "ledger_cube_years"
    return f"SELECT * FROM {table} WHERE {where}", params


# What a filter of Filters is on the narrow ledger (schema.sql: figures_live), where each
# dimension is a label number: places by place_index, values by the label_index's labels
# that are values (`Labels.named`), so the records kept are those Filters.where() keeps on the
# ledger. The numbers are constants of the statement (`Labels`, read once per snapshot).


def _figures(con, f: Filters, dim: str | None = None, value: str | None = None,
             point: tuple | None = None) -> tuple[str, str, list] | None:
    """The narrow ledger's table for `f` and the condition on it that keeps the records
    `base(f, dim, value)` (or `point_base`) keeps: (table, condition, parameters); None when
    the figures cannot answer (amounts not in yuan; the rollups switched off).

    A view with places reads `figures_by_place`, any other `figures_by_sector`: each is sorted
    so that its filters skip the row groups of other places or sectors.
    """
    if not USE_ROLLUPS or f.currency != "CNY":
        return None
    labels = _labels(con)
    parts: list[str] = []
    params: list = []

    def keep(condition: tuple[str, list]) -> None:
        parts.append(condition[0])
        params.extend(condition[1])

    for column, values in (("province", f.provinces), ("city", f.cities)):
        if values:
            keep(_in("place_no", _place_numbers(labels, column, values)))
    statuses = SCOPES.get(f.scope, ())
    for d, values in (("sector", f.sectors), ("status", f.statuses), ("kind", f.kinds), ("status", statuses)):
        if values:
            named = labels.named.get(d, {})
            keep(_in(f"{d}_no", [named[v] for v in values if v in named]))
    if f.date_from:
        keep(("date_end >= ?", [f.date_from]))
    if f.date_to:
        keep(("date_start <= ?", [f.date_to]))
    if f.tech:
        keep(_in("sector_no", [n for label, n in labels.named.get("sector", {}).items() if label != TECH_EXCLUDES]))
    if f.missing:
        parts.append("FALSE")
    if dim in LIST_DIMENSIONS:
        keep(("list_contains(investor_nos, (SELECT investor_no FROM investor_index WHERE name = ?))", [value]))
    elif dim is not None:
        _label(dim)  # a known dimension, or UnknownDimension
        number = labels.numbers.get(dim, {}).get(value) if value is not None else None
        keep((f"{dim}_no = ?", [number]) if number is not None else ("FALSE", []))
    if point is not None:
        name, kind, lat, lon = point
        keep(("point_no IN (SELECT point_no FROM spot_points WHERE name = ? AND kind = ? AND lat = ? AND lon = ?)",
              [name, kind, float(lat), float(lon)]))
    table = "figures_by_place" if f.provinces or f.cities else "figures_by_sector"
    return table, " AND ".join(parts) or "TRUE", params


def _df(con, sql: str, params: list) -> pd.DataFrame:
    return con.execute(sql, params).df()


def _one(con, sql: str, params: list | None = None) -> tuple | None:
    """The first row of a query, or None. Reads the whole result: DuckDB 2 keeps a
    half-read result open and then refuses other work on the connection."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0] if rows else None


def _lists(df: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """List columns as plain Python lists (DuckDB gives numpy arrays)."""
    for c in columns:
        if c in df:
            df[c] = [list(v) if v is not None else [] for v in df[c]]
    return df


# How many articles: exact, as a bitstring with one bit per article (`article_no` runs
# from 1 to the number of articles), which costs about what a sum does, where
# count(DISTINCT article_id) costs five to ten times more. Its bound is the schema's macro
# article_bound(), which store.derive writes with the ledger: a constant, so no query has to
# read it first (it was one more round trip per figure).
ARTICLES = "coalesce(bit_count(bitstring_agg({col}, 1, article_bound())), 0)"
# The same for many groups at once (investors, pairs of dimensions): a bitstring per group
# costs a bit per article in each, so there an exact count of distinct integers is cheaper.
ARTICLES_MANY = "count(DISTINCT {col})"


# --- figures -------------------------------------------------------------------------------

def options(con) -> Options:
    """The values that exist, for the sidebar and for checking URL parameters."""
    row = _one(con, """
        SELECT list_sort(list(DISTINCT province) FILTER (province IS NOT NULL)),
               list_sort(list(DISTINCT city) FILTER (city IS NOT NULL)),
               list_sort(list(DISTINCT sector) FILTER (sector IS NOT NULL)),
               list_sort(list(DISTINCT status) FILTER (status IS NOT NULL)),
               list_sort(list(DISTINCT kind) FILTER (kind IS NOT NULL)),
               min(date_start), max(date_end)
        FROM records_fixed""")
    lists = [tuple(v or ()) for v in row[:5]]
    return Options(*lists, first_date=row[5], last_date=row[6])


HEADLINE = ("total_cny", "records", "deals", "bundles", "events", "cities", "articles", "undisclosed", "repeats")


def headline(con, f: Filters) -> dict:
    """The numbers above the charts: total, and counts of what it is made of."""
    narrow = None if _cube_counts(f) else _figures(con, f)
    if narrow is None and _on_cube(f):
        sql, params = cube(f)
        # with no filter, every article that has records
        articles = "(SELECT count(*) FROM article_index WHERE records > 0)" if _unfiltered(f) else \
            f"(SELECT {ARTICLES.format(col='a')} FROM (SELECT unnest(article_nos) AS a FROM cells))"
        row = _one(con, f"""
            WITH cells AS ({sql})
            SELECT coalesce(sum(total_cny), 0), CAST(coalesce(sum(records), 0) AS BIGINT),
                   CAST(coalesce(sum(deals), 0) AS BIGINT), CAST(coalesce(sum(bundles), 0) AS BIGINT),
                   CAST(coalesce(sum(events), 0) AS BIGINT), count(DISTINCT city), {articles},
                   CAST(coalesce(sum(undisclosed), 0) AS BIGINT), CAST(coalesce(sum(repeats), 0) AS BIGINT)
            FROM cells""", params)
    elif narrow is not None:
        table, where, params = narrow
        row = _one(con, f"""
            SELECT coalesce(sum(contribution), 0), count(*), count(*) FILTER (deal), count(*) FILTER (bundle),
                   count(*) FILTER (event), count(DISTINCT city_no) FILTER (has_city),
                   {ARTICLES.format(col="article_no")}, count(*) FILTER (undisclosed), count(*) FILTER (repeat)
            FROM {table} WHERE {where}""", params)
    else:
        sql, params = base(f)
        row = _one(con, f"""
            SELECT coalesce(sum(contribution), 0)               AS total_cny,
                   count(*)                                     AS records,
                   count(*) FILTER (kind = 'deal' AND repeat_of IS NULL)   AS deals,
                   count(*) FILTER (kind = 'bundle' AND repeat_of IS NULL) AS bundles,
                   count(*) FILTER (kind = 'event' AND repeat_of IS NULL)  AS events,
                   count(DISTINCT city)                         AS cities,
                   {ARTICLES.format(col="article_no")}          AS articles,
                   count(*) FILTER (kind <> 'event' AND amount_cny IS NULL AND repeat_of IS NULL) AS undisclosed,
                   count(*) FILTER (repeat_of IS NOT NULL)      AS repeats
            FROM ({sql})""", params)
    out = dict(zip(HEADLINE, row))
    out["total_cny"] = float(out["total_cny"])
    return out


def totals_by(con, f: Filters, dim: str, limit: int | None = None) -> pd.DataFrame:
    """Total, records and articles per value of `dim`, biggest first (years in time order).

    With `limit`, at most that many rows: ask for one more than you show to know
    whether there are more.
    """
    label = _label(dim)
    order = "label" if dim in TIME_DIMS else "total_cny DESC, records DESC, label"
    limit_sql, limit_params = ("LIMIT ?", [limit]) if limit is not None else ("", [])
    if _unfiltered(f) and dim in BY_DIMENSIONS:  # written by ingest
        return _df(con, f"""
            SELECT label, total_cny, records, articles FROM ledger_by WHERE dim = ?
            ORDER BY {order} {limit_sql}""", [dim, *limit_params])
    narrow = None if _cube_counts(f, dim) else _figures(con, f)
    if narrow is not None:  # by label number (in label order), named here
        table, where, params = narrow
        df = _df(con, f"""
            SELECT {dim}_no AS label, coalesce(sum(contribution), 0) AS total_cny, count(*) AS records,
                   {ARTICLES.format(col="article_no")} AS articles
            FROM {table} WHERE {where} GROUP BY label
            ORDER BY {order} {limit_sql}""", [*params, *limit_params])
        df["label"] = _labels(con).name(dim, df["label"])
        return df
    if _on_cube(f, dim):
        sql, params = cube(f)
        return _df(con, f"""
            WITH cells AS (SELECT {label} AS label, total_cny, records, article_nos FROM ({sql})),
            sums AS (SELECT label, coalesce(sum(total_cny), 0) AS total_cny,
                            CAST(sum(records) AS BIGINT) AS records
                     FROM cells GROUP BY label),
            arts AS (SELECT label, {ARTICLES.format(col="a")} AS articles
                     FROM (SELECT label, unnest(article_nos) AS a FROM cells) GROUP BY label)
            SELECT label, total_cny, records, CAST(coalesce(articles, 0) AS BIGINT) AS articles
            FROM sums LEFT JOIN arts USING (label)
            ORDER BY {order} {limit_sql}""", [*params, *limit_params])
    sql, params = base(f)
    return _df(con, f"""
        SELECT {label} AS label, coalesce(sum(contribution), 0) AS total_cny,
               count(*) AS records, {ARTICLES.format(col="article_no")} AS articles
        FROM ({sql})
        GROUP BY label ORDER BY {order} {limit_sql}""", [*params, *limit_params])


def count_lower_bounds(con, f: Filters) -> int:
    """How many records that add to the total give only a lower bound ("more than
    1.5 trillion", qualifier at_least): when any do, the total is itself a lower bound."""
    narrow = None if _cube_first(f) else _figures(con, f)
    if narrow is not None:
        table, where, params = narrow
        return _one(con, f"SELECT count(*) FROM {table} WHERE {where} AND lower_bound", params)[0]
    if _on_cube(f):
        sql, params = cube(f)
        return int(_one(con, f"SELECT coalesce(sum(lower_bounds), 0) FROM ({sql})", params)[0])
    sql, params = base(f)
    return _one(con, f"SELECT count(*) FROM ({sql}) WHERE qualifier = 'at_least' AND contribution > 0",
                params)[0]


def scope_totals(con, f: Filters) -> dict:
    """The view's total in each scope, whatever scope `f` shows, so a page can say the
    others beside its own: {"committed", "plans", "other"} (other: no status) in `f`'s currency."""
    every = replace(f, scope="all")
    narrow = None if _cube_first(every) else _figures(con, every)
    if narrow is not None:  # the scopes as lists of status numbers
        table, where, params = narrow
        named = _labels(con).named.get("status", {})
        c, c_params = _in("status_no", [named[s] for s in COMMITTED if s in named], scan=False)
        p, p_params = _in("status_no", [named[s] for s in PLANS if s in named], scan=False)
        row = _one(con, f"""
            SELECT coalesce(sum(contribution) FILTER ({c}), 0), coalesce(sum(contribution) FILTER ({p}), 0),
                   coalesce(sum(contribution) FILTER (status_no IS NULL OR NOT ({c}) AND NOT ({p})), 0),
                   count(*) FILTER ({c}), count(*) FILTER ({p})
            FROM {table} WHERE {where}""", [*c_params, *p_params, *c_params, *p_params, *c_params, *p_params, *params])
        return {"committed": float(row[0]), "plans": float(row[1]), "other": float(row[2]),
                "committed_records": row[3], "plans_records": row[4]}
    if _on_cube(every):  # the cube's cells, by status among others, hold the same sums and counts
        sql, params = cube(every)
    else:  # the view's sums by status first: a few rows to sort into scopes, not every record
        sql, params = base(every)
        sql = (f"SELECT status, coalesce(sum(contribution), 0) AS total_cny, count(*) AS records "
               f"FROM ({sql}) GROUP BY status")
    c, p = ", ".join("?" * len(COMMITTED)), ", ".join("?" * len(PLANS))
    row = _one(con, f"""
        SELECT coalesce(sum(total_cny) FILTER (status IN ({c})), 0),
               coalesce(sum(total_cny) FILTER (status IN ({p})), 0),
               coalesce(sum(total_cny) FILTER (status IS NULL OR status NOT IN ({c}) AND status NOT IN ({p})), 0),
               CAST(coalesce(sum(records) FILTER (status IN ({c})), 0) AS BIGINT),
               CAST(coalesce(sum(records) FILTER (status IN ({p})), 0) AS BIGINT)
        FROM ({sql})""", [*COMMITTED, *PLANS, *COMMITTED, *PLANS, *COMMITTED, *PLANS, *params])
    return {"committed": float(row[0]), "plans": float(row[1]), "other": float(row[2]),
            "committed_records": row[3], "plans_records": row[4]}


def totals_split(con, f: Filters, dim: str, split: str, limit: int | None = None) -> pd.DataFrame:
    """Totals per (value of `dim`, value of `split`): the stacked bars. `limit` keeps the
    `dim` values with the biggest totals (all of them for time dimensions, in time order).

    Read from `ledger_split` for the unfiltered view (the pairs the pages stack), from the
    cube when it answers both dimensions and the filter, else from the ledger."""
    label, part = _label(dim), _label(split)
    top = limit is not None and dim not in TIME_DIMS
    keep = ("WHERE label IN (SELECT label FROM parts GROUP BY label "
            "ORDER BY sum(total_cny) DESC, label LIMIT ?)") if top else ""
    narrow = None if _cube_counts(f, dim) and split in CUBE_DIMENSIONS else _figures(con, f)
    numbered = False  # whether label and part come out as label numbers, to be named
    if _unfiltered(f) and (dim, split) in SPLITS:  # written by ingest
        parts, params = ("SELECT label, part, total_cny, records, articles FROM ledger_split "
                         "WHERE dim = ? AND split = ?"), [dim, split]
    elif narrow is not None:  # by label numbers (in label order: sorting them sorts the labels)
        table, where, params = narrow
        numbered = True
        parts = f"""
            SELECT {dim}_no AS label, {split}_no AS part, coalesce(sum(contribution), 0) AS total_cny,
                   count(*) AS records, {ARTICLES_MANY.format(col="article_no")} AS articles
            FROM {table} WHERE {where} GROUP BY label, part"""
    elif _on_cube(f, dim) and split in CUBE_DIMENSIONS:
        sql, params = cube(f)
        parts = f"""
            WITH cells AS (SELECT {label} AS label, {part} AS part, total_cny, records, article_nos FROM ({sql})),
            sums AS (SELECT label, part, coalesce(sum(total_cny), 0) AS total_cny,
                            CAST(sum(records) AS BIGINT) AS records
                     FROM cells GROUP BY label, part),
            arts AS (SELECT label, part, {ARTICLES_MANY.format(col="a")} AS articles
                     FROM (SELECT label, part, unnest(article_nos) AS a FROM cells) GROUP BY label, part)
            SELECT label, part, total_cny, records, CAST(coalesce(articles, 0) AS BIGINT) AS articles
            FROM sums LEFT JOIN arts USING (label, part)"""
    else:
        sql, params = base(f)
        parts = f"""
            SELECT {label} AS label, {part} AS part, coalesce(sum(contribution), 0) AS total_cny,
                   count(*) AS records, {ARTICLES_MANY.format(col="article_no")} AS articles
            FROM ({sql}) GROUP BY label, part"""
    # In the order the bars are drawn, sorted by DuckDB: time in order, else the biggest bar
    # (its parts summed) first; within a bar, the biggest part first. (Sorting the few hundred
    # rows in pandas afterwards cost 1.5-4.5 ms a chart, more than the query.)
    order = ("label, total_cny DESC, part" if dim in TIME_DIMS
             else "sum(total_cny) OVER (PARTITION BY label) DESC, label, total_cny DESC, part")
    df = _df(con, f"WITH parts AS ({parts}) SELECT * FROM parts {keep} ORDER BY {order}",
             [*params, *([limit] if top else [])])
    if numbered:
        labels = _labels(con)
        df["label"], df["part"] = labels.name(dim, df["label"]), labels.name(split, df["part"])
    return df


def top_investors(con, f: Filters, limit: int = 15) -> pd.DataFrame:
    """Investors by the money of the records that name them, biggest first (`limit` + 1
    rows asked, to know whether there are more). A record with two investors counts in
    full under each, so the bars add up to more than the total."""
    if _unfiltered(f):  # written by ingest
        return _df(con, """
            SELECT label, total_cny, records, articles FROM investors_by
            ORDER BY total_cny DESC, records DESC, label LIMIT ?""", [limit + 1])
    narrow = _figures(con, f)
    if narrow is not None:  # grouped by investor number (in name order); only the top ones are named
        table, where, params = narrow
        names = _investor_names(con)
        blank = [n for n, name in names.items() if name == ""]
        df = _df(con, f"""
            SELECT investor_no AS label, coalesce(sum(contribution), 0) AS total_cny, count(*) AS records,
                   {ARTICLES_MANY.format(col="article_no")} AS articles
            FROM (SELECT unnest(investor_nos) AS investor_no, contribution, article_no
                  FROM {table} WHERE {where})
            WHERE {"investor_no <> ?" if blank else "TRUE"}
            GROUP BY label ORDER BY total_cny DESC, records DESC, label LIMIT ?""", [*params, *blank[:1], limit + 1])
        df["label"] = [names[n] for n in df["label"]]
        return df
    sql, params = base(f)
    return _df(con, f"""
        SELECT investor AS label, coalesce(sum(contribution), 0) AS total_cny, count(*) AS records,
               {ARTICLES_MANY.format(col="article_no")} AS articles
        FROM (SELECT unnest(investors) AS investor, contribution, article_no FROM ({sql}))
        WHERE investor IS NOT NULL AND investor <> ''
        GROUP BY investor ORDER BY total_cny DESC, records DESC, label LIMIT ?""", [*params, limit + 1])


def rates_used(con, f: Filters, dim: str | None = None) -> pd.DataFrame:
    """The conversion rates behind the figures of a view not in yuan: per bar (`label`;
    None without `dim`), each rate's year and yuan per unit. Empty in yuan."""
    if f.currency == "CNY":
        return pd.DataFrame(columns=["label", "fx_year", "fx_rate"])
    sql, params = base(f)
    label = "NULL" if dim is None else (f"unnest({LIST_DIMENSIONS[dim]})" if dim in LIST_DIMENSIONS
                                        else _label(dim))
    return _df(con, f"""
        SELECT DISTINCT label, fx_year, fx_rate FROM (
            SELECT {label} AS label, fx_year, fx_rate FROM ({sql}) WHERE contribution <> 0)
        ORDER BY label, fx_year""", params)


def count_qualifiers(con, f: Filters) -> dict:
    """How many records adding to the view's total have a qualified amount, by qualifier
    ("at_least", "approx", "up_to"): the total is then at least, or about, what it says."""
    sql, params = base(f)
    rows = con.execute(f"""SELECT qualifier, count(*) FROM ({sql})
                           WHERE qualifier IS NOT NULL AND contribution <> 0 GROUP BY qualifier""", params).fetchall()
    return dict(rows)


def count_undated(con, f: Filters) -> int:
    """How many records of `f`'s view, but for its dates, have no date and so are dropped
    by its date filter (a record without a date cannot overlap a range); 0 with no date filter."""
    if f.date_from is None and f.date_to is None:
        return 0
    sql, params = base(replace(f, date_from=None, date_to=None))
    return _one(con, f"SELECT count(*) FROM ({sql}) WHERE date_start IS NULL OR date_end IS NULL", params)[0]


def total(con, f: Filters, dim: str | None = None, value: str | None = None) -> float:
    """What the records of a view (or of one bar) add to totals."""
    narrow = _figures(con, f, dim, value)
    if narrow is not None:
        table, where, params = narrow
        return float(_one(con, f"SELECT coalesce(sum(contribution), 0) FROM {table} WHERE {where}", params)[0])
    sql, params = base(f, dim, value)
    return float(_one(con, f"SELECT coalesce(sum(contribution), 0) FROM ({sql})", params)[0])


def count_records(con, f: Filters, dim: str | None = None, value: str | None = None) -> int:
    narrow = None if _cube_first(f, dim) else _figures(con, f, dim, value)
    if narrow is not None:
        table, where, params = narrow
        return _one(con, f"SELECT count(*) FROM {table} WHERE {where}", params)[0]
    if _on_cube(f, dim):
        sql, params = cube(f, dim, value)
        return int(_one(con, f"SELECT coalesce(sum(records), 0) FROM ({sql})", params)[0])
    sql, params = base(f, dim, value)
    return _one(con, f"SELECT count(*) FROM ({sql})", params)[0]


_RECORD_SELECT = ", ".join(f"r.{c}" for c in (*RECORD_COLUMNS, *MORE_RECORD_COLUMNS))
_PAGE_COLUMNS = (*RECORD_COLUMNS, *MORE_RECORD_COLUMNS, "title", "published", "file_name", "url", "publisher")


def _page_ids(con, where: str, params: list, limit: int, offset: int = 0,
              source: str = "ledger") -> list[int]:
    """The rank_no's of one page of a view, from the ledger or from `ledger_head` (ids
    first: one narrow column is read, not the wide rows)."""
    rows = con.execute(f"SELECT rank_no FROM {source} WHERE {where} ORDER BY rank_no LIMIT ? OFFSET ?",
                       [*params, limit, offset]).fetchall()
    return [r[0] for r in rows]


def _fetch_records(con, where: str, params: list, ids: list[int], source: str = "ledger") -> pd.DataFrame:
    """The records of `ids` (rank_no's, in list order) with their article (the ledger carries
    its columns; a record whose article is missing is left out), in `records`' form, read from
    `source` under the view's own filter, so that place filters skip the file's other places."""
    df = _df(con, f"""
        SELECT {", ".join(_PAGE_COLUMNS)} FROM {source}
        WHERE {where} AND rank_no BETWEEN ? AND ? AND rank_no IN (SELECT unnest(?::INTEGER[]))
              AND article_no IS NOT NULL
        ORDER BY rank_no""", [*params, min(ids, default=0), max(ids, default=0), ids])
    return _lists(df, "investors", "partners", "flags")


def _head_page(con, where: str, params: list, limit: int, offset: int) -> pd.DataFrame | None:
    """One page of a view in list order from `ledger_head` (the first records of the whole
    list, whole and in order), or None when the head does not hold the whole page. The head is
    the list's beginning, so a full page there is the view's page."""
    if not USE_ROLLUPS:
        return None
    ids = _page_ids(con, where, params, limit, offset, source="ledger_head")
    if len(ids) < limit or not ids:
        return None
    return _fetch_records(con, where, params, ids, source="ledger_head")


def records(con, f: Filters, dim: str | None = None, value: str | None = None,
            limit: int = 500, offset: int = 0, sort: str = "contribution") -> pd.DataFrame:
    """One page of the records behind a figure, with their article: biggest contribution
    first, or in another order of ORDERS.

    In list order and in yuan, ids first: the page's rank_no's come from a scan of one narrow
    column, and only then are the page's rows read (`_fetch_records`), from `ledger_head`
    when the head holds the whole page, else from the ledger.
    """
    if sort not in ORDERS:
        raise ValueError(f"unknown order {sort!r}; use one of {', '.join(ORDERS)}")
    narrow = _figures(con, f, dim, value) if sort == "contribution" else None
    if narrow is not None:  # ids first; the rows from the head when it holds the page, else the ledger
        where, params = _ledger_where(f, dim, value, _labels(con))
        if _unfiltered(f, dim):  # rank_no numbers the whole list from 1: the page is its numbers
            page = _fetch_records(con, where, params, list(range(offset + 1, offset + limit + 1)),
                                  source="ledger_head")
            if len(page) == limit:
                return page
        else:
            page = _head_page(con, where, params, limit, offset)
            if page is not None:
                return page
        table, fwhere, fparams = narrow
        return _fetch_records(con, where, params, _page_ids(con, fwhere, fparams, limit, offset, source=table))
    if sort == "contribution" and f.currency == "CNY":
        where, params = _ledger_where(f, dim, value, _labels(con))
        page = _head_page(con, where, params, limit, offset)
        if page is not None:
            return page
        return _fetch_records(con, where, params, _page_ids(con, where, params, limit, offset))
    sql, params = base(f, dim, value)
    cols = ", ".join(f"r.{c}" for c in (*RECORD_COLUMNS, *MORE_RECORD_COLUMNS))
    order = ORDERS[sort]
    df = _df(con, f"""
        WITH page AS (SELECT * FROM ({sql}) ORDER BY {order} LIMIT ? OFFSET ?)
        SELECT {cols}, a.title, a.published, a.file_name, a.url, a.publisher
        FROM page r JOIN articles a USING (article_id)
        ORDER BY {", ".join("r." + o for o in order.split(", "))}""", [*params, limit, offset])
    return _lists(df, "investors", "partners", "flags")


def _scope(f: Filters, dim: str | None, value: str | None, point: tuple | None) -> tuple[str, list]:
    if point is not None:
        if dim is not None:
            raise ValueError("give a dimension or a map point, not both")
        return point_base(f, point)
    return base(f, dim, value)


def _per_article(con, f: Filters, dim: str | None, value: str | None, point: tuple | None) -> tuple[str, list]:
    """Records and total per article_no of a scope (the view, one bar, or one map point)."""
    if point is not None and dim is not None:
        raise ValueError("give a dimension or a map point, not both")
    narrow = _figures(con, f, dim, value, point)
    if narrow is not None:
        table, where, params = narrow
        return (f"SELECT article_no, count(*) AS records, coalesce(sum(contribution), 0) AS total_cny "
                f"FROM {table} WHERE {where} GROUP BY article_no"), params
    sql, params = _scope(f, dim, value, point)
    return (f"SELECT article_no, count(*) AS records, coalesce(sum(contribution), 0) AS total_cny "
            f"FROM ({sql}) GROUP BY article_no"), params


_ARTICLE_SELECT = "a.article_id, a.title, a.publisher, a.published, a.file_name, a.url"


def sources(con, f: Filters, dim: str | None = None, value: str | None = None,
            limit: int | None = 1000, point: tuple | None = None) -> pd.DataFrame:
    """The articles behind a figure (the whole filtered view, one bar, or one map point
    of `map_points`), biggest first; `count_sources` says how many there are in all.

    Ranked by numbers alone (total, then article_no, which is newest first), and only the
    page of articles is joined to their titles.
    """
    limit_sql, limit_params = ("LIMIT ?", [limit]) if limit is not None else ("", [])
    if _unfiltered(f, dim, point):  # every article's records: written by ingest
        per_article, params = "SELECT article_no, records, total_cny FROM article_index WHERE records > 0", []
    else:
        per_article, params = _per_article(con, f, dim, value, point)
    return _df(con, f"""
        WITH page AS (SELECT * FROM ({per_article}) ORDER BY total_cny DESC, article_no {limit_sql})
        SELECT {_ARTICLE_SELECT}, s.records, s.total_cny
        FROM page s JOIN article_index a USING (article_no)
        ORDER BY s.total_cny DESC, s.article_no""", [*params, *limit_params])


def count_sources(con, f: Filters, dim: str | None = None, value: str | None = None,
                  point: tuple | None = None) -> int:
    """How many articles `sources` has for the same arguments, without its limit."""
    if _unfiltered(f, dim, point):
        return _one(con, "SELECT count(*) FROM article_index WHERE records > 0")[0]
    if point is None and _cube_counts(f, dim):
        sql, params = cube(f, dim, value)
        return _one(con, f"SELECT {ARTICLES.format(col='a')} FROM (SELECT unnest(article_nos) AS a FROM ({sql}))",
                    params)[0]
    if point is not None and dim is not None:
        raise ValueError("give a dimension or a map point, not both")
    narrow = _figures(con, f, dim, value, point)
    if narrow is not None:
        table, where, params = narrow
        return _one(con, f"SELECT {ARTICLES.format(col='article_no')} FROM {table} WHERE {where}", params)[0]
    sql, params = _scope(f, dim, value, point)
    return _one(con, f"SELECT {ARTICLES.format(col='article_no')} FROM ({sql})", params)[0]


# The map's points (schema.sql's point_index, written by ingest): one row per point_no with
# its name, kind, place and coordinates, and the unfiltered view's totals there.
_POINT_COLUMNS = "p.name, p.kind, p.city, p.province, p.lat, p.lon"


def map_points(con, f: Filters) -> pd.DataFrame:
    """Totals per point on the map: a record's park when the gazetteer places it, else its city.

    Records whose park and city are both unknown to the gazetteer are not on the map.
    A point is (name, kind, lat, lon); `point_base` gives the records of one.
    """
    if _unfiltered(f):  # written by ingest
        return _df(con, f"""
            SELECT {_POINT_COLUMNS}, p.total_cny, p.records, p.articles FROM point_index p
            WHERE p.records > 0 ORDER BY p.total_cny DESC, p.records DESC, p.name""", [])
    narrow = _figures(con, f)
    if narrow is not None:
        table, where, params = narrow
        sql = f"SELECT * FROM {table} WHERE {where}"
    else:
        sql, params = base(f)
    return _df(con, f"""
        WITH per_point AS (
            SELECT point_no, coalesce(sum(contribution), 0) AS total_cny, count(*) AS records,
                   {ARTICLES.format(col="article_no")} AS articles
            FROM ({sql}) WHERE point_no IS NOT NULL GROUP BY point_no)
        SELECT {_POINT_COLUMNS}, s.total_cny, s.records, s.articles
        FROM per_point s JOIN point_index p USING (point_no)
        ORDER BY s.total_cny DESC, s.records DESC, p.name""", params)


def _unmapped_where(f: Filters, labels: Labels | None = None) -> tuple[str, list]:
    """The filtered records `map_points` leaves out: no park or city the gazetteer places
    (province-wide, or no known place)."""
    where, params = _ledger_where(f, labels=labels)
    return f"point_no IS NULL AND {where}", params


def unmapped(con, f: Filters) -> dict:
    """Total and number of the filtered records that are not on the map, so the map can
    say what it leaves out: {"total_cny": float, "records": int}."""
    if f.currency == "CNY":  # the ledger's row groups without such records are skipped by their statistics
        where, params = _unmapped_where(f, _labels(con))
        sql = f"SELECT coalesce(sum(contribution), 0), count(*) FROM ledger WHERE {where}"
    else:
        sql, params = base(f)
        sql = f"SELECT coalesce(sum(contribution), 0), count(*) FROM ({sql}) WHERE point_no IS NULL"
    total, n = _one(con, sql, params)
    return {"total_cny": float(total), "records": n}


def unmapped_records(con, f: Filters, limit: int = 200) -> pd.DataFrame:
    """The records `unmapped` counts, biggest contribution first, in `records`' form."""
    where, params = _unmapped_where(f, _labels(con))
    if f.currency == "CNY":
        return _fetch_records(con, where, params, _page_ids(con, where, params, limit))
    sql, params = base(f)
    df = _df(con, f"""
        SELECT {_RECORD_SELECT}, a.title, a.published, a.file_name, a.url, a.publisher
        FROM ({sql}) r JOIN article_index a USING (article_no) WHERE r.point_no IS NULL
        ORDER BY {", ".join("r." + o for o in ORDERS["contribution"].split(", "))} LIMIT ?""", [*params, limit])
    return _lists(df, "investors", "partners", "flags")


def needs_review(con, f: Filters, flag: str, limit: int = 200) -> pd.DataFrame:
    """The filtered records carrying `flag` (e.g. "implausible_amount": kept out of totals
    until a person looks), in `records`' form, largest amount first."""
    sql, params = base(f)
    cols = ", ".join(f"r.{c}" for c in (*RECORD_COLUMNS, *MORE_RECORD_COLUMNS))
    df = _df(con, f"""
        SELECT {cols}, {', '.join(f'a.{c}' for c in ARTICLE_COLUMNS)}
        FROM ({sql}) r JOIN articles a USING (article_id)
        WHERE list_contains(r.flags, ?)
        ORDER BY r.amount_cny DESC NULLS LAST, r.record_id LIMIT ?""", [*params, flag, limit])
    return _lists(df, "investors", "partners", "flags")


def point_base(f: Filters, point: tuple) -> tuple[str, list]:
    """The records drawn at one map point, `point` = (name, kind, lat, lon) of a
    `map_points` row: exactly the records that make up that marker's total."""
    name, kind, lat, lon = point
    sql, params = base(f)
    return (f"{sql} AND point_no IN (SELECT point_no FROM spot_points "
            "WHERE name = ? AND kind = ? AND lat = ? AND lon = ?)",
            [*params, name, kind, float(lat), float(lon)])


def region_totals(con, f: Filters, level: str) -> pd.DataFrame:
    """Money per province (`level` "province": name, total_cny, records, articles) or per
    city (`level` "city": the same and province, as two cities can share a name), for
    filling the map's outlines. Records without that level of place are left out."""
    sql, params = base(f)
    if level == "province":
        keys, where = "province AS name", "province IS NOT NULL"
    elif level == "city":
        keys, where = "province, city AS name", "city IS NOT NULL"
    else:
        raise UnknownDimension(f"unknown region level {level!r}; use province or city")
    return _df(con, f"""
        SELECT {keys}, coalesce(sum(contribution), 0) AS total_cny,
               count(*) AS records, {ARTICLES.format(col="article_no")} AS articles
        FROM ({sql}) WHERE {where}
        GROUP BY ALL ORDER BY total_cny DESC, name""", params)


# --- citing and exporting a view ------------------------------------------------------------

def dataset_version(con) -> dict:
    """The dataset's version that ingest records (store.derive): {"version": a 12-digit hash
    of the content, "built_at": datetime (UTC)}; both None for a database built before
    versions were kept."""
    rows = dict(con.execute("SELECT key, value FROM meta WHERE key IN (?, ?)",
                            ["data_version", "built_at"]).fetchall())
    built = rows.get("built_at")
    return {"version": rows.get("data_version"),
            "built_at": datetime.fromisoformat(built) if built else None}


def export_records(con, f: Filters) -> pd.DataFrame:
    """Every record of the view, uncapped, with its article's title, publisher, date,
    original address and file name: the rows of an export. Corrections applied, as in
    every total (the ledger is built over them; `corrected` says which); biggest
    contribution first, the order of the Deals page."""
    sql, params = base(f)
    cols = ", ".join(f"r.{c}" for c in (*RECORD_COLUMNS, *MORE_RECORD_COLUMNS))
    df = _df(con, f"""
        SELECT {cols}, a.title, a.publisher, a.published, a.url, a.file_name
        FROM ({sql}) r JOIN articles a USING (article_id)
        ORDER BY r.rank_no""", params)
    return _lists(df, "investors", "partners", "flags")


# --- articles ------------------------------------------------------------------------------

def articles(con, f: Filters, limit: int | None = 1000) -> pd.DataFrame:
    """Articles with their records and total under the filters, newest first.

    With no filter, every stored article is listed, also those with no records
    (`problem` then says why, when extraction failed).
    """
    limit_sql, limit_params = ("LIMIT ?", [limit]) if limit is not None else ("", [])
    if _unfiltered(f):  # every article (also those without records) with its records and total
        per_article, params = "SELECT article_no, records, total_cny FROM article_index", []
    elif f.is_empty():  # every article, in another currency
        sql, params = _per_article(con, f, None, None, None)
        per_article = (f"SELECT a.article_no, coalesce(s.records, 0) AS records, coalesce(s.total_cny, 0) AS total_cny "
                       f"FROM article_index a LEFT JOIN ({sql}) s USING (article_no)")
    else:
        per_article, params = _per_article(con, f, None, None, None)
    return _df(con, f"""
        WITH page AS (SELECT * FROM ({per_article}) ORDER BY article_no {limit_sql}),
        listed AS (
            SELECT {_ARTICLE_SELECT}, a.article_no, s.records, s.total_cny, a.language
            FROM page s JOIN article_index a USING (article_no)
        ), problem AS (
            SELECT article_id, arg_max(CASE WHEN status = 'failed' THEN message END, "at") AS problem
            FROM ingest_log WHERE article_id IN (SELECT article_id FROM listed) GROUP BY article_id
        )
        SELECT l.article_id, l.title, l.publisher, l.published, l.file_name, l.records, l.total_cny,
               l.url, l.language, p.problem
        FROM listed l LEFT JOIN problem p USING (article_id)
        ORDER BY l.article_no""", [*params, *limit_params])


def count_articles(con, f: Filters) -> int:
    """How many articles `articles` lists for `f`, without its limit."""
    if f.is_empty():
        return _one(con, "SELECT count(*) FROM articles")[0]
    return count_sources(con, f)


def corpus(con, file_names: tuple[str, ...]) -> dict:
    """How many articles are stored, how many of them are among `file_names` (the shipped
    demo corpus) and how many have their original URL."""
    n, shipped, with_url = _one(con, """
        SELECT count(*), count(*) FILTER (WHERE list_contains(?, file_name)), count(url)
        FROM articles""", [list(file_names)])
    return {"articles": n, "shipped": shipped, "with_url": with_url}


def article(con, article_id: str) -> dict | None:
    row = _one(con, """
        SELECT article_id, file_name, title, publisher, published, url, language, text
        FROM articles WHERE article_id = ?""", [article_id])
    if row is None:
        return None
    keys = ("article_id", "file_name", "title", "publisher", "published", "url", "language", "text")
    return dict(zip(keys, row))


def article_records(con, article_id: str) -> pd.DataFrame:
    """Every record of one article, in article order, with evidence offsets into its text."""
    cols = ", ".join(f"r.{c}" for c in (*RECORD_COLUMNS, *MORE_RECORD_COLUMNS, "evidence_start", "evidence_end"))
    df = _df(con, f"""
        SELECT {cols}, a.title, a.published, a.file_name, a.url, a.publisher
        FROM ledger r JOIN articles a USING (article_id)
        WHERE r.article_id = ?
        ORDER BY r.ordinal""", [article_id])
    return _lists(df, "investors", "partners", "flags")


def extracted_records(con, article_id: str) -> list[dict]:
    """An article's records as the extractor gave them (CONTRACT.md form, no corrections)."""
    cur = con.execute("""
        SELECT r.local_id AS id, a.file_name AS article, r.kind, r.investors, r.partners, r.project,
               r.city, r.province, r.district, r.park, r.sector, r.subsector, r.amount, r.currency,
               r.amount_cny, r.qualifier, r.date, r.status,
               CASE WHEN r.part_of IS NOT NULL THEN substr(r.part_of, length(r.article_id) + 2) END AS part_of,
               r.n_projects, r.counts_in_totals, r.evidence, r.flags, r.extra
        FROM records r JOIN articles a USING (article_id)
        WHERE r.article_id = ? ORDER BY r.ordinal""", [article_id])
    names = [d[0] for d in cur.description]
    out = []
    for row in cur.fetchall():
        record = dict(zip(names, row))
        extra = record.pop("extra")
        out.append({**record, **(json.loads(extra) if extra else {})})
    return out


def ingest_log(con, limit: int = 200) -> pd.DataFrame:
    """The latest ingest messages, newest first: what was stored, skipped or failed, and why."""
    return _df(con, 'SELECT * FROM ingest_log ORDER BY "at" DESC, file_name LIMIT ?', [limit])


CORRECTION_COLUMNS = ("seq", "at", "author", "field", "old", "value", "note", "record_id", "applies_to",
                      "target_id", "target_article_id")


def corrections(con, record_id: str | None = None, limit: int = 1000) -> pd.DataFrame:
    """Corrections newest first, each with the record it applies to today (`applies_to`,
    None when its sentence is gone); only those applying to `record_id` when given."""
    cols = ", ".join(f'"{c}"' for c in CORRECTION_COLUMNS)
    where, params = ("WHERE applies_to = ?", [record_id]) if record_id is not None else ("", [])
    return _df(con, f'SELECT {cols} FROM correction_targets {where} ORDER BY "at" DESC, seq DESC LIMIT ?',
               [*params, limit])


def lost_corrections(con, limit: int = 1000) -> pd.DataFrame:
    """Corrections that no longer find their record (or, for a link, the other record)."""
    cols = ", ".join(f'"{c}"' for c in CORRECTION_COLUMNS)
    return _df(con, f"""
        SELECT {cols}, evidence FROM correction_targets
        WHERE applies_to IS NULL OR (target_article_id IS NOT NULL AND target_id IS NULL)
        ORDER BY "at" DESC, seq DESC LIMIT ?""", [limit])


def record(con, record_id: str) -> dict | None:
    """One record as the ledger has it (corrections applied), with the article columns of `records`."""
    cols = ", ".join(f"r.{c}" for c in (*RECORD_COLUMNS, *MORE_RECORD_COLUMNS, "same_deal_as"))
    df = _lists(_df(con, f"""
        SELECT {cols}, a.title, a.published, a.file_name, a.url, a.publisher
        FROM ledger r JOIN articles a USING (article_id) WHERE r.record_id = ?""", [record_id]),
                "investors", "partners", "flags")
    return None if df.empty else df.iloc[0].to_dict()
