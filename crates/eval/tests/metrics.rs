//! The figures of `evaluate` and `Profile` on real records, checked against
//! counts made directly from the coded events, and against each other.

mod common;

use std::collections::BTreeMap;

use common::{pipeline, scored, shared, testdata};
use dyad_eval::{GoldFormat, Profile};
use dyad_model::{Event, EventType};

/// The most confident event, first of equals: written here independently
/// of the crate's own.
fn most_confident(events: &[Event]) -> Option<&Event> {
    events
        .iter()
        .rev()
        .max_by(|a, b| a.confidence.total_cmp(&b.confidence))
}

#[test]
fn plover_figures_agree_with_a_direct_count() {
    let Some(path) = shared("peer/plover/plover_gsr_dev.jsonl") else {
        return;
    };
    let (gold, report) = scored(&path);
    assert_eq!(report.format, GoldFormat::PloverGsr);
    assert_eq!((report.sentences, report.top1_type.total), (215, 215));

    let (mut top1, mut any, mut total) = (0, 0, 0);
    let mut coded: BTreeMap<EventType, usize> = BTreeMap::new();
    let mut expected: BTreeMap<EventType, usize> = BTreeMap::new();
    for d in &gold.documents {
        let events = pipeline().code_document(&d.document);
        let want = d.events[0].event_type.expect("typed");
        *expected.entry(want).or_default() += 1;
        top1 += usize::from(most_confident(&events).is_some_and(|e| e.event_type == want));
        any += usize::from(events.iter().any(|e| e.event_type == want));
        total += events.len();
        for e in &events {
            *coded.entry(e.event_type).or_default() += 1;
        }
    }
    assert_eq!(report.top1_type.hits, top1);
    assert_eq!(report.any_type.hits, any);
    assert_eq!(report.coded_events, total);
    assert_eq!(
        report.events_per_sentence,
        Some(total as f64 / 215.0),
        "events per gold sentence"
    );
    for t in &report.per_type {
        assert_eq!(t.coded, coded.get(&t.event_type).copied().unwrap_or(0));
        assert_eq!(t.gold, expected.get(&t.event_type).copied().unwrap_or(0));
        assert!(t.hits <= t.gold.min(t.coded));
        if t.coded > 0 {
            assert_eq!(t.precision, Some(t.hits as f64 / t.coded as f64));
        }
        // The confusion matrix's row is the type's gold count, its diagonal the hits.
        let row = &report.confusion[t.event_type.as_str()];
        assert_eq!(row.values().sum::<usize>(), t.gold);
        assert_eq!(row.get(t.event_type.as_str()).copied().unwrap_or(0), t.hits);
    }
    // Finer actor levels can only lose hits.
    for levels in [report.source, report.target] {
        assert!(levels.sector.hits <= levels.country.hits);
        assert_eq!(levels.country.total, 215);
    }
    // Every sentence whose top event has the wrong type is listed, with the
    // rule that fired when something was coded.
    let top1_misses = report
        .misses
        .iter()
        .filter(|m| m.failed.contains(&"top-1"))
        .count();
    assert_eq!(top1_misses, 215 - top1);
    for m in &report.misses {
        if let Some(top) = &m.top {
            assert!(!top.rule.is_empty(), "{}", m.label);
        }
        if m.failed.contains(&"type") {
            let judged = m.judged.as_ref().map(|j| j.event_type);
            assert_ne!(judged, m.expected.event_type, "{}", m.label);
        }
    }
    // PLOVER records annotate one event a sentence: extra events are not listed.
    assert!(report.unexpected.is_empty());
}

#[test]
fn petrarch_record_matches_agree_with_a_direct_count() {
    let Some(path) = shared("peer/petrarch2/petr_unittest_records.jsonl") else {
        return;
    };
    let (gold, report) = scored(&path);
    let petrarch = report.petrarch.expect("PETRARCH figures");
    assert_eq!(petrarch.full_match.total, gold.documents.len());
    assert!(petrarch.full_match.hits <= petrarch.event_code_match.hits);
    let mut code_hits = 0;
    for d in &gold.documents {
        let events = pipeline().code_document(&d.document);
        let hit = if d.events.is_empty() {
            events.is_empty()
        } else {
            d.events
                .iter()
                .all(|g| events.iter().any(|e| Some(&e.cameo) == g.cameo.as_ref()))
        };
        code_hits += usize::from(hit);
    }
    assert_eq!(petrarch.event_code_match.hits, code_hits);
    // Each CAMEO code of the gold is judged once.
    assert_eq!(report.cameo_root.total, gold.event_count());
    assert!(report.cameo_code.hits <= report.cameo_root.hits);
}

#[test]
fn seed_gold_judges_every_annotated_field_and_accounts_for_every_event() {
    let Some(_) = shared("corpus/seed.jsonl") else {
        return;
    };
    let (gold, report) = scored(&testdata("seed.gold.jsonl"));
    let events = &gold.documents[0].events;
    let with = |f: fn(&dyad_eval::GoldEvent) -> bool| events.iter().filter(|e| f(e)).count();
    assert_eq!(report.date_exact.total, with(|e| e.date.is_some()));
    assert_eq!(report.date_overlap.total, report.date_exact.total);
    assert!(report.date_exact.hits <= report.date_overlap.hits);
    assert_eq!(report.place.total, with(|e| e.place.is_some()));
    assert_eq!(report.attribution.total, with(|e| e.attribution.is_some()));
    assert_eq!(report.modality.total, with(|e| e.modality.is_some()));
    assert_eq!(report.source.country.total, with(|e| e.source.is_some()));
    // Every sentence of the article is a gold sentence.
    let coded = pipeline().code_document_with_stats(&gold.documents[0].document);
    assert_eq!(report.sentences, coded.1.sentences);
    // Each coded event is either matched to one gold event of its type or listed.
    assert_eq!(
        report.any_type.hits + report.unexpected.len(),
        report.coded_events
    );
    // A date or place miss names what was expected.
    for m in report.misses.iter().filter(|m| m.failed.contains(&"date")) {
        assert!(m.expected.date.is_some(), "{}", m.label);
    }
}

#[test]
fn profile_counts_agree_with_the_coded_events() {
    let Some(path) = shared("corpus/seed.jsonl") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let doc: dyad_model::Document = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    let (events, stats) = pipeline().code_document_with_stats(&doc);
    let mut profile = Profile::default();
    profile.code(pipeline(), &doc);
    let mut twice = profile.clone();
    twice.merge(profile.clone());
    let report = profile.report(5);
    assert_eq!(report.sentences, stats.sentences as u64);
    assert_eq!(report.events, events.len() as u64);
    assert_eq!(report.per_type.len(), 16);
    assert_eq!(
        report.per_type.iter().map(|t| t.events).sum::<u64>(),
        report.events
    );
    let assaults = events
        .iter()
        .filter(|e| e.event_type == EventType::Assault)
        .count() as f64;
    let row = &report.per_type[15];
    assert_eq!(row.event_type, EventType::Assault);
    assert!((row.per_1000_sentences - 1000.0 * assaults / stats.sentences as f64).abs() < 1e-9);
    let no_actor = events.iter().filter(|e| e.actor.is_empty()).count() as f64;
    assert!((report.no_actor - no_actor / events.len() as f64).abs() < 1e-9);
    assert!(report.top_rules.len() <= 5);
    assert!(report
        .top_rules
        .windows(2)
        .all(|w| w[0].events >= w[1].events));
    // Merging doubles counts and keeps rates.
    let doubled = twice.report(5);
    assert_eq!(doubled.events, 2 * report.events);
    assert_eq!(
        doubled.events_per_1000_sentences,
        report.events_per_1000_sentences
    );
}
