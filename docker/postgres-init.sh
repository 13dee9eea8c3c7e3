#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory (docker-entrypoint-initdb.d).
# waakvlam_app: the group the application's role belongs to (the migrations grant it row access, nothing more).
# waakvlam: the login role of the api and worker containers (DATABASE_URL). The tables belong to POSTGRES_USER.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=app_password="$WAAKVLAM_DB_PASSWORD" <<'SQL'
CREATE ROLE waakvlam_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
CREATE ROLE waakvlam LOGIN NOSUPERUSER NOBYPASSRLS IN ROLE waakvlam_app PASSWORD :'app_password';
SQL
