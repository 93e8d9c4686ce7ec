//! One JSON Lines record to a [`Document`], or the reason it cannot be one.
//! Known fields are checked for type; unknown fields are ignored.

use chrono::NaiveDate;
use dyad_model::Document;
use serde_json::{Map, Value};

use crate::{parse_date, RejectReason};

/// What a record needs from its surroundings.
pub(crate) struct RecordContext<'a> {
    /// Stem of the file name, for derived ids (`{stem}:{line}`).
    pub stem: &'a str,
    /// 1-based line of the record.
    pub line: u64,
    /// Publication date for records that have none.
    pub default_published: Option<NaiveDate>,
}

/// Parses one non-blank line of a JSON Lines file.
pub(crate) fn parse_record(
    line: &[u8],
    context: &RecordContext<'_>,
) -> Result<Document, RejectReason> {
    if let Err(e) = std::str::from_utf8(line) {
        return Err(RejectReason::InvalidUtf8 {
            what: "line",
            byte: e.valid_up_to() as u64 + 1,
        });
    }
    let mut record = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(record)) => record,
        Ok(other) => return Err(RejectReason::NotAnObject(kind(&other))),
        Err(e) => return Err(json_reason(&e)),
    };
    let text = match record.remove("text") {
        None | Some(Value::Null) => return Err(RejectReason::MissingText),
        Some(Value::String(text)) => text,
        Some(other) => return Err(wrong_type("text", "a string", &other)),
    };
    if text.trim().is_empty() {
        return Err(RejectReason::EmptyText);
    }
    let id = match record.remove("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => id,
        Some(Value::Number(id)) => id.to_string(),
        None | Some(Value::Null | Value::String(_)) => format!("{}:{}", context.stem, context.line),
        Some(other) => return Err(wrong_type("id", "a string or a number", &other)),
    };
    let published = match record.remove("published") {
        Some(Value::String(day)) if !day.trim().is_empty() => {
            Some(parse_date(&day).map_err(RejectReason::InvalidDate)?)
        }
        None | Some(Value::Null | Value::String(_)) => context.default_published,
        Some(other) => return Err(wrong_type("published", "a date string or null", &other)),
    };
    Ok(Document {
        id,
        title: optional_string(&mut record, "title")?,
        text,
        published,
        source: optional_string(&mut record, "source")?,
        url: optional_string(&mut record, "url")?,
        dateline: match optional_string(&mut record, "dateline")? {
            Some(place) => Some(place),
            None => optional_string(&mut record, "dateline_place")?,
        },
    })
}

fn optional_string(
    record: &mut Map<String, Value>,
    field: &'static str,
) -> Result<Option<String>, RejectReason> {
    match record.remove(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(value)) => Ok(Some(value)),
        Some(other) => Err(wrong_type(field, "a string or null", &other)),
    }
}

fn wrong_type(field: &'static str, expected: &'static str, found: &Value) -> RejectReason {
    RejectReason::WrongType {
        field,
        expected,
        found: kind(found),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message with the column only, since a record is one line.
fn json_reason(e: &serde_json::Error) -> RejectReason {
    let full = e.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(message, _)| message);
    let detail = format!("{message} at column {}", e.column());
    match e.classify() {
        serde_json::error::Category::Eof => RejectReason::TruncatedJson(detail),
        _ => RejectReason::MalformedJson(detail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONTEXT: RecordContext<'static> = RecordContext {
        stem: "wire",
        line: 7,
        default_published: None,
    };

    fn reason(line: &str) -> String {
        parse_record(line.as_bytes(), &CONTEXT)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn full_record() {
        let line = r#"{"id": "afp-1", "title": "Talks in Astana", "text": "Rebels said on Monday they would attend.", "published": "2017-02-13", "source": "AFP", "url": "https://example.invalid/1", "lang": "en"}"#;
        let doc = parse_record(line.as_bytes(), &CONTEXT).unwrap();
        assert_eq!(
            doc,
            Document {
                id: "afp-1".into(),
                title: Some("Talks in Astana".into()),
                text: "Rebels said on Monday they would attend.".into(),
                published: NaiveDate::from_ymd_opt(2017, 2, 13),
                source: Some("AFP".into()),
                url: Some("https://example.invalid/1".into()),
                dateline: None,
            }
        );
    }

    #[test]
    fn dateline_from_either_field() {
        for line in [
            r#"{"text": "x", "dateline": "SAN SALVADOR"}"#,
            r#"{"text": "x", "dateline_place": "SAN SALVADOR"}"#,
        ] {
            let doc = parse_record(line.as_bytes(), &CONTEXT).unwrap();
            assert_eq!(doc.dateline.as_deref(), Some("SAN SALVADOR"), "{line}");
        }
    }

    #[test]
    fn optional_fields_and_derived_id() {
        for line in [
            r#"{"text": " Troops withdrew. "}"#,
            r#"{"id": null, "title": null, "text": " Troops withdrew. ", "published": null, "source": null, "url": null}"#,
            r#"{"id": "", "text": " Troops withdrew. ", "published": ""}"#,
        ] {
            let doc = parse_record(line.as_bytes(), &CONTEXT).unwrap();
            assert_eq!(doc.id, "wire:7");
            assert_eq!(doc.text, " Troops withdrew. ", "text is kept exactly");
            assert_eq!(
                (doc.title, doc.published, doc.source, doc.url),
                (None, None, None, None)
            );
        }
        let numbered = parse_record(br#"{"id": 1166, "text": "x"}"#, &CONTEXT).unwrap();
        assert_eq!(numbered.id, "1166");
    }

    #[test]
    fn default_published_fills_only_missing_dates() {
        let context = RecordContext {
            default_published: NaiveDate::from_ymd_opt(2020, 1, 1),
            ..CONTEXT
        };
        let missing = parse_record(br#"{"text": "x"}"#, &context).unwrap();
        assert_eq!(missing.published, NaiveDate::from_ymd_opt(2020, 1, 1));
        let given = parse_record(
            br#"{"text": "x", "published": "2017-02-13T08:00:00Z"}"#,
            &context,
        )
        .unwrap();
        assert_eq!(given.published, NaiveDate::from_ymd_opt(2017, 2, 13));
    }

    #[test]
    fn bad_records() {
        for (line, want) in [
            (r#"{"id": "a", "text": "Rebels sa"#, "truncated JSON (EOF while parsing a string at column 30)"),
            (r#"{"id": "a", "text": "x",}"#, "malformed JSON (trailing comma at column 25)"),
            (r#"{"id": "a", "text": "x"} {"#, "malformed JSON (trailing characters at column 26)"),
            ("<html>", "malformed JSON (expected value at column 1)"),
            (r#"["a", "b"]"#, "not a JSON object (found an array)"),
            (r#""just a string""#, "not a JSON object (found a string)"),
            ("42", "not a JSON object (found a number)"),
            (r#"{"id": "a"}"#, "missing 'text'"),
            (r#"{"id": "a", "text": null}"#, "missing 'text'"),
            (r#"{"id": "a", "text": ["x"]}"#, "text: expected a string, found an array"),
            (r#"{"id": "a", "text": 3}"#, "text: expected a string, found a number"),
            (r#"{"id": "a", "text": ""}"#, "'text' is empty or only whitespace"),
            (r#"{"id": "a", "text": " \n\t\u00a0 "}"#, "'text' is empty or only whitespace"),
            (r#"{"id": ["a"], "text": "x"}"#, "id: expected a string or a number, found an array"),
            (r#"{"text": "x", "title": 5}"#, "title: expected a string or null, found a number"),
            (r#"{"text": "x", "source": {}}"#, "source: expected a string or null, found an object"),
            (r#"{"text": "x", "url": true}"#, "url: expected a string or null, found a boolean"),
            (r#"{"text": "x", "published": 20170213}"#, "published: expected a date string or null, found a number"),
            (r#"{"text": "x", "published": "2017-02-30"}"#, "published: invalid date '2017-02-30' (no such day)"),
            (
                r#"{"text": "x", "published": "13/02/2017"}"#,
                "published: invalid date '13/02/2017' (expected YYYY-MM-DD or an ISO 8601 date-time)",
            ),
        ] {
            assert_eq!(reason(line), want, "{line}");
        }
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        let line = b"{\"text\": \"caf\xe9\"}";
        let got = parse_record(line, &CONTEXT).unwrap_err();
        assert_eq!(got.to_string(), "invalid UTF-8 at byte 14 of the line");
    }

    #[test]
    fn deep_nesting_is_rejected_not_a_stack_overflow() {
        let line = format!(
            r#"{{"text": "x", "extra": {}{}}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(
            reason(&line).starts_with("malformed JSON (recursion limit exceeded"),
            "{}",
            reason(&line)
        );
    }
}
