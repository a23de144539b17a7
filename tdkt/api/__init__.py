"""api: the versioned REST API (/api/v1/), authenticated by session or bearer token; see README "API"."""
