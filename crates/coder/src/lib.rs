//! dyad's coder: turns a document into events. Owns the shallow syntax
//! (clauses, phrases, voice), source and target assignment, within-document
//! reference, attribution and modality. Reads dictionaries only through
//! `dyad-dict`; never touches files while coding.

mod analysis;
mod discourse;
mod explain;
mod place;
mod roles;
#[doc(hidden)]
pub mod stages;
mod triggers;
mod when;

use analysis::{class, CueIds, Mention, MentionKind, Sentence};
use chrono::NaiveDate;
use discourse::{remembered, Discourse, Remembered};
use dyad_dict::{Dictionaries, Sources, VerbForms};
use dyad_model::{Actor, Attribution, Document, Event, Modality, SpanText};
use dyad_places::Places;
use dyad_text::{LetterCase, NormText, SentenceSpan};
use place::DocumentPlaces;
use triggers::Trigger;

/// The shipped dictionaries in compiled form, written by build.rs.
const BUILTIN_DICTIONARIES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dictionaries.bin"));

pub use dyad_dict::DictError;

/// The version written into every event's `coder_version`.
pub const CODER_VERSION: &str = concat!("dyad ", env!("CARGO_PKG_VERSION"));

/// A ready-to-use coder: dictionaries compiled once, then immutable,
/// `Send + Sync`, and cheap to call from any thread.
pub struct Pipeline {
    dict: Dictionaries,
    ids: CueIds,
    /// The gazetteer; `None` codes no locations.
    places: Option<Places>,
}

/// Counts from coding one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentStats {
    /// Sentences in the document.
    pub sentences: usize,
    /// Why the document's publication date was set aside (implausible, or
    /// contradicting its dateline), when it was.
    pub publication_warning: Option<String>,
}

impl Pipeline {
    /// The coder with the dictionaries shipped inside the binary.
    pub fn builtin() -> Result<Pipeline, DictError> {
        Ok(Pipeline::new(Pipeline::builtin_dictionaries()))
    }

    /// The shipped dictionaries, as compiled by the build (build.rs) and
    /// embedded in the binary: the same as compiling data/ at start-up
    /// ([`Dictionaries::builtin`]), at a fraction of the cost.
    pub fn builtin_dictionaries() -> Dictionaries {
        // Written by this build from the same dictionaries' code: failing to
        // read it back is a broken build, not bad input.
        Dictionaries::from_bytes(BUILTIN_DICTIONARIES).expect("the embedded dictionaries read back")
    }

    /// The coder with the shipped dictionaries, overridden or extended by
    /// the files of directory `dir` (same layout as `data/`).
    pub fn from_dir(dir: &std::path::Path) -> Result<Pipeline, DictError> {
        let sources = Sources::builtin().overlay(Sources::from_dir(dir)?);
        Ok(Pipeline::new(Dictionaries::compile(&sources)?))
    }

    /// The coder with dictionaries in the TABARI/PETRARCH formats (a folder
    /// such as PETRARCH2's `dictionaries/`), converted on load; dyad's own cue
    /// words and CAMEO table complete them.
    pub fn from_petrarch_dir(dir: &std::path::Path) -> Result<Pipeline, DictError> {
        let converted = dyad_dict::petrarch::import_dir(dir)?;
        let sources = converted.into_sources(&Sources::builtin());
        Ok(Pipeline::new(Dictionaries::compile(&sources)?))
    }

    /// The coder with already compiled dictionaries and the embedded
    /// gazetteer.
    pub fn new(dict: Dictionaries) -> Pipeline {
        Pipeline::with_places(dict, Pipeline::builtin_places())
    }

    /// The embedded gazetteer, for [`Pipeline::with_places`]: callers may
    /// load it on another thread while the dictionaries compile.
    pub fn builtin_places() -> Places {
        // The gazetteer is built into the binary and loaded by the tests:
        // failing here is a broken build, not bad input.
        Places::builtin().expect("the embedded gazetteer loads")
    }

    /// The coder with compiled dictionaries and a loaded gazetteer.
    pub fn with_places(dict: Dictionaries, places: Places) -> Pipeline {
        Pipeline {
            places: Some(places),
            ..Pipeline::without_gazetteer(dict)
        }
    }

    /// The coder with compiled dictionaries and no gazetteer, which is then
    /// never loaded: every event's location is null.
    pub fn without_gazetteer(dict: Dictionaries) -> Pipeline {
        Pipeline {
            dict,
            ids: CueIds::new(),
            places: None,
        }
    }

    /// The gazetteer in use, if any.
    pub fn places(&self) -> Option<&Places> {
        self.places.as_ref()
    }

    /// The dictionaries in use.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dict
    }

    /// Analyses each sentence of a normalised text: tokens, cues, mentions.
    fn analyse_sentences<'n>(
        &self,
        norm: &'n NormText,
        spans: &[SentenceSpan],
        published: Option<NaiveDate>,
        scratch: &mut Vec<dyad_dict::phrase::PhraseMatch>,
    ) -> Vec<Sentence<'n>> {
        let case = norm.letter_case();
        spans
            .iter()
            .map(|&sp| analysis::analyse(&self.dict, &self.ids, norm, sp, case, published, scratch))
            .collect()
    }

    /// Codes one document. Deterministic: same document, same events.
    pub fn code_document(&self, doc: &Document) -> Vec<Event> {
        self.code_document_with_stats(doc).0
    }

    /// Codes one document and says how many sentences it had.
    pub fn code_document_with_stats(&self, doc: &Document) -> (Vec<Event>, DocumentStats) {
        let norm = NormText::new(&doc.text);
        let case = norm.letter_case();
        let spans = dyad_text::split_sentences(&norm);
        let mut scratch = Vec::new();
        let mut sentences = self.analyse_sentences(&norm, &spans, doc.published, &mut scratch);
        let mut disc = Discourse {
            country_counts: country_counts(&sentences),
            ..Discourse::default()
        };
        let title_norm;
        if let Some(title) = doc.title.as_deref().filter(|t| !t.trim().is_empty()) {
            title_norm = NormText::new(title);
            let title_case = match case {
                LetterCase::Mixed => title_norm.letter_case(),
                other => other,
            };
            let span = SentenceSpan {
                start: 0,
                end: title_norm.text.len(),
            };
            let mut t = analysis::analyse(
                &self.dict,
                &self.ids,
                &title_norm,
                span,
                title_case,
                doc.published,
                &mut scratch,
            );
            self.resolve_mentions(&mut t, &mut disc);
        }
        let mut state = DocumentState {
            char_bytes: char_byte_offsets(&doc.text),
            dates: when::DocumentDates::new(&norm.text, doc.published),
            located: match &self.places {
                Some(p) => DocumentPlaces::new(p, doc, &norm, &sentences, &disc.country_counts),
                None => DocumentPlaces::default(),
            },
        };
        let mut events = Vec::new();
        let discards = &self.dict.discards;
        let discarded: Vec<bool> = if discards.is_empty() {
            vec![false; sentences.len()]
        } else {
            let found: Vec<_> = sentences
                .iter()
                .map(|s| discards.find(&s.toks.lower))
                .collect();
            let story = found.iter().flatten().any(|d| d.tag == "story");
            found.iter().map(|d| story || d.is_some()).collect()
        };
        for (index, s) in sentences.iter_mut().enumerate() {
            let mut sentence_events = self.code_sentence(doc, index, s, &mut disc, &mut state);
            if discarded[index] || sentence_events.is_empty() {
                continue;
            }
            let issues = self.dict.issues.find(&s.toks.lower);
            for e in &mut sentence_events {
                for &i in &issues {
                    for c in &self.dict.issues.contexts[i] {
                        if !e.context.contains(c) {
                            e.context.push(c.clone());
                        }
                    }
                }
            }
            events.extend(sentence_events);
        }
        (
            events,
            DocumentStats {
                sentences: spans.len(),
                publication_warning: state.dates.warning,
            },
        )
    }

    /// Fills in countries and antecedents, remembering each mention.
    fn resolve_mentions(&self, s: &mut Sentence, disc: &mut Discourse) {
        let mut recent: Vec<Remembered> = Vec::new();
        for mi in 0..s.mentions.len() {
            let text = s.text(s.mentions[mi].start, s.mentions[mi].end).to_string();
            let speaker = reported_pronoun_speaker(s, mi).map(|sp| {
                let m = &s.mentions[sp];
                remembered(m, s.text(m.start, m.end), true, speaker_anonymous(s, sp))
            });
            let m = &mut s.mentions[mi];
            if let Some(r) = speaker {
                apply_antecedent(m, &r);
            } else if m.kind == MentionKind::Pronoun || m.definite_role && m.person {
                if let Some(r) = disc.resolve(m, &recent) {
                    apply_antecedent(m, &r);
                } else if m.kind == MentionKind::Agent {
                    disc.infer_country(m);
                }
            } else {
                disc.infer_country(m);
            }
            if m.code.is_empty()
                && m.kind != MentionKind::Pronoun
                && m.country.is_none()
                && m.sectors.is_empty()
            {
                continue;
            }
            if m.kind == MentionKind::Pronoun && m.code.is_empty() && m.group.is_empty() {
                continue;
            }
            let prep = roles::governing_preposition(s, mi);
            // "in Astana", "near Damascus": a place, not an actor to refer back to.
            if prep.is_some_and(|p| s.is(p, class::PLACE_PREP)) {
                continue;
            }
            let anonymous = speaker_anonymous(s, mi);
            let mut r = remembered(&s.mentions[mi], &text, prep.is_none(), anonymous);
            r.members = s.mentions[mi].group.clone();
            if !r.members.is_empty() {
                r.plural = true;
            }
            recent.push(r.clone());
            disc.remember(r);
        }
        // Coordinated groups ("the government and rebels") are remembered
        // whole, after their members, so "they" can refer to all of them.
        for mi in 0..s.mentions.len() {
            let group = roles::coordinated_right(s, mi);
            let starts_group = roles::governing_preposition(s, mi).is_none()
                && !(mi > 0 && roles::coordinated_right(s, mi - 1).contains(&mi));
            if group.len() < 2
                || !starts_group
                || group.iter().any(|&g| s.mentions[g].code.is_empty())
            {
                continue;
            }
            let last = *group.last().expect("group has members");
            let members: Vec<Remembered> = group
                .iter()
                .map(|&g| {
                    remembered(
                        &s.mentions[g],
                        s.text(s.mentions[g].start, s.mentions[g].end),
                        true,
                        false,
                    )
                })
                .collect();
            let mut whole = members[0].clone();
            whole.text = s
                .text(s.mentions[mi].start, s.mentions[last].end)
                .to_string();
            whole.plural = true;
            whole.person = false;
            whole.sector_evidence = false;
            whole.members = members;
            disc.remember(whole);
        }
    }

    fn code_sentence(
        &self,
        doc: &Document,
        index: usize,
        s: &mut Sentence,
        disc: &mut Discourse,
        state: &mut DocumentState,
    ) -> Vec<Event> {
        let DocumentState {
            char_bytes,
            dates,
            located,
        } = state;
        let char_bytes = &char_bytes[..];
        self.resolve_mentions(s, disc);
        let found = triggers::find(&self.dict, s);
        let verb_tokens = verb_tokens(s, &found);
        let frames = frames(s, &verb_tokens, &self.ids);
        let mut coded: Vec<Coded> = self.code_triggers(s, &found, &verb_tokens, &frames, disc);
        let demands = must_demands(s, &frames, &coded);
        coded.extend(demands);
        let event_dates = when::event_dates(s, &coded, &verb_tokens, &frames, dates);
        // What this sentence says is "the statement" of the next ones.
        for f in &frames {
            if let Some(&m) = f.speaker.first() {
                let mut r = remembered(&s.mentions[m], &f.text, true, speaker_anonymous(s, m));
                r.members = s.mentions[m].group.clone();
                if f.report {
                    disc.report_author = Some(r.clone());
                }
                disc.last_speaker = Some(r);
            }
        }
        let sentence_span = s.norm.original_span(s.span.start, s.span.end);
        let sentence_text = slice_chars(&doc.text, char_bytes, sentence_span);
        let mut out = Vec::new();
        for (c, date) in coded.into_iter().zip(event_dates) {
            let trigger_span = s.original_span(c.trigger.0, c.trigger.1);
            let trigger_text = slice_chars(&doc.text, char_bytes, trigger_span);
            let info = self
                .dict
                .cameo
                .get(&c.code)
                .expect("codes are checked against cameo.tsv at load");
            let p = c.pattern.map(|i| &self.dict.verbs.patterns[i]);
            let mut context = info.context.clone();
            for x in p.map(|p| p.context.as_slice()).unwrap_or_default() {
                if !context.contains(x) {
                    context.push(x.clone());
                }
            }
            let to_actor = |a: &ActorRef| actor_json(s, doc, char_bytes, a);
            out.push(Event {
                id: format!("{}:{}:{}", doc.id, index, out.len()),
                doc_id: doc.id.clone(),
                published: dates.published,
                sentence_index: index as u32,
                sentence: sentence_text.to_string(),
                event_type: info.plover,
                mode: match p {
                    Some(p) if c.composed.is_none() => p.mode.clone().or_else(|| info.mode.clone()),
                    _ => info.mode.clone(),
                },
                context,
                cameo: c.code.clone(),
                quad_class: info.quad,
                goldstein: info.goldstein,
                actor: c.actor.iter().map(to_actor).collect(),
                recipient: c.recipient.iter().map(to_actor).collect(),
                trigger: SpanText {
                    text: trigger_text.to_string(),
                    span: trigger_span,
                },
                date,
                location: self.places.as_ref().and_then(|p| {
                    let text = |span| slice_chars(&doc.text, char_bytes, span).to_string();
                    let material = matches!(info.quad, 2 | 4);
                    located.locate(p, index, s, c.trigger, material, &text)
                }),
                attribution: c.attribution.map(|a| Attribution {
                    speaker: a.speaker.as_ref().map(to_actor),
                    speaker_text: a.text,
                    anonymous: a.anonymous,
                    cue: a.cue,
                }),
                modality: c.modality,
                confidence: (c.confidence * 100.0).round() / 100.0,
                rule: c.rule,
                coder_version: CODER_VERSION.to_string(),
            });
        }
        out
    }

    /// The place mentions of a text, how each was resolved and why, and the
    /// location each event got, as readable text.
    pub fn explain_places(&self, doc: &Document) -> String {
        place::report(self, doc)
    }

    /// How one sentence is coded, step by step, as readable text.
    pub fn explain(&self, sentence: &str, published: Option<NaiveDate>) -> String {
        explain::explain(self, sentence, published)
    }
}

/// An actor as the event will carry it: a mention in this sentence, or an
/// actor remembered from earlier in the document.
#[derive(Debug, Clone)]
enum ActorRef {
    Here(usize),
    Earlier(Remembered),
    /// A pronoun in this sentence standing for one member of a group.
    Via(usize, Remembered),
}

#[derive(Debug, Clone)]
struct AttributionRef {
    speaker: Option<ActorRef>,
    text: String,
    anonymous: bool,
    cue: Option<String>,
}

/// What coding a document carries from sentence to sentence, besides the
/// discourse: character offsets, its dates and its places.
pub(crate) struct DocumentState {
    pub char_bytes: Vec<usize>,
    pub dates: when::DocumentDates,
    pub located: DocumentPlaces,
}

/// One event before it is written out.
#[derive(Debug, Clone)]
struct Coded {
    /// The verb pattern; `None` for an event derived by a rule.
    pattern: Option<usize>,
    code: String,
    composed: Option<String>,
    trigger: (usize, usize),
    actor: Vec<ActorRef>,
    recipient: Vec<ActorRef>,
    attribution: Option<AttributionRef>,
    modality: Vec<Modality>,
    confidence: f64,
    rule: String,
    /// How the roles were found, for `explain`.
    how: String,
}

/// CAMEO codes whose event is itself something said: the actor is then
/// the source of the claim.
const SPEECH_ACTS: &[&str] = &[
    "01", "02", "03", "10", "11", "12", "13", "051", "052", "055", "056",
];

/// A reporting frame: "X said", "according to X", "X cited Y as saying".
#[derive(Debug, Clone)]
struct Frame {
    cue: (usize, usize),
    /// The speaker as actor mentions; empty when the words name no known actor.
    speaker: Vec<usize>,
    text: String,
    anonymous: bool,
    /// A published report ("said in a report"): what it says is alleged.
    report: bool,
}

impl Frame {
    /// A frame whose speaker the text names as actor mentions.
    fn of_mentions(s: &Sentence, cue: (usize, usize), speaker: Vec<usize>, report: bool) -> Frame {
        let text = speaker
            .iter()
            .map(|&m| mention_text(s, &s.mentions[m]))
            .collect::<Vec<_>>()
            .join(" and ");
        Frame {
            cue,
            anonymous: speaker.iter().all(|&m| speaker_anonymous(s, m)),
            speaker,
            text,
            report,
        }
    }
}

/// Nouns for documents whose content is a claim to be checked.
const REPORT_DOCUMENTS: &[&str] = &[
    "report",
    "reports",
    "findings",
    "study",
    "investigation",
    "dossier",
];

/// The words right before a reporting verb when they name no actor:
/// "..., witnesses said", "Mohammad Ali said".
fn unknown_speaker(s: &Sentence, cue: usize) -> Option<(String, bool)> {
    let mut k = cue;
    while k > 0
        && !s.is(
            k - 1,
            class::COMMA | class::QUOTE | class::HARD_PUNCT | class::SUBORD | class::VERB,
        )
        && cue - k < 6
    {
        k -= 1;
    }
    let boundary = k == 0 || s.is(k - 1, class::COMMA | class::QUOTE | class::HARD_PUNCT);
    if k == cue || !boundary || (k..cue).any(|j| s.is(j, class::PREP | class::AUX)) {
        return None;
    }
    let named = (k..cue).any(|j| s.toks.tokens[j].capitalized && !s.is(j, class::DET))
        && s.norm.letter_case() == LetterCase::Mixed;
    Some((
        s.text(k, cue).to_string(),
        !named || s.is(cue - 1, class::ANONYMOUS),
    ))
}

/// "Kofi Annan announced on Monday that he will withdraw ...", "rebel
/// leaders said they would meet ...": the subject pronoun of a reported
/// clause is the speaker, when the speaker is named just before the
/// reporting verb and agrees in number. The mention index of that speaker.
fn reported_pronoun_speaker(s: &Sentence, mi: usize) -> Option<usize> {
    let m = &s.mentions[mi];
    if m.kind != MentionKind::Pronoun {
        return None;
    }
    // The reporting verb, a few words before the pronoun, with no
    // punctuation between ("announced on Monday that he").
    let verb = near_before(s, m.start).find(|&k| s.is(k, class::REPORTING))?;
    // Its subject ends right before it, or before an auxiliary ("has said").
    let mut end = verb;
    while end > 0 && s.is(end - 1, class::AUX | class::ADVERB) {
        end -= 1;
    }
    let sp = s.mentions[..mi]
        .iter()
        .rposition(|x| x.end == end && x.kind != MentionKind::Pronoun)?;
    let speaker = &s.mentions[sp];
    let coded = !speaker.code.is_empty() || speaker.country.is_some();
    (coded && speaker.plural == m.plural).then_some(sp)
}

fn apply_antecedent(m: &mut Mention, r: &Remembered) {
    m.group = r.members.clone();
    m.antecedent_anonymous = r.anonymous;
    m.code = r.code.clone();
    m.country = r.country.clone();
    m.sectors = r.sectors.clone();
    if m.name.is_none() {
        m.name = r.name.clone();
    }
    m.wikidata = r.wikidata.clone();
    m.antecedent = Some(r.text.clone());
    m.plural = r.plural;
    m.person = r.person;
}

/// Tokens that are verbs for clause purposes: trigger verbs, reporting
/// verbs, and finite forms the lexicon knows not preceded by a determiner.
fn verb_tokens(s: &Sentence, found: &[Trigger]) -> Vec<bool> {
    let mut v = vec![false; s.len()];
    for t in found {
        if let Some(k) = t.verb {
            v[k] = true;
        } else {
            v[t.start] = true;
        }
    }
    for (i, slot) in v.iter_mut().enumerate() {
        if s.is(i, class::REPORTING) && s.mention_at[i].is_none() {
            *slot = true;
        }
        let forms = s.verb[i];
        let finite = forms.0 & (VerbForms::PAST | VerbForms::THIRD) != 0;
        // "fired artillery shells", "launched rocket attacks": an "-s" word
        // right after the noun that ends a pattern is that noun's head.
        let compound_head = forms.0 & VerbForms::PAST == 0
            && found
                .iter()
                .any(|t| t.end == i && t.verb.is_some_and(|v| v + 1 < i));
        if finite
            && !compound_head
            && !s.is(i, class::AUX)
            && s.mention_at[i].is_none()
            && (i == 0 || !s.is(i - 1, class::DET))
        {
            *slot = true;
        }
    }
    v
}

fn mention_text(s: &Sentence, m: &Mention) -> String {
    let mut start = m.start;
    let mut end = m.end;
    if let Some((a, b)) = m.name_span {
        start = start.min(a);
        end = end.max(b);
    }
    let base = start;
    // "A senior Pakistani official": determiners and plain modifiers before it.
    let mut modifiers = 0;
    while start > 0
        && (s.is(start - 1, class::DET) || (modifiers < 3 && plain_modifier(s, start - 1)))
    {
        if !s.is(start - 1, class::DET) {
            modifiers += 1;
        }
        start -= 1;
    }
    // A modifier only belongs to the phrase when a determiner opens it.
    while start < base && !s.is(start, class::DET) {
        start += 1;
    }
    s.text(start, end).to_string()
}

/// A lower-case word with no grammatical role the cue lists know: an
/// adjective such as "senior" or "second".
fn plain_modifier(s: &Sentence, i: usize) -> bool {
    let t = s.toks.tokens[i];
    t.kind == dyad_text::TokenKind::Word
        && s.class[i] & !class::CONTENT == 0
        && s.verb[i].0 == 0
        && s.mention_at[i].is_none()
        && !t.capitalized
}

fn frames(s: &Sentence, verb_tokens: &[bool], ids: &CueIds) -> Vec<Frame> {
    let mut out = Vec::new();
    for i in 0..s.len() {
        if !s.is(i, class::REPORTING) || s.mention_at[i].is_some() {
            continue;
        }
        // "spreading false reports": a word that is both a reporting verb and
        // a report noun is a verb only right after its subject.
        if s.is(i, class::REPORT_NOUN)
            && !(i > 0
                && (s.mention_at[i - 1].is_some()
                    || s.is(i - 1, class::ADVERB | class::COMMA | class::QUOTE)))
        {
            continue;
        }
        // "hand over alleged bombers", "the reported attack": a participle
        // between a determiner or preposition and a word is an adjective.
        if s.verb[i].0 & (VerbForms::PAST | VerbForms::PARTICIPLE) != 0
            && i > 0
            && i + 1 < s.len()
            && s.is(i - 1, class::DET | class::PREP)
            && s.toks.tokens[i + 1].kind == dyad_text::TokenKind::Word
            && !s.is(
                i + 1,
                class::PREP | class::DET | class::SUBORD | class::RELATIVE | class::AUX,
            )
        {
            continue;
        }
        let cue_end = i + 1;
        let cited = s.lower(i).starts_with("cit") || s.lower(i).starts_with("quot");
        let speaker: Option<Vec<usize>> = if cited {
            roles::object(s, cue_end, verb_tokens, &[])
                .map(|(g, _)| g)
                .filter(|g| !g.is_empty())
        } else {
            let gerund = s.verb[i].has(VerbForms::GERUND) && i > 0 && s.lower(i - 1) == ",";
            let t = Trigger {
                pattern: 0,
                start: i,
                end: cue_end,
                slot: None,
                verb: Some(i),
                words: vec![i],
                compound: None,
            };
            let from_participle = if gerund {
                roles::participle_subject(s, &t)
            } else {
                None
            };
            from_participle
                .or_else(|| roles::subject(s, i, verb_tokens).map(|(g, _)| g))
                .or_else(|| {
                    // "..., said the official": the speaker follows.
                    if i == 0 || !s.is(i - 1, class::COMMA | class::QUOTE) {
                        return None;
                    }
                    let mut k = cue_end;
                    while k < s.len() && s.is(k, class::DET) {
                        k += 1;
                    }
                    s.mention_starting(k).map(|m| vec![m])
                })
        };
        let report =
            (cue_end..(cue_end + 4).min(s.len())).any(|k| REPORT_DOCUMENTS.contains(&s.lower(k)));
        let Some(speaker) = speaker else {
            if let Some((text, anonymous)) = unknown_speaker(s, i) {
                out.push(Frame {
                    cue: (i, cue_end),
                    speaker: Vec::new(),
                    text,
                    anonymous,
                    report,
                });
            }
            continue;
        };
        out.push(Frame::of_mentions(s, (i, cue_end), speaker, report));
    }
    for c in s.cues.iter().filter(|c| c.section == ids.according) {
        let mut k = c.end;
        while k < s.len() && s.is(k, class::DET) {
            k += 1;
        }
        let report = REPORT_DOCUMENTS.contains(&s.lower(k.min(s.len().saturating_sub(1))));
        let speaker = match s.mention_starting(k) {
            Some(m) => vec![m],
            None if report => {
                // "according to a report by X"
                let mut j = k + 1;
                while j < s.len()
                    && (s.lower(j) == "by" || s.lower(j) == "from" || s.is(j, class::DET))
                {
                    j += 1;
                }
                s.mention_starting(j).map(|m| vec![m]).unwrap_or_default()
            }
            None => Vec::new(),
        };
        if speaker.is_empty() {
            continue;
        }
        out.push(Frame::of_mentions(s, (c.start, c.end), speaker, report));
    }
    out
}

impl Pipeline {
    fn code_triggers(
        &self,
        s: &Sentence,
        found: &[Trigger],
        verb_tokens: &[bool],
        frames: &[Frame],
        disc: &Discourse,
    ) -> Vec<Coded> {
        let ids = &self.ids;
        let mut out: Vec<Coded> = Vec::new();
        // Triggers consumed as the cue of a composed event ("agreed to release").
        let mut consumed = vec![false; found.len()];
        let mut composed: Vec<Option<Compose>> = vec![None; found.len()];
        for (ti, t) in found.iter().enumerate() {
            composed[ti] = compose_cue(s, t, ids);
            if let Some(c) = &composed[ti] {
                for (tj, u) in found.iter().enumerate() {
                    if tj != ti && u.start >= c.cue.0 && u.start < c.cue.1 {
                        consumed[tj] = true;
                    }
                }
            }
        }
        for (ti, t) in found.iter().enumerate() {
            let mut pattern = t.pattern;
            let mut p = &self.dict.verbs.patterns[pattern];
            if p.noevent || consumed[ti] {
                continue;
            }
            let passive = roles::is_passive(s, t);
            let mut how = Vec::new();
            let mut actor: Vec<usize> = Vec::new();
            let mut recipient: Vec<usize> = Vec::new();
            let mut recipient_noun = None;
            let comp = composed[ti].clone();
            if p.target_subject || passive {
                if let Some(g) = roles::reduced_relative_head(s, t) {
                    // "people kidnapped by terrorist groups": the noun the participle follows.
                    recipient = g;
                    how.push("recipient: noun before the participle (passive)".into());
                } else if let Some((g, h)) = roles::subject(s, t.start, verb_tokens) {
                    recipient = g;
                    how.push(format!("recipient: {h} (passive)"));
                }
                if let Some(g) = roles::passive_agent(s, t) {
                    actor = g;
                    how.push("actor: agent after 'by'".into());
                }
            } else {
                if let Some(g) = roles::participle_subject(s, t) {
                    actor = g;
                    how.push("actor: subject of the main clause (participle)".into());
                } else {
                    let from = comp.as_ref().map_or(t.start, |c| c.cue.0);
                    if let Some((g, h)) = roles::subject(s, from, verb_tokens) {
                        actor = g;
                        how.push(format!("actor: {h}"));
                    }
                }
                if let Some(obj) = comp.as_ref().and_then(|c| c.object.clone()) {
                    // "urged Russia to release": Russia is asked, so it is the recipient.
                    recipient = obj;
                    how.push("recipient: object of the cue".into());
                } else if let Some((a, b)) = t.slot {
                    let in_slot: Vec<usize> =
                        (a..b).filter_map(|k| s.mention_starting(k)).collect();
                    if let Some(&first) = in_slot.first() {
                        recipient = roles::coordinated_right(s, first);
                        how.push("recipient: pattern slot".into());
                    } else {
                        recipient_noun = (a..b).find(|&k| s.is(k, class::REPORT_NOUN));
                    }
                } else if let Some((g, noun)) =
                    roles::object(s, object_start(p, t), verb_tokens, &t.words)
                {
                    recipient = g;
                    recipient_noun = noun;
                    if !recipient.is_empty() {
                        how.push("recipient: first actor after the pattern".into());
                    }
                } else if let Some(m) = (t.verb.map_or(t.start + 1, |v| v + 1)..t.end)
                    .find_map(|k| s.mention_starting(k))
                {
                    // "executed up to 13,000 prisoners in mass hangings": the
                    // pattern's own words name the recipient.
                    recipient = roles::coordinated_right(s, m);
                    how.push("recipient: actor inside the pattern".into());
                } else if let Some(g) = (!actor.is_empty())
                    .then(|| roles::oblique(s, object_start(p, t), verb_tokens, &t.words))
                    .flatten()
                {
                    // Without an actor, "fighting in Morazan" names only a place.
                    recipient = g;
                    how.push("recipient: first actor in a phrase after the verb".into());
                } else if let Some(g) = (!actor.is_empty() && !s.is(t.start, class::REPORTING))
                    .then(|| roles::complement_subject(s, t.end, verb_tokens))
                    .flatten()
                {
                    recipient = g;
                    how.push("recipient: subject of the 'that' clause".into());
                }
            }
            let mut actor_refs = refs(s, &actor);
            let mut recipient_refs = refs(s, &recipient);
            if let Some(c) = t.compound.filter(|_| actor_refs.len() >= 2) {
                pattern = c;
                p = &self.dict.verbs.patterns[c];
                how.push("pattern: the reciprocal one, for a compound subject".into());
            }
            if let Some(k) = recipient_noun {
                let author = if matches!(s.lower(k), "report" | "reports" | "findings") {
                    disc.report_author
                        .clone()
                        .or_else(|| disc.last_speaker.clone())
                } else {
                    disc.last_speaker.clone()
                };
                if let Some(r) = author {
                    recipient_refs.push(ActorRef::Earlier(r));
                    how.push(format!("recipient: author of '{}'", s.surface(k)));
                }
            }
            // "the government and rebels swapped prisoners": each side acts on the other.
            if p.reciprocal && actor_refs.len() >= 2 {
                recipient_refs = actor_refs.clone();
                how.push("recipient: reciprocal".into());
            }
            // An actor never acts on itself unless the pattern says so.
            if !p.reciprocal {
                recipient_refs.retain(|r| !actor_refs.iter().any(|a| same_actor(s, a, r)));
            }
            actor_refs.dedup_by(|a, b| same_actor(s, a, b));
            // "X said that Libya must hand over the suspects": X demands it of
            // Libya; "the US must be ready to mediate": the readiness is
            // demanded, so an intent cue gives way to the demand.
            let must_governs = comp.as_ref().is_none_or(|c| c.class == "intent");
            let must_frame = frames.iter().rev().filter(|_| must_governs).find(|f| {
                !f.speaker.is_empty()
                    && f.cue.1 <= t.start
                    && (f.cue.1..t.start).any(|k| s.lower(k) == "must")
            });
            if let Some(f) = must_frame {
                recipient_refs = actor_refs;
                actor_refs = refs(s, &f.speaker);
                how.push(
                    "actor: the speaker who says it must be done; recipient: who must do it".into(),
                );
            }
            if actor_refs.is_empty() && recipient_refs.is_empty() {
                continue;
            }

            // Modality.
            let mut modality = Vec::new();
            let clause_start = clause_start(s, t.start);
            let window = clause_start..t.start;
            let neg = window.clone().any(|k| s.is(k, class::NEGATION))
                || s.has_cue_in(ids.negation, window.start, t.start).is_some()
                || comp.as_ref().is_some_and(|c| c.negated);
            let mut future = s.has_cue_in(ids.future, window.start, t.start).is_some();
            let mut hypo = s
                .has_cue_in(ids.hypothetical, window.start, t.start)
                .is_some();
            // "said they would meet": "would" in reported speech is the future.
            if hypo
                && (0..window.start).any(|k| s.is(k, class::REPORTING))
                && (window.start..t.start).any(|k| s.lower(k) == "would")
            {
                hypo = (window.start..t.start)
                    .any(|k| s.is(k, class::ADVERB) && s.lower(k) == "perhaps");
                future = true;
            }
            // "might attend talks only if ...": a condition in the same clause
            // after the verb, or an if-clause before it.
            let cond = s.cues.iter().any(|c| {
                c.section == ids.conditional
                    && if c.start >= t.end {
                        none_between(s, t.end, c.start, class::REPORTING | class::HARD_PUNCT)
                    } else {
                        c.end <= t.start
                            && none_between(s, c.end, t.start, class::REPORTING | class::HARD_PUNCT)
                    }
            });
            let mut code = p.code.clone();
            let mut composed_rule = None;
            let mut cue_class = comp.as_ref().map(|c| c.class);
            if neg && (future || cue_class == Some("intent")) {
                cue_class = Some("refuse");
            }
            // "Finland will give Tanzania a grant": a promise of cooperation is
            // CAMEO's expression of intent (03x); future violence stays as it is.
            // "is about to restore ties": an act reported as imminent is the
            // act itself, flagged future, not a promise of it.
            let imminent = (window.start..t.start.saturating_sub(1))
                .any(|k| s.lower(k) == "about" && s.lower(k + 1) == "to");
            let promised = cue_class.is_none()
                && future
                && !imminent
                && !neg
                && ["04", "05", "06", "07", "08"]
                    .iter()
                    .any(|r| code.starts_with(r));
            if promised {
                cue_class = Some("intent");
            }
            // "Nigeria will withdraw its force unless ...", "farmers said they
            // would blockade Paris", "the EU may halt its mediation if ...":
            // announced coercion, or coercion that may come on a condition,
            // is a threat.
            let announced = cue_class.is_none()
                && !neg
                && !imminent
                && (future || (hypo && cond))
                && ["14", "16", "17", "18", "19", "20"]
                    .iter()
                    .any(|r| code.starts_with(r));
            if announced {
                cue_class = Some("threaten");
            }
            if must_frame.is_some() {
                cue_class = Some("demand");
            }
            if let Some(cc) = cue_class {
                if let Some(r) = self.dict.cues.compose(cc, &code) {
                    composed_rule = Some(format!("{} {} {}->{}", r.origin, cc, r.prefix, r.result));
                    code = r.result.clone();
                }
            }
            let rejected = cue_class == Some("refuse") && composed_rule.is_some();
            if neg && !rejected {
                modality.push(Modality::Negated);
            }
            if future && !rejected {
                modality.push(Modality::Future);
            }
            if (cue_class == Some("intent") && !promised) || code.starts_with("03") {
                modality.push(Modality::Intent);
            }
            if cond {
                modality.push(Modality::Conditional);
            }
            if hypo {
                modality.push(Modality::Hypothetical);
            }
            // "accusing Moscow of failing to ...": what the cue governs, up to
            // the end of its clause.
            let before = |sec| {
                s.cues.iter().any(|c| {
                    c.section == sec
                        && c.end <= t.start
                        && none_between(
                            s,
                            c.end,
                            t.start,
                            class::REPORTING | class::HARD_PUNCT | class::COMMA,
                        )
                })
            };
            let frame = nearest_frame(frames, (t.start, t.end));
            let reported = frame.is_some_and(|f| f.report);
            let allegedly = (0..t.start).any(|k| {
                matches!(
                    s.lower(k),
                    "allegedly" | "reportedly" | "purportedly" | "supposedly"
                )
            });
            if before(ids.allege) || reported || allegedly {
                modality.push(Modality::Alleged);
            }
            if before(ids.deny) {
                modality.push(Modality::Denied);
            }
            modality.sort();
            modality.dedup();

            // Attribution.
            let attribution = match frame {
                Some(f) => Some(AttributionRef {
                    speaker: f
                        .speaker
                        .first()
                        .filter(|&&m| !s.mentions[m].code.is_empty())
                        .map(|&m| ActorRef::Here(m)),
                    text: f.text.clone(),
                    anonymous: f.anonymous,
                    cue: Some(s.text(f.cue.0, f.cue.1).to_string()),
                }),
                None => {
                    let verbal = SPEECH_ACTS.iter().any(|p| code.starts_with(p));
                    match actor.first() {
                        Some(&m) if verbal => Some(AttributionRef {
                            speaker: actor_refs.first().cloned(),
                            text: mention_text(s, &s.mentions[m]),
                            anonymous: speaker_anonymous(s, m),
                            cue: Some(s.text(t.start, first_word_run_end(t)).to_string()),
                        }),
                        _ => None,
                    }
                }
            };

            // Trigger words: from the cue to the pattern's last own word; a
            // trailing slot with only prepositions after it is left out.
            let trig_start = comp.as_ref().map_or(t.start, |c| c.cue.0.min(t.start));
            let mut trig_end = t.end;
            if let Some((a, _)) = t.slot {
                let after_slot: Vec<&usize> = t.words.iter().filter(|&&w| w >= a).collect();
                if after_slot.iter().all(|&&w| s.is(w, class::PREP)) {
                    trig_end = a;
                }
            }

            let mut confidence: f64 = 0.9;
            if actor_refs.is_empty() {
                confidence -= 0.2;
            }
            if recipient_refs.is_empty() {
                confidence -= 0.05;
            }
            if p.elements.len() == 1 {
                confidence -= 0.1;
            }
            let inferred = actor
                .iter()
                .chain(recipient.iter())
                .any(|&m| s.mentions[m].country_inferred || s.mentions[m].antecedent.is_some());
            if inferred {
                confidence -= 0.05;
            }
            if modality
                .iter()
                .any(|m| matches!(m, Modality::Hypothetical | Modality::Conditional))
            {
                confidence -= 0.05;
            }
            if in_background_clause(s, t.start, verb_tokens)
                || in_relative_clause(s, t.start, verb_tokens)
                || participial_adjunct(s, t.start)
                || in_refusal_scope(s, t.start, comp.as_ref(), ids)
            {
                confidence -= 0.15;
            }
            let mut rule = format!("{} [{}] {}", p.origin, p.code, p.text);
            if let Some(cr) = &composed_rule {
                let cue_words = comp
                    .as_ref()
                    .map(|c| s.text(c.cue.0, c.cue.1).to_string())
                    .unwrap_or_else(|| "negation".into());
                rule.push_str(&format!(" + cue '{cue_words}' {cr}"));
            }
            out.push(Coded {
                pattern: Some(pattern),
                code,
                composed: composed_rule,
                trigger: (trig_start, trig_end.max(trig_start + 1)),
                actor: actor_refs,
                recipient: recipient_refs,
                attribution,
                modality,
                confidence: confidence.clamp(0.05, 0.99),
                rule,
                how: how.join("; "),
            });
            let last = out.last().expect("just pushed");
            if let Some(reverse) = p.reverse.as_ref().filter(|_| last.composed.is_none()) {
                if !last.recipient.is_empty() && !last.actor.is_empty() {
                    let mut back = last.clone();
                    std::mem::swap(&mut back.actor, &mut back.recipient);
                    back.code = reverse.clone();
                    back.rule =
                        format!("{} [{}:{}] {} (reverse)", p.origin, p.code, reverse, p.text);
                    out.push(back);
                }
            }
            if let Some(meeting) = invited_meeting(s, out.last().expect("just pushed")) {
                out.push(meeting);
            }
            if let Some(accusation) =
                self.report_accusation(s, frame, out.last().expect("just pushed"))
            {
                out.push(accusation);
            }
        }
        out
    }

    /// "Amnesty said in a report that the government executed prisoners":
    /// publishing a report of violence is accusing its perpetrator of it.
    fn report_accusation(
        &self,
        s: &Sentence,
        frame: Option<&Frame>,
        event: &Coded,
    ) -> Option<Coded> {
        let f = frame.filter(|f| f.report)?;
        let info = self.dict.cameo.get(&event.code)?;
        if info.quad != 4 || event.actor.is_empty() || event.modality.contains(&Modality::Denied) {
            return None;
        }
        let speaker = refs(s, &f.speaker);
        if speaker.is_empty() {
            return None;
        }
        let code = match &event.code[..2] {
            "18" | "20" | "17" => "1122",
            "19" => "1123",
            _ => "112",
        };
        let noun_end = (f.cue.1..(f.cue.1 + 4).min(s.len()))
            .find(|&k| REPORT_DOCUMENTS.contains(&s.lower(k)))
            .map_or(f.cue.1, |k| k + 1);
        Some(Coded {
            pattern: None,
            code: code.to_string(),
            composed: None,
            trigger: (f.cue.0, noun_end),
            actor: speaker.clone(),
            recipient: event.actor.clone(),
            attribution: Some(AttributionRef {
                speaker: speaker.first().cloned(),
                text: f.text.clone(),
                anonymous: f.anonymous,
                cue: Some(s.text(f.cue.0, noun_end).to_string()),
            }),
            modality: Vec::new(),
            confidence: (event.confidence - 0.1).max(0.05),
            rule: format!(
                "report-alleges: a report of {} [{}] accuses its actor",
                event.code, code
            ),
            how: "actor: author of the report; recipient: actor of the reported event".into(),
        })
    }
}

/// Words for a meeting that an invitation can be to.
const MEETINGS: &[&str] = &[
    "talks",
    "negotiations",
    "meeting",
    "meetings",
    "summit",
    "conference",
    "consultations",
];

/// "Kazakhstan invited the government and rebels for February 15-16 talks":
/// besides the invitation (036), the invitees are to meet: a planned
/// consultation among them, flagged future, whose trigger is the meeting
/// noun (so a date beside the noun dates it).
fn invited_meeting(s: &Sentence, invitation: &Coded) -> Option<Coded> {
    if invitation.code != "036" || invitation.recipient.len() < 2 {
        return None;
    }
    let (from, to) = invitation.trigger;
    let noun = (from..to).find(|&k| MEETINGS.contains(&s.lower(k)))?;
    let mut modality = invitation.modality.clone();
    // The meeting itself is planned, not intended by its members.
    modality.retain(|m| !matches!(m, Modality::Future | Modality::Intent));
    modality.push(Modality::Future);
    Some(Coded {
        pattern: None,
        code: "040".to_string(),
        composed: None,
        trigger: (noun, noun + 1),
        actor: invitation.recipient.clone(),
        recipient: Vec::new(),
        attribution: invitation.attribution.clone(),
        modality,
        confidence: (invitation.confidence - 0.2).max(0.05),
        rule: format!(
            "invited-meeting: the invitees of {} [036] are to meet",
            invitation.rule
        ),
        how: "actors: the invitees, meeting each other".into(),
    })
}

/// "Russia said Sudan must return the helicopter": whatever follows "must",
/// the speaker demands it of the one who must (100, REQUEST). A verb
/// pattern after "must" is coded by the must rule of `code_triggers`
/// instead, with its own code composed as a demand; this rule covers the
/// verbs no pattern knows.
fn must_demands(s: &Sentence, frames: &[Frame], coded: &[Coded]) -> Vec<Coded> {
    let musts: Vec<usize> = (1..s.len()).filter(|&k| s.lower(k) == "must").collect();
    if musts.is_empty() {
        return Vec::new();
    }
    let speakers: Vec<Frame> = frames
        .iter()
        .filter(|f| !f.speaker.is_empty())
        .cloned()
        .collect();
    let mut out = Vec::new();
    for at in musts {
        // "it must have been prepared" is a guess; "the culprits must be
        // punished" asks it of someone unnamed; "we must act" is a
        // commitment of one's own. None is a demand of the subject.
        let next = |n: usize| {
            if at + n < s.len() {
                s.lower(at + n)
            } else {
                ""
            }
        };
        let skip_not = usize::from(next(1) == "not");
        if matches!(next(1 + skip_not), "have" | "be") {
            continue;
        }
        let Some(subject) = s.mention_ending(at) else {
            continue;
        };
        let m = &s.mentions[subject];
        let own = m.kind == MentionKind::Pronoun && matches!(s.lower(m.start), "we" | "i");
        if m.code.is_empty() || own {
            continue;
        }
        // A pattern right after "must" is already a demand, and so is a
        // demand coded further on in the clause.
        let clause_end = (at..s.len())
            .find(|&k| s.is(k, class::HARD_PUNCT))
            .unwrap_or(s.len());
        if coded.iter().any(|c| {
            let k = c.trigger.0;
            k > at && (k <= at + 3 || (k < clause_end && c.code.starts_with("10")))
        }) {
            continue;
        }
        let Some(f) = nearest_frame(&speakers, (at, at + 1)) else {
            continue;
        };
        let actor = refs(s, &f.speaker);
        let recipient: Vec<ActorRef> = refs(s, &[subject])
            .into_iter()
            .filter(|r| !actor.iter().any(|a| code_of(s, a) == code_of(s, r)))
            .collect();
        if actor.is_empty() || recipient.is_empty() {
            continue;
        }
        out.push(Coded {
            pattern: None,
            code: "100".to_string(),
            composed: None,
            trigger: (at, (at + 2).min(s.len())),
            actor,
            recipient,
            attribution: Some(AttributionRef {
                speaker: f.speaker.first().map(|&m| ActorRef::Here(m)),
                text: f.text.clone(),
                anonymous: f.anonymous,
                cue: Some(s.text(f.cue.0, f.cue.1).to_string()),
            }),
            modality: Vec::new(),
            confidence: 0.6,
            rule: "must-demand: what a speaker says another must do is a demand of it [100]".into(),
            how: "actor: the speaker; recipient: who must act".into(),
        });
    }
    out
}

/// Mentions as event actors: a pronoun for a group stands for each member.
fn refs(s: &Sentence, mentions: &[usize]) -> Vec<ActorRef> {
    let mut out = Vec::new();
    for &m in mentions {
        let mention = &s.mentions[m];
        if !mention.group.is_empty() {
            out.extend(mention.group.iter().cloned().map(|r| ActorRef::Via(m, r)));
        } else if !mention.code.is_empty() {
            out.push(ActorRef::Here(m));
        }
    }
    out
}

/// The code an actor reference stands for.
fn code_of<'a>(s: &'a Sentence, r: &'a ActorRef) -> &'a str {
    match r {
        ActorRef::Here(m) => &s.mentions[*m].code,
        ActorRef::Earlier(e) | ActorRef::Via(_, e) => &e.code,
    }
}

fn same_actor(s: &Sentence, a: &ActorRef, b: &ActorRef) -> bool {
    let code = |r: &ActorRef| match r {
        ActorRef::Here(m) => (s.mentions[*m].code.clone(), s.mentions[*m].start),
        ActorRef::Earlier(e) | ActorRef::Via(_, e) => (e.code.clone(), usize::MAX),
    };
    let (ca, sa) = code(a);
    let (cb, sb) = code(b);
    if sa == usize::MAX || sb == usize::MAX {
        ca == cb
    } else {
        sa == sb
    }
}

/// The end of the pattern's first run of contiguous words: "accused" in
/// "accused the army of shelling", "cast doubt on attending" whole.
fn first_word_run_end(t: &Trigger) -> usize {
    let mut end = t.start + 1;
    for &w in &t.words {
        if w == end {
            end += 1;
        } else if w > end {
            break;
        }
    }
    end
}

/// An unnamed person: "a rebel official", "an official source", "sources".
/// Groups ("rebels say") and named actors are not anonymous sources.
fn speaker_anonymous(s: &Sentence, m: usize) -> bool {
    let mention = &s.mentions[m];
    if mention.kind == MentionKind::Pronoun || mention.antecedent.is_some() {
        return mention.antecedent_anonymous;
    }
    mention.unnamed() && s.is(mention.end - 1, class::ANONYMOUS)
}

/// True when the trigger at token `start` stands in a clause giving the
/// background of the news, opened by a word of the `[background]` cues
/// ("Italy suspended air links one day after a Serbian jet shot down a
/// helicopter"): one before it with no punctuation and no other verb
/// between ("since the Syrian government and its backers defeated"). The
/// event reported is the main clause's.
fn in_background_clause(s: &Sentence, start: usize, verb_tokens: &[bool]) -> bool {
    clause_opened_by(s, start, |k| verb_tokens[k], |k| s.is(k, class::BACKGROUND))
}

/// True when the trigger at token `start` stands in the clause of a refusal
/// it did not compose with (`comp`): "refused to allow UN planes to land and
/// evacuate observers" is no evacuation. Only through the refusal's own
/// clause: "and" may join another infinitive ("to land and evacuate"), not
/// a new predicate ("rejected the plan and accused", "and has asked").
fn in_refusal_scope(s: &Sentence, start: usize, comp: Option<&Compose>, ids: &CueIds) -> bool {
    let infinitive = s.verb[start].has(VerbForms::BASE)
        && s.verb[start].0 & (VerbForms::PAST | VerbForms::THIRD) == 0;
    let ends_clause = class::REPORTING
        | class::HARD_PUNCT
        | class::COMMA
        | class::SUBORD
        | class::RELATIVE
        | class::AUX;
    s.cues.iter().any(|c| {
        c.section == ids.refuse
            && c.end < start
            && comp.is_none_or(|k| k.cue.1 <= c.start || c.end <= k.cue.0)
            && (c.end..start).all(|k| {
                !s.is(k, ends_clause) && (!s.is(k, class::COORD) || (k + 1 == start && infinitive))
            })
    })
}

/// True when a token `opens` the clause the trigger at token `start`
/// stands in: found going back before punctuation or a token that `ends`
/// the clause (another verb).
fn clause_opened_by(
    s: &Sentence,
    start: usize,
    ends: impl Fn(usize) -> bool,
    opens: impl Fn(usize) -> bool,
) -> bool {
    for k in (0..start).rev() {
        if s.is(k, class::HARD_PUNCT | class::COMMA) || ends(k) {
            return false;
        }
        if opens(k) {
            return true;
        }
    }
    false
}

/// True when the trigger at token `start` is the verb of a relative clause
/// ("Macedonia, which is preparing an offensive"), or an infinitive in one
/// ("peacekeepers, who are deployed to oversee a ceasefire"): it tells
/// about a noun of the main clause, whose event comes first. A verb between
/// the pronoun and the trigger ends the relative clause ("the man who was
/// arrested confessed").
fn in_relative_clause(s: &Sentence, start: usize, verb_tokens: &[bool]) -> bool {
    let relative = |k: usize| s.is(k, class::RELATIVE) && s.lower(k) != "that";
    if start > 0 && s.lower(start - 1) == "to" {
        // An infinitive: other verbs of the clause may come between.
        return clause_opened_by(s, start, |_| false, relative);
    }
    clause_opened_by(s, start, |k| verb_tokens[k], relative)
}

/// True when the trigger at token `start` is a participle or gerund after
/// a comma or a preposition ("rioted, setting fire to their cells",
/// "joined the crowds in demanding a vote"): it tells how or why the main
/// clause's event happened.
fn participial_adjunct(s: &Sentence, start: usize) -> bool {
    // "committed to holding talks": after "to" the gerund is the complement.
    start > 0
        && s.lower(start).ends_with("ing")
        && s.is(start - 1, class::COMMA | class::PREP)
        && s.lower(start - 1) != "to"
}

/// The tokens within six words before `start`, nearest first, up to the
/// first punctuation: the words that can open the clause `start` stands in.
fn near_before<'a>(s: &'a Sentence<'_>, start: usize) -> impl Iterator<Item = usize> + 'a {
    (start.saturating_sub(6)..start)
        .rev()
        .take_while(|&k| !s.is(k, class::HARD_PUNCT | class::COMMA))
}

/// The frame nearest to a trigger's tokens `[start, end)`, ignoring the
/// trigger's own words.
fn nearest_frame(frames: &[Frame], (start, end): (usize, usize)) -> Option<&Frame> {
    frames
        .iter()
        .filter(|f| !(f.cue.0 >= start && f.cue.0 < end))
        .min_by_key(|f| {
            if f.cue.0 >= end {
                f.cue.0 - end
            } else {
                start.saturating_sub(f.cue.1)
            }
        })
}

/// Where to look for the recipient: after the verb when a gap may hold it
/// ("executed up to 13,000 prisoners in mass hangings"), else after the pattern.
fn object_start(p: &dyad_dict::VerbPattern, t: &Trigger) -> usize {
    let has_gap = p
        .elements
        .iter()
        .any(|e| matches!(e, dyad_dict::Element::Gap));
    match t.verb {
        Some(v) if has_gap => v + 1,
        _ => t.end,
    }
}

/// True when no token in `[a, b)` has any of `bits`.
fn none_between(s: &Sentence, a: usize, b: usize, bits: u32) -> bool {
    (a..b).all(|k| !s.is(k, bits))
}

/// Where the trigger's clause starts: after the nearest clause boundary to its left.
fn clause_start(s: &Sentence, start: usize) -> usize {
    let mut k = start;
    while k > 0 {
        if s.is(k - 1, class::HARD_PUNCT | class::SUBORD | class::REPORTING)
            && s.lower(k - 1) != "as"
        {
            return k;
        }
        if s.lower(k - 1) == "," && !(k >= 2 && s.is(k - 2, class::ADVERB)) {
            return k;
        }
        k -= 1;
    }
    0
}

/// A cue that governs the trigger: "ready to", "agreed to", "urged X to",
/// "refused to", "threatened to".
#[derive(Debug, Clone)]
struct Compose {
    class: &'static str,
    cue: (usize, usize),
    object: Option<Vec<usize>>,
    negated: bool,
}

fn compose_cue(s: &Sentence, t: &Trigger, ids: &CueIds) -> Option<Compose> {
    let mut k = t.start;
    while k > 0 && s.is(k - 1, class::ADVERB | class::QUOTE) {
        k -= 1;
    }
    let classes: [(usize, &'static str); 5] = [
        (ids.refuse, "refuse"),
        (ids.threaten, "threaten"),
        (ids.intent, "intent"),
        (ids.demand, "demand"),
        (ids.request, "request"),
    ];
    let negated_before = |a: usize| {
        a > 0
            && (s.is(a - 1, class::NEGATION)
                || a > 1 && s.is(a - 2, class::NEGATION) && s.is(a - 1, class::AUX))
    };
    // A cue that ends in "to" right before the verb.
    for (sec, name) in classes {
        if let Some(c) = s.cue_ending(sec, k) {
            if c.end - c.start >= 2 || s.lower(k - 1) == "to" {
                return Some(Compose {
                    class: name,
                    cue: (c.start, c.end),
                    object: None,
                    negated: negated_before(c.start),
                });
            }
        }
    }
    if k == 0 || s.lower(k - 1) != "to" {
        return None;
    }
    let to = k - 1;
    // "ready to", "urged Russia to": the cue, with an optional object before "to".
    let (object, cue_end) = match s.mention_ending(to) {
        Some(m) => {
            let mut start = s.mentions[m].start;
            while start > 0 && s.is(start - 1, class::DET) {
                start -= 1;
            }
            (Some(roles_group_left(s, m)), start)
        }
        None => (None, to),
    };
    let mut cue_end = cue_end;
    while cue_end > 0 && s.is(cue_end - 1, class::ADVERB | class::QUOTE) {
        cue_end -= 1;
    }
    for (sec, name) in classes {
        if let Some(c) = s.cue_ending(sec, cue_end) {
            if object.is_some() && !matches!(name, "request" | "demand" | "threaten") {
                continue;
            }
            return Some(Compose {
                class: name,
                cue: (c.start, c.end),
                object,
                negated: negated_before(c.start),
            });
        }
    }
    None
}

fn roles_group_left(s: &Sentence, m: usize) -> Vec<usize> {
    let mut g = vec![m];
    let mut cur = m;
    while let Some(k) = s.before_determiners(s.mentions[cur].start) {
        if !s.is(k, class::COORD) {
            break;
        }
        match s.mention_ending(k) {
            Some(prev) => {
                g.insert(0, prev);
                cur = prev;
            }
            None => break,
        }
    }
    g
}

fn actor_json(s: &Sentence, doc: &Document, char_bytes: &[usize], a: &ActorRef) -> Actor {
    match a {
        ActorRef::Here(m) => {
            let m = &s.mentions[*m];
            let span = s.original_span(m.start, m.end);
            Actor {
                entity_text: slice_chars(&doc.text, char_bytes, span).to_string(),
                span: Some(span),
                name: m.name.clone(),
                code: m.code.clone(),
                country: m.country.clone(),
                sector: m.sectors.clone(),
                wikidata: m.wikidata.clone(),
            }
        }
        ActorRef::Via(m, r) => {
            let m = &s.mentions[*m];
            let span = s.original_span(m.start, m.end);
            Actor {
                entity_text: slice_chars(&doc.text, char_bytes, span).to_string(),
                span: Some(span),
                name: r.name.clone(),
                code: r.code.clone(),
                country: r.country.clone(),
                sector: r.sectors.clone(),
                wikidata: r.wikidata.clone(),
            }
        }
        ActorRef::Earlier(r) => Actor {
            entity_text: r.text.clone(),
            span: None,
            name: r.name.clone(),
            code: r.code.clone(),
            country: r.country.clone(),
            sector: r.sectors.clone(),
            wikidata: r.wikidata.clone(),
        },
    }
}

/// How many times the document's named actors name each country.
fn country_counts(sentences: &[Sentence]) -> rustc_hash::FxHashMap<String, usize> {
    let mut counts = rustc_hash::FxHashMap::default();
    for m in sentences.iter().flat_map(|s| &s.mentions) {
        if let (MentionKind::Named, Some(c)) = (m.kind, &m.country) {
            *counts.entry(c.clone()).or_default() += 1;
        }
    }
    counts
}

/// Byte offset of every char of `text`, plus its length.
fn char_byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn slice_chars<'t>(text: &'t str, char_bytes: &[usize], span: [u32; 2]) -> &'t str {
    let last = char_bytes.len() - 1;
    let a = char_bytes[(span[0] as usize).min(last)];
    let b = char_bytes[(span[1] as usize).min(last)];
    &text[a..b.max(a)]
}
