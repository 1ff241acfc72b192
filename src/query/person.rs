//! A person's profile.

use super::{
    alongside_node, event_order, name_order, Affiliation, AlongsideOptions, EventRef, GraphIndex,
    NodeRef, QueryError, RoleAt,
};
use crate::graph::{EdgeKind, NodeKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

/// Options of [`person()`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileOptions {
    /// How many co-participants to list (the most frequent).
    pub co_participants: usize,
}

impl Default for ProfileOptions {
    fn default() -> Self {
        ProfileOptions {
            co_participants: 10,
        }
    }
}

/// The answer of [`person()`].
///
/// JSON shape:
/// ```json
/// {"person": {"id": "person:khurram-iqbal", "label": "Khurram Iqbal", "kind": "person"},
///  "aliases": ["Dr. Khuram Iqbal"],
///  "affiliations": [{"id": "institution:…", "label": "…", "kind": "institution", "title": "President"}],
///  "events": [{"id": "event:…", "title": "…", "date": "2025-04-29", "roles": [{"role": "chair", "session": null}]}],
///  "mentioned_at": [{"id": "event:…", "title": "…", "date": null}],
///  "topics": [{"id": "topic:…", "label": "…", "kind": "topic"}],
///  "co_participants": [{"id": "person:…", "label": "…", "kind": "person", "shared_events": 2}],
///  "documents": ["000_….txt"]}
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonProfile {
    /// The person.
    pub person: NodeRef,
    /// Every other spelling seen.
    pub aliases: Vec<String>,
    /// Affiliations with the titles as written, by institution name.
    pub affiliations: Vec<Affiliation>,
    /// The events the person took any role at (speaking, attending, authoring), by date.
    pub events: Vec<PersonEvent>,
    /// Events whose reports only mention the person, by date.
    pub mentioned_at: Vec<EventRef>,
    /// Topics the person discussed, by name.
    pub topics: Vec<NodeRef>,
    /// The most frequent co-participants (speaking roles on both sides, as [`super::alongside()`]).
    pub co_participants: Vec<CoCount>,
    /// The reports the person comes from.
    pub documents: Vec<String>,
}

/// An event a person took part in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonEvent {
    /// The event.
    #[serde(flatten)]
    pub event: EventRef,
    /// The person's roles there.
    pub roles: Vec<RoleAt>,
}

/// A co-participant and the number of events shared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoCount {
    /// The co-participant.
    #[serde(flatten)]
    pub person: NodeRef,
    /// Number of events shared.
    pub shared_events: usize,
}

/// A person's profile: aliases, affiliations, events with roles and dates, topics, most
/// frequent co-participants and source reports.
///
/// # Arguments
/// * `index` - the graph's index.
/// * `name` - the person, as typed (see [`GraphIndex::resolve`]).
/// * `opts` - how many co-participants to list.
///
/// # Returns
/// The profile, or why the name does not resolve.
///
/// # Complexity
/// O(d + Σ participants of the person's events) for a person with d edges.
///
/// # Example
/// ```
/// use reportgraph::query::{person, GraphIndex};
/// # let json = r#"{"nodes": [
/// #   {"id": "p:ann", "kind": "person", "label": "Ann Lee", "aliases": ["Dr. Ann Lee"], "documents": ["a.txt"]},
/// #   {"id": "i:x", "kind": "institution", "label": "X Institute"},
/// #   {"id": "e:1", "kind": "event", "label": "One", "date": "2024-01-10"}],
/// #  "edges": [
/// #   {"source": "p:ann", "target": "e:1", "kind": "keynote"},
/// #   {"source": "p:ann", "target": "i:x", "kind": "affiliated_with", "title": "Director"}]}"#;
/// # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
/// let index = GraphIndex::new(&graph);
/// let p = person(&index, "ann lee", &Default::default())?;
/// assert_eq!(p.affiliations[0].to_string(), "Director, X Institute");
/// assert_eq!(p.events[0].roles[0].role, reportgraph::EdgeKind::Keynote);
/// # Ok::<(), reportgraph::query::QueryError>(())
/// ```
pub fn person(
    index: &GraphIndex,
    name: &str,
    opts: &ProfileOptions,
) -> Result<PersonProfile, QueryError> {
    let ix = index.resolve(name, &[NodeKind::Person])?;
    Ok(person_node(index, ix, opts))
}

/// [`person()`] for a node already resolved.
///
/// # Arguments
/// * `index` - the graph's index.
/// * `ix` - the person's node.
/// * `opts` - how many co-participants to list.
///
/// # Returns
/// See [`person()`].
///
/// # Complexity
/// See [`person()`].
///
/// # Example
/// ```
/// # let json = r#"{"nodes": [{"id": "p", "kind": "person", "label": "P"}]}"#;
/// # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
/// let index = reportgraph::query::GraphIndex::new(&graph);
/// let p = reportgraph::query::person_node(&index, graph.index_of("p").unwrap(), &Default::default());
/// assert!(p.events.is_empty());
/// ```
pub fn person_node(index: &GraphIndex, ix: NodeIndex, opts: &ProfileOptions) -> PersonProfile {
    let node = index.node(ix);

    let mut affiliations: Vec<Affiliation> = index
        .outgoing_of(ix, EdgeKind::AffiliatedWith)
        .iter()
        .map(|a| Affiliation {
            institution: index.node_ref(a.node),
            title: index.edge(a.edge).title.clone(),
        })
        .collect();
    affiliations.sort_by_cached_key(|a| (name_order(&a.institution), a.title.clone()));

    let mut events: Vec<PersonEvent> = Vec::new();
    for p in index.roles_of(ix) {
        let role = RoleAt {
            role: p.role,
            session: p.session.map(str::to_string),
        };
        let id = &index.node(p.node).id;
        match events.iter_mut().find(|e| &e.event.id == id) {
            Some(e) => e.roles.push(role),
            None => events.push(PersonEvent {
                event: index.event_ref(p.node),
                roles: vec![role],
            }),
        }
    }
    for e in &mut events {
        e.roles.sort();
    }
    events.sort_by_cached_key(|e| event_order(&e.event));

    let mut mentioned_at: Vec<EventRef> = index
        .incoming_of(ix, EdgeKind::Mentions)
        .iter()
        .map(|a| index.event_ref(a.node))
        .collect();
    mentioned_at.sort_by_cached_key(event_order);
    mentioned_at.dedup();

    let mut topics: Vec<NodeRef> = index
        .outgoing_of(ix, EdgeKind::Discussed)
        .iter()
        .map(|a| index.node_ref(a.node))
        .collect();
    topics.sort_by_cached_key(name_order);
    topics.dedup();

    let co_participants = alongside_node(index, ix, &AlongsideOptions::default())
        .co_participants
        .into_iter()
        .take(opts.co_participants)
        .map(|c| CoCount {
            person: c.person,
            shared_events: c.count,
        })
        .collect();

    PersonProfile {
        person: NodeRef::of(node),
        aliases: node.aliases.clone(),
        affiliations,
        events,
        mentioned_at,
        topics,
        co_participants,
        documents: node.documents.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testgraph::sample;

    #[test]
    fn profile_of_khurram_iqbal() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let p = person(&ix, "Dr. Khuram Iqbal", &ProfileOptions::default()).unwrap();
        assert_eq!(p.person.id, "person:khurram-iqbal");
        assert_eq!(p.aliases.len(), 2);
        assert_eq!(p.affiliations.len(), 1);
        assert_eq!(p.affiliations[0].title.as_deref(), Some("President"));
        // by date: 2019 conference (two roles), 2025 seminar, then the undated panel
        let ev: Vec<_> = p
            .events
            .iter()
            .map(|e| (e.event.id.as_str(), e.roles.len()))
            .collect();
        assert_eq!(ev, [("event:svi", 2), ("event:caps", 1), ("event:csp", 1)]);
        assert_eq!(p.events[2].roles[0].role, EdgeKind::Attendee);
        // speaking co-participants: CAPS speakers and moderator, SVI speaker
        assert_eq!(p.co_participants.len(), 5);
        assert_eq!(p.documents, ["000.txt"]);
    }

    #[test]
    fn topics_mentions_and_limits() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let p = person(&ix, "taimur fahad", &ProfileOptions { co_participants: 1 }).unwrap();
        assert_eq!(p.topics[0].id, "topic:instc");
        assert_eq!(p.affiliations.len(), 2);
        assert_eq!(
            p.co_participants,
            [CoCount {
                person: ix.node_ref(g.index_of("person:shabir-ahmed-khan").unwrap()),
                shared_events: 2
            }]
        );
        let putin = person(&ix, "President Putin", &ProfileOptions::default()).unwrap();
        assert!(putin.events.is_empty());
        assert_eq!(putin.mentioned_at[0].id, "event:caps");
        let v = serde_json::to_value(&putin).unwrap();
        for k in [
            "person",
            "aliases",
            "affiliations",
            "events",
            "mentioned_at",
            "topics",
            "co_participants",
            "documents",
        ] {
            assert!(v.get(k).is_some(), "{k}");
        }
    }
}
