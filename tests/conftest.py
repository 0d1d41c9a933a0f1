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


# Black judges the layout of decompiled code in tests (the writer lays code out
# as black would, with the quotes it chose itself, so string normalisation is off).
def black_mode():
    import black

    return black.Mode(string_normalization=False)
