//! `reportgraph build [INPUT]... [--out DIR]`: reports in, graph files out.

use super::{build_inputs, EXIT_OK, EXIT_SKIPPED};
use anyhow::Context;
use reportgraph::export::{write_all_timed, Durability};
use reportgraph::ingest::ReadOptions;
use reportgraph::pipeline::BuildOptions;
use std::path::PathBuf;

/// Arguments of `build`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Report files or folders (searched recursively for .txt, .md, .html, .htm, .pdf);
    /// `-` reads standard input.
    #[arg(default_value = "data/reports")]
    pub inputs: Vec<PathBuf>,
    /// Output folder.
    #[arg(long, short, default_value = "graphs")]
    pub out: PathBuf,
    /// Use one thread (extraction and exports).
    #[arg(long)]
    pub single_thread: bool,
    /// Skip reports larger than this (bytes, or with k/M/G): text files, and the text of
    /// HTML and PDF files (whose files may be 8 times larger).
    #[arg(long, value_name = "SIZE", default_value = "10M", value_parser = reportgraph::ingest::parse_size)]
    pub max_bytes: u64,
    /// Sync each output file to disk before renaming it into place, so that it survives a
    /// power loss right after the build (slower: the disk's write time is added). Without it
    /// the outputs are still replaced atomically.
    #[arg(long)]
    pub fsync: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// Rules forcing names to be one entity or keeping them apart (TOML; default
    /// data/aliases.toml when it exists).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
}

/// Runs `build`.
pub fn run(a: Args, lex: &reportgraph::Lexicon) -> anyhow::Result<u8> {
    let (aliases, aliases_file) = super::load_aliases(a.aliases.as_deref())?;
    if a.single_thread {
        // the exports, parallel otherwise, run on rayon's global pool
        let _ = rayon::ThreadPoolBuilder::new().num_threads(1).build_global();
    }
    let opts = BuildOptions { single_thread: a.single_thread, aliases: aliases.clone() };
    let (g, read, skipped) = build_inputs(&a.inputs, &ReadOptions { max_bytes: a.max_bytes }, lex, &opts, a.quiet)?;
    let durability = if a.fsync { Durability::Synced } else { Durability::Atomic };
    let written = write_all_timed(&g, &a.out, durability)
        .map(|files| files.into_iter().map(|(p, _)| p).collect::<Vec<_>>())
        .with_context(|| format!("writing outputs to {}", a.out.display()))?;
    if !a.quiet {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let (nk, ek) = g.counts();
        writeln!(out, "read {read} report(s){}", if skipped > 0 { format!(", skipped {skipped}") } else { String::new() })?;
        for d in &g.documents {
            writeln!(out, "  {d}")?;
        }
        if let Some(f) = aliases_file {
            writeln!(out, "aliases: {} forced together, {} kept apart ({})", aliases.same.len(), aliases.different.len(), f.display())?;
        }
        writeln!(out, "{} nodes, {} edges", g.node_count(), g.edge_count())?;
        for (k, n) in nk {
            writeln!(out, "  {k:<16} {n}")?;
        }
        writeln!(out, "edges:")?;
        for (k, n) in ek {
            writeln!(out, "  {k:<16} {n}")?;
        }
        for p in written {
            writeln!(out, "wrote {}", p.display())?;
        }
    }
    Ok(if skipped > 0 { EXIT_SKIPPED } else { EXIT_OK })
}
