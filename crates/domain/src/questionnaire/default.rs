//! The default "cluster cooperation questionnaire", in Polish and English.

use super::{ChoiceOption, ProfileField as F, Question, QuestionKind as K, Questionnaire, Section};
use crate::org::{OrgKind, SizeClass};
use crate::text::LocalizedText;

pub const DEFAULT_QUESTIONNAIRE_KEY: &str = "cluster-cooperation";

fn t(pl: &str, en: &str) -> Vec<LocalizedText> {
    vec![LocalizedText::new("pl", pl), LocalizedText::new("en", en)]
}

fn q(key: &str, kind: K, pl: &str, en: &str) -> Question {
    Question {
        key: key.to_string(),
        kind,
        required: false,
        text: t(pl, en),
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
    fn help(mut self, pl: &str, en: &str) -> Self {
        self.help = t(pl, en);
        self
    }
    fn options(mut self, options: &[(&str, &str, &str)]) -> Self {
        self.options = options
            .iter()
            .map(|(value, pl, en)| ChoiceOption {
                value: value.to_string(),
                text: t(pl, en),
            })
            .collect();
        self
    }
}

fn section(key: &str, pl: &str, en: &str, questions: Vec<Question>) -> Section {
    Section {
        key: key.to_string(),
        title: t(pl, en),
        questions,
    }
}

fn short(max_len: usize) -> K {
    K::ShortText { max_len }
}

fn long(max_len: usize) -> K {
    K::LongText { max_len }
}

fn org_kind_label(kind: OrgKind) -> (&'static str, &'static str) {
    match kind {
        OrgKind::Company => ("Przedsiębiorstwo", "Company"),
        OrgKind::ClusterOrganisation => (
            "Organizacja klastrowa (koordynator klastra)",
            "Cluster organisation",
        ),
        OrgKind::DevelopmentAgency => ("Agencja rozwoju", "Development agency"),
        OrgKind::Foundation => ("Fundacja", "Foundation"),
        OrgKind::Chamber => ("Izba gospodarcza", "Chamber of commerce"),
        OrgKind::Association => ("Stowarzyszenie", "Association"),
        OrgKind::University => ("Uczelnia", "University"),
        OrgKind::ResearchInstitute => ("Instytut badawczy", "Research institute"),
        OrgKind::PublicAuthority => ("Instytucja publiczna", "Public authority"),
    }
}

fn size_label(size: SizeClass) -> (&'static str, &'static str) {
    match size {
        SizeClass::Micro => (
            "Mikroprzedsiębiorstwo (do 9 osób)",
            "Micro enterprise (up to 9 staff)",
        ),
        SizeClass::Small => (
            "Małe przedsiębiorstwo (10–49 osób)",
            "Small enterprise (10–49 staff)",
        ),
        SizeClass::Medium => (
            "Średnie przedsiębiorstwo (50–249 osób)",
            "Medium-sized enterprise (50–249 staff)",
        ),
        SizeClass::Large => (
            "Duże przedsiębiorstwo (250 osób i więcej)",
            "Large enterprise (250 staff or more)",
        ),
    }
}

/// Languages offered: the working languages of Klaster and a few more common in trade.
const LANGUAGE_OPTIONS: [(&str, &str, &str); 16] = [
    ("pl", "polski", "Polish"),
    ("en", "angielski", "English"),
    ("de", "niemiecki", "German"),
    ("ru", "rosyjski", "Russian"),
    ("be", "białoruski", "Belarusian"),
    ("uk", "ukraiński", "Ukrainian"),
    ("lt", "litewski", "Lithuanian"),
    ("cs", "czeski", "Czech"),
    ("sk", "słowacki", "Slovak"),
    ("hu", "węgierski", "Hungarian"),
    ("ro", "rumuński", "Romanian"),
    ("bg", "bułgarski", "Bulgarian"),
    ("it", "włoski", "Italian"),
    ("fr", "francuski", "French"),
    ("es", "hiszpański", "Spanish"),
    ("zh", "chiński", "Chinese"),
];

const INTERESTS: [(&str, &str, &str); 7] = [
    (
        "subcontracting",
        "Podwykonawstwo (wykonujemy zlecenia innych)",
        "Subcontracting (we work for others)",
    ),
    (
        "taking_over_orders",
        "Przejmowanie zleceń od partnerów",
        "Taking over orders from partners",
    ),
    (
        "handing_over_orders",
        "Przekazywanie zleceń partnerom",
        "Handing over orders to partners",
    ),
    (
        "joint_projects",
        "Wspólne projekty (np. B+R, inwestycje, fundusze UE)",
        "Joint projects (e.g. R&D, investment, EU funds)",
    ),
    (
        "joint_trade_fairs",
        "Wspólne targi i misje gospodarcze",
        "Joint trade fairs and business missions",
    ),
    (
        "export",
        "Wspólny eksport i wejście na nowe rynki",
        "Joint export and entering new markets",
    ),
    (
        "rnd_with_universities",
        "Współpraca B+R z uczelniami i instytutami",
        "R&D with universities and institutes",
    ),
];

/// The questionnaire by which firms and institutions enter the directory: their profile and
/// their interest in cooperation. Version 1, Polish first.
pub fn default_questionnaire() -> Questionnaire {
    let kinds: Vec<(&str, &str, &str)> = OrgKind::ALL
        .iter()
        .map(|k| {
            let (pl, en) = org_kind_label(*k);
            (k.as_str(), pl, en)
        })
        .collect();
    let sizes: Vec<(&str, &str, &str)> = SizeClass::ALL
        .iter()
        .map(|s| {
            let (pl, en) = size_label(*s);
            (s.as_str(), pl, en)
        })
        .collect();

    let company = section(
        "company",
        "Dane organizacji",
        "Organisation details",
        vec![
            q("name", short(300), "Pełna nazwa", "Full name")
                .required()
                .maps(F::Name),
            q("short_name", short(100), "Nazwa skrócona", "Short name").maps(F::ShortName),
            q(
                "kind",
                K::SingleChoice,
                "Rodzaj organizacji",
                "Kind of organisation",
            )
            .required()
            .options(&kinds)
            .maps(F::Kind),
            q(
                "country",
                K::CountryPicker { multiple: false },
                "Kraj siedziby",
                "Country of registered office",
            )
            .required()
            .maps(F::Country),
            q("nip", short(20), "NIP", "Polish tax number (NIP)")
                .help(
                    "Dla podmiotów zarejestrowanych w Polsce.",
                    "For organisations registered in Poland.",
                )
                .maps(F::Nip),
            q(
                "regon",
                short(20),
                "REGON",
                "Polish statistical number (REGON)",
            )
            .maps(F::Regon),
            q(
                "krs",
                short(20),
                "Numer KRS",
                "National Court Register number (KRS)",
            )
            .maps(F::Krs),
            q("eu_vat", short(20), "Numer VAT UE", "EU VAT number")
                .help(
                    "Z prefiksem kraju, np. DE123456789.",
                    "With the country prefix, e.g. DE123456789.",
                )
                .maps(F::EuVat),
            q("unp", short(20), "UNP (Białoruś)", "UNP (Belarus)").maps(F::Unp),
            q(
                "founded_year",
                K::Number {
                    min: Some(1000.0),
                    max: Some(2100.0),
                    integer: true,
                },
                "Rok założenia",
                "Year founded",
            )
            .maps(F::FoundedYear),
            q(
                "region",
                K::RegionPicker,
                "Region (NUTS lub obwód)",
                "Region (NUTS or Belarusian region)",
            )
            .maps(F::Region),
            q("street", short(200), "Ulica i numer", "Street and number").maps(F::Street),
            q("postal_code", short(20), "Kod pocztowy", "Postal code").maps(F::PostalCode),
            q("city", short(200), "Miejscowość", "City").maps(F::City),
            q("website", short(2048), "Strona internetowa", "Website").maps(F::Website),
            q("email", short(254), "E-mail", "E-mail")
                .required()
                .maps(F::Email),
            q("phone", short(40), "Telefon", "Phone").maps(F::Phone),
        ],
    );

    let activity = section(
        "activity",
        "Działalność",
        "Activity",
        vec![
            q(
                "nace_main",
                K::NacePicker { multiple: false },
                "Przeważająca działalność (PKD / NACE)",
                "Main activity (NACE)",
            )
            .required()
            .maps(F::NaceMain),
            q(
                "nace_other",
                K::NacePicker { multiple: true },
                "Pozostała działalność (PKD / NACE)",
                "Other activities (NACE)",
            )
            .maps(F::NaceOther),
            q(
                "description",
                long(5000),
                "Opis działalności",
                "Description of the activity",
            )
            .required()
            .maps(F::Description),
            q(
                "capabilities",
                long(2000),
                "Kompetencje i usługi",
                "Capabilities and services",
            )
            .help(
                "Oddzielone przecinkami, np. toczenie CNC, spawanie TIG.",
                "Separated by commas, e.g. CNC turning, TIG welding.",
            )
            .maps(F::Capabilities),
            q("keywords", short(500), "Słowa kluczowe", "Keywords")
                .help("Oddzielone przecinkami.", "Separated by commas.")
                .maps(F::Keywords),
            q(
                "certifications",
                short(500),
                "Certyfikaty",
                "Certifications",
            )
            .help(
                "Np. ISO 9001, ISO 14001, IATF 16949.",
                "E.g. ISO 9001, ISO 14001, IATF 16949.",
            )
            .maps(F::Certifications),
            q("machine_park", long(5000), "Park maszynowy", "Machine park")
                .help(
                    "Jedna pozycja w wierszu, np. 3 x tokarka CNC.",
                    "One item per line, e.g. 3 x CNC lathe.",
                )
                .maps(F::MachinePark),
            q(
                "production_capacity",
                long(5000),
                "Moce produkcyjne",
                "Production capacity",
            )
            .help(
                "Np. wolne moce, zmiany, wielkości serii.",
                "E.g. free capacity, shifts, batch sizes.",
            )
            .maps(F::ProductionCapacity),
            q(
                "size_class",
                K::SingleChoice,
                "Wielkość przedsiębiorstwa",
                "Enterprise size",
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
                "Liczba pracowników",
                "Number of employees",
            )
            .maps(F::Employees),
        ],
    );

    let markets = section(
        "markets",
        "Rynki i języki",
        "Markets and languages",
        vec![
            q(
                "export_markets",
                K::CountryPicker { multiple: true },
                "Rynki eksportowe",
                "Export markets",
            )
            .maps(F::ExportMarkets),
            q(
                "languages",
                K::MultipleChoice,
                "Języki, w których prowadzimy rozmowy",
                "Languages we do business in",
            )
            .options(&LANGUAGE_OPTIONS)
            .maps(F::Languages),
        ],
    );

    let cooperation = section(
        "cooperation",
        "Zainteresowanie współpracą",
        "Interest in cooperation",
        vec![
            q(
                "interests",
                K::MultipleChoice,
                "Jakimi formami współpracy jesteście zainteresowani?",
                "Which forms of cooperation interest you?",
            )
            .required()
            .options(&INTERESTS),
            q(
                "seeking",
                long(3000),
                "Czego szukacie u partnerów?",
                "What are you looking for in partners?",
            ),
            q(
                "offering",
                long(3000),
                "Co możecie zaoferować partnerom?",
                "What can you offer partners?",
            ),
        ],
    );

    let contact = section(
        "contact",
        "Osoba do kontaktu",
        "Contact person",
        vec![
            q("name", short(200), "Imię i nazwisko", "Full name").maps(F::ContactName),
            q("role", short(200), "Stanowisko", "Position").maps(F::ContactRole),
            q("email", short(254), "E-mail", "E-mail").maps(F::ContactEmail),
            q("phone", short(40), "Telefon", "Phone").maps(F::ContactPhone),
        ],
    );

    let consent = section(
        "consent",
        "Zgody",
        "Consent",
        vec![
            q(
                "publish",
                K::YesNo,
                "Wyrażam zgodę na przetwarzanie podanych danych i opublikowanie profilu organizacji w katalogu Klaster. Dane osobowe osoby do kontaktu można w każdej chwili wyeksportować lub usunąć.",
                "I agree to the processing of the data given and to the publication of the organisation's profile in the Klaster directory. The contact person's personal data can be exported or erased at any time.",
            )
            .required()
            .must_be_yes(),
        ],
    );

    Questionnaire {
        key: DEFAULT_QUESTIONNAIRE_KEY.to_string(),
        version: 1,
        title: t(
            "Ankieta współpracy klastrowej",
            "Cluster cooperation questionnaire",
        ),
        languages: vec!["pl".to_string(), "en".to_string()],
        sections: vec![company, activity, markets, cooperation, contact, consent],
    }
}

impl Question {
    fn must_be_yes(mut self) -> Self {
        self.must_be_yes = true;
        self
    }
}
