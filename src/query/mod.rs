//! Questions asked of a built graph: who spoke alongside whom, and what an analyst asks next.
//!
//! Build a [`GraphIndex`] once over a [`ReportGraph`](crate::ReportGraph) (usually loaded with
//! [`crate::graph::load_json`]); every question then answers from its indexes (name → node,
//! adjacency by edge kind) without scanning all edges. One file per question:
//!
//! | question | function | answer |
//! |---|---|---|
//! | who took a speaking part at the same events as NAME | [`alongside()`] | [`Alongside`] |
//! | a person's profile | [`person()`] | [`PersonProfile`] |
//! | an event's profile | [`event()`] | [`EventProfile`] |
//! | the shortest chain linking two people or institutions | [`path()`] | [`Chain`] |
//! | the most central entities | [`top()`] | [`Ranked`] |
//! | the co-participant pairs with most shared events | [`pairs()`] | [`Pair`] |
//!
//! Names are matched the way a person types them: case, accents, punctuation, honorifics
//! ("Dr.", "Prof. Dr.", "Amb. (R)") and known aliases do not matter; see
//! [`GraphIndex::resolve`]. An unknown name gives [`QueryError::NotFound`] with "did you mean"
//! suggestions; an ambiguous one [`QueryError::Ambiguous`] with the candidates.
//!
//! Every answer is a plain serde struct whose JSON shape is part of the API: fields are only
//! ever added, never renamed or removed; optional values are `null`, never missing.
//!
//! # Example
//!
//! ```
//! use reportgraph::query::{alongside, AlongsideOptions, GraphIndex};
//! # let json = r#"{"nodes": [
//! #   {"id": "person:jane-roe", "kind": "person", "label": "Jane Roe", "aliases": ["Dr. Jane Roe"]},
//! #   {"id": "person:john-doe", "kind": "person", "label": "John Doe"},
//! #   {"id": "event:e1", "kind": "event", "label": "Seminar", "title": "Seminar", "date": "2025-04-29"}],
//! #  "edges": [
//! #   {"source": "person:jane-roe", "target": "event:e1", "kind": "speaker"},
//! #   {"source": "person:john-doe", "target": "event:e1", "kind": "chair"}]}"#;
//! # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
//! // let graph = reportgraph::graph::load_json("graphs/graph.json".as_ref())?;
//! let index = GraphIndex::new(&graph);
//! let answer = alongside(&index, "dr. jane roe", &AlongsideOptions::default())?;
//! assert_eq!(answer.co_participants[0].person.label, "John Doe");
//! # Ok::<(), reportgraph::query::QueryError>(())
//! ```

pub mod alongside;
pub mod event;
pub mod index;
pub mod names;
pub mod pairs;
pub mod path;
pub mod person;
pub mod top;

#[cfg(test)]
pub(crate) mod testgraph;

pub use alongside::{
    alongside, alongside_node, Alongside, AlongsideOptions, CoParticipant, SharedEvent,
};
pub use event::{event, event_node, EventProfile, Participant, RoleGroup};
pub use index::{Adj, GraphIndex, Participation};
pub use pairs::{pairs, Pair, PairsOptions};
pub use path::{path, path_nodes, Chain, PathOptions, Step};
pub use person::{person, person_node, CoCount, PersonEvent, PersonProfile, ProfileOptions};
pub use top::{top, Measure, Ranked, TopOptions};

use crate::graph::{Edge, EdgeKind, Node, NodeKind};
use serde::Serialize;
use std::fmt;

/// A node as answers show it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct NodeRef {
    /// Stable id, e.g. `person:khurram-iqbal`.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// Node kind.
    pub kind: NodeKind,
}

impl NodeRef {
    /// The reference of a node.
    pub fn of(node: &Node) -> NodeRef {
        NodeRef {
            id: node.id.clone(),
            label: node.label.clone(),
            kind: node.kind(),
        }
    }
}

impl fmt::Display for NodeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.label, self.id)
    }
}

/// An event as answers show it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct EventRef {
    /// Stable id, e.g. `event:2025-04-29-…`.
    pub id: String,
    /// Title (the label when the report gives none).
    pub title: String,
    /// ISO 8601 date as precise as the report says, or `null`.
    pub date: Option<String>,
}

impl EventRef {
    /// The reference of an event node.
    pub fn of(node: &Node) -> EventRef {
        EventRef {
            id: node.id.clone(),
            title: node.title.clone().unwrap_or_else(|| node.label.clone()),
            date: node.date.clone(),
        }
    }
}

/// A role at an event, with the session when the report has sessions.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RoleAt {
    /// The role (a person → event edge kind).
    pub role: EdgeKind,
    /// The session, or `null`.
    pub session: Option<String>,
}

impl RoleAt {
    /// The role an edge states.
    pub fn of(edge: &Edge) -> RoleAt {
        RoleAt {
            role: edge.kind,
            session: edge.session.clone(),
        }
    }
}

impl fmt::Display for RoleAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.session {
            Some(s) => write!(f, "{} ({s})", self.role),
            None => write!(f, "{}", self.role),
        }
    }
}

/// Joins roles for display: `speaker, chair (Third Session)`.
pub fn roles_text(roles: &[RoleAt]) -> String {
    roles
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A person's affiliation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Affiliation {
    /// The institution.
    #[serde(flatten)]
    pub institution: NodeRef,
    /// The title as written, or `null`.
    pub title: Option<String>,
}

impl fmt::Display for Affiliation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.title {
            Some(t) => write!(f, "{t}, {}", self.institution.label),
            None => f.write_str(&self.institution.label),
        }
    }
}

/// A range of event dates, compared as ISO prefixes.
///
/// A bound is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. An event date and a bound are compared on
/// their common prefix, so an event dated `2019` is inside `--since 2019-06` (it may be), and
/// an event dated `2019-10-10` is inside `--until 2019-10`. When a bound is given, events
/// without a date are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateRange {
    /// Earliest date, inclusive.
    pub since: Option<String>,
    /// Latest date, inclusive.
    pub until: Option<String>,
}

impl DateRange {
    /// A range from optional bounds, checking their format.
    pub fn new(since: Option<&str>, until: Option<&str>) -> Result<DateRange, QueryError> {
        let check = |d: Option<&str>| -> Result<Option<String>, QueryError> {
            match d {
                None => Ok(None),
                Some(d) if is_iso_prefix(d) => Ok(Some(d.to_string())),
                Some(d) => Err(QueryError::BadDate(d.to_string())),
            }
        };
        Ok(DateRange {
            since: check(since)?,
            until: check(until)?,
        })
    }

    /// True when no bound is set.
    pub fn is_unbounded(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// True when an event with this date is in the range.
    pub fn contains(&self, date: Option<&str>) -> bool {
        if self.is_unbounded() {
            return true;
        }
        let Some(date) = date else { return false };
        let cmp = |bound: &str| {
            let k = bound.len().min(date.len());
            date.as_bytes()[..k].cmp(&bound.as_bytes()[..k])
        };
        self.since.as_deref().is_none_or(|s| cmp(s).is_ge())
            && self.until.as_deref().is_none_or(|u| cmp(u).is_le())
    }
}

/// True for `YYYY`, `YYYY-MM` and `YYYY-MM-DD`.
pub fn is_iso_prefix(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Why a question could not be answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum QueryError {
    /// No node of the wanted kinds has this name.
    NotFound {
        /// The name as asked.
        query: String,
        /// The kinds looked for.
        kinds: Vec<NodeKind>,
        /// The closest names, best first ("did you mean …").
        suggestions: Vec<NodeRef>,
    },
    /// Several nodes have this name.
    Ambiguous {
        /// The name as asked.
        query: String,
        /// The nodes it may mean, in id order.
        candidates: Vec<NodeRef>,
    },
    /// A date bound is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    BadDate(String),
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::NotFound {
                query,
                kinds,
                suggestions,
            } => {
                let kinds: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
                write!(f, "no {} named {query:?}", kinds.join(" or "))?;
                if !suggestions.is_empty() {
                    write!(f, "; did you mean:")?;
                    for s in suggestions {
                        write!(f, "\n  {s}")?;
                    }
                }
                Ok(())
            }
            QueryError::Ambiguous { query, candidates } => {
                write!(f, "{query:?} is ambiguous; it may mean:")?;
                for c in candidates {
                    write!(f, "\n  {c}")?;
                }
                Ok(())
            }
            QueryError::BadDate(d) => write!(
                f,
                "invalid date {d:?}: expected YYYY, YYYY-MM or YYYY-MM-DD"
            ),
        }
    }
}

impl std::error::Error for QueryError {}

/// Sort key for names: folded lower case, then the id for ties. Costly (Unicode folding):
/// sort with `sort_by_cached_key`.
pub(crate) fn name_order(n: &NodeRef) -> (String, String) {
    let folded = if n.label.is_ascii() {
        n.label.to_ascii_lowercase()
    } else {
        crate::text::fold(&n.label).to_lowercase()
    };
    (folded, n.id.clone())
}

/// Sort key for events: by date (undated last), then title, then id. Sort with
/// `sort_by_cached_key`.
pub(crate) fn event_order(e: &EventRef) -> (bool, String, String, String) {
    (
        e.date.is_none(),
        e.date.clone().unwrap_or_default(),
        e.title.to_lowercase(),
        e.id.clone(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_compare_prefixes() {
        let r = DateRange::new(Some("2019-06"), Some("2025")).unwrap();
        assert!(r.contains(Some("2019")));
        assert!(r.contains(Some("2019-10-10")));
        assert!(r.contains(Some("2025-04-29")));
        assert!(!r.contains(Some("2019-05-31")));
        assert!(!r.contains(Some("2026")));
        assert!(!r.contains(None));
        assert!(DateRange::default().contains(None));
        assert!(matches!(
            DateRange::new(Some("29/04/2025"), None),
            Err(QueryError::BadDate(_))
        ));
        assert!(is_iso_prefix("2025-04-29") && is_iso_prefix("2025") && !is_iso_prefix("2025-4"));
    }

    #[test]
    fn errors_read_well() {
        let e = QueryError::NotFound {
            query: "Zigonn".into(),
            kinds: vec![NodeKind::Person],
            suggestions: vec![NodeRef {
                id: "person:z".into(),
                label: "Roksolana Zigon".into(),
                kind: NodeKind::Person,
            }],
        };
        assert_eq!(
            e.to_string(),
            "no person named \"Zigonn\"; did you mean:\n  Roksolana Zigon (person:z)"
        );
        let j = serde_json::to_value(&e).unwrap();
        assert_eq!(j["error"], "not_found");
    }
}
