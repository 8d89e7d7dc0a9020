#!/bin/sh
# Gateway memory under large request bodies (#23 item 8): `switchyard serve` on the sandbox, then
# N concurrent requests of SIZE bytes each (an image data URL), repeated ROUNDS times. Prints the
# server's resident memory before, at its peak (VmHWM) and 1 s after the last answer.
#
#   tests/bench/gateway/memory.sh [BUILD_DIR] [N=16] [SIZE=3900000] [ROUNDS=3]
#
# UPSTREAM=external runs the sandbox as a second `serve` process that the measured one calls
# over HTTP, as a remote provider would be: the figures are then the gateway's own. The default
# keeps the sandbox in the measured process (its own parse of each body counts too).
set -eu
build=${1:-build}
n=${2:-16}
size=${3:-3900000}
rounds=${4:-3}
bin="$build/app/switchyard"
home=$(mktemp -d)
port=$((20000 + $$ % 20000))
upid=
trap 'kill $pid $upid 2>/dev/null; rm -rf "$home"' EXIT
model=sandbox/gpt-4.1-mini
if [ "${UPSTREAM:-}" = external ]; then
    uport=$((port + 1))
    mkdir -p "$home/upstream" "$home/gateway"
    "$bin" --home "$home/upstream" --sandbox serve --port "$uport" >/dev/null 2>&1 &
    upid=$!
    cat >"$home/gateway/providers.json" <<JSON
{"format": "switchyard-providers", "version": 1,
 "providers": [{"id": "up", "displayName": "up", "kind": "openai", "baseUrl": "http://127.0.0.1:$uport/v1",
                "keyEnv": "", "maxConcurrent": 64, "enabled": true, "simulated": false}],
 "models": [{"id": "up/gpt-4.1-mini", "provider": "up", "upstreamModel": "sandbox/gpt-4.1-mini",
             "price": {"inputPerMTok": 0.4, "outputPerMTok": 1.6}}]}
JSON
    model=up/gpt-4.1-mini
    for _ in $(seq 50); do
        curl -s -o /dev/null "http://127.0.0.1:$uport/health" && break
        sleep 0.1
    done
    "$bin" --home "$home/gateway" serve --port "$port" >/dev/null 2>&1 &
else
    "$bin" --home "$home" --sandbox serve --port "$port" >/dev/null 2>&1 &
fi
pid=$!
for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$port/health" && break
    sleep 0.1
done
body="$home/body.json"
python3 - "$body" "$size" "$model" <<'PY'
import sys
path, size, model = sys.argv[1], int(sys.argv[2]), sys.argv[3]
head = '{"model":"' + model + '","messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,'
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
