//! Real output validates against the published event schema
//! (`../shared/schema/event.schema.json`), event by event.

mod common;

use common::{documents, pipeline, shared};

#[test]
fn coded_events_validate_against_the_event_schema() {
    let Some(shared) = shared() else { return };
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("schema/event.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let mut docs = documents(&shared.join("corpus/seed.jsonl"));
    // A slice of each corpus, so the odd shapes (upper case, no date) are covered too.
    docs.extend(
        documents(&shared.join("corpus/muc34/articles.jsonl"))
            .into_iter()
            .take(40),
    );
    docs.extend(
        documents(&shared.join("corpus/india-police-events/articles.jsonl"))
            .into_iter()
            .take(40),
    );
    let example =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/talks-article.jsonl");
    docs.extend(documents(&example));
    let mut checked = 0;
    for doc in &docs {
        for event in pipeline().code_document(doc) {
            let value = serde_json::to_value(&event).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "event {} does not validate: {errors:?}\n{value}",
                event.id
            );
            checked += 1;
        }
    }
    assert!(
        checked > 50,
        "only {checked} events were coded: too few to say the schema holds"
    );
}

#[test]
fn the_schema_rejects_a_broken_event() {
    // The check above must be able to fail: a record with a wrong quad class does not pass.
    let Some(shared) = shared() else { return };
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("schema/event.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let doc = common::doc(
        "t",
        "Russia accused Ukraine of shelling the plant.",
        Some("2022-08-12"),
    );
    let event = pipeline()
        .code_document(&doc)
        .into_iter()
        .next()
        .expect("one event");
    let mut value = serde_json::to_value(&event).unwrap();
    assert!(validator.is_valid(&value));
    value["quad_class"] = serde_json::json!(7);
    assert!(!validator.is_valid(&value));
}
