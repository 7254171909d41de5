package org.readerpass.adminui.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.readerpass.policy.grant.Effect;
import org.readerpass.policy.reader.VerificationLevel;

/**
 * The text of the small policy values, as the store keeps them and the admin API reads and shows
 * them: effects, verification levels, action lists, UUIDs.
 */
public final class PolicyText {

	/** {@code allow}, {@code deny}. */
	public static final List<String> EFFECTS = List.of("allow", "deny");

	/** {@code none}, {@code card}, {@code real-name}. */
	public static final List<String> VERIFICATION_LEVELS = Arrays.stream(VerificationLevel.values())
		.map(VerificationLevel::code)
		.toList();

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private PolicyText() {
	}

	public static String effect(Effect effect) {
		return effect.name().toLowerCase(Locale.ROOT);
	}

	/** @throws IllegalArgumentException unless {@code allow} or {@code deny} */
	public static Effect effect(String text) {
		if (!EFFECTS.contains(text)) {
			throw new IllegalArgumentException("effect '" + text + "' is not one of " + EFFECTS);
		}
		return Effect.valueOf(text.toUpperCase(Locale.ROOT));
	}

	/** @throws IllegalArgumentException unless a {@link VerificationLevel#code()} */
	public static VerificationLevel verification(String code) {
		return VerificationLevel.fromCode(code)
			.orElseThrow(() -> new IllegalArgumentException(
					"verification level '" + code + "' is not one of " + VERIFICATION_LEVELS));
	}

	/** A canonical 8-4-4-4-12 hex UUID ({@link java.util.UUID#fromString} accepts more). */
	public static boolean isUuid(String text) {
		return text != null && UUID_TEXT.matcher(text).matches();
	}

	/** Actions as stored: separated by one space (actions never contain spaces). */
	public static String joinActions(Iterable<String> actions) {
		return String.join(" ", actions);
	}

	public static List<String> splitActions(String stored) {
		return List.of(stored.split(" "));
	}

}
