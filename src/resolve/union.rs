//! A union-find (disjoint sets) with path halving and union by size.

use rustc_hash::FxHashMap;

/// Disjoint sets over `0..n`, stored as `u32` (the elements are records held in memory,
/// far fewer than 2³²).
pub(crate) struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    pub fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n as u32).collect(), size: vec![1; n] }
    }

    /// The set representative; the smallest index stays representative when sizes tie,
    /// so the result does not depend on the order of unions.
    pub fn find(&mut self, x: usize) -> usize {
        let mut x = x as u32;
        while self.parent[x as usize] != x {
            let up = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = up;
            x = up;
        }
        x as usize
    }

    /// Joins the sets of `a` and `b`; false when already joined.
    pub fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (keep, drop) = if self.size[ra] > self.size[rb] || (self.size[ra] == self.size[rb] && ra < rb) { (ra, rb) } else { (rb, ra) };
        self.parent[drop] = keep as u32;
        self.size[keep] += self.size[drop];
        true
    }

    /// The sets, ordered by representative, each as its members in increasing order.
    ///
    /// Complexity: O(n · α(n)) — a counting sort by representative, no comparisons.
    pub fn groups(&mut self) -> Groups {
        let n = self.parent.len();
        let roots: Vec<usize> = (0..n).map(|x| self.find(x)).collect();
        let mut start = vec![0usize; n + 1];
        for &r in &roots {
            start[r + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut next = start.clone();
        let mut members = vec![0usize; n];
        for (x, &r) in roots.iter().enumerate() {
            members[next[r]] = x;
            next[r] += 1;
        }
        let mut bounds = vec![0];
        bounds.extend((0..n).filter(|&r| start[r + 1] > start[r]).map(|r| start[r + 1]));
        Groups { members, bounds }
    }
}

/// The sets of a [`UnionFind`], stored one after another.
pub(crate) struct Groups {
    members: Vec<usize>,
    /// `bounds[i]..bounds[i + 1]` are the positions of set `i` in `members`.
    bounds: Vec<usize>,
}

impl Groups {
    /// Each set's members, in order.
    pub fn slices(&self) -> Vec<&[usize]> {
        self.bounds.windows(2).map(|w| &self.members[w[0]..w[1]]).collect()
    }
}

/// A name tag: (`different` group, folded name).
pub(crate) type Tag = (usize, String);

/// A union-find that refuses to join sets holding names a user declared different:
/// elements may carry tags `(group, name)`; two sets cannot join when they hold the same
/// group under different names. Only tagged sets keep a tag list, so without rules the
/// check costs one look-up in an empty map.
pub(crate) struct Constrained {
    pub uf: UnionFind,
    tags: FxHashMap<usize, Vec<Tag>>,
}

impl Constrained {
    /// `n` elements; `tags` gives the tags of the tagged ones.
    pub fn new(n: usize, tags: impl IntoIterator<Item = (usize, Vec<Tag>)>) -> Constrained {
        Constrained { uf: UnionFind::new(n), tags: tags.into_iter().filter(|(_, t)| !t.is_empty()).collect() }
    }

    /// Joins unless forbidden; false when forbidden or already joined.
    pub fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.uf.find(a), self.uf.find(b));
        if ra == rb {
            return false;
        }
        if let (Some(ta), Some(tb)) = (self.tags.get(&ra), self.tags.get(&rb)) {
            if ta.iter().any(|(g, n)| tb.iter().any(|(h, m)| g == h && n != m)) {
                return false;
            }
        }
        self.uf.union(ra, rb);
        let root = self.uf.find(ra);
        let other = if root == ra { rb } else { ra };
        if let Some(moved) = self.tags.remove(&other) {
            self.tags.entry(root).or_default().extend(moved);
        }
        true
    }

    pub fn find(&mut self, x: usize) -> usize {
        self.uf.find(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_ordered_by_representative_with_sorted_members() {
        let mut uf = UnionFind::new(7);
        uf.union(5, 1);
        uf.union(1, 6);
        uf.union(4, 3);
        let g = uf.groups();
        let got: Vec<Vec<usize>> = g.slices().into_iter().map(<[usize]>::to_vec).collect();
        // roots: {1,5,6} → 1, {3,4} → 3; singletons 0 and 2
        assert_eq!(got, vec![vec![0], vec![1, 5, 6], vec![2], vec![3, 4]]);
        assert!(UnionFind::new(0).groups().slices().is_empty());
    }

    #[test]
    fn constrained_refuses_declared_different_names() {
        let tags = vec![(0, vec![(0, "a".to_string())]), (1, vec![(0, "b".to_string())]), (3, vec![])];
        let mut c = Constrained::new(4, tags);
        assert!(c.union(0, 2));
        assert!(!c.union(2, 1), "2 joined a, which is declared different from b");
        assert!(c.union(1, 3));
        assert_ne!(c.find(0), c.find(1));
        assert_eq!(c.find(1), c.find(3));
    }
}
