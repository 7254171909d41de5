package org.readerpass.authserver.subject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readerpass.policy.Secret;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PairwiseSubjectsTests {

	private static final String READER = "0b7c5d3e-8f6a-4c1b-9e2d-3a4b5c6d7e8f";

	private static final byte[] KEY = "a-test-key-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8);

	private static RegisteredClient client(String sector) {
		ClientSettings.Builder settings = ClientSettings.builder();
		if (sector != null) {
			settings.setting(PairwiseSubjects.SECTOR_SETTING, sector);
		}
		return RegisteredClient.withId("app")
			.clientId("app")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("https://app.example/cb")
			.clientSettings(settings.build())
			.build();
	}

	@Test
	void subjectForWhenPublicClientThenTheReadersIdAndNoKeyNeeded() {
		PairwiseSubjects subjects = new PairwiseSubjects(() -> {
			throw new AssertionError("a public client needs no key");
		});

		assertThat(subjects.subjectFor(client(null), READER)).isEqualTo(READER);
	}

	@Test
	void subjectForWhenPairwiseThenHmacOfSectorAndReaderBase64Url() {
		PairwiseSubjects subjects = new PairwiseSubjects(() -> KEY);

		String ebooks = subjects.subjectFor(client("ebooks.vendor.example"), READER);

		assertThat(ebooks).isEqualTo(PairwiseSubjects.pairwise(KEY, "ebooks.vendor.example", READER))
			.hasSize(43)
			.matches("[A-Za-z0-9_-]+");
		assertThat(subjects.subjectFor(client("ebooks.vendor.example"), READER)).isEqualTo(ebooks);
		assertThat(subjects.subjectFor(client("journals.vendor.example"), READER)).isNotEqualTo(ebooks);
		assertThat(subjects.subjectFor(client("ebooks.vendor.example"), "another-reader")).isNotEqualTo(ebooks);
		assertThat(new PairwiseSubjects(() -> "another-key-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8))
			.subjectFor(client("ebooks.vendor.example"), READER)).isNotEqualTo(ebooks);
	}

	@Test
	void loadKeyWhenCalledThenTheKeyIsReadOnceOnly() {
		AtomicInteger reads = new AtomicInteger();
		PairwiseSubjects subjects = new PairwiseSubjects(() -> {
			reads.incrementAndGet();
			return KEY;
		});

		subjects.loadKey();
		subjects.subjectFor(client("ebooks.vendor.example"), READER);

		assertThat(reads).hasValue(1);
	}

	@Test
	void pairwiseKeyWhenConfiguredThenItsBytesAndNoFile(@TempDir Path dataDir) {
		byte[] key = SubjectConfiguration.pairwiseKey(
				new SubjectProperties(Secret.of("configured-key-of-at-least-32-characters"), null), dataDir);

		assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("configured-key-of-at-least-32-characters");
		assertThat(dataDir.resolve("pairwise-subject.key")).doesNotExist();
	}

	@Test
	void pairwiseKeyWhenNotConfiguredThenGeneratedOnceInTheDataDirAndTheSameAfterARestart(@TempDir Path dataDir)
			throws Exception {
		byte[] first = SubjectConfiguration.pairwiseKey(new SubjectProperties(null, null), dataDir);
		byte[] afterRestart = SubjectConfiguration.pairwiseKey(new SubjectProperties(null, null), dataDir);
		String fileText = Files.readString(dataDir.resolve("pairwise-subject.key"));

		assertThat(afterRestart).isEqualTo(first);
		assertThat(SubjectConfiguration.pairwiseKey(new SubjectProperties(Secret.of(fileText), null), dataDir))
			.as("the file's text as readerpass.subject.pairwise-key: the same subs on a cluster")
			.isEqualTo(first);
	}

	@Test
	void pairwiseKeyWhenKeyFileTooShortThenStartUpFailsNamingIt(@TempDir Path dataDir) throws Exception {
		Path file = dataDir.resolve("short.key");
		Files.writeString(file, "short");

		assertThatIllegalStateException()
			.isThrownBy(() -> SubjectConfiguration.pairwiseKey(new SubjectProperties(null, file), dataDir))
			.withMessageContaining("readerpass.subject.pairwise-key-file")
			.withMessageContaining("at least 32 characters");
	}

	@Test
	void propertiesWhenConfiguredKeyTooShortThenInvalid() {
		assertThat(new SubjectProperties(Secret.of("short"), null).isPairwiseKeyLongEnough()).isFalse();
		assertThat(new SubjectProperties(null, null).isPairwiseKeyLongEnough()).isTrue();
	}

}
