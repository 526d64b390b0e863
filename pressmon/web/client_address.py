"""The real client address of a request: X-Forwarded-For is believed only when the request comes
from a proxy listed in `web.trusted_proxies` (uvicorn's own proxy-header handling is switched off
by `pressmon serve`, so this is the one place that reads the header)."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_networks(entries: Iterable[str]) -> tuple[Network, ...]:
    """Addresses or CIDR networks (validated by settings already)."""
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)


def _trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(peer: str, forwarded_for: str | None, networks: tuple[Network, ...]) -> str:
    """`peer` (the TCP peer) unless it is a trusted proxy; then the right-most address in
    X-Forwarded-For that is not itself a trusted proxy (entries left of it are client-supplied
    and could be anything)."""
    if not networks or not forwarded_for or not _trusted(peer, networks):
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            return hop[:64]
    return hops[0][:64] if hops else peer
