//! End-to-end behaviour of `reportgraph build` and `eval` on the bundled sample corpus.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_reportgraph"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn sample_build_writes_every_format_and_summary() {
    let out = tempfile::tempdir().unwrap();
    let o = bin().args(["build", "data/reports", "--out"]).arg(out.path()).output().unwrap();
    assert!(o.status.success(), "build failed: {}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("read 5 report(s)"), "{stdout}");
    for kind in ["person", "institution", "event", "speaker", "affiliated_with"] {
        assert!(stdout.contains(kind), "summary lacks {kind}: {stdout}");
    }
    for f in ["graph.json", "graph.graphml", "graph.gexf", "graph.dot"] {
        let p = out.path().join(f);
        assert!(p.metadata().map(|m| m.len() > 100).unwrap_or(false), "{f} missing or empty");
    }
}

/// The committed `graphs/` are the outputs of `reportgraph build` on `data/reports`:
/// this fails when they go stale (rebuild with `cargo run --release -- build`).
#[test]
fn committed_graphs_are_up_to_date() {
    let out = tempfile::tempdir().unwrap();
    let o = bin().args(["build", "--out"]).arg(out.path()).arg("-q").output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for f in ["graph.json", "graph.graphml", "graph.gexf", "graph.dot"] {
        let fresh = std::fs::read(out.path().join(f)).unwrap();
        let committed = std::fs::read(root().join("graphs").join(f)).unwrap_or_default();
        assert!(fresh == committed, "graphs/{f} is stale: run `cargo run --release -- build`");
    }
}

/// Same inputs in any order give byte-identical outputs, hence the same node ids.
#[test]
fn outputs_do_not_depend_on_input_order() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("data/reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let run = |files: &[PathBuf], threads: bool| -> Vec<u8> {
        let out = tempfile::tempdir().unwrap();
        let mut c = bin();
        c.arg("build").args(files).arg("--out").arg(out.path()).arg("-q");
        if threads {
            c.arg("--single-thread");
        }
        assert!(c.status().unwrap().success());
        std::fs::read(out.path().join("graph.json")).unwrap()
    };
    let a = run(&files, false);
    files.reverse();
    let b = run(&files, true);
    assert!(a == b, "graph.json differs when the inputs are given in reverse order");
    // and the library agrees: documents in another order, same ids
    let lex = reportgraph::Lexicon::builtin();
    let docs: Vec<_> = files.iter().map(|p| reportgraph::ingest::read_document(p).unwrap()).collect();
    let g1 = reportgraph::build(&docs, &lex, &Default::default());
    let mut rev = docs.clone();
    rev.rotate_left(2);
    let g2 = reportgraph::build(&rev, &lex, &Default::default());
    let ids = |g: &reportgraph::ReportGraph| g.nodes().map(|(_, n)| n.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&g1), ids(&g2));
}

#[test]
fn eval_prints_figures_that_match_the_library_scorer() {
    let o = bin().args(["eval", "--gold", "tests/gold", "data/reports"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    for key in ["person_f1", "inst_f1", "role_f1", "affil_f1", "alongside_f1", "participant_recall", "crossdoc_resolved"] {
        assert!(text.lines().any(|l| l.starts_with(&format!("{key}: "))), "no {key} in {text}");
    }
    let o = bin().args(["eval", "--json", "--gold", "tests/gold", "data/reports"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["person_f1"].as_f64().unwrap() > 0.5);
}

#[test]
fn unreadable_inputs_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("data/reports/004_c99ae62ccd97f7e3.txt"), dir.path().join("ok.txt")).unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = bin().arg("build").arg(dir.path()).arg("--out").arg(out.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "partial success has its own exit code");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("empty.txt") && err.contains("binary.txt"), "{err}");
    assert!(Path::new(&out.path().join("graph.json")).exists());
}
