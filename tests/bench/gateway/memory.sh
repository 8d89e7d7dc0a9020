#!/bin/sh
# Gateway memory under large request bodies (#23 item 8): `switchyard serve` on the sandbox, then
# N concurrent requests of SIZE bytes each (an image data URL), repeated ROUNDS times. Prints the
# server's resident memory before, at its peak (VmHWM) and 1 s after the last answer.
#
#   tests/bench/gateway/memory.sh [BUILD_DIR] [N=16] [SIZE=3900000] [ROUNDS=3]
set -eu
build=${1:-build}
n=${2:-16}
size=${3:-3900000}
rounds=${4:-3}
bin="$build/app/switchyard"
home=$(mktemp -d)
port=$((20000 + $$ % 20000))
trap 'kill $pid 2>/dev/null; rm -rf "$home"' EXIT
"$bin" --home "$home" --sandbox serve --port "$port" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$port/health" && break
    sleep 0.1
done
body="$home/body.json"
python3 - "$body" "$size" <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2])
head = '{"model":"sandbox/gpt-4.1-mini","messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,'
tail = '"}}]}]}'
open(path, 'w').write(head + 'A' * (size - len(head) - len(tail)) + tail)
PY
rss() { awk -v k="$1:" '$1 == k { print int($2 / 1024) }' "/proc/$pid/status"; }
curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary @"$body" "http://127.0.0.1:$port/v1/chat/completions"
before=$(rss VmRSS)
for _ in $(seq "$rounds"); do
    clients=""
    for _ in $(seq "$n"); do
        curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' --data-binary @"$body" \
            "http://127.0.0.1:$port/v1/chat/completions" >>"$home/codes" &
        clients="$clients $!"
    done
    wait $clients
done
sleep 1
after=$(rss VmRSS)
peak=$(rss VmHWM)
echo "bodies: $rounds x $n concurrent x $size bytes; answers: $(sort "$home/codes" | uniq -c | tr '\n' ' ')"
echo "serve RSS MiB: before $before, peak $peak, 1 s after $after"
