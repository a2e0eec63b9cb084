# The soak of `scripts/bench-server.sh soak`, sourced by it once our server answers (it provides
# repo, work, ours, ours_port, ours_pid, key, python, connections, log, run, field).
#
# SOAK seconds (300) of single predictions at saturation (CONNECTIONS wrk connections) while
# IDLE (2000) slowloris connections are held open beside them (bench-server/idle_clients.py);
# the server's RSS sampled every 5 s. Prints a Markdown summary: the real clients' errors, RSS
# at the start of the load, its peak and its end (flat = peak within 10 % of the start), and
# the connection counts of /metrics.

soak_seconds="${SOAK:-300}"
idle="${IDLE:-2000}"
rss_file="$work/rss.txt" idle_stats="$work/idle-clients.json"
: >"$rss_file"
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$ours_pid/status"; }

# Warm-up (connections, caches, allocator), not recorded.
WRK_FEATURES="$data/X_train.csv" WRK_API_KEY="$key" wrk -t2 -c"$connections" -d5s -s "$repo/scripts/peers/post.lua" \
  "$ours/predict" >/dev/null
log "soak: RSS after warm-up $(rss_kib) KiB; opening $idle idle connections"
"$python" "$repo/scripts/bench-server/idle_clients.py" 127.0.0.1 "$ours_port" "$idle" "$((soak_seconds + 15))" \
  "$idle_stats" &
idle_pid=$!
sleep 10  # the idle connections open before the load starts
(
  while kill -0 "$ours_pid" 2>/dev/null; do
    echo "$SECONDS $(rss_kib)" >>"$rss_file"
    sleep 5
  done
) &
sampler=$!
duration="$soak_seconds"
log "soak: $soak_seconds s at $connections connections beside $idle idle ones"
line="$(run "AccidentML predict, soak beside $idle idle connections" "$ours/predict" 0 "$connections" "$ours_pid")"
metrics="$(curl --silent --max-time 5 -H "X-API-Key: $key" "http://127.0.0.1:$ours_port/metrics" || true)"
echo "$metrics" >"$work/metrics.txt"
wait "$idle_pid" || true
kill "$sampler" 2>/dev/null || true

"$python" - "$line" "$rss_file" "$idle_stats" "$metrics" "$soak_seconds" <<'PY'
import json, re, sys
run = json.loads(sys.argv[1])
seconds = sys.argv[5]
rss = [int(l.split()[1]) for l in open(sys.argv[2]) if len(l.split()) == 2]
idle = json.load(open(sys.argv[3]))
metrics = sys.argv[4]
def metric(name, labels=""):
    m = re.search(rf"^{re.escape(name)}{re.escape(labels)} (\S+)$", metrics, re.M)
    return m.group(1) if m else "?"
e = run["errors"]
bad = e["status"] + e["connect"] + e["read"] + e["write"] + e["timeout"]
start, peak, end = rss[0], max(rss), rss[-1]
accepted = metric("accident_http_connections_total", '{result="accepted"}')
refused = metric("accident_http_connections_total", '{result="refused"}')
print("| soak | seconds | connections (real + idle held) | requests/s | p99 | real-client errors | "
      "RSS start → peak → end | peak / start | load avg (1 min) before → after |")
print("| --- | ---: | --- | ---: | ---: | ---: | --- | ---: | --- |")
print(f"| {run['name']} | {seconds} | {run['connections']} + {idle['slots']} | "
      f"{run['requests_per_second']:,.0f} | {run['latency_p99_us'] / 1000:.2f} ms | {bad} | "
      f"{start / 1024:.0f} → {peak / 1024:.0f} → {end / 1024:.0f} MiB | {peak / start:.3f} | "
      f"{run['load_before']:.2f} → {run['load_after']:.2f} |")
print()
half = rss[len(rss) // 2:]
print(f"RSS {'flat' if peak <= 1.10 * start else 'NOT flat'} within 10 % over {len(rss)} samples (every 5 s); "
      f"second half {min(half) / 1024:.1f} → {max(half) / 1024:.1f} MiB ({(max(half) / min(half) - 1) * 100:.2f} % drift). "
      f"Idle clients: {idle['connected']:,} connections made, {idle['closed_by_server']:,} closed by the server "
      f"(header timeout), {idle['refused']:,} refused (503), {idle['failed']:,} failed to connect; "
      f"{idle['open_min_after_ramp']:,}-{idle['open_max']:,} open at once. "
      f"/metrics: connections accepted {accepted}, refused {refused}.")
PY
