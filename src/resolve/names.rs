//! Interned person names: each distinct folded token and each distinct name (a sequence
//! of tokens) gets a number, so that resolution compares numbers instead of strings and
//! keeps one copy of each name however many reports mention it.

use crate::extract::similar;
use rustc_hash::FxHashMap;
use std::cmp::Ordering;

/// A token id.
pub(super) type Tok = u32;

/// Verdicts of [`Names::similar`] already computed, for pairs of distinct tokens (smaller
/// id first) that needed the edit distance: the same given and family names meet again
/// and again.
pub(super) type SimilarMemo = FxHashMap<(Tok, Tok), bool>;

/// The distinct tokens and names of a corpus.
#[derive(Default)]
pub(super) struct Names {
    /// Token strings, by token id.
    tokens: Vec<String>,
    /// Per token: number of chars and first char.
    shape: Vec<(u32, Option<char>)>,
    tok_ix: FxHashMap<String, Tok>,
    /// Per name: its tokens as strings (for [`crate::extract::compatible`]).
    strings: Vec<Vec<String>>,
    /// `start[n]..start[n + 1]` are the token ids of name `n` in `toks`.
    start: Vec<usize>,
    toks: Vec<Tok>,
    name_ix: FxHashMap<Box<[Tok]>, u32>,
}

impl Names {
    /// No names yet.
    pub fn new() -> Names {
        Names { start: vec![0], ..Default::default() }
    }

    /// The id of a name given as folded tokens, added if new. Complexity: O(k) hashing
    /// for k tokens.
    pub fn intern(&mut self, tokens: Vec<String>) -> u32 {
        let ids: Vec<Tok> = tokens.iter().map(|t| self.token(t)).collect();
        if let Some(&n) = self.name_ix.get(ids.as_slice()) {
            return n;
        }
        let n = self.strings.len() as u32;
        self.toks.extend_from_slice(&ids);
        self.start.push(self.toks.len());
        self.strings.push(tokens);
        self.name_ix.insert(ids.into_boxed_slice(), n);
        n
    }

    fn token(&mut self, t: &str) -> Tok {
        if let Some(&id) = self.tok_ix.get(t) {
            return id;
        }
        let id = self.tokens.len() as Tok;
        self.tokens.push(t.to_string());
        self.shape.push((t.chars().count() as u32, t.chars().next()));
        self.tok_ix.insert(t.to_string(), id);
        id
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.strings.len()
    }

    /// The token ids of a name.
    pub fn toks(&self, n: u32) -> &[Tok] {
        &self.toks[self.start[n as usize]..self.start[n as usize + 1]]
    }

    /// The tokens of a name.
    pub fn strings(&self, n: u32) -> &[String] {
        &self.strings[n as usize]
    }

    /// A token's string.
    pub fn text(&self, t: Tok) -> &str {
        &self.tokens[t as usize]
    }

    /// A token's number of chars.
    pub fn chars(&self, t: Tok) -> usize {
        self.shape[t as usize].0 as usize
    }

    /// [`crate::extract::similar`] of two tokens, by id: the cheap necessary conditions
    /// (same first letter, four or more letters each, lengths within the edit distance
    /// allowed) are checked on the stored shapes before the edit distance is computed,
    /// once per pair of tokens (`memo`).
    pub fn similar(&self, a: Tok, b: Tok, memo: &mut SimilarMemo) -> bool {
        if a == b {
            return true;
        }
        let ((la, fa), (lb, fb)) = (self.shape[a as usize], self.shape[b as usize]);
        if la < 4 || lb < 4 || fa != fb {
            return false;
        }
        // an edit distance is at least the difference in length
        let diff = la.abs_diff(lb);
        if diff > 2 || (diff == 2 && la.min(lb) < 7) {
            return false;
        }
        let key = if a < b { (a, b) } else { (b, a) };
        *memo.entry(key).or_insert_with(|| similar(self.text(a), self.text(b)))
    }

    /// The rank of each name in the order of its token strings (equal ranks for equal
    /// names never occur: names are distinct). Complexity: O(N log N) comparisons.
    pub fn ranks(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.cmp_names(a, b));
        let mut rank = vec![0u32; self.len()];
        for (r, &n) in order.iter().enumerate() {
            rank[n as usize] = r as u32;
        }
        rank
    }

    fn cmp_names(&self, a: u32, b: u32) -> Ordering {
        self.strings(a).cmp(self.strings(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn interns_tokens_and_names_once() {
        let mut n = Names::new();
        let a = n.intern(v("muhammad tariq khan"));
        let b = n.intern(v("muhammad tarik khan"));
        assert_eq!(n.intern(v("muhammad tariq khan")), a);
        assert_ne!(a, b);
        assert_eq!(n.len(), 2);
        assert_eq!(n.toks(a)[0], n.toks(b)[0], "one id for one token");
        assert_eq!(n.strings(b), v("muhammad tarik khan").as_slice());
        assert_eq!(n.text(n.toks(a)[2]), "khan");
        let e = n.intern(Vec::new());
        assert!(n.toks(e).is_empty());
    }

    #[test]
    fn similar_by_id_agrees_with_similar_by_text() {
        let words = ["khalid", "kahlid", "khaled", "irina", "irena", "ali", "alli", "volkhonsky", "volkhnosky", "volkonsky", "vlokhonsky", "khan", "khanum", "serenko", "zigon", "zigonn", "abcdefg", "abcdefghi", "ábcd"];
        let mut n = Names::new();
        let names: Vec<u32> = words.iter().map(|w| n.intern(vec![w.to_string()])).collect();
        let ids: Vec<Tok> = names.iter().map(|&m| n.toks(m)[0]).collect();
        let mut memo = SimilarMemo::default();
        for _ in 0..2 {
            for (i, a) in words.iter().enumerate() {
                for (j, b) in words.iter().enumerate() {
                    assert_eq!(n.similar(ids[i], ids[j], &mut memo), similar(a, b), "{a} ~ {b}");
                }
            }
        }
        assert!(!memo.is_empty() && memo.len() < words.len() * words.len() / 2, "only pairs of compatible shape are computed");
    }

    #[test]
    fn ranks_follow_token_order() {
        let mut n = Names::new();
        let names = ["zafar iqbal", "ali khan", "ali", "ali khan zada", "ahmed"];
        let ids: Vec<u32> = names.iter().map(|s| n.intern(v(s))).collect();
        let r = n.ranks();
        let mut by_rank: Vec<&str> = names.to_vec();
        by_rank.sort_by_key(|s| r[ids[names.iter().position(|x| x == s).unwrap()] as usize]);
        assert_eq!(by_rank, ["ahmed", "ali", "ali khan", "ali khan zada", "zafar iqbal"]);
    }
}
