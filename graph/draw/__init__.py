"""Drawing: styles, layout, figures and network files."""
