"""The corpus report: one row per document with its grade against its audience's target, and
totals. `model` builds the data; `terminal`, `markdown` and `html` render it."""
