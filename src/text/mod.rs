//! Cleaning report text while keeping byte offsets back to the original.
//!
//! PDF-extracted text has hard line breaks and hyphenation; saved web pages carry site
//! furniture ("Recent Stories", comment forms) after the article. [`clean`] repairs the
//! first and cuts the second, and records, for every byte of the cleaned text, the byte
//! of the original it came from, so evidence spans always point into the file the user has.

mod sentences;

pub use sentences::{blocks, for_each_sentence, for_each_sentence_of_block, sentences, Span};

use crate::ingest::Document;
use crate::lexicon::Lexicon;
use unicode_normalization::UnicodeNormalization;

/// Cleaned text with an alignment to the original.
#[derive(Debug, Clone)]
pub struct CleanText {
    /// Report file name.
    pub document: String,
    /// The cleaned text.
    pub text: String,
    /// `offsets[i]` is the original byte offset of cleaned byte `i`; one extra entry at the
    /// end maps the end of the text.
    offsets: Vec<u32>,
    /// The original text (for snippets).
    original: String,
    /// The original text once more, shared by every evidence of the report for its
    /// snippet (see [`crate::graph::Source`]).
    source: std::sync::Arc<crate::graph::Source>,
}

impl CleanText {
    /// Maps a cleaned byte range to the original byte range.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.offsets[start.min(self.text.len())] as usize;
        let e = if end == 0 {
            s
        } else {
            // end is exclusive: take the last byte inside and step past its character
            let last = self.offsets[(end - 1).min(self.text.len())] as usize;
            let ch = self.original[last..].chars().next().map_or(0, char::len_utf8);
            (last + ch).max(s)
        };
        (s, e)
    }

    /// The original text.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// The report's source (its whole original text) that [`CleanText::evidence`] points to.
    pub fn source(&self) -> &std::sync::Arc<crate::graph::Source> {
        &self.source
    }

    /// Evidence for a cleaned byte range: original span and a snippet of the original text
    /// around it (whitespace collapsed).
    pub fn evidence(&self, start: usize, end: usize) -> crate::graph::Evidence {
        let (s, e) = self.original_span(start, end);
        // offsets into the original are u32 (see `offsets`)
        crate::graph::Evidence::in_source(&self.source, s as u32, e as u32)
    }
}

/// The byte range of `text` a [`snippet`] of `start..end` is cut from: up to `context`
/// bytes either side, widened to character boundaries.
pub fn snippet_window(text: &str, start: usize, end: usize, context: usize) -> (usize, usize) {
    let mut a = start.saturating_sub(context);
    while a > 0 && !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + context).min(text.len());
    while b < text.len() && !text.is_char_boundary(b) {
        b += 1;
    }
    (a, b)
}

/// A snippet of `text` covering `start..end` plus up to `context` bytes either side, cut at
/// character boundaries and with whitespace collapsed.
pub fn snippet(text: &str, start: usize, end: usize, context: usize) -> String {
    let mut out = String::new();
    snippet_into(&mut out, text, start, end, context);
    out
}

/// Folds text for comparison: compatibility decomposition, accents removed, typographic
/// quotes made plain, a few letters without decomposition mapped (ł → l, ø → o, ß → ss).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // ASCII is its own decomposition, without marks; only the back quote changes
        return s.replace('`', "'");
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            '\u{201C}' | '\u{201D}' => out.push('"'),
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            'ß' => out.push_str("ss"),
            'ı' => out.push('i'),
            _ => out.push(c),
        }
    }
    out
}

/// Calls `f` with `s.to_lowercase()`, made on the stack for short ASCII text (no allocation).
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    match ascii_on_stack(s, &mut buf, false) {
        Some(l) => f(l),
        None => f(&s.to_lowercase()),
    }
}

/// Calls `f` with `fold(s).to_lowercase()`, made on the stack for short ASCII text (no
/// allocation).
pub fn with_fold_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    match ascii_on_stack(s, &mut buf, true) {
        Some(l) => f(l),
        None => f(&fold(s).to_lowercase()),
    }
}

/// `s` lower-cased into `buf` (with `fold`'s one ASCII change, '`' → '\'', when `folded`),
/// when `s` is ASCII and fits.
fn ascii_on_stack<'b>(s: &str, buf: &'b mut [u8; 64], folded: bool) -> Option<&'b str> {
    if s.len() > buf.len() || !s.is_ascii() {
        return None;
    }
    let b = &mut buf[..s.len()];
    b.copy_from_slice(s.as_bytes());
    b.make_ascii_lowercase();
    if folded {
        b.iter_mut().filter(|c| **c == b'`').for_each(|c| *c = b'\'');
    }
    std::str::from_utf8(b).ok()
}

/// Cleans a document: cuts site boilerplate, re-joins hard-wrapped lines, removes
/// end-of-line hyphenation, drops markdown emphasis and control characters, normalises
/// typographic quotes and odd spaces.
pub fn clean(doc: &Document, lex: &Lexicon) -> CleanText {
    let src = doc.original.as_str();
    // (the lines are split once: those of the article are the ones before the cut, and an
    // empty one where it is, as splitting the text up to the cut would give them)
    let mut lines = line_starts(src, |line| line);
    let n = boilerplate_cut(&lines, &Markers::new(&lex.boilerplate));
    let cut = lines.get(n).map_or(src.len(), |l| l.0);
    if n < lines.len() {
        lines.truncate(n);
        lines.push((cut, ""));
    }
    let mut b = Builder { text: String::with_capacity(cut), offsets: Vec::with_capacity(cut + 1) };

    // site furniture inside the article reads as a blank line
    let skip = Markers::new(&lex.skip_lines);
    for l in lines.iter_mut().filter(|l| skip.matches(l.1)) {
        l.1 = "";
    }
    let wrapped = hard_wrapped(&lines);
    let mut i = 0;
    while i < lines.len() {
        // a table copied from a web page one cell a line, under a header of column names:
        // each row becomes one line, its cells between bars ("Role | Name | Position | …")
        if let Some((columns, rows)) = flattened_table(&lines[i..]) {
            for row in 0..=rows {
                for c in 0..columns {
                    let (start, cell) = lines[i + row * columns + c];
                    if c > 0 {
                        b.pop_trailing_space();
                        for ch in [' ', '|', ' '] {
                            b.push(ch, start);
                        }
                    }
                    push_line(&mut b, start, cell.trim());
                }
                b.pop_trailing_space();
                let (start, cell) = lines[i + row * columns + columns - 1];
                b.push('\n', start + cell.len());
            }
            i += (rows + 1) * columns;
            continue;
        }
        let (start, line) = lines[i];
        push_line(&mut b, start, line);
        // decide how this line joins the next non-empty one
        let trimmed = line.trim_end();
        let mut j = i + 1;
        while j < lines.len() && lines[j].1.trim().is_empty() && j - i <= 2 {
            j += 1;
        }
        // (the last word is read only where the line ends with a dot)
        let last_word = || trimmed.rsplit(' ').next().unwrap_or("");
        let joins = j < lines.len()
            && !trimmed.is_empty()
            && (continues(trimmed, lines[j].1.trim_start(), wrapped, j > i + 1)
                || (trimmed.ends_with('.') && lex.is_abbreviation(last_word().trim_end_matches('.')) && !is_list_item(lines[j].1.trim_start())));
        if joins {
            if trimmed.ends_with('-') && !trimmed.ends_with(" -") {
                // a word split at the line end: "deve-/lopment" → "development", "Pak-/Russia" → "Pak-Russia"
                b.pop_trailing_space();
                if b.text.ends_with('-') && starts_lower(lines[j].1.trim_start()) {
                    b.text.pop();
                    b.offsets.pop();
                }
            } else {
                b.pop_trailing_space();
                b.push(' ', start + line.len());
            }
            i = j;
        } else {
            b.pop_trailing_space();
            if i + 1 < lines.len() {
                b.push('\n', start + line.len());
            }
            i += 1;
        }
    }
    b.offsets.push(cut as u32);
    CleanText { document: doc.name.clone(), text: b.text, offsets: b.offsets, original: doc.original.clone(), source: std::sync::Arc::new(crate::graph::Source::new(doc.name.as_str().into(), &doc.original)) }
}

/// Header names of a table's column of persons ("Name | Title | Organization").
pub const NAME_COLUMNS: &[&str] = &["name", "speaker", "participant"];
/// Header names of a table's column of organisations.
pub const ORGANISATION_COLUMNS: &[&str] = &["organization", "organisation", "affiliation", "institution", "company", "employer", "organization/affiliation"];

/// Column names of tables that web pages lay out one cell a line.
const TABLE_COLUMNS: &[&str] = &["role", "name", "speaker", "position", "title", "organisation", "organization", "affiliation", "institution", "company", "session", "time", "topic", "country", "function"];

/// A table laid out one cell a line at the start of `lines`: a header of three to six column
/// names, one a line ("Role", "Name", "Position", "Organisation"), among them a name and an
/// organisation column, then rows of as many short lines. Gives the number of columns and of
/// full rows (at least one); a blank or long line ends the table.
fn flattened_table(lines: &[(usize, &str)]) -> Option<(usize, usize)> {
    let is_column = |l: &str| {
        let l = l.trim().trim_end_matches(':');
        l.len() <= 12 && TABLE_COLUMNS.iter().any(|c| l.eq_ignore_ascii_case(c))
    };
    let columns = lines.iter().take_while(|l| is_column(l.1)).count();
    if !(3..=6).contains(&columns) {
        return None;
    }
    let header: Vec<String> = lines[..columns].iter().map(|l| l.1.trim().trim_end_matches(':').to_ascii_lowercase()).collect();
    let has = |names: &[&str]| header.iter().any(|h| names.contains(&h.as_str()));
    if !has(NAME_COLUMNS) || !has(ORGANISATION_COLUMNS) {
        return None;
    }
    let cells = lines[columns..].iter().take_while(|l| !l.1.trim().is_empty() && l.1.len() <= 120 && !l.1.contains(" | ")).count();
    let rows = cells / columns;
    (rows >= 1).then_some((columns, rows))
}

struct Builder {
    text: String,
    offsets: Vec<u32>,
}

impl Builder {
    fn push(&mut self, c: char, at: usize) {
        let n = c.len_utf8();
        self.text.push(c);
        for _ in 0..n {
            self.offsets.push(at as u32);
        }
    }
    fn pop_trailing_space(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
            self.offsets.pop();
        }
    }
}

fn push_line(b: &mut Builder, start: usize, line: &str) {
    let mut prev_space = b.text.is_empty() || b.text.ends_with(' ') || b.text.ends_with('\n');
    // a markdown heading's "## " is not text
    let hashes = line.len() - line.trim_start_matches('#').len();
    let (start, line) = if hashes > 0 && line[hashes..].starts_with(' ') { (start + hashes + 1, &line[hashes + 1..]) } else { (start, line) };
    let bytes = line.as_bytes();
    let mut k = 0;
    while let Some(c) = line[k..].chars().next() {
        // a run of printable ASCII other than '*', without two spaces in a row (nor a space
        // after one), is copied as it is
        if !(prev_space && c == ' ') {
            let plain = k + prefix_len(&bytes[k..], |x| (0x20..=0x7E).contains(&x) & (x != b'*'));
            // (`contains` has a fast path `find` lacks; two spaces in a row are rare)
            let seg = &line[k..plain];
            // (and where there are two, the pair is found a byte at a time: `find` sets up a
            // searcher for the whole rest of the line each time)
            let run = if seg.contains("  ") { seg.as_bytes().windows(2).position(|w| w == b"  ").map_or(plain, |p| k + p + 1) } else { plain };
            if run > k {
                b.text.push_str(&line[k..run]);
                b.offsets.extend((start + k..start + run).map(|o| o as u32));
                prev_space = bytes[run - 1] == b' ';
                k = run;
                continue;
            }
        }
        let at = start + k;
        k += c.len_utf8();
        // markdown emphasis markers
        if c == '*' && line[k..].starts_with('*') {
            k += 1;
            continue;
        }
        let mapped = match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{2022}' | '\u{25CF}' | '\u{25AA}' => '\u{2022}',
            c if c.is_whitespace() || c.is_control() => ' ',
            c => c,
        };
        if mapped == ' ' {
            if !prev_space {
                b.push(' ', at);
                prev_space = true;
            }
            continue;
        }
        // a footnote mark glued to a name is a word of its own: "Giulia Ferraresi²" →
        // "Giulia Ferraresi ²"
        if is_superscript_digit(mapped) && !prev_space && !b.text.chars().next_back().is_some_and(is_superscript_digit) {
            b.push(' ', at);
        }
        // keep a space between a closing quote and a word glued to it ("the“Changing")
        if mapped == '"' && !prev_space && c == '\u{201C}' {
            b.push(' ', at);
        }
        b.push(mapped, at);
        prev_space = false;
    }
}

/// The lines of `s` (without their "\n" or "\r\n") with their start offsets, each line
/// passed through `keep` (which may blank it).
fn line_starts<'a>(s: &'a str, keep: impl Fn(&'a str) -> &'a str) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in s.split('\n') {
        let l = line.strip_suffix('\r').unwrap_or(line);
        out.push((pos, keep(l)));
        pos += line.len() + 1;
    }
    out
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Is the text hard-wrapped (PDF extraction): do most longer lines stop mid-sentence, and
/// do many of them go on with a lower-case word on the next line? Programme pages and
/// speaker lists also have many lines without a full stop ("Senior Fellow, Energy
/// Program, Hudson Policy Center"), but the line after them starts a new name or item.
fn hard_wrapped(lines: &[(usize, &str)]) -> bool {
    let ends_open = |l: &str| l.chars().last().is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '-' | '(' | ')' | '&'));
    let long: Vec<&str> = lines.iter().map(|(_, l)| l.trim()).filter(|l| l.len() > 30).collect();
    let open = long.iter().filter(|l| l.len() <= 130 && ends_open(l)).count();
    let mut lower_next = 0;
    for (i, (_, l)) in lines.iter().enumerate() {
        let l = l.trim();
        if l.len() > 30 && ends_open(l) && lines[i + 1..].iter().map(|(_, n)| n.trim()).find(|n| !n.is_empty()).is_some_and(starts_lower) {
            lower_next += 1;
        }
    }
    long.len() >= 5 && open * 10 >= long.len() * 4 && lower_next >= 3 && lower_next * 4 >= open
}

/// Does a line ending in `prev` continue on a line starting with `next`?
fn continues(prev: &str, next: &str, wrapped: bool, blank_between: bool) -> bool {
    if next.is_empty() {
        return false;
    }
    // programme and header lines ("Venue: …", "Speakers: …", "10:00 Welcome") stand alone
    if is_label_line(next) || is_label_line(prev.trim_start()) {
        return false;
    }
    let last = prev.chars().last().unwrap_or('.');
    // a byline after a blank line: "by Liu Chen, Ama Darko-Forson"
    if blank_between && next.strip_prefix("by ").is_some_and(|r| r.starts_with(char::is_uppercase)) {
        return false;
    }
    if starts_lower(next) {
        // a new bullet never continues
        return !matches!(last, ':') || prev.len() > 60;
    }
    // a long line cut mid-sentence, continued by a capitalised word (PDF wrap of a name)
    let ends_open = last.is_alphanumeric() || matches!(last, ',' | '(' | '&' | '-') || (last == ')' && !prev.ends_with(".)"));
    let next_is_item = is_list_item(next) || next.chars().next().is_some_and(|c| c.is_ascii_digit());
    if blank_between && !wrapped {
        return false; // a paragraph break
    }
    // speaker list items, each "Name — Title, Organization"
    // (one that starts in the first 51 bytes: the rest of the line is not searched)
    let dash_item = |l: &str| {
        let head = &l.as_bytes()[..l.len().min(51 + 4)];
        [" \u{2014} ", " \u{2013} ", " - "].iter().any(|d| head.windows(d.len()).take(51).any(|w| w == d.as_bytes()))
    };
    if dash_item(prev.trim_start()) && dash_item(next) {
        return false;
    }
    // the rows of a table saved as text, cells between bars: "Name | Title | Organization"
    if prev.contains(" | ") && next.contains(" | ") {
        return false;
    }
    let min_len = if wrapped { 40 } else { 70 };
    prev.trim().len() > min_len && ends_open && !next_is_item && !prev.ends_with(':')
}

/// A superscript digit ("¹", "²", "⁰"…): a footnote mark.
pub fn is_superscript_digit(c: char) -> bool {
    matches!(c, '\u{00B9}' | '\u{00B2}' | '\u{00B3}' | '\u{2070}' | '\u{2074}'..='\u{2079}')
}

/// A footnote line, split into its mark and its text: "² Digital Mobility Lab …" →
/// ("²", "Digital Mobility Lab …").
pub fn footnote_line(line: &str) -> Option<(&str, &str)> {
    let n = line.find(|c: char| !is_superscript_digit(c)).unwrap_or(line.len());
    let body = line[n..].strip_prefix(' ')?;
    (n > 0).then_some((&line[..n], body))
}

/// The footnote marks at the start of `rest`, the text after a name: " ⁸ ²*, Min-soo Kang"
/// → ["⁸", "²"] (marks apart, commas and a presenting author's '*' between them).
pub fn footnote_marks(rest: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = rest;
    loop {
        let body = rest.trim_start_matches([' ', ',']);
        let n = body.find(|c: char| !is_superscript_digit(c)).unwrap_or(body.len());
        if n == 0 {
            return out;
        }
        out.push(&body[..n]);
        rest = body[n..].trim_start_matches('*');
    }
}

/// A line opening with a list marker: "- Name, Title", "• Name", "* Name", a footnote's
/// "² Digital Mobility Lab" (an abbreviation
/// ending the line before it, "… Co., Ltd.", does not join the two).
fn is_list_item(s: &str) -> bool {
    s.starts_with(['-', '\u{2022}', '*']) || s.chars().next().is_some_and(is_superscript_digit)
}

/// A line opening with a short label and a colon ("Chair:", "**Date:**", "10:30 Panel").
fn is_label_line(s: &str) -> bool {
    let s = s.trim_start_matches(['*', '#', ' ', '-', '\u{2022}']);
    if s.chars().next().is_some_and(|c| c.is_ascii_digit()) && s.chars().take(6).any(|c| c == ':' || c == '.') {
        return true;
    }
    // (only a colon among the first 33 bytes makes a label: the rest is not searched)
    match s.as_bytes()[..s.len().min(33)].iter().position(|&c| c == b':') {
        Some(p) => {
            let label = &s[..p];
            label.chars().next().is_some_and(char::is_uppercase) && label.split_whitespace().count() <= 4 && !label.contains(['.', ','])
        }
        _ => false,
    }
}

/// Where the article ends: the index of the first line (after some text) that is a
/// site-furniture marker from the lexicon, or the number of lines. `lines` are those of
/// [`line_starts`].
fn boilerplate_cut(lines: &[(usize, &str)], markers: &Markers) -> usize {
    lines.iter().position(|&(pos, line)| pos > 200 && markers.matches(line)).unwrap_or(lines.len())
}

/// Site-furniture markers of the lexicon (lower case; a trailing '*' matches any line
/// starting with the rest), split for [`Markers::matches`].
struct Markers<'a> {
    /// Markers a whole line must equal.
    exact: Vec<&'a str>,
    /// Markers a line must start with (their '*' removed).
    prefixes: Vec<&'a str>,
    /// The length of the longest marker.
    longest: usize,
    /// The first bytes of the markers.
    first: [bool; 256],
}

impl<'a> Markers<'a> {
    fn new(markers: &'a [String]) -> Markers<'a> {
        let mut m = Markers { exact: Vec::new(), prefixes: Vec::new(), longest: markers.iter().map(String::len).max().unwrap_or(0), first: [false; 256] };
        for marker in markers {
            match marker.trim_end_matches('*').as_bytes().first() {
                Some(&b) => m.first[usize::from(b)] = true,
                // (a marker of only '*' matches every line)
                None => m.first = [true; 256],
            }
            match marker.strip_suffix('*') {
                Some(p) => m.prefixes.push(p),
                None => m.exact.push(marker),
            }
        }
        m
    }

    /// True when the trimmed line (trailing ':' and '.' ignored, any case) is one of the
    /// markers.
    fn matches(&self, line: &str) -> bool {
        let t = line.trim().trim_end_matches([':', '.']);
        if t.is_empty() || self.longest == 0 {
            return false;
        }
        // a line longer than every marker can only match a prefix marker, and only by its
        // first bytes: those alone are compared
        let cut = (self.longest + 8..t.len()).find(|&i| t.is_char_boundary(i)).unwrap_or(t.len());
        let whole = cut == t.len();
        if !whole && self.prefixes.is_empty() {
            return false;
        }
        let head = &t[..cut];
        if head.is_ascii() {
            // (an ASCII line matches no marker unless its first letter, in lower case, opens one)
            if !self.first[usize::from(head.as_bytes()[0].to_ascii_lowercase())] {
                return false;
            }
            // compared ignoring ASCII case, without a lower-cased copy (markers are lower case)
            let starts = |p: &str| head.len() >= p.len() && head.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
            return self.prefixes.iter().any(|p| starts(p)) || (whole && self.exact.iter().any(|m| m.eq_ignore_ascii_case(head)));
        }
        with_lower(head, |head| self.prefixes.iter().any(|p| head.starts_with(p)) || (whole && self.exact.contains(&head)))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn footnotes() {
        assert_eq!(footnote_line("² Digital Mobility Lab (DML)"), Some(("²", "Digital Mobility Lab (DML)")));
        assert_eq!(footnote_line("¹² Shannon University"), Some(("¹²", "Shannon University")));
        assert_eq!(footnote_line("Shannon University ²"), None);
        assert_eq!(footnote_marks(" ⁸ ²*, Min-soo Kang ⁸"), ["⁸", "²"]);
        assert_eq!(footnote_marks(" ⁵*, Giulia"), ["⁵"]);
        assert!(footnote_marks(", director of the Institute").is_empty());
    }

    use super::*;

    fn cl(s: &str) -> CleanText {
        clean(&Document::new("t.txt", s), &Lexicon::builtin())
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &str)] = &[
            ("rejoin lower", "The session was chaired\nby Dr. X.", "The session was chaired by Dr. X."),
            ("speaker list items stay apart", "Marcus T. Halvorsen \u{2014} General Manager, Imperial Mesa Irrigation District\nDana Whitfield \u{2014} Senior Fellow", "Marcus T. Halvorsen - General Manager, Imperial Mesa Irrigation District\nDana Whitfield - Senior Fellow"),
            ("table rows stay apart", "Adaeze Okonkwo-Hart | Director, Grid Reliability | Midcontinent Power Alliance\nJ. Michael Ortega | Senior Fellow | Potomac Energy Forum", "Adaeze Okonkwo-Hart | Director, Grid Reliability | Midcontinent Power Alliance\nJ. Michael Ortega | Senior Fellow | Potomac Energy Forum"),
            ("keep paragraphs", "One.\n\nTwo.", "One.\n\nTwo."),
            ("dehyphen", "a long deve-\nlopment here", "a long development here"),
            ("keep compound", "a line long enough to have been wrapped by a PDF converter, about the North-\nSouth corridor", "a line long enough to have been wrapped by a PDF converter, about the North-South corridor"),
            ("abbreviation at line end", "foreign policy, Dr.\n\nIssaev stated", "foreign policy, Dr. Issaev stated"),
            ("byline after a blank line", "Ministers urge lower tariffs\n\nby Liu Chen, Ama Darko", "Ministers urge lower tariffs\n\nby Liu Chen, Ama Darko"),
            ("footnote marks", "Giulia Ferraresi², Tom Ray⁸ ²*", "Giulia Ferraresi ², Tom Ray ⁸ ²*"),
            ("abbreviation before a list item", "- Ann Lee, Director, Lotus Co., Ltd.\n- Dr. Tom Ray, Bank", "- Ann Lee, Director, Lotus Co., Ltd.\n- Dr. Tom Ray, Bank"),
            ("markdown bold", "**Dr. Ilsur**, a member", "Dr. Ilsur, a member"),
            ("quotes", "titled \u{201C}Peace\u{201D}", "titled \"Peace\""),
            ("glued quote", "upon the\u{201C}Changing", "upon the \"Changing"),
            ("blank line inside sentence", "she deemed the move\n\nunacceptable and", "she deemed the move unacceptable and"),
            ("a table one cell a line", "Speakers\n\nRole\nName\nPosition\nOrganisation\nKeynote\nMarta Castellani\nDeputy Director General\nNational Cybersecurity Agency (ACN)\nRapporteur\nJean Morel\nResearch Assistant\nISMEG\n\nThe roundtable opened.", "Speakers\n\nRole | Name | Position | Organisation\nKeynote | Marta Castellani | Deputy Director General | National Cybersecurity Agency (ACN)\nRapporteur | Jean Morel | Research Assistant | ISMEG\n\nThe roundtable opened."),
            ("column names without an organisation stay lines", "Name\nTitle\nTime\nJean Morel\nAnalyst\n10:00", "Name\nTitle\nTime\nJean Morel\nAnalyst\n10:00"),
        ];
        for (name, input, want) in cases {
            assert_eq!(cl(input).text, *want, "case {name}");
        }
    }

    #[test]
    fn offsets_point_into_original() {
        let src = "**Dr. Zigon** said \u{201C}yes\u{201D}.\nNext line";
        let c = cl(src);
        let i = c.text.find("Zigon").unwrap();
        let (s, e) = c.original_span(i, i + 5);
        assert_eq!(&src[s..e], "Zigon");
        let j = c.text.find("yes").unwrap();
        let (s, e) = c.original_span(j - 1, j + 4);
        assert_eq!(&src[s..e], "\u{201C}yes\u{201D}");
    }

    #[test]
    fn boilerplate_cut_after_article() {
        let body = "A ".repeat(150);
        let src = format!("{body}\nRecent Stories\nPSL match score\n");
        let c = cl(&src);
        assert!(!c.text.contains("PSL"));
        assert!(!c.text.contains("Recent"));
    }

    #[test]
    fn advertisement_and_story_links_inside_the_article_are_dropped() {
        let body = "A ".repeat(150);
        let src = format!("{body}\nADVERTISEMENT\n\nMs. Grace Njoroge said banks price risk.\nRead also: Levy collections hit a record\nNjoroge called for digital land registries.\nRelated Articles\nOther story\n");
        let c = cl(&src);
        assert!(c.text.contains("Ms. Grace Njoroge said banks price risk."), "{}", c.text);
        assert!(c.text.contains("Njoroge called for digital land registries."));
        assert!(!c.text.contains("ADVERTISEMENT") && !c.text.contains("Levy collections") && !c.text.contains("Other story"));
        let i = c.text.find("Grace").unwrap();
        let (s, e) = c.original_span(i, i + 5);
        assert_eq!(&src[s..e], "Grace");
    }

    #[test]
    fn snippet_collapses_space() {
        // the reference: every run of white space and control characters is one space,
        // none at the ends
        let reference = |s: &str| s.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
        for s in ["", "  ", "a", " a  b\t\n c ", "x\x7Fy\x01z", "\n\nDr. Roe spoke.\n", "Dębski \u{A0} said"] {
            assert_eq!(snippet(s, 0, s.len(), 0), reference(s), "{s:?}");
        }
        assert_eq!(snippet("one two three four", 8, 13, 2), "o three f");
    }

    #[test]
    fn fold_accents() {
        assert_eq!(fold("Sławomir Dębski"), "Slawomir Debski");
        assert_eq!(fold("Nič’s"), "Nic's");
        assert_eq!(fold("it`s"), "it's");
    }

    #[test]
    fn lower_on_the_stack() {
        for s in ["", "Dr", "ISSI", "it`S", "Dębski", "İstanbul", &"Long".repeat(20)] {
            assert_eq!(with_lower(s, str::to_string), s.to_lowercase(), "{s}");
            assert_eq!(with_fold_lower(s, str::to_string), fold(s).to_lowercase(), "{s}");
        }
    }
}

/// [`snippet`], appended to `out` (which need not be empty) rather than returned.
pub fn snippet_into(out: &mut String, text: &str, start: usize, end: usize, context: usize) {
    let (a, b) = snippet_window(text, start, end, context);
    let part = &text[a..b];
    out.reserve(part.len());
    let mut first = true;
    if part.is_ascii() {
        // the same, a stretch at a time: ASCII white space and controls are the bytes up to
        // ' ' and DEL, and the stretches between runs of them that are not a single ' '
        // are copied whole
        let is_space = |c: &u8| *c <= b' ' || *c == 0x7F;
        let bytes = part.as_bytes();
        let mut i = 0;
        loop {
            i += bytes[i..].iter().position(|c| !is_space(c)).unwrap_or(bytes.len() - i);
            if i == bytes.len() {
                return;
            }
            let stretch = i;
            loop {
                i += bytes[i..].iter().position(is_space).unwrap_or(bytes.len() - i);
                match bytes.get(i..i + 2) {
                    Some([b' ', next]) if !is_space(next) => i += 1,
                    _ => break,
                }
            }
            if !first {
                out.push(' ');
            }
            first = false;
            out.push_str(&part[stretch..i]);
        }
    }
    let mut space = false;
    for c in part.chars() {
        if c.is_whitespace() || c.is_control() {
            space = true;
        } else {
            if space && !first {
                out.push(' ');
            }
            space = false;
            first = false;
            out.push(c);
        }
    }
}

/// The length of the longest prefix of `bytes` whose bytes all satisfy `pred`. Blocks of 16
/// bytes are tested whole, without stopping at the first failure, which the compiler turns
/// into vector instructions (when `pred` is made of comparisons joined by `&`, not `&&` or
/// `matches!`); the block that fails is then searched byte by byte.
pub(crate) fn prefix_len(bytes: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    let mut n = 0;
    for block in bytes.chunks_exact(16) {
        if block.iter().fold(0u8, |failed, &b| failed | u8::from(!pred(b))) != 0 {
            break;
        }
        n += 16;
    }
    n + bytes[n..].iter().position(|&b| !pred(b)).unwrap_or(bytes.len() - n)
}
