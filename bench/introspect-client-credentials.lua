-- wrk script: introspection of a client-credentials access token (never stored: checked by
-- signature, expiry and the revocation list), checking every response is {"active":true,...}.
-- Usage: TOKEN=$(curl -s -u sx-stats:sx-stats-demo-secret http://127.0.0.1:9000/oauth2/token \
--          -d grant_type=client_credentials | sed 's/.*"access_token":"\([^"]*\)".*/\1/') \
--        wrk -t2 -c32 -d20s -s bench/introspect-client-credentials.lua http://127.0.0.1:9000
-- The checks run in wrk's threads: done() adds up their counts (before 2026-12-04 it printed the
-- main Lua state's own count, which was always 0).
wrk.method = "POST"
wrk.path = "/oauth2/introspect"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
-- sx-stats:sx-stats-demo-secret (public demo values)
wrk.headers["Authorization"] = "Basic c3gtc3RhdHM6c3gtc3RhdHMtZGVtby1zZWNyZXQ="
wrk.body = "token=" .. os.getenv("TOKEN")

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

bad = 0
checked = 0
function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 or not string.find(body, '"active":true', 1, true) then
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
