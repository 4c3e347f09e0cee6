"""Traditional Chinese (Hong Kong and Taiwan papers: 億元, 簽約, 項目) read through simplified characters.

The rules and the gazetteer speak simplified Chinese. OpenCC, the maintained
converter, turns traditional text into simplified text of the same length, so
every offset found in the simplified copy points at the same characters of the
original; records then quote the original text (evidence, names) by offset.
"""
from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    # Taiwan usage to mainland words too ("專案" -> "项目", "軟體" -> "软件"), as the rules speak mainland Chinese;
    # a phrase that would change the length is converted character by character below.
    return opencc.OpenCC("tw2sp")


def simplified(text: str) -> str:
    """The text in simplified characters, character for character (same length, same offsets).

    >>> simplified("瀋陽簽約項目26個，總投資497.52億元")
    '沈阳签约项目26个，总投资497.52亿元'
    >>> simplified("22個重大專案集中開工")
    '22个重大项目集中开工'
    >>> simplified("no Chinese here")
    'no Chinese here'
    """
    if text.isascii():
        return text  # no key of the converter's dictionaries is all ASCII (tests/test_needs.py): nothing to convert
    out = _converter().convert(text)
    if len(out) == len(text):
        return out
    # a phrase rule changed the length: convert character by character, keeping every offset (each distinct
    # character once: the same as converting every character of the text, without a call per character)
    convert = _converter().convert
    table = {ord(c): s for c in set(text) if len(s := convert(c)) == 1 and s != c}
    return text.translate(table)


def original_of(name: str, converted: str, original: str) -> str:
    """The original characters of a name found in the converted text (the name itself if not found).

    >>> original_of("沈阳智能计算中心", "在沈阳智能计算中心签约", "在瀋陽智能計算中心簽約")
    '瀋陽智能計算中心'
    """
    at = converted.find(name)
    return original[at:at + len(name)] if at >= 0 else name


def originals_of(names: set[str], converted: str, original: str) -> dict[str, str]:
    """`original_of` for many names, with one pass over the text (a name's first occurrence, as `str.find`).

    >>> originals_of({"沈阳", "签约", "上海"}, "在沈阳签约", "在瀋陽簽約") == {"沈阳": "瀋陽", "签约": "簽約", "上海": "上海"}
    True
    """
    import ahocorasick

    first: dict[str, int] = {}
    keys = {n for n in names if n}
    if keys:
        auto = ahocorasick.Automaton()
        for n in keys:
            auto.add_word(n, n)
        auto.make_automaton()
        for end, n in auto.iter(converted):
            start = end - len(n) + 1
            if first.get(n, start + 1) > start:
                first[n] = start
    out = {n: original[at:at + len(n)] if (at := first.get(n)) is not None else n for n in keys}
    if "" in names:
        out[""] = original_of("", converted, original)
    return out
