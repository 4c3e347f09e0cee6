"""The rollups ingest writes (schema.sql: ledger_cube, ledger_by, article_index, ledger_head,
ledger_split, investors_by, point_index) give the ledger's own numbers: every query, on random filters, reads the same with them
(query.USE_ROLLUPS) and without them."""
from __future__ import annotations

import math
import random
from datetime import date

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CITIES, SECTORS, STATUSES, Builder, article, random_records
from dashboard import query, store
from dashboard.filters import Filters


@pytest.fixture(scope="module")
def rcon():
    """~250 seeded random records, built once for every example: with deals that a later
    article repeats, lower bounds, and articles without records."""
    rng = random.Random(7)
    articles = random_records(rng, n_articles=60)
    for i in range(5, len(articles), 5):  # the same deal again, in a later article
        _, earlier = articles[i - 5]
        art, recs = articles[i]
        for r in earlier:
            if r["kind"] == "deal" and r["amount"] and r["part_of"] is None:
                recs.append({**r, "id": f"again{len(recs)}"})
                break
    for _, recs in articles:
        for r in recs:
            if r["amount"] and rng.random() < 0.1:
                r["qualifier"] = "at_least"
    articles += [(article(f"empty{i}.txt", published=date(2022, 1, i + 1)), []) for i in range(3)]
    c = duckdb.connect(":memory:")
    store.create_schema(c)
    Builder(c).add_many(articles)
    counts = c.execute("SELECT count(*) FILTER (repeat_of IS NOT NULL), count(*) FILTER (qualifier = 'at_least') "
                       "FROM ledger").fetchone()
    assert min(counts) > 0, counts  # the data has what the rollups must get right
    yield c
    c.close()


def _some(values):
    return st.lists(st.sampled_from(values), max_size=3, unique=True).map(tuple)


dates = st.one_of(st.none(), st.dates(min_value=date(2018, 6, 1), max_value=date(2024, 6, 1)))
filters = st.builds(
    Filters,
    provinces=_some(sorted({p for _, p in CITIES}) + ["Nowhere"]),
    cities=_some(sorted({c for c, _ in CITIES if c}) + ["Atlantis"]),
    sectors=_some(SECTORS),
    statuses=_some(STATUSES),
    kinds=_some(["deal", "bundle", "event"]),
    date_from=dates,
    date_to=dates,
)
# dates in whole years, which the cube by years answers (from a 1 January, to a 31 December)
years = st.integers(min_value=2018, max_value=2024)
whole_years = st.builds(lambda f, a, b: Filters(**{**f.__dict__, "date_from": a and date(a, 1, 1),
                                                    "date_to": b and date(b, 12, 31)}),
                        filters, st.one_of(st.none(), years), st.one_of(st.none(), years))
# mostly filters the cube answers (no dates, whole years), some with other dates, some empty
views = st.one_of(filters.map(lambda f: Filters(**{**f.__dict__, "date_from": None, "date_to": None})),
                  whole_years, filters, st.just(Filters()))
bars = st.one_of(st.none(), st.tuples(st.sampled_from(list(query.DIMENSIONS)),
                                      st.sampled_from(["Chengdu", "Sichuan (province-wide)", "Biotechnology",
                                                       "signed", "deal", "2021", "(no park)", "Nowhere"])))


def both(fn):
    """fn() with the rollups, and without them (the ledger alone)."""
    with_rollups = fn()
    query.USE_ROLLUPS = False
    try:
        return with_rollups, fn()
    finally:
        query.USE_ROLLUPS = True


def same(a, b) -> bool:
    if isinstance(a, pd.DataFrame):
        if list(a.columns) != list(b.columns) or len(a) != len(b):
            return False
        return all(same(x, y) for x, y in zip(a.itertuples(index=False), b.itertuples(index=False)))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        return (pd.isna(a) and pd.isna(b)) or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)
    if isinstance(a, list):
        return a == b
    return (pd.isna(a) and pd.isna(b)) if not isinstance(a, str) and pd.isna(a) else a == b


CHECK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@CHECK
@given(views)
def test_headline_and_counts(rcon, f):
    for fn in (query.headline, query.count_records, query.count_lower_bounds, query.count_sources,
               query.count_articles):
        a, b = both(lambda: fn(rcon, f))
        assert same(a, b), (fn.__name__, f, a, b)


@CHECK
@given(views, st.sampled_from(list(query.DIMENSIONS)))
def test_totals_by(rcon, f, dim):
    a, b = both(lambda: query.totals_by(rcon, f, dim))
    assert same(a, b), (f, dim, a, b)
    assert a.total_cny.sum() == pytest.approx(query.headline(rcon, f)["total_cny"])


@CHECK
@given(views, bars)
def test_one_bar(rcon, f, bar):
    dim, value = bar or (None, None)
    for fn in (query.count_records, query.count_sources):
        a, b = both(lambda: fn(rcon, f, dim, value))
        assert a == b, (fn.__name__, f, bar, a, b)
    for fn, kw in ((query.records, {"limit": 7}), (query.sources, {"limit": 5})):
        a, b = both(lambda: fn(rcon, f, dim, value, **kw))
        assert same(a, b), (fn.__name__, f, bar)


@CHECK
@given(views)
def test_lists_and_map(rcon, f):
    for fn in (query.records, query.sources, query.articles, query.map_points, query.unmapped):
        a, b = both(lambda: fn(rcon, f))
        assert same(a, b), (fn.__name__, f)


@CHECK
@given(views, st.sampled_from(sorted(query.SPLITS) + [("city", "kind"), ("status", "sector"), ("park", "status")]),
       st.sampled_from([None, 1, 3, 15]))
def test_stacked_bars(rcon, f, pair, limit):
    dim, split = pair
    a, b = both(lambda: query.totals_split(rcon, f, dim, split, limit))
    assert same(a, b), (f, pair, limit, a, b)


@CHECK
@given(views, st.sampled_from([1, 3, 15]))
def test_top_investors_and_scopes(rcon, f, limit):
    a, b = both(lambda: query.top_investors(rcon, f, limit))
    assert same(a, b), (f, limit, a, b)
    for scope in ("all", "committed", "plans"):
        g = Filters(**{**f.__dict__, "scope": scope})
        a, b = both(lambda: query.scope_totals(rcon, g))
        assert same(a, b), (g, a, b)


@CHECK
@given(views, st.sampled_from(["province", "city"]))
def test_region_totals(rcon, f, level):
    a, b = both(lambda: query.region_totals(rcon, f, level))
    assert same(a, b), (f, level, a, b)


@CHECK
@given(views, bars, st.integers(min_value=0, max_value=40), st.sampled_from([1, 5, 30, 500]))
def test_pages_of_records(rcon, f, bar, offset, limit):
    """Any page, from the head of the list or past it, is the ledger's page."""
    dim, value = bar or (None, None)
    a, b = both(lambda: query.records(rcon, f, dim, value, limit=limit, offset=offset))
    assert same(a, b), (f, bar, offset, limit)


def test_pages_past_the_head(rcon, monkeypatch):
    """With a head shorter than the list, pages are read from it, and past it from the ledger."""
    n = rcon.execute("SELECT count(*) FROM ledger").fetchone()[0]
    rcon.execute("CREATE OR REPLACE TEMP TABLE ledger_head AS SELECT * FROM main.ledger_head WHERE rank_no <= 20")
    try:
        for offset, limit in ((0, 10), (10, 10), (15, 10), (0, 25), (n - 5, 10)):
            a, b = both(lambda: query.records(rcon, Filters(), limit=limit, offset=offset))
            assert same(a, b), (offset, limit)
            assert len(a) == max(0, min(limit, n - offset))
    finally:
        rcon.execute("DROP TABLE temp.ledger_head")


def test_the_split_rollup_holds_the_pairs_the_pages_stack(rcon):
    pairs = set(rcon.execute("SELECT DISTINCT dim, split FROM ledger_split").fetchall())
    assert pairs == set(query.SPLITS)


def test_the_cube_is_used_only_where_it_holds():
    assert query._on_cube(Filters(cities=("Chengdu",)), "sector")
    assert query._on_cube(Filters(date_from=date(2020, 1, 1), date_to=date(2021, 12, 31)))
    assert query.cube(Filters(date_to=date(2021, 12, 31)))[0].startswith("SELECT * FROM ledger_cube_years ")
    assert not query._on_cube(Filters(date_from=date(2020, 1, 2)))
    assert not query._on_cube(Filters(date_to=date(2021, 12, 30)))
    assert not query._on_cube(Filters(date_from=date(2020, 1, 1), currency="USD"))
    assert not query._on_cube(Filters(), "year") and not query._on_cube(Filters(), "park")
    with pytest.raises(ValueError):
        query.cube(Filters(), "park")


@pytest.mark.parametrize("old", [4, 5, 6])
def test_ingest_upgrades_an_older_file_in_place(tmp_path, old):
    """A file written before the stacked-bar, investor and map rollups (schema version 4),
    before the places' numbers (version 5), or before the narrow ledger (version 6), is refused
    by the app with a clear message, and the next ingest rebuilds it in place."""
    from conftest import gazetteer

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Chengdu signs a chip plant\n2021-05-03\n\nTencent signs a chip plant.\n",
                                  encoding="utf-8")
    db = tmp_path / "old.duckdb"
    deal = {"id": "r1", "kind": "deal", "investors": ["Tencent"], "partners": [], "project": "Chip plant",
            "city": "Chengdu", "province": "Sichuan", "district": None, "park": None,
            "sector": "Next-generation IT", "subsector": None, "amount": 1e9, "currency": "CNY",
            "amount_cny": 1e9, "qualifier": "exact", "date": "2021-05", "status": "signed", "part_of": None,
            "n_projects": None, "counts_in_totals": True, "evidence": "Tencent signs a chip plant.", "flags": []}
    store.ingest([folder], db, extractor=lambda a: [dict(deal, article=a.file_name)], gazetteer=gazetteer)
    con = duckdb.connect(str(db))
    for table in ("figures_by_place", "figures_by_sector", "label_index", "investor_index"):
        con.execute(f"DROP TABLE {table}")
    if old <= 5:
        con.execute("CREATE OR REPLACE TABLE ledger AS SELECT * EXCLUDE (place_no) FROM ledger")
        con.execute("DROP TABLE place_index")
    if old == 4:
        for table in ("ledger_split", "investors_by", "point_index"):
            con.execute(f"DROP TABLE {table}")
        con.execute("DROP MACRO article_bound")
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(old)])
    con.close()
    with pytest.raises(store.StoreError, match=f"version {old}"):
        store.connect(db)
    store.ingest([folder], db, extractor=lambda a: [dict(deal, article=a.file_name)], gazetteer=gazetteer)
    con = store.connect(db)
    try:
        assert list(query.top_investors(con, Filters())["label"]) == ["Tencent"]
        assert query.headline(con, Filters(cities=("Chengdu",)))["articles"] == 1
        assert query.totals_split(con, Filters(), "city", "status")["records"].tolist() == [1]
        assert len(query.records(con, Filters(cities=("Chengdu",)))) == 1
        assert query.headline(con, Filters(date_from=date(2021, 5, 2)))["records"] == 1  # the narrow ledger
    finally:
        con.close()


def test_the_stored_time_labels_are_the_macros(rcon):
    """The ledger's year, quarter and month labels (what the time charts group by) are the
    schema's label macros of each record's dates."""
    assert rcon.execute("""
        SELECT count(*) FROM ledger
        WHERE year_label IS DISTINCT FROM label_year(date_start)
           OR quarter_label IS DISTINCT FROM label_quarter(date_start, date_end)
           OR month_label IS DISTINCT FROM label_month(date_start, date_end)""").fetchone()[0] == 0
    assert rcon.execute("SELECT count(DISTINCT month_label) FROM ledger").fetchone()[0] > 3


def test_place_numbers_are_each_records_place_in_ledger_order(rcon):
    """place_no (the ledger's sort key, which city filters narrow the scan by) is the number
    of the record's own (province, city), and the numbers run in (province, city) order, so the
    ledger stays sorted by province for province filters."""
    assert rcon.execute("""
        SELECT count(*) FROM ledger l LEFT JOIN place_index p USING (place_no)
        WHERE p.place_no IS NULL OR p.province IS DISTINCT FROM l.province
           OR p.city IS DISTINCT FROM l.city""").fetchone()[0] == 0
    places = rcon.execute("SELECT province, city FROM place_index ORDER BY place_no").fetchall()
    assert places == sorted(places, key=lambda pc: (pc[0] is None, pc[0] or "", pc[1] is None, pc[1] or ""))
    assert len(places) == len(set(places)) > 5


@pytest.mark.parametrize("cities", [("Chengdu",), ("Chengdu", "Harbin", "Atlantis"), ("Atlantis",)])
def test_a_city_filter_reads_the_same_records_through_place_numbers(rcon, cities):
    """The condition on place numbers that a city filter adds (query._ledger_where) keeps
    exactly the records of those cities, whichever province they are in."""
    where, params = query._ledger_where(Filters(cities=cities))
    assert "place_no" in where
    through = rcon.execute(f"SELECT record_id FROM ledger WHERE {where} ORDER BY record_id", params).fetchall()
    plain = rcon.execute(f"SELECT record_id FROM ledger WHERE city IN ({', '.join('?' * len(cities))}) "
                         f"ORDER BY record_id", list(cities)).fetchall()
    assert through == plain and (through or cities == ("Atlantis",))


def test_the_narrow_ledger_is_the_ledgers_records_as_numbers(rcon):
    """Both orders of the narrow ledger (what filtered figures read) hold every record of the
    ledger once, with its figures, and each label number names the record's own label."""
    n = rcon.execute("SELECT count(*) FROM ledger").fetchone()[0]
    for table in ("figures_by_place", "figures_by_sector"):
        assert rcon.execute(f"SELECT count(DISTINCT rank_no), count(*) FROM {table}").fetchone() == (n, n)
        for dim, label in query.DIMENSIONS.items():
            assert rcon.execute(f"""
                SELECT count(*) FROM ledger l JOIN {table} r USING (rank_no)
                LEFT JOIN label_index x ON x.dim = ? AND x.label_no = r.{dim}_no
                WHERE x.label IS DISTINCT FROM {label} OR r.contribution IS DISTINCT FROM l.contribution
                   OR r.article_no IS DISTINCT FROM l.article_no OR r.point_no IS DISTINCT FROM l.point_no
                   OR r.date_start IS DISTINCT FROM l.date_start OR r.date_end IS DISTINCT FROM l.date_end
                   OR list_sort(r.investor_nos) IS DISTINCT FROM list_sort(
                          (SELECT coalesce(list(i.investor_no), []) FROM unnest(l.investors) u(name)
                           JOIN investor_index i USING (name)))""", [dim]).fetchone()[0] == 0, (table, dim)
