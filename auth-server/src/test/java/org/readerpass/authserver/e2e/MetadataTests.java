package org.readerpass.authserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.ReaderPassServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Discovery (OIDC Discovery §3, RFC 8414 §2) advertises exactly what a client can use, and a grant
 * it does not advertise answers {@code unsupported_grant_type} (RFC 6749 §5.2).
 */
@ReaderPassServerTest
class MetadataTests {

	private static final String STATS = "Authorization: Basic c3gtc3RhdHM6c3gtc3RhdHMtZGVtby1zZWNyZXQ=";

	@LocalServerPort
	int port;

	@Test
	void metadataWhenFetchedThenAdvertisesOnlyWhatWorks() throws Exception {
		for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
			Map<String, Object> metadata = JSONObjectUtils.parse(
					RawHttp.send(this.port, "GET", path, List.of("Host: localhost:" + this.port), null).body());

			assertThat(metadata.get("token_endpoint_auth_methods_supported")).as(path)
				.isEqualTo(List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none"));
			for (String endpoint : List.of("token", "revocation", "introspection")) {
				assertThat(metadata.get(endpoint + "_endpoint_auth_signing_alg_values_supported")).as(path)
					.isEqualTo(List.of("RS256", "ES256", "PS256"));
			}
			assertThat(metadata.get("revocation_endpoint_auth_methods_supported")).as(path + ": public clients revoke too")
				.isEqualTo(List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none"));
			assertThat(metadata.get("introspection_endpoint_auth_methods_supported")).as(path)
				.isEqualTo(List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
			assertThat(metadata.get("grant_types_supported")).as(path)
				.isEqualTo(List.of("authorization_code", "client_credentials", "refresh_token",
						"urn:ietf:params:oauth:grant-type:device_code"));
			assertThat(metadata).as(path)
				.doesNotContainKeys("tls_client_certificate_bound_access_tokens", "dpop_signing_alg_values_supported");
		}
	}

	@Test
	void tokenWhenGrantNotSupportedThenUnsupportedGrantType() throws Exception {
		for (String body : List.of("grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=x"
						+ "&subject_token_type=urn:ietf:params:oauth:token-type:access_token",
				"grant_type=password&username=ZJ0001&password=zj0001-pass", "grant_type=no-such-grant")) {
			RawHttp.Response response = RawHttp.send(this.port, "POST", "/oauth2/token",
					List.of("Host: localhost:" + this.port, STATS, "Content-Type: application/x-www-form-urlencoded"),
					body);

			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(JSONObjectUtils.parse(response.body()).get("error")).as(body).isEqualTo("unsupported_grant_type");
		}
	}

}
