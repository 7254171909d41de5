package org.readerpass.adminui.grant;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.readerpass.adminui.problem.FieldProblems;
import org.readerpass.adminui.problem.InvalidRequestException;
import org.readerpass.policy.network.Library;
import org.readerpass.policy.network.LibraryTree;
import org.readerpass.policy.resource.Resource;
import org.readerpass.policy.resource.ResourceRegistry;

/** Turns a {@link ResourceRequest} into a {@link Resource}, or reports every invalid field. */
final class ResourceParser {

	private ResourceParser() {
	}

	/**
	 * @param pathCode the code of the path on PUT; {@code null} on POST
	 * @throws InvalidRequestException listing every problem
	 */
	static Resource parse(ResourceRequest request, String pathCode, LibraryTree tree) {
		if (request == null) {
			throw InvalidRequestException.of(null, "a JSON object is required");
		}
		FieldProblems problems = new FieldProblems();
		problems.unknown("", request.unknownFields());
		String code = code(problems, request.code(), pathCode);
		name(problems, "nameZh", request.nameZh());
		name(problems, "nameEn", request.nameEn());
		String owner = request.ownerLibrary();
		if (problems.required("ownerLibrary", owner)
				&& problems.maxLength("ownerLibrary", owner, PolicyStore.MAX_LIBRARY_CODE_LENGTH)) {
			library(problems, "ownerLibrary", owner, tree);
		}
		URI audience = audience(problems, request.audience());
		List<String> actions = actions(problems, request.actions());
		problems.throwIfAny();
		Resource resource = problems.parse(null,
				() -> new Resource(code, request.nameZh(), request.nameEn(), owner, audience, actions));
		problems.throwIfAny();
		problems.parse(null, () -> ResourceRegistry.of(List.of(resource), tree)); // the policy module's own check
		problems.throwIfAny();
		return resource;
	}

	private static String code(FieldProblems problems, String code, String pathCode) {
		if (pathCode != null) {
			if (code != null && !code.equals(pathCode)) {
				problems.add("code", "differs from the code of the path ('" + pathCode
						+ "'): a resource's code never changes (it is part of entitlement values)");
			}
			return pathCode;
		}
		if (problems.required("code", code) && !Resource.isValidCode(code)) {
			problems.add("code", "must be 1 to 63 lower-case letters, digits and '-', starting with a letter or digit");
		}
		return code;
	}

	private static void name(FieldProblems problems, String field, String name) {
		if (problems.required(field, name)) {
			problems.maxLength(field, name, PolicyStore.MAX_NAME_LENGTH);
		}
	}

	/** Checks a library code field: well-formed and a library of the network. */
	static void library(FieldProblems problems, String field, String code, LibraryTree tree) {
		if (!Library.isValidCode(code)) {
			problems.add(field, "'" + code + "' is not a library code (dotted lower-case segments such as zj.sx)");
		}
		else if (tree.find(code).isEmpty()) {
			problems.add(field, "no library '" + code + "' in the network");
		}
	}

	private static URI audience(FieldProblems problems, String text) {
		if (!problems.required("audience", text)
				|| !problems.maxLength("audience", text, PolicyStore.MAX_AUDIENCE_LENGTH)) {
			return null;
		}
		if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)
				|| text.chars().anyMatch(c -> c <= ' ' || c == 127)) {
			problems.add("audience", "must be an ASCII URI without spaces or control characters (RFC 3986)");
			return null;
		}
		try {
			URI uri = new URI(text);
			if (!uri.isAbsolute()) {
				problems.add("audience", "must be an absolute URI, e.g. https://ebooks.example.org/");
			}
			else if (uri.getRawFragment() != null) {
				problems.add("audience", "must not have a fragment (#...)");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			problems.add("audience", "is not a URI: " + ex.getMessage());
			return null;
		}
	}

	private static List<String> actions(FieldProblems problems, List<String> actions) {
		if (actions == null || actions.isEmpty()) {
			problems.add("actions", "needs at least one action");
			return List.of();
		}
		if (actions.size() > Resource.MAX_ACTIONS) {
			problems.add("actions", "has " + actions.size() + " actions; at most " + Resource.MAX_ACTIONS);
			return List.of();
		}
		Set<String> seen = new HashSet<>();
		List<String> valid = new ArrayList<>();
		for (int i = 0; i < actions.size(); i++) {
			String action = actions.get(i);
			String field = "actions[" + i + "]";
			if (!Resource.isValidAction(action)) {
				problems.add(field, "'" + action + "' is not an action: lower-case letters, digits and '-', "
						+ "starting with a letter, at most 32 (e.g. read, download)");
			}
			else if (!seen.add(action)) {
				problems.add(field, "'" + action + "' is listed twice");
			}
			else {
				valid.add(action);
			}
		}
		return valid;
	}

}
