//! Cue words (`cues.txt`): attribution, modality and grammar word lists,
//! and the compose table that says what a cue does to the verb it governs.

use crate::phrase::{phrase_key, PhraseMatcher};
use crate::source::{lines, SourceFile};
use crate::verbs::{Inflector, VerbForms};
use crate::{DictError, Origin};
use rustc_hash::FxHashMap;

/// The sections the coder reads. A file may leave any out.
pub const SECTIONS: &[&str] = &[
    "reporting",
    "according",
    "report_noun",
    "anonymous",
    "negation",
    "future",
    "intent",
    "conditional",
    "hypothetical",
    "allege",
    "deny",
    "request",
    "demand",
    "refuse",
    "threaten",
    "preposition",
    "place_preposition",
    "recipient_preposition",
    "determiner",
    "quantity",
    "pronoun_plural",
    "pronoun_singular",
    "pronoun_person",
    "relative",
    "subordinator",
    "coordinator",
    "auxiliary",
    "be",
    "adverb",
    "background",
    "state",
    "document",
];

// A word's sections are kept as bits of a u64.
const _: () = assert!(SECTIONS.len() <= 64);

/// A cue section, by index into [`SECTIONS`].
pub type Section = usize;

/// Looks up a section's index by name.
pub fn section(name: &str) -> Section {
    SECTIONS
        .iter()
        .position(|s| *s == name)
        .unwrap_or_else(|| panic!("unknown cue section {name}"))
}

/// One line of `[compose]`: a cue class turns a verb code into another.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ComposeRule {
    /// Cue section name: intent, request, demand, refuse, threaten.
    pub cue: String,
    /// CAMEO prefix of the governed verb's code.
    pub prefix: String,
    /// The resulting CAMEO code.
    pub result: String,
    /// Where it was written.
    pub origin: Origin,
}

/// All cues, compiled.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Cues {
    /// Every cue phrase key, with its section.
    pub phrases: Vec<(String, Section)>,
    /// Finds cue phrases in tokens; pattern index points into `phrases`.
    pub matcher: PhraseMatcher,
    /// Single-word cues: the sections each is in, one bit per section.
    words: FxHashMap<String, u64>,
    /// The compose table.
    pub compose: Vec<ComposeRule>,
}

impl Cues {
    /// Parses `cues.txt`.
    ///
    /// Every form of a `~verb` cue is added to `verb_forms`, so the coder
    /// knows "said" and "saying" are verbs.
    pub fn compile(
        file: &SourceFile,
        inflector: &Inflector,
        verb_forms: &mut FxHashMap<String, (String, VerbForms)>,
    ) -> Result<Cues, DictError> {
        let mut phrases: Vec<(String, Section)> = Vec::new();
        let mut words: FxHashMap<String, u64> = FxHashMap::default();
        let mut compose = Vec::new();
        let mut current: Option<&str> = None;
        let mut seen: FxHashMap<(String, Section), ()> = FxHashMap::default();
        for (line, text) in lines(&file.text) {
            let text = text.trim();
            if let Some(name) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                if name != "compose" && !SECTIONS.contains(&name) {
                    return Err(DictError::Syntax {
                        path: file.name.clone(),
                        line,
                        message: format!(
                            "unknown section [{name}]; known: {}, compose",
                            SECTIONS.join(", ")
                        ),
                    });
                }
                current = Some(
                    SECTIONS
                        .iter()
                        .find(|s| **s == name)
                        .copied()
                        .unwrap_or("compose"),
                );
                continue;
            }
            let Some(sec_name) = current else {
                return Err(DictError::Syntax {
                    path: file.name.clone(),
                    line,
                    message: "cue before the first [section]".into(),
                });
            };
            if sec_name == "compose" {
                let parts: Vec<&str> = text.split_whitespace().collect();
                if parts.len() != 3
                    || !matches!(
                        parts[0],
                        "intent" | "request" | "demand" | "refuse" | "threaten"
                    )
                {
                    return Err(DictError::Syntax {
                        path: file.name.clone(),
                        line,
                        message: "expected `intent|request|demand|refuse|threaten PREFIX CODE`"
                            .into(),
                    });
                }
                compose.push(ComposeRule {
                    cue: parts[0].to_string(),
                    prefix: parts[1].to_string(),
                    result: parts[2].to_string(),
                    origin: Origin {
                        file: file.name.as_str().into(),
                        line,
                    },
                });
                continue;
            }
            let sec = section(sec_name);
            for word in text.split_whitespace() {
                if let Some(lemma) = word.strip_prefix('~') {
                    let c = inflector.conjugate(lemma);
                    for (form, flag) in c.forms() {
                        let e = verb_forms
                            .entry(form.to_string())
                            .or_insert((c.base.clone(), VerbForms(0)));
                        e.1 .0 |= flag;
                    }
                }
            }
            let mut keys = expand(text, inflector);
            // "ready to" also as "ready", for text that puts words between
            // the cue and its "to" ("always ready" to exchange).
            if matches!(
                sec_name,
                "intent" | "refuse" | "threaten" | "request" | "demand"
            ) {
                let bare: Vec<String> = keys
                    .iter()
                    .filter_map(|k| k.strip_suffix(" to").map(str::to_string))
                    .collect();
                keys.extend(bare);
            }
            for key in keys {
                if !key.contains(' ') {
                    *words.entry(key.clone()).or_default() |= 1 << sec;
                }
                if seen.insert((key.clone(), sec), ()).is_none() {
                    phrases.push((key, sec));
                }
            }
        }
        compose.sort_by_key(|r| std::cmp::Reverse(r.prefix.len()));
        let matcher = PhraseMatcher::new(phrases.iter().map(|(k, _)| k.as_str()));
        Ok(Cues {
            phrases,
            matcher,
            words,
            compose,
        })
    }

    /// True when the single word `lower` is in section `sec`.
    pub fn is(&self, sec: Section, lower: &str) -> bool {
        self.sections(lower) & (1 << sec) != 0
    }

    /// Every section the single word `lower` is in, as bit `1 << section`.
    pub fn sections(&self, lower: &str) -> u64 {
        self.words.get(lower).copied().unwrap_or(0)
    }

    /// The code a cue of class `cue` makes of a verb coded `code`, by the
    /// longest matching prefix.
    pub fn compose(&self, cue: &str, code: &str) -> Option<&ComposeRule> {
        self.compose
            .iter()
            .find(|r| r.cue == cue && code.starts_with(&r.prefix))
    }
}

/// A cue line's concrete phrase keys: `~verb` words expand to every form.
pub(crate) fn expand(text: &str, inflector: &Inflector) -> Vec<String> {
    let mut keys = vec![String::new()];
    for word in text.split_whitespace() {
        let forms: Vec<String> = match word.strip_prefix('~') {
            Some(lemma) => {
                let c = inflector.conjugate(lemma);
                let mut f: Vec<String> = c.forms().iter().map(|(w, _)| w.to_string()).collect();
                f.dedup();
                f
            }
            None => vec![word.to_string()],
        };
        keys = keys
            .iter()
            .flat_map(|k| {
                forms.iter().map(move |f| {
                    if k.is_empty() {
                        f.clone()
                    } else {
                        format!("{k} {f}")
                    }
                })
            })
            .collect();
    }
    keys.into_iter()
        .map(|k| phrase_key(&k))
        .filter(|k| !k.is_empty())
        .collect()
}
