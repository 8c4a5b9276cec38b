"""The open, read-only data API (django-ninja, OpenAPI at /api/docs); see docs/api.md."""
