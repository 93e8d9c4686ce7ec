//! One sentence, read once: token classes from the cue lists, cue phrases,
//! actor mentions built from dictionary matches (country + agent
//! combinations, titles and appositive names), and coordination.

use chrono::NaiveDate;
use dyad_dict::cues::{section, Section};
use dyad_dict::{ActorKind, Dictionaries, VerbForms};
use dyad_text::{LetterCase, NormText, SentenceSpan, TokenKind, Tokens};

/// Word-class bits for a token.
pub(crate) mod class {
    pub const PREP: u32 = 1 << 0;
    pub const PLACE_PREP: u32 = 1 << 1;
    pub const RECIP_PREP: u32 = 1 << 2;
    pub const DET: u32 = 1 << 3;
    pub const QUANT: u32 = 1 << 4;
    pub const AUX: u32 = 1 << 5;
    pub const BE: u32 = 1 << 6;
    pub const ADVERB: u32 = 1 << 7;
    pub const RELATIVE: u32 = 1 << 8;
    pub const SUBORD: u32 = 1 << 9;
    pub const COORD: u32 = 1 << 10;
    pub const PRON_PLURAL: u32 = 1 << 11;
    pub const PRON_SINGULAR: u32 = 1 << 12;
    pub const PRON_PERSON: u32 = 1 << 13;
    pub const COMMA: u32 = 1 << 14;
    /// `; : . ! ? ( ) [ ]` and dashes: a clause cannot run across them.
    pub const HARD_PUNCT: u32 = 1 << 15;
    pub const QUOTE: u32 = 1 << 16;
    /// A form of a verb the lexicon or the reporting cues know.
    pub const VERB: u32 = 1 << 17;
    pub const REPORTING: u32 = 1 << 18;
    pub const REPORT_NOUN: u32 = 1 << 19;
    pub const NEGATION: u32 = 1 << 20;
    pub const PUNCT: u32 = 1 << 21;
    pub const ANONYMOUS: u32 = 1 << 22;
    /// Opens a clause that tells what came before: "after", "since".
    pub const BACKGROUND: u32 = 1 << 23;
    /// A participle that with "to" names a state of mind: "committed to".
    pub const STATE: u32 = 1 << 24;
    /// A document whose words its author says: "statement", "resolution".
    pub const DOCUMENT: u32 = 1 << 25;
    /// Classes that say what a content word means, not its grammar: a word
    /// with only these is still a plain word (a noun, a modifier).
    pub const CONTENT: u32 = ANONYMOUS | BACKGROUND | STATE | DOCUMENT;
}

/// Cue sections the coder looks up, resolved once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueIds {
    pub reporting: Section,
    pub according: Section,
    pub report_noun: Section,
    pub anonymous: Section,
    pub negation: Section,
    pub future: Section,
    pub intent: Section,
    pub conditional: Section,
    pub hypothetical: Section,
    pub allege: Section,
    pub deny: Section,
    pub request: Section,
    pub demand: Section,
    pub refuse: Section,
    pub threaten: Section,
    pub preposition: Section,
    pub place_preposition: Section,
    pub recipient_preposition: Section,
    pub determiner: Section,
    pub quantity: Section,
    pub pronoun_plural: Section,
    pub pronoun_singular: Section,
    pub pronoun_person: Section,
    pub relative: Section,
    pub subordinator: Section,
    pub coordinator: Section,
    pub auxiliary: Section,
    pub be: Section,
    pub adverb: Section,
    pub background: Section,
    pub state: Section,
    pub document: Section,
}

impl CueIds {
    pub fn new() -> CueIds {
        CueIds {
            reporting: section("reporting"),
            according: section("according"),
            report_noun: section("report_noun"),
            anonymous: section("anonymous"),
            negation: section("negation"),
            future: section("future"),
            intent: section("intent"),
            conditional: section("conditional"),
            hypothetical: section("hypothetical"),
            allege: section("allege"),
            deny: section("deny"),
            request: section("request"),
            demand: section("demand"),
            refuse: section("refuse"),
            threaten: section("threaten"),
            preposition: section("preposition"),
            place_preposition: section("place_preposition"),
            recipient_preposition: section("recipient_preposition"),
            determiner: section("determiner"),
            quantity: section("quantity"),
            pronoun_plural: section("pronoun_plural"),
            pronoun_singular: section("pronoun_singular"),
            pronoun_person: section("pronoun_person"),
            relative: section("relative"),
            subordinator: section("subordinator"),
            coordinator: section("coordinator"),
            auxiliary: section("auxiliary"),
            be: section("be"),
            adverb: section("adverb"),
            background: section("background"),
            state: section("state"),
            document: section("document"),
        }
    }
}

/// A cue phrase found in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueHit {
    pub start: usize,
    pub end: usize,
    pub section: Section,
    pub phrase: usize,
}

/// What a mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MentionKind {
    /// Names an actor in the dictionary (possibly with agents).
    Named,
    /// Only generic agents: the country comes from the document.
    Agent,
    /// A pronoun, resolved against earlier mentions.
    Pronoun,
}

/// An actor mention: the words, and what they were coded as.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
    pub code: String,
    pub country: Option<String>,
    pub sectors: Vec<String>,
    /// Canonical name, or a proper name from a title or apposition.
    pub name: Option<String>,
    pub wikidata: Option<String>,
    pub person: bool,
    pub plural: bool,
    /// Dictionary entries that matched, for `explain`.
    pub entries: Vec<usize>,
    /// The country was filled in from the document, not the words.
    pub country_inferred: bool,
    /// Tokens of a proper name attached by apposition or title.
    pub name_span: Option<(usize, usize)>,
    /// Starts with "the" and is only a role word: refers back.
    pub definite_role: bool,
    /// Resolved from a pronoun or role word: the antecedent's words.
    pub antecedent: Option<String>,
    /// A name alone (a country, organisation or group) with no generic
    /// agent word: "Russia", "Hamas", but not "Syrian rebels".
    pub bare_name: bool,
    /// The words themselves tie a sector to a country ("Syrian rebels",
    /// "the FMLN"), so later bare agents of that sector may take it.
    pub sector_evidence: bool,
    /// The antecedent was an unnamed person.
    pub antecedent_anonymous: bool,
    /// Resolved to a coordinated group ("they" for "the government and rebels").
    pub group: Vec<crate::discourse::Remembered>,
}

impl Mention {
    /// A mention of tokens `[start, end)` with nothing coded yet.
    fn new(start: usize, end: usize, kind: MentionKind) -> Mention {
        Mention {
            start,
            end,
            kind,
            code: String::new(),
            country: None,
            sectors: Vec::new(),
            name: None,
            wikidata: None,
            person: false,
            plural: false,
            entries: Vec::new(),
            country_inferred: false,
            name_span: None,
            definite_role: false,
            antecedent: None,
            antecedent_anonymous: false,
            sector_evidence: false,
            bare_name: false,
            group: Vec::new(),
        }
    }

    /// Names no one in particular: no proper name, and not a named
    /// organisation or country on its own ("a Pakistani official" is unnamed).
    pub fn unnamed(&self) -> bool {
        self.name_span.is_none()
            && !self.bare_name
            && (self.kind != MentionKind::Named || self.name.is_none())
    }
}

/// A sentence with everything the rules need.
pub(crate) struct Sentence<'a> {
    pub norm: &'a NormText,
    pub span: SentenceSpan,
    pub toks: Tokens,
    pub class: Vec<u32>,
    pub verb: Vec<VerbForms>,
    /// Each token's id in the verb lexicon's vocabulary.
    pub word: Vec<u32>,
    pub cues: Vec<CueHit>,
    pub mentions: Vec<Mention>,
    /// For each token, the mention covering it.
    pub mention_at: Vec<Option<usize>>,
    /// Proper-name runs not in the dictionary.
    pub names: Vec<(usize, usize)>,
    /// Dictionary actor matches kept, for `explain`: (start, end, phrase).
    pub actor_matches: Vec<(usize, usize, usize)>,
    /// The date actor codes are read for (codes restricted to dates).
    pub date: Option<NaiveDate>,
}

impl<'a> Sentence<'a> {
    pub fn len(&self) -> usize {
        self.toks.tokens.len()
    }

    pub fn lower(&self, i: usize) -> &str {
        self.toks.lower(i)
    }

    pub fn surface(&self, i: usize) -> &'a str {
        let t = self.toks.tokens[i];
        &self.norm.text[t.start as usize..t.end as usize]
    }

    /// Normalised text of tokens `[start, end)`.
    pub fn text(&self, start: usize, end: usize) -> &'a str {
        if start >= end {
            return "";
        }
        let a = self.toks.tokens[start].start as usize;
        let b = self.toks.tokens[end - 1].end as usize;
        &self.norm.text[a..b]
    }

    /// Original scalar span of tokens `[start, end)`.
    pub fn original_span(&self, start: usize, end: usize) -> [u32; 2] {
        let a = self.toks.tokens[start].start as usize;
        let b = self.toks.tokens[end - 1].end as usize;
        self.norm.original_span(a, b)
    }

    pub fn is(&self, i: usize, bits: u32) -> bool {
        i < self.class.len() && self.class[i] & bits != 0
    }

    /// Cue hits of `section` that end at token `end` (exclusive).
    pub fn cue_ending(&self, section: Section, end: usize) -> Option<CueHit> {
        self.cues
            .iter()
            .filter(|c| c.section == section && c.end == end)
            .max_by_key(|c| c.end - c.start)
            .copied()
    }

    pub fn has_cue_in(&self, section: Section, start: usize, end: usize) -> Option<CueHit> {
        self.cues
            .iter()
            .find(|c| c.section == section && c.start >= start && c.end <= end)
            .copied()
    }

    /// The mention ending exactly at `end` (exclusive), if any.
    pub fn mention_ending(&self, end: usize) -> Option<usize> {
        if end == 0 {
            return None;
        }
        self.mention_at[end - 1].filter(|&m| self.mentions[m].end == end)
    }

    pub fn mention_starting(&self, start: usize) -> Option<usize> {
        self.mention_at
            .get(start)
            .copied()
            .flatten()
            .filter(|&m| self.mentions[m].start == start)
    }

    /// The token before `i`, skipping determiners and quantity words.
    pub fn before_determiners(&self, i: usize) -> Option<usize> {
        let mut k = i;
        while k > 0 {
            k -= 1;
            if !self.is(k, class::DET) {
                return Some(k);
            }
        }
        None
    }
}

/// Reads a sentence: classes, cues, mentions.
pub(crate) fn analyse<'a>(
    dict: &Dictionaries,
    ids: &CueIds,
    norm: &'a NormText,
    span: SentenceSpan,
    case: LetterCase,
    date: Option<NaiveDate>,
    scratch: &mut Vec<dyad_dict::phrase::PhraseMatch>,
) -> Sentence<'a> {
    let toks = dyad_text::tokenize(norm, span);
    let n = toks.tokens.len();
    let mut class = vec![0u32; n];
    let mut verb = vec![VerbForms(0); n];
    let mut word = vec![dyad_dict::NO_WORD; n];
    let cues_dict = &dict.cues;
    let word_sections: [(Section, u32); 21] = [
        (ids.preposition, class::PREP),
        (ids.place_preposition, class::PLACE_PREP),
        (ids.recipient_preposition, class::RECIP_PREP),
        (ids.determiner, class::DET),
        (ids.quantity, class::QUANT),
        (ids.auxiliary, class::AUX),
        (ids.be, class::BE),
        (ids.adverb, class::ADVERB),
        (ids.relative, class::RELATIVE),
        (ids.subordinator, class::SUBORD),
        (ids.coordinator, class::COORD),
        (ids.pronoun_plural, class::PRON_PLURAL),
        (ids.pronoun_singular, class::PRON_SINGULAR),
        (ids.pronoun_person, class::PRON_PERSON),
        (ids.reporting, class::REPORTING | class::VERB),
        (ids.report_noun, class::REPORT_NOUN),
        (ids.negation, class::NEGATION),
        (ids.anonymous, class::ANONYMOUS),
        (ids.background, class::BACKGROUND),
        (ids.state, class::STATE),
        (ids.document, class::DOCUMENT),
    ];
    for i in 0..n {
        let lower = toks.lower(i);
        let t = toks.tokens[i];
        if t.kind == TokenKind::Punct {
            class[i] |= class::PUNCT;
            match lower {
                "," => class[i] |= class::COMMA,
                "\"" | "'" | "`" => class[i] |= class::QUOTE,
                // A hyphen written against the word before it ends a prefix
                // ("an anti- Gondor parade"), not a clause.
                "-" if i > 0 && toks.tokens[i - 1].end == t.start => {}
                ";" | ":" | "." | "!" | "?" | "(" | ")" | "[" | "]" | "-" | "--" => {
                    class[i] |= class::HARD_PUNCT
                }
                "'s" | "n't" | "'ll" | "'d" | "'ve" | "'re" | "'m" => class[i] &= !class::PUNCT,
                _ => {}
            }
        }
        let sections = cues_dict.sections(lower);
        if sections != 0 {
            for (sec, bit) in word_sections {
                if sections & (1 << sec) != 0 {
                    class[i] |= bit;
                }
            }
        }
        word[i] = dict.verbs.word_id(lower);
        if let Some((_, forms)) = dict.verbs.verb_forms.get(lower) {
            verb[i] = *forms;
            class[i] |= class::VERB;
        }
    }
    // Words both a determiner and a pronoun or relative ("that", "her") are
    // read by their neighbour: a noun right after makes them determiners.
    let mut cues = Vec::new();
    cues_dict.matcher.find_all(&toks, scratch);
    for m in scratch.iter() {
        cues.push(CueHit {
            start: m.start,
            end: m.end,
            section: cues_dict.phrases[m.phrase].1,
            phrase: m.phrase,
        });
    }
    let mut sentence = Sentence {
        norm,
        span,
        toks,
        class,
        verb,
        word,
        cues,
        mentions: Vec::new(),
        mention_at: vec![None; n],
        names: Vec::new(),
        actor_matches: Vec::new(),
        date,
    };
    build_mentions(dict, &mut sentence, case, scratch);
    sentence
}

/// True for a word that can sit inside a noun phrase between two actor
/// words ("the Syrian *justice* ministry", "UN *special* envoy").
fn modifier_like(s: &Sentence, i: usize, case: LetterCase) -> bool {
    let t = s.toks.tokens[i];
    if t.kind != TokenKind::Word || s.is(i, !class::CONTENT) {
        return false;
    }
    if s.verb[i].0 != 0 {
        return false;
    }
    case != LetterCase::Mixed || !t.capitalized || i == 0
}

const NAME_PARTICLES: &[&str] = &[
    "al", "el", "de", "del", "da", "di", "bin", "ibn", "abu", "van", "von", "la", "le", "du",
    "dos", "ben",
];

fn build_mentions(
    dict: &Dictionaries,
    s: &mut Sentence,
    case: LetterCase,
    scratch: &mut Vec<dyad_dict::phrase::PhraseMatch>,
) {
    let n = s.len();
    dict.actors.matcher.find_all(&s.toks, scratch);
    // Longest match at each position, left to right, honouring case-sensitive phrases.
    let mut chosen: Vec<(usize, usize, usize)> = Vec::new();
    let mut next_free = 0;
    for m in scratch.iter() {
        if m.start < next_free {
            continue;
        }
        let phrase = &dict.actors.phrases[m.phrase];
        // An actor whose code is restricted to dates that exclude this one.
        if dict.actors.on_date(phrase.entry, s.date).is_none() {
            continue;
        }
        // A phrase written with capitals ("US", "WHO") must appear exactly so,
        // which only mixed-case text can show: in all-capitals or all-lower
        // text it could be the pronoun "us" or the relative "who".
        if let Some(surface) = &phrase.surface {
            if case != LetterCase::Mixed {
                continue;
            }
            let words: Vec<&str> = (m.start..m.end).map(|i| s.surface(i)).collect();
            if words.join(" ") != *surface {
                continue;
            }
        }
        // A country adjective glued into a compound ("Russian-backed") is a
        // single token and never matches; nothing else to check here.
        chosen.push((m.start, m.end, m.phrase));
        next_free = m.end;
    }
    s.actor_matches = chosen.clone();

    // Proper-name runs outside dictionary matches (mixed-case text only).
    let mut covered = vec![false; n];
    for &(a, b, _) in &chosen {
        covered[a..b].iter_mut().for_each(|c| *c = true);
    }
    if case == LetterCase::Mixed {
        let mut i = 0;
        while i < n {
            let starts_name = |k: usize| {
                let t = s.toks.tokens[k];
                t.kind == TokenKind::Word
                    && t.capitalized
                    && !covered[k]
                    && s.class[k] & !class::CONTENT == 0
                    && s.verb[k].0 == 0
            };
            if starts_name(i) {
                let mut j = i + 1;
                while j < n {
                    if starts_name(j) {
                        j += 1;
                    } else if NAME_PARTICLES.contains(&s.lower(j))
                        && j + 1 < n
                        && starts_name(j + 1)
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                // A single capitalised word at the start of a sentence is usually not a name.
                if j - i >= 2 || (i > 0 && j - i == 1) {
                    s.names.push((i, j));
                }
                i = j;
            } else {
                i += 1;
            }
        }
    }

    // Group adjacent matches into noun phrases.
    let mut k = 0;
    while k < chosen.len() {
        let mut group = vec![chosen[k]];
        let mut of_country = false;
        let mut l = k + 1;
        while l < chosen.len() {
            let prev_end = group.last().unwrap().1;
            let next_start = chosen[l].0;
            let gap: Vec<usize> = (prev_end..next_start).collect();
            let beside = gap.len() <= 2
                && gap
                    .iter()
                    .all(|&g| modifier_like(s, g, case) || s.lower(g) == "'s");
            if !beside && !agent_of_country(dict, s, &group, chosen[l], &gap) {
                break;
            }
            of_country |= !beside;
            group.push(chosen[l]);
            l += 1;
        }
        let mention = combine(dict, s, &group);
        s.mentions.push(mention);
        // "lawmakers in Fornost and Gondor", "the ambassadors of Arnor,
        // Osgiliath and Gondor": the agent belongs to each country listed.
        if of_country {
            let agents = &group[..group.len() - 1];
            while l < chosen.len() && listed_next(s, chosen[l - 1].1, chosen[l].0) {
                let mut with_agent = agents.to_vec();
                with_agent.push(chosen[l]);
                if !agent_of_country(dict, s, agents, chosen[l], &[]) {
                    break;
                }
                let mut m = combine(dict, s, &with_agent);
                m.start = chosen[l].0;
                s.mentions.push(m);
                l += 1;
            }
        }
        k = l;
    }

    // Pronouns.
    for (i, &in_match) in covered.iter().enumerate() {
        if in_match {
            continue;
        }
        let plural = s.is(i, class::PRON_PLURAL);
        let singular = s.is(i, class::PRON_SINGULAR | class::PRON_PERSON);
        if !(plural || singular) {
            continue;
        }
        // "her" and "that" before a noun are determiners, not pronouns.
        if s.is(i, class::DET)
            && i + 1 < n
            && s.toks.tokens[i + 1].kind == TokenKind::Word
            && !s.is(i + 1, class::PREP | class::AUX | class::VERB | class::COORD)
        {
            continue;
        }
        let mut pronoun = Mention::new(i, i + 1, MentionKind::Pronoun);
        pronoun.person = s.is(i, class::PRON_PERSON);
        pronoun.plural = plural;
        s.mentions.push(pronoun);
    }
    s.mentions.sort_by_key(|m| m.start);

    attach_names(s);
    ethnic_residents(dict, s);
    for (mi, m) in s.mentions.iter().enumerate() {
        for t in m.start..m.end {
            s.mention_at[t] = Some(mi);
        }
    }
}

/// "ethnic Albanians demonstrated in Serbia", "the Albanians of southern
/// Serbia": members of a people named by its nationality, living in another
/// country, are that country's civilians. A nationality in the plural is
/// such a people when "ethnic" comes before it or "of"/"in" and a country
/// right after it; the country of residence is that one, else the first
/// other country the sentence names after "in". "Ethnic Turks" with no
/// other country are Turkey's civilians.
fn ethnic_residents(dict: &Dictionaries, s: &mut Sentence) {
    let nationality = |m: &Mention| {
        m.kind == MentionKind::Named
            && m.bare_name
            && m.entries.len() == 1
            && dict.actors.entries[m.entries[0]].kind == ActorKind::Country
            && m.end - m.start == 1
            && {
                let w = s.lower(m.start);
                w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
            }
    };
    let country_of = |m: &Mention| {
        (m.kind == MentionKind::Named
            && m.entries
                .iter()
                .all(|&e| dict.actors.entries[e].kind == ActorKind::Country))
        .then(|| m.country.clone())
        .flatten()
    };
    let mut changes = Vec::new();
    for (i, m) in s.mentions.iter().enumerate() {
        if !nationality(m) {
            continue;
        }
        let ethnic = m.start > 0 && s.lower(m.start - 1) == "ethnic";
        // "of southern Serbia", "in the Preševo valley of Serbia" is too far.
        let mut k = m.end;
        let after = if k < s.len() && matches!(s.lower(k), "of" | "in") {
            k += 1;
            while k < s.len()
                && (s.is(k, class::DET)
                    || matches!(
                        s.lower(k),
                        "southern" | "northern" | "eastern" | "western" | "central"
                    ))
            {
                k += 1;
            }
            s.mention_starting_raw(k)
                .and_then(|c| country_of(&s.mentions[c]))
        } else {
            None
        };
        if !ethnic && after.is_none() {
            continue;
        }
        let residence = after.or_else(|| {
            s.mentions[i + 1..]
                .iter()
                .filter(|c| c.start > 0 && s.lower(c.start - 1) == "in")
                .filter_map(country_of)
                .find(|c| Some(c) != m.country.as_ref())
        });
        let Some(country) = residence.or_else(|| m.country.clone()) else {
            continue;
        };
        changes.push((i, country));
    }
    for (i, country) in changes {
        let m = &mut s.mentions[i];
        m.code = format!("{country}CVL");
        m.country = Some(country);
        m.sectors = vec!["CVL".to_string()];
        m.sector_evidence = true;
        m.plural = true;
        m.person = false;
        m.name = None;
        m.wikidata = None;
    }
}

/// Tokens `[end, start)` separate two items of a list: ",", "and",
/// ", and", with "the" allowed after them.
fn listed_next(s: &Sentence, end: usize, start: usize) -> bool {
    let words: Vec<&str> = (end..start).map(|g| s.lower(g)).collect();
    matches!(
        words.as_slice(),
        ["," | "and"] | [",", "and"] | ["," | "and", "the"] | [",", "and", "the"]
    )
}

/// "soldiers from Gondor", "lawmakers in Fornost", "the government of
/// Syria": an agent followed by a country it belongs to is one actor. An
/// empty `gap` only checks that the words are an agent and a country.
fn agent_of_country(
    dict: &Dictionaries,
    s: &Sentence,
    group: &[(usize, usize, usize)],
    next: (usize, usize, usize),
    gap: &[usize],
) -> bool {
    let kind = |g: &(usize, usize, usize)| dict.actors.entries[dict.actors.phrases[g.2].entry].kind;
    // "King Hassan of Morocco", "President Bashar al-Assad of Syria": the
    // agent's proper name may stand before "of".
    let named = gap
        .first()
        .and_then(|&g0| s.names.iter().find(|&&(a, _)| a == g0))
        .map_or(0, |&(a, b)| b - a);
    let words: Vec<&str> = gap.iter().map(|&g| s.lower(g)).collect();
    let words = if named > 0 && named < words.len() {
        &words[named..]
    } else {
        &words[..]
    };
    matches!(
        words,
        [] | ["of" | "from" | "in"] | ["of" | "from" | "in", "the"]
    ) && group.iter().all(|g| kind(g) == ActorKind::Agent)
        && kind(&next) == ActorKind::Country
        && dict.actors.entries[dict.actors.phrases[next.2].entry]
            .code
            .len()
            == 3
}

/// Codes one noun phrase from its dictionary matches.
fn combine(dict: &Dictionaries, s: &Sentence, group: &[(usize, usize, usize)]) -> Mention {
    let entries: Vec<usize> = group
        .iter()
        .filter_map(|g| dict.actors.on_date(dict.actors.phrases[g.2].entry, s.date))
        .collect();
    let named: Vec<usize> = entries
        .iter()
        .copied()
        .filter(|&e| dict.actors.entries[e].kind != ActorKind::Agent)
        .collect();
    let agents: Vec<usize> = entries
        .iter()
        .copied()
        .filter(|&e| dict.actors.entries[e].kind == ActorKind::Agent)
        .collect();
    let strong_agent = agents
        .iter()
        .rev()
        .find(|&&e| !dict.actors.entries[e].weak)
        .copied();
    // The head is the last strong agent ("government forces" is MIL); among
    // role words only, the last that has a sector ("official source" is GOV).
    let head_agent = strong_agent
        .or_else(|| {
            agents
                .iter()
                .rev()
                .find(|&&e| !dict.actors.entries[e].sectors.is_empty())
                .copied()
        })
        .or_else(|| agents.last().copied());
    let start = group[0].0;
    let end = group.last().unwrap().1;
    let last_entry = &dict.actors.entries[*entries.last().unwrap()];
    let head_lower = s.lower(end - 1);
    let plural_word =
        head_lower.ends_with('s') && !head_lower.ends_with("ss") && head_lower.len() > 3;
    let definite = start > 0 && s.lower(start - 1) == "the";

    let mut m = Mention::new(start, end, MentionKind::Agent);
    m.person = last_entry.person;
    m.entries = entries.clone();
    let agent_sectors = head_agent
        .map(|e| dict.actors.entries[e].sectors.clone())
        .unwrap_or_default();
    if let Some(&ne) = named.iter().max_by_key(|&&e| {
        (
            dict.actors.entries[e].kind != ActorKind::Country,
            dict.actors.entries[e].code.len(),
        )
    }) {
        let e = &dict.actors.entries[ne];
        m.kind = MentionKind::Named;
        m.bare_name = agents.is_empty();
        m.name = Some(e.name.clone());
        m.wikidata = e.wikidata.clone();
        match e.kind {
            ActorKind::Country if head_agent.is_some() => {
                m.sector_evidence = true;
                // "the president of Armenia" is one person, as "president" is.
                m.person = head_agent.is_some_and(|h| dict.actors.entries[h].person);
                m.country = e.country.clone();
                // The agent's whole code: "CVLSIK" keeps its religion part,
                // which is not a sector, and "main opposition group" its own
                // code (MOP) though it names no sector dyad knows.
                let agent_code = head_agent
                    .map(|h| dict.actors.entries[h].code.clone())
                    .filter(|c| !c.is_empty());
                m.sectors = if agent_sectors.is_empty() {
                    e.sectors.clone()
                } else {
                    agent_sectors
                };
                m.code = format!(
                    "{}{}",
                    m.country.clone().unwrap_or_default(),
                    agent_code.unwrap_or_else(|| m.sectors.concat())
                );
                m.wikidata = None;
                m.name = None;
            }
            kind => {
                m.country = e.country.clone();
                m.sectors = e.sectors.clone();
                m.code = e.code.clone();
                // A capital standing for its government says nothing about
                // which country "the government" is in a later sentence.
                m.sector_evidence = kind != ActorKind::Country;
            }
        }
        // "Afghan rebel leaders" are as many as their agent word says; a
        // named actor is one.
        m.plural = e.kind == ActorKind::Country && head_agent.is_some() && plural_word;
        if m.plural {
            m.person = false;
        }
    } else {
        m.sectors = agent_sectors;
        m.plural = plural_word && !m.person;
        m.definite_role = definite && agents.iter().all(|&e| dict.actors.entries[e].weak);
        if m.person && plural_word {
            m.person = false;
            m.plural = true;
        }
    }
    m
}

/// Proper names beside a role word: "spokeswoman Yara Sharif", "President
/// Bashar al-Assad", "the UN envoy, Staffan de Mistura," and "Mohammad Al
/// Aboud, a senior rebel official".
fn attach_names(s: &mut Sentence) {
    let names = s.names.clone();
    for (a, b) in names {
        let name_text = s.text(a, b).to_string();
        // Title or role right before the name.
        if let Some(mi) = s
            .mentions
            .iter()
            .position(|m| m.end == a && m.kind != MentionKind::Pronoun)
        {
            if s.mentions[mi].person && s.mentions[mi].name_span.is_none() {
                let m = &mut s.mentions[mi];
                m.name_span = Some((a, b));
                m.name = Some(name_text);
                m.end = b;
                continue;
            }
        }
        // Apposition after an actor: "X, NAME,".
        if a >= 2 && s.lower(a - 1) == "," {
            if let Some(mi) = s
                .mentions
                .iter()
                .position(|m| m.end == a - 1 && m.kind != MentionKind::Pronoun)
            {
                if s.mentions[mi].person && s.mentions[mi].name_span.is_none() {
                    let m = &mut s.mentions[mi];
                    m.name_span = Some((a, b));
                    m.name = Some(name_text);
                    continue;
                }
            }
        }
        // Name then apposition: "NAME, a senior rebel official" (a person's
        // name has two words or more; "Nablus, a member of" is a place).
        if b + 1 < s.len() && s.lower(b) == "," && b - a >= 2 {
            let mut k = b + 1;
            while k < s.len()
                && (s.is(k, class::DET)
                    || s.toks.tokens[k].kind == TokenKind::Word
                        && s.mention_starting_raw(k).is_none()
                        && !s.is(k, class::VERB | class::PREP))
                && k < b + 5
            {
                k += 1;
            }
            if let Some(mi) = s
                .mentions
                .iter()
                .position(|m| m.start == k && m.person && m.kind != MentionKind::Pronoun)
            {
                let m = &mut s.mentions[mi];
                if m.name_span.is_none() {
                    m.name_span = Some((a, b));
                    m.name = Some(name_text);
                }
            }
        }
    }
}

impl Sentence<'_> {
    /// Like [`Sentence::mention_starting`], before `mention_at` is filled.
    fn mention_starting_raw(&self, start: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.start == start)
    }
}
