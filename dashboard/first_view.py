"""What the server does for a new viewer's first view before any script runs (dashboard/serve.py):
names the browser code that view needs first, and does the imports at start.

No Streamlit import here: the hints are plain ASGI, and Streamlit's files are found where the
package is installed.
"""
from __future__ import annotations

import gc
import importlib.util
from pathlib import Path

# Streamlit's code files (vite chunks, named `<name>.<hash>.js`) that a first view waits for and
# that its browser would otherwise ask for late: the Markdown HTML plugin (rehype-raw and its two
# parts), which draws the previews of the headline and the charts, but which Streamlit's Markdown
# asks for only after the batch holding it is drawn, so behind the sidebar's forty widget files;
# and st.metric with its number formatting. Plotly's 4.7 MB chunk is left out: asked for at once,
# it held the total back (2.31 s p50 against 1.96 s without it, at load 10).
FIRST_CHUNKS = ("rehype-raw", "hastscript", "web-namespaces",
                "Metric", "numbro", "sprintfjs", "formatNumber", "CustomTheme", "printWidthCap")


def streamlit_js_dir() -> Path | None:
    spec = importlib.util.find_spec("streamlit")
    if not spec or not spec.submodule_search_locations:
        return None
    return Path(spec.submodule_search_locations[0]) / "static" / "static" / "js"


def chunk_files(names=FIRST_CHUNKS, folder: Path | None = None) -> list[str]:
    """The installed file of each named chunk ('Metric' -> 'Metric.MSVuxtnf.js'), in the order
    named; a name this Streamlit does not have is skipped (a hint, not a requirement)."""
    folder = folder or streamlit_js_dir()
    if not folder or not folder.is_dir():
        return []
    found = {}
    for path in folder.glob("*.js"):
        stem = path.name.split(".", 1)[0]
        if stem in names:
            found.setdefault(stem, path.name)
    return [found[n] for n in names if n in found]


def link_header(files: list[str]) -> bytes:
    """The `Link` header naming `files` for the browser to fetch and compile now. Relative to the
    page, as Streamlit's own `index.html` names them, so it holds under a base URL path.

    >>> link_header(["a.1.js", "b.2.js"])
    b'<./static/js/a.1.js>; rel=modulepreload, <./static/js/b.2.js>; rel=modulepreload'
    """
    return ", ".join(f"<./static/js/{name}>; rel=modulepreload" for name in files).encode()


class PreloadHints:
    """ASGI middleware: every HTML response (Streamlit's page, whatever the app page's path) gets
    the `Link` header of `FIRST_CHUNKS`. Streamlit's pages are one HTML file; its code files are
    cached by the browser for a year, so a viewer fetches them once either way."""

    def __init__(self, app, files: list[str] | None = None) -> None:
        self.app = app
        self.header = link_header(chunk_files() if files is None else files)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not self.header:
            await self.app(scope, receive, send)
            return

        async def send_with_hints(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                kind = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if kind.startswith(b"text/html"):
                    message = {**message, "headers": headers + [(b"link", self.header)]}
            await send(message)
        await self.app(scope, receive, send_with_hints)


def warm_up() -> None:
    """At server start: import what a run imports and build a figure once (Plotly reads its
    validators on first use), so the first viewer does not wait for it; then freeze those
    objects out of the garbage collector's walks (Streamlit collects after every run)."""
    import pandas as pd
    import pyarrow  # noqa: F401  (DuckDB hands results over through Arrow)

    from dashboard import charts, query, store  # noqa: F401

    df = pd.DataFrame({"label": ["a", "b"], "total_cny": [2e9, 1e9], "records": [2, 1], "articles": [1, 1]})
    charts.preview(charts.totals_bar(df))
    gc.collect()
    gc.freeze()
