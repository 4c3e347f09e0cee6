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
    "Town", "Cluster", "Alliance", "Institute", "Laboratory", "Lab", "Hub",
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
