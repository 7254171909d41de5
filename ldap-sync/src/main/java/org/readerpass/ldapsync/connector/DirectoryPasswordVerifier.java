package org.readerpass.ldapsync.connector;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.readerpass.ldapsync.account.ReaderAccount;
import org.readerpass.ldapsync.password.Password;
import org.readerpass.ldapsync.password.PasswordResult;
import org.readerpass.ldapsync.password.PasswordVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks a password with the {@link PasswordConnector} of the account's home library. */
final class DirectoryPasswordVerifier implements PasswordVerifier {

	private static final Logger logger = LoggerFactory.getLogger(DirectoryPasswordVerifier.class);

	/** A DN that no reader directory holds: the bind of an unknown card. */
	private static final String NOBODY = "cn=readerpass-nobody,ou=";

	private final DirectoryConnectors connectors;

	DirectoryPasswordVerifier(DirectoryConnectors connectors) {
		this.connectors = connectors;
	}

	/**
	 * A bind with a random password as a DN no directory holds, at a library chosen at random: the
	 * same round trip a wrong password costs, answered {@code invalidCredentials}.
	 */
	@Override
	public void checkNobody() {
		List<String> libraries = this.connectors.libraries();
		if (libraries.isEmpty()) {
			return;
		}
		String library = libraries.get(ThreadLocalRandom.current().nextInt(libraries.size()));
		this.connectors.passwordConnector(library)
			.ifPresent(connector -> connector.verify(NOBODY + UUID.randomUUID(),
					Password.of(UUID.randomUUID().toString()).orElseThrow()));
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
