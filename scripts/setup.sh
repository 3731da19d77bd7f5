#!/usr/bin/env bash
# Installs what the tests need on a Debian or Ubuntu machine, once (each step is skipped when already there):
# Maven, Debian's Chromium and its driver (browser tests), Node.js with s3rver (the S3-compatible test server, into
# .tools/) and Apollo Client 4 (a real persisted-query client), docker-compose and HAProxy (the deployable form's checks), Debian's PostgreSQL server (scripts/cluster). Also checks for a JDK 21+. Called by scripts/test.sh and .ci/run; safe to run again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "setup: need root (or sudo) to run: $*" >&2; exit 1; fi; }
updated=""
apt_install() {
  command -v apt-get >/dev/null || { echo "setup: not a Debian/Ubuntu machine; install by hand: $*" >&2; exit 1; }
  [ -n "$updated" ] || { as_root apt-get update -q; updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

command -v mvn >/dev/null 2>&1 || apt_install maven
if ! command -v chromedriver >/dev/null || ! command -v chromium >/dev/null; then apt_install chromium chromium-driver; fi
command -v npm >/dev/null 2>&1 || apt_install nodejs npm
# the deployable form's checks (scripts/check-deploy.sh): compose validates without an engine
command -v docker-compose >/dev/null 2>&1 || apt_install docker-compose
command -v haproxy >/dev/null 2>&1 || apt_install haproxy
# the cluster fault suite (scripts/cluster) runs Debian's PostgreSQL server; the cluster is never started as a service
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt_install postgresql
  # Debian's package starts a cluster of its own: not needed here
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h 2>/dev/null | while read -r version name _; do as_root pg_ctlcluster "$version" "$name" stop || true; done
  fi
fi

s3rver_version=3.7.1
if [ ! -x .tools/s3rver/node_modules/.bin/s3rver ]; then
  mkdir -p .tools/s3rver
  npm install --prefix .tools/s3rver --no-audit --no-fund --silent "s3rver@$s3rver_version"
fi

. scripts/jdk.sh
echo "setup: ready (JAVA_HOME=$JAVA_HOME)"
