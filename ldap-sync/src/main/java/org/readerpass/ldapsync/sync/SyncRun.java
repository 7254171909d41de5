package org.readerpass.ldapsync.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.readerpass.ldapsync.account.DirectoryAccount;
import org.readerpass.ldapsync.account.ReaderAccountWriter;
import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.connector.EntryHandler;
import org.readerpass.ldapsync.linking.ResidentIdHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run over one library: counts entries, turns them into accounts (resident ID number to
 * HMAC, here and nowhere later), writes them in batches.
 */
final class SyncRun implements EntryHandler {

	static final int MAX_REPORTED_FAILURES = 100;

	private static final Logger logger = LoggerFactory.getLogger(SyncRun.class);

	private final UUID id;

	private final String library;

	private final ReaderAccountWriter writer;

	private final ResidentIdHasher hasher;

	private final Clock clock;

	private final int batchSize;

	private final List<DirectoryAccount> batch = new ArrayList<>();

	private final Set<String> batchIds = new HashSet<>();

	/** Directory ids of the batch's entries whose resident ID number is not valid. */
	private final Set<String> invalidResidentIds = new HashSet<>();

	private final List<String> failures = new ArrayList<>();

	/** Directory ids of entries not written but seen (malformed, or unchanged by content sync) not marked yet. */
	private final Set<String> seenIds = new HashSet<>();

	/** Entries handled; read by {@link SyncProgress} from other threads while the run goes on. */
	private final AtomicInteger read = new AtomicInteger();

	private int created;

	private int updated;

	private int unchanged;

	private int failed;

	private int restored;

	private Instant latestChange;

	SyncRun(UUID id, String library, ReaderAccountWriter writer, ResidentIdHasher hasher, Clock clock,
			int batchSize) {
		this.id = id;
		this.library = library;
		this.writer = writer;
		this.hasher = hasher;
		this.clock = clock;
		this.batchSize = batchSize;
	}

	@Override
	public void entry(DirectoryEntry entry) {
		this.read.incrementAndGet();
		if (!this.batchIds.add(entry.directoryId())) {
			fail(entry.dn(), "same directory id as another entry");
			return;
		}
		this.batch.add(account(entry));
		if (this.batch.size() >= this.batchSize) {
			flush();
		}
	}

	@Override
	public void changedAt(Instant timestamp) {
		if (this.latestChange == null || timestamp.isAfter(this.latestChange)) {
			this.latestChange = timestamp;
		}
	}

	@Override
	public void malformed(String dn, String reason) {
		malformed(dn, null, reason);
	}

	@Override
	public void malformed(String dn, String directoryId, String reason) {
		this.read.incrementAndGet();
		fail(dn, reason);
		if (directoryId != null) {
			seen(directoryId);
		}
	}

	/** An entry the directory says is unchanged (content sync's present phase): read, unchanged, seen. */
	void unchanged(String directoryId) {
		this.read.incrementAndGet();
		this.unchanged++;
		seen(directoryId);
	}

	/** An entry still in the directory that is not written (see {@link ReaderAccountWriter#markSeen}). */
	void seen(String directoryId) {
		if (this.seenIds.add(directoryId) && this.seenIds.size() >= this.batchSize) {
			flush();
		}
	}

	/** Writes the entries not written yet. */
	void flush() {
		if (!this.seenIds.isEmpty()) {
			this.writer.markSeen(this.library, List.copyOf(this.seenIds), this.clock.instant(), this.id);
			this.seenIds.clear();
		}
		if (this.batch.isEmpty()) {
			return;
		}
		ReaderAccountWriter.WriteCounts counts = this.writer.write(List.copyOf(this.batch), this.clock.instant(),
				this.id, Set.copyOf(this.invalidResidentIds));
		this.created += counts.created();
		this.updated += counts.updated();
		this.unchanged += counts.unchanged();
		this.restored += counts.restored();
		this.batch.clear();
		this.batchIds.clear();
		this.invalidResidentIds.clear();
	}

	UUID id() {
		return this.id;
	}

	String library() {
		return this.library;
	}

	int read() {
		return this.read.get();
	}

	SyncResult result(SyncKind kind, Instant started, String error, MissingAccountsBrake.Outcome deletions,
			UUID confirmsRun) {
		return new SyncResult(this.id, this.library, this.read.get(), this.created, this.updated, this.unchanged,
				this.failed, this.failures, started, this.clock.instant(), error, deletions.missing(),
				deletions.suspended(), this.restored, deletions.purged(), deletions.brakeReason(), confirmsRun, kind,
				this.latestChange);
	}

	private DirectoryAccount account(DirectoryEntry entry) {
		String hmac = null;
		if (entry.residentIdNumber() != null) {
			hmac = this.hasher.hash(entry.residentIdNumber()).orElse(null);
			if (hmac == null) {
				this.invalidResidentIds.add(entry.directoryId());
				logger.debug("Resident ID number is not valid, account not linked by it library={} dn={}",
						this.library, entry.dn());
			}
		}
		return new DirectoryAccount(this.library, entry.directoryId(), entry.dn(), entry.cardNumber(),
				entry.displayName(), entry.readerType(), entry.status(), entry.expiresOn(), hmac, entry.phone(),
				entry.email());
	}

	private void fail(String dn, String reason) {
		this.failed++;
		if (this.failures.size() < MAX_REPORTED_FAILURES) {
			this.failures.add(dn + ": " + reason);
		}
	}

}
