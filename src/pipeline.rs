//! The whole pipeline in one call: documents in, graph out.

use crate::extract::{extract, Extraction};
use crate::graph::{build_graph, ReportGraph};
use crate::ingest::Document;
use crate::lexicon::Lexicon;
use crate::resolve::resolve_with;
use crate::text::clean;
use rayon::prelude::*;

/// Options of a build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Extract on one thread only.
    pub single_thread: bool,
    /// User rules forcing names together or apart (see [`crate::resolve::aliases`]).
    pub aliases: crate::resolve::Aliases,
}

/// Cleans and extracts one document.
pub fn extract_document(doc: &Document, lex: &Lexicon) -> Extraction {
    extract(&clean(doc, lex), lex)
}

/// Extracts every document (in parallel unless asked otherwise), in input order.
pub fn extract_all(docs: &[Document], lex: &Lexicon, opts: &BuildOptions) -> Vec<Extraction> {
    if opts.single_thread {
        docs.iter().map(|d| extract_document(d, lex)).collect()
    } else {
        docs.par_iter().map(|d| extract_document(d, lex)).collect()
    }
}

/// Builds the graph of a set of documents. The result does not depend on their order.
pub fn build(docs: &[Document], lex: &Lexicon, opts: &BuildOptions) -> ReportGraph {
    let xs = extract_all(docs, lex, opts);
    build_graph(&resolve_with(&xs, lex, &opts.aliases))
}
