"""Every record the extractor writes has the CONTRACT.md form, on any input (property tests)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import contract
from dashboard.articles import ArticleError, article_files, parse_article, read_article
from dashboard.extract import extract

ROOT = Path(__file__).resolve().parent.parent
SECTORS, STATUSES = set(contract.SECTORS), set(contract.STATUSES)
SUBSECTORS = set(contract.SUBSECTORS) | {None}
FIELDS = set(contract.FIELDS)


def check(article, records: list[dict]) -> None:
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for r in records:
        assert FIELDS <= set(r)
        assert r["article"] == article.file_name
        assert r["kind"] in {"deal", "bundle", "event"}
        assert r["sector"] in SECTORS and r["subsector"] in SUBSECTORS
        assert r["status"] in STATUSES
        assert r["qualifier"] in {"exact", "approx", "at_least", "up_to", None}
        assert (r["amount"] is None) == (r["currency"] is None)
        if r["amount_cny"] is not None:
            assert r["amount_cny"] > 0
        assert r["part_of"] is None or r["part_of"] in ids and r["part_of"] != r["id"]
        assert r["date"] is None or len(r["date"]) in (4, 7, 10)
        assert article.text[r["evidence_start"]:r["evidence_end"]] == r["evidence"]
        assert all(isinstance(x, str) for x in r["investors"] + r["partners"] + r["flags"])


@pytest.mark.parametrize("path", article_files([ROOT / "data" / "articles"]), ids=lambda p: p.name)
def test_shipped_articles_give_contract_records(path):
    article = read_article(path)
    check(article, extract(article))


WORDS = st.sampled_from([
    "On May 3,", "Chengdu", "成都", "高新区", "signed", "签约", "10 billion yuan", "5亿元", "$2 million", "projects",
    "25个项目", "总投资", "including", "其中", "respectively", "分别为", "Co., Ltd.", "the", "Hi-Tech Zone", "。", ".",
    "\n\n", "—", "each", "均", "more than", "超过", "2021-05-04", "yesterday", "Fuzhou", "Jiangxi", "Tencent", ",",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=1, max_size=60).map(" ".join))
def test_any_mix_of_cue_words_gives_contract_records(text):
    try:
        article = parse_article(text.encode("utf-8"), "fuzz.txt")
    except ArticleError:
        return
    check(article, extract(article))


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_any_text_gives_contract_records(text):
    try:
        article = parse_article(text.encode("utf-8", "surrogatepass"), "fuzz.txt")
    except (ArticleError, UnicodeEncodeError):
        return
    check(article, extract(article))
