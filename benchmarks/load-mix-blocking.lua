-- The demo's blocking endpoints (JDBC, file, DNS on the event loop: the agent records every request) plus the health check, in rotation; prints one machine-readable line at the end.
local paths = {"/blocking/user?id=1", "/blocking/file", "/blocking/host", "/health"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50us=%d p99us=%d requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99), summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout))
end
