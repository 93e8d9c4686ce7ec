//! The CAMEO event code table (`cameo.tsv`): for each code its PLOVER type,
//! mode and context, quad class, Goldstein value and description.

use crate::source::SourceFile;
use crate::DictError;
use dyad_model::EventType;
use rustc_hash::FxHashMap;

/// What the table says about one CAMEO code.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CameoCode {
    /// The code, e.g. "112".
    pub code: String,
    /// PLOVER event type.
    pub plover: EventType,
    /// PLOVER mode, when the mapping gives one.
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// Quad class 1-4.
    pub quad: u8,
    /// Goldstein value.
    pub goldstein: f64,
    /// CAMEO's description.
    pub description: String,
    /// Not a CAMEO code: a code from an imported dictionary that CAMEO does
    /// not define. Its other fields come from the longest CAMEO prefix.
    pub foreign: bool,
}

/// The whole table.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct CameoTable {
    codes: FxHashMap<String, CameoCode>,
}

impl CameoTable {
    /// Parses `cameo.tsv`.
    pub fn parse(file: &SourceFile) -> Result<CameoTable, DictError> {
        let mut codes = FxHashMap::default();
        for (i, line) in file.text.lines().enumerate().skip(1) {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| DictError::Syntax {
                path: file.name.clone(),
                line: i + 1,
                message,
            };
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 7 {
                return Err(err(format!(
                    "expected 7 tab-separated fields, got {}",
                    f.len()
                )));
            }
            let plover = EventType::from_name(f[1])
                .ok_or_else(|| err(format!("unknown PLOVER type {:?}", f[1])))?;
            let quad: u8 = f[4]
                .trim()
                .parse()
                .map_err(|_| err(format!("bad quad class {:?}", f[4])))?;
            let goldstein: f64 = f[5]
                .trim()
                .parse()
                .map_err(|_| err(format!("bad Goldstein value {:?}", f[5])))?;
            let code = f[0].trim().to_string();
            codes.insert(
                code.clone(),
                CameoCode {
                    code,
                    plover,
                    mode: Some(f[2].trim())
                        .filter(|m| !m.is_empty())
                        .map(str::to_string),
                    context: f[3]
                        .split(',')
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .map(str::to_string)
                        .collect(),
                    quad,
                    goldstein,
                    description: f[6].trim().to_string(),
                    foreign: false,
                },
            );
        }
        Ok(CameoTable { codes })
    }

    /// Adds a code CAMEO does not define, taking its PLOVER type, quad class
    /// and Goldstein value from its longest CAMEO prefix (`174K` → `17`), or
    /// marking it as carrying none when no prefix is CAMEO.
    pub fn add_foreign(&mut self, code: &str) {
        if self.codes.contains_key(code) {
            return;
        }
        let base = (2..code.len())
            .rev()
            .find_map(|n| code.get(..n).and_then(|p| self.codes.get(p)))
            .cloned();
        let entry = CameoCode {
            code: code.to_string(),
            plover: base.as_ref().map_or(EventType::Consult, |b| b.plover),
            mode: None,
            context: Vec::new(),
            quad: base.as_ref().map_or(1, |b| b.quad),
            goldstein: base.as_ref().map_or(0.0, |b| b.goldstein),
            description: format!(
                "not a CAMEO code{}",
                base.map(|b| format!(" (near {})", b.code))
                    .unwrap_or_default()
            ),
            foreign: true,
        };
        self.codes.insert(code.to_string(), entry);
    }

    /// The entry for `code`.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}
