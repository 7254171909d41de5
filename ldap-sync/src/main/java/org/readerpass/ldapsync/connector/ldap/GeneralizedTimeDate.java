package org.readerpass.ldapsync.connector.ldap;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.ZoneId;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.util.StaticUtils;

/**
 * An LDAP GeneralizedTime ({@code readerExpiry}: the last moment of validity) as the date of
 * that moment in the configured zone.
 */
final class GeneralizedTimeDate implements ValueConverter<LocalDate> {

	private final ZoneId zone;

	GeneralizedTimeDate(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public LocalDate convert(Attribute attribute) throws MalformedValueException {
		try {
			return LocalDate.ofInstant(StaticUtils.decodeGeneralizedTime(attribute.getValue().trim()).toInstant(),
					this.zone);
		}
		catch (ParseException ex) {
			throw new MalformedValueException(attribute.getName() + " is not a GeneralizedTime");
		}
	}

}
