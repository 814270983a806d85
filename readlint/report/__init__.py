"""The corpus report's data: `model` builds one row per document with its grade against its
audience's target, and totals; `view` is what the HTML page shows of one document. The
formats in readlint/formats render them."""
