//! Cytoscape.js elements JSON (`cy.add(data.elements)`, or Cytoscape desktop's *Import →
//! Network from File* as "Cytoscape.js JSON"):
//!
//! ```json
//! {
//!   "data": {"name": "reportgraph", "documents": ["a.txt"]},
//!   "directed": true,
//!   "multigraph": true,
//!   "elements": {
//!     "nodes": [{"data": {"id": "person:jane-roe", "value": "person:jane-roe", "name": "Jane Roe",
//!                "label": "Jane Roe", "kind": "person", "degree": 3, "aliases": [], …}}],
//!     "edges": [{"data": {"id": "e0", "source": "person:jane-roe", "target": "event:…",
//!                "key": "chair", "kind": "chair", "label": "chair", "weight": 1.0, …}}]
//!   }
//! }
//! ```
//!
//! Node data carry every node attribute (lists as arrays, evidence as objects) plus
//! `degree`; edge data every edge attribute plus `weight` (and `events` in the views).
//! The top-level `directed` / `multigraph` keys and the node `value` / `name` make the file
//! readable by `networkx.cytoscape_graph` as well. Strings are written exactly.

use super::{degree, json::GRAPH_NAME, ExportError};
use crate::graph::ReportGraph;
use serde_json::{json, Map, Value};
use std::io::Write;

fn put(m: &mut Map<String, Value>, k: &str, v: Option<&str>) {
    if let Some(v) = v {
        m.insert(k.into(), Value::String(v.into()));
    }
}

/// The Cytoscape.js document of `g`.
pub fn to_value(g: &ReportGraph) -> Result<Value, ExportError> {
    let mut nodes = Vec::with_capacity(g.node_count());
    for (ix, n) in g.nodes() {
        let mut d = Map::new();
        d.insert("id".into(), json!(n.id));
        d.insert("value".into(), json!(n.id));
        d.insert("name".into(), json!(n.label));
        d.insert("label".into(), json!(n.label));
        d.insert("kind".into(), json!(n.kind().as_str()));
        d.insert("degree".into(), json!(degree(g, ix)));
        d.insert("aliases".into(), json!(n.aliases));
        d.insert("documents".into(), json!(n.documents));
        put(&mut d, "title", n.title.as_deref());
        put(&mut d, "date", n.date.as_deref());
        put(&mut d, "venue", n.venue.as_deref());
        put(&mut d, "city", n.city.as_deref());
        put(&mut d, "subtype", n.subtype.as_deref());
        if !n.sessions.is_empty() {
            d.insert("sessions".into(), json!(n.sessions));
        }
        d.insert("evidence".into(), serde_json::to_value(&n.evidence)?);
        nodes.push(json!({ "data": d }));
    }
    let mut edges = Vec::with_capacity(g.edge_count());
    for (i, (_, s, t, e)) in g.edges().enumerate() {
        let mut d = Map::new();
        d.insert("id".into(), json!(format!("e{i}")));
        d.insert("source".into(), json!(g.graph[s].id));
        d.insert("target".into(), json!(g.graph[t].id));
        d.insert("key".into(), json!(e.key));
        d.insert("kind".into(), json!(e.kind.as_str()));
        d.insert("label".into(), json!(e.kind.as_str()));
        d.insert("weight".into(), json!(e.weight_or_one()));
        put(&mut d, "title", e.title.as_deref());
        put(&mut d, "session", e.session.as_deref());
        if !e.events.is_empty() {
            d.insert("events".into(), json!(e.events));
        }
        d.insert("documents".into(), json!(e.documents));
        d.insert("evidence".into(), serde_json::to_value(&e.evidence)?);
        edges.push(json!({ "data": d }));
    }
    Ok(json!({
        "data": {"name": GRAPH_NAME, "documents": g.documents},
        "directed": !g.undirected,
        "multigraph": !g.undirected,
        "elements": {"nodes": nodes, "edges": edges},
    }))
}

/// Writes `g` as pretty-printed Cytoscape.js JSON with a trailing newline.
pub fn write(g: &ReportGraph, w: &mut dyn Write) -> Result<(), ExportError> {
    let v = to_value(g)?;
    let mut w = std::io::BufWriter::new(w);
    serde_json::to_writer_pretty(&mut w, &v)?;
    w.write_all(b"\n")?;
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testgraph::{hostile, render};

    #[test]
    fn elements() {
        let g = hostile();
        let v: Value = serde_json::from_slice(&render(&g, write)).unwrap();
        let nodes = v["elements"]["nodes"].as_array().unwrap();
        let edges = v["elements"]["edges"].as_array().unwrap();
        assert_eq!((nodes.len(), edges.len()), (g.node_count(), g.edge_count()));
        assert_eq!(v["directed"], true);
        let p = nodes
            .iter()
            .find(|n| n["data"]["id"] == "person:o-brien")
            .unwrap();
        assert_eq!(p["data"]["label"], "Dr. \"Seán\" O'Brien & <Co> \\ 😀\u{1}");
        assert_eq!(p["data"]["aliases"][1], "Шон");
        let ids: std::collections::BTreeSet<_> = edges
            .iter()
            .map(|e| e["data"]["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), edges.len());
        for e in edges {
            let d = &e["data"];
            assert!(g.node(d["source"].as_str().unwrap()).is_some());
            assert_eq!(d["weight"], 1.0);
        }
    }
}
