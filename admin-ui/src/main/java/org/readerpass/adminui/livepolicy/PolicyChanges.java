package org.readerpass.adminui.livepolicy;

/**
 * Tells every node that the stored policy changed, so that each rebuilds its snapshot. In memory
 * on one node ({@link LocalPolicyChanges}); over Redis pub/sub across several (auth-server).
 * A signal carries nothing: a listener reads the store to learn what changed.
 */
public interface PolicyChanges {

	/**
	 * Signals a change to every subscriber (of every node). Called after the change committed;
	 * never throws because a listener failed.
	 */
	void publish();

	/**
	 * Registers a listener, run for every signal published from now on (also for this node's
	 * own), on any thread. Listeners do not throw, but may block briefly: {@link LivePolicy}
	 * reads the store. An implementation that receives signals on an I/O thread (a Redis
	 * client's event loop) hands them to another thread first.
	 */
	void subscribe(Runnable listener);

}
