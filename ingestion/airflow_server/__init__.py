"""A real local Airflow for this project: api-server, scheduler, dag-processor and triggerer.

``make airflow`` (``python -m ingestion airflow start``) runs them in the background with the
project's AIRFLOW_HOME under ``BPW_HOME/airflow``, a PostgreSQL metadata database and the
LocalExecutor; ``make airflow-stop`` stops them. See docs/operations.md.
"""

from ingestion.airflow_server.environment import LocalAirflow, local_airflow
from ingestion.airflow_server.services import AirflowStatus, start, status, stop

__all__ = ["AirflowStatus", "LocalAirflow", "local_airflow", "start", "status", "stop"]
