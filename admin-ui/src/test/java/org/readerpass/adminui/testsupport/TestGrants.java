package org.readerpass.adminui.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.readerpass.policy.grant.Conditions;
import org.readerpass.policy.grant.Effect;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.NetworkCondition;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.reader.VerificationLevel;

/** Grants of every kind, on {@link TestResources}. */
public final class TestGrants {

	public static final UUID READER = UUID.fromString("6f1c3c4e-8a59-4d7e-9a52-0d1c2b3a4f50");

	public static final UUID ACCOUNT = UUID.fromString("0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d");

	private TestGrants() {
	}

	/** Everyone may read the e-books. */
	public static Grant everyoneReads(String id) {
		return Grant.allow(id, Subject.everyone(), "nlc-ebooks", Set.of("read"));
	}

	/** One subject of each kind. */
	public static List<Subject> everySubject() {
		return List.of(Subject.reader(READER), Subject.account(ACCOUNT), Subject.readerType("child"),
				Subject.group("teachers"), Subject.group("teachers", "zj.sx"), Subject.librarySubtree("zj.sx"),
				Subject.verifiedAtLeast(VerificationLevel.REAL_NAME));
	}

	/** One network condition of each kind. */
	public static List<NetworkCondition> everyNetwork() {
		return List.of(NetworkCondition.anywhere(), NetworkCondition.onSiteAtHomeLibrary(),
				NetworkCondition.onSiteWithin("zj.sx"), NetworkCondition.inZone("sx-city"));
	}

	/** A deny with every condition set. */
	public static Grant fullyConditioned(String id, Subject subject, NetworkCondition network) {
		return new Grant(id, Effect.DENY, subject, "cnki-journals", Set.of("download", "deliver"),
				new Conditions(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), network,
						VerificationLevel.CARD));
	}

}
