"""Alerts from flagged items to their channels: queue each item's alert once per version of its
content, send what is due, retry failures with back-off; a background thread so crawling never
waits for a mail server."""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from index.types import Document
from pressmon.alerts.channels import Mailer, Poster
from pressmon.alerts.errors import DeliveryFailed, DeliveryRefused
from pressmon.alerts.messages import alert_message, digest_message, webhook_payload
from pressmon.alerts.model import CENTER_SENDING, Alert, alert_for, content_version
from pressmon.alerts.recipients import recipients_for, still_receives
from pressmon.alerts.schedule import quiet_until, retry_delay, send_time
from pressmon.alerts.store import DIGEST, PENDING, AlertStore, Delivery, Subscriber
from pressmon.errors import StateDatabaseError
from pressmon.settings import AlertSettings

CONSOLE = "console"
MAILTO = "mailto:"
DIGEST_DETAIL = "trong bản tổng hợp hằng ngày"
WITHDRAWN_DETAIL = "địa chỉ này không còn nhận cảnh báo về tin này"
# When a crawl or the server stops, how long to wait for alerts still being sent; what is left
# stays queued in the state database for the next one.
CLOSE_SECONDS = 60.0
log = logging.getLogger(__name__)


class Notifier:
    """`console`: no SMTP is configured, so each alert is printed once instead of e-mailed."""

    def __init__(
        self,
        *,
        store: AlertStore,
        settings: AlertSettings,
        tz: ZoneInfo,
        link: Callable[[str], str],
        mailer: Mailer,
        poster: Poster,
        clock: Callable[[], datetime],
        console: bool,
    ) -> None:
        self.store = store
        self.settings = settings
        self.tz = tz
        self.link = link
        self.mailer = mailer
        self.poster = poster
        self.clock = clock
        self.console = console

    def notify(self, documents: Sequence[Document], *, dry_run: bool = False) -> int:
        """Queue an alert for each document that needs one and was not alerted with this content
        already, nor is a copy whose story's alert reached its audience lately
        (pressmon.alerts.copies); how many were new. The content of the others is noted, so an
        alerted item edited and urgent again later is announced again, and a copy let go is not
        announced later. `dry_run`: how many would be new, nothing queued nor noted."""
        if not self.settings.enabled:
            return 0
        alerts = []
        unalerted = []
        for document in documents:
            alert = alert_for(document, self.link)
            if alert is None:
                unalerted.append((document.id, content_version(document)))
            else:
                alerts.append(alert)
        if dry_run:
            return self.store.count_new(alerts, self.clock()) if alerts else 0
        if unalerted:
            self.store.seen(unalerted)
        if not alerts:
            return 0
        now = self.clock()
        subscribers = self.store.subscribers()
        # Each is judged against the alerts queued before it, the batch's own included.
        return sum(
            self.store.add(alert, self._deliveries(alert, subscribers, now), now)
            for alert in alerts
        )

    def announce(self, *alerts: Alert) -> bool:
        """Queue the alert of a province's sending an item to the Center
        (pressmon.alerts.sendings), or the alerts of the Center's answer to the provinces it is
        news to (pressmon.alerts.answers, together); False when there is none, or that sending or
        answer was queued already."""
        if not self.settings.enabled or not alerts:
            return False
        now = self.clock()
        subscribers = self.store.subscribers()
        queued = [(alert, self._deliveries(alert, subscribers, now)) for alert in alerts]
        if alerts[0].trigger == CENTER_SENDING:
            [(sending, deliveries)] = queued
            return self.store.add_sending(sending, deliveries, now)
        return self.store.add_answer(queued, now)

    def _deliveries(
        self, alert: Alert, subscribers: Sequence[Subscriber], now: datetime
    ) -> list[tuple[str, str, datetime]]:
        s = self.settings
        due = send_time(now, False, s.quiet_hours, s.digest_time, self.tz)
        rows = [(url, PENDING, due) for url in s.webhooks]
        if self.console:
            return [(CONSOLE, PENDING, due), *rows]
        to = recipients_for(alert, s.recipients, subscribers)
        digest_at = send_time(now, True, s.quiet_hours, s.digest_time, self.tz)
        return [
            *((MAILTO + address, PENDING, due) for address in to.now),
            *((MAILTO + address, DIGEST, digest_at) for address in to.digest),
            *rows,
        ]

    def send_due(self) -> int:
        """Send every delivery whose time has come (digests grouped per address); how many
        went out. A failure is recorded and retried later (given up at once when refused for
        good), never raised. An address that no
        longer receives the alert (pressmon.alerts.recipients.still_receives) is not mailed."""
        now = self.clock()
        sent = 0
        digests: dict[str, list[Delivery]] = defaultdict(list)
        # Each delivery may take a connection, TLS and the message, each up to the timeout.
        per_delivery = timedelta(seconds=3 * self.settings.timeout_seconds)
        # Linked by the process sending, not the one that queued: an alert a crawl or `demo
        # --no-serve` queued carried settings.toml's port, where the server later started with
        # `--port` does not listen (web.public_url, when set, is the same for both).
        claimed = [
            replace(d, alert=replace(d.alert, link=self.link(d.alert.document_id)))
            for d in self.store.claim_due(now, per_delivery)
        ]
        subscribers = self.store.subscribers() if claimed else []
        for delivery in claimed:
            address = delivery.channel.removeprefix(MAILTO)
            if delivery.channel.startswith(MAILTO) and not still_receives(
                delivery.alert, address, self.settings.recipients, subscribers
            ):
                self.store.withdrawn(delivery, now, WITHDRAWN_DETAIL)
                continue
            if delivery.status == DIGEST:
                digests[delivery.channel].append(delivery)
                continue
            try:
                self._send(delivery)
            except DeliveryFailed as err:
                self._failed([delivery], now, err)
            else:
                self.store.sent(delivery, now)
                sent += 1
        day = now.astimezone(self.tz).strftime("%d/%m/%Y")
        for channel, group in digests.items():
            message = digest_message([d.alert for d in group], day, self.tz)
            try:
                self.mailer.send(message, [channel.removeprefix(MAILTO)])
            except DeliveryFailed as err:
                self._failed(group, now, err)
            else:
                for delivery in group:
                    self.store.sent(delivery, now, DIGEST_DETAIL)
                sent += len(group)
        return sent

    def _send(self, delivery: Delivery) -> None:
        alert = delivery.alert
        if delivery.channel == CONSOLE:
            self.mailer.send(alert_message(alert, self.tz), [])
        elif delivery.channel.startswith(MAILTO):
            self.mailer.send(alert_message(alert, self.tz), [delivery.channel[len(MAILTO) :]])
        else:
            self.poster.post(delivery.channel, webhook_payload(alert))

    def _failed(self, deliveries: Sequence[Delivery], now: datetime, err: DeliveryFailed) -> None:
        refused = isinstance(err, DeliveryRefused)
        s = self.settings
        # Where a retry goes when its account chose the digest while it was being sent.
        digest_at = send_time(now, True, s.quiet_hours, s.digest_time, self.tz)
        for delivery in deliveries:
            attempts = delivery.attempts + 1
            retry_at = None
            if attempts < self.settings.max_attempts and not refused:
                retry_at = now + retry_delay(attempts, self.settings.retry_seconds)
                retry_at = quiet_until(retry_at, self.settings.quiet_hours, self.tz) or retry_at
            log.warning(
                "gửi cảnh báo %s tới %s không được: %s",
                delivery.alert.document_id,
                delivery.channel,
                err,
            )
            self.store.failed(delivery, now, str(err), retry_at, digest_at, refused=refused)


class BackgroundDispatcher:
    """Sends due alerts on its own thread: woken after new alerts are queued, otherwise at the
    next retry or digest (checked at least every `idle_seconds`)."""

    def __init__(self, notifier: Notifier, *, idle_seconds: float = 60.0) -> None:
        self.notifier = notifier
        self.idle_seconds = idle_seconds
        self._wake = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="pressmon-alerts", daemon=True)

    def start(self) -> BackgroundDispatcher:
        self._thread.start()
        return self

    def wake(self) -> None:
        self._wake.set()

    def close(self, timeout: float) -> None:
        """One last pass for what is due, then stop; retries later than that stay queued in the
        state database for the next crawl, ingest or `pressmon serve`."""
        self._stopping = True
        self._wake.set()
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.warning(
                "sau %.0f giây vẫn đang gửi cảnh báo; phần còn lại vẫn nằm trong hàng đợi", timeout
            )

    def _run(self) -> None:
        while True:
            self._wake.wait(self._seconds_to_next())
            self._wake.clear()
            try:
                self.notifier.send_due()
            except StateDatabaseError as err:  # held by another process: sent on a later pass
                log.warning("chưa gửi được cảnh báo, chúng vẫn chờ trong hàng đợi: %s", err)
            except Exception:  # a bug: logged in full, the thread goes on
                log.exception("gửi cảnh báo không được")
            if self._stopping:
                return

    def _seconds_to_next(self) -> float:
        try:
            due = self.notifier.store.next_due()
        except StateDatabaseError as err:
            log.warning("không đọc được các cảnh báo đang chờ: %s", err)
            return self.idle_seconds
        except Exception:
            log.exception("không đọc được các cảnh báo đang chờ")
            return self.idle_seconds
        if due is None:
            return self.idle_seconds
        wait = (due - self.notifier.clock()).total_seconds()
        return min(max(wait, 0.0), self.idle_seconds)
