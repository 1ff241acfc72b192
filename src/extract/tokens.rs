//! Word tokens of cleaned text with byte spans.

use regex::Regex;
use std::sync::OnceLock;

/// A token: a word (letters and digits, with inner apostrophes and hyphens) or one
/// punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token text.
    pub text: &'a str,
    /// Byte start in the cleaned text.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
}

impl<'a> Token<'a> {
    /// A word token (starts with a letter or digit).
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_alphanumeric())
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// Two or more letters, all upper case ("CAPS", "KAI", "CSP-ISSI").
    pub fn is_all_caps(&self) -> bool {
        let letters: Vec<char> = self.text.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    }

    /// Upper-case first letter followed by at least one lower-case letter.
    pub fn is_title_case(&self) -> bool {
        self.is_capitalised() && self.text.chars().any(|c| c.is_lowercase())
    }

    /// `self.text.to_lowercase() == lower`, without allocating for ASCII text.
    pub fn lower_is(&self, lower: &str) -> bool {
        lower_is(self.text, lower)
    }
}

/// `s.to_lowercase() == lower`, without allocating for ASCII `s`.
pub fn lower_is(s: &str, lower: &str) -> bool {
    if s.is_ascii() {
        s.len() == lower.len() && s.bytes().zip(lower.bytes()).all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        s.to_lowercase() == lower
    }
}

fn token_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[\p{L}\p{M}\p{N}]+(?:['\-][\p{L}\p{M}\p{N}]+)*|\S").expect("valid token regex")
    })
}

/// Tokenises `text[span]`.
pub fn tokenize(text: &str, span: (usize, usize)) -> Vec<Token<'_>> {
    token_re()
        .find_iter(&text[span.0..span.1])
        .map(|m| Token { text: &text[span.0 + m.start()..span.0 + m.end()], start: span.0 + m.start(), end: span.0 + m.end() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Dr. Issa-Onilu's talk", &["Dr", ".", "Issa-Onilu's", "talk"]),
            ("H.E. Danila", &["H", ".", "E", ".", "Danila"]),
            ("AVM (R) Faaiz", &["AVM", "(", "R", ")", "Faaiz"]),
            ("Amb.Prof. KAI", &["Amb", ".", "Prof", ".", "KAI"]),
            ("Sławomir Dębski", &["Sławomir", "Dębski"]),
        ];
        for (input, want) in cases {
            let got: Vec<&str> = tokenize(input, (0, input.len())).iter().map(|t| t.text).collect();
            assert_eq!(&got, want, "{input}");
        }
    }
}
