package org.readerpass.policy.grant;

/** What a grant does to its actions. A DENY that applies wins over every ALLOW. */
public enum Effect {

	ALLOW, DENY

}
