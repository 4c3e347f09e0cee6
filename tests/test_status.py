"""Status of a project from the words that report it."""
import pytest

from dashboard.extract.status import status_of

CUES = [
    # signed
    ("The zone and the firm signed a cooperation agreement.", "signed"),
    ("Twelve projects were inked at the fair.", "signed"),
    ("The county put pen to paper with a chipmaker.", "signed"),
    ("A signing ceremony was held in the hall.", "signed"),
    ("双方签署战略合作协议", "signed"),
    ("8个项目集中签约", "signed"),
    ("As per the contract, the firm will build a base.", "signed"),          # weak cue
    ("项目正式落户高新区", "signed"),                                              # weak cue
    ("The company made public a framework agreement with the city.", "signed"),
    ("Deals on nine logistics projects were concluded at the fair.", "signed"),
    ("The district concluded supply agreements with four carmakers.", "signed"),
    # started
    ("Construction began on 30 projects.", "started"),
    ("Work began in Nanyang on six road projects.", "started"),
    ("Work also started on a water plant that day.", "started"),
    ("The county launched 45 key projects on Monday.", "started"),
    ("On March 1, Gejiu started 20 projects with a total investment of 5 billion yuan.", "started"),
    ("The day saw the launch of 12 new industrial projects.", "started"),
    ("The plant broke ground on Monday.", "started"),
    ("A groundbreaking ceremony was held.", "started"),
    ("The vaccine center is being built by the lab.", "started"),
    ("15个重大项目集中开工", "started"),
    ("新厂房奠基", "started"),
    # completed
    ("The line was put into operation last week.", "completed"),
    ("The fab started a trial run of wafer output.", "completed"),
    ("The first phase has been completed.", "completed"),
    ("项目建成投产", "completed"),
    ("新生产线试生产", "completed"),
    # listed
    ("The province released 120 key projects for 2021.", "listed"),
    ("The commission released the 2021 Key Industry Investment Project list, launching 900 investment projects.",
     "listed"),  # a list's "launching": the strong cue of the list wins over the weak one of a start
    ("The plant was included in the provincial key project list.", "listed"),
    ("The list also includes a solar farm.", "listed"),
    ("The city will carry out 200 key industrial projects this year.", "listed"),
    ("项目列入省重点项目名单", "listed"),
    # approved
    ("The industrial park was given the green light.", "approved"),
    ("The department passed the establishment of a blockchain park.", "approved"),
    ("The plan was approved by the State Council.", "approved"),
    ("产业园获批设立", "approved"),
    # founded
    ("An industry alliance was established in the city.", "founded"),
    ("The province welcomed its first blockchain innovation alliance.", "founded"),
    ("产业联盟正式成立", "founded"),
    # announced
    ("The county went public with a plan to build a park.", "announced"),
    ("The firm announced a 5 billion yuan investment.", "announced"),
    ("公司宣布投资建设新基地", "announced"),
    ("Fourteen industrial projects worth 26 billion yuan got started on Monday in Jinshan.", "started"),
]


@pytest.mark.parametrize("text, status", CUES)
def test_cues(text, status):
    assert status_of(text) == status


NO_STATUS = [
    "Work began on drafting the city's investment plan.",
    "Xuchang launched 30 investment promotion projects to seek investors.",
    "Negotiations on the deal were concluded in May but it was never signed.",
    "The city concluded the deal review last week.",
    "The project covers 40 acres of land.",
    "Both plants are expected to be put into operation in 2025.",     # a plan
    "It will start construction next year.",
    "项目预计明年投产",
    "Investors include several listed companies.",
    "It has not been announced whether chips are involved.",
    "",
]


@pytest.mark.parametrize("text", NO_STATUS)
def test_no_status(text):
    assert status_of(text) is None


LATEST_STAGE_WINS = [
    ("The project, signed last year, went into production today.", "completed"),
    ("Signed in March, the plant broke ground in May.", "started"),
]


@pytest.mark.parametrize("text, status", LATEST_STAGE_WINS)
def test_several_cues(text, status):
    assert status_of(text) == status


KNOWN_FAILURES = [
    # "to sign" reads as a purpose, so the founding wins; the projects were signed.
    pytest.param("A federation was set up to sign agreements with 31 firms.", "signed",
                 marks=pytest.mark.xfail(strict=True, reason="purpose clause read as a plan")),
    # Both happened the same day; the sentence holds two records, we return one.
    pytest.param("Construction began on 5 projects and 6 more were signed.", "signed",
                 marks=pytest.mark.xfail(strict=True, reason="one status per text")),
    # "kickstarted" says neither signed nor started clearly.
    pytest.param("The bio-town kickstarted 23 projects.", "signed",
                 marks=pytest.mark.xfail(strict=True, reason="vague verb")),
]


@pytest.mark.parametrize("text, status", KNOWN_FAILURES)
def test_known_failures(text, status):
    assert status_of(text) == status


def test_once_built_and_producing_is_a_condition_not_a_completion():
    assert status_of("东方希望集团准备在北海投资建设循环经济产业基地项目，总投资1535亿元；项目建成达产后，预计年产值2550亿元") is None
