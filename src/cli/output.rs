//! Shared plumbing of the query subcommands: the graph to read, the output format, and
//! printing tables, CSV and JSON.

use anyhow::Context;
use comfy_table::{presets, ContentArrangement, Table};
use reportgraph::query::QueryError;
use reportgraph::ReportGraph;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// Exit code: the query name was not found or is ambiguous.
pub const EXIT_QUERY: u8 = 3;

/// Where the graph is and how to print the answer.
#[derive(clap::Args, Debug)]
pub struct Common {
    /// The graph to query (graph.json as `reportgraph build` writes it; never rebuilt).
    #[arg(long, value_name = "FILE", default_value = "graphs/graph.json")]
    pub graph: PathBuf,
    /// Print JSON (a documented, stable shape: see the reportgraph::query docs).
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV (the main table of the answer).
    #[arg(long)]
    pub csv: bool,
}

impl Common {
    /// Loads the graph.
    pub fn load(&self) -> anyhow::Result<ReportGraph> {
        reportgraph::graph::load_json(&self.graph).with_context(|| {
            format!(
                "loading {} (run `reportgraph build` first, or pass --graph FILE)",
                self.graph.display()
            )
        })
    }
}

/// Reports a failed name lookup on stderr and returns [`EXIT_QUERY`]; other query errors
/// (bad dates) are fatal.
pub fn query_failed(e: QueryError) -> anyhow::Result<u8> {
    match e {
        QueryError::NotFound { .. } | QueryError::Ambiguous { .. } => {
            eprintln!("reportgraph: {e}");
            Ok(EXIT_QUERY)
        }
        other => Err(other.into()),
    }
}

/// Prints a value as pretty JSON.
pub fn json<T: Serialize>(v: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// A table of strings: header and rows.
pub struct Rows {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Rows {
    /// An empty table with these columns.
    pub fn new(header: &[&'static str]) -> Rows {
        Rows {
            header: header.to_vec(),
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// True when there is no row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Prints CSV with a header line.
    pub fn csv(&self) -> anyhow::Result<()> {
        let mut w = csv::Writer::from_writer(std::io::stdout().lock());
        w.write_record(&self.header)?;
        for r in &self.rows {
            w.write_record(r)?;
        }
        w.flush()?;
        Ok(())
    }

    /// Prints an aligned table: box-drawn and fitted to the width on a terminal, plain
    /// ASCII otherwise.
    pub fn table(&self) -> anyhow::Result<()> {
        let mut t = Table::new();
        if t.is_tty() {
            t.load_style(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            t.load_style(presets::ASCII_BORDERS_ONLY_CONDENSED);
        }
        t.set_header(self.header.clone());
        for r in &self.rows {
            t.add_row(r.clone());
        }
        let mut out = std::io::stdout().lock();
        writeln!(out, "{t}")?;
        out.flush()?;
        Ok(())
    }
}

/// Prints a heading line and `label: value` lines, skipping empty values.
pub fn fields(title: &str, items: &[(&str, String)]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{title}")?;
    let width = items
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, _)| k.len())
        .max()
        .unwrap_or(0);
    for (k, v) in items {
        if !v.is_empty() {
            writeln!(out, "  {k:<width$}  {v}")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Prints a line on stdout (an error, not a panic, when stdout is closed).
pub fn line(s: impl std::fmt::Display) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{s}")?;
    Ok(())
}

/// Prints a section title before a table.
pub fn section(title: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out)?;
    writeln!(out, "{title}")?;
    Ok(())
}

/// Parses a role name (`speaker`, `chief_guest` …).
pub fn parse_role(s: &str) -> Result<reportgraph::EdgeKind, String> {
    reportgraph::EdgeKind::parse(s.trim())
        .filter(|k| k.is_role())
        .ok_or_else(|| {
            let roles: Vec<&str> = reportgraph::EdgeKind::ALL
                .iter()
                .filter(|k| k.is_role())
                .map(|k| k.as_str())
                .collect();
            format!("unknown role (roles: {})", roles.join(", "))
        })
}

/// Checks a date bound (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
pub fn parse_date(s: &str) -> Result<String, String> {
    if reportgraph::query::is_iso_prefix(s) {
        Ok(s.to_string())
    } else {
        Err("expected YYYY, YYYY-MM or YYYY-MM-DD".into())
    }
}

/// An optional value as table text.
pub fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}
