#!/usr/bin/env bash
# Consistent backup of Subventions: the database (documents included: they are stored in it) and the template folder.
#
#   docker/backup.sh <backup directory>
#
# Environment (defaults in brackets): SUBVENTIONS_DB_HOST [127.0.0.1], SUBVENTIONS_DB_PORT [3306],
# SUBVENTIONS_DB_NAME [subventions], SUBVENTIONS_DB_USER [subventions], SUBVENTIONS_DB_PASSWORD [empty],
# SUBVENTIONS_TEMPLATE_DIR [./templates]. With Docker: run it on a host with mariadb-dump, or in the mariadb container.
#
# The dump is taken in one InnoDB transaction (--single-transaction): a consistent snapshot of every table, the
# engine's and ours, while the application keeps running. Writes:
#   subventions-<UTC time>.sql.gz, templates-<UTC time>.tar.gz (when the folder exists) and SHA256SUMS-<UTC time>.
set -euo pipefail

out=${1:?usage: backup.sh <backup directory>}
host=${SUBVENTIONS_DB_HOST:-127.0.0.1}
port=${SUBVENTIONS_DB_PORT:-3306}
name=${SUBVENTIONS_DB_NAME:-subventions}
user=${SUBVENTIONS_DB_USER:-subventions}
templates=${SUBVENTIONS_TEMPLATE_DIR:-./templates}
stamp=$(date -u +%Y%m%dT%H%M%SZ)

mkdir -p "$out"
dump="$out/subventions-$stamp.sql.gz"
# the password goes through the environment, never on the command line (visible in ps)
MYSQL_PWD=${SUBVENTIONS_DB_PASSWORD:-} mariadb-dump --host="$host" --port="$port" --user="$user" \
    --single-transaction --quick --hex-blob --routines --triggers --default-character-set=utf8mb4 \
    --no-tablespaces "$name" | gzip > "$dump.partial"
mv "$dump.partial" "$dump"

files=("$(basename "$dump")")
if [ -d "$templates" ]; then
    archive="$out/templates-$stamp.tar.gz"
    tar -C "$(dirname "$templates")" -czf "$archive" "$(basename "$templates")"
    files+=("$(basename "$archive")")
fi
(cd "$out" && sha256sum "${files[@]}" > "SHA256SUMS-$stamp")
echo "$dump"
