package org.readerpass.ldapsync.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.readerpass.ldapsync.account.AccountStatus;

import com.unboundid.ldap.sdk.Attribute;

class ValueConvertersTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void objectGuidWhenMicrosoftExampleThenCanonicalString() throws MalformedValueException {
		// {3F2504E0-4F89-11D3-9A0C-0305E82C3301} as Active Directory stores it
		byte[] stored = HexFormat.of().parseHex("E004253F894FD3119A0C0305E82C3301");
		assertThat(new ObjectGuidValue().convert(new Attribute("objectGUID", stored)))
			.isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
	}

	@Test
	void objectGuidWhenNotSixteenBytesThenMalformed() {
		assertThatExceptionOfType(MalformedValueException.class)
			.isThrownBy(() -> new ObjectGuidValue().convert(new Attribute("objectGUID", new byte[] { 1, 2, 3 })))
			.withMessage("objectGUID is not a 16-byte GUID");
	}

	@Test
	void fileTimeWhenStartOfDayThenPreviousDayIsLastValid() throws MalformedValueException {
		// 2025-01-01T00:00+08:00 = 2024-12-31T16:00Z
		long fileTime = (LocalDate.of(2024, 12, 31).atTime(16, 0).toEpochSecond(ZoneOffset.UTC)) * 10_000_000L
				+ FileTimeDate.EPOCH_OFFSET;
		assertThat(new FileTimeDate(SHANGHAI).convert(new Attribute("accountExpires", String.valueOf(fileTime))))
			.isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(new FileTimeDate(ZoneId.of("UTC")).convert(new Attribute("accountExpires", String.valueOf(fileTime))))
			.isEqualTo(LocalDate.of(2024, 12, 31));
	}

	@Test
	void fileTimeWhenZeroOrMaxThenNever() throws MalformedValueException {
		assertThat(new FileTimeDate(SHANGHAI).convert(new Attribute("accountExpires", "0"))).isNull();
		assertThat(new FileTimeDate(SHANGHAI).convert(new Attribute("accountExpires", "9223372036854775807"))).isNull();
	}

	@Test
	void fileTimeWhenNotANumberThenMalformed() {
		assertThatExceptionOfType(MalformedValueException.class)
			.isThrownBy(() -> new FileTimeDate(SHANGHAI).convert(new Attribute("accountExpires", "soon")));
		assertThatExceptionOfType(MalformedValueException.class)
			.isThrownBy(() -> new FileTimeDate(SHANGHAI).convert(new Attribute("accountExpires", "-5")));
	}

	@Test
	void generalizedTimeWhenOffsetOrUtcThenDateInZone() throws MalformedValueException {
		GeneralizedTimeDate converter = new GeneralizedTimeDate(SHANGHAI);
		assertThat(converter.convert(new Attribute("readerExpiry", "20241231235959+0800")))
			.isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(converter.convert(new Attribute("readerExpiry", "20241231160000Z"))).isEqualTo(LocalDate.of(2025, 1, 1));
	}

	@Test
	void generalizedTimeWhenGarbageThenMalformedWithoutTheValue() {
		assertThatExceptionOfType(MalformedValueException.class)
			.isThrownBy(() -> new GeneralizedTimeDate(SHANGHAI).convert(new Attribute("readerExpiry", "next year")))
			.withMessage("readerExpiry is not a GeneralizedTime");
	}

	@Test
	void accountControlWhenDisableBitSetThenSuspended() throws MalformedValueException {
		AccountControlStatus converter = new AccountControlStatus();
		assertThat(converter.convert(new Attribute("userAccountControl", "512"))).isEqualTo(AccountStatus.ACTIVE);
		assertThat(converter.convert(new Attribute("userAccountControl", "66048"))).isEqualTo(AccountStatus.ACTIVE);
		assertThat(converter.convert(new Attribute("userAccountControl", "514"))).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(converter.convert(new Attribute("userAccountControl", "66050"))).isEqualTo(AccountStatus.SUSPENDED);
		assertThatExceptionOfType(MalformedValueException.class)
			.isThrownBy(() -> converter.convert(new Attribute("userAccountControl", "disabled")));
	}

	@Test
	void readerStatusWhenSuspendedInAnyCaseThenSuspendedElseActive() {
		ReaderStatusValue converter = new ReaderStatusValue();
		assertThat(converter.convert(new Attribute("readerStatus", "Suspended"))).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(converter.convert(new Attribute("readerStatus", "active"))).isEqualTo(AccountStatus.ACTIVE);
		assertThat(converter.convert(new Attribute("readerStatus", "lost-card"))).isEqualTo(AccountStatus.ACTIVE);
	}

}
