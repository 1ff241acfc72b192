//! Any string survives every export and reads back identical with the real parsers.
//!
//! - JSON: read back with our loader, exactly, for any string in any field (proptest, with
//!   shrinking).
//! - GraphML and GEXF: read with networkx; DOT: parsed by Graphviz (`dot -Tjson`). One graph
//!   holds a few hundred generated cases, so python and dot run once per test. XML cannot
//!   carry most control characters nor U+FFFE/U+FFFF: the exporters drop them, and the
//!   strings are compared with those characters removed. DOT names are one line: tab,
//!   newline and carriage return become spaces, other control characters are dropped.
//!
//! Needs `python3` with networkx and `dot` (scripts/setup.sh installs them).

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRng, TestRunner};
use reportgraph::export::Format;
use reportgraph::{Edge, EdgeKind, Evidence, Node, NodeKind, ReportGraph};
use std::collections::BTreeMap;
use std::process::Command;

/// Characters that have broken exporters somewhere.
const NASTY: &[&str] = &[
    "&", "<", ">", "\"", "'", "\\", "\\\\", "\\N", "\\n", "\\\"", "\"\"", " | ", "|", "\t", "\n", "\r", "\r\n", " ", "  ",
    "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}",
    "\u{AD}", "\u{200B}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2028}", "\u{2029}", "\u{FEFF}",
    "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FDD0}", "\u{1FFFE}", "\u{10FFFF}", "\u{E000}", "😀", "👩‍👩‍👧", "🇵🇰",
    "عبد الله", "שָׁלוֹם", "Łukasz", "Дмитрий", "日本語", "e\u{301}", "\u{301}", "&amp;", "&#0;", "&#x1F600;", "&lt;",
    "<![CDATA[", "]]>", "<!--", "-->", "<?xml", "<b>", "</node>", "{", "}", "[", "]", "->", "--", ";", "=", ",",
    "digraph", "node", "edge", "graph", "strict", "%", "#", "/*", "*/", "//", "null", "true", "0", "-1", "1e400",
];

/// Any string: arbitrary Unicode, or a mix of the characters above and plain words.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(
            prop_oneof![3 => prop::sample::select(NASTY).prop_map(str::to_string), 1 => "[a-zA-Z .,]{0,6}"],
            0..10
        )
        .prop_map(|v| v.concat()),
    ]
}

fn ev(document: &str, snippet: &str) -> Evidence {
    Evidence::new(document, 1, 2, snippet)
}

/// A graph with strings in every field: a person, an event and an institution, a role and
/// an affiliation. `s` holds 10 strings.
fn graph_of(s: &[String]) -> ReportGraph {
    let docs = vec![s[7].clone(), s[8].clone()];
    let person = Node {
        id: format!("person:{}", s[0]),
        kind: Some(NodeKind::Person),
        label: s[1].clone(),
        aliases: vec![s[2].clone(), s[3].clone()],
        documents: docs.clone(),
        evidence: vec![ev(&s[7], &s[9])],
        ..Default::default()
    };
    let event = Node {
        id: format!("event:{}", s[0]),
        kind: Some(NodeKind::Event),
        label: s[4].clone(),
        title: Some(s[5].clone()),
        date: Some(s[6].clone()),
        venue: Some(s[9].clone()),
        city: Some(s[3].clone()),
        subtype: Some(s[2].clone()),
        sessions: vec![s[5].clone(), s[1].clone()],
        documents: docs.clone(),
        ..Default::default()
    };
    let inst = Node {
        id: format!("institution:{}", s[0]),
        kind: Some(NodeKind::Institution),
        label: s[6].clone(),
        aliases: vec![s[4].clone()],
        ..Default::default()
    };
    let mut role = Edge::new(EdgeKind::Chair, format!("chair@{}", s[5]));
    role.session = Some(s[5].clone());
    role.documents = docs.clone();
    role.evidence = vec![ev(&s[8], &s[9])];
    let mut aff = Edge::new(EdgeKind::AffiliatedWith, "affiliated_with");
    aff.title = Some(s[3].clone());
    ReportGraph::from_parts(
        vec![person.clone(), event.clone(), inst.clone()],
        vec![(person.id.clone(), event.id.clone(), role), (person.id.clone(), inst.id.clone(), aff)],
        docs,
    )
}

fn nodes(g: &ReportGraph) -> Vec<Node> {
    g.nodes().map(|(_, n)| n.clone()).collect()
}

fn edges(g: &ReportGraph) -> Vec<(String, String, Edge)> {
    g.edges().map(|(_, s, t, e)| (g.graph[s].id.clone(), g.graph[t].id.clone(), e.clone())).collect()
}

proptest! {
    #![proptest_config(Config { cases: 512, ..Config::default() })]

    /// Every field of every node and edge reads back exactly from graph.json.
    #[test]
    fn json_reads_back_exactly(s in prop::collection::vec(any_text(), 10)) {
        let g = graph_of(&s);
        let mut buf = Vec::new();
        Format::Json.write(&g, &mut buf).unwrap();
        let back = ReportGraph::from_json_reader(&buf[..]).unwrap();
        prop_assert_eq!(nodes(&back), nodes(&g));
        prop_assert_eq!(edges(&back), edges(&g));
        prop_assert_eq!(&back.documents, &g.documents);
        // and writing it again gives the same bytes
        let mut again = Vec::new();
        Format::Json.write(&back, &mut again).unwrap();
        prop_assert!(again == buf);
    }
}

/// What XML 1.0 can carry: the exporters drop the other characters.
fn xml_clean(s: &str) -> String {
    s.chars().filter(|&c| !((c < '\u{20}' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}')).collect()
}

/// What a DOT name carries: one line, no control characters.
fn dot_clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c < '\u{20}' || c == '\u{7F}' || c == '\u{FFFE}' || c == '\u{FFFF}' => None,
            c => Some(c),
        })
        .collect()
}

/// `CASES` generated strings, the same on every run.
const CASES: usize = 400;

fn cases() -> Vec<[String; 3]> {
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha));
    let strat = [any_text(), any_text(), any_text()];
    let mut out: Vec<[String; 3]> = (0..CASES).map(|_| strat.new_tree(&mut runner).unwrap().current()).collect();
    // and the hand-picked ones, each alone
    out.extend(NASTY.iter().map(|s| [s.to_string(), format!("{s}{s}"), format!("a{s}b")]));
    out
}

/// One graph with a node per case (label and two aliases) and an affiliation edge per
/// case whose title is the label.
fn big_graph(cases: &[[String; 3]]) -> ReportGraph {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    nodes.push(Node { id: "hub".into(), kind: Some(NodeKind::Institution), label: "hub".into(), ..Default::default() });
    for (i, [a, b, c]) in cases.iter().enumerate() {
        let id = format!("n{i}");
        nodes.push(Node {
            id: id.clone(),
            kind: Some(NodeKind::Person),
            label: a.clone(),
            aliases: vec![b.clone(), c.clone()],
            ..Default::default()
        });
        let mut e = Edge::new(EdgeKind::AffiliatedWith, "affiliated_with");
        e.title = Some(a.clone());
        edges.push((id, "hub".to_string(), e));
    }
    ReportGraph::from_parts(nodes, edges, vec!["a.txt".into()])
}

const READ_XML: &str = r#"
import json, sys
import networkx as nx
out = {}
for fmt, g in (("graphml", nx.read_graphml(sys.argv[1])), ("gexf", nx.read_gexf(sys.argv[2]))):
    out[fmt] = {
        "nodes": {n: [d.get("label", ""), d.get("aliases", "")] for n, d in g.nodes(data=True)},
        "titles": {s: d.get("title", "") for s, t, d in g.edges(data=True)},
    }
json.dump(out, sys.stdout, ensure_ascii=True)
"#;

/// Labels, aliases and edge titles read back identical (less XML-illegal characters) with
/// networkx from GraphML and GEXF.
#[test]
fn graphml_and_gexf_read_back_with_networkx() {
    let cases = cases();
    let g = big_graph(&cases);
    let dir = tempfile::tempdir().unwrap();
    let paths = reportgraph::export::write_all(&g, dir.path()).unwrap();
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let o = Command::new(python)
        .arg("-c")
        .arg(READ_XML)
        .arg(&paths[1])
        .arg(&paths[2])
        .output()
        .expect("python3 with networkx (run scripts/setup.sh)");
    assert!(o.status.success(), "networkx failed to read the exports:\n{}", String::from_utf8_lossy(&o.stderr));
    let got: BTreeMap<String, serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let mut bad = Vec::new();
    for fmt in ["graphml", "gexf"] {
        let nodes = &got[fmt]["nodes"];
        let titles = &got[fmt]["titles"];
        assert_eq!(nodes.as_object().unwrap().len(), cases.len() + 1, "{fmt}: node count");
        for (i, [a, b, c]) in cases.iter().enumerate() {
            let id = format!("n{i}");
            let want_label = xml_clean(a);
            let want_aliases = xml_clean(&format!("{b} | {c}"));
            let label = nodes[&id][0].as_str().unwrap_or("<not a string>");
            let aliases = nodes[&id][1].as_str().unwrap_or("<not a string>");
            let title = titles[&id].as_str().unwrap_or("<not a string>");
            if label != want_label || aliases != want_aliases || title != want_label {
                bad.push(format!("{fmt} {id}: wrote {a:?} / {b:?} / {c:?}, read {label:?} / {aliases:?} / title {title:?}"));
            }
        }
    }
    assert!(bad.is_empty(), "{} mismatches, first ones:\n{}", bad.len(), bad[..bad.len().min(10)].join("\n"));
}

/// Graphviz's own parser reads every label back (one line, without control characters).
#[test]
fn dot_reads_back_with_graphviz() {
    let cases = cases();
    let g = big_graph(&cases);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.dot");
    let mut buf = Vec::new();
    Format::Dot.write(&g, &mut buf).unwrap();
    std::fs::write(&path, &buf).unwrap();
    // no layout needed: only the parsed attributes
    let o = Command::new("dot").arg("-Tjson0").arg("-Glayout=osage").arg(&path).output().expect("dot (run scripts/setup.sh)");
    assert!(o.status.success(), "dot failed:\n{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("dot -Tjson0 output is JSON");
    let mut labels = BTreeMap::new();
    for obj in v["objects"].as_array().unwrap() {
        if let (Some(name), Some(label)) = (obj["name"].as_str(), obj["label"].as_str()) {
            // DOT keeps `\\` in the attribute; Graphviz shows it as one backslash
            labels.insert(name.to_string(), label.replace("\\\\", "\\"));
        }
    }
    let mut bad = Vec::new();
    for (i, [a, _, _]) in cases.iter().enumerate() {
        let id = format!("n{i}");
        let want = dot_clean(a);
        match labels.get(&id) {
            Some(got) if *got == want => {}
            got => bad.push(format!("{id}: wrote {a:?}, want {want:?}, read {got:?}")),
        }
    }
    assert!(bad.is_empty(), "{} mismatches, first ones:\n{}", bad.len(), bad[..bad.len().min(10)].join("\n"));
}
