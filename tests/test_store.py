"""The store: ingest is idempotent and atomic, keeps failed articles, counts every deal once."""
from __future__ import annotations

import hashlib
import math
import os
from datetime import date
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CHENGDU_H01, Builder, article, gazetteer, record
from dashboard import query, store
from dashboard.filters import Filters


def contributions(con) -> dict[str, float]:
    """local id -> contribution, for one-article test databases."""
    return {rid.split(":")[1]: c for rid, c in con.execute("SELECT record_id, contribution FROM ledger").fetchall()}


def total(con) -> float:
    return query.headline(con, Filters())["total_cny"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_counts(db: Path) -> dict[str, int]:
    con = store.connect(db)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "records", "same_deal", "places")}
    finally:
        con.close()


# --- contribution: what each record adds to totals ------------------------------------------

def test_deal_adds_its_amount_event_adds_nothing(build, con):
    build.add(article("x.txt"), [record("a1", amount=5e9), record("a2"), record("a3", kind="event")])
    assert contributions(con) == {"a1": 5e9, "a2": 0, "a3": 0}


def test_bundle_adds_its_remainder(build, con):
    build.add(article("x.txt"), [
        record("a1", kind="bundle", amount=25.4e9, n_projects=5),
        record("a2", amount=11e9, part_of="a1"),
        record("a3", part_of="a1"),                       # no amount: nothing to subtract
        record("a4", amount=2e9, part_of="a1", counts_in_totals=False),  # a repeat: not subtracted
    ])
    assert contributions(con) == {"a1": 14.4e9, "a2": 11e9, "a3": 0, "a4": 0}
    assert total(con) == 25.4e9


def test_bundle_remainder_is_never_negative(build, con):
    build.add(article("x.txt"), [record("a1", kind="bundle", amount=1e9),
                                 record("a2", amount=3e9, part_of="a1")])
    assert contributions(con) == {"a1": 0, "a2": 3e9}


def test_bundle_without_amount_adds_nothing(build, con):
    build.add(article("x.txt"), [record("a1", kind="bundle", n_projects=117),
                                 record("a2", amount=1e9, part_of="a1")])
    assert contributions(con) == {"a1": 0, "a2": 1e9}


def test_nested_bundles_chengdu_h01(build, con):
    build.add(article("h01.txt"), CHENGDU_H01)
    c = contributions(con)
    assert math.isclose(c["a1"], 83.8e9 - 69.87e9)
    assert c["a2"] == 69.87e9
    assert c["a3"] == c["a4"] == c["a5"] == c["a6"] == 0
    assert math.isclose(total(con), 83.8e9)


def test_unpriced_middle_bundle_passes_its_components_up(build, con):
    # h12-like: 113.7 bn of signed projects, of which 11 biomedical ones (no sum given),
    # of which one priced at 2 bn; the 2 bn must come off the 113.7 bn exactly once.
    build.add(article("x.txt"), [
        record("a1", kind="bundle", amount=113.7e9),
        record("a2", kind="bundle", part_of="a1", n_projects=11),
        record("a3", amount=2e9, part_of="a2"),
        record("a4", amount=1e9, part_of="a1"),
    ])
    c = contributions(con)
    assert math.isclose(c["a1"], 113.7e9 - 3e9)
    assert (c["a2"], c["a3"], c["a4"]) == (0, 2e9, 1e9)
    assert math.isclose(total(con), 113.7e9)


def test_cyclic_part_of_does_not_hang(build, con):
    build.add(article("x.txt"), [record("a1", kind="bundle", part_of="a2"),
                                 record("a2", kind="bundle", part_of="a1"),
                                 record("a3", amount=1e9, part_of="a1")])
    assert total(con) == 1e9


# --- the same deal in two articles ------------------------------------------------------------

def tencent(id="a1", **kw):
    return record(id, **{"investors": ["Tencent"], "amount": 5e9, "date": "2020-08-20",
                         "project": "Tencent new cultural and creative headquarter", **kw})


def test_same_deal_in_two_articles_counts_once(build, con):
    build.add(article("early.txt", published=date(2020, 8, 21)), [tencent()])
    build.add(article("late.txt", published=date(2020, 9, 2)),
              [tencent(investors=["Tencent Holdings Ltd."], amount=5.08e9, date="2020-09",
                       project="Tencent HQ")])
    rows = {r[0]: r[1:] for r in con.execute(
        "SELECT a.file_name, l.contribution, l.n_sources, l.counts_in_totals, l.repeat_of IS NOT NULL "
        "FROM ledger l JOIN articles a USING (article_id)").fetchall()}
    assert rows["early.txt"] == (5e9, 2, True, False)
    assert rows["late.txt"] == (0, 2, False, True)
    assert total(con) == 5e9


@pytest.mark.parametrize("change", [
    {"amount": 5.2e9},                   # 4 % apart
    {"city": "Mianyang"},
    {"date": "2021-01-15"},              # ~5 months later
    {"investors": ["ByteDance"], "project": "Another thing"},
    {"kind": "bundle"},
])
def test_different_deals_are_not_linked(build, con, change):
    build.add(article("early.txt", published=date(2020, 8, 21)), [tencent()])
    build.add(article("late.txt", published=date(2020, 9, 2)), [tencent(**change)])
    assert con.execute("SELECT count(*) FROM same_deal").fetchone()[0] == 0
    assert total(con) == 5e9 + (change.get("amount") or 5e9)


def test_two_deals_of_one_article_are_never_merged(build, con):
    # both of early's deals look like late's deal; they stay two deals
    build.add(article("early.txt", published=date(2020, 8, 1)), [tencent("a1"), tencent("a2", project="B")])
    build.add(article("late.txt", published=date(2020, 9, 1)), [tencent("a1")])
    assert con.execute("SELECT count(*) FROM ledger WHERE repeat_of IS NOT NULL").fetchone()[0] == 1
    assert total(con) == 10e9


def test_repeated_component_still_comes_off_its_bundle(build, con):
    # the later article lists the deal inside a bundle; the deal counts once (in the
    # earlier article) and the bundle adds only what the deal does not cover
    build.add(article("early.txt", published=date(2020, 8, 21)), [tencent()])
    build.add(article("late.txt", published=date(2020, 9, 2)),
              [record("b1", kind="bundle", amount=20e9, date="2020-08"), tencent("b2", part_of="b1")])
    assert total(con) == 20e9


def test_components_of_a_repeated_bundle_come_off_the_counted_bundle(build, con):
    # the same 10 bn bundle in two articles; only the later names a 4 bn component
    build.add(article("early.txt", published=date(2020, 8, 21)),
              [record("a1", kind="bundle", amount=10e9, n_projects=5, project="Five projects", date="2020-08-20")])
    build.add(article("late.txt", published=date(2020, 9, 2)),
              [record("b1", kind="bundle", amount=10e9, n_projects=5, project="Five projects", date="2020-08-20"),
               tencent("b2", amount=4e9, part_of="b1")])
    assert total(con) == 10e9


def test_a_component_reported_twice_comes_off_once(build, con):
    bundle = dict(kind="bundle", amount=10e9, n_projects=5, project="Five projects", date="2020-08-20")
    build.add(article("early.txt", published=date(2020, 8, 21)),
              [record("a1", **bundle), tencent("a2", amount=4e9, part_of="a1")])
    build.add(article("late.txt", published=date(2020, 9, 2)),
              [record("b1", **bundle), tencent("b2", amount=4e9, part_of="b1")])
    assert total(con) == 10e9


def test_unpriced_repeats_link_by_project(build, con):
    build.add(article("early.txt", published=date(2020, 4, 14)),
              [record("a1", kind="event", project="Chongqing Blockchain Innovation Alliance",
                      city="Chongqing", province="Chongqing", date="2020-04-14")])
    build.add(article("late.txt", published=date(2020, 4, 20)),
              [record("a1", kind="event", project="Chongqing blockchain innovation alliance",
                      city="Chongqing", province="Chongqing", date="2020-04")])
    assert sorted(con.execute("SELECT n_sources FROM ledger").fetchall()) == [(2,), (2,)]


# --- ingest: idempotent, atomic, keeps what fails -------------------------------------------

TEXTS = {
    "one.txt": "Tencent signs in Chengdu\nPost Time:2020-08-21\n\nEvidence of a1.",
    "two.txt": "Hefei signs eight projects\nPost Time:2020-02-25\n\nEvidence of a1. Evidence of a2.",
}
RECORDS = {
    "one.txt": [tencent()],
    "two.txt": [record("a1", kind="bundle", amount=102e9, city="Hefei", province="Anhui", date="2020-02-25"),
                record("a2", amount=10e9, part_of="a1", city="Hefei", province="Anhui", date="2020-02-25")],
}


def extractor(a):
    return RECORDS[a.file_name]


def test_ingest_twice_stores_once(tmp_path, write_articles):
    paths = write_articles(TEXTS)
    db = tmp_path / "d.duckdb"
    first = store.ingest(paths, db, extractor=extractor, gazetteer=gazetteer)
    assert (first.articles_new, first.articles_skipped, first.failed) == (2, 0, [])
    assert first.records_by_kind == {"deal": 2, "bundle": 1}
    counts = table_counts(db)
    second = store.ingest(paths, db, extractor=extractor, gazetteer=gazetteer)
    assert (second.articles_new, second.articles_skipped, second.records_by_kind) == (0, 2, {})
    assert table_counts(db) == counts == {"articles": 2, "records": 3, "same_deal": 0, "places": len(gazetteer())}
    assert "already stored" in second.summary()


def test_same_text_under_two_names_is_one_article(tmp_path, write_articles):
    paths = write_articles({**TEXTS, "copy.txt": TEXTS["one.txt"]})
    report = store.ingest(paths, tmp_path / "d.duckdb", extractor=lambda a: RECORDS.get(a.file_name, []),
                          gazetteer=gazetteer)
    assert (report.articles_new, report.articles_skipped) == (2, 1)
    assert table_counts(tmp_path / "d.duckdb")["articles"] == 2


def test_an_edited_file_replaces_its_earlier_text(tmp_path, write_articles):
    db = tmp_path / "d.duckdb"
    store.ingest(write_articles(TEXTS), db, extractor=extractor, gazetteer=gazetteer)
    edited = write_articles({"one.txt": TEXTS["one.txt"] + "\nA correction by the editor."})
    report = store.ingest(edited, db, extractor=extractor, gazetteer=gazetteer)
    assert report.articles_new == 1
    con = store.connect(db)
    assert con.execute("SELECT count(*) FROM articles WHERE file_name = 'one.txt'").fetchall() == [(1,)]
    assert con.execute("SELECT count(*) FROM records").fetchall() == [(3,)]
    assert "replaces an earlier text" in con.execute(
        "SELECT message FROM ingest_log WHERE status = 'stored' ORDER BY \"at\" DESC LIMIT 1").fetchall()[0][0]


def test_unreadable_files_and_failed_extraction_are_logged(tmp_path, write_articles):
    paths = write_articles({**TEXTS, "binary.txt": b"\x00\x01\x02", "empty.txt": "  \n",
                            "broken.txt": "An article the extractor trips on\n\nSome text."})

    def flaky(a):
        if a.file_name == "broken.txt":
            raise ValueError("amount parser fell over")
        return RECORDS[a.file_name]

    db = tmp_path / "d.duckdb"
    report = store.ingest(paths, db, extractor=flaky, gazetteer=gazetteer)
    failed = dict(report.failed)
    assert set(failed) == {"binary.txt", "empty.txt", "broken.txt"}
    assert "binary" in failed["binary.txt"] and "empty" in failed["empty.txt"]
    assert "amount parser fell over" in failed["broken.txt"]
    assert report.articles_new == 2
    con = store.connect(db)
    # the text of the article whose extraction failed is kept, marked for another try
    assert con.execute("SELECT text LIKE 'An article%', extractor_version FROM articles "
                       "WHERE file_name = 'broken.txt'").fetchone() == (True, None)
    log = dict(con.execute("SELECT file_name, status FROM ingest_log").fetchall())
    assert log == {"one.txt": "stored", "two.txt": "stored", "binary.txt": "failed",
                   "empty.txt": "failed", "broken.txt": "failed"}
    assert "extraction failed" in query.articles(con, Filters()).set_index("file_name").loc["broken.txt", "problem"]
    con.close()
    # the next ingest tries the failed extraction again, and skips the rest
    again = store.ingest(paths, db, extractor=lambda a: RECORDS.get(a.file_name, [record("a1")]),
                         gazetteer=gazetteer)
    assert (again.articles_reextracted, again.articles_skipped) == (1, 2)


def test_records_that_break_the_contract_fail_their_article(tmp_path, write_articles):
    paths = write_articles(TEXTS)
    bad = {**RECORDS, "one.txt": [tencent(kind="project")]}
    report = store.ingest(paths, tmp_path / "d.duckdb", extractor=lambda a: bad[a.file_name],
                          gazetteer=gazetteer)
    assert [name for name, _ in report.failed] == ["one.txt"]
    assert "kind 'project'" in report.failed[0][1]


@pytest.mark.parametrize("where", ["progress", "linking"])
def test_a_crash_mid_ingest_leaves_the_old_database(tmp_path, write_articles, monkeypatch, where):
    paths = write_articles(TEXTS)
    db = tmp_path / "d.duckdb"
    store.ingest(paths[:1], db, extractor=extractor, gazetteer=gazetteer)
    before, counts = digest(db), table_counts(db)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # not an article's failure: the whole run stops

    kwargs = {"extractor": extractor, "gazetteer": gazetteer}
    if where == "progress":
        kwargs["progress"] = lambda done, total, name: crash() if done == 2 else None
    else:
        monkeypatch.setattr(store, "link_same_deals", crash)
    with pytest.raises(KeyboardInterrupt):
        store.ingest(paths, db, **kwargs)
    assert digest(db) == before
    assert table_counts(db) == counts
    assert sorted(p.name for p in tmp_path.iterdir()) == [".d.duckdb.lock", "articles", "d.duckdb"]


def test_a_crash_on_the_first_ingest_leaves_no_database(tmp_path, write_articles):
    paths = write_articles(TEXTS)

    def crash(*args):
        raise SystemExit(1)

    with pytest.raises(SystemExit):
        store.ingest(paths, tmp_path / "d.duckdb", extractor=extractor, gazetteer=gazetteer, progress=crash)
    assert not (tmp_path / "d.duckdb").exists()


@pytest.mark.parametrize("how", ["raise", "exit"])
def test_an_extractor_that_stops_its_worker_fails_only_its_article(tmp_path, write_articles, how):
    """Extraction runs in worker processes: even an extractor that raises SystemExit or
    ends its process is one article's failure; the other articles are stored."""
    paths = write_articles(TEXTS)

    def crash(a):
        if a.file_name == "two.txt":
            if how == "raise":
                raise SystemExit(1)
            os._exit(3)
        return extractor(a)

    report = store.ingest(paths, tmp_path / "d.duckdb", extractor=crash, gazetteer=gazetteer)
    assert [name for name, _ in report.failed] == ["two.txt"]
    assert ("exit code 3" if how == "exit" else "SystemExit") in report.failed[0][1]
    assert report.articles_new == len(TEXTS) - 1


def test_one_ingest_at_a_time(tmp_path, write_articles):
    paths = write_articles(TEXTS)
    db = tmp_path / "d.duckdb"
    with store._lock(db):
        with pytest.raises(store.StoreError, match="another ingest"):
            store.ingest(paths, db, extractor=extractor, gazetteer=gazetteer)


def test_places_come_from_the_gazetteer(db_file):
    con = store.connect(db_file)
    assert con.execute("SELECT count(*), count(*) FILTER (kind = 'park') FROM places").fetchone() == \
        (len(gazetteer()), 1)


def test_a_failing_gazetteer_keeps_the_records(tmp_path, write_articles):
    def broken():
        raise RuntimeError("no data file")

    report = store.ingest(write_articles(TEXTS), tmp_path / "d.duckdb", extractor=extractor, gazetteer=broken)
    assert any("Places not updated" in n for n in report.notes)
    assert table_counts(tmp_path / "d.duckdb")["records"] == 3


def test_summary_reads_well(tmp_path, write_articles):
    paths = write_articles({**TEXTS, "empty.txt": ""})
    report = store.ingest(paths, tmp_path / "d.duckdb", extractor=extractor, gazetteer=gazetteer)
    text = report.summary()
    assert "2 articles read: 2 new" in text and "1 file failed" in text and "empty.txt" in text


# --- opening --------------------------------------------------------------------------------

def test_connect_missing_file(tmp_path):
    with pytest.raises(store.StoreError, match="no database here yet.*ingest"):
        store.connect(tmp_path / "nothing.duckdb")


def test_connect_not_a_duckdb_file(tmp_path):
    p = tmp_path / "notes.duckdb"
    p.write_text("just some text, not a database\n" * 100)
    with pytest.raises(store.StoreError, match="cannot be opened as a DuckDB database"):
        store.connect(p)


def test_connect_half_written_file(tmp_path, db_file):
    half = tmp_path / "half.duckdb"
    half.write_bytes(db_file.read_bytes()[:20_000])
    with pytest.raises(store.StoreError, match="cannot be opened as a DuckDB database"):
        store.connect(half)


def test_connect_duckdb_without_schema(tmp_path):
    p = tmp_path / "other.duckdb"
    duckdb.connect(str(p)).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(store.StoreError, match="without the dashboard's tables"):
        store.connect(p)


def test_connect_older_schema(tmp_path):
    p = tmp_path / "old.duckdb"
    c = store.connect(p, read_only=False)
    c.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    c.close()
    with pytest.raises(store.StoreError, match="schema version 0"):
        store.connect(p)


def test_connect_read_only_cannot_write(db_file):
    con = store.connect(db_file)
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM records")


def test_default_db_path(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", "/somewhere/x.duckdb")
    assert store.default_db_path() == "/somewhere/x.duckdb"
    monkeypatch.delenv("DASHBOARD_DB")
    assert store.default_db_path().endswith("data/deals.duckdb")


# --- what is written reads back unchanged ------------------------------------------------------

text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
maybe_text = st.none() | text
amount = st.none() | st.floats(min_value=0, max_value=1e15, allow_nan=False)


@st.composite
def contract_records(draw):
    n = draw(st.integers(1, 6))
    out = []
    for i in range(n):
        ids = [r["id"] for r in out]
        out.append({
            "id": f"a{i + 1}", "article": "prop.txt",
            "kind": draw(st.sampled_from(["deal", "bundle", "event"])),
            "investors": draw(st.lists(text, max_size=3)), "partners": draw(st.lists(text, max_size=3)),
            "project": draw(maybe_text), "city": draw(maybe_text), "province": draw(maybe_text),
            "district": draw(maybe_text), "park": draw(maybe_text), "sector": draw(maybe_text),
            "subsector": draw(maybe_text), "amount": draw(amount), "currency": draw(st.none() | st.just("USD")),
            "amount_cny": draw(amount),
            "qualifier": draw(st.sampled_from([None, "exact", "approx", "at_least", "up_to"])),
            "date": draw(st.none() | st.sampled_from(["2021", "2021-07", "2021-07-05", "sometime"])),
            "status": draw(st.sampled_from(["signed", "announced", "listed"])),
            "part_of": draw(st.none() | st.sampled_from(ids)) if ids else None,
            "n_projects": draw(st.none() | st.integers(0, 100_000)),
            "counts_in_totals": draw(st.booleans()),
            "evidence": draw(text), "flags": draw(st.lists(text, max_size=2)),
        })
        if draw(st.booleans()):
            out[-1]["confidence"] = draw(st.floats(0, 1))  # an optional field added to the contract later
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(contract_records())
def test_records_read_back_unchanged(con, records):
    con.execute("DELETE FROM records; DELETE FROM articles")
    art = article("prop.txt")
    Builder(con).add(art, records)
    assert query.extracted_records(con, art.article_id) == records


@pytest.mark.parametrize("damage", [
    "DROP TABLE ledger",
    "UPDATE meta SET value = 'two' WHERE key = 'schema_version'",
])
def test_a_damaged_database_gives_a_clear_error(tmp_path, damage):
    db = tmp_path / "damaged.duckdb"
    con = duckdb.connect(str(db))
    store.create_schema(con, str(db))
    con.execute(damage)
    con.close()
    with pytest.raises(store.StoreError, match="damaged.duckdb"):
        store.connect(db)
