"""Small text helpers shared by the store, search and renderers."""

from __future__ import annotations

import re
import unicodedata

# Escape sequences are removed whole first, then any control character left.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# C0 controls but newline, DEL, C1 controls, and the bidirectional overrides and isolates
# that can make a terminal show text in another order than it is stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SUFFIXES = ("ations", "ation", "ions", "ion", "ants", "ant", "ents", "ent", "ings", "ing", "ees", "ee", "es", "ed", "s")
_PAREN_SUFFIX = re.compile(r"^(?P<base>.+?)\s*\((?P<inner>[^()]+)\)\s*$")


def clean(text: str) -> str:
    """Remove terminal control sequences and characters; keep newlines, turn tabs into spaces."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text.replace("\t", "    ")))


def shorten(text: str, width: int = 80) -> str:
    """At most ``width`` characters of ``text``, for echoing user input in a message."""
    return text if len(text) <= width else text[: width - 1] + "…"


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text``: ``"Réfugiés"`` -> ``"refugies"``."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def normalize(text: str) -> str:
    """Compare names ignoring case, accents, punctuation and extra spaces."""
    return " ".join(re.findall(r"\w+", fold(text)))


# Every byte that is not a letter, digit or underscore -> space: for ASCII text,
# translate + split finds the same words as ``\w+``, at C speed.
_NOT_WORD = bytes(c if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(128)) + b" " * 128


def words(text: str) -> list[str]:
    """The folded word tokens of ``text``."""
    folded = fold(text)
    if folded.isascii():
        return folded.encode("ascii").translate(_NOT_WORD).decode("ascii").split()
    return re.findall(r"\w+", folded)


def name_variants(title: str) -> list[str]:
    """Ways a reader may type a title: whole, without "(ACRONYM)", and the acronym alone."""
    variants = [title]
    match = _PAREN_SUFFIX.match(title)
    if match:
        variants += [match["base"], match["inner"]]
    return variants


def stem(token: str) -> str:
    """A crude English stem, enough for "migrant" to meet "migration" and "refugee" "refugees"."""
    for suffix in SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            return token[: -len(suffix)]
    return token


# [[refugees]] or [[refugees|refugee status]] in entry text: a cross-reference to another entry.
XREF = re.compile(r"\[\[([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|([^\[\]|\n]+))?\]\]")


def xref_label(match: re.Match[str]) -> str:
    """What a reader sees of a cross-reference: its label, or the id as words."""
    return (match.group(2) or match.group(1).replace("-", " ")).strip()


def xrefs(text: str) -> list[str]:
    """The ids ``text`` cross-refers to, in order of first appearance."""
    return list(dict.fromkeys(match.group(1) for match in XREF.finditer(text)))


def strip_xrefs(text: str) -> str:
    """``text`` as read: every cross-reference replaced by its label."""
    return XREF.sub(xref_label, text)


def split_xrefs(text: str) -> list[tuple[str, str | None]]:
    """``text`` as (piece, id) pairs: id is None for plain text, the target for a label."""
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for match in XREF.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], None))
        pieces.append((xref_label(match), match.group(1)))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces
