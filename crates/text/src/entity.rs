//! HTML character references (`&amp;`, `&#39;`, `&#x2019;`, `&eacute;`)
//! left in text scraped from web pages. Owns only the decoding of one
//! reference; what the decoded character then becomes is `normalize`'s job.

use unicode_normalization::char::compose;

use crate::mojibake::cp1252_char;

/// Longest reference decoded, `&` and `;` included; anything longer is
/// ordinary text that happens to contain `&`.
const MAX_LEN: usize = 12;

/// Decodes the reference starting at `chars[0] == '&'`, returning the
/// character and how many chars it spans. References must end in `;`.
pub(crate) fn decode(chars: &[char]) -> Option<(char, usize)> {
    let semi = chars.iter().take(MAX_LEN).position(|&c| c == ';')?;
    let body: String = chars.get(1..semi)?.iter().collect();
    let decoded = match body.strip_prefix('#') {
        Some(number) => numeric(number)?,
        None => named(&body)?,
    };
    Some((decoded, semi + 1))
}

fn numeric(number: &str) -> Option<char> {
    let value = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse::<u32>().ok()?,
    };
    // Pages declared as Latin-1 but written in cp1252 encode curly quotes and
    // dashes as `&#146;` and friends; browsers read them as cp1252, so do we.
    if let Ok(byte @ 0x80..=0x9F) = u8::try_from(value) {
        return Some(cp1252_char(byte).unwrap_or('\u{FFFD}'));
    }
    Some(
        char::from_u32(value)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}'),
    )
}

fn named(name: &str) -> Option<char> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "shy" => '\u{AD}',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "minus" => '\u{2212}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "sbquo" => '\u{201A}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "bdquo" => '\u{201E}',
        "laquo" => '\u{AB}',
        "raquo" => '\u{BB}',
        "lsaquo" => '\u{2039}',
        "rsaquo" => '\u{203A}',
        "prime" => '\u{2032}',
        "Prime" => '\u{2033}',
        "hellip" => '\u{2026}',
        "bull" => '\u{2022}',
        "middot" => '\u{B7}',
        "dagger" => '\u{2020}',
        "Dagger" => '\u{2021}',
        "permil" => '\u{2030}',
        "euro" => '\u{20AC}',
        "pound" => '\u{A3}',
        "cent" => '\u{A2}',
        "yen" => '\u{A5}',
        "curren" => '\u{A4}',
        "copy" => '\u{A9}',
        "reg" => '\u{AE}',
        "trade" => '\u{2122}',
        "deg" => '\u{B0}',
        "plusmn" => '\u{B1}',
        "times" => '\u{D7}',
        "divide" => '\u{F7}',
        "sect" => '\u{A7}',
        "para" => '\u{B6}',
        "micro" => '\u{B5}',
        "frac12" => '\u{BD}',
        "frac14" => '\u{BC}',
        "frac34" => '\u{BE}',
        "sup1" => '\u{B9}',
        "sup2" => '\u{B2}',
        "sup3" => '\u{B3}',
        "ordf" => '\u{AA}',
        "ordm" => '\u{BA}',
        "iexcl" => '\u{A1}',
        "iquest" => '\u{BF}',
        "szlig" => '\u{DF}',
        "aelig" => '\u{E6}',
        "AElig" => '\u{C6}',
        "oelig" => '\u{153}',
        "OElig" => '\u{152}',
        "oslash" => '\u{F8}',
        "Oslash" => '\u{D8}',
        "eth" => '\u{F0}',
        "ETH" => '\u{D0}',
        "thorn" => '\u{FE}',
        "THORN" => '\u{DE}',
        "larr" => '\u{2190}',
        "rarr" => '\u{2192}',
        _ => return accented(name),
    };
    Some(c)
}

/// `&eacute;`, `&Ntilde;`, `&ccedil;`...: a base letter and the name of its
/// accent, composed rather than listed one by one.
fn accented(name: &str) -> Option<char> {
    let mut chars = name.chars();
    let base = chars.next().filter(char::is_ascii_alphabetic)?;
    let mark = match chars.as_str() {
        "grave" => '\u{300}',
        "acute" => '\u{301}',
        "circ" => '\u{302}',
        "tilde" => '\u{303}',
        "uml" => '\u{308}',
        "ring" => '\u{30A}',
        "cedil" => '\u{327}',
        "caron" => '\u{30C}',
        _ => return None,
    };
    compose(base, mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_references() {
        let table: &[(&str, Option<(char, usize)>)] = &[
            ("&amp; rest", Some(('&', 5))),
            ("&#39;", Some(('\'', 5))),
            ("&#x2019;", Some(('\u{2019}', 8))),
            ("&#146;", Some(('\u{2019}', 6))),
            ("&#129;", Some(('\u{fffd}', 6))),
            ("&#0;", Some(('\u{fffd}', 4))),
            ("&eacute;", Some(('é', 8))),
            ("&Ccedil;", Some(('Ç', 8))),
            ("&nbsp;", Some(('\u{a0}', 6))),
            ("&bogus;", None),
            ("&amp", None),
            ("& amp;", None),
            ("&averyveryverylongname;", None),
            ("&#;", None),
            ("&#x;", None),
            ("&#99999999999;", None),
        ];
        for (text, expected) in table {
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(decode(&chars), *expected, "text {text:?}");
        }
    }
}
