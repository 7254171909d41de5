package org.readerpass.adminui.audit;

/**
 * Who made a change, as the audit records it.
 *
 * @param name the caller's {@code Principal.getName()} (the token's {@code sub}), or
 * {@value #ANONYMOUS_NAME} when there is no principal; longer than 256 characters is cut
 * @param clientId the OAuth client the caller used, or {@code null} when not known
 */
public record Actor(String name, String clientId) {

	public static final String ANONYMOUS_NAME = "anonymous";

	/** A caller without a principal (only where no security is configured, as in tests). */
	public static final Actor ANONYMOUS = new Actor(ANONYMOUS_NAME, null);

	public Actor {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("an actor needs a name");
		}
	}

	/** A change made by the server itself, e.g. {@code system:demo-data}. */
	public static Actor system(String purpose) {
		return new Actor("system:" + purpose, null);
	}

}
