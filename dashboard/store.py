"""The DuckDB file: opening it, and `ingest`, its only writer.

`ingest` reads article files, extracts their records and stores both, with
three promises (DESIGN.md): idempotent (an article is the hash of its text,
stored once; re-extracted only when the extractor's version changes),
atomic (it works on a copy beside the file and swaps it in at the end, so a
crash leaves the previous database as it was), and it keeps every article's
text, with the reason, even when extraction fails. It also links records of
different articles that report the same deal, so the deal is counted once.
The schema is `schema.sql`; the reads are in `query.py`.
"""
from __future__ import annotations

import csv
import fcntl
import glob
import json
import os
import re
import shutil
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from math import isfinite
from pathlib import Path
from typing import Callable, Iterable, Iterator

import duckdb
import pyarrow as pa

from dashboard import corrections as fixes
from dashboard import manifest, workers
from dashboard.articles import Article, parse_article, scan
# When the extractor's version changes, ingest re-extracts every stored article.
from dashboard.extract import EXTRACTOR_VERSION
from dashboard.contract import FIELDS, KINDS  # noqa: F401  (KINDS: the store's users read it here)

SCHEMA_PATH = Path(__file__).with_name("schema.sql")
SCHEMA_VERSION = 7
# Version 4 numbered the ledger and added its rollups; version 5 added more rollups (the cube
# by years, stacked bars, investors, map points), the articles' columns on the ledger and the
# article_bound() macro; version 6 the places' numbers (place_index; the ledger's place_no, its
# sort key); version 7 the narrow ledger (figures_by_place, figures_by_sector, label_index,
# investor_index). derive() rebuilds all of them,
# so ingest upgrades a version-3, -4, -5 or -6 file in place (see create_schema).

# Contract fields with a column of their own (CONTRACT.md); any other field goes into `extra`.
CONTRACT_FIELDS = FIELDS

# Same deal in two articles (see link_same_deals).
SAME_AMOUNT = 0.02      # amounts within 2 % of the larger
SAME_DAYS = 90          # dates (as intervals) within 90 days of each other


class StoreError(Exception):
    """The database cannot be used as asked; the message says what to do."""


class RecordError(ValueError):
    """An extracted record that does not follow CONTRACT.md."""


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


def default_db_path() -> str:
    """$DASHBOARD_DB, else data/deals.duckdb of the repository."""
    return os.environ.get("DASHBOARD_DB") or str(repo_root() / "data" / "deals.duckdb")


def articles_dir() -> Path:
    return repo_root() / "data" / "articles"


def is_remote(db: str) -> bool:
    """A hosted DuckDB (MotherDuck) name rather than a local file: "md:..." or "motherduck:..."."""
    return db.startswith("md:") or db.startswith("motherduck:")


def _one(con, sql: str, params: list | None = None) -> tuple | None:
    """The first row of a query, or None. Reads the whole result: DuckDB 2 keeps a
    half-read result open and then refuses other work on the connection."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0] if rows else None


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


# --- opening -------------------------------------------------------------------------------

def connect(db: str | Path, read_only: bool = True, token: str | None = None):
    """Open the database. Read-only (the app) checks that it is a dashboard database;
    read-write (ingest, test builders) creates the schema when missing.

    A read-only local file is opened afresh every time, as it is on disk now (see
    `Snapshot`), never through DuckDB's cache of open files. A hosted name ("md:...")
    is passed through to DuckDB.
    """
    db = str(db)
    if read_only and not is_remote(db) and db != ":memory:":
        if not Path(db).exists():
            raise StoreError(f"{db_label(db)}: no database here yet; build it with "
                             f"`python -m dashboard ingest data/articles`")
        if Path(db).is_dir():
            raise StoreError(f"{db_label(db)}: is a folder, not a database file")
        return _snapshot(db)
    try:
        con = duckdb.connect(db, read_only=read_only and db != ":memory:", config=_config(db, token))
    except duckdb.Error as e:
        raise StoreError(f"{db_label(db)}: cannot be opened as a DuckDB database ({_scrub(_first_line(e), db)}); "
                         f"if it is damaged, move it away and ingest again") from None
    try:
        if read_only:
            _check_schema(con, db)
        else:
            create_schema(con, db)
    except BaseException:
        con.close()
        raise
    return con


class Snapshot:
    """A read-only view of a database file as it was when opened.

    DuckDB keeps one database instance per path in a process and hands it to every
    later `duckdb.connect(path)`, so after ingest replaced the file a new connection
    would still read the old, deleted one (duckdb/duckdb#15912). A fresh in-memory
    instance that ATTACHes the file opens what is on disk now. Cursors of that
    instance do not inherit `USE`, so `cursor()` sets it on each; everything else is
    the connection's own.

    The file never changes under a snapshot, so what is read from it once holds for its
    life: `memo` keeps such values (query.py's label numbers), shared by its cursors.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self._con = con
        self._memo: dict = {}

    def memo(self, key: str, make: Callable):
        """`make(con)` the first time `key` is asked of this snapshot (or of a cursor of it),
        then the same value. Two threads asking at once may both make it: the same value."""
        try:
            return self._memo[key]
        except KeyError:
            return self._memo.setdefault(key, make(self))

    def cursor(self) -> "SnapshotCursor":
        cur = self._con.cursor()
        cur.execute(f"USE {_ALIAS}")
        return SnapshotCursor(cur, self)

    def __getattr__(self, name: str):
        return getattr(self._con, name)

    def __enter__(self) -> "Snapshot":
        return self

    def __exit__(self, *exc) -> None:
        self._con.close()


class SnapshotCursor:
    """A cursor of a `Snapshot` (one per app query: a DuckDB connection must not be shared by
    threads) that shares the snapshot's `memo`; everything else is the cursor's own."""

    def __init__(self, cur: duckdb.DuckDBPyConnection, snapshot: Snapshot):
        self._cur = cur
        self._snapshot = snapshot

    def memo(self, key: str, make: Callable):
        return self._snapshot.memo(key, lambda _: make(self))

    def __getattr__(self, name: str):
        return getattr(self._cur, name)

    def __enter__(self) -> "SnapshotCursor":
        return self

    def __exit__(self, *exc) -> None:
        self._cur.close()


_ALIAS = "dashboard_db"
# DuckDB worker threads of a read-only snapshot (the app's). Its queries are small: a filtered
# view reads a few row groups of the narrow ledger or a few cells of the rollups, so a second
# thread mostly adds hand-over and wake-up costs; and the app runs each viewer's queries on its
# own thread, so a 2-core server is kept busy by its viewers, not by splitting one query. At
# 1 M records one thread used 10-15 % less processor time per page query (p50) than two.
READ_THREADS = 1


def _snapshot(db: str) -> Snapshot:
    con = duckdb.connect(":memory:", config={"threads": READ_THREADS})
    try:
        # The path is a parameter-free literal: ATTACH takes no prepared parameters.
        con.execute(f"ATTACH '{db.replace(chr(39), chr(39) * 2)}' AS {_ALIAS} (READ_ONLY)")
        con.execute(f"USE {_ALIAS}")
    except duckdb.Error as e:
        con.close()
        raise StoreError(f"{db_label(db)}: cannot be opened as a DuckDB database ({_scrub(_first_line(e), db)}); "
                         f"if it is damaged, move it away and ingest again") from None
    try:
        _check_schema(con, db)
    except BaseException:
        con.close()
        raise
    return Snapshot(con)


def db_label(db: str | Path) -> str:
    """How messages name a database: its file name, or a hosted database's name without
    its options (a token travels in them).

    >>> db_label("/srv/data/deals.duckdb"), db_label("md:deals?motherduck_token=abc")
    ('deals.duckdb', 'md:deals')
    """
    db = str(db)
    if is_remote(db):
        return db.split("?", 1)[0]
    return Path(db).name or db


def _scrub(message: str, db: str) -> str:
    """A DuckDB message with the database's full setting replaced by its label, and any
    token cut out."""
    for text in sorted({db, str(Path(db).resolve()) if not is_remote(db) else db}, key=len, reverse=True):
        if text:
            message = message.replace(text, db_label(db))
    return re.sub(r"(token|password)=[^&\s'\"]*", r"\1=…", message, flags=re.I)


def _config(db: str, token: str | None) -> dict:
    """DuckDB settings: a hosted database's token as a setting (from st.secrets or
    $MOTHERDUCK_TOKEN, which DuckDB's MotherDuck extension also reads itself), so it
    never has to travel in the database setting that a message could show."""
    token = token or os.environ.get("MOTHERDUCK_TOKEN")
    return {"motherduck_token": token} if token and is_remote(db) else {}


def _schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version written in the database; None when it has no dashboard schema."""
    try:
        row = _one(con, "SELECT value FROM meta WHERE key = 'schema_version'")
        return int(row[0]) if row else None
    except (duckdb.Error, ValueError, TypeError):
        return None


def _check_schema(con: duckdb.DuckDBPyConnection, db: str) -> None:
    version = _schema_version(con)
    if version is not None and version == SCHEMA_VERSION:
        try:  # the tables every page reads must be there too, not only the version row
            con.execute("SELECT count(*) FROM ledger WHERE false").fetchall()
            con.execute("SELECT count(*) FROM articles WHERE false").fetchall()
        except duckdb.Error:
            raise StoreError(f"{db_label(db)}: a half-written dashboard database (its tables are incomplete); "
                             f"move the file away and run `python -m dashboard ingest data/articles`") from None
    if version is None:
        raise StoreError(f"{db_label(db)}: a DuckDB file without the dashboard's tables; "
                         f"point DASHBOARD_DB at the file `python -m dashboard ingest` wrote")
    if version != SCHEMA_VERSION:
        raise StoreError(f"{db_label(db)}: written with schema version {version}, this code reads version "
                         f"{SCHEMA_VERSION}; move the file away and ingest the articles again")


def create_schema(con: duckdb.DuckDBPyConnection, db: str = "database") -> None:
    """Create the tables (when missing) and replace the macros and views."""
    version = _schema_version(con)
    if version == 2:  # only the corrections table changed: its rows were never keyed to survive
        con.execute("DROP TABLE IF EXISTS ledger")
        con.execute("DROP TABLE corrections")
    elif version in (3, 4, 5, 6):  # only what derive() rebuilds changed: the ledger's numbers and rollups
        con.execute("DROP TABLE IF EXISTS ledger")
    elif version is not None and version != SCHEMA_VERSION:
        raise StoreError(f"{db_label(db)}: written with schema version {version}, this code writes version "
                         f"{SCHEMA_VERSION}; move the file away and ingest the articles again")
    con.execute(SCHEMA_PATH.read_text(encoding="utf-8"))


@contextmanager
def _writable(db: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection whose work lands all at once or not at all.

    A local file is copied beside itself, the copy is written, checkpointed and
    closed, and only then renamed over the original (a rename within one folder is
    atomic). Readers keep the old file open until they reconnect. A hosted database
    gets one transaction instead.
    """
    if is_remote(db):
        con = connect(db, read_only=False)
        con.begin()
        try:
            yield con
            con.commit()
        except BaseException:
            con.rollback()
            raise
        finally:
            con.close()
        return

    path = Path(db)
    if path.is_dir():
        raise StoreError(f"{db_label(db)}: is a folder, not a database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _lock(path):
            remove_leftovers(path)  # of runs that were killed: only one ingest holds the lock
            work = path.with_name(f".{path.name}.ingest-{os.getpid()}")
            try:
                if path.exists():
                    shutil.copyfile(path, work)
                    if _wal(path).exists():  # a crashed direct writer's log: DuckDB replays it on open
                        shutil.copyfile(_wal(path), _wal(work))
                try:
                    con = connect(work, read_only=False)
                except StoreError as e:  # name the user's file, not the copy
                    raise StoreError(str(e).replace(db_label(work), db_label(path))) from None
                try:
                    yield con
                    con.execute("CHECKPOINT")
                finally:
                    con.close()
                with open(work, "rb+") as f:  # on disk before the rename makes it the database
                    os.fsync(f.fileno())
                os.replace(work, path)
                _wal(path).unlink(missing_ok=True)  # belonged to the file just replaced
                _fsync_folder(path.parent)
            finally:
                for leftover in (work, _wal(work)):
                    leftover.unlink(missing_ok=True)
    except OSError as e:  # an unwritable or full folder: say so, without the traceback
        raise StoreError(f"{db_label(path)}: cannot write the database in its folder "
                         f"({e.strerror or type(e).__name__}); check the folder's permissions and free space") from None


def remove_leftovers(path: Path) -> list[Path]:
    """Delete what killed ingests left beside the database: their work copies and the
    copies' logs (`.deals.duckdb.ingest-PID` and `.wal`). Call with the lock held. The
    lock file itself stays: deleting a file others may be locking would let two ingests
    in at once."""
    removed = []
    for leftover in sorted(path.parent.glob(f".{glob.escape(path.name)}.ingest-*")):
        try:
            leftover.unlink()
            removed.append(leftover)
        except FileNotFoundError:
            pass
    return removed


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX: the directory entry lives in the folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


@contextmanager
def _lock(path: Path) -> Iterator[None]:
    """One ingest at a time per file; the OS releases the lock if the process dies."""
    lock_path = path.with_name(f".{path.name}.lock")
    with open(lock_path, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"{db_label(path)}: another ingest is writing this database; "
                             f"wait for it to finish and run this one again") from None
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# --- ingest --------------------------------------------------------------------------------

@dataclass
class IngestReport:
    db: str
    articles_read: int = 0          # files read as articles: new, re-extracted or skipped
    articles_new: int = 0
    articles_reextracted: int = 0   # stored before by another extractor version (or it failed)
    articles_skipped: int = 0       # already stored by this extractor version
    failed: list[tuple[str, str]] = field(default_factory=list)   # (file name, reason)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (path, reason): not article files
    records_by_kind: dict[str, int] = field(default_factory=dict)  # written in this run
    repeats: int = 0                # records counted once, as the same deal as an earlier article's
    notes: list[str] = field(default_factory=list)
    read_files: list[str] = field(default_factory=list)   # names of the files read: their articles are stored

    def summary(self) -> str:
        lines = [f"{self.articles_read} articles read: {self.articles_new} new, "
                 f"{self.articles_reextracted} re-extracted, {self.articles_skipped} already stored."]
        if self.records_by_kind:
            kinds = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}"
                              for kind, n in sorted(self.records_by_kind.items()))
            lines.append(f"Records written: {kinds}.")
        else:
            lines.append("No records written.")
        if self.repeats:
            lines.append(f"{self.repeats} records repeat a deal of an earlier article and are counted once.")
        lines.extend(self.notes)
        if self.failed:
            lines.append(f"{len(self.failed)} file{'s' * (len(self.failed) != 1)} failed (the others were stored):")
            # an ArticleError already names its file ("path/x.txt: empty"); say the name once
            lines.extend(f"  {reason if name in reason else f'{name}: {reason}'}" for name, reason in self.failed)
        if self.ignored:
            lines.append(f"{len(self.ignored)} path{'s' * (len(self.ignored) != 1)} not read as articles "
                         f"(listed in ingest_log):")
            lines.extend(f"  {name}: {reason}" for name, reason in self.ignored[:10])
            if len(self.ignored) > 10:
                lines.append(f"  … and {len(self.ignored) - 10} more")
        lines.append(f"Database: {self.db if not is_remote(self.db) else db_label(self.db)}")
        return "\n".join(lines)


def ingest(paths: Iterable[str | Path], db: str | Path | None = None,
           progress: Callable[[int, int, str], None] | None = None,
           extractor: Callable[[Article], list[dict]] | None = None,
           gazetteer: Callable[[], list] | None = None,
           budget: workers.Budget | None = None) -> IngestReport:
    """Read, extract and store articles (files or folders) in the database `db`,
    then apply the corrections log (corrections.log_path(db)) over the records.

    `extractor` defaults to dashboard.extract.extract and `gazetteer` to
    dashboard.extract.places.gazetteer. Files are read and extracted in worker
    processes (dashboard.workers), each within `budget` (time and size; settings by
    default). An unreadable file, a failed or overlong extraction is logged and
    counted in `report.failed`, and a path that is not an article file in
    `report.ignored`; the other files go on. Anything else (a crash, Ctrl-C,
    kill -9, a damaged corrections log) leaves the database as it was before.
    """
    db = str(db or default_db_path())
    if extractor is None:
        from dashboard.extract import extract as extractor
    _warm()  # once per process: the workers are forked with the reference data loaded
    found = scan(list(paths))
    # a sources.csv named on the command line (`ingest data/articles/*`) is its folder's manifest, not an article
    files = [f for f in found.files if f.name != manifest.MANIFEST_NAME]
    given, manifest_problems = manifest.sources_for(files)
    report = IngestReport(db=db)
    with _writable(db) as con:
        _log_manifest(con, manifest_problems, report)
        stored = {aid: (version, name) for aid, version, name in
                  con.execute("SELECT article_id, extractor_version, file_name FROM articles").fetchall()}
        stored_names = {name: aid for aid, (_, name) in stored.items()}
        current = _stored_meta(con)
        for name, reason in found.ignored:
            if Path(name).name == manifest.MANIFEST_NAME:  # read above, as the folder's sources
                continue
            report.ignored.append((name, reason))
            _log(con, name, None, "ignored", reason)
        outcomes = workers.run(
            files, extractor, budget,
            skip=lambda a: current.get(a.article_id) == tuple(getattr(a, k) for k in _META),
            prepare=lambda path, a: manifest.apply(a, given.get(path)))
        batch = _Batch(con)
        for done, outcome in enumerate(outcomes, 1):
            _store(batch, outcome, stored, stored_names, report)
            if progress:
                progress(done, len(files), outcome.path.name)
        batch.flush()
        n, lost = load_corrections(con, fixes.log_path(db))
        if n:
            report.notes.append(f"{n} correction{'s' * (n != 1)} applied from {fixes.log_path(db).name}"
                                + (f"; {lost} no longer find their record (see the Review page)." if lost else "."))
        _refresh_places(con, gazetteer, report)  # before derive: the map's points come from them
        report.repeats = derive(con)
    return report


def pre_extracted(path: str | Path) -> Callable[[Article], list[dict]]:
    """An extractor for `ingest` that reads records extracted elsewhere instead of extracting.

    `path` is a JSONL file in the form `python -m dashboard extract` prints, or a Parquet
    file of the same fields (what a cluster job mapping `dashboard.extract.extract` over
    files would write); records are matched to articles by their `article` field (the file
    name). An article the file has no records for fails with that reason, and is kept.
    """
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        con = duckdb.connect(":memory:")
        try:
            cur = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
            names = [d[0] for d in cur.description]
            records = [dict(zip(names, row)) for row in cur.fetchall()]
        except duckdb.Error as e:
            raise StoreError(f"{path}: cannot be read as Parquet ({_first_line(e)})") from None
        finally:
            con.close()
    else:
        records = []
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise StoreError(f"{path}: cannot be read ({getattr(e, 'strerror', None) or _first_line(e)})") from None
        for n, line in enumerate(lines, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise StoreError(f"{path}, line {n}: not JSON ({e.msg})") from None
    by_article: dict[str, list[dict]] = {}
    for r in records:
        by_article.setdefault(str(r.get("article")), []).append(r)

    def extractor(article: Article) -> list[dict]:
        if article.file_name not in by_article:
            raise LookupError(f"{path.name} has no records for {article.file_name}")
        return [dict(r) for r in by_article[article.file_name]]
    return extractor


WARM_TEXT = ("Chengdu signs 3 projects\nTime: 2021-05-03\n\nOn May 3, 2021, Tencent signed to invest "
             "5 billion yuan in Chengdu Hi-Tech Zone.\n合肥签约8个重大项目，总投资1020亿元。\n")


_warmed: list[bool] = []


def _warm() -> None:
    """Load the extractor's reference data (gazetteer, rates) before workers are forked,
    so each starts ready instead of loading it within its first file's budget. Runs the
    real extractor on a built-in text once per process, whichever extractor is passed
    (a test's may call the real one for some files)."""
    if _warmed:
        return
    _warmed.append(True)
    try:
        from dashboard.extract import extract
        extract(parse_article(WARM_TEXT.encode("utf-8"), "warm-up.txt"))
    except Exception:  # a broken extractor fails on the real files, with their names
        pass


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _log(con, file_name: str, article_id: str | None, status: str, message: str | None) -> None:
    row = [file_name, article_id, status, message, _now()]
    if isinstance(con, _Batch):
        con.logs.append(row)
        return
    con.execute("INSERT INTO ingest_log VALUES (?, ?, ?, ?, ?)", row)


class _Batch:
    """Ingest's writes of articles, records and log lines, kept and written a few hundred articles at a time
    (one statement per table instead of four per article, which cost more than extracting them). Any other
    statement on it writes what is kept first, so reads and deletes see every earlier write, in order."""
    ARTICLES = 500

    def __init__(self, con):
        self.con = con
        self.articles: list[list] = []
        self.records: list[dict] = []
        self.logs: list[list] = []

    def execute(self, sql: str, params=None):
        self.flush()
        return self.con.execute(sql, params or [])

    def add(self, article_row: list, rows: list[dict], published) -> None:
        self.articles.append(article_row)
        self.records.extend({**r, "fallback_date": published} for r in rows)
        if len(self.articles) >= self.ARTICLES:
            self.flush()

    def flush(self) -> None:
        if self.articles:
            self._insert("articles", pa.Table.from_pylist(
                [dict(zip(ARTICLE_ARROW.names, r)) for r in self.articles], schema=ARTICLE_ARROW),
                "INSERT INTO articles SELECT * FROM incoming_articles")
        if self.records:
            self._insert("records", pa.Table.from_pylist(self.records, schema=_BATCH_RECORD_ARROW), """
                INSERT INTO records BY NAME
                SELECT * EXCLUDE (extra, fallback_date),
                       coalesce(date_first_day(date), fallback_date) AS date_start,
                       coalesce(date_last_day(date), fallback_date) AS date_end,
                       extra::JSON AS extra
                FROM incoming_records""")
        if self.logs:
            self._insert("ingest_log", pa.Table.from_pylist(
                [dict(zip(LOG_ARROW.names, r)) for r in self.logs], schema=LOG_ARROW),
                "INSERT INTO ingest_log SELECT * FROM incoming_ingest_log")
        self.articles, self.records, self.logs = [], [], []

    def _insert(self, table: str, data: pa.Table, sql: str) -> None:
        name = f"incoming_{table}"
        self.con.register(name, data)
        try:
            self.con.execute(sql)
        finally:
            self.con.unregister(name)


def _log_manifest(con, problems: list[manifest.Problem], report: IngestReport, shown: int = 10) -> None:
    """Every problem of the sources manifests in ingest_log, the first few in the summary too."""
    for p in problems:
        _log(con, p.file or manifest.MANIFEST_NAME, None, "manifest", p.message)
    report.notes.extend(p.message for p in problems[:shown])
    if len(problems) > shown:
        report.notes.append(f"... and {len(problems) - shown} more notes on {manifest.MANIFEST_NAME} in ingest_log.")


_META = ("title", "url", "publisher", "published", "language")


def _stored_meta(con) -> dict[str, tuple]:
    """The title, URL, publisher, date and language of each article stored by this extractor
    version: a worker skips extracting an article read back the same."""
    rows = con.execute(f"SELECT article_id, {', '.join(_META)} FROM articles WHERE extractor_version = ?",
                       [EXTRACTOR_VERSION]).fetchall()
    return {aid: tuple(meta) for aid, *meta in rows}


def _changed_meta(con, article: Article) -> list[str]:
    """Which of the article's title, URL, publisher, date and language differ from the stored row
    (a sources.csv edit, or a better guess): the extractor reads them, so the article is stored again."""
    row = _one(con, f"SELECT {', '.join(_META)} FROM articles WHERE article_id = ?", [article.article_id])
    return [k for k, v in zip(_META, row or ()) if v != getattr(article, k)]


def _store(con, outcome: workers.Outcome, stored: dict, stored_names: dict, report: IngestReport) -> None:
    """Store one file's article and records. `stored` maps article_id -> (extractor
    version, file name) of what the database holds; `stored_names` file name -> article_id."""
    path, article = outcome.path, outcome.article
    if article is None:
        report.failed.append((path.name, outcome.error))
        _log(con, path.name, None, "failed", outcome.error)
        return
    report.articles_read += 1
    report.read_files.append(path.name)
    aid = article.article_id
    before = stored.get(aid)
    notes = []
    if before and before[0] == EXTRACTOR_VERSION:
        changed = _changed_meta(con, article) if before[1] == path.name else []
        if not changed:
            report.articles_skipped += 1
            same_as = f" as {before[1]}" if before[1] != path.name else ""
            _log(con, path.name, aid, "skipped", f"already stored{same_as} (extractor {EXTRACTOR_VERSION})")
            return
        notes.append(f"{', '.join(changed)} changed")
    if outcome.skipped:  # its worker found it stored as it is; an earlier file of this run changed that
        report.articles_skipped += 1
        _log(con, path.name, aid, "skipped", f"already stored (extractor {EXTRACTOR_VERSION})")
        return

    # A file whose text changed since it was stored: the new text replaces the old article.
    old_id = stored_names.get(path.name)
    if old_id and old_id != aid and old_id in stored:
        con.execute("DELETE FROM records WHERE article_id = ?", [old_id])
        con.execute("DELETE FROM articles WHERE article_id = ?", [old_id])
        del stored[old_id]
        notes.append(f"replaces an earlier text of this file ({old_id})")

    error = outcome.error
    rows = []
    if error is None:
        try:
            rows = record_rows(article, outcome.records)
        except RecordError as e:
            error = f"extraction failed: {type(e).__name__}: {_first_line(e)}"

    if aid in stored:  # else neither it nor its records are in the database (nor kept in the batch)
        con.execute("DELETE FROM records WHERE article_id = ?", [aid])
        con.execute("DELETE FROM articles WHERE article_id = ?", [aid])
    article_row = [aid, article.file_name, article.title, article.url, article.publisher,
                   article.published, article.language, article.text,
                   None if error else EXTRACTOR_VERSION, _now()]
    if isinstance(con, _Batch):
        con.add(article_row, rows, article.published)
    else:
        con.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", article_row)
        _insert_records(con, rows, article.published)
    stored[aid] = (None if error else EXTRACTOR_VERSION, path.name)
    stored_names[path.name] = aid

    if error:
        report.failed.append((path.name, error))
        _log(con, path.name, aid, "failed", "; ".join([error, "text kept", *notes]))
        return
    if before:
        report.articles_reextracted += 1
    else:
        report.articles_new += 1
    for row in rows:
        report.records_by_kind[row["kind"]] = report.records_by_kind.get(row["kind"], 0) + 1
    _log(con, path.name, aid, "re-extracted" if before else "stored",
         "; ".join([f"{len(rows)} records", *notes]))


# --- records -------------------------------------------------------------------------------

RECORD_ARROW = pa.schema([
    ("record_id", pa.string()), ("article_id", pa.string()), ("local_id", pa.string()),
    ("ordinal", pa.int32()), ("kind", pa.string()),
    ("investors", pa.list_(pa.string())), ("partners", pa.list_(pa.string())),
    ("project", pa.string()), ("city", pa.string()), ("province", pa.string()),
    ("district", pa.string()), ("park", pa.string()), ("sector", pa.string()),
    ("subsector", pa.string()), ("amount", pa.float64()), ("currency", pa.string()),
    ("amount_cny", pa.float64()), ("qualifier", pa.string()), ("date", pa.string()),
    ("status", pa.string()), ("part_of", pa.string()), ("n_projects", pa.int32()),
    ("counts_in_totals", pa.bool_()), ("evidence", pa.string()),
    ("evidence_start", pa.int32()), ("evidence_end", pa.int32()),
    ("flags", pa.list_(pa.string())), ("extra", pa.string()),
])


_BATCH_RECORD_ARROW = RECORD_ARROW.append(pa.field("fallback_date", pa.date32()))
ARTICLE_ARROW = pa.schema([
    ("article_id", pa.string()), ("file_name", pa.string()), ("title", pa.string()), ("url", pa.string()),
    ("publisher", pa.string()), ("published", pa.date32()), ("language", pa.string()), ("text", pa.string()),
    ("extractor_version", pa.string()), ("ingested_at", pa.timestamp("us")),
])
LOG_ARROW = pa.schema([("file_name", pa.string()), ("article_id", pa.string()), ("status", pa.string()),
                       ("message", pa.string()), ("at", pa.timestamp("us"))])


def _text(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise RecordError(f"record {record.get('id')!r}: {key} should be text, not {value!r}")


def _names(record: dict, key: str) -> list[str]:
    value = record.get(key) or []
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise RecordError(f"record {record.get('id')!r}: {key} should be a list of text, not {value!r}")


def _number(record: dict, key: str) -> float | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and isfinite(value):
        return float(value)
    raise RecordError(f"record {record.get('id')!r}: {key} should be a number, not {value!r}")


def record_rows(article: Article, records: list[dict]) -> list[dict]:
    """The extractor's records as rows of the `records` table; RecordError when one breaks the contract."""
    if not isinstance(records, list):
        raise RecordError(f"the extractor returned {type(records).__name__}, not a list of records")
    rows, seen = [], set()
    aid = article.article_id
    for ordinal, r in enumerate(records):
        if not isinstance(r, dict):
            raise RecordError(f"record {ordinal} is {type(r).__name__}, not an object")
        local_id = r.get("id")
        if not isinstance(local_id, str) or not local_id:
            raise RecordError(f"record {ordinal} has no id")
        if local_id in seen:
            raise RecordError(f"two records have the id {local_id!r}")
        seen.add(local_id)
        if r.get("kind") not in KINDS:
            raise RecordError(f"record {local_id!r}: kind {r.get('kind')!r} is not one of {', '.join(KINDS)}")
        sector = r.get("sector")
        if isinstance(sector, list):  # gold files allow several; the first is the extractor's choice
            sector = sector[0] if sector else None
        n_projects = r.get("n_projects")
        if n_projects is not None and (not isinstance(n_projects, int) or isinstance(n_projects, bool)
                                       or not 0 <= n_projects < 2**31):
            raise RecordError(f"record {local_id!r}: n_projects should be a count, not {n_projects!r}")
        counts = r.get("counts_in_totals", True)
        if not isinstance(counts, bool):
            raise RecordError(f"record {local_id!r}: counts_in_totals should be true or false")
        part_of = _text(r, "part_of")
        evidence = _text(r, "evidence")
        start, end = r.get("evidence_start"), r.get("evidence_end")
        if not (isinstance(start, int) and isinstance(end, int)):
            start = article.text.find(evidence) if evidence else -1
            start, end = (start, start + len(evidence)) if start >= 0 else (None, None)
        extra = {k: v for k, v in r.items() if k not in CONTRACT_FIELDS
                 and k not in ("evidence_start", "evidence_end")}
        rows.append({
            "record_id": f"{aid}:{local_id}", "article_id": aid, "local_id": local_id,
            "ordinal": ordinal, "kind": r["kind"],
            "investors": _names(r, "investors"), "partners": _names(r, "partners"),
            "project": _text(r, "project"), "city": _text(r, "city"), "province": _text(r, "province"),
            "district": _text(r, "district"), "park": _text(r, "park"),
            "sector": _text({"id": local_id, "sector": sector}, "sector"),
            "subsector": _text(r, "subsector"),
            "amount": _number(r, "amount"), "currency": _text(r, "currency"),
            "amount_cny": _number(r, "amount_cny"), "qualifier": _text(r, "qualifier"),
            "date": _text(r, "date"), "status": _text(r, "status"),
            "part_of": f"{aid}:{part_of}" if part_of else None,
            "n_projects": n_projects, "counts_in_totals": counts,
            "evidence": evidence, "evidence_start": start, "evidence_end": end,
            "flags": _names(r, "flags"),
            "extra": json.dumps(extra, ensure_ascii=False) if extra else None,
        })
    return rows


def _insert_records(con, rows: list[dict], published) -> None:
    """Write rows in one statement; date_start/date_end come from the schema's macros,
    falling back to the article's date when the record gives none."""
    if not rows:
        return
    incoming = pa.Table.from_pylist(rows, schema=RECORD_ARROW)
    con.register("incoming_records", incoming)
    try:
        con.execute("""
            INSERT INTO records BY NAME
            SELECT * EXCLUDE (extra),
                   coalesce(date_first_day(date), ?::DATE) AS date_start,
                   coalesce(date_last_day(date), ?::DATE) AS date_end,
                   extra::JSON AS extra
            FROM incoming_records""", [published, published])
    finally:
        con.unregister("incoming_records")


# --- corrections ---------------------------------------------------------------------------
# The corrections log (dashboard/corrections.py) is the record of people's work; the
# `corrections` table is its copy, reloaded here whenever the database is written.
# Writes go through `_writable`, as ingest's do, so the database keeps one writer.

def load_corrections(con, log: str | Path) -> tuple[int, int]:
    """Replace the corrections table with the log's lines; returns (corrections, how many
    no longer find their record). CorrectionError (a damaged line) stops the write."""
    try:
        rows = [_correction_row(seq, c) for seq, c in enumerate(fixes.read_log(log), 1)]
    except fixes.CorrectionError as e:
        raise StoreError(str(e)) from None
    con.execute("DELETE FROM corrections")
    if rows:
        con.register("incoming_corrections", pa.Table.from_pylist(rows, schema=CORRECTION_ARROW))
        try:
            con.execute("INSERT INTO corrections BY NAME SELECT * FROM incoming_corrections")
        finally:
            con.unregister("incoming_corrections")
    lost = _one(con, "SELECT count(*) FROM correction_targets WHERE applies_to IS NULL "
                     "OR (target_article_id IS NOT NULL AND target_id IS NULL)")[0]
    return len(rows), lost


CORRECTION_ARROW = pa.schema([
    ("seq", pa.int32()), ("article_id", pa.string()), ("evidence", pa.string()), ("nth", pa.int32()),
    ("field", pa.string()), ("value", pa.string()), ("old", pa.string()),
    ("target_article_id", pa.string()), ("target_evidence", pa.string()), ("target_nth", pa.int32()),
    ("author", pa.string()), ("at", pa.timestamp("us")), ("note", pa.string()), ("record_id", pa.string()),
])


def _correction_row(seq: int, c: fixes.Correction) -> dict:
    t = c.target
    return {"seq": seq, "article_id": c.key.article_id, "evidence": c.key.evidence, "nth": c.key.nth,
            "field": c.field, "value": c.value, "old": c.old,
            "target_article_id": t.article_id if t else None, "target_evidence": t.evidence if t else None,
            "target_nth": t.nth if t else None, "author": c.author, "at": c.at, "note": c.note,
            "record_id": c.record_id}


def record_key(con, record_id: str) -> fixes.Key | None:
    """The key a correction of this record is stored under; None when there is no such record."""
    row = _one(con, """
        SELECT article_id, evidence, nth FROM (
            SELECT record_id, article_id, evidence_key(evidence) AS evidence,
                   row_number() OVER (PARTITION BY evidence_key(evidence) ORDER BY ordinal) AS nth
            FROM records WHERE article_id = (SELECT article_id FROM records WHERE record_id = ?))
        WHERE record_id = ?""", [record_id, record_id])
    return fixes.Key(row[0], row[1], int(row[2])) if row else None


def _current(con, record_id: str) -> dict:
    cur = con.execute("SELECT * FROM records_fixed WHERE record_id = ?", [record_id])
    names = [d[0] for d in cur.description]
    return dict(zip(names, cur.fetchall()[0]))


def _as_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


Change = fixes.Change


def _resolve(con, change: Change, author: str, note: str, at: datetime) -> list[fixes.Correction]:
    """The log lines for one change, checked against the database: the record exists, a
    reference names a record (a bundle, for part_of), and a new amount brings its yuan."""
    key = record_key(con, change.record_id)
    if key is None:
        raise fixes.CorrectionError(f"there is no record {change.record_id!r} (record ids are in the "
                                    f"Record column of the Deals page)")
    value = fixes.check_value(change.field, change.value)
    now = _current(con, change.record_id)
    target = None
    if change.field in fixes.REFERENCE_FIELDS and value is not None:
        target = record_key(con, value)
        if target is None:
            raise fixes.CorrectionError(f"{change.field}: there is no record {value!r}")
        if value == change.record_id:
            raise fixes.CorrectionError(f"{change.field}: a record cannot point to itself")
        other = _current(con, value)
        if change.field == "part_of" and other["kind"] != "bundle":
            raise fixes.CorrectionError(f"part_of: {value} is a {other['kind']}, not a bundle")
        if change.field == "same_deal_as" and not (other["counts_in_totals"] and now["counts_in_totals"]):
            raise fixes.CorrectionError("same_deal_as: both records must count in totals "
                                        "(neither a repeat within its article nor marked not a deal)")

    def line(field: str, new: str | None, why: str = note) -> fixes.Correction:
        return fixes.Correction(key=key, field=field, value=new, old=_as_text(now.get(field)), author=author,
                                at=at, note=why, record_id=change.record_id,
                                target=target if field == change.field else None)

    out = [line(change.field, value)]
    if change.field == "amount":  # the yuan figure follows, at the deal year's rate
        currency = now.get("currency") or "CNY"
        if not now.get("currency") and value is not None:
            out.append(line("currency", "CNY", f"{note} (no currency stated: yuan assumed)"))
        cny = None
        if value is not None:
            from dashboard.extract.fx import to_cny
            cny = float(value) if currency == "CNY" else to_cny(float(value), currency, now.get("date"))
        out.append(line("amount_cny", _as_text(cny), f"{note} (in yuan, from the corrected amount)"))
    return out


def correct(db: str | Path | None, changes: list[Change], author: str, note: str,
            where: list[str] | None = None) -> int:
    """Check and record corrections, then apply them: all of them or, if one is refused
    (CorrectionError, with the reason), none. Returns how many log lines were written.

    The log is appended to only after every change passed its checks, and inside the
    writer's lock, so a correction is never half made; the database is then rewritten
    through `_writable` like an ingest (a crash after the log was written leaves the old
    database, and the next ingest or `corrections apply` applies the log). `where` names
    each change in a refusal (e.g. "file.csv, line 3")."""
    db = str(db or default_db_path())
    if not is_remote(db) and not Path(db).exists():
        raise StoreError(f"{db}: no database here yet; build it with `python -m dashboard ingest data/articles`")
    at = _now().replace(microsecond=0)
    with _writable(db) as con:
        lines = []
        for i, change in enumerate(changes):
            try:
                who, why = fixes.check_who_and_why(change.author or author, change.note or note)
                lines += _resolve(con, change, who, why, at)
            except fixes.CorrectionError as e:
                if where is None:
                    raise
                raise fixes.CorrectionError(f"{where[i]}: {e}; nothing was corrected") from None
        fixes.append_log(fixes.log_path(db), lines)
        load_corrections(con, fixes.log_path(db))
        derive(con)
    return len(lines)


def apply_corrections(db: str | Path | None = None) -> tuple[int, int]:
    """Reload the corrections log into the database and rebuild the totals (after a log was
    restored or copied in); returns (corrections, how many no longer find their record)."""
    db = str(db or default_db_path())
    if not is_remote(db) and not Path(db).exists():
        raise StoreError(f"{db}: no database here yet; build it with `python -m dashboard ingest data/articles`")
    with _writable(db) as con:
        counts = load_corrections(con, fixes.log_path(db))
        derive(con)
    return counts


def import_corrections(db: str | Path | None, path: str | Path, author: str) -> int:
    """Add the corrections of a CSV file (columns record_id, field, value, note, and
    optionally author) or of another installation's log (.jsonl, lines already keyed);
    lines the log already holds are skipped. Returns how many lines were added."""
    db = str(db or default_db_path())
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such file")
    if path.suffix.lower() in (".jsonl", ".json"):
        try:
            incoming = fixes.read_log(path)
        except fixes.CorrectionError as e:
            raise StoreError(str(e)) from None
        log = fixes.log_path(db)
        seen = {c.to_json() for c in fixes.read_log(log)}
        new = [c for c in incoming if c.to_json() not in seen]
        with _writable(db) as con:
            fixes.append_log(log, new)
            load_corrections(con, log)
            derive(con)
        return len(new)
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
    except (UnicodeDecodeError, csv.Error) as e:
        raise StoreError(f"{path}: not a UTF-8 CSV file ({_first_line(e)})") from None
    if rows and not {"record_id", "field"} <= set(rows[0]):
        raise StoreError(f"{path}: needs the columns record_id, field, value and note")
    changes = [Change(record_id=(r.get("record_id") or "").strip(), field=(r.get("field") or "").strip(),
                      value=r.get("value"), note=r.get("note") or "", author=r.get("author") or "")
               for r in rows]
    where = [f"{path.name}, line {i}" for i in range(2, len(changes) + 2)]
    return correct(db, changes, author, note="", where=where) if changes else 0


# --- what is derived from the records ------------------------------------------------------

# Tables that summarise the ledger, each written from its `<name>_live` view in schema.sql.
# In order: ledger_cube is summed from ledger_cube_years.
ROLLUPS = ("ledger_cube_years", "ledger_cube", "ledger_by", "article_index", "ledger_head", "ledger_split",
           "investors_by", "point_index")


def derive(con) -> int:
    """Rebuild what follows from records and corrections: the same-deal links, then
    the `ledger` table that every query reads (see schema.sql for why it is a table),
    its rollups, and the number of articles (`meta.ledger_articles`, the bound of
    query.py's article counts). The map's points come from `places`: refresh them first.
    Returns how many records are repeats of a deal in an earlier article."""
    repeats = link_same_deals(con)
    con.execute("CREATE OR REPLACE TABLE spot_points AS SELECT * FROM spot_points_live")
    con.execute("CREATE OR REPLACE TABLE place_index AS SELECT * FROM place_index_live")
    # Sorted by place (province, then city: place_no) then list order (rank_no): zonemaps let
    # place filters skip the rest of the file, city filters through place_no (see place_index),
    # and a place's first page of records is a few neighbouring rows, not rows spread over its
    # row group. (Filtered figures read the narrow ledger, below.)
    con.execute("CREATE OR REPLACE TABLE ledger AS "
                "SELECT * FROM ledger_numbered ORDER BY place_no, rank_no")
    # One article's records (the Article page) through an index, not a scan of every place.
    con.execute("CREATE INDEX ledger_article ON ledger (article_id)")
    for rollup in ROLLUPS:
        con.execute(f"CREATE OR REPLACE TABLE {rollup} AS SELECT * FROM {rollup}_live")
    # The narrow ledger (schema.sql: figures_live), in the two orders filters read it in.
    con.execute("CREATE OR REPLACE TABLE label_index AS SELECT * FROM label_index_live")
    con.execute("CREATE OR REPLACE TABLE investor_index AS SELECT * FROM investor_index_live")
    con.execute("CREATE OR REPLACE TABLE figures_by_place AS "
                "SELECT * FROM figures_live ORDER BY place_no, date_start, rank_no")
    con.execute("CREATE OR REPLACE TABLE figures_by_sector AS "
                "SELECT * FROM figures_by_place ORDER BY sector_no, date_start, rank_no")
    n_articles = _one(con, "SELECT count(*) FROM articles")[0]
    con.execute("INSERT OR REPLACE INTO meta VALUES ('ledger_articles', ?)", [str(n_articles)])
    # The same number as a constant of the schema (a macro takes no parameter): the bound of
    # query.py's article counts over the cube's lists, read with no round trip of its own.
    con.execute(f"CREATE OR REPLACE MACRO article_bound() AS {max(1, int(n_articles))}")
    _stamp_version(con)
    return repeats


# What a dataset version is a hash of: each record as the totals read it (corrections applied)
# and each article's provenance; not row numbers or ingest times, so the same content built
# again, anywhere, gives the same version.
VERSION_RECORD_COLUMNS = (
    "record_id", "article_id", "kind", "project", "investors", "partners", "city", "province", "district",
    "park", "sector", "subsector", "amount", "currency", "amount_cny", "qualifier", "date", "status",
    "part_of", "n_projects", "counts_in_totals", "contribution", "n_sources", "flags", "evidence",
    "repeat_of", "corrected", "not_a_deal")
VERSION_ARTICLE_COLUMNS = ("article_id", "file_name", "title", "url", "publisher", "published")


def _stamp_version(con) -> None:
    """Write the dataset's version into `meta` for citations (query.dataset_version): a
    12-digit hash of the content, and when it was built (UTC). The build date changes only
    with the version: rebuilding the same content keeps both."""
    rec = ", ".join(VERSION_RECORD_COLUMNS)
    art = ", ".join(VERSION_ARTICLE_COLUMNS)
    # XOR of one 128-bit hash per row: no sort, ~3 s at a million records; rows are distinct
    # (each holds its record_id or article_id), so none cancel another out.
    digest = _one(con, f"""
        SELECT md5(coalesce(CAST(bit_xor(h) AS VARCHAR), '') || ':' || CAST(count(*) AS VARCHAR)) FROM (
            SELECT md5_number('r' || CAST(row({rec}) AS VARCHAR)) AS h FROM ledger
            UNION ALL
            SELECT md5_number('a' || CAST(row({art}) AS VARCHAR)) FROM articles)""")[0][:12]
    old = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('data_version', 'built_at')").fetchall())
    if old.get("data_version") == digest and old.get("built_at"):
        return
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    [["data_version", digest], ["built_at", _now().replace(microsecond=0).isoformat()]])


# --- the same deal in several articles -----------------------------------------------------

def link_same_deals(con) -> int:
    """Rebuild `same_deal`: group records of different articles that report one deal.

    Two counted records are the same deal when they are of one kind, in one city,
    name the same investors (one's name words contain the other's) or the same
    project, have amounts within 2 % (or both none, and the same project) and
    dates within 90 days. The record from the earliest article is counted; the
    others add nothing. Returns how many records became repeats.
    """
    pairs = con.execute(f"""
        WITH candidate AS (
            SELECT r.record_id, r.article_id, r.kind, r.city, r.amount_cny, r.date_start, r.date_end,
                   party_tokens(r.investors) AS tokens, project_key(r.project) AS project,
                   -- amounts in buckets 3 % wide (in log scale): amounts within 2 % are in the
                   -- same or neighbouring buckets, so the join compares neighbours, not a whole city
                   CASE WHEN r.amount_cny > 0 THEN floor(ln(r.amount_cny) / ln(1.03))::BIGINT END AS bucket
            FROM records_fixed r
            WHERE r.counts_in_totals AND r.city IS NOT NULL AND r.date_start IS NOT NULL
        ), priced AS (
            SELECT a.record_id AS a_id, b.record_id AS b_id, a.tokens AS a_tokens, b.tokens AS b_tokens,
                   a.project AS a_project, b.project AS b_project
            FROM (SELECT *, unnest([bucket - 1, bucket, bucket + 1]) AS near FROM candidate
                  WHERE bucket IS NOT NULL) a
            JOIN candidate b ON b.city = a.city AND b.kind = a.kind AND b.bucket = a.near
            WHERE a.record_id < b.record_id AND a.article_id <> b.article_id
              AND abs(a.amount_cny - b.amount_cny) <= {SAME_AMOUNT} * greatest(a.amount_cny, b.amount_cny)
              AND a.date_start <= b.date_end + {SAME_DAYS} AND b.date_start <= a.date_end + {SAME_DAYS}
        ), unpriced AS (
            SELECT a.record_id, b.record_id, a.tokens, b.tokens, a.project, b.project
            FROM candidate a
            JOIN candidate b ON b.city = a.city AND b.kind = a.kind AND b.project = a.project
            WHERE a.amount_cny IS NULL AND b.amount_cny IS NULL
              AND a.record_id < b.record_id AND a.article_id <> b.article_id
              AND a.date_start <= b.date_end + {SAME_DAYS} AND b.date_start <= a.date_end + {SAME_DAYS}
        )
        SELECT a_id, b_id, a_project = b_project AS same_project
        FROM (SELECT * FROM priced UNION ALL SELECT * FROM unpriced)
        WHERE a_project = b_project
           OR (len(a_tokens) > 0 AND len(b_tokens) > 0
               AND (list_has_all(a_tokens, b_tokens) OR list_has_all(b_tokens, a_tokens)))
        ORDER BY a_id, b_id""").fetchall()

    # Merges made by people: (record, the record it repeats), both counted.
    merges = con.execute("""
        SELECT r.record_id, r.same_deal_as FROM records_fixed r JOIN records_fixed t ON t.record_id = r.same_deal_as
        WHERE r.counts_in_totals AND t.counts_in_totals ORDER BY r.record_id""").fetchall()
    members = sorted({rid for a, b, _ in pairs for rid in (a, b)} | {rid for m in merges for rid in m})
    order = {}
    if members:
        con.register("linked_ids", pa.table({"record_id": members}))
        try:
            # earliest article first: its record is the one counted
            order = {rid: rank for rank, (rid,) in enumerate(con.execute("""
                SELECT r.record_id FROM linked_ids l
                JOIN records r USING (record_id) JOIN articles a USING (article_id)
                ORDER BY a.published NULLS LAST, r.date_start NULLS LAST, a.file_name, r.record_id
                """).fetchall())}
        finally:
            con.unregister("linked_ids")

    # Union-find over the pairs, never putting two records of one article in a group:
    # those are two deals the extractor told apart.
    parent = {rid: rid for rid in members}
    articles = {rid: {rid.rsplit(":", 1)[0]} for rid in members}
    why = {}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for rid, kept in merges:  # first, and as asked: the record it repeats is the one counted
        ra, rk = root(rid), root(kept)
        if ra != rk:
            parent[ra] = rk
            articles[rk] |= articles.pop(ra)
            why[rid] = "merged by a reviewer"
    for a, b, same_project in pairs:
        ra, rb = root(a), root(b)
        if ra == rb or articles[ra] & articles[rb]:
            continue
        keep, other = (ra, rb) if order[ra] < order[rb] else (rb, ra)
        parent[other] = keep
        articles[keep] |= articles.pop(other)
        basis = "same project" if same_project else "same investors"
        why.setdefault(a, basis)
        why.setdefault(b, basis)

    rows = []
    size = Counter(root(rid) for rid in members)
    for rid in members:
        deal = root(rid)
        n = len(articles[deal])
        if size[deal] < 2:
            continue
        if rid == deal:
            reason = (f"counted here; also in {n - 1} other article{'s' if n > 2 else ''}" if n > 1 else
                      "counted here; merged with another record of this article by a reviewer")
        elif why.get(rid) == "merged by a reviewer":
            reason = f"same deal as {deal} (merged by a reviewer)"
        else:
            reason = f"same deal as {deal} ({why.get(rid, 'same investors')}, city, amount, date)"
        rows.append({"record_id": rid, "deal_id": deal, "n_sources": n, "reason": reason})
    con.execute("DELETE FROM same_deal")
    if rows:
        con.register("incoming_links", pa.Table.from_pylist(rows))
        try:
            con.execute("INSERT INTO same_deal BY NAME SELECT * FROM incoming_links")
        finally:
            con.unregister("incoming_links")
    return sum(1 for r in rows if r["record_id"] != r["deal_id"])


# --- places --------------------------------------------------------------------------------

PLACE_FIELDS = ("name", "name_zh", "kind", "province", "city", "district", "lat", "lon", "source")


def _refresh_places(con, gazetteer, report: IngestReport) -> None:
    if gazetteer is None:
        try:
            from dashboard.extract.places import gazetteer
        except ImportError as e:
            report.notes.append(f"Places not updated: the gazetteer is not available ({_first_line(e)}).")
            return
    try:
        places = list(gazetteer())
    except Exception as e:  # the map loses points; the records are still right
        report.notes.append(f"Places not updated: the gazetteer failed ({type(e).__name__}: {_first_line(e)}).")
        return
    store_places(con, places)


def store_places(con, places: list) -> None:
    """Replace the places table with the gazetteer's places (all of them: a few thousand rows)."""
    rows = [{k: getattr(p, k, None) for k in PLACE_FIELDS} for p in places]
    con.execute("DELETE FROM places")
    if not rows:
        return
    schema = pa.schema([(k, pa.float64() if k in ("lat", "lon") else pa.string()) for k in PLACE_FIELDS])
    con.register("incoming_places", pa.Table.from_pylist(rows, schema=schema))
    try:
        con.execute("INSERT INTO places BY NAME SELECT * FROM incoming_places")
    finally:
        con.unregister("incoming_places")
