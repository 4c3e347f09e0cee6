"""Benchmark of the query layer on a synthetic database (a measurement, not a test).

    python -m dashboard.bench [--records N] [--db FILE] [--repeat K]

Builds a DuckDB file of N records (default 1,000,000) with the real schema:
articles of eight records, a third of them led by a bundle with components
(some nested), 1 in 50 repeating a deal of the article before (to exercise
same-deal links), ~300 cities, parks, sectors and dates of every precision.
Then it times each function of dashboard.query under a few filter
combinations and prints the median milliseconds. Nothing is asserted.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from dashboard import query, store
from dashboard.filters import Filters

RECORDS_PER_ARTICLE = 8
SECTORS = ["Next-generation IT", "High-end equipment", "New materials", "Biotechnology", "New energy vehicles",
           "New energy", "Energy saving & environment", "Digital creative", "Related services", "Other"]
STATUSES = ["signed", "announced", "listed", "started", "completed", "approved", "founded"]
N_CITIES, N_PROVINCES, N_PARKS, N_INVESTORS = 300, 31, 120, 5000


def _list(values: list[str]) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def build(db: str, n_records: int) -> dict[str, float]:
    """Write the synthetic database; returns seconds per step."""
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
               'CNY' AS currency, amount AS amount_cny, 'exact' AS qualifier,
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
    timings["records"] = time.perf_counter() - t

    t = time.perf_counter()
    repeats = store.derive(con)
    timings["same-deal links and ledger"] = time.perf_counter() - t

    con.execute(f"""
        INSERT INTO places
        SELECT printf('City %d', c), NULL, 'city', printf('Province %d', c % {N_PROVINCES}), printf('City %d', c),
               NULL, 20 + (c % 25), 90 + (c % 35), 'bench' FROM range({N_CITIES}) t(c)
        UNION ALL
        SELECT printf('Park %d', p), NULL, 'park', NULL, NULL, NULL, 20.5 + (p % 25), 90.5 + (p % 35), 'bench'
        FROM range({N_PARKS}) t(p)""")
    con.execute("CHECKPOINT")
    con.close()
    timings["repeats linked"] = repeats
    return timings


def _time(fn, repeat: int) -> float:
    """Median wall time in ms over `repeat` runs, after one warm-up run."""
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)


FILTERS = {
    "no filter": Filters(),
    "3 cities": Filters(cities=("City 1", "City 2", "City 3")),
    "sector+dates": Filters(sectors=("Biotechnology", "New energy"), date_from=date(2018, 1, 1),
                            date_to=date(2020, 12, 31)),
    "prov+status+kind": Filters(provinces=("Province 4", "Province 9"), statuses=("signed", "listed"),
                                kinds=("deal",)),
}


def measure(db: str, repeat: int) -> None:
    con = store.connect(db)
    some_article = con.execute("SELECT article_id FROM articles ORDER BY article_id LIMIT 1 OFFSET 3").fetchall()[0][0]
    calls = {
        "headline": lambda f: query.headline(con, f),
        "totals_by city": lambda f: query.totals_by(con, f, "city"),
        "totals_by sector": lambda f: query.totals_by(con, f, "sector"),
        "totals_by year": lambda f: query.totals_by(con, f, "year"),
        "count_records": lambda f: query.count_records(con, f),
        "records (500)": lambda f: query.records(con, f),
        "records of a bar": lambda f: query.records(con, f, "sector", "Other"),
        "sources": lambda f: query.sources(con, f),
        "articles": lambda f: query.articles(con, f),
        "map_points": lambda f: query.map_points(con, f),
    }
    width = max(map(len, calls)) + 2
    print(f"{'query (median ms)':<{width}}" + "".join(f"{name:>18}" for name in FILTERS))
    for label, call in calls.items():
        cells = [_time(lambda: call(f), repeat) for f in FILTERS.values()]
        print(f"{label:<{width}}" + "".join(f"{ms:>18.1f}" for ms in cells))
    print(f"{'options':<{width}}{_time(lambda: query.options(con), repeat):>18.1f}")
    print(f"{'article':<{width}}{_time(lambda: query.article(con, some_article), repeat):>18.1f}")
    print(f"{'article_records':<{width}}{_time(lambda: query.article_records(con, some_article), repeat):>18.1f}")
    con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000, help="records to generate (default 1,000,000)")
    parser.add_argument("--db", help="write the database here and keep it (default: a temporary file)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per query (median shown)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.duckdb")
        if Path(db).exists():
            parser.error(f"{db} exists; the benchmark writes a new database and will not overwrite one")
        t = time.perf_counter()
        steps = build(db, args.records)
        size = Path(db).stat().st_size / 1e6
        print(f"built {args.records:,} records in {time.perf_counter() - t:.1f} s "
              f"(records {steps['records']:.1f} s, same-deal links and ledger {steps['same-deal links and ledger']:.1f} s, "
              f"{steps['repeats linked']:,} repeats), {size:.0f} MB: {db}")
        measure(db, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
