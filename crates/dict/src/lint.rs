//! Checks of the dictionary files as an analyst writes them: every problem
//! in every file, each with its `file:line`, where compiling stops at the
//! first. Reads the raw [`Sources`]; the compiled structures are used only
//! where they already say what the coder will do (verb patterns as matched).
//!
//! The checks and their severities are listed in data/README.md
//! ("Dictionary tools"). Errors are mistakes that change or break coding;
//! warnings are redundancies that do not.

use crate::actors::SECTORS;
use crate::cameo::CameoTable;
use crate::phrase::{phrase_key, phrase_surface};
use crate::source::{lines, SourceFile};
use crate::verbs::{Element, Inflector, VerbLexicon};
use crate::{DictError, Origin, Sources};
use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Redundant but harmless: coding is the same without the line.
    Warning,
    /// Breaks loading, or makes a line do something other than it says.
    Error,
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    /// A line that does not follow the format, or a missing file.
    Syntax,
    /// The same phrase, pattern or cue written twice with the same meaning.
    Duplicate,
    /// The same phrase written with two different codes: the later is dead.
    Conflict,
    /// An actor or agent code that is not built from known three-letter parts.
    Code,
    /// A `key=value` field or flag of an actor header that is unknown or malformed.
    Field,
    /// A verb pattern or compose line that can never be chosen.
    Unreachable,
    /// A CAMEO code missing from `cameo.tsv`.
    Cameo,
    /// A word set defined but never used, used but not defined, or defined twice.
    WordSet,
    /// A cue phrase in two sections that say opposite things.
    Cue,
    /// A malformed date range of a date-restricted code.
    Date,
}

impl Check {
    /// The check's name as printed.
    pub fn name(self) -> &'static str {
        match self {
            Check::Syntax => "syntax",
            Check::Date => "date",
            Check::Duplicate => "duplicate",
            Check::Conflict => "conflict",
            Check::Code => "code",
            Check::Field => "field",
            Check::Unreachable => "unreachable",
            Check::Cameo => "cameo",
            Check::WordSet => "word-set",
            Check::Cue => "cue",
        }
    }
}

/// One problem, where it is, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How bad.
    pub severity: Severity,
    /// Which check found it.
    pub check: Check,
    /// File and line (line 0: the file as a whole).
    pub origin: Origin,
    /// What is wrong, naming the other line involved if any.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        if self.origin.line == 0 {
            write!(f, "{}", self.origin.file)?;
        } else {
            write!(f, "{}", self.origin)?;
        }
        write!(f, ": {severity}[{}]: {}", self.check.name(), self.message)
    }
}

/// Parts of actor codes that are not countries or sectors but are known
/// CAMEO prefixes for actors with no country: international militarised
/// groups, multinational corporations, non-governmental movements,
/// unidentified state actors.
pub const INTERNATIONAL: &[&str] = &["IMG", "MNC", "NGM", "UIS"];

/// CAMEO region codes, the first part of actors that stand for a region
/// ("European officials", `EUR`) or span one (`AFRREB`).
pub const REGIONS: &[&str] = &[
    "AFR", "ARB", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EUR", "LAM", "MEA",
    "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST",
];

/// CAMEO religion codes an agent may carry after its sector (`~CVLHIN`).
pub const RELIGIONS: &[&str] = &[
    "BUD", "CHR", "CTH", "HIN", "JAN", "JEW", "MUS", "SHI", "SIK", "SNI", "SUN", "TAO",
];

/// Header fields an actor or agent block may carry.
const FIELDS: &[&str] = &["country", "sector", "wikidata", "kind"];
/// Header flags.
const FLAGS: &[&str] = &["weak", "person"];
/// Values of `kind=`.
const KINDS: &[&str] = &["country", "org", "group", "person"];

/// Pairs of cue sections that say opposite things of the same words: a
/// phrase in both is read one way or the other depending on which the coder
/// looks at first. Other overlaps are allowed ("rejected" both denies an
/// accusation and refuses a proposal; "said" reports and "claimed" alleges).
pub const INCOMPATIBLE_CUES: &[(&str, &str)] = &[
    ("intent", "refuse"),
    ("allege", "deny"),
    ("future", "negation"),
    ("place_preposition", "recipient_preposition"),
    ("pronoun_plural", "pronoun_singular"),
];

/// Runs every check over `sources`. Findings are in file order.
pub fn lint(sources: &Sources) -> Vec<Finding> {
    let mut out = Findings::default();
    let cameo = match &sources.cameo {
        Some(f) => lint_cameo(f, &mut out),
        None => {
            out.missing("cameo.tsv");
            None
        }
    };
    lint_actors(sources, &mut out);
    let inflector = match Inflector::parse(sources.verb_forms.as_ref()) {
        Ok(i) => i,
        Err(e) => {
            out.error_from(e);
            Inflector::default()
        }
    };
    if let Some(f) = &sources.verb_forms {
        lint_verb_forms(f, &mut out);
    }
    match &sources.verbs {
        Some(f) => {
            let files: Vec<&SourceFile> = std::iter::once(f).chain(&sources.extra_verbs).collect();
            lint_verbs(&files, &inflector, cameo.as_ref(), &mut out)
        }
        None => out.missing("verbs.txt"),
    }
    match &sources.cues {
        Some(f) => lint_cues(f, &inflector, cameo.as_ref(), &mut out),
        None => out.missing("cues.txt"),
    }
    let mut findings = out.0;
    findings.sort_by(|a, b| {
        (&a.origin.file, a.origin.line, a.check).cmp(&(&b.origin.file, b.origin.line, b.check))
    });
    findings
}

#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn push(&mut self, severity: Severity, check: Check, origin: &Origin, message: String) {
        self.0.push(Finding {
            severity,
            check,
            origin: origin.clone(),
            message,
        });
    }

    fn error(&mut self, check: Check, origin: &Origin, message: String) {
        self.push(Severity::Error, check, origin, message);
    }

    fn warning(&mut self, check: Check, origin: &Origin, message: String) {
        self.push(Severity::Warning, check, origin, message);
    }

    fn missing(&mut self, name: &str) {
        let origin = Origin {
            file: name.into(),
            line: 0,
        };
        self.error(Check::Syntax, &origin, "the file is missing".into());
    }

    fn error_from(&mut self, e: DictError) {
        let (origin, message) = match e {
            DictError::Syntax {
                path,
                line,
                message,
            } => (
                Origin {
                    file: path.into(),
                    line,
                },
                message,
            ),
            DictError::Io { path, source } => (
                Origin {
                    file: path.into(),
                    line: 0,
                },
                source.to_string(),
            ),
            DictError::Compiled(message) => (
                Origin {
                    file: "(compiled dictionaries)".into(),
                    line: 0,
                },
                message,
            ),
            DictError::Missing(name) => (
                Origin {
                    file: name.into(),
                    line: 0,
                },
                "the file is missing".into(),
            ),
        };
        self.error(Check::Syntax, &origin, message);
    }
}

fn origin(file: &SourceFile, line: usize) -> Origin {
    Origin {
        file: file.name.as_str().into(),
        line,
    }
}

// ------------------------------------------------------------------ actors

/// One meaningful line of an actor or agent file. A new kind of line gets
/// a variant here, a case in [`actor_line`] and its checks in [`lint_actors`].
enum ActorLine<'a> {
    /// `Name [CODE] key=value flag ...`
    Header { code: &'a str, rest: &'a str },
    /// `+ phrase | phrase [CODE]`
    Phrases {
        phrases: Vec<&'a str>,
        code: Option<&'a str>,
    },
    /// `@ FROM..TO [CODE]`
    Dated { range: &'a str, code: &'a str },
}

/// Splits `text [CODE] rest`.
fn bracketed(s: &str) -> Result<(&str, Option<&str>, &str), String> {
    let Some(open) = s.find('[') else {
        return Ok((s.trim(), None, ""));
    };
    let close = s[open..]
        .find(']')
        .map(|c| c + open)
        .ok_or("'[' without ']'")?;
    Ok((
        s[..open].trim(),
        Some(s[open + 1..close].trim()),
        s[close + 1..].trim(),
    ))
}

fn actor_line(text: &str) -> Result<ActorLine<'_>, String> {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix('@') {
        return match bracketed(rest)? {
            (range, Some(code), "") => Ok(ActorLine::Dated { range, code }),
            _ => Err("expected `@ FROM..TO [CODE]`".into()),
        };
    }
    if let Some(rest) = text.strip_prefix('+') {
        let (phrases, code, after) = bracketed(rest)?;
        if !after.is_empty() {
            return Err(format!("unexpected {after:?} after the code"));
        }
        return Ok(ActorLine::Phrases {
            phrases: phrases.split('|').map(str::trim).collect(),
            code,
        });
    }
    match bracketed(text)? {
        (_, Some(code), rest) => Ok(ActorLine::Header { code, rest }),
        (_, None, _) => Err("a block header needs a [CODE]".into()),
    }
}

/// A phrase as the matcher keys it: lower-case tokens, plus the exact
/// surface when it was written with capitals (those match only that case).
fn phrase_identity(phrase: &str) -> (String, Option<String>) {
    let phrase = phrase.trim_end_matches('*');
    let surface = phrase
        .chars()
        .any(char::is_uppercase)
        .then(|| phrase_surface(phrase));
    (phrase_key(phrase), surface)
}

struct PhraseSeen {
    phrase: String,
    code: String,
    origin: Origin,
}

fn lint_actors(sources: &Sources, out: &mut Findings) {
    let files: Vec<(&SourceFile, bool)> = sources
        .actors
        .iter()
        .map(|f| (f, false))
        .chain(sources.agents.iter().map(|f| (f, true)))
        .collect();
    if sources.agents.is_none() {
        out.missing("agents.txt");
    }
    // Country codes first: a code's first part is a country only when a
    // country block has it.
    let mut countries: FxHashSet<String> = FxHashSet::default();
    for (f, agent) in &files {
        for (_, text) in lines(&f.text) {
            if let Ok(ActorLine::Header { code, rest }) = actor_line(text) {
                let kind = rest
                    .split_whitespace()
                    .find_map(|w| w.strip_prefix("kind="));
                let country = kind.map_or(f.name.contains("countries"), |k| k == "country");
                if !agent && code.len() == 3 && country {
                    countries.insert(code.to_string());
                }
            }
        }
    }
    let mut seen: FxHashMap<(String, Option<String>), PhraseSeen> = FxHashMap::default();
    for (f, agent) in files {
        let mut block_code: Option<String> = None;
        for (line, text) in lines(&f.text) {
            let here = origin(f, line);
            let parsed = match actor_line(text) {
                Ok(p) => p,
                Err(message) => {
                    out.error(Check::Syntax, &here, message);
                    continue;
                }
            };
            match parsed {
                ActorLine::Dated { range, code } => {
                    if block_code.is_none() {
                        out.error(
                            Check::Syntax,
                            &here,
                            "an '@' line must follow a block header".into(),
                        );
                    }
                    check_code(code, agent, &countries, &here, out);
                    if crate::actors::parse_range(range).is_none() {
                        out.error(
                            Check::Date,
                            &here,
                            format!("bad date range {range:?} (YYYY-MM-DD..YYYY-MM-DD, either end open, start before end)"),
                        );
                    }
                }
                ActorLine::Header { code: "-", .. } => {
                    block_code = Some("-".to_string());
                }
                ActorLine::Header { code, rest } => {
                    check_code(code, agent, &countries, &here, out);
                    check_fields(rest, agent, &countries, &here, out);
                    block_code = Some(code.to_string());
                }
                ActorLine::Phrases { phrases, code } => {
                    let Some(block) = &block_code else {
                        out.error(
                            Check::Syntax,
                            &here,
                            "a '+' line must follow a block header".into(),
                        );
                        continue;
                    };
                    if let Some(c) = code {
                        check_code(c, agent, &countries, &here, out);
                    }
                    let code = code.map_or_else(|| block.clone(), str::to_string);
                    for phrase in phrases {
                        check_phrase(phrase, &code, &here, &mut seen, out);
                    }
                }
            }
        }
    }
}

fn check_phrase(
    phrase: &str,
    code: &str,
    here: &Origin,
    seen: &mut FxHashMap<(String, Option<String>), PhraseSeen>,
    out: &mut Findings,
) {
    let identity = phrase_identity(phrase);
    if identity.0.is_empty() {
        out.error(
            Check::Syntax,
            here,
            format!("empty phrase {phrase:?} (two '|' in a row, or a '|' at an end)"),
        );
        return;
    }
    match seen.get(&identity) {
        Some(first) if first.code == code => out.warning(
            Check::Duplicate,
            here,
            format!(
                "phrase {phrase:?} [{code}] is already at {}{}",
                first.origin,
                written_as(&first.phrase, phrase)
            ),
        ),
        Some(first) => out.error(
            Check::Conflict,
            here,
            format!(
                "phrase {phrase:?} is [{code}] here but [{}] at {}{}, which wins: this line never codes it",
                first.code,
                first.origin,
                written_as(&first.phrase, phrase)
            ),
        ),
        None => {
            seen.insert(
                identity,
                PhraseSeen {
                    phrase: phrase.to_string(),
                    code: code.to_string(),
                    origin: here.clone(),
                },
            );
        }
    }
}

/// " as ..." when two spellings are the same phrase to the matcher.
fn written_as(first: &str, here: &str) -> String {
    if first == here {
        String::new()
    } else {
        format!(" as {first:?} (the same words to the matcher)")
    }
}

/// Codes are three-letter upper-case parts. An actor's first part is a
/// country, a region, a sector or an international prefix, and a part right after a
/// country is a sector; later parts may be anything (regions, religions,
/// organisation names). An agent's parts are sectors, or religions after
/// the first.
fn check_code(
    code: &str,
    agent: bool,
    countries: &FxHashSet<String>,
    here: &Origin,
    out: &mut Findings,
) {
    let bare = match (agent, code.strip_prefix('~')) {
        (true, Some(b)) => b,
        (false, None) => code,
        (true, None) => {
            return out.error(
                Check::Code,
                here,
                format!("agent code [{code}] must start with '~'"),
            )
        }
        (false, Some(_)) => {
            return out.error(
                Check::Code,
                here,
                format!("actor code [{code}] must not start with '~' (only agents.txt)"),
            )
        }
    };
    if (bare.is_empty() && !agent)
        || bare.len() % 3 != 0
        || !bare.chars().all(|c| c.is_ascii_uppercase())
    {
        return out.error(
            Check::Code,
            here,
            format!("code [{code}] is not made of three-letter upper-case parts"),
        );
    }
    let parts: Vec<&str> = (0..bare.len() / 3)
        .map(|i| &bare[i * 3..i * 3 + 3])
        .collect();
    for (i, part) in parts.iter().enumerate() {
        let sector = SECTORS.contains(part);
        let problem = if agent {
            (!sector && (i == 0 || !RELIGIONS.contains(part)))
                .then(|| format!("{part} is not a sector"))
        } else if i == 0 {
            let known = sector
                || countries.contains(*part)
                || REGIONS.contains(part)
                || INTERNATIONAL.contains(part);
            (!known).then(|| {
                format!("{part} is not a country, a region, a sector or an international prefix")
            })
        } else if i == 1 && countries.contains(parts[0]) {
            (!sector).then(|| format!("{part} after the country {} is not a sector", parts[0]))
        } else {
            None
        };
        // Well-formed codes with parts dyad does not know (religions,
        // ethnic groups, office titles in imported dictionaries) still code.
        if let Some(problem) = problem {
            out.warning(Check::Code, here, format!("code [{code}]: {problem}"));
        }
    }
}

fn check_fields(
    rest: &str,
    agent: bool,
    countries: &FxHashSet<String>,
    here: &Origin,
    out: &mut Findings,
) {
    let mut keys: FxHashSet<&str> = FxHashSet::default();
    for word in rest.split_whitespace() {
        let Some((key, value)) = word.split_once('=') else {
            if !FLAGS.contains(&word) {
                out.error(
                    Check::Field,
                    here,
                    format!(
                        "unknown flag {word:?} (known: {}, or key=value)",
                        FLAGS.join(", ")
                    ),
                );
            } else if !agent {
                out.error(
                    Check::Field,
                    here,
                    format!("flag {word:?} is for agents.txt only"),
                );
            }
            continue;
        };
        let value = value.trim_matches('"');
        if !keys.insert(key) {
            out.error(Check::Field, here, format!("field {key} is given twice"));
        }
        let problem = match key {
            _ if !FIELDS.contains(&key) => Some(format!(
                "unknown field {key:?} (known: {})",
                FIELDS.join(", ")
            )),
            _ if value.is_empty() => Some(format!("field {key} has no value")),
            "wikidata" => (!(value.len() > 1
                && value.starts_with('Q')
                && value[1..].chars().all(|c| c.is_ascii_digit())))
            .then(|| format!("wikidata={value} is not a Wikidata id (Q and digits)")),
            "kind" => (!KINDS.contains(&value))
                .then(|| format!("kind={value} is not one of {}", KINDS.join(", "))),
            "country" => (value != "-" && !countries.contains(value))
                .then(|| format!("country={value} is not the code of a country block (or -)")),
            "sector" => value
                .split(',')
                .find(|s| !SECTORS.contains(&s.trim()))
                .map(|s| format!("sector={value}: {s:?} is not a sector")),
            _ => None,
        };
        if let Some(problem) = problem {
            out.error(Check::Field, here, problem);
        }
    }
}

// ------------------------------------------------------------------ verbs

fn lint_verb_forms(file: &SourceFile, out: &mut Findings) {
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    for (line, text) in lines(&file.text) {
        let Some(lemma) = text.split_whitespace().next() else {
            continue;
        };
        let lemma = lemma.to_lowercase();
        if let Some(first) = seen.get(&lemma) {
            out.warning(
                Check::Duplicate,
                &origin(file, line),
                format!("verb {lemma:?} already has forms at line {first}; this line wins"),
            );
        } else {
            seen.insert(lemma, line);
        }
    }
}

/// Checks `verbs.txt` and the `verbs-*.txt` read after it (`files`, in
/// that order): each file on its own, then their patterns together.
fn lint_verbs(
    files: &[&SourceFile],
    inflector: &Inflector,
    cameo: Option<&CameoTable>,
    out: &mut Findings,
) {
    let mut lexicon: Option<VerbLexicon> = None;
    for file in files {
        lint_word_sets(file, out);
        // Block codes, read from the raw lines so that every bad one is reported.
        for (line, text) in lines(&file.text) {
            let Some(rest) = text.trim().strip_prefix("##") else {
                continue;
            };
            let code = rest.split_whitespace().next().unwrap_or("");
            if let Some(table) = cameo {
                if !code.is_empty() && table.get(code).is_none() {
                    out.error(
                        Check::Cameo,
                        &origin(file, line),
                        format!("CAMEO code {code} is not in cameo.tsv"),
                    );
                }
            }
        }
        let Some(compiled) = compile_verbs_around_errors(file, inflector, out) else {
            continue;
        };
        match lexicon.as_mut() {
            Some(l) => l.append(compiled),
            None => lexicon = Some(compiled),
        }
    }
    let Some(lexicon) = lexicon else {
        return;
    };
    // Equal matches go to the pattern written first, so a pattern with the
    // same elements as an earlier one is never chosen.
    let mut first: FxHashMap<&[Element], usize> = FxHashMap::default();
    for (i, p) in lexicon.patterns.iter().enumerate() {
        let Some(&j) = first.get(p.elements.as_slice()) else {
            first.insert(&p.elements, i);
            continue;
        };
        let earlier = &lexicon.patterns[j];
        if earlier.code == p.code && earlier.noevent == p.noevent {
            out.warning(
                Check::Duplicate,
                &p.origin,
                format!(
                    "pattern {:?} [{}] is already at {}",
                    p.text, p.code, earlier.origin
                ),
            );
        } else {
            let what = |noevent: bool, code: &str| {
                if noevent {
                    "noevent".to_string()
                } else {
                    format!("[{code}]")
                }
            };
            out.error(
                Check::Unreachable,
                &p.origin,
                format!(
                    "pattern {:?} {} can never be chosen: {} matches the same words as {} and is written first",
                    p.text,
                    what(p.noevent, &p.code),
                    earlier.origin,
                    what(earlier.noevent, &earlier.code)
                ),
            );
        }
    }
}

/// Compiles the lexicon, leaving out each line that stops compiling (and
/// reporting it unless a check above already has), so that the checks on
/// compiled patterns still see every other line.
fn compile_verbs_around_errors(
    file: &SourceFile,
    inflector: &Inflector,
    out: &mut Findings,
) -> Option<VerbLexicon> {
    let mut text: Vec<String> = file.text.lines().map(str::to_string).collect();
    loop {
        let attempt = SourceFile {
            name: file.name.clone(),
            text: text.join("\n"),
        };
        match VerbLexicon::compile(&attempt, inflector) {
            Ok(l) => return Some(l),
            Err(DictError::Syntax { line, message, .. }) if (1..=text.len()).contains(&line) => {
                let here = origin(file, line);
                let known = out
                    .0
                    .iter()
                    .any(|f| f.origin == here && f.severity == Severity::Error);
                if !known {
                    out.error(Check::Syntax, &here, message);
                }
                text[line - 1].clear();
            }
            Err(e) => {
                out.error_from(e);
                return None;
            }
        }
    }
}

/// `&name = ...` definitions against `&name` uses, from the raw lines.
fn lint_word_sets(file: &SourceFile, out: &mut Findings) {
    let mut defined: FxHashMap<String, (usize, bool)> = FxHashMap::default();
    for (line, text) in lines(&file.text) {
        let text = text.trim();
        if text.starts_with("##") {
            continue;
        }
        let (body, defines) = match text.strip_prefix('&').and_then(|r| r.split_once('=')) {
            Some((name, members)) => (members, Some(name.trim())),
            None => (text.split(';').next().unwrap_or(text), None),
        };
        for element in body.split(|c: char| c.is_whitespace() || c == '|') {
            let element = element.trim_matches(|c| c == '(' || c == ')');
            let Some(name) = element.strip_prefix('&') else {
                continue;
            };
            match defined.get_mut(name) {
                Some(d) => d.1 = true,
                None => out.error(
                    Check::WordSet,
                    &origin(file, line),
                    format!("word set &{name} is not defined above this line"),
                ),
            }
        }
        if let Some(name) = defines {
            if let Some((first, _)) = defined.get(name) {
                out.error(
                    Check::WordSet,
                    &origin(file, line),
                    format!("word set &{name} is already defined at line {first}; patterns below use this one"),
                );
            }
            defined.insert(name.to_string(), (line, false));
        }
    }
    let mut unused: Vec<(&String, usize)> = defined
        .iter()
        .filter(|(_, (_, used))| !used)
        .map(|(name, (line, _))| (name, *line))
        .collect();
    unused.sort_by_key(|(_, line)| *line);
    for (name, line) in unused {
        out.warning(
            Check::WordSet,
            &origin(file, line),
            format!("word set &{name} is never used"),
        );
    }
}

// ------------------------------------------------------------------ cues

fn lint_cues(
    file: &SourceFile,
    inflector: &Inflector,
    cameo: Option<&CameoTable>,
    out: &mut Findings,
) {
    let incompatible = |a: &str, b: &str| {
        INCOMPATIBLE_CUES
            .iter()
            .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
    };
    let mut section: Option<String> = None;
    // Phrase key → the sections it is in, with the line of each.
    let mut seen: FxHashMap<String, Vec<(String, usize)>> = FxHashMap::default();
    let mut compose: FxHashMap<(String, String), usize> = FxHashMap::default();
    for (line, text) in lines(&file.text) {
        let here = origin(file, line);
        let text = text.trim();
        if let Some(name) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            if name != "compose" && !crate::cues::SECTIONS.contains(&name) {
                out.error(Check::Syntax, &here, format!("unknown section [{name}]"));
            }
            section = Some(name.to_string());
            continue;
        }
        let Some(sec) = section.as_deref() else {
            out.error(
                Check::Syntax,
                &here,
                "cue before the first [section]".into(),
            );
            continue;
        };
        if sec == "compose" {
            let parts: Vec<&str> = text.split_whitespace().collect();
            let [cue, prefix, result] = parts[..] else {
                out.error(Check::Syntax, &here, "expected `CUE PREFIX CODE`".into());
                continue;
            };
            if let Some(table) = cameo {
                if table.get(result).is_none() {
                    out.error(
                        Check::Cameo,
                        &here,
                        format!("CAMEO code {result} is not in cameo.tsv"),
                    );
                }
            }
            let key = (cue.to_string(), prefix.to_string());
            match compose.get(&key) {
                Some(first) => out.error(
                    Check::Unreachable,
                    &here,
                    format!("{cue} {prefix} is already composed at line {first}, which wins"),
                ),
                None => {
                    compose.insert(key, line);
                }
            }
            continue;
        }
        for key in crate::cues::expand(text, inflector) {
            let entry = seen.entry(key.clone()).or_default();
            if let Some((_, first)) = entry.iter().find(|(s, _)| s == sec) {
                out.warning(
                    Check::Duplicate,
                    &here,
                    format!("cue {key:?} is already in [{sec}] at line {first}"),
                );
                continue;
            }
            for (other, first) in entry.iter() {
                if incompatible(sec, other) {
                    out.error(
                        Check::Cue,
                        &here,
                        format!("cue {key:?} is in [{sec}] here and in [{other}] at line {first}, which says the opposite"),
                    );
                }
            }
            entry.push((sec.to_string(), line));
        }
    }
}

// ------------------------------------------------------------------ cameo

fn lint_cameo(file: &SourceFile, out: &mut Findings) -> Option<CameoTable> {
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, row) in file.text.lines().enumerate().skip(1) {
        let code = row.split('\t').next().unwrap_or("").trim();
        if code.is_empty() || code.starts_with('#') {
            continue;
        }
        if let Some(first) = seen.insert(code, i + 1) {
            out.warning(
                Check::Duplicate,
                &origin(file, i + 1),
                format!("CAMEO code {code} is already at line {first}; this row wins"),
            );
        }
    }
    match CameoTable::parse(file) {
        Ok(t) => Some(t),
        Err(e) => {
            out.error_from(e);
            None
        }
    }
}

/// Counts of findings: (errors, warnings).
pub fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}
