"""Sign-in, the Review page and Add articles, through AppTest: viewers read, editors change.

Each test opens its own small database (built by ingest) and gives the app its secrets
explicitly (AppTest.secrets), so a developer's own secrets.toml plays no part.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from conftest import gazetteer, record
from dashboard import corrections as fixes
from dashboard import store, uploads
from dashboard.passwords import hash_password

APP = Path(__file__).resolve().parent.parent / "dashboard" / "streamlit_app.py"
PASSWORD = "a long passphrase"
HASH = hash_password(PASSWORD, n=2**10)
PASSWORDS = {"review": {"passwords": {"ana": HASH}}}
OIDC = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                 "client_id": "id", "client_secret": "secret",
                 "server_metadata_url": "https://accounts.example/.well-known/openid-configuration"},
        "review": {"editors": ["Ana@Example.org"]}}
TEXT = "NIO signs in Hefei\nPost Time:2020-02-25\n\nNIO will invest 10 billion yuan in Hefei."
GOOD = "Tencent signs in Chengdu\nPost Time:2020-08-21\n\nTencent will invest 5 billion yuan in Chengdu.\n"


def extractor(article):
    if article.file_name == "nio.txt":
        return [record("a1", investors=["NIO"], project="NIO plant", amount=10e9, city="Hefei", province="Anhui",
                       evidence="NIO will invest 10 billion yuan in Hefei.")]
    return [record("a1", investors=["Tencent"], project="Tencent park", amount=5e9,
                   evidence="Tencent will invest 5 billion yuan in Chengdu.")]


@pytest.fixture
def db(tmp_path, write_articles, monkeypatch):
    path = tmp_path / "deals.duckdb"
    store.ingest(write_articles({"nio.txt": TEXT}), path, extractor=extractor, gazetteer=gazetteer)
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    monkeypatch.setenv("DASHBOARD_UPLOADS", str(tmp_path / "uploads"))
    return path


def page(secrets: dict, path: str, user: dict | None = None, **params) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.secrets = secrets
    for k, v in params.items():
        at.query_params[k] = v
    if user is not None:
        at.user = user
    at.run()
    at.switch_page(path)
    for k, v in params.items():  # a link into the page carries them
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not any("could not be drawn" in e.value for e in at.error), [e.value for e in at.error]
    return at


def shown(markdown: str) -> str:
    """What a reader sees of escaped Markdown: the escaping backslashes dropped."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def text(at: AppTest) -> str:
    return shown("\n".join([m.value for m in at.markdown] + [i.value for i in at.info] + [w.value for w in at.warning]
                     + [c.value for c in at.caption] + [e.value for e in at.error] + [s.value for s in at.success]))


def buttons(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def can_correct(at: AppTest) -> bool:
    return "Save the corrections" in buttons(at)


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    by_label = {t.label: t for t in at.text_input}
    by_label["Name"].input(name)
    by_label["Password"].input(password)
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# --- viewers -------------------------------------------------------------------------------

def test_without_sign_in_configured_review_is_read_only_and_says_so(db):
    at = page({"unrelated": "x"}, "app_pages/review.py")
    assert "read-only: no sign-in is configured" in text(at)
    assert not can_correct(at)
    assert "NIO plant" in text(at) and "Not corrected" in text(at)   # viewers still see records and history


def test_without_sign_in_configured_nobody_can_upload(db):
    at = page({"unrelated": "x"}, "app_pages/upload.py")
    assert "read-only" in text(at)
    assert not at.get("file_uploader")


def test_history_is_shown_to_viewers(db):
    rid = store_rid(db)
    store.correct(db, [fixes.Change(rid, "city", "Wuhu")], author="li", note="the plant is in Wuhu")
    at = page({"unrelated": "x"}, "app_pages/review.py")
    hist = at.dataframe[-1].value
    assert list(hist["Who"]) == ["li"] and list(hist["Was"]) == ["Hefei"] and list(hist["Now"]) == ["Wuhu"]
    assert "corrected" in text(at)


def test_a_link_opens_its_record_and_an_unknown_one_says_so(db, write_articles):
    store.ingest(write_articles({"t.txt": GOOD}), db, extractor=extractor, gazetteer=gazetteer)
    con = store.connect(db)
    tencent = con.execute("SELECT record_id FROM records WHERE investors[1] = 'Tencent'").fetchone()[0]
    con.close()
    at = page({"unrelated": "x"}, "app_pages/review.py", record=tencent, city="Hefei")
    assert at.selectbox[0].value == tencent and "Tencent park" in text(at)   # though the filter leaves it out
    at = page({"unrelated": "x"}, "app_pages/review.py", record="nope:a1")
    assert "There is no record 'nope:a1'" in text(at)


def store_rid(db: Path) -> str:
    con = store.connect(db)
    try:
        return con.execute("SELECT record_id FROM records").fetchone()[0]
    finally:
        con.close()


# --- passwords -----------------------------------------------------------------------------

def test_review_needs_the_right_password(db):
    at = page(PASSWORDS, "app_pages/review.py")
    assert not can_correct(at)
    sign_in(at, "ana", "not the password")
    assert "Wrong name or password." in text(at) and not can_correct(at)
    sign_in(at, "eve", PASSWORD)                   # a name that is not there
    assert "Wrong name or password." in text(at) and not can_correct(at)
    sign_in(at, "ana", PASSWORD)
    assert can_correct(at) and "Signed in as ana." in text(at)


def test_an_editor_corrects_through_the_form(db):
    at = sign_in(page(PASSWORDS, "app_pages/review.py"), "ana", PASSWORD)
    next(s for s in at.selectbox if s.label == "Sector").set_value("Biotechnology")
    next(c for c in at.checkbox if c.label.startswith("Not a deal")).check()
    next(t for t in at.text_area if t.label.startswith("Why")).input("a vaccine plan, not an investment")
    next(b for b in at.button if b.label == "Save the corrections").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Saved and applied 2 corrections (sector, not_a_deal)." in text(at)
    log = fixes.read_log(fixes.log_path(str(db)))
    assert {(c.author, c.field, c.value, c.old) for c in log} == {("ana", "sector", "Biotechnology", "Next-generation IT"),
                                                                  ("ana", "not_a_deal", "true", "false")}


def test_a_refused_correction_says_why_and_saves_nothing(db):
    at = sign_in(page(PASSWORDS, "app_pages/review.py"), "ana", PASSWORD)
    next(t for t in at.text_input if t.label.startswith("Amount")).input("lots")
    next(t for t in at.text_area if t.label.startswith("Why")).input("typo")
    next(b for b in at.button if b.label == "Save the corrections").click().run()
    assert any("Nothing was saved: amount: 'lots' is not a number" in shown(e.value) for e in at.error)
    assert not fixes.log_path(str(db)).exists()


def test_upload_needs_sign_in(db):
    at = page(PASSWORDS, "app_pages/upload.py")
    assert not at.get("file_uploader")
    sign_in(at, "ana", PASSWORD)
    assert at.get("file_uploader")


# --- OIDC ----------------------------------------------------------------------------------

@pytest.mark.parametrize("user, editor", [
    ({"is_logged_in": False}, False),
    ({"is_logged_in": True, "email": "eve@example.org", "name": "Eve"}, False),   # signed in, not an editor
    ({"is_logged_in": True, "email": "ana@example.org", "name": "Ana"}, True),
])
def test_oidc_sign_in_and_the_editors_list(db, user, editor):
    at = page(OIDC, "app_pages/review.py", user=user)
    assert can_correct(at) is editor
    if not user["is_logged_in"]:
        assert "Sign in" in buttons(at)
    elif not editor:
        assert "not an editor" in text(at)
    up = page(OIDC, "app_pages/upload.py", user=user)
    assert bool(up.get("file_uploader")) is editor


# --- upload --------------------------------------------------------------------------------

def test_upload_in_the_app_gives_a_bad_files_message_and_adds_the_good_one(db, tmp_path):
    at = sign_in(page(PASSWORDS, "app_pages/upload.py"), "ana", PASSWORD)
    at.get("file_uploader")[0].set_value([("tencent.txt", GOOD.encode(), "text/plain"),
                                          ("broken.txt", b"\x00\x01\x02\xff" * 50, "text/plain")]).run()
    next(b for b in at.button if b.label.startswith("Add 2 files")).click().run()
    assert not at.exception
    assert "1 new article added" in text(at)
    assert any("broken.txt" in shown(e.value) and "1 file not added" in e.value for e in at.error)
    assert sorted(p.name for p in (tmp_path / "uploads").iterdir()) == ["tencent.txt"]


def test_add_files_keeps_what_was_there_and_refuses_with_reasons(db, tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_UPLOAD_MB", "0.001")   # about 1 KB
    files = [("tencent.txt", GOOD.encode()), ("../../evil.txt", GOOD.replace("Tencent", "BOE").encode()),
             ("big.txt", b"x" * 5000), ("tool.exe", b"MZ"), ("empty.md", b""),
             ("binary.txt", b"\x00\x01\x02\xff" * 50)]
    result = uploads.add_files(files, str(db), extractor=extractor, gazetteer=gazetteer)
    why = dict(result.problems())
    assert "over the limit" in why["big.txt"] and "not an article file" in why["tool.exe"]
    assert why["empty.md"] == "empty file" and not why["binary.txt"].startswith("binary.txt")
    assert "binary" in why["binary.txt"] or "not UTF-8" in why["binary.txt"]
    assert str(tmp_path) not in why["binary.txt"]                   # no server paths in messages
    assert sorted(result.kept) == ["evil.txt", "tencent.txt"]      # a path in a name goes nowhere
    assert sorted(p.name for p in (tmp_path / "uploads").iterdir()) == ["evil.txt", "tencent.txt"]
    con = store.connect(db)
    try:
        assert sorted(r[0] for r in con.execute("SELECT file_name FROM articles").fetchall()) == \
            ["evil.txt", "nio.txt", "tencent.txt"]
    finally:
        con.close()


def test_a_file_with_a_taken_name_but_other_text_is_kept_beside_it(db, tmp_path):
    uploads.add_files([("a.txt", GOOD.encode())], str(db), extractor=extractor, gazetteer=gazetteer)
    again = uploads.add_files([("a.txt", GOOD.encode()), ("a.txt", GOOD.replace("5", "6").encode())], str(db),
                              extractor=extractor, gazetteer=gazetteer)
    assert sorted(again.kept) == ["a-2.txt", "a.txt"]
    assert again.report.articles_skipped == 1 and again.report.articles_new == 1


def test_after_saving_the_page_shows_the_corrected_record(db):
    at = sign_in(page(PASSWORDS, "app_pages/review.py"), "ana", PASSWORD)
    next(c for c in at.checkbox if c.label.startswith("Not a deal")).check()
    next(t for t in at.text_area if t.label.startswith("Why")).input("a target, not an investment")
    next(b for b in at.button if b.label == "Save the corrections").click().run()
    assert "not a deal" in text(at) and "adds ¥0 to totals" in text(at)
    assert list(at.dataframe[-1].value["Who"]) == ["ana"]
