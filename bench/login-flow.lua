-- wrk script: complete browser-style logins (issue 11), the light load generator for
-- bench/login-load.sh (bench/LoginLoad.java does the same in Java, at ~1.2 ms of CPU a login on
-- the machine the server shares; this costs wrk a small fraction of that).
--
-- Each wrk connection is one browser after another, each login with an empty cookie jar, as
-- LoginLoad: GET /oauth2/authorize (public client, PKCE S256, fresh state and nonce) -> every
-- redirect on the server followed (path and query of Location, on this node: a load balancer keeps
-- the browser here) -> the login form answered (card, password, the page's CSRF token) -> redirects
-- until the server sends the browser to the app's redirect URI with the code and this login's state
-- -> POST /oauth2/token with the code and the verifier -> 200 with an access token = signed in.
-- Cards at random from CARDS_FILE (one a line, readers whose right password must sign in); the
-- password is the lower-case card + "-pass", except for a fraction WRONG of the logins, which send
-- "-wrong" and must be refused (401 and the login page again, no code). Outcomes counted: signed
-- in, refused (wrong password, as it must), right password refused, wrong password accepted, other
-- errors (the first few printed). A login's time is measured from its first request to its token
-- (clock_gettime through LuaJIT's FFI); done() prints logins/s and p50/p90/p99/max.
--
-- One connection per thread (-t = -c): wrk calls request() and response() per thread, not per
-- connection, and the flow is a state machine per browser.
-- Usage: CARDS_FILE=cards.txt WRONG=0.05 wrk -t16 -c16 -d30s -s bench/login-flow.lua http://127.0.0.1:9000
-- Environment: CARDS_FILE, WRONG (0.05), CLIENT (zj-reader-app), REDIRECT_URI
--   (http://127.0.0.1:8082/callback), SCOPE (openid profile library), CARDS_PER_THREAD (20000: each
--   thread keeps a random sample of the file, so 1M readers do not cost 16 copies).
-- The verifier is fixed (its S256 challenge precomputed): the server stores a challenge per
-- authorization, and the benchmark is not about PKCE's SHA-256.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } rp_timespec;
  int clock_gettime(int clk_id, rp_timespec *tp);
]]
local ts = ffi.new("rp_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local VERIFIER = "readerpass-demo-verifier-0123456789-abcdefghijklmnop"
local CHALLENGE = "ZFzY1pe84Yxc3OHV_AoXgoqhBKKJF6TxU8azMDIvmLU"

local function form(s)
  return (string.gsub(s, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function unform(s)
  s = string.gsub(s, "+", " ")
  return (string.gsub(s, "%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end))
end

signed_in, refused, right_refused, wrong_accepted, errors = 0, 0, 0, 0, 0
samples = {}
latencies = {}

local cards = {}
local client, redirect_uri, scope, wrong_share
local login -- the browser's current login: {card, right, state, started, posted, cookie, code}
local nxt   -- the next request of this connection

function init(args)
  client = os.getenv("CLIENT") or "zj-reader-app"
  redirect_uri = os.getenv("REDIRECT_URI") or "http://127.0.0.1:8082/callback"
  scope = os.getenv("SCOPE") or "openid profile library"
  wrong_share = tonumber(os.getenv("WRONG") or "0.05")
  local keep = tonumber(os.getenv("CARDS_PER_THREAD") or "20000")
  math.randomseed(os.time() * 1000 + id * 7919 + math.floor(now_ms()))
  -- reservoir sample of `keep` cards
  local n = 0
  for line in io.lines(os.getenv("CARDS_FILE")) do
    if line ~= "" then
      n = n + 1
      if n <= keep then cards[n] = line
      else
        local j = math.random(1, n)
        if j <= keep then cards[j] = line end
      end
    end
  end
  assert(#cards > 0, "no cards in CARDS_FILE")
end

local function token(bytes)
  local t = {}
  for i = 1, bytes do t[i] = string.format("%02x", math.random(0, 255)) end
  return table.concat(t)
end

local function headers()
  local h = {["Accept"] = "text/html"}
  if login.cookie ~= nil then h["Cookie"] = login.cookie end
  return h
end

local function start_login()
  local card = cards[math.random(1, #cards)]
  login = {card = card, right = math.random() >= wrong_share, state = token(12), started = now_ms()}
  login.jar, login.cookie = {}, nil
  local path = "/oauth2/authorize?response_type=code&client_id=" .. form(client) .. "&redirect_uri=" .. form(redirect_uri)
    .. "&scope=" .. form(scope) .. "&state=" .. login.state .. "&nonce=" .. token(12)
    .. "&code_challenge=" .. CHALLENGE .. "&code_challenge_method=S256"
  nxt = wrk.format("GET", path, headers())
end

local function sample(what, status, body)
  if #samples < 5 then
    table.insert(samples, what .. " (" .. login.card .. ", HTTP " .. tostring(status) .. "): "
      .. string.sub(string.gsub(body or "", "%s+", " "), 1, 200))
  end
end

local function fail(what, status, body)
  errors = errors + 1
  sample(what, status, body)
  start_login()
end

function request()
  if nxt == nil then start_login() end
  return nxt
end

local function keep_cookie(h)
  local set = h["Set-Cookie"] or h["set-cookie"]
  if set ~= nil then -- wrk keeps one Set-Cookie a response; the server sends only its session cookie
    local name, value = string.match(set, "^%s*([^=;]+)=([^;]*)")
    if name ~= nil then
      if value == "" or string.find(string.lower(set), "max-age=0", 1, true) then login.jar[name] = nil
      else login.jar[name] = value end
      local pairs_ = {}
      for k, v in pairs(login.jar) do table.insert(pairs_, k .. "=" .. v) end
      login.cookie = (#pairs_ > 0) and table.concat(pairs_, "; ") or nil
    end
  end
end

function response(status, h, body)
  keep_cookie(h)
  if login.code ~= nil then -- the token response
    if status == 200 and string.find(body, '"access_token"', 1, true) then
      signed_in = signed_in + 1
      table.insert(latencies, now_ms() - login.started)
      start_login()
    else
      fail("token endpoint", status, body)
    end
    return
  end
  local location = h["Location"] or h["location"]
  if status == 302 and location ~= nil then
    if string.sub(location, 1, #redirect_uri) == redirect_uri then -- back at the app
      local query = string.match(location, "%?(.*)$") or ""
      local params = {}
      for k, v in string.gmatch(query, "([^&=]+)=([^&]*)") do params[k] = unform(v) end
      if params.code == nil or params.state ~= login.state then
        return fail("redirect without a code or with another state", status, location)
      end
      if not login.right then
        wrong_accepted = wrong_accepted + 1
        sample("wrong password accepted", status, location)
        return start_login()
      end
      login.code = params.code
      nxt = wrk.format("POST", "/oauth2/token", {["Content-Type"] = "application/x-www-form-urlencoded",
        ["Accept"] = "application/json"}, "grant_type=authorization_code&code=" .. form(params.code)
        .. "&redirect_uri=" .. form(redirect_uri) .. "&client_id=" .. form(client) .. "&code_verifier=" .. VERIFIER)
      return
    end
    local path = string.match(location, "^https?://[^/]+(/.*)$") or location
    if string.sub(path, 1, 1) ~= "/" then return fail("redirect off the server", status, location) end
    nxt = wrk.format("GET", path, headers())
    return
  end
  if status == 401 and login.posted then
    if login.right then
      right_refused = right_refused + 1
      sample("right password refused", status, body)
    else
      refused = refused + 1
    end
    return start_login()
  end
  local csrf = status == 200 and string.match(body, 'name="_csrf"[^>]*value="([^"]+)"')
  if csrf and not login.posted then
    login.posted = true
    local password = string.lower(login.card) .. (login.right and "-pass" or "-wrong")
    local h2 = headers()
    h2["Content-Type"] = "application/x-www-form-urlencoded"
    nxt = wrk.format("POST", "/login", h2, "card=" .. form(login.card) .. "&password=" .. form(password)
      .. "&_csrf=" .. form(csrf))
    return
  end
  fail("unexpected answer", status, body)
end

function done(summary, latency, requests)
  local s, r, rr, wa, e = 0, 0, 0, 0, 0
  local all = {}
  for _, t in ipairs(threads) do
    s = s + t:get("signed_in")
    r = r + t:get("refused")
    rr = rr + t:get("right_refused")
    wa = wa + t:get("wrong_accepted")
    e = e + t:get("errors")
    for _, v in ipairs(t:get("latencies")) do table.insert(all, v) end
    for _, line in ipairs(t:get("samples")) do io.write("sample: ", line, "\n") end
  end
  table.sort(all)
  local function pct(p)
    if #all == 0 then return 0 end
    return all[math.max(1, math.ceil(#all * p))]
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("logins: %.1f logins/s (%d signed in in %.1f s; %.1f attempts/s, %d wrong passwords refused), "
    .. "right password refused %d, wrong password accepted %d, other errors %d; login p50 %.1f ms, p90 %.1f ms, "
    .. "p99 %.1f ms, max %.1f ms\n", s / seconds, s, seconds, (s + r + rr + wa + e) / seconds, r, rr, wa, e,
    pct(0.5), pct(0.9), pct(0.99), pct(1.0)))
end
