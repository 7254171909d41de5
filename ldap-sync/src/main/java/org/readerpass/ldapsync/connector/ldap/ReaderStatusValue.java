package org.readerpass.ldapsync.connector.ldap;

import org.readerpass.ldapsync.account.AccountStatus;

import com.unboundid.ldap.sdk.Attribute;

/** {@code readerStatus} of readerpass-library.schema: {@code suspended} (any case) suspends, anything else is active. */
final class ReaderStatusValue implements ValueConverter<AccountStatus> {

	@Override
	public AccountStatus convert(Attribute attribute) {
		return attribute.getValue().trim().equalsIgnoreCase("suspended") ? AccountStatus.SUSPENDED : AccountStatus.ACTIVE;
	}

}
