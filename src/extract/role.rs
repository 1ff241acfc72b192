//! Roles: who did what at the event, from the cue phrases of `data/lexicon/role_cues.toml`,
//! from the report's sections (a "Keynote Address" or "Question and Answer" heading scopes
//! the roles under it), and, for persons with no explicit role, from being the subject of a
//! speech verb ("X said", "X highlighted") → speaker. Persons with no role at all are only
//! mentioned.

use super::{Doc, Fact, PMention};
use crate::graph::{EdgeKind, Evidence};
use crate::lexicon::{CueRole, CueTarget, RoleCue};
use crate::text::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

/// Words of a sentence saying that someone was not there, in any case: what the sentence
/// lower-cased holds (the words lower-cased are ASCII with no 'k', which a Kelvin sign
/// lower-cases to, and their 'i' is followed by a letter, where an 'İ' lower-cased has a
/// combining dot: only ASCII letters of the sentence lower-case to theirs).
static ABSENCE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(["cancelled", "canceled", "could not attend", "unable to attend", "did not attend", "was absent", "could not be present", "regretted"])
        .expect("valid word list")
});

fn edge_of(r: CueRole) -> EdgeKind {
    match r {
        CueRole::Speaker | CueRole::Closing => EdgeKind::Speaker,
        CueRole::Keynote => EdgeKind::Keynote,
        CueRole::Chair => EdgeKind::Chair,
        CueRole::Moderator => EdgeKind::Moderator,
        CueRole::Discussant => EdgeKind::Discussant,
        CueRole::ChiefGuest => EdgeKind::ChiefGuest,
        CueRole::Host => EdgeKind::Host,
        CueRole::Rapporteur => EdgeKind::Rapporteur,
        CueRole::Questioner => EdgeKind::Questioner,
        CueRole::Attendee => EdgeKind::Attendee,
        CueRole::Author => EdgeKind::Author,
    }
}

struct Roles {
    // (person, role) → (session, evidence); BTreeMap for a stable order
    map: BTreeMap<(usize, EdgeKind), (Option<String>, Evidence)>,
}

impl Roles {
    /// Gives `person` the role unless they have it, with the evidence of `span` (made only then).
    fn add(&mut self, doc: &Doc, person: usize, role: EdgeKind, session: &Option<String>, span: Span) {
        self.map.entry((person, role)).or_insert_with(|| (session.clone(), doc.ev(span.0, span.1)));
    }
    fn has_any(&self, person: usize) -> bool {
        self.map.keys().any(|(p, _)| *p == person)
    }
    /// A person listed as present who is then reported taking part loses the attendee role.
    fn drop_attendance(&mut self, person: usize) {
        let only_attended = self.has_any(person) && self.map.keys().filter(|(q, _)| *q == person).all(|(_, r)| *r == EdgeKind::Attendee);
        if only_attended {
            self.map.remove(&(person, EdgeKind::Attendee));
        }
    }
}

/// Extracts role facts.
pub(crate) fn extract_roles(doc: &Doc, affs: &[Fact], organizers: &[usize]) -> Vec<Fact> {
    let t = doc.text();
    let lex = doc.lex;
    let mut roles = Roles { map: BTreeMap::new() };
    let mut mode: Option<CueRole> = None;
    let mut session: Option<String> = None;
    // (person, evidence span, start of the sentence)
    let mut speech_subjects: Vec<(usize, Span, usize)> = Vec::new();
    // persons asking a question outside a Q&A section ("X asked whether …"): questioners,
    // unless the report also has them speaking (a speaker's rhetorical question)
    let mut askers: Vec<(usize, Span, usize)> = Vec::new();
    let mut focus: Option<usize> = None;
    let org: HashSet<usize> = organizers.iter().copied().collect();
    let of_organiser = |p: usize| affs.iter().any(|f| matches!(f, Fact::Affiliation { person, institution, .. } if *person == p && org.contains(institution)));
    // heads the organiser: "Director General", "President", "Director CSP" — not "Head of the
    // Eastern Programme" or "Director of Research"
    let leads_organiser = |p: usize| {
        affs.iter().any(|f| match f {
            Fact::Affiliation { person, institution, title, .. } if *person == p && org.contains(institution) => title.as_deref().is_some_and(|t| {
                let l = t.to_lowercase();
                const LEAD: &[&str] = &["president", "director", "director general", "director-general", "chairman", "chairperson", "chair", "executive director", "ceo", "secretary general", "secretary-general", "rector", "dean", "vice chancellor", "vice-chancellor", "head", "founder", "general secretary", "executive secretary"];
                LEAD.iter().any(|w| l.starts_with(w)) && !l.contains(" of ")
            }),
            _ => false,
        })
    };
    // the role a section gives: opening/closing/introduction sections make the organiser's
    // own people hosts, anyone else a speaker
    let section_role = |mr: CueRole, p: usize| if mr == CueRole::Closing && of_organiser(p) { EdgeKind::Host } else { edge_of(mr) };
    let mut last_line = usize::MAX;
    // the cues matching the current line, when it is short or a heading (a long line's cues
    // are looked for in its sentences): all of them, or its heading and list cues (with
    // maybe some others) when that is all that can change the section
    let mut line_hits: Vec<usize> = Vec::new();
    let mut line_found = Found::Nothing;

    for &(li, s) in &doc.sentences {
        let sent = &t[s.0..s.1];
        let persons = doc.persons_in(s);
        let line_span = doc.lines[li];
        let line = &t[line_span.0..line_span.1];
        if li != last_line {
            last_line = li;
            let heading_like = line_is_heading(line);
            (line_hits, line_found) = if heading_like {
                (lex.role_cues_matching(line), Found::All)
            } else if line.len() < 120 {
                (lex.role_cues_matching_sections(line), Found::Sections)
            } else {
                (Vec::new(), Found::Nothing)
            };
            // a heading line changes the section
            if let Some(cue) = line_hits.iter().map(|&i| &lex.role_cues[i]).find(|c| c.target == CueTarget::Heading && line.len() < 120) {
                mode = Some(cue.role);
                if cue.role == CueRole::Speaker {
                    session = Some(strip_clock_time(line.trim()).trim_end_matches(':').to_string());
                }
                if heading_like {
                    continue;
                }
            } else if heading_like && doc.first_person_on_line(li).is_none() && !title_line_of_listed_name(doc, li) {
                // a heading ends the section, unless it heads a list ("Panelists:"); a cue
                // with words after it ("By JANE DOE" whose name was not read) heads nothing
                // (or a programme's label, its name on the next line: "13:30 Opening Remarks:")
                mode = line_hits
                    .iter()
                    .map(|&i| &lex.role_cues[i])
                    .find(|c| c.target == CueTarget::List && c.re.find(line).is_some_and(|m| line[m.end()..].trim().is_empty()))
                    .or_else(|| line_hits.iter().map(|&i| &lex.role_cues[i]).find(|c| c.re.find(line).is_some_and(|m| line[m.end()..].trim() == ":")))
                    .map(|c| c.role);
                if line.to_lowercase().contains("session") {
                    session = Some(strip_clock_time(line.trim()).trim_end_matches(':').to_string());
                }
                continue;
            }
        }
        // a sentence naming the session ("The second session started …"); it opens with
        // "the " in any case (only those ASCII letters lower-case to "the "), the longest
        // name is 22 characters, and a text's first 24 characters lower-cased begin the same
        // as the whole text lower-cased
        if sent.as_bytes().get(..4).is_some_and(|h| h.eq_ignore_ascii_case(b"the ")) {
            let ls = sent[..sent.char_indices().nth(24).map_or(sent.len(), |(i, _)| i)].to_lowercase();
            for ord in ["inaugural", "opening", "first", "second", "third", "fourth", "fifth", "concluding", "closing", "final"] {
                if ls.strip_prefix("the ").and_then(|r| r.strip_prefix(ord)).is_some_and(|r| r.starts_with(" session")) {
                    let mut c = ord.chars();
                    let cap = c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default();
                    session = Some(format!("{cap} Session"));
                    mode = None;
                }
            }
        }

        let mut claimed: Vec<(usize, usize)> = Vec::new();
        // "who had been expected to attend as guest of honour, cancelled": no role here
        // (looked for once, when a cue first gives such a role)
        let absent = std::cell::OnceCell::new();
        let absent = || *absent.get_or_init(|| ABSENCE.is_match(sent));
        let mut given_here: Vec<usize> = Vec::new();
        let pronoun_start = starts_with_pronoun(sent);
        // the cues present in the sentence, in priority order, with their matches. On a
        // sentence naming no person only heading and list cues act, unless a pronoun's
        // referent takes the role; and with a list cue the other cues matter too (the next
        // cue ends the list)
        let sections = persons.is_empty() && !(focus.is_some() && pronoun_start);
        let mut cues = match line_found {
            Found::All if s == line_span => line_hits.clone(),
            Found::Sections if s == line_span && sections => line_hits.clone(),
            _ if sections => lex.role_cues_matching_sections(sent),
            _ => lex.role_cues_matching(sent),
        };
        if sections && cues.iter().any(|&i| lex.role_cues[i].target == CueTarget::List) {
            cues = lex.role_cues_matching(sent);
        }
        let hits = cue_matches(doc, s, cues.into_iter());
        let cue_starts: Vec<usize> = hits.iter().flat_map(|(_, ms)| ms.iter().map(|m| m.0)).collect();
        // (the next cue bounds only a list: without a list cue here, the line's other cues
        // are not looked for)
        let lists = hits.iter().any(|(cue, _)| cue.target == CueTarget::List);
        let line_cues: Vec<usize> = if s == line_span {
            cue_starts.clone()
        } else if line_span.0 == s.0 && lists {
            if line_found != Found::All {
                (line_hits, line_found) = (lex.role_cues_matching(line), Found::All);
            }
            cue_matches(doc, line_span, line_hits.iter().copied()).iter().flat_map(|(_, ms)| ms.iter().map(|m| m.0)).collect()
        } else {
            Vec::new()
        };
        for (cue, ms) in hits {
            for &(cs, ce) in &ms {
                if claimed.iter().any(|&(a, b)| cs < b && a < ce) {
                    continue;
                }
                let next_cue = cue_starts.iter().chain(&line_cues).copied().filter(|&x| x >= ce).min().unwrap_or(s.1.max(line_span.1));
                if cue.target == CueTarget::Heading {
                    // a cue inside a sentence opens the section after it
                    mode = Some(cue.role);
                    claimed.push((cs, ce));
                    continue;
                }
                // those thanked for attending are named; "she thanked … for their participation"
                // does not make the speaker an attendee
                let focus_for_cue = if cue.role == CueRole::Attendee { None } else { focus };
                let targets = pick(doc, &persons, cue.target, cs, ce, cue.window, s, focus_for_cue, next_cue);
                if targets.is_empty() {
                    // "Panelists:" alone on its line heads the list that follows
                    if cue.target == CueTarget::List && t[ce..s.1].trim().is_empty() && t[doc.lines[li].0..cs].trim().is_empty() {
                        mode = Some(cue.role);
                        claimed.push((cs, ce));
                    }
                    continue;
                }
                claimed.push((cs, ce));
                for p in targets {
                    if matches!(cue.role, CueRole::ChiefGuest | CueRole::Attendee | CueRole::Keynote | CueRole::Speaker) && absent() {
                        continue;
                    }
                    // "edited by the late Prof. X": the dead take no part
                    if t[..p.m.start].strip_suffix("late ").is_some_and(|b| b.ends_with(' ') || b.is_empty()) {
                        continue;
                    }
                    // one sentence, one role per person: "attended the Dialogue as chief guest"
                    if cue.role == CueRole::Attendee && given_here.contains(&p.person) {
                        continue;
                    }
                    given_here.push(p.person);
                    let ev = (cs.min(p.m.start), ce.max(p.m.end));
                    if cue.role == CueRole::Closing {
                        // closing remarks, "was presented by": host for the organiser's people
                        let role = if of_organiser(p.person) { EdgeKind::Host } else { EdgeKind::Speaker };
                        roles.add(doc, p.person, role, &session, ev);
                    } else if cue.role == CueRole::Questioner && mode != Some(CueRole::Questioner) {
                        askers.push((p.person, ev, s.0));
                    } else if cue.role == CueRole::Questioner && roles.has_any(p.person) {
                        continue;
                    } else {
                        roles.add(doc, p.person, edge_of(cue.role), &session, ev);
                    }
                }
            }
        }

        // speech: persons before the first speech verb are its subjects
        let subj = subjects(doc, &persons, s);
        if subj.is_empty() && pronoun_start {
            if let (Some(f), true) = (focus, has_speech_verb(doc, s)) {
                let ev = (s.0, s.1.min(s.0 + 80));
                if let Some(mr) = mode {
                    if section_applies(mr, roles.has_any(f)) && !answers(mr, f, &speech_subjects) {
                        roles.add(doc, f, section_role(mr, f), &session, ev);
                    }
                }
                speech_subjects.push((f, ev, s.0));
            }
        }
        // "X, who had been scheduled to speak, was unable to attend": no part in the event
        let subj = if !subj.is_empty() && absent() { Vec::new() } else { subj };
        // "… were present among others": the verb of the cue that named them, not a speech
        for p in subj.iter().filter(|p| !given_here.contains(&p.person)) {
            let ev = (p.m.start, s.1.min(p.m.end + 80));
            if let Some(mr) = mode {
                if section_applies(mr, roles.has_any(p.person)) && !answers(mr, p.person, &speech_subjects) {
                    roles.add(doc, p.person, section_role(mr, p.person), &session, ev);
                }
                // a keynote or rapporteur section has one speaker
                if matches!(mr, CueRole::Keynote | CueRole::Rapporteur) {
                    mode = None;
                }
            }
            speech_subjects.push((p.person, ev, s.0));
        }
        // list items under a panel heading: bulleted lines, and lines that open with a name
        // standing alone or followed by its title ("Margaret Ellison", "Jane Roe, Director …")
        if let Some(mr) = mode {
            let line = &t[doc.lines[li].0..doc.lines[li].1];
            let lead = line.trim_start_matches(['\u{2022}', '-', '*', ' ']);
            let item_start = doc.lines[li].0 + (line.len() - lead.len());
            // the line's first name, if it opens the line and is in this sentence
            let item = doc.first_person_on_line(li).filter(|p| p.m.start >= s.0 && p.m.start < s.1);
            let name_item = item.is_some_and(|p| {
                let after = t[p.m.end..doc.lines[li].1].trim();
                p.m.start == item_start && (after.is_empty() || after.starts_with([',', '(', '|', '-', '\u{2013}']))
            });
            let bullet = line.trim_start().starts_with(['\u{2022}', '-', '*', '|']) && t[doc.lines[li].0..s.0].trim().is_empty();
            if bullet || name_item {
                if let Some(p) = if name_item { item } else { persons.first().copied() } {
                    if section_applies(mr, roles.has_any(p.person)) {
                        roles.add(doc, p.person, section_role(mr, p.person), &session, (p.m.start, p.m.end));
                    }
                }
            }
        }
        // the person the next "he"/"she" refers to: the subject, or a name opening the sentence
        if let Some(p) = subj.first() {
            focus = Some(p.person);
        } else if let Some(p) = persons.first().filter(|p| p.m.start < s.0 + 40 && !pronoun_start) {
            focus = Some(p.person);
        }
    }

    // transcript turns: "FERREIRA: Partly. …", "ANA LUÍSA FERREIRA: Thank you" — the person
    // whose name the label gives takes the floor
    for &(a, b) in &doc.lines {
        if let Some((p, end)) = turn_label(doc, &t[a..b]) {
            speech_subjects.push((p, (a, a + end), a));
        }
    }
    // questioners: those who asked and are not reported speaking in another sentence
    for (p, ev, _) in &askers {
        let speaks_elsewhere = speech_subjects.iter().any(|(q, _, s)| q == p && !askers.iter().any(|(a, _, t)| a == p && t == s));
        if !speaks_elsewhere {
            roles.drop_attendance(*p);
            if !roles.has_any(*p) {
                roles.add(doc, *p, EdgeKind::Questioner, &None, *ev);
            }
        }
    }
    // a programme's paper: its title in quotes on a line, its authors on the next
    for (li, ps) in presenters(doc) {
        let (a, b) = doc.lines[li];
        for p in ps {
            roles.add(doc, p, EdgeKind::Speaker, &session_of_line(doc, li), (a, b));
        }
    }
    // speakers: subjects of speech with no other role; the organiser's leaders who speak
    // outside the programme's explicit roles are its hosts; a person listed as present who is
    // then reported speaking is a speaker
    for (p, ev, _) in speech_subjects {
        roles.drop_attendance(p);
        if !roles.has_any(p) {
            roles.add(doc, p, if leads_organiser(p) { EdgeKind::Host } else { EdgeKind::Speaker }, &None, ev);
        }
    }
    // a patron someone else speaks for was not there: "Under the patronage of H.H. Sheikh X
    // … The opening address was delivered by Y on behalf of H.H. Sheikh X"
    for pm in &doc.pm {
        if t[..pm.m.start].trim_end().ends_with("on behalf of") {
            roles.map.remove(&(pm.person, EdgeKind::ChiefGuest));
        }
    }
    roles
        .map
        .into_iter()
        .map(|((person, role), (session, evidence))| Fact::Role { person, role, session, evidence })
        .collect()
}

/// The presenters of a programme's papers: a line of names alone (commas, "and", footnote
/// marks between them) right under a line that is a title in quotes,
/// `"Who Counts? Registration and Aid"` / `Nomvula Dlamini-Khoza ⁶*, Tom Ray ²`. When the
/// line marks presenting authors with '*', only they present.
fn presenters(doc: &Doc) -> Vec<(usize, Vec<usize>)> {
    let t = doc.text();
    let mut out = Vec::new();
    for li in 1..doc.lines.len() {
        let prev = t[doc.lines[li - 1].0..doc.lines[li - 1].1].trim();
        if !(prev.len() > 2 && prev.starts_with('"') && prev.ends_with('"')) {
            continue;
        }
        let (a, b) = doc.lines[li];
        let ps: Vec<&PMention> = doc.pm.iter().filter(|p| p.line == li).collect();
        if ps.is_empty() {
            continue;
        }
        // what stands between the names: separators and footnote marks only
        let mut rest = String::new();
        let mut at = a;
        for p in &ps {
            rest.push_str(&t[at..p.m.start]);
            at = p.m.end;
        }
        rest.push_str(&t[at..b]);
        let filler = rest.replace(" and ", " ");
        if !filler.chars().all(|c| matches!(c, ' ' | ',' | ';' | '*' | '&') || crate::text::is_superscript_digit(c)) {
            continue;
        }
        let starred = |p: &PMention| t[p.m.end..b].trim_start_matches(|c: char| c == ' ' || crate::text::is_superscript_digit(c)).starts_with('*');
        let any_star = ps.iter().any(|p| starred(p));
        out.push((li, ps.iter().filter(|p| !any_star || starred(p)).map(|p| p.person).collect()));
    }
    out
}

/// The session a line belongs to: the last "Session …" heading line above it.
fn session_of_line(doc: &Doc, li: usize) -> Option<String> {
    let t = doc.text();
    doc.lines[..li].iter().rev().map(|&(a, b)| t[a..b].trim()).find(|l| l.len() < 120 && l.contains("Session")).map(|l| l.to_string())
}

/// The matches (byte spans of the text) in `span` of each of the role cues `cues` (indices in
/// ascending order) that matches there, in the order of `cues`.
fn cue_matches<'l>(doc: &Doc<'l>, span: (usize, usize), cues: impl Iterator<Item = usize>) -> Vec<(&'l RoleCue, Vec<(usize, usize)>)> {
    let part = &doc.text()[span.0..span.1];
    cues.filter_map(|i| {
        let cue = &doc.lex.role_cues[i];
        let ms: Vec<(usize, usize)> = cue.re.find_iter(part).map(|m| (span.0 + m.start(), span.0 + m.end())).collect();
        (!ms.is_empty()).then_some((cue, ms))
    })
    .collect()
}

/// Which of the cues matching a text a list of cues holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Found {
    /// None looked for.
    Nothing,
    /// The heading and list cues (see [`crate::Lexicon::role_cues_matching_sections`]).
    Sections,
    /// All of them.
    All,
}

/// A person speaking in a Q&A section who spoke before it answers questions: a speaker,
/// not a questioner ("Bacani replied that …").
fn answers(mode: CueRole, person: usize, speech_subjects: &[(usize, Span, usize)]) -> bool {
    mode == CueRole::Questioner && speech_subjects.iter().any(|(q, _, _)| *q == person)
}

/// Does a section's role go to a person who speaks in it? A keynote or rapporteur section
/// names its one speaker whatever else they did; a panel, discussion or Q&A section gives
/// its role only to persons without one (a panellist answering in Q&A stays a panellist).
fn section_applies(mode: CueRole, has_role: bool) -> bool {
    matches!(mode, CueRole::Keynote | CueRole::Rapporteur) || !has_role
}

/// A line under a name that stands alone on its line (or under such a line): the listed
/// person's title and institution ("Margaret Ellison" / "Senior Fellow, Energy Program"),
/// not a heading that ends a section.
fn title_line_of_listed_name(doc: &Doc, li: usize) -> bool {
    let t = doc.text();
    let name_only = |l: usize| doc.name_alone_on_line(l).is_some();
    let no_person = |l: usize| doc.first_person_on_line(l).is_none();
    let (a, b) = doc.lines[li];
    !t[a..b].trim_end().ends_with(':') && ((li >= 1 && name_only(li - 1)) || (li >= 2 && name_only(li - 2) && no_person(li - 1)))
}

/// A short line without final punctuation: a heading.
fn line_is_heading(line: &str) -> bool {
    let l = strip_clock_time(line.trim());
    // (an upper-case first letter means a word; more than ten words are not counted)
    !l.ends_with(['.', ',', ';'])
        && l.chars().next().is_some_and(|c| c.is_uppercase())
        && !l.starts_with(['\u{2022}', '-', '*'])
        && l.split_whitespace().nth(10).is_none()
}

/// `line` without a programme's clock time before its label: "13:30  Opening Remarks:" →
/// "Opening Remarks:" ("9.00–10.30 Panel" → "Panel").
fn strip_clock_time(line: &str) -> &str {
    let time = |s: &str| -> Option<usize> {
        let b = s.as_bytes();
        let h = b.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
        let ok = (1..=2).contains(&h) && matches!(b.get(h), Some(b':' | b'.')) && b.get(h + 1..h + 3).is_some_and(|m| m.iter().all(u8::is_ascii_digit));
        ok.then_some(h + 3)
    };
    let Some(mut n) = time(line) else { return line };
    // a range: "13:30–14:00", "9.00 - 10.30"
    let rest = line[n..].trim_start_matches([' ', '-', '\u{2013}']);
    if let Some(m) = time(rest).filter(|_| rest.len() < line[n..].len()) {
        n = line.len() - rest.len() + m;
    }
    line[n..].trim_start()
}

fn starts_with_pronoun(s: &str) -> bool {
    const PRONOUN_STARTS: [&str; 17] = ["he ", "she ", "his ", "her ", "in his ", "in her ", "the speaker ", "the ambassador ", "the minister ", "according to him", "according to her", "while ", "elaborating", "explaining", "citing", "discussing", "highlighting"];
    // the patterns are ASCII and at most 20 bytes: the first 20 characters lower-cased
    // begin the same as the whole text lower-cased
    let s = s.trim_start();
    let head = &s.as_bytes()[..s.len().min(20)];
    if head.is_ascii() {
        // (then they are the first 20 characters, lower-cased by ASCII rules)
        let mut l = [0u8; 20];
        let l = &mut l[..head.len()];
        l.copy_from_slice(head);
        l.make_ascii_lowercase();
        // (most texts open with a letter no pattern opens with)
        return PRONOUN_STARTS.iter().any(|p| l.first() == p.as_bytes().first() && l.starts_with(p.as_bytes()));
    }
    let l = s[..s.char_indices().nth(20).map_or(s.len(), |(i, _)| i)].to_lowercase();
    PRONOUN_STARTS.iter().any(|p| l.starts_with(p))
}

fn has_speech_verb(doc: &Doc, s: (usize, usize)) -> bool {
    words(&doc.text()[s.0..s.1]).any(|(_, w)| speech_verb(doc, w))
}

/// `lex.is_speech_verb(w)`, without the look-up for a capitalised word (the verbs are
/// stored in lower case).
fn speech_verb(doc: &Doc, w: &str) -> bool {
    !w.starts_with(|c: char| c.is_ascii_uppercase()) && doc.lex.is_speech_verb(w)
}

/// The words of `s`, the runs of alphabetic characters, with their byte offsets: the
/// non-empty pieces of `s.split(|c: char| !c.is_alphabetic())`.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = s.as_bytes();
    // (the byte length of the character at `i`, and whether it is alphabetic)
    let char_at = move |i: usize| match b[i] {
        c if c.is_ascii() => (1, c.is_ascii_alphabetic()),
        _ => s[i..].chars().next().map_or((1, false), |c| (c.len_utf8(), c.is_alphabetic())),
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            let (n, alpha) = char_at(i);
            if alpha {
                break;
            }
            i += n;
        }
        let start = i;
        while i < b.len() {
            let (n, alpha) = char_at(i);
            if !alpha {
                break;
            }
            i += n;
        }
        (i > start).then(|| (start, &s[start..i]))
    })
}

/// Persons that are subjects of a speech verb in the sentence: those before the first
/// speech verb, when the verb is not a question or thanks aimed at them.
fn subjects<'a>(doc: &Doc, persons: &[&'a PMention], s: (usize, usize)) -> Vec<&'a PMention> {
    // (the subjects are some of `persons`: a sentence naming none has none, and its speech
    // verbs need no look-up)
    if persons.is_empty() {
        return Vec::new();
    }
    // each clause has its own subject: "A discussed X, while B examined Y"
    let t = doc.text();
    let sent = &t[s.0..s.1];
    let mut bounds = vec![s.0];
    // (each separator opens with ',' or ';', which it holds once)
    for (p, _) in sent.match_indices([',', ';']) {
        for sep in [", while ", "; while ", ", whereas ", "; "] {
            if sent[p..].starts_with(sep) {
                bounds.push(s.0 + p + sep.len());
            }
        }
    }
    bounds.sort();
    bounds.dedup();
    if bounds.len() > 1 {
        let mut out = Vec::new();
        for (i, &b) in bounds.iter().enumerate() {
            let e = bounds.get(i + 1).copied().unwrap_or(s.1);
            let ps: Vec<&PMention> = persons.iter().copied().filter(|p| p.m.start >= b && p.m.end <= e).collect();
            out.extend(clause_subjects(doc, &ps, (b, e)));
        }
        return out;
    }
    clause_subjects(doc, persons, s)
}

fn clause_subjects<'a>(doc: &Doc, persons: &[&'a PMention], s: (usize, usize)) -> Vec<&'a PMention> {
    if persons.is_empty() {
        return Vec::new();
    }
    let t = doc.text();
    let sent = &t[s.0..s.1];
    // first speech verb position outside names
    let mut verb = None;
    for (off, w) in words(sent) {
        let at = s.0 + off;
        if !speech_verb(doc, w) {
            continue;
        }
        if persons.iter().any(|p| p.m.start <= at && at < p.m.end) {
            continue;
        }
        verb = Some(at);
        break;
    }
    let Some(v) = verb else { return Vec::new() };
    // quote first, then the speaker: '"…," said Mr. LEE Hwa-young, Member of …'
    let before_verb = t[s.0..v].trim_end();
    if before_verb.ends_with('"') || before_verb.ends_with(",\"") || before_verb.ends_with('\'') {
        let vend = v + t[v..].find(' ').unwrap_or(0);
        if let Some(p) = persons.iter().copied().find(|p| p.m.start >= vend && p.m.start <= vend + 2) {
            return vec![p];
        }
    }
    // a later clause's own subject: "… Guðmundsdóttir explained that …, and Katrin Mæhle
    // called for …", "… while Lindström-Nyberg presented …"
    let later = persons.iter().copied().filter(|p| {
        p.m.start > v && {
            let before = t[s.0..p.m.start].trim_end();
            (before.ends_with(", and") || before.ends_with("; and") || before.ends_with(';') || before.ends_with(", while") || before.ends_with(", whereas"))
                && t[p.m.end..].split_whitespace().next().is_some_and(|w| speech_verb(doc, w))
        }
    });
    persons
        .iter()
        .copied()
        .filter(|p| p.m.end <= v)
        .chain(later)
        .filter(|p| {
            // the antecedent of "who": "… opened with Staatssekretär Brückner, who said"
            if t.get(p.m.end..v).is_some_and(|g| g.trim_start_matches(',').trim() == "who") {
                return true;
            }
            // not the object of "thanked X", "asked X", "invited X", "according to"
            let before = t[s.0..p.m.start].trim_end().to_lowercase();
            // nor the source quoted: "according to its Executive Vice Chairman, Dr. X"
            let near = &before[before.floor_char_boundary(before.len().saturating_sub(80))..];
            !["thanked", "asked", "invited", "welcomed", "introduced", "answering", "congratulated", "commended", "to", "with", "by"]
                .iter()
                .any(|w| before.ends_with(w))
                && !near.contains("according to")
        })
        .collect()
}

/// Chooses the persons a cue applies to. `next_cue`, where the next cue of the sentence or
/// line begins, bounds a list (and is read for nothing else).
#[allow(clippy::too_many_arguments)]
fn pick<'a>(
    doc: &'a Doc,
    persons: &[&'a PMention],
    target: CueTarget,
    cs: usize,
    ce: usize,
    window: usize,
    s: (usize, usize),
    focus: Option<usize>,
    next_cue: usize,
) -> Vec<&'a PMention> {
    let t = doc.text();
    match target {
        CueTarget::After => {
            let mut out: Vec<&PMention> = Vec::new();
            for p in persons.iter().copied().filter(|p| p.m.start >= ce) {
                match out.last() {
                    None => {
                        if p.m.start - ce > window {
                            break;
                        }
                        out.push(p);
                    }
                    Some(prev) => {
                        // persons joined by "and", ",", ";" with only titles between ("…, on behalf of the
                        // Minister; and by Mr. Y")
                        let gap = &t[prev.m.end..p.m.start];
                        let joined = gap.len() < 160
                            && (gap.contains(" and ") || gap.contains(',') || gap.contains(';') || gap.contains('&'))
                            && !gap.contains(". ")
                            && gap.split_whitespace().filter(|w| w.chars().next().is_some_and(|c| c.is_lowercase())).all(|w| matches!(w, "and" | "of" | "the" | "for" | "at" | "in" | "&" | "former" | "by" | "on" | "behalf"))
                            // "by" only opening the next item; whom an item acts on behalf of is
                            // no item of the list unless a ';' closes the item first
                            && (!gap.contains(" by ") || gap.trim_end().ends_with(" by"))
                            && gap.rfind("behalf").is_none_or(|b| gap[b..].contains(';'));
                        // "chaired by Dr. Tanaka, Dr. Pryor-Whitcombe described …": a name after
                        // a comma that a speech verb follows opens the main clause
                        let main_clause = || !gap.contains(" and ") && !gap.contains(';') && t[p.m.end..].split_whitespace().next().is_some_and(|w| speech_verb(doc, w));
                        if !joined || main_clause() {
                            break;
                        }
                        out.push(p);
                    }
                }
            }
            out
        }
        CueTarget::Before => {
            if let Some(p) = persons.iter().copied().filter(|p| p.m.end <= cs).last() {
                if cs - p.m.end <= window.max(200) {
                    return vec![p];
                }
            }
            if persons.iter().all(|p| p.m.start >= ce) {
                if let Some(f) = focus {
                    if starts_with_pronoun(&t[s.0..s.1]) {
                        return doc.pm.iter().filter(|p| p.person == f).take(1).collect();
                    }
                }
            }
            Vec::new()
        }
        CueTarget::Near => {
            let best = persons
                .iter()
                .copied()
                .map(|p| {
                    let d = if p.m.end <= cs { cs - p.m.end } else if p.m.start >= ce { p.m.start - ce } else { 0 };
                    (d, p)
                })
                .filter(|(d, _)| *d <= window)
                .min_by_key(|(d, p)| (*d, p.m.start));
            match best {
                Some((_, p)) => vec![p],
                None => {
                    if let Some(f) = focus {
                        if persons.is_empty() && starts_with_pronoun(&t[s.0..s.1]) {
                            return doc.pm.iter().filter(|p| p.person == f).take(1).collect();
                        }
                    }
                    Vec::new()
                }
            }
        }
        CueTarget::List => {
            // a header cue ("Speakers: …") runs to the end of its line, one inside a
            // sentence to the end of the sentence or the next cue
            let line = doc.lines.iter().find(|l| l.0 <= cs && ce <= l.1).copied().unwrap_or(s);
            let header = t[line.0..cs].trim().is_empty();
            let end = if header { line.1.min(next_cue.max(ce)) } else { s.1.min(next_cue) };
            let mut found: Vec<&PMention> = doc.pm.iter().filter(|p| p.m.start >= ce && p.m.end <= end).collect();
            // the list ends where prose goes on: "… and Erik Sandvall, First Secretary of the
            // Embassy. Several speakers referred to … Gonzalo Errázuriz Montt"
            if let Some(k) = (1..found.len()).find(|&k| {
                let gap = &t[found[k - 1].m.end..found[k].m.start];
                gap.match_indices(". ").any(|(i, _)| gap[i + 2..].split(|c: char| !c.is_alphabetic()).next().is_some_and(|w| w.starts_with(char::is_uppercase) && doc.lex.is_common_word(w) && !doc.lex.is_title(w)))
            }) {
                found.truncate(k);
            }
            if found.is_empty() && end == s.1 {
                // "… the guests who confirmed their attendance. They include A; B; C."
                if let Some(&(_, next)) = doc.sentences.iter().find(|(_, x)| x.0 >= s.1) {
                    let l = t[next.0..next.1].trim_start().to_lowercase();
                    if ["they include", "they included", "they are", "they were", "these include", "these included", "among them", "those present", "they comprised"].iter().any(|p| l.starts_with(p)) {
                        return doc.pm.iter().filter(|p| p.m.start >= next.0 && p.m.end <= next.1).collect();
                    }
                }
            }
            found
        }
        CueTarget::BeforeAll => {
            // the clause before the cue: back to ';', a previous clause's verb is not checked
            let clause_start = t[s.0..cs].rfind(';').map_or(s.0, |p| s.0 + p + 1);
            let found: Vec<&PMention> = persons.iter().copied().filter(|p| p.m.start >= clause_start && p.m.end <= cs).collect();
            if found.is_empty() {
                return pick(doc, persons, CueTarget::Before, cs, ce, window, s, focus, next_cue);
            }
            found
        }
        CueTarget::Heading => Vec::new(),
    }
}

/// A transcript turn's label at the start of `line` ("FERREIRA:", "ANA LUÍSA FERREIRA:",
/// "MR. OKAFOR:"): the one person of the report whose name it gives (all its words among the
/// name's, or its one word the family name), and the label's length. Labels are written in
/// capitals, one to four words, and followed by text.
fn turn_label(doc: &Doc, line: &str) -> Option<(usize, usize)> {
    let colon = line.find(':')?;
    let label = line[..colon].trim();
    if colon > 60 || label.is_empty() || line[colon + 1..].trim().is_empty() || label.chars().any(|c| c.is_lowercase() || c.is_ascii_digit()) {
        return None;
    }
    let words: Vec<String> = label.split_whitespace().filter(|w| !doc.lex.is_abbreviation(w.trim_end_matches('.'))).map(super::key_token).collect();
    if words.is_empty() || words.len() > 4 || words.iter().any(|w| w.chars().count() < 2 || !w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\''))) {
        return None;
    }
    let mut found = None;
    // (the persons' name tokens, folded as `key_token` folds the label's words)
    for (i, name) in doc.person_tokens.iter().enumerate() {
        // (the family name comes before a generational suffix: "BELL:" for Marcus Bell Jr.)
        let suffix = |w: &String| {
            let mut cap: String = w.chars().take(1).flat_map(char::to_uppercase).collect();
            cap.push_str(&w[w.chars().next().map_or(0, char::len_utf8)..]);
            doc.lex.is_postnominal_word(&cap) || doc.lex.is_postnominal_word(&w.to_uppercase())
        };
        let family = match name.split_last() {
            Some((last, rest)) if rest.len() >= 2 && suffix(last) => rest.last(),
            _ => name.last(),
        };
        let fits = if words.len() == 1 { name.len() >= 2 && family == words.first() } else { words.iter().all(|w| name.contains(w)) };
        if fits {
            if found.is_some() {
                return None; // two persons answer to the label
            }
            found = Some(i);
        }
    }
    found.map(|p| (p, colon + 1))
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, Fact};
    use crate::ingest::Document;
    use crate::lexicon::Lexicon;
    use crate::text::clean;

    /// The roles found in `text`, as "name: role", sorted.
    fn roles(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        let x = extract(&clean(&Document::new("t.txt", text), &lex), &lex);
        let mut out: Vec<String> = x
            .facts
            .iter()
            .filter_map(|f| match f {
                Fact::Role { person, role, .. } => Some(format!("{}: {}", x.persons[*person].name, role)),
                _ => None,
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn questions_outside_a_qa_section() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "asked whether",
                "The committee met on 3 May 2024. Dr. Helen Marsh, director of the Kestrel Institute, said that patrols were too few. Senator Paul Dwyer asked Dr. Marsh whether the budget allowed more.",
                &["Helen Marsh: speaker", "Paul Dwyer: questioner"],
            ),
            (
                "a speaker's rhetorical question",
                "Dr. Helen Marsh said that patrols were too few. She asked how long the region could wait. Dr. Marsh added that funds were short.",
                &["Helen Marsh: speaker"],
            ),
            (
                "question from",
                "The panel was moderated by Jane Okoro. Then a question from Tom Ellery, a former fisheries officer: who pays?",
                &["Jane Okoro: moderator", "Tom Ellery: questioner"],
            ),
            (
                "an open discussion that followed",
                "The seminar was held on 3 May 2024. Dr. Helen Marsh presented a paper on patrols. An open discussion session followed the presentations. Brigadier General Tareq Chowdhury commented that the private sector should help.",
                &["Helen Marsh: speaker", "Tareq Chowdhury: questioner"],
            ),
            (
                "the master of ceremonies and a keynote to come",
                "The launch will be held on 3 May 2027. The keynote address is expected to be delivered by Prof. Ama Boateng. The Master of Ceremonies for the day will be the broadcaster Kofi Ekpe.",
                &["Ama Boateng: keynote", "Kofi Ekpe: moderator"],
            ),
            (
                "the committee's chairperson in apposition",
                "The hearing was held on 3 May 2024. The committee chairperson, Ms Nomvula Dlamini, opened the hearing. Dr. Helen Marsh said that patrols were too few.",
                &["Helen Marsh: speaker", "Nomvula Dlamini: chair"],
            ),
            (
                "took part in the discussion, including",
                "The forum was held on 3 May 2024. Dr. Helen Marsh said that patrols were too few. Representatives of the Eurasian Bank also took part in the discussion, including Gulnara Abdrakhmanova, Head of Division.",
                &["Gulnara Abdrakhmanova: attendee", "Helen Marsh: speaker"],
            ),
            (
                "role as a title before the name",
                "The panel met on 3 May 2024. Moderator Jane Okoro thanked the panel. Dr. Helen Marsh said that patrols were too few.",
                &["Helen Marsh: speaker", "Jane Okoro: moderator"],
            ),
            (
                "scheduled but absent",
                "The panel was moderated by Jane Okoro. Ambassador Chanida Wong, who had been scheduled to speak, was unable to attend. Dr. Helen Marsh said that patrols were too few.",
                &["Helen Marsh: speaker", "Jane Okoro: moderator"],
            ),
            (
                "transcript labels",
                "Guests:\nAna Luisa Ferreira, senior researcher, Atlantic Institute\nDr. Jonas Ekberg, professor of law, Nordic Centre\n\nANA LUISA FERREIRA: Thank you. Nobody polices the high seas.\n\nEKBERG: Port state measures are the most practical.\n\nNOTE: the recording was cut here.",
                &["Ana Luisa Ferreira: speaker", "Jonas Ekberg: speaker"],
            ),
            (
                "transcript label for a name with a suffix, a question's asker in brackets",
                "Featuring: Marcus Bell Jr., former commissioner.\n\nBELL: Cost allocation is where good lines go to die.\n\nQ (Dwayne K. Mercer, Appalachian Ratepayers Coalition): Why should we pay?",
                &["Dwayne K. Mercer: questioner", "Marcus Bell Jr: speaker"],
            ),
            (
                "the antecedent of 'who said', a closing cue",
                "The discussion opened with Staatssekretär Johannes Brückner, who said that the network was ready. Closing the dialogue, Dr. Ana Silva announced a fifth edition.",
                &["Ana Silva: speaker", "Johannes Brückner: speaker"],
            ),
            (
                "a programme's label with the name on the next line",
                "PROGRAM\n\n13:30  Opening Remarks:\n       Dr. Jane Okoro (President, Harbour Institute)\n\n13:40-14:30  Keynote Speech:\n       Ambassador Tom Ray (Fellow, Sea Centre)",
                &["Jane Okoro: host", "Tom Ray: keynote"],
            ),
            (
                "a chair's name, then the main clause's subject",
                "The event was held on 3 May 2024. In Session 2, chaired by Dr. Yui Tanaka, Dr. Lachlan Pryor-Whitcombe described the network.",
                &["Lachlan Pryor-Whitcombe: speaker", "Yui Tanaka: chair"],
            ),
            (
                "a list of those present ends where prose goes on",
                "The seminar was held on 3 May 2024. Among those present were Deputy Carmen Pizarro and Erik Sandvall, First Secretary of the Embassy. Several speakers referred to the reform of former Minister Gonzalo Errázuriz.",
                &["Carmen Pizarro: attendee", "Erik Sandvall: attendee"],
            ),
            (
                "a later clause's own subject in an open debate",
                "The dialogue was held on 9 October 2025.\n\nDebate\n\nIn the open debate, three participants took the floor. Dr. Ana Silva asked whether the budget held. Þórdís Guðmundsdóttir explained that a roadmap was ready, and Katrin Mæhle called for training agreements.",
                &["Ana Silva: questioner", "Katrin Mæhle: questioner", "Þórdís Guðmundsdóttir: questioner"],
            ),
            (
                "on behalf of the co-organiser",
                "The seminar was held on 14 August 2025. On behalf of the co-organizer, the Ambassador of Sweden to Chile, Annika Bergström, described the Swedish system.",
                &["Annika Bergström: host"],
            ),
            (
                "attendee who asks",
                "Participants included Rita Soames, analyst, Harbour Trust. Rita Soames asked why the fund was late.",
                &["Rita Soames: questioner"],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(roles(text), want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "case {name}");
        }
    }

    #[test]
    fn clock_times_before_labels() {
        for (line, want) in [("13:30  Opening Remarks:", "Opening Remarks:"), ("9.00\u{2013}10.30 Panel", "Panel"), ("13:40 - 14:30 Keynote", "Keynote"), ("2025 Report", "2025 Report"), ("1:3 ratio", "1:3 ratio"), ("Chair: Dr. X", "Chair: Dr. X")] {
            assert_eq!(super::strip_clock_time(line), want, "{line}");
        }
    }

    #[test]
    fn a_list_of_statements_on_behalf_of_others() {
        let got = roles("The meeting was held on 3 May 2024. Statements were delivered by Mr. Tom Ray, on behalf of the Prime Minister; Ms. Ann Lee, on behalf of the Chairperson; and by Dr. Omar Haddad.");
        assert_eq!(got, ["Ann Lee: speaker", "Omar Haddad: speaker", "Tom Ray: speaker"], "{got:?}");
        // the principal an opener stands in for is no item of the list
        let got = roles("The meeting was held on 3 May 2024. The forum was opened by the Permanent Secretary, Eng. Mwila Banda, on behalf of the Minister, Hon. Dr. Kasonde Phiri.");
        assert!(got.iter().all(|r| !r.starts_with("Kasonde Phiri")), "{got:?}");
    }

    #[test]
    fn presenting_authors_under_a_paper_title() {
        let got = roles("Session 1: Borders\nChair: Dr. Helen Marsh\n\"Fingerprints at Sea\"\nRafael Ortega¹*, Giulia Ferraresi²\n¹ Shannon University\n² Romagna University");
        assert_eq!(got, ["Helen Marsh: chair", "Rafael Ortega: speaker"], "{got:?}");
    }

    #[test]
    fn rapporteur_named_by_the_post() {
        let got = roles("The meeting was held on 3 May 2024. The report was presented by the Rapporteur, Mr. Kofi Mensah, and adopted.");
        assert!(got.iter().any(|r| r == "Kofi Mensah: rapporteur"), "{got:?}");
    }

    #[test]
    fn cues_that_name_and_cues_that_exclude() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "present among others",
                "The seminar was held on 3 May 2024. The keynote was delivered by Dr. Helen Marsh. Registrar Shri Anil Rao, Dean Dr. Meera Iyer and senior officials were present among others.",
                &["Anil Rao: attendee", "Helen Marsh: keynote", "Meera Iyer: attendee"],
            ),
            (
                "the late editor",
                "The seminar was held on 3 May 2024. Dr. Helen Marsh said that patrols were too few. The volume was edited by the late Prof. Omar Haddad.",
                &["Helen Marsh: speaker"],
            ),
            (
                "question headed by its asker",
                "The seminar was held on 3 May 2024. Dr. Helen Marsh said that patrols were too few.\n\nQ (Mr. Tom Ellery, reporter, Harbour Daily): Who pays?\nA (Dr. Marsh): The states.",
                &["Helen Marsh: speaker", "Tom Ellery: questioner"],
            ),
            (
                "lead discussants after a list line ending with an abbreviation",
                "Session 3: Trade\n\nLead discussants:\n- Ms. Hla Win, Director, Golden Lotus Co., Ltd.\n- Dr. Tom Ray, Economist, Bank of Thailand",
                &["Hla Win: discussant", "Tom Ray: discussant"],
            ),
            (
                "keynote with its title, heard from",
                "The meeting was held on 3 May 2024. A keynote address entitled \"One Grid\" was delivered by Prof. Ada Obi. The panel heard from Dr. Helen Marsh.",
                &["Ada Obi: keynote", "Helen Marsh: speaker"],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(roles(text), want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "case {name}");
        }
    }
}
