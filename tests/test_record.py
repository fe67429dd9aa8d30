"""The model's records behave as frozen dataclasses do: a user would see wrong data otherwise."""

from __future__ import annotations

import pytest

from hlaw_cli.model import Figure, Hit, Section
from hlaw_cli.record import FrozenInstanceError, fields


def test_construction_defaults_and_fields() -> None:
    assert Figure(12) == Figure(count=12, as_of=None)
    assert Hit("a", "A", "concept", 1.0, "s").marks == ()
    assert fields(Section("k", "T", "x")) == ("key", "title", "text")


def test_frozen_equal_hashable_and_readable() -> None:
    section = Section("k", "T", "x")
    with pytest.raises(FrozenInstanceError):
        section.key = "other"  # type: ignore[misc]
    assert section == Section(key="k", title="T", text="x")
    assert section != Section("k", "T", "y")
    assert len({section, Section("k", "T", "x")}) == 1
    assert repr(section) == "Section(key='k', title='T', text='x')"


@pytest.mark.parametrize(
    ("args", "kwargs"), [(("k", "T"), {}), (("k", "T", "x", "extra"), {}), (("k",), {"key": "again"})]
)
def test_wrong_arguments_fail_like_a_dataclass(args: tuple[str, ...], kwargs: dict[str, str]) -> None:
    with pytest.raises(TypeError):
        Section(*args, **kwargs)
