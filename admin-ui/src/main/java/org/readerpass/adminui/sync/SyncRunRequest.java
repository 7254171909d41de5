package org.readerpass.adminui.sync;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/admin/sync/libraries/{code}/runs}. Fields the API does not know are
 * refused, not ignored.
 */
@Schema(name = "SyncRunRequest", description = "Which kind of sync to run now", requiredProperties = { "kind" },
		additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record SyncRunRequest(
		@Schema(description = "full or incremental", allowableValues = { "full", "incremental" },
				example = "full") String kind,
		@Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {
}
