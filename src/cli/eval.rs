//! `reportgraph eval --gold DIR [INPUT]...`: build and score against gold annotations.

use super::{read_inputs, EXIT_OK, EXIT_SKIPPED};
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
    /// Print one JSON object instead of lines.
    #[arg(long)]
    pub json: bool,
}

/// Runs `eval`.
pub fn run(a: Args, lex: &reportgraph::Lexicon) -> anyhow::Result<u8> {
    let (docs, skipped) = read_inputs(&a.inputs)?;
    let g = reportgraph::build(&docs, lex, &BuildOptions::default());
    let gold = reportgraph::eval::load_gold(&a.gold, None)?;
    let scores = reportgraph::eval::score(&g, &gold, None);
    if a.json {
        println!("{}", scores.to_json_string());
    } else {
        print!("{scores}");
    }
    Ok(if skipped > 0 { EXIT_SKIPPED } else { EXIT_OK })
}
