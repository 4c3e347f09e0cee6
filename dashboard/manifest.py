"""The sources manifest: a `sources.csv` beside article files that says where each came from.

Researchers keep their scraped texts beside a spreadsheet of their sources; ingest reads
that sheet when a folder has one and prefers its values to what the reader guesses from
the text. Columns (a header row; every column but `file` optional, empty cells mean
"not given"):

    file, url, title, publisher, published, language

`file` is an article's file name in the manifest's folder, `url` an http(s) address,
`published` a `YYYY-MM-DD` date, `language` `en` or `zh`. Whatever is wrong (a row for a
file that is not there, a file without a row, a bad date or address) becomes a `Problem`
with a message that says what was done instead; nothing else is lost: the article is
still read with the values guessed from its text.

No database here: parsing is a pure function of the manifest's bytes and the folder's
file names; `sources_for` does the reading for ingest.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from dashboard.articles import SUFFIXES, Article, http_url

MANIFEST_NAME = "sources.csv"
COLUMNS = ("file", "url", "title", "publisher", "published", "language")
META = COLUMNS[1:]          # what a row can say about an article
MAX_BYTES = 20_000_000      # a manifest of a million articles is ~200 MB; this is a folder's sheet
MAX_TEXT = 300              # a title or publisher longer than this is a pasted paragraph

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGES = {"en": "en", "english": "en", "英文": "en", "英语": "en",
              "zh": "zh", "chinese": "zh", "中文": "zh", "汉语": "zh"}


@dataclass(frozen=True)
class Source:
    """One manifest row: where one article came from. None means "not given"."""
    file: str
    line: int
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    language: str | None = None


@dataclass(frozen=True)
class Problem:
    """Something in a manifest that was not used as written; `file` is the article it is
    about (None when it is about the manifest as a whole)."""
    file: str | None
    message: str


@dataclass
class Manifest:
    name: str                                    # how messages name it, e.g. data/articles/sources.csv
    readable: bool = True                        # False when none of it could be read (one problem says why)
    sources: dict[str, Source] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


# --- values --------------------------------------------------------------------------------

def _date(value: str, today: date) -> date | None:
    if not _DATE.fullmatch(value):
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if date(1900, 1, 1) <= day <= today else None


def _language(value: str) -> str | None:
    """'en' or 'zh' from a code or name ('zh-CN', 'zh_Hans', 'English', '中文'); else None."""
    key = value.strip().lower()
    return _LANGUAGES.get(key) or _LANGUAGES.get(re.split(r"[-_]", key)[0])


def _text(value: str) -> str:
    return " ".join(value.split())


# --- parsing -------------------------------------------------------------------------------

def decode(raw: bytes) -> str | None:
    """The manifest's text: UTF-8 (with or without the BOM Excel writes), UTF-16 with a BOM
    (Excel's "Unicode text"), or GB18030/GBK (Excel on a Chinese system); None otherwise."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _dialect(first_line: str) -> str:
    """Comma, or the semicolon or tab a spreadsheet wrote instead when the header has no comma."""
    if "," in first_line:
        return ","
    return max(("\t", ";"), key=first_line.count) if ("\t" in first_line or ";" in first_line) else ","


def parse_manifest(raw: bytes, files: list[str] | set[str], name: str = MANIFEST_NAME,
                   today: date | None = None) -> Manifest:
    """Read a manifest's bytes against the names of the files in its folder.

    >>> m = parse_manifest(b"file,url\\na.txt,https://x.org/a\\nb.txt,javascript:go()\\n", {"a.txt", "b.txt"})
    >>> m.sources["a.txt"].url, m.sources["b.txt"].url
    ('https://x.org/a', None)
    >>> [p.message for p in m.problems]  # doctest: +NORMALIZE_WHITESPACE
    ["sources.csv line 3: url 'javascript:go()' is not an http(s) web address; the address
      guessed from the text is kept"]
    """
    today = today or date.today()
    m = Manifest(name=name)

    def problem(file: str | None, message: str) -> None:
        m.problems.append(Problem(file, f"{name}{message}"))

    def unreadable(message: str) -> Manifest:
        problem(None, message)
        m.readable = False
        return m

    if len(raw) > MAX_BYTES:
        return unreadable(f": too large for a sources manifest ({len(raw):,} bytes); not read, "
                          "every article keeps what its text gives")
    text = decode(raw)
    if text is None or "\x00" in text:
        return unreadable(": not UTF-8, UTF-16 or GB18030 text; not read, every article keeps what its text gives")
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        return unreadable(": empty; every article keeps what its text gives")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_dialect(lines[0]))
    try:
        header = [_text(h).lower() for h in next(reader)]
    except csv.Error as e:
        return unreadable(f" line 1: cannot be read as CSV ({e}); not read")
    if "file" not in header:
        return unreadable(f" line 1: no 'file' column (the header is {', '.join(header) or 'empty'}; expected "
                          f"{', '.join(COLUMNS)}); not read, every article keeps what its text gives")
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        problem(None, f" line 1: column{'s' * (len(unknown) > 1)} {', '.join(map(repr, unknown))} "
                      f"ignored (the manifest reads {', '.join(COLUMNS)})")
    doubled = sorted({h for h in header if h in COLUMNS and header.count(h) > 1})
    if doubled:
        problem(None, f" line 1: column{'s' * (len(doubled) > 1)} {', '.join(map(repr, doubled))} "
                      "given twice; the first is read")
    index = {h: header.index(h) for h in COLUMNS if h in header}

    by_folded = {f.casefold(): f for f in files}
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            problem(None, f" line {start}: cannot be read as CSV ({e}); the rest of the manifest is not read")
            break
        line, start = start, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        get = {h: (cells[i].strip() if i < len(cells) else "") for h, i in index.items()}
        where = f" line {line}"
        file = get["file"].replace("\\", "/").removeprefix("./")
        if not file:
            problem(None, f"{where}: no file name; row ignored")
            continue
        if len(cells) > len(header):
            problem(file, f"{where}: more cells than the header has columns; the extra cells are ignored")
        if "/" in file:
            problem(file, f"{where}: '{file}' is in another folder; a manifest describes the files in its own "
                          "folder (put a sources.csv there); row ignored")
            continue
        if file in m.sources:
            problem(file, f"{where}: {file} already has a row (line {m.sources[file].line}); this one is ignored")
            continue
        if Path(file).suffix.lower() not in SUFFIXES:
            problem(file, f"{where}: {file} is not an article file ({', '.join(SUFFIXES)}); row ignored")
            continue
        if file not in files:
            near = by_folded.get(file.casefold())
            hint = f" (did you mean {near}?)" if near else ""
            problem(file, f"{where}: {file} is not in this folder{hint}; row ignored")
            continue

        values: dict = {}
        if get.get("url"):
            values["url"] = http_url(get["url"])
            if values["url"] is None:
                problem(file, f"{where}: url {get['url'][:200]!r} is not an http(s) web address; "
                              "the address guessed from the text is kept")
        if get.get("published"):
            values["published"] = _date(get["published"], today)
            if values["published"] is None:
                problem(file, f"{where}: published {get['published'][:40]!r} is not a date YYYY-MM-DD between "
                              f"1900 and today; the date guessed from the text is kept")
        if get.get("language"):
            values["language"] = _language(get["language"])
            if values["language"] is None:
                problem(file, f"{where}: language {get['language'][:40]!r} is not en or zh; the language "
                              "guessed from the text is kept")
        for key in ("title", "publisher"):
            if get.get(key):
                values[key] = _text(get[key])
                if len(values[key]) > MAX_TEXT:
                    problem(file, f"{where}: {key} longer than {MAX_TEXT} characters; cut")
                    values[key] = values[key][:MAX_TEXT]
        m.sources[file] = Source(file=file, line=line, **{k: v for k, v in values.items() if v is not None})
    return m


def missing_rows(m: Manifest, files: list[str]) -> list[Problem]:
    """A problem for each of `files` (article file names of the manifest's folder) it has no row for
    (none when the manifest could not be read at all: its one problem says so)."""
    if not m.readable:
        return []
    return [Problem(f, f"{m.name}: no row for {f}; its title, date and publisher are guessed from its text")
            for f in files if f not in m.sources]


def apply(article: Article, source: Source | None) -> Article:
    """The article with the manifest's values in place of the guessed ones."""
    if source is None:
        return article
    given = {k: getattr(source, k) for k in META if getattr(source, k) is not None}
    return replace(article, **given) if given else article


# --- reading, for ingest -------------------------------------------------------------------

def sources_for(files: list[Path]) -> tuple[dict[Path, Source], list[Problem]]:
    """The manifest row of each article file, from the sources.csv of its folder, and every
    problem those manifests have (a file without a row only among `files`)."""
    found: dict[Path, Source] = {}
    problems: list[Problem] = []
    by_folder: dict[Path, list[Path]] = {}
    for f in files:
        by_folder.setdefault(f.parent, []).append(f)
    for folder, members in by_folder.items():
        path = folder / MANIFEST_NAME
        if not path.is_file():
            continue
        try:
            raw = path.read_bytes()
        except OSError as e:
            problems.append(Problem(None, f"{path}: cannot be read ({e.strerror or e}); "
                                          "every article keeps what its text gives"))
            continue
        on_disk = {p.name for p in folder.iterdir() if p.is_file() and p.name != MANIFEST_NAME}
        m = parse_manifest(raw, on_disk, name=str(path))
        problems.extend(m.problems)
        problems.extend(missing_rows(m, [f.name for f in members]))
        found.update({f: m.sources[f.name] for f in members if f.name in m.sources})
    return found, problems
