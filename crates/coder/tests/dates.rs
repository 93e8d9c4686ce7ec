//! Event dates on real text: each event gets the date of its own clause.
//! The seed article and MUC-3/4 reports are read from ../shared by path.

mod common;

use common::{doc, documents, pipeline, shared};
use dyad_model::{DateBasis, Event};

/// `start..end basis`, e.g. `2017-02-11..2017-02-11 relative`.
fn when(e: &Event) -> String {
    let basis = serde_json::to_value(e.date.basis).expect("serialises");
    format!(
        "{}..{} {}",
        e.date.start.map_or("?".into(), |d| d.to_string()),
        e.date.end.map_or("?".into(), |d| d.to_string()),
        basis.as_str().unwrap_or_default()
    )
}

/// The event whose trigger starts with `trigger` in the sentence holding `words`.
fn event<'e>(events: &'e [Event], words: &str, trigger: &str) -> &'e Event {
    events
        .iter()
        .find(|e| e.sentence.contains(words) && e.trigger.text.starts_with(trigger))
        .unwrap_or_else(|| panic!("no '{trigger}' event in the sentence with '{words}'"))
}

#[test]
fn seed_events_get_the_dates_of_their_own_clauses() {
    let Some(shared) = shared() else { return };
    let docs = documents(&shared.join("corpus/seed.jsonl"));
    let events = pipeline().code_document(&docs[0]);
    // Sentence words, trigger, expected date.
    let table = [
        // The rebels' statement: "talks this week" dates the talks, not the doubt.
        (
            "have cast doubt",
            "cast doubt",
            "2017-02-13..2017-02-13 publication",
        ),
        // "Kazakhstan said on Saturday it had invited ... for February 15-16
        // talks": the invitation is what was said, on Saturday.
        (
            "Kazakhstan said on Saturday",
            "invited",
            "2017-02-11..2017-02-11 relative",
        ),
        // ... and the talks the invitees are to hold are dated by "February 15-16".
        (
            "Kazakhstan said on Saturday",
            "talks",
            "2017-02-15..2017-02-16 relative",
        ),
        (
            "similar indirect meeting",
            "attended",
            "2017-01-01..2017-01-31 relative",
        ),
        (
            "defeated the rebels in Aleppo",
            "defeated",
            "2016-12-01..2016-12-31 relative",
        ),
        // "which backs the rebels": another clause, undated.
        (
            "which backs the rebels",
            "backs",
            "2017-02-13..2017-02-13 publication",
        ),
        (
            "said earlier on Monday",
            "ready to agree",
            "2017-02-13..2017-02-13 relative",
        ),
        // "sent invitations on Monday for the Geneva talks beginning on February 23".
        (
            "sent invitations on Monday",
            "sent invitations",
            "2017-02-13..2017-02-13 relative",
        ),
        (
            "This month, in a rare move",
            "swapped",
            "2017-02-01..2017-02-28 relative",
        ),
        (
            "said in a report this month",
            "said in a report",
            "2017-02-01..2017-02-28 relative",
        ),
        // What the report says happened is not dated by the report.
        (
            "said in a report this month",
            "executed",
            "2017-02-13..2017-02-13 publication",
        ),
    ];
    let mut failures = Vec::new();
    for (words, trigger, expected) in table {
        let got = when(event(&events, words, trigger));
        if got != expected {
            failures.push(format!("'{trigger}' ({words}): {got}, expected {expected}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn own_sentences_date_each_clause() {
    // Sentence, publication date, trigger, expected date.
    let table = [
        (
            "Government troops killed three rebels yesterday, the army said on Tuesday.",
            "2017-02-15",
            "killed",
            "2017-02-14..2017-02-14 relative",
        ),
        (
            "The army said on Tuesday that rebels had attacked a checkpoint.",
            "2017-02-15",
            "attacked",
            "2017-02-15..2017-02-15 publication",
        ),
        (
            "Envoys will meet rebel leaders on Saturday in Geneva.",
            "2017-02-15",
            "meet",
            "2017-02-18..2017-02-18 relative",
        ),
        (
            "Envoys met rebel leaders on Saturday in Geneva.",
            "2017-02-15",
            "met",
            "2017-02-11..2017-02-11 relative",
        ),
        (
            "Rebels attacked the garrison in December.",
            "2017-01-04",
            "attacked",
            "2016-12-01..2016-12-31 relative",
        ),
    ];
    for (text, published, trigger, expected) in table {
        let events = pipeline().code_document(&doc("t", text, Some(published)));
        let e = event(&events, "", trigger);
        assert_eq!(when(e), expected, "{text}");
        if trigger == "meet" {
            assert!(e.modality.contains(&dyad_model::Modality::Future));
        }
    }
    let undated = pipeline().code_document(&doc("t", "Rebels attacked the garrison.", None));
    assert_eq!(when(&undated[0]), "?..? unknown");
}

#[test]
fn muc_datelines_and_bad_publication_dates() {
    let Some(shared) = shared() else { return };
    let docs = documents(&shared.join("corpus/muc34/articles.jsonl"));
    let by_id = |id: &str| {
        docs.iter()
            .find(|d| d.id == id)
            .unwrap_or_else(|| panic!("{id} in muc34"))
    };
    // No `published`; the dateline "PERTH (AUSTRALIA), JUNE 11 89 (AFP) --" dates it.
    let (events, stats) = pipeline().code_document_with_stats(by_id("DEV-MUC3-0246"));
    assert!(stats.publication_warning.is_none());
    assert!(!events.is_empty());
    for e in &events {
        assert_eq!(
            e.published.map(|d| d.to_string()).as_deref(),
            Some("1989-06-11")
        );
        assert_ne!(e.date.basis, DateBasis::Unknown);
    }
    // Dated 1911 in the input, yet it names 11 September 1973 as past:
    // the date is set aside and reported.
    let (events, stats) = pipeline().code_document_with_stats(by_id("DEV-MUC3-1166"));
    let warning = stats
        .publication_warning
        .expect("an implausible date is reported");
    assert!(warning.contains("1911-03-11"), "{warning}");
    assert!(events.iter().all(|e| e.published.is_none()));
    // "THREE SUBVERSIVES WERE KILLED ... DURING CLASHES YESTERDAY", reported
    // on 1990-01-04... whatever the day, yesterday is the day before it.
    let events = pipeline().code_document(by_id("DEV-MUC3-0001"));
    let clashes = events
        .iter()
        .filter(|e| e.date.text.as_deref() == Some("YESTERDAY"))
        .inspect(|e| {
            let day_before = e.published.and_then(|p| p.pred_opt());
            assert_eq!(e.date.start, day_before, "{}", e.id);
        })
        .count();
    assert!(clashes > 0, "'CLASHES YESTERDAY' dates its events");
}

#[test]
fn every_muc_event_has_a_consistent_date() {
    let Some(shared) = shared() else { return };
    let docs = documents(&shared.join("corpus/muc34/articles.jsonl"));
    let mut dated = 0;
    for d in &docs {
        for e in pipeline().code_document(d) {
            match e.date.basis {
                DateBasis::Unknown => assert!(e.date.start.is_none() && e.published.is_none()),
                DateBasis::Publication => assert_eq!(e.date.start, e.published),
                DateBasis::Explicit | DateBasis::Relative => {
                    dated += 1;
                    let (a, b) = (e.date.start.expect("start"), e.date.end.expect("end"));
                    assert!(a <= b, "{}: {a} after {b}", e.id);
                    let text = e.date.text.as_deref().expect("the expression is given");
                    assert!(
                        e.sentence.contains(text),
                        "{}: '{text}' not in its sentence",
                        e.id
                    );
                }
            }
        }
    }
    assert!(dated > 500, "only {dated} events dated by an expression");
}
