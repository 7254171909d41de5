package org.readerpass.ldapsync.directory;

import java.util.regex.Pattern;

/**
 * Light syntax checks for configuration values, so that a typo is reported with the other
 * configuration problems. The LDAP connector parses DNs and filters fully when it starts.
 */
final class LdapSyntax {

	private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+");

	private LdapSyntax() {
	}

	static boolean isAttributeName(String name) {
		return name != null && ATTRIBUTE.matcher(name).matches();
	}

	/** Each unescaped comma-separated RDN is {@code attribute=value} (multi-valued with {@code +}). */
	static boolean isDn(String dn) {
		if (dn == null || dn.isBlank()) {
			return false;
		}
		for (String rdn : dn.split("(?<!\\\\),")) {
			for (String ava : rdn.split("(?<!\\\\)\\+")) {
				int equals = ava.indexOf('=');
				if (equals < 1 || !isAttributeName(ava.substring(0, equals).trim())
						|| ava.substring(equals + 1).isBlank()) {
					return false;
				}
			}
		}
		return true;
	}

	/** Enclosed in parentheses that balance. */
	static boolean isFilter(String filter) {
		if (filter == null || !filter.startsWith("(") || !filter.endsWith(")")) {
			return false;
		}
		int depth = 0;
		for (int i = 0; i < filter.length(); i++) {
			char c = filter.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')' && (--depth < 0 || (depth == 0 && i < filter.length() - 1))) {
				return false; // closes more than it opened, or the filter goes on after its end
			}
		}
		return depth == 0;
	}

}
