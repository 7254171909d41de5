package org.readerpass.adminui.livepolicy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Policy changes on one node: {@link #publish()} runs every listener at once, on the calling
 * thread, so a change is in this node's snapshot when the admin API answers. A failing listener
 * is logged and does not keep the others from running.
 */
public final class LocalPolicyChanges implements PolicyChanges {

	private static final Logger log = LoggerFactory.getLogger(LocalPolicyChanges.class);

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	@Override
	public void publish() {
		for (Runnable listener : this.listeners) {
			try {
				listener.run();
			}
			catch (RuntimeException ex) {
				log.error("Policy change listener failed", ex);
			}
		}
	}

	@Override
	public void subscribe(Runnable listener) {
		this.listeners.add(listener);
	}

}
