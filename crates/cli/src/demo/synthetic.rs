//! Seeded synthetic firms around the real clusters: about three quarters Polish (mostly from
//! Podlaskie), a quarter Belarusian. Everything is drawn from one `ChaCha8Rng` with a fixed
//! seed, so every run produces the same firms in the same order.

use std::collections::HashSet;

use klaster_domain::{
    Address, ContactInput, LegalIdInput, LegalIdKind, LocalizedText, Machine, OrgKind,
    OrganisationInput, SizeClass, fold,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::branches::{self, Branch, BranchSpec, SPECS, Tri};
use super::legal::{self, Issuer};
use super::names::{self, Town};

/// The seed of the firm generator ("KLASTER!" in ASCII).
pub const SEED: u64 = 0x4B4C_4153_5445_5221;

/// Share of Belarusian firms, in per cent.
const BELARUSIAN_PERCENT: u32 = 25;
/// Share of the Polish firms seated in Podlaskie, in per cent.
const PODLASKIE_PERCENT: u32 = 80;

/// A generated firm, not yet validated.
pub struct Firm {
    pub input: OrganisationInput,
    pub contacts: Vec<ContactInput>,
    pub branch: Branch,
    pub belarusian: bool,
    pub podlaskie: bool,
    pub region: &'static str,
    pub founded: i32,
    pub size: SizeClass,
}

/// Picks one element; the lists are non-empty constants.
pub(super) fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

fn percent(rng: &mut ChaCha8Rng, p: u32) -> bool {
    rng.random_range(0..100) < p
}

/// Picks `n` distinct elements, in list order.
fn some_of<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T], n: usize) -> Vec<&'a T> {
    let mut chosen: Vec<usize> = Vec::new();
    let n = n.min(items.len());
    while chosen.len() < n {
        let i = rng.random_range(0..items.len());
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen.into_iter().map(|i| &items[i]).collect()
}

pub fn generate(count: usize) -> Vec<Firm> {
    let mut g = Generator {
        rng: ChaCha8Rng::seed_from_u64(SEED),
        ids: Issuer::default(),
        names: HashSet::new(),
        slugs: HashSet::new(),
    };
    (0..count).map(|i| g.firm(i)).collect()
}

struct Generator {
    rng: ChaCha8Rng,
    ids: Issuer,
    names: HashSet<String>,
    slugs: HashSet<String>,
}

/// Fills `{n}`-style placeholders.
fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in pairs {
        out = out.replace(k, v);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-case ASCII with hyphens, for host names and mailboxes.
fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

impl Generator {
    fn firm(&mut self, index: usize) -> Firm {
        let rng = &mut self.rng;
        let belarusian = percent(rng, BELARUSIAN_PERCENT);
        let spec = branch_spec(rng);
        let podlaskie = !belarusian && percent(rng, PODLASKIE_PERCENT);
        let town: &Town = if belarusian {
            pick(rng, names::BELARUS)
        } else if podlaskie {
            pick(rng, names::PODLASKIE)
        } else {
            pick(rng, names::POLAND)
        };

        let size = *pick(
            rng,
            &[
                SizeClass::Micro,
                SizeClass::Micro,
                SizeClass::Micro,
                SizeClass::Small,
                SizeClass::Small,
                SizeClass::Small,
                SizeClass::Medium,
                SizeClass::Medium,
                SizeClass::Large,
            ],
        );
        let employees = match size {
            SizeClass::Micro => rng.random_range(1..=9),
            SizeClass::Small => rng.random_range(10..=49),
            SizeClass::Medium => rng.random_range(50..=249),
            SizeClass::Large => rng.random_range(250..=1400),
        };

        let (name_native, name_en, core, template_nace, cooperative) =
            self.unique_name(index, spec, town, belarusian, size);
        let rng = &mut self.rng;
        let nace_main = if template_nace.is_empty() {
            pick(rng, spec.codes).to_string()
        } else {
            template_nace.to_string()
        };
        let n_other = rng.random_range(1..=3);
        let others: Vec<String> = some_of(rng, spec.codes, n_other)
            .into_iter()
            .filter(|c| **c != nace_main)
            .map(|c| c.to_string())
            .collect();

        let founded = if cooperative {
            rng.random_range(1950..=1990)
        } else if belarusian {
            rng.random_range(1992..=2023)
        } else if size == SizeClass::Large {
            rng.random_range(1960..=2005)
        } else {
            rng.random_range(1990..=2023)
        };

        let slug = self.unique_slug(&core, town);
        let rng = &mut self.rng;
        let domain = format!("{slug}.example.com");

        let legal_ids = if belarusian {
            let unp = self.ids.unp(rng, legal::unp_prefix(town.region));
            vec![LegalIdInput::new(LegalIdKind::Unp, unp)]
        } else {
            let nip = self.ids.nip(rng, town.nip_office);
            let prefix = if podlaskie {
                20
            } else {
                rng.random_range(10..=99)
            };
            let regon = self.ids.regon(rng, prefix);
            let mut v = vec![
                LegalIdInput::new(LegalIdKind::Nip, nip.clone()),
                LegalIdInput::new(LegalIdKind::Regon, regon),
            ];
            if size != SizeClass::Micro && percent(rng, 60) {
                v.push(LegalIdInput::new(LegalIdKind::EuVat, format!("PL{nip}")));
            }
            v
        };

        let street = if belarusian {
            format!(
                "{}, {}",
                pick(rng, names::BY_STREETS),
                rng.random_range(1..=120)
            )
        } else {
            format!(
                "{} {}",
                pick(rng, names::PL_STREETS),
                rng.random_range(1..=150)
            )
        };
        let postal_code: String = town
            .postal
            .chars()
            .map(|c| match c {
                'x' => char::from(b'0' + rng.random_range(0..10u8)),
                c => c,
            })
            .collect();

        let n_caps = rng.random_range(2..=4);
        let caps: Vec<&Tri> = some_of(rng, spec.capabilities, n_caps);
        let coop = *pick(rng, branches::COOPERATION);
        let markets = self.export_markets(spec, belarusian, size);
        let rng = &mut self.rng;
        let description = describe(
            &nace_main, founded, employees, town, &caps, coop, &markets, belarusian,
        );

        let mut keywords: Vec<String> = Vec::new();
        for (pl, en, ru) in some_of(rng, spec.keywords, 2) {
            keywords.push(if belarusian { ru } else { pl }.to_string());
            keywords.push(en.to_string());
        }

        let size_factor = match size {
            SizeClass::Micro => 1,
            SizeClass::Small => 2,
            SizeClass::Medium => 5,
            SizeClass::Large => 12,
        };
        let certifications: Vec<String> = spec
            .certifications
            .iter()
            .filter(|(_, p)| percent(rng, if size == SizeClass::Micro { p / 2 } else { *p }))
            .map(|(c, _)| c.to_string())
            .collect();
        let machine_park: Vec<Machine> = if spec.machines.is_empty() {
            Vec::new()
        } else {
            let n = rng.random_range(1..=spec.machines.len().min(4));
            some_of(rng, spec.machines, n)
                .into_iter()
                .map(|(name, lo, hi)| {
                    let q = rng.random_range(*lo..=*hi);
                    Machine {
                        name: name.to_string(),
                        quantity: Some(if size == SizeClass::Micro {
                            q.min(*lo + 1)
                        } else {
                            q
                        }),
                        notes: None,
                    }
                })
                .collect()
        };
        let production_capacity = spec.capacity.map(|(text, lo, hi)| {
            let n = rng.random_range(lo..=hi) * size_factor;
            text.replace("{n}", &n.to_string())
        });

        let mut languages: Vec<String> = if belarusian {
            vec!["ru".into(), "be".into(), "en".into()]
        } else {
            vec!["pl".into(), "en".into()]
        };
        for (lang, p) in [("de", 25), ("ru", 35), ("pl", 30), ("lt", 8)] {
            if percent(rng, p) {
                languages.push(lang.into());
            }
        }

        let contacts = self.contacts(&domain, belarusian, size);
        let names = if belarusian {
            vec![
                LocalizedText::new("ru", name_native),
                LocalizedText::new("en", name_en),
            ]
        } else {
            vec![
                LocalizedText::new("pl", name_native),
                LocalizedText::new("en", name_en),
            ]
        };
        let mailbox = if belarusian { "info" } else { "biuro" };
        Firm {
            input: OrganisationInput {
                names,
                short_name: None,
                kind: Some(OrgKind::Company),
                legal_ids,
                address: Address {
                    street: Some(street),
                    postal_code: Some(postal_code),
                    city: Some(town.name.to_string()),
                },
                country: Some(if belarusian { "BY" } else { "PL" }.into()),
                region: Some(town.region.into()),
                size_class: Some(size),
                employees: Some(employees),
                founded_year: Some(founded),
                nace_main: Some(nace_main),
                nace_other: others,
                description,
                capabilities: caps.iter().map(|c| c.1.to_string()).collect(),
                keywords,
                certifications,
                machine_park,
                production_capacity,
                export_markets: markets,
                languages,
                website: Some(format!("https://www.{domain}")),
                email: Some(format!("{mailbox}@{domain}")),
                phone: None,
            },
            contacts,
            branch: spec.branch,
            belarusian,
            podlaskie,
            region: town.region,
            founded,
            size,
        }
    }

    /// A firm name not used before: (native, English, core for the web address, NACE the
    /// name implies, whether it is a cooperative).
    fn unique_name(
        &mut self,
        index: usize,
        spec: &BranchSpec,
        town: &Town,
        belarusian: bool,
        size: SizeClass,
    ) -> (String, String, String, &'static str, bool) {
        for attempt in 0..40 {
            let (mut native, mut en, mut core, nace, coop) = if belarusian {
                by_name(&mut self.rng, spec, town, size)
            } else {
                pl_name(&mut self.rng, spec, town)
            };
            if attempt == 39 {
                // Practically unreachable with these word lists; keeps names distinct anyway.
                native = format!("{native} {}", index + 1);
                en = format!("{en} {}", index + 1);
                core = format!("{core} {}", index + 1);
            }
            if self.names.insert(fold(&core)) {
                return (native, en, core, nace, coop);
            }
        }
        let n = format!("Firma {}", index + 1);
        (n.clone(), n.clone(), n, "", false)
    }

    fn unique_slug(&mut self, core: &str, town: &Town) -> String {
        let base = slugify(core);
        let base = if base.len() > 40 {
            base[..40].trim_end_matches('-').to_string()
        } else {
            base
        };
        let mut slug = base.clone();
        let mut n = 1;
        while !self.slugs.insert(slug.clone()) {
            n += 1;
            slug = if n == 2 {
                format!("{base}-{}", slugify(town.latin))
            } else {
                format!("{base}-{n}")
            };
        }
        slug
    }

    fn export_markets(
        &mut self,
        spec: &BranchSpec,
        belarusian: bool,
        size: SizeClass,
    ) -> Vec<String> {
        let rng = &mut self.rng;
        let n = match size {
            SizeClass::Micro => rng.random_range(0..=1),
            SizeClass::Small => rng.random_range(0..=2),
            _ => rng.random_range(1..=4),
        };
        let pool: &[&str] = if belarusian {
            &["RU", "KZ", "PL", "LT", "UA", "DE", "LV", "CN", "AM"]
        } else {
            spec.export_markets
        };
        some_of(rng, pool, n)
            .into_iter()
            .map(|c| c.to_string())
            .collect()
    }

    fn contacts(&mut self, domain: &str, belarusian: bool, size: SizeClass) -> Vec<ContactInput> {
        let rng = &mut self.rng;
        let n = if size == SizeClass::Micro {
            1
        } else {
            rng.random_range(1..=2)
        };
        let roles = some_of(rng, names::CONTACT_ROLES, n);
        roles
            .into_iter()
            .map(|role| {
                let female = rng.random_bool(0.5);
                let (name, local, languages) = if belarusian {
                    let (first, first_lat) = if female {
                        *pick(rng, names::BY_FIRST_FEMALE)
                    } else {
                        *pick(rng, names::BY_FIRST_MALE)
                    };
                    let (m, m_lat, f, f_lat) = *pick(rng, names::BY_SURNAMES);
                    let (sur, sur_lat) = if female { (f, f_lat) } else { (m, m_lat) };
                    let mut langs = vec!["ru".to_string(), "en".to_string()];
                    if percent(rng, 30) {
                        langs.push("pl".into());
                    }
                    (
                        format!("{first} {sur}"),
                        format!("{}.{}", slugify(first_lat), slugify(sur_lat)),
                        langs,
                    )
                } else {
                    let first = if female {
                        *pick(rng, names::PL_FIRST_FEMALE)
                    } else {
                        *pick(rng, names::PL_FIRST_MALE)
                    };
                    let plain = *pick(rng, names::PL_SURNAMES_PLAIN);
                    let sur = if female {
                        names::pl_feminine(plain)
                    } else {
                        plain.to_string()
                    };
                    let mut langs = vec!["pl".to_string(), "en".to_string()];
                    if percent(rng, 25) {
                        langs.push(if percent(rng, 50) { "de" } else { "ru" }.into());
                    }
                    (
                        format!("{first} {sur}"),
                        format!("{}.{}", slugify(first), slugify(&sur)),
                        langs,
                    )
                };
                ContactInput {
                    name,
                    role: Some(role.to_string()),
                    email: Some(format!("{local}@{domain}")),
                    phone: None,
                    languages,
                    is_personal_data: true,
                }
            })
            .collect()
    }
}

fn branch_spec(rng: &mut ChaCha8Rng) -> &'static BranchSpec {
    let total: u32 = SPECS.iter().map(|s| s.weight).sum();
    let mut roll = rng.random_range(0..total.max(1));
    for spec in SPECS {
        if roll < spec.weight {
            return spec;
        }
        roll -= spec.weight;
    }
    &SPECS[0]
}

fn pl_name(
    rng: &mut ChaCha8Rng,
    spec: &BranchSpec,
    town: &Town,
) -> (String, String, String, &'static str, bool) {
    let t = pick(rng, spec.templates);
    let surname = *pick(rng, names::PL_SURNAMES_PLAIN);
    let a = *pick(rng, spec.a_words);
    let b = *pick(rng, spec.b_words);
    let (form, form_en) = *pick(rng, names::PL_FORMS);
    let pairs = [
        ("{S}", surname),
        ("{A}", a),
        ("{B}", b),
        ("{T}", town.name),
        ("{FE}", form_en),
        ("{F}", form),
    ];
    let native = fill(t.pl, &pairs);
    let en = fill(t.en, &pairs);
    let core = fill(
        t.pl,
        &[
            ("{S}", surname),
            ("{A}", a),
            ("{B}", b),
            ("{T}", town.name),
            ("{F}", ""),
        ],
    );
    (native, en, core, t.nace, t.pl.contains("Spółdzielcza"))
}

fn by_name(
    rng: &mut ChaCha8Rng,
    spec: &BranchSpec,
    town: &Town,
    size: SizeClass,
) -> (String, String, String, &'static str, bool) {
    let suffix = pick(rng, spec.by_suffixes);
    let (stem, stem_lat) = if town.name.chars().count() <= 8 && percent(rng, 50) {
        (town.name.replace('ё', "е"), town.latin.to_string())
    } else {
        let (s, l) = *pick(rng, names::BY_STEMS);
        (s.to_string(), l.to_string())
    };
    let (form, form_lat) = if size == SizeClass::Large {
        ("ОАО", "OJSC")
    } else {
        *pick(rng, names::BY_FORMS)
    };
    let brand = format!("{stem}{}", suffix.ru);
    let brand_lat = format!("{stem_lat}{}", suffix.lat);
    (
        format!("{form} «{brand}»"),
        format!("{form_lat} \"{brand_lat}\""),
        brand_lat,
        suffix.nace,
        false,
    )
}

fn country_names(codes: &[String], lang: &str) -> String {
    codes
        .iter()
        .filter_map(|c| klaster_refdata::countries::get(c).map(|c| c.name(lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The description in the firm's languages: Polish and English for Polish firms; Russian,
/// English and Polish for Belarusian ones (their Polish partners read it too).
#[allow(clippy::too_many_arguments)]
fn describe(
    nace: &str,
    founded: i32,
    employees: u32,
    town: &Town,
    caps: &[&Tri],
    coop: Tri,
    markets: &[String],
    belarusian: bool,
) -> Vec<LocalizedText> {
    let (act_pl, act_en, act_ru) = branches::activity(nace);
    let list =
        |f: fn(&Tri) -> &'static str| caps.iter().map(|c| f(c)).collect::<Vec<_>>().join(", ");
    let export = |lang: &str, lead: &str| {
        if markets.is_empty() {
            String::new()
        } else {
            format!(" {lead} {}.", country_names(markets, lang))
        }
    };
    let pl = format!(
        "{act_pl}. Firma działa od {founded} r., liczba pracowników: {employees}. Siedziba: {}. Oferta: {}. {}{}",
        town.pl,
        list(|c| c.0),
        coop.0,
        export("pl", "Rynki eksportowe:"),
    );
    let en = format!(
        "{act_en}. In business since {founded}, {employees} employees. Based in {}. What we offer: {}. {}{}",
        town.latin,
        list(|c| c.1),
        coop.1,
        export("en", "Export markets:"),
    );
    if belarusian {
        let ru = format!(
            "{act_ru}. Работаем с {founded} года, численность персонала: {employees}. Местонахождение: {}. Предлагаем: {}. {}{}",
            town.name,
            list(|c| c.2),
            coop.2,
            export("ru", "Экспортные рынки:"),
        );
        vec![
            LocalizedText::new("ru", ru),
            LocalizedText::new("en", en),
            LocalizedText::new("pl", pl),
        ]
    } else {
        vec![LocalizedText::new("pl", pl), LocalizedText::new("en", en)]
    }
}
