//! PDF to plain text with `pdf-extract` (pure Rust, on `lopdf`).
//!
//! The text comes out as the PDF lays it out: hard line breaks at the end of every printed
//! line, words hyphenated across lines. The cleaning stage ([`crate::text::clean`]) re-joins
//! those lines and removes the hyphenation, as it does for text copied out of PDFs.
//! Pages are separated by a blank line. A parser panic on a malformed file is caught and
//! reported as an error.

use super::guard;

/// Extracts the text of a PDF held in memory. `Err` carries a one-line reason.
pub fn pdf_to_text(bytes: &[u8]) -> Result<String, String> {
    let pages = guard::catch(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
        .map_err(|p| format!("the PDF parser failed: {p}"))?
        .map_err(|e| one_line(&e.to_string()))?;
    let mut out = String::new();
    for page in pages {
        let page = tidy(&page);
        if page.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&page);
    }
    Ok(out)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Trailing spaces removed, form feeds dropped, runs of blank lines shortened to one,
/// leading and trailing blank lines removed.
fn tidy(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut blank = 0usize;
    for line in page.split('\n') {
        let line = line.trim_end_matches(|c: char| c.is_whitespace() || c == '\x0C');
        let line = line.trim_start_matches('\x0C');
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for b in [&b""[..], b"%PDF-1.4", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF", b"not a pdf at all"] {
            assert!(pdf_to_text(b).map(|t| t.is_empty()).unwrap_or(true));
        }
    }

    #[test]
    fn tidy_lines() {
        assert_eq!(tidy("\n\n  a  \n\n\n\nb\x0C\n\n"), "  a\n\nb");
    }
}
