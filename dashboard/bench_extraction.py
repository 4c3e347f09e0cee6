"""Extraction speed: start-up, throughput on real articles, and how time grows with an article's length.

    python -m dashboard.bench_extraction [--articles DIR ...] [--repeat N] [--long-mb MB]

Prints figures only (targets live in the issue and the README, never in a timed test). Throughput is
given per core as CPU time (what the process itself used, so other jobs on the machine count less)
and as wall time; the extractor's per-text caches are emptied before each repeat, so every repeat
reads the articles afresh. The long file is the articles joined and repeated up to --long-mb MB.
"""
from __future__ import annotations

import argparse
import functools
import gc
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
    parser.add_argument("--articles", nargs="+", default=[str(ROOT / "data" / "articles")])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--long-mb", type=float, default=5.0, help="size of the long file (0: none)")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    from dashboard.articles import article_files, parse_article, read_article
    from dashboard.extract import extract
    t1 = time.perf_counter()
    extract(parse_article(b"Warm-up\n\n2021-01-01\n\nA firm signed a 1 billion yuan deal in Hefei.", "w.txt"))
    t2 = time.perf_counter()
    print(f"start-up: imports {t1 - t0:.2f} s, first article (gazetteer, rates) {t2 - t1:.2f} s")

    arts = [read_article(f) for f in article_files(args.articles) if f.suffix != ".csv"]
    size = sum(len(a.text.encode()) for a in arts)
    wall, cpu = [], []
    for _ in range(args.repeat):
        _clear_caches()
        t, c = time.perf_counter(), time.process_time()
        n = sum(len(extract(a)) for a in arts)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    print(f"real articles: {len(arts)} articles, {size / 1e3:.0f} KB, {n} records; best of {args.repeat}: "
          f"{min(cpu):.2f} s CPU = {size / 1e6 / min(cpu):.3f} MB/s per core ({min(wall):.2f} s wall = "
          f"{size / 1e6 / min(wall):.3f} MB/s)")

    if args.long_mb > 0 and arts:
        body = "\n\n".join(a.text for a in arts)
        want = int(args.long_mb * 1e6)
        text = (body + "\n\n") * (want // max(1, len(body.encode())) + 1)
        text = text.encode()[:want].decode(errors="ignore")
        art = parse_article(("Long file\n\n2021-05-04\n\n" + text).encode(), "long.txt", max_bytes=want * 2)
        _clear_caches()
        t, c = time.perf_counter(), time.process_time()
        recs = extract(art)
        dt, dc = time.perf_counter() - t, time.process_time() - c
        mb = len(art.text.encode()) / 1e6
        print(f"one long file: {mb:.1f} MB (the articles above, joined and repeated), {len(recs)} records; "
              f"{dc:.1f} s CPU = {mb / dc:.3f} MB/s ({dt:.1f} s wall)")

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


def _clear_caches() -> None:
    """Empty the extractor's per-text caches (status_of, sector hits, place evidence ...), not its reference tables."""
    keep = {"_index", "_cached_tables", "_pinyin_ready", "_ethnic_re", "_geonames_by_zh", "_converter", "_table"}
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and (getattr(obj, "__module__", "") or "").startswith(
                "dashboard.") and obj.__name__ not in keep:
            obj.cache_clear()


if __name__ == "__main__":
    main()
