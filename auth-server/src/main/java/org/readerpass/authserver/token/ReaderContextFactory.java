package org.readerpass.authserver.token;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

import org.readerpass.authserver.login.ReaderPrincipal;
import org.readerpass.policy.reader.ReaderContext;

/** The policy's view of a signed-in reader at one moment and place. */
@FunctionalInterface
public interface ReaderContextFactory {

	/** Empty when the account the reader signed in with no longer exists. */
	Optional<ReaderContext> create(ReaderPrincipal reader, Optional<InetAddress> readerAddress, Instant at);

}
