package org.readerpass.ldapsync.sync;

import java.util.List;
import java.util.Optional;

/** The sync runs in flight, with their progress, for operators and the admin UI. */
public interface RunningSyncs {

	/** Every run in flight, by library code. */
	List<RunningSync> running();

	/** The library's run in flight (a library runs one sync at a time), or empty. */
	Optional<RunningSync> running(String libraryCode);

}
