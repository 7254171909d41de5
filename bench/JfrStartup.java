/*
 * Where a start-up's time goes, from a JFR recording of one start (bench/startup-production.sh
 * JFR=1 records it with settings=profile from the JVM's first instant to the first 200 from
 * discovery). Plain JDK (jdk.jfr.consumer); run as a source file:
 *
 *   java bench/JfrStartup.java <recording.jfr> [top=15]
 *
 * Prints: execution samples per thread (main thread first: start-up is mostly the main thread),
 * the hottest methods by self samples, the application's own frames and Spring's phases by
 * inclusive samples on the main thread (a frame counted once per sample however deep), classes
 * loaded, and GC and safepoint pauses. Execution samples are taken every 10-20 ms of CPU per thread
 * (settings=profile), so a frame's share of the main thread's samples is its share of the main
 * thread's CPU time, not of wall time spent waiting (I/O, locks: see jdk.ThreadPark/SocketRead).
 */
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

public class JfrStartup {

	/** Frames that name a start-up phase, by inclusive samples on the main thread. */
	static final Map<String, String> PHASES = new LinkedHashMap<>();
	static {
		PHASES.put("org.springframework.boot.loader.", "Boot's nested-jar launcher (class loading from BOOT-INF/lib)");
		PHASES.put("org.springframework.boot.SpringApplication.prepareEnvironment", "environment and configuration files");
		PHASES.put("org.springframework.context.support.PostProcessorRegistrationDelegate.invokeBeanFactoryPostProcessors",
				"configuration classes: scanning, auto-configuration conditions");
		PHASES.put("org.springframework.beans.factory.support.DefaultListableBeanFactory.preInstantiateSingletons",
				"creating the singletons (beans)");
		PHASES.put("org.flywaydb.", "Flyway (schema migrations and checks)");
		PHASES.put("com.zaxxer.hikari.", "HikariCP (database connections)");
		PHASES.put("org.hibernate.", "Hibernate");
		PHASES.put("org.apache.catalina.", "Tomcat");
		PHASES.put("org.thymeleaf.", "Thymeleaf");
		PHASES.put("io.lettuce.", "Lettuce (Redis)");
		PHASES.put("com.unboundid.", "UnboundID (directories)");
		PHASES.put("org.springframework.boot.SpringApplication.callRunners", "runners (after the context)");
		PHASES.put("java.lang.ClassLoader.loadClass", "class loading (inclusive)");
		PHASES.put("java.lang.ClassLoader.defineClass", "class definition (inclusive)");
	}

	public static void main(String[] args) throws Exception {
		int top = (args.length > 1) ? Integer.parseInt(args[1].replace("top=", "")) : 15;
		Map<String, Integer> perThread = new HashMap<>();
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> ownInclusive = new HashMap<>();
		Map<String, Integer> phases = new LinkedHashMap<>();
		int mainSamples = 0;
		int classes = 0;
		Duration gc = Duration.ZERO;
		int gcs = 0;
		Duration safepoints = Duration.ZERO;
		java.time.Instant first = null;
		java.time.Instant last = null;
		for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
			first = (first == null || event.getStartTime().isBefore(first)) ? event.getStartTime() : first;
			last = (last == null || event.getEndTime().isAfter(last)) ? event.getEndTime() : last;
			switch (event.getEventType().getName()) {
				case "jdk.ExecutionSample" -> {
					String thread = (event.getThread("sampledThread") != null)
							? event.getThread("sampledThread").getJavaName() : "?";
					perThread.merge(thread, 1, Integer::sum);
					if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
						continue;
					}
					List<RecordedFrame> frames = event.getStackTrace().getFrames();
					self.merge(name(frames.get(0)), 1, Integer::sum);
					if (!"main".equals(thread)) {
						continue;
					}
					mainSamples++;
					Set<String> seen = new HashSet<>();
					Set<String> seenPhases = new HashSet<>();
					for (RecordedFrame frame : frames) {
						String name = name(frame);
						if (name.startsWith("org.readerpass.") && !name.contains("$$Lambda") && !name.endsWith(".main")
								&& seen.add(name)) {
							ownInclusive.merge(name, 1, Integer::sum);
						}
						for (String prefix : PHASES.keySet()) {
							if (name.startsWith(prefix) && seenPhases.add(prefix)) {
								phases.merge(prefix, 1, Integer::sum);
							}
						}
					}
				}
				case "jdk.ClassLoad" -> classes++;
				case "jdk.GarbageCollection" -> {
					gcs++;
					gc = gc.plus(event.getDuration());
				}
				case "jdk.SafepointBegin" -> safepoints = safepoints.plus(event.getDuration());
				default -> {
				}
			}
		}
		System.out.printf("recording %s: %d ms from first to last event%n", args[0],
				(first != null) ? Duration.between(first, last).toMillis() : 0);
		System.out.println("execution samples by thread (top " + top + "):");
		print(perThread, top, -1);
		System.out.println("hottest methods, self samples (all threads):");
		print(self, top, -1);
		System.out.println("start-up phases, inclusive samples on the main thread (" + mainSamples + " samples):");
		for (Map.Entry<String, String> phase : PHASES.entrySet()) {
			int n = phases.getOrDefault(phase.getKey(), 0);
			if (n > 0) {
				System.out.printf("  %5d  %4.1f%%  %s (%s)%n", n, 100.0 * n / Math.max(1, mainSamples), phase.getValue(),
						phase.getKey());
			}
		}
		System.out.println("ReaderPass methods, inclusive samples on the main thread (top " + top + "):");
		print(ownInclusive, top, mainSamples);
		System.out.printf("classes loaded (jdk.ClassLoad, if enabled): %d; GC: %d collections, %d ms; safepoints %d ms%n",
				classes, gcs, gc.toMillis(), safepoints.toMillis());
	}

	static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	static void print(Map<String, Integer> counts, int top, int of) {
		int total = (of > 0) ? of : counts.values().stream().mapToInt(Integer::intValue).sum();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(top)
			.forEach((e) -> System.out.printf("  %5d  %4.1f%%  %s%n", e.getValue(), 100.0 * e.getValue() / Math.max(1, total),
					e.getKey()));
	}

}
