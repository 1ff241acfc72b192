//! A small hand-built graph for the query tests: the CAPS seminar of 29 April 2025, a CSP
//! panel without date and a two-session SVI conference of 2019.

use crate::graph::{Edge, EdgeKind, Evidence, Node, NodeKind, ReportGraph};

fn node(id: &str, kind: NodeKind, label: &str, aliases: &[&str]) -> Node {
    Node {
        id: id.into(),
        kind: Some(kind),
        label: label.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        documents: vec!["000.txt".into()],
        ..Default::default()
    }
}

fn event(id: &str, title: &str, date: Option<&str>, sessions: &[&str]) -> Node {
    Node {
        title: Some(title.into()),
        date: date.map(Into::into),
        sessions: sessions.iter().map(|s| s.to_string()).collect(),
        ..node(id, NodeKind::Event, title, &[])
    }
}

fn edge(
    s: &str,
    t: &str,
    kind: EdgeKind,
    session: Option<&str>,
    title: Option<&str>,
) -> (String, String, Edge) {
    let key = match session {
        Some(x) => format!("{kind}@{x}"),
        None => kind.to_string(),
    };
    let evidence = vec![Evidence::new("000.txt", 0, 1, format!("{s} {kind} {t}"))];
    let mut e = Edge::new(kind, key);
    e.title = title.map(Into::into);
    e.session = session.map(Into::into);
    e.documents = vec!["000.txt".into()];
    e.evidence = evidence;
    (s.into(), t.into(), e)
}

/// The sample graph.
pub(crate) fn sample() -> ReportGraph {
    use EdgeKind::*;
    use NodeKind::*;
    let mut caps = event(
        "event:caps",
        "Pakistan-Russia Cooperation in Non-Traditional Security",
        Some("2025-04-29"),
        &[],
    );
    caps.venue = Some("Hotel Crown Plaza".into());
    caps.city = Some("Islamabad".into());
    caps.subtype = Some("seminar".into());
    let nodes = vec![
        node(
            "person:roksolana-zigon",
            Person,
            "Roksolana Zigon",
            &["Dr. Roksolana Zigon", "Dr. Zigon"],
        ),
        node(
            "person:khurram-iqbal",
            Person,
            "Khurram Iqbal",
            &["Dr. Khuram Iqbal", "Dr. Khurram Iqbal"],
        ),
        node("person:umair-pervez-khan", Person, "Umair Pervez Khan", &[]),
        node(
            "person:taimur-fahad",
            Person,
            "Taimur Fahad",
            &["Mr. Taimur Khan"],
        ),
        node(
            "person:shabir-ahmed-khan",
            Person,
            "Shabir Ahmed Khan",
            &["Dr. Shabbir Ahmed", "Prof. Dr. Shabir Ahmed Khan"],
        ),
        node("person:umer-jamshaid", Person, "Umer Jamshaid", &[]),
        node(
            "person:leonid-savin",
            Person,
            "Leonid Savin",
            &["Dr. Savin"],
        ),
        node(
            "person:vladimir-putin",
            Person,
            "Vladimir Putin",
            &["President Putin"],
        ),
        node("person:isolated", Person, "Ivan Isolated", &[]),
        caps,
        event(
            "event:csp",
            "Experts suggest Pakistan and Russia strengthen ties",
            None,
            &[],
        ),
        event(
            "event:svi",
            "Pakistan-Russia Strategic Relations",
            Some("2019"),
            &["Second Session", "Third Session"],
        ),
        node(
            "institution:caps",
            Institution,
            "Consortium for Asia-Pacific Studies",
            &["CAPS"],
        ),
        node(
            "institution:issi",
            Institution,
            "Institute of Strategic Studies Islamabad",
            &["ISSI"],
        ),
        node(
            "institution:csp",
            Institution,
            "Center for Strategic Perspective",
            &["CSP"],
        ),
        node(
            "topic:instc",
            Topic,
            "International North-South Transport Corridor",
            &["INSTC"],
        ),
        node("place:islamabad", Place, "Islamabad", &[]),
    ];
    let edges = vec![
        edge("person:roksolana-zigon", "event:caps", Speaker, None, None),
        edge("person:khurram-iqbal", "event:caps", Chair, None, None),
        edge(
            "person:umair-pervez-khan",
            "event:caps",
            Moderator,
            None,
            None,
        ),
        edge("person:taimur-fahad", "event:caps", Speaker, None, None),
        edge(
            "person:shabir-ahmed-khan",
            "event:caps",
            Speaker,
            None,
            None,
        ),
        edge("person:umer-jamshaid", "event:caps", Author, None, None),
        edge("event:caps", "person:vladimir-putin", Mentions, None, None),
        edge("event:caps", "institution:caps", OrganizedBy, None, None),
        edge("event:caps", "place:islamabad", HeldAt, None, None),
        edge("event:caps", "topic:instc", Covers, None, None),
        edge("person:shabir-ahmed-khan", "event:csp", Speaker, None, None),
        edge("person:taimur-fahad", "event:csp", Speaker, None, None),
        edge("person:leonid-savin", "event:csp", Speaker, None, None),
        edge("person:khurram-iqbal", "event:csp", Attendee, None, None),
        edge("event:csp", "institution:csp", OrganizedBy, None, None),
        edge(
            "person:leonid-savin",
            "event:svi",
            Speaker,
            Some("Second Session"),
            None,
        ),
        edge(
            "person:khurram-iqbal",
            "event:svi",
            Chair,
            Some("Third Session"),
            None,
        ),
        edge(
            "person:khurram-iqbal",
            "event:svi",
            Host,
            Some("Second Session"),
            None,
        ),
        edge(
            "person:khurram-iqbal",
            "institution:caps",
            AffiliatedWith,
            None,
            Some("President"),
        ),
        edge(
            "person:umair-pervez-khan",
            "institution:caps",
            AffiliatedWith,
            None,
            Some("General Secretary"),
        ),
        edge(
            "person:taimur-fahad",
            "institution:issi",
            AffiliatedWith,
            None,
            Some("Associate Researcher"),
        ),
        edge(
            "person:taimur-fahad",
            "institution:csp",
            AffiliatedWith,
            None,
            Some("Research Associate"),
        ),
        edge("person:taimur-fahad", "topic:instc", Discussed, None, None),
        edge(
            "person:roksolana-zigon",
            "topic:instc",
            Discussed,
            None,
            None,
        ),
    ];
    ReportGraph::from_parts(nodes, edges, vec!["000.txt".into()])
}
