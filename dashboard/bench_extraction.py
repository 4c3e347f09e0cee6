"""Extraction speed: start-up, throughput on real articles, and how time grows with an article's length.

    python -m dashboard.bench_extraction [--articles DIR] [--repeat N]

Prints figures only (targets live in the issue and the README, never in a timed test).
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _synthetic(n: int, chinese: bool) -> str:
    """n different figures in one paragraph: the worst case for anything that looks back or around."""
    if chinese:
        body = "".join(f"第{i}家企业签约投资{i}.5亿元建设智能制造项目。" for i in range(1, n + 1))
    else:
        body = " ".join(f"Company {i} Co., Ltd. signed a deal worth {i}.2 billion yuan to build a chip plant."
                        for i in range(1, n + 1))
    return "Bench\n\n2021-05-04\n\n" + body


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default=str(ROOT / "data" / "articles"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    from dashboard.articles import article_files, parse_article, read_article
    from dashboard.extract import extract
    t1 = time.perf_counter()
    extract(parse_article(b"Warm-up\n\n2021-01-01\n\nA firm signed a 1 billion yuan deal in Hefei.", "w.txt"))
    t2 = time.perf_counter()
    print(f"start-up: imports {t1 - t0:.2f} s, first article (gazetteer, rates) {t2 - t1:.2f} s")

    arts = [read_article(f) for f in article_files([args.articles]) if f.suffix != ".csv"]
    size = sum(len(a.text.encode()) for a in arts)
    runs = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        n = sum(len(extract(a)) for a in arts)
        runs.append(time.perf_counter() - t)
    best = statistics.median(runs)
    print(f"real articles: {len(arts)} articles, {size / 1e3:.0f} KB, {n} records; median {best:.2f} s "
          f"= {size / 1e6 / best:.3f} MB/s on one core")

    print("one paragraph of n different figures (time per KB should stay flat if time is linear):")
    print(f"{'language':>8} {'figures':>8} {'KB':>6} {'seconds':>8} {'ms/KB':>7} {'records':>8}")
    for chinese in (False, True):
        for n in (100, 300, 1000):
            art = parse_article(_synthetic(n, chinese).encode(), "bench.txt")
            t = time.perf_counter()
            recs = extract(art)
            dt = time.perf_counter() - t
            kb = len(art.text.encode()) / 1e3
            print(f"{'zh' if chinese else 'en':>8} {n:>8} {kb:>6.0f} {dt:>8.2f} {1000 * dt / kb:>7.1f} {len(recs):>8}")


if __name__ == "__main__":
    main()
