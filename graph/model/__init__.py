"""The RDF model: vocabulary, facts to triples, and which triples describe entities."""
