//! The PLOVER gold records (`../shared/peer/plover/plover_gsr_dev.jsonl`):
//! accuracy floors on the whole file, and one record of each type dyad
//! codes that must keep coding right.

mod common;

use common::{pipeline, scored, shared};
use dyad_eval::floors::PLOVER_DEV;
use dyad_eval::{evaluate, GoldSet};

/// `dyad eval` on the whole file must not fall below the figures recorded
/// in `dyad_eval::floors` (less the tolerance), nor code more events per
/// sentence than the ceiling there.
#[test]
fn plover_dev_accuracy_stays_above_its_floor() {
    let Some(path) = shared(PLOVER_DEV.gold) else {
        return;
    };
    let (_, report) = scored(&path);
    eprintln!(
        "PLOVER dev: top-1 type {}/{}, source {}/{}, {:.2} events per sentence",
        report.top1_type.hits,
        report.top1_type.total,
        report.source.country.hits,
        report.source.country.total,
        report.events_per_sentence.unwrap_or(0.0)
    );
    let broken = PLOVER_DEV.check(&report);
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// One record per PLOVER type dyad codes.
const ROWS: &[&str] = &[
    "PLOVER-GSR01-AGREE-0004",
    "PLOVER-GSR01-AGREE-0005",
    "PLOVER-GSR01-CONSULT-0001",
    "PLOVER-GSR01-SUPPORT-0002",
    "PLOVER-GSR01-COOPERATE-0005",
    "PLOVER-GSR01-AID-0010",
    "PLOVER-GSR01-CONCEDE-0009",
    "PLOVER-GSR01-RETREAT-0014",
    "PLOVER-GSR01-INVESTIGATE-0003",
    "PLOVER-GSR01-DISAPPROVE-0002",
    "PLOVER-GSR01-DEMAND-0001",
    "PLOVER-GSR01-REJECT-0002",
    "PLOVER-GSR01-THREATEN-0006",
    "PLOVER-GSR01-PROTEST-0008",
    "PLOVER-GSR01-SANCTION-0007",
    "PLOVER-GSR01-MOBILIZE-0006",
    "PLOVER-GSR01-COERCE-0010",
    "PLOVER-GSR01-ASSAULT-0003",
];

#[test]
fn plover_records_of_each_type_code_with_the_gold_type_and_source() {
    let Some(path) = shared(PLOVER_DEV.gold) else {
        return;
    };
    let mut gold = GoldSet::read(&path, None, None).unwrap();
    gold.documents
        .retain(|d| ROWS.contains(&d.document.id.as_str()));
    assert_eq!(gold.documents.len(), ROWS.len());
    let report = evaluate(pipeline(), &gold);
    let wrong: Vec<String> = report
        .misses
        .iter()
        .filter(|m| m.failed.iter().any(|f| ["top-1", "source"].contains(f)))
        .map(|m| format!("{} {:?}: {}\n  {:?}", m.label, m.failed, m.sentence, m.top))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(report.top1_type.hits, ROWS.len());
}
