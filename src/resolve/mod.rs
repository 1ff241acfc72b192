//! Resolution: the per-report persons, institutions and events become corpus-wide
//! entities, one per real person, institution or event.
//!
//! Candidates are grouped by blocking keys (a folded name token, an institution key, an
//! acronym, an event date) and only compared inside a block, so the cost is
//! O(m · b) for m mentions and blocks of bounded size b — near-linear in the corpus size —
//! instead of O(m²) for comparing all pairs. Identical full names and institution keys are
//! joined through a hash map, without comparisons. A block larger than [`MAX_BLOCK`] (a
//! token as common as "Muhammad") is compared by sorted neighbourhood: its names sorted,
//! each compared with the next [`WINDOW`], O(b · WINDOW) instead of O(b²).
//!
//! Complexity, for D reports, m person mentions and k tokens per name: O(m · k ·
//! (MAX_BLOCK + WINDOW)) comparisons at most, plus O(m log m) for the maps; events are
//! compared only with events of the same date. Memory is O(m).
//!
//! Parallelism: the per-record work (folding names, name keys, title words, the pair
//! verdicts inside blocks, building the entities and the relations) runs on rayon's
//! threads; the merges themselves are applied in one fixed order (reports sorted by name,
//! blocks by key, pairs in block order), so the result — entities, ids, merge reasons —
//! is the same on any number of threads.
//!
//! Merge rules, strongest first:
//! - institutions: same folded key (case, accents, "the", Centre/Center, trailing city
//!   removed), an alias or acronym declared in a report, an acronym equal to a name's
//!   initials, media outlets named after the same acronym ("PTV News", "PTV World News");
//! - events: same day and overlapping title words or a shared organiser;
//! - persons: the same full name up to small spelling differences (two or more tokens);
//!   a partial or variant name (subset of tokens, "Shabbir Ahmed" ~ "Shabir Ahmed Khan",
//!   or the same given name, "Taimur Fahad" ~ "Taimur Khan") only with evidence beyond the
//!   name: a shared affiliation or the same event.

pub mod aliases;
mod events;
mod institutions;
mod names;
mod persons;
mod union;

pub use aliases::{Aliases, AliasesError};

use crate::extract::{Extraction, Fact};
use crate::graph::{slug, EdgeKind, Evidence, NodeKind};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use union::Constrained;

/// Blocks larger than this are not compared pairwise but by sorted neighbourhood
/// ([`WINDOW`]).
pub const MAX_BLOCK: usize = 200;

/// In a block larger than [`MAX_BLOCK`], each name is compared with this many names
/// that follow it in sorted order.
pub const WINDOW: usize = 24;

/// A corpus-wide entity.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entity {
    /// Stable readable id, e.g. `person:khurram-iqbal`.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// Every other spelling seen.
    pub aliases: BTreeSet<String>,
    /// Reports it comes from.
    pub documents: BTreeSet<String>,
    /// First mention per report.
    pub evidence: Vec<Evidence>,
    /// Institution kind, event kind.
    pub subtype: Option<String>,
    /// Why the report-level records were merged into this entity.
    pub reasons: Vec<String>,
}

/// A corpus-wide event.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventEntity {
    /// The entity part (label = title).
    pub entity: Entity,
    /// Date, ISO.
    pub date: Option<String>,
    /// Venue.
    pub venue: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Sessions.
    pub sessions: Vec<String>,
}

/// An entity of a [`Resolved`] corpus: its kind and its position in the list of that
/// kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityRef {
    /// The kind, which says the list: persons, institutions, events, topics or places.
    pub kind: NodeKind,
    /// The position in that list (u32: a relation is one of the largest things held in
    /// memory at scale).
    pub index: u32,
}

impl EntityRef {
    /// The entity of `kind` at `index` of its list.
    pub fn new(kind: NodeKind, index: usize) -> EntityRef {
        EntityRef { kind, index: u32::try_from(index).expect("fewer than 2^32 entities of a kind") }
    }
}

/// A relation between entities.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Source.
    pub source: EntityRef,
    /// Target.
    pub target: EntityRef,
    /// Kind.
    pub kind: EdgeKind,
    /// Affiliation title.
    pub title: Option<Box<str>>,
    /// Session.
    pub session: Option<Box<str>>,
    /// Supporting text.
    pub evidence: Evidence,
}

/// The resolved corpus.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Report names.
    pub documents: Vec<String>,
    /// Persons.
    pub persons: Vec<Entity>,
    /// Institutions.
    pub institutions: Vec<Entity>,
    /// Events.
    pub events: Vec<EventEntity>,
    /// Topics.
    pub topics: Vec<Entity>,
    /// Places.
    pub places: Vec<Entity>,
    /// Relations.
    pub relations: Vec<Relation>,
}

impl Resolved {
    /// The entity an [`EntityRef`] points to; `None` when it points past its list.
    pub fn entity(&self, r: EntityRef) -> Option<&Entity> {
        match r.kind {
            NodeKind::Person => self.persons.get(r.index as usize),
            NodeKind::Institution => self.institutions.get(r.index as usize),
            NodeKind::Event => self.events.get(r.index as usize).map(|e| &e.entity),
            NodeKind::Topic => self.topics.get(r.index as usize),
            NodeKind::Place => self.places.get(r.index as usize),
        }
    }
}

/// Merge reasons of report-level records, by record number.
type Reasons = FxHashMap<usize, Cow<'static, str>>;

/// One report-level record of an entity.
struct Member<'a> {
    /// Its report.
    doc: &'a str,
    /// Its name there.
    name: &'a str,
    /// Where the report names it.
    evidence: &'a Evidence,
    /// Why it was merged into the entity.
    reason: Option<&'a str>,
}

/// An entity from its records, in report order: every report, every spelling other than
/// the label (the records' names and `more`), each record's evidence, and the reasons of
/// the merges as "name (report): reason".
fn entity<'a>(label: String, records: impl Iterator<Item = Member<'a>>, more: impl Iterator<Item = &'a str>) -> Entity {
    let mut documents: Vec<&str> = Vec::new();
    let mut aliases: BTreeSet<&str> = BTreeSet::new();
    let mut evidence = Vec::new();
    let mut reasons = Vec::new();
    for r in records {
        if documents.last() != Some(&r.doc) {
            documents.push(r.doc);
        }
        if r.name != label {
            aliases.insert(r.name);
        }
        evidence.push(r.evidence.clone());
        if let Some(why) = r.reason {
            reasons.push([r.name, " (", r.doc, "): ", why].concat());
        }
    }
    aliases.extend(more.filter(|a| *a != label));
    Entity {
        id: String::new(),
        aliases: aliases.into_iter().map(String::from).collect(),
        documents: documents.into_iter().map(String::from).collect(),
        evidence,
        subtype: None,
        reasons,
        label,
    }
}

/// Resolves the extractions of a corpus. The result does not depend on the order of
/// `docs`.
pub fn resolve(docs: &[Extraction], lex: &crate::Lexicon) -> Resolved {
    resolve_with(docs, lex, &Aliases::default())
}

/// Tags for the `different` rules and unions for the `same` rules, over a list of names.
/// Without rules, no name is folded.
fn user_rules(names: &[&str], rules: &aliases::Rules) -> (Constrained, Reasons) {
    let tags: Vec<(usize, Vec<union::Tag>)> = if rules.has_apart() {
        names.par_iter().enumerate().map(|(i, n)| (i, rules.apart_groups(n).iter().map(|&g| (g, aliases::name_key(n))).collect())).collect()
    } else {
        Vec::new()
    };
    let mut uf = Constrained::new(names.len(), tags);
    let mut reasons = Reasons::default();
    if !rules.has_same() {
        return (uf, reasons);
    }
    let mut first_of_group: HashMap<usize, usize> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        if let Some(g) = rules.same_group(n) {
            match first_of_group.get(&g) {
                Some(&f) => {
                    if uf.union(f, i) {
                        reasons.insert(i, Cow::Borrowed("user alias (aliases file, [[same]])"));
                    }
                }
                None => {
                    first_of_group.insert(g, i);
                }
            }
        }
    }
    (uf, reasons)
}

/// Resolves with user rules applied first (see [`aliases`]).
pub fn resolve_with(docs: &[Extraction], lex: &crate::Lexicon, user: &Aliases) -> Resolved {
    let rules = user.compile();
    let mut docs: Vec<&Extraction> = docs.iter().collect();
    docs.sort_by(|a, b| a.document.cmp(&b.document));

    let (mut institutions, inst_of, inst_base) = institutions::resolve_institutions(&docs, lex, &rules);
    let (mut events, event_of) = events::resolve_events(&docs, &inst_of, &inst_base);
    let (mut persons, person_of, pref_base) = persons::resolve_persons(&docs, &rules, &inst_of, &inst_base, &event_of);

    // ---- topics and places
    let mut topics: Vec<Entity> = Vec::new();
    let mut topic_ix: HashMap<String, usize> = HashMap::new();
    let mut places: Vec<Entity> = Vec::new();
    let mut place_ix: HashMap<String, usize> = HashMap::new();
    let add_named = |list: &mut Vec<Entity>, ix: &mut HashMap<String, usize>, name: &str, doc: &str, ev: &Evidence| -> usize {
        let k = crate::text::fold(name).to_lowercase();
        let i = *ix.entry(k).or_insert_with(|| {
            list.push(Entity { label: name.to_string(), ..Default::default() });
            list.len() - 1
        });
        // reports come in name order: a report already listed is the last one
        if list[i].documents.last().map(String::as_str) != Some(doc) {
            list[i].documents.insert(doc.to_string());
            list[i].evidence.push(ev.clone());
        }
        i
    };
    let mut topic_map: Vec<Vec<usize>> = Vec::new();
    let mut place_map: Vec<Vec<usize>> = Vec::new();
    for x in &docs {
        topic_map.push(x.topics.iter().map(|t| add_named(&mut topics, &mut topic_ix, &t.name, &x.document, &t.evidence)).collect());
        place_map.push(x.places.iter().map(|t| add_named(&mut places, &mut place_ix, &t.name, &x.document, &t.evidence)).collect());
    }

    // ---- ids
    set_ids("person", &mut persons);
    set_ids("institution", &mut institutions);
    {
        let keys: Vec<(Cow<str>, Option<&str>)> = events
            .iter()
            .map(|e| {
                let label = match &e.date {
                    Some(d) => Cow::Owned(format!("{d} {}", e.entity.label)),
                    None => Cow::Borrowed(e.entity.label.as_str()),
                };
                (label, first_document(&e.entity))
            })
            .collect();
        let ids = assign_ids("event", &keys);
        drop(keys);
        for (e, id) in events.iter_mut().zip(ids) {
            let short: String = id.chars().take(80).collect();
            e.entity.id = short.trim_end_matches('-').to_string();
        }
    }
    set_ids("topic", &mut topics);
    set_ids("place", &mut places);

    // ---- relations
    let relations = docs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(d, x)| {
            let ev = EntityRef::new(NodeKind::Event, event_of[d]);
            let (person_of, pref_base, inst_of, inst_base, topic_map, place_map) = (&person_of, &pref_base, &inst_of, &inst_base, &topic_map, &place_map);
            let person = move |p: usize| EntityRef::new(NodeKind::Person, person_of[pref_base[d] + p]);
            let inst = move |i: usize| EntityRef::new(NodeKind::Institution, inst_of[inst_base[d] + i]);
            let topic = move |t: usize| EntityRef::new(NodeKind::Topic, topic_map[d][t]);
            let place = move |p: usize| EntityRef::new(NodeKind::Place, place_map[d][p]);
            x.facts.iter().map(move |f| {
                let (source, target, kind, title, session, evidence) = match f {
                    Fact::Role { person: p, role, session, evidence } => (person(*p), ev, *role, None, session.as_deref().map(Box::from), evidence),
                    Fact::Affiliation { person: p, institution, title, evidence } => (person(*p), inst(*institution), EdgeKind::AffiliatedWith, title.as_deref().map(Box::from), None, evidence),
                    Fact::OrganizedBy { institution, evidence } => (ev, inst(*institution), EdgeKind::OrganizedBy, None, None, evidence),
                    Fact::HeldAt { place: p, evidence } => (ev, place(*p), EdgeKind::HeldAt, None, None, evidence),
                    Fact::Covers { topic: t, evidence } => (ev, topic(*t), EdgeKind::Covers, None, None, evidence),
                    Fact::Discussed { person: p, topic: t, evidence } => (person(*p), topic(*t), EdgeKind::Discussed, None, None, evidence),
                    Fact::Mentions { person: p, evidence } => (ev, person(*p), EdgeKind::Mentions, None, None, evidence),
                };
                Relation { source, target, kind, title, session, evidence: evidence.clone() }
            })
        })
        .collect();
    Resolved {
        documents: docs.iter().map(|x| x.document.clone()).collect(),
        persons,
        institutions,
        events,
        topics,
        places,
        relations,
    }
}

/// The first report of an entity, by name.
fn first_document(e: &Entity) -> Option<&str> {
    e.documents.first().map(String::as_str)
}

/// Gives each entity of a list its id from its label (see [`assign_ids`]).
fn set_ids(kind: &str, list: &mut [Entity]) {
    let keys: Vec<(Cow<str>, Option<&str>)> = list.iter().map(|e| (Cow::Borrowed(e.label.as_str()), first_document(e))).collect();
    let ids = assign_ids(kind, &keys);
    drop(keys);
    for (e, id) in list.iter_mut().zip(ids) {
        e.id = id;
    }
}

/// Ids `kind:slug-of-label`, for entities given as (label, first report): entities of one
/// slug are numbered (`-2`, `-3` …) in order of (label, first report), so ids do not
/// depend on input order.
///
/// Complexity: O(n log n) comparisons; the slugs are made in parallel.
fn assign_ids(kind: &str, keys: &[(Cow<str>, Option<&str>)]) -> Vec<String> {
    let bases: Vec<String> = keys.par_iter().map(|(label, _)| format!("{kind}:{}", slug(label))).collect();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.par_sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    let mut used: FxHashMap<&str, usize> = FxHashMap::default();
    let mut ids = vec![String::new(); keys.len()];
    for i in order {
        let n = used.entry(&bases[i]).or_insert(0);
        *n += 1;
        ids[i] = if *n == 1 { bases[i].clone() } else { format!("{}-{n}", bases[i]) };
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_numbered_in_label_then_report_order() {
        let keys: Vec<(Cow<str>, Option<&str>)> = vec![(Cow::Borrowed("Ali Khan"), Some("b.txt")), (Cow::Borrowed("Ali  Khan"), Some("a.txt")), (Cow::Borrowed("Ali Khan"), Some("a.txt")), (Cow::Borrowed("Zed"), None)];
        // "Ali  Khan" sorts before "Ali Khan"; among the two "Ali Khan", a.txt first
        assert_eq!(assign_ids("person", &keys), ["person:ali-khan-3", "person:ali-khan", "person:ali-khan-2", "person:zed"]);
    }

    #[test]
    fn an_entity_lists_reports_once_and_spellings_other_than_its_label() {
        let ev = |doc: &str| Evidence::new(doc, 0, 1, "x");
        let (e1, e2, e3) = (ev("a.txt"), ev("a.txt"), ev("b.txt"));
        let records = vec![
            Member { doc: "a.txt", name: "Ali Khan", evidence: &e1, reason: None },
            Member { doc: "a.txt", name: "A. Khan", evidence: &e2, reason: None },
            Member { doc: "b.txt", name: "Ali Khan", evidence: &e3, reason: Some("same full name") },
        ];
        let e = entity("Ali Khan".into(), records.into_iter(), ["Dr. Ali Khan", "Ali Khan"].into_iter());
        assert_eq!(e.documents.iter().collect::<Vec<_>>(), ["a.txt", "b.txt"]);
        assert_eq!(e.aliases.iter().collect::<Vec<_>>(), ["A. Khan", "Dr. Ali Khan"]);
        assert_eq!(e.evidence.len(), 3);
        assert_eq!(e.reasons, ["Ali Khan (b.txt): same full name"]);
    }
}
