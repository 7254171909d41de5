package org.readerpass.authserver.testsupport;

import java.util.Locale;

/** The machine a test runs on, for behaviour that depends on it (a native library's platforms). */
public final class Platform {

	private Platform() {
	}

	/**
	 * Linux on x86-64: the build's machines, and the only platform of the signing provider's
	 * native library (keys.SigningProviders), which must load there.
	 */
	public static boolean isLinuxX64() {
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
				&& (arch.equals("amd64") || arch.equals("x86_64"));
	}

}
