//! Actor and agent dictionaries: the block format of `actors/*.txt` and
//! `agents.txt` (see data/README.md), parsed into entries and compiled into
//! one phrase matcher.

use crate::phrase::{phrase_key, phrase_surface, PhraseMatcher};
use crate::source::{lines, SourceFile};
use crate::{DictError, Origin};
use rustc_hash::{FxHashMap, FxHashSet};

/// The sector codes a CAMEO-style actor code can carry.
pub const SECTORS: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "INS", "COP", "JUD", "LEG", "MED", "NGO", "IGO", "BUS", "CVL",
    "REF", "SPY", "EDU", "HLH", "REL", "LAB", "AGR", "CRM", "UAF", "ELI", "PTY", "MOD", "RAD",
];

/// What kind of thing an entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone)]
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
}

/// One phrase of an entry.
#[derive(Debug, Clone)]
pub struct ActorPhrase {
    /// Lower-case token key.
    pub key: String,
    /// When the phrase was written with capitals, the exact surface it
    /// must have in mixed-case text.
    pub surface: Option<String>,
    /// Index into [`ActorDict::entries`].
    pub entry: usize,
    /// Line that defined the phrase.
    pub origin: Origin,
}

/// All actors and agents, compiled.
#[derive(Debug, Clone)]
pub struct ActorDict {
    /// Entries, in file order.
    pub entries: Vec<ActorEntry>,
    /// Phrases, in file order; the matcher's phrase index points here.
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
    agent: bool,
}

impl ActorDict {
    /// Parses and compiles actor files and the agent file.
    pub fn compile(
        actor_files: &[SourceFile],
        agents: Option<&SourceFile>,
    ) -> Result<ActorDict, DictError> {
        let mut blocks = Vec::new();
        for f in actor_files {
            parse_blocks(f, false, &mut blocks)?;
        }
        if let Some(f) = agents {
            parse_blocks(f, true, &mut blocks)?;
        }
        let countries: FxHashSet<String> = blocks
            .iter()
            .filter(|b| {
                !b.agent
                    && b.code.len() == 3
                    && b.fields
                        .get("kind")
                        .map_or(b.origin.file.contains("countries"), |k| k == "country")
            })
            .map(|b| b.code.clone())
            .collect();

        let mut entries = Vec::new();
        let mut phrases: Vec<ActorPhrase> = Vec::new();
        let mut shadowed = Vec::new();
        let mut seen: FxHashMap<(String, Option<String>), usize> = FxHashMap::default();
        let mut entry_of_code: FxHashMap<(usize, String), usize> = FxHashMap::default();
        for (bi, b) in blocks.iter().enumerate() {
            for (phrase, own_code, origin) in &b.phrases {
                let code = own_code.clone().unwrap_or_else(|| b.code.clone());
                let entry = *entry_of_code.entry((bi, code.clone())).or_insert_with(|| {
                    entries.push(make_entry(b, &code, &countries));
                    entries.len() - 1
                });
                let key = phrase_key(phrase);
                if key.is_empty() {
                    return Err(DictError::Syntax {
                        path: origin.file.clone(),
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
                    origin: origin.clone(),
                };
                match seen.get(&(key.clone(), surface.clone())) {
                    Some(&first) => shadowed.push((p, first)),
                    None => {
                        seen.insert((key, surface), phrases.len());
                        phrases.push(p);
                    }
                }
            }
        }
        let matcher = PhraseMatcher::new(phrases.iter().map(|p| p.key.as_str()));
        Ok(ActorDict {
            entries,
            phrases,
            matcher,
            shadowed,
        })
    }
}

fn make_entry(b: &Block, code: &str, countries: &FxHashSet<String>) -> ActorEntry {
    let code = code.trim_start_matches('~').to_string();
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
fn split_code(
    file: &SourceFile,
    line: usize,
    s: &str,
) -> Result<(String, Option<String>, String), DictError> {
    let Some(open) = s.find('[') else {
        return Ok((s.trim().to_string(), None, String::new()));
    };
    let close = s[open..]
        .find(']')
        .map(|c| c + open)
        .ok_or_else(|| syntax(file, line, "'[' without ']'"))?;
    let code = s[open + 1..close].trim().to_string();
    let valid = code
        .trim_start_matches('~')
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if !valid {
        return Err(syntax(
            file,
            line,
            format!("code [{code}] must be upper-case letters"),
        ));
    }
    Ok((
        s[..open].trim().to_string(),
        Some(code),
        s[close + 1..].trim().to_string(),
    ))
}

fn parse_blocks(file: &SourceFile, agent: bool, out: &mut Vec<Block>) -> Result<(), DictError> {
    for (line, text) in lines(&file.text) {
        let origin = Origin {
            file: file.name.clone(),
            line,
        };
        let trimmed = text.trim();
        if let Some(rest) = trimmed.strip_prefix('+') {
            let Some(block) = out
                .last_mut()
                .filter(|b| b.agent == agent && b.origin.file == file.name)
            else {
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
                    .push((p.to_string(), code.clone(), origin.clone()));
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
        let phrases = Vec::new();
        out.push(Block {
            name,
            code,
            fields,
            flags,
            origin,
            phrases,
            agent,
        });
    }
    Ok(())
}
