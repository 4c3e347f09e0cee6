"""A rule's `finditer` on a long text, run only near the words every match of it needs.

On one long file (a 5 MB report) each date rule scans all of it, though its matches are few and each needs
one of a few words (needs.py: a month name, 年, "yesterday" ...) that occur in a small part of the text.
`Windows.finditer` gives exactly what `pattern.finditer(text)` gives, scanning only windows around those
words:

- the text a match attempt at p can look at ends before p + R, its *reach*: read from the pattern's syntax
  tree (literals, classes and anchors 1, a repeat its count times its item's, a lookahead its content's, a
  lookbehind nothing), where a repeat without upper bound is allowed only of one character of a class ("\\s*",
  "[\\s-]+"), counted as the text's longest run of that class (else the reach is unbounded and the plain scan
  is used);
- every match starting at p holds one of the needed words within p .. p + R (in the match, or in a lookahead
  it makes), so a word found at a .. b puts p within b - R .. a: the windows;
- in a window lo .. hi, `pattern.search(text, s, hi + R + 2)` tries each start from s on as in the whole text
  (an attempt at a start up to hi sees all it can look at; lookbehinds and ``\\b`` see the text before s), so
  its first match starting by hi is the next match of `finditer`; one starting later is dropped (it may see
  the text cut short) and the next window is searched;
- matches are never empty (a pattern that can match nothing is scanned plainly), so after one ending at e
  the search goes on from e, as `finditer` does.

The words' places are found for all rules in one Aho-Corasick pass (`Anchors`). Where the windows would cover
more than a quarter of the text the plain scan is cheaper and is used; `find_dates` uses windows on a text
of 1,000 characters or more (below, the plain scan is as fast).

`tests/test_speed_structures.py` compares the two on every date rule over the shipped articles, a long file
and texts with long runs of whitespace.
"""
from __future__ import annotations

import re

from dashboard.extract.guard import _Unknown, _class

try:  # Python 3.11+
    from re import _constants as C, _parser as P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore
    import sre_parse as P  # type: ignore

_UNBOUNDED = None


def _reach(seq) -> tuple[int, dict[str, int]] | None:
    """(a, b): an attempt looks at most a + the sum of b[c] * (the text's longest run of characters of class c)
    characters past its start (c: the regex of a one-character class repeated without bound); None: no bound."""
    a, b = 0, {}
    for op, av in seq:
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY, C.AT):
            a += 1  # (an anchor such as \b looks at the character at its place)
            continue
        if op is C.SUBPATTERN:
            inner = _reach(av[3])
        elif op is C.BRANCH:
            parts = [_reach(branch) for branch in av[1]]
            if any(p is None for p in parts):
                return None
            inner = (max(p[0] for p in parts), {c: max(p[1].get(c, 0) for p in parts) for p in parts for c in p[1]})
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            _, high, item = av
            if high is C.MAXREPEAT:
                one = _one_class(item)
                inner = None if one is None else (0, {one: 1})
            else:
                one = _reach(item)
                inner = None if one is None else (high * one[0], {c: high * n for c, n in one[1].items()})
        elif op in (C.ASSERT, C.ASSERT_NOT):
            direction, content = av
            inner = _reach(content) if direction == 1 else (0, {})  # a lookbehind looks at the text before
        else:
            return None  # (a back-reference, an atomic group ...: not read here)
        if inner is None:
            return None
        a += inner[0]
        for c, n in inner[1].items():
            b[c] = b.get(c, 0) + n
    return a, b


def _one_class(item) -> str | None:
    """The regex of a repeated item that is one character of a class ("\\s", "[\\s\\-]", " "), else None."""
    if len(item) != 1:
        return None
    op, av = item[0]
    if op is C.LITERAL:
        return re.escape(chr(av))
    if op is C.IN:
        try:
            text, negated = _class(av)
        except _Unknown:
            return None
        return f"[{'^' if negated else ''}{text}]"
    return None


class Runs:
    """How long a run of characters of a class one text holds at most (read case-insensitively: at least as long
    as any match of the class can make), each class read once."""

    def __init__(self, text: str):
        self.text = text
        self._longest: dict[str, int] = {}

    def longest(self, cls: str) -> int:
        """An upper bound on the longest run: 2**k - 1 for the first run of 2**k characters the text lacks."""
        got = self._longest.get(cls)
        if got is None:
            k = 2
            while k <= len(self.text) and re.search(f"(?:{cls}){{{k}}}", self.text, re.I):
                k *= 2
            got = self._longest[cls] = k - 1
        return got


class Windows:
    """`finditer` of a pattern, run only around the places of the words of one of its needed sets (needs.py)."""

    def __init__(self, pattern: re.Pattern, words: tuple[str, ...]):
        self.pattern = pattern
        self.words = words
        tree = P.parse(pattern.pattern, pattern.flags) if isinstance(pattern.pattern, str) and words else None
        self._reach = _reach(tree) if tree is not None and tree.getwidth()[0] > 0 else _UNBOUNDED

    def reach(self, runs: Runs) -> int | None:
        """How far past its start an attempt may look in the text of `runs`."""
        if self._reach is _UNBOUNDED:
            return None
        a, b = self._reach
        return a + sum(n * runs.longest(c) for c, n in b.items())

    def finditer(self, text: str, runs: Runs, found: list[tuple[int, int]] | None, most: float | None = 0.25):
        """The matches `pattern.finditer(text)` gives, in order (`runs`: Runs(text)). `found`: where the words occur
        in the folded text (`Anchors.find`), None if not looked for. Scans plainly when the windows would cover
        more than `most` of the text (a window costs about a hundred characters' scan more; None: windows
        whenever the reach is bounded, for the tests)."""
        few = found is not None and (most is None or len(found) * 100 <= most * len(text))
        reach = self.reach(runs) if few else None
        if reach is None or (most is not None and len(found) * (reach + 100) > most * len(text)):
            yield from self.pattern.finditer(text)
            return
        n, pos, search = len(text), 0, self.pattern.search
        for lo, hi in _windows(found, reach):
            start = max(lo, pos)
            while start <= hi:
                m = search(text, start, min(n, hi + reach + 2))
                if m is None or m.start() > hi:
                    break
                yield m
                pos = start = m.end()


class Anchors:
    """Where the words of several sets occur in a folded text: one Aho-Corasick pass for all of them (sets that
    are equal share one list of places).

    A set holding a one-letter ASCII word ("q" of "Q1") is not looked for: it occurs everywhere."""

    def __init__(self, sets: list[tuple[str, ...]]):
        import ahocorasick

        distinct = list(dict.fromkeys(w for w in sets if w and not any(len(x) == 1 and x.isascii() for x in w)))
        self._which = [distinct.index(w) if w in distinct else None for w in sets]
        self._n = len(distinct)
        by_word: dict[str, list[int]] = {}
        for i, words in enumerate(distinct):
            for w in words:
                by_word.setdefault(w, []).append(i)
        self._auto = ahocorasick.Automaton() if by_word else None
        for w, ids in by_word.items():
            self._auto.add_word(w, (len(w), tuple(ids)))
        if self._auto is not None:
            self._auto.make_automaton()

    def find(self, folded: str) -> list[list[tuple[int, int]] | None]:
        """For each set, its words' places (start, end) in order; None for a set not looked for."""
        out: list[list[tuple[int, int]]] = [[] for _ in range(self._n)]
        if self._auto is not None:
            for end, (length, ids) in self._auto.iter(folded):
                for i in ids:
                    out[i].append((end + 1 - length, end + 1))
        for places in out:
            places.sort()
        return [None if i is None else out[i] for i in self._which]


def _windows(found: list[tuple[int, int]], reach: int):
    """The starts a match may have, lo .. hi (both included), merged, in order: each word's b - reach .. a."""
    lo = hi = None
    for w_lo, w_hi in sorted((max(0, b - reach), a) for a, b in found):
        if hi is not None and w_lo <= hi + 1:
            hi = max(hi, w_hi)
            continue
        if hi is not None:
            yield lo, hi
        lo, hi = w_lo, w_hi
    if hi is not None:
        yield lo, hi
