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

/// Words that end an apposition (or, right after the name, stand for none): the verb or
/// conjunction of the sentence's own clause.
const CLAUSE_WORDS: &[&str] = &["which", "that", "was", "is", "were", "has", "had", "will", "would", "while", "said", "spoke", "presented", "delivered", "stated", "highlighted", "noted", "discussed", "addressed", "gave", "made", "chaired", "moderated", "opened", "welcomed", "emphasized", "emphasised", "argued", "explained"];

/// Extracts affiliation facts for every person mention of the report.
pub(crate) fn extract_affiliations(doc: &Doc) -> Vec<Fact> {
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
            let floor = prev_person_end.max(line.0);
            // "Prof Tan and Nanyang Technological University (NTU) President Professor Subra
            // Suresh": "and" right after the previous name opens a new one
            let joined = k > 0 && doc.text()[floor..].starts_with(" and ");
            // (a title written into the name's surface belongs to the prefix: "OWWA Deputy
            // Administrator Marites Cabral-Ong")
            let until = if pm.m.titled { pm.m.name_start.max(pm.m.start) } else { pm.m.start };
            prefix(doc, until, floor).map(|(seg, _)| (seg, joined || seg.0 > floor))
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
        for (seg, title_side) in [own_prefix, appos].into_iter().flatten() {
            for im in doc.insts_in(seg) {
                // "at the World Economic Forum's Annual Meeting": where the event was, not a post
                if im.unit || event_of_institution(doc, im.end) {
                    continue;
                }
                if seen.insert((pm.person, im.inst)) {
                    let title = title_of(doc, seg, im, title_side);
                    let (s, e) = (pm.m.start.min(seg.0), pm.m.end.max(seg.1));
                    out.push(Fact::Affiliation { person: pm.person, institution: im.inst, title, evidence: doc.ev(s, e) });
                }
            }
        }
    }
    footnote_affiliations(doc, &mut seen, &mut out);
    minister_affiliations(doc, &mut seen, &mut out);
    behalf_affiliations(doc, &mut seen, &mut out);
    out
}

/// The institution a person speaks for, later in the person's clause: "Adv Sizwe
/// Ndlovu-Maseko, who made submissions on behalf of the Legal Resources Hub", "X,
/// representing the Chamber of Mines, said". The institution must follow the phrase
/// directly, before any other person is named.
fn behalf_affiliations(doc: &Doc, seen: &mut std::collections::HashSet<(usize, usize)>, out: &mut Vec<Fact>) {
    let t = doc.text();
    // (the phrases found by one vectorised search each over the text, then given to the name
    // before them)
    static PHRASES: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> = std::sync::LazyLock::new(|| [memchr::memmem::Finder::new("on behalf of "), memchr::memmem::Finder::new("representing ")]);
    for finder in PHRASES.iter() {
        let phrase_len = finder.needle().len();
        for at in finder.find_iter(t.as_bytes()) {
            // the person named last before the phrase, on its line, within 120 bytes, with no
            // sentence's end between
            let k = doc.pm.partition_point(|p| p.m.start < at);
            let Some(pm) = k.checked_sub(1).map(|k| &doc.pm[k]) else { continue };
            let line = doc.lines[pm.line];
            if pm.m.end > at || at >= line.1 || at - pm.m.end > 120 || t[pm.m.end..at].contains(". ") {
                continue;
            }
            let mut from = at + phrase_len;
            if t[from..].starts_with("the ") {
                from += 4;
            }
            let Some(im) = doc.im.iter().find(|m| m.start == from && !m.unit) else { continue };
            if seen.insert((pm.person, im.inst)) {
                out.push(Fact::Affiliation { person: pm.person, institution: im.inst, title: None, evidence: doc.ev(pm.m.start, im.end) });
            }
        }
    }
}

/// A minister's ministry when the report names it but not beside the minister: "Ghanaian
/// Minister of Food and Agriculture Akosua Nyantakyi-Boahen" or "X, Minister for Trade, …"
/// with a "Ministry of Food and Agriculture" / "Ministry for Trade" elsewhere. Only for
/// persons with no other affiliation; the portfolio must be the ministry's, word for word.
fn minister_affiliations(doc: &Doc, seen: &mut std::collections::HashSet<(usize, usize)>, out: &mut Vec<Fact>) {
    let t = doc.text();
    // (portfolio, institution), longest first
    let mut ministries: Vec<(&str, usize)> = doc
        .insts
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.name.strip_prefix("Ministry of ").or_else(|| r.name.strip_prefix("Ministry for ")).map(|p| (p, i)))
        .collect();
    if ministries.is_empty() {
        return;
    }
    ministries.sort_by_key(|&(p, i)| (std::cmp::Reverse(p.len()), i));
    let affiliated: std::collections::HashSet<usize> = seen.iter().map(|&(p, _)| p).collect();
    for (k, pm) in doc.pm.iter().enumerate() {
        if affiliated.contains(&pm.person) {
            continue;
        }
        let line = doc.lines[pm.line];
        let floor = if k > 0 && doc.pm[k - 1].line == pm.line { doc.pm[k - 1].m.end } else { line.0 };
        let ceiling = doc.pm.get(k + 1).filter(|n| n.line == pm.line).map_or(line.1, |n| n.m.start);
        // the title right before the name, or the apposition right after it
        let before = &t[floor..pm.m.start];
        let after = &t[pm.m.end..ceiling];
        let before = before.rfind("Minister ").map(|p| (floor + p, &before[p..]));
        let after = after.strip_prefix(", ").filter(|a| a.starts_with("Minister ")).map(|a| (ceiling - a.len(), a));
        for (at, title) in [before, after].into_iter().flatten() {
            let Some(portfolio) = title.strip_prefix("Minister of ").or_else(|| title.strip_prefix("Minister for ")) else { continue };
            let Some(&(p, inst)) = ministries.iter().find(|(p, _)| portfolio.starts_with(p) && !portfolio[p.len()..].starts_with(|c: char| c.is_alphanumeric())) else { continue };
            if seen.insert((pm.person, inst)) {
                let title_end = at + (title.len() - portfolio.len()) + p.len();
                let title = t[at..title_end].to_string();
                out.push(Fact::Affiliation { person: pm.person, institution: inst, title: Some(title), evidence: doc.ev(at.min(pm.m.start), title_end.max(pm.m.end)) });
            }
        }
    }
}

/// Affiliations given by footnote marks, as in academic programmes: "Giulia Ferraresi ²"
/// (the cleaned text sets the mark apart) with a line "² Digital Mobility Lab (DML),
/// Università …" elsewhere in the report. Every institution on the footnote's line is the
/// person's; a name may carry several marks ("Hye-jin Seo ⁸ ²*").
fn footnote_affiliations(doc: &Doc, seen: &mut std::collections::HashSet<(usize, usize)>, out: &mut Vec<Fact>) {
    let t = doc.text();
    // footnote mark → its line
    let notes: Vec<(&str, Span)> = doc.lines.iter().filter_map(|&(a, b)| crate::text::footnote_line(&t[a..b]).map(|(mark, _)| (mark, (a, b)))).collect();
    if notes.is_empty() {
        return;
    }
    for pm in &doc.pm {
        for mark in crate::text::footnote_marks(&t[pm.m.end..doc.lines[pm.line].1]) {
            for &(_, (a, b)) in notes.iter().filter(|(m, _)| *m == mark) {
                for im in doc.insts_in((a, b)) {
                    if !im.unit && seen.insert((pm.person, im.inst)) {
                        out.push(Fact::Affiliation { person: pm.person, institution: im.inst, title: None, evidence: doc.ev(a, b) });
                    }
                }
            }
        }
    }
}

/// The apposition after a name: ", Title at Org, …", "(Title, Org)", " of/from/at Org".
fn apposition(doc: &Doc, end: usize, limit: usize) -> Option<((usize, usize), Side)> {
    let t = doc.text();
    // post-nominals between the name and its apposition: "Jane Roe OBE, Head of …",
    // "John Doe, MP, Minister of …", "X, BB, psc (Retd), Convenor, …"
    let mut end = end;
    loop {
        let rest = &t[end..limit.max(end)];
        let Some((sep, after)) = rest.strip_prefix(", ").map(|r| (2, r)).or_else(|| rest.strip_prefix(' ').map(|r| (1, r))) else { break };
        let w = match after.strip_prefix('(') {
            Some(inner) => inner.find(')').map_or("", |c| &after[..c + 2]),
            None => &after[..after.find([',', ' ']).unwrap_or(after.len())],
        };
        if w.is_empty() || !doc.lex.is_postnominal_word(w.trim_end_matches('.')) {
            break;
        }
        // one with a short parenthesis of its own: "HI (M)"
        let w = match after[w.len()..].strip_prefix(" (").and_then(|r| r.find(')')) {
            Some(c) if c <= 6 => &after[..w.len() + c + 3],
            _ => w,
        };
        end += sep + w.len();
    }
    let rest = &t[end..limit.max(end)];
    if let Some(inner) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('(')) {
        let open = end + (rest.len() - inner.len());
        let close = inner.find(')').map_or(inner.len().min(200), |c| c);
        // a post-nominal in parentheses ("HI (M)") is skipped by the caller's next mention
        return Some(((open, open + close), Side::After));
    }
    // (the cleaned text writes every dash as '-')
    let lead = [", ", " - ", " of the ", " of ", " from the ", " from ", " at the ", " at ", " with the ", " is a ", " is an ", " is the ", " is ", " | "];
    let l = lead.iter().find(|l| rest.starts_with(**l))?;
    let start = end + l.len();
    if start >= limit {
        return None;
    }
    let body = &t[start..limit];
    // a verb right after the comma: "X, welcomed the participants and thanked the Ministry"
    if CLAUSE_WORDS.contains(&leading_word(body, |c| c.is_alphabetic())) {
        return None;
    }
    // a short biography, "X is a senior fellow at Y": a post must come first
    if l.starts_with(" is ") && !body.split_whitespace().take(4).any(|w| doc.lex.is_title(w.trim_matches(|c: char| !c.is_alphanumeric()))) {
        return None;
    }
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
            let w = leading_word(next, |c| c.is_alphabetic() || c == '-');
            if w.chars().next().is_some_and(|c| c.is_lowercase()) && !APPOS_CONT.contains(&w) && !doc.lex.is_postnominal_word(w) {
                stop = i;
                break;
            }
        }
        if c == ' ' {
            let w = leading_word(&body[i + 1..], |c| c.is_alphabetic());
            if w == "who" || CLAUSE_WORDS.contains(&w) {
                stop = i;
                break;
            }
        }
    }
    Some(((start, start + stop), Side::After))
}

/// The start of `s` whose characters are all `word` characters.
fn leading_word(s: &str, word: impl Fn(char) -> bool) -> &str {
    &s[..s.find(|c: char| !word(c)).unwrap_or(s.len())]
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
    const BOUNDARY_LIST: [&str; 12] = [";", ":", ". ", "(", ")", " include ", " included ", " including ", " by ", " with ", " while ", " whereas "];
    const DOT: usize = 2; // ". "
    const OPEN: usize = 3; // "("
    const CLOSE: usize = 4; // ")"
    const LONGEST: usize = {
        let (mut n, mut i) = (0, 0);
        while i < BOUNDARY_LIST.len() {
            if BOUNDARY_LIST[i].len() > n {
                n = BOUNDARY_LIST[i].len();
            }
            i += 1;
        }
        n
    };
    let boundaries = BOUNDARIES.get_or_init(|| AhoCorasickBuilder::new().kind(Some(AhoCorasickKind::DFA)).build(BOUNDARY_LIST).expect("valid boundary list"));
    // (a segment is at most 160 bytes: a boundary that can make one ends in the region's last
    // 160 bytes, and so begins in its last 160 + `LONGEST`; the others cut less, leaving a
    // segment too long as well)
    let from = region.floor_char_boundary(region.len().saturating_sub(160 + LONGEST));
    let cut = boundaries
        .find_overlapping_iter(&region[from..])
        .map(|m| (m.pattern().as_usize(), from + m.start(), from + m.end()))
        // "HP, Inc. Mr Dion Weisler": a dot after an abbreviation is no boundary
        .filter(|&(k, at, _)| k != DOT || !doc.lex.is_abbreviation(region[..at].rsplit(' ').next().unwrap_or("")))
        // a title's own parenthesis is no boundary: "NUS Senior Advisor (University & Global
        // Relations) Professor Kishore Mahbubani"
        .filter(|&(k, at, _)| !matches!(k, OPEN | CLOSE) || !titled_parenthesis(doc, region, at))
        // nor an acronym's: "President, Newspaper Proprietors Association of Nigeria (NPAN),
        // Kabiru A. Yusuf", "Nanyang Technological University (NTU) President Professor …"
        .filter(|&(k, at, _)| !matches!(k, OPEN | CLOSE) || !acronym_parenthesis(region, at))
        .map(|(_, _, end)| end)
        .max()
        .unwrap_or(0);
    let seg = &region[cut..];

    if seg.trim().is_empty() || seg.len() > 160 {
        return None;
    }
    let has_title = seg.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) && doc.lex.is_title(w));
    if !has_title {
        return post_after_institution(doc, start, floor);
    }
    // a name after the segment must follow directly (", " or " ")
    let tail = seg.trim_end();
    if !(tail.ends_with(',') || seg.ends_with(' ')) {
        return None;
    }
    Some(((floor + cut, start), Side::Before))
}

/// A post in lower case between an institution and the name, as news writes it: "ISŚ
/// director Dr Marta Zielińska-Kos", "NISS senior fellow Datuk Dr Faridah", "Nusantara
/// Institute of Strategic Studies (NISS) chairman Tan Sri Dr Rahmat", "CEBEA's executive
/// director, Dra. Helena Prado". Between the institution (with its acronym in parentheses
/// or a possessive) and the name stand only lower-case words, one of them a title word.
fn post_after_institution(doc: &Doc, start: usize, floor: usize) -> Option<((usize, usize), Side)> {
    let t = doc.text();
    let im = *doc.insts_in((floor, start)).last()?;
    let mut between = &t[im.end..start];
    // the acronym in parentheses, or the end of the parenthesis the acronym stands in
    if let Some(rest) = between.strip_prefix(" (").and_then(|r| r.split_once(')')).map(|(_, r)| r).or_else(|| between.strip_prefix(')')) {
        between = rest;
    }
    let between = between.strip_prefix("'s").or_else(|| between.strip_prefix("\u{2019}s")).unwrap_or(between);
    let words = between.trim().trim_end_matches(',');
    let lower = |w: &str| w.chars().all(|c| c.is_lowercase() || c == '-');
    let post = !words.is_empty() && words.len() <= 60 && words.split_whitespace().all(lower) && words.split_whitespace().any(|w| doc.lex.is_title(w));
    // the name follows directly (", " or " ")
    (post && between.ends_with(' ')).then_some(((im.start, start), Side::Before))
}

/// The parenthesis at `at` in `region` (its "(" or its ")") closes inside `region` and
/// follows a capitalised title word: "Senior Advisor (University & Global Relations)".
fn titled_parenthesis(doc: &Doc, region: &str, at: usize) -> bool {
    let open = if region[at..].starts_with('(') { Some(at) } else { region[..at].rfind('(') };
    let Some(open) = open else { return false };
    if !region[open..].contains(')') {
        return false;
    }
    let word = region[..open].trim_end().rsplit(' ').next().unwrap_or("");
    word.chars().next().is_some_and(char::is_uppercase) && doc.lex.is_title(word)
}

/// The parenthesis at `at` in `region` (its "(" or its ")") closes inside `region` and
/// holds nothing but an acronym: "(NPAN)".
fn acronym_parenthesis(region: &str, at: usize) -> bool {
    let inner = if region[at..].starts_with('(') { region[at + 1..].split_once(')').map(|(inner, _)| inner) } else { region[..at].rsplit_once('(').map(|(_, inner)| inner) };
    inner.is_some_and(super::institution::is_acronym)
}

fn title_of(doc: &Doc, seg: (usize, usize), im: &IMention, side: Side) -> Option<String> {
    let t = doc.text();
    let raw = match side {
        Side::After => &t[seg.0..im.start.max(seg.0)],
        Side::Before => {
            let a = &t[seg.0..im.start.max(seg.0)];
            // nothing but a joining word before the institution: the title follows it
            let after = &t[im.end.min(seg.1)..seg.1];
            // nothing but a joining word before the institution, or no post before it but one
            // after ("Earlier, WaterCare Zambia Trust Executive Director Mrs. …")
            let has_title = |s: &str| s.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| doc.lex.is_title(w));
            if matches!(a.trim(), "" | "and" | "and the" | "the" | "The") || !has_title(a) && has_title(after) { after } else { a.trim_start().strip_prefix("and ").unwrap_or(a) }
        }
    };
    // after the institution: its acronym in parentheses or a possessive come first
    let raw = raw.trim_start();
    let raw = match raw.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((_, rest)) => rest,
        None => raw.strip_prefix("'s").or_else(|| raw.strip_prefix("\u{2019}s")).unwrap_or(raw),
    };
    let cleaned = raw
        .trim()
        .trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '|') || c.is_whitespace())
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
    // a title's own parenthesis keeps its closing bracket: "Senior Advisor (Global Relations)"
    let closed = cleaned.matches('(').count() == cleaned.matches(')').count() + 1 && raw.trim_end().trim_end_matches(',').ends_with(')');
    (!cleaned.is_empty() && cleaned.len() <= 120).then(|| if closed { format!("{cleaned})") } else { cleaned.to_string() })
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, Fact};
    use crate::text::clean;
    use crate::{Document, Lexicon};

    /// (person, institution, title) of every affiliation found in `text`.
    fn affiliations(text: &str) -> Vec<(String, String, Option<String>)> {
        let lex = Lexicon::builtin();
        let x = extract(&clean(&Document::new("t.txt", text), &lex), &lex);
        x.facts
            .iter()
            .filter_map(|f| match f {
                Fact::Affiliation { person, institution, title, .. } => Some((x.persons[*person].name.clone(), x.institutions[*institution].name.clone(), title.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, (&str, &str, Option<&str>))] = &[
            ("apposition", "Dr. Jane Roe, Senior Fellow at the Institute of Strategic Studies, spoke.", ("Jane Roe", "Institute of Strategic Studies", Some("Senior Fellow"))),
            ("post in lower case after the acronym", "The Hanseatic Policy Institute (HPI) hosted a debate. The conference was opened by HPI director Dr Marta Wilk, who welcomed the guests.", ("Marta Wilk", "Hanseatic Policy Institute", Some("director"))),
            ("acronym in parentheses, then the post", "Nusantara Institute of Strategic Studies (NISS) chairman Dr Rahmat Yusof said the strait mattered.", ("Rahmat Yusof", "Nusantara Institute of Strategic Studies", Some("chairman"))),
            ("possessive, then the post", "The Centre for Atlantic Studies (CAS) met in Lisbon. The seminar was closed by CAS's executive director, Dr. Helena Prado, who thanked the guests.", ("Helena Prado", "Centre for Atlantic Studies", Some("executive director"))),
            ("title first, acronym after the institution", "Guests included the President, Harbour Editors Association of Tanzania (HEAT), Joseph M. Mrema; and Director General, National Civic Agency (NCA), Amina Juma.", ("Joseph M. Mrema", "Harbour Editors Association of Tanzania", Some("President"))),
            ("institution, acronym, post, name after 'and'", "It was hosted by Prof Lee and Kestrel Technological University (KTU) President Professor Ravi Menon.", ("Ravi Menon", "Kestrel Technological University", Some("President"))),
            ("speaker line with a dash", "Speakers\nRenée Duval — Staff Attorney, Prairie Water Coalition\nMark Olsen — Director, Basin Policy Institute", ("Renée Duval", "Prairie Water Coalition", Some("Staff Attorney"))),
            ("table rows, cells between bars", "Name | Title | Organization\nRenée Duval | Staff Attorney | Prairie Water Coalition\nMark Olsen | Senior Fellow | Basin Policy Institute", ("Mark Olsen", "Basin Policy Institute", Some("Senior Fellow"))),
            ("short biography", "Mark Olsen is a senior fellow at the Basin Policy Institute. He spoke first.", ("Mark Olsen", "Basin Policy Institute", Some("senior fellow"))),
            ("institution, post, honorific, name", "Earlier, Kafue Water Trust Executive Director Mrs. Ruth Banda welcomed participants.", ("Ruth Banda", "Kafue Water Trust", Some("Executive Director"))),
            ("plural possessive inside the name", "Questions came from Tom Berg of the Danish Cable Owners' Association.", ("Tom Berg", "Danish Cable Owners' Association", None)),
            ("the head word for the one institution", "The Chilwa University of Agriculture hosted the meeting. Registrar of the university Shri Anil Rao attended.", ("Anil Rao", "Chilwa University of Agriculture", Some("Registrar"))),
            ("a title in the name's surface", "The Harbour Welfare Administration (HWA) met. Among those present were Port Authority General Manager Atty. Jose Reyes, HWA Deputy Administrator Rosa Lim, and guests.", ("Rosa Lim", "Harbour Welfare Administration", Some("Deputy Administrator"))),
            ("post-nominal before the apposition", "Eleanor Marsh OBE, Head of Housing at the Kingsgate Foundation, presented the study.", ("Eleanor Marsh", "Kingsgate Foundation", Some("Head of Housing"))),
            ("post-nominals with a parenthesis", "Major General Karim Khan, BB, psc (Retd), Convenor, Bangladesh Veterans Council made a presentation.", ("Karim Khan", "Bangladesh Veterans Council", Some("Convenor"))),
            ("employer after a post with 'at'", "Tom Ridley, housing correspondent at Planning Week, asked a question.", ("Tom Ridley", "Planning Week", Some("housing correspondent"))),
            ("footnote mark", "Speakers: Giulia Ferraresi², Tom Ray¹\n¹ Shannon University\n² Digital Mobility Lab (DML), Università di Romagna", ("Giulia Ferraresi", "Digital Mobility Lab", None)),
            ("footnote naming no head word", "Chair: Anneke de Smet⁷\n⁷ Border Data Watch, Brussels", ("Anneke de Smet", "Border Data Watch", None)),
            ("a minister's ministry named elsewhere", "The Ministry of Food and Agriculture (MoFA) hosted the forum. Ghanaian Minister of Food and Agriculture Akosua Boahen opened it.", ("Akosua Boahen", "Ministry of Food and Agriculture", Some("Minister of Food and Agriculture"))),
            ("acronym defined in mixed case", "The Ministry of Food and Agriculture (MoFA) hosted the forum. It was moderated by MoFA Chief Director Yaw Atta.", ("Yaw Atta", "Ministry of Food and Agriculture", Some("Chief Director"))),
            ("speaking on behalf of an institution", "Adv Sizwe Ndlovu-Maseko, who made submissions on behalf of the Legal Resources Hub, argued that clauses were weak.", ("Sizwe Ndlovu-Maseko", "Legal Resources Hub", None)),
            ("a university by the first word of its name", "Northshore University hosted the panel. Marie Tremblay, an associate professor of political science at Northshore, argued the case.", ("Marie Tremblay", "Northshore University", Some("an associate professor of political science"))),
            ("a title's own parenthesis", "Kestrel University (KU) hosted the forum. KU President Professor Ana Lima and KU Senior Advisor (Global Relations) Professor Omar Haddad attended.", ("Omar Haddad", "Kestrel University", Some("Senior Advisor (Global Relations)"))),
        ];
        for (name, text, (p, i, t)) in cases {
            let got = affiliations(text);
            let want = (p.to_string(), i.to_string(), t.map(str::to_string));
            assert!(got.iter().any(|g| g.0 == want.0 && g.1 == want.1 && g.2 == want.2), "case {name}: {got:?}");
        }
    }

    #[test]
    fn a_first_word_inside_another_name_names_no_institution() {
        let got = affiliations("Kiel University hosted the panel. Admiral Bernd Olter, Commander of the Naval Base Kiel, spoke. Dr. Eva Hammer, who heads the Kiel centre, called for a plan.");
        assert!(got.iter().all(|g| g.1 != "Kiel University"), "{got:?}");
    }

    #[test]
    fn lower_case_words_that_are_not_a_post_give_nothing() {
        let got = affiliations("The Kestrel Institute for Peace (KIP) said on Monday that Dr. Omar Haddad would speak.");
        assert!(got.iter().all(|g| g.0 != "Omar Haddad"), "{got:?}");
    }

    #[test]
    fn a_biography_needs_a_post_and_a_portfolio_is_no_institution() {
        let got = affiliations("Mark Olsen is expected at the Basin Policy Institute on Monday.");
        assert!(got.is_empty(), "{got:?}");
        let got = affiliations("KU Senior Advisor (University & Global Relations) Professor Omar Haddad attended.");
        assert!(got.iter().all(|g| !g.1.contains("Global Relations")), "{got:?}");
        let got = affiliations("The director, Dr. Anna Berg, welcomed the participants and thanked the Ministry of Culture for its support.");
        assert!(got.is_empty(), "{got:?}");
    }
}
