//! Any bytes as a text, HTML or PDF file: a document or an error, never a panic; the
//! document's text is never larger than the limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reportgraph::ingest::{from_bytes, Format, ReadOptions};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions { max_bytes: 1 << 20 };
    for format in [Format::Text, Format::Html, Format::Pdf] {
        if let Ok(doc) = from_bytes("f".into(), Path::new("f"), format, data, &opts) {
            assert!(doc.original.len() as u64 <= opts.max_bytes);
            assert!(!doc.original.trim().is_empty());
        }
    }
});
