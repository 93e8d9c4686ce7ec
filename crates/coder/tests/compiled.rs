//! The dictionaries embedded in compiled form (written by build.rs) code
//! exactly as the shipped files compiled at start-up do.

mod common;

use common::{documents, shared};
use dyad_coder::Pipeline;
use dyad_dict::Dictionaries;

#[test]
fn embedded_compiled_dictionaries_code_as_the_shipped_files() {
    let Some(shared) = shared() else { return };
    let from_text = Pipeline::new(Dictionaries::builtin().expect("shipped files compile"));
    let embedded = Pipeline::builtin().expect("embedded dictionaries read");
    let a = &from_text.dictionaries().actors;
    let b = &embedded.dictionaries().actors;
    assert_eq!(a.entries.len(), b.entries.len());
    assert_eq!(a.phrases.len(), b.phrases.len());
    assert_eq!(
        from_text.dictionaries().verbs.patterns.len(),
        embedded.dictionaries().verbs.patterns.len()
    );
    let mut docs = documents(&shared.join("corpus/seed.jsonl"));
    let muc = documents(&shared.join("corpus/muc34/articles.jsonl"));
    docs.extend(muc.into_iter().take(150));
    let mut events = 0;
    for doc in &docs {
        let x = serde_json::to_string(&from_text.code_document(doc)).expect("events serialise");
        let y = serde_json::to_string(&embedded.code_document(doc)).expect("events serialise");
        assert_eq!(x, y, "document {}", doc.id);
        events += embedded.code_document(doc).len();
    }
    assert!(
        events > 300,
        "only {events} events: the comparison says little"
    );
}

#[test]
fn damaged_compiled_dictionaries_are_an_error() {
    let bytes = Pipeline::builtin_dictionaries().to_bytes();
    for cut in [0, 7, 100, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            Dictionaries::from_bytes(&bytes[..cut]).is_err(),
            "{cut} bytes read as dictionaries"
        );
    }
}
