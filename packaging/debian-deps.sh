#!/bin/sh
# Installs what building, running and testing Switchyard needs on Debian 12.
# Skips apt entirely when everything is already there. prometheus is for the test that has a real
# Prometheus scrape the gateway (it starts its own server on loopback; the service the package
# enables is not used). postgresql likewise: the tests run initdb in a temporary directory and
# start their own server (tests/postgres/pg-server.sh); libqt6sql6-psql is Qt's driver for it,
# libpq-dev the headers the ledger's COPY writer needs (it runs on that driver's libpq connection).
# dunst is a real desktop notification server, photographed showing an alert on Xvfb.
set -eu
packages="build-essential cmake ninja-build pkg-config clang-format
 qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6svg6 libqt6sql6-sqlite qt6-l10n-tools qt6-tools-dev
 qt6-httpserver-dev qt6-pdf-dev qt6-websockets-dev qtkeychain-qt6-dev libyaml-cpp-dev libgl-dev libqt6opengl6-dev libvulkan-dev libxkbcommon-dev
 libqt6sql6-psql libpq-dev postgresql
 xvfb xauth imagemagick gnome-keyring dbus-x11 prometheus dunst"
# Node.js and npm (for the gateway's SDK tests) may come from outside Debian (e.g. NodeSource,
# whose nodejs package bundles npm and conflicts with Debian's npm): only install Debian's when
# there is none.
command -v npm >/dev/null 2>&1 || packages="$packages nodejs npm"
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
