//! Event locations on real text read from ../shared by path: the seed
//! article (Aleppo, Hama province, Astana, a jail near Damascus; Geneva is
//! only mentioned) and MUC-3/4 wire reports in capitals.

mod common;

use common::{documents, pipeline, shared};
use dyad_model::{Event, PlaceBasis, PlaceFeature};

/// (words of the trigger, gazetteer name, country, feature, basis, words
/// naming the place in the text)
type Row<'a> = (&'a str, &'a str, &'a str, PlaceFeature, PlaceBasis, &'a str);

fn check(events: &[Event], rows: &[Row]) {
    for &(trigger, name, country, feature, basis, text) in rows {
        let e = events
            .iter()
            .find(|e| e.trigger.text.contains(trigger))
            .unwrap_or_else(|| panic!("no event triggered by {trigger:?}"));
        let place = e
            .location
            .as_ref()
            .unwrap_or_else(|| panic!("{trigger:?}: no location; sentence: {}", e.sentence));
        assert_eq!(
            (
                place.name.as_str(),
                place.country.as_deref(),
                place.feature,
                place.basis
            ),
            (name, Some(country), feature, Some(basis)),
            "{trigger:?} in: {}",
            e.sentence
        );
        assert!(
            place.text.as_deref().is_some_and(|t| t.contains(text)),
            "{trigger:?}: place text {:?}, expected it to contain {text:?}",
            place.text
        );
    }
}

/// The span of every location is where its text is.
fn spans_match(doc: &dyad_model::Document, events: &[Event]) {
    let chars: Vec<char> = doc.text.chars().collect();
    for e in events {
        if let Some(p) = &e.location {
            if let (Some([a, b]), Some(t)) = (p.span, &p.text) {
                let got: String = chars[a as usize..b as usize].iter().collect();
                assert_eq!(&got, t, "{}", e.id);
            }
        }
    }
}

#[test]
fn seed_article_places() {
    let Some(shared) = shared() else { return };
    let doc = &documents(&shared.join("corpus/seed.jsonl"))[0];
    let events = pipeline().code_document(doc);
    use PlaceBasis::InSentence;
    check(
        &events,
        &[
            (
                "defeated",
                "Aleppo",
                "SYR",
                PlaceFeature::City,
                InSentence,
                "Aleppo",
            ),
            (
                "swapped",
                "Hama",
                "SYR",
                PlaceFeature::Admin1,
                InSentence,
                "Hama",
            ),
            (
                "discuss",
                "Astana",
                "KAZ",
                PlaceFeature::City,
                InSentence,
                "Astana",
            ),
            (
                "attended a similar",
                "Astana",
                "KAZ",
                PlaceFeature::City,
                InSentence,
                "Astana",
            ),
            (
                "executed",
                "Damascus",
                "SYR",
                PlaceFeature::Facility,
                InSentence,
                "jail near Damascus",
            ),
        ],
    );
    // Geneva is where talks will be held, never where anything happened.
    for e in &events {
        let place = e.location.as_ref().map(|p| p.name.as_str());
        assert_ne!(place, Some("Geneva"), "{}: {}", e.id, e.sentence);
    }
    // "accusing Moscow of failing to get Damascus to comply": capitals as
    // actors give no location.
    for e in &events {
        for a in e.actor.iter().chain(&e.recipient) {
            if let (Some(span), Some(place)) = (a.span, e.location.as_ref().and_then(|p| p.span)) {
                assert!(
                    span[1] <= place[0] || place[1] <= span[0],
                    "{} uses one span twice",
                    e.id
                );
            }
        }
    }
    spans_match(doc, &events);
}

#[test]
fn muc_capitals_departments() {
    let Some(shared) = shared() else { return };
    let docs = documents(&shared.join("corpus/muc34/articles.jsonl"));
    let doc = docs
        .iter()
        .find(|d| d.id == "DEV-MUC3-0001")
        .expect("DEV-MUC3-0001 in muc34");
    let events = pipeline().code_document(doc);
    use PlaceBasis::InSentence;
    check(
        &events,
        &[
            // "... KIDNAPPED BY TERRORISTS OF THE [FMLN] IN SAN MIGUEL DEPARTMENT"
            (
                "KIDNAPPED",
                "San Miguel",
                "SLV",
                PlaceFeature::Admin1,
                InSentence,
                "SAN MIGUEL",
            ),
            // "... WERE KILLED ... IN USULUTAN AND MORAZAN DEPARTMENTS"
            (
                "KILLED",
                "Usulután",
                "SLV",
                PlaceFeature::Admin1,
                InSentence,
                "USULUTAN",
            ),
        ],
    );
    spans_match(doc, &events);
}

/// Over the whole MUC corpus: spans are right, places from the text have a
/// span and dateline places none, and most events get a place.
#[test]
fn muc_whole_corpus_locations() {
    let Some(shared) = shared() else { return };
    let docs = documents(&shared.join("corpus/muc34/articles.jsonl"));
    let mut located = 0;
    let mut events_n = 0;
    for doc in &docs {
        let events = pipeline().code_document(doc);
        spans_match(doc, &events);
        events_n += events.len();
        for e in &events {
            let Some(p) = &e.location else { continue };
            located += 1;
            if p.basis == Some(PlaceBasis::Document) {
                assert!(p.span.is_none(), "{}: a dateline place has no span", e.id);
            } else {
                assert!(
                    p.span.is_some(),
                    "{}: a place from the text has a span",
                    e.id
                );
            }
        }
    }
    assert!(
        located * 2 > events_n,
        "{located} of {events_n} events located"
    );
}
