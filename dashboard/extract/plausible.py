"""Amounts no real project has: flagged for review and kept out of totals.

The last step of `extract`: a record whose amount is beyond any real project (over
MAX_AMOUNT_CNY yuan), negative, or read from a figure with a sign or an exponent the
amount rules do not read ("-500 million yuan", "1e308 billion") keeps its values, gains
the flag "implausible_amount" and stops counting in totals, so a person can look at it
(the Deals page lists them under "Needs review") instead of a total being silently wrong.
"""
from __future__ import annotations

import os
import re

from dashboard.contract import IMPLAUSIBLE_AMOUNT as FLAG  # defined once, in contract
# Larger than any single project reported: China's whole fixed-asset investment is
# about 50 trillion yuan a year. A setting, in yuan.
MAX_AMOUNT_CNY = float(os.environ.get("DASHBOARD_MAX_AMOUNT_CNY") or 1e13)
VERSION = f"plausible1-{MAX_AMOUNT_CNY:g}"  # part of EXTRACTOR_VERSION: a new limit re-extracts

_BEFORE = re.compile(r"""
    (?: (?:^|(?<=[\s(（:：,，\u4e00-\u9fff]))[-−﹣－]   # a minus sign on the figure: not a range ("1-2"), not a dash ("deal - 500")
      | \bminus\s+ | 负\s*                 # the word
      | \d(?:[.,]\d+)?\s*[eE]\s*[-+]?      # the mantissa of an exponent: "1e" of "1e308 billion"
      | [eE][-+]?\d+\s*                    # an exponent right before: "1.5e3 2 billion" is not a figure
    )$""", re.X)
_AFTER = re.compile(r"^\s*[eE][-+]?\d")  # "5 billion e12"


def implausible(record: dict) -> bool:
    """Whether a record's amount cannot be a real project's.

    >>> implausible({"amount": 1e30, "amount_cny": 1e30})
    True
    >>> implausible({"amount": 5e8, "amount_cny": 5e8, "amount_text": "500 million yuan",
    ...              "evidence": "Tencent will invest -500 million yuan."})
    True
    >>> implausible({"amount": 2e9, "amount_cny": 2e9, "amount_text": "2 billion yuan",
    ...              "evidence": "It will invest 1-2 billion yuan."})
    False
    """
    values = [v for v in (record.get("amount"), record.get("amount_cny")) if isinstance(v, (int, float))]
    if any(v < 0 or v != v or v > MAX_AMOUNT_CNY for v in values):
        return True
    text, evidence = record.get("amount_text"), record.get("evidence")
    if not (values and isinstance(text, str) and text and isinstance(evidence, str)):
        return False
    start = evidence.find(text)
    while start >= 0:
        before, after = evidence[max(0, start - 12):start], evidence[start + len(text):]
        if _BEFORE.search(before) or _AFTER.match(after):
            return True
        start = evidence.find(text, start + 1)
    return False


def flag_implausible(records: list[dict]) -> list[dict]:
    """The records, with each implausible amount flagged and out of totals."""
    for r in records:
        if implausible(r):
            r["flags"] = [*(r.get("flags") or []), FLAG] if FLAG not in (r.get("flags") or []) else r["flags"]
            r["counts_in_totals"] = False
    return records
