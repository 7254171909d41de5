package org.readerpass.ldapsync.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.connector.DirectoryEntry;
import org.readerpass.ldapsync.directory.AttributeNames;
import org.readerpass.ldapsync.directory.DirectoryPreset;

import com.unboundid.ldap.sdk.Entry;

class EntryMappingTests {

	private static final AttributeNames NO_OVERRIDES = new AttributeNames(null, null, null, null, null, null, null,
			null, null);

	private final EntryMapping openLdap = EntryMapping.of(DirectoryPreset.OPENLDAP,
			NO_OVERRIDES.orElse(DirectoryPreset.OPENLDAP.attributes()), ZoneId.of("Asia/Shanghai"));

	@Test
	void mapWhenOnlyRequiredAttributesThenDefaults() throws Exception {
		DirectoryEntry entry = this.openLdap.map(new Entry("dn: uid=A1,ou=r,dc=x", "uid: A1",
				"entryUUID: 0b0f6a52-8b0a-4c8e-9a57-1b2d3c4e5f60"));
		assertThat(entry).isEqualTo(new DirectoryEntry("uid=A1,ou=r,dc=x", "0b0f6a52-8b0a-4c8e-9a57-1b2d3c4e5f60", "A1",
				"A1", "general", AccountStatus.ACTIVE, null, null, null, null));
	}

	@Test
	void mapWhenNoDisplayNameThenCn() throws Exception {
		DirectoryEntry entry = this.openLdap.map(new Entry("dn: uid=A1,ou=r,dc=x", "uid: A1", "cn: 陈静",
				"entryUUID: 0b0f6a52-8b0a-4c8e-9a57-1b2d3c4e5f60"));
		assertThat(entry.displayName()).isEqualTo("陈静");
	}

	@Test
	void mapWhenCardNumberMissingThenMalformedNamingTheAttribute() {
		assertThatExceptionOfType(MalformedValueException.class)
			.isThrownBy(() -> this.openLdap.map(new Entry("dn: cn=x,dc=x", "cn: x", "entryUUID: 0b0f6a52-8b0a-4c8e-9a57-1b2d3c4e5f60")))
			.withMessage("missing uid");
	}

	@Test
	void mapWhenDirectoryIdMissingThenMalformed() {
		assertThatExceptionOfType(MalformedValueException.class)
			.isThrownBy(() -> this.openLdap.map(new Entry("dn: uid=A1,dc=x", "uid: A1")))
			.withMessage("missing entryUUID");
	}

	@Test
	void mapWhenCardNumberHasSpacesOrSeveralValuesThenMalformed() {
		assertThatExceptionOfType(MalformedValueException.class)
			.isThrownBy(() -> this.openLdap.map(new Entry("dn: uid=A 1,dc=x", "uid: A 1", "entryUUID: u")))
			.withMessageContaining("not a card number");
		assertThatExceptionOfType(MalformedValueException.class)
			.isThrownBy(() -> this.openLdap.map(new Entry("dn: uid=A1,dc=x", "uid: A1", "uid: A2", "entryUUID: u")))
			.withMessage("uid has 2 values");
		assertThatExceptionOfType(MalformedValueException.class)
			.isThrownBy(() -> this.openLdap.map(new Entry("dn: uid=A1,dc=x", "uid: " + "9".repeat(65), "entryUUID: u")))
			.withMessage("uid is longer than 64 characters");
	}

	@Test
	void mapWhenMappingOverriddenThenOtherAttributesRead() throws Exception {
		EntryMapping mapping = EntryMapping.of(DirectoryPreset.OPENLDAP,
				new AttributeNames(null, "employeeNumber", null, "businessCategory", null, null, null, "telephoneNumber", null)
					.orElse(DirectoryPreset.OPENLDAP.attributes()),
				ZoneId.of("Asia/Shanghai"));
		DirectoryEntry entry = mapping.map(new Entry("dn: uid=x,dc=x", "uid: x", "employeeNumber: 900123",
				"businessCategory: senior", "telephoneNumber: 0575-1234567", "entryUUID: u"));
		assertThat(entry).extracting(DirectoryEntry::cardNumber, DirectoryEntry::readerType, DirectoryEntry::phone)
			.containsExactly("900123", "senior", "0575-1234567");
		assertThat(mapping.requestedAttributes()).contains("employeeNumber", "businessCategory", "entryUUID", "cn");
	}

	@Test
	void toStringWhenResidentIdNumberPresentThenMasked() throws Exception {
		DirectoryEntry entry = this.openLdap.map(new Entry("dn: uid=A1,dc=x", "uid: A1", "entryUUID: u",
				"residentIdNumber: 11010519491231002X"));
		assertThat(entry.residentIdNumber()).isEqualTo("11010519491231002X");
		assertThat(entry.toString()).doesNotContain("11010519491231002X").contains("residentIdNumber=****");
	}

}
