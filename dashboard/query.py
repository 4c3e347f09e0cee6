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
from dataclasses import replace

import duckdb
import pandas as pd

from dashboard.extract import fx
from dashboard.filters import COMMITTED, PLANS, Filters, Options

# The dimensions a figure can be cut by, and the SQL label of each. A record
# with no value still has a label, so the bars of a chart add up to the total;
# the label is also what a click on a bar passes back as `value`.
DIMENSIONS = {
    "city": "coalesce(city, province || ' (province-wide)', '(no place)')",
    "province": "coalesce(province, '(no province)')",
    "sector": "coalesce(sector, '(no sector)')",
    "park": "coalesce(park, '(no park)')",
    "status": "coalesce(status, '(no status)')",
    "kind": "kind",
    "year": "coalesce(CAST(year(date_start) AS VARCHAR), '(no date)')",
    "subsector": "coalesce(subsector, '(no subsector)')",
    # A record dated only by its year (or quarter) cannot go in one month: it gets its
    # own bar at the start of its year, "2021 (no month)".
    "month": """CASE WHEN date_start IS NULL THEN '(no date)'
                     WHEN date_trunc('month', date_start) = date_trunc('month', date_end)
                     THEN strftime(date_start, '%Y-%m')
                     ELSE CAST(year(date_start) AS VARCHAR) || ' (no month)' END""",
    "quarter": """CASE WHEN date_start IS NULL THEN '(no date)'
                       WHEN date_trunc('quarter', date_start) = date_trunc('quarter', date_end)
                       THEN CAST(year(date_start) AS VARCHAR) || ' Q' || CAST(quarter(date_start) AS VARCHAR)
                       ELSE CAST(year(date_start) AS VARCHAR) || ' (no quarter)' END""",
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


def base(f: Filters, dim: str | None = None, value: str | None = None) -> tuple[str, list]:
    """The filtered base every query wraps: SQL and its parameters.

    `dim`/`value` narrow it to one bar of a chart (value is the bar's label). In a
    currency other than yuan, `contribution` and `amount_cny` come out converted at each
    record's year rate (see `rates`), with the rate and its year as `fx_rate`, `fx_year`,
    so every figure wrapping the base is in that currency.

    >>> base(Filters(cities=("Chengdu",)), "year", "2020")
    ("SELECT * FROM ledger WHERE city IN (?) AND coalesce(CAST(year(date_start) AS VARCHAR), '(no date)') = ?", ['Chengdu', '2020'])
    >>> base(Filters(), "investor", "Tesla")
    ('SELECT * FROM ledger WHERE TRUE AND list_contains(investors, ?)', ['Tesla'])
    """
    where, params = f.where()
    if dim in LIST_DIMENSIONS:
        where = f"{where} AND list_contains({LIST_DIMENSIONS[dim]}, ?)"
        params = [*params, value]
    elif dim is not None:
        where = f"{where} AND {_label(dim)} = ?"
        params = [*params, value]
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


def headline(con, f: Filters) -> dict:
    """The numbers above the charts: total, and counts of what it is made of."""
    sql, params = base(f)
    row = _one(con, f"""
        SELECT coalesce(sum(contribution), 0)               AS total_cny,
               count(*)                                     AS records,
               count(*) FILTER (kind = 'deal' AND repeat_of IS NULL)   AS deals,
               count(*) FILTER (kind = 'bundle' AND repeat_of IS NULL) AS bundles,
               count(*) FILTER (kind = 'event' AND repeat_of IS NULL)  AS events,
               count(DISTINCT city)                         AS cities,
               count(DISTINCT article_id)                   AS articles,
               count(*) FILTER (kind <> 'event' AND amount_cny IS NULL AND repeat_of IS NULL) AS undisclosed,
               count(*) FILTER (repeat_of IS NOT NULL)      AS repeats
        FROM ({sql})""", params)
    keys = ("total_cny", "records", "deals", "bundles", "events", "cities", "articles", "undisclosed", "repeats")
    out = dict(zip(keys, row))
    out["total_cny"] = float(out["total_cny"])
    return out


def totals_by(con, f: Filters, dim: str, limit: int | None = None) -> pd.DataFrame:
    """Total, records and articles per value of `dim`, biggest first (years in time order).

    With `limit`, at most that many rows: ask for one more than you show to know
    whether there are more.
    """
    label = _label(dim)
    sql, params = base(f)
    order = "label" if dim in TIME_DIMS else "total_cny DESC, records DESC, label"
    limit_sql = "LIMIT ?" if limit is not None else ""
    return _df(con, f"""
        SELECT {label} AS label, coalesce(sum(contribution), 0) AS total_cny,
               count(*) AS records, count(DISTINCT article_id) AS articles
        FROM ({sql})
        GROUP BY label ORDER BY {order} {limit_sql}""",
               [*params, *([limit] if limit is not None else [])])


def count_lower_bounds(con, f: Filters) -> int:
    """How many records that add to the total give only a lower bound ("more than
    1.5 trillion", qualifier at_least): when any do, the total is itself a lower bound."""
    sql, params = base(f)
    return _one(con, f"SELECT count(*) FROM ({sql}) WHERE qualifier = 'at_least' AND contribution > 0",
                params)[0]


def scope_totals(con, f: Filters) -> dict:
    """The view's total in each scope, whatever scope `f` shows, so a page can say the
    others beside its own: {"committed", "plans", "other"} (other: no status) in `f`'s currency."""
    sql, params = base(replace(f, scope="all"))
    c, p = ", ".join("?" * len(COMMITTED)), ", ".join("?" * len(PLANS))
    row = _one(con, f"""
        SELECT coalesce(sum(contribution) FILTER (status IN ({c})), 0),
               coalesce(sum(contribution) FILTER (status IN ({p})), 0),
               coalesce(sum(contribution) FILTER (status IS NULL OR status NOT IN ({c}) AND status NOT IN ({p})), 0),
               count(*) FILTER (status IN ({c})), count(*) FILTER (status IN ({p}))
        FROM ({sql})""", [*COMMITTED, *PLANS, *COMMITTED, *PLANS, *COMMITTED, *PLANS, *params])
    return {"committed": float(row[0]), "plans": float(row[1]), "other": float(row[2]),
            "committed_records": row[3], "plans_records": row[4]}


def totals_split(con, f: Filters, dim: str, split: str, limit: int | None = None) -> pd.DataFrame:
    """Totals per (value of `dim`, value of `split`): the stacked bars. `limit` keeps the
    `dim` values with the biggest totals (all of them for time dimensions, in time order)."""
    label, part = _label(dim), _label(split)
    sql, params = base(f)
    top = limit is not None and dim not in TIME_DIMS
    keep = ("WHERE label IN (SELECT label FROM parts GROUP BY label "
            "ORDER BY sum(total_cny) DESC, label LIMIT ?)") if top else ""
    df = _df(con, f"""
        WITH parts AS (
            SELECT {label} AS label, {part} AS part, coalesce(sum(contribution), 0) AS total_cny,
                   count(*) AS records, count(DISTINCT article_id) AS articles
            FROM ({sql}) GROUP BY label, part)
        SELECT * FROM parts {keep}""", [*params, *([limit] if top else [])])
    order = df.groupby("label")["total_cny"].transform("sum")
    if dim in TIME_DIMS:
        return df.sort_values(["label", "total_cny"], ascending=[True, False], ignore_index=True)
    return df.assign(_o=order).sort_values(["_o", "label", "total_cny"], ascending=[False, True, False],
                                            ignore_index=True).drop(columns="_o")


def top_investors(con, f: Filters, limit: int = 15) -> pd.DataFrame:
    """Investors by the money of the records that name them, biggest first (`limit` + 1
    rows asked, to know whether there are more). A record with two investors counts in
    full under each, so the bars add up to more than the total."""
    sql, params = base(f)
    return _df(con, f"""
        SELECT investor AS label, coalesce(sum(contribution), 0) AS total_cny, count(*) AS records,
               count(DISTINCT article_id) AS articles
        FROM (SELECT unnest(investors) AS investor, contribution, article_id FROM ({sql}))
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
    sql, params = base(f, dim, value)
    return float(_one(con, f"SELECT coalesce(sum(contribution), 0) FROM ({sql})", params)[0])


def count_records(con, f: Filters, dim: str | None = None, value: str | None = None) -> int:
    sql, params = base(f, dim, value)
    return _one(con, f"SELECT count(*) FROM ({sql})", params)[0]


def records(con, f: Filters, dim: str | None = None, value: str | None = None,
            limit: int = 500, offset: int = 0, sort: str = "contribution") -> pd.DataFrame:
    """One page of the records behind a figure, with their article: biggest contribution
    first, or in another order of ORDERS."""
    sql, params = base(f, dim, value)
    cols = ", ".join(f"r.{c}" for c in (*RECORD_COLUMNS, *MORE_RECORD_COLUMNS))
    if sort not in ORDERS:
        raise ValueError(f"unknown order {sort!r}; use one of {', '.join(ORDERS)}")
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


def sources(con, f: Filters, dim: str | None = None, value: str | None = None,
            limit: int | None = 1000, point: tuple | None = None) -> pd.DataFrame:
    """The articles behind a figure (the whole filtered view, one bar, or one map point
    of `map_points`), biggest first; `count_sources` says how many there are in all."""
    sql, params = _scope(f, dim, value, point)
    limit_sql = "LIMIT ?" if limit is not None else ""
    return _df(con, f"""
        SELECT a.article_id, a.title, a.publisher, a.published, a.file_name, a.url,
               s.records, s.total_cny
        FROM (SELECT article_id, count(*) AS records, coalesce(sum(contribution), 0) AS total_cny
              FROM ({sql}) GROUP BY article_id) s
        JOIN articles a USING (article_id)
        ORDER BY s.total_cny DESC, a.published DESC NULLS LAST, a.file_name {limit_sql}""",
               [*params, *([limit] if limit is not None else [])])


def count_sources(con, f: Filters, dim: str | None = None, value: str | None = None,
                  point: tuple | None = None) -> int:
    """How many articles `sources` has for the same arguments, without its limit."""
    sql, params = _scope(f, dim, value, point)
    return _one(con, f"SELECT count(DISTINCT article_id) FROM ({sql})", params)[0]


# The SQL of every filtered record with the map point it is drawn at: its park when the
# gazetteer places that park (names compared case-insensitively), else its city. Records
# whose park and city are both unknown to the gazetteer have no point and are left out.
# Each distinct (park, city, province) is resolved once, then the records are joined to
# the one point chosen for it: several places of one name (two Fuzhous) must never fan a
# record out into two points. Takes the filtered base's SQL as {base}.
_LOCATED = """
    WITH filtered AS ({base}),
    spot AS (SELECT DISTINCT park, city, province FROM filtered),
    point_of AS (
        SELECT s.park, s.city, s.province,
               coalesce(p.name, c.name) AS name,
               CASE WHEN p.name IS NOT NULL THEN 'park' ELSE 'city' END AS kind,
               coalesce(p.city, s.city) AS point_city,
               coalesce(p.province, c.province, s.province) AS point_province,
               coalesce(p.lat, c.lat) AS lat, coalesce(p.lon, c.lon) AS lon
        FROM spot s
        LEFT JOIN places p ON p.kind = 'park' AND lower(p.name) = lower(s.park)
             AND p.lat IS NOT NULL AND (s.province IS NULL OR p.province IS NULL OR p.province = s.province)
        LEFT JOIN places c ON c.kind = 'city' AND c.name = s.city
             AND c.lat IS NOT NULL AND (s.province IS NULL OR c.province = s.province)
        WHERE coalesce(p.name, c.name) IS NOT NULL
        QUALIFY row_number() OVER (
            PARTITION BY s.park, s.city, s.province
            ORDER BY (p.province = s.province) DESC NULLS LAST, p.name, p.lat, c.name, c.lat) = 1
    )
    SELECT r.*, o.name AS point_name, o.kind AS point_kind, o.point_city, o.point_province,
           o.lat AS point_lat, o.lon AS point_lon
    FROM filtered r
    JOIN point_of o ON o.park IS NOT DISTINCT FROM r.park AND o.city IS NOT DISTINCT FROM r.city
                   AND o.province IS NOT DISTINCT FROM r.province"""


def map_points(con, f: Filters) -> pd.DataFrame:
    """Totals per point on the map: a record's park when the gazetteer places it, else its city.

    Records whose park and city are both unknown to the gazetteer are not on the map.
    A point is (name, kind, lat, lon); `point_base` gives the records of one.
    """
    sql, params = base(f)
    return _df(con, f"""
        SELECT point_name AS name, point_kind AS kind, any_value(point_city) AS city,
               any_value(point_province) AS province, point_lat AS lat, point_lon AS lon,
               coalesce(sum(contribution), 0) AS total_cny,
               count(*) AS records, count(DISTINCT article_id) AS articles
        FROM ({_LOCATED.format(base=sql)})
        GROUP BY point_name, point_kind, point_lat, point_lon
        ORDER BY total_cny DESC, records DESC, name""", params)


def _unmapped_base(f: Filters) -> tuple[str, list]:
    """The filtered records `map_points` leaves out: no park or city the gazetteer places
    (province-wide, or no known place)."""
    sql, params = base(f)
    return (f"SELECT * FROM ({sql}) WHERE record_id NOT IN "
            f"(SELECT record_id FROM ({_LOCATED.format(base=sql)}))", [*params, *params])


def unmapped(con, f: Filters) -> dict:
    """Total and number of the filtered records that are not on the map, so the map can
    say what it leaves out: {"total_cny": float, "records": int}."""
    sql, params = _unmapped_base(f)
    total, n = _one(con, f"SELECT coalesce(sum(contribution), 0), count(*) FROM ({sql})", params)
    return {"total_cny": float(total), "records": n}


def unmapped_records(con, f: Filters, limit: int = 200) -> pd.DataFrame:
    """The records `unmapped` counts, biggest contribution first, in `records`' form."""
    sql, params = _unmapped_base(f)
    cols = ", ".join(f"r.{c}" for c in (*RECORD_COLUMNS, *MORE_RECORD_COLUMNS))
    df = _df(con, f"""
        SELECT {cols}, a.title, a.published, a.file_name, a.url, a.publisher
        FROM ({sql}) r JOIN articles a USING (article_id)
        ORDER BY r.contribution DESC, r.amount_cny DESC NULLS LAST, r.record_id LIMIT ?""", [*params, limit])
    return _lists(df, "investors", "partners", "flags")


def point_base(f: Filters, point: tuple) -> tuple[str, list]:
    """The records drawn at one map point, `point` = (name, kind, lat, lon) of a
    `map_points` row: exactly the records that make up that marker's total."""
    name, kind, lat, lon = point
    sql, params = base(f)
    return (f"SELECT * FROM ({_LOCATED.format(base=sql)}) "
            "WHERE point_name = ? AND point_kind = ? AND point_lat = ? AND point_lon = ?",
            [*params, name, kind, float(lat), float(lon)])


def province_points(con) -> pd.DataFrame:
    """Provinces of the gazetteer that have coordinates (name, lat, lon), for orienting
    a reader on the map; empty when the places table holds none."""
    return _df(con, """
        SELECT name, any_value(lat) AS lat, any_value(lon) AS lon FROM places
        WHERE kind = ? AND lat IS NOT NULL AND lon IS NOT NULL
        GROUP BY name ORDER BY name""", ["province"])


# --- articles ------------------------------------------------------------------------------

def articles(con, f: Filters, limit: int | None = 1000) -> pd.DataFrame:
    """Articles with their records and total under the filters, newest first.

    With no filter, every stored article is listed, also those with no records
    (`problem` then says why, when extraction failed).
    """
    sql, params = base(f)
    join = "LEFT JOIN" if f.is_empty() else "JOIN"
    limit_sql = "LIMIT ?" if limit is not None else ""
    return _df(con, f"""
        WITH per_article AS (
            SELECT article_id, count(*) AS records, coalesce(sum(contribution), 0) AS total_cny
            FROM ({sql}) GROUP BY article_id
        ), problem AS (
            SELECT article_id, arg_max(CASE WHEN status = 'failed' THEN message END, "at") AS problem
            FROM ingest_log WHERE article_id IS NOT NULL GROUP BY article_id
        )
        SELECT a.article_id, a.title, a.publisher, a.published, a.file_name,
               coalesce(s.records, 0) AS records, coalesce(s.total_cny, 0) AS total_cny,
               a.url, a.language, p.problem
        FROM articles a {join} per_article s USING (article_id)
        LEFT JOIN problem p USING (article_id)
        ORDER BY a.published DESC NULLS LAST, a.file_name {limit_sql}""",
               [*params, *([limit] if limit is not None else [])])


def count_articles(con, f: Filters) -> int:
    """How many articles `articles` lists for `f`, without its limit."""
    if f.is_empty():
        return _one(con, "SELECT count(*) FROM articles")[0]
    sql, params = base(f)
    return _one(con, f"SELECT count(DISTINCT article_id) FROM ({sql})", params)[0]


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
