//! Lines and sentences of cleaned text, as byte spans.

/// A byte range of the cleaned text.
pub type Span = (usize, usize);

/// Non-empty lines (blocks) of the text, trimmed, as spans.
pub fn blocks(text: &str) -> Vec<Span> {
    block_spans(text).collect()
}

/// [`blocks`], one at a time.
fn block_spans(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut pos = 0;
    text.split('\n').filter_map(move |line| {
        let start = pos;
        pos += line.len() + 1;
        let lead = line.len() - line.trim_start().len();
        let t = line.trim();
        (!t.is_empty()).then(|| (start + lead, start + lead + t.len()))
    })
}

/// Sentences inside a span: split after `.`, `!`, `?` followed by a space and a capital,
/// digit or quote, except after abbreviations (`is_abbrev` on the word before the dot) and
/// single-letter initials. Sentences never cross line breaks.
pub fn sentences(text: &str, span: Span, is_abbrev: &dyn Fn(&str) -> bool) -> Vec<Span> {
    let mut out = Vec::new();
    for_each_sentence(text, span, is_abbrev, |s| out.push(s));
    out
}

/// [`sentences`], each passed to `f` in order rather than collected.
pub fn for_each_sentence(text: &str, span: Span, is_abbrev: &dyn Fn(&str) -> bool, mut f: impl FnMut(Span)) {
    for block in block_spans(&text[span.0..span.1]).map(|(a, b)| (a + span.0, b + span.0)) {
        for_each_sentence_of_block(text, block, is_abbrev, &mut f);
    }
}

/// [`for_each_sentence`] of a span that is one of the [`blocks`] (no line break inside, no
/// white space at either end), which is its own only block.
pub fn for_each_sentence_of_block(text: &str, (bs, be): Span, is_abbrev: &dyn Fn(&str) -> bool, mut f: impl FnMut(Span)) {
    let s = &text[bs..be];
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // only a '.', '!' or '?' can end a sentence: the bytes between are skipped
    loop {
        i += super::prefix_len(&bytes[i..], |c| (c != b'.') & (c != b'!') & (c != b'?'));
        if i == bytes.len() {
            break;
        }
        let c = bytes[i];
        // a full stop glued to the next sentence: "in space.Contextualizing"
        if c == b'.' && i >= 3 && i + 2 < bytes.len() && bytes[i + 1].is_ascii_uppercase() && bytes[i + 2].is_ascii_lowercase() && bytes[i - 1].is_ascii_lowercase() && bytes[i - 2].is_ascii_lowercase() && bytes[i - 3].is_ascii_lowercase() {
            f((bs + start, bs + i + 1));
            start = i + 1;
            i += 1;
            continue;
        }
        if i + 1 < bytes.len() {
            // allow a closing quote or bracket right after the mark
            let mut k = i + 1;
            while k < bytes.len() && matches!(bytes[k], b'"' | b'\'' | b')') {
                k += 1;
            }
            if k < bytes.len() && bytes[k] == b' ' {
                let next = s[k + 1..].chars().next();
                let next_ok = next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || n == '"' || n == '\u{2022}' || n == '-');
                // (the word before the mark is read only where it decides)
                let abbreviation = || {
                    let word_start = s[..i].rfind(|ch: char| !(ch.is_alphanumeric() || ch == '.' || ch == '-')).map_or(0, |p| p + s[p..].chars().next().map_or(1, char::len_utf8));
                    let word = &s[word_start..i];
                    // "Amb.Prof." → the last part, "Prof"; "Univ.-Prof.", "Brig.-Gen." → "Prof", "Gen"
                    let word = word.rsplit(['.', '-']).next().unwrap_or(word);
                    let initial = word.chars().count() == 1 && word.chars().all(|ch| ch.is_uppercase());
                    initial || is_abbrev(word)
                };
                if next_ok && c == b'.' && abbreviation() {
                    i += 1;
                    continue;
                }
                if next_ok {
                    f((bs + start, bs + k));
                    start = k + 1;
                    i = k + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    if start < s.len() {
        f((bs + start, be));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_but_not_after_titles() {
        let t = "Dr. Zigon spoke. Mr. M. Nawaz Khan asked. Then she left.";
        let abbr = |w: &str| matches!(w, "Dr" | "Mr");
        let s: Vec<&str> = sentences(t, (0, t.len()), &abbr).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(s, vec!["Dr. Zigon spoke.", "Mr. M. Nawaz Khan asked.", "Then she left."]);
        // a rank joined to another by a hyphen
        let t = "The director, Univ.-Prof. Dr. Anna Gruber, welcomed them. Brig.-Gen. Lee spoke.";
        let abbr = |w: &str| matches!(w, "Univ" | "Prof" | "Dr" | "Brig" | "Gen");
        let s: Vec<&str> = sentences(t, (0, t.len()), &abbr).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(s, vec!["The director, Univ.-Prof. Dr. Anna Gruber, welcomed them.", "Brig.-Gen. Lee spoke."]);
    }

    #[test]
    fn lines_are_boundaries() {
        let t = "Title line\nBody here. More";
        let s = sentences(t, (0, t.len()), &|_| false);
        assert_eq!(s.len(), 3);
    }
}
