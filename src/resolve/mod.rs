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
mod union;

pub use aliases::{Aliases, AliasesError};

use crate::extract::{self, compatible, inst_key, key_token, similar, Extraction, Fact};
use crate::graph::{slug, EdgeKind, Evidence, NodeKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};
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

/// An entity of the [`Resolved`] corpus: its kind and its index in the list of that kind
/// (persons, institutions, events, topics, places).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityRef {
    /// Which list.
    pub kind: NodeKind,
    /// Index in the list.
    pub index: u32,
}

impl EntityRef {
    fn new(kind: NodeKind, index: usize) -> EntityRef {
        EntityRef { kind, index: index as u32 }
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

/// Resolves the extractions of a corpus. The result does not depend on the order of
/// `docs`.
pub fn resolve(docs: &[Extraction], lex: &crate::Lexicon) -> Resolved {
    resolve_with(docs, lex, &Aliases::default())
}

/// Tags for the `different` rules and unions for the `same` rules, over a list of names.
fn user_rules(names: &[&str], rules: &aliases::Rules) -> (Constrained, HashMap<usize, String>) {
    let tags = names.iter().map(|n| rules.apart_groups(n).iter().map(|&g| (g, aliases::name_key(n))).collect()).collect();
    let mut uf = Constrained::new(tags);
    let mut reasons = HashMap::new();
    let mut first_of_group: HashMap<usize, usize> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        if let Some(g) = rules.same_group(n) {
            match first_of_group.get(&g) {
                Some(&f) => {
                    if uf.union(f, i) {
                        reasons.insert(i, "user alias (aliases file, [[same]])".to_string());
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

    // ---- institutions
    let mut inst_refs: Vec<(usize, usize)> = Vec::new(); // (doc, local)
    let mut inst_base: Vec<usize> = Vec::new();
    for (d, x) in docs.iter().enumerate() {
        inst_base.push(inst_refs.len());
        for i in 0..x.institutions.len() {
            inst_refs.push((d, i));
        }
    }
    let inst_names: Vec<&str> = inst_refs.iter().map(|&(d, i)| docs[d].institutions[i].name.as_str()).collect();
    let (mut iuf, mut ireason) = user_rules(&inst_names, &rules);
    {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (g, &(d, i)) in inst_refs.iter().enumerate() {
            let r = &docs[d].institutions[i];
            if r.acronym_only {
                continue;
            }
            let mut keys = vec![inst_key(&r.name), strip_places(&inst_key(&r.name), lex)];
            // one broadcaster or paper under several programme names: "PTV News", "PTV World News"
            if r.kind == "media" {
                if let Some(first) = r.name.split_whitespace().next().filter(|w| extract::institution::is_acronym(w) && w.len() >= 2) {
                    keys.push(format!("media:{first}"));
                }
            }
            for a in &r.aliases {
                if !extract::institution::is_acronym(a) {
                    keys.push(inst_key(a));
                }
            }
            // one proper name and institution words, in any language and order:
            // "Clingendael Institute" ~ "Instituut Clingendael"
            keys.extend(core_name(&r.name, lex).map(|c| format!("core:{c}")));
            for k in keys {
                if k.is_empty() {
                    continue;
                }
                match by_key.get(&k) {
                    Some(&o) => {
                        if iuf.union(o, g) {
                            ireason.insert(g, format!("same name key \"{k}\""));
                        }
                    }
                    None => {
                        by_key.insert(k, g);
                    }
                }
            }
        }
        // acronyms: declared aliases first, then initials when unambiguous
        let mut acr: HashMap<String, BTreeSet<usize>> = HashMap::new();
        for (g, &(d, i)) in inst_refs.iter().enumerate() {
            let r = &docs[d].institutions[i];
            if r.acronym_only {
                continue;
            }
            for a in &r.aliases {
                if extract::institution::is_acronym(a) {
                    acr.entry(a.clone()).or_default().insert(iuf.find(g));
                }
            }
        }
        let mut initials: HashMap<String, BTreeSet<usize>> = HashMap::new();
        for (g, &(d, i)) in inst_refs.iter().enumerate() {
            let r = &docs[d].institutions[i];
            if !r.acronym_only {
                initials.entry(extract::initials(&r.name)).or_default().insert(iuf.find(g));
            }
        }
        for (g, &(d, i)) in inst_refs.iter().enumerate() {
            let r = &docs[d].institutions[i];
            let names: Vec<&String> = if r.acronym_only { vec![&r.name] } else { r.aliases.iter().filter(|a| extract::institution::is_acronym(a)).collect() };
            for a in names {
                let target = acr.get(a).filter(|s| s.len() == 1).or_else(|| initials.get(a.as_str()).filter(|s| s.len() == 1));
                if let Some(&o) = target.and_then(|s| s.iter().next()) {
                    if iuf.union(o, g) {
                        ireason.insert(g, format!("acronym {a}"));
                    }
                }
            }
        }
    }
    let mut institutions: Vec<Entity> = Vec::new();
    let mut inst_of: Vec<usize> = vec![0; inst_refs.len()];
    {
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for g in 0..inst_refs.len() {
            groups.entry(iuf.find(g)).or_default().push(g);
        }
        for members in groups.values() {
            let recs: Vec<&extract::InstRec> = members.iter().map(|&g| &docs[inst_refs[g].0].institutions[inst_refs[g].1]).collect();
            // canonical: the longest non-acronym name, else the acronym
            let label = recs
                .iter()
                .filter(|r| !r.acronym_only)
                .map(|r| r.name.clone())
                .max_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a)))
                .unwrap_or_else(|| recs[0].name.clone());
            let mut e = Entity { label: label.clone(), ..Default::default() };
            for (&g, r) in members.iter().zip(&recs) {
                e.documents.insert(docs[inst_refs[g].0].document.clone());
                if r.name != label {
                    e.aliases.insert(r.name.clone());
                }
                for a in &r.aliases {
                    if *a != label {
                        e.aliases.insert(a.clone());
                    }
                }
                e.evidence.push(r.evidence.clone());
                if let Some(why) = ireason.get(&g) {
                    e.reasons.push(format!("{} ({}): {}", r.name, docs[inst_refs[g].0].document, why));
                }
            }
            e.subtype = recs.iter().find(|r| !r.acronym_only).map(|r| r.kind.clone());
            let idx = institutions.len();
            for &g in members {
                inst_of[g] = idx;
            }
            institutions.push(e);
        }
    }

    // the matching state of a stage is freed when the stage is done (memory: it is as
    // large as the extractions)
    drop((iuf, ireason, inst_names));

    // ---- events, blocked by (date, title word) and (date, organiser): a report is compared
    // only with events of the same day that share a title word or an organiser
    let mut events: Vec<EventEntity> = Vec::new();
    let mut event_orgs: Vec<BTreeSet<usize>> = Vec::new();
    let mut event_words: Vec<BTreeSet<String>> = Vec::new();
    let mut by_word: HashMap<(String, String), Vec<usize>> = HashMap::new();
    let mut by_org: HashMap<(String, usize), Vec<usize>> = HashMap::new();
    let mut event_of: Vec<usize> = vec![0; docs.len()];
    for (d, x) in docs.iter().enumerate() {
        let orgs: BTreeSet<usize> = x
            .facts
            .iter()
            .filter_map(|f| if let Fact::OrganizedBy { institution, .. } = f { Some(inst_of[inst_base[d] + institution]) } else { None })
            .collect();
        let words = title_words(x.event.title.as_deref().unwrap_or(""));
        // a full date (YYYY-MM-DD) is needed to join two reports
        let day = x.event.date.as_ref().filter(|day| day.len() >= 10);
        let found = day.and_then(|day| {
            let mut cands: Vec<usize> = words
                .iter()
                .filter_map(|w| by_word.get(&(day.clone(), w.clone())))
                .chain(orgs.iter().filter_map(|&o| by_org.get(&(day.clone(), o))))
                .flatten()
                .copied()
                .collect();
            cands.sort_unstable();
            cands.dedup();
            cands.into_iter().find(|&e| same_event(&event_words[e], &words, &orgs, &event_orgs[e]))
        });
        let idx = match found {
            Some(i) => i,
            None => {
                let label = x.event.title.clone().unwrap_or_else(|| format!("Event of {}", x.document));
                events.push(EventEntity {
                    entity: Entity { label, subtype: Some(x.event.kind.clone()), ..Default::default() },
                    date: x.event.date.clone(),
                    venue: x.event.venue.clone(),
                    city: x.event.city.clone(),
                    sessions: Vec::new(),
                });
                event_orgs.push(BTreeSet::new());
                let e = events.len() - 1;
                if let Some(day) = day {
                    for w in &words {
                        by_word.entry((day.clone(), w.clone())).or_default().push(e);
                    }
                }
                event_words.push(words);
                e
            }
        };
        if let Some(day) = day {
            for &o in orgs.difference(&event_orgs[idx]) {
                by_org.entry((day.clone(), o)).or_default().push(idx);
            }
        }
        event_orgs[idx].extend(orgs);
        let e = &mut events[idx];
        if found.is_some() {
            e.entity.reasons.push(format!("{}: same date {} and shared title words or organiser", x.document, x.event.date.as_deref().unwrap_or("?")));
            if let Some(t) = &x.event.title {
                if *t != e.entity.label {
                    e.entity.aliases.insert(t.clone());
                }
            }
            e.venue = e.venue.clone().or(x.event.venue.clone());
            e.city = e.city.clone().or(x.event.city.clone());
        }
        e.entity.documents.insert(x.document.clone());
        if let Some(ev) = &x.event.evidence {
            e.entity.evidence.push(ev.clone());
        }
        for s in &x.event.sessions {
            if !e.sessions.contains(s) {
                e.sessions.push(s.clone());
            }
        }
        event_of[d] = idx;
    }

    drop((event_words, by_word, by_org, event_orgs));

    // ---- persons
    let mut prefs: Vec<(usize, usize)> = Vec::new();
    let mut pref_base: Vec<usize> = Vec::new();
    for (d, x) in docs.iter().enumerate() {
        pref_base.push(prefs.len());
        for p in 0..x.persons.len() {
            prefs.push((d, p));
        }
    }
    let ptoks: Vec<Vec<String>> = prefs.iter().map(|&(d, p)| docs[d].persons[p].name.split_whitespace().map(key_token).collect()).collect();
    let paffs: Vec<BTreeSet<usize>> = prefs
        .iter()
        .map(|&(d, p)| {
            docs[d]
                .facts
                .iter()
                .filter_map(|f| match f {
                    Fact::Affiliation { person, institution, .. } if *person == p => Some(inst_of[inst_base[d] + institution]),
                    _ => None,
                })
                .collect()
        })
        .collect();
    let person_names: Vec<&str> = prefs.iter().map(|&(d, p)| docs[d].persons[p].name.as_str()).collect();
    let (mut puf, mut preason) = user_rules(&person_names, &rules);
    {
        let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (g, toks) in ptoks.iter().enumerate() {
            for t in toks.iter().filter(|t| t.chars().count() >= 3) {
                blocks.entry(t.clone()).or_default().push(g);
            }
            // a typo in every token still shares a 3-letter prefix of the family name
            if let Some(last) = toks.last() {
                blocks.entry(format!("#{}", last.chars().take(3).collect::<String>())).or_default().push(g);
            }
        }
        // the same full name (two or more tokens) in several reports: one person, joined
        // by a hash of the name rather than by comparing pairs
        let mut by_name: BTreeMap<&[String], Vec<usize>> = BTreeMap::new();
        for (g, toks) in ptoks.iter().enumerate() {
            if toks.len() >= 2 {
                by_name.entry(toks.as_slice()).or_default().push(g);
            }
        }
        for members in by_name.values() {
            let docs_of = |g: &usize| prefs[*g].0;
            if members.iter().map(docs_of).collect::<BTreeSet<_>>().len() < 2 {
                continue;
            }
            for &g in &members[1..] {
                if puf.union(members[0], g) {
                    preason.insert(g, "same full name".into());
                }
            }
        }
        let mut compare = |a: usize, b: usize| {
            if prefs[a].0 == prefs[b].0 || puf.same(a, b) {
                return;
            }
            let same_event = event_of[prefs[a].0] == event_of[prefs[b].0];
            let shared_aff = paffs[a].intersection(&paffs[b]).next().is_some();
            if let Some(why) = same_person(&ptoks[a], &ptoks[b], same_event, shared_aff) {
                let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                if puf.union(lo, hi) {
                    preason.insert(hi, why);
                }
            }
        };
        for members in blocks.values_mut() {
            if members.len() <= MAX_BLOCK {
                for (ai, &a) in members.iter().enumerate() {
                    for &b in &members[ai + 1..] {
                        compare(a, b);
                    }
                }
            } else {
                // a token as common as "Muhammad": sorted neighbourhood — members sorted by
                // their whole name, each compared with the next WINDOW ones
                members.sort_by(|&a, &b| ptoks[a].cmp(&ptoks[b]).then(a.cmp(&b)));
                for (ai, &a) in members.iter().enumerate() {
                    for &b in members[ai + 1..].iter().take(WINDOW) {
                        compare(a, b);
                    }
                }
            }
        }
    }
    // the same given name at a shared institution ("Taimur Fahad" ~ "Taimur Khan"), only
    // when that institution has no third person of that given name: otherwise it is
    // ambiguous which of them is meant, and two differing full names of the same shape
    // ("Muhammad Bilal Khan", "Muhammad Usman Khan") are two people anyway
    {
        let mut by_inst_given: BTreeMap<(usize, &str), BTreeMap<usize, usize>> = BTreeMap::new();
        for (g, toks) in ptoks.iter().enumerate() {
            if toks.len() < 2 {
                continue;
            }
            let root = puf.find(g);
            for &inst in &paffs[g] {
                by_inst_given.entry((inst, toks[0].as_str())).or_default().entry(root).or_insert(g);
            }
        }
        // the reports of each cluster, kept up to date as clusters join
        let mut cluster_docs: HashMap<usize, BTreeSet<usize>> = HashMap::new();
        for (g, &(d, _)) in prefs.iter().enumerate() {
            cluster_docs.entry(puf.find(g)).or_default().insert(d);
        }
        for clusters in by_inst_given.values() {
            let [(_, &a), (_, &b)] = clusters.iter().collect::<Vec<_>>()[..] else { continue };
            let same_shape = ptoks[a].len() == ptoks[b].len() && ptoks[a].len() >= 3;
            let (ra, rb) = (puf.find(a), puf.find(b));
            if same_shape || ra == rb || !cluster_docs[&ra].is_disjoint(&cluster_docs[&rb]) {
                continue;
            }
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            if puf.union(lo, hi) {
                preason.insert(hi, "same given name and shared affiliation".into());
                let root = puf.find(lo);
                let moved: BTreeSet<usize> = [ra, rb].iter().filter(|&&r| r != root).flat_map(|r| cluster_docs.remove(r).unwrap_or_default()).collect();
                cluster_docs.entry(root).or_default().extend(moved);
            }
        }
    }
    let mut persons: Vec<Entity> = Vec::new();
    let mut person_of: Vec<usize> = vec![0; prefs.len()];
    {
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for g in 0..prefs.len() {
            groups.entry(puf.find(g)).or_default().push(g);
        }
        for members in groups.values() {
            let recs: Vec<&extract::PersonRec> = members.iter().map(|&g| &docs[prefs[g].0].persons[prefs[g].1]).collect();
            let label = recs
                .iter()
                .map(|r| r.name.clone())
                .max_by(|a, b| a.split_whitespace().count().cmp(&b.split_whitespace().count()).then(b.cmp(a)))
                .unwrap_or_default();
            let mut e = Entity { label: label.clone(), ..Default::default() };
            for (&g, r) in members.iter().zip(&recs) {
                e.documents.insert(docs[prefs[g].0].document.clone());
                if r.name != label {
                    e.aliases.insert(r.name.clone());
                }
                for s in &r.surfaces {
                    if *s != label {
                        e.aliases.insert(s.clone());
                    }
                }
                e.evidence.push(r.evidence.clone());
                if let Some(why) = preason.get(&g) {
                    e.reasons.push(format!("{} ({}): {}", r.name, docs[prefs[g].0].document, why));
                }
            }
            let idx = persons.len();
            for &g in members {
                person_of[g] = idx;
            }
            persons.push(e);
        }
    }

    drop((ptoks, paffs, person_names, puf, preason));

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
        if list[i].documents.insert(doc.to_string()) {
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

    drop((topic_ix, place_ix));

    // ---- ids
    assign_ids("person", &mut persons);
    assign_ids("institution", &mut institutions);
    {
        let mut ents: Vec<Entity> = events.iter().map(|e| {
            let mut en = e.entity.clone();
            en.label = match &e.date {
                Some(d) => format!("{d} {}", e.entity.label),
                None => e.entity.label.clone(),
            };
            en
        }).collect();
        assign_ids("event", &mut ents);
        for (e, en) in events.iter_mut().zip(ents) {
            let short: String = en.id.chars().take(80).collect();
            e.entity.id = short.trim_end_matches('-').to_string();
        }
    }
    assign_ids("topic", &mut topics);
    assign_ids("place", &mut places);

    // ---- relations
    // one relation per fact: sized once rather than grown by doubling
    let mut relations = Vec::with_capacity(docs.iter().map(|x| x.facts.len()).sum());
    for (d, x) in docs.iter().enumerate() {
        let ev_id = EntityRef::new(NodeKind::Event, event_of[d]);
        let pid = |p: usize| EntityRef::new(NodeKind::Person, person_of[pref_base[d] + p]);
        let iid = |i: usize| EntityRef::new(NodeKind::Institution, inst_of[inst_base[d] + i]);
        for f in &x.facts {
            let rel = match f {
                Fact::Role { person, role, session, evidence } => Relation { source: pid(*person), target: ev_id, kind: *role, title: None, session: session.as_deref().map(Box::from), evidence: evidence.clone() },
                Fact::Affiliation { person, institution, title, evidence } => Relation { source: pid(*person), target: iid(*institution), kind: EdgeKind::AffiliatedWith, title: title.as_deref().map(Box::from), session: None, evidence: evidence.clone() },
                Fact::OrganizedBy { institution, evidence } => Relation { source: ev_id, target: iid(*institution), kind: EdgeKind::OrganizedBy, title: None, session: None, evidence: evidence.clone() },
                Fact::HeldAt { place, evidence } => Relation { source: ev_id, target: EntityRef::new(NodeKind::Place, place_map[d][*place]), kind: EdgeKind::HeldAt, title: None, session: None, evidence: evidence.clone() },
                Fact::Covers { topic, evidence } => Relation { source: ev_id, target: EntityRef::new(NodeKind::Topic, topic_map[d][*topic]), kind: EdgeKind::Covers, title: None, session: None, evidence: evidence.clone() },
                Fact::Discussed { person, topic, evidence } => Relation { source: pid(*person), target: EntityRef::new(NodeKind::Topic, topic_map[d][*topic]), kind: EdgeKind::Discussed, title: None, session: None, evidence: evidence.clone() },
                Fact::Mentions { person, evidence } => Relation { source: ev_id, target: pid(*person), kind: EdgeKind::Mentions, title: None, session: None, evidence: evidence.clone() },
            };
            relations.push(rel);
        }
    }
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

/// The words of a title that count for matching: folded, lower case, longer than three
/// letters.
fn title_words(title: &str) -> BTreeSet<String> {
    crate::text::fold(title).to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 3).map(String::from).collect()
}

/// Two reports of one day describe the same event: overlapping titles (two or more words,
/// at least half of the shorter title's) or a shared organiser.
fn same_event(ta: &BTreeSet<String>, tb: &BTreeSet<String>, orgs: &BTreeSet<usize>, e_orgs: &BTreeSet<usize>) -> bool {
    let inter = ta.intersection(tb).count();
    let title_overlap = inter * 2 >= ta.len().min(tb.len()).max(1) && inter >= 2;
    title_overlap || orgs.intersection(e_orgs).next().is_some()
}

/// Decides whether two report-level persons are one human; returns the reason.
fn same_person(a: &[String], b: &[String], same_event: bool, shared_aff: bool) -> Option<String> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let evidence = same_event || shared_aff;
    let why_ev = if shared_aff { "shared affiliation" } else { "same event" };
    if a.len() >= 2 && a.len() == b.len() && a.iter().zip(b).all(|(x, y)| similar(x, y)) {
        return Some(if a == b { "same full name".into() } else { "full name within edit distance".into() });
    }
    if a.len() == 1 && b.len() == 1 && a == b && evidence {
        return Some(format!("same single name and {why_ev}"));
    }
    if a.len() >= 2 && b.len() >= 2 && (compatible(a, b) || compatible(b, a)) && evidence {
        return Some(format!("partial name match and {why_ev}"));
    }
    None
}

/// The one distinctive word of an institution name made of a proper name and institution
/// words ("Brookings Institution", "Instituut Clingendael" → "clingendael"); `None` when
/// the rest is more than one word, or a common word, place or demonym ("Ministry of
/// Defence", "Pakistan Institute"), which would join unrelated institutions.
fn core_name(name: &str, lex: &crate::Lexicon) -> Option<String> {
    const FUNCTION: &[&str] = &["of", "for", "and", "the", "on", "in", "at", "de", "du", "des", "la", "le", "el", "y", "et", "für", "und", "der", "die", "voor", "het", "van"];
    let mut rest = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| !FUNCTION.contains(&w.to_lowercase().as_str()) && !lex.is_institution_word(w));
    let word = rest.next()?;
    let distinctive = rest.next().is_none()
        && word.chars().count() >= 4
        && word.chars().next().is_some_and(char::is_uppercase)
        && !lex.is_common_word(word)
        && !lex.is_place(word)
        && !lex.demonyms.contains(&word.to_lowercase());
    distinctive.then(|| key_token(word))
}

/// A name key without a trailing place ("institute of strategic studies islamabad").
fn strip_places(key: &str, lex: &crate::Lexicon) -> String {
    let mut w: Vec<&str> = key.split(' ').collect();
    while w.len() > 2 && w.last().is_some_and(|l| lex.is_place(l)) {
        w.pop();
    }
    w.join(" ")
}

fn assign_ids(kind: &str, list: &mut [Entity]) {
    // order by (label, first document) so ids do not depend on input order
    let mut order: Vec<usize> = (0..list.len()).collect();
    order.sort_by(|&a, &b| (&list[a].label, list[a].documents.iter().next()).cmp(&(&list[b].label, list[b].documents.iter().next())));
    let mut used: HashMap<String, usize> = HashMap::new();
    for i in order {
        let base = format!("{kind}:{}", slug(&list[i].label));
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        list[i].id = if *n == 1 { base } else { format!("{base}-{n}") };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_name_table() {
        let lex = crate::Lexicon::builtin();
        let cases: &[(&str, Option<&str>)] = &[
            ("Clingendael Institute", Some("clingendael")),
            ("Instituut Clingendael", Some("clingendael")),
            ("The Brookings Institution", Some("brookings")),
            ("Ministry of Defence", None),
            ("Pakistan Institute", None),
            ("Institute of Strategic Studies", None),
            ("Centre for Strategic and International Studies", None),
            ("Carnegie Mellon University", None),
        ];
        for (name, want) in cases {
            assert_eq!(core_name(name, &lex).as_deref(), *want, "{name}");
        }
    }
}
