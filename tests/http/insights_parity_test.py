#!/usr/bin/env python3
"""A scripted day of traffic gives the same figures in `faqbot insights` and
in the admin API (GET /v1/admin/insights), and the figures are the traffic's.

usage: insights_parity_test.py FAQBOT_BINARY CONFIG_DIR
Starts `faqbot serve` on a free loopback port with a temporary SQLite data dir
and an admin token, sends conversations over HTTP (answers, fallbacks, a
handoff on request that an agent serves and the investor rates 4 of 5, thumbs
up and down), then compares the API's JSON with
`faqbot insights --since 1d --json` on the same data dir and checks the
counts against the script. Exit status 1 on any difference."""
import json, os, signal, socket, subprocess, sys, tempfile, time, urllib.request

BIN, CONFIG = sys.argv[1], sys.argv[2]
DATA = tempfile.mkdtemp(prefix="faqbot-insights-")
ADMIN = "admin-token-for-insights"
AGENT = "agent-token-for-insights"
with socket.socket() as s:
    s.bind(("127.0.0.1", 0)); PORT = s.getsockname()[1]
env = dict(os.environ, FAQBOT_RATE_CLIENT="0", FAQBOT_RATE_SESSION="0", FAQBOT_ADMIN_TOKEN=ADMIN,
           FAQBOT_AGENT_TOKENS="li:" + AGENT, FAQBOT_SERVICE_HOURS="00:00-24:00", FAQBOT_DATA_DIR=DATA)
server = subprocess.Popen([BIN, "serve", "--host", "127.0.0.1", "--port", str(PORT), "--data-dir", DATA,
                           "--config", CONFIG], env=env, stderr=subprocess.DEVNULL)
failures = []

def check(ok, what):
    if not ok: failures.append(what)

def call(path, body=None, token=None):
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}",
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    if token: req.add_header("Authorization", "Bearer " + token)
    return json.load(urllib.request.urlopen(req, timeout=30))

try:
    for _ in range(1200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/readyz", timeout=1); break
        except Exception: time.sleep(0.1)
    else:
        raise SystemExit("server not ready")

    actions = []
    def chat(texts):
        session = None
        replies = []
        for t in texts:
            body = {"text": t}
            if session: body["session_id"] = session[0]
            r = call("/v1/chat", body, session[1] if session else None)
            if not session: session = (r["session_id"], r["session_token"])
            actions.append(r["action"]); replies.append(r)
        return session, replies

    s1, r1 = chat(["提现手续费怎么收"])
    call("/v1/feedback", {"session_id": s1[0], "message_id": r1[0]["message_id"], "helpful": True}, s1[1])
    s2, r2 = chat(["充值有手续费吗"])
    call("/v1/feedback", {"session_id": s2[0], "message_id": r2[0]["message_id"], "helpful": False}, s2[1])
    chat(["能帮我开一张增值税发票吗"])
    chat(["可以开增值税发票吗"])
    chat(["充值的手续费发票怎么开"])  # no entry: beside the thumbed-down fee question
    # A fallback, then a question refused as outside the platform's business:
    # said so, not the repeated-fallback handoff.
    _, r5 = chat(["你们公司食堂午饭好吃吗", "车险怎么理赔"])
    check([r["action"] for r in r5] == ["fallback", "fallback"], f"canteen then insurance: {r5}")
    s6, r6 = chat(["转人工"])
    ticket = (r6[0].get("handoff") or {}).get("ticket_id")
    check(ticket is not None, f"no ticket for 转人工: {r6[0]}")
    if ticket is not None:  # the agent serves it, the investor rates the service
        call(f"/v1/handoffs/{ticket}/claim", {}, AGENT)
        call(f"/v1/handoffs/{ticket}/close", {}, AGENT)
        call(f"/v1/sessions/{s6[0]}/rating", {"ticket_id": ticket, "score": 4}, s6[1])

    api = call("/v1/admin/insights?since=1d", token=ADMIN)
    cli = subprocess.run([BIN, "insights", "--since", "1d", "--json", "--config", CONFIG],
                         env=env, capture_output=True, text=True, timeout=300)
    check(cli.returncode == 0, "faqbot insights failed: " + cli.stderr)
    mine = json.loads(cli.stdout)
    html = os.path.join(DATA, "report.html")
    out = subprocess.run([BIN, "insights", "--since", "1d", "--out", html, "--config", CONFIG],
                         env=env, capture_output=True, text=True, timeout=300)
    check(out.returncode == 0 and "<svg" in open(html, encoding="utf-8").read(), "no HTML report with a chart")

    # The same figures (the two windows end a few seconds apart: nothing happened between).
    for key in ["conversations", "deflected", "bot_replies", "answers", "clarifies", "fallbacks", "handoffs",
                "handoffs_by_reason", "thumbs_up", "thumbs_down", "satisfaction", "entries", "clusters", "days"]:
        check(api[key] == mine[key], f"{key}: api {api[key]!r} != cli {mine[key]!r}")

    # ... and they are the traffic's.
    check(api["conversations"] == 7, f"conversations {api['conversations']}")
    check(api["bot_replies"] == len(actions), f"bot replies {api['bot_replies']} != {len(actions)}")
    for a in ("answer", "clarify", "fallback"):
        key = {"answer": "answers", "clarify": "clarifies", "fallback": "fallbacks"}[a]
        check(api[key] == actions.count(a), f"{key} {api[key]} != {actions.count(a)} of {actions}")
    check(api["handoffs"] == 1 and api["handoffs_by_reason"] == {"explicit_request": 1}, f"handoffs {api['handoffs_by_reason']}")
    check(api["deflected"] == 6 and abs(api["deflection_rate"] - 6 / 7) < 1e-9, f"deflected {api['deflected']}")
    check(api["thumbs_up"] == 1 and api["thumbs_down"] == 1, "thumbs")
    check(api["satisfaction"] == {"average": 4.0, "ratings": 1, "by_score": {"1": 0, "2": 0, "3": 0, "4": 1, "5": 0}},
          f"satisfaction {api['satisfaction']}")
    check("4.0 / 5（1 个评价）" in open(html, encoding="utf-8").read(), "satisfaction in the HTML report")
    fee = [e for e in api["entries"] if e["faq_id"] == "withdraw.fee"]
    check(fee and fee[0]["answered"] == 1 and fee[0]["helpful_rate"] == 1.0, f"withdraw.fee {fee}")
    check(sum(d["conversations"] for d in api["days"]) >= 6, "days")
    # The two invoice questions fall back and land in one cluster, the largest.
    biggest = api["clusters"][0] if api["clusters"] else {}
    texts = [e["text"] for e in biggest.get("examples", [])]
    check("能帮我开一张增值税发票吗" in texts and "可以开增值税发票吗" in texts, f"biggest cluster {biggest}")
    thumbs_down = [c for c in api["clusters"] if c["sources"].get("thumbs_down")]
    check(any("充值有手续费吗" in [e["text"] for e in c["examples"]] for c in thumbs_down), "thumbs-down question clustered")
    # Each cluster says how the live knowledge base replies to it now: the
    # invoice and canteen questions find no entry (the canteen one refused
    # by the models alone, worded as the plain fallback), the insurance one
    # is refused by a domain rule.
    # `answered` counts the cluster's questions (repeats counted) answered
    # now: none of a gap's, all of a fixed cluster's.
    def cluster_of(text):
        found = [c for c in api["clusters"] if text in [e["text"] for e in c["examples"]]]
        return found[0] if found else {}
    def now_of(text):
        return cluster_of(text).get("now")
    # A gap names no nearest entry unless one comes as close as the bot would
    # offer it: the invoice questions' closest (an unrelated entry at a few
    # hundredths) is not named, the thumbed-down fee question's is.
    check(cluster_of("可以开增值税发票吗").get("nearest") is None,
          f"invoice cluster nearest {cluster_of('可以开增值税发票吗').get('nearest')}")
    check((cluster_of("充值有手续费吗").get("nearest") or {}).get("faq_id") == "recharge.fee",
          f"fee cluster nearest {cluster_of('充值有手续费吗').get('nearest')}")
    check(now_of("可以开增值税发票吗") == {"action": "not_found", "faq_id": None, "refusal": None, "answered": 0},
          f"invoice cluster now {now_of('可以开增值税发票吗')}")
    check(now_of("你们公司食堂午饭好吃吗") == {"action": "not_found", "faq_id": None, "refusal": None, "answered": 0},
          f"canteen cluster now {now_of('你们公司食堂午饭好吃吗')}")
    check(now_of("车险怎么理赔") == {"action": "refused", "faq_id": None, "refusal": "scope_refusal", "answered": 0},
          f"insurance cluster now {now_of('车险怎么理赔')}")
    # The thumbed-down fee question is answered now, the invoice for the fee
    # beside it still is not: the cluster is half fixed.
    fee_cluster = cluster_of("充值有手续费吗")
    check("充值的手续费发票怎么开" in [e["text"] for e in fee_cluster.get("examples", [])]
          and fee_cluster.get("size") == 2 and fee_cluster["now"]["answered"] == 1,
          f"thumbs-down cluster now {fee_cluster}")
    report = open(html, encoding="utf-8").read()
    check("仍未找到答案 not found" in report and "本组 1/2 次提问已能回答" in report,
          "the HTML report says what each cluster gets now, and how much of a half-fixed one is answered")
    # The admin API needs the admin token.
    try:
        call("/v1/admin/insights?since=1d"); check(False, "insights without a token")
    except urllib.error.HTTPError as e:
        check(e.code == 401, f"no token -> {e.code}")
finally:
    server.send_signal(signal.SIGTERM)
    try: server.wait(timeout=20)
    except Exception: server.kill()

if failures:
    print("\n".join(failures)); sys.exit(1)
print("insights: CLI and API agree on a scripted day")
