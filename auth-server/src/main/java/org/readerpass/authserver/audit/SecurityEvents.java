package org.readerpass.authserver.audit;

import java.util.List;

/** The audit log of security events ({@link SecurityEvent}). */
public interface SecurityEvents {

	/** Writes one event; never throws for a store that is down (the event is logged instead). */
	void record(SecurityEvent event);

	/**
	 * The newest events, newest first.
	 * @param type only events of this type; {@code null} for every type
	 * @param limit at most this many
	 */
	List<RecordedSecurityEvent> latest(String type, int limit);

}
