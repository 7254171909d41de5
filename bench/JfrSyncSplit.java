import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the sync thread's time went, from a JFR recording made by bench/sync-1m.sh (socket
 * events with no threshold and no throttle). Run with the JDK's source launcher:
 * {@code java bench/JfrSyncSplit.java run.jfr <sync durationMs> <ldap port> <postgres port>}.
 * Not part of the build.
 */
public class JfrSyncSplit {

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		long durationMs = Long.parseLong(args[1]);
		int ldapPort = Integer.parseInt(args[2]);
		int pgPort = Integer.parseInt(args[3]);
		Map<String, double[]> waits = new HashMap<>(); // label -> {ms, calls}
		Map<String, Integer> owners = new HashMap<>();
		Map<String, Integer> tops = new HashMap<>();
		double cpuLoad = 0;
		int cpuSamples = 0;
		int samples = 0;
		double ldapMs = 0;
		double pgMs = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			String type = event.getEventType().getName();
			switch (type) {
				case "jdk.SocketRead", "jdk.SocketWrite" -> {
					if (!isSync(event.getThread())) {
						continue;
					}
					double ms = event.getDuration().toNanos() / 1e6;
					int port = event.getInt("port");
					String kind = type.substring(type.lastIndexOf('.') + 1);
					String label;
					if (port == ldapPort) {
						ldapMs += ms;
						label = "slapd      " + kind;
					}
					else if (port == pgPort) {
						pgMs += ms;
						label = "PostgreSQL " + kind + " in " + statement(event.getStackTrace());
					}
					else {
						label = "port " + port + " " + kind;
					}
					double[] w = waits.computeIfAbsent(label, (k) -> new double[2]);
					w[0] += ms;
					w[1]++;
				}
				case "jdk.ExecutionSample" -> {
					if (!isSync(event.getThread("sampledThread")) || event.getStackTrace() == null) {
						continue;
					}
					List<RecordedFrame> frames = event.getStackTrace().getFrames();
					if (frames.isEmpty()) {
						continue;
					}
					samples++;
					tops.merge(name(frames.get(0)), 1, Integer::sum);
					owners.merge(owner(frames), 1, Integer::sum);
				}
				case "jdk.ThreadCPULoad" -> {
					if (isSync(event.getThread())) {
						cpuLoad += event.getFloat("user") + event.getFloat("system");
						cpuSamples++;
					}
				}
				default -> {
				}
			}
		}
		System.out.printf("  sync thread, %d ms in all; waiting on:%n", durationMs);
		waits.entrySet()
			.stream()
			.sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
			.forEach((e) -> System.out.printf("    %8.0f ms %5.1f%%  %7d calls  %s%n", e.getValue()[0],
					100 * e.getValue()[0] / durationMs, (long) e.getValue()[1], e.getKey()));
		double rest = durationMs - ldapMs - pgMs;
		System.out.printf("    => slapd %.0f ms (%.0f%%), PostgreSQL %.0f ms (%.0f%%), rest (on CPU in mapping, LDAP/JDBC"
				+ " client code, or runnable/GC) %.0f ms (%.0f%%)%n", ldapMs, 100 * ldapMs / durationMs, pgMs,
				100 * pgMs / durationMs, rest, 100 * rest / durationMs);
		if (cpuSamples > 0) {
			System.out.printf("    sync thread on CPU: %.0f%% on average (%d ThreadCPULoad samples, ~%.0f ms)%n",
					100 * cpuLoad / cpuSamples, cpuSamples, durationMs * cpuLoad / cpuSamples);
		}
		System.out.printf("  sync thread CPU samples: %d, by owner (first project/library frame):%n", samples);
		print(owners, samples, 8);
		System.out.println("  hottest top frames:");
		print(tops, samples, 12);
	}

	private static boolean isSync(RecordedThread thread) {
		return thread != null && thread.getJavaName() != null && thread.getJavaName().startsWith("readerpass-sync");
	}

	/** The ReaderPass method that issued the SQL (commit shown apart). */
	private static String statement(RecordedStackTrace stack) {
		if (stack == null) {
			return "?";
		}
		boolean commit = false;
		for (RecordedFrame frame : stack.getFrames()) {
			String method = frame.getMethod().getName();
			String type = frame.getMethod().getType().getName();
			if (method.equals("doCommit") || method.equals("commit") && type.startsWith("org.postgresql")) {
				commit = true;
			}
			if (type.startsWith("org.readerpass") && !type.contains("$$Lambda") && !method.startsWith("lambda$")) {
				return (commit ? "commit, " : "") + simple(type) + "." + method;
			}
		}
		return commit ? "commit" : "?";
	}

	private static String owner(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			if (type.startsWith("org.postgresql") || type.startsWith("org.springframework.jdbc")
					|| type.startsWith("com.zaxxer")) {
				return "JDBC (PgJDBC, Spring JDBC, Hikari)";
			}
			if (type.startsWith("com.unboundid")) {
				return "LDAP client (UnboundID: reading and decoding entries)";
			}
			if (type.startsWith("org.readerpass") && !type.contains("$$Lambda")) {
				return simple(type) + "." + frame.getMethod().getName();
			}
		}
		return "other";
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static String simple(String type) {
		return type.substring(type.lastIndexOf('.') + 1);
	}

	private static void print(Map<String, Integer> counts, int total, int limit) {
		counts.entrySet()
			.stream()
			.sorted((a, b) -> b.getValue() - a.getValue())
			.limit(limit)
			.forEach((e) -> System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(total, 1), e.getKey()));
	}

}
