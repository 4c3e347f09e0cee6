"""The learned figure filter (dashboard/extract/figure_filter.py): its weights file, how it
flags a record, that `extract` runs it at its applied threshold, and that its training script is
deterministic (README, Accuracy, says how the threshold was fixed and measured)."""
from __future__ import annotations

import json
import math

import pytest

from dashboard.articles import parse_article
from dashboard.extract import figure_filter

STATISTIC = ("Last year the city brought in more than 430 projects worth over 100 million yuan each, "
             "with agreements totaling 854.6 billion yuan.")
DEAL = "Tencent signed an agreement on Tuesday to invest 10 billion yuan in a data centre in Chengdu."


def _rec(id, sentence, amount, start=0, **kw):
    return {"id": id, "kind": "deal", "amount": amount, "amount_cny": amount, "counts_in_totals": True,
            "evidence": sentence, "evidence_start": start, "evidence_end": start + len(sentence),
            "amount_text": None, "flags": [], "status": "signed", "qualifier": "exact", **kw}


def test_the_shipped_weights_load_and_are_finite():
    w = figure_filter.load()
    assert w is not None, "data/figure_filter.json is missing"
    assert {"bias", "weights", "threshold", "trained_on"} <= set(w)
    assert w["weights"] and all(isinstance(k, str) and math.isfinite(v) for k, v in w["weights"].items())
    assert 0 < w["threshold"] and len(w["trained_on"]) == 20
    p = figure_filter.probability(w, figure_filter.features(_rec("a1", DEAL, 1e10), DEAL, "A deal"))
    assert 0.0 < p < 1.0


def test_a_figure_read_as_no_deal_is_flagged_and_kept_out_of_totals_never_dropped():
    # weights by hand: a period's tally ("last year") is no deal
    weights = {"bias": -3.0, "weights": {"cue:period": 6.0}, "threshold": 0.5}
    text = f"{STATISTIC}\n{DEAL}"
    stat, deal = _rec("a1", STATISTIC, 854.6e9), _rec("a2", DEAL, 1e10, start=len(STATISTIC) + 1)
    uncounted = _rec("a3", STATISTIC, 5e9, counts_in_totals=False)
    event = _rec("a4", STATISTIC, None, kind="event")
    article = parse_article(text.encode(), "x.txt")
    out = figure_filter.flag_non_deals([stat, deal, uncounted, event], article, weights)
    assert len(out) == 4
    assert out[0]["counts_in_totals"] is False and out[0]["flags"] == [figure_filter.FLAG]
    assert out[0]["amount_cny"] == 854.6e9
    assert out[1]["counts_in_totals"] is True and out[1]["flags"] == []
    assert out[2]["flags"] == [] and out[3]["flags"] == []   # only counted deals and bundles with amounts


def test_features_are_general_and_read_traditional_characters_as_simplified():
    trad = "數據顯示,到2022年末,29家央企在湖北新簽項目共1163個,投資總額約1.6萬億元。"
    simp = "数据显示,到2022年末,29家央企在湖北新签项目共1163个,投资总额约1.6万亿元。"
    f1 = figure_filter.features(_rec("a1", trad, 1.6e12, kind="bundle", n_projects=1163), trad, "")
    f2 = figure_filter.features(_rec("a1", simp, 1.6e12, kind="bundle", n_projects=1163), simp, "")
    assert f1 == f2
    assert {"cue:period", "k:bundle", "np:6", "amt:12", "e:数据"} <= f1


def test_extract_runs_the_filter_at_its_applied_threshold(monkeypatch):
    from dashboard.extract import extract
    a = parse_article(f"Deals\n\nUpdated: 2021-05-12\n\n{DEAL}\n".encode(), "x.txt")
    assert figure_filter.APPLIED_THRESHOLD == 0.6  # fixed before blind batches 18 and 19 were scored (README)
    monkeypatch.setattr(figure_filter, "APPLIED_THRESHOLD", 0.0)  # every counted figure reads as no deal
    (rec,) = extract(a)
    assert figure_filter.FLAG in rec["flags"] and rec["counts_in_totals"] is False and rec["amount"] == 1e10
    monkeypatch.setattr(figure_filter, "APPLIED_THRESHOLD", 1.01)  # none does
    (rec,) = extract(a)
    assert figure_filter.FLAG not in rec["flags"] and rec["counts_in_totals"] is True


FIXTURE = {  # name: (title, text, gold records); a figure no gold record has is labelled no deal
    "d1.txt": ("Tencent data center in Chongqing",
               "Chongqing, May 5 (Xinhua) -- Tencent signed an agreement with the Chongqing government on "
               "Tuesday to invest 10 billion yuan in a cloud computing data center in Liangjiang New Area.", 1e10),
    "d2.txt": ("比亚迪在合肥投资建厂", "合肥市政府与比亚迪股份有限公司3月8日签约,比亚迪将投资150亿元在合肥新站高新区"
               "建设新能源汽车零部件生产基地。", 1.5e10),
    "d3.txt": ("CATL signs in Ningde", "Ningde, July 2 -- CATL signed a deal with the Ningde government on "
               "Monday to invest 7 billion yuan in a battery recycling plant.", 7e9),
    "s7.txt": ("Rare earth park in Baotou", "Baotou, Aug 3 -- With a total investment of 120 billion yuan, the "
               "rare earth park will eventually have a production capacity of 200,000 tonnes a year.", None),
    "s3.txt": ("Lithium base in Yichun", "Yichun, June 1 -- With a total investment of 300 billion yuan, the "
               "lithium base will eventually have a production capacity of 500,000 tonnes a year.", None),
}


def _fixture_set(root, names):
    (root / "articles").mkdir(parents=True)
    gold = []
    for n in names:
        title, text, amount = FIXTURE[n]
        (root / "articles" / n).write_text(f"{title}\n\n{text}\n", encoding="utf-8")
        gold.append({"id": "g1", "article": n, "kind": "deal" if amount else "event", "amount": amount,
                     "amount_cny": amount, "currency": "CNY" if amount else None, "counts_in_totals": True,
                     "investors": [], "partners": [], "project": None, "city": None, "province": None})
    (root / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return f"{root.name}={root / 'gold.jsonl'}:{root / 'articles'}"


def test_the_training_script_reproduces_its_weights_on_a_tiny_fixture(tmp_path, monkeypatch):
    pytest.importorskip("sklearn")
    from dashboard.extract import train_figure_filter as train
    monkeypatch.setattr(train, "MIN_DF", train.MIN_DF)  # main() sets it from --min-df
    sets = [_fixture_set(tmp_path / "one", ["d1.txt", "s7.txt", "d3.txt"]),
            _fixture_set(tmp_path / "two", ["d2.txt", "s3.txt"])]
    from dashboard.extract.train_figure_filter import rules
    emitted = {n for n in ("s3.txt", "s7.txt")
               if any(figure_filter.candidate(r) for r in rules(parse_article(f"x\n\n{FIXTURE[n][1]}\n".encode(), n)))}
    assert emitted == {"s3.txt", "s7.txt"}, ("the rules no longer count the fixture's plan sizes as deals: "
                                             "give the fixture another kind of figure they still take for one")
    outs = [tmp_path / "w1.json", tmp_path / "w2.json"]
    for out in outs:
        assert train.main(["--no-loso", "--no-history", "--min-df", "1", "--out", str(out), "--sets", *sets]) == 0
    assert outs[0].read_bytes() == outs[1].read_bytes()
    w = json.loads(outs[0].read_text(encoding="utf-8"))
    assert w["examples"] == {"deal": 3, "no_deal": 2} and w["trained_on"] == ["one", "two"]
    # trained on these five, it ranks its own statistics above its own deals
    a = parse_article(f"x\n\n{FIXTURE['s3.txt'][1]}\n".encode(), "s3.txt")
    b = parse_article(f"x\n\n{FIXTURE['d3.txt'][1]}\n".encode(), "d3.txt")
    ps = [figure_filter.probability(w, figure_filter.features(r, art.text, art.title))
          for art in (a, b) for r in rules(art) if figure_filter.candidate(r)]
    assert len(ps) == 2 and ps[0] > ps[1]


def test_the_training_module_imports_without_the_shared_scorer():
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-c", "import dashboard.extract.train_figure_filter as t; "
                          "print(t._score_module.cache_info().currsize)"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"  # ../shared/extraction/score.py is read only when training or measuring


def test_the_retrain_test_compares_with_the_shipped_weights_set_by_set(tmp_path, capsys):
    pytest.importorskip("sklearn")
    from dashboard.extract import train_figure_filter as train
    sets = [_fixture_set(tmp_path / "one", ["d1.txt", "s7.txt", "d3.txt"]),
            _fixture_set(tmp_path / "two", ["d2.txt", "s3.txt"])]
    assert train.main(["--no-history", "--min-df", "1", "--sets", *sets, "--against-shipped", "two"]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert rows[0].startswith("| held out") and rows[2].startswith("| two |") and rows[3].startswith("| sum |")
    assert len(rows[2].split("|")) == len(rows[0].split("|"))  # rules, shipped and retrained, each en / zh
