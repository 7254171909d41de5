import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the sync threads' time went, from a JFR recording made by bench/sync-1m.sh (socket
 * events with no threshold and no throttle): the reading thread and the threads writing its
 * batches behind it, each group apart. Run with the JDK's source launcher:
 * {@code java bench/JfrSyncSplit.java run.jfr <sync durationMs> <ldap port> <postgres port>}.
 * Not part of the build.
 */
public class JfrSyncSplit {

	/** One group of threads: the time its threads spent waiting on each socket, and their CPU samples. */
	static final class Group {

		final String name;

		final Map<String, double[]> waits = new HashMap<>(); // label -> {ms, calls}

		final Map<String, Integer> owners = new HashMap<>();

		final Map<String, Integer> tops = new HashMap<>();

		final Set<String> threads = new HashSet<>();

		double cpuLoad;

		int cpuSamples;

		int samples;

		double ldapMs;

		double pgMs;

		Group(String name) {
			this.name = name;
		}

		void print(long durationMs) {
			if (this.threads.isEmpty()) {
				return;
			}
			// percentages of the run's wall time: above 100 % the group's threads waited at the same time
			double capacity = durationMs;
			System.out.printf("  %s (%d thread%s over the run), %% of the run's %d ms; waiting on:%n", this.name,
					this.threads.size(), (this.threads.size() == 1) ? "" : "s", durationMs);
			this.waits.entrySet()
				.stream()
				.sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
				.limit(12)
				.forEach((e) -> System.out.printf("    %8.0f ms %5.1f%%  %7d calls  %s%n", e.getValue()[0],
						100 * e.getValue()[0] / capacity, (long) e.getValue()[1], e.getKey()));
			System.out.printf("    => slapd %.0f ms (%.0f%%), PostgreSQL %.0f ms (%.0f%%)%n", this.ldapMs,
					100 * this.ldapMs / capacity, this.pgMs, 100 * this.pgMs / capacity);
			if (this.threads.size() == 1) {
				double rest = capacity - this.ldapMs - this.pgMs;
				System.out.printf("       rest (on CPU in mapping, LDAP/JDBC client code, waiting for the writers, or "
						+ "runnable/GC) %.0f ms (%.0f%%)%n", rest, 100 * rest / capacity);
			}
			if (this.cpuSamples > 0) {
				System.out.printf("    on CPU: %.0f%% of a thread's time on average (%d ThreadCPULoad samples)%n",
						100 * this.cpuLoad / this.cpuSamples, this.cpuSamples);
			}
			System.out.printf("  %s CPU samples: %d, by owner (first project/library frame):%n", this.name, this.samples);
			JfrSyncSplit.print(this.owners, this.samples, 8);
			System.out.println("  hottest top frames:");
			JfrSyncSplit.print(this.tops, this.samples, 8);
		}

	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		long durationMs = Long.parseLong(args[1]);
		int ldapPort = Integer.parseInt(args[2]);
		int pgPort = Integer.parseInt(args[3]);
		// a full run reads on readerpass-sync-N and writes its batches on readerpass-sync-write-N
		Group reading = new Group("reading thread");
		Group writing = new Group("writer threads");
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			String type = event.getEventType().getName();
			switch (type) {
				case "jdk.SocketRead", "jdk.SocketWrite" -> {
					Group group = group(event.getThread(), reading, writing);
					if (group == null) {
						continue;
					}
					double ms = event.getDuration().toNanos() / 1e6;
					int port = event.getInt("port");
					String kind = type.substring(type.lastIndexOf('.') + 1);
					String label;
					if (port == ldapPort) {
						group.ldapMs += ms;
						label = "slapd      " + kind;
					}
					else if (port == pgPort) {
						group.pgMs += ms;
						label = "PostgreSQL " + kind + " in " + statement(event.getStackTrace());
					}
					else {
						label = "port " + port + " " + kind;
					}
					double[] w = group.waits.computeIfAbsent(label, (k) -> new double[2]);
					w[0] += ms;
					w[1]++;
				}
				case "jdk.ExecutionSample" -> {
					Group group = group(event.getThread("sampledThread"), reading, writing);
					if (group == null || event.getStackTrace() == null) {
						continue;
					}
					List<RecordedFrame> frames = event.getStackTrace().getFrames();
					if (frames.isEmpty()) {
						continue;
					}
					group.samples++;
					group.tops.merge(name(frames.get(0)), 1, Integer::sum);
					group.owners.merge(owner(frames), 1, Integer::sum);
				}
				case "jdk.ThreadCPULoad" -> {
					Group group = group(event.getThread(), reading, writing);
					if (group != null) {
						group.cpuLoad += event.getFloat("user") + event.getFloat("system");
						group.cpuSamples++;
					}
				}
				default -> {
				}
			}
		}
		reading.print(durationMs);
		writing.print(durationMs);
	}

	private static Group group(RecordedThread thread, Group reading, Group writing) {
		String name = (thread != null) ? thread.getJavaName() : null;
		if (name == null || !name.startsWith("readerpass-sync-")) {
			return null;
		}
		Group group = name.startsWith("readerpass-sync-write-") ? writing : reading;
		group.threads.add(name);
		return group;
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
