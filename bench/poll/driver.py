#!/usr/bin/env python3
"""Polling benchmark driver (issue 3): feedwatch against newsboat on loopback feeds.

Started by bench/poll/run.sh, which builds feedwatch and makes sure newsboat is
installed. For each feed count N: start nothing new (one server serves every N),
write a feeds.conf and a newsboat urls file with the same N URLs, run each tool
twice (first poll on an empty store, second poll: every feed answers 304),
measure wall, CPU and peak RSS of the tool (/usr/bin/time -v), take request and
byte counts from the server, and print one Markdown table per N plus the
targets of issue 3 with pass/fail marks.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
# The tool run in progress, so that an interrupted driver can stop it too.
CURRENT = None
ROOT = os.path.dirname(os.path.dirname(HERE))


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- server

class Server:
    def __init__(self, corpus, hosts, latency_ms, work, max_seconds):
        self.ready_file = os.path.join(work, "server-ready.json")
        self.log_path = os.path.join(work, "server.log")
        command = [sys.executable, os.path.join(HERE, "server.py"), "--corpus", corpus,
                   "--hosts", str(hosts), "--latency-ms", str(latency_ms),
                   "--ready-file", self.ready_file, "--max-seconds", str(int(max_seconds))]
        self.process = subprocess.Popen(command, stdout=open(self.log_path, "w"), stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.monotonic() + 180
        while not os.path.exists(self.ready_file):
            if self.process.poll() is not None:
                raise SystemExit(f"feed server exited early (code {self.process.returncode}); see {self.log_path}")
            if time.monotonic() > deadline:
                self.stop()
                raise SystemExit("feed server did not start within 180 s")
            time.sleep(0.2)
        with open(self.ready_file) as handle:
            ready = json.load(handle)
        self.ports = ready["ports"]
        self.pid = ready["pid"]
        self.files = ready["files"]
        self.admin = f"http://127.0.0.1:{self.ports['127.0.0.1']}"

    def url(self, index, hosts):
        address = f"127.0.0.{index % hosts + 1}"
        return f"http://{address}:{self.ports[address]}/f/{index}"

    def _get(self, path):
        # The admin endpoint is loopback: never go through a proxy from the environment.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(self.admin + path, timeout=10) as response:
            return json.loads(response.read() or b"{}")

    def reset(self):
        self._get("/__reset")

    def stats(self):
        return self._get("/__stats")

    def cpu_seconds(self):
        """utime + stime of the server process, from /proc (includes no children)."""
        with open(f"/proc/{self.pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# ---------------------------------------------------------------- measuring one run

def parse_time_output(path):
    values = {}
    try:
        with open(path) as handle:
            for line in handle:
                name, _, value = line.strip().rpartition(": ")
                values[name] = value
    except FileNotFoundError:
        pass
    def number(key):
        try:
            return float(values[key])
        except (KeyError, ValueError):
            return None
    user, system = number("User time (seconds)"), number("System time (seconds)")
    rss_kb = number("Maximum resident set size (kbytes)")
    status = number("Exit status")
    return {
        "cpu": None if user is None or system is None else user + system,
        "user": user, "sys": system,
        "rss_mb": None if rss_kb is None else rss_kb / 1024,
        "exit": None if status is None else int(status),
    }


def measure(label, command, server, work, timeout, env=None):
    """Runs `command` under timeout and /usr/bin/time -v; returns the figures of this run."""
    stem = os.path.join(work, label)
    time_file = stem + ".time"
    server.reset()
    cpu_before = server.cpu_seconds()
    load = os.getloadavg()[0]
    log(f"{label}: {' '.join(command[:3])} ... (timeout {timeout} s)")
    started = time.monotonic()
    with open(stem + ".stdout", "w") as out, open(stem + ".stderr", "w") as err:
        process = subprocess.Popen(["timeout", "-k", "10", str(int(timeout)), "/usr/bin/time", "-v", "-o", time_file,
                                    *command], stdout=out, stderr=err, env=env, start_new_session=True)
        global CURRENT
        CURRENT = process
        try:
            code = process.wait(timeout=timeout + 30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            code = process.wait()
        CURRENT = None
    wall = time.monotonic() - started
    # Responses still being written when the client exits are counted; give the loop a moment.
    time.sleep(0.3)
    stats = server.stats()
    result = parse_time_output(time_file)
    result.update({
        "label": label, "wall": wall, "code": code, "timed_out": code in (124, 137),
        "server_cpu": server.cpu_seconds() - cpu_before, "load_before": load,
        "requests": stats["requests"], "ok": stats["ok"], "not_modified": stats["not_modified"],
        "not_found": stats["not_found"], "bytes": stats["body_bytes"], "gzip": stats["gzip_responses"],
        "conditional": stats["conditional_requests"], "connections": stats["connections"],
        "max_in_flight": stats["max_in_flight"], "max_per_host": stats["max_in_flight_per_host"],
        "user_agents": stats["user_agents"],
    })
    with open(stem + ".stderr", errors="replace") as handle:
        result["stderr_lines"] = sum(1 for _ in handle)
    log(f"{label}: exit {code}, wall {wall:.2f} s, cpu {fmt(result['cpu'])} s, rss {fmt(result['rss_mb'], 0)} MB, "
        f"{stats['requests']} requests ({stats['ok']} x 200, {stats['not_modified']} x 304), "
        f"{stats['body_bytes'] / 1e6:.1f} MB body")
    return result


# ---------------------------------------------------------------- feedwatch

class Feedwatch:
    def __init__(self, binary, work, per_host, host_gap_ms, gazetteer, run_timeout):
        self.binary = binary
        self.work = work
        self.run_timeout = run_timeout
        self.gazetteer_text = gazetteer_sections(gazetteer)
        self.supports_all = "--all" in self._help()
        self.extra_settings = []
        self.used = []
        self.unsupported = []
        self._probe("per_host", [str(per_host)])
        self._probe("host_gap", host_gap_forms(host_gap_ms))

    def _help(self):
        try:
            done = subprocess.run([self.binary, "poll", "--help"], capture_output=True, text=True, timeout=30)
            return done.stdout + done.stderr
        except subprocess.TimeoutExpired:
            return ""

    def _probe(self, key, forms):
        """Keeps the first form of `key = value` that this build's feeds.conf parser accepts."""
        folder = tempfile.mkdtemp(prefix="probe-", dir=self.work)
        sample = sorted(os.listdir(corpus_dir()))[0]
        last_error = ["no answer"]
        for value in forms:
            path = os.path.join(folder, "probe.conf")
            with open(path, "w") as handle:
                handle.write(f"[settings]\ndatabase = {folder}/probe.sqlite\ndigests = {folder}/digests\n"
                             f"{key} = {value}\n")
            try:
                done = subprocess.run([self.binary, "match", os.path.join(corpus_dir(), sample), "--config", path],
                                      capture_output=True, text=True, timeout=60)
            except subprocess.TimeoutExpired:
                continue
            if done.returncode == 0:
                self.extra_settings.append(f"{key} = {value}")
                self.used.append(f"{key} = {value}")
                return
            last_error = done.stderr.strip().splitlines()[-1:] or [""]
        log(f"feedwatch: {key} not accepted: {last_error[0][:200]}")
        self.unsupported.append(key)

    def describe(self):
        parts = [f"settings used: {', '.join(self.used) or 'none'}"]
        if self.unsupported:
            parts.append(f"not supported by this build: {'; '.join(self.unsupported)}")
        parts.append("second poll with --all" if self.supports_all
                     else "no --all flag in this build (second poll without it)")
        return "; ".join(parts)

    def runs(self, server, urls, concurrency, label):
        folder = os.path.join(self.work, label)
        os.makedirs(folder, exist_ok=True)
        conf = os.path.join(folder, "feeds.conf")
        with open(conf, "w") as handle:
            handle.write("[settings]\n")
            handle.write(f"database = {folder}/state/feedwatch.sqlite\n")
            handle.write(f"digests = {folder}/digests\n")
            handle.write("timezone = UTC\n")
            handle.write(f"concurrency = {concurrency}\n")
            for line in self.extra_settings:
                handle.write(line + "\n")
            handle.write("\n[feeds]\n")
            for index, url in enumerate(urls):
                handle.write(f"{url} name=f{index:05d} lang=en\n")
            handle.write("\n" + self.gazetteer_text)
        first = measure(f"{label}-first", [self.binary, "poll", "--config", conf], server, folder, self.run_timeout)
        second_command = [self.binary, "poll", "--config", conf] + (["--all"] if self.supports_all else [])
        second = measure(f"{label}-second", second_command, server, folder, self.run_timeout)
        return first, second


def host_gap_forms(milliseconds):
    seconds = milliseconds / 1000
    forms = [f"{milliseconds:g}ms", f"{seconds:g}s", f"{seconds:g}"]
    if float(milliseconds).is_integer():
        forms.append(str(int(milliseconds)))
    return list(dict.fromkeys(forms))


def gazetteer_sections(which):
    """The [entity ...] and [topic ...] sections of the shipped feeds.conf, or nothing."""
    if which == "empty":
        return ""
    keep = False
    lines = []
    with open(os.path.join(ROOT, "feeds.conf"), encoding="utf-8-sig") as handle:
        for line in handle:
            stripped = line.strip()
            if stripped.startswith("[") and stripped.endswith("]"):
                keep = stripped.startswith(("[entity ", "[topic "))
            if keep:
                lines.append(line)
    return "".join(lines)


# ---------------------------------------------------------------- newsboat

class Newsboat:
    def __init__(self, work, run_timeout):
        self.work = work
        self.run_timeout = run_timeout
        done = subprocess.run(["newsboat", "--version"], capture_output=True, text=True, timeout=30)
        self.version = (done.stdout.splitlines() or ["?"])[0]

    def runs(self, server, urls, concurrency, label):
        folder = os.path.join(self.work, label)
        home = os.path.join(folder, "home")
        os.makedirs(os.path.join(home, ".newsboat"), exist_ok=True)
        url_file = os.path.join(folder, "urls")
        config = os.path.join(folder, "config")
        cache = os.path.join(folder, "cache.db")
        with open(url_file, "w") as handle:
            handle.write("\n".join(urls) + "\n")
        with open(config, "w") as handle:
            # Conditional GET (ETag, Last-Modified) is newsboat's default; nothing to switch on.
            handle.write(f"reload-threads {concurrency}\n")
            handle.write(f'cache-file "{cache}"\n')
            handle.write("download-timeout 30\n")
        # A private HOME so that no user configuration, cache or lock is read or touched.
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
                   XDG_DATA_HOME=os.path.join(home, ".local/share"))
        for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
            env.pop(name, None)
        command = ["newsboat", "-u", url_file, "-C", config, "-x", "reload"]
        first = measure(f"{label}-first", command, server, folder, self.run_timeout, env=env)
        # newsboat 2.21 on an empty cache stores a feed's ETag and Last-Modified with an
        # UPDATE that runs before the feed's row is INSERTed, so the validators of the first
        # reload are lost and the next reload downloads everything again (seen in its -l 6
        # log). That reload stores them; only the one after it is conditional. The extra
        # reload is measured and shown ("warm-up") but the targets compare the third.
        warm = measure(f"{label}-warm-up", command, server, folder, self.run_timeout, env=env)
        second = measure(f"{label}-second", command, server, folder, self.run_timeout, env=env)
        return first, warm, second


# ---------------------------------------------------------------- report

def fmt(value, digits=2):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}"


def table(count, concurrency, latency_ms, results, fw_note):
    bound = count / concurrency * latency_ms / 1000
    columns = []
    for name, runs in results.items():
        polls = ("first", "second") if len(runs) == 2 else ("first", "warm-up", "second")
        columns += [(name, poll, run) for poll, run in zip(polls, runs)]
    header = "| metric | " + " | ".join(f"{name} {poll}" for name, poll, _ in columns) + " |"
    rule = "|---|" + "---:|" * len(columns)
    rows = []

    def row(title, render):
        rows.append(f"| {title} | " + " | ".join(render(run) for _, _, run in columns) + " |")

    row("exit code", lambda r: f"{r['code']}" + (" (timeout)" if r["timed_out"] else ""))
    row("wall s", lambda r: fmt(r["wall"]))
    row(f"latency bound s (N/C x {latency_ms:g} ms)", lambda r: fmt(bound))
    row("wall / bound", lambda r: fmt(r["wall"] / bound))
    row("CPU s (user+sys)", lambda r: f"{fmt(r['cpu'])} ({fmt(r['user'])}+{fmt(r['sys'])})")
    row("peak RSS MB", lambda r: fmt(r["rss_mb"], 1))
    row("requests", lambda r: f"{r['requests']:,}")
    row("200 / 304 / 404", lambda r: f"{r['ok']:,} / {r['not_modified']:,} / {r['not_found']:,}")
    row("conditional requests", lambda r: f"{r['conditional']:,}")
    row("gzip responses", lambda r: f"{r['gzip']:,}")
    row("requests/s", lambda r: fmt(r["requests"] / r["wall"], 1))
    row("bytes received (body, MB)", lambda r: fmt(r["bytes"] / 1e6, 2))
    row("TCP connections", lambda r: f"{r['connections']:,}")
    row("max in flight (all / one host)", lambda r: f"{r['max_in_flight']} / {r['max_per_host']}")
    row("stderr lines", lambda r: f"{r['stderr_lines']:,}")
    row("server CPU s", lambda r: fmt(r["server_cpu"]))
    row("load avg before", lambda r: fmt(r["load_before"]))
    lines = [f"### {count:,} feeds, concurrency {concurrency}, {latency_ms:g} ms latency", "",
             header, rule, *rows, ""]
    lines += targets(count, bound, results, fw_note)
    return "\n".join(lines)


def mark(ok):
    return "PASS" if ok else "FAIL"


def targets(count, bound, results, fw_note):
    fw = results.get("feedwatch")
    nb = results.get("newsboat")
    lines = [f"Targets of issue 3 ({fw_note}):", ""]
    if not fw:
        return lines + ["- feedwatch not run", ""]
    if nb:
        nb = (nb[0], nb[-1])
    for index, poll in enumerate(("first", "second")):
        run = fw[index]
        limit = 1.3 * bound
        lines.append(f"- {poll} poll: wall {fmt(run['wall'])} s <= 1.3 x bound ({fmt(limit)} s): "
                     f"{mark(run['wall'] <= limit and not run['timed_out'])}")
        if nb:
            other = nb[index]
            lines.append(f"- {poll} poll: wall below newsboat's ({fmt(run['wall'])} vs {fmt(other['wall'])} s): "
                         f"{mark(run['wall'] < other['wall'])}")
            if run["cpu"] is not None and other["cpu"] is not None:
                lines.append(f"- {poll} poll: CPU <= 1/2 newsboat's ({fmt(run['cpu'])} vs {fmt(other['cpu'])} s, "
                             f"ratio {fmt(run['cpu'] / max(other['cpu'], 1e-9))}): "
                             f"{mark(run['cpu'] <= other['cpu'] / 2)}")
    first, second = fw
    share = second["bytes"] / first["bytes"] if first["bytes"] else None
    lines.append(f"- second poll bytes < 5 % of first ({fmt(None if share is None else share * 100)} %): "
                 f"{mark(share is not None and share < 0.05 and second['requests'] > 0)}"
                 + ("" if second["requests"] else " (second poll made no requests)"))
    peak = max((r["rss_mb"] or 0) for r in fw)
    if count >= 10_000:
        lines.append(f"- peak RSS < 150 MB at {count:,} feeds ({fmt(peak, 1)} MB): {mark(peak < 150)}")
    else:
        lines.append(f"- peak RSS {fmt(peak, 1)} MB (the 150 MB target applies at 10,000 feeds)")
    if nb:
        nb_share = nb[1]["bytes"] / nb[0]["bytes"] if nb[0]["bytes"] else None
        lines.append(f"- (newsboat: second poll {fmt(None if nb_share is None else nb_share * 100)} % of first's "
                     f"bytes, {nb[1]['not_modified']:,} x 304)")
    lines.append("")
    return lines


def corpus_dir():
    return os.path.join(ROOT, "..", "shared", "corpus", "real-feeds")


def main():
    parser = argparse.ArgumentParser(description="feedwatch vs newsboat polling benchmark")
    parser.add_argument("--feeds", default="1000,10000", help="comma-separated feed counts")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--latency-ms", type=float, default=50)
    parser.add_argument("--hosts", type=int, default=100)
    parser.add_argument("--per-host", type=int, default=1, help="feedwatch per_host setting, if supported")
    parser.add_argument("--host-gap-ms", type=float, default=0, help="feedwatch host_gap setting, if supported")
    parser.add_argument("--gazetteer", choices=("shipped", "empty"), default="shipped")
    parser.add_argument("--tools", default="feedwatch,newsboat")
    parser.add_argument("--feedwatch", required=True, help="path of the release feedwatch binary")
    parser.add_argument("--run-timeout", type=float, default=1800, help="seconds one tool run may take")
    parser.add_argument("--work", help="work folder (default: a new temp folder, removed unless --keep)")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--json", help="also write every figure to this JSON file")
    args = parser.parse_args()

    counts = [int(part.replace("_", "").replace(",", "")) for part in args.feeds.split(",") if part.strip()]
    tools = [tool.strip() for tool in args.tools.split(",") if tool.strip()]
    if not 1 <= args.hosts <= 254:
        raise SystemExit("--hosts must be 1 to 254")
    work = args.work or tempfile.mkdtemp(prefix="feedwatch-poll-bench-")
    os.makedirs(work, exist_ok=True)
    log(f"work folder: {work}")

    budget = (len(counts) * len(tools) * 2 + 1) * args.run_timeout + 600
    server = Server(corpus_dir(), args.hosts, args.latency_ms, work, budget)
    def stopping(signum, frame):
        if CURRENT is not None and CURRENT.poll() is None:
            os.killpg(CURRENT.pid, signal.SIGKILL)
        server.stop()
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stopping)
    signal.signal(signal.SIGINT, stopping)
    try:
        feedwatch = None
        if "feedwatch" in tools:
            feedwatch = Feedwatch(args.feedwatch, work, args.per_host, args.host_gap_ms, args.gazetteer,
                                  args.run_timeout)
            log(f"feedwatch: {feedwatch.describe()}")
        newsboat = Newsboat(work, args.run_timeout) if "newsboat" in tools else None
        if newsboat:
            log(f"newsboat: {newsboat.version}")

        tables = []
        everything = {}
        for count in counts:
            urls = [server.url(index, args.hosts) for index in range(count)]
            results = {}
            if feedwatch:
                results["feedwatch"] = feedwatch.runs(server, urls, args.concurrency, f"feedwatch-{count}")
            if newsboat:
                results["newsboat"] = newsboat.runs(server, urls, args.concurrency, f"newsboat-{count}")
            note = feedwatch.describe() if feedwatch else ""
            tables.append(table(count, args.concurrency, args.latency_ms, results, note))
            everything[count] = results
            print(tables[-1], flush=True)

        print(f"Set-up: {args.hosts} loopback hosts, feeds round-robin over them, bodies cycled from the "
              f"{server.files} files of the real-feeds corpus, gazetteer: {args.gazetteer}; "
              f"{newsboat.version if newsboat else 'newsboat not run'}; {os.cpu_count()} CPUs.")
        if args.json:
            with open(args.json, "w") as handle:
                json.dump({str(k): v for k, v in everything.items()}, handle, indent=1)
    finally:
        server.stop()
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log(f"kept {work}")


if __name__ == "__main__":
    main()
