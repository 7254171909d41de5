package org.readerpass.authserver.authorization;

/**
 * The scripts of {@link RedisAuthorizationStore}. Each touches the keys of one hash slot only
 * (Redis Cluster): an authorization's hash {@code authorization:{id}} and its tombstone
 * {@code authorization:{id}:revoked}, or one single key. Times are epoch milliseconds of the
 * store's clock ({@code ARGV} "now"), never Redis's own: expiry is decided by that clock, and
 * key TTLs only reclaim memory, a grace later than the clock's sweep would.
 *
 * <p>
 * An authorization's hash holds {@code v} (the encoded authorization, token values hashed),
 * {@code exp} (when its last token expires), {@code rt} (its current refresh token's hash),
 * {@code rc} (set once that refresh token is claimed) and {@code at} (the access tokens it issued
 * that have not expired, one {@code <exp> <jti>} a line, the newest
 * {@link StoredAuthorizations#LIVE_ACCESS_TOKENS} of them). The tombstone holds {@code u} (until
 * when) and the revoked {@code at}.
 */
final class RedisAuthorizationScripts {

	private RedisAuthorizationScripts() {
	}

	/** The latest expiry of an {@code at} list and a time, as a Lua function. */
	private static final String LATEST = """
			local function latest(at, t)
			  for e in string.gmatch(at or '', '(%d+) [^\\n]+') do
			    if tonumber(e) > t then t = tonumber(e) end
			  end
			  return t
			end
			""";

	/**
	 * KEYS: authorization, tombstone. ARGV: now, encoded, exp, refresh hash or "", jti or "", jti
	 * exp, grace (how long the key outlives its last token), how many live access tokens to list.
	 * Returns {1, superseded} when saved ({@code at} lines dropped from the front of the list, to be
	 * revoked: "" when none), {0} when the authorization was revoked (nothing is saved).
	 */
	static final LuaScript SAVE = new LuaScript(LATEST + """
			local now = tonumber(ARGV[1])
			local revoked = redis.call('HGET', KEYS[2], 'u')
			if revoked and tonumber(revoked) > now then return {0} end
			local kept = {}
			for e, jti in string.gmatch(redis.call('HGET', KEYS[1], 'at') or '', '(%d+) ([^\\n]+)') do
			  if tonumber(e) > now and jti ~= ARGV[5] then table.insert(kept, e .. ' ' .. jti) end
			end
			if ARGV[5] ~= '' then table.insert(kept, ARGV[6] .. ' ' .. ARGV[5]) end
			local over = #kept - tonumber(ARGV[8])
			local superseded = {}
			if over > 0 then
			  for i = 1, over do superseded[i] = kept[i] end
			  local rest = {}
			  for i = over + 1, #kept do rest[#rest + 1] = kept[i] end
			  kept = rest
			end
			local at = table.concat(kept, '\\n')
			local rt = redis.call('HGET', KEYS[1], 'rt')
			redis.call('HSET', KEYS[1], 'v', ARGV[2], 'exp', ARGV[3], 'at', at)
			if ARGV[4] == '' then
			  redis.call('HDEL', KEYS[1], 'rt', 'rc')
			elseif rt ~= ARGV[4] then
			  redis.call('HSET', KEYS[1], 'rt', ARGV[4])
			  redis.call('HDEL', KEYS[1], 'rc')
			end
			redis.call('PEXPIRE', KEYS[1], math.max(latest(at, tonumber(ARGV[3])) - now, 0) + tonumber(ARGV[7]))
			return {1, table.concat(superseded, '\\n')}
			""");

	/**
	 * KEYS: authorization. ARGV: the presented refresh token's hash. Returns {1, encoded} for the
	 * first use of the current token, {2} for any other token of a stored authorization, {0} when
	 * there is none. (Whether the token expired is the refresh grant's to say, as for every token.)
	 */
	static final LuaScript USE_REFRESH_TOKEN = new LuaScript("""
			local h = redis.call('HMGET', KEYS[1], 'exp', 'rt', 'v')
			if not h[1] then return {0} end
			if h[2] == ARGV[1] and redis.call('HSETNX', KEYS[1], 'rc', '1') == 1 then return {1, h[3]} end
			return {2}
			""");

	/**
	 * KEYS: authorization, tombstone. ARGV: now. Deletes the authorization and leaves a tombstone
	 * until its tokens would have expired. Returns {1, encoded, at}; {0, at} when it was revoked
	 * before and its tokens have not expired (the revocation list is written again: a retry after
	 * a failure is safe); {-1} when there is nothing to revoke.
	 */
	static final LuaScript REVOKE = new LuaScript(LATEST + """
			local now = tonumber(ARGV[1])
			local h = redis.call('HMGET', KEYS[1], 'v', 'exp', 'at')
			if not h[2] then
			  local t = redis.call('HMGET', KEYS[2], 'u', 'at')
			  if t[1] and tonumber(t[1]) > now then return {0, t[2] or ''} end
			  return {-1}
			end
			redis.call('DEL', KEYS[1])
			local keep = latest(h[3], tonumber(h[2]))
			if keep > now then
			  redis.call('HSET', KEYS[2], 'u', tostring(keep), 'at', h[3] or '')
			  redis.call('PEXPIRE', KEYS[2], keep - now)
			end
			return {1, h[1], h[3] or ''}
			""");

	/**
	 * KEYS: authorization. ARGV: now. Deletes it when its last token expired before now. Returns 1
	 * when deleted, 0 when it was gone already, -1 when it lives (it was saved again since).
	 */
	static final LuaScript EVICT = new LuaScript("""
			local e = redis.call('HGET', KEYS[1], 'exp')
			if not e then return 0 end
			if tonumber(e) < tonumber(ARGV[1]) then redis.call('DEL', KEYS[1]) return 1 end
			return -1
			""");

	/** KEYS: an expiry queue. ARGV: now, limit. Removes and returns members due before now. */
	static final LuaScript POP_DUE = new LuaScript("""
			local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
			if #due > 0 then redis.call('ZREM', KEYS[1], unpack(due)) end
			return due
			""");

	/** KEYS: a set. ARGV: member, TTL. Adds the member; the set lives at least the TTL. */
	static final LuaScript ADD_TO_SET = new LuaScript("""
			redis.call('SADD', KEYS[1], ARGV[1])
			if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			return 1
			""");

	/** KEYS: a set. Returns its members and deletes it. */
	static final LuaScript TAKE_SET = new LuaScript("""
			local members = redis.call('SMEMBERS', KEYS[1])
			redis.call('DEL', KEYS[1])
			return members
			""");

	/**
	 * KEYS: a revocation-list entry. ARGV: the token's exp, now. Lists it until exp (a later exp
	 * wins).
	 */
	static final LuaScript REVOKE_JTI = new LuaScript("""
			local cur = redis.call('GET', KEYS[1])
			local ttl = tonumber(ARGV[1]) - tonumber(ARGV[2])
			if ttl <= 0 or (cur and tonumber(cur) >= tonumber(ARGV[1])) then return 0 end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
			return 1
			""");

}
