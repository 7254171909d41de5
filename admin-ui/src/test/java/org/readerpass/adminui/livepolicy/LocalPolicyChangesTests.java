package org.readerpass.adminui.livepolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LocalPolicyChangesTests {

	@Test
	void publishWhenSubscribedThenEveryListenerRunsOnTheCallingThread() {
		LocalPolicyChanges changes = new LocalPolicyChanges();
		List<String> runs = new ArrayList<>();
		changes.subscribe(() -> runs.add("first " + Thread.currentThread().getName()));
		changes.subscribe(() -> runs.add("second " + Thread.currentThread().getName()));
		changes.publish();
		String thread = Thread.currentThread().getName();
		assertThat(runs).containsExactly("first " + thread, "second " + thread);
	}

	@Test
	void publishWhenListenerThrowsThenOthersStillRunAndPublishReturns() {
		LocalPolicyChanges changes = new LocalPolicyChanges();
		List<String> runs = new ArrayList<>();
		changes.subscribe(() -> {
			throw new IllegalStateException("broken listener");
		});
		changes.subscribe(() -> runs.add("ran"));
		changes.publish();
		assertThat(runs).containsExactly("ran");
	}

	@Test
	void publishWhenNoListenerThenNothingHappens() {
		new LocalPolicyChanges().publish();
	}

}
