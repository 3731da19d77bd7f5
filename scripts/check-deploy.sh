#!/usr/bin/env bash
# Checks the deployable form without a Docker engine: docker/compose.yaml validates with every secret of
# docker/.env.example filled in (and refuses to without them), and the proxy's configuration is valid.
set -euo pipefail
cd "$(dirname "$0")/.."
env_file=$(mktemp)
trap 'rm -f "$env_file"' EXIT
sed 's/^\([A-Z_]*\)=$/\1=filled-in-for-the-check/' docker/.env.example > "$env_file"
docker-compose -f docker/compose.yaml --env-file "$env_file" config -q
services=$(docker-compose -f docker/compose.yaml --env-file "$env_file" config --services | sort | tr '\n' ' ')
[ "$services" = "backend-1 backend-2 dashboard minio minio-bucket postgres proxy " ] || { echo "check-deploy: services are: $services" >&2; exit 1; }
if docker-compose -f docker/compose.yaml --env-file /dev/null config -q 2>/dev/null; then
  echo "check-deploy: compose.yaml started without its secrets" >&2; exit 1
fi
JUARE_PUBLIC_BIND=127.0.0.1:1 JUARE_BACKEND_1=127.0.0.1:2 JUARE_BACKEND_2=127.0.0.1:3 JUARE_BACKEND_MGMT_1=4 \
  JUARE_BACKEND_MGMT_2=5 JUARE_DASHBOARD=127.0.0.1:6 JUARE_DASHBOARD_MGMT=7 haproxy -c -q -f docker/haproxy/haproxy.cfg
echo "check-deploy: docker/compose.yaml and the proxy's configuration are valid (services: $services)"
