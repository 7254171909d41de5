package org.readerpass.ldapsync.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.readerpass.ldapsync.directory.EmbeddedDirectory;
import org.readerpass.ldapsync.directory.LibraryDirectory;
import org.readerpass.ldapsync.testsupport.DemoLdif;
import org.readerpass.ldapsync.testsupport.DemoLibrary;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;

import org.springframework.core.io.ByteArrayResource;

/**
 * A demo library's LDIF with change timestamps an hour apart in LDIF order, from
 * {@link #FIRST}: {@code createTimestamp} and {@code modifyTimestamp} (OpenLDAP style; slapadd
 * and the in-memory server keep them), or {@code whenChanged} (AD style). The last entry is a
 * reader, so a full sync's high-water mark is {@link #last}, and an overlap shorter than an hour
 * reads exactly one unchanged entry again.
 */
final class TimestampedLdif {

	static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private TimestampedLdif() {
	}

	static String of(DemoLibrary library) {
		StringBuilder ldif = new StringBuilder();
		int i = 0;
		try (LDIFReader reader = new LDIFReader(
				new ByteArrayInputStream(DemoLdif.of(library).getBytes(StandardCharsets.UTF_8)))) {
			for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
				String at = FORMAT.format(FIRST.plus(Duration.ofHours(i++)));
				if (library.isActiveDirectory()) {
					entry.setAttribute("whenChanged", at + ".0Z");
				}
				else {
					entry.setAttribute("createTimestamp", at + "Z");
					entry.setAttribute("modifyTimestamp", at + "Z");
				}
				ldif.append(entry.toLDIFString()).append('\n');
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (LDIFException ex) {
			throw new IllegalStateException(ex);
		}
		return ldif.toString();
	}

	/** The timestamp of the last entry: a full sync's high-water mark. */
	static Instant last(DemoLibrary library) {
		long entries = of(library).lines().filter((line) -> line.startsWith("dn:") || line.startsWith("dn::")).count();
		return FIRST.plus(Duration.ofHours(entries - 1));
	}

	/** The library's configuration with its embedded directory seeded from the timestamped LDIF. */
	static LibraryDirectory embedded(LibraryDirectory l, DemoLibrary library) {
		EmbeddedDirectory embedded = new EmbeddedDirectory(
				new ByteArrayResource(of(library).getBytes(StandardCharsets.UTF_8)), 0);
		return new LibraryDirectory(l.library(), l.preset(), l.urls(), l.insecurePlain(), l.bindDn(), l.bindPassword(),
				l.baseDn(), l.filter(), l.pageSize(), l.connectTimeout(), l.responseTimeout(), l.bindTimeout(),
				l.poolSize(), l.mapping(), embedded, l.safetyBrake(), l.purgeAfter(), l.fullSyncInterval(),
				l.incrementalInterval(), l.incrementalOverlap(), l.startTls(), l.trustedCertificates(), l.changeDetection());
	}

}
