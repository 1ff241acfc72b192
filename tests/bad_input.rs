//! Messy and hostile inputs: every input format and encoding, files that cannot be read,
//! and the messages and exit codes `reportgraph build` gives for them.

use reportgraph::ingest::{self, IngestError};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn report(n: usize) -> String {
    let dir = root().join("data/reports");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    std::fs::read_to_string(&files[n]).unwrap()
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_reportgraph"));
    c.current_dir(root());
    c
}

/// `reportgraph build INPUTS --out OUT -q [extra]`.
fn build(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    bin().arg("build").args(inputs).arg("--out").arg(out).arg("-q").args(extra).output().unwrap()
}

/// File name → reason of every `reportgraph: skipped PATH: REASON` line; panics on other
/// stderr lines.
fn skipped(o: &Output) -> BTreeMap<String, String> {
    let err = String::from_utf8_lossy(&o.stderr);
    let mut out = BTreeMap::new();
    for line in err.lines() {
        let rest = line.strip_prefix("reportgraph: skipped ").unwrap_or_else(|| panic!("unexpected stderr line {line:?} in\n{err}"));
        // PATH: REASON, the path being one of ours (no ": " inside)
        let (path, reason) = rest.split_once(": ").unwrap();
        let name = Path::new(path).file_name().unwrap().to_string_lossy().into_owned();
        assert!(out.insert(name.clone(), reason.to_string()).is_none(), "{name} reported twice:\n{err}");
    }
    out
}

fn load(dir: &Path) -> reportgraph::ReportGraph {
    reportgraph::graph::load_json(&dir.join("graph.json")).expect("graph.json loads")
}

/// A page as a web site would save it: the report's paragraphs and lists inside an
/// `<article>`, with navigation, scripts, a share box, comments and "Recent Stories" around.
fn make_html(text: &str) -> String {
    fn esc(s: &str) -> String {
        s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    }
    let mut body = String::new();
    let mut in_list = false;
    let mut para = String::new();
    let flush = |para: &mut String, body: &mut String| {
        if !para.trim().is_empty() {
            body.push_str(&format!("<p>{}</p>\n", esc(para.trim())));
        }
        para.clear();
    };
    for line in text.lines() {
        let t = line.trim();
        if let Some(item) = t.strip_prefix("- ") {
            flush(&mut para, &mut body);
            if !in_list {
                body.push_str("<ul>\n");
                in_list = true;
            }
            body.push_str(&format!("<li>{}", esc(item)));
            continue;
        }
        if t.is_empty() {
            flush(&mut para, &mut body);
            if in_list {
                body.push_str("</ul>\n");
                in_list = false;
            }
            continue;
        }
        if in_list {
            body.push_str(&format!(" {}", esc(t)));
        } else {
            para.push(' ');
            para.push_str(t);
        }
    }
    flush(&mut para, &mut body);
    if in_list {
        body.push_str("</ul>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Report</title><script>var x = '<p>no</p>';</script></head>\n\
         <body><header class=\"site-header\"><nav><a href=\"/\">Home</a> <a href=\"/events\">Events</a></nav></header>\n\
         <div id=\"content\"><article>\n{body}<div class=\"share-buttons\">Share on Facebook</div></article>\n\
         <div id=\"comments\"><h3>Leave a Reply</h3><form><textarea></textarea></form></div></div>\n\
         <aside class=\"widget-area\"><h2>Recent Stories</h2><ul><li>Cricket: PSL final</li></ul></aside>\n\
         <footer><p>Copyright 2025</p></footer></body></html>\n"
    )
}

/// A PDF of `text`: Helvetica 10 pt, lines wrapped at `width` characters as a PDF writer
/// would, 60 lines a page, WinAnsi encoding (characters outside it become `?`).
fn make_pdf(text: &str, width: usize) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut lines = Vec::new();
    for para in text.lines() {
        let mut cur = String::new();
        for w in para.split_whitespace() {
            if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
                lines.push(std::mem::take(&mut cur));
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
        }
        lines.push(cur);
    }
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids: Vec<Object> = Vec::new();
    for chunk in lines.chunks(60) {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("TL", vec![12.into()]),
            Operation::new("Td", vec![40.into(), 800.into()]),
        ];
        for line in chunk {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(line);
            ops.push(Operation::new("Tj", vec![Object::string_literal(bytes.into_owned())]));
            ops.push(Operation::new("T*", vec![]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let page_id = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content_id });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}


fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::write(path, bytes).unwrap();
}

fn utf16(text: &str, le: bool) -> Vec<u8> {
    let mut v = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
    for u in text.encode_utf16() {
        v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    v
}

fn persons(x: &reportgraph::extract::Extraction) -> Vec<String> {
    let mut v: Vec<String> = x.persons.iter().map(|p| p.name.clone()).collect();
    v.sort();
    v
}

/// One report in every encoding and format reads back as the same text (encodings) or
/// gives the same persons (HTML, PDF).
#[test]
fn every_encoding_and_format_reads_the_same_report() {
    let lex = reportgraph::Lexicon::builtin();
    let text = report(0);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(&d.join("utf8.txt"), &text);
    write(&d.join("utf8-bom.md"), [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat());
    write(&d.join("utf16le.txt"), utf16(&text, true));
    write(&d.join("utf16be.txt"), utf16(&text, false));
    let (w1252, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!lossy, "report 000 is not all Windows-1252");
    assert!(w1252.iter().any(|&b| b >= 0x80) && std::str::from_utf8(&w1252).is_err(), "the test needs non-ASCII bytes");
    write(&d.join("windows1252.txt"), &w1252);
    write(&d.join("page.html"), make_html(&text));
    write(&d.join("print.pdf"), make_pdf(&text, 95));

    let want = ingest::read_document(&d.join("utf8.txt")).unwrap();
    assert_eq!(want.original, text);
    let want_persons = persons(&reportgraph::pipeline::extract_document(&want, &lex));
    assert!(want_persons.len() >= 4, "{want_persons:?}");
    for name in ["utf8-bom.md", "utf16le.txt", "utf16be.txt", "windows1252.txt"] {
        let doc = ingest::read_document(&d.join(name)).unwrap();
        assert_eq!(doc.name, name);
        assert!(doc.original == text, "{name} decodes to other text");
    }
    for name in ["page.html", "print.pdf"] {
        let doc = ingest::read_document(&d.join(name)).unwrap();
        for junk in ["Share on Facebook", "Recent Stories", "PSL", "Leave a Reply", "Home", "no</p>"] {
            assert!(!doc.original.contains(junk), "{name} keeps {junk:?}");
        }
        let got = persons(&reportgraph::pipeline::extract_document(&doc, &lex));
        assert_eq!(got, want_persons, "{name} gives other persons");
    }
    // folders are searched for every format
    let found: Vec<String> = ingest::collect_paths(&[d.to_path_buf()]).unwrap().iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(found, ["page.html", "print.pdf", "utf16be.txt", "utf16le.txt", "utf8-bom.md", "utf8.txt", "windows1252.txt"]);
}

/// The same event in a .txt, a .pdf and a saved web page of it is one event node with the
/// three documents.
#[test]
fn txt_pdf_and_html_of_one_report_are_one_event() {
    let text = report(0);
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    write(&inp.join("caps.txt"), &text);
    write(&inp.join("caps.pdf"), make_pdf(&text, 90));
    write(&inp.join("caps.html"), make_html(&text));
    let out = dir.path().join("out");
    let o = build(&[&inp], &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let g = load(&out);
    assert_eq!(g.documents, ["caps.html", "caps.pdf", "caps.txt"]);
    let events: Vec<_> = g.nodes().filter(|(_, n)| n.kind() == reportgraph::NodeKind::Event).map(|(_, n)| n).collect();
    assert_eq!(events.len(), 1, "{:?}", events.iter().map(|n| &n.id).collect::<Vec<_>>());
    assert_eq!(events[0].documents, ["caps.html", "caps.pdf", "caps.txt"]);
    // and so is each speaker
    let khurram = g.nodes().find(|(_, n)| n.label.contains("Khurram Iqbal")).expect("Khurram Iqbal").1;
    assert_eq!(khurram.documents.len(), 3, "{khurram:?}");
    // evidence offsets point into each document's own text
    for ev in &khurram.evidence {
        let doc = ingest::read_document(&inp.join(ev.document())).unwrap();
        assert!(doc.original[ev.start()..ev.end()].contains("Iqbal"), "{ev:?}");
    }
}

/// Every file under tests/fixtures/bad, plus the hostile files only a test can make (200 MB
/// on one line, a broken link, an unreadable file, a FIFO, a PDF named .txt): the build goes
/// on, prints one line per skipped file with its reason, exits 2, and writes outputs that load.
#[test]
fn hostile_inputs_are_skipped_with_a_reason_and_exit_code_2() {
    let fixtures = root().join("tests/fixtures/bad");
    let mut expected: BTreeMap<String, Option<String>> = BTreeMap::new();
    for line in std::fs::read_to_string(fixtures.join("EXPECTED.tsv")).unwrap().lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (file, outcome) = line.split_once('\t').expect("file<TAB>outcome");
        expected.insert(file.into(), (outcome != "read").then(|| outcome.to_string()));
    }
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    for (file, _) in &expected {
        std::fs::copy(fixtures.join(file), inp.join(file)).unwrap();
    }
    let mut on_disk: Vec<String> = std::fs::read_dir(&fixtures).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    on_disk.retain(|f| f != "EXPECTED.tsv");
    on_disk.sort();
    assert_eq!(on_disk, expected.keys().cloned().collect::<Vec<_>>(), "EXPECTED.tsv must list every fixture");

    // 200 MB without a line break
    {
        use std::io::Write;
        let chunk = "Dr. Jane Roe & <Mr. X> spoke \u{1F600} at the seminar; ".repeat(20_000);
        let mut f = std::io::BufWriter::new(std::fs::File::create(inp.join("huge-one-line.txt")).unwrap());
        let mut n = 0;
        while n < 200_000_000 {
            f.write_all(chunk.as_bytes()).unwrap();
            n += chunk.len();
        }
        f.flush().unwrap();
        expected.insert("huge-one-line.txt".into(), Some("too large (".into()));
    }
    std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), inp.join("broken-link.txt")).unwrap();
    expected.insert("broken-link.txt".into(), Some("cannot read: No such file or directory".into()));
    let locked = inp.join("locked.txt");
    write(&locked, report(4));
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root_user = std::fs::read(&locked).is_ok(); // root reads anything
    expected.insert("locked.txt".into(), (!root_user).then(|| "cannot read: Permission denied".to_string()));
    let fifo = Command::new("mkfifo").arg(inp.join("pipe.txt")).status().unwrap();
    assert!(fifo.success());
    write(&inp.join("pdf-named.txt"), make_pdf(&report(1), 90));
    expected.insert("pdf-named.txt".into(), None);

    let out = dir.path().join("out");
    let t = Instant::now();
    let o = bin().arg("build").arg(&inp).arg("--out").arg(&out).output().unwrap();
    let took = t.elapsed();
    assert!(took < Duration::from_secs(60), "build took {took:?}");
    assert_eq!(o.status.code(), Some(2), "some files skipped → exit 2\n{}", String::from_utf8_lossy(&o.stderr));
    let got = skipped(&o);
    let want_skipped: BTreeMap<&String, &String> = expected.iter().filter_map(|(f, r)| r.as_ref().map(|r| (f, r))).collect();
    assert_eq!(got.keys().collect::<Vec<_>>(), want_skipped.keys().copied().collect::<Vec<_>>(), "skipped files\n{got:#?}");
    for (f, reason) in &want_skipped {
        assert!(got[*f].starts_with(reason.as_str()), "{f}: {:?} does not start with {reason:?}", got[*f]);
    }
    assert!(got["huge-one-line.txt"].contains("200.0 MB > limit 10.0 MB") && got["huge-one-line.txt"].contains("--max-bytes"), "{}", got["huge-one-line.txt"]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    let read: Vec<&String> = expected.iter().filter(|(_, r)| r.is_none()).map(|(f, _)| f).collect();
    assert!(stdout.contains(&format!("read {} report(s), skipped {}", read.len(), want_skipped.len())), "{stdout}");

    // the outputs are complete and load, with every report that was read
    let g = load(&out);
    assert_eq!(g.documents.iter().collect::<Vec<_>>(), read);
    assert!(g.node_count() > 20, "{}", g.node_count());
    assert!(g.nodes().any(|(_, n)| n.label.contains("Peace & Development")));
    assert!(g.nodes().any(|(_, n)| n.label == "Łukasz Kulesa"), "UTF-16 report");
    assert!(g.nodes().any(|(_, n)| n.label == "José María Aznar-López"), "Windows-1252 report");
    assert!(g.nodes().any(|(_, n)| n.label == "Nilanthi Samaranayake"), "saved web page");
    assert!(!g.nodes().any(|(_, n)| n.label.contains("PSL") || n.label.contains("Recent")), "web page furniture");
    for f in ["graph.graphml", "graph.gexf", "graph.dot"] {
        assert!(std::fs::metadata(out.join(f)).unwrap().len() > 100, "{f}");
    }
    // the tools analysts use read them (networkx, igraph; dot)
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let chk = Command::new(python)
        .arg(root().join("tests/py/check_outputs.py"))
        .arg(&out)
        .arg(g.node_count().to_string())
        .arg(g.edge_count().to_string())
        .output()
        .expect("python3 (run scripts/setup.sh)");
    assert!(chk.status.success(), "{}{}", String::from_utf8_lossy(&chk.stdout), String::from_utf8_lossy(&chk.stderr));
    let dot = Command::new("dot").arg("-Tsvg").arg(out.join("graph.dot")).arg("-o").arg(dir.path().join("g.svg")).status().expect("dot");
    assert!(dot.success());
}

/// `--max-bytes` moves the limit; a report under it is read, however long its one line.
#[test]
fn size_limit_is_an_option() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    write(&inp.join("a.txt"), report(4));
    let out = dir.path().join("out");
    let o = build(&[&inp], &out, &["--max-bytes", "1k"]);
    assert_eq!(o.status.code(), Some(2));
    let s = skipped(&o);
    assert!(s["a.txt"].starts_with("too large (") && s["a.txt"].contains("> limit 1000 bytes)"), "{s:?}");
    let o = build(&[&inp], &out, &["--max-bytes", "nonsense"]);
    assert_eq!(o.status.code(), Some(1), "a usage error is fatal");
    assert!(String::from_utf8_lossy(&o.stderr).contains("--max-bytes"));

    // 3 MB on one line: read, extracted, in reasonable time
    let line = report(0).replace(['\n', '\r'], " ");
    let mut big = String::new();
    while big.len() < 3_000_000 {
        big.push_str(&line);
        big.push(' ');
    }
    write(&inp.join("a.txt"), &big);
    let t = Instant::now();
    let o = build(&[&inp], &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(t.elapsed() < Duration::from_secs(60), "{:?}", t.elapsed());
    assert!(load(&out).nodes().any(|(_, n)| n.label == "Khurram Iqbal"));
}

/// `-` reads standard input, text or PDF.
#[test]
fn dash_reads_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    for (bytes, name) in [(report(0).into_bytes(), "stdin.txt"), (make_pdf(&report(0), 90), "stdin.pdf")] {
        let out = dir.path().join(name);
        let mut child = bin().args(["build", "-", "-q", "--out"]).arg(&out).stdin(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(&bytes).unwrap();
        }
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let g = load(&out);
        assert_eq!(g.documents, [name]);
        assert!(g.nodes().any(|(_, n)| n.label == "Khurram Iqbal"));
    }
}

/// Fatal errors exit 1 and leave the previous outputs as they were.
#[test]
fn fatal_errors_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = build(&[&dir.path().join("missing")], &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing"));
    assert!(!out.exists());
    // only unusable files: exit 2, and an empty graph is still written
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    write(&inp.join("empty.txt"), "");
    let o = build(&[&inp], &out, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(load(&out).node_count(), 0);
}

/// Reports in mixed formats and encodings, given in any order: byte-identical outputs.
#[test]
fn mixed_formats_in_any_order_give_identical_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    write(&inp.join("r0.pdf"), make_pdf(&report(0), 90));
    write(&inp.join("r1.html"), make_html(&report(1)));
    write(&inp.join("r2.txt"), utf16(&report(2), true));
    let r3 = report(3);
    let (w, _, _) = encoding_rs::WINDOWS_1252.encode(&r3);
    write(&inp.join("r3.txt"), &w);
    write(&inp.join("r4.md"), [&b"\xEF\xBB\xBF"[..], report(4).as_bytes()].concat());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&inp).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let run = |files: &[PathBuf], extra: &[&str], out: &Path| {
        let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        let o = build(&refs, out, extra);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    };
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    run(&files, &[], &a);
    files.reverse();
    files.swap(0, 2);
    run(&files, &["--single-thread"], &b);
    for f in reportgraph::export::Format::ALL {
        let x = std::fs::read(a.join(f.file_name())).unwrap();
        let y = std::fs::read(b.join(f.file_name())).unwrap();
        assert!(x == y, "{} differs with the inputs in another order", f.file_name());
    }
    assert_eq!(load(&a).documents.len(), 5);
}

/// The library refuses what the CLI skips, with a typed error.
#[test]
fn library_errors_are_typed() {
    let bad = root().join("tests/fixtures/bad");
    assert!(matches!(ingest::read_document(&bad.join("empty.txt")), Err(IngestError::Empty { .. })));
    assert!(matches!(ingest::read_document(&bad.join("image.txt")), Err(IngestError::NotText { .. })));
    assert!(matches!(ingest::read_document(&bad.join("truncated.pdf")), Err(IngestError::Unusable { .. })));
    let e = ingest::read_document_with(&bad.join("hostile-names.txt"), &ingest::ReadOptions { max_bytes: 100 }).unwrap_err();
    assert!(matches!(e, IngestError::TooLarge { limit: 100, .. }));
    assert_eq!(e.path(), bad.join("hostile-names.txt"));
}

/// Texts the fuzzer (fuzz/, target `extract`) found crashing (fuzz/seeds/extract/crash-*), and a few thousand generated
/// hostile texts: extraction never panics, evidence spans slice the text. The stable
/// counterpart of `cargo fuzz run extract`.
#[test]
fn hostile_text_never_panics() {
    let lex = reportgraph::Lexicon::builtin();
    // a char boundary after a right-to-left override before an abbreviation (text/sentences.rs)
    let mut texts: Vec<String> = vec!["Title: \u{202e}Revof. Dav".into(), "x \u{202e}Dr. Jane Roe spoke.".into()];
    // a char boundary 80 bytes before a speaker (extract/role.rs)
    texts.push(format!("{}Dr. Jane Roe said so.", "ד".repeat(60)));
    texts.push(format!("{} Dr. Jane Roe said so.", "דו".repeat(30)));
    let pieces = [
        "Dr. ", "Prof. ", "Mr. ", "Amb.", "H.E. ", "Jane ", "Roe", " O'Brien", "Seán ", "عبد الله ", "דוד ", "\u{202e}", "\u{200f}",
        "\u{FEFF}", "😀", "👩‍👩‍👧", "&", "<", ">", "\"", "'", "\u{201C}", "\u{201D}", "\u{2019}", "-", "\u{2013}", "\u{2022}", ".", ",", ";",
        ":", "(", ")", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u{0}", "\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{301}",
        "**", "chaired by ", "spoke on ", ", President of the ", "Institute of Strategic Studies", " at ", "University", " in ", "Islamabad",
        "Moderator: ", "Speakers: ", "Title: ", "Date: ", "April 29, 2025", "2025-13-45", "Q&A", "Session 1", "CAPS", "Recent Stories",
        "deve-\nlopment", "E.U.", "U.S.", "No.", "vs.", "1.", "a", "I", "ß", "İ", "ǅ", "ﬁ",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for _ in 0..3000 {
        let len = 1 + next(40);
        texts.push((0..len).map(|_| pieces[next(pieces.len())]).collect());
    }
    for f in ["hostile-names.txt", "right-to-left.txt", "control-chars.txt"] {
        texts.push(std::fs::read_to_string(root().join("tests/fixtures/bad").join(f)).unwrap());
    }
    // the fuzzer's seeds, crashes it found included
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(root().join("fuzz/seeds/extract")).unwrap().map(|e| e.unwrap().path()).collect();
    seeds.sort();
    for p in seeds {
        texts.push(String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned());
    }
    for (i, t) in texts.iter().enumerate() {
        let doc = reportgraph::Document::new(format!("t{i}.txt"), t.as_str());
        let x = match reportgraph::pipeline::try_extract_document(&doc, &lex) {
            Ok(x) => x,
            Err(e) => panic!("{e}\ninput: {t:?}"),
        };
        for f in &x.facts {
            let ev = match f {
                reportgraph::extract::Fact::Role { evidence, .. } => evidence,
                _ => continue,
            };
            assert!(t.get(ev.start()..ev.end()).is_some(), "evidence {}..{} of {t:?}", ev.start(), ev.end());
        }
    }
    // and the graph of all of them
    let docs: Vec<_> = texts.iter().enumerate().map(|(i, t)| reportgraph::Document::new(format!("t{i}.txt"), t.as_str())).collect();
    let (g, failed) = reportgraph::pipeline::build_checked(&docs, &lex, &Default::default());
    assert!(failed.is_empty(), "{failed:?}");
    let mut buf = Vec::new();
    for f in reportgraph::export::Format::ALL {
        buf.clear();
        f.write(&g, &mut buf).unwrap();
    }
}
