package org.readerpass.ldapsync.directory;

/**
 * The kinds of directory ReaderPass knows: each gives a default filter and attribute names (the
 * LDAP connector knows how to read each preset's values, e.g. Active Directory's binary
 * objectGUID, FILETIME and userAccountControl bits).
 */
public enum DirectoryPreset {

	/**
	 * OpenLDAP (or any RFC 4519 directory) with inetOrgPerson entries and the {@code libraryReader}
	 * auxiliary class of {@code readerpass-library.schema}.
	 */
	OPENLDAP("(objectClass=inetOrgPerson)", new AttributeNames("entryUUID", "uid", "displayName", "readerType",
			"readerStatus", "readerExpiry", "residentIdNumber", "mobile", "mail")),

	/** Microsoft Active Directory (also Samba AD) user objects. */
	ACTIVE_DIRECTORY("(&(objectClass=user)(!(objectClass=computer)))",
			new AttributeNames("objectGUID", "sAMAccountName", "displayName", "extensionAttribute1",
					"userAccountControl", "accountExpires", "employeeID", "telephoneNumber", "mail"));

	private final String defaultFilter;

	private final AttributeNames attributes;

	DirectoryPreset(String defaultFilter, AttributeNames attributes) {
		this.defaultFilter = defaultFilter;
		this.attributes = attributes;
	}

	public String defaultFilter() {
		return this.defaultFilter;
	}

	public AttributeNames attributes() {
		return this.attributes;
	}

}
