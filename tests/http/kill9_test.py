#!/usr/bin/env python3
"""kill -9 under load loses no acknowledged message.

usage: kill9_test.py FAQBOT_BINARY CONFIG_DIR
Starts `faqbot serve` on a free loopback port with a temporary data dir, posts
chats from 16 threads for 3 s, kills the server with SIGKILL, restarts it on
the same data dir and checks that every message id answered 200 is in its
session's transcript. Exit status 1 on any loss."""
import json, os, signal, socket, subprocess, sys, tempfile, threading, time, urllib.request
BIN, CONFIG = sys.argv[1], sys.argv[2]
DATA = tempfile.mkdtemp(prefix="faqbot-kill9-")
with socket.socket() as s:
    s.bind(("127.0.0.1", 0)); PORT = s.getsockname()[1]
env = dict(os.environ, FAQBOT_RATE_CLIENT="0", FAQBOT_RATE_SESSION="0")
def start():
    p = subprocess.Popen([BIN, "serve", "--host", "127.0.0.1", "--port", str(PORT), "--data-dir", DATA,
                          "--config", CONFIG], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120  # a loaded 2-core machine: loading the index can take a while
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/readyz", timeout=1); return p
        except Exception: time.sleep(0.1)
    p.kill(); p.wait()  # never leave a server behind (it holds ctest's output pipe)
    raise SystemExit("not ready within 120 s")
p = start()
acked = []; lock = threading.Lock(); stop = False
def worker():
    while not stop:
        req = urllib.request.Request(f"http://127.0.0.1:{PORT}/v1/chat", data=json.dumps({"text": "提现多久到账"}).encode(),
                                     headers={"Content-Type": "application/json"})
        try:
            r = json.load(urllib.request.urlopen(req, timeout=5))
            with lock: acked.append((r["session_id"], r["session_token"], r["message_id"]))
        except Exception: pass
ts = [threading.Thread(target=worker) for _ in range(16)]
[t.start() for t in ts]
time.sleep(3)
os.kill(p.pid, signal.SIGKILL); p.wait()
stop = True; [t.join() for t in ts]
p = start()
missing = 0
for sid, token, mid in acked:
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}/v1/sessions/{sid}/messages",
                                 headers={"Authorization": f"Bearer {token}"})
    r = json.load(urllib.request.urlopen(req))
    if not any(m["message_id"] == mid for m in r["messages"]): missing += 1
print(f"acknowledged {len(acked)}, missing after kill -9 and restart: {missing}")
p.terminate(); p.wait()
subprocess.run(["rm", "-rf", DATA])
sys.exit(1 if missing or len(acked) < 100 else 0)
