//! The progress bar of `dyad code`: documents done and their rate, on stderr,
//! shown only to a person watching (stderr a terminal, no `--quiet`) and only
//! once the run has taken more than a second, so short runs print nothing.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use dyad_input::thousands;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

const SHOW_AFTER: Duration = Duration::from_secs(1);

/// A spinner counting documents, safe to advance from worker threads.
pub struct DocBar {
    bar: ProgressBar,
    enabled: bool,
    shown: AtomicBool,
    started: Instant,
}

impl DocBar {
    /// A bar that may show itself later (`enabled`), or never.
    pub fn new(enabled: bool) -> DocBar {
        let style =
            ProgressStyle::with_template("{spinner} {documents} documents · {rate} · {elapsed}")
                .expect("the template is valid")
                .with_key(
                    "documents",
                    |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = w.write_str(&thousands(state.pos()));
                    },
                )
                .with_key(
                    "rate",
                    |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(
                            w,
                            "{} documents/s",
                            thousands(state.per_sec().round() as u64)
                        );
                    },
                );
        let bar = ProgressBar::hidden();
        bar.set_style(style);
        DocBar {
            bar,
            enabled,
            shown: AtomicBool::new(false),
            started: Instant::now(),
        }
    }

    /// Counts one document, and shows the bar once the run has gone on long enough.
    pub fn document_done(&self) {
        self.bar.inc(1);
        if self.enabled
            && !self.shown.load(Ordering::Relaxed)
            && self.started.elapsed() >= SHOW_AFTER
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(Duration::from_millis(120));
        }
    }

    /// Runs `f` (which writes to stderr) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Removes the bar from the screen.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
