package org.readerpass.policy.benchmark;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.readerpass.policy.evaluation.PolicySnapshot;
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
 * A province-sized policy: 100 libraries (a root, 11 cities, 88 counties, each with an IPv4
 * /20 and an IPv6 /64), 11 city zones, 1,000 resources with four actions, and {@code grants}
 * random grants over every subject kind and condition. Built from a fixed seed.
 */
final class BenchmarkWorld {

	static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

	private static final String[] ACTIONS = { "read", "download", "stream", "deliver" };

	private static final int PEOPLE = 100_000;

	private static final int TYPES = 8;

	private static final int GROUPS = 40;

	final PolicySnapshot snapshot;

	final List<Resource> resources = new ArrayList<>();

	private final List<Library> libraries = new ArrayList<>();

	private final List<Library> counties = new ArrayList<>();

	private final Random random;

	BenchmarkWorld(int grants, long seed) {
		this.random = new Random(seed);
		this.libraries.add(library("zj", 0));
		List<NetworkZone> zones = new ArrayList<>();
		for (int city = 0; city < 11; city++) {
			String cityCode = String.format("zj.c%02d", city);
			List<IpRange> zone = new ArrayList<>();
			Library cityLibrary = library(cityCode, this.libraries.size());
			this.libraries.add(cityLibrary);
			zone.add(cityLibrary.ipRanges().get(0));
			for (int county = 0; county < 8; county++) {
				Library countyLibrary = library(String.format("%s.k%02d", cityCode, county), this.libraries.size());
				this.libraries.add(countyLibrary);
				this.counties.add(countyLibrary);
				zone.add(countyLibrary.ipRanges().get(0));
			}
			zones.add(new NetworkZone(String.format("c%02d-city", city), zone));
		}
		NetworkPlan plan = NetworkPlan.of(LibraryTree.of(this.libraries), zones);
		for (int i = 0; i < 1000; i++) {
			this.resources.add(new Resource(String.format("res-%04d", i), "资源", "resource", anyLibrary().code(),
					URI.create(String.format("https://res-%04d.example.cn", i)), List.of(ACTIONS)));
		}
		ResourceRegistry registry = ResourceRegistry.of(this.resources, plan.tree());
		List<Grant> all = new ArrayList<>(grants);
		Resource busy = this.resources.get(0);
		int noise = grants / this.resources.size();
		for (int i = 0; i < grants - noise; i++) {
			all.add(randomGrant("g" + i));
		}
		for (int i = 0; i < noise; i++) {
			all.add(noiseGrant("n" + i, busy));
		}
		this.snapshot = PolicySnapshot.of(plan, registry, all);
	}

	/** Library {@code n}: IPv4 10.(16 + n / 16).((n % 16) * 16).0/20 and IPv6 2001:db8:n::/64. */
	private static Library library(String code, int n) {
		String v4 = "10." + (16 + n / 16) + "." + ((n % 16) * 16) + ".0/20";
		String v6 = "2001:db8:" + Integer.toHexString(n) + "::/64";
		return new Library(code, code, code, List.of(IpRange.of(v4), IpRange.of(v6)));
	}

	/** A reader with a county home library, sometimes a second library, groups, an address. */
	ReaderContext randomReader() {
		Library home = this.counties.get(this.random.nextInt(this.counties.size()));
		List<String> libraries = (this.random.nextInt(10) < 3) ? List.of(anyLibrary().code()) : List.of();
		List<DirectoryGroup> groups = new ArrayList<>();
		for (int i = 0, count = this.random.nextInt(3); i < count; i++) {
			groups.add(new DirectoryGroup(home.code(), group()));
		}
		InetAddress address = switch (this.random.nextInt(10)) {
			case 0, 1, 2, 3 -> addressIn(home);
			case 4, 5 -> addressIn(anyLibrary());
			case 6, 7 -> literal("192.0.2." + this.random.nextInt(256));
			default -> null;
		};
		return new ReaderContext(person(), UUID.randomUUID(), home.code(), libraries, type(), groups, level(), address,
				NOW);
	}

	/**
	 * The scenario of a reader matched by one grant of every subject kind on one resource,
	 * several with conditions: what a busy reader of a busy resource looks like. The resource
	 * also holds its share of the other grants ({@link #noiseGrant}), none matching this
	 * reader, so the matched set is the same six grants whatever the number of grants.
	 */
	ReaderContext busyReader(Resource resource, List<Grant> extra) {
		Library home = this.counties.get(0);
		UUID person = new UUID(7, 7);
		UUID account = new UUID(8, 8);
		String code = resource.code();
		extra.add(Grant.allow("busy-reader", Subject.reader(person), code, Set.of("read")));
		extra.add(Grant.allow("busy-account", Subject.account(account), code, Set.of("stream")));
		extra.add(Grant.deny("busy-type", Subject.readerType("child"), code, Set.of("deliver")));
		extra.add(Grant.allow("busy-group", Subject.group("busy-teachers", home.code()), code, Set.of("download"))
			.withConditions(Conditions.NONE.withValidUntil(NOW.plus(Duration.ofDays(30)))));
		extra.add(Grant.allow("busy-subtree", Subject.librarySubtree(home.parentCode()), code, Set.of(Grant.ALL_ACTIONS))
			.withConditions(Conditions.NONE.withNetwork(NetworkCondition.onSiteWithin(home.parentCode()))));
		extra.add(Grant.allow("busy-verified", Subject.verifiedAtLeast(VerificationLevel.CARD), code, Set.of("read"))
			.withConditions(Conditions.NONE.withNetwork(NetworkCondition.onSiteAtHomeLibrary())
				.withMinimumVerification(VerificationLevel.REAL_NAME)));
		return new ReaderContext(person, account, home.code(), List.of(), "child",
				List.of(new DirectoryGroup(home.code(), "busy-teachers")), VerificationLevel.CARD, addressIn(home),
				NOW);
	}

	/** A grant on any resource but the busy one ({@code res-0000}). */
	private Grant randomGrant(String id) {
		Resource resource = this.resources.get(1 + this.random.nextInt(this.resources.size() - 1));
		Effect effect = (this.random.nextInt(10) == 0) ? Effect.DENY : Effect.ALLOW;
		return new Grant(id, effect, subject(), resource.code(), actions(), conditions());
	}

	/**
	 * A grant on the busy resource for someone other than the busy reader, of every subject
	 * kind in turn (other people, accounts, types, groups, other cities' subtrees, real-name).
	 */
	private Grant noiseGrant(String id, Resource busy) {
		Subject subject = switch (this.random.nextInt(6)) {
			case 0 -> Subject.reader(person());
			case 1 -> Subject.account(UUID.randomUUID());
			case 2 -> Subject.readerType(type());
			case 3 -> Subject.group(group());
			case 4 -> Subject.librarySubtree(this.counties.get(8 + this.random.nextInt(this.counties.size() - 8)).code());
			default -> Subject.verifiedAtLeast(VerificationLevel.REAL_NAME);
		};
		Effect effect = (this.random.nextInt(10) == 0) ? Effect.DENY : Effect.ALLOW;
		return new Grant(id, effect, subject, busy.code(), actions(), conditions());
	}

	private Subject subject() {
		int kind = this.random.nextInt(20);
		if (kind < 7) {
			return Subject.reader(person());
		}
		if (kind < 10) {
			return Subject.account(UUID.randomUUID());
		}
		if (kind < 12) {
			return Subject.readerType(type());
		}
		if (kind < 14) {
			return this.random.nextBoolean() ? Subject.group(group()) : Subject.group(group(), anyLibrary().code());
		}
		if (kind < 18) {
			return Subject.librarySubtree(anyLibrary().code());
		}
		return Subject.verifiedAtLeast(level());
	}

	private Set<String> actions() {
		if (this.random.nextInt(4) == 0) {
			return Set.of(Grant.ALL_ACTIONS);
		}
		Set<String> actions = new LinkedHashSet<>();
		for (int i = 0, count = 1 + this.random.nextInt(3); i < count; i++) {
			actions.add(ACTIONS[this.random.nextInt(ACTIONS.length)]);
		}
		return actions;
	}

	private Conditions conditions() {
		Conditions conditions = Conditions.NONE;
		if (this.random.nextInt(10) < 3) {
			Instant from = NOW.minus(Duration.ofDays(this.random.nextInt(60)));
			conditions = conditions.withValidFrom(from).withValidUntil(from.plus(Duration.ofDays(1 + this.random.nextInt(90))));
		}
		switch (this.random.nextInt(10)) {
			case 0, 1 -> conditions = conditions.withNetwork(NetworkCondition.onSiteAtHomeLibrary());
			case 2 -> conditions = conditions.withNetwork(NetworkCondition.onSiteWithin(anyLibrary().code()));
			case 3 -> conditions = conditions.withNetwork(NetworkCondition.inZone(String.format("c%02d-city", this.random.nextInt(11))));
			default -> {
			}
		}
		return (this.random.nextInt(5) == 0) ? conditions.withMinimumVerification(level()) : conditions;
	}

	private InetAddress addressIn(Library library) {
		IpRange range = library.ipRanges().get(0);
		String text = range.toString();
		String prefix = text.substring(0, text.lastIndexOf('.', text.lastIndexOf('.') - 1));
		int third = Integer.parseInt(text.split("\\.")[2]) + this.random.nextInt(16);
		return literal(prefix + "." + third + "." + this.random.nextInt(256));
	}

	private static InetAddress literal(String text) {
		try {
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Library anyLibrary() {
		return this.libraries.get(this.random.nextInt(this.libraries.size()));
	}

	private UUID person() {
		return new UUID(0, this.random.nextInt(PEOPLE));
	}

	private String type() {
		return "type-" + this.random.nextInt(TYPES);
	}

	private String group() {
		return "group-" + this.random.nextInt(GROUPS);
	}

	private VerificationLevel level() {
		return VerificationLevel.values()[this.random.nextInt(VerificationLevel.values().length)];
	}

}
