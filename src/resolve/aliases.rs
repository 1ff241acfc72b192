//! User control over resolution: `data/aliases.toml` (or `--aliases FILE`) forces names to
//! be one entity or keeps them apart. Rules are applied before the automatic decisions.
//!
//! ```toml
//! [[same]]        # one person (or institution), whatever the resolver thinks
//! names = ["Shabbir Ahmed", "Shabir Ahmed Khan"]
//!
//! [[different]]   # never merge these two
//! names = ["Muhammad Ali", "Muhammad Ali Khan"]
//! ```
//!
//! Names are compared folded (case, accents, honorifics and punctuation ignored), against
//! the canonical name of each report's person or institution.

use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// One rule: a list of names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct NameGroup {
    /// The names the rule is about.
    pub names: Vec<String>,
}

/// The rules of an aliases file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Aliases {
    /// Groups of names that are one entity.
    #[serde(default)]
    pub same: Vec<NameGroup>,
    /// Groups of names that are all different entities.
    #[serde(default)]
    pub different: Vec<NameGroup>,
}

/// Why an aliases file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum AliasesError {
    /// Unreadable file.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// Malformed TOML.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl Aliases {
    /// Reads an aliases file.
    pub fn from_file(path: &Path) -> Result<Aliases, AliasesError> {
        let text = std::fs::read_to_string(path).map_err(|e| AliasesError::Io { path: path.display().to_string(), source: e })?;
        Aliases::parse(&text).map_err(|message| AliasesError::Parse { path: path.display().to_string(), message })
    }

    /// Parses aliases TOML.
    pub fn parse(text: &str) -> Result<Aliases, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.same.len() + self.different.len()
    }

    /// No rules.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Compiles the rules for lookup by folded name.
    pub(crate) fn compile(&self) -> Rules {
        let mut same_group = HashMap::new();
        for (i, g) in self.same.iter().enumerate() {
            for n in &g.names {
                same_group.insert(name_key(n), i);
            }
        }
        let mut apart = HashMap::<String, Vec<usize>>::new();
        for (i, g) in self.different.iter().enumerate() {
            for n in &g.names {
                apart.entry(name_key(n)).or_default().push(i);
            }
        }
        Rules { same_group, apart }
    }
}

/// Compiled rules.
#[derive(Debug, Default)]
pub(crate) struct Rules {
    same_group: HashMap<String, usize>,
    apart: HashMap<String, Vec<usize>>,
}

impl Rules {
    /// The `same` group a name belongs to.
    pub fn same_group(&self, name: &str) -> Option<usize> {
        self.same_group.get(&name_key(name)).copied()
    }

    /// The `different` groups a name belongs to (each member of a group is its own entity).
    pub fn apart_groups(&self, name: &str) -> &[usize] {
        self.apart.get(&name_key(name)).map_or(&[], Vec::as_slice)
    }

    /// There are `same` rules.
    pub fn has_same(&self) -> bool {
        !self.same_group.is_empty()
    }

    /// There are `different` rules.
    pub fn has_apart(&self) -> bool {
        !self.apart.is_empty()
    }
}

/// Folded comparison key of a name: lower case, accents and punctuation removed,
/// leading honorifics (from the built-in list of single-word forms) dropped.
pub(crate) fn name_key(s: &str) -> String {
    const HON: &[&str] = &["dr", "prof", "mr", "mrs", "ms", "amb", "ambassador", "h", "e", "he", "professor", "sir", "dame", "gen", "lt", "col", "maj", "brig", "avm", "engr", "eng", "hon", "justice", "r", "retd"];
    let f = crate::text::fold(s).to_lowercase();
    let words: Vec<&str> = f.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let start = words.iter().position(|w| !HON.contains(w)).unwrap_or(words.len());
    words[start..].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_folds() {
        let a = Aliases::parse("[[same]]\nnames = [\"Dr. Shabbir Ahmed\", \"Shabir Ahmed Khan\"]\n[[different]]\nnames = [\"A B\", \"A B C\"]\n").unwrap();
        assert_eq!(a.len(), 2);
        let r = a.compile();
        assert_eq!(r.same_group("shabbir ahmed"), Some(0));
        assert_eq!(r.same_group("Prof. Shabir Ahmed Khan"), Some(0));
        assert_eq!(r.apart_groups("a b"), &[0]);
        assert!(r.has_same() && r.has_apart());
        assert!(!Aliases::default().compile().has_same() && !Aliases::default().compile().has_apart());
        assert!(Aliases::parse("[[same]]\nnames = 3").is_err());
    }
}
