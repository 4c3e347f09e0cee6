"""Reading article files: encodings, HTML, headers, and clear errors for what is not an article."""
from __future__ import annotations

import codecs
from datetime import date

import pytest

from dashboard.articles import ArticleError, article_files, parse_article, read_article
from dashboard.cli import main

ZH = "新闻中心\n\n合肥签约8个重大项目总投资1020亿元\n\n发布日期:2020-02-26\n\n2月25日,合肥举办签约活动。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_chinese_in_any_common_encoding_reads_the_same(encoding):
    a = parse_article(ZH.encode(encoding), "zh.txt")
    assert a.language == "zh"
    assert a.published == date(2020, 2, 26)
    assert a.title == "合肥签约8个重大项目总投资1020亿元"
    assert a.article_id == parse_article(ZH.encode("utf-8"), "other-name.txt").article_id


TRAD = "香港特區政府宣布，將在北部都會區投資一千億港元發展創新科技產業。\n"
SIMP = "比亚迪将在深汕特别合作区投资200亿元建设新能源汽车工业园，项目分两期建设。\n"


@pytest.mark.parametrize("raw,text", [
    (SIMP.encode("utf-8"), SIMP),
    (codecs.BOM_UTF8 + SIMP.encode("utf-8"), SIMP),
    (codecs.BOM_UTF16_LE + SIMP.encode("utf-16-le"), SIMP),
    (codecs.BOM_UTF16_BE + SIMP.encode("utf-16-be"), SIMP),
    (SIMP.encode("gb18030"), SIMP),
    (SIMP.encode("gbk"), SIMP),
    ("华为投资".encode("gbk"), "华为投资"),                  # short: a detector package reads it as Korean
    (TRAD.encode("big5"), TRAD),
    (TRAD.encode("big5hkscs"), TRAD),
    ("騰訊在成都設立西南總部".encode("big5"), "騰訊在成都設立西南總部"),
    ("Tencent invests in Chengdu\n".encode("utf-16-le"), "Tencent invests in Chengdu\n"),   # no mark
    (b"Tencent\x00 invests\x00\x00 in Chengdu\x07\n", "Tencent invests in Chengdu\n"),     # stray controls
])
def test_encodings_real_sources_use(raw, text):
    assert parse_article(raw, "a.txt").text == text.strip("\n")


@pytest.mark.parametrize("charset,encoding", [("big5", "big5"), ("gb2312", "gbk"), ("GBK", "gb18030"),
                                              ("utf-8", "utf-8"), ("no-such-charset", "gbk")])
def test_html_meta_charset_decides(charset, encoding):
    page = (f'<html><head><meta charset="{charset}"><title>t</title></head>'
            f"<body><p>{TRAD if encoding == 'big5' else SIMP}</p></body></html>")
    a = parse_article(page.encode(encoding), "a.html")
    assert (TRAD if encoding == "big5" else SIMP).strip() in a.text


def test_a_nul_after_the_first_kilobytes_is_cleaned_not_stored():
    raw = ("Tencent invests in Chengdu\n\n" + "Words of the article. " * 400).encode() + b"\x00tail"
    assert "\x00" not in parse_article(raw, "a.txt").text


def test_html_is_stripped_and_its_metadata_kept():
    page = ("<html><head><title>Site</title><meta property='og:title' content='Wuhan signs four projects'>"
            "<meta property='og:site_name' content='China Daily'><link rel='canonical' href='https://example.org/a'>"
            "<script>var x = '<p>not text</p>';</script></head><body><p>Updated: 2022-06-01</p>"
            "<p>On May 21, Wuhan signed four projects &amp; more.</p></body></html>")
    a = parse_article(page.encode(), "a.html")
    assert a.title == "Wuhan signs four projects" and a.publisher == "China Daily"
    assert a.url == "https://example.org/a" and a.published == date(2022, 6, 1)
    assert "not text" not in a.text and "four projects & more." in a.text


@pytest.mark.parametrize("raw,name,reason", [
    (b"", "empty.txt", "empty"),
    (b"   \n\n  ", "blank.txt", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "image.txt", "binary"),
    (b"some text", "data.pdf", "not an article file"),
    (bytes([0xFD, 0xFF, 0xFE]) * 10 + b"\x81", "bad.txt", "not UTF-8, UTF-16, GB18030/GBK or Big5"),
    (codecs.BOM_UTF16_LE + "\ud800".encode("utf-16-le", "surrogatepass"), "odd.txt", "UTF-16-LE mark but"),
    (b"%PDF-1.7\n" + bytes(range(256)) * 4, "paper.txt", "binary data \\(a PDF\\)"),
    (bytes(range(256)) * 40, "blob.txt", "binary data, not text"),
])
def test_what_is_not_an_article_gets_a_reason(raw, name, reason):
    with pytest.raises(ArticleError, match=reason):
        parse_article(raw, name)


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")


def test_folders_expand_to_article_files_in_name_order(tmp_path):
    for name in ("b.txt", "a.md", "c.html", "skip.jpg"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in article_files([tmp_path])] == ["a.md", "b.txt", "c.html"]


def test_extract_command_reports_a_bad_file_and_goes_on(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("News\n\nA headline about a signing in a city\n\n"
                                       "On May 3, 2021, Xiaomi signed to invest 3 billion yuan in a plant in Wuhan.\n")
    (tmp_path / "bad.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "bad.txt: empty" in err
    assert '"amount": 3000000000.0' in out and out.count("\n") >= 1


def test_every_command_is_documented(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "extract" in out and "ingest" in out


@pytest.mark.parametrize("head,publisher", [
    ("govt.example.com.cn\n\nNews and Policies\n\nA long headline about a signing here\n", "govt.example.com.cn"),
    ("TechSite\n\nTencent doubles down on games with a park\n", "TechSite"),
    ("Wire  |  Weekly Chip News\n\nA chip park is signed in Xi'an today\n", "Wire"),
    ("A long headline about a signing here\n\nBy ( e.example.com )\n", "e.example.com"),
    ("Article | Chain Pulse · Reporter\n\nA long headline about a signing here\n", "Chain Pulse"),
    ("发布日期:2021-08-09 来源:某某日报\n\n某某市签约十个项目总投资一百亿元\n", "某某日报"),
    ("• Press Center\n\nA long headline about a signing here\n", None),
])
def test_publisher_is_read_from_the_header(head, publisher):
    assert parse_article((head + "\nBody text of the article.").encode(), "p.txt").publisher == publisher


OWN_URL = [
    # the line an article gives for itself
    ("Body.\nThis article is the original of [Pulse], original link: https://a.example/posts/1 , please cite",
     "https://a.example/posts/1"),
    ("Body.\nSource: http://b.example.cn/2021/x.html\n", "http://b.example.cn/2021/x.html"),
    ("正文。\n原文链接：https://c.example.cn/a.html。\n", "https://c.example.cn/a.html"),
    ("正文。\n来源：新华社\n", None),                       # a source named, no address
    ("Read more at https://d.example/other for details.", None),  # an address in passing is not the article's
    ("Source: javascript:alert(1)\n", None),
]


@pytest.mark.parametrize("text, url", OWN_URL)
def test_an_article_keeps_the_address_its_text_gives(text, url):
    assert parse_article(f"A headline of four words\n{text}".encode(), "x.txt").url == url


def test_html_address_must_be_a_web_address():
    page = ("<html><head><title>T</title><link rel='canonical' href='javascript:alert(1)'></head>"
            "<body><p>A headline of four words</p><p>Source: https://e.example/a.html</p></body></html>")
    assert parse_article(page.encode(), "x.html").url == "https://e.example/a.html"


@pytest.mark.parametrize("text,title", [
    ("中国新闻网 > 财经\n\n福建投洽会集中签约50个重大项目 计划投资1100.4亿元\n\n2024年09月08日  来源:中国新闻网\n\n正文。",
     "福建投洽会集中签约50个重大项目 计划投资1100.4亿元"),  # a headline's figure is no date
    ("2024-09-08 10:00\n\nA headline about a deal signed today\n\nBody.", "A headline about a deal signed today"),
])
def test_the_title_is_the_first_headline_like_line(text, title):
    assert parse_article(text.encode(), "x.txt").title == title


def test_letters_that_case_blind_matching_takes_for_ascii_do_not_break_extraction():
    from dashboard.extract import extract
    from dashboard.extract.amounts import find_amounts
    plain = "Deal in Hefei\n\nOn May 3 the firm signed a seven billion yuan deal in Hefei, some 5 billion yuan of it for chips."
    odd = plain.replace("s", "\u017f").replace("k", "\u212a").replace("i", "\u0131")
    assert [(r["amount_cny"], r["city"]) for r in extract(parse_article(odd.encode(), "odd.txt"))] == \
        [(r["amount_cny"], r["city"]) for r in extract(parse_article(plain.encode(), "plain.txt"))]
    assert [m.value for m in find_amounts("\u017feven billion yuan, \u017fome 5 billion yuan")] == [7e9, 5e9]


def test_a_headline_that_names_a_date_is_the_title_not_a_dateline():
    from dashboard.articles import parse_article
    text = "许昌举行2022年3·28项目签约活动\n\n3月28日，许昌市举行2022年3·28项目签约活动，共签约项目20个。\n\n第二段。"
    assert parse_article(text.encode("utf-8"), "x.txt").title == "许昌举行2022年3·28项目签约活动"
    text = "人民日报  2022年06月08日  星期三  第02版:要闻\n许昌新区二季度11个重大项目同日开工\n\n正文。"
    assert parse_article(text.encode("utf-8"), "x.txt").title == "许昌新区二季度11个重大项目同日开工"
