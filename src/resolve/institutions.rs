//! Institution resolution: report-level institutions become corpus-wide institutions (the
//! rules are in the [module docs](super)).
//!
//! The name keys and initials of each record are computed in parallel; the joins through
//! them run in record order, as they decide which record anchors a key; the entities are
//! built in parallel.
//!
//! Complexity, for n records with k keys each: O(n · k) key computations (over the
//! threads) and hash-map look-ups, O(n α(n)) for the merges.

use super::union::Constrained;
use super::{entity, user_rules, Entity, Member, Reasons};
use crate::extract::institution::is_acronym;
use crate::extract::{inst_key, key_token, Extraction, InstRec};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// The roots of the clusters an acronym may stand for: one, or several (ambiguous).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    One(usize),
    Several,
}

impl Target {
    fn add(slot: &mut Option<Target>, root: usize) {
        *slot = match *slot {
            None => Some(Target::One(root)),
            Some(Target::One(r)) if r == root => Some(Target::One(r)),
            _ => Some(Target::Several),
        };
    }

    fn one(slot: Option<&Option<Target>>) -> Option<usize> {
        match slot {
            Some(Some(Target::One(r))) => Some(*r),
            _ => None,
        }
    }
}

/// Resolves the institutions of `docs` (sorted by report name). Returns the institutions
/// and, for report `d`'s institution `i`, its entity at `inst_of[inst_base[d] + i]`, with
/// `inst_base`.
pub(super) fn resolve_institutions(docs: &[&Extraction], lex: &crate::Lexicon, rules: &super::aliases::Rules) -> (Vec<Entity>, Vec<usize>, Vec<usize>) {
    let mut refs: Vec<(usize, usize)> = Vec::new(); // (doc, local)
    let mut inst_base: Vec<usize> = Vec::new();
    for (d, x) in docs.iter().enumerate() {
        inst_base.push(refs.len());
        refs.extend((0..x.institutions.len()).map(|i| (d, i)));
    }
    let rec = |g: usize| -> &InstRec { &docs[refs[g].0].institutions[refs[g].1] };
    let names: Vec<&str> = (0..refs.len()).map(|g| rec(g).name.as_str()).collect();
    let (mut iuf, mut reasons) = user_rules(&names, rules);
    drop(names);
    // (name keys, initials) of each record that is not a bare acronym
    let keys: Vec<Option<(Vec<String>, String)>> = (0..refs.len()).into_par_iter().map(|g| Some(rec(g)).filter(|r| !r.acronym_only).map(|r| (name_keys(r, lex), crate::extract::initials(&r.name)))).collect();
    let join = |iuf: &mut Constrained, reasons: &mut Reasons, o: usize, g: usize, why: &dyn Fn() -> String| {
        if iuf.union(o, g) {
            reasons.insert(g, Cow::Owned(why()));
        }
    };
    let mut by_key: FxHashMap<&str, usize> = FxHashMap::default();
    for (g, k) in keys.iter().enumerate() {
        for k in k.iter().flat_map(|(ks, _)| ks).filter(|k| !k.is_empty()) {
            match by_key.get(k.as_str()) {
                Some(&o) => join(&mut iuf, &mut reasons, o, g, &|| format!("same name key \"{k}\"")),
                None => {
                    by_key.insert(k, g);
                }
            }
        }
    }
    drop(by_key);
    // acronyms: declared aliases first, then initials when unambiguous
    let mut acr: FxHashMap<&str, Option<Target>> = FxHashMap::default();
    let mut initials: FxHashMap<&str, Option<Target>> = FxHashMap::default();
    for (g, k) in keys.iter().enumerate() {
        let Some((_, ini)) = k else { continue };
        let root = iuf.find(g);
        for a in rec(g).aliases.iter().filter(|a| is_acronym(a)) {
            Target::add(acr.entry(a).or_default(), root);
        }
        Target::add(initials.entry(ini).or_default(), root);
    }
    for g in 0..refs.len() {
        let r = rec(g);
        let names: Vec<&String> = if r.acronym_only { vec![&r.name] } else { r.aliases.iter().filter(|a| is_acronym(a)).collect() };
        for a in names {
            if let Some(o) = Target::one(acr.get(a.as_str())).or_else(|| Target::one(initials.get(a.as_str()))) {
                join(&mut iuf, &mut reasons, o, g, &|| format!("acronym {a}"));
            }
        }
    }
    drop((acr, initials));

    let groups = iuf.uf.groups();
    let slices = groups.slices();
    let institutions: Vec<Entity> = slices
        .par_iter()
        .map(|members| {
            let recs: Vec<&InstRec> = members.iter().map(|&g| rec(g)).collect();
            // canonical: the longest non-acronym name, else the acronym
            let label = recs
                .iter()
                .filter(|r| !r.acronym_only)
                .map(|r| r.name.as_str())
                .max_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a)))
                .unwrap_or_else(|| recs[0].name.as_str());
            let records = members.iter().zip(&recs).map(|(&g, r)| Member { doc: &docs[refs[g].0].document, name: &r.name, evidence: &r.evidence, reason: reasons.get(&g).map(|w| w.as_ref()) });
            let declared = recs.iter().flat_map(|r| r.aliases.iter().map(String::as_str));
            let mut e = entity(label.to_string(), records, declared);
            e.subtype = recs.iter().find(|r| !r.acronym_only).map(|r| r.kind.clone());
            e
        })
        .collect();
    let mut inst_of = vec![0; refs.len()];
    for (i, members) in slices.iter().enumerate() {
        for &g in *members {
            inst_of[g] = i;
        }
    }
    (institutions, inst_of, inst_base)
}

/// The keys under which records of one institution meet, in the order they are tried:
/// the folded name, the name without a trailing place, for media the leading acronym
/// ("PTV News", "PTV World News"), the folded declared names, and the core name.
fn name_keys(r: &InstRec, lex: &crate::Lexicon) -> Vec<String> {
    let key = inst_key(&r.name);
    let stripped = strip_places(&key, lex);
    let mut keys = vec![key, stripped];
    // one broadcaster or paper under several programme names: "PTV News", "PTV World News"
    if r.kind == "media" {
        if let Some(first) = r.name.split_whitespace().next().filter(|w| is_acronym(w) && w.len() >= 2) {
            keys.push(format!("media:{first}"));
        }
    }
    keys.extend(r.aliases.iter().filter(|a| !is_acronym(a)).map(|a| inst_key(a)));
    // one proper name and institution words, in any language and order:
    // "Clingendael Institute" ~ "Instituut Clingendael"
    keys.extend(core_name(&r.name, lex).map(|c| format!("core:{c}")));
    keys
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

/// A name key without a trailing place ("institute of strategic studies islamabad"); a
/// place after a joining word is part of the name ("government of kenya", "embassy of
/// russia in pakistan").
fn strip_places(key: &str, lex: &crate::Lexicon) -> String {
    let mut w: Vec<&str> = key.split(' ').collect();
    while w.len() > 2 && w.last().is_some_and(|l| lex.is_place(l)) && !matches!(w[w.len() - 2], "of" | "in" | "for" | "and" | "the" | "at" | "de" | "du" | "des" | "do" | "da" | "del") {
        w.pop();
    }
    w.join(" ")
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

    #[test]
    fn a_trailing_place_goes_unless_a_joining_word_holds_it() {
        let lex = crate::Lexicon::builtin();
        let cases: &[(&str, &str)] = &[
            ("institute of strategic studies islamabad", "institute of strategic studies"),
            ("government of kenya", "government of kenya"),
            ("embassy of russia in pakistan", "embassy of russia in pakistan"),
        ];
        for (key, want) in cases {
            assert_eq!(strip_places(key, &lex), *want, "{key}");
        }
    }

    #[test]
    fn an_acronym_targets_one_cluster_or_none() {
        let mut slot = None;
        assert_eq!(Target::one(Some(&slot)), None);
        Target::add(&mut slot, 4);
        Target::add(&mut slot, 4);
        assert_eq!(Target::one(Some(&slot)), Some(4));
        Target::add(&mut slot, 2);
        assert_eq!(Target::one(Some(&slot)), None);
        Target::add(&mut slot, 4);
        assert_eq!(slot, Some(Target::Several));
        assert_eq!(Target::one(None), None);
    }
}
