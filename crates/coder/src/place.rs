//! Where each event happened. Owns the choice among a document's place
//! mentions: the place in the event's own clause, else the nearest governing
//! context (another clause of the sentence that governs it, or the sentence
//! before in the same paragraph), else the dateline, else none; and the
//! conversion to the schema's `Place`. Must not find or disambiguate names:
//! that is `dyad-places`.
//!
//! A place only mentioned (no locative cue: "the Geneva talks", "Syria's
//! future"), a planned one ("in Geneva next week", for events elsewhere), a
//! "-based" attribute and a capital standing for its government ("Damascus
//! said") are never an event's place.

use dyad_model::{Document, Place, PlaceBasis, PlaceFeature};
use dyad_places::{CountryContext, PlaceMention, Places, Resolution};
use dyad_text::NormText;
use rustc_hash::FxHashMap;

use crate::analysis::{class, Sentence};

/// A place mention of a sentence and what became of it.
#[derive(Debug, Clone)]
pub(crate) struct Located {
    pub mention: PlaceMention,
    /// The place, or why the mention is not taken as one.
    pub resolution: Result<Resolution, String>,
}

impl Located {
    /// Can be where an event happened: resolved, after a locative cue, not
    /// a "-based" attribute.
    fn usable(&self) -> bool {
        self.resolution.is_ok() && self.mention.is_locative() && !self.mention.based
    }
}

/// The place mentions of a whole document, resolved with its countries.
#[derive(Debug, Default)]
pub(crate) struct DocumentPlaces {
    /// The document's countries, as used for disambiguation.
    pub context: CountryContext,
    /// Per sentence, its mentions.
    pub sentences: Vec<Vec<Located>>,
    /// The dateline's place, when the document has one.
    pub dateline: Option<(String, Result<Resolution, String>)>,
    /// Per sentence, true when it opens a paragraph.
    paragraph_start: Vec<bool>,
    /// The last own-clause location: sentence index and place.
    last: Option<(usize, Place)>,
}

impl DocumentPlaces {
    /// Finds and resolves the place mentions of `sentences`, with the
    /// countries the actor mentions name (`countries`, with counts).
    pub fn new(
        places: &Places,
        doc: &Document,
        norm: &NormText,
        sentences: &[Sentence],
        countries: &FxHashMap<String, usize>,
    ) -> DocumentPlaces {
        let mut context = CountryContext::default();
        let mut ranked: Vec<_> = countries.iter().collect();
        ranked.sort();
        for (code, &n) in ranked {
            context.add(code, n as f64);
        }
        let case = norm.letter_case();
        let mut found: Vec<Vec<(PlaceMention, bool)>> = sentences
            .iter()
            .map(|s| {
                let v = places.find(&s.toks, case);
                v.into_iter()
                    .map(|m| {
                        let actor = capital_as_actor(s, &m);
                        (m, actor)
                    })
                    .collect()
            })
            .collect();
        // Names with one reading, and countries, tell what the document is
        // about as much as its actors do.
        for (m, _) in found.iter().flatten().filter(|(_, actor)| !actor) {
            if let Ok(r) = places.resolve_explained(m, &context) {
                let p = places.gazetteer().place(r.place);
                let located = m.is_locative() && r.candidates == 1;
                if located || p.kind == dyad_places::PlaceKind::Country {
                    context.add(p.country, 1.0);
                }
            }
        }
        let dateline_key = doc
            .dateline
            .as_deref()
            .map(dyad_places::fold_key)
            .or_else(|| places.dateline(&doc.text).map(|d| d.key));
        let dateline = dateline_key.map(|key| {
            let r = places
                .resolve_name(&key, &context)
                .ok_or_else(|| "not in the gazetteer".to_string());
            if let Ok(r) = &r {
                context.add(places.gazetteer().place(r.place).country, 2.0);
            }
            (key, r)
        });
        let mut sentences_located: Vec<Vec<Located>> = found
            .iter_mut()
            .map(|ms| {
                ms.drain(..)
                    .map(|(m, actor)| Located {
                        resolution: if actor {
                            Err("inside an actor's words (a capital for its government, a group's name)".into())
                        } else {
                            places.resolve_explained(&m, &context)
                        },
                        mention: m,
                    })
                    .collect()
            })
            .collect();
        for (s, ms) in sentences.iter().zip(&mut sentences_located) {
            outside_named_region(places, s, ms);
        }
        let mut paragraph_start = Vec::with_capacity(sentences.len());
        let mut prev_end = 0;
        for s in sentences {
            let gap = norm.text.get(prev_end..s.span.start).unwrap_or("");
            paragraph_start.push(prev_end == 0 || gap.matches('\n').count() >= 2);
            prev_end = s.span.end;
        }
        DocumentPlaces {
            context,
            sentences: sentences_located,
            dateline,
            paragraph_start,
            last: None,
        }
    }

    /// Where the event with trigger tokens `trigger` of sentence `index`
    /// happened. Only a `material` event (an action, not a statement) takes
    /// its place from the sentence before: what is said is not said where
    /// the last thing happened.
    pub fn locate(
        &mut self,
        places: &Places,
        index: usize,
        s: &Sentence,
        trigger: (usize, usize),
        material: bool,
        text: &dyn Fn([u32; 2]) -> String,
    ) -> Option<Place> {
        let here = self.sentences.get(index).map_or(&[][..], Vec::as_slice);
        let clause = (crate::clause_start(s, trigger.0), clause_end(s, trigger.1));
        let inside = |l: &&Located| l.mention.start >= clause.0 && l.mention.end <= clause.1;
        // The event's own clause: after the trigger first, then before it.
        let own = here
            .iter()
            .filter(inside)
            .filter(|l| l.usable())
            .find(|l| l.mention.start >= trigger.1)
            .or_else(|| {
                here.iter()
                    .rev()
                    .filter(inside)
                    .find(|l| l.usable() && l.mention.end <= trigger.0)
            });
        if let Some(l) = own {
            let place = to_place(places, s, l, PlaceBasis::InSentence, text);
            if !l.mention.planned {
                self.last = Some((index, place.clone()));
            }
            return Some(place);
        }
        // A clause that governs this one: a locative to its left.
        let governing = here
            .iter()
            .rev()
            .find(|l| l.usable() && !l.mention.planned && l.mention.end <= clause.0);
        if let Some(l) = governing {
            return Some(to_place(places, s, l, PlaceBasis::Nearby, text));
        }
        // The sentence before, in the same paragraph.
        let same_paragraph = !self.paragraph_start.get(index).copied().unwrap_or(true);
        if let Some((at, place)) = &self.last {
            if material && same_paragraph && *at + 1 == index {
                let mut place = place.clone();
                place.basis = Some(PlaceBasis::Nearby);
                return Some(place);
            }
        }
        let (_, r) = self.dateline.as_ref()?;
        let r = r.as_ref().ok()?;
        let mut place = gazetteer_place(places, r, r.feature);
        place.basis = Some(PlaceBasis::Document);
        Some(place)
    }
}

/// "San Carlos, Morazan department": a town followed by the region it is in
/// must be in that region's country, else it is another San Carlos than the
/// gazetteer's.
fn outside_named_region(places: &Places, s: &Sentence, ms: &mut [Located]) {
    for i in 0..ms.len().saturating_sub(1) {
        let (a, b) = (&ms[i], &ms[i + 1]);
        let (Ok(ra), Ok(rb)) = (&a.resolution, &b.resolution) else {
            continue;
        };
        let listed = b.mention.start == a.mention.end + 1 && s.lower(a.mention.end) == ",";
        if !listed || rb.feature != PlaceFeature::Admin1 || ra.feature == PlaceFeature::Country {
            continue;
        }
        let g = places.gazetteer();
        let (pa, pb) = (g.place(ra.place), g.place(rb.place));
        if pa.country != pb.country {
            let why = format!(
                "{} {} is not in {} named after it",
                pa.name, pa.country, pb.name
            );
            ms[i].resolution = Err(why);
        }
    }
}

/// "Damascus said", "Moscow failed to": a capital coded as its government
/// by the actor dictionaries, with no locative before it, is an actor.
fn capital_as_actor(s: &Sentence, m: &PlaceMention) -> bool {
    !m.is_locative()
        && s.mentions
            .iter()
            .any(|a| a.start < m.end && m.start < a.end && !a.code.is_empty())
}

/// Where the clause of a trigger ending at `end` ends: at hard punctuation,
/// a subordinator, a relative pronoun or a reporting verb. A bracketed gloss
/// ("THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] IN SAN MIGUEL") is
/// stepped over.
fn clause_end(s: &Sentence, end: usize) -> usize {
    let mut k = end;
    while k < s.len() {
        let open = match s.surface(k) {
            "(" => Some(")"),
            "[" => Some("]"),
            _ => None,
        };
        if let Some(close) = open {
            match (k + 1..s.len().min(k + 8)).find(|&j| s.surface(j) == close) {
                Some(j) => {
                    k = j + 1;
                    continue;
                }
                None => return k,
            }
        }
        if s.is(k, class::HARD_PUNCT | class::SUBORD | class::RELATIVE)
            || s.is(k, class::REPORTING) && s.mention_at[k].is_none()
        {
            return k;
        }
        k += 1;
    }
    s.len()
}

fn to_place(
    places: &Places,
    s: &Sentence,
    l: &Located,
    basis: PlaceBasis,
    text: &dyn Fn([u32; 2]) -> String,
) -> Place {
    let r = l.resolution.as_ref().expect("usable mentions are resolved");
    let first = l.mention.facility.unwrap_or(l.mention.start);
    let span = s.original_span(first, l.mention.end);
    let mut place = gazetteer_place(places, r, r.feature);
    place.text = Some(text(span));
    place.span = Some(span);
    place.basis = Some(basis);
    place
}

fn gazetteer_place(places: &Places, r: &Resolution, feature: PlaceFeature) -> Place {
    let g = places.gazetteer();
    let p = g.place(r.place);
    let admin1 = match p.kind {
        dyad_places::PlaceKind::Admin1 => Some(p.name.to_string()),
        _ => g.admin1_name(&p).map(str::to_string),
    };
    Place {
        text: None,
        span: None,
        name: p.name.to_string(),
        country: Some(p.country.to_string()),
        admin1,
        lat: p.lat(),
        lon: p.lon(),
        feature,
        geonames_id: p.geonames_id(),
        basis: None,
    }
}

/// `dyad places`: every place mention of a text, how it was resolved and
/// why, and the location each event got.
pub(crate) fn report(p: &crate::Pipeline, doc: &Document) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let Some(places) = p.places() else {
        return "no gazetteer loaded\n".into();
    };
    let norm = NormText::new(&doc.text);
    let case = norm.letter_case();
    let spans = dyad_text::split_sentences(&norm);
    let sentences = p.analyse_sentences(&norm, &spans, doc.published, &mut Vec::new());
    let counts = crate::country_counts(&sentences);
    let located = DocumentPlaces::new(places, doc, &norm, &sentences, &counts);
    let ranked: Vec<String> = located
        .context
        .ranked()
        .iter()
        .map(|(c, w)| format!("{c} {w}"))
        .collect();
    let _ = writeln!(
        out,
        "letter case: {case:?}; {} sentence(s); document countries: {}",
        spans.len(),
        if ranked.is_empty() {
            "none".to_string()
        } else {
            ranked.join(", ")
        }
    );
    if let Some((key, r)) = &located.dateline {
        let _ = writeln!(out, "dateline: {key:?} -> {}", outcome(places, r));
    }
    let events = p.code_document(doc);
    for (index, (s, ms)) in sentences.iter().zip(&located.sentences).enumerate() {
        let _ = writeln!(
            out,
            "\n== sentence {index}: {}",
            norm.text[s.span.start..s.span.end].trim()
        );
        for l in ms {
            let m = &l.mention;
            let mut cues = Vec::new();
            match &m.preposition {
                Some(dyad_places::Preposition::Locative(w)) => cues.push(format!("locative '{w}'")),
                Some(dyad_places::Preposition::Origin(w)) => {
                    cues.push(format!("'{w}' (not locative)"))
                }
                None => cues.push("no preposition".into()),
            }
            if m.chained {
                cues.push("shares the locative of the place before".into());
            }
            if let Some(h) = m.hint {
                cues.push(format!("{h:?} noun").to_lowercase());
            }
            if m.facility.is_some() || m.facility_name {
                cues.push("facility".into());
            }
            if m.based {
                cues.push("'-based' attribute".into());
            }
            if m.planned {
                cues.push("planned (future time after it)".into());
            }
            let use_ = if l.usable() {
                "can be an event's place"
            } else if l.resolution.is_ok() {
                "mentioned only, never an event's place"
            } else {
                "not a place"
            };
            let _ = writeln!(
                out,
                "  [{}..{}) {:?} ({}) -> {}; {use_}",
                m.start,
                m.end,
                s.text(m.start, m.end),
                cues.join(", "),
                outcome(places, &l.resolution),
            );
        }
        for e in events.iter().filter(|e| e.sentence_index as usize == index) {
            let loc = match &e.location {
                Some(l) => format!(
                    "{} {} ({:?}, {:?})",
                    l.name,
                    l.country.as_deref().unwrap_or("-"),
                    l.feature,
                    l.basis
                )
                .to_lowercase()
                .replace("some(", "")
                .replace(')', ""),
                None => "no location".into(),
            };
            let _ = writeln!(
                out,
                "  event {:?} {} {:?} -> {loc}",
                e.event_type, e.cameo, e.trigger.text
            );
        }
    }
    out
}

fn outcome(places: &Places, r: &Result<Resolution, String>) -> String {
    match r {
        Ok(r) => {
            let p = places.gazetteer().place(r.place);
            format!("{} {} as {:?} [{}]", p.name, p.country, r.feature, r.why)
        }
        Err(why) => format!("rejected: {why}"),
    }
}
