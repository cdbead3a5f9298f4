#!/bin/sh
# Fails when a tracked C file is not formatted as .clang-format says.
# Run from the repository root; 'make format' fixes what it reports.
set -u
command -v clang-format >/dev/null || { echo "clang-format not installed"; exit 77; }
bad=0
for f in $(git ls-files '*.c' '*.h' 2>/dev/null || find src parsers checks -name '*.[ch]'); do
	if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
		echo "not formatted: $f"
		bad=1
	fi
done
exit $bad
