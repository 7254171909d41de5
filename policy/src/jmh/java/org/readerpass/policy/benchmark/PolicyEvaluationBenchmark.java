package org.readerpass.policy.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.readerpass.policy.entitlement.Entitlements;
import org.readerpass.policy.entitlement.FederationRule;
import org.readerpass.policy.evaluation.Decision;
import org.readerpass.policy.evaluation.PolicySnapshot;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.resource.Resource;

/**
 * One reader × one resource against 1,000 resources, 100 libraries and {@code grants} grants.
 * Sample-time mode, so the report has the median (p0.50); run with {@code -prof gc} for
 * bytes allocated per evaluation ({@code gc.alloc.rate.norm}).
 *
 * <ul>
 * <li>{@code randomPair}: a different random reader and resource each call (1,024 of each,
 * round robin): the typical token request.</li>
 * <li>{@code busyPair}: the same reader and resource each call, matched by exactly six grants
 * of every subject kind, with window, on-site and verification conditions; the resource also
 * holds {@code grants / 1000} grants of every subject kind for other readers.</li>
 * <li>{@code busyPairEntitlements}: the same, plus building the {@code entitlements} claim
 * values.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class PolicyEvaluationBenchmark {

	private static final int PAIRS = 1024;

	@Param({ "1000", "10000" })
	int grants;

	private PolicySnapshot snapshot;

	private final ReaderContext[] readers = new ReaderContext[PAIRS];

	private final Resource[] resources = new Resource[PAIRS];

	private ReaderContext busyReader;

	private Resource busyResource;

	private Entitlements entitlements;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		BenchmarkWorld world = new BenchmarkWorld(this.grants, 20261201L);
		this.busyResource = world.resources.get(0);
		List<Grant> busyGrants = new ArrayList<>(world.snapshot.grants());
		this.busyReader = world.busyReader(this.busyResource, busyGrants);
		this.snapshot = world.snapshot.withGrants(busyGrants);
		for (int i = 0; i < PAIRS; i++) {
			this.readers[i] = world.randomReader();
			this.resources[i] = world.resources.get((i * 7919) % world.resources.size());
		}
		this.entitlements = Entitlements.of("zj",
				List.of(new FederationRule(this.busyResource.code(), "urn:mace:dir:entitlement:common-lib-terms")));
		Decision busy = this.snapshot.evaluate(this.busyReader, this.busyResource);
		if (busy.reasons().size() != 6) {
			throw new IllegalStateException("the busy scenario should match six grants: " + busy.explain());
		}
	}

	@Benchmark
	public Decision randomPair() {
		int i = this.next++ & (PAIRS - 1);
		return this.snapshot.evaluate(this.readers[i], this.resources[i]);
	}

	@Benchmark
	public Decision busyPair() {
		return this.snapshot.evaluate(this.busyReader, this.busyResource);
	}

	@Benchmark
	public List<String> busyPairEntitlements() {
		return this.entitlements.values(this.snapshot.evaluate(this.busyReader, this.busyResource));
	}

}
