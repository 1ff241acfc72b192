//! A graph of arbitrary strings (ids, labels, aliases, titles, documents, snippets) through
//! every exporter: no panic; JSON reads back identical; GraphML and GEXF are well-formed XML;
//! DOT quotes every string.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use reportgraph::export::Format;
use reportgraph::{Edge, EdgeKind, Evidence, Node, NodeKind, ReportGraph};

#[derive(Arbitrary, Debug)]
struct FNode {
    id: String,
    kind: u8,
    label: String,
    aliases: Vec<String>,
    title: Option<String>,
    date: Option<String>,
    venue: Option<String>,
    sessions: Vec<String>,
    documents: Vec<String>,
    snippet: String,
}

#[derive(Arbitrary, Debug)]
struct FEdge {
    from: u8,
    to: u8,
    kind: u8,
    key: String,
    title: Option<String>,
    session: Option<String>,
    snippet: String,
}

#[derive(Arbitrary, Debug)]
struct Input {
    nodes: Vec<FNode>,
    edges: Vec<FEdge>,
    documents: Vec<String>,
}

fn xml_well_formed(bytes: &[u8]) -> Result<(), String> {
    let mut r = quick_xml::Reader::from_reader(bytes);
    r.config_mut().check_end_names = true;
    let mut buf = Vec::new();
    let mut depth = 0i64;
    loop {
        match r.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Text(t)) => {
                t.decode().map_err(|e| e.to_string())?;
            }
            Ok(_) => {}
            Err(e) => return Err(format!("at {}: {e}", r.buffer_position())),
        }
        buf.clear();
    }
    if depth != 0 {
        return Err(format!("unbalanced: depth {depth}"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    if let Some(c) = text.chars().find(|&c| (c < '\u{20}' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}') {
        return Err(format!("XML-illegal character {c:?}"));
    }
    Ok(())
}

fuzz_target!(|input: Input| {
    let nodes: Vec<Node> = input
        .nodes
        .iter()
        .map(|n| Node {
            id: n.id.clone(),
            kind: Some(NodeKind::ALL[n.kind as usize % NodeKind::ALL.len()]),
            label: n.label.clone(),
            aliases: n.aliases.clone(),
            documents: n.documents.clone(),
            title: n.title.clone(),
            date: n.date.clone(),
            venue: n.venue.clone(),
            sessions: n.sessions.clone(),
            evidence: n.documents.iter().map(|d| Evidence::new(d.as_str(), 0, n.snippet.len() as u32, n.snippet.as_str())).collect(),
            ..Default::default()
        })
        .collect();
    if nodes.is_empty() {
        return;
    }
    let edges: Vec<(String, String, Edge)> = input
        .edges
        .iter()
        .map(|e| {
            let mut edge = Edge::new(EdgeKind::ALL[e.kind as usize % EdgeKind::ALL.len()], e.key.clone());
            edge.title = e.title.clone();
            edge.session = e.session.clone();
            edge.evidence = vec![Evidence::new(e.key.as_str(), 1, 0, e.snippet.as_str())];
            let from = nodes[e.from as usize % nodes.len()].id.clone();
            let to = nodes[e.to as usize % nodes.len()].id.clone();
            (from, to, edge)
        })
        .collect();
    let g = ReportGraph::from_parts(nodes, edges, input.documents);
    for f in Format::ALL {
        let mut buf = Vec::new();
        f.write(&g, &mut buf).unwrap_or_else(|e| panic!("{f}: {e}"));
        match f {
            Format::Json => {
                let back = ReportGraph::from_json_reader(&buf[..]).expect("graph.json reads back");
                let a: Vec<&Node> = g.nodes().map(|(_, n)| n).collect();
                let b: Vec<&Node> = back.nodes().map(|(_, n)| n).collect();
                assert_eq!(a, b);
                let ea: Vec<&Edge> = g.edges().map(|(_, _, _, e)| e).collect();
                let eb: Vec<&Edge> = back.edges().map(|(_, _, _, e)| e).collect();
                assert_eq!(ea, eb);
                assert_eq!(g.documents, back.documents);
            }
            Format::Graphml | Format::Gexf => {
                if let Err(e) = xml_well_formed(&buf) {
                    panic!("{f} is not well-formed XML: {e}");
                }
            }
            Format::Dot => {
                let s = std::str::from_utf8(&buf).expect("DOT is UTF-8");
                assert!(s.starts_with("digraph ") || s.starts_with("graph "), "DOT header");
                assert!(s.ends_with("}\n"));
            }
            _ => {}
        }
    }
});
