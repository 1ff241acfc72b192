//! networkx node-link JSON.
//!
//! The layout is what `networkx.node_link_graph(data)` (networkx ≥ 3.4, `edges="edges"`)
//! reads into a `MultiDiGraph`, and what [`crate::graph::load_json`] reads back:
//!
//! ```json
//! {
//!   "directed": true,
//!   "multigraph": true,
//!   "graph": {"name": "reportgraph", "documents": ["a.txt"]},
//!   "nodes": [{"id": "person:jane-roe", "kind": "person", "label": "Jane Roe", "aliases": [],
//!              "documents": ["a.txt"], "evidence": [{"document": "a.txt", "start": 0, "end": 8, "snippet": "…"}]}],
//!   "edges": [{"source": "person:jane-roe", "target": "event:…", "kind": "chair", "key": "chair",
//!              "documents": ["a.txt"], "evidence": []}]
//! }
//! ```
//!
//! Event and institution nodes add `title`, `date`, `venue`, `city`, `subtype`, `sessions`
//! when known; edges add `title` (affiliations) and `session` (roles) when known.
//!
//! The undirected views ([`crate::export::view`]) are written with `"directed": false,
//! "multigraph": false` (networkx reads a `Graph`), and their edges add `weight` and
//! `events` (the shared event ids).
//! Strings are written exactly, control characters included (JSON escapes them).

use super::{EvidenceJson, ExportError};
use crate::graph::ReportGraph;
use serde::Serialize;
use std::cell::RefCell;
use std::io::Write;

/// Name stored in the `graph` object.
pub const GRAPH_NAME: &str = "reportgraph";

#[derive(Serialize)]
struct NodeLink<'a, N: Serialize, E: Serialize> {
    directed: bool,
    multigraph: bool,
    graph: GraphAttrs<'a>,
    nodes: N,
    edges: E,
}

/// A JSON array serialized from an iterator, element by element: the nodes and edges are
/// written without a list of them all in memory.
struct Lazy<I>(std::cell::Cell<Option<I>>);

impl<I> Lazy<I> {
    fn new(iter: I) -> Lazy<I> {
        Lazy(std::cell::Cell::new(Some(iter)))
    }
}

impl<I: Iterator> Serialize for Lazy<I>
where
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.take() {
            Some(iter) => s.collect_seq(iter),
            None => Err(serde::ser::Error::custom("a lazy sequence is serialized once")),
        }
    }
}

#[derive(Serialize)]
struct GraphAttrs<'a> {
    name: &'a str,
    documents: &'a [String],
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: &'a str,
    kind: &'static str,
    label: &'a str,
    aliases: &'a [String],
    documents: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    venue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    city: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subtype: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    sessions: &'a [String],
    evidence: EvidenceJson<'a>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    merges: &'a [String],
}

#[derive(Serialize)]
struct JsonEdge<'a> {
    source: &'a str,
    target: &'a str,
    kind: &'static str,
    key: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    session: Option<&'a str>,
    documents: &'a [String],
    evidence: EvidenceJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<f64>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    events: &'a [String],
}

/// Writes `g` as pretty-printed (2-space) node-link JSON with a trailing newline.
pub fn write(g: &ReportGraph, w: &mut dyn Write) -> Result<(), ExportError> {
    // Scratch space for the snippets of all evidence.
    let snippet = RefCell::new(String::new());
    let nodes = g
        .nodes()
        .map(|(_, n)| JsonNode {
            id: &n.id,
            kind: n.kind().as_str(),
            label: &n.label,
            aliases: &n.aliases,
            documents: &n.documents,
            title: n.title.as_deref(),
            date: n.date.as_deref(),
            venue: n.venue.as_deref(),
            city: n.city.as_deref(),
            subtype: n.subtype.as_deref(),
            sessions: &n.sessions,
            evidence: EvidenceJson { list: &n.evidence, snippet: &snippet },
            merges: &n.merges,
        });
    let edges = g
        .edges()
        .map(|(_, s, t, e)| JsonEdge {
            source: &g.graph[s].id,
            target: &g.graph[t].id,
            kind: e.kind.as_str(),
            key: &e.key,
            title: e.title.as_deref(),
            session: e.session.as_deref(),
            documents: &e.documents,
            evidence: EvidenceJson { list: &e.evidence, snippet: &snippet },
            weight: e.weight,
            events: &e.events,
        });
    let doc = NodeLink {
        directed: !g.undirected,
        multigraph: !g.undirected,
        graph: GraphAttrs {
            name: GRAPH_NAME,
            documents: &g.documents,
        },
        nodes: Lazy::new(nodes),
        edges: Lazy::new(edges),
    };
    let mut w = std::io::BufWriter::with_capacity(super::BUF_SIZE, w);
    serde_json::to_writer_pretty(&mut w, &doc)?;
    w.write_all(b"\n")?;
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testgraph::{hostile, render};
    use serde_json::Value;

    #[test]
    fn layout_and_key_order() {
        let g = hostile();
        let bytes = render(&g, write);
        assert!(bytes.ends_with(b"}\n"));
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        let top: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(top, ["directed", "multigraph", "graph", "nodes", "edges"]);
        assert_eq!(v["directed"], true);
        assert_eq!(v["multigraph"], true);
        assert_eq!(v["graph"]["name"], "reportgraph");
        assert_eq!(v["graph"]["documents"][0], "a&b.txt");
        let nodes = v["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), g.node_count());
        let event = nodes.iter().find(|n| n["kind"] == "event").unwrap();
        let keys: Vec<&str> = event
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(
            keys,
            [
                "id",
                "kind",
                "label",
                "aliases",
                "documents",
                "title",
                "date",
                "venue",
                "city",
                "subtype",
                "sessions",
                "evidence"
            ]
        );
        let person = nodes.iter().find(|n| n["id"] == "person:o-brien").unwrap();
        // Exact strings, control character included.
        assert_eq!(person["label"], "Dr. \"Seán\" O'Brien & <Co> \\ 😀\u{1}");
        let keys: Vec<&str> = person
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(
            keys,
            ["id", "kind", "label", "aliases", "documents", "evidence"]
        );
        let ev = person["evidence"][0].as_object().unwrap();
        assert_eq!(
            ev.keys().collect::<Vec<_>>(),
            ["document", "start", "end", "snippet"]
        );

        let edges = v["edges"].as_array().unwrap();
        assert_eq!(edges.len(), g.edge_count());
        let chair = edges.iter().find(|e| e["kind"] == "chair").unwrap();
        let keys: Vec<&str> = chair
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(
            keys,
            [
                "source",
                "target",
                "kind",
                "key",
                "session",
                "documents",
                "evidence"
            ]
        );
        // Parallel edges of different kinds between the same pair both survive.
        let parallel = edges
            .iter()
            .filter(|e| e["source"] == "person:o-brien" && e["target"] == "event:x-2019-10")
            .count();
        assert_eq!(parallel, 2);
    }

    #[test]
    fn deterministic() {
        let g = hostile();
        assert_eq!(render(&g, write), render(&g, write));
        assert_eq!(render(&g, write), render(&g.clone(), write));
    }
}
