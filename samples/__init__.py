"""Bundled sample data (catalog and agency submissions) used by `nq57 demo` and the tests."""
