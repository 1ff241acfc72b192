//! `reportgraph eval --gold DIR [INPUT]...`: build and score against gold annotations.

use super::{build_inputs, EXIT_OK, EXIT_SKIPPED};
use reportgraph::ingest::ReadOptions;
use reportgraph::pipeline::BuildOptions;
use std::path::PathBuf;

/// Arguments of `eval`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder of gold files (one JSON per report, see tests/gold/SCHEMA.md).
    #[arg(long)]
    pub gold: PathBuf,
    /// Report files or folders.
    #[arg(default_value = "data/reports")]
    pub inputs: Vec<PathBuf>,
    /// Skip reports larger than this (bytes, or with k/M/G), as in `build`.
    #[arg(long, value_name = "SIZE", default_value = "10M", value_parser = reportgraph::ingest::parse_size)]
    pub max_bytes: u64,
    /// Print one JSON object instead of lines.
    #[arg(long)]
    pub json: bool,
}

/// Runs `eval`.
pub fn run(a: Args, lex: &reportgraph::Lexicon) -> anyhow::Result<u8> {
    let (g, _, skipped) = build_inputs(&a.inputs, &ReadOptions { max_bytes: a.max_bytes }, lex, &BuildOptions::default(), a.json)?;
    let gold = reportgraph::eval::load_gold(&a.gold, None)?;
    let scores = reportgraph::eval::score(&g, &gold, None);
    if a.json {
        println!("{}", scores.to_json_string());
    } else {
        print!("{scores}");
    }
    Ok(if skipped > 0 { EXIT_SKIPPED } else { EXIT_OK })
}
