package org.readerpass.ldapsync.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.directory.DirectoryPreset;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;

class ChangeTimestampsTests {

	private final ChangeTimestamps openLdap = ChangeTimestamps.of(DirectoryPreset.OPENLDAP);

	private final ChangeTimestamps activeDirectory = ChangeTimestamps.of(DirectoryPreset.ACTIVE_DIRECTORY);

	@Test
	void sinceWhenOpenLdapThenLibraryFilterAndEitherTimestamp() throws LDAPException {
		Filter filter = this.openLdap.since(Filter.create("(objectClass=inetOrgPerson)"),
				Instant.parse("2026-11-25T04:05:06Z"));
		assertThat(filter).isEqualTo(Filter.create("(&(objectClass=inetOrgPerson)"
				+ "(|(modifyTimestamp>=20261125040506Z)(createTimestamp>=20261125040506Z)))"));
	}

	@Test
	void sinceWhenActiveDirectoryThenWhenChangedWithFraction() throws LDAPException {
		Filter filter = this.activeDirectory.since(Filter.create("(objectClass=user)"),
				Instant.parse("2026-11-25T04:05:06Z"));
		assertThat(filter).isEqualTo(Filter.create("(&(objectClass=user)(whenChanged>=20261125040506.0Z))"));
	}

	@Test
	void formatWhenMillisecondsThenKeptAndFinerDropped() {
		assertThat(this.openLdap.format(Instant.parse("2026-11-25T04:05:06.123456Z"))).isEqualTo("20261125040506.123Z");
	}

	@Test
	void latestWhenBothTimestampsThenTheLaterOneAndUnreadableIgnored() {
		Entry entry = new Entry("uid=a,dc=x");
		entry.addAttribute("createTimestamp", "20260101000000Z");
		entry.addAttribute("modifyTimestamp", "20261125040506.5Z");
		assertThat(this.openLdap.latest(entry)).isEqualTo(Instant.parse("2026-11-25T04:05:06.500Z"));
		Entry unreadable = new Entry("uid=b,dc=x");
		unreadable.addAttribute("whenChanged", "yesterday");
		assertThat(this.activeDirectory.latest(unreadable)).isNull();
	}

}
