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

/// A union-find that refuses to join sets holding names a user declared different:
/// each element carries tags `(group, name)`; two sets cannot join when they hold the same
/// group under different names.
pub(crate) struct Constrained {
    pub uf: UnionFind,
    tags: Vec<Vec<(usize, String)>>,
}

impl Constrained {
    pub fn new(tags: Vec<Vec<(usize, String)>>) -> Constrained {
        Constrained { uf: UnionFind::new(tags.len()), tags }
    }

    /// Joins unless forbidden; false when forbidden or already joined.
    pub fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.uf.find(a), self.uf.find(b));
        if ra == rb {
            return false;
        }
        let conflict = self.tags[ra].iter().any(|(g, n)| self.tags[rb].iter().any(|(h, m)| g == h && n != m));
        if conflict {
            return false;
        }
        self.uf.union(ra, rb);
        let root = self.uf.find(ra);
        let other = if root == ra { rb } else { ra };
        let moved = std::mem::take(&mut self.tags[other]);
        self.tags[root].extend(moved);
        true
    }

    pub fn find(&mut self, x: usize) -> usize {
        self.uf.find(x)
    }

    pub fn same(&mut self, a: usize, b: usize) -> bool {
        self.uf.same(a, b)
    }
}
