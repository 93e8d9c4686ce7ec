//! What the document has said so far: the actors mentioned, for pronouns
//! ("they", "he", "it"), role words ("the official"), countries of bare
//! agents ("the government") and the authors of reports and statements
//! ("the report", "the statement").

use crate::analysis::{Mention, MentionKind};
use rustc_hash::FxHashMap;

/// A coded actor remembered from an earlier mention.
#[derive(Debug, Clone)]
pub(crate) struct Remembered {
    pub text: String,
    pub code: String,
    pub country: Option<String>,
    pub sectors: Vec<String>,
    pub name: Option<String>,
    pub wikidata: Option<String>,
    pub person: bool,
    pub plural: bool,
    pub subject: bool,
    /// An unnamed person ("a rebel official", "an official source").
    pub anonymous: bool,
    /// The words tie the sector to the country (see `Mention::sector_evidence`).
    pub sector_evidence: bool,
    /// For a coordinated group ("the government and rebels"), its members.
    pub members: Vec<Remembered>,
}

/// Document-level memory, filled sentence by sentence.
#[derive(Debug, Default)]
pub(crate) struct Discourse {
    /// Mentions in order, most recent last.
    pub history: Vec<Remembered>,
    /// Countries named in the whole document, with counts (from a first pass).
    pub country_counts: FxHashMap<String, usize>,
    /// Last country seen with each sector.
    pub sector_country: FxHashMap<String, String>,
    /// Who published the last report mentioned.
    pub report_author: Option<Remembered>,
    /// Who made the last statement.
    pub last_speaker: Option<Remembered>,
}

impl Discourse {
    /// The document's most frequently named country.
    pub fn main_country(&self) -> Option<String> {
        self.country_counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| c.clone())
    }

    /// Fills in the country of a bare agent mention.
    pub fn infer_country(&self, m: &mut Mention) {
        if m.kind != MentionKind::Agent || m.country.is_some() {
            return;
        }
        let by_sector = m
            .sectors
            .iter()
            .find_map(|s| self.sector_country.get(s).cloned());
        if let Some(c) = by_sector.or_else(|| self.main_country()) {
            m.country = Some(c);
            m.country_inferred = true;
        }
        m.code = format!(
            "{}{}",
            m.country.clone().unwrap_or_default(),
            m.sectors.concat()
        );
    }

    /// Resolves a pronoun or a role word ("the official") to an earlier actor.
    pub fn resolve(&self, m: &Mention, recent_in_sentence: &[Remembered]) -> Option<Remembered> {
        let wanted = |r: &&Remembered| -> bool {
            if m.kind == MentionKind::Pronoun {
                if m.plural {
                    r.plural
                } else if m.person {
                    r.person
                } else {
                    !r.person && !r.plural
                }
            } else {
                // "the official": the last person mentioned.
                r.person
            }
        };
        recent_in_sentence
            .iter()
            .rev()
            .find(wanted)
            .or_else(|| self.history.iter().rev().filter(|r| r.subject).find(wanted))
            .or_else(|| self.history.iter().rev().find(wanted))
            .cloned()
    }

    /// Remembers a coded mention.
    pub fn remember(&mut self, r: Remembered) {
        if let (Some(c), true) = (&r.country, r.sector_evidence) {
            for s in &r.sectors {
                self.sector_country.insert(s.clone(), c.clone());
            }
        }
        self.history.push(r);
        if self.history.len() > 64 {
            self.history.remove(0);
        }
    }
}

/// What to remember of a coded mention.
pub(crate) fn remembered(m: &Mention, text: &str, subject: bool, anonymous: bool) -> Remembered {
    Remembered {
        text: text.to_string(),
        code: m.code.clone(),
        country: m.country.clone(),
        sectors: m.sectors.clone(),
        name: m.name.clone(),
        wikidata: m.wikidata.clone(),
        person: m.person,
        plural: m.plural,
        subject,
        anonymous,
        sector_evidence: m.sector_evidence,
        members: Vec::new(),
    }
}
