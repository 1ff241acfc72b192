//! `reportgraph export --format F [--view V] [filters] [--graph FILE] [-o FILE]`: any
//! format of any view of a saved graph.

use super::EXIT_OK;
use anyhow::{bail, Context};
use reportgraph::export::csv::{write_tables, Flavor};
use reportgraph::export::dot::{write_with, DotOptions};
use reportgraph::export::view::{view, Filters, View};
use reportgraph::export::{write_atomic, ExportError, Format};
use reportgraph::{EdgeKind, NodeKind, ReportGraph};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which view of which saved graph, with which filters (shared by `export` and `render`).
#[derive(clap::Args, Debug, Clone)]
pub struct ViewArgs {
    /// The graph to read (node-link JSON written by `build`).
    #[arg(long, value_name = "FILE", default_value = "graphs/graph.json")]
    pub graph: PathBuf,
    /// full: the report graph; alongside: person–person co-participation (weight = shared
    /// events); affiliation: person–institution; institutions: institution–institution
    /// (weight = shared events).
    #[arg(long, default_value = "full", value_parser = parse_view)]
    pub view: View,
    /// Node kinds to keep (full view), comma-separated: person,institution,event,topic,place.
    #[arg(long, value_delimiter = ',', value_parser = parse_node_kind)]
    pub kinds: Vec<NodeKind>,
    /// Roles that count, comma-separated (speaker,keynote,chair,moderator,discussant,
    /// chief_guest,host,rapporteur,questioner,attendee,author). Default: every role in the
    /// full view, the speaking roles (all but attendee and author) in alongside/institutions.
    #[arg(long, value_delimiter = ',', value_parser = parse_role)]
    pub roles: Vec<EdgeKind>,
    /// Keep events dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD); drops undated events.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Keep events dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD); drops undated events.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Drop edges whose weight is below N (report-graph edges weigh 1).
    #[arg(long, value_name = "N")]
    pub min_weight: Option<f64>,
    /// Keep only what these reports say (file names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "FILES")]
    pub documents: Vec<String>,
    /// DOT and images: one cluster per event (drawn by the dot and fdp layouts).
    #[arg(long)]
    pub clusters: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

fn parse_layout(s: &str) -> Result<reportgraph::export::dot::Layout, String> {
    s.parse()
}

fn parse_view(s: &str) -> Result<View, String> {
    s.parse()
}

fn parse_node_kind(s: &str) -> Result<NodeKind, String> {
    NodeKind::parse(s.trim()).ok_or_else(|| {
        format!("unknown node kind {s:?} (expected person, institution, event, topic or place)")
    })
}

fn parse_role(s: &str) -> Result<EdgeKind, String> {
    match EdgeKind::parse(s.trim()) {
        Some(k) if k.is_role() => Ok(k),
        _ => Err(format!(
            "unknown role {s:?} (expected speaker, keynote, chair, moderator, discussant, \
             chief_guest, host, rapporteur, questioner, attendee or author)"
        )),
    }
}

impl ViewArgs {
    /// Loads the graph and makes the view.
    pub fn load_view(&self) -> anyhow::Result<ReportGraph> {
        let g = reportgraph::graph::load_json(&self.graph).with_context(|| {
            format!(
                "loading {} (write it with `reportgraph build`, or pass --graph FILE)",
                self.graph.display()
            )
        })?;
        let filters = Filters {
            kinds: self.kinds.clone(),
            roles: self.roles.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            min_weight: self.min_weight,
            documents: self.documents.clone(),
        };
        let v = view(&g, self.view, &filters)?;
        if v.node_count() == 0 && !self.quiet {
            eprintln!(
                "reportgraph: warning: the {} view of {} is empty with these filters",
                self.view,
                self.graph.display()
            );
        }
        Ok(v)
    }
}

/// Output formats of `export`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// networkx node-link JSON.
    Json,
    /// GraphML (Gephi, networkx, igraph).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// Graphviz DOT.
    Dot,
    /// nodes.csv + edges.csv for Gephi's spreadsheet import (needs -o DIR).
    Csv,
    /// nodes.csv + edges.csv for neo4j-admin database import (needs -o DIR).
    Neo4j,
    /// Cytoscape.js elements JSON.
    Cytoscape,
}

/// Arguments of `export`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Output format.
    #[arg(long, short, value_enum)]
    pub format: ExportFormat,
    #[command(flatten)]
    pub view: ViewArgs,
    /// DOT only: tune the file for this Graphviz layout engine (dot, neato, sfdp, fdp,
    /// circo), as `render` draws it: wrapped labels, no edge labels, overlap removal.
    #[arg(long, value_parser = parse_layout)]
    pub layout: Option<reportgraph::export::dot::Layout>,
    /// Output file (a folder for csv and neo4j); standard output when absent.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

fn ensure_parent(path: &Path) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    Ok(())
}

/// Runs `export`.
pub fn run(a: Args) -> anyhow::Result<u8> {
    let flavor = match a.format {
        ExportFormat::Csv => Some(Flavor::Gephi),
        ExportFormat::Neo4j => Some(Flavor::Neo4j),
        _ => None,
    };
    if flavor.is_some() && a.output.is_none() {
        let f = if a.format == ExportFormat::Csv {
            "csv"
        } else {
            "neo4j"
        };
        bail!("--format {f} writes two files (nodes.csv and edges.csv): give the folder to write them into with -o DIR");
    }
    let g = a.view.load_view()?;
    let dot = DotOptions {
        clusters: a.view.clusters,
        layout: a.layout,
    };
    let write = |w: &mut dyn Write| -> Result<(), ExportError> {
        match a.format {
            ExportFormat::Json => Format::Json.write(&g, w),
            ExportFormat::Graphml => Format::Graphml.write(&g, w),
            ExportFormat::Gexf => Format::Gexf.write(&g, w),
            ExportFormat::Cytoscape => Format::Cytoscape.write(&g, w),
            ExportFormat::Dot => write_with(&g, &dot, w),
            ExportFormat::Csv | ExportFormat::Neo4j => unreachable!("two-file formats"),
        }
    };
    let written: Vec<PathBuf> = match (&a.output, flavor) {
        (Some(dir), Some(flavor)) => write_tables(&g, flavor, dir)
            .with_context(|| format!("writing {}", dir.display()))?
            .to_vec(),
        (Some(path), None) => {
            ensure_parent(path)?;
            write_atomic(path, write).with_context(|| format!("writing {}", path.display()))?;
            vec![path.clone()]
        }
        (None, _) => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            write(&mut lock).context("writing to standard output")?;
            vec![]
        }
    };
    if !a.view.quiet {
        for p in written {
            eprintln!(
                "wrote {} ({} view: {} nodes, {} edges)",
                p.display(),
                a.view.view,
                g.node_count(),
                g.edge_count()
            );
        }
    }
    Ok(EXIT_OK)
}
