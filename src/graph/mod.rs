//! The report graph: a petgraph multigraph of persons, institutions, events, topics and places.
//!
//! Nodes are kept sorted by id and edges by (source id, target id, key), so the same
//! input always yields the same graph and byte-identical exports.

mod build;
pub mod load;
pub mod model;

pub use build::build_graph;
pub use load::{load_json, LoadError};
pub use model::{slug, Edge, EdgeKind, Evidence, Node, NodeKind, Source, SNIPPET_CONTEXT};

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::{BTreeMap, HashMap};

/// The graph of a set of reports.
#[derive(Debug, Clone, Default)]
pub struct ReportGraph {
    /// The petgraph multigraph (directed; parallel edges allowed, distinguished by `key`).
    pub graph: StableDiGraph<Node, Edge>,
    /// Report file names the graph was built from, sorted.
    pub documents: Vec<String>,
    /// True for the undirected views (`alongside`, `affiliation`, `institutions`, see
    /// [`crate::export::view`]): each edge is stored once, source id < target id, and the
    /// exports write an undirected graph. False (directed) for the report graph.
    pub undirected: bool,
    ids: HashMap<String, NodeIndex>,
}

impl ReportGraph {
    /// Builds a graph from nodes and edges given as `(source id, target id, edge)`.
    ///
    /// Nodes are inserted sorted by id and edges sorted by (source, target, key), so the
    /// result does not depend on the order of the inputs. Edges whose ends are missing are
    /// dropped; duplicate ids keep the first node.
    pub fn from_parts(
        nodes: Vec<Node>,
        mut edges: Vec<(String, String, Edge)>,
        documents: Vec<String>,
    ) -> ReportGraph {
        edges.sort_by(|a, b| (&a.0, &a.1, &a.2.key).cmp(&(&b.0, &b.1, &b.2.key)));
        edges.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1 && a.2.key == b.2.key);
        let (mut rg, _) = ReportGraph::with_nodes(nodes, documents);
        rg.graph.reserve_exact_edges(edges.len());
        for (s, t, e) in edges {
            if let (Some(a), Some(b)) = (rg.index_of(&s), rg.index_of(&t)) {
                rg.graph.add_edge(a, b, e);
            }
        }
        rg
    }

    /// A graph of these nodes, without edges: nodes inserted sorted by id (so node indices
    /// are in id order), duplicate ids keeping the first node. Also returns, for each
    /// position in `nodes`, the index of the node with its id.
    ///
    /// Complexity: O(n log n) for n nodes.
    pub(crate) fn with_nodes(nodes: Vec<Node>, mut documents: Vec<String>) -> (ReportGraph, Vec<NodeIndex>) {
        documents.sort();
        documents.dedup();
        let mut order: Vec<usize> = (0..nodes.len()).collect();
        // stable: of equal ids, the first comes first
        order.sort_by(|&a, &b| nodes[a].id.cmp(&nodes[b].id));
        let mut slots: Vec<Option<Node>> = nodes.into_iter().map(Some).collect();
        let mut at = vec![NodeIndex::end(); slots.len()];
        let mut g = StableDiGraph::with_capacity(slots.len(), 0);
        let mut ids: HashMap<String, NodeIndex> = HashMap::with_capacity(slots.len());
        for p in order {
            let Some(n) = slots[p].take() else { continue };
            at[p] = match ids.get(&n.id) {
                Some(&ix) => ix,
                None => {
                    let id = n.id.clone();
                    let ix = g.add_node(n);
                    ids.insert(id, ix);
                    ix
                }
            };
        }
        let rg = ReportGraph {
            graph: g,
            documents,
            undirected: false,
            ids,
        };
        (rg, at)
    }

    /// Builds a graph from nodes sorted by id without repeats and edges given as
    /// `(source position, target position, edge)` in `nodes`, sorted by (source, target,
    /// key) without repeats — what [`build_graph`] makes; the same graph as
    /// [`ReportGraph::from_parts`] with those ids, without sorting or looking up ids again.
    /// `edge_count` is the number of edges expected (room is made for them). Edges whose
    /// ends are out of range are dropped.
    pub(crate) fn from_sorted(nodes: Vec<Node>, edges: impl IntoIterator<Item = (usize, usize, Edge)>, edge_count: usize, mut documents: Vec<String>) -> ReportGraph {
        documents.sort();
        documents.dedup();
        let n = nodes.len();
        let mut g = StableDiGraph::with_capacity(n, edge_count);
        let mut ids = HashMap::with_capacity(n);
        for node in nodes {
            let id = node.id.clone();
            let ix = g.add_node(node);
            ids.insert(id, ix);
        }
        for (s, t, e) in edges {
            if s < n && t < n {
                g.add_edge(NodeIndex::new(s), NodeIndex::new(t), e);
            }
        }
        ReportGraph {
            graph: g,
            documents,
            undirected: false,
            ids,
        }
    }

    /// The node index of an id.
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.ids.get(id).copied()
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index_of(id).map(|ix| &self.graph[ix])
    }

    /// All nodes, in id order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Node)> {
        self.graph.node_indices().map(move |ix| (ix, &self.graph[ix]))
    }

    /// All edges, in (source, target, key) order: `(index, source, target, edge)`.
    pub fn edges(&self) -> impl Iterator<Item = (EdgeIndex, NodeIndex, NodeIndex, &Edge)> {
        (&self.graph)
            .edge_references()
            .map(|e| (e.id(), e.source(), e.target(), e.weight()))
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Node counts per kind and edge counts per kind, for summaries.
    pub fn counts(&self) -> (BTreeMap<NodeKind, usize>, BTreeMap<EdgeKind, usize>) {
        let mut nk = BTreeMap::new();
        for (_, n) in self.nodes() {
            *nk.entry(n.kind()).or_insert(0) += 1;
        }
        let mut ek = BTreeMap::new();
        for (_, _, _, e) in self.edges() {
            *ek.entry(e.kind).or_insert(0) += 1;
        }
        (nk, ek)
    }
}
