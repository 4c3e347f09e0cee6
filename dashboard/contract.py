"""The record's form (../shared/extraction/CONTRACT.md), defined once.

Kinds, statuses, qualifiers, sectors, subsectors, flags and fields: the
extractor, the store, the tests and the pages import them from here.
"""
from __future__ import annotations

KINDS = ("deal", "bundle", "event")
STATUSES = ("signed", "announced", "listed", "started", "completed", "approved", "founded")
# Money a company has committed to (signed, building, built), as against plans, lists and announcements.
COMMITTED_STATUSES = ("signed", "started", "completed")
QUALIFIERS = ("exact", "approx", "at_least", "up_to")

SECTORS = ("Next-generation IT", "High-end equipment", "New materials", "Biotechnology", "New energy vehicles",
           "New energy", "Energy saving & environment", "Digital creative", "Related services", "Other")
SUBSECTORS = (
    "Blockchain", "Artificial intelligence", "Cloud & big data", "Semiconductors",
    "Software & IT services", "Internet platforms", "Telecom & 5G", "Robotics",
    "Smart city", "Fintech", "Games & e-sports", "Media & culture", "Education",
    "Biopharma", "Medical devices & diagnostics", "R&D platform",
    "Advanced manufacturing", "Finance", "Infrastructure",
)

# Data-quality notes a record may carry.
FLAGS = ("currency_mismatch", "currency_assumed_cny", "currency_unconverted")
# Flags that also keep a record out of totals until a person looks (extract's last two steps).
IMPLAUSIBLE_AMOUNT = "implausible_amount"      # dashboard.extract.plausible
LIKELY_NOT_A_DEAL = "likely_not_a_deal"        # dashboard.extract.figure_filter

FIELDS = ("id", "article", "kind", "investors", "partners", "project", "city", "province", "district", "park",
          "sector", "subsector", "amount", "currency", "amount_cny", "qualifier", "date", "status", "part_of",
          "n_projects", "counts_in_totals", "evidence", "flags")
