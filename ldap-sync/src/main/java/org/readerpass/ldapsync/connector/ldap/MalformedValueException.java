package org.readerpass.ldapsync.connector.ldap;

/** An attribute value that cannot become an account field; the message is the reason. */
final class MalformedValueException extends Exception {

	private static final long serialVersionUID = 1L;

	MalformedValueException(String reason) {
		super(reason, null, false, false);
	}

}
