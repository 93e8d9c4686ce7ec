//! Reports as readable text: the figures, the per-type table, the confusion
//! matrix, then every miss with what was expected and what was coded.
//! Owns layout only; every number comes from `score` or `profile`.

use std::fmt::Write;

use dyad_model::EventType;

use crate::gold::{GoldActor, GoldEvent};
use crate::profile::ProfileReport;
use crate::score::{CodedSummary, Ratio, Report};

fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "-".to_string(), |r| format!("{:.1}", 100.0 * r))
}

fn ratio_row(out: &mut String, name: &str, r: Ratio) {
    if r.total > 0 {
        let _ = writeln!(
            out,
            "  {name:<34} {:>6} {:>6} {:>6}",
            r.hits,
            r.total,
            percent(r.rate())
        );
    }
}

fn actors(list: &[GoldActor]) -> String {
    if list.is_empty() {
        "-".into()
    } else {
        list.iter()
            .map(|a| a.code.as_str())
            .collect::<Vec<_>>()
            .join("+")
    }
}

fn expected(g: &GoldEvent) -> String {
    let mut s = String::new();
    match (g.event_type, &g.cameo) {
        (Some(t), Some(c)) => write!(s, "{} {c}", t.as_str()),
        (Some(t), None) => write!(s, "{}", t.as_str()),
        (None, Some(c)) => write!(s, "cameo {c}"),
        (None, None) => write!(s, "?"),
    }
    .ok();
    if let Some(m) = &g.mode {
        write!(s, " ({m})").ok();
    }
    if g.source.is_some() || g.target.is_some() {
        write!(
            s,
            " {} -> {}",
            g.source.as_deref().map_or("?".into(), actors),
            g.target.as_deref().map_or("?".into(), actors)
        )
        .ok();
    }
    if let Some(t) = &g.trigger {
        write!(s, " {t:?}").ok();
    }
    if let Some(d) = g.date {
        if d.start == d.end {
            write!(s, " date {}", d.start).ok();
        } else {
            write!(s, " date {}..{}", d.start, d.end).ok();
        }
    }
    match &g.place {
        Some(Some(p)) => {
            write!(s, " in {}", p.name).ok();
            if let Some(c) = &p.country {
                write!(s, " ({c})").ok();
            }
        }
        Some(None) => s.push_str(" no place"),
        None => {}
    }
    match &g.attribution {
        Some(Some(a)) => {
            write!(
                s,
                " per {}{}",
                a.speaker.as_deref().unwrap_or("?"),
                if a.anonymous { " (anonymous)" } else { "" }
            )
            .ok();
        }
        Some(None) => s.push_str(" unattributed"),
        None => {}
    }
    if let Some(m) = &g.modality {
        let m: Vec<&str> = m.iter().map(|m| m.as_str()).collect();
        write!(s, " [{}]", m.join(",")).ok();
    }
    s
}

fn coded(e: &CodedSummary) -> String {
    let list = |l: &[String]| {
        if l.is_empty() {
            "-".to_string()
        } else {
            l.join("+")
        }
    };
    let mut s = format!(
        "{} {} {} -> {} {:?}",
        e.event_type.as_str(),
        e.cameo,
        list(&e.actor),
        list(&e.recipient),
        e.trigger
    );
    if let Some(d) = &e.date {
        write!(s, " date {d}").ok();
    }
    if let Some(p) = &e.place {
        write!(s, " in {p}").ok();
    }
    if let Some(a) = &e.attribution {
        write!(s, " per {a}").ok();
    }
    if !e.modality.is_empty() {
        let m: Vec<&str> = e.modality.iter().map(|m| m.as_str()).collect();
        write!(s, " [{}]", m.join(",")).ok();
    }
    write!(s, " {:.2}\n              rule {}", e.confidence, e.rule).ok();
    s
}

/// Four letters of a type's name, for the confusion matrix's columns.
fn short(name: &str) -> &str {
    name.get(..4).unwrap_or(name)
}

/// The report as text: figures, per-type scores, confusion matrix, misses.
pub fn render_report(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "gold {} ({}): {} documents, {} sentences, {} gold events, {} events coded ({} per sentence)",
        r.gold,
        r.format.as_str(),
        r.documents,
        r.sentences,
        r.gold_events,
        r.coded_events,
        r.events_per_sentence
            .map_or("-".into(), |e| format!("{e:.2}"))
    );
    let _ = writeln!(out, "\n  {:<34} {:>6} {:>6} {:>6}", "", "hits", "of", "%");
    ratio_row(&mut out, "event type, top-1 by confidence", r.top1_type);
    ratio_row(&mut out, "event type, any event", r.any_type);
    ratio_row(&mut out, "mode", r.mode);
    ratio_row(&mut out, "CAMEO root", r.cameo_root);
    ratio_row(&mut out, "CAMEO code", r.cameo_code);
    for (name, levels) in [("source", &r.source), ("target", &r.target)] {
        ratio_row(
            &mut out,
            &format!("{name}: country or organisation"),
            levels.country,
        );
        ratio_row(&mut out, &format!("{name}: + sector"), levels.sector);
        ratio_row(&mut out, &format!("{name}: full code"), levels.code);
    }
    ratio_row(&mut out, "date: exact range", r.date_exact);
    ratio_row(&mut out, "date: overlapping range", r.date_overlap);
    ratio_row(&mut out, "place", r.place);
    ratio_row(&mut out, "place: country", r.place_country);
    ratio_row(&mut out, "attribution", r.attribution);
    ratio_row(&mut out, "modality", r.modality);
    if let Some(p) = &r.petrarch {
        ratio_row(&mut out, "PETRARCH records: full match", p.full_match);
        ratio_row(
            &mut out,
            "PETRARCH records: event codes",
            p.event_code_match,
        );
    }

    if !r.per_type.is_empty() {
        let _ = writeln!(
            out,
            "\n  {:<10} {:>5} {:>6} {:>5} {:>9} {:>7} {:>6}",
            "type", "gold", "coded", "hits", "precision", "recall", "F1"
        );
        for t in &r.per_type {
            let _ = writeln!(
                out,
                "  {:<10} {:>5} {:>6} {:>5} {:>9} {:>7} {:>6}",
                t.event_type.as_str(),
                t.gold,
                t.coded,
                t.hits,
                percent(t.precision),
                percent(t.recall),
                percent(t.f1)
            );
        }
    }

    if !r.confusion.is_empty() {
        let mut columns: Vec<&str> = EventType::ALL
            .iter()
            .map(|t| t.as_str())
            .filter(|t| r.confusion.values().any(|row| row.contains_key(*t)))
            .collect();
        if r.confusion.values().any(|row| row.contains_key("none")) {
            columns.push("none");
        }
        let _ = writeln!(
            out,
            "\n  confusion: rows gold type, columns type of the coded event judged"
        );
        let _ = write!(out, "  {:<10}", "");
        for c in &columns {
            let _ = write!(out, " {:>4}", short(c));
        }
        out.push('\n');
        for t in EventType::ALL {
            let Some(row) = r.confusion.get(t.as_str()) else {
                continue;
            };
            let _ = write!(out, "  {:<10}", t.as_str());
            for c in &columns {
                match row.get(*c) {
                    Some(n) => {
                        let _ = write!(out, " {n:>4}");
                    }
                    None => out.push_str("    ."),
                }
            }
            out.push('\n');
        }
    }

    if !r.misses.is_empty() {
        let _ = writeln!(out, "\nmisses ({})", r.misses.len());
        for m in &r.misses {
            let _ = writeln!(out, "\n{}  [{}]", m.label, m.failed.join(" "));
            let _ = writeln!(out, "  text      {}", m.sentence.trim());
            let _ = writeln!(out, "  expected  {}", expected(&m.expected));
            match (&m.top, &m.judged) {
                (None, _) => {
                    let _ = writeln!(out, "  coded     nothing");
                }
                (Some(top), Some(judged)) if top.id != judged.id => {
                    let _ = writeln!(out, "  top-1     {}", coded(top));
                    let _ = writeln!(out, "  judged    {}", coded(judged));
                }
                (Some(top), _) => {
                    let _ = writeln!(out, "  top-1     {}", coded(top));
                }
            }
        }
    }
    if !r.unexpected.is_empty() {
        let _ = writeln!(
            out,
            "\nevents no gold event accounts for ({})",
            r.unexpected.len()
        );
        for u in &r.unexpected {
            let _ = writeln!(out, "\n  text      {}", u.sentence.trim());
            let _ = writeln!(out, "  coded     {}", coded(&u.event));
        }
    }
    if !r.skipped.is_empty() {
        let _ = writeln!(out, "\nskipped gold records ({})", r.skipped.len());
        for s in &r.skipped {
            let _ = writeln!(out, "  line {}: {}", s.line, s.reason);
        }
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "\nwarnings ({})", r.warnings.len());
        for w in &r.warnings {
            let _ = writeln!(out, "  {w}");
        }
    }
    out
}

/// A corpus profile as text.
pub fn render_profile(p: &ProfileReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} documents ({} rejected), {} sentences, {} events: {:.1} per 1,000 sentences",
        p.documents, p.rejected, p.sentences, p.events, p.events_per_1000_sentences
    );
    let _ = writeln!(
        out,
        "events with no actor {:.1} %, with no recipient {:.1} %",
        100.0 * p.no_actor,
        100.0 * p.no_recipient
    );
    let _ = writeln!(
        out,
        "\n  {:<10} {:>7} {:>16} {:>7}",
        "type", "events", "per 1,000 sent.", "share %"
    );
    for t in &p.per_type {
        let _ = writeln!(
            out,
            "  {:<10} {:>7} {:>16.1} {:>7.1}",
            t.event_type.as_str(),
            t.events,
            t.per_1000_sentences,
            100.0 * t.share
        );
    }
    if !p.top_rules.is_empty() {
        let _ = writeln!(
            out,
            "\n  {:>7} {:>7}  most frequent rules",
            "events", "share %"
        );
        for r in &p.top_rules {
            let _ = writeln!(
                out,
                "  {:>7} {:>7.1}  {}",
                r.events,
                100.0 * r.share,
                r.rule
            );
        }
    }
    out
}
