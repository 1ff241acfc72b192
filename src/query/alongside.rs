//! Who took a speaking part at the same events as a person.

use super::{
    event_order, name_order, DateRange, EventRef, GraphIndex, NodeRef, QueryError, RoleAt,
};
use crate::graph::{EdgeKind, NodeKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::HashMap;

/// Options of [`alongside()`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlongsideOptions {
    /// The roles considered, on both sides. Empty: every speaking role
    /// ([`EdgeKind::is_speaking`]); any person → event role may be listed.
    pub roles: Vec<EdgeKind>,
    /// Only events in this date range.
    pub dates: DateRange,
}

impl AlongsideOptions {
    /// True when a role is considered.
    pub fn considers(&self, role: EdgeKind) -> bool {
        if self.roles.is_empty() {
            role.is_speaking()
        } else {
            self.roles.contains(&role)
        }
    }
}

/// The answer of [`alongside()`].
///
/// JSON shape:
/// ```json
/// {"person": {"id": "person:roksolana-zigon", "label": "Roksolana Zigon", "kind": "person"},
///  "events": 1,
///  "co_participants": [
///    {"id": "person:khurram-iqbal", "label": "Khurram Iqbal", "kind": "person", "count": 1,
///     "events": [{"id": "event:…", "title": "…", "date": "2025-04-29",
///                 "roles": [{"role": "speaker", "session": null}],
///                 "their_roles": [{"role": "chair", "session": null}]}]}]}
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alongside {
    /// The person asked about.
    pub person: NodeRef,
    /// How many events the person took a considered role at (in the date range).
    pub events: usize,
    /// The co-participants, by number of shared events (most first), then name.
    pub co_participants: Vec<CoParticipant>,
}

/// A person who took a considered role at an event where the person asked about took one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoParticipant {
    /// The co-participant.
    #[serde(flatten)]
    pub person: NodeRef,
    /// Number of shared events.
    pub count: usize,
    /// The shared events, by date (undated last), then title.
    pub events: Vec<SharedEvent>,
}

/// An event two persons took part in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedEvent {
    /// The event.
    #[serde(flatten)]
    pub event: EventRef,
    /// The roles of the person asked about.
    pub roles: Vec<RoleAt>,
    /// The roles of the co-participant.
    pub their_roles: Vec<RoleAt>,
}

/// Every person who took a speaking part at an event where the named person also took one.
///
/// # Arguments
/// * `index` - the graph's index.
/// * `name` - the person, as typed (see [`GraphIndex::resolve`]).
/// * `opts` - roles considered and date range.
///
/// # Returns
/// The co-participants with their shared events and both roles, sorted by count then name;
/// or why the name does not resolve.
///
/// # Complexity
/// O(Σ participants of the person's events), plus sorting the answer.
///
/// # Example
/// ```
/// use reportgraph::query::{alongside, AlongsideOptions, GraphIndex};
/// # let json = r#"{"nodes": [
/// #   {"id": "p:ann", "kind": "person", "label": "Ann Lee"},
/// #   {"id": "p:bob", "kind": "person", "label": "Bob Ray"},
/// #   {"id": "p:cy", "kind": "person", "label": "Cy Dee"},
/// #   {"id": "e:1", "kind": "event", "label": "One", "date": "2024-01-10"},
/// #   {"id": "e:2", "kind": "event", "label": "Two", "date": "2025-02-01"}],
/// #  "edges": [
/// #   {"source": "p:ann", "target": "e:1", "kind": "speaker"},
/// #   {"source": "p:ann", "target": "e:2", "kind": "chair"},
/// #   {"source": "p:bob", "target": "e:1", "kind": "speaker"},
/// #   {"source": "p:bob", "target": "e:2", "kind": "speaker"},
/// #   {"source": "p:cy", "target": "e:2", "kind": "attendee"}]}"#;
/// # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
/// let index = GraphIndex::new(&graph);
/// let a = alongside(&index, "Dr. Ann Lee", &AlongsideOptions::default())?;
/// assert_eq!(a.co_participants.len(), 1); // Cy only attended
/// assert_eq!((a.co_participants[0].person.label.as_str(), a.co_participants[0].count), ("Bob Ray", 2));
///
/// let dates = reportgraph::query::DateRange::new(Some("2025"), None)?;
/// let a = alongside(&index, "ann lee", &AlongsideOptions { dates, ..Default::default() })?;
/// assert_eq!(a.co_participants[0].count, 1);
/// # Ok::<(), reportgraph::query::QueryError>(())
/// ```
pub fn alongside(
    index: &GraphIndex,
    name: &str,
    opts: &AlongsideOptions,
) -> Result<Alongside, QueryError> {
    let ix = index.resolve(name, &[NodeKind::Person])?;
    Ok(alongside_node(index, ix, opts))
}

/// [`alongside()`] for a node already resolved.
///
/// # Arguments
/// * `index` - the graph's index.
/// * `person` - the person's node.
/// * `opts` - roles considered and date range.
///
/// # Returns
/// See [`alongside()`].
///
/// # Complexity
/// O(Σ participants of the person's events), plus sorting the answer.
///
/// # Example
/// ```
/// # let json = r#"{"nodes": [{"id": "p", "kind": "person", "label": "P"}]}"#;
/// # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
/// let index = reportgraph::query::GraphIndex::new(&graph);
/// let p = graph.index_of("p").unwrap();
/// let a = reportgraph::query::alongside_node(&index, p, &Default::default());
/// assert_eq!((a.events, a.co_participants.len()), (0, 0));
/// ```
pub fn alongside_node(index: &GraphIndex, person: NodeIndex, opts: &AlongsideOptions) -> Alongside {
    // the person's considered roles, per event (few events: a vector is enough)
    let mut mine: Vec<(NodeIndex, Vec<RoleAt>)> = Vec::new();
    for p in index.roles_of(person) {
        if !opts.considers(p.role) || !opts.dates.contains(index.node(p.node).date.as_deref()) {
            continue;
        }
        let role = RoleAt {
            role: p.role,
            session: p.session.map(str::to_string),
        };
        match mine.iter_mut().find(|(e, _)| *e == p.node) {
            Some((_, roles)) => roles.push(role),
            None => mine.push((p.node, vec![role])),
        }
    }

    // co-participant → event → their roles
    let mut theirs: HashMap<NodeIndex, Vec<(usize, Vec<RoleAt>)>> = HashMap::new();
    for (i, (event, _)) in mine.iter().enumerate() {
        for q in index.participants_of(*event) {
            if q.node == person || !opts.considers(q.role) {
                continue;
            }
            let role = RoleAt {
                role: q.role,
                session: q.session.map(str::to_string),
            };
            let events = theirs.entry(q.node).or_default();
            match events.iter_mut().find(|(j, _)| *j == i) {
                Some((_, roles)) => roles.push(role),
                None => events.push((i, vec![role])),
            }
        }
    }

    let refs: Vec<EventRef> = mine.iter().map(|(e, _)| index.event_ref(*e)).collect();
    let mut co_participants: Vec<CoParticipant> = theirs
        .into_iter()
        .map(|(q, events)| {
            let mut events: Vec<SharedEvent> = events
                .into_iter()
                .map(|(i, mut their_roles)| {
                    their_roles.sort();
                    their_roles.dedup();
                    let mut roles = mine[i].1.clone();
                    roles.sort();
                    roles.dedup();
                    SharedEvent {
                        event: refs[i].clone(),
                        roles,
                        their_roles,
                    }
                })
                .collect();
            events.sort_by_cached_key(|e| event_order(&e.event));
            CoParticipant {
                person: index.node_ref(q),
                count: events.len(),
                events,
            }
        })
        .collect();
    co_participants.sort_by_cached_key(|c| (std::cmp::Reverse(c.count), name_order(&c.person)));
    Alongside {
        person: index.node_ref(person),
        events: mine.len(),
        co_participants,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testgraph::sample;

    fn labels(a: &Alongside) -> Vec<(&str, usize)> {
        a.co_participants
            .iter()
            .map(|c| (c.person.label.as_str(), c.count))
            .collect()
    }

    #[test]
    fn caps_seminar_speakers() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let a = alongside(&ix, "Dr. Zigon", &AlongsideOptions::default()).unwrap();
        assert_eq!(a.person.id, "person:roksolana-zigon");
        assert_eq!(a.events, 1);
        // the author and the mentioned person are not speakers
        assert_eq!(
            labels(&a),
            [
                ("Khurram Iqbal", 1),
                ("Shabir Ahmed Khan", 1),
                ("Taimur Fahad", 1),
                ("Umair Pervez Khan", 1)
            ]
        );
        let k = &a.co_participants[0].events[0];
        assert_eq!(k.event.date.as_deref(), Some("2025-04-29"));
        assert_eq!(
            k.roles,
            [RoleAt {
                role: EdgeKind::Speaker,
                session: None
            }]
        );
        assert_eq!(
            k.their_roles,
            [RoleAt {
                role: EdgeKind::Chair,
                session: None
            }]
        );
    }

    #[test]
    fn sorted_by_count_then_name() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let a = alongside(&ix, "Taimur Fahad", &AlongsideOptions::default()).unwrap();
        assert_eq!(a.events, 2);
        assert_eq!(labels(&a)[0], ("Shabir Ahmed Khan", 2));
        // attendee at the CSP panel does not count
        let k = a
            .co_participants
            .iter()
            .find(|c| c.person.label == "Khurram Iqbal")
            .unwrap();
        assert_eq!(k.count, 1);
        // undated events are left out once a bound is given
        let dates = DateRange::new(Some("2020"), None).unwrap();
        let a = alongside(
            &ix,
            "Taimur Fahad",
            &AlongsideOptions {
                dates,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(a.events, 1);
        assert!(a.co_participants.iter().all(|c| c.count == 1));
    }

    #[test]
    fn roles_filter_both_sides() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let opts = AlongsideOptions {
            roles: vec![EdgeKind::Speaker],
            ..Default::default()
        };
        let a = alongside(&ix, "Roksolana Zigon", &opts).unwrap();
        assert_eq!(labels(&a), [("Shabir Ahmed Khan", 1), ("Taimur Fahad", 1)]);
        let opts = AlongsideOptions {
            roles: vec![EdgeKind::Chair],
            ..Default::default()
        };
        assert!(alongside(&ix, "Roksolana Zigon", &opts)
            .unwrap()
            .co_participants
            .is_empty());
        // sessions are kept per role
        let a = alongside(&ix, "Leonid Savin", &AlongsideOptions::default()).unwrap();
        let k = a
            .co_participants
            .iter()
            .find(|c| c.person.label == "Khurram Iqbal")
            .unwrap();
        assert_eq!(k.events[0].their_roles.len(), 2);
        assert_eq!(
            k.events[0].roles[0].session.as_deref(),
            Some("Second Session")
        );
    }

    #[test]
    fn json_shape_is_stable() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let a = alongside(&ix, "Roksolana Zigon", &AlongsideOptions::default()).unwrap();
        let v = serde_json::to_value(&a).unwrap();
        assert_eq!(v["person"]["id"], "person:roksolana-zigon");
        let c = &v["co_participants"][0];
        assert_eq!(c["label"], "Khurram Iqbal");
        assert_eq!(c["count"], 1);
        assert_eq!(c["events"][0]["date"], "2025-04-29");
        assert_eq!(c["events"][0]["their_roles"][0]["role"], "chair");
        assert!(c["events"][0]["roles"][0]["session"].is_null());
    }
}
