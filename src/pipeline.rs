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

/// Cleans and extracts one document. Panics if the extractor does (a bug); see
/// [`try_extract_document`] for the version that never panics.
pub fn extract_document(doc: &Document, lex: &Lexicon) -> Extraction {
    extract(&clean(doc, lex), lex)
}

/// A document whose extraction failed: the extractor panicked on it (a bug, reported with
/// the panic's message so it can be fixed). The other documents are not affected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{document}: extraction failed: {message}")]
pub struct ExtractError {
    /// Report file name.
    pub document: String,
    /// The panic's message and location.
    pub message: String,
}

/// Cleans and extracts one document; a panic inside becomes an [`ExtractError`] (and
/// prints nothing).
pub fn try_extract_document(doc: &Document, lex: &Lexicon) -> Result<Extraction, ExtractError> {
    crate::ingest::guard::catch(|| extract_document(doc, lex))
        .map_err(|message| ExtractError { document: doc.name.clone(), message })
}

/// Extracts every document (in parallel unless asked otherwise), in input order, each
/// one panic-safe.
pub fn try_extract_all(docs: &[Document], lex: &Lexicon, opts: &BuildOptions) -> Vec<Result<Extraction, ExtractError>> {
    if opts.single_thread {
        docs.iter().map(|d| try_extract_document(d, lex)).collect()
    } else {
        docs.par_iter().map(|d| try_extract_document(d, lex)).collect()
    }
}

/// Extracts every document (in parallel unless asked otherwise), in input order.
/// Documents whose extraction failed are left out ([`try_extract_all`] tells which).
pub fn extract_all(docs: &[Document], lex: &Lexicon, opts: &BuildOptions) -> Vec<Extraction> {
    try_extract_all(docs, lex, opts).into_iter().filter_map(Result::ok).collect()
}

/// Builds the graph of a set of documents, and says which documents failed extraction
/// (they are left out of the graph). The result does not depend on the documents' order.
pub fn build_checked(docs: &[Document], lex: &Lexicon, opts: &BuildOptions) -> (ReportGraph, Vec<ExtractError>) {
    let mut xs = Vec::with_capacity(docs.len());
    let mut failed = Vec::new();
    for r in try_extract_all(docs, lex, opts) {
        match r {
            Ok(x) => xs.push(x),
            Err(e) => failed.push(e),
        }
    }
    failed.sort_by(|a, b| a.document.cmp(&b.document));
    (build_graph(resolve_with(&xs, lex, &opts.aliases)), failed)
}

/// Builds the graph of a set of documents. The result does not depend on their order.
/// Documents whose extraction failed are left out ([`build_checked`] tells which).
pub fn build(docs: &[Document], lex: &Lexicon, opts: &BuildOptions) -> ReportGraph {
    build_checked(docs, lex, opts).0
}
