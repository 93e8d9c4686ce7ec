//! Decompresses the shipped gazetteer (data/places/gazetteer.tsv.gz) into
//! the build directory, so the binary embeds the text and start-up does not
//! pay for decompression. The repository keeps only the compressed file.

use std::io::Read;
use std::path::PathBuf;

fn main() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/places/gazetteer.tsv.gz");
    println!("cargo::rerun-if-changed={}", src.display());
    let bytes = std::fs::read(&src).expect("data/places/gazetteer.tsv.gz is readable");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .expect("data/places/gazetteer.tsv.gz decompresses");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("gazetteer.tsv");
    std::fs::write(out, text).expect("OUT_DIR is writable");
}
