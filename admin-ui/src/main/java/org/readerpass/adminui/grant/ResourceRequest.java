package org.readerpass.adminui.grant;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/admin/resources} and {@code PUT /api/admin/resources/{code}}.
 * Every field is checked (see {@link PolicyAdministration}); fields the API does not know are
 * refused, not ignored.
 */
@Schema(name = "ResourceRequest", description = "A resource to create or the new state of one")
public record ResourceRequest(
		@Schema(description = "lower-case letters, digits and '-', at most 63; used in entitlement URNs; "
				+ "on PUT absent or the code of the path", example = "nlc-ebooks") String code,
		@Schema(description = "Chinese name", example = "国家图书馆电子书") String nameZh,
		@Schema(description = "English name", example = "NLC e-books") String nameEn,
		@Schema(description = "code of the library that owns (licenses) it", example = "zj") String ownerLibrary,
		@Schema(description = "the resource server: RFC 8707 resource value and the token's aud; absolute ASCII URI, "
				+ "no fragment, unique", example = "https://ebooks.nlc.example/") String audience,
		@Schema(description = "what readers may do, in display order", example = "[\"read\", \"download\"]")
		List<String> actions,
		@Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {

}
