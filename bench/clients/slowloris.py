#!/usr/bin/env python3
"""Slow clients for bench/clients/run.sh: keeps opening connections that send their headers a byte a second (or a
body below Kestrel's minimum rate with --body), reopening each one the server closes, for a given time. Prints, once
a second, how many are open; at the end, how many the server closed."""
import argparse, asyncio, time

async def slow(host, port, body, stats, stop):
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            stats["refused"] += 1
            await asyncio.sleep(0.5)
            continue
        stats["open"] += 1
        if body:
            writer.write(b"POST /api/v1/affected HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
        else:
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        piece = b" " * 100 if body else b"X"
        try:
            while not stop.is_set():
                writer.write(piece)
                await writer.drain()
                try:
                    await asyncio.wait_for(reader.read(1024), timeout=1.0)
                    # End of stream, or an answer (408): the server is done with this connection.
                    stats["closed"] += 1
                    break
                except asyncio.TimeoutError:
                    pass
        except (OSError, ConnectionError):
            stats["closed"] += 1
        finally:
            stats["open"] -= 1
            writer.close()

async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=40)
    parser.add_argument("--body", action="store_true")
    args = parser.parse_args()
    stats = {"open": 0, "closed": 0, "refused": 0}
    stop = asyncio.Event()
    tasks = []
    for _ in range(args.connections):
        tasks.append(asyncio.create_task(slow(args.host, args.port, args.body, stats, stop)))
        await asyncio.sleep(0.002)
    started = time.monotonic()
    while time.monotonic() - started < args.seconds:
        await asyncio.sleep(5)
        print(f"{int(time.monotonic() - started):3d} s: {stats['open']} open, {stats['closed']} closed by the server", flush=True)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(f"closed by the server: {stats['closed']}, refused: {stats['refused']}", flush=True)

asyncio.run(main())
