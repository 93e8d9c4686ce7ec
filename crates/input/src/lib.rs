//! dyad's input stage: paths in, a stream of documents and rejects out.
//!
//! Owns reading JSON Lines, plain text, gzip, directories and stdin, the size
//! limit on one document, and the checks that set bad input aside as a
//! [`Reject`] naming its file, line and reason. It never stops on bad input,
//! holds at most one document (bounded by `max_doc_bytes`) in memory at a
//! time, and knows nothing of coding: it must not touch the coder or the
//! dictionaries.
//!
//! ```no_run
//! use dyad_input::{read_inputs, Input, InputOptions};
//!
//! for input in read_inputs(["articles.jsonl", "more/"], InputOptions::default()) {
//!     match input {
//!         Input::Doc(doc) => println!("{}:{} {}", doc.file, doc.line, doc.value.id),
//!         Input::Reject(reject) => eprintln!("rejected {reject}"),
//!     }
//! }
//! ```

mod date;
mod lines;
mod record;
mod rejects;
mod sources;

use std::fmt;
use std::io;
use std::sync::Arc;

use chrono::NaiveDate;
use dyad_model::Document;

pub use date::{parse_date, DateError};
pub use rejects::RejectWriter;
pub use sources::{read_inputs, Inputs};

/// Default limit on one document: a JSON line or a whole `.txt` file (5 MiB).
pub const DEFAULT_MAX_DOC_BYTES: u64 = 5 * 1024 * 1024;

/// Longest excerpt kept with a reject, in characters.
pub const EXCERPT_CHARS: usize = 200;

/// What standard input (`-`) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StdinFormat {
    /// JSON Lines, one document a line.
    #[default]
    Jsonl,
    /// Plain text, all of it one document.
    Txt,
}

/// How to read the inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputOptions {
    /// Largest document accepted, in bytes: a JSON line (without its newline)
    /// or a whole `.txt` file (after decompression).
    pub max_doc_bytes: u64,
    /// Id of plain-text documents; without it, the file stem (`stdin` for `-`).
    pub id: Option<String>,
    /// Publication date of documents that have none: every plain-text
    /// document, and JSON records whose `published` is null, blank or missing.
    pub published: Option<NaiveDate>,
    /// What `-` holds.
    pub stdin_format: StdinFormat,
}

impl Default for InputOptions {
    fn default() -> InputOptions {
        InputOptions {
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            id: None,
            published: None,
            stdin_format: StdinFormat::Jsonl,
        }
    }
}

/// A value and where it was read: file (as given, or `<stdin>`) and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// The file it came from, as named on the command line or found in a directory.
    pub file: Arc<str>,
    /// 1-based line in that file (1 for a plain-text document).
    pub line: u64,
    /// The value itself.
    pub value: T,
}

/// One item of the input stream, in input order.
#[derive(Debug)]
pub enum Input {
    /// A well-formed document.
    Doc(Located<Document>),
    /// Bad input, set aside.
    Reject(Reject),
}

/// Bad input set aside: where it is, why, and how it begins.
#[derive(Debug)]
pub struct Reject {
    /// The file, as named on the command line or found in a directory.
    pub file: Arc<str>,
    /// 1-based line, when the reject is about one line rather than the whole file.
    pub line: Option<u64>,
    /// Why it was set aside.
    pub reason: RejectReason,
    /// The start of the offending input (at most [`EXCERPT_CHARS`] characters,
    /// invalid UTF-8 replaced), empty when there is nothing to show.
    pub excerpt: String,
}

impl Reject {
    /// A reject whose excerpt is taken from the start of `input`.
    pub fn new(file: Arc<str>, line: Option<u64>, reason: RejectReason, input: &[u8]) -> Reject {
        Reject {
            file,
            line,
            reason,
            excerpt: excerpt(input),
        }
    }
}

impl fmt::Display for Reject {
    /// `data.jsonl:17: truncated JSON (...)`, or `data.jsonl: empty file`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.reason),
            None => write!(f, "{}: {}", self.file, self.reason),
        }
    }
}

/// Why input was set aside. The `Display` text is the reason users read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RejectReason {
    /// The path does not exist or cannot be opened.
    #[error("cannot open: {0}")]
    Open(io::Error),
    /// Reading failed part-way (e.g. a corrupt gzip stream); the rest of the file is lost.
    #[error("cannot read: {0}")]
    Read(io::Error),
    /// A file named explicitly whose name does not say what it holds.
    #[error("unsupported file type {} (expected .jsonl, .json, .txt, each optionally .gz, or - for stdin)", describe_extension(.0.as_deref()))]
    UnsupportedFileType(Option<String>),
    /// A file of zero bytes.
    #[error("empty file")]
    EmptyFile,
    /// A JSON Lines file with only blank lines.
    #[error("no documents (only blank lines)")]
    NoDocuments,
    /// A directory with no input files in it.
    #[error("no .jsonl, .json or .txt files in this directory")]
    EmptyDirectory,
    /// A file that is not text; the whole file is skipped.
    #[error("binary file ({0})")]
    Binary(String),
    /// A line or text file over the size limit.
    #[error("{what} is {} bytes, over the {}-byte limit", thousands(*.bytes), thousands(*.limit))]
    TooLarge {
        /// `"line"` or `"file"`.
        what: &'static str,
        /// Its size.
        bytes: u64,
        /// The limit in force.
        limit: u64,
    },
    /// Bytes that are not UTF-8.
    #[error("invalid UTF-8 at byte {byte} of the {what}")]
    InvalidUtf8 {
        /// `"line"` or `"file"`.
        what: &'static str,
        /// 1-based byte offset of the first bad byte.
        byte: u64,
    },
    /// A JSON line that ends before the value does.
    #[error("truncated JSON ({0})")]
    TruncatedJson(String),
    /// A JSON line that is not valid JSON.
    #[error("malformed JSON ({0})")]
    MalformedJson(String),
    /// A JSON line holding something other than an object.
    #[error("not a JSON object (found {0})")]
    NotAnObject(&'static str),
    /// A record without a `text` field.
    #[error("missing 'text'")]
    MissingText,
    /// A document whose text is empty or only whitespace.
    #[error("'text' is empty or only whitespace")]
    EmptyText,
    /// A record field of the wrong JSON type.
    #[error("{field}: expected {expected}, found {found}")]
    WrongType {
        /// The field, e.g. `"text"`.
        field: &'static str,
        /// What it may hold, e.g. `"a string"`.
        expected: &'static str,
        /// What it held, e.g. `"an array"`.
        found: &'static str,
    },
    /// A `published` value that is not a date.
    #[error("published: {0}")]
    InvalidDate(DateError),
    /// A later stage failed on this document (reported by the caller, e.g. a coder bug).
    #[error("coding failed: {0}")]
    CodingFailed(String),
}

fn describe_extension(extension: Option<&str>) -> String {
    match extension {
        Some(extension) => format!("'.{extension}'"),
        None => "(no extension)".to_string(),
    }
}

/// `n` with thousands separators: `5242880` → `"5,242,880"`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let (head, tail) = digits.split_at((digits.len() - 1) % 3 + 1);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    out.push_str(head);
    for start in (0..tail.len()).step_by(3) {
        out.push(',');
        out.push_str(&tail[start..start + 3]);
    }
    out
}

/// The first [`EXCERPT_CHARS`] characters of `input`, invalid UTF-8 replaced.
fn excerpt(input: &[u8]) -> String {
    // Four bytes a character at most, so this prefix always holds enough.
    let prefix = &input[..input.len().min(EXCERPT_CHARS * 4)];
    String::from_utf8_lossy(prefix)
        .chars()
        .take(EXCERPT_CHARS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        for (n, want) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (5_242_880, "5,242,880"),
            (20_971_520, "20,971,520"),
            (100_000, "100,000"),
        ] {
            assert_eq!(thousands(n), want);
        }
    }

    #[test]
    fn excerpt_is_bounded_and_lossy() {
        let long = "é".repeat(500);
        assert_eq!(excerpt(long.as_bytes()).chars().count(), EXCERPT_CHARS);
        assert_eq!(excerpt(b"ab\xffcd"), "ab\u{fffd}cd");
        assert_eq!(excerpt(b""), "");
    }

    #[test]
    fn reject_display_names_file_and_line() {
        let with_line = Reject::new(
            "data.jsonl".into(),
            Some(17),
            RejectReason::TruncatedJson("EOF while parsing a string at column 812".into()),
            b"{\"id\": \"x",
        );
        assert_eq!(
            with_line.to_string(),
            "data.jsonl:17: truncated JSON (EOF while parsing a string at column 812)"
        );
        let whole_file = Reject::new("a.txt".into(), None, RejectReason::EmptyFile, b"");
        assert_eq!(whole_file.to_string(), "a.txt: empty file");
        let too_large = RejectReason::TooLarge {
            what: "line",
            bytes: 20_971_520,
            limit: DEFAULT_MAX_DOC_BYTES,
        };
        assert_eq!(
            too_large.to_string(),
            "line is 20,971,520 bytes, over the 5,242,880-byte limit"
        );
    }
}
