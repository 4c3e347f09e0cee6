"""Train and measure the figure filter (figure_filter.py) on the repository's labelled sets.

    python -m dashboard.extract.train_figure_filter            # LOSO table, then write data/figure_filter.json
    python -m dashboard.extract.train_figure_filter --test GOLD.jsonl ARTICLES   # also score a test set once
    python -m dashboard.extract.train_figure_filter --batches 21 --against-shipped b18 b19 b20 b21
        # a model fitted without each named set against the shipped weights (the test a retrain must pass)

Needs scikit-learn (the `train` extra); the extractor itself does not.

Labels: the rules are run on each set (records.extract and the plausible step, without the
filter) and aligned to the gold records with score.py's `match` (greedy, amount within 2 %).
A counted deal or bundle with an amount is a deal (0) when it matches a gold record that counts
in totals, no deal (1) when no gold record of its article has its amount; the rest (gold has
the amount but does not count it) is left out.

Measurement: leave one set out over the 20 repository sets (train on the others, with the
threshold chosen by an inner leave-one-set-out on those others only), city-total error and
amount F1 as score.py computes them, rules alone against rules + filter. The filter never
removes a record (it sets counts_in_totals false and flags it), so amount F1 does not move;
the F1 a drop would give is printed beside it for information.
"""
from __future__ import annotations

import argparse
import importlib.util
from functools import lru_cache
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.articles import read_article, scan
from dashboard.extract import figure_filter, plausible

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "extraction"
if not SHARED.exists():
    SHARED = Path("/work/shared/extraction")


# Blind batches 1-16. Batch 17 was this filter's one blind test (scored once, before it came into
# the repository), so the measured model is trained without it; a later batch goes in with a new measurement.
BATCHES = range(1, 17)


def repo_sets(batches: range = BATCHES) -> list[tuple[str, Path, Path]]:
    """(name, gold file, article folder) of every labelled set the repository trains on."""
    sets = [("seeds", SHARED / "gold" / "seeds.jsonl", ROOT / "data" / "articles"),
            ("dev", SHARED / "gold" / "dev.jsonl", SHARED / "dev"),
            ("dev2", SHARED / "gold" / "dev2.jsonl", SHARED / "dev2"),
            ("heldout", ROOT / "tests" / "heldout" / "gold.jsonl", ROOT / "tests" / "heldout" / "articles")]
    folders = [ROOT / "tests" / "blind" / f"batch{n}" for n in batches]
    sets += [(f"b{p.name[5:]}", p / "gold.jsonl", p / "articles") for p in folders if (p / "gold.jsonl").exists()]
    return sets


@lru_cache(maxsize=1)
def _score_module():
    """The shared scorer (../shared/extraction/score.py), loaded on first use, so importing this module (pytest
    collects its doctests) needs no ../shared beside the repository."""
    spec = importlib.util.spec_from_file_location("extraction_score", SHARED / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class _Score:
    def __getattr__(self, name):
        return getattr(_score_module(), name)


SCORE = _Score()


@dataclass
class LabelledSet:
    name: str
    gold: list[dict]
    pred: list[dict]                       # the rules' records of the labelled articles
    feats: dict[int, set] = field(default_factory=dict)   # pred index -> features (candidates only)
    label: dict[int, int] = field(default_factory=dict)   # pred index -> 1 no deal, 0 deal (labelled ones)
    zh: set = field(default_factory=set)   # article names that are Chinese (CJK > 20 % of letters + CJK)
    extra: list = field(default_factory=list)  # (features, label) of older rules' records: training only


def is_zh(text: str) -> bool:
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    letters = len(re.findall(r"[A-Za-z]", text))
    return cjk > 0.2 * (cjk + letters)


def rules(article) -> list[dict]:
    """The rules' records without the filter (what it is trained and applied on)."""
    from dashboard.extract.records import extract as extract_records
    return plausible.flag_implausible(extract_records(article))


def _label(gold: list[dict], pred: list[dict], candidates) -> dict[int, int]:
    """pred index -> 0 (a counted gold record's figure), 1 (no gold record has the figure)."""
    labels = {}
    pairs = {pi: gi for gi, pi in SCORE.match(gold, pred).items()}
    for pi in candidates:
        p = pred[pi]
        if pi in pairs:
            g = gold[pairs[pi]]
            if g.get("counts_in_totals", True) and g.get("kind") != "event":
                labels[pi] = 0
        elif not any(g["article"] == p["article"] and SCORE.has_amount(g)
                     and abs(g["amount_cny"] - p["amount_cny"]) <= 0.02 * g["amount_cny"] for g in gold):
            labels[pi] = 1
    return labels


# Earlier versions of these rules (commits of this repository, from the first third of its
# history to the start of the last round): the figures they took for deals on the same sets are
# more examples of what a statistic, a tally or a plan looks like than today's rules leave.
HISTORY = ("c38b8f3", "db373f2", "ef93879", "5318b05", "50c2500")
HISTORY_CACHE = ROOT / "data" / "cache" / "figure_filter_history"


def history_records(commit: str, folder: Path) -> list[dict]:
    """What the rules of `commit` extract from `folder` (run once from `git archive`, then cached)."""
    import hashlib
    import subprocess
    import tempfile
    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:12]
    out = HISTORY_CACHE / commit / f"{key}.jsonl"
    if not out.exists():
        src = HISTORY_CACHE / commit / "src"
        if not (src / "dashboard").exists():
            src.mkdir(parents=True, exist_ok=True)
            tar = subprocess.run(["git", "-C", str(ROOT), "archive", commit], capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", str(src)], input=tar.stdout, check=True)
        proc = subprocess.run([sys.executable, "-m", "dashboard", "extract", str(folder.resolve())],
                              cwd=src, capture_output=True, text=True)
        if proc.returncode and not proc.stdout.strip():  # (an old extractor may lose an article; none at all: broken)
            raise RuntimeError(f"extract at {commit} gave nothing for {folder}: {proc.stderr[-500:]}")
        with tempfile.NamedTemporaryFile("w", dir=out.parent, delete=False, encoding="utf-8") as f:
            f.write(proc.stdout)
        Path(f.name).replace(out)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


def collect(name: str, gold_path: Path, folder: Path, history: tuple = ()) -> LabelledSet:
    gold = SCORE.load(str(gold_path))
    labelled = {g["article"] for g in gold}
    pred: list[dict] = []
    feats: dict[int, set] = {}
    zh = set()
    texts = {}
    for path in scan([folder]).files:
        if path.name not in labelled:
            continue
        article = read_article(path)
        texts[path.name] = article
        if is_zh(article.text):
            zh.add(path.name)
        for r in rules(article):
            if figure_filter.candidate(r):
                feats[len(pred)] = figure_filter.features(r, article.text, article.title or "")
            pred.append(r)
    out = LabelledSet(name, gold, pred, feats, zh=zh)
    out.label = _label(gold, pred, feats)
    seen = {(pred[i]["article"], round(pred[i]["amount_cny"]), pred[i]["evidence"]) for i in out.label}
    for commit in history:
        old = [r for r in history_records(commit, folder) if r.get("article") in labelled]
        cands = [i for i, r in enumerate(old) if figure_filter.candidate(r)]
        for i, y in sorted(_label(gold, old, cands).items()):
            r = old[i]
            key = (r["article"], round(r["amount_cny"]), r["evidence"])
            if key in seen:
                continue
            seen.add(key)
            article = texts.get(r["article"])
            if article is None:
                continue
            start = r.get("evidence_start")
            if not (isinstance(start, int) and article.text[start:start + len(r["evidence"])] == r["evidence"]):
                r = {**r, "evidence_start": max(article.text.find(r["evidence"]), 0)}
            out.extra.append((figure_filter.features(r, article.text, article.title or ""), y))
    return out


# ---- the model --------------------------------------------------------------------------------

C = 0.5          # inverse L2 strength
MIN_DF = 5       # a feature seen in fewer training records is left out
GRID = [round(0.5 + 0.025 * i, 3) for i in range(20)] + [1.01]   # 1.01: flag nothing


def fit(sets: list[LabelledSet]) -> dict:
    """A logistic regression on the labelled candidates of `sets`, as the JSON weights' dict."""
    from sklearn.linear_model import LogisticRegression
    rows = [(s.feats[i], y) for s in sets for i, y in sorted(s.label.items())]
    rows += [row for s in sets for row in s.extra]
    df: dict[str, int] = {}
    for f, _ in rows:
        for name in f:
            df[name] = df.get(name, 0) + 1
    vocab = sorted(n for n, c in df.items() if c >= MIN_DF)
    index = {n: j for j, n in enumerate(vocab)}
    from scipy.sparse import lil_matrix
    X = lil_matrix((len(rows), len(vocab)))
    for i, (f, _) in enumerate(rows):
        for name in f:
            if name in index:
                X[i, index[name]] = 1.0
    y = [r[1] for r in rows]
    if len(set(y)) < 2:
        raise ValueError(f"training needs deals and non-deals; these sets have only {set(y) or 'nothing'}")
    model = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=1000, random_state=0)
    model.fit(X.tocsr(), y)
    weights = {n: round(float(w), 3) for n, w in zip(vocab, model.coef_[0]) if abs(w) >= 0.01}
    return {"bias": round(float(model.intercept_[0]), 3), "weights": weights}


def apply(s: LabelledSet, weights: dict, threshold: float) -> list[dict]:
    """The set's records with the filter applied at `threshold` (copies; the set is unchanged)."""
    out = []
    for i, r in enumerate(s.pred):
        if i in s.feats and figure_filter.probability(weights, s.feats[i]) >= threshold:
            r = {**r, "counts_in_totals": False, "flags": [*(r.get("flags") or []), figure_filter.FLAG]}
        out.append(r)
    return out


def city_err(gold: list[dict], pred: list[dict]) -> float:
    return SCORE.total_error(gold, pred, SCORE.city_key)


def amount_f1(gold: list[dict], pred: list[dict]) -> float:
    line = SCORE.score(gold, pred, False).splitlines()[-1]
    return float(re.search(r"amount_f1=([\d.]+)", line).group(1))


def choose_threshold(sets: list[LabelledSet]) -> tuple[float, dict]:
    """The threshold with the lowest mean city-total error over an inner leave-one-set-out on
    `sets` (ties: the highest, which flags fewest), and the error of each threshold."""
    errs = {t: 0.0 for t in GRID}
    for k, s in enumerate(sets):
        w = fit(sets[:k] + sets[k + 1:])
        for t in GRID:
            errs[t] += city_err(s.gold, apply(s, w, t)) / len(sets)
    best = min(errs.values())
    return max(t for t in GRID if errs[t] <= best + 1e-9), errs


def train(sets: list[LabelledSet]) -> dict:
    """The weights of all `sets`, the threshold their inner leave-one-set-out chose (1.01: flag
    nothing), and the threshold that flags something with the lowest error there (for measuring)."""
    threshold, errs = choose_threshold(sets)
    flagging = min((t for t in GRID if t <= 1), key=lambda t: (round(errs[t], 9), -t))
    w = fit(sets)
    labels = [y for s in sets for y in s.label.values()] + [y for s in sets for _, y in s.extra]
    return {"version": 1, "threshold": threshold, "best_flagging_threshold": flagging,
            "cv_mean_city_total_err": {str(t): round(e, 4) for t, e in errs.items()},
            "C": C, "min_df": MIN_DF, "trained_on": [s.name for s in sets],
            "examples": {"deal": labels.count(0), "no_deal": labels.count(1)},
            "bias": w["bias"], "weights": w["weights"]}


def report(name: str, s: LabelledSet, weights: dict, threshold: float, langs: bool = False) -> list[str]:
    """Rows: set, articles, rules' city err, filtered city err, F1, F1 if dropped, flagged (right / wrong)."""
    after = apply(s, weights, threshold)
    flagged = [i for i, (a, b) in enumerate(zip(s.pred, after)) if a is not b]
    groups = [("all", None)] + ([("en", False), ("zh", True)] if langs else [])
    rows = []
    for lang, zh in groups:
        keep = (lambda r: True) if zh is None else (lambda r, zh=zh: (r["article"] in s.zh) == zh)
        g = [r for r in s.gold if keep(r)]
        p0 = [r for r in s.pred if keep(r)]
        p1 = [r for r in after if keep(r)]
        dropped = [r for r in p1 if r.get("counts_in_totals", True) or figure_filter.FLAG not in r["flags"]]
        arts = len({r["article"] for r in g})
        fl = [i for i in flagged if keep(s.pred[i])]
        rows.append(f"| {name}{'' if zh is None else ', ' + lang} | {arts} | {city_err(g, p0):.3f} | "
                    f"{city_err(g, p1):.3f} | {amount_f1(g, p0):.2f} | {amount_f1(g, dropped):.2f} | "
                    f"{len(fl)} ({sum(1 for i in fl if s.label.get(i) == 1)} / "
                    f"{sum(1 for i in fl if s.label.get(i) == 0)}) |")
    return rows


def against_shipped(sets: list[LabelledSet], names: list[str]) -> list[str]:
    """Rows: each named set held out, city-total error by language of the rules alone, of the shipped weights and of
    a model fitted on the other sets, both at the threshold `extract` applies; then their sums. The test a retrained
    model must pass before it replaces the shipped weights (README, Accuracy)."""
    shipped, threshold = figure_filter.load(), figure_filter.APPLIED_THRESHOLD
    rows = [f"| held out (threshold {threshold}) | rules, en / zh | shipped, en / zh | retrained, en / zh |",
            "|---|---|---|---|"]
    total = {k: [0.0, 0.0] for k in ("rules", "shipped", "retrained")}
    for k, s in enumerate(sets):
        if s.name not in names:
            continue
        fitted = fit(sets[:k] + sets[k + 1:])
        errs = {"rules": s.pred, "shipped": apply(s, shipped, threshold), "retrained": apply(s, fitted, threshold)}
        cells = []
        for key, pred in errs.items():
            by_lang = []
            for j, zh in enumerate((False, True)):
                g = [r for r in s.gold if (r["article"] in s.zh) == zh]
                e = city_err(g, [r for r in pred if (r["article"] in s.zh) == zh]) if g else 0.0
                total[key][j] += e
                by_lang.append(e)
            cells.append(f"{by_lang[0]:.3f} / {by_lang[1]:.3f}")
        rows.append(f"| {s.name} | " + " | ".join(cells) + " |")
    rows.append("| sum | " + " | ".join(f"{a:.3f} / {b:.3f}" for a, b in total.values()) + " |")
    return rows


HEADER = ["| set | articles | city-total err, rules | city-total err, + filter | amount F1 (unchanged: "
          "nothing removed) | amount F1 if flagged were dropped | flagged (no deal / real deal) |",
          "|---|---|---|---|---|---|---|"]


def main(argv: list[str] | None = None) -> int:
    global MIN_DF
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--test", nargs=2, metavar=("GOLD", "ARTICLES"),
                    help="a set never trained on: scored once by the model trained on all repository sets")
    ap.add_argument("--no-loso", action="store_true", help="skip the leave-one-set-out table")
    ap.add_argument("--out", default=str(figure_filter.WEIGHTS), help="where to write the weights")
    ap.add_argument("--min-df", type=int, default=MIN_DF, help=f"fewest records a feature is seen in (default {MIN_DF})")
    ap.add_argument("--no-history", action="store_true", help="train on today's rules' records only")
    ap.add_argument("--sets", nargs="*", help="NAME=GOLD:ARTICLES sets to train on instead of the repository's")
    ap.add_argument("--batches", type=int, default=BATCHES.stop - 1,
                    help=f"train on blind batches 1..N of tests/blind (default {BATCHES.stop - 1})")
    ap.add_argument("--against-shipped", nargs="+", metavar="SET",
                    help="only compare: each SET held out, the model fitted without it against the shipped weights, "
                         "both at the applied threshold; city-total error by language, summed")
    args = ap.parse_args(argv)
    MIN_DF = args.min_df
    specs = ([(n, Path(g), Path(a)) for n, rest in (x.split("=", 1) for x in args.sets)
              for g, a in [rest.split(":", 1)]] if args.sets else repo_sets(range(1, args.batches + 1)))
    sets = [collect(*spec, history=() if args.no_history else HISTORY) for spec in specs]
    if args.against_shipped:
        print("\n".join(against_shipped(sets, args.against_shipped)))
        return 0
    print(f"labelled candidates: {sum(len(s.label) for s in sets)} "
          f"({sum(1 for s in sets for y in s.label.values() if y == 1)} no deal); from older rules: "
          f"{sum(len(s.extra) for s in sets)} ({sum(y for s in sets for _, y in s.extra)} no deal)",
          file=sys.stderr)
    if not args.no_loso:
        print("Leave one set out (threshold chosen by inner leave-one-set-out on the other sets):")
        print("\n".join(HEADER))
        tot0 = tot1 = 0.0
        improved = worse = 0
        for k, s in enumerate(sets):
            others = sets[:k] + sets[k + 1:]
            t, _ = choose_threshold(others)
            w = fit(others)
            rows = report(f"{s.name} (t={t})", s, w, t)
            print("\n".join(rows), flush=True)
            e0, e1 = city_err(s.gold, s.pred), city_err(s.gold, apply(s, w, t))
            tot0, tot1 = tot0 + e0, tot1 + e1
            improved, worse = improved + (e1 < e0 - 1e-9), worse + (e1 > e0 + 1e-9)
        print(f"mean city-total error over {len(sets)} sets: rules {tot0 / len(sets):.3f}, "
              f"rules + filter {tot1 / len(sets):.3f} ({improved} sets better, {worse} worse)")
    model = train(sets)
    Path(args.out).write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                              encoding="utf-8")
    print(f"wrote {args.out}: threshold {model['threshold']}, {len(model['weights'])} weights, "
          f"examples {model['examples']}")
    if args.test:
        s = collect("test", Path(args.test[0]), Path(args.test[1]))
        print(f"Test set, once, with the model trained on all repository sets: the threshold chosen on them "
              f"({model['threshold']}), then, for illustration only (nothing is chosen on the test set), "
              f"lower ones")
        print("\n".join(HEADER))
        for t in (model["threshold"], 0.95, 0.9, 0.8, 0.7, 0.6):
            print("\n".join(report(f"test (t={t})", s, model, t, langs=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
