"""Holds COUNT idle TCP connections open against a server, as a slowloris client would.

    python idle_clients.py HOST PORT COUNT SECONDS STATS.json

Each connection sends nothing but the start of a request line (no key, no header end), then
waits; when the server closes it (its header timeout) it reconnects at once, so COUNT
connections stay open for SECONDS. Writes what happened to STATS.json: connections made,
closed by the server, refused or failed, and how many were open at the end. Used by
`scripts/bench-server.sh soak`; it measures nothing about the server itself.
"""

import asyncio
import json
import sys
import time

PARTIAL_REQUEST = b"POST /api/v1/predict HTTP/1.1\r\nHost: soak\r\n"


async def hold(host: str, port: int, deadline: float, stats: dict) -> None:
    """One slot: connect, send a partial head, wait for the close, again until the deadline."""
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            stats["failed"] += 1
            await asyncio.sleep(0.5)
            continue
        stats["connected"] += 1
        stats["open"] += 1
        try:
            writer.write(PARTIAL_REQUEST)
            await writer.drain()
            remaining = deadline - time.monotonic()
            data = await asyncio.wait_for(reader.read(4096), timeout=max(remaining, 0.01))
            if data.startswith(b"HTTP/1.1 503"):
                stats["refused"] += 1
            else:
                stats["closed_by_server"] += 1
        except asyncio.TimeoutError:
            pass  # still open at the deadline: the slot held all along
        except OSError:
            stats["closed_by_server"] += 1
        finally:
            stats["open"] -= 1
            writer.close()


async def main() -> None:
    host, port, count, seconds, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
    stats = {"slots": count, "connected": 0, "closed_by_server": 0, "refused": 0, "failed": 0, "open": 0,
             "open_samples": []}
    deadline = time.monotonic() + seconds

    async def sample() -> None:
        while time.monotonic() < deadline:
            stats["open_samples"].append(stats["open"])
            await asyncio.sleep(5)

    # Opened in waves of 100 so the listen backlog is not the thing being measured.
    tasks = [asyncio.create_task(sample())]
    for start in range(0, count, 100):
        tasks += [asyncio.create_task(hold(host, port, deadline, stats)) for _ in range(min(100, count - start))]
        await asyncio.sleep(0.05)
    await asyncio.gather(*tasks)
    samples = stats.pop("open_samples")
    stats["open_min_after_ramp"] = min(samples[1:] or samples or [0])
    stats["open_max"] = max(samples or [0])
    with open(out, "w") as f:
        json.dump(stats, f)


if __name__ == "__main__":
    asyncio.run(main())
