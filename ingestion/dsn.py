"""Connection strings are secrets: every one that is shown (log, terminal, summary) goes through here.

libpq takes two forms, and both may carry a password:

- URL: ``postgresql://user:secret@host:5432/db`` (also ``?password=secret`` in the query);
- key/value: ``host=db port=5432 user=etl password=secret`` (``password='with spaces'``).

``mask_dsn`` replaces each password with ``***`` wherever it stands in a text (a DSN on its own,
or an error message quoting one), so the rest stays readable: which host, which database.
"""

from __future__ import annotations

import re

MASK = "***"

# scheme://user:password@  (the password runs to the last "@" before the host part)
_URL_PASSWORD = re.compile(r"(?P<head>\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)(?P<secret>[^\s/]*)@", re.IGNORECASE)
# password=secret, password = 'quoted secret', ?password=secret&..., PGPASSWORD=secret
_KEY_VALUE_PASSWORD = re.compile(
    r"""(?P<head>password\s*=\s*)(?P<secret>'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|[^\s&;,'"]+)""",
    re.IGNORECASE,
)


def mask_dsn(text: str) -> str:
    """``text`` with the password of every connection string in it replaced by ``***``."""
    text = _URL_PASSWORD.sub(lambda match: f"{match['head']}{MASK}@", text)
    return _KEY_VALUE_PASSWORD.sub(lambda match: f"{match['head']}{MASK}", text)


def dsn_password(dsn: str) -> str | None:
    """The password ``dsn`` carries, so a log masker (Airflow's) can hide it wherever it appears."""
    from psycopg2 import ProgrammingError
    from psycopg2.extensions import parse_dsn

    try:
        password = parse_dsn(dsn).get("password")
    except ProgrammingError:  # libpq cannot read it; connecting will say so (masked)
        return None
    return str(password) if password else None
