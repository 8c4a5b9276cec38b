"""One module per SSB table or import format; see `base` for what a module declares."""
