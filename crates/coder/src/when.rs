//! When each event happened: which time expression governs an event's own
//! clause. Owns attaching expressions to verbs and to the nouns they modify,
//! and the rule for attribution frames ("X said on Saturday" dates what X
//! said, not what X reported). Finding and resolving expressions is
//! `dyad-dates`'s business; this module must not parse dates itself.

use chrono::NaiveDate;
use dyad_dates::{Publication, Tense, TimeExpression};
use dyad_model::{EventDate, Modality};

use crate::analysis::{class, Sentence};
use crate::{nearest_frame, Coded, Frame, SPEECH_ACTS};

/// A document's publication date and time expressions, found once.
pub(crate) struct DocumentDates {
    /// The publication date relative expressions are read from.
    pub published: Option<NaiveDate>,
    /// Why the input's publication date was set aside, when it was.
    pub warning: Option<String>,
    /// Expressions in the normalised text, by byte offset.
    expressions: Vec<TimeExpression>,
    /// Where the dateline ends: its date dates no event.
    dateline_end: usize,
}

impl DocumentDates {
    /// Finds the expressions of the normalised `text` and decides its
    /// publication date.
    pub fn new(text: &str, published: Option<NaiveDate>) -> DocumentDates {
        let expressions = dyad_dates::find(text);
        let publication = Publication::decide(published, text, &expressions);
        DocumentDates {
            published: publication.date,
            warning: publication.warning,
            dateline_end: publication.dateline.map_or(0, |d| d.end),
            expressions,
        }
    }

    /// Expressions inside the sentence byte range `[start, end)`.
    fn within(&self, start: usize, end: usize) -> &[TimeExpression] {
        let from = self
            .expressions
            .partition_point(|e| e.start < start.max(self.dateline_end));
        let to = self.expressions.partition_point(|e| e.end <= end);
        &self.expressions[from..to.max(from)]
    }
}

/// Nouns for events: a date right before or after one dates that event
/// ("February 15-16 talks", "the talks beginning on February 23").
const EVENT_NOUNS: &[&str] = &[
    "talks",
    "meeting",
    "meetings",
    "summit",
    "negotiations",
    "conference",
    "consultations",
    "election",
    "elections",
    "vote",
    "referendum",
    "round",
    "session",
    "visit",
    "ceasefire",
    "truce",
    "deadline",
    "rally",
    "protest",
    "protests",
    "strike",
    "trial",
    "hearing",
];

/// Words between an event noun and the date that dates it.
const NOUN_LINKS: &[&str] = &[
    "on",
    "in",
    "for",
    "beginning",
    "starting",
    "opening",
    "due",
    "set",
    "scheduled",
    "held",
    "planned",
    "slated",
    "expected",
    "to",
    "start",
    "begin",
];

/// Clause edges for attaching an expression to its verb.
const EDGE: u32 = class::HARD_PUNCT | class::SUBORD | class::COMMA;

/// An expression placed in the sentence.
struct Anchored<'d> {
    expression: &'d TimeExpression,
    /// Token range `[start, end)`.
    start: usize,
    /// The verb whose clause the expression is in.
    head: Option<usize>,
    /// The event noun it modifies, when it modifies one.
    noun: Option<usize>,
}

/// The date of each coded event of sentence `s`, in order.
pub(crate) fn event_dates(
    s: &Sentence,
    coded: &[Coded],
    verb_tokens: &[bool],
    frames: &[Frame],
    dates: &DocumentDates,
) -> Vec<EventDate> {
    let fallback = || EventDate::from_publication(dates.published);
    let found = dates.within(s.span.start, s.span.end);
    if found.is_empty() {
        return coded.iter().map(|_| fallback()).collect();
    }
    let anchored: Vec<Anchored> = found
        .iter()
        .filter_map(|e| anchor(s, e, verb_tokens))
        .collect();
    coded
        .iter()
        .map(|c| {
            let (a, b) = c.trigger;
            let speech = SPEECH_ACTS.iter().any(|p| c.code.starts_with(p));
            let tense = if c.modality.contains(&Modality::Future) {
                Tense::Future
            } else {
                Tense::Past
            };
            // A date modifying an event noun dates that noun's event: the
            // talks, not the invitation to them; a material event is dated
            // by a noun inside its own words ("attended a meeting last month").
            let usable = |x: &&Anchored| match x.noun {
                Some(n) => !speech && n >= a && n < b,
                None => true,
            };
            let own = anchored
                .iter()
                .filter(usable)
                .filter(|x| {
                    x.head.is_some_and(|h| h >= a && h < b)
                        || x.noun.is_some_and(|n| n >= a && n < b)
                })
                .min_by_key(|x| x.start.abs_diff(a))
                .or_else(|| {
                    // "were killed and seven others were wounded during
                    // clashes yesterday": a coordinated verb of the same
                    // stretch that codes no event of its own.
                    anchored.iter().filter(usable).find(|x| {
                        x.start >= b
                            && (b..x.start).all(|k| !s.is(k, EDGE))
                            && x.head.is_some_and(|h| {
                                h >= b
                                    && !s.is(h, class::REPORTING)
                                    && !coded.iter().any(|o| h >= o.trigger.0 && h < o.trigger.1)
                            })
                    })
                });
            let governing = match own {
                Some(x) => Some((x, tense)),
                // "Kazakhstan said on Saturday it had invited ...": the
                // frame's date is the date of what was said.
                None if speech => nearest_frame(frames, (a, b)).and_then(|f| {
                    anchored
                        .iter()
                        .filter(usable)
                        .find(|x| x.head == Some(f.cue.0))
                        .map(|x| (x, Tense::Past))
                }),
                None => None,
            };
            governing
                .and_then(|(x, tense)| x.expression.resolve(dates.published, tense))
                .unwrap_or_else(fallback)
        })
        .collect()
}

/// Places an expression on the sentence's tokens and finds what it attaches to.
fn anchor<'d>(s: &Sentence, e: &'d TimeExpression, verb_tokens: &[bool]) -> Option<Anchored<'d>> {
    let toks = &s.toks.tokens;
    let start = toks.partition_point(|t| (t.start as usize) < e.start);
    let end = toks.partition_point(|t| (t.end as usize) <= e.end);
    if start >= end {
        return None;
    }
    let is_noun = |k: usize| EVENT_NOUNS.contains(&s.lower(k));
    // "February 15-16 talks", "next week's Geneva talks".
    let mut noun = None;
    let mut k = end;
    let apostrophe = |k: usize| k < s.len() && s.lower(k).starts_with(['\'', '\u{2019}']);
    if apostrophe(k) {
        k += 1;
        if k < s.len() && s.lower(k) == "s" {
            k += 1;
        }
        while k < s.len() && k < end + 5 && !is_noun(k) && s.toks.tokens[k].capitalized {
            k += 1;
        }
    }
    if k < s.len() && is_noun(k) {
        noun = Some(k);
    }
    // "the talks beginning on February 23".
    if noun.is_none() {
        let mut k = start;
        while k > 0 && NOUN_LINKS.contains(&s.lower(k - 1)) {
            k -= 1;
        }
        if k > 0 && is_noun(k - 1) {
            noun = Some(k - 1);
        }
    }
    // The verb of its clause: to the left up to a clause edge, else (a
    // fronted "This month, ...") the first verb to the right.
    let edge = EDGE;
    // "during clashes yesterday": after a preposition, a noun.
    let verb = |k: usize| verb_tokens[k] && !(k > 0 && s.is(k - 1, class::PREP | class::DET));
    let mut head = None;
    let mut k = start;
    while k > 0 && !s.is(k - 1, edge) {
        k -= 1;
        if verb(k) {
            head = Some(k);
            break;
        }
    }
    if head.is_none() {
        head = (end..s.len())
            .take_while(|&k| !s.is(k, class::HARD_PUNCT | class::SUBORD))
            .find(|&k| verb(k));
    }
    Some(Anchored {
        expression: e,
        start,
        head,
        noun,
    })
}
