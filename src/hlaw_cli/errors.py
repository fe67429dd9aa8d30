"""The one exception hierarchy of hlaw.

Core modules raise these; only the CLI boundary turns them into exit codes.
"""

from __future__ import annotations

EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_DATA = 3
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


class HlawError(Exception):
    """A problem the user can act on; ``str(err)`` is the one-line message."""

    exit_code = EXIT_DATA


class NotFoundError(HlawError):
    """Nothing matched: an unknown entry, or a search without results."""

    exit_code = EXIT_NOT_FOUND

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.suggestions = suggestions


class UsageError(HlawError):
    """An argument that cannot be used as given."""

    exit_code = EXIT_USAGE


class DataError(HlawError):
    """Entry data that cannot be read or is invalid."""

    exit_code = EXIT_DATA
