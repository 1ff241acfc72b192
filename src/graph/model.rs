//! The graph model: node and edge kinds, their attributes, and provenance.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use serde::ser::SerializeStruct;

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
///
/// 16 bytes: the span and a pointer to the report's [`Source`], which every evidence of
/// the report shares; the snippet (the text around the claim, whitespace collapsed) is
/// cut from the source when asked for ([`Evidence::snippet`]) rather than stored.
///
/// Evidence is compared, ordered and serialized as the tuple (document, start, end,
/// snippet).
#[derive(Clone)]
pub struct Evidence {
    source: Arc<Source>,
    start: u32,
    end: u32,
}

impl Evidence {
    /// Evidence with its snippet given as is (e.g. read back from a graph file).
    pub fn new(document: impl Into<Arc<str>>, start: u32, end: u32, snippet: impl Into<Box<str>>) -> Evidence {
        let source = Source { document: document.into(), text: SourceText::Snippet(snippet.into()) };
        Evidence { source: Arc::new(source), start, end }
    }

    /// Evidence for the span `start..end` of a report's source text.
    pub fn in_source(source: &Arc<Source>, start: u32, end: u32) -> Evidence {
        Evidence { source: source.clone(), start, end }
    }

    /// Report file name.
    pub fn document(&self) -> &str {
        &self.source.document
    }

    /// The report file name, shared.
    pub fn shared_document(&self) -> &Arc<str> {
        &self.source.document
    }

    /// Byte offset of the start in the original file text.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset of the end (exclusive) in the original file text.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The text around the claim, whitespace collapsed.
    pub fn snippet(&self) -> Cow<'_, str> {
        self.source.snippet(self.start as usize, self.end as usize)
    }

    /// [`Evidence::snippet`] without a `String` of its own: borrowed, or cut into `buf`
    /// (see [`Source::snippet_in`]).
    pub fn snippet_in<'a>(&'a self, buf: &'a mut String) -> &'a str {
        self.source.snippet_in(self.start as usize, self.end as usize, buf)
    }

    /// The source the snippet is cut from.
    pub fn source(&self) -> &Arc<Source> {
        &self.source
    }

    /// Points this evidence to another source of the same report (see [`Source::compact`]).
    pub(crate) fn set_source(&mut self, source: Arc<Source>) {
        self.source = source;
    }
}

impl fmt::Debug for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Evidence")
            .field("document", &self.document())
            .field("start", &self.start)
            .field("end", &self.end)
            .field("snippet", &self.snippet())
            .finish()
    }
}

impl Ord for Evidence {
    fn cmp(&self, o: &Evidence) -> Ordering {
        self.document()
            .cmp(o.document())
            .then(self.start.cmp(&o.start))
            .then(self.end.cmp(&o.end))
            // one source and one span: one snippet, no need to cut it
            .then_with(|| if Arc::ptr_eq(&self.source, &o.source) { Ordering::Equal } else { self.snippet().cmp(&o.snippet()) })
    }
}

impl PartialOrd for Evidence {
    fn partial_cmp(&self, o: &Evidence) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl PartialEq for Evidence {
    fn eq(&self, o: &Evidence) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}

impl Eq for Evidence {}

impl Hash for Evidence {
    fn hash<H: Hasher>(&self, h: &mut H) {
        (self.document(), self.start, self.end).hash(h);
    }
}

impl Serialize for Evidence {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Evidence", 4)?;
        st.serialize_field("document", self.document())?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.serialize_field("snippet", &*self.snippet())?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Evidence, D::Error> {
        /// The serialized form.
        #[derive(Deserialize)]
        struct Repr {
            document: String,
            start: u32,
            end: u32,
            snippet: String,
        }
        let r = Repr::deserialize(d)?;
        Ok(Evidence::new(r.document, r.start, r.end, r.snippet))
    }
}

/// The text of one report that evidence snippets are cut from, shared by all its evidence.
///
/// While a report is extracted this is its whole original text; [`Source::compact`] then
/// keeps only the parts the report's snippets cover. Evidence read from a graph file has
/// its snippet as its own source.
#[derive(Debug)]
pub struct Source {
    document: Arc<str>,
    text: SourceText,
}

#[derive(Debug)]
enum SourceText {
    /// Parts of the original text, concatenated in `text`: `parts[i]` is (offset of part `i`
    /// in the original, offset in `text`); parts are sorted and neither overlap nor touch.
    Parts { text: Box<str>, parts: Box<[(u32, u32)]> },
    /// A snippet as given.
    Snippet(Box<str>),
}

/// Bytes of context a snippet takes either side of its span.
pub const SNIPPET_CONTEXT: usize = 60;

impl Source {
    /// The whole original text of a report.
    pub fn new(document: Arc<str>, original: &str) -> Source {
        Source { document, text: SourceText::Parts { text: original.into(), parts: Box::new([(0, 0)]) } }
    }

    /// Report file name.
    pub fn document(&self) -> &str {
        &self.document
    }

    /// The snippet of the span `start..end`: the original text around it
    /// ([`SNIPPET_CONTEXT`] bytes either side), whitespace collapsed; empty when the
    /// source does not hold that part of the text.
    ///
    /// Complexity: O(log p + w) for p parts and a snippet of w bytes.
    pub fn snippet(&self, start: usize, end: usize) -> Cow<'_, str> {
        match &self.text {
            SourceText::Snippet(s) => Cow::Borrowed(s),
            SourceText::Parts { .. } => {
                let mut out = String::new();
                self.snippet_in(start, end, &mut out);
                Cow::Owned(out)
            }
        }
    }

    /// [`Source::snippet`] without a `String` of its own: borrowed when the source is the
    /// snippet, else cut into `buf` (cleared first), so one buffer serves many snippets.
    pub fn snippet_in<'a>(&'a self, start: usize, end: usize, buf: &'a mut String) -> &'a str {
        match &self.text {
            SourceText::Snippet(s) => s,
            SourceText::Parts { text, parts } => {
                buf.clear();
                if let Some((offset, part)) = part_at(text, parts, start) {
                    if end >= start && end - offset <= part.len() {
                        crate::text::snippet_into(buf, part, start - offset, end - offset, SNIPPET_CONTEXT);
                    }
                }
                buf
            }
        }
    }

    /// A source holding only the parts of this one that the snippets of `spans` need
    /// (each span's window of [`SNIPPET_CONTEXT`] bytes either side, joined where windows
    /// overlap or touch). The snippets of those spans are the same in both.
    ///
    /// Complexity: O(s log s + w) for s spans and w bytes kept.
    pub fn compact(&self, spans: impl IntoIterator<Item = (usize, usize)>) -> Source {
        let (text, parts) = match &self.text {
            SourceText::Parts { text, parts } => (text, parts),
            SourceText::Snippet(s) => return Source { document: self.document.clone(), text: SourceText::Snippet(s.clone()) },
        };
        let mut windows: Vec<(usize, usize)> = spans
            .into_iter()
            .filter_map(|(s, e)| {
                let (offset, part) = part_at(text, parts, s)?;
                let (a, b) = crate::text::snippet_window(part, s - offset, e.checked_sub(offset)?.min(part.len()), SNIPPET_CONTEXT);
                Some((a + offset, b + offset))
            })
            .collect();
        windows.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (a, b) in windows {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        let mut kept = String::with_capacity(merged.iter().map(|(a, b)| b - a).sum());
        let mut new_parts = Vec::with_capacity(merged.len());
        for (a, b) in merged {
            let Some((offset, part)) = part_at(text, parts, a) else { continue };
            new_parts.push((a as u32, kept.len() as u32));
            kept.push_str(&part[a - offset..(b - offset).min(part.len())]);
        }
        Source { document: self.document.clone(), text: SourceText::Parts { text: kept.into(), parts: new_parts.into() } }
    }
}

/// The part of `text` holding original offset `at`: (its original offset, its text).
fn part_at<'t>(text: &'t str, parts: &[(u32, u32)], at: usize) -> Option<(usize, &'t str)> {
    let i = parts.partition_point(|&(o, _)| o as usize <= at).checked_sub(1)?;
    let (offset, from) = parts[i];
    let to = parts.get(i + 1).map_or(text.len(), |p| p.1 as usize);
    let part = text.get(from as usize..to)?;
    (at - offset as usize <= part.len()).then_some((offset as usize, part))
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn full(text: &str) -> Arc<Source> {
        Arc::new(Source::new("r.txt".into(), text))
    }

    #[test]
    fn compact_keeps_only_the_windows() {
        let text = format!("{}Jane Roe spoke.{}Dr. Seán Ó Briain  chaired.\n\n{}", "a".repeat(200), "b".repeat(300), "c".repeat(200));
        let src = full(&text);
        let jane = text.find("Jane").unwrap();
        let sean = text.find("Seán").unwrap();
        let spans = [(jane, jane + 8), (sean, sean + 5), (text.len(), text.len())];
        let small = src.compact(spans);
        for (s, e) in spans {
            assert_eq!(small.snippet(s, e), crate::text::snippet(&text, s, e, SNIPPET_CONTEXT), "{s}..{e}");
        }
        let SourceText::Parts { text: kept, parts } = &small.text else { panic!("parts") };
        assert_eq!(parts.len(), 3);
        assert!(kept.len() < text.len() / 2, "{} of {}", kept.len(), text.len());
        // a span the compact source does not hold has no snippet, and no panic
        assert_eq!(small.snippet(5, 9), "");
        assert_eq!(small.snippet(text.len() + 10, text.len() + 20), "");
    }

    #[test]
    fn evidence_order_and_json_are_the_tuple() {
        let src = full("one two three four");
        let a = Evidence::in_source(&src, 4, 7);
        let b = Evidence::new("r.txt", 4, 7, "one two three four");
        assert_eq!(a, b);
        assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"document":"r.txt","start":4,"end":7,"snippet":"one two three four"}"#);
        let back: Evidence = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        assert_eq!(back, a);
        let c = Evidence::new("r.txt", 4, 7, "other");
        assert_eq!(a.cmp(&c), "one two three four".cmp("other"));
        assert!(Evidence::new("a.txt", 9, 9, "z") < a);
        assert_eq!(std::mem::size_of::<Evidence>(), 16);
    }

    proptest! {
        /// Snippets cut from the compact source are those of the whole text.
        #[test]
        fn compact_snippets_match(words in prop::collection::vec("[a-zé€ \n\t]{0,12}", 0..60), raw in prop::collection::vec((0usize..800, 0usize..40), 0..12)) {
            let text: String = words.concat();
            let spans: Vec<(usize, usize)> = raw
                .into_iter()
                .filter_map(|(s, n)| {
                    let s = s.min(text.len());
                    let e = (s + n).min(text.len());
                    (text.is_char_boundary(s) && text.is_char_boundary(e)).then_some((s, e))
                })
                .collect();
            let small = full(&text).compact(spans.iter().copied());
            for &(s, e) in &spans {
                prop_assert_eq!(small.snippet(s, e).into_owned(), crate::text::snippet(&text, s, e, SNIPPET_CONTEXT));
            }
        }
    }
}
