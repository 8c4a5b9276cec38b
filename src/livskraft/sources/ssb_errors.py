class SsbError(RuntimeError):
    """SSB could not be reached, or answered with an error or data we cannot read."""
