//! # reportgraph
//!
//! Reads event reports (seminars, conferences, panels, press releases, news items), extracts
//! the persons, institutions, events and topics in them and the relations between them
//! (spoke at, chaired, moderated, asked, affiliated with, organised by, held at, discussed),
//! recognises the same person, institution or event across reports, and builds one graph
//! for Gephi, Graphviz, networkx and your own code.
//!
//! Data flows one way, one module per stage:
//!
//! ```text
//! ingest (Document) → text (CleanText) → extract (Extraction) → resolve (Resolved)
//!        → graph (ReportGraph) → export / query
//! ```
//!
//! ```no_run
//! let lex = reportgraph::Lexicon::builtin();
//! let docs = vec![reportgraph::Document::new("a.txt", "The seminar was chaired by Dr. Jane Roe.")];
//! let graph = reportgraph::build(&docs, &lex, &Default::default());
//! println!("{} nodes", graph.node_count());
//! ```
#![deny(missing_docs)]

pub mod export;
pub mod eval;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod lexicon;
pub mod pipeline;
pub mod query;
pub mod resolve;
pub mod stream;
pub mod text;

pub use graph::{Edge, EdgeKind, Evidence, Node, NodeKind, ReportGraph};
pub use ingest::Document;
pub use lexicon::Lexicon;
pub use pipeline::build;
