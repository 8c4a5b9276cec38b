"""The workshop tools. Each tool is one module here (its models, answers, scoring, chart,
facilitator actions, export sheets, PDF section and URLs) with its templates under
`templates/workshops/tools/<key>/`; `registry` lists them."""
