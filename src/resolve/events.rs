//! Event resolution: a report joins an earlier event of the same day that shares a title
//! word or an organiser and passes [`same_event`]; otherwise it starts a new event.
//!
//! Title words and organisers are gathered in parallel; the joins run in report order (an
//! event's words and organisers grow as reports join it). Days and words are numbered, so
//! the blocks are keyed by pairs of numbers and titles compared as sorted number lists.
//!
//! Complexity, for D reports and c candidate events per report (events of that day
//! sharing a word or an organiser): O(D · c) comparisons of short sorted lists.

use super::{EventEntity, Entity};
use crate::extract::{Extraction, Fact};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Numbers for strings, in order of first appearance.
#[derive(Default)]
struct Numbering<'a>(FxHashMap<&'a str, u32>);

impl<'a> Numbering<'a> {
    fn get(&mut self, s: &'a str) -> u32 {
        let n = self.0.len() as u32;
        *self.0.entry(s).or_insert(n)
    }
}

/// Resolves the events of `docs` (sorted by report name), one per report at most;
/// `inst_of[inst_base[d] + i]` is the institution entity of report `d`'s institution `i`.
/// Returns the events and the event of each report.
pub(super) fn resolve_events(docs: &[&Extraction], inst_of: &[usize], inst_base: &[usize]) -> (Vec<EventEntity>, Vec<usize>) {
    // per report: organisers (institution entities, sorted) and title words (sorted)
    let facts: Vec<(Vec<u32>, Vec<String>)> = docs
        .par_iter()
        .enumerate()
        .map(|(d, x)| {
            let mut orgs: Vec<u32> = x
                .facts
                .iter()
                .filter_map(|f| if let Fact::OrganizedBy { institution, .. } = f { Some(inst_of[inst_base[d] + institution] as u32) } else { None })
                .collect();
            orgs.sort_unstable();
            orgs.dedup();
            (orgs, title_words(x.event.title.as_deref().unwrap_or("")))
        })
        .collect();
    let mut days = Numbering::default();
    let mut word_ids = Numbering::default();
    let mut events: Vec<EventEntity> = Vec::new();
    let mut event_orgs: Vec<Vec<u32>> = Vec::new();
    let mut event_words: Vec<Vec<u32>> = Vec::new();
    let mut by_word: FxHashMap<(u32, u32), Vec<usize>> = FxHashMap::default();
    let mut by_org: FxHashMap<(u32, u32), Vec<usize>> = FxHashMap::default();
    let mut event_of: Vec<usize> = vec![0; docs.len()];
    for (d, (x, (orgs, words))) in docs.iter().zip(&facts).enumerate() {
        let mut words: Vec<u32> = words.iter().map(|w| word_ids.get(w)).collect();
        words.sort_unstable();
        // a full date (YYYY-MM-DD) is needed to join two reports
        let day = x.event.date.as_deref().filter(|day| day.len() >= 10).map(|day| days.get(day));
        let found = day.and_then(|day| {
            let mut cands: Vec<usize> = words
                .iter()
                .filter_map(|&w| by_word.get(&(day, w)))
                .chain(orgs.iter().filter_map(|&o| by_org.get(&(day, o))))
                .flatten()
                .copied()
                .collect();
            cands.sort_unstable();
            cands.dedup();
            cands.into_iter().find(|&e| same_event(&event_words[e], &words, orgs, &event_orgs[e]))
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
                event_orgs.push(Vec::new());
                let e = events.len() - 1;
                if let Some(day) = day {
                    for &w in &words {
                        by_word.entry((day, w)).or_default().push(e);
                    }
                }
                event_words.push(words);
                e
            }
        };
        if let Some(day) = day {
            for &o in orgs.iter().filter(|o| event_orgs[idx].binary_search(o).is_err()) {
                by_org.entry((day, o)).or_default().push(idx);
            }
        }
        let known = &mut event_orgs[idx];
        known.extend(orgs);
        known.sort_unstable();
        known.dedup();
        let e = &mut events[idx];
        if found.is_some() {
            e.entity.reasons.push(format!("{}: same date {} and shared title words or organiser", x.document, x.event.date.as_deref().unwrap_or("?")));
            if let Some(t) = &x.event.title {
                if *t != e.entity.label {
                    e.entity.aliases.insert(t.clone());
                }
            }
            if e.venue.is_none() {
                e.venue = x.event.venue.clone();
            }
            if e.city.is_none() {
                e.city = x.event.city.clone();
            }
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
    (events, event_of)
}

/// The words of a title that count for matching: folded, lower case, longer than three
/// letters; sorted, without repeats.
fn title_words(title: &str) -> Vec<String> {
    let mut w: Vec<String> = crate::text::fold(title).to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 3).map(String::from).collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// Number of elements two sorted lists share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Two reports of one day describe the same event: overlapping titles (two or more words,
/// at least half of the shorter title's) or a shared organiser. All lists sorted.
fn same_event(ta: &[u32], tb: &[u32], orgs: &[u32], e_orgs: &[u32]) -> bool {
    let inter = shared(ta, tb);
    let title_overlap = inter * 2 >= ta.len().min(tb.len()).max(1) && inter >= 2;
    title_overlap || shared(orgs, e_orgs) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_words_are_folded_long_and_unique() {
        assert_eq!(title_words("Seminar on Côte d'Ivoire: the Côte and the Seminar"), ["cote", "ivoire", "seminar"]);
        assert!(title_words("").is_empty());
    }

    #[test]
    fn same_event_needs_two_shared_words_or_an_organiser() {
        assert!(same_event(&[1, 2, 3], &[2, 3, 9], &[], &[]));
        assert!(!same_event(&[1, 2, 3], &[3, 9], &[], &[]), "one shared word");
        assert!(!same_event(&[1, 2, 3, 4, 5, 6], &[1, 2, 7, 8, 9, 10], &[], &[]), "two of six");
        assert!(same_event(&[1], &[2], &[4, 7], &[1, 7]), "shared organiser");
        assert_eq!(shared(&[1, 3, 5, 7], &[3, 4, 5, 8]), 2);
    }
}
