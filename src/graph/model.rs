//! The graph model: node and edge kinds, their attributes, and provenance.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A human being.
    Person,
    /// A think tank, university, ministry, embassy, company, media outlet …
    Institution,
    /// A seminar, conference, panel, webinar …
    Event,
    /// A subject discussed.
    Topic,
    /// A city or venue.
    Place,
}

impl NodeKind {
    /// All kinds, in a fixed order.
    pub const ALL: [NodeKind; 5] = [
        NodeKind::Person,
        NodeKind::Institution,
        NodeKind::Event,
        NodeKind::Topic,
        NodeKind::Place,
    ];

    /// The lower-case name used in ids and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Institution => "institution",
            NodeKind::Event => "event",
            NodeKind::Topic => "topic",
            NodeKind::Place => "place",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(s: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an edge says. Roles go person → event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// Gave a talk, paper or presentation.
    Speaker,
    /// Delivered the keynote.
    Keynote,
    /// Chaired the event or a session.
    Chair,
    /// Moderated.
    Moderator,
    /// Named as discussant or commentator.
    Discussant,
    /// Chief guest, guest of honour, special guest.
    ChiefGuest,
    /// Welcome, opening or concluding remarks for the organiser.
    Host,
    /// Gave rapporteur remarks.
    Rapporteur,
    /// Asked or commented from the floor.
    Questioner,
    /// Named as present.
    Attendee,
    /// Compiled, edited or wrote the report.
    Author,
    /// person → institution.
    AffiliatedWith,
    /// event → institution.
    OrganizedBy,
    /// event → place.
    HeldAt,
    /// event → topic.
    Covers,
    /// person → topic.
    Discussed,
    /// event → person only mentioned in the report.
    Mentions,
    /// person — person, undirected: took a part at the same events (the `alongside` view).
    Alongside,
    /// institution — institution, undirected: present at the same events (the
    /// `institutions` view).
    CoPresent,
}

impl EdgeKind {
    /// All kinds, in a fixed order.
    pub const ALL: [EdgeKind; 19] = [
        EdgeKind::Speaker,
        EdgeKind::Keynote,
        EdgeKind::Chair,
        EdgeKind::Moderator,
        EdgeKind::Discussant,
        EdgeKind::ChiefGuest,
        EdgeKind::Host,
        EdgeKind::Rapporteur,
        EdgeKind::Questioner,
        EdgeKind::Attendee,
        EdgeKind::Author,
        EdgeKind::AffiliatedWith,
        EdgeKind::OrganizedBy,
        EdgeKind::HeldAt,
        EdgeKind::Covers,
        EdgeKind::Discussed,
        EdgeKind::Mentions,
        EdgeKind::Alongside,
        EdgeKind::CoPresent,
    ];

    /// The snake-case name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Speaker => "speaker",
            EdgeKind::Keynote => "keynote",
            EdgeKind::Chair => "chair",
            EdgeKind::Moderator => "moderator",
            EdgeKind::Discussant => "discussant",
            EdgeKind::ChiefGuest => "chief_guest",
            EdgeKind::Host => "host",
            EdgeKind::Rapporteur => "rapporteur",
            EdgeKind::Questioner => "questioner",
            EdgeKind::Attendee => "attendee",
            EdgeKind::Author => "author",
            EdgeKind::AffiliatedWith => "affiliated_with",
            EdgeKind::OrganizedBy => "organized_by",
            EdgeKind::HeldAt => "held_at",
            EdgeKind::Covers => "covers",
            EdgeKind::Discussed => "discussed",
            EdgeKind::Mentions => "mentions",
            EdgeKind::Alongside => "alongside",
            EdgeKind::CoPresent => "co_present",
        }
    }

    /// Parses the snake-case name.
    pub fn parse(s: &str) -> Option<EdgeKind> {
        EdgeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// True for the person → event roles.
    pub fn is_role(self) -> bool {
        (self as u8) <= (EdgeKind::Author as u8)
    }

    /// True for the roles that count as taking a speaking part (all roles but attendee and author).
    pub fn is_speaking(self) -> bool {
        self.is_role() && !matches!(self, EdgeKind::Attendee | EdgeKind::Author)
    }
}

impl fmt::Display for EdgeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a claim comes from: a byte span of the original report text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// Report file name (shared: every claim of a report points to one allocation).
    pub document: Arc<str>,
    /// Byte offset of the start in the original file text.
    pub start: usize,
    /// Byte offset of the end (exclusive) in the original file text.
    pub end: usize,
    /// The text around the claim, whitespace collapsed (shared by the copies of an
    /// evidence that resolution and graph building make).
    pub snippet: Arc<str>,
}

/// A node of the report graph.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Node {
    /// Stable readable id, e.g. `person:khurram-iqbal`.
    pub id: String,
    /// Node kind.
    pub kind: Option<NodeKind>,
    /// Canonical name.
    pub label: String,
    /// Every other spelling seen.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Report file names the node comes from.
    #[serde(default)]
    pub documents: Vec<String>,
    /// Events: title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Events: ISO 8601 date, as precise as the report says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Events: venue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// Events: city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Events: seminar, conference …; institutions: think_tank, university …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    /// Events: session names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<String>,
    /// Where the node was first seen in each report.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// How report-level records were merged into this node: "surface (report): reason".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<String>,
}

impl Node {
    /// The node's kind (person when absent).
    pub fn kind(&self) -> NodeKind {
        self.kind.unwrap_or(NodeKind::Person)
    }
}

/// An edge of the report graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// Edge kind (a role, or a structural relation).
    pub kind: EdgeKind,
    /// Key distinguishing parallel edges: `kind` or `kind@session`.
    pub key: String,
    /// Affiliations: the title as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Roles: the session where the report has sessions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// Report file names the edge comes from.
    #[serde(default)]
    pub documents: Vec<String>,
    /// Text spans supporting the edge.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Weight, in the weighted views (`alongside`, `institutions`: number of shared events;
    /// `affiliation`: number of reports); `None` in the report graph itself, where every
    /// edge counts once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Views: ids of the events the edge stands for (the shared events of `alongside` and
    /// `institutions` edges).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
}

impl Edge {
    /// An edge of this kind and key, without attributes, provenance or weight.
    pub fn new(kind: EdgeKind, key: impl Into<String>) -> Edge {
        Edge {
            kind,
            key: key.into(),
            title: None,
            session: None,
            documents: Vec::new(),
            evidence: Vec::new(),
            weight: None,
            events: Vec::new(),
        }
    }

    /// The weight, 1 when the edge has none.
    pub fn weight_or_one(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }
}

/// Makes the readable part of an id: lower-case ASCII letters and digits joined by `-`.
///
/// Accents are folded (`Dębski` → `debski`); other scripts are kept as they are.
pub fn slug(s: &str) -> String {
    let folded = crate::text::fold(s);
    let mut out = String::with_capacity(folded.len());
    let mut dash = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}
