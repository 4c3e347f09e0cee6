"""Review: a record's values and its corrections history for everyone; for a signed-in
editor, a form that corrects it, marks it not a deal or merges it with another record."""
import pandas as pd
import streamlit as st

from dashboard import corrections as fixes
from dashboard import signin, store, ui

who = signin.panel("correct records")
if "review_saved" in st.session_state:
    st.success(st.session_state.pop("review_saved"))

f = ui.current_filters()
ui.filter_caption(f)
recs = ui.records(f, limit=500)
wanted = ui.current_view().record
choices = list(recs["record_id"]) if not recs.empty else []
if wanted and wanted not in choices:
    if ui.record(wanted) is None:
        st.warning(f"There is no record '{ui.md_escape(wanted[:80])}'; choose one below.")
    else:
        choices.insert(0, wanted)
if not choices:
    st.info("No records match these filters. Remove a filter in the sidebar to see more.")
    ui.end_page()
labels = {r.record_id: f"{ui.shorten(r.project or ui.join_names(r.investors) or '(unnamed)', 60)} · "
                       f"{r.city or r.province or 'no place'} · {ui.amount_text(r.amount, r.currency, r.qualifier)}"
          for r in recs.itertuples()}
rid = st.selectbox("Record (biggest first; the sidebar filters narrow the list)", choices,
                   index=choices.index(wanted) if wanted in choices else 0,
                   format_func=lambda r: labels.get(r, r))
if ui.current_view().record != rid:
    ui.set_view(record=rid)
    ui.write_url()
rec = ui.record(rid)
if rec is None:
    st.info("This record is no longer in the database; choose another.")
    ui.end_page()

st.markdown(f"**{ui.md_escape(rec['project'] or '(unnamed)')}** — {ui.md_escape(rec['kind'])}, "
            f"{'**not a deal**, ' if rec['not_a_deal'] else ''}adds "
            f"{ui.money(rec['contribution'])} to totals"
            + (" · **corrected**" if rec["corrected"] else "")
            + f" · [article ↗]({ui.article_url(rec['article_id'], f)})")
st.caption(f"Record `{rid}` · from “{ui.md_escape(ui.shorten(rec['title'] or rec['file_name'], 90))}”")
st.markdown("> " + ui.md_escape(rec["evidence"] or "(no evidence sentence)"))
ui.records_table(pd.DataFrame([rec]), f, rows=1)
if isinstance(rec.get("repeat_of"), str):
    st.caption(f"Counted as the same deal as `{rec['repeat_of']}`, which adds the amount.")

history = ui.corrections(rid)
st.subheader("History")
if history.empty:
    st.caption("Not corrected: every value is the extractor's.")
else:
    st.dataframe(history.rename(columns={"at": "When (UTC)", "author": "Who", "field": "Field", "old": "Was",
                                         "value": "Now", "note": "Why"})
                 [["When (UTC)", "Who", "Field", "Was", "Now", "Why"]], hide_index=True, width="stretch")

if who:
    st.subheader("Correct this record")
    sectors, statuses = list(fixes.CHOICE_FIELDS["sector"]), list(fixes.CHOICE_FIELDS["status"])
    with st.form("correct", clear_on_submit=False):
        c = st.columns(3)
        new = {
            "amount": c[0].text_input("Amount, in its currency (blank: none)",
                                      "" if ui.text_or_none(rec["amount"]) is None else f"{rec['amount']:.0f}"),
            "currency": c[1].text_input("Currency (ISO code)", ui.text_or_none(rec["currency"]) or ""),
            "status": c[2].selectbox("Status", statuses, index=statuses.index(rec["status"])
                                     if rec["status"] in statuses else 0),
            "city": c[0].text_input("City", ui.text_or_none(rec["city"]) or ""),
            "province": c[1].text_input("Province", ui.text_or_none(rec["province"]) or ""),
            "sector": c[2].selectbox("Sector", sectors, index=sectors.index(rec["sector"])
                                     if rec["sector"] in sectors else len(sectors) - 1),
            "investors": st.text_input("Investors (separated by commas)", ", ".join(rec["investors"])),
            "part_of": c[0].text_input("Part of the bundle (record id; blank: none)",
                                       ui.text_or_none(rec["part_of"]) or ""),
            "same_deal_as": c[1].text_input("Same deal as (record id; blank: not merged)",
                                            ui.text_or_none(rec["same_deal_as"]) or ""),
            "not_a_deal": c[2].checkbox("Not a deal (adds nothing to totals)", bool(rec["not_a_deal"])),
        }
        note = st.text_area("Why (required): the source, or what was wrong", max_chars=fixes.MAX_NOTE)
        sent = st.form_submit_button("Save the corrections", type="primary")
    if sent:
        asked = fixes.changes(rec, new)
        if not asked:
            st.info("Nothing to save: every value is as it was.")
        else:
            try:
                n = store.correct(ui.db_path(), asked, author=who, note=note)
            except (fixes.CorrectionError, store.StoreError) as e:
                st.error(f"Nothing was saved: {ui.md_escape(str(e))}")
            else:
                st.session_state["review_saved"] = (f"Saved and applied {n} correction{'s' * (n != 1)} "
                                                    f"({', '.join(c.field for c in asked)}).")
                st.rerun()

lost = ui.lost_corrections()
if not lost.empty:
    with st.expander(f"{len(lost)} correction{'s' * (len(lost) != 1)} no longer find their record"):
        st.caption("Their sentence is no longer in the article (its text was edited), or a merge names a record "
                   "that is gone. They are kept in the log and not applied.")
        st.dataframe(lost[["at", "author", "record_id", "field", "value", "note"]], hide_index=True, width="stretch")
