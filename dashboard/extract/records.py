"""Record assembly: sentences, amounts, places, dates and sectors become CONTRACT.md records.

The steps, each a small function over an `ArticleContext`:
1. every money figure that states an investment (not a target, revenue, capital
   or threshold; not a repeat) becomes a deal, or a bundle when it totals
   several projects; "respectively" and "each ..., namely A, B and C" spread
   figures over named projects;
2. signings, groundbreakings and listings without a figure become deals,
   founded alliances and approved parks become events;
3. deals and smaller bundles that follow a bundle in the same section, place
   and status become its components (`part_of`), so totals count money once;
4. each record gets its place (where the money lands, not the ceremony's
   venue), date, sector, status and evidence sentence.
"""
from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache

from dashboard.extract import fx
from dashboard.extract.amounts import Money, chinese_number, find_amounts
from dashboard.extract.dates import HEADER_CHARS, find_dates, full_dates, infer_year
from dashboard.extract.lists import LIST_LEAD_LINE, LIST_MARK, clause_items, is_project_name, named_projects, trim_name
from dashboard.extract.names import companies, projects
from dashboard.extract.places import Place, PlaceMention, find_places, lookup
from dashboard.extract.record_words import (LIST_LEAD_EARLIER, GROUP_WORDS, VAGUE_GROUP_WORDS, OF_THE_COUNT_BEFORE,
                                            NOT_A_KIND, ZH_BREAKDOWN, EN_BREAKDOWN, FIGURE_RUN_GAP, COMPARED_GROUPS, COUNTED_PROJECTS_WITH, CLAUSE_CUT, CAME_TO_BEFORE, ELIDED_COUNT, PART_OF_BEFORE, FOR_EVENT_AFTER, COUNTED_WORTH_BEFORE, EACH_AFTER, COUNT_AFTER, COUNT_START, ELLIPSIS, EVENT_CUE, FOR_A_YEAR_AFTER,
                                            GROWTH_AFTER, INTRODUCES_ITEMS, PARA_TALLY, PART_CUE, PLACE_LIST_GAP,
                                            PLANNED_BEFORE, PROSPECT, SIZE_GROUP, THIS_YEAR_LATER, TOTAL_BEFORE, VENUE_LATER,
                                            NAME_BEFORE_FIGURE, ORGANISER_AFTER, NAMES_AFTER_FIGURE, NAMES_END, THING_AFTER, CITY_THING_AFTER, BRAND_AFTER_PLACE, PINYIN_WORD, STAGE_CUE, OFFERED, OUTER_COUNT, COMPARED_WITH, MORE_BEFORE, ALSO_SIGNED_GROUP, COUNT_CLAUSE_CUT, CLAUSE_COUNT, BARE_NAME, ACRONYM_BEFORE, MODEL_AFTER, COMES_FROM_BEFORE, THIS_EVENT, LIST_LEAD_BEFORE, IN_THE_PROVINCE, INVESTMENT_VERB, PHYSICAL_OUTPUT, NAMED_PROJECT, ATTENDEE_AFTER, ATTENDEE_BEFORE, COUNT_AFTER_EN, RUNNING_TOTAL_AFTER, ALSO_SIGNING, ENUMERATION_AFTER_FIGURE, BUNDLE_COUNT, ENUMERATION, EVENT_OBJECT, GOVERNMENT_BODY,
                                            NOT_INVESTMENT_AFTER, NOT_INVESTMENT_BEFORE, NUMBER_WORDS, OBJECT_AFTER_VERB, TOTAL_OF_ALL, PROMOTED, INVESTMENT_REACHES, CAME_FROM_BEFORE_EN, CONTINUES_COUNT, THIS_YEAR_WORDS, CLAUSE_STOP, IN_ADDITION, PROVINCE_PLANS, ORGANISER_POSSESSIVE, SHARE_OF_IT_AFTER, ONE_FIGURE_VERB, WHOLE_OF_BREAKDOWN, PHASE_BEFORE, BREAKDOWN_CUE, SPLIT_BY, WHOLE_PROVINCE, CALENDAR_PERIOD, VENUE_VERB_IN, OUR_CITY, SIZE_CLASS_BEFORE, SIZE_CLASS_AFTER,
                                            PLURAL_PROJECTS, RESPECTIVELY, SIGNING, SUB_ALLOCATION, SUPERLATIVE,
                                            TARGET_AFTER, TOGETHER, VENUE_BEFORE, INSTITUTION_AFTER,
                                            COUNT_IS_PART, THRESHOLD_AFTER, THRESHOLD_BEFORE, ANAPHORA, VENUE_AFTER, REFERS_BACK, VENUE_NAMED,
                                            SET_UP_BEFORE, PROJECT_PHRASE, PROJECT_COUNT, HOME_AFTER, HOME_BEFORE, OUR_PROVINCE,
                                            TARGET_BEFORE, RUNNING_TOTAL, DATELINE_AFTER, SAME_DAY, SIGNED_NOW,
                                            DATELINE_PLACE)
from dashboard.extract.sectors import choose, sector_scores
from dashboard.extract.script import originals_of, simplified
from dashboard.extract.segments import Sentence, sentences
from dashboard.extract.status import stages_of, status_of
from dashboard.extract.version import EXTRACTOR_VERSION  # noqa: F401  (the package exports it)

PLACE_RANK = {"park": 0, "district": 1, "city": 2, "province": 3}
# After a province's name, the other party of its agreement: "贵州与央企签订的合作项目", "湖北省政府同…签署".
PROVINCE_AS_PARTY = re.compile(r"(?:省|自治区)?(?:人民)?(?:政府)?(?:与|同|和)[^，。；,;]{1,20}?(?:签订|签署|签约|达成)")
# After a city's name, a region of several cities around it ("武汉都市圈", "the Chengdu metropolitan area").
CITY_REGION_AFTER = re.compile(r"市?(?:都市圈|城市圈|经济圈|城市群|都市区)|\s+(?:metropolitan\s+(?:area|circle|region)|city\s+cluster"
                               r"|economic\s+circle)\b", re.I)
# Between a city and its province named as its address: "Changzhou, east China's Jiangsu Province", "Wuhan, Hubei".
ADDRESS_GAP = re.compile(r"\s*[,，]?\s*(?:(?:north|south|east|west|central|northeast|northwest|southeast|southwest)(?:ern)?\s+"
                         r"China['’]s\s+|(?:the\s+)?capital\s+of\s+)?|\s*[(（]?", re.I)


@dataclass
class Draft:
    """A record being assembled; becomes a CONTRACT.md dict at the end."""
    kind: str
    sent: Sentence
    money: Money | None = None
    n_projects: int | None = None
    investors: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    project: str | None = None
    place_text: str | None = None     # the text the record's own place is read from (a clause, for "respectively")
    parent: "Draft | None" = None
    counts_in_totals: bool = True
    standalone: bool = False          # "Chengdu also inked agreements with ...": not a component of the bundle before
    status: str | None = None
    date: str | None = None
    date_rank: int = 9                # how directly the date was stated (0 = in the record's own sentence)
    city: str | None = None
    province: str | None = None
    district: str | None = None
    park: str | None = None
    sector: str = "Other"
    subsector: str | None = None
    flags: list[str] = field(default_factory=list)
    place_zh: str | None = None       # the place's Chinese name, for names of Chinese records
    date_hint: Sentence | None = None  # another sentence about the same deal that may carry its date
    amount_cny: float | None = None
    at: int = 0                       # where in its sentence the record is stated (its figure, or its name in a list)
    listed: bool = False              # named in a list without a figure
    list_start: int = 0               # where in its sentence that list begins
    in_list: bool = False             # one of several projects named after one figure ("投资20亿元以上的有A、B、C")
    band: bool = False                # the total of a size band ("20亿元以上的有7个,总投资552亿元")
    city_by_default: bool = False     # placed in the article's main city for want of a place of its own
    children_cny: float = 0.0         # for a bundle: what its components linked so far add up to
    whole_end: int = 0                # a whole count before its parts ("共有60个项目集中签约,其中…"): where its words end
    by_kind: bool = False             # one of a sentence's groups by kind ("26 of them are industrial projects"): no parts


class ArticleContext:
    """Everything about one article that the steps share, computed once."""

    def __init__(self, article) -> None:
        self.article = article
        self.text: str = article.text
        self.sentences = sentences(self.text)
        self._position = {x.start: i for i, x in enumerate(self.sentences)}
        self.ref: date | None = article.published
        self.ref_year = article.published.year if article.published else infer_year(self.text)
        # "武汉都市圈同省属企业…达成97个合作项目": a region of several cities around one is none of them
        self.places = [m for m in find_places(self.text, context=self.text)
                       if not (m.place.kind == "city" and CITY_REGION_AFTER.match(self.text, m.end))]
        self.dates = find_dates(self.text, ref=self.ref, ref_year=self.ref_year)
        if self.ref is None:  # no header date: a dateline's ("BEIJING, May 14 (Xinhua) --") anchors "on Thursday"
            filed = next((d for d in self.dates if d.start < 800 and len(d.value) == 10
                          and DATELINE_AFTER.match(self.text[d.end:d.end + 20])), None)
            if filed:
                self.ref = date.fromisoformat(filed.value)
                self.dates = find_dates(self.text, ref=self.ref, ref_year=self.ref_year)
        self.header_end = self._header_end()
        # the headline repeats the body's figures; a body paragraph taken for a title must not be skipped
        lines: dict[int, list[Sentence]] = {}
        for x in self.sentences:
            lines.setdefault(x.para, []).append(x)
        self.title_para = next((para for para, xs in lines.items() if xs[0].heading
                                and self.text[xs[0].start:xs[-1].end].strip() == article.title.strip()), -1)
        city_counts = Counter(m.place.city for m in self.places if m.place.kind in ("city", "park") and m.place.city)
        top = city_counts.most_common(1)
        self.dominant_city = top[0][0] if top and top[0][1] >= 3 and top[0][1] >= 0.8 * sum(city_counts.values()) else None
        self.place_counts = Counter(m.place.city for m in self.places)
        self.named_cities = set(city_counts)
        self.named_cities |= {m.place.province for m in self.places if m.place.kind == "province"}
        self.named_cities |= {m.place.city for m in self.places if m.place.kind == "province" and m.place.city}
        # the province the headline names first ("Hainan launches 108 projects"), if it names one before any city
        # (a headline gives a figure or count; a site's banner taken for the title does not)
        named = find_places(article.title, context=self.text) if re.search(r"\d", article.title) else []
        self.title_province = named[0].place if named and named[0].place.kind == "province" else None
        self.main_city = self._main_city()
        self.organiser = self._organising_province()
        # the province the article speaks for ("our province"): the headline's, or the organiser
        self.home_province = self.title_province or self.organiser
        # the city it speaks for ("我市"): the headline's first city, or the one the article is about
        self.home_city = next((m.place for m in named if m.place.kind == "city"), None) or next(
            (m.place for m in self.places if m.place.kind == "city" and m.place.city == self.main_city), None)

    @cached_property
    def company_spans(self) -> list[tuple[int, int]]:
        """Where companies are named (not a place's own words), in the sentences where a place mention begins:
        only there can a name hold a mention (`_in_company`), and the other sentences need not be read for names."""
        place_spans = {(m.start, m.end) for m in self.places}
        starts, _ = self._place_bounds
        return [(s.start + n.start, s.start + n.end) for s in self.sentences if _any_in(starts, s.start, s.end)
                for n in companies(s.text) if (s.start + n.start, s.start + n.end) not in place_spans]

    @cached_property
    def article_sector(self) -> dict[str, float]:
        """The sector scores of the headline and lead (read when a record's own words name no sector: not always)."""
        return sector_scores(self.article.title + "\n" + self.text[:1500])

    def _header_end(self) -> int:
        """Where the header (title, dateline, "Updated: ...") ends: its dates are publication dates, not events."""
        if not self.ref:
            return 0
        body = next((x.start for x in self.sentences if not x.heading and len(x.text) >= 40), len(self.text))
        for start, end, d in full_dates(self.text[:HEADER_CHARS]):
            if d == self.ref and start < body:  # a dateline at the top, not "(记者 王明) 2019年8月21日" at the end
                nl = self.text.find("\n", end)
                return min(body, len(self.text) if nl < 0 else nl)
            if d == self.ref and self._decks_only(body, start):
                nl = self.text.find("\n", end)  # "Investing ten billion yuan, … settled in the zone." / "From …; 2013-07-26"
                return len(self.text) if nl < 0 else nl
        return 0

    def _decks_only(self, start: int, end: int) -> bool:
        """Whether the text between start and end is one or two lines, each a paragraph of one sentence (a deck
        under the headline, before the date line)."""
        lines = [x for x in self.sentences if start <= x.start < end and not x.heading]
        return 0 < len(lines) <= 2 and all(
            sum(1 for y in self.sentences if y.para == x.para) == 1 for x in lines)

    def amounts(self, s: Sentence) -> list[Money]:
        """The money figures of a sentence, read once for the steps that ask (figures, plain records, stages)."""
        found = self._amounts.get(s.start)
        if found is None:
            found = self._amounts[s.start] = find_amounts(s.text)
        return found

    @cached_property
    def _amounts(self) -> dict[int, list[Money]]:
        return {}

    def index(self, s: Sentence) -> int:
        """s's place among the article's sentences."""
        return self._position[s.start]

    def neighbours(self, s: Sentence, k: int) -> list[Sentence]:
        """The sentences of s's paragraph within k places of it, s included, in order."""
        i = self._position[s.start]
        return [p for p in self.sentences[max(0, i - k):i + k + 1] if p.para == s.para]

    # --- lookups that keep each step linear in the article's length (sentences, places and dates are in order) --
    @cached_property
    def _place_bounds(self) -> tuple[list[int], list[int]]:
        return [m.start for m in self.places], [m.end for m in self.places]

    @cached_property
    def _date_bounds(self) -> tuple[list[int], list[int]]:
        return [d.start for d in self.dates], [d.end for d in self.dates]

    @cached_property
    def _company_reach(self) -> tuple[list[int], list[int]]:
        """Company spans by start, with the furthest end of any span starting there or before."""
        spans = sorted(self.company_spans)
        reach, far = [], -1
        for _, b in spans:
            far = max(far, b)
            reach.append(far)
        return [a for a, _ in spans], reach

    def _in_company(self, m: PlaceMention) -> bool:
        """Whether a company's name holds the mention (some span with a <= start and end <= b)."""
        starts, reach = self._company_reach
        i = bisect_right(starts, m.start)
        return i > 0 and reach[i - 1] >= m.end

    @cached_property
    def _brand_words(self) -> set[str]:
        """Bare district names used once as a brand ("FAW Hongqi", "Jiefang J7"): every mention of them is the brand."""
        return {m.text for m in self.places if m.place.kind == "district" and BARE_NAME.fullmatch(m.text)
                and (ACRONYM_BEFORE.search(self.text[max(0, m.start - 8):m.start])
                     or MODEL_AFTER.match(self.text, m.end, m.end + 6))}

    @cached_property
    def _said(self) -> Counter:
        """How often each place's words are said in the article."""
        return Counter(m.text for m in self.places)

    @cached_property
    def _city_provinces(self) -> dict[str, set]:
        """City name -> the provinces of the cities of that name the article names."""
        out: dict[str, set] = {}
        for o in self.places:
            if o.place.kind == "city":
                out.setdefault(o.place.name, set()).add(o.place.province)
        return out

    @cached_property
    def _paras(self) -> list[int]:
        return [x.para for x in self.sentences]

    @cached_property
    def _sections(self) -> list[int]:
        return [x.section for x in self.sentences]

    def before_in_section(self, s: Sentence, paras: int | None = None) -> list[Sentence]:
        """The sentences before s in its section, in order (only those of s's paragraph and the `paras`
        paragraphs before it, if given)."""
        lo = bisect_left(self._sections, s.section)
        if paras is not None:
            lo = max(lo, bisect_left(self._paras, s.para - paras))
        return self.sentences[lo:self._position[s.start]]

    def before_in_para(self, s: Sentence, back: int = 0) -> list[Sentence]:
        """The sentences before s in its paragraph (and the `back` paragraphs before it), in order."""
        return self.sentences[bisect_left(self._paras, s.para - back):self._position[s.start]]

    @cached_property
    def _headings(self) -> dict[int, list[Sentence]]:
        """Section -> its heading sentences, in order."""
        out: dict[int, list[Sentence]] = {}
        for x in self.sentences:
            if x.heading:
                out.setdefault(x.section, []).append(x)
        return out

    def headings(self, section: int) -> list[Sentence]:
        return self._headings.get(section, [])

    # --- places -------------------------------------------------------------------------------------------------
    def places_in(self, start: int, end: int, context: bool = False) -> list[PlaceMention]:
        """Places named in a span where money may land: not inside a company's name, not a ceremony's venue
        (`context`: a sentence before the record's own, where a venue's address is a venue too).

        Each mention's verdict but the venue's address and the main city's zone test is the mention's own,
        whatever span it is asked in (`_verdict`, judged once per mention: places_in is asked about the same
        mentions for every record)."""
        out = []
        starts, ends = self._place_bounds
        verdicts = self._verdicts
        main = getattr(self, "main_city", None)  # (set after a first use)
        venue = None  # the last city left out as an event's venue
        lo = bisect_left(starts, start)
        for i, m in enumerate(self.places[lo:bisect_right(ends, end)], lo):  # mentions are in order, apart
            verdict = verdicts.get(i)
            if verdict is None:
                verdict = verdicts[i] = self._verdict(m)
            if verdict is _IN_COMPANY:
                continue
            if venue is not None and m.place.kind == "province" and m.place.province == venue.place.province \
                    and context and venue.place.city == self.main_city \
                    and ADDRESS_GAP.fullmatch(self.text[venue.end:m.start]):
                continue  # "A forum opened in Changzhou, east China's Jiangsu Province." before "27 projects were
                #           signed" in an article about Changzhou: the venue's address (not "signed at the convention
                #           held in Hefei, east China's Anhui Province", the record's own words: Anhui's projects)
            if verdict is _VENUE:
                venue = m
            elif verdict is _LANDS and not _zone_of_another_city(m, main):
                out.append(m)
        return out

    @cached_property
    def _verdicts(self) -> dict[int, str]:
        """Mention's index -> its `_verdict`, judged once."""
        return {}

    def _verdict(self, m: PlaceMention) -> str:
        """Whether money may land at the mention (_LANDS), it is an event's venue (_VENUE), inside a company's name
        (_IN_COMPANY) or none of these (_NOT_THERE): all that `places_in` asks but the venue's address and (for
        a mention that lands) whether it is a zone of another city than the main one (`_zone_of_another_city`)."""
        if self._in_company(m):
            return _IN_COMPANY
        if m.place.kind == "province" and len(m.text) == 1:
            return _LANDS  # "鄂港经贸合作推介会": the province that holds the pairing's event (places.PROVINCE_SHORT)
        if m.place.kind in ("city", "province") and (
                VENUE_BEFORE.search(self.text[max(0, m.start - 40):m.start])
                or (re.search(r"在(?:[\u4e00-\u9fff]{2,3}省?)?$", self.text[max(0, m.start - 5):m.start])
                    and VENUE_AFTER.match(self.text[m.end:m.end + 4]))  # "在(广东)深圳举行的洽谈会上"
                or (re.search(r"(?:仪式|大会|会议|活动|[^机]会)\s*在(?:[\u4e00-\u9fff]{2,3}省)?$",
                              self.text[max(0, m.start - 12):m.start])
                    and VENUE_LATER.match(self.text, m.end))  # "开工仪式在贵阳市双龙航空港经济区的宝能城举行"
                or VENUE_NAMED.match(self.text[m.end:m.end + 60])
                or (CAME_TO_BEFORE.search(self.text[max(0, m.start - 20):m.start])
                    and FOR_EVENT_AFTER.match(self.text, m.end))):
            return _VENUE
        if m.place.kind in ("city", "province") and (re.search(r"[A-Za-z]-$", self.text[max(0, m.start - 2):m.start])
                                                     or re.match(r"-[A-Z]", self.text[m.end:m.end + 2])):
            return _NOT_THERE  # "the Shandong-Hong Kong signing ceremony", "Sino-German": a pairing of places, not a place
        if m.place.kind == "city" and self.title_province and m.place.province == self.title_province.province \
                and VENUE_VERB_IN.search(self.text[max(0, m.start - 40):m.start]):
            return _NOT_THERE  # "Hainan launches 108 projects ... launched in Haikou": the province's, signed in its capital
        if HOME_AFTER.match(self.text[m.end:m.end + 16]) or HOME_BEFORE.search(self.text[max(0, m.start - 80):m.start]):
            return _NOT_THERE
        if COMES_FROM_BEFORE.search(self.text[max(0, m.start - 3):m.start]) \
                or CAME_FROM_BEFORE_EN.search(self.text, max(0, m.start - 120), m.start) \
                or ATTENDEE_AFTER.match(self.text, m.end) or ATTENDEE_BEFORE.search(self.text[max(0, m.start - 40):m.start]):
            return _NOT_THERE  # "约50位来自深圳市…企业", "绍兴柯桥经开区…的负责人参加交流会", "officials from X attended": guests
        if self._dateline(m):
            return _NOT_THERE  # "XIAMEN, Sept. 9 --": where the report was filed
        if m.place.kind == "park" and self._city_provinces.get(m.place.city, set()) - {m.place.province}:
            return _NOT_THERE  # "Fuzhou High-tech Zone" in an article about the other Fuzhou
        if m.place.kind == "city" and self.dominant_city and m.place.city != self.dominant_city \
                and re.fullmatch(r"[\u4e00-\u9fff]{2}", m.text) and m.text + "市" != m.place.name_zh \
                and m.place.province not in self.named_cities and self.place_counts[m.place.city] == 1:
            return _NOT_THERE  # "海西" (the West Strait) once, in an article about Quanzhou: not Haixi prefecture in Qinghai
        if m.place.kind == "district" and self.dominant_city and m.place.city != self.dominant_city \
                and m.place.city not in self.named_cities and m.place.province not in self.named_cities:
            return _NOT_THERE  # in an article about one city, a district of a city it never names is a misreading
        if m.place.kind == "district" and self.named_cities and m.place.city not in self.named_cities \
                and m.place.province not in self.named_cities and BARE_NAME.fullmatch(m.text) \
                and (self._said[m.text] == 1 or m.text in self._brand_words):
            return _NOT_THERE  # "FAW Hongqi", "Jiefang J7" in an article about Jilin: a bare word, not Xinxiang's district
        if m.place.province in OFFSHORE:
            return _NOT_THERE  # "与香港投资促进机构签署", "鲁港合作": where investors come from, not where their money lands
        if m.place.kind == "city" and CITY_THING_AFTER.match(self.text, m.end) and m.text[:1].isupper():
            return _NOT_THERE  # "Daqing Mountain", "Beijing Road": named after the city, not in it
        if m.place.kind == "district" and THING_AFTER.match(self.text, m.end):
            return _NOT_THERE  # "Dongbao Park", "Weiyuan Island", "Humen Avenue": the name of a thing, not the district
        if m.place.kind in ("city", "province") and self._brand_after(m):
            return _NOT_THERE  # "Tianjin Zhonghuan Semiconductor's factory in Yinchuan": the company's home
        if INSTITUTION_AFTER.match(self.text[m.end:m.end + 30]):
            return _NOT_THERE  # "Sichuan University" names a university, not where money lands
        return _LANDS

    def _brand_after(self, m: PlaceMention) -> bool:
        """Whether a Chinese brand in pinyin follows the place, making it a company's name ("Jiangsu Hongdou
        Group"), the brand being no place of its own ("Suzhou Wujiang ..." names a district)."""
        hit = BRAND_AFTER_PLACE.match(self.text, m.end, m.end + 80)
        if not hit or not all(PINYIN_WORD.fullmatch(w) for w in hit.group("brand").split()):
            return False
        starts, _ = self._place_bounds
        i = bisect_left(starts, hit.start("brand"))
        return not (i < len(starts) and starts[i] < hit.end("brand"))

    def _dateline(self, m: PlaceMention) -> bool:
        """"XIAMEN, Sept. 9 --", "BEIJING, May 16, 2017 (Reuters) -", "SHENYANG, China, Aug. 31, 2018 /PRNewswire/ --":
        the city a report was filed from."""
        return bool(DATELINE_PLACE.match(m.text) and DATELINE_AFTER.match(
            re.sub(r"^(?:,\s*(?:China|P\.\s?R\.\s?China))?,\s*\w+\.?\s+\d{1,2}(?:,\s*\d{4})?(?:\s*/[^/\n]{1,30}/)?", "",
                   self.text[m.end:m.end + 60])))

    def _organising_province(self):
        """The province that holds the article's event ("广西举行…", "廣西壯族自治區黨委、政府在深圳舉辦…",
        "Hainan Province signed ..."), when one of the body's first three sentences names that province first; else None."""
        lead = [x for x in self.sentences if not x.heading and x.para != self.title_para][:3]
        for s in lead:
            for m in self.places:
                if s.start <= m.start < s.end and m.place.kind == "province" \
                        and ORGANISER_POSSESSIVE.match(self.text, m.end, s.end):
                    return m.place  # "Today in Shanghai was held Hunan's promotion conference"
        for s in lead:
            mentions = sorted((m for m in self.places if s.start <= m.start < s.end
                               and not re.match(r"\s*\d{1,2}月\d{1,2}日电", self.text[m.end:m.end + 10])),  # dateline
                              key=lambda m: m.start)
            if mentions and mentions[0].place.kind == "province" and ORGANISER_AFTER.match(self.text, mentions[0].end):
                return mentions[0].place  # (a sentence before it may name what was built: "The Hefei-Wuhan Railway
                #                            (Anhui Section) and … On January 2, Anhui province held a meeting")
        return None

    def _main_city(self) -> str | None:
        counts = Counter(m.place.city for m in self.places_in(0, len(self.text)) if m.place.city)
        if not counts:  # only venues named: a ceremony held in the one city the article names is that city's
            counts = Counter(m.place.city for m in self.places if m.place.city and m.place.kind in ("city", "park")
                             and not self._dateline(m))
            if len(counts) != 1:
                return None
        city, n = counts.most_common(1)[0]
        return city if n >= 0.6 * sum(counts.values()) else None

    @cached_property
    def most_named_province(self) -> Place | None:
        """A place standing for the province the article's places are most often in (the first of it named; ties
        to the first named): "the province plans 141 key projects" in a Qinghai article naming the
        Lanzhou-Xinjiang Railway once."""
        named = [m.place for m in self.places_in(0, len(self.text)) if m.place.province]
        if not named:
            return None
        counts = Counter(p.province for p in named)
        top = max(counts.values())
        return next(p for p in named if counts[p.province] == top)

    @cached_property
    def only_province(self) -> str | None:
        """The province every mainland place the article names is in, when there is one ("Urumqi", "Shanshan
        County", "Hetian County": Xinjiang), for records the text places nowhere."""
        landing = [m for m in self.places_in(0, len(self.text)) if m.place.province and m.place.province not in OFFSHORE]
        provinces = {m.place.province for m in landing}  # (not a brand's home, a dateline's, a venue's)
        if len(provinces) != 1 or not any(m.place.kind in ("city", "district", "park") for m in landing):
            return None  # (a province named alone is no place the article is about: "a deal with Zhejiang Geely")
        return provinces.pop()

    # --- dates --------------------------------------------------------------------------------------------------
    def dates_in(self, start: int, end: int) -> list:
        starts, ends = self._date_bounds  # dates are in order and apart
        return [d for d in self.dates[bisect_left(starts, start):bisect_right(ends, end)] if not d.prospective
                and d.start >= self.header_end and d.start not in self._span_starts]

    @cached_property
    def _span_starts(self) -> set[int]:
        """Where the dates stand that begin a span of time, no event's day ("running in its factory since 2016",
        "2016年以来"; not "5月20日来南阳考察", a visit): found once per article."""
        return {d.start for d in self.dates
                if re.search(r"\b(?i:since|ever\s+since)\s+$|自$", self.text[max(0, d.start - 12):d.start])
                or re.match(r"年?以来|年来", self.text[d.end:d.end + 3])}

    @cached_property
    def first_event_date(self) -> str | None:
        """The article's first full event date after its title (found once, not per record)."""
        title_end = self.text.find(self.article.title) + len(self.article.title)
        first = next((x for x in self.dates_in(0, len(self.text)) if len(x.value) == 10 and x.start > title_end), None)
        if first is None or not DATELINE_AFTER.match(self.text[first.end:first.end + 100]):
            return first and first.value
        # "2月9日电 (郭振兴)2月8日,枣阳市…": the filing day gives way to the event's day said right after it
        after = next((x for x in self.dates_in(first.end, min(len(self.text), first.end + 60)) if len(x.value) == 10), None)
        return after.value if after else first.value

    def sentence_date(self, s: Sentence) -> str | None:
        found = self.dates_in(s.start, s.end)
        if not found:
            return None
        # a dateline ("XIAMEN, Sept. 9 (Xinhua) --") gives way to the event's own date in the sentence
        events = [d for d in found if not DATELINE_AFTER.match(self.text[d.end:d.end + 100])]
        if len(events) < len(found):  # "on February 12 (correspondent X) Today, …": the dateline's today
            events = [d for d in events if not re.fullmatch(r"(?i:today|this\s+morning)|今天|今日", d.text)]
        if events and max(len(d.value) for d in events) >= max(len(d.value) for d in found):
            found = events  # (not "… the first quarter of 2022" of the dateline's sentence: a year)
        # the most precise date wins: "on Aug 18" over the "2021" of "the 2021 Smart China Expo"
        return max(found, key=lambda d: (len(d.value), bool(re.search(r"(19|20)\d\d", d.text)), -d.start)).value


def _zone_of_another_city(m: PlaceMention, main: str | None) -> bool:
    """A bare "开发区" read as another city's zone, in an article about one city (`main`)."""
    return m.place.kind == "park" and bool(main) and bool(m.place.city) and m.place.city != main \
        and m.place.city not in m.text and not m.text.startswith(m.place.name[:2]) and len(m.text) <= 5


def _any_in(positions: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted positions lies in [start, end)."""
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


# What `ArticleContext._verdict` says of a place mention.
_LANDS, _VENUE, _IN_COMPANY, _NOT_THERE = "lands", "venue", "in company", "not there"

# Hong Kong, Macau and Taiwan are where investors come from: no labelled record (0 of ~1,000, in every batch)
# lands its money there, and the product follows money landing in the mainland's cities and zones.
OFFSHORE = frozenset({"Hong Kong", "Macau", "Taiwan"})


def _words_before(text: str, pos: int, n: int = 60) -> str:
    return text[max(0, pos - n):pos]


def _is_total(text: str, m: Money) -> bool:
    """Whether a figure totals several projects ("12 projects worth a combined 32.5 billion yuan")."""
    return _count_projects(text, m.start) is not None or bool(PLURAL_PROJECTS.search(text[:m.start]))


def _is_part_of_previous(text: str, ms: list[Money], i: int) -> bool:
    """"... 120亿元, 其中 ... 60亿元", "..., including a 10-billion-yuan plant": a share of the figure before."""
    return i > 0 and bool(SUB_ALLOCATION.search(_words_before(text, ms[i].start, 25)))


def _is_not_investment(text: str, ms: list[Money], i: int, first_not: bool = False) -> bool:
    """A figure that is a target, revenue, capital, threshold, or a share of one project's figure (`first_not`:
    the sentence's first figure is none of these either, as the caller found)."""
    m = ms[i]
    before, after = _words_before(text, m.start), text[m.end:m.end + 50]
    if re.search(r"=\s*$", before):
        return True  # "($1=6.7536 Chinese yuan)": an exchange rate
    if i > 0 and SHARE_OF_IT_AFTER.match(after):
        return True  # "…, and 486.8 billion yuan of it is planned for this year": a share of the figure before
    last = i
    while last + 1 < len(ms) and FIGURE_RUN_GAP.fullmatch(text, ms[last].end, ms[last + 1].start):
        last += 1
    if last > i and NOT_INVESTMENT_AFTER.match(text[ms[last].end:ms[last].end + 50]) \
            and not ONE_FIGURE_VERB.match(text, ms[last].end):
        return True  # "3.783 billion yuan, 1.5 billion yuan and 370 million yuan are planned to be invested within the
        #             year": what is said after the last figure of a run says what each of them is (not "8.5
        #             billion yuan, and 3.2 billion yuan is estimated to be invested in 2021": "is" says it of one)
    if INVESTMENT_REACHES.search(before) and not NOT_INVESTMENT_AFTER.match(after):
        return False
    if NOT_INVESTMENT_AFTER.match(after) and GROWTH_AFTER.match(after) and _count_projects(text, m.start) \
            and not NOT_INVESTMENT_BEFORE.search(before) and not CALENDAR_PERIOD.search(text[:m.start]) \
            and not RUNNING_TOTAL.search(text[:m.start]):
        return False  # "共安排重点建设项目89个…总投资613.7亿元,同比增长7.5%": the year's list, compared with last year's
    cue = NOT_INVESTMENT_BEFORE.search(before)
    if cue and re.match(r"total\s+capital", cue.group(), re.I) and COUNTED_PROJECTS_WITH.search(before, 0, cue.start()):
        cue = None  # "12 projects with a total capital of 5.54 billion yuan": the projects' investment
    if cue and (physical := PHYSICAL_OUTPUT.search(before, cue.start())) and INVESTMENT_VERB.search(before, physical.end()):
        cue = None  # "designed for an annual output of 30,000 tonnes, will cost 4.85 billion yuan": an output in tonnes
    if cue or NOT_INVESTMENT_AFTER.match(after) or TARGET_AFTER.match(text, m.end):
        return True
    if TARGET_BEFORE.search(_words_before(text, m.start, 12)) or RUNNING_TOTAL.search(text[:m.start]) \
            or RUNNING_TOTAL_AFTER.match(text, m.end) \
            or PROMOTED.search(text[:m.start]):
        return True
    if _is_part_of_previous(text, ms, i) and not _is_total(text, ms[i - 1]):
        return True  # "5.5 billion yuan; of this, 500 million yuan is kept for ...": not a deal of its own
    if COMPARED_WITH.search(text, 0, m.start) and MORE_BEFORE.search(before[-40:]):
        return True  # "compared with the same period last year there were 128 more new projects, with an extra
        #              investment of 22.5 billion yuan": a difference between two years, no deal
    if SUB_ALLOCATION.search(before[-40:]) and THIS_YEAR_LATER.match(text, m.end):
        return True  # "Of the total, 44.39 billion yuan will be invested in the projects this year": a year's share
    if PLANNED_BEFORE.search(before) and FOR_A_YEAR_AFTER.match(after):
        return True  # "a planned investment of 0.194 billion yuan for 2018"
    if i > 0 and first_not and ELLIPSIS.fullmatch(text[ms[i - 1].end:m.start]):
        return True  # "Industrial projects completed 6.9 billion yuan of investment, urban projects 6.2 billion yuan"
    superlative = SUPERLATIVE.search(before)
    if superlative and not companies(text) and not NAMED_PROJECT.search(before, superlative.start()):
        return True  # "the largest was 2 billion yuan"; not "投资额最高的是粤港澳…基地项目,总投资500亿元", a named project
    if TOTAL_BEFORE.search(before) and COUNT_AFTER.match(after):
        return False  # "总投资195亿元的16个项目": the total of the projects counted after it, no size class
    counted_total = COUNTED_WORTH_BEFORE.search(before) and not EACH_AFTER.match(after)
    size_class = THRESHOLD_AFTER.match(after) \
        or (m.qualifier == "at_least" and THRESHOLD_BEFORE.search(before) and not counted_total) \
        or SIZE_CLASS_BEFORE.search(before) or (m.qualifier == "at_least" and SIZE_CLASS_AFTER.match(after))
    if size_class and not ENUMERATION_AFTER_FIGURE.match(after) and (_significant(m) or 1) <= 2:
        return True  # a size class is a round figure ("projects worth more than 1 billion yuan"); "signed projects
        #              worth more than 24.3 billion yuan" is a total
    return False


def _count_projects(text: str, before: int) -> int | None:
    """The number of projects a figure totals: the nearest "N projects" before it in the sentence."""
    best = None
    for m in BUNDLE_COUNT.finditer(text[:before]):
        if not re.search(r"\b(?:among|of|from)\s+(?:the|these|those)\s+$", text[max(0, m.start() - 16):m.start()], re.I) \
                and not re.match(r"(?:之中|当中|中)[,，]", text[m.end():m.end() + 3]):
            best = m  # "among the four projects", "两个光伏发电项目中,": the parent's count, not this figure's
        else:
            best = None
    group = SIZE_GROUP.search(text[:before])
    if group and (not best or best.end() < group.start()):
        return _count_value(group)  # "20亿元以上的有7个,总投资552亿元": the total of a size band's projects
    elided = ELIDED_COUNT.search(text[:before])
    if elided and (best is None or best.end() < elided.start()):
        return _number_word(elided.group("n"))  # "17 of them in industry with …, and seven in the service sector with"
    if not best:
        return None
    return _count_value(best)


def _count_value(m: re.Match) -> int | None:
    """The number a BUNDLE_COUNT match states, when it is a count of several ("25", "four", "十五")."""
    n = _number_word(next(v for v in m.groupdict().values() if v))
    return n if n and n >= 2 else None


def _number_word(word: str) -> int | None:
    """A count's number: digits, an English number word ("thirty-six") or Chinese numerals ("十二")."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word) or (chinese_number(word) if re.fullmatch(r"[两二三四五六七八九十百]+", word) else None)


def _first_count(text: str) -> int | None:
    """The first "N projects" of a sentence that is not a share of another count ("16 of which",
    "including 10 digital projects"): "released 86 key projects, 16 of which ..." -> 86."""
    for m in BUNDLE_COUNT.finditer(text):
        around = text[max(0, m.start() - 25):m.end() + 12]
        if COUNT_IS_PART.search(around) or re.search(r"\bincluding\s+$|其中\s*$", text[max(0, m.start() - 12):m.start()]):
            continue
        n = _count_value(m)
        if n:
            return n
    return None


def _enumeration(text: str) -> list[str]:
    """Items named after "namely", "——", "分别是", "include": ['A项目', 'B项目', 'C项目']."""
    m = ENUMERATION.search(text)
    if not m:
        return []
    clauses = clause_items(text, m.end())
    if clauses:  # "包括：A公司的X项目将落户…；B公司在南山设立Y基地；…": one project a clause
        return [name for name, _ in clauses]
    rest = text[m.end():].lstrip("—-:： ")
    if re.match(r"\s*[\u4e00-\u9fff]", rest):  # Chinese lists: items split by 、 and 和, ending at a comma
        rest = re.split(r"[,，;；。]", rest)[0]
        items = re.split(r"\s*(?:、|和|及|以及)\s*", rest)
    else:
        rest = re.split(r"[;；。]|\.(?:\s|$)", rest)[0]
        items = re.split(r"\s*(?:,|，|\band\b)\s*", rest)
    items = [re.sub(r"^(?:the|a|an)\s+|等(?:\d+个|[一二三四五六七八九十两]+个)?(?:[\u4e00-\u9fff]{0,4}项目)?$|\betc\.?$", "",
                    i.strip(" \"“”'")).strip() for i in items]
    return [i for i in items if len(i) >= 2]


def _project_name(text: str, investors: list[str]) -> str | None:
    """A short name for a deal: a named or quoted project, the thing built, the project noun phrase."""
    names = projects(text)
    if names:
        return names[0].text
    m = OBJECT_AFTER_VERB.search(text)
    if m:
        thing = m.group("thing").strip(" ,")
        return f"{investors[0]} {thing}" if investors and investors[0] not in thing else thing
    m = PROJECT_PHRASE.search(text)
    if m:
        return m.group("thing").strip()
    if investors:
        return f"{investors[0]}项目" if re.search(r"[\u4e00-\u9fff]$", investors[0]) else f"{investors[0]} project"
    return None


def _bundle_name(ctx: ArticleContext, s: Sentence) -> str | None:
    """A bundle's own name when the text gives one (a quoted list, a named signing event); else None,
    and `_describe_bundle` names it from its count, status and place once those are known."""
    names = [n.text for n in projects(s.text) if (len(n.text.split()) >= 3 or re.search(r"[\u4e00-\u9fff]{4,}", n.text))
             and not LIST_LEAD_EARLIER.search(s.text, 0, n.start)]  # "36 projects …, including A, B": members
    return names[0] if names else None


STATUS_WORDS = {"signed": ("signed", "签约"), "started": ("started", "开工"), "completed": ("completed", "投产"),
                "listed": ("listed", "列入名单"), "approved": ("approved", "获批"), "founded": ("founded", "成立"),
                "announced": ("announced", "公布")}


def _describe_bundle(ctx: ArticleContext, d: Draft) -> str:
    """"32 projects signed in Xi'an High-Tech Zone", "成都高新区15个项目开工", with the kind of projects the text
    counts when it says ("16 industry transfer projects signed in Yangzhou", "7个工业项目签约")."""
    where = d.park or d.district or d.city or d.province or ""
    en, zh = STATUS_WORDS.get(d.status or "", ("announced", "公布"))
    what = _group_words(d.sent.text, d.n_projects, d.money.start if d.money else d.at) if d.n_projects else ""
    if d.by_kind and what and d.parent is not None:  # a part of a count that says where and at what stage:
        #                                                  "4 agriculture projects" (of "41 projects started in Gejiu")
        return f"{what}项目{d.n_projects}个" if ctx.article.language == "zh" else f"{d.n_projects} {what} projects"
    if ctx.article.language == "zh":
        return f"{d.place_zh or ''}{d.n_projects}个{what}项目{zh}" if d.n_projects else f"{d.place_zh or ''}项目{zh}"
    count = f"{d.n_projects} {what + ' ' if what else ''}projects" if d.n_projects else "Projects"
    return f"{count} {en}" + (f" in {where}" if where else "")


def _group_match(text: str, n: int, at: int) -> re.Match | None:
    """The count of n projects nearest before `at` in the text (else the first after)."""
    found = [m for m in _group_words_in(text) if _number_word(_group_count(m)) == n]
    before = [m for m in found if m.start() <= at]
    return before[-1] if before else found[0] if found else None


def _group_words(text: str, n: int, at: int) -> str:
    """The words a count of n projects gives their kind by, the count nearest before `at` (else the first after):
    "16 industry transfer projects" -> "industry transfer", "7个工业项目" -> "工业"; "" when it gives none."""
    m = _group_match(text, n, at)
    return _kind_words(m) if m is not None else ""


def _kind_words(m: re.Match) -> str:
    """A count's words of kind, without the vague ones ("16 other projects"); "" for a stage or the whole."""
    kind = _group_kind(m).strip()
    if NOT_A_KIND.search(kind):
        return ""
    words = kind.split()
    return " ".join(w for w in words if w.lower() not in VAGUE_GROUP_WORDS)


def _parties(text: str) -> tuple[list[str], list[str]]:
    """Investors (companies) and partners (governments, zones, universities) named in a text."""
    between = re.search(r"\bbetween\s+(.+?)\s+and\s+(.+?)(?:[,.;]|$)", text)
    scope = between.group(0) if between else text
    investors = [n.text for n in companies(scope) if not SET_UP_BEFORE.search(scope[max(0, n.start - 30):n.start])
                 and lookup(n.text) is None]  # "Wuxi signed ...": a city is a partner, not an investor
    partners = [m.group(1).strip() for m in GOVERNMENT_BODY.finditer(scope)]
    investors = [i for i in investors if not any(i in p for p in partners)]
    investors = [i for i in investors if not any(i != j and i in j for j in investors)]  # 小米 within 小米集团
    return list(dict.fromkeys(investors)), list(dict.fromkeys(partners))


# --- step 1: figures -----------------------------------------------------------------------------------------
def amount_drafts(ctx: ArticleContext) -> list[Draft]:
    drafts: list[Draft] = []
    body_values = Counter()
    body_figures: dict[str, list[float]] = {}  # currency -> the body's figures (and bracketed conversions)
    found: list[tuple[Sentence, list[Money]]] = []
    for s in ctx.sentences:
        if s.para == ctx.title_para:
            continue
        ms = ctx.amounts(s)
        found.append((s, ms))
        if not s.heading:
            body_values.update(round(m.value) for m in ms)
            if s.end > ctx.header_end:
                for m in ms:
                    for x in (m, m.alt):
                        if x is not None:
                            body_figures.setdefault(x.currency, []).append(x.value)
    seen = _Seen()
    tally_before = False  # the sentence before gave a running total ("Before this, ... 60 projects, 150 billion")
    for idx, (s, ms) in enumerate(found):
        flags: list[bool] = []
        for i in range(len(ms)):
            flags.append(_is_not_investment(s.text, ms, i, first_not=bool(flags) and flags[0]))
        kept = [m for m, flag in zip(ms, flags) if not flag]
        part_of_tally = tally_before and bool(re.match(r"\s*(?:of\s+(?:them|these|which)|among\s+them|其中)", s.text, re.I))
        if kept and PROSPECT.search(s.text):
            kept = []  # "another 70 projects with a combined 100 billion yuan may come to the area": a prospect
        if part_of_tally or (kept and _in_tally_paragraph(ctx, s)):
            kept = []  # "Of them, 15 projects were signed ...": parts of that tally
        tally_before = bool(ms) and not kept and (part_of_tally or bool(RUNNING_TOTAL.search(s.text)))
        shares = {id(m) for i, m in enumerate(ms) if _is_part_of_previous(s.text, ms, i)}  # components of a total
        if s.heading or s.end <= ctx.header_end:  # a headline ("CNY 263.3 billion!") repeats the body's figure
            kept = [m for m in kept if body_values[round(m.value)] <= (0 if s.heading else 1)
                    and not _rounded_from(m, body_figures.get(m.currency, []))]
        elif _shouted(ctx, s):  # "76.3 billion yuan!", "总投资达665亿元" alone on a line: the figure the body gives again
            kept = [m for m in kept if body_values[round(m.value)] <= 1]
        kept = [m for m in kept if not _phase_of_previous(ctx, s, m, kept, drafts)]
        if kept and WHOLE_PROVINCE.search(s.text) and (CALENDAR_PERIOD.search(ctx.article.title) or any(
                CALENDAR_PERIOD.search(p.text) for p in ctx.neighbours(s, 1))):
            continue  # "春节期间 … 全省共签约合作项目312个": a province's tally over a span of the calendar
        if not kept:
            continue
        sentence_investors, partners = _parties(s.text)
        if not sentence_investors and ANAPHORA.match(s.text):
            sentence_investors = _look_back_companies(ctx, s)
        # "500 million yuan and 1 billion yuan, respectively": one deal per project named before
        named = [_names_after(s.text, kept, k) for k in range(len(kept))]
        if any(named):  # "50亿元以上的项目共2个,分别为投资额50亿元的A和B": the size class is no figure of its own
            kept = [m for k, m in enumerate(kept) if named[k] or not THRESHOLD_AFTER.match(s.text[m.end:m.end + 50])]
            named = [_names_after(s.text, kept, k) for k in range(len(kept))]
        if len(kept) >= 2 and RESPECTIVELY.search(s.text) and not any(named):
            clauses = _previous_clauses(ctx, s, len(kept))
            for m, clause in zip(kept, clauses or [None] * len(kept)):
                d = Draft("deal", s, m, investors=[] if clauses else sentence_investors, partners=partners)
                if clause:
                    d.project = _clause_name(clause)
                    d.place_text = clause
                drafts.append(d)
            continue
        for k, m in enumerate(kept):
            if named[k]:  # "投资额30亿元的A、B和C": each named project is a deal of that figure
                first = s.text.find(named[k][0], m.end)
                for item in named[k]:
                    drafts.append(Draft("deal", s, m, investors=[n.text for n in companies(item)], project=item,
                                        place_text=item, in_list=len(named[k]) > 1, list_start=max(first, 0)))
                continue
            clause = _clause_of(s.text, kept, k)
            investors = (_parties(clause)[0] or sentence_investors) if clause else sentence_investors
            before_name = _name_before(s.text, kept, k)
            if before_name:  # "the Hepingwan Area Development Project with total investment of CNY 23.4 billion"
                d = Draft("deal", s, m, investors=[n.text for n in companies(before_name)], project=before_name,
                          place_text=before_name, partners=partners)
                if not _repeats(d, seen, s):
                    seen.append(d)
                    drafts.append(d)
                continue
            items = _enumeration(s.text[m.end:])
            if any(named[k + 1:]):
                items = []  # the names that follow carry figures of their own ("分别是A区投资60亿元的B项目和…")
            if items and not m.each and ENUMERATION_AFTER_FIGURE.match(s.text[m.end:]) \
                    and id(m) not in shares and _count_projects(s.text, m.start):
                # "5个台资项目总投资11.8亿元,分别为A、B、C、D、E等项目": the total of the projects named next
                bundle = Draft("bundle", s, m, n_projects=_count_projects(s.text, m.start), partners=partners)
                if not _repeats(bundle, seen, s):
                    seen.append(bundle)
                    drafts.append(bundle)
                for item in items:
                    d = Draft("deal", s, investors=[n.text for n in companies(item)], project=item, place_text=item,
                              at=s.text.find(item), listed=True, list_start=m.end)
                    d.parent = bundle
                    drafts.append(d)
                continue
            if items and (m.each or ENUMERATION_AFTER_FIGURE.match(s.text[m.end:])):
                first = s.text.find(items[0], m.end)
                for item in items:
                    drafts.append(Draft("deal", s, m, investors=[n.text for n in companies(item)], project=item,
                                        place_text=item, in_list=len(items) > 1, list_start=max(first, 0)))
                continue
            if m.each:
                continue  # "five projects each over 5 billion": a threshold, nobody named
            n = None if id(m) in shares else _count_projects(s.text, m.start)
            if n is None and TOTAL_BEFORE.search(_words_before(s.text, m.start)) and (after := COUNT_AFTER.match(s.text, m.end)):
                n = _count_value(after)  # "总投资195亿元的16个项目集中签约"
            if n is None and (after := COUNT_AFTER_EN.match(s.text, m.end)):
                n = _count_value(after)  # "will invest more than 130 billion CNY in ten priority projects, including …"
            plural = None if id(m) in shares else PLURAL_PROJECTS.search(s.text[:m.start])
            if plural and len(kept) >= 2 and INTRODUCES_ITEMS.match(s.text, plural.end()):
                plural = None  # "the major projects include A, in which X invests 28.3 billion yuan; B …": items
            together = None if id(m) in shares else TOGETHER.search(s.text)
            if n is None and together:
                n = max(2, len(re.findall(r"\bproject\b", s.text[:m.start])))
            if n is None and plural:
                n, counted = _counted_in_previous(ctx, s)
                if counted is not None and (RUNNING_TOTAL.search(counted.text) or OFFERED.search(counted.text)):
                    continue  # "In the first five months, 37 projects ... These projects will attract ...": a tally;
                    #           "put 100 projects up for investment. The projects are expected to draw ...": an offer
            if n is None and id(m) not in shares and TOTAL_OF_ALL.search(s.text[:m.start]) \
                    and not re.search(r"\bproject\b|项目", s.text[:m.start], re.I) and not investors:
                n = _counted_in_previous(ctx, s, back=1)[0]
            kind = "bundle" if (n or plural or together) else "deal"
            d = Draft(kind, s, m, n_projects=n if kind == "bundle" else None,
                      investors=[] if kind == "bundle" else investors, partners=partners,
                      band=bool(n and id(m) not in shares and SIZE_GROUP.search(s.text[:m.start])))
            d.place_text = clause
            if kind == "bundle":
                d.project = _bundle_name(ctx, s)
                d.standalone = bool(ALSO_SIGNED_GROUP.search(s.text))  # "Contracts were also signed for 48 projects"
            else:
                d.project = _set_up_name(clause or s.text) or _project_name(clause or s.text, investors)
                if ANAPHORA.match(s.text) and not projects(clause or s.text) and not _set_up_name(clause or s.text):
                    d.project = _look_back_project(ctx, s) or d.project  # "the project" named before
            if _repeats(d, seen, s):
                continue
            seen.append(d)
            outer = _outer_count(s, d) if kind == "bundle" else None
            if outer is not None and not any(o.sent is s and o.n_projects == outer.n_projects for o in drafts):
                drafts.append(outer)
                d.parent = outer
            drafts.append(d)
    return drafts


def _outer_count(s: Sentence, d: Draft) -> Draft | None:
    """"本次签约仪式共有60个项目集中签约,其中长春市促成合同项目27个,总投资496.1亿元", "A total of 60 projects were signed,
    of which 27 ... worth 49.6 billion": the whole count, given without a figure, is a bundle of its own and the
    figure's group a part of it."""
    hit = OUTER_COUNT.search(s.text, 0, d.money.start)
    if not hit or not d.n_projects:
        return None
    n = _number_word(hit["n"] or hit["en"])
    if not n or n <= d.n_projects:
        return None
    return Draft("bundle", s, None, n_projects=n, at=hit.start(), whole_end=hit.end())


def _rounded_from(m: Money, body: list[float]) -> bool:
    """Whether a headline's figure is a body figure rounded or cut to the headline's digits ("more than 16 bln
    USD" over "118.48 billion yuan (about 16.62 billion U.S. dollars)")."""
    digits = _significant(m)
    if not digits:
        return False
    for value in body:
        if value <= 0 or value == m.value:
            continue
        unit = 10 ** (math.floor(math.log10(value)) - digits + 1)
        if any(abs(v - m.value) <= 1e-9 * m.value for v in (round(value / unit) * unit, math.floor(value / unit) * unit)):
            return True
    return False


def _in_tally_paragraph(ctx: ArticleContext, s: Sentence) -> bool:
    """"今年以来,各新区…取得积极进展。…南京江北新区新签约项目649个,协议投资总额约3600亿元": a paragraph that
    opens with a running total tallies the year so far, unless a sentence tells an event of its own."""
    first = next((p for p in ctx.sentences[max(0, ctx.index(s) - 30):ctx.index(s)] if p.para == s.para), None)
    day = ctx.sentence_date(s)
    return first is not None and bool(PARA_TALLY.match(first.text)) and not EVENT_CUE.search(s.text) \
        and not (day and len(day) == 10)  # "一季度，全区新开工…25个": a span of the year is no event's day


def _shouted(ctx: ArticleContext, s: Sentence) -> bool:
    """A short line of its own before the story's first paragraph, or ending in "!": a headline or kicker."""
    alone = all(x.para != s.para or x is s for x in ctx.sentences[max(0, ctx.index(s) - 1):ctx.index(s) + 2])
    return alone and (len(s.text) <= 40 or s.text.rstrip().endswith(("!", "！")))


def _phase_of_previous(ctx: ArticleContext, s: Sentence, m: Money, kept: list[Money], drafts: list[Draft]) -> bool:
    """"... 8 billion yuan. The first phase ... at an estimated 1.6 billion yuan": the first phase of a project whose
    whole figure was just given (in this sentence or one of the two before) is not a deal of its own."""
    if not PHASE_BEFORE.search(s.text[max(0, m.start - 80):m.start]):
        return False
    if any(k.start < m.start for k in kept):
        return True
    last = drafts[-1] if drafts else None
    return bool(last and last.kind == "deal" and last.money and 0 <= ctx.index(s) - ctx.index(last.sent) <= 2)


def _names_after(text: str, kept: list[Money], k: int) -> list[str]:
    """The projects named right after figure k ("投资额30亿元的A项目、B项目和C项目"), up to the next figure.

    >>> t = "分别为投资额36亿元的甲区数字平台项目,以及投资额30亿元的乙区产业园项目、丙区生产基地项目等。"
    >>> ms = find_amounts(t)
    >>> _names_after(t, ms, 0), _names_after(t, ms, 1)
    (['甲区数字平台项目'], ['乙区产业园项目', '丙区生产基地项目'])
    """
    m = kept[k]
    lead = NAMES_AFTER_FIGURE.match(text, m.end)
    if not lead:
        return []
    end = kept[k + 1].start if k + 1 < len(kept) else len(text)
    span = re.split(r"[。；;]", text[lead.end():end])[0]
    if k + 1 < len(kept):  # up to the next figure's lead-in ("，以及投资额", "和灌云县投资")
        span = re.sub(NAMES_END, "", span)
    else:  # the last figure's names end at a comma or a closing 等 ("…项目等,涵盖汽车零部件、新能源…")
        span = re.split(r"[,，]|等(?=[,，。；;]|$)", span)[0]
    span = re.sub(r"等\s*$", "", span.strip(" ,，"))
    items = [trim_name(i.strip(" ,，")) for i in re.split(r"、|(?<=[目园心地线厂台院城站馆楼链群])(?:以及|和)", span)]
    return [i for i in items if is_project_name(i) and not COUNT_START.match(i)]  # "16个…项目" counts, names none


def _name_before(text: str, kept: list[Money], k: int) -> str | None:
    """A project named right before its figure in a list: "..., the B Project with total investment of CNY 40.6
    billion, and ..." -> "B Project" (the words since the figure before, after a comma or "including").

    >>> t = "They include the Alpha Park Project with total investment of CNY 15 billion, and the B Base with an investment of 2 billion yuan."
    >>> ms = find_amounts(t)
    >>> _name_before(t, ms, 0), _name_before(t, ms, 1)
    ('Alpha Park Project', 'B Base')
    """
    start = kept[k - 1].end if k else 0
    m = NAME_BEFORE_FIGURE.search(text[start:kept[k].start])
    if not m:
        return None
    name = re.sub(r"^(?:and|as\s+well\s+as)\s+|^(?:the|a|an)\s+", "", m.group("name").strip(), flags=re.I)
    name = re.sub(r"^.*\b(?:include[sd]?|including|namely|such\s+as|are|is)\s+(?:the\s+)?", "", name)
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    if re.search(r"\d|\b(?:signed|inked|started|launched|began|were|was|are|is|have|has|had|will|would)\b", name):
        return None  # a clause ("Pingshan District signed 18 projects with ..."), not a name
    if BUNDLE_COUNT.match(name):
        return None  # "Thirty-six projects with a total investment of …": a count, not a name
    return name if is_project_name(name) and name[:1].isupper() else None


def _clause_of(text: str, kept: list[Money], k: int) -> str | None:
    """With several figures in one sentence, the words that belong to figure k: from the end of the
    figure before it to the end of this one ("A ..., with 2.8 billion yuan, and B ..., with 2.16 billion yuan")."""
    if len(kept) < 2:
        return None
    start = kept[k - 1].end if k else 0
    clause = text[start:kept[k].end]
    if not companies(clause):  # "including a 10-billion-yuan chip plant by SK Hynix": the words come after
        end = kept[k + 1].start if k + 1 < len(kept) else len(text)
        stop = CLAUSE_STOP.search(text, kept[k].end, end)  # (not past a semicolon: "Fuzhou 90, 70.1 billion
        clause = text[start:stop.start() if stop else end]  # yuan;the area managed by Ganjiang New District 6, …")
    return clause.strip(" ,;，、")


def _set_up_name(text: str) -> str | None:
    """"... will invest 10 billion yuan to set up Tus Tianfu Blockchain Industrial Group": what is set up."""
    for n in companies(text):
        if SET_UP_BEFORE.search(text[max(0, n.start - 30):n.start]):
            return n.text
    return None


def _look_back_project(ctx: ArticleContext, s: Sentence) -> str | None:
    """The project named in the sentence before, within the paragraph or the one before it."""
    for p in reversed([p for p in ctx.before_in_section(s, paras=1) if s.para - p.para <= 1 and not p.heading][-2:]):
        names = projects(p.text)
        if names:
            return names[-1].text
    return None


def _look_back_companies(ctx: ArticleContext, s: Sentence) -> list[str]:
    """Companies named earlier in the same paragraph, or in the paragraph before within the section."""
    for p in reversed([p for p in ctx.before_in_section(s, paras=1) if s.para - p.para <= 1 and not p.heading][-4:]):
        names = _parties(p.text)[0]
        if names:
            return names
    return []


def _previous_clauses(ctx: ArticleContext, s: Sentence, n: int) -> list[str]:
    """The n clauses of the enumeration before a "respectively" sentence, one per project."""
    before = ctx.before_in_section(s)[-4:]
    for p in reversed(before):
        parts = [c for c in re.split(r";\s*|；", p.text) if c.strip()]
        if len(parts) == n:
            return parts
        parts = [c for c in re.split(r",?\s+and\s+(?=[A-Z])|、", p.text) if c.strip()]
        if len(parts) == n:
            return parts
    return []


def _clause_name(clause: str) -> str:
    head = re.split(r",|，", clause)[0]
    head = re.sub(r"^\s*(?:and\s+)?(?:these are|this is|they are|namely)?\s*(?:the\s+)?", "", head, flags=re.I)
    return head.strip()[:120]


def _counted_in_previous(ctx: ArticleContext, s: Sentence, back: int = 3,
                         at_least: int = 0) -> tuple[int | None, Sentence | None]:
    """The count of projects of the nearest of the `back` sentences before s (same section) that counts at least
    `at_least` projects, and that sentence."""
    i = ctx.index(s)
    for p in reversed([p for p in ctx.sentences[max(0, i - back - 8):i] if p.section == s.section
                       and not p.heading][-back:]):
        n = _count_projects(p.text, len(p.text))
        if n and n >= at_least:
            return n, p
    return None, None


def _significant(m: Money) -> int | None:
    """How many significant digits the figure's text gives ("46.3 billion" 3, "1,020亿" 3); None for words."""
    number = re.search(r"\d[\d,.]*", m.text)
    if not number:
        return None
    digits = re.sub(r"\D", "", number.group().rstrip(".,")).lstrip("0")
    return len(digits.rstrip("0")) or 1


def _same_figure(a: Money, b: Money) -> bool:
    """Whether two figures are one figure told twice: equal once the more precise is rounded to the other's
    precision ("46.28 billion" and "46.3 billion"), not merely close ("200.2 billion" and "201.2 billion")."""
    if a.value == b.value:
        return True
    if abs(a.value - b.value) > 0.005 * max(a.value, b.value):
        return False
    sa, sb = _significant(a), _significant(b)
    if sa is None or sb is None:
        return True
    coarse, fine = (a, b) if sa <= sb else (b, a)
    digits = min(sa, sb)
    rounded = float(f"{fine.value:.{digits}g}")
    return abs(rounded - coarse.value) <= 1e-9 * coarse.value


class _Seen:
    """The figures recorded so far, in order, looked up by currency and value: a figure is only ever the
    same as one within 0.5 % of it (`_same_figure`), so a repeat is sought among those, not all."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self._values: dict[str | None, list[tuple[float, int]]] = {}  # currency -> (value, order), by value

    def append(self, d: Draft) -> None:
        insort(self._values.setdefault(d.money.currency, []), (d.money.value, len(self.drafts)))
        self.drafts.append(d)

    def near(self, m: Money) -> list[Draft]:
        """The figures of m's currency within 1 % of it (a superset of the same figures), in order."""
        values = self._values.get(m.currency)
        if not values:
            return []
        lo, hi = sorted((m.value * 0.99, m.value / 0.99))
        found = values[bisect_left(values, (lo, -1)):bisect_right(values, (hi, len(self.drafts)))]
        return [self.drafts[i] for i in sorted(i for _, i in found)]


def _shared_phrase(a: str, b: str) -> bool:
    """Whether two sentences share four words in a row ("energy and chemical engineering projects") or, in
    Chinese, six characters in a row, figures aside."""
    def grams(text: str) -> set:
        words = re.findall(r"[a-z]+", text.lower())
        out = {tuple(words[i:i + 4]) for i in range(len(words) - 3)}
        han = re.sub(r"[^\u4e00-\u9fff]+", "|", text)
        out |= {han[i:i + 6] for i in range(len(han) - 5) if "|" not in han[i:i + 6]}
        return out
    return bool(grams(a) & grams(b))


def _repeats(d: Draft, seen: _Seen, s: Sentence) -> bool:
    """A second mention of a figure already recorded in this article (not a list of equal figures)."""
    if s.list_item or (d.money and re.search(r"同样|同为|也是|\b(?:likewise|also)\b[^,.;，。；]{0,30}$",
                                              s.text[max(0, d.money.start - 40):d.money.start], re.I)):
        return False  # "B项目同样总投资105亿元": another project of the same figure
    for other in seen.near(d.money):
        if other.money.currency == d.money.currency and _same_figure(other.money, d.money):
            if other.kind == "deal" and d.kind == "bundle" and not other.investors and (
                    (_significant(d.money) or 0) >= 3 or _shared_phrase(other.sent.text, s.text)):
                # "Deals worth 13.4 billion yuan were negotiated", then "18 companies signed ... 13.4 billion":
                # the same precise figure, first said vaguely: one bundle (or a round figure with the same words
                # around it: "approved more than 200 billion yuan of energy and chemical engineering projects")
                other.kind, other.n_projects, other.project = "bundle", d.n_projects, d.project
                other.date_hint = other.date_hint or s
                return True
            if other.kind != d.kind:
                continue
            if other.kind == d.kind == "bundle" and other.n_projects and d.n_projects and other.n_projects != d.n_projects:
                continue
            if d.kind == "deal" and d.investors and other.investors and not set(d.investors) & set(other.investors):
                continue
            if other.money.currency_implied and not d.money.currency_implied:
                hint = other.date_hint
                other.__dict__.update(d.__dict__)  # "The total investment is 27 billion!" atop "… is 27.029 billion
                other.date_hint = hint or other.date_hint  # yuan": the figure told with its currency is the record
                return True
            other.date_hint = other.date_hint or s  # the repeat may carry the date the first mention lacked
            return True
    return False


# --- step 2: records without figures -------------------------------------------------------------------------
def plain_drafts(ctx: ArticleContext, taken: set[int]) -> list[Draft]:
    drafts: list[Draft] = []
    for s in ctx.sentences:
        if s.heading or s.para == ctx.title_para:
            continue
        status = status_of(s.text)
        groups, count_before = _counts_by_kind(s.text), None
        if not status and not ctx.amounts(s) and not ctx.dates_in(s.start, s.end) and CONTINUES_COUNT.search(s.text) \
                and (more := _counts_by_kind(s.text, continuing=True)) and (
                (count_before := _counted_in_previous(ctx, s, back=6, at_least=_counted_by(s.text, more))[1]) is not None):
            groups = more  # "… added 87 key projects. Advanced manufacturing makes up 19 of them, …; six projects
            #                concern urban construction and nine are environmental protection projects": its groups
        groups = _parts_only(s.text, groups)
        if groups and _no_investment_after(s.text, ctx.amounts(s), groups[0][0]) \
                and not _counts_by_stage(s.text) and not RUNNING_TOTAL.search(s.text) \
                and not OFFERED.search(s.text) and not COMPARED_GROUPS.search(s.text):
            # (the groups may follow the figure they break down, "10个项目总投资42.95亿元,…按领域分,医养健康类2个、…":
            # that sentence's figure is taken, its groups are not)
            counted = _counted_by(s.text, groups)
            whole_n = _first_count(s.text[:groups[0][0]])  # "signed 20 projects, including 12 industrial projects and 8 …"
            whole = None
            if whole_n and whole_n >= counted and status and s.start not in taken:
                whole = Draft("bundle", s, n_projects=whole_n, project=_bundle_name(ctx, s))
                whole.status = status
                drafts.append(whole)
            if not status and count_before is None and OF_THE_COUNT_BEFORE.search(s.text):
                # "24 projects were signed. Of these, …": the count the groups fit in (not "24 of them over 100
                # million yuan each"; not "the city now has 300 manufacturing projects and 200 …" after it)
                count_before = _counted_in_previous(ctx, s, at_least=counted)[1]
            # the stage: the sentence's own, else the count's ("": counted before, at a stage not said there)
            stage = status or ((status_of(count_before.text) or "") if count_before is not None else None)
            if stage is not None:
                for at, count in groups:
                    d = Draft("bundle", s, n_projects=count, at=at, by_kind=True, parent=whole)
                    d.status = stage or None  # (none said: the status its whole gets)
                    drafts.append(d)
                continue
        if s.start in taken:
            continue
        n = _first_count(s.text) if status else None  # only a bundle with a status needs its count
        if n and status and not ctx.amounts(s) and PROJECT_COUNT.search(s.text) \
                and not RUNNING_TOTAL.search(s.text) and not OFFERED.search(s.text):
            stages = _counts_by_stage(s.text)
            for at, count, stage in stages or [(0, n, status)]:
                d = Draft("bundle", s, n_projects=count, project=None if stages else _bundle_name(ctx, s), at=at)
                d.status = stage
                drafts.append(d)
        elif status in ("founded", "approved") and (named := _event_object(s.text)):
            if named.lower() in {e.project.lower() for e in drafts if e.kind == "event"}:
                continue  # the same alliance or park again
            investors, partners = _parties(s.text)
            d = Draft("event", s, investors=investors, partners=partners, project=named)
            d.status = status
            drafts.append(d)
        elif SIGNING.search(s.text):
            investors, partners = _parties(s.text)
            if not investors and REFERS_BACK.search(s.text):
                investors = _look_back_companies(ctx, s)
            project = _project_name(s.text, investors)
            if not investors and not (project and (partners or PROJECT_PHRASE.search(s.text))):
                continue  # a signing with nobody and nothing named is no record
            d = Draft("deal", s, investors=investors, partners=partners, project=project)
            d.standalone = bool(ALSO_SIGNING.search(s.text))
            drafts.append(d)
    return drafts


def _figure_span(d: Draft, figures: list[Draft]) -> str:
    """The words of d's sentence between the figure before d's and the one after it: "23 projects … 5.14 billion
    yuan were launched in Jinzhong and 21 projects … 7.67 billion yuan went into operation" gives each figure its
    own verb. The whole sentence for a figure alone in it."""
    if d.money is None or len(figures) < 2:
        return d.sent.text
    k = next((i for i, f in enumerate(figures) if f is d), None)
    if k is None:
        return d.sent.text
    start = figures[k - 1].money.end if k > 0 else 0
    end = figures[k + 1].money.start if k + 1 < len(figures) else len(d.sent.text)
    return d.sent.text[start:end] if start < end else d.sent.text


def _parts_only(text: str, groups: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The groups that are parts of the sentence's count: after its "其中" when it has one (the count before it is the
    whole: "全年确定实施重点项目52个,…,其中续建项目19个、新建项目33个"), and not one told in addition ("另有重大前期项目17个")."""
    cut = text.find("其中")
    if cut > 0 and any(at >= cut for at, _ in groups):
        groups = [(at, n) for at, n in groups if at >= cut]
    return [(at, n) for at, n in groups if not IN_ADDITION.match(text, at)]  # (the group that 另有 opens)


def _no_investment_after(text: str, ms: list[Money], at: int) -> bool:
    """Whether no figure after `at` (the first group) is money put into projects: "其中续建项目19个、新建项目33个,
    年度计划投资53.6亿元" has a year's plan after its groups, which splits nothing."""
    return all(m.end <= at or _is_not_investment(text, ms, i) for i, m in enumerate(ms))


def _counted_by(text: str, groups: list[tuple[int, int]]) -> int:
    """How many projects a sentence's groups count: the largest of the runs a semicolon parts ("其中，兴义市3个，…，
    义龙新区3个；亿元以上项目17个，产业发展项目15个": two breakdowns of the same 32 projects, not 64)."""
    runs, last, total = [], 0, 0
    for at, n in groups:
        if CLAUSE_STOP.search(text, last, at) and total:
            runs.append(total)
            total = 0
        total, last = total + n, at
    runs.append(total)
    # (runs of about the same sum are breakdowns of one count; unequal ones, "工业项目12个；服务业项目9个；…", its parts)
    return max(runs) if min(runs) >= 0.8 * max(runs) else sum(runs)


def _counts_by_kind(text: str, continuing: bool = False) -> list[tuple[int, int]]:
    """"16 industry transfer projects and five science and technology projects were concluded", "Of these, 8 are
    municipal-level projects and 11 are regional-level projects", "13个光伏项目中,镇宁4个、关岭7个": (where, count) of
    each group of two or more projects the sentence counts by a kind of its own, when there are two or more such
    groups (a kind is no stage, "签约项目12个"; a bare place counts a group only in a breakdown, "…项目中,"; a kind
    told after its count, "71 concern major infrastructure", only where the sentence goes on about a count:
    "Of the 230 projects,", or `continuing`, the caller knows it does)."""
    out, kinds = [], []
    for m in _group_words_in(text):
        kind = _group_kind(m).strip()
        n = _number_word(_group_count(m))
        if not kind or not n or n < 2 or NOT_A_KIND.search(kind):
            continue
        if (m["what_zh3"] and not ZH_BREAKDOWN.search(text)) or (m["what_en2"] and not EN_BREAKDOWN.search(text)) \
                or ((m["what_en3"] or m["what_en4"] or m["what_en6"] or m["what_en7"]) and not continuing
                    and not OF_THE_COUNT_BEFORE.search(text)) \
                or text.startswith("中", m.end()):
            continue  # ("13个光伏项目中": the whole a breakdown splits)
        out.append((m.start(), n))
        kinds.append(set(kind.lower().split()))
    if len(out) == 1 and continuing and kinds[0] - VAGUE_GROUP_WORDS:
        return out  # one group alone, of a kind of its own ("Twenty-two projects are devoted to industry"), only in a
        #             breakdown going on (not "the city had 5 big projects")
    return out if len(out) >= 2 else []


@lru_cache(maxsize=256)  # a sentence is read for its groups, as a breakdown going on, and for a bundle's name
def _group_words_in(text: str) -> tuple[re.Match, ...]:
    """GROUP_WORDS's matches in the text, found once."""
    return tuple(GROUP_WORDS.finditer(text))


def _group_kind(m: re.Match) -> str:
    return m["what"] or m["what_zh"] or m["what_zh2"] or m["what_zh3"] or m["what_en2"] or m["what_en3"] \
        or m["what_en4"] or m["what_en6"] or m["what_en7"] or ""


def _group_count(m: re.Match) -> str:
    return m["n"] or m["n_zh"] or m["n_zh2"] or m["n_zh3"] or m["n_en2"] or m["n_en3"] or m["n_en4"] or m["n_en6"] \
        or m["n_en7"]


def _counts_by_stage(text: str) -> list[tuple[int, int, str]]:
    """"263 projects were signed, 231 broke ground and another 199 went into operation": (where, count, status)
    of each clause that counts projects of a stage of its own, when there are two or more such stages."""
    out, start = [], 0
    for cut in list(COUNT_CLAUSE_CUT.finditer(text)) + [None]:
        end = cut.start() if cut else len(text)
        clause = text[start:end]
        number = CLAUSE_COUNT.search(clause)
        stage = status_of(re.sub(r"^\s*(?:when|while|as|where)\s+", "", clause, flags=re.I))
        if stage == "founded":
            stage = "started"  # "310 were launched": projects launched are started
        if number and stage:
            count = _number_word(number.group(1))
            if count and count >= 2:
                out.append((start + number.start(), count, stage))
        start = cut.end() if cut else end
    return out if len({stage for _, _, stage in out}) >= 2 else []


def list_drafts(ctx: ArticleContext, drafts: list[Draft]) -> list[Draft]:
    """Projects named in lists without a figure ("其中有A、B和C", "such as A and B", numbered lines) become deals,
    and a counted group before such a list ("6 road projects, such as ...") a bundle of its own."""
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sentence.setdefault(d.sent.start, []).append(d)
    out = list(drafts)
    dropped: set[int] = set()  # plain deals of sentences whose list names the projects (removed at the end: linear)
    under_lead = False  # the lines of a list under "The ten projects are:"
    for s in ctx.sentences:
        if (s.heading and not (under_lead and LIST_MARK.match(s.text))) or s.para == ctx.title_para:
            continue  # (a list line ending in "and," looks like a heading)
        marked = bool(LIST_MARK.match(s.text))
        under_lead = marked and under_lead
        names = named_projects(s.text, under_lead=under_lead, has_figure=bool(ctx.amounts(s)))
        if LIST_LEAD_LINE.search(s.text):
            under_lead = True
        if not names:
            continue
        here = by_sentence.get(s.start, [])
        n_before = len(out)
        known = [d.project for d in here if d.project and d.kind != "bundle" and (d.money is not None or d.listed)]
        groups: dict[int, Draft] = {}
        for n in names:
            if any(n.name in k or k in n.name for k in known):
                continue  # named with its figure already
            plain = next((d for d in here if d.kind == "deal" and d.money is None and not d.listed), None)
            if n.clause is not None and plain is not None:
                if not plain.project or -1 < s.text.find(plain.project) < n.clause:  # (named before the verb: a party)
                    plain.project = n.name  # "… signed an agreement with Shenzhen Bay Laboratory to set up a translational
                continue                    # medicine center": the signing's deal, named by what it builds
            parent = None
            if n.group is not None:
                parent = groups.get(n.group.start)
                if parent is None:
                    named = f"{n.group.what} projects".capitalize() if n.group.what.strip() else None  # else described
                    parent = Draft("bundle", s, n_projects=n.group.n, project=named, at=n.group.start)
                    groups[n.group.start] = parent
                    out.append(parent)
            d = Draft("deal", s, investors=[c.text for c in companies(n.name)], project=n.name, place_text=n.name,
                      at=n.start, listed=True, list_start=names[0].start if n.clause is None else _clause_end(s.text, n))
            d.parent = parent
            out.append(d)
        if groups or any(d.listed for d in out[n_before:]) or any(d.listed for d in here):
            dropped |= {id(d) for d in here if d.kind == "deal" and d.money is None and not d.listed}
    return [d for d in out if id(d) not in dropped] if dropped else out


_CLAUSE_END = re.compile(r"[,，;；。]|\.(?!\d)")
# After a place, a verb of building: "在明光市新建…", "将在成都打造…" (not "在深圳签约", a venue).
_BUILT_AFTER = re.compile(r"[^，,。；;]{0,8}?(?:建设|打造|兴建|新建|设立|布局|建)")


def _built_there(ctx: ArticleContext, m: PlaceMention) -> bool:
    return bool(_BUILT_AFTER.match(ctx.text, m.end, m.end + 12))


def _clause_end(text: str, n) -> int:
    """Where the clause naming a project alone ends ("will set up a manufacturing base in Xinghua, …": its place too)."""
    cut = _CLAUSE_END.search(text, n.start + len(n.name))
    return cut.start() if cut else len(text)


def _party_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+|[\u4e00-\u9fff]", name.lower()) if w not in PARTY_STOP}


def _same_parties(a: list[str], b: list[str]) -> bool:
    """Whether two lists name a common party ("Chengdu Industry Group" ~ "Chengdu Industrial Group")."""
    for x in a:
        for y in b:
            wx, wy = _party_words(x), _party_words(y)
            if wx and wy and (len(wx & wy) / len(wx | wy) >= 0.5 or wx <= wy or wy <= wx):
                return True
    return False


PARTY_STOP = {"co", "ltd", "group", "company", "corporation", "inc", "limited", "the", "of", "and", "holdings",
              "industrial", "industry", "investment", "technology", "公", "司", "集", "团", "有", "限"}


def _event_object(text: str) -> str | None:
    """The named alliance, park or zone a founding or approval is about ("Hunan Blockchain Industrial Park")."""
    for m in EVENT_OBJECT.finditer(text):
        name = re.sub(r"^(?:the|a|an|its|this|first|China's)\s+", "", m.group(0).strip(), flags=re.I)
        words = name.split()
        if len(words) >= 2 and words[0][0].isupper() or re.search(r"[\u4e00-\u9fff]{2,}(?:联盟|产业园|园区)", name):
            return name
    return None


def _merge_plain(drafts: list[Draft]) -> list[Draft]:
    """A signing without a figure is the same deal as a figure for the same investors at the same place
    (or the figure without named investors in its section), and as an earlier signing of theirs.

    Each twin is the first in order that `_is_twin` (or `_is_earlier_signing`) accepts, as a scan of every
    draft would find; `_TwinIndex` only narrows the scan to the drafts that can be accepted, so it stays
    linear in the article's length."""
    out: list[Draft] = []
    figures = _TwinIndex([o for o in drafts if o.money and o.kind == "deal"])
    in_list = _ListedTwins(figures.drafts, {d.project for d in drafts if d.listed})
    signings = _TwinIndex([])
    for d in drafts:
        if d.listed:  # named in a list, its figure told in a sentence of its own: one deal
            twin = in_list.first(d)
            if twin:
                if not twin.project or twin.project not in d.project:
                    twin.project = d.project
                    figures.project_changed(twin)
                continue
        if d.kind == "deal" and d.money is None and not d.listed:
            twin = next((o for o in figures.candidates(d, by_section=True) if _is_twin(o, d)), None)
            # several signings of one agreement without a figure (ceremony, captions): one deal
            twin = twin or next((o for o in signings.candidates(d) if _is_earlier_signing(o, d)), None)
            if twin:
                gains = not twin.investors and d.investors
                twin.investors = twin.investors or d.investors
                if gains:
                    (figures if twin.money else signings).investors_changed(twin)
                twin.partners = list(dict.fromkeys(twin.partners + d.partners))
                if twin.money is None and SIGNED_NOW.search(d.sent.text) and not SIGNED_NOW.search(twin.sent.text):
                    twin.sent = d.sent  # "agreed to build" in 2019, "officially signed" in 2020: the signing is the record
                else:
                    twin.date_hint = twin.date_hint or d.sent
                continue
        out.append(d)
        signings.add(d)
    return out


def _same_place(o: Draft, d: Draft) -> bool:
    return not (o.city and d.city and o.city != d.city)


def _is_twin(o: Draft, d: Draft) -> bool:
    """Whether figure o is the deal that signing d (without a figure) tells again."""
    same_project = bool(o.project and d.project and o.project.lower() == d.project.lower())
    return bool(o.money and o.kind == "deal" and _same_place(o, d) and (
        _same_parties(o.investors, d.investors) or same_project
        or (not o.investors and o.sent.section == d.sent.section)))


def _is_earlier_signing(o: Draft, d: Draft) -> bool:
    return o.kind == "deal" and o.money is None and _same_place(o, d) and _same_parties(o.investors, d.investors)


class _TwinIndex:
    """Drafts in order, looked up by what a twin must share with d: a word of an investor's name
    (`_same_parties` needs one), the project's name, or (for a figure without investors) the section.
    A lookup gives a superset of the twins, in order; the caller's test decides."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.drafts: list[Draft] = []
        self._order: dict[int, int] = {}
        self._by_word: dict[str, list[int]] = {}
        self._by_project: dict[str, list[int]] = {}
        self._bare_by_section: dict[int, list[int]] = {}  # figures without investors (they gain them, never lose)
        for d in drafts:
            self.add(d)

    def add(self, d: Draft) -> None:
        i = self._order[id(d)] = len(self.drafts)
        self.drafts.append(d)
        self.investors_changed(d)
        self.project_changed(d)
        if not d.investors:
            self._bare_by_section.setdefault(d.sent.section, []).append(i)

    def investors_changed(self, d: Draft) -> None:
        i = self._order[id(d)]
        for w in {w for name in d.investors for w in _party_words(name)}:
            _insert(self._by_word.setdefault(w, []), i)

    def project_changed(self, d: Draft) -> None:
        if d.project:
            _insert(self._by_project.setdefault(d.project.lower(), []), self._order[id(d)])

    def candidates(self, d: Draft, by_section: bool = False):
        lists = [self._by_word.get(w, []) for w in {w for name in d.investors for w in _party_words(name)}]
        if d.project:
            lists.append(self._by_project.get(d.project.lower(), []))
        if by_section:
            lists.append(self._bare_by_section.get(d.sent.section, []))
        last = -1
        for i in heapq.merge(*lists):
            if i != last:
                last = i
                yield self.drafts[i]


def _insert(positions: list[int], i: int) -> None:
    if not positions or positions[-1] < i:
        positions.append(i)
    elif positions[bisect_left(positions, i)] != i:
        insort(positions, i)


class _ListedTwins:
    """For each name of a list, the first two figures (of different sentences) whose sentence names it:
    one Aho-Corasick pass over the figures' sentences in place of a scan per name."""

    def __init__(self, figures: list[Draft], names: set[str]) -> None:
        self._figures = figures
        self._first: dict[str, list[Draft]] = {}
        names = {n for n in names if n}
        if not names or not figures:
            return
        import ahocorasick

        auto = ahocorasick.Automaton()
        for n in names:
            auto.add_word(n, n)
        auto.make_automaton()
        done: set[int] = set()
        for o in figures:  # the first figure of each sentence, sentences in the order of their first figure
            if id(o.sent) in done:
                continue
            done.add(id(o.sent))
            for n in {n for _, n in auto.iter(o.sent.text)}:
                got = self._first.setdefault(n, [])
                if len(got) < 2:
                    got.append(o)

    def first(self, d: Draft) -> Draft | None:
        """The first figure in a sentence other than d's that names d's project."""
        if not d.project:
            return next((o for o in self._figures if o.sent is not d.sent and d.project in o.sent.text), None)
        return next((o for o in self._first.get(d.project, []) if o.sent is not d.sent), None)


# --- step 3: bundles and their components --------------------------------------------------------------------
def _drop_repeated_bundles(drafts: list[Draft]) -> list[Draft]:
    """Two bundles of the same N projects at the same place are one: keep the most precise figure
    ("9 projects were signed" then "their total exceeds 1.7 billion": one bundle). Linear: grouped by key."""
    groups: dict[tuple, list[Draft]] = {}
    for d in drafts:
        if d.kind == "bundle" and d.n_projects:
            groups.setdefault((d.n_projects, d.park, d.city), []).append(d)
    dropped: set[int] = set()
    parents = {id(d.parent) for d in drafts if d.parent is not None}
    for group in groups.values():
        figures = [d for d in group if d.money]
        if not figures:
            # "Xuchang signed 6 projects, including A": the count and the list's group are one bundle (keep the
            # one that holds the list's members)
            for sentence, status in {(id(d.sent), d.status) for d in group}:
                same = [d for d in group if id(d.sent) == sentence and d.status == status and not d.by_kind]
                keep = next((d for d in same if id(d) in parents), None)
                if keep is not None:  # (not "6 projects were signed … and 6 projects broke ground": two stages)
                    dropped |= {id(d) for d in same if d is not keep and id(d) not in parents}
                    # and a group by kind that is the list's group told again ("Four people's livelihood projects
                    # are included, such as A"), not a sibling of another kind ("9 road projects such as A; 9 water …")
                    dropped |= {id(d) for d in group if d.by_kind and id(d.sent) == sentence and id(d) not in parents
                                and _same_kind(d, keep)}
            continue
        digits = lambda d: len(re.sub(r"\D", "", re.sub(r"[.,]0+\b", "", d.money.text)))  # noqa: E731
        # the first of the most precise, but not a figure well below another of its own sentence: that is a
        # part of the same projects' money ("their total investment is 2.9 trillion yuan, and 486.8 billion yuan
        # is planned for this year"), not the total restated more precisely
        whole = [d for d in figures if not any(o.sent is d.sent and o.money.value * 0.8 > d.money.value for o in figures)]
        best = max(whole, key=digits)
        # (parts of one breakdown sentence with the same count are siblings: "农水项目9个,…;交通项目9个,…")
        dropped |= {id(d) for d in group if d is not best and not _sibling_parts(d, best)}
    return [d for d in drafts if id(d) not in dropped]


def _same_kind(d: Draft, named: Draft) -> bool:
    """Whether a group by kind names the kind a list's group is named by ("people's livelihood")."""
    words = set(_group_words(d.sent.text, d.n_projects, d.at).lower().split()) - {"projects", "project"}
    return bool(words) and words <= set((named.project or "").lower().split())


def _drop_instalments(ctx: ArticleContext, drafts: list[Draft]) -> list[Draft]:
    """"… a US$1 billion chip plant … $200 million in the first, $400 million in the second and $400 million in the
    third", "Intel will invest US$375 million … will first invest US$200 million … may later spend up to US$175
    million more": two or more figures right after a deal's (within three sentences, in its currency, each smaller,
    a word of stages in their sentence) that add up to it are its stages, not deals of their own
    ("中化学…260亿元；中电建…140亿元；联投…120亿元" adds up too, but has no word of stages). Linear in the figures:
    each deal looks at most three sentences ahead."""
    stages: set[tuple[int, int]] = set()  # (sentence start, figure start) of the stages found
    for d in drafts:
        if d.kind != "deal" or not d.money or d.listed or d.in_list or (d.sent.start, d.money.start) in stages:
            continue
        at = ctx.index(d.sent)
        run, total = [], 0.0
        for s in ctx.sentences[at:at + 4]:
            for m in ctx.amounts(s):
                if s is d.sent and m.start <= d.money.start:
                    continue
                if m.currency != d.money.currency or m.value >= d.money.value or not STAGE_CUE.search(s.text):
                    break
                run.append((s.start, m.start))
                total += m.value
                if total >= d.money.value * 0.995:
                    break
            else:
                continue
            break
        if len(run) >= 2 and abs(total - d.money.value) <= 0.005 * d.money.value:
            stages.update(run)
    return [d for d in drafts if not (d.money and (d.sent.start, d.money.start) in stages)]


def _sibling_parts(a: Draft, b: Draft) -> bool:
    """Two parts of one breakdown sentence, each in its own clause ("农水项目9个,总投资119.2亿元;交通项目9个,…")."""
    if a.sent is not b.sent or not a.money or not b.money:
        return False
    lo, hi = sorted((a.money, b.money), key=lambda m: m.start)
    between = a.sent.text[lo.end:hi.start]
    cut = max(between.rfind(";"), between.rfind("；"))
    if cut < 0 or PART_OF_BEFORE.search(between[cut:]):
        return False  # "…40 projects worth 30 billion yuan; among them, 12 projects …": a part, not a sibling
    return bool(BUNDLE_COUNT.search(between[cut:]) or ELIDED_COUNT.search(between[cut:]))
    # (the later part counts its own projects: "; four are in new energy, totaling …" too)


class _OpenBundles:
    """The bundles met so far, in order, looked up by what `_same_part` asks: those of a section, and the
    top-level ones (a breakdown in a later section may belong to one), so linking stays linear."""

    def __init__(self) -> None:
        self._order: dict[int, int] = {}                 # id(bundle) -> its place in order
        self._by_section: dict[int, list[Draft]] = {}
        self._top: list[Draft] = []                      # bundles without a parent (fixed once they are open)
        self._top_sections: list[int] = []               # ... their sections
        self._top_in_order = True                        # ... came in the order of their sections
        self._sentences: set[int] = set()                # id of each open bundle's sentence

    def append(self, b: Draft) -> None:
        self._order[id(b)] = len(self._order)
        self._by_section.setdefault(b.sent.section, []).append(b)
        if b.parent is None:
            if self._top_sections and self._top_sections[-1] > b.sent.section:
                self._top_in_order = False
            self._top.append(b)
            self._top_sections.append(b.sent.section)
        self._sentences.add(id(b.sent))

    def first_top(self) -> Draft | None:
        """The first open bundle without a parent."""
        return self._top[0] if self._top else None

    def has_sentence(self, s: Sentence) -> bool:
        return id(s) in self._sentences

    def same_part(self, d: Draft) -> list[Draft]:
        """The open bundles b with `_same_part(b, d)` (and perhaps a few more), in order."""
        here = self._by_section.get(d.sent.section, [])
        if not self._top or not _breakdown_cue(d.sent.text):
            return here
        earlier = self._top_before(d.sent.section)
        if not earlier:
            return here
        if not here or self._order[id(earlier[-1])] < self._order[id(here[0])]:
            return earlier + here  # (both in order, apart, one before the other: what the sort below gives)
        return sorted({id(b): b for b in here + earlier}.values(), key=lambda b: self._order[id(b)])

    def _top_before(self, section: int) -> list[Draft]:
        """The top-level bundles of the sections before `section`, in order: a slice when the bundles came in
        the order of their sections (drafts are in text order), not a pass over all of them for each sentence."""
        if self._top_in_order:
            return self._top[:bisect_left(self._top_sections, section)]
        return [b for b in self._top if b.sent.section < section]


def link_components(drafts: list[Draft]) -> None:
    _link_lists_before_totals(drafts)
    _whole_count_from_breakdown(drafts)
    open_bundles = _OpenBundles()
    split_again: set[int] = set()  # sentences that split a total already split in full
    for d in drafts:
        if d.kind == "event":
            continue
        outer = open_bundles.first_top()
        if d.parent is None and d.kind == "bundle" and outer is not None and outer.amount_cny and d.amount_cny \
                and SPLIT_BY.search(d.sent.text[:40]) and d.amount_cny <= outer.amount_cny \
                and not _other_city(outer, d) \
                and (id(d.sent) in split_again or (outer.children_cny >= 0.99 * outer.amount_cny
                                                  and not open_bundles.has_sentence(d.sent))):
            d.parent, d.counts_in_totals = outer, False  # "Divided by the way of signing, …": the total split again
            split_again.add(id(d.sent))
        near = open_bundles.same_part(d)  # _fits and the breakdown test below both ask _same_part first
        if d.parent is None:
            d.parent = next((b for b in _candidates(open_bundles, near, d) if _fits(b, d, drafts)), None)
            if d.parent is not None and d.band:  # a size band splits the total again, beside its other parts:
                d.counts_in_totals = False       # the total counts its money once
            elif d.parent is not None:
                d.parent.children_cny += d.amount_cny or 0
        if d.parent is None and d.kind == "bundle" and d.amount_cny:
            # "by industry: 35 projects 78.86 bn, 15 projects ...": a second breakdown of a total already split
            b = next((b for b in reversed(near) if _same_part(b, d) and b.n_projects
                      and d.n_projects and d.n_projects < b.n_projects and (b.amount_cny or 0) >= d.amount_cny
                      and not d.standalone and not _other_city(b, d) and not _other_stage(b, d) and not _other_day(b, d)
                      and not _sibling_parts(b, d)), None)  # ("eight are in A, 1.66 bn; four are in B, …": side by side)
            if b is not None:
                d.parent, d.counts_in_totals = b, False
        if d.kind == "bundle" and not d.band and not d.by_kind:
            open_bundles.append(d)  # (a size band holds no later breakdown, "by county: …"; a group by kind no deals
            #                          the text does not put in it)
    _link_named_signers(drafts)


def _whole_count_from_breakdown(drafts: list[Draft]) -> None:
    """"… to start 205.1 billion yuan of major projects, with a total investment of 1.2 trillion yuan" then "Of the
    2,051 major projects, 903 are …": a breakdown that names the count of the whole gives it to the bundle before
    it that has none (so that its parts can go into it)."""
    last = None
    for d in drafts:
        if d.kind != "bundle":
            continue
        whole = WHOLE_OF_BREAKDOWN.match(d.sent.text)
        if whole and last is not None and last.n_projects is None and last.money and last.sent is not d.sent:
            n = _number_word(whole.group(1).replace(",", ""))
            if n and (d.n_projects or 0) < n:
                last.n_projects = n
        if d.parent is None and d.money:
            last = d


def _link_named_signers(drafts: list[Draft]) -> None:
    """"东方希望集团有限公司、…、河南金山化工集团等5家企业依次与北海签约,总投资额达到2990亿元", then, under a later heading,
    "东方希望集团准备在北海投资建设…项目,总投资1535亿元": a deal of a company its bundle's sentence names as a signer is
    that bundle's part, wherever the article tells it (when the bundle's figure still holds it)."""
    signers: list[tuple[Draft, list[str]]] = []
    for d in drafts:
        if d.kind == "bundle" and d.money and d.n_projects and d.parent is None:
            names = [n.text for n in companies(d.sent.text)]
            if len(names) >= 2:
                signers.append((d, names))
        elif d.kind == "deal" and d.parent is None and d.investors and signers:
            for b, names in reversed(signers):
                if b.sent is not d.sent and any(i in n or n in i for i in d.investors for n in names) \
                        and b.children_cny + (d.amount_cny or 0) <= (b.amount_cny or 0) * 1.02 \
                        and not _other_city(b, d) and not (b.province and d.province and b.province != d.province):
                    d.parent = b
                    b.children_cny += d.amount_cny or 0
                    break


def _other_day(b: Draft, d: Draft) -> bool:
    """"On September 8th, 117 projects were signed …. On September 13th, contracts of 39 projects were signed":
    two signings, each dated to its day by its own sentence; the later is no part of the earlier."""
    return d.date_rank == 0 and b.date_rank == 0 and len(d.date or "") == 10 and len(b.date or "") == 10 \
        and d.date != b.date


def _other_city(b: Draft, d: Draft) -> bool:
    """"Hefei's 41 projects, 38.3 bn … Wuhu's 34 projects, 32.3 bn": another city of the same province holds its
    own group, which splits no total of the first. (Cities of two provinces at one event are often where it was
    held, not where the money goes: "在深圳举行的…推介会", a province's signing.)"""
    return bool(b.city and d.city and b.city != d.city and b.province == d.province)


def _not_counted_below(drafts: list[Draft]) -> None:
    """A group that splits a total again ("of these, 4 projects over 10 billion yuan, 109 billion") is already
    in the total, and so are its parts: they do not count either. Drafts are in text order and a part comes
    after its bundle, so one pass sees each parent's verdict first."""
    for d in drafts:
        if d.parent is not None and not d.parent.counts_in_totals:
            d.counts_in_totals = False


def _link_lists_before_totals(drafts: list[Draft]) -> None:
    """"涉及A、B、C等8个项目,协议总投资约582亿元", "including A, B and C, 12 projects worth …": the projects
    named before a total in its sentence are its parts."""
    by_sentence: dict[int, list[Draft]] = {}  # a bundle's sentence's drafts, in order: linear, not a scan per bundle
    for d in drafts:
        by_sentence.setdefault(id(d.sent), []).append(d)
    for b in drafts:
        if b.kind != "bundle" or b.money is None:
            continue
        named = [d for d in by_sentence[id(b.sent)] if d.sent is b.sent and d.listed and d.money is None
                 and d.parent is None and d.at < b.money.start]
        if named and (b.n_projects is None or len(named) <= b.n_projects):
            for d in named:
                d.parent = b


def _candidates(open_bundles: _OpenBundles, near: list[Draft], d: Draft) -> list[Draft]:
    """Bundles that may hold d (of those in its part, `near`), in the order to try: a deal goes into the
    nearest; a sub-total into the outermost (sub-totals side by side are siblings), unless its own words put it
    inside the one before ("其中", "of them")."""
    if d.kind != "bundle" or (d.money and SUB_ALLOCATION.search(_words_before(d.sent.text, d.money.start, 40))
                              and not open_bundles.has_sentence(d.sent)):
        return list(reversed(near))
    return list(near)


def _same_part(b: Draft, d: Draft) -> bool:
    """Whether d may belong to bundle b: the same section, or a breakdown ("按项目类别分", "by industry") of a
    top-level total given in an earlier section (a photo caption between them starts no new story)."""
    return b.sent.section == d.sent.section or (
        b.sent.section < d.sent.section and b.kind == "bundle" and b.parent is None
        and _breakdown_cue(d.sent.text))


@lru_cache(maxsize=4096)  # asked for every open bundle: once per sentence
def _breakdown_cue(text: str) -> bool:
    return bool(BREAKDOWN_CUE.search(text))


def _other_stage(b: Draft, d: Draft) -> bool:
    """"27 projects … were signed" then "construction began on four projects …, 2.5 billion yuan": a group of
    another stage, said in a sentence of its own with no word of a breakdown, is no part of the first."""
    if b.sent is d.sent or _breakdown_cue(d.sent.text) or PART_CUE.match(d.sent.text):
        return False
    own, theirs = stages_of(d.sent.text), stages_of(b.sent.text)
    return len(own) == 1 and len(theirs) == 1 and own != theirs  # "签约、开工及竣工的33个项目" holds every stage


def _fits(b: Draft, d: Draft, drafts: list[Draft]) -> bool:
    if not _same_part(b, d) or d.standalone:
        return False
    if b.sent is d.sent and b.money and d.money and b.n_projects and b.money.end < d.money.start \
            and re.search(r"[;；]", d.sent.text[b.money.end:d.money.start]) \
            and not SUB_ALLOCATION.search(_words_before(d.sent.text, d.money.start, 40)):
        return False  # "外商投资项目23个, 计划投资X; 央企投资项目1个, 计划投资Y": items side by side
    if b.province and d.province and b.province != d.province:
        return False
    if b.city and d.city and b.city != d.city:
        return False
    if b.status and d.status and b.status != d.status:
        return False
    if d.kind == "bundle":
        if not (b.n_projects and d.n_projects and d.n_projects < b.n_projects):
            return False
        if b.sent is not d.sent and SPLIT_BY.search(d.sent.text) and SPLIT_BY.search(b.sent.text):
            return False  # "按签约形式分" after "按项目类别分": a part of one breakdown holds no part of another
        if b.sent is d.sent and not (d.money and SUB_ALLOCATION.search(_words_before(d.sent.text, d.money.start, 40))):
            return False  # "display projects 11 …; chip projects 6 …": sub-totals side by side, not inside each other
        if _other_stage(b, d):
            return False
        if _other_day(b, d):
            return False
    if b.amount_cny and d.amount_cny:
        used = b.children_cny
        if used + (d.amount_cny or 0) > b.amount_cny * 1.02:
            return False
    return True


# --- step 4: fields ------------------------------------------------------------------------------------------
def _own_place(ctx: ArticleContext, d: Draft) -> None:
    """Place from the record's own words, then its paragraph, then its section's heading."""
    s = d.sent
    home = ctx.home_province
    if home and OUR_PROVINCE.search(s.text) and not any(
            m.place.kind != "province" and m.place.province == home.province for m in ctx.places_in(s.start, s.end)):
        d.province, d.city, d.district, d.park, d.place_zh = home.province, None, None, None, home.name_zh
        return  # "our province signed 4 projects": the province the article speaks for
    if (WHOLE_PROVINCE.search(s.text) or IN_THE_PROVINCE.search(s.text) or PROVINCE_PLANS.search(s.text)) \
            and not OUR_CITY.search(s.text) \
            and not any(m.place.kind != "province" for m in ctx.places_in(s.start, s.end)):
        province = home or ctx.most_named_province
        if province is not None:  # "Across the province, agreements on 263 projects were signed": the province's
            d.province, d.city, d.district, d.park, d.place_zh = province.province, None, None, None, None
            return
    if ctx.home_city and OUR_CITY.search(s.text) and not any(
            m.place.kind != "province" for m in ctx.places_in(s.start, s.end)):
        p = ctx.home_city
        d.province, d.city, d.district, d.park, d.place_zh = p.province, p.city, None, None, p.name_zh
        return  # "我市在本届华创会上签下的10个项目": the city the article speaks for
    spans: list[tuple[int, int]] = []
    built = None
    if d.money is not None:  # "…,投资17.2亿元在明光市新建20万千瓦风力发电厂": where the figure builds, right after it
        at = s.start + d.money.end
        built = next((m for m in ctx.places_in(at, min(s.end, at + 12))
                      if re.fullmatch(r"\s*(?:在|于)", ctx.text[at:m.start]) and _built_there(ctx, m)), None)
        if built is not None:
            spans.append((built.start, built.end))
    if d.place_text:
        off = ctx.text.find(d.place_text, s.start - 2000 if s.start > 2000 else 0)
        if off >= 0 and not (d.listed and not any(m.place.kind in ("district", "park")
                                                  for m in ctx.places_in(off, off + len(d.place_text)))):
            spans.append((off, off + len(d.place_text)))  # a listed name gives its district or zone, not a company's city
    if d.listed or d.in_list:  # the other names of a list are other projects' places: only the words before it
        spans.append((s.start, s.start + d.list_start))
    else:
        near = _nearest_clause_with_place(ctx, s, d)
        if near:
            spans.append(near)
        spans.append((s.start, s.end))
    same_para = [p for p in ctx.sentences[max(0, ctx.index(s) - 40):ctx.index(s)] if p.para == s.para]
    spans += [(p.start, p.end) for p in reversed(same_para)]
    earlier = [p for p in ctx.sentences[max(0, ctx.index(s) - 80):ctx.index(s)]
               if p.section == s.section and p.para < s.para and not p.heading][::-1]
    spans += [(p.start, p.end) for p in earlier[:6]]
    heading = next(iter(ctx.headings(s.section)), None)
    if heading:
        spans.append((heading.start, heading.end))
    own = (2 if d.place_text else 1) + (1 if built is not None else 0)
    far = range(own, len(spans) - (1 if heading else 0))  # other sentences: another deal's district or zone
    anaphoric = bool(ANAPHORA.match(s.text))
    for i, (a, b) in enumerate(spans):
        mentions = ctx.places_in(a, b, context=a < s.start)
        if mentions and all(m.place.kind == "province" for m in mentions) and not (
                ctx.title_province and mentions[0].place.province == ctx.title_province.province) \
                and not (i <= own and PROVINCE_AS_PARTY.match(ctx.text, mentions[0].end)):
            # (not "此次贵州与央企签订的合作项目共47个": the province signs them itself, they are its own)
            # only a province here ("Xinhua Winshare Sichuan ..."): a city of that province said nearby is more exact
            inner = next((m for a2, b2 in spans[i + 1:] for m in ctx.places_in(a2, b2)
                          if m.place.kind != "province" and m.place.province == mentions[0].place.province), None)
            if inner is None and ctx.dominant_city and d.kind == "bundle" and sum(
                    1 for m in ctx.places if m.place.kind == "province" and m.place.province == mentions[0].place.province
                    and not ctx._in_company(m)) <= 1:
                # "在湖北(天门)第四届陆羽茶文化节开幕式上,23个项目集中签约" in an article all about Tianmen that names its
                # province once: the city's (not a provincial fair held in its capital, the province named throughout)
                inner = next((m for m in ctx.places if m.place.city == ctx.dominant_city and m.place.kind != "province"
                              and m.place.province == mentions[0].place.province), None)
            if inner:
                mentions = [inner]
        if mentions and (d.kind == "bundle" or d.listed or d.in_list) and i < own + 1:
            several = _listed_places(ctx, mentions)
            if several:  # "重庆两江新区、四川天府新区、福州新区…分别与相关企业签署": the total is theirs together
                provinces = {m.place.province for m in several}
                d.province = provinces.pop() if len(provinces) == 1 else None
                d.city = d.district = d.park = d.place_zh = None
                return
        if mentions and d.listed and i < own + 1 and len({m.place.city for m in mentions}) > 1:
            # "A集团将在重庆投资建设X基地,B公司将在成都打造Y项目": Y's place is in its own clause
            cut = max((s.start + c.end() for c in re.finditer(r"[,，;；]", s.text[:max(0, d.at)])), default=s.start)
            mentions = [m for m in mentions if m.start >= cut] or mentions
            mentions = [m for m in mentions if ctx.text[m.start - 1:m.start] in ("在", "于") and _built_there(ctx, m)] \
                or mentions  # "北京联东将在成都打造…": where it is built, not the place in the firm's name ("在深圳签约": a venue)
        if mentions:
            _apply_place(d, mentions)
            if i in far and not anaphoric:
                d.park = d.district = None  # a zone named paragraphs before is another deal's: keep its city only
                zones = [m for m in (ctx.places_in(heading.start, heading.end) if heading else [])
                         if m.place.kind == "park" and m.place.city == d.city]
                if zones:  # ... unless the section's heading puts the section in that zone
                    d.park = zones[0].place.name
            return


def _nearest_clause_with_place(ctx: ArticleContext, s: Sentence, d: Draft) -> tuple[int, int] | None:
    """In a sentence naming several cities or provinces, the clause nearest before the figure that names one:
    "山西省获得2个项目,东道主江西揽下6个央企项目,总投资达227亿元" is Jiangxi's."""
    if d.money is None:
        return None
    mentions = ctx.places_in(s.start, s.end)
    if len({(m.place.province, m.place.city) for m in mentions if m.place.kind in ("city", "province")}) < 2:
        return None
    at = s.start + d.money.end
    cuts = [s.start] + [s.start + c.end() for c in CLAUSE_CUT.finditer(s.text, 0, d.money.start)]
    for a, b in zip(reversed(cuts), [at] + list(reversed(cuts[1:]))):
        if any(a <= m.start and m.end <= b for m in mentions):
            return a, b
    return None


def _listed_places(ctx: ArticleContext, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A run of places of different cities named one after the other ("A、B、C", "A, B and C"), if any."""
    run: list[PlaceMention] = []
    for m in mentions:
        if m.place.kind == "province" and len(m.text) > 1:
            continue  # "四川天府新区": the province names the zone's province, it is no item of the list
        if run and not PLACE_LIST_GAP.fullmatch(ctx.text[run[-1].end:m.start]):
            if len({x.place.city for x in run}) >= 2:
                return run
            run = []
        run.append(m)
    return run if len({x.place.city for x in run}) >= 2 else []


def _apply_place(d: Draft, mentions: list[PlaceMention]) -> None:
    best = min(mentions, key=lambda m: (PLACE_RANK.get(m.place.kind, 9), m.start))
    p = best.place
    d.province = p.province
    d.city = p.city
    d.district = p.district if p.kind in ("district", "park") else None
    d.park = p.name if p.kind == "park" else None
    d.place_zh = p.name_zh
    if p.kind == "province":
        d.city = None


def _latest_dated(ctx: ArticleContext, candidates: list[Sentence]) -> str | None:
    """The date (month precision at least) of the nearest sentence before, among candidates."""
    for p in reversed(candidates):
        value = ctx.sentence_date(p)
        if value and len(value) > 4:
            return value
    return None


def _date_for(ctx: ArticleContext, d: Draft) -> None:
    """The record's date, from the most direct statement: its own sentence, another sentence about the
    same deal, its paragraph, its section's heading, its section; else the article's first event date,
    else its publication month ("recently"), else the year the article reports on.
    (A component with only a far-off date takes its bundle's date later, once components are linked.)"""
    s = d.sent
    heading = [p for p in ctx.headings(s.section) if p.para != ctx.title_para]
    steps = [
        lambda: ctx.sentence_date(s),
        lambda: ctx.sentence_date(d.date_hint) if d.date_hint else None,
        lambda: _latest_dated(ctx, ctx.before_in_para(s)),
        lambda: _latest_dated(ctx, heading[:1]),
        lambda: None,  # rank 4 is the bundle's date, applied after linking
        lambda: _latest_dated(ctx, ctx.before_in_section(s)),
    ]
    if SAME_DAY.search(s.text) and not ctx.sentence_date(s):
        # "On the same day, ...": the day of the event told before
        steps.insert(0, lambda: next((v for p in reversed(ctx.sentences[max(0, ctx.index(s) - 8):ctx.index(s)]) if (v := ctx.sentence_date(p)) and len(v) == 10),
                                     None))
    if THIS_EVENT.search(s.text) and not ctx.sentence_date(s) and ctx.first_event_date:
        # "本次活动…共签约项目117个", "At this fair, …": the article's event, on the day it was told first
        steps.insert(1, lambda: ctx.first_event_date)
    year_only = None
    for rank, step in enumerate(steps):
        value = step()
        if value and len(value) == 4 and year_only is None:
            year_only = (value, rank)  # "this year": a more precise date of that year said nearby is better
            continue
        if value and (year_only is None or value.startswith(year_only[0])):
            if len(value) == 7 and (ctx.first_event_date or "").startswith(value) \
                    and (rank >= 2 or THIS_MONTH.search(s.text)):
                value = ctx.first_event_date  # a dateline's "2021年9月" around the article's event on 9月1日, or
                #                               "本月全市共有21个重点项目集中开工" after "5月19日,…仪式": that day
            d.date, d.date_rank = value, rank
            return
    if year_only:
        d.date, d.date_rank = year_only
        if (ctx.first_event_date or "").startswith(year_only[0]):
            d.date = ctx.first_event_date  # "… to be invested in 2023" beside the article's event of May 28, 2023
        elif not ctx.first_event_date and ctx.ref and ctx.ref.year == int(year_only[0]) \
                and THIS_YEAR_WORDS.search(d.sent.text) and not RUNNING_TOTAL.search(d.sent.text):
            d.date = ctx.ref.isoformat()[:7]  # "this year" in an article of October 2022 with no event day: its month
        return
    if ctx.first_event_date:
        d.date, d.date_rank = ctx.first_event_date, 6
    elif ctx.ref:
        d.date, d.date_rank = ctx.ref.isoformat()[:7], 7
    elif ctx.ref_year:
        d.date, d.date_rank = str(ctx.ref_year), 8


def _sector_for(ctx: ArticleContext, d: Draft) -> None:
    s = d.sent
    scores = Counter()
    own = d.place_text or s.text
    if d.kind == "bundle" and (d.n_projects or 0) >= 100 and not sector_scores(own):
        d.sector, d.subsector = "Other", None  # a province's list of a thousand projects spans every industry
        return
    group = _group_match(s.text, d.n_projects, d.money.start if d.money else d.at) \
        if d.by_kind and d.parent is not None and d.n_projects else None
    kind_words = _kind_words(group) if group is not None else ""
    if kind_words:
        # one group of a breakdown by kind ("71 concern major infrastructure, 23 concern culture"): its own words
        # say its industry, not the sentence that names the others; a kind that names none ("urban construction",
        # "people's livelihood") is no industry of the list, but a group by place is of its whole's (the steps below)
        own_scores = {k: v for k, v in sector_scores(kind_words).items() if v > 0}
        if any("/" not in k for k in own_scores):
            d.sector, d.subsector = choose(own_scores)
            return
        if not (group["what_zh3"] or find_places(_group_kind(group))):  # (a group by place: "13个光伏项目中，镇宁4个")
            d.sector, d.subsector = "Other", None
            return
    near = ctx.neighbours(s, 3)  # the sentences around it in its paragraph: linear in the article's length
    before = [p for p in near if p.end <= s.start]
    previous = before[-1].text if before else ""
    for text, weight in ((own, 1.0), (d.project or "", 1.0), (s.text if d.place_text else "", 0.3),
                         (previous, 0.5)):
        for k, v in sector_scores(text).items():
            scores[k] += v * weight
    para = " ".join(p.text for p in near if p is not s and p.text != previous)
    for k, v in sector_scores(para).items():
        scores[k] += v * 0.3
    sector_only = {k: v for k, v in scores.items() if "/" not in k}
    if not any(v > 0 for v in sector_only.values()) and d.parent:
        d.sector, d.subsector = d.parent.sector, d.parent.subsector
        return
    if not any(v > 0 for v in sector_only.values()) and d.kind == "bundle" \
            and max((v for k, v in ctx.article_sector.items() if "/" not in k), default=0) < ARTICLE_SECTOR_FLOOR:
        d.sector, d.subsector = "Other", None  # a total that nothing near it, nor the article, puts in one industry
        return
    if not any(v > 0 for v in sector_only.values()):
        scores = Counter(ctx.article_sector)
    d.sector, d.subsector = choose(dict(scores))


def _status_for(ctx: ArticleContext, d: Draft) -> str:
    s = d.sent
    if d.status:
        return d.status
    texts = ([d.place_text] if d.place_text else []) + [p.text for p in [s] + list(
        reversed(ctx.before_in_section(s)[-4:]))[:4]]
    for text in texts:
        st = status_of(text)
        if st:
            return st
    if d.parent:
        return _status_for(ctx, d.parent)
    return status_of(ctx.article.title) or "signed"


def _money_fields(d: Draft) -> dict:
    m = d.money
    if m is None:
        return {"amount": None, "currency": None, "amount_cny": None, "qualifier": None}
    return {"amount": m.value, "currency": m.currency, "amount_cny": d.amount_cny, "qualifier": m.qualifier}


def _convert(d: Draft) -> None:
    m = d.money
    if m is None:
        return
    if m.alt is not None and m.alt.currency == "CNY" and m.currency != "CNY":
        d.amount_cny = m.alt.value
    else:
        d.amount_cny = fx.to_cny(m.value, m.currency, d.date)
    if m.alt is not None and fx.disagree(m, m.alt, d.date):
        d.flags.append("currency_mismatch")
    if m.currency_implied:
        d.flags.append("currency_assumed_cny")
    if d.amount_cny is None:
        d.flags.append("currency_unconverted")  # no ECB rate for it: shown in its own currency, left out of totals


def extract(article) -> list[dict]:
    """All records of one article, in article order, in the form of CONTRACT.md.

    Traditional characters are read through a simplified copy of the same length;
    the records quote the original text.
    """
    text = simplified(article.text)
    if text == article.text:
        return _extract(article)
    records = _extract(replace(article, text=text, title=simplified(article.title)))
    names = {r[key] for r in records for key in ("project", "amount_text") if r[key]}
    names |= {n for r in records for key in ("investors", "partners") for n in r[key]}
    original = originals_of(names, text, article.text)  # one pass over the text for all names, not one per name
    for r in records:
        r["evidence"] = article.text[r["evidence_start"]:r["evidence_end"]]
        for key in ("project", "amount_text"):
            if r[key]:
                r[key] = original[r[key]]
        for key in ("investors", "partners"):
            r[key] = [original[n] for n in r[key]]
    return records


def _extract(article) -> list[dict]:
    ctx = ArticleContext(article)
    drafts = amount_drafts(ctx)
    taken = {d.sent.start for d in drafts}
    drafts = drafts + plain_drafts(ctx, taken)
    drafts = list_drafts(ctx, drafts)
    drafts = sorted(drafts, key=lambda d: (d.sent.start, d.money.start if d.money else d.at))
    figures_of: dict[int, list[Draft]] = {}  # each sentence's figures, in order
    for d in drafts:
        if d.money:
            figures_of.setdefault(id(d.sent), []).append(d)
    for d in drafts:
        figures = figures_of.get(id(d.sent), [])
        own = (status_of(_figure_span(d, figures)) if len(figures) >= 2 else None) or status_of(d.place_text or d.sent.text)
        if own == "founded" and d.kind != "event":  # "…, were launched, for 80.4 billion yuan": the sentence says what
            own = status_of(d.sent.text) or own
        d.status = d.status or own or status_of(d.sent.text)
        _own_place(ctx, d)
    drafts = _merge_plain(drafts)
    drafts = _drop_repeated_bundles(drafts)
    drafts = _drop_instalments(ctx, drafts)
    for d in drafts:
        _date_for(ctx, d)
        _convert(d)
    link_components(drafts)
    _not_counted_below(drafts)
    for d in drafts:
        if d.city is None and d.province is None and d.parent:
            d.city, d.province, d.park, d.district = d.parent.city, d.parent.province, d.parent.park, d.parent.district
        elif d.parent and d.park is None and d.parent.park and d.parent.city == d.city:
            d.park = d.parent.park  # a zone's signing: its projects are in the zone
        provincial = ctx.organiser.province if d.kind == "bundle" and d.parent is None and ctx.organiser else \
            d.parent.province if d.kind == "bundle" and d.parent and d.parent.city is None and d.parent.province else None
        if provincial and not any(m.place.kind in ("city", "district", "park")
                                  for m in ctx.places_in(*_own_span(ctx, d))):
            d.province, d.city, d.district, d.park = provincial, None, None, None  # a province's event, all over it
        if d.city is None and d.province is None and ctx.main_city:
            _apply_main_city(ctx, d)
            d.city_by_default = True
        elif d.city is None and d.province is None and ctx.only_province:
            d.province = ctx.only_province  # placed nowhere, in an article whose every place is in one province
            d.city_by_default = True
        _inherit_date(d)
        _sector_for(ctx, d)
        d.status = _status_for(ctx, d)
        if d.kind == "bundle" and not d.project:
            d.project = _describe_bundle(ctx, d)
    _wider_than_its_city(ctx, drafts)
    ids = {id(x): f"a{j + 1}" for j, x in enumerate(drafts)}
    return [_record(ctx, d, ids) for d in drafts]


THIS_MONTH = re.compile(r"本月|当月|\bthis\s+month\b", re.I)

ARTICLE_SECTOR_FLOOR = 5.0  # sector_scores weight: about two clear industry words in the headline and lead


def _wider_than_its_city(ctx: ArticleContext, drafts: list[Draft]) -> None:
    """"第7届南博会…共有338个项目签约,4040亿元 … 其中,昆明市共签署协议69个,655.97亿元": a total placed in the
    article's main city only for want of a place, with a part said to be that city's, is wider than the city."""
    for d in drafts:  # one pass over the parts: linear in the records
        b = d.parent
        if b is not None and b.whole_end and b.city and b.city == d.city and not any(
                m.place.kind != "province" for m in ctx.places_in(b.sent.start, b.sent.start + b.whole_end)):
            b.city = b.district = b.park = None  # "共有60个项目…签约,其中长春市…27个": the whole is wider than its part's city
            continue
        if b is None or b.kind != "bundle" or b.parent is not None or not b.city_by_default or not b.province \
                or b.city is None or d.money is None or d.city != b.city or not PART_CUE.match(d.sent.text):
            continue
        if any(m.place.kind == "city" and m.place.city == b.city for m in ctx.places_in(*_own_span(ctx, d))):
            b.city = b.district = b.park = None


def _inherit_date(d: Draft) -> None:
    """A component with only a far-off date takes its bundle's, the bundle its own parent's first (a list
    named before its total comes before it in the article)."""
    if d.date_rank > 3 and d.parent and d.parent.date:
        _inherit_date(d.parent)
        d.date = d.parent.date


def _own_span(ctx: ArticleContext, d: Draft) -> tuple[int, int]:
    """The record's own words: its listed name, or its sentence."""
    if d.listed and d.place_text:
        at = ctx.text.find(d.place_text, d.sent.start)
        if at >= 0:
            return at, at + len(d.place_text)
    return d.sent.start, d.sent.end


def _apply_main_city(ctx: ArticleContext, d: Draft) -> None:
    for m in ctx.places:
        if m.place.city == ctx.main_city:
            d.city, d.province = m.place.city, m.place.province
            return


def _kept_parent(d: Draft, ids: dict[int, str]) -> Draft | None:
    """d's bundle, or the bundle above it when that one was merged away as a repeat."""
    parent = d.parent
    while parent is not None and id(parent) not in ids:
        parent = parent.parent
    return parent


def _record(ctx: ArticleContext, d: Draft, ids: dict[int, str]) -> dict:
    return {
        "id": ids[id(d)],
        "article": ctx.article.file_name,
        "kind": d.kind,
        "investors": d.investors,
        "partners": d.partners + ([d.park] if d.park and d.park not in d.partners else []),
        "project": d.project,
        "city": d.city,
        "province": d.province,
        "district": d.district,
        "park": d.park,
        "sector": d.sector,
        "subsector": d.subsector,
        **_money_fields(d),
        "date": d.date,
        "status": d.status,
        "part_of": ids[id(parent)] if (parent := _kept_parent(d, ids)) else None,
        "n_projects": d.n_projects,
        "counts_in_totals": d.counts_in_totals,
        "evidence": d.sent.text,
        "evidence_start": d.sent.start,
        "evidence_end": d.sent.end,
        "amount_text": d.money.text if d.money else None,
        "flags": d.flags,
    }
