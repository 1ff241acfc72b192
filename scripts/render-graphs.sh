#!/usr/bin/env bash
# Regenerates the images under graphs/ from graphs/graph.json (run `cargo run --release --
# build` first when the reports or the extractor changed):
#   graphs/graph-full.{svg,png}       the report graph, all kinds (sfdp)
#   graphs/graph-alongside.{svg,png}  who took a speaking part at the same events (sfdp)
# Needs Graphviz (scripts/setup.sh installs it). Image bytes depend on the Graphviz
# version; the tests only check that the files are there and are images.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-target}/release/reportgraph"
GRAPH="${1:-graphs/graph.json}"

for view in full alongside; do
    for format in svg png; do
        "$BIN" render --graph "$GRAPH" --view "$view" --layout sfdp --format "$format" \
            -o "graphs/graph-$view.$format"
    done
done
