//! Building the graph from resolved entities and relations.

use super::{Edge, Node, NodeKind, ReportGraph};
use crate::resolve::{Entity, Resolved};
use std::collections::BTreeMap;

fn node(kind: NodeKind, e: Entity) -> Node {
    let mut evidence = e.evidence;
    evidence.sort();
    evidence.dedup();
    Node {
        id: e.id,
        kind: Some(kind),
        label: e.label,
        aliases: e.aliases.into_iter().collect(),
        documents: e.documents.into_iter().collect(),
        subtype: e.subtype,
        merges: e.reasons,
        evidence,
        ..Default::default()
    }
}

/// Builds the report graph, consuming the resolved corpus (its strings move into the
/// graph rather than being copied). Relations with the same source, target, kind and
/// session are one edge carrying every report and evidence span.
pub fn build_graph(r: Resolved) -> ReportGraph {
    let mut nodes = Vec::new();
    nodes.extend(r.persons.into_iter().map(|e| node(NodeKind::Person, e)));
    nodes.extend(r.institutions.into_iter().map(|e| node(NodeKind::Institution, e)));
    for e in r.events {
        let title = e.entity.label.clone();
        let mut n = node(NodeKind::Event, e.entity);
        n.title = Some(title);
        n.date = e.date;
        n.venue = e.venue;
        n.city = e.city;
        n.sessions = e.sessions;
        nodes.push(n);
    }
    nodes.extend(r.topics.into_iter().map(|e| node(NodeKind::Topic, e)));
    nodes.extend(r.places.into_iter().map(|e| node(NodeKind::Place, e)));
    let mut edges: BTreeMap<(String, String, String), Edge> = BTreeMap::new();
    for rel in r.relations {
        let key = match &rel.session {
            Some(s) => format!("{}@{}", rel.kind, s),
            None => rel.kind.to_string(),
        };
        let e = edges.entry((rel.source, rel.target, key.clone())).or_insert_with(|| Edge {
            kind: rel.kind,
            key,
            title: None,
            session: rel.session,
            documents: Vec::new(),
            evidence: Vec::new(),
            weight: None,
            events: Vec::new(),
        });
        if e.title.is_none() {
            e.title = rel.title;
        }
        if !e.documents.iter().any(|d| **d == *rel.evidence.document()) {
            e.documents.push(rel.evidence.document().to_string());
        }
        e.evidence.push(rel.evidence);
    }
    let edges = edges
        .into_iter()
        .map(|((s, t, _), mut e)| {
            e.documents.sort();
            e.evidence.sort();
            e.evidence.dedup();
            (s, t, e)
        })
        .collect();
    ReportGraph::from_parts(nodes, edges, r.documents)
}
