"""Article files added from the app: checked, ingested by the store like the command
line's, and kept with the shipped articles so a rebuilt database has them too.

Files are first written to a scratch folder and ingested from there; only those the
store could read are then moved into the uploads folder (data/articles/uploads, or
$DASHBOARD_UPLOADS), so a bad file leaves nothing behind but its message and its row
in the ingest log. No streamlit, no database here.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from dashboard import store

EXTENSIONS = ("txt", "md", "html", "htm")
MAX_MB = 5        # per file; $DASHBOARD_UPLOAD_MB changes it (articles are text: 5 MB is a long book)
MAX_FILES = 50


def max_bytes() -> int:
    try:
        mb = float(os.environ.get("DASHBOARD_UPLOAD_MB") or MAX_MB)
    except ValueError:
        mb = MAX_MB
    return int(max(mb, 0.001) * 1024 * 1024)


def folder() -> Path:
    return Path(os.environ.get("DASHBOARD_UPLOADS") or store.articles_dir() / "uploads")


def safe_name(name: str) -> str | None:
    """A file name that cannot leave its folder or hide: letters (any script), digits,
    '.', '-', '_'; None when nothing usable is left or the extension is not an article's.

    >>> safe_name("../../etc/passwd.txt"), safe_name("成都 签约.md"), safe_name(".hidden"), safe_name("x.exe")
    ('passwd.txt', '成都_签约.md', None, None)
    """
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^\w.\-]+", "_", base).strip("._")[:120]
    stem, dot, ext = base.rpartition(".")
    if not dot or not stem or ext.lower() not in EXTENSIONS:
        return None
    return base


@dataclass
class UploadResult:
    report: store.IngestReport | None
    refused: list[tuple[str, str]] = field(default_factory=list)   # (name, why): never ingested
    kept: list[str] = field(default_factory=list)                  # names now in the uploads folder

    def problems(self) -> list[tuple[str, str]]:
        """Every file that did not make it, with its reason: refused here or failed in ingest."""
        failed = self.report.failed if self.report else []
        # a reader's message starts with the file's name already ("x.txt: empty"): say it once
        return [*self.refused, *((n, why.removeprefix(f"{n}: ")) for n, why in failed)]


def add_files(files: list[tuple[str, bytes]], db: str | None = None,
              progress: Callable[[int, int, str], None] | None = None,
              to: Path | None = None, **ingest_args) -> UploadResult:
    """Check, ingest and keep uploaded files ((name, content) pairs). StoreError when the
    database cannot be written (e.g. another ingest is running): then nothing is kept."""
    to = Path(to or folder())
    limit = max_bytes()
    result = UploadResult(report=None)
    if len(files) > MAX_FILES:
        result.refused.append((f"{len(files)} files", f"at most {MAX_FILES} at a time"))
        return result
    with tempfile.TemporaryDirectory(prefix="dashboard-upload-") as scratch:
        staged: dict[str, Path] = {}
        for name, content in files:
            safe = safe_name(name)
            if safe is None:
                result.refused.append((name, f"not an article file (use {', '.join('.' + e for e in EXTENSIONS)})"))
            elif len(content) > limit:
                result.refused.append((name, f"{len(content) / 2**20:.1f} MB, over the limit of "
                                             f"{limit / 2**20:g} MB per file"))
            elif not content:
                result.refused.append((name, "empty file"))
            else:
                target = _free_name(to, safe, content, taken=set(staged))
                path = Path(scratch) / target
                path.write_bytes(content)
                staged[target] = path
        if not staged:
            return result
        result.report = store.ingest(list(staged.values()), db, progress=progress, **ingest_args)
        # messages name the file, not the scratch folder it was read from
        result.report.failed = [(n, why.replace(f"{scratch}{os.sep}", "")) for n, why in result.report.failed]
        to.mkdir(parents=True, exist_ok=True)
        for name in result.report.read_files:
            if name in staged:
                tmp = to / f".{name}.part"
                shutil.copyfile(staged[name], tmp)
                os.replace(tmp, to / name)
                result.kept.append(name)
    return result


def _free_name(to: Path, name: str, content: bytes, taken: set[str]) -> str:
    """`name`, or name-2, name-3… when a different file already has it (the same file keeps its name)."""
    stem, _, ext = name.rpartition(".")
    candidate, n = name, 1
    while candidate in taken or ((to / candidate).exists() and (to / candidate).read_bytes() != content):
        n += 1
        candidate = f"{stem}-{n}.{ext}"
    return candidate
