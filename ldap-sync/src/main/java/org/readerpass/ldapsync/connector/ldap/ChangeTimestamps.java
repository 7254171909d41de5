package org.readerpass.ldapsync.connector.ldap;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.readerpass.ldapsync.directory.DirectoryPreset;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.util.StaticUtils;

/**
 * A preset's change timestamps: OpenLDAP's operational {@code modifyTimestamp} and
 * {@code createTimestamp}, Active Directory's {@code whenChanged} (GeneralizedTime on both). They
 * give the filter of an incremental read and each entry's latest change, by the directory's clock.
 */
final class ChangeTimestamps {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss.SSS")
		.withZone(ZoneOffset.UTC);

	private final List<String> attributes;

	/** Active Directory documents its GeneralizedTime filters with a fraction ({@code .0Z}). */
	private final boolean alwaysFraction;

	private ChangeTimestamps(List<String> attributes, boolean alwaysFraction) {
		this.attributes = attributes;
		this.alwaysFraction = alwaysFraction;
	}

	static ChangeTimestamps of(DirectoryPreset preset) {
		return switch (preset) {
			case OPENLDAP -> new ChangeTimestamps(List.of("modifyTimestamp", "createTimestamp"), false);
			case ACTIVE_DIRECTORY -> new ChangeTimestamps(List.of("whenChanged"), true);
		};
	}

	List<String> attributes() {
		return this.attributes;
	}

	/** {@code (&(readers)(|(modifyTimestamp>=since)(createTimestamp>=since)))} or with {@code whenChanged}. */
	Filter since(Filter readers, Instant since) {
		String value = format(since);
		List<Filter> changed = new ArrayList<>();
		for (String attribute : this.attributes) {
			changed.add(Filter.createGreaterOrEqualFilter(attribute, value));
		}
		Filter anyChanged = (changed.size() == 1) ? changed.get(0) : Filter.createORFilter(changed);
		return Filter.createANDFilter(readers, anyChanged);
	}

	/** The entry's latest change timestamp, or {@code null} when it has none that can be read. */
	Instant latest(Entry entry) {
		Instant latest = null;
		for (String attribute : this.attributes) {
			String value = entry.getAttributeValue(attribute);
			if (value == null) {
				continue;
			}
			try {
				Date date = StaticUtils.decodeGeneralizedTime(value);
				Instant at = date.toInstant();
				latest = (latest == null || at.isAfter(latest)) ? at : latest;
			}
			catch (java.text.ParseException ex) {
				// an unreadable timestamp says nothing about the change: the entry is still read
			}
		}
		return latest;
	}

	String format(Instant instant) {
		Instant millis = Instant.ofEpochMilli(instant.toEpochMilli());
		if (millis.getNano() != 0) {
			return MILLIS.format(millis) + "Z";
		}
		return SECONDS.format(millis) + (this.alwaysFraction ? ".0Z" : "Z");
	}

}
