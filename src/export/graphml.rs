//! GraphML, for Gephi, networkx (`read_graphml`) and igraph (`Graph.Read_GraphML`).
//!
//! Every attribute is declared by a `<key>` with a readable id (`label`, `kind`, `e_kind`,
//! …; edge keys are prefixed `e_`, graph keys `g_`) and a type. Lists are joined with
//! `" | "`, evidence is a JSON string. Edges get document-unique ids `e0`, `e1`, … in graph
//! order; the edge key (`kind` or `kind@session`) is kept as the `key` attribute, so
//! parallel edges stay distinct. Attributes without a value are left out. Characters XML
//! cannot represent (most control characters, U+FFFE, U+FFFF) are removed.
//!
//! Every edge has `weight` (a double: 1.0 in the report graph, the view's weight in the
//! weighted views). The undirected views are written with `edgedefault="undirected"`, and
//! their shared events as the `events` key.

use super::json::GRAPH_NAME;
use super::{
    degrees, escape_into, joined, raw_element, with_xml_writer, xml_attr, Escape,
    EvidenceXml, ExportError, Weight, LIST_SEP,
};
use crate::graph::{Evidence, ReportGraph};
use quick_xml::Writer;
use std::fmt::Write as _;
use std::io::{self, Write};

/// The GraphML namespace.
pub const NS: &str = "http://graphml.graphdrawing.org/xmlns";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
const SCHEMA: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// `(key id, attr.name, attr.type)` of graph attributes.
const GRAPH_KEYS: [(&str, &str, &str); 2] = [
    ("g_name", "name", "string"),
    ("g_documents", "documents", "string"),
];

/// `(key id, attr.name, attr.type)` of node attributes.
const NODE_KEYS: [(&str, &str, &str); 12] = [
    ("label", "label", "string"),
    ("kind", "kind", "string"),
    ("aliases", "aliases", "string"),
    ("documents", "documents", "string"),
    ("title", "title", "string"),
    ("date", "date", "string"),
    ("venue", "venue", "string"),
    ("city", "city", "string"),
    ("subtype", "subtype", "string"),
    ("sessions", "sessions", "string"),
    ("evidence", "evidence", "string"),
    ("degree", "degree", "int"),
];

/// `(key id, attr.name, attr.type)` of edge attributes.
const EDGE_KEYS: [(&str, &str, &str); 7] = [
    ("e_kind", "kind", "string"),
    ("e_key", "key", "string"),
    ("e_title", "title", "string"),
    ("e_session", "session", "string"),
    ("e_documents", "documents", "string"),
    ("e_evidence", "evidence", "string"),
    ("e_weight", "weight", "double"),
];

/// Declared only when some edge lists events (the `alongside` and `institutions` views).
const EVENTS_KEY: (&str, &str, &str) = ("e_events", "events", "string");

type XmlW<'a, 'b> = Writer<&'a mut std::io::BufWriter<&'b mut dyn Write>>;

/// Writes one `<data>` element, unless the value is empty; `buf` is scratch space.
fn data(xw: &mut XmlW<'_, '_>, buf: &mut Vec<u8>, key: &str, value: &str) -> io::Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    buf.clear();
    escape_into(buf, value.as_bytes(), Escape::Text);
    data_escaped(xw, key, buf)
}

fn data_opt(xw: &mut XmlW<'_, '_>, buf: &mut Vec<u8>, key: &str, value: Option<&str>) -> io::Result<()> {
    data(xw, buf, key, value.unwrap_or(""))
}

/// Writes one `<data>` element holding `escaped`, already escaped text.
fn data_escaped(xw: &mut XmlW<'_, '_>, key: &str, escaped: &[u8]) -> io::Result<()> {
    raw_element(xw, &[b"data key=\"", key.as_bytes(), b"\">"], escaped, b"</data>")
}

/// Writes the `<data>` element of a list of evidence (JSON, never empty).
fn data_evidence(
    xw: &mut XmlW<'_, '_>,
    buf: &mut Vec<u8>,
    evidence: &mut EvidenceXml,
    key: &str,
    list: &[Evidence],
) -> io::Result<()> {
    buf.clear();
    evidence.write(buf, list, Escape::Text)?;
    data_escaped(xw, key, buf)
}

/// Writes `g` as GraphML.
pub fn write(g: &ReportGraph, w: &mut dyn Write) -> Result<(), ExportError> {
    let has_events = g.edges().any(|(_, _, _, e)| !e.events.is_empty());
    let edgedefault = if g.undirected {
        "undirected"
    } else {
        "directed"
    };
    with_xml_writer(w, |xw| {
        xw.create_element("graphml")
            .with_attributes([
                ("xmlns", NS),
                ("xmlns:xsi", XSI),
                ("xsi:schemaLocation", SCHEMA),
            ])
            .write_inner_content(|xw| {
                let mut edge_keys = EDGE_KEYS.to_vec();
                if has_events {
                    edge_keys.push(EVENTS_KEY);
                }
                for (keys, target) in [
                    (&GRAPH_KEYS[..], "graph"),
                    (&NODE_KEYS[..], "node"),
                    (&edge_keys[..], "edge"),
                ] {
                    for &(id, name, ty) in keys {
                        xw.create_element("key")
                            .with_attributes([
                                ("id", id),
                                ("for", target),
                                ("attr.name", name),
                                ("attr.type", ty),
                            ])
                            .write_empty()?;
                    }
                }
                xw.create_element("graph")
                    .with_attributes([("id", GRAPH_NAME), ("edgedefault", edgedefault)])
                    .write_inner_content(|xw| {
                        // Scratch space reused by every element: lists, escaped values,
                        // snippets, numbers and ids.
                        let (mut list, mut buf, mut text) = (String::new(), Vec::new(), String::new());
                        let mut evidence = EvidenceXml::default();
                        data(xw, &mut buf, "g_name", GRAPH_NAME)?;
                        data(xw, &mut buf, "g_documents", &g.documents.join(LIST_SEP))?;
                        let degrees = degrees(g);
                        for (ix, n) in g.nodes() {
                            xw.create_element("node")
                                .with_attribute(xml_attr("id", &n.id))
                                .write_inner_content(|xw| {
                                    let buf = &mut buf;
                                    data(xw, buf, "label", &n.label)?;
                                    data(xw, buf, "kind", n.kind().as_str())?;
                                    data(xw, buf, "aliases", joined(&mut list, &n.aliases))?;
                                    data(xw, buf, "documents", joined(&mut list, &n.documents))?;
                                    data_opt(xw, buf, "title", n.title.as_deref())?;
                                    data_opt(xw, buf, "date", n.date.as_deref())?;
                                    data_opt(xw, buf, "venue", n.venue.as_deref())?;
                                    data_opt(xw, buf, "city", n.city.as_deref())?;
                                    data_opt(xw, buf, "subtype", n.subtype.as_deref())?;
                                    data(xw, buf, "sessions", joined(&mut list, &n.sessions))?;
                                    data_evidence(xw, buf, &mut evidence, "evidence", &n.evidence)?;
                                    text.clear();
                                    write!(text, "{}", degrees[ix.index()]).map_err(io::Error::other)?;
                                    data(xw, buf, "degree", &text)
                                })?;
                        }
                        for (i, (_, s, t, e)) in g.edges().enumerate() {
                            text.clear();
                            write!(text, "e{i}").map_err(io::Error::other)?;
                            xw.create_element("edge")
                                .with_attribute(xml_attr("id", &text))
                                .with_attribute(xml_attr("source", &g.graph[s].id))
                                .with_attribute(xml_attr("target", &g.graph[t].id))
                                .write_inner_content(|xw| {
                                    let buf = &mut buf;
                                    data(xw, buf, "e_kind", e.kind.as_str())?;
                                    data(xw, buf, "e_key", &e.key)?;
                                    data_opt(xw, buf, "e_title", e.title.as_deref())?;
                                    data_opt(xw, buf, "e_session", e.session.as_deref())?;
                                    data(xw, buf, "e_documents", joined(&mut list, &e.documents))?;
                                    data_evidence(xw, buf, &mut evidence, "e_evidence", &e.evidence)?;
                                    text.clear();
                                    write!(text, "{}", Weight(e.weight_or_one()))
                                        .map_err(io::Error::other)?;
                                    data(xw, buf, "e_weight", &text)?;
                                    data(xw, buf, "e_events", joined(&mut list, &e.events))
                                })?;
                        }
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testgraph::{attr_values, hostile, parse_xml, render};

    #[test]
    fn well_formed_and_complete() {
        let g = hostile();
        let bytes = render(&g, write);
        let (elems, text) = parse_xml(&bytes);
        assert_eq!(attr_values(&elems, "node", "id").len(), g.node_count());
        let edge_ids = attr_values(&elems, "edge", "id");
        assert_eq!(edge_ids.len(), g.edge_count());
        let unique: std::collections::BTreeSet<_> = edge_ids.iter().collect();
        assert_eq!(unique.len(), edge_ids.len(), "edge ids must be unique");
        // Every data key is declared, every key has for/attr.name/attr.type.
        let declared = attr_values(&elems, "key", "id");
        assert_eq!(
            declared.len(),
            GRAPH_KEYS.len() + NODE_KEYS.len() + EDGE_KEYS.len()
        );
        assert_eq!(
            attr_values(&elems, "key", "attr.type").len(),
            declared.len()
        );
        for used in attr_values(&elems, "data", "key") {
            assert!(declared.contains(&used), "undeclared key {used}");
        }
        // Hostile strings survive, minus the control character.
        assert!(text.contains("Dr. \"Seán\" O'Brien & <Co> \\ 😀"));
        assert!(text.contains("عبد الله Дмитрий Łukasz\\"));
        assert!(text.contains("water\tsecurity\nline2"));
        assert!(!text.contains('\u{1}'));
        assert!(attr_values(&elems, "node", "id").contains(&"person:عبد".to_string()));
        // Both parallel edges are there, with their kinds.
        let pair: Vec<_> = elems
            .iter()
            .filter(|(n, a)| {
                n == "edge"
                    && a.contains(&("source".into(), "person:o-brien".into()))
                    && a.contains(&("target".into(), "event:x-2019-10".into()))
            })
            .collect();
        assert_eq!(pair.len(), 2);
        assert!(text.contains("chair@Session 1"));
        let s = String::from_utf8(bytes).unwrap();
        assert!(s.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""));
        assert!(
            s.contains("<key id=\"e_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>")
        );
        assert!(s.contains("<graph id=\"reportgraph\" edgedefault=\"directed\">"));
        assert!(s.ends_with("</graphml>\n"));
    }

    #[test]
    fn deterministic() {
        let g = hostile();
        assert_eq!(render(&g, write), render(&g, write));
    }
}
