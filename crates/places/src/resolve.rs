//! Which place a mention stands for, and whether it is a place at all. Owns
//! the scoring of same-named places (kind, population, the document's
//! countries, the noun beside the name) and the rules that keep ordinary
//! words and small far-away towns out; must not look at events.

use dyad_model::PlaceFeature;
use rustc_hash::FxHashMap;

use crate::cues::Hint;
use crate::gazetteer::{GazetteerPlace, NameEntry, PlaceId, PlaceKind};
use crate::mentions::PlaceMention;
use crate::Places;

/// A single word with no cue and no capital letter to tell it is a name
/// must name a place at least this large.
const BARE_NAME_POPULATION: u64 = 100_000;
/// A town smaller than this needs a cue or a document about its country.
const SMALL_TOWN_POPULATION: u64 = 15_000;

/// The share of a document's country weight that makes a country one of
/// its own.
const MAIN_COUNTRY_SHARE: f64 = 0.1;

/// The countries a document is about, with weights (how often its actors
/// and unambiguous places name each one).
#[derive(Debug, Clone, Default)]
pub struct CountryContext {
    weights: FxHashMap<String, f64>,
    total: f64,
    /// The heaviest country and its weight.
    top: Option<(String, f64)>,
}

impl CountryContext {
    /// Adds `weight` to country `code` (ISO alpha-3).
    pub fn add(&mut self, code: &str, weight: f64) {
        let w = self.weights.entry(code.to_string()).or_default();
        *w += weight;
        let w = *w;
        self.total += weight;
        let heavier = match &self.top {
            Some((c, tw)) => w > *tw || w == *tw && code < c.as_str(),
            None => w > 0.0,
        };
        if heavier {
            self.top = Some((code.to_string(), w));
        }
    }

    /// The share of the document's weight that `code` has, 0 to 1.
    pub fn share(&self, code: &str) -> f64 {
        if self.total <= 0.0 {
            return 0.0;
        }
        self.weights.get(code).copied().unwrap_or(0.0) / self.total
    }

    /// True when the document names `code` at all.
    pub fn has(&self, code: &str) -> bool {
        self.weights.get(code).is_some_and(|&w| w > 0.0)
    }

    /// True when `code` is one of the countries the document is about: the
    /// heaviest, or at least a tenth of the weight.
    pub fn is_main(&self, code: &str) -> bool {
        let share = self.share(code);
        share >= MAIN_COUNTRY_SHARE
            || share > 0.0 && self.top.as_ref().is_some_and(|(c, _)| c == code)
    }

    /// The countries in order of weight, heaviest first (ties by code).
    pub fn ranked(&self) -> Vec<(&str, f64)> {
        let mut v: Vec<(&str, f64)> = self.weights.iter().map(|(k, &w)| (k.as_str(), w)).collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        v
    }
}

/// How a mention was resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// The chosen place.
    pub place: PlaceId,
    /// The kind of place the text talks about (a region noun or a facility
    /// can override the record's kind).
    pub feature: PlaceFeature,
    /// How many places carry the name.
    pub candidates: usize,
    /// Why this one, in words, for `dyad places`.
    pub why: String,
}

impl Places {
    /// The place a mention stands for, or `None` (with the reason in `Err`)
    /// when the mention is not taken as a place.
    pub fn resolve(&self, m: &PlaceMention, context: &CountryContext) -> Option<Resolution> {
        self.resolve_explained(m, context).ok()
    }

    /// Like [`Places::resolve`], saying why a mention is not a place.
    pub fn resolve_explained(
        &self,
        m: &PlaceMention,
        context: &CountryContext,
    ) -> Result<Resolution, String> {
        let strong_cue = m.is_locative() || m.hint.is_some() || m.based;
        if m.entry.common && (m.case_ambiguous || !strong_cue) {
            return Err(if m.case_ambiguous {
                "a common word, and the case does not mark a name".into()
            } else {
                "a common word, and no place cue".into()
            });
        }
        if m.inside_name && !m.is_locative() {
            return Err("part of a longer capitalised name".into());
        }
        if m.name_continues {
            return Err("part of a longer name the gazetteer does not have".into());
        }
        let (best, candidates) = self.best(m.entry, m.hint, context);
        let p = self.gazetteer().place(best);
        let in_context = context.is_main(p.country);
        let mut why = vec![describe(&p, candidates)];
        if m.facility_name && !in_context {
            return Err(format!("part of a facility's name ({})", why[0]));
        }
        let any_cue = strong_cue || m.preposition.is_some();
        let multiword = m.end - m.start > 1;
        if m.case_ambiguous && !any_cue {
            let big = p.kind != PlaceKind::City || p.population >= BARE_NAME_POPULATION;
            if !(big || multiword && in_context) {
                return Err(format!(
                    "no cue and the case does not mark a name; best is small ({})",
                    why[0]
                ));
            }
        }
        if m.case_ambiguous && m.key.starts_with("the ") && !in_context {
            return Err(format!(
                "starts with 'the' in a text whose case does not mark names ({})",
                why[0]
            ));
        }
        if p.kind == PlaceKind::City
            && !in_context
            && m.case_ambiguous
            && p.population < BARE_NAME_POPULATION
        {
            return Err(format!(
                "the case does not mark names, and a town outside the document's countries ({})",
                why[0]
            ));
        }
        if p.kind == PlaceKind::City && p.population < SMALL_TOWN_POPULATION && !in_context {
            let lax = strong_cue && !m.case_ambiguous;
            if !lax {
                return Err(format!(
                    "a small town outside the document's countries ({})",
                    why[0]
                ));
            }
        }
        if in_context {
            why.push(format!("{} is a country of the document", p.country));
        }
        match &m.preposition {
            Some(crate::Preposition::Locative(w)) => why.push(format!("after '{w}'")),
            Some(crate::Preposition::Origin(w)) => why.push(format!("after '{w}'")),
            None => {}
        }
        if let Some(h) = m.hint {
            why.push(format!("{h:?} noun beside it").to_lowercase());
        }
        let feature = if m.facility.is_some() || m.facility_name {
            PlaceFeature::Facility
        } else {
            feature(&p, m.hint)
        };
        Ok(Resolution {
            place: best,
            feature,
            candidates,
            why: why.join("; "),
        })
    }

    /// Resolves a bare name (a dateline) with the document's countries.
    pub fn resolve_name(&self, key: &str, context: &CountryContext) -> Option<Resolution> {
        let entry = self.gazetteer().lookup(key)?;
        let (best, candidates) = self.best(entry, None, context);
        let p = self.gazetteer().place(best);
        Some(Resolution {
            place: best,
            feature: feature(&p, None),
            candidates,
            why: format!("dateline; {}", describe(&p, candidates)),
        })
    }

    /// The best-scoring place for a name, and how many it has.
    fn best(
        &self,
        entry: NameEntry,
        hint: Option<Hint>,
        context: &CountryContext,
    ) -> (PlaceId, usize) {
        let g = self.gazetteer();
        // A country's name is the country ("Mexico"), or one of its
        // regions ("Georgia"), unless a noun says it is a town.
        let country_named = hint.is_none()
            && g.candidates(entry)
                .any(|id| g.kind(id) == PlaceKind::Country);
        let mut best: Option<(f64, PlaceId)> = None;
        let mut n = 0;
        for id in g.candidates(entry) {
            n += 1;
            let p = g.place(id);
            if country_named && p.kind == PlaceKind::City {
                continue;
            }
            let s = score(&p, hint, context);
            if !matches!(best, Some((b, _)) if b >= s) {
                best = Some((s, id));
            }
        }
        (best.map_or(0, |(_, id)| id), n)
    }
}

fn score(p: &GazetteerPlace<'_>, hint: Option<Hint>, context: &CountryContext) -> f64 {
    let mut s = match p.kind {
        PlaceKind::Country => 3.0,
        PlaceKind::Admin1 => 2.0,
        PlaceKind::City => (p.population.max(1) as f64).log10() / 2.0,
    };
    s += match (hint, p.kind) {
        (Some(Hint::Admin1), PlaceKind::Admin1) => 2.5,
        (Some(Hint::Admin1), PlaceKind::City) => -0.5,
        (Some(Hint::Settlement | Hint::Admin2), PlaceKind::City) => 0.5,
        (Some(Hint::Settlement | Hint::Admin2), _) => -1.0,
        _ => 0.0,
    };
    if context.has(p.country) {
        s += 1.0 + 4.0 * context.share(p.country);
    }
    if context.is_main(p.country) {
        s += 1.0;
    }
    s
}

fn feature(p: &GazetteerPlace<'_>, hint: Option<Hint>) -> PlaceFeature {
    match (p.kind, hint) {
        (PlaceKind::Country, _) => PlaceFeature::Country,
        (PlaceKind::Admin1, _) | (PlaceKind::City, Some(Hint::Admin1)) => PlaceFeature::Admin1,
        (PlaceKind::City, Some(Hint::Admin2)) => PlaceFeature::Admin2,
        (PlaceKind::City, _) => PlaceFeature::City,
    }
}

fn describe(p: &GazetteerPlace<'_>, candidates: usize) -> String {
    let kind = match p.kind {
        PlaceKind::Country => "country".to_string(),
        PlaceKind::Admin1 => "region".to_string(),
        PlaceKind::City => format!("town of {}", p.population),
    };
    if candidates > 1 {
        format!("{} {} ({kind}), best of {candidates}", p.name, p.country)
    } else {
        format!("{} {} ({kind})", p.name, p.country)
    }
}
