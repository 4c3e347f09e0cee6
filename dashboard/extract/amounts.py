"""Money amounts in article text: where they are, what they are worth, in which currency, how sure.

Reads the phrasings investment news uses in English and Chinese ("RMB 25.4 billion ($3.76
billion)", "approx. 10 billion RMB", "83.5 hundred million yuan", "总投资268亿", "均在100亿元以上")
and gives one `Money` per figure with its exact span, so record assembly can look at the words
around it. Whether a figure is an investment, a revenue or a target is not decided here.

Pure functions over strings; the regexes are built once from the word lists in `amount_words`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from dashboard.articles import fold_case_twins
from dashboard.extract import amount_words as W
from dashboard.extract.guard import guarded


@dataclass(frozen=True)
class Money:
    """One money figure found in a text, with the text it was read from."""

    value: float                     # full units of `currency` (10 billion -> 10000000000.0)
    currency: str                    # ISO 4217
    qualifier: str                   # "exact" | "approx" | "at_least" | "up_to"
    start: int                       # span: qualifier word + number + unit + currency
    end: int
    text: str                        # the text of the span
    alt: Money | None = None         # the same amount in another currency, in brackets right after
    each: bool = False               # a per-item figure ("each involve more than 5 billion yuan")
    currency_implied: bool = False   # no currency word: "总投资268亿", "invest 46.5 billion"
    high: float | None = None        # upper end of a range; `value` is then the lower end


# --- regex building blocks -------------------------------------------------------------------

def _norm(word: str) -> str:
    """The key a matched word is looked up under: lower case, single spaces (the text is folded first: "ſome"
    is read "some", see `find_amounts`).

    >>> _norm("US   Dollars")
    'us dollars'
    """
    return _SPACES.sub(" ", word).lower()


_SPACES = re.compile(r"\s+")


def _alternation(words, glued: bool = False) -> str:
    """A regex alternation of `words`, longest first; Latin words match only as whole words,
    or, when `glued`, also right after a digit ("17.2b", "3.2bn").

    >>> _alternation(["$", "US$", "yuan"])
    '(?:\\\\byuan(?![a-z])|\\\\bUS\\\\$|\\\\$)'
    """
    parts = []
    for word in sorted(words, key=len, reverse=True):
        body = r"\s+".join(re.escape(piece) for piece in word.split(" "))
        if word[0].isascii() and word[0].isalpha() and not glued:
            body = r"\b" + body
        if word[-1].isascii() and word[-1].isalpha():
            body += r"(?![a-z])"         # "RMB28" is fine, "EURO" is not "EUR"
        parts.append(body)
    return "(?:" + "|".join(parts) + ")"


def _lookup(table: dict[str, str]) -> dict[str, str]:
    return {_norm(k): v for k, v in table.items()}


_CURRENCY_BEFORE = _lookup(W.CURRENCY_BEFORE)
_CURRENCY_AFTER = _lookup(W.CURRENCY_AFTER)
_QUALIFIER_BEFORE = _lookup(W.QUALIFIERS_BEFORE)
_QUALIFIER_AFTER = _lookup(W.QUALIFIERS_AFTER)
_SCALE = _lookup({k: str(v) for k, v in W.SCALES_EN.items()})

_ZH_DIGIT_CHARS = "".join(W.DIGITS_ZH) + "".join(W.SMALL_UNITS_ZH)   # may start a Chinese figure
_ZH_UNIT_CHARS = "".join(W.SMALL_UNITS_ZH) + "".join(W.BIG_UNITS_ZH)
_ZH_BIG_CHARS = "".join(W.BIG_UNITS_ZH)

# Arabic digits, ASCII or full width, with thousands commas and a decimal point.
# Thousands may also be spaced ("478 000 000"), from two groups on ("5 100" may be a day and a count).
_DIGITS = r"(?:[0-9０-９]{1,3}(?:,[0-9０-９]{3})+|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3}){2,}(?![0-9])|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
_WORD = _alternation(k for k in W.NUMBER_WORDS_EN if k not in W.NEED_SCALE_EN)
_NUMERAL_EN = rf"""(?:
      {_DIGITS}                                       # 1.5 | 1,500 | 28
    | {_alternation(W.FRACTIONS_EN)}                  # half a
    | (?:\ban?\b|{_WORD})                             # a | one | twenty
      (?:(?:\s+|-)(?:and\s+)?(?:{_WORD}|\bhundred\b))*  # ... hundred and twenty
      (?:\s+and\s+a\s+half\b)?                         # one and a half
)"""
_SCALE_EN = _alternation(W.SCALES_EN, glued=True)
_CUR_AFTER = _alternation(W.CURRENCY_AFTER)
_QUAL_AFTER = _alternation(W.QUALIFIERS_AFTER)

# Where a figure may begin (guarded: the characters that cannot begin one are skipped at C speed, guard.py).
_START = guarded(re.compile(rf"""
      (?<![0-9０-９.,．])[0-9０-９]                  # a number, not the middle of one
    | \b(?:an?|half|{_WORD})(?![a-z])                 # a number word
    | [{_ZH_DIGIT_CHARS}]                             # a Chinese numeral: 三十亿, 百亿
    | (?<=[过超上近逾数几])[{_ZH_BIG_CHARS}]            # 过亿, 上亿: the 1 is left out
""", re.I | re.X))

# An English figure: number, scale, currency, in that order.
_EN = re.compile(rf"""
    (?P<num>{_NUMERAL_EN})
    (?P<many>[\s-]+(?:many|odd)(?=[\s-]+{_SCALE_EN}))?  # "1000 many hundred million" (machine-translated 1000多亿)
    (?:[\s-]*(?P<scale>{_SCALE_EN})                  # billion | bn | 17.2b | hundred million
       (?P<more>(?:\s+{_DIGITS}\s*{_SCALE_EN})*))?     # "4 billion 280 million": smaller parts
    (?:\s*(?P<sep>-|–|—|~|\bto\b|\band\b)\s*          # a range: 1-2 billion, 1 billion to 2 billion
       (?P<num2>{_NUMERAL_EN})(?:[\s-]*(?P<scale2>{_SCALE_EN}))?)?
    (?:[\s-]*(?P<cur>{_CUR_AFTER}))?                  # yuan | RMB | US dollars | 美元
    (?:\s*(?P<after>{_QUAL_AFTER}))?                  # or more
""", re.I | re.X)

# A Chinese figure: numerals with units, then the currency.
_ZH_RUN = rf"""(?:
    (?:{_DIGITS}|[{_ZH_DIGIT_CHARS}{_ZH_BIG_CHARS}])      # 100 | 三 | 亿 (after 过/上)
    (?:{_DIGITS}|[{_ZH_DIGIT_CHARS}{_ZH_BIG_CHARS}{W.MORE_ZH}])*  # 亿 | 2800万 | 多 in 100多亿
)"""
_ZH = re.compile(rf"""
    (?P<num>{_ZH_RUN})
    (?:\s*(?P<cur1>{_CUR_AFTER}))?                    # 10亿元至20亿元: a currency on the low end
    (?:\s*(?P<sep>至|到|-|－|–|—|~|～)\s*(?P<num2>{_ZH_RUN}))?  # 10亿至20亿元 | 10-20亿元
    (?:\s*(?P<cur>{_CUR_AFTER}))?
    (?:\s*(?P<after>{_QUAL_AFTER}))?                  # 以上 | 左右
""", re.I | re.X)
_ZH_TOKEN = re.compile(rf"{_DIGITS}|.", re.S)
_MORE_PART = re.compile(rf"({_DIGITS})\s*({_SCALE_EN})", re.I)   # "280 million" in "4 billion 280 million"

# Words left of a figure, each anchored at the figure (searched with endpos = figure start).
_CUR_BEFORE_END = re.compile(rf"(?P<w>{_alternation(W.CURRENCY_BEFORE)})\s*$", re.I)
_QUAL_BEFORE_END = re.compile(rf"(?P<w>{_alternation(W.QUALIFIERS_BEFORE)})\s*$", re.I)
# "add up to 83.8 billion" is a sum, not a limit.
_SUM_VERB_END = re.compile(rf"\b(?:{'|'.join(W.SUM_VERBS_EN)})\s+$", re.I)
# "between 1 and 2 billion" is a range; "grew from 1 to 2 billion" is not, "ranging from 1 to 2" is.
_BETWEEN_END = re.compile(rf"\bbetween\s+(?:{_alternation(W.CURRENCY_BEFORE)}\s*)?$", re.I)
_FROM_END = re.compile(r"\b(?<!ranging )(?<!range )(?<!ranges )from\s+$", re.I)
_CONTEXT_EN_END = re.compile(rf"""
    \b(?:{"|".join(W.MONEY_CONTEXT_EN)})\s+           # invest | investment | worth
    (?:(?:of|at|totall?ing|amounting\s+to|a\s+total\s+of|reaching|reached|reaches|is|was|will\s+be|hit|
          about|around|approximately|nearly|over|more\s+than)\s+)*$    # "total investment reached 28.1 billion"
""", re.I | re.X)
_CONTEXT_ZH_END = re.compile(rf"(?:{'|'.join(W.MONEY_CONTEXT_ZH)})[^，。；、,;.!?！？\s\d]{{0,4}}$")
_NOT_MONEY_AFTER_ZH = re.compile(rf"\s*{_alternation(W.NOT_MONEY_AFTER_ZH)}")

# Per-item words: in the clause before the figure, or right after it.
_CLAUSE_BREAK = re.compile(r"[,;:.!?，。；：！？\n(（]")
_EACH_BEFORE = re.compile("|".join(W.EACH_BEFORE_EN + W.EACH_BEFORE_ZH), re.I)
_EACH_AFTER = re.compile(r"\s*(?:" + "|".join(W.EACH_AFTER_EN) + ")", re.I)

# A bracketed figure in another currency right after one: "RMB 5 billion ($7300 million)".
_ALT_OPEN = re.compile(r"\s*[(（]\s*(?:or\s+|i\.e\.\s*|折合|相当于)?$", re.I)
_ALT_CLOSE = re.compile(r"\s*[)）]")

_LOOK_BACK = 30   # characters searched for a qualifier or currency before a figure


def _last_chars(words) -> re.Pattern:
    """One character that each of `words` ends with, matched as their `(?i)` regex matches it."""
    return re.compile("[" + "".join(sorted({re.escape(w[-1]) for w in words})) + "]", re.I)


# The last characters of the words looked for right before a figure: where the text before a figure
# ends otherwise, the word cannot be there, and its regex need not be tried at each place of the window.
_CUR_BEFORE_LAST = _last_chars(W.CURRENCY_BEFORE)
_QUAL_BEFORE_LAST = _last_chars(W.QUALIFIERS_BEFORE)
# Searched across a window before each figure: guarded, the places no word of theirs begins at are skipped at C
# speed (guard.py: the same matches).
_CUR_BEFORE_END, _QUAL_BEFORE_END, _EACH_BEFORE = map(guarded, (_CUR_BEFORE_END, _QUAL_BEFORE_END, _EACH_BEFORE))


def _word_before(pattern: re.Pattern, last_chars: re.Pattern, text: str, lo: int, hi: int) -> re.Match | None:
    """`pattern.search(text, lo, hi)` for a pattern of words followed by `\\s*$`: the word ends where the
    text between lo and hi, without its trailing spaces, ends; if no word can end with that character,
    there is no match.

    >>> _word_before(_CUR_BEFORE_END, _CUR_BEFORE_LAST, "it cost RMB 5", 0, 12)["w"]
    'RMB'
    >>> _word_before(_CUR_BEFORE_END, _CUR_BEFORE_LAST, "in 2020", 0, 3) is None
    True
    """
    end = len(text[lo:hi].rstrip())
    if not end or not last_chars.match(text, lo + end - 1):
        return None
    return pattern.search(text, lo, hi)


# --- numbers ---------------------------------------------------------------------------------

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_SEPARATORS = re.compile(r"[,\s]")


def _digits(text: str) -> Decimal:
    """An Arabic number, ASCII or full width.

    >>> _digits("1,500.25"), _digits("２６８")
    (Decimal('1500.25'), Decimal('268'))
    """
    ascii_text = _SEPARATORS.sub("", text.translate(_FULL_WIDTH))
    return Decimal(ascii_text)



def _english_number(text: str) -> Decimal:
    """A number in digits or English words.

    >>> _english_number("68.546"), _english_number("one hundred and twenty"), _english_number("half a")
    (Decimal('68.546'), Decimal('120'), Decimal('0.5'))
    """
    if text[0].isdigit():
        return _digits(text)
    if _norm(text) in W.FRACTIONS_EN:
        return Decimal(W.FRACTIONS_EN[_norm(text)])
    value = Decimal(0)
    half = re.search(r"\s+and\s+a\s+half$", text, re.I)
    if half:  # "one and a half"
        text, value = text[:half.start()], Decimal("0.5")
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "hundred":
            value = (value or 1) * 100
        elif word != "and":
            value += W.NUMBER_WORDS_EN[word]
    return Decimal(value)


def _scale(word: str | None) -> int:
    """What a scale word multiplies by; 1 for none.

    >>> _scale("Hundred  Million"), _scale("bn"), _scale(None)
    (100000000, 1000000000, 1)
    """
    return int(_SCALE[_norm(word)]) if word else 1


def _chinese_value(run: str) -> tuple[Decimal, bool]:
    """The value of a Chinese figure, and whether it says "and some more" (多, 余, 几).

    Arabic digits and Chinese numerals mix freely; 万 and 亿 multiply all that comes before them
    in their section, so 1.2万亿 is 1.2 × 10^12 and 4亿2800万 is 428 million.

    >>> _chinese_value("1.2万亿")
    (Decimal('1200000000000.0'), False)
    >>> _chinese_value("三十亿"), _chinese_value("百亿"), _chinese_value("4亿2800万")
    ((Decimal('3000000000'), False), (Decimal('10000000000'), False), (Decimal('428000000'), False))
    >>> _chinese_value("100多亿")
    (Decimal('10000000000'), True)
    """
    total = section = number = Decimal(0)
    more = False
    previous_was_digit = False
    for token in _ZH_TOKEN.findall(run):
        is_digit = token in W.DIGITS_ZH
        if token[0].isdigit():
            number = _digits(token)
        elif is_digit:
            # 二〇二〇 spells digits one by one; 三十 does not (十 comes between)
            number = number * 10 + W.DIGITS_ZH[token] if previous_was_digit else Decimal(W.DIGITS_ZH[token])
        elif token in W.SMALL_UNITS_ZH:
            section += (number or 1) * W.SMALL_UNITS_ZH[token]
            number = Decimal(0)
        elif token in ("万", "萬"):
            if not (section or number or total):
                number = Decimal(1)                           # 过万: one 万
            total += (section + number) * W.BIG_UNITS_ZH[token]
            section = number = Decimal(0)
        elif token in ("亿", "億"):
            if not (section or number or total):
                number = Decimal(1)                           # 上亿: one 亿
            total = (total + section + number) * W.BIG_UNITS_ZH[token]
            section = number = Decimal(0)
        elif token in W.MORE_ZH:
            more = True
        previous_was_digit = is_digit
    return total + section + number, more


def _trailing_units(run: str) -> str:
    """The units at the end of a Chinese figure, shared by the low end of a range: 10-20亿.

    >>> _trailing_units("20万亿"), _trailing_units("2000")
    ('万亿', '')
    """
    return re.search(rf"[{_ZH_UNIT_CHARS}]*$", run.rstrip(W.MORE_ZH)).group()


# --- one figure ------------------------------------------------------------------------------

@dataclass
class _Figure:
    """A number with its unit and what follows it, before looking left of it."""

    end: int
    value: Decimal
    high: Decimal | None = None
    currency: str | None = None
    after: str | None = None          # qualifier written after the figure
    more: bool = False                # 100多亿
    scale: int = 1                    # largest scale word or unit in it
    unit_first: bool = False          # starts with a unit: 百亿, 亿 (for 过百亿, 上亿)


def _english_figure(text: str, i: int) -> _Figure | None:
    m = _EN.match(text, i)
    if not m:
        return None
    if _norm(m["num"]) in W.NEED_SCALE_EN and not m["scale"]:
        return None                                            # "a" is only a number in "a billion"
    scale = _scale(m["scale"])
    value = _english_number(m["num"]) * scale
    smaller = scale
    for part in _MORE_PART.finditer(m["more"] or ""):
        if _scale(part[2]) >= smaller:                         # 4 billion 280 million, never upwards
            return None
        smaller = _scale(part[2])
        value += _digits(part[1]) * smaller
    figure = _Figure(end=m.end("more") if m["scale"] else m.end("num"), value=value, scale=scale,
                     more=bool(m["many"]))

    if m["sep"]:
        sep = m["sep"].lower()
        high_scale = _scale(m["scale2"])
        high = _english_number(m["num2"]) * high_scale
        low = value if m["scale"] else value * high_scale      # 1-2 billion: the 1 is a billion too
        look_back = max(0, i - _LOOK_BACK)
        if not (low < high
                and (sep != "and" or _BETWEEN_END.search(text, look_back, i))
                and (sep != "to" or not _FROM_END.search(text, look_back, i))):
            return figure                                      # the second number is a figure of its own
        figure = _Figure(end=m.end("scale2") if m["scale2"] else m.end("num2"), value=low, high=high,
                         scale=max(scale, high_scale))
    if m["cur"]:
        figure.currency = _CURRENCY_AFTER[_norm(m["cur"])]
        figure.end = m.end("cur")
    if m["after"]:
        figure.after = _QUALIFIER_AFTER[_norm(m["after"])]
        figure.end = m.end("after")
    return figure


def _chinese_figure(text: str, i: int) -> _Figure | None:
    m = _ZH.match(text, i)
    if not m:
        return None
    run = m["num"]
    if _plain_number(m):
        return None                    # the test at the end of this function, made before reading the value
    value, more = _chinese_value(run)
    figure = _Figure(end=m.end("num"), value=value, more=more, scale=_largest_unit(run),
                     unit_first=run[0] in _ZH_UNIT_CHARS)
    currency, after = "cur1", None                             # which groups belong to this figure
    if m["sep"]:
        low_run = run if _trailing_units(run) else run + _trailing_units(m["num2"])
        low = _chinese_value(low_run)[0]
        high, high_more = _chinese_value(m["num2"])
        if low < high:                                         # 10亿至20亿元, 10-20亿元
            figure.value, figure.high, figure.more = low, high, more or high_more
            figure.scale = max(_largest_unit(low_run), _largest_unit(m["num2"]))
            figure.end = m.end("num2")
            currency, after = ("cur" if m["cur"] else "cur1"), "after"
    else:
        currency, after = ("cur1" if m["cur1"] else "cur"), "after"
    if m[currency]:
        figure.currency = _CURRENCY_AFTER[_norm(m[currency])]
        figure.end = max(figure.end, m.end(currency))
    if after and m[after]:
        figure.after = _QUALIFIER_AFTER[_norm(m[after])]
        figure.end = m.end(after)
    if figure.scale == 1 and not figure.currency:
        return None                    # plain digits: "2020", "12英寸" (an English figure may still take them)
    if figure.scale < 10_000 and not re.search(r"\d", run):
        return None                    # "三元锂电池" (ternary), "二元结构": numerals before 元 in a word, no sum of money
    return figure


def _plain_number(m: re.Match) -> bool:
    """Whether a Chinese reading is a number alone, no unit, range or currency ("2020", "12"): no figure.

    >>> _plain_number(_ZH.match("2020年")), _plain_number(_ZH.match("三十亿")), _plain_number(_ZH.match("20元"))
    (True, False, False)
    """
    return not (m["sep"] or m["cur1"] or m["cur"]) and _largest_unit(m["num"]) == 1


def chinese_number(run: str) -> int:
    """A Chinese numeral as a whole number, for counts: "五" 5, "十二" 12, "三十" 30."""
    return int(_chinese_value(run)[0])


def _largest_unit(run: str) -> int:
    """The largest unit written in a Chinese figure.

    >>> _largest_unit("1.2万亿"), _largest_unit("三十"), _largest_unit("400")
    (100000000, 10, 1)
    """
    units = {**W.SMALL_UNITS_ZH, **W.BIG_UNITS_ZH}
    return max((units[c] for c in run if c in units), default=1)


# --- from a figure to Money ------------------------------------------------------------------

def _money_at(text: str, i: int, floor: int) -> Money | None:
    """The money amount whose number starts at text[i], if there is one.

    `floor` is where the previous amount ended: nothing left of it belongs to this one. A
    number is tried as Chinese (units inside: 1.2万亿) and as English (scale words after it:
    1.2 trillion); the reading that covers more text wins.
    """
    readings = [_to_money(text, i, floor, _chinese_figure(text, i), chinese=True),
                _to_money(text, i, floor, _english_figure(text, i), chinese=False)]
    return max((m for m in readings if m), key=lambda m: m.end - m.start, default=None)


def _to_money(text: str, i: int, floor: int, figure: _Figure | None, chinese: bool) -> Money | None:
    if figure is None:
        return None
    start = i
    currency = figure.currency
    before = _word_before(_CUR_BEFORE_END, _CUR_BEFORE_LAST, text, max(floor, i - _LOOK_BACK), i)
    if before:
        currency = currency or _CURRENCY_BEFORE[_norm(before["w"])]
        start = before.start()
    if currency is None and not _may_be_implied(figure, chinese):
        return None                                # no currency, and too small to be yuan without one


    qualifier = figure.after
    word = _word_before(_QUAL_BEFORE_END, _QUAL_BEFORE_LAST, text, max(floor, start - _LOOK_BACK), start)
    if word and _norm(word["w"]) == "up to" and _SUM_VERB_END.search(text, max(floor, word.start() - 12),
                                                                     word.start()):
        word = None                                # "add up to 83.8 billion yuan" is the exact sum
    if word:
        qualifier = _QUALIFIER_BEFORE[_norm(word["w"])]
        start = word.start()
    elif figure.unit_first and start > floor and text[start - 1] in W.QUALIFIERS_BEFORE_UNIT_ZH:
        qualifier = W.QUALIFIERS_BEFORE_UNIT_ZH[text[start - 1]]
        start -= 1
    if figure.high is not None:
        between = _BETWEEN_END.search(text, max(floor, start - _LOOK_BACK), start)
        if between:
            start = between.start()
        qualifier = "at_least"
    qualifier = qualifier or ("at_least" if figure.more else "exact")

    implied = False
    if currency is None:
        if not _implied_yuan(text, start, figure, chinese):
            return None
        currency, implied = "CNY", True

    each = _is_each(text, start, figure.end, floor)
    return Money(
        value=float(figure.value), currency=currency, qualifier=qualifier, start=start,
        end=figure.end, text=text[start:figure.end], each=each, currency_implied=implied,
        high=float(figure.high) if figure.high is not None else None,
    )


def _may_be_implied(figure: _Figure, chinese: bool) -> bool:
    """Whether a figure is large enough for `_implied_yuan` to read it as yuan without a currency word
    (a quick test: most numbers in a text, years and counts, are not).

    >>> _may_be_implied(_Figure(end=0, value=Decimal(2020)), chinese=False)
    False
    >>> _may_be_implied(_Figure(end=0, value=Decimal(3e9), scale=10**8), chinese=True)
    True
    """
    return figure.scale >= (10**4 if chinese else 10**6)


def _implied_yuan(text: str, start: int, figure: _Figure, chinese: bool) -> bool:
    """Whether a figure with no currency word is still an amount in yuan.

    Chinese: a figure in 亿 is money unless a measure word follows ("268亿" yes, "1亿人" no);
    one in 万 only after a money word ("投资5000万"; "30万平方米" no).
    English: a figure in millions or more right after invest/investment/worth.
    """
    if chinese:
        if figure.scale < 10**4 or _NOT_MONEY_AFTER_ZH.match(text, figure.end):
            return False
        return figure.scale >= 10**8 or bool(_CONTEXT_ZH_END.search(text, max(0, start - 12), start))
    return figure.scale >= 10**6 and bool(_CONTEXT_EN_END.search(text, max(0, start - 40), start))


def _is_each(text: str, start: int, end: int, floor: int) -> bool:
    """Whether the clause says the figure is per item: "each involve", "均在", "单体投资", "... each"."""
    window = text[max(floor, start - 80):start]
    clause = _CLAUSE_BREAK.split(window)[-1]
    return bool(_EACH_BEFORE.search(clause) or _EACH_AFTER.match(text, end))


_RANGE_TO = re.compile(r"\s*(?:to|-|–|—|~|至|到)\s*$")


def _attach_alternatives(text: str, amounts: list[Money]) -> list[Money]:
    """Fold "RMB 5 billion ($7300 million)" into one Money whose `alt` is the bracketed figure;
    a bracketed range ("between 3 and 5 billion yuan (US$362 million to US$604 million)")
    is the alternative of a range: its low end becomes `alt`, its high end is dropped."""
    result: list[Money] = []
    skip = None
    for i, money in enumerate(amounts):
        if money is skip:
            continue
        if result:
            first = result[-1]
            if first.alt is None and (money.currency != first.currency or money.value != first.value) \
                    and _ALT_OPEN.match(text[first.end:money.start]):
                if _ALT_CLOSE.match(text, money.end):
                    result[-1] = replace(first, alt=money)
                    continue
                high = amounts[i + 1] if i + 1 < len(amounts) else None
                if (first.high is not None and high is not None and high.currency == money.currency
                        and _RANGE_TO.match(text[money.end:high.start]) and _ALT_CLOSE.match(text, high.end)):
                    result[-1] = replace(first, alt=money)
                    skip = high
                    continue
        result.append(money)
    return result


# --- public ----------------------------------------------------------------------------------

def find_amounts(text: str) -> list[Money]:
    """Every money amount in the text, in text order.

    >>> [(m.value, m.currency, m.qualifier) for m in find_amounts("共117个项目,总投资超过1.5万亿元")]
    [(1500000000000.0, 'CNY', 'at_least')]
    >>> money = find_amounts("a total investment of RMB 25.4 billion ($3.76 billion), focusing")[0]
    >>> money.text, money.alt.value, money.alt.currency
    ('RMB 25.4 billion', 3760000000.0, 'USD')
    """
    text = fold_case_twins(text)  # (a caller's text need not come from an article read by `articles`)
    found: list[Money] = []
    end = 0
    for start in _START.finditer(text):
        if start.start() < end:
            continue                                   # inside the amount just read
        money = _money_at(text, start.start(), floor=end)
        if money:
            end = money.end
            if money.value > 0:                        # "£0", "零元": no money put in
                found.append(money)
    return _attach_alternatives(text, found)


def parse_amount(text: str) -> Money | None:
    """The first money amount in the text, or None.

    >>> parse_amount("approx. 10 billion RMB")
    Money(value=10000000000.0, currency='CNY', qualifier='approx', start=0, end=22, text='approx. 10 billion RMB', alt=None, each=False, currency_implied=False, high=None)
    >>> parse_amount("400,000 square meters") is None
    True
    """
    amounts = find_amounts(text)
    return amounts[0] if amounts else None
