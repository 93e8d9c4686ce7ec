//! Finding verb patterns in a sentence: every pattern whose first word is at
//! a token is tried there; the longest match wins, then the one written
//! first; a token inside an accepted match cannot start another.

use crate::analysis::{class, Sentence};
use dyad_dict::{Dictionaries, Element, Need, VerbLexicon, NO_WORD};

/// Most words a `*` gap may span.
const GAP: usize = 4;
/// Most words a `+` slot may span.
const SLOT: usize = 8;

/// A pattern found in the sentence.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
    /// Tokens of the `+` slot.
    pub slot: Option<(usize, usize)>,
    /// Token of the `~verb` element, when the pattern has one.
    pub verb: Option<usize>,
    /// Tokens that matched the pattern's own words (not gaps or slots).
    pub words: Vec<usize>,
    /// A reciprocal pattern that matched as many words here, chosen over
    /// `pattern` when the subject turns out to be compound (PETRARCH's `%`:
    /// "France and the Philippines agree" is each agreeing with the other).
    pub compound: Option<usize>,
}

/// What a match has bound so far; undone on backtracking.
#[derive(Default)]
struct Partial {
    slot: Option<(usize, usize)>,
    verb: Option<usize>,
    /// The verb was met in its own base form.
    exact: bool,
    words: Vec<usize>,
}

fn gap_ok(s: &Sentence, i: usize) -> bool {
    !s.is(
        i,
        class::HARD_PUNCT | class::COMMA | class::SUBORD | class::RELATIVE,
    ) || s.lower(i) == "as"
}

/// An apposition naming one actor between commas (", UNHCR," in "forced
/// the UN refugee agency, UNHCR, out of"): a gap passes over it whole.
/// Returns the token after its closing comma.
fn apposition_end(s: &Sentence, i: usize) -> Option<usize> {
    if i >= s.len() || s.lower(i) != "," {
        return None;
    }
    let end = s.mentions[s.mention_starting(i + 1)?].end;
    (end < s.len() && s.lower(end) == ",").then_some(end + 1)
}

/// Matches elements `ei..` of a pattern from token `ti`; on success `acc`
/// holds the bindings and the end token is returned.
fn match_from(
    s: &Sentence,
    lexicon: &VerbLexicon,
    elements: &[Element],
    ei: usize,
    ti: usize,
    acc: &mut Partial,
) -> Option<usize> {
    let n = s.len();
    let Some(element) = elements.get(ei) else {
        return Some(ti);
    };
    match element {
        Element::Words {
            set,
            verb,
            lemma,
            optional,
        } => {
            let here = s.word.get(ti).copied().unwrap_or(NO_WORD);
            let set = &lexicon.word_sets[*set as usize];
            // No alternative starts with this word: skip trying each.
            let starts_here = set.firsts.binary_search(&here).is_ok();
            // The verb itself read as a noun ("an anti-Gondor parade") is no
            // verb, wherever the pattern starts.
            if *verb
                && acc.verb.is_none()
                && !acc.words.is_empty()
                && ti < n
                && looks_like_noun(s, ti)
            {
                return if *optional {
                    match_from(s, lexicon, elements, ei + 1, ti, acc)
                } else {
                    None
                };
            }
            if starts_here {
                for alt in set.alternatives() {
                    if ti + alt.len() <= n && s.word[ti..ti + alt.len()] == *alt {
                        let (words, bound_verb, exact) = (acc.words.len(), acc.verb, acc.exact);
                        acc.words.extend(ti..ti + alt.len());
                        if *verb && acc.verb.is_none() {
                            acc.verb = Some(ti);
                            acc.exact = here == *lemma;
                        }
                        if let Some(end) =
                            match_from(s, lexicon, elements, ei + 1, ti + alt.len(), acc)
                        {
                            return Some(end);
                        }
                        acc.words.truncate(words);
                        acc.verb = bound_verb;
                        acc.exact = exact;
                    }
                }
            }
            if *optional {
                return match_from(s, lexicon, elements, ei + 1, ti, acc);
            }
            None
        }
        Element::Gap => {
            let (mut t, mut spanned) = (ti, 0);
            loop {
                if let Some(end) = match_from(s, lexicon, elements, ei + 1, t, acc) {
                    return Some(end);
                }
                if let Some(after) = apposition_end(s, t) {
                    t = after;
                } else if spanned < GAP && t < n && gap_ok(s, t) {
                    spanned += 1;
                    t += 1;
                } else {
                    return None;
                }
            }
        }
        Element::Slot => {
            let mut has_actor = false;
            // An abbreviation in parentheses ("Facilities (UCF) in central
            // Iran") does not count against the slot's length.
            let mut aside = 0;
            for k in 1..=SLOT + 3 {
                let t = ti + k - 1;
                if ti + k > n || !gap_ok(s, t) || k > SLOT + aside {
                    break;
                }
                if s.lower(t) == "(" {
                    if let Some(close) = (t + 2..(t + 5).min(n)).find(|&c| s.lower(c) == ")") {
                        aside += close + 1 - t;
                    }
                }
                has_actor |= s.mention_at[t].is_some() || s.is(t, class::REPORT_NOUN);
                if !has_actor {
                    continue;
                }
                let bound = acc.slot.replace((ti, ti + k));
                if let Some(end) = match_from(s, lexicon, elements, ei + 1, ti + k, acc) {
                    return Some(end);
                }
                acc.slot = bound;
            }
            None
        }
    }
}

/// A base or -s form right after a determiner, or one modifier after it, is
/// a noun: "their biggest defeat", "the attacks"; so is a base form after
/// "a"/"an" and up to three modifiers: "a brief private visit".
fn looks_like_noun(s: &Sentence, i: usize) -> bool {
    use dyad_dict::VerbForms;
    let forms = s.verb[i];
    let det = |k: usize| s.is(k, class::DET) || s.lower(k) == "'s";
    // "the detained journalists": a participle between a determiner and a
    // noun is an adjective.
    if forms.has(VerbForms::PARTICIPLE) && i > 0 && det(i - 1) && i + 1 < s.len() {
        let next = s.toks.tokens[i + 1];
        if next.kind == dyad_text::TokenKind::Word
            && !s.is(i + 1, class::PREP | class::DET | class::AUX)
            && s.verb[i + 1].0 == 0
        {
            return true;
        }
    }
    if forms.0 == 0 || forms.0 & (VerbForms::PAST | VerbForms::PARTICIPLE | VerbForms::GERUND) != 0
    {
        return false;
    }
    // An actor named in the plural is a subject the base form agrees with:
    // "the Philippines agree", "the rebels attack" (but "the Syrian attack").
    let plural_actor = |k: usize| {
        s.mention_at[k].is_some_and(|m| s.mentions[m].kind != crate::analysis::MentionKind::Pronoun)
            && s.lower(k).len() > 3
            && s.lower(k).ends_with('s')
            && !s.lower(k).ends_with("ss")
    };
    if i > 0
        && (det(i - 1)
            || (i > 1
                && det(i - 2)
                && s.verb[i - 1].0 == 0
                && !plural_actor(i - 1)
                && !s.is(
                    i - 1,
                    class::AUX | class::NEGATION | class::PUNCT | class::ADVERB,
                )))
    {
        return true;
    }
    // Further from the determiner only after the singular article, which a
    // base form cannot agree with: "during a brief private visit", "an
    // anti- Gondor parade". The words between are modifiers (a base form
    // among them, "a brief visit", is an adjective too); after "the" they
    // could be a plural subject ("the two sides sign").
    if forms.has(VerbForms::THIRD) {
        return false;
    }
    let adjective = |k: usize| {
        // "anti-Gondor" may come as three tokens.
        if s.lower(k) == "-" {
            return true;
        }
        s.toks.tokens[k].kind == dyad_text::TokenKind::Word
            && s.verb[k].0 & !VerbForms::BASE == 0
            && !s.is(
                k,
                class::AUX
                    | class::NEGATION
                    | class::PUNCT
                    | class::ADVERB
                    | class::PREP
                    | class::QUANT,
            )
    };
    if i < 3 || !adjective(i - 1) {
        return false;
    }
    for k in (i.saturating_sub(4)..i - 2).rev() {
        if !adjective(k + 1) {
            return false;
        }
        if s.is(k, class::DET) {
            return matches!(s.lower(k), "a" | "an");
        }
    }
    false
}

/// All accepted pattern matches in the sentence, left to right.
pub(crate) fn find(dict: &Dictionaries, s: &Sentence) -> Vec<Trigger> {
    let mut out: Vec<Trigger> = Vec::new();
    let mut blocked_until = 0;
    for i in 0..s.len() {
        if i < blocked_until {
            continue;
        }
        // Inside an actor name, a word is a name, not a verb ("Free Syrian Army").
        if s.mention_at[i]
            .is_some_and(|m| s.mentions[m].kind != crate::analysis::MentionKind::Pronoun)
        {
            continue;
        }
        let w = s.word[i];
        let Some(cands) = dict.verbs.starts.get(w as usize).filter(|c| !c.is_empty()) else {
            continue;
        };
        // Every pattern starts with a word, so a noun reading blocks them all.
        if looks_like_noun(s, i) {
            continue;
        }
        let mut best: Option<(usize, usize, Partial)> = None;
        let mut compound: Option<(usize, usize)> = None;
        let mut r = Partial::default();
        let after = &s.word[i + 1..];
        for &pi in cands {
            let elements = &dict.verbs.patterns[pi as usize].elements;
            // A reporting verb on its own ("said") frames what is reported;
            // it is never an event by itself, whatever a dictionary says.
            if elements.len() == 1 && s.is(i, class::REPORTING) {
                continue;
            }
            // Most patterns tried at a word need a later word the sentence
            // does not have: a scan of the rest of the sentence says so
            // before any backtracking.
            let lacks = |need: &Need| match *need {
                Need::Word(w) => !after.contains(&w),
                Need::OneOf(set) => {
                    let firsts = &dict.verbs.word_sets[set as usize].firsts;
                    !after.iter().any(|w| firsts.binary_search(w).is_ok())
                }
            };
            if dict.verbs.needs[pi as usize].iter().any(lacks) {
                continue;
            }
            r.slot = None;
            r.verb = None;
            r.exact = false;
            r.words.clear();
            if let Some(end) = match_from(s, &dict.verbs, elements, 0, i, &mut r) {
                let reciprocal = dict.verbs.patterns[pi as usize].reciprocal;
                if reciprocal && compound.is_none_or(|(_, w)| r.words.len() > w) {
                    compound = Some((pi as usize, r.words.len()));
                }
                let better = match &best {
                    None => true,
                    Some((b_pattern, b_end, b)) => {
                        let b_reciprocal = dict.verbs.patterns[*b_pattern].reciprocal;
                        r.words.len() > b.words.len()
                            || (r.words.len() == b.words.len()
                                && if reciprocal == b_reciprocal {
                                    end > *b_end || end == *b_end && r.exact && !b.exact
                                } else {
                                    // Of equals, the plain pattern; the
                                    // reciprocal one waits for a compound
                                    // subject.
                                    b_reciprocal
                                })
                    }
                };
                if better {
                    let done = std::mem::take(&mut r);
                    best = Some((pi as usize, end, done));
                }
            }
        }
        if let Some((pattern, end, r)) = best {
            // The slot and gaps may hold other events ("accusing Moscow of
            // failing to ..."): only the pattern's own words block.
            blocked_until = r.words.last().map_or(i + 1, |w| w + 1);
            out.push(Trigger {
                pattern,
                start: i,
                end,
                compound: compound
                    .filter(|&(c, w)| c != pattern && w >= r.words.len())
                    .map(|(c, _)| c),
                slot: r.slot,
                verb: r.verb,
                words: r.words,
            });
        }
    }
    out
}
