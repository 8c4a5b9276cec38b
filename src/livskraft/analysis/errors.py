class MissingDataError(LookupError):
    """The data an analysis needs has not been loaded; the message says what to load."""


class AnalysisError(ValueError):
    """An analysis cannot run as asked: `code` names why, `values` hold the figures involved.
    The web and CLI layers turn the code into a sentence in the user's language."""

    def __init__(self, code: str, /, **values):
        super().__init__(code, values)
        self.code, self.values = code, values


class MissingInput(AnalysisError, MissingDataError):
    """Data the analysis needs is not loaded: `values["table"]` names the table or file."""
