"""What the server does for a new viewer's first view before any script runs (dashboard/serve.py):
names the browser code that view needs first, and does the imports at start.

No Streamlit import here: the hints are plain ASGI, and Streamlit's files are found where the
package is installed.
"""
from __future__ import annotations

import gc
import logging
import importlib.util
import re
from pathlib import Path
from typing import Callable

log = logging.getLogger("dashboard.first_view")

# Streamlit's code files (vite chunks, named `<name>.<hash>.js`) that a first view waits for and
# that its browser would otherwise ask for late: the Markdown HTML plugin (rehype-raw and its two
# parts), which draws the previews of the headline and the charts, but which Streamlit's Markdown
# asks for only after the batch holding it is drawn, so behind the sidebar's forty widget files.
# Plotly's 4.7 MB chunk is left out: asked for at once, it held the total back (2.31 s p50 against
# 1.96 s without it, at load 10).
FIRST_CHUNKS = ("rehype-raw", "hastscript", "web-namespaces")
# Elements whose code a first view needs at once, with every file their import waits for (see
# `element_files`): st.metric, the headline. Named by hand before, the metric's list missed three
# of the 46 files its import waits for (one of them the Vega loader, 845 bytes), which then came
# behind the sidebar's widget files.
FIRST_ELEMENTS = ("Metric",)


def streamlit_static_dir() -> Path | None:
    spec = importlib.util.find_spec("streamlit")
    if not spec or not spec.submodule_search_locations:
        return None
    return Path(spec.submodule_search_locations[0]) / "static"


def streamlit_js_dir() -> Path | None:
    static = streamlit_static_dir()
    return static / "static" / "js" if static else None


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


def element_files(names=FIRST_ELEMENTS, folder: Path | None = None) -> list[str]:
    """The files each named element's code waits for, its own first: Streamlit's entry bundle
    (`index.<hash>.js`) loads an element's code with `import('./Metric.<hash>.js')` after
    preloading every file in its list (vite's `__vite__mapDeps([106, 1, 2, …])`, numbers into
    the bundle's list of files), and waits for all of them. Files the page itself names
    (`index.html`'s modulepreload links) are left out. Empty when the bundle is not as expected
    (a hint, not a requirement).

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> _ = (d / "index.ab.js").write_text('const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./Metric.x.js",'
    ...     '"./a.1.js","./b.2.js"])))=>i.map(i=>d[i]);X=lazy(()=>H(()=>import(`./Metric.x.js`),__vite__mapDeps([0,1,2])))')
    >>> element_files(("Metric",), d)
    ['Metric.x.js', 'a.1.js', 'b.2.js']
    """
    folder = folder or streamlit_js_dir()
    if not folder or not folder.is_dir():
        return []
    try:
        bundle = next(folder.glob("index.*.js")).read_text(encoding="utf-8")
        table = re.search(r"__vite__mapDeps=\(i,m=__vite__mapDeps,d=\(m\.f\|\|\(m\.f=\[(.*?)\]\)\)", bundle)
        files = [f.strip("\"'`")[2:] for f in table.group(1).split(",")]
    except (StopIteration, AttributeError, OSError):
        return []
    html = folder.parent.parent / "index.html"
    named = set(re.findall(r'static/js/([^"]+\.js)"', html.read_text(encoding="utf-8"))) if html.is_file() else set()
    out: list[str] = []
    for name in names:
        found = re.search(r"import\(`\./" + re.escape(name) + r"\.[^`]*`\),__vite__mapDeps\(\[([0-9,]+)\]\)", bundle)
        if not found:
            continue
        for i in found.group(1).split(","):
            f = files[int(i)] if int(i) < len(files) else None
            if f and f not in named and f not in out:
                out.append(f)
    return out


def first_files() -> list[str]:
    """What the page's response names: `FIRST_CHUNKS`, then the files of `FIRST_ELEMENTS`."""
    files = chunk_files()
    return files + [f for f in element_files() if f not in files]


def link_header(files: list[str]) -> bytes:
    """The `Link` header naming `files` for the browser to fetch and compile now. Relative to the
    page, as Streamlit's own `index.html` names them, so it holds under a base URL path.

    >>> link_header(["a.1.js", "b.2.js"])
    b'<./static/js/a.1.js>; rel=modulepreload, <./static/js/b.2.js>; rel=modulepreload'
    """
    return ", ".join(f"<./static/js/{name}>; rel=modulepreload" for name in files).encode()


class PreloadHints:
    """ASGI middleware: every HTML response (Streamlit's page, whatever the app page's path) gets
    the `Link` header of `first_files()`. Streamlit's pages are one HTML file; its code files are
    cached by the browser for a year, so a viewer fetches them once either way."""

    def __init__(self, app, files: list[str] | None = None) -> None:
        self.app = app
        self.header = link_header(first_files() if files is None else files)

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


def warm_up(first_view: Callable[[], None] | None = None) -> None:
    """At server start: import what a run imports and build a figure once (Plotly reads its
    validators on first use), then `first_view` (ui.warm_first_view: the first view's queries,
    into the caches a viewer reads), so the first viewer does not wait for them; then freeze
    those objects out of the garbage collector's walks (Streamlit collects after every run)."""
    import pandas as pd
    import pyarrow  # noqa: F401  (DuckDB hands results over through Arrow)

    from dashboard import charts, query, store  # noqa: F401

    df = pd.DataFrame({"label": ["a", "b"], "total_cny": [2e9, 1e9], "records": [2, 1], "articles": [1, 1]})
    charts.preview(charts.totals_bar(df))
    if first_view is not None:
        try:
            first_view()
        except Exception:  # a server that cannot warm up still serves (and says why on first view)
            log.exception("warming up the first view failed")
    gc.collect()
    gc.freeze()
