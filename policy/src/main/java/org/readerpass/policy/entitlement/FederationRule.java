package org.readerpass.policy.entitlement;

import java.net.URI;
import java.net.URISyntaxException;

import org.readerpass.policy.resource.Resource;

/**
 * "A reader allowed any action on this resource also gets this value": how a licence's notion
 * of member (e.g. {@code urn:mace:dir:entitlement:common-lib-terms}) joins the entitlements of
 * that resource's tokens.
 *
 * @param resourceCode the resource
 * @param value an absolute URI (normally a URN) without whitespace
 */
public record FederationRule(String resourceCode, String value) {

	public FederationRule {
		if (!Resource.isValidCode(resourceCode)) {
			throw new IllegalArgumentException("federation rule names a malformed resource '" + resourceCode + "'");
		}
		if (!isAbsoluteUri(value)) {
			throw new IllegalArgumentException(
					"federation value '" + value + "' for resource '" + resourceCode + "' must be an absolute URI");
		}
	}

	private static boolean isAbsoluteUri(String value) {
		if (value == null || value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
			return false;
		}
		try {
			return new URI(value).isAbsolute();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
