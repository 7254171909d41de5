import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a load's CPU samples went, from a JFR recording (settings=profile, a deep stack depth):
 * execution samples of the threads whose name matches THREADS (default: Tomcat's request
 * threads), by thread group, then the methods by inclusive share (counted once per sample) and by
 * self share, optionally only samples whose stack holds WITHIN and not WITHOUT, and the samples split by the
 * first SPLIT pattern (in the order given) that a frame of theirs matches. Run with the JDK's source launcher:
 * {@code java bench/JfrHot.java run.jfr [top=40] [threads=regex] [within=regex] [without=regex] [split=a,b,c]}.
 * Not part of the build.
 */
public class JfrHot {

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		int top = 40;
		Pattern threads = Pattern.compile("http-nio-.*");
		Pattern within = null;
		Pattern without = null;
		List<Pattern> splits = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String[] kv = args[i].split("=", 2);
			switch (kv[0]) {
				case "top" -> top = Integer.parseInt(kv[1]);
				case "threads" -> threads = Pattern.compile(kv[1]);
				case "within" -> within = Pattern.compile(kv[1]);
				case "without" -> without = Pattern.compile(kv[1]);
				case "split" -> {
					for (String s : kv[1].split(",")) {
						splits.add(Pattern.compile(s));
					}
				}
				default -> throw new IllegalArgumentException(args[i]);
			}
		}
		Map<String, Integer> byThreadGroup = new HashMap<>();
		Map<String, Integer> inclusive = new HashMap<>();
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> split = new HashMap<>();
		int all = 0;
		int counted = 0;
		for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
			if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
				continue;
			}
			all++;
			RecordedThread thread = e.getThread("sampledThread");
			String name = (thread != null && thread.getJavaName() != null) ? thread.getJavaName() : "?";
			byThreadGroup.merge(name.replaceAll("[0-9]+", "N"), 1, Integer::sum);
			if (!threads.matcher(name).matches()) {
				continue;
			}
			List<RecordedFrame> frames = e.getStackTrace().getFrames();
			List<String> names = new ArrayList<>(frames.size());
			for (RecordedFrame f : frames) {
				RecordedMethod m = f.getMethod();
				names.add((m == null) ? "?" : m.getType().getName() + "." + m.getName());
			}
			if ((within != null && !holds(names, within)) || (without != null && holds(names, without))) {
				continue;
			}
			counted++;
			Set<String> seen = new HashSet<>();
			for (String n : names) {
				if (seen.add(n)) {
					inclusive.merge(n, 1, Integer::sum);
				}
			}
			if (!names.isEmpty()) {
				self.merge(names.get(0), 1, Integer::sum);
			}
			if (!splits.isEmpty()) {
				String label = "(none)";
				for (Pattern p : splits) {
					if (holds(names, p)) {
						label = p.pattern();
						break;
					}
				}
				split.merge(label, 1, Integer::sum);
			}
		}
		System.out.printf("%d execution samples, %d counted (threads %s%s)%n", all, counted, threads,
				(within != null) ? ", within " + within : "");
		System.out.println("\n== all samples by thread group");
		print(byThreadGroup, all, 20);
		if (!splits.isEmpty()) {
			System.out.println("\n== counted samples by the first split pattern their stack holds");
			print(split, counted, 100);
		}
		System.out.println("\n== inclusive");
		print(inclusive, counted, top);
		System.out.println("\n== self");
		print(self, counted, top);
	}

	private static boolean holds(List<String> names, Pattern pattern) {
		for (String n : names) {
			if (pattern.matcher(n).find()) {
				return true;
			}
		}
		return false;
	}

	private static void print(Map<String, Integer> counts, int total, int top) {
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(top)
			.forEach(e -> System.out.printf("%6.1f %%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, total),
					e.getValue(), e.getKey()));
	}

}
