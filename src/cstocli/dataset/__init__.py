"""Datasets on disk: JSON <-> model (files, validated reading, writing)."""
