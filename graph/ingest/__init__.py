"""Ingesting: the pipeline from files to the store (serial, workers, Dask), and entity upkeep."""
