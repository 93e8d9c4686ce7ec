//! dyad's data model: the document that goes in and the event that comes out.
//!
//! Types only. Every stage of the pipeline takes and returns these; the serde
//! derives follow `shared/schema/event.schema.json` field for field, so what
//! `serde_json` writes is the output contract. No logic lives here beyond
//! small conversions between closed vocabularies and their codes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A span of Unicode scalar values in a document's text, `[start, end)`.
pub type Span = [u32; 2];

/// One input document (a news article or report).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the input's `id`, or derived from file name and line.
    pub id: String,
    /// Headline, when known. Not part of `text`: event offsets never point into it.
    #[serde(default)]
    pub title: Option<String>,
    /// Body text. Event spans count Unicode scalar values in this string.
    pub text: String,
    /// Publication date, when known.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// Who published it (agency, outlet), when known.
    #[serde(default)]
    pub source: Option<String>,
    /// Where it was published, when known.
    #[serde(default)]
    pub url: Option<String>,
    /// The place named in the dateline ("SAN SALVADOR"), when the input
    /// gives it apart from the text.
    #[serde(default, alias = "dateline_place")]
    pub dateline: Option<String>,
}

/// PLOVER event type (the 16 categories of PLOVER 2021).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[allow(missing_docs)]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl Document {
    /// A document of bare text: no title, source, URL or dateline.
    pub fn new(
        id: impl Into<String>,
        text: impl Into<String>,
        published: Option<NaiveDate>,
    ) -> Document {
        Document {
            id: id.into(),
            title: None,
            text: text.into(),
            published,
            source: None,
            url: None,
            dateline: None,
        }
    }
}

impl EventType {
    /// All types, in PLOVER's order.
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    /// The PLOVER name, e.g. `"ACCUSE"`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    /// Parses a PLOVER name (case-insensitive).
    pub fn from_name(name: &str) -> Option<EventType> {
        EventType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(name.trim()))
    }
}

/// How the text commits to an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Modality {
    Negated,
    Future,
    Conditional,
    Hypothetical,
    Intent,
    Alleged,
    Denied,
}

impl Modality {
    /// The schema's name, e.g. `"intent"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Negated => "negated",
            Modality::Future => "future",
            Modality::Conditional => "conditional",
            Modality::Hypothetical => "hypothetical",
            Modality::Intent => "intent",
            Modality::Alleged => "alleged",
            Modality::Denied => "denied",
        }
    }
}

/// Words in the document and where they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpanText {
    /// The words as they appear in the document.
    pub text: String,
    /// Their position in the document text.
    pub span: Span,
}

/// An actor or recipient: who the words name, coded CAMEO-style.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// The words in the text that name the actor.
    pub entity_text: String,
    /// Their position in the document text, when they are in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Canonical name, e.g. "Russia", "Staffan de Mistura".
    #[serde(default)]
    pub name: Option<String>,
    /// CAMEO-style code, e.g. "SYRREB", "RUS", "IGOUNO".
    pub code: String,
    /// ISO 3166-1 alpha-3 of the actor's country; `None` for international actors.
    pub country: Option<String>,
    /// Sector codes (GOV, MIL, REB, ...).
    pub sector: Vec<String>,
    /// Wikidata id, when the dictionary gives one.
    #[serde(default)]
    pub wikidata: Option<String>,
}

/// How precise an event date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
    Range,
    Unknown,
}

/// Where an event date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// A full date written in the text.
    Explicit,
    /// A time expression resolved against the publication date.
    Relative,
    /// No time expression: the publication date stands in.
    Publication,
    /// No date at all.
    Unknown,
}

/// When an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    /// First day the event may have happened.
    pub start: Option<NaiveDate>,
    /// Last day; equal to `start` for a single day.
    pub end: Option<NaiveDate>,
    /// How precise the range is.
    pub precision: DatePrecision,
    /// The time expression used, when there was one.
    #[serde(default)]
    pub text: Option<String>,
    /// Where the date came from.
    pub basis: DateBasis,
}

impl EventDate {
    /// The publication date standing in for the event date, or unknown without one.
    pub fn from_publication(published: Option<NaiveDate>) -> EventDate {
        match published {
            Some(day) => EventDate {
                start: Some(day),
                end: Some(day),
                precision: DatePrecision::Day,
                text: None,
                basis: DateBasis::Publication,
            },
            None => EventDate {
                start: None,
                end: None,
                precision: DatePrecision::Unknown,
                text: None,
                basis: DateBasis::Unknown,
            },
        }
    }
}

/// Kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum PlaceFeature {
    City,
    Admin1,
    Admin2,
    Country,
    Region,
    Facility,
    Other,
}

/// Where a place assignment came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum PlaceBasis {
    InSentence,
    Nearby,
    Document,
    Inferred,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The words in the text that name the place.
    #[serde(default)]
    pub text: Option<String>,
    /// Their position in the document text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Gazetteer name, e.g. "Aleppo".
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// First-level administrative region.
    #[serde(default)]
    pub admin1: Option<String>,
    /// Latitude.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(default)]
    pub lon: Option<f64>,
    /// Kind of place.
    pub feature: PlaceFeature,
    /// GeoNames id, when the gazetteer gives one.
    #[serde(default)]
    pub geonames_id: Option<i64>,
    /// Where the assignment came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<PlaceBasis>,
}

/// Who reported or claimed an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker coded as an actor, when the dictionary knows it.
    pub speaker: Option<Actor>,
    /// The words naming the speaker, e.g. "A rebel official".
    pub speaker_text: String,
    /// True when the source is not named.
    pub anonymous: bool,
    /// The reporting words, e.g. "said", "according to".
    pub cue: Option<String>,
}

/// One coded event: who did what to whom, when, where, and according to whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: same input and coder version give the same id.
    pub id: String,
    /// Id of the input document.
    pub doc_id: String,
    /// Publication date of the document.
    pub published: Option<NaiveDate>,
    /// Index of the sentence in the document, from 0.
    pub sentence_index: u32,
    /// The sentence the event was coded from.
    pub sentence: String,
    /// PLOVER event type.
    pub event_type: EventType,
    /// PLOVER mode, when the words give one.
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// Most specific CAMEO event code.
    pub cameo: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein score of the CAMEO code.
    pub goldstein: f64,
    /// Source actors.
    pub actor: Vec<Actor>,
    /// Target actors.
    pub recipient: Vec<Actor>,
    /// The words that express the event.
    pub trigger: SpanText,
    /// When it happened.
    pub date: EventDate,
    /// Where it happened.
    pub location: Option<Place>,
    /// Who said so.
    pub attribution: Option<Attribution>,
    /// How the text commits to it.
    pub modality: Vec<Modality>,
    /// How sure the coder is, 0 to 1.
    pub confidence: f64,
    /// The dictionary pattern or rule that produced the event.
    pub rule: String,
    /// Version of the coder that produced the event.
    pub coder_version: String,
}
