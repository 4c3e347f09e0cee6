"""The sources manifest (dashboard/manifest.py): parsing as a table of examples, and ingest
preferring it to what the reader guesses, picking up its edits, and logging its problems."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from dashboard import manifest, store
from dashboard.articles import article_files, read_article
from dashboard.manifest import parse_manifest

FILES = {"a.txt", "b.html", "notes.pdf"}
TODAY = date(2026, 1, 1)
HEADER = "file,url,title,publisher,published,language\n"


def parse(text: str | bytes, files=FILES):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_manifest(raw, files, today=TODAY)


def only(m) -> dict:
    """Each row's given values (without the file name and line)."""
    return {f: {k: v for k, v in vars(s).items() if v is not None and k not in ("file", "line")}
            for f, s in m.sources.items()}


# --- good rows --------------------------------------------------------------------------

GOOD = [
    ("every column",
     HEADER + "a.txt,https://x.org/a,A title,Some Daily,2021-08-09,zh\n",
     {"a.txt": {"url": "https://x.org/a", "title": "A title", "publisher": "Some Daily",
                "published": date(2021, 8, 9), "language": "zh"}}),
    ("only file and url, columns in another order",
     "url,file\nhttp://x.org/b,b.html\n",
     {"b.html": {"url": "http://x.org/b"}}),
    ("empty cells are not given; blank lines skipped",
     HEADER + "a.txt,,,,,\n\n,,,,,\n",
     {"a.txt": {}}),
    ("header case and spaces; quoted commas; spaces collapsed",
     " File , URL ,Title\na.txt, https://x.org/a?q=1,\"Chengdu,  25 projects\"\n",
     {"a.txt": {"url": "https://x.org/a?q=1", "title": "Chengdu, 25 projects"}}),
    ("language names and tags",
     "file,language\na.txt,zh-CN\nb.html,English\n",
     {"a.txt": {"language": "zh"}, "b.html": {"language": "en"}}),
    ("a leading ./ on the file name",
     "file,publisher\n./a.txt,新华社\n",
     {"a.txt": {"publisher": "新华社"}}),
    ("a semicolon-separated sheet",
     "file;url\na.txt;https://x.org/a\n",
     {"a.txt": {"url": "https://x.org/a"}}),
]


@pytest.mark.parametrize("why, text, expected", GOOD, ids=[g[0] for g in GOOD])
def test_good_rows(why, text, expected):
    m = parse(text)
    assert m.problems == []
    assert only(m) == expected


ENCODED = [
    ("UTF-8 with a BOM (Excel's CSV UTF-8)", "\ufeff" + HEADER + "a.txt,,,新华社,,\n", "utf-8"),
    ("GB18030 (Excel on a Chinese system)", HEADER + "a.txt,,,新华社,,\n", "gb18030"),
    ("UTF-16 with a BOM, tab-separated (Excel's Unicode text)", HEADER.replace(",", "\t")
     + "a.txt\t\t\t新华社\t\t\n", "utf-16"),
]


@pytest.mark.parametrize("why, text, encoding", ENCODED, ids=[e[0] for e in ENCODED])
def test_encodings(why, text, encoding):
    m = parse(text.encode(encoding))
    assert m.problems == []
    assert only(m) == {"a.txt": {"publisher": "新华社"}}


# --- problems: each row's message, and what is kept --------------------------------------

PROBLEMS = [
    ("a row for a missing file",
     HEADER + "gone.txt,https://x.org/g,,,,\na.txt,https://x.org/a,,,,\n",
     {"a.txt": {"url": "https://x.org/a"}},
     [("gone.txt", "sources.csv line 2: gone.txt is not in this folder; row ignored")]),
    ("a missing file whose name differs only by case",
     "file,url\nA.TXT,https://x.org/a\n", {},
     [("A.TXT", "sources.csv line 2: A.TXT is not in this folder (did you mean a.txt?); row ignored")]),
    ("a row for a file that is not an article",
     "file,url\nnotes.pdf,https://x.org/n\n", {},
     [("notes.pdf", "sources.csv line 2: notes.pdf is not an article file (.txt, .md, .html, .htm); row ignored")]),
    ("a javascript: URL",
     "file,url,title\na.txt,javascript:alert(1),T\n",
     {"a.txt": {"title": "T"}},
     [("a.txt", "sources.csv line 2: url 'javascript:alert(1)' is not an http(s) web address; "
                "the address guessed from the text is kept")]),
    ("a URL without a scheme",
     "file,url\na.txt,www.x.org/a\n", {"a.txt": {}},
     [("a.txt", "sources.csv line 2: url 'www.x.org/a' is not an http(s) web address; "
                "the address guessed from the text is kept")]),
    ("a data: URL",
     "file,url\na.txt,\"data:text/html;base64,PHNjcmlwdD4=\"\n", {"a.txt": {}},
     [("a.txt", "sources.csv line 2: url 'data:text/html;base64,PHNjcmlwdD4=' is not an http(s) web address; "
                "the address guessed from the text is kept")]),
    ("a date in another form",
     "file,published\na.txt,7/7/2022\n", {"a.txt": {}},
     [("a.txt", "sources.csv line 2: published '7/7/2022' is not a date YYYY-MM-DD between 1900 and today; "
                "the date guessed from the text is kept")]),
    ("a date that does not exist",
     "file,published\na.txt,2022-02-30\n", {"a.txt": {}},
     [("a.txt", "sources.csv line 2: published '2022-02-30' is not a date YYYY-MM-DD between 1900 and today; "
                "the date guessed from the text is kept")]),
    ("a date in the future",
     "file,published\na.txt,2031-01-01\n", {"a.txt": {}},
     [("a.txt", "sources.csv line 2: published '2031-01-01' is not a date YYYY-MM-DD between 1900 and today; "
                "the date guessed from the text is kept")]),
    ("a language the extractor does not read",
     "file,language\na.txt,fr\n", {"a.txt": {}},
     [("a.txt", "sources.csv line 2: language 'fr' is not en or zh; the language guessed from the text is kept")]),
    ("two rows for one file: the first is read",
     "file,title\na.txt,First\na.txt,Second\n", {"a.txt": {"title": "First"}},
     [("a.txt", "sources.csv line 3: a.txt already has a row (line 2); this one is ignored")]),
    ("a row without a file name",
     "file,title\n,Orphan\n", {},
     [(None, "sources.csv line 2: no file name; row ignored")]),
    ("a file in another folder",
     "file,title\nsub/a.txt,T\n", {},
     [("sub/a.txt", "sources.csv line 2: 'sub/a.txt' is in another folder; a manifest describes the files "
                    "in its own folder (put a sources.csv there); row ignored")]),
    ("an unknown column is ignored, the rest read",
     "file,url,author\na.txt,https://x.org/a,Ann\n", {"a.txt": {"url": "https://x.org/a"}},
     [(None, "sources.csv line 1: column 'author' ignored (the manifest reads file, url, title, publisher, "
             "published, language)")]),
    ("more cells than columns",
     "file,title\na.txt,T,extra\n", {"a.txt": {"title": "T"}},
     [("a.txt", "sources.csv line 2: more cells than the header has columns; the extra cells are ignored")]),
    ("line numbers count the lines of a quoted multi-line cell",
     'file,title\na.txt,"two\nlines"\nb.html,\ngone.txt,x\n', {"a.txt": {"title": "two lines"}, "b.html": {}},
     [("gone.txt", "sources.csv line 5: gone.txt is not in this folder; row ignored")]),
]


@pytest.mark.parametrize("why, text, kept, problems", PROBLEMS, ids=[p[0] for p in PROBLEMS])
def test_problems(why, text, kept, problems):
    m = parse(text)
    assert only(m) == kept
    assert [(p.file, p.message) for p in m.problems] == problems


UNREADABLE = [
    ("no file column", "url,title\nhttps://x.org/a,T\n",
     "sources.csv line 1: no 'file' column (the header is url, title; expected file, url, title, publisher, "
     "published, language); not read, every article keeps what its text gives"),
    ("empty", "\n\n", "sources.csv: empty; every article keeps what its text gives"),
    ("binary", b"\x00\x01\x02file", "sources.csv: not UTF-8, UTF-16 or GB18030 text; not read, every article "
                                    "keeps what its text gives"),
]


@pytest.mark.parametrize("why, text, message", UNREADABLE, ids=[u[0] for u in UNREADABLE])
def test_a_manifest_that_cannot_be_read_is_one_message(why, text, message):
    m = parse(text)
    assert m.sources == {}
    assert [(p.file, p.message) for p in m.problems] == [(None, message)]


def test_files_without_a_row():
    m = parse("file,url\na.txt,https://x.org/a\n")
    assert [(p.file, p.message) for p in manifest.missing_rows(m, ["a.txt", "b.html"])] == [
        ("b.html", "sources.csv: no row for b.html; its title, date and publisher are guessed from its text")]


def test_apply_keeps_guesses_where_the_row_is_silent():
    from tests.conftest import article

    a = article("a.txt", published=date(2020, 1, 2), title="Guessed")
    s = manifest.Source(file="a.txt", line=2, url="https://x.org/a", publisher="P")
    b = manifest.apply(a, s)
    assert (b.url, b.publisher, b.title, b.published, b.text) == ("https://x.org/a", "P", "Guessed",
                                                                  date(2020, 1, 2), a.text)
    assert manifest.apply(a, None) is a


# --- ingest -------------------------------------------------------------------------------

TEXT = ("Chengdu signs a cloud computing deal\n发布日期:2021-05-01\n来源:新华社\n\n"
        "Chengdu signed a cloud computing project worth 2 billion yuan with Acme on April 30.\n")


def no_records(article):
    return []


def write_manifest(folder: Path, rows: list[dict]) -> None:
    with open(folder / "sources.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=manifest.COLUMNS)
        w.writeheader()
        w.writerows(rows)


def stored(db: Path) -> dict:
    con = store.connect(db)
    try:
        cols = ("file_name", "url", "title", "publisher", "published", "language")
        return {r[0]: dict(zip(cols[1:], r[1:]))
                for r in con.execute(f"SELECT {', '.join(cols)} FROM articles").fetchall()}
    finally:
        con.close()


def log(db: Path, status: str | None = None) -> list[tuple]:
    con = store.connect(db)
    try:
        return con.execute("SELECT file_name, status, message FROM ingest_log "
                           "WHERE status = coalesce(?, status) ORDER BY \"at\", file_name", [status]).fetchall()
    finally:
        con.close()


@pytest.fixture
def folder(tmp_path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    (d / "b.txt").write_text(TEXT.replace("Acme", "Bolt"), encoding="utf-8")
    return d


def test_the_manifest_wins_over_guesses_and_its_edits_are_picked_up(folder, tmp_path):
    db = tmp_path / "deals.duckdb"
    store.ingest([folder], db, extractor=no_records)
    assert stored(db)["a.txt"] == {"url": None, "title": "Chengdu signs a cloud computing deal",
                                   "publisher": "新华社", "published": date(2021, 5, 1), "language": "en"}

    write_manifest(folder, [{"file": "a.txt", "url": "https://news.example.cn/a.html", "title": "The real title",
                             "publisher": "Real Daily", "published": "2021-05-02", "language": "en"},
                            {"file": "b.txt", "url": "https://news.example.cn/b.html"}])
    report = store.ingest([folder], db, extractor=no_records)
    assert (report.articles_reextracted, report.articles_skipped) == (2, 0)  # the manifest is new to both
    assert stored(db)["a.txt"] == {"url": "https://news.example.cn/a.html", "title": "The real title",
                                   "publisher": "Real Daily", "published": date(2021, 5, 2), "language": "en"}
    assert stored(db)["b.txt"]["url"] == "https://news.example.cn/b.html"
    assert stored(db)["b.txt"]["publisher"] == "新华社"  # what the row does not give is still guessed

    # unchanged: nothing is stored again
    report = store.ingest([folder], db, extractor=no_records)
    assert (report.articles_reextracted, report.articles_skipped) == (0, 2)

    # an edit to one row: only that article is stored again, and the log says what changed
    write_manifest(folder, [{"file": "a.txt", "url": "https://news.example.cn/a2.html"},
                            {"file": "b.txt", "url": "https://news.example.cn/b.html"}])
    report = store.ingest([folder], db, extractor=no_records)
    assert (report.articles_reextracted, report.articles_skipped) == (1, 1)
    assert stored(db)["a.txt"] == {"url": "https://news.example.cn/a2.html",
                                   "title": "Chengdu signs a cloud computing deal", "publisher": "新华社",
                                   "published": date(2021, 5, 1), "language": "en"}
    assert log(db, "re-extracted")[-1] == ("a.txt", "re-extracted",
                                          "0 records; title, url, publisher, published changed")


def test_a_changed_date_reaches_the_records(folder, tmp_path):
    """The extractor resolves dates against the article's: a manifest date re-extracts."""
    db = tmp_path / "deals.duckdb"
    seen = tmp_path / "seen.txt"  # a file: extraction runs in worker processes

    def extractor(article):
        with open(seen, "a") as f:
            f.write(f"{article.file_name} {article.published}\n")
        return []

    store.ingest([folder / "a.txt"], db, extractor=extractor)
    write_manifest(folder, [{"file": "a.txt", "published": "2021-06-01"}])
    store.ingest([folder / "a.txt"], db, extractor=extractor)
    assert seen.read_text().splitlines() == ["a.txt 2021-05-01", "a.txt 2021-06-01"]


def test_manifest_problems_are_logged_and_nothing_else_is_lost(folder, tmp_path):
    db = tmp_path / "deals.duckdb"
    (folder / "sources.csv").write_text(
        "file,url,published\n"
        "a.txt,javascript:alert(document.cookie),2021-13-01\n"
        "gone.txt,https://news.example.cn/gone.html,\n", encoding="utf-8")
    report = store.ingest([folder], db, extractor=no_records)
    assert report.articles_new == 2 and not report.failed  # both files stored, with guessed values
    assert stored(db)["a.txt"]["url"] is None and stored(db)["a.txt"]["published"] == date(2021, 5, 1)
    where = str(folder / "sources.csv")
    assert sorted(log(db, "manifest")) == sorted([
        ("a.txt", "manifest", f"{where} line 2: url 'javascript:alert(document.cookie)' is not an http(s) web "
                              "address; the address guessed from the text is kept"),
        ("a.txt", "manifest", f"{where} line 2: published '2021-13-01' is not a date YYYY-MM-DD between 1900 "
                              "and today; the date guessed from the text is kept"),
        ("b.txt", "manifest", f"{where}: no row for b.txt; its title, date and publisher are guessed from its text"),
        ("gone.txt", "manifest", f"{where} line 3: gone.txt is not in this folder; row ignored"),
    ])
    summary = report.summary()
    assert f"{where} line 3: gone.txt is not in this folder; row ignored" in summary
    assert "javascript:alert(document.cookie)' is not an http(s) web address" in summary


def test_an_unreadable_manifest_loses_nothing(folder, tmp_path):
    db = tmp_path / "deals.duckdb"
    (folder / "sources.csv").write_bytes(b"\x00\x01binary")
    report = store.ingest([folder], db, extractor=no_records)
    assert report.articles_new == 2 and not report.failed
    assert [m for _, _, m in log(db, "manifest")] == [
        f"{folder / 'sources.csv'}: not UTF-8, UTF-16 or GB18030 text; not read, every article keeps what its "
        "text gives"]


def test_a_file_ingested_alone_reads_its_folders_manifest(folder, tmp_path):
    db = tmp_path / "deals.duckdb"
    write_manifest(folder, [{"file": "a.txt", "url": "https://news.example.cn/a.html"}])
    store.ingest([folder / "a.txt"], db, extractor=no_records)
    assert stored(db)["a.txt"]["url"] == "https://news.example.cn/a.html"
    assert log(db, "manifest") == []  # b.txt was not ingested: its missing row is not this run's concern


def test_a_manifest_named_among_the_files_is_read_as_the_manifest(folder, tmp_path):
    """`ingest data/articles/*` names sources.csv too: it is the folder's manifest, not a failed article."""
    db = tmp_path / "deals.duckdb"
    write_manifest(folder, [{"file": "a.txt", "url": "https://news.example.cn/a.html"}])
    report = store.ingest(sorted(folder.iterdir()), db, extractor=no_records)
    assert report.failed == [] and report.articles_new == 2
    assert stored(db)["a.txt"]["url"] == "https://news.example.cn/a.html"


# --- the shipped demo corpus ------------------------------------------------------------

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def test_the_shipped_manifest_describes_every_shipped_article():
    files = article_files([ARTICLES])
    assert len(files) == 43
    found, problems = manifest.sources_for(files)
    assert problems == []
    assert len(found) == 43
    with_url = {p.name for p, s in found.items() if s.url}
    # h01–h38 from SOURCES.md; of the seeds, only 003 gives its own address in its text
    assert with_url == {p.name for p in files if p.name.startswith("h")} | {"003_99612760660fe421.txt"}
    assert found[ARTICLES / "003_99612760660fe421.txt"].url == read_article(
        ARTICLES / "003_99612760660fe421.txt").url == "https://www.hulianmaibo.com/posts/info/44105"
