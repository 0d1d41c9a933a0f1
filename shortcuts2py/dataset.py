"""``s2py dataset``: shortcut files -> one JSON object per line, for training and study.

Each row says what one file holds: its path, the identifiers of its actions in
order, their count, the shortcut as code in the chosen dialect, and the
errors met (one line each).  A file that cannot be read or decompiled is a
row with its error and no code: a batch never stops on a bad file.  Rows are
written in input order whatever the number of workers.
"""

from __future__ import annotations

import json

from .errors import outcome

FIELDS = ("source", "identifiers", "actions", "dialect", "code", "errors")


def row(source: str, dialect: str = "default") -> dict:
    """The dataset row of one shortcut file (never raises)."""
    from . import api

    found = {"source": source, "identifiers": [], "actions": 0, "dialect": dialect, "code": None, "errors": []}
    root, error = outcome(api.load, source)
    if error is not None:
        found["errors"].append(error)
        return found
    actions = root.get("WFWorkflowActions")
    if isinstance(actions, list):
        found["identifiers"] = [_identifier(action) for action in actions]
        found["actions"] = len(actions)
    code, error = outcome(lambda: api.decompile(root, dialect=dialect))
    if error is not None:
        found["errors"].append(error)
    found["code"] = code
    return found


def row_line(job: tuple[str, str]) -> tuple[str, bool]:
    """``row`` as one JSON line, and whether it holds errors (the unit of work of a worker process)."""
    source, dialect = job
    found = row(source, dialect)
    return json.dumps(found, ensure_ascii=False) + "\n", bool(found["errors"])


def _identifier(action) -> str | None:
    if isinstance(action, dict) and isinstance(action.get("WFWorkflowActionIdentifier"), str):
        return action["WFWorkflowActionIdentifier"]
    return None
