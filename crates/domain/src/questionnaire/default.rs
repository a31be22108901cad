//! The default "cluster cooperation questionnaire", in Polish, English and Russian (the portal's
//! three UI languages: every title, help and option has a text in each).

use super::{ChoiceOption, ProfileField as F, Question, QuestionKind as K, Questionnaire, Section};
use crate::org::{OrgKind, SizeClass};
use crate::text::LocalizedText;

pub const DEFAULT_QUESTIONNAIRE_KEY: &str = "cluster-cooperation";

/// The languages of every text, in this order (Polish first: the default language).
const LANGUAGES: [&str; 3] = ["pl", "en", "ru"];

/// A text in Polish, English and Russian.
type Tri<'a> = [&'a str; 3];

fn t([pl, en, ru]: Tri<'_>) -> Vec<LocalizedText> {
    vec![
        LocalizedText::new("pl", pl),
        LocalizedText::new("en", en),
        LocalizedText::new("ru", ru),
    ]
}

fn q(key: &str, kind: K, text: Tri<'_>) -> Question {
    Question {
        key: key.to_string(),
        kind,
        required: false,
        text: t(text),
        help: Vec::new(),
        options: Vec::new(),
        maps_to: None,
        must_be_yes: false,
    }
}

impl Question {
    fn required(mut self) -> Self {
        self.required = true;
        self
    }
    fn maps(mut self, field: F) -> Self {
        self.maps_to = Some(field);
        self
    }
    fn help(mut self, text: Tri<'_>) -> Self {
        self.help = t(text);
        self
    }
    fn options(mut self, options: &[(&str, Tri<'_>)]) -> Self {
        self.options = options
            .iter()
            .map(|(value, text)| ChoiceOption {
                value: value.to_string(),
                text: t(*text),
            })
            .collect();
        self
    }
}

fn section(key: &str, title: Tri<'_>, questions: Vec<Question>) -> Section {
    Section {
        key: key.to_string(),
        title: t(title),
        questions,
    }
}

fn short(max_len: usize) -> K {
    K::ShortText { max_len }
}

fn long(max_len: usize) -> K {
    K::LongText { max_len }
}

fn org_kind_label(kind: OrgKind) -> Tri<'static> {
    match kind {
        OrgKind::Company => ["Przedsiębiorstwo", "Company", "Предприятие"],
        OrgKind::ClusterOrganisation => [
            "Organizacja klastrowa (koordynator klastra)",
            "Cluster organisation",
            "Кластерная организация (координатор кластера)",
        ],
        OrgKind::DevelopmentAgency => [
            "Agencja rozwoju",
            "Development agency",
            "Агентство развития",
        ],
        OrgKind::Foundation => ["Fundacja", "Foundation", "Фонд"],
        OrgKind::Chamber => [
            "Izba gospodarcza",
            "Chamber of commerce",
            "Торгово-промышленная палата",
        ],
        OrgKind::Association => ["Stowarzyszenie", "Association", "Ассоциация"],
        OrgKind::University => ["Uczelnia", "University", "Вуз"],
        OrgKind::ResearchInstitute => [
            "Instytut badawczy",
            "Research institute",
            "Научно-исследовательский институт",
        ],
        OrgKind::PublicAuthority => [
            "Instytucja publiczna",
            "Public authority",
            "Орган государственной власти",
        ],
    }
}

fn size_label(size: SizeClass) -> Tri<'static> {
    match size {
        SizeClass::Micro => [
            "Mikroprzedsiębiorstwo (do 9 osób)",
            "Micro enterprise (up to 9 staff)",
            "Микропредприятие (до 9 работников)",
        ],
        SizeClass::Small => [
            "Małe przedsiębiorstwo (10–49 osób)",
            "Small enterprise (10–49 staff)",
            "Малое предприятие (10–49 работников)",
        ],
        SizeClass::Medium => [
            "Średnie przedsiębiorstwo (50–249 osób)",
            "Medium-sized enterprise (50–249 staff)",
            "Среднее предприятие (50–249 работников)",
        ],
        SizeClass::Large => [
            "Duże przedsiębiorstwo (250 osób i więcej)",
            "Large enterprise (250 staff or more)",
            "Крупное предприятие (250 работников и более)",
        ],
    }
}

/// Languages offered: the working languages of Klaster and a few more common in trade.
const LANGUAGE_OPTIONS: [(&str, Tri<'static>); 16] = [
    ("pl", ["polski", "Polish", "польский"]),
    ("en", ["angielski", "English", "английский"]),
    ("de", ["niemiecki", "German", "немецкий"]),
    ("ru", ["rosyjski", "Russian", "русский"]),
    ("be", ["białoruski", "Belarusian", "белорусский"]),
    ("uk", ["ukraiński", "Ukrainian", "украинский"]),
    ("lt", ["litewski", "Lithuanian", "литовский"]),
    ("cs", ["czeski", "Czech", "чешский"]),
    ("sk", ["słowacki", "Slovak", "словацкий"]),
    ("hu", ["węgierski", "Hungarian", "венгерский"]),
    ("ro", ["rumuński", "Romanian", "румынский"]),
    ("bg", ["bułgarski", "Bulgarian", "болгарский"]),
    ("it", ["włoski", "Italian", "итальянский"]),
    ("fr", ["francuski", "French", "французский"]),
    ("es", ["hiszpański", "Spanish", "испанский"]),
    ("zh", ["chiński", "Chinese", "китайский"]),
];

const INTERESTS: [(&str, Tri<'static>); 7] = [
    (
        "subcontracting",
        [
            "Podwykonawstwo (wykonujemy zlecenia innych)",
            "Subcontracting (we work for others)",
            "Субподряд (выполняем заказы других)",
        ],
    ),
    (
        "taking_over_orders",
        [
            "Przejmowanie zleceń od partnerów",
            "Taking over orders from partners",
            "Приём заказов от партнёров",
        ],
    ),
    (
        "handing_over_orders",
        [
            "Przekazywanie zleceń partnerom",
            "Handing over orders to partners",
            "Передача заказов партнёрам",
        ],
    ),
    (
        "joint_projects",
        [
            "Wspólne projekty (np. B+R, inwestycje, fundusze UE)",
            "Joint projects (e.g. R&D, investment, EU funds)",
            "Совместные проекты (например, НИОКР, инвестиции, фонды ЕС)",
        ],
    ),
    (
        "joint_trade_fairs",
        [
            "Wspólne targi i misje gospodarcze",
            "Joint trade fairs and business missions",
            "Совместное участие в выставках и бизнес-миссиях",
        ],
    ),
    (
        "export",
        [
            "Wspólny eksport i wejście na nowe rynki",
            "Joint export and entering new markets",
            "Совместный экспорт и выход на новые рынки",
        ],
    ),
    (
        "rnd_with_universities",
        [
            "Współpraca B+R z uczelniami i instytutami",
            "R&D with universities and institutes",
            "НИОКР совместно с вузами и институтами",
        ],
    ),
];

/// The questionnaire by which firms and institutions enter the directory: their profile and
/// their interest in cooperation. Polish first.
pub fn default_questionnaire() -> Questionnaire {
    let kinds: Vec<(&str, Tri<'_>)> = OrgKind::ALL
        .iter()
        .map(|k| (k.as_str(), org_kind_label(*k)))
        .collect();
    let sizes: Vec<(&str, Tri<'_>)> = SizeClass::ALL
        .iter()
        .map(|s| (s.as_str(), size_label(*s)))
        .collect();

    let company = section(
        "company",
        [
            "Dane organizacji",
            "Organisation details",
            "Данные организации",
        ],
        vec![
            q(
                "name",
                short(300),
                ["Pełna nazwa", "Full name", "Полное наименование"],
            )
            .required()
            .maps(F::Name),
            q(
                "short_name",
                short(100),
                ["Nazwa skrócona", "Short name", "Краткое наименование"],
            )
            .maps(F::ShortName),
            q(
                "kind",
                K::SingleChoice,
                [
                    "Rodzaj organizacji",
                    "Kind of organisation",
                    "Вид организации",
                ],
            )
            .required()
            .options(&kinds)
            .maps(F::Kind),
            q(
                "country",
                K::CountryPicker { multiple: false },
                [
                    "Kraj siedziby",
                    "Country of registered office",
                    "Страна регистрации",
                ],
            )
            .required()
            .maps(F::Country),
            q(
                "nip",
                short(20),
                [
                    "NIP",
                    "Polish tax number (NIP)",
                    "Налоговый номер в Польше (NIP)",
                ],
            )
            .help([
                "Dla podmiotów zarejestrowanych w Polsce.",
                "For organisations registered in Poland.",
                "Для организаций, зарегистрированных в Польше.",
            ])
            .maps(F::Nip),
            q(
                "regon",
                short(20),
                [
                    "REGON",
                    "Polish statistical number (REGON)",
                    "Статистический номер в Польше (REGON)",
                ],
            )
            .maps(F::Regon),
            q(
                "krs",
                short(20),
                [
                    "Numer KRS",
                    "National Court Register number (KRS)",
                    "Номер в Национальном судебном реестре Польши (KRS)",
                ],
            )
            .maps(F::Krs),
            q(
                "eu_vat",
                short(20),
                [
                    "Numer VAT UE",
                    "EU VAT number",
                    "Номер плательщика НДС в ЕС",
                ],
            )
            .help([
                "Z prefiksem kraju, np. DE123456789.",
                "With the country prefix, e.g. DE123456789.",
                "С префиксом страны, например DE123456789.",
            ])
            .maps(F::EuVat),
            q(
                "unp",
                short(20),
                ["UNP (Białoruś)", "UNP (Belarus)", "УНП (Беларусь)"],
            )
            .maps(F::Unp),
            q(
                "founded_year",
                K::Number {
                    min: Some(1000.0),
                    max: Some(2100.0),
                    integer: true,
                },
                ["Rok założenia", "Year founded", "Год основания"],
            )
            .maps(F::FoundedYear),
            q(
                "region",
                K::RegionPicker,
                [
                    "Region (NUTS lub obwód)",
                    "Region (NUTS or Belarusian region)",
                    "Регион (NUTS или область Беларуси)",
                ],
            )
            .maps(F::Region),
            q(
                "street",
                short(200),
                ["Ulica i numer", "Street and number", "Улица и номер дома"],
            )
            .maps(F::Street),
            q(
                "postal_code",
                short(20),
                ["Kod pocztowy", "Postal code", "Почтовый индекс"],
            )
            .maps(F::PostalCode),
            q(
                "city",
                short(200),
                ["Miejscowość", "City", "Населённый пункт"],
            )
            .maps(F::City),
            q(
                "website",
                short(2048),
                ["Strona internetowa", "Website", "Веб-сайт"],
            )
            .maps(F::Website),
            q(
                "email",
                short(254),
                ["E-mail", "E-mail", "Электронная почта"],
            )
            .required()
            .maps(F::Email),
            q("phone", short(40), ["Telefon", "Phone", "Телефон"]).maps(F::Phone),
        ],
    );

    let activity = section(
        "activity",
        ["Działalność", "Activity", "Деятельность"],
        vec![
            q(
                "nace_main",
                K::NacePicker { multiple: false },
                [
                    "Przeważająca działalność (PKD / NACE)",
                    "Main activity (NACE)",
                    "Основной вид деятельности (NACE)",
                ],
            )
            .required()
            .maps(F::NaceMain),
            q(
                "nace_other",
                K::NacePicker { multiple: true },
                [
                    "Pozostała działalność (PKD / NACE)",
                    "Other activities (NACE)",
                    "Другие виды деятельности (NACE)",
                ],
            )
            .maps(F::NaceOther),
            q(
                "description",
                long(5000),
                [
                    "Opis działalności",
                    "Description of the activity",
                    "Описание деятельности",
                ],
            )
            .required()
            .maps(F::Description),
            q(
                "capabilities",
                long(2000),
                [
                    "Kompetencje i usługi",
                    "Capabilities and services",
                    "Компетенции и услуги",
                ],
            )
            .help([
                "Oddzielone przecinkami, np. toczenie CNC, spawanie TIG.",
                "Separated by commas, e.g. CNC turning, TIG welding.",
                "Через запятую, например: токарная обработка с ЧПУ, сварка TIG.",
            ])
            .maps(F::Capabilities),
            q(
                "keywords",
                short(500),
                ["Słowa kluczowe", "Keywords", "Ключевые слова"],
            )
            .help([
                "Oddzielone przecinkami.",
                "Separated by commas.",
                "Через запятую.",
            ])
            .maps(F::Keywords),
            q(
                "certifications",
                short(500),
                ["Certyfikaty", "Certifications", "Сертификаты"],
            )
            .help([
                "Np. ISO 9001, ISO 14001, IATF 16949.",
                "E.g. ISO 9001, ISO 14001, IATF 16949.",
                "Например, ISO 9001, ISO 14001, IATF 16949.",
            ])
            .maps(F::Certifications),
            q(
                "machine_park",
                long(5000),
                ["Park maszynowy", "Machine park", "Станочный парк"],
            )
            .help([
                "Jedna pozycja w wierszu, np. 3 x tokarka CNC.",
                "One item per line, e.g. 3 x CNC lathe.",
                "По одной позиции в строке, например: 3 x токарный станок с ЧПУ.",
            ])
            .maps(F::MachinePark),
            q(
                "production_capacity",
                long(5000),
                [
                    "Moce produkcyjne",
                    "Production capacity",
                    "Производственные мощности",
                ],
            )
            .help([
                "Np. wolne moce, zmiany, wielkości serii.",
                "E.g. free capacity, shifts, batch sizes.",
                "Например: свободные мощности, сменность, размеры партий.",
            ])
            .maps(F::ProductionCapacity),
            q(
                "size_class",
                K::SingleChoice,
                [
                    "Wielkość przedsiębiorstwa",
                    "Enterprise size",
                    "Размер предприятия",
                ],
            )
            .options(&sizes)
            .maps(F::SizeClass),
            q(
                "employees",
                K::Number {
                    min: Some(0.0),
                    max: Some(10_000_000.0),
                    integer: true,
                },
                [
                    "Liczba pracowników",
                    "Number of employees",
                    "Численность работников",
                ],
            )
            .maps(F::Employees),
        ],
    );

    let markets = section(
        "markets",
        ["Rynki i języki", "Markets and languages", "Рынки и языки"],
        vec![
            q(
                "export_markets",
                K::CountryPicker { multiple: true },
                ["Rynki eksportowe", "Export markets", "Экспортные рынки"],
            )
            .maps(F::ExportMarkets),
            q(
                "languages",
                K::MultipleChoice,
                [
                    "Języki, w których prowadzimy rozmowy",
                    "Languages we do business in",
                    "Языки, на которых мы ведём переговоры",
                ],
            )
            .options(&LANGUAGE_OPTIONS)
            .maps(F::Languages),
        ],
    );

    let cooperation = section(
        "cooperation",
        [
            "Zainteresowanie współpracą",
            "Interest in cooperation",
            "Интерес к сотрудничеству",
        ],
        vec![
            q(
                "interests",
                K::MultipleChoice,
                [
                    "Jakimi formami współpracy jesteście zainteresowani?",
                    "Which forms of cooperation interest you?",
                    "Какие формы сотрудничества вас интересуют?",
                ],
            )
            .required()
            .options(&INTERESTS),
            q(
                "seeking",
                long(3000),
                [
                    "Czego szukacie u partnerów?",
                    "What are you looking for in partners?",
                    "Что вы ищете у партнёров?",
                ],
            ),
            q(
                "offering",
                long(3000),
                [
                    "Co możecie zaoferować partnerom?",
                    "What can you offer partners?",
                    "Что вы можете предложить партнёрам?",
                ],
            ),
        ],
    );

    let contact = section(
        "contact",
        ["Osoba do kontaktu", "Contact person", "Контактное лицо"],
        vec![
            q(
                "name",
                short(200),
                ["Imię i nazwisko", "Full name", "Имя и фамилия"],
            )
            .maps(F::ContactName),
            q("role", short(200), ["Stanowisko", "Position", "Должность"]).maps(F::ContactRole),
            q(
                "email",
                short(254),
                ["E-mail", "E-mail", "Электронная почта"],
            )
            .maps(F::ContactEmail),
            q("phone", short(40), ["Telefon", "Phone", "Телефон"]).maps(F::ContactPhone),
        ],
    );

    let consent = section(
        "consent",
        ["Zgody", "Consent", "Согласие"],
        vec![
            q(
                "publish",
                K::YesNo,
                [
                    "Wyrażam zgodę na przetwarzanie podanych danych i opublikowanie profilu organizacji w katalogu Klaster. Dane osobowe osoby do kontaktu można w każdej chwili wyeksportować lub usunąć.",
                    "I agree to the processing of the data given and to the publication of the organisation's profile in the Klaster directory. The contact person's personal data can be exported or erased at any time.",
                    "Даю согласие на обработку указанных данных и публикацию профиля организации в каталоге Klaster. Персональные данные контактного лица можно в любой момент выгрузить или удалить.",
                ],
            )
            .required()
            .must_be_yes(),
        ],
    );

    Questionnaire {
        key: DEFAULT_QUESTIONNAIRE_KEY.to_string(),
        version: 1,
        title: t([
            "Ankieta współpracy klastrowej",
            "Cluster cooperation questionnaire",
            "Анкета кластерного сотрудничества",
        ]),
        languages: LANGUAGES.iter().map(|l| l.to_string()).collect(),
        sections: vec![company, activity, markets, cooperation, contact, consent],
    }
}

impl Question {
    fn must_be_yes(mut self) -> Self {
        self.must_be_yes = true;
        self
    }
}
