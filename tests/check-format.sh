#!/bin/sh
# Fails when a tracked .cpp/.h file is not formatted as the repository's .clang-format says
# (clang-format 14, Debian 12's). `.ci/run` runs it before the tests; fix a file with
# `clang-format -i FILE`. Files under tests/data/ are samples, not code, and are left alone.
set -eu
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null 2>&1; then
    echo "check-format: clang-format is missing (packaging/debian-deps.sh installs it)" >&2
    exit 2
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    files=$(git ls-files '*.cpp' '*.h' | grep -v '^tests/data/' || true)
else
    files=$(find app core ui tests -name '*.cpp' -o -name '*.h' | grep -v '^tests/data/' | sort)
fi
# --Werror turns each difference into an error naming file:line; all files are checked first.
if ! echo "$files" | xargs clang-format --dry-run --Werror; then
    echo "check-format: the files above differ from .clang-format; run clang-format -i on them" >&2
    exit 1
fi
echo "check-format: $(echo "$files" | wc -l) files match .clang-format"
