package org.readerpass.policy.evaluation;

import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.resource.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for any grants, reader, address and instant, the indexed evaluator decides exactly
 * what {@link ReferenceEvaluator} (a scan of every grant) decides: allowed and denied actions,
 * the matching grants with their failed conditions, and the next change. Each world is built
 * from its seed; a failure names the seed, and {@code -Dpolicy.seed=<seed>} reruns only it.
 */
class PolicySnapshotPropertyTests {

	private static final int WORLDS = 400;

	private static final int EVALUATIONS_PER_WORLD = 60;

	@TestFactory
	Stream<DynamicTest> evaluateWhenRandomWorldThenAgreesWithNaiveReference() {
		String only = System.getProperty("policy.seed");
		LongStream seeds = (only != null) ? LongStream.of(Long.parseLong(only))
				: LongStream.range(0, WORLDS).map(i -> 0x5EED_0000L + i);
		return seeds.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
	}

	private static void check(long seed) {
		RandomWorld world = new RandomWorld(seed);
		PolicySnapshot snapshot = PolicySnapshot.of(world.plan, world.resources, world.grants);
		for (int evaluation = 0; evaluation < EVALUATIONS_PER_WORLD; evaluation++) {
			int i = evaluation;
			ReaderContext reader = world.reader();
			Resource resource = world.anyResource();
			ReferenceEvaluator.Result expected = ReferenceEvaluator.evaluate(world.plan, world.grants, reader,
					resource);
			ReferenceEvaluator.Result actual = ReferenceEvaluator.of(snapshot.evaluate(reader, resource));
			assertThat(actual)
				.as(() -> "seed " + seed + ", evaluation " + i + ": " + reader + " address=" + reader.clientAddress()
						+ " groups=" + reader.groups() + " on " + resource.code() + "\ngrants:\n"
						+ String.join("\n", snapshot.grantsFor(resource.code())
							.stream()
							.map(grant -> grant.id() + " " + grant.describe())
							.toList()))
				.isEqualTo(expected);
		}
	}

}
