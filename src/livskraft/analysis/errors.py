from livskraft.errors import CodedError


class MissingDataError(CodedError, LookupError):
    """The data an analysis needs has not been loaded: `code` says what is missing and
    `values` which figures (`livskraft.web.data_messages` has the sentences)."""


class AnalysisError(CodedError, ValueError):
    """An analysis cannot run as asked: `code` names why, `values` hold the figures involved
    (`livskraft.web.data_messages` has the sentences)."""


class MissingInput(AnalysisError, MissingDataError):
    """Data the analysis needs is not loaded: `values["table"]` names the table or file."""
