//! Loading gold annotations (one JSON file per report, see `tests/gold/SCHEMA.md`).

use super::normalize::{norm_inst, norm_person};
use super::EvalError;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// A gold person: normalised spellings, reports, whether they took part.
#[derive(Debug, Clone, Default)]
pub(crate) struct GoldPerson {
    pub names: BTreeSet<String>,
    pub docs: BTreeSet<String>,
    pub participant: bool,
}

/// A gold institution: normalised names and aliases, reports, whether it is structural
/// (an affiliation, an organiser, or a media outlet).
#[derive(Debug, Clone, Default)]
pub(crate) struct GoldInst {
    pub names: BTreeSet<String>,
    pub docs: BTreeSet<String>,
    pub structural: bool,
}

/// Gold annotations of a set of reports, merged across files by canonical name / event id.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    pub(crate) docs: Vec<String>,
    pub(crate) persons: BTreeMap<String, GoldPerson>,
    pub(crate) insts: BTreeMap<String, GoldInst>,
    /// Events in first-seen order (the order matters for tie-breaking): id and reports.
    pub(crate) events: Vec<(String, BTreeSet<String>)>,
    pub(crate) event_ix: HashMap<String, usize>,
    pub(crate) roles: BTreeSet<(String, String, String)>,
    pub(crate) affil: BTreeSet<(String, String)>,
    pub(crate) topics: BTreeMap<String, BTreeSet<String>>,
}

impl Gold {
    /// Report file names of the loaded gold files, in file-name order.
    pub fn documents(&self) -> &[String] {
        &self.docs
    }

    /// Number of distinct gold persons (by canonical name).
    pub fn person_count(&self) -> usize {
        self.persons.len()
    }

    /// Number of distinct gold institutions (by canonical name).
    pub fn institution_count(&self) -> usize {
        self.insts.len()
    }

    /// Number of distinct gold events (by id).
    pub fn event_count(&self) -> usize {
        self.events.len()
    }
}

/// Python truthiness of a JSON value.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// Reading helpers that name the file in their errors.
struct Reader<'p> {
    path: &'p Path,
}

impl Reader<'_> {
    fn err(&self, message: String) -> EvalError {
        EvalError::Schema {
            path: self.path.to_path_buf(),
            message,
        }
    }

    /// A required string field.
    fn str<'v>(&self, v: &'v Value, key: &str, what: &str) -> Result<&'v str, EvalError> {
        match v.get(key) {
            Some(Value::String(s)) => Ok(s),
            Some(other) => Err(self.err(format!("{what}: `{key}` is not a string: {other}"))),
            None => Err(self.err(format!("{what}: `{key}` is missing"))),
        }
    }

    /// An optional list field (missing means empty).
    fn list<'v>(&self, v: &'v Value, key: &str, what: &str) -> Result<&'v [Value], EvalError> {
        match v.get(key) {
            None => Ok(&[]),
            Some(Value::Array(a)) => Ok(a),
            Some(other) => Err(self.err(format!("{what}: `{key}` is not a list: {other}"))),
        }
    }

    /// An optional list of strings.
    fn strings<'v>(&self, v: &'v Value, key: &str, what: &str) -> Result<Vec<&'v str>, EvalError> {
        self.list(v, key, what)?
            .iter()
            .map(|x| {
                x.as_str()
                    .ok_or_else(|| self.err(format!("{what}: `{key}` has a non-string {x}")))
            })
            .collect()
    }
}

/// Loads every `*.json` file of `dir` except `identities.json`, in file-name order, keeping
/// only reports in `docs` when given (and not empty), like `load_gold` of `score.py`.
pub fn load_gold(dir: &Path, docs: Option<&BTreeSet<String>>) -> Result<Gold, EvalError> {
    let docs = docs.filter(|d| !d.is_empty());
    let io_err = |path: PathBuf| move |source| EvalError::Io { path, source };
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_err(dir.to_path_buf()))? {
        let entry = entry.map_err(io_err(dir.to_path_buf()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") && name != "identities.json" {
            names.push(name);
        }
    }
    names.sort();
    let mut g = Gold::default();
    for name in names {
        let path = dir.join(&name);
        let text = std::fs::read_to_string(&path).map_err(io_err(path.clone()))?;
        let d: Value = serde_json::from_str(&text).map_err(|source| EvalError::Json {
            path: path.clone(),
            source,
        })?;
        add_file(&mut g, &d, &Reader { path: &path }, docs)?;
    }
    Ok(g)
}

/// Merges one gold file into `g`.
fn add_file(
    g: &mut Gold,
    d: &Value,
    r: &Reader<'_>,
    docs: Option<&BTreeSet<String>>,
) -> Result<(), EvalError> {
    if !d.is_object() {
        return Err(r.err("not a JSON object".into()));
    }
    let doc = r.str(d, "doc", "file")?;
    if docs.is_some_and(|ds| !ds.contains(doc)) {
        return Ok(());
    }
    g.docs.push(doc.to_string());
    let persons = r.list(d, "persons", "file")?;
    let events = r.list(d, "events", "file")?;
    let mut used: BTreeSet<&str> = BTreeSet::new();
    for p in persons {
        for a in r.list(p, "affiliations", "person")? {
            if let Some(Value::String(i)) = a.get("institution") {
                used.insert(i);
            }
        }
    }
    for ev in events {
        used.extend(r.strings(ev, "organizers", "event")?);
    }
    for i in r.list(d, "institutions", "file")? {
        let name = r.str(i, "name", "institution")?;
        let e = g.insts.entry(name.to_string()).or_default();
        e.structural |=
            used.contains(name) || i.get("kind").and_then(Value::as_str) == Some("media");
        e.names.insert(norm_inst(name));
        for a in r.strings(i, "aliases", "institution")? {
            e.names.insert(norm_inst(a));
        }
        e.docs.insert(doc.to_string());
    }
    for ev in events {
        let id = r.str(ev, "id", "event")?;
        let ix = *g.event_ix.entry(id.to_string()).or_insert_with(|| {
            g.events.push((id.to_string(), BTreeSet::new()));
            g.events.len() - 1
        });
        g.events[ix].1.insert(doc.to_string());
    }
    for p in persons {
        let name = r.str(p, "name", "person")?;
        let e = g.persons.entry(name.to_string()).or_default();
        e.names.insert(norm_person(name));
        for s in r.strings(p, "surface", "person")? {
            let n = norm_person(s);
            if !n.is_empty() {
                e.names.insert(n);
            }
        }
        e.docs.insert(doc.to_string());
        e.participant |= truthy(p.get("participant"));
        for role in r.list(p, "roles", "person")? {
            // A role without an event can never be an event of the gold: skip it.
            if let Some(Value::String(ev)) = role.get("event") {
                let kind = r.str(role, "role", "role")?;
                g.roles
                    .insert((name.to_string(), ev.to_string(), kind.to_string()));
            }
        }
        for a in r.list(p, "affiliations", "person")? {
            if let Some(Value::String(i)) = a.get("institution") {
                if !i.is_empty() {
                    g.affil.insert((name.to_string(), i.to_string()));
                }
            }
        }
    }
    for t in r.strings(d, "topics", "file")? {
        g.topics
            .entry(doc.to_string())
            .or_default()
            .insert(t.to_string());
    }
    Ok(())
}
