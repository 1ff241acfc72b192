//! The shortest chain of shared events and institutions linking two people or institutions.

use super::{GraphIndex, NodeRef, QueryError};
use crate::graph::{EdgeKind, Evidence, NodeKind};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use serde::Serialize;
use std::collections::{HashMap, VecDeque};

/// Options of [`path()`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathOptions {
    /// The edge kinds a chain may use, in either direction.
    pub via: Vec<EdgeKind>,
}

impl Default for PathOptions {
    /// Every person → event role, affiliations, and event → organiser: chains through
    /// shared events and institutions (not through topics, places or mere mentions).
    fn default() -> Self {
        let mut via: Vec<EdgeKind> = EdgeKind::ALL.into_iter().filter(|k| k.is_role()).collect();
        via.extend([EdgeKind::AffiliatedWith, EdgeKind::OrganizedBy]);
        PathOptions { via }
    }
}

/// The answer of [`path()`].
///
/// JSON shape:
/// ```json
/// {"from": {"id": "person:a", "label": "A", "kind": "person"},
///  "to": {"id": "person:b", "label": "B", "kind": "person"},
///  "connected": true,
///  "steps": [{"from": {…}, "to": {"id": "event:…", …}, "relation": "speaker", "forward": true,
///             "session": null,
///             "evidence": {"document": "000_….txt", "start": 10, "end": 40, "snippet": "…"}}]}
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chain {
    /// Where the chain starts.
    pub from: NodeRef,
    /// Where it ends.
    pub to: NodeRef,
    /// False when no chain links the two; then `steps` is empty.
    pub connected: bool,
    /// The steps, from `from` to `to`; empty when they are the same node.
    pub steps: Vec<Step>,
}

/// One step of a chain: an edge walked in either direction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// The node the step leaves.
    pub from: NodeRef,
    /// The node it reaches.
    pub to: NodeRef,
    /// The edge kind.
    pub relation: EdgeKind,
    /// True when the edge points from `from` to `to` (e.g. person → event for a role).
    pub forward: bool,
    /// The session of a role, or `null`.
    pub session: Option<String>,
    /// The first text span supporting the edge, or `null`.
    pub evidence: Option<Evidence>,
}

/// The shortest chain linking two persons or institutions through shared events and
/// institutions, each step with its evidence.
///
/// # Arguments
/// * `index` - the graph's index.
/// * `a`, `b` - persons or institutions, as typed (see [`GraphIndex::resolve`]).
/// * `opts` - the edge kinds a chain may use.
///
/// # Returns
/// The chain (`connected: false` when there is none), or why a name does not resolve.
///
/// # Complexity
/// Breadth-first search over the undirected view: O(V + E) at worst, stopping as soon as
/// `b` is reached.
///
/// # Example
/// ```
/// use reportgraph::query::{path, GraphIndex};
/// # let json = r#"{"nodes": [
/// #   {"id": "p:ann", "kind": "person", "label": "Ann Lee"},
/// #   {"id": "p:bob", "kind": "person", "label": "Bob Ray"},
/// #   {"id": "i:x", "kind": "institution", "label": "X Institute"},
/// #   {"id": "e:1", "kind": "event", "label": "One"}],
/// #  "edges": [
/// #   {"source": "p:ann", "target": "e:1", "kind": "speaker"},
/// #   {"source": "e:1", "target": "i:x", "kind": "organized_by"},
/// #   {"source": "p:bob", "target": "i:x", "kind": "affiliated_with"}]}"#;
/// # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
/// let index = GraphIndex::new(&graph);
/// let c = path(&index, "Ann Lee", "Bob Ray", &Default::default())?;
/// let hops: Vec<_> = c.steps.iter().map(|s| s.to.label.as_str()).collect();
/// assert_eq!(hops, ["One", "X Institute", "Bob Ray"]);
/// # Ok::<(), reportgraph::query::QueryError>(())
/// ```
pub fn path(index: &GraphIndex, a: &str, b: &str, opts: &PathOptions) -> Result<Chain, QueryError> {
    let kinds = [NodeKind::Person, NodeKind::Institution];
    let a = index.resolve(a, &kinds)?;
    let b = index.resolve(b, &kinds)?;
    Ok(path_nodes(index, a, b, opts))
}

/// [`path()`] between two nodes already resolved (of any kind).
///
/// # Arguments
/// * `index` - the graph's index.
/// * `a`, `b` - the two nodes.
/// * `opts` - the edge kinds a chain may use.
///
/// # Returns
/// See [`path()`].
///
/// # Complexity
/// See [`path()`].
///
/// # Example
/// ```
/// # let json = r#"{"nodes": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}"#;
/// # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
/// let index = reportgraph::query::GraphIndex::new(&graph);
/// let (a, b) = (graph.index_of("a").unwrap(), graph.index_of("b").unwrap());
/// assert!(!reportgraph::query::path_nodes(&index, a, b, &Default::default()).connected);
/// ```
pub fn path_nodes(index: &GraphIndex, a: NodeIndex, b: NodeIndex, opts: &PathOptions) -> Chain {
    // parent[n] = (previous node, edge, forward)
    let mut parent: HashMap<NodeIndex, (NodeIndex, EdgeIndex, bool)> = HashMap::new();
    let mut queue = VecDeque::from([a]);
    let mut found = a == b;
    parent.insert(a, (a, EdgeIndex::end(), true));
    'bfs: while let Some(n) = queue.pop_front() {
        let out = index.outgoing(n).iter().map(|x| (x, true));
        let inc = index.incoming(n).iter().map(|x| (x, false));
        for (adj, forward) in out.chain(inc) {
            if !opts.via.contains(&adj.kind) || parent.contains_key(&adj.node) {
                continue;
            }
            parent.insert(adj.node, (n, adj.edge, forward));
            if adj.node == b {
                found = true;
                break 'bfs;
            }
            queue.push_back(adj.node);
        }
    }
    let mut steps = Vec::new();
    if found {
        let mut n = b;
        while n != a {
            let (prev, e, forward) = parent[&n];
            let edge = index.edge(e);
            steps.push(Step {
                from: index.node_ref(prev),
                to: index.node_ref(n),
                relation: edge.kind,
                forward,
                session: edge.session.clone(),
                evidence: edge.evidence.first().cloned(),
            });
            n = prev;
        }
        steps.reverse();
    }
    Chain {
        from: index.node_ref(a),
        to: index.node_ref(b),
        connected: found,
        steps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testgraph::sample;

    fn hops(c: &Chain) -> Vec<&str> {
        c.steps.iter().map(|s| s.to.id.as_str()).collect()
    }

    #[test]
    fn through_a_shared_event() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let c = path(
            &ix,
            "Roksolana Zigon",
            "Leonid Savin",
            &PathOptions::default(),
        )
        .unwrap();
        assert!(c.connected);
        assert_eq!(hops(&c).len(), 4);
        assert_eq!(hops(&c)[0], "event:caps");
        assert_eq!(*hops(&c).last().unwrap(), "person:leonid-savin");
        assert_eq!(c.steps[0].relation, EdgeKind::Speaker);
        assert!(c.steps[0].forward);
        assert!(!c.steps[3].forward);
        assert!(c.steps[0]
            .evidence
            .as_ref()
            .unwrap()
            .snippet()
            .contains("speaker"));
    }

    #[test]
    fn institutions_and_dead_ends() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let c = path(&ix, "Umair Pervez Khan", "ISSI", &PathOptions::default()).unwrap();
        // Umair → the CAPS seminar → Taimur Fahad → ISSI
        assert_eq!(c.steps.len(), 3);
        assert_eq!(c.to.id, "institution:issi");
        let c = path(
            &ix,
            "Ivan Isolated",
            "Leonid Savin",
            &PathOptions::default(),
        )
        .unwrap();
        assert!(!c.connected && c.steps.is_empty());
        let c = path(&ix, "Leonid Savin", "Dr. Savin", &PathOptions::default()).unwrap();
        assert!(c.connected && c.steps.is_empty());
        // mentions are not links by default
        let c = path(
            &ix,
            "Vladimir Putin",
            "Roksolana Zigon",
            &PathOptions::default(),
        )
        .unwrap();
        assert!(!c.connected);
        let opts = PathOptions {
            via: vec![EdgeKind::Mentions, EdgeKind::Speaker],
        };
        assert_eq!(
            path(&ix, "Vladimir Putin", "Roksolana Zigon", &opts)
                .unwrap()
                .steps
                .len(),
            2
        );
    }
}
