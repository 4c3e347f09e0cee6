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
