//! [`GraphIndex`]: the indexes every question answers from.

use super::names::{key, Honorifics};
use super::{EventRef, NodeRef, QueryError};
use crate::graph::{EdgeKind, Node, NodeKind, ReportGraph};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use std::collections::HashMap;

/// One adjacency entry: an edge seen from one of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Adj {
    /// The edge kind.
    pub kind: EdgeKind,
    /// The node at the other end.
    pub node: NodeIndex,
    /// The edge (look its attributes up in [`ReportGraph::graph`]).
    pub edge: EdgeIndex,
}

/// A role edge seen from the person (then `node` is the event) or from the event (then
/// `node` is the person).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Participation<'g> {
    /// The event (seen from a person) or the person (seen from an event).
    pub node: NodeIndex,
    /// The role.
    pub role: EdgeKind,
    /// The session, where the report has sessions.
    pub session: Option<&'g str>,
    /// The edge.
    pub edge: EdgeIndex,
}

/// Adjacency lists in compressed form: the entries of node `i` are
/// `items[offsets[i]..offsets[i + 1]]`, sorted by (kind, other node, edge).
#[derive(Debug, Clone, Default)]
struct Csr {
    offsets: Vec<usize>,
    items: Vec<Adj>,
}

impl Csr {
    fn build(n: usize, entries: impl Iterator<Item = (usize, Adj)> + Clone) -> Csr {
        let mut offsets = vec![0usize; n + 1];
        for (i, _) in entries.clone() {
            offsets[i + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut cursor = offsets.clone();
        let dummy = Adj {
            kind: EdgeKind::Mentions,
            node: NodeIndex::end(),
            edge: EdgeIndex::end(),
        };
        let mut items = vec![dummy; offsets[n]];
        for (i, a) in entries {
            items[cursor[i]] = a;
            cursor[i] += 1;
        }
        for w in offsets.windows(2) {
            items[w[0]..w[1]].sort_unstable();
        }
        Csr { offsets, items }
    }

    fn of(&self, ix: NodeIndex) -> &[Adj] {
        let i = ix.index();
        if i + 1 >= self.offsets.len() {
            return &[];
        }
        &self.items[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// The entries of one kind in a slice sorted by kind.
fn kind_range(s: &[Adj], kind: EdgeKind) -> &[Adj] {
    let a = s.partition_point(|x| x.kind < kind);
    let b = a + s[a..].partition_point(|x| x.kind == kind);
    &s[a..b]
}

/// The role entries (person → event kinds come first in [`EdgeKind`] order).
fn role_range(s: &[Adj]) -> &[Adj] {
    &s[..s.partition_point(|x| x.kind.is_role())]
}

/// Indexes over a [`ReportGraph`], built once, so that questions never scan all edges:
/// names → nodes (labels, titles and aliases, matched as people type them), a word index for
/// partial names and suggestions, and per-node adjacency lists (outgoing and incoming)
/// sorted by edge kind.
///
/// # Complexity
/// Building is O(V + E log d + total name length) for V nodes, E edges and largest degree d;
/// memory is about 24 bytes per edge plus the name tables.
///
/// # Example
/// ```
/// use reportgraph::query::GraphIndex;
/// use reportgraph::NodeKind;
/// # let json = r#"{"nodes": [{"id": "person:jane-roe", "kind": "person", "label": "Jane Roe",
/// #   "aliases": ["Dr. Jane Roé"]}]}"#;
/// # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
/// let index = GraphIndex::new(&graph);
/// let ix = index.resolve("Prof. JANE ROE", &[NodeKind::Person])?;
/// assert_eq!(index.node(ix).id, "person:jane-roe");
/// # Ok::<(), reportgraph::query::QueryError>(())
/// ```
#[derive(Debug, Clone)]
pub struct GraphIndex<'g> {
    graph: &'g ReportGraph,
    out: Csr,
    inc: Csr,
    names: HashMap<String, Vec<NodeIndex>>,
    words: HashMap<String, Vec<NodeIndex>>,
    honorifics: Honorifics,
}

/// How many suggestions a failed lookup offers.
const SUGGESTIONS: usize = 5;
/// How many candidates an ambiguous lookup lists at most.
const CANDIDATES: usize = 50;
/// Least similarity (Jaro-Winkler, 0..1) of a suggested name.
const MIN_SIMILARITY: f64 = 0.8;
/// Query words considered for suggestions.
const MAX_WORDS: usize = 8;
/// Candidates scored exactly for suggestions, after the rough pass.
const SHORTLIST: usize = 200;

impl<'g> GraphIndex<'g> {
    /// Indexes a graph, stripping the built-in lexicon's honorifics from person names.
    ///
    /// # Arguments
    /// * `graph` - the graph; the index borrows it.
    ///
    /// # Returns
    /// The index.
    ///
    /// # Complexity
    /// See [`GraphIndex`].
    ///
    /// # Example
    /// ```
    /// let graph = reportgraph::ReportGraph::default();
    /// let index = reportgraph::query::GraphIndex::new(&graph);
    /// assert_eq!(index.graph().node_count(), 0);
    /// ```
    pub fn new(graph: &'g ReportGraph) -> GraphIndex<'g> {
        GraphIndex::with_honorifics(graph, Honorifics::builtin())
    }

    /// Indexes a graph with the honorifics of a given lexicon (e.g. from `--lexicon DIR`).
    ///
    /// # Arguments
    /// * `graph` - the graph.
    /// * `lex` - the lexicon whose honorifics are stripped from person names.
    ///
    /// # Returns
    /// The index.
    ///
    /// # Complexity
    /// See [`GraphIndex`].
    ///
    /// # Example
    /// ```
    /// let graph = reportgraph::ReportGraph::default();
    /// let lex = reportgraph::Lexicon::builtin();
    /// let index = reportgraph::query::GraphIndex::with_lexicon(&graph, &lex);
    /// # let _ = index;
    /// ```
    pub fn with_lexicon(graph: &'g ReportGraph, lex: &crate::Lexicon) -> GraphIndex<'g> {
        GraphIndex::with_honorifics(graph, Honorifics::new(&lex.honorifics))
    }

    /// Indexes a graph with the given honorifics.
    ///
    /// # Arguments
    /// * `graph` - the graph.
    /// * `honorifics` - stripped from person names.
    ///
    /// # Returns
    /// The index.
    ///
    /// # Complexity
    /// See [`GraphIndex`].
    ///
    /// # Example
    /// ```
    /// use reportgraph::query::{names::Honorifics, GraphIndex};
    /// let graph = reportgraph::ReportGraph::default();
    /// let index = GraphIndex::with_honorifics(&graph, Honorifics::default());
    /// # let _ = index;
    /// ```
    pub fn with_honorifics(graph: &'g ReportGraph, honorifics: Honorifics) -> GraphIndex<'g> {
        let g = &graph.graph;
        let n = g.node_bound();
        let refs = g.edge_references();
        let out = Csr::build(
            n,
            refs.clone().map(|e| {
                (
                    e.source().index(),
                    Adj {
                        kind: e.weight().kind,
                        node: e.target(),
                        edge: e.id(),
                    },
                )
            }),
        );
        let inc = Csr::build(
            n,
            refs.map(|e| {
                (
                    e.target().index(),
                    Adj {
                        kind: e.weight().kind,
                        node: e.source(),
                        edge: e.id(),
                    },
                )
            }),
        );
        let mut index = GraphIndex {
            graph,
            out,
            inc,
            names: HashMap::new(),
            words: HashMap::new(),
            honorifics,
        };
        let mut names: HashMap<String, Vec<NodeIndex>> = HashMap::with_capacity(graph.node_count());
        let mut words: HashMap<String, Vec<NodeIndex>> = HashMap::new();
        for (ix, node) in graph.nodes() {
            for k in index.node_keys(node) {
                for w in k.split(' ') {
                    let list = words.entry_ref(w);
                    if list.last() != Some(&ix) {
                        list.push(ix);
                    }
                }
                let list = names.entry(k).or_default();
                if list.last() != Some(&ix) {
                    list.push(ix);
                }
            }
        }
        index.names = names;
        index.words = words;
        index
    }

    /// The indexed graph.
    pub fn graph(&self) -> &'g ReportGraph {
        self.graph
    }

    /// A node.
    ///
    /// # Panics
    /// When `ix` is not a node of the graph.
    pub fn node(&self, ix: NodeIndex) -> &'g Node {
        &self.graph.graph[ix]
    }

    /// The reference of a node, as answers show it.
    pub fn node_ref(&self, ix: NodeIndex) -> NodeRef {
        NodeRef::of(self.node(ix))
    }

    /// The reference of an event node, as answers show it.
    pub fn event_ref(&self, ix: NodeIndex) -> EventRef {
        EventRef::of(self.node(ix))
    }

    /// An edge's attributes.
    pub fn edge(&self, e: EdgeIndex) -> &'g crate::graph::Edge {
        &self.graph.graph[e]
    }

    /// Edges leaving a node, sorted by (kind, target, edge). O(1).
    pub fn outgoing(&self, ix: NodeIndex) -> &[Adj] {
        self.out.of(ix)
    }

    /// Edges entering a node, sorted by (kind, source, edge). O(1).
    pub fn incoming(&self, ix: NodeIndex) -> &[Adj] {
        self.inc.of(ix)
    }

    /// Edges of one kind leaving a node. O(log d).
    pub fn outgoing_of(&self, ix: NodeIndex, kind: EdgeKind) -> &[Adj] {
        kind_range(self.out.of(ix), kind)
    }

    /// Edges of one kind entering a node. O(log d).
    pub fn incoming_of(&self, ix: NodeIndex, kind: EdgeKind) -> &[Adj] {
        kind_range(self.inc.of(ix), kind)
    }

    /// Every edge at a node, either direction (the undirected view). O(1) to start.
    pub fn neighbors(&self, ix: NodeIndex) -> impl Iterator<Item = &Adj> + '_ {
        self.out.of(ix).iter().chain(self.inc.of(ix))
    }

    /// A person's roles: `(event, role, session)`, sorted by role then event. O(log d) to start.
    ///
    /// # Example
    /// ```
    /// # let json = r#"{"nodes": [{"id": "p", "kind": "person", "label": "P"},
    /// #   {"id": "e", "kind": "event", "label": "E"}],
    /// #   "edges": [{"source": "p", "target": "e", "kind": "chair", "session": "S1", "key": "chair@S1"}]}"#;
    /// # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
    /// let index = reportgraph::query::GraphIndex::new(&graph);
    /// let p = graph.index_of("p").unwrap();
    /// let roles: Vec<_> = index.roles_of(p).map(|r| (index.node(r.node).id.as_str(), r.role, r.session)).collect();
    /// assert_eq!(roles, [("e", reportgraph::EdgeKind::Chair, Some("S1"))]);
    /// ```
    pub fn roles_of(&self, person: NodeIndex) -> impl Iterator<Item = Participation<'g>> + '_ {
        role_range(self.out.of(person))
            .iter()
            .map(|a| self.participation(a))
    }

    /// An event's participants: `(person, role, session)`, sorted by role then person.
    /// O(log d) to start.
    pub fn participants_of(
        &self,
        event: NodeIndex,
    ) -> impl Iterator<Item = Participation<'g>> + '_ {
        role_range(self.inc.of(event))
            .iter()
            .map(|a| self.participation(a))
    }

    fn participation(&self, a: &Adj) -> Participation<'g> {
        Participation {
            node: a.node,
            role: a.kind,
            session: self.edge(a.edge).session.as_deref(),
            edge: a.edge,
        }
    }

    /// The keys a node is found by: its label, title and aliases (honorifics stripped for persons).
    fn node_keys(&self, node: &Node) -> Vec<String> {
        let person = node.kind() == NodeKind::Person;
        let mut keys: Vec<String> = std::iter::once(&node.label)
            .chain(node.title.as_ref())
            .chain(&node.aliases)
            .map(|s| {
                let k = key(s);
                if person {
                    self.honorifics.strip(&k).to_string()
                } else {
                    k
                }
            })
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// Finds the node a name means.
    ///
    /// Tried in turn, stopping at the first that finds anything:
    /// 1. the node id itself (`person:roksolana-zigon`);
    /// 2. the whole name against every label, title and alias, compared as keys
    ///    ([`super::names::key`]; honorifics stripped on both sides for persons);
    /// 3. the words of the name all among the words of a node's names ("Zigon",
    ///    "Shabbir Khan").
    ///
    /// # Arguments
    /// * `query` - the name as typed.
    /// * `kinds` - the kinds of node wanted.
    ///
    /// # Returns
    /// The node; [`QueryError::Ambiguous`] with the candidates when a step finds several;
    /// [`QueryError::NotFound`] with up to 5 names similar by Jaro-Winkler distance (per
    /// word and whole) when none finds any.
    ///
    /// # Complexity
    /// Steps 1-2: O(len(query)) expected. Step 3: O(Σ postings of the query's words).
    /// Suggestions: O(W · len) over the W distinct words of the graph, plus the postings of the
    /// similar words; 200 candidates are then scored exactly.
    ///
    /// # Example
    /// ```
    /// use reportgraph::query::{GraphIndex, QueryError};
    /// use reportgraph::NodeKind;
    /// # let json = r#"{"nodes": [{"id": "person:roksolana-zigon", "kind": "person",
    /// #   "label": "Roksolana Zigon", "aliases": ["Dr. Zigon"]}]}"#;
    /// # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
    /// let index = GraphIndex::new(&graph);
    /// assert!(index.resolve("Dr. Roksolana Zigon", &[NodeKind::Person]).is_ok());
    /// assert!(index.resolve("zigon", &[NodeKind::Person]).is_ok());
    /// match index.resolve("Roksolana Zigonn", &[NodeKind::Person]) {
    ///     Err(QueryError::NotFound { suggestions, .. }) => assert_eq!(suggestions[0].label, "Roksolana Zigon"),
    ///     other => panic!("{other:?}"),
    /// }
    /// ```
    pub fn resolve(&self, query: &str, kinds: &[NodeKind]) -> Result<NodeIndex, QueryError> {
        let wanted = |ix: &NodeIndex| kinds.contains(&self.node(*ix).kind());
        if let Some(ix) = self.graph.index_of(query.trim()).filter(wanted) {
            return Ok(ix);
        }
        let plain = key(query);
        let stripped = self.honorifics.strip(&plain);
        let persons = kinds.contains(&NodeKind::Person);
        let others = kinds.iter().any(|k| *k != NodeKind::Person);
        let is_person = |ix: &NodeIndex| self.node(*ix).kind() == NodeKind::Person;

        // whole names
        let mut hits: Vec<NodeIndex> = Vec::new();
        if persons {
            hits.extend(
                self.names
                    .get(stripped)
                    .into_iter()
                    .flatten()
                    .filter(|ix| is_person(ix)),
            );
        }
        if others {
            hits.extend(
                self.names
                    .get(&plain)
                    .into_iter()
                    .flatten()
                    .filter(|ix| !is_person(ix) && wanted(ix)),
            );
        }
        if let Some(r) = self.pick(query, hits) {
            return r;
        }

        // all words
        let mut hits: Vec<NodeIndex> = Vec::new();
        if persons {
            hits.extend(self.with_words(stripped).into_iter().filter(is_person));
        }
        if others {
            hits.extend(
                self.with_words(&plain)
                    .into_iter()
                    .filter(|ix| !is_person(ix) && wanted(ix)),
            );
        }
        if let Some(r) = self.pick(query, hits) {
            return r;
        }

        Err(QueryError::NotFound {
            query: query.to_string(),
            kinds: kinds.to_vec(),
            suggestions: self.suggest(&plain, kinds, SUGGESTIONS),
        })
    }

    fn pick(&self, query: &str, mut hits: Vec<NodeIndex>) -> Option<Result<NodeIndex, QueryError>> {
        hits.sort_unstable();
        hits.dedup();
        match hits.len() {
            0 => None,
            1 => Some(Ok(hits[0])),
            _ => {
                let mut candidates: Vec<NodeRef> =
                    hits.iter().map(|&ix| self.node_ref(ix)).collect();
                candidates.sort_by(|a, b| a.id.cmp(&b.id));
                candidates.truncate(CANDIDATES);
                Some(Err(QueryError::Ambiguous {
                    query: query.to_string(),
                    candidates,
                }))
            }
        }
    }

    /// Nodes having every word of `k` among the words of their names (sorted postings intersected).
    fn with_words(&self, k: &str) -> Vec<NodeIndex> {
        if k.is_empty() {
            return Vec::new();
        }
        let mut lists: Vec<&Vec<NodeIndex>> = Vec::new();
        for w in k.split(' ') {
            match self.words.get(w) {
                Some(l) => lists.push(l),
                None => return Vec::new(),
            }
        }
        lists.sort_by_key(|l| l.len());
        let mut acc: Vec<NodeIndex> = lists[0].clone();
        for l in &lists[1..] {
            acc.retain(|ix| l.binary_search(ix).is_ok());
        }
        acc
    }

    /// Up to `n` nodes of the wanted kinds whose names look like the key `q`, best first.
    fn suggest(&self, q: &str, kinds: &[NodeKind], n: usize) -> Vec<NodeRef> {
        if q.is_empty() {
            return Vec::new();
        }
        let sq = self.honorifics.strip(q);
        // person names are indexed without honorifics: so are the words compared to them
        let words_of = if kinds == [NodeKind::Person] { sq } else { q };
        let qwords: Vec<&str> = words_of.split(' ').take(MAX_WORDS).collect();
        // rough pass over the word index: per node, the best similarity of each query word
        let mut best: HashMap<NodeIndex, [f32; MAX_WORDS]> = HashMap::new();
        for (w, list) in &self.words {
            for (i, qw) in qwords.iter().enumerate() {
                let s = strsim::jaro_winkler(qw, w);
                if s < MIN_SIMILARITY {
                    continue;
                }
                for &ix in list {
                    if kinds.contains(&self.node(ix).kind()) {
                        let b = best.entry(ix).or_insert([0.0; MAX_WORDS]);
                        b[i] = b[i].max(s as f32);
                    }
                }
            }
        }
        let mut rough: Vec<(f32, NodeIndex)> = best
            .into_iter()
            .map(|(ix, b)| (b.iter().sum::<f32>(), ix))
            .collect();
        let order =
            |a: &(f32, NodeIndex), b: &(f32, NodeIndex)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if rough.len() > SHORTLIST {
            rough.select_nth_unstable_by(SHORTLIST, order);
            rough.truncate(SHORTLIST);
        }
        // exact pass over the shortlist: whole names and words
        let mut scored: Vec<(f64, (String, String), NodeRef)> = rough
            .into_iter()
            .map(|(_, ix)| {
                let node = self.node(ix);
                let q = if node.kind() == NodeKind::Person {
                    sq
                } else {
                    q
                };
                let s = self
                    .node_keys(node)
                    .iter()
                    .map(|k| similarity(q, k))
                    .fold(0.0, f64::max);
                (s, NodeRef::of(node))
            })
            .filter(|(s, _)| *s >= MIN_SIMILARITY)
            .map(|(s, r)| (s, super::name_order(&r), r))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        scored.into_iter().take(n).map(|(_, _, r)| r).collect()
    }
}

/// Similarity of two keys in 0..1: the better of Jaro-Winkler on the whole keys and the mean,
/// over the words of `q`, of the best Jaro-Winkler against a word of `k` (slightly discounted).
fn similarity(q: &str, k: &str) -> f64 {
    let whole = strsim::jaro_winkler(q, k);
    let qw: Vec<&str> = q.split(' ').collect();
    let per_word: f64 = qw
        .iter()
        .map(|a| {
            k.split(' ')
                .map(|b| strsim::jaro_winkler(a, b))
                .fold(0.0, f64::max)
        })
        .sum::<f64>()
        / qw.len() as f64;
    whole.max(per_word * 0.98)
}

/// `entry` for a `&str` key without allocating when the key is present.
trait EntryRef {
    fn entry_ref(&mut self, k: &str) -> &mut Vec<NodeIndex>;
}

impl EntryRef for HashMap<String, Vec<NodeIndex>> {
    fn entry_ref(&mut self, k: &str) -> &mut Vec<NodeIndex> {
        if !self.contains_key(k) {
            self.insert(k.to_string(), Vec::new());
        }
        self.get_mut(k).expect("just inserted")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testgraph::sample;

    #[test]
    fn adjacency_is_by_kind_and_complete() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let mut total = 0;
        for (n, _) in g.nodes() {
            total += ix.outgoing(n).len();
            assert!(ix.outgoing(n).windows(2).all(|w| w[0] <= w[1]));
        }
        assert_eq!(total, g.edge_count());
        let zigon = g.index_of("person:roksolana-zigon").unwrap();
        let ev: Vec<_> = ix
            .roles_of(zigon)
            .map(|p| ix.node(p.node).id.clone())
            .collect();
        assert_eq!(ev, ["event:caps"]);
        let caps = g.index_of("event:caps").unwrap();
        assert_eq!(ix.participants_of(caps).count(), 6);
        assert_eq!(ix.outgoing_of(caps, EdgeKind::OrganizedBy).len(), 1);
        assert_eq!(ix.incoming_of(caps, EdgeKind::Chair).len(), 1);
    }

    #[test]
    fn names_resolve_as_typed() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let p = &[NodeKind::Person];
        let id = |q: &str, kinds: &[NodeKind]| ix.resolve(q, kinds).map(|n| ix.node(n).id.clone());
        assert_eq!(id("Roksolana Zigon", p).unwrap(), "person:roksolana-zigon");
        assert_eq!(
            id("DR. ROKSOLANA ZIGON", p).unwrap(),
            "person:roksolana-zigon"
        );
        assert_eq!(id("Dr Zigon", p).unwrap(), "person:roksolana-zigon");
        assert_eq!(id("Prof. Zigoń", p).unwrap(), "person:roksolana-zigon");
        assert_eq!(
            id("person:roksolana-zigon", p).unwrap(),
            "person:roksolana-zigon"
        );
        // an alias
        assert_eq!(id("Dr. Khuram Iqbal", p).unwrap(), "person:khurram-iqbal");
        // words of different spellings of one person
        assert_eq!(id("Shabbir Khan", p).unwrap(), "person:shabir-ahmed-khan");
        // the institution by acronym, the event by words of its title
        assert_eq!(
            id("caps", &[NodeKind::Institution]).unwrap(),
            "institution:caps"
        );
        assert_eq!(
            id("non-traditional security", &[NodeKind::Event]).unwrap(),
            "event:caps"
        );
        // kinds are respected
        assert!(matches!(
            ix.resolve("caps", p),
            Err(QueryError::NotFound { .. })
        ));
    }

    #[test]
    fn ambiguous_and_unknown_names() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        match ix.resolve("Khan", &[NodeKind::Person]) {
            Err(QueryError::Ambiguous { candidates, .. }) => {
                let ids: Vec<_> = candidates.iter().map(|c| c.id.as_str()).collect();
                assert_eq!(
                    ids,
                    [
                        "person:shabir-ahmed-khan",
                        "person:taimur-fahad",
                        "person:umair-pervez-khan"
                    ]
                );
            }
            other => panic!("{other:?}"),
        }
        match ix.resolve("Roksolana Zigonn", &[NodeKind::Person]) {
            Err(QueryError::NotFound { suggestions, .. }) => {
                assert_eq!(suggestions[0].id, "person:roksolana-zigon")
            }
            other => panic!("{other:?}"),
        }
        match ix.resolve("Xqzwv", &[NodeKind::Person]) {
            Err(QueryError::NotFound { suggestions, .. }) => assert!(suggestions.is_empty()),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            ix.resolve("", &[NodeKind::Person]),
            Err(QueryError::NotFound { .. })
        ));
    }
}
