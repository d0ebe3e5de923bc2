"""The search core, pure (no I/O, no printing).

Query parsing, typo expansion, ranking, the storage protocol, the in-memory store and
the engine that plans over any store.
"""
