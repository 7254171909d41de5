package org.readerpass.authserver.subject;

import java.nio.file.Path;

import jakarta.validation.constraints.AssertTrue;
import org.readerpass.policy.Secret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Subject identifiers ({@code readerpass.subject}).
 *
 * @param pairwiseKey the HMAC key pairwise {@code sub} values are computed with (at least 32
 * characters; every node of a cluster needs the same one, and changing it changes every pairwise
 * {@code sub})
 * @param pairwiseKeyFile where a single-node installation keeps a generated key when
 * {@code pairwise-key} is not set; default {@code ${readerpass.data-dir}/pairwise-subject.key}
 */
@Validated
@ConfigurationProperties("readerpass.subject")
public record SubjectProperties(Secret pairwiseKey, Path pairwiseKeyFile) {

	static final int MIN_KEY_LENGTH = 32;

	@AssertTrue(message = "pairwise-key must be at least 32 characters")
	public boolean isPairwiseKeyLongEnough() {
		return this.pairwiseKey == null || this.pairwiseKey.reveal().length() >= MIN_KEY_LENGTH;
	}

}
