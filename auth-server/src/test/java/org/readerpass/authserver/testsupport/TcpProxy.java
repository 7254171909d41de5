package org.readerpass.authserver.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP proxy in front of a service (PostgreSQL, Redis), which a test can cut — every
 * connection dropped, new ones refused, as when the service dies — and restore on the same port,
 * without touching the service the other tests share.
 */
public final class TcpProxy implements AutoCloseable {

	private final int targetPort;

	private final int port;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "tcp-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private volatile ServerSocket listener;

	/** Listens on a free loopback port, forwarding to {@code 127.0.0.1:targetPort}. */
	public TcpProxy(int targetPort) {
		this.targetPort = targetPort;
		this.listener = bind(0);
		this.port = this.listener.getLocalPort();
		acceptInBackground(this.listener);
	}

	public int port() {
		return this.port;
	}

	/** The service is gone: open connections are reset, new ones refused. */
	public synchronized void cut() {
		closeQuietly(this.listener);
		this.listener = null;
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
		this.open.clear();
	}

	/** The service is back, on the same port. */
	public synchronized void restore() {
		if (this.listener == null) {
			this.listener = bind(this.port);
			acceptInBackground(this.listener);
		}
	}

	@Override
	public void close() {
		cut();
		this.threads.shutdownNow();
	}

	private static ServerSocket bind(int port) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void acceptInBackground(ServerSocket server) {
		this.threads.execute(() -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
					this.open.add(client);
					this.open.add(target);
					pump(client, target);
					pump(target, client);
				}
				catch (IOException ex) {
					// the listener was closed (cut) or the target refused: the client sees a reset
				}
			}
		});
	}

	private void pump(Socket from, Socket to) {
		this.threads.execute(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed: close the other
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		});
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// closing anyway
		}
	}

}
