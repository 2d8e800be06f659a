"""Collection (I/O only): portal drop folders and portal listing crawls -> ``CollectedFile``.

- ``drop_folder``  a local or fsspec folder, one sub-folder per portal, optional sidecars
- ``crawler``      listing pages -> article pages -> attachments over HTTP, politely
"""

from ingestion.collect.model import CollectedFile, Provenance

__all__ = ["CollectedFile", "Provenance"]
