package org.readerpass.ldapsync.connector.ldap;

import org.readerpass.ldapsync.account.AccountStatus;

import com.unboundid.ldap.sdk.Attribute;

/** Active Directory {@code userAccountControl}: the ACCOUNTDISABLE bit (0x2) suspends (512 active, 514 disabled). */
final class AccountControlStatus implements ValueConverter<AccountStatus> {

	private static final long ACCOUNTDISABLE = 0x2;

	@Override
	public AccountStatus convert(Attribute attribute) throws MalformedValueException {
		try {
			long flags = Long.parseLong(attribute.getValue().trim());
			return ((flags & ACCOUNTDISABLE) != 0) ? AccountStatus.SUSPENDED : AccountStatus.ACTIVE;
		}
		catch (NumberFormatException ex) {
			throw new MalformedValueException(attribute.getName() + " is not an integer");
		}
	}

}
