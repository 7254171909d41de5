package org.readerpass.ldapsync.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which directory attribute holds each account field. As {@code mapping} of a library any
 * subset may be given; the rest comes from the preset. How a value is read (text, binary GUID,
 * GeneralizedTime, FILETIME, status flag) is the preset's, not configurable here.
 */
public record AttributeNames(String directoryId, String cardNumber, String displayName, String readerType,
		String status, String expiry, String residentId, String phone, String email) {

	/** These names, each missing one taken from {@code defaults}. */
	public AttributeNames orElse(AttributeNames defaults) {
		return new AttributeNames(or(this.directoryId, defaults.directoryId), or(this.cardNumber, defaults.cardNumber),
				or(this.displayName, defaults.displayName), or(this.readerType, defaults.readerType),
				or(this.status, defaults.status), or(this.expiry, defaults.expiry),
				or(this.residentId, defaults.residentId), or(this.phone, defaults.phone), or(this.email, defaults.email));
	}

	/** The names given, keyed by their configuration key ({@code card-number}, …). */
	public Map<String, String> byKey() {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("directory-id", this.directoryId);
		names.put("card-number", this.cardNumber);
		names.put("display-name", this.displayName);
		names.put("reader-type", this.readerType);
		names.put("status", this.status);
		names.put("expiry", this.expiry);
		names.put("resident-id", this.residentId);
		names.put("phone", this.phone);
		names.put("email", this.email);
		names.values().removeIf(Objects::isNull);
		return names;
	}

	private static String or(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

}
