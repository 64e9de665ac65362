#!/usr/bin/env bash
# Screenshots of the real application (with sample cases) for the README's user guide:
#   bash scripts/screenshots.sh        -> docs/screenshots/*.png
# Under Xvfb when it is installed (apt-get install xvfb xauth), else Qt's offscreen platform.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/dev.sh setup >/dev/null
if command -v xvfb-run >/dev/null 2>&1; then
    exec xvfb-run -a -s "-screen 0 1400x1000x24" .venv/bin/python scripts/screenshots.py
fi
QT_QPA_PLATFORM=offscreen exec .venv/bin/python scripts/screenshots.py
