"""fastscan.Alternation finds what the regex alternation it replaces finds (sectors' keywords)."""
import random
import re
import sys

from dashboard.extract import fastscan, sectors


def _spans(matches):
    return [(m.start(), m.end(), m.group()) for m in matches]


def test_fold_covers_every_character_ignorecase_matches():
    """Any character `(?i)` matches with a keyword character folds to the same character."""
    chars = sorted({c for w in sectors._ALL_WORDS for c in w if c.isascii() and c.isalnum()})
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    for c in chars:
        for m in re.finditer("(?i:" + re.escape(c) + ")", every):
            assert fastscan.fold(m.group()) == fastscan.fold(c), (c, m.group())
    assert len(fastscan.fold(every)) == len(every)


def _texts():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for path in sorted((root / "data" / "articles").glob("*.txt")):
        yield path.read_text(encoding="utf-8", errors="replace")
    yield "An Industrial-Internet  project, e-sports, E Sports, 3D打印, İnternet of things, chıps, cloud- computing"
    yield "CHIPS and chips; AI-based R&D, R & D and R&Ds; LED-lights; wafers; Wafer-level 芯片、集成电路和新能源汽车"


def test_same_matches_as_the_alternation():
    big = re.compile("|".join(sectors._KEYWORD_SOURCES))
    rng = random.Random(6)
    words = sectors._ALL_WORDS
    texts = list(_texts())
    for _ in range(300):  # keyword soup: neighbours, overlaps, separators, case
        parts = []
        for _ in range(rng.randint(1, 30)):
            w = rng.choice(words)
            w = w.upper() if rng.random() < 0.1 else w.title() if rng.random() < 0.1 else w
            parts.append(w + rng.choice(["", "s", "es", " ", "-", "  ", ", ", "的", "x", "\n"]))
        texts.append("".join(parts))
    for text in texts:
        assert _spans(sectors._KEYWORDS.finditer(text)) == _spans(big.finditer(text))


def test_guarded_rules_find_the_same():
    """Every rule run with a guard (guard.py) finds the same spans and groups as the rule itself."""
    from dashboard.extract import amounts, dates, figure_filter, guard, lists, names, record_words, status  # noqa: F401  (their rules register)

    rng = random.Random(9)
    texts = list(_texts()) + [
        "2021年3月5日，昨天下午签约，计划2025年投产；On Aug. 6, 2020 and last week, the 28th of May, Q3 2021",
        "上个月 本周三 下周 今年 去年12月 二〇二一年三月 from July 29 to 30, on Wednesday, by the end of 2023",
    ]
    pieces = [t[i:i + 40] for t in texts for i in range(0, len(t), 97)]
    texts += ["".join(rng.choice(pieces) for _ in range(20)) for _ in range(50)]
    assert len(guard.GUARDED) >= 30
    for fast, rule in guard.GUARDED.items():
        for text in texts:
            got = [(m.span(), m.groups(), m.groupdict()) for m in fast.finditer(text)]
            assert got == [(m.span(), m.groups(), m.groupdict()) for m in rule.finditer(text)], rule.pattern


def test_guard_first_characters():
    from dashboard.extract.guard import first_chars, guarded

    assert first_chars(r"(?<![\d.])(?P<d>\d{1,2})日") == r"[\d]"
    assert first_chars(r"\b(?i:on|by)\s+the") == "(?i:[ob])"
    assert first_chars(r"a*") is None and first_chars(r".x") is None and first_chars(r"(a)?\1") is None and first_chars(r"(a)\1") == "[a]"
    p = re.compile(r"""\b(?:the\s+)?(?P<q>first|second)\s+quarter  # a comment
                       """, re.X | re.I)
    assert [m.group("q") for m in guarded(p).finditer("The first quarter and the SECOND Quarter")] == ["first", "SECOND"]
