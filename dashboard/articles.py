"""Read article files (.txt, .md, .html; UTF-8, UTF-16, GB18030/GBK or Big5) into `Article` values.

The first step of the one-way flow: read -> extract -> ingest -> query -> page.
Reading never raises anything but `ArticleError`, whose message names the file
and the reason, so one bad file never stops a whole run.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from dashboard.datelines import header_date

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 5_000_000  # a news article is a few KB; anything this large is not one


class ArticleError(Exception):
    """A file that cannot be read as an article; the message says why."""


@dataclass(frozen=True)
class Article:
    article_id: str      # hash of the clean text: the same article twice is one article
    file_name: str       # base name, as the extraction contract names articles
    title: str
    published: date | None
    language: str        # "en" or "zh"
    text: str            # clean text; evidence offsets point into it
    url: str | None = None
    publisher: str | None = None


@dataclass
class Scan:
    """What a walk over files and folders found: article files, in name order, and every
    other path it met, with why it was not read (a log row each, never a silent skip)."""
    files: list[Path] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)   # (path as given below its root, reason)


def scan(paths: list[str | Path]) -> Scan:
    """Expand files and folders into the article files they hold.

    Symbolic links are followed, but a folder already visited (a link loop) is not
    walked again; unreadable folders, hidden entries (".git", ".DS_Store") and files
    of other kinds are listed in `ignored` with the reason.
    """
    out = Scan()
    seen: set[tuple[int, int]] = set()
    for p in map(Path, paths):
        if p.is_dir():
            _walk(p, p.name or str(p), out, seen)
        else:
            out.files.append(p)  # read_article says what is wrong with it, if anything
    return out


def _walk(folder: Path, shown: str, out: Scan, seen: set[tuple[int, int]]) -> None:
    try:
        st = folder.stat()
        key = (st.st_dev, st.st_ino)
        if key in seen:
            out.ignored.append((shown, "a folder already read (a symbolic link loops back to it)"))
            return
        seen.add(key)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        out.ignored.append((shown, f"folder cannot be read ({e.strerror or type(e).__name__})"))
        return
    files, folders = [], []
    for entry in entries:
        name = f"{shown}/{entry.name}"
        if entry.name.startswith("."):
            out.ignored.append((name, "hidden, not read"))
            continue
        try:
            is_dir = entry.is_dir()          # follows links
            is_file = not is_dir and entry.is_file()
        except OSError as e:
            out.ignored.append((name, f"cannot be read ({e.strerror or type(e).__name__})"))
            continue
        if is_dir:
            if Path(entry.name).suffix.lower() in SUFFIXES:
                out.ignored.append((name, "a folder named like an article file; read as a folder"))
            folders.append((Path(entry.path), name))
        elif not is_file:
            why = "a broken symbolic link" if entry.is_symlink() else "not a regular file"
            out.ignored.append((name, why))
        elif Path(entry.name).suffix.lower() not in SUFFIXES:
            out.ignored.append((name, f"not an article file (expected {', '.join(SUFFIXES)})"))
        else:
            files.append(Path(entry.path))
    out.files.extend(files)
    for path, name in folders:
        _walk(path, name, out, seen)


def article_files(paths: list[str | Path]) -> list[Path]:
    """The article files that files and folders hold (see `scan` for what is left out)."""
    return scan(paths).files


def read_article(path: str | Path, max_bytes: int = MAX_BYTES) -> Article:
    """Read one file (no more than `max_bytes` of it) as an article."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            raw = f.read(max_bytes + 1)  # a huge file is never read whole
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a folder, not a file") from None
    except OSError as e:
        raise ArticleError(f"{path}: cannot be read ({e.strerror or e})") from None
    return parse_article(raw, path.name, max_bytes)


def parse_article(raw: bytes, file_name: str, max_bytes: int = MAX_BYTES) -> Article:
    """Decode and clean one article's bytes.

    >>> a = parse_article("Title of a story here\\n发布日期:2021-08-09\\nBody.".encode(), "x.txt")
    >>> a.title, str(a.published), a.language
    ('Title of a story here', '2021-08-09', 'en')
    """
    suffix = Path(file_name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleError(f"{file_name}: not an article file (expected {', '.join(SUFFIXES)})")
    if len(raw) > max_bytes:
        raise ArticleError(f"{file_name}: too large for an article (over {max_bytes:,} bytes, "
                           f"the size budget)")
    text = _clean_controls(decode(raw, file_name))
    url = publisher = meta_title = None
    if suffix in (".html", ".htm") or re.match(r"\s*<(!doctype|html)", text, re.I):
        text, meta_title, url, publisher = _html_to_text(text)
    text = _clean(text)
    if not text.strip():
        raise ArticleError(f"{file_name}: empty (no text to read)")
    return Article(
        article_id=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        file_name=file_name,
        title=meta_title or guess_title(text) or Path(file_name).stem,
        published=header_date(text),
        language=language_of(text),
        text=text,
        url=http_url(url) or guess_url(text),
        publisher=publisher or guess_publisher(text),
    )


BOMS = (  # longest first: the UTF-32 LE mark starts with UTF-16 LE's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
MAGIC = {b"%PDF": "a PDF", b"PK\x03\x04": "a ZIP or Office file", b"\x89PNG": "a PNG image",
         b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"\x1f\x8b": "gzip data",
         b"\x7fELF": "a program", b"\xd0\xcf\x11\xe0": "an old Office file", b"SQLite format": "a database",
         b"DUCK": "a database"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
# What a label names, as the widest codec that reads it: GBK and GB2312 pages use GB18030's
# characters, Big5 pages often HKSCS or Microsoft's additions.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs",
          "ascii": "utf-8", "latin-1": "utf-8", "iso8859-1": "utf-8", "cp1252": "utf-8"}
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufeff\ufffe\uffff]")


def decode(raw: bytes, file_name: str = "file") -> str:
    """The text of an article's bytes, in the first of these that fits: a byte-order mark
    (UTF-8, UTF-16, UTF-32), an HTML <meta charset>, UTF-8, then GB18030 or Big5, whichever
    reads as more common Chinese. Binary data raises ArticleError with what it looks like.

    >>> decode("深圳投資".encode("big5")), decode("深圳投资".encode("gbk")), decode(b"\\xff\\xfeh\\x00i\\x00")
    ('深圳投資', '深圳投资', 'hi')
    """
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise ArticleError(f"{file_name}: starts with a {encoding.upper()} mark but is not "
                                   f"{encoding.upper()} text") from None
    for magic, what in MAGIC.items():
        if raw.startswith(magic):
            raise ArticleError(f"{file_name}: binary data ({what}), not text")
    utf16 = _bomless_utf16(raw)
    if utf16:
        return utf16
    head = raw[:65536]
    controls = sum(head.count(bytes([b])) for b in (*range(0, 9), 11, *range(14, 32)))
    if controls > max(8, len(head) // 20):   # text has a few stray ones at most
        raise ArticleError(f"{file_name}: binary data, not text ({controls:,} control bytes "
                           f"in the first {len(head):,})")
    m = _META_CHARSET.search(raw[:4096])
    if m:
        label = m.group(1).decode("ascii").lower()
        try:
            encoding = codecs.lookup(label).name
            return raw.decode(_WIDER.get(encoding, encoding))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: the bytes decide, as below
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    readings = []
    for encoding in ("gb18030", "big5hkscs"):
        try:
            readings.append(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    if readings:
        return max(readings, key=_common_share)  # first (GB18030) on a tie
    raise ArticleError(f"{file_name}: not UTF-8, UTF-16, GB18030/GBK or Big5 text")


def _bomless_utf16(raw: bytes) -> str | None:
    """UTF-16 without a mark: ASCII-range text leaves a zero in every other byte."""
    n = min(len(raw), 4096) // 2 * 2
    if n < 8:
        return None
    even, odd = raw[0:n:2].count(0), raw[1:n:2].count(0)
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros > n // 4 and other <= n // 100:
            try:
                return raw[: len(raw) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _common_chars() -> frozenset[str]:
    """Characters that Chinese news is made of, in either script: the GB2312 hanzi
    (simplified, 6,763) and Big5's first level (traditional, 5,401 most used), with CJK
    and full-width punctuation. A wrong reading of the other encoding's bytes gives kana,
    Greek, box drawing, private-use characters and rare hanzi instead."""
    chars = set()
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for lead in range(0xA4, 0xC7):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            try:
                chars.add(bytes([lead, trail]).decode("big5"))
            except UnicodeDecodeError:
                pass
    chars.update(map(chr, range(0x3000, 0x3040)))   # 、。「」《》
    chars.update(map(chr, range(0xFF01, 0xFF5F)))   # ，：（）０-９
    chars.update("“”‘’—…·")
    return frozenset(chars)


_COMMON: frozenset[str] | None = None


def _common_share(text: str) -> float:
    global _COMMON
    if _COMMON is None:
        _COMMON = _common_chars()
    wide = [c for c in text if ord(c) > 0x7F]
    return sum(c in _COMMON for c in wide) / len(wide) if wide else 1.0


def _clean_controls(text: str) -> str:
    """Stray NULs and other control characters (a scraper's leftovers) removed; a form
    feed or vertical tab ends a line."""
    return _CONTROLS.sub("", text.replace("\f", "\n").replace("\v", "\n"))


# Letters that case-blind matching takes for ASCII ones ("ſeven" matches "seven", the Kelvin sign "k", dotless
# "ı" "i"), mapped one to one so offsets stay those of the text; a word found by a pattern is then in its table.
_CASE_TWINS = str.maketrans({"\u017f": "s", "\u212a": "K", "\u0130": "I", "\u0131": "i", "\u212b": "\u00c5"})
_HAS_TWIN = re.compile("[\u017f\u212a\u0130\u0131\u212b]")


def fold_case_twins(text: str) -> str:
    """text with those letters read as the ASCII ones (the same text, at C speed, when it has none)."""
    return text.translate(_CASE_TWINS) if _HAS_TWIN.search(text) else text


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\u3000", "  ")
    text = fold_case_twins(text)  # "ſeven" read as "seven": every word table is looked up in plain ASCII
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def language_of(text: str) -> str:
    """'zh' when Chinese characters outnumber Latin letters a third of the way, else 'en'.

    >>> language_of("合肥8个重大产业项目"), language_of("Chengdu signs 25 projects")
    ('zh', 'en')
    """
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "zh" if cjk and cjk * 3 >= latin else "en"


_NAV = re.compile(r"""
    (\s>\s)                         # breadcrumbs: Home > News > ...
  | skip\ to\ content
  | ^contact\ us
  | ^(home|news|print|share)\b.*\|  # menu bars
  | 【.*】                           # 【大字 小字】 font-size widgets
  | ^[\w.-]+\.(com|cn|net|org)(\.cn)?$   # a bare site name
""", re.I | re.X)
# A date line ("2024-09-08", "2019年5月"), not a headline's figure ("计划投资1100.4亿元", "2019.5亿元").
_DATEISH = re.compile(r"(?<!\d)(?:19|20)\d\d[-./年](?:0?[1-9]|1[0-2])(?![\d.]*\s*(?:亿|万|billion|million))"
                      r"|^(updated|post time|time|发布日期|来源)\b", re.I)


def _dateline_only(line: str) -> bool:
    """A line that is a date (and perhaps a label, a time or a source), not a headline that names a date
    ("南阳举行2022年3·28项目签约和建设推进日活动").

    >>> [_dateline_only(x) for x in ("2020年7月", "发布时间：2020年7月21日 10:08", "Updated: 2021-05-12",
    ...     "人民日报  2022年06月08日  星期三  第02版:要闻", "Foshan China 2023-01-31 09:48", "南阳举行2022年3·28项目签约活动",
    ...     "Zone Gathers Fruitful Results at Beijing Investment Promotion Conference 2018-08-08", "日期2021年8月9日 来源：新华网")]
    [True, True, True, True, True, False, False, True]
    """
    m = _DATEISH.search(line)
    if not m:
        return False
    if m.start() > 0 and re.match(r"[\u4e00-\u9fff]", line[m.start() - 1]) \
            and not re.search(r"(?:日期|时间|時間|发布|發布|更新|本报|本報|来源|來源)[:：]?\s*$", line[:m.start()]):
        return False  # the date runs on in the headline's words ("…举行2022年3·28项目签约…")
    words = re.findall(r"[A-Za-z]{2,}", _DATEISH.sub("", line))
    return len(words) < 6  # (not "Caofeidian Zone Gathers Fruitful Results at … Conference 2018-08-08")


def guess_title(text: str) -> str | None:
    """The first line near the top that reads like a headline, not navigation or a dateline."""
    for line in [ln.strip(" •\t") for ln in text.split("\n") if ln.strip()][:8]:
        if _NAV.search(line) or _dateline_only(line) or line.count("|") >= 1:
            continue
        words = len(line.split())
        cjk = len(re.findall(r"[\u4e00-\u9fff]", line))
        if words >= 4 or cjk >= 8:
            return re.sub(r"(?<=[a-z])Print$", "", line)[:300]
    return None


_PUBLISHER = [
    re.compile(r"来源[:：]\s*([^\s|]+)"),
    re.compile(r"^\s*Article\s*\|\s*([^·|\n]+?)\s*(?:·|\||$)", re.M),
    re.compile(r"\bSource:\s*([^|\n]+?)\s*(?:\||$)", re.M),
    re.compile(r"\bAuthor:\s*([^·|\n]+?)\s*(?:·|\||\s{2,}|$)", re.M),
    re.compile(r"\(([A-Z][\w ]+Daily)\)"),
    re.compile(r"Presented by ([^.\n]+)\."),
    re.compile(r"Copyright\s*©?\s*(?:\d{4}(?:\s*-\s*\d{4})?\.?\s*)?([A-Z][^.\n]+?)\.?\s*All rights", re.I),
    re.compile(r"^([\u4e00-\u9fff]{2,8}(?:报|网|社))\s", re.M),
]


_SITE_LINE = re.compile(r"""^\s*(?:
    (?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|gov)(?:\.cn)?)\s*$   # govt.chinadaily.com.cn
  | (?P<brand>[A-Z][A-Za-z0-9&.-]{2,30})\s*(?:\||$)                            # "TechNode", "KiteRocket | ..."
)""", re.X)
_BY_SITE = re.compile(r"\bBy\s*\(\s*([a-z0-9.-]+\.[a-z]{2,})\s*\)", re.I)
_GENERIC = {"press", "news", "home", "center", "centre", "contact", "menu", "print", "share", "updated", "industry"}


def guess_publisher(text: str) -> str | None:
    """Who published the article: a "来源:"/"Source:"/"Author:" line, a copyright line, or the site's name
    standing alone on the first line."""
    for pattern in _PUBLISHER:
        m = pattern.search(text)
        if m:
            name = m.group(1).strip(" :：,")
            if 1 < len(name) <= 80 and not re.match(r"https?://", name, re.I):  # an address is not a name
                return name
    m = _BY_SITE.search(text[:800])
    if m:
        return m.group(1)
    first = next((line for line in text.split("\n") if line.strip()), "")
    m = _SITE_LINE.match(first)
    if m and (m.group("domain") or m.group("brand").lower() not in _GENERIC):
        return m.group("domain") or m.group("brand")
    return None


def http_url(value: str | None) -> str | None:
    """The address when it is a web address a reader can safely open, else None.

    >>> http_url(" https://example.com/a?b=1 "), http_url("javascript:alert(1)"), http_url("example.com")
    ('https://example.com/a?b=1', None, None)
    >>> http_url("http://exa mple.com/"), http_url("https://"), http_url("HTTP://Example.com")
    (None, None, 'HTTP://Example.com')
    """
    text = (value or "").strip()
    if not text or len(text) > 2000 or re.search(r"[\s\x00-\x1f\x7f<>\"]", text):
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # e.g. an unclosed [ipv6 bracket
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return text


# An address the article gives for itself: "Source: http…", "original link: http…", "原文链接：http…".
_OWN_URL = re.compile(r"""
    (?:original\s+(?:link|url|article)|source(?:\s+(?:link|url))?|url|link
      |原文链接|原文地址|本文链接|原文|来源|链接|網址|网址|原文連結)
    \s*[:：]\s*
    (https?://[^\s<>"'，。；、）)\]]+)      # up to a space or a closing mark
""", re.I | re.X)


def guess_url(text: str) -> str | None:
    """The address a labelled line of the text gives for the article itself (a bare address
    anywhere in the text may be anything, so it is not taken).

    >>> guess_url("Body.\\nThis article is the original, original link: https://a.com/p/44 , please cite")
    'https://a.com/p/44'
    >>> guess_url("See https://b.com for more"), guess_url("来源：https://c.cn/x.html。")
    (None, 'https://c.cn/x.html')
    """
    for m in _OWN_URL.finditer(text):
        url = http_url(m.group(1).rstrip(".,;:!?"))
        if url:
            return url
    return None


class _TextOfHtml(HTMLParser):
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header", "footer"}
    _SKIP = {"script", "style", "noscript", "template", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag in self._SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key and a.get("content"):
                self.meta[key] = a["content"]
        elif tag == "link" and a.get("rel") == "canonical":
            self.meta.setdefault("canonical", a.get("href", ""))
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def _html_to_text(source: str) -> tuple[str, str | None, str | None, str | None]:
    parser = _TextOfHtml()
    parser.feed(source)
    parser.close()
    body = re.sub(r"[ \t]+", " ", "".join(parser.parts))  # the parser already turned entities into text
    body = re.sub(r" *\n *", "\n", body)
    title = (parser.meta.get("og:title") or parser.title).strip() or None
    url = parser.meta.get("og:url") or parser.meta.get("canonical") or None
    publisher = parser.meta.get("og:site_name") or None
    return body, title, url, publisher
