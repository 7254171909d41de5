package org.readerpass.ldapsync.connector.ldap;

import com.unboundid.ldap.sdk.Attribute;

/** The first value as trimmed text ({@code null} when blank). */
final class TextValue implements ValueConverter<String> {

	@Override
	public String convert(Attribute attribute) {
		String value = attribute.getValue().trim();
		return value.isEmpty() ? null : value;
	}

}
