"""Test databases: built from records in the CONTRACT form, in memory or in a file.

`record(...)` makes one contract record with plain defaults; `Builder` writes
articles and their records straight into a connection through the store's own
row code (datasette's way: data from a builder, not from fixtures on disk);
`random_records` draws a seeded sample for tests that compare queries with
each other. `python tests/conftest.py FILE` writes the random database to a
file to browse by hand.
"""
from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager

import hashlib
import random
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from dashboard import store
from dashboard.articles import Article

CITIES = [("Chengdu", "Sichuan"), ("Mianyang", "Sichuan"), ("Hefei", "Anhui"), ("Wuhu", "Anhui"),
          ("Fuzhou", "Jiangxi"), ("Fuzhou", "Fujian"), ("Harbin", "Heilongjiang"), (None, "Hunan")]
SECTORS = ["Next-generation IT", "Biotechnology", "New energy", "Digital creative", "Other"]
STATUSES = ["signed", "announced", "started", "listed"]
INVESTORS = ["Tencent", "ByteDance", "BOE", "NIO", "Huawei", "SMIC", "Midea", "Inspur"]


def record(id: str, **fields) -> dict:
    """A CONTRACT.md record; amounts in CNY unless given otherwise."""
    r = {
        "id": id, "article": None, "kind": "deal", "investors": [], "partners": [], "project": None,
        "city": "Chengdu", "province": "Sichuan", "district": None, "park": None,
        "sector": "Next-generation IT", "subsector": None, "amount": None, "currency": None,
        "amount_cny": None, "qualifier": None, "date": "2021-07", "status": "signed",
        "part_of": None, "n_projects": None, "counts_in_totals": True,
        "evidence": f"Evidence of {id}.", "flags": [],
    }
    r.update(fields)
    if "amount" in fields and "amount_cny" not in fields:
        r["amount_cny"] = fields["amount"]
    if r["amount"] is not None and r["currency"] is None:
        r["currency"] = "CNY"
    return r


def article(name: str, published: date | None = date(2021, 8, 1), text: str | None = None,
            title: str | None = None) -> Article:
    text = text or f"Text of {name}."
    return Article(article_id=hashlib.sha256(text.encode()).hexdigest()[:16], file_name=name,
                   title=title or f"Title of {name}", published=published, language="en", text=text)


@dataclass
class FakePlace:
    name: str
    kind: str
    province: str | None
    city: str | None = None
    district: str | None = None
    name_zh: str | None = None
    lat: float | None = None
    lon: float | None = None
    source: str | None = "test"


PLACES = [
    FakePlace("Sichuan", "province", "Sichuan", lat=30.6, lon=102.7),
    FakePlace("Chengdu", "city", "Sichuan", "Chengdu", name_zh="成都", lat=30.66, lon=104.06),
    FakePlace("Mianyang", "city", "Sichuan", "Mianyang", lat=31.47, lon=104.68),
    FakePlace("Hefei", "city", "Anhui", "Hefei", lat=31.82, lon=117.23),
    FakePlace("Fuzhou", "city", "Jiangxi", "Fuzhou", lat=27.95, lon=116.36),
    FakePlace("Fuzhou", "city", "Fujian", "Fuzhou", lat=26.07, lon=119.3),
    FakePlace("Chengdu Hi-Tech Zone", "park", "Sichuan", "Chengdu", lat=30.58, lon=104.06),
]


def gazetteer() -> list[FakePlace]:
    return list(PLACES)


class Builder:
    """Writes articles and records into a connection the way ingest stores them.

    Like ingest, each `add` ends with store.derive (same-deal links and the ledger).
    """

    def __init__(self, con, places=PLACES):
        self.con = con
        store.create_schema(con)
        store.store_places(con, places)

    def add(self, art: Article, records: list[dict]) -> "Builder":
        return self.add_many([(art, records)])

    def add_many(self, articles: list[tuple[Article, list[dict]]]) -> "Builder":
        for art, records in articles:
            self.con.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)",
                             [art.article_id, art.file_name, art.title, art.url, art.publisher,
                              art.published, art.language, art.text, store.EXTRACTOR_VERSION])
            store._insert_records(self.con, store.record_rows(art, records), art.published)
        store.derive(self.con)
        return self


def random_records(rng: random.Random, n_articles: int = 40) -> list[tuple[Article, list[dict]]]:
    """Articles of 1-8 records: deals, events and bundles with some priced components."""
    out = []
    for a in range(n_articles):
        art = article(f"r{a:03d}.txt", published=date(2019 + rng.randrange(5), rng.randrange(1, 13), 1))
        recs = []
        for i in range(rng.randrange(1, 9)):
            city, province = rng.choice(CITIES)
            kind = rng.choices(["deal", "bundle", "event"], [6, 2, 1])[0]
            amount = rng.choice([None, rng.randrange(1, 200) * 1e8]) if kind != "event" else None
            bundles = [r["id"] for r in recs if r["kind"] == "bundle"]
            recs.append(record(
                f"a{i + 1}", kind=kind, city=city, province=province, amount=amount,
                sector=rng.choice(SECTORS), status=rng.choice(STATUSES),
                investors=rng.sample(INVESTORS, rng.randrange(0, 3)),
                park="Chengdu Hi-Tech Zone" if city == "Chengdu" and rng.random() < 0.3 else None,
                date=rng.choice([None, f"{art.published.year}", f"{art.published:%Y-%m}", f"{art.published}"]),
                part_of=rng.choice(bundles) if bundles and kind != "event" and rng.random() < 0.6 else None,
                counts_in_totals=rng.random() > 0.05,
                n_projects=rng.randrange(2, 30) if kind == "bundle" else None))
        out.append((art, recs))
    return out


# The worked example of h01 (dev gold): a bundle of 25 projects (83.8 bn) holding a
# bundle of 21 advanced-manufacturing projects (69.87 bn) whose named components
# have no amounts. Totals must be 83.8 bn: 13.93 bn remainder + 69.87 bn.
CHENGDU_H01 = [
    record("a1", kind="bundle", project="Strong chain projects (second season)", amount=83.8e9,
           n_projects=25, date="2022-07-07", sector="Next-generation IT"),
    record("a2", kind="bundle", project="Advanced manufacturing projects", amount=69.87e9,
           n_projects=21, part_of="a1", date="2022-07-07", sector="High-end equipment"),
    record("a3", project="Semiconductor chip grinding-cutting base", part_of="a2", date="2022-07-07",
           investors=["Jiangsu Best Crystal"]),
    record("a4", project="Achievement transformation base", part_of="a2", date="2022-07-07",
           investors=["Huahua Pharmaceutical"], sector="Biotechnology"),
    record("a5", project="Beijing Ripple headquarters", part_of="a2", date="2022-07-07"),
    record("a6", kind="event", project="TCL smart manufacturing base", investors=["TCL"], date="2022-07-07"),
]


@pytest.fixture
def con():
    """An in-memory database with the schema and nothing in it."""
    import duckdb
    c = duckdb.connect(":memory:")
    store.create_schema(c)
    yield c
    c.close()


@pytest.fixture
def build(con):
    return Builder(con)


@pytest.fixture
def random_con(con):
    """An in-memory database of ~180 seeded random records."""
    Builder(con).add_many(random_records(random.Random(20240611)))
    return con


@pytest.fixture
def write_articles(tmp_path):
    """Write article files (name -> text) into a folder; returns their paths."""
    def write(texts: dict[str, str | bytes]) -> list[Path]:
        folder = tmp_path / "articles"
        folder.mkdir(exist_ok=True)
        paths = []
        for name, text in texts.items():
            p = folder / name
            p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
            paths.append(p)
        return paths
    return write


@pytest.fixture
def db_file(tmp_path, write_articles):
    """A database file written by ingest itself, from two small articles."""
    paths = write_articles({
        "h01.txt": "Total investment 83.8 billion yuan! 25 major projects land in Chengdu\n"
                   "Time: 2022.07.07\n\nEvidence of a1. Evidence of a2.",
        "tencent.txt": "Tencent signs a deal in Chengdu Hi-Tech Zone\nPost Time:2020-08-21\n\n"
                       "Evidence of a1.",
    })
    by_name = {
        "h01.txt": CHENGDU_H01,
        "tencent.txt": [record("a1", investors=["Tencent"], amount=5e9, date="2020-08-20",
                               park="Chengdu Hi-Tech Zone", sector="Digital creative")],
    }
    db = tmp_path / "deals.duckdb"
    store.ingest(paths, db, extractor=lambda a: by_name[a.file_name], gazetteer=gazetteer)
    return db



# --- the shared gold scorer (../shared/extraction), for the tests that measure against it -------------

SHARED_EXTRACTION = Path(__file__).resolve().parent.parent.parent / "shared" / "extraction"
_ROOT = Path(__file__).resolve().parent.parent
# Every folder of real articles the repository reads in tests that compare a shortcut with the code it replaces.
ARTICLE_DIRS = [SHARED_EXTRACTION.parent / "seeds", SHARED_EXTRACTION / "dev", SHARED_EXTRACTION / "dev2",
                _ROOT / "tests" / "heldout" / "articles", *sorted((_ROOT / "tests" / "blind").glob("batch*/articles")),
                _ROOT / "data" / "articles"]
needs_gold = pytest.mark.skipif(not (SHARED_EXTRACTION / "score.py").exists(),
                                reason="../shared/extraction is not beside the repo")


@pytest.fixture(scope="session")
def gold_scorer():
    """The shared scorer module, imported from ../shared (not copied), as `score`."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("gold_score", SHARED_EXTRACTION / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["gold_score"] = module
    spec.loader.exec_module(module)
    return module

if __name__ == "__main__":  # write the random test database to a file to look at
    import duckdb
    target = sys.argv[1] if len(sys.argv) > 1 else "test-random.duckdb"
    c = duckdb.connect(target)
    Builder(c).add_many(random_records(random.Random(20240611)))
    c.close()
    print(f"wrote {target}")


@contextmanager
def running_app(db, log_path, url_path: str = ""):
    """`streamlit run` on 127.0.0.1 with a free port against `db` (under `url_path` if given), until the block ends;
    yields (url, log file). The browser tests' one way to start and stop the app."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(log_path, "w+")
    args = ["--server.baseUrlPath", url_path] if url_path else []
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/serve.py",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true", *args,
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=Path(__file__).resolve().parent.parent, env={**os.environ, "DASHBOARD_DB": str(db)},
        stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}" + (f"/{url_path}" if url_path else "")
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"streamlit did not start:\n{log.read()[-3000:]}")
            time.sleep(0.3)
        yield url, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
