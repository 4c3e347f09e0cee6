"""The extractor's version: a short hash of its rules (this package's code) and reference data (parks.csv,
the figure filter's weights).

Ingest stores it beside every article and re-extracts an article stored under
another version, so a change to any rule reaches the database without anyone
remembering to bump a number.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_DATA = _PACKAGE.parents[1] / "data" / "parks.csv"
_WEIGHTS = _PACKAGE.parents[1] / "data" / "figure_filter.json"  # the learned filter's weights change records too


def rules_version() -> str:
    """"rules-" and 12 hex digits of the SHA-256 of every rule file and the parks table, in name order.

    >>> v = rules_version(); v.startswith("rules-") and len(v) == 18
    True
    """
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.glob("*.py")) + [p for p in (_DATA, _WEIGHTS) if p.exists()]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return "rules-" + digest.hexdigest()[:12]


EXTRACTOR_VERSION = rules_version()
