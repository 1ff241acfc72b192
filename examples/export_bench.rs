//! Times the four graph exports of `build` (JSON, GraphML, GEXF, DOT), one at a time.
//!
//! Builds the graph of a corpus once (all cores), then writes it in each format, on one
//! thread, into a sink that only counts the bytes, and prints each run's time and rate:
//!
//! ```sh
//! cargo run --release --example export_bench -- DIR [RUNS] [FORMAT...]
//! ```
//!
//! For instruction counts, collect only the writing:
//! `valgrind --tool=callgrind --toggle-collect='export_bench::export' …`.

use reportgraph::export::Format;
use reportgraph::ingest::{collect_paths, ReadOptions};
use reportgraph::pipeline::BuildOptions;
use reportgraph::{Lexicon, ReportGraph};
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Instant;

/// The allocator of the `reportgraph` binary, so that the times are the build's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A writer that keeps nothing and counts the bytes.
#[derive(Default)]
struct Count(u64);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes `g` in `format`; returns the bytes written.
#[inline(never)]
fn export(g: &ReportGraph, format: Format) -> u64 {
    let mut sink = Count::default();
    format.write(g, &mut sink).expect("writing to a counter cannot fail");
    sink.0
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        anyhow::bail!("usage: export_bench DIR [RUNS] [FORMAT...]");
    };
    let runs: usize = args.get(1).map_or(Ok(1), |r| r.parse())?;
    let formats: Vec<Format> = if args.len() > 2 {
        args[2..].iter().map(|f| f.parse()).collect::<Result<_, _>>().map_err(anyhow::Error::msg)?
    } else {
        Format::ALL.to_vec()
    };
    let lex = Lexicon::builtin();
    let t = Instant::now();
    let paths = collect_paths(&[PathBuf::from(dir)])?;
    let (g, _, _) = reportgraph::stream::build_paths_with(&paths, &lex, &BuildOptions::default(), &ReadOptions::default(), None);
    eprintln!(
        "built {} nodes, {} edges in {:.2} s",
        g.node_count(),
        g.edge_count(),
        t.elapsed().as_secs_f64()
    );
    for run in 0..runs {
        for &f in &formats {
            let t = Instant::now();
            let bytes = export(&g, f);
            let s = t.elapsed().as_secs_f64();
            println!(
                "run {run}: {f:<8} {s:7.3} s  {:8.1} MB  {:7.1} MB/s",
                bytes as f64 / 1e6,
                bytes as f64 / 1e6 / s
            );
        }
    }
    Ok(())
}
