"""Extraction: pure functions from an `Article` to records in the form of CONTRACT.md.

No I/O and no database here; reference data (places, sectors, number words,
exchange rates) is loaded once from packages and data files.

`extract` is imported on first use, so that the app, which only reads the
database, does not pay for compiling the rules and building the gazetteer.
"""
from dashboard.extract.version import EXTRACTOR_VERSION

__all__ = ["EXTRACTOR_VERSION", "extract"]


def __getattr__(name: str):
    if name == "extract":
        from dashboard.extract.records import extract
        return extract
    raise AttributeError(f"module 'dashboard.extract' has no attribute {name!r}")
