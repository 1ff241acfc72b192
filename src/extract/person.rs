//! Finding person names: candidate capitalised sequences, then the decision that they
//! are persons (an honorific or rank, a title before the name, a known given name, or a
//! context that introduces a person: apposition, parentheses, "by", list items, speech).

use super::tokens::Token;
use crate::lexicon::Lexicon;
use std::borrow::Cow;

/// A person name found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// Start of the surface form (honorific included).
    pub start: usize,
    /// End of the surface form (post-nominals excluded).
    pub end: usize,
    /// Start of the bare name.
    pub name_start: usize,
    /// Name tokens in given-then-family order, honorifics removed.
    pub tokens: Vec<String>,
    /// An honorific or rank came before the name.
    pub honorific: bool,
    /// A job title came right before the name ("President Putin").
    pub titled: bool,
}

impl NameMention {
    /// The bare name, tokens joined by spaces.
    pub fn name(&self) -> String {
        self.tokens.join(" ")
    }
}

/// Matches honorifics starting at token `i`; returns the index after them (and after any
/// "(R)" / "(Retd)" marks and commas between them), or `i` when there is none.
#[inline]
pub fn honorific_end(toks: &[Token], i: usize, lex: &Lexicon) -> usize {
    // (every part of an honorific is a capitalised token, and the first starts one: most
    // tokens start none)
    if !toks.get(i).is_some_and(|t| t.is_capitalised() && t.starts_honorific(lex)) {
        return i;
    }
    honorifics_end(toks, i, lex)
}

/// [`honorific_end`] from a capitalised token.
fn honorifics_end(toks: &[Token], i: usize, lex: &Lexicon) -> usize {
    let mut k = i;
    loop {
        // every part of an honorific is a capitalised token
        let Some(first) = toks.get(k).filter(|t| t.is_capitalised() && t.starts_honorific(lex)) else { break };
        let mut best = None;
        'outer: for h in lex.honorifics_starting_with(first.text) {
            let mut j = k;
            for part in h {
                let Some(t) = toks.get(j) else { continue 'outer };
                // "Dato'": the apostrophe is a token of its own
                let (word, apostrophe) = match part.strip_suffix('\'') {
                    Some(w) => (w, true),
                    None => (part.as_str(), false),
                };
                if !t.is_capitalised() || !t.lower_is(word) {
                    continue 'outer;
                }
                j += 1;
                if apostrophe {
                    if !toks.get(j).is_some_and(|t| matches!(t.text, "'" | "\u{2019}")) {
                        continue 'outer;
                    }
                    j += 1;
                }
                if toks.get(j).is_some_and(|t| t.text == ".") {
                    // a one-letter honorific ("U Thein") takes no dot: "U.S. Senator …"
                    // (unlike the letters of "H.E.")
                    if word.len() == 1 && h.len() == 1 {
                        continue 'outer;
                    }
                    j += 1;
                }
            }
            best = Some(j);
            break;
        }
        let Some(mut j) = best else { break };
        // retirement marks: (R), (Retd), (Retd.)
        j = skip_retired(toks, j);
        // a second honorific in parentheses: "Prof. (Dr.) Sarojini Mishra", "Dr. (Smt.) Lipsa Das"
        if toks.get(j).is_some_and(|t| t.text == "(") {
            let e = honorifics_end(toks, j + 1, lex);
            if e > j + 1 && toks.get(e).is_some_and(|t| t.text == ")") {
                j = e + 1;
            }
        }
        // "Brig.-Gen.": a hyphen between two ranks
        if toks.get(j).is_some_and(|t| t.text == "-") && toks.get(j + 1).is_some_and(|t| t.is_capitalised()) {
            j += 1;
        }
        k = j;
    }
    k
}

fn skip_retired(toks: &[Token], j: usize) -> usize {
    if toks.get(j).is_some_and(|t| t.text == "(")
        && toks.get(j + 1).is_some_and(|t| crate::text::with_lower(t.text, |l| matches!(l, "r" | "retd" | "rtd" | "retired" | "ret'd" | "ret")))
    {
        let mut e = j + 2;
        if toks.get(e).is_some_and(|t| t.text == ".") {
            e += 1;
        }
        if toks.get(e).is_some_and(|t| t.text == ")") {
            return e + 1;
        }
    }
    j
}

/// Is this word a possible part of a name (capitalised, not a function word, title,
/// institution word)?
/// "al-Rawahi", "el-Sayed", "bin-Laden": a lower-case prefix joined to a capitalised name.
#[inline]
fn prefixed_name(t: &Token) -> bool {
    // (the prefixes are lower-case ASCII words of two to four letters: the hyphen that
    // ends one is the first hyphen, and stands among the bytes 2 to 4; the shortest,
    // "al-X", has four bytes)
    let b = t.text.as_bytes();
    if b.len() < 4 || !b[0].is_ascii_lowercase() || !b[2..b.len().min(5)].contains(&b'-') {
        return false;
    }
    let Some(hyphen) = b.iter().take(5).position(|&c| c == b'-') else { return false };
    let (p, rest) = (&t.text[..hyphen], &t.text[hyphen + 1..]);
    matches!(p, "al" | "el" | "ad" | "ar" | "as" | "ash" | "at" | "az" | "ul" | "bin" | "ibn" | "abu" | "ben" | "bint") && rest.chars().next().is_some_and(char::is_uppercase)
}

#[inline]
fn name_word(t: &Token, lex: &Lexicon) -> bool {
    // (decided by the first byte for most words: lower case, digits, punctuation)
    match t.text.as_bytes().first() {
        Some(b) if b.is_ascii_lowercase() => prefixed_name(t),
        Some(b) if b.is_ascii_uppercase() => capitalised_name_word(t, lex),
        Some(b) if b.is_ascii() => false,
        _ => t.is_word() && t.is_capitalised() && capitalised_name_word(t, lex),
    }
}

/// `name_word` of a capitalised word.
fn capitalised_name_word(t: &Token, lex: &Lexicon) -> bool {
    let w = strip_possessive(t.text);
    if w.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    if w.chars().nth(1).is_none() {
        return true; // an initial; the caller checks its dot
    }
    let c = if w.len() == t.text.len() { t.classes(lex) } else { lex.classes(w) };
    // "Md" (Muhammad) is not the title "MD"
    !(c.intersects(crate::lexicon::WordClasses::NONNAME | crate::lexicon::WordClasses::INSTITUTION_WORD) || c.contains(crate::lexicon::WordClasses::TITLE) && !(t.is_title_case() && w.len() <= 3))
}

/// Adds a name's token, counting it in `name_words` unless it is a particle.
fn push<'a>(tokens: &mut Vec<Cow<'a, str>>, name_words: &mut usize, lex: &Lexicon, w: Cow<'a, str>) {
    *name_words += usize::from(!lex.is_particle(&w));
    tokens.push(w);
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("s'")).unwrap_or(w)
}

/// Finds person names among the tokens of one line.
///
/// `toks` must be the tokens of a single line of cleaned text.
pub fn find_names<'a>(text: &'a str, toks: &[Token<'a>], lex: &Lexicon) -> Vec<NameMention> {
    let mut out = Vec::new();
    // `name_word` of each token, decided once (a name's words are looked at from every
    // start inside it)
    let words: Vec<bool> = toks.iter().map(|t| name_word(t, lex)).collect();
    let name_word_at = |j: usize| words.get(j).copied().unwrap_or(false);
    let mut i = 0;
    // the words of the candidate name (borrowed from the text where written as they are:
    // most candidates are dropped); one list for all of them
    let mut tokens = Vec::<Cow<str>>::new();
    if let Some(m) = caps_byline(toks, lex) {
        i = m.1;
        out.push(m.0);
    }
    while i < toks.len() {
        // a name opens with a name word or an honorific (a capitalised token): from any
        // other token nothing is found
        if !words[i] && !toks[i].is_capitalised() {
            i += 1;
            continue;
        }
        let h_end = match honorific_end(toks, i, lex) {
            h if h == i && toks[i].text == "M" && french_monsieur(toks, i, lex) => i + 2,
            h => h,
        };
        let honorific = h_end > i;
        tokens.clear();
        // the tokens that are not particles
        let mut name_words = 0;
        let mut k = h_end;
        let name_start = toks.get(k).map_or(0, |t| t.start);
        let mut end = 0;
        // number of family-name tokens written first, in capitals
        let mut family_first = 0;
        // at most five name words; particles do not count ("João Carlos de Oliveira Santos")
        while k < toks.len() && name_words < 5 {
            let t = &toks[k];
            // a one-letter particle ("Tomás Ó Briain") is no initial: the particle rule below takes it
            let letter_particle = !tokens.is_empty() && t.text.chars().nth(1).is_none() && lex.is_particle(t.text);
            if words[k] && !letter_particle {
                if t.is_all_caps() {
                    // family names in capitals (French and international usage): a run of
                    // up to three words, never an acronym or post-nominal on its own
                    // before a given name, common words are names too ("PARK Ji-hoon")
                    let first_run = caps_run(toks, k, lex, true);
                    let next_given = toks.get(k + first_run).is_some_and(|n| {
                        n.is_title_case()
                            && name_word_at(k + first_run)
                            && n.text.chars().all(|c| c.is_alphabetic() || c == '-')
                            && honorific_end(toks, k + first_run, lex) == k + first_run
                    });
                    let after_given = !tokens.is_empty() && family_first == 0 && toks[k - 1].is_title_case();
                    if first_run > 0 && tokens.is_empty() && next_given {
                        // before the given name: "KAI Noritake", "NGO BATOUM Christine"
                        for c in &toks[k..k + first_run] {
                            push(&mut tokens, &mut name_words, lex, title_case(c.text).into());
                        }
                        family_first = first_run;
                        k += first_run;
                        continue;
                    }
                    let run = caps_run(toks, k, lex, false);
                    if run > 0 && (after_given || tokens.is_empty() && honorific && plain_address(&text[toks[i].start..t.start])) {
                        // after the given name ("Hélène MBALLA OWONA"), or alone after an
                        // honorific ("Pr MBALLA OWONA")
                        for c in &toks[k..k + run] {
                            push(&mut tokens, &mut name_words, lex, title_case(c.text).into());
                        }
                        end = toks[k + run - 1].end;
                        k += run;
                    }
                    break;
                }
                let single = t.text.chars().count() == 1;
                if single {
                    // an initial needs its dot: "V." in "Danila V. Ganich"
                    if toks.get(k + 1).is_some_and(|d| d.text == ".") && name_word_at(k + 2) {
                        push(&mut tokens, &mut name_words, lex, format!("{}.", t.text).into());
                        end = toks[k + 1].end;
                        k += 2;
                        continue;
                    }
                    break;
                }
                // an abbreviated given name with its dot: "Md. Rafiqul Islam"
                if tokens.is_empty() && lex.is_given_name_abbreviation(t.text) && toks.get(k + 1).is_some_and(|d| d.text == ".") && name_word_at(k + 2) {
                    push(&mut tokens, &mut name_words, lex, format!("{}.", t.text).into());
                    end = toks[k + 1].end;
                    k += 2;
                    continue;
                }
                let w = strip_possessive(t.text);
                push(&mut tokens, &mut name_words, lex, w.into());
                end = t.start + w.len();
                k += 1;
                if w.len() != t.text.len() {
                    break; // possessive ends the name
                }
                continue;
            }
            // a nickname in quotes inside a name is not part of it: Margaret "Meg" Halloran
            if !tokens.is_empty()
                && t.text == "\""
                && name_word_at(k + 1)
                && toks.get(k + 2).is_some_and(|q| q.text == "\"")
                && toks.get(k + 3).is_some_and(|n| name_word_at(k + 3) && !n.is_all_caps())
            {
                k += 3;
                continue;
            }
            // "Ganesan a/l Muniandy", "Kumar s/o Rajan": son or daughter of, with a slash
            if !tokens.is_empty() && t.text.len() == 1 && name_word_at(k + 3) {
                if let (Some(slash), Some(x)) = (toks.get(k + 1), toks.get(k + 2)) {
                    let joined = slash.text == "/" && t.end == slash.start && slash.end == x.start && x.text.len() == 1;
                    if joined && lex.is_particle(&text[t.start..x.end]) {
                        push(&mut tokens, &mut name_words, lex, text[t.start..x.end].into());
                        k += 3;
                        continue;
                    }
                }
            }
            // particles inside a name, possibly several: "Ana de la Cruz", "Jaap de Hoop";
            // or opening it after an honorific: "Dr. de la Fuente"
            if (!tokens.is_empty() || honorific && t.text.starts_with(char::is_lowercase)) && lex.is_particle(t.text) {
                let mut e = k;
                while toks.get(e).is_some_and(|p| lex.is_particle(p.text)) && e - k < 3 {
                    e += 1;
                }
                // (not "y" / "and" before the next person's honorific: "Dr. Rafael da Costa
                // Menezes y Mtra. Josefina Achurra")
                if toks.get(e).is_some_and(|n| name_word_at(e) && !n.is_all_caps() && !prefixed_name(n) || prefixed_name(n)) && honorific_end(toks, e, lex) == e {
                    for p in &toks[k..e] {
                        push(&mut tokens, &mut name_words, lex, p.text.into());
                    }
                    k = e;
                    continue;
                }
            }
            break;
        }
        // names never end with a particle
        while tokens.last().is_some_and(|l| lex.is_particle(l)) {
            tokens.pop();
        }
        if tokens.is_empty() {
            i = if honorific { h_end } else { i + 1 };
            continue;
        }
        let titled = !honorific && title_before(toks, i, lex);
        // one word without an honorific or a title is a person only as a listed mononym,
        // which has a parenthesis after it (see `mononym`)
        if !honorific && !titled && tokens.len() == 1 && !text[end..].starts_with(" (") {
            i += 1;
            continue;
        }
        // the surface keeps a title written right before the name ("Prime Minister Sharif")
        let mut first = i;
        while titled && first > 0 && toks[first - 1].is_capitalised() && is_title_word(&toks[first - 1], lex) {
            first -= 1;
        }
        let start = toks[first].start;
        let tokens = tokens.drain(..).map(Cow::into_owned).collect();
        let m = NameMention { start, end, name_start, tokens: order_tokens(tokens, family_first), honorific, titled };
        if accept(text, &m, toks, i, lex) {
            out.push(m);
            i = k.max(i + 1);
        } else {
            // "Crime Antonio Mario Costa": the name may start further on
            i = if honorific { h_end } else { i + 1 };
        }
    }
    out
}

/// A byline in capitals, "By JANE AKINYI ODHIAMBO" alone on its line (or before a comma or
/// a bar): the name in title case, and the index of the token after it.
fn caps_byline(toks: &[Token], lex: &Lexicon) -> Option<(NameMention, usize)> {
    if !matches!(toks.first()?.text, "By" | "BY") {
        return None;
    }
    let run = caps_run(toks, 1, lex, true);
    let end = 1 + run;
    // the line may go on with the writer's e-mail address: "By JANE DOE jdoe@ledger.com"
    let line_ends = toks.get(end).is_none_or(|t| matches!(t.text, "," | "|" | "/")) || toks[end..].iter().take(3).any(|t| t.text.contains('@'));
    (run >= 2 && line_ends).then(|| {
        let m = NameMention {
            start: toks[1].start,
            end: toks[end - 1].end,
            name_start: toks[1].start,
            tokens: toks[1..end].iter().map(|t| title_case(t.text)).collect(),
            honorific: false,
            titled: false,
        };
        (m, end)
    })
}

/// "M." as the French "Monsieur" rather than an initial: the name it opens has its family
/// name in capitals ("M. Jean-Baptiste ESSOMBA NDZANA", "M. FOUDA"), while an initial opens
/// an ordinary name ("M. Nawaz Khan").
fn french_monsieur(toks: &[Token], i: usize, lex: &Lexicon) -> bool {
    let k = i + 2;
    if toks[i].text != "M" || toks.get(i + 1).is_none_or(|t| t.text != ".") {
        return false;
    }
    (k..(k + 3).min(toks.len())).any(|j| {
        (k..j).all(|g| toks[g].is_title_case() && name_word(&toks[g], lex)) && caps_run(toks, j, lex, false) > 0
    })
}

/// A form of address rather than a rank or office: "Mr", "Mme", "Dr", "Pr", "M.", or any
/// abbreviation with a dot.
fn plain_address(hon: &str) -> bool {
    let hon = hon.trim();
    hon.contains('.') || matches!(hon, "Mr" | "Ms" | "Mrs" | "Dr" | "Prof" | "Pr" | "Mme" | "Mlle" | "Me" | "Mx")
}

/// Puts the family names written first (in capitals) after the given names.
fn order_tokens(mut tokens: Vec<String>, family_first: usize) -> Vec<String> {
    if family_first > 0 && tokens.len() > family_first {
        tokens.rotate_left(family_first);
    }
    tokens
}

/// "MBALLA" → "Mballa", "NGUEMA-ONDO" → "Nguema-Ondo", "D'ALMEIDA" → "D'Almeida".
fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, '-' | '\'' | '\u{2019}');
    }
    out
}

/// Length of the run of family names in capitals starting at token `k` (0 to 3): words of
/// letters (hyphens, apostrophes) that are name words, not post-nominals or honorifics, not
/// common words unless `common` allows them, and at most 15 letters long.
fn caps_run(toks: &[Token], k: usize, lex: &Lexicon, common: bool) -> usize {
    let mut e = k;
    while e < toks.len() && e - k < 3 {
        let t = &toks[e];
        let n = t.text.chars().count();
        let ok = t.is_all_caps()
            && (2..=15).contains(&n)
            && t.text.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}'))
            && name_word(t, lex)
            && (common || !t.classes(lex).contains(crate::lexicon::WordClasses::COMMON_WORD))
            && !lex.is_postnominal_word(t.text)
            && honorific_end(toks, e, lex) == e;
        if !ok {
            break;
        }
        e += 1;
    }
    e - k
}

fn title_before(toks: &[Token], i: usize, lex: &Lexicon) -> bool {
    i > 0 && toks[i - 1].is_capitalised() && is_title_word(&toks[i - 1], lex)
}

/// `lex.titles` holds the word in lower case (no plural forms, unlike `Lexicon::is_title`).
fn is_title_word(t: &Token, lex: &Lexicon) -> bool {
    t.classes(lex).contains(crate::lexicon::WordClasses::TITLE)
}

/// Decides whether a candidate is a person.
fn accept(text: &str, m: &NameMention, toks: &[Token], i: usize, lex: &Lexicon) -> bool {
    let _ = (toks, i);
    // without an honorific or a title only two to four name words (particles aside) can be
    // accepted (every test below either rejects or needs that)
    let name_words = m.tokens.iter().filter(|w| !lex.is_particle(w)).count();
    if !m.honorific && !m.titled && m.tokens.len() == 1 {
        return mononym(text, m, lex);
    }
    if !m.honorific && !m.titled && (m.tokens.len() < 2 || name_words > 4) {
        return false;
    }
    let folded: Vec<String> = m.tokens.iter().map(|t| crate::text::with_fold_lower(t, str::to_string)).collect();
    let bad_token = |w: &String| lex.classes_exact(w).intersects(crate::lexicon::WordClasses::PLACE | crate::lexicon::WordClasses::DEMONYM);
    let whole = folded.join(" ");
    // "Sri Lanka" is a place, not the honorific "Sri" and a name
    if lex.classes_exact(&whole).intersects(crate::lexicon::WordClasses::PLACE | crate::lexicon::WordClasses::DEMONYM) || lex.is_place(&text[m.start..m.end]) {
        return false;
    }
    let words: Vec<&String> = folded.iter().filter(|w| !w.ends_with('.')).collect();
    let is_common = |w: &str| lex.classes_exact(w).contains(crate::lexicon::WordClasses::COMMON_WORD) || w.contains('-') && w.split('-').all(|p| lex.classes_exact(p).contains(crate::lexicon::WordClasses::COMMON_WORD));
    if m.honorific {
        // "Dr. Ilsur", "Ambassador Naela Chohan"; not "General Pakistan", "Chief Executives"
        if m.tokens.len() == 1 {
            let hon = text[m.start..m.name_start].trim();
            return !bad_token(&folded[0]) && (plain_address(hon) || !is_common(&folded[0]));
        }
        return true;
    }
    // (the context is read only where a test needs it)
    let ctx_cell = std::cell::OnceCell::new();
    let ctx = || *ctx_cell.get_or_init(|| context(text, m, lex));
    // a place or nationality among the words ("Pakistan-Russia Cooperation", "South Asia"),
    // unless a list structure says it is a person ("• Milan Nič, DGAP")
    let placeish = |w: &String| bad_token(w) || w.contains('-') && w.split('-').any(|p| lex.classes_exact(p).intersects(crate::lexicon::WordClasses::PLACE | crate::lexicon::WordClasses::DEMONYM));
    // a people's name after a given name is a family name ("Kwame Asante-Darko", "Jane English")
    let first_given = lex.is_given_name(&m.tokens[0]);
    // and so is a double name after it with a part that names no place ("Rafael Ortega-Milán")
    let surname_of_a_people = |k: usize, w: &String| {
        let placeish_part = |p: &str| lex.classes_exact(p).intersects(crate::lexicon::WordClasses::PLACE | crate::lexicon::WordClasses::DEMONYM);
        k > 0 && first_given && (!w.split('-').any(|p| lex.classes_exact(p).contains(crate::lexicon::WordClasses::PLACE)) && w.split('-').any(|p| lex.classes_exact(p).contains(crate::lexicon::WordClasses::DEMONYM)) || !bad_token(w) && w.split('-').any(|p| !placeish_part(p)))
    };
    let n_place = folded.iter().enumerate().filter(|&(k, w)| placeish(w) && !surname_of_a_people(k, w)).count();
    if n_place > 0 && !(ctx() == Context::Strong && n_place < folded.len() && !placeish(&folded[folded.len() - 1])) {
        return false;
    }
    if m.tokens.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return false;
    }
    let given = first_given;
    let all_common = !words.is_empty() && words.iter().all(|w| is_common(w));
    // only common words ("Strategic Stability", "Future Avenues", "Academics") need a
    // given name or a context that can only introduce a person
    if all_common && !given && ctx() != Context::Strong {
        return false;
    }
    if m.titled && (m.tokens.len() >= 2 || m.tokens[0].chars().count() > 2) {
        return true;
    }
    if m.tokens.len() < 2 || name_words > 4 {
        return false;
    }
    given || ctx() != Context::None
}

/// A person known by one name ("Haryono", "Sutarman") as a list item gives it: at the
/// start of a line (after a bullet or a "Speakers:" label), with its title in parentheses
/// after it: "- Haryono (Programme Manager, Yayasan Pangan Nusantara)".
fn mononym(text: &str, m: &NameMention, lex: &Lexicon) -> bool {
    let w = m.tokens[0].as_str();
    // (most candidates have no parenthesis after them)
    let Some(inner) = text[m.end..].strip_prefix(" (") else { return false };
    let plain = w.chars().count() >= 4
        && !w.chars().any(|c| c.is_ascii_digit())
        && !lex.classes(w).intersects(crate::lexicon::WordClasses::COMMON_WORD | crate::lexicon::WordClasses::PLACE | crate::lexicon::WordClasses::DEMONYM | crate::lexicon::WordClasses::TITLE | crate::lexicon::WordClasses::NONNAME)
        && !lex.is_institution_word(w);
    let titled = inner.split([',', ')']).next().is_some_and(|t| t.split_whitespace().any(|x| x.chars().next().is_some_and(char::is_uppercase) && lex.is_title(x)));
    let line = text[..m.start].rsplit('\n').next().unwrap_or("");
    let listed = matches!(line.trim(), "" | "-" | "*" | "\u{2022}") || line.trim_end().ends_with(':') && line.len() <= 40;
    plain && titled && listed
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// Nothing says this is a person.
    None,
    /// Apposition or speech: "X, Senior Fellow", "X said".
    Weak,
    /// Structure that lists persons: bullets, "by", "include", title-first, byline.
    Strong,
}

/// What the text around a candidate says about it.
fn context(text: &str, m: &NameMention, lex: &Lexicon) -> Context {
    let after = text[m.end..].trim_start();
    let after_word = after.trim_start_matches([',', '(', ' ']).split(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
    let aw = after_word.to_lowercase();
    let before = text[..m.start].trim_end();
    let prev_word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("").to_lowercase();

    // a byline: the name opens one of the first lines and "Published" or a date follows
    let raw_before = &text[..m.start];
    // (the lines before are counted last: most names are not bylines)
    if (raw_before.is_empty() || raw_before.ends_with('\n')) && (matches!(aw.as_str(), "published" | "posted" | "updated" | "reports" | "writes") || after.starts_with('|')) && raw_before.matches('\n').nth(3).is_none() {
        return Context::Strong;
    }
    // "Moderator: X", "Compiled by: X" — a short label before the colon
    let label_colon = before.strip_suffix(':').is_some_and(|b| {
        let label = b.rsplit(['\n', '.', ';']).next().unwrap_or("").trim();
        let words: Vec<&str> = label.split_whitespace().collect();
        !words.is_empty() && words.len() <= 4 && words.iter().any(|w| lex.is_title(w.trim_end_matches('s')) || lex.is_title(w) || matches!(w.to_lowercase().as_str(), "by" | "chair" | "chairs" | "speakers" | "panelists" | "panellists" | "moderator" | "discussants" | "guests" | "author" | "authors" | "participants" | "presenters" | "rapporteur"))
    });
    if matches!(prev_word.as_str(), "by" | "include" | "includes" | "included" | "including" | "panellists" | "panelists" | "speakers")
        || label_colon
        || before.ends_with('\u{2022}')
        // the asker of a transcript's question: "Q (Dwayne K. Mercer, Appalachian …):"
        || before.strip_suffix('(').is_some_and(|b| matches!(b.trim_end().rsplit(char::is_whitespace).next(), Some("Q" | "Question" | "QUESTION")))
        // a cell of a table row: "| 11 | Ram Kumar Thapa | Kaski District … |"
        || (before.ends_with('|') && after.starts_with('|'))
        || (before.ends_with('-') && (before.len() == 1 || before.ends_with("\n-")))
    {
        return Context::Strong;
    }
    // title first, then a comma: "Country Director, CARE, Hussaini Abdu" (not the
    // institution closing "Name — Title, Org")
    // (the cleaned text writes every dash as '-')
    let dashed = |b: &str| b.rsplit('\n').next().is_some_and(|l| l.contains(" - "));
    if let Some(b) = before.strip_suffix(',').filter(|b| !dashed(b)) {
        // the title sits in the last two comma-separated chunks: "Title, Org, Name"
        let seg = b.rsplit([';', ':', '.']).next().unwrap_or("");
        let cut = seg.rmatch_indices(',').nth(1).map_or(0, |(p, _)| p + 1);
        let seg = &seg[cut..];
        if seg.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w.chars().next().is_some_and(char::is_uppercase) && lex.is_title(w)) {
            return Context::Strong;
        }
    }
    if after.starts_with('(') {
        return Context::Weak;
    }
    // "Renée Tsosie-Begay — Staff Attorney, …"
    if let Some(rest) = after.strip_prefix("- ") {
        let w = rest.trim_start().split(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
        if w.chars().next().is_some_and(char::is_uppercase) && lex.is_title(w) {
            return Context::Weak;
        }
    }
    if after.starts_with(',') {
        let first_is_title = lex.classes_exact(&aw).contains(crate::lexicon::WordClasses::TITLE)
            || lex.is_postnominal_word(after_word)
            || matches!(aw.as_str(), "a" | "an" | "the" | "former" | "ex" | "who" | "one" | "senior" | "chief" | "founder" | "co-founder");
        // a title within the next few words: "Kwaw Andam, IFPRI Country Program Leader"
        let near_title = after_word.chars().next().is_some_and(char::is_uppercase)
            && after[1..]
            .split(|c: char| c == ',' || c == ';' || c == '.')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .take(5)
            .any(|w| w.chars().next().is_some_and(char::is_uppercase) && lex.is_title(w));
        if first_is_title || near_title {
            return Context::Weak;
        }
    }
    if lex.is_speech_verb(&aw) && !after.starts_with(',') {
        return Context::Weak;
    }
    // a post written before the name: "Ukrainian analyst Oleksandra Hnatiuk-Bondar"
    if !prev_word.is_empty() && lex.is_title(&prev_word) {
        return Context::Weak;
    }
    // the institution the person comes from: "Torben Ahlefeldt-Lund of the Danish Cable
    // Owners' Association asked …"
    // (not "the Sala Kolumnowa of the Hotel …": an article makes it a place)
    let rest = after.strip_prefix("of the ").or_else(|| after.strip_prefix("from the ")).filter(|_| prev_word != "the");
    if let Some(rest) = rest {
        let words = rest.split(|c: char| c.is_whitespace() || c == ',' || c == '.').take_while(|w| w.chars().next().is_some_and(char::is_uppercase)).take(6);
        if words.into_iter().any(|w| lex.is_institution_word(w.trim_end_matches(['\'', '\u{2019}']))) {
            return Context::Weak;
        }
    }
    Context::None
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn names(s: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        let toks = tokenize(s, (0, s.len()));
        find_names(s, &toks, &lex).into_iter().map(|m| format!("{}|{}", &s[m.start..m.end], m.name())).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("honorific", "The session was chaired by Dr. Khurram Iqbal, President of CAPS.", &["Dr. Khurram Iqbal|Khurram Iqbal"]),
            ("rank and retired", "chaired by AVM (R) Faaiz Amir, HI (M), S Bt", &["AVM (R) Faaiz Amir|Faaiz Amir"]),
            ("stacked", "Prof. Dr. Leonid Issaev spoke", &["Prof. Dr. Leonid Issaev|Leonid Issaev"]),
            ("initial", "H.E. Danila V. Ganich presided", &["H.E. Danila V. Ganich|Danila V. Ganich"]),
            ("nickname", "moderated by Margaret \"Meg\" Halloran today", &["Margaret \"Meg\" Halloran|Margaret Halloran"]),
            ("indian honorifics", "Padma Shri Prof. S. Lakshmi Narayanan spoke", &["Padma Shri Prof. S. Lakshmi Narayanan|S. Lakshmi Narayanan"]),
            ("glued", "chaired by Amb.Prof. KAI Noritake, Governor", &["Amb.Prof. KAI Noritake|Noritake Kai"]),
            ("apposition", "Taimur Fahad, Associate Researcher at the Institute", &["Taimur Fahad|Taimur Fahad"]),
            ("title first", "Country Director, CARE, Hussaini Abdu; Founder", &["Hussaini Abdu|Hussaini Abdu"]),
            ("particles", "opened by Jan van Zanen, mayor of The Hague", &["Jan van Zanen|Jan van Zanen"]),
            ("son of, with a slash", "researcher Ganesan a/l Muniandy asked", &["Ganesan a/l Muniandy|Ganesan a/l Muniandy"]),
            ("honorific with an apostrophe", "were Dato' Sri Lim Wei Keong, president", &["Dato' Sri Lim Wei Keong|Lim Wei Keong"]),
            ("second honorific in parentheses", "CUAT Prof. (Dr.) Sarojini Mishra presided", &["Prof. (Dr.) Sarojini Mishra|Sarojini Mishra"]),
            ("listed mononym", "- Haryono (Programme Manager, Yayasan Pangan Nusantara)", &["Haryono|Haryono"]),
            ("name of the institution", "In the discussion, Tarjei Ahlefeldt-Lund of the Danish Cable Owners' Association asked", &["Tarjei Ahlefeldt-Lund|Tarjei Ahlefeldt-Lund"]),
            ("possessive", "Answering AVM Faaiz Amir's first question", &["AVM Faaiz Amir|Faaiz Amir"]),
            ("heading", "Session Highlights", &[]),
            ("sentence start", "Historic transformation in the global order", &[]),
            ("title words", "Director General ISSI, Amb. Aizaz Ahmad Chaudhry said", &["Amb. Aizaz Ahmad Chaudhry|Aizaz Ahmad Chaudhry"]),
            ("president", "the visit of President Putin", &["President Putin|Putin"]),
            ("place", "Islamabad Marriott Hotel", &[]),
            ("chief guest", "The Chief Guest, Foreign Secretary of Pakistan, Ms. Tehmina Janjua", &["Ms. Tehmina Janjua|Tehmina Janjua"]),
            ("capitals after given", "welcomed by Pr Hélène MBALLA OWONA, Director", &["Pr Hélène MBALLA OWONA|Hélène Mballa Owona"]),
            ("capitals before given", "- Mme NGO BATOUM Christine, Deputy Director", &["Mme NGO BATOUM Christine|Christine Ngo Batoum"]),
            ("capitals alone", "Pr MBALLA OWONA thanked the embassy", &["Pr MBALLA OWONA|Mballa Owona"]),
            ("capitals hyphen", "Admiral Jean NGUEMA-ONDO spoke", &["Admiral Jean NGUEMA-ONDO|Jean Nguema-Ondo"]),
            ("post-nominal", "Dame Sarah Whitlock OBE spoke", &["Dame Sarah Whitlock|Sarah Whitlock"]),
            ("monsieur", "presided over by M. Jean-Baptiste ESSOMBA NDZANA, Secretary", &["M. Jean-Baptiste ESSOMBA NDZANA|Jean-Baptiste Essomba Ndzana"]),
            ("initial, not monsieur", "Mr. M. Nawaz Khan asked", &["Mr. M. Nawaz Khan|M. Nawaz Khan"]),
            ("abbreviated given name", "Facilitator: Mr. Md. Rafiqul Islam, Deputy Director", &["Mr. Md. Rafiqul Islam|Md. Rafiqul Islam"]),
            ("place with an honorific's word", "| 7 | Ms. Ruwani Jayasinghe | Lanka Women Forum | Sri Lanka |", &["Ms. Ruwani Jayasinghe|Ruwani Jayasinghe"]),
            ("table cell", "| 11 | Ram Kumar Thapa | Kaski District Committee | Nepal |", &["Ram Kumar Thapa|Ram Kumar Thapa"]),
            ("rank before acronym", "Director General ISSI, Amb. Aizaz Chaudhry", &["Amb. Aizaz Chaudhry|Aizaz Chaudhry"]),
            ("a people's name as family name", "Kwame Asante-Darko, legal adviser, West African Fisheries Commission", &["Kwame Asante-Darko|Kwame Asante-Darko"]),
            ("a double name with a place in it", "Speakers: Rafael Ortega-Milán and Tom Ray.", &["Rafael Ortega-Milán|Rafael Ortega-Milán", "Tom Ray|Tom Ray"]),
            ("one-letter particle", "Discussant: Dr Tomás Ó Briain, Shannon University", &["Dr Tomás Ó Briain|Tomás Ó Briain"]),
            ("one-letter honorific", "U Thein, a retired headmaster, asked", &["U Thein|Thein"]),
            ("particles open a name after an honorific", "Dr. de la Fuente argued", &["Dr. de la Fuente|de la Fuente"]),
            ("'y' before the next honorific", "Dr. Rafael da Costa Menezes y Mtra. Josefina Achurra", &["Dr. Rafael da Costa Menezes|Rafael da Costa Menezes", "Mtra. Josefina Achurra|Josefina Achurra"]),
            ("Gulf honorifics, Sultan as a given name", "H.E. Sheikha Dr. Latifa bint Saeed Al Marar and H.H. Sheikh Sultan bin Humaid", &["H.E. Sheikha Dr. Latifa bint Saeed Al Marar|Latifa bint Saeed Al Marar", "H.H. Sheikh Sultan bin Humaid|Sultan bin Humaid"]),
            ("the asker of a transcript's question", "Q (Dwayne Mercer, Appalachian Ratepayers Coalition): Why?", &["Dwayne Mercer|Dwayne Mercer"]),
            ("not a one-letter honorific", "U.S. Senator Mary Jones attended", &["Senator Mary Jones|Mary Jones"]),
            ("post-nominal in capitals before the name", "hosted by MEP Veronika Šťastná and others", &["Veronika Šťastná|Veronika Šťastná"]),
            ("a field word before the given name", "Commissioner for Water Resources Fatoumata Diallo-Keita said", &["Fatoumata Diallo-Keita|Fatoumata Diallo-Keita"]),
            ("nationality before a name", "Pakistani Ambassador Asad Khan spoke", &["Ambassador Asad Khan|Asad Khan"]),
            ("post before the name", "Ukrainian analyst Oleksandra Hnatiuk-Bondar of the Kyiv Energy Policy Centre", &["Oleksandra Hnatiuk-Bondar|Oleksandra Hnatiuk-Bondar"]),
            ("byline in capitals", "By JANE AKINYI ODHIAMBO", &["JANE AKINYI ODHIAMBO|Jane Akinyi Odhiambo"]),
            ("byline with outlet", "BY GRACE BAKER, Daily Ledger", &["GRACE BAKER|Grace Baker"]),
            ("caps after by in prose", "By NATO standards", &[]),
            ("byline with e-mail", "By NUR AISYAH KAMARUDDIN nation@post.com.my", &["NUR AISYAH KAMARUDDIN|Nur Aisyah Kamaruddin"]),
            ("particles do not count", "CEBEA researcher João Carlos de Oliveira Santos presented", &["João Carlos de Oliveira Santos|João Carlos de Oliveira Santos"]),
        ];
        for (name, input, want) in cases {
            assert_eq!(names(input), want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "case {name}");
        }
    }
}
