//! Helpers shared by the evaluation tests: where `../shared` and
//! `testdata/` are, and a pipeline built once.
#![allow(dead_code)]

use dyad_coder::Pipeline;
use dyad_eval::{evaluate, GoldSet, Report};
use std::path::PathBuf;
use std::sync::OnceLock;

/// A file under `../shared` beside the repository, or `None` (the caller skips).
pub fn shared(relative: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(relative);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} not found", p.display());
        None
    }
}

/// A file under the repository's `testdata/`.
pub fn testdata(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata")
        .join(name)
}

pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().expect("shipped dictionaries load"))
}

/// Reads a gold file (format told from its content) and scores it.
pub fn scored(path: &std::path::Path) -> (GoldSet, Report) {
    let gold = GoldSet::read(path, None, None).expect("gold file reads");
    let report = evaluate(pipeline(), &gold);
    (gold, report)
}
