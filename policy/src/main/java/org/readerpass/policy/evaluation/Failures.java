package org.readerpass.policy.evaluation;

import java.util.EnumSet;
import java.util.Set;

/** Condition failures as bits, each combination's immutable set made once. */
final class Failures {

	private static final ConditionFailure[] ALL = ConditionFailure.values();

	private static final Set<ConditionFailure>[] SETS = sets();

	private Failures() {
	}

	static int bit(ConditionFailure failure) {
		return 1 << failure.ordinal();
	}

	static Set<ConditionFailure> set(int bits) {
		return SETS[bits];
	}

	@SuppressWarnings("unchecked")
	private static Set<ConditionFailure>[] sets() {
		Set<ConditionFailure>[] sets = new Set[1 << ALL.length];
		for (int bits = 0; bits < sets.length; bits++) {
			EnumSet<ConditionFailure> set = EnumSet.noneOf(ConditionFailure.class);
			for (ConditionFailure failure : ALL) {
				if ((bits & bit(failure)) != 0) {
					set.add(failure);
				}
			}
			sets[bits] = Set.copyOf(set);
		}
		return sets;
	}

}
