"""Command line: `python -m dashboard extract|ingest|correct|corrections|password-hash ...`
(the benchmark is `python -m dashboard.bench`).

Errors reach the user as one line naming the file and the reason, never a traceback.
"""
from __future__ import annotations

import argparse
import getpass
import json
import os
import signal
import sys

from dashboard import workers
from dashboard.articles import scan


def _budget(args: argparse.Namespace) -> workers.Budget:
    """The per-file budget: the command's options, else the settings (workers.Budget)."""
    default = workers.Budget()
    return workers.Budget(seconds=args.file_seconds or default.seconds,
                          max_bytes=args.file_bytes or default.max_bytes,
                          workers=args.workers or default.workers)


def cmd_extract(args: argparse.Namespace) -> int:
    """One JSON record per line on stdout; problems on stderr; exit 1 if any file failed."""
    from dashboard.extract import extract

    failed = 0
    found = scan(args.paths)
    for name, reason in found.ignored:
        print(f"skipped: {name}: {reason}", file=sys.stderr)
    if not found.files:
        print(f"no article files found in: {' '.join(args.paths)}", file=sys.stderr)
        return 1
    for out in workers.run(found.files, extract, _budget(args)):
        if out.error:
            print(f"error: {out.error if out.path.name in out.error else f'{out.path}: {out.error}'}",
                  file=sys.stderr)
            failed += 1
            continue
        for record in out.records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1 if failed else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from dashboard import store  # only ingest needs the database driver

    db = args.db or store.default_db_path()
    if not scan(args.paths).files:
        print(f"no article files found in: {' '.join(args.paths)}", file=sys.stderr)
        return 1
    show = sys.stderr.isatty()

    def progress(done: int, total: int, name: str) -> None:
        if show:
            width = 30
            filled = int(width * done / total) if total else width
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    try:
        extractor = store.pre_extracted(args.records) if args.records else None
        report = store.ingest(args.paths, db, progress=progress, extractor=extractor, budget=_budget(args))
    except store.StoreError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(report.summary())
    return 1 if report.failed else 0


def _author(args: argparse.Namespace) -> str:
    if args.author:
        return args.author
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or ""


def _write_errors(fn):
    """Store and correction refusals as one line each, exit status 1."""
    def run(args: argparse.Namespace) -> int:
        from dashboard import corrections, store
        try:
            return fn(args)
        except (store.StoreError, corrections.CorrectionError) as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
    return run


@_write_errors
def cmd_correct(args: argparse.Namespace) -> int:
    from dashboard import store

    db = args.db or store.default_db_path()
    n = store.correct(db, [store.Change(args.record_id, args.field, args.value)], author=_author(args),
                      note=args.note or "")
    print(f"{n} correction{'s' * (n != 1)} recorded and applied to {args.record_id} "
          f"(log: {store.fixes.log_path(db)}).")
    return 0


@_write_errors
def cmd_corrections_import(args: argparse.Namespace) -> int:
    from dashboard import store

    db = args.db or store.default_db_path()
    n = store.import_corrections(db, args.file, author=_author(args))
    print(f"{n} correction{'s' * (n != 1)} imported from {args.file} and applied.")
    return 0


@_write_errors
def cmd_corrections_apply(args: argparse.Namespace) -> int:
    from dashboard import store

    db = args.db or store.default_db_path()
    n, lost = store.apply_corrections(db)
    print(f"{n} correction{'s' * (n != 1)} applied from {store.fixes.log_path(db)}"
          + (f"; {lost} no longer find their record (`python -m dashboard corrections list --lost`)." if lost else "."))
    return 0


@_write_errors
def cmd_corrections_list(args: argparse.Namespace) -> int:
    from dashboard import query, store

    db = args.db or store.default_db_path()
    con = store.connect(db, read_only=True)
    try:
        df = query.lost_corrections(con) if args.lost else query.corrections(con, args.record)
    finally:
        con.close()
    if df.empty:
        print("No corrections." if not args.lost else "Every correction finds its record.")
        return 0
    for r in df.itertuples():
        where = r.applies_to if isinstance(r.applies_to, str) else f"(its sentence is gone; was {r.record_id})"
        print(f"{r.at:%Y-%m-%d %H:%M}  {r.author}  {where}  {r.field}: {r.old!s} -> {r.value!s}  # {r.note}")
    return 0


def cmd_password_hash(args: argparse.Namespace) -> int:
    from dashboard.passwords import MIN_LENGTH, hash_password

    if sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            print("error: the two passwords differ", file=sys.stderr)
            return 1
    else:  # piped: the first line
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < MIN_LENGTH:
        print(f"error: use at least {MIN_LENGTH} characters", file=sys.stderr)
        return 1
    name = args.name or _author(args)
    if not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
        print("error: a name of letters, digits, '-', '_' or '.'", file=sys.stderr)
        return 1
    print("# under [review.passwords] in .streamlit/secrets.toml")
    print(f'{name} = "{hash_password(password)}"')
    return 0


def _budget_options(p: argparse.ArgumentParser) -> None:
    b = workers.Budget()
    p.add_argument("--file-seconds", type=_positive(float), metavar="S",
                   help=f"processor time one file may take to read and extract (six times that on the clock); "
                        f"past it the file is a logged failure "
                        f"(default: $DASHBOARD_FILE_SECONDS, else {b.seconds:g})")
    p.add_argument("--file-bytes", type=_positive(int), metavar="N",
                   help=f"largest file read as an article (default: $DASHBOARD_FILE_BYTES, else {b.max_bytes:,})")
    p.add_argument("--workers", type=_positive(int), metavar="N",
                   help=f"processes extracting at once (default: $DASHBOARD_WORKERS, else the CPUs: {b.workers})")


def _positive(kind):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text[:40]!r}") from None
        if not value > 0:
            raise argparse.ArgumentTypeError(f"must be more than 0: {text[:40]!r}")
        return value
    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Tech investment in China: turn articles into deal records and a DuckDB file for the dashboard.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="print the records extracted from articles, one JSON object per line",
                       description="Extract investment records from article files (.txt, .md, .html) or folders "
                                   "of them; print one JSON record per line. Does not touch the database.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article file or folder")
    _budget_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ingest", help="extract articles and store them in the DuckDB file",
                       description="Read, extract and store articles in the DuckDB file. Idempotent: an article "
                                   "already stored (same text) is not stored twice. Atomic: a failure leaves the "
                                   "previous database as it was.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article file or folder")
    p.add_argument("--db", metavar="FILE",
                   help="DuckDB file to write (default: $DASHBOARD_DB, else data/deals.duckdb)")
    p.add_argument("--records", metavar="FILE",
                   help="take the records from FILE (JSONL as `extract` prints, or Parquet of the same fields) "
                        "instead of extracting them; the articles are still read for their text")
    _budget_options(p)
    p.set_defaults(func=cmd_ingest)

    db_help = "the database (default: $DASHBOARD_DB, else data/deals.duckdb)"
    p = sub.add_parser("correct", help="correct one field of a record, with a note",
                       description="Correct a record's field (or mark it not a deal, or merge it with "
                                   "another record). The correction goes to the corrections log with "
                                   "who, when, the old value and the note, and is applied at once.")
    p.add_argument("record_id", metavar="RECORD_ID", help="as shown in the Record column of the Deals page")
    p.add_argument("field", metavar="FIELD", help="one of: " + ", ".join(_fields()))
    p.add_argument("value", metavar="VALUE",
                   help="the new value; '' clears it; investors: names separated by commas; "
                        "not_a_deal: true or false; same_deal_as and part_of: another RECORD_ID")
    p.add_argument("--note", required=True, help="why: the source, or what was wrong")
    p.add_argument("--author", help="who corrects (default: your login name)")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p.set_defaults(func=cmd_correct)

    p = sub.add_parser("corrections", help="list, import or re-apply corrections",
                       description="The corrections log: list it, import a file of corrections, "
                                   "or apply the log to the database again.")
    csub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    q = csub.add_parser("list", help="corrections, newest first")
    q.add_argument("--record", metavar="RECORD_ID", help="only this record's")
    q.add_argument("--lost", action="store_true", help="only those whose record is gone")
    q.add_argument("--db", metavar="FILE", help=db_help)
    q.set_defaults(func=cmd_corrections_list)
    q = csub.add_parser("import", help="add the corrections of a CSV or .jsonl file (all or none)",
                        description="CSV columns: record_id, field, value, note (author optional); or a "
                                    ".jsonl corrections log of another copy of the dashboard.")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--author", help="who made them, when the file does not say (default: your login name)")
    q.add_argument("--db", metavar="FILE", help=db_help)
    q.set_defaults(func=cmd_corrections_import)
    q = csub.add_parser("apply", help="apply the corrections log to the database again")
    q.add_argument("--db", metavar="FILE", help=db_help)
    q.set_defaults(func=cmd_corrections_apply)

    p = sub.add_parser("password-hash", help="print the salted hash of a Review password for secrets.toml",
                       description="Reads a password (twice at a terminal, else one line of stdin) and "
                                   "prints the line to put under [review.passwords] in "
                                   ".streamlit/secrets.toml.")
    p.add_argument("--name", help="the editor's name, shown as the author of corrections (default: login name)")
    p.set_defaults(func=cmd_password_hash, author=None)
    return parser


def _fields() -> tuple[str, ...]:
    from dashboard.corrections import FIELDS
    return FIELDS


_STOPPED_BY: list[int] = []


def _terminate(signum, frame) -> None:
    """SIGTERM ends the run like Ctrl-C: cleanups run, the old database stays."""
    _STOPPED_BY.append(signum)
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug: one line for the user, the traceback only when asked
        if _STOPPED_BY:  # the signal arrived inside DuckDB, which reports "Query interrupted"
            return _interrupted()
        if os.environ.get("DASHBOARD_DEBUG"):
            raise
        print(f"error: {type(e).__name__}: {(str(e).strip().splitlines() or [''])[0][:300]} "
              f"(set DASHBOARD_DEBUG=1 to see the traceback)", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupted() -> int:
    print("interrupted: no database was changed by this run", file=sys.stderr)
    return 128 + (_STOPPED_BY[-1] if _STOPPED_BY else signal.SIGINT)


if __name__ == "__main__":
    raise SystemExit(main())
