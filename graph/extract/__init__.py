"""Extraction: from an article's sentences to facts (people, posts, events, partners), and the relevance gate."""
