package org.readerpass.policy.reader;

import java.util.Arrays;
import java.util.Optional;

/**
 * How well the reader's identity has been checked, weakest first. The order is the enum's:
 * a grant or condition asking for {@code CARD} is met by {@code CARD} and {@code REAL_NAME}.
 * {@link #acr()} is the stable value of the tokens' {@code acr} claim; {@link #code()} the
 * stable value for configuration, storage and the admin API. Neither ever changes for an
 * existing level.
 */
public enum VerificationLevel {

	/** Self-registered online; nothing checked. */
	NONE("none"),

	/** A card issued at a library desk (identity seen by staff). */
	CARD("card"),

	/** Resident ID checked (real-name verification). */
	REAL_NAME("real-name");

	private static final String ACR_PREFIX = "urn:readerpass:acr:";

	private final String code;

	VerificationLevel(String code) {
		this.code = code;
	}

	/** {@code none}, {@code card}, {@code real-name}. */
	public String code() {
		return this.code;
	}

	/** {@code urn:readerpass:acr:none}, {@code urn:readerpass:acr:card}, {@code urn:readerpass:acr:real-name}. */
	public String acr() {
		return ACR_PREFIX + this.code;
	}

	public boolean isAtLeast(VerificationLevel minimum) {
		return compareTo(minimum) >= 0;
	}

	public static Optional<VerificationLevel> fromCode(String code) {
		return Arrays.stream(values()).filter(level -> level.code.equals(code)).findFirst();
	}

	public static Optional<VerificationLevel> fromAcr(String acr) {
		return Arrays.stream(values()).filter(level -> level.acr().equals(acr)).findFirst();
	}

}
