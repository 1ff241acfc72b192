//! Query benchmark on a generated graph: 1,000,000 persons, 200,000 events with about 21
//! participants each, 20,000 institutions, 2,000 topics, about 5,000,000 edges.
//!
//! Measures: building the graph in memory, writing and loading graph.json (the real
//! loading path, `reportgraph::graph::load_json`), building the [`GraphIndex`], and the
//! per-query time of `alongside` and `person` (by name, resolution included) for random
//! persons and for the busiest ones, plus a failed lookup with suggestions. Prints the peak
//! resident memory (VmHWM) at each stage.
//!
//! Run (release, about a minute and ~10 GB of memory at full size):
//!
//! ```text
//! cargo bench --bench query
//! QUERY_BENCH_PERSONS=100000 cargo bench --bench query   # a smaller graph
//! QUERY_BENCH_SKIP_JSON=1 cargo bench --bench query      # skip the graph.json round trip
//! ```
//!
//! Without `--bench` on the command line (as `cargo test --benches` runs it) it only does a
//! quick smoke run on 2,000 persons.

use reportgraph::query::{
    alongside, person, AlongsideOptions, GraphIndex, ProfileOptions, QueryError,
};
use reportgraph::{Edge, EdgeKind, Node, NodeKind, ReportGraph};
use std::time::{Duration, Instant};

/// splitmix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const GIVEN: &[&str] = &[
    "Amina",
    "Boris",
    "Chen",
    "Dmitri",
    "Elena",
    "Farid",
    "Gleb",
    "Hina",
    "Ilsur",
    "Jamal",
    "Khurram",
    "Leila",
    "Maria",
    "Nadia",
    "Omar",
    "Pavel",
    "Qasim",
    "Roksolana",
    "Sadia",
    "Taimur",
    "Umair",
    "Vera",
    "Waqar",
    "Xenia",
    "Yulia",
    "Zafar",
];
const FAMILY: &[&str] = &[
    "Ahmed", "Baig", "Chaudhry", "Dedov", "Evans", "Fahad", "Ganich", "Husain", "Iqbal", "Jaspal",
    "Khan", "Lodhi", "Malik", "Nawaz", "Orlov", "Petrov", "Qureshi", "Rafique", "Savin", "Tariq",
    "Usmani", "Volkov", "Wahid", "Yusuf", "Zigon",
];
const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "ta", "sen", "lo", "vi", "dra", "na", "pe", "zu", "ha", "bo", "el", "ri",
    "sa",
];

fn middle(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..3 {
        s.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    let mut c = s.chars();
    let first = c.next().unwrap().to_ascii_uppercase();
    std::iter::once(first).chain(c).collect()
}

fn node(id: String, kind: NodeKind, label: String) -> Node {
    Node {
        id,
        kind: Some(kind),
        label,
        ..Default::default()
    }
}

struct Sizes {
    persons: usize,
    events: usize,
    institutions: usize,
    topics: usize,
}

/// The generated graph and the labels of a few persons to ask about.
fn generate(s: &Sizes, rng: &mut Rng) -> (ReportGraph, Vec<String>) {
    let mut nodes = Vec::with_capacity(s.persons + s.events + s.institutions + s.topics);
    let mut edges: Vec<(String, String, Edge)> = Vec::with_capacity(s.persons * 5 + s.persons / 10);
    let mut seen = std::collections::HashSet::with_capacity(s.persons);
    let mut labels = Vec::with_capacity(s.persons);
    for i in 0..s.persons {
        let label = loop {
            let l = format!(
                "{} {} {}",
                GIVEN[rng.below(GIVEN.len())],
                middle(rng),
                FAMILY[rng.below(FAMILY.len())]
            );
            if seen.insert(l.clone()) {
                break l;
            }
        };
        let mut n = node(format!("person:{i}"), NodeKind::Person, label.clone());
        if rng.below(10) < 3 {
            n.aliases.push(format!("Dr. {label}"));
        }
        n.documents.push(format!("r{}.txt", i % 50_000));
        nodes.push(n);
        labels.push(label);
    }
    for i in 0..s.events {
        let mut n = node(
            format!("event:{i}"),
            NodeKind::Event,
            format!("Seminar {i} on {}", middle(rng)),
        );
        n.title = Some(n.label.clone());
        n.date = Some(format!(
            "{}-{:02}-{:02}",
            2000 + rng.below(26),
            1 + rng.below(12),
            1 + rng.below(28)
        ));
        nodes.push(n);
    }
    for i in 0..s.institutions {
        nodes.push(node(
            format!("institution:{i}"),
            NodeKind::Institution,
            format!("Institute of {} Studies {i}", middle(rng)),
        ));
    }
    for i in 0..s.topics {
        nodes.push(node(
            format!("topic:{i}"),
            NodeKind::Topic,
            format!("{} {i}", middle(rng)),
        ));
    }
    // roles: ~21 participants per event; 10% of the picks among the 1% busiest persons
    let busy = (s.persons / 100).max(1);
    let roles = [
        EdgeKind::Speaker,
        EdgeKind::Speaker,
        EdgeKind::Speaker,
        EdgeKind::Speaker,
        EdgeKind::Chair,
        EdgeKind::Moderator,
        EdgeKind::Attendee,
        EdgeKind::Questioner,
    ];
    for e in 0..s.events {
        let k = 12 + rng.below(19);
        let mut people: Vec<usize> = (0..k)
            .map(|_| {
                if rng.below(10) == 0 {
                    rng.below(busy)
                } else {
                    rng.below(s.persons)
                }
            })
            .collect();
        people.sort_unstable();
        people.dedup();
        for p in people {
            let kind = roles[rng.below(roles.len())];
            edges.push((
                format!("person:{p}"),
                format!("event:{e}"),
                Edge::new(kind, kind.as_str()),
            ));
        }
        edges.push((
            format!("event:{e}"),
            format!("institution:{}", rng.below(s.institutions)),
            Edge::new(EdgeKind::OrganizedBy, "organized_by"),
        ));
        if rng.below(2) == 0 {
            edges.push((
                format!("event:{e}"),
                format!("topic:{}", rng.below(s.topics)),
                Edge::new(EdgeKind::Covers, "covers"),
            ));
        }
    }
    for p in 0..s.persons {
        if rng.below(2) == 0 {
            let mut e = Edge::new(EdgeKind::AffiliatedWith, "affiliated_with");
            e.title = Some("Research Fellow".into());
            edges.push((
                format!("person:{p}"),
                format!("institution:{}", rng.below(s.institutions)),
                e,
            ));
        }
    }
    (
        ReportGraph::from_parts(nodes, edges, vec!["r0.txt".into()]),
        labels,
    )
}

fn peak_mib() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_string())
        })
        .and_then(|kb| kb.parse::<u64>().ok())
        .map(|kb| format!("{} MiB", kb / 1024))
        .unwrap_or_else(|| "n/a".into())
}

fn stats(name: &str, mut t: Vec<Duration>) {
    t.sort();
    let n = t.len();
    let mean = t.iter().sum::<Duration>() / n as u32;
    let pct = |p: f64| t[((n as f64 * p) as usize).min(n - 1)];
    println!(
        "  {name:<34} n={n:<5} mean {mean:>10.3?}  p50 {:>10.3?}  p99 {:>10.3?}  max {:>10.3?}",
        pct(0.5),
        pct(0.99),
        t[n - 1]
    );
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let persons = match std::env::var("QUERY_BENCH_PERSONS") {
        Ok(v) => v.parse().expect("QUERY_BENCH_PERSONS: a number"),
        Err(_) if bench => 1_000_000,
        Err(_) => 2_000,
    };
    let s = Sizes {
        persons,
        events: persons / 5,
        institutions: (persons / 50).max(1),
        topics: (persons / 500).max(1),
    };
    let mut rng = Rng(0x5EED);

    let t = Instant::now();
    let (g, labels) = generate(&s, &mut rng);
    println!(
        "generated {} nodes, {} edges ({} persons, {} events) in {:.2?}; peak {}",
        g.node_count(),
        g.edge_count(),
        s.persons,
        s.events,
        t.elapsed(),
        peak_mib()
    );

    let g = if std::env::var_os("QUERY_BENCH_SKIP_JSON").is_some() {
        g
    } else {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.json");
        let t = Instant::now();
        reportgraph::export::write_atomic(&path, |w| reportgraph::export::json::write(&g, w))
            .unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        println!(
            "wrote graph.json ({} MiB) in {:.2?}",
            size >> 20,
            t.elapsed()
        );
        drop(g);
        let t = Instant::now();
        let g = reportgraph::graph::load_json(&path).unwrap();
        println!(
            "loaded graph.json (load_json) in {:.2?}; peak {}",
            t.elapsed(),
            peak_mib()
        );
        g
    };

    let t = Instant::now();
    let index = GraphIndex::new(&g);
    println!(
        "built GraphIndex in {:.2?}; peak {}",
        t.elapsed(),
        peak_mib()
    );

    let queries = if bench { 1000 } else { 50 };
    let random: Vec<&str> = (0..queries)
        .map(|_| labels[rng.below(labels.len())].as_str())
        .collect();
    let busy: Vec<&str> = (0..queries / 5)
        .map(|_| labels[rng.below((s.persons / 100).max(1))].as_str())
        .collect();
    let opts = AlongsideOptions::default();
    let popts = ProfileOptions::default();

    println!("per query (by name, resolution included):");
    for (what, names) in [
        ("random persons", &random),
        ("busiest 1% of persons", &busy),
    ] {
        let mut ta = Vec::new();
        let mut tp = Vec::new();
        let mut co = 0usize;
        for name in names.iter() {
            let t = Instant::now();
            let a = alongside(&index, name, &opts).expect("resolves");
            ta.push(t.elapsed());
            co += a.co_participants.len();
            let t = Instant::now();
            let p = person(&index, name, &popts).expect("resolves");
            tp.push(t.elapsed());
            std::hint::black_box(p);
        }
        println!(
            "  {what}: {:.1} co-participants on average",
            co as f64 / names.len() as f64
        );
        stats(&format!("alongside, {what}"), ta);
        stats(&format!("person, {what}"), tp);
    }
    let mut tf = Vec::new();
    for name in random.iter().take(10) {
        let typo = format!("{name}x");
        let t = Instant::now();
        let r = index.resolve(&typo, &[NodeKind::Person]);
        tf.push(t.elapsed());
        assert!(matches!(r, Err(QueryError::NotFound { .. }) | Ok(_)));
    }
    stats("misspelled name (suggestions)", tf);
    println!("peak memory {}", peak_mib());
}
