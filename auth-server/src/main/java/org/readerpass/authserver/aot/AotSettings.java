package org.readerpass.authserver.aot;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;

/**
 * The settings that choose which beans exist. Spring's ahead-of-time processing
 * ({@code spring-boot-maven-plugin:process-aot}, run with the {@code production} profile) evaluates
 * every condition once, at build time; a node started on those bean definitions
 * ({@code -Dspring.aot.enabled=true}) has the build's beans whatever it is configured with. So
 * the build records these settings ({@link AotSettingsRecorder}) and such a node refuses to start
 * when its own differ ({@link AotSettingsCheck}), naming each one, instead of running with stores
 * or ports it was not configured for. Spring Boot itself adds the build's profiles to such a node
 * (its generated environment post-processor), so a profile the node adds is a difference too.
 * Every other setting (URLs, passwords, sizes, intervals, the network) is read at run time as usual.
 */
public final class AotSettings {

	/** Where the build records the settings, on the class path. */
	public static final String RESOURCE = "META-INF/readerpass/aot-settings.properties";

	static final String PROFILES = "spring.profiles.active";

	static final String MANAGEMENT_PORT = "management port";

	/**
	 * Properties that conditions read: ReaderPass's own store and notice switches, and the Spring
	 * Boot ones the production profile sets or an operator is likely to.
	 */
	static final List<String> KEYS = List.of("readerpass.stores", "readerpass.sessions.store",
			"readerpass.policy.changes", "readerpass.directory.lease", "spring.threads.virtual.enabled",
			"spring.session.data.redis.repository-type", "management.endpoints.web.exposure.include",
			"management.endpoints.web.exposure.exclude", "spring.flyway.enabled");

	private final Map<String, String> values;

	private AotSettings(Map<String, String> values) {
		this.values = values;
	}

	/** The settings as the environment gives them. */
	public static AotSettings of(Environment environment) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put(PROFILES, String.join(",", new TreeSet<>(Arrays.asList(environment.getActiveProfiles()))));
		// the management server: on its own port, on the server's port or off (which beans exist)
		values.put(MANAGEMENT_PORT, ManagementPortType.get(environment).name());
		for (String key : KEYS) {
			values.put(key, Objects.toString(environment.getProperty(key), ""));
		}
		return new AotSettings(values);
	}

	/** The settings a build recorded, as {@link #write()} wrote them. */
	static AotSettings read(InputStream recorded) throws IOException {
		Properties properties = new Properties();
		properties.load(recorded);
		Map<String, String> values = new LinkedHashMap<>();
		properties.stringPropertyNames().forEach((key) -> values.put(key, properties.getProperty(key)));
		return new AotSettings(values);
	}

	/** The settings as a properties file. */
	String write() {
		Properties properties = new Properties();
		this.values.forEach(properties::setProperty);
		StringWriter out = new StringWriter();
		try {
			properties.store(out, "Settings that chose the ahead-of-time bean definitions (ReaderPass AotSettings)");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/**
	 * Each recorded setting that this node's differs from, as {@code key: built with "a", configured "b"};
	 * empty when they all match.
	 */
	List<String> differencesFrom(AotSettings built) {
		List<String> differences = new ArrayList<>();
		built.values.forEach((key, value) -> {
			String configured = this.values.getOrDefault(key, "");
			if (!value.equals(configured)) {
				differences.add(key + ": built with \"" + value + "\", configured \"" + configured + "\"");
			}
		});
		return differences;
	}

}
