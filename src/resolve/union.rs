//! A union-find (disjoint sets) with path halving and union by size.

/// Disjoint sets over `0..n`.
pub(crate) struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    pub fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n).collect(), size: vec![1; n] }
    }

    /// The set representative; the smallest index stays representative when sizes tie,
    /// so the result does not depend on the order of unions.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; false when already joined.
    pub fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (keep, drop) = if self.size[ra] > self.size[rb] || (self.size[ra] == self.size[rb] && ra < rb) { (ra, rb) } else { (rb, ra) };
        self.parent[drop] = keep;
        self.size[keep] += self.size[drop];
        true
    }

    pub fn same(&mut self, a: usize, b: usize) -> bool {
        self.find(a) == self.find(b)
    }
}
