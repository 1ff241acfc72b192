//! The query subcommands (`alongside`, `person`, `event`, `path`, `top`, `pairs`) run as the
//! real binary on a graph built from the sample corpus, checked against what the gold
//! annotations (tests/gold) say about the CAPS seminar of 29 April 2025.
//!
//! Expectations come from the gold files, not from the current extraction output: persons
//! are matched by any of their gold spellings (honorifics, case and accents ignored) against
//! a node's label and aliases.

use reportgraph::query::names::{key, Honorifics};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const CAPS: &str = "caps-2025-04-29";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The graph built once from data/reports into a temporary folder.
fn graph() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = tempfile::Builder::new()
            .prefix("query_cli")
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_reportgraph"))
            .current_dir(repo())
            .args(["build", "data/reports", "--quiet", "--out"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(0 | 2)),
            "build failed: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(dir.path().join("graph.json").is_file());
        dir
    });
    dir.path()
}

/// Runs the binary on the built graph: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_reportgraph"))
        .args(args)
        .arg("--graph")
        .arg(graph().join("graph.json"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Runs with `--json`, expecting success, and parses the output.
fn json(args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.push("--json");
    let (code, out, err) = run(&a);
    assert_eq!(code, 0, "{args:?} failed: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{out}"))
}

/// Name keys as a person types them: folded, lower case, honorifics stripped.
fn person_key(s: &str) -> String {
    static H: OnceLock<Honorifics> = OnceLock::new();
    H.get_or_init(Honorifics::builtin)
        .strip(&key(s))
        .to_string()
}

/// A gold person: every spelling (canonical and surface forms) and the roles per event.
#[derive(Debug, Default)]
struct GoldPerson {
    keys: BTreeSet<String>,
    roles: BTreeMap<String, BTreeSet<String>>,
    documents: BTreeSet<String>,
}

/// Gold files of the two reports of the CAPS seminar: persons by canonical name, and the event.
fn gold() -> (BTreeMap<String, GoldPerson>, Value) {
    let mut persons: BTreeMap<String, GoldPerson> = BTreeMap::new();
    let mut event = Value::Null;
    for entry in std::fs::read_dir(repo().join("tests/gold")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !(name.starts_with("000_") || name.starts_with("001_")) || !name.ends_with(".json") {
            continue;
        }
        let g: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for e in g["events"].as_array().unwrap() {
            if e["id"] == CAPS && (event.is_null() || event["venue"].is_null()) {
                event = e.clone();
            }
        }
        for p in g["persons"].as_array().unwrap() {
            let gp = persons
                .entry(p["name"].as_str().unwrap().to_string())
                .or_default();
            gp.keys.insert(person_key(p["name"].as_str().unwrap()));
            for s in p["surface"].as_array().unwrap() {
                gp.keys.insert(person_key(s.as_str().unwrap()));
            }
            for r in p["roles"].as_array().unwrap() {
                gp.roles
                    .entry(r["event"].as_str().unwrap().to_string())
                    .or_default()
                    .insert(r["role"].as_str().unwrap().to_string());
            }
            gp.documents.insert(g["doc"].as_str().unwrap().to_string());
        }
    }
    assert!(!event.is_null(), "gold has the CAPS seminar");
    (persons, event)
}

const NOT_SPEAKING: [&str; 2] = ["attendee", "author"];

/// Gold persons with a speaking role at the CAPS seminar.
fn gold_speakers(persons: &BTreeMap<String, GoldPerson>) -> Vec<(&String, &GoldPerson)> {
    persons
        .iter()
        .filter(|(_, p)| {
            p.roles
                .get(CAPS)
                .is_some_and(|r| r.iter().any(|r| !NOT_SPEAKING.contains(&r.as_str())))
        })
        .collect()
}

/// Node keys (label and aliases) by id, from the built graph.json.
fn node_keys() -> BTreeMap<String, BTreeSet<String>> {
    let g: Value =
        serde_json::from_str(&std::fs::read_to_string(graph().join("graph.json")).unwrap())
            .unwrap();
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let mut keys: BTreeSet<String> = n["aliases"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| person_key(a.as_str().unwrap()))
                .collect();
            keys.insert(person_key(n["label"].as_str().unwrap()));
            (n["id"].as_str().unwrap().to_string(), keys)
        })
        .collect()
}

/// The entry of `list` (objects with an `id`) that is the gold person, if any.
fn find<'a>(
    list: &'a [Value],
    nodes: &BTreeMap<String, BTreeSet<String>>,
    gp: &GoldPerson,
) -> Option<&'a Value> {
    list.iter().find(|v| {
        nodes
            .get(v["id"].as_str().unwrap())
            .is_some_and(|k| !k.is_disjoint(&gp.keys))
    })
}

#[test]
fn zigon_spoke_alongside_the_gold_speakers() {
    let (persons, event) = gold();
    let nodes = node_keys();
    let a = json(&["alongside", "Roksolana Zigon"]);
    assert_eq!(a["person"]["label"], "Roksolana Zigon");
    let co = a["co_participants"].as_array().unwrap();
    let speakers = gold_speakers(&persons);
    assert!(speakers.len() >= 6, "gold lists the CAPS speakers");
    for (name, gp) in speakers {
        if gp.keys.contains("roksolana zigon") {
            continue;
        }
        let c = find(co, &nodes, gp)
            .unwrap_or_else(|| panic!("{name} missing from alongside: {co:#?}"));
        let shared = c["events"].as_array().unwrap();
        let at = shared
            .iter()
            .find(|e| e["date"] == event["date"])
            .unwrap_or_else(|| panic!("{name}: no shared event dated {}", event["date"]));
        // both roles as the gold files record them
        let theirs: Vec<&str> = at["their_roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["role"].as_str().unwrap())
            .collect();
        assert!(
            theirs.iter().any(|r| gp.roles[CAPS].contains(*r)),
            "{name}: roles {theirs:?}, gold {:?}",
            gp.roles[CAPS]
        );
        assert!(at["roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["role"] == "speaker"));
        assert!(c["count"].as_u64().unwrap() >= 1);
    }
    // sorted by count, then name
    let counts: Vec<u64> = co.iter().map(|c| c["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn alongside_filters_and_formats() {
    let all = json(&["alongside", "Roksolana Zigon"]);
    let n = all["co_participants"].as_array().unwrap().len();
    // narrower roles, fewer co-participants (gold: the seminar also had a chair and a moderator)
    let chairs = json(&["alongside", "Roksolana Zigon", "--role", "speaker,chair"]);
    assert!(chairs["co_participants"].as_array().unwrap().len() < n);
    // the seminar is in 2025: nothing before 2025, everything from 2025
    let before = json(&["alongside", "Roksolana Zigon", "--until", "2024-12-31"]);
    assert_eq!(before["co_participants"].as_array().unwrap().len(), 0);
    let since = json(&["alongside", "Roksolana Zigon", "--since", "2025-04"]);
    assert_eq!(since["co_participants"].as_array().unwrap().len(), n);
    // CSV: a header and one row per shared event
    let (code, csv, _) = run(&["alongside", "Roksolana Zigon", "--csv"]);
    assert_eq!(code, 0);
    let rows: usize = all["co_participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["events"].as_array().unwrap().len())
        .sum();
    assert!(csv.starts_with("id,label,count,event_id,event_title,event_date,roles,their_roles\n"));
    assert_eq!(csv.lines().count(), rows + 1);
    // the table names the co-participants
    let (code, table, _) = run(&["alongside", "Roksolana Zigon"]);
    assert_eq!(code, 0);
    assert!(table.contains("Gleb Makarevich"));
    // bad arguments are refused (clap's usage error), not taken for an unknown name
    for bad in [["--since", "April"], ["--role", "juggler"]] {
        let (code, _, err) = run(&["alongside", "Roksolana Zigon", bad[0], bad[1]]);
        assert!(code != 0 && code != 3, "{bad:?}: exit {code}");
        assert!(err.contains(bad[1]), "{err}");
    }
}

#[test]
fn names_are_matched_as_typed() {
    for q in [
        "Dr. Zigon",
        "Dr. Roksolana Zigon",
        "roksolana ZIGON",
        "Prof. Dr. Roksolana Zigoń",
    ] {
        let a = json(&["alongside", q]);
        assert_eq!(a["person"]["label"], "Roksolana Zigon", "{q}");
    }
    // misspelled: a did-you-mean and exit 3 (or, were it ever resolved, the right person)
    let (code, out, err) = run(&["alongside", "Roksolana Zigonn"]);
    match code {
        3 => {
            assert!(err.contains("did you mean"), "{err}");
            assert!(err.contains("Roksolana Zigon"), "{err}");
            assert!(out.is_empty());
        }
        0 => assert!(out.contains("Roksolana Zigon")),
        _ => panic!("exit {code}: {err}"),
    }
    // several Khans in the corpus: ambiguous, the candidates listed, exit 3
    let (code, _, err) = run(&["person", "Khan"]);
    assert_eq!(code, 3);
    assert!(
        err.contains("ambiguous") && err.contains("Umair Pervez Khan"),
        "{err}"
    );
    // nothing like it
    let (code, _, err) = run(&["person", "Xqzwv Plorkt"]);
    assert_eq!(code, 3);
    assert!(err.contains("no person named"), "{err}");
    // a missing graph is fatal and says how to make one
    let out = Command::new(env!("CARGO_BIN_EXE_reportgraph"))
        .args(["person", "Zigon", "--graph", "/nonexistent/graph.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("reportgraph build"));
}

#[test]
fn person_profile() {
    let (persons, event) = gold();
    let gp = &persons["Roksolana Zigon"];
    let p = json(&["person", "Dr. Roksolana Zigon"]);
    assert_eq!(p["person"]["label"], "Roksolana Zigon");
    let events = p["events"].as_array().unwrap();
    let at = events
        .iter()
        .find(|e| e["date"] == event["date"])
        .expect("the CAPS seminar");
    let roles: Vec<&str> = at["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["role"].as_str().unwrap())
        .collect();
    assert!(
        roles.iter().any(|r| gp.roles[CAPS].contains(*r)),
        "{roles:?}"
    );
    let docs: BTreeSet<String> = p["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_string())
        .collect();
    assert!(gp.documents.is_subset(&docs), "{docs:?}");
    assert!(!p["co_participants"].as_array().unwrap().is_empty());
    for k in ["aliases", "affiliations", "topics", "mentioned_at"] {
        assert!(p[k].is_array(), "{k}");
    }
    // affiliations with titles, as gold has them for Khurram Iqbal
    let p = json(&["person", "Dr. Khurram Iqbal"]);
    let affs = p["affiliations"].as_array().unwrap();
    assert!(
        affs.iter()
            .any(|a| a["label"] == "Consortium for Asia-Pacific Studies"
                && a["title"] == "President"),
        "{affs:#?}"
    );
    let (code, table, _) = run(&["person", "Khurram Iqbal"]);
    assert_eq!(code, 0);
    assert!(table.contains("President, Consortium for Asia-Pacific Studies"));
}

#[test]
fn event_profile() {
    let (persons, event) = gold();
    let nodes = node_keys();
    let title = event["title"].as_str().unwrap();
    for q in [title, event["date"].as_str().unwrap()] {
        let e = json(&["event", q]);
        assert_eq!(e["date"], event["date"], "{q}");
        assert_eq!(e["city"], event["city"]);
        let organisers: Vec<&str> = e["organisers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["label"].as_str().unwrap())
            .collect();
        for o in event["organizers"].as_array().unwrap() {
            assert!(organisers.contains(&o.as_str().unwrap()), "{organisers:?}");
        }
        // every gold speaker of the seminar is listed under one of their gold roles
        for (name, gp) in gold_speakers(&persons) {
            let hit = e["participants"].as_array().unwrap().iter().any(|g| {
                gp.roles[CAPS].contains(g["role"].as_str().unwrap())
                    && find(g["persons"].as_array().unwrap(), &nodes, gp).is_some()
            });
            assert!(hit, "{name} not listed in a gold role");
        }
    }
    let (code, csv, _) = run(&["event", title, "--csv"]);
    assert_eq!(code, 0);
    assert!(csv.starts_with("role,session,person,affiliations,person id\n"));
    assert!(csv.contains("Roksolana Zigon"));
}

#[test]
fn paths_link_through_events_and_institutions() {
    // two speakers of the seminar: person → event → person
    let c = json(&["path", "Roksolana Zigon", "Gleb Makarevich"]);
    assert_eq!(c["connected"], true);
    let steps = c["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0]["to"]["kind"], "event");
    assert_eq!(steps[0]["relation"], "speaker");
    assert_eq!(steps[1]["forward"], false);
    for s in steps {
        assert!(!s["evidence"]["snippet"].as_str().unwrap().is_empty());
    }
    // a gold affiliation: one step to the institution
    let c = json(&[
        "path",
        "Khurram Iqbal",
        "Consortium for Asia-Pacific Studies",
    ]);
    let steps = c["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0]["relation"], "affiliated_with");
    assert_eq!(c["to"]["kind"], "institution");
    let (code, table, _) = run(&["path", "Roksolana Zigon", "Gleb Makarevich"]);
    assert_eq!(code, 0);
    assert!(table.contains("2 step(s)"));
    let (code, csv, _) = run(&["path", "Roksolana Zigon", "Gleb Makarevich", "--csv"]);
    assert_eq!(code, 0);
    assert_eq!(csv.lines().count(), 3);
}

#[test]
fn top_ranks_plausibly() {
    // persons with roles at two different gold events (same canonical name across reports)
    let mut events: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(repo().join("tests/gold")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json")
            && path.file_name().unwrap().to_string_lossy().as_bytes()[0].is_ascii_digit()
        {
            let g: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            for p in g["persons"].as_array().unwrap() {
                for r in p["roles"].as_array().unwrap() {
                    events
                        .entry(person_key(p["name"].as_str().unwrap()))
                        .or_default()
                        .insert(r["event"].as_str().unwrap().to_string());
                }
            }
        }
    }
    let multi: BTreeSet<&String> = events
        .iter()
        .filter(|(_, e)| e.len() >= 2)
        .map(|(k, _)| k)
        .collect();
    assert!(!multi.is_empty());
    let t = json(&["top", "--by", "events", "-n", "10"]);
    let t = t.as_array().unwrap();
    assert!(t[0]["score"].as_f64().unwrap() >= 2.0);
    let nodes = node_keys();
    assert!(
        t.iter().any(|r| r["score"].as_f64().unwrap() >= 2.0
            && nodes[r["id"].as_str().unwrap()]
                .iter()
                .any(|k| multi.contains(k))),
        "{t:#?}"
    );
    for by in ["degree", "events", "betweenness", "pagerank"] {
        for kind in ["person", "institution", "topic"] {
            let t = json(&["top", "--kind", kind, "--by", by, "-n", "5"]);
            let t = t.as_array().unwrap();
            assert!(!t.is_empty() && t.len() <= 5, "{kind} by {by}");
            assert!(t.iter().all(|r| r["kind"] == kind));
            let scores: Vec<f64> = t.iter().map(|r| r["score"].as_f64().unwrap()).collect();
            assert!(
                scores.windows(2).all(|w| w[0] >= w[1]),
                "{kind} by {by}: {scores:?}"
            );
            assert_eq!(t[0]["rank"], 1);
        }
    }
    let (code, csv, _) = run(&["top", "-n", "3", "--csv"]);
    assert_eq!(code, 0);
    assert!(csv.starts_with("rank,id,label,degree\n"));
    assert_eq!(csv.lines().count(), 4);
}

#[test]
fn pairs_with_most_shared_events() {
    let (persons, _) = gold();
    let nodes = node_keys();
    let p = json(&["pairs", "-n", "20"]);
    let p = p.as_array().unwrap();
    assert!(!p.is_empty() && p.len() <= 20);
    let counts: Vec<u64> = p.iter().map(|x| x["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    for x in p {
        assert_eq!(
            x["events"].as_array().unwrap().len() as u64,
            x["count"].as_u64().unwrap()
        );
    }
    // gold: Shabir Ahmed Khan and Taimur Fahad Khan both spoke at the CAPS seminar and the CSP-ISSI panel
    let (shabir, taimur) = (&persons["Shabir Ahmed Khan"], &persons["Taimur Fahad Khan"]);
    let is = |v: &Value, gp: &GoldPerson| {
        nodes[v["id"].as_str().unwrap()]
            .iter()
            .any(|k| gp.keys.contains(k))
    };
    let pair = p.iter().find(|x| {
        (is(&x["a"], shabir) && is(&x["b"], taimur)) || (is(&x["a"], taimur) && is(&x["b"], shabir))
    });
    assert!(
        pair.is_some_and(|x| x["count"].as_u64().unwrap() >= 2),
        "{p:#?}"
    );
    let (code, csv, _) = run(&["pairs", "-n", "2", "--csv"]);
    assert_eq!(code, 0);
    assert!(csv.starts_with("a_id,a,b_id,b,count,events\n"));
}
