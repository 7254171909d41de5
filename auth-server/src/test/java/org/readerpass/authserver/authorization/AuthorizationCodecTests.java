package org.readerpass.authserver.authorization;

import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.login.ReaderAuthenticationForm;
import org.readerpass.authserver.login.ReaderAuthenticationToken;
import org.readerpass.authserver.login.ReaderPrincipal;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AuthorizationCodec}: the compact form carries every authorization the authorization server
 * makes exactly (values keep their types and their mutability), Java serialization stays readable
 * both ways (a rolling upgrade), anything the compact form cannot carry falls back, and no bytes
 * make it throw.
 */
class AuthorizationCodecTests {

	private static final Instant NOW = Instant.parse("2026-12-05T04:52:46.334502685Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final RegisteredClient CLIENT = RegisteredClient.withId("zj-reader-app")
		.clientId("zj-reader-app")
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("http://127.0.0.1:8082/callback")
		.build();

	private static final List<CompactForm<?>> FORMS = List.of(new ReaderAuthenticationForm());

	private final AuthorizationCodec compact = new AuthorizationCodec(CLOCK, FORMS);

	private final AuthorizationCodec javaSerialization = new AuthorizationCodec(AuthorizationCodec.JAVA_SERIALIZATION,
			CLOCK, FORMS);

	/** A reader's authorization after the token response, as the login benchmark leaves them in Redis. */
	static OAuth2Authorization readerAuthorization() throws Exception {
		UUID reader = UUID.fromString("fe3359b8-2040-4323-b5c7-5ed13c6ca04c");
		ReaderAuthenticationToken authentication = new ReaderAuthenticationToken(new ReaderPrincipal(reader,
				UUID.fromString("0b6f1c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"), "zj", NOW.minusSeconds(1), "d_IQuHd1QXrjuqTu7Tg-bg"));
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("readerpass_reader_address", "127.0.0.1");
		parameters.put("code_challenge_method", "S256");
		parameters.put("nonce", "964b2d503eb6dc8a7d4cc5b1");
		parameters.put("code_challenge", "ZFzY1pe84Yxc3OHV_AoXgoqhBKKJF6TxU8azMDIvmLU");
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("http://localhost:8080/oauth2/authorize")
			.clientId("zj-reader-app")
			.redirectUri("http://127.0.0.1:8082/callback")
			.scopes(Set.of("openid", "profile", "library"))
			.state("15feff64bc6c5c0e0c3cb1e5")
			.additionalParameters(parameters)
			.authorizationRequestUri("http://localhost:8080/oauth2/authorize?response_type=code&client_id=zj-reader-app")
			.build();
		URL issuer = URI.create("http://localhost:8080").toURL();
		Map<String, Object> accessClaims = new LinkedHashMap<>();
		accessClaims.put("sub", reader.toString());
		accessClaims.put("aud", Collections.singletonList("zj-reader-app"));
		accessClaims.put("nbf", NOW);
		accessClaims.put("scope", "library openid profile");
		accessClaims.put("auth_time", 1796446366L);
		accessClaims.put("iss", issuer);
		accessClaims.put("exp", NOW.plusSeconds(600));
		accessClaims.put("jti", "3fc963c8-487b-4569-97a4-a4e3d0b0c7c2");
		accessClaims.put("entitlements", Map.of("urn:readerpass:resource:zj:ebooks", List.of("read", "download")));
		Map<String, Object> idClaims = new LinkedHashMap<>();
		idClaims.put("sub", reader.toString());
		idClaims.put("iss", issuer);
		idClaims.put("libraries", List.of("zj"));
		idClaims.put("name", "江志雨");
		idClaims.put("auth_time", Date.from(NOW.minusSeconds(1)));
		idClaims.put("exp", NOW.plusSeconds(1800));
		OAuth2AuthorizationCode code = new OAuth2AuthorizationCode("code-1", NOW, NOW.plusSeconds(300));
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "eyJ.access.token", NOW,
				NOW.plusSeconds(600), Set.of("openid", "profile", "library"));
		return OAuth2Authorization.withRegisteredClient(CLIENT)
			.id("d3834fc6-f2d7-4b75-9fc8-82521b1ab5c0")
			.principalName(reader.toString())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizedScopes(Set.of("openid", "profile", "library"))
			.attribute(OAuth2AuthorizationRequest.class.getName(), request)
			.attribute(Principal.class.getName(), authentication)
			.token(code)
			.invalidate(code)
			.token(access, metadata -> {
				metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, Collections.unmodifiableMap(accessClaims));
				metadata.put("org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat",
						"self-contained");
			})
			.refreshToken(new OAuth2RefreshToken("d3834fc6.random", NOW, NOW.plusSeconds(86400)))
			.token(new OidcIdToken("eyJ.id.token", NOW, NOW.plusSeconds(1800), idClaims),
					metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, idClaims))
			.build();
	}

	@Test
	void encodeWhenReaderAuthorizationThenCompactAndReadBackEqualWithEveryValueTyped() throws Exception {
		OAuth2Authorization authorization = readerAuthorization();

		byte[] bytes = this.compact.encode(authorization);
		OAuth2Authorization read = this.compact.decode(bytes, "k");

		assertThat(bytes[3]).isEqualTo(AuthorizationCodec.COMPACT);
		assertThat(bytes.length).isLessThan(this.javaSerialization.encode(authorization).length / 2);
		assertThat(read).isEqualTo(authorization);
		Map<String, Object> claims = read.getAccessToken().getClaims();
		assertThat(claims.get("iss")).isInstanceOf(URL.class).hasToString("http://localhost:8080");
		assertThat(claims.get("exp")).isEqualTo(NOW.plusSeconds(600));
		assertThat(claims.get("auth_time")).isEqualTo(1796446366L);
		assertThat(claims.get("aud")).isEqualTo(List.of("zj-reader-app"));
		assertThat(claims.get("entitlements"))
			.isEqualTo(Map.of("urn:readerpass:resource:zj:ebooks", List.of("read", "download")));
		assertThat(read.getAccessToken().getToken().getScopes()).containsExactlyInAnyOrder("openid", "profile",
				"library");
		assertThat(read.getAccessToken().getToken().getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
		assertThat(read.getToken(OAuth2AuthorizationCode.class).isInvalidated()).isTrue();
		OidcIdToken idToken = read.getToken(OidcIdToken.class).getToken();
		assertThat(idToken.getClaims()).isEqualTo(authorization.getToken(OidcIdToken.class).getToken().getClaims());
		assertThat(idToken.getClaims().get("auth_time")).isInstanceOf(Date.class);
		assertThat(idToken.getClaims().get("name")).isEqualTo("江志雨");
		OAuth2AuthorizationRequest request = read.getAttribute(OAuth2AuthorizationRequest.class.getName());
		assertThat(request).isEqualTo(authorization.getAttribute(OAuth2AuthorizationRequest.class.getName()));
		assertThat(request.getAuthorizationRequestUri())
			.isEqualTo("http://localhost:8080/oauth2/authorize?response_type=code&client_id=zj-reader-app");
		ReaderAuthenticationToken reader = read.getAttribute(Principal.class.getName());
		assertThat(reader).isEqualTo(authorization.getAttribute(Principal.class.getName()));
		assertThat(reader.getAuthorities()).hasSize(2);
		assertThat(reader.sessionId()).isEqualTo("d_IQuHd1QXrjuqTu7Tg-bg");
	}

	@Test
	void encodeWhenReaderAuthenticationThenInItsFormAndANodeWithoutTheFormReadsNothing() throws Exception {
		OAuth2Authorization authorization = readerAuthorization();

		byte[] bytes = this.compact.encode(authorization);

		String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(text).contains("reader-authentication").doesNotContain("ReaderAuthenticationToken");
		assertThat(new AuthorizationCodec(CLOCK, List.of()).decode(bytes, "k")).isNull();
	}

	@Test
	void encodeWhenReaderAuthenticationHasDetailsThenSerializedInPlace() throws Exception {
		ReaderAuthenticationToken reader = new ReaderAuthenticationToken(new ReaderPrincipal(UUID.randomUUID(),
				UUID.randomUUID(), "zj", NOW, "sid"));
		reader.setDetails("details the form does not carry");
		OAuth2Authorization authorization = OAuth2Authorization.from(readerAuthorization())
			.attribute(Principal.class.getName(), reader)
			.build();

		byte[] bytes = this.compact.encode(authorization);
		OAuth2Authorization read = this.compact.decode(bytes, "k");

		assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
			.contains("ReaderAuthenticationToken");
		assertThat(read).isEqualTo(authorization);
		assertThat(((ReaderAuthenticationToken) read.getAttribute(Principal.class.getName())).getDetails())
			.isEqualTo("details the form does not carry");
	}

	@Test
	void decodeWhenWrittenWithJavaSerializationThenReadByEitherNode() throws Exception {
		OAuth2Authorization authorization = readerAuthorization();

		byte[] old = this.javaSerialization.encode(authorization);
		byte[] compact = this.compact.encode(authorization);

		assertThat(old[3]).isEqualTo(AuthorizationCodec.JAVA_SERIALIZATION);
		assertThat(this.compact.decode(old, "k")).isEqualTo(authorization);
		assertThat(this.javaSerialization.decode(compact, "k")).isEqualTo(authorization);
	}

	@Test
	void encodeWhenValuesWithoutACompactFormThenSerializedInPlaceAndReadBack() {
		TreeMap<String, Object> sorted = new TreeMap<>(Map.of("b", 2, "a", 1.5));
		OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(CLIENT)
			.id("a1")
			.principalName("admin")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(Principal.class.getName(),
					UsernamePasswordAuthenticationToken.authenticated("admin", null,
							List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))))
			.attribute("sorted", sorted)
			.attribute("state", "s-1")
			.token(new OAuth2DeviceCode("device-1", NOW, NOW.plusSeconds(600)))
			.token(new OAuth2UserCode("ABCD-EFGH", NOW, NOW.plusSeconds(600)))
			.build();

		byte[] bytes = this.compact.encode(authorization);
		OAuth2Authorization read = this.compact.decode(bytes, "k");

		assertThat(bytes[3]).isEqualTo(AuthorizationCodec.COMPACT);
		assertThat(read).isEqualTo(authorization);
		assertThat((Object) read.getAttribute("sorted")).isInstanceOf(TreeMap.class);
		Object principal = read.getAttribute(Principal.class.getName());
		assertThat(principal).isInstanceOf(UsernamePasswordAuthenticationToken.class);
	}

	@Test
	void decodeWhenCollectionsThenMutableStaysMutableAndUnmodifiableStaysUnmodifiable() {
		List<String> mutable = new ArrayList<>(List.of("a"));
		OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(CLIENT)
			.id("a1")
			.principalName("reader")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute("mutable", mutable)
			.attribute("fixed", List.of("a"))
			.attribute("nested", new LinkedHashMap<>(Map.of("set", Set.of(1, 2L), "uuid", UUID.randomUUID())))
			.build();

		OAuth2Authorization read = this.compact.decode(this.compact.encode(authorization), "k");

		assertThat(read).isEqualTo(authorization);
		List<String> readMutable = read.getAttribute("mutable");
		readMutable.add("b");
		assertThat(readMutable).containsExactly("a", "b");
		List<String> fixed = read.getAttribute("fixed");
		assertThatThrownBy(() -> fixed.add("b")).isInstanceOf(UnsupportedOperationException.class);
		Map<String, Object> nested = read.getAttribute("nested");
		assertThat(nested.get("set")).isEqualTo(Set.of(1, 2L));
		assertThatThrownBy(() -> ((Set<?>) nested.get("set")).clear())
			.isInstanceOf(UnsupportedOperationException.class);
	}

	/** A token of a kind the authorization server does not issue. */
	static final class OtherToken extends AbstractOAuth2Token {

		OtherToken(String value, Instant issuedAt, Instant expiresAt) {
			super(value, issuedAt, expiresAt);
		}

	}

	@Test
	void encodeWhenTokenOfAnotherKindThenJavaSerializationAndReadBack() {
		OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(CLIENT)
			.id("a1")
			.principalName("reader")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.refreshToken(new OAuth2RefreshToken("a1.r", NOW, NOW.plusSeconds(60)))
			.token(new OtherToken("other", NOW, NOW.plusSeconds(60)))
			.build();

		byte[] bytes = this.compact.encode(authorization);

		assertThat(bytes[3]).isEqualTo(AuthorizationCodec.JAVA_SERIALIZATION);
		OAuth2Authorization read = this.compact.decode(bytes, "k");
		assertThat(read).isEqualTo(authorization);
		assertThat(read.getToken(OtherToken.class)).isNotNull();
	}

	@Test
	void encodeWhenAStringHoldsALoneSurrogateThenJavaSerializationKeepsItExactly() {
		String lone = "state-\uD800-" + "\uD83D\uDCDA"; // a lone high surrogate, then a well-formed pair
		OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(CLIENT)
			.id("a1")
			.principalName("reader")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute("state", lone)
			.build();

		byte[] bytes = this.compact.encode(authorization);

		assertThat(bytes[3]).isEqualTo(AuthorizationCodec.JAVA_SERIALIZATION);
		assertThat((String) this.compact.decode(bytes, "k").getAttribute("state")).isEqualTo(lone);
		OAuth2Authorization paired = OAuth2Authorization.from(authorization).attribute("state", "\uD83D\uDCDA").build();
		byte[] compactBytes = this.compact.encode(paired);
		assertThat(compactBytes[3]).isEqualTo(AuthorizationCodec.COMPACT);
		assertThat((String) this.compact.decode(compactBytes, "k").getAttribute("state")).isEqualTo("\uD83D\uDCDA");
	}

	@Test
	void decodeWhenSerializedValueOutsideTheAllowListThenAbsent() {
		OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(CLIENT)
			.id("a1")
			.principalName("reader")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute("big", BigInteger.TEN) // java.math is not on the allow-list
			.build();

		byte[] bytes = this.compact.encode(authorization);

		assertThat(bytes[3]).isEqualTo(AuthorizationCodec.COMPACT);
		assertThat(this.compact.decode(bytes, "k")).isNull();
	}

	@Test
	void decodeWhenCompactBytesTruncatedOrCorruptedThenAbsentOrAnAuthorizationNeverAnException() throws Exception {
		byte[] bytes = this.compact.encode(readerAuthorization());
		Random random = new Random(42);

		for (int length = 0; length < bytes.length; length++) {
			assertThat(this.compact.decode(Arrays.copyOf(bytes, length), "k")).isNull();
		}
		for (int i = 0; i < 5_000; i++) {
			byte[] corrupted = bytes.clone();
			for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
				corrupted[5 + random.nextInt(corrupted.length - 5)] = (byte) random.nextInt(256);
			}
			this.compact.decode(corrupted, "k"); // returns null or whatever the bytes now say, never throws
		}
		byte[] huge = Arrays.copyOf(bytes, 7);
		huge[5] = (byte) 0xFF; // a string length far beyond the bytes
		huge[6] = (byte) 0x7F;
		assertThat(this.compact.decode(huge, "k")).isNull();
	}

	@Test
	void writtenFormatWhenConfiguredThenCompactOrJavaElseRefused() {
		assertThat(AuthorizationStoreConfiguration.writtenFormat("compact")).isEqualTo(AuthorizationCodec.COMPACT);
		assertThat(AuthorizationStoreConfiguration.writtenFormat(" Java ")).isEqualTo(AuthorizationCodec.JAVA_SERIALIZATION);
		assertThatIllegalStateException().isThrownBy(() -> AuthorizationStoreConfiguration.writtenFormat("json"))
			.withMessageContaining("readerpass.redis.authorization-format");
	}

}
