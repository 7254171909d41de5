package org.readerpass.adminui.grant;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.media.Schema;
import org.readerpass.adminui.text.NetworkText;
import org.readerpass.adminui.text.PolicyText;
import org.readerpass.adminui.text.SubjectText;
import org.readerpass.policy.grant.Grant;

/**
 * A grant as the admin API shows it (the audit keeps the same fields: {@code AuditFormat.json()}).
 * Instants are ISO-8601 in UTC; {@code description} is the policy module's one-line summary.
 */
public record GrantResponse(String id, String effect, SubjectText subject, String resource, List<String> actions,
		@Schema(types = { "string", "null" }, format = "date-time") String validFrom,
		@Schema(types = { "string", "null" }, format = "date-time") String validUntil, NetworkText network,
		String minimumVerification, String description) {

	public static GrantResponse of(Grant grant) {
		return new GrantResponse(grant.id(), PolicyText.effect(grant.effect()), SubjectText.of(grant.subject()),
				grant.resourceCode(), List.copyOf(new TreeSet<>(grant.actions())),
				text(grant.conditions().validFrom()), text(grant.conditions().validUntil()),
				NetworkText.of(grant.conditions().network()), grant.conditions().minimumVerification().code(),
				grant.describe());
	}

	static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
