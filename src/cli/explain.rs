//! `reportgraph explain NAME`: how an entity was resolved — which spellings were merged
//! into it, from which reports, and why.

use super::output::{query_failed, Common};
use super::EXIT_OK;
use reportgraph::query::GraphIndex;
use reportgraph::NodeKind;
use serde::Serialize;

/// Arguments of `explain`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// A person, institution or event (case, accents, honorifics and aliases do not matter).
    pub name: String,
    #[command(flatten)]
    pub common: Common,
}

/// The answer, also printed with `--json`.
#[derive(Serialize)]
struct Explanation<'a> {
    id: &'a str,
    kind: &'static str,
    label: &'a str,
    aliases: &'a [String],
    documents: &'a [String],
    /// "spelling (report): reason" for every report-level record joined to another.
    merges: &'a [String],
    /// Where the entity is first mentioned in each report.
    evidence: Vec<String>,
}

/// Runs `explain`.
pub fn run(a: Args, lex: &reportgraph::Lexicon) -> anyhow::Result<u8> {
    let g = a.common.load()?;
    let index = GraphIndex::with_lexicon(&g, lex);
    let ix = match index.resolve(&a.name, &[NodeKind::Person, NodeKind::Institution, NodeKind::Event]) {
        Ok(ix) => ix,
        Err(e) => return query_failed(e),
    };
    let n = &g.graph[ix];
    let x = Explanation {
        id: &n.id,
        kind: n.kind().as_str(),
        label: &n.label,
        aliases: &n.aliases,
        documents: &n.documents,
        merges: &n.merges,
        evidence: n.evidence.iter().map(|e| format!("{} [{}..{}]: {}", e.document(), e.start(), e.end(), e.snippet())).collect(),
    };
    if a.common.json {
        super::output::json(&x)?;
        return Ok(EXIT_OK);
    }
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{} ({}, {})", x.label, x.kind, x.id)?;
    writeln!(out, "spellings: {}", if x.aliases.is_empty() { "(none other)".to_string() } else { x.aliases.join("; ") })?;
    writeln!(out, "reports:   {}", x.documents.join(", "))?;
    if x.merges.is_empty() {
        writeln!(out, "merges:    none across reports (one record per report, same name key)")?;
    } else {
        writeln!(out, "merges:")?;
        for m in x.merges {
            writeln!(out, "  {m}")?;
        }
    }
    writeln!(out, "evidence:")?;
    for e in &x.evidence {
        writeln!(out, "  {e}")?;
    }
    Ok(EXIT_OK)
}
