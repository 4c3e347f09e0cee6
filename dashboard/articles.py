"""Read article files (.txt, .md, .html; UTF-8 or GB18030/GBK) into `Article` values.

The first step of the one-way flow: read -> extract -> ingest -> query -> page.
Reading never raises anything but `ArticleError`, whose message names the file
and the reason, so one bad file never stops a whole run.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
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


def article_files(paths: list[str | Path]) -> list[Path]:
    """Expand files and folders into the article files they hold, in name order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            out.append(p)
    return out


def read_article(path: str | Path) -> Article:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a folder, not a file") from None
    except OSError as e:
        raise ArticleError(f"{path}: cannot be read ({e.strerror or e})") from None
    return parse_article(raw, path.name)


def parse_article(raw: bytes, file_name: str) -> Article:
    """Decode and clean one article's bytes.

    >>> a = parse_article("Title of a story here\\n发布日期:2021-08-09\\nBody.".encode(), "x.txt")
    >>> a.title, str(a.published), a.language
    ('Title of a story here', '2021-08-09', 'en')
    """
    suffix = Path(file_name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleError(f"{file_name}: not an article file (expected {', '.join(SUFFIXES)})")
    if len(raw) > MAX_BYTES:
        raise ArticleError(f"{file_name}: too large for an article ({len(raw):,} bytes)")
    if b"\x00" in raw[:4096]:
        raise ArticleError(f"{file_name}: binary data, not text")
    text = _decode(raw, file_name)
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


def _decode(raw: bytes, file_name: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ArticleError(f"{file_name}: not UTF-8 or GB18030/GBK text")


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\u3000", "  ")
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
_DATEISH = re.compile(r"\d{4}[-./年]\d{1,2}|^(updated|post time|time|发布日期|来源)\b", re.I)


def guess_title(text: str) -> str | None:
    """The first line near the top that reads like a headline, not navigation or a dateline."""
    for line in [ln.strip(" •\t") for ln in text.split("\n") if ln.strip()][:8]:
        if _NAV.search(line) or _DATEISH.search(line) or line.count("|") >= 1:
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
