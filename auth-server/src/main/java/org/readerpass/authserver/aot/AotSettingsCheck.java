package org.readerpass.authserver.aot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before any bean exists, on a node started on the ahead-of-time bean definitions
 * ({@code -Dspring.aot.enabled=true}): refuses to start when the node's {@link AotSettings} differ
 * from those the build recorded, naming each difference. Does nothing otherwise. Runs after the
 * configuration files are read (lowest precedence), so it sees the node's own profiles and settings.
 */
public class AotSettingsCheck implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!AotDetector.useGeneratedArtifacts()) {
			return;
		}
		check(environment, application.getClassLoader());
	}

	static void check(ConfigurableEnvironment environment, ClassLoader classLoader) {
		AotSettings built;
		try (InputStream recorded = classLoader.getResourceAsStream(AotSettings.RESOURCE)) {
			if (recorded == null) {
				throw new IllegalStateException("spring.aot.enabled=true, but this jar holds no ahead-of-time settings ("
						+ AotSettings.RESOURCE + "): it was not built with process-aot; start it without spring.aot.enabled");
			}
			built = AotSettings.read(recorded);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> differences = AotSettings.of(environment).differencesFrom(built);
		if (!differences.isEmpty()) {
			throw new IllegalStateException("This node runs on ahead-of-time bean definitions (spring.aot.enabled=true), "
					+ "which were made for other settings than its own: " + String.join("; ", differences)
					+ ". Configure the node as the build was (docs/operations.md#start-up), "
					+ "or start it without spring.aot.enabled");
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
