#!/bin/sh
# Configures, builds and runs the whole suite. The gateway tests drive the official openai and
# @anthropic-ai/sdk npm packages, installed here from the committed lock file. Keychain tests
# need a Secret Service, so ctest runs inside a private D-Bus session with an unlocked
# gnome-keyring (works headless). Release, not RelWithDebInfo: debug info made the build tree
# 11 GB and ran a CI machine out of disk.
set -eu
cd "$(dirname "$0")/.."
build=${SWITCHYARD_BUILD_DIR:-build}
if [ -f tests/gateway/node/package-lock.json ] && [ ! -d tests/gateway/node/node_modules ]; then
    npm ci --prefix tests/gateway/node --no-audit --no-fund --loglevel=error
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --parallel "$(nproc)"
export QT_QPA_PLATFORM=offscreen
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    exec dbus-run-session -- sh -c "echo switchyard-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ctest --test-dir '$build' --output-on-failure --parallel 2 $*"
fi
exec ctest --test-dir "$build" --output-on-failure --parallel 2 "$@"
