"""The dashboard as Streamlit's ASGI app (`st.App`) around `streamlit_app.py`, for a faster first view.

    streamlit run dashboard/serve.py --server.address 127.0.0.1 --server.port 8501

The same app, pages and settings as `streamlit run dashboard/streamlit_app.py`, with two things
that Streamlit's own start does not do:

- **The page's response names the code its first view needs** (`Link: <…>; rel=modulepreload`).
  Streamlit's browser fetches an element's code only when the first element of its kind is drawn,
  six files at a time behind the sidebar's forty, and the HTML plugin of Markdown — which draws
  the headline's and the charts' previews (ui.metric, ui.plot) — only after that. Named in the
  response, they arrive while Streamlit's own bundle loads, before the first message.
- **The imports, the first figures and the unfiltered Overview's queries are done at start**
  (`lifespan`, before the server takes requests), not by the first viewer: the queries go into
  the same cached results a viewer of `/` reads (ui.warm_first_view), and the objects are frozen
  out of the garbage collector's way.
"""
from __future__ import annotations

import sys
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

# `streamlit run` puts only this file's folder on sys.path; the package lives one up.
_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from dashboard.first_view import PreloadHints, warm_up  # noqa: E402


@asynccontextmanager
async def lifespan(_app):
    from dashboard import ui

    warm_up(ui.warm_first_view)
    yield


app = st.App("streamlit_app.py", middleware=[Middleware(PreloadHints)], lifespan=lifespan)
