//! Repair of UTF-8 text that was once decoded as Windows-1252 (or Latin-1)
//! and re-encoded: `â€™` for `’`, `Ã©` for `é`, `Â` before a lost
//! non-breaking space. Owns recognising such runs; must not touch text that
//! could be meant as written.

/// The Windows-1252 character for a byte in `0x80..=0x9F`; the five bytes
/// cp1252 leaves undefined have none.
pub(crate) fn cp1252_char(byte: u8) -> Option<char> {
    let c = match byte {
        0x80 => '€',
        0x82 => '‚',
        0x83 => 'ƒ',
        0x84 => '„',
        0x85 => '…',
        0x86 => '†',
        0x87 => '‡',
        0x88 => 'ˆ',
        0x89 => '‰',
        0x8A => 'Š',
        0x8B => '‹',
        0x8C => 'Œ',
        0x8E => 'Ž',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x95 => '•',
        0x96 => '–',
        0x97 => '—',
        0x98 => '˜',
        0x99 => '™',
        0x9A => 'š',
        0x9B => '›',
        0x9C => 'œ',
        0x9E => 'ž',
        0x9F => 'Ÿ',
        _ => return None,
    };
    Some(c)
}

/// The byte a cp1252 or Latin-1 decoder turned into `c`, when that byte
/// could be a UTF-8 continuation byte (`0x80..=0xBF`).
fn continuation_byte(c: char) -> Option<u8> {
    match c {
        // Latin-1 decoders map 0x80..=0x9F to the C1 controls, and cp1252
        // decoders do so for its five undefined bytes.
        '\u{80}'..='\u{BF}' => u8::try_from(u32::from(c)).ok(),
        _ => (0x80..=0x9F).find(|&b| cp1252_char(b) == Some(c)),
    }
}

/// Decodes the mis-decoded UTF-8 sequence starting at `chars[i]`, if there
/// is one, returning the intended character and the run's length in chars.
pub(crate) fn repair(chars: &[char], i: usize) -> Option<(char, usize)> {
    let lead = u32::from(chars[i]);
    let needed = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = [0u8; 4];
    bytes[0] = u8::try_from(lead).ok()?;
    for k in 1..=needed {
        let c = *chars.get(i + k)?;
        bytes[k] = match c {
            // A decoder that met cp1252's undefined 0x9D wrote U+FFFD; after
            // `â€` that byte can only have been the closing double quote.
            '\u{FFFD}' if lead == 0xE2 && k == needed && bytes[1] == 0x80 => 0x9D,
            _ => continuation_byte(c)?,
        };
    }
    let decoded = std::str::from_utf8(&bytes[..=needed]).ok()?;
    decoded.chars().next().map(|c| (c, needed + 1))
}

/// True when `chars[i]` is an `Â` left over from a non-breaking space
/// (`C2 A0`) whose second byte was later turned into a plain space or lost:
/// followed by a space or a replacement character, or glued to the end of a
/// lower-case word. An `Â` inside an upper-case word is left alone.
pub(crate) fn is_stray_nbsp_lead(chars: &[char], i: usize) -> bool {
    if chars[i] != 'Â' {
        return false;
    }
    let next_is_gap = match chars.get(i + 1) {
        None => false,
        Some(&c) => c.is_whitespace() || c == '\u{FFFD}' || c == 'Â',
    };
    let after_lower = i > 0 && chars[i - 1].is_lowercase();
    next_is_gap || after_lower
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_mis_decoded_sequences() {
        let table: &[(&str, Option<(char, usize)>)] = &[
            ("â€™s", Some(('\u{2019}', 3))),
            ("â€˜", Some(('\u{2018}', 3))),
            ("â€œ", Some(('\u{201c}', 3))),
            ("â€\u{fffd}", Some(('\u{201d}', 3))),
            ("â€”", Some(('\u{2014}', 3))),
            ("â€“", Some(('\u{2013}', 3))),
            ("Ã©", Some(('é', 2))),
            ("Â\u{a0}", Some(('\u{a0}', 2))),
            ("ðŸ˜€", Some(('\u{1f600}', 4))),
            ("Â ", None),
            ("Ã\u{fffd}", None),
            ("âb", None),
            ("â€", None),
            ("SÃO", None),
            ("a", None),
        ];
        for (text, expected) in table {
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(repair(&chars, 0), *expected, "text {text:?}");
        }
    }

    #[test]
    fn finds_stray_nbsp_leads() {
        let table: &[(&str, usize, bool)] = &[
            ("Â hindi", 0, true),
            ("talksÂgovt", 5, true),
            ("ÂÂ", 0, true),
            ("xÂ\u{fffd}", 1, true),
            ("PÂTE", 1, false),
            ("Â", 0, false),
            ("a", 0, false),
        ];
        for (text, at, expected) in table {
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(
                is_stray_nbsp_lead(&chars, *at),
                *expected,
                "text {text:?} at {at}"
            );
        }
    }
}
