//! Reading reports: files, folders and standard input in, [`Document`]s out.
//!
//! | input | how it is read |
//! |---|---|
//! | `.txt`, `.md` | text in UTF-8 (with or without a byte-order mark), UTF-16 LE/BE (with a mark, or recognised without), or a legacy encoding such as Windows-1252 / Latin-1 detected with `chardetng` ([`encoding`]) |
//! | `.html`, `.htm` | decoded as above, then the article text through an HTML parser, navigation, scripts, forms and other site furniture dropped, block structure kept as line breaks ([`html`]) |
//! | `.pdf` | the text layer, page by page ([`pdf`]); a PDF given another extension is recognised by its `%PDF-` header |
//! | `-` | standard input, read as text, HTML or PDF by its content |
//!
//! A [`Document`]'s `original` is the text as decoded (for text files) or extracted (for
//! HTML and PDF), not the bytes on disk: every evidence offset in the graph is a byte
//! offset into that text, which the cleaning stage ([`crate::text`]) never changes.
//!
//! Files that cannot be used are refused with an [`IngestError`] saying why (empty, binary,
//! unreadable, too large, a PDF without text …); callers report it and go on with the rest.

pub mod encoding;
pub(crate) mod guard;
pub mod html;
pub mod pdf;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One report as read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// File name (no directories): the report's identity in the graph.
    pub name: String,
    /// Where it was read from (`-` for standard input).
    pub path: PathBuf,
    /// The text of the report: decoded from the file's encoding, or extracted from HTML or
    /// PDF. Evidence offsets are byte offsets into this string.
    pub original: String,
}

impl Document {
    /// Makes a document from a name and text (for tests and library users).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Document {
        let name = name.into();
        Document { path: PathBuf::from(&name), name, original: text.into() }
    }
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The operating system refused.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file holds no text.
    #[error("{path}: empty file")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The bytes are not text.
    #[error("{path}: not a text file ({reason})")]
    NotText {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// The file, or the text extracted from it, is over the size limit.
    #[error("{path}: too large ({} > limit {})", mb(*size), mb(*limit))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least this much, when it was not read to the end).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A PDF or HTML file that could not be parsed, or has no text.
    #[error("{path}: {reason}")]
    Unusable {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
}

impl IngestError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            IngestError::Io { path, .. }
            | IngestError::Empty { path }
            | IngestError::NotText { path, .. }
            | IngestError::TooLarge { path, .. }
            | IngestError::Unusable { path, .. } => path,
        }
    }
}

/// Bytes as megabytes with one decimal (`12.3 MB`; 1 MB = 1,000,000 bytes).
fn mb(n: u64) -> String {
    if n < 100_000 {
        format!("{n} bytes")
    } else {
        format!("{:.1} MB", n as f64 / 1e6)
    }
}

/// File extensions read as reports when walking folders.
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "pdf"];

/// Default of [`ReadOptions::max_bytes`]: 10 MB of text, some thousand pages, far more
/// than any event report; extraction time grows faster than linearly with the size of one
/// report.
pub const DEFAULT_MAX_BYTES: u64 = 10_000_000;

/// How files are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest report accepted, in bytes: the size of a text file, and of the text
    /// extracted from an HTML or PDF file (whose file may be up to [`RAW_FACTOR`] times
    /// larger, for markup, fonts and images). Larger reports are refused with
    /// [`IngestError::TooLarge`] without being read.
    pub max_bytes: u64,
}

/// How much larger than [`ReadOptions::max_bytes`] an HTML or PDF file may be.
pub const RAW_FACTOR: u64 = 8;

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions { max_bytes: DEFAULT_MAX_BYTES }
    }
}

/// Parses a size: a number of bytes, optionally with a decimal unit `k`, `M`, `G` (`KB`,
/// `MB`, `GB` and lower case also accepted): `500000`, `64M`, `1.5GB`.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let mult: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "m" | "mb" => 1e6,
        "g" | "gb" => 1e9,
        _ => return Err(format!("{s:?}: unknown unit (use a number of bytes, or k, M, G)")),
    };
    let n: f64 = num.parse().map_err(|_| format!("{s:?} is not a size (e.g. 64M)"))?;
    let v = n * mult;
    if !v.is_finite() || v < 1.0 || v > u64::MAX as f64 {
        return Err(format!("{s:?}: size out of range"));
    }
    Ok(v as u64)
}

/// The kinds of input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or markdown.
    Text,
    /// A web page.
    Html,
    /// A PDF.
    Pdf,
}

impl Format {
    /// The format a file name's extension says (text for unknown extensions).
    pub fn of_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("pdf") => Format::Pdf,
            _ => Format::Text,
        }
    }

    /// The format the first bytes show, when they are clear: a `%PDF-` header, or an
    /// HTML doctype or `<html>` tag.
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        let head = &bytes[..bytes.len().min(1024)];
        if head.windows(5).any(|w| w == b"%PDF-") {
            return Some(Format::Pdf);
        }
        let start = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start: Vec<u8> = start.iter().skip_while(|b| b.is_ascii_whitespace()).take(14).map(u8::to_ascii_lowercase).collect();
        if start.starts_with(b"<!doctype html") || start.starts_with(b"<html") {
            return Some(Format::Html);
        }
        None
    }

    fn raw_limit(self, max_bytes: u64) -> u64 {
        match self {
            Format::Text => max_bytes,
            Format::Html | Format::Pdf => max_bytes.saturating_mul(RAW_FACTOR),
        }
    }
}

/// Lists the report files under the given inputs: files as given, folders recursively
/// (only regular files with a known extension, see [`EXTENSIONS`]), sorted and without
/// duplicates. `-` (standard input) is kept as it is.
pub fn collect_paths(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, IngestError> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(input.clone());
            continue;
        }
        let meta = fs::metadata(input).map_err(|e| IngestError::Io { path: input.clone(), source: e })?;
        if meta.is_dir() {
            walk(input, &mut out)?;
        } else {
            out.push(input.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), IngestError> {
    let rd = fs::read_dir(dir).map_err(|e| IngestError::Io { path: dir.to_path_buf(), source: e })?;
    for entry in rd {
        let entry = entry.map_err(|e| IngestError::Io { path: dir.to_path_buf(), source: e })?;
        let p = entry.path();
        let meta = fs::metadata(&p);
        if meta.as_ref().is_ok_and(|m| m.is_dir()) {
            walk(&p, out)?;
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
            // FIFOs, sockets and devices are skipped (a FIFO would block the build); a
            // broken link is kept so that reading it reports the problem
            && meta.as_ref().map_or(true, |m| m.is_file())
        {
            out.push(p);
        }
    }
    Ok(())
}

/// Reads one report file (or standard input for `-`) with the default options.
pub fn read_document(path: &Path) -> Result<Document, IngestError> {
    read_document_with(path, &ReadOptions::default())
}

/// Reads one report file, or standard input for `-` (named `stdin.txt`, `stdin.html` or
/// `stdin.pdf` by its content).
pub fn read_document_with(path: &Path, opts: &ReadOptions) -> Result<Document, IngestError> {
    let io = |e| IngestError::Io { path: path.to_path_buf(), source: e };
    if path.as_os_str() == "-" {
        let limit = opts.max_bytes.saturating_mul(RAW_FACTOR);
        let bytes = read_limited(std::io::stdin().lock(), limit, path)?;
        let format = Format::sniff(&bytes).unwrap_or(Format::Text);
        if format == Format::Text && bytes.len() as u64 > opts.max_bytes {
            return Err(IngestError::TooLarge { path: path.to_path_buf(), size: bytes.len() as u64, limit: opts.max_bytes });
        }
        let name = match format {
            Format::Text => "stdin.txt",
            Format::Html => "stdin.html",
            Format::Pdf => "stdin.pdf",
        };
        return from_bytes(name.to_string(), path, format, &bytes, opts);
    }
    let format = Format::of_path(path);
    let limit = format.raw_limit(opts.max_bytes);
    let file = fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::other("is a directory")));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(IngestError::TooLarge { path: path.to_path_buf(), size: meta.len(), limit });
    }
    let bytes = read_limited(file, limit, path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let format = match Format::sniff(&bytes) {
        Some(Format::Pdf) => Format::Pdf,
        _ => format,
    };
    from_bytes(name, path, format, &bytes, opts)
}

/// Reads at most `limit` bytes; more is [`IngestError::TooLarge`].
fn read_limited(r: impl Read, limit: u64, path: &Path) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    r.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::Io { path: path.to_path_buf(), source: e })?;
    if bytes.len() as u64 > limit {
        return Err(IngestError::TooLarge { path: path.to_path_buf(), size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// Makes a document from the bytes of a file in the given format.
pub fn from_bytes(name: String, path: &Path, format: Format, bytes: &[u8], opts: &ReadOptions) -> Result<Document, IngestError> {
    let p = || path.to_path_buf();
    let original = match format {
        Format::Text => decode(path, bytes)?,
        Format::Html => {
            let page = decode(path, bytes)?;
            let text = html::html_to_text(&page);
            if text.trim().is_empty() {
                return Err(IngestError::Unusable { path: p(), reason: "no article text in the HTML page".into() });
            }
            text
        }
        Format::Pdf => {
            let text = pdf::pdf_to_text(bytes).map_err(|r| IngestError::Unusable { path: p(), reason: format!("cannot read PDF: {r}") })?;
            if text.trim().is_empty() {
                return Err(IngestError::Unusable { path: p(), reason: "PDF has no text layer (a scanned image?)".into() });
            }
            text
        }
    };
    if original.len() as u64 > opts.max_bytes {
        return Err(IngestError::TooLarge { path: p(), size: original.len() as u64, limit: opts.max_bytes });
    }
    Ok(Document { name, path: p(), original })
}

/// Decodes bytes as text (see [`encoding::decode`]): a byte-order mark is dropped, the
/// encoding detected. Rejects empty and binary input.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, IngestError> {
    match encoding::decode(bytes) {
        Ok(d) => Ok(d.text),
        Err(encoding::NotText::Empty) => Err(IngestError::Empty { path: path.to_path_buf() }),
        Err(encoding::NotText::Binary(reason)) => Err(IngestError::NotText { path: path.to_path_buf(), reason }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("500"), Ok(500));
        assert_eq!(parse_size("64M"), Ok(64_000_000));
        assert_eq!(parse_size("1.5GB"), Ok(1_500_000_000));
        assert_eq!(parse_size("10 kb"), Ok(10_000));
        assert!(parse_size("x").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("5T").is_err());
        assert_eq!(mb(200_000_000), "200.0 MB");
        assert_eq!(mb(12), "12 bytes");
    }

    #[test]
    fn formats() {
        assert_eq!(Format::of_path(Path::new("a/B.HTM")), Format::Html);
        assert_eq!(Format::of_path(Path::new("b.pdf")), Format::Pdf);
        assert_eq!(Format::of_path(Path::new("c.md")), Format::Text);
        assert_eq!(Format::sniff(b"%PDF-1.7\n"), Some(Format::Pdf));
        assert_eq!(Format::sniff(b"\n  <!DOCTYPE HTML><html>"), Some(Format::Html));
        assert_eq!(Format::sniff(b"Dr. Roe <b>"), None);
    }

    #[test]
    fn limits() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        fs::write(&p, "The seminar was chaired by Dr. Jane Roe.").unwrap();
        let small = ReadOptions { max_bytes: 10 };
        assert!(matches!(read_document_with(&p, &small), Err(IngestError::TooLarge { size: 40, limit: 10, .. })));
        assert_eq!(read_document(&p).unwrap().original, "The seminar was chaired by Dr. Jane Roe.");
        let h = dir.path().join("a.html");
        fs::write(&h, "<p>The seminar was chaired by Dr. Jane Roe.</p>").unwrap();
        // the HTML file may be larger than the limit, its text may not
        assert!(read_document_with(&h, &ReadOptions { max_bytes: 45 }).is_ok());
        assert!(matches!(read_document_with(&h, &ReadOptions { max_bytes: 20 }), Err(IngestError::TooLarge { size: 40, .. })));
    }
}
