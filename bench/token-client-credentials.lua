-- wrk script: client-credentials token requests for the demo service client, checking every
-- response (a non-200 or a body without an access token counts as bad).
-- Usage: wrk -t2 -c32 -d20s -s bench/token-client-credentials.lua http://127.0.0.1:9000
-- The checks run in wrk's threads, each with a Lua state of its own: done() (in the main state)
-- adds up the threads' counts (before 2026-12-04 it printed the main state's own count: always 0).
wrk.method = "POST"
wrk.path = "/oauth2/token"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
-- sx-stats:sx-stats-demo-secret (public demo values)
wrk.headers["Authorization"] = "Basic c3gtc3RhdHM6c3gtc3RhdHMtZGVtby1zZWNyZXQ="
wrk.body = "grant_type=client_credentials&scope=usage.write"

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

bad = 0
checked = 0
function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 or not string.find(body, '"access_token"', 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local b, c = 0, 0
  for _, t in ipairs(threads) do
    b = b + t:get("bad")
    c = c + t:get("checked")
  end
  io.write(string.format("bad responses: %d of %d checked\n", b, c))
end
