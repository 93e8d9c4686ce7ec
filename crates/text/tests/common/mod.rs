//! Helpers shared by the integration tests: reading the corpora under
//! `../shared` by path and id, and the invariants every document must keep.

#![allow(dead_code)]

use std::path::PathBuf;

use dyad_text::{split_sentences, tokenize_into, NormText, SentenceSpan, TokenKind, Tokens};

/// A corpus document: its id and raw text.
pub struct Doc {
    pub id: String,
    pub text: String,
}

/// The path of a corpus file under `../shared/corpus`.
pub fn corpus_path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(file)
}

/// All documents of a corpus file, or `None` (after printing why) when
/// `../shared` is not there.
pub fn load(file: &str) -> Option<Vec<Doc>> {
    let path = corpus_path(file);
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: ../shared not found ({})", path.display());
        return None;
    };
    let docs = data
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
            Doc {
                id: value["id"].as_str().expect("id").to_string(),
                text: value["text"].as_str().unwrap_or_default().to_string(),
            }
        })
        .collect();
    Some(docs)
}

/// One document of a corpus file by id, or `None` when `../shared` is absent.
pub fn load_doc(file: &str, id: &str) -> Option<Doc> {
    let docs = load(file)?;
    let doc = docs.into_iter().find(|d| d.id == id);
    Some(doc.unwrap_or_else(|| panic!("{id} not in {file}")))
}

/// The sentences of `norm` as strings.
pub fn sentence_texts(norm: &NormText) -> Vec<String> {
    split_sentences(norm)
        .iter()
        .map(|s| s.as_str(norm).to_string())
        .collect()
}

/// The original characters `norm.original_span(start, end)` points at.
pub fn original_slice(original: &[char], norm: &NormText, start: usize, end: usize) -> String {
    let [from, to] = norm.original_span(start, end);
    original[from as usize..to as usize].iter().collect()
}

/// Checks every invariant the text stage promises for one document:
/// sentence spans in order, trimmed, on char boundaries and non-empty;
/// tokens inside their sentence with a consistent `lower`; and every token's
/// original characters normalising back to the token.
pub fn check_document(id: &str, original: &str) {
    let norm = NormText::new(original);
    let text = &norm.text;
    let chars: Vec<char> = original.chars().collect();
    assert_eq!(
        norm.original_offset(text.len()) as usize,
        chars.len(),
        "{id}: map end"
    );
    let mut previous_end = 0;
    let mut tokens = Tokens::default();
    for span in split_sentences(&norm) {
        check_span(id, &norm, span, previous_end);
        previous_end = span.end;
        tokenize_into(&norm, span, &mut tokens);
        check_tokens(id, &norm, span, &tokens, &chars);
    }
}

fn check_span(id: &str, norm: &NormText, span: SentenceSpan, previous_end: usize) {
    let text = &norm.text;
    assert!(
        span.start >= previous_end,
        "{id}: sentences overlap at {}",
        span.start
    );
    assert!(
        span.start < span.end && span.end <= text.len(),
        "{id}: bad span {span:?}"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{id}: {span:?}"
    );
    let sentence = span.as_str(norm);
    assert_eq!(sentence, sentence.trim(), "{id}: untrimmed sentence");
    assert!(
        sentence.chars().any(char::is_alphanumeric),
        "{id}: empty sentence {sentence:?}"
    );
}

/// True when normalised byte `i` starts the output of an original
/// character (or run), rather than continuing an expansion like `—` -> `--`.
fn starts_unit(norm: &NormText, i: usize) -> bool {
    let text = &norm.text;
    let Some(previous) = text[..i].chars().next_back() else {
        return true;
    };
    i == text.len() || norm.original_offset(i - previous.len_utf8()) != norm.original_offset(i)
}

fn check_tokens(id: &str, norm: &NormText, span: SentenceSpan, tokens: &Tokens, chars: &[char]) {
    let text = &norm.text;
    assert!(
        !tokens.tokens.is_empty(),
        "{id}: no tokens in {:?}",
        span.as_str(norm)
    );
    let mut lower_at = 0;
    let mut text_at = span.start;
    for (i, token) in tokens.tokens.iter().enumerate() {
        let (start, end) = (token.start as usize, token.end as usize);
        assert!(
            start >= text_at && start < end && end <= span.end,
            "{id}: token {token:?}"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{id}: {token:?}"
        );
        let form = &text[start..end];
        assert!(
            !form.contains(char::is_whitespace),
            "{id}: token {form:?} has a space"
        );
        assert_eq!(
            token.lower_start as usize, lower_at,
            "{id}: lower of {form:?}"
        );
        let expected_lower = form.to_lowercase().replace("i\u{307}", "i");
        if !form.contains('\u{307}') {
            assert_eq!(tokens.lower(i), expected_lower, "{id}: lower of {form:?}");
        }
        if token.kind == TokenKind::Number {
            assert!(
                form.starts_with(|c: char| c.is_ascii_digit()),
                "{id}: number {form:?}"
            );
        }
        lower_at = token.lower_end as usize + 1;
        text_at = end;
        let source = original_slice(chars, norm, start, end);
        if source != form {
            let renormalised = NormText::new(&source).text;
            if starts_unit(norm, start) && starts_unit(norm, end) {
                assert_eq!(
                    renormalised, form,
                    "{id}: {source:?} does not give {form:?}"
                );
            } else {
                // One original character became several tokens (`—` -> `--`).
                assert!(
                    renormalised.contains(form),
                    "{id}: {source:?} lacks {form:?}"
                );
            }
        }
    }
    assert_eq!(
        lower_at,
        tokens.lower.len() + 1,
        "{id}: trailing text in lower"
    );
}
