"""Built-in DOCX form templates (top-level `templates/` in the repository)."""
