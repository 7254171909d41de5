package org.readerpass.authserver.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.readerpass.adminui.audit.Actor;
import org.readerpass.authserver.keys.KeyProperties.Rotation;
import org.readerpass.authserver.keys.KeyProperties.SigningAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change of the stored signing keys, each in one transaction: the schedule's first keys and
 * successors, an admin's rotation (audited), and erasing the private parts of retired keys.
 *
 * <p>
 * Several nodes share the keys. Every change of an algorithm's keys inserts a key with the
 * algorithm's next serial, which the table keeps unique; when two nodes change the same algorithm
 * at once, one insert fails ({@link DuplicateKeyException}), its transaction rolls back whole, and
 * that node only loads what the other wrote.
 */
final class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	private final JdbcSigningKeyStore store;

	private final KeyEncryption encryption;

	private final TransactionTemplate transactions;

	private final Rotation rotation;

	private final KeyAudit audit;

	KeyRotation(JdbcSigningKeyStore store, KeyEncryption encryption, TransactionTemplate transactions,
			Rotation rotation, KeyAudit audit) {
		this.store = store;
		this.encryption = encryption;
		this.transactions = transactions;
		this.rotation = rotation;
		this.audit = audit;
	}

	/**
	 * Adds what the schedule asks for at {@code now}, algorithm by algorithm: a first key, or the
	 * successor of a key due within {@code publish-ahead}; then erases the private parts of keys
	 * retired by now.
	 */
	void schedule(Instant now) {
		for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
			try {
				this.transactions.executeWithoutResult(status -> schedule(algorithm, now));
			}
			catch (DuplicateKeyException ex) {
				log.info("Another node added a {} signing key at the same moment; keeping its key", algorithm);
			}
		}
		int erased = this.store.erasePrivatePartsRetiredBy(now);
		if (erased > 0) {
			log.info("Erased the private parts of retired signing keys count={}", erased);
		}
	}

	private void schedule(SigningAlgorithm algorithm, Instant now) {
		KeyTimeline timeline = new KeyTimeline(this.store.findByAlgorithm(algorithm.name()));
		Optional<Instant> activation = timeline.dueActivation(now, this.rotation);
		if (activation.isEmpty()) {
			return;
		}
		StoredKey key = generate(algorithm, timeline.nextSerial(), now, activation.get());
		this.store.insert(key);
		Optional<StoredKey> current = timeline.signingAt(now);
		Instant retiresAt = activation.get().plus(this.rotation.retainAfter());
		// the current key, and any other that signed and has no retirement yet (two nodes whose clocks
		// differed a little may each have added a first key): all stop signing at the switch
		timeline.keys()
			.stream()
			.filter(other -> other.retiresAt() == null && !other.activatesAt().isAfter(now))
			.forEach(other -> this.store.retire(other.keyId(), retiresAt));
		if (current.isEmpty()) {
			log.info("Generated a signing key kid={} alg={}; it signs at once (no {} key signed before)", key.keyId(),
					algorithm, algorithm);
		}
		else {
			log.info("Published the next signing key kid={} alg={} activatesAt={}; the current kid={} retiresAt={}",
					key.keyId(), algorithm, key.activatesAt(), current.get().keyId(), retiresAt);
		}
	}

	/**
	 * Makes a new key of the algorithm sign from {@code now}. Its published successor, if any, never
	 * signed and retires at once; the keys it replaces stay published for {@code retain-after}, or
	 * retire at once with {@code retirePrevious} (a suspected leak: their tokens are refused from
	 * then on). Audited as {@code rotate} of {@code signing-key} {@code <algorithm>}.
	 * @throws DuplicateKeyException when another node changed the algorithm's keys at the same moment
	 */
	StoredKey rotateNow(SigningAlgorithm algorithm, boolean retirePrevious, Instant now, Actor actor) {
		return this.transactions.execute(status -> {
			List<StoredKey> before = this.store.findByAlgorithm(algorithm.name());
			StoredKey key = generate(algorithm, new KeyTimeline(before).nextSerial(), now, now);
			this.store.insert(key); // first: a concurrent change of this algorithm fails here, before anything else
			Instant retainedUntil = now.plus(this.rotation.retainAfter());
			for (StoredKey other : before) {
				if (!other.publishedAt(now)) {
					continue;
				}
				Instant retiresAt = (retirePrevious || other.activatesAt().isAfter(now)) ? now
						: earlier(other.retiresAt(), retainedUntil);
				if (!retiresAt.equals(other.retiresAt())) {
					this.store.retire(other.keyId(), retiresAt);
				}
			}
			this.store.erasePrivatePartsRetiredBy(now);
			this.audit.rotated(actor, algorithm, retirePrevious, before, this.store.findByAlgorithm(algorithm.name()),
					now);
			log.info("Rotated the {} signing key now: kid={} signs, retirePrevious={}, client={}", algorithm,
					key.keyId(), retirePrevious, actor.clientId());
			return key;
		});
	}

	private static Instant earlier(Instant current, Instant candidate) {
		return (current != null && current.isBefore(candidate)) ? current : candidate;
	}

	private StoredKey generate(SigningAlgorithm algorithm, int serial, Instant now, Instant activatesAt) {
		String keyId = UUID.randomUUID().toString();
		try {
			JWK jwk = switch (algorithm) {
				case ES256 -> new ECKeyGenerator(Curve.P_256).keyID(keyId)
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.ES256)
					.generate();
				case RS256 -> new RSAKeyGenerator(2048).keyID(keyId)
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.RS256)
					.generate();
			};
			return new StoredKey(keyId, algorithm.name(), serial, jwk.toPublicJWK().toJSONString(),
					this.encryption.seal(keyId, jwk.toJSONString()), now, activatesAt, null);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot generate a " + algorithm + " key", ex);
		}
	}

}
