//! Scoring a graph against gold annotations: a faithful port of the referee script
//! `score.py`, so `reportgraph eval` prints exactly the figures the script prints for the
//! same graph.
//!
//! ```no_run
//! use std::path::Path;
//! let g = reportgraph::graph::load_json(Path::new("out/graph.json")).unwrap();
//! let gold = reportgraph::eval::load_gold(Path::new("tests/gold"), None).unwrap();
//! print!("{}", reportgraph::eval::score(&g, &gold, None));
//! ```
//!
//! Persons and institutions are matched by normalised label (else aliases) to gold
//! canonical names; events by the gold event sharing most reports; roles, participation,
//! affiliations and "alongside" pairs are compared as sets of gold-resolved tuples; topics
//! by content-word overlap per report.

mod gold;
pub mod normalize;
pub mod pyfloat;

pub use gold::{load_gold, Gold};
pub use normalize::{fold, norm_inst, norm_person};
pub use pyfloat::{py_float_repr, py_round};

use crate::graph::ReportGraph;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::PathBuf;

/// An error while loading gold annotations.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A directory or file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The directory or file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A gold file is not valid JSON.
    #[error("invalid JSON in {path}: {source}")]
    Json {
        /// The gold file.
        path: PathBuf,
        /// The underlying error.
        source: serde_json::Error,
    },
    /// A gold file does not have the documented shape.
    #[error("unexpected gold format in {path}: {message}")]
    Schema {
        /// The gold file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// One figure: a count or a ratio already rounded to 3 decimals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    /// A count.
    Int(i64),
    /// A ratio, rounded like Python's `round(x, 3)`.
    Float(f64),
}

impl fmt::Display for Figure {
    /// Prints like Python's `str()`: `3`, `0.0`, `1.0`, `0.857`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Figure::Int(i) => write!(f, "{i}"),
            Figure::Float(x) => f.write_str(&py_float_repr(*x)),
        }
    }
}

/// The figures of [`score`], named and in the order `score.py` prints them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scores {
    /// `(key, figure)` pairs, e.g. `("person_f1", Figure::Float(0.857))`.
    pub figures: Vec<(String, Figure)>,
}

impl Scores {
    /// The figure named `key`.
    pub fn get(&self, key: &str) -> Option<Figure> {
        self.figures.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }

    /// The figures as one JSON object, keys in print order (what `score.py --json` prints).
    pub fn to_json(&self) -> serde_json::Value {
        let map = self
            .figures
            .iter()
            .map(|(k, v)| {
                let v = match *v {
                    Figure::Int(i) => serde_json::Value::from(i),
                    Figure::Float(x) => serde_json::Value::from(x),
                };
                (k.clone(), v)
            })
            .collect::<serde_json::Map<_, _>>();
        serde_json::Value::Object(map)
    }

    /// The JSON object formatted byte-for-byte like Python's `json.dumps` (`{"k": v, ...}`).
    pub fn to_json_string(&self) -> String {
        let body: Vec<String> = self
            .figures
            .iter()
            .map(|(k, v)| {
                let key = serde_json::to_string(k).expect("strings serialise");
                format!("{key}: {v}")
            })
            .collect();
        format!("{{{}}}", body.join(", "))
    }

    fn push(&mut self, key: &str, v: Figure) {
        self.figures.push((key.to_string(), v));
    }

    fn push_prf(&mut self, prefix: &str, (p, r, f): (f64, f64, f64)) {
        self.push(&format!("{prefix}_p"), Figure::Float(p));
        self.push(&format!("{prefix}_r"), Figure::Float(r));
        self.push(&format!("{prefix}_f1"), Figure::Float(f));
    }
}

impl fmt::Display for Scores {
    /// One `key: value` line per figure, each ending in a newline, as `score.py` prints them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (k, v) in &self.figures {
            writeln!(f, "{k}: {v}")?;
        }
        Ok(())
    }
}

/// Python's true division `a / b` of two counts, rounded to 3 decimals.
fn ratio(a: usize, b: usize) -> f64 {
    py_round(a as f64 / b as f64, 3)
}

/// Precision, recall and F1, each rounded to 3 decimals (0.0 where undefined).
fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f = if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (py_round(p, 3), py_round(r, 3), py_round(f, 3))
}

/// Normalised name → gold canonical names.
fn index<'g>(
    ents: impl Iterator<Item = (&'g String, &'g BTreeSet<String>)>,
) -> HashMap<&'g str, BTreeSet<&'g str>> {
    let mut ix: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for (name, names) in ents {
        for n in names {
            ix.entry(n.as_str()).or_default().insert(name.as_str());
        }
    }
    ix
}

/// Gold entities a node stands for: by its label first, else by its aliases.
fn match_node<'g>(
    node: &crate::graph::Node,
    ix: &HashMap<&'g str, BTreeSet<&'g str>>,
    normf: fn(&str) -> String,
) -> BTreeSet<&'g str> {
    if let Some(hits) = ix.get(normf(&node.label).as_str()) {
        if !hits.is_empty() {
            return hits.clone();
        }
    }
    let mut out = BTreeSet::new();
    for a in &node.aliases {
        if let Some(h) = ix.get(normf(a).as_str()) {
            out.extend(h.iter().copied());
        }
    }
    out
}

/// The roles `score.py` knows (person → event).
const ROLES: [&str; 11] = [
    "speaker",
    "keynote",
    "chair",
    "moderator",
    "discussant",
    "chief_guest",
    "host",
    "rapporteur",
    "questioner",
    "attendee",
    "author",
];

/// The speaking roles (for "alongside" pairs).
const SPEAK: [&str; 9] = [
    "speaker",
    "keynote",
    "chair",
    "moderator",
    "discussant",
    "chief_guest",
    "host",
    "rapporteur",
    "questioner",
];

/// Pairs of persons (sorted) holding speaking roles at the same event.
fn pairs<'a>(roles: &BTreeSet<(&'a str, &'a str, &'a str)>) -> BTreeSet<(&'a str, &'a str)> {
    let mut ev: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for &(p, e, r) in roles {
        if SPEAK.contains(&r) {
            ev.entry(e).or_default().insert(p);
        }
    }
    let mut out = BTreeSet::new();
    for ps in ev.values() {
        let ps: Vec<&str> = ps.iter().copied().collect();
        for (i, a) in ps.iter().enumerate() {
            for b in &ps[i + 1..] {
                out.insert((*a, *b));
            }
        }
    }
    out
}

/// Whether topic labels `a` and `b` are close: their content words overlap by at least
/// half of the smaller set, or one set contains the other.
fn close(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let common = a.intersection(b).count();
    common * 2 >= a.len().min(b.len()) || a.is_subset(b) || b.is_subset(a)
}

/// Scores `graph` against `gold`, like `score()` of `score.py`. With `docs` (not empty),
/// nodes whose reports are all outside `docs` are ignored (nodes without reports are kept).
pub fn score(graph: &ReportGraph, gold: &Gold, docs: Option<&BTreeSet<String>>) -> Scores {
    let docs = docs.filter(|d| !d.is_empty());
    let in_scope = |n: &crate::graph::Node| {
        docs.is_none_or(|ds| n.documents.is_empty() || n.documents.iter().any(|d| ds.contains(d)))
    };
    let nodes: Vec<&crate::graph::Node> = graph.nodes().map(|(_, n)| n).collect();
    let of_kind = |kinds: &[&str]| -> Vec<&crate::graph::Node> {
        nodes
            .iter()
            .copied()
            .filter(|n| kinds.contains(&n.kind().as_str()) && in_scope(n))
            .collect()
    };
    let mut out = Scores::default();

    // persons
    let pix = index(gold.persons.iter().map(|(k, v)| (k, &v.names)));
    let pnodes = of_kind(&["person"]);
    let mut node2gold: HashMap<&str, &str> = HashMap::new();
    let mut gold2nodes: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut fp = 0;
    for n in &pnodes {
        let hits = match_node(n, &pix, norm_person);
        if let Some(&g) = hits.first() {
            node2gold.insert(&n.id, g);
            gold2nodes.entry(g).or_default().push(&n.id);
        } else {
            fp += 1;
        }
    }
    let dup: usize = gold2nodes.values().map(|v| v.len() - 1).sum();
    let mut over = 0;
    for n in &pnodes {
        let mut hits: BTreeSet<&str> = BTreeSet::new();
        for name in std::iter::once(&n.label).chain(&n.aliases) {
            if let Some(h) = pix.get(norm_person(name).as_str()) {
                hits.extend(h.iter().copied());
            }
        }
        over += usize::from(hits.len() > 1);
    }
    out.push("person_overmerged", Figure::Int(over as i64));
    let tp = gold2nodes.len();
    let fn_ = gold.persons.len() - tp;
    out.push_prf("person", prf(tp, fp + dup, fn_));
    out.push("person_fp", Figure::Int(fp as i64));
    out.push("person_dup", Figure::Int(dup as i64));
    out.push("person_missed", Figure::Int(fn_ as i64));
    let part: Vec<&str> = gold
        .persons
        .iter()
        .filter(|(_, v)| v.participant)
        .map(|(k, _)| k.as_str())
        .collect();
    let part_found = part.iter().filter(|k| gold2nodes.contains_key(*k)).count();
    out.push(
        "participant_recall",
        Figure::Float(if part.is_empty() {
            0.0
        } else {
            ratio(part_found, part.len())
        }),
    );
    let multi: Vec<&str> = gold
        .persons
        .iter()
        .filter(|(_, v)| v.docs.len() > 1)
        .map(|(k, _)| k.as_str())
        .collect();
    if !multi.is_empty() {
        let resolved = multi
            .iter()
            .filter(|k| gold2nodes.get(*k).map_or(0, Vec::len) == 1)
            .count();
        out.push(
            "crossdoc_resolved",
            Figure::Float(ratio(resolved, multi.len())),
        );
    }

    // institutions
    let iix = index(gold.insts.iter().map(|(k, v)| (k, &v.names)));
    let inodes = of_kind(&["institution", "organization", "organisation", "org"]);
    let structural: BTreeSet<&str> = gold
        .insts
        .iter()
        .filter(|(_, v)| v.structural)
        .map(|(k, _)| k.as_str())
        .collect();
    let mut inode2gold: HashMap<&str, &str> = HashMap::new();
    let mut igold2nodes: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut ifp = 0;
    for n in &inodes {
        let hits = match_node(n, &iix, norm_inst);
        if let Some(&g) = hits.first() {
            inode2gold.insert(&n.id, g);
            igold2nodes.entry(g).or_default().push(&n.id);
        } else {
            ifp += 1;
        }
    }
    let found = igold2nodes
        .keys()
        .filter(|g| structural.contains(*g))
        .count();
    let idup: usize = igold2nodes
        .iter()
        .filter(|(g, _)| structural.contains(*g))
        .map(|(_, v)| v.len() - 1)
        .sum();
    out.push_prf("inst", prf(found, ifp + idup, structural.len() - found));
    out.push("inst_fp", Figure::Int(ifp as i64));
    out.push("inst_dup", Figure::Int(idup as i64));

    // events: the gold event sharing most reports (first such in gold order)
    let enodes = of_kind(&["event"]);
    let mut enode2gold: HashMap<&str, &str> = HashMap::new();
    for n in &enodes {
        let ds: BTreeSet<&str> = n.documents.iter().map(String::as_str).collect();
        let mut best: Option<(&str, usize)> = None;
        for (id, gdocs) in &gold.events {
            let shared = gdocs.iter().filter(|d| ds.contains(d.as_str())).count();
            if best.is_none_or(|(_, b)| shared > b) {
                best = Some((id, shared));
            }
        }
        if let Some((id, shared)) = best {
            if shared > 0 {
                enode2gold.insert(&n.id, id);
            }
        }
    }
    let matched: BTreeSet<&str> = enode2gold.values().copied().collect();
    out.push("events_gold", Figure::Int(gold.events.len() as i64));
    out.push("events_pred", Figure::Int(enodes.len() as i64));
    out.push("events_matched", Figure::Int(matched.len() as i64));

    // roles, participation, affiliations
    let mut pred_roles: BTreeSet<(&str, &str, &str)> = BTreeSet::new();
    let mut pred_part: BTreeSet<(&str, &str)> = BTreeSet::new();
    let mut pred_aff: BTreeSet<(&str, &str)> = BTreeSet::new();
    for (_, s, t, e) in graph.edges() {
        let (s, t, k) = (
            graph.graph[s].id.as_str(),
            graph.graph[t].id.as_str(),
            e.kind.as_str(),
        );
        for (a, b) in [(s, t), (t, s)] {
            if let Some(&pa) = node2gold.get(a) {
                if let Some(&eb) = enode2gold.get(b) {
                    if ROLES.contains(&k) {
                        pred_roles.insert((pa, eb, k));
                        pred_part.insert((pa, eb));
                    }
                }
                if let Some(&ib) = inode2gold.get(b) {
                    pred_aff.insert((pa, ib));
                }
            }
        }
    }
    let gold_roles: BTreeSet<(&str, &str, &str)> = gold
        .roles
        .iter()
        .filter(|(_, e, _)| gold.event_ix.contains_key(e))
        .map(|(p, e, r)| (p.as_str(), e.as_str(), r.as_str()))
        .collect();
    let gold_part: BTreeSet<(&str, &str)> = gold_roles.iter().map(|&(p, e, _)| (p, e)).collect();
    let gold_aff: BTreeSet<(&str, &str)> = gold
        .affil
        .iter()
        .map(|(p, i)| (p.as_str(), i.as_str()))
        .collect();
    fn set_prf<T: Ord>(pred: &BTreeSet<T>, gold: &BTreeSet<T>) -> (f64, f64, f64) {
        let tp = pred.intersection(gold).count();
        prf(tp, pred.len() - tp, gold.len() - tp)
    }
    out.push_prf("role", set_prf(&pred_roles, &gold_roles));
    out.push_prf("particip", set_prf(&pred_part, &gold_part));
    out.push_prf("affil", set_prf(&pred_aff, &gold_aff));
    out.push_prf(
        "alongside",
        set_prf(&pairs(&pred_roles), &pairs(&gold_roles)),
    );

    // topics, per report
    let topic_nodes: Vec<&crate::graph::Node> = nodes
        .iter()
        .copied()
        .filter(|n| n.kind().as_str() == "topic")
        .collect();
    let (mut ttp, mut tfn, mut tpp, mut tpall) = (0usize, 0usize, 0usize, 0usize);
    for (doc, gts) in &gold.topics {
        let preds: Vec<BTreeSet<String>> = topic_nodes
            .iter()
            .filter(|n| n.documents.contains(doc))
            .map(|n| normalize::topic_words(&n.label))
            .collect();
        let gws: Vec<BTreeSet<String>> = gts.iter().map(|t| normalize::topic_words(t)).collect();
        for gw in &gws {
            if preds.iter().any(|p| close(gw, p)) {
                ttp += 1;
            } else {
                tfn += 1;
            }
        }
        tpall += preds.len();
        tpp += preds
            .iter()
            .filter(|p| gws.iter().any(|gw| close(gw, p)))
            .count();
    }
    out.push(
        "topic_p",
        Figure::Float(if tpall > 0 { ratio(tpp, tpall) } else { 0.0 }),
    );
    out.push(
        "topic_r",
        Figure::Float(if ttp + tfn > 0 {
            ratio(ttp, ttp + tfn)
        } else {
            0.0
        }),
    );
    out
}
