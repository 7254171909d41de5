package org.readerpass.adminui.audit;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import org.readerpass.adminui.text.NetworkText;
import org.readerpass.adminui.text.PolicyText;
import org.readerpass.adminui.text.SubjectText;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.resource.Resource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AuditFormat#json()}: the audit's own records of a resource and a grant, the same fields
 * as the admin API's {@code ResourceResponse} and {@code GrantResponse} (a test keeps them so),
 * but not those types: what the audit stores does not follow the API's classes.
 */
final class JsonAuditFormat implements AuditFormat {

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public String resource(Resource resource) {
		return this.json.writeValueAsString(new AuditedResource(resource.code(), resource.nameZh(),
				resource.nameEn(), resource.ownerLibrary(), resource.audience().toString(), resource.actions()));
	}

	@Override
	public String grant(Grant grant) {
		return this.json.writeValueAsString(new AuditedGrant(grant.id(), PolicyText.effect(grant.effect()),
				SubjectText.of(grant.subject()), grant.resourceCode(), List.copyOf(new TreeSet<>(grant.actions())),
				text(grant.conditions().validFrom()), text(grant.conditions().validUntil()),
				NetworkText.of(grant.conditions().network()), grant.conditions().minimumVerification().code(),
				grant.describe()));
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/** A resource as the audit keeps it. */
	record AuditedResource(String code, String nameZh, String nameEn, String ownerLibrary, String audience,
			List<String> actions) {

	}

	/** A grant as the audit keeps it: instants ISO-8601 in UTC, {@code description} the policy module's. */
	record AuditedGrant(String id, String effect, SubjectText subject, String resource, List<String> actions,
			String validFrom, String validUntil, NetworkText network, String minimumVerification,
			String description) {

	}

}
