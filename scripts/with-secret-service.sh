#!/usr/bin/env bash
# Runs a command with a real Secret Service (gnome-keyring-daemon) on the session bus, for the
# keyring integration test. Meant to run inside `dbus-run-session`; the keyring lives in a
# temporary folder removed afterwards, never in the user's own.
set -euo pipefail
if command -v gnome-keyring-daemon >/dev/null 2>&1 && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    ring_home="$(mktemp -d)"
    trap 'rm -rf "$ring_home"' EXIT
    if eval "$(printf 'innsyn-ci\n' | XDG_DATA_HOME="$ring_home" HOME="$ring_home" \
        gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"; then
        export INNSYN_SECRET_SERVICE=1
    fi
fi
"$@"
