//! Helpers shared by the coder's tests: where ../shared is, a pipeline
//! built once, and compact views of events for table-driven assertions.
#![allow(dead_code)]

use dyad_coder::Pipeline;
use dyad_model::{Document, Event};
use std::path::PathBuf;
use std::sync::OnceLock;

/// `../shared` beside the repository, or `None` (the caller skips).
pub fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared not found beside the repository");
        None
    }
}

pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().expect("shipped dictionaries load"))
}

/// Reads a JSONL file of documents.
pub fn documents(path: &std::path::Path) -> Vec<Document> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus line parses"))
        .collect()
}

pub fn doc(id: &str, text: &str, published: Option<&str>) -> Document {
    Document::new(id, text, published.map(|p| p.parse().expect("test date")))
}

pub fn codes(actors: &[dyad_model::Actor]) -> Vec<String> {
    actors.iter().map(|a| a.code.clone()).collect()
}

/// One line per event: `TYPE cameo ACTORS -> RECIPIENTS "trigger" [modality]`.
pub fn summary(e: &Event) -> String {
    format!(
        "{} {} {} -> {} {:?} {:?}",
        e.event_type.as_str(),
        e.cameo,
        codes(&e.actor).join("+"),
        codes(&e.recipient).join("+"),
        e.trigger.text,
        e.modality.iter().map(|m| m.as_str()).collect::<Vec<_>>()
    )
}

/// What a test expects of one event.
#[derive(Debug, Clone, Copy)]
pub struct Expect<'a> {
    pub event_type: &'a str,
    /// Words the trigger must contain.
    pub trigger: &'a str,
    /// Codes that must all be among the actors.
    pub actor: &'a [&'a str],
    /// Codes that must all be among the recipients.
    pub recipient: &'a [&'a str],
    /// Modality, exactly.
    pub modality: &'a [&'a str],
}

/// Finds the event a row describes, or panics listing what was coded.
pub fn find<'e>(events: &'e [Event], x: &Expect) -> &'e Event {
    let hit = events.iter().find(|e| {
        e.event_type.as_str() == x.event_type
            && e.trigger.text.contains(x.trigger)
            && x.actor
                .iter()
                .all(|c| codes(&e.actor).iter().any(|a| a == c))
            && x.recipient
                .iter()
                .all(|c| codes(&e.recipient).iter().any(|a| a == c))
    });
    match hit {
        Some(e) => {
            let got: Vec<&str> = e.modality.iter().map(|m| m.as_str()).collect();
            assert_eq!(got, x.modality, "modality of {}", summary(e));
            e
        }
        None => panic!(
            "no event like {x:?}; coded:\n{}",
            events.iter().map(summary).collect::<Vec<_>>().join("\n")
        ),
    }
}
