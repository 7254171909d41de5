package org.readerpass.ldapsync.archfixture.visibility.api;

/** Public and used from another package, though only through its nested type: follows the rule. */
public final class PublicApi {

	private PublicApi() {
	}

	/** The part another package uses. */
	public record Part(String name) implements PublicPart {

	}

}
