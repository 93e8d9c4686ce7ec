//! The verb and phrase lexicon (`verbs.txt`) and English verb inflection
//! (`verb_forms.txt`): patterns parsed into elements, every `~verb` expanded
//! to its forms, and an index from each pattern's first word to the patterns
//! that can start there.

use crate::source::{lines, SourceFile};
use crate::{DictError, Origin};
use rustc_hash::FxHashMap;

/// Which forms of a verb a word is (a word can be several: "accused" is
/// past and past participle).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct VerbForms(pub u8);

impl VerbForms {
    /// Base form: "accuse".
    pub const BASE: u8 = 1;
    /// Third person singular: "accuses".
    pub const THIRD: u8 = 2;
    /// Simple past: "accused".
    pub const PAST: u8 = 4;
    /// Past participle: "accused", "taken".
    pub const PARTICIPLE: u8 = 8;
    /// Gerund or present participle: "accusing".
    pub const GERUND: u8 = 16;

    /// True when the word can be this form.
    pub fn has(self, form: u8) -> bool {
        self.0 & form != 0
    }
}

/// The five forms of one verb.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Conjugation {
    /// "take"
    pub base: String,
    /// "takes"
    pub third: String,
    /// "took"
    pub past: String,
    /// "taken"
    pub participle: String,
    /// "taking"
    pub gerund: String,
    /// Other spellings of these forms, with their flags: "cancelled" beside
    /// "canceled", "speeded" beside "sped".
    #[serde(default)]
    pub also: Vec<(String, u8)>,
}

impl Conjugation {
    /// Each form with its flag, the other spellings last.
    pub fn forms(&self) -> Vec<(&str, u8)> {
        let mut forms = vec![
            (self.base.as_str(), VerbForms::BASE),
            (&self.third, VerbForms::THIRD),
            (&self.past, VerbForms::PAST),
            (&self.participle, VerbForms::PARTICIPLE),
            (&self.gerund, VerbForms::GERUND),
        ];
        forms.extend(self.also.iter().map(|(w, f)| (w.as_str(), *f)));
        forms
    }
}

/// Irregular verbs, and the regular rules for the rest.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Inflector {
    irregular: FxHashMap<String, Conjugation>,
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

impl Inflector {
    /// Reads `verb_forms.txt`: `lemma past participle [third] [gerund]`; a
    /// form may list other spellings after `|` (`speed sped|speeded
    /// sped|speeded`).
    pub fn parse(file: Option<&SourceFile>) -> Result<Inflector, DictError> {
        let mut irregular = FxHashMap::default();
        let Some(file) = file else {
            return Ok(Inflector { irregular });
        };
        for (line, text) in lines(&file.text) {
            let words: Vec<&str> = text.split_whitespace().collect();
            if words.len() < 3 || words.len() > 5 {
                return Err(DictError::Syntax {
                    path: file.name.clone(),
                    line,
                    message: "expected `lemma past participle [third] [gerund]`".into(),
                });
            }
            let regular = Inflector::regular(words[0]);
            let mut also = Vec::new();
            // The first spelling of a field is the form; the rest go to `also`.
            let mut field = |k: usize, flag: u8| -> Option<String> {
                let mut spellings = words.get(k)?.split('|').map(str::to_lowercase);
                let first = spellings.next()?;
                also.extend(spellings.map(|w| (w, flag)));
                Some(first)
            };
            let past = field(1, VerbForms::PAST).unwrap_or_default();
            let participle = field(2, VerbForms::PARTICIPLE).unwrap_or_default();
            let third = field(3, VerbForms::THIRD).unwrap_or(regular.third);
            let gerund = field(4, VerbForms::GERUND).unwrap_or(regular.gerund);
            irregular.insert(
                words[0].to_lowercase(),
                Conjugation {
                    base: words[0].to_lowercase(),
                    past,
                    participle,
                    third,
                    gerund,
                    also,
                },
            );
        }
        Ok(Inflector { irregular })
    }

    /// The forms of `lemma`.
    pub fn conjugate(&self, lemma: &str) -> Conjugation {
        let lemma = lemma.to_lowercase();
        self.irregular
            .get(&lemma)
            .cloned()
            .unwrap_or_else(|| Inflector::regular(&lemma))
    }

    fn regular(lemma: &str) -> Conjugation {
        let chars: Vec<char> = lemma.chars().collect();
        let last = chars.last().copied().unwrap_or(' ');
        let before = if chars.len() >= 2 {
            chars[chars.len() - 2]
        } else {
            ' '
        };
        let stem_no_e = lemma.strip_suffix('e').unwrap_or(lemma);
        let third = if lemma.ends_with('s')
            || lemma.ends_with('x')
            || lemma.ends_with('z')
            || lemma.ends_with("ch")
            || lemma.ends_with("sh")
            || (last == 'o' && !is_vowel(before))
        {
            format!("{lemma}es")
        } else if last == 'y' && !is_vowel(before) {
            format!("{}ies", &lemma[..lemma.len() - 1])
        } else {
            format!("{lemma}s")
        };
        let past = if last == 'e' {
            format!("{lemma}d")
        } else if last == 'y' && !is_vowel(before) {
            format!("{}ied", &lemma[..lemma.len() - 1])
        } else {
            format!("{lemma}ed")
        };
        let gerund = if let Some(stem) = lemma.strip_suffix("ie") {
            format!("{stem}ying")
        } else if last == 'e' && !matches!(before, 'e' | 'o' | 'y') && chars.len() > 2 {
            format!("{stem_no_e}ing")
        } else {
            format!("{lemma}ing")
        };
        // British spelling doubles a final l after one vowel in an
        // unstressed syllable: "cancelled", "travelling", "labelled". Only
        // verbs of more than one syllable; the stressed ones that double in
        // every spelling ("controlled", "expelled") are in verb_forms.txt.
        let mut also = Vec::new();
        let syllables = chars
            .iter()
            .enumerate()
            .filter(|&(i, &c)| is_vowel(c) && (i == 0 || !is_vowel(chars[i - 1])))
            .count();
        if last == 'l'
            && is_vowel(before)
            && chars.len() >= 3
            && !is_vowel(chars[chars.len() - 3])
            && syllables > 1
        {
            also.push((
                format!("{lemma}led"),
                VerbForms::PAST | VerbForms::PARTICIPLE,
            ));
            also.push((format!("{lemma}ling"), VerbForms::GERUND));
        }
        Conjugation {
            base: lemma.to_string(),
            third,
            participle: past.clone(),
            past,
            gerund,
            also,
        }
    }
}

/// One element of a pattern, over word ids ([`VerbLexicon::vocab`]): the
/// form the coder matches and the only one kept. Word lists are
/// [`WordSet`]s of the lexicon, each stored once however many patterns use
/// it (an `&set` or a `~verb`'s forms are shared by hundreds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Element {
    /// One of several word sequences.
    Words {
        /// The alternatives: an index into [`VerbLexicon::word_sets`].
        set: u32,
        /// The element is a `~verb`.
        verb: bool,
        /// The id of a `~verb`'s base form ([`NO_WORD`] for other words):
        /// a pattern that meets its verb in the base form written is more
        /// specific than one that meets it as another verb's inflection
        /// ("left" under a `~left` entry rather than `~leave`).
        lemma: u32,
        /// Written in parentheses: may be absent.
        optional: bool,
    },
    /// `*`: up to four words.
    Gap,
    /// `+`: the recipient slot.
    Slot,
}

/// The alternatives of a pattern element: word sequences over word ids,
/// longest first (so that "prisoner swaps" wins over "prisoner").
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct WordSet {
    /// Every alternative's words, one alternative after another.
    words: Vec<u32>,
    /// Where each alternative ends in `words`.
    ends: Vec<u32>,
    /// The alternatives' first words, sorted: a quick test before trying
    /// each.
    pub firsts: Vec<u32>,
}

impl WordSet {
    /// The set of these alternatives, in this order.
    fn new(alternatives: &[Vec<u32>]) -> WordSet {
        let mut words = Vec::with_capacity(alternatives.iter().map(Vec::len).sum());
        let mut ends = Vec::with_capacity(alternatives.len());
        for a in alternatives {
            words.extend_from_slice(a);
            ends.push(words.len() as u32);
        }
        let mut firsts: Vec<u32> = alternatives.iter().map(|a| a[0]).collect();
        firsts.sort_unstable();
        firsts.dedup();
        WordSet {
            words,
            ends,
            firsts,
        }
    }

    /// The alternatives, longest first.
    pub fn alternatives(&self) -> impl Iterator<Item = &[u32]> {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let alt = &self.words[start..end as usize];
            start = end as usize;
            alt
        })
    }

    /// The number of alternatives.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when the set has no alternative (never in a compiled lexicon).
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// One line of the verb lexicon.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct VerbPattern {
    /// CAMEO code of the block it is in.
    pub code: String,
    /// The elements, in order.
    pub elements: Vec<Element>,
    /// PLOVER mode that overrides the CAMEO table's.
    pub mode: Option<String>,
    /// PLOVER contexts added to the table's.
    pub context: Vec<String>,
    /// A compound subject acting on itself.
    pub reciprocal: bool,
    /// The subject is the recipient; the actor is unknown.
    pub target_subject: bool,
    /// Blocks other patterns here without coding an event.
    pub noevent: bool,
    /// A second event, from the recipient to the actor, with this code
    /// ("arrived in Y": X visits Y, Y hosts X).
    pub reverse: Option<String>,
    /// The pattern as written.
    pub text: String,
    /// Where it was written.
    pub origin: Origin,
}

/// A word a sentence must hold for a pattern to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Need {
    /// This word.
    Word(u32),
    /// One of the first words of this word set ([`WordSet::firsts`]).
    OneOf(u32),
}

/// The id given to a word no pattern has.
pub const NO_WORD: u32 = u32::MAX;

/// The compiled verb lexicon.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct VerbLexicon {
    /// Patterns in file order.
    #[serde(deserialize_with = "crate::exact_vec")]
    pub patterns: Vec<VerbPattern>,
    /// Every word any pattern has → its id.
    pub vocab: FxHashMap<String, u32>,
    /// Every distinct list of alternatives the patterns' elements have.
    #[serde(deserialize_with = "crate::exact_vec")]
    pub word_sets: Vec<WordSet>,
    /// Word id → the patterns that start with it, in file order.
    #[serde(deserialize_with = "crate::exact_vec")]
    pub starts: Vec<Vec<u32>>,
    /// For each pattern, the words a sentence must hold somewhere for the
    /// pattern to match, past its first element: one per required element
    /// (each word of an element written one way). A cheap test that rules
    /// out most patterns tried at a word.
    #[serde(deserialize_with = "crate::exact_vec")]
    pub needs: Vec<Vec<Need>>,
    /// Every form of every `~verb` in the lexicon → its lemma and forms.
    pub verb_forms: FxHashMap<String, (String, VerbForms)>,
}

/// Parses the alternatives of one element: `a|b|c_d`, with `&set`s.
fn alternatives(
    file: &SourceFile,
    line: usize,
    spec: &str,
    sets: &FxHashMap<String, Vec<Vec<String>>>,
) -> Result<Vec<Vec<String>>, DictError> {
    let mut out = Vec::new();
    for alt in spec.split('|') {
        if let Some(name) = alt.strip_prefix('&') {
            let set = sets.get(name).ok_or_else(|| DictError::Syntax {
                path: file.name.clone(),
                line,
                message: format!("word set &{name} is not defined above this line"),
            })?;
            out.extend(set.iter().cloned());
        } else if !alt.is_empty() {
            let key = crate::phrase::phrase_key(&alt.replace('_', " "));
            out.push(key.split(' ').map(str::to_string).collect());
        }
    }
    if out.is_empty() {
        return Err(DictError::Syntax {
            path: file.name.clone(),
            line,
            message: format!("empty alternative in {spec:?}"),
        });
    }
    // Longer alternatives first, so "prisoner swaps" wins over "prisoner".
    out.sort_by_key(|a| std::cmp::Reverse(a.len()));
    out.dedup();
    Ok(out)
}

impl VerbLexicon {
    /// Parses `verbs.txt` with the given inflector.
    pub fn compile(file: &SourceFile, inflector: &Inflector) -> Result<VerbLexicon, DictError> {
        let mut lexicon = VerbLexicon::parse(file, inflector)?;
        lexicon.index();
        Ok(lexicon)
    }

    /// Parses `verbs.txt` without building the matching index: call
    /// [`VerbLexicon::index`] once the last file is added with
    /// [`VerbLexicon::extend`].
    pub fn parse(file: &SourceFile, inflector: &Inflector) -> Result<VerbLexicon, DictError> {
        let syntax = |line: usize, message: String| DictError::Syntax {
            path: file.name.clone(),
            line,
            message,
        };
        let mut lexicon = VerbLexicon {
            patterns: Vec::new(),
            vocab: FxHashMap::default(),
            word_sets: Vec::new(),
            starts: Vec::new(),
            needs: Vec::new(),
            verb_forms: FxHashMap::default(),
        };
        let mut known_sets = FxHashMap::default();
        let mut sets: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
        let mut code: Option<String> = None;
        for (line, text) in lines(&file.text) {
            let text = text.trim();
            if let Some(rest) = text.strip_prefix("##") {
                let c = rest.split_whitespace().next().unwrap_or("");
                if c.is_empty() || !c.chars().all(|ch| ch.is_ascii_alphanumeric()) {
                    return Err(syntax(
                        line,
                        format!("block header needs a CAMEO code, got {c:?}"),
                    ));
                }
                code = Some(c.to_string());
                continue;
            }
            // `&name = a | b` defines a word set; a line that starts with a
            // set but has no `=` is a pattern.
            if let Some((name, members)) =
                text.strip_prefix('&').and_then(|rest| rest.split_once('='))
            {
                let alts = alternatives(file, line, &members.replace(' ', ""), &sets)?;
                sets.insert(name.trim().to_string(), alts);
                continue;
            }
            let code = code
                .clone()
                .ok_or_else(|| syntax(line, "pattern before the first `## CODE` block".into()))?;
            let (body, options) = text.split_once(';').unwrap_or((text, ""));
            let mut pattern = VerbPattern {
                code,
                elements: Vec::new(),
                mode: None,
                context: Vec::new(),
                reciprocal: false,
                target_subject: false,
                noevent: false,
                reverse: None,
                text: body.trim().to_string(),
                origin: Origin {
                    file: file.name.as_str().into(),
                    line,
                },
            };
            for opt in options.split_whitespace() {
                match opt.split_once('=') {
                    Some(("mode", m)) => pattern.mode = Some(m.to_string()),
                    Some(("context", c)) => {
                        pattern.context.extend(c.split(',').map(str::to_string))
                    }
                    Some(("target", "subject")) => pattern.target_subject = true,
                    Some(("reverse", c)) if c.chars().all(|ch| ch.is_ascii_alphanumeric()) => {
                        pattern.reverse = Some(c.to_string())
                    }
                    None if opt == "reciprocal" => pattern.reciprocal = true,
                    None if opt == "noevent" => pattern.noevent = true,
                    _ => return Err(syntax(line, format!("unknown option {opt:?}"))),
                }
            }
            for raw in body.split_whitespace() {
                let element = match raw {
                    "*" => Element::Gap,
                    "+" => Element::Slot,
                    _ => {
                        let (optional, spec) =
                            match raw.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
                                Some(inner) => (true, inner),
                                None => (false, raw),
                            };
                        if spec.starts_with('~') {
                            // `~verb`, or several: `~grant|~give` (synonyms
                            // sharing the rest of the pattern).
                            let mut alts = Vec::new();
                            let mut first = None;
                            for lemma in spec.split('|') {
                                let Some(lemma) = lemma.strip_prefix('~') else {
                                    return Err(syntax(
                                        line,
                                        format!("{spec:?}: every alternative of a verb element is a ~verb"),
                                    ));
                                };
                                let lemma_words: Vec<&str> = lemma.split('_').collect();
                                let conj = inflector.conjugate(lemma_words[0]);
                                for (form, flag) in conj.forms() {
                                    let e = lexicon
                                        .verb_forms
                                        .entry(form.to_string())
                                        .or_insert((conj.base.clone(), VerbForms(0)));
                                    e.1 .0 |= flag;
                                    let mut words = vec![form.to_string()];
                                    words.extend(lemma_words[1..].iter().map(|w| w.to_lowercase()));
                                    if !alts.contains(&words) {
                                        alts.push(words);
                                    }
                                }
                                first.get_or_insert(conj.base);
                            }
                            alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
                            lexicon.words_element(
                                &mut known_sets,
                                &alts,
                                first.as_deref(),
                                optional,
                            )
                        } else {
                            let alts = alternatives(file, line, spec, &sets)?;
                            lexicon.words_element(&mut known_sets, &alts, None, optional)
                        }
                    }
                };
                pattern.elements.push(element);
            }
            match pattern.elements.first() {
                Some(Element::Words {
                    optional: false, ..
                }) => {}
                _ => {
                    return Err(syntax(
                        line,
                        "a pattern must start with a required word or ~verb".into(),
                    ))
                }
            }
            lexicon.patterns.push(pattern);
        }
        Ok(lexicon)
    }

    /// The id of `word`, given the next one if it has none yet.
    fn intern_word(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.vocab.get(word) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(word.to_string(), id);
        id
    }

    /// The index of `set` in [`VerbLexicon::word_sets`], added if new;
    /// `known` maps the sets already there to their index.
    fn intern_set(&mut self, known: &mut FxHashMap<WordSet, u32>, set: WordSet) -> u32 {
        let sets = &mut self.word_sets;
        *known.entry(set).or_insert_with_key(|set| {
            sets.push(set.clone());
            (sets.len() - 1) as u32
        })
    }

    /// A words element with these alternatives (lower-case words), the
    /// lemma of a `~verb`.
    fn words_element(
        &mut self,
        known: &mut FxHashMap<WordSet, u32>,
        alternatives: &[Vec<String>],
        verb: Option<&str>,
        optional: bool,
    ) -> Element {
        let ids: Vec<Vec<u32>> = alternatives
            .iter()
            .map(|a| a.iter().map(|w| self.intern_word(w)).collect())
            .collect();
        Element::Words {
            set: self.intern_set(known, WordSet::new(&ids)),
            verb: verb.is_some(),
            lemma: verb.map_or(NO_WORD, |v| self.intern_word(v)),
            optional,
        }
    }

    /// Adds the patterns of another file after these, so that these win
    /// every equal match; each file keeps its own word sets.
    pub fn append(&mut self, other: VerbLexicon) {
        self.extend(other);
        self.index();
    }

    /// [`VerbLexicon::append`] without rebuilding the index.
    pub fn extend(&mut self, other: VerbLexicon) {
        // The other file's word ids and sets become this lexicon's.
        let mut by_id = vec![""; other.vocab.len()];
        for (word, &id) in &other.vocab {
            by_id[id as usize] = word;
        }
        let words: Vec<u32> = by_id.iter().map(|w| self.intern_word(w)).collect();
        let mut known = self
            .word_sets
            .iter()
            .enumerate()
            .map(|(i, set)| (set.clone(), i as u32))
            .collect();
        let sets: Vec<u32> = other
            .word_sets
            .iter()
            .map(|set| {
                let alternatives: Vec<Vec<u32>> = set
                    .alternatives()
                    .map(|a| a.iter().map(|&w| words[w as usize]).collect())
                    .collect();
                self.intern_set(&mut known, WordSet::new(&alternatives))
            })
            .collect();
        self.patterns
            .extend(other.patterns.into_iter().map(|mut pattern| {
                for e in &mut pattern.elements {
                    if let Element::Words { set, lemma, .. } = e {
                        *set = sets[*set as usize];
                        if *lemma != NO_WORD {
                            *lemma = words[*lemma as usize];
                        }
                    }
                }
                pattern
            }));
        for (form, (lemma, flags)) in other.verb_forms {
            self.verb_forms
                .entry(form)
                .or_insert((lemma, VerbForms(0)))
                .1
                 .0 |= flags.0;
        }
    }

    /// Rebuilds the index from first words to patterns and what each
    /// pattern needs, after the patterns were added to or reordered.
    pub fn index(&mut self) {
        let mut starts: Vec<Vec<u32>> = vec![Vec::new(); self.vocab.len()];
        for (i, p) in self.patterns.iter().enumerate() {
            if let Some(Element::Words { set, .. }) = p.elements.first() {
                for &w in &self.word_sets[*set as usize].firsts {
                    starts[w as usize].push(i as u32);
                }
            }
        }
        self.needs = self
            .patterns
            .iter()
            .map(|p| {
                let mut needs = Vec::new();
                for e in p.elements.iter().skip(1) {
                    let Element::Words {
                        set,
                        optional: false,
                        ..
                    } = *e
                    else {
                        continue;
                    };
                    let words = &self.word_sets[set as usize];
                    if words.len() == 1 {
                        // One way to write it: every word is needed.
                        needs.extend(words.alternatives().flatten().map(|&w| Need::Word(w)));
                    } else if let [first] = words.firsts[..] {
                        needs.push(Need::Word(first));
                    } else {
                        needs.push(Need::OneOf(set));
                    }
                }
                needs
            })
            .collect();
        self.starts = starts;
    }

    /// The patterns, in file order, whose first element can start with the
    /// lower-case word `lower`.
    pub fn starting_with(&self, lower: &str) -> &[u32] {
        self.starts
            .get(self.word_id(lower) as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The id of a lower-case word, [`NO_WORD`] when no pattern has it.
    pub fn word_id(&self, lower: &str) -> u32 {
        self.vocab.get(lower).copied().unwrap_or(NO_WORD)
    }
}
