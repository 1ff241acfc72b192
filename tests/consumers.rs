//! The exports load in the tools analysts use: networkx, igraph (via
//! `tests/py/check_outputs.py`) and Graphviz (`dot -Tsvg`).
//!
//! These tests need `python3` with networkx >= 3.4 and igraph, and `dot` on the PATH
//! (`scripts/setup.sh` installs them). A missing tool is a failure, not a skip.
//! Set `PYTHON` to use another interpreter than `python3`.

use reportgraph::export::{write_all, Format};
use reportgraph::{Edge, EdgeKind, Evidence, Node, NodeKind, ReportGraph};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs a command, panicking with its output unless it succeeds.
fn run(cmd: &mut Command) -> Output {
    let shown = format!("{cmd:?}");
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {shown}: {e} (run scripts/setup.sh)"));
    assert!(
        out.status.success(),
        "{shown} failed with {}\n--- stdout\n{}\n--- stderr\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Node and edge counts according to graph.json, read with serde_json only.
fn json_counts(dir: &Path) -> (usize, usize) {
    let text = std::fs::read_to_string(dir.join("graph.json")).expect("graph.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("graph.json is JSON");
    let nodes = v["nodes"].as_array().expect("nodes array").len();
    let edges = v["edges"].as_array().expect("edges array").len();
    (nodes, edges)
}

/// The python consumer check plus `dot -Tsvg` on the exports in `dir`.
fn check_consumers(dir: &Path, nodes: usize, edges: usize) {
    for f in Format::ALL {
        let p = dir.join(f.file_name());
        assert!(p.is_file(), "{} missing", p.display());
    }
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let out = run(Command::new(python)
        .arg(repo().join("tests/py/check_outputs.py"))
        .arg(dir)
        .arg(nodes.to_string())
        .arg(edges.to_string()));
    eprintln!("{}", String::from_utf8_lossy(&out.stdout).trim());

    let svg = dir.join("graph.svg");
    run(Command::new("dot")
        .arg("-Tsvg")
        .arg(dir.join("graph.dot"))
        .arg("-o")
        .arg(&svg));
    let size = std::fs::metadata(&svg).expect("graph.svg written").len();
    assert!(size > 0, "graph.svg is empty");
}

#[test]
fn cli_build_outputs_load_in_consumers() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let out = run(Command::new(env!("CARGO_BIN_EXE_reportgraph"))
        .current_dir(repo())
        .args(["build", "data/reports", "--out"])
        .arg(&out_dir));
    eprintln!("{}", String::from_utf8_lossy(&out.stdout).trim());
    let (nodes, edges) = json_counts(&out_dir);
    assert!(nodes > 0, "the sample reports produced an empty graph");
    check_consumers(&out_dir, nodes, edges);
}

fn ev(snippet: &str) -> Evidence {
    Evidence::new("r&d <1>.txt", 0, snippet.len() as u32, snippet)
}

fn node(id: &str, kind: NodeKind, label: &str) -> Node {
    Node {
        id: id.into(),
        kind: Some(kind),
        label: label.into(),
        documents: vec!["r&d <1>.txt".into()],
        evidence: vec![ev(label)],
        ..Default::default()
    }
}

fn edge(kind: EdgeKind, key: &str) -> Edge {
    Edge {
        kind,
        key: key.into(),
        title: None,
        session: None,
        documents: vec!["r&d <1>.txt".into()],
        evidence: vec![ev("\"quoted\" & <tagged> \\ \u{1}")],
        weight: None,
        events: vec![],
    }
}

/// Names with every character class that has broken an exporter somewhere.
fn hostile_graph() -> ReportGraph {
    let mut event = node(
        "event:peace-2019",
        NodeKind::Event,
        "Peace & War: \"2019\" <panel>",
    );
    event.title = Some("Peace & War".into());
    event.date = Some("2019".into());
    event.sessions = vec!["Session 1".into(), "Q&A".into()];
    let mut person = node(
        "person:o-brien",
        NodeKind::Person,
        "Dr. \"Seán\" O'Brien & <Co> \\ 😀\u{1}",
    );
    person.aliases = vec!["S. O'Brien".into(), "Шон О'Брайен".into()];
    let nodes = vec![
        person,
        node("person:عبد-الله", NodeKind::Person, "عبد الله"),
        node("person:dmitry", NodeKind::Person, "Дмитрий Łukasz Ñúñez\\"),
        node(
            "institution:at-t",
            NodeKind::Institution,
            "AT&T <Labs> \"R&D\"\u{FFFF}",
        ),
        event,
        node("topic:water", NodeKind::Topic, "water\tsecurity"),
        node("place:islamabad", NodeKind::Place, "Islamabad"),
    ];
    let mut chair = edge(EdgeKind::Chair, "chair@Session 1");
    chair.session = Some("Session 1".into());
    let mut aff = edge(EdgeKind::AffiliatedWith, "affiliated_with");
    aff.title = Some("VP \"R&D\" <acting>".into());
    let e = |s: &str, t: &str, x: Edge| (s.to_string(), t.to_string(), x);
    let edges = vec![
        e("person:o-brien", "event:peace-2019", chair),
        e(
            "person:o-brien",
            "event:peace-2019",
            edge(EdgeKind::Speaker, "speaker"),
        ),
        e("person:o-brien", "institution:at-t", aff),
        e(
            "person:عبد-الله",
            "event:peace-2019",
            edge(EdgeKind::Questioner, "questioner"),
        ),
        e(
            "event:peace-2019",
            "person:dmitry",
            edge(EdgeKind::Mentions, "mentions"),
        ),
        e(
            "event:peace-2019",
            "institution:at-t",
            edge(EdgeKind::OrganizedBy, "organized_by"),
        ),
        e(
            "event:peace-2019",
            "place:islamabad",
            edge(EdgeKind::HeldAt, "held_at"),
        ),
        e(
            "event:peace-2019",
            "topic:water",
            edge(EdgeKind::Covers, "covers"),
        ),
        e(
            "person:o-brien",
            "topic:water",
            edge(EdgeKind::Discussed, "discussed"),
        ),
    ];
    ReportGraph::from_parts(nodes, edges, vec!["r&d <1>.txt".into()])
}

#[test]
fn library_hostile_graph_loads_in_consumers() {
    let g = hostile_graph();
    assert_eq!((g.node_count(), g.edge_count()), (7, 9));
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nested/out");
    let written = write_all(&g, &dir).unwrap();
    let names: Vec<_> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["graph.json", "graph.graphml", "graph.gexf", "graph.dot"]
    );
    assert_eq!(json_counts(&dir), (7, 9));
    check_consumers(&dir, 7, 9);

    // No temporary files left behind, and a second run gives the same bytes.
    let again = tmp.path().join("again");
    write_all(&g, &again).unwrap();
    for f in Format::ALL {
        assert_eq!(
            std::fs::read(dir.join(f.file_name())).unwrap(),
            std::fs::read(again.join(f.file_name())).unwrap(),
            "{} differs between runs",
            f.file_name()
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(&again)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("graph."))
        .collect();
    assert!(leftovers.is_empty(), "leftover files: {leftovers:?}");

    // graph.json loads back into the same graph.
    let back = reportgraph::graph::load_json(&dir.join("graph.json")).unwrap();
    let mut bytes = Vec::new();
    Format::Json.write(&back, &mut bytes).unwrap();
    assert_eq!(bytes, std::fs::read(dir.join("graph.json")).unwrap());
}
