"""Every record the extractor gives on the article sets, as one JSON file: a speed change must not change it.

    python tests/extraction_snapshot.py OUT.json          # in a checkout of main, then in the branch
    cmp main.json branch.json

The extractor's version (a hash of the rule files) is left out, since a speed change alters the files.
Not a test by itself (the sets are read from ../shared too); the README's Speed section says how it was used.
"""
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.articles import article_files, read_article  # noqa: E402
from dashboard.extract import extract  # noqa: E402

SHARED = Path(os.environ.get("EXTRACTION_SHARED", ROOT.parent / "shared"))  # where ../shared is
SETS = [("shared/seeds", SHARED / "seeds"), ("shared/extraction/dev", SHARED / "extraction" / "dev"),
        ("shared/extraction/dev2", SHARED / "extraction" / "dev2"), *(
            (str(p.relative_to(ROOT)), p) for p in [ROOT / "tests" / "heldout" / "articles",
                                                     *sorted((ROOT / "tests" / "blind").glob("batch*/articles")),
                                                     ROOT / "data" / "articles"])]


def snapshot() -> dict[str, list[dict]]:
    out = {}
    for label, folder in SETS:
        if not folder.is_dir():
            continue
        for path in article_files([folder]):
            if path.suffix == ".csv":
                continue
            records = extract(read_article(path))
            for r in records:
                r.pop("extractor_version", None)
            out[f"{label}/{path.name}"] = records
    return out


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(json.dumps(snapshot(), ensure_ascii=False, indent=0, sort_keys=True))
