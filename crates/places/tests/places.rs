//! Place mentions and their resolution, on sentences written for these
//! tests in the style of wire reports.

use dyad_model::PlaceFeature;
use dyad_places::{CountryContext, Places};
use dyad_text::{split_sentences, tokenize, NormText};
use std::sync::OnceLock;

fn places() -> &'static Places {
    static P: OnceLock<Places> = OnceLock::new();
    P.get_or_init(|| Places::builtin().expect("embedded gazetteer loads"))
}

/// The places accepted in `text` with `countries` as the document's:
/// (words, gazetteer name, country, feature).
fn resolved(text: &str, countries: &[&str]) -> Vec<(String, String, String, PlaceFeature)> {
    let p = places();
    let norm = NormText::new(text);
    let mut context = CountryContext::default();
    for c in countries {
        context.add(c, 1.0);
    }
    let mut out = Vec::new();
    for span in split_sentences(&norm) {
        let tokens = tokenize(&norm, span);
        for m in p.find(&tokens, norm.letter_case()) {
            if let Some(r) = p.resolve(&m, &context) {
                let g = p.gazetteer().place(r.place);
                out.push((
                    norm.text[m.bytes.0..m.bytes.1].to_string(),
                    g.name.to_string(),
                    g.country.to_string(),
                    r.feature,
                ));
            }
        }
    }
    out
}

/// (sentence, the document's countries, expected places: words, country,
/// feature when it matters)
type Row<'a> = (
    &'a str,
    &'a [&'a str],
    &'a [(&'a str, &'a str, Option<PlaceFeature>)],
);

#[test]
fn names_resolve_with_the_documents_countries() {
    use PlaceFeature::*;
    let rows: &[Row] = &[
        (
            "Troops shelled villages in Hama province overnight.",
            &["SYR"],
            &[("Hama", "SYR", Some(Admin1))],
        ),
        (
            "Artillery fire hit Hama on Tuesday.",
            &["SYR"],
            &[("Hama", "SYR", Some(City))],
        ),
        ("Talks opened in Kiev.", &[], &[("Kiev", "UKR", Some(City))]),
        ("Talks opened in Kyiv.", &[], &[("Kyiv", "UKR", Some(City))]),
        (
            "Delegates gathered in Nur-Sultan.",
            &[],
            &[("Nur-Sultan", "KAZ", Some(City))],
        ),
        (
            "Delegates gathered in Astana.",
            &[],
            &[("Astana", "KAZ", Some(City))],
        ),
        (
            "The governor of Georgia signed the bill in Atlanta.",
            &["USA"],
            &[("Georgia", "USA", Some(Admin1)), ("Atlanta", "USA", None)],
        ),
        (
            "Russian troops crossed into Georgia.",
            &["RUS", "GEO"],
            &[("Georgia", "GEO", Some(Country))],
        ),
        (
            "Soldiers clashed with rebels near San Miguel.",
            &["SLV"],
            &[("San Miguel", "SLV", Some(City))],
        ),
        (
            "A bomb exploded at a base near Kandahar.",
            &["AFG"],
            &[("Kandahar", "AFG", Some(Facility))],
        ),
        (
            "A Paris-based group said the vote was flawed.",
            &[],
            &[("Paris", "FRA", None)],
        ),
    ];
    for (text, countries, expected) in rows {
        let got = resolved(text, countries);
        for &(words, country, feature) in *expected {
            let hit = got.iter().find(|g| g.0.starts_with(words));
            let Some((_, _, c, f)) = hit else {
                panic!("{text}: {words} not resolved; got {got:?}")
            };
            assert_eq!(c, country, "{text}: {words}");
            if let Some(feature) = feature {
                assert_eq!(*f, feature, "{text}: {words}");
            }
        }
    }
}

#[test]
fn upper_case_wire_text() {
    let got = resolved(
        "FIVE SOLDIERS WERE WOUNDED IN SAN MIGUEL DEPARTMENT. THREE REBELS DIED DURING CLASHES IN USULUTAN AND MORAZAN DEPARTMENTS.",
        &["SLV"],
    );
    let names: Vec<(&str, &str, PlaceFeature)> = got
        .iter()
        .map(|g| (g.1.as_str(), g.2.as_str(), g.3))
        .collect();
    assert_eq!(
        names,
        [
            ("San Miguel", "SLV", PlaceFeature::Admin1),
            ("Usulután", "SLV", PlaceFeature::Admin1),
            ("Morazán", "SLV", PlaceFeature::Admin1),
        ]
    );
}

#[test]
fn common_words_are_not_places() {
    for (text, countries) in [
        (
            "The police said the weather was nice and the mobile network was down.",
            &["USA"][..],
        ),
        ("Most of the victims were police officers.", &[][..]),
        (
            "THE POLICE SAID ONE OF THE VICTIMS WAS IN A MOBILE UNIT AT THE TIME.",
            &["SLV"][..],
        ),
        ("IN THE SAME TOWN, TROOPS PATROLLED DOWNTOWN.", &["SLV"][..]),
        (
            "a mob attacked shops in the old city and police fired tear gas.",
            &["IND"][..],
        ),
    ] {
        let got = resolved(text, countries);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn datelines() {
    let p = places();
    let d = p
        .dateline("SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- [TEXT] REBELS ATTACKED A POST.")
        .expect("a dateline");
    assert_eq!(d.key, "san salvador");
    assert_eq!(d.bytes, (0, 12));
    assert!(p
        .dateline("REBELS ATTACKED A POST, 12 SOLDIERS DIED.")
        .is_none());
    let r = p
        .resolve_name(&d.key, &CountryContext::default())
        .expect("resolves");
    assert_eq!(p.gazetteer().place(r.place).country, "SLV");
}

#[test]
fn gazetteer_has_countries_regions_and_towns() {
    let g = places().gazetteer();
    for (key, country) in [
        ("syria", "SYR"),
        ("aleppo", "SYR"),
        ("usulutan", "SLV"),
        ("morazan", "SLV"),
        ("chalatenango", "SLV"),
        ("kyiv", "UKR"),
        ("nur-sultan", "KAZ"),
    ] {
        let e = g.lookup(key).unwrap_or_else(|| panic!("{key} missing"));
        assert!(
            g.candidates(e).any(|id| g.place(id).country == country),
            "{key}: no place in {country}"
        );
    }
    let e = g.lookup("nice").expect("Nice is in the gazetteer");
    assert!(e.common, "nice is flagged as a common word");
}
