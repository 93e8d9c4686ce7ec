//! Gold annotations: the three formats `dyad eval` reads, turned into one
//! shape ([`GoldSet`]). Owns reading and checking gold files; knows nothing
//! of scoring and never calls the coder.
//!
//! - PLOVER gold standard records: one sentence and one event a line, with
//!   PLOVER 0.5 category names mapped to PLOVER 2021 ([`plover_type`]).
//! - PETRARCH2 unit-test records: one sentence a line with the expected
//!   `sourcecode`/`targetcode`/`eventcode` triples.
//! - dyad's own format: one event a line, pointing into documents of a
//!   separate JSON Lines file by id and sentence index (README.md).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dyad_model::{Document, EventType, Modality};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::EvalError;

/// Which kind of gold file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoldFormat {
    /// PLOVER gold standard records (`plover_gsr_*.jsonl`).
    PloverGsr,
    /// PETRARCH2 unit-test records (`petr_unittest_records.jsonl`).
    Petrarch,
    /// dyad's own annotation format.
    Dyad,
}

impl GoldFormat {
    /// The name used on the command line, e.g. `"plover-gsr"`.
    pub fn as_str(self) -> &'static str {
        match self {
            GoldFormat::PloverGsr => "plover-gsr",
            GoldFormat::Petrarch => "petrarch",
            GoldFormat::Dyad => "dyad",
        }
    }

    /// Parses a command-line name.
    pub fn from_name(name: &str) -> Option<GoldFormat> {
        [
            GoldFormat::PloverGsr,
            GoldFormat::Petrarch,
            GoldFormat::Dyad,
        ]
        .into_iter()
        .find(|f| f.as_str() == name)
    }

    /// Tells the format from one record of the file, `None` when it fits none.
    pub fn detect(record: &Value) -> Option<GoldFormat> {
        let has = |key: &str| record.get(key).is_some();
        if has("dyad_gold") || (has("doc") && !has("text")) {
            Some(GoldFormat::Dyad)
        } else if has("expected") && has("text") {
            Some(GoldFormat::Petrarch)
        } else if has("event") && has("text") {
            Some(GoldFormat::PloverGsr)
        } else {
            None
        }
    }
}

/// PLOVER 0.5 category names, as the PLOVER gold records use them, mapped to
/// PLOVER 2021 types and the mode the old name implies.
pub fn plover_type(name: &str) -> Option<(EventType, Option<&'static str>)> {
    match name.trim().to_ascii_uppercase().as_str() {
        "DEMAND" => Some((EventType::Request, None)),
        "DISAPPROVE" => Some((EventType::Accuse, Some("disapprove"))),
        "INVESTIGATE" => Some((EventType::Accuse, Some("investigate"))),
        "FIGHT" => Some((EventType::Assault, None)),
        other => EventType::from_name(other).map(|t| (t, None)),
    }
}

/// A gold actor: a CAMEO-style code, read at three levels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldActor {
    /// The full code, e.g. `"SYRREB"`, `"IGOUNO"`, `"HUN"`.
    pub code: String,
    /// The sector the annotation gives, when it gives one (`"GOV"`); for
    /// codes of six letters or more, the second three.
    pub sector: Option<String>,
}

/// Country codes of the older CAMEO/KEDS tables that PLOVER gold records
/// still use (plover_gsr_dev.jsonl writes Italy ITL and Japan JAP), with the
/// ISO 3166 code dyad writes.
const LEGACY_COUNTRIES: &[(&str, &str)] = &[("ITL", "ITA"), ("JAP", "JPN")];

impl GoldActor {
    /// An actor from a full code such as `"SYRREB"`.
    pub fn from_code(code: &str) -> GoldActor {
        let code = code.trim().to_ascii_uppercase();
        let sector = code.get(3..6).map(str::to_string);
        GoldActor { code, sector }
    }

    /// An actor from a country or organisation code and a separate sector,
    /// as PLOVER records write them (`"HUN"` + `"GOV"`). A sector of `***`
    /// (unknown) is dropped; lower-case suffixes (`"CVLalb"`) are not sectors.
    pub fn from_parts(code: &str, sector: Option<&str>) -> GoldActor {
        let sector: Option<String> = sector
            .map(|s| s.chars().take_while(char::is_ascii_uppercase).collect())
            .filter(|s: &String| s.len() == 3);
        let mut base = code.trim().to_ascii_uppercase();
        if let Some(&(_, iso)) = LEGACY_COUNTRIES.iter().find(|(old, _)| *old == base) {
            base = iso.to_string();
        }
        let code = match &sector {
            Some(s) if base.len() == 3 => format!("{base}{s}"),
            _ => base,
        };
        GoldActor { code, sector }
    }

    /// The country or organisation: the first three letters of the code.
    pub fn prefix(&self) -> &str {
        self.code.get(..3).unwrap_or(&self.code)
    }
}

/// A date range an analyst gives an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GoldDate {
    /// First day.
    pub start: NaiveDate,
    /// Last day (equal to `start` for one day).
    pub end: NaiveDate,
}

/// Where an analyst places an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldPlace {
    /// Place name, e.g. `"Aleppo"`.
    pub name: String,
    /// ISO 3166-1 alpha-3 of its country.
    #[serde(default)]
    pub country: Option<String>,
}

/// Who an analyst says reported an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldAttribution {
    /// The speaker's code (compared at the country or organisation level),
    /// or `None` when the speaker is not to be checked.
    #[serde(default)]
    pub speaker: Option<String>,
    /// True when the text does not name the speaker.
    #[serde(default)]
    pub anonymous: bool,
}

/// One event an annotation expects. `None` in a field means the annotation
/// does not say, and it is not checked; `Some(None)` (for place and
/// attribution) means the annotation says there is none.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GoldEvent {
    /// Where it comes from: a record id, or `doc:sentence:trigger`.
    pub label: String,
    /// Sentence index in the document; `None` for one-sentence records,
    /// where any sentence of the record will do.
    pub sentence: Option<u32>,
    /// PLOVER type; for CAMEO-only records the scorer looks it up.
    pub event_type: Option<EventType>,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// Source actors (empty: none expected).
    pub source: Option<Vec<GoldActor>>,
    /// Target actors (empty: none expected).
    pub target: Option<Vec<GoldActor>>,
    /// A few words of the text that express the event.
    pub trigger: Option<String>,
    /// When it happened.
    pub date: Option<GoldDate>,
    /// Where it happened.
    pub place: Option<Option<GoldPlace>>,
    /// Who said so.
    pub attribution: Option<Option<GoldAttribution>>,
    /// Modality, as a set.
    pub modality: Option<Vec<Modality>>,
}

/// One annotated document and the events it must yield.
#[derive(Debug, Clone)]
pub struct GoldDocument {
    /// The text to code.
    pub document: Document,
    /// The expected events. Annotation is exhaustive: any other coded event
    /// is spurious (for PLOVER records, which annotate one event per
    /// sentence, it still counts against precision).
    pub events: Vec<GoldEvent>,
}

/// A gold record left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// 1-based line in the gold file.
    pub line: usize,
    /// Why.
    pub reason: String,
}

/// A whole gold file, read.
#[derive(Debug, Clone)]
pub struct GoldSet {
    /// The file.
    pub path: PathBuf,
    /// Its format.
    pub format: GoldFormat,
    /// The annotated documents, in file order.
    pub documents: Vec<GoldDocument>,
    /// Records left out.
    pub skipped: Vec<Skipped>,
}

impl GoldSet {
    /// Reads a gold file, telling its format from its first record when
    /// `format` is `None`. Dyad-format files name their documents file in
    /// their header; `documents` overrides it.
    pub fn read(
        path: &Path,
        format: Option<GoldFormat>,
        documents: Option<&Path>,
    ) -> Result<GoldSet, EvalError> {
        let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut records = Vec::new();
        let mut skipped = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Value>(line) {
                Ok(v) if v.is_object() => records.push((i + 1, v)),
                Ok(_) => skipped.push(Skipped {
                    line: i + 1,
                    reason: "not a JSON object".into(),
                }),
                Err(e) => skipped.push(Skipped {
                    line: i + 1,
                    reason: format!("not JSON: {e}"),
                }),
            }
        }
        let format = match format {
            Some(f) => f,
            None => records
                .first()
                .and_then(|(_, v)| GoldFormat::detect(v))
                .ok_or_else(|| EvalError::UnknownFormat {
                    path: path.to_path_buf(),
                })?,
        };
        let documents = match format {
            GoldFormat::PloverGsr => read_records(&records, &mut skipped, plover_record),
            GoldFormat::Petrarch => read_records(&records, &mut skipped, petrarch_record),
            GoldFormat::Dyad => read_dyad(path, &records, documents, &mut skipped)?,
        };
        skipped.sort_by_key(|s| s.line);
        Ok(GoldSet {
            path: path.to_path_buf(),
            format,
            documents,
            skipped,
        })
    }

    /// Number of expected events.
    pub fn event_count(&self) -> usize {
        self.documents.iter().map(|d| d.events.len()).sum()
    }
}

type RecordReader = fn(&Value) -> Result<GoldDocument, String>;

fn read_records(
    records: &[(usize, Value)],
    skipped: &mut Vec<Skipped>,
    read: RecordReader,
) -> Vec<GoldDocument> {
    let mut out = Vec::new();
    for (line, v) in records {
        match read(v) {
            Ok(doc) => out.push(doc),
            Err(reason) => skipped.push(Skipped {
                line: *line,
                reason,
            }),
        }
    }
    out
}

fn str_field<'v>(v: &'v Value, key: &str) -> Result<&'v str, String> {
    v.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("no {key:?} string"))
}

fn one_sentence(id: &str, text: &str, published: Option<NaiveDate>) -> Document {
    Document::new(id, text, published)
}

/// PLOVER actors: a list of `{code, sector?}`. Anything else (missing, `""`,
/// a stray string) is read as "no actor".
fn plover_actors(v: Option<&Value>) -> Vec<GoldActor> {
    v.and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|a| {
                    let code = a.get("code")?.as_str()?;
                    Some(GoldActor::from_parts(
                        code,
                        a.get("sector").and_then(Value::as_str),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn plover_record(v: &Value) -> Result<GoldDocument, String> {
    let id = str_field(v, "id")?;
    let text = str_field(v, "text")?;
    let name = str_field(v, "event")?;
    let (event_type, mode) =
        plover_type(name).ok_or_else(|| format!("{id}: unknown event {name:?}"))?;
    let published = v
        .get("date")
        .and_then(Value::as_str)
        .and_then(|d| d.parse().ok());
    let source = plover_actors(v.get("source"));
    let mut target = plover_actors(v.get("target"));
    // Reciprocal events ("Jordan and Britain agreed ...") mark their actors
    // `SRC/TAR` in the markup and leave the target field empty: each side is
    // the other's target.
    let markup = v
        .pointer("/textInfo/markup")
        .and_then(Value::as_str)
        .unwrap_or("");
    if target.is_empty() && markup.contains("(SRC/TAR:") {
        target = source.clone();
    }
    let event = GoldEvent {
        label: id.to_string(),
        event_type: Some(event_type),
        mode: mode.map(str::to_string),
        source: Some(source),
        target: Some(target),
        ..GoldEvent::default()
    };
    Ok(GoldDocument {
        document: one_sentence(id, text, published),
        events: vec![event],
    })
}

/// A PETRARCH code, `---` standing for "none" (as a whole) or "unknown
/// country" (as a prefix).
fn petrarch_actors(code: Option<&str>) -> Vec<GoldActor> {
    match code.map(str::trim) {
        None | Some("") | Some("---") => Vec::new(),
        Some(code) => vec![GoldActor::from_code(code)],
    }
}

fn petrarch_record(v: &Value) -> Result<GoldDocument, String> {
    let id = str_field(v, "id")?;
    let text = str_field(v, "text")?;
    let published = v
        .get("date")
        .and_then(Value::as_str)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok());
    let expected = v
        .get("expected")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{id}: no \"expected\" list"))?;
    if expected.is_empty() {
        return Err(format!("{id}: no expected coding"));
    }
    let mut events = Vec::new();
    for e in expected {
        if let Some(error) = e.get("error").and_then(Value::as_str) {
            return Err(format!("{id}: tests PETRARCH's input error {error:?}"));
        }
        if e.get("noevents").is_some() {
            continue;
        }
        let cameo = e
            .get("eventcode")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{id}: an expected event without eventcode"))?;
        events.push(GoldEvent {
            label: id.to_string(),
            cameo: Some(cameo.trim().to_string()),
            source: Some(petrarch_actors(e.get("sourcecode").and_then(Value::as_str))),
            target: Some(petrarch_actors(e.get("targetcode").and_then(Value::as_str))),
            ..GoldEvent::default()
        });
    }
    Ok(GoldDocument {
        document: one_sentence(id, text, published),
        events,
    })
}

/// Deserialises a field that may be absent (`None`), `null` (`Some(None)`)
/// or a value.
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DyadHeader {
    #[allow(dead_code)]
    dyad_gold: u32,
    #[serde(default)]
    documents: Option<PathBuf>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
struct DyadDate {
    start: NaiveDate,
    #[serde(default)]
    end: Option<NaiveDate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DyadRecord {
    doc: String,
    #[serde(default)]
    sentence: Option<u32>,
    #[serde(default)]
    trigger: Option<String>,
    #[serde(default, rename = "type")]
    event_type: Option<String>,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    cameo: Option<String>,
    #[serde(default)]
    source: Option<Vec<String>>,
    #[serde(default)]
    target: Option<Vec<String>>,
    #[serde(default)]
    date: Option<DyadDate>,
    #[serde(default, deserialize_with = "present")]
    place: Option<Option<GoldPlace>>,
    #[serde(default, deserialize_with = "present")]
    attribution: Option<Option<GoldAttribution>>,
    #[serde(default)]
    modality: Option<Vec<Modality>>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

impl DyadRecord {
    fn into_event(self) -> Result<GoldEvent, String> {
        let sentence = self
            .sentence
            .ok_or("an event needs its \"sentence\" index")?;
        let event_type = match &self.event_type {
            Some(name) => Some(
                EventType::from_name(name)
                    .ok_or_else(|| format!("unknown PLOVER type {name:?}"))?,
            ),
            None => None,
        };
        if event_type.is_none() && self.cameo.is_none() {
            return Err("an event needs a \"type\" or a \"cameo\" code".into());
        }
        let actors = |codes: Option<Vec<String>>| {
            codes.map(|c| c.iter().map(|c| GoldActor::from_code(c)).collect())
        };
        let date = self.date.map(|d| GoldDate {
            start: d.start,
            end: d.end.unwrap_or(d.start),
        });
        if let Some(d) = date {
            if d.end < d.start {
                return Err(format!(
                    "date ends ({}) before it starts ({})",
                    d.end, d.start
                ));
            }
        }
        Ok(GoldEvent {
            label: format!(
                "{}:{}:{}",
                self.doc,
                sentence,
                self.trigger.as_deref().unwrap_or("")
            ),
            sentence: Some(sentence),
            event_type,
            mode: self.mode,
            cameo: self.cameo,
            source: actors(self.source),
            target: actors(self.target),
            trigger: self.trigger,
            date,
            place: self.place,
            attribution: self.attribution,
            modality: self.modality,
        })
    }
}

fn read_dyad(
    path: &Path,
    records: &[(usize, Value)],
    documents: Option<&Path>,
    skipped: &mut Vec<Skipped>,
) -> Result<Vec<GoldDocument>, EvalError> {
    let gold_err = |line: usize, message: String| EvalError::Gold {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut documents_path = documents.map(Path::to_path_buf);
    // Documents in order of first mention, with the line of that mention
    // and their events.
    let mut by_doc: BTreeMap<String, (usize, Vec<GoldEvent>)> = BTreeMap::new();
    for (line, v) in records {
        if v.get("dyad_gold").is_some() {
            let header: DyadHeader = serde_json::from_value(v.clone())
                .map_err(|e| gold_err(*line, format!("bad header: {e}")))?;
            if documents_path.is_none() {
                documents_path = header
                    .documents
                    .map(|p| path.parent().unwrap_or(Path::new(".")).join(p));
            }
            continue;
        }
        let record: DyadRecord = match serde_json::from_value(v.clone()) {
            Ok(r) => r,
            Err(e) => {
                skipped.push(Skipped {
                    line: *line,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let doc = record.doc.clone();
        let entry = by_doc.entry(doc).or_insert((*line, Vec::new()));
        // A record without a sentence only declares its document annotated.
        if record.sentence.is_none() && record.event_type.is_none() && record.cameo.is_none() {
            continue;
        }
        match record.into_event() {
            Ok(event) => entry.1.push(event),
            Err(reason) => skipped.push(Skipped {
                line: *line,
                reason,
            }),
        }
    }
    let documents_path = documents_path.ok_or_else(|| {
        gold_err(
            1,
            "no documents file: give one in the header ({\"dyad_gold\": 1, \"documents\": \"...\"}) or with --documents".into(),
        )
    })?;
    let text = std::fs::read_to_string(&documents_path).map_err(|source| EvalError::Io {
        path: documents_path.clone(),
        source,
    })?;
    let mut found: BTreeMap<String, Document> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: Document = serde_json::from_str(line).map_err(|e| EvalError::Gold {
            path: documents_path.clone(),
            line: i + 1,
            message: format!("not a document: {e}"),
        })?;
        if by_doc.contains_key(&doc.id) {
            found.insert(doc.id.clone(), doc);
        }
    }
    let mut ordered: Vec<(usize, GoldDocument)> = Vec::new();
    for (id, (line, events)) in by_doc {
        match found.remove(&id) {
            Some(document) => ordered.push((line, GoldDocument { document, events })),
            None => skipped.push(Skipped {
                line,
                reason: format!("document {id:?} is not in {}", documents_path.display()),
            }),
        }
    }
    ordered.sort_by_key(|(order, _)| *order);
    Ok(ordered.into_iter().map(|(_, d)| d).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_plover_names_map_to_types_and_modes() {
        assert_eq!(plover_type("DEMAND"), Some((EventType::Request, None)));
        assert_eq!(
            plover_type("DISAPPROVE"),
            Some((EventType::Accuse, Some("disapprove")))
        );
        assert_eq!(
            plover_type("investigate"),
            Some((EventType::Accuse, Some("investigate")))
        );
        assert_eq!(plover_type("FIGHT"), Some((EventType::Assault, None)));
        assert_eq!(plover_type("AGREE"), Some((EventType::Agree, None)));
        assert_eq!(plover_type("DOCUMENT"), None);
    }

    #[test]
    fn plover_sectors_join_the_country_code() {
        let a = GoldActor::from_parts("sdn", Some("REB"));
        assert_eq!((a.code.as_str(), a.prefix()), ("SDNREB", "SDN"));
        let unknown = GoldActor::from_parts("IRQ", Some("***"));
        assert_eq!((unknown.code.as_str(), unknown.sector), ("IRQ", None));
        let ethnic = GoldActor::from_parts("MKD", Some("CVLalb"));
        assert_eq!(ethnic.code, "MKDCVL");
        let org = GoldActor::from_code("IGOUNO");
        assert_eq!((org.prefix(), org.sector.as_deref()), ("IGO", Some("UNO")));
    }

    #[test]
    fn legacy_country_codes_read_as_iso() {
        assert_eq!(GoldActor::from_parts("ITL", Some("GOV")).code, "ITAGOV");
        assert_eq!(GoldActor::from_parts("JAP", None).code, "JPN");
        assert_eq!(GoldActor::from_parts("ITA", None).code, "ITA");
    }

    #[test]
    fn formats_are_told_from_one_record() {
        let detect = |s: &str| GoldFormat::detect(&serde_json::from_str(s).unwrap());
        assert_eq!(
            detect(r#"{"id": "x", "event": "AGREE", "text": "..."}"#),
            Some(GoldFormat::PloverGsr)
        );
        assert_eq!(
            detect(r#"{"id": "x", "text": "...", "expected": []}"#),
            Some(GoldFormat::Petrarch)
        );
        assert_eq!(detect(r#"{"dyad_gold": 1}"#), Some(GoldFormat::Dyad));
        assert_eq!(
            detect(r#"{"doc": "a", "sentence": 2, "type": "AGREE"}"#),
            Some(GoldFormat::Dyad)
        );
        assert_eq!(detect(r#"{"headline": "x"}"#), None);
        for f in [
            GoldFormat::PloverGsr,
            GoldFormat::Petrarch,
            GoldFormat::Dyad,
        ] {
            assert_eq!(GoldFormat::from_name(f.as_str()), Some(f));
        }
    }
}
