//! `klaster demo`: the real organisations, clusters, statuses, projects, events and agreements
//! of the Podlaskie cluster ecosystem (see `demo/facts.rs`), plus seeded synthetic firms around
//! them. Everything passes the domain's validation and goes in through the store in one
//! transaction, so a failure leaves nothing half-loaded.

mod branches;
mod facts;
mod legal;
mod names;
mod plan;
mod synthetic;

use std::collections::HashMap;

use anyhow::{Context, anyhow};
use klaster_domain::{
    AgreementInput, ClusterProfileInput, MembershipInput, RelationInput, ValidationErrors, fold,
};
use klaster_store::organisations::{self, Filter, Page};
use klaster_store::{Db, Tx, directory};
use serde::Serialize;

/// How many synthetic firms `klaster demo` adds by default.
pub const DEFAULT_SYNTHETIC: usize = 320;

/// The snake_case name serde gives an enum value (the store keeps kinds and roles as text).
fn snake<T: Serialize>(value: &T) -> anyhow::Result<String> {
    match serde_json::to_value(value)? {
        serde_json::Value::String(s) => Ok(s),
        other => Err(anyhow!("expected a string, got {other}")),
    }
}

fn invalid(what: &str, e: ValidationErrors) -> anyhow::Error {
    anyhow!("demo data does not validate: {what}: {e}")
}

/// Whether the demo is already in: the Metal Processing Cluster is there.
async fn already_loaded(db: &Db) -> anyhow::Result<bool> {
    let filter = Filter {
        kinds: vec!["cluster_organisation".into()],
        name: Some(fold(facts::MARKER_NAME)),
        ..Filter::default()
    };
    let page = Page {
        limit: 10,
        ..Page::default()
    };
    let found = organisations::list(db, &filter, &page)
        .await
        .context("looking for demo data already loaded")?;
    Ok(found
        .iter()
        .any(|r| r.org.primary_name() == facts::MARKER_NAME))
}

#[derive(Debug, Default)]
struct Counts {
    real: usize,
    synthetic_pl: usize,
    synthetic_by: usize,
    contacts: usize,
    memberships: usize,
    statuses: usize,
    relations: usize,
    projects: usize,
    events: usize,
    agreements: usize,
}

/// Loads the demo data. Does nothing (and says so) when it is already there.
pub async fn load(db: &Db, synthetic: usize) -> anyhow::Result<String> {
    if already_loaded(db).await? {
        return Ok(format!(
            "demo data already present ({} found); nothing loaded",
            facts::MARKER_NAME
        ));
    }
    let mut tx = db.begin().await.context("starting the demo transaction")?;
    let counts = load_in(&mut tx, synthetic).await?;
    tx.commit().await.context("committing the demo data")?;
    ensure_accounts(db).await?;
    db.analyze().await?;
    Ok(format!(
        "demo data loaded: {} organisations ({} real; {} synthetic firms: {} Polish, {} Belarusian), \
         {} contacts, {} memberships, {} cluster statuses, {} relations, {} projects, {} events, {} agreements",
        counts.real + counts.synthetic_pl + counts.synthetic_by,
        counts.real,
        counts.synthetic_pl + counts.synthetic_by,
        counts.synthetic_pl,
        counts.synthetic_by,
        counts.contacts,
        counts.memberships,
        counts.statuses,
        counts.relations,
        counts.projects,
        counts.events,
        counts.agreements,
    ))
}

pub async fn load_if_empty(db: &Db, synthetic: usize) -> anyhow::Result<()> {
    if klaster_store::organisations::count(db).await? == 0 {
        load(db, synthetic).await?;
    }
    Ok(())
}

async fn load_in(tx: &mut Tx, synthetic: usize) -> anyhow::Result<Counts> {
    let mut counts = Counts::default();
    let mut ids: HashMap<&'static str, i64> = HashMap::new();
    let id_of = |ids: &HashMap<&'static str, i64>, key: &str| {
        ids.get(key)
            .copied()
            .with_context(|| format!("demo facts name an unknown organisation '{key}'"))
    };

    for real in facts::organisations() {
        let org = real.input.validate().map_err(|e| invalid(real.key, e))?;
        let id = organisations::insert(tx, &org)
            .await
            .with_context(|| format!("inserting {}", org.primary_name()))?;
        ids.insert(real.key, id);
        counts.real += 1;
    }

    for cluster in facts::CLUSTERS {
        let id = id_of(&ids, cluster.key)?;
        let profile = ClusterProfileInput {
            branches: cluster.branches.iter().map(|b| b.to_string()).collect(),
            regions: cluster.regions.iter().map(|r| r.to_string()).collect(),
            requires_offer_review: false,
        }
        .validate()
        .map_err(|e| invalid(cluster.key, e))?;
        directory::set_cluster_profile(tx, id, &profile, profile.requires_offer_review)
            .await
            .with_context(|| format!("cluster profile of {}", cluster.key))?;
    }
    for (key, input) in facts::statuses()? {
        let status = input.validate().map_err(|e| invalid(key, e))?;
        directory::add_status(
            tx,
            id_of(&ids, key)?,
            &snake(&status.kind)?,
            status.granted_on,
            status.valid_until,
            &status,
        )
        .await
        .with_context(|| format!("status of {key}"))?;
        counts.statuses += 1;
    }

    let firms = synthetic::generate(synthetic);
    let mut firm_ids = Vec::with_capacity(firms.len());
    for firm in &firms {
        let org = firm
            .input
            .clone()
            .validate()
            .map_err(|e| invalid("synthetic firm", e))?;
        let id = organisations::insert(tx, &org)
            .await
            .with_context(|| format!("inserting {}", org.primary_name()))?;
        for c in &firm.contacts {
            let contact = c
                .clone()
                .validate()
                .map_err(|e| invalid(org.primary_name(), e))?;
            directory::add_contact_in(tx, id, &contact, contact.is_personal_data)
                .await
                .with_context(|| format!("contact of {}", org.primary_name()))?;
            counts.contacts += 1;
        }
        firm_ids.push(id);
        if firm.belarusian {
            counts.synthetic_by += 1;
        } else {
            counts.synthetic_pl += 1;
        }
    }

    let plan = plan::plan(&firms)?;
    for m in &plan.memberships {
        let membership = MembershipInput {
            organisation_id: firm_ids[m.firm],
            role: m.role,
            joined_on: m.joined_on,
            left_on: m.left_on,
        }
        .validate()
        .map_err(|e| invalid("membership", e))?;
        directory::add_member(
            tx,
            id_of(&ids, m.cluster)?,
            membership.organisation_id,
            &snake(&membership.role)?,
            membership.joined_on,
            membership.left_on,
        )
        .await
        .context("adding a cluster member")?;
        counts.memberships += 1;
    }
    for r in &plan.relations {
        let rel = RelationInput {
            from_id: firm_ids[r.from],
            to_id: firm_ids[r.to],
            kind: r.kind,
        }
        .validate()
        .map_err(|e| invalid("relation", e))?;
        directory::add_relation(tx, rel.from_id, rel.to_id, &snake(&rel.kind)?)
            .await
            .context("adding a relation")?;
        counts.relations += 1;
    }

    let mut project_ids: HashMap<&'static str, i64> = HashMap::new();
    for p in facts::projects()? {
        let partners = p
            .partners
            .iter()
            .map(|(key, role)| Ok((id_of(&ids, key)?, *role)))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let id = directory::add_project(tx, &p.doc, &partners)
            .await
            .with_context(|| format!("project {}", p.key))?;
        project_ids.insert(p.key, id);
        counts.projects += 1;
    }
    for mut e in facts::events()? {
        e.project_id = match e.project_key {
            Some(k) => Some(
                project_ids
                    .get(k)
                    .copied()
                    .with_context(|| format!("unknown project '{k}'"))?,
            ),
            None => None,
        };
        e.organisation_ids = e
            .organisation_keys
            .iter()
            .map(|k| id_of(&ids, k))
            .collect::<anyhow::Result<_>>()?;
        directory::add_event(tx, e.starts_on, &e)
            .await
            .with_context(|| format!("event of {}", e.starts_on))?;
        counts.events += 1;
    }
    for a in facts::agreements()? {
        let agreement = AgreementInput {
            kind: a.kind,
            title: a.title,
            signed_on: a.signed_on,
            valid_until: None,
            party_ids: a
                .parties
                .iter()
                .map(|k| id_of(&ids, k))
                .collect::<anyhow::Result<_>>()?,
            description: a.description,
        }
        .validate()
        .map_err(|e| invalid("agreement", e))?;
        directory::add_agreement(
            tx,
            &snake(&agreement.kind)?,
            Some(agreement.signed_on),
            &agreement,
            &agreement.party_ids,
        )
        .await
        .context("adding an agreement")?;
        counts.agreements += 1;
    }
    Ok(counts)
}

#[cfg(test)]
mod tests;

/// The password of the demo's accounts (README, "The portal in the browser").
pub const DEMO_PASSWORD: &str = "klaster-demo-2026";

/// The demo's people, so every step of the portal can be tried at once: an administrator, the
/// coordinator of the Metal Processing Cluster, and the administrator of demo firm 102. Their
/// addresses are confirmed; accounts that exist are left alone.
pub async fn ensure_accounts(db: &Db) -> anyhow::Result<()> {
    use klaster_store::organisations as orgs;
    let clusters = orgs::list(
        db,
        &orgs::Filter {
            kinds: vec![klaster_domain::OrgKind::ClusterOrganisation.as_str().into()],
            ..orgs::Filter::default()
        },
        &orgs::Page {
            sort: orgs::Sort::Name,
            after: None,
            limit: 50,
        },
    )
    .await?;
    let metal = clusters
        .iter()
        .find(|c| {
            c.org
                .names
                .iter()
                .any(|n| n.text == "Klaster Obróbki Metali")
        })
        .map(|c| c.id);
    let firm = orgs::get(db, 102).await.ok().map(|o| o.id);
    let people = [
        ("admin@demo.klaster.eu", "admin", None, true),
        (
            "koordynator@demo.klaster.eu",
            "coordinator",
            metal,
            metal.is_some(),
        ),
        ("firma@demo.klaster.eu", "org_admin", firm, firm.is_some()),
    ];
    for (email, role, scope, possible) in people {
        if !possible
            || klaster_store::accounts::by_email(db, email)
                .await?
                .is_some()
        {
            continue;
        }
        let user = klaster_store::auth::create_user(db, email, Some(DEMO_PASSWORD), role, scope)
            .await
            .with_context(|| format!("creating the demo account {email}"))?;
        klaster_store::accounts::mark_verified(db, user.id).await?;
    }
    Ok(())
}
