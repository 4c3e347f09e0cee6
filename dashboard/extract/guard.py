"""A compiled regex that skips, at C speed, the places where it cannot start a match.

Python's regex engine tries a pattern at every character unless the pattern begins with a plain
literal or character set. A rule that begins with ``\\b``, a lookbehind or an optional group
("(?:2021年)?3月") is run in full at every character of the article. `guarded(pattern)` reads
the pattern's syntax tree for the characters any match can begin with and puts a lookahead for
them in front: ``(?=[...])(?:pattern)``. The lookahead has no groups and admits every character a
match can begin with, so the guarded pattern finds exactly the same matches, groups and spans
(`tests/test_fastscan.py` compares them on the rules); it only fails faster where no match
begins. A pattern whose first character cannot be told (it may match nothing, begins with a
back-reference, "." ...) is returned as it is.
"""
from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as C, _parser as P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore
    import sre_parse as P  # type: ignore


class _Unknown(Exception):
    pass


_CATEGORY = {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
}


def _char(c: int) -> str:
    return re.escape(chr(c))


def _class(items) -> tuple[str, bool]:
    """(the class's items as regex text, whether it is negated)."""
    out, negate = [], False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            out.append(_char(av))
        elif op is C.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is C.CATEGORY and av in _CATEGORY:
            out.append(_CATEGORY[av])
        else:
            raise _Unknown(op)
    return "".join(out), negate


def _firsts(seq, flags: int, out: list[tuple[str, bool, bool]]) -> bool:
    """Add to `out` a matcher for every character a match of `seq` can begin with; True if `seq` can match
    the empty string (then what follows it can begin the match too)."""
    for op, av in seq:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width: the next element gives the first character
        if op is C.LITERAL:
            item = _char(av), False
        elif op is C.NOT_LITERAL:
            item = _char(av), True
        elif op is C.IN:
            item = _class(av)
        elif op is C.SUBPATTERN:
            _, add, delete, p = av
            inner = (flags | add) & ~delete
            if (add | delete) & ~(re.I | re.X | re.S | re.M):
                raise _Unknown("flags")
            if not _firsts(p, inner, out):
                return False
            continue
        elif getattr(C, "ATOMIC_GROUP", None) is not None and op is C.ATOMIC_GROUP:
            if not _firsts(av, flags, out):
                return False
            continue
        elif op is C.BRANCH:
            empty = False
            for branch in av[1]:
                empty |= _firsts(branch, flags, out)
            if not empty:
                return False
            continue
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
            low, _, p = av
            if not _firsts(p, flags, out) and low > 0:
                return False
            continue
        else:
            raise _Unknown(op)
        out.append((*item, bool(flags & re.I)))
        return False
    return True


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A regex for one character that every match of `pattern` begins with; None if it cannot be told.

    One class when it can be (case-insensitive if any part is: a wider class, still every first
    character), else an alternation.

    >>> first_chars(r"\\b(?i:yesterday|today)")
    '(?i:[yt])'
    >>> first_chars(r"(?:(?P<y>20\\d\\d)年)?(?P<m>\\d{1,2})月")
    '[2\\\\d]'
    >>> first_chars(r"[^a]b|c")
    '[^a]|[c]'
    >>> first_chars(r"x?") is None
    True
    """
    try:
        tree = P.parse(pattern, flags)
        out: list[str] = []
        if _firsts(tree, tree.state.flags, out):
            return None  # may match nothing
    except _Unknown:
        return None
    items = list(dict.fromkeys(out))
    if not any(negated for _, negated, _ in items):
        one = "[" + "".join(dict.fromkeys(text for text, _, _ in items)) + "]"
        return f"(?i:{one})" if any(icase for _, _, icase in items) else one
    alts = ((f"[^{text}]" if negated else f"[{text}]", icase) for text, negated, icase in items)
    return "|".join(f"(?i:{cls})" if icase else cls for cls, icase in alts)


_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")


GUARDED: dict[re.Pattern, re.Pattern] = {}  # guarded pattern -> the pattern it stands for (for the tests)


def guarded(pattern: re.Pattern) -> re.Pattern:
    """The same regex with a lookahead for the characters its matches begin with (or itself)."""
    first = first_chars(pattern.pattern, pattern.flags)
    if first is None or not isinstance(pattern.pattern, str):
        return pattern
    head = _GLOBAL_FLAGS.match(pattern.pattern)
    lead = head.group() if head else ""
    body = pattern.pattern[len(lead):]
    nl = "\n" if pattern.flags & re.X else ""  # a comment on the pattern's last line must not swallow ")"
    out = re.compile(f"{lead}(?={first})(?:{body}{nl})", pattern.flags & ~re.U)
    GUARDED[out] = pattern
    return out
