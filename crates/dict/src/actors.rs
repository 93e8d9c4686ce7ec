//! Actor and agent dictionaries: the block format of `actors/*.txt` and
//! `agents.txt` (see data/README.md), parsed into entries and compiled into
//! one phrase matcher.

use crate::phrase::{phrase_key, phrase_surface, PhraseMatcher};
use crate::source::{lines, SourceFile};
use crate::{DictError, Origin};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

/// The sector codes a CAMEO-style actor code can carry.
pub const SECTORS: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "INS", "COP", "JUD", "LEG", "MED", "NGO", "IGO", "BUS", "CVL",
    "REF", "SPY", "EDU", "HLH", "REL", "LAB", "AGR", "CRM", "UAF", "ELI", "PTY", "MOD", "RAD",
];

/// What kind of thing an entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ActorKind {
    /// A country (or a place standing for its government).
    Country,
    /// An international or non-governmental organisation.
    Org,
    /// An armed, political or other named group.
    Group,
    /// A named person.
    Person,
    /// A generic agent ("rebels", "police") that takes its country from the text.
    Agent,
}

/// One actor or agent, as the dictionary defines it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ActorEntry {
    /// Canonical name, e.g. "Russia".
    pub name: String,
    /// CAMEO-style code; for agents without the country (e.g. "REB", or "" for none).
    pub code: String,
    /// ISO 3166-1 alpha-3, when the entry has a country.
    pub country: Option<String>,
    /// Sector codes.
    pub sectors: Vec<String>,
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// Kind of entry.
    pub kind: ActorKind,
    /// A role word that takes its sector from a stronger agent beside it.
    pub weak: bool,
    /// Names a single person.
    pub person: bool,
    /// Where it was defined.
    pub origin: Origin,
    /// Codes restricted to dates (`@ from..to [CODE]` lines): the first
    /// range that holds the date gives the entry to use instead of this one.
    pub dated: Vec<DatedCode>,
}

/// A code that applies between two dates (both inclusive, either open).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct DatedCode {
    /// First day, or none for "before `to`".
    pub from: Option<NaiveDate>,
    /// Last day, or none for "from `from` on".
    pub to: Option<NaiveDate>,
    /// The entry with that code, in [`ActorDict::entries`].
    pub entry: usize,
    /// The line that gave it.
    pub origin: Origin,
}

impl DatedCode {
    /// True when `date` is in the range.
    pub fn holds(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// One phrase of an entry.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ActorPhrase {
    /// Lower-case token key.
    pub key: String,
    /// When the phrase was written with capitals, the exact surface it
    /// must have in mixed-case text.
    pub surface: Option<String>,
    /// Index into [`ActorDict::entries`].
    pub entry: usize,
    /// Written with a final `*`: the last word is a stem.
    pub stem: bool,
    /// Line that defined the phrase.
    pub origin: Origin,
}

/// All actors and agents, compiled.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ActorDict {
    /// Entries, in file order.
    #[serde(deserialize_with = "crate::exact_vec")]
    pub entries: Vec<ActorEntry>,
    /// Phrases, in file order; the matcher's phrase index points here.
    #[serde(deserialize_with = "crate::exact_vec")]
    pub phrases: Vec<ActorPhrase>,
    /// Finds phrases in tokens.
    pub matcher: PhraseMatcher,
    /// Phrases dropped because an earlier entry already had them.
    pub shadowed: Vec<(ActorPhrase, usize)>,
}

struct Block {
    name: String,
    code: String,
    fields: FxHashMap<String, String>,
    flags: FxHashSet<String>,
    origin: Origin,
    phrases: Vec<(String, Option<String>, Origin)>,
    dated: Vec<(Option<NaiveDate>, Option<NaiveDate>, String, Origin)>,
    agent: bool,
}

impl ActorDict {
    /// Parses and compiles actor files and the agent file.
    pub fn compile(
        actor_files: &[SourceFile],
        agents: Option<&SourceFile>,
    ) -> Result<ActorDict, DictError> {
        // Which codes are countries, from the block headers, before any
        // block is compiled (a country's agents take its code first).
        let mut countries: FxHashSet<String> = FxHashSet::default();
        for f in actor_files {
            for (line, text) in lines(&f.text) {
                let t = text.trim();
                if t.starts_with(['+', '@']) {
                    continue;
                }
                let (_, code, rest) = split_code(f, line, t)?;
                let Some(code) = code.filter(|c| c.len() == 3) else {
                    continue;
                };
                let kind = rest
                    .split_whitespace()
                    .find_map(|w| w.strip_prefix("kind="));
                if kind.map_or(f.name.contains("countries"), |k| k == "country") {
                    countries.insert(code.to_string());
                }
            }
        }

        let mut c = Compiler {
            countries,
            entries: Vec::new(),
            phrases: Vec::new(),
            shadowed: Vec::new(),
            seen: FxHashMap::default(),
        };
        for f in actor_files {
            parse_blocks(f, false, &mut |b| c.add(b))?;
        }
        if let Some(f) = agents {
            parse_blocks(f, true, &mut |b| c.add(b))?;
        }
        let Compiler {
            entries,
            phrases,
            shadowed,
            ..
        } = c;
        let matcher = PhraseMatcher::new(phrases.iter().map(|p| p.key.as_str()))
            .with_stems(phrases.iter().map(|p| p.stem).collect());
        Ok(ActorDict {
            entries,
            phrases,
            matcher,
            shadowed,
        })
    }

    /// The entry a phrase's entry stands for on `date`: the dated code whose
    /// range holds the date, else the entry itself. An entry written with the
    /// null code `[-]` has no code outside its ranges (`None`); without a
    /// date it takes its latest dated code.
    pub fn on_date(&self, entry: usize, date: Option<NaiveDate>) -> Option<usize> {
        let e = &self.entries[entry];
        if e.dated.is_empty() {
            return Some(entry);
        }
        match date {
            Some(d) => match e.dated.iter().find(|x| x.holds(d)) {
                Some(x) => Some(x.entry),
                None => (!e.code.is_empty()).then_some(entry),
            },
            None if !e.code.is_empty() => Some(entry),
            None => e
                .dated
                .iter()
                .max_by_key(|x| x.to.unwrap_or(NaiveDate::MAX))
                .map(|x| x.entry),
        }
    }
}

/// Reads a date range `2009-01-20..2017-01-20`, `..1999-08-09` or `2008-05-08..`.
pub(crate) fn parse_range(s: &str) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let (a, b) = s.split_once("..")?;
    let day = |x: &str| -> Option<Option<NaiveDate>> {
        let x = x.trim();
        if x.is_empty() {
            Some(None)
        } else {
            iso_day(x).map(Some)
        }
    };
    let (from, to) = (day(a)?, day(b)?);
    if from.is_none() && to.is_none() || from.zip(to).is_some_and(|(f, t)| f > t) {
        return None;
    }
    Some((from, to))
}

/// Reads `YYYY-MM-DD` exactly (the only form dictionary ranges use).
fn iso_day(x: &str) -> Option<NaiveDate> {
    let b = x.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// Compiles blocks one at a time, as they are read.
struct Compiler {
    countries: FxHashSet<String>,
    entries: Vec<ActorEntry>,
    phrases: Vec<ActorPhrase>,
    shadowed: Vec<(ActorPhrase, usize)>,
    seen: FxHashMap<(String, Option<String>), usize>,
}

impl Compiler {
    fn add(&mut self, b: Block) -> Result<(), DictError> {
        let countries = &self.countries;
        let entries = &mut self.entries;
        let mut entry_of_code: Vec<(String, usize)> = Vec::new();
        for (phrase, own_code, origin) in &b.phrases {
            let code = own_code.as_deref().unwrap_or(&b.code);
            let entry = match entry_of_code.iter().find(|(c, _)| c == code) {
                Some(&(_, e)) => e,
                None => {
                    let e = entries.len();
                    entries.push(make_entry(&b, code, countries));
                    entry_of_code.push((code.to_string(), e));
                    if own_code.is_none() {
                        for (from, to, dcode, dorigin) in &b.dated {
                            let mut de = make_entry(&b, dcode, countries);
                            de.origin = dorigin.clone();
                            entries.push(de);
                            let d = DatedCode {
                                from: *from,
                                to: *to,
                                entry: entries.len() - 1,
                                origin: dorigin.clone(),
                            };
                            entries[e].dated.push(d);
                        }
                    }
                    e
                }
            };
            let stem = phrase.ends_with('*');
            let phrase = phrase.trim_end_matches('*');
            let key = phrase_key(phrase);
            if key.is_empty() {
                return Err(DictError::Syntax {
                    path: origin.file.to_string(),
                    line: origin.line,
                    message: format!("phrase {phrase:?} has no words"),
                });
            }
            let surface = phrase
                .chars()
                .any(char::is_uppercase)
                .then(|| phrase_surface(phrase));
            let p = ActorPhrase {
                key: key.clone(),
                surface: surface.clone(),
                entry,
                stem: stem && surface.is_none(),
                origin: origin.clone(),
            };
            match self.seen.get(&(key.clone(), surface.clone())) {
                Some(&first) => self.shadowed.push((p, first)),
                None => {
                    self.seen.insert((key, surface), self.phrases.len());
                    self.phrases.push(p);
                }
            }
        }
        Ok(())
    }
}

fn make_entry(b: &Block, code: &str, countries: &FxHashSet<String>) -> ActorEntry {
    let code = if code == "-" {
        String::new()
    } else {
        code.trim_start_matches('~').to_string()
    };
    let parts: Vec<&str> = (0..code.len() / 3)
        .map(|i| &code[i * 3..i * 3 + 3])
        .collect();
    let country = match b.fields.get("country").map(String::as_str) {
        Some("-") => None,
        Some(c) => Some(c.to_string()),
        None if b.agent => None,
        None => parts
            .first()
            .filter(|p| countries.contains(**p))
            .map(|p| p.to_string()),
    };
    let sectors: Vec<String> = match b.fields.get("sector") {
        Some(s) => s
            .split(',')
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect(),
        None => parts
            .iter()
            .skip(usize::from(country.is_some() && !b.agent))
            .filter(|p| SECTORS.contains(p))
            .map(|p| p.to_string())
            .collect(),
    };
    let kind = if b.agent {
        ActorKind::Agent
    } else {
        match b.fields.get("kind").map(String::as_str) {
            Some("country") => ActorKind::Country,
            Some("org") => ActorKind::Org,
            Some("person") => ActorKind::Person,
            Some("group") => ActorKind::Group,
            _ if code.len() >= 3 && countries.contains(&code[..3]) => ActorKind::Country,
            _ if sectors.iter().any(|s| s == "IGO" || s == "NGO") => ActorKind::Org,
            _ => ActorKind::Group,
        }
    };
    ActorEntry {
        name: b.name.clone(),
        code,
        country,
        sectors,
        wikidata: b.fields.get("wikidata").cloned(),
        kind,
        weak: b.flags.contains("weak"),
        person: b.flags.contains("person") || kind == ActorKind::Person,
        origin: b.origin.clone(),
        dated: Vec::new(),
    }
}

fn syntax(file: &SourceFile, line: usize, message: impl Into<String>) -> DictError {
    DictError::Syntax {
        path: file.name.clone(),
        line,
        message: message.into(),
    }
}

/// Splits `text [CODE] rest` into its three parts.
fn split_code<'s>(
    file: &SourceFile,
    line: usize,
    s: &'s str,
) -> Result<(&'s str, Option<&'s str>, &'s str), DictError> {
    let Some(open) = s.find('[') else {
        return Ok((s.trim(), None, ""));
    };
    let close = s[open..]
        .find(']')
        .map(|c| c + open)
        .ok_or_else(|| syntax(file, line, "'[' without ']'"))?;
    let code = s[open + 1..close].trim();
    let valid = code == "-"
        || code
            .trim_start_matches('~')
            .bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if !valid {
        return Err(syntax(
            file,
            line,
            format!("code [{code}] must be upper-case letters"),
        ));
    }
    Ok((s[..open].trim(), Some(code), s[close + 1..].trim()))
}

/// Reads the blocks of a file, handing each to `sink` once it is complete.
fn parse_blocks(
    file: &SourceFile,
    agent: bool,
    sink: &mut dyn FnMut(Block) -> Result<(), DictError>,
) -> Result<(), DictError> {
    let file_name: std::sync::Arc<str> = file.name.as_str().into();
    let mut out: Vec<Block> = Vec::with_capacity(1);
    for (line, text) in lines(&file.text) {
        let origin = Origin {
            file: file_name.clone(),
            line,
        };
        let trimmed = text.trim();
        if let Some(rest) = trimmed.strip_prefix('@') {
            let Some(block) = out.last_mut().filter(|b| b.agent == agent) else {
                return Err(syntax(file, line, "an '@' line must follow a block header"));
            };
            let (range, code, rest) = split_code(file, line, rest)?;
            let code = code.filter(|c| *c != "-" && !c.starts_with('~'));
            let (Some(code), true) = (code, rest.is_empty()) else {
                return Err(syntax(file, line, "expected `@ FROM..TO [CODE]`"));
            };
            let (from, to) = parse_range(range).ok_or_else(|| {
                syntax(
                    file,
                    line,
                    format!(
                        "bad date range {range:?} (YYYY-MM-DD..YYYY-MM-DD, either end may be open)"
                    ),
                )
            })?;
            block.dated.push((from, to, code.to_string(), origin));
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix('+') {
            let Some(block) = out.last_mut().filter(|b| b.agent == agent) else {
                return Err(syntax(file, line, "a '+' line must follow a block header"));
            };
            let (phrases, code, rest) = split_code(file, line, rest)?;
            if !rest.is_empty() {
                return Err(syntax(
                    file,
                    line,
                    format!("unexpected {rest:?} after the code"),
                ));
            }
            for p in phrases.split('|').map(str::trim).filter(|p| !p.is_empty()) {
                block
                    .phrases
                    .push((p.to_string(), code.map(str::to_string), origin.clone()));
            }
            continue;
        }
        let (name, code, rest) = split_code(file, line, trimmed)?;
        let code = code.ok_or_else(|| syntax(file, line, "a block header needs a [CODE]"))?;
        if agent != code.starts_with('~') {
            let want = if agent {
                "agent codes start with '~'"
            } else {
                "actor codes must not start with '~'"
            };
            return Err(syntax(file, line, want));
        }
        let mut fields = FxHashMap::default();
        let mut flags = FxHashSet::default();
        for word in rest.split_whitespace() {
            match word.split_once('=') {
                Some((k, v)) => {
                    fields.insert(k.to_string(), v.trim_matches('"').to_string());
                }
                None => {
                    flags.insert(word.to_string());
                }
            }
        }
        for f in flags.iter() {
            if !matches!(f.as_str(), "weak" | "person") {
                return Err(syntax(
                    file,
                    line,
                    format!("unknown flag {f:?} (expected weak, person or key=value)"),
                ));
            }
        }
        if let Some(done) = out.pop() {
            sink(done)?;
        }
        out.push(Block {
            name: name.to_string(),
            code: code.to_string(),
            fields,
            flags,
            origin,
            phrases: Vec::new(),
            dated: Vec::new(),
            agent,
        });
    }
    if let Some(done) = out.pop() {
        sink(done)?;
    }
    Ok(())
}
