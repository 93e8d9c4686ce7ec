//! Where dictionary text comes from: the copies embedded in the binary, or a
//! folder with the same layout as `data/`.

use crate::DictError;
use std::path::Path;

/// One dictionary file's name (relative to the data folder) and contents.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the data folder, e.g. `actors/countries.txt`.
    pub name: String,
    /// The file's text.
    pub text: String,
}

/// All dictionary files, grouped by role.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// `actors/*.txt`, in name order.
    pub actors: Vec<SourceFile>,
    /// `agents.txt`.
    pub agents: Option<SourceFile>,
    /// `verbs.txt`.
    pub verbs: Option<SourceFile>,
    /// `verbs-*.txt` (imported patterns), in name order: read after
    /// `verbs.txt`, whose patterns win every equal match.
    pub extra_verbs: Vec<SourceFile>,
    /// `verb_forms.txt`.
    pub verb_forms: Option<SourceFile>,
    /// `cues.txt`.
    pub cues: Option<SourceFile>,
    /// `cameo.tsv`.
    pub cameo: Option<SourceFile>,
    /// `discards.txt`: phrases that stop a sentence or story being coded.
    pub discards: Option<SourceFile>,
    /// `issues.txt`: phrases that mark what a sentence is about.
    pub issues: Option<SourceFile>,
    /// Accept event codes that are not in the CAMEO table (dictionaries
    /// imported from other coders, e.g. PETRARCH's validation suite). Events
    /// with such codes are kept for evaluation but never written as records.
    pub foreign_codes: bool,
}

macro_rules! embedded {
    ($name:literal) => {
        SourceFile {
            name: $name.to_string(),
            text: include_str!(concat!("../../../data/", $name)).to_string(),
        }
    };
}

impl Sources {
    /// The dictionaries shipped with dyad, embedded at build time.
    pub fn builtin() -> Sources {
        Sources {
            actors: vec![
                embedded!("actors/countries.txt"),
                embedded!("actors/groups.txt"),
                embedded!("actors/organisations.txt"),
                embedded!("actors/phoenix-international.txt"),
                embedded!("actors/phoenix-nonstate.txt"),
                embedded!("actors/phoenix-people.txt"),
            ],
            agents: Some(embedded!("agents.txt")),
            verbs: Some(embedded!("verbs.txt")),
            extra_verbs: vec![embedded!("verbs-cameo.txt")],
            verb_forms: Some(embedded!("verb_forms.txt")),
            cues: Some(embedded!("cues.txt")),
            cameo: Some(embedded!("cameo.tsv")),
            discards: Some(embedded!("discards.txt")),
            issues: Some(embedded!("issues.txt")),
            foreign_codes: false,
        }
    }

    /// Reads a folder laid out like `data/`. Missing files are left out;
    /// [`crate::Dictionaries::compile`] says which ones it needs.
    pub fn from_dir(dir: &Path) -> Result<Sources, DictError> {
        let read = |name: &str| -> Result<Option<SourceFile>, DictError> {
            let path = dir.join(name);
            if !path.exists() {
                return Ok(None);
            }
            let text = std::fs::read_to_string(&path).map_err(|source| DictError::Io {
                path: path.display().to_string(),
                source,
            })?;
            Ok(Some(SourceFile {
                name: name.to_string(),
                text,
            }))
        };
        // The `.txt` files of a folder whose names start with `prefix`, in name order.
        let txt_files = |sub: &Path, prefix: &str| -> Result<Vec<String>, DictError> {
            if !sub.is_dir() {
                return Ok(Vec::new());
            }
            let entries = std::fs::read_dir(sub).map_err(|source| DictError::Io {
                path: sub.display().to_string(),
                source,
            })?;
            let mut names: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(prefix) && n.ends_with(".txt"))
                .collect();
            names.sort();
            Ok(names)
        };
        let mut actors = Vec::new();
        for n in txt_files(&dir.join("actors"), "")? {
            actors.extend(read(&format!("actors/{n}"))?);
        }
        let mut extra_verbs = Vec::new();
        for n in txt_files(dir, "verbs-")? {
            extra_verbs.extend(read(&n)?);
        }
        Ok(Sources {
            actors,
            agents: read("agents.txt")?,
            verbs: read("verbs.txt")?,
            extra_verbs,
            verb_forms: read("verb_forms.txt")?,
            cues: read("cues.txt")?,
            cameo: read("cameo.tsv")?,
            discards: read("discards.txt")?,
            issues: read("issues.txt")?,
            foreign_codes: false,
        })
    }

    /// Overlays `other` on `self`: files `other` has replace or extend
    /// (actor and `verbs-*.txt` files are added after the built-in ones).
    pub fn overlay(mut self, other: Sources) -> Sources {
        for (mine, theirs) in [
            (&mut self.actors, other.actors),
            (&mut self.extra_verbs, other.extra_verbs),
        ] {
            for f in theirs {
                if let Some(existing) = mine.iter_mut().find(|a| a.name == f.name) {
                    *existing = f;
                } else {
                    mine.push(f);
                }
            }
        }
        macro_rules! take {
            ($field:ident) => {
                if other.$field.is_some() {
                    self.$field = other.$field;
                }
            };
        }
        take!(agents);
        take!(verbs);
        take!(verb_forms);
        take!(cues);
        take!(cameo);
        take!(discards);
        take!(issues);
        self.foreign_codes |= other.foreign_codes;
        self
    }
}

/// The meaningful lines of a dictionary file: comments and blank lines
/// removed, with 1-based line numbers.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let line = strip_comment(raw).trim_end();
        if line.trim().is_empty() {
            None
        } else {
            Some((i + 1, line))
        }
    })
}

/// Removes a `#` comment: one at the start of a line, or after whitespace.
fn strip_comment(line: &str) -> &str {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        // `## 112 title` opens a block of the verb lexicon; any other `#` line is a comment.
        let header = trimmed
            .strip_prefix("##")
            .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        if !header {
            return "";
        }
        return line.split(" #").next().unwrap_or(line);
    }
    let bytes = line.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'#' && i > 0 && bytes[i - 1].is_ascii_whitespace() {
            return &line[..i];
        }
    }
    line
}
