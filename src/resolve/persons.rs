//! Person resolution: report-level persons become corpus-wide persons (the rules are in
//! the [module docs](super)).
//!
//! Names are interned ([`Names`]): a comparison looks at token ids, and the edit distance
//! is computed only for tokens of compatible shape. Blocks are judged in parallel — a
//! pair's verdict depends only on the two persons, not on earlier merges — and the
//! verdicts are applied in the order of the blocks and of the pairs in them, so the
//! merges, and the reason recorded for each, are those of a sequential run.
//!
//! Complexity, for m mentions of N distinct names with k tokens each: O(m + N · k) to
//! intern, O(N log N) to rank the names, O(m · k · (MAX_BLOCK + WINDOW)) pair verdicts at
//! most (over the threads), O(m α(m)) for the merges.

use super::names::{Names, SimilarMemo, Tok};
use super::union::Constrained;
use super::{entity, user_rules, Entity, Member, Reasons, MAX_BLOCK, WINDOW};
use crate::extract::{compatible, name_keys, Extraction, Fact};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Blocks judged in parallel before their verdicts are applied: bounds the memory held
/// by verdicts not yet applied.
const BATCH: usize = 64;

/// What backs a partial-name merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Backing {
    SharedAffiliation,
    SameEvent,
}

/// Why two report-level persons are one human.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    SameFullName,
    FullNameEdit,
    SameNameButHyphens,
    SingleName(Backing),
    Partial(Backing),
    GivenAtInstitution,
}

impl Why {
    fn text(self) -> &'static str {
        match self {
            Why::SameFullName => "same full name",
            Why::FullNameEdit => "full name within edit distance",
            Why::SameNameButHyphens => "same full name but for hyphens",
            Why::SingleName(Backing::SharedAffiliation) => "same single name and shared affiliation",
            Why::SingleName(Backing::SameEvent) => "same single name and same event",
            Why::Partial(Backing::SharedAffiliation) => "partial name match and shared affiliation",
            Why::Partial(Backing::SameEvent) => "partial name match and same event",
            Why::GivenAtInstitution => "same given name and shared affiliation",
        }
    }
}

/// What a pair verdict needs of a mention, in one place.
#[derive(Debug, Clone, Copy)]
struct Info {
    /// Report.
    doc: u32,
    /// Name.
    name: u32,
    /// Event of the report.
    event: u32,
    /// `affs[aff.0..aff.1]`: the institutions (entity numbers, sorted) the mention is
    /// affiliated with.
    aff: (u32, u32),
}

/// The report-level persons of a corpus, numbered in report order (`g`).
struct Mentions<'a> {
    docs: &'a [&'a Extraction],
    names: Names,
    info: Vec<Info>,
    /// Per mention: position in its report's persons.
    local: Vec<u32>,
    affs: Vec<u32>,
}

impl<'a> Mentions<'a> {
    /// Folds and interns the names (folding in parallel) and gathers each mention's
    /// affiliations.
    fn new(docs: &'a [&'a Extraction], inst_of: &[usize], inst_base: &[usize], event_of: &[usize]) -> Mentions<'a> {
        let per_doc: Vec<(Vec<Vec<String>>, Vec<Vec<u32>>)> = docs
            .par_iter()
            .enumerate()
            .map(|(d, x)| {
                let toks = x.persons.iter().map(|p| name_keys(p.name.split_whitespace())).collect();
                let mut affs: Vec<Vec<u32>> = vec![Vec::new(); x.persons.len()];
                for f in &x.facts {
                    if let Fact::Affiliation { person, institution, .. } = f {
                        if let Some(a) = affs.get_mut(*person) {
                            a.push(inst_of[inst_base[d] + institution] as u32);
                        }
                    }
                }
                for a in &mut affs {
                    a.sort_unstable();
                    a.dedup();
                }
                (toks, affs)
            })
            .collect();
        let mut m = Mentions { docs, names: Names::new(), info: Vec::new(), local: Vec::new(), affs: Vec::new() };
        for (d, (toks, affs)) in per_doc.into_iter().enumerate() {
            for (p, (t, a)) in toks.into_iter().zip(affs).enumerate() {
                let start = m.affs.len() as u32;
                m.affs.extend(a);
                let name = m.names.intern(t);
                m.info.push(Info { doc: d as u32, name, event: event_of[d] as u32, aff: (start, m.affs.len() as u32) });
                m.local.push(p as u32);
            }
        }
        m
    }

    fn len(&self) -> usize {
        self.info.len()
    }

    fn doc(&self, g: usize) -> usize {
        self.info[g].doc as usize
    }

    fn name(&self, g: usize) -> u32 {
        self.info[g].name
    }

    fn toks(&self, g: usize) -> &[Tok] {
        self.names.toks(self.name(g))
    }

    fn affs(&self, g: usize) -> &[u32] {
        let (start, end) = self.info[g].aff;
        &self.affs[start as usize..end as usize]
    }

    fn record(&self, g: usize) -> &'a crate::extract::PersonRec {
        &self.docs[self.doc(g)].persons[self.local[g] as usize]
    }

    fn document(&self, g: usize) -> &'a str {
        &self.docs[self.doc(g)].document
    }

    /// Whether two mentions of different reports are one human, and why. Pure: depends
    /// only on the two mentions (`memo` only remembers token comparisons).
    fn judge(&self, a: usize, b: usize, memo: &mut SimilarMemo) -> Option<Why> {
        let (ia, ib) = (self.info[a], self.info[b]);
        if ia.doc == ib.doc {
            return None;
        }
        let (na, nb) = (ia.name, ib.name);
        let (ta, tb) = (self.names.toks(na), self.names.toks(nb));
        if ta.is_empty() || tb.is_empty() {
            return None;
        }
        if ta.len() >= 2 && ta.len() == tb.len() && ta.iter().zip(tb).all(|(&x, &y)| self.names.similar(x, y, memo)) {
            return Some(if na == nb { Why::SameFullName } else { Why::FullNameEdit });
        }
        let (sa, sb) = (self.names.strings(na), self.names.strings(nb));
        // "Zainab Abubakar-Lawal" and "Zainab Abubakar Lawal"
        if ta.len() >= 2 && tb.len() >= 2 && ta.len() != tb.len() && same_but_hyphens(sa, sb) {
            return Some(Why::SameNameButHyphens);
        }
        let backing = if sorted_intersect(self.affs(a), self.affs(b)) {
            Backing::SharedAffiliation
        } else if ia.event == ib.event {
            Backing::SameEvent
        } else {
            return None;
        };
        if ta.len() == 1 && tb.len() == 1 && na == nb {
            return Some(Why::SingleName(backing));
        }
        if ta.len() >= 2 && tb.len() >= 2 && (compatible(sa, sb) || compatible(sb, sa)) {
            return Some(Why::Partial(backing));
        }
        None
    }

    /// The verdicts of a block, in the order a sequential run meets its pairs: every
    /// pair of a block of at most [`MAX_BLOCK`]; in a larger one (a token as common as
    /// "Muhammad"), its members sorted by name, each with the next [`WINDOW`].
    fn judge_block(&self, members: &mut [u32], rank: &[u32], memo: &mut SimilarMemo) -> Vec<(u32, u32, Why)> {
        let mut hits = Vec::new();
        let mut judge = |a: u32, b: u32| {
            if let Some(why) = self.judge(a as usize, b as usize, memo) {
                hits.push((a.min(b), a.max(b), why));
            }
        };
        if members.len() <= MAX_BLOCK {
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    judge(a, b);
                }
            }
        } else {
            members.sort_unstable_by_key(|&g| (rank[self.name(g as usize) as usize], g));
            for (i, &a) in members.iter().enumerate() {
                for &b in members[i + 1..].iter().take(WINDOW) {
                    judge(a, b);
                }
            }
        }
        hits
    }

    /// The blocks, in the order of their keys: a token of three or more letters, or `#`
    /// and the first three letters of the family (last) name — a typo in every token
    /// still shares that prefix. A mention is in the block of each of its name's tokens.
    fn blocks(&self) -> Vec<Vec<u32>> {
        let mut key_ix: FxHashMap<String, u32> = FxHashMap::default();
        let mut keys: Vec<String> = Vec::new();
        let mut intern = |k: Cow<str>| -> u32 {
            if let Some(&b) = key_ix.get(k.as_ref()) {
                return b;
            }
            let b = keys.len() as u32;
            keys.push(k.to_string());
            key_ix.insert(k.into_owned(), b);
            b
        };
        let name_blocks: Vec<Vec<u32>> = (0..self.names.len() as u32)
            .map(|n| {
                let toks = self.names.toks(n);
                let mut bs: Vec<u32> = toks.iter().filter(|&&t| self.names.chars(t) >= 3).map(|&t| intern(Cow::Borrowed(self.names.text(t)))).collect();
                if let Some(&last) = toks.last() {
                    bs.push(intern(Cow::Owned(format!("#{}", self.names.text(last).chars().take(3).collect::<String>()))));
                }
                bs
            })
            .collect();
        let mut blocks: Vec<Vec<u32>> = vec![Vec::new(); keys.len()];
        for g in 0..self.len() {
            for &b in &name_blocks[self.name(g) as usize] {
                blocks[b as usize].push(g as u32);
            }
        }
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_unstable_by(|&a, &b| keys[a].cmp(&keys[b]));
        let mut slots: Vec<Option<Vec<u32>>> = blocks.into_iter().map(Some).collect();
        order.into_iter().filter_map(|b| slots[b].take()).collect()
    }
}

/// Whether two names have the same words once hyphens are read as spaces (no allocation:
/// it runs on every pair of a block whose names differ in length).
fn same_but_hyphens(a: &[String], b: &[String]) -> bool {
    fn words(v: &[String]) -> impl Iterator<Item = &str> {
        v.iter().flat_map(|t| t.split('-')).filter(|w| !w.is_empty())
    }
    let hyphen = |v: &[String]| v.iter().any(|t| t.contains('-'));
    (hyphen(a) || hyphen(b)) && words(a).eq(words(b))
}

/// Joins the clusters of `lo` and `hi` unless forbidden, recording why on `hi`; false
/// when they were already one or may not be.
fn join(puf: &mut Constrained, reasons: &mut Reasons, lo: usize, hi: usize, why: Why) -> bool {
    let joined = puf.union(lo, hi);
    if joined {
        reasons.insert(hi, Cow::Borrowed(why.text()));
    }
    joined
}

/// Two sorted lists share an element.
fn sorted_intersect(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Resolves the persons of `docs` (sorted by report name); `inst_of[inst_base[d] + i]` is
/// the institution entity of report `d`'s institution `i`, `event_of[d]` its event.
/// Returns the persons and, for report `d`'s person `p`, its entity at
/// `person_of[pref_base[d] + p]`, with `pref_base`.
pub(super) fn resolve_persons(
    docs: &[&Extraction],
    rules: &super::aliases::Rules,
    inst_of: &[usize],
    inst_base: &[usize],
    event_of: &[usize],
) -> (Vec<Entity>, Vec<usize>, Vec<usize>) {
    let m = Mentions::new(docs, inst_of, inst_base, event_of);
    let mut pref_base = Vec::with_capacity(docs.len());
    let mut n = 0;
    for x in docs {
        pref_base.push(n);
        n += x.persons.len();
    }
    let person_names: Vec<&str> = (0..m.len()).map(|g| m.record(g).name.as_str()).collect();
    let (mut puf, mut reasons) = user_rules(&person_names, rules);
    drop(person_names);

    // the same full name (two or more tokens) in several reports: one person, joined by
    // the name's id rather than by comparing pairs; names in the order of their tokens
    let rank = m.names.ranks();
    let mut of_name: Vec<Vec<u32>> = vec![Vec::new(); m.names.len()];
    for g in 0..m.len() {
        if m.toks(g).len() >= 2 {
            of_name[m.name(g) as usize].push(g as u32);
        }
    }
    let mut by_rank: Vec<usize> = (0..m.names.len()).collect();
    by_rank.sort_unstable_by_key(|&n| rank[n]);
    for n in by_rank {
        let members = &of_name[n];
        // members are in report order: several reports when the first and last differ
        let (Some(&first), Some(&last)) = (members.first(), members.last()) else { continue };
        if m.doc(first as usize) == m.doc(last as usize) {
            continue;
        }
        for &g in &members[1..] {
            join(&mut puf, &mut reasons, first as usize, g as usize, Why::SameFullName);
        }
    }
    drop(of_name);

    // pairs inside blocks, judged in parallel, joined in order
    let mut blocks = m.blocks();
    for batch in blocks.chunks_mut(BATCH) {
        let hits: Vec<Vec<(u32, u32, Why)>> = batch.par_iter_mut().map_init(SimilarMemo::default, |memo, members| m.judge_block(members, &rank, memo)).collect();
        for (lo, hi, why) in hits.into_iter().flatten() {
            join(&mut puf, &mut reasons, lo as usize, hi as usize, why);
        }
    }
    drop(blocks);

    given_name_at_institution(&m, &mut puf, &mut reasons);

    let groups = puf.uf.groups();
    let slices = groups.slices();
    let persons: Vec<Entity> = slices.par_iter().map(|members| person_entity(&m, members, &reasons)).collect();
    let mut person_of = vec![0; m.len()];
    for (i, members) in slices.iter().enumerate() {
        for &g in *members {
            person_of[g] = i;
        }
    }
    (persons, person_of, pref_base)
}

/// The same given name at a shared institution ("Taimur Fahad" ~ "Taimur Khan"), only
/// when that institution has no third person of that given name: otherwise it is
/// ambiguous which of them is meant, and two differing full names of the same shape
/// ("Muhammad Bilal Khan", "Muhammad Usman Khan") are two people anyway.
///
/// Complexity: O(a log a) for the a (mention, affiliation) pairs, plus the merges of the
/// clusters' report lists.
fn given_name_at_institution(m: &Mentions, puf: &mut Constrained, reasons: &mut Reasons) {
    // (institution, given name, cluster, mention), in the order of institution, given
    // name (as text), cluster, mention
    let mut entries: Vec<(u32, Tok, usize, usize)> = Vec::new();
    for g in 0..m.len() {
        let toks = m.toks(g);
        if toks.len() < 2 {
            continue;
        }
        let root = puf.find(g);
        entries.extend(m.affs(g).iter().map(|&inst| (inst, toks[0], root, g)));
    }
    entries.sort_unstable_by(|a, b| (a.0, m.names.text(a.1), a.2, a.3).cmp(&(b.0, m.names.text(b.1), b.2, b.3)));
    // the reports of each cluster (sorted), kept up to date as clusters join
    let mut cluster_docs: FxHashMap<usize, Vec<u32>> = FxHashMap::default();
    for members in puf.uf.groups().slices() {
        let mut docs: Vec<u32> = members.iter().map(|&g| m.info[g].doc).collect();
        docs.dedup();
        cluster_docs.insert(puf.find(members[0]), docs);
    }
    for same_key in entries.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        // the first mention of each cluster; exactly two clusters
        let mut firsts = same_key.chunk_by(|a, b| a.2 == b.2).map(|c| c[0].3);
        let (Some(a), Some(b), None) = (firsts.next(), firsts.next(), firsts.next()) else { continue };
        let (la, lb) = (m.toks(a).len(), m.toks(b).len());
        let same_shape = la == lb && la >= 3;
        let (ra, rb) = (puf.find(a), puf.find(b));
        if same_shape || ra == rb || sorted_intersect(&cluster_docs[&ra], &cluster_docs[&rb]) {
            continue;
        }
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        if join(puf, reasons, lo, hi, Why::GivenAtInstitution) {
            let root = puf.find(lo);
            let moved: Vec<u32> = [ra, rb].iter().filter(|&&r| r != root).flat_map(|r| cluster_docs.remove(r).unwrap_or_default()).collect();
            let kept = cluster_docs.entry(root).or_default();
            let mut all: Vec<u32> = kept.iter().copied().chain(moved).collect();
            all.sort_unstable();
            all.dedup();
            *kept = all;
        }
    }
}

/// The entity of a cluster of mentions: labelled with the fullest name (most words, then
/// the first in text order).
fn person_entity(m: &Mentions, members: &[usize], reasons: &Reasons) -> Entity {
    let recs: Vec<&crate::extract::PersonRec> = members.iter().map(|&g| m.record(g)).collect();
    let label = recs
        .iter()
        .map(|r| r.name.as_str())
        .max_by(|a, b| a.split_whitespace().count().cmp(&b.split_whitespace().count()).then(b.cmp(a)))
        .unwrap_or_default();
    let records = members.iter().zip(&recs).map(|(&g, r)| Member { doc: m.document(g), name: &r.name, evidence: &r.evidence, reason: reasons.get(&g).map(|w| w.as_ref()) });
    let surfaces = recs.iter().flat_map(|r| r.surfaces.iter().map(String::as_str));
    entity(label.to_string(), records, surfaces)
}

#[cfg(test)]
mod tests {
    use super::same_but_hyphens;

    #[test]
    fn hyphens_read_as_spaces() {
        let v = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(same_but_hyphens(&v("zainab abubakar-lawal"), &v("zainab abubakar lawal")));
        assert!(same_but_hyphens(&v("jean-baptiste essomba"), &v("jean baptiste essomba")));
        assert!(!same_but_hyphens(&v("zainab abubakar"), &v("zainab abubakar lawal")));
        assert!(!same_but_hyphens(&v("ana maria lopez"), &v("ana lopez")));
    }
}
