//! `dyad explain`: the coding of a text shown step by step, so an analyst
//! can see which dictionary entry and which rule produced each event.

use crate::analysis;
use crate::discourse::Discourse;
use crate::{frames, triggers, verb_tokens, Pipeline};
use chrono::NaiveDate;
use dyad_model::Document;
use dyad_text::NormText;
use std::fmt::Write;

pub(crate) fn explain(p: &Pipeline, text: &str, published: Option<NaiveDate>) -> String {
    let mut out = String::new();
    let doc = Document::new("explain", text, published);
    let norm = NormText::new(text);
    let case = norm.letter_case();
    let spans = dyad_text::split_sentences(&norm);
    let mut scratch = Vec::new();
    let mut disc = Discourse::default();
    let mut sentences: Vec<_> = spans
        .iter()
        .map(|&sp| analysis::analyse(&p.dict, &p.ids, &norm, sp, case, published, &mut scratch))
        .collect();
    disc.country_counts = crate::country_counts(&sentences);
    let _ = writeln!(out, "letter case: {case:?}; {} sentence(s)", spans.len());
    let mut state = crate::DocumentState {
        char_bytes: crate::char_byte_offsets(text),
        dates: crate::when::DocumentDates::new(&norm.text, published),
        located: match p.places() {
            Some(places) => crate::place::DocumentPlaces::new(
                places,
                &doc,
                &norm,
                &sentences,
                &disc.country_counts,
            ),
            None => crate::place::DocumentPlaces::default(),
        },
    };
    for (index, s) in sentences.iter_mut().enumerate() {
        let _ = writeln!(
            out,
            "\n== sentence {index}: {}",
            s.norm.text[s.span.start..s.span.end].trim()
        );
        let _ = write!(out, "tokens:");
        for i in 0..s.len() {
            let _ = write!(out, " {i}:{}", s.surface(i));
        }
        let _ = writeln!(out);
        let _ = writeln!(out, "dictionary matches:");
        for &(a, b, phrase) in &s.actor_matches {
            let ph = &p.dict.actors.phrases[phrase];
            let e = &p.dict.actors.entries[ph.entry];
            let _ = writeln!(
                out,
                "  [{a}..{b}) {:?} -> {} {} ({})",
                s.text(a, b),
                if e.code.is_empty() {
                    "(no sector)"
                } else {
                    &e.code
                },
                e.name,
                ph.origin
            );
        }
        for c in &s.cues {
            let _ = writeln!(
                out,
                "  [{}..{}) {:?} cue [{}]",
                c.start,
                c.end,
                s.text(c.start, c.end),
                dyad_dict::cues::SECTIONS[c.section]
            );
        }
        // Resolve exactly as coding does, then code.
        let events = p.code_sentence(&doc, index, s, &mut disc, &mut state);
        let _ = writeln!(out, "actors:");
        for m in &s.mentions {
            let extra = match (&m.antecedent, m.country_inferred) {
                (Some(a), _) => format!(" (refers to {a:?})"),
                (None, true) => " (country from the document)".into(),
                _ => String::new(),
            };
            let name = m
                .name
                .as_deref()
                .map(|n| format!(" name={n:?}"))
                .unwrap_or_default();
            let origins: Vec<String> = m
                .entries
                .iter()
                .map(|&e| p.dict.actors.entries[e].origin.to_string())
                .collect();
            let name = if origins.is_empty() {
                name
            } else {
                format!("{name} from {}", origins.join(", "))
            };
            let _ = writeln!(
                out,
                "  [{}..{}) {:?} -> {} {:?}{}{}",
                m.start,
                m.end,
                s.text(m.start, m.end),
                if m.code.is_empty() { "?" } else { &m.code },
                m.kind,
                name,
                extra
            );
        }
        let found = triggers::find(&p.dict, s);
        let vt = verb_tokens(s, &found);
        let _ = writeln!(out, "verb patterns:");
        for t in &found {
            let pat = &p.dict.verbs.patterns[t.pattern];
            let slot = t
                .slot
                .map(|(a, b)| format!(" slot={:?}", s.text(a, b)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  [{}..{}) {:?} <- {} [{}] {}{}{}",
                t.start,
                t.end,
                s.text(t.start, t.end),
                pat.origin,
                pat.code,
                pat.text,
                slot,
                if pat.noevent { " (noevent)" } else { "" }
            );
        }
        let sentence_frames = frames(s, &vt, &p.ids);
        for f in &sentence_frames {
            let _ = writeln!(
                out,
                "attribution frame: {:?} by {:?}{}",
                s.text(f.cue.0, f.cue.1),
                f.text,
                if f.report { " (report)" } else { "" }
            );
        }
        let coded = p.code_triggers(s, &found, &vt, &sentence_frames, &disc);
        for c in &coded {
            let _ = writeln!(
                out,
                "roles for {:?}: {}",
                s.text(c.trigger.0, c.trigger.1),
                c.how
            );
        }
        let _ = writeln!(out, "events:");
        if events.is_empty() {
            let _ = writeln!(out, "  (none)");
        }
        for e in &events {
            let who = |v: &[dyad_model::Actor]| {
                v.iter()
                    .map(|a| a.code.as_str())
                    .collect::<Vec<_>>()
                    .join("+")
            };
            let _ = writeln!(
                out,
                "  {} {} {} -> {} trigger={:?} modality={:?} confidence={}\n    rule: {}",
                e.event_type.as_str(),
                e.cameo,
                who(&e.actor),
                who(&e.recipient),
                e.trigger.text,
                e.modality.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
                e.confidence,
                e.rule
            );
            if let Some(a) = &e.attribution {
                let _ = writeln!(
                    out,
                    "    according to: {:?} (cue {:?}, anonymous: {})",
                    a.speaker_text,
                    a.cue.as_deref().unwrap_or(""),
                    a.anonymous
                );
            }
            let _ = writeln!(out, "    {}", serde_json::to_string(e).unwrap_or_default());
        }
    }
    out
}
