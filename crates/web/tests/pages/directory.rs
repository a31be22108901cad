//! The directory pages: search with facets, organisation and cluster profiles, what an
//! anonymous reader may not see (contact people), escaping, and every UI language.

use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{assert_html, contains_escaped, page};
use crate::common::{TestApp, apps, firm_json};

struct Dir {
    cluster: i64,
    alfa: i64,
    beta: i64,
    gone: i64,
}

async fn ok(app: &TestApp, path: &str, body: Value) {
    let res = app.post(path, body).await;
    let status = res.status();
    assert_eq!(
        status,
        StatusCode::CREATED,
        "{path}: {}",
        res.text().await.unwrap()
    );
}

/// A cluster in Podlaskie with two current members (one Polish, one Belarusian firm) and one
/// that left; a status; an agreement; contacts of both kinds.
async fn directory(app: &TestApp) -> Dir {
    let mut c = firm_json("Klaster Obróbki Metali", "25.62", "PL841", "5260250274");
    c["kind"] = json!("cluster_organisation");
    c["names"] = json!([{"lang": "pl", "text": "Klaster Obróbki Metali"}, {"lang": "en", "text": "Metalworking Cluster"}]);
    c["website"] = json!("https://klaster.example.pl");
    let cluster = app.create_org(c).await;
    let mut a = firm_json("Alfa Spawanie", "25.62", "PL841", "7740001454");
    a["size_class"] = json!("small");
    a["capabilities"] = json!(["spawanie TIG"]);
    a["certifications"] = json!(["EN 1090"]);
    a["machine_park"] = json!([{"name": "Tokarka CNC", "quantity": 3}]);
    a["email"] = json!("biuro@alfa.example.pl");
    let alfa = app.create_org(a).await;
    let mut b = firm_json("Beta Mleko", "10.51", "BY-HR", "");
    b["size_class"] = json!("medium");
    let beta = app.create_org(b).await;
    let gone = app
        .create_org(firm_json("Gamma Odlewnia", "24.51", "PL841", ""))
        .await;
    let members = format!("/api/v1/clusters/{cluster}/members");
    for (org, role, joined, left) in [
        (alfa, "founding_member", "2015-03-01", None),
        (beta, "member", "2019-06-10", None),
        (gone, "member", "2016-01-15", Some("2020-12-31")),
    ] {
        ok(
            app,
            &members,
            json!({"organisation_id": org, "role": role, "joined_on": joined, "left_on": left}),
        )
        .await;
    }
    ok(
        app,
        &format!("/api/v1/clusters/{cluster}/statuses"),
        json!({"kind": "key_national_cluster", "granted_on": "2016-01-01", "valid_until": "2099-12-31",
               "recertified_on": "2019-01-15", "granted_by": "Ministerstwo Rozwoju"}),
    )
    .await;
    ok(
        app,
        "/api/v1/agreements",
        json!({"kind": "letter_of_intent", "title": [{"lang": "pl", "text": "List intencyjny o współpracy transgranicznej"}],
               "signed_on": "2024-05-20", "party_ids": [alfa, beta]}),
    )
    .await;
    let contacts = format!("/api/v1/organisations/{alfa}/contacts");
    ok(app, &contacts, json!({"name": "Anna Nowak", "role": "Dyrektor handlowy", "email": "a.nowak@alfa.example.pl"})).await;
    ok(app, &contacts, json!({"name": "Dział sprzedaży", "email": "sprzedaz@alfa.example.pl", "is_personal_data": false})).await;
    Dir {
        cluster,
        alfa,
        beta,
        gone,
    }
}

/// Whether a result list shows organisation `id` (its name links to the profile).
fn listed(body: &str, id: i64) -> bool {
    body.contains(&format!("<a href=\"/directory/{id}\" lang="))
}

fn links_to(body: &str, id: i64) -> bool {
    body.contains(&format!("href=\"/directory/{id}\""))
}

#[tokio::test]
async fn the_directory_answers_in_every_ui_language() {
    for app in apps().await {
        let d = directory(&app).await;
        for (lang, heading, kind, status) in [
            (
                "pl",
                "Katalog firm, klastrów i instytucji",
                "Organizacja klastrowa",
                "Krajowy Klaster Kluczowy",
            ),
            (
                "en",
                "Directory of firms, clusters and institutions",
                "Cluster organisation",
                "Key National Cluster",
            ),
            (
                "ru",
                "Каталог предприятий, кластеров и организаций",
                "Кластерная организация",
                "Ключевой национальный кластер",
            ),
        ] {
            let p = page(&app, &format!("/directory?lang={lang}"), &[]).await;
            assert_eq!(p.status, StatusCode::OK);
            assert_html(&p, lang, "directory");
            assert!(p.body.contains(heading), "{lang}: {}", p.body);
            for id in [d.cluster, d.alfa, d.beta, d.gone] {
                assert!(listed(&p.body, id), "{lang}: {id}");
            }
            for field in ["q", "kind", "nace", "region", "country", "cluster", "size"] {
                assert!(
                    p.body.contains(&format!("<label for=\"{field}\">")),
                    "{field}"
                );
            }
            let p = page(&app, &format!("/directory/{}?lang={lang}", d.cluster), &[]).await;
            assert_eq!(p.status, StatusCode::OK);
            assert_html(&p, lang, "cluster");
            assert!(
                p.body.contains(kind) && p.body.contains(status),
                "{lang}: {}",
                p.body
            );
            let p = page(&app, &format!("/directory/{}?lang={lang}", d.alfa), &[]).await;
            assert_eq!(p.status, StatusCode::OK);
            assert_html(&p, lang, "firm");
            for missing in ["/directory/999999", "/directory/abc"] {
                let p = page(&app, &format!("{missing}?lang={lang}"), &[]).await;
                assert_eq!(p.status, StatusCode::NOT_FOUND, "{missing}");
                assert_html(&p, lang, missing);
            }
            let p = page(&app, &format!("/directory?nace=99.99&lang={lang}"), &[]).await;
            assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert_html(&p, lang, "a wrong filter");
            assert!(p.body.contains("id=\"nace-error\""));
        }
        // The cluster's name in the reader's language where it has one.
        let p = page(&app, &format!("/directory/{}?lang=en", d.cluster), &[]).await;
        assert!(
            p.body.contains("<h1 lang=\"en\">Metalworking Cluster</h1>"),
            "{}",
            p.body
        );
        let p = page(&app, &format!("/directory/{}?lang=pl", d.cluster), &[]).await;
        assert!(
            p.body
                .contains("<h1 lang=\"pl\">Klaster Obróbki Metali</h1>"),
            "{}",
            p.body
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn facets_narrow_the_results_and_count_them() {
    for app in apps().await {
        let d = directory(&app).await;
        let only = |body: &str, ids: &[i64]| {
            for id in [d.cluster, d.alfa, d.beta, d.gone] {
                assert_eq!(listed(body, id), ids.contains(&id), "{id}: {body}");
            }
        };
        let p = page(&app, "/directory?lang=en", &[]).await;
        assert!(p.body.contains("4 organisations found"), "{}", p.body);
        // The kind facet counts three companies and links to the filter.
        assert!(
            p.body
                .contains("href=\"/directory?kind=company&#38;lang=en\">Company</a>"),
            "{}",
            p.body
        );
        assert!(
            p.body.contains("<span class=\"count\">3</span>"),
            "{}",
            p.body
        );
        let p = page(&app, "/directory?kind=company&lang=en", &[]).await;
        only(&p.body, &[d.alfa, d.beta, d.gone]);
        let p = page(&app, "/directory?nace=25&lang=en", &[]).await;
        only(&p.body, &[d.cluster, d.alfa]);
        let p = page(&app, "/directory?nace=C&kind=company&lang=en", &[]).await;
        only(&p.body, &[d.alfa, d.beta, d.gone]);
        // Below section C, the divisions held are offered next.
        assert!(p.body.contains("nace=10&#38;"), "{}", p.body);
        let p = page(&app, "/directory?country=by&lang=en", &[]).await;
        only(&p.body, &[d.beta]);
        let p = page(&app, "/directory?region=PL84&lang=en", &[]).await;
        only(&p.body, &[d.cluster, d.alfa, d.gone]);
        let p = page(
            &app,
            &format!("/directory?cluster={}&lang=en", d.cluster),
            &[],
        )
        .await;
        only(&p.body, &[d.alfa, d.beta]);
        let p = page(&app, "/directory?size=medium&lang=en", &[]).await;
        only(&p.body, &[d.beta]);
        let p = page(&app, "/directory?q=spaw&lang=en", &[]).await;
        only(&p.body, &[d.alfa]);
        assert!(p.body.contains("1 organisation found"));
        // Members carry their cluster's badge.
        assert!(p.body.contains("class=\"badge\""), "{}", p.body);
        let p = page(&app, "/directory?q=nothing-like-this&lang=pl", &[]).await;
        assert!(p.body.contains("Znaleziono 0 organizacji"), "{}", p.body);
        app.stop().await;
    }
}

#[tokio::test]
async fn results_come_in_pages() {
    let app = TestApp::sqlite().await;
    for i in 0..23 {
        app.create_org(firm_json(&format!("Firma {i:02}"), "25.62", "PL841", ""))
            .await;
    }
    let p = page(&app, "/directory?q=firma&lang=en", &[]).await;
    assert!(p.body.contains("23 organisations found"));
    assert!(p.body.contains("Firma 19") && !p.body.contains("Firma 20"));
    let next = p
        .body
        .split("rel=\"next\"")
        .next()
        .and_then(|s| s.rsplit("href=\"").next())
        .map(|s| s.split('"').next().unwrap().replace("&#38;", "&"))
        .unwrap();
    let p = page(&app, &next, &[]).await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(
        p.body.contains("Firma 20") && p.body.contains("Firma 22"),
        "{}",
        p.body
    );
    assert!(!p.body.contains("Firma 19") && !p.body.contains("rel=\"next\""));
    assert!(p.body.contains("First page"));
    // A cursor the server did not make starts at page one.
    let p = page(&app, "/directory?q=firma&after=bogus&lang=en", &[]).await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(p.body.contains("Firma 00"));
    app.stop().await;
}

#[tokio::test]
async fn profiles_show_public_data_and_never_contact_people() {
    for app in apps().await {
        let d = directory(&app).await;
        let p = page(&app, &format!("/directory/{}?lang=en", d.alfa), &[]).await;
        assert_eq!(p.status, StatusCode::OK);
        for shown in [
            "spawanie TIG",
            "EN 1090",
            "Tokarka CNC",
            "3 pcs",
            "Dział sprzedaży",
            "sprzedaz@alfa.example.pl",
            "biuro@alfa.example.pl",
            "774",
            "Small (fewer than 50 people)",
            "25.62 Machining",
            "List intencyjny o współpracy transgranicznej",
            "Letter of intent",
            "cross-border",
            "Founding member",
        ] {
            assert!(p.body.contains(shown), "{shown}: {}", p.body);
        }
        assert!(links_to(&p.body, d.cluster), "its cluster");
        assert!(links_to(&p.body, d.beta), "the other party");
        for hidden in ["Anna Nowak", "a.nowak", "Dyrektor handlowy"] {
            assert!(!p.body.contains(hidden), "{hidden} is personal data");
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn a_cluster_shows_its_members_statuses_and_history() {
    for app in apps().await {
        let d = directory(&app).await;
        let p = page(&app, &format!("/directory/{}?lang=en", d.cluster), &[]).await;
        let b = &p.body;
        assert!(b.contains("2 current members"), "{b}");
        let members = b.split("id=\"members-heading\"").nth(1).unwrap();
        let members = members.split("</table>").next().unwrap();
        assert!(links_to(members, d.alfa) && links_to(members, d.beta));
        assert!(!links_to(members, d.gone), "who left is no member");
        assert!(members.contains("Founding member") && members.contains("2015-03-01"));
        assert!(b.contains("Key National Cluster") && b.contains("Ministerstwo Rozwoju"));
        assert!(b.contains("2019-01-15") && b.contains("in force"));
        let history = b.split("id=\"history-heading\"").nth(1).unwrap();
        let at = |s: &str| history.find(s).unwrap_or_else(|| panic!("{s}: {history}"));
        assert!(at("Alfa Spawanie joined") < at("Status granted: Key National Cluster"));
        assert!(at("Status granted") < at("Gamma Odlewnia joined"));
        assert!(at("Status recertified") < at("Beta Mleko joined"));
        assert!(at("Beta Mleko joined") < at("Gamma Odlewnia left"));
        assert!(b.contains(&format!("href=\"/directory?cluster={}\"", d.cluster)));
        // A firm is no cluster: no member list.
        let p = page(&app, &format!("/directory/{}?lang=en", d.beta), &[]).await;
        assert!(!p.body.contains("members-heading"));
        app.stop().await;
    }
}

#[tokio::test]
async fn markup_in_an_organisation_is_shown_as_text() {
    let app = TestApp::sqlite().await;
    let evil = "<script>alert(1)</script> & Co";
    let mut o = firm_json(evil, "25.62", "PL841", "");
    o["capabilities"] = json!(["<img src=x onerror=alert(2)>"]);
    let id = app.create_org(o).await;
    for path in [
        format!("/directory/{id}?lang=en"),
        "/directory?q=script&lang=en".to_string(),
    ] {
        let p = page(&app, &path, &[]).await;
        assert_eq!(p.status, StatusCode::OK, "{path}");
        assert_html(&p, "en", &path);
        assert!(contains_escaped(&p.body, evil), "{path}: {}", p.body);
    }
    let p = page(&app, &format!("/directory/{id}?lang=en"), &[]).await;
    assert!(contains_escaped(&p.body, "<img src=x onerror=alert(2)>"));
    assert!(!p.body.contains("<img"));
    let p = page(&app, "/directory?region=%22%3E%3Cscript%3E&lang=en", &[]).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(contains_escaped(&p.body, "\"><script>"), "{}", p.body);
    app.stop().await;
}
