#!/bin/sh
# Fails when a tracked C file is not formatted as .clang-format says.
# Run from the repository root; 'make format' fixes what it reports.
# One clang-format process for all files: one per file was slow enough to
# time out on a loaded machine.
set -u
command -v clang-format >/dev/null || { echo "clang-format not installed"; exit 77; }
files=$(git ls-files '*.c' '*.h' 2>/dev/null || find src parsers checks -name '*.[ch]')
# shellcheck disable=SC2086
if ! clang-format --dry-run --Werror $files 2>&1 | grep -o '^[^:]*\.[ch]:' | sort -u | sed 's/^/not formatted: /;s/:$//'; then
	: # grep found nothing to report
fi
clang-format --dry-run --Werror $files >/dev/null 2>&1
