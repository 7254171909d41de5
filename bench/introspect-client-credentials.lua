-- wrk script: introspection of a client-credentials access token (never stored: checked by
-- signature, expiry and the revocation list), checking every response is {"active":true,...}.
-- Usage: TOKEN=$(curl -s -u sx-stats:sx-stats-demo-secret http://127.0.0.1:9000/oauth2/token \
--          -d grant_type=client_credentials | sed 's/.*"access_token":"\([^"]*\)".*/\1/') \
--        wrk -t2 -c32 -d20s -s bench/introspect-client-credentials.lua http://127.0.0.1:9000
wrk.method = "POST"
wrk.path = "/oauth2/introspect"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
-- sx-stats:sx-stats-demo-secret (public demo values)
wrk.headers["Authorization"] = "Basic c3gtc3RhdHM6c3gtc3RhdHMtZGVtby1zZWNyZXQ="
wrk.body = "token=" .. os.getenv("TOKEN")

local bad = 0
response = function(status, headers, body)
  if status ~= 200 or not string.find(body, '"active":true', 1, true) then
    bad = bad + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("bad responses: %d\n", bad))
end
