//! Graphviz DOT, built as a `graphviz_rust` syntax tree and printed with its printer.
//!
//! A `digraph` laid out left to right. Node ids are the graph ids, quoted; each node kind
//! has its own shape and fill (person: ellipse, institution: box, event: hexagon, topic:
//! note, place: house; colours as in the GEXF export), explained by a `cluster_legend`
//! subgraph. Edges are labelled with their kind and coloured by kind family; mentions are
//! dashed. Render with `dot -Tsvg graph.dot -o graph.svg` (or `sfdp` for large graphs).

use super::{palette, ExportError};
use crate::graph::{EdgeKind, NodeKind, ReportGraph};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::io::Write;

/// Font used for graph, nodes and edges.
const FONT: &str = "Helvetica";

/// A DOT double-quoted string: backslashes and double quotes escaped, characters that
/// have no place in a one-line name (controls, U+FFFE, U+FFFF) dropped, or, for tab,
/// newline and carriage return, turned into spaces.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c < '\u{20}' || c == '\u{7F}' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn qid(s: &str) -> Id {
    Id::Escaped(quote(s))
}

fn plain(s: &str) -> Id {
    Id::Plain(s.to_string())
}

fn attr(k: &str, v: Id) -> Attribute {
    Attribute(plain(k), v)
}

/// Graphviz shape of a node kind.
pub fn shape(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "ellipse",
        NodeKind::Institution => "box",
        NodeKind::Event => "hexagon",
        NodeKind::Topic => "note",
        NodeKind::Place => "house",
    }
}

fn node_style(kind: NodeKind) -> Vec<Attribute> {
    vec![
        attr("shape", plain(shape(kind))),
        attr("fillcolor", qid(palette::node_fill(kind))),
    ]
}

fn edge_style(kind: EdgeKind) -> Vec<Attribute> {
    let colour = palette::hex(palette::edge_rgb(kind));
    let mut v = vec![
        attr("label", qid(kind.as_str())),
        attr("color", qid(&colour)),
        attr("fontcolor", qid(&colour)),
    ];
    if kind == EdgeKind::Mentions {
        v.push(attr("style", plain("dashed")));
    }
    v
}

/// Builds the DOT syntax tree of `g`.
pub fn to_dot(g: &ReportGraph) -> Graph {
    let mut stmts: Vec<Stmt> = vec![
        GraphAttributes::Graph(vec![
            attr("rankdir", plain("LR")),
            attr("overlap", plain("false")),
            attr("fontname", qid(FONT)),
        ])
        .into(),
        GraphAttributes::Node(vec![
            attr("fontname", qid(FONT)),
            attr("fontsize", plain("10")),
            attr("style", plain("filled")),
        ])
        .into(),
        GraphAttributes::Edge(vec![
            attr("fontname", qid(FONT)),
            attr("fontsize", plain("8")),
            attr("arrowsize", plain("0.6")),
        ])
        .into(),
    ];

    let mut legend: Vec<Stmt> = vec![GraphAttributes::Graph(vec![
        attr("label", qid("Legend")),
        attr("style", qid("rounded,dashed")),
        attr("color", qid("#999999")),
    ])
    .into()];
    for kind in NodeKind::ALL {
        let mut attrs = vec![attr("label", qid(kind.as_str()))];
        attrs.extend(node_style(kind));
        legend.push(Node::new(NodeId(qid(&format!("_legend_{kind}")), None), attrs).into());
    }
    stmts.push(
        Subgraph {
            id: qid("cluster_legend"),
            stmts: legend,
        }
        .into(),
    );

    for (_, n) in g.nodes() {
        let mut attrs = vec![attr("label", qid(&n.label))];
        attrs.extend(node_style(n.kind()));
        stmts.push(Node::new(NodeId(qid(&n.id), None), attrs).into());
    }
    for (_, s, t, e) in g.edges() {
        stmts.push(
            Edge {
                ty: EdgeTy::Pair(
                    Vertex::N(NodeId(qid(&g.graph[s].id), None)),
                    Vertex::N(NodeId(qid(&g.graph[t].id), None)),
                ),
                attributes: edge_style(e.kind),
            }
            .into(),
        );
    }
    Graph::DiGraph {
        id: qid("reportgraph"),
        strict: false,
        stmts,
    }
}

/// Writes `g` as DOT, with a trailing newline.
pub fn write(g: &ReportGraph, w: &mut dyn Write) -> Result<(), ExportError> {
    let mut ctx = PrinterContext::default();
    ctx.with_semi();
    let text = to_dot(g).print(&mut ctx);
    w.write_all(text.as_bytes())?;
    w.write_all(b"\n")?;
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testgraph::{hostile, render};

    #[test]
    fn quoting() {
        assert_eq!(quote(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(quote("x\\"), r#""x\\""#);
        assert_eq!(quote("a\u{1}b\nc"), "\"ab c\"");
        assert_eq!(quote("<&> عبد 😀"), "\"<&> عبد 😀\"");
    }

    #[test]
    fn structure() {
        let g = hostile();
        let s = String::from_utf8(render(&g, write)).unwrap();
        assert!(s.starts_with("digraph \"reportgraph\" {"));
        assert!(s.ends_with("}\n"));
        assert!(s.contains("rankdir=LR"));
        assert!(s.contains("subgraph \"cluster_legend\""));
        assert!(s.contains(
            r#""person:o-brien"[label="Dr. \"Seán\" O'Brien & <Co> \\ 😀" shape=ellipse"#
        ));
        assert!(!s.contains('\u{1}'));
        // Both parallel edges.
        let pair = s
            .lines()
            .filter(|l| l.contains(r#""person:o-brien" -> "event:x-2019-10""#))
            .count();
        assert_eq!(pair, 2);
        assert_eq!(s.matches(" -> ").count(), g.edge_count());
    }

    #[test]
    fn deterministic() {
        let g = hostile();
        assert_eq!(render(&g, write), render(&g, write));
    }

    /// Graphviz itself accepts the output (skipped only when `dot` is not installed; the
    /// consumer integration tests require it).
    #[test]
    fn graphviz_accepts_hostile_names() {
        use std::process::{Command, Stdio};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.dot");
        std::fs::write(&path, render(&hostile(), write)).unwrap();
        let out = match Command::new("dot")
            .arg("-Tsvg")
            .arg(&path)
            .stderr(Stdio::piped())
            .output()
        {
            Ok(o) => o,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
            Err(e) => panic!("cannot run dot: {e}"),
        };
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "dot failed: {stderr}");
        assert!(stderr.trim().is_empty(), "dot warnings: {stderr}");
        let svg = String::from_utf8(out.stdout).unwrap();
        // (How the apostrophe is escaped varies between Graphviz versions.)
        assert!(svg.contains("Dr. &quot;Seán&quot; O"));
        assert!(svg.contains("Brien &amp; &lt;Co&gt; \\ 😀"));
        assert!(svg.contains("عبد الله Дмитрий Łukasz\\"));
    }
}
