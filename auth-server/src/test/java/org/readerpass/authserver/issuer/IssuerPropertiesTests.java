package org.readerpass.authserver.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

class IssuerPropertiesTests {

	@Test
	void constructorWhenHttpsOrLoopbackHttpThenAccepted() {
		assertThat(new IssuerProperties(URI.create("https://id.library.zj.cn")).value())
			.isEqualTo("https://id.library.zj.cn");
		assertThat(new IssuerProperties(URI.create("https://id.library.zj.cn/readerpass")).value())
			.isEqualTo("https://id.library.zj.cn/readerpass");
		assertThat(new IssuerProperties(URI.create("http://localhost:9000")).value()).isEqualTo("http://localhost:9000");
		assertThat(new IssuerProperties(URI.create("http://127.0.0.1:9000")).value()).isEqualTo("http://127.0.0.1:9000");
	}

	@Test
	void constructorWhenNotAnIssuerThenRefusedNamingTheKey() {
		for (String bad : new String[] { "http://id.library.zj.cn", "id.library.zj.cn", "/readerpass",
				"https://id.library.zj.cn/", "https://id.library.zj.cn?tenant=zj", "https://id.library.zj.cn#top",
				"https://user@id.library.zj.cn", "ftp://id.library.zj.cn" }) {
			assertThatIllegalArgumentException().as(bad)
				.isThrownBy(() -> new IssuerProperties(URI.create(bad)))
				.withMessageContaining("readerpass.issuer.uri");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> new IssuerProperties(null))
			.withMessageContaining("readerpass.issuer.uri is required");
	}

	@Test
	void postProcessWhenIssuerConfiguredThenLeftAsConfigured() {
		StandardEnvironment environment = environment(Map.of("readerpass.issuer.uri", "https://id.library.zj.cn",
				"server.port", "0"));

		new IssuerEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("readerpass.issuer.uri")).isEqualTo("https://id.library.zj.cn");
		assertThat(environment.getProperty("server.port")).isEqualTo("0");
	}

	@Test
	void postProcessWhenNoIssuerThenDerivedOnceFromTheServersOwnPort() {
		StandardEnvironment environment = environment(Map.of("server.port", "9000"));

		new IssuerEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("readerpass.issuer.uri")).isEqualTo("http://localhost:9000");
	}

	@Test
	void postProcessWhenNoIssuerAndAnyPortThenAFreePortIsChosenAndNamedInTheIssuer() {
		StandardEnvironment environment = environment(Map.of("server.port", "0"));

		new IssuerEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		int port = environment.getProperty("server.port", Integer.class);
		assertThat(port).isPositive();
		assertThat(environment.getProperty("readerpass.issuer.uri")).isEqualTo("http://localhost:" + port);
	}

	@Test
	void postProcessEnvironmentWhenIssuerHttpsThenSessionCookieSecure() {
		StandardEnvironment environment = environment(Map.of(IssuerProperties.KEY, "https://id.library.zj.cn"));

		new IssuerEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
	}

	@Test
	void postProcessEnvironmentWhenIssuerHttpsAndSecureCookieConfiguredThenConfigurationWins() {
		StandardEnvironment environment = environment(Map.of(IssuerProperties.KEY, "https://id.library.zj.cn",
				"server.servlet.session.cookie.secure", "false"));

		new IssuerEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isEqualTo("false");
	}

	@Test
	void postProcessEnvironmentWhenIssuerPlainHttpOrDerivedThenSessionCookieLeftAlone() {
		StandardEnvironment configured = environment(Map.of(IssuerProperties.KEY, "http://localhost:9000"));
		StandardEnvironment derived = environment(Map.of("server.port", "9000"));

		new IssuerEnvironmentPostProcessor().postProcessEnvironment(configured, new SpringApplication());
		new IssuerEnvironmentPostProcessor().postProcessEnvironment(derived, new SpringApplication());

		assertThat(configured.getProperty("server.servlet.session.cookie.secure")).isNull();
		assertThat(derived.getProperty("server.servlet.session.cookie.secure")).isNull();
	}

	@Test
	void isHttpsWhenSchemeHttpsThenTrue() {
		assertThat(new IssuerProperties(URI.create("https://id.library.zj.cn")).isHttps()).isTrue();
		assertThat(new IssuerProperties(URI.create("http://localhost:9000")).isHttps()).isFalse();
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
