package org.readerpass.ldapsync.connector;

import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.password.Password;
import org.readerpass.ldapsync.password.PasswordResult;
import org.readerpass.ldapsync.password.PasswordVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks a password with the {@link PasswordConnector} of the account's home library. */
final class DirectoryPasswordVerifier implements PasswordVerifier {

	private static final Logger logger = LoggerFactory.getLogger(DirectoryPasswordVerifier.class);

	private final DirectoryConnectors connectors;

	DirectoryPasswordVerifier(DirectoryConnectors connectors) {
		this.connectors = connectors;
	}

	@Override
	public PasswordResult verify(ReaderAccount account, Password password) {
		return this.connectors.passwordConnector(account.libraryCode())
			.map((connector) -> connector.verify(account.dn(), password))
			.orElseGet(() -> {
				logger.warn("No password verifier for library={}: is its directory still configured?",
						account.libraryCode());
				return PasswordResult.DIRECTORY_UNAVAILABLE;
			});
	}

}
