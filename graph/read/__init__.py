"""Reading articles: files and folders in, decoded and normalised text out."""
