//! Normalisation: what each kind of input becomes, the map back to the
//! original, and letter-case detection. Sentences are our own, written in
//! the style of wire reports; the real-text checks read `../shared`.

mod common;

use common::{load, load_doc, original_slice};
use dyad_text::{split_sentences, tokenize, LetterCase, NormText};

#[test]
fn normalises_each_kind_of_input() {
    let table: &[(&str, &str)] = &[
        // Spaces and line ends.
        ("Rebels\u{a0}said", "Rebels said"),
        (
            "two\u{2009}thin\u{202f}spaces\u{3000}here",
            "two thin spaces here",
        ),
        ("a\ttab", "a tab"),
        ("line one\r\nline two\rthree", "line one\nline two\nthree"),
        ("para\u{2029}graph", "para\n\ngraph"),
        ("bell\u{7}char", "bell char"),
        ("lost\u{fffd}byte", "lost byte"),
        // Quotes.
        ("\u{201c}No deal,\u{201d} he said", "\"No deal,\" he said"),
        ("Assad\u{2018}s ally", "Assad's ally"),
        ("Idlib\u{2019}s outskirts", "Idlib's outskirts"),
        (
            "\u{201e}Nein\u{201f} \u{ab}non\u{bb} 5\u{2032} 6\u{2033}",
            "\"Nein\" \"non\" 5' 6\"",
        ),
        ("1973`s riots", "1973's riots"),
        ("modi''s retort", "modi's retort"),
        ("''''time is too short''''", "\"time is too short\""),
        ("``in view of this''", "\"in view of this'"),
        // Dashes.
        ("10\u{2013}12 March", "10-12 March"),
        ("a \u{2212}5 reading, \u{2012}", "a -5 reading, -"),
        ("talks \u{2014} and", "talks -- and"),
        ("interests\u{2014}who", "interests--who"),
        // Deleted characters.
        ("cease\u{ad}fire", "ceasefire"),
        (
            "zero\u{200b}width\u{200d}joiners\u{2060}",
            "zerowidthjoiners",
        ),
        ("\u{feff}Text", "Text"),
        // Entities.
        (
            "AT&amp;T &lt;b&gt; &quot;q&quot; &apos;a&apos;",
            "AT&T <b> \"q\" 'a'",
        ),
        ("&nbsp;x &#39;y&#39; &#x2019;z&#X2019;", " x 'y' 'z'"),
        ("&eacute;lys&eacute;e &Ntilde; &ccedil;", "élysée Ñ ç"),
        (
            "wait&hellip; &mdash; &ndash; &#150; &rsquo;",
            "wait... -- - - '",
        ),
        (
            "&bogus; & more &amp AT&T &#; &#xZZ;",
            "&bogus; & more &amp AT&T &#; &#xZZ;",
        ),
        ("&#0; &#xD800; &#1114112;", "     "),
        // Compatibility characters.
        ("\u{fb01}re \u{fb02}ee", "fire flee"),
        ("\u{ff35}\u{ff2e} \u{ff11}\u{ff12}", "UN 12"),
        ("Pe\u{301}rez and Mu\u{308}ller", "Pérez and Müller"),
        // Mojibake: UTF-8 read as cp1252, as in the India Police Events corpus.
        (
            "the party\u{e2}\u{20ac}\u{2122}s stand",
            "the party's stand",
        ),
        (
            "\u{e2}\u{20ac}\u{153}grave\u{e2}\u{20ac}\u{fffd} concern",
            "\"grave\" concern",
        ),
        (
            "\u{e2}\u{20ac}\u{2dc}shila pujan\u{e2}\u{20ac}\u{2122}",
            "'shila pujan'",
        ),
        (
            "the pm \u{e2}\u{20ac}\u{201d} a 1990 replay",
            "the pm -- a 1990 replay",
        ),
        ("1990\u{e2}\u{20ac}\u{201c}91", "1990-91"),
        ("\u{e2}\u{20ac}\u{a2} relief camps", "\u{2022} relief camps"),
        (
            "neighbourhood,\u{e2}\u{20ac}\u{2122}\u{e2}\u{20ac}\u{2122} are",
            "neighbourhood,' are",
        ),
        ("Caf\u{c3}\u{a9} Bogot\u{c3}\u{a1}", "Café Bogotá"),
        (
            "related storiesÂ vhp talksÂgovt",
            "related stories  vhp talks govt",
        ),
        ("in...Â Â hindi", "in...    hindi"),
        ("situationÂ\u{fffd} similar", "situation   similar"),
        ("PÂTE and Â", "PÂTE and Â"),
    ];
    for (input, expected) in table {
        assert_eq!(NormText::new(input).text, *expected, "input {input:?}");
    }
}

#[test]
fn map_has_one_entry_per_byte_and_ends_at_the_original_length() {
    let original = "\u{201c}Caf\u{c3}\u{a9}\u{201d} &amp; \u{fb01}re\r\n";
    let norm = NormText::new(original);
    assert_eq!(norm.text, "\"Café\" & fire\n");
    let offsets: Vec<u32> = (0..=norm.text.len())
        .map(|b| norm.original_offset(b))
        .collect();
    //                 "  C  a  f  é  é  "  _  &  _  f   i   r   e   \n  end
    assert_eq!(
        offsets,
        [0, 1, 2, 3, 4, 4, 6, 7, 8, 13, 14, 14, 15, 16, 17, 19]
    );
    assert_eq!(norm.original_span(1, 6), [1, 6]);
    assert_eq!(norm.original_span(8, 9), [8, 13]);
    assert_eq!(norm.original_span(10, 12), [14, 15]);
}

/// For every token, the original characters its span points at: curly
/// quotes, entities, mojibake and deleted characters come back as written.
#[test]
fn every_token_maps_back_to_its_original_characters() {
    let table: &[(&str, &[&str])] = &[
        (
            "\u{201c}It seems\u{2026},\u{201d} the official said.",
            &[
                "\u{201c}", "It", "seems", "\u{2026}", "\u{2026}", "\u{2026}", ",", "\u{201d}",
                "the", "official", "said", ".",
            ],
        ),
        (
            "President al-Assad\u{2018}s ally",
            &["President", "al-Assad", "\u{2018}s", "ally"],
        ),
        (
            "AT&amp;T cut\u{a0}jobs",
            &["AT", "&amp;", "T", "cut", "jobs"],
        ),
        (
            "the party\u{e2}\u{20ac}\u{2122}s stand",
            &["the", "party", "\u{e2}\u{20ac}\u{2122}s", "stand"],
        ),
        (
            "Damascus\u{200b} said cease\u{ad}fire",
            &["Damascus", "said", "cease\u{ad}fire"],
        ),
        (
            "&ldquo;Talks&rdquo; fail",
            &["&ldquo;", "Talks", "&rdquo;", "fail"],
        ),
        (
            "the \u{fb01}re in Pe\u{301}rez",
            &["the", "\u{fb01}re", "in", "Pe\u{301}rez"],
        ),
        (
            "Rebels\u{2014}who fled",
            &["Rebels", "\u{2014}", "\u{2014}", "who", "fled"],
        ),
    ];
    for (original, expected) in table {
        let norm = NormText::new(original);
        let chars: Vec<char> = original.chars().collect();
        let mut found = Vec::new();
        for span in split_sentences(&norm) {
            let tokens = tokenize(&norm, span);
            for token in &tokens.tokens {
                found.push(original_slice(
                    &chars,
                    &norm,
                    token.start as usize,
                    token.end as usize,
                ));
            }
        }
        assert_eq!(found, *expected, "original {original:?}");
    }
}

#[test]
fn detects_the_letter_case_of_a_document() {
    let table: &[(&str, LetterCase)] = &[
        ("THE ARMY REPORTED THAT 50 PEASANTS WERE KIDNAPPED BY THE FMLN.", LetterCase::Upper),
        ("Police said three people were hurt in the blast. Officials denied it.", LetterCase::Mixed),
        (
            "ahmedabad: the police fired at a mob on friday. two men were hurt.\n\nFacebook Twitter",
            LetterCase::Lower,
        ),
        ("curfew was relaxed for four hours in the walled city", LetterCase::Lower),
        ("iPhone sales rose.", LetterCase::Mixed),
        ("", LetterCase::Mixed),
        ("42 -- 17", LetterCase::Mixed),
    ];
    for (text, expected) in table {
        assert_eq!(
            NormText::new(text).letter_case(),
            *expected,
            "text {text:?}"
        );
    }
}

#[test]
fn seed_article_loses_its_nbsp_and_keeps_the_stray_quote_on_the_map() {
    let Some(doc) = load_doc("seed.jsonl", "astana-talks-2017-02-13") else {
        return;
    };
    assert!(doc.text.contains('\u{a0}') && doc.text.contains("al-Assad\u{2018}s"));
    let norm = NormText::new(&doc.text);
    assert_eq!(norm.letter_case(), LetterCase::Mixed);
    assert!(!norm
        .text
        .contains(['\u{a0}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}']));
    assert!(norm
        .text
        .contains("President Bashar al-Assad's most powerful ally."));
    let chars: Vec<char> = doc.text.chars().collect();
    let at = norm.text.find("al-Assad's").unwrap() + "al-Assad".len();
    assert_eq!(original_slice(&chars, &norm, at, at + 2), "\u{2018}s");
}

#[test]
fn india_police_events_mojibake_is_repaired() {
    let Some(docs) = load("india-police-events/articles.jsonl") else {
        return;
    };
    let mut repaired_docs = 0;
    for doc in &docs {
        let norm = NormText::new(&doc.text);
        let leftover = ["\u{e2}\u{20ac}", "Â", "\u{fffd}"]
            .iter()
            .find(|m| norm.text.contains(**m));
        assert_eq!(leftover, None, "{}: {}", doc.id, norm.text);
        repaired_docs += usize::from(doc.text.contains('\u{20ac}'));
        assert_eq!(norm.letter_case(), LetterCase::Lower, "{}", doc.id);
    }
    assert!(
        repaired_docs > 100,
        "only {repaired_docs} documents had mojibake"
    );
    let phrases = [
        "\"the situation is on the boil\", a senior police official said.",
        "they accept shankaracharya's formula -- with such variations",
        "symbolic 'shila pujan' at the undisputed",
    ];
    for phrase in phrases {
        assert!(
            docs.iter()
                .any(|d| NormText::new(&d.text).text.contains(phrase)),
            "{phrase}"
        );
    }
}
