//! CSV tables: `nodes.csv` and `edges.csv`, for Gephi's spreadsheet import or for
//! `neo4j-admin database import`.
//!
//! **Gephi** ([`Flavor::Gephi`]; *File → Import spreadsheet*, nodes table first, then
//! edges table "append to existing workspace"):
//!
//! - `nodes.csv`: `Id,Label,kind,aliases,documents,title,date,venue,city,subtype,sessions,degree,evidence`
//! - `edges.csv`: `Source,Target,Type,Id,Label,kind,key,Weight,title,session,events,documents,evidence`
//!
//! `Type` is `Directed` or `Undirected` (the views), `Weight` 1.0 in the report graph and
//! the view's weight otherwise, `Label` the edge kind. Lists are joined with `" | "`,
//! evidence is a JSON array.
//!
//! **Neo4j** ([`Flavor::Neo4j`]): headers in the `neo4j-admin database import` format:
//!
//! - `nodes.csv`: `id:ID,:LABEL,name,kind,aliases:string[],documents:string[],title,date,venue,city,subtype,sessions:string[],degree:int,evidence`
//! - `edges.csv`: `:START_ID,:END_ID,:TYPE,key,weight:float,title,session,events:string[],documents:string[],evidence`
//!
//! `:LABEL` is the node kind capitalised (`Person`, `Institution`, `Event`, `Topic`,
//! `Place`), `:TYPE` the edge kind in upper case (`SPEAKER`, `AFFILIATED_WITH`,
//! `ALONGSIDE` …). Arrays use neo4j-admin's default `;` delimiter (a `;` inside an element
//! becomes `,`). Line breaks inside values become spaces, so the default
//! `--multiline-fields=false` works. Neo4j relationships are always directed: an
//! undirected view's edge is written once, from the smaller id to the larger.
//!
//! Both flavours: UTF-8 without BOM, `\n` line ends, quoting only where needed (RFC 4180,
//! `"` doubled), characters XML also refuses (control characters) removed.

use super::{degree, fmt_weight, ExportError, LIST_SEP};
use crate::graph::{NodeKind, ReportGraph};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which program the tables are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flavor {
    /// Gephi's spreadsheet import (`Id`, `Label`, `Source`, `Target`, `Type`, `Weight`).
    Gephi,
    /// `neo4j-admin database import` (`:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`).
    Neo4j,
}

/// The node table's file name.
pub const NODES_FILE: &str = "nodes.csv";
/// The edge table's file name.
pub const EDGES_FILE: &str = "edges.csv";

/// The Gephi node header.
pub const GEPHI_NODE_HEADER: [&str; 13] = [
    "Id",
    "Label",
    "kind",
    "aliases",
    "documents",
    "title",
    "date",
    "venue",
    "city",
    "subtype",
    "sessions",
    "degree",
    "evidence",
];
/// The Gephi edge header.
pub const GEPHI_EDGE_HEADER: [&str; 13] = [
    "Source",
    "Target",
    "Type",
    "Id",
    "Label",
    "kind",
    "key",
    "Weight",
    "title",
    "session",
    "events",
    "documents",
    "evidence",
];
/// The neo4j-admin node header.
pub const NEO4J_NODE_HEADER: [&str; 14] = [
    "id:ID",
    ":LABEL",
    "name",
    "kind",
    "aliases:string[]",
    "documents:string[]",
    "title",
    "date",
    "venue",
    "city",
    "subtype",
    "sessions:string[]",
    "degree:int",
    "evidence",
];
/// The neo4j-admin edge header.
pub const NEO4J_EDGE_HEADER: [&str; 10] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "key",
    "weight:float",
    "title",
    "session",
    "events:string[]",
    "documents:string[]",
    "evidence",
];

/// The Neo4j label of a node kind: `Person`, `Institution` …
pub fn neo4j_label(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "Person",
        NodeKind::Institution => "Institution",
        NodeKind::Event => "Event",
        NodeKind::Topic => "Topic",
        NodeKind::Place => "Place",
    }
}

/// A cell value: control characters removed; for Neo4j also line breaks turned into spaces.
fn cell(s: &str, flavor: Flavor) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' | '\r' if flavor == Flavor::Neo4j => Some(' '),
            '\n' | '\r' => Some(c),
            c if c < '\u{20}' || c == '\u{7F}' || c == '\u{FFFE}' || c == '\u{FFFF}' => None,
            c => Some(c),
        })
        .collect()
}

/// A list cell: Gephi ` | `-joined, Neo4j `;`-joined.
fn list(items: &[String], flavor: Flavor) -> String {
    match flavor {
        Flavor::Gephi => cell(&items.join(LIST_SEP), flavor),
        Flavor::Neo4j => items
            .iter()
            .map(|s| cell(s, flavor).replace(';', ","))
            .collect::<Vec<_>>()
            .join(";"),
    }
}

fn opt(s: &Option<String>, flavor: Flavor) -> String {
    s.as_deref().map(|s| cell(s, flavor)).unwrap_or_default()
}

fn writer(w: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(w)
}

fn csv_err(e: csv::Error) -> ExportError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => ExportError::Io(io),
        other => ExportError::Io(std::io::Error::other(format!("{other:?}"))),
    }
}

/// Writes the node table.
pub fn write_nodes(g: &ReportGraph, flavor: Flavor, w: &mut dyn Write) -> Result<(), ExportError> {
    let mut out = writer(w);
    match flavor {
        Flavor::Gephi => out.write_record(GEPHI_NODE_HEADER),
        Flavor::Neo4j => out.write_record(NEO4J_NODE_HEADER),
    }
    .map_err(csv_err)?;
    for (ix, n) in g.nodes() {
        let evidence = cell(&serde_json::to_string(&n.evidence)?, flavor);
        let head = match flavor {
            Flavor::Gephi => vec![cell(&n.id, flavor), cell(&n.label, flavor)],
            Flavor::Neo4j => vec![
                cell(&n.id, flavor),
                neo4j_label(n.kind()).to_string(),
                cell(&n.label, flavor),
            ],
        };
        let rest = [
            n.kind().as_str().to_string(),
            list(&n.aliases, flavor),
            list(&n.documents, flavor),
            opt(&n.title, flavor),
            opt(&n.date, flavor),
            opt(&n.venue, flavor),
            opt(&n.city, flavor),
            opt(&n.subtype, flavor),
            list(&n.sessions, flavor),
            degree(g, ix).to_string(),
            evidence,
        ];
        out.write_record(head.iter().chain(rest.iter()))
            .map_err(csv_err)?;
    }
    out.flush()?;
    Ok(())
}

/// Writes the edge table.
pub fn write_edges(g: &ReportGraph, flavor: Flavor, w: &mut dyn Write) -> Result<(), ExportError> {
    let mut out = writer(w);
    match flavor {
        Flavor::Gephi => out.write_record(GEPHI_EDGE_HEADER),
        Flavor::Neo4j => out.write_record(NEO4J_EDGE_HEADER),
    }
    .map_err(csv_err)?;
    let ty = if g.undirected {
        "Undirected"
    } else {
        "Directed"
    };
    for (i, (_, s, t, e)) in g.edges().enumerate() {
        let evidence = cell(&serde_json::to_string(&e.evidence)?, flavor);
        let (src, dst) = (cell(&g.graph[s].id, flavor), cell(&g.graph[t].id, flavor));
        let weight = fmt_weight(e.weight_or_one());
        let record: Vec<String> = match flavor {
            Flavor::Gephi => vec![
                src,
                dst,
                ty.into(),
                format!("e{i}"),
                e.kind.as_str().into(),
                e.kind.as_str().into(),
                cell(&e.key, flavor),
                weight,
                opt(&e.title, flavor),
                opt(&e.session, flavor),
                list(&e.events, flavor),
                list(&e.documents, flavor),
                evidence,
            ],
            Flavor::Neo4j => vec![
                src,
                dst,
                e.kind.as_str().to_ascii_uppercase(),
                cell(&e.key, flavor),
                weight,
                opt(&e.title, flavor),
                opt(&e.session, flavor),
                list(&e.events, flavor),
                list(&e.documents, flavor),
                evidence,
            ],
        };
        out.write_record(&record).map_err(csv_err)?;
    }
    out.flush()?;
    Ok(())
}

/// Writes `dir/nodes.csv` and `dir/edges.csv` (dir created if missing), each atomically.
/// Returns their paths.
pub fn write_tables(
    g: &ReportGraph,
    flavor: Flavor,
    dir: &Path,
) -> Result<[PathBuf; 2], ExportError> {
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Create {
        path: dir.to_path_buf(),
        source,
    })?;
    let nodes = dir.join(NODES_FILE);
    let edges = dir.join(EDGES_FILE);
    super::write_atomic(&nodes, |w| write_nodes(g, flavor, w))?;
    super::write_atomic(&edges, |w| write_edges(g, flavor, w))?;
    Ok([nodes, edges])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testgraph::hostile;

    fn read(bytes: &[u8]) -> Table {
        let mut r = csv::Reader::from_reader(bytes);
        let head = r.headers().unwrap().iter().map(String::from).collect();
        let rows = r
            .records()
            .map(|x| x.unwrap().iter().map(String::from).collect())
            .collect();
        (head, rows)
    }

    type Table = (Vec<String>, Vec<Vec<String>>);

    fn tables(flavor: Flavor) -> (Table, Table) {
        let g = hostile();
        let (mut n, mut e) = (Vec::new(), Vec::new());
        write_nodes(&g, flavor, &mut n).unwrap();
        write_edges(&g, flavor, &mut e).unwrap();
        (read(&n), read(&e))
    }

    #[test]
    fn gephi_tables() {
        let g = hostile();
        let ((nh, nodes), (eh, edges)) = tables(Flavor::Gephi);
        assert_eq!(nh, GEPHI_NODE_HEADER);
        assert_eq!(eh, GEPHI_EDGE_HEADER);
        assert_eq!(nodes.len(), g.node_count());
        assert_eq!(edges.len(), g.edge_count());
        let obrien = nodes.iter().find(|r| r[0] == "person:o-brien").unwrap();
        assert_eq!(obrien[1], "Dr. \"Seán\" O'Brien & <Co> \\ 😀");
        assert_eq!(obrien[3], "S. O'Brien | Шон");
        let topic = nodes.iter().find(|r| r[0] == "topic:water").unwrap();
        assert_eq!(topic[1], "water security\nline2");
        assert!(edges.iter().all(|r| r[2] == "Directed" && r[7] == "1.0"));
        let ids: std::collections::BTreeSet<_> = edges.iter().map(|r| &r[3]).collect();
        assert_eq!(ids.len(), edges.len());
        let chair = edges.iter().find(|r| r[5] == "chair").unwrap();
        assert_eq!(chair[6], "chair@Session 1");
        assert_eq!(chair[9], "Session 1");
    }

    #[test]
    fn neo4j_tables() {
        let ((nh, nodes), (eh, edges)) = tables(Flavor::Neo4j);
        assert_eq!(nh, NEO4J_NODE_HEADER);
        assert_eq!(eh, NEO4J_EDGE_HEADER);
        let event = nodes.iter().find(|r| r[1] == "Event").unwrap();
        assert_eq!(event[11], "Session 1;Q&A");
        let topic = nodes.iter().find(|r| r[0] == "topic:water").unwrap();
        assert_eq!(topic[2], "water security line2");
        assert!(edges.iter().any(|r| r[2] == "AFFILIATED_WITH"));
        assert!(edges.iter().all(|r| r[4] == "1.0"));
        for r in nodes.iter().chain(edges.iter()) {
            for c in r {
                assert!(!c.contains('\n') && !c.contains('\u{1}'), "{c:?}");
            }
        }
    }

    #[test]
    fn undirected_views_say_so() {
        let v = crate::export::view::view(
            &hostile(),
            crate::export::view::View::Alongside,
            &Default::default(),
        )
        .unwrap();
        let mut e = Vec::new();
        write_edges(&v, Flavor::Gephi, &mut e).unwrap();
        let (_, rows) = read(&e);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0][2], "Undirected");
        assert_eq!(rows[0][5], "alongside");
        assert_eq!(rows[0][10], "event:x-2019-10");
    }

    #[test]
    fn tables_in_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let [n, e] = write_tables(&hostile(), Flavor::Gephi, &dir.path().join("x")).unwrap();
        assert!(n.ends_with("x/nodes.csv") && e.ends_with("x/edges.csv"));
        assert!(std::fs::read_to_string(n)
            .unwrap()
            .starts_with("Id,Label,kind,"));
    }
}
