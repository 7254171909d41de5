package org.readerpass.authserver.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for servers a test starts later (nodes, Redis processes), chosen below the
 * kernel's ephemeral range (32768 and up on Linux): a port that {@code new ServerSocket(0)} found
 * free is an ephemeral one, and before the server binds it another socket of the test (a client
 * connection, a directory on port 0) may be given it ("Port … is already in use").
 */
public final class LoopbackPorts {

	private static final int FIRST = 20_000;

	private static final int END = 30_000;

	/** Ports handed out in this JVM, so that no two servers of any test get the same one. */
	private static final Set<Integer> CHOSEN = ConcurrentHashMap.newKeySet();

	private LoopbackPorts() {
	}

	/** A port between 20000 and 30000, free on loopback now, not handed out before in this JVM. */
	public static int free() {
		return freeWith(0);
	}

	/**
	 * A port as {@link #free()} whose companion {@code port + offset} (a Redis Cluster node's bus
	 * port, +10000) is free and not handed out too; both are handed out.
	 */
	public static int freeWith(int offset) {
		for (int attempt = 0; attempt < 1_000; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(FIRST, END);
			if (isFree(port) && (offset == 0 || isFree(port + offset)) && CHOSEN.add(port)) {
				if (offset == 0 || CHOSEN.add(port + offset)) {
					return port;
				}
				CHOSEN.remove(port);
			}
		}
		throw new IllegalStateException("no free loopback port between " + FIRST + " and " + END);
	}

	/** Whether the port can be bound on loopback now. */
	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
