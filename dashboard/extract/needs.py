"""Words a regex cannot match without: skip the whole scan of a text that holds none of them.

A rule such as "(?i:from\\s+)?<month>\\s+<day>\\s*(?:-|to)\\s*<day>" is run over every article, though most
articles hold none of the words any match of it must contain. `needs(pattern)` reads the pattern's
syntax tree for a set of literal strings of which every match contains at least one (folded: lower
case, as `fastscan.fold` folds the text), and `Needs.may_match(folded_text)` tells, by plain
substring tests at C speed, whether the pattern can match anywhere in the text at all. When it
cannot, `finditer` would give nothing, so skipping it changes no result.

How the set is read (each step keeps "every match contains one of these"):

- a run of consecutive literal characters in a sequence must appear as it is (folded; under
  ``(?i)`` only ASCII letters and characters without case, whose every case-insensitive
  equivalent `fold` maps to the same character);
- a group, an atomic group or a repeat of at least once needs what its content needs;
- an alternation needs the union of what its branches need (and nothing if one branch needs nothing);
- a character class of literal characters without case (or ASCII under ``(?i)``) needs one of them;
- a lookahead needs what its content needs (in the text, at or after the place it is tried: so a need
  is in the text from the match's start on, not always inside the match);
- of the several needs of a sequence, the most selective is kept (longest shortest string, then fewest).

Anchors, lookbehinds, negative lookaheads, ``.``, negated classes and categories need nothing. `tests/test_needs.py`
checks, on every shipped article, sentence and line, that a text a pattern is skipped on has no match.
"""
from __future__ import annotations

import re

from dashboard.extract.fastscan import fold

try:  # Python 3.11+
    from re import _constants as C, _parser as P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore
    import sre_parse as P  # type: ignore

_REPEATS = tuple(x for x in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if x is not None)
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
_MAX_CLASS = 40  # a class of more characters than this is too common to be worth testing


def _char(code: int, icase: bool) -> str | None:
    """The folded character a literal matches, or None if a case-insensitive match may fold otherwise."""
    c = chr(code)
    if icase and not c.isascii() and c.lower() != c.upper():
        return None
    low = fold(c)
    return low if len(low) == 1 else None


def _best(cands: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of several needs: the longest shortest string, then the fewest strings."""
    return max(cands, key=_rank) if cands else None


def _rank(words: frozenset[str]) -> tuple[int, int]:
    return min(map(len, words)), -len(words)


def _seq(seq, flags: int) -> list[frozenset[str]]:
    """Every need of a sequence: a match of it contains one string of each."""
    cands: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            cands.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in seq:
        icase = bool(flags & re.I)
        if op is C.LITERAL:
            c = _char(av, icase)
            if c is None:
                flush()
            else:
                run.append(c)
            continue
        flush()
        if op is C.SUBPATTERN:
            _, add, delete, p = av
            cands.extend(_seq(p, (flags | add) & ~delete))
        elif _ATOMIC is not None and op is _ATOMIC:
            cands.extend(_seq(av, flags))
        elif op is C.BRANCH:
            parts = [_best(_seq(b, flags)) for b in av[1]]
            if all(p is not None for p in parts):
                cands.append(frozenset().union(*parts))
        elif op in _REPEATS:
            low, _, p = av
            if low >= 1:
                cands.extend(_seq(p, flags))
        elif op is C.IN:
            got = _class(av, icase)
            if got:
                cands.append(got)
        elif op is C.ASSERT and av[0] == 1:
            cands.extend(_seq(av[1], flags))  # a lookahead: what it needs is in the text, after where it is tried
    flush()
    return cands


def _class(items, icase: bool) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            codes = [av]
        elif op is C.RANGE and av[1] - av[0] < _MAX_CLASS:
            codes = range(av[0], av[1] + 1)
        else:
            return None  # negated, a category, a wide range
        for code in codes:
            c = _char(code, icase)
            if c is None:
                return None
            chars.add(c)
    return frozenset(chars) if 0 < len(chars) <= _MAX_CLASS else None


class Needs:
    """Sets of literal strings such that every match of a pattern contains a string of each set
    (none: it cannot be told), the most selective set first."""

    __slots__ = ("sets",)

    def __init__(self, sets: list[frozenset[str]], most: int = 3):
        ranked = sorted(dict.fromkeys(sets), key=_rank, reverse=True)[:most]
        self.sets = tuple(tuple(sorted(s, key=lambda w: (-len(w), w))) for s in ranked)

    def may_match(self, folded: str, memo: dict | None = None) -> bool:
        """False only if no match of the pattern can be in the text whose `fold` is `folded`.

        `memo`, a dict kept for one text, remembers each set's answer for the other patterns that need the
        same set (the month names, the digits ... of the date rules)."""
        for words in self.sets:
            if memo is not None:
                found = memo.get(words)
                if found is None:
                    found = memo[words] = any(w in folded for w in words)
                if not found:
                    return False
                continue
            for w in words:
                if w in folded:
                    break
            else:
                return False
        return True


class Screen:
    """Which of several patterns may match a text (each as its `Needs.may_match` says), from one
    Aho-Corasick pass over the text for all their words instead of a substring test per word.

    Each (pattern, needed set) has a bit; a word carries the bits of the sets it is in; a pattern may match
    when the words found carry every bit of its sets."""

    def __init__(self, needs_list: list[Needs]):
        import ahocorasick

        self.needs = list(needs_list)
        bits: dict[str, int] = {}
        self._masks: list[int] = []
        bit = 1
        for n in self.needs:
            mask = 0
            for words in n.sets:
                for w in words:
                    bits[w] = bits.get(w, 0) | bit
                mask |= bit
                bit <<= 1
            self._masks.append(mask)
        self._auto = ahocorasick.Automaton() if bits else None
        for w, b in sorted(bits.items()):
            self._auto.add_word(w, b)
        if self._auto is not None:
            self._auto.make_automaton()

    def which(self, folded: str) -> list[bool]:
        """For each pattern, False only if no match of it can be in the text whose `fold` is `folded`."""
        found = 0
        if self._auto is not None:
            for _, b in self._auto.iter(folded):
                found |= b
        return [found & m == m for m in self._masks]


def needs(pattern: re.Pattern) -> Needs:
    """What every match of the compiled pattern contains.

    >>> needs(re.compile(r"\\b(?i:Put)\\s+(?:in)?to\\s+(?:operation|use)")).sets
    (('put',), ('operation', 'use'), ('to',))
    >>> needs(re.compile(r"(?P<y>20\\d\\d)\\s*年\\s*(?P<m>\\d+)月")).sets
    (('20',), ('年',), ('月',))
    >>> needs(re.compile(r"x?|y")).sets
    ()
    """
    if not isinstance(pattern.pattern, str):
        return Needs([])
    tree = P.parse(pattern.pattern, pattern.flags)
    out = Needs(_seq(tree, tree.state.flags))
    NEEDED.append((pattern, out))
    return out


NEEDED: list[tuple[re.Pattern, Needs]] = []  # every pattern given its needs, and them (for the tests)
