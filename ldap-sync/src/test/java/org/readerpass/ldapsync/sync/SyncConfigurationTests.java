package org.readerpass.ldapsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.ReaderAccounts;
import org.readerpass.ldapsync.testsupport.LdapSyncContexts;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;

/**
 * {@link SyncConfiguration} as the module imports it (the demo directories, H2): the start-up sync,
 * the scheduler and the coordinator's shutdown.
 */
class SyncConfigurationTests {

	private final ApplicationContextRunner runner = LdapSyncContexts.demo();

	@Test
	void startupSyncWhenDemoThenSchedulerStarted() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(StartupSync.class);
			context.getBean(StartupSync.class).run(new DefaultApplicationArguments());
			assertThat(context.getBean(SyncScheduler.class).started()).isTrue();
		});
	}

	@Test
	void startWhenScheduleOffThenSchedulerNotStarted() {
		this.runner.withPropertyValues("readerpass.directory.schedule-enabled=false").run((context) -> {
			context.getBean(StartupSync.class).run(new DefaultApplicationArguments());
			assertThat(context.getBean(ReaderAccounts.class).findByCardNumber("ZJ0001")).hasSize(1);
			assertThat(context.getBean(SyncScheduler.class).started()).isFalse();
			assertThat(context.getBean(IncrementalSync.class).run("zj").completed()).isTrue();
		});
	}

	@Test
	void closeWhenContextClosedThenSyncCoordinatorClosedAndNoFullRunStarts() {
		AtomicReference<LibrarySyncCoordinator> coordinator = new AtomicReference<>();
		this.runner.run((context) -> {
			coordinator.set(context.getBean(LibrarySyncCoordinator.class));
			assertThat(context.getBean(FullSync.class).run("zj").completed()).isTrue();
		});
		SyncResult afterClose = new DirectoryFullSync(coordinator.get()).run("zj");
		assertThat(afterClose.runId()).isNull();
		assertThat(afterClose.error()).contains("closed");
	}

	/**
	 * The syncs stop while the context's lifecycle beans stop, before those of phase 0 (Lettuce's
	 * connection factory is one: once it has stopped, a run could not give its Redis sync lease
	 * back), not only when the beans are destroyed.
	 */
	@Test
	void closeWhenContextClosedThenSyncsStoppedBeforePhaseZeroLifecyclesStop() {
		AtomicReference<LibrarySyncCoordinator> coordinator = new AtomicReference<>();
		AtomicBoolean stoppedFirst = new AtomicBoolean();
		AtomicBoolean phaseZeroStopped = new AtomicBoolean();
		this.runner.withBean("phaseZero", SmartLifecycle.class, () -> new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				this.running = true;
			}

			@Override
			public void stop() {
				phaseZeroStopped.set(true);
				stoppedFirst.set(coordinator.get().closed());
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

			@Override
			public int getPhase() {
				return 0;
			}

		}).run((context) -> coordinator.set(context.getBean(LibrarySyncCoordinator.class)));
		assertThat(phaseZeroStopped).isTrue();
		assertThat(stoppedFirst).as("the coordinator was closed before the phase-0 lifecycle stopped").isTrue();
	}

}
