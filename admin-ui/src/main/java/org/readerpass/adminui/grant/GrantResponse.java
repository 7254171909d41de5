package org.readerpass.adminui.api;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import org.readerpass.adminui.form.Forms;
import org.readerpass.adminui.form.NetworkForm;
import org.readerpass.adminui.form.SubjectForm;
import org.readerpass.policy.grant.Grant;

/**
 * A grant as the admin API shows it (and as the audit records it). Instants are ISO-8601 in UTC;
 * {@code description} is the policy module's one-line summary.
 */
public record GrantResponse(String id, String effect, SubjectForm subject, String resource, List<String> actions,
		String validFrom, String validUntil, NetworkForm network, String minimumVerification, String description) {

	public static GrantResponse of(Grant grant) {
		return new GrantResponse(grant.id(), Forms.effect(grant.effect()), SubjectForm.of(grant.subject()),
				grant.resourceCode(), List.copyOf(new TreeSet<>(grant.actions())),
				text(grant.conditions().validFrom()), text(grant.conditions().validUntil()),
				NetworkForm.of(grant.conditions().network()), grant.conditions().minimumVerification().code(),
				grant.describe());
	}

	static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
