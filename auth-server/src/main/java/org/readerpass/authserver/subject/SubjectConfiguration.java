package org.readerpass.authserver.subject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.readerpass.authserver.keys.LocalKeyFile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Pairwise subject identifiers and their key. */
@Configuration(proxyBeanMethods = false)
class SubjectConfiguration {

	@Bean
	PairwiseSubjects pairwiseSubjects(SubjectProperties properties,
			@Value("${readerpass.data-dir:./var}") Path dataDir) {
		return new PairwiseSubjects(() -> pairwiseKey(properties, dataDir));
	}

	/**
	 * The configured key, else the single node's key file (generated on first use, WARN): as text,
	 * so that copying the file's content into {@code readerpass.subject.pairwise-key} keeps every
	 * pairwise {@code sub} when an installation grows into a cluster.
	 */
	static byte[] pairwiseKey(SubjectProperties properties, Path dataDir) {
		if (properties.pairwiseKey() != null) {
			return properties.pairwiseKey().bytes();
		}
		Path file = (properties.pairwiseKeyFile() != null) ? properties.pairwiseKeyFile()
				: dataDir.resolve("pairwise-subject.key");
		String key = LocalKeyFile.readOrGenerate(file, "a pairwise subject key", "readerpass.subject.pairwise-key");
		if (key.length() < SubjectProperties.MIN_KEY_LENGTH) {
			throw new IllegalStateException("readerpass.subject.pairwise-key-file " + file
					+ ": the key must be at least " + SubjectProperties.MIN_KEY_LENGTH + " characters");
		}
		return key.getBytes(StandardCharsets.UTF_8);
	}

}
