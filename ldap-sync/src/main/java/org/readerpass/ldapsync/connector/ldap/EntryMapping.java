package org.readerpass.ldapsync.connector.ldap;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.directory.AttributeNames;
import org.readerpass.ldapsync.directory.DirectoryPreset;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;

/**
 * Turns a directory entry into a {@link DirectoryEntry}: the attribute names come from the
 * configuration, the way to read the id, status and expiry from the preset. Directory id and card
 * number are required; a missing display name falls back to {@code cn}, then to the card number;
 * a missing reader type is {@value #DEFAULT_READER_TYPE}; a missing status is active.
 */
final class EntryMapping {

	static final String DEFAULT_READER_TYPE = "general";

	private static final String FALLBACK_NAME_ATTRIBUTE = "cn";

	private final AttributeNames names;

	private final ValueConverter<String> directoryId;

	private final ValueConverter<AccountStatus> status;

	private final ValueConverter<LocalDate> expiry;

	private final ValueConverter<String> text = new TextValue();

	private EntryMapping(AttributeNames names, ValueConverter<String> directoryId, ValueConverter<AccountStatus> status,
			ValueConverter<LocalDate> expiry) {
		this.names = names;
		this.directoryId = directoryId;
		this.status = status;
		this.expiry = expiry;
	}

	static EntryMapping of(DirectoryPreset preset, AttributeNames names, ZoneId zone) {
		return switch (preset) {
			case OPENLDAP -> new EntryMapping(names, new TextValue(), new ReaderStatusValue(), new GeneralizedTimeDate(zone));
			case ACTIVE_DIRECTORY -> new EntryMapping(names, new ObjectGuidValue(), new AccountControlStatus(),
					new FileTimeDate(zone));
		};
	}

	/** The attributes a search must ask for (operational ones such as entryUUID included). */
	String[] requestedAttributes() {
		Set<String> attributes = new LinkedHashSet<>(this.names.byKey().values());
		attributes.add(FALLBACK_NAME_ATTRIBUTE);
		return attributes.toArray(String[]::new);
	}

	/** The entry's directory id when it can be read (even if the entry is malformed otherwise), else {@code null}. */
	String directoryIdOf(Entry entry) {
		try {
			return limited(required(entry, this.names.directoryId(), this.directoryId), this.names.directoryId(), 128);
		}
		catch (MalformedValueException ex) {
			return null;
		}
	}

	DirectoryEntry map(Entry entry) throws MalformedValueException {
		String directoryId = limited(required(entry, this.names.directoryId(), this.directoryId), this.names.directoryId(),
				128);
		String cardNumber = cardNumber(entry);
		String displayName = value(entry, this.names.displayName(), this.text);
		if (displayName == null) {
			displayName = value(entry, FALLBACK_NAME_ATTRIBUTE, this.text);
		}
		String readerType = value(entry, this.names.readerType(), this.text);
		AccountStatus status = value(entry, this.names.status(), this.status);
		return new DirectoryEntry(limited(entry.getDN(), "DN", 1024), directoryId, cardNumber,
				limited((displayName != null) ? displayName : cardNumber, this.names.displayName(), 256),
				limited((readerType != null) ? readerType : DEFAULT_READER_TYPE, this.names.readerType(), 64),
				(status != null) ? status : AccountStatus.ACTIVE, value(entry, this.names.expiry(), this.expiry),
				limited(value(entry, this.names.residentId(), this.text), this.names.residentId(), 64),
				limited(value(entry, this.names.phone(), this.text), this.names.phone(), 64),
				limited(value(entry, this.names.email(), this.text), this.names.email(), 320));
	}

	private String cardNumber(Entry entry) throws MalformedValueException {
		String attribute = this.names.cardNumber();
		Attribute values = entry.getAttribute(attribute);
		if (values != null && values.size() > 1) {
			throw new MalformedValueException(attribute + " has " + values.size() + " values");
		}
		String cardNumber = limited(required(entry, attribute, this.text), attribute, 64);
		if (cardNumber.codePoints().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw new MalformedValueException(attribute + " is not a card number (spaces or control characters)");
		}
		return cardNumber;
	}

	private static <T> T required(Entry entry, String attribute, ValueConverter<T> converter)
			throws MalformedValueException {
		T value = value(entry, attribute, converter);
		if (value == null) {
			throw new MalformedValueException("missing " + attribute);
		}
		return value;
	}

	private static <T> T value(Entry entry, String attribute, ValueConverter<T> converter)
			throws MalformedValueException {
		Attribute values = entry.getAttribute(attribute);
		return (values != null && values.hasValue()) ? converter.convert(values) : null;
	}

	private static String limited(String value, String attribute, int maxLength) throws MalformedValueException {
		if (value != null && value.length() > maxLength) {
			throw new MalformedValueException(attribute + " is longer than " + maxLength + " characters");
		}
		return value;
	}

}
