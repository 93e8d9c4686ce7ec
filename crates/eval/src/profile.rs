//! Profiles of unlabelled corpora: how much of each event type the coder
//! produces per 1,000 sentences, how often it finds no actor or no
//! recipient, and which rules fire most. The signal for spurious or silent
//! coding where there is no gold. Owns the counting only; reading the
//! corpora is the caller's.

use std::collections::HashMap;

use dyad_coder::Pipeline;
use dyad_model::{Document, Event, EventType};
use serde::Serialize;

/// Counts over coded documents; add documents, then take a [`ProfileReport`].
#[derive(Debug, Clone, Default)]
pub struct Profile {
    documents: u64,
    sentences: u64,
    events: u64,
    per_type: HashMap<EventType, u64>,
    no_actor: u64,
    no_recipient: u64,
    rules: HashMap<String, u64>,
}

/// Events of one type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeRate {
    /// The type.
    pub event_type: EventType,
    /// Events coded.
    pub events: u64,
    /// Per 1,000 sentences.
    pub per_1000_sentences: f64,
    /// Share of all events.
    pub share: f64,
}

/// A rule and how often it fired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleCount {
    /// The event's `rule`: dictionary line and pattern, or the named rule.
    pub rule: String,
    /// Events it produced.
    pub events: u64,
    /// Share of all events.
    pub share: f64,
}

/// What `dyad eval --profile` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileReport {
    /// Documents coded.
    pub documents: u64,
    /// Documents rejected while reading (filled in by the caller).
    pub rejected: u64,
    /// Sentences coded.
    pub sentences: u64,
    /// Events coded.
    pub events: u64,
    /// Events per 1,000 sentences.
    pub events_per_1000_sentences: f64,
    /// Per PLOVER type, in PLOVER's order (all sixteen).
    pub per_type: Vec<TypeRate>,
    /// Share of events with no actor.
    pub no_actor: f64,
    /// Share of events with no recipient.
    pub no_recipient: f64,
    /// The most frequent rules, most frequent first (ties by rule).
    pub top_rules: Vec<RuleCount>,
}

fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

impl Profile {
    /// Counts the events of one document of `sentences` sentences.
    pub fn add(&mut self, events: &[Event], sentences: usize) {
        self.documents += 1;
        self.sentences += sentences as u64;
        self.events += events.len() as u64;
        for e in events {
            *self.per_type.entry(e.event_type).or_default() += 1;
            self.no_actor += u64::from(e.actor.is_empty());
            self.no_recipient += u64::from(e.recipient.is_empty());
            *self.rules.entry(e.rule.clone()).or_default() += 1;
        }
    }

    /// Codes `doc` with `pipeline` and counts it.
    pub fn code(&mut self, pipeline: &Pipeline, doc: &Document) {
        let (events, stats) = pipeline.code_document_with_stats(doc);
        self.add(&events, stats.sentences);
    }

    /// Adds the counts of another profile (of other documents).
    pub fn merge(&mut self, other: Profile) {
        self.documents += other.documents;
        self.sentences += other.sentences;
        self.events += other.events;
        self.no_actor += other.no_actor;
        self.no_recipient += other.no_recipient;
        for (t, n) in other.per_type {
            *self.per_type.entry(t).or_default() += n;
        }
        for (r, n) in other.rules {
            *self.rules.entry(r).or_default() += n;
        }
    }

    /// The figures, with the `top_rules` most frequent rules.
    pub fn report(&self, top_rules: usize) -> ProfileReport {
        let per_1000 = |n: u64| 1000.0 * share(n, self.sentences);
        let per_type = EventType::ALL
            .into_iter()
            .map(|t| {
                let events = self.per_type.get(&t).copied().unwrap_or_default();
                TypeRate {
                    event_type: t,
                    events,
                    per_1000_sentences: per_1000(events),
                    share: share(events, self.events),
                }
            })
            .collect();
        let mut rules: Vec<(&String, &u64)> = self.rules.iter().collect();
        rules.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        ProfileReport {
            documents: self.documents,
            rejected: 0,
            sentences: self.sentences,
            events: self.events,
            events_per_1000_sentences: per_1000(self.events),
            per_type,
            no_actor: share(self.no_actor, self.events),
            no_recipient: share(self.no_recipient, self.events),
            top_rules: rules
                .into_iter()
                .take(top_rules)
                .map(|(rule, &events)| RuleCount {
                    rule: rule.clone(),
                    events,
                    share: share(events, self.events),
                })
                .collect(),
        }
    }
}
