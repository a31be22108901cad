//! Index behaviour end to end: cross-language search, filters, sort, snippets, delete,
//! cursor persistence and sync from a change source.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Mutex;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use klaster_search::{
    Change, ChangeOp, ChangeSource, Entity, Filters, IndexDoc, Lang, SearchIndex, SearchQuery,
    Sort, sync_once, sync_with_batch,
};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, 12, 0, 0).unwrap()
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// A Polish offer on CNC machining with German and English translations.
fn machining_offer() -> IndexDoc {
    IndexDoc {
        kind: Some("cooperation".into()),
        nace: vec!["25.62".into()],
        regions: vec!["PL841".into()],
        country: Some("PL".into()),
        clusters: vec![7],
        deadline: Some(date(6, 30)),
        ..IndexDoc::new(Entity::Offer, 1, Lang::Pl, at(1))
    }
    .with_text(
        Lang::Pl,
        "Obróbka CNC części stalowych",
        "Szukamy partnera do współpracy przy obróbce skrawaniem dużych serii.",
    )
    .with_text(
        Lang::De,
        "CNC-Bearbeitung von Stahlteilen",
        "Wir suchen einen Partner für die Zusammenarbeit bei der Zerspanung großer Serien.",
    )
    .with_text(
        Lang::En,
        "CNC machining of steel parts",
        "We are looking for a partner to cooperate on machining large series.",
    )
}

/// A German offer on software, only in German and Russian.
fn software_offer() -> IndexDoc {
    IndexDoc {
        kind: Some("supply".into()),
        nace: vec!["62.01".into()],
        regions: vec!["DE300".into()],
        country: Some("DE".into()),
        clusters: vec![9],
        deadline: Some(date(4, 15)),
        ..IndexDoc::new(Entity::Offer, 2, Lang::De, at(5))
    }
    .with_text(
        Lang::De,
        "Softwareentwicklung für Maschinenbauer",
        "Wir entwickeln Steuerungssoftware für Maschinen und Anlagen.",
    )
    .with_text(
        Lang::Ru,
        "Разработка программного обеспечения для машиностроителей",
        "Мы разрабатываем программное обеспечение для станков и машин.",
    )
}

fn organisation() -> IndexDoc {
    IndexDoc {
        kind: Some("company".into()),
        nace: vec!["25.11".into()],
        regions: vec!["PL213".into()],
        country: Some("PL".into()),
        clusters: vec![7],
        ..IndexDoc::new(Entity::Organisation, 1, Lang::Pl, at(2))
    }
    .with_text(
        Lang::Pl,
        "Stalmet sp. z o.o.",
        "Producent konstrukcji stalowych. Kompetencje: spawanie, cięcie laserowe.",
    )
    .with_text(
        Lang::En,
        "Stalmet Ltd",
        "Manufacturer of steel structures. Capabilities: welding, laser cutting.",
    )
}

fn index_with_all() -> SearchIndex {
    let idx = SearchIndex::in_memory().unwrap();
    for d in [machining_offer(), software_offer(), organisation()] {
        idx.upsert(&d).unwrap();
    }
    idx.commit().unwrap();
    idx
}

fn ids(idx: &SearchIndex, q: &SearchQuery) -> Vec<(Entity, i64)> {
    let r = idx.search(q).unwrap();
    r.hits.iter().map(|h| (h.entity, h.id)).collect()
}

fn filtered(f: Filters) -> SearchQuery {
    SearchQuery {
        filters: f,
        ..Default::default()
    }
}

#[test]
fn german_query_finds_polish_offer_through_its_translation() {
    let idx = index_with_all();
    let q = SearchQuery {
        lang: Some(Lang::De),
        ..SearchQuery::text("Zusammenarbeit Zerspanung")
    };
    let r = idx.search(&q).unwrap();
    assert_eq!(r.total, 1);
    assert_eq!((r.hits[0].entity, r.hits[0].id), (Entity::Offer, 1));
    assert_eq!(r.hits[0].lang, Lang::De);
    assert!(r.hits[0].snippet_html.contains("<mark>"), "{:?}", r.hits[0]);
}

#[test]
fn english_query_matches_english_version_and_snippet_follows_asked_language() {
    let idx = index_with_all();
    let q = SearchQuery {
        lang: Some(Lang::En),
        ..SearchQuery::text("machining steel")
    };
    let r = idx.search(&q).unwrap();
    assert_eq!(r.hits.len(), 1);
    assert_eq!(r.hits[0].lang, Lang::En);
    assert!(
        r.hits[0].snippet_html.contains("<mark>machining</mark>"),
        "{}",
        r.hits[0].snippet_html
    );
    // Asking for Polish snippets while searching in English: Polish did not match, so the
    // matching English version is shown.
    let q = SearchQuery {
        lang: Some(Lang::Pl),
        ..SearchQuery::text("machining steel")
    };
    assert_eq!(idx.search(&q).unwrap().hits[0].lang, Lang::En);
}

#[test]
fn inflected_polish_and_russian_queries_match() {
    let idx = index_with_all();
    // "współpraca" (nominative) meets "współpracy" in the text; "obróbka" meets "obróbce".
    assert_eq!(
        ids(&idx, &SearchQuery::text("współpraca")),
        vec![(Entity::Offer, 1)]
    );
    assert_eq!(
        ids(&idx, &SearchQuery::text("obróbka")),
        vec![(Entity::Offer, 1)]
    );
    assert_eq!(
        ids(&idx, &SearchQuery::text("wspolpraca obrobka")),
        vec![(Entity::Offer, 1)]
    );
    assert_eq!(
        ids(&idx, &SearchQuery::text("станков")),
        vec![(Entity::Offer, 2)]
    );
    assert_eq!(
        ids(&idx, &SearchQuery::text("станки")),
        vec![(Entity::Offer, 2)]
    );
}

#[test]
fn all_words_must_meet_in_one_language_version() {
    let idx = index_with_all();
    // Both words exist in the index, but never in the same document.
    assert!(ids(&idx, &SearchQuery::text("Zerspanung Steuerungssoftware")).is_empty());
}

#[test]
fn unknown_words_match_nothing_not_everything() {
    let idx = index_with_all();
    let r = idx.search(&SearchQuery::text("qwxzv")).unwrap();
    assert_eq!((r.total, r.hits.len()), (0, 0));
    assert!(r.facets.entity.is_empty());
    assert!(ids(&idx, &SearchQuery::text("CNC qwxzv")).is_empty());
}

#[test]
fn organisations_are_found_by_name_and_capabilities() {
    let idx = index_with_all();
    let q = SearchQuery {
        filters: Filters {
            entity: Some(Entity::Organisation),
            ..Default::default()
        },
        ..SearchQuery::text("laser welding")
    };
    assert_eq!(ids(&idx, &q), vec![(Entity::Organisation, 1)]);
    assert_eq!(
        ids(&idx, &SearchQuery::text("Stalmet")),
        vec![(Entity::Organisation, 1)]
    );
}

#[test]
fn nace_and_region_prefixes_match_through_ancestors() {
    let idx = index_with_all();
    let nace = |p: &str| {
        ids(
            &idx,
            &filtered(Filters {
                nace: vec![p.into()],
                ..Default::default()
            }),
        )
    };
    assert_eq!(nace("25.62"), vec![(Entity::Offer, 1)]);
    assert_eq!(nace("25.6"), vec![(Entity::Offer, 1)]);
    let mut twenty_five = nace("25");
    twenty_five.sort_by_key(|k| k.1);
    assert_eq!(twenty_five.len(), 2);
    assert_eq!(nace("C").len(), 2);
    assert_eq!(nace("J"), vec![(Entity::Offer, 2)]);
    assert!(nace("26").is_empty());
    assert!(nace("not a code").is_empty());

    let region = |p: &str| {
        ids(
            &idx,
            &filtered(Filters {
                regions: vec![p.into()],
                ..Default::default()
            }),
        )
    };
    assert_eq!(region("PL84"), vec![(Entity::Offer, 1)]);
    assert_eq!(region("pl8"), vec![(Entity::Offer, 1)]);
    assert_eq!(region("PL").len(), 2);
    assert_eq!(region("DE3"), vec![(Entity::Offer, 2)]);
}

#[test]
fn kind_country_cluster_language_and_deadline_filters() {
    let idx = index_with_all();
    let one = |f: Filters| ids(&idx, &filtered(f));
    assert_eq!(
        one(Filters {
            kinds: vec!["supply".into()],
            ..Default::default()
        }),
        vec![(Entity::Offer, 2)]
    );
    assert_eq!(
        one(Filters {
            countries: vec!["de".into()],
            ..Default::default()
        }),
        vec![(Entity::Offer, 2)]
    );
    assert_eq!(
        one(Filters {
            clusters: vec![9],
            ..Default::default()
        }),
        vec![(Entity::Offer, 2)]
    );
    assert_eq!(
        one(Filters {
            clusters: vec![7, 9],
            ..Default::default()
        })
        .len(),
        3
    );
    assert_eq!(
        one(Filters {
            languages: vec![Lang::De],
            ..Default::default()
        }),
        vec![(Entity::Offer, 2)]
    );
    // Deadlines: offer 2 on Apr 15, offer 1 on Jun 30, the organisation has none.
    let dl = |from: Option<NaiveDate>, to: Option<NaiveDate>| {
        let mut v = one(Filters {
            deadline_from: from,
            deadline_to: to,
            ..Default::default()
        });
        v.sort_by_key(|k| k.1);
        v
    };
    assert_eq!(dl(Some(date(5, 1)), None), vec![(Entity::Offer, 1)]);
    assert_eq!(dl(None, Some(date(4, 15))), vec![(Entity::Offer, 2)]);
    assert_eq!(
        dl(Some(date(4, 15)), Some(date(6, 30))),
        vec![(Entity::Offer, 1), (Entity::Offer, 2)]
    );
    assert!(dl(Some(date(7, 1)), None).is_empty());
    // Text and filters together.
    let q = SearchQuery {
        filters: Filters {
            countries: vec!["DE".into()],
            ..Default::default()
        },
        ..SearchQuery::text("CNC")
    };
    assert!(ids(&idx, &q).is_empty());
}

#[test]
fn sorts_by_date_and_deadline() {
    let idx = index_with_all();
    let sorted = |sort| {
        ids(
            &idx,
            &SearchQuery {
                sort,
                ..Default::default()
            },
        )
    };
    // published: offer 1 on day 1, organisation day 2, offer 2 day 5.
    assert_eq!(
        sorted(Sort::Newest),
        vec![
            (Entity::Offer, 2),
            (Entity::Organisation, 1),
            (Entity::Offer, 1)
        ]
    );
    // deadline: offer 2 (Apr), offer 1 (Jun), then the organisation without one.
    assert_eq!(
        sorted(Sort::Deadline),
        vec![
            (Entity::Offer, 2),
            (Entity::Offer, 1),
            (Entity::Organisation, 1)
        ]
    );
    let page = SearchQuery {
        sort: Sort::Newest,
        offset: 1,
        limit: 1,
        ..Default::default()
    };
    let r = idx.search(&page).unwrap();
    assert_eq!(r.total, 3);
    assert_eq!(r.hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![1]);
    assert_eq!(r.hits[0].entity, Entity::Organisation);
    // published on or after day 2: the organisation and offer 2
    let recent = filtered(Filters {
        published_from: Some(at(2)),
        ..Default::default()
    });
    let got = ids(&idx, &recent);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.contains(&(Entity::Offer, 2)) && got.contains(&(Entity::Organisation, 1)));
}

#[test]
fn relevance_prefers_the_better_match() {
    let idx = SearchIndex::in_memory().unwrap();
    let mk = |id, title: &str| {
        IndexDoc::new(Entity::Offer, id, Lang::En, at(1)).with_text(Lang::En, title, "")
    };
    idx.upsert(&mk(
        1,
        "welding services and painting, assembly, transport, storage",
    ))
    .unwrap();
    idx.upsert(&mk(2, "welding welding welding")).unwrap();
    idx.commit().unwrap();
    assert_eq!(ids(&idx, &SearchQuery::text("welding"))[0].1, 2);
}

#[test]
fn facets_count_the_whole_result_set() {
    let idx = index_with_all();
    let r = idx
        .search(&SearchQuery {
            limit: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(r.hits.len(), 1);
    assert_eq!(
        r.facets.entity,
        vec![("offer".into(), 2), ("organisation".into(), 1)]
    );
    assert_eq!(r.facets.country, vec![("PL".into(), 2), ("DE".into(), 1)]);
    assert_eq!(r.facets.language, vec![("pl".into(), 2), ("de".into(), 1)]);
    assert_eq!(r.facets.kind.len(), 3);
}

#[test]
fn snippets_are_html_escaped() {
    let idx = SearchIndex::in_memory().unwrap();
    let d = IndexDoc::new(Entity::Offer, 5, Lang::En, at(1)).with_text(
        Lang::En,
        "Evil <script>alert('x')</script> offer",
        "Tools & dies for \"presses\" <b>now</b>",
    );
    idx.upsert(&d).unwrap();
    idx.commit().unwrap();
    for text in ["script alert", "presses", ""] {
        let r = idx.search(&SearchQuery::text(text)).unwrap();
        let s = &r.hits[0].snippet_html;
        assert!(!s.contains("<script"), "{text}: {s}");
        assert!(!s.contains("<b>"), "{text}: {s}");
        let without_marks = s.replace("<mark>", "").replace("</mark>", "");
        assert!(!without_marks.contains('<'), "{text}: {s}");
    }
    let s = &idx.search(&SearchQuery::text("script")).unwrap().hits[0].snippet_html;
    assert!(s.contains("&lt;<mark>script</mark>&gt;"), "{s}");
}

#[test]
fn odd_queries_do_not_panic() {
    let idx = index_with_all();
    let long = "ż".repeat(5_000);
    for text in [
        "\"unbalanced",
        "(((",
        "AND OR NOT",
        "*",
        "title:cnc",
        "-",
        "\u{0}",
        "😀",
        "<>&",
        &long,
        "   ",
        "the",
        "и или",
    ] {
        for (offset, limit) in [(0, 0), (0, usize::MAX), (usize::MAX, 10)] {
            let q = SearchQuery {
                offset,
                limit,
                ..SearchQuery::text(text)
            };
            let r = idx.search(&q).unwrap();
            assert!(r.hits.len() <= klaster_search::MAX_LIMIT);
            if limit == 0 {
                assert!(r.hits.is_empty());
            }
        }
    }
    // Only stop words of the query's language: treated as no text, i.e. everything.
    let q = SearchQuery {
        lang: Some(Lang::En),
        ..SearchQuery::text("the")
    };
    assert_eq!(idx.search(&q).unwrap().total, 3);
    // Function words of the query's language do not become required words elsewhere.
    let q = SearchQuery {
        lang: Some(Lang::En),
        ..SearchQuery::text("the machining of steel")
    };
    assert_eq!(idx.search(&q).unwrap().total, 1);
}

#[test]
fn upsert_replaces_and_delete_removes() {
    let idx = index_with_all();
    let mut d = machining_offer();
    d.texts.retain(|t| t.lang == Lang::Pl);
    d.texts[0].title = "Frezowanie aluminium".into();
    d.texts[0].body = String::new();
    idx.upsert(&d).unwrap();
    idx.commit().unwrap();
    assert_eq!(idx.num_docs(), 3);
    assert!(ids(&idx, &SearchQuery::text("CNC")).is_empty());
    assert_eq!(
        ids(&idx, &SearchQuery::text("aluminium")),
        vec![(Entity::Offer, 1)]
    );
    // Same id, other entity: untouched.
    idx.delete(Entity::Offer, 1).unwrap();
    idx.delete(Entity::Offer, 999).unwrap();
    idx.commit().unwrap();
    assert_eq!(idx.num_docs(), 2);
    assert_eq!(
        ids(&idx, &SearchQuery::text("Stalmet")),
        vec![(Entity::Organisation, 1)]
    );
}

#[test]
fn cursor_and_documents_survive_reopen_and_rebuild_clears() {
    let dir = tempfile::tempdir().unwrap();
    {
        let idx = SearchIndex::open_or_create(dir.path()).unwrap();
        assert_eq!(idx.cursor().unwrap(), 0);
        idx.upsert(&machining_offer()).unwrap();
        idx.commit_with_cursor(42).unwrap();
        idx.upsert(&software_offer()).unwrap();
        // A plain commit keeps the cursor.
        idx.commit().unwrap();
    }
    {
        let idx = SearchIndex::open_or_create(dir.path()).unwrap();
        assert_eq!(idx.cursor().unwrap(), 42);
        assert_eq!(idx.num_docs(), 2);
        assert_eq!(
            ids(&idx, &SearchQuery::text("CNC")),
            vec![(Entity::Offer, 1)]
        );
        idx.set_cursor(43).unwrap();
        idx.rebuild().unwrap();
        assert_eq!(idx.num_docs(), 0);
        assert_eq!(idx.cursor().unwrap(), 0);
    }
    let idx = SearchIndex::open_or_create(dir.path()).unwrap();
    assert_eq!(idx.num_docs(), 0);
}

/// The store stand-in: a change log and the current rows.
#[derive(Default)]
struct MemSource {
    log: Mutex<Vec<Change>>,
    rows: Mutex<HashMap<(Entity, i64), IndexDoc>>,
    loads: Mutex<usize>,
}

impl MemSource {
    fn put(&self, d: IndexDoc) {
        self.push(d.entity, d.id, ChangeOp::Upsert);
        self.rows.lock().unwrap().insert((d.entity, d.id), d);
    }
    fn remove(&self, e: Entity, id: i64) {
        self.rows.lock().unwrap().remove(&(e, id));
        self.push(e, id, ChangeOp::Delete);
    }
    fn push(&self, e: Entity, id: i64, op: ChangeOp) {
        let mut log = self.log.lock().unwrap();
        let seq = log.len() as i64 + 1;
        log.push(Change {
            seq,
            entity: e.as_str().into(),
            entity_id: id,
            op,
        });
    }
}

impl ChangeSource for MemSource {
    type Error = Infallible;

    async fn changes_since(&self, after: i64, limit: usize) -> Result<Vec<Change>, Infallible> {
        let log = self.log.lock().unwrap();
        Ok(log
            .iter()
            .filter(|c| c.seq > after)
            .take(limit)
            .cloned()
            .collect())
    }

    async fn load(&self, e: Entity, id: i64) -> Result<Option<IndexDoc>, Infallible> {
        *self.loads.lock().unwrap() += 1;
        Ok(self.rows.lock().unwrap().get(&(e, id)).cloned())
    }
}

#[tokio::test]
async fn sync_applies_the_change_log_and_resumes_from_the_cursor() {
    let src = MemSource::default();
    src.put(machining_offer());
    src.put(software_offer());
    src.put(organisation());
    // Unknown entities in the log are skipped but consumed.
    src.log.lock().unwrap().push(Change {
        seq: 4,
        entity: "invoice".into(),
        entity_id: 1,
        op: ChangeOp::Upsert,
    });

    let idx = SearchIndex::in_memory().unwrap();
    assert_eq!(sync_with_batch(&idx, &src, 2).await.unwrap(), 4);
    assert_eq!(idx.cursor().unwrap(), 4);
    assert_eq!(idx.num_docs(), 3);
    assert_eq!(sync_once(&idx, &src).await.unwrap(), 0);

    // Edited twice and deleted: one batch, the last op wins, no load for the deleted one.
    let mut d = software_offer();
    d.texts.retain(|t| t.lang == Lang::De);
    d.texts[0].title = "Robotik".into();
    src.put(d.clone());
    src.put(d);
    src.remove(Entity::Offer, 1);
    *src.loads.lock().unwrap() = 0;
    assert_eq!(sync_once(&idx, &src).await.unwrap(), 3);
    assert_eq!(*src.loads.lock().unwrap(), 1);
    assert_eq!(idx.cursor().unwrap(), 7);
    assert_eq!(idx.num_docs(), 2);
    assert_eq!(
        ids(&idx, &SearchQuery::text("Robotik")),
        vec![(Entity::Offer, 2)]
    );
    assert!(ids(&idx, &SearchQuery::text("CNC")).is_empty());
}

#[tokio::test]
async fn several_processes_each_with_their_own_index_converge() {
    // Two server processes on one database: each has its own index directory and cursor.
    let src = MemSource::default();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let ia = SearchIndex::open_or_create(a.path()).unwrap();
    let ib = SearchIndex::open_or_create(b.path()).unwrap();
    src.put(machining_offer());
    sync_once(&ia, &src).await.unwrap();
    src.put(software_offer());
    sync_once(&ia, &src).await.unwrap();
    sync_once(&ib, &src).await.unwrap();
    for idx in [&ia, &ib] {
        assert_eq!(idx.cursor().unwrap(), 2);
        assert_eq!(idx.num_docs(), 2);
    }
    // An upsert whose row has gone (deleted before we looked) removes the entry.
    src.rows.lock().unwrap().clear();
    src.push(Entity::Offer, 2, ChangeOp::Upsert);
    sync_once(&ib, &src).await.unwrap();
    assert_eq!(ib.num_docs(), 1);
}

#[test]
fn members_only_entries_are_found_only_by_their_cluster() {
    let idx = SearchIndex::in_memory().unwrap();
    let mut doc = machining_offer();
    doc.audience = Some(5);
    idx.upsert(&doc).unwrap();
    idx.upsert(&software_offer()).unwrap();
    idx.commit().unwrap();
    let with = |audiences: Vec<i64>| {
        ids(
            &idx,
            &filtered(Filters {
                audiences,
                ..Default::default()
            }),
        )
    };
    assert_eq!(
        with(vec![]),
        vec![(Entity::Offer, 2)],
        "public only by default"
    );
    assert_eq!(with(vec![6]), vec![(Entity::Offer, 2)]);
    let mut members = with(vec![5]);
    members.sort_by_key(|(_, id)| *id);
    assert_eq!(members, vec![(Entity::Offer, 1), (Entity::Offer, 2)]);
}

#[test]
fn an_index_of_another_schema_is_emptied_for_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut b = tantivy::schema::Schema::builder();
        b.add_text_field("old", tantivy::schema::STRING);
        let old = tantivy::Index::create_in_dir(dir.path(), b.build()).unwrap();
        let mut w: tantivy::IndexWriter = old.writer(15_000_000).unwrap();
        w.commit().unwrap();
    }
    let idx = SearchIndex::open_or_create(dir.path()).unwrap();
    assert_eq!(idx.num_docs(), 0);
    assert_eq!(
        idx.cursor().unwrap(),
        0,
        "the next sync starts from the beginning"
    );
    idx.upsert(&machining_offer()).unwrap();
    idx.commit().unwrap();
    drop(idx);
    let again = SearchIndex::open_or_create(dir.path()).unwrap();
    assert_eq!(again.num_docs(), 1, "an index of this schema is kept");
}

/// 500 offers, enough for several of the blocks tantivy hands to collectors without scoring:
/// offer i is Polish or German by i % 2, of kind i % 3, from PL/DE/CZ by i % 5 (PL for 0-2);
/// every seventh mentions welding.
fn many_offers() -> SearchIndex {
    let idx = SearchIndex::in_memory().unwrap();
    let kinds = ["cooperation", "supply", "demand"];
    for i in 0..500i64 {
        let country = ["PL", "PL", "PL", "DE", "CZ"][(i % 5) as usize];
        let lang = if i % 2 == 0 { Lang::Pl } else { Lang::De };
        let text = if i % 7 == 0 {
            "welding of frames"
        } else {
            "painting of frames"
        };
        let d = IndexDoc {
            kind: Some(kinds[(i % 3) as usize].into()),
            country: Some(country.into()),
            deadline: Some(date(1 + (i % 12) as u32, 1)),
            ..IndexDoc::new(Entity::Offer, i, lang, at(1 + (i % 28) as u32))
        }
        .with_text(Lang::En, &format!("Offer {i}"), text);
        idx.upsert(&d).unwrap();
    }
    idx.commit().unwrap();
    idx
}

#[test]
fn totals_and_facets_are_the_same_in_every_order() {
    let idx = many_offers();
    check_counts(&idx, &|_| true);
    // Every 35th offer goes: the counts must skip deleted documents too (tantivy then hands
    // documents over one by one, not in blocks).
    for i in (0..500).step_by(35) {
        idx.delete(Entity::Offer, i).unwrap();
    }
    idx.commit().unwrap();
    check_counts(&idx, &|i| i % 35 != 0);
}

/// Totals and facet counts of `many_offers` where `alive` tells which offers are left.
fn check_counts(idx: &SearchIndex, alive: &dyn Fn(&i64) -> bool) {
    let welding: Vec<i64> = (0..500).filter(|i| i % 7 == 0).filter(alive).collect();
    let count = |ids: &[i64], f: &dyn Fn(i64) -> bool| ids.iter().filter(|i| f(**i)).count() as u64;
    for text in ["", "welding"] {
        let expected: Vec<i64> = if text.is_empty() {
            (0..500).filter(alive).collect()
        } else {
            welding.clone()
        };
        for sort in [Sort::Relevance, Sort::Newest, Sort::Deadline] {
            let r = idx
                .search(&SearchQuery {
                    sort,
                    limit: 5,
                    ..SearchQuery::text(text)
                })
                .unwrap();
            let what = format!("{text:?} {sort:?}");
            assert_eq!(r.total, expected.len(), "{what}");
            assert_eq!(r.hits.len(), 5, "{what}");
            assert_eq!(
                r.facets.kind,
                {
                    let mut v: Vec<(String, u64)> = ["cooperation", "supply", "demand"]
                        .iter()
                        .enumerate()
                        .map(|(k, name)| {
                            (name.to_string(), count(&expected, &|i| i % 3 == k as i64))
                        })
                        .collect();
                    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                    v
                },
                "{what}"
            );
            let pl = count(&expected, &|i| i % 5 < 3);
            let de = count(&expected, &|i| i % 5 == 3);
            let cz = count(&expected, &|i| i % 5 == 4);
            let mut countries = vec![("PL".to_string(), pl), ("DE".into(), de), ("CZ".into(), cz)];
            countries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            assert_eq!(r.facets.country, countries, "{what}");
            let pl_lang = count(&expected, &|i| i % 2 == 0);
            assert!(
                r.facets.language.contains(&("pl".into(), pl_lang)),
                "{what}: {:?}",
                r.facets.language
            );
        }
    }
}

#[test]
fn a_commit_shows_in_the_next_search_though_results_are_reused() {
    let idx = many_offers();
    let newest = SearchQuery {
        sort: Sort::Newest,
        limit: 3,
        ..Default::default()
    };
    let first = idx.search(&newest).unwrap();
    assert_eq!(idx.search(&newest).unwrap(), first, "the same answer again");
    assert_eq!(first.total, 500);
    // A newer offer and a withdrawn one.
    let fresh = IndexDoc::new(Entity::Offer, 9_000, Lang::Pl, at(30)).with_text(
        Lang::Pl,
        "Spawanie ram",
        "Nowa oferta",
    );
    idx.upsert(&fresh).unwrap();
    idx.delete(Entity::Offer, first.hits[1].id).unwrap();
    // Not committed yet: not visible, the reused answer still holds.
    assert_eq!(idx.search(&newest).unwrap(), first);
    idx.commit().unwrap();
    let after = idx.search(&newest).unwrap();
    assert_eq!(after.total, 500);
    assert_eq!(after.hits[0].id, 9_000);
    assert!(after.hits.iter().all(|h| h.id != first.hits[1].id));
    // Totals and facets are kept per query across its pages: a page not asked before, after
    // another commit, counts afresh.
    idx.delete(Entity::Offer, 9_000).unwrap();
    idx.commit().unwrap();
    let page2 = idx
        .search(&SearchQuery {
            offset: 20,
            ..newest.clone()
        })
        .unwrap();
    assert_eq!(page2.total, 499);
    assert_eq!(page2.facets.country.iter().map(|c| c.1).sum::<u64>(), 499);
}

#[test]
fn an_entity_filter_gives_the_entity_facet_without_counting_it() {
    let idx = index_with_all();
    for entity in [Entity::Offer, Entity::Organisation] {
        let r = idx.search(&filtered(Filters {
            entity: Some(entity),
            ..Default::default()
        }));
        let r = r.unwrap();
        let n = if entity == Entity::Offer { 2 } else { 1 };
        assert_eq!(r.total, n);
        assert_eq!(
            r.facets.entity,
            vec![(entity.as_str().to_string(), n as u64)]
        );
    }
    let none = idx
        .search(&SearchQuery {
            filters: Filters {
                entity: Some(Entity::Offer),
                countries: vec!["FR".into()],
                ..Default::default()
            },
            ..Default::default()
        })
        .unwrap();
    assert_eq!((none.total, none.facets.entity.len()), (0, 0));
}
