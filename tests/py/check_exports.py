#!/usr/bin/env python3
"""Check `reportgraph export` / `render` outputs with the programs analysts load them in.

Usage: check_exports.py MANIFEST.json

MANIFEST: {"cases": [{"dir", "view", "nodes", "edges", "directed"}], "labels": [...]}.
Each case's dir holds graph.json, graph.graphml, graph.gexf, graph.cyjs, graph.svg,
csv/{nodes,edges}.csv and neo4j/{nodes,edges}.csv of one view. For every case:

- graph.json: networkx.node_link_graph; counts, directedness; it is the ground truth for
  labels, edge kinds and weights of the other formats;
- graph.graphml: networkx.read_graphml and igraph.Graph.Read_GraphML (counts, direction,
  labels, kinds, weights as floats); lxml: every <key> has id, for, attr.name, attr.type,
  no Gephi-confusing ids like d3, every <data> key declared, edgedefault right;
- graph.gexf: networkx.read_gexf (counts, direction, labels, kinds, weights); lxml: the
  GEXF 1.3 structure (namespaces, version, defaultedgetype, unique edge ids, every
  attvalue declared, attribute types, viz colours and sizes, weights, ISO start dates).
  No official GEXF XSD is installable from the package registries this project can reach
  (none of the PyPI / npm GEXF packages ships gexf.xsd), so these checks stand in for a
  schema validation;
- graph.cyjs: networkx.cytoscape_graph (counts, direction, labels), unique element ids;
- csv/: Gephi spreadsheet headers, Type, Weight, labels; the tables rebuilt as a networkx
  graph have the same counts;
- neo4j/: neo4j-admin headers (:ID, :LABEL, :START_ID, :END_ID, :TYPE), every relationship
  end is a node id, types are the upper-case kinds, typed columns parse;
- graph.svg: lxml parses it, one node group per node.

"labels" must all be found, exactly, among the labels of the cases (accented names placed
late in the files). Exits 1 listing every problem; missing modules are errors, not skips.
"""

import collections
import csv
import json
import os
import re
import sys

import igraph
import networkx as nx
from lxml import etree

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
GRAPHML = "http://graphml.graphdrawing.org/xmlns"
SVG = "http://www.w3.org/2000/svg"
GEXF_TYPES = {"integer", "long", "double", "float", "boolean", "liststring", "listboolean",
              "listinteger", "listlong", "listfloat", "listdouble", "string", "anyURI", "date"}
GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

GEPHI_NODES = ["Id", "Label", "kind", "aliases", "documents", "title", "date", "venue", "city",
               "subtype", "sessions", "degree", "evidence"]
GEPHI_EDGES = ["Source", "Target", "Type", "Id", "Label", "kind", "key", "Weight", "title",
               "session", "events", "documents", "evidence"]
NEO4J_NODES = ["id:ID", ":LABEL", "name", "kind", "aliases:string[]", "documents:string[]",
               "title", "date", "venue", "city", "subtype", "sessions:string[]", "degree:int",
               "evidence"]
NEO4J_EDGES = [":START_ID", ":END_ID", ":TYPE", "key", "weight:float", "title", "session",
               "events:string[]", "documents:string[]", "evidence"]


def xml_clean(s):
    return XML_ILLEGAL.sub("", s) if isinstance(s, str) else s


def csv_clean(s):
    return "".join(" " if c == "\t" else c for c in xml_clean(s) if c != "\x7f")


class Checker:
    def __init__(self):
        self.problems = []
        self.seen_labels = set()

    def check(self, cond, msg):
        if not cond:
            self.problems.append(msg)
        return cond

    def case(self, c):
        d, view, want_n, want_e, directed = c["dir"], c["view"], c["nodes"], c["edges"], c["directed"]
        tag = os.path.basename(d.rstrip("/"))

        def path(*p):
            return os.path.join(d, *p)

        def counts(fmt, n, e):
            self.check(n == want_n, f"{tag}/{fmt}: {n} nodes, expected {want_n}")
            self.check(e == want_e, f"{tag}/{fmt}: {e} edges, expected {want_e}")

        # --- node-link JSON: the ground truth ----------------------------------------
        with open(path("graph.json"), encoding="utf-8") as f:
            data = json.load(f)
        gj = nx.node_link_graph(data, edges="edges")
        counts("graph.json", gj.number_of_nodes(), gj.number_of_edges())
        self.check(gj.is_directed() == directed, f"{tag}/graph.json: directed={gj.is_directed()}")
        raw_labels = {n: a["label"] for n, a in gj.nodes(data=True)}
        self.seen_labels.update(raw_labels.values())
        labels = {xml_clean(n): xml_clean(l) for n, l in raw_labels.items()}
        kinds = collections.Counter(e["kind"] for e in data["edges"])
        weights = collections.Counter(float(e.get("weight", 1.0)) for e in data["edges"])
        if view != "full":
            self.check(all("weight" in e for e in data["edges"]), f"{tag}/graph.json: edge without weight")
        if view in ("alongside", "institutions"):
            self.check(all(e.get("events") and len(e["events"]) == e["weight"] for e in data["edges"]),
                       f"{tag}/graph.json: weight is not the number of shared events")

        def same(fmt, got_labels, got_kinds, got_weights):
            if got_labels != labels:
                missing = sorted(set(labels) - set(got_labels))[:5]
                wrong = sorted(n for n in labels if n in got_labels and got_labels[n] != labels[n])[:5]
                self.check(False, f"{tag}/{fmt}: labels differ (missing {missing!r}; wrong "
                                  f"{[(labels[n], got_labels[n]) for n in wrong]!r})")
            if got_kinds is not None:
                self.check(got_kinds == kinds, f"{tag}/{fmt}: kinds {dict(got_kinds)} != {dict(kinds)}")
            if got_weights is not None:
                self.check(got_weights == weights,
                           f"{tag}/{fmt}: weights {dict(got_weights)} != {dict(weights)}")

        # --- GraphML: networkx, igraph, lxml -------------------------------------------
        gm = nx.read_graphml(path("graph.graphml"))
        counts("graphml (networkx)", gm.number_of_nodes(), gm.number_of_edges())
        self.check(gm.is_directed() == directed, f"{tag}/graphml (networkx): directed={gm.is_directed()}")
        ws = [a.get("weight") for _, _, a in gm.edges(data=True)]
        self.check(all(isinstance(w, float) for w in ws), f"{tag}/graphml: non-float weight")
        same("graphml (networkx)", {n: a.get("label") for n, a in gm.nodes(data=True)},
             collections.Counter(a.get("kind") for _, _, a in gm.edges(data=True)),
             collections.Counter(ws))
        gi = igraph.Graph.Read_GraphML(path("graph.graphml"))
        counts("graphml (igraph)", gi.vcount(), gi.ecount())
        self.check(gi.is_directed() == directed, f"{tag}/graphml (igraph): directed={gi.is_directed()}")
        if gi.vcount():
            same("graphml (igraph)", dict(zip(gi.vs["id"], gi.vs["label"])),
                 collections.Counter(gi.es["kind"]) if gi.ecount() else collections.Counter(),
                 collections.Counter(gi.es["weight"]) if gi.ecount() else collections.Counter())
        root = etree.parse(path("graph.graphml")).getroot()
        declared = {}
        for k in root.iter(f"{{{GRAPHML}}}key"):
            kid, target, ty = k.get("id"), k.get("for"), k.get("attr.type")
            self.check(kid and target and k.get("attr.name") and ty in GRAPHML_TYPES,
                       f"{tag}/graphml: incomplete key {dict(k.attrib)}")
            self.check(not re.fullmatch(r"d\d+", kid or ""), f"{tag}/graphml: key id {kid!r} reads as a label in Gephi")
            declared[kid] = target
        for dnode in root.iter(f"{{{GRAPHML}}}data"):
            parent = etree.QName(dnode.getparent()).localname
            self.check(declared.get(dnode.get("key")) == parent,
                       f"{tag}/graphml: data key {dnode.get('key')!r} undeclared for {parent}")
        g_el = root.find(f"{{{GRAPHML}}}graph")
        self.check(g_el.get("edgedefault") == ("directed" if directed else "undirected"),
                   f"{tag}/graphml: edgedefault {g_el.get('edgedefault')}")
        if view in ("alongside", "institutions") and want_e:
            self.check("e_events" in declared, f"{tag}/graphml: no events key")

        # --- GEXF: networkx, lxml structure --------------------------------------------
        gx = nx.read_gexf(path("graph.gexf"))
        counts("gexf (networkx)", gx.number_of_nodes(), gx.number_of_edges())
        self.check(gx.is_directed() == directed, f"{tag}/gexf (networkx): directed={gx.is_directed()}")
        same("gexf (networkx)", {n: a.get("label") for n, a in gx.nodes(data=True)},
             collections.Counter(a.get("kind") for _, _, a in gx.edges(data=True)),
             collections.Counter(float(a.get("weight")) for _, _, a in gx.edges(data=True)))
        self.gexf_structure(tag, path("graph.gexf"), directed)

        # --- Cytoscape.js ----------------------------------------------------------------
        with open(path("graph.cyjs"), encoding="utf-8") as f:
            cy = json.load(f)
        gc = nx.cytoscape_graph(cy)
        counts("cytoscape (networkx)", gc.number_of_nodes(), gc.number_of_edges())
        self.check(gc.is_directed() == directed, f"{tag}/cytoscape: directed={gc.is_directed()}")
        same("cytoscape (networkx)", {xml_clean(n): xml_clean(a.get("label")) for n, a in gc.nodes(data=True)},
             collections.Counter(a.get("kind") for _, _, a in gc.edges(data=True)),
             collections.Counter(a.get("weight") for _, _, a in gc.edges(data=True)))
        ids = [e["data"]["id"] for e in cy["elements"]["nodes"] + cy["elements"]["edges"]]
        self.check(len(ids) == len(set(ids)), f"{tag}/cytoscape: element ids not unique")

        # --- CSV for Gephi --------------------------------------------------------------
        with open(path("csv", "nodes.csv"), encoding="utf-8", newline="") as f:
            nrows = list(csv.reader(f))
        with open(path("csv", "edges.csv"), encoding="utf-8", newline="") as f:
            erows = list(csv.reader(f))
        self.check(nrows[0] == GEPHI_NODES, f"{tag}/csv: node header {nrows[0]}")
        self.check(erows[0] == GEPHI_EDGES, f"{tag}/csv: edge header {erows[0]}")
        counts("csv", len(nrows) - 1, len(erows) - 1)
        want_type = "Directed" if directed else "Undirected"
        self.check(all(r[2] == want_type for r in erows[1:]), f"{tag}/csv: Type is not {want_type}")
        got = {r[0]: r[1] for r in nrows[1:]}
        want = {n: csv_clean(l) for n, l in raw_labels.items()}
        self.check(got == want, f"{tag}/csv: labels differ: {sorted(set(got.items()) ^ set(want.items()))[:4]}")
        self.check(collections.Counter(float(r[7]) for r in erows[1:]) == weights, f"{tag}/csv: weights differ")
        self.check(collections.Counter(r[5] for r in erows[1:]) == kinds, f"{tag}/csv: kinds differ")
        gcsv = nx.MultiDiGraph() if directed else nx.Graph()
        gcsv.add_nodes_from(r[0] for r in nrows[1:])
        for r in erows[1:]:
            gcsv.add_edge(r[0], r[1], weight=float(r[7]))
        counts("csv (networkx)", gcsv.number_of_nodes(), gcsv.number_of_edges())

        # --- CSV for neo4j-admin -------------------------------------------------------
        with open(path("neo4j", "nodes.csv"), encoding="utf-8", newline="") as f:
            nrows = list(csv.reader(f))
        with open(path("neo4j", "edges.csv"), encoding="utf-8", newline="") as f:
            erows = list(csv.reader(f))
        self.check(nrows[0] == NEO4J_NODES, f"{tag}/neo4j: node header {nrows[0]}")
        self.check(erows[0] == NEO4J_EDGES, f"{tag}/neo4j: edge header {erows[0]}")
        counts("neo4j", len(nrows) - 1, len(erows) - 1)
        node_ids = {r[0] for r in nrows[1:]}
        for r in nrows[1:]:
            self.check(r[1] == r[3].capitalize(), f"{tag}/neo4j: :LABEL {r[1]!r} for kind {r[3]!r}")
            self.check(r[12].isdigit(), f"{tag}/neo4j: degree:int {r[12]!r}")
            self.check(not any("\n" in c or "\r" in c for c in r), f"{tag}/neo4j: line break in a node row")
        for r in erows[1:]:
            self.check(r[0] in node_ids and r[1] in node_ids, f"{tag}/neo4j: dangling relationship {r[:3]}")
            self.check(re.fullmatch(r"[A-Z_]+", r[2]) is not None, f"{tag}/neo4j: :TYPE {r[2]!r}")
            float(r[4])
        self.check(collections.Counter(r[2].lower() for r in erows[1:]) == kinds, f"{tag}/neo4j: types differ")

        # --- SVG image ------------------------------------------------------------------
        svg = etree.parse(path("graph.svg")).getroot()
        self.check(svg.tag == f"{{{SVG}}}svg", f"{tag}/graph.svg: root is {svg.tag}")
        groups = [g for g in svg.iter(f"{{{SVG}}}g") if g.get("class") == "node"]
        self.check(len(groups) == want_n, f"{tag}/graph.svg: {len(groups)} node groups, expected {want_n}")

    def gexf_structure(self, tag, path, directed):
        root = etree.parse(path).getroot()
        self.check(root.tag == f"{{{GEXF}}}gexf" and root.get("version") == "1.3", f"{tag}/gexf: not GEXF 1.3")
        self.check(root.nsmap.get("viz") == VIZ, f"{tag}/gexf: viz namespace {root.nsmap.get('viz')}")
        graph = root.find(f"{{{GEXF}}}graph")
        self.check(graph.get("defaultedgetype") == ("directed" if directed else "undirected"),
                   f"{tag}/gexf: defaultedgetype {graph.get('defaultedgetype')}")
        self.check(graph.get("mode") in ("static", "dynamic"), f"{tag}/gexf: mode {graph.get('mode')}")
        declared = {"node": set(), "edge": set()}
        for attrs in graph.findall(f"{{{GEXF}}}attributes"):
            cls = attrs.get("class")
            self.check(cls in declared, f"{tag}/gexf: attributes class {cls!r}")
            for a in attrs.findall(f"{{{GEXF}}}attribute"):
                self.check(a.get("id") and a.get("title") and a.get("type") in GEXF_TYPES,
                           f"{tag}/gexf: bad attribute {dict(a.attrib)}")
                declared.setdefault(cls, set()).add(a.get("id"))
        dates = graph.get("mode") == "dynamic"
        for el_name, cls in (("node", "node"), ("edge", "edge")):
            ids = []
            for el in graph.iter(f"{{{GEXF}}}{el_name}"):
                ids.append(el.get("id"))
                for av in el.iter(f"{{{GEXF}}}attvalue"):
                    self.check(av.get("for") in declared[cls], f"{tag}/gexf: undeclared attvalue {av.get('for')!r}")
                if el.get("start") is not None:
                    self.check(dates and ISO_DATE.match(el.get("start")), f"{tag}/gexf: start {el.get('start')!r}")
                for c in el.findall(f"{{{VIZ}}}color"):
                    self.check(all(0 <= int(c.get(x)) <= 255 for x in "rgb"), f"{tag}/gexf: colour {dict(c.attrib)}")
                if el_name == "node":
                    self.check(el.get("label") is not None, f"{tag}/gexf: node without label")
                    for s in el.findall(f"{{{VIZ}}}size"):
                        self.check(float(s.get("value")) > 0, f"{tag}/gexf: size {s.get('value')}")
                else:
                    self.check(el.get("source") and el.get("target") and el.get("kind"),
                               f"{tag}/gexf: edge {el.get('id')} lacks source/target/kind")
                    float(el.get("weight"))
            self.check(len(ids) == len(set(ids)) and all(ids), f"{tag}/gexf: {el_name} ids missing or repeated")


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    if tuple(int(p) for p in re.findall(r"\d+", nx.__version__)[:2]) < (3, 4):
        print(f"check_exports: networkx >= 3.4 required, found {nx.__version__}", file=sys.stderr)
        return 1
    with open(argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    c = Checker()
    for case in manifest["cases"]:
        try:
            c.case(case)
        except Exception as e:  # a parser refusing a file is a finding, not a crash
            c.check(False, f"{case['dir']}: {type(e).__name__}: {e}")
    for label in manifest.get("labels", []):
        c.check(label in c.seen_labels, f"label {label!r} not found in any export")
    if c.problems:
        print(f"check_exports: {len(c.problems)} problem(s):", file=sys.stderr)
        for p in c.problems:
            print(f"  - {p}", file=sys.stderr)
        return 1
    print(f"check_exports: OK: {len(manifest['cases'])} view(s) x json, graphml (networkx "
          f"{nx.__version__}, igraph {igraph.__version__}), gexf, cytoscape, csv, neo4j, svg")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
