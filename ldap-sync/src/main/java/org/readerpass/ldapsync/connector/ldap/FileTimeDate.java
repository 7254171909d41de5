package org.readerpass.ldapsync.connector.ldap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.unboundid.ldap.sdk.Attribute;

/**
 * Active Directory {@code accountExpires}: a Windows FILETIME (100-ns intervals since 1601-01-01
 * UTC) at which the account stops working; 0 and 2^63-1 mean never. The last valid day is the
 * date just before that moment in the configured zone (Active Directory Users and Computers'
 * "end of 2024-12-31" is stored as 2025-01-01 00:00 local time).
 */
final class FileTimeDate implements ValueConverter<LocalDate> {

	/** 100-ns intervals from 1601-01-01 to 1970-01-01. */
	static final long EPOCH_OFFSET = 116_444_736_000_000_000L;

	private final ZoneId zone;

	FileTimeDate(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public LocalDate convert(Attribute attribute) throws MalformedValueException {
		long fileTime;
		try {
			fileTime = Long.parseLong(attribute.getValue().trim());
		}
		catch (NumberFormatException ex) {
			throw new MalformedValueException(attribute.getName() + " is not a FILETIME");
		}
		if (fileTime == 0 || fileTime == Long.MAX_VALUE) {
			return null;
		}
		if (fileTime < 0) {
			throw new MalformedValueException(attribute.getName() + " is not a FILETIME");
		}
		long sinceEpoch = fileTime - EPOCH_OFFSET;
		Instant expires = Instant.ofEpochSecond(Math.floorDiv(sinceEpoch, 10_000_000L),
				Math.floorMod(sinceEpoch, 10_000_000L) * 100);
		return LocalDate.ofInstant(expires.minusNanos(1), this.zone);
	}

}
