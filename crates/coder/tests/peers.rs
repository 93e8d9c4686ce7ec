//! Peers' data read from ../shared by path and id: PETRARCH2's GigaWord
//! sample (`peer/petrarch2/GigaWord.sample.PETR.xml`). The PLOVER gold
//! records are scored by `dyad eval` (`crates/eval/tests/plover.rs`).

mod common;

use common::{pipeline, shared, summary};

/// The real sentences of PETRARCH2's sample: (id, type, actor, recipient).
const GIGAWORD_ROWS: &[(&str, &str, &str, &str)] = &[
    ("AFP0808020705_1", "COERCE", "GUYJUD", "BRACVL"),
    ("AFP0808020824_1", "COERCE", "TUNJUD", ""),
    ("AFP0808020905_1", "CONSULT", "USAMIL", "LBNGOV"),
    ("AFP0808020937_1", "PROTEST", "USA", ""),
    ("AFP0808020957_1", "ACCUSE", "FRA", "RWA"),
    ("GOLD_0", "ASSAULT", "USA", "IMGMUSISI"),
    ("GOLD_2", "CONSULT", "IRQGOV", "SYRGOV"),
    ("GOLD_4", "SUPPORT", "UKR", "IGOEUREEC"),
    ("SYRIA_0", "ASSAULT", "SYRREB", ""),
];

fn gigaword() -> Option<Vec<(String, String, String)>> {
    let xml =
        std::fs::read_to_string(shared()?.join("peer/petrarch2/GigaWord.sample.PETR.xml")).unwrap();
    let mut out = Vec::new();
    for chunk in xml.split("<Sentence ").skip(1) {
        let attr = |name: &str| -> String {
            let at = chunk
                .find(&format!("{name} ="))
                .or_else(|| chunk.find(&format!("{name}=")))
                .expect("attribute");
            let rest = &chunk[at..];
            let open = rest.find('"').unwrap() + 1;
            let close = open + rest[open..].find('"').unwrap();
            rest[open..close].to_string()
        };
        let (Some(a), Some(b)) = (chunk.find("<Text>"), chunk.find("</Text>")) else {
            continue;
        };
        let text = chunk[a + 6..b]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let date = attr("date");
        out.push((
            attr("id"),
            format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..8]),
            text,
        ));
    }
    Some(out)
}

#[test]
fn gigaword_sample_sentences_code_as_expected() {
    let Some(sentences) = gigaword() else { return };
    assert_eq!(sentences.len(), 76);
    let mut total = 0;
    for (id, date, text) in &sentences {
        let events = pipeline().code_document(&common::doc(id, text, Some(date)));
        total += events.len();
        if let Some(&(_, ty, actor, recipient)) = GIGAWORD_ROWS.iter().find(|r| r.0 == id) {
            let hit = events.iter().any(|e| {
                e.event_type.as_str() == ty
                    // A finer code (IRQGOVMIL for IRQGOV) names the same actor.
                    && e.actor.iter().any(|a| a.code.starts_with(actor))
                    && (recipient.is_empty()
                        || e.recipient.iter().any(|a| a.code.starts_with(recipient)))
            });
            assert!(
                hit,
                "{id}: expected {ty} {actor} -> {recipient} in {text:?}; coded:\n{}",
                events.iter().map(summary).collect::<Vec<_>>().join("\n")
            );
        }
    }
    assert!(
        (40..=120).contains(&total),
        "{total} events from 76 sentences"
    );
}
