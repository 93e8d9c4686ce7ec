//! Peers' data read from ../shared by path and id: PLOVER gold records
//! (`peer/plover/plover_gsr_dev.jsonl`) and PETRARCH2's GigaWord sample
//! (`peer/petrarch2/GigaWord.sample.PETR.xml`).

mod common;

use common::{pipeline, shared, summary};
use dyad_model::Event;
use std::collections::HashMap;

/// PLOVER 0.5 names in the gold file, mapped to PLOVER 2021 types.
fn plover_type(name: &str) -> &str {
    match name {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

struct Gold {
    text: String,
    event: String,
    sources: Vec<String>,
}

fn plover_gold() -> Option<HashMap<String, Gold>> {
    let path = shared()?.join("peer/plover/plover_gsr_dev.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    Some(
        text.lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                let sources = v["source"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|s| s["code"].as_str())
                            .map(|c| c.chars().take(3).collect())
                            .collect()
                    })
                    .unwrap_or_default();
                let gold = Gold {
                    text: v["text"].as_str().unwrap().to_string(),
                    event: plover_type(v["event"].as_str().unwrap()).to_string(),
                    sources,
                };
                (v["id"].as_str().unwrap().to_string(), gold)
            })
            .collect(),
    )
}

fn code(id: &str, text: &str) -> Vec<Event> {
    pipeline().code_document(&common::doc(id, text, Some("2000-01-01")))
}

/// The most confident event; the first of equals.
fn top(events: &[Event]) -> Option<&Event> {
    events
        .iter()
        .fold(None, |best: Option<&Event>, e| match best {
            Some(b) if b.confidence >= e.confidence => Some(b),
            _ => Some(e),
        })
}

/// The actor's country, or its organisation prefix (IGO, NGO) when it has none.
fn actor_countries(e: &Event) -> Vec<String> {
    e.actor
        .iter()
        .map(|a| {
            a.country
                .clone()
                .unwrap_or_else(|| a.code.chars().take(3).collect())
        })
        .collect()
}

/// One record per PLOVER type dyad codes, checked for type and source country.
const PLOVER_ROWS: &[&str] = &[
    "PLOVER-GSR01-AGREE-0004",
    "PLOVER-GSR01-AGREE-0005",
    "PLOVER-GSR01-CONSULT-0001",
    "PLOVER-GSR01-SUPPORT-0002",
    "PLOVER-GSR01-COOPERATE-0005",
    "PLOVER-GSR01-AID-0010",
    "PLOVER-GSR01-CONCEDE-0009",
    "PLOVER-GSR01-RETREAT-0014",
    "PLOVER-GSR01-INVESTIGATE-0003",
    "PLOVER-GSR01-DISAPPROVE-0002",
    "PLOVER-GSR01-DEMAND-0001",
    "PLOVER-GSR01-REJECT-0002",
    "PLOVER-GSR01-THREATEN-0006",
    "PLOVER-GSR01-PROTEST-0008",
    "PLOVER-GSR01-SANCTION-0007",
    "PLOVER-GSR01-MOBILIZE-0006",
    "PLOVER-GSR01-COERCE-0010",
    "PLOVER-GSR01-ASSAULT-0003",
];

#[test]
fn plover_gold_records_code_with_the_gold_type_and_source() {
    let Some(gold) = plover_gold() else { return };
    for id in PLOVER_ROWS {
        let g = &gold[*id];
        let events = code(id, &g.text);
        let e = top(&events).unwrap_or_else(|| panic!("{id}: no event for {:?}", g.text));
        assert_eq!(
            e.event_type.as_str(),
            g.event,
            "{id}: {}\n  {}",
            g.text,
            summary(e)
        );
        let countries = actor_countries(e);
        assert!(
            g.sources.iter().any(|s| countries.contains(s)),
            "{id}: source {:?}, coded {countries:?}\n  {}",
            g.sources,
            summary(e)
        );
    }
}

/// The whole dev set, as a floor: the figures measured when this test was
/// written (top-1 type 136/215, source 129/215 with the same scoring), less a
/// small margin. Raise them when the coder improves.
#[test]
fn plover_gold_accuracy_stays_above_its_floor() {
    let Some(gold) = plover_gold() else { return };
    let (mut type_hits, mut source_hits, mut events) = (0, 0, 0);
    for (id, g) in &gold {
        let coded = code(id, &g.text);
        events += coded.len();
        let Some(best) = top(&coded) else { continue };
        if best.event_type.as_str() == g.event {
            type_hits += 1;
        }
        let same_type: Vec<&Event> = coded
            .iter()
            .filter(|e| e.event_type.as_str() == g.event)
            .collect();
        let judged = same_type.first().copied().unwrap_or(best);
        if g.sources
            .iter()
            .any(|s| actor_countries(judged).contains(s))
        {
            source_hits += 1;
        }
    }
    let n = gold.len();
    eprintln!("PLOVER dev: top-1 type {type_hits}/{n}, source {source_hits}/{n}, {events} events");
    assert_eq!(n, 215);
    assert!(
        type_hits >= 130,
        "top-1 type accuracy fell to {type_hits}/{n}"
    );
    assert!(
        source_hits >= 120,
        "source accuracy fell to {source_hits}/{n}"
    );
    assert!(
        events <= n * 3 / 2,
        "{events} events for {n} sentences: too many"
    );
}

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
                    && e.actor.iter().any(|a| a.code == actor)
                    && (recipient.is_empty() || e.recipient.iter().any(|a| a.code == recipient))
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
