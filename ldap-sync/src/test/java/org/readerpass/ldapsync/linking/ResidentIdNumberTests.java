package org.readerpass.ldapsync.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ResidentIdNumberTests {

	@Test
	void isValidWhenGbExampleThenTrue() {
		assertThat(ResidentIdNumber.isValid("11010519491231002X")).isTrue();
	}

	@Test
	void isValidWhenCheckCharacterLowerCaseOrSurroundedBySpacesThenTrue() {
		assertThat(ResidentIdNumber.isValid("11010519491231002x")).isTrue();
		assertThat(ResidentIdNumber.normalize(" 11010519491231002x ")).contains("11010519491231002X");
	}

	@Test
	void isValidWhenCheckCharacterWrongThenFalse() {
		assertThat(ResidentIdNumber.isValid("110105194912310021")).isFalse();
		assertThat(ResidentIdNumber.isValid("110105194912310029")).isFalse();
	}

	@Test
	void isValidWhenBirthDateImpossibleThenFalse() {
		assertThat(ResidentIdNumber.isValid(withCheck("11010519490231002"))).as("31 February").isFalse();
		assertThat(ResidentIdNumber.isValid(withCheck("11010518991231002"))).as("before 1900").isFalse();
		assertThat(ResidentIdNumber.isValid(withCheck("11010520991231002"))).as("in the future").isFalse();
		assertThat(ResidentIdNumber.isValid(withCheck("11010519491301002"))).as("month 13").isFalse();
	}

	@Test
	void isValidWhenLengthOrCharactersWrongThenFalse() {
		assertThat(ResidentIdNumber.isValid("11010519491231002")).isFalse();
		assertThat(ResidentIdNumber.isValid("11010519491231002X1")).isFalse();
		assertThat(ResidentIdNumber.isValid("110105491231002")).as("15-digit first generation").isFalse();
		assertThat(ResidentIdNumber.isValid("1101051949123100AX")).isFalse();
		assertThat(ResidentIdNumber.isValid("")).isFalse();
		assertThat(ResidentIdNumber.isValid(null)).isFalse();
	}

	@Test
	void checkCharacterWhenSumModElevenIsTwoThenX() {
		assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(ResidentIdNumber.checkCharacter("33060219880315002")).isEqualTo('8');
	}

	@Test
	void checkCharacterWhenNotSeventeenDigitsThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.checkCharacter("1101051949123100"));
	}

	private static String withCheck(String first17) {
		return first17 + ResidentIdNumber.checkCharacter(first17);
	}

}
