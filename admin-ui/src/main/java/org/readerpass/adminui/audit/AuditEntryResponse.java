package org.readerpass.adminui.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An audit entry as the admin API shows it: {@code before} and {@code after} are the resource or
 * grant as this API showed it then ({@code null} before a create and after a delete).
 */
public record AuditEntryResponse(long id, String at, String actor,
		@Schema(types = { "string", "null" }) String clientId, String operation,
		String targetKind, String targetId, long revision,
		@Schema(types = { "object", "null" }, description = "the target before the change; null before a create")
		@JsonRawValue String before,
		@Schema(types = { "object", "null" }, description = "the target after the change; null after a delete")
		@JsonRawValue String after) {

	static AuditEntryResponse of(AuditEntry entry) {
		return new AuditEntryResponse(entry.id(), entry.at().toString(), entry.actor(), entry.clientId(),
				entry.operation(), entry.targetKind(), entry.targetId(), entry.revision(), entry.before(),
				entry.after());
	}

}
