//! Reading real files: every kind of bad input is set aside with its file,
//! line and reason, and the good documents around it come through unchanged.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dyad_input::{read_inputs, Input, InputOptions, DEFAULT_MAX_DOC_BYTES};
use dyad_model::Document;
use flate2::write::GzEncoder;
use flate2::Compression;

const TALKS: &str = r#"{"id": "astana-1", "title": "Rebels doubt talks", "text": "Syrian rebels accused Russia on Monday of failing to enforce the ceasefire.", "published": "2017-02-13", "source": "Wire", "url": null}"#;
const AID: &str = r#"{"id": "aid-2", "text": "The UN said aid convoys reached Madaya after weeks of delay.", "published": "2017-02-14T06:10:00+02:00", "lang": "en"}"#;

fn talks_doc() -> Document {
    Document {
        id: "astana-1".into(),
        title: Some("Rebels doubt talks".into()),
        text: "Syrian rebels accused Russia on Monday of failing to enforce the ceasefire.".into(),
        published: NaiveDate::from_ymd_opt(2017, 2, 13),
        source: Some("Wire".into()),
        url: None,
        dateline: None,
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Each item as one line: `doc FILE:LINE ID` or the reject's display.
fn summarize(inputs: impl Iterator<Item = Input>, dir: &Path) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    inputs
        .map(|input| match input {
            Input::Doc(doc) => format!("doc {}:{} {}", doc.file, doc.line, doc.value.id),
            Input::Reject(reject) => format!("reject {reject}"),
        })
        .map(|line| line.replace(&prefix, ""))
        .collect()
}

fn read_all(paths: &[PathBuf], options: InputOptions, dir: &Path) -> Vec<String> {
    summarize(read_inputs(paths.iter().cloned(), options), dir)
}

fn docs(paths: &[PathBuf], options: InputOptions) -> Vec<Document> {
    read_inputs(paths.iter().cloned(), options)
        .filter_map(|input| match input {
            Input::Doc(doc) => Some(doc.value),
            Input::Reject(_) => None,
        })
        .collect()
}

#[test]
fn bad_lines_are_rejected_and_good_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut body = Vec::new();
    for line in [
        TALKS.as_bytes(),
        br#"{"id": "cut", "text": "Government forces shelled"#,
        br#"["not", "an", "object"]"#,
        b"{\"id\": \"latin1\", \"text\": \"Caf\xe9 owners protested in Tunis.\"}",
        br#"{"id": "blank", "text": "   "}"#,
        br#"{"id": "no-text", "title": "Headline only"}"#,
        br#"{"id": "numeric-text", "text": 42}"#,
        br#"{"id": "feb30", "text": "Talks resumed.", "published": "2017-02-30"}"#,
        br#"{"id": "dmy", "text": "Talks resumed.", "published": "13/02/2017"}"#,
        b"",
        br#"{"text": "Police detained 12 protesters in Karachi.", "published": null}"#,
        b"   ",
        AID.as_bytes(),
        br#"{"id": "astana-1", "text": "A duplicate id is the user's business."}"#,
    ] {
        body.extend_from_slice(line);
        body.push(b'\n');
    }
    let file = write(dir.path(), "wire.jsonl", &body);
    assert_eq!(
        read_all(std::slice::from_ref(&file), InputOptions::default(), dir.path()),
        [
            "doc wire.jsonl:1 astana-1",
            "reject wire.jsonl:2: truncated JSON (EOF while parsing a string at column 48)",
            "reject wire.jsonl:3: not a JSON object (found an array)",
            "reject wire.jsonl:4: invalid UTF-8 at byte 30 of the line",
            "reject wire.jsonl:5: 'text' is empty or only whitespace",
            "reject wire.jsonl:6: missing 'text'",
            "reject wire.jsonl:7: text: expected a string, found a number",
            "reject wire.jsonl:8: published: invalid date '2017-02-30' (no such day)",
            "reject wire.jsonl:9: published: invalid date '13/02/2017' (expected YYYY-MM-DD or an ISO 8601 date-time)",
            "doc wire.jsonl:11 wire:11",
            "doc wire.jsonl:13 aid-2",
            "doc wire.jsonl:14 astana-1",
        ]
    );
    let kept = docs(&[file], InputOptions::default());
    assert_eq!(kept[0], talks_doc());
    assert_eq!(kept[2].published, NaiveDate::from_ymd_opt(2017, 2, 14));
    assert_eq!(
        kept[2].text,
        "The UN said aid convoys reached Madaya after weeks of delay."
    );
}

#[test]
fn rejects_carry_an_excerpt_of_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "cut.jsonl",
        br#"{"id": "cut", "text": "Government forces shelled"#,
    );
    let rejects: Vec<_> = read_inputs([file], InputOptions::default())
        .filter_map(|input| match input {
            Input::Reject(reject) => Some(reject),
            Input::Doc(_) => None,
        })
        .collect();
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0].line, Some(1));
    assert_eq!(
        rejects[0].excerpt,
        r#"{"id": "cut", "text": "Government forces shelled"#
    );
}

#[test]
fn over_long_line_is_skipped_and_the_next_line_read() {
    let dir = tempfile::tempdir().unwrap();
    let huge = format!(
        r#"{{"id": "huge", "text": "{}"}}"#,
        "x".repeat(20_971_520 - 26)
    );
    assert_eq!(huge.len(), 20_971_520);
    let body = format!("{TALKS}\n{huge}\n{AID}\n");
    let file = write(dir.path(), "big.jsonl", body.as_bytes());
    assert_eq!(
        read_all(&[file], InputOptions::default(), dir.path()),
        [
            "doc big.jsonl:1 astana-1",
            "reject big.jsonl:2: line is 20,971,520 bytes, over the 5,242,880-byte limit",
            "doc big.jsonl:3 aid-2",
        ]
    );
}

#[test]
fn limit_is_configurable_and_inclusive() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "w.jsonl",
        format!("{TALKS}\n{AID}\n").as_bytes(),
    );
    assert!(TALKS.len() > AID.len());
    let options = InputOptions {
        max_doc_bytes: AID.len() as u64,
        ..InputOptions::default()
    };
    let got = read_all(&[file], options, dir.path());
    let want = format!(
        "reject w.jsonl:1: line is {} bytes, over the {}-byte limit",
        TALKS.len(),
        AID.len()
    );
    assert_eq!(got, [want.as_str(), "doc w.jsonl:2 aid-2"]);
}

#[test]
fn text_files_are_one_document_each() {
    let dir = tempfile::tempdir().unwrap();
    let text = "KABUL, Feb 13 (Wire) - Taliban fighters attacked a checkpoint.\r\n\r\nTwo police officers were killed.\r\n";
    let plain = write(dir.path(), "kabul-attack.txt", text.as_bytes());
    let zipped = write(dir.path(), "kabul-attack-2.TXT.gz", &gzip(text.as_bytes()));
    let docs = docs(&[plain.clone(), zipped], InputOptions::default());
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0],
        Document {
            id: "kabul-attack".into(),
            title: None,
            text: text.into(),
            published: None,
            source: None,
            url: None,
            dateline: None,
        }
    );
    assert_eq!(docs[1].id, "kabul-attack-2");
    assert_eq!(docs[1].text, text);

    let day = NaiveDate::from_ymd_opt(2017, 2, 13);
    let options = InputOptions {
        id: Some("kabul-0213".into()),
        published: day,
        ..InputOptions::default()
    };
    let named = read_inputs([plain], options).next().unwrap();
    let Input::Doc(named) = named else {
        panic!("{named:?}")
    };
    assert_eq!(
        (named.file.ends_with("kabul-attack.txt"), named.line),
        (true, 1)
    );
    assert_eq!(
        (named.value.id.as_str(), named.value.published),
        ("kabul-0213", day)
    );
}

#[test]
fn bad_text_files() {
    let dir = tempfile::tempdir().unwrap();
    let paths = [
        write(dir.path(), "a-empty.txt", b""),
        write(dir.path(), "b-blank.txt", b" \n\t\n"),
        write(dir.path(), "c-latin1.txt", b"Le pr\xe9sident a d\xe9menti."),
        write(dir.path(), "d-big.txt", &vec![b'a'; 300]),
        write(dir.path(), "e-good.txt", b"Protesters marched in Caracas."),
    ];
    let options = InputOptions {
        max_doc_bytes: 100,
        ..InputOptions::default()
    };
    assert_eq!(
        read_all(&paths, options, dir.path()),
        [
            "reject a-empty.txt: empty file",
            "reject b-blank.txt: 'text' is empty or only whitespace",
            "reject c-latin1.txt: invalid UTF-8 at byte 6 of the file",
            "reject d-big.txt: file is 300 bytes, over the 100-byte limit",
            "doc e-good.txt:1 e-good",
        ]
    );
}

#[test]
fn gzip_json_lines_and_corrupt_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!("{TALKS}\n{AID}\n");
    let good = write(dir.path(), "wire.jsonl.gz", &gzip(body.as_bytes()));
    let not_gzip = write(dir.path(), "plain.jsonl.gz", body.as_bytes());
    // Half a gzip stream: what a partial download leaves.
    let long_body = (0..200)
        .map(|i| AID.replace("aid-2", &format!("aid-{i}")) + "\n")
        .collect::<String>();
    let zipped = gzip(long_body.as_bytes());
    let cut = write(dir.path(), "cut.jsonl.gz", &zipped[..zipped.len() / 2]);
    let after = write(dir.path(), "after.json", format!("{AID}\n").as_bytes());
    let got = read_all(
        &[good, not_gzip, cut, after],
        InputOptions::default(),
        dir.path(),
    );
    assert_eq!(
        &got[..3],
        [
            "doc wire.jsonl.gz:1 astana-1",
            "doc wire.jsonl.gz:2 aid-2",
            "reject plain.jsonl.gz: cannot read: invalid gzip header"
        ]
    );
    let cut_docs = got
        .iter()
        .filter(|l| l.starts_with("doc cut.jsonl.gz"))
        .count();
    assert!(
        cut_docs > 0 && cut_docs < 200,
        "{cut_docs} documents before the cut"
    );
    let cut_reject = &got[3 + cut_docs];
    assert!(
        cut_reject.starts_with(&format!(
            "reject cut.jsonl.gz:{}: cannot read: ",
            cut_docs + 1
        )),
        "{cut_reject}"
    );
    assert_eq!(got.last().unwrap(), "doc after.json:1 aid-2");
}

#[test]
fn directories_are_walked_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    let line = |id: &str| AID.replace("aid-2", id) + "\n";
    write(&root, "b/2.jsonl", line("b2").as_bytes());
    write(&root, "b/1.txt", b"Troops withdrew from the border town.");
    write(&root, "a.jsonl.gz", &gzip(line("a").as_bytes()));
    write(&root, "c/deep/x.json", line("x").as_bytes());
    write(&root, "notes.csv", b"id,text\n1,skipped\n");
    write(&root, "README", b"skipped too");
    write(&root, "b/10.jsonl", line("b10").as_bytes());
    write(&root, "b/empty.txt", b"");
    fs::create_dir_all(dir.path().join("nothing/inside")).unwrap();
    write(dir.path(), "nothing/inside/skip.md", b"# no inputs here");
    let got = read_all(
        &[root, dir.path().join("nothing")],
        InputOptions::default(),
        dir.path(),
    );
    assert_eq!(
        got,
        [
            "doc corpus/a.jsonl.gz:1 a",
            "doc corpus/b/1.txt:1 1",
            "doc corpus/b/10.jsonl:1 b10",
            "doc corpus/b/2.jsonl:1 b2",
            "reject corpus/b/empty.txt: empty file",
            "doc corpus/c/deep/x.json:1 x",
            "reject nothing: no .jsonl, .json or .txt files in this directory",
        ]
    );
}

#[test]
fn whole_file_problems_do_not_stop_the_stream() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!("{TALKS}\n");
    let mut binary = b"PK\x03\x04\0\0\x08\0".to_vec();
    binary.extend_from_slice(&[0x9c; 64]);
    let noise: Vec<u8> = (0..4096u32).map(|i| (i * 37 % 251) as u8 | 0x80).collect();
    let paths = [
        dir.path().join("missing.jsonl"),
        write(dir.path(), "table.csv", b"id,text\n"),
        write(dir.path(), "archive.jsonl", &binary),
        write(dir.path(), "noise.txt", &noise),
        write(dir.path(), "utf16.jsonl", b"\xff\xfe{\0\"\0"),
        write(dir.path(), "zipped-no-suffix.jsonl", &gzip(body.as_bytes())),
        write(dir.path(), "empty.jsonl", b""),
        write(dir.path(), "blank-lines.jsonl", b"\n  \n\r\n"),
        write(dir.path(), "good.jsonl", body.as_bytes()),
    ];
    assert_eq!(
        read_all(&paths, InputOptions::default(), dir.path()),
        [
            "reject missing.jsonl: cannot open: No such file or directory (os error 2)",
            "reject table.csv: unsupported file type '.csv' (expected .jsonl, .json, .txt, each optionally .gz, or - for stdin)",
            "reject archive.jsonl: binary file (NUL byte at byte 5)",
            "reject noise.txt: binary file (mostly non-text bytes in the first 1,024 bytes)",
            "reject utf16.jsonl: binary file (UTF-16 text: convert it to UTF-8)",
            "reject zipped-no-suffix.jsonl: binary file (gzip data: give the file a .gz suffix)",
            "reject empty.jsonl: empty file",
            "reject blank-lines.jsonl: no documents (only blank lines)",
            "doc good.jsonl:1 astana-1",
        ]
    );
    assert_eq!(docs(&paths, InputOptions::default()), [talks_doc()]);
}

#[test]
fn crlf_line_ends_and_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!("\u{feff}{TALKS}\r\n{AID}\r\n");
    let file = write(dir.path(), "windows.jsonl", body.as_bytes());
    let got = docs(&[file], InputOptions::default());
    assert_eq!(got.len(), 2);
    assert_eq!(got[0], talks_doc());
}

#[test]
fn default_published_fills_records_without_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!("{TALKS}\n{{\"id\": \"undated\", \"text\": \"Talks resumed.\"}}\n");
    let file = write(dir.path(), "w.jsonl", body.as_bytes());
    let options = InputOptions {
        published: NaiveDate::from_ymd_opt(2020, 5, 1),
        ..InputOptions::default()
    };
    let got = docs(&[file], options);
    assert_eq!(got[0].published, NaiveDate::from_ymd_opt(2017, 2, 13));
    assert_eq!(got[1].published, NaiveDate::from_ymd_opt(2020, 5, 1));
}

#[test]
fn nothing_is_read_until_asked() {
    let dir = tempfile::tempdir().unwrap();
    let late = dir.path().join("late.jsonl");
    let mut inputs = read_inputs([late.clone()], InputOptions::default());
    fs::write(&late, format!("{TALKS}\n")).unwrap();
    assert!(matches!(inputs.next(), Some(Input::Doc(_))));
    assert!(inputs.next().is_none());
    assert_eq!(DEFAULT_MAX_DOC_BYTES, 5 * 1024 * 1024);
}

#[test]
fn seed_corpus_reads_cleanly() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seed.jsonl");
    if !seed.exists() {
        eprintln!("skipped: {} is absent", seed.display());
        return;
    }
    let items: Vec<Input> = read_inputs([seed], InputOptions::default()).collect();
    assert_eq!(items.len(), 1);
    let Input::Doc(doc) = &items[0] else {
        panic!("{:?}", items[0])
    };
    assert_eq!(doc.value.id, "astana-talks-2017-02-13");
    assert_eq!(doc.value.published, NaiveDate::from_ymd_opt(2017, 2, 13));
}
