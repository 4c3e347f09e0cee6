"""Citing and exporting a view: the dataset version ingest records, the citation's text, and
export files holding exactly the filtered records with their articles and evidence."""
from __future__ import annotations

import io
import json
from datetime import date, datetime

import pandas as pd
import pyarrow.parquet as pq
import pytest

from conftest import Builder, article, record
from dashboard import cite, query, store
from dashboard.filters import Filters

URL = "http://127.0.0.1:8501/base/map?city=Chengdu&sector=Biotechnology"


@pytest.fixture
def view(build, con):
    build.add(article("chengdu.txt", published=date(2021, 3, 1), title="Chengdu signs biotech park"),
              [record("a1", amount=2e9, sector="Biotechnology", project="Bio park",
                      evidence="=HYPERLINK(\"http://evil.example\") Chengdu signed a 2 billion yuan bio park."),
               record("a2", amount=1e9, sector="Biotechnology", investors=["Tencent", "BOE"]),
               record("a3", amount=5e9, sector="New energy")])
    build.add(article("hefei.txt", title="Hefei deal"),
              [record("a1", city="Hefei", province="Anhui", amount=3e9, sector="Biotechnology")])
    return con


def _citation(con, f: Filters) -> cite.Citation:
    v = query.dataset_version(con)
    return cite.Citation(URL, f.caption(), v["version"], v["built_at"], date(2026, 12, 8),
                         query.count_records(con, f))


def test_ingest_records_a_version_of_the_content(view):
    v = query.dataset_version(view)
    assert len(v["version"]) == 12 and int(v["version"], 16) >= 0
    assert isinstance(v["built_at"], datetime)
    # the same content gives the same version; new content a new one
    store.derive(view)
    assert query.dataset_version(view)["version"] == v["version"]
    Builder(view).add(article("more.txt"), [record("a1", amount=1e9)])
    assert query.dataset_version(view)["version"] != v["version"]


def test_database_without_a_version(con):
    assert query.dataset_version(con) == {"version": None, "built_at": None}
    c = cite.Citation(URL, "all records", None, None, date(2026, 12, 8), 0)
    assert "version not recorded" in c.plain() and "unversioned" in c.bibtex()


def test_citation_says_url_filters_version_and_access_date(view):
    f = Filters(cities=("Chengdu",), sectors=("Biotechnology",))
    c = _citation(view, f)
    plain, bib = c.plain(), c.bibtex()
    version = query.dataset_version(view)["version"]
    for text in (plain, bib):
        assert "city is Chengdu; sector is Biotechnology" in text
        assert version in text and "2026-12-08" in text
    assert URL in plain and "(2 records)" in plain
    assert r"\url{http://127.0.0.1:8501/base/map?city=Chengdu\&sector=Biotechnology}" in bib
    assert bib.startswith(f"@misc{{china_tech_investment_{version}_20261208,") and bib.endswith("}")


def test_export_holds_exactly_the_filtered_records(view):
    f = Filters(sectors=("Biotechnology",))
    df = cite.export_table(query.export_records(view, f))
    assert len(df) == query.count_records(view, f) == 3
    assert set(df["city"]) == {"Chengdu", "Hefei"} and set(df["sector"]) == {"Biotechnology"}
    assert set(df["article_title"]) == {"Chengdu signs biotech park", "Hefei deal"}
    assert set(df["file_name"]) == {"chengdu.txt", "hefei.txt"}
    assert df["evidence"].str.len().min() > 0 and "original_url" in df and "publisher" in df
    assert {"published", "amount_cny", "adds_to_total_cny", "corrected"} <= set(df.columns)
    # uncapped: more records than any page of the app shows
    Builder(view).add_many([(article(f"n{i:04d}.txt"), [record("a1", amount=1e6, sector="Other")])
                            for i in range(620)])
    assert len(query.export_records(view, Filters(sectors=("Other",)))) == 620


def test_export_files_read_back(view):
    f = Filters(cities=("Chengdu",))
    c = _citation(view, f)
    df = cite.export_table(query.export_records(view, f))
    # CSV: the table alone, lists joined, every tool reads it as it is
    back = pd.read_csv(io.BytesIO(cite.to_csv(df)))
    assert len(back) == 3 and list(back.columns) == list(df.columns)
    assert "Tencent; BOE" in set(back["investors"].fillna(""))
    # Excel: the records first, the citation on its own sheet; a sentence is text, not a formula
    sheets = pd.read_excel(io.BytesIO(cite.to_xlsx(df, c)), sheet_name=None)
    assert list(sheets) == ["records", "citation"]
    assert len(sheets["records"]) == 3 and set(sheets["records"]["article_title"]) == {"Chengdu signs biotech park"}
    assert sheets["records"]["evidence"].str.startswith("=HYPERLINK").any()
    meta = dict(zip(sheets["citation"]["field"], sheets["citation"]["value"]))
    assert meta["citation"] == c.plain() and meta["url"] == URL
    from openpyxl import load_workbook  # pandas' reader: the cell holds a string, not a formula
    ws = load_workbook(io.BytesIO(cite.to_xlsx(df, c)))["records"]
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)
    # Parquet: the citation in the file's metadata, lists kept as lists
    table = pq.read_table(io.BytesIO(cite.to_parquet(df, c)))
    assert table.num_rows == 3
    assert table.schema.metadata[b"citation"].decode() == c.plain()
    assert table.schema.metadata[b"dataset_version"].decode() == c.version
    assert ["Tencent", "BOE"] in table.column("investors").to_pylist()


def test_export_includes_corrections(tmp_path, write_articles):
    files = write_articles({"a.txt": "Chengdu signed a 2 billion yuan deal with Tencent."})
    db = str(tmp_path / "deals.duckdb")

    def extractor(art):
        return [record("a1", amount=2e9, investors=["Tencent"],
                       evidence="Chengdu signed a 2 billion yuan deal with Tencent.")]
    store.ingest(files, db, extractor=extractor, gazetteer=lambda: [])
    con = store.connect(db)
    rid = query.export_records(con, Filters())["record_id"][0]
    before = query.dataset_version(con)["version"]
    con.close()
    store.correct(db, [store.Change(rid, "city", "Mianyang")], author="ana", note="the article's dateline")
    con = store.connect(db)
    df = cite.export_table(query.export_records(con, Filters()))
    assert list(df["city"]) == ["Mianyang"] and list(df["corrected"]) == [True]
    assert query.dataset_version(con)["version"] != before  # a correction is a new version
    con.close()


def test_metadata_is_plain_strings(view):
    c = _citation(view, Filters())
    assert all(isinstance(v, str) for v in c.metadata().values())
    json.dumps(c.metadata())
