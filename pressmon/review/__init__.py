"""The review domain: status codes and their transitions, the audit-log workflow (replay, rules,
locking), the queue's ordering and query, and the Vietnamese labels the codes are shown with.
The web app, the CLI and the reports call it; it knows nothing of HTTP or the terminal."""
