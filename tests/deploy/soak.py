#!/usr/bin/python3
"""The soak (issue 11 point 4): one `faqbot serve` on SQLite, then one on
PostgreSQL; each: capacity measured with wrk (POST /v1/chat, 32 connections),
then MINUTES at half of it (tests/deploy/soak_chat.lua), the server's resident
memory and the window's p99 sampled every 10 s. Writes build/soak_<backend>.tsv
and the plot build/soak.png (gnuplot). Holds when no window had an error and
the RSS at the end is within 20 % (or 16 MB) of the RSS after warm-up (the
first fifth of the run, at least one minute).

usage: soak.py FAQBOT_BINARY CONFIG_DIR OUT_DIR MINUTES [BACKEND...]
Last line: RSS and p99 at start and end of each backend."""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cluster as cl  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
WINDOW_S = 10
CONNECTIONS = 64  # many, so the per-connection delay, not the latency, sets the rate


def soak(binary, config, backend, minutes, out_dir):
    c = cl.Cluster(binary, config, prefix=f"faqbot-soak-{backend}-")
    samples = []
    try:
        if backend == "postgresql":
            c.start_postgres()
        (server,) = c.start_replicas(1)
        url = server.url + "/v1/chat"
        cl.wrk(url, 3)  # warm-up
        capacity = cl.wrk(url, 5)["rps"]
        rate = max(1.0, capacity / 2)
        print(f"{backend}: capacity {capacity:.0f} req/s, soaking at {rate:.0f} req/s for {minutes} min", flush=True)
        env = dict(os.environ, SOAK_RATE=str(rate), SOAK_CONNECTIONS=str(CONNECTIONS))
        start = time.time()
        windows = max(1, int(minutes * 60 / WINDOW_S))
        for i in range(windows):
            # A slow answer is in the p99; only a failed one (non-2xx, socket
            # error, no answer within 10 s) is an error.
            out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{WINDOW_S}s", "--timeout", "10s", "--latency",
                                  "-s", os.path.join(HERE, "soak_chat.lua"), url],
                                 env=env, capture_output=True, text=True, check=True).stdout
            w = cl.parse_wrk(out)
            samples.append((time.time() - start, server.rss_kb() / 1024, w["p99_ms"] or 0.0, w["rps"], w["errors"]))
            t, rss, p99, rps, errors = samples[-1]
            print(f"{backend} {t:6.0f} s  RSS {rss:6.1f} MB  p99 {p99:7.2f} ms  {rps:6.0f} req/s  errors {errors}",
                  flush=True)
    finally:
        c.close()
    path = os.path.join(out_dir, f"soak_{backend}.tsv")
    with open(path, "w") as f:
        f.write("# seconds\trss_mb\tp99_ms\treq_per_s\terrors\n")
        for s in samples:
            f.write("\t".join(f"{v:.2f}" if isinstance(v, float) else str(v) for v in s) + "\n")
    return samples, path


def verdict(samples):
    errors = sum(s[4] for s in samples)
    warm = max(1, min(len(samples) - 1, max(len(samples) // 5, 60 // WINDOW_S)))
    rss_warm, rss_end = samples[warm - 1][1], samples[-1][1]
    growth = rss_end - rss_warm
    ok = errors == 0 and (growth <= max(16.0, 0.2 * rss_warm))
    return ok, errors, rss_warm, growth


def plot(files, png):
    series = [(backend, path) for backend, path in files]
    rss = ", ".join(f"'{p}' using ($1/60):2 with lines lw 2 title '{b}'" for b, p in series)
    p99 = ", ".join(f"'{p}' using ($1/60):3 with lines lw 2 title '{b}'" for b, p in series)
    script = f"""set terminal pngcairo size 1000,700 font 'sans,10'
set output '{png}'
set multiplot layout 2,1 title 'faqbot soak at half capacity (POST /v1/chat, new session per request)'
set grid
set xrange [0:*]
set key top left
set ylabel 'resident memory (MB)'
set yrange [0:*]
plot {rss}
set xlabel 'minutes'
set ylabel 'p99 latency per 10 s (ms)'
plot {p99}
unset multiplot
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def main():
    binary, config, out_dir, minutes = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    backends = sys.argv[5:] or ["sqlite", "postgresql"]
    os.makedirs(out_dir, exist_ok=True)
    files, summary, all_ok = [], [], True
    for backend in backends:
        samples, path = soak(binary, config, backend, minutes, out_dir)
        files.append((backend, path))
        ok, errors, rss_warm, growth = verdict(samples)
        all_ok = all_ok and ok
        print(f"{backend}: {'ok' if ok else 'FAIL'}: {errors} errors, RSS {growth:+.1f} MB after warm-up "
              f"({rss_warm:.1f} MB)", flush=True)
        first, last = samples[0], samples[-1]
        summary.append(f"{backend} RSS {first[1]:.0f} -> {last[1]:.0f} MB, p99 {first[2]:.1f} -> {last[2]:.1f} ms")
    png = os.path.join(out_dir, "soak.png")
    plot(files, png)
    print(f"plot: {png}")
    print("; ".join(summary))
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
