//! Extraction quality on the development sets, measured by `reportgraph::eval` (the same
//! figures as the reference scorer `score.py`). Each figure is a floor: the test fails
//! when a change makes it fall. Raise the floors when the figures rise.

use reportgraph::eval::{load_gold, score, Figure};
use std::path::Path;

fn figures(texts: &str, gold: &str) -> Vec<(String, f64)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lex = reportgraph::Lexicon::builtin();
    let paths = reportgraph::ingest::collect_paths(&[root.join(texts)]).unwrap();
    let docs: Vec<_> = paths.iter().map(|p| reportgraph::ingest::read_document(p).unwrap()).collect();
    let g = reportgraph::build(&docs, &lex, &Default::default());
    let gold = load_gold(&root.join(gold), None).unwrap();
    score(&g, &gold, None)
        .figures
        .into_iter()
        .map(|(k, v)| (k, match v { Figure::Int(i) => i as f64, Figure::Float(f) => f }))
        .collect()
}

fn check(set: &str, got: &[(String, f64)], floors: &[(&str, f64)], ceilings: &[(&str, f64)]) {
    let get = |k: &str| got.iter().find(|(n, _)| n == k).map(|(_, v)| *v).unwrap_or_else(|| panic!("no figure {k}"));
    let mut bad = Vec::new();
    for (k, min) in floors {
        if get(k) < *min {
            bad.push(format!("{k} = {} < {min}", get(k)));
        }
    }
    for (k, max) in ceilings {
        if get(k) > *max {
            bad.push(format!("{k} = {} > {max}", get(k)));
        }
    }
    assert!(bad.is_empty(), "{set}: {}\nall figures: {got:?}", bad.join("; "));
}

#[test]
fn sample_corpus_figures_hold() {
    let got = figures("data/reports", "tests/gold");
    check(
        "sample corpus",
        &got,
        &[
            ("person_f1", 0.97),
            ("participant_recall", 1.0),
            ("crossdoc_resolved", 1.0),
            ("inst_f1", 0.92),
            ("role_f1", 0.99),
            ("affil_f1", 0.92),
            ("alongside_f1", 0.99),
        ],
        &[("person_dup", 0.0), ("person_overmerged", 0.0), ("inst_dup", 0.0)],
    );
}

#[test]
fn second_dev_set_figures_hold() {
    let got = figures("tests/dev2/texts", "tests/dev2/gold");
    check(
        "dev2",
        &got,
        &[
            ("person_f1", 0.99),
            ("participant_recall", 1.0),
            ("inst_f1", 0.915),
            ("role_f1", 0.99),
            ("affil_f1", 0.96),
            ("alongside_f1", 0.99),
        ],
        &[("person_dup", 0.0), ("person_overmerged", 0.0)],
    );
}

/// Reports written for the project in styles the development sets lack (programme pages,
/// news quotes, title-first lists, family-name-first, no honorifics, machine-translated
/// news, ranks and post-nominals, markdown programmes, excerpts cut mid-sentence, event
/// pages with speaker blocks, Indian, Austrian, Latin American, Russian and Ethiopian
/// reports, time-slot programmes, semicolon participant lists; 19–26: Japanese names,
/// a parliamentary hearing, university news, a workshop with a participant table,
/// Francophone capitals, a transcript with speaker labels, and a Nigerian announcement and
/// report of one event; 27–32: Kenyan, Malaysian and Gulf news, a Korean event page, a
/// Polish recap and a Brazilian seminar; 33–37: an Indian newspaper report, a US event
/// page with a news recap, a Chinese–Japanese–Korean forum, a German panel recap and a
/// Zambian press release; 38–42: Philippine news, a Mexican seminar, a Turkish panel, a
/// London think-tank conversation and a Mekong webinar; 43–47: a Thailand–Myanmar dialogue,
/// a wire item on a ministerial forum, a Brussels roundtable, an academic workshop programme
/// with footnote affiliations and an AU–UNECA communiqué; 48–52: a Chilean seminar, a
/// Japanese symposium page, a Washington webinar recap with a bar table and a transcript, a
/// Gulf press release and a German foundation report; 53–58: a South African hearing
/// report, a Bangladeshi seminar page, a Ghanaian blog announcement, a Kazakh press release,
/// a Canadian university news item and an Italian roundtable summary with a speaker table
/// one cell a line). 19–58 were written as hold-outs, later than 01–18, and several of
/// their conventions have no rule yet, so the figures over all 58 are lower; the floors are
/// what the build measures, not targets.
#[test]
fn own_fixtures_in_other_styles_hold() {
    let got = figures("tests/fixtures/styles/texts", "tests/fixtures/styles/gold");
    check(
        "fixtures in other styles",
        &got,
        &[
            ("person_f1", 0.975),
            ("participant_recall", 0.99),
            ("crossdoc_resolved", 0.855),
            ("inst_f1", 0.865),
            ("role_f1", 0.912),
            ("affil_f1", 0.89),
            ("alongside_f1", 0.947),
        ],
        // person_dup: a nickname across two reports (Funmi / Funmilayo) the resolver does
        // not join, and transliteration variants in one report (43: Khin Myat Noe / Nwe;
        // 49: ŌNO / Ohno); person_overmerged counts a node whose surface forms name two gold
        // persons, and namesakes kept apart do that, each through a short form they share
        // ("Dr. Park"): the Satos of 19, the Al-Khaters of 32, the Kilonzos of 01 and 27, the
        // Parks of 04, 28, 35 and 49, the Kims of 19 and 49, the Watanabes of 35 and 49, the
        // Lins of 28 and 35, the Halvorsens of 08 and 34, the Zhangs of 04 and 44, the
        // Karaağaçlıs of 40 and 51 and the Ferreiras of 24 and 48
        &[("person_dup", 3.0), ("person_overmerged", 22.0)],
    );
}
