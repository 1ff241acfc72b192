//! Any text through cleaning, extraction, resolution and the graph: no panic, and every
//! evidence span is a valid slice of the original text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reportgraph::pipeline::{build, extract_document, BuildOptions};
use reportgraph::{Document, Lexicon};
use std::sync::LazyLock;

static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

fuzz_target!(|text: &str| {
    let doc = Document::new("f.txt", text);
    let x = extract_document(&doc, &LEX);
    assert_eq!(x.document, "f.txt");
    let g = build(&[doc], &LEX, &BuildOptions { single_thread: true, ..Default::default() });
    for (_, n) in g.nodes() {
        for ev in &n.evidence {
            assert!(ev.start <= ev.end && text.get(ev.start..ev.end).is_some(), "node {} evidence {}..{} is not a slice of the text", n.id, ev.start, ev.end);
        }
    }
    for (_, _, _, e) in g.edges() {
        for ev in &e.evidence {
            assert!(ev.start <= ev.end && text.get(ev.start..ev.end).is_some(), "edge evidence {}..{} is not a slice of the text", ev.start, ev.end);
        }
    }
});
