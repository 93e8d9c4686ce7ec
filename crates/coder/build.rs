//! Compiles the shipped dictionaries (data/) once, at build time, into the
//! form `Dictionaries::from_bytes` reads: start-up then reads compiled
//! structures instead of parsing and indexing some 4 MB of text. A dictionary
//! error stops the build with the file and line.

use std::path::PathBuf;

fn main() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data");
    // The embedded sources are read with include_str!, so their folder is
    // what to watch; cargo looks at every file under it.
    println!("cargo::rerun-if-changed={}", data.display());
    let dict = match dyad_dict::Dictionaries::builtin() {
        Ok(d) => d,
        Err(e) => panic!("the shipped dictionaries do not compile: {e}"),
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("dictionaries.bin");
    std::fs::write(out, dict.to_bytes()).expect("OUT_DIR is writable");
}
