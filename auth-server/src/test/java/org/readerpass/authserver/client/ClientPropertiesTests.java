package org.readerpass.authserver.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.Test;
import org.readerpass.authserver.client.ClientProperties.AuthMethod;
import org.readerpass.authserver.client.ClientProperties.Registration;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How {@code readerpass.clients} binds from configuration: inline keys as YAML or as a JSON string. */
class ClientPropertiesTests {

	private static final String PUBLIC_KEY = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k1\","
			+ "\"x\":\"Yz8fJ6Qb6cjApboc6Ud7pM92qiRZ0mm5Mm10n4mf3Ck\",\"y\":\"bpb9-bDJvIB5AQcFZ-k6nRgsFKa7uGR6CDMvL1uHtrQ\"}";

	@Test
	void bindWhenDemoNetworkThenVendorKeysAreYamlJwksAndDefaultsApply() throws Exception {
		List<PropertySource<?>> demo = new YamlPropertySourceLoader().load("demo",
				new ClassPathResource("demo/demo-network.yml"));
		ClientProperties properties = new Binder(ConfigurationPropertySources.from(demo))
			.bind("readerpass.clients", ClientProperties.class)
			.get();

		Registration vendor = properties.registrations()
			.stream()
			.filter(registration -> registration.clientId().equals("vendor-ebooks"))
			.findFirst()
			.orElseThrow();
		JWK key = vendor.jwks().toJwkSet().getKeyByKeyId("vendor-ebooks-2026");
		assertThat(vendor.tokenEndpointAuthMethod()).isEqualTo(AuthMethod.PRIVATE_KEY_JWT);
		assertThat(key).isNotNull();
		assertThat(key.isPrivate()).isFalse();
		assertThat(properties.allowLoopbackJwksUri()).isTrue();
		assertThat(properties.jwksFetch().readTimeout()).hasSeconds(2);
		assertThat(properties.assertion().replayCacheSize()).isEqualTo(100_000);
	}

	@Test
	void bindWhenJwksIsAJsonStringThenTheSameKeys() throws Exception {
		ClientProperties properties = bind(Map.of("readerpass.clients.registrations[0].jwks",
				"{\"keys\":[" + PUBLIC_KEY + "]}"));

		assertThat(properties.registrations().get(0).jwks().toJwkSet().getKeyByKeyId("k1").toJSONString())
			.isEqualTo(JWK.parse(PUBLIC_KEY).toJSONString());
	}

	@Test
	void bindWhenJwksStringIsNoJwksThenBindingFailsNamingTheKey() {
		for (String json : List.of("not json", "{\"keys\":\"none\"}")) {
			assertThatExceptionOfType(BindException.class).as(json)
				.isThrownBy(() -> bind(Map.of("readerpass.clients.registrations[0].jwks", json)))
				.withMessageContaining("readerpass.clients.registrations[0].jwks");
		}
	}

	@Test
	void bindWhenRefetchIntervalNotShorterThanCacheTtlThenStartUpFailsNamingIt() {
		Map<String, Object> source = Map.of("readerpass.clients.jwks-fetch.cache-ttl", "5m",
				"readerpass.clients.jwks-fetch.refetch-interval", "10m");
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.afterPropertiesSet();

		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> new Binder(new MapConfigurationPropertySource(source)).bind("readerpass.clients",
					Bindable.of(ClientProperties.class), new ValidationBindHandler(validator)))
			.havingRootCause()
			.withMessageContaining("refetch-interval must be positive and shorter than cache-ttl");
		validator.close();
	}

	private static ClientProperties bind(Map<String, String> jwks) {
		Map<String, Object> source = new HashMap<>(Map.of("readerpass.clients.registrations[0].client-id",
				"vendor", "readerpass.clients.registrations[0].name", "Vendor",
				"readerpass.clients.registrations[0].type", "service",
				"readerpass.clients.registrations[0].scopes[0]", "usage.write",
				"readerpass.clients.registrations[0].token-endpoint-auth-method", "private_key_jwt"));
		source.putAll(jwks);
		return new Binder(new MapConfigurationPropertySource(source)).bind("readerpass.clients", ClientProperties.class)
			.get();
	}

}
