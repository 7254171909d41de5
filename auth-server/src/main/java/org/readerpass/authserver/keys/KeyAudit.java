package org.readerpass.authserver.keys;

import java.time.Instant;
import java.util.List;

import org.readerpass.adminui.audit.Actor;
import org.readerpass.adminui.audit.JdbcAuditLog;
import org.readerpass.authserver.keys.KeyProperties.SigningAlgorithm;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin's rotation in the admin audit: operation {@value #OPERATION}, target kind
 * {@value #TARGET_KIND}, target the algorithm, before and after its keys (kid, state, instants;
 * never private material), in the rotation's transaction.
 */
final class KeyAudit {

	static final String OPERATION = "rotate";

	static final String TARGET_KIND = "signing-key";

	private final JdbcAuditLog auditLog;

	private final JsonMapper json = JsonMapper.builder().build();

	KeyAudit(JdbcAuditLog auditLog) {
		this.auditLog = auditLog;
	}

	void rotated(Actor actor, SigningAlgorithm algorithm, boolean retirePrevious, List<StoredKey> before,
			List<StoredKey> after, Instant at) {
		this.auditLog.recordChange(actor, OPERATION, TARGET_KIND, algorithm.name(),
				this.json.writeValueAsString(keys(algorithm, null, before, at)),
				this.json.writeValueAsString(keys(algorithm, retirePrevious, after, at)));
	}

	private static AuditedKeys keys(SigningAlgorithm algorithm, Boolean retirePrevious, List<StoredKey> keys,
			Instant at) {
		KeyTimeline timeline = new KeyTimeline(keys);
		return new AuditedKeys(algorithm.name(), retirePrevious,
				keys.stream()
					.filter(key -> timeline.stateAt(key, at) != KeyState.RETIRED || !key.retiresAt().isBefore(at))
					.map(key -> new AuditedKey(key.keyId(), timeline.stateAt(key, at).text(),
							key.activatesAt().toString(), (key.retiresAt() != null) ? key.retiresAt().toString() : null))
					.toList());
	}

	/** An algorithm's keys as the audit keeps them: those published then, or retired by the change. */
	record AuditedKeys(String algorithm, Boolean retirePrevious, List<AuditedKey> keys) {

	}

	record AuditedKey(String kid, String state, String activatesAt, String retiresAt) {

	}

}
