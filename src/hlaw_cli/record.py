"""``@record``: a frozen dataclass without the start-up cost of ``dataclasses``.

On CPython 3.11, ``@dataclass(frozen=True)`` compiles six methods per class with ``exec``;
for hlaw's seventeen model classes that was 25 ms of every run, a fifth of a hello-world
Typer app. ``record`` builds the same behaviour (keyword or positional construction with
defaults, immutability, equality, hashing, repr) from shared functions, with no ``exec``.
Type checkers see it as a frozen dataclass through ``dataclass_transform``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing import dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Any:
        return lambda decorated: decorated


T = TypeVar("T")


class FrozenInstanceError(AttributeError):
    """Raised on an attempt to change a record (like ``dataclasses.FrozenInstanceError``)."""


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    names: tuple[str, ...] = self.__record_fields__
    if len(args) > len(names):
        raise TypeError(f"{type(self).__name__}() takes {len(names)} arguments, {len(args)} given")
    values = dict(zip(names, args, strict=False))
    for name, value in kwargs.items():
        if name not in names or name in values:
            raise TypeError(f"{type(self).__name__}() got an unexpected or repeated argument {name!r}")
        values[name] = value
    if len(values) < len(names):
        missing = [name for name in names if name not in values and name not in self.__record_defaults__]
        if missing:
            raise TypeError(f"{type(self).__name__}() missing argument {missing[0]!r}")
        values = {**self.__record_defaults__, **values}
    self.__dict__.update(values)  # bypasses the frozen __setattr__, as dataclasses do


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in self.__record_fields__)


def _eq(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_fields__)
    return f"{type(self).__name__}({fields})"


def _frozen(self: Any, name: str, value: Any = None) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """Make ``cls`` a frozen record of its annotated fields, in order, with their defaults."""
    names = tuple(getattr(cls, "__annotations__", {}))  # own annotations: records do not inherit
    kind: Any = cls
    kind.__record_fields__ = names
    kind.__record_defaults__ = {name: cls.__dict__[name] for name in names if name in cls.__dict__}
    kind.__init__ = _init
    kind.__eq__ = _eq
    kind.__hash__ = _hash
    kind.__repr__ = _repr
    kind.__setattr__ = _frozen
    kind.__delattr__ = _frozen
    return cls


def fields(value: Any) -> tuple[str, ...]:
    """The field names of a record instance or class, in order."""
    return tuple(value.__record_fields__)


def is_record(value: Any) -> bool:
    return hasattr(value, "__record_fields__") and not isinstance(value, type)
