"""Date expressions in article text: what each resolves to, and what is no date at all."""
from datetime import date

import pytest

from dashboard.extract.dates import find_dates, header_date, infer_year


def values(text, ref=None, ref_year=None):
    return [m.value for m in find_dates(text, ref, ref_year)]


# (text, expected values) with no article date at all: only what the words say.
ABSOLUTE = [
    ("The pact was signed on March 4, 2019 in Hefei.", ["2019-03-04"]),
    ("Officials met on 4 March 2019.", ["2019-03-04"]),
    ("签约仪式于2019年3月4日举行", ["2019-03-04"]),
    ("二〇一九年三月四日，双方签约", ["2019-03-04"]),
    ("Posted 2019.03.04 by staff", ["2019-03-04"]),
    ("Back in May 2017 the firm agreed to come.", ["2017-05"]),
    ("2017年5月，公司进驻园区", ["2017-05"]),
    ("The plant opened in 2016.", ["2016"]),
    ("2016年，该基地营收增长", ["2016"]),
    ("in the third quarter of 2019 the zone", ["2019"]),
    ("Q3 2019 deals", ["2019"]),
    ("2019年第三季度", ["2019"]),
    ("the first half of 2018 saw growth", ["2018"]),
    ("the 2019 Hubei Provincial Major Project List", ["2019"]),
    ("From 2019 to 2021, the county built 40 plants", ["2019", "2021"]),
]

# (text, article date, expected values): resolved against the article's date.
RELATIVE = [
    ("近日，项目在随州签约", date(2024, 6, 6), ["2024-06"]),                   # "recently": the article's month
    ("The deal was recently signed in Wuxi", date(2021, 3, 2), ["2021-03"]),
    ("On March 25, the zone signed", date(2019, 3, 30), ["2019-03-25"]),
    ("On December 28, the zone signed", date(2019, 1, 9), ["2018-12-28"]),      # before New Year
    ("Mar 11 | Six projects land in the zone", date(2019, 3, 20), ["2019-03-11"]),
    ("MAR 12 | More projects", date(2019, 3, 20), ["2019-03-12"]),
    ("The ceremony was held on the 12th.", date(2019, 3, 20), ["2019-03-12"]),
    ("The ceremony was held on the 28th.", date(2019, 4, 2), ["2019-03-28"]),   # last month's 28th
    ("It was announced yesterday.", date(2019, 3, 1), ["2019-02-28"]),
    ("Yesterday afternoon the city signed", date(2019, 3, 1), ["2019-02-28"]),
    ("It opens today.", date(2019, 3, 1), ["2019-03-01"]),
    ("This morning the mayor said", date(2019, 3, 1), ["2019-03-01"]),
    ("On Friday the city signed", date(2019, 3, 11), ["2019-03-08"]),          # article on a Monday
    ("On Monday the city signed", date(2019, 3, 11), ["2019-03-11"]),          # same weekday: same day
    ("Chip output kept rising last week.", date(2019, 3, 4), ["2019-02"]),
    ("The county went public last month with a plan", date(2019, 3, 4), ["2019-02"]),
    ("Deals signed this month", date(2019, 3, 4), ["2019-03"]),
    ("Revenue last year was flat.", date(2019, 3, 4), ["2018"]),
    ("the district will run 90 projects in the current year", date(2019, 3, 4), ["2019"]),
    ("This year the park grew", date(2019, 3, 4), ["2019"]),
    ("In mid-January officials visited", date(2019, 3, 4), ["2019-01"]),
    ("in late February", date(2019, 3, 4), ["2019-02"]),
    ("at the end of January this year", date(2019, 3, 4), ["2019-01"]),
    ("early this month the park opened", date(2019, 3, 4), ["2019-03"]),
    ("From June 3 to 5, a delegation visited", date(2019, 6, 20), ["2019-06"]),
    ("During June 3-5 a delegation visited", date(2019, 6, 20), ["2019-06"]),
    ("6月3日至5日，代表团考察", date(2019, 6, 20), ["2019-06"]),
    ("3月4日，开发区集中签约", date(2019, 3, 5), ["2019-03-04"]),
    ("昨天，开发区集中签约", date(2019, 3, 5), ["2019-03-04"]),
    ("昨天下午，双方签约", date(2019, 3, 5), ["2019-03-04"]),
    ("前天，双方签约", date(2019, 3, 5), ["2019-03-03"]),
    ("上周，双方签约", date(2019, 3, 5), ["2019-02"]),
    ("本周三，双方签约", date(2019, 3, 8), ["2019-03-06"]),
    ("上周五，双方签约", date(2019, 3, 8), ["2019-03-01"]),
    ("上个月，园区获批", date(2019, 3, 8), ["2019-02"]),
    ("本月，园区获批", date(2019, 3, 8), ["2019-03"]),
    ("去年，园区获批", date(2019, 3, 8), ["2018"]),
    ("今年3月底，园区获批", date(2019, 5, 8), ["2019-03"]),
]

# Only the article's year is known: day-relative words cannot be resolved.
YEAR_ONLY = [
    ("On March 18th the park signed", 2020, ["2020-03-18"]),
    ("in late March", 2020, ["2020-03"]),
    ("last year", 2020, ["2019"]),
    ("yesterday the park signed", 2020, []),
    ("the 28th", 2020, []),
]

NOT_DATES = [
    "5G base stations and the 14th Five-Year Plan",
    "a 12英寸 wafer line",
    "Since the 1024 meeting, cities have acted",
    "新安晚报 10:08 【大字 小字】",
    "Call 0551-62620110 for details",
    "BOE A (000725) rose",
    "the 2000 yuan subsidy and 2,020 jobs",
    "总投资1020亿元",
    "In the first quarter of each year, lists are made",
    "Tencent may 20 percent",
]

PROSPECTIVE = [
    ("It will start production in 2019.", None, "2019", True),
    ("Orders are scheduled to be filled by September 2021.", None, "2021-09", True),
    ("Both are expected to be put into operation in 2024.", date(2022, 6, 1), "2024", True),
    ("目标是到2021年年销售收入突破270亿元", None, "2021", True),
    ("计划2025年投产", None, "2025", True),
    ("The two sides signed on March 3.", date(2019, 3, 9), "2019-03-03", False),
    ("Harbin will carry out 350 key projects in the current year", date(2023, 3, 27), "2023", False),
    ("Revenue reached 1 billion yuan in 2017.", None, "2017", False),
]


@pytest.mark.parametrize("text, expected", ABSOLUTE)
def test_absolute_dates(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text, ref, expected", RELATIVE)
def test_relative_to_the_article(text, ref, expected):
    assert values(text, ref) == expected


@pytest.mark.parametrize("text, year, expected", YEAR_ONLY)
def test_with_only_the_year(text, year, expected):
    assert values(text, ref_year=year) == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert values(text, date(2020, 6, 1)) == []


@pytest.mark.parametrize("text, ref, value, prospective", PROSPECTIVE)
def test_prospective(text, ref, value, prospective):
    [m] = find_dates(text, ref)
    assert (m.value, m.prospective) == (value, prospective)


def test_mentions_keep_their_span():
    text = "Signed on Aug 6, 2020 in Chengdu"
    [m] = find_dates(text)
    assert text[m.start:m.end] == m.text == "Aug 6, 2020"


INFER_YEAR = [
    ("On August 6, 2020, the zone signed. In 2015 the firm came.", 2020),
    ("In the first quarter of 2020, seven provinces listed projects.", 2020),
    ('The commission released the "2020 Anhui Provincial Key Project List".', 2020),
    ("It signed in May 2018; production will start in 2020.", 2018),
    ("On March 3, 2019 it signed.\nCopyright 1995 - 2024. All rights reserved.", 2019),
    ("The park was launched in 2017.", None),        # one background year is not enough
    ("No years here at all.", None),
    ("8月16日，新区举办2019年第二批重点项目集中开工仪式。\n\n该集团2018年营业收入近400亿元。", 2019),  # the lead's year
    ("HEFEI, Sept. 24 -- 638 projects were signed.\n\nThe World Manufacturing Convention 2019 lasted four days.",
     2019),  # a year naming an event, after its name
]


@pytest.mark.parametrize("text, year", INFER_YEAR)
def test_infer_year(text, year):
    assert infer_year(text) == year


def test_header_date_still_works():
    assert header_date("Updated: 2021-09-13\nOn Wednesday ...") == date(2021, 9, 13)


KNOWN_FAILURES = [
    # A weekday written with its date is one date, but "last Friday" after a
    # Friday-dated article is ambiguous in English; we take the week before.
    pytest.param("the day after Christmas", date(2019, 12, 30), ["2019-12-26"],
                 marks=pytest.mark.xfail(strict=True, reason="holidays are not resolved")),
    pytest.param("国庆节前，项目签约", date(2019, 10, 9), ["2019-10"],
                 marks=pytest.mark.xfail(strict=True, reason="holidays are not resolved")),
]


@pytest.mark.parametrize("text, ref, expected", KNOWN_FAILURES)
def test_known_failures(text, ref, expected):
    assert values(text, ref) == expected


def test_years_back_from_the_article():
    from datetime import date
    from dashboard.extract.dates import find_dates
    ref = date(2013, 5, 10)
    found = [(m.text, m.value) for m in find_dates(
        "The move comes one year after the company committed $7 billion. Two years earlier, it had signed. 3年前签约。", ref)]
    assert found == [("comes one year after", "2012"), ("Two years earlier", "2011"), ("3年前", "2010")]


def test_a_reporters_name_is_no_plan_word_before_a_year():
    line = "News (Correspondent Guo Zhifeng & Reporter Zhou Aiming) The 2020 Golden Autumn Fair opened on September 16."
    assert [(d.value, d.prospective) for d in find_dates(line)][:1] == [("2020", False)]


def test_a_bare_year_naming_a_chinese_carnival_with_a_bracketed_city_gives_the_articles_year():
    assert infer_year("第三届世界广府人恳亲大会暨2017中国侨都（江门）华人嘉年华明天将隆重揭幕。") == 2017
