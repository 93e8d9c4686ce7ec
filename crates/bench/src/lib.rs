//! The input of dyad's stage benchmarks (`benches/stages.rs`): a fixed slice
//! of real news documents read from `../shared` at bench time, never copied
//! into the repository.

use dyad_model::Document;
use std::path::PathBuf;

/// The corpus the benchmarks read, relative to the repository's parent.
pub const CORPUS: &str = "shared/corpus/muc34/articles.jsonl";

/// How many documents of `CORPUS` the benchmarks code.
pub const DOCUMENTS: usize = 200;

/// The first `DOCUMENTS` documents of `CORPUS`.
///
/// Panics with a message naming the file when `../shared` is not beside the
/// repository: a benchmark without its input has nothing to measure.
pub fn documents() -> Vec<Document> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../..")
        .join(CORPUS);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the benchmarks read ../shared beside the repository)",
            path.display()
        )
    });
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(DOCUMENTS)
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}
