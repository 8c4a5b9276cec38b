class MissingDataError(LookupError):
    """The data an analysis needs has not been loaded; the message says what to load."""
