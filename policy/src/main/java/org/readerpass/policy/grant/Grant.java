package org.readerpass.policy.grant;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.readerpass.policy.resource.Resource;

/**
 * An admin's assignment: the subject may (ALLOW) or may not (DENY) perform the actions on the
 * resource, under the conditions. Whether the resource and actions exist is checked when the
 * grant joins a policy snapshot.
 *
 * @param id stable id (letters, digits, {@code . _ : -}; e.g. a UUID), unique in a snapshot
 * @param effect allow or deny
 * @param subject who
 * @param resourceCode which resource
 * @param actions which of the resource's actions, or {@code {"*"}} ({@link #ALL_ACTIONS}) for all
 * of them, including actions the resource gains later
 * @param conditions when and where ({@code null}: {@link Conditions#NONE})
 */
public record Grant(String id, Effect effect, Subject subject, String resourceCode, Set<String> actions,
		Conditions conditions) {

	/** The one-element action set meaning "every action of the resource". */
	public static final String ALL_ACTIONS = "*";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

	public Grant {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("grant id '" + id + "' must be 1-128 letters, digits, '.', '_', ':', '-'");
		}
		Objects.requireNonNull(effect, "effect");
		Objects.requireNonNull(subject, "subject");
		if (!Resource.isValidCode(resourceCode)) {
			throw new IllegalArgumentException("grant '" + id + "' names a malformed resource '" + resourceCode + "'");
		}
		actions = Set.copyOf(actions);
		if (actions.isEmpty()) {
			throw new IllegalArgumentException("grant '" + id + "' needs at least one action (or \"*\" for all)");
		}
		if (actions.contains(ALL_ACTIONS) && actions.size() > 1) {
			throw new IllegalArgumentException("grant '" + id + "' lists \"*\" with other actions");
		}
		for (String action : actions) {
			if (!ALL_ACTIONS.equals(action) && !Resource.isValidAction(action)) {
				throw new IllegalArgumentException("grant '" + id + "' action '" + action + "' is malformed");
			}
		}
		conditions = (conditions != null) ? conditions : Conditions.NONE;
	}

	public static Grant allow(String id, Subject subject, String resourceCode, Set<String> actions) {
		return new Grant(id, Effect.ALLOW, subject, resourceCode, actions, Conditions.NONE);
	}

	public static Grant deny(String id, Subject subject, String resourceCode, Set<String> actions) {
		return new Grant(id, Effect.DENY, subject, resourceCode, actions, Conditions.NONE);
	}

	public Grant withConditions(Conditions conditions) {
		return new Grant(this.id, this.effect, this.subject, this.resourceCode, this.actions, conditions);
	}

	public boolean coversAllActions() {
		return this.actions.contains(ALL_ACTIONS);
	}

	/** E.g. {@code ALLOW library:zj.sx nlc-ebooks [download, read] (on site within zj.sx)}. */
	public String describe() {
		return this.effect + " " + this.subject.describe() + " " + this.resourceCode + " " + new TreeSet<>(this.actions)
				+ " (" + this.conditions.describe() + ")";
	}

}
