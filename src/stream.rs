//! Streaming build: report files in, graph out, without holding the corpus in memory.
//!
//! [`build_paths`] reads, cleans and extracts each file inside one parallel map (rayon; a
//! plain iterator with [`BuildOptions::single_thread`]): a report's text lives only while
//! its own extraction runs, and only its [`Extraction`] is kept. Then the extractions are
//! resolved ([`crate::resolve`]) and the graph is built ([`crate::graph::build_graph`]),
//! exactly as [`crate::pipeline::build`] does for documents already in memory — the two
//! give the same graph for the same files.
//!
//! Cost, for D reports of total size B bytes and m extracted mentions:
//! - read + clean + extract: O(B) work, spread over the threads; the per-report steps are
//!   independent;
//! - memory: the D extractions (persons, institutions, facts, and of each report's text
//!   only the windows its evidence snippets are cut from, once: see
//!   [`crate::graph::Source`]) plus, per thread, the one report being extracted;
//! - resolve and graph: as documented in [`crate::resolve`] (blocking keys) and
//!   [`crate::graph`]; they run on one thread after the parallel phase.
//!
//! [`StageTimes`] says where the time went; [`progress_bar`] gives a ready bar for the
//! `progress` callback when stderr is a terminal.

use crate::extract::{extract, Extraction};
use crate::graph::{build_graph, ReportGraph};
use crate::ingest::{guard, read_document_with, IngestError, ReadOptions};
use crate::lexicon::Lexicon;
use crate::pipeline::BuildOptions;
use crate::resolve::resolve_with;
use crate::text::clean;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A report file the build could not use, and why. The build goes on with the others.
#[derive(Debug, thiserror::Error)]
pub enum Skip {
    /// Unreadable, empty, binary, too large, or an HTML/PDF file without text.
    #[error(transparent)]
    Unreadable(#[from] IngestError),
    /// Another input file has the same file name: one report per name, the first (in
    /// input order) is kept.
    #[error("{}: same file name as {}", path.display(), first.display())]
    SameName {
        /// The file left out.
        path: PathBuf,
        /// The file of that name that was kept.
        first: PathBuf,
    },
    /// The extractor failed on the file (a bug, reported with its message).
    #[error("{}: extraction failed: {message}", path.display())]
    Failed {
        /// The file.
        path: PathBuf,
        /// The panic's message and location.
        message: String,
    },
}

impl Skip {
    /// The file left out.
    pub fn path(&self) -> &Path {
        match self {
            Skip::Unreadable(e) => e.path(),
            Skip::SameName { path, .. } | Skip::Failed { path, .. } => path,
        }
    }
}

/// Where a build's time went.
///
/// `read_clean` and `extract` are summed over the reports (so over all threads: CPU time
/// rather than wall time); `parallel_wall` is the wall time of the whole read + clean +
/// extract phase. `resolve` and `graph` are wall times (single-threaded stages).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes {
    /// Reading, decoding and cleaning, summed over reports.
    pub read_clean: Duration,
    /// Extraction, summed over reports.
    pub extract: Duration,
    /// Wall time of the parallel read + clean + extract phase.
    pub parallel_wall: Duration,
    /// Resolution.
    pub resolve: Duration,
    /// Building the graph.
    pub graph: Duration,
    /// Reports read and extracted (skipped ones not counted).
    pub documents: usize,
    /// Bytes of text of those reports (as decoded: the size of the `original` text).
    pub bytes: u64,
    /// Threads used by the parallel phase.
    pub threads: usize,
}

impl StageTimes {
    /// Wall time of the whole build: parallel phase + resolve + graph.
    pub fn total(&self) -> Duration {
        self.parallel_wall + self.resolve + self.graph
    }
}

/// What a build reports to its `progress` callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// This many more report files were read and extracted, or skipped (called from the
    /// worker threads).
    Reports(usize),
    /// A single-threaded stage after extraction begins: `"resolving"`, `"building the graph"`.
    Stage(&'static str),
}

/// One report's outcome in the parallel phase.
struct Item {
    result: Result<Extraction, Skip>,
    read_clean: Duration,
    extract: Duration,
    bytes: u64,
}

fn process(path: &PathBuf, lex: &Lexicon, read: &ReadOptions) -> Item {
    let t0 = Instant::now();
    let doc = match read_document_with(path, read) {
        Ok(d) => d,
        Err(e) => return Item { result: Err(Skip::Unreadable(e)), read_clean: t0.elapsed(), extract: Duration::ZERO, bytes: 0 },
    };
    let bytes = doc.original.len() as u64;
    let cleaned = guard::catch(|| clean(&doc, lex));
    drop(doc);
    let t1 = Instant::now();
    let result = cleaned
        .and_then(|c| guard::catch(|| extract(&c, lex)))
        .map_err(|message| Skip::Failed { path: path.clone(), message });
    Item { result, read_clean: t1 - t0, extract: t1.elapsed(), bytes }
}

/// Builds the graph of report files, streaming: see the [module docs](self).
///
/// Returns the graph, the files skipped with the reason ([`Skip`]), in input order, and
/// the [`StageTimes`]. User alias rules in `opts` apply as in [`crate::pipeline::build`]. `progress`, if
/// given, is called with `1` each time a file has been read and extracted (or skipped),
/// from the worker threads — e.g. `Some(&|n| bar.inc(n as u64))`. Files are read with
/// [`ReadOptions::default`]; [`build_paths_with`] takes other options.
pub fn build_paths(
    paths: &[PathBuf],
    lex: &Lexicon,
    opts: &BuildOptions,
    progress: Option<&(dyn Fn(Progress) + Sync)>,
) -> (ReportGraph, Vec<Skip>, StageTimes) {
    build_paths_with(paths, lex, opts, &ReadOptions::default(), progress)
}

/// [`build_paths`] with the given [`ReadOptions`] (size limit).
pub fn build_paths_with(
    paths: &[PathBuf],
    lex: &Lexicon,
    opts: &BuildOptions,
    read: &ReadOptions,
    progress: Option<&(dyn Fn(Progress) + Sync)>,
) -> (ReportGraph, Vec<Skip>, StageTimes) {
    let (xs, skipped, mut times) = extract_paths(paths, lex, opts, read, progress);
    let stage = |name| {
        if let Some(f) = progress {
            f(Progress::Stage(name));
        }
    };
    stage("resolving");
    let t = Instant::now();
    let resolved = resolve_with(&xs, lex, &opts.aliases);
    drop(xs);
    times.resolve = t.elapsed();
    stage("building the graph");
    let t = Instant::now();
    let g = build_graph(resolved);
    times.graph = t.elapsed();
    (g, skipped, times)
}

/// The parallel phase alone: reads, cleans and extracts every file (in parallel unless
/// `opts.single_thread`), keeping only the extractions, in input order; of several files
/// with one name, the first is kept ([`Skip::SameName`]). `resolve` and `graph` of the
/// returned times are zero.
pub fn extract_paths(
    paths: &[PathBuf],
    lex: &Lexicon,
    opts: &BuildOptions,
    read: &ReadOptions,
    progress: Option<&(dyn Fn(Progress) + Sync)>,
) -> (Vec<Extraction>, Vec<Skip>, StageTimes) {
    let start = Instant::now();
    let one = |p: &PathBuf| {
        let item = process(p, lex, read);
        if let Some(f) = progress {
            f(Progress::Reports(1));
        }
        item
    };
    let (items, threads): (Vec<Item>, usize) = if opts.single_thread {
        (paths.iter().map(one).collect(), 1)
    } else {
        (paths.par_iter().map(one).collect(), rayon::current_num_threads())
    };
    let mut times = StageTimes { threads, ..Default::default() };
    let mut xs = Vec::with_capacity(items.len());
    let mut skipped = Vec::new();
    let mut first_of_name: HashMap<String, usize> = HashMap::new();
    for (i, it) in items.into_iter().enumerate() {
        times.read_clean += it.read_clean;
        times.extract += it.extract;
        match it.result {
            Ok(x) => {
                if let Some(&first) = first_of_name.get(&x.document) {
                    skipped.push(Skip::SameName { path: paths[i].clone(), first: paths[first].clone() });
                    continue;
                }
                first_of_name.insert(x.document.clone(), i);
                times.documents += 1;
                times.bytes += it.bytes;
                xs.push(x);
            }
            Err(e) => skipped.push(e),
        }
    }
    times.parallel_wall = start.elapsed();
    (xs, skipped, times)
}

/// A progress bar on stderr for `total` reports, or `None` when stderr is not a terminal
/// (piped, redirected, CI): then the build stays quiet. Feed it from the `progress`
/// callback of [`build_paths`] ([`feed`]) and call `finish_and_clear` when the build is
/// done.
pub fn progress_bar(total: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(Some(total as u64), indicatif::ProgressDrawTarget::stderr());
    let style = indicatif::ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} reports ({per_sec}, ETA {eta}) {msg}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}

/// Moves `bar` on by a [`Progress`] event: reports advance it, a stage becomes its message.
pub fn feed(bar: &indicatif::ProgressBar, p: Progress) {
    match p {
        Progress::Reports(n) => bar.inc(n as u64),
        Progress::Stage(name) => bar.set_message(format!("— {name}")),
    }
}

#[cfg(test)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Format;
    use crate::ingest::read_document;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn json(g: &ReportGraph) -> Vec<u8> {
        let mut out = Vec::new();
        Format::Json.write(g, &mut out).unwrap();
        out
    }

    #[test]
    fn same_graph_as_pipeline_build() {
        let dir = tempfile::tempdir().unwrap();
        let st = gen_corpus::generate(24, 7, dir.path()).unwrap();
        assert_eq!(st.files, 24);
        let mut paths = crate::ingest::collect_paths(&[dir.path().to_path_buf()]).unwrap();
        // an unreadable file is skipped with its reason, the rest goes on
        std::fs::write(dir.path().join("empty.txt"), "").unwrap();
        paths.push(dir.path().join("empty.txt"));
        let lex = Lexicon::builtin();
        let docs: Vec<_> = paths.iter().filter_map(|p| read_document(p).ok()).collect();
        assert_eq!(docs.len(), 24);
        let want = json(&crate::pipeline::build(&docs, &lex, &Default::default()));
        for single_thread in [false, true] {
            let calls = AtomicUsize::new(0);
            let stages = std::sync::Mutex::new(Vec::new());
            let tick = |p: Progress| match p {
                Progress::Reports(n) => {
                    calls.fetch_add(n, Ordering::Relaxed);
                }
                Progress::Stage(s) => stages.lock().unwrap().push(s),
            };
            let opts = BuildOptions { single_thread, ..Default::default() };
            let (g, skipped, times) = build_paths(&paths, &lex, &opts, Some(&tick));
            assert_eq!(json(&g), want, "single_thread = {single_thread}");
            assert_eq!(skipped.len(), 1);
            assert!(skipped[0].path().ends_with("empty.txt") && skipped[0].to_string().contains("empty"), "{skipped:?}");
            assert_eq!(calls.load(Ordering::Relaxed), 25);
            assert_eq!(*stages.lock().unwrap(), ["resolving", "building the graph"]);
            assert_eq!(times.documents, 24);
            assert_eq!(times.bytes, docs.iter().map(|d| d.original.len() as u64).sum::<u64>());
            assert!(g.node_count() > 24);
        }
    }

    #[test]
    fn generator_is_deterministic_and_sized() {
        let c = gen_corpus::Corpus::new(50, 3);
        for i in 0..50 {
            let (name, text, _, persons) = gen_corpus::report(&c, i);
            assert_eq!((name.clone(), text.clone()), { let r = gen_corpus::report(&c, i); (r.0, r.1) });
            assert_eq!(name, gen_corpus::file_name(&c, i));
            assert!((1900..=8000).contains(&text.len()), "{name}: {} bytes", text.len());
            assert!(persons.len() >= 3);
        }
    }
}
