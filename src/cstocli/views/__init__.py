"""Model -> what people and scripts read: Rich renderables and JSON payloads.

The only package that imports Rich.
"""
