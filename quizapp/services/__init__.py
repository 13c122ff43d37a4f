"""Use cases: each takes plain values and model objects, never the request."""
