-- wrk script: discovery document, checking every response.
-- Usage: wrk -t2 -c32 -d20s -s bench/discovery.lua http://127.0.0.1:9000
-- The checks run in wrk's threads: done() adds up their counts (before 2026-12-04 it printed the
-- main Lua state's own count, which was always 0).
wrk.path = "/.well-known/openid-configuration"

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

bad = 0
checked = 0
function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 or not string.find(body, '"jwks_uri"', 1, true) then
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
