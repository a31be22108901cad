//! Word lists the synthetic firms are built from: towns with their regions and postal codes,
//! name templates per branch, people's names for contacts. Combinations are random; no real
//! firm was copied on purpose.

/// A town where synthetic firms are seated. `postal` is a pattern: each `x` becomes a random
/// digit (Białystok has many codes, a small town one).
pub struct Town {
    pub name: &'static str,
    /// The name in Latin script (Polish towns: the same; Belarusian towns: transliterated).
    pub latin: &'static str,
    /// The name in Polish usage (Brześć for Brest).
    pub pl: &'static str,
    pub region: &'static str,
    pub postal: &'static str,
    /// First three digits of the local tax office's NIP codes (Polish towns only).
    pub nip_office: u32,
}

const fn pl(
    name: &'static str,
    region: &'static str,
    postal: &'static str,
    nip_office: u32,
) -> Town {
    Town {
        name,
        latin: name,
        pl: name,
        region,
        postal,
        nip_office,
    }
}

const fn by(
    name: &'static str,
    latin: &'static str,
    pl: &'static str,
    region: &'static str,
    postal: &'static str,
) -> Town {
    Town {
        name,
        latin,
        pl,
        region,
        postal,
        nip_office: 0,
    }
}

/// Towns of Podlaskie, by NUTS 3 subregion: Białostocki PL841, Łomżyński PL842, Suwalski PL843.
pub const PODLASKIE: &[Town] = &[
    pl("Białystok", "PL841", "15-xxx", 542),
    pl("Białystok", "PL841", "15-xxx", 966),
    pl("Białystok", "PL841", "15-xxx", 543),
    pl("Sokółka", "PL841", "16-100", 545),
    pl("Hajnówka", "PL841", "17-200", 603),
    pl("Bielsk Podlaski", "PL841", "17-100", 543),
    pl("Siemiatycze", "PL841", "17-300", 544),
    pl("Łapy", "PL841", "18-100", 966),
    pl("Choroszcz", "PL841", "16-070", 966),
    pl("Wasilków", "PL841", "16-010", 966),
    pl("Supraśl", "PL841", "16-030", 966),
    pl("Zabłudów", "PL841", "16-060", 966),
    pl("Łomża", "PL842", "18-400", 718),
    pl("Zambrów", "PL842", "18-300", 723),
    pl("Kolno", "PL842", "18-500", 291),
    pl("Wysokie Mazowieckie", "PL842", "18-200", 722),
    pl("Ciechanowiec", "PL842", "18-230", 722),
    pl("Suwałki", "PL843", "16-400", 844),
    pl("Augustów", "PL843", "16-300", 846),
    pl("Sejny", "PL843", "16-500", 844),
];

/// Other Polish towns, for the firms outside Podlaskie (national clusters have members
/// everywhere).
pub const POLAND: &[Town] = &[
    pl("Warszawa", "PL911", "0x-xxx", 525),
    pl("Poznań", "PL415", "6x-xxx", 779),
    pl("Wrocław", "PL514", "5x-xxx", 897),
    pl("Kraków", "PL213", "3x-xxx", 676),
    pl("Łódź", "PL711", "9x-xxx", 725),
    pl("Gdańsk", "PL633", "80-xxx", 583),
    pl("Katowice", "PL22A", "40-xxx", 634),
    pl("Radom", "PL921", "26-6xx", 796),
    pl("Siedlce", "PL925", "08-110", 821),
    pl("Płock", "PL923", "09-4xx", 774),
];

/// Belarusian towns (Russian names; BGN-style transliteration; Polish exonyms).
pub const BELARUS: &[Town] = &[
    by("Гродно", "Grodno", "Grodno", "BY-HR", "230xxx"),
    by("Лида", "Lida", "Lida", "BY-HR", "2313xx"),
    by("Слоним", "Slonim", "Słonim", "BY-HR", "2318xx"),
    by("Брест", "Brest", "Brześć", "BY-BR", "224xxx"),
    by("Пинск", "Pinsk", "Pińsk", "BY-BR", "2257xx"),
    by(
        "Барановичи",
        "Baranovichi",
        "Baranowicze",
        "BY-BR",
        "2254xx",
    ),
    by("Кобрин", "Kobrin", "Kobryń", "BY-BR", "2253xx"),
    by("Минск", "Minsk", "Mińsk", "BY-HM", "220xxx"),
    by("Борисов", "Borisov", "Borysów", "BY-MI", "2221xx"),
    by("Молодечно", "Molodechno", "Mołodeczno", "BY-MI", "2223xx"),
    by("Могилёв", "Mogilev", "Mohylew", "BY-MA", "212xxx"),
    by("Бобруйск", "Bobruisk", "Bobrujsk", "BY-MA", "2138xx"),
    by("Витебск", "Vitebsk", "Witebsk", "BY-VI", "210xxx"),
    by("Орша", "Orsha", "Orsza", "BY-VI", "2110xx"),
    by("Новополоцк", "Novopolotsk", "Nowopołock", "BY-VI", "2114xx"),
    by("Гомель", "Gomel", "Homel", "BY-HO", "246xxx"),
    by("Мозырь", "Mozyr", "Mozyrz", "BY-HO", "2477xx"),
];

pub const PL_STREETS: &[&str] = &[
    "ul. Przemysłowa",
    "ul. Fabryczna",
    "ul. Składowa",
    "ul. Produkcyjna",
    "ul. Kolejowa",
    "ul. Sienkiewicza",
    "ul. Mickiewicza",
    "ul. Lipowa",
    "ul. Polna",
    "ul. Handlowa",
    "ul. Elewatorska",
    "ul. Rzemieślnicza",
    "ul. Ciepła",
    "ul. Warszawska",
    "ul. Kościuszki",
    "ul. Łąkowa",
    "ul. Zielona",
    "ul. Spółdzielcza",
    "ul. Techniczna",
    "ul. Wiejska",
];

pub const BY_STREETS: &[&str] = &[
    "ул. Советская",
    "ул. Промышленная",
    "ул. Заводская",
    "ул. Центральная",
    "ул. Садовая",
    "ул. Строителей",
    "ул. Молодёжная",
    "ул. Интернациональная",
    "ул. Мира",
    "ул. Гагарина",
    "ул. Пушкина",
    "ул. Лесная",
];

/// Surnames that do not change with gender.
pub const PL_SURNAMES_PLAIN: &[&str] = &[
    "Nowak",
    "Wójcik",
    "Kowalczyk",
    "Kamiński",
    "Mazur",
    "Krawczyk",
    "Zając",
    "Król",
    "Wieczorek",
    "Jabłoński",
    "Pietrzak",
    "Sawicki",
    "Bielecki",
    "Górski",
    "Malinowski",
    "Szymański",
    "Dudek",
    "Kozłowski",
    "Wasilewski",
    "Rutkowski",
    "Sobczak",
    "Michalak",
    "Kurek",
    "Borkowski",
    "Jankowski",
    "Ostrowski",
    "Sadowski",
    "Tomaszewski",
    "Zalewski",
    "Wróbel",
];

pub const PL_FIRST_MALE: &[&str] = &[
    "Piotr",
    "Krzysztof",
    "Andrzej",
    "Tomasz",
    "Paweł",
    "Marcin",
    "Michał",
    "Grzegorz",
    "Jakub",
    "Łukasz",
    "Adam",
    "Mariusz",
    "Wojciech",
    "Dariusz",
    "Rafał",
    "Kamil",
];

pub const PL_FIRST_FEMALE: &[&str] = &[
    "Anna",
    "Katarzyna",
    "Małgorzata",
    "Agnieszka",
    "Barbara",
    "Ewa",
    "Magdalena",
    "Joanna",
    "Monika",
    "Beata",
    "Aleksandra",
    "Natalia",
    "Karolina",
    "Justyna",
];

/// The feminine form of a Polish surname (Kowalski -> Kowalska; Nowak stays Nowak).
pub fn pl_feminine(surname: &str) -> String {
    for (m, f) in [("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")] {
        if let Some(stem) = surname.strip_suffix(m) {
            return format!("{stem}{f}");
        }
    }
    surname.to_string()
}

/// Belarusian people: (Cyrillic, Latin) first names and (masculine, feminine) surnames.
pub const BY_FIRST_MALE: &[(&str, &str)] = &[
    ("Александр", "Aleksandr"),
    ("Сергей", "Sergey"),
    ("Андрей", "Andrey"),
    ("Дмитрий", "Dmitry"),
    ("Виктор", "Viktor"),
    ("Павел", "Pavel"),
    ("Игорь", "Igor"),
    ("Олег", "Oleg"),
    ("Владимир", "Vladimir"),
    ("Максим", "Maksim"),
];
pub const BY_FIRST_FEMALE: &[(&str, &str)] = &[
    ("Елена", "Elena"),
    ("Ольга", "Olga"),
    ("Татьяна", "Tatyana"),
    ("Наталья", "Natalya"),
    ("Ирина", "Irina"),
    ("Светлана", "Svetlana"),
    ("Анна", "Anna"),
    ("Марина", "Marina"),
];
pub const BY_SURNAMES: &[(&str, &str, &str, &str)] = &[
    ("Ковалёв", "Kovalev", "Ковалёва", "Kovaleva"),
    ("Новик", "Novik", "Новик", "Novik"),
    ("Климович", "Klimovich", "Климович", "Klimovich"),
    ("Жук", "Zhuk", "Жук", "Zhuk"),
    ("Шевченко", "Shevchenko", "Шевченко", "Shevchenko"),
    ("Мельников", "Melnikov", "Мельникова", "Melnikova"),
    ("Романов", "Romanov", "Романова", "Romanova"),
    ("Кузьмич", "Kuzmich", "Кузьмич", "Kuzmich"),
    ("Савицкий", "Savitsky", "Савицкая", "Savitskaya"),
    ("Лукашевич", "Lukashevich", "Лукашевич", "Lukashevich"),
    ("Бондарь", "Bondar", "Бондарь", "Bondar"),
    ("Кравцов", "Kravtsov", "Кравцова", "Kravtsova"),
    ("Павлюченко", "Pavlyuchenko", "Павлюченко", "Pavlyuchenko"),
    ("Сидорович", "Sidorovich", "Сидорович", "Sidorovich"),
];

pub const CONTACT_ROLES: &[&str] = &[
    "Managing director",
    "Sales manager",
    "Export manager",
    "Production manager",
    "Technical director",
    "Office manager",
    "Purchasing manager",
    "Project manager",
];

/// Polish legal forms with their English equivalents; the empty form is a sole trader.
pub const PL_FORMS: &[(&str, &str)] = &[
    ("Sp. z o.o.", "Ltd"),
    ("Sp. z o.o.", "Ltd"),
    ("Sp. z o.o.", "Ltd"),
    ("Sp. j.", "General Partnership"),
    ("Sp. k.", "Limited Partnership"),
    ("", ""),
];

/// Belarusian legal forms (Russian abbreviation, English abbreviation).
pub const BY_FORMS: &[(&str, &str)] = &[
    ("ООО", "LLC"),
    ("ООО", "LLC"),
    ("ООО", "LLC"),
    ("ОДО", "ALC"),
    ("ЧУП", "PUE"),
    ("ЗАО", "CJSC"),
];

/// Stems for Belarusian firm names (Cyrillic, Latin), besides the firm's own town. Generic on
/// purpose: a river or a historic region would tie the firm to one part of the country.
pub const BY_STEMS: &[(&str, &str)] = &[
    ("Бел", "Bel"),
    ("Техно", "Tekhno"),
    ("Запад", "Zapad"),
    ("Проф", "Prof"),
    ("Евро", "Evro"),
    ("Мега", "Mega"),
    ("Интер", "Inter"),
    ("Альфа", "Alfa"),
    ("Нова", "Nova"),
    ("Спектр", "Spektr"),
];

/// Brand-like syllables per branch for Polish names ("Metal-Bud", "DataLogic").
pub const METAL_A: &[&str] = &[
    "Metal", "Stal", "Mech", "Inox", "Agro", "Tech", "Precyz", "Spaw", "Frez", "Kuź",
];
pub const CONSTRUCTION_A: &[&str] = &[
    "Dom", "Mur", "Bet", "Instal", "Dach", "Tynk", "Bruk", "Stan", "Kam", "Mont",
];
pub const ENERGY_A: &[&str] = &[
    "Eko", "Bio", "Solar", "Volt", "Terma", "Wind", "Green", "Helio", "Wat", "Ampera",
];
pub const IT_A: &[&str] = &[
    "Info", "Data", "Cyber", "Net", "Code", "Byte", "Logi", "Pixel", "Cloud", "Quant",
];
pub const LINGERIE_A: &[&str] = &[
    "Róża", "Lilia", "Kalina", "Bianka", "Gracja", "Wenus", "Dama", "Aura", "Fiore", "Luna",
    "Sonata", "Perła",
];
pub const FOOD_A: &[&str] = &[
    "Sero", "Mleko", "Agro", "Smak", "Ziel", "Las", "Zdrój", "Kłos", "Miód", "Sad",
];
pub const GENERIC_B: &[&str] = &[
    "Pol", "Bud", "Tech", "Mat", "Serwis", "Tom", "Mar", "Plus", "Max", "Pro", "Trans", "Kom",
];
pub const IT_B: &[&str] = &[
    "Soft", "Systems", "Logic", "Works", "Lab", "Sense", "Bit", "Ware", "Stack", "Flow",
];
