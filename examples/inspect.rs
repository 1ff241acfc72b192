//! Prints what the extractor finds in one report: persons, institutions, the event and
//! every fact with its evidence. Usage: `cargo run --example inspect -- REPORT.txt`
use reportgraph::{extract::Fact, ingest, pipeline, Lexicon};

fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: inspect REPORT.txt"))?;
    let lex = Lexicon::builtin();
    let doc = ingest::read_document(std::path::Path::new(&path))?;
    let x = pipeline::extract_document(&doc, &lex);
    println!("event: {:?}", x.event);
    for (i, p) in x.persons.iter().enumerate() {
        println!("P{i} {} {:?} participant={}", p.name, p.surfaces, p.participant);
    }
    for (i, r) in x.institutions.iter().enumerate() {
        println!("I{i} {} {:?} {} acronym_only={}", r.name, r.aliases, r.kind, r.acronym_only);
    }
    for f in &x.facts {
        match f {
            Fact::Role { person, role, session, evidence } => println!("ROLE {} {role} {session:?} | {}", x.persons[*person].name, evidence.snippet()),
            Fact::Affiliation { person, institution, title, .. } => println!("AFF {} -> {} ({title:?})", x.persons[*person].name, x.institutions[*institution].name),
            Fact::OrganizedBy { institution, .. } => println!("ORG {}", x.institutions[*institution].name),
            _ => {}
        }
    }
    Ok(())
}
