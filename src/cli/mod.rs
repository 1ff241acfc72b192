//! Command-line parsing and dispatch; one file per subcommand.

mod alongside;
mod build;
mod eval;
mod export;
mod event;
mod explain;
mod output;
mod pairs;
mod path;
mod person;
mod render;
mod top;

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
  2  finished, but some input files were skipped (one line per file on stderr)
  3  query name not found or ambiguous (suggestions or candidates on stderr)";

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
    /// Write any format (json, graphml, gexf, dot, csv, neo4j, cytoscape) of any view
    /// (full, alongside, affiliation, institutions) of a saved graph.
    #[command(after_help = EXIT_HELP)]
    Export(export::Args),
    /// Draw a view of a saved graph as SVG, PNG or PDF with Graphviz.
    #[command(after_help = EXIT_HELP)]
    Render(render::Args),
    /// Who took a speaking part at the same events as NAME (reads graphs/graph.json).
    #[command(after_help = EXIT_HELP)]
    Alongside(alongside::Args),
    /// A person's profile: aliases, affiliations, events, topics, co-participants, reports.
    #[command(after_help = EXIT_HELP)]
    Person(person::Args),
    /// An event's date, venue, organisers, sessions, participants by role and topics.
    #[command(after_help = EXIT_HELP)]
    Event(event::Args),
    /// The shortest chain of shared events / institutions linking two people or institutions.
    #[command(after_help = EXIT_HELP)]
    Path(path::Args),
    /// The most central persons, institutions or topics.
    #[command(after_help = EXIT_HELP)]
    Top(top::Args),
    /// The co-participant pairs with the most shared events.
    #[command(after_help = EXIT_HELP)]
    Pairs(pairs::Args),
    /// How an entity was resolved: the spellings merged into it, their reports, and why.
    #[command(after_help = EXIT_HELP)]
    Explain(explain::Args),
}

/// Parses arguments and runs the subcommand.
pub fn run() -> ExitCode {
    // usage errors exit 1 (2 means "some inputs skipped"); help and version exit 0
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_FATAL } else { EXIT_OK });
        }
    };
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
        Command::Export(a) => export::run(a),
        Command::Render(a) => render::run(a),
        Command::Alongside(a) => alongside::run(a, &lex),
        Command::Person(a) => person::run(a, &lex),
        Command::Event(a) => event::run(a, &lex),
        Command::Path(a) => path::run(a, &lex),
        Command::Top(a) => top::run(a, &lex),
        Command::Pairs(a) => pairs::run(a, &lex),
        Command::Explain(a) => explain::run(a, &lex),
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

/// Builds the graph of the inputs, streaming ([`reportgraph::stream`]): files are read and
/// extracted in parallel and only their extractions kept. `-` reads standard input. Every
/// file that cannot be used is reported on stderr, one line each (`reportgraph: skipped
/// PATH: REASON`); a missing input or an unreadable folder is fatal. A progress bar shows
/// on stderr when it is a terminal and `quiet` is off. Returns the graph, the number of
/// reports read and the number skipped.
pub(crate) fn build_inputs(
    inputs: &[std::path::PathBuf],
    read: &reportgraph::ingest::ReadOptions,
    lex: &reportgraph::Lexicon,
    opts: &reportgraph::pipeline::BuildOptions,
    quiet: bool,
) -> anyhow::Result<(reportgraph::ReportGraph, usize, usize)> {
    use reportgraph::stream::{self, Skip};
    let paths = reportgraph::ingest::collect_paths(inputs)?;
    let bar = if quiet { None } else { stream::progress_bar(paths.len()) };
    let feed = |p| {
        if let Some(b) = &bar {
            stream::feed(b, p);
        }
    };
    let (g, skipped, times) = stream::build_paths_with(&paths, lex, opts, read, Some(&feed));
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    for s in &skipped {
        let hint = if matches!(s, Skip::Unreadable(reportgraph::ingest::IngestError::TooLarge { .. })) { " (raise the limit with --max-bytes)" } else { "" };
        eprintln!("reportgraph: skipped {s}{hint}");
    }
    Ok((g, times.documents, skipped.len()))
}
