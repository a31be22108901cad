//! What the synthetic firms of each branch look like: name templates, NACE codes, activities,
//! capabilities, machines, certificates, production capacity. Texts come in Polish, English
//! and Russian so descriptions can be written in each.

/// The branches of the Podlaskie cluster organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Branch {
    Metal,
    Construction,
    Energy,
    It,
    Lingerie,
    Food,
}

/// A Polish name template: `{S}` surname, `{A}`/`{B}` brand syllables, `{T}` town, `{F}`
/// legal form (`{FE}` in English). `nace` is the main activity the name implies.
pub struct NameTemplate {
    pub pl: &'static str,
    pub en: &'static str,
    pub nace: &'static str,
}

/// A Belarusian name suffix (Cyrillic, Latin) appended to a stem, with the activity it implies.
pub struct BySuffix {
    pub ru: &'static str,
    pub lat: &'static str,
    pub nace: &'static str,
}

/// A text in Polish, English and Russian.
pub type Tri = (&'static str, &'static str, &'static str);

pub struct BranchSpec {
    pub branch: Branch,
    /// Share of the synthetic firms, in per cent.
    pub weight: u32,
    /// Codes the firm's other activities are drawn from.
    pub codes: &'static [&'static str],
    pub templates: &'static [NameTemplate],
    pub by_suffixes: &'static [BySuffix],
    pub a_words: &'static [&'static str],
    pub b_words: &'static [&'static str],
    pub capabilities: &'static [Tri],
    pub keywords: &'static [Tri],
    /// (machine, min quantity, max quantity).
    pub machines: &'static [(&'static str, u32, u32)],
    /// (certificate, probability in per cent).
    pub certifications: &'static [(&'static str, u32)],
    /// Capacity text with `{n}` for a number drawn from the range, scaled by firm size.
    pub capacity: Option<(&'static str, u32, u32)>,
    pub export_markets: &'static [&'static str],
}

/// What a NACE class means in the three description languages.
pub fn activity(nace: &str) -> Tri {
    match nace {
        "25.11" => (
            "Produkujemy konstrukcje stalowe i ich elementy",
            "We make steel structures and their parts",
            "Производим металлоконструкции и их элементы",
        ),
        "25.61" => (
            "Zajmujemy się obróbką i powlekaniem metali",
            "We treat and coat metals",
            "Занимаемся обработкой и нанесением покрытий на металлы",
        ),
        "25.62" => (
            "Świadczymy usługi obróbki mechanicznej CNC",
            "We provide CNC machining services",
            "Оказываем услуги механической обработки на станках с ЧПУ",
        ),
        "25.73" => (
            "Produkujemy narzędzia i oprzyrządowanie",
            "We make tools and tooling",
            "Производим инструмент и оснастку",
        ),
        "25.99" => (
            "Produkujemy wyroby metalowe na zamówienie",
            "We make metal products to order",
            "Производим металлические изделия на заказ",
        ),
        "28.30" => (
            "Produkujemy maszyny rolnicze",
            "We make agricultural machinery",
            "Производим сельскохозяйственную технику",
        ),
        "28.41" => (
            "Produkujemy maszyny do obróbki metali",
            "We make metal-forming machinery",
            "Производим металлообрабатывающие станки",
        ),
        "41.20" => (
            "Wznosimy budynki mieszkalne i niemieszkalne",
            "We construct residential and non-residential buildings",
            "Строим жилые и нежилые здания",
        ),
        "42.11" => (
            "Budujemy drogi i ulice",
            "We build roads and streets",
            "Строим дороги и улицы",
        ),
        "43.21" => (
            "Wykonujemy instalacje elektryczne",
            "We install electrical systems",
            "Выполняем электромонтажные работы",
        ),
        "43.31" => (
            "Wykonujemy tynki i prace wykończeniowe",
            "We do plastering and finishing works",
            "Выполняем штукатурные и отделочные работы",
        ),
        "23.61" => (
            "Produkujemy prefabrykaty betonowe",
            "We make precast concrete products",
            "Производим сборные железобетонные изделия",
        ),
        "16.23" => (
            "Produkujemy stolarkę budowlaną",
            "We make builders' joinery",
            "Производим столярные строительные изделия",
        ),
        "35.11" => (
            "Wytwarzamy energię elektryczną ze źródeł odnawialnych",
            "We generate electricity from renewable sources",
            "Производим электроэнергию из возобновляемых источников",
        ),
        "27.11" => (
            "Produkujemy silniki, prądnice i transformatory",
            "We make electric motors, generators and transformers",
            "Производим электродвигатели, генераторы и трансформаторы",
        ),
        "33.14" => (
            "Serwisujemy urządzenia elektryczne i instalacje OZE",
            "We service electrical equipment and renewable-energy plants",
            "Обслуживаем электрооборудование и установки ВИЭ",
        ),
        "62.01" => (
            "Tworzymy oprogramowanie na zamówienie",
            "We develop custom software",
            "Разрабатываем программное обеспечение на заказ",
        ),
        "62.02" => (
            "Doradzamy w zakresie informatyki",
            "We provide IT consultancy",
            "Оказываем консультационные услуги в области ИТ",
        ),
        "63.11" => (
            "Świadczymy usługi hostingu i przetwarzania danych",
            "We provide hosting and data processing",
            "Предоставляем услуги хостинга и обработки данных",
        ),
        "58.29" => (
            "Wydajemy własne oprogramowanie",
            "We publish our own software products",
            "Выпускаем собственные программные продукты",
        ),
        "14.14" => (
            "Szyjemy bieliznę damską i gorseciarską",
            "We make women's lingerie and corsetry",
            "Шьём женское нижнее бельё и корсетные изделия",
        ),
        "14.19" => (
            "Szyjemy odzież i dodatki",
            "We make apparel and accessories",
            "Шьём одежду и аксессуары",
        ),
        "13.96" => (
            "Produkujemy koronki, taśmy i tekstylia techniczne",
            "We make lace, tapes and technical textiles",
            "Производим кружево, ленты и технический текстиль",
        ),
        "10.51" => (
            "Przetwarzamy mleko i produkujemy sery",
            "We process milk and make cheese",
            "Перерабатываем молоко и производим сыры",
        ),
        "10.52" => (
            "Produkujemy lody",
            "We make ice cream",
            "Производим мороженое",
        ),
        "10.13" => (
            "Produkujemy wędliny i wyroby mięsne",
            "We make meat products",
            "Производим мясные изделия",
        ),
        "10.71" => (
            "Wypiekamy pieczywo i wyroby cukiernicze",
            "We bake bread and pastries",
            "Выпекаем хлеб и кондитерские изделия",
        ),
        "11.07" => (
            "Produkujemy napoje i wody mineralne",
            "We make soft drinks and mineral water",
            "Производим безалкогольные напитки и минеральную воду",
        ),
        _ => (
            "Prowadzimy działalność produkcyjną i usługową",
            "We manufacture and provide services",
            "Занимаемся производством и услугами",
        ),
    }
}

/// How cluster members work together (the shapes of cooperation the sources describe).
pub const COOPERATION: &[Tri] = &[
    (
        "Przejmujemy zlecenia partnerów z klastra, gdy nie mogą ich wykonać w terminie.",
        "We take over cluster partners' orders when they cannot deliver in time.",
        "Принимаем заказы партнёров по кластеру, когда они не успевают выполнить их в срок.",
    ),
    (
        "Szukamy partnerów do złożonych, innowacyjnych projektów.",
        "We are looking for partners for complex, innovative projects.",
        "Ищем партнёров для сложных инновационных проектов.",
    ),
    (
        "Wystawiamy się wspólnie z partnerami na międzynarodowych targach.",
        "We exhibit together with partners at international trade fairs.",
        "Участвуем в международных выставках вместе с партнёрами.",
    ),
    (
        "Zlecamy usługi firmom członkowskim klastra.",
        "We commission services from member firms of the cluster.",
        "Заказываем услуги у компаний — участников кластера.",
    ),
];

const EU_EAST: &[&str] = &[
    "DE", "LT", "LV", "BY", "UA", "CZ", "SE", "NL", "DK", "FR", "SK", "FI",
];

pub const SPECS: &[BranchSpec] = &[
    BranchSpec {
        branch: Branch::Metal,
        weight: 26,
        codes: &[
            "25.11", "25.62", "25.61", "25.73", "25.99", "28.30", "28.41",
        ],
        templates: &[
            NameTemplate {
                pl: "Zakład Mechaniczny {S} {F}",
                en: "{S} Mechanical Works {FE}",
                nace: "25.62",
            },
            NameTemplate {
                pl: "PHU {A}-{B} {T}",
                en: "{A}-{B} {T} Trade and Services",
                nace: "25.99",
            },
            NameTemplate {
                pl: "{A}-{B} {F}",
                en: "{A}-{B} {FE}",
                nace: "",
            },
            NameTemplate {
                pl: "Fabryka Maszyn Rolniczych {A}{B} {F}",
                en: "{A}{B} Agricultural Machinery Factory {FE}",
                nace: "28.30",
            },
            NameTemplate {
                pl: "Zakład Obróbki Metali {S} {F}",
                en: "{S} Metalworking Plant {FE}",
                nace: "25.62",
            },
            NameTemplate {
                pl: "Konstrukcje Stalowe {S} {F}",
                en: "{S} Steel Structures {FE}",
                nace: "25.11",
            },
            NameTemplate {
                pl: "Narzędziownia {A}-{B} {F}",
                en: "{A}-{B} Toolmakers {FE}",
                nace: "25.73",
            },
            NameTemplate {
                pl: "Galwanizernia {S} {F}",
                en: "{S} Electroplating {FE}",
                nace: "25.61",
            },
            NameTemplate {
                pl: "Maszyny Rolnicze {S} {F}",
                en: "{S} Farm Machinery {FE}",
                nace: "28.30",
            },
        ],
        by_suffixes: &[
            BySuffix {
                ru: "металл",
                lat: "metall",
                nace: "25.99",
            },
            BySuffix {
                ru: "маш",
                lat: "mash",
                nace: "28.30",
            },
            BySuffix {
                ru: "агромаш",
                lat: "agromash",
                nace: "28.30",
            },
            BySuffix {
                ru: "станкопром",
                lat: "stankoprom",
                nace: "28.41",
            },
            BySuffix {
                ru: "металлоконструкция",
                lat: "metallokonstruktsiya",
                nace: "25.11",
            },
            BySuffix {
                ru: "мехобработка",
                lat: "mekhobrabotka",
                nace: "25.62",
            },
            BySuffix {
                ru: "инструмент",
                lat: "instrument",
                nace: "25.73",
            },
        ],
        a_words: crate::demo::names::METAL_A,
        b_words: crate::demo::names::GENERIC_B,
        capabilities: &[
            ("toczenie CNC", "CNC turning", "токарная обработка на ЧПУ"),
            ("frezowanie CNC", "CNC milling", "фрезерование на ЧПУ"),
            ("cięcie laserowe", "laser cutting", "лазерная резка"),
            (
                "gięcie blach",
                "sheet-metal bending",
                "гибка листового металла",
            ),
            (
                "spawanie MIG/MAG i TIG",
                "MIG/MAG and TIG welding",
                "сварка MIG/MAG и TIG",
            ),
            (
                "malowanie proszkowe",
                "powder coating",
                "порошковая покраска",
            ),
            (
                "cynkowanie galwaniczne",
                "electroplating",
                "гальваническое цинкование",
            ),
            ("montaż maszyn", "machine assembly", "сборка машин"),
            (
                "projektowanie CAD/CAM",
                "CAD/CAM design",
                "проектирование CAD/CAM",
            ),
        ],
        keywords: &[
            ("obróbka metali", "metalworking", "металлообработка"),
            ("podwykonawstwo", "subcontracting", "субподряд"),
            (
                "maszyny rolnicze",
                "agricultural machinery",
                "сельхозтехника",
            ),
            (
                "konstrukcje stalowe",
                "steel structures",
                "металлоконструкции",
            ),
        ],
        machines: &[
            ("CNC lathe", 1, 8),
            ("CNC vertical machining centre", 1, 6),
            ("Fibre laser cutter", 1, 2),
            ("CNC press brake", 1, 3),
            ("MIG/MAG welding station", 2, 12),
            ("Welding robot", 1, 3),
            ("Powder coating line", 1, 1),
            ("Coordinate measuring machine", 1, 2),
        ],
        certifications: &[
            ("ISO 9001", 60),
            ("ISO 14001", 20),
            ("ISO 3834-2", 35),
            ("EN 1090", 30),
        ],
        capacity: Some(("up to {n} t of processed steel per month", 5, 60)),
        export_markets: EU_EAST,
    },
    BranchSpec {
        branch: Branch::Construction,
        weight: 22,
        codes: &["41.20", "42.11", "43.21", "43.31", "23.61", "16.23"],
        templates: &[
            NameTemplate {
                pl: "Przedsiębiorstwo Budowlane {S} {F}",
                en: "{S} Construction Company {FE}",
                nace: "41.20",
            },
            NameTemplate {
                pl: "PHU {A}-Bud {T}",
                en: "{A}-Bud {T} Trade and Services",
                nace: "41.20",
            },
            NameTemplate {
                pl: "{A}-{B} {F}",
                en: "{A}-{B} {FE}",
                nace: "",
            },
            NameTemplate {
                pl: "Zakład Stolarki Budowlanej {S}",
                en: "{S} Building Joinery",
                nace: "16.23",
            },
            NameTemplate {
                pl: "Prefabrykaty Betonowe {A}-{B} {F}",
                en: "{A}-{B} Precast Concrete {FE}",
                nace: "23.61",
            },
            NameTemplate {
                pl: "Instalacje Elektryczne {S}",
                en: "{S} Electrical Installations",
                nace: "43.21",
            },
            NameTemplate {
                pl: "Przedsiębiorstwo Robót Drogowych {A}-{B} {F}",
                en: "{A}-{B} Road Works {FE}",
                nace: "42.11",
            },
            NameTemplate {
                pl: "Usługi Wykończeniowe {S}",
                en: "{S} Finishing Works",
                nace: "43.31",
            },
        ],
        by_suffixes: &[
            BySuffix {
                ru: "строй",
                lat: "stroy",
                nace: "41.20",
            },
            BySuffix {
                ru: "стройинвест",
                lat: "stroyinvest",
                nace: "41.20",
            },
            BySuffix {
                ru: "стройдеталь",
                lat: "stroydetal",
                nace: "23.61",
            },
            BySuffix {
                ru: "дорстрой",
                lat: "dorstroy",
                nace: "42.11",
            },
            BySuffix {
                ru: "электромонтаж",
                lat: "elektromontazh",
                nace: "43.21",
            },
            BySuffix {
                ru: "отделка",
                lat: "otdelka",
                nace: "43.31",
            },
            BySuffix {
                ru: "древ",
                lat: "drev",
                nace: "16.23",
            },
        ],
        a_words: crate::demo::names::CONSTRUCTION_A,
        b_words: crate::demo::names::GENERIC_B,
        capabilities: &[
            (
                "budownictwo mieszkaniowe",
                "residential construction",
                "жилищное строительство",
            ),
            (
                "hale przemysłowe",
                "industrial halls",
                "промышленные здания",
            ),
            ("roboty drogowe", "road works", "дорожные работы"),
            (
                "instalacje elektryczne",
                "electrical installations",
                "электромонтажные работы",
            ),
            (
                "prefabrykacja betonowa",
                "precast concrete",
                "сборный железобетон",
            ),
            (
                "okna i drzwi drewniane",
                "wooden windows and doors",
                "деревянные окна и двери",
            ),
            (
                "tynki maszynowe",
                "machine plastering",
                "машинная штукатурка",
            ),
            (
                "generalne wykonawstwo",
                "general contracting",
                "генеральный подряд",
            ),
        ],
        keywords: &[
            ("budownictwo", "construction", "строительство"),
            ("generalny wykonawca", "general contractor", "генподрядчик"),
            (
                "materiały budowlane",
                "building materials",
                "строительные материалы",
            ),
        ],
        machines: &[
            ("Concrete mixing plant", 1, 2),
            ("Mobile crane", 1, 3),
            ("Excavator", 1, 6),
            ("CNC joinery machining centre", 1, 2),
            ("Tower crane", 1, 4),
        ],
        certifications: &[("ISO 9001", 45), ("ISO 14001", 20), ("ISO 45001", 25)],
        capacity: Some(("about {n} m² of floor area completed per year", 800, 9000)),
        export_markets: &["DE", "LT", "SE", "NO", "BY", "DK", "NL"],
    },
    BranchSpec {
        branch: Branch::Energy,
        weight: 10,
        codes: &["35.11", "43.21", "27.11", "33.14"],
        templates: &[
            NameTemplate {
                pl: "{A} Energia {F}",
                en: "{A} Energy {FE}",
                nace: "35.11",
            },
            NameTemplate {
                pl: "Farma Wiatrowa {T} {F}",
                en: "{T} Wind Farm {FE}",
                nace: "35.11",
            },
            NameTemplate {
                pl: "Biogazownia {T} {F}",
                en: "{T} Biogas Plant {FE}",
                nace: "35.11",
            },
            NameTemplate {
                pl: "{A}-Elektro {S}",
                en: "{A}-Elektro {S}",
                nace: "43.21",
            },
            NameTemplate {
                pl: "Zakład Elektrotechniczny {S} {F}",
                en: "{S} Electrical Engineering {FE}",
                nace: "27.11",
            },
            NameTemplate {
                pl: "Serwis OZE {A}-{B} {F}",
                en: "{A}-{B} Renewables Service {FE}",
                nace: "33.14",
            },
        ],
        by_suffixes: &[
            BySuffix {
                ru: "энергосервис",
                lat: "energoservis",
                nace: "33.14",
            },
            BySuffix {
                ru: "солар",
                lat: "solar",
                nace: "35.11",
            },
            BySuffix {
                ru: "биоэнерго",
                lat: "bioenergo",
                nace: "35.11",
            },
            BySuffix {
                ru: "электро",
                lat: "elektro",
                nace: "43.21",
            },
            BySuffix {
                ru: "трансформатор",
                lat: "transformator",
                nace: "27.11",
            },
        ],
        a_words: crate::demo::names::ENERGY_A,
        b_words: crate::demo::names::GENERIC_B,
        capabilities: &[
            (
                "farmy fotowoltaiczne",
                "photovoltaic farms",
                "солнечные электростанции",
            ),
            (
                "biogazownie rolnicze",
                "agricultural biogas plants",
                "сельскохозяйственные биогазовые установки",
            ),
            (
                "serwis turbin wiatrowych",
                "wind turbine service",
                "обслуживание ветроустановок",
            ),
            ("pompy ciepła", "heat pumps", "тепловые насосы"),
            ("transformatory", "transformers", "трансформаторы"),
            ("audyty energetyczne", "energy audits", "энергоаудит"),
        ],
        keywords: &[
            ("OZE", "renewable energy", "ВИЭ"),
            ("fotowoltaika", "photovoltaics", "фотовольтаика"),
            (
                "efektywność energetyczna",
                "energy efficiency",
                "энергоэффективность",
            ),
        ],
        machines: &[
            ("Service vehicle with aerial platform", 1, 4),
            ("Thermal imaging camera", 1, 3),
            ("Coil winding machine", 1, 3),
        ],
        certifications: &[("ISO 9001", 40), ("ISO 14001", 35), ("ISO 50001", 20)],
        capacity: Some(("{n} MW of installed capacity", 1, 40)),
        export_markets: &["DE", "LT", "LV", "BY", "DK", "SE"],
    },
    BranchSpec {
        branch: Branch::It,
        weight: 14,
        codes: &["62.01", "62.02", "63.11", "58.29"],
        templates: &[
            NameTemplate {
                pl: "{A}{B} {F}",
                en: "{A}{B} {FE}",
                nace: "62.01",
            },
            NameTemplate {
                pl: "Software House {A}{B} {F}",
                en: "{A}{B} Software House {FE}",
                nace: "62.01",
            },
            NameTemplate {
                pl: "Usługi Informatyczne {S}",
                en: "{S} IT Services",
                nace: "62.02",
            },
            NameTemplate {
                pl: "{A}{B} Hosting {F}",
                en: "{A}{B} Hosting {FE}",
                nace: "63.11",
            },
            NameTemplate {
                pl: "{A}{B} Apps {F}",
                en: "{A}{B} Apps {FE}",
                nace: "58.29",
            },
        ],
        by_suffixes: &[
            BySuffix {
                ru: "софт",
                lat: "soft",
                nace: "62.01",
            },
            BySuffix {
                ru: "техсофт",
                lat: "tekhsoft",
                nace: "62.01",
            },
            BySuffix {
                ru: "ИТ-консалт",
                lat: "IT-konsalt",
                nace: "62.02",
            },
            BySuffix {
                ru: "дата",
                lat: "data",
                nace: "63.11",
            },
            BySuffix {
                ru: "лаб",
                lat: "lab",
                nace: "58.29",
            },
        ],
        a_words: crate::demo::names::IT_A,
        b_words: crate::demo::names::IT_B,
        capabilities: &[
            ("aplikacje webowe", "web applications", "веб-приложения"),
            ("aplikacje mobilne", "mobile apps", "мобильные приложения"),
            ("systemy ERP", "ERP systems", "ERP-системы"),
            ("Internet rzeczy", "Internet of Things", "интернет вещей"),
            ("chmura i DevOps", "cloud and DevOps", "облако и DevOps"),
            ("cyberbezpieczeństwo", "cybersecurity", "кибербезопасность"),
            ("analiza danych", "data analytics", "анализ данных"),
            (
                "systemy MES dla przemysłu",
                "MES for manufacturing",
                "MES-системы для промышленности",
            ),
        ],
        keywords: &[
            ("oprogramowanie", "software", "программное обеспечение"),
            ("outsourcing IT", "IT outsourcing", "ИТ-аутсорсинг"),
            ("Przemysł 4.0", "Industry 4.0", "Индустрия 4.0"),
        ],
        machines: &[],
        certifications: &[("ISO/IEC 27001", 40), ("ISO 9001", 30)],
        capacity: Some(("about {n} developer-days per month", 40, 900)),
        export_markets: &["DE", "GB", "US", "SE", "NL", "LT", "CH", "NO"],
    },
    BranchSpec {
        branch: Branch::Lingerie,
        weight: 11,
        codes: &["14.14", "14.19", "13.96"],
        templates: &[
            NameTemplate {
                pl: "Pracownia Gorseciarska {S}",
                en: "{S} Corsetry Workshop",
                nace: "14.14",
            },
            NameTemplate {
                pl: "Szwalnia {A} {F}",
                en: "{A} Sewing Plant {FE}",
                nace: "14.14",
            },
            NameTemplate {
                pl: "{A} Lingerie {F}",
                en: "{A} Lingerie {FE}",
                nace: "14.14",
            },
            NameTemplate {
                pl: "Bielizna {A} {S}",
                en: "{A} Underwear {S}",
                nace: "14.14",
            },
            NameTemplate {
                pl: "Koronki i Taśmy {A} {F}",
                en: "{A} Lace and Tapes {FE}",
                nace: "13.96",
            },
            NameTemplate {
                pl: "Dodatki Krawieckie {A} {S}",
                en: "{A} Sewing Accessories {S}",
                nace: "14.19",
            },
        ],
        by_suffixes: &[
            BySuffix {
                ru: "трикотаж",
                lat: "trikotazh",
                nace: "14.14",
            },
            BySuffix {
                ru: "стиль",
                lat: "stil",
                nace: "14.14",
            },
            BySuffix {
                ru: "текстиль",
                lat: "tekstil",
                nace: "13.96",
            },
            BySuffix {
                ru: "швейпром",
                lat: "shveyprom",
                nace: "14.19",
            },
        ],
        a_words: crate::demo::names::LINGERIE_A,
        b_words: crate::demo::names::GENERIC_B,
        capabilities: &[
            ("szycie biustonoszy", "bra sewing", "пошив бюстгальтеров"),
            ("bielizna korygująca", "shapewear", "корректирующее бельё"),
            (
                "szycie pod marką klienta",
                "private-label production",
                "производство под маркой заказчика",
            ),
            (
                "krojenie automatyczne",
                "automated cutting",
                "автоматический раскрой",
            ),
            (
                "hafty i koronki",
                "embroidery and lace",
                "вышивка и кружево",
            ),
            (
                "projektowanie kolekcji",
                "collection design",
                "разработка коллекций",
            ),
        ],
        keywords: &[
            ("bielizna", "lingerie", "нижнее бельё"),
            ("szwalnia", "sewing plant", "швейное производство"),
            ("moda", "fashion", "мода"),
        ],
        machines: &[
            ("Industrial lockstitch machine", 4, 60),
            ("Overlock machine", 2, 20),
            ("Automatic cutting table", 1, 2),
            ("Embroidery machine", 1, 4),
        ],
        certifications: &[("OEKO-TEX Standard 100", 55), ("ISO 9001", 20)],
        capacity: Some(("about {n} thousand pieces per month", 2, 60)),
        export_markets: &["DE", "FR", "IT", "LT", "GB", "NL", "BY", "UA"],
    },
    BranchSpec {
        branch: Branch::Food,
        weight: 17,
        codes: &["10.51", "10.52", "10.13", "10.71", "11.07"],
        templates: &[
            NameTemplate {
                pl: "Mleczarnia Spółdzielcza {T}",
                en: "{T} Dairy Cooperative",
                nace: "10.51",
            },
            NameTemplate {
                pl: "Serowarnia {S}",
                en: "{S} Cheese Dairy",
                nace: "10.51",
            },
            NameTemplate {
                pl: "{A}-Mlek {F}",
                en: "{A}-Mlek Dairy {FE}",
                nace: "10.51",
            },
            NameTemplate {
                pl: "Zakłady Mięsne {S} {F}",
                en: "{S} Meat Plant {FE}",
                nace: "10.13",
            },
            NameTemplate {
                pl: "Piekarnia {S}",
                en: "{S} Bakery",
                nace: "10.71",
            },
            NameTemplate {
                pl: "Wytwórnia Lodów {A} {F}",
                en: "{A} Ice Cream {FE}",
                nace: "10.52",
            },
            NameTemplate {
                pl: "Rozlewnia Wód Mineralnych {T} {F}",
                en: "{T} Mineral Water Bottling {FE}",
                nace: "11.07",
            },
        ],
        by_suffixes: &[
            BySuffix {
                ru: "молоко",
                lat: "moloko",
                nace: "10.51",
            },
            BySuffix {
                ru: "молпродукт",
                lat: "molprodukt",
                nace: "10.51",
            },
            BySuffix {
                ru: "мясопродукт",
                lat: "myasoprodukt",
                nace: "10.13",
            },
            BySuffix {
                ru: "хлеб",
                lat: "khleb",
                nace: "10.71",
            },
            BySuffix {
                ru: "напитки",
                lat: "napitki",
                nace: "11.07",
            },
        ],
        a_words: crate::demo::names::FOOD_A,
        b_words: crate::demo::names::GENERIC_B,
        capabilities: &[
            ("sery dojrzewające", "ripened cheese", "твёрдые сыры"),
            ("mleko w proszku", "milk powder", "сухое молоко"),
            ("jogurty i kefiry", "yoghurt and kefir", "йогурты и кефир"),
            (
                "wędliny tradycyjne",
                "traditional cured meats",
                "традиционные колбасные изделия",
            ),
            ("pieczywo rzemieślnicze", "craft bread", "ремесленный хлеб"),
            (
                "pakowanie w atmosferze ochronnej",
                "modified-atmosphere packaging",
                "упаковка в защитной атмосфере",
            ),
            (
                "produkcja pod marką własną sieci",
                "private-label production for retail chains",
                "производство под торговой маркой сетей",
            ),
        ],
        keywords: &[
            ("żywność", "food", "продукты питания"),
            ("mleczarstwo", "dairy", "молочная промышленность"),
            (
                "produkty regionalne",
                "regional products",
                "региональные продукты",
            ),
        ],
        machines: &[
            ("Milk pasteuriser", 1, 3),
            ("Cheese vat", 1, 8),
            ("Packaging line", 1, 4),
            ("Deck oven", 1, 6),
            ("Smoking chamber", 1, 4),
            ("Bottling line", 1, 2),
        ],
        certifications: &[
            ("IFS Food", 35),
            ("BRCGS Food Safety", 25),
            ("FSSC 22000", 20),
            ("ISO 22000", 15),
        ],
        capacity: Some(("about {n} t of products per month", 10, 900)),
        export_markets: &["DE", "LT", "CZ", "IT", "CN", "KR", "US", "BY", "UA"],
    },
];
