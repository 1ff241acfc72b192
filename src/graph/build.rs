//! Building the graph from resolved entities and relations.
//!
//! Nodes are made from the entities in parallel and ordered by id once; relations point to
//! entities by number ([`EntityRef`]), so edges are grouped and ordered by node position
//! and key without comparing or hashing id strings, and each edge is made (its reports
//! and evidence sorted) in parallel.
//!
//! Complexity, for n entities and r relations: O(n log n) to order the nodes by id,
//! O(r log r) to order the relations by (source, target, key), O(r log r) in all to sort
//! each edge's reports and evidence; the sorts run on rayon's threads.

use super::{Edge, Node, NodeKind, ReportGraph};
use crate::resolve::{Entity, EntityRef, Relation, Resolved};
use rayon::prelude::*;
use std::cmp::Ordering;

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
    // node numbers: persons, institutions, events, topics, places, each in list order
    let lists = [r.persons.len(), r.institutions.len(), r.events.len(), r.topics.len(), r.places.len()];
    let offset = |e: EntityRef| -> usize {
        let k = NodeKind::ALL.iter().position(|&k| k == e.kind).unwrap_or(0);
        lists[..k].iter().sum::<usize>() + e.index
    };
    let mut nodes: Vec<Node> = Vec::with_capacity(lists.iter().sum());
    nodes.par_extend(r.persons.into_par_iter().map(|e| node(NodeKind::Person, e)));
    nodes.par_extend(r.institutions.into_par_iter().map(|e| node(NodeKind::Institution, e)));
    nodes.par_extend(r.events.into_par_iter().map(|e| {
        let title = e.entity.label.clone();
        let mut n = node(NodeKind::Event, e.entity);
        n.title = Some(title);
        n.date = e.date;
        n.venue = e.venue;
        n.city = e.city;
        n.sessions = e.sessions;
        n
    }));
    nodes.par_extend(r.topics.into_par_iter().map(|e| node(NodeKind::Topic, e)));
    nodes.par_extend(r.places.into_par_iter().map(|e| node(NodeKind::Place, e)));
    let (nodes, position) = order_by_id(nodes);

    let mut rels: Vec<(usize, usize, Relation)> = r.relations.into_par_iter().map(|rel| (position[offset(rel.source)], position[offset(rel.target)], rel)).collect();
    // stable: within an edge, relations keep their order (the first title wins)
    rels.par_sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| key_order(&a.2, &b.2)));
    let edges = split_at_edges(rels).into_par_iter().flat_map_iter(edges_of).collect();
    ReportGraph::from_sorted(nodes, edges, r.documents)
}

/// Nodes sorted by id, the first of several with one id kept (as
/// [`ReportGraph::from_parts`] does), and for each input node its position in the result.
fn order_by_id(nodes: Vec<Node>) -> (Vec<Node>, Vec<usize>) {
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.par_sort_by(|&a, &b| nodes[a].id.cmp(&nodes[b].id));
    let mut position = vec![0; nodes.len()];
    let mut kept: Vec<usize> = Vec::with_capacity(nodes.len());
    for (k, &i) in order.iter().enumerate() {
        if k > 0 && nodes[order[k - 1]].id == nodes[i].id {
            position[i] = position[order[k - 1]];
        } else {
            position[i] = kept.len();
            kept.push(i);
        }
    }
    let mut slots: Vec<Option<Node>> = nodes.into_iter().map(Some).collect();
    (kept.into_iter().filter_map(|i| slots[i].take()).collect(), position)
}

/// The order of edge keys (`kind`, `kind@session`) as strings, without making them.
fn key_order(a: &Relation, b: &Relation) -> Ordering {
    if a.kind == b.kind {
        // "kind" < "kind@…"; then the sessions decide
        return a.session.cmp(&b.session);
    }
    let bytes = |r: &Relation| {
        let session = r.session.as_deref().map(|s| std::iter::once(b'@').chain(s.bytes()));
        r.kind.as_str().bytes().chain(session.into_iter().flatten()).collect::<Vec<u8>>()
    };
    bytes(a).cmp(&bytes(b))
}

/// One edge's relations have the same ends, kind and session.
fn same_edge(a: &(usize, usize, Relation), b: &(usize, usize, Relation)) -> bool {
    a.0 == b.0 && a.1 == b.1 && a.2.kind == b.2.kind && a.2.session == b.2.session
}

/// Relations sorted by edge, cut into a few runs of whole edges (for the threads).
fn split_at_edges(mut rels: Vec<(usize, usize, Relation)>) -> Vec<Vec<(usize, usize, Relation)>> {
    let parts = rayon::current_num_threads() * 4;
    let size = rels.len() / parts + 1;
    let mut runs = Vec::new();
    // cut from the back, so that each relation moves once
    let mut end = rels.len();
    while end > 0 {
        let mut cut = end.saturating_sub(size);
        while cut > 0 && same_edge(&rels[cut - 1], &rels[cut]) {
            cut -= 1;
        }
        runs.push(rels.split_off(cut));
        end = cut;
    }
    runs.reverse();
    runs
}

/// The edges of a run of relations sorted by edge, with their ends' positions.
fn edges_of(rels: Vec<(usize, usize, Relation)>) -> Vec<(usize, usize, Edge)> {
    let mut edges: Vec<(usize, usize, Edge)> = Vec::new();
    let mut docs: Vec<std::sync::Arc<str>> = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    let finish = |edges: &mut Vec<(usize, usize, Edge)>, docs: &mut Vec<std::sync::Arc<str>>| {
        if let Some((_, _, e)) = edges.last_mut() {
            docs.sort();
            docs.dedup();
            e.documents = docs.drain(..).map(|d| d.to_string()).collect();
            e.evidence.sort();
            e.evidence.dedup();
        }
    };
    for (s, t, rel) in rels {
        let same = last == Some((s, t)) && edges.last().is_some_and(|(_, _, e)| e.kind == rel.kind && e.session == rel.session);
        if !same {
            finish(&mut edges, &mut docs);
            let key = match &rel.session {
                Some(session) => format!("{}@{}", rel.kind, session),
                None => rel.kind.to_string(),
            };
            let mut e = Edge::new(rel.kind, key);
            e.session = rel.session;
            edges.push((s, t, e));
            last = Some((s, t));
        }
        let Some((_, _, e)) = edges.last_mut() else { continue };
        if e.title.is_none() {
            e.title = rel.title;
        }
        docs.push(rel.evidence.document.clone());
        e.evidence.push(rel.evidence);
    }
    finish(&mut edges, &mut docs);
    edges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EdgeKind, Evidence};

    fn rel(kind: EdgeKind, session: Option<&str>) -> Relation {
        let ev = Evidence { document: "a.txt".into(), start: 0, end: 1, snippet: "x".into() };
        let at = EntityRef { kind: NodeKind::Person, index: 0 };
        Relation { source: at, target: at, kind, title: None, session: session.map(String::from), evidence: ev }
    }

    #[test]
    fn key_order_is_the_order_of_key_strings() {
        let rels = [
            rel(EdgeKind::Speaker, None),
            rel(EdgeKind::Speaker, Some("Panel 2")),
            rel(EdgeKind::Speaker, Some("Panel 10")),
            rel(EdgeKind::Chair, Some("Z")),
            rel(EdgeKind::ChiefGuest, None),
            rel(EdgeKind::Discussant, None),
            rel(EdgeKind::Discussed, None),
            rel(EdgeKind::Speaker, Some("")),
        ];
        let key = |r: &Relation| match &r.session {
            Some(s) => format!("{}@{s}", r.kind),
            None => r.kind.to_string(),
        };
        for a in &rels {
            for b in &rels {
                assert_eq!(key_order(a, b), key(a).cmp(&key(b)), "{} ~ {}", key(a), key(b));
            }
        }
    }

    #[test]
    fn edges_gather_their_relations() {
        let with = |doc: &str, start: usize, title: Option<&str>| {
            let mut r = rel(EdgeKind::AffiliatedWith, None);
            r.evidence = Evidence { document: doc.into(), start, end: start + 1, snippet: "x".into() };
            r.title = title.map(String::from);
            r
        };
        let rels = vec![
            (0, 1, with("b.txt", 5, None)),
            (0, 1, with("a.txt", 3, Some("Director"))),
            (0, 1, with("b.txt", 5, Some("Fellow"))),
            (0, 2, with("a.txt", 1, None)),
            (1, 2, rel(EdgeKind::Speaker, Some("S"))),
        ];
        let edges = edges_of(rels);
        assert_eq!(edges.len(), 3);
        let (s, t, e) = &edges[0];
        assert_eq!((*s, *t), (0, 1));
        assert_eq!(e.documents, ["a.txt", "b.txt"]);
        assert_eq!(e.evidence.len(), 2, "the repeated span is kept once");
        assert_eq!(e.title.as_deref(), Some("Director"), "the first title");
        assert_eq!(edges[2].2.key, "speaker@S");
        assert_eq!(edges[2].2.session.as_deref(), Some("S"));
    }

    #[test]
    fn runs_never_cut_an_edge() {
        let rels: Vec<(usize, usize, Relation)> = (0..1000).map(|i| (i / 7, 0, rel(EdgeKind::Speaker, None))).collect();
        let runs = split_at_edges(rels);
        assert_eq!(runs.iter().map(Vec::len).sum::<usize>(), 1000);
        for w in runs.windows(2) {
            assert_ne!(w[0].last().map(|r| r.0), w[1].first().map(|r| r.0));
        }
    }
}
