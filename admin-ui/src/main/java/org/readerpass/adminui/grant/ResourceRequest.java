package org.readerpass.adminui.grant;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/admin/resources} and {@code PUT /api/admin/resources/{code}}.
 * Every field is checked (see {@link PolicyAdministration}); fields the API does not know are
 * refused, not ignored.
 */
@Schema(name = "ResourceRequest", description = "A resource to create or the new state of one",
		requiredProperties = { "nameZh", "nameEn", "ownerLibrary", "audience", "actions" },
		additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record ResourceRequest(
		@Schema(description = "lower-case letters, digits and '-', at most 63; used in entitlement URNs; "
				+ "required on POST; on PUT absent or the code of the path", example = "nlc-ebooks",
				pattern = "[a-z0-9][a-z0-9-]{0,62}", maxLength = 63) String code,
		@Schema(description = "Chinese name", example = "国家图书馆电子书", minLength = 1, maxLength = 256) String nameZh,
		@Schema(description = "English name", example = "NLC e-books", minLength = 1, maxLength = 256) String nameEn,
		@Schema(description = "code of a library of the network that owns (licenses) it", example = "zj",
				pattern = "[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*", maxLength = 128) String ownerLibrary,
		@Schema(description = "the resource server: RFC 8707 resource value and the token's aud; absolute ASCII URI, "
				+ "no fragment, unique", example = "https://ebooks.nlc.example/", format = "uri", maxLength = 1024)
		String audience,
		@ArraySchema(arraySchema = @Schema(description = "what readers may do, in display order",
				example = "[\"read\", \"download\"]"), minItems = 1, maxItems = 64, uniqueItems = true,
				schema = @Schema(pattern = "[a-z][a-z0-9-]{0,31}")) List<String> actions,
		@Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {

}
