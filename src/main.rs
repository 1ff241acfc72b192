//! The `reportgraph` command line: glue over the library.

use std::process::ExitCode;

mod cli;

fn main() -> ExitCode {
    cli::run()
}
