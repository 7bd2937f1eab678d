"""Processes of a local faqbot deployment for scripts/deploy_test.sh and
scripts/soak.sh: Debian's PostgreSQL (tests/store/pg_test_server.sh),
`faqbot serve` replicas, Debian's nginx as the load balancer, wrk, and small
JSON-over-HTTP helpers. Everything listens on 127.0.0.1 on free ports and
lives in one temp dir; Cluster.close() stops what it started (by pid)."""
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ADMIN_TOKEN = "deploy-admin-7f3a9c1e"
AGENT_TOKENS = {"alice": "deploy-alice-5d2b8e40", "bob": "deploy-bob-91c4e7aa"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(method, url, body=None, token=None, timeout=10):
    """(status, parsed JSON or None, headers). Never raises on HTTP errors."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None), dict(r.headers)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return e.code, parsed, dict(e.headers)


def wait_until(predicate, timeout_s, step_s=0.1):
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(step_s)
    return predicate()


class Replica:
    def __init__(self, cluster, index, env):
        self.cluster, self.index = cluster, index
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data = os.path.join(cluster.dir, f"replica{index}")
        os.makedirs(self.data, exist_ok=True)
        self.env = env
        self.proc = None

    def start(self):
        log = open(os.path.join(self.data, "serve.log"), "ab")
        self.proc = subprocess.Popen(
            [self.cluster.binary, "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--data-dir", self.data, "--config", self.cluster.config],
            env=self.env, stdout=log, stderr=log)
        log.close()

    def ready(self):
        if self.proc.poll() is not None:
            raise RuntimeError(f"replica {self.index} exited: {self.log_tail()}")
        try:
            return request("GET", self.url + "/readyz", timeout=2)[0] == 200
        except OSError:
            return False

    def kill9(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def rss_kb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def log_tail(self, n=2000):
        with open(os.path.join(self.data, "serve.log"), "rb") as f:
            return f.read()[-n:].decode(errors="replace")


class Cluster:
    """A temp dir with a copy of the knowledge base (so a test can edit it),
    an optional PostgreSQL server, replicas and an optional nginx."""

    def __init__(self, binary, config, prefix="faqbot-deploy-"):
        self.binary = os.path.abspath(binary)
        self.dir = tempfile.mkdtemp(prefix=prefix, dir="/tmp")
        os.chmod(self.dir, 0o755)
        self.config = os.path.join(self.dir, "config")
        shutil.copytree(config, self.config)
        self.replicas = []
        self.pg_state = None
        self.store = ""
        self.nginx = None
        self.nginx_ports = {}

    # PostgreSQL ------------------------------------------------------------
    def start_postgres(self):
        self.pg_state = os.path.join(self.dir, "pg")
        out = subprocess.run(["bash", os.path.join(ROOT, "tests/store/pg_test_server.sh"), "start", self.pg_state],
                             check=True, capture_output=True, text=True)
        self.store = out.stdout.strip().splitlines()[-1]
        return self.store

    def psql(self, sql):
        """Runs SQL on the shared store with Debian's psql; returns stdout."""
        return subprocess.run(["psql", "-X", "-A", "-t", "-q", self.store, "-c", sql],
                              check=True, capture_output=True, text=True).stdout

    # replicas --------------------------------------------------------------
    def replica_env(self, extra=None):
        env = dict(os.environ)
        env.update({
            "FAQBOT_ADMIN_TOKEN": ADMIN_TOKEN,
            "FAQBOT_AGENT_TOKENS": ",".join(f"{a}:{t}" for a, t in AGENT_TOKENS.items()),
            "FAQBOT_RATE_CLIENT": "0", "FAQBOT_RATE_SESSION": "0",
            "FAQBOT_MAX_CONNECTIONS_PER_CLIENT": "0",
            "FAQBOT_TRUST_FORWARDED_FOR": "true",
            "FAQBOT_SERVICE_HOURS": "00:00-23:59",
            "FAQBOT_THREADS": os.environ.get("SERVER_THREADS", "32"),
        })
        if self.store:
            env["FAQBOT_STORE"] = self.store
        env.update(extra or {})
        return env

    def start_replicas(self, count, extra_env=None, ready_timeout_s=180):
        """The first replica builds its index cache, the others start from a
        copy of it (each keeps its own: reloads write caches concurrently)."""
        started = []
        for i in range(count):
            r = Replica(self, len(self.replicas) + 1, self.replica_env(extra_env))
            if i > 0:
                shutil.copytree(os.path.join(started[0].data, "index-cache"), os.path.join(r.data, "index-cache"),
                                dirs_exist_ok=True)
            r.start()
            self.replicas.append(r)
            started.append(r)
            if i == 0 and not wait_until(r.ready, ready_timeout_s):
                raise RuntimeError(f"replica {r.index} not ready: {r.log_tail()}")
        for r in started:
            if not wait_until(r.ready, ready_timeout_s):
                raise RuntimeError(f"replica {r.index} not ready: {r.log_tail()}")
        return started

    # nginx -----------------------------------------------------------------
    def start_nginx(self, upstreams):
        """upstreams: name -> [Replica]; each gets its own listening port.
        Responses carry X-Upstream (the replica that answered)."""
        ngx = os.path.join(self.dir, "nginx")
        os.makedirs(ngx, exist_ok=True)
        blocks = []
        for name, members in upstreams.items():
            port = free_port()
            self.nginx_ports[name] = port
            servers = "\n".join(f"    server 127.0.0.1:{r.port} max_fails=1 fail_timeout=30s;" for r in members)
            blocks.append(f"""
  upstream {name} {{
{servers}
    keepalive 64;
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://{name};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_buffering off;
      proxy_read_timeout 60s;
      proxy_next_upstream error timeout http_502 http_503;
      add_header X-Upstream $upstream_addr always;
    }}
  }}""")
        conf = f"""daemon off;
worker_processes 2;
pid {ngx}/nginx.pid;
error_log {ngx}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {ngx}/body;
  proxy_temp_path {ngx}/proxy;
  fastcgi_temp_path {ngx}/fastcgi;
  uwsgi_temp_path {ngx}/uwsgi;
  scgi_temp_path {ngx}/scgi;
{''.join(blocks)}
}}
"""
        path = os.path.join(ngx, "nginx.conf")
        with open(path, "w") as f:
            f.write(conf)
        self.nginx = subprocess.Popen(["nginx", "-e", os.path.join(ngx, "error.log"), "-p", ngx, "-c", path],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for name, port in self.nginx_ports.items():
            if not wait_until(lambda: self._listening(port), 10):
                raise RuntimeError("nginx did not start: " + open(os.path.join(ngx, "error.log")).read())

    @staticmethod
    def _listening(port):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            return False

    def lb_url(self, name):
        return f"http://127.0.0.1:{self.nginx_ports[name]}"

    def close(self, keep=False):
        for r in self.replicas:
            r.stop()
        if self.nginx and self.nginx.poll() is None:
            self.nginx.terminate()
            try:
                self.nginx.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
                self.nginx.wait()
        if self.pg_state:
            subprocess.run(["bash", os.path.join(ROOT, "tests/store/pg_test_server.sh"), "stop", self.pg_state],
                           capture_output=True)
        if not keep:
            shutil.rmtree(self.dir, ignore_errors=True)


def wrk(url, duration_s, connections=32, threads=2, rate=None, script=None):
    """Runs wrk on POST /v1/chat (tests/bench/http_chat.lua, each request a new
    session). Returns dict(rps, p99_ms, requests, errors)."""
    script = script or os.path.join(ROOT, "tests/bench/http_chat.lua")
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration_s}s", "--latency", "-s", script, url]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def parse_wrk(out):
    result = {"rps": 0.0, "p99_ms": None, "requests": 0, "errors": 0, "raw": out}
    for line in out.splitlines():
        parts = line.split()
        if line.startswith("Requests/sec:"):
            result["rps"] = float(parts[1])
        elif parts[:1] == ["99%"]:
            result["p99_ms"] = to_ms(parts[1])
        elif "requests in" in line:
            result["requests"] = int(parts[0])
        elif line.strip().startswith("Non-2xx"):
            result["errors"] += int(parts[-1])
        elif line.strip().startswith("Socket errors"):
            result["errors"] += sum(int(p.strip(",")) for p in parts if p.strip(",").isdigit())
    return result


def to_ms(text):
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60000.0)):
        if text.endswith(unit):
            return float(text[:-len(unit)]) * factor
    return float(text)
