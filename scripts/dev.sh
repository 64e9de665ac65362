#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine:
#   bash scripts/dev.sh run [innsyn arguments]   set up, then open the application
#   bash scripts/dev.sh test [pytest arguments]  set up, then lint, type-check and run every test
#   bash scripts/dev.sh setup                    set up only
#   bash scripts/dev.sh build                    set up, build the PyInstaller bundle (dist/innsyn),
#                                                then run its --self-test
#   bash scripts/dev.sh bench [--sizes 10k,100k,1m] [--only NAME]
#                                                set up, then run the benchmarks (bench/run.py);
#                                                results in bench/RESULTS.md
# `test` runs pytest twice: as it is, then (CI, or INNSYN_MOVED_CLOCK set) once more under
# libfaketime with the system clock moved ahead (INNSYN_SKIP_MOVED_CLOCK=1 skips that run);
# then it builds the bundle and runs its self-test (INNSYN_SKIP_BUNDLE=1 skips it).
# Setting up means: the Debian libraries Qt needs (installed where missing and we may install),
# a .venv with the pinned Python packages, and the project installed in it (editable).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

QT_DEBS=(libgl1 libegl1 libglib2.0-0 libxkbcommon0 libfontconfig1 libdbus-1-3)
# What Qt's X11 platform plugin (xcb) needs besides: without them a window on an X display
# aborts at start ("xcb-cursor0 or libxcb-cursor0 is needed").
XCB_DEBS=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-render-util0 libxcb-shape0 libxcb-xkb1)
# A session bus and a real Secret Service for the keyring integration test; libfaketime for the
# second run of the suite with the system clock moved ahead.
TEST_DEBS=(dbus dbus-bin gnome-keyring faketime)
# How far the second run moves the system clock: more than a year, so that a test which
# reads the real date instead of the one clock (app/core/clock.py) fails here, not later.
MOVED_CLOCK="${INNSYN_MOVED_CLOCK:-+400d}"

need_python() {
    for py in python3.13 python3.12 python3.11 python3; do
        if command -v "$py" >/dev/null 2>&1 &&
            "$py" -c 'import sys, venv; raise SystemExit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$py"; return 0
        fi
    done
    echo "Innsyn needs Python 3.11 or newer with the venv module (apt-get install python3 python3-venv)." >&2
    exit 1
}

missing_debs() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
    done
}

install_debs() {
    command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian: the user installs Qt's libraries
    local missing
    missing=$(missing_debs "$@")
    [ -z "$missing" ] && return 0
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
            echo "Missing Debian packages (install them, then run this again): $missing" >&2
            return 0
        fi
    fi
    echo "Installing Debian packages: $missing"
    # shellcheck disable=SC2086
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
}

setup() {
    # setup LOCK...: the pinned packages of every lock given, in one pip run.
    local lock reqs=()
    for lock in "$@"; do reqs+=(-r "$lock"); done
    local py
    py=$(need_python)
    if [ ! -x .venv/bin/python ]; then
        "$py" -m venv .venv
    fi
    local stamp=".venv/.installed-$(cat "$@" requirements.lock pyproject.toml | sha256sum | cut -c1-16)"
    if [ ! -e "$stamp" ]; then
        .venv/bin/python -m pip install -q --upgrade pip
        .venv/bin/python -m pip install -q "${reqs[@]}"
        .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e . 2>/dev/null ||
            .venv/bin/python -m pip install -q --no-deps -e .
        rm -f .venv/.installed-*
        touch "$stamp"
    fi
}

# The one-folder bundle, built from build.spec, then checked the way a user would: its own
# self-test on Qt's offscreen platform (a new encrypted database, a request, a statement PDF,
# the audit chain, the main window). A broken bundle fails here, not on the officer's desk.
build_bundle() {
    local log=build/pyinstaller.log start=$SECONDS
    mkdir -p build
    echo "Building dist/innsyn with PyInstaller (log: $log)"
    if ! .venv/bin/pyinstaller --noconfirm build.spec >"$log" 2>&1; then
        tail -n 60 "$log" >&2
        echo "The PyInstaller build failed (the whole log is in $log)." >&2
        return 1
    fi
    echo "Built in $((SECONDS - start)) s: dist/innsyn, $(du -sh dist/innsyn | cut -f1)"
    local exe=dist/innsyn/innsyn
    [ -e dist/innsyn/innsyn-cli.exe ] && exe=dist/innsyn/innsyn-cli.exe
    QT_QPA_PLATFORM=offscreen "$exe" --self-test
}

# pytest with a real Secret Service on a private session bus where there is one; with
# --faketime first, under libfaketime with the system clock moved by $MOVED_CLOCK.
run_pytest() {
    local moved=()
    if [ "${1:-}" = --faketime ]; then
        shift
        moved=(faketime -f "$MOVED_CLOCK")
    fi
    if command -v dbus-run-session >/dev/null 2>&1; then
        "${moved[@]}" dbus-run-session -- bash scripts/with-secret-service.sh \
            .venv/bin/python -m pytest -p no:cacheprovider "$@"
    else
        "${moved[@]}" .venv/bin/python -m pytest -p no:cacheprovider "$@"
    fi
}

cmd="${1:-run}"
shift || true
case "$cmd" in
    setup)
        install_debs "${QT_DEBS[@]}"
        setup requirements-dev.lock requirements-build.lock ;;
    run)
        if [ -n "${DISPLAY:-}" ]; then install_debs "${QT_DEBS[@]}" "${XCB_DEBS[@]}"
        else install_debs "${QT_DEBS[@]}"; fi
        setup requirements.lock
        # Without a display Qt aborts; fall back to offscreen only when there is none at all.
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
            echo "No display found: starting with QT_QPA_PLATFORM=offscreen (nothing will be visible)." >&2
            export QT_QPA_PLATFORM=offscreen
        fi
        exec .venv/bin/innsyn "$@" ;;
    test)
        install_debs "${QT_DEBS[@]}" "${TEST_DEBS[@]}"
        setup requirements-dev.lock requirements-build.lock
        export QT_QPA_PLATFORM=offscreen
        # Separate commands: under `set -e` a failure on the left of `&&` does not stop the script.
        echo "== ruff"; .venv/bin/ruff check .; .venv/bin/ruff format --check .
        echo "== mypy"; .venv/bin/mypy
        echo "== pytest"
        # Not `exec`: the bundle comes after. A failing pytest still ends the script (set -e)
        # with pytest's exit status.
        run_pytest "$@"
        if [ "${INNSYN_SKIP_MOVED_CLOCK:-}" != 1 ]; then
            echo "== pytest with the system clock moved ahead ($MOVED_CLOCK)"
            if ! command -v faketime >/dev/null 2>&1; then
                echo "faketime is missing (apt-get install faketime): the moved-clock run cannot run." >&2
                exit 1
            fi
            run_pytest --faketime "$@"
        fi
        if [ "${INNSYN_SKIP_BUNDLE:-}" != 1 ]; then
            echo "== bundle"
            build_bundle
        fi ;;
    build)
        install_debs "${QT_DEBS[@]}"
        setup requirements-build.lock
        build_bundle ;;
    bench)
        install_debs "${QT_DEBS[@]}"
        setup requirements-dev.lock requirements-build.lock
        export QT_QPA_PLATFORM=offscreen
        exec .venv/bin/python -m bench.run "$@" ;;
    *)
        echo "usage: bash scripts/dev.sh run|test|setup|build|bench [arguments]" >&2; exit 2 ;;
esac
