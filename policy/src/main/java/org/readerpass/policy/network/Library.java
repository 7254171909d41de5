package org.readerpass.policy.network;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A node of the library network: the provincial library {@code zj}, a city {@code zj.sx}, a
 * county {@code zj.sx.zhuji}. The code's dotted prefix names the parent, so the tree cannot
 * disagree with the codes.
 *
 * @param code dotted lower-case code
 * @param nameZh the Chinese name
 * @param nameEn the English name
 * @param ipRanges the library's own on-site address ranges (may be empty)
 */
public record Library(String code, String nameZh, String nameEn, List<IpRange> ipRanges) {

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

	public Library {
		Objects.requireNonNull(code, "code");
		if (!CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("library code '" + code
					+ "' must be dotted lower-case segments such as zj.sx.zhuji");
		}
		Objects.requireNonNull(nameZh, "nameZh");
		Objects.requireNonNull(nameEn, "nameEn");
		ipRanges = List.copyOf(ipRanges);
	}

	/** The parent's code, or {@code null} for the root. */
	public String parentCode() {
		int dot = this.code.lastIndexOf('.');
		return (dot < 0) ? null : this.code.substring(0, dot);
	}

	/** Whether this library is {@code ancestor} or lies below it. */
	public boolean isWithin(String ancestor) {
		return isWithin(this.code, ancestor);
	}

	/**
	 * Whether the library {@code code} is {@code ancestor} or lies below it, by the codes alone
	 * ({@code zj.sx.zhuji} is within {@code zj.sx}; {@code zj.sxx} is not). Allocates nothing.
	 */
	public static boolean isWithin(String code, String ancestor) {
		return code.startsWith(ancestor)
				&& (code.length() == ancestor.length() || code.charAt(ancestor.length()) == '.');
	}

	/** Whether {@code code} is a well-formed library code (dotted lower-case segments). */
	public static boolean isValidCode(String code) {
		return code != null && CODE.matcher(code).matches();
	}

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.nameZh : this.nameEn;
	}

}
