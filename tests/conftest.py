"""Shared test helpers: where the shared corpus is, when it exists."""

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def corpus_rows() -> list[dict]:
    manifest = CORPUS / "manifest.jsonl"
    if not manifest.is_file():
        return []
    return [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]


needs_corpus = pytest.mark.skipif(not (CORPUS / "manifest.jsonl").is_file(), reason="../shared/corpus is absent")
