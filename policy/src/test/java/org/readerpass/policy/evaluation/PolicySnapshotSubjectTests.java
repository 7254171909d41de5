package org.readerpass.policy.evaluation;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.readerpass.policy.grant.Grant;
import org.readerpass.policy.grant.Subject;
import org.readerpass.policy.reader.DirectoryGroup;
import org.readerpass.policy.reader.ReaderContext;
import org.readerpass.policy.reader.VerificationLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.readerpass.policy.testsupport.TestPolicies.snapshot;
import static org.readerpass.policy.testsupport.TestReaders.ACCOUNT;
import static org.readerpass.policy.testsupport.TestReaders.READER;
import static org.readerpass.policy.testsupport.TestReaders.zhujiReader;
import static org.readerpass.policy.testsupport.TestResources.NLC_EBOOKS;

/** Which readers each kind of subject matches; one grant per test, no conditions. */
class PolicySnapshotSubjectTests {

	private static Grant readGrant(Subject subject) {
		return Grant.allow("g1", subject, NLC_EBOOKS.code(), Set.of("read"));
	}

	private static List<String> allowed(Subject subject, ReaderContext reader) {
		return snapshot(readGrant(subject)).evaluate(reader, NLC_EBOOKS).allowedActions();
	}

	@Test
	void evaluateWhenReaderSubjectIsThePersonThenAllowedWhicheverAccount() {
		ReaderContext otherAccount = new ReaderContext(READER, UUID.randomUUID(), "zj.hz", List.of(), null, List.of(),
				VerificationLevel.NONE, null, zhujiReader().at());
		assertThat(allowed(Subject.reader(READER), zhujiReader())).containsExactly("read");
		assertThat(allowed(Subject.reader(READER), otherAccount)).containsExactly("read");
	}

	@Test
	void evaluateWhenReaderSubjectIsAnotherPersonThenNothingAndNoReason() {
		Decision decision = snapshot(readGrant(Subject.reader(UUID.randomUUID()))).evaluate(zhujiReader(), NLC_EBOOKS);
		assertThat(decision.allowedActions()).isEmpty();
		assertThat(decision.reasons()).isEmpty();
	}

	@Test
	void evaluateWhenAccountSubjectThenOnlyWhenSignedInWithThatAccount() {
		ReaderContext sameReaderOtherAccount = new ReaderContext(READER, UUID.randomUUID(), "zj.sx.zhuji", List.of(),
				null, List.of(), VerificationLevel.NONE, null, zhujiReader().at());
		assertThat(allowed(Subject.account(ACCOUNT), zhujiReader())).containsExactly("read");
		assertThat(allowed(Subject.account(ACCOUNT), sameReaderOtherAccount)).isEmpty();
	}

	@Test
	void evaluateWhenReaderTypeSubjectThenOnlyThatType() {
		assertThat(allowed(Subject.readerType("child"), zhujiReader().withReaderType("child"))).containsExactly("read");
		assertThat(allowed(Subject.readerType("child"), zhujiReader().withReaderType("adult"))).isEmpty();
		assertThat(allowed(Subject.readerType("child"), zhujiReader())).isEmpty();
	}

	@Test
	void evaluateWhenUnscopedGroupThenMemberAtAnyLibraryMatches() {
		ReaderContext teacher = zhujiReader().withGroups(List.of(new DirectoryGroup("zj.hz", "teachers")));
		assertThat(allowed(Subject.group("teachers"), teacher)).containsExactly("read");
		assertThat(allowed(Subject.group("students"), teacher)).isEmpty();
		assertThat(allowed(Subject.group("teachers"), zhujiReader())).isEmpty();
	}

	@Test
	void evaluateWhenScopedGroupThenOnlyThatLibrarysGroupMatches() {
		Subject sxTeachers = Subject.group("teachers", "zj.sx");
		assertThat(allowed(sxTeachers, zhujiReader().withGroups(List.of(new DirectoryGroup("zj.sx", "teachers")))))
			.containsExactly("read");
		assertThat(allowed(sxTeachers, zhujiReader().withGroups(List.of(new DirectoryGroup("zj.hz", "teachers")))))
			.isEmpty();
		// a group scope is one directory, not a subtree
		assertThat(allowed(sxTeachers,
				zhujiReader().withGroups(List.of(new DirectoryGroup("zj.sx.zhuji", "teachers"))))).isEmpty();
	}

	@Test
	void evaluateWhenGroupNameAtTwoLibrariesThenUnscopedGrantCountedOnce() {
		ReaderContext reader = zhujiReader().withGroups(
				List.of(new DirectoryGroup("zj.sx", "teachers"), new DirectoryGroup("zj.hz", "teachers")));
		Decision decision = snapshot(readGrant(Subject.group("teachers"))).evaluate(reader, NLC_EBOOKS);
		assertThat(decision.reasons()).hasSize(1);
	}

	@Test
	void evaluateWhenLibrarySubtreeThenHomeOrAnyOtherLibraryWithinMatches() {
		Subject shaoxing = Subject.librarySubtree("zj.sx");
		assertThat(allowed(shaoxing, zhujiReader())).containsExactly("read");
		ReaderContext hangzhouReaderWithZhujiCard = new ReaderContext(READER, ACCOUNT, "zj.hz",
				List.of("zj.sx.zhuji"), null, List.of(), VerificationLevel.NONE, null, zhujiReader().at());
		assertThat(allowed(shaoxing, hangzhouReaderWithZhujiCard)).containsExactly("read");
		ReaderContext hangzhouReader = ReaderContext.of(READER, ACCOUNT, "zj.hz.xihu", zhujiReader().at());
		assertThat(allowed(shaoxing, hangzhouReader)).isEmpty();
		assertThat(allowed(Subject.librarySubtree("zj"), hangzhouReader)).containsExactly("read");
	}

	@Test
	void evaluateWhenLibrarySubtreeIsChildOfReadersLibraryThenNoMatch() {
		ReaderContext cityReader = ReaderContext.of(READER, ACCOUNT, "zj.sx", zhujiReader().at());
		assertThat(allowed(Subject.librarySubtree("zj.sx.zhuji"), cityReader)).isEmpty();
	}

	@Test
	void evaluateWhenReaderLibraryOnlySharesCodePrefixThenNoMatch() {
		ReaderContext reader = ReaderContext.of(READER, ACCOUNT, "zj.sxx", zhujiReader().at());
		assertThat(allowed(Subject.librarySubtree("zj.sx"), reader)).isEmpty();
	}

	@Test
	void evaluateWhenTwoLibrariesInSameSubtreeThenSubtreeGrantCountedOnce() {
		ReaderContext reader = zhujiReader().withLibraries(List.of("zj.sx.shangyu", "zj.sx"));
		Decision decision = snapshot(readGrant(Subject.librarySubtree("zj.sx")),
				Grant.allow("g2", Subject.librarySubtree("zj"), NLC_EBOOKS.code(), Set.of("download")))
			.evaluate(reader, NLC_EBOOKS);
		assertThat(decision.reasons()).extracting(reason -> reason.grant().id()).containsExactlyInAnyOrder("g1", "g2");
	}

	@Test
	void evaluateWhenVerifiedReadersSubjectThenLevelAndAboveMatch() {
		Subject card = Subject.verifiedAtLeast(VerificationLevel.CARD);
		assertThat(allowed(card, zhujiReader())).isEmpty();
		assertThat(allowed(card, zhujiReader().withVerification(VerificationLevel.CARD))).containsExactly("read");
		assertThat(allowed(card, zhujiReader().withVerification(VerificationLevel.REAL_NAME))).containsExactly("read");
		assertThat(allowed(Subject.everyone(), zhujiReader())).containsExactly("read");
	}

}
