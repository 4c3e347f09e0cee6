"""Reference words for finding company and project names (data only)."""

# Endings of company names in English, as regex fragments, longest first.
COMPANY_ENDINGS_EN = [
    r"Co\.,\s*Ltd\.?", r"Co\.\s*Ltd\.?", r"Company\s+Limited", r"Co\.", r"Co\b", r"Ltd\.?", r"Limited",
    r"Corporation", r"Corp\.?", r"Inc\.?", r"Group", r"Holdings", r"Company",
]
COMPANY_ENDINGS_ZH = ["股份有限公司", "有限责任公司", "有限公司", "公司", "集团"]

# Well-known companies and brands that investment news names without a legal form.
BRANDS = {
    "Tencent", "Tencent Cloud", "Alibaba", "Alibaba Cloud", "Baidu", "ByteDance", "Huawei", "Xiaomi", "NetEase",
    "JD.com", "Meituan", "Kuaishou", "iQiyi", "Pinduoduo", "Didi", "Lenovo", "ZTE", "Inspur", "iFlytek",
    "SenseTime", "Megvii", "DJI", "Hikvision", "Dahua", "BOE", "TCL", "Midea", "Haier", "Hisense", "Gree",
    "Foxconn", "SMIC", "Tsinghua Unigroup", "CATL", "BYD", "NIO", "Geely", "Great Wall Motor", "Li Auto",
    "XPeng", "GAC", "SAIC", "Changan", "Sinopec", "PetroChina", "CNOOC", "State Grid", "China Mobile",
    "China Unicom", "China Telecom", "China Electronics", "CETC", "AVIC", "COMAC", "Tsinghua Holdings",
    "TusHoldings", "Ping An", "Fosun", "WuXi AppTec", "Sinovac", "CanSino", "Mindray", "BGI",
    "LONGi", "JinkoSolar", "Trina Solar", "Sungrow", "Goldwind", "Envision", "Gotion", "EVE Energy",
    "IBM", "Microsoft", "Apple", "Amazon", "AWS", "AWS China", "Google", "Intel", "Qualcomm", "Nvidia",
    "AMD", "Dell", "HP", "Cisco", "Oracle", "SAP", "Siemens", "Bosch", "Tesla", "Samsung", "SK Hynix",
    "LG", "Sony", "Panasonic", "Hitachi", "Toshiba", "Texas Instruments", "TSMC", "LinkedIn", "Ubtech",
    "UBTech", "WeDoctor", "Meizu", "Oppo", "Vivo", "OPPO", "vivo", "Honor", "Unisoc", "Cambricon",
    "Horizon Robotics", "Yangtze Memory", "YMTC", "CXMT", "Hua Hong", "Huahong", "Eswin", "Luxshare",
    "GoerTek", "Sunny Optical", "Tianma", "Visionox", "CSOT", "HKC", "Truly", "Wingtech", "Nexperia",
    "Dell Technologies", "Walmart", "Starbucks", "Volkswagen", "BMW", "Daimler", "Mercedes-Benz", "Toyota",
    "Honda", "Nissan", "Ford", "GE", "General Electric", "Schneider Electric", "ABB", "Philips", "Pfizer",
    "AstraZeneca", "Novartis", "Roche", "Sanofi", "Merck", "Johnson & Johnson", "Bayer", "Medtronic",
}

# Capitalised words that start sentences or name governments, never investors by themselves.
NOT_NAMES = {
    "the", "this", "that", "these", "those", "it", "its", "they", "he", "she", "we", "in", "on", "at", "by",
    "among", "also", "according", "meanwhile", "moreover", "however", "after", "before", "during", "since",
    "with", "for", "from", "as", "recently", "then", "there", "here", "both", "all", "each", "one", "another",
    "some", "many", "most", "local", "officials", "government", "people", "chairman", "secretary", "director",
    "mayor", "president", "company", "group", "project", "projects", "co", "ltd", "inc", "limited",
    "china", "chinese", "national", "state", "provincial", "municipal", "city", "district", "county",
    "province", "zone", "area", "park", "new", "development", "investment", "management committee",
    "total", "a total", "of", "and", "an", "a", "photo", "source", "author", "updated", "time", "image",
    "in addition", "besides", "furthermore", "first", "second", "third", "afterwards", "finally",
    "under", "through", "via", "while", "when", "where", "which", "who", "what", "mr", "ms", "dr",
}

# Nouns that end a project's name in English.
PROJECT_NOUNS = [
    "Project", "project", "Base", "base", "Center", "Centre", "center", "Park", "park", "Headquarters",
    "Headquarter", "headquarters", "headquarter", "Platform", "platform", "Line", "line", "Plant", "plant",
    "Town", "Cluster", "Alliance", "Institute", "Laboratory", "Lab", "Hub", "Gigafactory", "Factory", "Fab",
]

# Words stripped from the front of a capitalised run before it is taken as a name.
LEADING_WORDS = {
    "the", "a", "an", "and", "of", "this", "that", "these", "it", "its", "in", "on", "at", "by", "among", "also",
    "according", "meanwhile", "moreover", "however", "after", "before", "during", "since", "with", "for", "from",
    "as", "recently", "then", "both", "in addition", "besides", "furthermore", "afterwards", "finally", "while",
    "when", "where", "which", "them", "they", "he", "she", "we", "under", "through", "via", "there", "here",
}

# Last words of zones, places and public bodies: a capitalised subject ending so is not a company.
PLACE_OR_BODY_ENDINGS = {"area", "zone", "district", "city", "province", "county", "government", "park", "bureau",
                         "committee", "commission", "office", "municipality", "region", "town", "village"}

# Well-known companies as Chinese text names them (matched as plain substrings: Chinese has no spaces).
BRANDS_ZH = {
    "华为", "腾讯", "阿里巴巴", "阿里云", "百度", "字节跳动", "小米", "京东", "美团", "网易", "快手", "拼多多", "滴滴",
    "比亚迪", "宁德时代", "京东方", "中芯国际", "联想", "中兴", "浪潮", "科大讯飞", "海康威视", "大华", "大疆",
    "蔚来", "理想汽车", "小鹏", "吉利", "长城汽车", "长安汽车", "上汽", "广汽", "一汽", "东风", "格力", "美的", "海尔",
    "海信", "中国电子", "中国电科", "中国移动", "中国联通", "中国电信", "国家电网", "南方电网", "华润", "中国石化",
    "中国石油", "中国中车", "中国商飞", "中航工业", "隆基", "通威", "天合光能", "晶科", "阳光电源", "金风科技",
    "国轩高科", "亿纬锂能", "欣旺达", "立讯精密", "歌尔", "舜宇", "天马", "维信诺", "华星光电", "长江存储",
    "长鑫存储", "华虹", "紫光", "奇安信", "商汤", "旷视", "寒武纪", "地平线", "富士康", "台积电", "三星",
    "英特尔", "特斯拉", "苹果", "微软", "亚马逊", "西门子", "博世", "药明康德", "复星", "迈瑞", "华大基因",
}
