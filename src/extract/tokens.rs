//! Word tokens of cleaned text with byte spans.

use crate::lexicon::{Lexicon, WordClasses};
use regex::Regex;
use std::sync::OnceLock;

/// A token: a word (letters and digits, with inner apostrophes and hyphens) or one
/// punctuation character.
///
/// Tokens are equal when their text and span are; what [`classify`] noted is not compared.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    /// The token text.
    pub text: &'a str,
    /// Byte start in the cleaned text.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
    /// What the lexicon says of a capitalised word, looked up once by [`classify`] (the
    /// passes ask about the same words many times); `None` before that and for other tokens.
    info: Option<WordInfo>,
}

impl PartialEq for Token<'_> {
    fn eq(&self, other: &Self) -> bool {
        (self.text, self.start, self.end) == (other.text, other.start, other.end)
    }
}

impl Eq for Token<'_> {}

/// The lexicon's answers about one word, as [`Token::classes`], [`Token::is_title`] and
/// [`Token::starts_honorific`] give them.
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    classes: WordClasses,
    title: bool,
    honorific: bool,
}

impl WordInfo {
    fn of(word: &str, lex: &Lexicon) -> WordInfo {
        let (classes, title, honorific) = lex.word_facts(word);
        WordInfo { classes, title, honorific }
    }
}

/// Looks up every capitalised token in the lexicon once, so that [`Token::classes`],
/// [`Token::is_title`] and [`Token::starts_honorific`] read the answer instead of
/// looking again (the answers are the same either way).
pub fn classify(toks: &mut [Token], lex: &Lexicon) {
    for t in toks.iter_mut().filter(|t| t.is_capitalised()) {
        t.info = Some(WordInfo::of(t.text, lex));
    }
}

impl<'a> Token<'a> {
    /// A token of `text[start..end]`.
    pub fn new(text: &'a str, start: usize, end: usize) -> Token<'a> {
        Token { text, start, end, info: None }
    }

    /// `lex.classes(self.text)`.
    #[inline]
    pub fn classes(&self, lex: &Lexicon) -> WordClasses {
        match self.info {
            Some(i) => i.classes,
            None => lex.classes(self.text),
        }
    }

    /// `lex.is_title(self.text)`.
    #[inline]
    pub fn is_title(&self, lex: &Lexicon) -> bool {
        match self.info {
            Some(i) => i.title,
            None => lex.is_title(self.text),
        }
    }

    /// `lex.starts_honorific(self.text)`.
    #[inline]
    pub fn starts_honorific(&self, lex: &Lexicon) -> bool {
        match self.info {
            Some(i) => i.honorific,
            None => lex.starts_honorific(self.text),
        }
    }

    /// A word token (starts with a letter or digit).
    #[inline]
    pub fn is_word(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
            _ => self.text.chars().next().is_some_and(|c| c.is_alphanumeric()),
        }
    }

    /// Starts with an upper-case letter.
    #[inline]
    pub fn is_capitalised(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(|c| c.is_uppercase()),
        }
    }

    /// Two or more letters, all upper case ("CAPS", "KAI", "CSP-ISSI").
    #[inline]
    pub fn is_all_caps(&self) -> bool {
        let b = self.text.as_bytes();
        // (most words fail at their first or second letter)
        if b.first().is_some_and(u8::is_ascii_lowercase) || b.get(1).is_some_and(u8::is_ascii_lowercase) {
            return false;
        }
        if self.text.is_ascii() {
            return !b.iter().any(u8::is_ascii_lowercase) && b.iter().filter(|c| c.is_ascii_uppercase()).count() >= 2;
        }
        let mut letters = 0;
        for c in self.text.chars().filter(|c| c.is_alphabetic()) {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
        letters >= 2
    }

    /// Upper-case first letter followed by at least one lower-case letter.
    #[inline]
    pub fn is_title_case(&self) -> bool {
        self.is_capitalised() && (self.text.bytes().any(|c| c.is_ascii_lowercase()) || !self.text.is_ascii() && self.text.chars().any(|c| c.is_lowercase()))
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

/// How the tokeniser sees a character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// `\s`: white space, between tokens.
    Space,
    /// `[\p{L}\p{M}\p{N}]`: part of a word.
    Word,
    /// Anything else: a token of its own.
    Other,
}

/// The class of each ASCII character.
const ASCII_CLASS: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = match c {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => Class::Space,
            c if c.is_ascii_alphanumeric() => Class::Word,
            _ => Class::Other,
        };
        b += 1;
    }
    t
};

fn class(c: char) -> Class {
    if c.is_ascii() {
        return ASCII_CLASS[c as usize];
    }
    // the rare non-ASCII character is classified by the regex engine's own Unicode tables
    static RES: OnceLock<[Regex; 2]> = OnceLock::new();
    let [word, space] = RES.get_or_init(|| {
        [Regex::new(r"^[\p{L}\p{M}\p{N}]$").expect("valid word regex"), Regex::new(r"^\s$").expect("valid space regex")]
    });
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    if word.is_match(s) {
        Class::Word
    } else if space.is_match(s) {
        Class::Space
    } else {
        Class::Other
    }
}

/// The class of the character starting at byte `i` of `s`, and its length.
#[inline]
fn class_at(s: &str, i: usize) -> Option<(Class, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((ASCII_CLASS[usize::from(b)], 1));
    }
    non_ascii_class_at(s, i)
}

/// [`class_at`] for a character that is not ASCII (rare: kept out of the scanner's loop).
#[inline(never)]
fn non_ascii_class_at(s: &str, i: usize) -> Option<(Class, usize)> {
    let c = s[i..].chars().next()?;
    Some((class(c), c.len_utf8()))
}

/// Tokenises `text[span]`: the matches of
/// `[\p{L}\p{M}\p{N}]+(?:['\-][\p{L}\p{M}\p{N}]+)*|\S`, found by a scanner.
pub fn tokenize(text: &str, span: (usize, usize)) -> Vec<Token<'_>> {
    let s = &text[span.0..span.1];
    let b = s.as_bytes();
    // (about one token for every five bytes of running text)
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut i = 0;
    while let Some((c, n)) = class_at(s, i) {
        if c == Class::Space {
            i += n;
            continue;
        }
        let mut j = i + n;
        if c == Class::Word {
            loop {
                // ASCII letters and digits in one sweep, a character that is not ASCII by its class
                j += b[j..].iter().position(|&c| !c.is_ascii() || ASCII_CLASS[usize::from(c)] != Class::Word).unwrap_or(b.len() - j);
                if b.get(j).is_some_and(|c| !c.is_ascii()) {
                    if let Some((Class::Word, m)) = class_at(s, j) {
                        j += m;
                        continue;
                    }
                }
                // an inner apostrophe or hyphen followed by more of the word
                if matches!(b.get(j), Some(b'\'' | b'-')) && matches!(class_at(s, j + 1), Some((Class::Word, _))) {
                    j += 1;
                } else {
                    break;
                }
            }
        }
        out.push(Token::new(&s[i..j], span.0 + i, span.0 + j));
        i = j;
    }
    out
}

/// Splits a possessive "'s" off a capitalised word that is a proper name or an institution
/// word ("Hollister Institute's Asia Program" → … "Institute", "'s" …), so that names end
/// before it; a common word keeps it when the possessive is part of a name ("People's
/// Republic", "Women's University").
pub fn split_possessives<'a>(toks: Vec<Token<'a>>, lex: &crate::Lexicon) -> Vec<Token<'a>> {
    let base = |t: &Token<'a>| {
        t.text
            .strip_suffix("'s")
            .filter(|b| b.chars().count() >= 2 && b.chars().next().is_some_and(char::is_uppercase))
            .filter(|b| lex.is_institution_word(b) || !lex.is_common_word(b))
    };
    // most lines have nothing to split: they are returned as they are
    let Some(first) = toks.iter().position(|t| base(t).is_some()) else { return toks };
    let mut out = Vec::with_capacity(toks.len() + 4);
    out.extend_from_slice(&toks[..first]);
    for t in toks.into_iter().skip(first) {
        match base(&t) {
            Some(b) => {
                let cut = t.start + b.len();
                out.push(Token::new(b, t.start, cut));
                out.push(Token::new(&t.text[b.len()..], cut, t.end));
            }
            None => out.push(t),
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
    fn same_as_the_regex() {
        let re = Regex::new(r"[\p{L}\p{M}\p{N}]+(?:['\-][\p{L}\p{M}\p{N}]+)*|\S").unwrap();
        let cases = [
            "", " ", "a", "-", "'", "a-", "a--b", "a-'b", "a'-b", "-a-b-", "x'y'z", "Nič’s", "e\u{301}t\u{301}e\u{301}",
            "1.5 m²", "Ⓐ Ⅻ ½ ٣", "a\u{A0}b\u{2003}c\u{85}d\u{1C}e", "\u{300}x", "日本語-テキスト", "O'Neil's co-op—ok",
            "Dr. Issa-Onilu's talk, (R) e.g. \"quoted\" 10:30 • item",
        ];
        for s in cases {
            let want: Vec<(usize, usize)> = re.find_iter(s).map(|m| (m.start(), m.end())).collect();
            let got: Vec<(usize, usize)> = tokenize(s, (0, s.len())).iter().map(|t| (t.start, t.end)).collect();
            assert_eq!(got, want, "{s:?}");
        }
    }

    #[test]
    fn classified_tokens_answer_as_the_lexicon() {
        let lex = crate::Lexicon::builtin();
        let mut words: Vec<String> = lex.honorifics.iter().map(|h| h[0].clone()).collect();
        words.extend(lex.titles.iter().chain(&lex.institution_words).chain(&lex.places).chain(&lex.given_names).cloned());
        words.extend(["Directors", "Ambassadors", "Universités", "Université", "Attaché", "Señor", "Dr", "DR", "Dato", "Sri", "Ms", "Islamabad", "Straß", "Ḍr"].map(String::from));
        for w in words.clone() {
            let mut c = w.chars();
            let upper: String = c.next().into_iter().flat_map(char::to_uppercase).chain(c).collect();
            words.extend([upper.clone(), w.to_uppercase(), format!("{upper}s")]);
        }
        for w in &words {
            let mut toks = tokenize(w, (0, w.len()));
            classify(&mut toks, &lex);
            for t in &toks {
                assert_eq!(t.classes(&lex), lex.classes(t.text), "{}", t.text);
                assert_eq!(t.is_title(&lex), lex.is_title(t.text), "{}", t.text);
                assert_eq!(t.starts_honorific(&lex), lex.starts_honorific(t.text), "{}", t.text);
                assert_eq!(t.starts_honorific(&lex), lex.honorifics_starting_with(t.text).next().is_some(), "{}", t.text);
            }
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
