//! Building the graph from resolved entities and relations.

use super::{Edge, Evidence, Node, NodeKind, ReportGraph};
use petgraph::stable_graph::NodeIndex;
use crate::resolve::{Entity, EntityRef, Relation, Resolved};

fn node(kind: NodeKind, e: Entity) -> Node {
    let mut evidence = e.evidence;
    evidence.sort();
    evidence.dedup();
    evidence.shrink_to_fit();
    let mut merges = e.reasons;
    merges.shrink_to_fit();
    Node {
        id: e.id,
        kind: Some(kind),
        label: e.label,
        aliases: e.aliases.into_iter().collect(),
        documents: e.documents.into_iter().collect(),
        subtype: e.subtype,
        merges,
        evidence,
        ..Default::default()
    }
}

/// Builds the report graph, consuming the resolved corpus (its strings move into the
/// graph rather than being copied). Relations with the same source, target, kind and
/// session are one edge carrying every report and evidence span.
///
/// Complexity: O(n log n + r log r) for n entities and r relations; besides the graph, it
/// holds one index per relation.
pub fn build_graph(r: Resolved) -> ReportGraph {
    let Resolved { documents, persons, institutions, events, topics, places, relations } = r;
    // where each kind's entities start in `nodes`
    let mut base = [0usize; NodeKind::ALL.len()];
    let mut nodes = Vec::with_capacity(persons.len() + institutions.len() + events.len() + topics.len() + places.len());
    base[NodeKind::Person as usize] = nodes.len();
    nodes.extend(persons.into_iter().map(|e| node(NodeKind::Person, e)));
    base[NodeKind::Institution as usize] = nodes.len();
    nodes.extend(institutions.into_iter().map(|e| node(NodeKind::Institution, e)));
    base[NodeKind::Event as usize] = nodes.len();
    for e in events {
        let title = e.entity.label.clone();
        let mut n = node(NodeKind::Event, e.entity);
        n.title = Some(title);
        n.date = e.date;
        n.venue = e.venue;
        n.city = e.city;
        n.sessions = e.sessions;
        nodes.push(n);
    }
    base[NodeKind::Topic as usize] = nodes.len();
    nodes.extend(topics.into_iter().map(|e| node(NodeKind::Topic, e)));
    base[NodeKind::Place as usize] = nodes.len();
    nodes.extend(places.into_iter().map(|e| node(NodeKind::Place, e)));
    let (mut g, at) = ReportGraph::with_nodes(nodes, documents);
    let ix = |e: EntityRef| at[base[e.kind as usize] + e.index as usize];

    // relations in edge order, (source id, target id, key): node indices are in id order,
    // and the order of keys (`kind` or `kind@session`) is that of (kind name, session)
    // because no kind's name is a prefix of another's; the relation's position last, so
    // that an edge takes the first title in report order
    let edge_of = |i: u32| edge_key(&ix, &relations[i as usize]);
    let mut order: Vec<u32> = (0..relations.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| (edge_of(a), a).cmp(&(edge_of(b), b)));
    let same_edge = |a: &u32, b: &u32| edge_of(*a) == edge_of(*b);
    g.graph.reserve_exact_edges(order.chunk_by(same_edge).count());
    for group in order.chunk_by(same_edge) {
        let first = &relations[group[0] as usize];
        let (source, target) = (ix(first.source), ix(first.target));
        let key = match &first.session {
            Some(s) => format!("{}@{}", first.kind, s),
            None => first.kind.to_string(),
        };
        let mut e = Edge::new(first.kind, key);
        e.session = first.session.as_deref().map(String::from);
        e.evidence.reserve_exact(group.len());
        for &i in group {
            let rel = &relations[i as usize];
            if e.title.is_none() {
                e.title = rel.title.as_deref().map(String::from);
            }
            e.evidence.push(rel.evidence.clone());
        }
        e.evidence.sort();
        e.evidence.dedup();
        e.evidence.shrink_to_fit();
        // evidence is sorted by report first
        let mut docs: Vec<&str> = e.evidence.iter().map(Evidence::document).collect();
        docs.dedup();
        e.documents = docs.into_iter().map(String::from).collect();
        g.graph.add_edge(source, target, e);
    }
    g
}

/// What tells an edge from another, in the order of edges: (source, target, kind name,
/// session).
fn edge_key<'r>(ix: &impl Fn(EntityRef) -> NodeIndex, r: &'r Relation) -> (NodeIndex, NodeIndex, &'static str, Option<&'r str>) {
    (ix(r.source), ix(r.target), r.kind.as_str(), r.session.as_deref())
}

#[cfg(test)]
mod tests {
    use crate::graph::EdgeKind;

    /// [`build_graph`] orders edges by kind name for their keys: right only while no
    /// kind's name is a prefix of another's.
    #[test]
    fn no_kind_name_is_a_prefix_of_another() {
        for a in EdgeKind::ALL {
            for b in EdgeKind::ALL {
                assert!(a == b || !b.as_str().starts_with(a.as_str()), "{a} {b}");
            }
        }
    }
}
