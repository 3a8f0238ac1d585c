"""Text: Unicode and spelling normalisation, the lexicons, and mentions of known names."""
