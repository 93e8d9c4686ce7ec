//! `dyad code`: documents in batches, each batch coded on worker threads,
//! events written in input order, rejects reported and kept, and (with
//! `-o OUT`) a checkpoint after every batch so the run can be resumed.
//!
//! Generic over the coding function, so everything here is tested without
//! the coder. Owns output files and the checkpoint; reading input belongs to
//! `dyad-input`, coding to `dyad-coder`.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use dyad_input::{
    read_inputs, thousands, Input, InputOptions, Inputs, Reject, RejectReason, RejectWriter,
};
use dyad_model::{Document, Event};

use crate::bar::DocBar;
use crate::checkpoint::{absolute, sidecar_path, Checkpoint, InputStamp, RunIdentity};
use crate::parallel::map_ordered;
use crate::summary::Totals;

/// Documents per batch: what is held in memory and coded in parallel at once.
pub const BATCH_DOCUMENTS: usize = 256;
/// A batch also ends after this many items (rejects are cheap, but not free)...
const BATCH_ITEMS: usize = 4096;
/// ...or this much text, so a batch of large documents stays bounded.
const BATCH_TEXT_BYTES: usize = 64 * 1024 * 1024;
const WRITE_BUFFER: usize = 256 * 1024;

/// A mistake on the command line found after parsing: exit status 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Everything `dyad code` was asked to do.
#[derive(Debug, Clone)]
pub struct CodeJob {
    /// Files, directories, or `-`.
    pub inputs: Vec<PathBuf>,
    /// How to read them.
    pub input_options: InputOptions,
    /// Where events go; stdout when `None`.
    pub output: Option<PathBuf>,
    /// Where rejects are kept as JSON Lines, besides stderr.
    pub rejects: Option<PathBuf>,
    /// Worker threads.
    pub threads: usize,
    /// Carry on from `OUT.progress`.
    pub resume: bool,
    /// No progress bar and no notes on stderr (rejects are still reported).
    pub quiet: bool,
    /// Whether stderr is a terminal someone may be watching.
    pub stderr_is_terminal: bool,
    /// Documents per batch.
    pub batch_documents: usize,
    /// Stop (as if interrupted) after this many documents: for testing resume.
    pub stop_after_documents: Option<u64>,
    /// Written into the checkpoint, so a new coder does not resume an old run.
    pub coder_version: String,
    /// `--dictionaries`, for the checkpoint.
    pub dictionaries: Option<PathBuf>,
}

/// What the coder made of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coded {
    /// Its events, in the coder's order.
    pub events: Vec<Event>,
    /// How many sentences it has.
    pub sentences: u64,
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Counts for the whole output, including any part done before a resume.
    pub totals: Totals,
    /// Counts for this run alone.
    pub run: Totals,
    /// Time this run took.
    pub elapsed: Duration,
    /// Stopped by `stop_after_documents` before the end of the input.
    pub interrupted: bool,
}

/// Codes every input with `coder` and writes the events; see the module doc.
/// Call [`check_job`] first.
///
/// A panic in `coder` sets that document aside as a reject and the run goes
/// on. Rejects and notes go to `stderr`; failing to write them there does
/// not stop the run (the rejects file and the summary still count them).
pub fn code_all<C>(job: &CodeJob, coder: &C, stderr: &mut dyn Write) -> anyhow::Result<Outcome>
where
    C: Fn(&Document) -> Coded + Sync,
{
    let started = Instant::now();
    let (mut sink, done_before) = Sink::open(job)?;
    let mut inputs = read_inputs(job.inputs.iter().cloned(), job.input_options.clone());
    if done_before.items > 0 {
        skip_done(&mut inputs, done_before.items)?;
        if !job.quiet {
            let _ = writeln!(
                stderr,
                "dyad: resuming after {} documents",
                thousands(done_before.documents)
            );
        }
    }
    let bar = DocBar::new(job.stderr_is_terminal && !job.quiet);
    let mut run = Totals::default();
    let mut documents_read = 0;
    let mut interrupted = false;
    loop {
        let budget = job
            .stop_after_documents
            .map(|n| n.saturating_sub(documents_read));
        let batch = next_batch(&mut inputs, job.batch_documents, budget);
        if batch.is_empty() {
            break;
        }
        let documents: Vec<&Document> = batch
            .iter()
            .filter_map(|input| match input {
                Input::Doc(doc) => Some(&doc.value),
                Input::Reject(_) => None,
            })
            .collect();
        documents_read += documents.len() as u64;
        let mut results = map_ordered(&documents, job.threads, |doc| {
            // The records are written out as JSON here, on the worker's
            // thread: the sink then only copies bytes, in input order.
            let coded = panic::catch_unwind(AssertUnwindSafe(|| coder(doc)))
                .map_err(|p| panic_message(p.as_ref()))
                .map(|coded| {
                    let json = event_lines(&coded.events);
                    (coded, json)
                });
            bar.document_done();
            coded
        })
        .into_iter();
        for input in &batch {
            run.items += 1;
            match input {
                Input::Reject(reject) => {
                    sink.reject(reject, &bar, stderr)?;
                    run.rejected += 1;
                }
                Input::Doc(doc) => match results.next().expect("one result per document") {
                    Ok((coded, json)) => {
                        sink.events(json)?;
                        run.documents += 1;
                        run.sentences += coded.sentences;
                        run.events += coded.events.len() as u64;
                    }
                    Err(message) => {
                        let reason = RejectReason::CodingFailed(message);
                        let reject = Reject::new(
                            doc.file.clone(),
                            Some(doc.line),
                            reason,
                            doc.value.text.as_bytes(),
                        );
                        sink.reject(&reject, &bar, stderr)?;
                        run.rejected += 1;
                    }
                },
            }
        }
        sink.commit(done_before + run)?;
        if budget.is_some_and(|left| left <= documents.len() as u64) {
            interrupted = true;
            break;
        }
    }
    bar.finish();
    if interrupted {
        if !job.quiet {
            let _ = writeln!(
                stderr,
                "dyad: stopped early; run again with --resume to carry on"
            );
        }
    } else {
        sink.finish()?;
    }
    Ok(Outcome {
        totals: done_before + run,
        run,
        elapsed: started.elapsed(),
        interrupted,
    })
}

/// Refuses outputs that would overwrite an input or be read back as one,
/// and `--resume` on stdin, which cannot be read twice: usage errors, found
/// before anything is loaded or written.
pub fn check_job(job: &CodeJob) -> anyhow::Result<()> {
    if job.resume && !job.output.as_deref().is_some_and(is_file_or_new) {
        bail!(UsageError("--resume needs -o OUT, a file".into()));
    }
    if job.resume && job.inputs.iter().any(|p| p == Path::new("-")) {
        bail!(UsageError(
            "--resume needs inputs that can be read again, not - (stdin)".into()
        ));
    }
    let outputs = [("-o", &job.output), ("--rejects", &job.rejects)];
    for (flag, output) in outputs {
        let Some(output) = output else { continue };
        let output = resolved(output);
        for input in job.inputs.iter().filter(|p| *p != Path::new("-")) {
            let input_resolved = resolved(input);
            if output == input_resolved || (input.is_dir() && output.starts_with(&input_resolved)) {
                bail!(UsageError(format!(
                    "{flag} {} would overwrite or be read as input {}",
                    output.display(),
                    input.display()
                )));
            }
        }
    }
    Ok(())
}

/// `path` with links and `..` resolved as far as it exists.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(path) = fs::canonicalize(path) {
        return path;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => resolved(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        })
        .join(name),
        _ => path.to_path_buf(),
    }
}

fn skip_done(inputs: &mut Inputs, items: u64) -> anyhow::Result<()> {
    for skipped in 0..items {
        if inputs.next().is_none() {
            bail!(UsageError(format!(
                "the inputs hold {skipped} items, fewer than the {items} already done: they changed since the interrupted run; run without --resume to start over"
            )));
        }
    }
    Ok(())
}

/// The next batch: up to `batch_documents` documents (and the rejects among
/// them), bounded in items and text bytes, and by `budget` documents.
fn next_batch(inputs: &mut Inputs, batch_documents: usize, budget: Option<u64>) -> Vec<Input> {
    let max_documents = budget.map_or(batch_documents, |left| batch_documents.min(left as usize));
    let mut batch = Vec::new();
    let (mut documents, mut text_bytes) = (0, 0);
    if max_documents == 0 {
        return batch;
    }
    for input in inputs.by_ref() {
        if let Input::Doc(doc) = &input {
            documents += 1;
            text_bytes += doc.value.text.len();
        }
        batch.push(input);
        if documents >= max_documents
            || batch.len() >= BATCH_ITEMS
            || text_bytes >= BATCH_TEXT_BYTES
        {
            break;
        }
    }
    batch
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into());
    format!("{message} (a bug in dyad: please report it with this document)")
}

/// A writer that counts what it is given, so a checkpoint knows file lengths.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.bytes += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Events as JSON Lines: one record a line.
fn event_lines(events: &[Event]) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(events.len() * 2048);
    for event in events {
        serde_json::to_writer(&mut out, event)?;
        out.push(b'\n');
    }
    Ok(out)
}

/// Where results go: events, rejects, checkpoint.
struct Sink {
    out: Counting<Box<dyn Write>>,
    out_name: String,
    rejects: Option<RejectWriter<Counting<BufWriter<File>>>>,
    rejects_name: String,
    /// The sidecar and the checkpoint last written to it (with `-o` only).
    checkpoint: Option<(PathBuf, Checkpoint)>,
}

impl Sink {
    /// Opens the outputs, picking up a checkpoint when resuming; returns
    /// what was done before.
    fn open(job: &CodeJob) -> anyhow::Result<(Sink, Totals)> {
        let checkpoint = match job.output.as_deref().filter(|p| is_file_or_new(p)) {
            Some(output) => Some(starting_checkpoint(job, output)?),
            None => None,
        };
        let (output_bytes, rejects_bytes, done) = checkpoint
            .as_ref()
            .map_or((0, 0, Totals::default()), |(_, c)| {
                (c.output_bytes, c.rejects_bytes, c.done)
            });
        let (out, out_name): (Box<dyn Write>, String) = match &job.output {
            Some(path) => (
                Box::new(open_at(path, output_bytes)?),
                path.display().to_string(),
            ),
            None => (Box::new(io::stdout()), "stdout".into()),
        };
        let rejects = match &job.rejects {
            Some(path) => Some(RejectWriter::new(Counting {
                inner: BufWriter::new(open_at(path, rejects_bytes)?),
                bytes: rejects_bytes,
            })),
            None => None,
        };
        if let Some((sidecar, checkpoint)) = &checkpoint {
            checkpoint
                .save(sidecar)
                .with_context(|| format!("cannot write {}", sidecar.display()))?;
        }
        let sink = Sink {
            out: Counting {
                inner: Box::new(BufWriter::with_capacity(WRITE_BUFFER, out)),
                bytes: output_bytes,
            },
            out_name,
            rejects,
            rejects_name: job
                .rejects
                .as_deref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            checkpoint,
        };
        Ok((sink, done))
    }

    /// Writes one document's records, as [`event_lines`] made them.
    fn events(&mut self, json: io::Result<Vec<u8>>) -> anyhow::Result<()> {
        json.and_then(|bytes| self.out.write_all(&bytes))
            .with_context(|| format!("cannot write {}", self.out_name))
    }

    fn reject(
        &mut self,
        reject: &Reject,
        bar: &DocBar,
        stderr: &mut dyn Write,
    ) -> anyhow::Result<()> {
        let _ = bar.suspend(|| writeln!(stderr, "dyad: rejected {reject}"));
        if let Some(rejects) = &mut self.rejects {
            rejects
                .write(reject)
                .with_context(|| format!("cannot write {}", self.rejects_name))?;
        }
        Ok(())
    }

    /// Flushes the batch, then records it in the checkpoint.
    fn commit(&mut self, done: Totals) -> anyhow::Result<()> {
        self.out
            .flush()
            .with_context(|| format!("cannot write {}", self.out_name))?;
        if let Some(rejects) = &mut self.rejects {
            rejects
                .flush()
                .with_context(|| format!("cannot write {}", self.rejects_name))?;
        }
        if let Some((sidecar, checkpoint)) = &mut self.checkpoint {
            checkpoint.done = done;
            checkpoint.output_bytes = self.out.bytes;
            checkpoint.rejects_bytes = self.rejects.as_ref().map_or(0, |r| r.get_ref().bytes);
            checkpoint
                .save(sidecar)
                .with_context(|| format!("cannot write {}", sidecar.display()))?;
        }
        Ok(())
    }

    /// The run is complete: the checkpoint has nothing left to resume.
    fn finish(self) -> anyhow::Result<()> {
        if let Some((sidecar, _)) = self.checkpoint {
            fs::remove_file(&sidecar)
                .with_context(|| format!("cannot remove {}", sidecar.display()))?;
        }
        Ok(())
    }
}

/// The checkpoint a run with `-o output` starts from: the one in the
/// sidecar when resuming the same run, else a fresh one.
fn starting_checkpoint(job: &CodeJob, output: &Path) -> anyhow::Result<(PathBuf, Checkpoint)> {
    let sidecar = sidecar_path(output);
    let identity = RunIdentity {
        coder_version: job.coder_version.clone(),
        inputs: job.inputs.iter().map(|p| InputStamp::of(p)).collect(),
        dictionaries: job.dictionaries.as_deref().map(absolute),
        published: job.input_options.published,
        id: job.input_options.id.clone(),
        max_doc_bytes: job.input_options.max_doc_bytes,
        rejects: job.rejects.as_deref().map(absolute),
    };
    let previous = if job.resume {
        Checkpoint::load(&sidecar)?
    } else {
        None
    };
    let checkpoint = match previous {
        Some(previous) => {
            if let Some(what) = previous.run.difference(&identity) {
                bail!(UsageError(format!(
                    "{} was written by a different run ({what} differ); run without --resume to start over",
                    sidecar.display()
                )));
            }
            previous
        }
        None => Checkpoint {
            run: identity,
            done: Totals::default(),
            output_bytes: 0,
            rejects_bytes: 0,
        },
    };
    Ok((sidecar, checkpoint))
}

/// A regular file, or nothing yet: something a checkpoint can describe
/// (unlike `/dev/null` or a named pipe, which are written like stdout).
fn is_file_or_new(path: &Path) -> bool {
    fs::metadata(path).map_or(true, |m| m.is_file())
}

/// Opens `path` for writing at byte `len`: created if need be, and a
/// regular file cut back to `len` (0 for a fresh run; a checkpoint's length
/// when resuming).
fn open_at(path: &Path, len: u64) -> anyhow::Result<File> {
    let context = || format!("cannot write {}", path.display());
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .with_context(context)?;
    let metadata = file.metadata().with_context(context)?;
    if !metadata.is_file() {
        return Ok(file);
    }
    if metadata.len() < len {
        bail!(
            "{} is {} bytes, shorter than the {len} bytes its checkpoint records: it changed since the interrupted run; run without --resume to start over",
            path.display(),
            metadata.len()
        );
    }
    file.set_len(len).with_context(context)?;
    file.seek(SeekFrom::End(0)).with_context(context)?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::{EventDate, EventType, SpanText};
    use std::fmt::Write as _;

    /// A stand-in coder: one ACCUSE event per sentence that says "accused";
    /// panics on "PANIC"; sleeps on some documents so threads finish out of order.
    fn fake_coder(doc: &Document) -> Coded {
        assert!(!doc.text.contains("PANIC"), "fake coder fails on purpose");
        if doc.text.len() % 3 == 1 {
            std::thread::sleep(Duration::from_millis(1));
        }
        let sentences: Vec<&str> = doc
            .text
            .split('.')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let events = sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.contains("accused"))
            .map(|(i, sentence)| Event {
                id: format!("{}-{i}", doc.id),
                doc_id: doc.id.clone(),
                published: doc.published,
                sentence_index: i as u32,
                sentence: sentence.to_string(),
                event_type: EventType::Accuse,
                mode: None,
                context: Vec::new(),
                cameo: "112".into(),
                quad_class: 3,
                goldstein: -2.0,
                actor: Vec::new(),
                recipient: Vec::new(),
                trigger: SpanText {
                    text: "accused".into(),
                    span: [0, 7],
                },
                date: EventDate::from_publication(doc.published),
                location: None,
                attribution: None,
                modality: Vec::new(),
                confidence: 0.5,
                rule: "test".into(),
                coder_version: "test".into(),
            })
            .collect();
        Coded {
            events,
            sentences: sentences.len() as u64,
        }
    }

    /// 60 documents in two files and a directory, with bad lines among them.
    fn corpus(dir: &Path) -> Vec<PathBuf> {
        let mut wire = String::new();
        for i in 0..40 {
            let text = match i % 4 {
                0 => format!("Opposition leaders accused the government of fraud in district {i}. Police dispersed the crowd."),
                1 => format!("The minister visited province {i}."),
                2 => format!("Rebels accused Russia of failing to enforce the ceasefire. Talks were delayed {i} days. Envoys accused both sides."),
                _ => "x".repeat(i),
            };
            writeln!(
                wire,
                r#"{{"id": "w{i}", "text": "{text}", "published": "2017-02-13"}}"#
            )
            .unwrap();
            if i % 9 == 4 {
                writeln!(wire, r#"{{"id": "cut{i}", "text": "Troops shel"#).unwrap();
            }
        }
        fs::write(dir.join("wire.jsonl"), wire).unwrap();
        fs::create_dir_all(dir.join("more/sub")).unwrap();
        for i in 0..20 {
            let text = format!("Protesters in city {i} accused police of brutality.");
            fs::write(dir.join(format!("more/sub/{i:02}.txt")), text).unwrap();
        }
        fs::write(dir.join("more/bad.json"), "[1, 2]\n").unwrap();
        vec![dir.join("wire.jsonl"), dir.join("more")]
    }

    fn job(dir: &Path, inputs: Vec<PathBuf>, name: &str) -> CodeJob {
        CodeJob {
            inputs,
            input_options: InputOptions::default(),
            output: Some(dir.join(format!("{name}.jsonl"))),
            rejects: Some(dir.join(format!("{name}.rejects.jsonl"))),
            threads: 2,
            resume: false,
            quiet: true,
            stderr_is_terminal: false,
            batch_documents: 5,
            stop_after_documents: None,
            coder_version: "test".into(),
            dictionaries: None,
        }
    }

    fn run(job: &CodeJob) -> (Outcome, String) {
        let mut stderr = Vec::new();
        let outcome = code_all(job, &fake_coder, &mut stderr).unwrap();
        (outcome, String::from_utf8(stderr).unwrap())
    }

    fn read(path: &Option<PathBuf>) -> Vec<u8> {
        fs::read(path.as_ref().unwrap()).unwrap()
    }

    #[test]
    fn codes_everything_in_input_order_and_reports_rejects() {
        let dir = tempfile::tempdir().unwrap();
        let job = job(dir.path(), corpus(dir.path()), "out");
        check_job(&job).unwrap();
        let (outcome, stderr) = run(&job);
        assert_eq!(
            outcome.totals,
            Totals {
                items: 65,
                documents: 60,
                sentences: 90,
                events: 50,
                rejected: 5,
            }
        );
        assert!(!outcome.interrupted);
        let events: Vec<Event> = String::from_utf8(read(&job.output))
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(events.len(), 50);
        assert_eq!(
            (events[0].doc_id.as_str(), events[1].doc_id.as_str()),
            ("w0", "w2")
        );
        assert_eq!(events.last().unwrap().doc_id, "19");
        let rejected: Vec<&str> = stderr.lines().collect();
        let wire = dir.path().join("wire.jsonl").display().to_string();
        assert_eq!(rejected.len(), 5);
        assert_eq!(
            rejected[0],
            format!(
                "dyad: rejected {wire}:6: truncated JSON (EOF while parsing a string at column 35)"
            )
        );
        assert!(
            rejected[4].ends_with("bad.json:1: not a JSON object (found an array)"),
            "{}",
            rejected[4]
        );
        let kept: Vec<serde_json::Value> = String::from_utf8(read(&job.rejects))
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(kept.len(), 5);
        assert_eq!(kept[0]["line"], 6);
        assert_eq!(kept[0]["excerpt"], r#"{"id": "cut4", "text": "Troops shel"#);
        assert!(
            !sidecar_path(job.output.as_ref().unwrap()).exists(),
            "a finished run leaves no checkpoint"
        );
    }

    #[test]
    fn threads_do_not_change_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = corpus(dir.path());
        let mut outputs = Vec::new();
        for (threads, batch) in [(1, 256), (2, 5), (4, 1), (8, 7)] {
            let job = CodeJob {
                threads,
                batch_documents: batch,
                ..job(dir.path(), inputs.clone(), &format!("t{threads}"))
            };
            run(&job);
            outputs.push((read(&job.output), read(&job.rejects)));
        }
        assert!(!outputs[0].0.is_empty());
        for other in &outputs[1..] {
            assert!(other == &outputs[0], "output differs with the thread count");
        }
    }

    #[test]
    fn resumed_run_gives_the_same_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = corpus(dir.path());
        let whole = job(dir.path(), inputs.clone(), "whole");
        let (whole_outcome, _) = run(&whole);

        let parts = job(dir.path(), inputs, "parts");
        let sidecar = sidecar_path(parts.output.as_ref().unwrap());
        for (stops, stop) in [12, 1, 20].into_iter().enumerate() {
            let (outcome, _) = run(&CodeJob {
                resume: stops > 0,
                stop_after_documents: Some(stop),
                ..parts.clone()
            });
            assert!(outcome.interrupted);
            assert!(sidecar.exists());
            // What a kill in the middle of a batch leaves behind.
            for path in [&parts.output, &parts.rejects] {
                let mut file = OpenOptions::new()
                    .append(true)
                    .open(path.as_ref().unwrap())
                    .unwrap();
                file.write_all(b"{\"half\": \"a bat").unwrap();
            }
        }
        let mut stderr = Vec::new();
        let resumed = code_all(
            &CodeJob {
                resume: true,
                quiet: false,
                ..parts.clone()
            },
            &fake_coder,
            &mut stderr,
        )
        .unwrap();
        assert!(String::from_utf8(stderr)
            .unwrap()
            .starts_with("dyad: resuming after 33 documents\n"));
        assert!(!resumed.interrupted);
        assert_eq!(resumed.totals, whole_outcome.totals);
        assert!(resumed.run.documents < whole_outcome.run.documents);
        assert!(
            read(&parts.output) == read(&whole.output),
            "events differ after resuming"
        );
        assert!(
            read(&parts.rejects) == read(&whole.rejects),
            "rejects differ after resuming"
        );
        assert!(!sidecar.exists());
    }

    #[test]
    fn resume_refuses_a_different_run() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = corpus(dir.path());
        let first = CodeJob {
            stop_after_documents: Some(10),
            ..job(dir.path(), inputs, "out")
        };
        run(&first);
        let other_date = CodeJob {
            resume: true,
            input_options: InputOptions {
                published: chrono::NaiveDate::from_ymd_opt(2020, 1, 1),
                ..InputOptions::default()
            },
            ..first.clone()
        };
        let err = code_all(&other_date, &fake_coder, &mut Vec::new()).unwrap_err();
        assert!(err.is::<UsageError>());
        assert!(err.to_string().contains("(--published differ)"), "{err}");

        fs::write(dir.path().join("wire.jsonl"), "{\"text\": \"changed\"}\n").unwrap();
        let err = code_all(
            &CodeJob {
                resume: true,
                ..first.clone()
            },
            &fake_coder,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("(the inputs (paths, sizes or modification times) differ)"),
            "{err}"
        );
    }

    #[test]
    fn resume_without_checkpoint_and_fresh_runs_start_over() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = corpus(dir.path());
        let reference = job(dir.path(), inputs.clone(), "reference");
        run(&reference);
        let target = job(dir.path(), inputs, "target");
        for resume in [true, false] {
            fs::write(
                target.output.as_ref().unwrap(),
                "stale output from another day\n".repeat(1000),
            )
            .unwrap();
            run(&CodeJob {
                resume,
                ..target.clone()
            });
            assert!(
                read(&target.output) == read(&reference.output),
                "resume: {resume}"
            );
        }
    }

    #[test]
    fn a_coder_panic_rejects_that_document_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("w.jsonl");
        fs::write(
            &file,
            "{\"id\": \"a\", \"text\": \"Rebels accused Russia.\"}\n{\"id\": \"b\", \"text\": \"PANIC here.\"}\n{\"id\": \"c\", \"text\": \"Envoys accused both sides.\"}\n",
        )
        .unwrap();
        let job = job(dir.path(), vec![file.clone()], "out");
        let (outcome, stderr) = run(&job);
        assert_eq!(
            (
                outcome.totals.documents,
                outcome.totals.events,
                outcome.totals.rejected
            ),
            (2, 2, 1)
        );
        assert!(
            stderr.starts_with(&format!(
                "dyad: rejected {}:2: coding failed: fake coder fails on purpose (a bug in dyad",
                file.display()
            )),
            "{stderr}"
        );
    }

    #[test]
    fn outputs_that_would_clobber_inputs_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = corpus(dir.path());
        for output in [
            dir.path().join("wire.jsonl"),
            dir.path().join("more/../wire.jsonl"),
            dir.path().join("more/events.jsonl"),
        ] {
            let job = CodeJob {
                output: Some(output.clone()),
                ..job(dir.path(), inputs.clone(), "unused")
            };
            let err = check_job(&job).unwrap_err();
            assert!(err.is::<UsageError>(), "{}: {err}", output.display());
        }
        let stdin = CodeJob {
            resume: true,
            ..job(dir.path(), vec!["-".into()], "out")
        };
        let err = check_job(&stdin).unwrap_err();
        assert_eq!(
            err.to_string(),
            "--resume needs inputs that can be read again, not - (stdin)"
        );
        let to_stdout = CodeJob {
            output: None,
            ..stdin
        };
        let err = check_job(&to_stdout).unwrap_err();
        assert_eq!(err.to_string(), "--resume needs -o OUT, a file");
    }

    #[test]
    fn devices_are_written_like_stdout() {
        let dir = tempfile::tempdir().unwrap();
        let null = PathBuf::from("/dev/null");
        if !null.exists() {
            eprintln!("skipped: no /dev/null here");
            return;
        }
        let job = CodeJob {
            output: Some(null.clone()),
            rejects: Some(null.clone()),
            ..job(dir.path(), corpus(dir.path()), "unused")
        };
        check_job(&job).unwrap();
        let (outcome, _) = run(&job);
        assert_eq!(outcome.totals.documents, 60);
        assert!(!sidecar_path(&null).exists());
        let err = check_job(&CodeJob {
            resume: true,
            ..job
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "--resume needs -o OUT, a file");
    }

    #[test]
    fn unwritable_output_is_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = corpus(dir.path());
        let job = CodeJob {
            output: Some(dir.path().join("no/such/dir/out.jsonl")),
            ..job(dir.path(), inputs, "x")
        };
        let err = code_all(&job, &fake_coder, &mut Vec::new()).unwrap_err();
        assert!(!err.is::<UsageError>());
        assert!(format!("{err:#}").starts_with("cannot write "), "{err:#}");
    }

    #[test]
    fn batches_are_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = corpus(dir.path());
        let mut stream = read_inputs(inputs, InputOptions::default());
        let first = next_batch(&mut stream, 5, None);
        let documents = first.iter().filter(|i| matches!(i, Input::Doc(_))).count();
        assert_eq!((documents, first.len()), (5, 5));
        let second = next_batch(&mut stream, 5, Some(2));
        assert_eq!(second.len(), 3, "two documents and the reject before them");
        assert!(matches!(second[0], Input::Reject(_)));
        assert!(next_batch(&mut stream, 5, Some(0)).is_empty());
    }
}
