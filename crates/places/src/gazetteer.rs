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
    /// Latitude, when known (a region's is its main city's).
    pub lat: Option<f64>,
    /// Longitude, when known.
    pub lon: Option<f64>,
    /// Population, 0 when unknown.
    pub population: u64,
    /// GeoNames id, when the record has one.
    pub geonames_id: Option<i64>,
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
    text: String,
    /// Start of each place line.
    places: Vec<u32>,
    /// Start of each names line; the lines are sorted by key.
    names: Vec<u32>,
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

const EMBEDDED: &[u8] = include_bytes!("../../../data/places/gazetteer.tsv.gz");

impl Gazetteer {
    /// The gazetteer shipped inside the binary.
    pub fn builtin() -> Result<Gazetteer, PlacesError> {
        Gazetteer::from_gzip(EMBEDDED)
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
        Gazetteer::from_text(text)
    }

    /// Indexes line starts only: no field is parsed and nothing is hashed
    /// here, which keeps loading to the cost of decompression.
    fn from_text(text: String) -> Result<Gazetteer, PlacesError> {
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
        let line_starts = |from: usize, to: usize| -> Vec<u32> {
            let mut v = Vec::new();
            let mut at = from;
            for (i, &b) in text.as_bytes()[from..to].iter().enumerate() {
                if b == b'\n' {
                    if from + i > at {
                        v.push(at as u32);
                    }
                    at = from + i + 1;
                }
            }
            if at < to {
                v.push(at as u32);
            }
            v
        };
        let places = line_starts("#places\n".len(), split + 1);
        let names = line_starts(split + "\n#names\n".len(), text.len());
        let mut gazetteer = Gazetteer {
            text,
            places,
            names,
            admin1: FxHashMap::default(),
        };
        let regions: Vec<PlaceId> = (0..gazetteer.places.len() as PlaceId)
            .filter(|&id| {
                gazetteer
                    .line(gazetteer.places[id as usize])
                    .starts_with('A')
            })
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
        rest.split('\n').next().unwrap_or("")
    }

    fn key_at(&self, name_line: usize) -> &str {
        let line = self.line(self.names[name_line]);
        line.split('\t').next().unwrap_or("")
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when the gazetteer has no places.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
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
        let lat = next().parse().ok();
        let lon = next().parse().ok();
        let population = next().parse().unwrap_or(0);
        let geonames_id = next().parse().ok();
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
        let at = self.first_key_at_or_after(key);
        if at >= self.names.len() || self.key_at(at) != key {
            return None;
        }
        let line = self.names[at];
        let flags = self.line(line).split('\t').nth(1);
        Some(NameEntry {
            line,
            common: flags == Some("c"),
        })
    }

    /// True when some name is `word` or starts with `word` and a space.
    /// Keys sort bytewise and a space sorts before letters and hyphens, so
    /// such a name is the first key not below `word`, or the one after it.
    pub fn starts_a_name(&self, word: &str) -> bool {
        let at = self.first_key_at_or_after(word);
        (at..self.names.len().min(at + 2)).any(|i| {
            let k = self.key_at(i);
            k == word || k.strip_prefix(word).is_some_and(|r| r.starts_with(' '))
        })
    }

    fn first_key_at_or_after(&self, key: &str) -> usize {
        let (mut lo, mut hi) = (0, self.names.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.key_at(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
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

/// A country code as a fixed-size key.
fn country_key(code: &str) -> [u8; 3] {
    let mut k = [0u8; 3];
    for (slot, b) in k.iter_mut().zip(code.bytes()) {
        *slot = b;
    }
    k
}
