"""Serving: the SPARQL 1.1 Protocol endpoint and the explorer page."""
