//! One node per real person, institution and event across the sample corpus — and never
//! one node for two people.

use reportgraph::pipeline::BuildOptions;
use reportgraph::resolve::Aliases;
use reportgraph::{NodeKind, ReportGraph};

fn sample(opts: &BuildOptions) -> ReportGraph {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = reportgraph::ingest::collect_paths(&[root.join("data/reports")]).unwrap();
    let docs: Vec<_> = paths.iter().map(|p| reportgraph::ingest::read_document(p).unwrap()).collect();
    reportgraph::build(&docs, &reportgraph::Lexicon::builtin(), opts)
}

/// The person nodes whose label or aliases contain `needle` (case-insensitive).
fn persons_named<'a>(g: &'a ReportGraph, needle: &str) -> Vec<&'a reportgraph::Node> {
    let n = needle.to_lowercase();
    g.nodes()
        .map(|(_, node)| node)
        .filter(|node| node.kind() == NodeKind::Person)
        .filter(|node| node.label.to_lowercase().contains(&n) || node.aliases.iter().any(|a| a.to_lowercase().contains(&n)))
        .collect()
}

#[test]
fn spelling_variants_and_partial_names_are_one_person() {
    let g = sample(&BuildOptions::default());
    // (a spelling seen, another spelling of the same human, the reports expected)
    let cases: &[(&str, &str, usize)] = &[
        ("Khurram Iqbal", "Khuram Iqbal", 2),
        ("Shabbir Ahmed", "Shabir Ahmed Khan", 3),
        ("Taimur Fahad", "Taimur Khan", 3),
        ("Irina Nikolaevna Serenko", "Irena Nikolaevna Serenko", 1),
        ("Zafar Iqbal Cheema", "Dr. Cheema", 2),
        ("Asad Durrani", "Lt. Gen. Durrani", 2),
        ("Andrey Korotayev", "Koratayev", 1),
    ];
    for (a, b, docs) in cases {
        let na = persons_named(&g, a);
        assert_eq!(na.len(), 1, "{a}: {:?}", na.iter().map(|n| &n.label).collect::<Vec<_>>());
        let nb = persons_named(&g, b);
        assert!(nb.iter().any(|n| n.id == na[0].id), "{a} and {b} are not one node");
        assert_eq!(na[0].documents.len(), *docs, "{a} documents: {:?}", na[0].documents);
    }
    let merged = persons_named(&g, "Shabir Ahmed Khan");
    assert!(!merged[0].merges.is_empty(), "a cross-report merge records its reason");
}

#[test]
fn different_people_who_share_names_stay_apart() {
    let g = sample(&BuildOptions::default());
    let groups: &[&[&str]] = &[
        &["Hamid Ali Khan", "Raza Khan", "Taimur Khan"],
        &["Zafar Iqbal Cheema", "Zafar Nawaz Jaspal"],
        &["Syed Muhammad Ali", "Syed Muhammad Owais"],
    ];
    for group in groups {
        let ids: Vec<String> = group.iter().map(|n| persons_named(&g, n).first().unwrap_or_else(|| panic!("{n} missing")).id.clone()).collect();
        let mut uniq = ids.clone();
        uniq.sort();
        uniq.dedup();
        assert_eq!(uniq.len(), ids.len(), "{group:?} fused: {ids:?}");
    }
}

#[test]
fn one_event_reported_by_two_sources_is_one_node() {
    let g = sample(&BuildOptions::default());
    let caps: Vec<_> = g
        .nodes()
        .map(|(_, n)| n)
        .filter(|n| n.kind() == NodeKind::Event && n.date.as_deref() == Some("2025-04-29"))
        .collect();
    assert_eq!(caps.len(), 1, "{caps:?}");
    assert_eq!(caps[0].documents, vec!["000_8365f46ce787a02b.txt".to_string(), "001_8f251eb8050aa491.txt".to_string()]);
}

#[test]
fn institutions_resolve_across_acronyms_and_spellings() {
    let g = sample(&BuildOptions::default());
    let inst = |needle: &str| -> Vec<String> {
        g.nodes()
            .map(|(_, n)| n)
            .filter(|n| n.kind() == NodeKind::Institution && (n.label == needle || n.aliases.iter().any(|a| a == needle)))
            .map(|n| n.id.clone())
            .collect()
    };
    assert_eq!(inst("CAPS"), inst("Consortium for Asia-Pacific Studies"));
    assert_eq!(inst("SVI"), inst("Strategic Vision Institute"));
    assert_eq!(inst("SVI").len(), 1);
    assert_eq!(inst("ISSI").len(), 1);
}

#[test]
fn user_rules_force_and_forbid_merges() {
    let rules = Aliases::parse("[[different]]\nnames = [\"Taimur Fahad\", \"Taimur Khan\"]\n[[same]]\nnames = [\"Gleb Makarevich\", \"Ilsur\"]\n").unwrap();
    let g = sample(&BuildOptions { aliases: rules, ..Default::default() });
    let fahad = persons_named(&g, "Taimur Fahad");
    let khan = persons_named(&g, "Taimur Khan");
    assert!(fahad.iter().all(|a| khan.iter().all(|b| a.id != b.id)), "kept apart by the user");
    let gleb = persons_named(&g, "Gleb Makarevich");
    assert!(persons_named(&g, "Ilsur").iter().any(|n| n.id == gleb[0].id), "forced together by the user");
    assert!(gleb[0].merges.iter().any(|m| m.contains("user alias")), "{:?}", gleb[0].merges);
}

#[test]
fn explain_says_why_spellings_were_merged() {
    let out = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_reportgraph");
    let root = env!("CARGO_MANIFEST_DIR");
    let st = std::process::Command::new(bin).current_dir(root).args(["build", "-q", "--out"]).arg(out.path()).status().unwrap();
    assert!(st.success());
    let graph = out.path().join("graph.json");
    let o = std::process::Command::new(bin).current_dir(root).args(["explain", "Dr. Shabbir Ahmed", "--graph"]).arg(&graph).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Shabir Ahmed Khan") && text.contains("shared affiliation"), "{text}");
    let o = std::process::Command::new(bin).current_dir(root).args(["explain", "Nobody Atall", "--graph"]).arg(&graph).output().unwrap();
    assert_eq!(o.status.code(), Some(3));
}

/// A name as common as "Muhammad … Khan" fills blocks larger than the pairwise limit:
/// identical full names still become one person, a one-letter variant still joins them
/// (sorted neighbourhood), and the other Muhammads stay apart.
#[test]
fn common_names_resolve_beyond_the_block_limit() {
    const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    const GIVEN: [&str; 6] = ["Bilal", "Usman", "Imran", "Faisal", "Kamran", "Salman"];
    let n = reportgraph::resolve::MAX_BLOCK + 60;
    let docs: Vec<reportgraph::Document> = (0..n)
        .map(|i| {
            let keynote = if i == 7 { "Muhammad Tarik Khan" } else { "Muhammad Tariq Khan" };
            let text = format!(
                "Roundtable on Regional Trade, part {i}\n\nThe Institute of Policy Studies organised a roundtable on regional trade on {} {} {} in Lahore. \
                 Dr. Muhammad {} Khan, Director of the Centre for Economic Research, chaired the session. \
                 Prof. {keynote}, Professor at the University of the Punjab, delivered the keynote address.\n",
                i % 28 + 1,
                MONTHS[(i / 28) % 12],
                2010 + i / 336,
                GIVEN[i % GIVEN.len()],
            );
            reportgraph::Document::new(format!("r{i:03}.txt"), text)
        })
        .collect();
    let g = reportgraph::build(&docs, &reportgraph::Lexicon::builtin(), &BuildOptions::default());
    let tariq = persons_named(&g, "Tariq Khan");
    assert_eq!(tariq.len(), 1, "{:?}", tariq.iter().map(|p| (&p.label, p.documents.len())).collect::<Vec<_>>());
    assert_eq!(tariq[0].documents.len(), n, "every report's keynote speaker is one person");
    assert!(tariq[0].aliases.iter().any(|a| a.contains("Tarik")), "the one-letter variant joined: {:?}", tariq[0].aliases);
    for given in GIVEN {
        let p = persons_named(&g, &format!("Muhammad {given} Khan"));
        assert_eq!(p.len(), 1, "{given}");
        assert_eq!(p[0].documents.len(), (0..n).filter(|i| GIVEN[i % GIVEN.len()] == given).count(), "{given}");
    }
}

/// "Same given name at the same institution" joins two spellings only when nobody else of
/// that given name is there: three Thomases at one institute stay three people.
#[test]
fn a_shared_given_name_joins_only_when_unambiguous() {
    let report = |i: usize, name: &str, inst: &str| {
        let text = format!(
            "Seminar on Water Security\n\nThe Institute of Policy Studies held a seminar on water security on {} May 2023 in Nairobi. \
             Dr. {name}, Senior Fellow at the {inst}, was the first speaker.\n",
            i + 1
        );
        reportgraph::Document::new(format!("w{i}.txt"), text)
    };
    let docs = vec![
        report(0, "Kofi Mensah", "Centre for Water Studies"),
        report(1, "Kofi Asante", "Centre for Water Studies"),
        report(2, "Thomas Reddy", "Institute of Rural Affairs"),
        report(3, "Thomas Zhou", "Institute of Rural Affairs"),
        report(4, "Thomas Okafor", "Institute of Rural Affairs"),
    ];
    let g = reportgraph::build(&docs, &reportgraph::Lexicon::builtin(), &BuildOptions::default());
    assert_eq!(persons_named(&g, "Kofi").len(), 1, "two spellings, one institution, nobody else called Kofi there");
    assert_eq!(persons_named(&g, "Thomas").len(), 3, "three Thomases at one institute are three people");
}
