"""The rollups ingest writes (schema.sql: ledger_cube, ledger_by, article_index, ledger_head)
give the ledger's own numbers: every query, on random filters, reads the same with them
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
# mostly filters the cube answers (no dates), some with dates, some empty
views = st.one_of(filters.map(lambda f: Filters(**{**f.__dict__, "date_from": None, "date_to": None})),
                  filters, st.just(Filters()))
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


def test_the_cube_is_used_only_where_it_holds():
    assert query._on_cube(Filters(cities=("Chengdu",)), "sector")
    assert not query._on_cube(Filters(date_from=date(2020, 1, 1)))
    assert not query._on_cube(Filters(), "year") and not query._on_cube(Filters(), "park")
    with pytest.raises(ValueError):
        query.cube(Filters(), "park")
