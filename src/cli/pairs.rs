//! `reportgraph pairs`: the co-participant pairs with the most shared events.

use super::output::{parse_date, parse_role, Common, Rows};
use super::EXIT_OK;
use reportgraph::query::{pairs, DateRange, GraphIndex, PairsOptions};
use reportgraph::EdgeKind;

/// Arguments of `pairs`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// How many pairs to list.
    #[arg(short = 'n', long = "number", default_value_t = 10)]
    pub n: usize,
    /// Roles considered on both sides, comma-separated (default: every speaking role).
    #[arg(long, value_delimiter = ',', value_parser = parse_role, value_name = "ROLE,...")]
    pub role: Vec<EdgeKind>,
    /// Only events on or after this date (undated events are left out).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub since: Option<String>,
    /// Only events on or before this date (undated events are left out).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub until: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

/// Runs `pairs`.
pub fn run(a: Args, lex: &reportgraph::Lexicon) -> anyhow::Result<u8> {
    let g = a.common.load()?;
    let index = GraphIndex::with_lexicon(&g, lex);
    let dates = DateRange::new(a.since.as_deref(), a.until.as_deref())?;
    let found = pairs(
        &index,
        &PairsOptions {
            n: a.n,
            roles: a.role,
            dates,
        },
    );
    if a.common.json {
        super::output::json(&found)?;
        return Ok(EXIT_OK);
    }
    let csv = a.common.csv;
    let mut rows = if csv {
        Rows::new(&["a_id", "a", "b_id", "b", "count", "events"])
    } else {
        Rows::new(&["a", "b", "shared events", "events"])
    };
    for p in &found {
        let events: Vec<String> = p
            .events
            .iter()
            .map(|e| match &e.date {
                Some(d) => format!("{} ({d})", e.title),
                None => e.title.clone(),
            })
            .collect();
        if csv {
            rows.push(vec![
                p.a.id.clone(),
                p.a.label.clone(),
                p.b.id.clone(),
                p.b.label.clone(),
                p.count.to_string(),
                events.join("; "),
            ]);
        } else {
            rows.push(vec![
                p.a.label.clone(),
                p.b.label.clone(),
                p.count.to_string(),
                events.join("; "),
            ]);
        }
    }
    if csv {
        rows.csv()?;
    } else if rows.is_empty() {
        super::output::line(format_args!("no two persons took part in the same event"))?;
    } else {
        rows.table()?;
    }
    Ok(EXIT_OK)
}
