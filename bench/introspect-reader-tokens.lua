-- wrk script: introspection of readers' access tokens by the client they were issued to (the
-- confidential portal sx-portal, client_secret_basic: a client may introspect only its own
-- tokens). Requests go round the tokens of TOKENS_FILE (one access token a line, from
-- `java bench/LoginLoad.java mint … kind=access`: many readers' sign-ins, each token a stored
-- authorization); every response is checked to be {"active":true,…} with the token's client_id.
-- Access tokens live 10 minutes: mint them just before the runs.
-- Usage: TOKENS_FILE=access.txt wrk -t2 -c32 -d30s --latency -s bench/introspect-reader-tokens.lua http://127.0.0.1:9000
local threads = {}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

bad = 0
checked = 0
local tokens = {}
local next_index = 1
first_bad = nil

function init(args)
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    if line ~= "" then table.insert(tokens, line) end
  end
  -- the threads start at different places in the list
  next_index = 1 + (id * 7919) % #tokens
end

function request()
  local token = tokens[next_index]
  next_index = next_index % #tokens + 1
  return wrk.format("POST", "/oauth2/introspect", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      -- sx-portal:sx-portal-demo-secret (public demo values)
      ["Authorization"] = "Basic c3gtcG9ydGFsOnN4LXBvcnRhbC1kZW1vLXNlY3JldA=="},
    "token=" .. token)
end

function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 or not string.find(body, '"active":true', 1, true)
      or not string.find(body, '"client_id":"sx-portal"', 1, true) then
    bad = bad + 1
    if first_bad == nil then first_bad = status .. " " .. string.sub(body, 1, 200) end
  end
end

function done(summary, latency, requests)
  local b, c = 0, 0
  for _, t in ipairs(threads) do
    b = b + t:get("bad")
    c = c + t:get("checked")
    local first = t:get("first_bad")
    if first ~= nil then io.write("first bad response: ", first, "\n") end
  end
  io.write(string.format("bad responses: %d of %d checked\n", b, c))
end
