#!/usr/bin/env bash
# Installs what the consumer tests need on a fresh Debian/Ubuntu machine:
# Graphviz (`dot`), python3 with networkx >= 3.4, igraph and lxml.
# Idempotent: installs only what is missing. Runs as root (CI), or uses sudo when available.
set -euo pipefail

log() { printf 'setup: %s\n' "$*" >&2; }

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    SUDO=()
fi

APT_UPDATED=0
apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        log "apt-get not found; install these yourself: $*"
        exit 1
    fi
    if [ "$APT_UPDATED" -eq 0 ]; then
        "${SUDO[@]}" apt-get update
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y --no-install-recommends "$@"
}

PYTHON="${PYTHON:-python3}"

# Graphviz
if ! command -v dot >/dev/null 2>&1; then
    log "installing graphviz"
    apt_install graphviz
fi

# python3 and pip
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    log "installing python3"
    apt_install python3 python3-pip
fi

py_deps_ok() {
    "$PYTHON" - <<'PY' >/dev/null 2>&1
import re
import igraph, lxml, networkx
assert tuple(int(p) for p in re.findall(r"\d+", networkx.__version__)[:2]) >= (3, 4)
PY
}

if ! py_deps_ok; then
    if ! "$PYTHON" -m pip --version >/dev/null 2>&1; then
        log "installing pip"
        apt_install python3-pip
    fi
    log "installing networkx, igraph, lxml with pip"
    PKGS=("networkx>=3.4" "igraph>=0.11" "lxml")
    # Debian 12+ marks the system python as externally managed (PEP 668); a CI machine
    # is disposable, so install over it when a plain install is refused.
    if ! "$PYTHON" -m pip install "${PKGS[@]}"; then
        "$PYTHON" -m pip install --break-system-packages "${PKGS[@]}"
    fi
    if ! py_deps_ok; then
        log "networkx >= 3.4, igraph and lxml still not importable by $PYTHON"
        exit 1
    fi
fi

log "ok: $(dot -V 2>&1 | head -n1); $("$PYTHON" -c 'import networkx, igraph; print("networkx", networkx.__version__, "igraph", igraph.__version__)')"
