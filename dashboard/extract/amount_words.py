"""Reference words for reading money amounts (data only; `amounts.py` builds its regexes from these).

Keys are matched case-insensitively for Latin script and exactly for Chinese. Where one
name is a prefix of another ("$" / "US$", "元" / "美元") the regexes try the longest first.
"""

# English number words. "a"/"an" count as one but only in front of a scale ("a billion yuan").
NUMBER_WORDS_EN = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# Fractions said before a scale: "half a billion yuan".
FRACTIONS_EN = {"half a": "0.5", "half an": "0.5"}
# Words that only make sense with a scale after them ("a billion", not "a project"; not "half an hour").
NEED_SCALE_EN = {"a", "an", "half a", "half an"}

# English scales. Chinese-English press translates 亿 as "hundred million" and 万 as "ten thousand".
SCALES_EN = {
    "hundred million": 10**8, "hundred thousand": 10**5, "ten thousand": 10**4,
    "trillion": 10**12, "billion": 10**9, "million": 10**6, "thousand": 10**3, "hundred": 10**2,
    "tn": 10**12, "bn": 10**9, "bln": 10**9, "b": 10**9, "mln": 10**6, "mn": 10**6, "m": 10**6, "k": 10**3,
}

# Chinese numerals: digits (everyday and financial forms) and units.
DIGITS_ZH = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
SMALL_UNITS_ZH = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS_ZH = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
# Inside a figure these mean "and some more": 100多亿, 1000余万, 十几亿.
MORE_ZH = "多余几"

# Currency written before the figure: "RMB 10 billion", "US$500 million", "¥3.2bn", "人民币100亿元".
# ¥ alone is read as yuan: these are articles about China.
CURRENCY_BEFORE = {
    "RMB¥": "CNY", "CN¥": "CNY", "RMB": "CNY", "CNY": "CNY", "¥": "CNY", "￥": "CNY", "人民币": "CNY",
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD",
    "HK$": "HKD", "HKD": "HKD", "NT$": "TWD", "TWD": "TWD", "S$": "SGD", "SGD": "SGD",
    "A$": "AUD", "AUD": "AUD", "C$": "CAD", "CAD": "CAD", "NZ$": "NZD", "NZD": "NZD",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "JP¥": "JPY", "JPY": "JPY",
    "₩": "KRW", "KRW": "KRW", "₹": "INR", "INR": "INR", "CHF": "CHF",
}

# Currency written after the figure: "10 billion yuan", "3亿美元", "5亿港元", "100亿元人民币".
CURRENCY_AFTER = {
    # English
    "yuan": "CNY", "Chinese yuan": "CNY", "yuan renminbi": "CNY", "renminbi": "CNY", "RMB": "CNY", "CNY": "CNY",
    "US dollars": "USD", "U.S. dollars": "USD", "US dollar": "USD", "U.S. dollar": "USD",
    "American dollars": "USD", "dollars": "USD", "dollar": "USD", "USD": "USD",
    "euros": "EUR", "euro": "EUR", "EUR": "EUR",
    "Hong Kong dollars": "HKD", "HK dollars": "HKD", "HKD": "HKD",
    "Japanese yen": "JPY", "yen": "JPY", "JPY": "JPY",
    "pounds sterling": "GBP", "British pounds": "GBP", "GBP": "GBP",
    "Korean won": "KRW", "South Korean won": "KRW", "KRW": "KRW",
    "Singapore dollars": "SGD", "SGD": "SGD", "New Taiwan dollars": "TWD", "Taiwan dollars": "TWD",
    "NT dollars": "TWD", "TWD": "TWD", "Australian dollars": "AUD", "AUD": "AUD",
    "Canadian dollars": "CAD", "CAD": "CAD", "Swiss francs": "CHF", "CHF": "CHF",
    "rupees": "INR", "INR": "INR", "ringgit": "MYR", "baht": "THB",
    # Chinese
    "元人民币": "CNY", "元": "CNY", "人民币": "CNY",
    "美元": "USD", "欧元": "EUR", "港元": "HKD", "港币": "HKD", "日元": "JPY", "英镑": "GBP", "韩元": "KRW",
    "新台币": "TWD", "新加坡元": "SGD", "新元": "SGD", "澳元": "AUD", "加元": "CAD", "瑞士法郎": "CHF",
    "卢布": "RUB", "林吉特": "MYR", "泰铢": "THB",
}

# Qualifier words, by where they stand. Values are Money.qualifier.
QUALIFIERS_BEFORE = {
    # at least
    "more than": "at_least", "over": "at_least", "exceeds": "at_least", "exceeding": "at_least",
    "exceeded": "at_least", "exceed": "at_least", "at least": "at_least", "above": "at_least",
    "no less than": "at_least", "not less than": "at_least", "in excess of": "at_least",
    "upwards of": "at_least", "a minimum of": "at_least", "north of": "at_least",
    "超过": "at_least", "超": "at_least", "逾": "at_least", "不低于": "at_least",
    "不少于": "at_least", "至少": "at_least", "突破": "at_least",
    # up to
    "up to": "up_to", "as much as": "up_to", "as high as": "up_to", "no more than": "up_to",
    "not more than": "up_to", "at most": "up_to", "a maximum of": "up_to", "less than": "up_to",
    "under": "up_to", "不超过": "up_to", "最高": "up_to", "最多": "up_to",
    # approximately
    "nearly": "approx", "close to": "approx", "about": "approx", "around": "approx", "approx.": "approx",
    "approx": "approx", "approximately": "approx", "some": "approx", "roughly": "approx",
    "almost": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
    "约": "approx", "大约": "approx", "约合": "approx", "近": "approx", "将近": "approx", "接近": "approx",
    "近乎": "approx",
    # stated exactly, emphatically
    "达": "exact", "高达": "exact", "多达": "exact", "达到": "exact",
}
# "add up to", "totaled up to", "adding up to" state a sum exactly: "up to" after these is no limit
# (regex fragments).
SUM_VERBS_EN = [r"add(?:s|ed|ing)?", r"total(?:s|l?ed|l?ing)?", r"sum(?:s|med|ming)?", r"amount(?:s|ed|ing)?",
                r"c[oa]me(?:s)?", r"coming"]

# One character right before a figure that starts with a unit: 过百亿, 上亿, 数十亿, 几千万.
# (Anywhere else 上/数/过 are ordinary words: 会上, 通过.)
QUALIFIERS_BEFORE_UNIT_ZH = {"过": "at_least", "上": "at_least", "数": "at_least", "几": "at_least"}

QUALIFIERS_AFTER = {
    "or more": "at_least", "and above": "at_least", "or above": "at_least", "or so": "approx",
    "以上": "at_least", "有余": "at_least",
    "左右": "approx", "上下": "approx",
    "以内": "up_to", "以下": "up_to",
}

# Words just before a figure without a currency that make it an investment in yuan:
# "invest 46.5 billion", "an investment of 46.5 billion", "worth 12 billion" (regex fragments).
MONEY_CONTEXT_EN = [
    r"invest(?:s|ed|ing|ments?)?", r"worth", r"valued\s+at", r"funding", r"financing", r"capital",
    r"fund", r"budget", r"cost(?:s|ing)?",
]
# The same in Chinese: "总投资268亿", "投资5000万".
MONEY_CONTEXT_ZH = [
    "投资", "投入", "融资", "出资", "资金", "资本", "金额", "总额", "收入", "产值", "营收", "销售额", "利润",
    "估值", "签约额", "合同额", "贷款", "基金", "规模", "造价", "税收",
]

# What a bare 亿/万 figure counts when it is not money: "1亿人", "30万平方米", "10亿片".
NOT_MONEY_AFTER_ZH = [
    "平方米", "平方公里", "平米", "立方米", "千瓦时", "千瓦", "兆瓦", "吉瓦", "公里", "公顷", "人次", "用户", "像素",
    "人", "亩", "吨", "个", "件", "台", "辆", "片", "颗", "只", "套", "支", "株", "户", "次", "张", "块", "瓦", "度",
    "米", "头", "条", "部", "本", "册", "字", "年", "名", "家", "座", "项", "间", "粒", "盒", "瓶", "份", "位",
    "千米", "英寸", "倍", "%", "％",
]

# Words near a figure that make it a per-item amount (regex fragments).
EACH_BEFORE_EN = [r"\beach\b(?!\s+(?:year|month|week|day|quarter|time)\b)", r"\bapiece\b",
                  r"\bper\s+project\b", r"\bindividually\b"]
EACH_AFTER_EN = [r"each\b(?!\s+(?:year|month|week|day|quarter|time)\b)", r"apiece\b", r"per\s+project\b"]
EACH_BEFORE_ZH = [r"(?<!平)均", "单体", "单个项目", "每个项目", "每个", "每项", "单项", "各自"]
