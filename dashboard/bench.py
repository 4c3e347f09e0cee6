"""Benchmark of the dashboard on a synthetic database (a measurement, not a test).

    python -m dashboard.bench [--records N] [--articles N] [--no-browser] [--no-ingest] [--memory] [--quick]

In one run, on one synthetic database of N records (default 1,000,000) written with the real
schema and derived by the same `store.derive` that ingest runs:

1. every page's queries under seven views (no filter, one city, three cities, sector + dates
   in whole years, sector + dates from and to a day inside a year, province + status + kind,
   a clicked bar), each three ways: the project's query layer
   (`dashboard.query`), the pandas way (the whole ledger in a DataFrame, masks, groupby) and
   the floor (the simplest DuckDB query over the `ledger` table giving the same numbers):
   p50 and p95 of each, the ratios, and a check that all three give the same answer;
2. ingest of synthetic short articles through the real `store.ingest` (extraction included);
3. the app in a real browser (Debian's chromium through Playwright, `streamlit run` on
   127.0.0.1 against the database): first load until the total shows, a filter change until
   the chart is drawn again, a page switch, alone and with 20 sessions at once;
4. the server's memory (RSS) with 20 viewers' sessions open at once, each having visited every
   page (opened one after another, so the figure is there at any load; `--memory` alone).

It ends with one line to compare runs by:
summary: pandas_ratio=G floor_ratio=F query_p95_ms=P first_load_s=L filter_p95_s=C sessions20_p95_s=S rss_mb=R ingest_10k_s=I
(G: geometric mean of pandas time / project time; F: of project time / floor time, both at p50;
P: the worst p95 of any page query; L: p95 of first loads until the total shows; C: p95 of a
filter change until the chart shows the new city; S: the same with 20 viewers at once; R: the
server's peak RSS with 20 viewers open, each having visited every page; I: seconds for 10,000 articles, scaled when --articles is smaller). A part skipped prints "-". The exit status is 1 when the
three ways disagree anywhere. `--quick` is a small run for the test suite: it checks agreement.
"""
from __future__ import annotations

import argparse
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from dashboard import query, store
from dashboard.filters import COLUMNS, COMMITTED, PLANS, SCOPES, TECH_EXCLUDES, Filters

RECORDS_PER_ARTICLE = 8
SECTORS = ["Next-generation IT", "High-end equipment", "New materials", "Biotechnology", "New energy vehicles",
           "New energy", "Energy saving & environment", "Digital creative", "Related services", "Other"]
STATUSES = ["signed", "announced", "listed", "started", "completed", "approved", "founded"]
N_CITIES, N_PROVINCES, N_PARKS, N_INVESTORS = 300, 31, 120, 5000
ROOT = Path(__file__).resolve().parent.parent


def _list(values: list[str]) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


# --- the synthetic database ------------------------------------------------------------------

def build(db: str, n_records: int) -> dict[str, float]:
    """Write the synthetic database; returns seconds per step.

    Articles of eight records, a third of them led by a bundle with components (some
    nested), 1 in 50 repeating a deal of the article before (to exercise same-deal links),
    300 cities in 31 provinces, 120 parks, ten sectors, dates of every precision.
    """
    n_articles = max(1, n_records // RECORDS_PER_ARTICLE)
    timings = {}
    con = store.connect(db, read_only=False)
    t = time.perf_counter()
    # A number in [0, n) drawn from a record's seed; temporary, not part of the schema.
    con.execute("CREATE TEMP MACRO pick(seed, salt, n) AS CAST(hash(seed, salt) % n AS BIGINT)")
    # Every attribute is a hash of the record's "deal seed", so the build is the same
    # on every run and a repeat (seed of the record it copies) has the same attributes.
    con.execute(f"""
        INSERT INTO articles
        SELECT printf('art%08d', a), printf('bench_%08d.txt', a), printf('Synthetic article %d', a),
               NULL, 'Bench Daily', DATE '2015-01-01' + CAST(a * 3650 // {n_articles} AS INTEGER),
               'en', printf('Synthetic article %d. It reports eight records of investment.', a),
               '{store.EXTRACTOR_VERSION}', current_timestamp
        FROM range({n_articles}) t(a)""")
    con.execute(f"""
        INSERT INTO records BY NAME
        WITH r AS (
            SELECT i, i // {RECORDS_PER_ARTICLE} AS a, i % {RECORDS_PER_ARTICLE} AS k,
                   CASE WHEN (i // {RECORDS_PER_ARTICLE}) % 50 = 1 AND i % {RECORDS_PER_ARTICLE} = 7
                        THEN i - {RECORDS_PER_ARTICLE} ELSE i END AS seed
            FROM range({n_articles * RECORDS_PER_ARTICLE}) t(i)
        ), shaped AS (
            SELECT *, pick(a, 'bundle', 3) = 0 AS led_by_bundle, pick(a, 'nested', 10) = 0 AS nested,
                   pick(seed, 'city', {N_CITIES}) AS city_no,
                   DATE '2015-01-01' + CAST((seed // {RECORDS_PER_ARTICLE}) * 3650 // {n_articles} AS INTEGER)
                       - CAST(pick(seed, 'days', 60) AS INTEGER) AS day
            FROM r
        )
        SELECT printf('art%08d:r%d', a, k) AS record_id, printf('art%08d', a) AS article_id,
               printf('r%d', k) AS local_id, k AS ordinal,
               CASE WHEN k = 0 AND led_by_bundle THEN 'bundle'
                    WHEN k = 1 AND led_by_bundle AND nested THEN 'bundle'
                    WHEN pick(seed, 'event', 20) = 0 THEN 'event' ELSE 'deal' END AS kind,
               [printf('Company %d Co., Ltd.', pick(seed, 'inv', {N_INVESTORS}))] AS investors,
               [printf('City %d Government', city_no)] AS partners,
               printf('Project %d', seed) AS project,
               printf('City %d', city_no) AS city, printf('Province %d', city_no % {N_PROVINCES}) AS province,
               NULL AS district,
               CASE WHEN pick(seed, 'park', 5) = 0 THEN printf('Park %d', pick(seed, 'park', {N_PARKS})) END AS park,
               {_list(SECTORS)}[1 + pick(seed, 'sector', {len(SECTORS)})] AS sector, NULL AS subsector,
               CASE WHEN pick(seed, 'priced', 10) < 7
                    THEN round(1e7 * pow(10, pick(seed, 'amount', 10000) / 2500.0), -4)
                         * CASE WHEN k = 0 AND led_by_bundle THEN 20 ELSE 1 END END AS amount,
               'CNY' AS currency, amount AS amount_cny,
               CASE WHEN pick(seed, 'bound', 200) = 0 THEN 'at_least' ELSE 'exact' END AS qualifier,
               CASE pick(seed, 'precision', 4) WHEN 0 THEN strftime(day, '%Y')
                    WHEN 1 THEN strftime(day, '%Y-%m') ELSE strftime(day, '%Y-%m-%d') END AS date,
               date_first_day(date) AS date_start, date_last_day(date) AS date_end,
               {_list(STATUSES)}[1 + pick(seed, 'status', {len(STATUSES)})] AS status,
               CASE WHEN led_by_bundle AND nested AND k IN (5, 6) THEN printf('art%08d:r1', a)
                    WHEN led_by_bundle AND k BETWEEN 1 AND 4 THEN printf('art%08d:r0', a) END AS part_of,
               CASE WHEN kind = 'bundle' THEN 5 END AS n_projects,
               pick(seed, 'counted', 100) <> 0 AS counts_in_totals,
               printf('Evidence sentence of record %d.', i) AS evidence, 0 AS evidence_start, 30 AS evidence_end,
               [] AS flags, NULL AS extra
        FROM shaped""")
    # The gazetteer's part: every city, and the parks (a park's point is drawn at the park).
    con.execute(f"""
        INSERT INTO places
        SELECT printf('City %d', c), NULL, 'city', printf('Province %d', c % {N_PROVINCES}), printf('City %d', c),
               NULL, 20 + (c % 25), 90 + (c % 35), 'bench' FROM range({N_CITIES}) t(c)
        UNION ALL
        SELECT printf('Park %d', p), NULL, 'park', NULL, NULL, NULL, 20.5 + (p % 25), 90.5 + (p % 35), 'bench'
        FROM range({N_PARKS}) t(p)""")
    timings["records"] = time.perf_counter() - t

    t = time.perf_counter()
    timings["repeats linked"] = store.derive(con)  # as ingest ends: same-deal links, ledger, rollups
    timings["derive"] = time.perf_counter() - t
    con.execute("CHECKPOINT")
    con.close()
    return timings


# --- timing ---------------------------------------------------------------------------------

def _times(fn: Callable, repeat: int) -> tuple[list[float], object]:
    """Wall times in ms of `repeat` runs after one warm-up run, and the warm-up's result."""
    result = fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return runs, result


def p50(xs: list[float]) -> float:
    return statistics.median(xs) if xs else math.nan


def p95(xs: list[float]) -> float:
    """The 95th percentile (nearest rank): with fewer than 20 runs, the slowest."""
    if not xs:
        return math.nan
    s = sorted(xs)
    return s[min(len(s) - 1, math.ceil(0.95 * len(s)) - 1)]


def geomean(xs: list[float]) -> float:
    xs = [x for x in xs if x > 0 and math.isfinite(x)]
    return math.exp(sum(map(math.log, xs)) / len(xs)) if xs else math.nan


# --- the views and the page queries, three ways -----------------------------------------------

@dataclass(frozen=True)
class View:
    """A filtered view, and the bar clicked in it (dim, value) when there is one."""
    filters: Filters
    dim: str | None = None
    value: str | None = None


VIEWS = {
    "no filter": View(Filters()),
    "one city": View(Filters(cities=("City 7",))),
    "3 cities": View(Filters(cities=("City 1", "City 2", "City 3"))),
    # whole years (the cube by years answers them) and then the same with days inside years
    "sector+dates": View(Filters(sectors=("Biotechnology", "New energy"), date_from=date(2018, 1, 1),
                                 date_to=date(2020, 12, 31))),
    "sector+days": View(Filters(sectors=("Biotechnology", "New energy"), date_from=date(2018, 3, 15),
                                date_to=date(2020, 9, 30))),
    "prov+status+kind": View(Filters(provinces=("Province 4", "Province 9"), statuses=("signed", "listed"),
                                     kinds=("deal",))),
    "clicked bar": View(Filters(), "sector", "Biotechnology"),
}

LIST_LIMIT = 1000   # what the pages ask of sources() and articles() (ui.SOURCES_LIMIT)
PAGE = 100          # a page of the Deals table


def _r(x) -> float:
    """A number rounded to 9 significant digits, so sums added in another order compare equal."""
    return float(f"{float(x):.9g}")


def _rows(df: pd.DataFrame, *columns: str) -> list[tuple]:
    out = []
    for row in df[list(columns)].itertuples(index=False):
        out.append(tuple(_r(v) if isinstance(v, (float, np.floating)) else
                         int(v) if isinstance(v, (int, np.integer)) else v for v in row))
    return out


# What each answer is compared by: the figures a page shows, in the order it shows them.
def _headline(h: dict) -> tuple:
    return tuple(_r(h[k]) if k == "total_cny" else int(h[k]) for k in query.HEADLINE)


def _totals(df):
    return _rows(df, "label", "total_cny", "records", "articles")


def _ids(df):
    return list(df["record_id"])


def _sources(df):
    return _rows(df, "article_id", "records", "total_cny")


def _points(df):
    return _rows(df, "name", "kind", "lat", "lon", "total_cny", "records", "articles")


def _unmapped(u: dict):
    return (_r(u["total_cny"]), int(u["records"]))


def _split(df):
    """Stacked bars: the set of (label, part) rows (the order of equal parts is no figure)."""
    return sorted(_rows(df, "label", "part", "total_cny", "records", "articles"))


def _scopes(s: dict):
    return tuple(_r(s[k]) if k in ("committed", "plans", "other") else int(s[k])
                 for k in ("committed", "plans", "other", "committed_records", "plans_records"))


# The stacked bars the pages draw: the Overview's places by status (the 15 largest places,
# when every scope is shown) and the Trends page's quarters by status (its default).
SPLITS = {"totals_split city×status": ("city", "status", 15), "totals_split quarter×status": ("quarter", "status", None)}
INVESTORS = 15  # the Trends page's top investors


class Pandas:
    """The pandas way: the whole ledger in one DataFrame, a mask per view, groupby."""

    def __init__(self, con):
        # the bar labels computed once, as columns (to pandas' advantage: no per-query labels)
        labels = ", ".join(f"{sql} AS label_{dim}" for dim, sql in query.DIMENSIONS.items())
        self.df = con.execute(f"SELECT *, {labels} FROM ledger").df()
        self.articles = con.execute("SELECT * FROM articles").df()
        self.points = con.execute("SELECT DISTINCT point_no, name, kind, lat, lon FROM spot_points").df()

    def mask(self, v: View) -> np.ndarray:
        df, f = self.df, v.filters
        m = np.ones(len(df), dtype=bool)
        for name, column in COLUMNS.items():
            values = getattr(f, name)
            if values:
                m &= df[column].isin(values).to_numpy()
        statuses = SCOPES.get(f.scope, ())
        if statuses:
            m &= df["status"].isin(statuses).to_numpy()
        if f.tech:
            m &= (df["sector"] != TECH_EXCLUDES).to_numpy() & df["sector"].notna().to_numpy()
        if f.missing:
            m &= False
        if f.date_from:
            m &= (df["date_end"] >= pd.Timestamp(f.date_from)).to_numpy()
        if f.date_to:
            m &= (df["date_start"] <= pd.Timestamp(f.date_to)).to_numpy()
        if v.dim:
            m &= (df[f"label_{v.dim}"] == v.value).to_numpy()
        return m

    def headline(self, v: View) -> dict:
        s = self.df[self.mask(v)]
        first = s["repeat_of"].isna()
        return {"total_cny": float(s["contribution"].sum()), "records": len(s),
                "deals": int(((s["kind"] == "deal") & first).sum()),
                "bundles": int(((s["kind"] == "bundle") & first).sum()),
                "events": int(((s["kind"] == "event") & first).sum()),
                "cities": s["city"].nunique(), "articles": s["article_id"].nunique(),
                "undisclosed": int(((s["kind"] != "event") & s["amount_cny"].isna() & first).sum()),
                "repeats": int((~first).sum())}

    def totals_by(self, v: View, dim: str) -> pd.DataFrame:
        s = self.df[self.mask(v)]
        g = s.groupby(f"label_{dim}").agg(total_cny=("contribution", "sum"), records=("contribution", "size"),
                                          articles=("article_id", "nunique")).reset_index()
        g = g.rename(columns={f"label_{dim}": "label"})
        if dim == "year":
            return g.sort_values("label")
        return g.sort_values(["total_cny", "records", "label"], ascending=[False, False, True])

    def count_records(self, v: View) -> int:
        return int(self.mask(v).sum())

    def count_lower_bounds(self, v: View) -> int:
        s = self.df[self.mask(v)]
        return int(((s["qualifier"] == "at_least") & (s["contribution"] > 0)).sum())

    def totals_split(self, v: View, dim: str, split: str, limit: int | None) -> pd.DataFrame:
        s = self.df[self.mask(v)]
        g = s.groupby([f"label_{dim}", f"label_{split}"]).agg(
            total_cny=("contribution", "sum"), records=("contribution", "size"),
            articles=("article_id", "nunique")).reset_index()
        g.columns = ["label", "part", "total_cny", "records", "articles"]
        if limit is not None and dim not in query.TIME_DIMS:
            top = g.groupby("label")["total_cny"].sum().reset_index().sort_values(
                ["total_cny", "label"], ascending=[False, True]).head(limit)["label"]
            g = g[g["label"].isin(top)]
        return g

    def top_investors(self, v: View, limit: int) -> pd.DataFrame:
        s = self.df.loc[self.mask(v), ["investors", "contribution", "article_id"]].explode("investors")
        s = s[s["investors"].notna() & (s["investors"] != "")]
        g = s.groupby("investors").agg(total_cny=("contribution", "sum"), records=("contribution", "size"),
                                       articles=("article_id", "nunique")).reset_index()
        g = g.rename(columns={"investors": "label"})
        return g.sort_values(["total_cny", "records", "label"], ascending=[False, False, True]).head(limit + 1)

    def scope_totals(self, v: View) -> dict:
        f = replace(v.filters, scope="all")
        s = self.df[self.mask(View(f, v.dim, v.value))]
        committed, plans = s["status"].isin(COMMITTED), s["status"].isin(PLANS)
        return {"committed": float(s.loc[committed, "contribution"].sum()),
                "plans": float(s.loc[plans, "contribution"].sum()),
                "other": float(s.loc[~committed & ~plans, "contribution"].sum()),
                "committed_records": int(committed.sum()), "plans_records": int(plans.sum())}

    def records(self, v: View, limit: int) -> pd.DataFrame:
        s = self.df[self.mask(v)]
        s = s.sort_values(["contribution", "amount_cny", "date_start", "record_id"],
                          ascending=[False, False, False, True], na_position="last").head(limit)
        return s.merge(self.articles[["article_id", "title", "published", "file_name"]], on="article_id")

    def _per_article(self, s: pd.DataFrame) -> pd.DataFrame:
        g = s.groupby("article_id").agg(records=("contribution", "size"), total_cny=("contribution", "sum"))
        return g.reset_index()

    def sources(self, v: View, limit: int) -> pd.DataFrame:
        g = self._per_article(self.df[self.mask(v)]).merge(self.articles, on="article_id")
        return g.sort_values(["total_cny", "published", "file_name"], ascending=[False, False, True],
                             na_position="last").head(limit)

    def count_sources(self, v: View) -> int:
        return self.df.loc[self.mask(v), "article_id"].nunique()

    def _located(self, v: View) -> pd.DataFrame:
        return self.df[self.mask(v)].merge(self.points, on="point_no", suffixes=("", "_point"))

    def map_points(self, v: View) -> pd.DataFrame:
        g = self._located(v).groupby(["name", "kind_point", "lat", "lon"]).agg(
            total_cny=("contribution", "sum"), records=("contribution", "size"),
            articles=("article_id", "nunique")).reset_index().rename(columns={"kind_point": "kind"})
        return g.sort_values(["total_cny", "records", "name"], ascending=[False, False, True])

    def unmapped(self, v: View) -> dict:
        s = self.df[self.mask(v)]
        s = s[s["point_no"].isna()]
        return {"total_cny": float(s["contribution"].sum()), "records": len(s)}

    def articles_list(self, v: View, limit: int) -> pd.DataFrame:
        g = self._per_article(self.df[self.mask(v)])
        how = "left" if v.filters.is_empty() else "inner"
        a = self.articles.merge(g, on="article_id", how=how)
        a[["records", "total_cny"]] = a[["records", "total_cny"]].fillna(0)
        return a.sort_values(["published", "file_name"], ascending=[False, True], na_position="last").head(limit)

    def count_articles(self, v: View) -> int:
        return len(self.articles) if v.filters.is_empty() else self.count_sources(v)

    def article_records(self, article_id: str) -> pd.DataFrame:
        return self.df[self.df["article_id"] == article_id].sort_values("ordinal")


class Floor:
    """The simplest DuckDB query over the `ledger` table that gives the same numbers: one
    statement per figure, count(DISTINCT ...) for articles, no rollup."""

    def __init__(self, con):
        self.con = con

    def _where(self, v: View) -> tuple[str, list]:
        where, params = v.filters.where()
        if v.dim:
            where, params = f"{where} AND {query.DIMENSIONS[v.dim]} = ?", [*params, v.value]
        return where, params

    def headline(self, v: View) -> dict:
        where, params = self._where(v)
        row = self.con.execute(f"""
            SELECT coalesce(sum(contribution), 0), count(*),
                   count(*) FILTER (kind = 'deal' AND repeat_of IS NULL),
                   count(*) FILTER (kind = 'bundle' AND repeat_of IS NULL),
                   count(*) FILTER (kind = 'event' AND repeat_of IS NULL),
                   count(DISTINCT city), count(DISTINCT article_id),
                   count(*) FILTER (kind <> 'event' AND amount_cny IS NULL AND repeat_of IS NULL),
                   count(*) FILTER (repeat_of IS NOT NULL)
            FROM ledger WHERE {where}""", params).fetchall()[0]
        return dict(zip(query.HEADLINE, row))

    def totals_by(self, v: View, dim: str) -> pd.DataFrame:
        where, params = self._where(v)
        order = "label" if dim == "year" else "total_cny DESC, records DESC, label"
        return self.con.execute(f"""
            SELECT {query.DIMENSIONS[dim]} AS label, coalesce(sum(contribution), 0) AS total_cny,
                   count(*) AS records, count(DISTINCT article_id) AS articles
            FROM ledger WHERE {where} GROUP BY label ORDER BY {order}""", params).df()

    def count_records(self, v: View) -> int:
        where, params = self._where(v)
        return self.con.execute(f"SELECT count(*) FROM ledger WHERE {where}", params).fetchall()[0][0]

    def count_lower_bounds(self, v: View) -> int:
        where, params = self._where(v)
        return self.con.execute(f"SELECT count(*) FROM ledger WHERE {where} AND qualifier = 'at_least' "
                                "AND contribution > 0", params).fetchall()[0][0]

    def totals_split(self, v: View, dim: str, split: str, limit: int | None) -> pd.DataFrame:
        where, params = self._where(v)
        keep, keep_params = "", []
        if limit is not None and dim not in query.TIME_DIMS:
            keep = ("WHERE label IN (SELECT label FROM parts GROUP BY label "
                    "ORDER BY sum(total_cny) DESC, label LIMIT ?)")
            keep_params = [limit]
        return self.con.execute(f"""
            WITH parts AS (
                SELECT {query.DIMENSIONS[dim]} AS label, {query.DIMENSIONS[split]} AS part,
                       coalesce(sum(contribution), 0) AS total_cny, count(*) AS records,
                       count(DISTINCT article_id) AS articles
                FROM ledger WHERE {where} GROUP BY label, part)
            SELECT * FROM parts {keep}""", [*params, *keep_params]).df()

    def top_investors(self, v: View, limit: int) -> pd.DataFrame:
        where, params = self._where(v)
        return self.con.execute(f"""
            SELECT investor AS label, coalesce(sum(contribution), 0) AS total_cny, count(*) AS records,
                   count(DISTINCT article_id) AS articles
            FROM (SELECT unnest(investors) AS investor, contribution, article_id FROM ledger WHERE {where})
            WHERE investor IS NOT NULL AND investor <> ''
            GROUP BY investor ORDER BY total_cny DESC, records DESC, label LIMIT ?""", [*params, limit + 1]).df()

    def scope_totals(self, v: View) -> dict:
        where, params = self._where(View(replace(v.filters, scope="all"), v.dim, v.value))
        c, p = ", ".join("?" * len(COMMITTED)), ", ".join("?" * len(PLANS))
        row = self.con.execute(f"""
            SELECT coalesce(sum(contribution) FILTER (status IN ({c})), 0),
                   coalesce(sum(contribution) FILTER (status IN ({p})), 0),
                   coalesce(sum(contribution) FILTER (status IS NULL OR status NOT IN ({c})
                                                      AND status NOT IN ({p})), 0),
                   count(*) FILTER (status IN ({c})), count(*) FILTER (status IN ({p}))
            FROM ledger WHERE {where}""", [*COMMITTED, *PLANS, *COMMITTED, *PLANS, *COMMITTED, *PLANS,
                                           *params]).fetchall()[0]
        return dict(zip(("committed", "plans", "other", "committed_records", "plans_records"), row))

    def records(self, v: View, limit: int) -> pd.DataFrame:
        where, params = self._where(v)
        cols = ", ".join(f"r.{c}" for c in (*query.RECORD_COLUMNS, *query.MORE_RECORD_COLUMNS))
        return self.con.execute(f"""
            SELECT {cols}, a.title, a.published, a.file_name
            FROM ledger r JOIN articles a USING (article_id) WHERE {where}
            ORDER BY r.contribution DESC, r.amount_cny DESC NULLS LAST, r.date_start DESC NULLS LAST, r.record_id
            LIMIT ?""", [*params, limit]).df()

    def sources(self, v: View, limit: int) -> pd.DataFrame:
        where, params = self._where(v)
        return self.con.execute(f"""
            SELECT a.article_id, s.records, s.total_cny
            FROM (SELECT article_id, count(*) AS records, sum(contribution) AS total_cny
                  FROM ledger WHERE {where} GROUP BY article_id) s JOIN articles a USING (article_id)
            ORDER BY s.total_cny DESC, a.published DESC NULLS LAST, a.file_name LIMIT ?""", [*params, limit]).df()

    def count_sources(self, v: View) -> int:
        where, params = self._where(v)
        return self.con.execute(f"SELECT count(DISTINCT article_id) FROM ledger WHERE {where}",
                                params).fetchall()[0][0]

    def map_points(self, v: View) -> pd.DataFrame:
        where, params = v.filters.where(prefix="r.")
        return self.con.execute(f"""
            SELECT o.name, o.kind, o.lat, o.lon, sum(r.contribution) AS total_cny, count(*) AS records,
                   count(DISTINCT r.article_id) AS articles
            FROM ledger r JOIN (SELECT DISTINCT point_no, name, kind, lat, lon FROM spot_points) o
                 USING (point_no)
            WHERE {where}
            GROUP BY ALL ORDER BY total_cny DESC, records DESC, o.name""", params).df()

    def unmapped(self, v: View) -> dict:
        where, params = self._where(v)
        total, n = self.con.execute(f"""
            SELECT coalesce(sum(contribution), 0), count(*) FROM ledger
            WHERE {where} AND point_no IS NULL""", params).fetchall()[0]
        return {"total_cny": total, "records": n}

    def articles_list(self, v: View, limit: int) -> pd.DataFrame:
        where, params = self._where(v)
        join = "LEFT JOIN" if v.filters.is_empty() else "JOIN"
        return self.con.execute(f"""
            SELECT a.article_id, coalesce(s.records, 0) AS records, coalesce(s.total_cny, 0) AS total_cny
            FROM articles a {join} (SELECT article_id, count(*) AS records, sum(contribution) AS total_cny
                                   FROM ledger WHERE {where} GROUP BY article_id) s USING (article_id)
            ORDER BY a.published DESC NULLS LAST, a.file_name LIMIT ?""", [*params, limit]).df()

    def count_articles(self, v: View) -> int:
        if v.filters.is_empty():
            return self.con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
        return self.count_sources(v)

    def article_records(self, article_id: str) -> pd.DataFrame:
        return self.con.execute("SELECT * FROM ledger WHERE article_id = ? ORDER BY ordinal", [article_id]).df()


def page_queries(con, pd_way: Pandas, floor: Floor, some_article: str) -> dict:
    """name -> (pages, bar?, project, pandas, floor, compare): each a function of a View.

    `bar?` says whether the query takes a clicked bar (the pages pass it dim and value);
    `compare` turns an answer into what the three ways must agree on.
    """
    def bar(v: View) -> tuple:
        return (v.dim, v.value) if v.dim else (None, None)

    q = query
    return {
        "headline": ("Overview, Deals", False, lambda v: q.headline(con, v.filters), pd_way.headline,
                     floor.headline, _headline),
        "totals_by city": ("Overview", False, lambda v: q.totals_by(con, v.filters, "city"),
                           lambda v: pd_way.totals_by(v, "city"), lambda v: floor.totals_by(v, "city"), _totals),
        "totals_by sector": ("Overview", False, lambda v: q.totals_by(con, v.filters, "sector"),
                             lambda v: pd_way.totals_by(v, "sector"), lambda v: floor.totals_by(v, "sector"), _totals),
        "totals_by status": ("Overview", False, lambda v: q.totals_by(con, v.filters, "status"),
                             lambda v: pd_way.totals_by(v, "status"), lambda v: floor.totals_by(v, "status"), _totals),
        **{name: ("Overview" if dim == "city" else "Trends", False,
                  lambda v, d=dim, s=split, n=n: q.totals_split(con, v.filters, d, s, n),
                  lambda v, d=dim, s=split, n=n: pd_way.totals_split(v, d, s, n),
                  lambda v, d=dim, s=split, n=n: floor.totals_split(v, d, s, n), _split)
           for name, (dim, split, n) in SPLITS.items()},
        "top_investors": ("Trends", False, lambda v: q.top_investors(con, v.filters, INVESTORS),
                          lambda v: pd_way.top_investors(v, INVESTORS), lambda v: floor.top_investors(v, INVESTORS),
                          _totals),
        "scope_totals": ("Overview", False, lambda v: q.scope_totals(con, v.filters), pd_way.scope_totals,
                         floor.scope_totals, _scopes),
        "count_lower_bounds": ("Overview, Deals", False, lambda v: q.count_lower_bounds(con, v.filters),
                               pd_way.count_lower_bounds, floor.count_lower_bounds, int),
        "count_records": ("Deals, bar", True, lambda v: q.count_records(con, v.filters, *bar(v)),
                          pd_way.count_records, floor.count_records, int),
        f"records ({PAGE})": ("Deals, bar", True, lambda v: q.records(con, v.filters, *bar(v), limit=PAGE),
                              lambda v: pd_way.records(v, PAGE), lambda v: floor.records(v, PAGE), _ids),
        "sources": ("all", True, lambda v: q.sources(con, v.filters, *bar(v), limit=LIST_LIMIT),
                    lambda v: pd_way.sources(v, LIST_LIMIT), lambda v: floor.sources(v, LIST_LIMIT), _sources),
        "count_sources": ("all", True, lambda v: q.count_sources(con, v.filters, *bar(v)),
                          pd_way.count_sources, floor.count_sources, int),
        "map_points": ("Map", False, lambda v: q.map_points(con, v.filters), pd_way.map_points,
                       floor.map_points, _points),
        "unmapped": ("Map", False, lambda v: q.unmapped(con, v.filters), pd_way.unmapped, floor.unmapped,
                     _unmapped),
        "articles": ("Article", False, lambda v: q.articles(con, v.filters, LIST_LIMIT),
                     lambda v: pd_way.articles_list(v, LIST_LIMIT), lambda v: floor.articles_list(v, LIST_LIMIT),
                     _sources),
        "count_articles": ("Article", False, lambda v: q.count_articles(con, v.filters), pd_way.count_articles,
                           floor.count_articles, int),
        "article_records": ("Article", None, lambda v: q.article_records(con, some_article),
                            lambda v: pd_way.article_records(some_article),
                            lambda v: floor.article_records(some_article), _ids),
    }


@dataclass
class Cell:
    project: list[float]
    pandas: list[float]
    floor: list[float]
    agree: bool


def measure_queries(db: str, repeat: int, pandas_repeat: int, out=print) -> dict:
    """Times every page query under every view, three ways; prints the table; returns
    {(query, view): Cell}."""
    con = store.connect(db)
    t = time.perf_counter()
    pd_way = Pandas(con)
    out(f"pandas: the ledger read into a DataFrame in {time.perf_counter() - t:.1f} s "
        f"({pd_way.df.memory_usage(deep=False).sum() / 1e6:.0f} MB without its strings)")
    floor = Floor(con)
    some_article = con.execute("SELECT article_id FROM articles ORDER BY article_id LIMIT 1 OFFSET 3").fetchall()[0][0]
    cells: dict[tuple[str, str], Cell] = {}
    for name, (_, takes_bar, mine, theirs, simplest, compare) in page_queries(con, pd_way, floor, some_article).items():
        for view_name, v in VIEWS.items():
            if takes_bar is None and view_name != "no filter":
                continue  # not a filtered query
            if v.dim and not takes_bar:
                continue
            t_project, a = _times(lambda: mine(v), repeat)
            t_floor, c = _times(lambda: simplest(v), repeat)
            t_pandas, b = _times(lambda: theirs(v), pandas_repeat)
            agree = compare(a) == compare(b) == compare(c)
            if not agree:
                out(f"DISAGREE {name} / {view_name}:\n  project {str(compare(a))[:300]}\n"
                    f"  pandas  {str(compare(b))[:300]}\n  floor   {str(compare(c))[:300]}")
            cells[(name, view_name)] = Cell(t_project, t_pandas, t_floor, agree)
    con.close()
    return cells


def print_table(cells: dict, out=print) -> None:
    """One row per query and view: p50/p95 of project, pandas and floor, and the ratios."""
    head = (f"{'query':<20}{'view':<18}{'project p50/p95':>17}{'pandas p50/p95':>17}{'floor p50/p95':>16}"
            f"{'pandas/proj':>12}{'proj/floor':>11}  same")
    out(head)
    out("-" * len(head))
    for (name, view_name), c in cells.items():
        out(f"{name:<20}{view_name:<18}"
            f"{p50(c.project):>8.1f}/{p95(c.project):<8.1f}{p50(c.pandas):>8.1f}/{p95(c.pandas):<8.1f}"
            f"{p50(c.floor):>7.1f}/{p95(c.floor):<8.1f}"
            f"{p50(c.pandas) / p50(c.project):>11.1f}x{p50(c.project) / p50(c.floor):>10.2f}x  "
            f"{'yes' if c.agree else 'NO'}")


def query_summary(cells: dict) -> dict:
    unfiltered = [p95(c.project) for (n, v), c in cells.items() if v == "no filter"]
    filtered = [p95(c.project) for (n, v), c in cells.items() if v != "no filter"]
    return {
        "pandas_ratio": geomean([p50(c.pandas) / p50(c.project) for c in cells.values()]),
        "floor_ratio": geomean([p50(c.project) / p50(c.floor) for c in cells.values()]),
        "query_p95_ms": max(p95(c.project) for c in cells.values()),
        "unfiltered_p95_ms": max(unfiltered),
        "filtered_p95_ms": max(filtered),
        "agree": all(c.agree for c in cells.values()),
    }


# --- ingest of synthetic articles -------------------------------------------------------------

# Short articles in the press-release form the extractor reads: a headline, a dateline, and a
# few sentences with a city, a company, an amount and a sector; every text is distinct.
ARTICLE_CITIES = [("Chengdu", "Sichuan"), ("Hefei", "Anhui"), ("Harbin", "Heilongjiang"), ("Wuhan", "Hubei"),
                  ("Xi'an", "Shaanxi"), ("Suzhou", "Jiangsu"), ("Changsha", "Hunan"), ("Qingdao", "Shandong")]
ARTICLE_TOPICS = [("semiconductor packaging", "chip"), ("biopharmaceutical", "vaccine"),
                  ("new energy vehicle", "battery"), ("industrial robot", "robotics"),
                  ("photovoltaic module", "solar"), ("data center", "computing")]


def write_articles(folder: Path, n: int) -> list[Path]:
    """n distinct short articles as .txt files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        city, province = ARTICLE_CITIES[i % len(ARTICLE_CITIES)]
        topic, short = ARTICLE_TOPICS[(i // len(ARTICLE_CITIES)) % len(ARTICLE_TOPICS)]
        year, month, day = 2016 + i % 8, 1 + i % 12, 1 + i % 28
        amount = 1 + (i * 37) % 200
        text = (f"{city} signs {topic} project with Company {i} Co., Ltd.\n"
                f"{year}-{month:02d}-{day:02d}\n\n"
                f"On {year}-{month:02d}-{day:02d}, Company {i} Co., Ltd. signed an agreement with the "
                f"{city} municipal government to build a {topic} base in {city}, {province} Province, "
                f"with a total investment of {amount}.{i % 10} billion yuan. The {short} plant is "
                f"expected to start production in {year + 2}.\n")
        p = folder / f"synthetic_{i:05d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def measure_ingest(n: int, tmp: str, out=print) -> float:
    """Seconds for `store.ingest` (read, extract, store, derive) of n new articles into a new file."""
    folder = Path(tmp) / "articles"
    paths = write_articles(folder, n)
    db = Path(tmp) / "ingest.duckdb"
    t = time.perf_counter()
    report = store.ingest([folder], db)
    seconds = time.perf_counter() - t
    records = sum(report.records_by_kind.values())
    out(f"ingest of {n:,} distinct short articles ({sum(p.stat().st_size for p in paths) / 1e6:.1f} MB): "
        f"{seconds:.1f} s, {n / seconds:.0f} articles/s; {report.articles_new:,} stored, {records:,} records, "
        f"{len(report.failed)} failed")
    return seconds


# --- the app in a real browser ---------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Until the script run is over and drawn (as tests/test_browser.py waits).
_SETTLED = """() => {
    const app = document.querySelector("[data-testid='stApp']");
    return app && app.getAttribute('data-test-script-state') === 'notRunning'
        && !document.querySelector("[data-testid='stStatusWidget']")
        && !document.querySelector("[data-stale='true']")
        && !document.querySelector("[data-testid='stSkeleton'], [data-testid='stAppSkeleton']");
}"""
# The headline total (the page's first metric, titled by the scope shown) is on screen.
_TOTAL = """() => {
    const m = document.querySelector("[data-testid='stMain'] [data-testid='stMetric'] [data-testid='stMetricValue']");
    return !!m && m.textContent.trim().length > 0;
}"""
# The headline total is on screen, Streamlit's metric or its preview (ui.metric) while the metric's code loads.
_TOTAL_SHOWN = """() => {
    const p = document.querySelector("[data-testid='stMain'] .metric-preview");
    return (!!p && p.offsetParent !== null && p.textContent.trim().length > 0) || (%s)();
}""" % _TOTAL
# The totals-by-city chart shows exactly the bar of one city (a filter on that city).
_CHART_OF = """(city) => {
    const gd = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
    const bars = gd && gd._fullData && gd._fullData[0] && gd._fullData[0].customdata;
    return !!bars && bars.length === 1 && bars[0] === city;
}"""
# The first chart is drawn (Plotly has rendered its SVG): the first figures of a shared link.
_CHART_DRAWN = """() => !!document.querySelector("[data-testid='stPlotlyChart'] .main-svg")"""
# A chart is on screen, Plotly's or its HTML preview (charts.preview) while Plotly's code loads.
_CHART_SHOWN = """() => !!document.querySelector("[data-testid='stPlotlyChart'] .main-svg")
    || Array.from(document.querySelectorAll(".chart-preview")).some(e => e.offsetParent !== null)"""
_PAGE_FACTS = """() => ({
    elements: document.querySelectorAll("[data-testid='stElementContainer']").length,
    charts: Array.from(document.querySelectorAll("[data-testid='stPlotlyChart'] .js-plotly-plot"))
        .map(gd => JSON.stringify(gd.data || []).length),
    dom_nodes: document.getElementsByTagName('*').length,
})"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(db: str, log_path: Path, app: Path | None = None) -> tuple[subprocess.Popen, str]:
    """`streamlit run` on 127.0.0.1 against `db`; returns the process and its URL once healthy.
    `app` is the entry file (default this checkout's); it runs in its checkout, with its config."""
    app = app or ROOT / "dashboard" / "serve.py"
    port = _free_port()
    log = open(log_path, "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app),
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=app.resolve().parent.parent, env={**os.environ, "DASHBOARD_DB": db}, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.3)
    proc.terminate()
    raise RuntimeError(f"streamlit did not start; see {log_path}")


def stop_app(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB (Linux /proc)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return math.nan


def cpu_seconds(pid: int) -> float:
    """Processor time a process has used so far (user + system), in seconds (Linux /proc)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _session(browser, url: str, cities: list[str], times: dict[str, list[float]], facts: list) -> None:
    """One viewer: open the app until the total shows, change the city filter to each of
    `cities` until the chart shows that city, and switch to Deals and back to the Overview."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})  # a new viewer: empty cache
    page = await context.new_page()
    page.set_default_timeout(60_000)
    received = [0, 0]  # websocket messages and bytes from the server during the first load

    def on_websocket(ws) -> None:
        def count(payload) -> None:
            received[0] += 1
            received[1] += len(payload)
        ws.on("framereceived", count)
    page.on("websocket", on_websocket)
    try:
        t = time.perf_counter()
        await page.goto(url + "/")
        await page.wait_for_function(_TOTAL, polling=20)
        times["first_load"].append(time.perf_counter() - t)
        await page.wait_for_function(_CHART_DRAWN, polling=20)
        times["first_chart"].append(time.perf_counter() - t)
        await page.wait_for_function(_SETTLED, polling=50)
        times["first_load_drawn"].append(time.perf_counter() - t)
        if facts is not None:
            facts.append({**await page.evaluate(_PAGE_FACTS), "ws_messages": received[0], "ws_bytes": received[1]})
        city_box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text="City")
        for city in cities:
            await city_box.locator("input").click()
            await page.keyboard.type(city)
            option = page.get_by_role("option", name=city, exact=True)
            await option.wait_for()
            t = time.perf_counter()
            await option.click()
            await page.wait_for_function(_CHART_OF, arg=city, polling=20)
            times["filter"].append(time.perf_counter() - t)
            await page.keyboard.press("Escape")
            await page.wait_for_function(_SETTLED, polling=50)
            # back to every city: remove the chip (the unfiltered view is cached and comes back at once)
            await city_box.locator("input").click()
            await page.keyboard.press("Backspace")
            await page.keyboard.press("Escape")
            await page.wait_for_function(_TOTAL, polling=50)
            await page.wait_for_function(_SETTLED, polling=50)
        for name, wait in (("Deals", "Records"), ("Overview", "Deals")):
            t = time.perf_counter()
            await page.get_by_role("link", name=name).first.click()
            await page.wait_for_function(
                """(label) => Array.from(document.querySelectorAll("[data-testid='stMetric']"))
                       .some(m => m.textContent.includes(label))""", arg=wait, polling=50)
            await page.wait_for_function(_SETTLED, polling=50)
            times["page_switch"].append(time.perf_counter() - t)
    finally:
        await context.close()


def measure_browser(db: str, tmp: str, loads: int, sessions: int, out=print) -> dict:
    """First load, filter change and page switch in chromium, alone and with `sessions`
    viewers at once; and the server's RSS. Returns the summary's browser figures."""
    import asyncio

    from playwright.async_api import async_playwright

    con = store.connect(db)
    cities = [c for (c,) in con.execute("SELECT DISTINCT city FROM ledger WHERE city IS NOT NULL ORDER BY city")
              .fetchall()]
    con.close()
    proc, url = start_app(db, Path(tmp) / "streamlit.log")
    peak = [rss_mb(proc.pid)]
    stop = [False]
    server_share: list[float] = []  # wall seconds of the sessions at once, server CPU seconds in them
    failed: list[str] = []  # viewers at once that did not finish (a timeout on an overloaded machine)

    async def watch_rss() -> None:
        while not stop[0]:
            peak.append(rss_mb(proc.pid))
            await asyncio.sleep(0.2)

    async def run() -> tuple[dict, dict, list]:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            watcher = asyncio.create_task(watch_rss())
            try:
                alone = {k: [] for k in ("first_load", "first_chart", "first_load_drawn", "filter", "page_switch")}
                facts: list = []
                used = iter(cities)
                for _ in range(loads):  # one viewer after another; each opens a new session
                    await _session(browser, url, [next(used) for _ in range(3)], alone, facts)
                together = {k: [] for k in alone}
                # The browsers share the machine's cores with the server: how much of the wall
                # time the server itself worked says which side the time went to.
                t, cpu = time.perf_counter(), cpu_seconds(proc.pid)
                results = await asyncio.gather(*(_session(browser, url, [next(used) for _ in range(2)], together,
                                                          None) for _ in range(sessions)), return_exceptions=True)
                server_share.extend([time.perf_counter() - t, cpu_seconds(proc.pid) - cpu])
                # a viewer that waited past the timeout is counted, not allowed to lose the whole run
                failed.extend(type(r).__name__ for r in results if isinstance(r, BaseException))
                return alone, together, facts
            finally:
                stop[0] = True
                await watcher
                await browser.close()

    try:
        alone, together, facts = asyncio.run(run())
        rss_after = rss_mb(proc.pid)
    finally:
        stop_app(proc)
    out(f"browser (chromium, streamlit on 127.0.0.1, {loads} viewers one after another, then {sessions} at once), "
        "seconds p50/p95:")
    for label, times in (("alone", alone), (f"{sessions} at once", together)):
        out(f"  {label:<12}" + "  ".join(f"{k} {p50(v):.2f}/{p95(v):.2f} (n={len(v)})" for k, v in times.items()))
    # The first viewer after the server starts also waits for the app's imports and first
    # queries; the others show what a shared link costs on a running server.
    if len(alone["first_load"]) > 1:
        warm = {k: alone[k][1:] for k in ("first_load", "first_chart", "first_load_drawn")}
        out(f"  first viewer after the server started: total {alone['first_load'][0]:.2f} s, chart "
            f"{alone['first_chart'][0]:.2f} s; the {len(warm['first_load'])} after it: "
            + "  ".join(f"{k} {p50(v):.2f}/{p95(v):.2f}" for k, v in warm.items()))
    if failed:
        out(f"  {len(failed)} of the {sessions} viewers at once did not finish ({', '.join(sorted(set(failed)))}): "
            "their figures are missing above, so those are better than the truth")
    if server_share:
        out(f"  {sessions} at once: {server_share[0]:.1f} s from first open to last page switch, in which the "
            f"server used {server_share[1]:.1f} s of processor time (the rest is the {sessions} browsers on the "
            f"same {os.cpu_count()} cores)")
    if facts:
        first = facts[-1]
        out(f"  Overview as first drawn: {first['elements']} Streamlit elements, {first['dom_nodes']} DOM nodes, "
            f"Plotly data {', '.join(f'{n / 1e3:.1f} KB' for n in first['charts'])}, "
            f"{first['ws_messages']} websocket messages ({first['ws_bytes'] / 1e3:.0f} KB) from the server")
    out(f"  server RSS: peak {max(peak):.0f} MB, after the sessions {rss_after:.0f} MB")
    return {"first_load_s": p95(alone["first_load"]), "filter_p95_s": p95(alone["filter"]),
            "sessions20_p95_s": p95(together["filter"])}


# --- the server's memory with many viewers ----------------------------------------------------

# Each page of a memory walk and a text that only it shows once its run has drawn.
_WALK = (("More views", "Top investors"), ("Map", "Marker area follows"), ("Deals", "Records"),
         ("Overview", "Totals by place"))
_SHOWS = """(text) => document.querySelector("[data-testid='stMain']").innerText.includes(text)"""


async def _walk(context, url: str, timeout_s: float) -> object:
    """One viewer opens the Overview and visits every page (the walk ends on the Overview); its
    tab is left open, so its session, widgets and cached results stay on the server."""
    page = await context.new_page()
    page.set_default_timeout(timeout_s * 1000)
    await page.goto(url + "/")
    await page.wait_for_function(_TOTAL, polling=100)
    await page.wait_for_function(_SETTLED, polling=100)
    for name, text in _WALK:
        await page.get_by_role("link", name=name).first.click()
        await page.wait_for_function(_SHOWS, arg=text, polling=100)
        await page.wait_for_function(_SETTLED, polling=100)
    return page


def measure_memory(db: str, tmp: str, viewers: int, out=print, timeout_s: float = 300) -> dict:
    """The server's RSS with `viewers` sessions open at once, each of which has visited every
    page: the viewers open the app one after another (not all at once), so the figure does not
    depend on whether twenty browsers can finish on a loaded machine, only on what the server
    keeps per session and in its caches. Sampled every 0.2 s: the peak, the RSS once all are
    open, and after their tabs are closed. Returns {"rss_mb": peak}."""
    import asyncio

    from playwright.async_api import async_playwright

    proc, url = start_app(db, Path(tmp) / "streamlit-memory.log")
    samples: list[tuple[float, float]] = []
    marks: dict[str, float] = {}
    stop = [False]

    async def watch() -> None:
        t0 = time.perf_counter()
        while not stop[0]:
            samples.append((time.perf_counter() - t0, rss_mb(proc.pid)))
            await asyncio.sleep(0.2)

    async def run() -> None:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            watcher = asyncio.create_task(watch())
            try:
                marks["started"] = rss_mb(proc.pid)
                context = await browser.new_context(viewport={"width": 1400, "height": 1000})
                pages = []
                for i in range(viewers):
                    pages.append(await _walk(context, url, timeout_s))
                    if i == 0:
                        marks["one"] = rss_mb(proc.pid)
                await asyncio.sleep(2)
                marks["all open"] = rss_mb(proc.pid)
                await context.close()
                await asyncio.sleep(3)
                marks["closed"] = rss_mb(proc.pid)
            finally:
                stop[0] = True
                await watcher
                await browser.close()

    try:
        asyncio.run(run())
    finally:
        stop_app(proc)
    peak = max(mb for _, mb in samples)
    out(f"server memory (streamlit on 127.0.0.1, {viewers} viewers opened one after another, each visiting "
        f"{', '.join(n for n, _ in _WALK[:-1])} and back; tabs kept open; load average "
        f"{os.getloadavg()[0]:.1f}): RSS at start {marks['started']:.0f} MB, after one viewer {marks['one']:.0f} MB, "
        f"with all {viewers} open {marks['all open']:.0f} MB, peak {peak:.0f} MB, after closing them "
        f"{marks['closed']:.0f} MB")
    return {"rss_mb": peak}


# --- the first view of a shared link -----------------------------------------------------------

# Marks, in the page's own clock (ms since navigation started), when the headline total and the
# first chart are first on screen; long main-thread tasks. Checked every animation frame: a frame
# is what the viewer sees, and no frame runs while a long task (parsing a chunk) holds the thread.
_FIRST_VIEW_MARKS = """(() => {
    const fv = window.__firstView = {total: null, metric: null, shown: null, chart: null, longtasks: []};
    try {
        new PerformanceObserver(l => l.getEntries().forEach(e => fv.longtasks.push([e.startTime, e.duration])))
            .observe({type: 'longtask', buffered: true});
    } catch (e) {}
    const check = () => {
        if (fv.total === null && (%s)()) fv.total = performance.now();
        if (fv.metric === null && (%s)()) fv.metric = performance.now();
        if (fv.shown === null && (%s)()) fv.shown = performance.now();
        if (fv.chart === null && (%s)()) fv.chart = performance.now();
        if (fv.metric === null || fv.chart === null) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
    setInterval(() => requestAnimationFrame(check), 100);  // should a frame loop ever stall
})();""" % (_TOTAL_SHOWN, _TOTAL, _CHART_SHOWN, _CHART_DRAWN)
_FIRST_VIEW_FACTS = """() => ({
    total: window.__firstView.total, metric: window.__firstView.metric, shown: window.__firstView.shown, chart: window.__firstView.chart, longtasks: window.__firstView.longtasks,
    nav: performance.getEntriesByType('navigation').map(e => e.responseEnd)[0],
    scripts: performance.getEntriesByType('resource').filter(e => e.initiatorType === 'script'
            || e.name.endsWith('.js')).map(e => ({name: e.name.split('/').pop(), start: e.startTime,
            end: e.responseEnd, bytes: e.encodedBodySize, fetched: e.transferSize > 0})),
})"""


def _message_kind(payload) -> str:
    """What one websocket message from the server is: an element's type, or the message's."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = ForwardMsg()
    try:
        msg.ParseFromString(payload if isinstance(payload, bytes) else payload.encode())
    except Exception:
        return "?"
    kind = msg.WhichOneof("type") or "?"
    if kind == "delta":
        d = msg.delta
        part = d.WhichOneof("type")
        if part == "new_element":
            return d.new_element.WhichOneof("type") or "element"
        return part or "delta"
    return kind


async def _first_view(context, url: str) -> dict:
    """Open `url` in a new tab of `context` and wait until the total and the first chart are
    drawn and the run is over; what happened when, in seconds since the navigation began."""
    page = await context.new_page()
    page.set_default_timeout(60_000)
    messages: list[tuple[float, str]] = []
    t0 = [0.0]

    def on_websocket(ws) -> None:
        messages.append((time.perf_counter() - t0[0], "open"))
        ws.on("framereceived", lambda p: messages.append((time.perf_counter() - t0[0], _message_kind(p))))
    page.on("websocket", on_websocket)
    try:
        t0[0] = time.perf_counter()
        await page.goto(url)
        await page.wait_for_function(_TOTAL, polling=20)
        wall_total = time.perf_counter() - t0[0]
        await page.wait_for_function(_CHART_DRAWN, polling=20)
        wall_chart = time.perf_counter() - t0[0]
        await page.wait_for_function(_SETTLED, polling=50)
        await page.wait_for_function("() => window.__firstView.metric !== null && window.__firstView.chart !== null",
                                     timeout=10_000)
        facts = await page.evaluate(_FIRST_VIEW_FACTS)
    finally:
        await page.close()

    def first(kind: str) -> float:
        return next((t for t, k in messages if k == kind), math.nan)
    plotly = next((s for s in facts["scripts"] if s["name"].startswith("PlotlyChart")), None)
    chart = facts["chart"] / 1000
    return {
        "total": facts["total"] / 1000, "metric": facts["metric"] / 1000, "shown": facts["shown"] / 1000, "chart": chart, "wall_total": wall_total, "wall_chart": wall_chart,
        "html": facts["nav"] / 1000,
        "ws_open": first("open"), "first_msg": messages[1][0] if len(messages) > 1 else math.nan,
        "metric_msg": first("metric"), "plotly_msg": first("plotly_chart"), "finished_msg": first("script_finished"),
        "plotly_fetch_start": plotly["start"] / 1000 if plotly else math.nan,
        "plotly_fetched": plotly["end"] / 1000 if plotly else math.nan,
        "plotly_from_network": bool(plotly and plotly["fetched"]),
        "js_fetched_before_chart": sum(1 for s in facts["scripts"] if s["fetched"] and s["end"] <= facts["chart"]),
        "js_kb_before_chart": sum(s["bytes"] for s in facts["scripts"] if s["fetched"] and s["end"] <= facts["chart"]) / 1e3,
        "longtask_before_chart": sum(d for s, d in facts["longtasks"] if s < facts["chart"]) / 1000,
        "longest_task": max((d for s, d in facts["longtasks"] if s < facts["chart"]), default=0) / 1000,
        "messages_before_chart": sum(1 for t, k in messages if t <= chart),
    }


def measure_first_view(apps: dict[str, Path], db: str, tmp: str, link: str, loads: int, out=print) -> dict:
    """The first view of `link` (a shared link, e.g. "/?city=Harbin") on each app of `apps`
    (name -> entry file; several are measured alternately, load by load, so they share the
    machine's load): once right after the server starts, `loads` times with an empty browser
    cache (a new viewer: a new browser context each), then `loads` times with a warm one (the
    same viewer opening the link again in a new tab). "total" and "first chart" are the headline
    total and the first chart on screen, Streamlit's metric and Plotly's chart or their previews
    in Markdown (ui.metric, charts.preview); "Streamlit's metric" and "Plotly's chart" are the
    elements themselves (Plotly's takes clicks).
    Returns name -> {"cold"/"warm"/"start": [loads]}."""
    import asyncio

    from playwright.async_api import async_playwright

    servers = {name: start_app(db, Path(tmp) / f"streamlit-{i}.log", app) for i, (name, app) in enumerate(apps.items())}
    results: dict[str, dict[str, list[dict]]] = {name: {"start": [], "cold": [], "warm": []} for name in apps}

    async def run() -> None:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                async def fresh(name: str, into: str) -> None:
                    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
                    await context.add_init_script(_FIRST_VIEW_MARKS)
                    try:
                        results[name][into].append(await _first_view(context, servers[name][1] + link))
                    finally:
                        await context.close()
                for name in apps:
                    await fresh(name, "start")
                for _ in range(loads):
                    for name in apps:
                        await fresh(name, "cold")
                contexts = {}
                for name in apps:  # one viewer per app who has opened the link once already
                    contexts[name] = await browser.new_context(viewport={"width": 1400, "height": 1000})
                    await contexts[name].add_init_script(_FIRST_VIEW_MARKS)
                    await _first_view(contexts[name], servers[name][1] + link)
                for _ in range(loads):
                    for name in apps:
                        results[name]["warm"].append(await _first_view(contexts[name], servers[name][1] + link))
                for c in contexts.values():
                    await c.close()
            finally:
                await browser.close()

    try:
        asyncio.run(run())
    finally:
        for proc, _ in servers.values():
            stop_app(proc)
    load = os.getloadavg()
    out(f"first view of {link} (chromium, streamlit on 127.0.0.1, {os.cpu_count()} cores, load average "
        f"{load[0]:.1f} at the end), seconds since the navigation began, p50/p95:")
    for name, by in results.items():
        start = by["start"][0]
        out(f"  {name}: first viewer after the server started: total {start['total']:.2f}, first chart "
            f"{start['shown']:.2f}, Streamlit's metric {start['metric']:.2f}, Plotly's chart {start['chart']:.2f}")
        for cache in ("cold", "warm"):
            rows = by[cache]
            out(f"  {name}: {cache} cache (n={len(rows)}): " + "  ".join(
                f"{label} {p50([r[k] for r in rows]):.2f}/{p95([r[k] for r in rows]):.2f}"
                for k, label in (("total", "total"), ("shown", "first chart"), ("metric", "Streamlit's metric"),
                                 ("chart", "Plotly's chart"))))
            out("      where the time went (p50): " + "  ".join(
                f"{k} {p50([r[k] for r in rows]):.2f}" for k in (
                    "html", "ws_open", "first_msg", "metric_msg", "plotly_msg", "plotly_fetch_start",
                    "plotly_fetched", "finished_msg", "longtask_before_chart", "longest_task")))
            out(f"      before the chart: {p50([r['js_fetched_before_chart'] for r in rows]):.0f} script files fetched "
                f"({p50([r['js_kb_before_chart'] for r in rows]):.0f} kB), "
                f"{p50([r['messages_before_chart'] for r in rows]):.0f} websocket messages; Plotly's chunk fetched "
                f"from the server in {sum(r['plotly_from_network'] for r in rows)} of {len(rows)}")
    return results


# --- main -----------------------------------------------------------------------------------

def _fmt(x, digits: int = 2) -> str:
    return "-" if x is None or (isinstance(x, float) and not math.isfinite(x)) else f"{x:.{digits}f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000, help="records to generate (default 1,000,000)")
    parser.add_argument("--db", help="use this benchmark database, building it first when it does not exist "
                                     "(default: a new temporary file)")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per query, project and floor (default 20)")
    parser.add_argument("--pandas-repeat", type=int, default=5, help="timed runs per query the pandas way (default 5)")
    parser.add_argument("--no-queries", action="store_true", help="skip the query timings")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser and memory measures")
    parser.add_argument("--loads", type=int, default=5, help="viewers opening the app one after another (default 5)")
    parser.add_argument("--sessions", type=int, default=20, help="viewers at once (default 20)")
    parser.add_argument("--articles", type=int, default=10_000,
                        help="synthetic articles to ingest (default 10,000; 0 skips the ingest measure)")
    parser.add_argument("--first-view", metavar="LINK",
                        help="only the first view of this link (e.g. '/?city=Harbin'): until the total and the "
                             "first chart show, cold and warm cache, --loads times each")
    parser.add_argument("--compare", metavar="APP", type=Path,
                        help="with --first-view: another checkout's dashboard/streamlit_app.py, measured "
                             "alternately with this one")
    parser.add_argument("--memory", action="store_true",
                        help="only the server's memory: --sessions viewers opened one after another, each "
                             "visiting every page, all kept open (rss_mb in the summary)")
    parser.add_argument("--quick", action="store_true",
                        help="a small run for the test suite: 20,000 records, 3 runs, 20 articles, no browser")
    args = parser.parse_args(argv)
    if args.quick:
        args.records, args.repeat, args.pandas_repeat, args.articles, args.no_browser = 20_000, 3, 1, 20, True
    summary: dict[str, float | None] = {}
    ok = True
    if args.first_view:
        apps = {"this": ROOT / "dashboard" / "serve.py"}
        if args.compare:
            apps = {"compared": args.compare, **apps}
        with tempfile.TemporaryDirectory() as tmp:
            db = args.db or str(store.default_db_path())
            measure_first_view(apps, db, tmp, args.first_view, args.loads)
        return 0
    if args.memory:
        args.no_queries, args.no_browser, args.articles = True, True, 0
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.duckdb")
        if not Path(db).exists():
            t = time.perf_counter()
            steps = build(db, args.records)
            print(f"built {args.records:,} records in {time.perf_counter() - t:.1f} s (records {steps['records']:.1f} s, "
                  f"derive: same-deal links, ledger and rollups {steps['derive']:.1f} s, "
                  f"{steps['repeats linked']:,} repeats), {Path(db).stat().st_size / 1e6:.0f} MB: {db}")
        else:
            print(f"using {db} ({Path(db).stat().st_size / 1e6:.0f} MB)")
        if not args.no_queries:
            cells = measure_queries(db, args.repeat, args.pandas_repeat)
            print_table(cells)
            qs = query_summary(cells)
            print(f"worst p95: {qs['unfiltered_p95_ms']:.1f} ms with no filter, {qs['filtered_p95_ms']:.1f} ms filtered; "
                  f"{'all three ways agree' if qs['agree'] else 'THE THREE WAYS DISAGREE'}")
            summary.update(qs)
            ok = ok and qs["agree"]
        if not args.no_browser:
            summary.update(measure_browser(db, tmp, args.loads, args.sessions))
        if not args.no_browser or args.memory:
            # the summary's rss_mb: viewers kept open one after another, which finishes at any load
            summary.update(measure_memory(db, tmp, args.sessions))
        if args.articles:
            seconds = measure_ingest(args.articles, tmp)
            # the summary's figure is for 10,000 articles: a smaller run is scaled, and says so
            summary["ingest_10k_s"] = seconds * 10_000 / args.articles
            if args.articles != 10_000:
                print(f"(ingest_10k_s below is scaled from {args.articles:,} articles)")
    print("summary: " + " ".join(f"{k}={_fmt(summary.get(k), d)}" for k, d in (
        ("pandas_ratio", 1), ("floor_ratio", 2), ("query_p95_ms", 1), ("first_load_s", 2), ("filter_p95_s", 2),
        ("sessions20_p95_s", 2), ("rss_mb", 0), ("ingest_10k_s", 1))))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
