"""The extraction of every seed, every real corpus page and a generated drop, as sha256 hashes.

``tests/contract/test_extraction_snapshot.py`` compares what the parser and the generator produce
now with the committed ``extraction_snapshot.json``: any change to an extraction (a value, a key,
the order of keys, a warning) or to a generated file or its ground truth fails it. Only hashes
are committed: the corpus text must not be copied into the repository.

When a change is intended (a parser fix, a generator change), refresh the snapshot and commit it
with the change, saying in the commit message why the extractions changed:

    .venv/bin/python -m tests.contract.extraction_snapshot --refresh

Parser helpers refresh it with every change to what the parser prints; a refactoring must not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ingestion import errors
from ingestion.documents.read import read_document
from ingestion.parsing import parse_report
from sample_drop.drop import TRUTH_DIR, DropOptions, write_drop

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "real" / "reports"
SNAPSHOT = Path(__file__).with_name("extraction_snapshot.json")


# A small drop in every format, with attachments and broken files: fixed, so its bytes are too.
def _drop_options(out: Path) -> DropOptions:
    formats = ["txt", "docx", "pdf", "html", "xlsx"]
    return DropOptions(out=out, reports=4, years=[2022, 2023], formats=formats, seed=3, broken=10,
                       every_format=True, oversize_bytes=4096, progress_every=0)  # fmt: skip


# Sidecars are not reports; a .doc's outcome depends on whether LibreOffice is installed.
_NOT_PARSED = (".json", ".doc", ".xls")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def extraction_json(data: bytes, name: str) -> bytes:
    """The extraction of these bytes as the pipeline writes it to disk (``atomic_write_json``:
    sorted keys, indent 2)."""
    document = read_document(data, name)
    as_json = parse_report(document, path=name, sha256=_sha256(data)).as_json()
    return (json.dumps(as_json, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def extraction_hash(data: bytes, name: str) -> str:
    """The extraction's sha256, or ``rejected:<reason>:<hash of the message>`` for a document the
    parser sets aside."""
    try:
        return _sha256(extraction_json(data, name))
    except errors.DocumentRejected as rejected:
        return f"rejected:{rejected.reason}:{_sha256(rejected.message.encode('utf-8'))[:16]}"


def _folder(folder: Path, pattern: str) -> dict[str, str]:
    return {p.name: extraction_hash(p.read_bytes(), p.name) for p in sorted(folder.glob(pattern))}


def _drop_files(drop: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(drop.rglob("*")):
        if path.is_file():
            yield path.relative_to(drop).as_posix(), path


def generated_drop() -> dict[str, dict[str, str]]:
    """Every file of the fixed drop (bytes hash; ground truth as written) and its extraction."""
    with tempfile.TemporaryDirectory() as tmp:
        drop = Path(tmp)
        write_drop(_drop_options(drop))
        hashes: dict[str, dict[str, str]] = {}
        for relative, path in _drop_files(drop):
            data = path.read_bytes()
            entry = {"bytes": _sha256(data)}
            if not relative.startswith(f"{TRUTH_DIR}/") and path.suffix not in _NOT_PARSED:
                entry["extraction"] = extraction_hash(data, path.name)
            hashes[relative] = entry
        return hashes


def snapshot() -> dict[str, Any]:
    """The snapshot as it is now (needs ../shared: the seeds and the real corpus)."""
    return {
        "seeds": _folder(SEEDS, "*.txt"),
        "corpus": _folder(CORPUS, "*.txt"),
        "generated_drop": generated_drop(),
    }


def write_snapshot(path: Path = SNAPSHOT) -> None:
    path.write_text(json.dumps(snapshot(), indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--refresh", action="store_true", help=f"rewrite {SNAPSHOT.name}")
    args = parser.parse_args()
    if args.refresh:
        write_snapshot()
        print(f"wrote {SNAPSHOT}")
    else:
        print(json.dumps(snapshot(), indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
