//! `reportgraph top`: the most central entities.

use super::output::{Common, Rows};
use super::EXIT_OK;
use reportgraph::query::{top, GraphIndex, Measure, TopOptions};
use reportgraph::NodeKind;

/// Which entities to rank.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Kind {
    /// Persons.
    Person,
    /// Institutions.
    Institution,
    /// Topics.
    Topic,
    /// Events.
    Event,
    /// Places.
    Place,
}

/// What "central" means.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum By {
    /// Number of distinct neighbours.
    Degree,
    /// Number of distinct events linked.
    Events,
    /// Normalised betweenness centrality.
    Betweenness,
    /// PageRank.
    Pagerank,
}

/// Arguments of `top`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Which entities to rank.
    #[arg(long, value_enum, default_value = "person")]
    pub kind: Kind,
    /// The measure.
    #[arg(long, value_enum, default_value = "degree")]
    pub by: By,
    /// How many to list.
    #[arg(short = 'n', long = "number", default_value_t = 10)]
    pub n: usize,
    #[command(flatten)]
    pub common: Common,
}

/// Runs `top`.
pub fn run(a: Args, lex: &reportgraph::Lexicon) -> anyhow::Result<u8> {
    let g = a.common.load()?;
    let index = GraphIndex::with_lexicon(&g, lex);
    let kind = match a.kind {
        Kind::Person => NodeKind::Person,
        Kind::Institution => NodeKind::Institution,
        Kind::Topic => NodeKind::Topic,
        Kind::Event => NodeKind::Event,
        Kind::Place => NodeKind::Place,
    };
    let by = match a.by {
        By::Degree => Measure::Degree,
        By::Events => Measure::Events,
        By::Betweenness => Measure::Betweenness,
        By::Pagerank => Measure::PageRank,
    };
    let ranked = top(&index, &TopOptions { kind, by, n: a.n });
    if a.common.json {
        super::output::json(&ranked)?;
        return Ok(EXIT_OK);
    }
    let integral = matches!(by, Measure::Degree | Measure::Events);
    let mut rows = Rows::new(&["rank", "id", "label", by.as_str()]);
    for r in &ranked {
        let score = if integral {
            format!("{}", r.score)
        } else {
            format!("{:.4}", r.score)
        };
        rows.push(vec![
            r.rank.to_string(),
            r.node.id.clone(),
            r.node.label.clone(),
            score,
        ]);
    }
    if a.common.csv {
        rows.csv()?;
    } else if rows.is_empty() {
        super::output::line(format_args!("no {kind} scores above 0 by {by}"))?;
    } else {
        rows.table()?;
    }
    Ok(EXIT_OK)
}
