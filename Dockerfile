# The project's one image: Airflow 3.3 plus the ingestion package, installed from the lock file.
# Every service of docker-compose.yml runs it with another `airflow ...` command.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    AIRFLOW_HOME=/opt/airflow \
    BPW_HOME=/opt/bpw/var

# LibreOffice converts legacy .doc/.wps reports to .docx before parsing (ingestion/documents/doc.py);
# Debian packages only, no downloads from elsewhere.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libreoffice-writer-nogui \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/bpw

# Dependencies first, so code changes reuse this layer: the runtime requirements of pyproject.toml
# at the lock file's versions. The lock also pins the generator's fpdf2 and font (extra `sample`)
# and the test tools (extra `dev`); the image needs neither.
COPY requirements.lock pyproject.toml ./
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" \
        > /tmp/runtime-requirements.txt \
    && pip install -c requirements.lock -r /tmp/runtime-requirements.txt \
    && rm /tmp/runtime-requirements.txt

COPY README.md ./
COPY ingestion ./ingestion
COPY expectations ./expectations
COPY dbt_project ./dbt_project
COPY dags ./dags
# The expected-documents registry, and the web assets Data Docs and the overview use offline.
COPY config ./config
COPY docs_assets ./docs_assets
# Editable (-e): ingestion.settings.PROJECT_ROOT must stay /opt/bpw, where dbt_project/ and dags/ are;
# a plain install would move the package into site-packages, away from them.
RUN pip install --no-deps -e . \
    && mkdir -p "$AIRFLOW_HOME" "$BPW_HOME"

EXPOSE 8080
