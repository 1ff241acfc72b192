//! Building the graph from resolved entities and relations.

use super::{Edge, Node, NodeKind, ReportGraph};
use crate::resolve::{Entity, Resolved};
use std::collections::BTreeMap;

fn node(kind: NodeKind, e: &Entity) -> Node {
    Node {
        id: e.id.clone(),
        kind: Some(kind),
        label: e.label.clone(),
        aliases: e.aliases.iter().cloned().collect(),
        documents: e.documents.iter().cloned().collect(),
        subtype: e.subtype.clone(),
        merges: e.reasons.clone(),
        evidence: {
            let mut ev = e.evidence.clone();
            ev.sort();
            ev.dedup();
            ev
        },
        ..Default::default()
    }
}

/// Builds the report graph. Relations with the same source, target, kind and session are
/// one edge carrying every report and evidence span.
pub fn build_graph(r: &Resolved) -> ReportGraph {
    let mut nodes = Vec::new();
    for e in &r.persons {
        nodes.push(node(NodeKind::Person, e));
    }
    for e in &r.institutions {
        nodes.push(node(NodeKind::Institution, e));
    }
    for e in &r.events {
        let mut n = node(NodeKind::Event, &e.entity);
        n.title = Some(e.entity.label.clone());
        n.date = e.date.clone();
        n.venue = e.venue.clone();
        n.city = e.city.clone();
        n.sessions = e.sessions.clone();
        nodes.push(n);
    }
    for e in &r.topics {
        nodes.push(node(NodeKind::Topic, e));
    }
    for e in &r.places {
        nodes.push(node(NodeKind::Place, e));
    }
    let mut edges: BTreeMap<(String, String, String), Edge> = BTreeMap::new();
    for rel in &r.relations {
        let key = match &rel.session {
            Some(s) => format!("{}@{}", rel.kind, s),
            None => rel.kind.to_string(),
        };
        let e = edges.entry((rel.source.clone(), rel.target.clone(), key.clone())).or_insert_with(|| Edge {
            kind: rel.kind,
            key,
            title: None,
            session: rel.session.clone(),
            documents: Vec::new(),
            evidence: Vec::new(),
            weight: None,
            events: Vec::new(),
        });
        if e.title.is_none() {
            e.title = rel.title.clone();
        }
        if !e.documents.iter().any(|d| **d == *rel.evidence.document) {
            e.documents.push(rel.evidence.document.to_string());
        }
        e.evidence.push(rel.evidence.clone());
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
    ReportGraph::from_parts(nodes, edges, r.documents.clone())
}
