//! Name keys: names reduced to what a person typing them would agree on.
//!
//! A key is the name accent-folded ([`crate::text::fold`]), lower-cased, with punctuation
//! turned into single spaces: `"Dr. Dębski-Nowak"` → `"dr debski nowak"`. A person key also
//! loses its leading honorifics (from the lexicon's honorific list, longest first, repeated,
//! with a retirement mark after them): `"Amb. (R) Arif Kamal"` → `"arif kamal"`,
//! `"Prof. Dr. Shabir Ahmed Khan"` → `"shabir ahmed khan"`. A name made only of honorifics
//! keeps its last word.

/// Reduces a name to its key: accent-folded, lower case, punctuation → single spaces.
///
/// # Arguments
/// * `s` - a name as written.
///
/// # Returns
/// The key; empty when the name has no letters or digits.
///
/// # Complexity
/// O(len(s)).
///
/// # Example
/// ```
/// assert_eq!(reportgraph::query::names::key("  Dr. Dębski-NOWAK "), "dr debski nowak");
/// ```
pub fn key(s: &str) -> String {
    let folded = if s.is_ascii() {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(crate::text::fold(s))
    };
    let mut out = String::with_capacity(folded.len());
    let mut space = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' {
            // "O'Neill" → "oneill"; every other mark separates words
            space = true;
        }
    }
    out
}

/// Honorifics as key token sequences, longest first.
#[derive(Debug, Clone, Default)]
pub struct Honorifics {
    seqs: Vec<Vec<String>>,
}

/// Words marking a retired officer or diplomat after an honorific: "(R)", "Retd.".
const RETIRED: [&str; 3] = ["r", "retd", "retired"];

impl Honorifics {
    /// Honorifics from token sequences such as [`crate::Lexicon::honorifics`].
    pub fn new(seqs: &[Vec<String>]) -> Honorifics {
        let mut seqs: Vec<Vec<String>> = seqs
            .iter()
            .map(|s| {
                key(&s.join(" "))
                    .split(' ')
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .filter(|s| !s.is_empty())
            .collect();
        seqs.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        seqs.dedup();
        Honorifics { seqs }
    }

    /// The honorifics of the built-in lexicon (read once per process).
    pub fn builtin() -> Honorifics {
        static BUILTIN: std::sync::OnceLock<Honorifics> = std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| Honorifics::new(&crate::Lexicon::builtin().honorifics))
            .clone()
    }

    /// Strips leading honorifics (and a retirement mark after one) from a key.
    ///
    /// # Arguments
    /// * `key` - a key made by [`key`].
    ///
    /// # Returns
    /// The rest of the key; at least its last word.
    ///
    /// # Complexity
    /// O(h · w) for h honorifics and w words.
    ///
    /// # Example
    /// ```
    /// use reportgraph::query::names::{key, Honorifics};
    /// let h = Honorifics::builtin();
    /// assert_eq!(h.strip(&key("Lt. Gen. (R) Naeem Khalid Lodhi")), "naeem khalid lodhi");
    /// assert_eq!(h.strip("dr"), "dr");
    /// ```
    pub fn strip<'k>(&self, key: &'k str) -> &'k str {
        let words: Vec<&str> = key.split(' ').collect();
        let mut i = 0;
        loop {
            let rest = &words[i..];
            let hit = self
                .seqs
                .iter()
                .find(|h| h.len() < rest.len() && h.iter().zip(rest).all(|(a, b)| a == b));
            let Some(h) = hit else { break };
            i += h.len();
            while i + 1 < words.len() && RETIRED.contains(&words[i]) {
                i += 1;
            }
        }
        if i == 0 {
            return key;
        }
        let offset: usize = words[..i].iter().map(|w| w.len() + 1).sum();
        &key[offset..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_accents_and_punctuation() {
        assert_eq!(key("Zigoń, Roksolana"), "zigon roksolana");
        assert_eq!(key("O’Neill"), "oneill");
        assert_eq!(
            key("Pakistan-Russia Cooperation"),
            "pakistan russia cooperation"
        );
        assert_eq!(key("..."), "");
    }

    #[test]
    fn honorifics_are_stripped_repeatedly() {
        let h = Honorifics::builtin();
        assert_eq!(
            h.strip(&key("Prof. Dr. Shabir Ahmed Khan")),
            "shabir ahmed khan"
        );
        assert_eq!(h.strip(&key("Ambassador (R) Arif Kamal")), "arif kamal");
        assert_eq!(h.strip(&key("H.E. Alexey Dedov")), "alexey dedov");
        assert_eq!(h.strip(&key("Dr. Zigon")), "zigon");
        assert_eq!(h.strip(&key("Roksolana Zigon")), "roksolana zigon");
        assert_eq!(h.strip(&key("Mr. Dr.")), "dr");
    }
}
