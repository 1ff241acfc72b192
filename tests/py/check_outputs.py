#!/usr/bin/env python3
"""Check that reportgraph's exports load in the tools analysts use.

Usage: check_outputs.py DIR EXPECTED_NODES EXPECTED_EDGES

Loads DIR/graph.json (networkx.node_link_graph), DIR/graph.graphml (networkx.read_graphml
and igraph.Graph.Read_GraphML) and DIR/graph.gexf (networkx.read_gexf); checks node and
edge counts, that node labels and edge kinds agree with graph.json, and that every node id
survives. Exits 1 with a message listing every mismatch. networkx (>= 3.4) and igraph are
required: a missing module is an error, never a skip.
"""

import collections
import json
import os
import re
import sys

import igraph
import networkx as nx

# Characters XML 1.0 cannot carry; the XML exporters drop them.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def networkx_version():
    return tuple(int(p) for p in re.findall(r"\d+", nx.__version__)[:2])


def xml_clean(s):
    return XML_ILLEGAL.sub("", s) if isinstance(s, str) else s


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    out_dir, want_nodes, want_edges = argv[1], int(argv[2]), int(argv[3])
    if networkx_version() < (3, 4):
        print(f"check_outputs: networkx >= 3.4 required, found {nx.__version__}", file=sys.stderr)
        return 1
    problems = []

    def check(cond, msg):
        if not cond:
            problems.append(msg)

    def path(name):
        return os.path.join(out_dir, name)

    # --- node-link JSON ---------------------------------------------------------------
    with open(path("graph.json"), encoding="utf-8") as f:
        data = json.load(f)
    gj = nx.node_link_graph(data, edges="edges")
    check(gj.is_directed() and gj.is_multigraph(), "graph.json: not a directed multigraph")
    check(gj.number_of_nodes() == want_nodes,
          f"graph.json (networkx): {gj.number_of_nodes()} nodes, expected {want_nodes}")
    check(gj.number_of_edges() == want_edges,
          f"graph.json (networkx): {gj.number_of_edges()} edges, expected {want_edges}")
    # Ground truth, as the XML formats can carry it.
    labels = {xml_clean(n): xml_clean(d.get("label")) for n, d in gj.nodes(data=True)}
    kinds = collections.Counter(d.get("kind") for _, _, d in gj.edges(data=True))
    ids = {xml_clean(n) for n in gj.nodes}

    def compare(fmt, got_labels, got_kinds):
        if got_labels != labels:
            missing = sorted(set(labels) - set(got_labels))[:5]
            wrong = sorted(n for n in labels if n in got_labels and got_labels[n] != labels[n])[:5]
            check(False, f"{fmt}: node labels differ from graph.json "
                         f"(missing ids {missing!r}; wrong labels for {wrong!r}: "
                         f"{[(labels[n], got_labels[n]) for n in wrong]!r})")
        check(got_kinds == kinds,
              f"{fmt}: edge kinds {dict(got_kinds)!r} differ from graph.json {dict(kinds)!r}")

    # --- GraphML: networkx ------------------------------------------------------------
    gm = nx.read_graphml(path("graph.graphml"))
    check(gm.is_directed(), "graph.graphml (networkx): not directed")
    check(gm.number_of_nodes() == want_nodes,
          f"graph.graphml (networkx): {gm.number_of_nodes()} nodes, expected {want_nodes}")
    check(gm.number_of_edges() == want_edges,
          f"graph.graphml (networkx): {gm.number_of_edges()} edges, expected {want_edges}")
    compare("graph.graphml (networkx)",
            {n: d.get("label") for n, d in gm.nodes(data=True)},
            collections.Counter(d.get("kind") for _, _, d in gm.edges(data=True)))
    for _, _, d in gm.edges(data=True):
        if not isinstance(d.get("weight"), float):
            check(False, f"graph.graphml (networkx): edge weight {d.get('weight')!r} is not a float")
            break
    for n, d in gm.nodes(data=True):
        if not isinstance(d.get("degree"), int):
            check(False, f"graph.graphml (networkx): node {n!r} degree {d.get('degree')!r} is not an int")
            break

    # --- GraphML: igraph --------------------------------------------------------------
    gi = igraph.Graph.Read_GraphML(path("graph.graphml"))
    check(gi.is_directed(), "graph.graphml (igraph): not directed")
    check(gi.vcount() == want_nodes,
          f"graph.graphml (igraph): {gi.vcount()} vertices, expected {want_nodes}")
    check(gi.ecount() == want_edges,
          f"graph.graphml (igraph): {gi.ecount()} edges, expected {want_edges}")
    if gi.vcount():
        compare("graph.graphml (igraph)",
                dict(zip(gi.vs["id"], gi.vs["label"])),
                collections.Counter(gi.es["kind"]) if gi.ecount() else collections.Counter())

    # --- GEXF: networkx ---------------------------------------------------------------
    gx = nx.read_gexf(path("graph.gexf"))
    check(gx.is_directed(), "graph.gexf (networkx): not directed")
    check(gx.number_of_nodes() == want_nodes,
          f"graph.gexf (networkx): {gx.number_of_nodes()} nodes, expected {want_nodes}")
    check(gx.number_of_edges() == want_edges,
          f"graph.gexf (networkx): {gx.number_of_edges()} edges, expected {want_edges}")
    check(set(gx.nodes) == ids, "graph.gexf (networkx): node ids differ from graph.json")
    compare("graph.gexf (networkx)",
            {n: d.get("label") for n, d in gx.nodes(data=True)},
            collections.Counter(d.get("kind") for _, _, d in gx.edges(data=True)))

    if problems:
        print(f"check_outputs: {len(problems)} problem(s) in {out_dir}:", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        return 1
    print(f"check_outputs: OK: {want_nodes} nodes, {want_edges} edges in json, graphml "
          f"(networkx {nx.__version__}, igraph {igraph.__version__}) and gexf")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
