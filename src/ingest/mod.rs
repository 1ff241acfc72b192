//! Reading reports: files and folders in, [`Document`]s out.
//!
//! A document keeps its original text untouched; every later offset points into it.

use std::fs;
use std::path::{Path, PathBuf};

/// One report as read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// File name (no directories): the report's identity in the graph.
    pub name: String,
    /// Where it was read from.
    pub path: PathBuf,
    /// The original text.
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
}

/// File extensions read as reports.
pub const EXTENSIONS: &[&str] = &["txt", "md"];

/// Lists the report files under the given inputs: files as given, folders recursively
/// (only files with a known extension), sorted and without duplicates.
pub fn collect_paths(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, IngestError> {
    let mut out = Vec::new();
    for input in inputs {
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
        if p.is_dir() {
            walk(&p, out)?;
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
        {
            out.push(p);
        }
    }
    Ok(())
}

/// Reads one report file.
pub fn read_document(path: &Path) -> Result<Document, IngestError> {
    let bytes = fs::read(path).map_err(|e| IngestError::Io { path: path.to_path_buf(), source: e })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let original = decode(path, &bytes)?;
    Ok(Document { name, path: path.to_path_buf(), original })
}

/// Decodes bytes as text: UTF-8 (a BOM is dropped). Rejects empty and binary input.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty { path: path.to_path_buf() });
    }
    if bytes.contains(&0) {
        return Err(IngestError::NotText { path: path.to_path_buf(), reason: "contains NUL bytes".into() });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(IngestError::NotText {
            path: path.to_path_buf(),
            reason: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
        }),
    }
}
