"""Problems in the editor's sources, located by file, line and field."""

from __future__ import annotations

from dataclasses import dataclass

#: What str.splitlines breaks at, shown escaped: a problem is always one line, whatever a field
#: name or value quoted in it holds.
_LINE_BREAKS = str.maketrans({char: repr(char)[1:-1] for char in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


@dataclass(frozen=True)
class Problem:
    """One located problem, printed as `path:line: field: message`."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return text.translate(_LINE_BREAKS)


class SourceError(Exception):
    """Bad input: one or more problems the editor must fix. Never a bug in this package."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
