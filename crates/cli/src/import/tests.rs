use klaster_store::organisations::{self as orgs, Filter, Page, Sort};
use klaster_store::testing::engines;

use super::*;

const HEADER: &str =
    "name;kind;nip;country;region;nace_main;nace_other;employees;description;certifications";

fn sheet(body: &str) -> Sheet {
    read_csv(format!("{HEADER}\n{body}").as_bytes()).expect("readable csv")
}

async fn names(db: &Db) -> Vec<String> {
    let page = Page {
        sort: Sort::Name,
        after: None,
        limit: 100,
    };
    orgs::list(db, &Filter::default(), &page)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.org.primary_name().to_string())
        .collect()
}

#[test]
fn every_error_is_reported_with_line_and_column() {
    let s = sheet(
        "Alfa;company;7740001454;PL;PL841;25.62;28.30;12;Obróbka;ISO 9001\n\
         Beta;bakery;7740001455;PL;PL841;99.99;;dwanaście;;\n\
         Gamma;company;7740001454;PL;XX99;25.11;;;;",
    );
    let errors = validate(&s).expect_err("three bad rows");
    let found: Vec<(u64, Option<&str>)> = errors
        .iter()
        .map(|e| (e.line, e.column.as_ref().map(|c| c.0.as_str())))
        .collect();
    for want in [
        (3, Some("kind")),
        (3, Some("nip")),
        (3, Some("nace_main")),
        (3, Some("employees")),
        (4, Some("region")),
        (4, Some("nip")), // the same NIP as line 2
    ] {
        assert!(found.contains(&want), "{want:?} not in {found:?}");
    }
    let text = errors
        .iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.contains("line 3, column 2 (kind)"), "{text}");
    assert!(text.contains("already appears on line 2"), "{text}");
}

#[test]
fn a_missing_required_column_is_reported_on_the_header() {
    let s = read_csv(b"name,country\nAlfa,PL\n").unwrap();
    let errors = validate(&s).expect_err("no kind column");
    assert_eq!(errors[0].line, 1);
    assert!(errors[0].message.contains("\"kind\""), "{}", errors[0]);
    let s = read_csv(b"name,kind,country,colour\nAlfa,company,PL,red\n").unwrap();
    let errors = validate(&s).expect_err("unknown column");
    assert_eq!(errors[0].column, Some(("colour".to_string(), 4)));
}

#[tokio::test]
async fn import_is_all_or_nothing_and_idempotent() {
    for t in engines().await {
        let db = &t.db;
        let good = sheet(
            "Alfa;company;7740001454;PL;PL841;25.62;28.30;12;Obróbka;ISO 9001\n\
             Beta;company;6920000013;PL;PL842;25.11;;40;;",
        );
        let orgs_ok = validate(&good).unwrap();
        let out = write(db, &good.headers, orgs_ok.clone(), true)
            .await
            .unwrap();
        assert_eq!(
            out,
            Outcome {
                created: 2,
                updated: 0,
                unchanged: 0
            }
        );
        assert!(
            names(db).await.is_empty(),
            "{:?}: a dry run wrote",
            t.kind()
        );

        let out = write(db, &good.headers, orgs_ok.clone(), false)
            .await
            .unwrap();
        assert_eq!(out.created, 2);
        let out = write(db, &good.headers, orgs_ok, false).await.unwrap();
        assert_eq!(
            out,
            Outcome {
                created: 0,
                updated: 0,
                unchanged: 2
            },
            "{:?}: re-import changed something",
            t.kind()
        );

        // An update keeps what the file has no column for (here: an English description).
        let id = orgs::list(
            db,
            &Filter {
                name: Some("alfa".into()),
                ..Filter::default()
            },
            &Page {
                sort: Sort::Name,
                after: None,
                limit: 1,
            },
        )
        .await
        .unwrap()[0]
            .id;
        let mut stored = orgs::get(db, id).await.unwrap().org;
        stored
            .description
            .push(klaster_domain::LocalizedText::new("en", "Machining"));
        orgs::update(db, id, &stored, None).await.unwrap();
        let changed = sheet("Alfa;company;7740001454;PL;PL841;25.62;28.30;15;Obróbka;ISO 9001");
        let out = write(db, &changed.headers, validate(&changed).unwrap(), false)
            .await
            .unwrap();
        assert_eq!(out.updated, 1);
        let after = orgs::get(db, id).await.unwrap().org;
        assert_eq!(after.employees, Some(15));
        assert_eq!(after.description.len(), 2, "{:?}", after.description);

        // A row that collides in the database (same REGON as Beta under another NIP) rolls
        // the whole file back.
        let before = names(db).await;
        let clash = read_csv(
            "name,kind,nip,regon,country\nDelta,company,5260250274,,PL\nEpsilon,company,5250008198,610188201,PL\nZeta,company,8990005614,610188201,PL\n"
                .as_bytes(),
        )
        .unwrap();
        let rows = validate(&clash);
        assert!(
            rows.is_err(),
            "the duplicate REGON is caught before writing"
        );
        assert_eq!(names(db).await, before);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn xlsx_is_read_like_csv_and_exports_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firms.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in [
        "name",
        "kind",
        "nip",
        "country",
        "region",
        "nace_main",
        "employees",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "Alfa").unwrap();
    ws.write_string(1, 1, "company").unwrap();
    ws.write_number(1, 2, 7740001454.0).unwrap();
    ws.write_string(1, 3, "PL").unwrap();
    ws.write_string(1, 4, "PL841").unwrap();
    ws.write_string(1, 5, "25.62").unwrap();
    ws.write_number(1, 6, 12.0).unwrap();
    ws.write_string(2, 0, "Beta").unwrap();
    ws.write_string(2, 1, "company").unwrap();
    ws.write_string(2, 2, "1234567890").unwrap();
    ws.write_string(2, 3, "PL").unwrap();
    wb.save(&path).unwrap();

    let s = read_file(&path).unwrap();
    assert_eq!(
        s.rows[0].1[2], "7740001454",
        "whole numbers are read without a decimal point"
    );
    let errors = validate(&s).expect_err("Beta's NIP is wrong");
    assert_eq!(errors[0].line, 3);
    assert_eq!(errors[0].column, Some(("nip".to_string(), 3)));

    // Export as CSV, import the export into a fresh database: the same organisations.
    let t = klaster_store::testing::sqlite().await;
    let good = read_csv(b"name,kind,nip,country,region,nace_main,nace_other,capabilities\nAlfa,company,7740001454,PL,PL841,25.62,28.30; 25.11,CNC; spawanie\n").unwrap();
    write(&t.db, &good.headers, validate(&good).unwrap(), false)
        .await
        .unwrap();
    let mut csv_out = Vec::new();
    crate::export::export(&t.db, crate::export::Format::Csv, &mut csv_out)
        .await
        .unwrap();
    let fresh = klaster_store::testing::sqlite().await;
    let exported = read_csv(&csv_out).unwrap();
    write(
        &fresh.db,
        &exported.headers,
        validate(&exported).unwrap(),
        false,
    )
    .await
    .unwrap();
    let a = &orgs::list(
        &t.db,
        &Filter::default(),
        &Page {
            sort: Sort::Name,
            after: None,
            limit: 10,
        },
    )
    .await
    .unwrap()[0]
        .org;
    let b = &orgs::list(
        &fresh.db,
        &Filter::default(),
        &Page {
            sort: Sort::Name,
            after: None,
            limit: 10,
        },
    )
    .await
    .unwrap()[0]
        .org;
    assert_eq!(a, b);
}
