use super::*;
use klaster_domain::{ClusterStatus, ClusterStatusKind, OrgKind};
use klaster_store::organisations::Sort;
use klaster_store::testing;

fn all() -> Page {
    Page {
        sort: Sort::Name,
        after: None,
        limit: 100_000,
    }
}

async fn id_by_name(db: &Db, name: &str) -> Option<i64> {
    let filter = Filter {
        name: Some(fold(name)),
        ..Filter::default()
    };
    let rows = organisations::list(db, &filter, &all()).await.ok()?;
    rows.iter()
        .find(|r| r.org.primary_name() == name)
        .map(|r| r.id)
}

#[tokio::test]
async fn loads_on_every_engine_once() {
    let real = facts::organisations().len();
    for t in testing::engines().await {
        let db = &t.db;
        let report = load(db, DEFAULT_SYNTHETIC).await;
        assert!(report.is_ok(), "{:?}: {report:?}", t.kind());
        let total = organisations::count(db).await.unwrap_or(0);
        assert_eq!(total as usize, real + DEFAULT_SYNTHETIC, "{:?}", t.kind());
        const { assert!(DEFAULT_SYNTHETIC >= 300) };

        // The done-check of the issue: metal firms under NACE 25, and the cluster's status.
        let metal = organisations::list(
            db,
            &Filter {
                nace: Some("25".into()),
                ..Filter::default()
            },
            &all(),
        )
        .await
        .unwrap_or_default();
        let firms: Vec<_> = metal
            .iter()
            .filter(|r| r.org.kind == OrgKind::Company)
            .collect();
        assert!(firms.len() >= 40, "only {} metal firms", firms.len());
        assert!(firms.iter().all(|r| {
            r.org
                .nace_main
                .iter()
                .chain(&r.org.nace_other)
                .any(|c| c.starts_with("25"))
        }));
        let kom = id_by_name(db, "Klaster Obróbki Metali").await;
        assert!(kom.is_some());
        let statuses = directory::statuses(db, kom.unwrap_or(0))
            .await
            .unwrap_or_default();
        assert_eq!(statuses.len(), 1);
        let status: Option<ClusterStatus> = statuses
            .first()
            .and_then(|s| directory::decode(&s.data.0).ok());
        assert_eq!(
            status.map(|s| s.kind),
            Some(ClusterStatusKind::KeyNationalCluster)
        );
        let members = directory::members(db, kom.unwrap_or(0))
            .await
            .unwrap_or_default();
        assert!(members.len() >= 30, "{} members", members.len());
        assert_eq!(
            members.iter().filter(|m| m.role == "coordinator").count(),
            1
        );

        // Every stored profile is a valid one (stored profiles validate again to themselves).
        let everyone = organisations::list(db, &Filter::default(), &all())
            .await
            .unwrap_or_default();
        assert_eq!(everyone.len(), real + DEFAULT_SYNTHETIC);
        for r in &everyone {
            assert_eq!(
                r.org.to_input().validate().as_ref(),
                Ok(&r.org),
                "{}",
                r.org.primary_name()
            );
        }
        assert_eq!(
            directory::agreements(db, None)
                .await
                .unwrap_or_default()
                .len(),
            3
        );
        assert_eq!(directory::projects(db).await.unwrap_or_default().len(), 5);
        assert_eq!(directory::events(db).await.unwrap_or_default().len(), 12);

        // The demo's people can sign in at once, each in their role.
        let metal = id_by_name(db, "Klaster Obróbki Metali").await;
        for (email, role, scope) in [
            ("admin@demo.klaster.eu", "admin", None),
            ("koordynator@demo.klaster.eu", "coordinator", metal),
            ("firma@demo.klaster.eu", "org_admin", Some(102)),
        ] {
            let a = klaster_store::accounts::by_email(db, email)
                .await
                .ok()
                .flatten()
                .unwrap_or_else(|| panic!("{email}"));
            assert_eq!((a.role.as_str(), a.scope_id), (role, scope), "{email}");
            assert!(a.email_verified_at.is_some());
            assert!(klaster_store::accounts::check_password(
                Some(&a),
                DEMO_PASSWORD
            ));
        }

        // A second load does not duplicate anything.
        let again = load(db, DEFAULT_SYNTHETIC).await.unwrap_or_default();
        assert!(again.contains("nothing loaded"), "{again}");
        assert_eq!(
            organisations::count(db).await.unwrap_or(0) as usize,
            real + DEFAULT_SYNTHETIC
        );
        load_if_empty(db, DEFAULT_SYNTHETIC).await.ok();
        assert_eq!(
            organisations::count(db).await.unwrap_or(0) as usize,
            real + DEFAULT_SYNTHETIC
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn two_loads_give_the_same_data() {
    let a = testing::sqlite().await;
    let b = testing::sqlite().await;
    assert!(load(&a.db, 120).await.is_ok());
    assert!(load(&b.db, 120).await.is_ok());
    let names = |rows: Vec<organisations::OrgRecord>| {
        let mut v: Vec<(i64, String)> = rows
            .into_iter()
            .map(|r| (r.id, r.org.primary_name().to_string()))
            .collect();
        v.sort();
        v
    };
    let ra = organisations::list(&a.db, &Filter::default(), &all())
        .await
        .unwrap_or_default();
    let rb = organisations::list(&b.db, &Filter::default(), &all())
        .await
        .unwrap_or_default();
    assert_eq!(ra.len(), facts::organisations().len() + 120);
    assert_eq!(names(ra), names(rb));
    a.cleanup().await;
    b.cleanup().await;
}

#[test]
fn synthetic_firms_are_plausible_and_distinct() {
    let firms = synthetic::generate(DEFAULT_SYNTHETIC);
    assert_eq!(firms.len(), DEFAULT_SYNTHETIC);
    let by = firms.iter().filter(|f| f.belarusian).count();
    assert!((50..=110).contains(&by), "{by} Belarusian firms");
    let podlaskie = firms.iter().filter(|f| f.podlaskie).count();
    assert!(podlaskie * 2 > firms.len(), "{podlaskie} in Podlaskie");

    let mut names = std::collections::HashSet::new();
    let mut ids = std::collections::HashSet::new();
    for f in &firms {
        let org = f.input.clone().validate();
        assert!(org.is_ok(), "{:?}: {org:?}", f.input.names);
        let Ok(org) = org else { continue };
        assert!(
            names.insert(fold(org.primary_name())),
            "duplicate name {}",
            org.primary_name()
        );
        for id in &org.legal_ids {
            if id.kind() != klaster_domain::LegalIdKind::EuVat {
                assert!(
                    ids.insert(id.value().to_string()),
                    "duplicate id {}",
                    id.value()
                );
            }
        }
        assert!(
            org.region
                .as_deref()
                .is_some_and(|r| r.starts_with(&org.country))
        );
        assert!(org.description.len() >= 2);
        assert!(!f.contacts.is_empty() && f.contacts.len() <= 2);
        for c in &f.contacts {
            assert!(c.is_personal_data);
            assert!(c.clone().validate().is_ok(), "{c:?}");
            assert!(
                c.email
                    .as_deref()
                    .is_some_and(|e| e.ends_with(".example.com"))
            );
        }
    }
    // Same seed, same firms.
    let again = synthetic::generate(DEFAULT_SYNTHETIC);
    assert!(
        firms
            .iter()
            .zip(&again)
            .all(|(a, b)| a.input == b.input && a.contacts == b.contacts)
    );
}

#[test]
fn facts_validate() {
    for r in facts::organisations() {
        assert!(
            r.input.clone().validate().is_ok(),
            "{}: {:?}",
            r.key,
            r.input.clone().validate()
        );
        assert!(
            r.input.legal_ids.is_empty(),
            "no invented identifiers for {}",
            r.key
        );
    }
    for c in facts::CLUSTERS {
        let p = ClusterProfileInput {
            branches: c.branches.iter().map(|b| b.to_string()).collect(),
            regions: c.regions.iter().map(|r| r.to_string()).collect(),
            requires_offer_review: false,
        };
        assert!(p.validate().is_ok(), "{}", c.key);
    }
    assert!(facts::statuses().is_ok_and(|s| s.into_iter().all(|(_, s)| s.validate().is_ok())));
    assert_eq!(facts::events().map(|e| e.len()).unwrap_or(0), 12);
    assert_eq!(facts::projects().map(|p| p.len()).unwrap_or(0), 5);
}
