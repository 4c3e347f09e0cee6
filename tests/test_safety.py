"""Data safety (issue 8): new data reaches viewers, impossible amounts stay out of totals,
secrets stay secret, and failures are messages, not tracebacks.

The bad-input corpus, the time budget and kill -9 are in test_ingest_safety.py; the
real browser across an ingest is in test_browser.py.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from conftest import gazetteer, record
from dashboard import store
from dashboard.extract import plausible

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "streamlit_app.py"


def _deal(name: str, amount: float, **fields) -> tuple[str, list[dict]]:
    text = f"A deal of {name} in Chengdu\nTime: 2022.07.07\n\nEvidence of a1."
    return text, [record("a1", amount=amount, date="2022-07", **fields)]


def _ingest(folder: Path, db: Path, articles: dict[str, tuple[str, list[dict]]], **kw) -> store.IngestReport:
    folder.mkdir(exist_ok=True)
    for name, (text, _) in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    by_name = {name: recs for name, (_, recs) in articles.items()}
    return store.ingest([folder], db, extractor=lambda a: by_name.get(a.file_name, []),
                        gazetteer=gazetteer, **kw)


def _bn(at: AppTest) -> float:
    """The page's total in billions, whatever its exact format ("¥3 bn", "¥3.0 bn")."""
    value = at.metric[0].value  # the total comes first (its label says which total: committed, all, ...)
    return float(re.sub(r"[^\d.]", "", value))


def _total(con) -> float:
    return con.execute("SELECT sum(contribution) FROM ledger").fetchall()[0][0]


# --- 1, 7: new data reaches viewers without a restart --------------------------------------

def test_a_new_connection_reads_the_replaced_file_while_the_old_one_is_open(tmp_path):
    """DuckDB hands a second connect(path) the instance already open for that path, i.e.
    the file ingest has just replaced; store.connect must read what is on disk now."""
    db, folder = tmp_path / "deals.duckdb", tmp_path / "articles"
    _ingest(folder, db, {"one.txt": _deal("one", 1e9)})
    old = store.connect(db)
    assert _total(old) == 1e9
    _ingest(folder, db, {"two.txt": _deal("two", 2e9)})
    new = store.connect(db)
    assert _total(new) == 3e9
    assert _total(old) == 1e9  # the old snapshot still answers, from the old file
    cur = new.cursor()  # a cursor (one per app query) reads the same, new file
    assert _total(cur) == 3e9
    old.close(), new.close()


def test_the_app_shows_new_data_at_the_next_run_without_restart(monkeypatch, tmp_path):
    db, folder = tmp_path / "deals.duckdb", tmp_path / "articles"
    _ingest(folder, db, {"one.txt": _deal("one", 1e9)})
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception and not at.error
    assert _bn(at) == 1
    _ingest(folder, db, {"two.txt": _deal("two", 2e9)})
    at.run()  # the next interaction of the same session
    assert not at.exception and not at.error
    assert _bn(at) == 3


# --- 5: impossible amounts are flagged, kept, and not counted ------------------------------

@pytest.mark.parametrize("sentence", [
    "Tencent signed to invest RMB 999999999999999999999 billion in a data centre in Chengdu.",
    "Tencent signed to invest -500 million yuan in a data centre in Chengdu.",
    "Tencent signed to invest 1e308 billion yuan in a data centre in Chengdu.",
    "腾讯签约投资-500亿元在成都建设数据中心。",
])
def test_impossible_amounts_are_flagged_and_not_counted(sentence):
    from dashboard.articles import parse_article
    from dashboard.extract import extract

    a = parse_article(f"Tencent data centre in Chengdu\nTime: 2021-05-03\n\n{sentence}\n".encode(), "x.txt")
    recs = [r for r in extract(a) if r["amount"] is not None]
    assert recs and all(plausible.FLAG in r["flags"] and r["counts_in_totals"] is False for r in recs)


@pytest.mark.parametrize("sentence", [
    "Tencent signed to invest 500 million yuan in a data centre in Chengdu.",
    "Tencent will invest 1-2 billion yuan in a data centre in Chengdu.",
    "Tencent's deal - 500 million yuan - is its largest in Chengdu.",
    "腾讯签约投资500亿元在成都建设数据中心。",
])
def test_real_amounts_are_not_flagged(sentence):
    from dashboard.articles import parse_article
    from dashboard.extract import extract

    a = parse_article(f"Tencent data centre in Chengdu\nTime: 2021-05-03\n\n{sentence}\n".encode(), "x.txt")
    recs = [r for r in extract(a) if r["amount"] is not None]
    assert recs and not any(plausible.FLAG in r["flags"] for r in recs)


def _huge() -> list[dict]:
    huge = plausible.flag_implausible([record("a1", amount=1e30, date="2022-07")])
    assert huge[0]["flags"] == [plausible.FLAG]
    return huge


def _tally() -> list[dict]:
    tally = record("a1", amount=50e9, date="2022-07")
    tally.update(flags=["likely_not_a_deal"], counts_in_totals=False)  # as the figure filter leaves it
    return [tally]


@pytest.mark.parametrize("records,listed_as", [
    (_huge, "Needs review: 1 record"),
    (_tally, "Read as statistics, not deals: 1 record"),
], ids=["implausible amount", "read as a statistic"])
def test_flagged_records_add_nothing_and_are_listed_for_review(monkeypatch, tmp_path, records, listed_as):
    db, folder = tmp_path / "deals.duckdb", tmp_path / "articles"
    _ingest(folder, db, {"real.txt": _deal("real", 2e9), "flagged.txt": ("A flagged figure in Chengdu\n\nEvidence of a1.",
                                                                        records())})
    with store.connect(db) as con:
        assert _total(con) == 2e9
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.switch_page("app_pages/deals.py").run()
    assert not at.exception and not at.error
    assert _bn(at) == 2
    assert [e for e in at.expander if e.label.startswith(listed_as)], [e.label for e in at.expander]


def test_the_pages_name_the_flag_the_extractor_sets():
    from dashboard import ui
    from dashboard.extract import figure_filter

    assert ui.IMPLAUSIBLE == plausible.FLAG and plausible.FLAG in ui.FLAG_WORDS
    assert ui.NOT_A_DEAL == figure_filter.FLAG and figure_filter.FLAG in ui.FLAG_WORDS


# --- 6: secrets stay secret, failures are messages ---------------------------------------

TOKEN = "sEcReT-t0ken-123"


def _everything_shown(at: AppTest) -> str:
    parts = [e.value for e in (*at.error, *at.warning, *at.info, *at.markdown, *at.caption)]
    parts += [str(e.value) for e in at.exception]
    return re.sub(r"\\(.)", r"\1", "\n".join(parts)).replace("\u2060", "")  # as a reader sees it


@pytest.mark.parametrize("where", ["environment", "secrets"])
def test_a_token_in_the_database_setting_is_never_shown(monkeypatch, tmp_path, where):
    setting = f"md:deals?motherduck_token={TOKEN}"
    at = AppTest.from_file(str(APP), default_timeout=60)
    if where == "environment":
        monkeypatch.setenv("DASHBOARD_DB", setting)
    else:
        monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "not-this.duckdb"))
        at.secrets["DASHBOARD_DB"] = setting
    at.run()
    assert not at.exception
    shown = _everything_shown(at)
    assert at.error and "md:deals" in shown  # it says which database, by name
    assert TOKEN not in shown and "motherduck_token" not in shown


def test_a_local_database_is_named_by_its_file_name_only(monkeypatch, tmp_path):
    secret_dir = tmp_path / "private-folder-name"
    secret_dir.mkdir()
    db = secret_dir / "deals.duckdb"
    db.write_bytes(b"not a database" * 100)
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    shown = _everything_shown(at)
    assert at.error and "deals.duckdb" in shown and "private-folder-name" not in shown


def test_store_errors_scrub_the_setting():
    msg = store._scrub('IO Error: cannot open "md:deals?motherduck_token=abc&x=1"', "md:deals?motherduck_token=abc&x=1")
    assert "abc" not in msg and "md:deals" in msg


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere: no unwritable folder to test with")
def test_an_unwritable_folder_is_a_message_not_a_traceback(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    (tmp_path / "a.txt").write_text("Some article about a deal\n\nText.", encoding="utf-8")
    folder.chmod(0o500)
    try:
        r = _cli("ingest", str(tmp_path / "a.txt"), "--db", str(folder / "deals.duckdb"))
    finally:
        folder.chmod(0o700)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "deals.duckdb: cannot write the database in its folder" in r.stderr


def test_a_database_path_under_a_file_is_a_message_not_a_traceback(tmp_path):
    """What an unwritable folder gives when the tests run as root: the folder cannot be made."""
    (tmp_path / "a.txt").write_text("Some article about a deal\n\nText.", encoding="utf-8")
    (tmp_path / "plain-file").write_text("x")
    r = _cli("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "plain-file" / "deals.duckdb"))
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "deals.duckdb: cannot write the database in its folder" in r.stderr


def _cli(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout)


# --- 11: hostile links stay inert ----------------------------------------------------------

@pytest.mark.parametrize("param", ["from", "city", "nonsense" * 5000])
def test_a_huge_url_value_is_cut_in_its_notice(param):
    from dashboard.filters import Options, from_params

    huge = "2020-01-01" + "9" * 100_000
    parsed = from_params({param: [huge]}, Options(("Sichuan",), ("Chengdu",), (), (), ()))
    missing = getattr(parsed.filters, "missing", ())  # a city none of which exists: an empty view, quoted
    assert parsed.notices or missing
    assert all(len(n) < 300 for n in parsed.notices), [len(n) for n in parsed.notices]
    assert all(len(v) < 100 for _, v in missing)
    assert parsed.filters.date_from is None and parsed.filters.cities == ()


def test_url_values_never_reach_sql_text():
    from dashboard.filters import Filters

    evil = "x'); DROP TABLE records; --"
    sql, params = Filters(cities=(evil,), sectors=(evil,)).where()
    assert evil not in sql and params.count(evil) == 2
