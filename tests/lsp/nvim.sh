#!/bin/sh
# nvim.sh - a real LSP client: Neovim (headless) runs advisor-lint --lsp (nvim_test.lua).
#   nvim.sh ADVISOR_LINT SEED_FIXTURE
# Skips (exit 77) with a message when nvim is not installed (scripts/install-deps.sh
# installs Debian's neovim). The fixture is the seed with an http learnMoreLink on a line
# that holds a character outside the BMP before it, written to a temporary workspace.
set -eu
lint=$1
seed=$2
if ! command -v nvim >/dev/null 2>&1; then
    echo "nvim-lsp: skipped: nvim is not installed (scripts/install-deps.sh installs neovim)"
    exit 77
fi
here=$(cd "$(dirname "$0")" && pwd)
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
python3 - "$seed" "$ws/defect.md" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
text = text.replace('    "potentialBenefits": "Improve resiliency in case of ExpressRoute peering location failure",\n', "")
text = text.replace('"learnMoreLink": "https://', '"potentialBenefits": "\U0001F600\U0001F680 resiliency", "learnMoreLink": "http://')
open(sys.argv[2], "w", encoding="utf-8", newline="").write(text)
PY
grep -q '"http://' "$ws/defect.md"
status=0
AL_LINT=$lint AL_FILE=$ws/defect.md AL_ROOT=$ws XDG_CACHE_HOME=$ws/.cache HOME=$ws \
    timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $here/nvim_test.lua" </dev/null 2>&1 ||
    status=$?
if [ "$status" -ne 0 ]; then
    echo "nvim-lsp: failed (status $status)"
    exit 1
fi
