"""Querying: named and user queries under limits, result rows and formats, facts, scores, checks."""
