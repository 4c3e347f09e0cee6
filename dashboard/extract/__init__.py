"""Extraction: pure functions from an `Article` to records in the form of CONTRACT.md.

No I/O and no database here; reference data (places, sectors, number words,
exchange rates) is loaded once from packages and data files.

`extract` is imported on first use, so that the app, which only reads the
database, does not pay for compiling the rules and building the gazetteer.
Its last steps flag amounts no real project has (`plausible`) and counted figures a learned filter
reads as statistics rather than deals (`figure_filter`).
"""
from dashboard.extract import plausible
from dashboard.extract.version import EXTRACTOR_VERSION as RULES_VERSION

EXTRACTOR_VERSION = f"{RULES_VERSION}+{plausible.VERSION}"  # a new amount limit re-extracts too

__all__ = ["EXTRACTOR_VERSION", "extract"]


def _extract(article) -> list[dict]:
    """The article's records (records.extract), impossible amounts flagged (plausible), and counted figures
    that read as a statistic, plan or target rather than a deal flagged and kept out of totals (figure_filter)."""
    from dashboard.extract import figure_filter
    from dashboard.extract.records import extract as extract_records
    records = plausible.flag_implausible(extract_records(article))
    return figure_filter.flag_non_deals(records, article, threshold=figure_filter.APPLIED_THRESHOLD)


def __getattr__(name: str):
    if name == "extract":
        return _extract
    raise AttributeError(f"module 'dashboard.extract' has no attribute {name!r}")
