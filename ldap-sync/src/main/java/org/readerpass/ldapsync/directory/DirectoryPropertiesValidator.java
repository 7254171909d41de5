package org.readerpass.ldapsync.directory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.springframework.core.io.Resource;

/**
 * Finds every problem of a {@link DirectoryProperties} at once. Each message starts with the full
 * key and the library code, e.g.
 * {@code readerpass.directory.libraries[2].base-dn (library zj.sx.zhuji): is required}.
 */
final class DirectoryPropertiesValidator
		implements ConstraintValidator<ValidDirectoryProperties, DirectoryProperties> {

	static final String PREFIX = "readerpass.directory";

	private static final Pattern LIBRARY_CODE = Pattern.compile("[a-z0-9]+(\\.[a-z0-9-]+)*");

	private static final int MIN_HMAC_KEY_LENGTH = 32;

	private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

	private static final Duration MAX_INTERVAL = Duration.ofDays(7);

	private static final Duration MAX_OVERLAP = Duration.ofDays(1);

	private static final Duration MIN_LEASE_TTL = Duration.ofSeconds(3);

	private static final Duration MAX_LEASE_TTL = Duration.ofHours(1);

	@Override
	public boolean isValid(DirectoryProperties properties, ConstraintValidatorContext context) {
		List<String> problems = problems(properties);
		if (problems.isEmpty()) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		for (String problem : problems) {
			context.buildConstraintViolationWithTemplate(escapeForTemplate(problem)).addConstraintViolation();
		}
		return false;
	}

	/** Every problem, in configuration order; empty when the properties are fine. */
	static List<String> problems(DirectoryProperties properties) {
		List<String> problems = new ArrayList<>();
		if (properties.identityHmacKey() == null || properties.identityHmacKey().isEmpty()) {
			problems.add(PREFIX + ".identity-hmac-key: is required");
		}
		else if (properties.identityHmacKey().reveal().length() < MIN_HMAC_KEY_LENGTH) {
			problems.add(PREFIX + ".identity-hmac-key: must be at least " + MIN_HMAC_KEY_LENGTH + " characters");
		}
		if (properties.purgeAfter() == null || properties.purgeAfter().isNegative()) {
			problems.add(PREFIX + ".purge-after: must be 0 or more");
		}
		if (!isShare(properties.safetyBrake())) {
			problems.add(PREFIX + ".safety-brake: must be between 0 and 1 (a share of the accounts, e.g. 0.1)");
		}
		BiConsumer<String, String> global = (key, problem) -> problems.add(PREFIX + "." + key + ": " + problem);
		checkInterval(properties.fullSyncInterval(), "full-sync-interval", global);
		checkInterval(properties.incrementalInterval(), "incremental-interval", global);
		checkOverlap(properties.incrementalOverlap(), "incremental-overlap", global);
		if (properties.leaseTtl() == null || properties.leaseTtl().compareTo(MIN_LEASE_TTL) < 0
				|| properties.leaseTtl().compareTo(MAX_LEASE_TTL) > 0) {
			problems.add(PREFIX + ".lease-ttl: must be between 3s and 1h");
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < properties.libraries().size(); i++) {
			LibraryDirectory library = properties.libraries().get(i);
			Problems found = new Problems(i, library.library(), problems);
			if (library.library() != null && !codes.add(library.library())) {
				found.add("library", "is configured twice");
			}
			checkLibrary(library, found);
		}
		return problems;
	}

	private static void checkLibrary(LibraryDirectory library, Problems problems) {
		if (library.library() == null || library.library().isBlank()) {
			problems.add("library", "is required");
		}
		else if (!LIBRARY_CODE.matcher(library.library()).matches()) {
			problems.add("library", "must be a code like zj.sx.zhuji (lower-case letters, digits, dots)");
		}
		if (library.preset() == null) {
			problems.add("preset", "is required (openldap or active-directory)");
		}
		checkConnection(library, problems);
		checkDn(library.bindDn(), "bind-dn", problems);
		if (library.bindPassword() == null || library.bindPassword().isEmpty()) {
			problems.add("bind-password", "is required");
		}
		checkDn(library.baseDn(), "base-dn", problems);
		if (library.filter() != null && !LdapSyntax.isFilter(library.filter())) {
			problems.add("filter", "is not an LDAP filter in parentheses");
		}
		checkRange(library.pageSize(), 1, 5000, "page-size", problems);
		checkRange(library.poolSize(), 1, 64, "pool-size", problems);
		checkTimeout(library.connectTimeout(), "connect-timeout", problems);
		checkTimeout(library.responseTimeout(), "response-timeout", problems);
		checkTimeout(library.bindTimeout(), "bind-timeout", problems);
		if (library.safetyBrake() != null && !isShare(library.safetyBrake())) {
			problems.add("safety-brake", "must be between 0 and 1 (a share of the accounts, e.g. 0.1)");
		}
		if (library.purgeAfter() != null && library.purgeAfter().isNegative()) {
			problems.add("purge-after", "must be 0 or more");
		}
		if (library.fullSyncInterval() != null) {
			checkInterval(library.fullSyncInterval(), "full-sync-interval", problems::add);
		}
		if (library.incrementalInterval() != null) {
			checkInterval(library.incrementalInterval(), "incremental-interval", problems::add);
		}
		if (library.incrementalOverlap() != null) {
			checkOverlap(library.incrementalOverlap(), "incremental-overlap", problems::add);
		}
		if (library.changeDetection().contentSync()) {
			if (library.preset() == DirectoryPreset.ACTIVE_DIRECTORY) {
				problems.add("change-detection", "content sync (RFC 4533) is OpenLDAP's: Active Directory does not offer "
						+ "it, use timestamps");
			}
			if (library.embedded() != null) {
				problems.add("change-detection", "the embedded directory does not offer content sync (RFC 4533): use "
						+ "timestamps");
			}
			if (library.preset() == DirectoryPreset.OPENLDAP
					&& !"entryUUID".equalsIgnoreCase(library.attributes().directoryId())) {
				problems.add("mapping.directory-id", "must be entryUUID with content sync (RFC 4533 names deleted "
						+ "entries by it)");
			}
		}
		library.mapping().byKey().forEach((key, attribute) -> {
			if (!LdapSyntax.isAttributeName(attribute)) {
				problems.add("mapping." + key, "is not an attribute name");
			}
		});
	}

	private static void checkConnection(LibraryDirectory library, Problems problems) {
		EmbeddedDirectory embedded = library.embedded();
		if (embedded != null) {
			if (!library.urls().isEmpty()) {
				problems.add("urls", "must be empty when embedded is set");
			}
			if (!library.insecurePlain()) {
				problems.add("insecure-plain", "must be true for an embedded directory (it serves plain ldap:// on 127.0.0.1)");
			}
			if (embedded.ldif() == null) {
				problems.add("embedded.ldif", "is required");
			}
			else if (!embedded.ldif().exists()) {
				problems.add("embedded.ldif", "does not exist: " + embedded.ldif().getDescription());
			}
			checkRange(embedded.port(), 0, 65535, "embedded.port", problems);
			if (library.startTls()) {
				problems.add("start-tls", "does not apply to an embedded directory (it serves plain ldap:// on 127.0.0.1)");
			}
			if (library.trustedCertificates() != null) {
				problems.add("trusted-certificates",
						"does not apply to an embedded directory (it serves plain ldap:// on 127.0.0.1)");
			}
			return;
		}
		if (library.urls().isEmpty()) {
			problems.add("urls", "needs at least one ldaps:// URL (or an embedded block)");
		}
		for (int i = 0; i < library.urls().size(); i++) {
			checkUrl(library.urls().get(i), "urls[" + i + "]", library, problems);
		}
		if (library.trustedCertificates() != null) {
			checkCertificates(library.trustedCertificates(), "trusted-certificates", problems);
			boolean tls = library.startTls() || library.urls()
				.stream()
				.anyMatch((url) -> url != null && "ldaps".equalsIgnoreCase(url.getScheme()));
			if (!tls && !library.urls().isEmpty()) {
				problems.add("trusted-certificates", "no URL uses TLS, so the certificates would never be checked: "
						+ "use ldaps:// or set start-tls: true, or remove it");
			}
		}
	}

	private static void checkUrl(URI url, String key, LibraryDirectory library, Problems problems) {
		String scheme = (url != null) ? url.getScheme() : null;
		if (scheme == null || !(scheme.equalsIgnoreCase("ldap") || scheme.equalsIgnoreCase("ldaps"))
				|| url.getHost() == null || url.getUserInfo() != null || url.getQuery() != null
				|| url.getFragment() != null || !(url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/"))) {
			problems.add(key, "must be ldaps://host[:port] or ldap://host[:port]");
		}
		else if (scheme.equalsIgnoreCase("ldap") && !library.insecurePlain() && !library.startTls()) {
			problems.add(key, "plain ldap:// sends passwords in clear: use ldaps://, set start-tls: true, or set "
					+ "insecure-plain: true");
		}
		else if (scheme.equalsIgnoreCase("ldaps") && library.startTls()) {
			problems.add(key, "start-tls applies to ldap:// URLs; ldaps:// is TLS already");
		}
	}

	/** A readable PEM file of at least one X.509 certificate. */
	private static void checkCertificates(Resource pem, String key, Problems problems) {
		if (!pem.exists()) {
			problems.add(key, "does not exist: " + pem.getDescription());
			return;
		}
		try (InputStream in = pem.getInputStream()) {
			if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
				problems.add(key, "holds no parseable PEM X.509 certificate: " + pem.getDescription());
			}
		}
		catch (IOException ex) {
			problems.add(key, "cannot be read: " + pem.getDescription() + ": " + ex.getMessage());
		}
		catch (CertificateException ex) {
			problems.add(key, "holds no parseable PEM X.509 certificate: " + pem.getDescription());
		}
	}

	private static void checkDn(String dn, String key, Problems problems) {
		if (dn == null || dn.isBlank()) {
			problems.add(key, "is required");
		}
		else if (!LdapSyntax.isDn(dn)) {
			problems.add(key, "is not a DN");
		}
	}

	private static boolean isShare(double value) {
		return value >= 0 && value <= 1;
	}

	private static void checkRange(int value, int min, int max, String key, Problems problems) {
		if (value < min || value > max) {
			problems.add(key, "must be between " + min + " and " + max);
		}
	}

	private static void checkTimeout(Duration timeout, String key, Problems problems) {
		if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
			problems.add(key, "must be more than 0 and at most 5m");
		}
	}

	private static void checkInterval(Duration interval, String key, BiConsumer<String, String> problems) {
		if (interval == null || interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
			problems.accept(key, "must be between 1s and 7d");
		}
	}

	private static void checkOverlap(Duration overlap, String key, BiConsumer<String, String> problems) {
		if (overlap == null || overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
			problems.accept(key, "must be between 0s and 1d");
		}
	}

	/** Hibernate Validator reads {…} and ${…} in a message as expressions: configuration values must not be. */
	private static String escapeForTemplate(String message) {
		return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

	private record Problems(int index, String library, List<String> all) {

		void add(String key, String problem) {
			String name = (this.library != null && !this.library.isBlank()) ? " (library " + this.library + ")" : "";
			this.all.add(PREFIX + ".libraries[" + this.index + "]." + key + name + ": " + problem);
		}

	}

}
