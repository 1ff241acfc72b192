//! `reportgraph export` and `render`: every format of every view loads in the real
//! consumers — networkx (node_link_graph, read_graphml, read_gexf, cytoscape_graph),
//! igraph (GraphML), lxml (GEXF / GraphML / SVG structure), Python's csv module (Gephi and
//! neo4j-admin tables) via `tests/py/check_exports.py`, and Graphviz (`dot` on the DOT).
//!
//! Needs `python3` with networkx >= 3.4, igraph and lxml, and Graphviz (`scripts/setup.sh`
//! installs them). A missing tool is a failure, not a skip. `PYTHON` picks the interpreter.

use reportgraph::export::view::View;
use reportgraph::export::{write_atomic, Format};
use reportgraph::{Edge, EdgeKind, Evidence, Node, NodeKind, ReportGraph};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_reportgraph"));
    c.current_dir(repo());
    c
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

const FORMATS: [&str; 7] = [
    "json",
    "graphml",
    "gexf",
    "dot",
    "cytoscape",
    "csv",
    "neo4j",
];

fn file_name(format: &str) -> &'static str {
    match format {
        "json" => "graph.json",
        "graphml" => "graph.graphml",
        "gexf" => "graph.gexf",
        "dot" => "graph.dot",
        "cytoscape" => "graph.cyjs",
        "csv" => "csv",
        "neo4j" => "neo4j",
        _ => unreachable!(),
    }
}

/// Exports every format of `view` of `graph` into `dir` with the CLI; returns the
/// manifest entry the python checker reads (counts from the JSON export).
fn export_all(graph: &Path, view: View, extra: &[&str], dir: &Path) -> Value {
    std::fs::create_dir_all(dir).unwrap();
    for f in FORMATS {
        run(bin()
            .args(["export", "-q", "--format", f, "--view", view.as_str()])
            .args(extra)
            .arg("--graph")
            .arg(graph)
            .arg("-o")
            .arg(dir.join(file_name(f))));
    }
    // An image too, for the SVG check.
    run(bin()
        .args(["render", "-q", "--view", view.as_str()])
        .args(extra)
        .arg("--graph")
        .arg(graph)
        .arg("-o")
        .arg(dir.join("graph.svg")));
    let v: Value = serde_json::from_slice(&std::fs::read(dir.join("graph.json")).unwrap()).unwrap();
    let nodes = v["nodes"].as_array().unwrap().len();
    let edges = v["edges"].as_array().unwrap().len();
    // Graphviz reads the DOT without complaint.
    let out = run(Command::new("dot").arg("-Tsvg").arg(dir.join("graph.dot")));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.trim().is_empty(), "dot warnings on {view}: {stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("</svg>"));
    json!({
        "dir": dir,
        "view": view.as_str(),
        "nodes": nodes,
        "edges": edges,
        "directed": view == View::Full,
    })
}

/// One python process checks every case of the manifest.
fn check_with_python(manifest: Value, tmp: &Path, must_have: &[&str]) {
    let path = tmp.join("manifest.json");
    let manifest = json!({"cases": manifest, "labels": must_have});
    std::fs::write(&path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let out = run(Command::new(python)
        .arg(repo().join("tests/py/check_exports.py"))
        .arg(&path));
    eprintln!("{}", String::from_utf8_lossy(&out.stdout).trim());
}

#[test]
fn sample_corpus_every_view_and_format_loads_in_consumers() {
    let tmp = tempfile::tempdir().unwrap();
    let built = tmp.path().join("built");
    run(bin().args(["build", "-q", "--out"]).arg(&built));
    let graph = built.join("graph.json");
    let mut cases = Vec::new();
    for view in View::ALL {
        let case = export_all(&graph, view, &[], &tmp.path().join(view.as_str()));
        if view != View::Affiliation {
            assert!(
                case["edges"].as_u64().unwrap() > 0,
                "{view} view of the sample is empty"
            );
        }
        cases.push(case);
    }
    // Filters and clusters go through too.
    cases.push(export_all(
        &graph,
        View::Alongside,
        &["--min-weight", "2"],
        &tmp.path().join("alongside-heavy"),
    ));
    cases.push(export_all(
        &graph,
        View::Full,
        &[
            "--kinds",
            "person,event,institution",
            "--roles",
            "speaker,chair",
            "--clusters",
        ],
        &tmp.path().join("full-filtered"),
    ));
    check_with_python(Value::Array(cases), tmp.path(), &[]);
}

fn ev(doc: &str, snippet: &str) -> Evidence {
    Evidence::new(doc, 0, snippet.len() as u32, snippet)
}

fn node(id: &str, kind: NodeKind, label: &str) -> Node {
    Node {
        id: id.into(),
        kind: Some(kind),
        label: label.into(),
        documents: vec!["r&d <1>.txt".into()],
        evidence: vec![ev("r&d <1>.txt", label)],
        ..Default::default()
    }
}

fn edge(kind: EdgeKind, key: &str) -> Edge {
    let mut e = Edge::new(kind, key);
    e.documents = vec!["r&d <1>.txt".into()];
    e.evidence = vec![ev("r&d <1>.txt", "\"quoted\" & <tagged> \\ \u{1}")];
    e
}

/// Accented, non-Latin and XML-hostile names, placed late in every file: 200 ASCII-only
/// institutions and 300 ASCII-only attendees come first (ids sort before
/// `institution:zz…` and `person:zz…`), so the first non-ASCII character of each export is
/// far into the file, where Gephi has mis-decoded accents before.
pub const LATE_NAMES: [&str; 6] = [
    "Zoë Ñúñez-Dębski",
    "Żaneta Łódź-Ørsted",
    "Dr. \"Seán\" O'Brien & <Co>",
    "محمد عبد الله",
    "Дмитрий Шостакович",
    "Université Côte d'Azur & <R&D>",
];

fn late_accents_graph() -> ReportGraph {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let e = |s: &str, t: &str, x: Edge| (s.to_string(), t.to_string(), x);
    let mut event = node(
        "event:conference-2019",
        NodeKind::Event,
        "Annual Conference 2019",
    );
    event.date = Some("2019-10".into());
    nodes.push(event);
    let mut event2 = node("event:workshop-2021", NodeKind::Event, "Workshop 2021");
    event2.date = Some("2021-03-04".into());
    nodes.push(event2);
    nodes.push(node(
        "institution:abc-institute",
        NodeKind::Institution,
        "ABC Institute",
    ));
    for i in 0..300 {
        let id = format!("person:ascii-{i:03}");
        nodes.push(node(
            &id,
            NodeKind::Person,
            &format!("Person Number {i:03}"),
        ));
        edges.push(e(
            &id,
            "event:conference-2019",
            edge(EdgeKind::Attendee, "attendee"),
        ));
        if i < 200 {
            // ASCII institutions sort before the accented one.
            let inst = format!("institution:filler-{i:03}");
            nodes.push(node(
                &inst,
                NodeKind::Institution,
                &format!("Filler Institute {i:03}"),
            ));
            edges.push(e(
                &id,
                &inst,
                edge(EdgeKind::AffiliatedWith, "affiliated_with"),
            ));
        }
        if i < 4 {
            edges.push(e(
                &id,
                "event:conference-2019",
                edge(EdgeKind::Speaker, "speaker"),
            ));
            edges.push(e(
                &id,
                "institution:abc-institute",
                edge(EdgeKind::AffiliatedWith, "affiliated_with"),
            ));
        }
    }
    let ids = [
        "person:zz-zoe",
        "person:zz-zaneta",
        "person:zz-obrien",
        "person:zz-mohammad",
        "person:zz-dmitry",
    ];
    for (id, label) in ids.iter().zip(LATE_NAMES) {
        let mut n = node(id, NodeKind::Person, label);
        n.aliases = vec![format!("{label} (alias)")];
        nodes.push(n);
        edges.push(e(
            id,
            "event:conference-2019",
            edge(EdgeKind::Speaker, "speaker"),
        ));
        edges.push(e(
            id,
            "event:workshop-2021",
            edge(EdgeKind::Discussant, "discussant"),
        ));
    }
    // Parallel edges: chaired and spoke.
    let mut chair = edge(EdgeKind::Chair, "chair@Session 1");
    chair.session = Some("Session 1 – Ünïcode".into());
    edges.push(e("person:zz-zoe", "event:conference-2019", chair));
    nodes.push(node(
        "institution:zz-cote-d-azur",
        NodeKind::Institution,
        LATE_NAMES[5],
    ));
    let mut aff = edge(EdgeKind::AffiliatedWith, "affiliated_with");
    aff.title = Some("Présidente \"R&D\"".into());
    edges.push(e("person:zz-zoe", "institution:zz-cote-d-azur", aff));
    edges.push(e(
        "person:zz-dmitry",
        "institution:zz-cote-d-azur",
        edge(EdgeKind::AffiliatedWith, "affiliated_with"),
    ));
    edges.push(e(
        "event:workshop-2021",
        "institution:zz-cote-d-azur",
        edge(EdgeKind::OrganizedBy, "organized_by"),
    ));
    edges.push(e(
        "event:conference-2019",
        "institution:abc-institute",
        edge(EdgeKind::OrganizedBy, "organized_by"),
    ));
    nodes.push(node(
        "topic:water",
        NodeKind::Topic,
        "water\tsecurity \u{1}",
    ));
    edges.push(e(
        "event:conference-2019",
        "topic:water",
        edge(EdgeKind::Covers, "covers"),
    ));
    ReportGraph::from_parts(nodes, edges, vec!["r&d <1>.txt".into()])
}

#[test]
fn late_accents_and_hostile_names_survive_every_format_and_view() {
    let tmp = tempfile::tempdir().unwrap();
    let graph = tmp.path().join("graph.json");
    let g = late_accents_graph();
    write_atomic(&graph, |w| Format::Json.write(&g, w)).unwrap();
    let mut cases = Vec::new();
    for view in View::ALL {
        let dir = tmp.path().join(view.as_str());
        cases.push(export_all(&graph, view, &[], &dir));
        // The first non-ASCII byte really is late in the XML files.
        for f in ["graph.gexf", "graph.graphml"] {
            let bytes = std::fs::read(dir.join(f)).unwrap();
            let first = bytes.iter().position(|b| !b.is_ascii());
            if view == View::Full {
                assert!(
                    first.unwrap() > 30_000,
                    "{view}/{f}: first non-ASCII at {first:?}"
                );
            }
        }
    }
    // The counts the views must have.
    let count = |c: &Value| (c["nodes"].as_u64().unwrap(), c["edges"].as_u64().unwrap());
    assert_eq!(
        count(&cases[0]),
        (g.node_count() as u64, g.edge_count() as u64)
    );
    // alongside: 4 ASCII speakers + 5 late speakers at the conference: C(9, 2) = 36 pairs.
    assert_eq!(count(&cases[1]), (9, 36));
    check_with_python(Value::Array(cases), tmp.path(), &LATE_NAMES);
}

#[test]
fn standard_output_and_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let graph = tmp.path().join("graph.json");
    let g = late_accents_graph();
    write_atomic(&graph, |w| Format::Json.write(&g, w)).unwrap();

    // Without -o: standard output, the same bytes as the file.
    let out = run(bin()
        .args([
            "export",
            "-q",
            "--format",
            "gexf",
            "--view",
            "alongside",
            "--graph",
        ])
        .arg(&graph));
    let file = tmp.path().join("a.gexf");
    run(bin()
        .args([
            "export",
            "-q",
            "--format",
            "gexf",
            "--view",
            "alongside",
            "--graph",
        ])
        .arg(&graph)
        .arg("-o")
        .arg(&file));
    assert_eq!(out.stdout, std::fs::read(&file).unwrap());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("defaultedgetype=\"undirected\""));
    assert!(s.contains("<attribute id=\"e_events\" title=\"events\" type=\"string\"/>"));

    // csv / neo4j need a folder.
    for f in ["csv", "neo4j"] {
        let o = bin()
            .args(["export", "--format", f, "--graph"])
            .arg(&graph)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("two files") && err.contains("-o DIR"), "{err}");
        assert!(o.stdout.is_empty());
    }
    // Bad filters and a missing graph are clear errors.
    let o = bin()
        .args([
            "export", "--format", "json", "--since", "May 2020", "--graph",
        ])
        .arg(&graph)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not an ISO date"));
    let o = bin()
        .args(["export", "--format", "json", "--roles", "covers", "--graph"])
        .arg(&graph)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "a usage error is a fatal error (exit 1)");
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown role"));
    let o = bin()
        .args([
            "export",
            "--format",
            "json",
            "--graph",
            "/nonexistent/graph.json",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("reportgraph build"));

    // Date filters: nothing after 2030; only the 2021 workshop from 2020 on.
    let o = run(bin()
        .args([
            "export",
            "--format",
            "json",
            "--view",
            "alongside",
            "--since",
            "2030",
            "--graph",
        ])
        .arg(&graph));
    assert!(String::from_utf8_lossy(&o.stderr).contains("empty"));
    let o = run(bin()
        .args([
            "export",
            "-q",
            "--format",
            "json",
            "--view",
            "alongside",
            "--since",
            "2020",
            "--graph",
        ])
        .arg(&graph));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["directed"], false);
    assert_eq!(
        v["edges"].as_array().unwrap().len(),
        10,
        "C(5, 2) late discussants"
    );
    for e in v["edges"].as_array().unwrap() {
        assert_eq!(e["events"], json!(["event:workshop-2021"]));
        assert_eq!(e["weight"], 1.0);
    }
    // The late speakers share two events.
    let o = run(bin()
        .args([
            "export",
            "-q",
            "--format",
            "json",
            "--view",
            "alongside",
            "--min-weight",
            "2",
            "--graph",
        ])
        .arg(&graph));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["edges"].as_array().unwrap().len(), 10);
    // Documents filter: an unknown report leaves nothing.
    let o = run(bin()
        .args([
            "export",
            "-q",
            "--format",
            "json",
            "--documents",
            "other.txt",
            "--graph",
        ])
        .arg(&graph));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["nodes"].as_array().unwrap().len(), 0);
    // A view's JSON loads back with its weights.
    let file = tmp.path().join("alongside.json");
    run(bin()
        .args([
            "export",
            "-q",
            "--format",
            "json",
            "--view",
            "alongside",
            "--graph",
        ])
        .arg(&graph)
        .arg("-o")
        .arg(&file));
    let back = reportgraph::graph::load_json(&file).unwrap();
    assert!(back.undirected);
    assert!(back
        .edges()
        .all(|(_, _, _, e)| e.kind == EdgeKind::Alongside && e.weight.is_some()));
}

#[test]
fn render_draws_images_and_names_the_missing_package() {
    let tmp = tempfile::tempdir().unwrap();
    let graph = tmp.path().join("graph.json");
    let g = late_accents_graph();
    write_atomic(&graph, |w| Format::Json.write(&g, w)).unwrap();

    for layout in ["dot", "neato", "sfdp", "fdp", "circo"] {
        let svg = tmp.path().join(format!("alongside-{layout}.svg"));
        run(bin()
            .args([
                "render",
                "-q",
                "--view",
                "alongside",
                "--layout",
                layout,
                "--graph",
            ])
            .arg(&graph)
            .arg("-o")
            .arg(&svg));
        let text = std::fs::read_to_string(&svg).unwrap();
        assert!(
            text.contains("<svg") && text.trim_end().ends_with("</svg>"),
            "{layout}"
        );
        // Well-formed XML with one node group per person.
        let mut r = quick_xml::Reader::from_str(&text);
        let mut nodes = 0;
        loop {
            match r.read_event().expect("well-formed SVG") {
                quick_xml::events::Event::Start(e) => {
                    let is_node = e
                        .attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == b"class" && a.value.as_ref() == b"node");
                    nodes += usize::from(is_node);
                }
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(nodes, 9, "{layout}");
        assert!(text.contains("Zoë Ñúñez")); // label lines survive
    }
    // PNG and PDF by extension or --format.
    let png = tmp.path().join("full.png");
    run(bin()
        .args(["render", "-q", "--clusters", "--layout", "fdp", "--graph"])
        .arg(&graph)
        .arg("-o")
        .arg(&png));
    assert!(std::fs::read(&png)
        .unwrap()
        .starts_with(b"\x89PNG\r\n\x1a\n"));
    let pdf = tmp.path().join("out.bin");
    run(bin()
        .args([
            "render",
            "-q",
            "--format",
            "pdf",
            "--view",
            "institutions",
            "--graph",
        ])
        .arg(&graph)
        .arg("-o")
        .arg(&pdf));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    // Without Graphviz on the PATH: a clear error naming the package, nothing written.
    let empty = tmp.path().join("empty-path");
    std::fs::create_dir(&empty).unwrap();
    let out_file = tmp.path().join("none.svg");
    let o = bin()
        .env("PATH", &empty)
        .args(["render", "--graph"])
        .arg(&graph)
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("Graphviz is not installed") && err.contains("apt-get install graphviz"),
        "{err}"
    );
    assert!(!out_file.exists());
}

/// The committed images are there and are images (their bytes depend on the Graphviz
/// version, so they are not compared; `scripts/render-graphs.sh` regenerates them).
#[test]
fn committed_images_exist() {
    for name in ["graph-full", "graph-alongside"] {
        let svg = std::fs::read_to_string(repo().join(format!("graphs/{name}.svg")))
            .unwrap_or_else(|e| panic!("graphs/{name}.svg: {e} (run scripts/render-graphs.sh)"));
        assert!(svg.contains("<svg") && svg.trim_end().ends_with("</svg>"));
        let png = std::fs::read(repo().join(format!("graphs/{name}.png"))).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    }
}
