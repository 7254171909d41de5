package org.readerpass.policy.resource;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A digital resource or service that grants give access to.
 *
 * @param code lower-case code used in entitlement URNs, e.g. {@code nlc-ebooks}
 * @param nameZh the Chinese name
 * @param nameEn the English name
 * @param ownerLibrary code of the library that owns (licenses) it
 * @param audience the resource server: the RFC 8707 {@code resource} value clients send and
 * the access token's {@code aud}; absolute, without fragment
 * @param actions what a reader may do with it ({@code read}, {@code download}, ...): distinct
 * lower-case tokens, at least one and at most {@value #MAX_ACTIONS}, in display order
 */
public record Resource(String code, String nameZh, String nameEn, String ownerLibrary, URI audience,
		List<String> actions) {

	public static final int MAX_ACTIONS = 64;

	private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]{0,31}");

	public Resource {
		if (!isValidCode(code)) {
			throw new IllegalArgumentException(
					"resource code '" + code + "' must be lower-case letters, digits and '-' (at most 63)");
		}
		Objects.requireNonNull(nameZh, "nameZh");
		Objects.requireNonNull(nameEn, "nameEn");
		Objects.requireNonNull(ownerLibrary, "ownerLibrary");
		Objects.requireNonNull(audience, "audience");
		if (!audience.isAbsolute() || audience.getRawFragment() != null) {
			throw new IllegalArgumentException(
					"resource '" + code + "' audience '" + audience + "' must be an absolute URI without fragment");
		}
		actions = List.copyOf(actions);
		if (actions.isEmpty() || actions.size() > MAX_ACTIONS) {
			throw new IllegalArgumentException("resource '" + code + "' needs 1.." + MAX_ACTIONS + " actions");
		}
		for (String action : actions) {
			if (!isValidAction(action)) {
				throw new IllegalArgumentException("resource '" + code + "' action '" + action
						+ "' must be a lower-case token such as read or download");
			}
		}
		if (new LinkedHashSet<>(actions).size() != actions.size()) {
			throw new IllegalArgumentException("resource '" + code + "' lists an action twice: " + actions);
		}
	}

	public static boolean isValidCode(String code) {
		return code != null && CODE.matcher(code).matches();
	}

	public static boolean isValidAction(String action) {
		return action != null && ACTION.matcher(action).matches();
	}

	/** The action's position in {@link #actions()}, or -1. */
	public int actionIndex(String action) {
		return this.actions.indexOf(action);
	}

}
