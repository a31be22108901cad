//! The analytics pages: the PL84 ranking is the engine's, the CSV is the same table, the charts
//! are served, every UI language is complete, bad choices get a message, and a data set's name
//! (given by whoever stored it) is escaped.

use std::time::Instant;

use klaster_analytics::output::potential_table;
use klaster_analytics::report::Potential;
use klaster_analytics::{Categories, Dataset, Level, Params, analyze};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE, LOCATION};
use serde_json::{Value, json};

use super::{UI, assert_html, contains_escaped, page};

/// The demo analysis of `region` as the API runs it: last year, growth and shift from the first.
fn engine(region: &str) -> Vec<Potential> {
    let ds = Dataset::demo();
    let (first, last) = (ds.years[0], *ds.years.last().unwrap());
    let p = Params {
        region: Some(region.into()),
        years: vec![last],
        base_year: Some(first),
        shift_share: Some((first, last)),
        categories: Some(Categories::demo()),
        ..Params::default()
    };
    analyze(&ds, &p).unwrap().potential
}

/// The `data-code` of every ranking row, in order.
fn codes(body: &str) -> Vec<String> {
    body.split("<tr data-code=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

/// The score cells, in order.
fn scores(body: &str) -> Vec<String> {
    body.split("<td class=\"num an-score\">")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].to_string())
        .collect()
}

/// RFC 4180 fields (quotes doubled inside quoted fields).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|line| {
            let (mut out, mut cur, mut quoted, mut chars) =
                (Vec::new(), String::new(), false, line.chars().peekable());
            while let Some(c) = chars.next() {
                match (c, quoted) {
                    ('"', true) if chars.peek() == Some(&'"') => {
                        cur.push('"');
                        chars.next();
                    }
                    ('"', _) => quoted = !quoted,
                    (',', false) => out.push(std::mem::take(&mut cur)),
                    _ => cur.push(c),
                }
            }
            out.push(cur);
            out
        })
        .collect()
}

#[tokio::test]
async fn the_pl84_ranking_is_the_engines() {
    let expected = engine("PL84");
    let cat = expected
        .iter()
        .find(|p| p.level == Level::Category)
        .unwrap();
    let ind = expected
        .iter()
        .find(|p| p.level == Level::Industry)
        .unwrap();
    for app in super::apps().await {
        let started = Instant::now();
        let p = page(&app, "/analytics/demo/PL84?lang=en", &[]).await;
        let cold = started.elapsed();
        assert_eq!(p.status, StatusCode::OK, "{}", p.body);
        assert_html(&p, "en", "PL84");
        let started = Instant::now();
        let again = page(&app, "/analytics/demo/PL84?lang=en", &[]).await;
        let warm = started.elapsed();
        eprintln!("analytics page PL84: first {cold:?}, cached {warm:?}");
        assert_eq!(again.body, p.body);
        let podlaskie = klaster_refdata::regions::get("PL84").unwrap().name("en");
        assert!(
            p.body.contains(&format!(
                "<h1>Potential clusters: {podlaskie} (PL84), 2023</h1>"
            )),
            "{}",
            &p.body[p.body.find("<h1>").unwrap()..][..200]
        );
        assert!(p.body.contains("Illustrative data"), "the demo is labelled");
        // Categories first (the demo defines them), in the engine's order and scores.
        let want: Vec<String> = cat.rows.iter().map(|r| r.code.clone()).collect();
        assert_eq!(codes(&p.body), want);
        let want: Vec<String> = cat.rows.iter().map(|r| format!("{:.3}", r.score)).collect();
        assert_eq!(scores(&p.body), want);
        assert!(p.body.contains("Dairy products"));
        assert!(p.body.contains("Strengths: "), "rows are explained");
        // Industries: the top 30, then all of them.
        let p = page(&app, "/analytics/demo/PL84?level=industry&lang=en", &[]).await;
        assert_eq!(p.status, StatusCode::OK);
        let want: Vec<String> = ind.rows.iter().map(|r| r.code.clone()).collect();
        assert_eq!(codes(&p.body), want[..30]);
        assert!(contains_escaped(
            &p.body,
            "/analytics/demo/PL84?level=industry&all=1&lang=en"
        ));
        let p = page(&app, "/analytics/demo/PL84?level=industry&all=1", &[]).await;
        assert_eq!(codes(&p.body), want);
        // Numbers as Polish writes them.
        let p = page(&app, "/analytics/demo/PL84?lang=pl", &[]).await;
        let first = &cat.rows[0];
        assert_eq!(
            scores(&p.body)[0],
            format!("{:.3}", first.score).replace('.', ",")
        );
        assert!(p.body.contains("Przetwórstwo mleka"));
    }
}

#[tokio::test]
async fn the_csv_is_the_same_table() {
    let expected = engine("PL84");
    for app in super::apps().await {
        for (level, pot) in [("category", &expected[1]), ("industry", &expected[0])] {
            let res = app
                .get(&format!(
                    "/analytics/demo/PL84/ranking.csv?level={level}&lang=en"
                ))
                .await;
            assert_eq!(res.status(), StatusCode::OK);
            assert_eq!(res.headers()[CONTENT_TYPE], "text/csv; charset=utf-8");
            assert_eq!(
                res.headers()[CONTENT_DISPOSITION],
                format!("attachment; filename=\"potential-demo-PL84-2023-{level}.csv\"")
            );
            let rows = csv_rows(&res.text().await.unwrap());
            let table = potential_table(pot, &|_| None);
            assert_eq!(rows[0], table.columns, "{level}");
            assert_eq!(rows.len(), pot.rows.len() + 1);
            let col = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
            for (got, want) in rows[1..].iter().zip(&pot.rows) {
                assert_eq!(got[col("rank")], want.rank.to_string());
                assert_eq!(got[col("code")], want.code);
                assert!(!got[col("label")].is_empty());
                assert_eq!(got[col("score")].parse::<f64>().unwrap(), want.score);
                assert_eq!(
                    got[col("lq")].parse::<f64>().ok(),
                    Some(want.lq).filter(|v| v.is_finite())
                );
            }
        }
        // Names in the UI language.
        let res = app.get("/analytics/demo/PL84/ranking.csv?lang=ru").await;
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("Молочная промышленность")
        );
    }
}

#[tokio::test]
async fn charts_and_report_are_served() {
    for app in super::apps().await {
        let p = page(&app, "/analytics/demo/PL84?lang=en", &[]).await;
        for kind in ["bubble", "stars"] {
            let src = format!("/analytics/demo/PL84/{kind}.svg?lang=en");
            assert!(
                p.body
                    .contains(&format!("<img src=\"{}\"", src.replace('&', "&amp;"))),
                "{kind}"
            );
            let res = app.get(&src).await;
            assert_eq!(res.status(), StatusCode::OK);
            assert_eq!(res.headers()[CONTENT_TYPE], "image/svg+xml");
            let svg = res.text().await.unwrap();
            assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
            assert!(!svg.contains("<script"));
            assert!(svg.contains("ILLUSTRATIVE"), "{kind}");
        }
        let svg = app
            .get("/analytics/demo/PL84/bubble.svg?lang=pl")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            svg.contains("Przetwórstwo mleka"),
            "names in the UI language"
        );
        let res = app.get("/analytics/demo/PL84/report?lang=en").await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(
            res.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .starts_with("default-src 'none'")
        );
        assert_eq!(res.headers()["content-language"], "en");
        let html = res.text().await.unwrap();
        assert!(html.contains("<html lang=\"en\">"));
        assert!(html.contains("Cluster analysis") && html.contains("<svg"));
    }
}

/// What each file must say in a language and must not say (the engine's English).
struct Expect {
    path: &'static str,
    lang: &'static str,
    says: &'static [&'static str],
}

/// English wording of the engine that no Polish or Russian chart or report may show.
const ENGLISH: [&str; 17] = [
    "location quotient (log scale)",
    "employment growth",
    "star(s)",
    " stars<",
    "Clusters of",
    "Cluster stars of",
    ">size<",
    ">focus<",
    "ILLUSTRATIVE DATA",
    "Cluster analysis",
    "Potential clusters",
    "Data quality",
    "Method and parameters",
    "Related industries",
    ">n/a<",
    "Shift-share (",
    "Polish NUTS 2 regions",
];

#[tokio::test]
async fn charts_and_report_speak_the_readers_language() {
    let files = [
        Expect {
            path: "/analytics/demo/PL84/bubble.svg?lang=pl",
            lang: "pl",
            says: &[
                "Klastry: Województwo podlaskie (PL84), 2023 – specjalizacja i dynamika",
                "iloraz lokalizacji (skala logarytmiczna)",
                "wzrost zatrudnienia (średnioroczny, CAGR)",
                ">0 gwiazdek<",
                ">1 gwiazdka<",
                ">2 gwiazdki<",
                "%, zatrudnienie ",
                "DANE ILUSTRACYJNE",
                "Przetwórstwo mleka",
            ],
        },
        Expect {
            path: "/analytics/demo/PL84/bubble.svg?lang=ru",
            lang: "ru",
            says: &[
                "Кластеры: Подляское воеводство (PL84), 2023",
                "коэффициент локализации (логарифмическая шкала)",
                ">0 звёзд<",
                ">1 звезда<",
                ">3 звезды<",
                "\u{a0}%, занятость ",
                "УСЛОВНЫЕ ДАННЫЕ",
                "Молочная промышленность",
            ],
        },
        Expect {
            path: "/analytics/demo/PL84/stars.svg?lang=pl",
            lang: "pl",
            says: &[
                "Gwiazdki klastrowe: Województwo podlaskie (PL84), 2023",
                ">wielkość<",
                ">specjalizacja<",
                ">koncentracja<",
                ">LQ ",
            ],
        },
        Expect {
            path: "/analytics/demo/PL84/stars.svg?lang=ru&level=industry",
            lang: "ru",
            says: &[
                "Кластерные звёзды: Подляское воеводство (PL84), 2023",
                ">размер<",
                ">специализация<",
                ">фокус<",
            ],
        },
        Expect {
            path: "/analytics/demo/PL84/report?lang=pl",
            lang: "pl",
            says: &[
                "<html lang=\"pl\">",
                "<h1>Analiza klastrowa: Województwo podlaskie (PL84), 2023</h1>",
                "<h2>Potencjalne klastry</h2>",
                "centyl regionu wśród wszystkich regionów",
                "<th>Miejsce</th><th>Kod</th><th>Nazwa</th><th>Wynik</th><th>Zatrudnienie</th>",
                "Efekt konkurencyjny <small>(waga 0,10)</small>",
                "Przetwórstwo mleka",
                "<h2>Analiza shift-share, 2017–2023</h2>",
                "<h2>Jakość danych</h2>",
                "<h2>Metoda i parametry</h2>",
                "Gwiazdki Europejskiego Obserwatorium Klastrów",
                "DANE ILUSTRACYJNE",
                "Polskie regiony NUTS 2",
            ],
        },
        Expect {
            path: "/analytics/demo/PL84/report?lang=ru",
            lang: "ru",
            says: &[
                "<html lang=\"ru\">",
                "<h1>Кластерный анализ: Подляское воеводство (PL84), 2023</h1>",
                "<h2>Потенциальные кластеры</h2>",
                "<th>Место</th><th>Код</th><th>Название</th><th>Оценка</th><th>Занятость</th>",
                "Связанность <small>(вес 0,20)</small>",
                "Молочная промышленность",
                "<h2>Анализ shift-share, 2017–2023</h2>",
                "<h2>Качество данных</h2>",
                "<h2>Метод и параметры</h2>",
                "Звёзды Европейской обсерватории кластеров",
                "УСЛОВНЫЕ ДАННЫЕ",
                "Польские регионы NUTS 2",
            ],
        },
    ];
    for app in super::apps().await {
        for f in &files {
            let res = app.get(f.path).await;
            assert_eq!(res.status(), StatusCode::OK, "{}", f.path);
            assert_eq!(res.headers()["content-language"], f.lang, "{}", f.path);
            let body = res.text().await.unwrap();
            for s in f.says {
                assert!(body.contains(s), "{}: no {s:?}", f.path);
            }
            for s in ENGLISH {
                assert!(!body.contains(s), "{}: English {s:?}", f.path);
            }
            assert!(!body.contains('⟦'), "{}: a message is missing", f.path);
            assert!(!body.contains("<script"), "{}", f.path);
        }
        // Numbers as each language writes them: a decimal comma in the report's ranking.
        let html = app
            .get("/analytics/demo/PL84/report?lang=ru")
            .await
            .text()
            .await
            .unwrap();
        let first = html.split("<td><b>").nth(1).unwrap();
        assert!(first.starts_with("0,"), "{}", &first[..20]);
    }
}

#[tokio::test]
async fn every_ui_language_is_complete() {
    for app in super::apps().await {
        for lang in UI {
            for path in [
                "/analytics",
                "/analytics/demo/PL84",
                "/analytics/demo/PL84?level=industry",
                "/analytics/demo/PL52?year=2017",
                "/analytics/demo/XX99",
            ] {
                let p = page(&app, path, &[("accept-language", lang)]).await;
                assert_html(&p, lang, path);
                assert!(
                    p.body.contains("aria-current=\"page\">"),
                    "{path}: the navigation marks analytics"
                );
            }
        }
    }
}

#[tokio::test]
async fn bad_choices_are_said_in_the_ui_language() {
    let no_redirect = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for app in super::apps().await {
        let p = page(&app, "/analytics/demo/XX99?lang=en", &[]).await;
        assert_eq!(p.status, StatusCode::NOT_FOUND);
        assert!(p.body.contains("Region “XX99” is not in this data set."));
        assert!(p.body.contains("<form"), "the form to choose again");
        let p = page(&app, "/analytics/demo/%3Cb%3Ex?lang=pl", &[]).await;
        assert_eq!(p.status, StatusCode::NOT_FOUND);
        assert!(contains_escaped(&p.body, "Regionu „<b>x”"), "{}", p.body);
        assert!(!p.body.contains("<b>x"));
        let p = page(&app, "/analytics/nope/PL84?lang=ru", &[]).await;
        assert_eq!(p.status, StatusCode::NOT_FOUND);
        assert!(p.body.contains("Общедоступного набора данных «nope» нет."));
        for path in [
            "/analytics/007/PL84",
            "/analytics/999999/PL84",
            "/analytics/-1/PL84",
        ] {
            assert_eq!(page(&app, path, &[]).await.status, StatusCode::NOT_FOUND);
        }
        let p = page(&app, "/analytics/demo/PL84?year=1900&lang=en", &[]).await;
        assert_eq!(p.status, StatusCode::NOT_FOUND);
        assert!(p.body.contains("no year “1900”"));
        for path in [
            "/analytics/demo/XX99/ranking.csv",
            "/analytics/demo/XX99/bubble.svg",
            "/analytics/nope/PL84/stars.svg",
            "/analytics/demo/PL84/report?year=abc",
        ] {
            let p = page(&app, path, &[]).await;
            assert_eq!(p.status, StatusCode::NOT_FOUND, "{path}");
            assert_eq!(p.content_type, "text/html; charset=utf-8");
        }
        // The form goes on to the page's own address; a missing region asks for one.
        let res = no_redirect
            .get(format!(
                "{}/analytics?dataset=demo&region=PL84&year=2023&level=category",
                app.base
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()[LOCATION], "/analytics/demo/PL84");
        let res = no_redirect
            .get(format!(
                "{}/analytics?dataset=demo&region=PL52&year=2019&level=industry",
                app.base
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.headers()[LOCATION],
            "/analytics/demo/PL52?year=2019&level=industry"
        );
        let p = page(&app, "/analytics?dataset=demo&region=&lang=en", &[]).await;
        assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(p.body.contains("Choose a region from the list."));
        assert!(p.body.contains("aria-invalid=\"true\""));
    }
}

/// A small data set of three voivodeships, two years.
fn small_csv() -> String {
    let mut csv = String::from("region,industry,year,employment\n");
    for (r, base) in [("PL84", 10.0), ("PL52", 20.0), ("PL21", 5.0)] {
        for (i, ind) in ["25", "28", "10", "62"].iter().enumerate() {
            for year in [2020, 2021] {
                csv.push_str(&format!(
                    "{r},{ind},{year},{}\n",
                    base * (i as f64 + 1.0) + f64::from(year - 2020)
                ));
            }
        }
    }
    csv
}

#[tokio::test]
async fn public_data_sets_are_listed_with_their_names_escaped() {
    for app in super::apps().await {
        let name = "<b>Dane</b> & \"GUS\" <script>x</script>";
        let csv = small_csv();
        // As the upload writes it.
        let summary = json!({"regions": 3, "industries": 4, "years": [2020, 2021], "notes": []});
        let public =
            klaster_store::analyses::add_dataset(&app.db(), name, csv.as_bytes(), &summary, None)
                .await
                .unwrap();
        // Uploaded through the API: its owner's only.
        let res = app
            .raw_post("/api/v1/datasets?name=private-one", "text/csv", csv.clone())
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let private: Value = res.json().await.unwrap();
        let private = private["id"].as_i64().unwrap();

        let p = page(&app, "/analytics?lang=en", &[]).await;
        assert_eq!(p.status, StatusCode::OK);
        assert!(contains_escaped(&p.body, name), "{}", p.body);
        assert!(!p.body.contains("<b>Dane"));
        assert!(!p.body.contains("private-one"));
        assert!(p.body.contains("3 regions, 2020–2021"));
        // Choosing it shows its regions.
        let p = page(
            &app,
            &format!("/analytics?dataset={}&lang=en", public.id),
            &[],
        )
        .await;
        assert!(p.body.contains("<option value=\"PL21\""));
        let path = format!("/analytics/{}/PL52?lang=en", public.id);
        let p = page(&app, &path, &[]).await;
        assert_eq!(p.status, StatusCode::OK, "{}", p.body);
        assert_html(&p, "en", &path);
        assert!(contains_escaped(&p.body, name));
        assert!(!p.body.contains("<script"));
        assert_eq!(codes(&p.body).len(), 4, "industries only: no categories");
        assert!(!p.body.contains("Illustrative data"));
        let res = app
            .get(&format!("/analytics/{}/PL52/ranking.csv", public.id))
            .await;
        assert_eq!(csv_rows(&res.text().await.unwrap()).len(), 5);
        for path in [
            format!("/analytics/{private}/PL52"),
            format!("/analytics/{private}/PL52/ranking.csv"),
        ] {
            assert_eq!(
                page(&app, &path, &[]).await.status,
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
    }
}

#[tokio::test]
async fn the_reports_warnings_and_engine_notes_speak_the_readers_language() {
    for app in super::apps().await {
        // One suppressed cell, a note of the data's author and one the BDL reader would add.
        let csv = format!(
            "# Source: own survey\n# unit: osoba (BDL export)\n{}",
            small_csv().replace("PL21,62,2021,21\n", "PL21,62,2021,c\n")
        );
        let summary = json!({"regions": 3, "industries": 4, "years": [2020, 2021], "notes": []});
        let ds =
            klaster_store::analyses::add_dataset(&app.db(), "gaps", csv.as_bytes(), &summary, None)
                .await
                .unwrap();
        for (lang, says) in [
            (
                "pl",
                [
                    "<li>Brakujące komórki: 0, utajnione: 1. Ich własne wskaźniki pozostają puste",
                    "Jednostka: osoba (eksport z Banku Danych Lokalnych GUS)",
                ],
            ),
            (
                "ru",
                [
                    "<li>Пропущенные ячейки: 0, скрытые (конфиденциальные): 1.",
                    "Единица: osoba (выгрузка из Банка местных данных GUS)",
                ],
            ),
            (
                "en",
                [
                    "<li>Missing cells: 0, suppressed: 1.",
                    "Unit: osoba (Statistics Poland BDL export)",
                ],
            ),
        ] {
            let path = format!("/analytics/{}/PL52/report?lang={lang}", ds.id);
            let res = app.get(&path).await;
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            let html = res.text().await.unwrap();
            for s in says {
                assert!(html.contains(s), "{path}: no {s:?}");
            }
            assert!(
                html.contains("Source: own survey"),
                "the author's note as written"
            );
            assert!(
                !html.contains("suppressed cells"),
                "{path}: the engine's English"
            );
            assert!(!html.contains('⟦'), "{path}: a message is missing");
        }
    }
}
