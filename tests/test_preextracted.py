"""Ingest of records extracted elsewhere (`ingest --records FILE`): the seam for extraction
mapped over many machines. The same records give the same database as extracting here."""
from __future__ import annotations

import json

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import CHENGDU_H01, gazetteer, record
from dashboard import cli, store

TEXTS = {"h01.txt": "Total investment 83.8 billion yuan! 25 major projects land in Chengdu\n"
                    "Time: 2022.07.07\n\nEvidence of a1. Evidence of a2.",
         "tencent.txt": "Tencent signs a deal in Chengdu\nPost Time:2020-08-21\n\nEvidence of a1."}
RECORDS = {"h01.txt": CHENGDU_H01,
           "tencent.txt": [record("a1", investors=["Tencent"], amount=5e9, date="2020-08-20",
                                  sector="Digital creative")]}


def _ledger(db) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT record_id, kind, city, amount_cny, contribution, n_sources, evidence "
                           "FROM ledger ORDER BY record_id").fetchall()
    finally:
        con.close()


def _rows() -> list[dict]:
    return [{**r, "article": name} for name, recs in RECORDS.items() for r in recs]


@pytest.fixture
def extracted_here(tmp_path, write_articles):
    paths = write_articles(TEXTS)
    db = tmp_path / "here.duckdb"
    store.ingest(paths, db, extractor=lambda art: RECORDS[art.file_name], gazetteer=gazetteer)
    return paths, _ledger(db)


def test_jsonl_records_give_the_same_database(tmp_path, extracted_here):
    paths, expected = extracted_here
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in _rows()), encoding="utf-8")
    db = tmp_path / "jsonl.duckdb"
    report = store.ingest(paths, db, extractor=store.pre_extracted(jsonl), gazetteer=gazetteer)
    assert not report.failed and _ledger(db) == expected


def test_parquet_records_give_the_same_database(tmp_path, extracted_here):
    paths, expected = extracted_here
    parquet = tmp_path / "records.parquet"
    pq.write_table(pa.Table.from_pylist(_rows()), parquet)
    db = tmp_path / "parquet.duckdb"
    store.ingest(paths, db, extractor=store.pre_extracted(parquet), gazetteer=gazetteer)
    assert _ledger(db) == expected


def test_an_article_without_records_in_the_file_fails_and_is_kept(tmp_path, extracted_here):
    paths, _ = extracted_here
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in _rows() if r["article"] == "h01.txt"), encoding="utf-8")
    report = store.ingest(paths, tmp_path / "x.duckdb", extractor=store.pre_extracted(jsonl), gazetteer=gazetteer)
    assert [name for name, _ in report.failed] == ["tencent.txt"]
    assert "no records for tencent.txt" in report.failed[0][1]


def test_cli_reads_records_and_says_what_is_wrong(tmp_path, extracted_here, capsys):
    paths, _ = extracted_here
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert cli.main(["ingest", str(paths[0]), "--db", str(tmp_path / "c.duckdb"), "--records", str(bad)]) == 1
    assert "bad.jsonl, line 1: not JSON" in capsys.readouterr().err
    missing = tmp_path / "missing.jsonl"
    assert cli.main(["ingest", str(paths[0]), "--db", str(tmp_path / "c.duckdb"), "--records", str(missing)]) == 1
    assert "missing.jsonl: cannot be read" in capsys.readouterr().err
