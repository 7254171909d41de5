package org.readerpass.authserver.keys;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.readerpass.authserver.keys.KeyProperties.Rotation;

/**
 * The keys of one algorithm and what each is at an instant, from their stored instants alone: so
 * every node that loaded the same rows agrees, whenever it looks. The key that signs is the
 * published one that activated last; a key activating later is the next, one activated earlier
 * the previous, and one past its {@code retires_at} retired.
 */
final class KeyTimeline {

	private static final Comparator<StoredKey> BY_ACTIVATION = Comparator.comparing(StoredKey::activatesAt)
		.thenComparingInt(StoredKey::serial);

	private final List<StoredKey> keys;

	/** @param keys the keys of one algorithm, in any order */
	KeyTimeline(List<StoredKey> keys) {
		this.keys = List.copyOf(keys);
	}

	/** The key that signs at {@code at}: the published one with the latest activation not after it. */
	Optional<StoredKey> signingAt(Instant at) {
		return this.keys.stream()
			.filter(key -> key.publishedAt(at) && !key.activatesAt().isAfter(at))
			.max(BY_ACTIVATION);
	}

	KeyState stateAt(StoredKey key, Instant at) {
		if (!key.publishedAt(at)) {
			return KeyState.RETIRED;
		}
		if (key.activatesAt().isAfter(at)) {
			return KeyState.NEXT;
		}
		return signingAt(at).filter(signing -> signing.keyId().equals(key.keyId()))
			.map(signing -> KeyState.CURRENT)
			.orElse(KeyState.PREVIOUS);
	}

	/** The serial the algorithm's next key takes. */
	int nextSerial() {
		return this.keys.stream().mapToInt(StoredKey::serial).max().orElse(0) + 1;
	}

	/**
	 * The key the schedule asks for at {@code now}, if any: a first key signing at once when
	 * none signs, or — once the current key is due within {@code publish-ahead} and no successor is
	 * published — a successor signing no sooner than {@code publish-ahead} from now.
	 */
	Optional<Instant> dueActivation(Instant now, Rotation rotation) {
		Optional<StoredKey> signing = signingAt(now);
		if (signing.isEmpty()) {
			return Optional.of(now);
		}
		boolean successorPublished = this.keys.stream()
			.anyMatch(key -> key.publishedAt(now) && key.activatesAt().isAfter(now));
		Instant due = signing.get().activatesAt().plus(rotation.period());
		if (successorPublished || now.isBefore(due.minus(rotation.publishAhead()))) {
			return Optional.empty();
		}
		Instant earliest = now.plus(rotation.publishAhead());
		return Optional.of(due.isAfter(earliest) ? due : earliest);
	}

	List<StoredKey> keys() {
		return this.keys;
	}

}
