"""Who is expected to publish what: the registry in ``config/expected_documents.yml``.

The registry names units, the kinds of report each must publish and for which fiscal years,
when a fiscal year's reports are due, and which kinds a unit publishes every year once it has
published one (so units seen in earlier years are expected again). The loader writes it to the
raw layer; dbt's ``fct_expected_document`` says, per unit, year and kind, what arrived.
"""

from ingestion.expected.registry import Registry, RegistryError, load_registry, registry_path

__all__ = ["Registry", "RegistryError", "load_registry", "registry_path"]
