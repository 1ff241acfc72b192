//! `reportgraph event QUERY`: an event's profile.

use super::output::{fields, query_failed, section, Common, Rows};
use super::EXIT_OK;
use reportgraph::query::{event, GraphIndex};

/// Arguments of `event`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The event: its id, title or words of it, or a date (YYYY[-MM[-DD]]).
    pub query: String,
    #[command(flatten)]
    pub common: Common,
}

/// Runs `event`. `--csv` prints the participants table.
pub fn run(a: Args, lex: &reportgraph::Lexicon) -> anyhow::Result<u8> {
    let g = a.common.load()?;
    let index = GraphIndex::with_lexicon(&g, lex);
    let e = match event(&index, &a.query) {
        Ok(x) => x,
        Err(e) => return query_failed(e),
    };
    if a.common.json {
        super::output::json(&e)?;
        return Ok(EXIT_OK);
    }
    let mut people = Rows::new(&["role", "session", "person", "affiliations", "person id"]);
    for group in &e.participants {
        for p in &group.persons {
            let affs: Vec<String> = p.affiliations.iter().map(ToString::to_string).collect();
            people.push(vec![
                group.role.to_string(),
                p.session.clone().unwrap_or_default(),
                p.person.label.clone(),
                affs.join("; "),
                p.person.id.clone(),
            ]);
        }
    }
    if a.common.csv {
        people.csv()?;
        return Ok(EXIT_OK);
    }
    let labels = |v: &[reportgraph::query::NodeRef]| {
        v.iter()
            .map(|n| n.label.clone())
            .collect::<Vec<_>>()
            .join("; ")
    };
    fields(
        &format!(
            "{} ({})",
            e.title.as_deref().unwrap_or(&e.event.label),
            e.event.id
        ),
        &[
            ("date", e.date.clone().unwrap_or_default()),
            ("kind", e.subtype.clone().unwrap_or_default()),
            ("venue", e.venue.clone().unwrap_or_default()),
            ("city", e.city.clone().unwrap_or_default()),
            ("places", labels(&e.places)),
            ("organisers", labels(&e.organisers)),
            ("sessions", e.sessions.join("; ")),
            ("topics", labels(&e.topics)),
            ("mentioned", labels(&e.mentioned)),
            ("reports", e.documents.join("; ")),
        ],
    )?;
    if !people.is_empty() {
        section("Participants")?;
        people.table()?;
    }
    Ok(EXIT_OK)
}
