package org.readerpass.adminui.grant;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/admin/grants} and {@code PUT /api/admin/grants/{id}}. Every field is
 * checked (see {@link PolicyAdministration}); fields the API does not know are refused, not
 * ignored. Dates without a time are days in the network's time zone
 * ({@code readerpass.admin.time-zone}).
 */
@Schema(name = "GrantRequest", description = "A grant to create or the new state of one",
		requiredProperties = { "effect", "subject", "resource", "actions" },
		additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record GrantRequest(
		@Schema(description = "assigned by the server: absent on POST; on PUT absent or the id of the path",
				format = "uuid") String id,
		@Schema(description = "allow or deny; a deny that applies wins over every allow",
				allowableValues = { "allow", "deny" }) String effect,
		SubjectRequest subject,
		@Schema(description = "code of a stored resource", example = "nlc-ebooks", pattern = "[a-z0-9][a-z0-9-]{0,62}",
				maxLength = 63) String resource,
		@ArraySchema(arraySchema = @Schema(description = "some of the resource's actions, or [\"*\"] (alone) for all "
				+ "of them (also ones added later)", example = "[\"read\"]"), minItems = 1, maxItems = 64, uniqueItems = true,
				schema = @Schema(pattern = "\\*|[a-z][a-z0-9-]{0,31}")) List<String> actions,
		@Schema(description = "first instant of validity (ISO-8601 instant), or a date: from the start of that day; "
				+ "absent: always", example = "2027-01-01") String validFrom,
		@Schema(description = "first instant of no longer being valid (ISO-8601 instant, exclusive); absent: no end",
				example = "2028-01-01T00:00:00+08:00") String validUntil,
		@Schema(description = "instead of validUntil: the last day of validity, inclusive (a date)",
				example = "2027-12-31") String validThrough,
		NetworkRequest network,
		@Schema(description = "the reader's verification level must be at least this; absent: none",
				allowableValues = { "none", "card", "real-name" }) String minimumVerification,
		@Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {

	/** Who: see the kinds. */
	@Schema(name = "SubjectRequest", requiredProperties = { "kind", "value" },
			additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
	public record SubjectRequest(
			@Schema(description = "reader (value: person UUID), account (value: account UUID), reader-type "
					+ "(value: type), group (value: group name, library: optional directory's library), "
					+ "library (value: library code: readers of that subtree), verified (value: none, card or "
					+ "real-name: every reader verified at least so much)",
					allowableValues = { "reader", "account", "reader-type", "group", "library", "verified" })
			String kind,
			@Schema(minLength = 1, maxLength = 256) String value,
			@Schema(description = "group subjects only: the library whose directory holds the group",
					pattern = "[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*",
					maxLength = 128) String library,
			@Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {

	}

	/** Where the reader must be; absent: anywhere. */
	@Schema(name = "NetworkRequest", requiredProperties = { "kind" },
			additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
	public record NetworkRequest(
			@Schema(description = "anywhere, on-site-at-home-library, on-site-within (value: library code: that "
					+ "subtree's on-site ranges), in-zone (value: zone name)",
					allowableValues = { "anywhere", "on-site-at-home-library", "on-site-within", "in-zone" })
			String kind,
			@Schema(description = "on-site-within: a library code; in-zone: a zone name; other kinds: absent",
					maxLength = 128) String value,
			@Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {

	}

}
