package org.readerpass.ldapsync.directory;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.readerpass.policy.Secret;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * One library's directory ({@code readerpass.directory.libraries[n]}).
 *
 * @param library library code, e.g. {@code zj.sx.zhuji}
 * @param preset the directory kind, which gives the default filter and attribute mapping
 * @param urls {@code ldaps://} (or, with {@code insecurePlain}, {@code ldap://}) URLs tried in
 * order (failover); empty when {@code embedded} is set
 * @param insecurePlain allows plain {@code ldap://} (logged at WARN); embedded directories need it
 * @param bindDn the DN the sync binds as
 * @param bindPassword the sync DN's password
 * @param baseDn where readers are searched (subtree)
 * @param filter reader entries' filter; {@code null} for the preset's
 * @param pageSize entries per page of the Simple Paged Results search
 * @param connectTimeout connecting to a directory server
 * @param responseTimeout waiting for one response of a sync search
 * @param bindTimeout waiting for a password check's bind response (keep it short: a reader is waiting)
 * @param poolSize connections kept for password checks
 * @param mapping attribute names overriding the preset's (any subset)
 * @param embedded runs an embedded directory for this library (the demo) instead of using {@code urls}
 * @param safetyBrake overrides {@code readerpass.directory.safety-brake} for this library; {@code null} keeps it
 * @param purgeAfter overrides {@code readerpass.directory.purge-after} for this library; {@code null} keeps it
 * @param fullSyncInterval overrides {@code readerpass.directory.full-sync-interval}; {@code null} keeps it
 * @param incrementalInterval overrides {@code readerpass.directory.incremental-interval}; {@code null} keeps it
 * @param incrementalOverlap overrides {@code readerpass.directory.incremental-overlap}; {@code null} keeps it
 * @param startTls upgrades each {@code ldap://} connection with StartTLS (RFC 4513) before anything
 * else is sent; then {@code insecure-plain} is not needed
 * @param trustedCertificates PEM file of the CA certificates trusted for this directory's TLS
 * ({@code ldaps://} or StartTLS) instead of the JVM's; {@code null} for the JVM's
 * @param changeDetection how changes are read between full syncs ({@code null} = timestamps)
 */
public record LibraryDirectory(String library, DirectoryPreset preset, @DefaultValue List<URI> urls,
		boolean insecurePlain, String bindDn, Secret bindPassword, String baseDn, String filter,
		@DefaultValue("500") int pageSize, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration responseTimeout, @DefaultValue("2s") Duration bindTimeout,
		@DefaultValue("4") int poolSize, @DefaultValue AttributeNames mapping, EmbeddedDirectory embedded,
		Double safetyBrake, Duration purgeAfter, Duration fullSyncInterval, Duration incrementalInterval,
		Duration incrementalOverlap, boolean startTls, Resource trustedCertificates,
		ChangeDetection changeDetection) {

	public LibraryDirectory {
		changeDetection = (changeDetection != null) ? changeDetection : ChangeDetection.TIMESTAMPS;
	}

	/** The configured filter, or the preset's. */
	public String effectiveFilter() {
		return (this.filter != null) ? this.filter : this.preset.defaultFilter();
	}

	/** The preset's attribute names with this library's overrides applied. */
	public AttributeNames attributes() {
		return this.mapping.orElse(this.preset.attributes());
	}

}
