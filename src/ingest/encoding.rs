//! Bytes to text: byte-order marks, UTF-8, UTF-16, and legacy single-byte encodings
//! (Windows-1252 / Latin-1 and others) detected with `chardetng`, decoded with `encoding_rs`.
//! Binary data is recognised and refused with a reason.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Why bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    /// Nothing but whitespace (or nothing at all).
    Empty,
    /// Binary data; the reason says what gave it away.
    Binary(String),
}

/// Decoded text and the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding's WHATWG name (`UTF-8`, `UTF-16LE`, `windows-1252` …).
    pub encoding: &'static str,
}

/// Known binary formats by their first bytes.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.odt)"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xFD7zXZ\x00", "an xz archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"\x7FELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Office document (.doc/.xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"SQLite format 3\x00", "an SQLite database"),
];

/// What a binary file looks like, from its first bytes (`None` when unknown).
pub fn magic(bytes: &[u8]) -> Option<&'static str> {
    MAGIC.iter().find(|(m, _)| bytes.starts_with(m)).map(|&(_, what)| what)
}

/// Decodes bytes as text.
///
/// In order: a byte-order mark (UTF-8, UTF-16 LE/BE) decides; UTF-16 without a mark is
/// recognised by its zero bytes in every other position; valid UTF-8 is taken as it is;
/// anything else goes to `chardetng`, which guesses the legacy encoding (Windows-1252 for
/// Western European text) that `encoding_rs` then decodes. Empty input, known binary
/// formats, NUL bytes and text made mostly of control characters are refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        if enc == UTF_8 {
            if !body.contains(&0) {
                return finish(String::from_utf8_lossy(body).into_owned(), enc);
            }
        } else {
            let (text, _) = enc.decode_without_bom_handling(body);
            return finish(text.into_owned(), enc);
        }
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(NotText::Empty);
    }
    if let Some(what) = magic(bytes) {
        if !(bytes.starts_with(b"MZ") && looks_textual_start(bytes)) {
            return Err(NotText::Binary(format!("looks like {what}")));
        }
    }
    if bytes.contains(&0) {
        if let Some(enc) = utf16_without_bom(bytes) {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            return finish(text.into_owned(), enc);
        }
        return Err(NotText::Binary("contains NUL bytes".into()));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return finish(s.to_string(), UTF_8);
    }
    if mostly_utf8(bytes) {
        return finish(String::from_utf8_lossy(bytes).into_owned(), UTF_8);
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    finish(text.into_owned(), enc)
}

/// "MZ" starts many an English word ("MZ Khan said …"): only an executable when the next
/// bytes are not letters.
fn looks_textual_start(bytes: &[u8]) -> bool {
    bytes.len() > 2 && (bytes[2].is_ascii_alphanumeric() || bytes[2].is_ascii_whitespace() || bytes[2].is_ascii_punctuation())
}

/// UTF-16 without a byte-order mark: in the first KB, most bytes in one parity are zero
/// and almost none in the other (Latin-script text).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd * 10 >= pairs * 7 && even * 50 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 50 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// UTF-8 with a few stray bytes (a Latin-1 byte pasted into a UTF-8 file): many valid
/// multi-byte characters, few invalid sequences. Decoded as UTF-8, the stray bytes
/// becoming U+FFFD, rather than the whole file as Windows-1252 mojibake.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut multi = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    multi >= 4 * invalid
}

/// Control characters other than tab, line feed, form feed and carriage return (C0, DEL, C1).
fn is_binary_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\x0C' | '\r')) || c == '\u{FFFD}'
}

/// [`is_binary_control`] for an ASCII byte (C0 controls other than tab, line feed, form
/// feed and carriage return, and DEL).
fn is_binary_control_byte(b: u8) -> bool {
    // (comparisons rather than a `match`, for vector code: below ' ' but not 9, 10, 12, 13)
    (b < 0x20) & (b.wrapping_sub(b'\t') > 1) & (b.wrapping_sub(0x0C) > 1) | (b == 0x7F)
}

/// How many characters of the text's start are looked at for control characters.
const CHECKED_CHARS: usize = 1 << 16;

/// The characters among the first [`CHECKED_CHARS`] of `text`, and how many of them are
/// [binary controls](is_binary_control), counted without decoding the text character by
/// character: the ASCII controls are bytes of their own, and the others (C1 controls, U+0080
/// to U+009F, and U+FFFD) are looked for only when a byte they start with is there.
fn control_count(text: &str) -> (usize, usize) {
    let cut = if text.len() <= CHECKED_CHARS || text.as_bytes()[..CHECKED_CHARS].is_ascii() {
        text.len().min(CHECKED_CHARS)
    } else {
        text.char_indices().nth(CHECKED_CHARS).map_or(text.len(), |(i, _)| i)
    };
    let head = &text[..cut];
    let total = head.chars().count();
    // (counted in blocks small enough for a `u8` count, which the compiler makes vector code)
    let mut bad: usize = head.as_bytes().chunks(255).map(|block| usize::from(block.iter().fold(0u8, |n, &b| n + u8::from(is_binary_control_byte(b))))).sum();
    if head.as_bytes().contains(&0xC2) || head.contains('\u{FFFD}') {
        bad += head.chars().filter(|&c| !c.is_ascii() && is_binary_control(c)).count();
    }
    (total, bad)
}

fn finish(text: String, enc: &'static Encoding) -> Result<Decoded, NotText> {
    if text.chars().all(char::is_whitespace) {
        return Err(NotText::Empty);
    }
    // Binary data decodes to many controls (or replacement characters); text has few.
    let (total, bad) = control_count(&text);
    if bad * 10 > total {
        return Err(NotText::Binary(format!("{bad} of the first {total} characters are control characters")));
    }
    Ok(Decoded { text, encoding: enc.name() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(b: &[u8]) -> (String, &'static str) {
        let d = decode(b).unwrap();
        (d.text, d.encoding)
    }

    #[test]
    fn encodings() {
        assert_eq!(ok(b"plain"), ("plain".into(), "UTF-8"));
        assert_eq!(ok(b"\xEF\xBB\xBFwith bom \xC3\xA9"), ("with bom é".into(), "UTF-8"));
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Dr. Łukasz".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(ok(&le), ("Dr. Łukasz".into(), "UTF-16LE"));
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("Dr. Łukasz".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(ok(&be), ("Dr. Łukasz".into(), "UTF-16BE"));
        let nobom: Vec<u8> = "The seminar was chaired by Dr. Jane Roe.".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(ok(&nobom).1, "UTF-16LE");
        // Windows-1252: curly quotes, é, €
        let w = b"The \x93Caf\xE9\x94 seminar cost 5\x80 and Jos\xE9 Mar\xEDa Aznar spoke.";
        assert_eq!(ok(w), ("The \u{201C}Café\u{201D} seminar cost 5€ and José María Aznar spoke.".into(), "windows-1252"));
    }

    #[test]
    fn stray_bytes_in_utf8() {
        let mut b = "Łukasz Kulesa and José María spoke; Zoë asked — and Dvořák".as_bytes().to_vec();
        b.push(0xE9);
        let (t, e) = ok(&b);
        assert_eq!(e, "UTF-8");
        assert!(t.starts_with("Łukasz") && t.ends_with('\u{FFFD}'));
    }

    #[test]
    fn control_count_as_char_by_char() {
        let reference = |t: &str| {
            let mut total = 0;
            let mut bad = 0;
            for c in t.chars().take(CHECKED_CHARS) {
                total += 1;
                bad += usize::from(is_binary_control(c));
            }
            (total, bad)
        };
        let long_ascii = "a\x01".repeat(CHECKED_CHARS);
        let long_mixed = "é\u{85}x\u{FFFD}".repeat(CHECKED_CHARS / 2);
        for t in ["", "abc", "a\tb\nc\x0Cd\re", "\0\x07\x1b\x7F", "Łukasz\u{80}\u{9F}\u{A0}\u{FFFD}—x", &long_ascii, &long_mixed] {
            assert_eq!(control_count(t), reference(t), "{:?}", &t[..t.len().min(40)]);
        }
    }

    #[test]
    fn refusals() {
        assert_eq!(decode(b""), Err(NotText::Empty));
        assert_eq!(decode(b" \n\t "), Err(NotText::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF\n"), Err(NotText::Empty));
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n\0\0"), Err(NotText::Binary(r)) if r.contains("PNG")));
        assert!(matches!(decode(b"abc\0\x01\x02\x9f"), Err(NotText::Binary(r)) if r.contains("NUL")));
        assert!(matches!(decode(b"\x01\x02\x03\x04\x05abc"), Err(NotText::Binary(_))));
        // a few control characters in text are fine
        assert!(decode(b"Dr. Jane\x07 Roe spoke \x1b[1m at length about it.").is_ok());
        assert!(decode(b"MZ Khan chaired the seminar.").is_ok());
    }
}
