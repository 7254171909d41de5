package org.readerpass.authserver.keys;

import java.security.Provider;
import java.util.Optional;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which JCA provider makes the server's JWT signatures (access tokens, ID tokens, logout tokens).
 * The JDK's P-256 signature inverts each nonce by a constant-time exponentiation in Java and
 * signs ~8,000 ES256 a second on one core here; the Amazon Corretto Crypto Provider (ACCP, AWS-LC
 * through JNI, Apache 2.0) signs ~31,000 with the same keys, and its signatures verify with the
 * JDK's (docs/benchmarks.md). Signing is most of a client-credentials token's CPU.
 *
 * <p>
 * {@code readerpass.keys.signing-provider}: {@code auto} (default) signs with ACCP when its native
 * library loads and passes its self-tests on this machine (Linux x86-64), else with the JDK;
 * {@code jdk} always with the JDK. ACCP is used for signing only: it is not installed as a JVM-wide
 * provider, so verification, TLS, random numbers and key parsing stay the JDK's.
 */
public final class SigningProviders {

	private static final Logger log = LoggerFactory.getLogger(SigningProviders.class);

	private SigningProviders() {
	}

	/** The provider for {@code setting}; empty: the JDK's default lookup. */
	public static Optional<Provider> forSetting(KeyProperties.SigningProvider setting) {
		if (setting == KeyProperties.SigningProvider.JDK) {
			log.info("JWT signatures by the JDK (readerpass.keys.signing-provider=jdk)");
			return Optional.empty();
		}
		Optional<Provider> accp = accp();
		accp.ifPresent((provider) -> log.info("JWT signatures by {} {}", provider.getName(), provider.getVersionStr()));
		return accp;
	}

	/** ACCP when its native library loaded and its self-tests passed on this machine. */
	static Optional<Provider> accp() {
		try {
			AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
			Throwable loading = provider.getLoadingError();
			if (loading != null) {
				log.info("JWT signatures by the JDK: ACCP did not load here ({})", loading.toString());
				return Optional.empty();
			}
			provider.assertHealthy();
			return Optional.of(provider);
		}
		catch (RuntimeException | LinkageError ex) {
			log.warn("JWT signatures by the JDK: ACCP is not healthy here ({})", ex.toString());
			return Optional.empty();
		}
	}

}
