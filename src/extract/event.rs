//! The event a report describes (title, kind, date, venue, city, organisers), its topics
//! and places.

use super::{Doc, EventRec, Fact, NamedRec};
use crate::text::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/// The days of the week, Monday first (the index is the day number of `weekday`).
pub(crate) const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/// The months' names, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTH_RE: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\.?";

struct Res {
    iso: DigitStart,
    dmy: DigitStart,
    mdy: MonthStart,
    dm: DigitStart,
    md: MonthStart,
    my: MonthStart,
    weekday: Regex,
    organizer_after: WordStart,
    organizer_before: WordStart,
    organizer_join: Regex,
    /// "join" in any ASCII case, which every `organizer_join` match holds (a search that
    /// skips to its first letter).
    join_word: AhoCorasick,
    /// A double or single quote mark (a byte search, where `str::contains` with a set of
    /// chars decodes every char).
    quote_marks: AhoCorasick,
    title_field: LineStart,
    titled: WordStart,
    venue_field: LineStart,
    held_at: WordStart,
    date_field: LineStart,
    dateline: Regex,
    talk_title: WordStart,
    event_quoted: WordStart,
    quoted: Regex,
    /// [`IN_PLACE_RE`].
    in_place: WordStart,
    /// The start words of `organizer_after` and `organizer_before`, in that order.
    organizer_starts: StartWords,
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| {
        let m = MONTH_RE;
        let r = |s: &str| Regex::new(s).expect("valid event regex");
        let organizer_after = WordStart::new(r"(?i)\b(?:organi[sz]ed|hosted|co-hosted|convened|arranged|sponsored|co-sponsored|co-organi[sz]ed|presented|held)\s+(?:jointly\s+)?(?:on\s+[^,.;:()]{1,24}(?:\s+\(\d{1,2}\))?\s+)?by\b|\bunder\s+the\s+aegis\s+of\b|\bin\s+(?:cooperation|collaboration|partnership|association)\s+with\b|\b(?:maiden\s+)?(?:effort|initiative)\s+of\b|\bjointly\s+(?:organi[sz]ed|hosted)\s+by\b",
            &["organi", "hosted", "co-", "convened", "arranged", "sponsored", "presented", "held", "under", "in", "maiden", "effort", "initiative", "jointly"],
        );
        let organizer_before = WordStart::new(r"(?i)\b(?:organi[sz]ed|organi[sz]es|hosted|hosts|co-hosted|co-hosts|convened|held|holds|co-sponsored|arranged|will\s+host|will\s+hold|is\s+hosting|is\s+organi[sz]ing)\b",
            &["organi", "host", "co-", "convened", "held", "hold", "arranged", "will", "is"],
        );
        Res {
            iso: DigitStart::new(r"\b(\d{4})-(\d{2})-(\d{2})\b", iso_may_begin),
            dmy: DigitStart::new(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|to|and|&)\s*\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?{m},?\s+(\d{{4}})\b"), |rest| day_may_begin(rest, b"snrta-&,")),
            mdy: MonthStart::new(&format!(r"\b{m}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|to|and|&)\s*\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+(\d{{4}})\b")),
            dm: DigitStart::new(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{m}\b"), |rest| day_may_begin(rest, b"snrt")),
            md: MonthStart::new(&format!(r"\b{m}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")),
            my: MonthStart::new(&format!(r"\b{m},?\s+(\d{{4}})\b")),
            weekday: r(r"\b(?:on|this|last|next|coming)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
            organizer_starts: StartWords::new(&[&organizer_after, &organizer_before]),
            organizer_after,
            organizer_before,
            organizer_join: r(r"(?i)\b(?:please\s+)?join\s+(?:us\s+and\s+)?"),
            join_word: AhoCorasickBuilder::new().ascii_case_insensitive(true).build(["join"]).expect("valid word"),
            quote_marks: AhoCorasick::new(["\"", "'"]).expect("valid marks"),
            title_field: LineStart::new(r"(?im)^\s*(?:title|event|topic|theme)\s*:\s*(.+)$"),
            // (before its opening quote: "on the subject of", white space, ":", white space,
            // "the", white space)
            titled: WordStart::new(r#"(?i)\b(?:titled|entitled|title[d]?:?|theme(?:d)?:?|on\s+the\s+theme\s+of|on\s+the\s+topic\s+of|on\s+the\s+subject\s+of|under\s+the\s+title)\s*:?\s*(?:the\s+)?["']([^"']{6,200})["']"#,
                &["titled", "entitled", "title", "theme", "on", "under"],
            )
            .holding(QUOTE_MARKS, 6),
            venue_field: LineStart::new(r"(?im)^\s*(?:venue|location|place)\s*:\s*(.+)$"),
            // (before the venue word: "at", "the" and five words, each followed by white space)
            held_at: WordStart::new(r"\b(?:at|in)\s+(?:the\s+)?((?:[\p{Lu}][\p{L}'\-]*\s+){0,5}(?:Hotel|Centre|Center|Hall|Auditorium|Club|House|Palace|Plaza|Theatre|Theater|Zaal|Room)(?:\s+[\p{Lu}][\p{L}'\-]*){0,3})", &["at", "in"])
                .holding(&["Hotel", "Centre", "Center", "Hall", "Auditorium", "Club", "House", "Palace", "Plaza", "Theatre", "Theater", "Zaal", "Room"], 7),
            date_field: LineStart::new(r"(?im)^\s*(?:event\s+)?date\s*[:\-]?\s*(.+)$"),
            dateline: r(r"^\s*([\p{Lu}][\p{Lu}\s]{2,30}),\s*\(([^()]{3,80})\)"),
            event_quoted: WordStart::new(r#"(?i)\b(?:seminar|conference|webinar|symposium|roundtable|round-table|workshop|lecture|dialogue|forum|panel\s+discussion|discussion|debate|meeting)\s+(?:on|about|titled|entitled|themed)\s+(?:the\s+)?["']([^"]{6,200}?)["'](?:\W|$)"#,
                &["seminar", "conference", "webinar", "symposium", "roundtable", "round-table", "workshop", "lecture", "dialogue", "forum", "panel", "discussion", "debate", "meeting"],
            )
            // (before its opening quote: "panel discussion", "entitled", "the", each followed
            // by white space)
            .holding(QUOTE_MARKS, 4),
            quoted: r(r#""([^"]{10,200})""#),
            in_place: WordStart::new(IN_PLACE_RE, &["in"]),
            talk_title: WordStart::new(r#"(?i)\b(?:talk|presentation|paper|lecture|address|speech|remarks|topic)\s+(?:on|titled|entitled|about)?\s*(?:the\s+topic\s+of\s+)?["']([^"']{6,160})["']"#,
                &["talk", "presentation", "paper", "lecture", "address", "speech", "remarks", "topic"],
            ),
        }
    })
}

/// The marks a quoted title opens with.
const QUOTE_MARKS: &[&str] = &["\"", "'"];

/// "in" and a place of one to three capitalised words (the place is group 1).
const IN_PLACE_RE: &str = r"\bin\s+((?:[\p{Lu}][\p{L}'\-]*)(?:\s+[\p{Lu}][\p{L}'\-]*){0,2})";

/// Group 1 of a match of [`IN_PLACE_RE`], taken from the match (a search without captures
/// costs less): what follows "in" and its white space (`\s` is `char::is_whitespace`, and
/// the place begins with a capital).
fn place_after_in(m: &str) -> &str {
    m[2..].trim_start()
}

/// Group 1 of a match of `Res::quoted`, taken from the match: the text between its marks.
fn quoted_text(m: &str) -> &str {
    &m[1..m.len() - 1]
}

/// The span in a match of `Res::titled` or `Res::talk_title` of its group 1, taken from the
/// match (a search without captures costs much less): the text between its first quote mark
/// (the words before it hold none) and its last char, the closing mark.
fn title_in(m: &str) -> (usize, usize) {
    let open = m.find(['"', '\'']).expect("an opening mark");
    (open + 1, m.len() - 1)
}

/// The span in a match of `Res::event_quoted` of its group 1, taken from the match: from
/// after its first quote mark (the words before it hold none) to the closing mark, which the
/// match's last char follows (a char that is no word char), or which is that last char when
/// the match ends the text (`at_end`). Of the two, the regex takes the shorter title when
/// both read: the mark before a last mark closes it when the title before it has six chars.
fn event_title_in(m: &str, at_end: bool) -> (usize, usize) {
    let open = m.find(['"', '\'']).expect("an opening mark") + 1;
    let last = m.char_indices().next_back().expect("a char").0;
    let is_mark = |c: char| c == '"' || c == '\'';
    let closes_before_last = m[open..last].ends_with(is_mark) && m[open..last - 1].chars().count() >= 6;
    if at_end && m[last..].starts_with(is_mark) && !closes_before_last {
        (open, last)
    } else {
        (open, last - 1)
    }
}

/// Where group 1 of a match of `Res::held_at` begins in the match: after "at" or "in", its
/// white space (`\s` is `char::is_whitespace`) and "the" with its white space, which the
/// optional group takes whenever they are there (the venue's words begin with a capital).
fn venue_in(m: &str) -> usize {
    let rest = m[2..].trim_start();
    let rest = rest.strip_prefix("the").filter(|r| r.starts_with(char::is_whitespace)).map_or(rest, str::trim_start);
    m.len() - rest.len()
}

fn month_num(s: &str) -> Option<u32> {
    let l = s.to_lowercase();
    MONTHS.iter().position(|m| l.starts_with(m)).map(|i| i as u32 + 1)
}

/// Whether the sentence around byte `at` of `head` tells of a coming event ("will speak on
/// Thursday") rather than a past one ("on Thursday called on …"). A sentence with neither
/// a future nor a past form takes the tense of the report's head (`lower_head`).
fn future_tense(head: &str, at: usize, lower_head: &str) -> bool {
    let from = head[..at].rfind(['.', '\n']).map_or(0, |i| i + 1);
    let to = head[at..].find(['.', '\n']).map_or(head.len(), |i| at + i);
    let sentence = head[from..to].to_lowercase();
    let has = |words: &[&str]| sentence.split(|c: char| !c.is_alphabetic()).any(|w| words.contains(&w));
    if has(&["will", "shall", "scheduled"]) || sentence.contains("to be held") {
        return true;
    }
    let past = has(&["was", "were", "spoke", "met", "took", "held", "said", "gave", "led", "began"])
        || sentence.split(|c: char| !c.is_alphabetic()).any(|w| w.len() > 4 && w.ends_with("ed"));
    !past && (lower_head.contains("will ") || lower_head.contains("scheduled"))
}

/// Day of the week, 0 = Monday, of a proleptic Gregorian date.
fn weekday(y: i32, m: u32, d: u32) -> u32 {
    // days from civil (H. Hinnant)
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = (y - era * 400) as i64;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era as i64 * 146097 + doe - 719468;
    ((days + 3).rem_euclid(7)) as u32
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// A date found in text: (year, month, day) with month/day possibly unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Date(Option<i32>, Option<u32>, Option<u32>);

impl Date {
    fn iso(&self) -> Option<String> {
        match *self {
            Date(Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
            Date(Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
            Date(Some(y), None, _) => Some(format!("{y:04}")),
            _ => None,
        }
    }
}

/// A quoted phrase that can be a title, not a quoted remark: it starts with a capital and
/// does not end a sentence ("Pakistan-Russia Cooperation in Non-Traditional Security", not
/// "diversification is no longer optional.").
fn looks_like_title(q: &str) -> bool {
    let q = q.trim();
    q.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) && !q.ends_with(['.', '!', '?', ','])
}

/// Dates in a piece of text, in order, with their byte start.
fn dates_in(s: &str) -> Vec<(usize, Date)> {
    let digits = DigitStart::candidates(s);
    let months = MonthStart::candidates(s);
    // (the regexes are tried only where their dates may begin: see `dates_at`)
    let days: Vec<usize> = digits.iter().copied().filter(|&p| month_within(s, p, &months, DAY_TO_MONTH)).collect();
    let months: Vec<usize> = months.into_iter().filter(|&q| number_after_month(s, q)).collect();
    dates_at(s, &digits, &days, &months)
}

/// The most chars other than white space between the start of a date that begins with its
/// day and its month's name: the day, "th", a range ("-5th", "and 5th"), a comma and "of".
const DAY_TO_MONTH: usize = 14;

/// Whether one of `months` (ascending) comes after byte `p` of `s` with at most `limit` chars
/// other than white space between.
fn month_within(s: &str, p: usize, months: &[usize], limit: usize) -> bool {
    let k = months.partition_point(|&q| q <= p);
    months.get(k).is_some_and(|&q| s[p..q].chars().filter(|c| !c.is_whitespace()).take(limit + 1).count() <= limit)
}

/// Whether a number follows the month's name at byte `q` of `s` as a date that begins with
/// its month has it: the name (all of its run of ASCII letters, as a char other than `.`,
/// `,` and white space ends no such date's name), perhaps `.` and `,`, white space, then a
/// char that may be a digit (`\d`, of which `char::is_numeric` holds).
fn number_after_month(s: &str, q: usize) -> bool {
    let rest = s[q..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let number = rest.trim_start_matches(char::is_whitespace);
    number.len() < rest.len() && number.chars().next().is_some_and(char::is_numeric)
}

/// The dates of [`dates_in`] with the date regexes tried at `digits` ([`DigitStart::candidates`]
/// of `s`), `days` (those of them with a month's name after them no further than a date that
/// begins with its day has it) and `months` ([`MonthStart::candidates`] of `s` with a number
/// after them as a date that begins with its month has it): each list holds every place
/// where its regexes match.
fn dates_at(s: &str, digits: &[usize], days: &[usize], months: &[usize]) -> Vec<(usize, Date)> {
    let r = res();
    let mut out: Vec<(usize, usize, Date)> = Vec::new();
    let valid = |y: i32, m: u32, d: u32| (1900..=2100).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m);
    let push = |a: usize, b: usize, d: Date, out: &mut Vec<(usize, usize, Date)>| {
        if !out.iter().any(|&(x, y, _)| a < y && x < b) {
            out.push((a, b, d));
        }
    };
    for (at, c) in r.iso.captures_at(s, digits) {
        let (y, m, d) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        if valid(y, m, d) {
            let g = c.get(0).expect("match");
            push(at + g.start(), at + g.end(), Date(Some(y), Some(m), Some(d)), &mut out);
        }
    }
    for (at, c) in r.dmy.captures_at(s, days) {
        let (d, m, y) = (c[1].parse().unwrap_or(0), month_num(&c[2]).unwrap_or(0), c[3].parse().unwrap_or(0));
        if valid(y, m, d) {
            let g = c.get(0).expect("match");
            push(at + g.start(), at + g.end(), Date(Some(y), Some(m), Some(d)), &mut out);
        }
    }
    for (at, c) in r.mdy.captures_at(s, months) {
        let (m, d, y) = (month_num(&c[1]).unwrap_or(0), c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        if valid(y, m, d) {
            let g = c.get(0).expect("match");
            push(at + g.start(), at + g.end(), Date(Some(y), Some(m), Some(d)), &mut out);
        }
    }
    for (at, c) in r.dm.captures_at(s, days) {
        let (d, m) = (c[1].parse().unwrap_or(0), month_num(&c[2]).unwrap_or(0));
        if (1..=31).contains(&d) && m > 0 {
            let g = c.get(0).expect("match");
            push(at + g.start(), at + g.end(), Date(None, Some(m), Some(d)), &mut out);
        }
    }
    for (at, c) in r.md.captures_at(s, months) {
        let (m, d) = (month_num(&c[1]).unwrap_or(0), c[2].parse().unwrap_or(0));
        if (1..=31).contains(&d) && m > 0 && !c[1].eq_ignore_ascii_case("may") {
            let g = c.get(0).expect("match");
            push(at + g.start(), at + g.end(), Date(None, Some(m), Some(d)), &mut out);
        }
    }
    for (at, c) in r.my.captures_at(s, months) {
        let (m, y) = (month_num(&c[1]).unwrap_or(0), c[2].parse().unwrap_or(0));
        if m > 0 && (1900..=2100).contains(&y) {
            let g = c.get(0).expect("match");
            push(at + g.start(), at + g.end(), Date(Some(y), Some(m), None), &mut out);
        }
    }
    out.sort_by_key(|x| x.0);
    out.into_iter().map(|(a, _, d)| (a, d)).collect()
}

/// Extracts the event and its organisers (pushed to `facts`).
pub(crate) fn extract_event(doc: &Doc, facts: &mut Vec<Fact>) -> EventRec {
    let t = doc.text();
    let r = res();
    let lex = doc.lex;
    let mut ev = EventRec::default();
    let head_end = char_offset(t, 1500);
    let head = &t[..head_end];
    // (the text with its ASCII letters lower-cased, once: see `lower`)
    let ascii_lower = t.to_ascii_lowercase();
    // (every use of `lower` looks for lower-case ASCII words: the words below and the
    // event-kind words, when they are ASCII)
    let ascii_words = lex.event_kinds.iter().all(|(w, _)| w.is_ascii());
    let lower = |(a, b): Span| lower_case(t, &ascii_lower, (a, b), ascii_words);

    // title: a header field, a quoted title after "titled"/"theme", a quoted title after an
    // event word ("seminar on the 'The Current Status …'"), a quoted phrase, else the first
    // line that reads like a headline
    let title_end = char_offset(t, 5000);
    let title_zone = &t[..title_end];
    if let Some(c) = r.title_field.captures(head) {
        ev.title = Some(c[1].trim().to_string());
    } else if let Some((a, b)) = r.titled.first(title_zone) {
        let (ta, tb) = title_in(&title_zone[a..b]);
        ev.title = Some(title_zone[a + ta..a + tb].trim().trim_end_matches(',').to_string());
    } else if let Some((a, b)) = r.event_quoted.first(title_zone) {
        let (ta, tb) = event_title_in(&title_zone[a..b], b == title_zone.len());
        ev.title = Some(title_zone[a + ta..a + tb].trim().to_string());
    } else if let Some(q) = r.quoted.find_iter(head).map(|m| quoted_text(m.as_str()).to_string()).find(|q| looks_like_title(q)) {
        ev.title = Some(q);
    } else {
        ev.title = doc
            .lines
            .iter()
            .take(5)
            .map(|&(a, b)| t[a..b].trim())
            // (not a site's menu, "Home | Events | Research")
            .find(|l| l.len() <= 200 && l.split_whitespace().count() >= 4 && !l.contains(':') && !l.contains(" | ") && !l.chars().all(|c| !c.is_lowercase()))
            .map(str::to_string);
    }
    // kind
    let lower_head = lower((0, head_end));
    let title_l = ev.title.as_deref().unwrap_or("").to_lowercase();
    let in_title = lex.event_kind_positions(&title_l);
    // (a kind in the title, at a position below 100 000 as a title is a line of the head or
    // a quote of at most 200 chars, comes before every kind found in the head alone: the head
    // is searched only when the title names none, and only the kinds at the first place one
    // begins can come first)
    let in_head = if in_title.iter().any(Option::is_some) { vec![None; in_title.len()] } else { lex.first_event_kind_positions(&lower_head) };
    ev.kind = lex
        .event_kinds
        .iter()
        .enumerate()
        .filter_map(|(i, (_, k))| {
            let p = in_title[i].map(|p| p as i64 - 100_000).or_else(|| in_head[i].map(|p| p as i64))?;
            Some((p, k))
        })
        .min()
        .map(|(_, k)| k.clone())
        .unwrap_or_else(|| "other".into());

    // date: a header field, else a date in a sentence about the event, else the first date;
    // a date without a year takes the report's year; "on Tuesday" resolves against the
    // report's date
    let all = dates_in(t);
    let year_of_doc = all.iter().find_map(|(_, d)| d.0);
    let field = r.date_field.captures(head).and_then(|c| dates_in(&c[1]).first().map(|x| x.1));
    let in_event_sentence = doc.sentences.iter().find_map(|&(_, s)| {
        let st = &t[s.0..s.1];
        // every date has an ASCII digit (the numbers are parsed)
        if !st.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let l = lower(s);
        let about = ["held", "organi", "hosted", "took place", "will be", "scheduled", "on "].iter().any(|w| l.contains(w))
            && lex.mentions_event_kind(&l);
        if !about {
            return None;
        }
        dates_in(st).into_iter().map(|x| x.1).find(|d| d.1.is_some() && d.2.is_some())
    });
    let mut date = field.or(in_event_sentence).or_else(|| all.iter().map(|x| x.1).find(|d| d.2.is_some() && d.0.is_some()));
    if let Some(Date(None, m, d)) = date {
        date = Some(Date(year_of_doc, m, d));
    }
    if let Some(c) = r.weekday.captures(head) {
        let want = WEEKDAYS.iter().position(|w| *w == &c[1]).unwrap_or(0) as u32;
        if let Some(Date(Some(y), Some(m), Some(d))) = date {
            // only when the date found is the report's own date, not the event's
            let has_day_in_event = in_event_sentence.is_some() || field.is_some();
            if !has_day_in_event {
                let wd = weekday(y, m, d);
                let future = future_tense(head, c.get(0).map_or(0, |m| m.start()), &lower_head);
                let shift = if future { (want + 7 - wd) % 7 } else { (wd + 7 - want) % 7 };
                let (mut yy, mut mm, mut dd) = (y, m, d as i64 + if future { shift as i64 } else { -(shift as i64) });
                if dd < 1 {
                    mm = if mm == 1 { yy -= 1; 12 } else { mm - 1 };
                    dd += days_in_month(yy, mm) as i64;
                } else if dd > days_in_month(yy, mm) as i64 {
                    dd -= days_in_month(yy, mm) as i64;
                    mm = if mm == 12 { yy += 1; 1 } else { mm + 1 };
                }
                date = Some(Date(Some(yy), Some(mm), Some(dd as u32)));
            }
        }
    }
    if date.is_none() {
        // a date in the report's first lines (its publication date)
        let head_lines = doc.lines.iter().take(4).map(|l| l.1).last().unwrap_or(0);
        date = all.iter().filter(|x| x.0 < head_lines).map(|x| x.1).find(|d| d.0.is_some());
    }
    ev.date = date.and_then(|d| d.iso());

    // venue and city
    if let Some(c) = r.venue_field.captures(head) {
        ev.venue = Some(c[1].trim().to_string());
    } else if let Some((a, b)) = r.held_at.first(head) {
        ev.venue = Some(head[a + venue_in(&head[a..b])..b].trim().to_string());
    }
    if let Some(v) = &ev.venue {
        ev.city = v.rsplit(',').map(str::trim).find(|p| lex.is_place(p)).map(str::to_string);
        if ev.city.is_none() {
            ev.city = v.split_whitespace().find(|w| lex.is_place(w)).map(str::to_string);
        }
    }
    if ev.city.is_none() {
        if let Some(c) = r.dateline.captures(head) {
            let city = c[1].trim();
            if lex.is_place(city) {
                let mut cs = city.chars();
                ev.city = cs.next().map(|f| f.to_string() + &cs.as_str().to_lowercase());
            }
        }
    }
    if ev.city.is_none() {
        // "in Tokyo", "in Abuja" in a sentence about the event
        ev.city = doc.sentences.iter().take(12).find_map(|&(_, s)| {
            let st = &t[s.0..s.1];
            let l = lower(s);
            let about_event = ["held", "organi", "hosted", "took place", "convened", "scheduled"].iter().any(|w| l.contains(w))
                && lex.mentions_event_kind(&l);
            if !about_event {
                return None;
            }
            r.in_place.find_iter(st).into_iter().map(|(a, b)| place_after_in(&st[a..b]).to_string()).find(|p| lex.is_place(p) && !is_country_like(p) && !is_country(p, lex))
        });
    }
    if let Some(&(a, b)) = doc.lines.first() {
        ev.evidence = Some(doc.ev(a, b.min(a + 200)));
    }

    // organisers
    let mut orgs: Vec<(usize, crate::graph::Evidence)> = Vec::new();
    for &(_, s) in &doc.sentences {
        // (every organiser found in a sentence is one of its institution mentions: a
        // sentence without one is not searched)
        if doc.insts_in(s).is_empty() {
            continue;
        }
        let st = &t[s.0..s.1];
        // the organiser patterns' matches in the sentence, as spans of the text
        let starts = r.organizer_starts.positions(st);
        let in_text = |v: Vec<(usize, usize)>| v.into_iter().map(|(a, b)| (s.0 + a, s.0 + b)).collect::<Vec<_>>();
        let after_matches = in_text(r.organizer_after.find_at(st, starts[0].iter().copied()));
        let before_matches = in_text(r.organizer_before.find_at(st, starts[1].iter().copied()));
        for &(cs, ce) in &after_matches {
            let mut last_end = ce;
            let mut last_inst = usize::MAX;
            for im in doc.insts_in((ce, s.1)) {
                if im.inst == last_inst {
                    last_end = im.end; // "(CSP)" after "Center for Strategic Perspective"
                    continue;
                }
                last_inst = im.inst;
                let gap = &t[last_end..im.start];
                let joined = gap.contains(',') || gap.contains(" and ") || gap.contains('&') || gap.ends_with(" at the ") || gap.ends_with(" at ");
                if gap.len() > 60 || gap.contains(". ") || (last_end != ce && !joined) {
                    break;
                }
                if !im.unit {
                    orgs.push((im.inst, doc.ev(cs, im.end)));
                }
                last_end = im.end;
            }
        }
        // an event page's invitation: "Please join the Hollister Institute's Asia Program for …"
        // (every match holds "join", in ASCII letters: no other letter folds to them)
        let has_join = r.join_word.is_match(st);
        for m in has_join.then(|| r.organizer_join.find_iter(st)).into_iter().flatten() {
            let (cs, ce) = (s.0 + m.start(), s.0 + m.end());
            let next = doc.insts_in((ce, s.1)).into_iter().next();
            if let Some(im) = next.filter(|im| matches!(&t[ce..im.start], "" | "the " | "The ") && !im.unit) {
                orgs.push((im.inst, doc.ev(cs, im.end)));
            }
        }
        for &(cs, _) in &before_matches {
            let before = doc.insts_in((s.0, cs));
            if let Some(last) = before.last() {
                let gap = &t[last.end..cs];
                // "… (IRSA), Lahore, organised": parentheses and places between name and verb
                let gap_words_ok = gap
                    .split(|c: char| matches!(c, ',' | '(' | ')' | ' '))
                    .filter(|w| !w.is_empty())
                    .all(|w| lex.is_place(w) || super::institution::is_acronym(w) || matches!(w, "has" | "have" | "had" | "was" | "also" | "jointly" | "successfully" | "recently"));
                if gap.len() <= 40 && !gap.contains(',') || gap.trim_start().starts_with('(') && gap.len() <= 60 || gap.len() <= 60 && gap_words_ok {
                    // a subject list: "The Global Forum of Japan (GFJ) and the Presidential Committee …"
                    let mut chain = vec![*last];
                    for w in before.windows(2).rev() {
                        let g = &t[w[0].end..w[1].start];
                        if g.len() <= 60 && (g.contains(" and ") || g.contains(',')) && chain.last().is_some_and(|c| c.start == w[1].start) {
                            chain.push(w[0]);
                        } else {
                            break;
                        }
                    }
                    if lex.mentions_event_kind(&lower(s)) {
                        for im in chain {
                            if !im.unit {
                                orgs.push((im.inst, doc.ev(im.start, s.1.min(cs + 40))));
                            }
                        }
                    }
                }
            }
        }
    }
    // a report header naming its institution ("CAPS POST-EVENT REPORT", an all-capitals name)
    if let Some(&(a, b)) = doc.lines.first() {
        let first = &t[a..b];
        let l = first.to_lowercase();
        let is_header = l.contains("report") || l.contains("press release") || first.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
        if is_header {
            if let Some(im) = doc.insts_in((a, b)).first() {
                orgs.push((im.inst, doc.ev(a, b)));
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (i, e) in orgs {
        if seen.insert(i) {
            facts.push(Fact::OrganizedBy { institution: i, evidence: e });
        }
    }
    ev
}

/// A regex every match of which begins at a word boundary (`\b`) with one of a few words,
/// searched by finding those words and trying the regex anchored at each: its matches are
/// those of the regex searched as a whole, found without running its automaton over every
/// byte (a case-insensitive alternation gives the regex's own literal prefilter little to
/// skip, and bounded repeats such as `{6,200}` make its lazy DFA slow to build).
struct WordStart {
    /// The pattern as written.
    #[cfg_attr(not(test), allow(dead_code))]
    pattern: &'static str,
    /// `^(?:pattern)`: the pattern anchored at the start of what it is given.
    anchored: Regex,
    /// The words one of which every match begins with, in every form the regex takes for
    /// them (for a case-insensitive pattern, one starting with `(?i)`: see [`case_forms`]).
    words: Vec<String>,
    /// A search for `words`.
    starts: AhoCorasick,
    /// Literals one of which every match holds after its start word, with at most so many
    /// runs of white space (`\s`) between the match's start and it (see
    /// [`WordStart::holding`]).
    holds: Option<(Regex, usize)>,
}

impl WordStart {
    fn new(pattern: &'static str, starts: &[&str]) -> WordStart {
        let ci = pattern.starts_with("(?i)");
        let forms: Vec<String> = if ci { starts.iter().flat_map(|w| case_forms(w)).collect() } else { starts.iter().map(|w| w.to_string()).collect() };
        WordStart {
            pattern,
            anchored: Regex::new(&format!("^(?:{pattern})")).expect("valid event regex"),
            starts: AhoCorasickBuilder::new().kind(Some(AhoCorasickKind::DFA)).match_kind(aho_corasick::MatchKind::LeftmostFirst).prefilter(false).ascii_case_insensitive(ci).build(&forms).expect("valid word list"),
            words: forms,
            holds: None,
        }
    }

    /// The same search, for a pattern every match of which holds one of `literals` (as
    /// written, case and all) after its start word, with at most `runs` runs of white space
    /// between the match's start and that literal: a match then begins only in the stretch
    /// of at most `runs` runs before a place where one of them occurs, and the start words are
    /// looked for only there (the literals are found by a vectorised search, where the start
    /// words' automaton reads every byte). No two places of the literals may overlap (no
    /// literal ends with the start of one or holds another), so that a search finds them all.
    fn holding(self, literals: &[&str], runs: usize) -> WordStart {
        let overlap = |a: &str, b: &str| (1..a.len()).any(|i| b.as_bytes().starts_with(&a.as_bytes()[i..])) || a.contains(b) && a != b;
        assert!(!literals.iter().any(|a| literals.iter().any(|b| overlap(a, b))), "literals that do not overlap");
        let alternation = literals.iter().map(|l| regex::escape(l)).collect::<Vec<_>>().join("|");
        WordStart { holds: Some((Regex::new(&alternation).expect("valid literals"), runs)), ..self }
    }

    /// The stretches of `hay` where a match may begin, ascending and apart: all of it, or
    /// for a pattern with literals (see [`WordStart::holding`]) the bytes before each place
    /// where one begins, back to the last run of white space allowed.
    fn stretches<'s, 'h>(&'s self, hay: &'h str) -> impl Iterator<Item = (usize, usize)> + use<'s, 'h> {
        let mut whole = self.holds.is_none().then_some((0, hay.len()));
        let mut places = self.holds.as_ref().map(|(literals, runs)| (literals.find_iter(hay), *runs));
        let mut next: Option<(usize, usize)> = None;
        std::iter::from_fn(move || {
            if let Some(all) = whole.take() {
                return Some(all);
            }
            let (places, runs) = places.as_mut()?;
            let mut stretch = match next.take() {
                Some(stretch) => stretch,
                None => places.next().map(|m| (runs_before(hay, m.start(), *runs, 0), m.start()))?,
            };
            for m in places.by_ref() {
                // (read back no further than the stretch so far, which it joins if it reaches)
                let from = runs_before(hay, m.start(), *runs, stretch.1);
                if from <= stretch.1 {
                    stretch.1 = m.start();
                } else {
                    next = Some((from, m.start()));
                    break;
                }
            }
            Some(stretch)
        })
    }

    /// Where a match may start in `hay`, ascending: where one of `starts` begins at a word
    /// boundary (the words begin with a letter, so after a non-word character). The search
    /// goes on from the byte after each word found, so no start inside another is missed.
    /// Only the stretches of [`WordStart::stretches`] are searched, for the start words that
    /// begin there.
    fn candidates<'s, 'h>(&'s self, hay: &'h str) -> impl Iterator<Item = usize> + use<'s, 'h> {
        let longest = self.words.iter().map(String::len).max().unwrap_or(0);
        self.stretches(hay).flat_map(move |(a, b)| {
            let mut from = a;
            let end = (b + longest).min(hay.len());
            std::iter::from_fn(move || loop {
                if from >= b {
                    return None;
                }
                let m = self.starts.find(aho_corasick::Input::new(hay).span(from..end))?;
                let p = m.start();
                if p >= b {
                    return None;
                }
                from = p + 1;
                if !after_word(hay, p) {
                    return Some(p);
                }
            })
        })
    }

    /// The matches of the pattern in `hay` (what `find_iter` of the pattern finds), as byte
    /// spans of `hay`. The slice from a candidate on has the haystack's end, and its start
    /// is the boundary checked by [`WordStart::candidates`].
    fn find_iter(&self, hay: &str) -> Vec<(usize, usize)> {
        self.find_at(hay, self.candidates(hay))
    }

    /// The matches of the pattern in `hay` tried at `candidates` (ascending): what
    /// [`WordStart::find_iter`] finds when they hold every position that
    /// [`WordStart::candidates`] yields (more are tried in vain: every match begins with a
    /// start word at a word boundary).
    fn find_at(&self, hay: &str, candidates: impl IntoIterator<Item = usize>) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut from = 0;
        for p in candidates {
            if p < from {
                continue;
            }
            if let Some(m) = self.anchored.find(&hay[p..]) {
                out.push((p + m.start(), p + m.end()));
                from = p + m.end();
            }
        }
        out
    }

    /// The first match of the pattern in `hay` (what `find` finds), as a byte span of `hay`.
    fn first(&self, hay: &str) -> Option<(usize, usize)> {
        self.candidates(hay).find_map(|p| self.anchored.find(&hay[p..]).map(|m| (p + m.start(), p + m.end())))
    }

    /// The captures of the pattern in `hay` (what `captures_iter` finds), each with the byte
    /// offset its positions are relative to.
    #[cfg_attr(not(test), allow(dead_code))]
    fn captures_iter<'s, 'h>(&'s self, hay: &'h str) -> impl Iterator<Item = (usize, regex::Captures<'h>)> + use<'s, 'h> {
        let mut from = 0;
        self.candidates(hay).filter_map(move |p| {
            // (a plain match test first: most candidates do not match)
            if p < from || !self.anchored.is_match(&hay[p..]) {
                return None;
            }
            let c = self.anchored.captures(&hay[p..])?;
            from = p + c.get(0).expect("match").end();
            Some((p, c))
        })
    }
}

/// The start words of several case-insensitive [`WordStart`] patterns, found in one pass over
/// a text (an overlapping search reports every place where one of them begins).
struct StartWords {
    /// Every pattern's start words (in the forms of [`WordStart::words`]).
    all: AhoCorasick,
    /// For each word of `all`, the pattern it starts (its index).
    owner: Vec<usize>,
    /// The number of patterns.
    patterns: usize,
}

impl StartWords {
    fn new(patterns: &[&WordStart]) -> StartWords {
        let mut words = Vec::new();
        let mut owner = Vec::new();
        for (i, ws) in patterns.iter().enumerate() {
            assert!(ws.pattern.starts_with("(?i)"), "a case-insensitive pattern");
            words.extend(ws.words.iter().cloned());
            owner.extend(ws.words.iter().map(|_| i));
        }
        let all = AhoCorasickBuilder::new().kind(Some(AhoCorasickKind::DFA)).prefilter(false).ascii_case_insensitive(true).build(words).expect("valid word list");
        StartWords { all, owner, patterns: patterns.len() }
    }

    /// For each pattern, where one of its start words begins in `text` after a non-word
    /// character (or at its start), ascending: the candidates [`WordStart::candidates`]
    /// finds in the whole text.
    fn positions(&self, text: &str) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.patterns];
        for m in self.all.find_overlapping_iter(text) {
            if !after_word(text, m.start()) {
                out[self.owner[m.pattern().as_usize()]].push(m.start());
            }
        }
        for v in &mut out {
            // (the search reports matches by their end)
            v.sort_unstable();
            v.dedup();
        }
        out
    }
}

/// A regex every match of which begins at a word boundary (`\b`) with a digit (`\d`, which
/// takes every Unicode decimal digit), tried anchored where one may begin: an ASCII digit or
/// a char outside ASCII (tried in vain when it is no digit) after no word character. Its
/// matches are those of the regex searched as a whole, found without running its automaton
/// over every byte (no literal starts the dates, so the regex has no prefilter).
struct DigitStart {
    /// The pattern as written.
    #[cfg_attr(not(test), allow(dead_code))]
    pattern: String,
    /// `^(?:pattern)`: the pattern anchored at the start of what it is given.
    anchored: Regex,
    /// A test of the text from a candidate on that every match there passes (read from its
    /// first bytes; most candidates fail it and are not tried).
    may_begin: fn(&[u8]) -> bool,
}

/// Whether a match of `\d{4}-` may begin `rest`: when its first five bytes are ASCII, they
/// are four digits and a hyphen (a match has ten chars).
fn iso_may_begin(rest: &[u8]) -> bool {
    match rest.get(..5) {
        Some(head) if head.is_ascii() => head[..4].iter().all(u8::is_ascii_digit) && head[4] == b'-',
        Some(_) => true,
        None => !rest.is_ascii(),
    }
}

/// Whether a match of `\d{1,2}` followed by `\s` or one of the ASCII bytes `follow` may begin
/// `rest`: one or two ASCII digits are followed by such a byte or by one outside ASCII
/// (perhaps a digit or white space outside ASCII); `rest` not starting with an ASCII digit
/// may begin one.
fn day_may_begin(rest: &[u8], follow: &[u8]) -> bool {
    let digits = rest.iter().take(3).take_while(|b| b.is_ascii_digit()).count();
    match rest.get(digits) {
        _ if digits == 0 => true,
        _ if digits == 3 => false,
        None => false,
        // (`\s` in ASCII: tab, line feed, vertical tab, form feed, carriage return, space)
        Some(&b) => !b.is_ascii() || matches!(b, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ') || follow.contains(&b),
    }
}

impl DigitStart {
    fn new(pattern: &str, may_begin: fn(&[u8]) -> bool) -> DigitStart {
        DigitStart { pattern: pattern.to_string(), anchored: Regex::new(&format!("^(?:{pattern})")).expect("valid date regex"), may_begin }
    }

    /// Where a match may begin in `hay`, ascending: each ASCII digit and each char outside
    /// ASCII after no word character (one list serves every [`DigitStart`]).
    fn candidates(hay: &str) -> Vec<usize> {
        // (0xC0 and above start a char of two bytes or more)
        let may_start = |b: u8| b.is_ascii_digit() || b >= 0xC0;
        let bytes = hay.as_bytes();
        let mut out = Vec::new();
        // (a block without such a byte is passed over whole, by a test without branches that
        // the compiler vectorises)
        const BLOCK: usize = 32;
        for from in (0..bytes.len()).step_by(BLOCK) {
            let to = (from + BLOCK).min(bytes.len());
            if bytes[from..to].iter().fold(false, |any, &b| any | may_start(b)) {
                out.extend((from..to).filter(|&p| may_start(bytes[p]) && !after_word(hay, p)));
            }
        }
        out
    }

    /// The captures of the pattern in `hay` (what `captures_iter` finds), each with the byte
    /// offset its positions are relative to; `candidates` are [`DigitStart::candidates`] of
    /// `hay`. A candidate's slice has the haystack's end, and its start is a boundary as in
    /// the haystack (no word character before it).
    #[cfg_attr(not(test), allow(dead_code))]
    fn captures_iter<'h>(&self, hay: &'h str) -> Vec<(usize, regex::Captures<'h>)> {
        self.captures_at(hay, &DigitStart::candidates(hay)).collect()
    }

    /// The captures of the pattern in `hay` tried at `candidates` (ascending), which hold every
    /// position [`DigitStart::candidates`] yields, as [`DigitStart::captures_iter`] finds them.
    fn captures_at<'s, 'h, 'c>(&'s self, hay: &'h str, candidates: &'c [usize]) -> impl Iterator<Item = (usize, regex::Captures<'h>)> + use<'s, 'h, 'c> {
        anchored_captures(&self.anchored, hay, candidates, self.may_begin)
    }
}

/// A regex every match of which begins at a word boundary (`\b`) with one of the month names
/// of [`MONTH_RE`], tried anchored where one of them begins after no word character. Its
/// matches are those of the regex searched as a whole, found with one search for the names
/// that serves every [`MonthStart`] (where each regex would run its own).
struct MonthStart {
    /// The pattern as written.
    #[cfg_attr(not(test), allow(dead_code))]
    pattern: String,
    /// `^(?:pattern)`: the pattern anchored at the start of what it is given.
    anchored: Regex,
}

impl MonthStart {
    fn new(pattern: &str) -> MonthStart {
        MonthStart { pattern: pattern.to_string(), anchored: Regex::new(&format!("^(?:{pattern})")).expect("valid date regex") }
    }

    /// Where a month name of [`MONTH_RE`] begins in `hay` after no word character, ascending.
    /// (A leftmost search reports the first place where any name begins, so going on from
    /// the byte after each finds them all.)
    fn candidates(hay: &str) -> Vec<usize> {
        static NAMES: OnceLock<AhoCorasick> = OnceLock::new();
        let names = NAMES.get_or_init(|| {
            let alternation = MONTH_RE.trim_start_matches('(').split(')').next().expect("a group");
            AhoCorasickBuilder::new().match_kind(aho_corasick::MatchKind::LeftmostFirst).build(alternation.split('|')).expect("valid names")
        });
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(m) = names.find(aho_corasick::Input::new(hay).span(from..hay.len())) {
            from = m.start() + 1;
            if !after_word(hay, m.start()) {
                out.push(m.start());
            }
        }
        out
    }

    /// The captures of the pattern in `hay` (what `captures_iter` finds), each with the byte
    /// offset its positions are relative to.
    #[cfg_attr(not(test), allow(dead_code))]
    fn captures_iter<'h>(&self, hay: &'h str) -> Vec<(usize, regex::Captures<'h>)> {
        self.captures_at(hay, &MonthStart::candidates(hay)).collect()
    }

    /// The captures of the pattern in `hay` tried at `candidates`, [`MonthStart::candidates`]
    /// of `hay`, as [`MonthStart::captures_iter`] finds them. A candidate's slice has the
    /// haystack's end, and its start is a boundary as in the haystack.
    fn captures_at<'s, 'h, 'c>(&'s self, hay: &'h str, candidates: &'c [usize]) -> impl Iterator<Item = (usize, regex::Captures<'h>)> + use<'s, 'h, 'c> {
        anchored_captures(&self.anchored, hay, candidates, |_| true)
    }
}

/// The captures of `anchored` (a pattern anchored with `^`) tried at `candidates` of `hay`
/// (ascending) where `may_begin` allows the bytes from there on, skipping candidates inside
/// an earlier match, each with the offset its positions are relative to.
fn anchored_captures<'r, 'h, 'c, F: Fn(&[u8]) -> bool + 'r>(anchored: &'r Regex, hay: &'h str, candidates: &'c [usize], may_begin: F) -> impl Iterator<Item = (usize, regex::Captures<'h>)> + use<'r, 'h, 'c, F> {
    let mut from = 0;
    candidates.iter().filter_map(move |&p| {
        // (cheap tests first: most candidates do not match)
        if p < from || !may_begin(&hay.as_bytes()[p..]) || !anchored.is_match(&hay[p..]) {
            return None;
        }
        let c = anchored.captures(&hay[p..])?;
        from = p + c.get(0).expect("match").end();
        Some((p, c))
    })
}

/// A regex in multi-line mode every match of which begins at the start of a line (`(?m)^`),
/// tried anchored at each line start: its first match is that of the regex searched as a
/// whole, found without running its automaton over every byte (no literal starts it, so the
/// regex has no prefilter).
struct LineStart {
    /// The pattern as written.
    #[cfg_attr(not(test), allow(dead_code))]
    pattern: &'static str,
    /// `^(?:pattern)`: the pattern anchored at the start of what it is given.
    anchored: Regex,
}

impl LineStart {
    fn new(pattern: &'static str) -> LineStart {
        LineStart { pattern, anchored: Regex::new(&format!("^(?:{pattern})")).expect("valid event regex") }
    }

    /// The first match's captures (what `captures` finds), relative to the start of its line.
    /// A line's slice has the haystack's end, and its start is a line start there too.
    fn captures<'h>(&self, hay: &'h str) -> Option<regex::Captures<'h>> {
        let starts = std::iter::once(0).chain(hay.match_indices('\n').map(|(i, _)| i + 1));
        // (a plain match test first: most lines do not match)
        starts.filter(|&p| self.anchored.is_match(&hay[p..])).find_map(|p| self.anchored.captures(&hay[p..]))
    }
}

/// The first byte of `hay` from which at most `runs` runs of white space (`\s`, that is
/// `char::is_whitespace`) lie before byte `end`, or `floor` (a char boundary) when that
/// comes later: the text is read back from `end` no further than `floor`.
fn runs_before(hay: &str, end: usize, runs: usize, floor: usize) -> usize {
    let (mut at, mut seen, mut in_space) = (end, 0, false);
    while at > floor {
        let c = match hay.as_bytes()[at - 1] {
            b if b.is_ascii() => char::from(b),
            _ => hay[..at].chars().next_back().expect("a char"),
        };
        let space = c.is_whitespace();
        if space && !in_space {
            seen += 1;
            if seen > runs {
                return at;
            }
        }
        in_space = space;
        at -= c.len_utf8();
    }
    floor
}

/// Whether a word character (`\w`) comes right before byte `p` of `hay`.
fn after_word(hay: &str, p: usize) -> bool {
    match hay.as_bytes()[..p].last() {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric() || b == b'_',
        Some(_) => hay[..p].chars().next_back().is_some_and(is_word_char),
    }
}

/// Whether `c` is a word character as the regex crate's `\w` (and so `\b`) reads it.
fn is_word_char(c: char) -> bool {
    static WORD: OnceLock<Regex> = OnceLock::new();
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    WORD.get_or_init(|| Regex::new(r"^\w$").expect("valid")).is_match(c.encode_utf8(&mut [0; 4]))
}

/// The byte offset of char `n` of `t`, or its length when it is shorter: what
/// `t.char_indices().nth(n)` says, counted by the bytes that start a char.
fn char_offset(t: &str, n: usize) -> usize {
    let b = t.as_bytes();
    let (mut pos, mut left) = (0, n);
    // each round passes `left` bytes, at least a quarter of them starting a char
    while left > 0 && pos < b.len() {
        let end = (pos + left).min(b.len());
        // (a byte that is not a UTF-8 continuation byte, 0b10xx_xxxx, starts a char)
        left -= b[pos..end].iter().filter(|&&x| (x as i8) >= -0x40).count();
        pos = end;
    }
    while pos < b.len() && !t.is_char_boundary(pos) {
        pos += 1;
    }
    pos
}

/// The forms of a lower-case ASCII word that a case-insensitive regex matches, apart from
/// ASCII case: `s` is also `ſ` (U+017F) and `k` the Kelvin sign (U+212A), the two ASCII
/// letters with a case-fold partner outside ASCII; every combination is listed.
fn case_forms(word: &str) -> Vec<String> {
    let mut forms = vec![String::new()];
    for c in word.chars() {
        let other = match c {
            's' => Some('\u{17F}'),
            'k' => Some('\u{212A}'),
            _ => None,
        };
        let mut next = Vec::with_capacity(forms.len() * 2);
        for f in &forms {
            next.push(format!("{f}{c}"));
            if let Some(o) = other {
                next.push(format!("{f}{o}"));
            }
        }
        forms = next;
    }
    forms
}

/// Country names are not cities: a place that is also a demonym's country is skipped by
/// checking the lexicon's section-free list for a few well-known country forms.
fn is_country(p: &str, lex: &crate::Lexicon) -> bool {
    let l = p.to_lowercase();
    // a country has a demonym built from it ("pakistan" → "pakistani")
    ["i", "n", "an", "ian", "ese", "ish"].iter().any(|suf| lex.demonyms.contains(&format!("{l}{suf}"))) || lex.demonyms.contains(&l)
}

/// `t[a..b].to_lowercase()`, borrowed from `ascii_lower` (`t.to_ascii_lowercase()`, which
/// keeps every byte offset) when that part of `t` is ASCII, where the two agree. With
/// `ascii_words` (the lower-cased text is only searched for ASCII words, and only the order
/// of the places found counts) it is borrowed as well when no char of that part lower-cases
/// to one holding an ASCII char: the two then hold the same runs of ASCII chars, in the same
/// order, between chars outside ASCII.
fn lower_case<'t>(t: &str, ascii_lower: &'t str, (a, b): Span, ascii_words: bool) -> std::borrow::Cow<'t, str> {
    let part = &t.as_bytes()[a..b];
    if part.is_ascii() || ascii_words && !lowers_to_ascii(part) {
        std::borrow::Cow::Borrowed(&ascii_lower[a..b])
    } else {
        std::borrow::Cow::Owned(t[a..b].to_lowercase())
    }
}

/// The chars outside ASCII whose lower case holds an ASCII char (`İ` lower-cases to `i` and a
/// combining dot, the Kelvin sign to `k`), in UTF-8.
const LOWER_TO_ASCII: &[&[u8]] = &["\u{130}".as_bytes(), "\u{212A}".as_bytes()];

/// Whether the UTF-8 text `part` holds one of [`LOWER_TO_ASCII`].
fn lowers_to_ascii(part: &[u8]) -> bool {
    LOWER_TO_ASCII.iter().any(|c| part.windows(c.len()).any(|w| w == *c))
}

fn is_country_like(p: &str) -> bool {
    p.split_whitespace().count() > 2
}

/// Topics from the lexicon and from quoted talk titles; `covers` for the event and
/// `discussed` for the person speaking in the sentence.
pub(crate) fn extract_topics(doc: &Doc, roles: &[Fact]) -> (Vec<NamedRec>, Vec<Fact>) {
    let t = doc.text();
    let lex = doc.lex;
    let participants: rustc_hash::FxHashSet<usize> =
        roles.iter().filter_map(|f| if let Fact::Role { person, .. } = f { Some(*person) } else { None }).collect();
    let mut topics: Vec<NamedRec> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut facts = Vec::new();
    let mut discussed: rustc_hash::FxHashSet<(usize, usize)> = Default::default();
    let mut focus: Option<usize> = None;
    // the topic of each lexicon phrase found so far
    let mut topic_of_phrase: rustc_hash::FxHashMap<usize, usize> = Default::default();
    // (the topic index reads ASCII-lower-cased text; the offsets are the same)
    let lower = t.to_ascii_lowercase();
    for &(_, s) in &doc.sentences {
        let st = &t[s.0..s.1];
        // (the first of `doc.persons_in(s)`, found without collecting them)
        let k = doc.pm.partition_point(|p| p.m.start < s.0);
        if let Some(p) = doc.pm[k..].iter().take_while(|p| p.m.start < s.1).find(|p| p.m.end <= s.1) {
            focus = Some(p.person);
        }
        // (the lexicon phrase's index, if it is one; the name; its span)
        let mut found: Vec<(Option<usize>, &str, usize, usize)> = Vec::new();
        lex.topic_index.find_all(&lower[s.0..s.1], |pattern, a, b| found.push((Some(pattern), &lex.topics[pattern], s.0 + a, s.0 + b)));
        // (a talk's title is in quotes)
        let quoted = res().quote_marks.is_match(st);
        for (a, b) in quoted.then(|| res().talk_title.find_iter(st)).into_iter().flatten() {
            let (ta, tb) = title_in(&st[a..b]);
            found.push((None, st[a + ta..a + tb].trim(), s.0 + a + ta, s.0 + a + tb));
        }
        for (pattern, name, a, b) in found {
            // (a lexicon phrase met before has its topic: its key is the same)
            let idx = match pattern.and_then(|p| topic_of_phrase.get(&p)) {
                Some(&idx) => idx,
                None => {
                    let key = crate::text::fold(name).to_lowercase();
                    let idx = *index.entry(key).or_insert_with(|| {
                        topics.push(NamedRec { name: name.to_string(), evidence: doc.ev(a, b) });
                        facts.push(Fact::Covers { topic: topics.len() - 1, evidence: doc.ev(a, b) });
                        topics.len() - 1
                    });
                    if let Some(p) = pattern {
                        topic_of_phrase.insert(p, idx);
                    }
                    idx
                }
            };
            if let Some(p) = focus.filter(|p| participants.contains(p)) {
                if discussed.insert((p, idx)) {
                    facts.push(Fact::Discussed { person: p, topic: idx, evidence: doc.ev(a, b) });
                }
            }
        }
    }
    (topics, facts)
}

/// The event's city as a place node.
pub(crate) fn places_of(doc: &Doc, ev: &EventRec, facts: &mut Vec<Fact>) -> Vec<NamedRec> {
    let mut out = Vec::new();
    if let Some(c) = &ev.city {
        let evidence = ev.evidence.clone().unwrap_or_else(|| doc.ev(0, 0));
        out.push(NamedRec { name: c.clone(), evidence: evidence.clone() });
        facts.push(Fact::HeldAt { place: 0, evidence });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_table() {
        let cases: &[(&str, &str)] = &[
            ("Event Date: April 29, 2025", "2025-04-29"),
            ("on Thursday 10, October 2019", "2019-10-10"),
            ("29 OCT 2019", "2019-10-29"),
            ("date 2024-12-10", "2024-12-10"),
            ("On January 25-26, 2024, the", "2024-01-25"),
            ("on 23 December 2009 to", "2009-12-23"),
            ("in November 2020", "2020-11"),
        ];
        for (s, want) in cases {
            let d = dates_in(s);
            assert_eq!(d.first().and_then(|x| x.1.iso()).as_deref(), Some(*want), "{s}");
        }
    }

    /// The texts of the style fixtures and the second development set, read from disk.
    fn fixture_texts() -> Vec<String> {
        let mut out = Vec::new();
        for dir in ["tests/fixtures/styles/texts", "tests/dev2/texts"] {
            for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + dir).into_iter().flatten().flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    out.push(t);
                }
            }
        }
        assert!(out.len() > 8, "the fixture texts are read");
        out
    }

    /// The dates found trying the date regexes only where a date may begin are those found
    /// trying them at every candidate.
    #[test]
    fn dates_where_they_may_begin() {
        let mut texts: Vec<String> = [
            "On 5 March 2020 and 2024-12-10, the 12th of May 2019; 3rd-4th June, 2021, 1st and 2nd of  May 2024, 10 to 11\u{a0}May 2025",
            "May 5, 2020 and March 2021; Sept. 3rd, 2022, JANUARY 12 Mayor 3 Jan 5th 2019 of Dec, 2018 Dec.,\u{2003}2017 March\u{663} 2020",
            "5 & 6 May 2020, 7, June 2021 8\x0BJuly 2022 12 people in March 5 May. Maybe 6 Mayé 2020 and 31st, and of March",
            "\u{663} - 5 March 2020, then 9 of April 2020 and 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 May 2021",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend(fixture_texts());
        for t in &texts {
            let (digits, months) = (DigitStart::candidates(t), MonthStart::candidates(t));
            assert_eq!(dates_in(t), dates_at(t, &digits, &digits, &months), "{t}");
        }
    }

    #[test]
    fn word_forms_cover_the_regex() {
        assert_eq!(case_forms("hosts"), ["hosts", "hostſ", "hoſts", "hoſtſ"]);
        assert_eq!(case_forms("held"), ["held"]);
        // ſ and the Kelvin sign are the only letters outside ASCII a case-insensitive regex
        // takes for an ASCII letter
        let letter = Regex::new("(?i)^[a-z]$").unwrap();
        let others: Vec<char> = (0x80..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| letter.is_match(c.encode_utf8(&mut [0; 4]))).collect();
        assert_eq!(others, ['\u{17F}', '\u{212A}']);
        let r = res();
        for line in ["The seminar was ORGANIſED BY the Centre", "hoſted by Dębski's institute", "co-ſponſored by X", "Dębski spoke"] {
            for ws in [&r.organizer_after, &r.organizer_before] {
                assert_eq!(ws.find_iter(line), Regex::new(ws.pattern).unwrap().find_iter(line).map(|m| (m.start(), m.end())).collect::<Vec<_>>(), "{line}");
            }
        }
        assert_eq!(r.organizer_after.find_iter("hoſted by X"), [(0, "hoſted by".len())]);
    }

    /// A [`DigitStart`] finds what its pattern finds searched as a whole, also where a
    /// digit outside ASCII begins a match (whose span hides one inside it).
    #[test]
    fn digit_starts_find_what_the_regex_finds() {
        let r = res();
        let texts = [
            "On 5 March 2020 and 2024-12-10, the 12th of May 2019; x2024-12-10 and 3rd-4th June, 2021.",
            "\u{663} - 5 March 2020, then \u{663}\u{661}\u{662}\u{660}-12-10 2024-12-10 and a\u{663} 4 May",
            "D\u{e9}bski, 7\u{a0}July 2023 \u{ff11}\u{ff12} June 2022 \u{e9}5 May 2021 9 9 of April 2020",
            "5 & 6 May 2020, 7, June 2021 8\x0BJuly 2022 9\u{85}Aug 2023 1st and 2nd of May 2024 10-11 May 2025 3 to 4 May 2026",
            "12th March 2020 1\u{661} May 2020 123 May 2020 2024-1 20241-12-10 2024\u{2d}12-10 05 Jan 2020 5\tMarch 2020 31",
            "",
        ];
        for t in texts {
            for ds in [&r.iso, &r.dmy, &r.dm] {
                let whole = Regex::new(&ds.pattern).unwrap();
                let want: Vec<Vec<Option<(usize, usize)>>> = whole.captures_iter(t).map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect()).collect();
                let got: Vec<Vec<Option<(usize, usize)>>> = ds.captures_iter(t).into_iter().map(|(at, c)| c.iter().map(|g| g.map(|g| (at + g.start(), at + g.end()))).collect()).collect();
                assert_eq!(got, want, "{} in {t}", ds.pattern);
            }
        }
        for t in texts.iter().copied().chain(["May 5, 2020 and March 2021; xMay 4 Sept. 3rd, 2022, JANUARY 12 Mayor 3 Jan 5th 2019 of Dec, 2018", "\u{e9}March 3 2020 Mar 4"]) {
            for ms in [&r.mdy, &r.md, &r.my] {
                let whole = Regex::new(&ms.pattern).unwrap();
                let want: Vec<Vec<Option<(usize, usize)>>> = whole.captures_iter(t).map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect()).collect();
                let got: Vec<Vec<Option<(usize, usize)>>> = ms.captures_iter(t).into_iter().map(|(at, c)| c.iter().map(|g| g.map(|g| (at + g.start(), at + g.end()))).collect()).collect();
                assert_eq!(got, want, "{} in {t}", ms.pattern);
            }
        }
        // (the span of a match at a digit outside ASCII hides the date inside it)
        assert_eq!(r.dmy.captures_iter("\u{663} - 5 March 2020").len(), 1);
    }

    /// A [`WordStart`] finds what its pattern finds searched as a whole.
    #[test]
    fn word_starts_find_what_the_regex_finds() {
        let r = res();
        let mut texts: Vec<String> = [
            "The seminar was ORGANIſED BY the Centre, co-hosted by the Institute and HELD BY X; it is  organising more.",
            "upheld by X, Dębskiheld by Y, éorganised by Z, _hosted by W; this hosts; thishosts; Is Hosting",
            "in cooperation with the Centre, in\tpartnership with X, the maiden effort of Y, under the aegis of Z",
            "a talk titled \"Reading the Sea Lanes\" and a lecture on 'Water and Power in Asia' at the Grand Hotel Riviera",
            "Seminar on the \"Current Status of Regional Trade\". Held at the Kyiv Palace of Culture in Kyiv. Speech on 'x'",
            "on the theme of \"Security in the Gulf Region\"; entitled 'Futures'; Theme: \"Ocean Governance Today\"",
            "a meeting about \"short\" then a Workshop titled \"The Next Ten Years of It\"\u{a0}and the ROUND-TABLE on 'Ports and Cities'",
            "at the Łódź Conference Centre; in Dębski Hall; atThe Hall; in  the   Old Town Hall Annex",
            "on  the\u{2003}subject\tof :\n the \"Long Enough Title\"; titled\u{a0}: 'Six Ch' under the title 'x' then 'A Real Title Here'",
            "at the Grand Old Royal Imperial Kyiv Hotel; at the A B C D E F Hotel; in\u{2003}the Hallmark Hall, Panel  discussion  entitled  the  'Ports of Call'",
            "a talk on the topic of \"Water Rights Today\" and a speech   about   'Far Away Places' with the Room",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend(fixture_texts());
        for ws in [&r.organizer_after, &r.organizer_before, &r.titled, &r.held_at, &r.event_quoted, &r.talk_title, &r.in_place] {
            let re = Regex::new(ws.pattern).unwrap();
            for t in &texts {
                let want: Vec<Vec<Option<(usize, usize)>>> = re.captures_iter(t).map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect()).collect();
                let got: Vec<Vec<Option<(usize, usize)>>> =
                    ws.captures_iter(t).map(|(at, c)| c.iter().map(|g| g.map(|g| (at + g.start(), at + g.end()))).collect()).collect();
                assert_eq!(got, want, "{} in {t}", ws.pattern);
                let spans: Vec<(usize, usize)> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
                assert_eq!(ws.find_iter(t), spans, "{}", ws.pattern);
            }
        }
    }

    /// The organiser patterns tried at the start words found in the whole text find, in any
    /// span of it, what they find searched in the span alone.
    #[test]
    fn start_words_of_the_text_serve_its_spans() {
        let r = res();
        let t = "upheld by X.Hosted by Y, in cooperation with Z; this hosts\nIs hosting. ORGANIſED BY W, co-hosts";
        let starts = r.organizer_starts.positions(t);
        let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
        for (k, ws) in [&r.organizer_after, &r.organizer_before].into_iter().enumerate() {
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    let inside = starts[k].iter().filter(|&&p| a <= p && p < b).map(|&p| p - a);
                    let at_start = (a < b && after_word(t, a)).then_some(0);
                    assert_eq!(ws.find_at(&t[a..b], at_start.into_iter().chain(inside)), ws.find_iter(&t[a..b]), "{a}..{b}");
                }
            }
        }
    }

    #[test]
    fn organiser_after_a_date_between_verb_and_by() {
        let lex = crate::Lexicon::builtin();
        for text in [
            "The seminar was organised on Tuesday (10) by the Centre for Atlantic Studies (CAS) in Lisbon.",
            "The webinar, hosted on 4 March by the Centre for Atlantic Studies, drew 300 people.",
        ] {
            let x = crate::extract::extract(&crate::text::clean(&crate::Document::new("t.txt", text), &lex), &lex);
            let orgs: Vec<&str> = x
                .facts
                .iter()
                .filter_map(|f| if let crate::extract::Fact::OrganizedBy { institution, .. } = f { Some(x.institutions[*institution].name.as_str()) } else { None })
                .collect();
            assert_eq!(orgs, ["Centre for Atlantic Studies"], "{text}");
        }
    }

    /// A [`LineStart`] finds what its pattern finds searched as a whole.
    #[test]
    fn line_starts_find_what_the_regex_finds() {
        let r = res();
        let mut texts: Vec<String> = ["Title: A\nVenue: B\n\n  \n date: 5 May", "\n\nEVENT : x\r\nLocation:y", "no field: here\nplace:", "", "\n"].iter().map(|s| s.to_string()).collect();
        for dir in ["tests/fixtures/styles/texts", "tests/dev2/texts"] {
            for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + dir).into_iter().flatten().flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    texts.push(t);
                }
            }
        }
        for ls in [&r.title_field, &r.venue_field, &r.date_field] {
            let re = Regex::new(ls.pattern).unwrap();
            for t in &texts {
                let want: Option<Vec<Option<&str>>> = re.captures(t).map(|c| c.iter().map(|g| g.map(|g| g.as_str())).collect());
                let got: Option<Vec<Option<&str>>> = ls.captures(t).map(|c| c.iter().map(|g| g.map(|g| g.as_str())).collect());
                assert_eq!(got, want, "{} in {t}", ls.pattern);
            }
        }
    }

    /// The groups taken from the matches of the title, talk-title and venue searches are the
    /// regex's group 1, and the first match is the regex's.
    #[test]
    fn titles_and_venues_from_matches() {
        let r = res();
        let mut texts: Vec<String> = [
            "a talk titled \"Reading the Sea Lanes\" and a lecture on 'Water and Power in Asia' at the Grand Hotel Riviera",
            "on the theme of \"Security in the Gulf Region\"; entitled 'Futures, Today,'; Theme: \" Ocean Governance Today \"",
            "at  the\u{2003}Łódź Conference Centre; in thereal Hall; in the  Old Town Hall Annex; at Them Hall; in the\u{a0}Hotel Lux",
            "speech   about   'Far Away Places' with the Room; a paper on the topic of \"Water Rights Today\" and remarks 'x' 'Long Enough'",
            "a seminar on 'abc'defgh' x, a forum on \"Trade's Future\"; the panel  discussion about the 'Sea Lanes''",
            "a seminar on 'abcdefg''",
            "a workshop on \"abcdefgh\"",
            "a meeting about 'abcde''",
            "a debate on 'Ports and Cities'é",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for dir in ["tests/fixtures/styles/texts", "tests/dev2/texts"] {
            for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + dir).into_iter().flatten().flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    texts.push(t);
                }
            }
        }
        for (ws, group) in [
            (&r.titled, (|m, _| title_in(m)) as fn(&str, bool) -> (usize, usize)),
            (&r.talk_title, |m, _| title_in(m)),
            (&r.held_at, |m, _| (venue_in(m), m.len())),
            (&r.event_quoted, event_title_in),
        ] {
            let re = Regex::new(ws.pattern).unwrap();
            for t in &texts {
                let want: Vec<(usize, usize)> = re.captures_iter(t).map(|c| c.get(1).map(|g| (g.start(), g.end())).unwrap()).collect();
                let got: Vec<(usize, usize)> = ws.find_iter(t).into_iter().map(|(a, b)| (a, group(&t[a..b], b == t.len()))).map(|(a, (ga, gb))| (a + ga, a + gb)).collect();
                assert_eq!(got, want, "{} in {t}", ws.pattern);
                assert_eq!(ws.first(t), re.find(t).map(|m| (m.start(), m.end())), "{} in {t}", ws.pattern);
            }
        }
    }

    /// The groups taken from a match are the regex's group 1.
    #[test]
    fn groups_from_matches() {
        let places = Regex::new(IN_PLACE_RE).unwrap();
        let texts = ["held in  New Delhi and in\u{a0}Łódź Old Town; in\u{2003}Kyiv, within Rome, in Ho Chi Minh City", "\"A Quoted Title Of Length\" and \"short\" \"another one here\""];
        for t in texts {
            let want: Vec<&str> = places.captures_iter(t).map(|c| c.get(1).unwrap().as_str()).collect();
            assert_eq!(places.find_iter(t).map(|m| place_after_in(m.as_str())).collect::<Vec<_>>(), want);
            let want: Vec<&str> = res().quoted.captures_iter(t).map(|c| c.get(1).unwrap().as_str()).collect();
            assert_eq!(res().quoted.find_iter(t).map(|m| quoted_text(m.as_str())).collect::<Vec<_>>(), want);
        }
    }

    /// The first kind of a text's event-kind positions is the first kind of all of them.
    #[test]
    fn first_event_kinds() {
        let lex = crate::Lexicon::builtin();
        let first = |v: Vec<Option<usize>>| v.iter().enumerate().filter_map(|(i, p)| p.map(|p| (p, &lex.event_kinds[i].1))).min();
        for t in ["", "no kind here", "a panel discussion and a seminar", "the round-table, then a roundtable talk", "xx panel discussion", "workshop seminar", "a lecture on a conference"] {
            assert_eq!(first(lex.first_event_kind_positions(t)), first(lex.event_kind_positions(t)), "{t}");
        }
    }

    /// [`runs_before`] finds the first byte from which so many runs of white space lie
    /// before the end, counted the slow way.
    #[test]
    fn runs_of_white_space_before() {
        let runs_in = |s: &str| s.chars().zip(std::iter::once(None).chain(s.chars().map(Some))).filter(|&(c, before)| c.is_whitespace() && !before.is_some_and(char::is_whitespace)).count();
        for t in ["", "a", " ", "on  the\u{2003}subject\tof :\n the \"", "a b\u{a0}\u{a0}c  d\u{85}é f", "  x  "] {
            let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for &end in &bounds {
                for &floor in bounds.iter().filter(|&&f| f <= end) {
                    for runs in 0..5 {
                        let want = bounds.iter().copied().filter(|&p| p <= end && runs_in(&t[p..end]) <= runs).min().unwrap().max(floor);
                        assert_eq!(runs_before(t, end, runs, floor), want, "{t:?} {end} {runs} {floor}");
                    }
                }
            }
        }
    }

    #[test]
    fn lower_case_to_ascii() {
        let want: Vec<char> = (0x80..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| c.to_lowercase().any(|l| l.is_ascii())).collect();
        let listed: Vec<char> = LOWER_TO_ASCII.iter().flat_map(|c| std::str::from_utf8(c).unwrap().chars()).collect();
        assert_eq!(want, listed);
        let t = "Déjà VU: the SEMINAR İN Łódź, \u{212A}ITE Talk";
        let l = t.to_ascii_lowercase();
        assert!(lower_case(t, &l, (0, 12), true).contains("vu"));
        assert_eq!(lower_case(t, &l, (0, 12), false), t[..12].to_lowercase());
        assert_eq!(lower_case(t, &l, (0, t.len()), true), t.to_lowercase());
    }

    #[test]
    fn char_offsets() {
        for t in ["", "abc", "a—b—c", "ĄĘ—x", "日本語のテキスト", "x\u{1F600}y\u{1F600}z"] {
            for n in 0..12 {
                assert_eq!(char_offset(t, n), t.char_indices().nth(n).map_or(t.len(), |(i, _)| i), "{t} {n}");
            }
        }
    }

    #[test]
    fn tense_of_a_weekday() {
        let at = |h: &str| h.find("Thursday").unwrap();
        let past = "Lagos, Friday 20 June 2025 - Experts on Thursday called on the government. \"We will export,\" one said.";
        assert!(!future_tense(past, at(past), &past.to_lowercase()));
        let coming = "Lagos, 16 June 2025 - The Centre will hold its lecture on Thursday in Lagos.";
        assert!(future_tense(coming, at(coming), &coming.to_lowercase()));
        // no tense in the sentence: the report's head decides
        let headline = "Minister to open forum on Thursday\nThe forum will gather 200 delegates.";
        assert!(future_tense(headline, at(headline), &headline.to_lowercase()));
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday(2025, 4, 29), 1); // Tuesday
        assert_eq!(weekday(2024, 12, 11), 2); // Wednesday
    }
}
