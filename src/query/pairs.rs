//! The co-participant pairs with the most shared events.

use super::{event_order, name_order, AlongsideOptions, DateRange, EventRef, GraphIndex, NodeRef};
use crate::graph::{EdgeKind, NodeKind};
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;
use std::collections::HashMap;

/// Options of [`pairs()`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairsOptions {
    /// How many pairs to list.
    pub n: usize,
    /// The roles considered, on both sides. Empty: every speaking role.
    pub roles: Vec<EdgeKind>,
    /// Only events in this date range.
    pub dates: DateRange,
}

impl Default for PairsOptions {
    fn default() -> Self {
        PairsOptions {
            n: 10,
            roles: Vec::new(),
            dates: DateRange::default(),
        }
    }
}

/// Two persons and the events where both took a considered role.
///
/// JSON shape:
/// ```json
/// {"a": {"id": "person:…", "label": "…", "kind": "person"},
///  "b": {"id": "person:…", "label": "…", "kind": "person"},
///  "count": 2,
///  "events": [{"id": "event:…", "title": "…", "date": "2025-04-29"}]}
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// The first person (by name).
    pub a: NodeRef,
    /// The second person.
    pub b: NodeRef,
    /// Number of shared events.
    pub count: usize,
    /// The shared events, by date (undated last), then title.
    pub events: Vec<EventRef>,
}

/// The `n` pairs of persons who took speaking parts at the same events most often.
///
/// # Arguments
/// * `index` - the graph's index.
/// * `opts` - count, roles considered and date range.
///
/// # Returns
/// Up to `n` pairs, by count (highest first), then the names.
///
/// # Complexity
/// O(V + Σ p_e²) time and O(distinct pairs) memory, for p_e considered participants of event e.
///
/// # Example
/// ```
/// use reportgraph::query::{pairs, GraphIndex};
/// # let json = r#"{"nodes": [
/// #   {"id": "p:ann", "kind": "person", "label": "Ann Lee"},
/// #   {"id": "p:bob", "kind": "person", "label": "Bob Ray"},
/// #   {"id": "p:cy", "kind": "person", "label": "Cy Dee"},
/// #   {"id": "e:1", "kind": "event", "label": "One"},
/// #   {"id": "e:2", "kind": "event", "label": "Two"}],
/// #  "edges": [
/// #   {"source": "p:ann", "target": "e:1", "kind": "speaker"},
/// #   {"source": "p:ann", "target": "e:2", "kind": "speaker"},
/// #   {"source": "p:bob", "target": "e:1", "kind": "chair"},
/// #   {"source": "p:bob", "target": "e:2", "kind": "speaker"},
/// #   {"source": "p:cy", "target": "e:2", "kind": "speaker"}]}"#;
/// # let graph = reportgraph::ReportGraph::from_json_reader(json.as_bytes()).unwrap();
/// let index = GraphIndex::new(&graph);
/// let p = pairs(&index, &Default::default());
/// assert_eq!((p[0].a.label.as_str(), p[0].b.label.as_str(), p[0].count), ("Ann Lee", "Bob Ray", 2));
/// assert_eq!(p.len(), 3);
/// ```
pub fn pairs(index: &GraphIndex, opts: &PairsOptions) -> Vec<Pair> {
    if opts.n == 0 {
        return Vec::new();
    }
    let filter = AlongsideOptions {
        roles: opts.roles.clone(),
        dates: opts.dates.clone(),
    };
    let mut counts: HashMap<(NodeIndex, NodeIndex), u32> = HashMap::new();
    let mut people: Vec<NodeIndex> = Vec::new();
    for (ev, node) in index.graph().nodes() {
        if node.kind() != NodeKind::Event || !opts.dates.contains(node.date.as_deref()) {
            continue;
        }
        people.clear();
        people.extend(
            index
                .participants_of(ev)
                .filter(|p| filter.considers(p.role))
                .map(|p| p.node),
        );
        people.sort_unstable();
        people.dedup();
        for (i, &a) in people.iter().enumerate() {
            for &b in &people[i + 1..] {
                *counts.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let mut best: Vec<((NodeIndex, NodeIndex), u32)> = counts.into_iter().collect();
    // order by count, then names: only the names of pairs that may make the cut are needed
    best.sort_unstable_by_key(|x| std::cmp::Reverse(x.1));
    if best.len() > opts.n {
        let cut = best[opts.n - 1].1;
        best.retain(|(_, c)| *c >= cut);
    }
    let mut out: Vec<Pair> = best
        .into_iter()
        .map(|((a, b), count)| {
            let (mut a, mut b) = (index.node_ref(a), index.node_ref(b));
            if name_order(&b) < name_order(&a) {
                std::mem::swap(&mut a, &mut b);
            }
            Pair {
                a,
                b,
                count: count as usize,
                events: Vec::new(),
            }
        })
        .collect();
    out.sort_by_cached_key(|x| {
        (
            std::cmp::Reverse(x.count),
            name_order(&x.a),
            name_order(&x.b),
        )
    });
    out.truncate(opts.n);
    for p in &mut out {
        p.events = shared_events(index, &p.a.id, &p.b.id, &filter);
    }
    out
}

/// The events where both persons took a considered role, in event order.
fn shared_events(index: &GraphIndex, a: &str, b: &str, filter: &AlongsideOptions) -> Vec<EventRef> {
    let g = index.graph();
    let (Some(a), Some(b)) = (g.index_of(a), g.index_of(b)) else {
        return Vec::new();
    };
    let events = |p: NodeIndex| -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = index
            .roles_of(p)
            .filter(|r| {
                filter.considers(r.role)
                    && filter.dates.contains(index.node(r.node).date.as_deref())
            })
            .map(|r| r.node)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let eb = events(b);
    let mut out: Vec<EventRef> = events(a)
        .into_iter()
        .filter(|e| eb.binary_search(e).is_ok())
        .map(|e| index.event_ref(e))
        .collect();
    out.sort_by_cached_key(event_order);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testgraph::sample;

    #[test]
    fn most_shared_first() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let p = pairs(
            &ix,
            &PairsOptions {
                n: 3,
                ..Default::default()
            },
        );
        assert_eq!(p.len(), 3);
        assert_eq!(
            (p[0].a.label.as_str(), p[0].b.label.as_str(), p[0].count),
            ("Shabir Ahmed Khan", "Taimur Fahad", 2)
        );
        assert_eq!(p[0].events.len(), 2);
        assert_eq!(p[0].events[0].id, "event:caps");
        assert!(p[1..].iter().all(|x| x.count == 1));
        // names in order within and across pairs
        assert_eq!(p[1].a.label, "Khurram Iqbal");
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v[0]["a"]["id"], "person:shabir-ahmed-khan");
        assert_eq!(v[0]["events"][0]["date"], "2025-04-29");
    }

    #[test]
    fn roles_and_dates() {
        let g = sample();
        let ix = GraphIndex::new(&g);
        let opts = PairsOptions {
            n: 100,
            roles: vec![EdgeKind::Speaker, EdgeKind::Attendee],
            ..Default::default()
        };
        let p = pairs(&ix, &opts);
        // at the CSP panel the attendee Khurram Iqbal now pairs with the three speakers
        assert!(p
            .iter()
            .any(|x| x.a.label == "Khurram Iqbal" && x.b.label == "Leonid Savin"));
        let dates = DateRange::new(Some("2025"), None).unwrap();
        let p = pairs(
            &ix,
            &PairsOptions {
                n: 100,
                dates,
                ..Default::default()
            },
        );
        assert!(p
            .iter()
            .all(|x| x.count == 1 && x.events[0].id == "event:caps"));
        assert_eq!(p.len(), 10); // 5 speaking participants at the CAPS seminar
        assert!(pairs(
            &ix,
            &PairsOptions {
                n: 0,
                ..Default::default()
            }
        )
        .is_empty());
    }
}
