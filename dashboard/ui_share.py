"""The sidebar's "Share, cite, export" panel: the view's full link with a copy button, its
citation (plain text and BibTeX, each with a copy button) and its records as CSV, Excel and
Parquet files.

Streamlit cannot write to the clipboard from Python; `st.code` draws a copy button that
does, in the browser (which allows it on https and on 127.0.0.1/localhost).
The files are made only when their button is clicked (a callable `data`), all of the
view's records, uncapped; the panel itself is built only while it is open.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from dashboard import cite, ui
from dashboard.filters import Filters

log = logging.getLogger("dashboard.share")
FORMATS = (("CSV", "csv", "text/csv"),
           ("Excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
           ("Parquet", "parquet", "application/vnd.apache.parquet"))


def view_url() -> str:
    """The address of this view as the browser shows it (under any --server.baseUrlPath and
    the page's own path), with every URL parameter of this run."""
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    query = urlencode(params, doseq=True)
    base = urlsplit(st.context.url or "")  # None only outside a browser session (tests)
    # the app's root comes without its slash ("http://host:8501"): the address bar has one
    return urlunsplit((base.scheme, base.netloc, base.path or ("/" if base.netloc else ""), query, ""))


def citation(f: Filters) -> cite.Citation:
    version = ui.dataset_version()
    return cite.Citation(url=view_url(), caption=f.caption(), version=version["version"],
                         built_at=version["built_at"], accessed=datetime.now(timezone.utc).date(),
                         records=ui.count_records(f))


def _file(f: Filters, c: cite.Citation, extension: str):
    read = ui.export_reader(f)

    def make() -> bytes:
        try:
            table = cite.export_table(read())
            if extension == "csv":
                return cite.to_csv(table)
            return cite.to_xlsx(table, c) if extension == "xlsx" else cite.to_parquet(table, c)
        except Exception:  # on the download thread: the server log has it, the viewer no traceback
            log.exception("export as %s failed", extension)
            raise
    return make


PANEL_KEY = "share_open"


def panel(f: Filters) -> None:
    """The panel, collapsed; its content is built only while it is open (a click on it runs
    the page again, from the cache). A closed panel sends nothing: no citation query, and no
    code boxes, whose syntax highlighter is 1.5 MB of JavaScript that every first view of a
    shared link would otherwise load and evaluate before its figures show."""
    box = st.sidebar.expander("Share, cite, export", icon=":material/ios_share:", key=PANEL_KEY,
                              on_change="rerun")
    if not box.open:
        return
    c = citation(f)
    with box:
        st.markdown("**Link to this view**")
        st.code(c.url, language=None, wrap_lines=True)
        st.caption("Copy it with the button at the code box's top right.")
        st.markdown("**Cite this view**")
        st.code(c.plain(), language=None, wrap_lines=True)
        st.code(c.bibtex(), language="latex", wrap_lines=True)
        st.markdown(f"**Export the {c.records:,} record{'s' * (c.records != 1)} of this view**")
        st.caption("Each row with its evidence sentence, article title, publisher, date and original "
                   "address or file name; corrections applied. Excel has the citation on a second sheet, "
                   "Parquet in its metadata; the CSV is the table alone.")
        for label, extension, mime in FORMATS:
            too_big = extension == "xlsx" and c.records > cite.EXCEL_MAX_RECORDS
            st.download_button(label, data=_file(f, c, extension), file_name=cite.file_name(c, extension),
                               mime=mime, on_click="ignore", icon=":material/download:", width="stretch",
                               key=f"export_{extension}", disabled=too_big,
                               help=f"Excel holds at most {cite.EXCEL_MAX_RECORDS:,} rows a sheet: "
                                    "narrow the view, or take CSV or Parquet" if too_big else None)
