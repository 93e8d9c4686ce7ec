//! Scoring: codes every gold document with a [`Pipeline`] and compares the
//! events with the annotation. Owns the matching of coded events to gold
//! events and every figure of a [`Report`]; knows nothing of file formats
//! (see `gold`) or of how a report is printed (see `table`).
//!
//! Matching is per sentence (per record for one-sentence records). Each gold
//! event first takes an unused coded event of its type (for CAMEO-only gold
//! whose code has no PLOVER type, of its code); among several, the one whose
//! trigger overlaps the gold trigger, then the one with the gold CAMEO code,
//! then the most confident, first of equals. A gold event left without one
//! is judged on the most confident coded event of its sentence, so that
//! actor accuracy does not depend on the type being right; date, place,
//! attribution, modality and mode only count on a same-type match.

use std::collections::BTreeMap;

use dyad_coder::Pipeline;
use dyad_model::{Actor, Event, EventType, Modality};
use dyad_text::{split_sentences, NormText};
use serde::{Serialize, Serializer};

use crate::gold::{GoldActor, GoldDocument, GoldEvent, GoldFormat, GoldSet, Skipped};

/// A count of hits out of a total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    /// Cases judged right.
    pub hits: usize,
    /// Cases judged.
    pub total: usize,
}

impl Ratio {
    /// Counts one case.
    pub fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hits += usize::from(hit);
    }

    /// `hits / total`, or `None` when nothing was judged.
    pub fn rate(&self) -> Option<f64> {
        (self.total > 0).then(|| self.hits as f64 / self.total as f64)
    }
}

impl Serialize for Ratio {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Ratio", 3)?;
        st.serialize_field("hits", &self.hits)?;
        st.serialize_field("total", &self.total)?;
        st.serialize_field("rate", &self.rate())?;
        st.end()
    }
}

/// Actor accuracy at three levels: the country or organisation (the first
/// three letters of the code), that plus the sector, and the full code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ActorLevels {
    /// Same country or organisation.
    pub country: Ratio,
    /// Same country or organisation and, where the gold gives one, sector.
    pub sector: Ratio,
    /// Same full code.
    pub code: Ratio,
}

/// Precision, recall and F1 of one PLOVER type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeScore {
    /// The type.
    pub event_type: EventType,
    /// Gold events of the type.
    pub gold: usize,
    /// Coded events of the type.
    pub coded: usize,
    /// Gold events matched by a coded event of the type.
    pub hits: usize,
    /// `hits / coded`.
    pub precision: Option<f64>,
    /// `hits / gold`.
    pub recall: Option<f64>,
    /// Harmonic mean of the two.
    pub f1: Option<f64>,
}

/// Figures only PETRARCH2 unit-test records have.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PetrarchScores {
    /// Records whose every expected (source, target, event code) triple was
    /// coded exactly (records expecting no event: none coded).
    pub full_match: Ratio,
    /// Records whose every expected event code was coded, whatever the actors.
    pub event_code_match: Ratio,
}

/// A coded event, shortly.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodedSummary {
    /// Event id.
    pub id: String,
    /// PLOVER type.
    pub event_type: EventType,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// Actor codes.
    pub actor: Vec<String>,
    /// Recipient codes.
    pub recipient: Vec<String>,
    /// Trigger words.
    pub trigger: String,
    /// Date range, when there is one.
    pub date: Option<String>,
    /// Place name and country.
    pub place: Option<String>,
    /// Speaker code or words, when attributed.
    pub attribution: Option<String>,
    /// Modality.
    pub modality: Vec<Modality>,
    /// Confidence.
    pub confidence: f64,
    /// The dictionary line or rule that fired.
    pub rule: String,
}

impl CodedSummary {
    /// Summarises `e`.
    pub fn of(e: &Event) -> CodedSummary {
        CodedSummary {
            id: e.id.clone(),
            event_type: e.event_type,
            mode: e.mode.clone(),
            cameo: e.cameo.clone(),
            actor: e.actor.iter().map(|a| a.code.clone()).collect(),
            recipient: e.recipient.iter().map(|a| a.code.clone()).collect(),
            trigger: e.trigger.text.clone(),
            date: match (e.date.start, e.date.end) {
                (Some(s), Some(t)) if s == t => Some(s.to_string()),
                (Some(s), Some(t)) => Some(format!("{s}..{t}")),
                _ => None,
            },
            place: e.location.as_ref().map(|p| match &p.country {
                Some(c) => format!("{} ({c})", p.name),
                None => p.name.clone(),
            }),
            attribution: e.attribution.as_ref().map(|a| match &a.speaker {
                Some(s) => s.code.clone(),
                None => a.speaker_text.clone(),
            }),
            modality: e.modality.clone(),
            confidence: e.confidence,
            rule: e.rule.clone(),
        }
    }
}

/// A gold event dyad got wrong in at least one respect.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    /// The gold event's label (record id, or `doc:sentence:trigger`).
    pub label: String,
    /// The sentence (the record's text for one-sentence records).
    pub sentence: String,
    /// What was wrong: `top-1`, `type`, `cameo`, `mode`, `source`, `target`,
    /// `date`, `place`, `attribution`, `modality`.
    pub failed: Vec<&'static str>,
    /// What the annotation expects.
    pub expected: GoldEvent,
    /// The most confident coded event of the sentence.
    pub top: Option<CodedSummary>,
    /// The coded event the gold event was judged on.
    pub judged: Option<CodedSummary>,
}

/// A coded event no gold event accounts for, where annotation is exhaustive.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unexpected {
    /// The sentence.
    pub sentence: String,
    /// The event.
    pub event: CodedSummary,
}

/// Everything `dyad eval --gold` measures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The gold file.
    pub gold: String,
    /// Its format.
    pub format: GoldFormat,
    /// Documents (records) coded.
    pub documents: usize,
    /// Gold sentences: one per record, every sentence of a dyad-format document.
    pub sentences: usize,
    /// Gold events.
    pub gold_events: usize,
    /// Events coded.
    pub coded_events: usize,
    /// `coded_events / sentences`.
    pub events_per_sentence: Option<f64>,
    /// Gold records left out, and why.
    pub skipped: Vec<Skipped>,
    /// Annotations that do not fit the text (a trigger not in its sentence).
    pub warnings: Vec<String>,
    /// Sentences whose most confident event has a gold type of that sentence.
    pub top1_type: Ratio,
    /// Gold events with a coded event of their type in their sentence.
    pub any_type: Ratio,
    /// Gold events with a mode whose same-type match has that mode.
    pub mode: Ratio,
    /// Gold events with a CAMEO code whose match has the same root (two digits).
    pub cameo_root: Ratio,
    /// The same, for the full CAMEO code.
    pub cameo_code: Ratio,
    /// Source actors.
    pub source: ActorLevels,
    /// Target actors.
    pub target: ActorLevels,
    /// Same-type matches with exactly the gold date range.
    pub date_exact: Ratio,
    /// Same-type matches whose date range overlaps the gold one.
    pub date_overlap: Ratio,
    /// Same-type matches with the gold place (name and country), or none where the gold says none.
    pub place: Ratio,
    /// Same-type matches placed in the gold place's country.
    pub place_country: Ratio,
    /// Same-type matches attributed as the gold says.
    pub attribution: Ratio,
    /// Same-type matches with exactly the gold modality.
    pub modality: Ratio,
    /// PETRARCH2 record figures, for that format.
    pub petrarch: Option<PetrarchScores>,
    /// Per PLOVER type, in PLOVER's order; types neither in gold nor coded are left out.
    pub per_type: Vec<TypeScore>,
    /// Gold type → type of the coded event it was judged on (`none` without one) → count.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// Gold events got wrong in some respect.
    pub misses: Vec<Miss>,
    /// Coded events no gold event accounts for (not for PLOVER records,
    /// which annotate one event per sentence).
    pub unexpected: Vec<Unexpected>,
}

/// The most confident event; the first of equals.
pub fn top_event<'e>(events: impl IntoIterator<Item = &'e Event>) -> Option<&'e Event> {
    events.into_iter().fold(None, |best, e| match best {
        Some(b) if b.confidence >= e.confidence => Some(b),
        _ => Some(e),
    })
}

/// The country of a coded actor, or the first three letters of its code
/// (`IGO`, `NGO`, ...) when it has none.
fn actor_prefix(a: &Actor) -> &str {
    a.country
        .as_deref()
        .unwrap_or_else(|| a.code.get(..3).unwrap_or(&a.code))
}

#[derive(Clone, Copy)]
enum Level {
    Country,
    Sector,
    Code,
}

fn actor_matches(gold: &GoldActor, coded: &Actor, level: Level) -> bool {
    let country = actor_prefix(coded) == gold.prefix();
    match level {
        Level::Country => country,
        Level::Sector => {
            country
                && gold.sector.as_deref().is_none_or(|s| {
                    coded.sector.iter().any(|c| c == s) || coded.code.get(3..6) == Some(s)
                })
        }
        Level::Code => coded.code == gold.code,
    }
}

/// Gold actors against coded ones: right when some gold actor is among the
/// coded ones, or when the gold expects none and none was coded.
fn actors_right(gold: &[GoldActor], coded: &[Actor], level: Level) -> bool {
    if gold.is_empty() {
        return coded.is_empty();
    }
    gold.iter()
        .any(|g| coded.iter().any(|a| actor_matches(g, a, level)))
}

/// Counts one gold actor list at the three levels; true when right at the first.
fn add_levels(levels: &mut ActorLevels, gold: &[GoldActor], coded: Option<&[Actor]>) -> bool {
    let right = |level| coded.is_some_and(|c| actors_right(gold, c, level));
    let country = right(Level::Country);
    levels.country.add(country);
    levels.sector.add(right(Level::Sector));
    levels.code.add(right(Level::Code));
    country
}

fn cameo_root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

fn loose(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c.to_ascii_lowercase(),
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn trigger_overlaps(gold: Option<&str>, coded: &str) -> bool {
    gold.is_some_and(|g| {
        let (g, c) = (loose(g), loose(coded));
        !g.is_empty() && (c.contains(&g) || g.contains(&c))
    })
}

/// Scores one document; the report accumulates over documents.
struct Scorer<'p> {
    pipeline: &'p Pipeline,
    report: Report,
    gold_per_type: BTreeMap<EventType, (usize, usize)>,
    coded_per_type: BTreeMap<EventType, usize>,
}

impl Scorer<'_> {
    fn gold_type(&self, g: &GoldEvent) -> Option<EventType> {
        g.event_type.or_else(|| {
            let code = g.cameo.as_deref()?;
            Some(self.pipeline.dictionaries().cameo.get(code)?.plover)
        })
    }

    fn document(&mut self, gdoc: &GoldDocument) {
        let (events, stats) = self.pipeline.code_document_with_stats(&gdoc.document);
        let format = self.report.format;
        let per_sentence = format == GoldFormat::Dyad;
        self.report.documents += 1;
        self.report.sentences += if per_sentence { stats.sentences } else { 1 };
        self.report.coded_events += events.len();
        for e in &events {
            *self.coded_per_type.entry(e.event_type).or_default() += 1;
        }
        let norm = NormText::new(&gdoc.document.text);
        let sentences: Vec<&str> = if per_sentence {
            split_sentences(&norm)
                .iter()
                .map(|s| s.as_str(&norm))
                .collect()
        } else {
            vec![gdoc.document.text.as_str()]
        };
        let sentence_text = |scope: Option<u32>| -> String {
            match scope {
                Some(i) => sentences.get(i as usize).copied().unwrap_or("").to_string(),
                None => gdoc.document.text.clone(),
            }
        };
        let in_scope = |e: &Event, scope: Option<u32>| scope.is_none_or(|s| e.sentence_index == s);

        // Top-1 per sentence with typed gold events.
        let mut scopes: BTreeMap<Option<u32>, Vec<EventType>> = BTreeMap::new();
        for g in &gdoc.events {
            if let Some(t) = self.gold_type(g) {
                scopes.entry(g.sentence).or_default().push(t);
            }
            if let (Some(i), Some(trigger)) = (g.sentence, g.trigger.as_deref()) {
                match sentences.get(i as usize) {
                    None => self.report.warnings.push(format!(
                        "{}: document has {} sentences",
                        g.label,
                        sentences.len()
                    )),
                    Some(s) if !loose(s).contains(&loose(trigger)) => self
                        .report
                        .warnings
                        .push(format!("{}: trigger not in sentence {s:?}", g.label)),
                    Some(_) => {}
                }
            }
        }
        let mut top_right: BTreeMap<Option<u32>, bool> = BTreeMap::new();
        for (scope, types) in &scopes {
            let top = top_event(events.iter().filter(|e| in_scope(e, *scope)));
            let right = top.is_some_and(|t| types.contains(&t.event_type));
            self.report.top1_type.add(right);
            top_right.insert(*scope, right);
        }

        // Pass 1: each gold event takes an unused coded event of its type.
        let mut used = vec![false; events.len()];
        let mut matched: Vec<Option<usize>> = Vec::with_capacity(gdoc.events.len());
        for g in &gdoc.events {
            let gtype = self.gold_type(g);
            let same_kind = |e: &Event| match gtype {
                Some(t) => e.event_type == t,
                None => g.cameo.as_deref() == Some(e.cameo.as_str()),
            };
            let key = |e: &Event| {
                (
                    trigger_overlaps(g.trigger.as_deref(), &e.trigger.text),
                    g.cameo.as_deref() == Some(e.cameo.as_str()),
                    g.cameo.as_deref().map(cameo_root) == Some(cameo_root(&e.cameo)),
                )
            };
            let mut best: Option<usize> = None;
            for (i, e) in events.iter().enumerate() {
                if used[i] || !in_scope(e, g.sentence) || !same_kind(e) {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some(b) => {
                        let (kb, ke) = (key(&events[b]), key(e));
                        ke > kb || (ke == kb && e.confidence > events[b].confidence)
                    }
                };
                if better {
                    best = Some(i);
                }
            }
            if let Some(b) = best {
                used[b] = true;
            }
            matched.push(best);
        }

        // Judge each gold event.
        for (g, m) in gdoc.events.iter().zip(&matched) {
            let gtype = self.gold_type(g);
            let top = top_event(events.iter().filter(|e| in_scope(e, g.sentence)));
            // Without a same-type match: the most confident event no other
            // gold event took, else the most confident of all.
            let judged: Option<&Event> = match m {
                Some(i) => Some(&events[*i]),
                None => top_event(
                    events
                        .iter()
                        .zip(&used)
                        .filter(|(e, used)| !**used && in_scope(e, g.sentence))
                        .map(|(e, _)| e),
                )
                .or(top),
            };
            let same = m.is_some();
            let mut failed: Vec<&'static str> = Vec::new();
            let report = &mut self.report;
            if gtype.is_some() && !top_right.get(&g.sentence).copied().unwrap_or(true) {
                failed.push("top-1");
            }
            if let Some(t) = gtype {
                tally(&mut failed, &mut report.any_type, "type", same);
                let entry = self.gold_per_type.entry(t).or_default();
                entry.0 += 1;
                entry.1 += usize::from(same);
                let coded = judged.map_or("none", |e| e.event_type.as_str());
                *report
                    .confusion
                    .entry(t.as_str().to_string())
                    .or_default()
                    .entry(coded.to_string())
                    .or_default() += 1;
            }
            if let Some(mode) = &g.mode {
                let hit = same && judged.is_some_and(|e| e.mode.as_ref() == Some(mode));
                tally(&mut failed, &mut report.mode, "mode", hit);
            }
            if let Some(code) = &g.cameo {
                let root_hit = judged.is_some_and(|e| cameo_root(&e.cameo) == cameo_root(code));
                report
                    .cameo_code
                    .add(judged.is_some_and(|e| &e.cameo == code));
                tally(&mut failed, &mut report.cameo_root, "cameo", root_hit);
            }
            if let Some(source) = &g.source {
                if !add_levels(&mut report.source, source, judged.map(|e| &e.actor[..])) {
                    failed.push("source");
                }
            }
            if let Some(target) = &g.target {
                if !add_levels(&mut report.target, target, judged.map(|e| &e.recipient[..])) {
                    failed.push("target");
                }
            }
            let same_judged = judged.filter(|_| same);
            if let Some(d) = g.date {
                let (start, end) = same_judged.map_or((None, None), |e| (e.date.start, e.date.end));
                tally(
                    &mut failed,
                    &mut report.date_exact,
                    "date",
                    start == Some(d.start) && end == Some(d.end),
                );
                report.date_overlap.add(match (start, end) {
                    (Some(s), Some(t)) => s <= d.end && t >= d.start,
                    _ => false,
                });
            }
            if let Some(place) = &g.place {
                let coded = same_judged.map(|e| e.location.as_ref());
                let hit = match (place, coded) {
                    (_, None) => false,
                    (None, Some(c)) => c.is_none(),
                    (Some(p), Some(c)) => c.is_some_and(|c| {
                        c.name.eq_ignore_ascii_case(&p.name)
                            && (p.country.is_none() || c.country == p.country)
                    }),
                };
                tally(&mut failed, &mut report.place, "place", hit);
                if let Some(country) = place.as_ref().and_then(|p| p.country.as_ref()) {
                    report
                        .place_country
                        .add(coded.flatten().and_then(|c| c.country.as_ref()) == Some(country));
                }
            }
            if let Some(attribution) = &g.attribution {
                let coded = same_judged.map(|e| e.attribution.as_ref());
                let hit = match (attribution, coded) {
                    (_, None) => false,
                    (None, Some(c)) => c.is_none(),
                    (Some(a), Some(c)) => c.is_some_and(|c| {
                        c.anonymous == a.anonymous
                            && a.speaker.as_deref().is_none_or(|code| {
                                let gold = GoldActor::from_code(code);
                                c.speaker
                                    .as_ref()
                                    .is_some_and(|s| actor_matches(&gold, s, Level::Country))
                            })
                    }),
                };
                tally(&mut failed, &mut report.attribution, "attribution", hit);
            }
            if let Some(modality) = &g.modality {
                let mut want = modality.clone();
                want.sort();
                want.dedup();
                let hit = same_judged.is_some_and(|e| {
                    let mut got = e.modality.clone();
                    got.sort();
                    got.dedup();
                    got == want
                });
                tally(&mut failed, &mut report.modality, "modality", hit);
            }
            if !failed.is_empty() {
                report.misses.push(Miss {
                    label: g.label.clone(),
                    sentence: sentence_text(g.sentence),
                    failed,
                    expected: GoldEvent {
                        event_type: gtype,
                        ..g.clone()
                    },
                    top: top.map(CodedSummary::of),
                    judged: judged.map(CodedSummary::of),
                });
            }
        }

        if let Some(p) = self.report.petrarch.as_mut() {
            let triple = |g: &GoldEvent, with_actors: bool| {
                events.iter().any(|e| {
                    g.cameo.as_deref() == Some(e.cameo.as_str())
                        && (!with_actors
                            || (exact(g.source.as_deref(), &e.actor)
                                && exact(g.target.as_deref(), &e.recipient)))
                })
            };
            let none_expected = gdoc.events.is_empty();
            p.full_match.add(if none_expected {
                events.is_empty()
            } else {
                gdoc.events.iter().all(|g| triple(g, true))
            });
            p.event_code_match.add(if none_expected {
                events.is_empty()
            } else {
                gdoc.events.iter().all(|g| triple(g, false))
            });
        }

        if format != GoldFormat::PloverGsr {
            for (i, e) in events.iter().enumerate() {
                if !used[i] {
                    let scope = per_sentence.then_some(e.sentence_index);
                    self.report.unexpected.push(Unexpected {
                        sentence: sentence_text(scope),
                        event: CodedSummary::of(e),
                    });
                }
            }
        }
    }

    fn finish(mut self) -> Report {
        let r = &mut self.report;
        r.events_per_sentence =
            (r.sentences > 0).then(|| r.coded_events as f64 / r.sentences as f64);
        for t in EventType::ALL {
            let (gold, hits) = self.gold_per_type.get(&t).copied().unwrap_or_default();
            let coded = self.coded_per_type.get(&t).copied().unwrap_or_default();
            if gold == 0 && coded == 0 {
                continue;
            }
            let precision = (coded > 0).then(|| hits as f64 / coded as f64);
            let recall = (gold > 0).then(|| hits as f64 / gold as f64);
            // 2PR / (P + R), written so that it is 0 rather than undefined
            // when the type was never coded or never expected.
            let f1 = Some(2.0 * hits as f64 / (gold + coded) as f64);
            r.per_type.push(TypeScore {
                event_type: t,
                gold,
                coded,
                hits,
                precision,
                recall,
                f1,
            });
        }
        self.report
    }
}

/// Counts one case and names it among the failures when it missed.
fn tally(failed: &mut Vec<&'static str>, ratio: &mut Ratio, name: &'static str, hit: bool) {
    ratio.add(hit);
    if !hit {
        failed.push(name);
    }
}

/// Coded actors exactly the gold codes: the same set (PETRARCH's full match).
fn exact(gold: Option<&[GoldActor]>, coded: &[Actor]) -> bool {
    let Some(gold) = gold else { return true };
    let mut want: Vec<&str> = gold.iter().map(|g| g.code.as_str()).collect();
    let mut got: Vec<&str> = coded.iter().map(|a| a.code.as_str()).collect();
    want.sort_unstable();
    got.sort_unstable();
    if want.is_empty() {
        return got.is_empty();
    }
    want.iter().all(|w| got.contains(w))
}

/// Codes every document of `gold` with `pipeline` and scores the events.
pub fn evaluate(pipeline: &Pipeline, gold: &GoldSet) -> Report {
    let mut scorer = Scorer {
        pipeline,
        report: Report {
            gold: gold.path.display().to_string(),
            format: gold.format,
            documents: 0,
            sentences: 0,
            gold_events: gold.event_count(),
            coded_events: 0,
            events_per_sentence: None,
            skipped: gold.skipped.clone(),
            warnings: Vec::new(),
            top1_type: Ratio::default(),
            any_type: Ratio::default(),
            mode: Ratio::default(),
            cameo_root: Ratio::default(),
            cameo_code: Ratio::default(),
            source: ActorLevels::default(),
            target: ActorLevels::default(),
            date_exact: Ratio::default(),
            date_overlap: Ratio::default(),
            place: Ratio::default(),
            place_country: Ratio::default(),
            attribution: Ratio::default(),
            modality: Ratio::default(),
            petrarch: (gold.format == GoldFormat::Petrarch).then(PetrarchScores::default),
            per_type: Vec::new(),
            confusion: BTreeMap::new(),
            misses: Vec::new(),
            unexpected: Vec::new(),
        },
        gold_per_type: BTreeMap::new(),
        coded_per_type: BTreeMap::new(),
    };
    for doc in &gold.documents {
        scorer.document(doc);
    }
    scorer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: &str, country: Option<&str>, sector: &[&str]) -> Actor {
        Actor {
            entity_text: code.to_lowercase(),
            span: None,
            name: None,
            code: code.into(),
            country: country.map(str::to_string),
            sector: sector.iter().map(|s| s.to_string()).collect(),
            wikidata: None,
        }
    }

    #[test]
    fn actors_are_judged_at_three_levels() {
        let gold = [GoldActor::from_parts("SYR", Some("GOV"))];
        let cases: &[(Actor, [bool; 3])] = &[
            (actor("SYRGOV", Some("SYR"), &["GOV"]), [true, true, true]),
            (actor("SYRMIL", Some("SYR"), &["MIL"]), [true, false, false]),
            (actor("SYR", Some("SYR"), &[]), [true, false, false]),
            (
                actor("RUSGOV", Some("RUS"), &["GOV"]),
                [false, false, false],
            ),
        ];
        for (coded, want) in cases {
            let got = [Level::Country, Level::Sector, Level::Code]
                .map(|l| actors_right(&gold, std::slice::from_ref(coded), l));
            assert_eq!(&got, want, "{}", coded.code);
        }
        // Organisations: the first three letters stand for the country.
        let un = [GoldActor::from_code("IGOUNO")];
        assert!(actors_right(
            &un,
            &[actor("IGOUNO", None, &[])],
            Level::Code
        ));
        assert!(actors_right(
            &un,
            &[actor("IGOUNOHCR", None, &[])],
            Level::Sector
        ));
        assert!(!actors_right(
            &un,
            &[actor("IGOUNOHCR", None, &[])],
            Level::Code
        ));
        // No gold actor: right only when none was coded.
        assert!(actors_right(&[], &[], Level::Code));
        assert!(!actors_right(
            &[],
            &[actor("SYR", Some("SYR"), &[])],
            Level::Country
        ));
    }

    #[test]
    fn triggers_overlap_loosely() {
        assert!(trigger_overlaps(Some("Accusing"), "accusing"));
        assert!(trigger_overlaps(
            Some("ready to agree"),
            "ready to agree on prisoner swaps"
        ));
        assert!(trigger_overlaps(
            Some("\u{201C}always ready\u{201D}"),
            "\"always ready\""
        ));
        assert!(!trigger_overlaps(Some("attended"), "invited"));
        assert!(!trigger_overlaps(None, "invited"));
    }
}
