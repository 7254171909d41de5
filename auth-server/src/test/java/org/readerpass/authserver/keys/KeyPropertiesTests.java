package org.readerpass.authserver.keys;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.readerpass.authserver.keys.KeyProperties.SigningAlgorithm;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** {@code readerpass.keys}: safe defaults, and every wrong rotation setting named at start-up at once. */
class KeyPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(KeyPropertiesConfiguration.class);

	@Test
	void bindWhenNothingSetThenEs256AccessTokensAndNinetyDayRotationWithADayAheadAndADayAfter() {
		this.context.run(context -> {
			KeyProperties properties = context.getBean(KeyProperties.class);
			assertThat(properties.accessTokenAlgorithm()).isEqualTo(SigningAlgorithm.ES256);
			assertThat(properties.rotation().period()).isEqualTo(Duration.ofDays(90));
			assertThat(properties.rotation().publishAhead()).isEqualTo(Duration.ofDays(1));
			assertThat(properties.rotation().retainAfter()).isEqualTo(Duration.ofDays(1));
			assertThat(properties.rotation().checkInterval()).isEqualTo(Duration.ofMinutes(1));
			assertThat(properties.rotation().longestTokenLifetime()).isEqualTo(Duration.ofHours(23).plusMinutes(55));
		});
	}

	@Test
	void bindWhenRotationSettingsContradictThenEachNamedAtOnce() {
		this.context
			.withPropertyValues("readerpass.keys.rotation.period=1d", "readerpass.keys.rotation.publish-ahead=2d",
					"readerpass.keys.rotation.check-interval=3d", "readerpass.keys.rotation.retain-after=10m")
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.message()
					.contains("readerpass.keys.rotation.publish-ahead must be positive and shorter than period",
							"readerpass.keys.rotation.check-interval must be at least 1s and shorter than publish-ahead",
							"readerpass.keys.rotation.retain-after must be at least 35m");
			});
	}

	@Test
	void bindWhenAccessTokenAlgorithmRs256ThenRs256() {
		this.context.withPropertyValues("readerpass.keys.access-token-algorithm=RS256")
			.run(context -> assertThat(context.getBean(KeyProperties.class).accessTokenAlgorithm())
				.isEqualTo(SigningAlgorithm.RS256));
	}

	@Test
	void startWhenTheReplacedAlgorithmKeyIsSetThenRefusedNamingItsSuccessors() {
		assertThatIllegalStateException()
			.isThrownBy(() -> KeysConfiguration
				.refuseReplacedKeys(new MockEnvironment().withProperty("readerpass.keys.algorithm", "RS256")))
			.withMessageContaining("readerpass.keys.access-token-algorithm")
			.withMessageContaining("id-token-signed-response-alg");
		assertThatNoException().isThrownBy(() -> KeysConfiguration.refuseReplacedKeys(new MockEnvironment()));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(KeyProperties.class)
	static class KeyPropertiesConfiguration {

	}

}
