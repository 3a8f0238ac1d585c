"""Export: RDF serialisations, JSON-LD, VoID."""
