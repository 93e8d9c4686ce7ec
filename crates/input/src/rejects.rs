//! Rejects written as JSON Lines, one object a line:
//! `{"file": "data.jsonl", "line": 17, "reason": "truncated JSON (...)", "excerpt": "{\"id\": ..."}`.

use std::io::{self, Write};

use serde::Serialize;

use crate::Reject;

/// Writes rejects as JSON Lines to any writer (a `--rejects` file).
pub struct RejectWriter<W: Write> {
    out: W,
}

#[derive(Serialize)]
struct RejectRecord<'a> {
    file: &'a str,
    line: Option<u64>,
    reason: String,
    excerpt: &'a str,
}

impl<W: Write> RejectWriter<W> {
    /// Writes to `out`; wrap a file in a `BufWriter`, since each reject is a small write.
    pub fn new(out: W) -> RejectWriter<W> {
        RejectWriter { out }
    }

    /// Writes one reject as one line.
    pub fn write(&mut self, reject: &Reject) -> io::Result<()> {
        let record = RejectRecord {
            file: &reject.file,
            line: reject.line,
            reason: reject.reason.to_string(),
            excerpt: &reject.excerpt,
        };
        serde_json::to_writer(&mut self.out, &record)?;
        self.out.write_all(b"\n")
    }

    /// Flushes the underlying writer.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// The underlying writer.
    pub fn get_ref(&self) -> &W {
        &self.out
    }

    /// Gives back the underlying writer (unflushed data stays in it).
    pub fn into_inner(self) -> W {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RejectReason;

    #[test]
    fn one_json_object_a_line() {
        let mut writer = RejectWriter::new(Vec::new());
        let long_line = format!("{{\"text\": \"{}", "x".repeat(1000));
        writer
            .write(&Reject::new(
                "data.jsonl".into(),
                Some(17),
                RejectReason::TruncatedJson("EOF while parsing a string at column 1011".into()),
                long_line.as_bytes(),
            ))
            .unwrap();
        writer
            .write(&Reject::new(
                "notes.bin".into(),
                None,
                RejectReason::Binary("NUL byte at byte 3".into()),
                b"ab\0\xff",
            ))
            .unwrap();
        let written = String::from_utf8(writer.into_inner()).unwrap();
        let rows: Vec<serde_json::Value> = written
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["file"], "data.jsonl");
        assert_eq!(rows[0]["line"], 17);
        assert_eq!(
            rows[0]["reason"],
            "truncated JSON (EOF while parsing a string at column 1011)"
        );
        assert_eq!(rows[0]["excerpt"].as_str().unwrap().chars().count(), 200);
        assert_eq!(rows[1]["line"], serde_json::Value::Null);
        assert_eq!(rows[1]["excerpt"], "ab\0\u{fffd}");
    }
}
