package org.readerpass.ldapsync.sync;

import org.readerpass.ldapsync.connector.AccountReader;
import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.connector.DirectoryException;
import org.readerpass.ldapsync.connector.EntryHandler;

/** A real connector whose read runs a hook once after a number of entries (e.g. stopping the directory). */
final class HookedReader implements AccountReader {

	private final AccountReader reader;

	private final int after;

	private final Runnable hook;

	HookedReader(AccountReader reader, int after, Runnable hook) {
		this.reader = reader;
		this.after = after;
		this.hook = hook;
	}

	@Override
	public String library() {
		return this.reader.library();
	}

	@Override
	public void readAll(EntryHandler handler) throws DirectoryException {
		this.reader.readAll(new EntryHandler() {

			private int count;

			@Override
			public void entry(DirectoryEntry entry) {
				handler.entry(entry);
				counted();
			}

			@Override
			public void malformed(String dn, String reason) {
				handler.malformed(dn, reason);
				counted();
			}

			private void counted() {
				if (++this.count == HookedReader.this.after) {
					HookedReader.this.hook.run();
				}
			}

		});
	}

	@Override
	public void close() {
		this.reader.close();
	}

}
