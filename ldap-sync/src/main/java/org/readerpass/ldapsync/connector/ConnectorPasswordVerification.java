package org.readerpass.ldapsync.connector;

import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.verify.PasswordCheck;
import org.readerpass.ldapsync.verify.PasswordVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks a password with the connector of the account's home library. */
public final class ConnectorPasswordVerification implements PasswordVerification {

	private static final Logger logger = LoggerFactory.getLogger(ConnectorPasswordVerification.class);

	private final DirectoryConnectors connectors;

	public ConnectorPasswordVerification(DirectoryConnectors connectors) {
		this.connectors = connectors;
	}

	@Override
	public PasswordCheck verify(ReaderAccount account, String password) {
		if (password == null || password.isEmpty()) {
			return PasswordCheck.REJECTED;
		}
		return this.connectors.passwordVerifier(account.libraryCode())
			.map((verifier) -> verifier.verify(account.dn(), password))
			.orElseGet(() -> {
				logger.warn("No password verifier for library={}: is its directory still configured?",
						account.libraryCode());
				return PasswordCheck.DIRECTORY_UNAVAILABLE;
			});
	}

}
