//! Times loading the embedded gazetteer and reports the process's peak
//! resident memory: `cargo run --release -p dyad-places --example gazetteer_load`.
//!
//! Prints the wall time and the CPU time of the loading thread (from
//! `/proc/thread-self/schedstat`), best of several runs: on a shared machine
//! the wall time also counts waiting for a core.

use std::time::Instant;

/// Nanoseconds this thread has run on a CPU, when Linux says.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn main() {
    let runs = 7;
    let (mut wall, mut cpu) = (f64::MAX, f64::MAX);
    let mut places = 0;
    for _ in 0..runs {
        let c = cpu_ns();
        let t = Instant::now();
        let p = dyad_places::Places::builtin().expect("embedded gazetteer loads");
        wall = wall.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, cpu_ns()) {
            cpu = cpu.min((b - a) as f64 / 1e9);
        }
        places = p.gazetteer().len();
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unknown".into());
    println!(
        "{places} places; load, best of {runs}: wall {:.1} ms, cpu {:.1} ms; peak RSS {peak}",
        wall * 1000.0,
        cpu * 1000.0
    );
}
