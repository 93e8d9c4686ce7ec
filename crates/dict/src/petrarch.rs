//! Dictionaries in the TABARI / PETRARCH2 formats (verbs with synsets and
//! patterns, actors with date-restricted codes, agents, discards, issues),
//! converted into dyad's own formats (data/README.md).
//!
//! The conversion is textual: each PETRARCH file becomes a dyad file whose
//! lines carry a `# from FILE:LINE` note, so an analyst can trace an entry
//! back to the line it came from. What cannot be expressed is listed in the
//! [`ImportReport`] with its reason, never silently dropped.
//!
//! PETRARCH patterns are written against a constituency parse (noun heads,
//! prepositional phrases); dyad reads the surface. A pattern becomes the
//! words in text order with gaps where PETRARCH allows other words: the head
//! noun of a phrase may follow up to four modifiers (`* word`), a
//! prepositional phrase `(FOR AID)` is `for * aid`, a `_` joins words that
//! must be adjacent.

use crate::source::SourceFile;
use crate::{DictError, Origin, Sources};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// What an import converted and what it left out.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// Entries written, by kind ("actors", "actor phrases", "dated codes",
    /// "agents", "verb patterns", "verbs", "synsets", "discards", "issues").
    pub counts: BTreeMap<String, usize>,
    /// Entries left out, with why.
    pub dropped: Vec<Dropped>,
}

/// One entry the conversion could not express.
#[derive(Debug, Clone)]
pub struct Dropped {
    /// Where it was in the PETRARCH file.
    pub origin: Origin,
    /// Why it was left out.
    pub reason: String,
    /// The line as written.
    pub text: String,
}

impl ImportReport {
    fn count(&mut self, what: &str, n: usize) {
        *self.counts.entry(what.to_string()).or_default() += n;
    }

    fn drop(&mut self, file: &SourceFile, line: usize, text: &str, reason: impl Into<String>) {
        self.dropped.push(Dropped {
            origin: Origin {
                file: file.name.as_str().into(),
                line,
            },
            reason: reason.into(),
            text: text.trim().to_string(),
        });
    }

    /// Dropped entries counted by reason, most frequent first.
    pub fn dropped_by_reason(&self) -> Vec<(String, usize)> {
        let mut by: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &self.dropped {
            *by.entry(d.reason.as_str()).or_default() += 1;
        }
        let mut v: Vec<(String, usize)> = by.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// A readable summary: counts, then dropped entries by reason.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for (k, n) in &self.counts {
            let _ = writeln!(out, "{k}: {n}");
        }
        let _ = writeln!(out, "dropped: {}", self.dropped.len());
        for (reason, n) in self.dropped_by_reason() {
            let _ = writeln!(out, "  {n:>6}  {reason}");
        }
        out
    }
}

/// Which kind of PETRARCH file a name is, from the conventions of the
/// PETRARCH2 distribution (`CAMEO.2.0.txt`, `Phoenix.Countries.actors.txt`,
/// `PETR.Validate.verbs.txt`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Verb dictionary.
    Verbs,
    /// Actor dictionary.
    Actors,
    /// Agent dictionary.
    Agents,
    /// Discard list.
    Discards,
    /// Issue dictionary.
    Issues,
}

impl FileKind {
    /// The kind of a file from its name, or `None` for files that are not
    /// dictionaries.
    pub fn of(name: &str) -> Option<FileKind> {
        let n = name.to_ascii_lowercase();
        if !n.ends_with(".txt") {
            return None;
        }
        if n.contains("verbs") || n.starts_with("cameo") {
            Some(FileKind::Verbs)
        } else if n.contains("actors") {
            Some(FileKind::Actors)
        } else if n.contains("agents") {
            Some(FileKind::Agents)
        } else if n.contains("discard") {
            Some(FileKind::Discards)
        } else if n.contains("issue") {
            Some(FileKind::Issues)
        } else {
            None
        }
    }
}

/// dyad-format files converted from a folder of PETRARCH dictionaries.
#[derive(Debug, Clone, Default)]
pub struct Converted {
    /// Actor files, named `actors/<stem>.txt`.
    pub actors: Vec<SourceFile>,
    /// The agent file.
    pub agents: Option<SourceFile>,
    /// The verb lexicon.
    pub verbs: Option<SourceFile>,
    /// Irregular verb forms the verb dictionary spelled out.
    pub verb_forms: Option<SourceFile>,
    /// The discard list.
    pub discards: Option<SourceFile>,
    /// The issue dictionary.
    pub issues: Option<SourceFile>,
    /// What was converted and dropped.
    pub report: ImportReport,
}

impl Converted {
    /// The converted files as dyad [`Sources`], with `base` supplying what
    /// PETRARCH dictionaries do not have (cue words, the CAMEO table) and the
    /// irregular verb forms both know.
    pub fn into_sources(self, base: &Sources) -> Sources {
        let verb_forms = match (&base.verb_forms, &self.verb_forms) {
            (Some(b), Some(extra)) => Some(SourceFile {
                name: b.name.clone(),
                text: format!("{}\n{}", b.text, extra.text),
            }),
            (b, extra) => b.clone().or_else(|| extra.clone()),
        };
        Sources {
            actors: self.actors,
            agents: self.agents,
            verbs: self.verbs,
            extra_verbs: Vec::new(),
            verb_forms,
            cues: base.cues.clone(),
            cameo: base.cameo.clone(),
            discards: self.discards,
            issues: self.issues,
            foreign_codes: true,
        }
    }
}

/// Reads every PETRARCH dictionary in `dir` (by file name, see
/// [`FileKind::of`]) and converts it.
pub fn import_dir(dir: &Path) -> Result<Converted, DictError> {
    let entries = std::fs::read_dir(dir).map_err(|source| DictError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| FileKind::of(n).is_some())
        .collect();
    names.sort();
    let mut files = Vec::new();
    for n in names {
        let path = dir.join(&n);
        let bytes = std::fs::read(&path).map_err(|source| DictError::Io {
            path: path.display().to_string(),
            source,
        })?;
        // Older dictionaries are Latin-1 or carry stray bytes: decode lossily.
        files.push(SourceFile {
            name: n,
            text: String::from_utf8_lossy(&bytes).into_owned(),
        });
    }
    if files.is_empty() {
        return Err(DictError::Missing(format!(
            "PETRARCH dictionaries (*verbs*.txt, *actors*.txt, ...) in {}",
            dir.display()
        )));
    }
    Ok(convert(&files))
}

/// Converts PETRARCH files (kind from each name).
pub fn convert(files: &[SourceFile]) -> Converted {
    let mut out = Converted::default();
    let mut agents = String::new();
    let mut verbs = String::new();
    let mut forms = String::new();
    let mut discards = String::new();
    let mut issues = String::new();
    for f in files {
        let stem = f.name.trim_end_matches(".txt").replace(['/', '\\'], "_");
        match FileKind::of(&f.name) {
            Some(FileKind::Actors) => {
                let text = convert_actors(f, &mut out.report);
                out.actors.push(SourceFile {
                    name: format!("actors/{stem}.txt"),
                    text,
                });
            }
            Some(FileKind::Agents) => agents.push_str(&convert_agents(f, &mut out.report)),
            Some(FileKind::Verbs) => {
                let (v, vf) = convert_verbs(f, &mut out.report);
                verbs.push_str(&v);
                forms.push_str(&vf);
            }
            Some(FileKind::Discards) => discards.push_str(&convert_discards(f, &mut out.report)),
            Some(FileKind::Issues) => issues.push_str(&convert_issues(f, &mut out.report)),
            None => {}
        }
    }
    let file = |name: &str, text: String| {
        (!text.trim().is_empty()).then(|| SourceFile {
            name: name.to_string(),
            text,
        })
    };
    out.agents = file("agents.txt", agents);
    out.verbs = file("verbs.txt", verbs);
    out.verb_forms = file("verb_forms.txt", forms);
    out.discards = file("discards.txt", discards);
    out.issues = file("issues.txt", issues);
    out
}

/// A line without its `#` comment (and TABARI's `;` comment on actor lines).
fn strip(line: &str) -> &str {
    let line = line.split('#').next().unwrap_or("");
    line.trim_end()
}

fn is_markup(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("<!--") || t.starts_with("<") && t.ends_with('>')
}

/// `AL-INTIQAMI_AL-PAKISTANI_` → `al-intiqami al-pakistani`.
fn phrase_text(raw: &str) -> String {
    raw.trim()
        .trim_end_matches('_')
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A phrase is usable in dyad when it has a letter and none of the
/// characters dyad's formats reserve.
fn usable_phrase(p: &str) -> bool {
    !p.is_empty()
        && p.chars().any(char::is_alphanumeric)
        && !p.contains([
            '[', ']', '|', '#', '~', '&', '{', '}', '!', '+', '$', '%', '^',
        ])
}

/// `AFG`, `USAGOV`: three-letter upper-case parts.
fn valid_code(code: &str) -> bool {
    !code.is_empty() && code.len().is_multiple_of(3) && code.chars().all(|c| c.is_ascii_uppercase())
}

/// TABARI dates: `YYMMDD` (years up to 30 are 20xx) or `YYYYMMDD`.
fn petrarch_date(s: &str) -> Option<String> {
    let s = s.trim();
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: u32 = s[..2].parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    let m: u32 = rest[..2].parse().ok()?;
    let d: u32 = rest[2..].parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// `<date`, `>date`, `date-date` → dyad's `..to`, `from..`, `from..to`.
fn petrarch_range(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(d) = s.strip_prefix('<') {
        return Some(format!("..{}", petrarch_date(d)?));
    }
    if let Some(d) = s.strip_prefix('>') {
        return Some(format!("{}..", petrarch_date(d)?));
    }
    let (a, b) = s.split_once('-')?;
    let (from, to) = (petrarch_date(a)?, petrarch_date(b)?);
    // ISO dates compare as text; a range that ends before it starts is an error.
    (from <= to).then(|| format!("{from}..{to}"))
}

// ------------------------------------------------------------------ actors

struct ActorBlock {
    name: String,
    code: Option<String>,
    phrases: Vec<String>,
    dated: Vec<(String, String)>,
    default_dated: Option<String>,
    line: usize,
    person_hint: bool,
}

/// Splits `PHRASE [CODE RANGE] [CODE] ...` into the phrase and each
/// bracketed group's code and date range (empty when undated). A group
/// without its closing bracket runs to the end of the line.
fn phrase_and_codes(s: &str) -> (String, Vec<(String, String)>) {
    let Some(open) = s.find('[') else {
        return (s.trim().to_string(), Vec::new());
    };
    let mut groups = Vec::new();
    for g in s[open..].split('[').skip(1) {
        let inner = g.split(']').next().unwrap_or("");
        let mut parts = inner.split_whitespace();
        let Some(code) = parts.next() else { continue };
        groups.push((code.to_string(), parts.collect()));
    }
    (s[..open].trim().to_string(), groups)
}

/// Splits `PHRASE [CODE] ...` into the phrase and the code inside brackets.
fn phrase_and_code(s: &str) -> (String, Option<String>) {
    match s.find('[') {
        Some(open) => {
            let close = s[open..].find(']').map_or(s.len(), |c| c + open);
            (
                s[..open].trim().to_string(),
                Some(s[open + 1..close].trim().to_string()),
            )
        }
        None => (s.trim().to_string(), None),
    }
}

/// The phrases of one written phrase: `ISLAMIC_ARMY_OF_ADEN_(IAA)_` gives
/// the name without the parenthesis and the abbreviation inside it.
fn actor_phrases(raw: &str) -> Vec<String> {
    // TABARI reads a phrase that does not end in `_` as a stem: its last
    // word may go on ("ISRAEL" also matches "Israeli").
    let stem = !raw.trim().ends_with('_');
    actor_phrases_exact(raw)
        .into_iter()
        .map(|p| {
            let cased = cased_phrase(&p);
            let last = p.rsplit(' ').next().unwrap_or("");
            if stem && cased == p && last.chars().count() >= 4 {
                format!("{p}*")
            } else {
                cased
            }
        })
        .collect()
}

fn actor_phrases_exact(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let (Some(open), Some(close)) = (raw.find('('), raw.find(')')) {
        if open < close {
            let inner = phrase_text(&raw[open + 1..close]);
            let outer = phrase_text(&format!("{}{}", &raw[..open], &raw[close + 1..]));
            out.push(outer);
            if inner.len() >= 2 {
                out.push(inner);
            }
            return out;
        }
    }
    out.push(phrase_text(raw));
    out
}

/// A block's display name: `VLADIMIR_PUTIN_` → `Vladimir Putin`.
fn display_name(raw: &str) -> String {
    phrase_text(raw)
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Short all-capital names ("US", "UN", "WHO", "AU") are matched in dyad only
/// in that case: lower-case they are English words.
fn cased_phrase(p: &str) -> String {
    let letters = p.chars().filter(|c| c.is_alphabetic()).count();
    if !p.contains(' ') && letters <= 3 && p.len() <= 4 {
        p.to_uppercase()
    } else {
        p.to_string()
    }
}

fn convert_actors(file: &SourceFile, rep: &mut ImportReport) -> String {
    // A file that marks its leaders (Phoenix.Countries' `CountryInfo`
    // comments) says who is a person; in the others, office-holders are
    // told by their codes (`office_holder`).
    let marks_persons = file.text.contains("CountryInfo");
    let mut blocks: Vec<ActorBlock> = Vec::new();
    for (i, raw) in file.text.lines().enumerate() {
        let line = i + 1;
        if is_markup(raw) {
            continue;
        }
        let person_hint = raw.contains("CountryInfo");
        let text = strip(raw);
        let text = text.split(';').next().unwrap_or("").trim_end();
        if text.trim().is_empty() {
            continue;
        }
        let indented = raw.starts_with('\t') || raw.starts_with(' ');
        let t = text.trim();
        if t.starts_with('[') {
            // A date restriction (or a default code) for the current block.
            let Some(b) = blocks.last_mut() else {
                rep.drop(file, line, raw, "date restriction before any actor");
                continue;
            };
            let inner = t.trim_start_matches('[').trim_end_matches(']').trim();
            let mut parts = inner.split_whitespace();
            let code = parts.next().unwrap_or("").to_string();
            if !valid_code(&code) {
                rep.drop(file, line, raw, "malformed actor code");
                continue;
            }
            // TABARI writes the range with or without spaces around its
            // operator (`<950601`, `< 950601`, `19950601 - 19990815`).
            let range: String = parts.collect();
            if range.is_empty() {
                b.default_dated = Some(code);
            } else {
                match petrarch_range(&range) {
                    Some(range) => b.dated.push((range, code)),
                    None => rep.drop(file, line, raw, "malformed date restriction"),
                }
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix('+') {
            let Some(b) = blocks.last_mut() else {
                rep.drop(file, line, raw, "synonym before any actor");
                continue;
            };
            let (p, code) = phrase_and_code(rest);
            if code.is_some() {
                rep.drop(file, line, raw, "synonym with a code of its own");
                continue;
            }
            for p in actor_phrases(&p) {
                if usable_phrase(&p) {
                    b.phrases.push(p);
                } else {
                    rep.drop(file, line, raw, "phrase with reserved characters");
                }
            }
            continue;
        }
        if indented && !t.starts_with(|c: char| c.is_alphanumeric()) {
            rep.drop(file, line, raw, "unrecognised line");
            continue;
        }
        let (p, groups) = phrase_and_codes(t);
        // The head line may carry several codes, dated or not, as TABARI
        // allows (`JAVIER_DE_CUELLAR_ [IGOUNO 820101-911231] [ELI]`): the
        // dated ones become date restrictions and the first undated one the
        // code outside them.
        let mut code: Option<String> = None;
        let mut dated = Vec::new();
        let mut bad = None;
        for (c, range) in groups {
            if !valid_code(&c) {
                bad = Some("malformed actor code");
                break;
            }
            if range.is_empty() {
                if code.as_deref().is_none_or(|k| k == "---") {
                    code = Some(c);
                }
            } else {
                match petrarch_range(&range) {
                    Some(range) => dated.push((range, c)),
                    None => {
                        bad = Some("malformed date restriction");
                        break;
                    }
                }
            }
        }
        if let Some(reason) = bad {
            rep.drop(file, line, raw, reason);
            continue;
        }
        let phrases: Vec<String> = actor_phrases(&p)
            .into_iter()
            .filter(|p| usable_phrase(p))
            .collect();
        if phrases.is_empty() {
            rep.drop(file, line, raw, "phrase with reserved characters");
            continue;
        }
        blocks.push(ActorBlock {
            name: display_name(&p),
            code,
            phrases,
            dated,
            default_dated: None,
            line,
            person_hint,
        });
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Converted by `dyad dict import` from {} (TABARI/PETRARCH actor format).\n",
        file.name
    );
    for b in blocks {
        let default = b.code.clone().or(b.default_dated.clone());
        if default.is_none() && b.dated.is_empty() {
            rep.drop(file, b.line, &b.name, "actor without a code");
            continue;
        }
        let head = default.clone().unwrap_or_else(|| "-".to_string());
        let country = head.len() == 3 && !not_a_country(&head);
        let person = (!country && titled(&b.phrases))
            || if marks_persons {
                b.person_hint && (b.code.is_none() || !b.dated.is_empty())
            } else {
                office_holder(&b)
            };
        // PETRARCH joins any three-letter actor code with an agent's
        // ("Arnor" + "government" = ARNGOV), as dyad does with countries.
        let kind = if person {
            " kind=person"
        } else if country {
            " kind=country"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{} [{}]{}  # from {}:{}",
            b.name, head, kind, file.name, b.line
        );
        let mut phrases: Vec<String> = Vec::new();
        for p in b.phrases.iter().cloned() {
            if !phrases.contains(&p) {
                phrases.push(p);
            }
        }
        rep.count("actor phrases", phrases.len());
        for chunk in phrases.chunks(6) {
            let _ = writeln!(out, "+ {}", chunk.join(" | "));
        }
        for (range, code) in &b.dated {
            let _ = writeln!(out, "@ {range} [{code}]");
        }
        rep.count("dated codes", b.dated.len());
        rep.count("actors", 1);
        out.push('\n');
    }
    out
}

/// Three-letter codes of actor files that are not countries: sectors,
/// CAMEO's international prefixes, regions and religions (the USSR's `SUN`
/// is a country, not the Sunni code), and a few more Phoenix uses.
/// An entry whose name also comes with a personal title among its phrases
/// ("barack obama" with "president barack obama" or "mr. obama") is a
/// person whatever its file says. The rest of the titled phrase must be the
/// name or its last word, so a group that lists its leader ("sheikh hassan
/// nasrallah" under Hezbollah) or is named after one stays a group.
fn titled(phrases: &[String]) -> bool {
    const TITLES: &[&str] = &[
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sir",
        "president",
        "senator",
        "sen.",
        "congressman",
        "congresswoman",
        "governor",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "sheik",
        "emir",
        "ayatollah",
        "pope",
        "cardinal",
        "reverend",
        "rev.",
    ];
    let Some(name) = phrases
        .first()
        .map(|p| p.trim_end_matches('*').to_lowercase())
    else {
        return false;
    };
    let surname = name.rsplit(' ').next().unwrap_or("");
    phrases.iter().any(|p| {
        let p = p.trim_end_matches('*').to_lowercase();
        let Some((title, rest)) = p.split_once(' ') else {
            return false;
        };
        TITLES.contains(&title)
            && !TITLES.contains(&name.split(' ').next().unwrap_or(""))
            && (rest == name || (rest == surname && name.contains(' ')))
    })
}

/// In a file that does not mark its persons, an entry is one when its
/// codes change with the date and none of them names a company, a country or a part of one
/// (`REPUBLICA_SRPSKA_` is `[BIHSRP]`): office-holders such as `KOFI_ANNAN_`
/// with `[IGOUNO 970101-061231]` and `[ELI]`. A body that existed for a
/// time only (the Warsaw Treaty Organization, `[IGOEEU 550514-910701]`)
/// reads as one too.
fn office_holder(b: &ActorBlock) -> bool {
    let not_a_person = |c: &str| {
        let country = |k: &str| !not_a_country(k);
        c.starts_with("MNC")
            || (c.len() == 3 && country(c))
            || (c.len() == 6 && country(&c[..3]) && !crate::actors::SECTORS.contains(&&c[3..]))
    };
    // Outside its dates an office-holder has no code of a body, at most a
    // sector (`[ELI]`); a body that moved keeps one (`[NGOCANHRI]`).
    let sector_only = |c: &str| c == "---" || crate::actors::SECTORS.contains(&c);
    !b.dated.is_empty()
        && !b.dated.iter().any(|(_, c)| not_a_person(c))
        && b.code
            .iter()
            .chain(&b.default_dated)
            .all(|c| sector_only(c))
}

fn not_a_country(code: &str) -> bool {
    use crate::lint::{INTERNATIONAL, REGIONS, RELIGIONS};
    const OTHERS: &[&str] = &[
        "UNO", "SET", "ENV", "HRI", "DEV", "BAH", "MOS", "ATH", "NAM", "BAL", "WEU",
    ];
    crate::actors::SECTORS.contains(&code)
        || INTERNATIONAL.contains(&code)
        || REGIONS.contains(&code)
        || (RELIGIONS.contains(&code) && code != "SUN")
        || OTHERS.contains(&code)
}

// ------------------------------------------------------------------ agents

/// English plural of a word, by PETRARCH's rule.
fn plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('y') {
        if !stem.ends_with(['a', 'e', 'i', 'o', 'u']) {
            return format!("{stem}ies");
        }
    }
    if word.ends_with("ss") || word.ends_with("sh") || word.ends_with("ch") || word.ends_with('x') {
        return format!("{word}es");
    }
    format!("{word}s")
}

/// The lines of a PETRARCH file that carry content: 1-based number, the
/// line as written, and the line without its comment.
fn content_lines(file: &SourceFile) -> impl Iterator<Item = (usize, &str, &str)> {
    file.text.lines().enumerate().filter_map(|(i, raw)| {
        if is_markup(raw) {
            return None;
        }
        let t = strip(raw).trim();
        (!t.is_empty()).then_some((i + 1, raw, t))
    })
}

/// The first line of a converted file.
fn converted_header(file: &SourceFile, what: &str) -> String {
    format!(
        "# Converted by `dyad dict import` from {} (TABARI/PETRARCH {what}).\n\n",
        file.name
    )
}

fn convert_agents(file: &SourceFile, rep: &mut ImportReport) -> String {
    let mut subst: Vec<(String, Vec<String>)> = Vec::new();
    let mut out = converted_header(file, "agent format");
    for (line, raw, t) in content_lines(file) {
        if t.starts_with('!') {
            if let Some((name, list)) = t.split_once('=') {
                if !name.contains('[') {
                    let items = list
                        .split(',')
                        .map(|x| x.trim().to_lowercase())
                        .filter(|x| !x.is_empty())
                        .collect();
                    subst.push((name.trim().to_string(), items));
                    continue;
                }
            }
        }
        let (body, code) = phrase_and_code(t);
        let Some(code) = code else {
            rep.drop(file, line, raw, "agent without a code");
            continue;
        };
        // `~GOV` appends to the country; `NGM~` is written before it. dyad
        // agents always follow the country.
        let code = code
            .trim_start_matches('~')
            .trim_end_matches('~')
            .to_string();
        if !valid_code(&code) || code.len() % 3 != 0 {
            rep.drop(file, line, raw, "malformed agent code");
            continue;
        }
        // Explicit plurals in braces; `{}` means none.
        let (phrase, plurals): (String, Option<Vec<String>>) = match body.find('{') {
            Some(open) => {
                let close = body[open..].find('}').map_or(body.len(), |c| c + open);
                let inner = &body[open + 1..close];
                (
                    body[..open].to_string(),
                    Some(inner.split_whitespace().map(phrase_text).collect()),
                )
            }
            None => (body.clone(), None),
        };
        let mut variants = vec![phrase.clone()];
        for (marker, items) in &subst {
            if variants.iter().any(|v| v.contains(marker.as_str())) {
                variants = variants
                    .iter()
                    .flat_map(|v| items.iter().map(move |it| v.replace(marker.as_str(), it)))
                    .collect();
            }
        }
        let mut phrases: Vec<String> = Vec::new();
        for v in &variants {
            let p = phrase_text(v);
            if !usable_phrase(&p) {
                continue;
            }
            phrases.push(p.clone());
            let substituted = variants.len() > 1;
            match &plurals {
                Some(list) => phrases.extend(list.iter().filter(|x| !x.is_empty()).cloned()),
                None if !substituted && !v.trim_end().ends_with('_') => {
                    let mut words: Vec<&str> = p.split(' ').collect();
                    if let Some(last) = words.pop() {
                        let pl = plural(last);
                        words.push(&pl);
                        phrases.push(words.join(" "));
                    }
                }
                None => {}
            }
        }
        phrases.dedup();
        if phrases.is_empty() {
            rep.drop(file, line, raw, "phrase with reserved characters");
            continue;
        }
        let _ = writeln!(
            out,
            "{} [~{}]  # from {}:{}",
            display_name(&phrases[0]),
            code,
            file.name,
            line
        );
        let _ = writeln!(out, "+ {}", phrases.join(" | "));
        rep.count("agents", 1);
    }
    out
}

// ------------------------------------------------------------------- verbs

/// A PETRARCH verb with its forms.
struct Verb {
    /// dyad's `~lemma` (with `_` joining the words of a multiword verb).
    lemma: String,
    /// Words written before the verb in a multiword verb (`WIRE_+TAP`).
    before: Vec<String>,
    /// Irregular forms given in braces, lower case, verb word only.
    irregular: Vec<String>,
    /// Its own code.
    code: Option<String>,
}

fn parse_verb(t: &str) -> Option<Verb> {
    let (head, code) = phrase_and_code(t);
    let (word, irregular) = match head.find('{') {
        Some(open) => {
            let close = head[open..].find('}').map_or(head.len(), |c| c + open);
            (
                head[..open].trim().to_string(),
                head[open + 1..close]
                    .split_whitespace()
                    .filter_map(|f| {
                        let parts: Vec<&str> = f.split('_').filter(|w| !w.is_empty()).collect();
                        let v = parts
                            .iter()
                            .find(|w| w.starts_with('+'))
                            .or(parts.first())?;
                        Some(v.trim_start_matches('+').to_lowercase())
                    })
                    .collect(),
            )
        }
        None => (head.trim().to_string(), Vec::new()),
    };
    let parts: Vec<&str> = word.split('_').filter(|w| !w.is_empty()).collect();
    if parts.is_empty() {
        return None;
    }
    let verb_at = parts.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let clean = |w: &str| w.trim_start_matches('+').to_lowercase();
    if !parts.iter().all(|w| {
        clean(w)
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
    }) {
        return None;
    }
    let before = parts[..verb_at].iter().map(|w| clean(w)).collect();
    let lemma = parts[verb_at..]
        .iter()
        .map(|w| clean(w))
        .collect::<Vec<_>>()
        .join("_");
    Some(Verb {
        lemma,
        before,
        irregular,
        code: code.filter(|c| !c.is_empty()),
    })
}

/// `verb_forms.txt` line for a verb spelled out in braces: the `-ing` form
/// is the gerund, a form ending in `s` built from the base the third person,
/// the others past and participle in the order written.
fn forms_line(base: &str, irregular: &[String]) -> Option<String> {
    let mut past = Vec::new();
    let mut third = None;
    let mut gerund = None;
    for f in irregular {
        if f == base {
            continue;
        }
        if f.ends_with("ing") {
            gerund = Some(f.clone());
        } else if f.starts_with(&base[..base.len().min(3)])
            && f.ends_with('s')
            && f.len() <= base.len() + 2
        {
            third = Some(f.clone());
        } else {
            past.push(f.clone());
        }
    }
    let p = past.first()?;
    let pp = past.get(1).unwrap_or(p);
    let mut line = format!("{base} {p} {pp}");
    if third.is_some() || gerund.is_some() {
        let _ = write!(line, " {}", third.unwrap_or_else(|| format!("{base}s")));
    }
    if let Some(g) = gerund {
        let _ = write!(line, " {g}");
    }
    Some(line)
}

/// A code as dyad writes it, or `None` for PETRARCH's null code.
fn event_code(code: &str) -> Option<String> {
    let c = code.trim();
    if c.is_empty() || c.chars().all(|ch| ch == '-') {
        return None;
    }
    Some(c.to_string())
}

/// Splits a PETRARCH pattern body into its items: words (with `_` joins
/// kept), `{...}` noun phrases and `(...)` prepositional phrases.
fn pattern_items(body: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    for ch in body.chars() {
        match ch {
            '(' | '{' => {
                if depth == 0 && !cur.trim().is_empty() {
                    items.push(cur.trim().to_string());
                    cur.clear();
                }
                depth += 1;
                cur.push(ch);
            }
            ')' | '}' => {
                depth -= 1;
                cur.push(ch);
                if depth == 0 {
                    items.push(cur.trim().to_string());
                    cur.clear();
                }
            }
            c if c.is_whitespace() && depth == 0 => {
                if !cur.trim().is_empty() {
                    items.push(cur.trim().to_string());
                }
                cur.clear();
            }
            c => cur.push(c),
        }
    }
    if !cur.trim().is_empty() {
        items.push(cur.trim().to_string());
    }
    items
}

/// One converted pattern element sequence, or why it cannot be expressed.
fn convert_words(word: &str, sets: &BTreeMap<String, String>) -> Result<Vec<String>, String> {
    // `A_B_C`: adjacent words. `&SET` a word set.
    let mut out = Vec::new();
    for w in word.split('_').filter(|w| !w.is_empty()) {
        match w {
            "$" => {}
            "+" => out.push("+".to_string()),
            "%" => out.push("%".to_string()),
            "^" => out.push("*".to_string()),
            "*" => out.push("*VERB".to_string()),
            _ if w.starts_with('&') => {
                let name = w[1..].to_lowercase();
                if !sets.contains_key(&name) {
                    return Err(format!("synset &{} is not defined before use", &w[1..]));
                }
                out.push(format!("&{name}"));
            }
            _ => {
                let lw = w.to_lowercase();
                if !lw
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '.' | ','))
                {
                    return Err("word with reserved characters".into());
                }
                out.push(lw);
            }
        }
    }
    Ok(out)
}

/// The elements of one pattern item: a word group, `{A B}` or `(P X)`.
fn item_elements(item: &str, sets: &BTreeMap<String, String>) -> Result<Vec<String>, String> {
    if let Some(inner) = item.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        // A noun phrase: modifiers then head, adjacent or nearly.
        let mut out = Vec::new();
        for w in inner.split_whitespace() {
            out.extend(convert_words(w, sets)?);
        }
        return Ok(out);
    }
    if let Some(inner) = item.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        // A prepositional phrase: the preposition, then its noun phrase,
        // whose head may follow modifiers.
        let parts = pattern_items(inner);
        let mut out = Vec::new();
        for (k, p) in parts.iter().enumerate() {
            let els = item_elements(p, sets)?;
            if k > 0 && !els.is_empty() && els[0] != "+" && els[0] != "*" {
                out.push("*".to_string());
            }
            out.extend(els);
        }
        return Ok(out);
    }
    convert_words(item, sets)
}

/// Converts one pattern's body (without code and comment) to dyad's
/// pattern syntax around the verb `verb`.
fn convert_pattern(
    body: &str,
    verb: &str,
    sets: &BTreeMap<String, String>,
) -> Result<(String, Vec<&'static str>), String> {
    let items = pattern_items(body);
    let mut before: Vec<String> = Vec::new();
    let mut after: Vec<String> = Vec::new();
    let mut seen_verb = false;
    let mut target_before = false;
    // `%` before the verb: a compound subject whose members act on each
    // other ("Gondor and Osgiliath have delayed their meeting"); after it,
    // a compound recipient, which dyad's slot reads with its coordination.
    let mut reciprocal = false;
    // `*_ON`: the next word follows the verb directly.
    let mut verb_joined = false;
    for item in &items {
        let els = item_elements(item, sets)?;
        let mut i = 0;
        while i < els.len() {
            let e = &els[i];
            if e == "*VERB" {
                if seen_verb {
                    return Err("two verb markers".into());
                }
                seen_verb = true;
                verb_joined = i + 1 < els.len();
            } else if !seen_verb {
                if e == "+" {
                    target_before = true;
                } else if e == "%" {
                    reciprocal = true;
                } else if e != "*" {
                    before.push(e.clone());
                }
            } else if e == "%" {
                after.push("+".to_string());
            } else {
                after.push(e.clone());
            }
            i += 1;
        }
        // Items written apart may have words between them in the text; `_`
        // joins only the words it stands between ("&TIETYPES_MEMOS FROM"
        // lets words come before "from"), and a final `_` the next item.
        let joined = item.ends_with('_') || item.starts_with('{');
        if !joined {
            if seen_verb && !after.is_empty() && after.last().is_some_and(|l| l != "*" && l != "+")
            {
                after.push("*".to_string());
            } else if !seen_verb && !before.is_empty() && before.last().is_some_and(|l| l != "*") {
                before.push("*".to_string());
            }
        }
    }
    if !seen_verb {
        return Err("pattern without the verb marker *".into());
    }
    // A gap before a head noun right after the verb: "accused the rebels".
    let mut tail: Vec<String> = Vec::new();
    for e in after {
        if tail.is_empty() && e == "*" {
            continue;
        }
        if e == "*" && tail.last().is_some_and(|l| l == "*") {
            continue;
        }
        tail.push(e);
    }
    while tail.last().is_some_and(|l| l == "*") {
        tail.pop();
    }
    // A word written apart from the verb may have words before it, a
    // preposition too ("* FOR": "called immediately for"); PETRARCH writes
    // `*_ON` when the word must follow the verb directly.
    if !verb_joined && tail.first().is_some_and(|f| f != "+") {
        tail.insert(0, "*".to_string());
    }
    while before.first().is_some_and(|l| l == "*") {
        before.remove(0);
    }
    let mut words = before;
    words.push(verb.to_string());
    words.extend(tail);
    // dyad allows one gap between two fixed elements.
    words.dedup_by(|a, b| a == "*" && b == "*");
    let options = [
        ("target=subject", target_before),
        ("reciprocal", reciprocal),
    ];
    Ok((
        words.join(" "),
        options.iter().filter(|o| o.1).map(|o| o.0).collect(),
    ))
}

/// Options for a dyad pattern from a PETRARCH code `A`, `A:B` or `:B`.
fn code_options(code: &str) -> Result<(Option<String>, Vec<String>), String> {
    match code.split_once(':') {
        None => Ok((event_code(code), Vec::new())),
        Some((a, b)) => {
            let a = event_code(a);
            let b = event_code(b);
            match (a, b) {
                (Some(a), Some(b)) => Ok((Some(a), vec![format!("reverse={b}")])),
                (Some(a), None) => Ok((Some(a), Vec::new())),
                (None, Some(_)) => Err("code only for the reverse direction".into()),
                (None, None) => Ok((None, Vec::new())),
            }
        }
    }
}

fn convert_verbs(file: &SourceFile, rep: &mut ImportReport) -> (String, String) {
    let mut out = String::new();
    let mut forms = String::new();
    let _ = writeln!(
        out,
        "# Converted by `dyad dict import` from {} (TABARI/PETRARCH verb format).\n",
        file.name
    );
    // Synsets, written as dyad word sets (plurals added unless `_` says not).
    let mut sets: BTreeMap<String, String> = BTreeMap::new();
    let mut set_name: Option<(String, bool, Vec<String>)> = None;
    // The block's code and its options ("--- LEFT [032:033] ---" gives
    // the reverse event 033).
    let mut block_code: (Option<String>, Vec<String>) = (None, Vec::new());
    let mut block_verbs: Vec<Verb> = Vec::new();
    let mut in_patterns = false;
    let mut last_code: Option<String> = None;
    let mut known_forms: Vec<String> = Vec::new();

    let flush_set = |set: &mut Option<(String, bool, Vec<String>)>,
                     sets: &mut BTreeMap<String, String>,
                     out: &mut String,
                     rep: &mut ImportReport| {
        if let Some((name, _, members)) = set.take() {
            if members.is_empty() {
                return;
            }
            let _ = writeln!(out, "&{name} = {}", members.join(" | "));
            sets.insert(name, members.join("|"));
            rep.count("synsets", 1);
        }
    };

    for (i, raw) in file.text.lines().enumerate() {
        let line = i + 1;
        if is_markup(raw) {
            continue;
        }
        let t = strip(raw).trim();
        if t.is_empty() {
            continue;
        }
        if let Some(rest) = t.strip_prefix('&') {
            flush_set(&mut set_name, &mut sets, &mut out, rep);
            let name = rest.split_whitespace().next().unwrap_or("");
            let no_plural = name.ends_with('_');
            set_name = Some((
                name.trim_end_matches('_').to_lowercase(),
                no_plural,
                Vec::new(),
            ));
            continue;
        }
        if let Some(rest) = t.strip_prefix('+') {
            if let Some((_, no_plural, members)) = set_name.as_mut() {
                let member_raw = rest.trim();
                let words: Vec<String> = member_raw
                    .split(['_', ' '])
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect();
                if words.is_empty()
                    || words.iter().any(|w| {
                        !w.chars()
                            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '.'))
                    })
                {
                    rep.drop(file, line, raw, "synset member with reserved characters");
                    continue;
                }
                let joined = words.join("_");
                if !members.contains(&joined) {
                    members.push(joined.clone());
                }
                if !*no_plural && !member_raw.ends_with('_') {
                    let mut w = words.clone();
                    let last = w.pop().unwrap_or_default();
                    w.push(plural(&last));
                    let pl = w.join("_");
                    if !members.contains(&pl) {
                        members.push(pl);
                    }
                }
                continue;
            }
            // `+VERB` outside a synset: a multiword verb, handled below.
        }
        flush_set(&mut set_name, &mut sets, &mut out, rep);
        if t.starts_with("---") {
            let inner = t.trim_matches('-').trim();
            let (title, code) = phrase_and_code(inner);
            block_code = code
                .as_deref()
                .and_then(|c| code_options(c).ok())
                .unwrap_or_default();
            block_verbs.clear();
            in_patterns = false;
            let _ = writeln!(
                out,
                "\n# --- {} [{}]  from {}:{}",
                title,
                code.unwrap_or_default(),
                file.name,
                line
            );
            continue;
        }
        if t.starts_with('~') {
            rep.drop(file, line, raw, "verb transformation (~) rule");
            continue;
        }
        if let Some(body) = t.strip_prefix('-') {
            in_patterns = true;
            let (body, code) = phrase_and_code(body);
            let Some(code) = code else {
                rep.drop(file, line, raw, "pattern without a code");
                continue;
            };
            if block_verbs.is_empty() {
                rep.drop(file, line, raw, "pattern outside a verb block");
                continue;
            }
            let (code, mut options) = match code_options(&code) {
                Ok(x) => x,
                Err(reason) => {
                    rep.drop(file, line, raw, reason);
                    continue;
                }
            };
            let noevent = code.is_none();
            if noevent {
                options.push("noevent".into());
            }
            let code = code.unwrap_or_else(|| "---".into());
            if !code.chars().all(|c| c.is_ascii_alphanumeric()) {
                rep.drop(file, line, raw, "malformed event code");
                continue;
            }
            // Synonyms share the pattern: `~grant|~give * aid`; a multiword
            // verb with words before it (`wire ~tap`) gets its own.
            let mut verbs: Vec<String> = Vec::new();
            let plain: Vec<String> = block_verbs
                .iter()
                .filter(|v| v.before.is_empty())
                .map(|v| format!("~{}", v.lemma))
                .collect();
            if !plain.is_empty() {
                verbs.push(plain.join("|"));
            }
            verbs.extend(
                block_verbs
                    .iter()
                    .filter(|v| !v.before.is_empty())
                    .map(|v| format!("{} ~{}", v.before.join(" "), v.lemma)),
            );
            for verb in &verbs {
                match convert_pattern(&body, verb, &sets) {
                    Ok((pattern, extra)) => {
                        let mut opts = options.clone();
                        opts.extend(extra.into_iter().map(String::from));
                        emit_pattern(&mut out, &mut last_code, &code, &pattern, &opts, file, line);
                        rep.count("verb patterns", 1);
                    }
                    Err(reason) => {
                        rep.drop(file, line, raw, reason);
                        break;
                    }
                }
            }
            continue;
        }
        // A verb of the block.
        if in_patterns {
            // Verbs after patterns start a new synonym group in the same block.
            block_verbs.clear();
            in_patterns = false;
        }
        let body = t.trim_start_matches('+');
        let body = if t.starts_with('+') { t } else { body };
        match parse_verb(body) {
            Some(v) => {
                let base = v.lemma.split('_').next().unwrap_or("").to_string();
                if !v.irregular.is_empty() && !known_forms.contains(&base) {
                    if let Some(l) = forms_line(&base, &v.irregular) {
                        let _ = writeln!(forms, "{l}");
                        known_forms.push(base.clone());
                    }
                }
                let (code, opts) = match v.code.as_deref() {
                    Some(c) => code_options(c).unwrap_or_default(),
                    None => block_code.clone(),
                };
                if let Some(c) = code {
                    if c.chars().all(|ch| ch.is_ascii_alphanumeric()) {
                        let verb = format!(
                            "{}~{}",
                            v.before.iter().map(|b| format!("{b} ")).collect::<String>(),
                            v.lemma
                        );
                        emit_pattern(&mut out, &mut last_code, &c, &verb, &opts, file, line);
                        rep.count("verbs", 1);
                    }
                }
                block_verbs.push(v);
            }
            None => rep.drop(file, line, raw, "verb with reserved characters"),
        }
    }
    flush_set(&mut set_name, &mut sets, &mut out, rep);
    (out, forms)
}

fn emit_pattern(
    out: &mut String,
    last_code: &mut Option<String>,
    code: &str,
    pattern: &str,
    options: &[String],
    file: &SourceFile,
    line: usize,
) {
    if last_code.as_deref() != Some(code) {
        let _ = writeln!(out, "## {code}");
        *last_code = Some(code.to_string());
    }
    let opts = if options.is_empty() {
        String::new()
    } else {
        format!(" ; {}", options.join(" "))
    };
    let _ = writeln!(out, "{pattern}{opts}  # from {}:{}", file.name, line);
}

// ---------------------------------------------------------------- discards

fn convert_discards(file: &SourceFile, rep: &mut ImportReport) -> String {
    let mut out = converted_header(file, "discard list");
    for (line, raw, t) in content_lines(file) {
        let (story, body) = match t.strip_prefix('+') {
            Some(b) => (true, b.trim()),
            None => (false, t),
        };
        let exact = body.ends_with('_');
        let p = phrase_text(body);
        if !usable_phrase(&p) {
            rep.drop(file, line, raw, "phrase with reserved characters");
            continue;
        }
        let _ = writeln!(
            out,
            "{}{}{}  # from {}:{}",
            if story { "story: " } else { "" },
            p,
            if exact { "" } else { "*" },
            file.name,
            line
        );
        rep.count("discards", 1);
    }
    out
}

// ------------------------------------------------------------------ issues

/// Expands TABARI issue markers: `n:` noun (singular and plural), `v:` verb
/// (regular forms), `+` between words (space and hyphen).
fn issue_variants(phrase: &str) -> Vec<String> {
    let mut variants = vec![String::new()];
    for (k, word) in phrase.split_whitespace().enumerate() {
        let mut forms: Vec<String> = Vec::new();
        let (kind, w) = if let Some(w) = word.strip_prefix("n:") {
            ('n', w)
        } else if let Some(w) = word.strip_prefix("v:") {
            ('v', w)
        } else if let Some((pre, rest)) = word.split_once("+n:") {
            forms.extend([format!("{pre} {rest}"), format!("{pre}-{rest}")]);
            let pl = plural(rest);
            forms.extend([format!("{pre} {pl}"), format!("{pre}-{pl}")]);
            ('x', "")
        } else {
            (' ', word)
        };
        let w = w.to_lowercase();
        match kind {
            'n' => forms.extend([w.clone(), plural(&w)]),
            'v' => {
                let stem = w.strip_suffix('e').unwrap_or(&w).to_string();
                forms.extend([
                    w.clone(),
                    format!("{w}s"),
                    format!("{stem}ed"),
                    format!("{stem}ing"),
                ]);
            }
            'x' => {}
            _ if w.contains('+') => {
                forms.extend([w.replace('+', " "), w.replace('+', "-")]);
            }
            _ => forms.push(w),
        }
        variants = variants
            .iter()
            .flat_map(|v| {
                forms.iter().map(move |f| {
                    if k == 0 {
                        f.clone()
                    } else {
                        format!("{v} {f}")
                    }
                })
            })
            .collect();
    }
    variants.dedup();
    variants
}

fn convert_issues(file: &SourceFile, rep: &mut ImportReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Converted by `dyad dict import` from {} (TABARI/PETRARCH issue format).\n",
        file.name
    );
    for (i, raw) in file.text.lines().enumerate() {
        let line = i + 1;
        let t = strip(raw).trim();
        if t.is_empty() || t.starts_with("</") {
            continue;
        }
        if let Some(rest) = t.strip_prefix("<ISSUE") {
            let cat = rest.split('"').nth(1).unwrap_or("").trim().to_string();
            let _ = writeln!(out, "\n[{cat}]  # from {}:{}", file.name, line);
            continue;
        }
        if t.starts_with('<') {
            continue;
        }
        if let Some(rest) = t.strip_prefix('~') {
            let p = rest.trim_start_matches('~').trim().to_lowercase();
            if usable_phrase(&p) {
                let _ = writeln!(out, "ignore = {p}  # from {}:{}", file.name, line);
                rep.count("issue ignore phrases", 1);
            }
            continue;
        }
        let (body, code) = phrase_and_code(t);
        let Some(code) = code.filter(|c| !c.is_empty()) else {
            rep.drop(file, line, raw, "issue phrase without a code");
            continue;
        };
        let variants: Vec<String> = issue_variants(&body)
            .into_iter()
            .filter(|v| usable_phrase(v))
            .collect();
        if variants.is_empty() {
            rep.drop(file, line, raw, "phrase with reserved characters");
            continue;
        }
        let _ = writeln!(
            out,
            "{code} = {}  # from {}:{}",
            variants.join(" | "),
            file.name,
            line
        );
        rep.count("issues", 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile {
            name: name.into(),
            text: text.into(),
        }
    }

    #[test]
    fn dates_follow_tabari_conventions() {
        assert_eq!(petrarch_date("991231").as_deref(), Some("1999-12-31"));
        assert_eq!(petrarch_date("080507").as_deref(), Some("2008-05-07"));
        assert_eq!(petrarch_date("18970101").as_deref(), Some("1897-01-01"));
        assert_eq!(petrarch_range(">080508").as_deref(), Some("2008-05-08.."));
        assert_eq!(petrarch_range("<450703").as_deref(), Some("..1945-07-03"));
        assert_eq!(petrarch_date("991331"), None);
    }

    #[test]
    fn patterns_read_in_text_order() {
        let sets = BTreeMap::from([("currency".to_string(), "dollars".to_string())]);
        let p = |b: &str| convert_pattern(b, "~ask", &sets).map(|x| x.0);
        assert_eq!(p(" * (FOR AID) ").unwrap(), "~ask * for * aid");
        assert_eq!(p(" * {FINANCIAL AID}").unwrap(), "~ask * financial aid");
        assert_eq!(p(" FAILED_TO_* ").unwrap(), "failed to ~ask");
        assert_eq!(
            p(" * CLAIM (AGAINST) +").unwrap(),
            "~ask * claim * against * +"
        );
        assert_eq!(p(" * FOR &CURRENCY").unwrap(), "~ask * for * &currency");
        assert_eq!(p(" *_ON").unwrap(), "~ask on");
        assert_eq!(p(" * &CURRENCY").unwrap(), "~ask * &currency");
        assert_eq!(
            p(" * MEMOS_ON_&CURRENCY FROM").unwrap(),
            "~ask * memos on &currency * from"
        );
        assert_eq!(p(" IN_ *").unwrap(), "in ~ask");
        assert_eq!(p(" * WITH %").unwrap(), "~ask * with * +");
        let compound = convert_pattern(" % HAVE *", "~postpone", &sets).unwrap();
        assert_eq!(
            compound,
            ("have * ~postpone".to_string(), vec!["reciprocal"])
        );
        let compound = convert_pattern(" % * ", "~agree", &sets).unwrap();
        assert_eq!(compound, ("~agree".to_string(), vec!["reciprocal"]));
        assert!(p(" * * ").is_err());
    }

    #[test]
    fn agents_expand_plurals_and_substitutions() {
        let mut rep = ImportReport::default();
        let text = convert_agents(
            &file(
                "x.agents.txt",
                "!MINIST! = MINISTER, MINISTRY\n!MINIST!_OF_DEFENSE [~GOVMIL]\nTROOP {} [~MIL]\nREBEL [~REB]\nACTIVISTS [NGM~]\n",
            ),
            &mut rep,
        );
        assert!(
            text.contains("+ minister of defense | ministry of defense"),
            "{text}"
        );
        assert!(
            text.contains("[~MIL]") && text.contains("+ troop\n"),
            "{text}"
        );
        assert!(text.contains("+ rebel | rebels"), "{text}");
        assert!(text.contains("[~NGM]"), "{text}");
    }

    /// An actor file's text converted, with the import report.
    fn actors(text: &str) -> (String, ImportReport) {
        let mut rep = ImportReport::default();
        let out = convert_actors(&file("x.actors.txt", text), &mut rep);
        (out, rep)
    }

    #[test]
    fn date_restrictions_may_have_spaces() {
        let (text, rep) = actors(
            "GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB >990816]\n",
        );
        assert!(text.contains("@ ..1995-06-01 [HOB]"), "{text}");
        assert!(text.contains("@ 1995-06-01..1999-08-15 [HOBGOV]"), "{text}");
        assert!(text.contains("@ 1999-08-16.. [HOBREB]"), "{text}");
        assert!(rep.dropped_by_reason().is_empty(), "{text}");
    }

    #[test]
    fn head_line_codes_and_who_is_a_person() {
        // Entries as Phoenix.International.actors.txt and
        // Phoenix.Countries.actors.txt of PETRARCH2 write them.
        let (text, rep) = actors(
            "JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt\n\
             ABBEY_NATIONAL_\t[MNCGBR <040726][MNCESP]\n\
             HUMAN_RIGHTS_INTERNET_OTTAWA_ [NGOCANHRI]\n\t[NGOUSAHRI <900101]\n\
             BARACK_OBAMA\n+PRESIDENT_BARACK_OBAMA\n\t[USAGOV >20090120]\n\
             HEZBOLLAH_ [LBNREB]\n+SHEIKH_HASSAN_NASRALLAH_\n",
        );
        assert!(rep.dropped_by_reason().is_empty(), "{text}");
        assert!(
            text.contains("Javier De Cuellar [ELI] kind=person")
                && text.contains("@ 1982-01-01..1991-12-31 [IGOUNO]"),
            "{text}"
        );
        assert!(
            text.contains("Abbey National [MNCESP]  #") && text.contains("@ ..2004-07-26 [MNCGBR]"),
            "{text}"
        );
        assert!(
            text.contains("Human Rights Internet Ottawa [NGOCANHRI]  #"),
            "{text}"
        );
        assert!(text.contains("Barack Obama [-] kind=person"), "{text}");
        assert!(text.contains("Hezbollah [LBNREB]  #"), "{text}");
    }
}
