package org.readerpass.authserver.e2e;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every answer to bad input must be: below 500; no stack trace, Java exception class name,
 * the word "Exception", SQL text or file path in the body; a redirect only to this server or to a
 * URI registered for a client (a redirect or post-logout redirect URI), never elsewhere.
 */
final class AnswerCheck {

	private static final List<Pattern> LEAKS = List.of(Pattern.compile("Exception"),
			Pattern.compile("\\bat (java|javax|jakarta|org|com|sun)\\.[\\w.$]+\\("),
			Pattern.compile("\\b(java|javax|jakarta|org\\.springframework|org\\.apache|org\\.h2|com\\.nimbusds|org\\.readerpass)\\.[a-z]\\w*\\.[\\w.]*[A-Z]\\w*"),
			Pattern.compile("\\b[A-Z]\\w*(Error|Exception)\\b"),
			Pattern.compile("\\bSELECT\\b[^<>]{1,200}\\bFROM\\b"), Pattern.compile("\\bINSERT INTO\\b"),
			Pattern.compile("\\bUPDATE\\s+\\w+\\s+SET\\b"), Pattern.compile("SQLState|SQL statement|JDBC|jdbc:"),
			Pattern.compile("(/root/|/home/|/work/|/tmp/|/usr/lib/jvm|[A-Z]:\\\\|\\.java:\\d+|\\.class\\b)"));

	private final URI origin;

	private final Set<String> registered;

	/** @param registered every redirect and post-logout redirect URI of every client, as registered */
	AnswerCheck(URI origin, Set<String> registered) {
		this.origin = origin;
		this.registered = registered;
	}

	/** What is wrong with the answer to {@code probe}; empty when nothing is. */
	List<String> problems(Probe probe, RawHttp.Response answer) {
		List<String> problems = new ArrayList<>();
		if (answer == null) {
			return problems; // the server closed the connection without an answer: nothing leaked
		}
		if (answer.status() >= 500 && !(answer.status() == 501 && unknownTransferCoding(probe))) {
			problems.add("status " + answer.status());
		}
		for (Pattern leak : LEAKS) {
			Matcher found = leak.matcher(answer.body());
			if (found.find()) {
				problems.add("body holds '" + found.group() + "'");
			}
		}
		String location = answer.headers().get("location");
		if (answer.status() / 100 == 3 && location != null && !allowed(location)) {
			problems.add("redirect to " + shorten(location));
		}
		return problems;
	}

	/**
	 * A transfer coding the server does not know is answered 501 by the servlet container, before
	 * the application (RFC 9112 §6.1: "SHOULD respond with 501"); a proxy in front answers it too.
	 */
	private static boolean unknownTransferCoding(Probe probe) {
		return probe.headers()
			.stream()
			.anyMatch(header -> header.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)
					&& !header.substring(18).strip().equalsIgnoreCase("chunked"));
	}

	private boolean allowed(String location) {
		if (location.startsWith("//") || location.startsWith("/\\") || location.startsWith("\\")) {
			return false;
		}
		String withoutQuery = location.replaceFirst("[?#].*$", "");
		if (this.registered.contains(withoutQuery)) {
			return true;
		}
		URI uri;
		try {
			uri = this.origin.resolve(URI.create(location));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return this.origin.getScheme().equals(uri.getScheme())
				&& this.origin.getRawAuthority().equals(uri.getRawAuthority());
	}

	private static String shorten(String text) {
		return (text.length() > 120) ? text.substring(0, 120) + "…" : text;
	}

}
