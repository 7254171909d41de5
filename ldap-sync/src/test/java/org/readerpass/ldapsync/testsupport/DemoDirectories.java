package org.readerpass.ldapsync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

import org.readerpass.ldapsync.directory.ChangeDetection;
import org.readerpass.ldapsync.directory.DirectoryProperties;
import org.readerpass.ldapsync.directory.LibraryDirectory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo network's {@code readerpass.directory} configuration, bound from
 * {@code demo-directories.yml} (this module's test resources) as the application binds it.
 */
public final class DemoDirectories {

	public static final String YAML = "demo-directories.yml";

	private DemoDirectories() {
	}

	public static DirectoryProperties properties() {
		try {
			var sources = new YamlPropertySourceLoader().load(YAML, new ClassPathResource(YAML));
			return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("readerpass.directory",
					DirectoryProperties.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Only the given libraries of the demo configuration. */
	public static DirectoryProperties properties(DemoLibrary... libraries) {
		DirectoryProperties all = properties();
		List<String> codes = Arrays.stream(libraries).map(DemoLibrary::code).toList();
		return new DirectoryProperties(all.identityHmacKey(), all.zone(), all.startupSync(),
				all.libraries().stream().filter((library) -> codes.contains(library.library())).toList(),
				all.purgeAfter(), all.safetyBrake(), all.scheduleEnabled(), all.fullSyncInterval(),
				all.incrementalInterval(), all.incrementalOverlap());
	}

	public static LibraryDirectory library(DemoLibrary library) {
		return properties().library(library.code()).orElseThrow();
	}

	/** The library's configuration pointed at a running directory instead of an embedded one. */
	public static LibraryDirectory at(LibraryDirectory library, URI url) {
		return new LibraryDirectory(library.library(), library.preset(), List.of(url), true, library.bindDn(),
				library.bindPassword(), library.baseDn(), library.filter(), library.pageSize(),
				library.connectTimeout(), library.responseTimeout(), library.bindTimeout(), library.poolSize(),
				library.mapping(), null, library.safetyBrake(), library.purgeAfter(), library.fullSyncInterval(),
				library.incrementalInterval(), library.incrementalOverlap(), library.startTls(), library.trustedCertificates(), library.changeDetection());
	}

	/** The library's configuration with another {@code change-detection}. */
	public static LibraryDirectory changeDetection(LibraryDirectory l, ChangeDetection changeDetection) {
		return new LibraryDirectory(l.library(), l.preset(), l.urls(), l.insecurePlain(), l.bindDn(), l.bindPassword(),
				l.baseDn(), l.filter(), l.pageSize(), l.connectTimeout(), l.responseTimeout(), l.bindTimeout(),
				l.poolSize(), l.mapping(), l.embedded(), l.safetyBrake(), l.purgeAfter(), l.fullSyncInterval(),
				l.incrementalInterval(), l.incrementalOverlap(), l.startTls(), l.trustedCertificates(), changeDetection);
	}

}
