package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.ldap.TestLdapConnectors;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.embedded.EmbeddedDirectories;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.readerpass.ldapsync.linking.TestReaderAccounts;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.ldapsync.testsupport.TestDatabases;

/**
 * The schedules against real directories: zj on an embedded directory, zj.sx on a "black hole" (a
 * loopback socket that accepts connections and never answers, with a 5-minute response timeout), so
 * zj.sx's first run hangs for the whole test. The intervals are very short; the test waits for
 * recorded runs with a generous timeout and asserts no timing.
 */
class SyncSchedulerTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final List<AccountReader> connectors = new ArrayList<>();

	private EmbeddedDirectories directories;

	private ServerSocket blackHole;

	private JdbcSyncRuns runs;

	private SyncScheduler scheduler;

	@BeforeEach
	void start() throws IOException {
		DirectoryProperties properties = DemoDirectories.properties(DemoLibrary.ZJ);
		this.directories = EmbeddedDirectories.start(properties);
		this.blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		LibraryDirectory zj = DemoDirectories.at(properties.library("zj").orElseThrow(),
				URI.create(this.directories.url("zj").orElseThrow()));
		LibraryDirectory sx = DemoDirectories.library(DemoLibrary.SX);
		LibraryDirectory hanging = new LibraryDirectory(sx.library(), sx.preset(),
				List.of(URI.create("ldap://127.0.0.1:" + this.blackHole.getLocalPort())), true, sx.bindDn(),
				sx.bindPassword(), sx.baseDn(), null, 10, Duration.ofSeconds(2), Duration.ofMinutes(5),
				Duration.ofSeconds(2), 1, sx.mapping(), null, null, null, null, null, null, false, null, null);
		for (LibraryDirectory library : List.of(zj, hanging)) {
			this.connectors.add(TestLdapConnectors.create(library, library.urls(), properties.zone()));
		}
		DataSource database = TestDatabases.h2();
		ResidentIdHasher hasher = new ResidentIdHasher(properties.identityHmacKey());
		this.runs = new JdbcSyncRuns(database);
		TestSyncEngines.Builder node = TestSyncEngines.node(this.connectors, TestReaderAccounts.jdbc(database, hasher),
				this.runs).hasher(hasher);
		FullSync full = node.full();
		IncrementalSync incremental = node.incremental((library) -> Duration.ofSeconds(60));
		this.scheduler = new SyncScheduler(full, incremental,
				List.of(new SyncScheduler.LibrarySchedule("zj", Duration.ofMillis(200), Duration.ofMillis(50)),
						new SyncScheduler.LibrarySchedule("zj.sx", Duration.ofMillis(200), Duration.ofMillis(50))));
	}

	@AfterEach
	void stop() throws IOException {
		this.blackHole.close();
		this.scheduler.close();
		this.connectors.forEach(AccountReader::close);
		this.directories.close();
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void startWhenOneLibraryHangsThenTheOtherRunsFullAndIncrementalSyncs() throws InterruptedException {
		this.scheduler.start(true);
		assertThat(this.scheduler.started()).isTrue();
		awaitTrue(() -> completed("zj", SyncKind.FULL) >= 2 && completed("zj", SyncKind.INCREMENTAL) >= 2);
		assertThat(this.runs.latest("zj.sx", 10)).isEmpty(); // its first run still waits for an answer
		assertThat(this.runs.latest("zj", SyncKind.FULL, 10)).allMatch(SyncResult::completed);
	}

	@Test
	void startWhenStartedTwiceThenRefused() {
		this.scheduler.start(false);
		assertThatIllegalStateException().isThrownBy(() -> this.scheduler.start(false));
	}

	@Test
	void librarySchedulesWhenIntervalNotPositiveThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SyncScheduler.LibrarySchedule("zj", Duration.ZERO, Duration.ofMinutes(1)));
	}

	@Test
	void schedulesWhenFromPropertiesThenEachLibrarysIntervals() {
		assertThat(SyncScheduler.schedules(DemoDirectories.properties(DemoLibrary.ZJ, DemoLibrary.SX))).containsExactly(
				new SyncScheduler.LibrarySchedule("zj", Duration.ofHours(1), Duration.ofMinutes(1)),
				new SyncScheduler.LibrarySchedule("zj.sx", Duration.ofHours(1), Duration.ofMinutes(1)));
	}

	private long completed(String library, SyncKind kind) {
		return this.runs.latest(library, kind, 10).stream().filter(SyncResult::completed).count();
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited %s for the scheduled runs", WAIT).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}
