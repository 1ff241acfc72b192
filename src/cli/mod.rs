//! Command-line parsing and dispatch; one file per subcommand.

mod build;
mod eval;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::process::ExitCode;

/// Exit code: everything went well.
pub const EXIT_OK: u8 = 0;
/// Exit code: the job finished, but some input files were skipped.
pub const EXIT_SKIPPED: u8 = 2;
/// Exit code: fatal error (bad arguments, unreadable folder, cannot write outputs).
pub const EXIT_FATAL: u8 = 1;

const EXIT_HELP: &str = "Exit codes:
  0  success
  1  fatal error (bad arguments, unreadable input folder, outputs not written)
  2  finished, but some input files were skipped (one line per file on stderr)";

/// Persons, institutions, events and topics of event reports, as a graph for Gephi,
/// Graphviz and networkx.
#[derive(Parser, Debug)]
#[command(name = "reportgraph", version, about, after_help = EXIT_HELP)]
pub struct Cli {
    /// Folder of lexicon files replacing the built-in ones (data/lexicon layout).
    #[arg(long, global = true, value_name = "DIR")]
    pub lexicon: Option<std::path::PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the graph of a set of reports and write graph.json, .graphml, .gexf, .dot.
    #[command(after_help = EXIT_HELP)]
    Build(build::Args),
    /// Build from reports and score the graph against gold annotations.
    #[command(after_help = EXIT_HELP)]
    Eval(eval::Args),
}

/// Parses arguments and runs the subcommand.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let lex = match &cli.lexicon {
        Some(dir) => match reportgraph::lexicon::Lexicon::from_dir(dir) {
            Ok(l) => l,
            Err(e) => return fatal(&anyhow::Error::new(e)),
        },
        None => reportgraph::Lexicon::builtin(),
    };
    let res = match cli.command {
        Command::Build(a) => build::run(a, &lex),
        Command::Eval(a) => eval::run(a, &lex),
    };
    match res {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // a closed pipe is not an error
            if e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)) {
                return ExitCode::from(EXIT_OK);
            }
            fatal(&e)
        }
    }
}

fn fatal(e: &anyhow::Error) -> ExitCode {
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "reportgraph: error: {e}");
    for c in e.chain().skip(1) {
        let _ = write!(err, ": {c}");
    }
    let _ = writeln!(err);
    ExitCode::from(EXIT_FATAL)
}

/// The user's aliases rules: the given file, else `data/aliases.toml` when it exists.
pub(crate) fn load_aliases(path: Option<&std::path::Path>) -> anyhow::Result<(reportgraph::resolve::Aliases, Option<std::path::PathBuf>)> {
    let default = std::path::Path::new("data/aliases.toml");
    let p = match path {
        Some(p) => p.to_path_buf(),
        None if default.exists() => default.to_path_buf(),
        None => return Ok((Default::default(), None)),
    };
    Ok((reportgraph::resolve::Aliases::from_file(&p)?, Some(p)))
}

/// Reads the inputs, reporting skipped files on stderr. Returns the documents and the
/// number of skipped files.
pub(crate) fn read_inputs(inputs: &[std::path::PathBuf]) -> anyhow::Result<(Vec<reportgraph::Document>, usize)> {
    let paths = reportgraph::ingest::collect_paths(inputs)?;
    let mut docs = Vec::with_capacity(paths.len());
    let mut skipped = 0;
    for p in &paths {
        match reportgraph::ingest::read_document(p) {
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("reportgraph: skipped {e}");
                skipped += 1;
            }
        }
    }
    Ok((docs, skipped))
}
