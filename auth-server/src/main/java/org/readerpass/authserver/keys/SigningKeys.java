package org.readerpass.authserver.keys;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.readerpass.adminui.audit.Actor;
import org.readerpass.authserver.keys.KeyProperties.SigningAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * The server's signing keys, one per algorithm at a time (ES256, RS256), as every node of a
 * cluster sees them: held in memory as last loaded from the database, and reloaded on each
 * {@link #refresh()} — which first adds what the rotation schedule asks for ({@link KeyRotation}).
 * What signs and what is published is decided from the keys' stored instants and the clock at the
 * moment of asking ({@link KeyTimeline}), so a successor loaded ahead takes over on every node at
 * the same instant, and a key leaves the JWKS exactly when it retires.
 */
public final class SigningKeys {

	/** The ID token algorithms a client may register; RS256 first, the default (OIDC Core §15.1). */
	public static final List<SignatureAlgorithm> ID_TOKEN_ALGORITHMS = List.of(SignatureAlgorithm.RS256,
			SignatureAlgorithm.ES256);

	/** The ID token algorithm of a client that registered none (OIDC Core §15.1, §3.1.3.7). */
	public static final SignatureAlgorithm DEFAULT_ID_TOKEN_ALGORITHM = SignatureAlgorithm.RS256;

	/** An unknown {@code kid} reloads the keys (another node's new key) at most this often. */
	static final Duration UNKNOWN_KEY_RELOAD_GAP = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final SignatureAlgorithm accessTokenAlgorithm;

	private final JdbcSigningKeyStore store;

	private final KeyEncryption encryption;

	private final KeyRotation rotation;

	private final Clock clock;

	private final Object refreshLock = new Object();

	private volatile Loaded loaded;

	private Instant lastUnknownKeyReload = Instant.MIN;

	/** Loads the keys, adding what the schedule asks for first: throws when the database cannot be read. */
	SigningKeys(SigningAlgorithm accessTokenAlgorithm, JdbcSigningKeyStore store, KeyEncryption encryption,
			KeyRotation rotation, Clock clock) {
		this.accessTokenAlgorithm = SignatureAlgorithm.from(accessTokenAlgorithm.name());
		this.store = store;
		this.encryption = encryption;
		this.rotation = rotation;
		this.clock = clock;
		refresh();
		log.info("Signing access tokens {} with kid={}; ID tokens {} (default) with kid={}; {} key(s) published",
				this.accessTokenAlgorithm.getName(), currentKeyId(this.accessTokenAlgorithm),
				DEFAULT_ID_TOKEN_ALGORITHM.getName(), currentKeyId(DEFAULT_ID_TOKEN_ALGORITHM),
				this.loaded.keys().size());
	}

	/** The algorithm of every access token ({@code readerpass.keys.access-token-algorithm}). */
	public SignatureAlgorithm accessTokenAlgorithm() {
		return this.accessTokenAlgorithm;
	}

	/** The {@code kid} of the key that signs with the algorithm now. */
	public String currentKeyId(SignatureAlgorithm algorithm) {
		Instant now = this.clock.instant();
		return this.loaded.timeline(algorithm.getName())
			.signingAt(now)
			.orElseThrow(() -> new IllegalStateException("no " + algorithm.getName() + " signing key at " + now))
			.keyId();
	}

	/**
	 * The keys published now, private parts included for the keys that sign or will (the
	 * authorization server's JWKS endpoint publishes only public parts). A lookup of a {@code kid}
	 * not held reloads from the database first, at most every 5 seconds
	 * ({@link #UNKNOWN_KEY_RELOAD_GAP}), so a token signed by another node's brand-new key verifies
	 * here at once.
	 */
	public JWKSource<SecurityContext> jwkSource() {
		return (selector, context) -> {
			List<JWK> found = selector.select(new JWKSet(published()));
			if (found.isEmpty() && asksForKeyId(selector) && reloadForUnknownKey()) {
				found = selector.select(new JWKSet(published()));
			}
			return found;
		};
	}

	/**
	 * Adds what the rotation schedule asks for now, erases retired private parts, and reloads the
	 * keys from the database. Throws when the database cannot be read; the keys held stay then.
	 */
	void refresh() {
		synchronized (this.refreshLock) {
			Instant now = now();
			this.rotation.schedule(now);
			this.loaded = load(now);
		}
	}

	/** Every key, retired ones too, each with its state now: by algorithm, newest first. */
	List<KeyView> list() {
		Instant now = this.clock.instant();
		List<KeyView> views = new ArrayList<>();
		Map<String, List<StoredKey>> byAlgorithm = new LinkedHashMap<>();
		this.store.findAll()
			.forEach(key -> byAlgorithm.computeIfAbsent(key.algorithm(), algorithm -> new ArrayList<>()).add(key));
		byAlgorithm.forEach((algorithm, keys) -> {
			KeyTimeline timeline = new KeyTimeline(keys);
			keys.stream()
				.sorted(Comparator.comparingInt(StoredKey::serial).reversed())
				.forEach(key -> views.add(new KeyView(key, timeline.stateAt(key, now))));
		});
		return views;
	}

	/**
	 * An admin's rotation: a new key of the algorithm signs from now ({@link KeyRotation#rotateNow}),
	 * and this node reloads at once. Other nodes sign with it after their next check; their
	 * decoders find it at once.
	 * @throws org.springframework.dao.DuplicateKeyException when another node changed the
	 * algorithm's keys at the same moment
	 */
	KeyView rotateNow(SigningAlgorithm algorithm, boolean retirePrevious, Actor actor) {
		synchronized (this.refreshLock) {
			Instant now = now();
			StoredKey key = this.rotation.rotateNow(algorithm, retirePrevious, now, actor);
			this.loaded = load(now);
			return new KeyView(key, KeyState.CURRENT);
		}
	}

	private List<JWK> published() {
		Loaded current = this.loaded;
		Instant now = this.clock.instant();
		return current.keys()
			.stream()
			.filter(key -> key.publishedAt(now))
			.map(key -> current.jwks().get(key.keyId()))
			.toList();
	}

	private static boolean asksForKeyId(JWKSelector selector) {
		return selector.getMatcher().getKeyIDs() != null && !selector.getMatcher().getKeyIDs().isEmpty();
	}

	private boolean reloadForUnknownKey() {
		synchronized (this.refreshLock) {
			Instant now = now();
			if (now.isBefore(this.lastUnknownKeyReload.plus(UNKNOWN_KEY_RELOAD_GAP))) {
				return false;
			}
			this.lastUnknownKeyReload = now;
			try {
				this.loaded = load(now);
				return true;
			}
			catch (RuntimeException ex) {
				log.warn("Could not reload the signing keys for an unknown kid", ex);
				return false;
			}
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private Loaded load(Instant now) {
		List<StoredKey> keys = this.store.findPublished(now);
		Map<String, List<StoredKey>> byAlgorithm = new LinkedHashMap<>();
		keys.forEach(key -> byAlgorithm.computeIfAbsent(key.algorithm(), algorithm -> new ArrayList<>()).add(key));
		Map<String, KeyTimeline> timelines = new LinkedHashMap<>();
		byAlgorithm.forEach((algorithm, ofAlgorithm) -> timelines.put(algorithm, new KeyTimeline(ofAlgorithm)));
		Map<String, JWK> jwks = new LinkedHashMap<>();
		for (StoredKey key : keys) {
			KeyState state = timelines.get(key.algorithm()).stateAt(key, now);
			// a key that signs or will holds its private part; one that never signs again, only its public part
			jwks.put(key.keyId(), (state == KeyState.PREVIOUS) ? publicPart(key) : privatePart(key));
		}
		return new Loaded(now, keys, timelines, jwks);
	}

	private JWK privatePart(StoredKey key) {
		if (key.sealedPrivateJwk() == null) {
			throw new IllegalStateException("stored signing key " + key.keyId() + " has no private part");
		}
		try {
			JWK jwk = JWK.parse(this.encryption.open(key.keyId(), key.sealedPrivateJwk()));
			if (!jwk.getKeyID().equals(key.keyId()) || !jwk.toPublicJWK().equals(publicPart(key))) {
				throw new IllegalStateException("stored signing key " + key.keyId() + " does not match its public part");
			}
			return jwk;
		}
		catch (ParseException ex) {
			throw new IllegalStateException("stored signing key " + key.keyId() + " is not a JWK", ex);
		}
	}

	private static JWK publicPart(StoredKey key) {
		try {
			return JWK.parse(key.publicJwk());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("stored signing key " + key.keyId() + " is not a JWK", ex);
		}
	}

	/** A key with its state, for the admin API: never private material. */
	record KeyView(StoredKey key, KeyState state) {

	}

	/** The keys as loaded at {@code at}: those published then, their timelines by algorithm, their JWKs. */
	private record Loaded(Instant at, List<StoredKey> keys, Map<String, KeyTimeline> timelines, Map<String, JWK> jwks) {

		KeyTimeline timeline(String algorithm) {
			return this.timelines.getOrDefault(algorithm, new KeyTimeline(List.of()));
		}

	}

}
