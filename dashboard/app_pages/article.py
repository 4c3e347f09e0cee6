"""Article: one article's text with each record's evidence sentence highlighted, and its
records beside it. Chosen by the URL (?article=<id>) or from the filtered articles."""
import streamlit as st

from dashboard import ui

f = ui.current_filters()
listed = ui.articles(f)  # at most ui.SOURCES_LIMIT, newest first
n_listed = ui.count_articles(f)
titles = dict(zip(listed["article_id"], listed["title"].fillna(listed["file_name"])))

wanted = ui.current_view().article
if "article_pick" not in st.session_state or (wanted and wanted != st.session_state["article_pick"]):
    # A link from another page (or a pasted URL) names the article; the URL wins over the last pick.
    st.session_state["article_pick"] = wanted
art = ui.article(st.session_state["article_pick"]) if st.session_state["article_pick"] else None
if art and art["article_id"] not in titles:
    titles[art["article_id"]] = art["title"] or art["file_name"]  # outside the filters but asked for by id

options = list(titles)
shown = f"{n_listed:,} in this view" + (f", the newest {len(listed):,} listed" if n_listed > len(listed) else "")
# Widget labels are Markdown and the caption holds filter values: escaped.
pick = st.selectbox(f"Article ({shown}: {ui.md_escape(f.caption())})", options,
                    index=options.index(art["article_id"]) if art else None,
                    format_func=lambda a: ui.shorten(titles.get(a, a), 120), placeholder="Choose an article")
if pick and pick != st.session_state["article_pick"]:
    st.session_state["article_pick"] = pick
    art = ui.article(pick)
if not art:
    if st.session_state["article_pick"]:
        st.info(f"No article has the id '{ui.md_escape(st.session_state['article_pick'])}'. "
                "Choose one from the list above.")
    else:
        st.info("Choose an article above, or open one from the Sources beside any figure.")
    if ui.current_view().article:
        ui.set_view(article=None)
        ui.write_url()
    ui.end_page()
if ui.current_view().article != art["article_id"]:
    ui.set_view(article=art["article_id"])
    ui.write_url()

recs = ui.article_records(art["article_id"])
st.subheader(ui.md_escape(art["title"] or art["file_name"]), anchor=False)
meta = [art.get("publisher"), str(art["published"])[:10] if art.get("published") else None,
        "English" if art.get("language") == "en" else "Chinese", art["file_name"]]
st.caption(ui.md_escape(" · ".join(x for x in meta if x)))
original = ui.source_link(art.get("url"), full=True)  # only http(s): no javascript: links
st.caption(f"Original: {original}" if original else "Original: no address known for this article "
           f"(add one in the {ui.MANIFEST_NAME} beside the article files and ingest again)")

left, right = st.columns([3, 2], gap="large")
spans = ui.evidence_spans(art["text"], recs)
with left:
    st.html(ui.ARTICLE_CSS + ui.highlighted_html(art["text"], spans))
with right:
    st.markdown(f"**{len(recs)} record{'s' * (len(recs) != 1)} from this article** "
                "(numbers match the marks in the text)")
    placed = {i for _, _, ids in spans for i in ids}
    for i, r in enumerate(recs.itertuples(index=False), start=1):
        t = ui.text_or_none
        with st.container(border=True):
            st.markdown(f"**{i}. {ui.md_escape(t(r.project) or '(unnamed)')}** · "
                        + ui.md_escape(", ".join(x for x in (r.kind, t(r.status)) if x)))
            where = ", ".join(x for x in map(t, (r.park, r.district, r.city, r.province)) if x)
            investors = ui.join_names(r.investors)
            st.caption(ui.md_escape(" · ".join(x for x in (
                ui.amount_text(r.amount, r.currency, r.qualifier), t(r.sector), where, t(r.date),
                f"investors: {investors}" if investors else None) if x)))
            if r.contribution == 0 and t(r.amount_cny) and r.amount_cny > 0:
                st.caption("Adds nothing to totals (a repeat, or covered by its listed projects).")
            if i not in placed:
                st.caption(f"Evidence not found in the text: “{ui.md_escape(t(r.evidence) or '')}”")
if recs.empty:
    st.info("No records were extracted from this article.")
