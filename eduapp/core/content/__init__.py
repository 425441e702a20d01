"""Content: the model of modules, reading and validating the files, Markdown, reading levels."""
