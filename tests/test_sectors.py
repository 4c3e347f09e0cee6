"""Sector and subsector from what a project makes or does."""
import pytest

from dashboard.extract.sector_words import KEYWORDS, SECTORS, SUBSECTORS
from dashboard.extract.sectors import choose, classify, sector_scores, subsector_scores

# (text, sector, subsector), grouped by the industry the words name.
PRODUCTS = [
    # Next-generation IT
    ("a line that packages and tests memory chips", "Next-generation IT", "Semiconductors"),
    ("an 8-inch silicon wafer fab", "Next-generation IT", "Semiconductors"),
    ("a flexible AMOLED display panel plant", "Next-generation IT", "Semiconductors"),
    ("年产30万片的12英寸晶圆制造项目", "Next-generation IT", "Semiconductors"),
    ("集成电路封测基地", "Next-generation IT", "Semiconductors"),
    ("a regional cloud computing and big data center", "Next-generation IT", "Cloud & big data"),
    ("西部大数据中心", "Next-generation IT", "Cloud & big data"),
    ("a blockchain-based copyright service platform", "Next-generation IT", "Blockchain"),
    ("区块链产业园", "Next-generation IT", "Blockchain"),
    ("an artificial intelligence open innovation lab", "Next-generation IT", "Artificial intelligence"),
    ("a 5G base station equipment plant", "Next-generation IT", "Telecom & 5G"),
    ("an industrial software and IT services company", "Next-generation IT", "Software & IT services"),
    ("a city-wide smart parking system for urban management", "Next-generation IT", "Smart city"),
    ("a cross-border e-commerce platform", "Next-generation IT", "Internet platforms"),
    # High-end equipment
    ("a humanoid robot assembly base", "High-end equipment", "Robotics"),
    ("工业机器人生产基地", "High-end equipment", "Robotics"),
    ("an automated warehouse and logistics equipment plant", "High-end equipment", "Advanced manufacturing"),
    ("a plant for central air conditioning units", "High-end equipment", "Advanced manufacturing"),
    ("航空发动机零部件项目", "High-end equipment", "Advanced manufacturing"),
    # Biotechnology
    ("a vaccine research and production base", "Biotechnology", "Biopharma"),
    ("创新药研发生产基地", "Biotechnology", "Biopharma"),
    ("in vitro diagnostic reagents and analysers", "Biotechnology", "Medical devices & diagnostics"),
    ("高端医疗器械产业园", "Biotechnology", "Medical devices & diagnostics"),
    ("某医学检测实验室", "Biotechnology", "Medical devices & diagnostics"),
    # Vehicles and energy
    ("a new energy vehicle assembly plant", "New energy vehicles", None),
    ("动力电池生产线", "New energy vehicles", None),
    ("a 200 MW photovoltaic power station", "New energy", None),
    ("海上风电项目", "New energy", None),
    ("a pumped storage power station", "New energy", "Infrastructure"),
    ("a hydrogen refuelling and fuel cell park", "New energy", None),
    # Environment, materials
    ("a sewage treatment and solid waste recycling plant", "Energy saving & environment", None),
    ("节能环保产业园", "Energy saving & environment", None),
    ("a graphene and carbon fiber composite material base", "New materials", None),
    ("年产20万吨聚酰胺生产线", "New materials", None),
    # Digital creative
    ("an e-sports arena and online game studio", "Digital creative", "Games & e-sports"),
    ("动漫影视基地", "Digital creative", "Media & culture"),
    ("a live-streaming base for online influencers", "Digital creative", "Internet platforms"),
    # Related services
    ("a science park and incubator for start-ups", "Related services", "R&D platform"),
    ("a vocational education campus", "Related services", "Education"),
    ("某医学院附属学校教学楼项目", "Related services", "Education"),
    ("a fintech innovation center for mobile payment", "Related services", "Fintech"),
    ("a regional bank branch and insurance services", "Related services", "Finance"),
    # Other
    ("a dairy farm and food processing plant", "Other", None),
    ("现代农业产业园", "Other", None),
    ("a five-star hotel and shopping mall", "Other", None),
]


@pytest.mark.parametrize("text, sector, subsector", PRODUCTS)
def test_products(text, sector, subsector):
    assert classify(text) == (sector, subsector)


# Words that look like sector words and are not.
NOT_EVIDENCE = [
    "The city held a cloud signing ceremony for 40 projects",      # an online ceremony
    "当天云签约的12个项目",
    "investors include several listed companies",
    "the Department of Industry and Information Technology attended",
    "The mayor signed 12 agreements worth 3 billion yuan",
]


@pytest.mark.parametrize("text", NOT_EVIDENCE)
def test_no_evidence_is_other(text):
    assert classify(text) == ("Other", None)


def test_company_name_alone_is_weak():
    # The product words outweigh the industry in the company's name.
    assert classify("Hubei Star Information Technology Co., Ltd. will build a vaccine plant")[0] == "Biotechnology"
    # A well-known name, with nothing else, still tips the sector.
    assert classify("蔚来中国总部项目") == ("New energy vehicles", None)


def test_mixed_batch_gets_no_subsector():
    assert classify("projects in chips, 5G and automotive technology") == ("Next-generation IT", None)


def test_scores_combine_across_texts():
    sentence, headline = "The project will cost 2 billion yuan.", "Wafer plant lands in Wuxi"
    totals = sector_scores(sentence)
    for k, v in sector_scores(headline).items():
        totals[k] = totals.get(k, 0) + v
    assert choose(totals) == ("Next-generation IT", "Semiconductors")
    assert choose(totals, subsector_scores(headline)) == ("Next-generation IT", "Semiconductors")


def test_vocabulary_uses_contract_names():
    for sector, sub in KEYWORDS:
        assert sector in SECTORS
        assert sub is None or sub in SUBSECTORS


KNOWN_FAILURES = [
    # An R&D center of a well-known IT firm: the firm's name should decide the sector.
    pytest.param("Xiaomi's new research institute", ("Next-generation IT", "R&D platform"),
                 marks=pytest.mark.xfail(strict=True, reason="function words outweigh a company hint")),
]


@pytest.mark.parametrize("text, expected", KNOWN_FAILURES)
def test_known_failures(text, expected):
    assert classify(text) == expected


def test_organisation_names_do_not_drown_the_product_word():
    # "Group", "University", "Expo" end an organisation's name: its words count less
    assert classify("a blockchain base with the Digital Publishing Media Group and the Copyright Publishing House") \
        == ("Next-generation IT", "Blockchain")
