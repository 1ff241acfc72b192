//! Affiliations: the institution a person belongs to, with the title as written, from an
//! apposition or parenthesis after the name ("Taimur Fahad, Associate Researcher at the
//! Institute of …", "(Research Fellow, CISS)", "Dr. Ilsur from Kazan University") or a
//! title before it ("Country Director, CARE, Hussaini Abdu", "ARCN Executive Secretary
//! Prof. Garba …").

use super::{Doc, Fact, IMention};
use crate::text::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use std::sync::OnceLock;

/// Lower-case words that may continue an apposition after a comma.
const APPOS_CONT: &[&str] = &["a", "an", "the", "former", "ex", "and", "of", "at", "in", "for", "on", "senior", "junior", "associate", "assistant", "deputy", "chief", "acting", "visiting", "founding", "executive", "research", "also", "currently", "now"];

/// Extracts affiliation facts for every person mention of the report.
pub(crate) fn extract_affiliations(doc: &Doc) -> Vec<Fact> {
    let t = doc.text();
    let mut out: Vec<Fact> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // A list written "Title, Org, Name; …" (title first) or "Name, Title, Org; …" (apposition):
    // the stretch between two names belongs to the second when the first was itself
    // introduced by a title, otherwise to the first.
    let prefixes: Vec<Option<(Span, bool)>> = doc
        .pm
        .iter()
        .enumerate()
        .map(|(k, pm)| {
            let line = doc.lines[pm.line];
            let prev_person_end = if k > 0 && doc.pm[k - 1].line == pm.line { doc.pm[k - 1].m.end } else { line.0 };
            prefix(doc, pm.m.start, prev_person_end.max(line.0)).map(|(seg, _)| (seg, seg.0 > prev_person_end.max(line.0)))
        })
        .collect();
    // a name's prefix is its own when a boundary (';', "while", the line start) precedes
    // it or the previous name was itself introduced title-first
    let mut own = vec![false; doc.pm.len()];
    for k in 0..doc.pm.len() {
        let first_in_line = k == 0 || doc.pm[k - 1].line != doc.pm[k].line;
        own[k] = prefixes[k].is_some_and(|(_, after_boundary)| after_boundary || first_in_line || own[k - 1]);
    }
    for (k, pm) in doc.pm.iter().enumerate() {
        let line = doc.lines[pm.line];
        let next_same_line = doc.pm.get(k + 1).filter(|n| n.line == pm.line);
        let next_person = next_same_line.map_or(line.1, |n| n.m.start);
        // the next name's title-first prefix claims the stretch after this name
        let next_claims = next_same_line.is_some() && prefixes[k + 1].is_some_and(|(_, after_boundary)| own[k] || after_boundary);
        let appos = if next_claims {
            None
        } else {
            apposition(doc, pm.m.end, next_person.min(line.1))
                .filter(|(seg, _)| !doc.insts_in(*seg).is_empty())
                .or_else(|| next_line_title(doc, k))
                .or_else(|| if prefixes[k].is_some() { None } else { shared_apposition(doc, k) })
        };
        let own_prefix = prefixes[k].filter(|_| own[k]).map(|(seg, _)| (seg, Side::Before));
        for (seg, title_side) in [appos, own_prefix].into_iter().flatten() {
            for im in doc.insts_in(seg) {
                // "at the World Economic Forum's Annual Meeting": where the event was, not a post
                if im.unit || event_of_institution(doc, im.end) {
                    continue;
                }
                if seen.insert((pm.person, im.inst)) {
                    let title = title_of(t, seg, im, title_side);
                    let (s, e) = (pm.m.start.min(seg.0), pm.m.end.max(seg.1));
                    out.push(Fact::Affiliation { person: pm.person, institution: im.inst, title, evidence: doc.ev(s, e) });
                }
            }
        }
    }
    out
}

/// The apposition after a name: ", Title at Org, …", "(Title, Org)", " of/from/at Org".
fn apposition(doc: &Doc, end: usize, limit: usize) -> Option<((usize, usize), Side)> {
    let t = doc.text();
    let rest = &t[end..limit.max(end)];
    if let Some(inner) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('(')) {
        let open = end + (rest.len() - inner.len());
        let close = inner.find(')').map_or(inner.len().min(200), |c| c);
        // a post-nominal in parentheses ("HI (M)") is skipped by the caller's next mention
        return Some(((open, open + close), Side::After));
    }
    let lead = [", ", " of the ", " of ", " from the ", " from ", " at the ", " at ", " with the "];
    let l = lead.iter().find(|l| rest.starts_with(**l))?;
    let start = end + l.len();
    if start >= limit {
        return None;
    }
    let body = &t[start..limit];
    // stop at the end of the clause: ';', '.', '(' of another clause, a verb
    let mut stop = body.len().min(220);
    for (i, c) in body.char_indices() {
        if i >= stop {
            break;
        }
        if c == ';' || (c == '.' && body[i + 1..].starts_with(' ') && !is_abbrev_before(body, i)) {
            stop = i;
            break;
        }
        if c == ',' {
            let next = body[i + 1..].trim_start();
            let w: String = next.chars().take_while(|c| c.is_alphabetic() || *c == '-').collect();
            let postnominal = doc.lex.is_postnominal_word(&w);
            if w.chars().next().is_some_and(|c| c.is_lowercase()) && !APPOS_CONT.contains(&w.as_str()) && !postnominal {
                stop = i;
                break;
            }
        }
        if c == ' ' {
            let w: String = body[i + 1..].chars().take_while(|c| c.is_alphabetic()).collect();
            if matches!(w.as_str(), "who" | "which" | "that" | "was" | "is" | "were" | "has" | "had" | "will" | "would" | "while" | "said" | "spoke" | "presented" | "delivered" | "stated" | "highlighted" | "noted" | "discussed" | "addressed" | "gave" | "made" | "chaired" | "moderated" | "opened" | "welcomed" | "emphasized" | "emphasised" | "argued" | "explained") {
                stop = i;
                break;
            }
        }
    }
    Some(((start, start + stop), Side::After))
}

/// Two names joined by "and" that share one apposition: "Ms. Natcha Sukprasert and Mr.
/// Ekkachai Thammasorn, Research Assistants, SIRS" — the first takes the second's.
fn shared_apposition(doc: &Doc, k: usize) -> Option<((usize, usize), Side)> {
    let (pm, next) = (&doc.pm[k], doc.pm.get(k + 1)?);
    if next.line != pm.line || doc.text()[pm.m.end..next.m.start].trim() != "and" {
        return None;
    }
    let line_end = doc.lines[pm.line].1;
    let limit = doc.pm.get(k + 2).filter(|n| n.line == pm.line).map_or(line_end, |n| n.m.start);
    apposition(doc, next.m.end, limit).filter(|(seg, _)| !doc.insts_in(*seg).is_empty())
}

/// A name alone on its line, its title and institution on the next line(s), as event pages
/// list speakers ("Margaret Ellison" / "Senior Fellow, Energy Program, Hudson Policy
/// Center"): the following line, or two when the first holds only the title, if they name
/// no person and are not sentences.
fn next_line_title(doc: &Doc, k: usize) -> Option<((usize, usize), Side)> {
    let t = doc.text();
    let pm = &doc.pm[k];
    if !doc.name_alone_on_line(pm.line).is_some_and(|p| std::ptr::eq(p, pm)) {
        return None;
    }
    let plain = |li: usize| {
        doc.lines.get(li).copied().filter(|&(a, b)| {
            let l = t[a..b].trim();
            !l.is_empty() && l.len() <= 160 && !l.ends_with(['.', ':']) && doc.first_person_on_line(li).is_none()
        })
    };
    let first = plain(pm.line + 1)?;
    let span = if !doc.insts_in(first).is_empty() {
        first
    } else {
        let second = plain(pm.line + 2)?;
        (first.0, second.1)
    };
    (!doc.insts_in(span).is_empty()).then_some((span, Side::After))
}

/// "'s Annual Meeting", "'s summit": an event of the institution named just before `at`.
fn event_of_institution(doc: &Doc, at: usize) -> bool {
    let Some(rest) = doc.text()[at..].strip_prefix("'s ") else { return false };
    let head: String = rest.split_whitespace().take(3).collect::<Vec<_>>().join(" ").to_lowercase();
    doc.lex.event_kinds.iter().any(|(w, _)| head.split(|c: char| !c.is_alphanumeric()).any(|x| x == w))
}

fn is_abbrev_before(body: &str, dot: usize) -> bool {
    let w: String = body[..dot].chars().rev().take_while(|c| c.is_alphabetic()).collect();
    w.chars().count() <= 4 && w.chars().any(|c| c.is_uppercase())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    After,
    Before,
}

/// The title-first segment before a name: from the last clause boundary (';', ':', '(',
/// " and ", sentence start, previous person) to the name, when it holds a title word.
fn prefix(doc: &Doc, start: usize, floor: usize) -> Option<((usize, usize), Side)> {
    let t = doc.text();
    if floor >= start {
        return None;
    }
    let region = &t[floor..start];
    // the end of the last boundary: of all of them (overlapping), the one ending last
    static BOUNDARIES: OnceLock<AhoCorasick> = OnceLock::new();
    const DOT: usize = 2; // ". "
    let boundaries = BOUNDARIES.get_or_init(|| {
        AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .build([";", ":", ". ", "(", ")", " include ", " included ", " including ", " by ", " with ", " while ", " whereas "])
            .expect("valid boundary list")
    });
    let cut = boundaries
        .find_overlapping_iter(region)
        // "HP, Inc. Mr Dion Weisler": a dot after an abbreviation is no boundary
        .filter(|m| m.pattern().as_usize() != DOT || !doc.lex.is_abbreviation(region[..m.start()].rsplit(' ').next().unwrap_or("")))
        .map(|m| m.end())
        .max()
        .unwrap_or(0);
    let seg = &region[cut..];
    if seg.trim().is_empty() || seg.len() > 160 {
        return None;
    }
    let has_title = seg.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) && doc.lex.is_title(w));
    if !has_title {
        return None;
    }
    // a name after the segment must follow directly (", " or " ")
    let tail = seg.trim_end();
    if !(tail.ends_with(',') || seg.ends_with(' ')) {
        return None;
    }
    Some(((floor + cut, start), Side::Before))
}

fn title_of(t: &str, seg: (usize, usize), im: &IMention, side: Side) -> Option<String> {
    let raw = match side {
        Side::After => &t[seg.0..im.start.max(seg.0)],
        Side::Before => {
            let a = &t[seg.0..im.start.max(seg.0)];
            if a.trim().is_empty() { &t[im.end.min(seg.1)..seg.1] } else { a }
        }
    };
    let cleaned = raw
        .trim()
        .trim_matches(|c: char| c == ',' || c == '(' || c == ')' || c.is_whitespace())
        .trim_end_matches(" of the")
        .trim_end_matches(" at the")
        .trim_end_matches(" of")
        .trim_end_matches(" at")
        .trim_end_matches(" in the")
        .trim_end_matches(" in")
        .trim_end_matches(" from")
        .trim_end_matches(',')
        .trim();
    let cleaned = cleaned.strip_prefix("the ").or_else(|| cleaned.strip_prefix("The ")).unwrap_or(cleaned).trim();
    (!cleaned.is_empty() && cleaned.len() <= 120).then(|| cleaned.to_string())
}
