//! The gold readers on the real files: PLOVER gold records and PETRARCH2
//! unit-test records from `../shared/peer`, and the seed annotation shipped
//! in `testdata/`.

mod common;

use common::{shared, testdata};
use dyad_eval::{GoldActor, GoldFormat, GoldSet};
use dyad_model::EventType;

fn codes(actors: &[GoldActor]) -> Vec<&str> {
    actors.iter().map(|a| a.code.as_str()).collect()
}

#[test]
fn plover_records_map_old_names_actors_and_reciprocal_targets() {
    let Some(path) = shared("peer/plover/plover_gsr_dev.jsonl") else {
        return;
    };
    let gold = GoldSet::read(&path, None, None).unwrap();
    assert_eq!(gold.format, GoldFormat::PloverGsr);
    assert!(gold.skipped.is_empty(), "{:?}", gold.skipped);
    assert_eq!(gold.documents.len(), 215);
    assert!(gold.documents.iter().all(|d| d.events.len() == 1));
    let event = |id: &str| {
        &gold
            .documents
            .iter()
            .find(|d| d.document.id == id)
            .unwrap_or_else(|| panic!("{id}"))
            .events[0]
    };
    let count = |t: EventType| {
        gold.documents
            .iter()
            .filter(|d| d.events[0].event_type == Some(t))
            .count()
    };
    // PLOVER 0.5 counts: DEMAND 23; DISAPPROVE 10 + INVESTIGATE 6; FIGHT 12 + ASSAULT 10.
    assert_eq!(count(EventType::Request), 23);
    assert_eq!(count(EventType::Accuse), 16);
    assert_eq!(count(EventType::Assault), 22);
    assert_eq!(
        event("PLOVER-GSR01-DISAPPROVE-0002").mode.as_deref(),
        Some("disapprove")
    );
    assert_eq!(
        event("PLOVER-GSR01-INVESTIGATE-0003").mode.as_deref(),
        Some("investigate")
    );

    // Country plus a separate sector make one code; the markup's SRC/TAR
    // makes a reciprocal event's sources its targets too.
    let agree = event("PLOVER-GSR01-AGREE-0001");
    assert_eq!(
        codes(agree.source.as_deref().unwrap()),
        ["HUNGOV", "ROUGOV"]
    );
    assert_eq!(agree.target, agree.source);
    let hun = &agree.source.as_ref().unwrap()[0];
    assert_eq!((hun.prefix(), hun.sector.as_deref()), ("HUN", Some("GOV")));
    // A stray string in the target field is no target.
    let cyprus = event("PLOVER-GSR01-AGREE-0007");
    assert_eq!(codes(cyprus.target.as_deref().unwrap()), ["TUR", "GRC"]);
    // No source at all: none expected.
    assert_eq!(
        event("PLOVER-GSR01-ASSAULT-0009").source.as_deref(),
        Some(&[][..])
    );
    assert_eq!(
        codes(event("PLOVER-GSR01-AID-0003").target.as_deref().unwrap()),
        ["PAK"]
    );
}

#[test]
fn petrarch_records_keep_triples_and_set_aside_error_tests() {
    let Some(path) = shared("peer/petrarch2/petr_unittest_records.jsonl") else {
        return;
    };
    let gold = GoldSet::read(&path, None, None).unwrap();
    assert_eq!(gold.format, GoldFormat::Petrarch);
    // 284 records: 7 test PETRARCH's handling of bad input, one has no coding.
    assert_eq!(gold.documents.len() + gold.skipped.len(), 284);
    assert_eq!(gold.skipped.len(), 8, "{:?}", gold.skipped);
    assert!(gold.skipped.iter().any(|s| s.reason.contains("PATTERN-06")));
    assert_eq!(gold.event_count(), 359);
    let doc = |id: &str| {
        gold.documents
            .iter()
            .find(|d| d.document.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let demo = doc("DEMO-02");
    assert_eq!(demo.events.len(), 2);
    assert_eq!(demo.events[0].cameo.as_deref(), Some("032"));
    assert_eq!(codes(demo.events[0].source.as_deref().unwrap()), ["DAGGOV"]);
    assert_eq!(codes(demo.events[1].target.as_deref().unwrap()), ["DAGGOV"]);
    assert_eq!(
        demo.document.published.map(|d| d.to_string()).as_deref(),
        Some("1995-01-03")
    );
    // `---` as a target is "no target".
    let no_target = gold
        .documents
        .iter()
        .flat_map(|d| &d.events)
        .filter(|e| e.target.as_deref() == Some(&[][..]))
        .count();
    assert!(no_target >= 13, "{no_target}");
    // Records expecting no event are kept, with no events.
    assert!(
        gold.documents
            .iter()
            .filter(|d| d.events.is_empty())
            .count()
            >= 19
    );
}

#[test]
fn seed_annotation_fits_the_article_as_dyad_splits_it() {
    let Some(_) = shared("corpus/seed.jsonl") else {
        return;
    };
    let gold = GoldSet::read(&testdata("seed.gold.jsonl"), None, None).unwrap();
    assert_eq!(gold.format, GoldFormat::Dyad);
    assert!(gold.skipped.is_empty(), "{:?}", gold.skipped);
    assert_eq!(gold.documents.len(), 1);
    let doc = &gold.documents[0];
    assert_eq!(doc.document.id, "astana-talks-2017-02-13");
    assert!(doc.events.len() >= 25, "{}", doc.events.len());
    for e in &doc.events {
        assert!(e.sentence.is_some() && e.trigger.is_some(), "{}", e.label);
        assert!(e.event_type.is_some(), "{}: PLOVER type", e.label);
    }
    // Every trigger is in the sentence its index points to.
    let report = dyad_eval::evaluate(common::pipeline(), &gold);
    assert!(report.warnings.is_empty(), "{:#?}", report.warnings);
    let defeat = doc
        .events
        .iter()
        .find(|e| e.trigger.as_deref() == Some("defeated"))
        .expect("the Aleppo defeat");
    let date = defeat.date.expect("dated");
    assert_eq!(
        (date.start.to_string(), date.end.to_string()),
        ("2016-12-01".into(), "2016-12-31".into())
    );
    assert_eq!(
        defeat.place.clone().flatten().map(|p| p.name).as_deref(),
        Some("Aleppo")
    );
}

#[test]
fn dyad_gold_sets_bad_records_aside_and_needs_its_documents() {
    let dir = std::env::temp_dir().join(format!("dyad-eval-gold-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let docs = dir.join("docs.jsonl");
    std::fs::write(
        &docs,
        r#"{"id": "d1", "text": "The ministry said on Friday it had recalled its ambassador.", "published": "2021-03-05"}
"#,
    )
    .unwrap();
    let gold = dir.join("gold.jsonl");
    std::fs::write(
        &gold,
        r#"{"dyad_gold": 1, "documents": "docs.jsonl"}
{"doc": "d1", "sentence": 0, "trigger": "recalled", "type": "SANCTION", "date": {"start": "2021-03-05"}}
{"doc": "d1", "sentence": 0, "type": "WITHDRAW"}
{"doc": "d1", "type": "SANCTION"}
{"doc": "d1", "sentence": 0, "type": "SANCTION", "date": {"start": "2021-03-05", "end": "2021-03-01"}}
not json
{"doc": "missing", "sentence": 0, "type": "SANCTION"}
"#,
    )
    .unwrap();
    let set = GoldSet::read(&gold, None, None).unwrap();
    assert_eq!(set.documents.len(), 1);
    assert_eq!(set.documents[0].events.len(), 1);
    let date = set.documents[0].events[0].date.unwrap();
    assert_eq!(date.start, date.end, "end defaults to start");
    let lines: Vec<usize> = set.skipped.iter().map(|s| s.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7], "{:#?}", set.skipped);
    assert!(set.skipped[0].reason.contains("WITHDRAW"));
    assert!(set.skipped[1].reason.contains("sentence"));
    assert!(set.skipped[2].reason.contains("before it starts"));
    assert!(set.skipped[3].reason.contains("not JSON"));
    assert!(set.skipped[4].reason.contains("\"missing\" is not in"));

    // Without a header, the documents must be named.
    std::fs::write(
        &gold,
        r#"{"doc": "d1", "sentence": 0, "type": "SANCTION"}
"#,
    )
    .unwrap();
    let err = GoldSet::read(&gold, None, None).unwrap_err();
    assert!(err.to_string().contains("documents"), "{err}");
    assert_eq!(
        GoldSet::read(&gold, None, Some(&docs))
            .unwrap()
            .event_count(),
        1
    );
    // A file of no known shape asks for --format.
    std::fs::write(&gold, "{\"headline\": \"x\"}\n").unwrap();
    let err = GoldSet::read(&gold, None, None).unwrap_err();
    assert!(err.to_string().contains("--format"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
