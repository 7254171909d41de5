package org.readerpass.authserver.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.keys.KeyProperties.Rotation;

import static org.assertj.core.api.Assertions.assertThat;

/** What each key of an algorithm is at an instant, and what the schedule asks for, from stored instants alone. */
class KeyTimelineTests {

	private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

	private static final Rotation ROTATION = new Rotation(Duration.ofDays(90), Duration.ofDays(1), Duration.ofDays(1),
			Duration.ofMinutes(1));

	private static StoredKey key(int serial, Instant activatesAt, Instant retiresAt) {
		return new StoredKey("kid-" + serial, "ES256", serial, "{}", "sealed", activatesAt, activatesAt, retiresAt);
	}

	@Test
	void dueActivationWhenNoKeyThenAFirstKeySigningAtOnce() {
		assertThat(new KeyTimeline(List.of()).dueActivation(T0, ROTATION)).contains(T0);
	}

	@Test
	void dueActivationWhenCurrentKeyYoungThenNothing() {
		KeyTimeline timeline = new KeyTimeline(List.of(key(1, T0, null)));
		assertThat(timeline.dueActivation(T0.plus(Duration.ofDays(88)), ROTATION)).isEmpty();
		assertThat(timeline.dueActivation(T0.plus(Duration.ofDays(89)).minusSeconds(1), ROTATION)).isEmpty();
	}

	@Test
	void dueActivationWhenCurrentDueWithinPublishAheadThenSuccessorAtTheEndOfThePeriod() {
		KeyTimeline timeline = new KeyTimeline(List.of(key(1, T0, null)));
		assertThat(timeline.dueActivation(T0.plus(Duration.ofDays(89)), ROTATION)).contains(T0.plus(Duration.ofDays(90)));
		assertThat(timeline.nextSerial()).isEqualTo(2);
	}

	@Test
	void dueActivationWhenCheckedLateThenSuccessorStillPublishedAFullPublishAheadBeforeItSigns() {
		Instant late = T0.plus(Duration.ofDays(120)); // the server was down past the due date
		KeyTimeline timeline = new KeyTimeline(List.of(key(1, T0, null)));
		assertThat(timeline.dueActivation(late, ROTATION)).contains(late.plus(Duration.ofDays(1)));
	}

	@Test
	void dueActivationWhenSuccessorPublishedThenNothing() {
		Instant activation = T0.plus(Duration.ofDays(90));
		KeyTimeline timeline = new KeyTimeline(
				List.of(key(1, T0, activation.plus(Duration.ofDays(1))), key(2, activation, null)));
		assertThat(timeline.dueActivation(T0.plus(Duration.ofDays(89).plusHours(1)), ROTATION)).isEmpty();
	}

	@Test
	void stateAtWhenTimePassesThenNextCurrentPreviousRetired() {
		Instant activation = T0.plus(Duration.ofDays(90));
		Instant retirement = activation.plus(Duration.ofDays(1));
		StoredKey first = key(1, T0, retirement);
		StoredKey second = key(2, activation, null);
		KeyTimeline timeline = new KeyTimeline(List.of(second, first));

		Instant before = activation.minusMillis(1);
		assertThat(timeline.stateAt(first, before)).isEqualTo(KeyState.CURRENT);
		assertThat(timeline.stateAt(second, before)).isEqualTo(KeyState.NEXT);
		assertThat(timeline.signingAt(before)).contains(first);

		assertThat(timeline.stateAt(first, activation)).isEqualTo(KeyState.PREVIOUS);
		assertThat(timeline.stateAt(second, activation)).isEqualTo(KeyState.CURRENT);
		assertThat(timeline.signingAt(activation)).contains(second);

		assertThat(timeline.stateAt(first, retirement.minusMillis(1))).isEqualTo(KeyState.PREVIOUS);
		assertThat(timeline.stateAt(first, retirement)).isEqualTo(KeyState.RETIRED);
		assertThat(first.publishedAt(retirement)).isFalse();
	}

	@Test
	void signingAtWhenTwoActivateAtTheSameInstantThenTheHigherSerial() {
		StoredKey first = key(1, T0, null);
		StoredKey second = key(2, T0, null);
		assertThat(new KeyTimeline(List.of(second, first)).signingAt(T0)).contains(second);
	}

	@Test
	void signingAtWhenEveryKeyRetiredThenNoneAndScheduleAsksForAKeyAtOnce() {
		KeyTimeline timeline = new KeyTimeline(List.of(key(1, T0, T0.plusSeconds(10))));
		assertThat(timeline.signingAt(T0.plusSeconds(10))).isEmpty();
		assertThat(timeline.dueActivation(T0.plusSeconds(10), ROTATION)).contains(T0.plusSeconds(10));
	}

}
