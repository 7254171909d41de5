package org.readerpass.adminui.livepolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.readerpass.policy.evaluation.PolicySnapshot;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.network.NetworkPlan;
import org.readerpass.policy.resource.Resource;
import org.readerpass.policy.resource.ResourceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live policy: an immutable {@link PolicySnapshot} built from the network plan and the
 * store (its {@link PolicySource}), swapped whole when the store changes. {@link #current()} is one volatile read, cheap
 * enough for every token.
 *
 * <p>
 * The snapshot is rebuilt when {@link PolicyChanges} signals a change and, as a safety net for a
 * lost signal, when a poll finds that the store's revision moved. A rebuild reads the store's
 * revision first and does nothing more when it is the one held, so repeated signals cost one
 * small query each. A stored resource or grant that does not fit the plan (its library or zone
 * is no longer configured) is left out and reported in {@link #status()}, never allowed to stop
 * the rest. A failed rebuild keeps the snapshot held and is logged; the next signal or poll
 * tries again.
 */
public final class LivePolicy implements Supplier<PolicySnapshot>, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LivePolicy.class);

	private final NetworkPlan plan;

	private final PolicySource store;

	private final Clock clock;

	private final Object rebuildLock = new Object();

	private volatile PolicyStatus loaded;

	private ScheduledExecutorService poll;

	private LivePolicy(NetworkPlan plan, PolicySource store, Clock clock) {
		this.plan = Objects.requireNonNull(plan, "plan");
		this.store = Objects.requireNonNull(store, "store");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Builds the first snapshot (throwing when the store cannot be read: a node must not start
	 * without its policy), then follows the changes.
	 * @param pollInterval how often to compare the store's revision with the one held;
	 * {@code null} or zero for never
	 */
	public static LivePolicy start(NetworkPlan plan, PolicySource store, PolicyChanges changes, Duration pollInterval,
			Clock clock) {
		LivePolicy live = new LivePolicy(plan, store, clock);
		live.loaded = live.build(store.load());
		live.logLoaded(live.loaded);
		changes.subscribe(live::refresh);
		if (pollInterval != null && !pollInterval.isZero() && !pollInterval.isNegative()) {
			live.poll = Executors.newSingleThreadScheduledExecutor(task -> {
				Thread thread = new Thread(task, "policy-revision-poll");
				thread.setDaemon(true);
				return thread;
			});
			long millis = pollInterval.toMillis();
			live.poll.scheduleWithFixedDelay(live::refresh, millis, millis, TimeUnit.MILLISECONDS);
		}
		return live;
	}

	/** The snapshot to evaluate with now. */
	public PolicySnapshot current() {
		return this.loaded.snapshot();
	}

	/** The same as {@link #current()}, for code that takes a {@code Supplier<PolicySnapshot>}. */
	@Override
	public PolicySnapshot get() {
		return current();
	}

	/** The snapshot with its revision, in one read. */
	public PolicyStatus status() {
		return this.loaded;
	}

	/**
	 * Rebuilds the snapshot if the store's revision is not the one held. Never throws: a failure
	 * is logged and the snapshot held stays.
	 * @return whether a new snapshot was swapped in
	 */
	public boolean refresh() {
		try {
			synchronized (this.rebuildLock) {
				if (this.store.revision() == this.loaded.revision()) {
					return false;
				}
				PolicyStatus next = build(this.store.load());
				this.loaded = next;
				logLoaded(next);
				return true;
			}
		}
		catch (RuntimeException ex) {
			log.error("Policy snapshot not rebuilt; keeping revision {}", this.loaded.revision(), ex);
			return false;
		}
	}

	/** Stops the revision poll. */
	@Override
	public void close() {
		if (this.poll != null) {
			this.poll.shutdownNow();
		}
	}

	private PolicyStatus build(StoredPolicy stored) {
		List<String> problems = new ArrayList<>(stored.problems());
		List<Resource> resources = new ArrayList<>();
		for (Resource resource : stored.resources()) {
			if (this.plan.tree().find(resource.ownerLibrary()).isPresent()) {
				resources.add(resource);
			}
			else {
				problems.add("resource '" + resource.code() + "' left out: its owner library '"
						+ resource.ownerLibrary() + "' is not in the network");
			}
		}
		// codes and audiences are unique in the store and owners were checked: this cannot fail
		PolicySnapshot empty = PolicySnapshot.empty(this.plan, ResourceRegistry.of(resources, this.plan.tree()));
		List<Grant> grants = new ArrayList<>();
		for (Grant grant : stored.grants()) {
			List<String> grantProblems = empty.problems(grant);
			if (grantProblems.isEmpty()) {
				grants.add(grant);
			}
			else {
				problems.add("grant '" + grant.id() + "' left out: " + String.join("; ", grantProblems));
			}
		}
		return new PolicyStatus(stored.revision(), Instant.now(this.clock), empty.withGrants(grants), problems);
	}

	private void logLoaded(PolicyStatus loaded) {
		log.info("Policy snapshot loaded revision={} resources={} grants={} leftOut={}", loaded.revision(),
				loaded.resourceCount(), loaded.grantCount(), loaded.problems().size());
		loaded.problems().forEach(problem -> log.warn("Policy snapshot: {}", problem));
	}

}
