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

/// Splits a possessive "'s" off a capitalised word that is a proper name or an institution
/// word ("Hollister Institute's Asia Program" → … "Institute", "'s" …), so that names end
/// before it; a common word keeps it when the possessive is part of a name ("People's
/// Republic", "Women's University").
pub fn split_possessives<'a>(toks: Vec<Token<'a>>, lex: &crate::Lexicon) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        let base = t.text.strip_suffix("'s").filter(|b| b.chars().count() >= 2 && b.chars().next().is_some_and(char::is_uppercase));
        match base {
            Some(b) if lex.is_institution_word(b) || !lex.is_common_word(b) => {
                let cut = t.start + b.len();
                out.push(Token { text: b, start: t.start, end: cut });
                out.push(Token { text: &t.text[b.len()..], start: cut, end: t.end });
            }
            _ => out.push(t),
        }
    }
    out
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

    #[test]
    fn possessives() {
        let lex = crate::Lexicon::builtin();
        let cases: &[(&str, &[&str])] = &[
            ("the Hollister Institute's Asia Program", &["the", "Hollister", "Institute", "'s", "Asia", "Program"]),
            ("Zigon's talk", &["Zigon", "'s", "talk"]),
            ("People's Republic", &["People's", "Republic"]),
            ("the speaker's view", &["the", "speaker's", "view"]),
        ];
        for (input, want) in cases {
            let got: Vec<&str> = split_possessives(tokenize(input, (0, input.len())), &lex).iter().map(|t| t.text).collect();
            assert_eq!(&got, want, "{input}");
        }
    }
}
