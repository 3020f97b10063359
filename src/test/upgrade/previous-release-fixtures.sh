#!/usr/bin/env bash
# Regenerates the databases of the previous release that the upgrade tests start from:
#
#   src/test/resources/upgrade/previous-release-mariadb.sql.gz  a mariadb-dump, loaded by SchemaUpgradeMariaDbIT
#   src/test/resources/upgrade/previous-release-h2.sql.gz       an H2 SCRIPT of ./data, loaded by SchemaMigrationsTest
#
# Each is made by the previous release itself, its schema created by Hibernate's ddl-auto update as that release did:
# the release is checked out in a temporary worktree and packaged, started (profile demo, on MariaDB with mariadb too)
# on an empty database, and driven through its API: a request is filed with its Contrat d'Engagement Républicain, its
# acknowledgement produced, declared complete; it is left in flight at « Instruire la demande ». Then the application is
# stopped and the database written out.
#
# Usage, from anywhere in the checkout: src/test/upgrade/previous-release-fixtures.sh [commit]   (default 8aa5341)
# Needs git, Maven, Java 17, curl, and MariaDB at 127.0.0.1:3306 where root logs in with an empty password (the
# database subventions_previous_release is dropped and created there). Takes a few minutes.
set -euo pipefail

RELEASE=${1:-8aa5341}
root=$(git rev-parse --show-toplevel)
out="$root/src/test/resources/upgrade"
work=$(mktemp -d)
db=subventions_previous_release
app_pid=

cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    git -C "$root" worktree remove --force "$work/release" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

log() { printf '%s\n' "$*" >&2; }

git -C "$root" worktree add --detach "$work/release" "$RELEASE" >/dev/null
log "packaging $RELEASE"
(cd "$work/release" && mvn -B -q package -DskipTests)
jar=$(ls "$work"/release/target/subventions-*.jar)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

# start <log> <java arguments…>: runs the release in $work (its ./data is there) and waits until it answers
start() {
    local log_file=$1
    shift
    (cd "$work" && exec java -Xmx768m -jar "$jar" --server.port="$port" \
        --subventions.documents.template-dir="$work/templates" --logging.level.root=warn "$@") >"$log_file" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 240); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/connexion")" = 200 ]; then
            return 0
        fi
        kill -0 "$app_pid" 2>/dev/null || { cat "$log_file" >&2; log "the release stopped"; exit 1; }
        sleep 1
    done
    cat "$log_file" >&2
    log "the release did not start within 240 s"
    exit 1
}

stop() {
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
    app_pid=
}

api() { # api <user> <curl arguments…>: the user's password is the user name in the demo
    local user=$1
    shift
    curl -sS --fail-with-body -u "$user:$user" "$@"
}

# await <what> <command…>: retries the command for two minutes
await() {
    local what=$1
    shift
    for _ in $(seq 1 120); do
        if "$@" >/dev/null 2>&1; then
            return 0
        fi
        sleep 1
    done
    log "timed out waiting for $what"
    exit 1
}

# The request left in flight: filed, acknowledged, declared complete, awaiting its instruction
journey() {
    local year reference
    year=$(date +%Y)
    reference=$(api demandeur -H 'Content-Type: application/json' "$base/api/requests" -d '{
        "applicant": {"name": "Association OF du Numérique", "siret": "73282932000074", "rna": "W212001234",
            "legalForm": "ASSOCIATION", "address": "2 rue Maréchal Leclerc, 21000 Dijon",
            "email": "contact@of-numerique.example", "representative": "Marie Dupont"},
        "title": "État des lieux emplois et compétences de la filière numérique",
        "description": "Un état des lieux des besoins en emplois et compétences numériques, centré sur le territoire de Dijon Métropole.",
        "theme": "DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES", "fiscalYear": '"$year"', "totalBudget": 72000, "requestedAmount": 20000,
        "cofinancing": [{"funder": "NUMEUM France", "amount": 10000}, {"funder": "Autofinancement", "amount": 42000}]}' \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["reference"])')
    printf '%%PDF-1.4\n%% Contrat d engagement republicain\n%%%%EOF\n' >"$work/cer.pdf"
    api demandeur -F "file=@$work/cer.pdf;type=application/pdf" -F type=CONTRAT_ENGAGEMENT_REPUBLICAIN \
        "$base/api/requests/$reference/documents" >/dev/null
    await "the acknowledgement of $reference" has_document "$reference" ACKNOWLEDGEMENT
    api instructeur -H 'Content-Type: application/json' "$base/api/requests/$reference/completeness" \
        -d '{"complete": true, "comment": "Dossier complet"}' >/dev/null
    await "$reference in instruction" has_status "$reference" IN_INSTRUCTION
    log "$reference left in flight, awaiting its instruction"
}

has_document() {
    api instructeur "$base/api/requests/$1/documents" | grep -q "\"$2\""
}

has_status() {
    api instructeur "$base/api/requests/$1" | grep -q "\"status\":\"$2\""
}

# --- MariaDB ----------------------------------------------------------------------------------------------------
mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $db;
    CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
start "$work/mariadb.log" --spring.profiles.active=mariadb,demo \
    --spring.datasource.url="jdbc:mariadb://127.0.0.1:3306/$db?nullDatabaseMeansCurrent=true" --spring.datasource.username=root \
    --spring.datasource.password=
journey
stop
mariadb-dump -uroot -h127.0.0.1 --single-transaction --hex-blob --skip-dump-date --no-tablespaces "$db" \
    | gzip -n -9 >"$out/previous-release-mariadb.sql.gz"
mariadb -uroot -h127.0.0.1 -e "DROP DATABASE $db"
log "wrote $out/previous-release-mariadb.sql.gz"

# --- H2, the embedded database of `mvn spring-boot:run` (./data) --------------------------------------------------
start "$work/h2.log" --spring.profiles.active=demo
journey
stop
unzip -p "$jar" 'BOOT-INF/lib/h2-*.jar' >"$work/h2.jar"
java -cp "$work/h2.jar" org.h2.tools.Script -url "jdbc:h2:file:$work/data/subventions" -user sa -password '' \
    -script "$work/h2.sql"
gzip -n -9 <"$work/h2.sql" >"$out/previous-release-h2.sql.gz"
log "wrote $out/previous-release-h2.sql.gz"
