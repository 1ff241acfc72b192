//! GEXF 1.3, for Gephi and networkx (`read_gexf`).
//!
//! Nodes carry the same attributes as in GraphML (label natively, the rest as typed
//! `<attvalues>`), a colour per kind (`viz:color`) and a size growing with degree
//! (`viz:size` = 5 + 2·√degree). Edges get ids `e0`, `e1`, …, `label` and GEXF 1.3 `kind`
//! set to the edge kind, `weight` (1 in the report graph, the view's weight in the weighted
//! views), and a colour per kind family. The undirected views are written with
//! `defaultedgetype="undirected"` and their shared events as the `events` attribute.
//!
//! Time: when some event has an ISO date, the graph is `mode="dynamic"` with
//! `timeformat="date"`; such events and every edge touching them get `start` = the date
//! (`2019` → `2019-01-01`, `2019-10` → `2019-10-01`), so Gephi's timeline plays the network
//! growing event by event. Everything else exists for the whole time span.
//!
//! The edge key is the attribute titled `edge_key` (networkx's GEXF reader passes
//! attributes as keyword arguments next to `key=`, so a `key` title would break it).
//! Characters XML cannot represent are removed. No timestamp is written: output is
//! byte-identical across runs.

use super::{
    degrees, escape_into, joined, palette, raw_element, with_xml_writer, xml_attr, xml_text,
    Escape, EvidenceXml, ExportError, Weight,
};
use crate::graph::{Evidence, NodeKind, ReportGraph};
use quick_xml::Writer;
use std::fmt::Write as _;
use std::io::{self, Write};

/// The GEXF 1.3 namespace.
pub const NS: &str = "http://gexf.net/1.3";
/// The GEXF 1.3 viz namespace.
pub const NS_VIZ: &str = "http://gexf.net/1.3/viz";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
const SCHEMA: &str = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

/// `(id, title, type)` of node attributes.
const NODE_ATTRS: [(&str, &str, &str); 11] = [
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
    ("degree", "degree", "integer"),
];

/// `(id, title, type)` of edge attributes.
const EDGE_ATTRS: [(&str, &str, &str); 6] = [
    ("e_kind", "kind", "string"),
    ("e_key", "edge_key", "string"),
    ("e_title", "title", "string"),
    ("e_session", "session", "string"),
    ("e_documents", "documents", "string"),
    ("e_evidence", "evidence", "string"),
];

/// Declared only when some edge lists events (the `alongside` and `institutions` views).
const EVENTS_ATTR: (&str, &str, &str) = ("e_events", "events", "string");

type XmlW<'a, 'b> = Writer<&'a mut std::io::BufWriter<&'b mut dyn Write>>;

/// Pads a (partial) ISO date to a full `YYYY-MM-DD`; `None` if it is not one.
pub fn full_date(s: &str) -> Option<String> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize, lo: u32, hi: u32| {
        p.len() == len
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v))
    };
    let ok = match parts.as_slice() {
        [y] => num(y, 4, 0, 9999),
        [y, m] => num(y, 4, 0, 9999) && num(m, 2, 1, 12),
        [y, m, d] => num(y, 4, 0, 9999) && num(m, 2, 1, 12) && num(d, 2, 1, 31),
        _ => false,
    };
    if !ok {
        return None;
    }
    Some(match parts.len() {
        1 => format!("{s}-01-01"),
        2 => format!("{s}-01"),
        _ => s.to_string(),
    })
}

/// Writes the `<attvalues>` of an element: the values `before`, the evidence (never empty:
/// JSON), the values `after`, skipping empty values. `buf` and `snippet` are scratch space.
fn attvalues(
    xw: &mut XmlW<'_, '_>,
    (buf, evidence): (&mut Vec<u8>, &mut EvidenceXml),
    before: &[(&str, &str)],
    (evidence_id, list): (&str, &[Evidence]),
    after: &[(&str, &str)],
) -> io::Result<()> {
    let value = |xw: &mut XmlW<'_, '_>, buf: &mut Vec<u8>, id: &str, v: &str| {
        if v.is_empty() {
            return Ok(());
        }
        buf.clear();
        escape_into(buf, v.as_bytes(), Escape::Attr);
        attvalue_escaped(xw, id, buf)
    };
    xw.create_element("attvalues").write_inner_content(|xw| {
        for &(id, v) in before {
            value(xw, buf, id, v)?;
        }
        buf.clear();
        evidence.write(buf, list, Escape::Attr)?;
        attvalue_escaped(xw, evidence_id, buf)?;
        for &(id, v) in after {
            value(xw, buf, id, v)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// Writes one `<attvalue>` whose value is already escaped.
fn attvalue_escaped(xw: &mut XmlW<'_, '_>, id: &str, escaped: &[u8]) -> io::Result<()> {
    raw_element(xw, &[b"attvalue for=\"", id.as_bytes(), b"\" value=\""], escaped, b"\"/>")
}

/// Writes a `<viz:color>`; `dec` holds the decimal strings of 0 to 255.
fn color(xw: &mut XmlW<'_, '_>, dec: &[String], (r, g, b): (u8, u8, u8)) -> io::Result<()> {
    xw.create_element("viz:color")
        .with_attributes([
            ("r", dec[usize::from(r)].as_str()),
            ("g", dec[usize::from(g)].as_str()),
            ("b", dec[usize::from(b)].as_str()),
        ])
        .write_empty()?;
    Ok(())
}

fn declare(xw: &mut XmlW<'_, '_>, class: &str, attrs: &[(&str, &str, &str)]) -> io::Result<()> {
    xw.create_element("attributes")
        .with_attributes([("class", class), ("mode", "static")])
        .write_inner_content(|xw| {
            for &(id, title, ty) in attrs {
                xw.create_element("attribute")
                    .with_attributes([("id", id), ("title", title), ("type", ty)])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

/// Writes `g` as GEXF 1.3.
pub fn write(g: &ReportGraph, w: &mut dyn Write) -> Result<(), ExportError> {
    // Start dates of dated events, by node index.
    let mut starts: Vec<Option<String>> = Vec::new();
    for (ix, n) in g.nodes() {
        if starts.len() <= ix.index() {
            starts.resize(ix.index() + 1, None);
        }
        if n.kind() == NodeKind::Event {
            starts[ix.index()] = n.date.as_deref().and_then(full_date);
        }
    }
    let start = |ix: petgraph::stable_graph::NodeIndex| starts[ix.index()].as_deref();
    let dynamic = starts.iter().any(Option::is_some);
    let degrees = degrees(g);
    let dec: Vec<String> = (0..=u8::MAX).map(|b| b.to_string()).collect();
    let has_events = g.edges().any(|(_, _, _, e)| !e.events.is_empty());
    let mut edge_attrs = EDGE_ATTRS.to_vec();
    if has_events {
        edge_attrs.push(EVENTS_ATTR);
    }
    let edgetype = if g.undirected {
        "undirected"
    } else {
        "directed"
    };
    let description = format!(
        "Persons, institutions, events, topics and places extracted from {} event report(s): {} nodes, {} edges",
        g.documents.len(),
        g.node_count(),
        g.edge_count()
    );
    with_xml_writer(w, |xw| {
        xw.create_element("gexf")
            .with_attributes([
                ("xmlns", NS),
                ("xmlns:viz", NS_VIZ),
                ("xmlns:xsi", XSI),
                ("xsi:schemaLocation", SCHEMA),
                ("version", "1.3"),
            ])
            .write_inner_content(|xw| {
                xw.create_element("meta").write_inner_content(|xw| {
                    xw.create_element("creator")
                        .write_text_content(xml_text("reportgraph"))?;
                    xw.create_element("description")
                        .write_text_content(xml_text(&description))?;
                    Ok(())
                })?;
                let mut graph = xw
                    .create_element("graph")
                    .with_attribute(("defaultedgetype", edgetype));
                graph = if dynamic {
                    graph.with_attributes([("mode", "dynamic"), ("timeformat", "date")])
                } else {
                    graph.with_attribute(("mode", "static"))
                };
                graph.write_inner_content(|xw| {
                    declare(xw, "node", &NODE_ATTRS)?;
                    declare(xw, "edge", &edge_attrs)?;
                    // Scratch space reused by every element: lists, escaped values,
                    // snippets, numbers, ids.
                    let (mut lists, mut buf): ([String; 3], Vec<u8>) = Default::default();
                    let mut evidence = EvidenceXml::default();
                    let (mut num, mut id) = (String::new(), String::new());
                    xw.create_element("nodes").write_inner_content(|xw| {
                        for (ix, n) in g.nodes() {
                            let mut el = xw
                                .create_element("node")
                                .with_attribute(xml_attr("id", &n.id))
                                .with_attribute(xml_attr("label", &n.label));
                            if let Some(d) = start(ix) {
                                el = el.with_attribute(("start", d));
                            }
                            let deg = degrees[ix.index()];
                            el.write_inner_content(|xw| {
                                let [aliases, documents, sessions] = &mut lists;
                                num.clear();
                                write!(num, "{deg}").map_err(io::Error::other)?;
                                attvalues(
                                    xw,
                                    (&mut buf, &mut evidence),
                                    &[
                                        ("kind", n.kind().as_str()),
                                        ("aliases", joined(aliases, &n.aliases)),
                                        ("documents", joined(documents, &n.documents)),
                                        ("title", n.title.as_deref().unwrap_or("")),
                                        ("date", n.date.as_deref().unwrap_or("")),
                                        ("venue", n.venue.as_deref().unwrap_or("")),
                                        ("city", n.city.as_deref().unwrap_or("")),
                                        ("subtype", n.subtype.as_deref().unwrap_or("")),
                                        ("sessions", joined(sessions, &n.sessions)),
                                    ],
                                    ("evidence", &n.evidence),
                                    &[("degree", &num)],
                                )?;
                                color(xw, &dec, palette::node_rgb(n.kind()))?;
                                let size = 5.0 + 2.0 * (deg as f64).sqrt();
                                num.clear();
                                write!(num, "{size:.2}").map_err(io::Error::other)?;
                                xw.create_element("viz:size")
                                    .with_attribute(("value", num.as_str()))
                                    .write_empty()?;
                                Ok(())
                            })?;
                        }
                        Ok(())
                    })?;
                    xw.create_element("edges").write_inner_content(|xw| {
                        for (i, (_, s, t, e)) in g.edges().enumerate() {
                            id.clear();
                            write!(id, "e{i}").map_err(io::Error::other)?;
                            num.clear();
                            write!(num, "{}", Weight(e.weight_or_one())).map_err(io::Error::other)?;
                            let mut el = xw
                                .create_element("edge")
                                .with_attribute(xml_attr("id", &id))
                                .with_attribute(xml_attr("source", &g.graph[s].id))
                                .with_attribute(xml_attr("target", &g.graph[t].id))
                                .with_attribute(("label", e.kind.as_str()))
                                .with_attribute(("kind", e.kind.as_str()))
                                .with_attribute(("weight", num.as_str()));
                            // An edge cannot exist before either end: take the later start.
                            if let Some(d) = start(s).max(start(t)) {
                                el = el.with_attribute(("start", d));
                            }
                            el.write_inner_content(|xw| {
                                let [documents, events, _] = &mut lists;
                                attvalues(
                                    xw,
                                    (&mut buf, &mut evidence),
                                    &[
                                        ("e_kind", e.kind.as_str()),
                                        ("e_key", &e.key),
                                        ("e_title", e.title.as_deref().unwrap_or("")),
                                        ("e_session", e.session.as_deref().unwrap_or("")),
                                        ("e_documents", joined(documents, &e.documents)),
                                    ],
                                    ("e_evidence", &e.evidence),
                                    &[("e_events", joined(events, &e.events))],
                                )?;
                                color(xw, &dec, palette::edge_rgb(e.kind))
                            })?;
                        }
                        Ok(())
                    })?;
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
    fn dates() {
        assert_eq!(full_date("2019").as_deref(), Some("2019-01-01"));
        assert_eq!(full_date("2019-10").as_deref(), Some("2019-10-01"));
        assert_eq!(full_date("2019-10-05").as_deref(), Some("2019-10-05"));
        assert_eq!(full_date("2019-13"), None);
        assert_eq!(full_date("19"), None);
        assert_eq!(full_date("October 2019"), None);
        assert_eq!(full_date("2019-10-05T10:00"), None);
    }

    #[test]
    fn well_formed_and_complete() {
        let g = hostile();
        let bytes = render(&g, write);
        let (elems, text) = parse_xml(&bytes);
        let labels = attr_values(&elems, "node", "label");
        assert_eq!(labels.len(), g.node_count());
        // Exact, control characters stripped, tab and newline kept through char refs.
        assert!(labels.contains(&"Dr. \"Seán\" O'Brien & <Co> \\ 😀".to_string()));
        assert!(labels.contains(&"عبد الله Дмитрий Łukasz\\".to_string()));
        assert!(labels.contains(&"water\tsecurity\nline2".to_string()));
        assert!(labels.contains(&"Seminar: \"Peace & War\" ".to_string()));
        let ids = attr_values(&elems, "edge", "id");
        assert_eq!(ids.len(), g.edge_count());
        assert_eq!(
            ids.iter().collect::<std::collections::BTreeSet<_>>().len(),
            ids.len()
        );
        // Parallel edges of different kinds stay distinct.
        let kinds: Vec<_> = elems
            .iter()
            .filter(|(n, a)| {
                n == "edge"
                    && a.contains(&("source".into(), "person:o-brien".into()))
                    && a.contains(&("target".into(), "event:x-2019-10".into()))
            })
            .map(|(_, a)| a.iter().find(|(k, _)| k == "kind").unwrap().1.clone())
            .collect();
        assert_eq!(kinds, ["chair", "speaker"]);
        // Timeline: the dated event and its edges start at the padded date.
        assert_eq!(attr_values(&elems, "node", "start"), ["2019-10-01"]);
        assert_eq!(attr_values(&elems, "edge", "start").len(), 6);
        assert_eq!(
            attr_values(&elems, "viz:color", "r").len(),
            g.node_count() + g.edge_count()
        );
        assert_eq!(
            attr_values(&elems, "viz:size", "value").len(),
            g.node_count()
        );
        assert!(text.contains("reportgraph"));
        let s = String::from_utf8(bytes).unwrap();
        assert!(
            s.contains("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"")
        );
        assert!(s.contains("version=\"1.3\""));
        assert!(
            s.contains("<graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">")
        );
        assert!(s.ends_with("</gexf>\n"));
    }

    #[test]
    fn static_without_dates() {
        let g = crate::graph::ReportGraph::from_parts(
            vec![crate::graph::Node {
                id: "person:a".into(),
                label: "A".into(),
                ..Default::default()
            }],
            vec![],
            vec![],
        );
        let s = String::from_utf8(render(&g, write)).unwrap();
        parse_xml(s.as_bytes());
        assert!(s.contains("mode=\"static\""));
        assert!(!s.contains("timeformat"));
    }

    #[test]
    fn deterministic() {
        let g = hostile();
        assert_eq!(render(&g, write), render(&g, write));
    }
}
