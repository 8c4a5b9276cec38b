"""Problems found in incoming data, reported with file, line and reason."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}, linje {self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


class DataRejected(Exception):
    """Nothing was stored because the data has these problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
