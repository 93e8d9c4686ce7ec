//! dyad's dictionaries: actors, agents, verb patterns, cue words and the
//! CAMEO table, read from human-readable files and compiled into fast
//! lookup structures. Owns the file formats (documented in data/README.md);
//! knows nothing of how a sentence is parsed.

pub mod actors;
pub mod cameo;
pub mod cues;
pub mod discards;
pub mod lint;
pub mod lookup;
pub mod petrarch;
pub mod phrase;
pub mod source;
pub mod user;
pub mod verbs;

pub use actors::{ActorDict, ActorEntry, ActorKind};
pub use cameo::{CameoCode, CameoTable};
pub use cues::Cues;
pub use discards::{Discards, Issues, ListPhrase};
pub use source::{SourceFile, Sources};
pub use verbs::{Element, Inflector, Need, VerbForms, VerbLexicon, VerbPattern, WordSet, NO_WORD};

use thiserror::Error;

/// Why a dictionary could not be loaded.
#[derive(Debug, Error)]
pub enum DictError {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A line does not follow the format.
    #[error("{path}:{line}: {message}")]
    Syntax {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What was expected.
        message: String,
    },
    /// Compiled dictionaries could not be read back.
    #[error("compiled dictionaries are unreadable: {0}")]
    Compiled(String),
    /// A needed file is missing.
    #[error("dictionary file {0} is missing")]
    Missing(String),
}

/// Where a dictionary entry was written, for `rule` and `explain`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    /// File, relative to the data folder (shared by every entry of the file).
    pub file: std::sync::Arc<str>,
    /// 1-based line.
    pub line: usize,
}

// An origin is written as its file name and line. Entries come file by
// file, so reading keeps the last file's name and shares it with the next
// entry instead of allocating one copy per entry.
impl serde::Serialize for Origin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&*self.file, self.line).serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Origin {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Origin, D::Error> {
        thread_local! {
            static LAST_FILE: std::cell::RefCell<Option<std::sync::Arc<str>>> =
                const { std::cell::RefCell::new(None) };
        }
        // Borrowed from the input: no allocation unless the file changes.
        let (file, line) = <(&'de str, usize)>::deserialize(d)?;
        let file = LAST_FILE.with_borrow_mut(|last| match last {
            Some(f) if **f == *file => f.clone(),
            _ => last.insert(std::sync::Arc::from(file)).clone(),
        });
        Ok(Origin { file, line })
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// Every dictionary, compiled and ready for the coder. Immutable.
#[derive(Debug, Clone)]
pub struct Dictionaries {
    /// Actors and agents.
    pub actors: ActorDict,
    /// Verb patterns, and the forms of every verb the lexicon and the cues name.
    pub verbs: VerbLexicon,
    /// Verb inflection.
    pub inflector: Inflector,
    /// Cue words.
    pub cues: Cues,
    /// CAMEO code table.
    pub cameo: CameoTable,
    /// Phrases that stop coding.
    pub discards: Discards,
    /// Phrases that mark issues (PLOVER contexts).
    pub issues: Issues,
}

impl Dictionaries {
    /// Compiles a set of dictionary files.
    pub fn compile(sources: &Sources) -> Result<Dictionaries, DictError> {
        // Actors are most of the work and need nothing else compiled first:
        // they compile on a second thread while the rest compiles here.
        std::thread::scope(|scope| {
            let actors =
                scope.spawn(|| ActorDict::compile(&sources.actors, sources.agents.as_ref()));
            Dictionaries::compile_with(sources, actors)
        })
    }

    fn compile_with(
        sources: &Sources,
        actors: std::thread::ScopedJoinHandle<'_, Result<ActorDict, DictError>>,
    ) -> Result<Dictionaries, DictError> {
        let need = |f: &Option<SourceFile>, name: &str| {
            f.clone()
                .ok_or_else(|| DictError::Missing(name.to_string()))
        };
        let inflector = Inflector::parse(sources.verb_forms.as_ref())?;
        let verbs_file = need(&sources.verbs, "verbs.txt")?;
        let mut verbs = VerbLexicon::parse(&verbs_file, &inflector)?;
        for f in &sources.extra_verbs {
            verbs.extend(VerbLexicon::parse(f, &inflector)?);
        }
        verbs.index();
        let cues = Cues::compile(
            &need(&sources.cues, "cues.txt")?,
            &inflector,
            &mut verbs.verb_forms,
        )?;
        let mut cameo = CameoTable::parse(&need(&sources.cameo, "cameo.tsv")?)?;
        for p in &verbs.patterns {
            for code in std::iter::once(&p.code).chain(p.reverse.as_ref()) {
                if sources.foreign_codes {
                    cameo.add_foreign(code);
                }
            }
            let missing = std::iter::once(&p.code)
                .chain(p.reverse.as_ref())
                .find(|c| cameo.get(c).is_none());
            if let Some(code) = missing {
                return Err(DictError::Syntax {
                    path: p.origin.file.to_string(),
                    line: p.origin.line,
                    message: format!("CAMEO code {code} is not in cameo.tsv"),
                });
            }
        }
        for r in &cues.compose {
            if cameo.get(&r.result).is_none() {
                return Err(DictError::Syntax {
                    path: r.origin.file.to_string(),
                    line: r.origin.line,
                    message: format!("CAMEO code {} is not in cameo.tsv", r.result),
                });
            }
        }
        let actors = actors.join().expect("actor compilation panicked")?;
        Ok(Dictionaries {
            actors,
            verbs,
            inflector,
            cues,
            cameo,
            discards: Discards::compile(sources.discards.as_ref())?,
            issues: Issues::compile(sources.issues.as_ref())?,
        })
    }

    /// The dictionaries shipped inside the binary, compiled from their text.
    pub fn builtin() -> Result<Dictionaries, DictError> {
        Dictionaries::compile(&Sources::builtin())
    }

    /// The compiled form, for [`Dictionaries::from_bytes`]: a build step
    /// compiles the shipped files once, so that start-up only reads it.
    ///
    /// Two parts of about equal cost to read, so that two threads can read
    /// them: the actors, then everything else. Each is prefixed by its length.
    pub fn to_bytes(&self) -> Vec<u8> {
        let rest = RestRef {
            verbs: &self.verbs,
            inflector: &self.inflector,
            cues: &self.cues,
            cameo: &self.cameo,
            discards: &self.discards,
            issues: &self.issues,
        };
        // Every field is plain data: serialising it cannot fail.
        let actors = postcard::to_stdvec(&self.actors).expect("actors serialise");
        let rest = postcard::to_stdvec(&rest).expect("dictionaries serialise");
        let mut out = Vec::with_capacity(16 + actors.len() + rest.len());
        for part in [actors, rest] {
            out.extend_from_slice(&(part.len() as u64).to_le_bytes());
            out.extend_from_slice(&part);
        }
        out
    }

    /// Reads the form [`Dictionaries::to_bytes`] writes; the actors on a
    /// second thread.
    pub fn from_bytes(bytes: &[u8]) -> Result<Dictionaries, DictError> {
        let bad = |e: String| DictError::Compiled(e);
        let (actors, rest) = split_part(bytes).ok_or_else(|| bad("truncated".into()))?;
        let (rest, _) = split_part(rest).ok_or_else(|| bad("truncated".into()))?;
        std::thread::scope(|scope| {
            let actors = scope.spawn(|| postcard::from_bytes::<ActorDict>(actors));
            let rest: Rest = postcard::from_bytes(rest).map_err(|e| bad(e.to_string()))?;
            let actors = actors
                .join()
                .expect("reading actors panicked")
                .map_err(|e| bad(e.to_string()))?;
            Ok(Dictionaries {
                actors,
                verbs: rest.verbs,
                inflector: rest.inflector,
                cues: rest.cues,
                cameo: rest.cameo,
                discards: rest.discards,
                issues: rest.issues,
            })
        })
    }
}

/// Reads a long list into a vector of exactly its length. serde's own
/// reading reserves at most a megabyte ahead and then doubles, which for the
/// actor entries leaves tens of thousands of unused slots and copies the
/// rest several times; the compiled form always states the length.
pub(crate) fn exact_vec<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    struct Exact<T>(std::marker::PhantomData<T>);
    impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Exact<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut v = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(x) = seq.next_element()? {
                v.push(x);
            }
            Ok(v)
        }
    }
    d.deserialize_seq(Exact(std::marker::PhantomData))
}

/// A length-prefixed part of the compiled form, and what follows it.
fn split_part(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (len, rest) = bytes.split_first_chunk::<8>()?;
    let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
    (len <= rest.len()).then(|| rest.split_at(len))
}

/// Everything but the actors, borrowed for writing.
#[derive(serde::Serialize)]
struct RestRef<'a> {
    verbs: &'a VerbLexicon,
    inflector: &'a Inflector,
    cues: &'a Cues,
    cameo: &'a CameoTable,
    discards: &'a Discards,
    issues: &'a Issues,
}

/// Everything but the actors, read back.
#[derive(serde::Deserialize)]
struct Rest {
    verbs: VerbLexicon,
    inflector: Inflector,
    cues: Cues,
    cameo: CameoTable,
    discards: Discards,
    issues: Issues,
}
