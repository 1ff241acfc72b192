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
    let number = |e: EntityRef| -> usize {
        let k = NodeKind::ALL.iter().position(|&k| k == e.kind).unwrap_or(0);
        lists[..k].iter().sum::<usize>() + e.index as usize
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
    let position = order_by_id(&mut nodes);

    // relations ordered by edge: (source, target) positions, key, then relation order
    // (the first title wins); an order of numbers, the relations stay in place
    let rels = r.relations;
    let ends: Vec<(u32, u32)> = rels.par_iter().map(|rel| (position[number(rel.source)], position[number(rel.target)])).collect();
    let mut order: Vec<u32> = (0..rels.len() as u32).collect();
    order.par_sort_unstable_by(|&a, &b| {
        let (ra, rb) = (&rels[a as usize], &rels[b as usize]);
        ends[a as usize].cmp(&ends[b as usize]).then_with(|| key_order(ra, rb)).then(a.cmp(&b))
    });
    let count = 1 + order.windows(2).filter(|w| !same_edge(&rels, &ends, w[0], w[1])).count();
    let count = if order.is_empty() { 0 } else { count };
    ReportGraph::from_sorted(nodes, edges(rels, ends, order), count, r.documents)
}

/// Sorts nodes by id, keeping the first of several with one id (as
/// [`ReportGraph::from_parts`] does); returns, for each node number before the sort, its
/// position after. Node positions fit in `u32`: a node takes well over 100 bytes.
///
/// Complexity: O(n log n) comparisons (in parallel), O(n) moves, in place.
fn order_by_id(nodes: &mut Vec<Node>) -> Vec<u32> {
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.par_sort_by(|&a, &b| nodes[a].id.cmp(&nodes[b].id));
    let mut position = vec![0u32; nodes.len()];
    let mut kept = 0u32;
    for (k, &i) in order.iter().enumerate() {
        if k > 0 && nodes[order[k - 1]].id == nodes[i].id {
            position[i] = position[order[k - 1]];
        } else {
            position[i] = kept;
            kept += 1;
        }
    }
    permute(nodes, &order);
    nodes.dedup_by(|a, b| a.id == b.id);
    position
}

/// Reorders `v` in place so that `v[k]` becomes the old `v[order[k]]`, following the
/// permutation's cycles. `order` must be a permutation of `0..v.len()`.
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        if done[start] {
            continue;
        }
        // position k takes the element from order[k]
        let mut k = start;
        done[k] = true;
        while order[k] != start {
            v.swap(k, order[k]);
            k = order[k];
            done[k] = true;
        }
    }
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

/// Relations `a` and `b` are one edge: same ends, kind and session.
fn same_edge(rels: &[Relation], ends: &[(u32, u32)], a: u32, b: u32) -> bool {
    let (ra, rb) = (&rels[a as usize], &rels[b as usize]);
    ends[a as usize] == ends[b as usize] && ra.kind == rb.kind && ra.session == rb.session
}

/// The edges, in `order` (relations sorted by edge), each made of its run of relations:
/// reports and evidence sorted, without repeats; the first title. Relations are moved,
/// not copied.
fn edges(rels: Vec<Relation>, ends: Vec<(u32, u32)>, order: Vec<u32>) -> impl Iterator<Item = (usize, usize, Edge)> {
    let mut slots: Vec<Option<Relation>> = rels.into_iter().map(Some).collect();
    let mut order = order.into_iter().peekable();
    std::iter::from_fn(move || {
        let i = order.next()? as usize;
        let first = slots[i].take()?;
        let (s, t) = ends[i];
        let key = match &first.session {
            Some(session) => format!("{}@{}", first.kind, session),
            None => first.kind.to_string(),
        };
        let mut e = Edge::new(first.kind, key);
        e.session = first.session.map(String::from);
        e.title = first.title.map(String::from);
        e.evidence.push(first.evidence);
        while let Some(&j) = order.peek() {
            let j = j as usize;
            if ends[j] != (s, t) || !slots[j].as_ref().is_some_and(|r| r.kind == e.kind && r.session.as_deref() == e.session.as_deref()) {
                break;
            }
            order.next();
            if let Some(r) = slots[j].take() {
                if e.title.is_none() {
                    e.title = r.title.map(String::from);
                }
                e.evidence.push(r.evidence);
            }
        }
        // evidence sorts by report first: its reports come in order
        e.evidence.sort();
        e.evidence.dedup();
        e.evidence.shrink_to_fit();
        // evidence is sorted by report first
        let mut docs: Vec<&str> = e.evidence.iter().map(crate::graph::Evidence::document).collect();
        docs.dedup();
        e.documents = docs.into_iter().map(String::from).collect();
        Some((s as usize, t as usize, e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EdgeKind, Evidence};

    fn rel(kind: EdgeKind, session: Option<&str>) -> Relation {
        let ev = Evidence::new("a.txt", 0, 1, "x");
        let at = EntityRef { kind: NodeKind::Person, index: 0 };
        Relation { source: at, target: at, kind, title: None, session: session.map(Box::from), evidence: ev }
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

    fn ev(doc: &str, start: usize) -> Evidence {
        Evidence::new(doc, start as u32, start as u32 + 1, "x")
    }

    #[test]
    fn edges_gather_their_relations() {
        let with = |doc: &str, start: usize, title: Option<&str>| {
            let mut r = rel(EdgeKind::AffiliatedWith, None);
            r.evidence = ev(doc, start);
            r.title = title.map(Box::from);
            r
        };
        let rels = vec![with("b.txt", 5, None), with("a.txt", 3, Some("Director")), with("b.txt", 5, Some("Fellow")), with("a.txt", 1, None), rel(EdgeKind::Speaker, Some("S"))];
        let ends = vec![(0, 1), (0, 1), (0, 1), (0, 2), (1, 2)];
        let got: Vec<(usize, usize, Edge)> = edges(rels, ends, vec![0, 1, 2, 3, 4]).collect();
        assert_eq!(got.len(), 3);
        let (s, t, e) = &got[0];
        assert_eq!((*s, *t), (0, 1));
        assert_eq!(e.documents, ["a.txt", "b.txt"]);
        assert_eq!(e.evidence, [ev("a.txt", 3), ev("b.txt", 5)], "sorted; the repeated span kept once");
        assert_eq!(e.title.as_deref(), Some("Director"), "the first title");
        assert_eq!(got[2].2.key, "speaker@S");
        assert_eq!(got[2].2.session.as_deref(), Some("S"));
    }

    #[test]
    fn permute_moves_each_element_to_its_place() {
        let mut v = vec!['a', 'b', 'c', 'd', 'e'];
        permute(&mut v, &[3, 0, 4, 1, 2]);
        assert_eq!(v, ['d', 'a', 'e', 'b', 'c']);
        let mut one = vec![1];
        permute(&mut one, &[0]);
        assert_eq!(one, [1]);
    }

    #[test]
    fn nodes_are_ordered_by_id_and_the_first_of_an_id_is_kept() {
        let n = |id: &str, label: &str| Node { id: id.into(), label: label.into(), ..Default::default() };
        let mut nodes = vec![n("p:b", "1"), n("p:a", "2"), n("p:b", "3"), n("p:c", "4")];
        let position = order_by_id(&mut nodes);
        assert_eq!(nodes.iter().map(|n| n.label.as_str()).collect::<Vec<_>>(), ["2", "1", "4"]);
        assert_eq!(position, [1, 0, 1, 2]);
    }
}
