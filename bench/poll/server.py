#!/usr/bin/env python3
"""Loopback feed server for the polling benchmark (stdlib only).

Listens on 127.0.0.1 ... 127.0.0.<hosts>, one port per address, and serves
/f/<i> for any i >= 0: the body is the (i mod 200)-th file of the real-feeds
corpus, with a strong ETag (hash of body and path), a Last-Modified date, 304
for a matching If-None-Match or If-Modified-Since, gzip when the client accepts
it (compressed once at start-up), HTTP/1.1 keep-alive, and an added latency
before every answer.

Admin endpoints on 127.0.0.1 (no latency, not counted): /__stats (JSON) and
/__reset (zeroes the counters). When every listener is up, the server writes
{"ports": {"127.0.0.1": port, ...}, "pid": ...} to --ready-file.
"""

import argparse
import asyncio
import email.utils
import gzip
import hashlib
import json
import os
import resource
import signal
import sys
import time

# One Last-Modified for every feed: a fixed date keeps runs comparable.
LAST_MODIFIED_EPOCH = 1_700_000_000
LAST_MODIFIED = email.utils.formatdate(LAST_MODIFIED_EPOCH, usegmt=True)


class Corpus:
    def __init__(self, folder):
        names = sorted(n for n in os.listdir(folder)
                       if os.path.isfile(os.path.join(folder, n)) and not n.upper().startswith(("README", "LICENSE")))
        if not names:
            raise SystemExit(f"server: no feed files in {folder}")
        self.bodies = []
        self.gzipped = []
        for name in names:
            with open(os.path.join(folder, name), "rb") as handle:
                body = handle.read()
            self.bodies.append(body)
            # Level 6 is what nginx and Apache use by default.
            self.gzipped.append(gzip.compress(body, compresslevel=6, mtime=0))
        self.digests = [hashlib.sha1(b).digest() for b in self.bodies]

    def __len__(self):
        return len(self.bodies)

    def etag(self, index, path):
        # Strong validator: hash of the body's digest and the path.
        return '"' + hashlib.sha1(self.digests[index] + path.encode()).hexdigest()[:20] + '"'


class Stats:
    FIELDS = ("requests", "ok", "not_modified", "not_found", "body_bytes", "gzip_responses",
              "conditional_requests", "connections", "max_in_flight", "max_in_flight_per_host")

    def __init__(self):
        self.reset()

    def reset(self):
        for field in self.FIELDS:
            setattr(self, field, 0)
        self.user_agents = {}
        self.first_request = None
        self.last_response = None
        self.in_flight = 0
        self.in_flight_by_host = {}

    def as_dict(self):
        data = {field: getattr(self, field) for field in self.FIELDS}
        data["user_agents"] = self.user_agents
        data["first_request"] = self.first_request
        data["last_response"] = self.last_response
        usage = resource.getrusage(resource.RUSAGE_SELF)
        data["server_cpu_seconds"] = usage.ru_utime + usage.ru_stime
        return data


class FeedServer:
    def __init__(self, corpus, latency, stats):
        self.corpus = corpus
        self.latency = latency
        self.stats = stats

    async def handle(self, reader, writer):
        host = writer.get_extra_info("sockname")[0]
        self.stats.connections += 1
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                    return
                request = parse_request(head)
                if request is None:
                    writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    await writer.drain()
                    return
                method, target, version, headers = request
                length = int(headers.get("content-length", "0") or 0)
                if length:
                    await reader.readexactly(length)
                keep_alive = version == "HTTP/1.1" and "close" not in headers.get("connection", "").lower()
                if target.startswith("/__"):
                    response = self.admin(target)
                else:
                    response = await self.feed(host, method, target, headers)
                if not keep_alive:
                    response = response.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n", 1)
                writer.write(response)
                await writer.drain()
                if not keep_alive:
                    return
        except ConnectionError:
            pass
        finally:
            writer.close()

    def admin(self, target):
        if target.startswith("/__reset"):
            self.stats.reset()
            body = b"{}"
        elif target.startswith("/__stats"):
            body = json.dumps(self.stats.as_dict()).encode()
        else:
            return response_bytes(404, [], b"")
        return response_bytes(200, [("Content-Type", "application/json")], body)

    async def feed(self, host, method, target, headers):
        stats = self.stats
        stats.requests += 1
        if stats.first_request is None:
            stats.first_request = time.time()
        agent = headers.get("user-agent", "")
        stats.user_agents[agent] = stats.user_agents.get(agent, 0) + 1
        stats.in_flight += 1
        stats.max_in_flight = max(stats.max_in_flight, stats.in_flight)
        here = stats.in_flight_by_host.get(host, 0) + 1
        stats.in_flight_by_host[host] = here
        stats.max_in_flight_per_host = max(stats.max_in_flight_per_host, here)
        try:
            await asyncio.sleep(self.latency)
            return self.answer(method, target, headers)
        finally:
            # A reset() during a run zeroes these; never let them go negative.
            stats.in_flight = max(0, stats.in_flight - 1)
            stats.in_flight_by_host[host] = max(0, stats.in_flight_by_host.get(host, 1) - 1)
            stats.last_response = time.time()

    def answer(self, method, target, headers):
        stats = self.stats
        path = target.split("?", 1)[0]
        index = feed_index(path)
        if index is None or method not in ("GET", "HEAD"):
            stats.not_found += 1
            return response_bytes(404, [("Content-Type", "text/plain")], b"not found\n")
        slot = index % len(self.corpus)
        etag = self.corpus.etag(slot, path)
        gzip_ok = accepts_gzip(headers.get("accept-encoding", ""))
        variant_etag = etag[:-1] + '-gz"' if gzip_ok else etag
        fields = [("ETag", variant_etag), ("Last-Modified", LAST_MODIFIED), ("Vary", "Accept-Encoding"),
                  ("Cache-Control", "max-age=0")]

        if_none_match = headers.get("if-none-match")
        if_modified_since = headers.get("if-modified-since")
        if if_none_match is not None or if_modified_since is not None:
            stats.conditional_requests += 1
        if if_none_match is not None:
            not_modified = etag_matches(if_none_match, etag)
        elif if_modified_since is not None:
            not_modified = not_modified_since(if_modified_since)
        else:
            not_modified = False
        if not_modified:
            stats.not_modified += 1
            return response_bytes(304, fields, b"", head_only=True)

        body = self.corpus.gzipped[slot] if gzip_ok else self.corpus.bodies[slot]
        if gzip_ok:
            fields.append(("Content-Encoding", "gzip"))
            stats.gzip_responses += 1
        fields.append(("Content-Type", "application/xml"))
        stats.ok += 1
        if method == "HEAD":
            return response_bytes(200, fields, b"", head_only=True, length=len(body))
        stats.body_bytes += len(body)
        return response_bytes(200, fields, body)


def parse_request(head):
    try:
        text = head.decode("latin-1")
        lines = text.split("\r\n")
        method, target, version = lines[0].split(" ", 2)
    except ValueError:
        return None
    headers = {}
    for line in lines[1:]:
        if not line:
            continue
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return method, target, version, headers


def feed_index(path):
    if not path.startswith("/f/"):
        return None
    digits = path[3:]
    if digits.endswith(".xml"):
        digits = digits[:-4]
    return int(digits) if digits.isdigit() else None


def accepts_gzip(value):
    for part in value.split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "x-gzip", "*"):
            q = params.strip()
            return not (q.startswith("q=") and float(q[2:] or 0) == 0)
    return False


def etag_matches(header, etag):
    """Weak comparison (RFC 9110 for If-None-Match); the -gz suffix of the gzip variant is ignored."""
    if header.strip() == "*":
        return True
    wanted = etag.strip('"')
    for candidate in header.split(","):
        candidate = candidate.strip()
        if candidate.startswith("W/"):
            candidate = candidate[2:]
        candidate = candidate.strip('"')
        if candidate.endswith("-gz"):
            candidate = candidate[:-3]
        if candidate == wanted:
            return True
    return False


def not_modified_since(value):
    try:
        since = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return False
    return since >= LAST_MODIFIED_EPOCH


REASONS = {200: "OK", 304: "Not Modified", 400: "Bad Request", 404: "Not Found"}


def response_bytes(status, fields, body, head_only=False, length=None):
    lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Status')}"]
    lines += [f"{name}: {value}" for name, value in fields]
    if status != 304:
        lines.append(f"Content-Length: {len(body) if length is None else length}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head if head_only else head + body


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--hosts", type=int, default=100)
    parser.add_argument("--latency-ms", type=float, default=50)
    parser.add_argument("--ready-file", required=True)
    parser.add_argument("--max-seconds", type=float, default=4 * 3600,
                        help="exit after this long whatever happens (a leaked server never lingers)")
    args = parser.parse_args()

    corpus = Corpus(args.corpus)
    stats = Stats()
    server = FeedServer(corpus, args.latency_ms / 1000, stats)
    servers = []
    ports = {}
    for number in range(1, args.hosts + 1):
        address = f"127.0.0.{number}"
        listener = await asyncio.start_server(server.handle, address, 0, backlog=1024, limit=1 << 16)
        servers.append(listener)
        ports[address] = listener.sockets[0].getsockname()[1]

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    loop.call_later(args.max_seconds, stop.set)
    # Exit with the driver that started us, even when it was killed outright.
    parent = os.getppid()

    def watch_parent():
        if os.getppid() != parent:
            stop.set()
        else:
            loop.call_later(1, watch_parent)
    loop.call_later(1, watch_parent)

    temporary = args.ready_file + ".tmp"
    with open(temporary, "w") as handle:
        json.dump({"ports": ports, "pid": os.getpid(), "files": len(corpus)}, handle)
    os.replace(temporary, args.ready_file)

    await stop.wait()
    for listener in servers:
        listener.close()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
