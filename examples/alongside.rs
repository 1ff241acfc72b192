//! Asks a built graph the questions of `reportgraph::query` from code.
//!
//! Usage: `cargo run --example alongside -- [NAME] [GRAPH]`
//! (defaults: "Roksolana Zigon" and graphs/graph.json; run `reportgraph build` first).
use reportgraph::query::{self, AlongsideOptions, GraphIndex, Measure, QueryError, TopOptions};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "Roksolana Zigon".into());
    let path = args.next().unwrap_or_else(|| "graphs/graph.json".into());

    // load once, index once, then ask
    let graph = reportgraph::graph::load_json(path.as_ref())?;
    let index = GraphIndex::new(&graph);

    let answer = match query::alongside(&index, &name, &AlongsideOptions::default()) {
        Ok(a) => a,
        Err(e @ (QueryError::NotFound { .. } | QueryError::Ambiguous { .. })) => {
            eprintln!("{e}");
            std::process::exit(3);
        }
        Err(e) => return Err(e.into()),
    };
    println!("{} spoke alongside:", answer.person.label);
    for c in &answer.co_participants {
        let events: Vec<String> = c
            .events
            .iter()
            .map(|e| {
                format!(
                    "{} ({})",
                    e.event.title,
                    e.event.date.as_deref().unwrap_or("undated")
                )
            })
            .collect();
        println!(
            "  {:<24} {}× {}",
            c.person.label,
            c.count,
            events.join("; ")
        );
    }

    let profile = query::person(&index, &name, &Default::default())?;
    println!(
        "\naffiliations: {}",
        profile
            .affiliations
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    );

    if let Some(first) = answer.co_participants.first() {
        let chain = query::path(&index, &name, &first.person.id, &Default::default())?;
        println!("\nchain to {}:", first.person.label);
        for s in &chain.steps {
            println!("  {} -[{}]- {}", s.from.label, s.relation, s.to.label);
        }
    }

    println!("\nmost central persons by betweenness:");
    for r in query::top(
        &index,
        &TopOptions {
            by: Measure::Betweenness,
            n: 5,
            ..Default::default()
        },
    ) {
        println!("  {}. {} {:.4}", r.rank, r.node.label, r.score);
    }
    println!("\npairs with most shared events:");
    for p in query::pairs(
        &index,
        &query::PairsOptions {
            n: 5,
            ..Default::default()
        },
    ) {
        println!("  {} & {}: {}", p.a.label, p.b.label, p.count);
    }
    Ok(())
}
