#!/usr/bin/env bash
# All the tests, on a fresh Debian or Ubuntu machine too: installs what they need (scripts/setup.sh), then runs
# Maven's verify, after checking the deployable form (scripts/check-deploy.sh). Arguments go to Maven (e.g. -pl backend, -Dtest=...).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/check-deploy.sh
exec ./mvnw -B verify "$@"
