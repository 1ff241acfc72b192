//! The `reportgraph` command line: glue over the library.

use std::process::ExitCode;

mod cli;

/// mimalloc: faster than the system allocator for the many small strings of extraction,
/// and it gives freed memory back between the stages of a large build.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
