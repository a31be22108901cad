//! `/directory/{id}`: an organisation's public profile. Everything the JSON API serves to an
//! anonymous reader, and nothing more: contact people (personal data) are left out.

use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use klaster_domain::{OrgKind, Organisation, RelationKind};
use klaster_store::organisations::{self as orgs, OrgRecord};
use klaster_store::{directory, offers};
use klaster_translate::Lang;

use super::cluster::{self, ClusterView};
use super::{Link, Named, kind_label, nace_label, org_href, size_label};
use crate::AppState;
use crate::api::agreements::agreement_out;
use crate::api::contacts::visible_contacts;
use crate::api::enum_str;
use crate::api::offers::readable;
use crate::pages::errors::{self, PageError};
use crate::pages::i18n::Tr;
use crate::pages::lang::{Ui, href};
use crate::pages::summary::{
    OfferSummary, country_name, language_name, org_name, region_name, summarise, web_link,
};
use crate::pages::{Chrome, Section, render};

/// Offers listed on a profile (newest first).
const OFFERS: i64 = 20;

/// A labelled value of the facts list.
pub struct Fact {
    pub label: String,
    pub value: String,
}

pub struct Activity {
    pub label: String,
    pub href: String,
    pub main: bool,
}

pub struct MachineItem {
    pub name: String,
    pub quantity: Option<String>,
    pub notes: Option<String>,
}

pub struct ContactItem {
    pub name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

pub struct Membership {
    pub cluster: Link,
    pub role: String,
    pub since: String,
}

pub struct AgreementItem {
    pub title: Named,
    pub kind: String,
    pub dates: String,
    pub cross_border: bool,
    pub parties: Vec<Link>,
}

pub struct Related {
    pub role: String,
    pub org: Link,
}

#[derive(Template)]
#[template(path = "directory_profile.html")]
struct ProfilePage {
    chrome: Chrome,
    back: String,
    name: Named,
    other_names: Vec<Named>,
    kind: String,
    description: Option<Named>,
    facts: Vec<Fact>,
    activities: Vec<Activity>,
    capabilities: Vec<String>,
    keywords: Vec<String>,
    certifications: Vec<String>,
    machines: Vec<MachineItem>,
    capacity: Option<String>,
    website: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    contacts: Vec<ContactItem>,
    memberships: Vec<Membership>,
    agreements: Vec<AgreementItem>,
    related: Vec<Related>,
    offers: Vec<OfferSummary>,
    /// "Post an offer for this organisation", for those who may write its offers.
    post_offer: Option<String>,
    /// The cluster's management page, for its coordinator and administrators.
    manage: Option<String>,
    cluster: Option<ClusterView>,
}

impl ProfilePage {
    /// Whether the contact section has anything to show.
    fn has_contact(&self) -> bool {
        self.website.is_some()
            || self.email.is_some()
            || self.phone.is_some()
            || !self.contacts.is_empty()
    }
}

pub async fn page(
    State(state): State<AppState>,
    ui: Ui,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    // Whatever is not an id names no organisation.
    let built = match id.ok().and_then(|Path(s)| s.parse::<i64>().ok()) {
        Some(id) => build(&state, &ui, id).await,
        None => Err(PageError::NotFound),
    };
    match built {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}

async fn build(state: &AppState, ui: &Ui, id: i64) -> Result<ProfilePage, PageError> {
    let rec = orgs::get(state.db(), id).await?;
    let mut chrome = Chrome::new(state, ui, "dir-title", Section::Directory);
    let tr = chrome.tr;
    let lang = ui.lang;
    let name = Named::of(&rec.org, lang);
    chrome.title = name.text.clone();
    let cluster = match rec.org.kind {
        OrgKind::ClusterOrganisation => Some(cluster::view(state, ui, &tr, rec.clone()).await?),
        _ => None,
    };
    let contacts = visible_contacts(state, None, id)
        .await?
        .into_iter()
        .map(|c| ContactItem {
            name: c.contact.name,
            role: c.contact.role,
            email: c.contact.email,
            phone: c.contact.phone,
        })
        .collect();
    let org = &rec.org;
    Ok(ProfilePage {
        back: href("/directory", &[]),
        other_names: org
            .names
            .iter()
            .filter(|n| n.text != name.text)
            .map(|n| Named {
                text: n.text.clone(),
                lang: n.lang.clone(),
            })
            .collect(),
        kind: kind_label(&tr, org.kind),
        description: org
            .description
            .iter()
            .find(|d| d.lang == lang.code())
            .or(org.description.first())
            .map(|d| Named {
                text: d.text.clone(),
                lang: d.lang.clone(),
            }),
        facts: facts(org, &tr),
        activities: activities(org, lang),
        capabilities: org.capabilities.clone(),
        keywords: org.keywords.clone(),
        certifications: org.certifications.clone(),
        machines: org
            .machine_park
            .iter()
            .map(|m| MachineItem {
                name: m.name.clone(),
                quantity: m.quantity.map(|q| {
                    tr.a(
                        "dir-machine-quantity",
                        &[("count", &crate::pages::format::integer(lang, q.into()))],
                    )
                }),
                notes: m.notes.clone(),
            })
            .collect(),
        capacity: org.production_capacity.clone(),
        website: web_link(org.website.as_deref()),
        email: org.email.clone(),
        phone: org.phone.clone(),
        contacts,
        memberships: memberships(state, lang, &tr, id).await?,
        agreements: agreements(state, lang, &tr, id).await?,
        related: related(state, lang, &tr, id).await?,
        offers: offers_of(state, &tr, id).await?,
        post_offer: ui
            .signed
            .as_ref()
            .filter(|s| crate::api::offers::writes_for_owner(&s.principal, id))
            .map(|_| href("/offers/new", &[("organisation", &id.to_string())])),
        manage: ui
            .signed
            .as_ref()
            .filter(|s| cluster.is_some() && s.principal.rights.may_manage_cluster_members(id))
            .map(|_| format!("/directory/{id}/manage")),
        cluster,
        name,
        chrome,
    })
}

fn facts(org: &Organisation, tr: &Tr) -> Vec<Fact> {
    let lang = tr.lang();
    let mut f = Vec::new();
    let mut add = |key: &str, value: String| {
        f.push(Fact {
            label: tr.t(key),
            value,
        })
    };
    if let Some(s) = &org.short_name {
        add("dir-short-name", s.clone());
    }
    for l in &org.legal_ids {
        add(
            &format!("dir-legal-{}", l.kind().as_str()),
            l.value().to_string(),
        );
    }
    let a = &org.address;
    let address: Vec<String> = [
        a.street.clone(),
        match (&a.postal_code, &a.city) {
            (Some(p), Some(c)) => Some(format!("{p} {c}")),
            (p, c) => p.clone().or(c.clone()),
        },
    ]
    .into_iter()
    .flatten()
    .collect();
    if !address.is_empty() {
        add("dir-address", address.join(", "));
    }
    if let Some(r) = org.region.as_deref().and_then(|r| region_name(r, lang)) {
        add("dir-region-label", r);
    }
    add("dir-country-label", country_name(&org.country, lang));
    if let Some(y) = org.founded_year {
        add("dir-founded", y.to_string());
    }
    if let Some(n) = org.employees {
        add(
            "dir-employees",
            crate::pages::format::integer(lang, n.into()),
        );
    }
    if let Some(s) = org.size_class {
        add("dir-size-label", size_label(tr, s));
    }
    if !org.export_markets.is_empty() {
        let names: Vec<String> = org
            .export_markets
            .iter()
            .map(|c| country_name(c, lang))
            .collect();
        add("dir-export-markets", names.join(", "));
    }
    if !org.languages.is_empty() {
        let names: Vec<String> = org
            .languages
            .iter()
            .map(|l| language_name(l, lang))
            .collect();
        add("dir-languages", names.join(", "));
    }
    f
}

/// The main activity first, each linked to the directory filtered by it.
fn activities(org: &Organisation, lang: Lang) -> Vec<Activity> {
    org.nace_main
        .iter()
        .map(|c| (c, true))
        .chain(org.nace_other.iter().map(|c| (c, false)))
        .map(|(code, main)| Activity {
            label: nace_label(code, lang),
            href: href("/directory", &[("nace", code)]),
            main,
        })
        .collect()
}

/// The clusters it belongs to now, with its role and since when.
async fn memberships(
    state: &AppState,
    lang: Lang,
    tr: &Tr,
    id: i64,
) -> Result<Vec<Membership>, PageError> {
    let rows: Vec<_> = directory::clusters_of(state.db(), id)
        .await?
        .into_iter()
        .filter(|m| m.left_on.is_none())
        .collect();
    let ids: Vec<i64> = rows.iter().map(|m| m.cluster_id).collect();
    let clusters = orgs::get_many(state.db(), &ids).await?;
    Ok(rows
        .into_iter()
        .map(|m| Membership {
            cluster: Link {
                label: display_name(&clusters, m.cluster_id, lang).unwrap_or(m.organisation_name),
                href: org_href(m.cluster_id),
            },
            role: tr.t(&format!("dir-role-{}", m.role)),
            since: tr.a(
                "dir-member-since",
                &[("date", &klaster_translate::render::date(m.joined_on, lang))],
            ),
        })
        .collect())
}

/// The name in `lang` of the organisation `id` among `recs`.
pub fn display_name(recs: &[OrgRecord], id: i64, lang: Lang) -> Option<String> {
    recs.iter()
        .find(|r| r.id == id)
        .and_then(|r| org_name(&r.org, lang))
        .map(|n| n.text.clone())
}

async fn agreements(
    state: &AppState,
    lang: Lang,
    tr: &Tr,
    id: i64,
) -> Result<Vec<AgreementItem>, PageError> {
    let mut out = Vec::new();
    for row in directory::agreements(state.db(), Some(id)).await? {
        let a = agreement_out(state, row).await?;
        let title = a
            .agreement
            .title
            .iter()
            .find(|t| t.lang == lang.code())
            .or(a.agreement.title.first());
        let date = |d| klaster_translate::render::date(d, lang);
        let mut dates = tr.a("dir-signed", &[("date", &date(a.agreement.signed_on))]);
        if let Some(u) = a.agreement.valid_until {
            dates = format!(
                "{dates}, {}",
                tr.a("dir-valid-until", &[("date", &date(u))])
            );
        }
        out.push(AgreementItem {
            title: title.map_or_else(
                || Named {
                    text: String::new(),
                    lang: String::new(),
                },
                |t| Named {
                    text: t.text.clone(),
                    lang: t.lang.clone(),
                },
            ),
            kind: tr.t(&format!("dir-agreement-{}", enum_str(a.agreement.kind))),
            dates,
            cross_border: a.cross_border,
            parties: a
                .parties
                .into_iter()
                .filter(|p| p.id != id)
                .map(|p| Link {
                    label: p.name,
                    href: org_href(p.id),
                })
                .collect(),
        });
    }
    Ok(out)
}

/// Partners, parents and subsidiaries, each named by what it is to this organisation.
async fn related(
    state: &AppState,
    lang: Lang,
    tr: &Tr,
    id: i64,
) -> Result<Vec<Related>, PageError> {
    let rows = directory::relations_of(state.db(), id).await?;
    let others: Vec<i64> = rows
        .iter()
        .map(|r| {
            if r.from_org == id {
                r.to_org
            } else {
                r.from_org
            }
        })
        .collect();
    let recs = orgs::get_many(state.db(), &others).await?;
    Ok(rows
        .into_iter()
        .zip(others)
        .filter_map(|(r, other)| {
            // Stored as "from is <kind> of to".
            let kind: RelationKind =
                serde_json::from_value(serde_json::Value::String(r.kind)).ok()?;
            let role = if r.from_org == id {
                kind.inverse()
            } else {
                kind
            };
            Some(Related {
                role: tr.t(&format!("dir-relation-{}", enum_str(role))),
                org: Link {
                    label: display_name(&recs, other, lang)?,
                    href: org_href(other),
                },
            })
        })
        .collect())
}

/// Its published public offers, as the offer search shows them.
async fn offers_of(state: &AppState, tr: &Tr, id: i64) -> Result<Vec<OfferSummary>, PageError> {
    let filter = offers::Filter {
        organisation_id: Some(id),
        ..offers::Filter::default()
    };
    let recs = offers::list(state.db(), &filter, None, OFFERS).await?;
    let ids: Vec<i64> = recs.iter().map(|r| r.id).collect();
    let mut titles = offers::titles_many(state.db(), &ids, tr.lang().code()).await?;
    let mut out = Vec::new();
    for rec in recs {
        if !readable(state, None, &rec).await? {
            continue;
        }
        let texts = titles.remove(&rec.id).unwrap_or_default();
        out.push(summarise(rec, texts, tr));
    }
    Ok(out)
}
