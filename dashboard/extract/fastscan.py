"""One Aho-Corasick pass in place of a long regex alternation of words, with the regex's own results.

A pattern such as ``re.compile("|".join(alternatives))`` with a thousand keyword alternatives
is tried alternative by alternative at every character of the text, about 0.1 MB/s.
`Alternation` finds exactly the matches that pattern's `finditer` finds:

1. every alternative must begin, at the place where it matches, with a literal `key` (the
   keyword without spaces and hyphens, in lower case);
2. the text is folded the same way (lower case, spaces and hyphens dropped, positions kept)
   and one Aho-Corasick pass lists where each key occurs: the only places where its
   alternative can match;
3. at each such place, from left to right and not before the end of the last match, the
   candidate alternatives are tried in the pattern's order with their own compiled regex,
   and the first that matches is the match — what the alternation does at that place.

Case folding is the regex engine's (`(?i)`): "K" (Kelvin sign) matches "k", "ı" and "İ"
match "i", "ſ" matches "s"; `tests/test_fastscan.py` checks every character against `re`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

# Characters that `(?i)` matches with an ASCII letter although str.lower() does not give it
# (or gives two characters): dotted and dotless i, long s.
_FIX = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_SPECIAL = re.compile("[\u0130\u0131\u017f]")
_RUN = re.compile(r"[^\s\-]+")


def fold(text: str) -> str:
    """Lower case, as long as the text, with the regex engine's ASCII equivalents.

    >>> fold("Chip İnc ſ")
    'chip inc s'
    """
    if text.isascii():
        return text.lower()
    if _SPECIAL.search(text):
        text = text.translate(_FIX)
    return text.lower()


def key_of(literal: str) -> str:
    """The Aho-Corasick key of a literal: folded, without spaces and hyphens.

    >>> key_of("Industrial-Internet of  Things")
    'industrialinternetofthings'
    """
    return "".join(_RUN.findall(fold(literal)))


class Alternation:
    """`finditer` of the alternation of `sources` (regexes, in order), each of which begins with
    its `key` (see key_of) wherever it matches."""

    def __init__(self, sources: list[str], keys: list[str]):
        import ahocorasick

        self.sources = list(sources)
        self._patterns: list[re.Pattern | None] = [None] * len(self.sources)
        by_key: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            if not k:
                raise ValueError(f"alternative {sources[i]!r} has an empty key")
            by_key.setdefault(k, []).append(i)
        self._auto = ahocorasick.Automaton()
        for k, idx in by_key.items():
            self._auto.add_word(k, (len(k), tuple(idx)))
        self._auto.make_automaton()

    def _pattern(self, i: int) -> re.Pattern:
        p = self._patterns[i]
        if p is None:
            p = self._patterns[i] = re.compile(self.sources[i])
        return p

    def finditer(self, text: str) -> list[re.Match]:
        """The matches `re.compile("|".join(sources)).finditer(text)` gives, in order."""
        folded = fold(text)
        parts = _RUN.findall(folded)
        if not parts:
            return []
        starts = [m.start() for m in _RUN.finditer(folded)]   # where each run begins in the text
        offsets = [0, *accumulate(map(len, parts[:-1]))]        # ... and in the joined runs
        joined = "".join(parts)
        cands: dict[int, list[int]] = {}
        for end, (length, idx) in self._auto.iter(joined):
            j = end - length + 1
            r = bisect_right(offsets, j) - 1
            pos = starts[r] + j - offsets[r]
            got = cands.get(pos)
            if got is None:
                cands[pos] = list(idx)
            else:
                got.extend(idx)
        out: list[re.Match] = []
        last = 0
        for pos in sorted(cands):
            if pos < last:
                continue
            idx = cands[pos]
            if len(idx) > 1:
                idx = sorted(set(idx))
            for i in idx:
                m = self._pattern(i).match(text, pos)
                if m is not None:
                    out.append(m)
                    last = m.end()
                    break
        return out


def word_alternation(words) -> str:
    """A regex for the alternation of `words`, longest first, factored into a trie: the same matches.

    ``"|".join(sorted(words, key=len, reverse=True))`` makes the regex engine compare the text with every word
    in turn at each place it is tried (a hundred number words at every word of an article). The trie
    compares one character per level. It is a drop-in for that alternation inside any pattern, with or without
    ``(?i)``: the words that match at one place are all prefixes of one another (two words of ASCII letters that
    match the same text agree letter by letter), so both forms offer them to the rest of the pattern in the
    same order, longest first: the trie tries a longer continuation before stopping at a word's end.
    `tests/test_needs.py` compares the patterns built with it against the plain alternation.

    >>> word_alternation(["two", "twenty", "twenty-one", "ten"])
    '(?:t(?:w(?:enty(?:\\\\-one)?|o)|en))'
    """
    words = list(dict.fromkeys(words))
    if not all(w and w.isascii() and w.lower() == w for w in words):
        raise ValueError("word_alternation takes lower-case ASCII words")  # the prefix argument needs them
    root: dict = {}
    for w in sorted(words, key=len, reverse=True):
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}
    return f"(?:{_trie(root)})"


def _trie(node: dict) -> str:
    """The regex of a trie node's continuations: its children (at most one matches a character), then its end."""
    alts = [re.escape(c) + _trie(child) for c, child in node.items() if c]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
    if "" in node:
        return f"(?:{body})?" if len(alts) > 1 or len(body) > 1 else f"{body}?"
    return body
