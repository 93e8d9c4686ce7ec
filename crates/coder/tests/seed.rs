//! The article dyad started from (`../shared/corpus/seed.jsonl`): every event
//! an analyst codes from it, with the right actors, modality and source.

mod common;

use common::{documents, find, pipeline, shared, summary, Expect};

fn seed_events() -> Option<Vec<dyad_model::Event>> {
    let shared = shared()?;
    let docs = documents(&shared.join("corpus/seed.jsonl"));
    Some(pipeline().code_document(&docs[0]))
}

const EXPECTED: &[Expect] = &[
    // "Accusing Russia of failing to implement ceasefire, rebels say ..."
    Expect {
        event_type: "ACCUSE",
        trigger: "Accusing",
        actor: &["SYRREB"],
        recipient: &["RUS"],
        modality: &[],
    },
    // "Syrian rebels have cast doubt on attending Russian-backed peace talks"
    Expect {
        event_type: "REJECT",
        trigger: "cast doubt on attending",
        actor: &["SYRREB"],
        recipient: &[],
        modality: &[],
    },
    // "... accusing Moscow of failing to get Damascus to fully comply"
    Expect {
        event_type: "ACCUSE",
        trigger: "accusing",
        actor: &["SYRREB"],
        recipient: &["RUSGOV"],
        modality: &[],
    },
    // "at most a handful of rebels might attend, but only if progress was seen"
    Expect {
        event_type: "CONSULT",
        trigger: "attend",
        actor: &["SYRREB"],
        recipient: &[],
        modality: &["conditional", "hypothetical"],
    },
    // "Kazakhstan said on Saturday it had invited the government and rebels"
    Expect {
        event_type: "AGREE",
        trigger: "invited",
        actor: &["KAZ"],
        recipient: &["SYRGOV", "SYRREB"],
        modality: &["intent"],
    },
    // "They attended a similar indirect meeting in Astana last month"
    Expect {
        event_type: "CONSULT",
        trigger: "attended",
        actor: &["SYRGOV", "SYRREB"],
        recipient: &[],
        modality: &[],
    },
    // "Turkey, which backs the rebels"
    Expect {
        event_type: "SUPPORT",
        trigger: "backs",
        actor: &["TUR"],
        recipient: &["SYRREB"],
        modality: &[],
    },
    // "the Syrian government and its backers defeated the rebels in Aleppo"
    Expect {
        event_type: "ASSAULT",
        trigger: "defeated",
        actor: &["SYRGOV"],
        recipient: &["SYRREB"],
        modality: &[],
    },
    // "it was ready to agree on prisoner swaps with rebel groups"
    Expect {
        event_type: "AGREE",
        trigger: "ready to agree on prisoner swaps",
        actor: &["SYRGOV"],
        recipient: &["SYRREB"],
        modality: &["intent"],
    },
    // "the government was 'always ready' to exchange prisoners"
    Expect {
        event_type: "AGREE",
        trigger: "exchange prisoners",
        actor: &["SYRGOV"],
        recipient: &[],
        modality: &["intent"],
    },
    // "A rebel official dismissed the statement as a ruse"
    Expect {
        event_type: "REJECT",
        trigger: "dismissed the statement as a ruse",
        actor: &["SYRREB"],
        recipient: &["SYRGOV"],
        modality: &[],
    },
    // "The United Nations special envoy for Syria, Staffan de Mistura, sent invitations"
    Expect {
        event_type: "AGREE",
        trigger: "sent invitations",
        actor: &["IGOUNO"],
        recipient: &[],
        modality: &["intent"],
    },
    // "the Syrian government and rebel groups swapped dozens of women prisoners"
    Expect {
        event_type: "RETREAT",
        trigger: "swapped",
        actor: &["SYRGOV", "SYRREB"],
        recipient: &["SYRGOV", "SYRREB"],
        modality: &[],
    },
    // "Amnesty International said in a report ... the government had executed up to 13,000 prisoners"
    Expect {
        event_type: "ASSAULT",
        trigger: "executed",
        actor: &["SYRGOV"],
        recipient: &[],
        modality: &["alleged"],
    },
    Expect {
        event_type: "ACCUSE",
        trigger: "said in a report",
        actor: &["NGOHRIAMN"],
        recipient: &["SYRGOV"],
        modality: &[],
    },
    // "The Syrian justice ministry called the report 'devoid of truth'."
    Expect {
        event_type: "REJECT",
        trigger: "called the report",
        actor: &["SYRGOV"],
        recipient: &["NGOHRIAMN"],
        modality: &[],
    },
];

#[test]
fn seed_article_codes_every_expected_event() {
    let Some(events) = seed_events() else { return };
    for x in EXPECTED {
        find(&events, x);
    }
}

#[test]
fn seed_article_has_few_events_beyond_the_expected_ones() {
    let Some(events) = seed_events() else { return };
    let extra = events.len().saturating_sub(EXPECTED.len());
    assert!(
        extra <= 8,
        "{extra} events beyond the {} expected:\n{}",
        EXPECTED.len(),
        events.iter().map(summary).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn seed_attribution_names_the_source_and_says_when_it_is_anonymous() {
    let Some(events) = seed_events() else { return };
    let by_trigger = |t: &str| {
        events
            .iter()
            .find(|e| e.trigger.text.contains(t))
            .unwrap_or_else(|| panic!("no event {t:?}"))
    };
    let cases: &[(&str, &str, bool, &str)] = &[
        (
            "dismissed the statement",
            "A rebel official",
            true,
            "saying",
        ),
        (
            "sent invitations",
            "his spokeswoman Yara Sharif",
            false,
            "said",
        ),
        ("executed", "Amnesty International", false, "said"),
        ("exchange prisoners", "an official source", true, "saying"),
        ("invited", "Kazakhstan", false, "said"),
    ];
    for &(trigger, speaker, anonymous, cue) in cases {
        let e = by_trigger(trigger);
        let a = e
            .attribution
            .as_ref()
            .unwrap_or_else(|| panic!("{trigger}: no attribution"));
        assert_eq!(a.speaker_text, speaker, "{trigger}");
        assert_eq!(a.anonymous, anonymous, "{trigger}: anonymous");
        assert!(
            a.cue.as_deref().unwrap_or("").starts_with(cue),
            "{trigger}: cue {:?}",
            a.cue
        );
    }
}

#[test]
fn seed_actors_carry_country_sector_and_spans_into_the_text() {
    let Some(events) = seed_events() else { return };
    let shared = shared().unwrap();
    let text: Vec<char> = documents(&shared.join("corpus/seed.jsonl"))[0]
        .text
        .chars()
        .collect();
    let defeat = events
        .iter()
        .find(|e| e.trigger.text == "defeated")
        .expect("the Aleppo defeat");
    let gov = &defeat.actor[0];
    assert_eq!(
        (
            gov.code.as_str(),
            gov.country.as_deref(),
            gov.sector.as_slice()
        ),
        ("SYRGOV", Some("SYR"), &["GOV".to_string()][..])
    );
    let [a, b] = gov.span.expect("span");
    assert_eq!(
        text[a as usize..b as usize].iter().collect::<String>(),
        "Syrian government"
    );
    // "defeated the rebels in Aleppo in December", published in February.
    assert_eq!(defeat.date.basis, dyad_model::DateBasis::Relative);
    assert_eq!(
        defeat.date.start.map(|d| d.to_string()).as_deref(),
        Some("2016-12-01")
    );
    assert_eq!(defeat.date.precision, dyad_model::DatePrecision::Month);
    assert_eq!(
        defeat.location.as_ref().map(|p| p.name.as_str()),
        Some("Aleppo")
    );
    assert!(
        defeat.rule.contains("verbs.txt:"),
        "rule names the dictionary line: {}",
        defeat.rule
    );
}
