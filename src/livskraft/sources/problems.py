"""Problems found in incoming data: file, line, a code and its values (no sentences here;
the web and CLI layers translate codes, see `livskraft.web.data_messages`)."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    code: str
    values: dict = field(default_factory=dict, hash=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        details = ", ".join(f"{k}={v}" for k, v in self.values.items())
        return f"{where}: {self.code}" + (f" ({details})" if details else "")


class DataRejected(Exception):
    """Nothing was stored because the data has these problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
