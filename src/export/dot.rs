//! Graphviz DOT, built as a `graphviz_rust` syntax tree and printed with its printer.
//!
//! A `digraph` laid out left to right (a `graph` for the undirected views). Node ids are
//! the graph ids, quoted; each node kind has its own shape and fill (person: ellipse,
//! institution: box, event: hexagon, topic: note, place: house; colours as in the GEXF
//! export), and label sizes grow with degree. Edges are coloured by kind family and styled
//! per role (line style, arrow head, width: [`edge_look`]); in the report graph they are
//! labelled with their kind, in the weighted views their width grows with the weight and
//! the tooltip lists the shared events. A legend (an HTML-like table as the graph label,
//! so every layout engine draws it) explains the kinds present. [`DotOptions`] adds one
//! cluster per event and tunes the file for a layout engine (what `reportgraph render`
//! draws). Render with `dot -Tsvg graph.dot -o graph.svg` (or `sfdp` for large graphs).

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
    // Most names need nothing (0xEF starts U+FFFE and U+FFFF in UTF-8).
    if !s
        .bytes()
        .any(|b| matches!(b, b'\\' | b'"' | 0..=0x1F | 0x7F | 0xEF))
    {
        out.push_str(s);
        out.push('"');
        return out;
    }
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

/// Breaks a label into lines of about `width` characters at spaces (a word longer than
/// that stays whole).
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in s.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// A quoted multi-line label: the lines quoted, joined by DOT's centred line break `\n`.
fn qlines(lines: &[String]) -> Id {
    let inner: Vec<String> = lines
        .iter()
        .map(|l| {
            let q = quote(l);
            q[1..q.len() - 1].to_string()
        })
        .collect();
    Id::Escaped(format!("\"{}\"", inner.join("\\n")))
}

/// Line width for node labels in images: about a third of the label, at least 14
/// characters, so a long name becomes a compact block rather than a wide bar.
fn wrap_width(label: &str) -> usize {
    let n = label.chars().count();
    match n {
        0..=18 => n.max(1),
        19..=40 => n / 2 + 4,
        _ => (n / 3 + 6).min(30),
    }
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

/// How an edge of a kind is drawn: Graphviz `style`, `arrowhead`, `penwidth`, and the
/// words the legend uses for it.
pub fn edge_look(kind: EdgeKind) -> (&'static str, &'static str, f64, &'static str) {
    match kind {
        EdgeKind::Speaker => ("solid", "normal", 1.2, "solid"),
        EdgeKind::Keynote => ("bold", "normal", 2.4, "bold"),
        EdgeKind::Chair => ("solid", "diamond", 1.2, "diamond head"),
        EdgeKind::Moderator => ("solid", "odiamond", 1.2, "open diamond"),
        EdgeKind::Discussant => ("dashed", "normal", 1.2, "dashed"),
        EdgeKind::ChiefGuest => ("bold", "dot", 2.4, "bold, dot head"),
        EdgeKind::Host => ("solid", "box", 1.2, "box head"),
        EdgeKind::Rapporteur => ("dashed", "obox", 1.2, "dashed, open box"),
        EdgeKind::Questioner => ("dotted", "normal", 1.2, "dotted"),
        EdgeKind::Attendee => ("dotted", "onormal", 1.0, "dotted, open head"),
        EdgeKind::Author => ("dashed", "onormal", 1.0, "dashed, open head"),
        EdgeKind::AffiliatedWith => ("solid", "vee", 1.0, "solid"),
        EdgeKind::OrganizedBy => ("solid", "normal", 1.2, "solid"),
        EdgeKind::HeldAt => ("solid", "normal", 1.0, "solid"),
        EdgeKind::Covers => ("solid", "normal", 0.8, "thin"),
        EdgeKind::Discussed => ("dashed", "normal", 0.6, "thin dashed"),
        EdgeKind::Mentions => ("dashed", "normal", 0.8, "dashed"),
        EdgeKind::Alongside | EdgeKind::CoPresent => {
            ("solid", "none", 1.0, "line width = shared events")
        }
    }
}

/// A Graphviz layout engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Layout {
    /// Hierarchical (`dot`): left to right.
    Dot,
    /// Spring model (`neato`).
    Neato,
    /// Multiscale force-directed (`sfdp`), for large graphs; the default for images.
    #[default]
    Sfdp,
    /// Force-directed (`fdp`); draws event clusters.
    Fdp,
    /// Circular (`circo`).
    Circo,
}

impl Layout {
    /// All layouts.
    pub const ALL: [Layout; 5] = [
        Layout::Dot,
        Layout::Neato,
        Layout::Sfdp,
        Layout::Fdp,
        Layout::Circo,
    ];

    /// The Graphviz program name.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Neato => "neato",
            Layout::Sfdp => "sfdp",
            Layout::Fdp => "fdp",
            Layout::Circo => "circo",
        }
    }
}

impl std::fmt::Display for Layout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Layout {
    type Err = String;

    fn from_str(s: &str) -> Result<Layout, String> {
        Layout::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!("unknown layout {s:?} (expected dot, neato, sfdp, fdp or circo)")
            })
    }
}

/// Options of the DOT writer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DotOptions {
    /// Group nodes by event: one `cluster_…` subgraph per event holding the event and every
    /// node whose only event is that one (in the weighted views: whose edges all stand for
    /// that one event). Drawn by the `dot` and `fdp` layouts; `neato` and `sfdp` ignore it.
    pub clusters: bool,
    /// Tune the graph for drawing with this layout engine (no edge labels, overlap removal,
    /// spacing); `None` writes the general-purpose file of [`write`].
    pub layout: Option<Layout>,
}

fn node_style(kind: NodeKind) -> Vec<Attribute> {
    vec![
        attr("shape", plain(shape(kind))),
        attr("fillcolor", qid(palette::node_fill(kind))),
        attr("color", qid(&palette::hex(palette::node_rgb(kind)))),
    ]
}

/// A number as DOT writes it: at most two decimals, no trailing zeros.
fn num(x: f64) -> Id {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    plain(s)
}

fn edge_style(e: &crate::graph::Edge, weighted: bool, labels: bool, image: bool) -> Vec<Attribute> {
    let kind = e.kind;
    let mut colour = palette::hex(palette::edge_rgb(kind));
    if image {
        // Light edges recede, heavy ones stand out.
        let alpha = if weighted {
            match e.weight_or_one() {
                w if w < 1.5 => 0x66,
                w if w < 2.5 => 0xAA,
                _ => 0xEE,
            }
        } else if matches!(
            kind,
            EdgeKind::Covers | EdgeKind::Discussed | EdgeKind::Mentions
        ) {
            0x77
        } else {
            0xDD
        };
        colour.push_str(&format!("{alpha:02X}"));
    }
    let (style, head, width, _) = edge_look(kind);
    let mut v = Vec::new();
    if weighted {
        let w = e.weight_or_one();
        // 1 → 1, 2 → 2.5, 4 → 4, 8 → 5.5 …, at most 8.
        v.push(attr(
            "penwidth",
            num((1.0 + 1.5 * w.max(1.0).log2()).min(8.0)),
        ));
        v.push(attr(
            "weight",
            plain(&(w.round().max(1.0) as u64).to_string()),
        ));
        let tip = if e.events.is_empty() {
            format!("{} ({})", kind.as_str(), super::fmt_weight(w))
        } else {
            format!(
                "{} shared event(s): {}",
                e.events.len(),
                e.events.join(", ")
            )
        };
        v.push(attr("tooltip", qid(&tip)));
    } else {
        v.push(attr("penwidth", num(width)));
        v.push(attr("tooltip", qid(kind.as_str())));
    }
    if labels {
        v.push(attr("label", qid(kind.as_str())));
        v.push(attr("fontcolor", qid(&colour)));
    }
    v.push(attr("color", qid(&colour)));
    if style != "solid" {
        v.push(attr("style", plain(style)));
    }
    if head != "normal" {
        v.push(attr("arrowhead", plain(head)));
    }
    v
}

/// The legend: an HTML-like table used as the graph label (drawn by every layout), listing
/// the node kinds and edge kinds present in `g`.
fn legend(g: &ReportGraph) -> Id {
    let (nk, ek) = g.counts();
    let mut rows = String::new();
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    rows.push_str("<TR>");
    for kind in nk.keys() {
        rows.push_str(&format!(
            "<TD BGCOLOR=\"{}\" BORDER=\"1\" COLOR=\"{}\">{} ({})</TD>",
            palette::node_fill(*kind),
            palette::hex(palette::node_rgb(*kind)),
            kind.as_str(),
            shape(*kind)
        ));
    }
    rows.push_str("</TR>");
    let kinds: Vec<EdgeKind> = ek.keys().copied().collect();
    for chunk in kinds.chunks(5) {
        rows.push_str("<TR>");
        for kind in chunk {
            let colour = palette::hex(palette::edge_rgb(*kind));
            rows.push_str(&format!(
                "<TD><FONT COLOR=\"{colour}\">{}: {}</FONT></TD>",
                kind.as_str(),
                esc(edge_look(*kind).3)
            ));
        }
        rows.push_str("</TR>");
    }
    rows.push_str(
        "<TR><TD COLSPAN=\"5\" ALIGN=\"LEFT\">label size grows with the number of edges</TD></TR>",
    );
    Id::Html(format!(
        "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"3\"><TR><TD COLSPAN=\"5\"><B>Legend</B></TD></TR>{rows}</TABLE>>"
    ))
}

/// Font size of a node label, growing with the node's degree.
fn font_size(degree: usize) -> f64 {
    (10.0 + 3.0 * (1.0 + degree as f64).ln()).min(26.0)
}

/// The event a node belongs to for `--clusters`: its only event neighbour (report graph),
/// or the one event all its edges stand for (weighted views); events belong to themselves.
fn cluster_of(g: &ReportGraph, ix: petgraph::stable_graph::NodeIndex) -> Option<String> {
    let n = &g.graph[ix];
    if n.kind() == NodeKind::Event {
        return Some(n.id.clone());
    }
    let mut events = std::collections::BTreeSet::new();
    for e in g
        .graph
        .edges_directed(ix, petgraph::Direction::Outgoing)
        .chain(g.graph.edges_directed(ix, petgraph::Direction::Incoming))
    {
        use petgraph::visit::EdgeRef;
        let other = if e.source() == ix {
            e.target()
        } else {
            e.source()
        };
        if g.graph[other].kind() == NodeKind::Event {
            events.insert(g.graph[other].id.clone());
        }
        events.extend(e.weight().events.iter().cloned());
    }
    if events.len() == 1 {
        events.pop_first()
    } else {
        None
    }
}

/// Builds the DOT syntax tree of `g` with the default options (the file [`write`] writes).
pub fn to_dot(g: &ReportGraph) -> Graph {
    to_dot_with(g, &DotOptions::default())
}

/// Builds the DOT syntax tree of `g`.
pub fn to_dot_with(g: &ReportGraph, opts: &DotOptions) -> Graph {
    let mut stmts = Vec::new();
    statements(g, opts, &mut |s| {
        stmts.push(s);
        Ok(())
    })
    .expect("collecting statements cannot fail");
    wrap_graph(g, stmts)
}

/// The graph around the statements: `graph` for the undirected views, `digraph` otherwise.
fn wrap_graph(g: &ReportGraph, stmts: Vec<Stmt>) -> Graph {
    if g.undirected {
        Graph::Graph { id: qid("reportgraph"), strict: false, stmts }
    } else {
        Graph::DiGraph { id: qid("reportgraph"), strict: false, stmts }
    }
}

/// Hands the statements of `g`'s DOT, in order, to `emit`: graph, node and edge defaults,
/// nodes (clusters after the other nodes), edges. One statement at a time, so that a
/// writer can print each one without the whole tree in memory.
fn statements(
    g: &ReportGraph,
    opts: &DotOptions,
    emit: &mut dyn FnMut(Stmt) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let weighted = g.edges().any(|(_, _, _, e)| e.weight.is_some());
    let labels = opts.layout.is_none() && !weighted;
    let mut graph_attrs = vec![
        attr("fontname", qid(FONT)),
        attr("label", legend(g)),
        attr("labelloc", plain("b")),
        attr("labeljust", plain("l")),
    ];
    // The legend's font: readable next to the drawing, which grows with the graph.
    let legend_size = match opts.layout {
        None => 11.0,
        Some(_) => (14.0 + 0.6 * ((g.node_count() + g.edge_count()) as f64).sqrt()).min(40.0),
    };
    graph_attrs.push(attr("fontsize", num(legend_size)));
    match opts.layout {
        None => graph_attrs.extend([
            attr("rankdir", plain("LR")),
            attr("overlap", plain("false")),
        ]),
        Some(Layout::Dot) => graph_attrs.extend([
            attr("rankdir", plain("LR")),
            attr("nodesep", plain("0.15")),
            attr("ranksep", plain("1.2")),
        ]),
        Some(Layout::Circo) => graph_attrs.extend([
            attr("mindist", plain("0.4")),
            attr("overlap", plain("false")),
        ]),
        Some(Layout::Neato | Layout::Sfdp | Layout::Fdp) => graph_attrs.extend([
            // Stretch to a landscape page rather than a long strip.
            attr("ratio", plain("0.62")),
            attr("overlap", plain("prism")),
            attr("overlap_scaling", plain("-4")),
            attr("sep", qid("+6")),
            attr("esep", qid("+3")),
            // Curved edges: as readable as routed splines here, and ~20x faster.
            attr("splines", plain("curved")),
        ]),
    }
    if opts.layout.is_some() {
        graph_attrs.extend([
            attr("outputorder", plain("edgesfirst")),
            attr("pad", plain("0.3")),
            attr("bgcolor", plain("white")),
        ]);
    }
    if opts.layout == Some(Layout::Sfdp) {
        graph_attrs.extend([
            attr("K", plain("0.6")),
            attr("repulsiveforce", plain("1.5")),
        ]);
    }
    let defaults: Vec<Stmt> = vec![
        GraphAttributes::Graph(graph_attrs).into(),
        GraphAttributes::Node(vec![
            attr("fontname", qid(FONT)),
            attr("fontsize", plain("10")),
            attr("style", qid("filled")),
            attr("margin", qid("0.08,0.03")),
        ])
        .into(),
        GraphAttributes::Edge(vec![
            attr("fontname", qid(FONT)),
            attr("fontsize", plain("8")),
            attr("arrowsize", plain("0.6")),
        ])
        .into(),
    ];
    for st in defaults {
        emit(st)?;
    }

    let degrees = super::degrees(g);
    let mut clusters: std::collections::BTreeMap<String, Vec<Stmt>> = Default::default();
    for (ix, n) in g.nodes() {
        let label = if opts.layout.is_some() {
            qlines(&wrap(&n.label, wrap_width(&n.label)))
        } else {
            qid(&n.label)
        };
        let mut attrs = vec![
            attr("label", label),
            attr("fontsize", num(font_size(degrees[ix.index()]))),
        ];
        attrs.extend(node_style(n.kind()));
        let tip = if n.aliases.is_empty() {
            format!("{} ({})", n.label, n.kind())
        } else {
            format!("{} ({}); also: {}", n.label, n.kind(), n.aliases.join(", "))
        };
        attrs.push(attr("tooltip", qid(&tip)));
        let stmt: Stmt = Node::new(NodeId(qid(&n.id), None), attrs).into();
        match opts.clusters.then(|| cluster_of(g, ix)).flatten() {
            Some(event) => clusters.entry(event).or_default().push(stmt),
            None => emit(stmt)?,
        }
    }
    for (event, members) in clusters {
        let label = g.node(&event).map_or_else(
            || event.strip_prefix("event:").unwrap_or(&event).to_string(),
            |n| n.label.clone(),
        );
        let mut inner: Vec<Stmt> = vec![GraphAttributes::Graph(vec![
            attr("label", qid(&label)),
            attr("style", qid("rounded,filled")),
            attr("fillcolor", qid("#F4F9F2")),
            attr(
                "color",
                qid(&palette::hex(palette::node_rgb(NodeKind::Event))),
            ),
            attr("fontsize", plain("12")),
        ])
        .into()];
        inner.extend(members);
        emit(
            Subgraph {
                id: qid(&format!("cluster_{event}")),
                stmts: inner,
            }
            .into(),
        )?;
    }
    // Each node id quoted once, by node index, for the edges.
    let mut ids = vec![String::new(); degrees.len()];
    for (ix, n) in g.nodes() {
        ids[ix.index()] = quote(&n.id);
    }
    for (_, s, t, e) in g.edges() {
        emit(
            Edge {
                ty: EdgeTy::Pair(
                    Vertex::N(NodeId(Id::Escaped(ids[s.index()].clone()), None)),
                    Vertex::N(NodeId(Id::Escaped(ids[t.index()].clone()), None)),
                ),
                attributes: edge_style(e, weighted, labels, opts.layout.is_some()),
            }
            .into(),
        )?;
    }
    Ok(())
}

/// Prints a DOT syntax tree, with a trailing newline.
pub fn print(graph: Graph) -> String {
    let mut ctx = PrinterContext::default();
    ctx.with_semi();
    let mut text = graph.print(&mut ctx);
    text.push('\n');
    text
}

/// Writes `g` as DOT, with a trailing newline.
pub fn write(g: &ReportGraph, w: &mut dyn Write) -> Result<(), ExportError> {
    write_with(g, &DotOptions::default(), w)
}

/// Writes `g` as DOT with these options, streaming: each statement is printed (by the
/// graphviz-rust printer) and written as soon as it is built, so memory does not grow
/// with the graph. The bytes are those of [`print`]`(`[`to_dot_with`]`(g, opts))`.
pub fn write_with(
    g: &ReportGraph,
    opts: &DotOptions,
    w: &mut dyn Write,
) -> Result<(), ExportError> {
    let mut w = std::io::BufWriter::with_capacity(super::BUF_SIZE, w);
    // The printer writes "digraph reportgraph {", the statements one per line, "}".
    // Printing the empty graph gives the first line and leaves the context as it is for
    // the statements inside a graph (indented, with the right edge operator), so each
    // statement is then printed on its own with that context.
    let mut ctx = PrinterContext::default();
    ctx.with_semi();
    let empty = wrap_graph(g, Vec::new()).print(&mut ctx);
    let head = empty.split_once('\n').map_or(empty.as_str(), |(head, _)| head);
    w.write_all(head.as_bytes())?;
    statements(g, opts, &mut |st| {
        w.write_all(b"\n")?;
        w.write_all(st.print(&mut ctx).as_bytes())?;
        Ok(())
    })?;
    w.write_all(b"\n}\n")?;
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
        assert!(s.contains("label=<<TABLE"), "legend");
        assert!(s.contains("chair: diamond head"));
        assert!(s.contains(
            r#""person:o-brien"[label="Dr. \"Seán\" O'Brien & <Co> \\ 😀" fontsize=14.16 shape=ellipse"#
        ));
        // Edges styled per role and labelled with their kind.
        assert!(
            s.contains(r##"label="chair" fontcolor="#4E79A7" color="#4E79A7" arrowhead=diamond"##)
        );
        assert!(s.contains("style=dotted"));
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

    #[test]
    fn undirected_weighted_view() {
        let v = crate::export::view::view(
            &hostile(),
            crate::export::view::View::Alongside,
            &Default::default(),
        )
        .unwrap();
        let s = String::from_utf8(render(&v, write)).unwrap();
        assert!(s.starts_with("graph \"reportgraph\" {"), "{s}");
        assert_eq!(s.matches(" -- ").count(), 1);
        assert!(!s.contains(" -> "));
        assert!(s.contains("penwidth=1 weight=1 tooltip=\"1 shared event(s): event:x-2019-10\""));
        assert!(s.contains("alongside: line width = shared events"));
    }

    #[test]
    fn clusters_per_event() {
        let g = hostile();
        let opts = DotOptions {
            clusters: true,
            layout: None,
        };
        let s = print(to_dot_with(&g, &opts));
        assert_eq!(s.matches("subgraph \"cluster_").count(), 1);
        let start = s.find("subgraph \"cluster_event:x-2019-10\"").unwrap();
        let cluster = &s[start..start + s[start..].find('}').unwrap()];
        // The event and the nodes whose only event it is: both persons, topic, place.
        assert!(
            cluster.contains("label=\"Seminar: \\\"Peace & War\\\" \""),
            "{cluster}"
        );
        for id in [
            "person:o-brien",
            "person:عبد",
            "topic:water",
            "place:islamabad",
        ] {
            assert!(
                cluster.contains(&format!("\"{id}\"[")),
                "{id} not in {cluster}"
            );
        }
        // The institution is reached through an affiliation too: still one event only.
        assert!(cluster.contains("\"institution:at-t\"["));
        // Layout tuning drops edge labels.
        let tuned = print(to_dot_with(
            &g,
            &DotOptions {
                clusters: false,
                layout: Some(Layout::Sfdp),
            },
        ));
        assert!(tuned.contains("overlap=prism"));
        assert!(!tuned.contains("label=\"chair\""));
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
