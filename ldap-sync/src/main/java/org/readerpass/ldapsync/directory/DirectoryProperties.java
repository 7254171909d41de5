package org.readerpass.ldapsync.directory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.readerpass.policy.Secret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code readerpass.directory}: the libraries' directories ReaderPass syncs readers from and
 * checks passwords against. Every problem is reported at start-up at once, naming the library
 * and the key (see {@link DirectoryPropertiesValidator}).
 *
 * @param identityHmacKey key of the HMAC that stands for resident ID numbers (at least 32
 * characters); changing it unlinks every reader
 * @param zone time zone in which directory timestamps (expiry) become dates
 * @param startupSync whether every library is synced once when the application starts
 * @param libraries one entry per library directory
 * @param purgeAfter how long an account missing from its directory stays (suspended) before it is
 * deleted; a library may override it
 * @param safetyBrake the largest share (0–1) of a library's accounts one run may suspend as missing;
 * a run that would suspend more suspends none until an admin confirms it; a library may override it
 * @param scheduleEnabled whether full and incremental syncs run on their schedules (after the start-up sync)
 * @param fullSyncInterval time between the end of one scheduled full sync of a library and the
 * start of the next; a library may override it
 * @param incrementalInterval time between scheduled incremental syncs of a library; a library may override it
 * @param incrementalOverlap how far before its high-water mark an incremental sync reads again,
 * for clock skew and changes committed late; a library may override it
 * @param leaseTtl how long a node's sync lease of a library lasts without renewal (a run renews it
 * every third of this; a dead node's lease is free after it): between 3s and 1h
 */
@ConfigurationProperties("readerpass.directory")
@Validated
@ValidDirectoryProperties
public record DirectoryProperties(Secret identityHmacKey, @DefaultValue("Asia/Shanghai") ZoneId zone,
		@DefaultValue("true") boolean startupSync, @DefaultValue List<LibraryDirectory> libraries,
		@DefaultValue("30d") Duration purgeAfter, @DefaultValue("0.1") double safetyBrake,
		@DefaultValue("true") boolean scheduleEnabled, @DefaultValue("1h") Duration fullSyncInterval,
		@DefaultValue("1m") Duration incrementalInterval, @DefaultValue("60s") Duration incrementalOverlap,
		@DefaultValue("60s") Duration leaseTtl) {

	public static final Duration DEFAULT_PURGE_AFTER = Duration.ofDays(30);

	public static final double DEFAULT_SAFETY_BRAKE = 0.1;

	public static final Duration DEFAULT_FULL_SYNC_INTERVAL = Duration.ofHours(1);

	public static final Duration DEFAULT_INCREMENTAL_INTERVAL = Duration.ofMinutes(1);

	public static final Duration DEFAULT_INCREMENTAL_OVERLAP = Duration.ofSeconds(60);

	public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(60);

	/** The constructor the configuration binds (the other one is for code written before {@code lease-ttl}). */
	@ConstructorBinding
	public DirectoryProperties {
	}

	/** With the default {@code lease-ttl}. */
	public DirectoryProperties(Secret identityHmacKey, ZoneId zone, boolean startupSync, List<LibraryDirectory> libraries,
			Duration purgeAfter, double safetyBrake, boolean scheduleEnabled, Duration fullSyncInterval,
			Duration incrementalInterval, Duration incrementalOverlap) {
		this(identityHmacKey, zone, startupSync, libraries, purgeAfter, safetyBrake, scheduleEnabled, fullSyncInterval,
				incrementalInterval, incrementalOverlap, DEFAULT_LEASE_TTL);
	}

	/** The library's {@code purge-after}, or the global one. */
	public Duration purgeAfter(String libraryCode) {
		return library(libraryCode).map(LibraryDirectory::purgeAfter).orElse(this.purgeAfter);
	}

	/** The library's {@code safety-brake}, or the global one. */
	public double safetyBrake(String libraryCode) {
		return library(libraryCode).map(LibraryDirectory::safetyBrake).orElse(this.safetyBrake);
	}

	/** The library's {@code full-sync-interval}, or the global one. */
	public Duration fullSyncInterval(String libraryCode) {
		return library(libraryCode).map(LibraryDirectory::fullSyncInterval).orElse(this.fullSyncInterval);
	}

	/** The library's {@code incremental-interval}, or the global one. */
	public Duration incrementalInterval(String libraryCode) {
		return library(libraryCode).map(LibraryDirectory::incrementalInterval).orElse(this.incrementalInterval);
	}

	/** The library's {@code incremental-overlap}, or the global one. */
	public Duration incrementalOverlap(String libraryCode) {
		return library(libraryCode).map(LibraryDirectory::incrementalOverlap).orElse(this.incrementalOverlap);
	}

	public Optional<LibraryDirectory> library(String libraryCode) {
		return this.libraries.stream().filter((library) -> library.library().equals(libraryCode)).findFirst();
	}

}
