//! Compares the two ways to get the shipped dictionaries: compiling their
//! text, and reading the compiled form the build writes (best of five each).
//! `cargo run --release -p dyad-dict --example compiled_load`.

use std::time::Instant;

// The allocator `dyad` uses: reading is mostly allocation.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn best_of<T>(runs: usize, f: impl Fn() -> T) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

fn main() {
    let dict = dyad_dict::Dictionaries::builtin().expect("shipped dictionaries compile");
    let bytes = dict.to_bytes();
    let compile = best_of(5, || {
        dyad_dict::Dictionaries::builtin().expect("shipped dictionaries compile")
    });
    let read = best_of(5, || {
        dyad_dict::Dictionaries::from_bytes(&bytes).expect("compiled form reads back")
    });
    println!(
        "compiled form {:.1} MB; compile from text {:.1} ms, read the compiled form {:.1} ms",
        bytes.len() as f64 / 1e6,
        compile * 1e3,
        read * 1e3
    );
}
