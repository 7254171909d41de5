package org.readerpass.ldapsync.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.readerpass.ldapsync.account.AccountStatus;
import org.readerpass.ldapsync.linking.TestResidentIdNumbers;

/**
 * The demo readers (fictitious), generated deterministically: 24 ordinary readers per library
 * with cards {@code <PREFIX>0001}…{@code <PREFIX>0024} and password
 * {@code <lower-case card>-pass}, plus the special readers the tests and the README rely on (see
 * the constants). {@link DemoLdif} writes them as the LDIFs in
 * {@code src/main/resources/demo/directories}.
 */
public final class DemoReaders {

	/** Readers with a card {@code <PREFIX>nnnn} per library. */
	public static final int ORDINARY_READERS = 24;

	/** 王芳's resident ID number, at zj (ZJ0002) and zj.sx (SX0002): one person, two accounts. */
	public static final String WANG_FANG_ID = withCheck("33060219880315002");

	/** 钱七 (LIB8888 at zj.sx.zhuji). */
	public static final String QIAN_QI_ID = withCheck("33068119750608015");

	/** 孙八 (LIB8888 at zj.sx.shangyu), another person with the same card number. */
	public static final String SUN_BA_ID = withCheck("33060419820921037");

	public static final String SHARED_CARD = "LIB8888";

	public static final LocalDate ZJ0019_EXPIRY = LocalDate.of(2024, 12, 31);

	private static final long SEED = 20261125L;

	private static final List<DemoReader> ALL = generate();

	private DemoReaders() {
	}

	public static List<DemoReader> all() {
		return ALL;
	}

	/** The library's readers in LDIF order, the malformed entry (zj.sx.jinghu) included. */
	public static List<DemoReader> of(DemoLibrary library) {
		return ALL.stream().filter((reader) -> reader.library() == library).toList();
	}

	public static DemoReader reader(DemoLibrary library, String cardNumber) {
		return ALL.stream()
			.filter((reader) -> reader.library() == library && cardNumber.equals(reader.cardNumber()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no demo reader " + cardNumber + " at " + library.code()));
	}

	private static List<DemoReader> generate() {
		Random random = new Random(SEED);
		Set<String> idNumbers = new HashSet<>(List.of(WANG_FANG_ID, QIAN_QI_ID, SUN_BA_ID));
		List<DemoReader> readers = new ArrayList<>();
		for (DemoLibrary library : DemoLibrary.values()) {
			for (int i = 1; i <= ORDINARY_READERS; i++) {
				String card = library.cardPrefix() + String.format(Locale.ROOT, "%04d", i);
				readers.add(special(library, card, ordinary(library, card, random, idNumbers)));
			}
			readers.addAll(extras(library));
		}
		return List.copyOf(readers);
	}

	private static DemoReader ordinary(DemoLibrary library, String card, Random random, Set<String> idNumbers) {
		String type = pick(random, "general", "general", "general", "general", "general", "student", "student", "child",
				"child", "senior", "senior");
		boolean female = random.nextBoolean();
		String[] surname = DemoNames.surname(random);
		String[] given = DemoNames.givenName(random, type, female);
		LocalDate birthDate = birthDate(random, type);
		String idNumber = (random.nextInt(100) < 55) ? idNumber(random, library, birthDate, female, idNumbers) : null;
		String phone = (random.nextInt(100) < 75) ? phone(random) : null;
		String email = (random.nextInt(100) < 40) ? email(random, surname[1] + given[1]) : null;
		LocalDate expires = (random.nextInt(100) < 88)
				? LocalDate.of(2027 + random.nextInt(3), 1 + random.nextInt(12), 1).plusMonths(1).minusDays(1) : null;
		return new DemoReader(library, card, card.toLowerCase(Locale.ROOT) + "-pass", surname[0], given[0], type,
				AccountStatus.ACTIVE, expires, idNumber, phone, email, directoryId(library, card), card);
	}

	/** The fixed readers the README and tests rely on, replacing the generated ones. */
	private static DemoReader special(DemoLibrary library, String card, DemoReader generated) {
		return switch (card) {
			case "ZJ0001" -> person(generated, "张", "伟", null, "13858001234", "zhangwei01@example.com");
			case "SX0001" -> person(generated, "李", "娜", null, "15957512368", null);
			case "ZJ0002", "SX0002" -> person(generated, "王", "芳", WANG_FANG_ID, "13957526688", "wangfang@example.org");
			case "ZJ0019" -> new DemoReader(library, card, generated.password(), generated.surname(),
					generated.givenName(), generated.readerType(), AccountStatus.ACTIVE, ZJ0019_EXPIRY,
					generated.residentIdNumber(), generated.phone(), generated.email(), generated.directoryId(), card);
			case "SX0020", "ZH0020" -> new DemoReader(library, card, generated.password(), generated.surname(),
					generated.givenName(), generated.readerType(), AccountStatus.SUSPENDED, generated.expiresOn(),
					generated.residentIdNumber(), generated.phone(), generated.email(), generated.directoryId(), card);
			default -> generated;
		};
	}

	private static DemoReader person(DemoReader generated, String surname, String given, String idNumber, String phone,
			String email) {
		return new DemoReader(generated.library(), generated.cardNumber(), generated.password(), surname, given,
				"general", AccountStatus.ACTIVE, LocalDate.of(2028, 12, 31), idNumber, phone, email,
				generated.directoryId(), generated.rdnValue());
	}

	private static List<DemoReader> extras(DemoLibrary library) {
		LocalDate expires = LocalDate.of(2028, 6, 30);
		return switch (library) {
			case ZHUJI -> List.of(new DemoReader(library, SHARED_CARD, "zhuji-8888", "钱", "七", "general",
					AccountStatus.ACTIVE, expires, QIAN_QI_ID, "13905758888", null, directoryId(library, SHARED_CARD),
					SHARED_CARD));
			case SHANGYU -> List.of(new DemoReader(library, SHARED_CARD, "shangyu-8888", "孙", "八", "senior",
					AccountStatus.ACTIVE, expires, SUN_BA_ID, null, "sunba8888@example.net",
					directoryId(library, SHARED_CARD), SHARED_CARD));
			case JINGHU -> List.of(new DemoReader(library, null, null, "未登记", "读者", "general", AccountStatus.ACTIVE,
					null, null, null, null, directoryId(library, "JH-UNNUMBERED-01"), "JH-UNNUMBERED-01"));
			default -> List.of();
		};
	}

	private static UUID directoryId(DemoLibrary library, String name) {
		return UUID.nameUUIDFromBytes(("readerpass-demo:" + library.code() + ":" + name).getBytes(StandardCharsets.UTF_8));
	}

	private static LocalDate birthDate(Random random, String type) {
		int from = switch (type) {
			case "child" -> 2013;
			case "student" -> 2004;
			case "senior" -> 1940;
			default -> 1966;
		};
		int years = switch (type) {
			case "child" -> 7;
			case "student" -> 8;
			case "senior" -> 22;
			default -> 35;
		};
		return LocalDate.of(from, 1, 1).plusDays(random.nextInt(years * 365));
	}

	private static String idNumber(Random random, DemoLibrary library, LocalDate birthDate, boolean female,
			Set<String> taken) {
		while (true) {
			String area = (random.nextInt(100) < 80) ? library.areaCode()
					: pick(random, "330102", "330106", "330108", "330203", "330302", "330402", "330502", "330702",
							"330802", "331002");
			int sequence = 2 * (1 + random.nextInt(498)) + (female ? 0 : 1); // odd for men, even for women
			String number = withCheck(area + birthDate.toString().replace("-", "")
					+ String.format(Locale.ROOT, "%03d", sequence));
			if (taken.add(number)) {
				return number;
			}
		}
	}

	private static String withCheck(String first17) {
		return TestResidentIdNumbers.withCheckCharacter(first17);
	}

	private static String phone(Random random) {
		String prefix = pick(random, "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
				"157", "158", "159", "177", "180", "181", "187", "188", "189", "198");
		return prefix + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
	}

	private static String email(Random random, String pinyin) {
		return pinyin + (10 + random.nextInt(990)) + "@" + pick(random, "example.com", "example.net", "example.org");
	}

	private static String pick(Random random, String... values) {
		return values[random.nextInt(values.length)];
	}

}
