//! `dyad dict lookup|lint|test` and `--user-dict`, run as a user runs them:
//! on the shipped dictionaries, on a broken copy of them, and with user
//! dictionaries that recode phrases.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("the dyad binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The text of `file:line` in the data folder, for checking that an
/// answer points at the line that really says it.
fn data_line(at: &str) -> String {
    let (file, line) = at.rsplit_once(':').unwrap();
    let text = fs::read_to_string(repo("data").join(file)).unwrap();
    text.lines()
        .nth(line.parse::<usize>().unwrap() - 1)
        .unwrap()
        .to_string()
}

/// The `file:line` after `marker` in `text`.
fn location_after<'a>(text: &'a str, marker: &str) -> &'a str {
    let rest = &text[text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker:?} in {text}"))
        + marker.len()..];
    rest.split(|c: char| c.is_whitespace() || c == ',' || c == ')')
        .next()
        .unwrap()
        .trim_end_matches(':')
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn append(path: &Path, text: &str) {
    let mut old = fs::read_to_string(path).unwrap();
    old.push_str(text);
    fs::write(path, old).unwrap();
}

#[test]
fn lookup_composes_a_country_and_an_agent() {
    let out = dyad(&["dict", "lookup", "Syrian", "rebels", "--date", "2017-02-13"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("\"Syrian rebels\" on 2017-02-13"),
        "{text}"
    );
    assert!(
        text.contains("code      SYR\n") && text.contains("code      REB\n"),
        "{text}"
    );
    assert!(text.contains("together: SYRREB"), "{text}");
    assert!(text.contains("combines with a country"), "{text}");
    // Each phrase's file:line is where the phrase is written.
    assert!(
        data_line(location_after(&text, "\"syrian\" (inside the name) at ")).contains("syrian")
    );
    assert!(
        data_line(location_after(&text, "\"rebels\" (inside the name) at ")).contains("rebels")
    );
    assert!(text.contains("verb patterns: none match"), "{text}");
}

#[test]
fn lookup_of_a_whole_name_and_its_case_rule() {
    let out = dyad(&["dict", "lookup", "US"]);
    let text = stdout(&out);
    assert!(
        text.contains("(whole name)") && text.contains("code      USA"),
        "{text}"
    );
    assert!(text.contains("wikidata  Q30"), "{text}");
    assert!(text.contains("matches only \"US\""), "{text}");

    let out = dyad(&["dict", "lookup", "Amnesty International"]);
    let text = stdout(&out);
    assert!(
        text.contains("(whole name)") && text.contains("sector    NGO"),
        "{text}"
    );
    assert!(!text.contains("together:"), "{text}");
}

#[test]
fn common_nouns_name_no_actor() {
    // Phoenix lists "country" and "nation" among Georgia's names; the
    // import leaves them out, and keeps the names that are names.
    for noun in ["country", "nation", "republic", "occupied"] {
        let text = stdout(&dyad(&["dict", "lookup", noun]));
        assert!(text.contains("no actor or agent phrase"), "{noun}: {text}");
    }
    let (text, code) = lookup_code_on("Sakartvelo", "2017-02-13");
    assert_eq!(code, "GEO", "{text}");
}

/// `dyad dict lookup NAME --date DATE`: its output, and the code it gives.
fn lookup_code_on(name: &str, date: &str) -> (String, String) {
    let text = stdout(&dyad(&["dict", "lookup", name, "--date", date]));
    let code = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("code"))
        .map(|c| c.trim().to_string())
        .unwrap_or_default();
    (text, code)
}

#[test]
fn lookup_gives_an_office_holder_the_code_of_the_date() {
    // The shipped Phoenix entry: a US politician before and during his
    // presidency, each code with its own line.
    for (date, expected) in [("2005-06-01", "USAGOV"), ("1995-06-01", "USAELI")] {
        let (text, code) = lookup_code_on("George W. Bush", date);
        assert!(
            text.contains("dated     2001-01-20..2009-01-20 USAGOV at actors/"),
            "{text}"
        );
        assert_eq!(code, expected, "{text}");
    }
}

#[test]
fn lookup_of_an_international_office_holder() {
    // Phoenix.International writes the UN Secretary-General's term on the
    // entry's own line; outside it he is an elite.
    for (date, expected) in [("1985-01-01", "IGOUNO"), ("1995-01-01", "ELI")] {
        let (text, code) = lookup_code_on("Javier de Cuellar", date);
        assert!(text.contains("(person, entry at actors/"), "{text}");
        assert_eq!(code, expected, "{text}");
    }
}

#[test]
fn lookup_of_a_verb_phrase_names_pattern_and_codes() {
    let out = dyad(&["dict", "lookup", "sent invitations"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("actors: no actor or agent phrase"), "{text}");
    let chosen = text
        .lines()
        .find(|l| l.starts_with(" *\"sent invitations\""))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        chosen.contains("[036]") && chosen.contains("AGREE"),
        "{chosen}"
    );
    let at = location_after(chosen, " at ");
    assert!(data_line(at).contains("invitation"), "{at}");

    // Several patterns start at "arrested": the longer one is chosen.
    let text = stdout(&dyad(&["dict", "lookup", "arrested", "journalists"]));
    let chosen: Vec<&str> = text.lines().filter(|l| l.starts_with(" *")).collect();
    assert_eq!(chosen.len(), 1, "{text}");
    assert!(chosen[0].contains("\"arrested journalists\""), "{text}");
    assert!(text.contains("  \"arrested\": [173]"), "{text}");
}

#[test]
fn lint_passes_on_the_shipped_dictionaries() {
    let data = repo("data");
    for args in [
        vec!["dict", "lint", "--dictionaries", p(&data)],
        vec!["dict", "lint"],
    ] {
        let out = dyad(&args);
        let text = stdout(&out);
        assert!(out.status.success(), "{text}");
        assert!(
            text.lines().last().unwrap().contains(": 0 error(s)"),
            "{text}"
        );
    }
}

#[test]
fn lint_reports_every_kind_of_error_with_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    copy_dir(&repo("data"), &dir);
    let groups = dir.join("actors/groups.txt");
    let base = fs::read_to_string(&groups).unwrap().lines().count();
    append(
        &groups,
        "\n# broken on purpose\n\
         Fake Front [SYRUAF] wikdata=Q1 kind=gang\n\
         + free syrian army | fake front | fake front\n\
         Bad Code [SYRXX]\n\
         + bad code one\n\
         Lowercase [syrreb]\n",
    );
    let verbs = dir.join("verbs.txt");
    let vbase = fs::read_to_string(&verbs).unwrap().lines().count();
    append(
        &verbs,
        "\n&never = a | b\n\
         ## 111 Criticize\n\
         ~send * invitation|invitations\n\
         ~deplore * &nowhere\n\
         ## 999 No such code\n\
         ~frobnicate\n",
    );
    let cues = dir.join("cues.txt");
    append(&cues, "\n[refuse]\nready to\n[intent]\nready to\n");
    let cue_lines = fs::read_to_string(&cues).unwrap().lines().count();

    let out = dyad(&["dict", "lint", "--dictionaries", p(&dir)]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let has = |at: String, what: &str| {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("{at}: ")) && l.contains(what)),
            "no {what:?} at {at} in\n{text}"
        );
    };
    let g = |n: usize| format!("actors/groups.txt:{}", base + n);
    has(g(3), "error[field]: unknown field \"wikdata\"");
    has(g(3), "error[field]: kind=gang");
    has(
        g(4),
        "error[conflict]: phrase \"free syrian army\" is [SYRUAF] here but [SYRREB]",
    );
    has(
        g(4),
        "warning[duplicate]: phrase \"fake front\" [SYRUAF] is already at",
    );
    has(g(5), "error[code]: code [SYRXX]");
    has(g(7), "error[code]: code [syrreb]");
    let v = |n: usize| format!("verbs.txt:{}", vbase + n);
    has(v(2), "warning[word-set]: word set &never is never used");
    has(
        v(4),
        "error[unreachable]: pattern \"~send * invitation|invitations\" [111]",
    );
    has(v(5), "error[word-set]: word set &nowhere is not defined");
    has(v(6), "error[cameo]: CAMEO code 999 is not in cameo.tsv");
    // "ready to" is a shipped intent cue: in [refuse] it contradicts it.
    has(
        format!("cues.txt:{}", cue_lines - 2),
        "error[cue]: cue \"ready to\" is in [refuse] here and in [intent]",
    );
    has(
        format!("cues.txt:{cue_lines}"),
        "warning[duplicate]: cue \"ready to\" is already in [intent]",
    );
    // Each problem is reported once.
    let lines_at = |at: String| {
        text.lines()
            .filter(|l| l.starts_with(&format!("{at}: ")))
            .count()
    };
    assert_eq!(lines_at(v(5)), 1, "{text}");
    // The shipped files' own warnings (codes with parts dyad does not
    // know, from imported dictionaries) come on top of the three here.
    let shipped = stdout(&dyad(&["dict", "lint"]));
    let shipped_warnings: usize = shipped
        .lines()
        .last()
        .and_then(|l| l.split(" error(s), ").nth(1))
        .and_then(|w| w.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("summary line with a warning count");
    let summary = text.lines().last().unwrap();
    assert!(
        summary.contains(&format!(
            ": 9 error(s), {} warning(s)",
            shipped_warnings + 3
        )),
        "{summary}"
    );
    assert!(
        summary.contains("conflict 1") && summary.contains("unreachable 1"),
        "{summary}"
    );

    // --errors-only leaves warnings out but counts them.
    let out = dyad(&["dict", "lint", "--dictionaries", p(&dir), "--errors-only"]);
    let text = stdout(&out);
    assert!(!text.contains(": warning["), "{text}");
    assert!(
        text.lines()
            .last()
            .unwrap()
            .contains(&format!("{} warning(s)", shipped_warnings + 3)),
        "{text}"
    );
}

#[test]
fn lint_of_a_folder_without_files_says_which_are_missing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = dyad(&["dict", "lint", "--dictionaries", p(tmp.path())]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for f in ["verbs.txt", "cues.txt", "cameo.tsv", "agents.txt"] {
        assert!(
            text.contains(&format!("{f}: error[syntax]: the file is missing")),
            "{text}"
        );
    }
}

#[test]
fn the_example_table_passes() {
    let table = repo("testdata/dict-test.tsv");
    let out = dyad(&["dict", "test", p(&table)]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    let rows = fs::read_to_string(&table)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .count();
    assert!(rows >= 20);
    assert_eq!(
        text.lines().filter(|l| l.starts_with("pass ")).count(),
        rows,
        "{text}"
    );
    assert!(
        text.contains(&format!("{rows} line(s), {rows} passed, 0 failed")),
        "{text}"
    );
}

#[test]
fn a_failing_line_shows_what_was_coded() {
    let tmp = tempfile::tempdir().unwrap();
    let table = tmp.path().join("t.tsv");
    fs::write(
        &table,
        "# one right, one wrong\n\
         ok\t\tSerbia praised Hungary for its support.\tSRB>HUN:051\n\
         wrong\t2021-03-02\tSerbia praised Hungary for its support.\tHUN>SRB:051\n",
    )
    .unwrap();
    let out = dyad(&["dict", "test", p(&table), "--failures-only"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(!text.contains("pass ok"), "{text}");
    assert!(
        text.contains("FAIL wrong (line 3): expected HUN>SRB:051; coded SRB>HUN:051"),
        "{text}"
    );
    assert!(text.contains("2 line(s), 1 passed, 1 failed (1 of them with the right event codes)"));

    fs::write(&table, "x\t\tSerbia praised Hungary.\tSRB-HUN\n").unwrap();
    let out = dyad(&["dict", "test", p(&table)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("t.tsv:1: "), "{}", stderr(&out));
}

#[test]
fn petrarch_validation_records_are_read() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/peer/petrarch2/petr_unittest_records.jsonl");
    let Ok(text) = fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let head = tmp.path().join("head.jsonl");
    let lines: Vec<&str> = text.lines().take(12).collect();
    fs::write(&head, lines.join("\n")).unwrap();
    let out = dyad(&["dict", "test", p(&head)]);
    let report = stdout(&out);
    // Each record is reported once, by its id, with its expected events.
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = v["id"].as_str().unwrap();
        assert!(
            report.contains(&format!("pass {id} ")) || report.contains(&format!("FAIL {id} ")),
            "{id}: {report}"
        );
    }
    let first = serde_json::from_str::<serde_json::Value>(lines[0]).unwrap();
    let e = &first["expected"][0];
    let want = format!(
        "{}>{}:{}",
        e["sourcecode"].as_str().unwrap(),
        e["targetcode"].as_str().unwrap(),
        e["eventcode"].as_str().unwrap()
    );
    let id = first["id"].as_str().unwrap();
    assert!(
        report.contains(&format!("pass {id} ({want})"))
            || report.contains(&format!("expected {want};")),
        "{report}"
    );
    assert!(report.contains("12 line(s)"), "{report}");
}

/// A user actors file that recodes "the kremlin" from the government
/// (RUSGOV, shipped) to the military.
fn kremlin_file(dir: &Path) -> PathBuf {
    let file = dir.join("kremlin.txt");
    fs::write(
        &file,
        "# analyst's own codes\nKremlin security council [RUSMIL] kind=group\n+ the kremlin | kremlin\n",
    )
    .unwrap();
    file
}

#[test]
fn a_user_file_recodes_a_phrase_in_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    let user = kremlin_file(tmp.path());
    let sentence = "The Kremlin accused Ukraine of shelling civilians.";

    let explain = |extra: &[&str]| {
        let mut args = vec!["explain", sentence];
        args.extend_from_slice(extra);
        stdout(&dyad(&args))
    };
    assert!(explain(&[]).contains("\"code\":\"RUSGOV\""));
    let with_user = explain(&["--user-dict", p(&user)]);
    assert!(with_user.contains("\"code\":\"RUSMIL\""), "{with_user}");
    assert!(with_user.contains("kremlin.txt:3"), "{with_user}");

    let lookup = stdout(&dyad(&[
        "dict",
        "lookup",
        "the kremlin",
        "--user-dict",
        p(&user),
    ]));
    assert!(lookup.contains("code      RUSMIL"), "{lookup}");
    assert!(
        lookup.contains("never used: the phrase belongs to the entry at"),
        "{lookup}"
    );

    let docs = tmp.path().join("docs.jsonl");
    fs::write(
        &docs,
        format!("{{\"id\": \"k1\", \"text\": \"{sentence}\", \"published\": \"2022-03-01\"}}\n"),
    )
    .unwrap();
    let out = dyad(&["code", "-q", p(&docs), "--user-dict", p(&user)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"code\":\"RUSMIL\""));

    let table = tmp.path().join("t.tsv");
    fs::write(&table, format!("k1\t\t{sentence}\tRUSMIL>UKR:1123\n")).unwrap();
    let out = dyad(&["dict", "test", p(&table), "--user-dict", p(&user)]);
    assert!(out.status.success(), "{}", stdout(&out));
    let out = dyad(&["dict", "test", p(&table)]);
    assert!(
        stdout(&out).contains("coded RUSGOV>UKR:1123"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_user_folder_extends_verbs_and_wins_ties() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mine");
    fs::create_dir_all(dir.join("actors")).unwrap();
    kremlin_file(&dir.join("actors"));
    // The same words as a shipped 036 pattern, recoded, and a new pattern
    // that uses a word set of the shipped verbs.txt.
    fs::write(
        dir.join("verbs.txt"),
        "# my patterns\n## 043 Host a visit\n~send * invitation|invitations\n\n## 046 Engage in negotiation\n~sit * &talks\n",
    )
    .unwrap();
    let lookup = stdout(&dyad(&[
        "dict",
        "lookup",
        "sent invitations",
        "--user-dict",
        p(&dir),
    ]));
    let chosen = lookup.lines().find(|l| l.starts_with(" *")).unwrap();
    assert!(
        chosen.contains("[043]") && chosen.contains("mine/verbs.txt:3"),
        "{lookup}"
    );
    let lookup = stdout(&dyad(&[
        "dict",
        "lookup",
        "sat for talks",
        "--user-dict",
        p(&dir),
    ]));
    assert!(lookup.contains("[046] ~sit * &talks at"), "{lookup}");
    let lookup = stdout(&dyad(&[
        "dict",
        "lookup",
        "kremlin",
        "--user-dict",
        p(&dir),
    ]));
    assert!(lookup.contains("code      RUSMIL"), "{lookup}");

    // An error in a user file names that file and its own line.
    fs::write(
        dir.join("verbs.txt"),
        "## 043 Host\n~host\n~visit ; frobnicate\n",
    )
    .unwrap();
    let out = dyad(&["dict", "lookup", "x", "--user-dict", p(&dir)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("mine/verbs.txt:3: unknown option"),
        "{}",
        stderr(&out)
    );
    fs::write(dir.join("verbs.txt"), "~host\n").unwrap();
    let out = dyad(&["dict", "lookup", "x", "--user-dict", p(&dir)]);
    assert!(
        stderr(&out).contains("mine/verbs.txt:1: pattern \"~host\" before the first"),
        "{}",
        stderr(&out)
    );

    let out = dyad(&[
        "dict",
        "lookup",
        "x",
        "--user-dict",
        p(&tmp.path().join("nope")),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no such file or directory"),
        "{}",
        stderr(&out)
    );
}
