"""Corrections: kept in a log, matched by article and evidence (not by record id), applied over
extracted values, kept through re-extraction and rebuilds, and counted in totals."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from conftest import gazetteer, record
from dashboard import corrections as fixes
from dashboard import query, store
from dashboard.filters import Filters

SENTENCE = "Tencent and BOE will invest 5 billion yuan and 2 billion yuan in Chengdu."
TEXTS = {
    "one.txt": f"Two companies sign in Chengdu\nPost Time:2020-08-21\n\n{SENTENCE} The city welcomed them.",
    "two.txt": "Hefei signs with NIO\nPost Time:2020-02-25\n\nNIO will invest 10 billion yuan in Hefei.",
}


def records_v1(name: str) -> list[dict]:
    if name == "one.txt":  # two records from one sentence: `nth` tells them apart
        return [record("a1", investors=["Tencent"], amount=5e9, evidence=SENTENCE),
                record("a2", investors=["BOE"], amount=2e9, evidence=SENTENCE)]
    return [record("a1", investors=["NIO"], amount=10e9, city="Hefei", province="Anhui",
                   evidence="NIO will invest 10 billion yuan in Hefei.", date="2020-02")]


def records_v2(name: str) -> list[dict]:
    """A new extractor: other ids, an extra record first, evidence with other spacing."""
    recs = [{**r, "id": f"r{i + 2}", "evidence": r["evidence"].replace(" will ", "  will\n")}
            for i, r in enumerate(records_v1(name))]
    return [record("r1", kind="event", evidence="The city welcomed them."), *recs]


@pytest.fixture
def db(tmp_path, write_articles):
    path = tmp_path / "deals.duckdb"
    store.ingest(write_articles(TEXTS), path, extractor=lambda a: records_v1(a.file_name), gazetteer=gazetteer)
    return path


def rid(db, investor: str) -> str:
    con = store.connect(db)
    try:
        return con.execute("SELECT record_id FROM ledger WHERE investors[1] = ?", [investor]).fetchone()[0]
    finally:
        con.close()


def row(db, investor: str) -> dict:
    con = store.connect(db)
    try:
        cur = con.execute("SELECT * FROM ledger WHERE investors[1] = ?", [investor])
        return dict(zip([d[0] for d in cur.description], cur.fetchone()))
    finally:
        con.close()


def total(db) -> float:
    con = store.connect(db)
    try:
        return query.headline(con, Filters())["total_cny"]
    finally:
        con.close()


def fix(db, investor, field, value, note="checked against the press release", author="ana"):
    return store.correct(db, [store.Change(rid(db, investor), field, value)], author=author, note=note)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


# --- applied, and kept ---------------------------------------------------------------------

def test_a_correction_survives_re_extraction_by_a_new_extractor(db, write_articles, monkeypatch):
    fix(db, "BOE", "sector", "Biotechnology")
    fix(db, "BOE", "amount", "3e9")
    assert (row(db, "BOE")["sector"], row(db, "BOE")["amount_cny"], row(db, "Tencent")["sector"]) == \
        ("Biotechnology", 3e9, "Next-generation IT")

    monkeypatch.setattr(store, "EXTRACTOR_VERSION", "test-2")
    report = store.ingest(write_articles(TEXTS), db, extractor=lambda a: records_v2(a.file_name),
                          gazetteer=gazetteer)
    assert report.articles_reextracted == 2
    boe, tencent = row(db, "BOE"), row(db, "Tencent")
    assert boe["record_id"].endswith(":r3")          # renumbered, and found again by its sentence
    assert (boe["sector"], boe["amount"], boe["amount_cny"], boe["corrected"]) == ("Biotechnology", 3e9, 3e9, True)
    assert (tencent["sector"], tencent["amount_cny"], tencent["corrected"]) == ("Next-generation IT", 5e9, False)
    assert total(db) == 5e9 + 3e9 + 10e9
    assert "3 corrections applied" in report.summary()


def test_corrections_survive_a_database_rebuilt_from_nothing(db, write_articles):
    fix(db, "NIO", "city", "Wuhu")
    db.unlink()
    store.ingest(write_articles(TEXTS), db, extractor=lambda a: records_v1(a.file_name), gazetteer=gazetteer)
    assert row(db, "NIO")["city"] == "Wuhu"


def test_history_keeps_who_when_old_new_and_why(db):
    fix(db, "NIO", "status", "started", note="construction began in May", author="li")
    fix(db, "NIO", "status", "completed", note="opened in 2023", author="ana")
    log = fixes.read_log(fixes.log_path(str(db)))
    con = store.connect(db)
    key = store.record_key(con, rid(db, "NIO"))
    con.close()
    got = [(c.author, c.field, c.old, c.value, c.note) for c in fixes.history(log, key)]
    assert got == [("ana", "status", "started", "completed", "opened in 2023"),
                   ("li", "status", "signed", "started", "construction began in May")]
    assert row(db, "NIO")["status"] == "completed"


def test_lists_are_corrected_as_lists(db):
    fix(db, "BOE", "investors", "BOE Technology Group; Chengdu Investment Co.")
    assert row(db, "BOE Technology Group")["investors"] == ["BOE Technology Group", "Chengdu Investment Co."]


def test_an_amount_in_another_currency_brings_its_yuan(db):
    fix(db, "NIO", "currency", "USD")
    fix(db, "NIO", "amount", "1000000000")
    nio = row(db, "NIO")
    assert nio["currency"] == "USD" and nio["amount"] == 1e9
    assert 5e9 < nio["amount_cny"] < 8e9      # at 2020's yearly rate, not 1:1


def test_a_cleared_field_is_null(db):
    fix(db, "NIO", "amount", "")
    assert row(db, "NIO")["amount"] is None and row(db, "NIO")["contribution"] == 0


# --- totals ---------------------------------------------------------------------------------

def test_not_a_deal_adds_nothing_and_can_be_undone(db):
    assert total(db) == 17e9
    fix(db, "NIO", "not_a_deal", "true", note="a revenue target, not an investment")
    nio = row(db, "NIO")
    assert (nio["not_a_deal"], nio["counts_in_totals"], nio["contribution"]) == (True, False, 0)
    assert total(db) == 7e9
    fix(db, "NIO", "not_a_deal", "false", note="it is a deal after all")
    assert total(db) == 17e9


def test_a_person_puts_back_a_figure_the_filter_set_aside(tmp_path, write_articles):
    path = tmp_path / "deals.duckdb"
    def flagged(a):
        recs = records_v1(a.file_name)
        if a.file_name != "one.txt":
            recs[0].update(flags=["likely_not_a_deal"], counts_in_totals=False)
        return recs
    store.ingest(write_articles(TEXTS), path, extractor=flagged, gazetteer=gazetteer)
    assert total(path) == 7e9
    fix(path, "NIO", "not_a_deal", "false", note="read it: a real plant")
    assert total(path) == 17e9 and row(path, "NIO")["counts_in_totals"]
    fix(path, "NIO", "not_a_deal", "true", note="no, a target after all")
    assert total(path) == 7e9


def test_merged_records_count_once(db):
    fix(db, "NIO", "same_deal_as", rid(db, "Tencent"), note="the same plant, reported twice")
    nio, tencent = row(db, "NIO"), row(db, "Tencent")
    assert (nio["contribution"], nio["repeat_of"]) == (0, tencent["record_id"])
    assert (tencent["contribution"], tencent["n_sources"]) == (5e9, 2)
    assert total(db) == 7e9
    fix(db, "NIO", "same_deal_as", "", note="two plants after all")
    assert total(db) == 17e9


def test_two_records_of_one_article_merge_too(db):
    fix(db, "BOE", "same_deal_as", rid(db, "Tencent"), note="a joint venture: one deal")
    assert total(db) == 15e9
    assert row(db, "BOE")["repeat_of"] == rid(db, "Tencent")


def test_part_of_names_a_bundle(db):
    with pytest.raises(fixes.CorrectionError, match="not a bundle"):
        fix(db, "BOE", "part_of", rid(db, "Tencent"))
    fix(db, "Tencent", "kind", "bundle", note="a total of two projects")
    fix(db, "BOE", "part_of", rid(db, "Tencent"))
    assert row(db, "Tencent")["contribution"] == 3e9   # 5 bn less its component's 2 bn
    assert total(db) == 15e9


# --- refused, and nothing changed -----------------------------------------------------------

@pytest.mark.parametrize("field, value, message", [
    ("colour", "red", "'colour' is not a field that can be corrected"),
    ("sector", "Fintech", "'Fintech' is not one of"),
    ("status", "rumoured", "'rumoured' is not one of"),
    ("amount", "-5", "is not an amount"),
    ("amount", "lots", "is not a number"),
    ("date", "2021-13", "is not YYYY"),
    ("same_deal_as", "nope:a1", "there is no record 'nope:a1'"),
])
def test_a_bad_value_is_refused_and_nothing_changes(db, field, value, message):
    log = fixes.log_path(str(db))
    before = (digest(db), digest(log))
    with pytest.raises(fixes.CorrectionError, match=message):
        fix(db, "NIO", field, value)
    assert (digest(db), digest(log)) == before


def test_a_correction_needs_a_note_and_a_known_record(db):
    with pytest.raises(fixes.CorrectionError, match="needs a note"):
        fix(db, "NIO", "city", "Wuhu", note=" ")
    with pytest.raises(fixes.CorrectionError, match="there is no record"):
        store.correct(db, [store.Change("x:a9", "city", "Wuhu")], author="ana", note="why")


def test_a_correction_whose_sentence_is_gone_is_reported_not_applied(db, write_articles):
    fix(db, "NIO", "city", "Wuhu")
    edited = {"two.txt": TEXTS["two.txt"].replace("10 billion", "12 billion")}
    report = store.ingest(write_articles(edited), db, gazetteer=gazetteer, extractor=lambda a: [
        record("a1", investors=["NIO"], amount=12e9, city="Hefei", evidence="NIO will invest 12 billion yuan in Hefei.")])
    assert "1 no longer find their record" in report.summary()
    assert row(db, "NIO")["city"] == "Hefei"


def test_a_damaged_log_stops_ingest_with_its_line(db, write_articles):
    fix(db, "NIO", "city", "Wuhu")
    log = fixes.log_path(str(db))
    log.write_text(log.read_text() + "{not json\n")
    before = digest(db)
    with pytest.raises(store.StoreError, match=r"line 2: not a correction"):
        store.ingest(write_articles(TEXTS), db, extractor=lambda a: records_v1(a.file_name), gazetteer=gazetteer)
    assert digest(db) == before


# --- import -----------------------------------------------------------------------------------

def test_import_a_csv_all_or_nothing(db, tmp_path):
    good = tmp_path / "fixes.csv"
    good.write_text(f"record_id,field,value,note\n{rid(db, 'NIO')},city,Wuhu,moved\n"
                    f"{rid(db, 'BOE')},not_a_deal,true,a rumour\n", encoding="utf-8")
    assert store.import_corrections(db, good, author="ana") == 2
    assert (row(db, "NIO")["city"], row(db, "BOE")["contribution"]) == ("Wuhu", 0)

    bad = tmp_path / "bad.csv"
    bad.write_text(f"record_id,field,value,note\n{rid(db, 'NIO')},city,Hefei,back\n"
                   f"{rid(db, 'Tencent')},sector,Magic,why\n", encoding="utf-8")
    with pytest.raises(fixes.CorrectionError, match=r"bad.csv, line 3: sector: 'Magic' is not one of"):
        store.import_corrections(db, bad, author="ana")
    assert row(db, "NIO")["city"] == "Wuhu"


def test_import_another_log_adds_only_what_is_new(db, tmp_path):
    fix(db, "NIO", "city", "Wuhu")
    copy = tmp_path / "other.jsonl"
    copy.write_bytes(fixes.log_path(str(db)).read_bytes())
    assert store.import_corrections(db, copy, author="ana") == 0
    other = fixes.read_log(copy)[0]
    copy.write_text(other.to_json().replace('"Wuhu"', '"Anqing"') + "\n", encoding="utf-8")
    assert store.import_corrections(db, copy, author="ana") == 1
    assert row(db, "NIO")["city"] == "Anqing"


def test_log_lines_are_json_with_the_key(db):
    fix(db, "BOE", "city", "Mianyang")
    line = json.loads(fixes.log_path(str(db)).read_text().splitlines()[0])
    assert line["key"]["nth"] == 2 and line["key"]["evidence"] == SENTENCE
    assert (line["old"], line["value"], line["author"]) == ("Chengdu", "Mianyang", "ana")
