//! The dictionaries converted from PETRARCH2 that ship beside the core:
//! CAMEO.2.0 verb patterns (`data/verbs-cameo.txt`) and issue phrases
//! (`data/issues.txt`). Sentences are our own; they run anywhere.

mod common;

use common::{doc, find, pipeline, summary, Expect};
use dyad_dict::Dictionaries;
use std::collections::HashSet;

fn code(text: &str) -> Vec<dyad_model::Event> {
    pipeline().code_document(&doc("t", text, Some("2024-03-05")))
}

/// The `~lemma`s a pattern names, as written.
fn lemmas(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == '|')
        .map(|e| e.trim_matches(|c| c == '(' || c == ')'))
        .filter_map(|e| e.strip_prefix('~'))
}

#[test]
fn cameo_patterns_follow_the_core_and_leave_its_verbs_alone() {
    let dict = Dictionaries::builtin().expect("shipped dictionaries load");
    let patterns = &dict.verbs.patterns;
    let first = patterns
        .iter()
        .position(|p| &*p.origin.file == "verbs-cameo.txt")
        .expect("verbs-cameo.txt is shipped");
    assert!(
        first > 0
            && patterns[..first]
                .iter()
                .all(|p| &*p.origin.file == "verbs.txt"),
        "verbs.txt comes first, so it wins every equal match"
    );
    assert!(patterns[first..]
        .iter()
        .all(|p| &*p.origin.file == "verbs-cameo.txt"));
    let core: HashSet<&str> = patterns[..first]
        .iter()
        .flat_map(|p| lemmas(&p.text))
        .collect();
    for p in &patterns[first..] {
        assert!(
            lemmas(&p.text).all(|l| !core.contains(l)),
            "{}: {} names a verb verbs.txt has",
            p.origin,
            p.text
        );
        assert!(
            p.elements.len() > 1,
            "{}: a verb alone is left out",
            p.origin
        );
    }
}

#[test]
fn a_cameo_pattern_codes_a_verb_the_core_lacks() {
    let events =
        code("Government troops combed the area for the rebels after the ambush near the border.");
    let e = find(
        &events,
        &Expect {
            event_type: "MOBILIZE",
            trigger: "combed the area",
            actor: &["MIL"],
            recipient: &[],
            modality: &[],
        },
    );
    assert!(e.rule.starts_with("verbs-cameo.txt:"), "{}", summary(e));
}

#[test]
fn issue_phrases_add_their_context_to_the_sentence_events() {
    let cases = [
        (
            "Police arrested five men suspected of drug trafficking in the capital on Tuesday.",
            "arrested",
            "crime",
        ),
        (
            "The World Health Organization sent vaccines to Nigeria to fight the cholera outbreak.",
            "sent",
            "health",
        ),
    ];
    for (text, trigger, context) in cases {
        let events = code(text);
        let e = events
            .iter()
            .find(|e| e.trigger.text.contains(trigger))
            .unwrap_or_else(|| panic!("{text}: no event at {trigger:?}"));
        assert!(
            e.context.iter().any(|c| c == context),
            "{text}: contexts {:?}",
            e.context
        );
    }
    // No issue phrase, no issue context.
    let events = code("Police arrested five men in the capital on Tuesday.");
    assert!(events
        .iter()
        .all(|e| !e.context.iter().any(|c| c == "crime")));
}
