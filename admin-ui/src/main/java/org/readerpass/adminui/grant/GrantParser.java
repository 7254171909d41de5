package org.readerpass.adminui.grant;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.readerpass.adminui.problem.FieldProblems;
import org.readerpass.adminui.problem.InvalidRequestException;
import org.readerpass.adminui.text.NetworkText;
import org.readerpass.adminui.text.PolicyText;
import org.readerpass.adminui.text.SubjectText;
import org.readerpass.policy.evaluation.PolicySnapshot;
import org.readerpass.policy.grant.Conditions;
import org.readerpass.policy.grant.Effect;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.NetworkCondition;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.network.NetworkPlan;
import org.readerpass.policy.network.NetworkZone;
import org.readerpass.policy.reader.VerificationLevel;
import org.readerpass.policy.resource.Resource;
import org.readerpass.policy.resource.ResourceRegistry;

/**
 * Turns a {@link GrantRequest} into a {@link Grant}, or reports every invalid field: first each
 * field on its own (with the policy module's own rules), then the whole grant against the network
 * plan and its resource with {@link PolicySnapshot#problems(Grant)}, as the live snapshot will
 * check it.
 */
final class GrantParser {

	/** Instants outside these years are refused: no licence needs them, and databases cap them. */
	private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

	private final NetworkPlan plan;

	private final Function<String, Optional<Resource>> resources;

	private final ZoneId zone;

	/**
	 * @param resources the stored resource of a code
	 * @param zone the time zone of dates without a time
	 */
	GrantParser(NetworkPlan plan, Function<String, Optional<Resource>> resources, ZoneId zone) {
		this.plan = plan;
		this.resources = resources;
		this.zone = zone;
	}

	/**
	 * @param id the grant's id: new on POST, the path's on PUT
	 * @param update whether this is a PUT (where the body may repeat the id)
	 * @throws InvalidRequestException listing every problem
	 */
	Grant parse(GrantRequest request, String id, boolean update) {
		if (request == null) {
			throw InvalidRequestException.of(null, "a JSON object is required");
		}
		FieldProblems problems = new FieldProblems();
		problems.unknown("", request.unknownFields());
		if (request.id() != null && !(update && request.id().equals(id))) {
			problems.add("id", update ? "differs from the id of the path ('" + id + "')"
					: "is assigned by the server: leave it out");
		}
		Effect effect = problems.required("effect", request.effect())
				? problems.parse("effect", () -> PolicyText.effect(request.effect())) : null;
		Subject subject = subject(problems, request.subject());
		Resource resource = resource(problems, request.resource());
		Set<String> actions = actions(problems, request.actions(), resource);
		Conditions conditions = conditions(problems, request);
		problems.throwIfAny();
		Grant grant = problems.parse(null,
				() -> new Grant(id, effect, subject, resource.code(), actions, conditions));
		problems.throwIfAny();
		// the policy module's own check, as the snapshot will make it (all of it was checked above)
		PolicySnapshot check = problems.parse("resource",
				() -> PolicySnapshot.empty(this.plan, ResourceRegistry.of(List.of(resource), this.plan.tree())));
		if (check != null) {
			check.problems(grant).forEach(problem -> problems.add(null, problem));
		}
		problems.throwIfAny();
		return grant;
	}

	private Subject subject(FieldProblems problems, GrantRequest.SubjectRequest request) {
		if (!problems.required("subject", request)) {
			return null;
		}
		problems.unknown("subject.", request.unknownFields());
		String kind = request.kind();
		String value = request.value();
		if (!problems.required("subject.kind", kind)) {
			return null;
		}
		if (!SubjectText.KINDS.contains(kind)) {
			problems.add("subject.kind", "'" + kind + "' is not one of " + SubjectText.KINDS);
			return null;
		}
		if (SubjectText.GROUP.equals(kind)) {
			// refused rather than stored to match nobody (issue 10): directory group membership is not
			// synced yet, so no reader would ever be found in the group
			problems.add("subject.kind", "'group' grants are not accepted yet: directory groups are not synced, "
					+ "so such a grant would match nobody; grant to a reader type, a library or readers instead");
			return null;
		}
		if (request.library() != null) {
			if (!SubjectText.GROUP.equals(kind)) {
				problems.add("subject.library", "only a group subject names a library");
			}
			else if (problems.maxLength("subject.library", request.library(), PolicyStore.MAX_LIBRARY_CODE_LENGTH)) {
				ResourceParser.library(problems, "subject.library", request.library(), this.plan.tree());
			}
		}
		if (!problems.required("subject.value", value)
				|| !problems.maxLength("subject.value", value, PolicyStore.MAX_SUBJECT_VALUE_LENGTH)) {
			return null;
		}
		if (!value.equals(value.strip())) {
			problems.add("subject.value", "must not start or end with spaces");
		}
		switch (kind) {
			case SubjectText.READER, SubjectText.ACCOUNT -> {
				if (!PolicyText.isUuid(value)) {
					problems.add("subject.value", "'" + value + "' is not a UUID");
				}
			}
			case SubjectText.LIBRARY -> ResourceParser.library(problems, "subject.value", value, this.plan.tree());
			case SubjectText.VERIFIED -> problems.parse("subject.value", () -> PolicyText.verification(value));
			default -> {
				// reader types and group names are the directories' own strings
			}
		}
		if (problems.has("subject.value") || problems.has("subject.library")) {
			return null;
		}
		return problems.parse("subject", () -> new SubjectText(kind, value, request.library()).toSubject());
	}

	private Resource resource(FieldProblems problems, String code) {
		if (!problems.required("resource", code)) {
			return null;
		}
		if (!Resource.isValidCode(code)) {
			problems.add("resource", "'" + code + "' is not a resource code");
			return null;
		}
		Optional<Resource> resource = this.resources.apply(code);
		if (resource.isEmpty()) {
			problems.add("resource", "no resource '" + code + "'");
		}
		return resource.orElse(null);
	}

	private static Set<String> actions(FieldProblems problems, List<String> actions, Resource resource) {
		if (actions == null || actions.isEmpty()) {
			problems.add("actions", "needs at least one action, or [\"*\"] for all of them");
			return Set.of();
		}
		if (actions.contains(Grant.ALL_ACTIONS)) {
			if (actions.size() > 1) {
				problems.add("actions", "\"*\" (every action) must stand alone");
			}
			return Set.of(Grant.ALL_ACTIONS);
		}
		Set<String> seen = new HashSet<>();
		Set<String> valid = new LinkedHashSet<>();
		for (int i = 0; i < actions.size(); i++) {
			String action = actions.get(i);
			String field = "actions[" + i + "]";
			if (!Resource.isValidAction(action)) {
				problems.add(field, "'" + action + "' is not an action");
			}
			else if (!seen.add(action)) {
				problems.add(field, "'" + action + "' is listed twice");
			}
			else if (resource != null && !resource.actions().contains(action)) {
				problems.add(field, "resource '" + resource.code() + "' has no action '" + action + "' (it has "
						+ resource.actions() + ")");
			}
			else {
				valid.add(action);
			}
		}
		return valid;
	}

	private Conditions conditions(FieldProblems problems, GrantRequest request) {
		Instant from = instant(problems, "validFrom", request.validFrom(), true);
		Instant until = instant(problems, "validUntil", request.validUntil(), false);
		String untilField = "validUntil";
		if (request.validThrough() != null) {
			untilField = "validThrough";
			if (request.validUntil() != null) {
				problems.add("validThrough", "give validUntil or validThrough, not both");
			}
			else {
				until = problems.parse("validThrough", () -> dayAfter(request.validThrough()));
			}
		}
		if (from != null && until != null && !from.isBefore(until)) {
			problems.add(untilField, "must be after validFrom (the validity window would be empty)");
		}
		NetworkCondition network = network(problems, request.network());
		VerificationLevel minimum = (request.minimumVerification() != null)
				? problems.parse("minimumVerification", () -> PolicyText.verification(request.minimumVerification()))
				: VerificationLevel.NONE;
		if (problems.isEmpty()) {
			Instant validFrom = from;
			Instant validUntil = until;
			return problems.parse(null, () -> new Conditions(validFrom, validUntil, network, minimum));
		}
		return null;
	}

	private Instant instant(FieldProblems problems, String field, String text, boolean dateAllowed) {
		if (text == null) {
			return null;
		}
		Instant instant;
		try {
			if (text.length() == 10 && dateAllowed) {
				instant = LocalDate.parse(text).atStartOfDay(this.zone).toInstant();
			}
			else if (text.length() == 10) {
				problems.add(field, "needs a time and offset (e.g. 2028-01-01T00:00:00+08:00); "
						+ "for an inclusive last day give validThrough instead");
				return null;
			}
			else {
				instant = OffsetDateTime.parse(text).toInstant();
			}
		}
		catch (DateTimeException ex) {
			problems.add(field, "'" + text + "' is not " + (dateAllowed ? "a date (2027-01-01) or " : "")
					+ "an ISO-8601 instant with offset (2027-01-01T00:00:00+08:00 or ...Z)");
			return null;
		}
		return within(problems, field, instant);
	}

	private Instant dayAfter(String date) {
		try {
			return LocalDate.parse(date).plusDays(1).atStartOfDay(this.zone).toInstant();
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("'" + date + "' is not a date such as 2027-12-31");
		}
	}

	private static Instant within(FieldProblems problems, String field, Instant instant) {
		if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
			problems.add(field, "must lie between the years 1970 and 9999");
			return null;
		}
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	private NetworkCondition network(FieldProblems problems, GrantRequest.NetworkRequest request) {
		if (request == null) {
			return NetworkCondition.anywhere();
		}
		problems.unknown("network.", request.unknownFields());
		String kind = request.kind();
		String value = request.value();
		if (!problems.required("network.kind", kind)) {
			return null;
		}
		if (!NetworkText.KINDS.contains(kind)) {
			problems.add("network.kind", "'" + kind + "' is not one of " + NetworkText.KINDS);
			return null;
		}
		if (!NetworkText.hasValue(kind)) {
			if (value != null) {
				problems.add("network.value", "network kind " + kind + " takes no value");
			}
		}
		else if (problems.required("network.value", value)
				&& problems.maxLength("network.value", value, PolicyStore.MAX_LIBRARY_CODE_LENGTH)) {
			if (NetworkText.ON_SITE_WITHIN.equals(kind)) {
				ResourceParser.library(problems, "network.value", value, this.plan.tree());
			}
			else if (!NetworkZone.isValidName(value)) {
				problems.add("network.value", "'" + value + "' is not a zone name");
			}
			else if (this.plan.findZone(value).isEmpty()) {
				problems.add("network.value", "no zone '" + value + "' in the network plan");
			}
		}
		if (problems.has("network.value")) {
			return null;
		}
		return problems.parse("network", () -> new NetworkText(kind, value).toCondition());
	}

}
