//! Who acts on whom: the shallow syntax that finds a trigger's subject and
//! object without a parser. Clause edges come from punctuation and the cue
//! lists (subordinators, relative pronouns, reporting verbs); voice from a
//! form of "be" before a past participle or a following "by".

use crate::analysis::{class, MentionKind, Sentence};
use crate::triggers::Trigger;
use dyad_dict::VerbForms;

/// Tokens a subject search skips: adverbs, auxiliaries, negation, quotes.
fn skippable(s: &Sentence, i: usize) -> bool {
    s.is(
        i,
        class::ADVERB | class::AUX | class::NEGATION | class::QUOTE,
    ) || s.lower(i) == "to"
}

/// The preposition that governs mention `m`, if it sits in a prepositional
/// phrase ("for Syria", "of the rebels").
pub(crate) fn governing_preposition(s: &Sentence, m: usize) -> Option<usize> {
    let start = s.mentions[m].start;
    let mut k = s.before_determiners(start)?;
    // "at the first Astana meeting": up to two modifiers between.
    for _ in 0..2 {
        let modifier = s.toks.tokens[k].kind != dyad_text::TokenKind::Punct
            && s.class[k] & !class::CONTENT == 0
            && s.verb[k].0 == 0
            && s.mention_at[k].is_none()
            && !s.toks.tokens[k].capitalized;
        if !modifier || k == 0 {
            break;
        }
        match s.before_determiners(k) {
            Some(b) if s.is(b, class::PREP) => k = b,
            _ => break,
        }
    }
    if s.is(k, class::PREP) && s.is(k, class::SUBORD) && opens_clause(s, m) {
        return None;
    }
    // "about 200 supporters", "over 50 soldiers": before a number these
    // words say how many, they govern nothing.
    if k + 1 < start
        && matches!(s.lower(k), "about" | "around" | "over" | "under")
        && s.toks.tokens[k + 1].kind == dyad_text::TokenKind::Number
    {
        return None;
    }
    if s.is(k, class::PREP) || s.lower(k) == "of" {
        // "a handful of rebels": the quantity word, not the rebels, is
        // governed; the rebels are still the subject.
        if s.lower(k) == "of" && k > 0 && s.is(k - 1, class::QUANT) {
            // "tens of thousands of students": a quantity of a quantity.
            let mut q = k - 1;
            while q > 1 && s.lower(q - 1) == "of" && s.is(q - 2, class::QUANT) {
                q -= 2;
            }
            let before_quant = s.before_determiners(q);
            // "at most a handful of rebels", "up to a dozen of": not a place.
            let bound = |b: usize| {
                (s.lower(b) == "at"
                    && b + 1 < s.len()
                    && matches!(s.lower(b + 1), "most" | "least"))
                    || (s.lower(b) == "to" && b > 0 && s.lower(b - 1) == "up")
            };
            if before_quant.is_none_or(|b| !s.is(b, class::PREP) || bound(b)) {
                return None;
            }
        }
        return Some(k);
    }
    // Numbers before a noun are quantities: "13,000 prisoners".
    None
}

/// Mentions coordinated with `m` to its left ("Russia and Turkey", "X, Y and Z").
fn coordinated_left(s: &Sentence, m: usize) -> Vec<usize> {
    let mut group = vec![m];
    let mut cur = m;
    loop {
        let start = s.mentions[cur].start;
        let Some(k) = before_modifiers(s, start) else {
            break;
        };
        if !(s.is(k, class::COORD) || s.lower(k) == ",") || k == 0 {
            break;
        }
        // "Russia, Turkey, and Iran": step over the comma before "and".
        let before = if s.is(k, class::COORD) && s.lower(k - 1) == "," {
            k - 1
        } else {
            k
        };
        let Some(prev) = s.mention_ending(before) else {
            break;
        };
        if s.mentions[prev].kind == MentionKind::Pronoun {
            break;
        }
        // A comma only coordinates inside a list that ends in "and", or a
        // headline list of named actors ("Russia, Turkey, Iran discuss").
        let named_list =
            s.mentions[prev].bare_name && group.iter().all(|&g| s.mentions[g].bare_name);
        // "according to X, Y ...", "in northern Iraq, the military said": X is in a phrase of its own.
        if s.lower(k) == "," && governing_preposition(s, prev).is_some() {
            break;
        }
        if s.lower(k) == ","
            && !named_list
            && !group.iter().any(|&g| {
                before_modifiers(s, s.mentions[g].start).is_some_and(|b| s.is(b, class::COORD))
            })
        {
            break;
        }
        group.insert(0, prev);
        cur = prev;
    }
    group
}

/// The token before `i`, skipping determiners and up to three adjectives:
/// "Fornost and the evil awful Gondor".
fn before_modifiers(s: &Sentence, i: usize) -> Option<usize> {
    let mut k = s.before_determiners(i)?;
    for _ in 0..3 {
        if !plain_word(s, k) {
            break;
        }
        k = s.before_determiners(k)?;
    }
    Some(k)
}

/// Mentions coordinated with `m` to its right.
pub(crate) fn coordinated_right(s: &Sentence, m: usize) -> Vec<usize> {
    let mut group = vec![m];
    let mut cur = m;
    loop {
        let k = s.mentions[cur].end;
        if k >= s.len() || !(s.is(k, class::COORD) || s.lower(k) == ",") {
            break;
        }
        let mut j = k + 1;
        // "Russia, Turkey, and Iran": a comma before "and" is the "and".
        let comma_only = s.lower(k) == "," && !(j < s.len() && s.is(j, class::COORD));
        if s.lower(k) == "," && !comma_only {
            j += 1;
        }
        while j < s.len() && s.is(j, class::DET) {
            j += 1;
        }
        let Some(next) = s.mention_starting(j) else {
            break;
        };
        if s.mentions[next].kind == MentionKind::Pronoun || comma_only && !list_continues(s, next) {
            break;
        }
        group.push(next);
        cur = next;
    }
    group
}

fn list_continues(s: &Sentence, m: usize) -> bool {
    let k = s.mentions[m].end;
    k < s.len() && (s.is(k, class::COORD) || s.lower(k) == ",")
}

/// Skips a parenthetical relative clause that ends at the comma `comma`
/// (", which backs the rebels,"), returning the token before it opened.
fn skip_parenthetical(s: &Sentence, comma: usize) -> Option<usize> {
    let mut k = comma;
    while k > 0 {
        k -= 1;
        if s.lower(k) == "," {
            if k + 1 < comma && s.is(k + 1, class::RELATIVE) {
                return Some(k);
            }
            return None;
        }
        if s.is(k, class::HARD_PUNCT) {
            return None;
        }
    }
    None
}

/// The subject of the verb whose pattern starts at `start`: walks left
/// through its clause.
pub(crate) fn subject(
    s: &Sentence,
    start: usize,
    verb_tokens: &[bool],
) -> Option<(Vec<usize>, &'static str)> {
    // "a pleasant place to visit", "efforts to stop the parade": an
    // infinitive after a noun phrase completes the noun; whoever is named
    // further left is not its subject.
    // The noun may also be a verb's base form ("place"): after a
    // determiner or an adjective it is a noun.
    let noun = |k: usize| {
        s.toks.tokens[k].kind == dyad_text::TokenKind::Word
            && !s.toks.tokens[k].capitalized
            && s.class[k] & !(class::CONTENT | class::VERB) == 0
            && s.mention_at[k].is_none()
    };
    if start > 2
        && s.lower(start - 1) == "to"
        && noun(start - 2)
        && (s.is(start - 3, class::DET) || plain_word(s, start - 3))
    {
        return None;
    }
    let mut i = start;
    let mut only_skipped = true;
    // "denied the accusation and said ...": a verb after "and" shares the
    // subject of the verb before it; what lies between is that verb's object.
    let mut after_and = false;
    while i > 0 {
        i -= 1;
        if only_skipped && s.is(i, class::COORD) && matches!(s.lower(i), "and" | "but" | "or") {
            after_and = true;
            only_skipped = false;
            continue;
        }
        if after_and {
            // "donated and personally delivered": a verb of the lexicon in
            // the past right before "and" is the coordinated verb too (an -s
            // form is as often a plural noun: "the talks and").
            let finite_verb = i + 1 < s.len()
                && s.is(i + 1, class::COORD)
                && s.verb[i].has(VerbForms::PAST)
                && s.mention_at[i].is_none();
            if verb_tokens[i] || finite_verb {
                return subject(s, i, verb_tokens)
                    .map(|(g, _)| (g, "subject of the coordinated verb"));
            }
            if s.is(i, class::HARD_PUNCT | class::SUBORD) && !s.is(i, class::PREP) {
                return None;
            }
            continue;
        }
        if let Some(m) = s.mention_at[i] {
            let mention = &s.mentions[m];
            if mention.kind == MentionKind::Pronoun && s.is(i, class::DET) {
                // "their"/"its" as a determiner: keep walking.
            } else if governing_preposition(s, m).is_some() {
                i = mention.start;
                only_skipped = false;
                continue;
            } else {
                let how = if mention.kind == MentionKind::Pronoun {
                    "pronoun subject"
                } else {
                    "subject"
                };
                return Some((coordinated_left(s, m), how));
            }
            i = mention.start;
            continue;
        }
        if s.is(i, class::RELATIVE) && only_skipped && s.lower(i) != "that" {
            // "Turkey, which backs the rebels": the antecedent.
            let mut k = i;
            if k > 0 && s.lower(k - 1) == "," {
                k -= 1;
            }
            return s
                .mention_ending(k)
                .map(|m| (vec![m], "antecedent of relative pronoun"));
        }
        if s.lower(i) == ")" {
            // "the European Union (EU) agree", "workers of the Serbian
            // Workers' Union (SSS) stopped": a short aside in parentheses
            // (an abbreviation) is walked past.
            let open = (i.saturating_sub(4)..i).rev().find(|&k| s.lower(k) == "(");
            if let Some(open) = open {
                i = open;
                continue;
            }
        }
        if s.is(i, class::HARD_PUNCT) || (s.is(i, class::SUBORD) && !s.is(i, class::PREP)) {
            if s.lower(i) == "that" && that_is_determiner(s, i) {
                // "that" as a determiner ("that garrison"): keep walking.
                continue;
            }
            return None;
        }
        if s.lower(i) == "," {
            if let Some(before) = skip_parenthetical(s, i) {
                i = before + 1;
                continue;
            }
            continue;
        }
        if verb_tokens[i] && !s.is(i, class::REPORTING) && only_skipped && s.lower(i + 1) == "to" {
            // "continued to send arms", "has tried to hack": the subject of
            // the verb before "to" is the infinitive's.
            continue;
        }
        if verb_tokens[i] || s.is(i, class::REPORTING) {
            return None;
        }
        if !skippable(s, i) {
            only_skipped = false;
        }
    }
    None
}

/// "since the government and its backers defeated ...": after a word that is
/// both preposition and subordinator, a mention opens a clause when a verb
/// follows it (past its coordinated words); "after Astana to uphold" is a
/// prepositional phrase.
fn opens_clause(s: &Sentence, m: usize) -> bool {
    let end = s.mentions[m].end;
    for j in end..(end + 6).min(s.len()) {
        if s.is(j, class::AUX) || s.verb[j].0 & (VerbForms::PAST | VerbForms::THIRD) != 0 {
            return true;
        }
        if s.is(
            j,
            class::PREP | class::COMMA | class::HARD_PUNCT | class::SUBORD,
        ) || s.lower(j) == "to"
        {
            return false;
        }
    }
    false
}

/// For a participle right after a noun ("people kidnapped by ...", "a
/// ceasefire brokered by ..."), the actors that noun names.
pub(crate) fn reduced_relative_head(s: &Sentence, t: &Trigger) -> Option<Vec<usize>> {
    let v = t.verb?;
    let mut k = v;
    while k > 0 && s.is(k - 1, class::QUOTE) {
        k -= 1;
    }
    if k == 0 || s.is(k - 1, class::BE | class::AUX) {
        return None;
    }
    s.mention_ending(k).map(|m| vec![m])
}

/// "that garrison" (a determiner) rather than "said that the army ..." (a
/// complementizer): a noun follows, and no reporting word comes just before.
fn that_is_determiner(s: &Sentence, i: usize) -> bool {
    let next = i + 1;
    if next >= s.len() || s.mention_starting(next).is_some() {
        return false;
    }
    let noun_like = s.toks.tokens[next].kind == dyad_text::TokenKind::Word
        && !s.is(
            next,
            class::PREP
                | class::DET
                | class::PRON_PLURAL
                | class::PRON_SINGULAR
                | class::PRON_PERSON
                | class::ADVERB
                | class::QUANT
                | class::AUX,
        );
    let reported = (i.saturating_sub(4)..i).any(|k| s.is(k, class::REPORTING | class::REPORT_NOUN));
    noun_like && !reported
}

/// The first actor after token `from` in the same clause, skipping places,
/// times and the pattern's own words (`skip`).
pub(crate) fn object(
    s: &Sentence,
    from: usize,
    verb_tokens: &[bool],
    skip: &[usize],
) -> Option<(Vec<usize>, Option<usize>)> {
    clause_actor(s, from, verb_tokens, skip, false)
}

/// When the clause has no object or recipient phrase, the first actor in any
/// other phrase after the verb: "fired shells at Seoul", "departed from
/// Libya", "clashed over the efforts of Eriadori", "condemned an attack by
/// Osgiliath soldiers". What the verb does lands on that actor even when the
/// preposition usually introduces a place or an attribute.
pub(crate) fn oblique(
    s: &Sentence,
    from: usize,
    verb_tokens: &[bool],
    skip: &[usize],
) -> Option<Vec<usize>> {
    clause_actor(s, from, verb_tokens, skip, true).map(|(g, _)| g)
}

fn clause_actor(
    s: &Sentence,
    from: usize,
    verb_tokens: &[bool],
    skip: &[usize],
    obliques: bool,
) -> Option<(Vec<usize>, Option<usize>)> {
    let mut j = from;
    let limit = (from + 14).min(s.len());
    // Prepositions other than "of" passed so far, this token's included.
    let mut phrases_before = 0;
    while j < limit {
        if skip.contains(&j) {
            j += 1;
            continue;
        }
        if s.is(j, class::PREP) && s.lower(j) != "of" {
            phrases_before += 1;
        }
        if let Some(m) = s.mention_starting(j) {
            let prep = governing_preposition(s, m);
            // Only "to", "with", "against", ... lead to a recipient; "in",
            // "of", "near" lead to places, times and attributes.
            // An oblique is the verb's own phrase, the first after it; a
            // later one belongs to a noun ("demanded at the first meeting
            // in the Kazakh capital Astana"); "in X" says where ("attended
            // a meeting in Astana").
            let not_recipient = prep.is_some_and(|p| {
                !s.is(p, class::RECIP_PREP)
                    && (!obliques
                        || phrases_before > 1
                        || matches!(s.lower(p), "in" | "inside" | "within"))
            });
            let possessive = s.mentions[m].kind == MentionKind::Pronoun && s.is(j, class::DET);
            // "demanded at the first Astana meeting": a name between a
            // determiner and a noun modifies the noun; the phrase is about
            // the meeting.
            let modifier = obliques && prep.is_some() && modifies_noun(s, m);
            let group = coordinated_right(s, m);
            if !not_recipient && !possessive && !modifier {
                return Some((group, None));
            }
            // Skip the whole phrase: "in Israel and Gaza" holds no recipient.
            j = s.mentions[*group.last().expect("group has its head")].end;
            continue;
        }
        if s.is(j, class::REPORT_NOUN) {
            return Some((Vec::new(), Some(j)));
        }
        if s.is(j, class::COMMA) && j > from && plain_word(s, j - 1) && plain_word(s, j + 1) {
            // "complete, full diplomatic ties": a comma between adjectives.
            j += 1;
            continue;
        }
        if s.is(
            j,
            class::HARD_PUNCT | class::COMMA | class::SUBORD | class::RELATIVE | class::REPORTING,
        ) && s.lower(j) != "as"
        {
            return None;
        }
        if verb_tokens[j]
            && s.verb[j].0 & (VerbForms::PAST | VerbForms::THIRD | VerbForms::BASE) != 0
            && j > from
        {
            return None;
        }
        j += 1;
    }
    None
}

/// When the verb takes a "that" clause and no object: the subject of that
/// clause, whom the hope, the warning or the concession is about ("expressed
/// hopes on Thursday that Osgiliath could be drawn in", "allowed that Mordor
/// isn't a pleasant place").
pub(crate) fn complement_subject(
    s: &Sentence,
    from: usize,
    verb_tokens: &[bool],
) -> Option<Vec<usize>> {
    let limit = (from + 6).min(s.len());
    let that = (from..limit)
        .take_while(|&k| !s.is(k, class::HARD_PUNCT | class::COMMA | class::REPORTING))
        .take_while(|&k| !verb_tokens[k] || s.lower(k) == "that")
        .find(|&k| s.lower(k) == "that" && s.is(k, class::SUBORD))?;
    let mut k = that + 1;
    while k < s.len() && s.is(k, class::DET | class::ADVERB) {
        k += 1;
    }
    let m = s.mention_starting(k)?;
    (s.mentions[m].kind != MentionKind::Pronoun).then(|| coordinated_right(s, m))
}

/// A lower-case word with no word class, not a verb and not an actor: an
/// adjective or a noun inside a noun phrase.
/// Mention `m` stands between a determiner of its phrase and a lower-case
/// content word: "the first Astana meeting", "a Kabul court".
fn modifies_noun(s: &Sentence, m: usize) -> bool {
    let (start, end) = (s.mentions[m].start, s.mentions[m].end);
    let determined = (start.saturating_sub(3)..start)
        .rev()
        .take_while(|&k| !s.is(k, class::PREP))
        .any(|k| s.is(k, class::DET));
    let content = |i: usize| {
        i < s.len()
            && s.toks.tokens[i].kind == dyad_text::TokenKind::Word
            && !s.toks.tokens[i].capitalized
            && s.mention_at[i].is_none()
            && !s.is(
                i,
                class::PREP
                    | class::DET
                    | class::QUANT
                    | class::AUX
                    | class::BE
                    | class::ADVERB
                    | class::RELATIVE
                    | class::SUBORD
                    | class::COORD
                    | class::PRON_PLURAL
                    | class::PRON_SINGULAR
                    | class::PRON_PERSON
                    | class::REPORTING
                    | class::NEGATION,
            )
    };
    determined && content(end)
}

fn plain_word(s: &Sentence, i: usize) -> bool {
    i < s.len()
        && s.toks.tokens[i].kind == dyad_text::TokenKind::Word
        && !s.toks.tokens[i].capitalized
        && s.class[i] & !class::CONTENT == 0
        && s.verb[i].0 == 0
        && s.mention_at[i].is_none()
}

/// True when the trigger's verb is passive: a form of "be" before a past
/// participle, or a participle followed by "by".
pub(crate) fn is_passive(s: &Sentence, t: &Trigger) -> bool {
    // A pattern written with literal forms ("hosted|hosting") has no `~verb`
    // element; its first word is still a verb form the lexicon knows.
    let Some(v) = t
        .verb
        .or_else(|| (s.verb[t.start].0 != 0).then_some(t.start))
    else {
        return false;
    };
    if !s.verb[v].has(VerbForms::PARTICIPLE) {
        return false;
    }
    // "is committed to", "was determined to": a state of mind (the
    // `[state]` cues), not a passive.
    if s.is(v, class::STATE) && v + 1 < s.len() && s.lower(v + 1) == "to" {
        return false;
    }
    // "forces were engaged in ethnic cleansing", "police were involved in
    // the killings": the subject takes part.
    if matches!(s.lower(v), "engaged" | "involved") && v + 1 < s.len() && s.lower(v + 1) == "in" {
        return false;
    }
    let mut k = v;
    while k > 0 {
        k -= 1;
        if s.is(k, class::BE) {
            return true;
        }
        if !(s.is(k, class::ADVERB | class::NEGATION) || s.lower(k) == "been") {
            break;
        }
    }
    v + 1 < s.len() && s.lower(v + 1) == "by" && !s.verb[v].has(VerbForms::GERUND)
}

/// The agent of a passive: the mention after "by".
pub(crate) fn passive_agent(s: &Sentence, t: &Trigger) -> Option<Vec<usize>> {
    let mut j = t.verb.unwrap_or(t.start) + 1;
    while j < s.len() && j < t.end + 4 {
        if s.lower(j) == "by" {
            let mut k = j + 1;
            while k < s.len() && s.is(k, class::DET) {
                k += 1;
            }
            return s.mention_starting(k).map(|m| coordinated_right(s, m));
        }
        if s.is(j, class::HARD_PUNCT | class::COMMA) {
            return None;
        }
        j += 1;
    }
    None
}

/// For a participle clause ("Accusing Russia ..., rebels say"; "..., accusing
/// Moscow of ..."), the subject of the main clause.
pub(crate) fn participle_subject(s: &Sentence, t: &Trigger) -> Option<Vec<usize>> {
    let v = t.verb?;
    if !s.verb[v].has(VerbForms::GERUND) {
        return None;
    }
    let opens_sentence = (0..t.start).all(|k| s.is(k, class::QUOTE | class::ADVERB));
    // "issued a declaration demanding that ...", "passed a resolution
    // condemning the attack": what a document (the `[document]` cues)
    // says, its author says, the clause's subject, as after a comma.
    let after_noun = t.start > 0 && s.is(t.start - 1, class::DOCUMENT);
    let after_comma = (t.start > 0 && s.lower(t.start - 1) == ",") || after_noun;
    if opens_sentence {
        // The first actor after the participle phrase's comma.
        let comma = (t.end..s.len()).find(|&k| s.lower(k) == ",")?;
        let mut k = comma + 1;
        while k < s.len() {
            if let Some(m) = s.mention_starting(k) {
                if governing_preposition(s, m).is_none() {
                    return Some(coordinated_right(s, m));
                }
                k = s.mentions[m].end;
                continue;
            }
            if s.is(k, class::HARD_PUNCT) {
                return None;
            }
            k += 1;
        }
        None
    } else if after_comma {
        // The sentence's first actor outside a prepositional phrase.
        (0..t.start).find_map(|k| {
            let m = s.mention_starting(k)?;
            (governing_preposition(s, m).is_none() && s.mentions[m].kind != MentionKind::Pronoun
                || s.mentions[m].kind == MentionKind::Pronoun)
                .then(|| coordinated_right(s, m))
        })
    } else {
        None
    }
}
