"""Command line: `python -m dashboard extract|ingest ...` (the benchmark is `python -m dashboard.bench`).

Errors reach the user as one line naming the file and the reason, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys

from dashboard.articles import ArticleError, article_files, read_article
from dashboard.extract import extract


def cmd_extract(args: argparse.Namespace) -> int:
    """One JSON record per line on stdout; problems on stderr; exit 1 if any file failed."""
    failed = 0
    files = article_files(args.paths)
    if not files:
        print(f"no article files found in: {' '.join(args.paths)}", file=sys.stderr)
        return 1
    for path in files:
        try:
            article = read_article(path)
        except ArticleError as e:
            print(f"error: {e}", file=sys.stderr)
            failed += 1
            continue
        try:
            records = extract(article)
        except Exception as e:  # one article's bug must not cost the others their records
            print(f"error: {path}: extraction failed ({type(e).__name__}: {e})", file=sys.stderr)
            failed += 1
            continue
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1 if failed else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from dashboard import store  # only ingest needs the database driver

    db = args.db or store.default_db_path()
    files = article_files(args.paths)
    if not files:
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
        report = store.ingest(files, db, progress=progress)
    except store.StoreError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(report.summary())
    return 1 if report.failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Tech investment in China: turn articles into deal records and a DuckDB file for the dashboard.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="print the records extracted from articles, one JSON object per line",
                       description="Extract investment records from article files (.txt, .md, .html) or folders "
                                   "of them; print one JSON record per line. Does not touch the database.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article file or folder")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ingest", help="extract articles and store them in the DuckDB file",
                       description="Read, extract and store articles in the DuckDB file. Idempotent: an article "
                                   "already stored (same text) is not stored twice. Atomic: a failure leaves the "
                                   "previous database as it was.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article file or folder")
    p.add_argument("--db", metavar="FILE",
                   help="DuckDB file to write (default: $DASHBOARD_DB, else data/deals.duckdb)")
    p.set_defaults(func=cmd_ingest)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
