"""People's corrections of extracted records: what may be corrected, how a value is
checked, and the log file that keeps every correction.

The log (JSON Lines, one correction a line, only ever appended to) is the record of
people's work. The database holds a copy of it that `store` reloads at every ingest
and applies over the extracted values, so corrections survive re-extraction, a new
extractor and even a database rebuilt from nothing. A correction names its record by
the record's article, its evidence sentence and its place among that sentence's
records (`nth`), never by a record id, which a new extractor may renumber.

No database here: `store` resolves records and writes; this module checks and logs.
"""
from __future__ import annotations

import fcntl
import json
import math
import os
import re
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from dashboard.contract import KINDS, QUALIFIERS, SECTORS, STATUSES, SUBSECTORS
# Fields a person may correct: the record's own ones, and two that are about the record
# as a whole: `not_a_deal` (true: it adds nothing to totals) and `same_deal_as` (the
# record it repeats; both then count once, as that one).
TEXT_FIELDS = ("project", "city", "province", "district", "park", "currency")
LIST_FIELDS = ("investors", "partners")
NUMBER_FIELDS = ("amount", "amount_cny")
CHOICE_FIELDS = {"kind": KINDS, "sector": SECTORS, "subsector": SUBSECTORS, "status": STATUSES,
                 "qualifier": QUALIFIERS}
REFERENCE_FIELDS = ("part_of", "same_deal_as")   # their value is another record
FIELDS = (*TEXT_FIELDS, *LIST_FIELDS, *NUMBER_FIELDS, *CHOICE_FIELDS, "date", "n_projects",
          *REFERENCE_FIELDS, "not_a_deal")
MAX_NOTE = 2000
MAX_VALUE = 500
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")


class CorrectionError(ValueError):
    """A correction that cannot be accepted; the message says why."""


@dataclass(frozen=True)
class Key:
    """Which record a correction is about, in terms that survive re-extraction."""
    article_id: str
    evidence: str       # the evidence sentence, whitespace collapsed (store.evidence_key)
    nth: int            # 1 for the first record of that sentence in article order, 2 for the next…


@dataclass(frozen=True)
class Correction:
    key: Key
    field: str
    value: str | None             # as text; a list as a JSON array; a reference as the target's record id
    old: str | None               # the value in force when the correction was made
    author: str
    at: datetime
    note: str
    record_id: str                # the record's id when it was made (shown; never used to match)
    target: Key | None = None     # for part_of and same_deal_as: the other record

    def to_json(self) -> str:
        d = asdict(self)
        d["at"] = self.at.isoformat(timespec="seconds")
        return json.dumps(d, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, d: dict) -> "Correction":
        target = d.get("target")
        return cls(key=Key(**d["key"]), field=d["field"], value=d.get("value"), old=d.get("old"),
                   author=d["author"], at=datetime.fromisoformat(d["at"]), note=d.get("note") or "",
                   record_id=d.get("record_id") or "", target=Key(**target) if target else None)


@dataclass
class Change:
    """One correction asked for: a record (by its id today), a field and a new value."""
    record_id: str
    field: str
    value: object
    note: str = ""
    author: str = ""


def changes(record: dict, wanted: dict) -> list[Change]:
    """The changes a form asks for: the fields of `wanted` whose value differs from the
    record's (compared as the log writes them, so "5e9" and 5000000000.0 are the same).

    >>> [c.field for c in changes({"record_id": "x:a1", "city": "Hefei", "amount": 5e9, "investors": ["NIO"]},
    ...                           {"city": "Hefei", "amount": "5e9", "investors": "NIO, Tencent"})]
    ['investors']
    """
    out = []
    for name, value in wanted.items():
        try:
            same = check_value(name, value) == check_value(name, _plain(record.get(name)))
        except CorrectionError:
            same = False  # the new value is refused later with its reason; an odd old value changes
        if not same:
            out.append(Change(record["record_id"], name, value))
    return out


def _plain(value):
    """A database value as a form gives it: numpy arrays as lists, missing values as None."""
    if value is None or isinstance(value, (str, list, bool)):
        return value
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def check_value(field: str, value) -> str | None:
    """A corrected value as the text the log keeps; CorrectionError when it is not one.
    An empty value clears the field (for `same_deal_as` and `part_of`: undoes the link).

    >>> check_value("amount", "1.5e9"), check_value("investors", "Tencent, BOE"), check_value("city", " ")
    ('1500000000.0', '["Tencent", "BOE"]', None)
    >>> check_value("not_a_deal", "yes")
    'true'
    """
    if field not in FIELDS:
        raise CorrectionError(f"{field!r} is not a field that can be corrected; use one of {', '.join(FIELDS)}")
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "" or value == []:
        if field == "not_a_deal":
            raise CorrectionError("not_a_deal takes true or false")
        return None
    if field in LIST_FIELDS:
        names = value if isinstance(value, list) else _split_names(str(value))
        names = [str(n).strip() for n in names if str(n).strip()]
        if any(len(n) > MAX_VALUE for n in names):
            raise CorrectionError(f"{field}: a name longer than {MAX_VALUE} characters")
        return json.dumps(names, ensure_ascii=False) if names else None
    value = str(value)
    if len(value) > MAX_VALUE:
        raise CorrectionError(f"{field}: longer than {MAX_VALUE} characters")
    if field in NUMBER_FIELDS:
        try:
            number = float(value.replace(",", ""))
        except ValueError:
            raise CorrectionError(f"{field}: {value!r} is not a number (write 1500000000 or 1.5e9)") from None
        if not math.isfinite(number) or number < 0:
            raise CorrectionError(f"{field}: {value!r} is not an amount (a number of zero or more)")
        return repr(number)
    if field in CHOICE_FIELDS:
        if value not in CHOICE_FIELDS[field]:
            raise CorrectionError(f"{field}: {value!r} is not one of {', '.join(CHOICE_FIELDS[field])}")
        return value
    if field == "date":
        if not _DATE.fullmatch(value):
            raise CorrectionError(f"date: {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return value
    if field == "n_projects":
        if not (value.isascii() and value.isdigit() and int(value) < 2**31):
            raise CorrectionError(f"n_projects: {value!r} is not a count")
        return str(int(value))
    if field == "not_a_deal":
        if value.lower() in _TRUE:
            return "true"
        if value.lower() in _FALSE:
            return "false"
        raise CorrectionError(f"not_a_deal: {value!r} is not true or false")
    return value  # text and reference fields (a reference is checked against the database by store)


def _split_names(text: str) -> list[str]:
    """A JSON array, else names separated by commas, semicolons or new lines."""
    if text.startswith("["):
        try:
            names = json.loads(text)
        except ValueError:
            raise CorrectionError(f"{text!r} is neither a JSON list nor names separated by commas") from None
        if isinstance(names, list) and all(isinstance(n, str) for n in names):
            return names
        raise CorrectionError(f"{text!r} should be a list of names")
    return re.split(r"[,;\n]", text)


def check_who_and_why(author: str, note: str) -> tuple[str, str]:
    author, note = (author or "").strip(), (note or "").strip()
    if not author:
        raise CorrectionError("a correction needs its author")
    if not note:
        raise CorrectionError("a correction needs a note saying why (the source, or what is wrong)")
    if len(note) > MAX_NOTE or len(author) > MAX_VALUE:
        raise CorrectionError(f"the note is longer than {MAX_NOTE} characters")
    return author, note


# --- the log -----------------------------------------------------------------------------

def log_path(db: str) -> Path:
    """$DASHBOARD_CORRECTIONS, else beside a database file (data/deals.duckdb ->
    data/deals.corrections.jsonl), else data/corrections.jsonl of the repository."""
    if os.environ.get("DASHBOARD_CORRECTIONS"):
        return Path(os.environ["DASHBOARD_CORRECTIONS"])
    if db and db != ":memory:" and not db.startswith(("md:", "motherduck:")):
        p = Path(db)
        return p.with_name(f"{p.stem}.corrections.jsonl")
    return Path(__file__).resolve().parent.parent / "data" / "corrections.jsonl"


def read_log(path: str | Path) -> list[Correction]:
    """Every correction of the log, oldest first; CorrectionError names a damaged line."""
    path = Path(path)
    if not path.exists():
        return []
    out = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                out.append(Correction.from_dict(json.loads(line)))
            except (ValueError, KeyError, TypeError) as e:
                raise CorrectionError(f"{path}, line {i}: not a correction ({type(e).__name__}: {e}); "
                                      f"fix or remove that line") from None
    return out


def append_log(path: str | Path, corrections: list[Correction]) -> None:
    """Add corrections at the end of the log, all lines in one write, flushed to disk."""
    if not corrections:
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(c.to_json() + "\n" for c in corrections)
    with open(path, "a", encoding="utf-8") as f:
        fcntl.flock(f, fcntl.LOCK_EX)  # two writers never interleave their lines
        try:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def history(log: list[Correction], key: Key) -> list[Correction]:
    """A record's corrections, newest first."""
    return sorted((c for c in reversed(log) if c.key == key), key=lambda c: c.at, reverse=True)
