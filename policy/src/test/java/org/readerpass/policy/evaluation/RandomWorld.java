package org.readerpass.policy.evaluation;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.readerpass.policy.grant.Conditions;
import org.readerpass.policy.grant.Effect;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.NetworkCondition;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.network.IpRange;
import org.readerpass.policy.network.Library;
import org.readerpass.policy.network.LibraryTree;
import org.readerpass.policy.network.NetworkPlan;
import org.readerpass.policy.network.NetworkZone;
import org.readerpass.policy.reader.DirectoryGroup;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.reader.VerificationLevel;
import org.readerpass.policy.resource.Resource;
import org.readerpass.policy.resource.ResourceRegistry;

/**
 * A small random network, resources, grants and readers drawn from deliberately tiny pools
 * (a handful of ids, types, groups, instants and a 1,024-address space), so that subjects
 * match, ranges overlap and instants fall on window edges often. Reproducible from its seed.
 */
final class RandomWorld {

	private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

	private static final String[] SEGMENTS = { "a", "ab", "b" };

	private static final String[] ACTIONS = { "read", "download", "stream", "deliver" };

	private static final String[] TYPES = { "child", "adult" };

	private static final String[] GROUPS = { "t", "s" };

	final NetworkPlan plan;

	final ResourceRegistry resources;

	final List<Grant> grants;

	private final Random random;

	private final List<String> libraryCodes;

	private final List<IpRange> allRanges;

	private final UUID[] people = { new UUID(0, 1), new UUID(0, 2), new UUID(0, 3) };

	private final UUID[] accounts = { new UUID(1, 1), new UUID(1, 2), new UUID(1, 3) };

	RandomWorld(long seed) {
		this.random = new Random(seed);
		List<Library> libraries = new ArrayList<>();
		this.allRanges = new ArrayList<>();
		libraries.add(library("r"));
		for (String city : pick(SEGMENTS, 1 + this.random.nextInt(3))) {
			libraries.add(library("r." + city));
			for (String county : pick(SEGMENTS, this.random.nextInt(3))) {
				libraries.add(library("r." + city + "." + county));
			}
		}
		this.libraryCodes = libraries.stream().map(Library::code).toList();
		List<NetworkZone> zones = new ArrayList<>();
		for (int i = 0, count = this.random.nextInt(3); i < count; i++) {
			zones.add(new NetworkZone("z" + i, ranges(1 + this.random.nextInt(2))));
		}
		this.plan = NetworkPlan.of(LibraryTree.of(libraries), zones);
		List<Resource> resources = new ArrayList<>();
		for (int i = 0, count = 1 + this.random.nextInt(3); i < count; i++) {
			resources.add(new Resource("res" + i, "资源", "resource", "r", URI.create("https://res" + i + ".example.cn"),
					pick(ACTIONS, 1 + this.random.nextInt(ACTIONS.length))));
		}
		this.resources = ResourceRegistry.of(resources, this.plan.tree());
		this.grants = new ArrayList<>();
		for (int i = 0, count = this.random.nextInt(60); i < count; i++) {
			this.grants.add(grant("g" + i, resources.get(this.random.nextInt(resources.size()))));
		}
	}

	Resource anyResource() {
		List<Resource> all = List.copyOf(this.resources.resources());
		return all.get(this.random.nextInt(all.size()));
	}

	ReaderContext reader() {
		String home = libraryOrStranger();
		List<String> libraries = new ArrayList<>();
		for (int i = 0, count = this.random.nextInt(3); i < count; i++) {
			libraries.add(libraryOrStranger());
		}
		List<DirectoryGroup> groups = new ArrayList<>();
		for (int i = 0, count = this.random.nextInt(3); i < count; i++) {
			groups.add(new DirectoryGroup(library(), one(GROUPS)));
		}
		String type = this.random.nextInt(4) == 0 ? null : one(TYPES);
		return new ReaderContext(one(this.people), one(this.accounts), home, libraries, type, groups, level(),
				address(), instant(true));
	}

	private Grant grant(String id, Resource resource) {
		String[] all = resource.actions().toArray(new String[0]);
		Set<String> actions = this.random.nextInt(5) == 0 ? Set.of(Grant.ALL_ACTIONS)
				: Set.copyOf(pick(all, 1 + this.random.nextInt(all.length)));
		Effect effect = this.random.nextInt(4) == 0 ? Effect.DENY : Effect.ALLOW;
		return new Grant(id, effect, subject(), resource.code(), actions, conditions());
	}

	private Subject subject() {
		switch (this.random.nextInt(6)) {
			case 0:
				return Subject.reader(one(this.people));
			case 1:
				return Subject.account(one(this.accounts));
			case 2:
				return Subject.readerType(one(TYPES));
			case 3:
				return this.random.nextBoolean() ? Subject.group(one(GROUPS)) : Subject.group(one(GROUPS), library());
			case 4:
				return Subject.librarySubtree(library());
			default:
				return Subject.verifiedAtLeast(level());
		}
	}

	private Conditions conditions() {
		Conditions conditions = Conditions.NONE;
		if (this.random.nextInt(3) == 0) {
			Instant from = this.random.nextBoolean() ? instant(false) : null;
			Instant until = this.random.nextBoolean() ? instant(false) : null;
			if (from != null && until != null && !from.isBefore(until)) {
				Instant swap = from;
				from = until.equals(swap) ? null : until;
				until = swap;
			}
			conditions = conditions.withValidFrom(from).withValidUntil(until);
		}
		switch (this.random.nextInt(5)) {
			case 0:
				conditions = conditions.withNetwork(NetworkCondition.onSiteAtHomeLibrary());
				break;
			case 1:
				conditions = conditions.withNetwork(NetworkCondition.onSiteWithin(library()));
				break;
			case 2:
				if (!this.plan.zones().isEmpty()) {
					conditions = conditions
						.withNetwork(NetworkCondition.inZone("z" + this.random.nextInt(this.plan.zones().size())));
				}
				break;
			default:
				break;
		}
		return this.random.nextInt(3) == 0 ? conditions.withMinimumVerification(level()) : conditions;
	}

	private Library library(String code) {
		return new Library(code, code, code, ranges(this.random.nextInt(3)));
	}

	private List<IpRange> ranges(int count) {
		List<IpRange> ranges = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			IpRange range;
			if (this.random.nextInt(6) == 0) {
				range = IpRange.of("2001:db8::" + Integer.toHexString(this.random.nextInt(256)) + "/"
						+ (120 + this.random.nextInt(9)));
			}
			else if (this.random.nextBoolean()) {
				range = IpRange.of(v4(this.random.nextInt(1024)) + "/" + (22 + this.random.nextInt(11)));
			}
			else {
				int start = this.random.nextInt(1024);
				int end = Math.min(1023, start + this.random.nextInt(200));
				range = IpRange.of(v4(start) + "-" + v4(end));
			}
			ranges.add(range);
			this.allRanges.add(range);
		}
		return ranges;
	}

	/** Unknown, near a range edge, anywhere in the small space, or IPv6. */
	private InetAddress address() {
		int kind = this.random.nextInt(8);
		try {
			if (kind == 0) {
				return null;
			}
			if (kind == 1) {
				return InetAddress.getByName("2001:db8::" + Integer.toHexString(this.random.nextInt(512)));
			}
			if (kind <= 4 && !this.allRanges.isEmpty()) {
				IpRange range = this.allRanges.get(this.random.nextInt(this.allRanges.size()));
				String text = range.toString();
				if (!range.isIpv6() && text.contains("-")) {
					String[] ends = text.split("-");
					int edge = toInt(ends[this.random.nextInt(2)]) + this.random.nextInt(3) - 1;
					return InetAddress.getByName(v4(Math.max(0, Math.min(1100, edge))));
				}
			}
			return InetAddress.getByName(v4(this.random.nextInt(1100)));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String v4(int offset) {
		return "10.0." + (offset >> 8) + "." + (offset & 0xff);
	}

	private static int toInt(String v4) {
		String[] parts = v4.split("\\.");
		return Integer.parseInt(parts[2]) * 256 + Integer.parseInt(parts[3]);
	}

	/** One of T0..T0+4h, sometimes a nanosecond either side when {@code jitter}. */
	private Instant instant(boolean jitter) {
		Instant instant = T0.plusSeconds(3600L * this.random.nextInt(5));
		return jitter ? instant.plusNanos(this.random.nextInt(3) - 1) : instant;
	}

	private VerificationLevel level() {
		return one(VerificationLevel.values());
	}

	private String library() {
		return this.libraryCodes.get(this.random.nextInt(this.libraryCodes.size()));
	}

	/** Sometimes a code the tree does not know, some sharing a prefix with one it does. */
	private String libraryOrStranger() {
		return switch (this.random.nextInt(8)) {
			case 0 -> "r.abc";
			case 1 -> "r.a.ab.x";
			default -> library();
		};
	}

	private <T> T one(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

	private List<String> pick(String[] values, int count) {
		List<String> shuffled = new ArrayList<>(List.of(values));
		Collections.shuffle(shuffled, this.random);
		return new ArrayList<>(new HashSet<>(shuffled.subList(0, Math.min(count, values.length)))).stream()
			.sorted()
			.toList();
	}

}
