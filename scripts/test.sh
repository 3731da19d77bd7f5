#!/usr/bin/env bash
# All the tests, on a fresh Debian or Ubuntu machine too: installs what they need (scripts/setup.sh), then runs
# Maven's verify, after checking the deployable form (scripts/check-deploy.sh); then the cluster fault suite
# (tag "fault": scripts/cluster's PostgreSQL, s3rver, two replicas from the jar verify built, HAProxy) as a second
# Maven call. Arguments go to Maven (e.g. -pl backend, -Dtest=...); with arguments the fault suite is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/check-deploy.sh
if [ $# -gt 0 ]; then exec ./mvnw -B verify "$@"; fi
./mvnw -B verify
exec ./mvnw -B -pl graphql,backend test -Dgroups=fault -DexcludedGroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false
