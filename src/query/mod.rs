//! Questions asked of a built graph.
