package org.readerpass.authserver.authorization;

import java.time.Instant;
import java.util.UUID;

/**
 * A compact form, in stored authorizations and sessions' values, for a type that another package
 * owns (a reader's authentication): declared by that package as a bean, so that this one does not
 * depend on it.
 * Values of the type that the form does not write are stored with Java serialization instead.
 *
 * @param <T> the type
 */
public interface CompactForm<T> {

	/** The form's name, stored before each value: keep it across releases. */
	String name();

	/** The exact class written in this form (not its subclasses). */
	Class<T> type();

	/** Whether {@link #read} of what {@link #write} writes gives back a value equal to this one in every respect. */
	boolean writes(T value);

	void write(T value, Writer out);

	/** The value; {@link IllegalArgumentException} for fields that make none. */
	T read(Reader in);

	/** The fields a form writes, in its own order. */
	interface Writer {

		void string(String value);

		void uuid(UUID value);

		void instant(Instant value);

	}

	/** The fields, read back in the order written. */
	interface Reader {

		String string();

		UUID uuid();

		Instant instant();

	}

}
