//! Name normalisation exactly as the referee script `score.py` does it.
//!
//! Python's `re` and `str` semantics are reproduced by hand where Rust's differ:
//!
//! - whitespace (`\s`, `str.strip`) is Python's `str.isspace`: Unicode `White_Space` plus
//!   the separators U+001C–U+001F;
//! - a word character (`\w`, `\b`) is a letter or number (general category `L*` or `N*`)
//!   or `_`, not Rust's `char::is_alphanumeric`;
//! - the honorific pattern `HON_RE` uses a lookahead `(?=\s|$)` that the `regex` crate
//!   cannot express, so it is matched by a small backtracking matcher with the same
//!   alternative order and case-insensitivity (including `ı`/`İ` ≈ `i`, `ſ` ≈ `s`,
//!   Kelvin sign ≈ `k`, as Python's `re.IGNORECASE` does).

use regex::Regex;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// The honorific alternatives of `HON_RE`, in the script's order and written as there.
const HONORIFICS: &str = r"h\.?\s*e\.?|his excellency|her excellency|excellency|prof\.?|professor|dr\.?|doctor|mr\.?|mrs\.?|ms\.?|miss|amb\.?|ambassador|lt\.?|lieutenant|gen\.?|general|maj\.?|major|brig\.?|brigadier|col\.?|colonel|capt\.?|captain|avm|air vice marshal|air marshal|air chief marshal|adm\.?|admiral|vice admiral|rear admiral|sen\.?|senator|sir|dame|engr\.?|eng\.?|hon\.?|honorable|honourable|mian|syed|sardar|justice|retd\.?|\(r\)|\(retd\.?\)|\(retd\)|si\(m\)|hi\(m\)|s\s*bt|ti";

/// The post-nominal alternatives of `POSTNOMINALS` (matched case-sensitively).
const POSTNOMINALS: [&str; 9] = ["hi m", "si m", "hi", "si", "s bt", "ti", "phd", "retd", "r"];

/// One element of an honorific alternative.
#[derive(Debug, Clone, Copy)]
enum Atom {
    /// A literal character, compared case-insensitively.
    Lit(char),
    /// `\.?`
    OptDot,
    /// `\s*`
    Spaces,
}

static HON_ALTS: LazyLock<Vec<Vec<Atom>>> = LazyLock::new(|| {
    HONORIFICS
        .split('|')
        .map(|alt| {
            let mut atoms = Vec::new();
            let mut it = alt.chars().peekable();
            while let Some(c) = it.next() {
                if c != '\\' {
                    atoms.push(Atom::Lit(c));
                    continue;
                }
                match it.next() {
                    Some('.') if it.peek() == Some(&'?') => {
                        it.next();
                        atoms.push(Atom::OptDot);
                    }
                    Some('s') if it.peek() == Some(&'*') => {
                        it.next();
                        atoms.push(Atom::Spaces);
                    }
                    Some(e) => atoms.push(Atom::Lit(e)),
                    None => unreachable!("pattern ends in a backslash"),
                }
            }
            atoms
        })
        .collect()
});

/// Characters that are neither word characters, whitespace nor `-` (norm_person).
static NOT_WORD_SPACE_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\p{L}\p{N}_\s\x{1C}-\x{1F}\-]").expect("valid regex"));
/// Characters that are neither word characters nor whitespace (norm_inst).
static NOT_WORD_SPACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\p{L}\p{N}_\s\x{1C}-\x{1F}]").expect("valid regex"));
/// One word character.
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{L}\p{N}_]$").expect("valid regex"));

/// Python's `str.isspace` (and `\s` in a `str` pattern).
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1C}'..='\u{1F}').contains(&c)
}

/// Python's `\w` in a `str` pattern: `str.isalnum()` or `_`.
pub fn py_isword(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let mut buf = [0u8; 4];
    WORD.is_match(c.encode_utf8(&mut buf))
}

/// Python's `str.strip()` with no arguments.
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(py_isspace)
}

/// `fold` of the script: NFKD, drop characters with a non-zero canonical combining class,
/// map `’` and `‘` to `'`.
pub fn fold(s: &str) -> String {
    s.nfkd()
        .filter(|&c| unicode_normalization::char::canonical_combining_class(c) == 0)
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        })
        .collect()
}

/// Case-insensitive comparison of a text character with a pattern character, as Python's
/// `re.IGNORECASE` does for the ASCII letters and punctuation of `HON_RE`.
fn ci_eq(c: char, pat: char) -> bool {
    if c.eq_ignore_ascii_case(&pat) {
        return true;
    }
    matches!(
        (c, pat),
        ('\u{130}' | '\u{131}', 'i') | ('\u{17F}', 's') | ('\u{212A}', 'k')
    )
}

/// Every end position of `atoms` matched at `pos`, in the order a backtracking engine
/// tries them (optional dot taken first, `\s*` longest first).
fn alt_ends(atoms: &[Atom], s: &[char], pos: usize, out: &mut Vec<usize>) {
    let Some((first, rest)) = atoms.split_first() else {
        out.push(pos);
        return;
    };
    match *first {
        Atom::Lit(p) => {
            if pos < s.len() && ci_eq(s[pos], p) {
                alt_ends(rest, s, pos + 1, out);
            }
        }
        Atom::OptDot => {
            if pos < s.len() && s[pos] == '.' {
                alt_ends(rest, s, pos + 1, out);
            }
            alt_ends(rest, s, pos, out);
        }
        Atom::Spaces => {
            let n = s[pos..].iter().take_while(|&&c| py_isspace(c)).count();
            for k in (0..=n).rev() {
                alt_ends(rest, s, pos + k, out);
            }
        }
    }
}

/// End (in chars) of the match of `HON_RE` at the start of `s`, if any.
fn honorific_prefix_end(s: &[char]) -> Option<usize> {
    let mut pos = 0;
    let mut matched = false;
    let mut ends = Vec::new();
    'units: loop {
        for alt in HON_ALTS.iter() {
            ends.clear();
            alt_ends(alt, s, pos, &mut ends);
            // Lookahead (?=\s|$); `$` before a final newline is covered by `\s`.
            if let Some(&e) = ends.iter().find(|&&e| e == s.len() || py_isspace(s[e])) {
                pos = e + s[e..].iter().take_while(|&&c| py_isspace(c)).count();
                matched = true;
                continue 'units;
            }
        }
        break;
    }
    matched.then_some(pos)
}

/// `re.sub(r"\([^)]*\)", " ", s)`.
fn drop_parenthesised(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        match rest[open..].find(')') {
            Some(close) => {
                out.push_str(&rest[..open]);
                out.push(' ');
                rest = &rest[open + close + 1..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// Replaces every maximal run of characters satisfying `pred` by one space.
fn collapse(s: &str, pred: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_run = false;
    for c in s.chars() {
        if pred(c) {
            if !in_run {
                out.push(' ');
            }
            in_run = true;
        } else {
            out.push(c);
            in_run = false;
        }
    }
    out
}

/// `POSTNOMINALS.sub("", s)`: cuts the leftmost suffix made of one or more
/// `\s+(hi m|si m|hi|si|s bt|ti|phd|retd|r)` units reaching the end of `s`.
fn strip_postnominals(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let n = cs.len();
    // memo[i]: can cs[i..] be parsed as one or more units?
    let mut memo: Vec<Option<bool>> = vec![None; n + 1];
    fn can(i: usize, cs: &[char], memo: &mut Vec<Option<bool>>) -> bool {
        if let Some(v) = memo[i] {
            return v;
        }
        let n = cs.len();
        let mut ok = false;
        let mut j = i;
        while !ok && j < n && py_isspace(cs[j]) {
            j += 1;
            for alt in POSTNOMINALS {
                let len = alt.chars().count();
                if j + len <= n && cs[j..j + len].iter().copied().eq(alt.chars()) {
                    let e = j + len;
                    if e == n || can(e, cs, memo) {
                        ok = true;
                        break;
                    }
                }
            }
        }
        memo[i] = Some(ok);
        ok
    }
    for i in 0..n {
        if py_isspace(cs[i]) && can(i, &cs, &mut memo) {
            return cs[..i].iter().collect();
        }
    }
    s.to_string()
}

/// `norm_person` of the script: fold, strip leading honorifics repeatedly, drop
/// parenthesised parts, lower-case, punctuation to spaces, collapse spaces and hyphens,
/// cut post-nominals.
pub fn norm_person(s: &str) -> String {
    let mut s = py_strip(&fold(s)).to_string();
    loop {
        let cs: Vec<char> = s.chars().collect();
        let next = match honorific_prefix_end(&cs) {
            Some(end) => py_strip(&cs[end..].iter().collect::<String>()).to_string(),
            None => py_strip(&s).to_string(),
        };
        if next == s {
            break;
        }
        s = next;
    }
    let s = drop_parenthesised(&s);
    let lower = s.to_lowercase();
    let s = NOT_WORD_SPACE_DASH.replace_all(&lower, " ");
    let s = collapse(&s, |c| py_isspace(c) || c == '-');
    strip_postnominals(py_strip(&s))
}

/// `re.sub(r"\bcentre\b", "center", s)` with Python's Unicode word boundaries.
fn centre_to_center(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (i, m) in s.match_indices("centre") {
        let before = s[..i].chars().next_back().is_some_and(py_isword);
        let after = s[i + m.len()..].chars().next().is_some_and(py_isword);
        if !before && !after {
            out.push_str(&s[last..i]);
            out.push_str("center");
            last = i + m.len();
        }
    }
    out.push_str(&s[last..]);
    out
}

/// `norm_inst` of the script: fold, lower-case, `&` → `and`, `centre` → `center`, drop a
/// leading `the`, punctuation to spaces, collapse spaces.
pub fn norm_inst(s: &str) -> String {
    let s = fold(s).to_lowercase().replace('&', " and ");
    let s = centre_to_center(&s);
    let mut s = py_strip(&s);
    if let Some(rest) = s.strip_prefix("the") {
        if rest.starts_with(py_isspace) {
            s = rest.trim_start_matches(py_isspace);
        }
    }
    let s = NOT_WORD_SPACE.replace_all(s, " ");
    py_strip(&collapse(&s, py_isspace)).to_string()
}

/// `words` of the script's topic check: ASCII lower-case letter/digit runs of the folded,
/// lower-cased text, minus stop words.
pub(crate) fn topic_words(s: &str) -> std::collections::BTreeSet<String> {
    const STOP: [&str; 12] = [
        "the", "of", "and", "in", "on", "for", "a", "an", "to", "with", "between", "s",
    ];
    fold(s)
        .to_lowercase()
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorific_alternatives_parse() {
        assert_eq!(HON_ALTS.len(), 55);
        assert!(matches!(
            HON_ALTS[0][..],
            [
                Atom::Lit('h'),
                Atom::OptDot,
                Atom::Spaces,
                Atom::Lit('e'),
                Atom::OptDot
            ]
        ));
        assert!(matches!(
            HON_ALTS[48][..],
            [Atom::Lit('('), Atom::Lit('r'), Atom::Lit(')')]
        ));
    }

    #[test]
    fn small_helpers() {
        assert_eq!(drop_parenthesised("a (b) c (d"), "a   c (d");
        assert_eq!(strip_postnominals("john smith phd"), "john smith");
        assert_eq!(strip_postnominals("hi"), "hi");
        assert_eq!(
            centre_to_center("centre xcentre centre."),
            "center xcentre center."
        );
        assert!(py_isspace('\u{1F}') && !py_isword('-') && py_isword('é'));
    }
}
