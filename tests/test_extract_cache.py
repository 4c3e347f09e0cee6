"""The extractor's reference tables built once into a file (dashboard/extract/cache.py)."""
import pickle

from dashboard.extract import cache


def test_built_once_then_read(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"a": [1, 2]}

    assert cache.cached("t", build, ("pytest",)) == {"a": [1, 2]}
    assert cache.cached("t", build, ("pytest",)) == {"a": [1, 2]}
    assert len(calls) == 1
    (path,) = tmp_path.glob("t-*.pickle")
    assert path.name == cache.key("t", ("pytest",)) and path.name != cache.key("t", ("pytest", "duckdb"))


def test_a_damaged_file_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(tmp_path))
    (tmp_path / cache.key("t", ())).write_bytes(b"not a pickle")
    assert cache.cached("t", lambda: 7) == 7
    assert pickle.loads((tmp_path / cache.key("t", ())).read_bytes()) == 7


def test_an_unwritable_place_builds_in_memory(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(blocked / "cache"))  # under a file: cannot be made
    assert cache.cached("t", lambda: 8) == 8


def test_cached_gazetteer_and_rates_equal_a_fresh_build():
    from dashboard.extract import fx, places

    cached_places, cached_keys, cached_lower = places._cached_tables()
    fresh_places, fresh_keys = places._tables()
    assert cached_places == fresh_places and [p.aliases for p in cached_places] == [p.aliases for p in fresh_places]
    assert cached_keys == fresh_keys  # (their order follows set order, which the finder does not depend on)
    assert cached_lower == places._lowercase_of(fresh_places, fresh_keys)
    assert fx._table() == fx._build_table()
