#!/usr/bin/env bash
# Restores a backup of Subventions taken by backup.sh into an EMPTY database, and its templates.
#
#   docker/restore.sh <subventions-<time>.sql.gz> [templates-<time>.tar.gz]
#
# Environment as for backup.sh; SUBVENTIONS_DB_NAME names the target database, created when missing. Refuses a
# database that already holds tables: restore into a new one, then point the application at it. Checks the archive
# against its SHA256SUMS file when one sits next to it.
set -euo pipefail

dump=${1:?usage: restore.sh <subventions-<time>.sql.gz> [templates-<time>.tar.gz]}
archive=${2:-}
host=${SUBVENTIONS_DB_HOST:-127.0.0.1}
port=${SUBVENTIONS_DB_PORT:-3306}
name=${SUBVENTIONS_DB_NAME:-subventions}
user=${SUBVENTIONS_DB_USER:-subventions}
templates=${SUBVENTIONS_TEMPLATE_DIR:-./templates}
export MYSQL_PWD=${SUBVENTIONS_DB_PASSWORD:-}

dir=$(dirname "$dump")
stamp=$(basename "$dump" .sql.gz)
stamp=${stamp#subventions-}
if [ -f "$dir/SHA256SUMS-$stamp" ]; then
    (cd "$dir" && sha256sum --check --quiet "SHA256SUMS-$stamp")
fi

db() { mariadb --host="$host" --port="$port" --user="$user" "$@"; }
db -e "CREATE DATABASE IF NOT EXISTS \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
tables=$(db -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$name'")
if [ "$tables" != "0" ]; then
    echo "restore.sh: database $name already holds $tables tables; restore into an empty database" >&2
    exit 1
fi
gunzip -c "$dump" | db "$name"

if [ -n "$archive" ]; then
    mkdir -p "$templates"
    tar -C "$templates" --strip-components=1 -xzf "$archive"
fi
echo "restored $dump into $name"
