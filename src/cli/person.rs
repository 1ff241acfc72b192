//! `reportgraph person NAME`: a person's profile.

use super::output::{fields, opt, query_failed, section, Common, Rows};
use super::EXIT_OK;
use reportgraph::query::{person, roles_text, GraphIndex, ProfileOptions};

/// Arguments of `person`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The person (case, accents, honorifics and known aliases do not matter).
    pub name: String,
    /// How many co-participants to list.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub co_participants: usize,
    #[command(flatten)]
    pub common: Common,
}

/// Runs `person`. `--csv` prints the events table.
pub fn run(a: Args, lex: &reportgraph::Lexicon) -> anyhow::Result<u8> {
    let g = a.common.load()?;
    let index = GraphIndex::with_lexicon(&g, lex);
    let p = match person(
        &index,
        &a.name,
        &ProfileOptions {
            co_participants: a.co_participants,
        },
    ) {
        Ok(x) => x,
        Err(e) => return query_failed(e),
    };
    if a.common.json {
        super::output::json(&p)?;
        return Ok(EXIT_OK);
    }
    let mut events = Rows::new(&["date", "event", "roles", "event id"]);
    for e in &p.events {
        events.push(vec![
            opt(&e.event.date),
            e.event.title.clone(),
            roles_text(&e.roles),
            e.event.id.clone(),
        ]);
    }
    if a.common.csv {
        events.csv()?;
        return Ok(EXIT_OK);
    }
    let join = |v: Vec<String>| v.join("; ");
    fields(
        &format!("{} ({})", p.person.label, p.person.id),
        &[
            ("aliases", join(p.aliases.clone())),
            (
                "affiliations",
                join(p.affiliations.iter().map(ToString::to_string).collect()),
            ),
            (
                "topics",
                join(p.topics.iter().map(|t| t.label.clone()).collect()),
            ),
            (
                "mentioned at",
                join(p.mentioned_at.iter().map(|e| e.title.clone()).collect()),
            ),
            ("reports", join(p.documents.clone())),
        ],
    )?;
    if !events.is_empty() {
        section("Events")?;
        events.table()?;
    }
    if !p.co_participants.is_empty() {
        section("Most frequent co-participants (speaking roles)")?;
        let mut co = Rows::new(&["co-participant", "shared events"]);
        for c in &p.co_participants {
            co.push(vec![c.person.label.clone(), c.shared_events.to_string()]);
        }
        co.table()?;
    }
    Ok(EXIT_OK)
}
