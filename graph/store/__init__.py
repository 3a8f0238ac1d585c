"""Stores: the embedded Oxigraph store and SPARQL 1.1 servers behind one interface."""
