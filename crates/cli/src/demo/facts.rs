//! The real organisations, clusters, statuses, projects, events and agreements of the Podlaskie
//! cluster ecosystem and its Belarusian partners, from public press releases and news (2003–2019;
//! sources in [`SOURCES`]). Only what the sources say is here: no legal identifiers, streets or
//! people. Where a date is vaguer than a day, the first day of a plausible month stands in and
//! a note says so.

use anyhow::Context;
use chrono::NaiveDate;
use klaster_domain::{
    Address, ClusterStatusInput, ClusterStatusKind, LocalizedText, OrgKind, OrganisationInput,
};
use serde::Serialize;

pub const SOURCES: &[&str] = &[
    "ddb24.pl, \"Białorusini chcą korzystać z podlaskich doświadczeń\" (2018)",
    "PFRR press release, \"Wizyta studyjna delegacji z Białorusi\" (Dec 2017)",
    "polskapomoc.gov.pl, \"Rozwój systemu klastrowego na Białorusi\" (28 Jan 2019)",
    "Polish Aid, \"Belarusian delegation learns about Podlasie clusters\" (July 2019)",
    "Marshal Office of Podlaskie, \"Rozwój Klastrów Przemysłowych w Obszarze CADSES\" (2003–2004)",
];

/// The Polish name of the Metal Processing Cluster: its presence marks a loaded demo.
pub const MARKER_NAME: &str = "Klaster Obróbki Metali";

pub fn date(y: i32, m: u32, d: u32) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).with_context(|| format!("invalid date {y}-{m}-{d}"))
}

fn texts(items: &[(&str, &str)]) -> Vec<LocalizedText> {
    items
        .iter()
        .map(|(l, t)| LocalizedText::new(*l, *t))
        .collect()
}

/// A real organisation, known to the loader by `key`.
pub struct RealOrg {
    pub key: &'static str,
    pub input: OrganisationInput,
}

struct Spec {
    key: &'static str,
    kind: OrgKind,
    country: &'static str,
    region: Option<&'static str>,
    city: Option<&'static str>,
    short: Option<&'static str>,
    names: &'static [(&'static str, &'static str)],
    nace: &'static [&'static str],
    languages: &'static [&'static str],
    description: &'static [(&'static str, &'static str)],
}

impl Spec {
    fn build(&self) -> RealOrg {
        RealOrg {
            key: self.key,
            input: OrganisationInput {
                names: texts(self.names),
                short_name: self.short.map(str::to_string),
                kind: Some(self.kind),
                country: Some(self.country.into()),
                region: self.region.map(str::to_string),
                address: Address {
                    city: self.city.map(str::to_string),
                    ..Address::default()
                },
                nace_main: self.nace.first().map(|c| c.to_string()),
                nace_other: self.nace.iter().skip(1).map(|c| c.to_string()).collect(),
                languages: self.languages.iter().map(|l| l.to_string()).collect(),
                description: texts(self.description),
                ..OrganisationInput::default()
            },
        }
    }
}

const PL_LANGS: &[&str] = &["pl", "en"];
const BY_LANGS: &[&str] = &["ru", "be", "en"];
const IT_LANGS: &[&str] = &["it", "en"];

/// The seven cluster organisations of Podlaskie. Keys are used by [`CLUSTERS`] and the loader.
const CLUSTER_ORGS: &[Spec] = &[
    Spec {
        key: "kom",
        kind: OrgKind::ClusterOrganisation,
        country: "PL",
        region: Some("PL841"),
        city: Some("Białystok"),
        short: None,
        names: &[
            ("pl", "Klaster Obróbki Metali"),
            ("en", "Metal Processing Cluster"),
        ],
        nace: &["25", "28.30"],
        languages: PL_LANGS,
        description: &[
            (
                "pl",
                "Klaster firm obróbki metali i producentów maszyn z województwa podlaskiego. Krajowy Klaster Kluczowy, który – według źródeł z 2019 r. – niedawno przeszedł recertyfikację. Prezes klastra jest aktywnym ekspertem w budowaniu klastrów na Białorusi. Klaster był prezentowany delegacji białoruskiej w lipcu 2019 r.",
            ),
            (
                "en",
                "Cluster of metal-processing firms and machinery makers of Podlaskie. A Key National Cluster that, according to 2019 sources, recently passed recertification. Its president is an active expert in cluster building in Belarus. Presented to a Belarusian delegation in July 2019.",
            ),
        ],
    },
    Spec {
        key: "pkb",
        kind: OrgKind::ClusterOrganisation,
        country: "PL",
        region: Some("PL841"),
        city: None,
        short: None,
        names: &[
            ("pl", "Polski Klaster Budowlany"),
            ("en", "Polish Construction Cluster"),
        ],
        nace: &["41", "42", "43"],
        languages: PL_LANGS,
        description: &[
            (
                "pl",
                "Klaster branży budowlanej. Krajowy Klaster Kluczowy, który – według źródeł z 2019 r. – niedawno przeszedł recertyfikację. Prezentowany delegacji białoruskiej w lipcu 2019 r.",
            ),
            (
                "en",
                "Construction-industry cluster. A Key National Cluster that, according to 2019 sources, recently passed recertification. Presented to a Belarusian delegation in July 2019.",
            ),
        ],
    },
    Spec {
        key: "wkb",
        kind: OrgKind::ClusterOrganisation,
        country: "PL",
        region: Some("PL841"),
        city: Some("Białystok"),
        short: None,
        names: &[
            ("pl", "Wschodni Klaster Budowlany"),
            ("en", "Eastern Construction Cluster"),
        ],
        nace: &["41", "42", "43"],
        languages: &["pl", "en", "ru"],
        description: &[
            (
                "pl",
                "Klaster budowlany z Białegostoku. Biuro klastra ma dyrektora ds. kontaktów zagranicznych. 8 grudnia 2017 r. klaster podpisał listy intencyjne z Pińskim Miejskim Komitetem Wykonawczym oraz z firmą „Inaleks Energy” z Białorusi.",
            ),
            (
                "en",
                "Construction cluster based in Białystok. Its cluster office has a director for foreign contacts. On 8 December 2017 it signed letters of intent with the Pinsk City Executive Committee and with \"Inaleks Energy\" LLC of Belarus.",
            ),
            (
                "ru",
                "Строительный кластер из Белостока. В офисе кластера есть директор по международным контактам. 8 декабря 2017 г. кластер подписал письма о намерениях с Пинским горисполкомом и ООО «Иналекс Энерджи».",
            ),
        ],
    },
    Spec {
        key: "eko",
        kind: OrgKind::ClusterOrganisation,
        country: "PL",
        region: Some("PL841"),
        city: None,
        short: None,
        names: &[
            ("pl", "Północno-Wschodni Klaster Eko-Energetyczny"),
            ("en", "North-East Eco-Energy Cluster"),
        ],
        nace: &["35.11"],
        languages: PL_LANGS,
        description: &[
            (
                "pl",
                "Klaster odnawialnych źródeł energii z północno-wschodniej Polski. Prezentowany delegacji białoruskiej w lipcu 2019 r.",
            ),
            (
                "en",
                "Renewable-energy cluster of north-eastern Poland. Presented to a Belarusian delegation in July 2019.",
            ),
        ],
    },
    Spec {
        key: "infotech",
        kind: OrgKind::ClusterOrganisation,
        country: "PL",
        region: Some("PL841"),
        city: None,
        short: Some("InfoTech"),
        names: &[
            ("pl", "Klaster Technologiczny InfoTech"),
            ("en", "InfoTech Technology Cluster"),
        ],
        nace: &["62.01"],
        languages: PL_LANGS,
        description: &[
            (
                "pl",
                "Klaster branży IT z województwa podlaskiego. Prezentowany delegacji białoruskiej w lipcu 2019 r.",
            ),
            (
                "en",
                "IT cluster of Podlaskie. Presented to a Belarusian delegation in July 2019.",
            ),
        ],
    },
    Spec {
        key: "lingerie",
        kind: OrgKind::ClusterOrganisation,
        country: "PL",
        region: Some("PL841"),
        city: None,
        short: None,
        names: &[
            ("pl", "Klaster bieliźniarski (Podlaskie)"),
            ("en", "Lingerie cluster (Podlaskie)"),
        ],
        nace: &["14.14"],
        languages: PL_LANGS,
        description: &[
            (
                "pl",
                "Organizacja klastrowa branży bieliźniarskiej w województwie podlaskim. Źródła nie podają jej nazwy, więc nazwa w katalogu jest opisowa.",
            ),
            (
                "en",
                "Cluster organisation of the lingerie branch in Podlaskie. The sources do not give its name, so the directory uses a descriptive one.",
            ),
        ],
    },
    Spec {
        key: "food",
        kind: OrgKind::ClusterOrganisation,
        country: "PL",
        region: Some("PL841"),
        city: None,
        short: None,
        names: &[
            ("pl", "Klaster spożywczy (Podlaskie)"),
            ("en", "Food cluster (Podlaskie)"),
        ],
        nace: &["10.51"],
        languages: PL_LANGS,
        description: &[
            (
                "pl",
                "Organizacja klastrowa branży spożywczej w województwie podlaskim. Źródła nie podają jej nazwy, więc nazwa w katalogu jest opisowa.",
            ),
            (
                "en",
                "Cluster organisation of the food branch in Podlaskie. The sources do not give its name, so the directory uses a descriptive one.",
            ),
        ],
    },
];

const INSTITUTIONS: &[Spec] = &[
    Spec {
        key: "pfrr",
        kind: OrgKind::Foundation,
        country: "PL",
        region: Some("PL841"),
        city: Some("Białystok"),
        short: Some("PFRR"),
        names: &[
            ("pl", "Podlaska Fundacja Rozwoju Regionalnego"),
            ("en", "Podlasie Regional Development Foundation"),
        ],
        nace: &[],
        languages: &["pl", "en", "ru"],
        description: &[
            (
                "pl",
                "Regionalna agencja rozwoju w formie fundacji. Realizuje projekt Polskiej pomocy „Wdrożenie systemu klastrowego na Białorusi” (od 2018 r.) i w 2018 r. podpisała umowę o współpracy z Wolną Strefą Ekonomiczną „Mohylew”.",
            ),
            (
                "en",
                "Regional development agency set up as a foundation. Runs the Polish Aid project \"Implementation of the Cluster System in Belarus\" (from 2018) and in 2018 signed a cooperation agreement with the Free Economic Zone \"Mogilev\".",
            ),
            (
                "ru",
                "Региональное агентство развития в форме фонда. Реализует проект Польской помощи «Внедрение кластерной системы в Беларуси» (с 2018 г.); в 2018 г. подписало соглашение о сотрудничестве со СЭЗ «Могилев».",
            ),
        ],
    },
    Spec {
        key: "umwp",
        kind: OrgKind::PublicAuthority,
        country: "PL",
        region: Some("PL841"),
        city: Some("Białystok"),
        short: None,
        names: &[
            ("pl", "Urząd Marszałkowski Województwa Podlaskiego"),
            ("en", "Marshal Office of Podlaskie Voivodeship"),
        ],
        nace: &["84.11"],
        languages: PL_LANGS,
        description: &[
            (
                "pl",
                "Samorząd województwa; zarządza Regionalnym Programem Operacyjnym Województwa Podlaskiego, z którego finansowane są inicjatywy klastrowe. Uczestniczył w projekcie „Rozwój Klastrów Przemysłowych w Obszarze CADSES” (Interreg III B, 2003–2004).",
            ),
            (
                "en",
                "Regional government; manages the Regional Operational Programme of Podlaskie Voivodeship, which funds cluster initiatives. Took part in the CADSES project \"Industrial Clusters Development\" (Interreg III B, 2003–2004).",
            ),
        ],
    },
    Spec {
        key: "pb",
        kind: OrgKind::University,
        country: "PL",
        region: Some("PL841"),
        city: Some("Białystok"),
        short: None,
        names: &[
            ("pl", "Politechnika Białostocka"),
            ("en", "Bialystok University of Technology"),
        ],
        nace: &["85.42"],
        languages: PL_LANGS,
        description: &[
            (
                "pl",
                "Uczelnia techniczna w Białymstoku z Instytutem Innowacji i Technologii. Odwiedzona przez delegację białoruską w lipcu 2019 r.",
            ),
            (
                "en",
                "Technical university in Białystok with an Institute of Innovation and Technology. Visited by a Belarusian delegation in July 2019.",
            ),
        ],
    },
    Spec {
        key: "explorer",
        kind: OrgKind::DevelopmentAgency,
        country: "PL",
        region: Some("PL841"),
        city: Some("Białystok"),
        short: None,
        names: &[("pl", "Explorer HQ"), ("en", "Explorer HQ")],
        nace: &[],
        languages: PL_LANGS,
        description: &[
            (
                "pl",
                "Miejsce dla start-upów, mikroprzedsiębiorców i freelancerów w Białymstoku. Odwiedzone przez delegację białoruską w grudniu 2017 r.",
            ),
            (
                "en",
                "Hub for start-ups, micro-entrepreneurs and freelancers in Białystok. Visited by a Belarusian delegation in December 2017.",
            ),
        ],
    },
    Spec {
        key: "ibngr",
        kind: OrgKind::ResearchInstitute,
        country: "PL",
        region: Some("PL633"),
        city: Some("Gdańsk"),
        short: Some("IBnGR"),
        names: &[
            ("pl", "Instytut Badań nad Gospodarką Rynkową"),
            ("en", "Gdańsk Institute for Market Economics"),
        ],
        nace: &["72.20"],
        languages: PL_LANGS,
        description: &[
            ("pl", "Instytut badawczy, który badał klastry w Polsce."),
            ("en", "Research institute that studied clusters in Poland."),
        ],
    },
    Spec {
        key: "minecon_by",
        kind: OrgKind::PublicAuthority,
        country: "BY",
        region: Some("BY-HM"),
        city: Some("Минск"),
        short: None,
        names: &[
            ("ru", "Министерство экономики Республики Беларусь"),
            ("be", "Міністэрства эканомікі Рэспублікі Беларусь"),
            ("en", "Ministry of Economy of the Republic of Belarus"),
        ],
        nace: &["84.13"],
        languages: BY_LANGS,
        description: &[
            (
                "ru",
                "Орган государственного управления; в контактах с польскими кластерами участвуют Департамент развития предпринимательства и Департамент инноваций. Представители министерства были в составе белорусской делегации, посетившей Подляшье осенью 2018 г.",
            ),
            (
                "en",
                "Public authority; its Department of Entrepreneurship Development and Department of Innovation are involved in contacts with Polish clusters. Ministry staff were among the Belarusian delegation that visited Podlaskie in autumn 2018.",
            ),
            (
                "pl",
                "Organ administracji państwowej; w kontaktach z polskimi klastrami uczestniczą Departament Rozwoju Przedsiębiorczości i Departament Innowacji. Przedstawiciele ministerstwa byli w delegacji białoruskiej, która jesienią 2018 r. odwiedziła Podlasie.",
            ),
        ],
    },
    Spec {
        key: "fez_mogilev",
        kind: OrgKind::PublicAuthority,
        country: "BY",
        region: Some("BY-MA"),
        city: Some("Могилёв"),
        short: Some("СЭЗ «Могилев»"),
        names: &[
            ("ru", "Свободная экономическая зона «Могилев»"),
            ("en", "Free Economic Zone \"Mogilev\""),
            ("pl", "Wolna Strefa Ekonomiczna „Mohylew”"),
        ],
        nace: &["84.13"],
        languages: BY_LANGS,
        description: &[
            (
                "ru",
                "Администрация свободной экономической зоны в Могилеве. В 2018 г. подписала соглашение о сотрудничестве с Подляшским фондом регионального развития.",
            ),
            (
                "en",
                "Administration of the free economic zone in Mogilev. In 2018 it signed a cooperation agreement with the Podlasie Regional Development Foundation.",
            ),
            (
                "pl",
                "Administracja wolnej strefy ekonomicznej w Mohylewie. W 2018 r. podpisała umowę o współpracy z Podlaską Fundacją Rozwoju Regionalnego.",
            ),
        ],
    },
    Spec {
        key: "pinsk",
        kind: OrgKind::PublicAuthority,
        country: "BY",
        region: Some("BY-BR"),
        city: Some("Пинск"),
        short: Some("Пинский горисполком"),
        names: &[
            ("ru", "Пинский городской исполнительный комитет"),
            ("be", "Пінскі гарадскі выканаўчы камітэт"),
            ("en", "Pinsk City Executive Committee"),
        ],
        nace: &["84.11"],
        languages: BY_LANGS,
        description: &[
            (
                "ru",
                "Местный орган власти Пинска. 8 декабря 2017 г. в Белостоке подписал письмо о намерениях с Восточным строительным кластером.",
            ),
            (
                "en",
                "Local government of Pinsk. On 8 December 2017 in Białystok it signed a letter of intent with the Eastern Construction Cluster.",
            ),
            (
                "pl",
                "Władze lokalne Pińska. 8 grudnia 2017 r. w Białymstoku podpisały list intencyjny ze Wschodnim Klastrem Budowlanym.",
            ),
        ],
    },
    Spec {
        key: "inaleks",
        kind: OrgKind::Company,
        country: "BY",
        region: None,
        city: None,
        short: None,
        names: &[
            ("ru", "ООО «Иналекс Энерджи»"),
            ("en", "\"Inaleks Energy\" LLC"),
        ],
        nace: &["35"],
        languages: BY_LANGS,
        description: &[
            (
                "ru",
                "Белорусская энергетическая компания. 8 декабря 2017 г. подписала письмо о намерениях с Восточным строительным кластером.",
            ),
            (
                "en",
                "Belarusian energy company. On 8 December 2017 it signed a letter of intent with the Eastern Construction Cluster.",
            ),
            (
                "pl",
                "Białoruska firma energetyczna. 8 grudnia 2017 r. podpisała list intencyjny ze Wschodnim Klastrem Budowlanym.",
            ),
        ],
    },
    Spec {
        key: "rep_foundation",
        kind: OrgKind::Foundation,
        country: "BY",
        region: None,
        city: None,
        short: None,
        names: &[
            (
                "ru",
                "Республиканский фонд содействия развитию предпринимательства",
            ),
            (
                "en",
                "Republican Foundation for the Promotion of Entrepreneurship",
            ),
        ],
        nace: &[],
        languages: BY_LANGS,
        description: &[
            ("ru", "Белорусская организация поддержки бизнеса."),
            ("en", "Belarusian business-support institution."),
            ("pl", "Białoruska instytucja otoczenia biznesu."),
        ],
    },
    Spec {
        key: "edc",
        kind: OrgKind::PublicAuthority,
        country: "BY",
        region: Some("BY-HM"),
        city: Some("Минск"),
        short: None,
        names: &[
            (
                "ru",
                "Совет по развитию предпринимательства при Администрации Президента Республики Беларусь",
            ),
            (
                "en",
                "Entrepreneurship Development Council at the Administration of the President of Belarus",
            ),
        ],
        nace: &[],
        languages: BY_LANGS,
        description: &[
            (
                "ru",
                "Государственный совещательный орган; партнёр проекта «Внедрение кластерной системы в Беларуси».",
            ),
            (
                "en",
                "Public body; partner of the project \"Implementation of the Cluster System in Belarus\".",
            ),
            (
                "pl",
                "Organ publiczny; partner projektu „Wdrożenie systemu klastrowego na Białorusi”.",
            ),
        ],
    },
    Spec {
        key: "kuniauski",
        kind: OrgKind::Association,
        country: "BY",
        region: None,
        city: None,
        short: None,
        names: &[
            (
                "ru",
                "Ассоциация предпринимателей и нанимателей имени Кунявского",
            ),
            ("en", "Kuniauski Association of Entrepreneurs and Employers"),
        ],
        nace: &["94.11"],
        languages: BY_LANGS,
        description: &[
            (
                "ru",
                "Белорусское объединение предпринимателей и нанимателей; партнёр проекта «Внедрение кластерной системы в Беларуси».",
            ),
            (
                "en",
                "Belarusian business association; partner of the project \"Implementation of the Cluster System in Belarus\".",
            ),
            (
                "pl",
                "Białoruskie stowarzyszenie przedsiębiorców i pracodawców; partner projektu „Wdrożenie systemu klastrowego na Białorusi”.",
            ),
        ],
    },
    Spec {
        key: "lombardia",
        kind: OrgKind::PublicAuthority,
        country: "IT",
        region: Some("ITC4"),
        city: Some("Milano"),
        short: None,
        names: &[("it", "Regione Lombardia"), ("en", "Lombardy Region")],
        nace: &["84.11"],
        languages: IT_LANGS,
        description: &[
            (
                "it",
                "Capofila del progetto CADSES \"Industrial Clusters Development\" (Interreg III B).",
            ),
            (
                "en",
                "Lead partner of the CADSES project \"Industrial Clusters Development\" (Interreg III B).",
            ),
        ],
    },
    Spec {
        key: "emilia",
        kind: OrgKind::PublicAuthority,
        country: "IT",
        region: Some("ITH5"),
        city: Some("Bologna"),
        short: None,
        names: &[
            ("it", "Regione Emilia-Romagna"),
            ("en", "Emilia-Romagna Region"),
        ],
        nace: &["84.11"],
        languages: IT_LANGS,
        description: &[
            (
                "it",
                "Partner del progetto CADSES \"Industrial Clusters Development\" (Interreg III B).",
            ),
            (
                "en",
                "Partner of the CADSES project \"Industrial Clusters Development\" (Interreg III B).",
            ),
        ],
    },
    Spec {
        key: "san_daniele",
        kind: OrgKind::PublicAuthority,
        country: "IT",
        region: Some("ITH4"),
        city: Some("San Daniele del Friuli"),
        short: None,
        names: &[
            ("it", "Area di San Daniele del Friuli"),
            ("en", "San Daniele del Friuli area"),
        ],
        nace: &["84.11"],
        languages: IT_LANGS,
        description: &[
            (
                "it",
                "Partner del progetto CADSES \"Industrial Clusters Development\" (Interreg III B), in Friuli-Venezia Giulia.",
            ),
            (
                "en",
                "Partner of the CADSES project \"Industrial Clusters Development\" (Interreg III B), in Friuli-Venezia Giulia.",
            ),
        ],
    },
    Spec {
        key: "abruzzo",
        kind: OrgKind::PublicAuthority,
        country: "IT",
        region: Some("ITF1"),
        city: Some("L'Aquila"),
        short: None,
        names: &[("it", "Regione Abruzzo"), ("en", "Abruzzo Region")],
        nace: &["84.11"],
        languages: IT_LANGS,
        description: &[
            (
                "it",
                "Partner del progetto CADSES \"Industrial Clusters Development\" (Interreg III B).",
            ),
            (
                "en",
                "Partner of the CADSES project \"Industrial Clusters Development\" (Interreg III B).",
            ),
        ],
    },
    Spec {
        key: "marche",
        kind: OrgKind::PublicAuthority,
        country: "IT",
        region: Some("ITI3"),
        city: Some("Ancona"),
        short: None,
        names: &[("it", "Regione Marche"), ("en", "Marche Region")],
        nace: &["84.11"],
        languages: IT_LANGS,
        description: &[
            (
                "it",
                "Partner del progetto CADSES \"Industrial Clusters Development\" (Interreg III B).",
            ),
            (
                "en",
                "Partner of the CADSES project \"Industrial Clusters Development\" (Interreg III B).",
            ),
        ],
    },
];

/// All real organisations: the clusters first, then the institutions.
pub fn organisations() -> Vec<RealOrg> {
    CLUSTER_ORGS
        .iter()
        .chain(INSTITUTIONS)
        .map(Spec::build)
        .collect()
}

/// What the loader needs to know about each cluster organisation.
pub struct ClusterFact {
    pub key: &'static str,
    pub branches: &'static [&'static str],
    pub regions: &'static [&'static str],
    /// Start of the synthetic membership history (the sources give no founding dates; the
    /// year only bounds the generated `joined_on` dates).
    pub members_since: i32,
}

pub const CLUSTERS: &[ClusterFact] = &[
    ClusterFact {
        key: "kom",
        branches: &["25", "28.30", "28.41"],
        regions: &["PL84", "PL"],
        members_since: 2010,
    },
    ClusterFact {
        key: "pkb",
        branches: &["41", "42", "43", "23.61", "16.23"],
        regions: &["PL84", "PL"],
        members_since: 2012,
    },
    ClusterFact {
        key: "wkb",
        branches: &["41", "42", "43", "23.61", "16.23"],
        regions: &["PL84", "BY-BR", "BY-HR", "BY-HM"],
        members_since: 2013,
    },
    ClusterFact {
        key: "eko",
        branches: &["35.11", "43.21", "27.11", "33.14"],
        regions: &["PL84", "BY-HR"],
        members_since: 2012,
    },
    ClusterFact {
        key: "infotech",
        branches: &["62", "63.11", "58.29"],
        regions: &["PL84"],
        members_since: 2009,
    },
    ClusterFact {
        key: "lingerie",
        branches: &["14.14", "14.19", "13.96"],
        regions: &["PL84"],
        members_since: 2011,
    },
    ClusterFact {
        key: "food",
        branches: &["10.51", "10.52", "10.13", "10.71", "11.07"],
        regions: &["PL84"],
        members_since: 2014,
    },
];

const STATUS_NOTE: &str = "Dates are illustrative: the 2019 sources say only that the cluster recently passed recertification as a Key National Cluster; they give neither the grant nor the recertification date nor the end of validity.";

/// Key National Cluster statuses of the two clusters the sources name as such.
pub fn statuses() -> anyhow::Result<Vec<(&'static str, ClusterStatusInput)>> {
    let status = |granted: NaiveDate, recertified: NaiveDate| ClusterStatusInput {
        kind: ClusterStatusKind::KeyNationalCluster,
        label: Some("Krajowy Klaster Kluczowy".into()),
        granted_on: granted,
        valid_until: None,
        recertified_on: Some(recertified),
        granted_by: Some("Minister responsible for the economy (Poland)".into()),
        note: Some(STATUS_NOTE.into()),
    };
    Ok(vec![
        ("kom", status(date(2016, 1, 1)?, date(2019, 1, 1)?)),
        ("pkb", status(date(2016, 1, 1)?, date(2019, 1, 1)?)),
    ])
}

/// A project as stored (the `data` of a `projects` row).
#[derive(Debug, Clone, Serialize)]
pub struct ProjectDoc {
    pub title: Vec<LocalizedText>,
    pub programme: Option<String>,
    pub funding: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub date_note: Option<String>,
    pub description: Vec<LocalizedText>,
    /// Partners that are not organisations of the directory (countries, unnamed bodies).
    pub other_partners: Vec<String>,
    pub sources: Vec<String>,
}

pub struct ProjectFact {
    pub key: &'static str,
    pub doc: ProjectDoc,
    /// (organisation key, role).
    pub partners: Vec<(&'static str, &'static str)>,
}

fn s(v: &str) -> String {
    v.to_string()
}

pub fn projects() -> anyhow::Result<Vec<ProjectFact>> {
    Ok(vec![
        ProjectFact {
            key: "polish_aid",
            doc: ProjectDoc {
                title: texts(&[
                    ("pl", "Wdrożenie systemu klastrowego na Białorusi"),
                    ("en", "Implementation of the Cluster System in Belarus"),
                    ("ru", "Внедрение кластерной системы в Беларуси"),
                ]),
                programme: Some(s(
                    "Polish Aid (Polska pomoc) development cooperation programme",
                )),
                funding: Some(s(
                    "Co-financed by the Ministry of Foreign Affairs of the Republic of Poland",
                )),
                starts_on: Some(date(2018, 1, 1)?),
                ends_on: Some(date(2020, 12, 31)?),
                date_note: Some(s(
                    "Launched in 2018 for three years; the months are not known (1 January and 31 December are placeholders).",
                )),
                description: texts(&[
                    (
                        "pl",
                        "Cel: działający system klastrowy na Białorusi i klaster pilotażowy. Projekt prowadzi Podlaska Fundacja Rozwoju Regionalnego z dwoma partnerami białoruskimi.",
                    ),
                    (
                        "en",
                        "Aim: a working cluster system in Belarus and a pilot cluster. Run by the Podlasie Regional Development Foundation with two Belarusian partners.",
                    ),
                    (
                        "ru",
                        "Цель: работающая кластерная система в Беларуси и пилотный кластер. Проект реализует Подляшский фонд регионального развития с двумя белорусскими партнёрами.",
                    ),
                ]),
                other_partners: vec![],
                sources: vec![SOURCES[2].into(), SOURCES[3].into()],
            },
            partners: vec![
                ("pfrr", "lead_partner"),
                ("edc", "partner"),
                ("kuniauski", "partner"),
            ],
        },
        ProjectFact {
            key: "most",
            doc: ProjectDoc {
                title: texts(&[("en", "MOST"), ("pl", "MOST")]),
                programme: Some(s("European Union")),
                funding: Some(s("EU-funded")),
                starts_on: None,
                ends_on: None,
                date_note: Some(s(
                    "Project dates not given in the sources; its study visit to Białystok took place on 4–8 December 2017.",
                )),
                description: texts(&[
                    (
                        "en",
                        "EU-funded project to tighten contacts between Belarus and the EU and to exchange good practice.",
                    ),
                    (
                        "pl",
                        "Projekt finansowany przez UE, służący zacieśnieniu kontaktów Białorusi z UE i wymianie dobrych praktyk.",
                    ),
                    (
                        "ru",
                        "Финансируемый ЕС проект по укреплению контактов Беларуси с ЕС и обмену передовым опытом.",
                    ),
                ]),
                other_partners: vec![],
                sources: vec![SOURCES[1].into()],
            },
            partners: vec![("pfrr", "host_of_study_visit")],
        },
        ProjectFact {
            key: "undp",
            doc: ProjectDoc {
                title: texts(&[
                    (
                        "en",
                        "Support to economic development at the local level in the Republic of Belarus",
                    ),
                    (
                        "ru",
                        "Поддержка экономического развития на местном уровне в Республике Беларусь",
                    ),
                    (
                        "pl",
                        "Wsparcie rozwoju gospodarczego na poziomie lokalnym w Republice Białoruś",
                    ),
                ]),
                programme: Some(s("United Nations Development Programme (UNDP)")),
                funding: Some(s("EU-funded")),
                starts_on: None,
                ends_on: None,
                date_note: Some(s(
                    "Project dates not given in the sources; its study visit to Podlaskie took place in autumn 2018.",
                )),
                description: texts(&[
                    (
                        "en",
                        "EU-funded project run within the United Nations Development Programme.",
                    ),
                    (
                        "pl",
                        "Projekt finansowany przez UE, realizowany w ramach Programu Narodów Zjednoczonych ds. Rozwoju.",
                    ),
                    (
                        "ru",
                        "Финансируемый ЕС проект, реализуемый в рамках Программы развития ООН.",
                    ),
                ]),
                other_partners: vec![],
                sources: vec![SOURCES[0].into()],
            },
            partners: vec![("minecon_by", "participant")],
        },
        ProjectFact {
            key: "cadses",
            doc: ProjectDoc {
                title: texts(&[
                    ("en", "Industrial Clusters Development"),
                    ("pl", "Rozwój Klastrów Przemysłowych w Obszarze CADSES"),
                    ("it", "Sviluppo dei distretti industriali"),
                ]),
                programme: Some(s("Interreg III B CADSES")),
                funding: Some(s("European Union (Interreg III B)")),
                starts_on: Some(date(2003, 5, 26)?),
                ends_on: None,
                date_note: Some(s(
                    "Opened with the conference of 26–27 May 2003; the end date is not given.",
                )),
                description: texts(&[
                    (
                        "en",
                        "Four groups of work: (1) analysis identifying the industrial branches that could form clusters and rating their competitiveness; (2) a database of firms of the identified clusters and international cooperation agreements between firms and between institutions; (3) an internet business portal whose firms' cooperation offers are translated into several foreign languages, plus a feasibility study for a cluster development centre; (4) trainings, conferences, workshops and study trips. In Podlaskie, four candidate branches were named at first; the analysis then selected two: dairy and machinery (agricultural machinery).",
                    ),
                    (
                        "pl",
                        "Cztery grupy działań: (1) analiza identyfikująca branże zdolne do tworzenia klastrów i ocena ich konkurencyjności; (2) baza danych firm zidentyfikowanych klastrów oraz międzynarodowe umowy o współpracy między firmami i instytucjami; (3) internetowy portal gospodarczy z ofertami współpracy firm tłumaczonymi na kilka języków obcych oraz studium wykonalności centrum rozwoju klastrów; (4) szkolenia, konferencje, warsztaty i wyjazdy studyjne. W województwie podlaskim wskazano początkowo cztery branże; analiza wybrała dwie: mleczarską i maszynową (maszyny rolnicze).",
                    ),
                ]),
                other_partners: ["Austria", "Hungary", "Romania", "Bulgaria", "Czechia"]
                    .map(s)
                    .to_vec(),
                sources: vec![SOURCES[4].into()],
            },
            partners: vec![
                ("lombardia", "lead_partner"),
                ("emilia", "partner"),
                ("san_daniele", "partner"),
                ("abruzzo", "partner"),
                ("marche", "partner"),
                ("umwp", "partner"),
            ],
        },
        ProjectFact {
            key: "rpo",
            doc: ProjectDoc {
                title: texts(&[
                    (
                        "pl",
                        "Regionalny Program Operacyjny Województwa Podlaskiego (RPO WP)",
                    ),
                    (
                        "en",
                        "Regional Operational Programme of Podlaskie Voivodeship",
                    ),
                ]),
                programme: Some(s("European Structural and Investment Funds")),
                funding: Some(s("EU and regional funds")),
                starts_on: None,
                ends_on: None,
                date_note: None,
                description: texts(&[
                    (
                        "pl",
                        "Program regionalny zarządzany przez Urząd Marszałkowski; finansuje inicjatywy klastrowe.",
                    ),
                    (
                        "en",
                        "Regional programme managed by the Marshal Office; funds cluster initiatives.",
                    ),
                ]),
                other_partners: vec![],
                sources: vec![SOURCES[0].into()],
            },
            partners: vec![("umwp", "managing_authority")],
        },
    ])
}

/// An event as stored (the `data` of an `events` row).
#[derive(Debug, Clone, Serialize)]
pub struct EventDoc {
    pub kind: &'static str,
    pub title: Vec<LocalizedText>,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub date_note: Option<String>,
    pub cities: Vec<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub participants: Option<u32>,
    pub participants_note: Option<String>,
    pub description: Vec<LocalizedText>,
    pub planned: bool,
    /// Filled in by the loader from `project_key`.
    pub project_id: Option<i64>,
    /// Filled in by the loader from `organisation_keys`.
    pub organisation_ids: Vec<i64>,
    #[serde(skip)]
    pub project_key: Option<&'static str>,
    #[serde(skip)]
    pub organisation_keys: Vec<&'static str>,
}

struct Ev {
    kind: &'static str,
    start: (i32, u32, u32),
    end: Option<(i32, u32, u32)>,
    date_note: Option<&'static str>,
    cities: &'static [&'static str],
    country: Option<&'static str>,
    region: Option<&'static str>,
    participants: Option<u32>,
    participants_note: Option<&'static str>,
    title: &'static [(&'static str, &'static str)],
    description: &'static [(&'static str, &'static str)],
    planned: bool,
    project: Option<&'static str>,
    orgs: &'static [&'static str],
}

const EVENTS: &[Ev] = &[
    Ev {
        kind: "conference",
        start: (2003, 5, 26),
        end: Some((2003, 5, 27)),
        date_note: None,
        cities: &[],
        country: Some("IT"),
        region: None,
        participants: None,
        participants_note: None,
        title: &[
            (
                "en",
                "International conference on methods of identifying industrial clusters",
            ),
            (
                "pl",
                "Międzynarodowa konferencja o metodach identyfikacji klastrów przemysłowych",
            ),
        ],
        description: &[
            (
                "en",
                "Opened the CADSES project \"Industrial Clusters Development\".",
            ),
            (
                "pl",
                "Otwarcie projektu CADSES „Rozwój Klastrów Przemysłowych”.",
            ),
        ],
        planned: false,
        project: Some("cadses"),
        orgs: &["lombardia", "umwp"],
    },
    Ev {
        kind: "meeting",
        start: (2003, 6, 13),
        end: None,
        date_note: None,
        cities: &["Wien"],
        country: Some("AT"),
        region: None,
        participants: None,
        participants_note: None,
        title: &[
            (
                "en",
                "Official project opening (press conference) and working meeting",
            ),
            (
                "pl",
                "Oficjalne otwarcie projektu (konferencja prasowa) i spotkanie robocze",
            ),
        ],
        description: &[
            (
                "en",
                "Press conference and working meeting of the CADSES project partners in Vienna.",
            ),
            (
                "pl",
                "Konferencja prasowa i spotkanie robocze partnerów projektu CADSES w Wiedniu.",
            ),
        ],
        planned: false,
        project: Some("cadses"),
        orgs: &["umwp"],
    },
    Ev {
        kind: "meeting",
        start: (2003, 7, 28),
        end: None,
        date_note: None,
        cities: &["Białystok"],
        country: Some("PL"),
        region: Some("PL841"),
        participants: None,
        participants_note: None,
        title: &[
            (
                "pl",
                "Spotkanie robocze: wskazanie czterech branż kandydujących",
            ),
            ("en", "Working meeting: four candidate branches named"),
        ],
        description: &[
            (
                "pl",
                "Wskazano cztery branże województwa podlaskiego, które mogłyby tworzyć klastry.",
            ),
            (
                "en",
                "Four branches of Podlaskie that could form clusters were named.",
            ),
        ],
        planned: false,
        project: Some("cadses"),
        orgs: &["umwp"],
    },
    Ev {
        kind: "meeting",
        start: (2003, 11, 5),
        end: None,
        date_note: None,
        cities: &["Warszawa"],
        country: Some("PL"),
        region: Some("PL911"),
        participants: None,
        participants_note: None,
        title: &[
            ("pl", "Ostateczny wybór branż regionu"),
            ("en", "Final choice of the region's branches"),
        ],
        description: &[
            (
                "pl",
                "Wybrano dwie branże: mleczarską i maszynową (maszyny rolnicze).",
            ),
            (
                "en",
                "Two branches were selected: dairy and machinery (agricultural machinery).",
            ),
        ],
        planned: false,
        project: Some("cadses"),
        orgs: &["umwp"],
    },
    Ev {
        kind: "meeting",
        start: (2003, 12, 10),
        end: None,
        date_note: None,
        cities: &["Warszawa"],
        country: Some("PL"),
        region: Some("PL911"),
        participants: None,
        participants_note: None,
        title: &[
            ("pl", "Uzgodnienie harmonogramu dalszych prac"),
            ("en", "Schedule of further work agreed"),
        ],
        description: &[
            (
                "pl",
                "Uzgodniono harmonogram dalszych prac projektu CADSES.",
            ),
            (
                "en",
                "The schedule of further work of the CADSES project was agreed.",
            ),
        ],
        planned: false,
        project: Some("cadses"),
        orgs: &["umwp"],
    },
    Ev {
        kind: "focus_group",
        start: (2004, 1, 26),
        end: None,
        date_note: None,
        cities: &["Białystok"],
        country: Some("PL"),
        region: Some("PL841"),
        participants: None,
        participants_note: None,
        title: &[
            (
                "pl",
                "Grupa fokusowa z firmami i instytucjami otoczenia biznesu",
            ),
            (
                "en",
                "Focus group with firms and business-support institutions",
            ),
        ],
        description: &[
            (
                "pl",
                "Udział wzięły firmy oraz uczelnie, banki, agencje i ośrodki szkoleniowe.",
            ),
            (
                "en",
                "Firms took part together with universities, banks, agencies and training centres.",
            ),
        ],
        planned: false,
        project: Some("cadses"),
        orgs: &["umwp"],
    },
    Ev {
        kind: "study_visit",
        start: (2017, 12, 4),
        end: Some((2017, 12, 8)),
        date_note: None,
        cities: &["Białystok"],
        country: Some("PL"),
        region: Some("PL841"),
        participants: None,
        participants_note: None,
        title: &[
            (
                "pl",
                "Wizyta studyjna delegacji z Białorusi: tworzenie i prowadzenie klastrów",
            ),
            (
                "en",
                "Study visit of a Belarusian delegation on creating and running clusters",
            ),
            (
                "ru",
                "Учебный визит белорусской делегации: создание и работа кластеров",
            ),
        ],
        description: &[
            (
                "pl",
                "Spotkania z czterema klastrami i Explorer HQ. Na zamykającym okrągłym stole w piątek 8 grudnia podpisano dwa listy intencyjne.",
            ),
            (
                "en",
                "Meetings with four clusters and Explorer HQ. At the closing round table on Friday 8 December two letters of intent were signed.",
            ),
            (
                "ru",
                "Встречи с четырьмя кластерами и Explorer HQ. На заключительном круглом столе в пятницу 8 декабря подписаны два письма о намерениях.",
            ),
        ],
        planned: false,
        project: Some("most"),
        orgs: &["pfrr", "explorer", "wkb", "pinsk", "inaleks"],
    },
    Ev {
        kind: "study_visit",
        start: (2018, 9, 1),
        end: None,
        date_note: Some("Autumn 2018 in the sources; the month and day are illustrative."),
        cities: &[],
        country: Some("PL"),
        region: Some("PL84"),
        participants: Some(40),
        participants_note: None,
        title: &[
            ("en", "Study visit of a 40-person Belarusian delegation"),
            ("pl", "Wizyta studyjna 40-osobowej delegacji z Białorusi"),
            ("ru", "Учебный визит белорусской делегации из 40 человек"),
        ],
        description: &[
            (
                "en",
                "Delegates from the ministry, executive committees and associations.",
            ),
            (
                "pl",
                "W delegacji byli przedstawiciele ministerstwa, komitetów wykonawczych i stowarzyszeń.",
            ),
            (
                "ru",
                "В делегацию входили представители министерства, исполкомов и ассоциаций.",
            ),
        ],
        planned: false,
        project: Some("undp"),
        orgs: &["minecon_by"],
    },
    Ev {
        kind: "seminar",
        start: (2018, 10, 1),
        end: None,
        date_note: Some("October 2018; the day is not known."),
        cities: &["Новополоцк", "Могилёв", "Кличев"],
        country: Some("BY"),
        region: None,
        participants: Some(90),
        participants_note: Some("over 90"),
        title: &[
            ("ru", "Информационные семинары о кластерах"),
            ("en", "Information seminars on clusters"),
            ("pl", "Seminaria informacyjne o klastrach"),
        ],
        description: &[
            (
                "ru",
                "Семинары в Новополоцке, Могилеве и Кличеве: более 90 участников, 9 докладов, сотни вопросов.",
            ),
            (
                "en",
                "Seminars in Novopolotsk, Mogilev and Klichev: over 90 participants, 9 talks, hundreds of questions.",
            ),
            (
                "pl",
                "Seminaria w Nowopołocku, Mohylewie i Kliczewie: ponad 90 uczestników, 9 wystąpień, setki pytań.",
            ),
        ],
        planned: false,
        project: None,
        orgs: &[],
    },
    Ev {
        kind: "seminar",
        start: (2018, 11, 1),
        end: None,
        date_note: Some("November 2018, announced as planned; the day is not known."),
        cities: &["Гомель", "Пинск", "Гродно"],
        country: Some("BY"),
        region: None,
        participants: None,
        participants_note: None,
        title: &[
            ("ru", "Семинары о кластерах (запланированы)"),
            ("en", "Seminars on clusters (planned)"),
            ("pl", "Seminaria o klastrach (planowane)"),
        ],
        description: &[
            ("ru", "Запланированные семинары в Гомеле, Пинске и Гродно."),
            ("en", "Planned seminars in Gomel, Pinsk and Grodno."),
            ("pl", "Planowane seminaria w Homlu, Pińsku i Grodnie."),
        ],
        planned: true,
        project: None,
        orgs: &[],
    },
    Ev {
        kind: "conference",
        start: (2019, 1, 1),
        end: None,
        date_note: Some("January 2019; the day is not known."),
        cities: &["Минск"],
        country: Some("BY"),
        region: Some("BY-HM"),
        participants: Some(90),
        participants_note: Some("over 90, from all regions of Belarus"),
        title: &[
            (
                "ru",
                "Развитие кластерной системы в Беларуси: взгляд в будущее",
            ),
            (
                "en",
                "Development of the cluster system in Belarus: a look into the future",
            ),
            (
                "pl",
                "Rozwój systemu klastrowego na Białorusi: spojrzenie w przyszłość",
            ),
        ],
        description: &[
            (
                "ru",
                "Международная конференция; более 90 участников из всех регионов Беларуси.",
            ),
            (
                "en",
                "International conference; over 90 participants from all regions of Belarus.",
            ),
            (
                "pl",
                "Konferencja międzynarodowa; ponad 90 uczestników ze wszystkich regionów Białorusi.",
            ),
        ],
        planned: false,
        project: Some("polish_aid"),
        orgs: &[],
    },
    Ev {
        kind: "study_visit",
        start: (2019, 7, 2),
        end: Some((2019, 7, 4)),
        date_note: None,
        cities: &["Białystok"],
        country: Some("PL"),
        region: Some("PL84"),
        participants: Some(18),
        participants_note: None,
        title: &[
            ("en", "Study visit of 18 Belarusian delegates"),
            ("pl", "Wizyta studyjna 18 delegatów z Białorusi"),
            ("ru", "Учебный визит 18 белорусских делегатов"),
        ],
        description: &[
            (
                "en",
                "Visits to the Marshal Office and Bialystok University of Technology; presentations of the Metal Processing, Polish Construction, InfoTech and North-East Eco-Energy clusters.",
            ),
            (
                "pl",
                "Wizyty w Urzędzie Marszałkowskim i na Politechnice Białostockiej; prezentacje klastrów: Obróbki Metali, Polskiego Klastra Budowlanego, InfoTech i Północno-Wschodniego Klastra Eko-Energetycznego.",
            ),
            (
                "ru",
                "Визиты в Маршалковское управление и Белостокский технический университет; презентации кластеров: металлообработки, Польского строительного, InfoTech и Северо-Восточного эко-энергетического.",
            ),
        ],
        planned: false,
        project: Some("polish_aid"),
        orgs: &["umwp", "pb", "kom", "pkb", "infotech", "eko"],
    },
];

pub fn events() -> anyhow::Result<Vec<EventDoc>> {
    EVENTS
        .iter()
        .map(|e| {
            let d = |(y, m, day): (i32, u32, u32)| date(y, m, day);
            Ok(EventDoc {
                kind: e.kind,
                title: texts(e.title),
                starts_on: d(e.start)?,
                ends_on: e.end.map(d).transpose()?,
                date_note: e.date_note.map(s),
                cities: e.cities.iter().map(|c| s(c)).collect(),
                country: e.country.map(s),
                region: e.region.map(s),
                participants: e.participants,
                participants_note: e.participants_note.map(s),
                description: texts(e.description),
                planned: e.planned,
                project_id: None,
                organisation_ids: Vec::new(),
                project_key: e.project,
                organisation_keys: e.orgs.to_vec(),
            })
        })
        .collect()
}

pub struct AgreementFact {
    pub kind: klaster_domain::AgreementKind,
    pub signed_on: NaiveDate,
    pub title: Vec<LocalizedText>,
    pub description: Vec<LocalizedText>,
    pub parties: [&'static str; 2],
}

pub fn agreements() -> anyhow::Result<Vec<AgreementFact>> {
    use klaster_domain::AgreementKind::*;
    Ok(vec![
        AgreementFact {
            kind: CooperationAgreement,
            signed_on: date(2018, 1, 1)?,
            title: texts(&[
                (
                    "pl",
                    "Umowa o współpracy PFRR – Wolna Strefa Ekonomiczna „Mohylew”",
                ),
                (
                    "en",
                    "Cooperation agreement PFRR – Free Economic Zone \"Mogilev\"",
                ),
                ("ru", "Соглашение о сотрудничестве ПФРР – СЭЗ «Могилев»"),
            ]),
            description: texts(&[
                (
                    "en",
                    "Signed in 2018; the month is not known (1 January is a placeholder).",
                ),
                (
                    "pl",
                    "Podpisana w 2018 r.; miesiąc nieznany (1 stycznia to data umowna).",
                ),
            ]),
            parties: ["pfrr", "fez_mogilev"],
        },
        AgreementFact {
            kind: LetterOfIntent,
            signed_on: date(2017, 12, 8)?,
            title: texts(&[
                (
                    "pl",
                    "List intencyjny: Piński Miejski Komitet Wykonawczy – Wschodni Klaster Budowlany",
                ),
                (
                    "en",
                    "Letter of intent: Pinsk City Executive Committee – Eastern Construction Cluster",
                ),
                (
                    "ru",
                    "Письмо о намерениях: Пинский горисполком – Восточный строительный кластер",
                ),
            ]),
            description: texts(&[
                (
                    "en",
                    "Signed at the closing round table of the Belarusian study visit in Białystok (MOST project).",
                ),
                (
                    "pl",
                    "Podpisany na zamykającym okrągłym stole wizyty studyjnej delegacji białoruskiej w Białymstoku (projekt MOST).",
                ),
            ]),
            parties: ["pinsk", "wkb"],
        },
        AgreementFact {
            kind: LetterOfIntent,
            signed_on: date(2017, 12, 8)?,
            title: texts(&[
                (
                    "pl",
                    "List intencyjny: „Inaleks Energy” – Wschodni Klaster Budowlany",
                ),
                (
                    "en",
                    "Letter of intent: \"Inaleks Energy\" LLC – Eastern Construction Cluster",
                ),
                (
                    "ru",
                    "Письмо о намерениях: ООО «Иналекс Энерджи» – Восточный строительный кластер",
                ),
            ]),
            description: texts(&[
                (
                    "en",
                    "Signed at the closing round table of the Belarusian study visit in Białystok (MOST project).",
                ),
                (
                    "pl",
                    "Podpisany na zamykającym okrągłym stole wizyty studyjnej delegacji białoruskiej w Białymstoku (projekt MOST).",
                ),
            ]),
            parties: ["inaleks", "wkb"],
        },
    ])
}
