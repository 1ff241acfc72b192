//! An event's profile.

use super::{is_iso_prefix, name_order, Affiliation, GraphIndex, NodeRef, QueryError};
use crate::graph::{EdgeKind, NodeKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

/// The answer of [`event()`].
///
/// JSON shape:
/// ```json
/// {"event": {"id": "event:…", "label": "…", "kind": "event"},
///  "title": "…", "date": "2025-04-29", "subtype": "seminar",
///  "venue": "Hotel Crown Plaza, Islamabad", "city": "Islamabad",
///  "places": [{"id": "place:islamabad", "label": "Islamabad", "kind": "place"}],
///  "organisers": [{"id": "institution:…", "label": "…", "kind": "institution"}],
///  "sessions": ["Inaugural Session"],
///  "participants": [{"role": "chair", "persons": [{"id": "person:…", "label": "…", "kind": "person",
///                    "session": null, "affiliations": [{"id": "…", "label": "…", "kind": "institution", "title": "President"}]}]}],
///  "mentioned": [{"id": "person:…", "label": "…", "kind": "person"}],
///  "topics": [{"id": "topic:…", "label": "…", "kind": "topic"}],
///  "documents": ["000_….txt"]}
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventProfile {
    /// The event.
    pub event: NodeRef,
    /// Title, or `null`.
    pub title: Option<String>,
    /// ISO date as precise as the report says, or `null`.
    pub date: Option<String>,
    /// Seminar, conference …, or `null`.
    pub subtype: Option<String>,
    /// Venue, or `null`.
    pub venue: Option<String>,
    /// City, or `null`.
    pub city: Option<String>,
    /// Place nodes the event was held at.
    pub places: Vec<NodeRef>,
    /// Organising institutions, by name.
    pub organisers: Vec<NodeRef>,
    /// Session names, as the reports give them.
    pub sessions: Vec<String>,
    /// Participants grouped by role, in role order (speaker, keynote, chair … author).
    pub participants: Vec<RoleGroup>,
    /// Persons the reports only mention, by name.
    pub mentioned: Vec<NodeRef>,
    /// Topics covered, by name.
    pub topics: Vec<NodeRef>,
    /// The reports the event comes from.
    pub documents: Vec<String>,
}

/// The participants of an event in one role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleGroup {
    /// The role.
    pub role: EdgeKind,
    /// The persons, by session then name.
    pub persons: Vec<Participant>,
}

/// A participant in a role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    /// The person.
    #[serde(flatten)]
    pub person: NodeRef,
    /// The session, or `null`.
    pub session: Option<String>,
    /// The person's affiliations (graph-wide, not only at this event).
    pub affiliations: Vec<Affiliation>,
}

/// An event's date, venue, organisers, sessions, participants by role and topics.
///
/// # Arguments
/// * `index` - the graph's index.
/// * `query` - the event's id, title (or words of it) or label; or a date `YYYY[-MM[-DD]]`
///   matching the start of exactly one event's date.
///
/// # Returns
/// The profile, or why the query does not resolve.
///
/// # Complexity
/// O(d · a) for an event with d edges whose participants have a affiliations each; a date
/// query first scans the nodes, O(V).
///
/// # Example
/// ```
/// use reportgraph::query::{event, GraphIndex};
/// # let json = r#"{"nodes": [
/// #   {"id": "p:ann", "kind": "person", "label": "Ann Lee"},
/// #   {"id": "i:x", "kind": "institution", "label": "X Institute"},
/// #   {"id": "e:1", "kind": "event", "label": "Water and Power", "title": "Water and Power", "date": "2024-01-10"}],
/// #  "edges": [
/// #   {"source": "p:ann", "target": "e:1", "kind": "keynote"},
/// #   {"source": "e:1", "target": "i:x", "kind": "organized_by"}]}"#;
/// # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
/// let index = GraphIndex::new(&graph);
/// let e = event(&index, "water power")?;
/// assert_eq!(e.organisers[0].label, "X Institute");
/// assert_eq!(e.participants[0].persons[0].person.label, "Ann Lee");
/// assert_eq!(event(&index, "2024-01")?.event.id, "e:1");
/// # Ok::<(), reportgraph::query::QueryError>(())
/// ```
pub fn event(index: &GraphIndex, query: &str) -> Result<EventProfile, QueryError> {
    let q = query.trim();
    if is_iso_prefix(q) {
        let hits: Vec<NodeIndex> = index
            .graph()
            .nodes()
            .filter(|(_, n)| {
                n.kind() == NodeKind::Event && n.date.as_deref().is_some_and(|d| d.starts_with(q))
            })
            .map(|(ix, _)| ix)
            .collect();
        match hits.len() {
            0 => {}
            1 => return Ok(event_node(index, hits[0])),
            _ => {
                let candidates = hits.iter().map(|&ix| index.node_ref(ix)).collect();
                return Err(QueryError::Ambiguous {
                    query: query.to_string(),
                    candidates,
                });
            }
        }
    }
    let ix = index.resolve(query, &[NodeKind::Event])?;
    Ok(event_node(index, ix))
}

/// [`event()`] for a node already resolved.
///
/// # Arguments
/// * `index` - the graph's index.
/// * `ix` - the event's node.
///
/// # Returns
/// See [`event()`].
///
/// # Complexity
/// See [`event()`].
///
/// # Example
/// ```
/// # let json = r#"{"nodes": [{"id": "e", "kind": "event", "label": "E"}]}"#;
/// # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
/// let index = reportgraph::query::GraphIndex::new(&graph);
/// let e = reportgraph::query::event_node(&index, graph.index_of("e").unwrap());
/// assert!(e.participants.is_empty() && e.title.is_none());
/// ```
pub fn event_node(index: &GraphIndex, ix: NodeIndex) -> EventProfile {
    let node = index.node(ix);
    let refs = |kind: EdgeKind, out: bool| {
        let adj = if out {
            index.outgoing_of(ix, kind)
        } else {
            index.incoming_of(ix, kind)
        };
        let mut v: Vec<NodeRef> = adj.iter().map(|a| index.node_ref(a.node)).collect();
        v.sort_by_cached_key(name_order);
        v.dedup();
        v
    };

    let mut participants: Vec<RoleGroup> = Vec::new();
    for p in index.participants_of(ix) {
        let person = Participant {
            person: index.node_ref(p.node),
            session: p.session.map(str::to_string),
            affiliations: affiliations(index, p.node),
        };
        match participants.last_mut() {
            Some(g) if g.role == p.role => g.persons.push(person),
            _ => participants.push(RoleGroup {
                role: p.role,
                persons: vec![person],
            }),
        }
    }
    for g in &mut participants {
        g.persons
            .sort_by_cached_key(|p| (p.session.clone(), name_order(&p.person)));
    }

    EventProfile {
        event: NodeRef::of(node),
        title: node.title.clone(),
        date: node.date.clone(),
        subtype: node.subtype.clone(),
        venue: node.venue.clone(),
        city: node.city.clone(),
        places: refs(EdgeKind::HeldAt, true),
        organisers: refs(EdgeKind::OrganizedBy, true),
        sessions: node.sessions.clone(),
        participants,
        mentioned: refs(EdgeKind::Mentions, true),
        topics: refs(EdgeKind::Covers, true),
        documents: node.documents.clone(),
    }
}

/// A person's affiliations, by institution name.
fn affiliations(index: &GraphIndex, person: NodeIndex) -> Vec<Affiliation> {
    let mut v: Vec<Affiliation> = index
        .outgoing_of(person, EdgeKind::AffiliatedWith)
        .iter()
        .map(|a| Affiliation {
            institution: index.node_ref(a.node),
            title: index.edge(a.edge).title.clone(),
        })
        .collect();
    v.sort_by_cached_key(|a| name_order(&a.institution));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testgraph::sample;

    #[test]
    fn caps_seminar_profile() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let e = event(
            &ix,
            "Pakistan-Russia Cooperation in Non-Traditional Security",
        )
        .unwrap();
        assert_eq!(e.event.id, "event:caps");
        assert_eq!(e.date.as_deref(), Some("2025-04-29"));
        assert_eq!(e.city.as_deref(), Some("Islamabad"));
        assert_eq!(e.organisers[0].id, "institution:caps");
        assert_eq!(e.places[0].id, "place:islamabad");
        let roles: Vec<_> = e
            .participants
            .iter()
            .map(|g| (g.role, g.persons.len()))
            .collect();
        assert_eq!(
            roles,
            [
                (EdgeKind::Speaker, 3),
                (EdgeKind::Chair, 1),
                (EdgeKind::Moderator, 1),
                (EdgeKind::Author, 1)
            ]
        );
        assert_eq!(
            e.participants[1].persons[0].affiliations[0]
                .title
                .as_deref(),
            Some("President")
        );
        assert_eq!(e.mentioned[0].id, "person:vladimir-putin");
        assert_eq!(e.topics[0].id, "topic:instc");
    }

    #[test]
    fn by_date_id_and_sessions() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        assert_eq!(event(&ix, "2025-04-29").unwrap().event.id, "event:caps");
        assert_eq!(event(&ix, "event:csp").unwrap().event.id, "event:csp");
        let e = event(&ix, "2019").unwrap();
        assert_eq!(e.sessions.len(), 2);
        let chair = e
            .participants
            .iter()
            .find(|g| g.role == EdgeKind::Chair)
            .unwrap();
        assert_eq!(chair.persons[0].session.as_deref(), Some("Third Session"));
        assert!(matches!(
            event(&ix, "Pakistan Russia"),
            Err(QueryError::Ambiguous { .. })
        ));
        assert!(matches!(
            event(&ix, "1999"),
            Err(QueryError::NotFound { .. })
        ));
    }
}
