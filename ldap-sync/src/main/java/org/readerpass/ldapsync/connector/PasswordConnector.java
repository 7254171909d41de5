package org.readerpass.ldapsync.connector;

import org.readerpass.ldapsync.password.Password;
import org.readerpass.ldapsync.password.PasswordResult;

/** A connector that can check a password by binding as an entry (Dex's {@code PasswordConnector}). */
public interface PasswordConnector extends DirectoryConnector {

	/**
	 * Binds as {@code dn} with {@code password} (never empty: see {@link Password}). A blank DN is
	 * {@link PasswordResult#REJECTED} without asking the directory.
	 */
	PasswordResult verify(String dn, Password password);

}
