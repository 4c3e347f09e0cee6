"""Place gazetteer and finder (dashboard/extract/places.py), table-driven."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dashboard.extract.places import Place, PlaceMention, find_places, gazetteer, lookup

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"


def names(text, context=None):
    return [(m.text, m.place.name) for m in find_places(text, context)]


# --- lookup: name -> (name, kind, city, province, district) -------------------------

LOOKUPS = [
    ("Chengdu", None, ("Chengdu", "city", "Chengdu", "Sichuan", None)),
    ("Chengdu City", None, ("Chengdu", "city", "Chengdu", "Sichuan", None)),
    ("成都市", None, ("Chengdu", "city", "Chengdu", "Sichuan", None)),
    ("Sichuan", None, ("Sichuan", "province", None, "Sichuan", None)),
    ("Sichuan Province", None, ("Sichuan", "province", None, "Sichuan", None)),
    ("Shaanxi", None, ("Shaanxi", "province", None, "Shaanxi", None)),
    ("Shanxi", None, ("Shanxi", "province", None, "Shanxi", None)),
    ("陕西", None, ("Shaanxi", "province", None, "Shaanxi", None)),
    ("Chongqing", None, ("Chongqing", "city", "Chongqing", "Chongqing", None)),
    ("Beijing", None, ("Beijing", "city", "Beijing", "Beijing", None)),
    ("Inner Mongolia", None, ("Inner Mongolia", "province", None, "Inner Mongolia", None)),
    ("Macao", None, ("Macau", "city", "Macau", "Macau", None)),
    ("Xi'an", None, ("Xi'an", "city", "Xi'an", "Shaanxi", None)),
    ("Xian", None, ("Xi'an", "city", "Xi'an", "Shaanxi", None)),
    ("Jinniu District", None, ("Jinniu District", "district", "Chengdu", "Sichuan", "Jinniu District")),
    ("金牛区", None, ("Jinniu District", "district", "Chengdu", "Sichuan", "Jinniu District")),
    ("Chongren County", None, ("Chongren County", "district", "Fuzhou", "Jiangxi", "Chongren County")),
    ("Zhongxian County", None, ("Zhongxian County", "district", "Chongqing", "Chongqing", "Zhongxian County")),
    ("Yuzhong District", None, ("Yuzhong District", "district", "Chongqing", "Chongqing", "Yuzhong District")),
    ("Dongyang", None, ("Dongyang", "district", "Jinhua", "Zhejiang", "Dongyang")),
    ("Shangzhi", None, ("Shangzhi", "district", "Harbin", "Heilongjiang", "Shangzhi")),
    ("Yuhang District", None, ("Yuhang District", "district", "Hangzhou", "Zhejiang", "Yuhang District")),
    ("Dongxiang District", None, ("Dongxiang District", "district", "Fuzhou", "Jiangxi", "Dongxiang District")),
    ("Changzhi", None, ("Changzhi", "city", "Changzhi", "Shanxi", None)),  # polyphone 长
    ("Harbin", None, ("Harbin", "city", "Harbin", "Heilongjiang", None)),  # GeoNames exonym
    ("Urumqi", None, ("Urumqi", "city", "Urumqi", "Xinjiang", None)),
    ("CDHT", None, ("Chengdu Hi-Tech Zone", "park", "Chengdu", "Sichuan", None)),
    ("成都高新区", None, ("Chengdu Hi-Tech Zone", "park", "Chengdu", "Sichuan", None)),
    ("WHDZ", None, ("Wuhan Economic and Technological Development Zone", "park", "Wuhan", "Hubei", None)),
    ("两江新区", None, ("Liangjiang New Area", "park", "Chongqing", "Chongqing", None)),
    ("Tianfu New Area", None, ("Tianfu New Area", "park", "Chengdu", "Sichuan", None)),
    ("Sino-Singapore Suchu High-Tech Zone", None, ("Sino-Singapore Suchu High-Tech Zone", "park", "Chuzhou", "Anhui", None)),
    # ambiguity: context decides, else the most prominent reading
    ("Fuzhou", None, ("Fuzhou", "city", "Fuzhou", "Fujian", None)),
    ("Fuzhou", "Jiangxi Province released its key projects", ("Fuzhou", "city", "Fuzhou", "Jiangxi", None)),
    ("Wuchang", None, ("Wuchang", "district", "Harbin", "Heilongjiang", "Wuchang")),
    ("Wuchang", "Wuhan signs projects", ("Wuchang District", "district", "Wuhan", "Hubei", "Wuchang District")),
    ("Jilin", None, ("Jilin", "province", None, "Jilin", None)),
    ("高新区", "成都的项目", ("Chengdu Hi-Tech Zone", "park", "Chengdu", "Sichuan", None)),
    ("Hi-Tech Zone", "Xi'an news", ("Xi'an High-Tech Zone", "park", "Xi'an", "Shaanxi", None)),
]


@pytest.mark.parametrize("name,context,expected", LOOKUPS)
def test_lookup(name, context, expected):
    p = lookup(name, context)
    assert p is not None, name
    assert (p.name, p.kind, p.city, p.province, p.district) == expected


@pytest.mark.parametrize("name", ["高新区", "Hi-Tech Zone", "Nowhere", "", "xian"[:0] + "Long"])
def test_lookup_unknown_or_needs_context(name):
    assert lookup(name) is None


# --- find_places: text (, context) -> [(span text, place name)] ------------------------

FINDS = [
    ("Projects land in Chengdu City and Chengdu.", None, [("Chengdu City", "Chengdu"), ("Chengdu", "Chengdu")]),
    ("Yuhang District of Hangzhou City", None, [("Yuhang District", "Yuhang District"), ("Hangzhou City", "Hangzhou")]),
    ("Zhongxian county in southwest China", None, [("Zhongxian county", "Zhongxian County")]),
    ("TCL will build in Rong (Chengdu) a base", None, [("Rong (Chengdu)", "Chengdu")]),
    ("Chengdu Jinniu District People's Government", None, [("Chengdu", "Chengdu"), ("Jinniu District", "Jinniu District")]),
    # a local park no list has: its district still places it
    ("Chengdu Jinniu High-tech Industrial Park held", None, [("Chengdu", "Chengdu"), ("Jinniu", "Jinniu District")]),
    ("Sichuan Tianfu New Area", None, [("Sichuan Tianfu New Area", "Tianfu New Area")]),
    ("an innovative business center in CDHT", None, [("CDHT", "Chengdu Hi-Tech Zone")]),
    ("the Wuhan Economic and Technological Development Zone (WHDZ) signed",
     None, [("Wuhan Economic and Technological Development Zone", "Wuhan Economic and Technological Development Zone"),
            ("WHDZ", "Wuhan Economic and Technological Development Zone")]),
    ("Xi'an, Xi’an and Xian, Shaanxi", None, [("Xi'an", "Xi'an"), ("Xi’an", "Xi'an"), ("Xian", "Xi'an"), ("Shaanxi", "Shaanxi")]),
    # Chinese
    ("成都高新区15个重大产业化项目", None, [("成都高新区", "Chengdu Hi-Tech Zone")]),
    ("成都市锦江区和两江新区", None, [("成都市", "Chengdu"), ("锦江区", "Jinjiang District"), ("两江新区", "Liangjiang New Area")]),
    ("合肥8个重大产业项目,推动安徽", None, [("合肥", "Hefei"), ("安徽", "Anhui")]),
    ("将投资50亿元,在高新西区建设", "成都高新区15个项目", [("高新西区", "Chengdu Hi-Tech Zone")]),
    # generic zone names need the article's city, and not somebody else's name before them
    ("将投资50亿元,在高新西区建设", None, []),
    ("the Hi-Tech Zone signed", "Chengdu news", [("Hi-Tech Zone", "Chengdu Hi-Tech Zone")]),
    ("Nanjing Pukou High-tech Zone carried out", "Chengdu news", [("Nanjing Pukou High-tech Zone", "Nanjing Pukou High-tech Zone")]),
    ("Foo Bar Hi-Tech Zone carried out", "Chengdu news", []),
    # company names still name places
    ("Suzhou Yeahlight Photoelectric and Jiangsu Best Crystal", None, [("Suzhou", "Suzhou"), ("Jiangsu", "Jiangsu")]),
    ("Hunan Chenhan Information Technology Co., Ltd.", None, [("Hunan", "Hunan")]),
    # not inside other words, not persons, not streets, not lower-case pinyin
    ("Wuhanese cuisine and xian county", None, []),
    ("Peng Yuhang, party secretary, and President Xi Jinping", None, []),
    ("Initiated by Jincheng Community, Shiyang Street", None, []),
    ("Chen Long Visits Shenzhen", None, [("Shenzhen", "Shenzhen")]),
    ("A Guide to Boxing: Dean and Mulan, 5 Yuan", None, []),
    ("Harbin, capital of Heilongjiang; Wuchang Daoxiang Township", None,
     [("Harbin", "Harbin"), ("Heilongjiang", "Heilongjiang"), ("Wuchang", "Wuchang")]),
]


@pytest.mark.parametrize("text,context,expected", FINDS)
def test_find_places(text, context, expected):
    assert names(text, context) == expected


CONTEXT_CHOICES = [
    # (text, context, expected (name, city, province) of the first mention)
    ("improve the Dongxiang District and even Fuzhou Blockchain", "Jiangxi Province has also included",
     [("Dongxiang District", "Fuzhou", "Jiangxi"), ("Fuzhou", "Fuzhou", "Jiangxi")]),
    ("Fuzhou", "Fujian province", [("Fuzhou", "Fuzhou", "Fujian")]),
    ("Fuzhou", None, [("Fuzhou", "Fuzhou", "Fujian")]),
    ("the Wuchang project", "Harbin to implement 350 key industrial projects", [("Wuchang", "Harbin", "Heilongjiang")]),
    ("the Wuchang project", "Wuhan signs projects", [("Wuchang District", "Wuhan", "Hubei")]),
    ("Jinhua", None, [("Jinhua", "Jinhua", "Zhejiang")]),
    ("Hangzhou Yuhang", None, [("Hangzhou", "Hangzhou", "Zhejiang"), ("Yuhang District", "Hangzhou", "Zhejiang")]),
]


@pytest.mark.parametrize("text,context,expected", CONTEXT_CHOICES)
def test_context_picks_reading(text, context, expected):
    got = [(m.place.name, m.place.city, m.place.province) for m in find_places(text, context)]
    assert got == expected


def test_mentions_carry_spans_and_all_candidates():
    text = "Deals in Fuzhou, Jiangxi."
    ms = find_places(text)
    assert all(isinstance(m, PlaceMention) for m in ms)
    assert all(text[m.start:m.end] == m.text for m in ms)
    fuzhou = ms[0]
    assert fuzhou.place.province == "Jiangxi"
    assert {p.province for p in fuzhou.candidates} >= {"Jiangxi", "Fujian"}
    assert fuzhou.place in fuzhou.candidates


def test_mentions_non_overlapping_in_order():
    ms = find_places("Sichuan Tianfu New Area and Chengdu Hi-Tech Zone in Chengdu, 成都高新区")
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


# --- the gazetteer ---------------------------------------------------------------------

def test_gazetteer_contents():
    g = gazetteer()
    kinds = {k: sum(p.kind == k for p in g) for k in ("province", "city", "district", "park")}
    assert kinds["province"] + 6 == 34  # + Beijing, Tianjin, Shanghai, Chongqing, Hong Kong, Macau as cities
    assert kinds["city"] > 330 and kinds["district"] > 2700 and kinds["park"] >= 60
    assert all(isinstance(p, Place) and p.source for p in g)
    admin = [p for p in g if p.kind != "park"]
    assert sum(p.lat is not None for p in admin) / len(admin) > 0.99
    assert {p.name for p in g if p.kind == "province"} >= {"Shaanxi", "Shanxi", "Guangxi", "Tibet", "Xinjiang", "Ningxia", "Inner Mongolia"}
    assert all(p.source.startswith("cpca adcode ") for p in admin)
    assert all(p.source.startswith("data/parks.csv: ") for p in g if p.kind == "park")


def test_every_district_has_city_or_province():
    for p in gazetteer():
        assert p.province, p
        if p.kind == "district":
            assert p.district == p.name


def test_parks_csv_rows_are_complete_and_sourced():
    with open(ROOT / "data" / "parks.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 60
    cities = {p.name for p in gazetteer() if p.kind == "city"}
    provinces = {p.province for p in gazetteer()}
    for r in rows:
        assert r["kind"] == "park"
        assert r["source"].startswith("cpca adcode "), r["name"]
        assert r["province"] in provinces, r["name"]
        assert not r["city"] or r["city"] in cities, r["name"]
        assert 18 < float(r["lat"]) < 54 and 73 < float(r["lon"]) < 135, r["name"]
    assert len({r["name"] for r in rows}) == len(rows)


GOLD_PARKS = [
    "Chengdu Hi-Tech Zone", "Tianfu New Area", "Tianfu International Bio-Town",
    "Singapore-Sichuan Hi-tech Innovation Park", "Liangjiang New Area", "Xi'an High-Tech Zone",
    "Sino-Singapore Suchu High-Tech Zone", "Zhejiang Lishui Economic Development Zone",
    "Qingdao West Coast New Area", "Guangzhou Development District",
    "Wuhan Economic and Technological Development Zone", "Jinhua Economic & Technological Development Zone",
]


@pytest.mark.parametrize("park", GOLD_PARKS)
def test_gold_parks_are_found_by_their_gold_name(park):
    p = lookup(park)
    assert p is not None and p.kind == "park" and p.name == park


# --- the shipped articles ----------------------------------------------------------------

ARTICLE_EXPECT = [
    ("h16_harbin_key_projects_2023.txt", {("Shangzhi", "Harbin"), ("Wuchang", "Harbin"), ("Harbin", "Harbin")}),
    ("003_99612760660fe421.txt", {("Chongren County", "Fuzhou"), ("Dongxiang District", "Fuzhou"), ("Fuzhou", "Fuzhou"),
                                  ("Jinniu District", "Chengdu"), ("Yuhang District", "Hangzhou"), ("Loudi", "Loudi"),
                                  ("Weifang", "Weifang")}),
    ("004_60ae0ecac7092d18.txt", {("Jinhua", "Jinhua"), ("Dongyang", "Jinhua"),
                                  ("Jinhua Economic & Technological Development Zone", "Jinhua")}),
    ("h20_chengdu_hitech_start_2018.txt", {("Chengdu Hi-Tech Zone", "Chengdu"), ("Chengdu", "Chengdu")}),
    ("h14_tencent_wuhu_esports_2017.txt", {("Wuhu", "Wuhu"), ("Zhongxian County", "Chongqing")}),
    ("001_186fb945286a4bf4.txt", {("Chongqing", "Chongqing"), ("Yuzhong District", "Chongqing")}),
]


@pytest.mark.parametrize("fname,expected", ARTICLE_EXPECT)
def test_articles(fname, expected):
    text = (ARTICLES / fname).read_text(encoding="utf-8")
    got = {(m.place.name, m.place.city) for m in find_places(text, text)}
    assert expected <= got
    fz = [m.place.province for m in find_places(text, text) if m.place.name == "Fuzhou"]
    assert all(p == "Jiangxi" for p in fz)




def test_a_one_character_county_is_not_read_inside_another_word():
    from dashboard.extract.places import find_places
    text = "在全国县域经济和县域基本竞争力百强县中位列第23位"
    assert [m.place.name_zh for m in find_places(text)] == []


def test_a_county_named_without_its_suffix_before_a_zone_is_that_county():
    from dashboard.extract.places import find_places
    found = [(m.text, m.place.city) for m in find_places("海门经济技术开发区集中开工项目22个。龙游工业园区签约3个项目。")]
    assert found == [("海门", "Nantong"), ("龙游", "Quzhou")]
    assert [m.place.name for m in find_places("南京江北新区新签约项目")] == ["Nanjing Jiangbei New Area"]


@pytest.mark.parametrize("text,expected", [
    ("推进中心城区建设和郊区农村改造", []),
    ("大同市城区签约项目", [("大同市", "Datong"), ("城区", "Datong")]),
])
def test_districts_named_like_everyday_words_only_after_their_city(text, expected):
    from dashboard.extract.places import find_places
    assert [(m.text, m.place.city) for m in find_places(text)] == expected


def test_a_county_the_text_names_in_full_is_that_county_when_named_alone():
    from dashboard.extract.places import find_places
    text = "将在明光、含山各新建一座风电厂。含山县、明光市分别与该公司签订了投资协议。"
    assert [(m.text, m.place.city) for m in find_places(text)][:2] == [("明光", "Chuzhou"), ("含山", "Ma'anshan")]
    assert [m.text for m in find_places("将在明光新建一座风电厂")] == []  # named alone only: not enough


@pytest.mark.parametrize("text,expected", [
    ("鲁港合作项目签约仪式举行", [("鲁", "Shandong")]),
    ("鄂港经贸合作推介会在香港举行", [("鄂", "Hubei"), ("香港", "Hong Kong")]),
    ("京港澳高速公路改扩建", []),  # a road, not a pairing of places
])
def test_a_province_by_its_short_name_paired_with_hong_kong(text, expected):
    from dashboard.extract.places import find_places
    assert [(m.text, m.place.name) for m in find_places(text)] == expected


def test_hong_kong_is_where_investors_come_from_not_where_money_lands():
    from dashboard.extract.records import extract
    from dashboard.articles import parse_article
    text = ("鲁港合作项目签约 81个项目总投资260亿美元\n\n2013-05-29\n\n"
            "5月29日上午,鲁港合作项目签约仪式在万豪酒店举行,双方共签署重大合作项目81个,总投资额达260亿美元。\n")
    recs = [r for r in extract(parse_article(text.encode(), "x.txt")) if r["amount"]]
    assert [(r["province"], r["city"]) for r in recs] == [("Shandong", None)]


def test_a_zone_whose_pinyin_is_written_syllable_by_syllable():
    from dashboard.extract.places import find_places
    found = [(m.text, m.place.name, m.place.city) for m in find_places("Yunnan Dian Zhong New Area cashed out incentives")]
    assert found == [("Yunnan Dian Zhong New Area", "Dianzhong New Area", "Kunming")]


def test_a_county_without_its_suffix_right_after_its_province_and_then_alone():
    from dashboard.extract.places import find_places
    text = "开漳圣王文化节项目签约 云霄28个亿元项目\n\n第七届海峡两岸(福建云霄)开漳圣王文化节举办项目签约仪式"
    assert [(m.text, m.place.city) for m in find_places(text)] == [
        ("云霄", "Zhangzhou"), ("福建", None), ("云霄", "Zhangzhou")]


def test_a_bare_two_syllable_name_written_spaced_is_no_zone():
    from dashboard.extract.places import find_places
    assert [m.place.city for m in find_places("build the base in Pu Dong industry gathering area of Puyang")] == ["Puyang"]


@pytest.mark.parametrize("text, expected", [
    ("对北海老城区、老库房等进行有机更新", [("北海", "Beihai")]),
    ("北海市新城区建设", [("北海市", "Beihai")]),
    ("洛阳市老城区", [("洛阳市", "Luoyang"), ("老城区", "Luoyang")]),
    ("西安市新城区", [("西安市", "Xi'an"), ("新城区", "Xi'an")]),
])
def test_old_town_and_new_town_are_districts_only_right_after_their_city(text, expected):
    assert [(m.text, m.place.city) for m in find_places(text)] == expected
