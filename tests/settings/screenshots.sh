#!/usr/bin/env bash
# Screenshots of the welcome, providers and settings dialogs in English and German, on a virtual
# X display (Xvfb, the xcb platform) as a user would see them:
#   tests/settings/screenshots.sh BUILD_DIR   -> BUILD_DIR/screenshots/{welcome,providers,settings,firstrun-sandbox,...}-{en,de}.png
set -eu
build=${1:?usage: screenshots.sh BUILD_DIR}
cmake --build "$build" --target tst_settingsscreenshots
command -v xvfb-run >/dev/null || { echo "missing xvfb-run: apt-get install -y xvfb xauth"; exit 2; }
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" "$build/tests/settings/tst_settingsscreenshots"
ls -1 "$build"/screenshots/{welcome,providers,providers-preset,settings,firstrun-sandbox}-{en,de}.png
