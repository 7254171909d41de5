-- wrk script: client-credentials token requests for the demo service client, checking every
-- response (a non-200 or a body without an access token counts as an error).
-- Usage: wrk -t2 -c32 -d20s -s bench/token-client-credentials.lua http://127.0.0.1:9000
wrk.method = "POST"
wrk.path = "/oauth2/token"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
-- sx-stats:sx-stats-demo-secret (public demo values)
wrk.headers["Authorization"] = "Basic c3gtc3RhdHM6c3gtc3RhdHMtZGVtby1zZWNyZXQ="
wrk.body = "grant_type=client_credentials&scope=usage.write"

local bad = 0
response = function(status, headers, body)
  if status ~= 200 or not string.find(body, '"access_token"', 1, true) then
    bad = bad + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("bad responses: %d\n", bad))
end
