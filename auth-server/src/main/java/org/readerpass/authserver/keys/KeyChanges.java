package org.readerpass.authserver.keys;

import org.readerpass.adminui.livepolicy.PolicyChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every node that an admin changed the signing keys (a rotation, perhaps retiring the old
 * keys at once), so each reloads them within milliseconds instead of at its next rotation check:
 * no node goes on signing with a key the others have retired. The signal travels on a notice
 * channel like the policy's (Redis pub/sub across nodes, in memory on one node) and carries
 * nothing; a node that misses it still catches up at its next check
 * ({@code readerpass.keys.rotation.check-interval}).
 */
public final class KeyChanges {

	private static final Logger log = LoggerFactory.getLogger(KeyChanges.class);

	private final PolicyChanges channel;

	KeyChanges(PolicyChanges channel, SigningKeys keys) {
		this.channel = channel;
		channel.subscribe(() -> {
			try {
				keys.refresh();
			}
			catch (RuntimeException ex) {
				log.error("Signing keys not reloaded after a change notice; the next check tries again", ex);
			}
		});
	}

	/** Announces a change this node made (after it committed). */
	void announce() {
		this.channel.publish();
	}

}
