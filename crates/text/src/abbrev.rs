//! Abbreviations whose period is part of the word: the one list both the
//! sentence splitter (is this period a boundary?) and the tokeniser (does the
//! period stay on the token?) consult, so the two never disagree.

/// How an abbreviation's period behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Always followed by more of the sentence: titles (`Gen.`, `Mr.`) and
    /// connectives (`vs.`, `e.g.`).
    Prefix,
    /// `No.`: `number` before a number or code (`No. 4`, `NO. GP 7720`),
    /// but also the word `no`, so it ends a sentence like a
    /// [`Abbrev::Suffix`]; the tokeniser keeps its period only mid-sentence.
    Numero,
    /// A month (`Feb.`), which never ends a sentence before a day number.
    Month,
    /// May end a sentence: `Inc.`, `etc.`, `Jr.`, `U.S.`, `a.m.`, initials.
    Suffix,
}

const PREFIXES: &[&str] = &[
    "adm", "approx", "atty", "brig", "capt", "cdr", "cf", "cmdr", "col", "cpl", "dr", "fr", "ft",
    "gen", "gov", "hon", "insp", "lt", "maj", "messrs", "mlle", "mme", "mr", "mrs", "ms", "mt",
    "pres", "prof", "pvt", "rep", "rev", "sen", "sgt", "st", "supt", "viz", "vs",
];

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

const NUMEROS: &[&str] = &["no", "nos", "nr"];

const SUFFIXES: &[&str] = &[
    "al", "assn", "ave", "blvd", "bros", "co", "corp", "dept", "esq", "etc", "inc", "jr", "llc",
    "ltd", "plc", "rd", "sr", "univ",
];

/// Dotted forms that never end a sentence.
const DOTTED_PREFIXES: &[&str] = &["e.g", "i.e"];

/// Classifies `word`, the text before a period without the period itself
/// (`"Gen"`, `"U.S"`, `"W"`), case-insensitively. A hyphenated word is
/// classified by its last part (`anti-U.S`).
pub(crate) fn classify(word: &str) -> Option<Abbrev> {
    classify_part(word).or_else(|| classify_part(&word[word.rfind('-')? + 1..]))
}

fn classify_part(word: &str) -> Option<Abbrev> {
    let is = |list: &[&str]| list.iter().any(|a| a.eq_ignore_ascii_case(word));
    if is(PREFIXES) || is(DOTTED_PREFIXES) {
        Some(Abbrev::Prefix)
    } else if is(MONTHS) {
        Some(Abbrev::Month)
    } else if is(NUMEROS) {
        Some(Abbrev::Numero)
    } else if is(SUFFIXES) || is_initial(word) || is_dotted(word) {
        Some(Abbrev::Suffix)
    } else {
        None
    }
}

/// A single letter: an initial (`George W. Bush`).
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// Letters in groups of one or two separated by periods (`U.S`, `a.m`,
/// `Ph.D`), as they stand before their final period.
pub(crate) fn is_dotted(word: &str) -> bool {
    let mut groups = 0;
    for group in word.split('.') {
        let letters = group.chars().count();
        if !(1..=2).contains(&letters) || !group.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// Words that, after a [`Abbrev::Suffix`] period, show a new sentence has
/// begun (`... the U.S. The minister said`). Kept to words that rarely
/// follow such abbreviations inside a sentence, because in upper- and
/// lower-case documents this list is the only evidence.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "according",
    "an",
    "but",
    "he",
    "her",
    "his",
    "however",
    "i",
    "it",
    "its",
    "meanwhile",
    "our",
    "she",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "we",
    "you",
];

/// True when `word` typically opens a sentence.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS
        .iter()
        .any(|s| s.eq_ignore_ascii_case(word))
}

/// Verbs of saying that, within the first words after `?"` or `!"`, show
/// the sentence continues as the quote's attribution (`"Why?" the court
/// asked.`). Needed only where case cannot tell.
const SPEECH_VERBS: &[&str] = &[
    "added",
    "affirmed",
    "answered",
    "asked",
    "asks",
    "claimed",
    "cried",
    "declared",
    "demanded",
    "exclaimed",
    "insisted",
    "queried",
    "quipped",
    "quizzed",
    "remarked",
    "replied",
    "retorted",
    "said",
    "says",
    "shouted",
    "stated",
    "told",
    "warned",
    "wondered",
];

/// Pronouns that open an attribution (`"Why?" he asked.`).
const SPEAKERS: &[&str] = &["he", "she", "they"];

/// True when `words`, the words after a quoted question or exclamation,
/// are its attribution.
pub(crate) fn is_attribution<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    let is = |list: &[&str], w: &str| list.iter().any(|s| s.eq_ignore_ascii_case(w));
    match words.next() {
        Some(first) if is(SPEAKERS, first) || is(SPEECH_VERBS, first) => true,
        Some(_) => words.take(2).any(|w| is(SPEECH_VERBS, w)),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_abbreviations() {
        let table: &[(&str, Option<Abbrev>)] = &[
            ("Gen", Some(Abbrev::Prefix)),
            ("MR", Some(Abbrev::Prefix)),
            ("e.g", Some(Abbrev::Prefix)),
            ("vs", Some(Abbrev::Prefix)),
            ("Sept", Some(Abbrev::Month)),
            ("feb", Some(Abbrev::Month)),
            ("No", Some(Abbrev::Numero)),
            ("Inc", Some(Abbrev::Suffix)),
            ("U.S", Some(Abbrev::Suffix)),
            ("a.m", Some(Abbrev::Suffix)),
            ("Ph.D", Some(Abbrev::Suffix)),
            ("W", Some(Abbrev::Suffix)),
            ("anti-U.S", Some(Abbrev::Suffix)),
            ("ex-Gen", Some(Abbrev::Prefix)),
            ("Syria", None),
            ("al-Bab", None),
            ("1990", None),
            ("3.5", None),
            ("", None),
        ];
        for (word, expected) in table {
            assert_eq!(classify(word), *expected, "word {word:?}");
        }
    }

    #[test]
    fn recognises_attributions() {
        let table: &[(&[&str], bool)] = &[
            (&["he", "asked"], true),
            (&["the", "court", "asked"], true),
            (&["quipped", "the", "leader"], true),
            (&["the", "army", "denied", "it"], false),
            (&[], false),
        ];
        for (words, expected) in table {
            assert_eq!(
                is_attribution(words.iter().copied()),
                *expected,
                "words {words:?}"
            );
        }
    }
}
