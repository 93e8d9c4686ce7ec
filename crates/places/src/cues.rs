//! The words around a place name (`data/places/cues.txt`): prepositions that
//! make it a location, region and facility nouns, words that put what
//! happens there in the future. Owns the file format; must not look at
//! sentences.

use rustc_hash::FxHashSet;

use crate::PlacesError;

const EMBEDDED: &str = include_str!("../../../data/places/cues.txt");

/// What a noun beside a place name says about the kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Province, department, governorate, state.
    Admin1,
    /// District, municipality, jurisdiction.
    Admin2,
    /// Town, city, village, capital.
    Settlement,
}

/// The cue lists, as sets of lower-case words or phrases.
#[derive(Debug, Default)]
pub struct PlaceCues {
    locative: FxHashSet<String>,
    origin: FxHashSet<String>,
    admin1: FxHashSet<String>,
    admin2: FxHashSet<String>,
    settlement: FxHashSet<String>,
    facility: FxHashSet<String>,
    planned: Vec<Vec<String>>,
    connector: FxHashSet<String>,
    modifier: FxHashSet<String>,
}

impl PlaceCues {
    /// The cue lists shipped inside the binary.
    pub fn builtin() -> Result<PlaceCues, PlacesError> {
        PlaceCues::parse(EMBEDDED)
    }

    /// Reads cue lists in the format of `data/places/cues.txt`.
    pub fn parse(text: &str) -> Result<PlaceCues, PlacesError> {
        let mut cues = PlaceCues::default();
        let mut section: Option<String> = None;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split(" #").next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(name.to_string());
                continue;
            }
            let phrase = line.to_lowercase();
            let set = match section.as_deref() {
                Some("locative") => &mut cues.locative,
                Some("origin") => &mut cues.origin,
                Some("admin1") => &mut cues.admin1,
                Some("admin2") => &mut cues.admin2,
                Some("settlement") => &mut cues.settlement,
                Some("facility") => &mut cues.facility,
                Some("connector") => &mut cues.connector,
                Some("modifier") => &mut cues.modifier,
                Some("planned") => {
                    cues.planned
                        .push(phrase.split_whitespace().map(str::to_string).collect());
                    continue;
                }
                Some(other) => {
                    return Err(PlacesError::Cues {
                        line: i + 1,
                        reason: format!("unknown section [{other}]"),
                    })
                }
                None => {
                    return Err(PlacesError::Cues {
                        line: i + 1,
                        reason: "phrase before any [section]".into(),
                    })
                }
            };
            set.insert(phrase);
        }
        Ok(cues)
    }

    /// A locative phrase: "in", "near", "on the outskirts of".
    pub fn is_locative(&self, phrase: &str) -> bool {
        self.locative.contains(phrase)
    }

    /// A preposition of origin or direction: "from", "to", "of".
    pub fn is_origin(&self, word: &str) -> bool {
        self.origin.contains(word)
    }

    /// The kind of place a noun names: "province", "district", "town".
    pub fn hint(&self, word: &str) -> Option<Hint> {
        if self.admin1.contains(word) {
            Some(Hint::Admin1)
        } else if self.admin2.contains(word) {
            Some(Hint::Admin2)
        } else if self.settlement.contains(word) {
            Some(Hint::Settlement)
        } else {
            None
        }
    }

    /// A building or site: "jail", "base", "farm".
    pub fn is_facility(&self, word: &str) -> bool {
        self.facility.contains(word)
    }

    /// A lower-case word allowed inside a capitalised name ("de", "al").
    pub fn is_connector(&self, word: &str) -> bool {
        self.connector.contains(word)
    }

    /// A word between a preposition and a place: "northwestern", "rural".
    pub fn is_modifier(&self, word: &str) -> bool {
        self.modifier.contains(word)
    }

    /// The planned-time phrases ("next week"), as words.
    pub fn planned(&self) -> &[Vec<String>] {
        &self.planned
    }
}
