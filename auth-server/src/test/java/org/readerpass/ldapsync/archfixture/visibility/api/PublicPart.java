package org.readerpass.ldapsync.archfixture.visibility.api;

/**
 * Public though no class outside its package uses it: a public type of its package implements it,
 * so it is part of that type's API. Follows the rule.
 */
public interface PublicPart {

	String name();

}
