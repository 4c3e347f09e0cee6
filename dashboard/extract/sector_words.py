"""Vocabulary for sector classification (data only; used by sectors.py).

Sectors follow China's Strategic Emerging Industries classification (2018) as
CONTRACT.md lists them. Each entry of KEYWORDS says what a word is evidence for:
(sector, subsector or None) -> {keyword: weight}. Weights: 3-4 a word that names
the product itself ("wafer", "疫苗"), 2 strong, 1 weak or generic, below 1 a hint.
English keywords are lower case and match whole words, plurals and any hyphen or
space between words ("e-sports" = "esports"); keywords with a capital letter
("AI", "NIO") match case-sensitively; Chinese keywords match as substrings.
"""

from dashboard.contract import SECTORS, SUBSECTORS  # noqa: F401  (the contract's lists; this module's users read them here)

IT, EQUIPMENT, MATERIALS, BIO, NEV, ENERGY, GREEN, CREATIVE, SERVICES, OTHER = SECTORS

KEYWORDS: dict[tuple[str, str | None], dict[str, float]] = {
    # --- Next-generation IT -------------------------------------------------
    (IT, None): {
        "information technology": 2, "new generation information technology": 3,
        "new generation of information technology": 3, "electronic information": 2.5,
        "electrical information": 1.5, "electronics": 1.5, "electronic": 1, "digital economy": 1.5,
        "computing": 1.5, "computer": 1.5, "server": 2, "optoelectronic": 2, "photoelectric": 1.5,
        "display": 2, "touch screen": 2, "touch panel": 2, "light guide plate": 2, "backlight": 2,
        "connector": 1.5, "smart terminal": 2, "intelligent terminal": 2, "smartphone": 2, "mobile phone": 2,
        "consumer electronics": 2, "LED": 1.5, "sensor": 1.5, "internet of things": 2.5, "IoT": 2.5,
        "quantum": 2, "virtual reality": 2, "augmented reality": 2, "VR": 2, "AR": 1.5, "metaverse": 2,
        "information industry": 2, "information service": 2, "new infrastructure": 1.5,
        "smart home": 1, "digital": 0.5, "industrial internet": 3,
        "信息技术": 2, "新一代信息技术": 3, "电子信息": 2.5, "电子": 1, "数字经济": 1.5, "服务器": 2,
        "光电": 2, "显示": 2, "触控": 2, "导光板": 2, "背光": 2, "连接器": 1.5, "智能终端": 2,
        "手机": 2, "消费电子": 2, "传感器": 1.5, "物联网": 2.5, "量子": 2, "虚拟现实": 2, "元宇宙": 2,
        "信息产业": 2, "新基建": 1.5, "智能家居": 1, "数字化": 0.5, "工业互联网": 3,
    },
    (IT, "Semiconductors"): {
        "semiconductor": 3, "chip": 3, "microchip": 3, "integrated circuit": 3, "IC design": 3,
        "wafer": 3, "silicon wafer": 3, "epitaxial": 3, "foundry": 2, "packaging and testing": 3,
        "package and testing": 3, "sealing and testing": 3, "advanced packaging": 3,
        "premium packing": 2, "high-end packaging": 2.5, "packaging": 1, "memory chip": 3, "DRAM": 3, "NAND": 3, "photoresist": 2,
        "lithography": 3, "electronic special gas": 2, "electric special gas": 2,
        "electronic gas": 2, "display panel": 3, "panel": 1.5, "AMOLED": 3, "OLED": 3, "LCD": 3,
        "TFT": 3, "Micro LED": 3, "Mini LED": 3, "flexible display": 3, "microelectronic": 2.5,
        "microelectronics": 2.5, "power device": 2.5, "IGBT": 3, "silicon carbide": 2,
        "gallium nitride": 2, "MEMS": 2.5, "EDA": 2, "semiconductor material": 2,
        "半导体": 3, "芯片": 3, "集成电路": 3, "晶圆": 3, "硅片": 3, "外延片": 3, "封测": 3,
        "封装测试": 3, "先进封装": 3, "存储器": 3, "显示面板": 3, "面板": 2, "液晶": 2.5,
        "柔性显示": 3, "光刻": 3, "微电子": 2.5, "功率器件": 2.5, "碳化硅": 2, "氮化镓": 2,
        "电子特气": 2, "电子气体": 2, "英寸": 1,
    },
    (IT, "Artificial intelligence"): {
        "artificial intelligence": 3, "AI": 2.5, "machine learning": 3, "computer vision": 3,
        "machine vision": 3, "speech recognition": 3, "large model": 3, "intelligent voice": 3,
        "人工智能": 3, "机器视觉": 3, "智能语音": 3, "大模型": 3, "计算机视觉": 3,
    },
    (IT, "Cloud & big data"): {
        "cloud computing": 3, "cloud": 2, "big data": 3, "data center": 3, "data centre": 3,
        "computing power": 2.5, "computing center": 3, "supercomputing": 3, "edge computing": 3,
        "cloud service": 3, "database": 2, "data": 0.5,
        "云计算": 3, "大数据": 3, "数据中心": 3, "算力": 2.5, "超算": 3, "云服务": 3,
        "边缘计算": 3, "数据": 0.5,
    },
    (IT, "Software & IT services"): {
        "software": 3, "IT services": 3, "IT service": 3, "information technology service": 3,
        "SaaS": 3, "operating system": 3, "system integration": 2.5, "service outsourcing": 2,
        "cybersecurity": 2.5, "information security": 2.5, "network security": 2.5,
        "软件": 3, "信息技术服务": 3, "操作系统": 3, "系统集成": 2.5, "服务外包": 2,
        "信息安全": 2.5, "网络安全": 2.5,
    },
    (IT, "Blockchain"): {
        "blockchain": 4, "block chain": 4, "distributed ledger": 4, "digital asset": 2,
        "digital currency": 2.5, "NFT": 3,
        "区块链": 4, "数字资产": 2, "数字货币": 2.5,
    },
    (IT, "Internet platforms"): {
        "internet": 2, "e-commerce": 3, "online platform": 2, "platform economy": 3,
        "social media": 2.5, "search engine": 3, "mobile internet": 3, "online": 0.5,
        "互联网": 2, "电子商务": 3, "电商": 3, "平台经济": 3, "移动互联网": 3, "社交": 2,
    },
    (IT, "Telecom & 5G"): {
        "5G": 3, "6G": 3, "telecom": 3, "telecommunication": 3, "communication": 1,
        "optical fiber": 3, "optical communication": 3, "base station": 3, "satellite internet": 2.5,
        "network equipment": 2.5,
        "通信": 3, "通讯": 2.5, "基站": 3, "光纤": 3, "光通信": 3, "卫星互联网": 2.5,
    },
    (IT, "Smart city"): {
        "smart city": 3, "smart cities": 3, "smart parking": 3, "digital parking": 3, "parking": 1.5,
        "urban management": 2, "city brain": 3, "smart transportation": 2.5,
        "intelligent transportation": 2.5, "smart government": 2.5, "digital government": 2.5,
        "e-government": 2.5, "government affairs": 1.5, "smart community": 2, "smart travel": 1.5,
        "智慧城市": 3, "智慧停车": 3, "停车": 1.5, "城市大脑": 3, "智慧交通": 2.5, "智能交通": 2.5,
        "数字政府": 2.5, "政务": 1.5, "智慧社区": 2, "城市管理": 2,
    },
    # --- High-end equipment -------------------------------------------------
    (EQUIPMENT, None): {
        "high-end equipment": 3, "equipment manufacturing": 3, "intelligent equipment": 2.5,
        "smart equipment": 2.5, "equipment": 1, "machinery": 1.5, "machine tool": 3, "CNC": 3,
        "aerospace": 3, "aviation": 3, "aircraft": 3, "aero engine": 3, "satellite": 2.5,
        "drone": 3, "UAV": 3, "rail transit": 3, "high-speed rail": 3, "locomotive": 3,
        "marine equipment": 3, "ocean engineering": 3, "offshore engineering": 3,
        "smart marine": 2.5, "shipbuilding": 3, "instrument": 1.5, "laser": 1.5,
        "3D printing": 2.5, "additive manufacturing": 2.5, "special equipment": 2.5,
        "storage equipment": 2.5, "logistics equipment": 2.5, "warehouse": 1.5, "automation": 2,
        "air conditioning": 2, "air conditioner": 2, "home appliance": 1, "hydraulic": 2,
        "construction machinery": 3,
        "高端装备": 3, "装备制造": 3, "智能装备": 3, "装备": 2, "设备": 1, "机床": 3, "数控": 3,
        "航空": 3, "航天": 3, "飞机": 3, "卫星": 2.5, "无人机": 3, "轨道交通": 3, "高铁": 3,
        "船舶": 3, "海洋工程": 3, "海工": 3, "仪器": 2, "激光": 1.5, "增材制造": 2.5,
        "3D打印": 2.5, "特种装备": 3, "物流装备": 2.5, "仓储": 1.5, "自动化": 2, "空调": 2,
        "家电": 1, "液压": 2, "工程机械": 3,
    },
    (EQUIPMENT, "Robotics"): {
        "robot": 3, "robotics": 3, "humanoid": 3, "industrial robot": 3, "service robot": 3,
        "机器人": 3,
    },
    (EQUIPMENT, "Advanced manufacturing"): {
        "intelligent manufacturing": 3, "smart manufacturing": 3, "advanced manufacturing": 3,
        "manufacturing base": 2, "production base": 2, "industrial base": 1.5, "manufacturing": 1,
        "expansion": 1, "production line": 1, "auto parts": 1, "components": 1.5, "parts": 1,
        "thermal spraying": 2, "precision cleaning": 2,
        "智能制造": 3, "先进制造": 3, "制造基地": 2, "生产基地": 2, "产业基地": 1.5, "制造": 1,
        "扩产": 2, "生产线": 1, "零部件": 2, "热喷涂": 2, "精密": 1,
    },
    # --- New materials ------------------------------------------------------
    (MATERIALS, None): {
        "new material": 3, "advanced material": 3, "semiconductor material": 2, "graphene": 3,
        "carbon fiber": 3, "composite material": 3, "rare earth": 2.5, "special steel": 2,
        "alloy": 2, "titanium": 2, "magnesium": 2, "polymer": 2, "nano": 2, "ceramic": 2,
        "special glass": 2, "optical film": 2, "optical material": 2.5, "chemical material": 2,
        "fluorine": 2, "coating": 1.5, "material": 1, "special gas": 1.5, "electronic grade": 1,
        "silicon carbide": 1, "gallium nitride": 1, "polysilicon": 1.5,
        "新材料": 3, "先进材料": 3, "石墨烯": 3, "碳纤维": 3, "复合材料": 3, "稀土": 2.5,
        "特种钢": 2, "合金": 2, "钛": 1.5, "高分子": 2.5, "纳米": 2, "陶瓷": 2, "光学材料": 2.5,
        "化工材料": 2, "聚酰胺": 2.5, "尼龙": 2, "polyamide": 2.5, "nylon": 2, "氟": 1.5, "涂层": 1.5, "材料": 1, "电子级": 1, "特种气体": 2, "硅材料": 2.5,
    },
    # --- Biotechnology ------------------------------------------------------
    (BIO, None): {
        "biotechnology": 2.5, "biotech": 2.5, "life science": 2.5, "bio": 1.5, "biology": 2,
        "biological": 2, "health": 1, "healthcare": 1.5, "big health": 2, "medical": 1,
        "hospital": 1.5,
        "生物技术": 2.5, "生命科学": 2.5, "生物": 1.5, "大健康": 2, "健康": 1, "医疗": 1.5,
        "医院": 1.5, "医用": 2.5, "medical use": 2.5,
    },
    (BIO, "Biopharma"): {
        "biomedicine": 3, "biomedical": 3, "bio medicine": 3, "biopharma": 3,
        "biopharmaceutical": 3, "pharmaceutical": 3, "pharma": 3, "drug": 3, "medicine": 2,
        "vaccine": 3, "antibody": 3, "innovative drug": 3, "new drug": 3, "preparation": 2,
        "biological product": 3, "cell therapy": 3, "gene therapy": 3, "biotherapy": 3,
        "bio town": 2, "bio park": 2, "biopark": 2, "bio city": 2, "traditional chinese medicine": 2.5, "precision medicine": 2.5, "CRO": 3, "CDMO": 3,
        "生物医药": 3, "生物医学": 3, "医药": 3, "制药": 3, "药业": 2, "药物": 3, "疫苗": 3,
        "抗体": 3, "创新药": 3, "新药": 3, "制剂": 2.5, "原料药": 2.5, "生物制品": 3,
        "细胞治疗": 3, "基因": 2.5, "中药": 2.5, "精准医疗": 2.5,
    },
    (BIO, "Medical devices & diagnostics"): {
        "medical device": 3, "medical equipment": 3, "medical instrument": 3,
        "in vitro diagnostic": 3, "IVD": 3, "diagnostic": 2.5, "diagnostics": 2.5,
        "diagnosis": 1.5, "reagent": 2.5, "medical imaging": 2.5, "monitor": 1, "glucose": 2,
        "implant": 2, "surgical": 2, "stent": 3, "ultrasound": 2, "consumables": 1.5,
        "医疗器械": 3, "医疗设备": 3, "体外诊断": 3, "诊断": 2, "试剂": 2.5, "医学影像": 2.5,
        "血糖": 2, "植入": 2, "手术": 2, "支架": 2, "耗材": 2, "医学检测": 3, "medical testing": 3,
    },
    # --- New energy vehicles ------------------------------------------------
    (NEV, None): {
        "new energy vehicle": 4, "NEV": 3, "electric vehicle": 3, "EV": 2.5, "electric car": 3,
        "intelligent connected vehicle": 3, "smart car": 2.5, "autonomous driving": 2,
        "power battery": 3, "power batteries": 3, "traction battery": 3, "battery": 1.5,
        "lithium battery": 2, "lithium ion battery": 2, "charging pile": 2.5,
        "charging station": 2.5, "battery swap": 3, "fuel cell vehicle": 3, "automotive": 1.5,
        "automobile": 1.5, "vehicle": 1.5, "auto parts": 1.5, "auto": 1, "car": 1,
        "electric drive": 2.5,
        "新能源汽车": 4, "电动汽车": 3, "智能网联汽车": 3, "智能汽车": 2.5, "动力电池": 3,
        "动力锂": 3, "锂电池": 2, "锂离子电池": 2, "电池": 1.5, "充电桩": 2.5, "换电": 3,
        "整车": 2, "汽车": 1.5, "电驱": 2.5, "自动驾驶": 2,
    },
    # --- New energy ---------------------------------------------------------
    (ENERGY, None): {
        "new energy": 2, "photovoltaic": 3, "PV": 3, "solar": 3, "wind power": 3, "wind farm": 3,
        "wind turbine": 3, "wind energy": 3, "offshore wind": 3, "hydrogen": 3,
        "hydrogen energy": 3, "fuel cell": 2, "energy storage": 3, "nuclear power": 3,
        "nuclear": 2, "power generation": 1.5, "hydropower": 1.5, "geothermal": 3, "biomass": 2.5,
        "clean energy": 2.5, "renewable": 2.5, "green power": 2.5, "green electricity": 2.5,
        "smart grid": 2.5, "polysilicon": 3, "lithium": 1, "battery": 0.5,
        "新能源": 2, "光伏": 3, "太阳能": 3, "风电": 3, "风力发电": 3, "风能": 3, "氢能": 3,
        "氢": 1.5, "储能": 3, "核电": 3, "发电": 1.5, "水电": 1.5, "地热": 3, "生物质": 2.5,
        "清洁能源": 2.5, "可再生能源": 2.5, "绿电": 2.5, "智能电网": 2.5, "多晶硅": 3, "锂": 1,
    },
    (ENERGY, "Infrastructure"): {
        "pumped storage": 3, "power station": 1, "power plant": 1, "power grid": 2,
        "substation": 2, "transmission line": 2,
        "抽水蓄能": 3, "电站": 1, "电网": 2, "变电站": 2,
    },
    # --- Energy saving & environment ----------------------------------------
    (GREEN, None): {
        "energy saving": 3, "energy conservation": 3, "energy efficient": 2,
        "energy efficiency": 2, "environmental protection": 3, "environmental": 2,
        "pollution": 2.5, "sewage": 3, "wastewater": 3, "water treatment": 3, "solid waste": 3,
        "waste treatment": 3, "garbage": 2.5, "waste to energy": 3, "recycling": 3,
        "circular economy": 3, "emission reduction": 2.5, "carbon neutral": 2.5,
        "carbon neutrality": 2.5, "carbon capture": 3, "low carbon": 2, "green building": 2,
        "desulfurization": 3, "ecological restoration": 2.5, "remediation": 2.5,
        "heat pump": 2, "waste heat": 2.5,
        "节能": 3, "环保": 3, "污水": 3, "水处理": 3, "固废": 3, "危废": 3, "垃圾": 2.5,
        "再生资源": 3, "循环经济": 3, "资源综合利用": 3, "减排": 2.5, "碳中和": 2.5, "低碳": 2,
        "碳捕集": 3, "脱硫": 3, "土壤修复": 3, "生态修复": 2.5, "余热": 2.5, "再生": 1,
    },
    # --- Digital creative ---------------------------------------------------
    (CREATIVE, None): {
        "digital creative": 3, "digital creativity": 3, "digital content": 3,
        "digital entertainment": 3, "entertainment": 1.5, "creative": 1, "cultural industry": 2.5,
        "digital culture": 3, "theme park": 1,
        "数字创意": 3, "数字内容": 3, "数字娱乐": 3, "娱乐": 1.5, "文化产业": 2.5, "数字文化": 3,
    },
    (CREATIVE, "Games & e-sports"): {
        "game": 3, "gaming": 3, "online game": 3, "mobile game": 3, "video game": 3,
        "e-sports": 4, "esport": 4, "game studio": 3,
        "游戏": 3, "电竞": 4, "电子竞技": 4, "手游": 3, "网游": 3,
    },
    (CREATIVE, "Media & culture"): {
        "media": 2, "multimedia": 2.5, "film": 2.5, "movie": 2.5, "film and television": 3,
        "television": 2, "animation": 3, "cartoon": 2.5, "comic": 2, "anime": 3, "music": 2.5,
        "audio": 1.5, "audiobook": 2.5, "video": 2, "short video": 3, "publishing": 2.5,
        "digital publishing": 3, "copyright": 2, "intellectual property": 1.5, "cultural": 1.5,
        "culture": 1.5, "cultural and creative": 3, "culture and creativity": 3,
        "creative industry": 2.5, "advertising": 2, "performing arts": 2.5, "literature": 2,
        "文创": 3, "文化创意": 3, "影视": 3, "动漫": 3, "动画": 3, "音乐": 2.5, "视频": 2,
        "短视频": 3, "出版": 2.5, "版权": 2, "传媒": 2.5, "媒体": 2, "文化": 1.5, "演艺": 2.5,
        "广告": 2,
    },
    (CREATIVE, "Internet platforms"): {
        "live streaming": 3, "livestreaming": 3, "live broadcasting": 3, "live broadcast": 3,
        "livestream": 3, "influencer": 2, "MCN": 3,
        "直播": 3, "网红": 2,
    },
    # --- Related services ---------------------------------------------------
    (SERVICES, None): {
        "headquarters economy": 3, "headquarters": 1.5, "headquarter": 1.5,
        "business services": 2.5, "high-end services": 2.5, "service industry": 1.5,
        "modern services": 2.5, "consulting": 2, "legal services": 2.5, "human resources": 2,
        "exhibition": 1.5, "business center": 1.5, "logistics": 1.5, "supply chain": 1,
        "commercial": 0.5, "unicorn": 1, "gazelle": 1,
        "总部经济": 3, "总部": 1.5, "商务服务": 2.5, "高端服务": 2.5, "现代服务业": 2.5,
        "服务业": 1.5, "咨询": 2, "人力资源": 2, "会展": 2, "物流": 1.5, "供应链": 1,
    },
    (SERVICES, "R&D platform"): {
        "R&D center": 2.5, "R & D center": 2.5, "research and development center": 2.5,
        "research center": 2.5, "research institute": 2.5, "institute": 1.5, "laboratory": 2.5,
        "lab": 2, "national laboratory": 3, "key laboratory": 3, "innovation center": 2,
        "innovation platform": 3, "technological infrastructure": 3,
        "scientific infrastructure": 3, "science and technology infrastructure": 3,
        "achievement transformation": 2, "technology transfer": 2, "R&D": 1.5, "R & D": 1.5,
        "research and development": 1.5, "science park": 2.5, "technology park": 2.5,
        "science and technology park": 2.5, "science city": 2, "incubator": 3, "incubation": 2.5,
        "innovation base": 2, "engineering center": 2.5, "university": 1.5, "research": 1,
        "testing and certification": 2.5,
        "研发中心": 2.5, "研究院": 2.5, "研究中心": 2.5, "实验室": 2.5, "国家实验室": 3,
        "重点实验室": 3, "创新中心": 2, "创新平台": 3, "科技基础设施": 3, "科学装置": 3,
        "成果转化": 2, "研发": 1.5, "科技园": 2.5, "科学城": 2, "孵化器": 3, "孵化": 2.5,
        "众创空间": 3, "工程中心": 2.5, "大学": 1.5, "高校": 1.5, "中试": 2, "检验检测": 2.5,
    },
    (SERVICES, "Education"): {
        "education": 3, "education park": 2, "school": 2.5, "college": 2, "vocational": 2.5,
        "training": 1.5, "kindergarten": 3, "online education": 3,
        "教育": 3, "学校": 2.5, "学院": 2, "职业教育": 3, "培训": 1.5, "幼儿园": 3,
    },
    (SERVICES, "Finance"): {
        "finance": 2, "financial": 2, "financial services": 3, "bank": 3, "banking": 3,
        "insurance": 3, "securities": 3, "fund": 1.5, "investment fund": 2.5,
        "private equity": 3, "venture capital": 3, "leasing": 2.5, "asset management": 3,
        "wealth management": 3, "financial center": 3,
        "金融": 3, "银行": 3, "保险": 3, "证券": 3, "基金": 2, "融资租赁": 3, "资产管理": 3,
        "财富管理": 3, "私募": 3, "创投": 3, "风投": 3,
    },
    (SERVICES, "Fintech"): {
        "fintech": 3, "financial technology": 3, "supply chain finance": 2.5,
        "digital payment": 3, "mobile payment": 3, "payment": 1.5,
        "金融科技": 3, "供应链金融": 2.5, "移动支付": 3, "支付": 1.5,
    },
    # --- Other: outside the strategic emerging industries --------------------
    (OTHER, None): {
        "agriculture": 3, "agricultural": 3, "farming": 3, "dairy": 3, "food": 2.5,
        "beverage": 2.5, "livestock": 3, "animal husbandry": 3, "fishery": 3, "aquaculture": 3,
        "forestry": 2.5, "tea": 2, "fruit": 2, "vegetable": 2, "grain": 2.5, "rice": 2,
        "township": 1, "tourism": 2.5, "cultural tourism": 2.5, "tourist": 2, "resort": 2.5,
        "hotel": 2.5, "catering": 2.5, "restaurant": 2.5, "real estate": 3, "residential": 2.5,
        "housing": 2, "property": 1.5, "commercial complex": 2.5, "shopping mall": 2.5,
        "mall": 2, "pedestrian street": 2.5, "commercial street": 2.5, "retail": 2,
        "daily chemical": 2.5, "cosmetics": 2.5, "textile": 2.5, "garment": 2.5, "apparel": 2.5,
        "furniture": 2.5, "building materials": 2, "cement": 2.5, "steel": 1.5, "chemical": 1.5,
        "petrochemical": 2.5, "coal": 2.5, "mining": 2.5, "liquor": 2.5, "baijiu": 2.5,
        "tobacco": 2.5, "elderly care": 2, "sports": 1.5, "museum": 1.5,
        "农业": 3, "乳业": 3, "乳制品": 3, "食品": 2.5, "饮料": 2.5, "畜牧": 3, "养殖": 3,
        "渔业": 3, "林业": 2.5, "茶叶": 2.5, "水果": 2, "蔬菜": 2, "粮食": 2.5, "旅游": 2.5,
        "文旅": 2.5, "度假": 2.5, "酒店": 2.5, "餐饮": 2.5, "房地产": 3, "地产": 2.5, "住宅": 2.5,
        "商业综合体": 2.5, "购物中心": 2.5, "商业街": 2.5, "步行街": 2.5, "零售": 2, "日化": 2.5,
        "化妆品": 2.5, "纺织": 2.5, "服装": 2.5, "家具": 2.5, "建材": 2, "水泥": 2.5, "钢铁": 2,
        "石化": 2.5, "化工": 1.5, "煤": 2, "白酒": 2.5, "烟草": 2.5, "养老": 2,
    },
    (OTHER, "Infrastructure"): {
        "infrastructure": 1.5, "highway": 2, "expressway": 2, "airport": 2, "port": 1,
        "bridge": 1.5, "water supply": 2, "pipeline": 1.5, "urban renewal": 2,
        "基础设施": 2, "基建": 1.5, "高速公路": 2, "公路": 1.5, "机场": 2, "港口": 2, "码头": 2,
        "桥梁": 2, "供水": 2, "管网": 2,
    },
}

# Well-known companies, for when a name is all the text gives: weak evidence.
COMPANIES: dict[tuple[str, str | None], dict[str, float]] = {
    (IT, "Internet platforms"): {
        "Tencent": 1.2, "Alibaba": 1.2, "ByteDance": 1.2, "JD.com": 1.2, "Meituan": 1.2,
        "Kuaishou": 1.2, "Pinduoduo": 1.2,
        "腾讯": 1.2, "阿里巴巴": 1.2, "字节跳动": 1.2, "京东": 1.2, "美团": 1.2, "快手": 1.2,
    },
    (IT, "Artificial intelligence"): {
        "Baidu": 1.2, "iFlytek": 1.2, "SenseTime": 1.2, "Hikvision": 1.2,
        "百度": 1.2, "科大讯飞": 1.2, "商汤": 1.2, "海康威视": 1.2,
    },
    (IT, "Cloud & big data"): {"AWS": 1.2, "Inspur": 1.2, "浪潮": 1.2},
    (IT, "Telecom & 5G"): {"Huawei": 1.2, "ZTE": 1.2, "华为": 1.2, "中兴": 1.2},
    (IT, "Software & IT services"): {"IBM": 1.2, "Microsoft": 1.2, "微软": 1.2},
    (IT, "Semiconductors"): {
        "BOE": 1.2, "SMIC": 1.2, "TSMC": 1.2, "京东方": 1.2, "中芯国际": 1.2,
    },
    (IT, None): {
        "Xiaomi": 1.2, "Lenovo": 1.2, "Dell": 1.2, "Foxconn": 1.2, "TCL": 1.2, "China Electronics": 1.2,
        "小米": 1.2, "联想": 1.2, "富士康": 1.2, "中国电子": 1.2,
    },
    (CREATIVE, "Games & e-sports"): {"NetEase": 1.2, "miHoYo": 1.2, "网易": 1.2, "米哈游": 1.2},
    (CREATIVE, "Media & culture"): {"iQiyi": 1.2, "爱奇艺": 1.2},
    (NEV, None): {
        "NIO": 1.5, "BYD": 1.5, "Tesla": 1.5, "Li Auto": 1.5, "XPeng": 1.5, "CATL": 1.5, "Gotion": 1.5,
        "蔚来": 1.5, "比亚迪": 1.5, "特斯拉": 1.5, "理想汽车": 1.5, "小鹏": 1.5, "宁德时代": 1.5, "国轩": 1.5,
        "零跑": 1.5,
    },
    (ENERGY, None): {"LONGi": 1.5, "Tongwei": 1.5, "隆基": 1.5, "通威": 1.5},
}

# Phrases that contain sector words but say nothing about the project; matched
# first (longest wins) and weighed zero. "Cloud signing" is an online ceremony.
NEUTRAL_PHRASES: tuple[str, ...] = (
    "cloud signing", "cloud video", "cloud contract", "cloud contracted", "centralized cloud",
    "on the cloud", "signing on the cloud", "signed the cloud", "online signing",
    "listed company", "listed companies", "listed group",
    "industry and information technology", "big data bureau",
    "science and technology bureau", "China Daily", "game changer",
    "云签约", "云上签约", "云端签约", "(云)", "（云）", "上市公司", "工业和信息化", "工信", "大数据局",
    "科技局", "云上",
)

# Subsectors that name a function (research, a plant, roads) rather than an
# industry: how much of their weight counts for the sector, and that they may go
# with any sector. Other subsectors go only with the sectors listed above.
FUNCTION_SHARE: dict[str, float] = {
    "R&D platform": 0.5,
    "Advanced manufacturing": 0.5,
    "Infrastructure": 1.0,
}

# A keyword inside a company's own name ("... Information Technology Co., Ltd.")
# counts this much of its weight.
IN_COMPANY_NAME = 0.4

# The subsector a sector's projects get when no word names a narrower one:
# equipment makers of every kind are "Advanced manufacturing".
DEFAULT_SUBSECTOR: dict[str, str] = {EQUIPMENT: "Advanced manufacturing"}
