#!/usr/bin/env bash
# All the tests, on a fresh Debian or Ubuntu machine too: installs what they need (scripts/setup.sh), then runs
# Maven's verify. Arguments go to Maven (e.g. -pl backend, -Dtest=...).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec ./mvnw -B verify "$@"
