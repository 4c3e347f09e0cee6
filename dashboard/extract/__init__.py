"""Extraction: pure functions from an `Article` to records in the form of CONTRACT.md.

No I/O and no database here; reference data (places, sectors, number words,
exchange rates) is loaded once from packages and data files.

`extract` is imported on first use, so that the app, which only reads the
database, does not pay for compiling the rules and building the gazetteer.
Its last step flags amounts no real project has (`plausible`).
"""
from dashboard.extract import plausible
from dashboard.extract.version import EXTRACTOR_VERSION as RULES_VERSION

EXTRACTOR_VERSION = f"{RULES_VERSION}+{plausible.VERSION}"  # a new amount limit re-extracts too

__all__ = ["EXTRACTOR_VERSION", "extract"]


def _extract(article) -> list[dict]:
    """The article's records (records.extract), impossible amounts flagged (plausible)."""
    from dashboard.extract.records import extract as extract_records
    return plausible.flag_implausible(extract_records(article))


def __getattr__(name: str):
    if name == "extract":
        return _extract
    raise AttributeError(f"module 'dashboard.extract' has no attribute {name!r}")
