//! Writers, one per output format.
//!
//! Every writer is deterministic: the same [`ReportGraph`] always gives the same bytes
//! (no timestamps, nodes and edges in the graph's own sorted order).
//!
//! | format | file | read by |
//! |---|---|---|
//! | [`Format::Json`] | `graph.json` | `networkx.node_link_graph`, [`crate::graph::load_json`] |
//! | [`Format::Graphml`] | `graph.graphml` | Gephi, `networkx.read_graphml`, `igraph.Graph.Read_GraphML` |
//! | [`Format::Gexf`] | `graph.gexf` | Gephi (with timeline), `networkx.read_gexf` |
//! | [`Format::Dot`] | `graph.dot` | Graphviz (`dot -Tsvg`) |
//! | [`Format::Cytoscape`] | `graph.cyjs` | Cytoscape.js, Cytoscape desktop, `networkx.cytoscape_graph` |
//! | [`csv`] ([`csv::Flavor::Gephi`]) | `nodes.csv`, `edges.csv` | Gephi's spreadsheet import |
//! | [`csv`] ([`csv::Flavor::Neo4j`]) | `nodes.csv`, `edges.csv` | `neo4j-admin database import` |
//! | [`render`] | SVG, PNG, PDF | people |
//!
//! Every format writes any [`view`] of the graph: the report graph itself, or the
//! person–person, person–institution and institution–institution networks.

pub mod csv;
pub mod cytoscape;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod render;
pub mod view;

use crate::graph::{EdgeKind, NodeKind, ReportGraph};
use petgraph::stable_graph::NodeIndex;
use std::fmt;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// An error while writing an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing to the output failed.
    #[error("I/O error: {0}")]
    Io(#[from] io::Error),
    /// Serialising JSON failed.
    #[error("JSON error: {0}")]
    Json(#[from] serde_json::Error),
    /// A directory or the temporary file next to the destination could not be created.
    #[error("cannot create {path}: {source}")]
    Create {
        /// The directory or destination file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// Moving the finished temporary file into place failed.
    #[error("cannot move finished file into place at {path}: {source}")]
    Persist {
        /// The destination.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// networkx node-link JSON (`graph.json`).
    Json,
    /// GraphML (`graph.graphml`).
    Graphml,
    /// GEXF 1.3 (`graph.gexf`).
    Gexf,
    /// Graphviz DOT (`graph.dot`).
    Dot,
    /// Cytoscape.js elements JSON (`graph.cyjs`); not written by [`write_all`].
    Cytoscape,
}

impl Format {
    /// The formats [`write_all`] writes (`build`'s outputs), in that order.
    pub const ALL: [Format; 4] = [Format::Json, Format::Graphml, Format::Gexf, Format::Dot];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Dot => "dot",
            Format::Cytoscape => "cyjs",
        }
    }

    /// The file name [`write_all`] uses: `graph.<extension>`.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Json => "graph.json",
            Format::Graphml => "graph.graphml",
            Format::Gexf => "graph.gexf",
            Format::Dot => "graph.dot",
            Format::Cytoscape => "graph.cyjs",
        }
    }

    /// Writes `g` in this format to `w`.
    pub fn write(&self, g: &ReportGraph, w: &mut dyn Write) -> Result<(), ExportError> {
        match self {
            Format::Json => json::write(g, w),
            Format::Graphml => graphml::write(g, w),
            Format::Gexf => gexf::write(g, w),
            Format::Dot => dot::write(g, w),
            Format::Cytoscape => cytoscape::write(g, w),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for Format {
    type Err = String;

    /// Parses a format name or extension, case-insensitively (`json`, `graphml`, `gexf`,
    /// `dot`/`gv`, `cytoscape`/`cyjs`).
    fn from_str(s: &str) -> Result<Format, String> {
        match s.to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "graphml" => Ok(Format::Graphml),
            "gexf" => Ok(Format::Gexf),
            "dot" | "gv" => Ok(Format::Dot),
            "cytoscape" | "cyjs" => Ok(Format::Cytoscape),
            _ => Err(format!(
                "unknown format {s:?} (expected json, graphml, gexf, dot or cytoscape)"
            )),
        }
    }
}

/// How durable a written file must be when [`write_atomic_with`] returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Durability {
    /// Atomic replacement: a failed or interrupted write (error, panic, killed process) never
    /// leaves a partial file, and readers see the old content or the new one. The data reaches
    /// the disk when the kernel writes it back (on ext4, a file renamed over an existing one is
    /// flushed before the rename commits).
    #[default]
    Atomic,
    /// As `Atomic`, and the data is on disk (`fsync`) before the rename: the file survives a
    /// power loss right after the write. Costs the disk's write time (`dd … conv=fsync`
    /// measured 3.8 s per GB on the benchmark machine).
    Synced,
}

/// Writes a file atomically: `f` writes into a temporary file in the same directory, which
/// is renamed over `path` only when `f` and the final flush succeed.
///
/// A failed write never leaves a partial file behind, and readers of `path` see either the
/// old content or the new one. The writer handed to `f` is buffered. Same as
/// [`write_atomic_with`] with [`Durability::Atomic`].
pub fn write_atomic(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    write_atomic_with(path, Durability::Atomic, f)
}

/// [`write_atomic`], with the file synced to disk before the rename when `durability` asks.
pub fn write_atomic_with(
    path: &Path,
    durability: Durability,
    f: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".reportgraph-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|source| ExportError::Create {
            path: path.to_path_buf(),
            source,
        })?;
    let mut w = BufWriter::new(tmp);
    f(&mut w)?;
    w.flush()?;
    let tmp = w.into_inner().map_err(|e| e.into_error())?;
    if durability == Durability::Synced {
        tmp.as_file().sync_all()?;
    }
    #[cfg(unix)]
    {
        // Temporary files are created 0600; exports are meant to be shared like any other file.
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.persist(path).map_err(|e| ExportError::Persist {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(())
}

/// Writes `graph.json`, `graph.graphml`, `graph.gexf` and `graph.dot` into `dir`
/// (created if missing), each atomically, the four in parallel. Returns the paths
/// written, in that order.
pub fn write_all(g: &ReportGraph, dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    Ok(write_all_timed(g, dir, Durability::Atomic)?.into_iter().map(|(p, _)| p).collect())
}

/// [`write_all`] with the given durability, and the time each file took (the files are
/// written in parallel, so the times overlap).
pub fn write_all_timed(
    g: &ReportGraph,
    dir: &Path,
    durability: Durability,
) -> Result<Vec<(PathBuf, std::time::Duration)>, ExportError> {
    use rayon::prelude::*;
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Create {
        path: dir.to_path_buf(),
        source,
    })?;
    Format::ALL
        .par_iter()
        .map(|format| {
            let t = std::time::Instant::now();
            let path = dir.join(format.file_name());
            write_atomic_with(&path, durability, |w| format.write(g, w))?;
            Ok((path, t.elapsed()))
        })
        .collect()
}

/// An edge weight as written in GraphML, GEXF and CSV: `1.0`, `2.0`, `0.5`.
pub(crate) fn fmt_weight(w: f64) -> String {
    Weight(w).to_string()
}

/// [`fmt_weight`] as a [`fmt::Display`], to write a weight without a `String` of its own.
pub(crate) struct Weight(pub f64);

impl fmt::Display for Weight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = self.0;
        if w.fract() == 0.0 && w.abs() < 1e15 {
            // Whole numbers below 1e15 are exact as integers: the digits of `{w:.1}`
            // without float formatting (which keeps the sign of -0.0).
            if w == 0.0 && w.is_sign_negative() {
                f.write_str("-0.0")
            } else {
                write!(f, "{}.0", w as i64)
            }
        } else {
            write!(f, "{w}")
        }
    }
}

/// Separator used when a list attribute is flattened into one string (GraphML, GEXF).
pub(crate) const LIST_SEP: &str = " | ";

/// `items` joined with [`LIST_SEP`]: borrowed when there are fewer than two, else built
/// in `buf` (cleared first), so no string is allocated per attribute.
pub(crate) fn joined<'a>(buf: &'a mut String, items: &'a [String]) -> &'a str {
    match items {
        [] => "",
        [one] => one,
        [first, rest @ ..] => {
            buf.clear();
            buf.push_str(first);
            for item in rest {
                buf.push_str(LIST_SEP);
                buf.push_str(item);
            }
            buf
        }
    }
}

/// Number of edges touching a node, both directions, parallel edges counted separately.
pub(crate) fn degree(g: &ReportGraph, ix: NodeIndex) -> usize {
    g.graph.neighbors_undirected(ix).count()
}

/// [`degree`] of every node at once, indexed by [`NodeIndex::index`]: one pass over the
/// edges (a self-loop counts once, as in [`degree`]).
pub(crate) fn degrees(g: &ReportGraph) -> Vec<usize> {
    use petgraph::visit::NodeIndexable;
    let mut d = vec![0; g.graph.node_bound()];
    for (_, s, t, _) in g.edges() {
        d[s.index()] += 1;
        if s != t {
            d[t.index()] += 1;
        }
    }
    d
}

/// Byte classes for the fast paths of [`xml_attr`] and [`xml_text`]: bit 1 marks bytes an
/// attribute value cannot hold as they are (controls, `<>&"'`, and 0xEF, the first byte
/// of U+FFFE and U+FFFF), bit 2 those text content cannot (controls but tab and newline,
/// `<>&`, 0xEF).
const XML_SPECIAL: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = 1 | 2;
        b += 1;
    }
    t[b'\t' as usize] = 1;
    t[b'\n' as usize] = 1;
    t[b'<' as usize] = 1 | 2;
    t[b'>' as usize] = 1 | 2;
    t[b'&' as usize] = 1 | 2;
    t[b'"' as usize] = 1;
    t[b'\'' as usize] = 1;
    t[0xEF] = 1 | 2;
    t
};

/// True when some byte of `s` is in class `class` of [`XML_SPECIAL`].
fn has_special(s: &str, class: u8) -> bool {
    s.bytes().any(|b| XML_SPECIAL[b as usize] & class != 0)
}

/// Removes the characters XML 1.0 cannot contain: controls below U+0020 other than tab,
/// newline and carriage return, and the non-characters U+FFFE and U+FFFF.
pub(crate) fn xml_clean(s: &str) -> std::borrow::Cow<'_, str> {
    fn bad(c: char) -> bool {
        (c < '\u{20}' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    }
    // (a byte scan first: the controls are single bytes, and both non-characters start
    // with 0xEF in UTF-8)
    let b = s.as_bytes();
    let dirty = b
        .iter()
        .any(|&c| c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r'))
        || (b.contains(&0xEF) && s.contains(['\u{FFFE}', '\u{FFFF}']));
    if dirty {
        s.chars().filter(|&c| !bad(c)).collect::<String>().into()
    } else {
        s.into()
    }
}

/// An XML attribute with `value` cleaned of illegal characters and escaped; tab, newline
/// and carriage return become character references so attribute-value normalisation in
/// readers does not turn them into spaces. Borrows `value` when it needs none of that.
pub(crate) fn xml_attr<'a>(
    key: &'a str,
    value: &'a str,
) -> quick_xml::events::attributes::Attribute<'a> {
    let value: std::borrow::Cow<'a, str> = if has_special(value, 1) {
        let escaped = quick_xml::escape::escape(xml_clean(value));
        if escaped.contains(['\t', '\n', '\r']) {
            let mut out = String::with_capacity(escaped.len() + 16);
            let mut last = 0;
            for (i, c) in escaped.match_indices(['\t', '\n', '\r']) {
                out.push_str(&escaped[last..i]);
                out.push_str(match c {
                    "\t" => "&#9;",
                    "\n" => "&#10;",
                    _ => "&#13;",
                });
                last = i + c.len();
            }
            out.push_str(&escaped[last..]);
            out.into()
        } else {
            escaped
        }
    } else {
        value.into()
    };
    quick_xml::events::attributes::Attribute {
        key: quick_xml::name::QName(key.as_bytes()),
        value: match value {
            std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(s.as_bytes()),
            std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(s.into_bytes()),
        },
    }
}

/// XML text content: cleaned of illegal characters and escaped; carriage returns become
/// character references so readers' line-end normalisation keeps them. Borrows `value`
/// when it needs none of that.
pub(crate) fn xml_text(value: &str) -> quick_xml::events::BytesText<'_> {
    if !has_special(value, 2) {
        return quick_xml::events::BytesText::from_escaped(value);
    }
    let escaped = quick_xml::escape::partial_escape(xml_clean(value));
    if escaped.contains('\r') {
        quick_xml::events::BytesText::from_escaped(escaped.replace('\r', "&#13;"))
    } else {
        quick_xml::events::BytesText::from_escaped(escaped)
    }
}

/// What [`escape_into`] escapes for: an attribute value or text content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Escape {
    /// As [`xml_attr`]: `<>&"'` as entities, tab, newline and carriage return as
    /// character references.
    Attr,
    /// As [`xml_text`]: `<>&` as entities, carriage return as a character reference.
    Text,
}

/// Appends `s` to `out` cleaned and escaped exactly as [`xml_attr`] or [`xml_text`] write
/// it, in one pass and without allocating.
pub(crate) fn escape_into(out: &mut Vec<u8>, s: &[u8], how: Escape) {
    let class = match how {
        Escape::Attr => 1,
        Escape::Text => 2,
    };
    let mut i = 0;
    while i < s.len() {
        let run = s[i..]
            .iter()
            .position(|&b| XML_SPECIAL[b as usize] & class != 0)
            .map_or(s.len(), |p| i + p);
        out.extend_from_slice(&s[i..run]);
        i = run;
        let Some(&b) = s.get(i) else { break };
        i += 1;
        let rep: &[u8] = match b {
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'&' => b"&amp;",
            b'"' => b"&quot;",
            b'\'' => b"&apos;",
            b'\t' => b"&#9;",
            b'\n' => b"&#10;",
            b'\r' => b"&#13;",
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are dropped, other characters kept
            0xEF => match s.get(i..i + 2) {
                Some([0xBF, 0xBE | 0xBF]) => {
                    i += 2;
                    b""
                }
                _ => b"\xEF",
            },
            // the other controls
            _ => b"",
        };
        out.extend_from_slice(rep);
    }
}

/// Scratch space to write lists of evidence as JSON inside XML, reused for every list.
#[derive(Default)]
pub(crate) struct EvidenceXml {
    json: Vec<u8>,
    snippet: std::cell::RefCell<String>,
}

impl EvidenceXml {
    /// Appends the JSON of `list` (as [`EvidenceJson`] writes it) to `out`, escaped by
    /// [`escape_into`].
    pub fn write(&mut self, out: &mut Vec<u8>, list: &[crate::graph::Evidence], how: Escape) -> io::Result<()> {
        self.json.clear();
        let json = EvidenceJson { list, snippet: &self.snippet };
        serde_json::to_writer(&mut self.json, &json).map_err(io::Error::other)?;
        escape_into(out, &self.json, how);
        Ok(())
    }
}

/// A list of evidence as JSON, the same as serialising the `[Evidence]` itself, with every
/// snippet cut into one reused buffer instead of a `String` of its own.
pub(crate) struct EvidenceJson<'a> {
    /// The evidence.
    pub list: &'a [crate::graph::Evidence],
    /// Scratch space for the snippets.
    pub snippet: &'a std::cell::RefCell<String>,
}

impl serde::Serialize for EvidenceJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.list.len()))?;
        for e in self.list {
            seq.serialize_element(&EvidenceItem { e, snippet: self.snippet })?;
        }
        seq.end()
    }
}

/// One evidence of an [`EvidenceJson`], serialised as [`crate::graph::Evidence`] is.
struct EvidenceItem<'a> {
    e: &'a crate::graph::Evidence,
    snippet: &'a std::cell::RefCell<String>,
}

impl serde::Serialize for EvidenceItem<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut buf = self.snippet.borrow_mut();
        let mut st = s.serialize_struct("Evidence", 4)?;
        st.serialize_field("document", self.e.document())?;
        st.serialize_field("start", &self.e.start())?;
        st.serialize_field("end", &self.e.end())?;
        st.serialize_field("snippet", self.e.snippet_in(&mut buf))?;
        st.end()
    }
}

/// Writes the element `<{open}{value}{close}` on a line of its own at `xw`'s indentation,
/// where `value` is already escaped: what quick-xml writes for an empty element or one
/// holding only text, without copying the value into an element of its own. The writer
/// must be where quick-xml would break the line (after a start tag or a whole element).
pub(crate) fn raw_element<W: Write>(
    xw: &mut quick_xml::Writer<W>,
    open: &[&[u8]],
    value: &[u8],
    close: &[u8],
) -> io::Result<()> {
    xw.write_indent()?;
    let w = xw.get_mut();
    w.write_all(b"<")?;
    for part in open {
        w.write_all(part)?;
    }
    w.write_all(value)?;
    w.write_all(close)
}

/// Capacity of the buffers the writers put in front of their output.
pub(crate) const BUF_SIZE: usize = 1 << 20;

/// Calls `f` on a writer that buffers `w` ([`BUF_SIZE`]) and flushes it at the end,
/// turning the `io::Result` the quick-xml API speaks into an [`ExportError`].
pub(crate) fn with_xml_writer(
    w: &mut dyn Write,
    f: impl FnOnce(&mut quick_xml::Writer<&mut BufWriter<&mut dyn Write>>) -> io::Result<()>,
) -> Result<(), ExportError> {
    let mut buf = BufWriter::with_capacity(BUF_SIZE, w);
    {
        let mut xw = quick_xml::Writer::new_with_indent(&mut buf, b' ', 2);
        xw.write_event(quick_xml::events::Event::Decl(
            quick_xml::events::BytesDecl::new("1.0", Some("UTF-8"), None),
        ))?;
        f(&mut xw)?;
    }
    buf.write_all(b"\n")?;
    buf.flush()?;
    Ok(())
}

/// Colours shared by the GEXF and DOT writers, so a kind looks the same in Gephi and Graphviz.
pub(crate) mod palette {
    use super::{EdgeKind, NodeKind};

    /// Strong node colour (Tableau 10), as RGB.
    pub fn node_rgb(kind: NodeKind) -> (u8, u8, u8) {
        match kind {
            NodeKind::Person => (0x4E, 0x79, 0xA7),
            NodeKind::Institution => (0xF2, 0x8E, 0x2B),
            NodeKind::Event => (0x59, 0xA1, 0x4F),
            NodeKind::Topic => (0xED, 0xC9, 0x48),
            NodeKind::Place => (0xB0, 0x7A, 0xA1),
        }
    }

    /// Light fill of the same hue, for Graphviz node boxes.
    pub fn node_fill(kind: NodeKind) -> &'static str {
        match kind {
            NodeKind::Person => "#A0CBE8",
            NodeKind::Institution => "#FFBE7D",
            NodeKind::Event => "#8CD17D",
            NodeKind::Topic => "#F1CE63",
            NodeKind::Place => "#D4A6C8",
        }
    }

    /// Edge colour by family: speaking roles, presence/authorship, affiliation,
    /// organisation, location, subject matter, mentions.
    pub fn edge_rgb(kind: EdgeKind) -> (u8, u8, u8) {
        match kind {
            k if k.is_speaking() => (0x4E, 0x79, 0xA7),
            EdgeKind::Attendee | EdgeKind::Author => (0x9C, 0x75, 0x5F),
            EdgeKind::AffiliatedWith => (0xF2, 0x8E, 0x2B),
            EdgeKind::OrganizedBy => (0x59, 0xA1, 0x4F),
            EdgeKind::HeldAt => (0xB0, 0x7A, 0xA1),
            EdgeKind::Covers | EdgeKind::Discussed => (0xB6, 0x99, 0x2D),
            EdgeKind::Alongside => (0x4E, 0x79, 0xA7),
            EdgeKind::CoPresent => (0xF2, 0x8E, 0x2B),
            _ => (0xBA, 0xB0, 0xAC),
        }
    }

    /// `#RRGGBB`.
    pub fn hex((r, g, b): (u8, u8, u8)) -> String {
        format!("#{r:02X}{g:02X}{b:02X}")
    }
}

/// A small graph with hostile strings, shared by the exporters' unit tests.
#[cfg(test)]
pub(crate) mod testgraph {
    use crate::graph::{Edge, EdgeKind, Evidence, Node, NodeKind, ReportGraph};

    fn ev(doc: &str, snippet: &str) -> Evidence {
        Evidence::new(doc, 3, 17, snippet)
    }

    fn edge(kind: EdgeKind, key: &str) -> Edge {
        Edge {
            kind,
            key: key.into(),
            title: None,
            session: None,
            documents: vec!["a&b.txt".into()],
            evidence: vec![ev("a&b.txt", "said \"hi\" <b> & \\ \u{1}")],
            weight: None,
            events: vec![],
        }
    }

    /// Persons with `&`, `<>`, quotes, backslash, emoji, accents, Arabic, Cyrillic and a
    /// control character; an event with a partial date; two parallel edges of different kinds.
    pub fn hostile() -> ReportGraph {
        let p1 = Node {
            id: "person:o-brien".into(),
            kind: Some(NodeKind::Person),
            label: "Dr. \"Seán\" O'Brien & <Co> \\ 😀\u{1}".into(),
            aliases: vec!["S. O'Brien".into(), "Шон".into()],
            documents: vec!["a&b.txt".into()],
            evidence: vec![ev("a&b.txt", "Dr. \"Seán\"\u{1}")],
            ..Default::default()
        };
        let p2 = Node {
            id: "person:عبد".into(),
            kind: Some(NodeKind::Person),
            label: "عبد الله Дмитрий Łukasz\\".into(),
            documents: vec!["a&b.txt".into()],
            ..Default::default()
        };
        let inst = Node {
            id: "institution:at-t".into(),
            kind: Some(NodeKind::Institution),
            label: "AT&T <Labs> \"R&D\"".into(),
            subtype: Some("company".into()),
            ..Default::default()
        };
        let event = Node {
            id: "event:x-2019-10".into(),
            kind: Some(NodeKind::Event),
            label: "Seminar: \"Peace & War\" \u{FFFF}".into(),
            title: Some("Peace & War <2019>".into()),
            date: Some("2019-10".into()),
            venue: Some("Hôtel \"Crown\"".into()),
            city: Some("Islamabad".into()),
            subtype: Some("seminar".into()),
            sessions: vec!["Session 1".into(), "Q&A".into()],
            documents: vec!["a&b.txt".into()],
            ..Default::default()
        };
        let topic = Node {
            id: "topic:water".into(),
            kind: Some(NodeKind::Topic),
            label: "water\tsecurity\nline2".into(),
            ..Default::default()
        };
        let place = Node {
            id: "place:islamabad".into(),
            kind: Some(NodeKind::Place),
            label: "Islamabad".into(),
            ..Default::default()
        };
        let mut chair = edge(EdgeKind::Chair, "chair@Session 1");
        chair.session = Some("Session 1".into());
        let mut aff = edge(EdgeKind::AffiliatedWith, "affiliated_with");
        aff.title = Some("VP \"R&D\"".into());
        ReportGraph::from_parts(
            vec![p1, p2, inst, event, topic, place],
            vec![
                ("person:o-brien".into(), "event:x-2019-10".into(), chair),
                (
                    "person:o-brien".into(),
                    "event:x-2019-10".into(),
                    edge(EdgeKind::Speaker, "speaker"),
                ),
                ("person:o-brien".into(), "institution:at-t".into(), aff),
                (
                    "person:عبد".into(),
                    "event:x-2019-10".into(),
                    edge(EdgeKind::Questioner, "questioner"),
                ),
                (
                    "event:x-2019-10".into(),
                    "institution:at-t".into(),
                    edge(EdgeKind::OrganizedBy, "organized_by"),
                ),
                (
                    "event:x-2019-10".into(),
                    "place:islamabad".into(),
                    edge(EdgeKind::HeldAt, "held_at"),
                ),
                (
                    "event:x-2019-10".into(),
                    "topic:water".into(),
                    edge(EdgeKind::Covers, "covers"),
                ),
            ],
            vec!["a&b.txt".into()],
        )
    }

    /// Writes with `f` into a byte vector.
    pub fn render(
        g: &ReportGraph,
        f: fn(&ReportGraph, &mut dyn std::io::Write) -> Result<(), super::ExportError>,
    ) -> Vec<u8> {
        let mut v = Vec::new();
        f(g, &mut v).unwrap();
        v
    }

    /// Elements as (name, unescaped attributes).
    pub type Elems = Vec<(String, Vec<(String, String)>)>;

    /// Parses XML with quick-xml, failing on any error (mismatched tags included); returns
    /// (element name, unescaped attributes) of every start/empty element, and all text.
    pub fn parse_xml(bytes: &[u8]) -> (Elems, String) {
        use quick_xml::events::Event;
        let mut r = quick_xml::Reader::from_reader(bytes);
        r.config_mut().check_end_names = true;
        let mut buf = Vec::new();
        let mut elems = Vec::new();
        let mut text = String::new();
        let mut depth = 0i32;
        loop {
            let ev = r.read_event_into(&mut buf).expect("well-formed XML");
            match &ev {
                Event::Start(e) | Event::Empty(e) => {
                    let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                    let attrs: Vec<(String, String)> = e
                        .attributes()
                        .map(|a| {
                            let a = a.expect("valid attribute");
                            let v = a.unescape_value().expect("valid escapes").into_owned();
                            (String::from_utf8(a.key.as_ref().to_vec()).unwrap(), v)
                        })
                        .collect();
                    elems.push((name, attrs));
                }
                _ => {}
            }
            match ev {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                Event::Text(t) => text.push_str(&t.decode().unwrap()),
                Event::GeneralRef(e) => match e.resolve_char_ref().unwrap() {
                    Some(c) => text.push(c),
                    None => {
                        let s = format!("&{};", e.decode().unwrap());
                        text.push_str(&quick_xml::escape::unescape(&s).expect("known entity"));
                    }
                },
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        assert_eq!(depth, 0, "unbalanced elements");
        let all_attrs = elems
            .iter()
            .flat_map(|(_, a)| a.iter().map(|(_, v)| v.as_str()));
        for s in all_attrs.chain(std::iter::once(text.as_str())) {
            for c in s.chars() {
                assert!(
                    (c >= '\u{20}' || matches!(c, '\t' | '\n' | '\r')) && c != '\u{FFFF}',
                    "XML-illegal character {c:?} in output"
                );
            }
        }
        (elems, text)
    }

    /// Values of attribute `attr` over elements named `elem`.
    pub fn attr_values(
        elems: &[(String, Vec<(String, String)>)],
        elem: &str,
        attr: &str,
    ) -> Vec<String> {
        elems
            .iter()
            .filter(|(n, _)| n == elem)
            .filter_map(|(_, a)| a.iter().find(|(k, _)| k == attr).map(|(_, v)| v.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn failed_write_leaves_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.json");
        write_atomic(&path, |w| Ok(w.write_all(b"old")?)).unwrap();
        let err = write_atomic(&path, |w| {
            w.write_all(b"half a fi")?;
            Err(io::Error::other("disk on fire").into())
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["graph.json"]);
        // And a failed first write leaves nothing at all.
        let fresh = dir.path().join("new.json");
        assert!(write_atomic(&fresh, |_| Err(io::Error::other("no").into())).is_err());
        assert!(!fresh.exists());
        assert_eq!(names(dir.path()), ["graph.json"]);
    }

    #[test]
    fn synced_and_atomic_writes_give_the_same_files() {
        let dir = tempfile::tempdir().unwrap();
        let g = testgraph::hostile();
        let atomic = write_all_timed(&g, &dir.path().join("atomic"), Durability::Atomic).unwrap();
        let synced = write_all_timed(&g, &dir.path().join("synced"), Durability::Synced).unwrap();
        for ((a, _), (s, _)) in atomic.iter().zip(&synced) {
            assert_eq!(a.file_name(), s.file_name());
            assert_eq!(std::fs::read(a).unwrap(), std::fs::read(s).unwrap());
        }
        assert_eq!(names(&dir.path().join("synced")), names(&dir.path().join("atomic")));
    }

    #[test]
    fn write_all_writes_every_format() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("a/b");
        let g = testgraph::hostile();
        let paths = write_all(&g, &out).unwrap();
        assert_eq!(paths.len(), 4);
        assert_eq!(
            names(&out),
            ["graph.dot", "graph.gexf", "graph.graphml", "graph.json"]
        );
        for (p, f) in paths.iter().zip(Format::ALL) {
            let mut expected = Vec::new();
            f.write(&g, &mut expected).unwrap();
            assert_eq!(std::fs::read(p).unwrap(), expected);
        }
    }

    /// [`escape_into`] writes what [`xml_attr`] and [`xml_text`] write.
    #[test]
    fn escape_into_matches_xml_attr_and_text() {
        let cases = [
            "",
            "plain",
            "a&b <c> \"d\" 'e'",
            "tab\tnl\ncr\r ctl\u{1}\u{1F}\u{7F} end",
            "non-chars \u{FFFE}\u{FFFF}\u{FFFD} ï € 😀",
            "\u{FFFF}",
            "x\u{EF}",
        ];
        for s in cases {
            let mut attr = Vec::new();
            escape_into(&mut attr, s.as_bytes(), Escape::Attr);
            assert_eq!(attr, *xml_attr("k", s).value, "{s:?}");
            let mut text = Vec::new();
            escape_into(&mut text, s.as_bytes(), Escape::Text);
            assert_eq!(text, xml_text(s).into_inner().as_ref(), "{s:?}");
        }
    }

    #[test]
    fn evidence_json_matches_evidence() {
        let g = testgraph::hostile();
        let snippet = std::cell::RefCell::new(String::new());
        for (_, n) in g.nodes() {
            let list = &n.evidence;
            assert_eq!(
                serde_json::to_string(&EvidenceJson { list, snippet: &snippet }).unwrap(),
                serde_json::to_string(list).unwrap()
            );
        }
    }

    #[test]
    fn format_names() {
        for f in Format::ALL {
            assert_eq!(f.to_string().parse::<Format>(), Ok(f));
            assert_eq!(f.file_name(), format!("graph.{}", f.extension()));
        }
        assert_eq!("GV".parse::<Format>(), Ok(Format::Dot));
        assert_eq!("cytoscape".parse::<Format>(), Ok(Format::Cytoscape));
        assert_eq!(Format::Cytoscape.file_name(), "graph.cyjs");
        assert!("png".parse::<Format>().is_err());
    }
}
