//! Network views of the report graph, and filters.
//!
//! A view is itself a [`ReportGraph`], so every writer (JSON, GraphML, GEXF, DOT, CSV,
//! Cytoscape) and `render` handle every view:
//!
//! | view | nodes | edges |
//! |---|---|---|
//! | [`View::Full`] | all kinds | the directed multigraph itself |
//! | [`View::Alongside`] | persons | person — person [`EdgeKind::Alongside`]: both took a part (a speaking role by default) at the same events; `weight` = number of such events, `events` = their ids |
//! | [`View::Affiliation`] | persons, institutions | person — institution [`EdgeKind::AffiliatedWith`], bipartite; `weight` = number of reports stating the affiliation |
//! | [`View::Institutions`] | institutions | institution — institution [`EdgeKind::CoPresent`]: present at the same events; `weight` = number of such events, `events` = their ids |
//!
//! An institution is *present* at an event when the event is `organized_by` it, or when a
//! participant of the event (a person with one of the counted roles there) is
//! `affiliated_with` it. Affiliations carry no date: a person's institutions are counted
//! at every event the person took part in.
//!
//! The three derived views are undirected ([`ReportGraph::undirected`]): each pair is one
//! edge, stored with the smaller id as source. Their nodes are copies of the report graph's
//! (label, aliases, documents, evidence …), limited to nodes that have an edge in the view.
//!
//! ## Filters ([`Filters`])
//!
//! - `kinds`: node kinds kept (full view only; the derived views fix their kinds).
//! - `roles`: the roles that count. Full view: role edges of other kinds are dropped
//!   (structural edges stay). Alongside and institutions: the roles that make a person a
//!   participant (default: the speaking roles, [`EdgeKind::is_speaking`]). Affiliation:
//!   only persons with one of these roles at some (kept) event.
//! - `since` / `until`: ISO dates (`2019`, `2019-10`, `2019-10-05`), inclusive: only events
//!   dated within the range are kept (an event dated `2019` is within `--until 2019-06`:
//!   a partial date covers its whole year or month, and overlapping counts). Undated events
//!   are dropped when either bound is given. In the affiliation view, persons are then kept
//!   only if they took part in a kept event.
//! - `min_weight`: edges lighter than this are dropped (report-graph edges weigh 1).
//! - `documents`: only what these reports say: nodes and edges whose `documents` include
//!   one of them (a path is reduced to its file name).
//!
//! In the full view, nodes left without any edge by the role, date, weight or document
//! filters are dropped too (a node isolated in the report graph stays unless a filter
//! other than `kinds` is given).

use crate::graph::{Edge, EdgeKind, Node, NodeKind, ReportGraph};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;
use std::str::FromStr;

/// A network view of the report graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum View {
    /// The directed multigraph of all kinds.
    #[default]
    Full,
    /// Person — person co-participation, weighted by shared events.
    Alongside,
    /// Person — institution affiliations (bipartite).
    Affiliation,
    /// Institution — institution co-presence, weighted by shared events.
    Institutions,
}

impl View {
    /// All views.
    pub const ALL: [View; 4] = [
        View::Full,
        View::Alongside,
        View::Affiliation,
        View::Institutions,
    ];

    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Full => "full",
            View::Alongside => "alongside",
            View::Affiliation => "affiliation",
            View::Institutions => "institutions",
        }
    }
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for View {
    type Err = String;

    fn from_str(s: &str) -> Result<View, String> {
        View::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!(
                    "unknown view {s:?} (expected full, alongside, affiliation or institutions)"
                )
            })
    }
}

/// Filters applied while making a view. The default filters nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Node kinds kept (full view); empty keeps all.
    pub kinds: Vec<NodeKind>,
    /// Roles that count; empty means the view's default (see the module documentation).
    pub roles: Vec<EdgeKind>,
    /// Keep events dated on or after this ISO date.
    pub since: Option<String>,
    /// Keep events dated on or before this ISO date.
    pub until: Option<String>,
    /// Drop edges whose weight is below this.
    pub min_weight: Option<f64>,
    /// Keep only what these reports (file names) say; empty keeps all.
    pub documents: Vec<String>,
}

/// A filter that cannot be applied.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ViewError {
    /// `since` or `until` is not an ISO date.
    #[error("{which} {value:?} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")]
    BadDate {
        /// `--since` or `--until`.
        which: &'static str,
        /// The value given.
        value: String,
    },
    /// `roles` names an edge kind that is not a role.
    #[error("{0} is not a role (expected one of speaker, keynote, chair, moderator, discussant, chief_guest, host, rapporteur, questioner, attendee, author)")]
    NotARole(EdgeKind),
}

/// First and last day covered by a (partial) ISO date: `2019` → (`2019-01-01`, `2019-12-31`).
fn date_range(s: &str) -> Option<(String, String)> {
    let start = super::gexf::full_date(s)?;
    let s = s.trim();
    let end = match s.len() {
        4 => format!("{s}-12-31"),
        7 => format!("{s}-31"),
        _ => s.to_string(),
    };
    Some((start, end))
}

impl Filters {
    fn check(&self) -> Result<(Option<String>, Option<String>), ViewError> {
        if let Some(r) = self.roles.iter().find(|r| !r.is_role()) {
            return Err(ViewError::NotARole(*r));
        }
        let since = match &self.since {
            Some(v) => Some(
                date_range(v)
                    .ok_or_else(|| ViewError::BadDate {
                        which: "--since",
                        value: v.clone(),
                    })?
                    .0,
            ),
            None => None,
        };
        let until = match &self.until {
            Some(v) => Some(
                date_range(v)
                    .ok_or_else(|| ViewError::BadDate {
                        which: "--until",
                        value: v.clone(),
                    })?
                    .1,
            ),
            None => None,
        };
        Ok((since, until))
    }

    /// True when a filter other than `kinds` is set.
    fn prunes(&self) -> bool {
        !self.roles.is_empty()
            || self.since.is_some()
            || self.until.is_some()
            || self.min_weight.is_some()
            || !self.documents.is_empty()
    }
}

/// What the filters let through, computed once.
struct Sieve<'a> {
    f: &'a Filters,
    since: Option<String>,
    until: Option<String>,
    docs: HashSet<String>,
}

impl Sieve<'_> {
    fn in_docs(&self, documents: &[String]) -> bool {
        self.docs.is_empty() || documents.iter().any(|d| self.docs.contains(d))
    }

    /// An event kept by the date and document filters.
    fn event_ok(&self, n: &Node) -> bool {
        if !self.in_docs(&n.documents) {
            return false;
        }
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let Some((start, end)) = n.date.as_deref().and_then(date_range) else {
            return false;
        };
        self.since.as_ref().is_none_or(|s| end >= *s)
            && self.until.as_ref().is_none_or(|u| start <= *u)
    }

    /// A role that makes a participant in the derived views.
    fn counts(&self, kind: EdgeKind, default: fn(EdgeKind) -> bool) -> bool {
        if self.f.roles.is_empty() {
            default(kind)
        } else {
            self.f.roles.contains(&kind)
        }
    }

    fn weight_ok(&self, w: f64) -> bool {
        self.f.min_weight.is_none_or(|m| w >= m)
    }
}

/// Makes `view` of `g` with the filters `f`.
pub fn view(g: &ReportGraph, view: View, f: &Filters) -> Result<ReportGraph, ViewError> {
    let (since, until) = f.check()?;
    let docs = f
        .documents
        .iter()
        .map(|d| {
            std::path::Path::new(d)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| d.clone())
        })
        .collect();
    let s = Sieve {
        f,
        since,
        until,
        docs,
    };
    Ok(match view {
        View::Full => full(g, &s),
        View::Alongside => co_occurrence(g, &s, NodeKind::Person),
        View::Institutions => co_occurrence(g, &s, NodeKind::Institution),
        View::Affiliation => affiliation(g, &s),
    })
}

fn documents_of(g: &ReportGraph, s: &Sieve<'_>) -> Vec<String> {
    g.documents
        .iter()
        .filter(|d| s.docs.is_empty() || s.docs.contains(*d))
        .cloned()
        .collect()
}

fn full(g: &ReportGraph, s: &Sieve<'_>) -> ReportGraph {
    let f = s.f;
    let keep_node = |n: &Node| {
        (f.kinds.is_empty() || f.kinds.contains(&n.kind()))
            && s.in_docs(&n.documents)
            && (n.kind() != NodeKind::Event || s.event_ok(n))
    };
    let kept: HashSet<&str> = g
        .nodes()
        .filter(|(_, n)| keep_node(n))
        .map(|(_, n)| n.id.as_str())
        .collect();
    let mut edges = Vec::new();
    let mut touched: HashSet<&str> = HashSet::new();
    for (_, a, b, e) in g.edges() {
        let (sa, sb) = (g.graph[a].id.as_str(), g.graph[b].id.as_str());
        if !kept.contains(sa) || !kept.contains(sb) {
            continue;
        }
        if e.kind.is_role() && !f.roles.is_empty() && !f.roles.contains(&e.kind) {
            continue;
        }
        if !s.in_docs(&e.documents) || !s.weight_ok(e.weight_or_one()) {
            continue;
        }
        touched.insert(sa);
        touched.insert(sb);
        edges.push((sa.to_string(), sb.to_string(), e.clone()));
    }
    let prune = f.prunes();
    let nodes = g
        .nodes()
        .filter(|(_, n)| kept.contains(n.id.as_str()))
        .filter(|(_, n)| !prune || touched.contains(n.id.as_str()))
        .map(|(_, n)| n.clone())
        .collect();
    let mut out = ReportGraph::from_parts(nodes, edges, documents_of(g, s));
    out.undirected = g.undirected;
    out
}

/// Participations counted by the derived views: event id → person id → documents of the
/// role edges.
fn participations<'g>(
    g: &'g ReportGraph,
    s: &Sieve<'_>,
    default: fn(EdgeKind) -> bool,
) -> BTreeMap<&'g str, BTreeMap<&'g str, BTreeSet<&'g str>>> {
    let mut out: BTreeMap<&str, BTreeMap<&str, BTreeSet<&str>>> = BTreeMap::new();
    for (_, a, b, e) in g.edges() {
        let (p, ev) = (&g.graph[a], &g.graph[b]);
        if !e.kind.is_role()
            || !s.counts(e.kind, default)
            || p.kind() != NodeKind::Person
            || ev.kind() != NodeKind::Event
            || !s.event_ok(ev)
            || !s.in_docs(&e.documents)
        {
            continue;
        }
        let docs = out.entry(&ev.id).or_default().entry(&p.id).or_default();
        docs.extend(e.documents.iter().map(String::as_str));
    }
    out
}

/// Alongside (persons) or institutions: pairs present at the same events.
fn co_occurrence(g: &ReportGraph, s: &Sieve<'_>, kind: NodeKind) -> ReportGraph {
    let parts = participations(g, s, EdgeKind::is_speaking);
    // event id → member id → documents that put the member there.
    let mut present: BTreeMap<&str, BTreeMap<&str, BTreeSet<&str>>> = BTreeMap::new();
    if kind == NodeKind::Person {
        present = parts;
    } else {
        // Affiliations of each person, and organisers of each event.
        let mut affs: BTreeMap<&str, Vec<(&str, &Edge)>> = BTreeMap::new();
        for (_, a, b, e) in g.edges() {
            let (x, y) = (&g.graph[a], &g.graph[b]);
            if e.kind == EdgeKind::AffiliatedWith
                && y.kind() == NodeKind::Institution
                && s.in_docs(&e.documents)
            {
                affs.entry(&x.id).or_default().push((&y.id, e));
            }
            if e.kind == EdgeKind::OrganizedBy
                && x.kind() == NodeKind::Event
                && y.kind() == NodeKind::Institution
                && s.event_ok(x)
                && s.in_docs(&e.documents)
            {
                present
                    .entry(&x.id)
                    .or_default()
                    .entry(&y.id)
                    .or_default()
                    .extend(e.documents.iter().map(String::as_str));
            }
        }
        for (ev, persons) in &parts {
            for (p, docs) in persons {
                for (inst, e) in affs.get(p).map(Vec::as_slice).unwrap_or(&[]) {
                    let d = present.entry(ev).or_default().entry(inst).or_default();
                    d.extend(docs.iter().copied());
                    d.extend(e.documents.iter().map(String::as_str));
                }
            }
        }
    }
    // (a, b) with a < b → (events, documents)
    type EventsAndDocs<'a> = (BTreeSet<&'a str>, BTreeSet<&'a str>);
    let mut pairs: BTreeMap<(&str, &str), EventsAndDocs<'_>> = BTreeMap::new();
    for (ev, members) in &present {
        let ids: Vec<(&str, &BTreeSet<&str>)> = members.iter().map(|(k, v)| (*k, v)).collect();
        for i in 0..ids.len() {
            for j in i + 1..ids.len() {
                let entry = pairs.entry((ids[i].0, ids[j].0)).or_default();
                entry.0.insert(ev);
                entry.1.extend(ids[i].1.iter().copied());
                entry.1.extend(ids[j].1.iter().copied());
            }
        }
    }
    let edge_kind = if kind == NodeKind::Person {
        EdgeKind::Alongside
    } else {
        EdgeKind::CoPresent
    };
    let mut edges = Vec::new();
    let mut touched = BTreeSet::new();
    for ((a, b), (events, docs)) in pairs {
        let w = events.len() as f64;
        if !s.weight_ok(w) {
            continue;
        }
        let mut e = Edge::new(edge_kind, edge_kind.as_str());
        e.weight = Some(w);
        e.events = events.iter().map(|s| s.to_string()).collect();
        e.documents = docs.iter().map(|s| s.to_string()).collect();
        touched.insert(a);
        touched.insert(b);
        edges.push((a.to_string(), b.to_string(), e));
    }
    let nodes = touched
        .iter()
        .filter_map(|id| g.node(id).cloned())
        .collect();
    let mut out = ReportGraph::from_parts(nodes, edges, documents_of(g, s));
    out.undirected = true;
    out
}

fn affiliation(g: &ReportGraph, s: &Sieve<'_>) -> ReportGraph {
    // Persons must have taken part in a kept event when dates or roles are filtered.
    let restrict = !s.f.roles.is_empty() || s.since.is_some() || s.until.is_some();
    let participants: HashSet<&str> = if restrict {
        participations(g, s, EdgeKind::is_role)
            .values()
            .flat_map(|m| m.keys().copied())
            .collect()
    } else {
        HashSet::new()
    };
    // (person, institution) → merged edge
    let mut merged: BTreeMap<(&str, &str), Edge> = BTreeMap::new();
    for (_, a, b, e) in g.edges() {
        let (p, i) = (&g.graph[a], &g.graph[b]);
        if e.kind != EdgeKind::AffiliatedWith
            || p.kind() != NodeKind::Person
            || i.kind() != NodeKind::Institution
            || !s.in_docs(&e.documents)
            || (restrict && !participants.contains(p.id.as_str()))
        {
            continue;
        }
        let m = merged
            .entry((&p.id, &i.id))
            .or_insert_with(|| Edge::new(EdgeKind::AffiliatedWith, "affiliated_with"));
        if let Some(t) = &e.title {
            match &mut m.title {
                Some(old) if old.split(super::LIST_SEP).any(|x| x == t) => {}
                Some(old) => {
                    old.push_str(super::LIST_SEP);
                    old.push_str(t);
                }
                None => m.title = Some(t.clone()),
            }
        }
        m.documents.extend(e.documents.iter().cloned());
        m.evidence.extend(e.evidence.iter().cloned());
    }
    let mut edges = Vec::new();
    let mut touched = BTreeSet::new();
    for ((p, i), mut e) in merged {
        e.documents.sort();
        e.documents.dedup();
        e.evidence.sort();
        e.evidence.dedup();
        let w = e.documents.len().max(1) as f64;
        if !s.weight_ok(w) {
            continue;
        }
        e.weight = Some(w);
        touched.insert(p);
        touched.insert(i);
        // Undirected: the smaller id is the source ("institution:…" < "person:…").
        let (a, b) = if p < i { (p, i) } else { (i, p) };
        edges.push((a.to_string(), b.to_string(), e));
    }
    let nodes = touched
        .iter()
        .filter_map(|id| g.node(id).cloned())
        .collect();
    let mut out = ReportGraph::from_parts(nodes, edges, documents_of(g, s));
    out.undirected = true;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node};

    fn node(id: &str, kind: NodeKind, date: Option<&str>, doc: &str) -> Node {
        Node {
            id: id.into(),
            kind: Some(kind),
            label: id.split(':').nth(1).unwrap().into(),
            date: date.map(Into::into),
            documents: vec![doc.into()],
            ..Default::default()
        }
    }

    fn e(s: &str, t: &str, kind: EdgeKind, doc: &str) -> (String, String, Edge) {
        let mut x = Edge::new(kind, kind.as_str());
        x.documents = vec![doc.into()];
        (s.into(), t.into(), x)
    }

    /// Two events (2019 in a.txt, 2021-05 in b.txt); a and b speak at both, c speaks at
    /// the first and attends the second, d only attends.
    fn sample() -> ReportGraph {
        use EdgeKind::*;
        use NodeKind::*;
        let nodes = vec![
            node("event:e1", Event, Some("2019"), "a.txt"),
            node("event:e2", Event, Some("2021-05"), "b.txt"),
            node("event:e3", Event, None, "b.txt"),
            node("person:a", Person, None, "a.txt"),
            node("person:b", Person, None, "a.txt"),
            node("person:c", Person, None, "a.txt"),
            node("person:d", Person, None, "b.txt"),
            node("institution:x", Institution, None, "a.txt"),
            node("institution:y", Institution, None, "a.txt"),
            node("institution:z", Institution, None, "b.txt"),
            node("topic:t", Topic, None, "a.txt"),
        ];
        let mut aff_a2 = e("person:a", "institution:x", AffiliatedWith, "b.txt");
        aff_a2.2.key = "affiliated_with@2".into();
        aff_a2.2.title = Some("Director".into());
        let edges = vec![
            e("person:a", "event:e1", Speaker, "a.txt"),
            e("person:a", "event:e1", Chair, "a.txt"),
            e("person:b", "event:e1", Speaker, "a.txt"),
            e("person:c", "event:e1", Discussant, "a.txt"),
            e("person:a", "event:e2", Keynote, "b.txt"),
            e("person:b", "event:e2", Speaker, "b.txt"),
            e("person:c", "event:e2", Attendee, "b.txt"),
            e("person:d", "event:e2", Attendee, "b.txt"),
            e("person:d", "event:e3", Speaker, "b.txt"),
            e("person:a", "institution:x", AffiliatedWith, "a.txt"),
            aff_a2,
            e("person:b", "institution:y", AffiliatedWith, "a.txt"),
            e("person:d", "institution:y", AffiliatedWith, "b.txt"),
            e("event:e2", "institution:z", OrganizedBy, "b.txt"),
            e("event:e1", "topic:t", Covers, "a.txt"),
        ];
        ReportGraph::from_parts(nodes, edges, vec!["a.txt".into(), "b.txt".into()])
    }

    type Pair = (String, String, f64, Vec<String>);

    fn pairs(g: &ReportGraph) -> Vec<Pair> {
        g.edges()
            .map(|(_, a, b, e)| {
                (
                    g.graph[a].id.clone(),
                    g.graph[b].id.clone(),
                    e.weight_or_one(),
                    e.events.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn alongside_counts_shared_events() {
        let v = view(&sample(), View::Alongside, &Filters::default()).unwrap();
        assert!(v.undirected);
        let ev = |x: &[&str]| x.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            pairs(&v),
            [
                (
                    "person:a".into(),
                    "person:b".into(),
                    2.0,
                    ev(&["event:e1", "event:e2"])
                ),
                ("person:a".into(), "person:c".into(), 1.0, ev(&["event:e1"])),
                ("person:b".into(), "person:c".into(), 1.0, ev(&["event:e1"])),
            ]
        );
        // d only spoke alone: not in the view.
        assert_eq!(v.node_count(), 3);
        let (_, _, _, ab) = v.edges().next().unwrap();
        assert_eq!(ab.kind, EdgeKind::Alongside);
        assert_eq!(ab.documents, ["a.txt", "b.txt"]);

        let heavy = Filters {
            min_weight: Some(2.0),
            ..Default::default()
        };
        let v = view(&sample(), View::Alongside, &heavy).unwrap();
        assert_eq!((v.node_count(), v.edge_count()), (2, 1));

        // Attendees count when asked.
        let all = Filters {
            roles: vec![EdgeKind::Speaker, EdgeKind::Keynote, EdgeKind::Attendee],
            ..Default::default()
        };
        let v = view(&sample(), View::Alongside, &all).unwrap();
        let p = pairs(&v);
        assert!(p
            .iter()
            .any(|(a, b, _, _)| a == "person:c" && b == "person:d"));
        // a and c: only e2 (c's discussant part at e1 does not count here).
        assert!(p.contains(&(
            "person:a".into(),
            "person:c".into(),
            1.0,
            vec!["event:e2".into()]
        )));
    }

    #[test]
    fn dates_filter_events() {
        let f = |since: Option<&str>, until: Option<&str>| Filters {
            since: since.map(Into::into),
            until: until.map(Into::into),
            ..Default::default()
        };
        let v = view(&sample(), View::Alongside, &f(Some("2020"), None)).unwrap();
        assert_eq!(
            pairs(&v),
            [(
                "person:a".into(),
                "person:b".into(),
                1.0,
                vec!["event:e2".to_string()]
            )]
        );
        // A partial date covers its year: 2019 overlaps --until 2019-06-30.
        let v = view(&sample(), View::Alongside, &f(None, Some("2019-06-30"))).unwrap();
        assert_eq!(v.edge_count(), 3);
        let v = view(&sample(), View::Full, &f(Some("2021-06"), None)).unwrap();
        assert_eq!(
            v.nodes()
                .filter(|(_, n)| n.kind() == NodeKind::Event)
                .count(),
            0
        );
        assert!(matches!(
            view(&sample(), View::Full, &f(Some("May 2020"), None)),
            Err(ViewError::BadDate {
                which: "--since",
                ..
            })
        ));
        let v = view(&sample(), View::Full, &f(Some("2019"), Some("2019"))).unwrap();
        assert!(v.node("event:e1").is_some() && v.node("event:e2").is_none());
        // d only took part in e2 / e3, both dropped: only d's affiliation is left; c's
        // attendance at e2 is gone.
        let d = v.index_of("person:d").unwrap();
        assert_eq!(v.graph.edges(d).count(), 1);
        assert_eq!(v.edge_count(), 9);
        assert!(v.node("topic:t").is_some());
    }

    #[test]
    fn institutions_by_organisers_and_affiliations() {
        let v = view(&sample(), View::Institutions, &Filters::default()).unwrap();
        assert!(v.undirected);
        // e1: x (a), y (b). e2: x (a), y (b), z (organiser).
        let p = pairs(&v);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].0, "institution:x");
        assert_eq!(p[0].1, "institution:y");
        assert_eq!(p[0].2, 2.0);
        assert!(p.iter().all(|(_, _, _, ev)| !ev.is_empty()));
        assert!(v.edges().all(|(_, _, _, e)| e.kind == EdgeKind::CoPresent));
    }

    #[test]
    fn affiliation_is_bipartite_and_merged() {
        let v = view(&sample(), View::Affiliation, &Filters::default()).unwrap();
        assert!(v.undirected);
        assert_eq!(v.edge_count(), 3);
        let ax = v
            .edges()
            .find(|(_, a, b, _)| v.graph[*a].id == "institution:x" && v.graph[*b].id == "person:a")
            .unwrap()
            .3;
        assert_eq!(ax.weight, Some(2.0));
        assert_eq!(ax.title.as_deref(), Some("Director"));
        for (_, a, b, _) in v.edges() {
            assert_ne!(v.graph[a].kind(), v.graph[b].kind());
        }
        // Only persons who spoke in 2021.
        let f = Filters {
            since: Some("2021".into()),
            roles: vec![EdgeKind::Speaker],
            ..Default::default()
        };
        let v = view(&sample(), View::Affiliation, &f).unwrap();
        assert_eq!(v.edge_count(), 1);
        assert!(v.node("person:b").is_some());
    }

    #[test]
    fn full_view_filters() {
        let g = sample();
        let same = view(&g, View::Full, &Filters::default()).unwrap();
        assert_eq!(
            (same.node_count(), same.edge_count()),
            (g.node_count(), g.edge_count())
        );
        assert!(!same.undirected);
        let persons = Filters {
            kinds: vec![NodeKind::Person, NodeKind::Event],
            ..Default::default()
        };
        let v = view(&g, View::Full, &persons).unwrap();
        assert_eq!(v.node_count(), 7);
        assert!(v.edges().all(|(_, _, _, e)| e.kind.is_role()));
        let chairs = Filters {
            roles: vec![EdgeKind::Chair],
            ..Default::default()
        };
        let v = view(&g, View::Full, &chairs).unwrap();
        assert_eq!(v.edges().filter(|(_, _, _, e)| e.kind.is_role()).count(), 1);
        assert!(v.node("person:c").is_none(), "c lost every edge");
        let docs = Filters {
            documents: vec!["some/dir/b.txt".into()],
            ..Default::default()
        };
        let v = view(&g, View::Full, &docs).unwrap();
        assert_eq!(v.documents, ["b.txt"]);
        assert!(v
            .nodes()
            .all(|(_, n)| n.documents.contains(&"b.txt".to_string())));
        assert!(v
            .edges()
            .all(|(_, _, _, e)| e.documents.contains(&"b.txt".to_string())));
        assert!(matches!(
            view(
                &g,
                View::Full,
                &Filters {
                    roles: vec![EdgeKind::Covers],
                    ..Default::default()
                }
            ),
            Err(ViewError::NotARole(EdgeKind::Covers))
        ));
    }

    #[test]
    fn names() {
        for v in View::ALL {
            assert_eq!(v.to_string().parse::<View>(), Ok(v));
        }
        assert!("people".parse::<View>().is_err());
    }
}
