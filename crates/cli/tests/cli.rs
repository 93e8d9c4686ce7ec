//! The `dyad` binary as a user runs it: exit statuses, stderr lines, the
//! rejects file, determinism across threads, resuming, and real corpora
//! from `../shared` (skipped with a message where it is absent).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dyad(args: &[&str]) -> Output {
    dyad_with_stdin(args, b"")
}

fn dyad_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dyad binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn shared(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

/// The first `lines` documents of a shared corpus, copied to `dir` so that
/// a debug build codes them in seconds.
fn shared_head(relative: &str, lines: usize, dir: &Path) -> Option<PathBuf> {
    let text = fs::read_to_string(shared(relative)?).unwrap();
    let head: String = text
        .lines()
        .take(lines)
        .map(|line| format!("{line}\n"))
        .collect();
    let file = dir.join(relative.replace('/', "-"));
    fs::write(&file, head).unwrap();
    Some(file)
}

/// Wire-style documents of our own, with two bad lines among them.
fn wire_file(dir: &Path) -> PathBuf {
    let file = dir.join("wire.jsonl");
    let lines = [
        r#"{"id": "w1", "title": "Rebels doubt talks", "text": "Syrian rebels accused Russia on Monday of failing to enforce the ceasefire. They said they might stay away from the talks in Astana.", "published": "2017-02-13", "source": "Wire"}"#,
        r#"{"id": "w2", "text": "Police in Lahore arrested 14 opposition activists after a rally on Saturday, a spokesman said.", "published": "2017-03-04"}"#,
        r#"{"id": "w3", "text": "The European Union imposed sanctions on three officials"#,
        r#"{"id": "w4", "text": "Kenya and Somalia agreed to reopen the border crossing at Mandera.", "published": "2017-02-30"}"#,
        r#"{"id": "w5", "text": "The UN envoy met government and opposition delegations in Geneva on Thursday.", "published": "2017-03-02T09:15:00Z"}"#,
        r#"{"id": "w6", "text": "Protesters threw stones at riot police outside parliament in Kiev; police fired tear gas."}"#,
    ];
    fs::write(&file, lines.join("\n") + "\n").unwrap();
    file
}

#[test]
fn usage_errors_exit_2() {
    for (args, says) in [
        (&["code"][..], "required"),
        (
            &["code", "a.jsonl", "--published", "13/02/2017"][..],
            "invalid date '13/02/2017'",
        ),
        (
            &["code", "a.jsonl", "--published", "2017-02-30"][..],
            "(no such day)",
        ),
        (&["code", "a.jsonl", "--resume"][..], "--output"),
        (&["code", "a.jsonl", "--threads", "0"][..], "--threads"),
        (
            &["code", "a.jsonl", "--max-doc-bytes", "0"][..],
            "--max-doc-bytes",
        ),
        (&["explain"][..], "required"),
        (&["decode", "a.jsonl"][..], "unrecognized subcommand"),
    ] {
        let output = dyad(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(says),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn usage_errors_found_before_loading_anything() {
    let dir = tempfile::tempdir().unwrap();
    let wire = wire_file(dir.path());
    let resume_stdin = dyad(&[
        "code",
        "-",
        "-o",
        path(&dir.path().join("out.jsonl")),
        "--resume",
    ]);
    assert_eq!(
        resume_stdin.status.code(),
        Some(2),
        "{}",
        stderr(&resume_stdin)
    );
    assert_eq!(
        stderr(&resume_stdin),
        "dyad: error: --resume needs inputs that can be read again, not - (stdin)\n"
    );
    let clobber = dyad(&["code", path(&wire), "-o", path(&wire)]);
    assert_eq!(clobber.status.code(), Some(2), "{}", stderr(&clobber));
    assert!(stderr(&clobber).contains("would overwrite or be read as input"));
    assert!(
        fs::read_to_string(&wire).unwrap().contains("\"w6\""),
        "the input is untouched"
    );
}

#[test]
fn version() {
    for args in [&["version"][..], &["--version"][..]] {
        let output = dyad(args);
        assert_eq!(output.status.code(), Some(0));
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(
            text.starts_with(&format!("dyad {}", env!("CARGO_PKG_VERSION"))),
            "{text}"
        );
    }
}

#[test]
fn bad_input_is_reported_and_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let wire = wire_file(dir.path());
    let rejects = dir.path().join("rejects.jsonl");
    let missing = dir.path().join("missing.jsonl");
    let output = dyad(&[
        "code",
        path(&wire),
        path(&missing),
        "--rejects",
        path(&rejects),
        "--threads",
        "2",
    ]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        &lines[..3],
        [
            format!(
                "dyad: rejected {}:3: truncated JSON (EOF while parsing a string at column 77)",
                wire.display()
            ),
            format!(
                "dyad: rejected {}:4: published: invalid date '2017-02-30' (no such day)",
                wire.display()
            ),
            format!(
                "dyad: rejected {}: cannot open: No such file or directory (os error 2)",
                missing.display()
            ),
        ]
    );
    assert!(
        lines[3].starts_with("documents 4 · sentences 5 · events "),
        "{}",
        lines[3]
    );
    assert!(
        lines[3].contains(&format!(
            " · rejected 3 (listed in {}) · ",
            rejects.display()
        )),
        "{}",
        lines[3]
    );
    assert_eq!(lines.len(), 4);

    let kept: Vec<serde_json::Value> = fs::read_to_string(&rejects)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(kept.len(), 3);
    assert_eq!(kept[0]["file"], path(&wire));
    assert_eq!(kept[0]["line"], 3);
    assert_eq!(
        kept[0]["reason"],
        "truncated JSON (EOF while parsing a string at column 77)"
    );
    assert!(kept[0]["excerpt"]
        .as_str()
        .unwrap()
        .starts_with(r#"{"id": "w3""#));
    assert_eq!(kept[2]["line"], serde_json::Value::Null);
    let events = String::from_utf8(output.stdout).unwrap();
    for line in events.lines() {
        let event: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(
            ["w1", "w2", "w5", "w6"].contains(&event["doc_id"].as_str().unwrap()),
            "{line}"
        );
    }
}

#[test]
fn empty_input() {
    let output = dyad_with_stdin(&["code", "-"], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    assert!(
        stderr(&output).starts_with("documents 0 · sentences 0 · events 0 · rejected 0 · "),
        "{}",
        stderr(&output)
    );

    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.jsonl");
    fs::write(&empty, "").unwrap();
    let output = dyad(&["code", path(&empty), "--quiet"]);
    assert_eq!(output.status.code(), Some(3));
    assert_eq!(
        stderr(&output),
        format!("dyad: rejected {}: empty file\n", empty.display())
    );
}

#[test]
fn text_on_stdin() {
    let text = b"Syrian rebels accused Russia on Monday of failing to enforce the ceasefire.";
    let args = [
        "code",
        "-",
        "--stdin-format",
        "txt",
        "--id",
        "rebels",
        "--published",
        "2017-02-13",
        "--quiet",
    ];
    let output = dyad_with_stdin(&args, text);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for line in String::from_utf8(output.stdout).unwrap().lines() {
        let event: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(
            (event["doc_id"].as_str(), event["published"].as_str()),
            (Some("rebels"), Some("2017-02-13"))
        );
    }
}

#[test]
fn output_is_the_same_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = vec![wire_file(dir.path())];
    inputs.extend(shared("corpus/seed.jsonl"));
    inputs.extend(shared_head("corpus/muc34/articles.jsonl", 120, dir.path()));
    let inputs: Vec<&str> = inputs.iter().map(|p| path(p)).collect();
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        let mut args = vec!["code", "--quiet", "--threads", threads, "--batch-size", "7"];
        args.extend(&inputs);
        let output = dyad(&args);
        assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
        outputs.push(output.stdout);
    }
    if outputs[0].is_empty() {
        eprintln!("note: no events coded, so this comparison shows little");
    }
    assert!(
        outputs[0] == outputs[1],
        "--threads 1 and --threads 2 differ"
    );
}

#[test]
fn resumed_run_matches_an_uninterrupted_one() {
    let dir = tempfile::tempdir().unwrap();
    let wire = wire_file(dir.path());
    let mut inputs = vec![path(&wire).to_string()];
    inputs.extend(
        shared_head("corpus/india-police-events/articles.jsonl", 100, dir.path())
            .map(|p| path(&p).to_string()),
    );
    let run = |name: &str, extra: &[&str]| {
        let out = dir.path().join(format!("{name}.jsonl"));
        let rejects = dir.path().join(format!("{name}.rejects.jsonl"));
        let mut args = vec![
            "code",
            "--quiet",
            "--batch-size",
            "16",
            "-o",
            path(&out),
            "--rejects",
            path(&rejects),
        ];
        args.extend(inputs.iter().map(String::as_str));
        args.extend(extra);
        let output = dyad(&args);
        (output, out, rejects)
    };
    let (whole, whole_out, whole_rejects) = run("whole", &[]);
    assert_eq!(whole.status.code(), Some(3), "{}", stderr(&whole));

    let (first, out, rejects) = run("parts", &["--stop-after-docs", "40"]);
    assert_eq!(first.status.code(), Some(3), "{}", stderr(&first));
    let sidecar = dir.path().join("parts.jsonl.progress");
    assert!(sidecar.exists());
    // A batch half written when the run was killed.
    fs::OpenOptions::new()
        .append(true)
        .open(&out)
        .unwrap()
        .write_all(b"{\"id\": \"half")
        .unwrap();
    let (second, _, _) = run("parts", &["--resume"]);
    assert_eq!(second.status.code(), Some(3), "{}", stderr(&second));
    assert!(
        fs::read(&out).unwrap() == fs::read(&whole_out).unwrap(),
        "events differ after resuming"
    );
    assert!(
        fs::read(&rejects).unwrap() == fs::read(&whole_rejects).unwrap(),
        "rejects differ after resuming"
    );
    assert!(!sidecar.exists(), "a finished run removes its checkpoint");
}

#[test]
fn seed_article_codes_to_valid_events() {
    let Some(seed) = shared("corpus/seed.jsonl") else {
        return;
    };
    let Some(schema) = shared("schema/event.schema.json") else {
        return;
    };
    let output = dyad(&["code", path(&seed)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).starts_with("documents 1 · sentences "),
        "{}",
        stderr(&output)
    );
    let schema: serde_json::Value = serde_json::from_slice(&fs::read(schema).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let events = String::from_utf8(output.stdout).unwrap();
    assert!(events.lines().count() > 0, "the seed article gives events");
    for line in events.lines() {
        let event: serde_json::Value = serde_json::from_str(line).unwrap();
        if let Err(e) = validator.validate(&event) {
            panic!("{e}: {line}");
        }
        assert_eq!(event["doc_id"], "astana-talks-2017-02-13");
    }
}

#[test]
fn no_places_codes_the_same_events_without_locations() {
    let Some(seed) = shared("corpus/seed.jsonl") else {
        return;
    };
    let with = dyad(&["code", "-q", path(&seed)]);
    let without = dyad(&["code", "-q", "--no-places", path(&seed)]);
    let parse = |o: &Output| -> Vec<serde_json::Value> {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let (with, without) = (parse(&with), parse(&without));
    assert_eq!(with.len(), without.len());
    assert!(with.iter().any(|e| !e["location"].is_null()));
    for (a, b) in with.iter().zip(&without) {
        assert!(b["location"].is_null(), "{b}");
        assert_eq!(a["id"], b["id"]);
        assert_eq!(a["cameo"], b["cameo"]);
    }
}

#[test]
fn broken_dictionaries_are_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let wire = wire_file(dir.path());
    let output = dyad(&[
        "code",
        path(&wire),
        "--dictionaries",
        path(&dir.path().join("no-such-dir")),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).starts_with("dyad: error: cannot load the dictionaries in "),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn explain_prints_the_steps() {
    let output = dyad(&[
        "explain",
        "Syrian rebels accused Russia of failing to enforce the ceasefire.",
        "--published",
        "2017-02-13",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!output.stdout.is_empty());
}

#[test]
fn eval_scores_gold_records_as_a_table_and_as_json() {
    let Some(gold) = shared("peer/plover/plover_gsr_dev.jsonl") else {
        return;
    };
    let table = dyad(&["eval", "--gold", path(&gold)]);
    assert_eq!(table.status.code(), Some(0), "{}", stderr(&table));
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("(plover-gsr): 215 documents"), "{text}");
    assert!(text.contains("event type, top-1 by confidence"), "{text}");
    assert!(text.contains("source: country or organisation"), "{text}");

    let json = dyad(&[
        "eval",
        "--gold",
        path(&gold),
        "--format",
        "plover-gsr",
        "--json",
    ]);
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["format"], "plover-gsr");
    assert_eq!(report["top1_type"]["total"], 215);
    assert!(report["misses"].as_array().is_some_and(|m| !m.is_empty()));
    // The table's figure is the JSON's.
    let hits = report["top1_type"]["hits"].as_u64().unwrap();
    let row = text
        .lines()
        .find(|l| l.contains("top-1 by confidence"))
        .unwrap();
    assert!(row.contains(&format!(" {hits} ")), "{row}");
}

#[test]
fn eval_reads_the_seed_annotation_and_profiles_corpora() {
    let Some(seed) = shared("corpus/seed.jsonl") else {
        return;
    };
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/seed.gold.jsonl");
    let output = dyad(&["eval", "--gold", path(&gold)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    for row in ["date: exact range", "place", "attribution", "modality"] {
        assert!(text.contains(row), "{row}: {text}");
    }

    let output = dyad(&[
        "eval",
        "--profile",
        path(&seed),
        "--json",
        "--top-rules",
        "3",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let profile: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(profile["documents"], 1);
    assert_eq!(profile["per_type"].as_array().unwrap().len(), 16);
    assert!(profile["top_rules"].as_array().unwrap().len() <= 3);
}

#[test]
fn eval_reports_unreadable_gold_as_a_fatal_error() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    fs::write(&gold, "{\"headline\": \"nothing we know\"}\n").unwrap();
    let output = dyad(&["eval", "--gold", path(&gold)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("give --format"),
        "{}",
        stderr(&output)
    );
    let output = dyad(&["eval", "--gold", path(&dir.path().join("absent.jsonl"))]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("cannot read the gold file"));
}
