"""The HTTP interface: the CLI's queries as a JSON API, and the dashboard (see app.py)."""
