-- wrk script: refresh-token grants of the public mobile app (zj-reader-app: client_id alone),
-- each rotating the token. Every response is checked (200, an access token and a new refresh
-- token); the new refresh token goes back into the thread's pool and is used by a later request,
-- so each sign-in is a chain of refreshes and no refresh token is ever sent twice (a replay would
-- revoke the whole sign-in). A thread holds the tokens of lines id, id+T, id+2T… of TOKENS_FILE
-- (one refresh token a line, from `java bench/LoginLoad.java mint … kind=refresh`); each
-- connection takes one per request and its response gives one back, so a thread needs at least as
-- many tokens as connections (-c / -t); give it twice that. A request that finds the pool empty
-- (tokens lost to errors) sends no token and is counted as starved (and bad).
-- Usage: TOKENS_FILE=refresh.txt THREADS=2 wrk -t2 -c32 -d30s --latency -s bench/refresh-token.lua http://127.0.0.1:9000
-- THREADS must equal -t. The tokens left at the end are written to TOKENS_FILE.left (for a next run).
local threads = {}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

bad = 0
checked = 0
starved = 0
pool = {}
first_bad = nil

function init(args)
  local t = tonumber(os.getenv("THREADS") or "1")
  local n = 0
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    if line ~= "" then
      if n % t == id then table.insert(pool, line) end
      n = n + 1
    end
  end
  start_size = #pool
end

local function form(s)
  return (string.gsub(s, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  local token = table.remove(pool, 1)
  if token == nil then
    starved = starved + 1
    token = "none"
  end
  return wrk.format("POST", "/oauth2/token", {["Content-Type"] = "application/x-www-form-urlencoded"},
    "grant_type=refresh_token&client_id=zj-reader-app&refresh_token=" .. form(token))
end

function response(status, headers, body)
  checked = checked + 1
  local token = string.match(body, '"refresh_token"%s*:%s*"([^"]+)"')
  if status == 200 and token ~= nil and string.find(body, '"access_token"', 1, true) then
    table.insert(pool, token)
  else
    bad = bad + 1
    if first_bad == nil then first_bad = status .. " " .. string.sub(body, 1, 200) end
  end
end

function done(summary, latency, requests)
  local b, c, s, left, size = 0, 0, 0, 0, 0
  local out = io.open(os.getenv("TOKENS_FILE") .. ".left", "w")
  for _, t in ipairs(threads) do
    b = b + t:get("bad")
    c = c + t:get("checked")
    s = s + t:get("starved")
    size = size + t:get("start_size")
    local p = t:get("pool")
    for _, token in ipairs(p) do out:write(token, "\n"); left = left + 1 end
    local first = t:get("first_bad")
    if first ~= nil then io.write("first bad response: ", first, "\n") end
  end
  out:close()
  io.write(string.format("bad responses: %d of %d checked; starved requests %d; tokens %d at start, %d left in the pools\n",
    b, c, s, size, left))
end
