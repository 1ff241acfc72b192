//! `reportgraph path A B`: the shortest chain of shared events / institutions linking two
//! people or institutions.

use super::output::{query_failed, Common, Rows};
use super::EXIT_OK;
use reportgraph::query::{path, GraphIndex, PathOptions};

/// Arguments of `path`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// A person or institution.
    pub a: String,
    /// Another person or institution.
    pub b: String,
    #[command(flatten)]
    pub common: Common,
}

/// Runs `path`. No chain is not an error: it is said, and the exit code is 0.
pub fn run(a: Args, lex: &reportgraph::Lexicon) -> anyhow::Result<u8> {
    let g = a.common.load()?;
    let index = GraphIndex::with_lexicon(&g, lex);
    let chain = match path(&index, &a.a, &a.b, &PathOptions::default()) {
        Ok(x) => x,
        Err(e) => return query_failed(e),
    };
    if a.common.json {
        super::output::json(&chain)?;
        return Ok(EXIT_OK);
    }
    let mut rows = if a.common.csv {
        Rows::new(&[
            "step", "from_id", "from", "relation", "forward", "to_id", "to", "session", "document",
            "evidence",
        ])
    } else {
        Rows::new(&["#", "from", "relation", "to", "evidence"])
    };
    for (i, s) in chain.steps.iter().enumerate() {
        let ev = s.evidence.as_ref();
        let snippet = ev.map(|e| e.snippet().to_string()).unwrap_or_default();
        if a.common.csv {
            rows.push(vec![
                (i + 1).to_string(),
                s.from.id.clone(),
                s.from.label.clone(),
                s.relation.to_string(),
                s.forward.to_string(),
                s.to.id.clone(),
                s.to.label.clone(),
                s.session.clone().unwrap_or_default(),
                ev.map(|e| e.document().to_string()).unwrap_or_default(),
                snippet,
            ]);
        } else {
            let arrow = match (&s.session, s.forward) {
                (Some(x), true) => format!("{} ({x}) →", s.relation),
                (Some(x), false) => format!("← {} ({x})", s.relation),
                (None, true) => format!("{} →", s.relation),
                (None, false) => format!("← {}", s.relation),
            };
            let source = ev
                .map(|e| format!("[{}] {}", e.document(), e.snippet()))
                .unwrap_or_default();
            rows.push(vec![
                (i + 1).to_string(),
                s.from.label.clone(),
                arrow,
                s.to.label.clone(),
                source,
            ]);
        }
    }
    if a.common.csv {
        rows.csv()?;
    } else if !chain.connected {
        super::output::line(format_args!(
            "no chain of shared events or institutions links {} and {}",
            chain.from.label, chain.to.label
        ))?;
    } else {
        super::output::line(format_args!(
            "{} → {}: {} step(s)",
            chain.from.label,
            chain.to.label,
            chain.steps.len()
        ))?;
        if !rows.is_empty() {
            rows.table()?;
        }
    }
    Ok(EXIT_OK)
}
