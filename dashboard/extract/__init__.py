"""Extraction: pure functions from an `Article` to records in the form of CONTRACT.md.

No I/O and no database here; reference data (places, sectors, number words,
exchange rates) is loaded once from packages and data files.
"""
from dashboard.extract.records import extract

__all__ = ["extract"]
