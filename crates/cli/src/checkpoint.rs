//! The `OUT.progress` sidecar that makes `dyad code -o OUT` resumable.
//!
//! After each batch is flushed, the sidecar records what the run is (inputs,
//! settings, coder version) and how far it got (items consumed, and the byte
//! lengths of OUT and the rejects file at that point). A resumed run checks
//! it is the same run, truncates the files to those lengths (dropping a
//! batch that was partly written when the run stopped), skips the items
//! already done and appends. Written to a temporary file and renamed, so the
//! sidecar on disk is always a whole one.

use std::ffi::OsString;
use std::fs;
use std::io::{self, ErrorKind};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use anyhow::Context;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::summary::Totals;

/// What makes two runs the same run: resuming is only sound when the input
/// items and their coding would be the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunIdentity {
    /// The coder that wrote the events.
    pub coder_version: String,
    /// The inputs, in command-line order.
    pub inputs: Vec<InputStamp>,
    /// `--dictionaries`, absolute.
    pub dictionaries: Option<String>,
    /// `--published`.
    pub published: Option<NaiveDate>,
    /// `--id`.
    pub id: Option<String>,
    /// `--max-doc-bytes`.
    pub max_doc_bytes: u64,
    /// `--rejects`, absolute.
    pub rejects: Option<String>,
}

/// One input path and what it looked like when the run started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputStamp {
    /// Absolute path.
    pub path: String,
    /// Size of a file (not of a directory).
    pub bytes: Option<u64>,
    /// Last modification, seconds since the Unix epoch.
    pub modified: Option<u64>,
}

impl InputStamp {
    /// Stamps `path` as it is now; a path that cannot be read stamps as absent.
    pub fn of(path: &Path) -> InputStamp {
        let metadata = fs::metadata(path).ok();
        InputStamp {
            path: absolute(path),
            bytes: metadata.as_ref().filter(|m| m.is_file()).map(|m| m.len()),
            modified: metadata
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_secs()),
        }
    }
}

/// `path` made absolute (not resolved), as text.
pub fn absolute(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

impl RunIdentity {
    /// What differs between two runs, if anything, named as the user knows it.
    pub fn difference(&self, other: &RunIdentity) -> Option<&'static str> {
        if self.inputs != other.inputs {
            Some("the inputs (paths, sizes or modification times)")
        } else if self.coder_version != other.coder_version {
            Some("the coder version")
        } else if self.dictionaries != other.dictionaries {
            Some("--dictionaries")
        } else if self.published != other.published {
            Some("--published")
        } else if self.id != other.id {
            Some("--id")
        } else if self.max_doc_bytes != other.max_doc_bytes {
            Some("--max-doc-bytes")
        } else if self.rejects != other.rejects {
            Some("--rejects")
        } else {
            None
        }
    }
}

/// How far a run got, as of the last flushed batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// Which run this is.
    pub run: RunIdentity,
    /// Counts up to the last flushed batch.
    pub done: Totals,
    /// Length of OUT after that batch.
    pub output_bytes: u64,
    /// Length of the rejects file after that batch (0 without one).
    pub rejects_bytes: u64,
}

/// The sidecar of `out`: `out` with `.progress` appended.
pub fn sidecar_path(out: &Path) -> PathBuf {
    let mut name = OsString::from(out.as_os_str());
    name.push(".progress");
    PathBuf::from(name)
}

impl Checkpoint {
    /// Reads a sidecar; `None` when there is none.
    pub fn load(path: &Path) -> anyhow::Result<Option<Checkpoint>> {
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        };
        let checkpoint = serde_json::from_slice(&bytes).with_context(|| {
            format!(
                "{} is not a dyad progress file; delete it to start over",
                path.display()
            )
        })?;
        Ok(Some(checkpoint))
    }

    /// Replaces the sidecar at `path` in one step (write a temporary file, rename).
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let mut temporary = OsString::from(path.as_os_str());
        temporary.push(".tmp");
        let temporary = PathBuf::from(temporary);
        fs::write(&temporary, serde_json::to_vec_pretty(self)?)?;
        fs::rename(&temporary, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity(dir: &Path) -> RunIdentity {
        RunIdentity {
            coder_version: "dyad 0.1.0".into(),
            inputs: vec![InputStamp::of(&dir.join("a.jsonl"))],
            dictionaries: None,
            published: None,
            id: None,
            max_doc_bytes: 100,
            rejects: None,
        }
    }

    #[test]
    fn save_then_load_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.jsonl"), "{}\n").unwrap();
        let path = sidecar_path(&dir.path().join("out.jsonl"));
        assert!(path.ends_with("out.jsonl.progress"));
        assert_eq!(Checkpoint::load(&path).unwrap(), None);
        let checkpoint = Checkpoint {
            run: identity(dir.path()),
            done: Totals {
                items: 3,
                ..Totals::default()
            },
            output_bytes: 1234,
            rejects_bytes: 56,
        };
        checkpoint.save(&path).unwrap();
        assert_eq!(Checkpoint::load(&path).unwrap(), Some(checkpoint));
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 2, "no temporary file left: {leftovers:?}");
    }

    #[test]
    fn garbage_sidecar_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl.progress");
        fs::write(&path, "half a {").unwrap();
        let err = Checkpoint::load(&path).unwrap_err().to_string();
        assert!(
            err.ends_with("is not a dyad progress file; delete it to start over"),
            "{err}"
        );
    }

    #[test]
    fn differences_are_named() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.jsonl"), "{}\n").unwrap();
        let base = identity(dir.path());
        assert_eq!(base.difference(&base.clone()), None);
        let changed_file = {
            fs::write(dir.path().join("a.jsonl"), "{}\n{}\n").unwrap();
            identity(dir.path())
        };
        assert_eq!(
            base.difference(&changed_file),
            Some("the inputs (paths, sizes or modification times)")
        );
        let other_limit = RunIdentity {
            max_doc_bytes: 5,
            ..base.clone()
        };
        assert_eq!(base.difference(&other_limit), Some("--max-doc-bytes"));
    }
}
