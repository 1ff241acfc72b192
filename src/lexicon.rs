//! Lexicons: the general knowledge the extractors use (honorifics, titles, institution
//! words, role cues, given names, places, topics), kept as editable files under
//! `data/lexicon/`. The files are compiled into the binary as defaults; a folder given with
//! `--lexicon DIR` replaces any file it contains.

use crate::text::fold;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use regex_syntax::hir::Look;
use serde::Deserialize;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;
use std::ops::{BitOr, BitOrAssign};
use std::path::Path;

/// The word lists a word is in, as a set of bits (see [`Lexicon::classes`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct WordClasses(u16);

impl WordClasses {
    /// No list.
    pub const NONE: WordClasses = WordClasses(0);
    /// A job-title word ([`Lexicon::titles`]).
    pub const TITLE: WordClasses = WordClasses(1);
    /// An institution head word ([`Lexicon::institution_words`]).
    pub const INSTITUTION_WORD: WordClasses = WordClasses(1 << 1);
    /// A capitalised word that is never a name part ([`Lexicon::nonname`]).
    pub const NONNAME: WordClasses = WordClasses(1 << 2);
    /// A verb of speech as listed ([`Lexicon::speech_verbs`]).
    pub const SPEECH_VERB: WordClasses = WordClasses(1 << 3);
    /// The "-ing" form of a listed verb of speech, made as [`Lexicon::is_speech_verb`] says.
    pub const SPEECH_VERB_ING: WordClasses = WordClasses(1 << 4);
    /// A given name ([`Lexicon::given_names`]).
    pub const GIVEN_NAME: WordClasses = WordClasses(1 << 5);
    /// A common English word ([`Lexicon::common_words`]).
    pub const COMMON_WORD: WordClasses = WordClasses(1 << 6);
    /// A place name ([`Lexicon::places`]).
    pub const PLACE: WordClasses = WordClasses(1 << 7);
    /// A nationality or group adjective ([`Lexicon::demonyms`]).
    pub const DEMONYM: WordClasses = WordClasses(1 << 8);
    /// An abbreviation that does not end a sentence, lower case without its dot (see
    /// [`Lexicon::is_abbreviation`]).
    pub const ABBREVIATION: WordClasses = WordClasses(1 << 9);
    /// The first token of an honorific, lower case without its dot or apostrophe: for an
    /// ASCII word, [`Lexicon::starts_honorific`] (which, unlike [`Lexicon::classes`], does
    /// not fold accents).
    pub const HONORIFIC_START: WordClasses = WordClasses(1 << 10);

    /// True when every class of `other` is in `self`.
    pub fn contains(self, other: WordClasses) -> bool {
        self.0 & other.0 == other.0
    }

    /// True when some class of `other` is in `self`.
    pub fn intersects(self, other: WordClasses) -> bool {
        self.0 & other.0 != 0
    }
}

impl BitOr for WordClasses {
    type Output = WordClasses;
    fn bitor(self, other: WordClasses) -> WordClasses {
        WordClasses(self.0 | other.0)
    }
}

impl BitOrAssign for WordClasses {
    fn bitor_assign(&mut self, other: WordClasses) {
        self.0 |= other.0;
    }
}

/// Abbreviations that do not end a sentence besides the one-word honorifics, lower case
/// without the final dot.
const COMMON_ABBREVIATIONS: &[&str] = &["no", "st", "co", "ltd", "inc", "jr", "sr", "vs", "etc", "approx", "dept", "univ", "assoc", "asst", "gov", "govt", "e.g", "i.e", "u.s", "u.k", "a.m", "p.m", "h.e", "amb", "engr", "eng", "coop", "soc", "corp", "intl", "bros", "pvt", "assn", "natl", "mt", "ft"];

/// Who gets a role cue's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueTarget {
    /// The first person after the cue, plus persons joined to it.
    After,
    /// The nearest person before the cue, else the sentence's pronoun referent.
    Before,
    /// Every person of the clause before the cue ("A, B and C will deliver goodwill messages").
    BeforeAll,
    /// The closest person on either side.
    Near,
    /// Every person after the cue to the end of the line.
    List,
    /// The cue heads a section; speakers in the section get the role.
    Heading,
}

/// A role named by a cue (roles plus `closing`, decided later from affiliation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueRole {
    /// See [`crate::EdgeKind::Speaker`].
    Speaker,
    /// See [`crate::EdgeKind::Keynote`].
    Keynote,
    /// See [`crate::EdgeKind::Chair`].
    Chair,
    /// See [`crate::EdgeKind::Moderator`].
    Moderator,
    /// See [`crate::EdgeKind::Discussant`].
    Discussant,
    /// See [`crate::EdgeKind::ChiefGuest`].
    ChiefGuest,
    /// See [`crate::EdgeKind::Host`].
    Host,
    /// See [`crate::EdgeKind::Rapporteur`].
    Rapporteur,
    /// See [`crate::EdgeKind::Questioner`].
    Questioner,
    /// See [`crate::EdgeKind::Attendee`].
    Attendee,
    /// See [`crate::EdgeKind::Author`].
    Author,
    /// Closing remarks: host for the organiser's people, speaker for others.
    Closing,
}

/// A compiled role cue.
#[derive(Debug, Clone)]
pub struct RoleCue {
    /// The role given.
    pub role: CueRole,
    /// The pattern.
    pub re: Regex,
    /// Who gets it.
    pub target: CueTarget,
    /// Maximum distance in bytes between cue and person.
    pub window: usize,
}

#[derive(Deserialize)]
struct CueFile {
    cue: Vec<CueSpec>,
}

#[derive(Deserialize)]
struct CueSpec {
    role: CueRole,
    pattern: String,
    target: CueTarget,
    window: Option<usize>,
}

#[derive(Deserialize)]
struct KindFile {
    kinds: BTreeMap<String, String>,
}

/// Why a lexicon could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A file could not be read.
    #[error("lexicon {file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A TOML file is malformed.
    #[error("lexicon {file}: {message}")]
    Parse {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
}

/// All lexicons, ready to use.
///
/// The word sets are also gathered, when loaded, into one map from word to
/// [`WordClasses`], which the look-up methods read (one look-up for all lists), and the
/// particles and one-word post-nominals into sets of their own; changing a list or set
/// field afterwards does not change what those methods answer.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Honorific token sequences, lower case without dots, longest first.
    pub honorifics: Vec<Vec<String>>,
    /// `honorifics` indices (in list order) by the honorific's first token.
    honorifics_by_first: HashMap<Box<[u8]>, Vec<usize>>,
    /// Post-nominal token sequences, as written without dots.
    pub postnominals: Vec<Vec<String>>,
    /// Particles inside names ("van", "de", "bin", "Al"), as written.
    pub particles: Vec<String>,
    /// Given names abbreviated with a dot ("Md", "Mohd", "Wm"), as written.
    pub given_name_abbreviations: Vec<String>,
    /// Kinds and legal forms of organisations written before a name in quotes ("JSC",
    /// "Public Foundation"), as written.
    pub quoted_name_forms: Vec<String>,
    /// `particles` as a set, which [`Lexicon::is_particle`] reads.
    particle_set: HashSet<String>,
    /// The length in bytes of the longest particle.
    particle_max_len: usize,
    /// The post-nominals of one word, which [`Lexicon::is_postnominal_word`] reads.
    postnominal_words: HashSet<String>,
    /// Institutions known by one word, as written ([`Lexicon::is_one_word_institution`]).
    one_word_institutions: HashSet<String>,
    /// Company legal forms that count only as written ([`Lexicon::is_legal_form`]).
    legal_forms: HashSet<String>,
    /// Institution head words in other languages → their English form, lower case
    /// ([`Lexicon::english_head_word`]).
    institution_translations: HashMap<String, String>,
    /// Job-title words, lower case.
    pub titles: HashSet<String>,
    /// Institution head words, lower case.
    pub institution_words: HashSet<String>,
    /// Capitalised words that are never name parts, lower case.
    pub nonname: HashSet<String>,
    /// Verbs marking speech, lower case.
    pub speech_verbs: HashSet<String>,
    /// End-of-article markers, lower case.
    pub boilerplate: Vec<String>,
    /// Lines dropped wherever they stand (advertisement slots, inline story links), lower case.
    pub skip_lines: Vec<String>,
    /// Given names, folded lower case.
    pub given_names: HashSet<String>,
    /// Common English words, lower case.
    pub common_words: HashSet<String>,
    /// Place names, folded lower case.
    pub places: HashSet<String>,
    /// Nationality and group adjectives, lower case.
    pub demonyms: HashSet<String>,
    /// Topic phrases as written in the lexicon.
    pub topics: Vec<String>,
    /// `topics` by their first word, for a search that looks only at the starts of words.
    pub topic_index: TopicIndex,
    /// Role cues in priority order.
    pub role_cues: Vec<RoleCue>,
    /// The role cues that head a section or a list (target `heading` or `list`), with those
    /// every match of which begins at the text's start (each alternative of the pattern opens
    /// with `^`: they add states only there), as one set: the cues that may act on a text
    /// naming no person.
    section_cues: CueSet,
    /// The other role cues, which pick persons, as one set. (The cues are searched with two
    /// sets: a lazy DFA makes a state for each mix of its patterns' partial matches that a
    /// text shows, and the states of all the cues in one set cost many times those of the
    /// parts, on reports it has not seen most of the role stage's time.)
    person_cues: CueSet,
    /// Event-kind words (lower case) → kind, longest first.
    pub event_kinds: Vec<(String, String)>,
    /// Finds every occurrence of the `event_kinds` words (pattern `i` is `event_kinds[i].0`).
    event_kind_matcher: AhoCorasick,
    /// A vectorised search for the `event_kinds` words, leftmost first (`None` when there are
    /// too many words for one, or the machine has none): where the first of them begins, found
    /// at a fraction of the automaton's cost.
    event_kind_starts: Option<aho_corasick::packed::Searcher>,
    /// Every word of the word sets (as stored there), the "-ing" forms of the speech verbs
    /// and the abbreviations, with the lists it is in.
    classes: HashMap<Box<[u8]>, WordClasses>,
}

macro_rules! builtin_files {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../data/lexicon/", $name)))),*]
    };
}

const BUILTIN: &[(&str, &str)] = builtin_files!(
    "honorifics.txt",
    "postnominals.txt",
    "particles.txt",
    "given_name_abbreviations.txt",
    "titles.txt",
    "institution_words.txt",
    "one_word_institutions.txt",
    "quoted_name_forms.txt",
    "legal_forms.txt",
    "institution_translations.txt",
    "nonname_words.txt",
    "speech_verbs.txt",
    "boilerplate.txt",
    "skip_lines.txt",
    "given_names.txt",
    "common_words.txt",
    "places.txt",
    "demonyms.txt",
    "topics.txt",
    "role_cues.toml",
    "event_kinds.toml",
);

impl Lexicon {
    /// The lexicons compiled into the binary (the files under `data/lexicon/`).
    pub fn builtin() -> Lexicon {
        Lexicon::from_sources(&|name| BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, s)| s.to_string()))
            .expect("built-in lexicons are valid")
    }

    /// Loads lexicons from a folder; files it lacks come from the built-in set.
    pub fn from_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let mut files = std::collections::HashMap::new();
        for (name, builtin) in BUILTIN {
            let p = dir.join(name);
            let text = if p.exists() {
                std::fs::read_to_string(&p).map_err(|e| LexiconError::Io { file: p.display().to_string(), source: e })?
            } else {
                builtin.to_string()
            };
            files.insert(*name, text);
        }
        Lexicon::from_sources(&|name| files.get(name).cloned())
    }

    fn from_sources(get: &dyn Fn(&str) -> Option<String>) -> Result<Lexicon, LexiconError> {
        let text = |name: &str| get(name).unwrap_or_default();
        let lines = |name: &str| -> Vec<String> {
            text(name)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string)
                .collect()
        };
        let lower_set = |name: &str| -> HashSet<String> { lines(name).into_iter().map(|l| fold(&l).to_lowercase()).collect() };

        let mut honorifics: Vec<Vec<String>> = lines("honorifics.txt")
            .iter()
            .map(|l| honorific_tokens(l))
            .filter(|t| !t.is_empty())
            .collect();
        honorifics.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        honorifics.dedup();
        let mut honorifics_by_first: HashMap<Box<[u8]>, Vec<usize>> = HashMap::default();
        for (i, h) in honorifics.iter().enumerate() {
            // (keyed by the first word as a token reads it: "Dato'" under "dato")
            honorifics_by_first.entry(h[0].trim_end_matches('\'').as_bytes().into()).or_default().push(i);
        }
        let mut postnominals: Vec<Vec<String>> = lines("postnominals.txt")
            .iter()
            .map(|l| l.split_whitespace().map(|t| t.trim_end_matches('.').to_string()).collect::<Vec<_>>())
            .filter(|t: &Vec<String>| !t.is_empty())
            .collect();
        postnominals.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        postnominals.dedup();

        let cue_src = text("role_cues.toml");
        let cues: CueFile = toml::from_str(&cue_src)
            .map_err(|e| LexiconError::Parse { file: "role_cues.toml".into(), message: e.to_string() })?;
        let mut role_cues = Vec::with_capacity(cues.cue.len());
        for c in cues.cue {
            let re = RegexBuilder::new(&ascii_word_boundaries(&c.pattern))
                .case_insensitive(true)
                .multi_line(false)
                .build()
                .map_err(|e| LexiconError::Parse { file: "role_cues.toml".into(), message: e.to_string() })?;
            role_cues.push(RoleCue { role: c.role, re, target: c.target, window: c.window.unwrap_or(120) });
        }
        let (start, other): (Vec<usize>, Vec<usize>) = (0..role_cues.len()).partition(|&i| starts_at_start(role_cues[i].re.as_str()));
        let (sections, persons): (Vec<usize>, Vec<usize>) = other.into_iter().partition(|&i| matches!(role_cues[i].target, CueTarget::Heading | CueTarget::List));
        let mut sections = [start, sections].concat();
        sections.sort_unstable();
        let section_cues = CueSet::new(&role_cues, sections, |p| p.to_string());
        let person_cues = CueSet::new(&role_cues, persons, |p| p.to_string());
        let kinds: KindFile = toml::from_str(&text("event_kinds.toml"))
            .map_err(|e| LexiconError::Parse { file: "event_kinds.toml".into(), message: e.to_string() })?;
        let mut event_kinds: Vec<(String, String)> = kinds.kinds.into_iter().collect();
        event_kinds.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let event_kind_matcher = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .build(event_kinds.iter().map(|(w, _)| w))
            .map_err(|e| LexiconError::Parse { file: "event_kinds.toml".into(), message: e.to_string() })?;
        let event_kind_starts = aho_corasick::packed::Config::new()
            .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(event_kinds.iter().map(|(w, _)| w))
            .build();

        let topics = lines("topics.txt");
        let topic_index = TopicIndex::new(&topics).map_err(|message| LexiconError::Parse { file: "topics.txt".into(), message })?;

        let titles = lower_set("titles.txt");
        let institution_words = lower_set("institution_words.txt");
        let nonname = lower_set("nonname_words.txt");
        let speech_verbs = lower_set("speech_verbs.txt");
        let given_names = lower_set("given_names.txt");
        let common_words = lower_set("common_words.txt");
        let places = lower_set("places.txt");
        let demonyms = lower_set("demonyms.txt");
        let mut classes: HashMap<Box<[u8]>, WordClasses> = HashMap::default();
        let mut add = |word: &str, class: WordClasses| *classes.entry(word.as_bytes().into()).or_default() |= class;
        for (set, class) in [
            (&titles, WordClasses::TITLE),
            (&institution_words, WordClasses::INSTITUTION_WORD),
            (&nonname, WordClasses::NONNAME),
            (&speech_verbs, WordClasses::SPEECH_VERB),
            (&given_names, WordClasses::GIVEN_NAME),
            (&common_words, WordClasses::COMMON_WORD),
            (&places, WordClasses::PLACE),
            (&demonyms, WordClasses::DEMONYM),
        ] {
            set.iter().for_each(|w| add(w, class));
        }
        for v in &speech_verbs {
            for ing in ing_forms(v) {
                add(&ing, WordClasses::SPEECH_VERB_ING);
            }
        }
        for h in honorifics_by_first.keys() {
            // (the keys are lower-case tokens: valid UTF-8)
            add(std::str::from_utf8(h).expect("honorific tokens are text"), WordClasses::HONORIFIC_START);
        }
        // ("Md." does not end a sentence: "Major General Md. Anisur Rahman")
        let given_name_abbreviations = lines("given_name_abbreviations.txt");
        let lower_given: Vec<String> = given_name_abbreviations.iter().map(|a| a.to_lowercase()).collect();
        for a in COMMON_ABBREVIATIONS.iter().copied().chain(honorifics.iter().filter(|h| h.len() == 1).map(|h| h[0].as_str())).chain(lower_given.iter().map(String::as_str)) {
            add(a, WordClasses::ABBREVIATION);
        }

        let particles = lines("particles.txt");
        let particle_set = particles.iter().cloned().collect();
        let particle_max_len = particles.iter().map(String::len).max().unwrap_or(0);
        let postnominal_words = postnominals.iter().filter(|p| p.len() == 1).map(|p| p[0].clone()).collect();
        Ok(Lexicon {
            honorifics,
            honorifics_by_first,
            postnominal_words,
            one_word_institutions: lines("one_word_institutions.txt").into_iter().collect(),
            legal_forms: lines("legal_forms.txt").into_iter().collect(),
            institution_translations: lines("institution_translations.txt")
                .iter()
                .filter_map(|l| l.split_once('=').map(|(a, b)| (fold(a.trim()).to_lowercase(), fold(b.trim()).to_lowercase())))
                .collect(),
            postnominals,
            particle_set,
            particle_max_len,
            particles,
            given_name_abbreviations,
            quoted_name_forms: lines("quoted_name_forms.txt"),
            titles,
            institution_words,
            nonname,
            speech_verbs,
            boilerplate: lines("boilerplate.txt").into_iter().map(|l| l.to_lowercase()).collect(),
            skip_lines: lines("skip_lines.txt").into_iter().map(|l| l.to_lowercase()).collect(),
            given_names,
            common_words,
            places,
            demonyms,
            topics,
            topic_index,
            role_cues,
            person_cues,
            section_cues,
            event_kinds,
            event_kind_matcher,
            event_kind_starts,
            classes,
        })
    }

    /// Indices (into `role_cues`, ascending) of the cues whose pattern matches somewhere in
    /// `text`: exactly those `i` for which `role_cues[i].re.is_match(text)`.
    pub fn role_cues_matching(&self, text: &str) -> Vec<usize> {
        let mut hits = Vec::new();
        for part in [&self.section_cues, &self.person_cues] {
            part.push_matching(&self.role_cues, text, &mut hits);
        }
        // (in `role_cues` the sets' cues are interleaved)
        hits.sort_unstable();
        hits
    }

    /// Indices (into `role_cues`, ascending) of cues that match `text`: every cue that heads
    /// a section or a list (target `heading` or `list`) and matches, and maybe some other
    /// cues that match (those every match of which begins at the text's start). A part of
    /// what [`Lexicon::role_cues_matching`] finds, with all its section and list cues, from
    /// one of its two searches.
    pub fn role_cues_matching_sections(&self, text: &str) -> Vec<usize> {
        let mut hits = Vec::new();
        self.section_cues.push_matching(&self.role_cues, text, &mut hits);
        hits
    }

    /// For each of `event_kinds`, where its word first occurs in `text` (what `text.find(word)`
    /// says), from one search for all of them.
    pub fn event_kind_positions(&self, text: &str) -> Vec<Option<usize>> {
        let mut first = vec![None; self.event_kinds.len()];
        for m in self.event_kind_matcher.find_overlapping_iter(text) {
            let p = &mut first[m.pattern().as_usize()];
            if p.is_none_or(|p| m.start() < p) {
                *p = Some(m.start());
            }
        }
        first
    }

    /// True when `text` contains one of the `event_kinds` words.
    pub fn mentions_event_kind(&self, text: &str) -> bool {
        match &self.event_kind_starts {
            Some(starts) => starts.find(text).is_some(),
            None => self.event_kind_matcher.is_match(text),
        }
    }

    /// True when `word` (without its dot) is an abbreviation that does not end a sentence:
    /// a one-word honorific ("Dr", "Prof", "Lt"), an abbreviated given name ("Md") or a
    /// common abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        with_key(word.trim_end_matches('.'), false, |k| self.key_classes(k).contains(WordClasses::ABBREVIATION))
    }

    /// The lists `word` is in, accents and case ignored (looked up as
    /// `fold(word).to_lowercase()`, the form the word sets are stored in).
    pub fn classes(&self, word: &str) -> WordClasses {
        with_key(word, true, |k| self.key_classes(k))
    }

    /// The lists `word` is in, looked up exactly as given: `lex.titles.contains(w)` is
    /// `lex.classes_exact(w).contains(WordClasses::TITLE)`, and so on.
    pub fn classes_exact(&self, word: &str) -> WordClasses {
        self.key_classes(word.as_bytes())
    }

    fn key_classes(&self, key: &[u8]) -> WordClasses {
        self.classes.get(key).copied().unwrap_or_default()
    }

    /// Is `word`, as written, a given name abbreviated with a dot ("Md", "Mohd")?
    pub fn is_given_name_abbreviation(&self, word: &str) -> bool {
        self.given_name_abbreviations.iter().any(|a| a == word)
    }

    /// Is `word`, as written, a name particle ("van", "bin", "Al")?
    pub fn is_particle(&self, word: &str) -> bool {
        // (most words are longer than any particle)
        word.len() <= self.particle_max_len && self.particle_set.contains(word)
    }

    /// True when `lower` (lower case, without dot) is a whole honorific ("dr", "prof").
    pub fn is_one_word_honorific(&self, lower: &str) -> bool {
        self.honorifics_by_first.get(lower.as_bytes()).is_some_and(|ix| ix.iter().any(|&i| self.honorifics[i].len() == 1))
    }

    /// The honorifics (in list order: longest first) whose first token is `word` in lower
    /// case, i.e. those `h` with `h[0] == word.to_lowercase()` (or that with an apostrophe
    /// after it: "Dato'").
    pub fn honorifics_starting_with<'a>(&'a self, word: &str) -> impl Iterator<Item = &'a [String]> + 'a {
        let ix = with_key(word, false, |l| self.honorifics_by_first.get(l));
        ix.into_iter().flatten().map(|&i| self.honorifics[i].as_slice())
    }

    /// True when some honorific's first token is `word` in lower case: when
    /// `honorifics_starting_with(word)` yields one.
    pub fn starts_honorific(&self, word: &str) -> bool {
        with_key(word, false, |l| self.honorifics_by_first.contains_key(l))
    }

    /// True for a verb of speech, in the forms listed or their "-ing" form
    /// ("offering" from "offered", "adding" from "added"); `w` is looked up as given.
    pub fn is_speech_verb(&self, w: &str) -> bool {
        self.classes_exact(w).intersects(WordClasses::SPEECH_VERB | WordClasses::SPEECH_VERB_ING)
    }

    /// True for a job-title word (accents and case ignored, as in the folded list), or its
    /// plural in "-s".
    pub fn is_title(&self, word: &str) -> bool {
        with_key(word, true, |k| {
            self.key_classes(k).contains(WordClasses::TITLE) || k.len() > 3 && k.strip_suffix(b"s").is_some_and(|s| self.key_classes(s).contains(WordClasses::TITLE))
        })
    }

    /// True for an institution head word (accents and case ignored: "Université", "Fundação").
    pub fn is_institution_word(&self, word: &str) -> bool {
        self.classes(word).contains(WordClasses::INSTITUTION_WORD)
    }

    /// True for a known place name (folded, case-insensitive).
    pub fn is_place(&self, name: &str) -> bool {
        self.classes(name).contains(WordClasses::PLACE)
    }

    /// True for a common English word (case-insensitive).
    pub fn is_common_word(&self, w: &str) -> bool {
        self.classes(w).contains(WordClasses::COMMON_WORD)
    }

    /// True for a post-nominal of one word ("OBE", "MP", "PhD"), as written, without a
    /// final dot (the list keeps none).
    pub fn is_postnominal_word(&self, word: &str) -> bool {
        self.postnominal_words.contains(word)
    }

    /// True for an institution known by one word, as written ("Bundestag", "Interpol").
    pub fn is_one_word_institution(&self, word: &str) -> bool {
        self.one_word_institutions.contains(word)
    }

    /// True for a company legal form that counts only as written ("ASA", "AB", "SpA").
    pub fn is_legal_form(&self, word: &str) -> bool {
        self.legal_forms.contains(word)
    }

    /// The English form of an institution head word in another language, both folded and
    /// lower case ("stiftung" → "foundation").
    pub fn english_head_word(&self, word: &str) -> Option<&str> {
        self.institution_translations.get(word).map(String::as_str)
    }

    /// True for a known given name (folded, case-insensitive).
    pub fn is_given_name(&self, name: &str) -> bool {
        self.classes(name).contains(WordClasses::GIVEN_NAME)
    }
}

/// Calls `f` with the bytes of `s.to_lowercase()` (of `fold(s).to_lowercase()` when
/// `folded`), made on the stack for short ASCII text.
fn with_key<R>(s: &str, folded: bool, f: impl FnOnce(&[u8]) -> R) -> R {
    let mut buf = [0u8; 64];
    if s.len() <= buf.len() && s.is_ascii() {
        let b = &mut buf[..s.len()];
        b.copy_from_slice(s.as_bytes());
        for c in b.iter_mut() {
            *c = match c.to_ascii_lowercase() {
                b'`' if folded => b'\'',
                l => l,
            };
        }
        f(b)
    } else if folded {
        f(fold(s).to_lowercase().as_bytes())
    } else {
        f(s.to_lowercase().as_bytes())
    }
}

/// The "-ing" forms `w` for which the speech verb `v` makes `w` one (see
/// [`Lexicon::is_speech_verb`]): `w` is a stem of three or more bytes plus "ing", where the
/// stem plus "ed", the stem plus "d", or (for a doubled last letter, "omitting") the stem
/// without that letter plus "ed" is `v`.
fn ing_forms(v: &str) -> Vec<String> {
    let mut forms = Vec::new();
    if let Some(stem) = v.strip_suffix("ed") {
        if stem.len() >= 3 {
            forms.push(format!("{stem}ing"));
        }
        if let Some(last) = stem.chars().last().filter(|c| c.is_ascii() && stem.len() >= 2) {
            forms.push(format!("{stem}{last}ing"));
        }
    }
    if let Some(stem) = v.strip_suffix('d').filter(|s| s.len() >= 3) {
        forms.push(format!("{stem}ing"));
    }
    forms
}

/// Does every match of `pattern` begin at the text's start (each alternative opens with
/// `^`)? False when it does not parse.
fn starts_at_start(pattern: &str) -> bool {
    regex_syntax::ParserBuilder::new().case_insensitive(true).build().parse(pattern).is_ok_and(|hir| hir.properties().look_set_prefix().contains(Look::Start))
}

/// Some of the role cues, and their patterns as one set, to learn in one pass which of
/// them match a text.
///
/// The set is built from the patterns with their long counted repetitions made unbounded
/// (`[^;]{0,200}?` as `[^;]*?`, see [`relax_repetitions`]): a set that matches wherever the
/// patterns do, and more, with a far smaller automaton (a bounded repetition makes a state
/// for each count, and the set's lazy DFA a state for each mix of counts it meets). A
/// pattern so loosened is checked with its own regex where the set says it matches.
#[derive(Debug, Clone)]
struct CueSet {
    /// Indices into `role_cues`, ascending.
    cues: Vec<usize>,
    /// Pattern `k` is made from that of `role_cues[cues[k]]` (loosened); `None` when the
    /// set does not compile (then each cue's own regex is tried).
    set: Option<RegexSet>,
    /// For pattern `k`, `None` when the set holds it as made, else the regex of the pattern
    /// as made, which decides.
    exact: Vec<Option<Regex>>,
}

impl CueSet {
    /// The set of `cues` with the patterns `pattern` makes of theirs.
    fn new(role_cues: &[RoleCue], cues: Vec<usize>, pattern: impl Fn(&str) -> String) -> CueSet {
        let patterns: Vec<String> = cues.iter().map(|&i| pattern(role_cues[i].re.as_str())).collect();
        let cue_regex = |p: &str| RegexBuilder::new(p).case_insensitive(true).multi_line(false).build().ok();
        let mut exact = Vec::with_capacity(patterns.len());
        let mut loose = Vec::with_capacity(patterns.len());
        for p in &patterns {
            match relax_repetitions(p).and_then(|l| Some((l, cue_regex(p)?))) {
                Some((l, re)) => {
                    loose.push(l);
                    exact.push(Some(re));
                }
                None => {
                    loose.push(p.clone());
                    exact.push(None);
                }
            }
        }
        let set = RegexSetBuilder::new(&loose).case_insensitive(true).multi_line(false).dfa_size_limit(ROLE_CUE_DFA_CACHE).build().ok();
        let set = match set {
            Some(set) => Some(set),
            None => {
                // (as made, the patterns may still compile as a set)
                exact.iter_mut().for_each(|e| *e = None);
                RegexSetBuilder::new(&patterns).case_insensitive(true).multi_line(false).dfa_size_limit(ROLE_CUE_DFA_CACHE).build().ok()
            }
        };
        CueSet { cues, set, exact }
    }

    /// Appends to `out` the cues (ascending) whose set pattern matches `text`.
    fn push_matching(&self, role_cues: &[RoleCue], text: &str, out: &mut Vec<usize>) {
        match &self.set {
            _ if self.cues.is_empty() => {}
            // (most texts match no cue, and a search that stops at the first match costs
            // less than one that looks for all)
            Some(set) if !set.is_match(text) => {}
            Some(set) => out.extend(set.matches(text).into_iter().filter(|&k| self.exact[k].as_ref().is_none_or(|re| re.is_match(text))).map(|k| self.cues[k])),
            None => out.extend(self.cues.iter().copied().filter(|&i| role_cues[i].re.is_match(text))),
        }
    }
}

/// `pattern` (read case-insensitively) with every counted repetition of more than
/// [`RELAXED_REPETITION`] times made unbounded (`x{0,200}?` as `x*?`, `x{1,200}` as
/// `x+`), written out as a regex; `None` when it has no such repetition (or does not
/// parse). The result matches wherever `pattern` does.
fn relax_repetitions(pattern: &str) -> Option<String> {
    use regex_syntax::hir::{Capture, Hir, HirKind, Repetition};
    fn relax(h: &Hir) -> Hir {
        match h.kind() {
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => h.clone(),
            HirKind::Repetition(r) => {
                let max = r.max.filter(|&m| m <= RELAXED_REPETITION);
                Hir::repetition(Repetition { min: r.min, max, greedy: r.greedy, sub: Box::new(relax(&r.sub)) })
            }
            HirKind::Capture(c) => Hir::capture(Capture { index: c.index, name: c.name.clone(), sub: Box::new(relax(&c.sub)) }),
            HirKind::Concat(subs) => Hir::concat(subs.iter().map(relax).collect()),
            HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(relax).collect()),
        }
    }
    let hir = regex_syntax::ParserBuilder::new().case_insensitive(true).build().parse(pattern).ok()?;
    let loose = relax(&hir);
    (loose != hir).then(|| loose.to_string())
}

/// `pattern` with each `\b` / `\B` made an ASCII word boundary (`(?-u:\b)`): a Unicode
/// word boundary makes the regex engines leave their DFAs for a slow NFA simulation on every
/// text with a non-ASCII character (most real reports: accents, dashes), while the cues'
/// boundaries all stand next to ASCII letters of the cue, where the two agree except right
/// beside a non-ASCII letter ("byé").
pub fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(b @ ('b' | 'B')) => {
                out.push_str("(?-u:\\");
                out.push(b);
                out.push(')');
            }
            Some(e) => {
                out.push('\\');
                out.push(e);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Splits an honorific as written into lower-case tokens without dots:
/// "Lt. Gen." → ["lt", "gen"], "H.E." → ["h", "e"].
fn honorific_tokens(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '.')
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
        .collect()
}

/// The topic phrases of a lexicon by their first word, for a search that looks only where a
/// word begins (a phrase counts only as whole words, and most words begin no phrase).
///
/// A phrase's first word is its first run of alphanumeric characters; the phrases are kept
/// with their ASCII letters lower-cased and are compared with a text lower-cased the same way
/// (`str::to_ascii_lowercase`, which keeps every byte offset).
///
/// Complexity: one bucket lookup per word of the text searched (most buckets are empty), and
/// a comparison per phrase in the word's bucket.
#[derive(Debug, Clone, Default)]
pub struct TopicIndex {
    /// Phrase `i`, ASCII-lower-cased.
    phrases: Vec<Box<[u8]>>,
    /// Length in bytes of phrase `i`'s first word.
    first_word: Vec<usize>,
    /// The phrases whose first words have the same [`word_sign`] modulo
    /// [`TOPIC_BUCKETS`], bucket after bucket; in each, longest first (and in lexicon order
    /// among equally long ones).
    by_sign: Vec<usize>,
    /// Bucket `k`'s range in `by_sign`.
    buckets: Vec<(u32, u32)>,
}

/// Number of buckets of a [`TopicIndex`] (a few times the number of first words, so that most
/// buckets are empty and most words of a text end their search there).
const TOPIC_BUCKETS: usize = 1 << 12;

impl TopicIndex {
    /// The index of `topics`; an error names a phrase that does not begin with a letter or a
    /// digit (it could never begin a word).
    pub fn new(topics: &[String]) -> Result<TopicIndex, String> {
        let mut index = TopicIndex::default();
        for t in topics {
            let lower = t.to_ascii_lowercase();
            let first = word_len(&lower);
            if first == 0 {
                return Err(format!("the topic {t:?} does not begin with a letter or a digit"));
            }
            index.first_word.push(first);
            index.phrases.push(lower.into_bytes().into());
        }
        let bucket = |i: usize| word_sign(&index.phrases[i][..index.first_word[i]]) % TOPIC_BUCKETS;
        let mut by_sign: Vec<usize> = (0..topics.len()).collect();
        by_sign.sort_by_key(|&i| (bucket(i), std::cmp::Reverse(index.phrases[i].len()), i));
        let mut buckets = vec![(0, 0); TOPIC_BUCKETS];
        for (k, &i) in by_sign.iter().enumerate() {
            let b = &mut buckets[bucket(i)];
            *b = if b.1 == 0 { (k as u32, k as u32 + 1) } else { (b.0, k as u32 + 1) };
        }
        index.by_sign = by_sign;
        index.buckets = buckets;
        Ok(index)
    }

    /// The longest phrase that `lower` (a text with its ASCII letters lower-cased) begins
    /// with, where `lower` begins with a word of `word` bytes: `(phrase, its length)`. The
    /// phrase may end inside a word of the text; the caller checks.
    fn longest_at(&self, lower: &str, word: usize) -> Option<(usize, usize)> {
        let text = lower.as_bytes();
        let &(a, b) = self.buckets.get(word_sign(text.get(..word).filter(|w| !w.is_empty())?) % TOPIC_BUCKETS)?;
        self.by_sign[a as usize..b as usize]
            .iter()
            .find(|&&i| self.first_word[i] == word && text.starts_with(&self.phrases[i]))
            .map(|&i| (i, self.phrases[i].len()))
    }

    /// Every phrase found in `lower` (a text with its ASCII letters lower-cased) as whole
    /// words, left to right and without overlaps, with the longest phrase taken where several
    /// begin: `(phrase, start, end)`. A phrase that begins a word but ends inside one is
    /// passed over together with the words it spans.
    pub fn find_all(&self, lower: &str, mut found: impl FnMut(usize, usize, usize)) {
        let b = lower.as_bytes();
        let mut i = 0;
        let mut prev_alnum = false;
        while i < b.len() {
            let (alnum, w) = char_at(lower, i);
            if !alnum || prev_alnum {
                prev_alnum = alnum;
                i += w;
                continue;
            }
            // (a word begins: past its end, or past the phrase it begins)
            let word = word_len(&lower[i..]);
            let end = match self.longest_at(&lower[i..], word) {
                Some((phrase, len)) => {
                    if !char_at(lower, i + len).0 {
                        found(phrase, i, i + len);
                    }
                    i + len
                }
                None => i + word,
            };
            // (the character before `end` is a letter or a digit)
            prev_alnum = true;
            i = end;
        }
    }
}

/// A number below 2^16 made of a word's length and its first two and last bytes (a word of
/// at least one byte).
fn word_sign(word: &[u8]) -> usize {
    let (first, second, last) = (word[0], word.get(1).copied().unwrap_or(0), word[word.len() - 1]);
    let key = u32::from_le_bytes([first, second, last, word.len().min(255) as u8]);
    (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// Whether the character at byte `i` of `s` is alphanumeric, and its length in bytes
/// (not alphanumeric and of one byte at the end of `s` or inside a character).
fn char_at(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => (ASCII_ALNUM[usize::from(b)], 1),
        _ => s.get(i..).and_then(|r| r.chars().next()).map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
    }
}

/// Length in bytes of the run of alphanumeric characters that `s` begins with.
fn word_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        while i < b.len() && ASCII_ALNUM[usize::from(b[i])] {
            i += 1;
        }
        match char_at(s, i) {
            // (the ASCII sweep stopped at a character that is not ASCII, or at the word's end)
            (true, w) => i += w,
            _ => return i,
        }
    }
}

/// The ASCII letters and digits, by byte.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::TopicIndex;

    #[test]
    fn topic_phrases_are_found_as_whole_words_longest_first() {
        let topics: Vec<String> = ["UN", "UN Security Council", "arms control", "e-governance", "Security", "énergie", "G7"].map(String::from).to_vec();
        let index = TopicIndex::new(&topics).unwrap();
        let found = |text: &str| {
            let lower = text.to_ascii_lowercase();
            let mut out = Vec::new();
            index.find_all(&lower, |p, a, b| out.push((topics[p].clone(), text[a..b].to_string())));
            out
        };
        for (text, want) in [
            ("The UN Security Council met.", vec![("UN Security Council", "UN Security Council")]),
            ("the un and the G7", vec![("UN", "un"), ("G7", "G7")]),
            // (inside a word, or a phrase that runs into one)
            ("under a fund, G7s, arms controlled", vec![]),
            ("on e-governance—and security", vec![("e-governance", "e-governance"), ("Security", "security")]),
            ("l'énergie, Énergie, énergies", vec![("énergie", "énergie")]),
            ("UNDP: arms control.", vec![("arms control", "arms control")]),
            ("", vec![]),
        ] {
            let want: Vec<(String, String)> = want.into_iter().map(|(p, m)| (p.to_string(), m.to_string())).collect();
            assert_eq!(found(text), want, "{text}");
        }
        assert!(TopicIndex::new(&["\"quoted\"".to_string()]).is_err());
    }

    #[test]
    fn word_boundaries_become_ascii() {
        for (pattern, want) in [
            (r"\bchaired\s+by\b", r"(?-u:\b)chaired\s+by(?-u:\b)"),
            (r"\Bx\.\\b", r"(?-u:\B)x\.\\b"),
            (r"(?:^|\|)\s*by", r"(?:^|\|)\s*by"),
        ] {
            assert_eq!(ascii_word_boundaries(pattern), want, "{pattern}");
        }
        // the same matches as the Unicode boundary next to ASCII letters, on non-ASCII text too
        let re = regex::Regex::new(&ascii_word_boundaries(r"(?i)\bchaired\s+by\b")).unwrap();
        assert!(re.is_match("La séance a été chaired by Dr. Aïcha Ndiaye"));
        assert!(!re.is_match("unchaired by"));
    }

    use super::*;

    #[test]
    fn builtin_loads() {
        let l = Lexicon::builtin();
        assert!(l.honorifics.iter().any(|h| h == &vec!["lt".to_string(), "gen".to_string()]));
        assert!(l.role_cues.len() > 20);
        assert!(l.is_abbreviation("Dr"));
        assert!(l.is_institution_word("University"));
        assert!(!l.is_abbreviation("Islamabad"));
    }

    #[test]
    fn accented_words_match_their_folded_entries() {
        let l = Lexicon::builtin();
        for w in ["Université", "UNIVERSITÉ", "Fundação", "Asociación", "Ministère"] {
            assert!(l.is_institution_word(w), "{w}");
        }
        assert!(l.is_title("Attaché"));
        assert!(!l.is_institution_word("Résumé"));
    }

    #[test]
    fn class_lookups_agree_with_the_word_sets() {
        let l = Lexicon::builtin();
        // the "-ing" rule as written out: the stem plus "ed" or "d", or without a doubled letter plus "ed"
        let speech = |w: &str| {
            l.speech_verbs.contains(w)
                || w.strip_suffix("ing").filter(|s| s.len() >= 3).is_some_and(|stem| {
                    let b = stem.as_bytes();
                    let doubled = b[b.len() - 1] == b[b.len() - 2];
                    l.speech_verbs.contains(&format!("{stem}ed")) || l.speech_verbs.contains(&format!("{stem}d")) || doubled && l.speech_verbs.contains(&format!("{}ed", &stem[..stem.len() - 1]))
                })
        };
        let mut words: Vec<String> = l.speech_verbs.iter().cloned().collect();
        for v in &l.speech_verbs {
            for cut in 0..=v.len().min(4) {
                if let Some(stem) = v.get(..v.len() - cut) {
                    for end in ["ing", "ting", "ding", "ning", "ling", "s", "ed", "d"] {
                        words.push(format!("{stem}{end}"));
                    }
                }
            }
        }
        words.extend(["Said", "saying", "adding", "offering", "omitting", "ing", "bing", "king", "nothing"].map(String::from));
        for w in &words {
            assert_eq!(l.is_speech_verb(w), speech(w), "{w}");
        }
        let sets = [(&l.titles, WordClasses::TITLE), (&l.nonname, WordClasses::NONNAME), (&l.given_names, WordClasses::GIVEN_NAME), (&l.places, WordClasses::PLACE), (&l.demonyms, WordClasses::DEMONYM), (&l.common_words, WordClasses::COMMON_WORD), (&l.institution_words, WordClasses::INSTITUTION_WORD)];
        for (set, class) in sets {
            for w in set.iter().chain(&words) {
                assert_eq!(l.classes_exact(w).contains(class), set.contains(w), "{w}");
                assert_eq!(l.classes(w).contains(class), set.contains(&fold(w).to_lowercase()), "{w}");
            }
        }
        for w in ["Dr", "dr.", "PROF", "Lt", "No.", "e.g.", "U.S", "Ltd", "Islamabad", "Said", "Mr", "Mrs", "Señor", "Md.", "Mohd", ""] {
            let lw = w.trim_end_matches('.').to_lowercase();
            let one_word = l.honorifics.iter().any(|h| h.len() == 1 && h[0] == lw);
            let given = l.given_name_abbreviations.iter().any(|a| a.to_lowercase() == lw);
            assert_eq!(l.is_abbreviation(w), COMMON_ABBREVIATIONS.contains(&lw.as_str()) || one_word || given, "{w}");
            assert_eq!(l.is_one_word_honorific(&lw), one_word, "{w}");
        }
    }

    #[test]
    fn relaxed_repetitions() {
        assert_eq!(relax_repetitions(r"\bkeynote\s+by\b"), None);
        assert_eq!(relax_repetitions(r"a{2,3}"), None);
        let loose = relax_repetitions(r"\bpanel,[^;]{0,200}?,\s+featured\b").unwrap();
        let (exact, loose) = (Regex::new(r"(?i)\bpanel,[^;]{0,200}?,\s+featured\b").unwrap(), Regex::new(&loose).unwrap());
        let far = format!("Panel, {}, featured", "x".repeat(300));
        assert!(loose.is_match(&far) && !exact.is_match(&far));
        assert!(loose.is_match("The PANEL, chaired by A, featured B") && exact.is_match("The PANEL, chaired by A, featured B"));
        // the cue sets, loosened, still find exactly the cues whose regex matches
        let l = Lexicon::builtin();
        let text = format!("The panel, {}, featured Dr. Roe. The panel, chaired by Dr. Doe, featured Dr. Zed.", "x".repeat(300));
        for t in [&text[..], &text[..320], "Questions were asked by Dr. Roe who wanted to know why"] {
            let own: Vec<usize> = (0..l.role_cues.len()).filter(|&i| l.role_cues[i].re.is_match(t)).collect();
            assert_eq!(l.role_cues_matching(t), own, "{t}");
        }
    }

    #[test]
    fn start_reading_patterns() {
        assert!(starts_at_start(r"^\s*chair\s*:"));
        assert!(starts_at_start(r"^\s*keynote\s*$|^\s*panel\b"));
        assert!(!starts_at_start(r"(?:^|\|)\s*by\b"));
        assert!(!starts_at_start(r"keynote\s*$"));
        assert!(starts_at_start(r"^a\B"));
        assert!(!starts_at_start(r"\bmoderated\s+by\b"));
        let l = Lexicon::builtin();
        // the split sets find what each cue's own regex finds; the section sets every
        // heading and list cue of it, and no cue that does not match
        let lines = ["Chair: Dr. Jane Roe", "The session was chaired by Dr. Roe. Moderator: Mr. Doe", "Keynote address", "  Panelists: A, B", "| Name | Title |", "By Jane Doe", "Text by: Jane Doe. By the way, nothing.", "Rapporteur: Dr. Zed. Discussants were present. Q&A"];
        for line in lines {
            let hits = l.role_cues_matching(line);
            let own: Vec<usize> = (0..l.role_cues.len()).filter(|&i| l.role_cues[i].re.is_match(line)).collect();
            assert_eq!(hits, own, "{line}");
            let sections = l.role_cues_matching_sections(line);
            assert!(sections.windows(2).all(|w| w[0] < w[1]) && sections.iter().all(|i| own.contains(i)), "{line}");
            for c in own.iter().filter(|&&c| matches!(l.role_cues[c].target, CueTarget::Heading | CueTarget::List)) {
                assert!(sections.contains(c), "{line}: cue {c}");
            }
        }
    }
}

impl Lexicon {
    /// [`Lexicon::event_kind_positions`] of the `event_kinds` words that begin where the first
    /// of them begins in `text`, the others `None`: all that the first kind named in `text`
    /// takes, found without searching the rest of it.
    pub fn first_event_kind_positions(&self, text: &str) -> Vec<Option<usize>> {
        if let Some(starts) = &self.event_kind_starts {
            // (the leftmost match begins where the first word does)
            let start = starts.find(text).map(|m| m.start());
            return self.event_kinds.iter().map(|(w, _)| start.filter(|&p| text[p..].starts_with(w.as_str()))).collect();
        }
        let longest = self.event_kinds.iter().map(|(w, _)| w.len()).max().unwrap_or(0);
        let mut first = vec![None; self.event_kinds.len()];
        let mut start = usize::MAX;
        for m in self.event_kind_matcher.find_overlapping_iter(text) {
            // (matches come by their end: one that ends past the first start and the longest
            // word begins after that start, as does every match after it)
            if start != usize::MAX && m.end() > start + longest {
                break;
            }
            start = start.min(m.start());
            let p = &mut first[m.pattern().as_usize()];
            if p.is_none_or(|p| m.start() < p) {
                *p = Some(m.start());
            }
        }
        first.into_iter().map(|p| p.filter(|&p| p == start)).collect()
    }
}

/// The most memory (bytes, per thread) the role cue sets' lazy DFAs may keep: their many
/// patterns keep making new states over a big corpus, and a cache that fills up is
/// cleared and its states made again.
const ROLE_CUE_DFA_CACHE: usize = 32 << 20;

/// The most times a role cue set holds a counted repetition as counted (see [`CueSet`]).
const RELAXED_REPETITION: u32 = 3;

impl Lexicon {
    /// `(self.classes(word), self.is_title(word), self.starts_honorific(word))`, from one key
    /// of the word where it can (an ASCII word without a back quote, whose folded key and
    /// lower-case key are one).
    pub fn word_facts(&self, word: &str) -> (WordClasses, bool, bool) {
        let b = word.as_bytes();
        let mut buf = [0u8; 64];
        if b.len() > buf.len() || !b.iter().all(|&c| c.is_ascii() & (c != b'`')) {
            return (self.classes(word), self.is_title(word), self.starts_honorific(word));
        }
        let key = &mut buf[..b.len()];
        key.copy_from_slice(b);
        key.make_ascii_lowercase();
        let classes = self.key_classes(key);
        let title = classes.contains(WordClasses::TITLE) || key.len() > 3 && key.strip_suffix(b"s").is_some_and(|s| self.key_classes(s).contains(WordClasses::TITLE));
        (classes, title, classes.contains(WordClasses::HONORIFIC_START))
    }
}
