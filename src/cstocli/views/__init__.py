"""Model -> what people and scripts read: Rich renderables, rows, and JSON payloads.

The only package that imports Rich, and only in its Rich views (console, cells, tables,
passages, review, fortune); payloads, records, columns and safe never do.
"""
