//! Extraction throughput on one thread: reads a corpus into memory once, then times only
//! decoding, cleaning and extraction of every report, and prints MB per second.
//!
//! ```sh
//! cargo build --release --examples
//! ./target/release/examples/extract_bench DIR                  # all reports, 3 rounds
//! ./target/release/examples/extract_bench DIR --n 200 --rounds 1   # for callgrind
//! ```
//!
//! The figure is MB of report text per CPU-second of one core (the best round), the
//! measuring stick of the extraction target in BENCHMARKS.md. `--n` takes the first N
//! reports (by file name), `--rounds` repeats the timed pass. Instruction counts of the
//! per-report work alone, without start-up:
//! `valgrind --tool=callgrind --toggle-collect='extract_bench::process' extract_bench DIR --n 400 --rounds 1`.

use reportgraph::ingest::{collect_paths, from_bytes, Format, ReadOptions};
use reportgraph::text::clean;
use reportgraph::{extract::extract, Document, Lexicon};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

// the allocator of the `reportgraph` binary
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let mut dir = None;
    let mut n = usize::MAX;
    let mut rounds = 3;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--n" => n = args.next().and_then(|v| v.parse().ok()).ok_or_else(|| anyhow::anyhow!("--n N"))?,
            "--rounds" => rounds = args.next().and_then(|v| v.parse().ok()).ok_or_else(|| anyhow::anyhow!("--rounds R"))?,
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir.ok_or_else(|| anyhow::anyhow!("usage: extract_bench DIR [--n N] [--rounds R]"))?;
    let mut paths = collect_paths(&[dir])?;
    paths.sort();
    paths.truncate(n);
    let files: Vec<(PathBuf, Vec<u8>)> = paths.into_iter().map(|p| std::fs::read(&p).map(|b| (p, b))).collect::<Result<_, _>>()?;
    let lex = Lexicon::builtin();
    let opts = ReadOptions::default();

    // compile the lazily built regexes before timing
    let warm = Document::new("warm.txt", "Dr. Jane Roe, Director of the Institute of Studies, spoke at the seminar on 2 May 2024.");
    extract(&clean(&warm, &lex), &lex);

    let mut best: Option<(Duration, Duration, Duration)> = None;
    let mut bytes = 0usize;
    let mut found = (0usize, 0usize, 0usize);
    for _ in 0..rounds {
        let (mut read, mut cleaning, mut extracting) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
        bytes = 0;
        found = (0, 0, 0);
        for (path, raw) in &files {
            let Some(r) = process(path, raw, &lex, &opts) else { continue };
            bytes += r.bytes;
            found.0 += r.found.0;
            found.1 += r.found.1;
            found.2 += r.found.2;
            read += r.times[0];
            cleaning += r.times[1];
            extracting += r.times[2];
        }
        if best.is_none_or(|b| read + cleaning + extracting < b.0 + b.1 + b.2) {
            best = Some((read, cleaning, extracting));
        }
    }
    let (read, cleaning, extracting) = best.unwrap_or_default();
    let mb = bytes as f64 / 1e6;
    let rate = |d: Duration| mb / d.as_secs_f64().max(1e-9);
    println!("{} reports, {:.2} MB; {} persons, {} institutions, {} facts", files.len(), mb, found.0, found.1, found.2);
    println!("decode  {:>8.1} ms  {:>8.1} MB/s", read.as_secs_f64() * 1e3, rate(read));
    println!("clean   {:>8.1} ms  {:>8.1} MB/s", cleaning.as_secs_f64() * 1e3, rate(cleaning));
    println!("extract {:>8.1} ms  {:>8.1} MB/s", extracting.as_secs_f64() * 1e3, rate(extracting));
    println!("total   {:>8.1} ms  {:>8.1} MB/s/core", (read + cleaning + extracting).as_secs_f64() * 1e3, rate(read + cleaning + extracting));
    Ok(())
}

/// One report's figures.
struct Done {
    bytes: usize,
    found: (usize, usize, usize),
    /// decode, clean, extract
    times: [Duration; 3],
}

/// Decodes, cleans and extracts one report (the work measured; `callgrind
/// --toggle-collect='extract_bench::process'` counts only this).
#[inline(never)]
fn process(path: &Path, raw: &[u8], lex: &Lexicon, opts: &ReadOptions) -> Option<Done> {
    let t0 = Instant::now();
    let name = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let doc = from_bytes(name, path, Format::of_path(path), raw, opts).ok()?;
    let t1 = Instant::now();
    let c = clean(&doc, lex);
    let t2 = Instant::now();
    let x = extract(&c, lex);
    let t3 = Instant::now();
    Some(Done { bytes: doc.original.len(), found: (x.persons.len(), x.institutions.len(), x.facts.len()), times: [t1 - t0, t2 - t1, t3 - t2] })
}
