//! `dyad dict test FILE`: codes a table of sentences and compares the events
//! with the expected ones, line by line, as PETRARCH2 validates its
//! dictionaries.
//!
//! A table is tab-separated, one sentence a line, `#` lines and blank
//! lines ignored:
//!
//! ```text
//! id <TAB> publication date (YYYY-MM-DD, or empty) <TAB> sentence <TAB> expected
//! ```
//!
//! `expected` is `SOURCE>TARGET:CAMEO` items separated by `;`, or `-` for no
//! event; a side with no actor is empty or `---`. JSON Lines records with
//! `text`, `date` (YYYYMMDD or YYYY-MM-DD), optional `id`, and `expected`
//! (a list of `{sourcecode, targetcode, eventcode}`; items without an
//! `eventcode`, such as `{noevents}` or `{error}`, mean no event) are read
//! too. A line passes when the set of (source, target, code) triples coded
//! equals the expected set; an event with several actors or recipients
//! gives one triple per pair (in a reciprocal event an actor is not paired
//! with itself).

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context};
use chrono::NaiveDate;
use dyad_coder::Pipeline;
use dyad_dict::Dictionaries;
use dyad_model::{Actor, Document, Event};

/// One sentence of a table with the events it should give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// Id, for the report.
    pub id: String,
    /// Line of the table.
    pub line: usize,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// The sentence.
    pub text: String,
    /// Expected (source, target, CAMEO code).
    pub expected: BTreeSet<Triple>,
}

/// Source code, target code, CAMEO code; "" for a side with no actor.
pub type Triple = (String, String, String);

fn show(triples: &BTreeSet<Triple>) -> String {
    if triples.is_empty() {
        return "-".into();
    }
    let side = |s: &str| {
        if s.is_empty() {
            "---".to_string()
        } else {
            s.to_string()
        }
    };
    triples
        .iter()
        .map(|(s, t, c)| format!("{}>{}:{c}", side(s), side(t)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn parse_day(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(value, "%Y%m%d"))
        .ok()
}

fn parse_expected(value: &str) -> Result<BTreeSet<Triple>, String> {
    let value = value.trim();
    if value == "-" {
        return Ok(BTreeSet::new());
    }
    let side = |s: &str| {
        let s = s.trim();
        if s == "---" {
            String::new()
        } else {
            s.to_string()
        }
    };
    value
        .split(';')
        .map(|item| {
            let (actors, code) = item
                .rsplit_once(':')
                .ok_or_else(|| format!("{item:?} is not SOURCE>TARGET:CAMEO"))?;
            let (source, target) = actors
                .split_once('>')
                .ok_or_else(|| format!("{item:?} is not SOURCE>TARGET:CAMEO"))?;
            let code = code.trim();
            if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
                return Err(format!("{item:?}: {code:?} is not a CAMEO code"));
            }
            Ok((side(source), side(target), code.to_string()))
        })
        .collect()
}

/// Reads a table: JSON Lines when the first meaningful line is an object,
/// else TSV. Errors name the line.
pub fn parse_table(text: &str, name: &str) -> anyhow::Result<Vec<Case>> {
    let meaningful = |l: &&str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    let jsonl = text
        .lines()
        .find(meaningful)
        .is_some_and(|l| l.trim_start().starts_with('{'));
    let mut cases = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if !meaningful(&raw) {
            continue;
        }
        let case = if jsonl {
            parse_record(raw, line)
        } else {
            parse_row(raw, line)
        };
        cases.push(case.map_err(|e| anyhow::anyhow!("{name}:{line}: {e}"))?);
    }
    Ok(cases)
}

fn parse_row(raw: &str, line: usize) -> Result<Case, String> {
    let fields: Vec<&str> = raw.split('\t').collect();
    let [id, date, text, expected] = fields[..] else {
        return Err(format!(
            "expected 4 tab-separated fields (id, date, sentence, expected), got {}",
            fields.len()
        ));
    };
    let date = match date.trim() {
        "" => None,
        d => Some(parse_day(d).ok_or_else(|| format!("{d:?} is not a date (YYYY-MM-DD)"))?),
    };
    Ok(Case {
        id: id.trim().to_string(),
        line,
        date,
        text: text.trim().to_string(),
        expected: parse_expected(expected)?,
    })
}

fn parse_record(raw: &str, line: usize) -> Result<Case, String> {
    let v: serde_json::Value = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    let text = v["text"].as_str().ok_or("no \"text\"")?.to_string();
    let date = v["date"].as_str().and_then(parse_day);
    let id = v["id"]
        .as_str()
        .map_or_else(|| format!("line {line}"), str::to_string);
    let mut expected = BTreeSet::new();
    for e in v["expected"].as_array().into_iter().flatten() {
        let Some(code) = e["eventcode"].as_str() else {
            continue;
        };
        let side = |k: &str| e[k].as_str().unwrap_or("").trim_matches('-').to_string();
        expected.insert((side("sourcecode"), side("targetcode"), code.to_string()));
    }
    Ok(Case {
        id,
        line,
        date,
        text,
        expected,
    })
}

/// The (source, target, code) triples of coded events.
pub fn triples(events: &[Event]) -> BTreeSet<Triple> {
    let sides = |actors: &[Actor]| -> Vec<Option<Actor>> {
        if actors.is_empty() {
            vec![None]
        } else {
            actors.iter().cloned().map(Some).collect()
        }
    };
    let code = |a: &Option<Actor>| a.as_ref().map_or(String::new(), |a| a.code.clone());
    let mut out = BTreeSet::new();
    for e in events {
        for s in sides(&e.actor) {
            for t in sides(&e.recipient) {
                // A reciprocal event ("the government and rebels signed a
                // ceasefire") has the same actors on both sides; no actor
                // acts on itself.
                if s.is_some() && s == t {
                    continue;
                }
                out.insert((code(&s), code(&t), e.cameo.clone()));
            }
        }
    }
    out
}

/// Codes every case of the table in `file` and prints pass/fail lines and
/// a summary; exit status 1 when a line fails.
pub fn run(dict: Dictionaries, file: &Path, failures_only: bool) -> anyhow::Result<ExitCode> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let cases = parse_table(&text, &file.display().to_string())?;
    if cases.is_empty() {
        bail!("{}: no test lines", file.display());
    }
    let pipeline = Pipeline::new(dict);
    let mut stdout = io::stdout().lock();
    let (mut passed, mut code_only) = (0, 0);
    for case in &cases {
        let doc = Document::new(case.id.as_str(), case.text.as_str(), case.date);
        let got = triples(&pipeline.code_document(&doc));
        if got == case.expected {
            passed += 1;
            if !failures_only {
                writeln!(stdout, "pass {} ({})", case.id, show(&got))?;
            }
            continue;
        }
        let codes = |t: &BTreeSet<Triple>| t.iter().map(|x| x.2.clone()).collect::<BTreeSet<_>>();
        if codes(&got) == codes(&case.expected) {
            code_only += 1;
        }
        writeln!(
            stdout,
            "FAIL {} (line {}): expected {}; coded {}\n     {}",
            case.id,
            case.line,
            show(&case.expected),
            show(&got),
            case.text
        )?;
    }
    let failed = cases.len() - passed;
    write!(
        stdout,
        "{}: {} line(s), {passed} passed, {failed} failed",
        file.display(),
        cases.len()
    )?;
    if failed > 0 {
        write!(stdout, " ({code_only} of them with the right event codes)")?;
    }
    writeln!(stdout)?;
    Ok(if failed > 0 {
        ExitCode::from(crate::EXIT_FATAL)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_records() {
        let tsv = "# a comment\n\nt1\t2017-02-13\tRebels attacked.\tSYRREB>---:190; >RUS:112\nt2\t\tNothing.\t-\n";
        let cases = parse_table(tsv, "t.tsv").unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].line, 3);
        assert_eq!(cases[0].date, NaiveDate::from_ymd_opt(2017, 2, 13));
        let want: BTreeSet<Triple> = [
            ("SYRREB".into(), String::new(), "190".into()),
            (String::new(), "RUS".into(), "112".into()),
        ]
        .into_iter()
        .collect();
        assert_eq!(cases[0].expected, want);
        assert!(cases[1].expected.is_empty() && cases[1].date.is_none());

        let jsonl = r#"{"id": "A", "date": "19950101", "text": "x", "expected": [{"sourcecode": "ARN", "targetcode": "GON", "eventcode": "064"}]}
{"id": "B", "text": "y", "expected": [{"noevents": "True"}]}"#;
        let cases = parse_table(jsonl, "t.jsonl").unwrap();
        assert_eq!(cases[0].date, NaiveDate::from_ymd_opt(1995, 1, 1));
        assert_eq!(show(&cases[0].expected), "ARN>GON:064");
        assert!(cases[1].expected.is_empty());
    }

    #[test]
    fn malformed_rows_name_their_line() {
        for (row, says) in [
            ("t1\tx\tRebels attacked.\t-", "not a date"),
            ("t1\t\tRebels attacked.", "4 tab-separated"),
            ("t1\t\tRebels attacked.\tSYRREB:190", "SOURCE>TARGET"),
            ("t1\t\tRebels attacked.\tSYRREB>RUS:19x", "not a CAMEO code"),
        ] {
            let err = parse_table(&format!("# c\n{row}\n"), "t.tsv").unwrap_err();
            let msg = err.to_string();
            assert!(msg.starts_with("t.tsv:2: ") && msg.contains(says), "{msg}");
        }
    }
}
