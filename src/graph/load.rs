//! Reading a graph back from node-link JSON (the `graph.json` export).
//!
//! Accepts what [`crate::export::json`] writes, and node-link JSON written by networkx
//! (`edges` or the older `links` key; an edge without `key` gets its kind as key; a node
//! without `kind` is a person). `"directed": false` (the undirected views) sets
//! [`ReportGraph::undirected`]; edge `weight` and `events` are kept.

use super::{Edge, EdgeKind, Evidence, Node, ReportGraph};
use serde::Deserialize;
use std::collections::HashSet;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// An error while loading a graph.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The input is not node-link JSON of the expected shape.
    #[error("invalid graph JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Two nodes share an id.
    #[error("duplicate node id {0:?}")]
    DuplicateNode(String),
    /// Two edges share source, target and key.
    #[error("duplicate edge {from:?} -> {to:?} with key {key:?}")]
    DuplicateEdge {
        /// Source node id.
        from: String,
        /// Target node id.
        to: String,
        /// Edge key.
        key: String,
    },
    /// An edge refers to a node that is not in the file.
    #[error("edge {from:?} -> {to:?} refers to unknown node {missing:?}")]
    UnknownNode {
        /// Source node id.
        from: String,
        /// Target node id.
        to: String,
        /// The id that is missing.
        missing: String,
    },
}

#[derive(Deserialize)]
struct NodeLink {
    #[serde(default = "yes")]
    directed: bool,
    #[serde(default)]
    graph: GraphAttrs,
    #[serde(default)]
    nodes: Vec<Node>,
    #[serde(default, alias = "links")]
    edges: Vec<JsonEdge>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize, Default)]
struct GraphAttrs {
    #[serde(default)]
    documents: Vec<String>,
}

#[derive(Deserialize)]
struct JsonEdge {
    source: String,
    target: String,
    kind: EdgeKind,
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    session: Option<String>,
    #[serde(default)]
    documents: Vec<String>,
    #[serde(default)]
    evidence: Vec<Evidence>,
    #[serde(default)]
    weight: Option<f64>,
    #[serde(default)]
    events: Vec<String>,
}

impl ReportGraph {
    /// Reads node-link JSON (as written by [`crate::export::json::write`]).
    ///
    /// Unlike [`ReportGraph::from_parts`], which quietly drops them, duplicate nodes,
    /// duplicate edges and edges to unknown nodes are errors here: a file that has them was
    /// not written by this crate and would not round-trip.
    pub fn from_json_reader<R: Read>(reader: R) -> Result<ReportGraph, LoadError> {
        let data: NodeLink = serde_json::from_reader(BufReader::new(reader))?;
        let mut ids = HashSet::with_capacity(data.nodes.len());
        for n in &data.nodes {
            if !ids.insert(n.id.as_str()) {
                return Err(LoadError::DuplicateNode(n.id.clone()));
            }
        }
        let mut seen = HashSet::with_capacity(data.edges.len());
        let mut edges = Vec::with_capacity(data.edges.len());
        for e in data.edges {
            for end in [&e.source, &e.target] {
                if !ids.contains(end.as_str()) {
                    return Err(LoadError::UnknownNode {
                        from: e.source.clone(),
                        to: e.target.clone(),
                        missing: end.clone(),
                    });
                }
            }
            let key = e.key.unwrap_or_else(|| e.kind.as_str().to_string());
            if !seen.insert((e.source.clone(), e.target.clone(), key.clone())) {
                return Err(LoadError::DuplicateEdge {
                    from: e.source,
                    to: e.target,
                    key,
                });
            }
            let edge = Edge {
                kind: e.kind,
                key,
                title: e.title,
                session: e.session,
                documents: e.documents,
                evidence: e.evidence,
                weight: e.weight,
                events: e.events,
            };
            edges.push((e.source, e.target, edge));
        }
        let mut g = ReportGraph::from_parts(data.nodes, edges, data.graph.documents);
        g.undirected = !data.directed;
        Ok(g)
    }
}

/// Loads a `graph.json` written by [`crate::export::json::write`] (or by networkx's
/// `node_link_data`). See [`ReportGraph::from_json_reader`].
pub fn load_json(path: &Path) -> Result<ReportGraph, LoadError> {
    let file = std::fs::File::open(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    ReportGraph::from_json_reader(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::json::write;
    use crate::export::testgraph::{hostile, render};

    #[test]
    fn round_trip_is_byte_identical() {
        let g = hostile();
        let first = render(&g, write);
        let back = ReportGraph::from_json_reader(&first[..]).unwrap();
        assert_eq!(back.node_count(), g.node_count());
        assert_eq!(back.edge_count(), g.edge_count());
        assert_eq!(back.documents, g.documents);
        let second = render(&back, write);
        assert_eq!(
            String::from_utf8(first).unwrap(),
            String::from_utf8(second).unwrap()
        );
    }

    #[test]
    fn round_trip_through_a_file() {
        let g = hostile();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.json");
        crate::export::write_atomic(&path, |w| write(&g, w)).unwrap();
        let back = load_json(&path).unwrap();
        assert_eq!(render(&back, write), std::fs::read(&path).unwrap());
    }

    #[test]
    fn accepts_links_and_missing_keys() {
        let json = r#"{"directed": true, "multigraph": false, "graph": {},
            "nodes": [{"id": "a", "label": "A"}, {"id": "b", "kind": "event", "label": "B"}],
            "links": [{"source": "a", "target": "b", "kind": "chair"}]}"#;
        let g = ReportGraph::from_json_reader(json.as_bytes()).unwrap();
        assert_eq!(g.node_count(), 2);
        let (_, _, _, e) = g.edges().next().unwrap();
        assert_eq!(e.key, "chair");
        assert_eq!(g.node("a").unwrap().kind(), crate::graph::NodeKind::Person);
    }

    #[test]
    fn rejects_dangling_and_duplicates() {
        let dangling = r#"{"nodes": [{"id": "a", "label": "A"}],
            "edges": [{"source": "a", "target": "zz", "kind": "chair"}]}"#;
        assert!(matches!(
            ReportGraph::from_json_reader(dangling.as_bytes()),
            Err(LoadError::UnknownNode { missing, .. }) if missing == "zz"
        ));
        let dup = r#"{"nodes": [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]}"#;
        assert!(matches!(
            ReportGraph::from_json_reader(dup.as_bytes()),
            Err(LoadError::DuplicateNode(_))
        ));
        let dup_edge = r#"{"nodes": [{"id": "a", "label": "A"}],
            "edges": [{"source": "a", "target": "a", "kind": "chair"},
                      {"source": "a", "target": "a", "kind": "chair", "key": "chair"}]}"#;
        assert!(matches!(
            ReportGraph::from_json_reader(dup_edge.as_bytes()),
            Err(LoadError::DuplicateEdge { .. })
        ));
        assert!(matches!(
            load_json(Path::new("/nonexistent/graph.json")),
            Err(LoadError::Io { .. })
        ));
    }
}
