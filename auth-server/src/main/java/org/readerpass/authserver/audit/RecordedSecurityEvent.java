package org.readerpass.authserver.audit;

import java.time.Instant;

/** A {@link SecurityEvent} as written, with its id and time; {@code details} as the JSON kept. */
public record RecordedSecurityEvent(long id, Instant at, String type, String clientId, String subject,
		String details) {
}
