"""The fixed words of WorkflowBench code: how it names actions, global variables
and aggrandizements, shared by both directions so that they agree.

WorkflowBench writes an action as its identifier with every ``.`` turned into
``_`` (``is.workflow.actions.gettext`` -> ``is_workflow_actions_gettext``),
keeping ``-`` (``com.Christopher-Hannah.Text-Case.ReplaceIntent`` ->
``com_Christopher-Hannah_Text-Case_ReplaceIntent``, which is not a Python name).
"""

from __future__ import annotations

import re

from ... import catalog

# Global variables: how WorkflowBench spells them as a whole value.
SHORTCUT_INPUT_PROMPT = "Please enter the value:"
SHORTCUT_INPUT_VALUE = f"f'{{input(\"{SHORTCUT_INPUT_PROMPT}\")}}'"  # f'{input("Please enter the value:")}'
# ... and inside text, where they stand without braces.
SHORTCUT_INPUT_IN_TEXT = 'input("Please enter the value: ")'
CURRENT_DATE = "datetime.datetime.now()"
CLIPBOARD_FUNCTION = "is_workflow_actions_getclipboard"
DEVICE_DETAILS_FUNCTION = "is_workflow_actions_getdevicedetails"

# The language's own spellings of the same globals (the default dialect).
SHORTCUT_INPUT, CURRENT_DATE_NAME, CLIPBOARD, DEVICE_DETAILS, ASK = (
    "ShortcutInput",
    "CurrentDate",
    "Clipboard",
    "DeviceDetails",
    "Ask",
)

# Functions WorkflowBench uses for aggrandizements, with their keyword -> aggrandizement key.
COERCE_FUNCTION = "coerce_variable"
FORMAT_DATE_FUNCTION = "format_date"
FORMAT_DATE_KEYS = {
    "date_format": "WFDateFormatStyle",
    "time_format": "WFTimeFormatStyle",
    "iso_include_time": "WFISO8601IncludeTime",
}
UNIT_FUNCTION = "unit_variable_transform"
UNIT_KEYS = {"unit_type": "WFMeasurementUnitType", "unit_symbol": "WFUnitSymbol"}

# Multi-word property names (x.File Size) that WorkflowBench writes after a dot.
# The names are the app's; the list is consulted first, longest match first,
# and a general rule (capitalised words) covers the rest.
PROPERTY_NAMES = tuple(
    sorted(
        (
            name.strip()
            for name in """
            Action Count|Air Pollutants|Air Quality Category|Air Quality Index|Album Artist|Album Artwork
            |Album Track Number|Artwork URL|Creation Date|Current Volume|Date Added|Date Taken|Device Model
            |Device Type|Due Date|Email Address|End Date|Feels Like|File Extension|File Path|File Size
            |First Name|Formatted Price|Has Album Artwork|Has Subtasks|Is All Day|Is a Screenshot|Is Completed
            |Is Explicit|Is Favorite|Is Flagged|Is Hidden|Is Universal|Job Title|Last Modified Date|Last Name
            |Last Played Date|Media Type|Middle Name|Number of Pages|Page Contents|Page Selection|Parent Reminder
            |Phone Number|Play Count|Precipitation Amount|Precipitation Chance|Release Date|Screen Brightness
            |Skip Count|Start Date|Store ID|Store URL|Sunrise Time|Sunset Time|Supported Devices|System Version
            |Time Taken|Track Number|UV Index|Web Page|Wind Direction|Wind Speed|ZIP Code
            """.split("|")
        ),
        key=len,
        reverse=True,
    )
)

# The loop variables as WorkflowBench names them: Repeat_Item, Repeat_Index_2, ...
LOOP_NAME = re.compile(r"Repeat_(Item|Index)(?:_(\d+))?")


def loop_variable(name: str) -> str | None:
    """``Repeat_Item_2`` -> ``Repeat Item 2``: the Shortcuts variable a loop name stands for."""
    found = LOOP_NAME.fullmatch(name)
    if found is None:
        return None
    depth = found.group(2)
    return f"Repeat {found.group(1)}" + (f" {depth}" if depth and depth != "1" else "")


def loop_names(depth: int) -> tuple[str, str]:
    """The (index, item) names WorkflowBench gives the loop at ``depth`` (1 = outermost)."""
    suffix = "" if depth == 1 else f"_{depth}"
    return f"Repeat_Index{suffix}", f"Repeat_Item{suffix}"


def wb_function_name(identifier: str) -> str:
    """WorkflowBench's own name for an identifier (may hold ``-``)."""
    return identifier.replace(".", "_")


_hyphenated: dict[str, str] | None = None


def hyphenated_names() -> dict[str, str]:
    """WorkflowBench names that hold ``-`` -> the identifier, for the catalog's actions."""
    global _hyphenated
    if _hyphenated is None:
        _hyphenated = {
            wb_function_name(identifier): identifier
            for identifier in catalog.all_identifiers()
            if "-" in identifier
        }
    return _hyphenated


def identifier_of(function: str) -> str | None:
    """The identifier a WorkflowBench (or catalog) function name calls, or None."""
    found = catalog.identifier(function)
    if found is not None:
        return found
    return hyphenated_names().get(function)


def function_for(identifier: str) -> str | None:
    """The name decompiled WorkflowBench code calls an identifier by: WorkflowBench's
    own name where it is a Python name, else the catalog's function name."""
    name = wb_function_name(identifier)
    if name.isidentifier() and identifier_of(name) == identifier:
        return name
    return catalog.function_name(identifier)


_APP_ACTION = re.compile(r"[A-Za-z][\w-]*(?:_[\w-]+){2,}")


def guess_identifier(function: str) -> str | None:
    """An identifier for a function the catalog does not know, when its name reads as
    one written WorkflowBench's way (``com_example_App_DoIntent`` -> ``com.example.App.DoIntent``)."""
    if not _APP_ACTION.fullmatch(function):
        return None
    if function.startswith("is_workflow_actions_"):
        return "is.workflow.actions." + function[len("is_workflow_actions_") :].replace("_", ".")
    return function.replace("_", ".")
