"""The extractor against the hand-labelled gold records in ../shared/extraction (skipped where absent).

Thresholds are those of the extraction issue; the scorer is the shared one, imported, not copied.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED_EXTRACTION, needs_gold
from dashboard.articles import article_files, read_article
from dashboard.extract import extract

ROOT = Path(__file__).resolve().parent.parent
pytestmark = needs_gold


@pytest.mark.parametrize("gold_file,articles", [
    (SHARED_EXTRACTION / "gold" / "seeds.jsonl", ROOT / "data" / "articles"),
    (SHARED_EXTRACTION / "gold" / "dev.jsonl", SHARED_EXTRACTION / "dev"),
    # our own held-out set: written and labelled by someone who did not write the rules (tests/heldout/README.md)
    (ROOT / "tests" / "heldout" / "gold.jsonl", ROOT / "tests" / "heldout" / "articles"),
], ids=["seeds", "dev", "heldout"])
def test_scores_meet_the_targets(gold_scorer, gold_file, articles):
    gold = gold_scorer.load(str(gold_file))
    labelled = {g["article"] for g in gold}
    pred = [r for f in article_files([articles]) if f.name in labelled for r in extract(read_article(f))]
    summary = gold_scorer.score(gold, pred, verbose=False).splitlines()[-1]
    figures = dict(part.split("=") for part in summary.split())
    assert float(figures["amount_f1"]) >= 0.95, summary
    assert float(figures["city_acc"]) >= 0.95, summary
    assert float(figures["sector_acc"]) >= 0.85, summary
    assert float(figures["date_acc"]) >= 0.90, summary
    assert float(figures["city_total_err"]) <= 0.02, summary


def _figures(gold_scorer, gold_file, articles) -> tuple[dict[str, float], str]:
    gold = gold_scorer.load(str(gold_file))
    labelled = {g["article"] for g in gold}
    pred = [r for f in article_files([articles]) if f.name in labelled for r in extract(read_article(f))]
    summary = gold_scorer.score(gold, pred, verbose=False).splitlines()[-1]
    return {k: float(v) for k, v in (part.split("=") for part in summary.split())}, summary


# Sets the rules do not yet meet the targets on. Each keeps a floor at what it scores now (and a ceiling on
# the city-total error), so a change that makes it worse fails, and runs the targets as a strict xfail, so reaching
# them announces itself. dev2 and blind batches 1-16 were each scored once at first look (README: Accuracy), then
# used to fix rules; their figures here are no longer blind.
def _blind(n: int, floors: dict[str, float]) -> tuple[Path, Path, dict[str, float]]:
    batch = ROOT / "tests" / "blind" / f"batch{n}"
    return batch / "gold.jsonl", batch / "articles", floors


# Since the learned figure filter runs in `extract` (README, Accuracy), some tuned batches' city-total error floors
# are higher than the rules alone give (blind2 0.045 -> 0.111, blind5 0.121 -> 0.128, blind13 0.290 -> 0.580,
# blind17 0.237 -> 0.407): on sets the rules were written on, what it flags is mostly real deals; on the sealed
# blind batches 18 and 19 it lowered the error (0.998 -> 0.658, 1.741 -> 1.113).
SHORT_OF_TARGETS = {
    "dev2": (SHARED_EXTRACTION / "gold" / "dev2.jsonl", SHARED_EXTRACTION / "dev2",
             {"amount_f1": 0.96, "city_acc": 0.97, "noamount_recall": 0.72, "date_acc": 0.97, "city_total_err": 0.03}),
    "blind1": _blind(1, {"amount_f1": 0.91, "city_acc": 0.89, "noamount_recall": 0.53, "date_acc": 0.96, "city_total_err": 0.17}),
    "blind2": _blind(2, {"amount_f1": 0.97, "city_acc": 0.90, "noamount_recall": 0.76, "date_acc": 0.93, "city_total_err": 0.12}),
    "blind3": _blind(3, {"amount_f1": 0.92, "city_acc": 0.93, "noamount_recall": 0.67, "date_acc": 0.99, "city_total_err": 0.14}),
    "blind4": _blind(4, {"amount_f1": 0.90, "city_acc": 0.98, "noamount_recall": 0.61, "date_acc": 0.92, "city_total_err": 0.12}),
    "blind5": _blind(5, {"amount_f1": 0.93, "city_acc": 0.99, "noamount_recall": 0.73, "date_acc": 0.97, "city_total_err": 0.14}),
    "blind6": _blind(6, {"amount_f1": 0.94, "city_acc": 0.68, "noamount_recall": 0.55, "date_acc": 0.79, "city_total_err": 0.20}),
    "blind7": _blind(7, {"amount_f1": 0.94, "city_acc": 0.99, "noamount_recall": 0.48, "date_acc": 0.89, "city_total_err": 0.08}),
    "blind8": _blind(8, {"amount_f1": 0.91, "city_acc": 0.91, "noamount_recall": 0.30, "date_acc": 0.92, "city_total_err": 0.38}),
    "blind9": _blind(9, {"amount_f1": 0.95, "city_acc": 0.96, "noamount_recall": 0.53, "date_acc": 0.95, "city_total_err": 0.12}),
    "blind10": _blind(10, {"amount_f1": 0.91, "city_acc": 0.83, "noamount_recall": 0.82, "date_acc": 0.71, "city_total_err": 0.04}),
    "blind11": _blind(11, {"amount_f1": 0.95, "city_acc": 0.95, "noamount_recall": 0.63, "date_acc": 0.59, "city_total_err": 0.07}),
    "blind12": _blind(12, {"amount_f1": 0.94, "city_acc": 0.99, "noamount_recall": 0.00, "date_acc": 0.62, "city_total_err": 0.03}),
    # blind13 was scored once at first look early this round, then used to fix rules
    "blind13": _blind(13, {"amount_f1": 0.96, "city_acc": 0.94, "noamount_recall": 0.45, "date_acc": 0.93, "city_total_err": 0.59}),
    # blind14 was scored once at first look with this round's rules (sealed until then), then used to fix a few
    "blind14": _blind(14, {"amount_f1": 0.89, "city_acc": 0.96, "noamount_recall": 0.61, "date_acc": 0.76, "city_total_err": 0.11}),
    # blind15 was scored once at first look at the end of this round; one crash and five rules fixed after it
    "blind15": _blind(15, {"amount_f1": 0.96, "city_acc": 0.84, "noamount_recall": 0.70, "date_acc": 0.99, "city_total_err": 0.47}),
    # blind16 was scored once at first look with last round's final rules (sealed until then), then used to fix rules
    "blind16": _blind(16, {"amount_f1": 0.99, "city_acc": 0.91, "noamount_recall": 0.53, "date_acc": 0.99, "city_total_err": 0.03}),
    # blind17 was scored once at first look early this round (F1 0.66, city-total err 3.21), then used to fix rules
    # (no-amount 0.44 -> 0.39 when groups by kind came in: a list "deal" named 产业项目 that matched a gold group by
    # name is that group now, named by its place and count)
    "blind17": _blind(17, {"amount_f1": 0.73, "city_acc": 0.93, "noamount_recall": 0.38, "date_acc": 0.85, "city_total_err": 0.42}),
    # blind18 and blind19 were sealed until this round's rules were in, scored once at first look (F1 0.81 / 0.79,
    # city-total err 0.998 / 1.741 by the rules alone, 0.658 / 1.113 with the learned filter), then used to fix rules
    "blind18": _blind(18, {"amount_f1": 0.82, "city_acc": 0.95, "noamount_recall": 0.37, "date_acc": 0.92, "city_total_err": 0.22}),
    "blind19": _blind(19, {"amount_f1": 0.83, "city_acc": 0.95, "noamount_recall": 0.44, "date_acc": 0.58, "city_total_err": 1.13}),
    # blind20 was written and sealed after this round's last rule, scored once at first look and not used since
    "blind20": _blind(20, {"amount_f1": 0.87, "city_acc": 0.97, "noamount_recall": 0.50, "date_acc": 0.77, "city_total_err": 0.05}),
    # blind21 was scored once at first look early this round (en F1 0.91, city-total err 1.318; zh 0.93 / 0.469), then
    # used to fix rules
    "blind21": _blind(21, {"amount_f1": 0.93, "city_acc": 0.87, "noamount_recall": 0.70, "date_acc": 0.93, "city_total_err": 0.10}),
    # blind22 was sealed until this round's rules were in, scored once at first look (en F1 0.83, no-amount 0.06,
    # city-total err 0.085; zh 0.96 / 0.89 / 0.034), then used to fix list lead-ins
    "blind22": _blind(22, {"amount_f1": 0.86, "city_acc": 0.97, "noamount_recall": 0.75, "date_acc": 0.90, "city_total_err": 0.09}),
    # blind23 was written and sealed after this round's last rule, scored once at first look and not used since
    "blind23": _blind(23, {"amount_f1": 0.86, "city_acc": 0.84, "noamount_recall": 0.25, "date_acc": 0.85, "city_total_err": 0.91}),
    # blind24 and blind25 were scored once at first look with the session-start code of the next round (en F1 0.95 /
    # 0.83, city-total err 1.052 / 0.467; zh 0.89 / 0.88, 0.053 / 0.732), then used to fix rules
    "blind24": _blind(24, {"amount_f1": 0.93, "city_acc": 0.97, "noamount_recall": 0.60, "date_acc": 0.93, "city_total_err": 0.07}),
    "blind25": _blind(25, {"amount_f1": 0.87, "city_acc": 0.99, "noamount_recall": 0.47, "date_acc": 0.95, "city_total_err": 0.08}),
    # blind26 and blind27 were sealed until the middle of that round, scored once at first look (en F1 0.87 / 0.74,
    # city-total err 0.637 / 0.490; zh 0.97 / 0.96, 0.071 / 0.045), then used to fix rules
    "blind26": _blind(26, {"amount_f1": 0.91, "city_acc": 0.92, "noamount_recall": 0.21, "date_acc": 0.97, "city_total_err": 0.12}),
    "blind27": _blind(27, {"amount_f1": 0.87, "city_acc": 0.90, "noamount_recall": 0.52, "date_acc": 0.96, "city_total_err": 0.40}),
    # blind28 and blind29 were written and sealed after that round's last rule, scored once at first look (en F1 0.79 /
    # 0.87, no-amount 0.43 / 0.42, city-total err 0.204 / 0.100; zh 0.92 / 0.90, 0.00 of 1 / 0.86, 1.723 / 0.083);
    # one rule mended after batch 28's look (a fair named after its own city), nothing else
    "blind28": _blind(28, {"amount_f1": 0.83, "city_acc": 0.99, "noamount_recall": 0.40, "date_acc": 0.97, "city_total_err": 0.34}),
    "blind29": _blind(29, {"amount_f1": 0.87, "city_acc": 0.89, "noamount_recall": 0.48, "date_acc": 0.89, "city_total_err": 0.11}),
}


@pytest.mark.parametrize("name", sorted(SHORT_OF_TARGETS))
def test_scores_stay_above_their_floor(gold_scorer, name):
    gold_file, articles, floors = SHORT_OF_TARGETS[name]
    figures, summary = _figures(gold_scorer, gold_file, articles)
    for key, floor in floors.items():
        if key == "city_total_err":
            assert figures[key] <= floor, f"{name} {key} rose above {floor}: {summary}"
        else:
            assert figures[key] >= floor, f"{name} {key} fell below {floor}: {summary}"


@pytest.mark.parametrize("name", sorted(SHORT_OF_TARGETS))
@pytest.mark.xfail(strict=True, reason="statistics and breakdowns still taken for deals, and lists missed, on "
                                       "unseen text: city-total error and amount F1 are short of the targets")
def test_scores_reach_the_targets(gold_scorer, name):
    gold_file, articles, _ = SHORT_OF_TARGETS[name]
    figures, summary = _figures(gold_scorer, gold_file, articles)
    assert figures["amount_f1"] >= 0.95 and figures["city_acc"] >= 0.95 and figures["sector_acc"] >= 0.85, summary
    assert figures["date_acc"] >= 0.90 and figures["city_total_err"] <= 0.02, summary
    assert figures["noamount_recall"] >= 0.80, summary
