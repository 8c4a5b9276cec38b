"""Livskraft: kunnskapsgrunnlag, verksted og medvirkning for livskraftige lokalsamfunn."""

__version__ = "0.1.0"
