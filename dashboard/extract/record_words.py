"""Cue words that decide what a sentence's figure is (data only: compiled patterns, English and Chinese)."""
import re

from .amount_words import NUMBER_WORDS_EN
from .fastscan import word_alternation
from .guard import guarded

# Counts written as words, "two" to "ninety-nine" ("Sixty-six of the projects"), and small Chinese ones.
_UNITS = {w: n for w, n in NUMBER_WORDS_EN.items() if 1 <= n <= 9 and w not in ("a", "an")}
_TENS = {w: n for w, n in NUMBER_WORDS_EN.items() if n >= 20}
NUMBER_WORDS = {w: n for w, n in NUMBER_WORDS_EN.items() if n >= 2}
NUMBER_WORDS.update({f"{t}-{u}": tn + un for t, tn in _TENS.items() for u, un in _UNITS.items()})
NUMBER_WORDS.update({"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
                     "百": 100, "近百": 100, "上百": 100})
# The same as a pattern (longest first, so "twenty-one" is not read as "twenty"), as a trie of the words: the
# same matches, but one comparison per letter instead of one per word at every word of the text (fastscan.py).
COUNT_WORD_PLAIN = "|".join(sorted((w for w in NUMBER_WORDS if w.isascii()), key=len, reverse=True))
COUNT_WORD = word_alternation(w for w in NUMBER_WORDS if w.isascii())

# "; among them, 12 projects …", "; 12 of the projects …", "；其中": the words of a part of what came before.
PART_OF_BEFORE = re.compile(r"\b(?:among\s+(?:them|these|which)|of\s+(?:them|these|which|the\s+projects|those))\b|其中|当中", re.I)
# "…, and seven in the service sector with 3.45 billion yuan": a count whose noun ("projects") is left out.
ELIDED_COUNT = re.compile(r"(?:(?<!\d)[,;]\s*(?:and\s+)?|\band\s+)(?P<n>\d{1,4}|" + COUNT_WORD + r")\s+(?:(?:are|were)\s+)?(?:in|of|for)\s+"
                          r"(?:the\s+)?(?:[^,;]|,(?=\s+[a-z][a-z\s]{0,20}\band\b)){1,60}"  # "commerce, trade and logistics"
                          r"(?:,\s*(?:with\s+)?(?:\w+\s+){0,3}(?:totall?ing|worth|of)\s+)?$", re.I)

# A figure preceded by these is not money put into a project.
NOT_INVESTMENT_BEFORE = re.compile(r"""
    (?:revenue|sales|income|turnover|output(?:\s+value)?|GDP|profits?|tax(?:es)?|exports?|imports?
      |registered\s+capital|\bcapital\s+total|\btotal\s+assets\b|\btotal\s+capital\b|\bassets\s+(?:of|total)|foreign\s+capital|utili[sz]ed\s+foreign|capital\s+inflows?|net\s+assets?|实际利用外资|利用外资|market\s+(?:value|cap\w*)|valuation|subsid(?:y|ies)|loans?
      |financing\s+scale|\braise[sd]?\b|fund(?:ing)?\s+scale|salary|salaries|prize|award
      |平均|\b(?:on\s+)?average\b|\bper\s+project\b
      |\b(?:are|is)\s+(?:set|expected|scheduled|due)\s+to\s+sign\b[^.;,]{0,80}$   # "the counties are set to sign more projects with a total value exceeding …"
      |\bsingle\s+(?:[\w-]+\s+){0,2}projects?\s+reach(?:es)?\s+(?:up\s+to\s+)?(?:about\s+)?   # "some single contracted projects reach up to US$1.4 billion"
      |\bannual\s+investment\b[^.;]{0,60}\b(?:had\s+|has\s+)?(?:reached|hit|totall?ed|amounted\s+to)\s+(?:about\s+|over\s+|more\s+than\s+)?  # "the annual investment in key projects … had reached"

      |(?:地区)?生产总值|财政(?:总)?收入|技工贸总收入|有效投资(?![\u4e00-\u9fff]{0,4}(?:项目|活动))|协议外资|合同外资|外资到位|到位资金
      |\bcompleted\s*$|\binvestment\s+for\s+(?:20\d\d|this\s+year)\s+(?:is|was|will\s+be)\s*$
      |营业收入|销售收入|营收|收入|产值|利润|税收|出口|注册资本|净资产|市值|估值|融资规模|补贴|奖励|贷款|营业额
      |expected\s+to\s+(?:reach|bring|generate|achieve)|\b(?:zone|area|park|city|county|district|province|region)\s+(?:is|was|are|were)\s+(?:expected|projected|estimated|set)\s+to\s+attract\b|(?:will|to)\s+reach|aims?\s+to|target(?:ed)?\s+(?:of|at)?
      |goal\s+of|strive\s+to|目标|力争|预计(?:实现|达到)|达产后|建成后
      |so\s+far\s+this\s+year|since\s+the\s+(?:beginning|start)\s+of|year[-\s]to[-\s]date|(?:in|during|for|over)\s+the\s+first\s+\w+\s+months
      |\bfrom\s+Jan(?:uary|\.)?\s+to\s+\w+
      |今年以来|年初以来|截至|累计|前\w{1,2}个?月
      |年度计划总?投资|年度投资计划|年计划投资|当年计划投资|年度投资|年度完成投资|完成投资|\bcompleted\s+investment|\binvestment\s+(?:and\s+cooperation\s+)?opportunities
      |\b(?:industrial|fixed[-\s]asset|total\s+fixed[-\s]asset|manufacturing)\s+investment\s+(?:(?:in|of)\s+(?:\w+\s+){1,3}?)?(?:reached|grew|rose|was|hit|totall?ed|came\s+to|amounted\s+to|stood\s+at)
      |\bfunds?\s+(?:actually\s+)?(?:in\s+place|put\s+in\s+place|that\s+arrived)|\bfixed[-\s]assets?\s+investment\s*(?:of\s+)?$|\binvestment\s+in\s+(?:\w+\s+){0,3}projects\s+(?:totall?ed|reached|hit|was|amounted\s+to)
      |工业投资(?!项目|类项目)|固定资产投资(?!项目)|annual(?:ly)?\s+planned\s+investment|planned\s+investment\s+(?:for|of)\s+(?:this|the)\s+year
      |\b(?:driv(?:e|es|ing)|leverag(?:e|es|ing)|spur(?:s|ring)?)\s+(?:\w+\s+){0,3}investment
      |(?:商贸|贸易|外贸)(?!试验|洽谈|博览|港|区|城|中心)|进出口|\btrade\s+(?:deals?|contracts?|agreements?|volume)
      |(?:发布|推介|推出)[^。；,，]{0,6}(?:招商)?项目|招商(?:总)?规模|\b(?:promoted|on\s+offer|seeking\s+investment)\b
      |\b(?:attract|court|woo|lur|draw)\w*\s+(?:[\w-]+\s+){0,4}?(?:investors|investment|businesses|businesspeople|capital)\s+with\b
      |\b(?:of\s+which|which|of\s+them)\s+(?:have|has|had)\s+(?:already\s+)?received\b  # "86 projects, 48 of which have received US$4.5 billion" (not "the project has received 6 billion yuan of investment")
      |\b(?:every|each)\s+(?:single\s+)?project\b[^.;]{0,30}$                  # "Every project is invested with more than 500 million yuan"
      |\b(?:lift|rais|bring|brought|tak|took|push|boost)\w*\s+(?:its|their|the\s+(?:company|group)['’]s)\s+(?:total|cumulative|overall)\s+investment\b  # "lifting its total investment in the country to"
      |\b(?:its|their)\s+(?:total|cumulative|overall)\s+investment\s+in\s+(?:China|the\s+country|the\s+province|the\s+city)\b
      |1[-—至到]\d{1,2}月)
    (?:[^.;。；]|\.\d){0,60}$
  | (?:带动|拉动|撬动)[^,，、。；;]{0,20}$                                  # "带动社会投资500亿元", not "带动能力强的项目, 例如…"
  | [(（]\s*(?:包含|包括|含|including|incl\.?)\s*$                      # "(包含12674万美元)": part of the figure before
  | \b(?:rose|grew|increased|climbed|jumped|fell|dropped|declined)\b(?:[^.;。；]|\.\d){0,40}\bto\s*$  # "rose 15.4% to"
  | (?:增长|增至|达到|下降)[^,，。；;]{0,12}$
""", re.X | re.I)

# "12 projects with a total capital of 5.54 billion yuan": counted projects' capital is their investment (not a
# company's "total capital").
COUNTED_PROJECTS_WITH = re.compile(r"(?<![\d.,])\b(?:\d{1,5}|" + COUNT_WORD + r")\s+(?:[\w-]+\s+){0,3}?projects?\s+with\s+(?:a\s+)?$", re.I)

# "It pushed 50 key investment projects in 9 areas ... with a total investment of": projects offered to investors,
# anywhere earlier in the sentence.
PROMOTED = re.compile(r"\b(?:push(?:ed|ing)|promot(?:ed|ing)|showcas(?:ed|ing)|pitch(?:ed|ing)|unveil(?:ed|ing))\s+(?:\w+\s+){0,3}\d+\s+(?:[\w-]+\s+){0,3}"
                      r"(?:projects|opportunities)\b(?![^.;]{0,40}\b(?:signed|started|inked)\b)"
                      # "the 390 billion yuan of projects on offer include 12 new-energy projects worth …": its parts too
                      r"|\bprojects\s+(?:on\s+offer|being\s+promoted|up\s+for\s+investment)\b"
                      # "released 60 new projects that need 275 billion yuan": capital sought, not committed
                      r"|\b(?:released|unveiled|published|issued|promoted|pushed)\s+(?:[\w-]+\s+){0,4}?\d[\d,]*\s+(?:[\w-]+\s+){0,3}?projects\s+(?:that|which)\s+(?:need|needs|require|requires|seek|seeks)\s+(?:[\w-]+\s+){0,3}$"
                      # "543 projects were solicited for the activities", "207 investment project clues": candidates
                      r"|\bprojects\s+(?:were|have\s+been|had\s+been)\s+(?:solicited|collected|gathered)\b|\bproject\s+(?:clues|leads)\b|项目线索"
                      r"|(?:推介|推出|发布)(?:了)?(?:第[一二三四五六七八九十\d]{1,3}批|首批)?\d+个?[\u4e00-\u9fff]{0,8}(?:招商)?项目"
                      r"(?![^。；;]{0,30}?(?:签约|签署|签订|开工))"
                      # "会上推出「6+3」重点产业合作项目160个,投资总额接近2000亿元": the projects on offer, however named
                      r"|(?:推介|推出|发布)(?:了)?(?:(?!签约|签署|签订|开工|竣工|投产)[^。；;，,]){0,20}?项目\s*\d+\s*个"
                      r"(?![^。；;]{0,30}?(?:签约|签署|签订|开工))", re.I)  # "发布了178个…项目,另有8个项目现场签约": those signed are no offer

# "首批133个山西省招商引资重大项目已在…发布", "projects up for investment were presented": projects offered to investors,
# counted, not a group of deals.
OFFERED = re.compile(r"招商(?:引资)?(?:重大|重点)?项目[^。；;,，]{0,25}(?:发布|推介|推出)|\bprojects\s+(?:on\s+offer|up\s+for\s+investment)\b",
                     re.I)

# "共有60个项目集中签约,其中…", "A total of 60 projects were signed, of which …": a whole count, then its parts.
OUTER_COUNT = re.compile(r"共(?:有|计)?\s*(?P<n>\d+|[两二三四五六七八九十百]+)\s*个(?:项目)?[^，,。；;]{0,16}?(?:签约|签署|签订|开工|落户|落地)"
                         r"[^。；;，,]{0,8}[，,]\s*其中"
                         r"|\b(?P<en>\d+)\s+(?:projects|agreements|deals|contracts)\s+(?:were|have\s+been)\s+(?:signed|inked)\b"
                         r"[^.;]{0,30}?,\s*(?:of\s+which|among\s+them)\b", re.I)

# "compared with the same period last year … an extra investment of": a difference between two periods.
COMPARED_WITH = re.compile(r"\b(?:compared\s+(?:with|to)|than)\s+(?:the\s+same\s+period\s+(?:of\s+)?)?last\s+year\b"
                           r"|比去年同期|比上年同期|与去年同期相比|较去年同期", re.I)
MORE_BEFORE = re.compile(r"\b(?:extra|more|additional|increase\s+of)\b[^.;,]{0,25}$|(?:增加|多出|新增)[^，。；,]{0,8}$", re.I)

# "本次活动", "此次签约", "at this fair": the article's own event, referred back to.
THIS_EVENT = re.compile(r"(?:本次|此次|本届|这次)(?:活动|签约|集中|大会|会议|推介会|洽谈会|博览会|仪式|开工|会上)?"
                        r"|\b(?:at|during)\s+(?:this|the)\s+(?:event|ceremony|signing|conference|fair|forum|expo)\b", re.I)

# Words that open a list of members right before a name ("…, including A", "such as A", "其中有A", "包括A").
_LIST_LEAD_EN = r"including|includes|included|such\s+as|among\s+them(?:\s+(?:are|is))?|namely"
_LIST_LEAD_ZH = r"包括|其中有|其中包括|如|例如|分别是|分别为"
LIST_LEAD_BEFORE = re.compile(rf"(?:\b(?:{_LIST_LEAD_EN})\s+(?:the\s+)?|(?:{_LIST_LEAD_ZH})[:：]?)$", re.I)
# The same words anywhere before a name: every name after them is a member of the list.
LIST_LEAD_EARLIER = re.compile(rf"\b(?:{_LIST_LEAD_EN})\b|{_LIST_LEAD_ZH.replace('|如|', '|')}", re.I)

# "the factory and another 335 related projects will be built in the province": placed in the province as a whole.
IN_THE_PROVINCE = re.compile(r"\b(?:built|located|set\s+up|launched|started|signed|landed)\s+(?:\w+\s+){0,2}?in\s+the\s+province\b"
                             r"|(?:落户|落地|建设|分布)(?:在|于)?(?:全省|本省)", re.I)

# A verb or noun of investing: after a statistic's word ("annual output of 30,000 tonnes, will cost"), the figure
# is the project's cost again.
PHYSICAL_OUTPUT = re.compile(r"\b(?:output|capacity)\s+of\s+[\d,.]+\s*(?:million\s+|thousand\s+)?(?:tonnes|tons|units|vehicles|cars"
                             r"|sets|pieces|GWh|MW|kW|kilowatts|megawatts|square\s+met(?:er|re)s|wafers|chips)\b|产能\d|年产[\d.]+万?吨", re.I)
INVESTMENT_VERB = re.compile(r"\b(?:will\s+)?cost(?:s|ing)?\b|\b(?:total\s+)?investment\s+of\b|\binvest(?:s|ed|ing)?\b|总投资|投资额|计划投资", re.I)

# A project named by its own words ("粤港澳大湾区精准医学产业基地项目", "the Foo Display Panel Project").
NAMED_PROJECT = re.compile(r"[\u4e00-\u9fff]{4,}(?:项目|基地|工程)|(?:[A-Z][\w'-]*\s+){2,}(?:Project|Base|Plant|Park)\b")

# The guests of an event: "绍兴柯桥经开区和新乡经开区的负责人参加交流会", "officials from Shaoxing attended": where they
# come from, not where money lands.
ATTENDEE_AFTER = re.compile(r"[^，。；,;]{0,16}?的?(?:主要)?(?:负责人|领导|代表|高管|官员|嘉宾)[^，。；,;]{0,8}?(?:参加|出席)")
ATTENDEE_BEFORE = re.compile(r"\b(?:officials|representatives|executives|delegates|guests|leaders)\s+(?:from|of)\s+(?:[\w'-]+\s+){0,3}$", re.I)

# "… 130 billion CNY in ten priority projects": the count of the projects a figure is put into, after it.
COUNT_AFTER_EN = re.compile(r"\s*(?:[(（][^)）]{0,40}[)）]\s*)?(?:in|into|for|on|,?\s*(?:and\s+)?(?:cover(?:s|ed|ing)?|"
                            r"involv(?:e|es|ed|ing)|span(?:s|ned|ning)?))\s+(?:the\s+)?(?P<n>\d{1,4}|" + COUNT_WORD
                            + r")\s+(?:[\w-]+\s+){0,3}projects\b", re.I)

# Between two figures of one run ("3.783 billion yuan, 1.5 billion yuan and 370 million yuan", "5亿元、3亿元和2亿元").
FIGURE_RUN_GAP = re.compile(r"\s*(?:,|、|，)?\s*(?:and|和|及)?\s*")

# A figure followed by these is not money put into a project.
NOT_INVESTMENT_AFTER = re.compile(r"""
    \s*(?:worth\s+)?of\s+(?:[\w-]+\s+){0,3}projects\s+(?:on\s+offer|being\s+promoted|up\s+for\s+investment)\b  # "390 billion yuan of projects on offer"
  |
    \s*(?:\)|）)?\s*(?:[(（][^)）]{0,40}[)）]\s*)?(?:in\s+(?:(?:annual|yearly|industrial|economic)\s+){0,2}(?:revenue|sales|output)|of\s+(?:(?:annual|yearly|industrial|economic)\s+){0,2}(?:revenue|sales|output)
      |(?:annual\s+)?revenue|in\s+(?:tax|taxes)|年?产值|营业收入|销售收入|的产值|税收|营收
      |\s*of\s+(?:registered\s+)?capital|\s*in\s+the\s+first\s+\w+\s+months|\s*year[-\s]on[-\s]year
      |\s*[,，]?\s*(?:同比|比上年|较上年|比去年|较去年)                   # "8403.3亿元,同比增长6.1%": a statistic
      |\s*,?\s*(?:up|down)\s+[\d.]+\s*(?:%|percent)
      |\s*(?:during|in|for|within)\s+the\s+year\b|\s*this\s+year\b|\s*年内
      |\s*(?:is|are|will\s+be)\s+(?:to\s+be\s+|planned\s+to\s+be\s+)?invested\s+(?:in\s+(?:them|these|the\s+projects)\s+)?(?:this|next)\s+year\b  # "Eleven billion yuan is to be invested in them this year"
      |\s*(?:is|are|will\s+be)\s+(?:planned|scheduled|expected|estimated)\s+to\s+be\s+(?:invested|completed|finished|spent)\s+(?:with)?in\s+(?:(?:the|this)\s+year|(?:19|20)\d\d)\b  # "… are planned to be invested within the year"
      |\s*in\s+(?:[\w-]+\s+){0,2}(?:awards|prizes|rewards|bonuses|subsidies|grants)\b  # "75 million RMB in awards to firms"
      |\s*(?:of\s+investment\s+)?(?:was|were|had\s+been|has\s+been)\s+(?:completed|invested|received|in\s+place)\b   # "17.53 billion yuan of investment was completed"
      |\s*(?:has|have|had)\s+(?:already\s+)?gone\s+into\b                # "About 690 million yuan has gone into the … project": funds spent
      |\s*(?:[(（][^)）]{0,40}[)）]\s*)?in\s+(?:[\w-]+\s+){0,3}projects\s+(?:this|next)\s+year\b  # "165.6 billion yuan (US$ 23 billion) in major projects this year"
      |\s*of\s+(?:the|this|that)\s+(?:sum|total|amount)\b                    # "200 million yuan of the sum will go into"
      |\s*of\s+(?:[\w-]+\s+){0,3}(?:incentives|subsidies|rewards|awards|bonuses)\b  # "11.4 million yuan of industrial support incentives"
      |\s*(?:[(（][^)）]{0,40}[)）]\s*)?or\s+(?:more|above|higher)\s+each\b   # "1 billion yuan ($140 million) or more each"
      |\s*(?:-\s*level\b|-\s*class\b|级|量级|level\b)                         # "at the 1 trillion yuan level" too                               # "3个千亿级、5个百亿级": a scale, not a sum
      |\s*[,，]?\s*or\s+[\d.]+\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}(?:target|plan|goal|quota|task)\b  # "or 8.1 percent of the annual target"
      |\s*元?的?(?:招商|投资|引资)?(?:目标|任务|大关)                             # "实现千亿目标", "1500亿元招商任务": a target
      |\s+(?:(?:investment|annual|yearly)\s+){0,2}(?:target|goal)\b              # "the 150 billion yuan investment target"
      |\s*(?:[(（][^)）]{0,40}[)）]\s*)?(?:up\s+to|through|until|till)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b  # "14 billion euros up to 2016": a programme over years
      |\s*(?:[(（][^)）]{0,40}[)）]\s*)?(?:of|in)\s+(?:actual|actually\s+(?:utili[sz]ed|used)|paid-in)\s+(?:foreign\s+)?(?:investment|capital)\b  # "30 billion yuan of actual investment"
      |\s*=                                                                 # "($1=6.7536 yuan)": a rate
      |[^.;。；]{0,40}?,\s*(?:up|down)\s+[\d.]+\s*(?:%|percent)             # "… flowed into the city in 2009, up 8.35 percent"
      )
""", re.X | re.I)

# "a 100-billion RMB information industry cluster", "千亿级产业集群": a target's scale, not a deal.
TARGET_AFTER = re.compile(r"""
    \s*(?:-?\s*level|级|量级)?\s*(?:\w+\s+){0,3}(?:industry|industrial)?\s*(?:cluster|clusters|产业集群|集群|产业链)
  | (?:(?<=-dollar)|(?<=-yuan))\s+(?:[\w-]+\s+){0,3}(?:pillar\s+)?industry\b(?!\s+(?:park|base|project|zone|cent(?:er|re)|city|cluster)\b)  # "a trillion-dollar petrochemical pillar industry" (not "a 10-billion-yuan … industry park")
  | (?:级|量级)[\u4e00-\u9fff]{0,8}(?:产业集群|集群|产业链|产业基地|产业|园区)          # "5000亿元级智能终端产业集群"
""", re.X | re.I)
# "将形成5000亿元级…", "打造千亿级…": a target the city sets itself.
TARGET_BEFORE = re.compile(r"(?:形成|打造|建成|培育|迈向|冲刺)\s*\S{0,4}$")
# "So far this year the city has signed 112 projects worth …", "今年以来…累计": a running total, not a signing.
RUNNING_TOTAL = re.compile(r"so\s+far\s+this\s+year|since\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+year|"
                           r"year[-\s]to[-\s]date|(?:in|during|for|over)\s+the\s+first\s+\w+\s+months|今年以来|年初以来|截至目前|累计|迄今|至今"
                           r"|from\s+then\s+on|since\s+then|\bso\s+far\b|\bbefore\s+this\b|\bprior\s+to\s+this\b|(?:over|during|in)\s+(?:that|this|the\s+same)\s+(?:time|period)|to\s+date|up\s+to\s+now|(?:up\s+to|by|as\s+of)\s+the\s+end\s+of"
                           r"|\b(?:over|in|during)\s+(?:the\s+)?(?:past|last)\s+\w+\s+(?:years|decades)|\bover\s+20\d\d\s+and\s+20\d\d"
                           r"|\b(?:at|over|during|in)\s+the\s+(?:previous|past|last)\s+\w+\s+(?:fairs|expos|sessions|editions|conferences|forums)\b"  # "At the previous nine fairs"
                           # "到2022年末,29家央企在湖北新签…共1163个" (not "该项目计划到2023年底建成投产")
                           r"|(?:^|[,，]\s*)(?:到|至|截至)(?:19|20)\d\d年(?:末|底)[,，][^。；;]{0,40}?(?:共|累计|全市|全省|全县)"
                           # "In the period of January to May", "in the January-May period": months since the year began
                           r"|\bJan(?:uary|\.)?\s*(?:-|–|to|through)\s*(?:Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
                           # "The city brought in more than 430 projects …", "全市共引进物流项目68个": a place's intake over a
                           # period, not the deals of one event
                           r"|\b(?:the|this)\s+(?:city|county|province|district|region|zone)\s+(?:has\s+|had\s+)?(?:brought\s+in|introduced|attracted|landed)"
                           r"\s+(?:a\s+total\s+of\s+|more\s+than\s+|over\s+|nearly\s+|some\s+)?\d+\s+(?:[\w-]+\s+){0,3}projects\b"
                           r"|(?<!会上[,，])(?<!活动上[,，])(?<!本次)(?<!此次)全(?:市|县|区|省)(?:共|累计|先后)?(?:引进|招引|引进落地)"
                           # "From 2017 to 2018 the headquarters helped bring about 235 projects worth …": a sentence
                           # governed by a period of years is that period's tally (not "to be built from 2021 to 2025")
                           r"|^\s*(?:From|Between)\s+(?:19|20)\d\d\s+(?:to|and|through)\s+(?:19|20)\d\d\b"
                           # "今年1至6月,全市共引进…;已签约项目35个,总投资309.7亿元": a sentence opened by a span of months is
                           # that span's tally, every clause of it
                           r"|^\s*(?:今年|去年|上年|(?:19|20)\d\d年)?(?:1[-—至到~]\d{1,2}月(?:份)?|前[一二三四五六七八九十\d]{1,2}个?月)"  # (not "三季度,X区签约…": quarters name events; not "今年下半年,企业又投资2000余万元": one firm's half year)
                           r"|^\s*(?:In\s+)?(?:the\s+)?first\s+\w+\s+months\s+of\b|^\s*From\s+January\s+to\s+[A-Z]"
                           r"|过去\w{1,2}年|近\w{1,2}年来|20\d\d年?(?:至|到|—|-)20\d\d年|五”?期间(?!第[一二三四五六七八九十\d]{1,3}批|首批)"
                           r"|\bsince\s+[^.;:]{0,80}?\b(?:19|20)\d\d\b|(?:19|20)\d\d年以来|历届"
                           # "At present central SOEs have put more than 47 new and ongoing projects in Shenyang": a stock
                           r"|\b(?:at\s+present|currently)\b[^.;]{0,60}\b(?:have|has)\s+(?:\w+\s+)?(?:put|invested|attracted|landed|introduced|brought|launched|built)\b"
                           # "目前,曲阳县已建成总投资超过20亿元的光伏电站": what a place has by now, no new deal
                           r"|(?:目前|当前|现已|至今)[,，]?[^。；;，,]{0,12}已(?:经)?(?:建成|引进|落户|投资|入驻)"
                           # "Ceremonies marking … have been held for a combined investment of": many events summed
                           r"|\b(?:ceremonies|events|rounds|activities)\b[^.;]{0,60}\b(?:have|had)\s+been\s+held\b"
                           r"|\bfrom\s+January\s+to\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b", re.I)

# "... 160 projects with total investment of 80.5 billion yuan since the start of 2023": the running total named
# after its figure, in the same clause.
RUNNING_TOTAL_AFTER = re.compile(r"[^.;:。；]{0,30}?\b(?:since\s+the\s+(?:beginning|start)\s+of|so\s+far\s+this\s+year"
                                 r"|(?:this\s+year\s+)?so\s+far\b|year[-\s]to[-\s]date|in\s+the\s+first\s+\w+\s+months\b"
                                 r"|from\s+Jan(?:uary|\.)?\s+to\s+(?:[A-Z][a-z]+\.?|the\s+end)"  # "… Invested into Key Projects from Jan. to Oct."
                                 r"|(?:over|in|during)\s+the\s+(?:past|last)\s+\w+\s+(?:years|decades))", re.I)

# "of this, 500 million yuan ...", "其中": a share of the figure before.
SUB_ALLOCATION = re.compile(r"(?:of\s+(?:this|which|these|the\s+sum|the\s+total|it)|其中|including|among\s+which)[^.;。；]{0,20}$", re.I)
# A singular verb after the last figure of a run: what follows is said of that figure alone.
ONE_FIGURE_VERB = re.compile(r"\s*(?:is|was|has)\b", re.I)
# "2.9 trillion yuan, and 486.8 billion yuan of it is planned for this year": a share of the figure before.
SHARE_OF_IT_AFTER = re.compile(r"\s*of\s+it\b", re.I)
# "Total investment is expected to reach 8 billion yuan", "总投资预计达到": the investment itself, though "expected
# to reach" otherwise starts a target.
INVESTMENT_REACHES = re.compile(r"""(?:(?:\binvestment|投资总?额?|总投资)\s*(?:is\s+|was\s+|will\s+)?
    (?:expected|estimated|projected|planned|set|预计|计划|拟)\s*(?:to\s+)?
    | \b(?:their|these\s+projects['’]?|the\s+projects['’]?)\s+total\s+investment\s+(?:will|would|shall|is\s+to)\s+)  # "Their total investment will reach": the sum of what is counted
    (?:reach|total|hit|be|达到|达)\s*
    (?:about\s+|around\s+|approximately\s+|over\s+|more\s+than\s+|nearly\s+|约)?$""", re.X | re.I)
# "the first phase ... at an estimated investment of 1.6 billion yuan", "其一期总投资达42亿元": a phase of a project
# whose whole figure the text gives; not a deal of its own.
PHASE_BEFORE = re.compile(r"(?:\b(?:first|initial|start-up)\s+phase\b|\bphase\s+(?:one|I|1)\b|[一首]期)[^.;。；]{0,60}$"
                          # a later phase, as the subject of its own figure ("二期拟投资20亿元"), not "…二期项目,投资额20亿元的"
                          r"|(?:^|[,，;；。])\s*(?:其)?[二三]期(?:工程|项目)?(?:计划|拟|预计)?总?投资(?:额)?(?:约|为|达)?\s*$"
                          r"|\b(?:second|third|later)\s+phase\s+(?:\w+\s+){0,3}(?:cost|costs|invest|investment\s+of|involves?)\s*$", re.I)
# "按项目类别分, 外商投资项目23个…", "By industry, ...": the sentence splits a total given before.
SPLIT_BY = re.compile(r"按[^,，。;；]{1,10}分|从[^,，。;；]{1,10}(?:看|分)|分[^,，。;；]{0,4}(?:来看|而言)|^\s*分[^,，。;；]{1,8}看"
                      r"|\bby\s+(?:project\s+)?(?:type|industry|industries|sector|category|categories|region|source|"
                      r"scale|size|form|origin|district|county)\b|\b(?:divided|broken\s+down|sorted|classified|grouped)\s+by\b", re.I)
BREAKDOWN_CUE = re.compile(SPLIT_BY.pattern + r"|\bof\s+(?:which|these|them)\b|其中|among\s+them", re.I)
# "全省共签约…", "province-wide": the whole province's figure.
WHOLE_PROVINCE = re.compile(r"全省|\bprovince-wide\b|\bacross\s+the\s+(?:whole\s+)?province\b|\bthe\s+whole\s+province\b", re.I)
# "the province plans 141 key projects": the province's own list, placed in no one city of it.
PROVINCE_PLANS = re.compile(r"\bthe\s+province\s+(?:plans|planned|has\s+arranged|arranged|will\s+(?:build|start|implement|carry\s+out))\s+"
                            r"(?:\d[\d,]*|[a-z]+)\s+(?:[\w-]+\s+){0,3}?projects\b", re.I)
# A span of the calendar, not an event: "春节期间", "上半年", "in the first quarter". A whole province's figure over one
# is a tally of many signings, not a signing.
CALENDAR_PERIOD = re.compile(r"春节|国庆|元旦|[上下]半年|前?[一二三四1-4]季度|前[一二三四五六七八九十\d]{1,2}个?月|\d{1,2}[-—至到]\d{1,2}月"
                             r"|今年以来|年初以来|全年|\bSpring\s+Festival\b|\b(?:first|second)\s+half\b|"
                             r"\b(?:first|second|third|fourth)\s+quarter\b|\bQ[1-4]\b|\bthis\s+year\b", re.I)
# "其中最大的一个项目投资达400亿元", "the largest of which": one unnamed item of a list.
SUPERLATIVE = re.compile(r"(?:最大|最高|largest|biggest)[^.;。；]{0,25}$", re.I)

# "25 major projects", "9 of them", "15个重大产业化项目", "项目8个".
BUNDLE_COUNT = re.compile(r"""
    (?<![\d.,])(?<![\w-])(?<!Fortune\s)(?<!Global\s)(?<![Tt]op\s)(?P<n>\d{1,5}|""" + COUNT_WORD + r""")
    \s+(?:["“][^"”]{1,30}["”]\s+)?  # a quoted name: '119 "Five 100" major industrial projects'
    (?:(?:(?!of\b|the\b|these\b|those\b)[A-Za-z-]+\s+){0,4}?(?:projects|deals|agreements|contracts|companies|enterprises)\b
         |of\s+(?:them|the\s+(?:[a-z-]+\s+){0,2}?projects))
  | (?P<n_zh>\d{1,5}|[两二三四五六七八九十]+)\s*个(?:[\u4e00-\u9fff]{0,8})?项目
  | 项目中?(?:合同|协议)?(?:数|数量)?(?:一共|总共|合计|共计|共有|共|达|为|有)?(?P<n_zh2>\d{1,5})\s*个        # "签约项目32个", "项目合同267个", "签约的项目有42个"
  | (?<![第\d])(?P<n_zh3>\d{1,5}|[两二三四五六七八九十]+)\s*家(?:企业|公司)                # "与5家企业签约"
  | (?<![第\d])(?P<n_zh4>百|近百|上百|\d{1,4}|[两二三四五六七八九十]+)余?\s*[项个](?=[\u4e00-\u9fff、]{0,10}项目)  # "百余项重大招商、建设项目"
  | among\s+(?:the|these)\s+\d+\s+projects?,\s*(?P<n_are>\d{1,4})\s+(?:are|were)\b   # "Among the 36 projects, 14 are"
  | (?:,|\band)\s+(?P<n_are2>\d{1,5})\s+(?:are|were)\b(?!\s+(?:billion|million|yuan|percent))  # "16 of them are …, and 63 are …"
  | (?:合约|合同|协议)(?:数|数量)?(?:一共|总共|合计|共计|共有|共|达|为|有)?(?P<n_zh6>\d{1,5})\s*[个份项]  # "共达成合约199个"
  | (?<![第\d])(?P<n_zh5>\d{1,3}|[两二三四五六七八九十]+)\s*[个份项](?:[\u4e00-\u9fff]{0,2})?(?:投资|合作)(?:协议|合同)  # "签订两个投资协议"
""", re.X | re.I)
# The words of a kind a count names after its verb ("71 concern major infrastructure"), and where they end.
_KIND_EN = r"(?!(?:will|would|have|has|had|are|is|was|were|be|been|to)\b)[a-z][\w'-]*(?:\s+(?!and\s+(?:\d+|" + COUNT_WORD + r")\b)[\w'-]+){0,7}?"
_KIND_END_EN = r"\s*(?:,|;|:|\.(?:\s|$)|\band\s+(?:\d+|" + COUNT_WORD + r")\b|\bwhile\b|$)"
# "16 industry transfer projects", "7个工业项目": a count with the words that say what kind of projects it counts.
GROUP_WORDS = re.compile(r"""
    (?<![\d.,])(?<![\w-])(?P<n_en3>\d{1,5}|""" + COUNT_WORD + r""")\s+(?:(?:[\w-]+\s+){0,2}?projects?\s+)?   # "Of the 230 projects, 71 concern …",
    (?:of\s+(?:them|these|which)\s+)?                                     # "six projects concern urban construction"
    (?:concerns?|involves?|relates?\s+to|belongs?\s+to|fall\s+(?:under|into|in)|comes?\s+from|are\s+(?:in|for|from|(?:devoted|dedicated)\s+to))\s+(?:the\s+)?
    (?P<what_en3>""" + _KIND_EN + r""")(?=""" + _KIND_END_EN + r""")
  | (?<![\d.,])(?<![\w-])(?P<n>\d{1,5}|""" + COUNT_WORD + r""")\s+(?:of\s+(?:them|these|which)\s+)?(?:(?:are|were)\s+)?   # "26 of them are industrial projects"
    (?P<what>(?:(?!(?:of|the|these|those|are|were|is|was|with|in|for)\b)[A-Za-z][\w'-]*\s+){0,5}?)projects?\b
  | (?<![第\d])(?P<n_zh>\d{1,5}|[两二三四五六七八九十]+)\s*个(?P<what_zh>[\u4e00-\u9fff]{0,8}?)项目
  | (?:(?<=[、，,；;：:分])|(?<=包括)|^)(?:其中|包括)?(?P<what_zh2>[\u4e00-\u9fff]{2,10}?)(?:(?:类项目|类|项目|产业)(?:共有项目|共有|有|共)?|(?:共有项目|共有|有))
    (?P<n_zh2>\d{1,4}|[两二三四五六七八九十]+)\s*个(?![\u4e00-\u9fff]{0,6}项目)  # "医养健康类2个", "先导产业有7个"
  | (?:(?<=:\s)|(?<=,\s)|(?<=\band\s))(?P<what_en2>[a-z][a-z-]*(?:\s[a-z][a-z-]*){0,3}?)\s+(?P<n_en2>\d{1,4})
    (?=\s*(?:,|;|\.(?:\s|$)|\band\b|$))                                   # "…projects are: agriculture 4, industry 6, …"
  | (?<=[，,、；;])(?P<what_zh3>[\u4e00-\u9fff]{2,4}?)(?P<n_zh3>\d{1,4})个(?=[、，,；;。和]|$)  # "13个光伏项目中，镇宁4个、关岭7个"
  | (?<![\d.,])(?<![\w-])(?P<n_en4>\d{1,5}|""" + COUNT_WORD + r""")\s+of\s+(?:them|these|which)\s+(?!are\b|were\b|is\b|was\b)
    (?:(?:in|for)\s+)?(?P<what_en4>""" + _KIND_EN + r""")(?=""" + _KIND_END_EN + r""")   # "four of them upgrading traditional industries"
  | (?:(?<=,\s)|(?<=\band\s))(?P<n_en7>\d{1,5}|""" + COUNT_WORD + r""")\s+(?:in|for)\s+(?:the\s+)?   # "Thirty of them are in A and eight in B"
    (?P<what_en7>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,5})(?=""" + _KIND_END_EN + r""")
  | (?:^|(?<=[,;:]\s))(?P<what_en6>[A-Za-z][\w'-]*(?:\s+[a-z][\w'-]*){0,4}?)\s+(?:makes?|made)\s+up\s+
    (?P<n_en6>\d{1,5}|""" + COUNT_WORD + r""")\s+of\b                      # "Advanced manufacturing makes up 19 of the … projects"
""", re.X | re.I)
# A semicolon: where the words of one figure or one run of groups end.
CLAUSE_STOP = re.compile(r"[;；]")
# A group told in addition to a count's parts ("另有重大前期项目17个"), not one of them.
IN_ADDITION = re.compile(r"另有|另外|此外")  # (not English "another 12 projects …": in a breakdown, one more part)
# "this year", "今年": the year of the article, said relative to it.
THIS_YEAR_WORDS = re.compile(r"\b(?:this|the)\s+year\b|今年|本年", re.I)
# Words of a sentence that goes on breaking down a count told before it ("Advanced manufacturing makes up 19 of the new
# key projects", "Besides, six projects concern …", "Another 12 projects belong to …", "Thirty of them are in …").
CONTINUES_COUNT = re.compile(r"^\W*(?:of|among|besides|another|by\s+(?:type|industry|sector|field|category|area)|the\s+\d+)\b"
                             r"|\bmakes?\s+up\b|\bof\s+(?:them|these)\b|\b(?:concerns?|relates?\s+to|belongs?\s+to|devoted\s+to|dedicated\s+to|comes?\s+from)\b"
                             r"|其中|另有|此外", re.I)
# "Of the 2,051 major projects, 903 are …": a breakdown naming the count of its whole.
WHOLE_OF_BREAKDOWN = re.compile(r"\W*(?:of|among)\s+the\s+(\d[\d,]{0,6}|" + COUNT_WORD + r")\s+(?:[\w-]+\s+){0,3}?projects\b",
                                re.I)
# "Of these,", "Of the 12,", "Among them,", "其中,": a sentence that goes on about the projects counted before it.
OF_THE_COUNT_BEFORE = re.compile(r"^\W*(?:(?:of|among)\s+(?:these|them|those|which|the\s+(?:\d{1,5}|" + COUNT_WORD
                                 + r")(?:\s+(?:[\w-]+\s+){0,3}?projects)?|the\s+projects)\b|其中)"
                                 r"|^\W*(?:(?:sorted|broken\s+down|classified|divided|grouped)\s+)?by\s+(?:type|industry|sector|field|category|area)\b"
                                 r"|\b(?:\d{1,5}|" + COUNT_WORD + r")\s+of\s+(?:them|these)\b"
                                 r"|按[\u4e00-\u9fff]{1,6}分|\d+个[\u4e00-\u9fff]{0,8}项目中", re.I)  # "By type, 26 of them are …", "按领域分"
# What a count names that is no kind of project: a stage ("签约项目12个", "the 20 started projects"), the whole
# ("其中"), parties.
NOT_A_KIND = re.compile(r"签约|开工|动工|投产|竣工|集中|涉及|其中|共|企业|投资方|合计|总计|累计|新增"
                           r"|^(?:started|signed|completed|contracted|launched|commenced|inked)$", re.I)  # "the 20 started projects are:"
# A breakdown of a count ("13个光伏项目中,", "按区域分,", "By type, the 41 projects are:"): only there does a bare
# place or kind before or after a number count a group.
ZH_BREAKDOWN = re.compile(r"\d+个[\u4e00-\u9fff]{0,8}项目中|按[\u4e00-\u9fff]{1,6}分"
                          r"|其中[，,：:]\s*[\u4e00-\u9fff]{2,4}\d{1,4}个[，,、；;]")  # "其中，兴义市3个，兴仁县4个，…"
EN_BREAKDOWN = re.compile(r"\bby\s+(?:type|industry|sector|field|category|area|kind)\b[^.;]{0,80}?\b(?:are|were|include)\s*:", re.I)
# Counts compared with others ("compared with 25 major projects in 2020", "较去年同期"): no groups of this event.
COMPARED_GROUPS = re.compile(r"\bcompared\s+(?:with|to)\b|\bthan\b|\bversus\b|较去年|比去年|比上年|同比", re.I)
# Words of such a count that say nothing of the kind: "three more projects", "16 other projects".
VAGUE_GROUP_WORDS = {"more", "other", "further", "additional", "such", "big", "large", "separate", "individual"}
# "the projects", "these projects", "the two projects": a plural subject that totals.
PLURAL_PROJECTS = re.compile(r"""
    (?<!one\sof\s)(?<!among\s)\b(?:the|these|those|all)\s+(?:\w+\s+)?projects\b   # not "one of the projects"
  | \b(?:major|key|several|multiple|many|batch\s+of)\s+(?:[\w-]+\s+){0,2}projects\b[^.;]{0,150}\b(?:total|add\s+up|in\s+all)
  | 项目(?:合计|共)
  | (?:这些|此次|本次|上述|所有|全部|签约|开工|集中|这批|该批)项目总投资                # not "A项目总投资30亿元": one project
  | (?:这些|此次|本次|这次|上述|这批|该批)(?:集中)?(?:开工|签约|签订|竣工|投产|落地)?的?(?:重点|重大)?项目
    [^。；;]{0,20}?总投资                                                    # "此次开工项目以工业类为主,总投资23亿元"
""", re.X | re.I)
# "Over the course of the expo, the total investment came to ...", after "signed 98 projects": the total of
# the projects counted just before.
TOTAL_OF_ALL = re.compile(r"\b(?:the|their)\s+(?:overall\s+|combined\s+)?total\s+(?:investment|amount|value)\b|\bin\s+total\b", re.I)
TOGETHER = re.compile(r"\btogether\s+(?:received|receive|involve|attract|with\s+an?\s+investment)|\bcombined\b|共同获得", re.I)
# "百亿元以上的项目有4个——A、B、C和D", "... over 5 billion yuan each, namely A, B and C": names follow the figure.
ENUMERATION_AFTER_FIGURE = re.compile(r"[^.;。；]{0,20}?(?:——|—|namely|分别是|分别为|:|：)", re.I)
# "投资额30亿元的A项目、B项目和C项目": the figure is each named project's, the names follow "的".
NAMES_AFTER_FIGURE = re.compile(r"\s*的(?!项目|企业|公司|产业|重大|重点)")
# Where a list of names ends: the lead-in of the next figure, or a closing "等".
NAMES_END = re.compile(r"(?:[,，;；]|以及|和|及)\s*(?:以及|及|和)?\s*[\u4e00-\u9fff]{0,6}?(?:总?投资额?|计划投资|投资总额)?\s*$|等\s*$")
# "..., the B Project with total investment of CNY 40.6 billion": a listed project named before its figure.
NAME_BEFORE_FIGURE = re.compile(r"""(?:^|[,;:]\s*|\bincluding\s+|\binclude\s+)
    (?P<name>(?:(?:and|as\s+well\s+as)\s+)?(?:the\s+)?[A-Z][^,;:]{3,120}?)
    \s+(?:with|of)\s+(?:an?\s+)?(?:total\s+|planned\s+)?investment\s+(?:of\s+)?(?:about\s+|around\s+|over\s+)?$""", re.X)
RESPECTIVELY = re.compile(r"\brespectively\b|分别为|分别是", re.I)
ENUMERATION = re.compile(r"(?:——|—|namely|分别是|分别为|包括|including|include[sd]?|项目有\d*个?[:：]?|:|：)\s*", re.I)

# A signing without a figure.
SIGNING = re.compile(r"""
    \b(?:signed|inked|sign|signing|put\s+pen\s+to\s+paper)\b[^.;]{0,80}\b(?:agreements?|contracts?|deals?|MoU|memorandum)\b
  | \b(?:framework|cooperation|investment|strategic)\s+(?:cooperation\s+)?agreements?\b
  | \bsigned\s+(?:a|an|the)\b | \binked\b | 签约 | 签署 | 签订
  | \b(?:was|were)\s+(?:also\s+)?signed\b | \bamong\s+the\s+signed\b
  | \bagreed\s+to\s+(?:jointly\s+)?(?:build|set\s+up|establish|invest|develop)\b
  | \b(?:has|have|had)\s+(?:jointly\s+)?(?:set\s+up|established|formed)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:joint\s+venture|company|venture)\s+with\b
  | \b(?:plan|plans|intend|intends|is\s+to|are\s+to)\s+(?:to\s+)?(?:build|set\s+up|open|construct)\s+(?:[\w-]+\s+){0,6}?(?:plant|factory|fab|base)\s+in\b
""", re.X | re.I)
# "Chengdu also inked cooperation agreements with ...": a separate signing, not a bundle's component.
# "Contracts were also signed for 48 major projects", "另有8个项目现场签约": a group beside the one before, not its part.
ALSO_SIGNED_GROUP = re.compile(r"\b(?:were|was|have\s+been)\s+also\s+(?:signed|inked)\b|\balso\s+(?:signed|inked)\s+(?:for\s+)?\d+", re.I)
ALSO_SIGNING = re.compile(r"\balso\s+(?:inked|signed)\b|\bon\s+the\s+same\s+day\b|同日|也签约|还签约|另行签约", re.I)
# What a founded or approved event is about.
EVENT_OBJECT = re.compile(
    r"(?:(?:[A-Z][\w'’-]*|and|of|for|\+)\s+){0,7}(?:Alliance|alliance|industrial\s+park|Industrial\s+Park|park|Park|"
    r"zone|Zone|Base|base)\b|[\u4e00-\u9fff]{2,12}(?:联盟|产业园|园区)")
GOVERNMENT_BODY = re.compile(
    r"((?:the\s+)?(?:[A-Z][\w'’&\-]*\s+){1,7}(?:Government|Bureau|Commission|Committee|University|Office|"
    r"Hi-?[Tt]ech\s+Zone|New\s+Area|Development\s+Zone|Development\s+District))")
# The thing built: "plans to build an innovative business center in CDHT" -> "innovative business center".
OBJECT_AFTER_VERB = re.compile(
    r"\b(?:build|set\s+up|establish|construct|create|open)\s+(?:an?|the|its)?\s*(?P<thing>[\w“”\"'\- ]{4,70}?)"
    r"(?=\s+(?:in|at|to|for|with|which|that|and|covering)\b|[,.;]|$)", re.I)
# "took place in Shenzhen", "held in ...", "a delegation to ...": where the ceremony was, not where money lands.
VENUE_BEFORE = re.compile(
    r"(?:took\s+place\s+in|held\s+in|venue\s+in|delegation\s+to|visits?|visited|trip\s+to|promotion\s+in|"
    r"campaign\s+in|(?<!projects\s)(?<!project\s)based\s+in|headquartered\s+in|"
    r"(?:ceremony|forum|conference|expo|fair|summit|meeting|event|roadshow|activit(?:y|ies)|session|seminar)\s+"
    r"(?:held\s+|staged\s+)?in|"
    r"(?:opened|held|was\s+held|were\s+held|kicked\s+off|took\s+place)\s+(?:\w+ly\s+)?"
    r"(?:on\s+\w+(?:\s+\d{1,2})?(?:,\s*\d{4})?\s+)?in|"
    r"(?:closed|ended|concluded|wrapped\s+up)\s+(?:on\s+\w+(?:\s+\d{1,2})?\s+)?in|赴|前往)"
    r"(?:\s+the\s+(?:provincial\s+|regional\s+)?(?:capital\s+)?city\s+of|\s+the\s+(?:provincial\s+|regional\s+)?capital\s+of)?"
    r"\s*$",  # "held in the provincial capital of Taiyuan"
    re.I)
# "signed in Haikou", "launched in Haikou": where a province's signing took place (only when the headline makes the
# province the actor: "Hainan launches 108 projects").
VENUE_VERB_IN = re.compile(r"\b(?:signed|inked|launched|unveiled|kicked\s+off|staged|held)\s+(?:on\s+\w+\s+)?in\s+$", re.I)
# "在北京举行的签约仪式上": the ceremony's city, named before 举行/举办/召开.
# "Close to a thousand entrepreneurs came to Shenyang at the end of August for the Top 500 Summit": people arriving
# somewhere for an event name its venue (not "Huawei came to Shenyang to invest").
CAME_TO_BEFORE = re.compile(r"\b(?:came|come|travell?ed|flocked|gathered|converged)\s+(?:to|in|on)\s+$", re.I)
FOR_EVENT_AFTER = re.compile(r"[^.;]{0,40}?\bfor\s+(?:the|a|an)\s+(?:[\w'\"“”-]+\s+){0,8}?(?:summit|forum|expo|fair|conference"
                             r"|convention|congress|festival|meeting|exhibition)\b", re.I)
VENUE_AFTER = re.compile(r"\s*(?:举行|举办|召开|开幕|闭幕|隆重开幕|参加|出席|参会)")
# "signed at the Beijing venue", "北京会场": a ceremony's venue.
VENUE_NAMED = re.compile(r"""\s*[)）]?\s*(?:(?:venue|会场|主会场|分会场)\b
    | (?:(?![在赴到与和向])[\u4e00-\u9fff]){0,8}?(?:恳谈会|推介会|洽谈会|招商会|交易会|峰会|论坛)          # "深圳产业合作恳谈会": an event held there
    | (?:[A-Z][\w-]*\s+){0,5}(?:Roadshow|Investment\s+Fair|Promotion\s+Conference|Forum|Summit)\b
    | (?<=[)）])\s*(?:(?:(?-i:[A-Z])[\w&-]*|&|and)\s+){1,6}(?-i:Expo|Fair|Week)\b  # "China (Mianyang) Science & Technology … Expo" (not
    | (?:(?:(?-i:[A-Z])[\w&-]*|&)\s+){1,6}(?-i:Week)\b                       # "China Jingdezhen … Fair": its city's own), "Shanghai Q&A Week"
    | (?:[A-Z][\w'-]*\s+){0,3}(?:Guest\s+House|Hotel|(?:Exhibition|Convention|Conference|Expo)(?:\s+and\s+\w+)?\s+Cent(?:er|re))\b
    | [\u4e00-\u9fff]{0,8}?(?:宾馆|酒店|迎宾馆|会展中心|会议中心|博览中心))   # "Shanghai Hongqiao State Guest House": where the ceremony was""", re.I | re.X)

# "Sichuan University", "Chengdu Daily": an institution's name, not a place where money lands.
INSTITUTION_AFTER = re.compile(r"""\s*(?:[A-Z][a-z]+\s+){0,2}?(?:Normal\s+)?(?:University|Institute|Academy|Hospital|Bank|Airlines|Daily|Post|Times|News
    |Television|TV|Stock\s+Exchange|大学|学院|银行|日报|晚报|商报|时报|新闻|电视台|广播|网讯)""", re.X)

# "Tianjin Zhonghuan Semiconductor's new factory", "Jiangsu Hongdou group signed": a place, then a word that spells
# pinyin syllables (a Chinese brand), then an industry word or "'s": the company's home, not where money lands.
_PINYIN_SYLLABLE = (r"(?:er|(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan"
                    r"|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|a|o|e|i|u|v))")
PINYIN_WORD = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{1,4}}", re.I)
BRAND_AFTER_PLACE = re.compile(r"""\s+(?P<brand>(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)??))
    (?:['’]s\b|\s+(?:[A-Z][\w-]*\s+){0,2}?(?:Semiconductors?|Electric|Electrical|Electronics?|Energy|Power|Steel|Chemicals?
      |Pharmaceuticals?|Pharma|Medical|Motors?|Auto|Automobiles?|Automotive|Technology|Technologies|Tech|Sci-Tech|Science
      |Materials?|Holdings?|Group|Industries|Industrial|Investments?|Capital|Construction|Engineering|Logistics|Machinery
      |Optoelectronics?|Photovoltaics?|PV|Solar|Software|Textiles?|Paper|Foods?|Dairy|Bio\w*|Mining|Metals?|Cement|Glass
      |Petrochemicals?|Enterprises?|Corp\w*|Co|Company|Ltd|Resources|Equipment|Intelligent|Networks?|Telecom|New\s+Materials?)\b)""",
                               re.X | re.I)

# Words of a project's stages or instalments ("will first invest", "in the second", "US$175 million more", "首期").
STAGE_CUE = re.compile(r"\b(?:first|initial(?:ly)?|second|third|fourth|later|then|more|additional|further|phases?|stages?"
                       r"|schedules?|tranches?|instal?ments?)\b|[一二三四首]期|分期|阶段|[一二三四首]階段", re.I)

# "16 of which are blockchain", "Biomedicine accounts for 11 of the ...": a share of a count already given.
COUNT_IS_PART = re.compile(r"^\S*\s*\d+\s+of\s+(?:which|these|them)\b|accounts?\s+for\s+\d+|其中\d+个|\bof\s+these\s+\d+", re.I)

# "projects above 1 billion yuan", "投资10亿元以上项目8个": a size class of a list, not a deal.
THRESHOLD_BEFORE = re.compile(r"(?<!the\s)(?<!these\s)(?<!those\s)\bprojects?\s+(?:with\s+(?:an?\s+)?(?:investment|value)\s+of\s+|worth\s+|of\s+)?$", re.I)
# "16 projects are of over 5 billion yuan", "26个项目投资额都在5000万元以上", "8个投资超过5000万元的项目", "千万美元以上的合同项目":
# a size class, whatever the qualifier.
SIZE_CLASS_BEFORE = re.compile(r"\b\d+\s+projects\s+(?:are|were)\s+(?:of|worth)\s+$|(?:均|都)(?:在|超过|达到?)\s*$"
                               r"|\b\d+\s+(?:have|had)\s+(?:an?\s+)?(?:total\s+)?investments?\s+(?:of\s+)?"
                               r"(?:(?:above|over|more\s+than|exceeding)\s*)?$", re.I)
# "12 key fund projects worth more than 20 billion yuan were signed": a count governs the projects the figure is worth,
# so the figure is their total however round ("projects worth more than 1 billion yuan" with no count is a size class;
# "... each", "apiece" stays one).
COUNTED_WORTH_BEFORE = re.compile(r"(?<![\d.,])\b(?:\d{1,5}|" + COUNT_WORD + r")\s+(?:(?!of\b|the\b|these\b|those\b)[A-Za-z-]+\s+){0,3}?"
                                  r"projects\s+(?:worth|valued\s+at|with\s+(?:a\s+)?(?:combined|total)\s+(?:investment|value)\s+of)\s+$",
                                  re.I)
EACH_AFTER = re.compile(r"\s*(?:[(（][^)）]{0,40}[)）]\s*)?(?:each|apiece|per\s+project|or\s+(?:more|above))\b", re.I)
SIZE_CLASS_AFTER = re.compile(r"\s*(?:以上|及以上|以下)?的?(?:[\u4e00-\u9fff]{0,4}?)项目")  # "投资超百亿元项目集中签约" too
THRESHOLD_AFTER = re.compile(r"""\s*(?:以上|及以上|以下)?\s*(?:的)?(?:[\u4e00-\u9fff]{0,4}?项目)?(?:共有|共计|有|共|达|超过|逾|近)?
    (?:\d+|[两二三四五六七八九十]+)\s*(?:个|项|家)
  | \s*(?:or\s+(?:more|above)\s+)?(?:are|were|number(?:ed)?)\s+(?:\d{1,4}|""" + COUNT_WORD + r""")\b   # "the projects of 1 billion yuan are 5"
""", re.X | re.I)

# A sentence that continues about the thing named before ("The project's total investment ...", "该项目").
ANAPHORA = re.compile(r"""\s*(?:
    (?:The|This|These|Its|Their)\s+(?:[\w-]+\s+){0,2}?(?:project|projects|company|companies|firm|deal|contract|
        agreement|base|plant|park|zone|parties|sides|group|investment)(?:['’]s)?\b
  | It\b | They\b | 该 | 此 | 这 | 项目 )""", re.X)

# Words by which a signing without a named party points back to the one named before.
REFERS_BACK = re.compile(r"\b(?:both\s+parties|the\s+two\s+(?:sides|parties)|the\s+three\s+parties|the\s+company|"
                         r"the\s+companies|it|they)\b|双方|三方|该公司|其", re.I)

# "to set up Tus Tianfu Blockchain Industrial Group": the company named after is what is set up, not an investor.
SET_UP_BEFORE = re.compile(r"\b(?:set\s+up|establish|found|create|register|incorporate)\s+(?:a\s+|an\s+|the\s+)?$|设立|成立|组建", re.I)
# "A Desiree intelligent storage equipment project, with ...": the project's own noun phrase.
PROJECT_PHRASE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Aa]nother|its\s+own|their\s+own|its|their)\s+(?P<thing>(?:[\w+&'’.-]+\s+){1,6}?(?:project|park|base|cent(?:er|re)|plant|"
    r"factory|gigafactory|line|headquarters?|town|hub|institute|laboratory|campus|fab))\b")
# A count of projects (not of companies or members).
PROJECT_COUNT = re.compile(r"\bprojects?\b|项目|\b(?:agreements|contracts|deals)\s+(?:were|have\s+been)\s+(?:signed|inked)\b"
                           r"|\b(?:companies|enterprises|firms)\s+(?:agreed|signed|inked|settled)\b", re.I)
# Between the clauses of one sentence that each count projects of their own stage ("263 projects were signed,
# 231 broke ground and another 199 went into operation", "签约项目12个,开工项目8个,投产项目5个").
# The number of such a clause ("231 projects broke ground", "开工项目8个").
CLAUSE_COUNT = re.compile(rf"(?<![0-9A-Za-z.,-])(\d{{1,5}}|{COUNT_WORD}|[两二三四五六七八九十]+(?=\s*个))(?![0-9A-Za-z.,])", re.I)
# A place's bare name ("Hongqi"), an acronym brand before it ("FAW Hongqi"), a model code after it ("Jiefang J7").
BARE_NAME = re.compile(r"[A-Z][a-z]+")
ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,}\s+$")
MODEL_AFTER = re.compile(r"\s+[A-Z]+\d")
# "约50位来自深圳市…企业": where people come from.
COMES_FROM_BEFORE = re.compile(r"来自(?:于)?$")
# "122 projects came from eastern and central regions such as Guangdong, Zhejiang, Shanghai": where projects come from.
CAME_FROM_BEFORE_EN = re.compile(r"\b(?:came|come|comes|coming)\s+from\s+(?:(?:[A-Z][\w-]*|eastern|central|western|northern|"
                                 r"southern|coastal|and|or|other|regions?|provinces?|cities|areas?|such\s+as|including|the)"
                                 r"[\s,]+){0,14}$")
COUNT_CLAUSE_CUT = re.compile(r",\s*(?:and\s+|while\s+)?|;\s*|\s+and\s+(?=(?:another\s+|a\s+further\s+)?\d)|[，；]")

# "Dongbao Park", "Humen Avenue", "东宝公园": a district's name naming a thing in another place.
# The same for a city's name: a mountain, lake or street named after it ("Daqing Mountain" in Hohhot), not the city.
CITY_THING_AFTER = re.compile(r"\s+(?:Mountains?|Lake|River|Road|Avenue|Street|Bridge|Island|Forest)\b")
THING_AFTER = re.compile(r"""\s*(?:(?:Park|Island|Road|Avenue|Street|Bridge|Lake|River|Mountain|Forest|Square|Hotel|Tower|Building|Plaza|Station|Airport
      |(?:State\s+)?Guest\s+House|Exhibition|Convention)\b
    |公园|路|大道|大街|大桥|湖|岛|酒店|大厦|广场|车站|机场|宾馆|迎宾馆|会展中心|国际会展)""", re.I | re.X)

# "广西举行…", "贵州省党委、政府在深圳举办…", "Hainan Province held …": the province holds the event.
ORGANISER_AFTER = re.compile(r"""(?:省|壮族自治区|回族自治区|维吾尔自治区|自治区)?\s*(?:委|党委|人民政府|政府|、|和|及)*\s*
    (?:在[^，。,]{0,25})?(?:举行|举办|召开|集中|组织|开展)
  | \s+(?:[Pp]rovince\s+|(?:Zhuang\s+|Hui\s+|Uygur\s+)?Autonomous\s+Region\s+)?(?:held|holds|hosted|hosts|signed|launched|kicked\s+off|staged)\b""", re.X)

# "Today in Shanghai was held Hunan's promotion conference": a province's own event, wherever it was held.
ORGANISER_POSSESSIVE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,12}?(?:conference|fair|week|forum|expo|meeting|ceremony|event)\b")
# "Shenzhen-based DJI": where a company comes from, not where its money goes.
HOME_AFTER = re.compile(r"-(?:based|headquartered|funded|invested|backed)\b"
                        r"|\s+(?:companies|enterprises|firms|businesses)\b"
                        # "Chengdu investors", "Shanghai's businesspeople": where the money comes from, not where it lands
                        r"|(?:'s|’s)?\s+(?:investors|businesspeople|businessmen|entrepreneurs)\b", re.I)
# "investors from Shanghai and Fujian": the same, named after.
HOME_BEFORE = re.compile(r"\b(?:investors|businesspeople|businessmen|entrepreneurs|investment)\s+(?:mainly\s+)?"
                         r"(?:from|of)\s+(?:[A-Z][\w'-]*(?:,\s*|\s+and\s+|\s+as\s+well\s+as\s+(?:from\s+)?))*$")
# "our province signed ...", "我省签约…": the article's own province (a provincial paper or department writing).
OUR_PROVINCE = re.compile(r"\bour\s+province\b|我省|本省", re.I)
OUR_CITY = re.compile(r"\bour\s+city\b|我市|本市", re.I)

# A dateline's date ("XIAMEN, Sept. 9 (Xinhua) --"): when the article was filed, not when the event was.
DATELINE_AFTER = re.compile(r"\s*(?:\([^)]{1,30}\)\s*-(?=\s)|(?:\([^)]{1,30}\))?\s*(?:--|—|–)"  # "(Reuters) - ": one hyphen after the agency
                            # "Rednet Moment, February 19 (Reporters He Yonghui and Li Fang) On the morning of February
                            # 18, ...", "2月9日电（记者 X）", "5月14日讯": the day the report was filed, its reporters named after it
                            r"|电?\s*[(（]\s*(?i:reporters?|correspondents?|special\s+correspondent|by|记者|通讯员|见习记者)\b"
                            r"[^)）]{0,80}[)）]|电|讯)")  # "中国网5月14日讯 5月13日,…": the wire's opening, the event's day after it
# "On the same day": the day of the event told just before.
SAME_DAY = re.compile(r"\b(?:on\s+the\s+same\s+day|the\s+same\s+day|that\s+day)\b|同日|当天|当日", re.I)

# The act of signing itself (not "agreed to", "plans to").
SIGNED_NOW = re.compile(r"\b(?:signed|inked)\b|签约|签署|签订", re.I)

# "XIAMEN, Sept. 9 --": the city a report was filed from.
DATELINE_PLACE = re.compile(r"^[A-Z][A-Z' -]+$")


# --- added this round (blind batches 8-10) ------------------------------------------------------------------
# ", 同比增长7.5%": a figure compared with last year's.
GROWTH_AFTER = re.compile(r"\s*[,，]?\s*(?:同比|比上年|较上年|比去年|较去年)")
# "20亿元以上的有7个,总投资552亿元": the count of a size band, before its total.
SIZE_GROUP = re.compile(r"(?:以上|以下|之间|元)的?(?:项目)?有\s*(?P<n>\d+|[两二三四五六七八九十]+)\s*个[,，]?[^,，。；;]{0,8}$")
# A paragraph opening "今年以来", "so far this year": a running tally of the year.
PARA_TALLY = re.compile(r"\s*(?:今年以来|年初以来|去年以来|\d{4}年以来|so\s+far\s+this\s+year|since\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+year)", re.I)
# Words of a dated event of its own, inside such a paragraph.
EVENT_CUE = re.compile(r"仪式|签约会|推介会|洽谈会|举行|举办|ceremony|\bheld\b|\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)
# Where a clause ends inside a sentence.
CLAUSE_CUT = re.compile(r"[,，;；:：]")
# Between places named one after another ("A、B和C", "A, B and C").
PLACE_LIST_GAP = re.compile(r"\s*(?:、|,|，|和|及|以及|与|,?\s*and)\s*")
# "…在贵阳市双龙航空港经济区的宝能城举行": held there, the venue's name between.
VENUE_LATER = re.compile(r"[^,，。；;:：]{0,30}?(?:举行|举办|召开|隆重开幕|开幕)")
# "the major projects (signed in X) include A …; B …": the items come next, each with its figure.
INTRODUCES_ITEMS = re.compile(r"[^,.;:]{0,40}?(?:\b(?:include|includes|included|including|are|were|such\s+as)\b|:)", re.I)
# "… will be invested in the projects this year": a year's share.
THIS_YEAR_LATER = re.compile(r"[^.;,。；，]{0,50}?\b(?:this|the)\s+year\b|[^。；，]{0,20}?(?:年内|今年)", re.I)
# "a planned investment of X for 2018": a year's plan.
PLANNED_BEFORE = re.compile(r"\bplanned\s+investment\s+of\s*$", re.I)
FOR_A_YEAR_AFTER = re.compile(r"\s*(?:for|in)\s+(?:(?:19|20)\d\d|this\s+year|the\s+year)\b", re.I)
# Between two figures of one statistic: "… of investment, urban construction projects 6.2 billion yuan and …" (a
# short English noun phrase after a comma or "and", no verb of its own).
ELLIPSIS = re.compile(r"[^,.;:\d]{0,30}?\s*(?:,\s*(?:and\s+)?|\band\s+)(?!(?:[\w-]+\s+){0,5}?(?:sign|signed|invest|invests|invested|worth|cost|"
                      r"costs|build|builds|total|totals|totaled|brought|attracted|drew|secured|landed|produced|reached|"
                      r"saw|got|won|inked|clinched|received|raised)\b)(?:[\w-]+\s+){1,6}", re.I)
# "may come to the area", "有望落地", "在谈项目": prospects, not deals.
PROSPECT = re.compile(r"\b(?:may|might|could)\s+(?:\w+\s+)?(?:come|land|settle|move)\s+(?:to|in|into)\b"
                      r"|有望(?:落地|落户|签约|引进)|正在洽谈|在谈项目", re.I)
# "总投资195亿元的16个项目": a total before the count of its projects.
TOTAL_BEFORE = re.compile(r"(?:总投资|投资总额|合计投资|总额)(?:为|达|约|超)?\s*$")
COUNT_AFTER = re.compile(r"的\s*(?P<n>\d{1,4}|[两二三四五六七八九十]+)\s*个(?=[^,，。；;]{0,12}项目)")
# "16个…项目": a count, which names no project.
COUNT_START = re.compile(r"(?:\d{1,4}|[一两二三四五六七八九十百]+)\s*[个项家条笔名座]")
# "其中, …", "of them": a part of the total before.
PART_CUE = re.compile(r"\s*(?:其中|among\s+(?:them|these|which)|of\s+(?:them|these|which|this|the\s+total))", re.I)

# Speed (guard.py): the cues searched for across a text or a window skip at C speed the characters no match
# of theirs begins with; the same matches (tests/test_fastscan.py). Cues only ever matched at one place are not
# guarded: there is nothing to skip.
for _cue in ("NOT_INVESTMENT_BEFORE", "VENUE_BEFORE", "BUNDLE_COUNT", "RUNNING_TOTAL", "SIGNING", "CALENDAR_PERIOD",
             "PLURAL_PROJECTS", "EVENT_CUE", "STAGE_CUE", "GOVERNMENT_BODY", "ALSO_SIGNING", "WHOLE_PROVINCE",
             "PROMOTED", "SIZE_CLASS_BEFORE", "THRESHOLD_BEFORE", "REFERS_BACK", "TOGETHER", "PROSPECT", "ENUMERATION",
             "BREAKDOWN_CUE", "SIGNED_NOW", "SAME_DAY", "OUR_CITY", "OUR_PROVINCE", "PHASE_BEFORE",
             "NAME_BEFORE_FIGURE", "PROJECT_COUNT", "SET_UP_BEFORE", "SUB_ALLOCATION", "VENUE_VERB_IN", "RESPECTIVELY",
             "ZH_BREAKDOWN", "IN_THE_PROVINCE", "INVESTMENT_VERB", "COMPARED_GROUPS", "ELIDED_COUNT"):
    globals()[_cue] = guarded(globals()[_cue])
