#!/bin/sh
# Runs once, on an empty data volume (the image's /docker-entrypoint-initdb.d): the databases of
# MLflow and Airflow beside accidents (POSTGRES_DB), all owned by POSTGRES_USER.
set -e
for db in mlflow airflow; do
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
        -c "CREATE DATABASE $db OWNER \"$POSTGRES_USER\""
done
