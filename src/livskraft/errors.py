"""The error type of the pure core (`analysis`, `sources`): a `code` naming what went wrong
and the `values` it concerns, never a sentence. `livskraft.web.data_messages` turns it into
bokmål, nynorsk or English for pages and the CLI."""


class CodedError(Exception):
    def __init__(self, code: str, /, **values):
        self.code, self.values = code, values
        details = ", ".join(f"{k}={v}" for k, v in values.items())
        super().__init__(f"{code} ({details})" if details else code)
