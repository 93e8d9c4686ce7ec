//! The discard list (`discards.txt`) and the issue dictionary
//! (`issues.txt`): phrases found anywhere in a sentence, by whole words.
//!
//! Discards stop coding: a sentence about a football match or a historical
//! chronology yields no events (`story:` phrases stop the whole document).
//! Issues say what a sentence is about and add PLOVER contexts to its events.

use crate::phrase::phrase_key;
use crate::source::{lines, SourceFile};
use crate::{DictError, Origin};
use aho_corasick::{AhoCorasick, MatchKind};

/// Whole-word phrases over a sentence's lower-case tokens; a phrase written
/// with a final `*` matches any word that starts with its last word.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(into = "Vec<String>", from = "Vec<String>")]
pub struct WordPhrases {
    automaton: Option<AhoCorasick>,
    /// The padded patterns the automaton was built from: an automaton has no
    /// serial form, so the compiled dictionaries store these and rebuild it.
    patterns: Vec<String>,
}

impl From<Vec<String>> for WordPhrases {
    fn from(patterns: Vec<String>) -> WordPhrases {
        if patterns.is_empty() {
            return WordPhrases::default();
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        WordPhrases {
            automaton,
            patterns,
        }
    }
}

impl From<WordPhrases> for Vec<String> {
    fn from(w: WordPhrases) -> Vec<String> {
        w.patterns
    }
}

impl WordPhrases {
    /// Builds the matcher from `(phrase key, stem)` pairs.
    fn new(phrases: &[(String, bool)]) -> WordPhrases {
        let pats: Vec<String> = phrases
            .iter()
            .map(|(k, stem)| {
                if *stem {
                    format!(" {k}")
                } else {
                    format!(" {k} ")
                }
            })
            .collect();
        WordPhrases::from(pats)
    }

    /// Indices of the phrases found in `lower` (tokens joined by spaces).
    pub fn find(&self, lower: &str) -> Vec<usize> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let padded = format!(" {lower} ");
        let mut out: Vec<usize> = ac
            .find_overlapping_iter(&padded)
            .map(|m| m.pattern().as_usize())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// A phrase and what it belongs to.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ListPhrase {
    /// As written.
    pub text: String,
    /// Discard: whole document rather than the sentence. Issue: the issue code.
    pub tag: String,
    /// Where it was written.
    pub origin: Origin,
}

/// The compiled discard list.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Discards {
    /// Phrases in file order; `tag` is `story` or `sentence`.
    pub phrases: Vec<ListPhrase>,
    matcher: WordPhrases,
}

/// Parses one list line into its phrase key and whether it is a stem.
fn key_of(file: &SourceFile, line: usize, p: &str) -> Result<(String, bool), DictError> {
    let stem = p.ends_with('*');
    let key = phrase_key(p.trim_end_matches('*'));
    if key.is_empty() {
        return Err(DictError::Syntax {
            path: file.name.clone(),
            line,
            message: format!("phrase {p:?} has no words"),
        });
    }
    Ok((key, stem))
}

impl Discards {
    /// Parses `discards.txt`: one phrase a line, `story: ` before a phrase
    /// that discards the whole document, `*` after a word stem.
    pub fn compile(file: Option<&SourceFile>) -> Result<Discards, DictError> {
        let Some(file) = file else {
            return Ok(Discards::default());
        };
        let mut phrases = Vec::new();
        let mut keys = Vec::new();
        for (line, text) in lines(&file.text) {
            let t = text.trim();
            let (tag, p) = match t.strip_prefix("story:") {
                Some(rest) => ("story", rest.trim()),
                None => ("sentence", t),
            };
            keys.push(key_of(file, line, p)?);
            phrases.push(ListPhrase {
                text: p.to_string(),
                tag: tag.to_string(),
                origin: Origin {
                    file: file.name.as_str().into(),
                    line,
                },
            });
        }
        Ok(Discards {
            matcher: WordPhrases::new(&keys),
            phrases,
        })
    }

    /// The first discard phrase found in a sentence's lower-case tokens.
    pub fn find(&self, lower: &str) -> Option<&ListPhrase> {
        self.matcher.find(lower).first().map(|&i| &self.phrases[i])
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

/// The compiled issue dictionary.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Issues {
    /// Phrases in file order; `tag` is the issue code.
    pub phrases: Vec<ListPhrase>,
    /// PLOVER contexts of each phrase (from its category).
    pub contexts: Vec<Vec<String>>,
    matcher: WordPhrases,
    ignore: WordPhrases,
}

impl Issues {
    /// Parses `issues.txt`: `[CATEGORY] context=a,b` headers, then
    /// `CODE = phrase | phrase` lines and `ignore = phrase | phrase` lines
    /// (an ignore phrase in a sentence cancels its issues).
    pub fn compile(file: Option<&SourceFile>) -> Result<Issues, DictError> {
        let Some(file) = file else {
            return Ok(Issues::default());
        };
        let mut out = Issues::default();
        let mut keys = Vec::new();
        let mut ignore = Vec::new();
        let mut contexts: Vec<String> = Vec::new();
        for (line, text) in lines(&file.text) {
            let t = text.trim();
            if let Some(rest) = t.strip_prefix('[') {
                let (_, fields) = rest.split_once(']').ok_or_else(|| DictError::Syntax {
                    path: file.name.clone(),
                    line,
                    message: "a category is written `[NAME] context=a,b`".into(),
                })?;
                contexts = fields
                    .split_whitespace()
                    .filter_map(|f| f.strip_prefix("context="))
                    .flat_map(|c| c.split(',').map(str::to_string))
                    .filter(|c| !c.is_empty())
                    .collect();
                continue;
            }
            let (code, list) = t.split_once('=').ok_or_else(|| DictError::Syntax {
                path: file.name.clone(),
                line,
                message: "expected `CODE = phrase | phrase` or `ignore = phrase`".into(),
            })?;
            let code = code.trim();
            for p in list.split('|').map(str::trim).filter(|p| !p.is_empty()) {
                let k = key_of(file, line, p)?;
                if code == "ignore" {
                    ignore.push(k);
                    continue;
                }
                keys.push(k);
                out.phrases.push(ListPhrase {
                    text: p.to_string(),
                    tag: code.to_string(),
                    origin: Origin {
                        file: file.name.as_str().into(),
                        line,
                    },
                });
                out.contexts.push(contexts.clone());
            }
        }
        out.matcher = WordPhrases::new(&keys);
        out.ignore = WordPhrases::new(&ignore);
        Ok(out)
    }

    /// The issue phrases found in a sentence (none when an ignore phrase is there).
    pub fn find(&self, lower: &str) -> Vec<usize> {
        if self.phrases.is_empty() || !self.ignore.find(lower).is_empty() {
            return Vec::new();
        }
        self.matcher.find(lower)
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discards_match_whole_words_and_stems() {
        let f = SourceFile {
            name: "discards.txt".into(),
            text: "world cup\nstory: academy award\nbasketball*\n".into(),
        };
        let d = Discards::compile(Some(&f)).unwrap();
        assert_eq!(
            d.find("they won the world cup final").unwrap().tag,
            "sentence"
        );
        assert!(d.find("the world cupboard").is_none());
        assert_eq!(d.find("two basketballs").unwrap().text, "basketball*");
        assert_eq!(d.find("an academy award for him").unwrap().tag, "story");
    }

    #[test]
    fn ignore_phrases_cancel_issues() {
        let f = SourceFile {
            name: "issues.txt".into(),
            text: "[ATROCITY] context=human_rights\nID_ATROCITY = massacre | massacres\nignore = saturday night massacre\n".into(),
        };
        let i = Issues::compile(Some(&f)).unwrap();
        let hit = i.find("the massacre of villagers");
        assert_eq!(hit.len(), 1);
        assert_eq!(i.contexts[hit[0]], vec!["human_rights".to_string()]);
        assert!(i.find("the saturday night massacre").is_empty());
    }
}
