//! How the dictionaries code a name or a phrase: the actor and agent
//! entries whose phrases it contains, and the verb patterns it matches,
//! each with the line that defines it. The answer of `dyad dict lookup`.

use crate::actors::{ActorDict, ActorEntry, ActorKind, ActorPhrase};
use crate::phrase::PhraseMatch;
use crate::verbs::{Element, VerbLexicon};
use crate::Dictionaries;
use chrono::NaiveDate;
use dyad_text::{NormText, SentenceSpan, Tokens};
use std::fmt::Write;

/// Most words a `*` gap may span (as the coder matches).
const GAP: usize = 4;
/// Most words a `+` slot may span.
const SLOT: usize = 8;

/// An actor or agent phrase found in the name.
#[derive(Debug, Clone)]
pub struct ActorHit {
    /// The phrase as the dictionary holds it.
    pub phrase: ActorPhrase,
    /// The words of the name it covers, `[start, end)`.
    pub tokens: (usize, usize),
    /// It covers the whole name.
    pub whole: bool,
    /// Set when an earlier entry has the same phrase: this one is never
    /// used, and the phrase codes as that entry.
    pub shadowed_by: Option<usize>,
}

/// A verb pattern that matches the name.
#[derive(Debug, Clone)]
pub struct VerbHit {
    /// Index into the lexicon's patterns.
    pub pattern: usize,
    /// The words it matches, `[start, end)`.
    pub tokens: (usize, usize),
    /// The coder would choose it at that word (longest match, then first written).
    pub chosen: bool,
}

/// Everything the dictionaries say about a name.
#[derive(Debug, Clone)]
pub struct Lookup {
    /// The name as given.
    pub name: String,
    /// The date the codes are for.
    pub date: Option<NaiveDate>,
    /// Its words, lower case.
    pub words: Vec<String>,
    /// Phrases found: those covering the whole name first, then the longest
    /// at each place, left to right.
    pub actors: Vec<ActorHit>,
    /// The code of a country phrase joined with agent phrases ("Syrian
    /// rebels" = SYR + REB), when the name has both.
    pub combined: Option<String>,
    /// Verb patterns that match, by start word.
    pub verbs: Vec<VerbHit>,
}

/// The code entry `entry` gives on `date`: its dated code whose range holds
/// the date, else its own ([`ActorDict::on_date`], as the coder chooses);
/// empty when it has none then.
pub fn code_on(actors: &ActorDict, entry: usize, date: Option<NaiveDate>) -> String {
    actors
        .on_date(entry, date)
        .map(|i| actors.entries[i].code.clone())
        .unwrap_or_default()
}

fn tokens_of(name: &str) -> Tokens {
    let norm = NormText::new(name.trim());
    let span = SentenceSpan {
        start: 0,
        end: norm.text.len(),
    };
    dyad_text::tokenize(&norm, span)
}

/// Looks `name` up in `dict`.
pub fn lookup(dict: &Dictionaries, name: &str, date: Option<NaiveDate>) -> Lookup {
    let tokens = tokens_of(name);
    let words: Vec<String> = tokens.lower.split(' ').map(str::to_string).collect();
    let n = tokens.tokens.len();
    let mut found: Vec<PhraseMatch> = Vec::new();
    dict.actors.matcher.find_all(&tokens, &mut found);

    // Whole-name matches, then the longest match at each place.
    let mut chosen: Vec<PhraseMatch> = found
        .iter()
        .filter(|m| m.start == 0 && m.end == n)
        .copied()
        .collect();
    let mut next = 0;
    for m in &found {
        if m.start >= next && !(m.start == 0 && m.end == n) {
            let longest = found
                .iter()
                .filter(|o| o.start == m.start)
                .map(|o| o.end)
                .max()
                .unwrap_or(m.end);
            if m.end == longest {
                chosen.push(*m);
                next = m.end;
            }
        } else if m.start == 0 && m.end == n {
            next = n;
        }
    }
    let mut actors = Vec::new();
    for m in &chosen {
        let phrase = &dict.actors.phrases[m.phrase];
        let hit = |phrase: &ActorPhrase, shadowed_by| ActorHit {
            phrase: phrase.clone(),
            tokens: (m.start, m.end),
            whole: m.start == 0 && m.end == n,
            shadowed_by,
        };
        actors.push(hit(phrase, None));
        for (p, _) in dict
            .actors
            .shadowed
            .iter()
            .filter(|(p, _)| p.key == phrase.key && p.surface == phrase.surface)
        {
            actors.push(hit(p, Some(m.phrase)));
        }
    }
    let combined = combine(dict, &actors, date);
    let verbs = verb_hits(dict, &tokens, &found);
    Lookup {
        name: name.to_string(),
        date,
        words,
        actors,
        combined,
        verbs,
    }
}

/// A country followed by agents, as the coder joins adjacent phrases:
/// the country's code, then the sectors of the strong agents (or of the
/// weak ones when there is no strong one).
fn combine(dict: &Dictionaries, hits: &[ActorHit], date: Option<NaiveDate>) -> Option<String> {
    let live = || hits.iter().filter(|h| h.shadowed_by.is_none());
    // A phrase for the whole name is coded as it stands.
    if live().any(|h| h.whole) {
        return None;
    }
    let used: Vec<(usize, &ActorEntry)> = live()
        .map(|h| (h.phrase.entry, &dict.actors.entries[h.phrase.entry]))
        .collect();
    let country = used
        .iter()
        .find(|(_, e)| e.kind == ActorKind::Country)
        .and_then(|(_, e)| e.country.clone())?;
    let agents: Vec<(usize, &ActorEntry)> = used
        .iter()
        .copied()
        .filter(|(_, e)| e.kind == ActorKind::Agent)
        .collect();
    let strong: Vec<(usize, &ActorEntry)> =
        agents.iter().copied().filter(|(_, e)| !e.weak).collect();
    let chosen = if strong.is_empty() { &agents } else { &strong };
    let sectors: String = chosen
        .iter()
        .map(|&(i, _)| code_on(&dict.actors, i, date))
        .collect();
    (!sectors.is_empty()).then(|| format!("{country}{sectors}"))
}

fn verb_hits(dict: &Dictionaries, tokens: &Tokens, actors: &[PhraseMatch]) -> Vec<VerbHit> {
    let words: Vec<&str> = tokens
        .tokens
        .iter()
        .map(|t| &tokens.lower[t.lower_start as usize..t.lower_end as usize])
        .collect();
    let ids: Vec<u32> = words.iter().map(|w| dict.verbs.word_id(w)).collect();
    let in_actor = |t: usize| actors.iter().any(|m| m.start <= t && t < m.end);
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let cands = dict.verbs.starting_with(word);
        let mut best: Option<(usize, usize, usize)> = None; // (hit index, words, end)
        for &pi in cands {
            let elements = &dict.verbs.patterns[pi as usize].elements;
            let Some((end, matched)) = match_at(&dict.verbs, elements, 0, &ids, i, 0, &in_actor)
            else {
                continue;
            };
            out.push(VerbHit {
                pattern: pi as usize,
                tokens: (i, end),
                chosen: false,
            });
            let better = match best {
                None => true,
                Some((_, w, e)) => matched > w || (matched == w && end > e),
            };
            if better {
                best = Some((out.len() - 1, matched, end));
            }
        }
        if let Some((hit, _, _)) = best {
            out[hit].chosen = true;
        }
    }
    out
}

/// Matches elements `ei..` of a pattern from word `ti` (words as the
/// lexicon's ids), the first way the coder would: longer alternatives first,
/// optional words taken when they fit, gaps shortest first. Returns the end
/// and the number of pattern words.
fn match_at(
    lexicon: &VerbLexicon,
    elements: &[Element],
    ei: usize,
    words: &[u32],
    ti: usize,
    matched: usize,
    in_actor: &dyn Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let n = words.len();
    let Some(element) = elements.get(ei) else {
        return Some((ti, matched));
    };
    match *element {
        Element::Words { set, optional, .. } => {
            for alt in lexicon.word_sets[set as usize].alternatives() {
                if ti + alt.len() <= n && words[ti..ti + alt.len()] == *alt {
                    if let Some(r) = match_at(
                        lexicon,
                        elements,
                        ei + 1,
                        words,
                        ti + alt.len(),
                        matched + alt.len(),
                        in_actor,
                    ) {
                        return Some(r);
                    }
                }
            }
            if optional {
                return match_at(lexicon, elements, ei + 1, words, ti, matched, in_actor);
            }
            None
        }
        Element::Gap => (0..=GAP)
            .take_while(|k| ti + k <= n)
            .find_map(|k| match_at(lexicon, elements, ei + 1, words, ti + k, matched, in_actor)),
        Element::Slot => (1..=SLOT)
            .take_while(|k| ti + k <= n)
            .filter(|k| (ti..ti + k).any(in_actor))
            .find_map(|k| match_at(lexicon, elements, ei + 1, words, ti + k, matched, in_actor)),
    }
}

impl Lookup {
    /// The answer as readable text, naming every entry's `file:line`.
    pub fn render(&self, dict: &Dictionaries) -> String {
        let mut s = String::new();
        let _ = write!(s, "{:?}", self.name);
        if let Some(d) = self.date {
            let _ = write!(s, " on {d}");
        }
        s.push('\n');
        if self.actors.is_empty() {
            s.push_str("\nactors: no actor or agent phrase in it\n");
        } else {
            s.push_str("\nactors:\n");
        }
        for h in &self.actors {
            let e = &dict.actors.entries[h.phrase.entry];
            let words = self.words[h.tokens.0..h.tokens.1].join(" ");
            let how = if h.whole {
                "whole name"
            } else {
                "inside the name"
            };
            let _ = writeln!(s, "  {words:?} ({how}) at {}", h.phrase.origin);
            if let Some(first) = h.shadowed_by {
                let _ = writeln!(
                    s,
                    "    never used: the phrase belongs to the entry at {}",
                    dict.actors.phrases[first].origin
                );
            }
            let code = code_on(&dict.actors, h.phrase.entry, self.date);
            let kind = match e.kind {
                ActorKind::Country => "country",
                ActorKind::Org => "organisation",
                ActorKind::Group => "group",
                ActorKind::Person => "person",
                ActorKind::Agent => "agent",
            };
            let _ = writeln!(
                s,
                "    code      {}",
                if code.is_empty() { "-" } else { &code }
            );
            let _ = writeln!(
                s,
                "    name      {} ({kind}, entry at {})",
                e.name, e.origin
            );
            let _ = writeln!(s, "    country   {}", e.country.as_deref().unwrap_or("-"));
            let sectors = e.sectors.join(",");
            let _ = writeln!(
                s,
                "    sector    {}",
                if sectors.is_empty() { "-" } else { &sectors }
            );
            let _ = writeln!(s, "    wikidata  {}", e.wikidata.as_deref().unwrap_or("-"));
            for d in &e.dated {
                let day = |x: Option<NaiveDate>| x.map(|x| x.to_string()).unwrap_or_default();
                let _ = writeln!(
                    s,
                    "    dated     {}..{} {} at {}",
                    day(d.from),
                    day(d.to),
                    dict.actors.entries[d.entry].code,
                    d.origin
                );
            }
            if let Some(surface) = &h.phrase.surface {
                let _ = writeln!(
                    s,
                    "    case      matches only {surface:?}, and only in mixed-case text"
                );
            }
            if e.kind == ActorKind::Agent {
                let mut note = "combines with a country in the text (\"Syrian\" + it)".to_string();
                if e.weak {
                    note.push_str("; weak: takes the sector of a stronger agent beside it");
                }
                if e.person {
                    note.push_str("; a single person");
                }
                let _ = writeln!(s, "    agent     {note}");
            }
        }
        if let Some(c) = &self.combined {
            let _ = writeln!(
                s,
                "  together: {c} (country + agent, as adjacent phrases join)"
            );
        }
        if self.verbs.is_empty() {
            s.push_str("\nverb patterns: none match\n");
        } else {
            s.push_str("\nverb patterns:\n");
        }
        for v in &self.verbs {
            let p = &dict.verbs.patterns[v.pattern];
            let words = self.words[v.tokens.0..v.tokens.1].join(" ");
            let mark = if v.chosen { "*" } else { " " };
            let what = match dict.cameo.get(&p.code) {
                _ if p.noevent => "noevent: blocks other patterns".to_string(),
                Some(c) => format!("{} {}", c.plover.as_str(), c.description),
                None => "not in cameo.tsv".to_string(),
            };
            let _ = writeln!(
                s,
                " {mark}{words:?}: [{}] {} at {}: {what}",
                p.code, p.text, p.origin
            );
        }
        if self.verbs.iter().any(|v| !v.chosen) {
            s.push_str("  (* = chosen where several match: the longest, then the first written)\n");
        }
        s
    }
}
