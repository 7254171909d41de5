/**
 * The text of policy values that the store, the admin API and the audit share: a grant's subject
 * ({@link SubjectText}) and network condition ({@link NetworkText}) as kind and value, and effects,
 * verification levels, action lists and UUIDs ({@link PolicyText}). Codecs, not HTML forms; no web.
 */
package org.readerpass.adminui.text;
