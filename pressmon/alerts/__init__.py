"""Alerts: a new "cần xem ngay" item, or a known false claim seen again, announced once per item
by e-mail (or on the console without SMTP) and webhooks, with retries, quiet hours, opt-out and a
daily digest; and the province → Center workflow: a sending to the Center, and its answer."""
