"""Pure analysis core: pandas/numpy only, no Django. Used by the web app, the CLI and
notebooks alike. Functions take and return tidy DataFrames (see each module)."""
