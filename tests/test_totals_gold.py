"""The dashboard's totals on the shipped seed articles equal the gold totals (skipped without ../shared).

End to end: the real extractor, the real ingest into a DuckDB file, the query layer's totals.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from dashboard import query, store
from dashboard.filters import Filters

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "extraction"
pytestmark = pytest.mark.skipif(not (SHARED / "score.py").exists(), reason="../shared/extraction is not beside the repo")


def _gold_totals_by_city(gold_file: str) -> dict[str, float]:
    spec = importlib.util.spec_from_file_location("gold_score", SHARED / "score.py")
    score = importlib.util.module_from_spec(spec)
    sys.modules["gold_score"] = score
    spec.loader.exec_module(score)
    gold = score.load(str(SHARED / "gold" / gold_file))
    return {k: v for k, v in score.totals(gold, lambda r: r.get("city") or f"{r.get('province')} (province-wide)").items()
            if v}


def test_city_totals_on_the_dashboard_match_the_gold(tmp_path):
    gold = _gold_totals_by_city("seeds.jsonl")
    seeds = [p for p in (ROOT / "data" / "articles").iterdir() if p.name[:3].isdigit()]
    db = str(tmp_path / "seeds.duckdb")
    store.ingest(seeds, db)
    con = store.connect(db)
    try:
        shown = query.totals_by(con, Filters(), "city")
    finally:
        con.close()
    shown = {row.label: row.total_cny for row in shown.itertuples() if row.total_cny}
    assert set(shown) == set(gold)
    for city, total in gold.items():
        assert shown[city] == pytest.approx(total, rel=0.02), city
