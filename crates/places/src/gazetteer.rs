//! The gazetteer: countries, first-level regions and populated places with
//! their names, from `data/places/gazetteer.tsv.gz` (built by
//! `scripts/build_gazetteer.py`). Owns the file format and name lookup; must
//! not decide whether a word in a sentence is a place.
//!
//! Loading decompresses the file once and indexes line offsets; the fields of
//! a place are parsed only when a caller asks for that place, so start-up
//! stays cheap although the file lists some 170,000 places.

use std::io::Read;

use rustc_hash::FxHashMap;

use crate::PlacesError;

/// What kind of place a gazetteer record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A country.
    Country,
    /// A first-level administrative region: province, department, state.
    Admin1,
    /// A populated place: city, town, village.
    City,
}

/// Index of a place in the gazetteer.
pub type PlaceId = u32;

/// One gazetteer record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GazetteerPlace<'g> {
    /// Its index.
    pub id: PlaceId,
    /// Country, region or populated place.
    pub kind: PlaceKind,
    /// GeoNames' name, e.g. "Aleppo".
    pub name: &'g str,
    /// ISO 3166-1 alpha-3 code of its country.
    pub country: &'g str,
    /// GeoNames admin1 code within the country (a US state's postal code).
    pub admin1_code: &'g str,
    /// Population, 0 when unknown.
    pub population: u64,
    // Read only when asked for: resolving a name compares many candidates
    // and needs none of them.
    lat: &'g str,
    lon: &'g str,
    geonames_id: &'g str,
}

impl GazetteerPlace<'_> {
    /// Latitude, when known (a region's is its main city's).
    pub fn lat(&self) -> Option<f64> {
        self.lat.parse().ok()
    }

    /// Longitude, when known.
    pub fn lon(&self) -> Option<f64> {
        self.lon.parse().ok()
    }

    /// GeoNames id, when the record has one.
    pub fn geonames_id(&self) -> Option<i64> {
        self.geonames_id.parse().ok()
    }
}

/// The places a name can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameEntry {
    /// Offset of the name's line in the decompressed text.
    line: u32,
    /// True when the name is also a common English word ("Nice", "Of").
    pub common: bool,
}

/// The embedded gazetteer, decompressed and indexed.
pub struct Gazetteer {
    /// The file: borrowed from the binary when embedded.
    text: std::borrow::Cow<'static, str>,
    /// Start of each place line.
    places: Vec<u32>,
    /// Start of each names line and the end of its key; the lines are
    /// sorted by key.
    names: Vec<(u32, u32)>,
    /// Bloom-style filters of the keys and of their first words: most words
    /// and word runs of a sentence are no name, and these say so without a
    /// search.
    first_words: FirstWords,
    /// Open-addressed table of names lines by key hash: (index + 1, 0 for
    /// empty; the hash's low bits, checked before the key is read). Cheaper
    /// to build than a general hash map.
    by_hash: Vec<(u32, u32)>,
    /// (country, admin1 code) -> the region's place.
    admin1: FxHashMap<([u8; 3], String), PlaceId>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.places.len())
            .field("names", &self.names.len())
            .finish()
    }
}

/// The shipped gazetteer, decompressed at build time by build.rs.
const EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.tsv"));

impl Gazetteer {
    /// The gazetteer shipped inside the binary.
    pub fn builtin() -> Result<Gazetteer, PlacesError> {
        Gazetteer::from_text(EMBEDDED.into())
    }

    /// Reads a gazetteer in the format `scripts/build_gazetteer.py` writes.
    pub fn from_gzip(bytes: &[u8]) -> Result<Gazetteer, PlacesError> {
        let mut text = String::with_capacity(bytes.len() * 3);
        flate2::read::GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(|e| PlacesError::Gazetteer {
                line: 0,
                reason: format!("cannot decompress: {e}"),
            })?;
        Gazetteer::from_text(text.into())
    }

    /// Indexes line starts only: no field is parsed and nothing is hashed
    /// here, which keeps loading to the cost of decompression.
    fn from_text(text: std::borrow::Cow<'static, str>) -> Result<Gazetteer, PlacesError> {
        let bad = |line: usize, reason: &str| PlacesError::Gazetteer {
            line,
            reason: reason.to_string(),
        };
        if u32::try_from(text.len()).is_err() {
            return Err(bad(0, "file too large"));
        }
        if !text.starts_with("#places\n") {
            return Err(bad(1, "expected #places"));
        }
        let split = text
            .find("\n#names\n")
            .ok_or_else(|| bad(0, "no #names section"))?;
        // (start, end) of the non-empty lines in text[from..to].
        let lines = |from: usize, to: usize| {
            let ends = memchr::memchr_iter(b'\n', &text.as_bytes()[from..to])
                .map(move |i| from + i)
                .chain(std::iter::once(to));
            let mut start = from;
            ends.filter_map(move |end| {
                let line = (start, end);
                start = end + 1;
                (end > line.0).then_some(line)
            })
        };
        let places = lines("#places\n".len(), split + 1)
            .map(|(start, _)| start as u32)
            .collect();
        let mut names = Vec::new();
        let mut first_words = FirstWords::default();
        let mut by_hash = vec![(0u32, 0u32); KEY_SLOTS];
        let bytes = text.as_bytes();
        for (at, line_end) in lines(split + "\n#names\n".len(), text.len()) {
            // One pass over the key: where it ends, its first word, its words.
            let (mut key_end, mut first_end, mut words) = (at, None, 1);
            while key_end < line_end && bytes[key_end] != b'\t' {
                if bytes[key_end] == b' ' {
                    first_end.get_or_insert(key_end);
                    words += 1;
                }
                key_end += 1;
            }
            if key_end > at {
                names.push((at as u32, key_end as u32));
                let key = &text[at..key_end];
                let first = &text[at..first_end.unwrap_or(key_end)];
                let common = bytes[key_end..line_end].starts_with(b"\tc");
                first_words.insert(first, words, common);
                if names.len() > KEY_SLOTS / 2 {
                    return Err(bad(0, "more names than the key table holds"));
                }
                let h = key_hash(key);
                let mut slot = key_slot(h);
                while by_hash[slot].0 != 0 {
                    slot = (slot + 1) % KEY_SLOTS;
                }
                by_hash[slot] = (names.len() as u32, h as u32);
            }
        }
        let mut gazetteer = Gazetteer {
            text,
            places,
            names,
            first_words,
            by_hash,
            admin1: FxHashMap::default(),
        };
        let regions: Vec<PlaceId> = (0..gazetteer.places.len() as PlaceId)
            .filter(|&id| gazetteer.kind(id) == PlaceKind::Admin1)
            .collect();
        for id in regions {
            let p = gazetteer.place(id);
            let key = (country_key(p.country), p.admin1_code.to_string());
            // The first region listed for a code wins (US states, then curated).
            gazetteer.admin1.entry(key).or_insert(id);
        }
        Ok(gazetteer)
    }

    fn line(&self, start: u32) -> &str {
        let rest = &self.text[start as usize..];
        // Lines are short: a plain scan beats a searcher's set-up.
        let len = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
        &rest[..len]
    }

    fn key_at(&self, name_line: usize) -> &str {
        let (start, end) = self.names[name_line];
        &self.text[start as usize..end as usize]
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when the gazetteer has no places.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Only the kind of the place with index `id`: its record's first field.
    pub fn kind(&self, id: PlaceId) -> PlaceKind {
        match self.text.as_bytes().get(self.places[id as usize] as usize) {
            Some(b'C') => PlaceKind::Country,
            Some(b'A') => PlaceKind::Admin1,
            _ => PlaceKind::City,
        }
    }

    /// The place with index `id`. Panics when `id` is not an index of this
    /// gazetteer: ids only come from its own lookups.
    pub fn place(&self, id: PlaceId) -> GazetteerPlace<'_> {
        let line = self.line(self.places[id as usize]);
        let mut f = line.split('\t');
        let mut next = || f.next().unwrap_or("");
        let kind = match next() {
            "C" => PlaceKind::Country,
            "A" => PlaceKind::Admin1,
            _ => PlaceKind::City,
        };
        let name = next();
        let country = next();
        let admin1_code = next();
        let lat = next();
        let lon = next();
        let population = next().parse().unwrap_or(0);
        let geonames_id = next();
        GazetteerPlace {
            id,
            kind,
            name,
            country,
            admin1_code,
            lat,
            lon,
            population,
            geonames_id,
        }
    }

    /// The name of the first-level region a place lies in, when known.
    pub fn admin1_name(&self, place: &GazetteerPlace<'_>) -> Option<&str> {
        if place.kind != PlaceKind::City || place.admin1_code.is_empty() {
            return None;
        }
        let country = country_key(place.country);
        let id = *self.admin1.get(&(country, place.admin1_code.to_string()))?;
        Some(self.place(id).name)
    }

    /// The places a lookup key (lower case, accents removed, words joined by
    /// one space) names.
    pub fn lookup(&self, key: &str) -> Option<NameEntry> {
        let h = key_hash(key);
        let mut slot = key_slot(h);
        let at = loop {
            match self.by_hash[slot] {
                (0, _) => return None,
                (i, tag) if tag == h as u32 && self.key_at(i as usize - 1) == key => {
                    break i as usize - 1
                }
                _ => slot = (slot + 1) % KEY_SLOTS,
            }
        };
        let line = self.names[at].0;
        let flags = self.line(line).split('\t').nth(1);
        Some(NameEntry {
            line,
            common: flags == Some("c"),
        })
    }

    /// At most how many words a name starting with `word` has; 0 when no
    /// name starts with it. With `common_words` false, names that are common
    /// words ("of", "police") do not count. A hashed table answers, so the
    /// number can be too high (another first word shares the slot) but never
    /// too low.
    pub fn max_words_after(&self, word: &str, common_words: bool) -> usize {
        self.first_words.max_words(word, common_words)
    }

    /// The places a name entry stands for.
    pub fn candidates(&self, entry: NameEntry) -> impl Iterator<Item = PlaceId> + '_ {
        self.line(entry.line)
            .rsplit('\t')
            .next()
            .unwrap_or("")
            .split(',')
            .filter_map(|id| id.parse().ok())
    }
}

/// For each slot of a hash table of first words, the most words a key
/// starting with one of them has: one memory access tells that a word starts
/// no name, or how long a name starting with it can be.
struct FirstWords {
    slots: Vec<u8>,
}

const COMMON_BIT: u8 = 0x80;
const MAX_WORDS: u8 = 0x7f;

/// Slots in the first-word table: about ten per distinct first word.
const FIRST_WORD_SLOTS: usize = 1 << 20;

impl Default for FirstWords {
    fn default() -> FirstWords {
        FirstWords {
            slots: vec![0; FIRST_WORD_SLOTS],
        }
    }
}

impl FirstWords {
    fn slot(word: &str) -> usize {
        // The high bits of an Fx hash are the well-mixed ones.
        (key_hash(word) >> (64 - FIRST_WORD_SLOTS.trailing_zeros())) as usize
    }

    /// The low seven bits hold the longest name that is not a common word;
    /// the high bit says a one-word common name hashes here.
    fn insert(&mut self, word: &str, words: usize, common: bool) {
        let slot = &mut self.slots[FirstWords::slot(word)];
        if common && words == 1 {
            *slot |= COMMON_BIT;
        } else {
            let n = words.min(MAX_WORDS as usize) as u8;
            *slot = (*slot & COMMON_BIT) | (*slot & MAX_WORDS).max(n);
        }
    }

    fn max_words(&self, word: &str, common_words: bool) -> usize {
        let slot = self.slots[FirstWords::slot(word)];
        let n = (slot & MAX_WORDS) as usize;
        if common_words && slot & COMMON_BIT != 0 {
            n.max(1)
        } else {
            n
        }
    }
}

/// Slots of the key table: at least twice the number of keys, so probes
/// stay short.
const KEY_SLOTS: usize = 1 << 18;

fn key_slot(hash: u64) -> usize {
    (hash >> (64 - KEY_SLOTS.trailing_zeros())) as usize
}

fn key_hash(key: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(key)
}

/// A country code as a fixed-size key.
fn country_key(code: &str) -> [u8; 3] {
    let mut k = [0u8; 3];
    for (slot, b) in k.iter_mut().zip(code.bytes()) {
        *slot = b;
    }
    k
}
