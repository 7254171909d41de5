package org.readerpass.ldapsync.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readerpass.ldapsync.testsupport.DemoDirectories;
import org.readerpass.ldapsync.testsupport.DemoLibrary;
import org.readerpass.policy.Secret;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

class DirectoryPropertiesValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void problemsWhenDemoConfigurationThenNone() {
		assertThat(DirectoryPropertiesValidator.problems(DemoDirectories.properties())).isEmpty();
	}

	@Test
	void startWhenSeveralProblemsThenAllReportedAtOnceNamingLibraryAndKey() {
		this.runner
			.withPropertyValues("readerpass.directory.identity-hmac-key=short",
					"readerpass.directory.libraries[0].library=zj", "readerpass.directory.libraries[0].preset=openldap",
					"readerpass.directory.libraries[0].urls=ldap://ldap.zjlib.example",
					"readerpass.directory.libraries[0].bind-dn=cn=readerpass-sync,dc=zj,dc=lib,dc=zj,dc=cn",
					"readerpass.directory.libraries[0].bind-password=TopSecretPw1",
					"readerpass.directory.libraries[1].library=zj.sx",
					"readerpass.directory.libraries[1].preset=active-directory",
					"readerpass.directory.libraries[1].urls=http://dc1.sx.example",
					"readerpass.directory.libraries[1].bind-dn=readerpass-sync",
					"readerpass.directory.libraries[1].bind-password=TopSecretPw1",
					"readerpass.directory.libraries[1].base-dn=CN=Users,DC=sx,DC=lib,DC=zj,DC=cn",
					"readerpass.directory.libraries[1].page-size=0")
			.run((context) -> {
				assertThat(context).hasFailed();
				String message = allMessages(context.getStartupFailure());
				assertThat(message).contains("readerpass.directory.identity-hmac-key: must be at least 32 characters",
						"readerpass.directory.libraries[0].urls[0] (library zj): plain ldap:// sends passwords in clear",
						"readerpass.directory.libraries[0].base-dn (library zj): is required",
						"readerpass.directory.libraries[1].urls[0] (library zj.sx): must be ldaps://host[:port]",
						"readerpass.directory.libraries[1].bind-dn (library zj.sx): is not a DN",
						"readerpass.directory.libraries[1].page-size (library zj.sx): must be between 1 and 5000");
				assertThat(message).doesNotContain("TopSecretPw1");
			});
	}

	@Test
	void problemsWhenContentSyncOnActiveDirectoryOrEmbeddedThenReported() {
		DirectoryProperties demo = DemoDirectories.properties();
		LibraryDirectory l = DemoDirectories.library(DemoLibrary.SX);
		LibraryDirectory sx = new LibraryDirectory(l.library(), l.preset(), l.urls(), l.insecurePlain(), l.bindDn(),
				l.bindPassword(), l.baseDn(), l.filter(), l.pageSize(), l.connectTimeout(), l.responseTimeout(),
				l.bindTimeout(), l.poolSize(), l.mapping(), l.embedded(), null, null, null, null, null, false, null,
				ChangeDetection.CONTENT_SYNC_PERSIST);
		DirectoryProperties properties = new DirectoryProperties(demo.identityHmacKey(), demo.zone(), true,
				List.of(sx), demo.purgeAfter(), demo.safetyBrake(), true, DirectoryProperties.DEFAULT_FULL_SYNC_INTERVAL,
				DirectoryProperties.DEFAULT_INCREMENTAL_INTERVAL, DirectoryProperties.DEFAULT_INCREMENTAL_OVERLAP);
		assertThat(DirectoryPropertiesValidator.problems(properties)).containsExactly(
				"readerpass.directory.libraries[0].change-detection (library zj.sx): content sync (RFC 4533) is "
						+ "OpenLDAP's: Active Directory does not offer it, use timestamps",
				"readerpass.directory.libraries[0].change-detection (library zj.sx): the embedded directory "
						+ "does not offer content sync (RFC 4533): use timestamps");
	}

	@Test
	void startWhenContentSyncWithAnotherDirectoryIdThenReported() {
		this.runner
			.withPropertyValues("readerpass.directory.identity-hmac-key=" + "k".repeat(32),
					"readerpass.directory.libraries[0].library=zj", "readerpass.directory.libraries[0].preset=openldap",
					"readerpass.directory.libraries[0].urls=ldaps://ldap.zjlib.example",
					"readerpass.directory.libraries[0].bind-dn=cn=readerpass-sync,dc=zj,dc=lib,dc=zj,dc=cn",
					"readerpass.directory.libraries[0].bind-password=TopSecretPw1",
					"readerpass.directory.libraries[0].base-dn=ou=readers,dc=zj,dc=lib,dc=zj,dc=cn",
					"readerpass.directory.libraries[0].mapping.directory-id=uid",
					"readerpass.directory.libraries[0].change-detection=content-sync")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(allMessages(context.getStartupFailure())).contains(
						"readerpass.directory.libraries[0].mapping.directory-id (library zj): must be entryUUID with "
								+ "content sync (RFC 4533 names deleted entries by it)");
			});
	}

	@Test
	void startWhenContentSyncOnOpenLdapThenBound() {
		this.runner
			.withPropertyValues("readerpass.directory.identity-hmac-key=" + "k".repeat(32),
					"readerpass.directory.libraries[0].library=zj", "readerpass.directory.libraries[0].preset=openldap",
					"readerpass.directory.libraries[0].urls=ldaps://ldap.zjlib.example",
					"readerpass.directory.libraries[0].bind-dn=cn=readerpass-sync,dc=zj,dc=lib,dc=zj,dc=cn",
					"readerpass.directory.libraries[0].bind-password=TopSecretPw1",
					"readerpass.directory.libraries[0].base-dn=ou=readers,dc=zj,dc=lib,dc=zj,dc=cn",
					"readerpass.directory.libraries[0].change-detection=content-sync-persist")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(DirectoryProperties.class).library("zj").orElseThrow().changeDetection())
					.isEqualTo(ChangeDetection.CONTENT_SYNC_PERSIST);
			});
	}

	@Test
	void startWhenDemoYamlThenBindsWithRealTypes() {
		this.runner.withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.location=classpath:/" + DemoDirectories.YAML)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DirectoryProperties properties = context.getBean(DirectoryProperties.class);
				assertThat(properties.libraries()).hasSize(9);
				LibraryDirectory sx = properties.library("zj.sx").orElseThrow();
				assertThat(sx.preset()).isEqualTo(DirectoryPreset.ACTIVE_DIRECTORY);
				assertThat(sx.bindPassword()).isEqualTo(Secret.of("sync-secret"));
				assertThat(sx.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(sx.embedded().ldif().exists()).isTrue();
				assertThat(sx.attributes().cardNumber()).isEqualTo("sAMAccountName");
				assertThat(properties.toString()).doesNotContain("sync-secret").doesNotContain("demo-only-identity");
			});
	}

	@Test
	void startWhenDeletionKeysSetThenBoundAndEveryLibraryInheritsThem() {
		this.runner.withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.location=classpath:/" + DemoDirectories.YAML,
					"readerpass.directory.purge-after=7d", "readerpass.directory.safety-brake=0.05")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DirectoryProperties properties = context.getBean(DirectoryProperties.class);
				assertThat(properties.purgeAfter("zj.sx")).isEqualTo(Duration.ofDays(7));
				assertThat(properties.safetyBrake("zj.sx")).isEqualTo(0.05);
			});
	}

	@Test
	void purgeAfterWhenUnsetThenThirtyDaysAndTenPercentUnlessLibraryOverrides() {
		DirectoryProperties demo = DemoDirectories.properties();
		assertThat(demo.purgeAfter("zj")).isEqualTo(Duration.ofDays(30));
		assertThat(demo.safetyBrake("zj")).isEqualTo(0.1);
		LibraryDirectory zj = deletions(DemoDirectories.library(DemoLibrary.ZJ), 0.5, Duration.ofDays(2));
		DirectoryProperties overridden = new DirectoryProperties(demo.identityHmacKey(), demo.zone(), true,
				List.of(zj), demo.purgeAfter(), demo.safetyBrake(), true, DirectoryProperties.DEFAULT_FULL_SYNC_INTERVAL,
				DirectoryProperties.DEFAULT_INCREMENTAL_INTERVAL, DirectoryProperties.DEFAULT_INCREMENTAL_OVERLAP);
		assertThat(overridden.purgeAfter("zj")).isEqualTo(Duration.ofDays(2));
		assertThat(overridden.safetyBrake("zj")).isEqualTo(0.5);
	}

	@Test
	void problemsWhenSafetyBrakeOrPurgeAfterOutOfRangeThenReported() {
		DirectoryProperties demo = DemoDirectories.properties();
		LibraryDirectory zj = deletions(DemoDirectories.library(DemoLibrary.ZJ), 1.5, Duration.ofDays(-1));
		DirectoryProperties properties = new DirectoryProperties(demo.identityHmacKey(), demo.zone(), true,
				List.of(zj), Duration.ofDays(-1), -0.1, true, DirectoryProperties.DEFAULT_FULL_SYNC_INTERVAL,
				DirectoryProperties.DEFAULT_INCREMENTAL_INTERVAL, DirectoryProperties.DEFAULT_INCREMENTAL_OVERLAP);
		assertThat(DirectoryPropertiesValidator.problems(properties)).containsExactly(
				"readerpass.directory.purge-after: must be 0 or more",
				"readerpass.directory.safety-brake: must be between 0 and 1 (a share of the accounts, e.g. 0.1)",
				"readerpass.directory.libraries[0].safety-brake (library zj): must be between 0 and 1 (a share of the accounts, e.g. 0.1)",
				"readerpass.directory.libraries[0].purge-after (library zj): must be 0 or more");
	}

	private static LibraryDirectory deletions(LibraryDirectory l, Double safetyBrake, Duration purgeAfter) {
		return new LibraryDirectory(l.library(), l.preset(), l.urls(), l.insecurePlain(), l.bindDn(), l.bindPassword(),
				l.baseDn(), l.filter(), l.pageSize(), l.connectTimeout(), l.responseTimeout(), l.bindTimeout(),
				l.poolSize(), l.mapping(), l.embedded(), safetyBrake, purgeAfter, null, null, null, false, null, null);
	}

	@Test
	void problemsWhenEmbeddedMisconfiguredThenReported() {
		LibraryDirectory zj = DemoDirectories.library(DemoLibrary.ZJ);
		LibraryDirectory broken = new LibraryDirectory("zj", zj.preset(), List.of(URI.create("ldaps://ldap.example")),
				false, zj.bindDn(), zj.bindPassword(), zj.baseDn(), "(objectClass=inetOrgPerson", zj.pageSize(),
				zj.connectTimeout(), Duration.ZERO, zj.bindTimeout(), 0,
				new AttributeNames(null, "card number", null, null, null, null, null, null, null),
				new EmbeddedDirectory(new ClassPathResource("demo/directories/missing.ldif"), 70000), null, null, null,
				null, null, false, null, null);
		DirectoryProperties properties = new DirectoryProperties(Secret.of("k".repeat(32)),
				ZoneId.of("Asia/Shanghai"), true, List.of(broken, zj), DirectoryProperties.DEFAULT_PURGE_AFTER,
				DirectoryProperties.DEFAULT_SAFETY_BRAKE, true, DirectoryProperties.DEFAULT_FULL_SYNC_INTERVAL,
				DirectoryProperties.DEFAULT_INCREMENTAL_INTERVAL, DirectoryProperties.DEFAULT_INCREMENTAL_OVERLAP);
		assertThat(DirectoryPropertiesValidator.problems(properties)).containsExactly(
				"readerpass.directory.libraries[0].urls (library zj): must be empty when embedded is set",
				"readerpass.directory.libraries[0].insecure-plain (library zj): must be true for an embedded directory (it serves plain ldap:// on 127.0.0.1)",
				"readerpass.directory.libraries[0].embedded.ldif (library zj): does not exist: class path resource [demo/directories/missing.ldif]",
				"readerpass.directory.libraries[0].embedded.port (library zj): must be between 0 and 65535",
				"readerpass.directory.libraries[0].filter (library zj): is not an LDAP filter in parentheses",
				"readerpass.directory.libraries[0].pool-size (library zj): must be between 1 and 64",
				"readerpass.directory.libraries[0].response-timeout (library zj): must be more than 0 and at most 5m",
				"readerpass.directory.libraries[0].mapping.card-number (library zj): is not an attribute name",
				"readerpass.directory.libraries[1].library (library zj): is configured twice");
	}

	@Test
	void problemsWhenLibraryHasNoDirectoryThenUrlsRequired() {
		LibraryDirectory bare = new LibraryDirectory(null, null, List.of(), false, null, null, null, null, 500,
				Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2), 4,
				new AttributeNames(null, null, null, null, null, null, null, null, null), null, null, null, null, null,
				null, false, null, null);
		assertThat(DirectoryPropertiesValidator.problems(new DirectoryProperties(null, ZoneId.of("UTC"), true,
				List.of(bare), DirectoryProperties.DEFAULT_PURGE_AFTER, DirectoryProperties.DEFAULT_SAFETY_BRAKE, true,
				DirectoryProperties.DEFAULT_FULL_SYNC_INTERVAL, DirectoryProperties.DEFAULT_INCREMENTAL_INTERVAL,
				DirectoryProperties.DEFAULT_INCREMENTAL_OVERLAP)))
			.containsExactly("readerpass.directory.identity-hmac-key: is required",
					"readerpass.directory.libraries[0].library: is required",
					"readerpass.directory.libraries[0].preset: is required (openldap or active-directory)",
					"readerpass.directory.libraries[0].urls: needs at least one ldaps:// URL (or an embedded block)",
					"readerpass.directory.libraries[0].bind-dn: is required",
					"readerpass.directory.libraries[0].bind-password: is required",
					"readerpass.directory.libraries[0].base-dn: is required");
	}

	@Test
	void isFilterWhenBalancedThenTrue() {
		assertThat(LdapSyntax.isFilter("(&(objectClass=user)(!(objectClass=computer)))")).isTrue();
		assertThat(LdapSyntax.isFilter("(a=1)(b=2)")).isFalse();
		assertThat(LdapSyntax.isFilter("(a=1))")).isFalse();
		assertThat(LdapSyntax.isDn("cn=a\\,b,dc=x")).isTrue();
		assertThat(LdapSyntax.isDn("cn=,dc=x")).isFalse();
	}

	private static String allMessages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DirectoryProperties.class)
	static class PropertiesOnly {

	}

	@Test
	void schedulesWhenNotSetThenDefaultsAndLibraryOverridesApply() {
		DirectoryProperties demo = DemoDirectories.properties();
		assertThat(demo.scheduleEnabled()).isTrue();
		assertThat(demo.fullSyncInterval("zj")).isEqualTo(Duration.ofHours(1));
		assertThat(demo.incrementalInterval("zj")).isEqualTo(Duration.ofMinutes(1));
		assertThat(demo.incrementalOverlap("zj")).isEqualTo(Duration.ofSeconds(60));
		DirectoryProperties overridden = new DirectoryProperties(demo.identityHmacKey(), demo.zone(), true,
				List.of(schedules(DemoDirectories.library(DemoLibrary.ZJ), Duration.ofMinutes(30), Duration.ofSeconds(10),
						Duration.ofSeconds(5))),
				demo.purgeAfter(), demo.safetyBrake(), true, demo.fullSyncInterval(), demo.incrementalInterval(),
				demo.incrementalOverlap());
		assertThat(overridden.fullSyncInterval("zj")).isEqualTo(Duration.ofMinutes(30));
		assertThat(overridden.incrementalInterval("zj")).isEqualTo(Duration.ofSeconds(10));
		assertThat(overridden.incrementalOverlap("zj")).isEqualTo(Duration.ofSeconds(5));
		assertThat(DirectoryPropertiesValidator.problems(overridden)).isEmpty();
	}

	@Test
	void problemsWhenScheduleIntervalsOutOfRangeThenReportedWithTheirKeys() {
		DirectoryProperties demo = DemoDirectories.properties();
		LibraryDirectory zj = schedules(DemoDirectories.library(DemoLibrary.ZJ), Duration.ofDays(8), Duration.ZERO,
				Duration.ofSeconds(-1));
		DirectoryProperties properties = new DirectoryProperties(demo.identityHmacKey(), demo.zone(), true,
				List.of(zj), demo.purgeAfter(), demo.safetyBrake(), true, Duration.ofMillis(500), null,
				Duration.ofDays(2));
		assertThat(DirectoryPropertiesValidator.problems(properties)).containsExactly(
				"readerpass.directory.full-sync-interval: must be between 1s and 7d",
				"readerpass.directory.incremental-interval: must be between 1s and 7d",
				"readerpass.directory.incremental-overlap: must be between 0s and 1d",
				"readerpass.directory.libraries[0].full-sync-interval (library zj): must be between 1s and 7d",
				"readerpass.directory.libraries[0].incremental-interval (library zj): must be between 1s and 7d",
				"readerpass.directory.libraries[0].incremental-overlap (library zj): must be between 0s and 1d");
	}

	private static LibraryDirectory schedules(LibraryDirectory l, Duration full, Duration incremental,
			Duration overlap) {
		return new LibraryDirectory(l.library(), l.preset(), l.urls(), l.insecurePlain(), l.bindDn(), l.bindPassword(),
				l.baseDn(), l.filter(), l.pageSize(), l.connectTimeout(), l.responseTimeout(), l.bindTimeout(),
				l.poolSize(), l.mapping(), l.embedded(), l.safetyBrake(), l.purgeAfter(), full, incremental, overlap, false, null, null);
	}

	/** A CA certificate (self-signed EC P-256, valid until 2126) for the trusted-certificates checks. */
	private static final String TEST_CA_PEM = """
			-----BEGIN CERTIFICATE-----
			MIIBpjCCAU2gAwIBAgIUE3VNzrOXx9gDROY+0xapzY1Gg7gwCgYIKoZIzj0EAwIw
			KDEmMCQGA1UEAwwdUmVhZGVyUGFzcyB2YWxpZGF0aW9uIHRlc3QgQ0EwIBcNMjYx
			MTI1MTMxODI4WhgPMjEyNjExMDExMzE4MjhaMCgxJjAkBgNVBAMMHVJlYWRlclBh
			c3MgdmFsaWRhdGlvbiB0ZXN0IENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
			ObbxXShvGViqjaHe8EXjJTwHwuTIi4RK5MFcYsiUb0ld0fnsFr4lFcpRon876Wqd
			LCoIbUYhCy8+RYOs7ldEK6NTMFEwHQYDVR0OBBYEFFsAEjs+0bj7kP4UQaWUWVrA
			NkSpMB8GA1UdIwQYMBaAFFsAEjs+0bj7kP4UQaWUWVrANkSpMA8GA1UdEwEB/wQF
			MAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgSG472+InLeVlNb6JHJzWv53lWqsZwGrU
			H6plhq8ZPBACIDI2llsBS0TYKG2hGXSEBzs6BP6Y7VfkVupxJa660PxY
			-----END CERTIFICATE-----
			""";

	@TempDir
	Path temp;

	@Test
	void problemsWhenStartTlsOnLdapUrlWithTrustedCertificatesThenNoneWithoutInsecurePlain() throws IOException {
		Resource ca = file("ca.pem", TEST_CA_PEM);
		LibraryDirectory zj = tls(DemoDirectories.library(DemoLibrary.ZJ), "zj",
				List.of(URI.create("ldap://ldap1.zjlib.example"), URI.create("ldap://ldap2.zjlib.example:1389")), true, ca);
		assertThat(DirectoryPropertiesValidator.problems(only(zj))).isEmpty();
	}

	@Test
	void problemsWhenPlainLdapWithoutStartTlsOrInsecurePlainThenReportedNamingStartTls() {
		LibraryDirectory zj = tls(DemoDirectories.library(DemoLibrary.ZJ), "zj",
				List.of(URI.create("ldap://ldap.zjlib.example")), false, null);
		assertThat(DirectoryPropertiesValidator.problems(only(zj))).containsExactly(
				"readerpass.directory.libraries[0].urls[0] (library zj): plain ldap:// sends passwords in clear: "
						+ "use ldaps://, set start-tls: true, or set insecure-plain: true");
	}

	@Test
	void problemsWhenStartTlsOnLdapsUrlThenReported() {
		LibraryDirectory zj = tls(DemoDirectories.library(DemoLibrary.ZJ), "zj",
				List.of(URI.create("ldap://ldap1.zjlib.example"), URI.create("ldaps://ldap2.zjlib.example")), true,
				null);
		assertThat(DirectoryPropertiesValidator.problems(only(zj))).containsExactly(
				"readerpass.directory.libraries[0].urls[1] (library zj): start-tls applies to ldap:// URLs; "
						+ "ldaps:// is TLS already");
	}

	@Test
	void problemsWhenTlsKeysOnEmbeddedDirectoryThenReported() throws IOException {
		LibraryDirectory l = DemoDirectories.library(DemoLibrary.SX);
		LibraryDirectory sx = new LibraryDirectory(l.library(), l.preset(), l.urls(), l.insecurePlain(), l.bindDn(),
				l.bindPassword(), l.baseDn(), l.filter(), l.pageSize(), l.connectTimeout(), l.responseTimeout(),
				l.bindTimeout(), l.poolSize(), l.mapping(), l.embedded(), null, null, null, null, null, true,
				file("ca.pem", TEST_CA_PEM), null);
		assertThat(DirectoryPropertiesValidator.problems(only(sx))).containsExactly(
				"readerpass.directory.libraries[0].start-tls (library zj.sx): does not apply to an embedded directory "
						+ "(it serves plain ldap:// on 127.0.0.1)",
				"readerpass.directory.libraries[0].trusted-certificates (library zj.sx): does not apply to an embedded "
						+ "directory (it serves plain ldap:// on 127.0.0.1)");
	}

	@Test
	void problemsWhenTrustedCertificatesMissingEmptyOrNotCertificatesThenReported() throws IOException {
		LibraryDirectory zj = DemoDirectories.library(DemoLibrary.ZJ);
		List<URI> ldaps = List.of(URI.create("ldaps://ldap.zjlib.example"));
		Resource missing = new FileSystemResource(this.temp.resolve("missing.pem"));
		Resource empty = file("empty.pem", "");
		Resource key = file("key.pem", "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n"
				+ "-----END PRIVATE KEY-----\n");
		Resource broken = file("broken.pem", TEST_CA_PEM.replace("MIIBpjCCAU2g", "MIIBpjCCAU2h"));
		DirectoryProperties properties = only(tls(zj, "zj", ldaps, false, missing), tls(zj, "zj.hz", ldaps, false, empty),
				tls(zj, "zj.nb", ldaps, false, key), tls(zj, "zj.wz", ldaps, false, broken));
		assertThat(DirectoryPropertiesValidator.problems(properties)).containsExactly(
				"readerpass.directory.libraries[0].trusted-certificates (library zj): does not exist: "
						+ missing.getDescription(),
				"readerpass.directory.libraries[1].trusted-certificates (library zj.hz): holds no parseable PEM X.509 "
						+ "certificate: " + empty.getDescription(),
				"readerpass.directory.libraries[2].trusted-certificates (library zj.nb): holds no parseable PEM X.509 "
						+ "certificate: " + key.getDescription(),
				"readerpass.directory.libraries[3].trusted-certificates (library zj.wz): holds no parseable PEM X.509 "
						+ "certificate: " + broken.getDescription());
	}

	@Test
	void problemsWhenTrustedCertificatesButNoUrlUsesTlsThenReported() throws IOException {
		LibraryDirectory l = tls(DemoDirectories.library(DemoLibrary.ZJ), "zj",
				List.of(URI.create("ldap://ldap.zjlib.example")), false, file("ca.pem", TEST_CA_PEM));
		LibraryDirectory plain = new LibraryDirectory(l.library(), l.preset(), l.urls(), true, l.bindDn(),
				l.bindPassword(), l.baseDn(), l.filter(), l.pageSize(), l.connectTimeout(), l.responseTimeout(),
				l.bindTimeout(), l.poolSize(), l.mapping(), null, null, null, null, null, null, false,
				l.trustedCertificates(), null);
		assertThat(DirectoryPropertiesValidator.problems(only(plain))).containsExactly(
				"readerpass.directory.libraries[0].trusted-certificates (library zj): no URL uses TLS, so the "
						+ "certificates would never be checked: use ldaps:// or set start-tls: true, or remove it");
	}

	@Test
	void startWhenStartTlsAndTrustedCertificatesSetThenBound() throws IOException {
		Path ca = this.temp.resolve("zj-ca.pem");
		Files.writeString(ca, TEST_CA_PEM);
		this.runner
			.withPropertyValues("readerpass.directory.identity-hmac-key=" + "k".repeat(32),
					"readerpass.directory.libraries[0].library=zj", "readerpass.directory.libraries[0].preset=openldap",
					"readerpass.directory.libraries[0].urls=ldap://ldap.zjlib.example",
					"readerpass.directory.libraries[0].start-tls=true",
					"readerpass.directory.libraries[0].trusted-certificates=file:" + ca,
					"readerpass.directory.libraries[0].bind-dn=cn=readerpass-sync,dc=zj,dc=lib,dc=zj,dc=cn",
					"readerpass.directory.libraries[0].bind-password=TopSecretPw1",
					"readerpass.directory.libraries[0].base-dn=ou=readers,dc=zj,dc=lib,dc=zj,dc=cn")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				LibraryDirectory zj = context.getBean(DirectoryProperties.class).library("zj").orElseThrow();
				assertThat(zj.startTls()).isTrue();
				assertThat(zj.insecurePlain()).isFalse();
				assertThat(zj.trustedCertificates().getFile().toPath()).isEqualTo(ca);
			});
	}

	private Resource file(String name, String content) throws IOException {
		Path file = this.temp.resolve(name);
		Files.writeString(file, content);
		return new FileSystemResource(file);
	}

	private static LibraryDirectory tls(LibraryDirectory l, String library, List<URI> urls, boolean startTls,
			Resource trustedCertificates) {
		return new LibraryDirectory(library, l.preset(), urls, false, l.bindDn(), l.bindPassword(), l.baseDn(),
				l.filter(), l.pageSize(), l.connectTimeout(), l.responseTimeout(), l.bindTimeout(), l.poolSize(),
				l.mapping(), null, null, null, null, null, null, startTls, trustedCertificates, null);
	}

	private static DirectoryProperties only(LibraryDirectory... libraries) {
		DirectoryProperties demo = DemoDirectories.properties();
		return new DirectoryProperties(demo.identityHmacKey(), demo.zone(), true, List.of(libraries),
				demo.purgeAfter(), demo.safetyBrake(), true, DirectoryProperties.DEFAULT_FULL_SYNC_INTERVAL,
				DirectoryProperties.DEFAULT_INCREMENTAL_INTERVAL, DirectoryProperties.DEFAULT_INCREMENTAL_OVERLAP);
	}

}
