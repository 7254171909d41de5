package org.readerpass.authserver.authorization;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import org.readerpass.authserver.authorization.StoredAuthorizations.IssuedAccessToken;
import org.readerpass.authserver.authorization.TokenHashes.Held;
import org.readerpass.authserver.authorization.TokenHashes.Kind;
import org.readerpass.authserver.redis.RedisBatch;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The {@link AuthorizationStore} several nodes share, in Redis (standalone, Sentinel or Cluster):
 * see {@code docs/decisions/2026-12-04-redis-authorization-store.md}.
 *
 * <ul>
 * <li>An authorization is one hash ({@link RedisAuthorizationKeys#authorization}) with its token
 * values hashed ({@link TokenHashes}); a token finds it through a key named by its hash (one GET,
 * then the hash). A refresh token names its authorization ({@link FamilyRefreshTokens}), so it
 * needs no index: its lookup, and its atomic claim, are one command each.</li>
 * <li>What must be atomic happens in one script on the authorization's slot
 * ({@link RedisAuthorizationScripts}); what spans slots (indexes, sets, revocation-list entries) is
 * sent with it in one {@link RedisBatch}, so a save or a revocation costs one or two round trips. Index entries are
 * hints: a lookup believes only the authorization itself.</li>
 * <li>Expiry is decided by the store's {@link Clock}: an authorization stays until the sweep drops
 * it by that clock, as in memory (callers check each token's own expiry and say "expired"); a
 * revocation-list entry or tombstone is compared with it at every read. Every key's TTL is computed
 * from the same clock and only reclaims memory, {@link #GRACE} after the sweep would.</li>
 * </ul>
 * Client-credentials authorizations are not stored (as in memory).
 */
final class RedisAuthorizationStore implements AuthorizationStore {

	private static final int SWEEP_BATCH = 500;

	/** Authorization ids are UUIDs: a presented refresh token naming a longer one is not looked up. */
	private static final int MAX_ID_LENGTH = 128;

	/**
	 * How long Redis keeps an authorization after its last token expired: past the sweep that drops
	 * it by the store's clock (every minute, as in memory), so until then a late device poll or code
	 * is told "expired", not "unknown", and Redis's own expiry never comes first.
	 */
	static final Duration GRACE = Duration.ofMinutes(2);

	private static final byte[] VALUE = bytes("v");

	private final RedisTemplate<byte[], byte[]> redis;

	private final RedisBatch batch;

	private final RedisAuthorizationKeys keys;

	private final AuthorizationCodec codec;

	private final Clock clock;

	RedisAuthorizationStore(RedisConnectionFactory connections, String keyPrefix, Clock clock) {
		this(connections, keyPrefix, clock, new AuthorizationCodec(clock, List.of()));
	}

	RedisAuthorizationStore(RedisConnectionFactory connections, String keyPrefix, Clock clock,
			AuthorizationCodec codec) {
		this.redis = RedisBatch.bytes(connections);
		this.batch = new RedisBatch(connections);
		this.keys = new RedisAuthorizationKeys(keyPrefix);
		this.codec = codec;
		this.clock = clock;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
			return;
		}
		String id = authorization.getId();
		long now = this.clock.millis();
		OAuth2Authorization hashed = TokenHashes.hashed(authorization);
		long evictAfter = StoredAuthorizations.evictAfter(authorization, Instant.ofEpochMilli(now)).toEpochMilli();
		long ttl = Math.max(evictAfter - now, 0) + GRACE.toMillis();
		List<Held> held = TokenHashes.held(hashed);
		String refreshHash = held.stream().filter(token -> token.kind() == Kind.REFRESH_TOKEN).map(Held::hash)
			.findFirst().orElse("");
		IssuedAccessToken issued = StoredAuthorizations.issuedAccessToken(authorization);
		String sessionHash = sessionHash(StoredAuthorizations.sessionId(authorization));
		String readerClientHash = readerClientHash(authorization.getPrincipalName(),
				authorization.getRegisteredClientId());
		byte[] encoded = this.codec.encode(hashed);
		List<Object> results = this.batch.run(commands -> {
			List<RedisFuture<?>> sent = new ArrayList<>();
			sent.add(RedisAuthorizationScripts.SAVE.send(commands, ScriptOutputType.MULTI,
					keys(this.keys.authorization(id), this.keys.tombstone(id)), bytes(now), encoded, bytes(evictAfter),
					bytes(refreshHash), bytes((issued != null) ? issued.jti() : ""),
					bytes((issued != null) ? issued.expiresAt().toEpochMilli() : 0), bytes(GRACE.toMillis()),
					bytes(StoredAuthorizations.LIVE_ACCESS_TOKENS)));
			for (Held token : held) {
				long tokenTtl = indexTtl(token, now, ttl);
				if (token.kind() != Kind.REFRESH_TOKEN && tokenTtl > 0) {
					sent.add(commands.set(this.keys.token(token.hash()), bytes(token.kind().type + ' ' + id),
							SetArgs.Builder.px(tokenTtl)));
				}
			}
			if (sessionHash != null) {
				sent.add(RedisAuthorizationScripts.ADD_TO_SET.send(commands, ScriptOutputType.INTEGER,
						keys(this.keys.session(sessionHash)), bytes(id), bytes(ttl)));
			}
			sent.add(RedisAuthorizationScripts.ADD_TO_SET.send(commands, ScriptOutputType.INTEGER,
					keys(this.keys.readerClient(readerClientHash)), bytes(id), bytes(ttl)));
			sent.add(commands.zadd(this.keys.expiryQueue(RedisAuthorizationKeys.expiryQueueOf(id)), evictAfter,
					bytes(id + '\n' + ((sessionHash != null) ? sessionHash : "") + '\n' + readerClientHash)));
			return sent;
		});
		List<?> saved = (List<?>) results.get(0);
		if (Long.valueOf(0).equals(saved.get(0))) {
			if (issued != null) {
				// a refresh that raced the revocation of its family: its new access token is revoked too
				revokeAccessToken(issued.jti(), issued.expiresAt());
			}
		}
		else if (saved.size() > 1 && saved.get(1) instanceof byte[] superseded && superseded.length > 0) {
			// more live access tokens than the list keeps: the oldest are revoked now, not with the family
			issuedAccessTokens(superseded, now).forEach(token -> revokeAccessToken(token.jti(), token.expiresAt()));
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		List<byte[]> removed = new ArrayList<>();
		removed.add(this.keys.authorization(authorization.getId()));
		TokenHashes.held(authorization).forEach(token -> removed.add(this.keys.token(token.hash())));
		this.redis.execute((RedisCallback<Long>) connection -> connection.keyCommands()
			.del(removed.toArray(byte[][]::new)));
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return (id != null) ? load(id) : null;
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		if (token == null) {
			return null;
		}
		Kind wanted = (tokenType != null) ? Kind.of(tokenType.getValue()) : null;
		if (wanted == Kind.REFRESH_TOKEN) {
			return findByRefreshToken(token);
		}
		if (tokenType != null && wanted == null) {
			return null;
		}
		byte[] index = this.redis.execute((RedisCallback<byte[]>) connection -> connection.stringCommands()
			.get(this.keys.token(TokenHashes.hash(token))));
		if (index == null) {
			return (wanted == null) ? findByRefreshToken(token) : null;
		}
		String entry = new String(index, StandardCharsets.UTF_8);
		int space = entry.indexOf(' ');
		Kind kind = (space > 0) ? Kind.of(entry.substring(0, space)) : null;
		if (kind == null || (wanted != null && kind != wanted)) {
			return null;
		}
		OAuth2Authorization stored = load(entry.substring(space + 1));
		return (stored != null) ? TokenHashes.presented(stored, kind, token) : null;
	}

	@Override
	public RefreshTokenUse useRefreshToken(String refreshToken) {
		String id = familyOf(refreshToken);
		if (id == null) {
			return new RefreshTokenUse.Unknown();
		}
		List<Object> result = this.redis.execute((RedisCallback<List<Object>>) connection -> RedisAuthorizationScripts.USE_REFRESH_TOKEN
			.run(connection, ReturnType.MULTI, 1, this.keys.authorization(id), bytes(TokenHashes.hash(refreshToken))));
		long outcome = (Long) result.get(0);
		if (outcome == 2) {
			return new RefreshTokenUse.Reuse(id);
		}
		OAuth2Authorization stored = (outcome == 1) ? this.codec.decode((byte[]) result.get(1), id) : null;
		OAuth2Authorization presented = (stored != null)
				? TokenHashes.presented(stored, Kind.REFRESH_TOKEN, refreshToken) : null;
		return (presented != null) ? new RefreshTokenUse.FirstUse(presented) : new RefreshTokenUse.Unknown();
	}

	@Override
	public Optional<OAuth2Authorization> revokeAuthorization(String authorizationId) {
		List<OAuth2Authorization> revoked = revokeAll(List.of(authorizationId));
		return revoked.isEmpty() ? Optional.empty() : Optional.of(revoked.get(0));
	}

	@Override
	public List<OAuth2Authorization> revokeSession(String sessionId) {
		return revokeAll(takeSet(this.keys.session(sessionHash(sessionId))));
	}

	@Override
	public List<OAuth2Authorization> revokeClientOfReader(String principalName, String registeredClientId) {
		return revokeAll(takeSet(this.keys.readerClient(readerClientHash(principalName, registeredClientId))));
	}

	@Override
	public void revokeAccessToken(String jti, Instant expiresAt) {
		long now = this.clock.millis();
		if (expiresAt.toEpochMilli() > now) {
			this.redis.execute((RedisCallback<Long>) connection -> RedisAuthorizationScripts.REVOKE_JTI.run(connection,
					ReturnType.INTEGER, 1, this.keys.revokedAccessToken(jti), bytes(expiresAt.toEpochMilli()),
					bytes(now)));
		}
	}

	@Override
	public boolean isAccessTokenRevoked(String jti) {
		byte[] until = this.redis.execute((RedisCallback<byte[]>) connection -> connection.stringCommands()
			.get(this.keys.revokedAccessToken(jti)));
		return until != null && millis(until) > this.clock.millis();
	}

	/**
	 * Drops the authorizations whose last token expired by the store's clock, and what indexes them.
	 * Redis's TTLs have usually dropped them already (on a real clock): then this only trims the
	 * sweep's queues and the session and reader sets. Safe on every node at once: each due entry is
	 * taken by one.
	 */
	@Override
	public int evictExpired() {
		long now = this.clock.millis();
		int evicted = 0;
		for (int queue = 0; queue < RedisAuthorizationKeys.EXPIRY_QUEUES; queue++) {
			List<byte[]> due;
			do {
				byte[] queueKey = this.keys.expiryQueue(queue);
				due = this.redis.execute((RedisCallback<List<byte[]>>) connection -> RedisAuthorizationScripts.POP_DUE
					.run(connection, ReturnType.MULTI, 1, queueKey, bytes(now), bytes(SWEEP_BATCH)));
				evicted += evict(due, now);
			}
			while (due.size() == SWEEP_BATCH);
		}
		return evicted;
	}

	private int evict(List<byte[]> due, long now) {
		if (due.isEmpty()) {
			return 0;
		}
		List<String[]> entries = due.stream().map(entry -> new String(entry, StandardCharsets.UTF_8).split("\n", -1))
			.toList();
		List<Object> outcomes = this.batch.run(commands -> entries.stream()
			.<RedisFuture<?>>map(entry -> RedisAuthorizationScripts.EVICT.send(commands, ScriptOutputType.INTEGER,
					keys(this.keys.authorization(entry[0])), bytes(now)))
			.toList());
		int evicted = 0;
		List<String[]> gone = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			long outcome = (Long) outcomes.get(i);
			evicted += (outcome == 1) ? 1 : 0;
			if (outcome >= 0) {
				gone.add(entries.get(i));
			}
		}
		if (!gone.isEmpty()) {
			this.batch.run(commands -> {
				List<RedisFuture<?>> sent = new ArrayList<>();
				for (String[] entry : gone) {
					if (!entry[1].isEmpty()) {
						sent.add(commands.srem(this.keys.session(entry[1]), bytes(entry[0])));
					}
					sent.add(commands.srem(this.keys.readerClient(entry[2]), bytes(entry[0])));
				}
				return sent;
			});
		}
		return evicted;
	}

	/**
	 * Revokes each authorization atomically on its own slot (pipelined), then lists their unexpired
	 * access tokens and drops their token indexes (pipelined).
	 */
	private List<OAuth2Authorization> revokeAll(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<String> order = List.copyOf(ids);
		long now = this.clock.millis();
		List<Object> outcomes = this.batch.run(commands -> order.stream()
			.<RedisFuture<?>>map(id -> RedisAuthorizationScripts.REVOKE.send(commands, ScriptOutputType.MULTI,
					keys(this.keys.authorization(id), this.keys.tombstone(id)), bytes(now)))
			.toList());
		List<OAuth2Authorization> revoked = new ArrayList<>();
		List<byte[]> staleIndexes = new ArrayList<>();
		List<IssuedAccessToken> accessTokens = new ArrayList<>();
		for (int i = 0; i < order.size(); i++) {
			List<?> outcome = (List<?>) outcomes.get(i);
			long status = (Long) outcome.get(0);
			if (status < 0) {
				continue;
			}
			accessTokens.addAll(issuedAccessTokens((byte[]) outcome.get(outcome.size() - 1), now));
			OAuth2Authorization authorization = (status == 1) ? this.codec.decode((byte[]) outcome.get(1), order.get(i))
					: null;
			if (authorization != null) {
				revoked.add(authorization);
				TokenHashes.held(authorization).forEach(token -> staleIndexes.add(this.keys.token(token.hash())));
			}
		}
		if (!accessTokens.isEmpty() || !staleIndexes.isEmpty()) {
			this.batch.run(commands -> {
				List<RedisFuture<?>> sent = new ArrayList<>();
				accessTokens.forEach(token -> sent.add(RedisAuthorizationScripts.REVOKE_JTI.send(commands,
						ScriptOutputType.INTEGER, keys(this.keys.revokedAccessToken(token.jti())),
						bytes(token.expiresAt().toEpochMilli()), bytes(now))));
				staleIndexes.forEach(key -> sent.add(commands.del(key)));
				return sent;
			});
		}
		return List.copyOf(revoked);
	}

	private List<String> takeSet(byte[] key) {
		List<byte[]> members = this.redis.execute((RedisCallback<List<byte[]>>) connection -> RedisAuthorizationScripts.TAKE_SET
			.run(connection, ReturnType.MULTI, 1, key));
		return members.stream().map(member -> new String(member, StandardCharsets.UTF_8)).toList();
	}

	private OAuth2Authorization load(String id) {
		byte[] encoded = this.redis.execute((RedisCallback<byte[]>) connection -> connection.hashCommands()
			.hGet(this.keys.authorization(id), VALUE));
		return this.codec.decode(encoded, id);
	}

	private OAuth2Authorization findByRefreshToken(String token) {
		String id = familyOf(token);
		OAuth2Authorization stored = (id != null) ? load(id) : null;
		return (stored != null) ? TokenHashes.presented(stored, Kind.REFRESH_TOKEN, token) : null;
	}

	/** The authorization a presented refresh token names, or {@code null} when it cannot be one. */
	private static String familyOf(String refreshToken) {
		String id = FamilyRefreshTokens.authorizationIdOf(refreshToken);
		return (id != null && id.length() <= MAX_ID_LENGTH) ? id : null;
	}

	/**
	 * Access and ID tokens are replaced at each refresh: their index lives until they expire. The
	 * others (code, device and user codes, state) are one per authorization: their index lives as
	 * long as it, so a late or replayed code still finds it and is refused as such.
	 */
	private static long indexTtl(Held token, long now, long authorizationTtl) {
		boolean replaced = token.kind() == Kind.ACCESS_TOKEN || token.kind() == Kind.ID_TOKEN;
		return (replaced && token.expiresAt() != null) ? token.expiresAt().toEpochMilli() - now : authorizationTtl;
	}

	private static List<IssuedAccessToken> issuedAccessTokens(byte[] lines, long now) {
		List<IssuedAccessToken> tokens = new ArrayList<>();
		for (String line : new String(lines, StandardCharsets.UTF_8).split("\n")) {
			int space = line.indexOf(' ');
			if (space > 0 && Long.parseLong(line.substring(0, space)) > now) {
				tokens.add(new IssuedAccessToken(line.substring(space + 1),
						Instant.ofEpochMilli(Long.parseLong(line.substring(0, space)))));
			}
		}
		return tokens;
	}

	private static String sessionHash(String sessionId) {
		return (sessionId != null) ? TokenHashes.hash(sessionId) : null;
	}

	private static String readerClientHash(String principalName, String registeredClientId) {
		// length prefix: no two pairs run together into one input
		return TokenHashes.hash(principalName.length() + ":" + principalName + registeredClientId);
	}

	private static byte[][] keys(byte[]... keys) {
		return keys;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(long value) {
		return bytes(Long.toString(value));
	}

	private static long millis(byte[] value) {
		return Long.parseLong(new String(value, StandardCharsets.UTF_8));
	}

}
