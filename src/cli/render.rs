//! `reportgraph render [--view V] [--format svg|png|pdf] [--layout L] [--graph FILE] -o FILE`:
//! an image of a view, drawn by Graphviz.

use super::export::ViewArgs;
use super::EXIT_OK;
use anyhow::Context;
use reportgraph::export::dot::Layout;
use reportgraph::export::render::{render, ImageFormat};
use reportgraph::export::write_atomic;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `render`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub view: ViewArgs,
    /// Image format: svg, png or pdf (default: from the output file's extension, else svg).
    #[arg(long, short, value_parser = parse_format)]
    pub format: Option<ImageFormat>,
    /// Graphviz layout engine: dot, neato, sfdp, fdp or circo.
    #[arg(long, short, default_value = "sfdp", value_parser = parse_layout)]
    pub layout: Layout,
    /// The image file to write.
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
}

fn parse_format(s: &str) -> Result<ImageFormat, String> {
    s.parse()
}

fn parse_layout(s: &str) -> Result<Layout, String> {
    s.parse()
}

/// Runs `render`.
pub fn run(a: Args) -> anyhow::Result<u8> {
    let format = a
        .format
        .or_else(|| ImageFormat::from_path(&a.output))
        .unwrap_or_default();
    let g = a.view.load_view()?;
    let bytes = render(&g, a.layout, format, a.view.clusters)?;
    if let Some(dir) = a.output.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    write_atomic(&a.output, |w: &mut dyn Write| Ok(w.write_all(&bytes)?))
        .with_context(|| format!("writing {}", a.output.display()))?;
    if !a.view.quiet {
        eprintln!(
            "wrote {} ({} view, {} layout, {}: {} nodes, {} edges)",
            a.output.display(),
            a.view.view,
            a.layout,
            format,
            g.node_count(),
            g.edge_count()
        );
    }
    Ok(EXIT_OK)
}
