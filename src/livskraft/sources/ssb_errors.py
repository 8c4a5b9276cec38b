from livskraft.errors import CodedError


class SsbError(CodedError, RuntimeError):
    """SSB could not be reached, or answered with an error or data we cannot read."""
