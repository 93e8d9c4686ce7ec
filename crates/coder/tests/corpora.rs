//! Every shared corpus codes without a panic, with spans that point at the
//! words they name and output that is the same on every run.

mod common;

use common::{documents, pipeline, shared};

fn check_corpus(rel: &str) -> (usize, usize) {
    let Some(shared) = shared() else {
        return (0, 0);
    };
    let docs = documents(&shared.join(rel));
    let mut events = 0;
    for doc in &docs {
        let chars: Vec<char> = doc.text.chars().collect();
        let coded = pipeline().code_document(doc);
        for e in &coded {
            let [a, b] = e.trigger.span;
            assert!(
                a < b && (b as usize) <= chars.len(),
                "{}: trigger span {a}..{b} out of bounds",
                e.id
            );
            let words: String = chars[a as usize..b as usize].iter().collect();
            assert_eq!(
                words, e.trigger.text,
                "{}: the trigger span names other words",
                e.id
            );
            for actor in e.actor.iter().chain(&e.recipient) {
                if let Some([a, b]) = actor.span {
                    let words: String = chars[a as usize..b as usize].iter().collect();
                    assert_eq!(words, actor.entity_text, "{}: actor span", e.id);
                }
                assert!(!actor.code.is_empty(), "{}: actor without a code", e.id);
            }
            assert!(
                !e.actor.is_empty() || !e.recipient.is_empty(),
                "{}: event with no participant",
                e.id
            );
        }
        events += coded.len();
    }
    (docs.len(), events)
}

#[test]
fn muc34_codes_without_panic_and_with_true_spans() {
    let (docs, events) = check_corpus("corpus/muc34/articles.jsonl");
    if docs > 0 {
        assert_eq!(docs, 1700);
        assert!(
            events > 1000,
            "only {events} events from 1,700 conflict reports"
        );
    }
}

#[test]
fn india_police_events_codes_without_panic_and_with_true_spans() {
    let (docs, events) = check_corpus("corpus/india-police-events/articles.jsonl");
    if docs > 0 {
        assert_eq!(docs, 1257);
        assert!(events > 500, "only {events} events from 1,257 riot reports");
    }
}

#[test]
fn coding_is_deterministic() {
    let Some(shared) = shared() else { return };
    let docs = documents(&shared.join("corpus/seed.jsonl"));
    let first: Vec<String> = pipeline()
        .code_document(&docs[0])
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    let again: Vec<String> = pipeline()
        .code_document(&docs[0])
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    assert_eq!(first, again);
    let ids: std::collections::HashSet<&String> = first.iter().collect();
    assert_eq!(ids.len(), first.len());
}
