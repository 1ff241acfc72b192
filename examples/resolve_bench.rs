//! Times the single-threaded stages after extraction: resolution and graph building.
//!
//! Extracts a corpus once (all cores), then runs `resolve_with` and `build_graph` on the
//! same extractions several times and prints each run's times:
//!
//! ```sh
//! cargo run --release --example resolve_bench -- DIR [RUNS]
//! ```
//!
//! Each stage is given as wall time and as CPU time of the process (all threads; from
//! `/proc/self/stat`, 10 ms resolution), which says the work done even when other
//! processes share the cores. `RAYON_NUM_THREADS=1` runs the stages on one thread.

use reportgraph::graph::build_graph;
use reportgraph::ingest::{collect_paths, ReadOptions};
use reportgraph::pipeline::BuildOptions;
use reportgraph::resolve::{resolve_with, Aliases};
use reportgraph::stream::extract_paths;
use reportgraph::Lexicon;
use std::path::PathBuf;
use std::time::Instant;

/// The allocator of the `reportgraph` binary, so that the times are the build's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU time of the process so far (user + system), in seconds; 0 where `/proc` is missing.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // fields after the command name, which is in parentheses and may contain spaces
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name
    (ticks(11) + ticks(12)) / 100.0
}

/// Wall and CPU seconds of `f`.
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    let (t, c) = (Instant::now(), cpu_seconds());
    let out = f();
    (out, t.elapsed().as_secs_f64(), cpu_seconds() - c)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        anyhow::bail!("usage: resolve_bench DIR [RUNS]");
    };
    let runs: usize = args.get(1).map_or(Ok(3), |r| r.parse())?;
    let lex = Lexicon::builtin();
    let paths = collect_paths(&[PathBuf::from(dir)])?;
    let t = Instant::now();
    let (xs, skipped, _) = extract_paths(&paths, &lex, &BuildOptions::default(), &ReadOptions::default(), None);
    eprintln!("extracted {} reports ({} skipped) in {:.2} s", xs.len(), skipped.len(), t.elapsed().as_secs_f64());
    let aliases = Aliases::default();
    for run in 0..runs {
        let (resolved, rw, rc) = timed(|| resolve_with(&xs, &lex, &aliases));
        let (g, gw, gc) = timed(|| build_graph(resolved));
        let (nodes, edges) = (g.node_count(), g.edge_count());
        let ((), dw, _) = timed(|| drop(g));
        println!("run {run}: resolve {rw:.3} s (CPU {rc:.2} s), graph {gw:.3} s (CPU {gc:.2} s), drop graph {dw:.3} s; {nodes} nodes, {edges} edges");
    }
    Ok(())
}
