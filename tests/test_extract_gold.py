"""The extractor against the hand-labelled gold records in ../shared/extraction (skipped where absent).

Thresholds are those of the extraction issue; the scorer is the shared one, imported, not copied.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from dashboard.articles import article_files, read_article
from dashboard.extract import extract

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "extraction"
pytestmark = pytest.mark.skipif(not (SHARED / "score.py").exists(), reason="../shared/extraction is not beside the repo")


def _scorer():
    spec = importlib.util.spec_from_file_location("gold_score", SHARED / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["gold_score"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("gold_file,articles", [("seeds.jsonl", ROOT / "data" / "articles"),
                                                ("dev.jsonl", SHARED / "dev")])
def test_scores_meet_the_targets(gold_file, articles):
    score = _scorer()
    gold = score.load(str(SHARED / "gold" / gold_file))
    labelled = {g["article"] for g in gold}
    pred = [r for f in article_files([articles]) if f.name in labelled for r in extract(read_article(f))]
    summary = score.score(gold, pred, verbose=False).splitlines()[-1]
    figures = dict(part.split("=") for part in summary.split())
    assert float(figures["amount_f1"]) >= 0.95, summary
    assert float(figures["city_acc"]) >= 0.95, summary
    assert float(figures["sector_acc"]) >= 0.85, summary
    assert float(figures["date_acc"]) >= 0.90, summary
    assert float(figures["city_total_err"]) <= 0.02, summary
