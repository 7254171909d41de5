package org.readerpass.authserver.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.javapoet.ClassName;
import org.springframework.mock.env.MockEnvironment;

/**
 * The settings that chose the ahead-of-time bean definitions are recorded at build time, and a
 * node whose own differ refuses to start, naming each difference.
 */
class AotSettingsTests {

	private static MockEnvironment production() {
		MockEnvironment environment = new MockEnvironment().withProperty("readerpass.stores", "redis")
			.withProperty("readerpass.sessions.store", "redis")
			.withProperty("readerpass.policy.changes", "redis")
			.withProperty("readerpass.directory.lease", "redis")
			.withProperty("server.port", "8080")
			.withProperty("management.server.port", "9001");
		environment.setActiveProfiles("production");
		return environment;
	}

	/** What the recorder writes for the environment, through Spring's AOT generation context. */
	private static String recorded(MockEnvironment environment) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("environment", environment);
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		DefaultGenerationContext context = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("org.readerpass.authserver", "ReaderPassApplication")), files);
		new AotSettingsRecorder().processAheadOfTime(beanFactory).applyTo(context, null);
		try {
			return files.getGeneratedFileContent(Kind.RESOURCE, AotSettings.RESOURCE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A class loader that finds the recorded settings (or nothing) at {@link AotSettings#RESOURCE}. */
	private static ClassLoader holding(String recorded) {
		return new ClassLoader(null) {
			@Override
			public InputStream getResourceAsStream(String name) {
				return (recorded != null && name.equals(AotSettings.RESOURCE))
						? new ByteArrayInputStream(recorded.getBytes(StandardCharsets.ISO_8859_1)) : null;
			}

			@Override
			public Enumeration<URL> getResources(String name) {
				return Collections.emptyEnumeration();
			}
		};
	}

	@Test
	void recorderWhenProcessedAheadOfTimeThenWritesTheProfilesAndTheSettingsThatChooseBeans() {
		String recorded = recorded(production());

		assertThatNoException().isThrownBy(() -> AotSettingsCheck.check(production(), holding(recorded)));
		assertThat(recorded).contains("spring.profiles.active=production", "readerpass.stores=redis",
				"management\\ port=DIFFERENT");
	}

	@Test
	void checkWhenTheNodeIsConfiguredAsTheBuildThenStarts() {
		String recorded = recorded(production());
		// a node's own URLs, ports and secrets are read at run time and never compared
		MockEnvironment node = production().withProperty("server.port", "19003")
			.withProperty("management.server.port", "0")
			.withProperty("spring.data.redis.url", "redis://10.0.0.5:6379");

		assertThatNoException().isThrownBy(() -> AotSettingsCheck.check(node, holding(recorded)));
	}

	@Test
	void checkWhenAStoreOrTheProfilesDifferThenRefusesNamingEachDifference() {
		String recorded = recorded(production());
		MockEnvironment node = production().withProperty("readerpass.stores", "memory");
		node.setActiveProfiles("production", "extra");

		assertThatIllegalStateException().isThrownBy(() -> AotSettingsCheck.check(node, holding(recorded)))
			.withMessageContaining("readerpass.stores: built with \"redis\", configured \"memory\"")
			.withMessageContaining("spring.profiles.active: built with \"production\", configured \"extra,production\"")
			.withMessageContaining("start it without spring.aot.enabled");
	}

	@Test
	void checkWhenTheManagementServerMovesToTheServersPortThenRefuses() {
		String recorded = recorded(production());
		MockEnvironment node = production().withProperty("management.server.port", "8080");

		assertThatIllegalStateException().isThrownBy(() -> AotSettingsCheck.check(node, holding(recorded)))
			.withMessageContaining("management port: built with \"DIFFERENT\", configured \"SAME\"");
	}

	@Test
	void checkWhenTheJarHoldsNoRecordedSettingsThenRefuses() {
		assertThatIllegalStateException().isThrownBy(() -> AotSettingsCheck.check(production(), holding(null)))
			.withMessageContaining("it was not built with process-aot");
	}

	@Test
	void checkWhenNotOnAheadOfTimeDefinitionsThenDoesNothing() {
		// spring.aot.enabled is not set in the tests: a node with any settings starts
		assertThatNoException().isThrownBy(() -> new AotSettingsCheck()
			.postProcessEnvironment(new MockEnvironment().withProperty("readerpass.stores", "memory"), new SpringApplication()));
	}

}
