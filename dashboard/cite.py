"""Citing and exporting a view: the citation (plain text and BibTeX) and the filtered
records as CSV, Excel and Parquet files, each row with its article and evidence.

Pure functions: values and DataFrames in, text or bytes out; no Streamlit, no database.
Where the citation goes in each file (README, "Cite and export"):
- Excel: a second sheet, "citation", after the "records" sheet (tools read the first);
- Parquet: the file's key-value metadata (`citation`, `bibtex`, `url`, `filters`,
  `dataset_version`, `accessed`), which pyarrow, pandas, DuckDB and R's arrow read back;
- CSV: nothing but the header and the rows, so every tool opens it as it is; the file's
  name carries the dataset version and access date, and the citation is copied from the
  app beside the download.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

TITLE = "Tech investment in China's regions"

# The export's columns in the order a researcher reads them: the record, then where it came from.
EXPORT_COLUMNS = {
    "record_id": "record_id", "kind": "kind", "project": "project", "investors": "investors",
    "partners": "partners", "city": "city", "province": "province", "district": "district", "park": "park",
    "sector": "sector", "subsector": "subsector", "amount": "amount", "currency": "currency",
    "amount_cny": "amount_cny", "qualifier": "qualifier", "date": "date", "status": "status",
    "contribution": "adds_to_total_cny", "n_sources": "n_sources", "repeat_of": "repeat_of",
    "part_of": "part_of", "n_projects": "n_projects", "corrected": "corrected", "not_a_deal": "not_a_deal",
    "flags": "flags", "evidence": "evidence", "title": "article_title", "publisher": "publisher",
    "published": "published", "url": "original_url", "file_name": "file_name", "article_id": "article_id",
}
LIST_COLUMNS = ("investors", "partners", "flags")
EXCEL_MAX_RECORDS = 1_048_575  # a sheet's 1,048,576 rows, less the header


@dataclass(frozen=True)
class Citation:
    url: str                 # the view's full address, filters included
    caption: str             # the filters in words ("city is Chengdu; sector is …")
    version: str | None      # short hash of the database content (None: not recorded)
    built_at: datetime | None
    accessed: date
    records: int

    @property
    def version_text(self) -> str:
        if not self.version:
            return "version not recorded (database built before versions were kept)"
        built = f", built {self.built_at:%Y-%m-%d %H:%M} UTC" if self.built_at else ""
        return f"version {self.version}{built}"

    def plain(self) -> str:
        """
        >>> c = Citation("http://x/map?city=Harbin", "city is Harbin", "1a2b3c4d5e6f",
        ...              datetime(2026, 12, 7, 6, 59), date(2026, 12, 8), 7)
        >>> print(c.plain())
        Tech investment in China's regions: city is Harbin (7 records). Dataset version 1a2b3c4d5e6f, built 2026-12-07 06:59 UTC. http://x/map?city=Harbin (accessed 2026-12-08).
        """
        n = f"{self.records:,} record{'s' * (self.records != 1)}"
        return (f"{TITLE}: {self.caption} ({n}). Dataset {self.version_text}. "
                f"{self.url} (accessed {self.accessed.isoformat()}).")

    def bibtex(self) -> str:
        r"""
        >>> c = Citation("http://x/?city=Harbin&sector=New%20energy", "city is Harbin; sector is New energy",
        ...              "1a2b3c4d5e6f", None, date(2026, 12, 8), 7)
        >>> print(c.bibtex())
        @misc{china_tech_investment_1a2b3c4d5e6f_20261208,
          title = {{Tech investment in China's regions}: city is Harbin; sector is New energy},
          howpublished = {\url{http://x/?city=Harbin\&sector=New\%20energy}},
          note = {Dataset version 1a2b3c4d5e6f; 7 records; accessed 2026-12-08},
          year = {2026},
          urldate = {2026-12-08}
        }
        """
        key = f"china_tech_investment_{self.version or 'unversioned'}_{self.accessed:%Y%m%d}"
        n = f"{self.records:,} record{'s' * (self.records != 1)}"
        return "\n".join([
            f"@misc{{{key},",
            f"  title = {{{{{TITLE}}}: {_tex(self.caption)}}},",
            f"  howpublished = {{\\url{{{_tex_url(self.url)}}}}},",
            f"  note = {{Dataset {_tex(self.version_text)}; {n}; accessed {self.accessed.isoformat()}}},",
            f"  year = {{{self.accessed.year}}},",
            f"  urldate = {{{self.accessed.isoformat()}}}",
            "}"])

    def metadata(self) -> dict[str, str]:
        return {"citation": self.plain(), "bibtex": self.bibtex(), "url": self.url, "filters": self.caption,
                "dataset_version": self.version or "", "dataset_built_at": str(self.built_at or ""),
                "accessed": self.accessed.isoformat()}


_TEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
        "_": r"\_", "$": r"\$", "^": r"\^{}", "~": r"\~{}"}


def _tex(text: str) -> str:
    r"""Text safe inside a BibTeX field.

    >>> _tex("50% of R&D_x {y}")
    '50\\% of R\\&D\\_x \\{y\\}'
    """
    return re.sub(r"[\\{}%&#_$^~]", lambda m: _TEX[m.group()], str(text))


def _tex_url(url: str) -> str:
    """A URL inside \\url{}: only the characters LaTeX still reads there are escaped."""
    return re.sub(r"[%#&{}\\]", lambda m: "\\" + m.group(), url)


# --- the records ---------------------------------------------------------------------------

def export_table(records: pd.DataFrame) -> pd.DataFrame:
    """The query's export rows with the export's column names and order."""
    return records[[c for c in EXPORT_COLUMNS if c in records]].rename(columns=EXPORT_COLUMNS)


def _flat(df: pd.DataFrame) -> pd.DataFrame:
    """Lists as '; '-joined text, for formats that have no list type."""
    out = df.copy()
    for c in LIST_COLUMNS:
        if c in out:
            out[c] = ["; ".join(str(x) for x in v) if isinstance(v, (list, tuple)) else "" for v in out[c]]
    return out


def to_csv(df: pd.DataFrame) -> bytes:
    """RFC 4180 CSV in UTF-8 (no byte-order mark: pandas, R and DuckDB read it as it is;
    Excel users have the .xlsx)."""
    return _flat(df).to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def to_xlsx(df: pd.DataFrame, citation: Citation) -> bytes:
    """Excel: the records on the first sheet, the citation on a second. Text is written as
    text, never as a formula or link, whatever an article's sentence starts with."""
    buf = io.BytesIO()
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": options}) as xl:
        flat = _flat(df)
        flat.to_excel(xl, sheet_name="records", index=False)
        sheet = xl.sheets["records"]
        sheet.freeze_panes(1, 0)
        if len(flat.columns):
            sheet.autofilter(0, 0, len(flat), len(flat.columns) - 1)
        meta = pd.DataFrame(list(citation.metadata().items()), columns=["field", "value"])
        meta.to_excel(xl, sheet_name="citation", index=False)
        xl.sheets["citation"].set_column(1, 1, 120)
    return buf.getvalue()


def to_parquet(df: pd.DataFrame, citation: Citation) -> bytes:
    """Parquet with the citation in the file's key-value metadata; list columns stay lists."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(df, preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta.update({k.encode(): v.encode() for k, v in citation.metadata().items()})
    buf = io.BytesIO()
    pq.write_table(table.replace_schema_metadata(meta), buf)
    return buf.getvalue()


def file_name(citation: Citation, extension: str) -> str:
    """
    >>> file_name(Citation("u", "c", "1a2b3c4d5e6f", None, date(2026, 12, 8), 1), "csv")
    'china-tech-investment_1a2b3c4d5e6f_accessed-2026-12-08.csv'
    """
    return f"china-tech-investment_{citation.version or 'unversioned'}_accessed-{citation.accessed:%Y-%m-%d}.{extension}"
