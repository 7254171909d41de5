package org.readerpass.authserver.keys;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.readerpass.policy.Secret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token signing keys ({@code readerpass.keys}). The server keeps one key per algorithm it signs
 * with (ES256 and RS256) and rotates each on a schedule; ID tokens are signed RS256 unless a
 * client registered ES256 ({@code id-token-signed-response-alg}).
 *
 * @param accessTokenAlgorithm the algorithm of every access token: {@code ES256} (default) or
 * {@code RS256}; one for all resources
 * @param rotation when keys rotate and how long they stay published
 * @param encryptionKey the key-encryption key that seals private keys at rest (base64 of 32
 * bytes; every node of a cluster needs the same one)
 * @param encryptionKeyFile where a single-node installation keeps a generated key-encryption key
 * when {@code encryption-key} is not set; default {@code ${readerpass.data-dir}/key-encryption.key}
 * @param signingProvider who makes the signatures: {@code auto} (default: the Amazon Corretto Crypto
 * Provider where its native library loads, else the JDK) or {@code jdk} ({@link SigningProviders})
 */
@Validated
@ConfigurationProperties("readerpass.keys")
public record KeyProperties(@NotNull @DefaultValue("ES256") SigningAlgorithm accessTokenAlgorithm,
		@Valid @NotNull @DefaultValue Rotation rotation, Secret encryptionKey, Path encryptionKeyFile,
		@NotNull @DefaultValue("auto") SigningProvider signingProvider) {

	/** Who signs: ACCP where it loads ({@code auto}), or always the JDK. */
	public enum SigningProvider {

		AUTO, JDK

	}

	/** The supported JWS algorithms. */
	public enum SigningAlgorithm {

		ES256, RS256

	}

	/**
	 * The rotation of each algorithm's key ({@code readerpass.keys.rotation}).
	 *
	 * @param period how long a key signs before its successor takes over; default 90 days
	 * @param publishAhead how long the successor is published in the JWKS before it signs; longer
	 * than any verifier caches the JWKS; default 1 day
	 * @param retainAfter how long a key stays published after it stopped signing; at least the
	 * longest token lifetime (start-up checks every client's {@code access-token-ttl} against it);
	 * default 1 day
	 * @param checkInterval how often each node creates a successor that is due and reloads the
	 * keys from the database (what other nodes or an admin changed); default 1 minute
	 */
	public record Rotation(@NotNull @DefaultValue("90d") Duration period,
			@NotNull @DefaultValue("1d") Duration publishAhead, @NotNull @DefaultValue("1d") Duration retainAfter,
			@NotNull @DefaultValue("1m") Duration checkInterval) {

		/** ID tokens live 30 minutes (the authorization server's default, not configurable here). */
		static final Duration LONGEST_ID_TOKEN = Duration.ofMinutes(30);

		/** Between a token's expiry and its key's retirement, for clocks that disagree a little. */
		public static final Duration MARGIN = Duration.ofMinutes(5);

		@AssertTrue(message = "readerpass.keys.rotation.publish-ahead must be positive and shorter than period")
		public boolean isPublishAheadShorterThanPeriod() {
			return this.period == null || this.publishAhead == null
					|| (this.publishAhead.compareTo(Duration.ZERO) > 0 && this.publishAhead.compareTo(this.period) < 0);
		}

		@AssertTrue(message = "readerpass.keys.rotation.check-interval must be at least 1s and shorter than "
				+ "publish-ahead: every node loads the next key before it signs")
		public boolean isCheckIntervalShorterThanPublishAhead() {
			return this.checkInterval == null || this.publishAhead == null
					|| (this.checkInterval.compareTo(Duration.ofSeconds(1)) >= 0
							&& this.checkInterval.compareTo(this.publishAhead) < 0);
		}

		@AssertTrue(message = "readerpass.keys.rotation.retain-after must be at least 35m: ID tokens live 30 minutes, "
				+ "plus 5 minutes for clocks")
		public boolean isRetainAfterLongerThanIdTokens() {
			return this.retainAfter == null || this.retainAfter.compareTo(LONGEST_ID_TOKEN.plus(MARGIN)) >= 0;
		}

		/** The longest token lifetime this rotation keeps verifiable: {@code retain-after} less the margin. */
		public Duration longestTokenLifetime() {
			return this.retainAfter.minus(MARGIN);
		}

	}

}
