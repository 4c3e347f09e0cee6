"""The query layer: every function, filters combined, dimensions whitelisted, values as parameters."""
from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from conftest import CHENGDU_H01, PLACES, Builder, FakePlace, article, record
from dashboard import query, store
from dashboard.filters import Filters

DIMS = list(query.DIMENSIONS)


@pytest.fixture
def deals(build, con):
    """Three articles: the h01 nested bundles, a Tencent deal reported twice, a Hefei deal."""
    build.add(article("h01.txt", published=date(2022, 7, 7)), CHENGDU_H01)
    build.add(article("tencent.txt", published=date(2020, 8, 21)),
              [record("a1", investors=["Tencent"], amount=5e9, date="2020-08-20", park="Chengdu Hi-Tech Zone",
                      sector="Digital creative", project="Tencent HQ")])
    build.add(article("again.txt", published=date(2020, 9, 1)),
              [record("a1", investors=["Tencent Holdings"], amount=5e9, date="2020-08", sector="Digital creative",
                      project="Tencent HQ"),
               record("a2", amount=1e9, city="Hefei", province="Anhui", date="2021", sector="Biotechnology",
                      status="announced"),
               record("a3", amount=2e9, city=None, province="Sichuan", date="2021-03", sector="Other")])
    return con


# --- figures --------------------------------------------------------------------------------

def test_headline(deals):
    h = query.headline(deals, Filters())
    assert math.isclose(h["total_cny"], 83.8e9 + 5e9 + 1e9 + 2e9)
    # the repeat of a deal reported by a second article is one deal with two sources, not two deals
    assert h == {**h, "records": 10, "deals": 6, "bundles": 2, "events": 1, "cities": 2, "articles": 3,
                 "undisclosed": 3, "repeats": 1}


def test_headline_of_nothing(deals):
    h = query.headline(deals, Filters(cities=("Atlantis",)))
    assert (h["total_cny"], h["records"], h["articles"]) == (0, 0, 0)


def test_totals_by_city_names_province_wide_records(deals):
    df = query.totals_by(deals, Filters(), "city")
    assert list(df.columns) == ["label", "total_cny", "records", "articles"]
    got = dict(zip(df.label, df.total_cny))
    assert math.isclose(got["Chengdu"], 88.8e9)
    assert got["Sichuan (province-wide)"] == 2e9 and got["Hefei"] == 1e9
    assert list(df.label) == ["Chengdu", "Sichuan (province-wide)", "Hefei"]  # biggest first


def test_totals_by_year_in_time_order(deals):
    df = query.totals_by(deals, Filters(), "year")
    assert list(df.label) == ["2020", "2021", "2022"]
    assert list(df.records) == [2, 2, 6]


def test_totals_by_limit(deals):
    assert len(query.totals_by(deals, Filters(), "city", limit=2)) == 2


@pytest.mark.parametrize("dim", DIMS)
def test_totals_by_every_dimension_adds_up(random_con, dim):
    f = Filters(sectors=("Biotechnology", "New energy"), date_from=date(2020, 1, 1))
    df = query.totals_by(random_con, f, dim)
    h = query.headline(random_con, f)
    assert math.isclose(df.total_cny.sum(), h["total_cny"])
    assert df.records.sum() == h["records"] == query.count_records(random_con, f)
    # every bar's label leads back to exactly its own records
    for label, n in zip(df.label, df.records):
        assert query.count_records(random_con, f, dim, label) == n


def test_unknown_dimension_is_rejected(deals):
    for bad in ("country", "city; DROP TABLE records", ""):
        with pytest.raises(query.UnknownDimension):
            query.totals_by(deals, Filters(), bad)
        with pytest.raises(query.UnknownDimension):
            query.records(deals, Filters(), bad, "x")


def test_filters_combined(deals):
    f = Filters(cities=("Chengdu",), sectors=("Digital creative",), date_from=date(2020, 8, 1),
                date_to=date(2020, 8, 31))
    df = query.records(deals, f)
    assert sorted(df.file_name) == ["again.txt", "tencent.txt"]  # "2020-08" overlaps the range
    assert query.headline(deals, f)["total_cny"] == 5e9
    f = Filters(provinces=("Sichuan", "Anhui"), statuses=("announced",), kinds=("deal",))
    assert list(query.records(deals, f).city) == ["Hefei"]
    assert query.count_records(deals, Filters(date_from=date(2023, 1, 1))) == 0


def test_values_are_parameters_not_sql(deals):
    evil = "x'); DROP TABLE records; --"
    f = Filters(cities=(evil,), sectors=(evil,))
    assert query.count_records(deals, f) == 0
    assert query.count_records(deals, Filters(), "city", evil) == 0
    assert query.sources(deals, Filters(), "park", evil).empty
    assert query.article(deals, evil) is None
    assert deals.execute("SELECT count(*) FROM records").fetchall() == [(10,)]
    # and a real value with a quote in it is found like any other
    store._insert_records(deals, store.record_rows(article("q.txt"), [record("a1", city="Xi'an", amount=1.0)]), None)
    store.derive(deals)
    assert query.count_records(deals, Filters(cities=("Xi'an",))) == 1


# --- lists ----------------------------------------------------------------------------------

def test_records_columns_and_order(deals):
    df = query.records(deals, Filters())
    agreed = ["record_id", "article_id", "kind", "project", "investors", "partners", "city", "province",
              "district", "park", "sector", "subsector", "amount", "currency", "amount_cny", "qualifier",
              "date", "status", "part_of", "n_projects", "counts_in_totals", "contribution", "n_sources",
              "flags", "evidence", "title", "published", "file_name"]
    assert set(agreed) <= set(df.columns)
    assert list(df.contribution) == sorted(df.contribution, reverse=True)
    assert df["investors"].map(type).eq(list).all() and df["flags"].map(type).eq(list).all()
    kept = df[df.file_name == "tencent.txt"].iloc[0]
    assert (kept.n_sources, kept.contribution, kept.investors) == (2, 5e9, ["Tencent"])


def test_records_pages(deals):
    whole = query.records(deals, Filters())
    pages = [query.records(deals, Filters(), limit=4, offset=o) for o in (0, 4, 8)]
    assert [len(p) for p in pages] == [4, 4, 2]
    assert sum((list(p.record_id) for p in pages), []) == list(whole.record_id)


def test_records_of_one_bar(deals):
    df = query.records(deals, Filters(), "city", "Sichuan (province-wide)")
    assert list(df.amount_cny) == [2e9]
    assert query.count_records(deals, Filters(), "kind", "bundle") == 2


def test_sources(deals):
    df = query.sources(deals, Filters())
    assert list(df.columns) == ["article_id", "title", "publisher", "published", "file_name", "url",
                                "records", "total_cny"]
    assert list(df.file_name) == ["h01.txt", "tencent.txt", "again.txt"]
    assert math.isclose(df.total_cny.sum(), query.headline(deals, Filters())["total_cny"])
    one = query.sources(deals, Filters(), "city", "Hefei")
    assert list(one.file_name) == ["again.txt"] and list(one.records) == [1]


def test_articles(deals):
    df = query.articles(deals, Filters())
    assert {"article_id", "title", "publisher", "published", "file_name", "records", "total_cny"} <= set(df.columns)
    assert list(df.file_name) == ["h01.txt", "again.txt", "tencent.txt"]  # newest first
    assert list(query.articles(deals, Filters(cities=("Hefei",))).file_name) == ["again.txt"]


def test_article_and_its_records(deals):
    aid = deals.execute("SELECT article_id FROM articles WHERE file_name = 'h01.txt'").fetchone()[0]
    a = query.article(deals, aid)
    assert a["file_name"] == "h01.txt" and a["text"] == "Text of h01.txt." and a["published"] == date(2022, 7, 7)
    df = query.article_records(deals, aid)
    assert list(df.record_id) == [f"{aid}:a{i}" for i in range(1, 7)]  # article order
    assert {"evidence_start", "evidence_end"} <= set(df.columns)
    assert df.part_of.isna()[0] and list(df.part_of[1:3]) == [f"{aid}:a1", f"{aid}:a2"]
    assert query.article(deals, "nope") is None
    assert query.article_records(deals, "nope").empty


def test_evidence_offsets_point_into_the_text(con, build):
    art = article("x.txt", text="Headline\n\nFirst sentence. Tencent will invest 5 billion yuan. Last.")
    build.add(art, [record("a1", evidence="Tencent will invest 5 billion yuan."), record("a2", evidence="Not there.")])
    df = query.article_records(con, art.article_id)
    start, end = int(df.evidence_start[0]), int(df.evidence_end[0])
    assert art.text[start:end] == "Tencent will invest 5 billion yuan."
    assert df.evidence_start.isna()[1]


def test_options(deals):
    o = query.options(deals)
    assert o.cities == ("Chengdu", "Hefei")
    assert o.provinces == ("Anhui", "Sichuan")
    assert o.kinds == ("bundle", "deal", "event")
    assert (o.first_date, o.last_date) == (date(2020, 8, 1), date(2022, 7, 7))


# --- map ------------------------------------------------------------------------------------

def test_map_points(deals):
    df = query.map_points(deals, Filters())
    assert list(df.columns) == ["name", "kind", "city", "province", "lat", "lon", "total_cny", "records", "articles"]
    points = {(n, k): (t, r) for n, k, t, r in zip(df.name, df.kind, df.total_cny, df.records)}
    assert points[("Chengdu Hi-Tech Zone", "park")] == (5e9, 1)
    assert math.isclose(points[("Chengdu", "city")][0], 83.8e9)
    assert points[("Hefei", "city")] == (1e9, 1)
    assert len(df) == 3  # the province-wide record has no point


def test_map_never_counts_a_record_at_two_places(con):
    # two Fuzhous, and a second park of the same name: each record still lands once
    Builder(con, places=[*PLACES, FakePlace("Chengdu Hi-Tech Zone", "park", None, lat=1.0, lon=1.0)]).add(
        article("x.txt"), [record("a1", city="Fuzhou", province="Jiangxi", amount=1e9),
                           record("a2", city="Fuzhou", province=None, amount=2e9),
                           record("a3", park="Chengdu Hi-Tech Zone", amount=4e9)])
    df = query.map_points(con, Filters())
    assert df.total_cny.sum() == 7e9
    jiangxi = df[df.province == "Jiangxi"]
    assert list(jiangxi.lat) == [27.95]


def test_ingest_log(db_file):
    con = store.connect(db_file)
    log = query.ingest_log(con)
    assert set(log.status) == {"stored"} and len(log) == 2


# --- sources of a map point, counts beyond the list's limit, provinces for the map ------------

def test_point_sources_are_exactly_the_records_of_the_marker(con):
    """A city marker's sources leave out records drawn at a park marker inside that city,
    and a park written in another case is found as map_points finds it."""
    Builder(con).add(article("park.txt", published=date(2021, 1, 1)),
                     [record("a1", park="chengdu hi-tech ZONE", amount=4e9)]).add(
        article("city.txt", published=date(2021, 2, 1)), [record("a1", amount=1e9)])
    pts = query.map_points(con, Filters())
    by_kind = {k: (n, k, la, lo) for n, k, la, lo in zip(pts.name, pts.kind, pts.lat, pts.lon)}
    assert set(by_kind) == {"park", "city"}
    park = query.sources(con, Filters(), point=by_kind["park"])
    city = query.sources(con, Filters(), point=by_kind["city"])
    assert list(park.file_name) == ["park.txt"] and list(city.file_name) == ["city.txt"]
    for kind, point in by_kind.items():
        row = pts[pts.kind == kind].iloc[0]
        got = query.sources(con, Filters(), point=point)
        assert got.records.sum() == row.records and math.isclose(got.total_cny.sum(), row.total_cny)
        assert query.count_sources(con, Filters(), point=point) == row.articles
    # the filters still apply, and a point that is not on the map has no sources
    assert query.sources(con, Filters(cities=("Hefei",)), point=by_kind["city"]).empty
    assert query.count_sources(con, Filters(), point=("Atlantis", "city", 0.0, 0.0)) == 0
    with pytest.raises(ValueError):
        query.sources(con, Filters(), "city", "Chengdu", point=by_kind["city"])


def test_point_of_two_places_of_one_name(con):
    Builder(con).add(article("x.txt"), [record("a1", city="Fuzhou", province="Jiangxi", amount=1e9),
                                        record("a2", city="Fuzhou", province="Fujian", amount=2e9)])
    pts = query.map_points(con, Filters())
    assert len(pts) == 2
    for row in pts.itertuples():
        got = query.sources(con, Filters(), point=(row.name, row.kind, row.lat, row.lon))
        assert got.total_cny.sum() == row.total_cny


def test_counts_are_not_capped_by_the_list_limit(con):
    Builder(con).add_many([(article(f"n{i:04d}.txt"), [record("a1", amount=1e9)]) for i in range(12)])
    assert len(query.sources(con, Filters(), limit=5)) == 5
    assert query.count_sources(con, Filters()) == 12
    assert query.count_sources(con, Filters(), "city", "Chengdu") == 12
    assert query.count_sources(con, Filters(cities=("Hefei",))) == 0
    assert len(query.articles(con, Filters(), limit=5)) == 5
    assert query.count_articles(con, Filters()) == 12
    assert query.count_articles(con, Filters(cities=("Chengdu",))) == 12
    assert query.count_articles(con, Filters(cities=("Hefei",))) == 0


def test_count_articles_with_no_filter_counts_articles_without_records(con):
    Builder(con).add(article("empty.txt"), []).add(article("one.txt", text="One."), [record("a1")])
    assert query.count_articles(con, Filters()) == len(query.articles(con, Filters())) == 2
    assert query.count_articles(con, Filters(sectors=("Next-generation IT",))) == 1


def test_region_totals(deals):
    """Money per province and per city, for filling the map's outlines: a province holds its
    province-wide records too, and the filters apply."""
    prov = query.region_totals(deals, Filters(), "province")
    assert list(prov.columns) == ["name", "total_cny", "records", "articles"]
    got = {n: t for n, t in zip(prov.name, prov.total_cny)}
    assert math.isclose(got["Sichuan"], 83.8e9 + 5e9 + 2e9) and got["Anhui"] == 1e9
    assert math.isclose(prov.total_cny.sum(), query.headline(deals, Filters())["total_cny"])
    city = query.region_totals(deals, Filters(), "city")
    assert list(city.columns) == ["province", "name", "total_cny", "records", "articles"]
    assert set(zip(city.province, city.name)) == {("Sichuan", "Chengdu"), ("Anhui", "Hefei")}
    assert list(query.region_totals(deals, Filters(cities=("Hefei",)), "province").name) == ["Anhui"]
    with pytest.raises(query.UnknownDimension):
        query.region_totals(deals, Filters(), "district; DROP TABLE records")


# --- what a figure leaves out or only bounds -------------------------------------------------

def test_count_lower_bounds(deals, build):
    assert query.count_lower_bounds(deals, Filters()) == 0
    build.add(article("jiangxi.txt", published=date(2020, 3, 27)),
              [record("a1", kind="bundle", amount=1.5e12, qualifier="at_least", city=None, province="Jiangxi",
                      status="listed", n_projects=1431),
               record("a2", amount=3e9, qualifier="at_least", status="listed", city=None, province="Jiangxi"),
               record("a3", kind="event", amount=None, qualifier="at_least", city=None, province="Jiangxi")])
    # the bundle and its priced project both add to the total; the event adds nothing
    assert query.count_lower_bounds(deals, Filters()) == 2
    assert query.count_lower_bounds(deals, Filters(statuses=("signed",))) == 0


def test_count_undated(deals, build):
    build.add(article("undated.txt", published=None),
              [record("a1", amount=1e9, date=None), record("a2", amount=2e9, date=None, city="Hefei",
                                                           province="Anhui")])
    assert query.count_undated(deals, Filters()) == 0  # no date filter: nothing is dropped
    f = Filters(date_from=date(2019, 1, 1))
    assert query.count_undated(deals, f) == 2
    assert query.count_undated(deals, Filters(cities=("Chengdu",), date_to=date(2030, 1, 1))) == 1
    # the undated records are exactly what the date filter drops from the view without it
    every = query.count_records(deals, Filters())
    assert query.count_records(deals, f) + query.count_undated(deals, f) == every


def test_unmapped_is_what_the_map_leaves_out(deals):
    for f in (Filters(), Filters(provinces=("Sichuan",)), Filters(cities=("Hefei",))):
        u = query.unmapped(deals, f)
        on_map = query.map_points(deals, f).total_cny.sum()
        assert math.isclose(u["total_cny"] + on_map, query.headline(deals, f)["total_cny"])
        assert u["records"] + query.map_points(deals, f).records.sum() == query.count_records(deals, f)
    u = query.unmapped(deals, Filters())
    assert u == {"total_cny": 2e9, "records": 1}  # the province-wide Sichuan record
    recs = query.unmapped_records(deals, Filters())
    assert list(recs.province) == ["Sichuan"] and recs.city.isna().all()
    assert set(query.RECORD_COLUMNS) <= set(recs.columns) and isinstance(recs["flags"].iloc[0], list)
    assert query.unmapped(deals, Filters(cities=("Hefei",))) == {"total_cny": 0.0, "records": 0}


def test_one_record_has_the_columns_of_a_page_of_records(random_con):
    from dashboard.filters import Filters as F
    page = query.records(random_con, F(), limit=1)
    one = query.record(random_con, page["record_id"][0])
    assert set(page.columns) <= set(one) and one["record_id"] == page["record_id"][0]
    assert query.record(random_con, "no:such") is None


# --- scope, currency and the views of issue 7 ------------------------------------------------

def test_scope_totals_split_committed_from_plans(deals):
    every = query.headline(deals, Filters())["total_cny"]
    t = query.scope_totals(deals, Filters(scope="committed"))
    assert t["plans"] == pytest.approx(1e9)  # Hefei's announced deal
    assert t["committed"] + t["plans"] + t["other"] == pytest.approx(every)
    assert query.headline(deals, Filters(scope="committed"))["total_cny"] == pytest.approx(t["committed"])
    assert query.headline(deals, Filters(scope="plans"))["total_cny"] == pytest.approx(1e9)


def test_usd_converts_each_record_at_its_year_rate(deals):
    usd = Filters(currency="USD")
    r = query.rates("USD")
    expected = sum(row.contribution / r[min(max(row.date_start.year if not pd.isna(row.date_start) else
                                                 query.fx.latest_full_year(), min(r)), max(r))]
                   for row in query.records(deals, Filters()).itertuples())
    assert query.headline(deals, usd)["total_cny"] == pytest.approx(expected)
    assert query.headline(deals, usd)["records"] == query.headline(deals, Filters())["records"]
    # the Hefei deal of 2021 at 2021's average, named by the rates used
    used = query.rates_used(deals, usd, "city")
    hefei = used[used["label"] == "Hefei"]
    assert list(hefei["fx_year"]) == [2021] and hefei["fx_rate"].iloc[0] == pytest.approx(query.fx.yearly_rate("USD", 2021))
    assert query.total(deals, usd, "city", "Hefei") == pytest.approx(1e9 / r[2021])
    assert query.rates_used(deals, Filters()).empty


def test_stacked_totals_add_up_to_the_bars(deals):
    bars = query.totals_by(deals, Filters(), "city").set_index("label")["total_cny"]
    parts = query.totals_split(deals, Filters(), "city", "status").groupby("label")["total_cny"].sum()
    assert parts.sort_index().tolist() == pytest.approx(bars.sort_index().tolist())
    top = query.totals_split(deals, Filters(), "city", "status", limit=1)
    assert top["label"].nunique() == 1 and top["label"].iloc[0] == bars.idxmax()


def test_time_steps_keep_a_year_only_record_apart(deals):
    q = query.totals_by(deals, Filters(), "quarter")
    assert "2021 (no quarter)" in set(q["label"]) and "2021 Q1" in set(q["label"])
    assert list(q["label"]) == sorted(q["label"])
    m = query.totals_by(deals, Filters(), "month")
    assert "2020-08" in set(m["label"])


def test_investors_and_drilling_into_one(deals):
    inv = query.top_investors(deals, Filters())
    assert {"Tencent", "Tencent Holdings"} <= set(inv["label"])
    assert query.count_records(deals, Filters(), "investor", "Tencent") == 1
    assert query.count_records(deals, Filters(), "investor", "x') OR TRUE --") == 0


def test_records_in_each_order(deals):
    for sort in query.ORDERS:
        assert len(query.records(deals, Filters(), sort=sort)) == query.count_records(deals, Filters())
    dates = query.records(deals, Filters(), sort="date")["date_start"].dropna().tolist()
    assert dates == sorted(dates, reverse=True)
    with pytest.raises(ValueError):
        query.records(deals, Filters(), sort="random()")


def test_qualifiers_counted(deals):
    assert query.count_qualifiers(deals, Filters(cities=("Nowhere",))) == {}
    assert sum(query.count_qualifiers(deals, Filters()).values()) == query.count_records(deals, Filters()) - sum(
        1 for q in query.records(deals, Filters()).itertuples() if q.qualifier is None or q.contribution == 0)
