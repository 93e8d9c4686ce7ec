//! dyad's places stage: an embedded offline gazetteer, place mentions in a
//! sentence with the words around them that say how the text uses them, and
//! disambiguation with the document's countries.
//!
//! Owns: the gazetteer format and lookup (`gazetteer`), finding place
//! mentions and their cues (`mentions`), choosing among same-named places
//! and deciding whether a mention is a place at all (`resolve`). Must not
//! know about events or actors: which place an event happened in is the
//! coder's decision, made from what this crate reports.
//!
//! ```
//! use dyad_places::{CountryContext, Places};
//! use dyad_text::{split_sentences, tokenize, NormText};
//!
//! let places = Places::builtin().unwrap();
//! let text = NormText::new("Government forces shelled villages in Hama province.");
//! let sentence = split_sentences(&text)[0];
//! let tokens = tokenize(&text, sentence);
//! let mentions = places.find(&tokens, text.letter_case());
//! let mut context = CountryContext::default();
//! context.add("SYR", 1.0);
//! let hama = places.resolve(&mentions[0], &context).unwrap();
//! assert_eq!(places.gazetteer().place(hama.place).country, "SYR");
//! ```

#![forbid(unsafe_code)]

mod cues;
mod gazetteer;
mod mentions;
mod resolve;

pub use cues::{Hint, PlaceCues};
pub use gazetteer::{Gazetteer, GazetteerPlace, NameEntry, PlaceId, PlaceKind};
pub use mentions::{fold_key, Dateline, PlaceMention, Preposition};
pub use resolve::{CountryContext, Resolution};

/// An error reading the gazetteer or the place cue list.
#[derive(Debug, thiserror::Error)]
pub enum PlacesError {
    /// The gazetteer file is damaged.
    #[error("gazetteer line {line}: {reason}")]
    Gazetteer {
        /// Line in the decompressed file, 0 when not known.
        line: usize,
        /// What was wrong.
        reason: String,
    },
    /// The cue file has a line the reader does not understand.
    #[error("places/cues.txt:{line}: {reason}")]
    Cues {
        /// Line in the file.
        line: usize,
        /// What was wrong.
        reason: String,
    },
}

/// The gazetteer and the place cues, loaded once and then immutable,
/// `Send + Sync`.
#[derive(Debug)]
pub struct Places {
    gazetteer: Gazetteer,
    cues: PlaceCues,
}

impl Places {
    /// The gazetteer and cues shipped inside the binary.
    pub fn builtin() -> Result<Places, PlacesError> {
        Ok(Places {
            gazetteer: Gazetteer::builtin()?,
            cues: PlaceCues::builtin()?,
        })
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The cue words.
    pub fn cues(&self) -> &PlaceCues {
        &self.cues
    }
}
