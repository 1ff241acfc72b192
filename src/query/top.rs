//! The most central persons, institutions or topics.
//!
//! Centrality is measured on the undirected view of the graph without `mentions` edges
//! (a report merely naming someone does not make them central), with parallel edges merged.

use super::{name_order, GraphIndex, NodeRef};
use crate::graph::{EdgeKind, NodeKind};
use petgraph::graph::{DiGraph, NodeIndex as GIx, UnGraph};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::NodeIndexable;
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// What "central" means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Number of distinct neighbours.
    Degree,
    /// Number of distinct events linked (roles for persons, organised for institutions,
    /// covered for topics); for events, number of distinct participants.
    Events,
    /// Normalised betweenness centrality (Brandes, via `rustworkx-core`).
    Betweenness,
    /// PageRank, damping 0.85 (petgraph's [`petgraph::algo::page_rank()`]).
    PageRank,
}

impl Measure {
    /// All measures.
    pub const ALL: [Measure; 4] = [
        Measure::Degree,
        Measure::Events,
        Measure::Betweenness,
        Measure::PageRank,
    ];

    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Degree => "degree",
            Measure::Events => "events",
            Measure::Betweenness => "betweenness",
            Measure::PageRank => "pagerank",
        }
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Measure {
    type Err = String;
    fn from_str(s: &str) -> Result<Measure, String> {
        Measure::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| format!("unknown measure {s:?}"))
    }
}

/// Options of [`top()`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopOptions {
    /// Which entities to rank.
    pub kind: NodeKind,
    /// By what.
    pub by: Measure,
    /// How many to list.
    pub n: usize,
}

impl Default for TopOptions {
    fn default() -> Self {
        TopOptions {
            kind: NodeKind::Person,
            by: Measure::Degree,
            n: 10,
        }
    }
}

/// A ranked entity.
///
/// JSON shape: `{"rank": 1, "id": "person:…", "label": "…", "kind": "person", "score": 12.0}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// 1-based rank (ties get consecutive ranks, ordered by name).
    pub rank: usize,
    /// The entity.
    #[serde(flatten)]
    pub node: NodeRef,
    /// Its score under the measure.
    pub score: f64,
}

/// PageRank damping factor.
const DAMPING: f64 = 0.85;
/// PageRank iterations.
const ITERATIONS: usize = 50;

/// The `n` most central entities of a kind; entities scoring 0 are left out.
///
/// # Arguments
/// * `index` - the graph's index.
/// * `opts` - kind, measure and count.
///
/// # Returns
/// Up to `n` entities, by score (highest first), then name.
///
/// # Complexity
/// Degree and events: O(V + E). Betweenness: O(V · E) (Brandes), in parallel on large
/// graphs. PageRank: O(k · V² · d̄) for k = 50 iterations (petgraph's algorithm tests every
/// pair of nodes), so meant for report-sized graphs of up to a few thousand nodes.
///
/// # Example
/// ```
/// use reportgraph::query::{top, GraphIndex, Measure, TopOptions};
/// # let json = r#"{"nodes": [
/// #   {"id": "p:ann", "kind": "person", "label": "Ann Lee"},
/// #   {"id": "p:bob", "kind": "person", "label": "Bob Ray"},
/// #   {"id": "e:1", "kind": "event", "label": "One"},
/// #   {"id": "e:2", "kind": "event", "label": "Two"}],
/// #  "edges": [
/// #   {"source": "p:ann", "target": "e:1", "kind": "speaker"},
/// #   {"source": "p:ann", "target": "e:2", "kind": "speaker"},
/// #   {"source": "p:bob", "target": "e:2", "kind": "chair"}]}"#;
/// # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
/// let index = GraphIndex::new(&graph);
/// let t = top(&index, &TopOptions { by: Measure::Events, ..Default::default() });
/// assert_eq!((t[0].node.label.as_str(), t[0].score), ("Ann Lee", 2.0));
/// let t = top(&index, &TopOptions { by: Measure::Betweenness, kind: reportgraph::NodeKind::Event, n: 1 });
/// assert_eq!(t[0].node.label, "Two");
/// ```
pub fn top(index: &GraphIndex, opts: &TopOptions) -> Vec<Ranked> {
    let g = index.graph();
    let scores: Vec<f64> = match opts.by {
        Measure::Degree => per_node(index, |ix| distinct_neighbours(index, ix).len() as f64),
        Measure::Events => per_node(index, |ix| {
            if index.node(ix).kind() == NodeKind::Event {
                let mut v: Vec<NodeIndex> = index.participants_of(ix).map(|p| p.node).collect();
                v.sort_unstable();
                v.dedup();
                v.len() as f64
            } else {
                distinct_neighbours(index, ix)
                    .into_iter()
                    .filter(|n| index.node(*n).kind() == NodeKind::Event)
                    .count() as f64
            }
        }),
        Measure::Betweenness => {
            let ug: UnGraph<(), ()> = view(index);
            rustworkx_core::centrality::betweenness_centrality(&ug, false, true, 50)
                .into_iter()
                .map(|s| s.unwrap_or(0.0))
                .collect()
        }
        Measure::PageRank => {
            let ug: UnGraph<(), ()> = view(index);
            // petgraph's page_rank follows edge directions: make every link go both ways
            let mut dg: DiGraph<(), ()> =
                DiGraph::with_capacity(ug.node_count(), 2 * ug.edge_count());
            for _ in 0..ug.node_count() {
                dg.add_node(());
            }
            for e in ug.raw_edges() {
                dg.add_edge(e.source(), e.target(), ());
                dg.add_edge(e.target(), e.source(), ());
            }
            petgraph::algo::page_rank(&dg, DAMPING, ITERATIONS)
        }
    };
    let mut ranked: Vec<(f64, NodeIndex)> = g
        .nodes()
        .filter(|(ix, n)| n.kind() == opts.kind && scores[ix.index()] > 0.0)
        .map(|(ix, _)| (scores[ix.index()], ix))
        .collect();
    // best scores first; names only for the ties that may reach the cut
    ranked.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
    if let Some(cut) = ranked.get(opts.n.saturating_sub(1)).map(|r| r.0) {
        ranked.retain(|r| r.0 >= cut);
    }
    let mut ranked: Vec<(f64, (String, String), NodeRef)> = ranked
        .into_iter()
        .map(|(s, ix)| {
            let r = index.node_ref(ix);
            (s, name_order(&r), r)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    ranked
        .into_iter()
        .take(opts.n)
        .enumerate()
        .map(|(i, (score, _, node))| Ranked {
            rank: i + 1,
            node,
            score,
        })
        .collect()
}

/// A score per node slot (`node_bound` long; vacant slots score 0).
fn per_node(index: &GraphIndex, f: impl Fn(NodeIndex) -> f64) -> Vec<f64> {
    let g = &index.graph().graph;
    let mut v = vec![0.0; g.node_bound()];
    for ix in g.node_indices() {
        v[ix.index()] = f(ix);
    }
    v
}

/// The distinct neighbours of a node in the view (no `mentions`, no self-loops), sorted.
fn distinct_neighbours(index: &GraphIndex, ix: NodeIndex) -> Vec<NodeIndex> {
    let mut v: Vec<NodeIndex> = index
        .neighbors(ix)
        .filter(|a| a.kind != EdgeKind::Mentions && a.node != ix)
        .map(|a| a.node)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The view as a simple undirected petgraph graph whose node `i` is slot `i` of the
/// report graph (vacant slots become isolated nodes).
fn view(index: &GraphIndex) -> UnGraph<(), ()> {
    let g = &index.graph().graph;
    let n = g.node_bound();
    let mut ug: UnGraph<(), ()> = UnGraph::with_capacity(n, g.edge_count());
    for _ in 0..n {
        ug.add_node(());
    }
    for ix in g.node_indices() {
        for m in distinct_neighbours(index, ix) {
            if m > ix {
                ug.add_edge(GIx::new(ix.index()), GIx::new(m.index()), ());
            }
        }
    }
    ug
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testgraph::sample;

    fn ids(t: &[Ranked]) -> Vec<&str> {
        t.iter().map(|r| r.node.id.as_str()).collect()
    }

    #[test]
    fn by_events_and_degree() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let t = top(
            &ix,
            &TopOptions {
                by: Measure::Events,
                n: 3,
                ..Default::default()
            },
        );
        assert_eq!(ids(&t)[0], "person:khurram-iqbal");
        assert_eq!(t[0].score, 3.0);
        assert_eq!(t[0].rank, 1);
        let t = top(
            &ix,
            &TopOptions {
                by: Measure::Degree,
                n: 100,
                ..Default::default()
            },
        );
        // Putin is only mentioned, the isolated person has no edge: neither is ranked
        assert!(!ids(&t).contains(&"person:vladimir-putin"));
        assert!(!ids(&t).contains(&"person:isolated"));
        let t = top(
            &ix,
            &TopOptions {
                kind: NodeKind::Event,
                by: Measure::Events,
                n: 1,
            },
        );
        assert_eq!(ids(&t), ["event:caps"]);
        let t = top(
            &ix,
            &TopOptions {
                kind: NodeKind::Topic,
                by: Measure::Events,
                n: 5,
            },
        );
        assert_eq!(ids(&t), ["topic:instc"]);
    }

    #[test]
    fn betweenness_and_pagerank() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        // the CAPS seminar joins most of the graph
        let t = top(
            &ix,
            &TopOptions {
                kind: NodeKind::Event,
                by: Measure::Betweenness,
                n: 3,
            },
        );
        assert_eq!(ids(&t)[0], "event:caps");
        assert!(t[0].score > 0.0 && t[0].score <= 1.0);
        let t = top(
            &ix,
            &TopOptions {
                kind: NodeKind::Event,
                by: Measure::PageRank,
                n: 3,
            },
        );
        assert_eq!(ids(&t)[0], "event:caps");
        let total: f64 = top(
            &ix,
            &TopOptions {
                kind: NodeKind::Person,
                by: Measure::PageRank,
                n: 100,
            },
        )
        .iter()
        .map(|r| r.score)
        .sum();
        assert!(total > 0.0 && total < 1.0);
        assert_eq!("pagerank".parse::<Measure>().unwrap(), Measure::PageRank);
    }
}
