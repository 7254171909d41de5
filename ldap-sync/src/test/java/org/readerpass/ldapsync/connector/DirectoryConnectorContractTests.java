package org.readerpass.ldapsync.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.DemoReader;
import org.readerpass.ldapsync.testsupport.DemoReaders;
import org.readerpass.ldapsync.password.Password;
import org.readerpass.ldapsync.password.PasswordResult;

/**
 * What every directory connector setup must do, checked against a directory loaded with one
 * demo library's readers. A subclass starts the directory and a connector for it.
 *
 * <p>
 * The timeouts on the "directory down" tests are a guard against hanging, not a measurement:
 * a down directory must answer well within them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DirectoryConnectorContractTests {

	private DirectoryFixture fixture;

	/** A directory with {@link #library()}'s demo readers, and a connector to it. */
	protected abstract DirectoryFixture startFixture();

	protected abstract DemoLibrary library();

	@BeforeAll
	void startDirectory() {
		this.fixture = startFixture();
	}

	@AfterEach
	void directoryUpAgain() {
		this.fixture.startDirectory();
	}

	@AfterAll
	void stopDirectory() {
		this.fixture.close();
	}

	protected DirectoryFixture fixture() {
		return this.fixture;
	}

	@Test
	void readAllWhenDirectoryUpThenEveryReaderMapped() throws DirectoryException {
		Collected collected = readAll();
		List<DirectoryEntry> expected = DemoReaders.of(library())
			.stream()
			.filter((reader) -> !reader.isMalformed())
			.map(DirectoryConnectorContractTests::expectedEntry)
			.toList();
		assertThat(collected.entries).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(collected.malformed).containsExactlyInAnyOrderElementsOf(DemoReaders.of(library())
			.stream()
			.filter(DemoReader::isMalformed)
			.map((reader) -> reader.dn() + ": missing uid")
			.toList());
	}

	@Test
	void verifyWhenPasswordRightThenVerified() {
		DemoReader reader = firstReader();
		assertThat(this.fixture.passwordConnector().verify(reader.dn(), password(reader.password())))
			.isEqualTo(PasswordResult.VERIFIED);
	}

	@Test
	void verifyWhenPasswordWrongThenRejected() {
		DemoReader reader = firstReader();
		assertThat(this.fixture.passwordConnector().verify(reader.dn(), password(reader.password() + "x")))
			.isEqualTo(PasswordResult.REJECTED);
	}

	@Test
	void verifyWhenPasswordEmptyThenRejectedWithoutAnonymousBind() {
		// an LDAP simple bind with an empty password is anonymous: there is no such Password, so no
		// connector can be asked to bind with one
		assertThat(Password.of("")).isEmpty();
		assertThat(Password.of(null)).isEmpty();
	}

	@Test
	void verifyWhenDnUnknownThenRejected() {
		DemoReader reader = firstReader();
		String unknown = reader.dn().replace(reader.rdnValue(), "NOBODY9999");
		assertThat(this.fixture.passwordConnector().verify(unknown, password(reader.password())))
			.isEqualTo(PasswordResult.REJECTED);
	}

	@Test
	void verifyWhenPasswordOfAnotherReaderThenRejected() {
		List<DemoReader> readers = DemoReaders.of(library());
		assertThat(this.fixture.passwordConnector().verify(readers.get(0).dn(), password(readers.get(1).password())))
			.isEqualTo(PasswordResult.REJECTED);
	}

	@Test
	@Timeout(value = 15, unit = TimeUnit.SECONDS)
	void verifyWhenDirectoryDownThenUnavailableAndWhenBackThenVerified() {
		DemoReader reader = firstReader();
		assertThat(this.fixture.passwordConnector().verify(reader.dn(), password(reader.password())))
			.isEqualTo(PasswordResult.VERIFIED);
		this.fixture.stopDirectory();
		assertThat(this.fixture.passwordConnector().verify(reader.dn(), password(reader.password())))
			.isEqualTo(PasswordResult.DIRECTORY_UNAVAILABLE);
		this.fixture.startDirectory();
		assertThat(this.fixture.passwordConnector().verify(reader.dn(), password(reader.password())))
			.isEqualTo(PasswordResult.VERIFIED);
	}

	@Test
	@Timeout(value = 15, unit = TimeUnit.SECONDS)
	void readAllWhenDirectoryDownThenDirectoryException() {
		this.fixture.stopDirectory();
		assertThatExceptionOfType(DirectoryException.class).isThrownBy(this::readAll)
			.withMessageContaining("unreachable");
	}

	@Test
	void probeWhenDirectoryUpThenItAnswers() {
		assertThatNoException().isThrownBy(() -> this.fixture.healthProbe().probe());
	}

	@Test
	@Timeout(value = 15, unit = TimeUnit.SECONDS)
	void probeWhenDirectoryDownThenUnreachableAndWhenBackThenItAnswers() {
		this.fixture.stopDirectory();
		assertThatExceptionOfType(DirectoryException.class).isThrownBy(() -> this.fixture.healthProbe().probe())
			.satisfies((ex) -> assertThat(ex.failure()).isEqualTo(ReadFailure.UNREACHABLE));
		this.fixture.startDirectory();
		assertThatNoException().isThrownBy(() -> this.fixture.healthProbe().probe());
	}

	/**
	 * Every setup's directory runs on this machine (in this JVM, or a local slapd), so its clock is
	 * ours: the time it tells lies between the second before the call and the end of the call.
	 */
	@Test
	void currentTimeWhenDirectoryUpThenItsClockAtTheCall() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Optional<Instant> told = this.fixture.clock().currentTime();
		Instant after = Instant.now();
		assertThat(told).hasValueSatisfying((time) -> assertThat(time).isBetween(before, after));
	}

	@Test
	@Timeout(value = 15, unit = TimeUnit.SECONDS)
	void currentTimeWhenDirectoryDownThenEmpty() {
		this.fixture.stopDirectory();
		assertThat(this.fixture.clock().currentTime()).isEmpty();
	}

	protected Collected readAll() throws DirectoryException {
		Collected collected = new Collected();
		this.fixture.reader().readAll(collected);
		return collected;
	}

	private DemoReader firstReader() {
		return DemoReaders.of(library()).get(0);
	}

	/** The reader's password as a {@link Password} (these tests never use an empty one). */
	public static Password password(String value) {
		return Password.of(value).orElseThrow();
	}

	static DirectoryEntry expectedEntry(DemoReader reader) {
		return new DirectoryEntry(reader.dn(), reader.directoryId().toString(), reader.cardNumber(),
				reader.displayName(), reader.readerType(), reader.status(), reader.expiresOn(),
				reader.residentIdNumber(), reader.phone(), reader.email());
	}

	/** A running directory and a connector to it. */
	public interface DirectoryFixture extends AutoCloseable {

		AccountReader reader();

		PasswordConnector passwordConnector();

		HealthProbe healthProbe();

		DirectoryClock clock();

		/** Makes the directory unreachable. */
		void stopDirectory();

		/** Makes it reachable again on the same address (no-op when it is up). */
		void startDirectory();

		@Override
		void close();

	}

	public static final class Collected implements EntryHandler {

		public final List<DirectoryEntry> entries = new ArrayList<>();

		public final List<String> malformed = new ArrayList<>();

		@Override
		public void entry(DirectoryEntry entry) {
			this.entries.add(entry);
		}

		@Override
		public void malformed(String dn, String reason) {
			this.malformed.add(dn + ": " + reason);
		}

	}

}
