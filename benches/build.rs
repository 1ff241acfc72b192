//! Build benchmark: the whole `build` (read + clean, extract, resolve, graph, the four
//! exports) on generated corpora of 1k, 10k and 100k reports, single thread and all cores,
//! with peak memory per run. Writes `BENCHMARKS.md`.
//!
//! ```text
//! cargo bench --bench build                                   # 1k, 10k, 100k → BENCHMARKS.md
//! BUILD_BENCH_SIZES=1000,10000 cargo bench --bench build      # other sizes
//! BUILD_BENCH_TIMEOUT=300 cargo bench --bench build           # limit after extraction, s (default 900)
//! BUILD_BENCH_DIR=/tmp/rg-bench cargo bench --bench build     # where corpora and outputs go
//! BUILD_BENCH_MODES=all cargo bench --bench build              # only all cores (default single,all)
//! BUILD_BENCH_FSYNC=1 cargo bench --bench build                # exports synced to disk, as `build --fsync`
//! ```
//!
//! Corpora come from `examples/gen_corpus.rs` (seed 42) and are kept in
//! `BUILD_BENCH_DIR/corpus-N` between runs. Each (N, mode) run is a fresh child process (this
//! binary re-invoked with `--child`), so the peak resident memory (VmHWM) is that run's
//! alone. A run that exceeds the time limit is killed and reported with the stages it
//! finished: the limit counts from the end of the parallel read+clean+extract phase (which
//! always runs to the end, up to an hour), so extraction is measured at every size. Without `--bench` on the command line (as `cargo test --benches` runs it) it is
//! a smoke run on 200 reports that writes nothing.

#[path = "../examples/gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

use reportgraph::export::Format;

/// The allocator of the `reportgraph` binary, so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use reportgraph::pipeline::BuildOptions;
use reportgraph::stream::extract_paths;
use reportgraph::Lexicon;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SEED: u64 = 42;
/// Everything after this line of BENCHMARKS.md is kept when the tables are rewritten.
const NOTES_MARKER: &str = "<!-- generated above by `cargo bench --bench build`; notes below are kept -->";
/// No run goes on longer than this, whatever the stage.
const HARD_LIMIT: Duration = Duration::from_secs(3600);

fn status_kb(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(key)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

/// Exports are synced to disk (as `build --fsync`) when `BUILD_BENCH_FSYNC` is set.
fn durability() -> reportgraph::export::Durability {
    match std::env::var_os("BUILD_BENCH_FSYNC") {
        Some(_) => reportgraph::export::Durability::Synced,
        None => reportgraph::export::Durability::Atomic,
    }
}

fn vm_hwm_kb() -> u64 {
    status_kb("VmHWM:")
}

/// Current resident memory in MB.
fn rss_mb() -> f64 {
    status_kb("VmRSS:") as f64 / 1024.0
}

/// CPU time (user + system) of this process so far, all threads, in seconds (from
/// /proc/self/stat, clock ticks of 1/100 s).
fn cpu_s() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = &s[s.rfind(')')? + 2..];
            let f: Vec<&str> = rest.split_whitespace().collect();
            Some((f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?) / 100.0)
        })
        .unwrap_or(0.0)
}

/// One line `key value` on stdout, flushed, so the parent sees it even if killed later.
fn emit(k: &str, v: impl std::fmt::Display) {
    let mut o = std::io::stdout().lock();
    let _ = writeln!(o, "{k} {v}");
    let _ = o.flush();
}

/// The measured run: `--child CORPUS single|all OUT`.
fn child(corpus: &Path, mode: &str, out: &Path) {
    let t_all = Instant::now();
    let cpu0 = cpu_s();
    let lex = Lexicon::builtin();
    emit("lexicon_s", t_all.elapsed().as_secs_f64());
    let opts = BuildOptions { single_thread: mode == "single", ..Default::default() };
    if opts.single_thread {
        // the exports (in parallel otherwise) also get one thread, as `build --single-thread`
        let _ = rayon::ThreadPoolBuilder::new().num_threads(1).build_global();
    }
    let paths = reportgraph::ingest::collect_paths(&[corpus.to_path_buf()]).expect("corpus");
    emit("list_s", t_all.elapsed().as_secs_f64());
    let (xs, skipped, times) = extract_paths(&paths, &lex, &opts, &Default::default(), None);
    emit("reports", times.documents);
    emit("skipped", skipped.len());
    emit("bytes", times.bytes);
    emit("threads", times.threads);
    emit("read_clean_sum_s", times.read_clean.as_secs_f64());
    emit("extract_sum_s", times.extract.as_secs_f64());
    emit("parallel_wall_s", times.parallel_wall.as_secs_f64());
    emit("parallel_cpu_s", cpu_s() - cpu0);
    emit("rss_after_extract_mb", vm_hwm_kb() as f64 / 1024.0);
    let t = Instant::now();
    emit("rss_extracted_mb", rss_mb());
    let resolved = reportgraph::resolve::resolve(&xs, &lex);
    drop(xs);
    emit("resolve_s", t.elapsed().as_secs_f64());
    emit("rss_resolved_mb", rss_mb());
    let t = Instant::now();
    let g = reportgraph::graph::build_graph(resolved);
    emit("graph_s", t.elapsed().as_secs_f64());
    emit("rss_graph_mb", rss_mb());
    emit("hwm_graph_mb", vm_hwm_kb() as f64 / 1024.0);
    emit("nodes", g.node_count());
    emit("edges", g.edge_count());
    emit("persons", g.counts().0.get(&reportgraph::NodeKind::Person).copied().unwrap_or(0));
    // the four exports in parallel, as `build` writes them
    let t = Instant::now();
    let written = reportgraph::export::write_all_timed(&g, out, durability()).expect("export");
    emit("exports_s", t.elapsed().as_secs_f64());
    for (f, (path, took)) in Format::ALL.iter().zip(written) {
        emit(&format!("export_{}_s", f.extension()), took.as_secs_f64());
        emit(&format!("export_{}_mb", f.extension()), std::fs::metadata(&path).map_or(0, |m| m.len()) as f64 / 1e6);
    }
    emit("total_s", t_all.elapsed().as_secs_f64());
    emit("cpu_s", cpu_s() - cpu0);
    emit("peak_rss_mb", vm_hwm_kb() as f64 / 1024.0);
}

type Run = BTreeMap<String, f64>;

/// Runs one child with a time limit; returns what it printed and whether it finished.
fn run_child(corpus: &Path, mode: &str, out: &Path, limit: Duration) -> (Run, bool) {
    let exe = std::env::current_exe().expect("own path");
    let mut ch = Command::new(exe)
        .arg("--child")
        .arg(corpus)
        .arg(mode)
        .arg(out)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawning the child run");
    let stdout = ch.stdout.take().expect("child stdout");
    // when the parallel phase ended (the limit counts from there)
    let extracted: std::sync::Arc<std::sync::Mutex<Option<Instant>>> = Default::default();
    let seen = extracted.clone();
    let reader = std::thread::spawn(move || {
        let mut m = Run::new();
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some((k, v)) = line.split_once(' ') {
                if k == "parallel_wall_s" {
                    *seen.lock().expect("lock") = Some(Instant::now());
                }
                if let Ok(v) = v.trim().parse() {
                    m.insert(k.to_string(), v);
                }
            }
        }
        m
    });
    let start = Instant::now();
    let finished = loop {
        if let Some(st) = ch.try_wait().expect("waiting for the child") {
            break st.success();
        }
        let since = extracted.lock().expect("lock").map(|t| t.elapsed());
        if since.is_some_and(|d| d > limit) || start.elapsed() > HARD_LIMIT {
            let _ = ch.kill(); // the child this function spawned, by its handle
            let _ = ch.wait();
            break false;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut m = reader.join().expect("reader thread");
    m.insert("wall_s".into(), start.elapsed().as_secs_f64());
    (m, finished)
}

fn corpus(dir: &Path, n: usize) -> (PathBuf, f64) {
    let c = dir.join(format!("corpus-{n}-seed{SEED}"));
    let done = c.join("truth.tsv");
    if done.exists() && std::fs::read_to_string(&done).map_or(0, |t| t.lines().count()) == n + 1 {
        return (c, 0.0);
    }
    let _ = std::fs::remove_dir_all(&c);
    let t = Instant::now();
    let st = gen_corpus::generate(n, SEED, &c).expect("generating the corpus");
    let s = t.elapsed().as_secs_f64();
    eprintln!("generated {n} reports, {:.1} MB, in {s:.1} s", st.bytes as f64 / 1e6);
    (c, s)
}

/// Reads every file of the corpus once (into the page cache); returns the seconds it took.
fn warm(corpus: &Path) -> f64 {
    let t = Instant::now();
    let paths = reportgraph::ingest::collect_paths(&[corpus.to_path_buf()]).expect("corpus");
    let mut n = 0usize;
    for p in &paths {
        n += std::fs::read(p).map_or(0, |b| b.len());
    }
    std::hint::black_box(n);
    t.elapsed().as_secs_f64()
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string()))
        .unwrap_or_else(|| "unknown".into())
}

fn g(m: &Run, k: &str) -> Option<f64> {
    m.get(k).copied()
}

fn secs(m: &Run, k: &str) -> String {
    g(m, k).map_or("—".into(), |v| if v < 10.0 { format!("{v:.2}") } else { format!("{v:.1}") })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--child") {
        child(Path::new(&args[2]), &args[3], Path::new(&args[4]));
        return;
    }
    let bench = args.iter().any(|a| a == "--bench");
    let sizes: Vec<usize> = match std::env::var("BUILD_BENCH_SIZES") {
        Ok(v) => v.split(',').map(|s| s.trim().parse().expect("BUILD_BENCH_SIZES: numbers")).collect(),
        Err(_) if bench => vec![1_000, 10_000, 100_000],
        Err(_) => vec![200],
    };
    let limit = Duration::from_secs(std::env::var("BUILD_BENCH_TIMEOUT").ok().and_then(|v| v.parse().ok()).unwrap_or(900));
    let synced = durability() == reportgraph::export::Durability::Synced;
    let dir = std::env::var_os("BUILD_BENCH_DIR").map_or_else(|| std::env::temp_dir().join("reportgraph-build-bench"), PathBuf::from);
    let nproc = std::thread::available_parallelism().map_or(1, |n| n.get());
    let modes: Vec<String> = std::env::var("BUILD_BENCH_MODES").unwrap_or_else(|_| "single,all".into()).split(',').map(|s| s.trim().to_string()).collect();

    let mut rows: Vec<(usize, &str, Run, bool)> = Vec::new();
    for &n in &sizes {
        let (c, gen_s) = corpus(&dir, n);
        for mode in ["single", "all"].into_iter().filter(|m| modes.iter().any(|x| x == m)) {
            // read every file once first: the runs measure the build, not the disk (this
            // VM's page cache is reclaimed within minutes; a cold read is reported apart)
            let warm_s = warm(&c);
            eprintln!("N = {n}, {mode} … (pre-read the corpus in {warm_s:.1} s)");
            let (mut m, ok) = run_child(&c, mode, &dir.join(format!("out-{n}-{mode}")), limit);
            m.insert("gen_s".into(), gen_s);
            m.insert("warm_s".into(), warm_s);
            eprintln!("  {}", m.iter().map(|(k, v)| format!("{k}={v:.3}")).collect::<Vec<_>>().join(" "));
            if !ok {
                eprintln!("  did not finish within {} s", limit.as_secs());
            }
            rows.push((n, mode, m, ok));
        }
    }

    let mut md = String::new();
    let _ = writeln!(md, "# Build benchmarks\n");
    let _ = writeln!(
        md,
        "Machine: {nproc} cores ({}), {}. Corpus: `examples/gen_corpus.rs`, seed {SEED} (2–8 KB reports in three styles). \
         Reproduce with:\n\n```sh\n{}cargo bench --bench build\n```\n",
        cpu_model(),
        std::fs::read_to_string("/proc/meminfo").ok().and_then(|s| s.lines().next().map(|l| l.split_whitespace().nth(1).and_then(|k| k.parse::<u64>().ok()).map_or(String::new(), |k| format!("{:.0} GB RAM", k as f64 / 1048576.0)))).unwrap_or_default(),
        ["BUILD_BENCH_SIZES", "BUILD_BENCH_TIMEOUT", "BUILD_BENCH_MODES", "BUILD_BENCH_FSYNC"]
            .iter()
            .filter_map(|k| std::env::var(k).ok().map(|v| format!("{k}={v} ")))
            .collect::<String>()
    );
    let _ = writeln!(
        md,
        "Times in seconds. *pre-read* is the time the harness took to read every file once before the run (so \
         that the run measures the build rather than the disk: on a cold page cache it is the disk's time to deliver \
         the corpus, not part of *total*); *read+clean* and *extract* are per-report wall times summed over reports (≈ CPU time \
         when every thread has a core); \
         *parallel* is the wall time of the read+clean+extract phase and *CPU/wall* the cores it \
         actually got (process CPU time / wall time: below the thread count when other processes share the machine); \
         *extract MB/s/core* is MB / CPU seconds of the read+clean+extract phase (so it does not depend on how \
         many cores the run got); *resolve* and *graph* run on one thread; \
         exports are written to disk as `build`{} does (temporary file, {}rename), the four in parallel: \
         *json* … *dot* are each file's own time (they overlap), *exports* their wall time. *total* is the wall time \
         of the whole run, from loading the lexicon to the last export; *peak* is the process's VmHWM. — means the stage did not finish within the time limit ({} s after extraction): the run was killed, its totals \
         are bounds (&gt;, &lt;) from its wall time so far and its peak memory is the one at the end of extraction (≥).\n",
        if synced { " --fsync" } else { "" },
        if synced { "fsync, " } else { "" },
        limit.as_secs()
    );
    let _ = writeln!(md, "| reports | MB | mode | pre-read | read+clean | extract | parallel | CPU/wall | resolve | graph | json | graphml | gexf | dot | exports | total | reports/s | MB/s | µs/report | extract MB/s/core | peak RSS MB |");
    let _ = writeln!(md, "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (n, mode, m, ok) in &rows {
        let mb = g(m, "bytes").unwrap_or(0.0) / 1e6;
        let total = if *ok { g(m, "total_s") } else { None };
        // a run killed at the time limit: its wall time so far is a lower bound
        let per = |f: &dyn Fn(f64) -> String, bound: &str| match total {
            Some(t) => f(t),
            None => format!("{bound} {}", f(g(m, "wall_s").unwrap_or(0.0))),
        };
        let _ = writeln!(
            md,
            "| {n} | {mb:.1} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            if *mode == "single" { "1 thread".to_string() } else { format!("{} threads", g(m, "threads").unwrap_or(0.0)) },
            secs(m, "warm_s"),
            secs(m, "read_clean_sum_s"),
            secs(m, "extract_sum_s"),
            secs(m, "parallel_wall_s"),
            match (g(m, "parallel_cpu_s"), g(m, "parallel_wall_s")) {
                (Some(c), Some(w)) if w > 0.0 => format!("{:.2}", c / w),
                _ => "—".into(),
            },
            secs(m, "resolve_s"),
            secs(m, "graph_s"),
            secs(m, "export_json_s"),
            secs(m, "export_graphml_s"),
            secs(m, "export_gexf_s"),
            secs(m, "export_dot_s"),
            secs(m, "exports_s"),
            per(&|t| format!("{t:.1}"), "&gt;"),
            per(&|t| format!("{:.0}", *n as f64 / t), "&lt;"),
            per(&|t| format!("{:.2}", mb / t), "&lt;"),
            per(&|t| format!("{:.0}", t * 1e6 / *n as f64), "&gt;"),
            g(m, "parallel_cpu_s").map_or("—".into(), |c| format!("{:.2}", mb / c)),
            if *ok { format!("{:.0}", g(m, "peak_rss_mb").unwrap_or(0.0)) } else { format!("≥ {:.0}", g(m, "rss_after_extract_mb").unwrap_or(0.0)) },
        );
    }
    let _ = writeln!(md, "\nGraph size, outputs and memory (resident memory after each stage; the all-cores run when it finished):\n");
    let _ = writeln!(md, "| reports | persons named (truth) | nodes | person nodes | edges | json MB | graphml MB | gexf MB | dot MB | RSS extracted MB | RSS resolved MB | RSS graph MB | peak MB |");
    let _ = writeln!(md, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut sizes_seen: Vec<usize> = rows.iter().map(|r| r.0).collect();
    sizes_seen.dedup();
    for n in sizes_seen {
        // the all-cores run if it finished, else any run of this size
        let Some((_, _, m, _)) = rows.iter().filter(|r| r.0 == n).max_by_key(|r| (r.3, r.1 == "all")) else { continue };
        let truth = std::fs::read_to_string(dir.join(format!("corpus-{n}-seed{SEED}/truth.tsv")))
            .map(|t| t.lines().skip(1).flat_map(|l| l.rsplit('\t').next().unwrap_or("").split(',').map(String::from).collect::<Vec<_>>()).collect::<std::collections::HashSet<_>>().len())
            .unwrap_or(0);
        let v = |k: &str| g(m, k).map_or("—".into(), |v| format!("{v:.0}"));
        let f = |k: &str| g(m, k).map_or("—".into(), |v| format!("{v:.1}"));
        let _ = writeln!(
            md,
            "| {n} | {truth} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            v("nodes"),
            v("persons"),
            v("edges"),
            f("export_json_mb"),
            f("export_graphml_mb"),
            f("export_gexf_mb"),
            f("export_dot_mb"),
            v("rss_extracted_mb"),
            v("rss_resolved_mb"),
            v("rss_graph_mb"),
            v("peak_rss_mb")
        );
    }
    // cost per report relative to the smallest size, all cores
    let base = rows.iter().find(|r| r.1 == "all" && r.3).map(|r| (r.0, r.2["total_s"] / r.0 as f64));
    if let Some((bn, bcost)) = base {
        let _ = writeln!(md, "\nCost per report (all cores, whole build) relative to {bn} reports:\n");
        let _ = writeln!(md, "| reports | µs/report | ratio |");
        let _ = writeln!(md, "|---:|---:|---:|");
        for (n, mode, m, ok) in &rows {
            if *mode == "all" {
                match (ok, g(m, "total_s")) {
                    (true, Some(t)) => {
                        let c = t / *n as f64;
                        let _ = writeln!(md, "| {n} | {:.0} | {:.2} |", c * 1e6, c / bcost);
                    }
                    _ => {
                        let w = g(m, "wall_s").unwrap_or(0.0);
                        let _ = writeln!(md, "| {n} | &gt; {:.0} | &gt; {:.2} |", w * 1e6 / *n as f64, w / *n as f64 / bcost);
                    }
                }
            }
        }
    }
    print!("{md}");
    if bench {
        // hand-written notes after the marker survive a re-run
        let _ = writeln!(md, "\n{NOTES_MARKER}");
        if let Some(notes) = std::fs::read_to_string("BENCHMARKS.md").ok().and_then(|old| old.split_once(NOTES_MARKER).map(|(_, n)| n.to_string())) {
            md.push_str(notes.trim_start_matches('\n'));
        }
        std::fs::write("BENCHMARKS.md", &md).expect("writing BENCHMARKS.md");
        eprintln!("wrote BENCHMARKS.md");
    }
}
