"""Add articles: a signed-in editor uploads article files, which are ingested like the
command line's `ingest` (same checks, same messages) with a progress bar."""
import streamlit as st

from dashboard import signin, store, ui, uploads

who = signin.panel("add articles")
if not who:
    ui.end_page()

limit_mb = uploads.max_bytes() / 2**20
st.markdown(f"Article files (.txt, .md, .html; UTF-8, GB18030/GBK and the other encodings the command "
            f"line reads), up to {limit_mb:g} MB each and {uploads.MAX_FILES} at a time. They are extracted "
            f"and added to the database; files it already has are not added twice.")
files = st.file_uploader("Article files", type=list(uploads.EXTENSIONS), accept_multiple_files=True,
                         key=f"upload_{st.session_state.get('upload_round', 0)}",
                         max_upload_size=max(1, round(limit_mb + 0.5)))
if files and st.button(f"Add {len(files)} file{'s' * (len(files) != 1)} to the database", type="primary"):
    bar = st.progress(0.0, text="Reading the articles…")

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / total if total else 1.0, text=f"Reading articles: {done}/{total} {name}")

    try:
        result = uploads.add_files([(f.name, f.getvalue()) for f in files], ui.db_path(), progress=progress)
    except store.StoreError as e:
        bar.empty()
        st.error(f"Nothing was added: {ui.md_escape(str(e))}")
        ui.end_page()
    bar.empty()
    report = result.report
    if report is not None:
        n_records = sum(report.records_by_kind.values())
        st.success(f"{report.articles_new} new article{'s' * (report.articles_new != 1)} added, "
                   f"{report.articles_reextracted} replaced or re-extracted, {report.articles_skipped} already "
                   f"there; {n_records} record{'s' * (n_records != 1)} written.")
    problems = result.problems()
    if problems:
        st.error(f"{len(problems)} file{'s' * (len(problems) != 1)} not added:\n\n"
                 + "\n".join(f"- {ui.md_escape(n)}: {ui.md_escape(why)}" for n, why in problems))
    st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1  # an empty uploader next
