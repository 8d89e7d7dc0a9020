#!/bin/sh
# A desktop notification as a user sees it: a real notification server (dunst) on a virtual
# screen (Xvfb) in a private D-Bus session; notify_alert sends a firing alert through
# DesktopNotifier, then the screen is saved as OUT.png. Exit 77 (skipped) without dunst, Xvfb or
# ImageMagick's import.
# usage: notification-screenshot.sh NOTIFY_ALERT_BINARY OUT.png
set -eu
notify=${1:?usage: notification-screenshot.sh NOTIFY_ALERT OUT.png}
out=${2:?usage: notification-screenshot.sh NOTIFY_ALERT OUT.png}
for tool in dunst xvfb-run dbus-run-session import; do
    command -v "$tool" >/dev/null 2>&1 || { echo "notification-screenshot: $tool not installed" >&2; exit 77; }
done
mkdir -p "$(dirname "$out")"
export NOTIFY="$notify" OUT="$out"
xvfb-run -a -s "-screen 0 720x240x24" dbus-run-session -- sh -c '
    dunst >/dev/null 2>&1 &
    dunst_pid=$!
    # dunst takes the name org.freedesktop.Notifications once it runs.
    for _ in $(seq 50); do
        dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
            string:org.freedesktop.Notifications 2>/dev/null | grep -q "boolean true" && break
        sleep 0.1
    done
    "$NOTIFY"
    sleep 1
    import -window root "$OUT"
    kill $dunst_pid
'
test -s "$out"
