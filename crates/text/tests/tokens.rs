//! Tokenisation: one row per sentence of our own, with the lower-cased
//! token stream a dictionary matches against; then kinds, capitalisation
//! and offsets.

use dyad_text::{
    split_sentences, tokenize, tokenize_into, NormText, SentenceSpan, TokenKind, Tokens,
};

/// Tokenises `text` as one sentence.
fn tokens_of(text: &str) -> (NormText, Tokens) {
    let norm = NormText::new(text);
    let span = SentenceSpan {
        start: 0,
        end: norm.text.len(),
    };
    let tokens = tokenize(&norm, span);
    (norm, tokens)
}

#[test]
fn lower_cased_token_streams() {
    let table: &[(&str, &str)] = &[
        (
            "Syria's rebels didn't attend talks in al-Bab.",
            "syria 's rebels did n't attend talks in al-bab .",
        ),
        (
            "They can't say, O'Brien said.",
            "they ca n't say , o'brien said .",
        ),
        (
            "THE COUNTRY'S ARMY DIDN'T REPORT IT.",
            "the country 's army did n't report it .",
        ),
        (
            "They're sure we'll win, I'm told, he'd said.",
            "they 're sure we 'll win , i 'm told , he 'd said .",
        ),
        (
            "The rebels' demands (as listed) were \"unrealistic\".",
            "the rebels ' demands ( as listed ) were \" unrealistic \" .",
        ),
        (
            "President al-Assad\u{2018}s ally",
            "president al-assad 's ally",
        ),
        (
            "Russian-backed and UN-backed talks",
            "russian-backed and un-backed talks",
        ),
        (
            "The U.S.-backed force seized 13,000 rifles, 1,00,000 rounds and an M-16.",
            "the u.s.-backed force seized 13,000 rifles , 1,00,000 rounds and an m-16 .",
        ),
        (
            "Talks on February 15-16 in Astana; inflation at 3.5%.",
            "talks on february 15-16 in astana ; inflation at 3.5 % .",
        ),
        (
            "Gen. Smith and Mr. Jones met on Feb. 3 at No. 4 Street.",
            "gen. smith and mr. jones met on feb. 3 at no. 4 street .",
        ),
        (
            "George W. Bush met U.N. envoys at 9 a.m. on Monday.",
            "george w. bush met u.n. envoys at 9 a.m. on monday .",
        ),
        ("He said no.", "he said no ."),
        (
            "The 3D Brigade and 6TH Battalion fired AK-47 rifles",
            "the 3d brigade and 6th battalion fired ak-47 rifles",
        ),
        (
            "Losses hit Rs 300 crore -- a record.",
            "losses hit rs 300 crore - - a record .",
        ),
        ("Khalil Ashawi/Reuters", "khalil ashawi / reuters"),
        (
            "At 10:30 on 12/01/90 the Shi'ite militia left",
            "at 10:30 on 12/01/90 the shi'ite militia left",
        ),
        (
            "ΟΔΟΣ and İstanbul and STRASSE",
            "οδος and istanbul and strasse",
        ),
        (
            "  leading and trailing spaces  ",
            "leading and trailing spaces",
        ),
    ];
    for (sentence, expected) in table {
        let (_, tokens) = tokens_of(sentence);
        assert_eq!(tokens.lower, *expected, "sentence {sentence:?}");
    }
}

#[test]
fn kinds_capitalisation_and_offsets() {
    let (norm, tokens) = tokens_of("Syria's 13,000 M-16 rifles didn't fire.");
    let found: Vec<(&str, &str, TokenKind, bool)> = tokens
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            (
                &norm.text[t.start as usize..t.end as usize],
                tokens.lower(i),
                t.kind,
                t.capitalized,
            )
        })
        .collect();
    let expected = [
        ("Syria", "syria", TokenKind::Word, true),
        ("'s", "'s", TokenKind::Punct, false),
        ("13,000", "13,000", TokenKind::Number, false),
        ("M-16", "m-16", TokenKind::Word, true),
        ("rifles", "rifles", TokenKind::Word, false),
        ("did", "did", TokenKind::Word, false),
        ("n't", "n't", TokenKind::Punct, false),
        ("fire", "fire", TokenKind::Word, false),
        (".", ".", TokenKind::Punct, false),
    ];
    assert_eq!(found, expected);
}

#[test]
fn tokens_of_a_later_sentence_point_into_the_whole_text() {
    let norm = NormText::new("Talks failed.  Rebels left Astana.");
    let spans = split_sentences(&norm);
    assert_eq!(spans.len(), 2);
    let mut tokens = Tokens::default();
    tokenize_into(&norm, spans[0], &mut tokens);
    tokenize_into(&norm, spans[1], &mut tokens);
    assert_eq!(tokens.lower, "rebels left astana .");
    let first = tokens.tokens[0];
    assert_eq!(
        (first.start, first.end, first.lower_start, first.lower_end),
        (15, 21, 0, 6)
    );
    assert_eq!(
        norm.original_span(first.start as usize, first.end as usize),
        [15, 21]
    );
}
