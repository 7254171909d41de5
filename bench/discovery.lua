-- wrk script: discovery document, checking every response.
-- Usage: wrk -t2 -c32 -d20s -s bench/discovery.lua http://127.0.0.1:9000
wrk.path = "/.well-known/openid-configuration"
local bad = 0
response = function(status, headers, body)
  if status ~= 200 or not string.find(body, '"jwks_uri"', 1, true) then
    bad = bad + 1
  end
end
done = function(summary, latency, requests)
  io.write(string.format("bad responses: %d\n", bad))
end
