package org.readerpass.authserver.audit;

import java.util.Map;

/**
 * Something an operator must be able to find afterwards: a refresh token replayed, a back-channel
 * logout that never arrived, consent given or withdrawn, a signing key rotated.
 *
 * @param type what happened, e.g. {@code refresh_token.reuse}
 * @param clientId the client concerned, {@code null} when none
 * @param subject the reader concerned as an opaque id (never a card number), {@code null} when none
 * @param details further facts, never a token, code, password or secret
 */
public record SecurityEvent(String type, String clientId, String subject, Map<String, String> details) {

	public SecurityEvent {
		details = (details != null) ? Map.copyOf(details) : Map.of();
	}

}
