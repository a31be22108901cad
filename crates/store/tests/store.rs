//! Storage behaviour, run on every engine available (SQLite always; PostgreSQL when
//! `KLASTER_TEST_POSTGRES_URL` is set — CI sets it and requires it).

use klaster_domain::{Organisation, OrganisationInput};
use klaster_store::organisations::{self as orgs, Filter, Page, Sort};
use klaster_store::testing::engines;
use klaster_store::{StoreError, changelog, jobs};
use serde_json::json;

fn org(value: serde_json::Value) -> Organisation {
    let input: OrganisationInput = serde_json::from_value(value).expect("input shape");
    input.validate().expect("valid organisation")
}

fn firm(name: &str, nace: &str, region: &str, nip: Option<&str>) -> Organisation {
    let mut v = json!({
        "names": [{"lang": "pl", "text": name}],
        "kind": "company",
        "country": if region.starts_with("BY") { "BY" } else { "PL" },
        "region": region,
        "nace_main": nace,
        "size_class": "small",
    });
    if let Some(nip) = nip {
        v["legal_ids"] = json!([{"kind": "nip", "value": nip}]);
    }
    org(v)
}

fn page(limit: i64) -> Page {
    Page {
        sort: Sort::Name,
        after: None,
        limit,
    }
}

#[tokio::test]
async fn organisation_round_trip_and_versioning() {
    for t in engines().await {
        let db = &t.db;
        let a = firm(
            "Zakład Obróbki Metali Łapy",
            "25.62",
            "PL841",
            Some("7740001454"),
        );
        let rec = orgs::create(db, &a).await.unwrap();
        assert_eq!(rec.org, a, "{:?}", t.kind());
        assert_eq!(rec.version, 1);
        let got = orgs::get(db, rec.id).await.unwrap();
        assert_eq!(got, rec);

        let mut b = a.clone();
        b.employees = Some(42);
        let updated = orgs::update(db, rec.id, &b, Some(1)).await.unwrap();
        assert_eq!(updated.version, 2);
        assert_eq!(updated.org.employees, Some(42));
        // A stale version is refused and changes nothing.
        let stale = orgs::update(db, rec.id, &a, Some(1)).await;
        assert!(
            matches!(stale, Err(StoreError::Conflict(_))),
            "{:?}: {stale:?}",
            t.kind()
        );
        assert_eq!(orgs::get(db, rec.id).await.unwrap().org.employees, Some(42));

        orgs::delete(db, rec.id).await.unwrap();
        assert!(matches!(
            orgs::get(db, rec.id).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            orgs::delete(db, rec.id).await,
            Err(StoreError::NotFound)
        ));
        t.cleanup().await;
    }
}

#[tokio::test]
async fn duplicate_legal_id_is_a_conflict_and_writes_nothing() {
    for t in engines().await {
        let db = &t.db;
        orgs::create(db, &firm("Alfa", "25.11", "PL841", Some("7740001454")))
            .await
            .unwrap();
        let second = orgs::create(db, &firm("Beta", "25.11", "PL841", Some("7740001454"))).await;
        match second {
            Err(StoreError::Conflict(msg)) => assert!(msg.contains("7740001454"), "{msg}"),
            other => panic!("{:?}: expected a conflict, got {other:?}", t.kind()),
        }
        assert_eq!(
            orgs::count(db).await.unwrap(),
            1,
            "{:?}: the failed insert left a row",
            t.kind()
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn filters_by_nace_and_region_at_any_level() {
    for t in engines().await {
        let db = &t.db;
        orgs::create(db, &firm("Metal Białystok", "25.62", "PL841", None))
            .await
            .unwrap();
        orgs::create(db, &firm("Metal Suwałki", "25.11", "PL842", None))
            .await
            .unwrap();
        orgs::create(db, &firm("Mleczarnia", "10.51", "PL841", None))
            .await
            .unwrap();
        orgs::create(db, &firm("Budowa Grodno", "41.20", "BY-HR", None))
            .await
            .unwrap();
        let names = |rows: Vec<orgs::OrgRecord>| {
            rows.into_iter()
                .map(|r| r.org.primary_name().to_string())
                .collect::<Vec<_>>()
        };
        let f = |nace: Option<&str>, region: Option<&str>| Filter {
            nace: nace.map(String::from),
            region: region.map(String::from),
            ..Filter::default()
        };
        assert_eq!(
            names(
                orgs::list(db, &f(Some("25"), None), &page(50))
                    .await
                    .unwrap()
            ),
            ["Metal Białystok", "Metal Suwałki"]
        );
        assert_eq!(
            names(
                orgs::list(db, &f(Some("C"), Some("PL841")), &page(50))
                    .await
                    .unwrap()
            ),
            ["Metal Białystok", "Mleczarnia"]
        );
        assert_eq!(
            names(
                orgs::list(db, &f(Some("25.6"), Some("PL84")), &page(50))
                    .await
                    .unwrap()
            ),
            ["Metal Białystok"]
        );
        assert_eq!(
            names(
                orgs::list(db, &f(None, Some("BY")), &page(50))
                    .await
                    .unwrap()
            ),
            ["Budowa Grodno"]
        );
        let by_name = Filter {
            name: Some("bialystok".into()),
            ..Filter::default()
        };
        assert_eq!(
            names(orgs::list(db, &by_name, &page(50)).await.unwrap()),
            ["Metal Białystok"],
            "{:?}",
            t.kind()
        );
        t.cleanup().await;
    }
}

#[tokio::test]
async fn keyset_pages_visit_every_row_once_in_order() {
    for t in engines().await {
        let db = &t.db;
        for i in 0..23 {
            // Equal names force the id tie-break.
            let name = format!("Firma {}", i % 5);
            orgs::create(db, &firm(&name, "25.11", "PL841", None))
                .await
                .unwrap();
        }
        for sort in [Sort::Name, Sort::NameDesc, Sort::Updated, Sort::UpdatedDesc] {
            let mut seen = Vec::new();
            let mut p = Page {
                sort,
                after: None,
                limit: 4,
            };
            loop {
                let rows = orgs::list(db, &Filter::default(), &p).await.unwrap();
                let Some(last) = rows.last() else { break };
                p.after = Some((sort.key_of(last), last.id));
                seen.extend(rows.iter().map(|r| (sort.key_of(r), r.id)));
            }
            assert_eq!(seen.len(), 23, "{:?} {sort:?}", t.kind());
            let mut expected = seen.clone();
            expected.sort();
            if matches!(sort, Sort::NameDesc | Sort::UpdatedDesc) {
                expected.reverse();
            }
            assert_eq!(seen, expected, "{:?} {sort:?}", t.kind());
        }
        t.cleanup().await;
    }
}

#[tokio::test]
async fn change_log_is_ordered_and_written_with_the_change() {
    for t in engines().await {
        let db = &t.db;
        let start = changelog::head(db).await.unwrap();
        let a = orgs::create(db, &firm("A", "25.11", "PL841", None))
            .await
            .unwrap();
        let b = orgs::create(db, &firm("B", "25.11", "PL841", None))
            .await
            .unwrap();
        orgs::delete(db, a.id).await.unwrap();
        let changes = changelog::since(db, start, 100).await.unwrap();
        let got: Vec<(i64, &str)> = changes
            .iter()
            .map(|c| (c.entity_id, c.op.as_str()))
            .collect();
        assert_eq!(
            got,
            [(a.id, "upsert"), (b.id, "upsert"), (a.id, "delete")],
            "{:?}",
            t.kind()
        );
        assert!(changes.windows(2).all(|w| w[0].seq < w[1].seq));
        // A failed write leaves no change behind.
        let head = changelog::head(db).await.unwrap();
        let _ = orgs::update(db, 999_999, &firm("X", "25.11", "PL841", None), None).await;
        assert_eq!(changelog::head(db).await.unwrap(), head);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn jobs_are_claimed_once_and_retried_with_back_off() {
    for t in engines().await {
        let db = &t.db;
        let mut tx = db.begin().await.unwrap();
        let id = jobs::enqueue(&mut tx, "mail", &json!({"to": "a@example.org"}), 2)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let lease = chrono::Duration::seconds(30);
        assert!(
            jobs::claim(db, &["translate"], lease)
                .await
                .unwrap()
                .is_none(),
            "other kinds are not claimed"
        );
        let job = jobs::claim(db, &["mail"], lease)
            .await
            .unwrap()
            .expect("a job");
        assert_eq!((job.id, job.attempts), (id, 1));
        assert!(
            jobs::claim(db, &["mail"], lease).await.unwrap().is_none(),
            "a leased job is not claimed twice"
        );
        jobs::fail(db, &job, "smtp down", Some(jobs::backoff(job.attempts)))
            .await
            .unwrap();
        let after = jobs::get(db, id).await.unwrap();
        assert_eq!(
            (after.status.as_str(), after.last_error.as_deref()),
            ("queued", Some("smtp down"))
        );
        // Back-off: not due yet.
        assert!(jobs::claim(db, &["mail"], lease).await.unwrap().is_none());
        t.cleanup().await;
    }
}

#[tokio::test]
async fn tokens_authenticate_until_revoked() {
    for t in engines().await {
        let db = &t.db;
        let user = klaster_store::auth::create_user(
            db,
            "Admin@Example.org",
            Some("correct horse"),
            "admin",
            None,
        )
        .await
        .unwrap();
        assert_eq!(user.email, "admin@example.org");
        let (token_id, secret) = klaster_store::auth::create_token(db, user.id, "ci")
            .await
            .unwrap();
        let found = klaster_store::auth::user_for_token(db, &secret)
            .await
            .unwrap();
        assert_eq!(found.map(|u| u.id), Some(user.id));
        assert!(
            klaster_store::auth::user_for_token(db, "kls_wrong")
                .await
                .unwrap()
                .is_none()
        );
        klaster_store::auth::revoke_token(db, token_id)
            .await
            .unwrap();
        assert!(
            klaster_store::auth::user_for_token(db, &secret)
                .await
                .unwrap()
                .is_none()
        );
        let dup =
            klaster_store::auth::create_user(db, "admin@example.org", None, "admin", None).await;
        assert!(matches!(dup, Err(StoreError::Conflict(_))), "{dup:?}");
        t.cleanup().await;
    }
}

#[tokio::test]
async fn sessions_live_until_signed_out_or_expired_and_failures_are_counted() {
    use chrono::Duration;
    use klaster_store::sessions;
    for t in engines().await {
        let db = &t.db;
        let user = klaster_store::auth::create_user(
            db,
            "anna@example.pl",
            Some("pw"),
            "org_member",
            Some(7),
        )
        .await
        .unwrap();
        let idle = Duration::hours(8);
        let (secret, s) = sessions::create(db, user.id, idle).await.unwrap();
        assert_ne!(secret, s.csrf, "the cookie and the form token differ");
        let (u, again) = sessions::get(db, &secret, idle).await.unwrap().unwrap();
        assert_eq!((u.id, again.csrf.as_str()), (user.id, s.csrf.as_str()));
        assert!(sessions::get(db, "forged", idle).await.unwrap().is_none());
        let (other, _) = sessions::create(db, user.id, idle).await.unwrap();
        sessions::delete(db, &secret).await.unwrap();
        assert!(
            sessions::get(db, &secret, idle).await.unwrap().is_none(),
            "signed out"
        );
        assert!(
            sessions::get(db, &other, idle).await.unwrap().is_some(),
            "only that one"
        );
        assert_eq!(sessions::delete_for_user(db, user.id).await.unwrap(), 1);
        let (short, _) = sessions::create(db, user.id, Duration::milliseconds(-1))
            .await
            .unwrap();
        assert!(
            sessions::get(db, &short, idle).await.unwrap().is_none(),
            "expired"
        );
        assert_eq!(sessions::purge(db, Duration::hours(1)).await.unwrap(), 1);

        for _ in 0..3 {
            sessions::record_failure(db, "anna@example.pl")
                .await
                .unwrap();
        }
        sessions::record_failure(db, "10.0.0.1").await.unwrap();
        let window = Duration::minutes(15);
        assert_eq!(
            sessions::failures_within(db, "anna@example.pl", window)
                .await
                .unwrap(),
            3
        );
        sessions::clear_failures(db, "anna@example.pl")
            .await
            .unwrap();
        assert_eq!(
            sessions::failures_within(db, "anna@example.pl", window)
                .await
                .unwrap(),
            0
        );
        assert_eq!(
            sessions::failures_within(db, "10.0.0.1", window)
                .await
                .unwrap(),
            1
        );
        t.cleanup().await;
    }
}

#[test]
fn passwords_hash_and_verify() {
    let h = klaster_store::auth::hash_password("zażółć gęślą jaźń").unwrap();
    assert!(h.starts_with("$argon2"));
    assert!(klaster_store::auth::verify_password(
        "zażółć gęślą jaźń",
        &h
    ));
    assert!(!klaster_store::auth::verify_password("zazolc", &h));
}

mod offers {
    use klaster_domain::offer::{CloseReason, OfferInput, OfferStatus, Transition};
    use klaster_store::offers::{self, Filter};
    use klaster_store::testing::engines;
    use klaster_store::{StoreError, jobs};
    use serde_json::json;

    fn offer(
        org_id: i64,
        title: &str,
        nace: &str,
        cluster: Option<i64>,
    ) -> klaster_domain::offer::Offer {
        let visibility = match cluster {
            Some(c) => json!({"scope": "cluster", "cluster_id": c}),
            None => json!({"scope": "public"}),
        };
        let v = json!({
            "organisation_id": org_id, "lang": "pl", "title": title, "description": "Opis.",
            "details": {"kind": "order_handover", "deadline": "2099-01-31"},
            "nace": [nace], "country": "PL", "region": "PL841", "visibility": visibility
        });
        let input: OfferInput = serde_json::from_value(v).unwrap();
        input
            .validate(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
            .unwrap()
    }

    #[tokio::test]
    async fn offers_live_through_their_lifecycle_with_history_and_jobs() {
        for t in engines().await {
            let db = &t.db;
            let org = klaster_store::organisations::create(
                db,
                &super::firm("Alfa", "25.62", "PL841", None),
            )
            .await
            .unwrap();
            let rec = offers::create(
                db,
                &offer(org.id, "Przekażemy zlecenie", "25.62", None),
                Some(1),
            )
            .await
            .unwrap();
            assert_eq!(rec.status, OfferStatus::Draft);
            assert!(
                offers::list(db, &Filter::default(), None, 10)
                    .await
                    .unwrap()
                    .is_empty(),
                "drafts are not listed"
            );

            let published = offers::transition(
                db,
                rec.id,
                OfferStatus::Draft,
                OfferStatus::Published,
                &Transition::Submit,
                Some(1),
            )
            .await
            .unwrap();
            assert!(published.published_at.is_some());
            let stale = offers::transition(
                db,
                rec.id,
                OfferStatus::Draft,
                OfferStatus::Published,
                &Transition::Submit,
                Some(1),
            )
            .await;
            assert!(
                matches!(stale, Err(StoreError::Conflict(_))),
                "{:?}",
                t.kind()
            );
            let job = jobs::claim(db, &[offers::TRANSLATE_JOB], chrono::Duration::seconds(30))
                .await
                .unwrap()
                .expect("translation job");
            assert_eq!(job.payload.0, json!({"offer_id": rec.id}));

            let texts = offers::texts(db, rec.id).await.unwrap();
            assert_eq!(
                (texts[0].lang.as_str(), texts[0].status.as_str()),
                ("pl", "original")
            );
            let listed = offers::list(
                db,
                &Filter {
                    nace: Some("C".into()),
                    region: Some("PL84".into()),
                    ..Filter::default()
                },
                None,
                10,
            )
            .await
            .unwrap();
            assert_eq!(listed.len(), 1);

            let close = Transition::Close {
                close: CloseReason::Withdrawn,
            };
            offers::transition(
                db,
                rec.id,
                OfferStatus::Published,
                OfferStatus::Closed,
                &close,
                Some(1),
            )
            .await
            .unwrap();
            let history: Vec<String> = offers::history(db, rec.id)
                .await
                .unwrap()
                .into_iter()
                .map(|h| h.status)
                .collect();
            assert_eq!(history, ["draft", "published", "closed"]);
            t.cleanup().await;
        }
    }

    #[tokio::test]
    async fn many_offers_and_their_texts_are_read_in_one_go() {
        for t in engines().await {
            let db = &t.db;
            let org = klaster_store::organisations::create(
                db,
                &super::firm("Alfa", "25.62", "PL841", None),
            )
            .await
            .unwrap();
            let mut ids = Vec::new();
            for title in ["Pierwsza", "Druga"] {
                let r = offers::create(db, &offer(org.id, title, "25.62", None), None)
                    .await
                    .unwrap();
                ids.push(r.id);
            }
            let (a, b) = (ids[0], ids[1]);
            let got = offers::get_many(db, &[b, a + b + 100, a]).await.unwrap();
            assert_eq!(
                got.iter().map(|r| r.id).collect::<Vec<_>>(),
                [a, b],
                "by id, missing ones left out"
            );
            assert_eq!(got[0], offers::get(db, a).await.unwrap());
            // Offer a has German and English versions; a list in German reads of each offer
            // its original and German titles, without descriptions.
            let mut tx = db.begin().await.unwrap();
            for (lang, title) in [("de", "Erste"), ("en", "First")] {
                let text = offers::OfferText {
                    lang: lang.into(),
                    title: title.into(),
                    description: "Lang".into(),
                    status: "machine".into(),
                    engine: Some("builtin".into()),
                    translated_by: None,
                    updated_at: chrono::Utc::now(),
                };
                offers::set_text(&mut tx, a, &text).await.unwrap();
            }
            tx.commit().await.unwrap();
            let titles = offers::titles_many(db, &[a, b, a + b + 100], "de")
                .await
                .unwrap();
            assert_eq!(titles.len(), 2);
            let of = |id: i64| -> Vec<(String, String, String)> {
                titles[&id]
                    .iter()
                    .map(|t| (t.lang.clone(), t.title.clone(), t.status.clone()))
                    .collect()
            };
            assert_eq!(
                of(a),
                [
                    ("de".into(), "Erste".into(), "machine".into()),
                    ("pl".into(), "Pierwsza".into(), "original".into())
                ]
            );
            assert_eq!(of(b), [("pl".into(), "Druga".into(), "original".into())]);
            assert!(titles.values().flatten().all(|t| t.description.is_empty()));
            assert!(offers::titles_many(db, &[], "de").await.unwrap().is_empty());
            t.cleanup().await;
        }
    }

    #[tokio::test]
    async fn cluster_only_offers_are_visible_to_that_cluster() {
        for t in engines().await {
            let db = &t.db;
            let org = klaster_store::organisations::create(
                db,
                &super::firm("Alfa", "25.62", "PL841", None),
            )
            .await
            .unwrap();
            for (title, cluster) in [("Publiczna", None), ("Tylko klaster", Some(org.id))] {
                let r = offers::create(db, &offer(org.id, title, "25.62", cluster), None)
                    .await
                    .unwrap();
                offers::transition(
                    db,
                    r.id,
                    OfferStatus::Draft,
                    OfferStatus::Published,
                    &Transition::Submit,
                    None,
                )
                .await
                .unwrap();
            }
            let titles = |v: Vec<offers::OfferRecord>| {
                v.into_iter().map(|r| r.offer.title).collect::<Vec<_>>()
            };
            assert_eq!(
                titles(
                    offers::list(db, &Filter::default(), None, 10)
                        .await
                        .unwrap()
                ),
                ["Publiczna"]
            );
            let member = Filter {
                clusters: vec![org.id],
                ..Filter::default()
            };
            assert_eq!(
                titles(offers::list(db, &member, None, 10).await.unwrap()),
                ["Tylko klaster", "Publiczna"]
            );
            t.cleanup().await;
        }
    }
}

#[tokio::test]
async fn a_test_database_is_dropped_even_without_cleanup() {
    let Some(t) = klaster_store::testing::postgres().await else {
        return;
    };
    let name = t.pg_name().expect("a postgres database").to_string();
    t.db.close().await;
    drop(t); // as when a test panics before its cleanup
    let admin = std::env::var("KLASTER_TEST_POSTGRES_URL").unwrap();
    let db = klaster_store::Db::connect(Some(&admin), std::path::Path::new("."))
        .await
        .unwrap();
    let klaster_store::Db::Postgres(pool) = &db else {
        panic!("postgres expected")
    };
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(left, 0, "{name} was left behind");
}

#[tokio::test]
async fn sign_up_links_are_used_once_and_a_new_password_signs_out_everywhere() {
    use chrono::Duration;
    use klaster_store::accounts::{self, Purpose, SignUp};
    use klaster_store::sessions;
    for t in engines().await {
        let db = &t.db;
        let SignUp::Created(id) =
            accounts::sign_up(db, " Olga@Example.BY ", "long password 1", "ru")
                .await
                .unwrap()
        else {
            panic!("a new address opens an account")
        };
        let again = accounts::sign_up(db, "olga@example.by", "other password", "en")
            .await
            .unwrap();
        assert_eq!(again, SignUp::Exists(id));
        let mails: Vec<serde_json::Value> = {
            let mut v = Vec::new();
            while let Some(j) = jobs::claim(db, &[accounts::MAIL_JOB], Duration::minutes(1))
                .await
                .unwrap()
            {
                v.push(j.payload.0.clone());
                jobs::complete(db, j.id).await.unwrap();
            }
            v
        };
        assert_eq!(
            mails,
            vec![
                json!({"user_id": id, "mail": "verify"}),
                json!({"user_id": id, "mail": "already_registered"})
            ],
            "no secret in a payload"
        );
        let acc = accounts::by_email(db, "OLGA@example.by")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (acc.role.as_str(), acc.lang.as_deref()),
            ("visitor", Some("ru"))
        );
        assert!(acc.email_verified_at.is_none());
        assert!(accounts::check_password(Some(&acc), "long password 1"));
        assert!(
            !accounts::check_password(Some(&acc), "other password"),
            "the second sign-up changed nothing"
        );
        assert!(!accounts::check_password(None, "long password 1"));

        let link = accounts::issue(db, id, Purpose::Verify, Duration::days(2))
            .await
            .unwrap();
        assert_eq!(
            accounts::redeem(db, &link, Purpose::Reset).await.unwrap(),
            None,
            "wrong purpose"
        );
        assert_eq!(
            accounts::peek(db, &link, Purpose::Verify).await.unwrap(),
            Some(id)
        );
        assert_eq!(
            accounts::redeem(db, &link, Purpose::Verify).await.unwrap(),
            Some(id)
        );
        assert_eq!(
            accounts::redeem(db, &link, Purpose::Verify).await.unwrap(),
            None,
            "once"
        );
        accounts::mark_verified(db, id).await.unwrap();
        assert!(
            accounts::by_id(db, id)
                .await
                .unwrap()
                .email_verified_at
                .is_some()
        );
        let stale = accounts::issue(db, id, Purpose::Reset, Duration::seconds(-1))
            .await
            .unwrap();
        assert_eq!(
            accounts::redeem(db, &stale, Purpose::Reset).await.unwrap(),
            None,
            "expired"
        );

        let reset = accounts::issue(db, id, Purpose::Reset, Duration::hours(1))
            .await
            .unwrap();
        let (cookie, _) = sessions::create(db, id, Duration::hours(8)).await.unwrap();
        accounts::set_password(db, id, "a new long password")
            .await
            .unwrap();
        assert!(
            sessions::get(db, &cookie, Duration::hours(8))
                .await
                .unwrap()
                .is_none()
        );
        assert_eq!(
            accounts::peek(db, &reset, Purpose::Reset).await.unwrap(),
            None,
            "old links die"
        );
        let acc = accounts::by_id(db, id).await.unwrap();
        assert!(accounts::check_password(Some(&acc), "a new long password"));
        assert_eq!(
            accounts::purge(db).await.unwrap(),
            1,
            "the used confirmation link"
        );

        accounts::set_role(db, id, "org_admin", Some(5))
            .await
            .unwrap();
        assert_eq!(
            klaster_store::auth::user_by_id(db, id)
                .await
                .unwrap()
                .scope_id,
            Some(5)
        );
        let (_, token) = klaster_store::auth::create_token(db, id, "cli")
            .await
            .unwrap();
        accounts::delete(db, id).await.unwrap();
        assert!(
            accounts::by_email(db, "olga@example.by")
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            klaster_store::auth::user_for_token(db, &token)
                .await
                .unwrap()
                .is_none()
        );
        assert!(matches!(
            accounts::delete(db, id).await,
            Err(StoreError::NotFound)
        ));
        t.cleanup().await;
    }
}

#[tokio::test]
async fn the_default_questionnaire_gains_new_languages_in_place() {
    use klaster_store::questionnaires as qs;
    use sqlx::types::Json;
    for t in engines().await {
        let db = &t.db;
        let full = klaster_domain::default_questionnaire();
        let stored = qs::latest(db, &full.key).await.unwrap().unwrap();
        assert_eq!(stored.definition, full, "migrate stores the built-in one");
        // As an installation made before the Russian texts stored it.
        let old = full.restricted_to(&["pl", "en"]);
        let sql = "UPDATE questionnaires SET definition = $1 WHERE id = $2";
        klaster_store::on_db!(db, p => sqlx::query(sql)
            .bind(Json(&old)).bind(stored.id).execute(p).await.map(|r| r.rows_affected()))
        .unwrap();
        qs::ensure_default(db).await.unwrap();
        let now = qs::latest(db, &full.key).await.unwrap().unwrap();
        assert_eq!(
            (now.id, &now.definition),
            (stored.id, &full),
            "{:?}",
            t.kind()
        );
        // A version changed otherwise is somebody's decision: left as it is.
        let mut other = old.clone();
        other.sections[0].questions[0].required = false;
        klaster_store::on_db!(db, p => sqlx::query(sql)
            .bind(Json(&other)).bind(stored.id).execute(p).await.map(|r| r.rows_affected()))
        .unwrap();
        qs::ensure_default(db).await.unwrap();
        let now = qs::latest(db, &full.key).await.unwrap().unwrap();
        assert_eq!(now.definition, other);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_draft_is_replaced_at_every_step_and_goes_with_its_author() {
    use klaster_store::drafts::{self, Draft};
    for t in engines().await {
        let db = &t.db;
        klaster_store::questionnaires::ensure_default(db)
            .await
            .unwrap();
        let q = klaster_store::questionnaires::latest(db, "cluster-cooperation")
            .await
            .unwrap()
            .unwrap();
        let user = klaster_store::auth::create_user(db, "a@b.pl", Some("pw"), "visitor", None)
            .await
            .unwrap();
        assert_eq!(drafts::get(db, user.id, q.id).await.unwrap(), None);
        let mut d = Draft {
            questionnaire_id: q.id,
            lang: "pl".into(),
            cluster_id: None,
            answers: json!({"company": {"name": "Stal <b>"}}),
            updated_at: chrono::Utc::now(),
        };
        drafts::save(db, user.id, &d).await.unwrap();
        d.answers = json!({"company": {"name": "Stal-Bud", "nip": "774-000-14-54"}});
        d.cluster_id = Some(3);
        drafts::save(db, user.id, &d).await.unwrap();
        let got = drafts::get(db, user.id, q.id).await.unwrap().unwrap();
        assert_eq!((got.answers, got.cluster_id), (d.answers.clone(), Some(3)));
        klaster_store::accounts::delete(db, user.id).await.unwrap();
        assert_eq!(
            drafts::get(db, user.id, q.id).await.unwrap(),
            None,
            "erased with the account"
        );
        t.cleanup().await;
    }
}

/// Two transactions that each read before they write both commit: the second waits for the
/// first (SQLite takes the write lock at BEGIN) instead of failing with "database is locked"
/// when its read snapshot can no longer become a write.
#[tokio::test]
async fn transactions_that_read_then_write_wait_for_each_other() {
    for t in engines().await {
        let (read, has_read) = tokio::sync::oneshot::channel();
        let first = tokio::spawn({
            let db = t.db.clone();
            async move {
                let mut tx = db.begin().await?;
                orgs::legal_id_index(&mut tx).await?;
                read.send(()).ok();
                // Give the second transaction time to run while this one holds its snapshot.
                tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                orgs::insert_many(&mut tx, &[firm("Alfa", "25.62", "PL841", None)]).await?;
                tx.commit().await
            }
        });
        has_read.await.unwrap();
        let second = async {
            let mut tx = t.db.begin().await?;
            orgs::legal_id_index(&mut tx).await?;
            orgs::insert_many(&mut tx, &[firm("Beta", "25.62", "PL841", None)]).await?;
            tx.commit().await
        };
        let second: Result<(), StoreError> = second.await;
        let first = first.await.unwrap();
        assert!(
            first.is_ok() && second.is_ok(),
            "{:?}: {first:?} {second:?}",
            t.kind()
        );
        assert_eq!(
            orgs::list(&t.db, &Filter::default(), &page(10))
                .await
                .unwrap()
                .len(),
            2
        );
        t.cleanup().await;
    }
}
