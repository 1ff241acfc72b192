//! `reportgraph alongside NAME`: who took a speaking part at the same events as NAME.

use super::output::{parse_date, parse_role, query_failed, Common, Rows};
use super::EXIT_OK;
use reportgraph::query::{alongside, roles_text, AlongsideOptions, DateRange, GraphIndex};
use reportgraph::EdgeKind;

/// Arguments of `alongside`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The person (case, accents, honorifics and known aliases do not matter).
    pub name: String,
    /// Roles considered on both sides, comma-separated (default: every speaking role).
    #[arg(long, value_delimiter = ',', value_parser = parse_role, value_name = "ROLE,...")]
    pub role: Vec<EdgeKind>,
    /// Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD; undated events are left out).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub since: Option<String>,
    /// Only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD; undated events are left out).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub until: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

/// Runs `alongside`.
pub fn run(a: Args, lex: &reportgraph::Lexicon) -> anyhow::Result<u8> {
    let g = a.common.load()?;
    let index = GraphIndex::with_lexicon(&g, lex);
    let dates = DateRange::new(a.since.as_deref(), a.until.as_deref())?;
    let answer = match alongside(
        &index,
        &a.name,
        &AlongsideOptions {
            roles: a.role,
            dates,
        },
    ) {
        Ok(x) => x,
        Err(e) => return query_failed(e),
    };
    if a.common.json {
        super::output::json(&answer)?;
        return Ok(EXIT_OK);
    }
    let csv = a.common.csv;
    let mut rows = if csv {
        Rows::new(&[
            "id",
            "label",
            "count",
            "event_id",
            "event_title",
            "event_date",
            "roles",
            "their_roles",
        ])
    } else {
        Rows::new(&[
            "co-participant",
            "events",
            "event",
            "date",
            "their roles",
            "roles",
        ])
    };
    for c in &answer.co_participants {
        for (i, e) in c.events.iter().enumerate() {
            let date = e.event.date.clone().unwrap_or_default();
            if csv {
                rows.push(vec![
                    c.person.id.clone(),
                    c.person.label.clone(),
                    c.count.to_string(),
                    e.event.id.clone(),
                    e.event.title.clone(),
                    date,
                    roles_text(&e.roles),
                    roles_text(&e.their_roles),
                ]);
            } else {
                let (name, count) = if i == 0 {
                    (c.person.label.clone(), c.count.to_string())
                } else {
                    (String::new(), String::new())
                };
                rows.push(vec![
                    name,
                    count,
                    e.event.title.clone(),
                    date,
                    roles_text(&e.their_roles),
                    roles_text(&e.roles),
                ]);
            }
        }
    }
    if csv {
        rows.csv()?;
    } else {
        super::output::line(format_args!(
            "{} ({}): {} co-participant(s) at {} event(s)",
            answer.person.label,
            answer.person.id,
            answer.co_participants.len(),
            answer.events
        ))?;
        if !rows.is_empty() {
            rows.table()?;
        }
    }
    Ok(EXIT_OK)
}
