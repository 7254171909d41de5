package org.readerpass.authserver.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API's OpenAPI (3.1) description at {@code /v3/api-docs/admin} (and {@code /v3/api-docs}):
 * the committed document {@value #RESOURCE}, served as it is. The test {@code OpenApiTests}
 * generates the description from the running application with springdoc (the controllers'
 * {@code @Operation}, {@code @ApiResponse} and {@code @Schema}, of admin-ui's and this module's,
 * and what every operation shares, {@code AdminApiDocumentation}) and fails when the two differ,
 * so the document cannot fall behind the API; springdoc and what it brings (swagger-core,
 * Jackson 2, SnakeYAML: ~1,000 classes) stay out of the application. Read once: nothing in a request changes it. Who may read it is the admin API
 * chain's decision (admins only).
 */
@RestController
final class AdminApiDocument {

	/** The document, beside this class on the class path. */
	static final String RESOURCE = "admin-api.json";

	private final byte[] document;

	AdminApiDocument() {
		try (InputStream in = AdminApiDocument.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("the admin API's OpenAPI description " + RESOURCE + " is missing");
			}
			this.document = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping(path = { "/v3/api-docs/admin", "/v3/api-docs" }, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> document() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.document);
	}

}
