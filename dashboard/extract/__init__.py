"""Extraction: pure functions from an `Article` to records in the form of CONTRACT.md.

No I/O and no database here; reference data (places, sectors, number words,
exchange rates) is loaded once from packages and data files.
"""
from dashboard.extract.records import EXTRACTOR_VERSION, extract

__all__ = ["EXTRACTOR_VERSION", "extract"]
