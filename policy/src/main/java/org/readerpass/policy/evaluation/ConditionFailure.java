package org.readerpass.policy.evaluation;

/** Why a grant whose subject matches the reader did not apply. */
public enum ConditionFailure {

	/** The evaluation instant is before the grant's {@code validFrom}. */
	NOT_YET_VALID("not valid yet"),

	/** The evaluation instant is at or after the grant's {@code validUntil}. */
	EXPIRED("no longer valid"),

	/** The reader's verification level is below the grant's minimum. */
	VERIFICATION_TOO_LOW("verification level too low"),

	/** The grant has an on-site or zone condition and the client address is unknown. */
	CLIENT_ADDRESS_UNKNOWN("client address unknown"),

	/** The client address is not where the grant's network condition asks. */
	OUTSIDE_NETWORK("client address outside the required network");

	private final String description;

	ConditionFailure(String description) {
		this.description = description;
	}

	public String description() {
		return this.description;
	}

}
