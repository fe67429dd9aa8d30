"""Small text helpers shared by the store, search and renderers."""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and newline, DEL, C1 controls; ESC sequences are removed whole first.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PAREN_SUFFIX = re.compile(r"^(?P<base>.+?)\s*\((?P<inner>[^()]+)\)\s*$")


def clean(text: str) -> str:
    """Remove terminal control sequences and characters, keeping newlines and tabs."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text``: ``"Réfugiés"`` -> ``"refugies"``."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def normalize(text: str) -> str:
    """Compare names ignoring case, accents, punctuation and extra spaces."""
    return " ".join(re.findall(r"\w+", fold(text)))


def words(text: str) -> list[str]:
    """The folded word tokens of ``text``."""
    return re.findall(r"\w+", fold(text))


def name_variants(title: str) -> list[str]:
    """Ways a reader may type a title: whole, without "(ACRONYM)", and the acronym alone."""
    variants = [title]
    match = _PAREN_SUFFIX.match(title)
    if match:
        variants += [match["base"], match["inner"]]
    return variants
