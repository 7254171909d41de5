package org.readerpass.adminui.text;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.readerpass.policy.grant.NetworkCondition;

/**
 * A grant's network condition as text: {@code anywhere}, {@code on-site-at-home-library},
 * {@code on-site-within} (value: a library code) or {@code in-zone} (value: a zone name). How the
 * store keeps it, how the admin API shows it and how the audit records it. (Its OpenAPI schema
 * keeps the name it was published under, {@code NetworkForm}.)
 */
@Schema(name = "NetworkForm")
public record NetworkText(String kind, @Schema(types = { "string", "null" }) String value) {

	public static final String ANYWHERE = "anywhere";

	public static final String ON_SITE_AT_HOME_LIBRARY = "on-site-at-home-library";

	public static final String ON_SITE_WITHIN = "on-site-within";

	public static final String IN_ZONE = "in-zone";

	public static final List<String> KINDS = List.of(ANYWHERE, ON_SITE_AT_HOME_LIBRARY, ON_SITE_WITHIN, IN_ZONE);

	public static final NetworkText ANYWHERE_TEXT = new NetworkText(ANYWHERE, null);

	public static NetworkText of(NetworkCondition condition) {
		if (condition instanceof NetworkCondition.OnSiteAtHomeLibrary) {
			return new NetworkText(ON_SITE_AT_HOME_LIBRARY, null);
		}
		if (condition instanceof NetworkCondition.OnSiteWithin within) {
			return new NetworkText(ON_SITE_WITHIN, within.libraryCode());
		}
		if (condition instanceof NetworkCondition.InZone zone) {
			return new NetworkText(IN_ZONE, zone.zoneName());
		}
		return ANYWHERE_TEXT;
	}

	/** Whether this kind takes a value. */
	public static boolean hasValue(String kind) {
		return ON_SITE_WITHIN.equals(kind) || IN_ZONE.equals(kind);
	}

	/**
	 * The condition, checked by the policy module's own rules.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public NetworkCondition toCondition() {
		if (this.kind == null || !KINDS.contains(this.kind)) {
			throw new IllegalArgumentException("network kind '" + this.kind + "' is not one of " + KINDS);
		}
		if (!hasValue(this.kind)) {
			if (this.value != null) {
				throw new IllegalArgumentException("network kind " + this.kind + " takes no value");
			}
			return ANYWHERE.equals(this.kind) ? NetworkCondition.anywhere() : NetworkCondition.onSiteAtHomeLibrary();
		}
		if (this.value == null) {
			throw new IllegalArgumentException("network kind " + this.kind + " needs a value ("
					+ (ON_SITE_WITHIN.equals(this.kind) ? "a library code" : "a zone name") + ")");
		}
		return ON_SITE_WITHIN.equals(this.kind) ? NetworkCondition.onSiteWithin(this.value)
				: NetworkCondition.inZone(this.value);
	}

}
