package org.readerpass.ldapsync.connector.ldap;

import com.unboundid.ldap.sdk.Attribute;

/** Reads one account field from a directory attribute whose reading depends on the preset. */
interface ValueConverter<T> {

	/**
	 * @param attribute present, with at least one value
	 * @throws MalformedValueException when the value cannot be read; the reason names the
	 * attribute but never quotes the value
	 */
	T convert(Attribute attribute) throws MalformedValueException;

}
