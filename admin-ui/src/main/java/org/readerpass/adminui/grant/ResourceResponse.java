package org.readerpass.adminui.grant;

import java.util.List;

import org.readerpass.policy.resource.Resource;

/** A resource as the admin API shows it (the audit keeps the same fields: {@code AuditFormat.json()}). */
public record ResourceResponse(String code, String nameZh, String nameEn, String ownerLibrary, String audience,
		List<String> actions) {

	public static ResourceResponse of(Resource resource) {
		return new ResourceResponse(resource.code(), resource.nameZh(), resource.nameEn(), resource.ownerLibrary(),
				resource.audience().toString(), resource.actions());
	}

}
