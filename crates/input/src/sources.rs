//! The input stream: command-line paths (files, directories, `-`) opened one
//! at a time, in order, each read lazily. Owns file kinds, decompression and
//! the whole-file checks (empty, binary); line checks live in `record`.

use std::collections::VecDeque;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use dyad_model::Document;
use flate2::read::MultiGzDecoder;
use walkdir::WalkDir;

use crate::lines::{read_line, Line};
use crate::record::{parse_record, RecordContext};
use crate::{thousands, Input, InputOptions, Located, Reject, RejectReason, StdinFormat};

/// How much of a file is looked at to decide whether it is text.
const SNIFF_BYTES: u64 = 1024;
const READ_BUFFER: usize = 64 * 1024;
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
const UTF8_BOM: [u8; 3] = [0xef, 0xbb, 0xbf];
const STDIN_NAME: &str = "<stdin>";

/// Reads `paths` in order: `.jsonl`/`.json`/`.ndjson` (JSON Lines), `.txt`
/// (one document), either with a `.gz` suffix (gzip), `-` (stdin, JSON
/// Lines or text as `options.stdin_format` says, gzip recognised by its
/// magic bytes), and directories, walked recursively in path order for
/// files of those kinds (others skipped silently).
///
/// Nothing is opened until the iterator is advanced.
pub fn read_inputs<I, P>(paths: I, options: InputOptions) -> Inputs
where
    I: IntoIterator<Item = P>,
    P: Into<PathBuf>,
{
    Inputs {
        options,
        pending: paths
            .into_iter()
            .map(|path| Pending::Named(path.into()))
            .collect(),
        current: None,
        line_buf: Vec::new(),
    }
}

/// The stream of documents and rejects, in input order; see [`read_inputs`].
pub struct Inputs {
    options: InputOptions,
    pending: VecDeque<Pending>,
    current: Option<OpenSource>,
    line_buf: Vec<u8>,
}

enum Pending {
    /// Named on the command line: anything goes, and a wrong kind is a reject.
    Named(PathBuf),
    /// Found in a directory, already known to be of a kind we read.
    Found(PathBuf, Kind),
    /// A problem met while walking a directory.
    Reject(Reject),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Jsonl,
    Txt,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Kind {
    format: Format,
    gzip: bool,
    /// File name without the suffixes that gave the kind: `afp.jsonl.gz` → `afp`.
    stem: String,
}

/// One file (or stdin) being read.
struct OpenSource {
    name: Arc<str>,
    stem: String,
    format: Format,
    reader: Box<dyn BufRead + Send>,
    is_stdin: bool,
    /// Last line read, 1-based.
    line: u64,
    /// Non-blank lines seen.
    records: u64,
    finished: bool,
}

impl Iterator for Inputs {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(source) = &mut self.current {
                match source.next_input(&self.options, &mut self.line_buf) {
                    Some(input) => return Some(input),
                    None => self.current = None,
                }
            }
            let opened = match self.pending.pop_front()? {
                Pending::Reject(reject) => Err(reject),
                Pending::Found(path, kind) => self.open_file(&path, kind),
                Pending::Named(path) if path == Path::new("-") => self.open_stdin(),
                Pending::Named(path) => self.open_named(path),
            };
            match opened {
                Ok(source) => self.current = source,
                Err(reject) => return Some(Input::Reject(reject)),
            }
        }
    }
}

/// `Ok(None)`: nothing to read, and nothing wrong (empty stdin, a directory queued).
type Opened = Result<Option<OpenSource>, Reject>;

impl Inputs {
    fn open_named(&mut self, path: PathBuf) -> Opened {
        let name = display_name(&path);
        let metadata = fs::metadata(&path).map_err(|e| whole_file(&name, RejectReason::Open(e)))?;
        if metadata.is_dir() {
            self.queue_directory(&path, &name);
            return Ok(None);
        }
        let kind = classify(&path)
            .map_err(|extension| whole_file(&name, RejectReason::UnsupportedFileType(extension)))?;
        self.open_file(&path, kind)
    }

    fn open_file(&self, path: &Path, kind: Kind) -> Opened {
        let name = display_name(path);
        let file = File::open(path).map_err(|e| whole_file(&name, RejectReason::Open(e)))?;
        let raw: Box<dyn Read + Send> = if kind.gzip {
            Box::new(MultiGzDecoder::new(file))
        } else {
            Box::new(file)
        };
        open_source(name, kind.stem, kind.format, raw, false)
    }

    fn open_stdin(&self) -> Opened {
        let format = match self.options.stdin_format {
            StdinFormat::Jsonl => Format::Jsonl,
            StdinFormat::Txt => Format::Txt,
        };
        open_source(
            STDIN_NAME.into(),
            "stdin".into(),
            format,
            Box::new(io::stdin()),
            true,
        )
    }

    /// Queues the directory's input files (and any problems met), sorted by
    /// path so that every run reads them in the same order.
    fn queue_directory(&mut self, dir: &Path, name: &Arc<str>) {
        let mut found: Vec<(PathBuf, Pending)> = Vec::new();
        for entry in WalkDir::new(dir).follow_links(true) {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    if let Ok(kind) = classify(entry.path()) {
                        let path = entry.into_path();
                        found.push((path.clone(), Pending::Found(path, kind)));
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    let path = e.path().unwrap_or(dir).to_path_buf();
                    let message = e.to_string();
                    let error = e
                        .into_io_error()
                        .unwrap_or_else(|| io::Error::other(message));
                    let reject = whole_file(&display_name(&path), RejectReason::Open(error));
                    found.push((path, Pending::Reject(reject)));
                }
            }
        }
        if found.is_empty() {
            self.pending.push_front(Pending::Reject(whole_file(
                name,
                RejectReason::EmptyDirectory,
            )));
            return;
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, pending) in found.into_iter().rev() {
            self.pending.push_front(pending);
        }
    }
}

/// Opens a byte stream: looks at its first KiB to reject empty and binary
/// input before any line is read.
fn open_source(
    name: Arc<str>,
    stem: String,
    format: Format,
    mut raw: Box<dyn Read + Send>,
    is_stdin: bool,
) -> Opened {
    let read_error = |e| whole_file(&name, RejectReason::Read(e));
    let mut head = read_head(&mut raw).map_err(read_error)?;
    if is_stdin && head.starts_with(&GZIP_MAGIC) {
        raw = Box::new(MultiGzDecoder::new(Cursor::new(head).chain(raw)));
        head = read_head(&mut raw).map_err(read_error)?;
    }
    if head.starts_with(&UTF8_BOM) {
        head.drain(..UTF8_BOM.len());
    }
    if head.is_empty() {
        return if is_stdin {
            Ok(None)
        } else {
            Err(whole_file(&name, RejectReason::EmptyFile))
        };
    }
    if let Some(why) = binary_reason(&head) {
        return Err(Reject::new(name, None, RejectReason::Binary(why), b""));
    }
    Ok(Some(OpenSource {
        name,
        stem,
        format,
        reader: Box::new(BufReader::with_capacity(
            READ_BUFFER,
            Cursor::new(head).chain(raw),
        )),
        is_stdin,
        line: 0,
        records: 0,
        finished: false,
    }))
}

fn read_head(raw: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(SNIFF_BYTES as usize);
    raw.take(SNIFF_BYTES).read_to_end(&mut head)?;
    Ok(head)
}

/// Why the start of a file says it is not UTF-8 text, if it does.
fn binary_reason(head: &[u8]) -> Option<String> {
    if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        return Some("UTF-16 text: convert it to UTF-8".into());
    }
    if head.starts_with(&GZIP_MAGIC) {
        return Some("gzip data: give the file a .gz suffix".into());
    }
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Some(format!("NUL byte at byte {}", at + 1));
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    let mut invalid = 0;
    let mut rest = head;
    while let Err(e) = std::str::from_utf8(rest) {
        // `None`: a sequence cut off by the end of the sample, not an error.
        let Some(len) = e.error_len() else { break };
        invalid += len;
        rest = &rest[e.valid_up_to() + len..];
    }
    // Latin-1 or a few stray control bytes leave a text file well under this;
    // such a file is then rejected line by line, not as a whole.
    if (controls + invalid) * 10 > head.len() * 3 {
        return Some(format!(
            "mostly non-text bytes in the first {} bytes",
            thousands(head.len() as u64)
        ));
    }
    None
}

impl OpenSource {
    fn next_input(&mut self, options: &InputOptions, buf: &mut Vec<u8>) -> Option<Input> {
        if self.finished {
            return None;
        }
        match self.format {
            Format::Txt => {
                self.finished = true;
                Some(self.read_text(options))
            }
            Format::Jsonl => self.next_record(options, buf),
        }
    }

    /// The whole stream as one document.
    fn read_text(&mut self, options: &InputOptions) -> Input {
        let limit = options.max_doc_bytes;
        let mut bytes = Vec::new();
        if let Err(e) = self
            .reader
            .by_ref()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
        {
            return self.reject(None, RejectReason::Read(e), &bytes);
        }
        if bytes.len() as u64 > limit {
            // Count the rest for the message without keeping it.
            return match io::copy(&mut self.reader, &mut io::sink()) {
                Ok(rest) => {
                    let reason = RejectReason::TooLarge {
                        what: "file",
                        bytes: bytes.len() as u64 + rest,
                        limit,
                    };
                    self.reject(None, reason, &bytes)
                }
                Err(e) => self.reject(None, RejectReason::Read(e), &bytes),
            };
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let reason = RejectReason::InvalidUtf8 {
                    what: "file",
                    byte: e.utf8_error().valid_up_to() as u64 + 1,
                };
                return self.reject(None, reason, e.as_bytes());
            }
        };
        if text.trim().is_empty() {
            return self.reject(None, RejectReason::EmptyText, text.as_bytes());
        }
        Input::Doc(Located {
            file: self.name.clone(),
            line: 1,
            value: Document {
                id: options.id.clone().unwrap_or_else(|| self.stem.clone()),
                title: None,
                text,
                published: options.published,
                source: None,
                url: None,
                dateline: None,
            },
        })
    }

    /// The next non-blank line as a document or a reject.
    fn next_record(&mut self, options: &InputOptions, buf: &mut Vec<u8>) -> Option<Input> {
        loop {
            let read = read_line(&mut *self.reader, buf, options.max_doc_bytes);
            let line = self.line + 1;
            match read {
                Err(e) => {
                    self.finished = true;
                    return Some(self.reject(Some(line), RejectReason::Read(e), buf));
                }
                Ok(Line::End) => {
                    self.finished = true;
                    if self.records == 0 && !self.is_stdin {
                        return Some(self.reject(None, RejectReason::NoDocuments, b""));
                    }
                    return None;
                }
                Ok(Line::TooLong { bytes }) => {
                    self.line = line;
                    self.records += 1;
                    let reason = RejectReason::TooLarge {
                        what: "line",
                        bytes,
                        limit: options.max_doc_bytes,
                    };
                    return Some(self.reject(Some(line), reason, buf));
                }
                Ok(Line::Fits) => {
                    self.line = line;
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    self.records += 1;
                    let context = RecordContext {
                        stem: &self.stem,
                        line,
                        default_published: options.published,
                    };
                    return Some(match parse_record(buf, &context) {
                        Ok(value) => Input::Doc(Located {
                            file: self.name.clone(),
                            line,
                            value,
                        }),
                        Err(reason) => self.reject(Some(line), reason, buf),
                    });
                }
            }
        }
    }

    fn reject(&self, line: Option<u64>, reason: RejectReason, input: &[u8]) -> Input {
        Input::Reject(Reject::new(self.name.clone(), line, reason, input))
    }
}

fn whole_file(name: &Arc<str>, reason: RejectReason) -> Reject {
    Reject::new(name.clone(), None, reason, b"")
}

fn display_name(path: &Path) -> Arc<str> {
    path.display().to_string().into()
}

/// What a file holds, by its name; `Err` carries the unsupported extension.
fn classify(path: &Path) -> Result<Kind, Option<String>> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    let (inner, gzip) = match lower.strip_suffix(".gz") {
        Some(inner) => (inner, true),
        None => (lower.as_str(), false),
    };
    let Some((_, extension)) = inner.rsplit_once('.') else {
        return Err(gzip.then(|| "gz".to_string()));
    };
    let format = match extension {
        "jsonl" | "json" | "ndjson" => Format::Jsonl,
        "txt" => Format::Txt,
        _ if gzip => return Err(Some(format!("{extension}.gz"))),
        _ => return Err(Some(extension.to_string())),
    };
    // ASCII lower-casing keeps byte offsets, so the suffix length carries over.
    let stem_len = inner.len() - extension.len() - 1;
    Ok(Kind {
        format,
        gzip,
        stem: name[..stem_len].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name() {
        let kind = |format, gzip, stem: &str| {
            Ok(Kind {
                format,
                gzip,
                stem: stem.into(),
            })
        };
        for (path, want) in [
            ("wire/afp.jsonl", kind(Format::Jsonl, false, "afp")),
            (
                "AFP.2017-02-13.JSONL.GZ",
                kind(Format::Jsonl, true, "AFP.2017-02-13"),
            ),
            ("seed.json", kind(Format::Jsonl, false, "seed")),
            ("seed.ndjson", kind(Format::Jsonl, false, "seed")),
            ("astana.txt", kind(Format::Txt, false, "astana")),
            ("astana.txt.gz", kind(Format::Txt, true, "astana")),
            ("notes.csv", Err(Some("csv".into()))),
            ("archive.tar.gz", Err(Some("tar.gz".into()))),
            ("data.gz", Err(Some("gz".into()))),
            ("README", Err(None)),
        ] {
            assert_eq!(classify(Path::new(path)), want, "{path}");
        }
    }

    #[test]
    fn binary_sniffing() {
        assert_eq!(binary_reason(b"{\"text\": \"ok\"}\n"), None);
        assert_eq!(
            binary_reason("Caf\u{e9} \u{2018}quoted\u{2019}\n".as_bytes()),
            None
        );
        assert_eq!(binary_reason(b"Caf\xe9 in Latin-1, mostly ASCII\n"), None);
        assert_eq!(
            binary_reason(b"ab\0cd").as_deref(),
            Some("NUL byte at byte 3")
        );
        assert_eq!(
            binary_reason(b"\xff\xfe{\0").as_deref(),
            Some("UTF-16 text: convert it to UTF-8")
        );
        assert_eq!(
            binary_reason(b"\x1f\x8b\x08").as_deref(),
            Some("gzip data: give the file a .gz suffix")
        );
        let noise: Vec<u8> = (0..1024u32).map(|i| (i * 37 % 251) as u8 | 0x80).collect();
        assert_eq!(
            binary_reason(&noise).as_deref(),
            Some("mostly non-text bytes in the first 1,024 bytes")
        );
        // A multi-byte character cut by the end of the sample is not noise.
        assert_eq!(binary_reason("abc\u{2019}".as_bytes()[..5].as_ref()), None);
    }
}
